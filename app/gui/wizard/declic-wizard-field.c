/* declic-wizard-field.c: one row of the wizard bound to one draft path.
 *
 * The kind of row comes from the field table (declic-draft-fields.h): text, e-mail, numbers,
 * NOC codes and dates are entry rows, choices are combo rows, yes/no fields a switch, countries
 * a searchable drop-down in the user's language. Every row writes to the draft as the user types;
 * the wizard then checks the draft and hands each field its message.
 */
#define G_LOG_DOMAIN "declic-wizard"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "declic-gui-utils.h"
#include "declic-clock.h"
#include "declic-countries.h"
#include "declic-format.h"
#include "declic-language-tables.h"
#include "declic-noc.h"
#include "declic-utils.h"
#include "declic-wizard-private.h"

#define NOC_RESULTS_MAX 8

static const char *
field_label (const DeclicFieldSpec *spec)
{
  return spec->label != NULL ? g_dgettext (GETTEXT_PACKAGE, spec->label) : "";
}

/* An item emptied of its last value ("education[0]" once its title is erased) leaves the
 * draft, as it was before its first value: no "{}" is written. It stays on screen as the item
 * still to fill (declic_wizard_item_emptying ()); a list left with no item leaves the file too.
 *
 * Not at once: typing over a selected value erases it, then inserts the first character, and
 * the field hears both. The item is dropped once the key is handled, if it is still blank. */
typedef struct
{
  DeclicWizard *wizard;
  DeclicDraft  *draft;
  char         *item;   /* "education[0]" */
} BlankItem;

static void
blank_item_free (BlankItem *blank)
{
  g_object_unref (blank->wizard);
  g_object_unref (blank->draft);
  g_free (blank->item);
  g_free (blank);
}

static gboolean
drop_blank_item_cb (gpointer data)
{
  BlankItem *blank = data;
  DeclicDraft *draft = blank->draft;
  const char *open = strrchr (blank->item, '[');
  g_autofree char *array = g_strndup (blank->item, open - blank->item);
  g_autofree char *removed = NULL;

  if (blank->wizard->draft != draft || !declic_draft_has (draft, blank->item)
      || !declic_draft_is_blank (draft, blank->item))
    return G_SOURCE_REMOVE;
  declic_wizard_write_begin (blank->wizard);
  declic_wizard_item_emptying (blank->wizard, blank->item);
  removed = declic_draft_remove_item (draft, array, (guint) g_ascii_strtoull (open + 1, NULL, 10));
  declic_wizard_drop_empty_containers (blank->wizard, array);
  declic_wizard_write_end (blank->wizard);
  return G_SOURCE_REMOVE;
}

static void
drop_blank_item (DeclicWizardField *field)
{
  DeclicDraft *draft = field->wizard->draft;
  const char *close = strrchr (field->path, ']');
  BlankItem *blank;

  if (close == NULL || close[1] == '\0' || declic_draft_has (draft, field->path))
    return;
  blank = g_new0 (BlankItem, 1);
  blank->item = g_strndup (field->path, close + 1 - field->path);
  if (strrchr (blank->item, '[') == NULL || !declic_draft_has (draft, blank->item)
      || !declic_draft_is_blank (draft, blank->item))
    {
      g_free (blank->item);
      g_free (blank);
      return;
    }
  blank->wizard = g_object_ref (field->wizard);
  blank->draft = g_object_ref (draft);
  g_idle_add_full (G_PRIORITY_DEFAULT, drop_blank_item_cb, blank, (GDestroyNotify) blank_item_free);
}

static void
write_value (DeclicWizardField *field,
             const char        *text)
{
  DeclicDraft *draft = field->wizard->draft;
  g_autofree char *previous_error = g_steal_pointer (&field->local_error);

  if (draft == NULL)
    return;

  declic_wizard_write_begin (field->wizard);
  switch (field->spec->type)
    {
    case DECLIC_FIELD_INTEGER:
    case DECLIC_FIELD_NUMBER:
      {
        gboolean integer = field->spec->type == DECLIC_FIELD_INTEGER;
        g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
        double value = 0;
        /* Either decimal mark, whatever the interface language: "37,5" and "37.5". */
        gboolean valid = declic_format_parse_number (copy, &value) &&
                         (!integer || (value == (double) (gint64) value && fabs (value) < 1e15));

        if (*copy == '\0')
          declic_draft_unset (draft, field->path);
        else if (!valid)
          {
            field->local_error = g_strdup (integer ? _("Enter a whole number.") : _("Enter a number."));
            declic_draft_unset (draft, field->path);
          }
        else if (integer)
          declic_draft_set_integer (draft, field->path, (gint64) value);
        else
          declic_draft_set_number (draft, field->path, value);
      }
      break;

    case DECLIC_FIELD_OBJECT:
    case DECLIC_FIELD_ARRAY:
    case DECLIC_FIELD_BOOLEAN:
      g_assert_not_reached ();
      break;

    case DECLIC_FIELD_DATE:
      /* A date half typed is not stored: a file holding one would not load again. */
      if (text != NULL && *text != '\0' && !declic_format_parse_date (text, NULL))
        {
          field->local_error = g_strdup (_("Write the date as 2026-11-22 or 22 November 2026."));
          declic_draft_unset (draft, field->path);
          break;
        }
      /* A date written out ("22 novembre 2026") is stored as ISO, as every draft date is. */
      if (text != NULL && *text != '\0' && !declic_utils_parse_date (text, NULL))
        {
          GDate date;
          g_autofree char *iso = NULL;

          g_date_clear (&date, 1);
          declic_format_parse_date (text, &date);
          iso = declic_utils_format_date (&date);
          declic_draft_set_string (draft, field->path, iso);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case DECLIC_FIELD_STRING:
    case DECLIC_FIELD_DATETIME:
    case DECLIC_FIELD_ENUM:
    case DECLIC_FIELD_COUNTRY:
    case DECLIC_FIELD_SUBDIVISION:
    case DECLIC_FIELD_NOC:
    case DECLIC_FIELD_EMAIL:
    default:
      if (text == NULL || *text == '\0')
        {
          if (g_str_has_suffix (field->path, "]"))
            declic_wizard_item_emptying (field->wizard, field->path);
          declic_draft_unset (draft, field->path);
        }
      else
        declic_draft_set_string (draft, field->path, text);
      break;
    }
  drop_blank_item (field);
  declic_wizard_write_end (field->wizard);

  /* Unsetting an absent field changes nothing, so the draft says nothing: check again here. */
  if (field->local_error != NULL || previous_error != NULL)
    declic_wizard_revalidate (field->wizard);
}

/* The item for @value in field->codes, 0 ("Not chosen") when it has none. */
static guint
find_code (DeclicWizardField *field,
           const char        *value)
{
  for (guint i = 1; value != NULL && i < field->codes->len; i++)
    if (g_str_equal (g_ptr_array_index (field->codes, i), value))
      return i;
  return 0;
}

/* Search results: a popover under a row, a list whose rows carry the code they stand for. The
 * NOC search is typed in the entry row itself, the country search in the popover's own entry. */

typedef void (*PickFunc) (DeclicWizardField *field,
                          const char        *code);

static void
on_result_activated (GtkListBox        *list,
                     GtkListBoxRow     *row,
                     DeclicWizardField *field)
{
  PickFunc pick = g_object_get_data (G_OBJECT (list), "declic-pick");

  gtk_popover_popdown (GTK_POPOVER (field->popover));
  pick (field, g_object_get_data (G_OBJECT (row), "declic-code"));
}

static void
clear_results (DeclicWizardField *field)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (field->results)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (field->results), child);
}

static void
append_result (DeclicWizardField *field,
               const char        *text,
               const char        *code)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  /* A screen reader reads a row by its name: GTK 4.8 does not take it from the label. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_set_data_full (G_OBJECT (row), "declic-code", g_strdup (code), g_free);
  gtk_list_box_append (GTK_LIST_BOX (field->results), row);
}

/* Down moves from the entry to the first result; Escape closes. */
static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       DeclicWizardField     *field)
{
  if (!gtk_widget_get_visible (field->popover))
    return FALSE;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (field->results), 0);

      if (first != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (first));
      return first != NULL;
    }
  if (keyval == GDK_KEY_Escape)
    {
      gtk_popover_popdown (GTK_POPOVER (field->popover));
      return TRUE;
    }
  return FALSE;
}

/* A search button for the row, its popover (above @top when given) and the result list. */
static GtkWidget *
add_search_popover (DeclicWizardField *field,
                    GtkWidget         *top,
                    GtkWidget         *key_target,
                    const char        *tooltip,
                    const char        *list_label,
                    PickFunc           pick)
{
  GtkWidget *button;
  GtkWidget *scrolled;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkEventController *keys;

  field->results = gtk_list_box_new ();
  gtk_widget_set_name (field->results, "search-results");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (field->results), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (field->results), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->results),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, list_label, -1);
  g_object_set_data (G_OBJECT (field->results), "declic-pick", pick);
  g_signal_connect (field->results, "row-activated", G_CALLBACK (on_result_activated), field);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), field->results);
  if (top != NULL)
    gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), scrolled);

  field->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (field->popover), box);
  gtk_widget_set_size_request (field->popover, 360, -1);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "system-search-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), field->popover);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), field);
  gtk_widget_add_controller (key_target, keys);
  return button;
}

/* NOC search */

static void
pick_noc (DeclicWizardField *field,
          const char        *code)
{
  gtk_editable_set_text (GTK_EDITABLE (field->row), code);
  gtk_editable_set_position (GTK_EDITABLE (field->row), -1);
  gtk_widget_grab_focus (field->row);
}

static gboolean
update_noc_results (DeclicWizardField *field,
                    const char        *query)
{
  DeclicNoc *noc = declic_noc_get_default ();
  g_autoptr(GPtrArray) results = NULL;

  clear_results (field);
  if (noc == NULL || query == NULL || *query == '\0')
    return FALSE;

  results = declic_noc_search (noc, query, NOC_RESULTS_MAX);

  for (guint i = 0; i < results->len; i++)
    {
      const DeclicNocEntry *entry = g_ptr_array_index (results, i);
      g_autofree char *text = NULL;

      /* TRANSLATORS: a NOC search result: code, title and TEER category */
      text = g_strdup_printf (_("%s — %s (TEER %d)"),
                              declic_noc_entry_get_code (entry),
                              declic_noc_entry_get_localized_title (entry),
                              declic_noc_entry_get_teer (entry));
      append_result (field, text, declic_noc_entry_get_code (entry));
    }

  return results->len > 0;
}

static void
on_noc_search_changed (GtkEditable       *entry,
                       DeclicWizardField *field)
{
  update_noc_results (field, gtk_editable_get_text (entry));
}

/* Enter picks the first result. */
static void
on_noc_search_activate (GtkSearchEntry    *entry,
                        DeclicWizardField *field)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (field->results), 0);

  if (first != NULL)
    g_signal_emit_by_name (field->results, "row-activated", first);
}

/* The search starts from what the row holds, unless it is already a code. */
static void
on_noc_popover_show (GtkWidget         *popover,
                     DeclicWizardField *field)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field->row));
  DeclicNoc *noc = declic_noc_get_default ();
  gboolean is_code = noc != NULL && declic_noc_lookup (noc, text) != NULL;

  gtk_editable_set_text (GTK_EDITABLE (field->search_entry), is_code ? "" : text);
  gtk_editable_set_position (GTK_EDITABLE (field->search_entry), -1);
  gtk_widget_grab_focus (field->search_entry);
}

/* The search has an entry of its own in the popover, as the country search does. It used to
 * follow the typing in the row, in a popover that could not take the focus: the search button
 * opened it empty and the first key closed it. */
static void
add_noc_search (DeclicWizardField *field)
{
  GtkWidget *entry = gtk_search_entry_new ();
  GtkWidget *button;

  gtk_widget_set_name (entry, "noc-search");
  g_object_set (entry, "placeholder-text", _("Words of the occupation, or its code"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the NOC"), -1);
  g_signal_connect (entry, "changed", G_CALLBACK (on_noc_search_changed), field);
  g_signal_connect (entry, "activate", G_CALLBACK (on_noc_search_activate), field);
  button = add_search_popover (field, entry, entry, _("Search the NOC"),
                               _("Matching occupations"), pick_noc);
  g_signal_connect (field->popover, "show", G_CALLBACK (on_noc_popover_show), field);
  field->search_entry = entry;
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->row), button);
}

/* Country search: accents and case ignored, names in the user's language or in English. */

static void
pick_country (DeclicWizardField *field,
              const char        *code)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (field->input), find_code (field, code));
  gtk_widget_grab_focus (field->input);
}

static void
on_country_search_changed (GtkEditable       *entry,
                           DeclicWizardField *field)
{
  DeclicCountries *countries = declic_countries_get_default ();
  g_autoptr(GPtrArray) results = NULL;

  clear_results (field);
  if (countries == NULL)
    return;
  results = declic_countries_search (countries, gtk_editable_get_text (entry), NOC_RESULTS_MAX);
  for (guint i = 0; i < results->len; i++)
    append_result (field, declic_country_get_localized_name (g_ptr_array_index (results, i)),
                   declic_country_get_code (g_ptr_array_index (results, i)));
}

/* Enter picks the first result. */
static void
on_country_search_activate (GtkSearchEntry    *entry,
                            DeclicWizardField *field)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (field->results), 0);

  if (first != NULL)
    g_signal_emit_by_name (field->results, "row-activated", first);
}

static void
on_country_popover_show (GtkWidget         *popover,
                         DeclicWizardField *field)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (popover), "declic-entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (entry);
}

static GtkWidget *
add_country_search (DeclicWizardField *field,
                    const char        *title)
{
  GtkWidget *entry = gtk_search_entry_new ();
  g_autofree char *tooltip = g_strdup_printf (_("Search: %s"), title);
  GtkWidget *button;

  gtk_widget_set_name (entry, "country-search");
  g_object_set (entry, "placeholder-text", _("Name or code of the country"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_signal_connect (entry, "changed", G_CALLBACK (on_country_search_changed), field);
  g_signal_connect (entry, "activate", G_CALLBACK (on_country_search_activate), field);
  button = add_search_popover (field, entry, entry, tooltip, _("Matching countries"), pick_country);
  g_object_set_data (G_OBJECT (field->popover), "declic-entry", entry);
  g_signal_connect (field->popover, "show", G_CALLBACK (on_country_popover_show), field);
  field->search_entry = entry;
  return button;
}

/* Dates */

static void
on_calendar_day_selected (GtkCalendar       *calendar,
                          DeclicWizardField *field)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (field->row), text);
  gtk_popover_popdown (GTK_POPOVER (field->popover));
}

static void
on_calendar_popover_show (GtkWidget         *popover,
                          DeclicWizardField *field)
{
  GDate date;

  if (field->wizard->draft != NULL
      && declic_draft_get_date (field->wizard->draft, field->path, &date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&date),
                                                       g_date_get_month (&date),
                                                       g_date_get_day (&date), 0, 0, 0);

      g_signal_handlers_block_by_func (field->calendar, on_calendar_day_selected, field);
      gtk_calendar_select_day (GTK_CALENDAR (field->calendar), dt);
      g_signal_handlers_unblock_by_func (field->calendar, on_calendar_day_selected, field);
    }
}

static void
add_calendar (DeclicWizardField *field)
{
  GtkWidget *button = gtk_menu_button_new ();

  field->calendar = gtk_calendar_new ();
  field->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (field->popover), field->calendar);
  g_signal_connect (field->calendar, "day-selected", G_CALLBACK (on_calendar_day_selected), field);
  g_signal_connect (field->popover, "show", G_CALLBACK (on_calendar_popover_show), field);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), field->popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a date"), -1);

  /* The field keeps the ISO form (Québec's official numeric form, OQLF); beside it, the date
   * written out in the interface language shows how what was typed was read. */
  field->written_date = gtk_label_new (NULL);
  gtk_widget_add_css_class (field->written_date, "dim-label");
  gtk_widget_set_valign (field->written_date, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (field->written_date, FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->row), field->written_date);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->row), button);
}

/* Signal handlers */

static void
on_entry_changed (GtkEditable       *editable,
                  DeclicWizardField *field)
{
  const char *text = gtk_editable_get_text (editable);

  if (field->wizard->loading > 0)
    return;

  write_value (field, text);
}

static void
on_combo_selected (GObject           *combo,
                   GParamSpec        *pspec,
                   DeclicWizardField *field)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (combo));

  if (field->wizard->loading > 0)
    return;

  /* Item 0 is "Not chosen". */
  write_value (field, selected == 0 || selected == GTK_INVALID_LIST_POSITION
                      ? NULL : field->spec->choices[selected - 1].code);
}

/* Country drop-downs and province combos: item i stands for field->codes[i], NULL first. */
static void
on_code_selected (GObject           *input,
                  GParamSpec        *pspec,
                  DeclicWizardField *field)
{
  guint selected = GTK_INVALID_LIST_POSITION;

  if (field->wizard->loading > 0)
    return;
  g_object_get (input, "selected", &selected, NULL);
  write_value (field, selected < field->codes->len ? g_ptr_array_index (field->codes, selected) : NULL);
}

static void
on_switch_active (GObject           *sw,
                  GParamSpec        *pspec,
                  DeclicWizardField *field)
{
  if (field->wizard->loading > 0 || field->wizard->draft == NULL)
    return;

  declic_wizard_write_begin (field->wizard);
  declic_draft_set_boolean (field->wizard->draft, field->path,
                            gtk_switch_get_active (GTK_SWITCH (sw)));
  declic_wizard_write_end (field->wizard);
}

/* A question (DeclicFieldSpec.question): item 0 "Not answered", 1 "Yes", 2 "No". */
static void
on_question_selected (GObject           *combo,
                      GParamSpec        *pspec,
                      DeclicWizardField *field)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (combo));
  DeclicDraft *draft = field->wizard->draft;

  if (field->wizard->loading > 0 || draft == NULL)
    return;

  declic_wizard_write_begin (field->wizard);
  if (selected == 1 || selected == 2)
    declic_draft_set_boolean (draft, field->path, selected == 1);
  else
    {
      declic_draft_unset (draft, field->path);
      drop_blank_item (field);
    }
  declic_wizard_write_end (field->wizard);
}

/* Construction */

static GtkWidget *
new_entry_row (DeclicWizardField *field,
               const char        *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  field->row = field->input = row;

  switch (field->spec->type)
    {
    case DECLIC_FIELD_EMAIL:
      gtk_text_set_input_purpose (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                  GTK_INPUT_PURPOSE_EMAIL);
      break;
    case DECLIC_FIELD_INTEGER:
      gtk_text_set_input_purpose (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                  GTK_INPUT_PURPOSE_DIGITS);
      break;
    case DECLIC_FIELD_NUMBER:
      gtk_text_set_input_purpose (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                  GTK_INPUT_PURPOSE_NUMBER);
      break;
    case DECLIC_FIELD_DATE:
      add_calendar (field);
      break;
    case DECLIC_FIELD_NOC:
      add_noc_search (field);
      break;
    case DECLIC_FIELD_OBJECT:
    case DECLIC_FIELD_ARRAY:
    case DECLIC_FIELD_STRING:
    case DECLIC_FIELD_DATETIME:
    case DECLIC_FIELD_BOOLEAN:
    case DECLIC_FIELD_ENUM:
    case DECLIC_FIELD_COUNTRY:
    case DECLIC_FIELD_SUBDIVISION:
    default:
      break;
    }

  if (g_str_has_suffix (field->path, ".phone"))
    gtk_text_set_input_purpose (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                GTK_INPUT_PURPOSE_PHONE);

  g_signal_connect (row, "changed", G_CALLBACK (on_entry_changed), field);
  return row;
}

/* Longer than fits beside a title in the row's width. */
static gboolean
has_long_choice (const DeclicChoice *choices)
{
  for (const DeclicChoice *c = choices; c != NULL && c->code != NULL; c++)
    if (g_utf8_strlen (g_dgettext (GETTEXT_PACKAGE, c->label), -1) > 28)
      return TRUE;
  return FALSE;
}

/* A drop-down item that wraps rather than ellipsizes, with the check mark of the chosen one. */
static void
setup_wrapping_item (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
bind_wrapping_item (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    AdwComboRow              *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *check = gtk_widget_get_last_child (box);
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  gtk_widget_set_opacity (check, gtk_list_item_get_position (item) == adw_combo_row_get_selected (row) ? 1 : 0);
}

static GtkWidget *
new_combo_row (DeclicWizardField *field,
               const char        *title)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  gtk_string_list_append (model, _("Not chosen"));
  for (const DeclicChoice *c = field->spec->choices; c != NULL && c->code != NULL; c++)
    gtk_string_list_append (model, g_dgettext (GETTEXT_PACKAGE, c->label));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  if (has_long_choice (field->spec->choices))
    {
      /* "University, 1st cycle, 3 or 4 years" cut to "University, 1st cycle, …" four times
       * over: the chosen value goes under the title, where it wraps, and the list wraps too. */
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_wrapping_item), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_wrapping_item), row);
      adw_combo_row_set_list_factory (ADW_COMBO_ROW (row), factory);
    }
  field->row = field->input = row;
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected), field);
  return row;
}

/* A question the DI asks is answered Yes or No, and may be not answered yet: a switch can
 * only say "No" by being left alone, which is also how a question nobody read looks. */
static GtkWidget *
new_question_row (DeclicWizardField *field,
                  const char        *title)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  /* TRANSLATORS: the choice of a Yes/No question nobody has answered yet */
  gtk_string_list_append (model, C_("question", "Not answered"));
  gtk_string_list_append (model, C_("question", "Yes"));
  gtk_string_list_append (model, C_("question", "No"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  field->row = field->input = row;
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_question_selected), field);
  return row;
}

static GtkWidget *
new_switch_row (DeclicWizardField *field,
                const char        *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  /* Being the row's activatable widget makes the title the switch's label for screen readers. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  field->row = row;
  field->input = sw;
  g_signal_connect (sw, "notify::active", G_CALLBACK (on_switch_active), field);
  return row;
}

/* Every country, in the user's language and order; item 0 is "Not chosen". */
static GtkStringList *
build_country_model (GPtrArray *codes)
{
  DeclicCountries *countries = declic_countries_get_default ();
  GtkStringList *model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, _("Not chosen"));
  g_ptr_array_add (codes, NULL);
  if (countries != NULL)
    {
      g_autoptr(GPtrArray) sorted = declic_countries_list_sorted (countries);

      for (guint i = 0; i < sorted->len; i++)
        {
          const DeclicCountry *country = g_ptr_array_index (sorted, i);

          gtk_string_list_append (model, declic_country_get_localized_name (country));
          g_ptr_array_add (codes, g_strdup (declic_country_get_code (country)));
        }
    }
  return model;
}

static GtkWidget *
new_country_row (DeclicWizardField *field,
                 const char        *title)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GtkStringList) model = NULL;
  GtkExpression *expression;
  GtkWidget *dropdown;

  field->codes = g_ptr_array_new_with_free_func (g_free);
  model = build_country_model (field->codes);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&model)), expression);
  /* GtkDropDown's own search matches the start of the name only, accents included. */
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), FALSE);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);

  /* The row names the drop-down for screen readers (it is the row's activatable widget, which
   * makes the title its label): a label of its own would make readers say the name twice. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dropdown);
  declic_gui_name_drop_down (GTK_DROP_DOWN (dropdown), title);
  field->row = row;
  field->input = dropdown;
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), add_country_search (field, title));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_code_selected), field);
  return row;
}

/* Provinces and states: a text entry until the sibling country has ISO 3166-2 subdivisions,
 * then a combo of them that stores their codes ("CA-QC"). */
static void
new_subdivision_rows (DeclicWizardField *field,
                      const char        *title)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *combo = adw_combo_row_new ();

  field->entry_row = new_entry_row (field, title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (model));
  gtk_widget_set_visible (combo, FALSE);
  g_signal_connect (combo, "notify::selected", G_CALLBACK (on_code_selected), field);
  field->combo_row = combo;
  field->codes = g_ptr_array_new_with_free_func (g_free);
}

static char *
get_sibling_country (DeclicWizardField *field)
{
  g_autofree char *base = g_strndup (field->path, strlen (field->path) - strlen ("subdivision"));
  g_autofree char *path = g_strconcat (base, "country", NULL);

  return field->wizard->draft != NULL ? g_strdup (declic_draft_get_string (field->wizard->draft, path)) : NULL;
}

static void
load_subdivision (DeclicWizardField *field)
{
  const char *value = field->wizard->draft != NULL ? declic_draft_get_string (field->wizard->draft, field->path) : NULL;

  adw_combo_row_set_selected (ADW_COMBO_ROW (field->combo_row), find_code (field, value));
}

/* Shows the entry or the combo for the sibling country; TRUE when the combo is shown. */
static gboolean
sync_subdivision_rows (DeclicWizardField *field)
{
  DeclicCountries *countries = declic_countries_get_default ();
  g_autofree char *country = get_sibling_country (field);
  g_autoptr(GPtrArray) subdivisions = NULL;
  g_autoptr(GtkStringList) model = NULL;
  GtkWidget *shown;

  if (g_strcmp0 (country, field->subdivision_country) == 0)
    return field->row == field->combo_row;
  g_free (field->subdivision_country);
  field->subdivision_country = g_strdup (country);

  subdivisions = countries != NULL && country != NULL
                 ? declic_countries_get_subdivisions (countries, country) : g_ptr_array_new ();
  model = gtk_string_list_new (NULL);
  g_ptr_array_set_size (field->codes, 0);
  gtk_string_list_append (model, _("Not chosen"));
  g_ptr_array_add (field->codes, NULL);
  for (guint i = 0; i < subdivisions->len; i++)
    {
      gtk_string_list_append (model, declic_subdivision_get_localized_name (g_ptr_array_index (subdivisions, i)));
      g_ptr_array_add (field->codes, g_strdup (declic_subdivision_get_code (g_ptr_array_index (subdivisions, i))));
    }

  field->wizard->loading++;
  adw_combo_row_set_model (ADW_COMBO_ROW (field->combo_row), G_LIST_MODEL (model));
  shown = subdivisions->len > 0 ? field->combo_row : field->entry_row;
  if (shown != field->row)
    {
      gtk_widget_remove_css_class (field->row, "error");
      gtk_widget_set_visible (field->row, FALSE);
      gtk_widget_set_visible (shown, field->applies);
      field->row = field->input = shown;
    }
  if (shown == field->combo_row)
    load_subdivision (field);
  else
    {
      const char *value = field->wizard->draft != NULL ? declic_draft_get_string (field->wizard->draft, field->path) : NULL;

      gtk_editable_set_text (GTK_EDITABLE (field->entry_row), value != NULL ? value : "");
    }
  field->wizard->loading--;
  return shown == field->combo_row;
}

/* The lines under a field: what its value means, and its finding. A box, not a list row:
 * GtkListBox moves the focus to the next visible row and gives up when that row takes no
 * focus, so a message row between two fields ended Tab's walk through the list. In a group
 * the box sits under the group's list (AdwPreferencesGroup puts anything but a row there);
 * in an item, declic_wizard_field_add_to () wraps it in a row that takes the focus, so that
 * Tab reads the message and goes on. */
static GtkWidget *
new_message_box (DeclicWizardField *field)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  field->info_label = gtk_label_new (NULL);
  field->message_label = GTK_LABEL (gtk_label_new (NULL));
  for (GtkWidget *label = field->info_label; label != NULL;
       label = label == field->info_label ? GTK_WIDGET (field->message_label) : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_visible (label, FALSE);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (field->info_label, "dim-label");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_visible (box, FALSE);
  gtk_widget_add_css_class (box, "declic-field-message");
  return box;
}

typedef struct
{
  GWeakRef  wizard;  /* not a strong reference: a wizard closed meanwhile is not kept alive */
  char     *path;
} LeftEmpty;

static gboolean
left_empty_cb (gpointer user_data)
{
  LeftEmpty *left = user_data;
  g_autoptr(DeclicWizard) wizard = g_weak_ref_get (&left->wizard);

  if (wizard != NULL)
    declic_wizard_field_left_empty (wizard, left->path);
  g_weak_ref_clear (&left->wizard);
  g_free (left->path);
  g_free (left);
  return G_SOURCE_REMOVE;
}

/* Leaving a required field empty asks for it: after the focus has settled, not while GTK
 * moves it (a page being rebuilt also takes the focus away from its rows). */
static void
on_focus_leave (GtkEventControllerFocus *controller,
                DeclicWizardField       *field)
{
  LeftEmpty *left;

  if (field->wizard->loading > 0 || field->wizard->draft == NULL
      || declic_draft_has (field->wizard->draft, field->path))
    return;
  left = g_new0 (LeftEmpty, 1);
  g_weak_ref_init (&left->wizard, field->wizard);
  left->path = g_strdup (field->path);
  g_idle_add (left_empty_cb, left);
}

DeclicWizardField *
declic_wizard_field_new (DeclicWizard *wizard,
                         const char   *path,
                         const char   *title)
{
  DeclicWizardField *field;
  const DeclicFieldSpec *spec = declic_draft_fields_lookup_path (path);

  g_return_val_if_fail (spec != NULL, NULL);

  field = g_new0 (DeclicWizardField, 1);
  field->applies = TRUE;
  field->wizard = wizard;
  field->path = g_strdup (path);
  field->spec = spec;
  field->section = spec->section;
  if (title == NULL)
    title = field_label (spec);

  switch (spec->type)
    {
    case DECLIC_FIELD_BOOLEAN:
      if (spec->question)
        new_question_row (field, title);
      else
        new_switch_row (field, title);
      break;
    case DECLIC_FIELD_ENUM:
      new_combo_row (field, title);
      break;
    case DECLIC_FIELD_COUNTRY:
      new_country_row (field, title);
      break;
    case DECLIC_FIELD_SUBDIVISION:
      new_subdivision_rows (field, title);
      break;
    case DECLIC_FIELD_OBJECT:
    case DECLIC_FIELD_ARRAY:
      g_critical ("“%s” is not a value", path);
      G_GNUC_FALLTHROUGH;
    case DECLIC_FIELD_STRING:
    case DECLIC_FIELD_DATE:
    case DECLIC_FIELD_DATETIME:
    case DECLIC_FIELD_INTEGER:
    case DECLIC_FIELD_NUMBER:
    case DECLIC_FIELD_NOC:
    case DECLIC_FIELD_EMAIL:
    default:
      new_entry_row (field, title);
      break;
    }

  gtk_widget_set_tooltip_text (field->row, NULL);
  field->message_row = new_message_box (field);
  for (GtkWidget *row = field->row; row != NULL; row = row == field->combo_row ? NULL : field->combo_row)
    {
      guint n = field->focus[0] == NULL ? 0 : 1;

      g_object_set_data_full (G_OBJECT (row), "declic-path", g_strdup (path), g_free);
      g_object_set_data (G_OBJECT (row), "declic-message-label", field->message_label);
      field->focus[n] = gtk_event_controller_focus_new ();
      g_signal_connect (field->focus[n], "leave", G_CALLBACK (on_focus_leave), field);
      gtk_widget_add_controller (row, field->focus[n]);
    }
  return field;
}

void
declic_wizard_field_free (DeclicWizardField *field)
{
  if (field == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (field->focus); i++)
    if (field->focus[i] != NULL)
      g_signal_handlers_disconnect_by_data (field->focus[i], field);
  /* A widget may outlive its page for a moment (a button's own "clicked" holds it). */
  if (field->row != NULL)
    g_signal_handlers_disconnect_by_data (field->row, field);
  if (field->input != NULL && field->input != field->row)
    g_signal_handlers_disconnect_by_data (field->input, field);
  if (field->results != NULL)
    g_signal_handlers_disconnect_by_data (field->results, field);
  if (field->calendar != NULL)
    g_signal_handlers_disconnect_by_data (field->calendar, field);
  if (field->search_entry != NULL)
    g_signal_handlers_disconnect_by_data (field->search_entry, field);
  if (field->entry_row != NULL)
    g_signal_handlers_disconnect_by_data (field->entry_row, field);
  if (field->combo_row != NULL)
    g_signal_handlers_disconnect_by_data (field->combo_row, field);
  g_free (field->subdivision_country);
  if (field->popover != NULL)
    g_signal_handlers_disconnect_by_data (field->popover, field);
  g_free (field->path);
  g_free (field->local_error);
  g_free (field->shown_message);
  g_clear_pointer (&field->codes, g_ptr_array_unref);
  g_free (field);
}

/* In a list (an expander row's, an item list's) the message box needs a row of its own, hidden
 * while there is no message; the box stays visible inside it. */
static void
wrap_message_row (DeclicWizardField *field)
{
  GtkWidget *row;

  if (GTK_IS_LIST_BOX_ROW (field->message_row))
    return;
  row = gtk_list_box_row_new ();
  gtk_widget_set_visible (field->message_row, TRUE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), field->message_row);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_visible (row, FALSE);
  field->message_row = row;
  declic_wizard_field_forget_message (field);
}

void
declic_wizard_field_add_to (DeclicWizardField *field,
                            GtkWidget         *container)
{
  if (ADW_IS_EXPANDER_ROW (container))
    {
      wrap_message_row (field);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (container), field->row);
      if (field->combo_row != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (container), field->combo_row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (container), field->message_row);
    }
  else
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (container), field->row);
      if (field->combo_row != NULL)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (container), field->combo_row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (container), field->message_row);
    }
}

/* Inserts the field's rows (row, combo row, message row) into @list at @position (-1: at the
 * end); returns how many rows that is. */
guint
declic_wizard_field_insert_into (DeclicWizardField *field,
                                 GtkListBox        *list,
                                 int                position)
{
  GtkWidget *rows[3];
  guint n = 0;

  wrap_message_row (field);
  rows[n++] = field->row;
  if (field->combo_row != NULL)
    rows[n++] = field->combo_row;
  rows[n++] = field->message_row;
  for (guint i = 0; i < n; i++)
    gtk_list_box_insert (list, rows[i], position < 0 ? -1 : position + (int) i);
  return n;
}

/* The field now stands for another item's value ("education[2].title" after an item before it
 * left): the rows stay, only the path they write to changes. */
void
declic_wizard_field_set_path (DeclicWizardField *field,
                              const char        *path)
{
  char *copy = g_strdup (path);

  g_free (field->path);
  field->path = copy;
  declic_wizard_field_forget_message (field);
  for (GtkWidget *row = field->row; row != NULL; row = row == field->combo_row ? NULL : field->combo_row)
    g_object_set_data_full (G_OBJECT (row), "declic-path", g_strdup (path), g_free);
}

/* Fills the row from the draft. The caller holds wizard->loading, so nothing is written back. */
void
declic_wizard_field_load (DeclicWizardField *field)
{
  DeclicDraft *draft = field->wizard->draft;

  g_assert (field->wizard->loading > 0);

  switch (field->spec->type)
    {
    case DECLIC_FIELD_BOOLEAN:
      if (field->spec->question)
        {
          guint selected = 0;

          if (draft != NULL && declic_draft_has (draft, field->path))
            selected = declic_draft_get_boolean (draft, field->path, FALSE) ? 1 : 2;
          adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), selected);
        }
      else
        gtk_switch_set_active (GTK_SWITCH (field->input),
                               draft != NULL && declic_draft_get_boolean (draft, field->path, FALSE));
      break;

    case DECLIC_FIELD_ENUM:
      {
        const char *value = draft != NULL ? declic_draft_get_string (draft, field->path) : NULL;
        guint selected = 0;

        for (guint i = 0; value != NULL && field->spec->choices[i].code != NULL; i++)
          if (g_str_equal (field->spec->choices[i].code, value))
            selected = i + 1;
        adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), selected);
      }
      break;

    case DECLIC_FIELD_COUNTRY:
      {
        const char *value = draft != NULL ? declic_draft_get_string (draft, field->path) : NULL;

        gtk_drop_down_set_selected (GTK_DROP_DOWN (field->input), find_code (field, value));
      }
      break;

    case DECLIC_FIELD_SUBDIVISION:
      if (sync_subdivision_rows (field))
        {
          load_subdivision (field);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case DECLIC_FIELD_OBJECT:
    case DECLIC_FIELD_ARRAY:
    case DECLIC_FIELD_STRING:
    case DECLIC_FIELD_DATE:
    case DECLIC_FIELD_DATETIME:
    case DECLIC_FIELD_INTEGER:
    case DECLIC_FIELD_NUMBER:
    case DECLIC_FIELD_NOC:
    case DECLIC_FIELD_EMAIL:
    default:
      {
        g_autofree char *text = NULL;

        if (draft == NULL || !declic_draft_has (draft, field->path))
          text = g_strdup ("");
        else if (field->spec->type == DECLIC_FIELD_INTEGER)
          text = g_strdup_printf ("%" G_GINT64_FORMAT, declic_draft_get_integer (draft, field->path, 0));
        else if (field->spec->type == DECLIC_FIELD_NUMBER)
          {
            /* The interface's decimal mark: "37,5" in French, as the messages write it. */
            text = declic_format_decimal (declic_draft_get_number (draft, field->path, 0), 6, NULL);
          }
        else
          text = g_strdup (declic_draft_get_string (draft, field->path));

        /* Keeps the cursor where it is when the text is the same. */
        if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (field->row))) != 0
            && field->local_error == NULL)
          gtk_editable_set_text (GTK_EDITABLE (field->row), text != NULL ? text : "");
      }
      break;
    }
}

/* In an item the lines under a field are a row of their own, a Tab stop (see new_message_box ()):
 * it is named by what it says, or a screen reader read an empty row. */
static void
name_message_row (DeclicWizardField *field)
{
  g_autoptr(GString) name = g_string_new (NULL);

  if (!GTK_IS_LIST_BOX_ROW (field->message_row))
    return;
  if (gtk_widget_get_visible (field->info_label))
    g_string_append (name, gtk_label_get_text (GTK_LABEL (field->info_label)));
  if (gtk_widget_get_visible (GTK_WIDGET (field->message_label)))
    {
      if (name->len > 0)
        g_string_append_c (name, '\n');
      g_string_append (name, gtk_label_get_text (field->message_label));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->message_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
}

/* The rows now show another item: a value typed there that the draft could not hold ("37h")
 * was the last item's, and goes with it. */
void
declic_wizard_field_drop_unstored (DeclicWizardField *field)
{
  declic_wizard_field_forget_message (field);
  if (field->local_error == NULL)
    return;
  g_clear_pointer (&field->local_error, g_free);
  /* The draft's findings were shown before the rows changed hands: what they say of the new
   * item shows with the next check. */
  declic_wizard_field_set_message (field, DECLIC_SEVERITY_INFO, NULL);
}

/* Its rows were shown or hidden from outside: the next message is shown whatever it says. */
void
declic_wizard_field_forget_message (DeclicWizardField *field)
{
  field->message_set = FALSE;
}

void
declic_wizard_field_set_message (DeclicWizardField *field,
                                 DeclicSeverity     severity,
                                 const char        *message)
{
  gboolean error;

  if (field->local_error != NULL)
    {
      message = field->local_error;
      severity = DECLIC_SEVERITY_ERROR;
    }
  error = message != NULL && severity == DECLIC_SEVERITY_ERROR;

  if (field->message_set && field->shown_row == field->row && field->shown_applies == field->applies
      && field->shown_severity == severity && g_strcmp0 (field->shown_message, message) == 0)
    return;
  field->message_set = TRUE;
  field->shown_row = field->row;
  field->shown_applies = field->applies;
  field->shown_severity = severity;
  g_free (field->shown_message);
  field->shown_message = g_strdup (message);

  gtk_label_set_text (field->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (field->message_label), message != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (field->message_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (field->message_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (field->message_label), "dim-label");
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (field->message_label),
                              severity == DECLIC_SEVERITY_ERROR ? "error"
                              : severity == DECLIC_SEVERITY_WARNING ? "warning" : "dim-label");
  gtk_widget_set_visible (field->message_row, field->applies
                          && (message != NULL || gtk_widget_get_visible (field->info_label)));
  name_message_row (field);

  if (error)
    gtk_widget_add_css_class (field->row, "error");
  else
    gtk_widget_remove_css_class (field->row, "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_STATE_INVALID,
                               error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (field->input != field->row)
    gtk_accessible_update_state (GTK_ACCESSIBLE (field->input), GTK_ACCESSIBLE_STATE_INVALID,
                                 error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                 -1);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field->row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* "french.results[0].listening.score" → "french.results[0]" */
static char *
get_item_path (const char *path,
               const char *marker)
{
  const char *found = g_strrstr (path, marker);
  const char *close;

  if (found == NULL || (close = strchr (found, ']')) == NULL)
    return NULL;
  return g_strndup (path, close + 1 - path);
}

static char *
describe_language_score (DeclicWizardField *field)
{
  DeclicDraft *draft = field->wizard->draft;
  DeclicLanguageTables *tables = declic_language_tables_get_default ();
  g_autofree char *item = get_item_path (field->path, ".results[");
  g_autofree char *test_path = g_strconcat (item, ".test", NULL);
  g_autofree char *date_path = g_strconcat (item, ".result_date", NULL);
  g_autofree char *skill = NULL;
  const char *test = declic_draft_get_string (draft, test_path);
  const char *last_dot;
  g_autoptr(GError) error = NULL;
  const char *table_id = NULL;
  g_autofree char *level_text = NULL;
  GDate date;
  guint level;

  if (tables == NULL || test == NULL || !declic_draft_has (draft, field->path))
    return NULL;

  /* "….listening.score" → "listening" */
  last_dot = strrchr (field->path, '.');
  skill = g_strndup (field->path, last_dot - field->path);
  if (strrchr (skill, '.') != NULL)
    memmove (skill, strrchr (skill, '.') + 1, strlen (strrchr (skill, '.') + 1) + 1);

  if (!declic_draft_get_date (draft, date_path, &date))
    declic_clock_get_today (&date);

  if (!declic_language_tables_convert (tables, test, &date, skill,
                                       declic_draft_get_number (draft, field->path, 0),
                                       &level, &table_id, &error))
    return g_strdup (error->message);

  level_text = declic_language_level_to_string (level);
  /* TRANSLATORS: a language score converted to a level: "Level 7, from table nclc-tef-2023 (an estimate)" */
  return g_strdup_printf (_("Level %s, from table %s (an estimate)"), level_text, table_id);
}

/* A level typed next to a score that a table converts: say so when they differ. The tables stop
 * at 10 ("10 or more") and give 0 below 4, as the checks read them. */
static char *
describe_language_level (DeclicWizardField *field)
{
  DeclicDraft *draft = field->wizard->draft;
  DeclicLanguageTables *tables = declic_language_tables_get_default ();
  g_autofree char *item = get_item_path (field->path, ".results[");
  g_autofree char *skill_path = g_strndup (field->path, strlen (field->path) - strlen (".level"));
  g_autofree char *score_path = g_strconcat (skill_path, ".score", NULL);
  g_autofree char *test_path = g_strconcat (item, ".test", NULL);
  g_autofree char *date_path = g_strconcat (item, ".result_date", NULL);
  g_autofree char *level_text = NULL;
  const char *test = declic_draft_get_string (draft, test_path);
  const char *skill = strrchr (skill_path, '.') + 1;
  gint64 level;
  guint converted;
  GDate date;

  if (tables == NULL || test == NULL || !declic_draft_has (draft, field->path)
      || !declic_draft_has (draft, score_path))
    return NULL;
  if (!declic_draft_get_date (draft, date_path, &date))
    declic_clock_get_today (&date);
  if (!declic_language_tables_convert (tables, test, &date, skill,
                                       declic_draft_get_number (draft, score_path, 0),
                                       &converted, NULL, NULL))
    return NULL;

  level = declic_draft_get_integer (draft, field->path, 0);
  if (converted == DECLIC_LANGUAGE_LEVEL_HIGHEST ? level >= DECLIC_LANGUAGE_LEVEL_HIGHEST
      : converted == DECLIC_LANGUAGE_LEVEL_BELOW_LOWEST ? level < 4
      : level == converted)
    return NULL;
  level_text = declic_language_level_to_string (converted);
  /* TRANSLATORS: under a language level typed by hand: "the table gives level 8 for this score" */
  return g_strdup_printf (_("Entered by hand: the table gives level %s for this score."), level_text);
}

static char *
describe_result_date (DeclicWizardField *field)
{
  DeclicDraft *draft = field->wizard->draft;
  g_autoptr(GDate) expiry = NULL;
  GDate date;
  GDate today;
  g_autofree char *text = NULL;

  if (!declic_draft_get_date (draft, field->path, &date))
    return NULL;
  expiry = declic_language_result_expiry (&date);
  if (expiry == NULL)
    return NULL;
  declic_draft_get_reference_date (draft, NULL, &today);
  /* Expired at the reference date: results must still be valid when the DI is filed. */
  if (declic_language_result_is_expired (&date, &today))
    {
      text = declic_format_date_long (expiry, NULL);
      return g_strdup_printf (_("Expired on %s: results are valid 2 years."), text);
    }
  /* The last day they count, the date of their deadline (not the day they stop counting). */
  g_clear_pointer (&expiry, g_date_free);
  expiry = declic_language_result_last_day (&date);
  text = declic_format_date_long (expiry, NULL);
  return g_strdup_printf (_("Valid until %s (results are valid 2 years)."), text);
}

static char *
describe_noc (DeclicWizardField *field)
{
  const char *code = declic_draft_get_string (field->wizard->draft, field->path);
  DeclicNoc *noc = declic_noc_get_default ();
  const DeclicNocEntry *entry;

  if (code == NULL || noc == NULL || (entry = declic_noc_lookup (noc, code)) == NULL)
    return NULL;
  /* TRANSLATORS: under a NOC code: its title and TEER category */
  return g_strdup_printf (_("%s — TEER %d"), declic_noc_entry_get_localized_title (entry),
                          declic_noc_entry_get_teer (entry));
}

/* The date written out beside a date field ("22 novembre 2026"); hidden while the field holds
 * no date the draft could store. */
static void
update_written_date (DeclicWizardField *field)
{
  GDate date;
  g_autofree char *written = NULL;

  if (field->written_date == NULL)
    return;
  if (field->local_error == NULL && declic_draft_get_date (field->wizard->draft, field->path, &date))
    written = declic_format_date_long (&date, NULL);
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (field->written_date)), written != NULL ? written : "") != 0)
    gtk_label_set_text (GTK_LABEL (field->written_date), written != NULL ? written : "");
  gtk_widget_set_visible (field->written_date, written != NULL);
}

/* The line under a field that says how its value is read. */
void
declic_wizard_field_update_info (DeclicWizardField *field)
{
  g_autofree char *info = NULL;

  if (field->wizard->draft == NULL)
    return;

  update_written_date (field);
  if (field->spec->type == DECLIC_FIELD_SUBDIVISION)
    {
      sync_subdivision_rows (field);
      return;
    }
  if (field->spec->type == DECLIC_FIELD_NOC)
    info = describe_noc (field);
  else if (strstr (field->spec->pattern, ".results[].") != NULL
           && g_str_has_suffix (field->spec->pattern, ".score"))
    info = describe_language_score (field);
  else if (strstr (field->spec->pattern, ".results[].") != NULL
           && g_str_has_suffix (field->spec->pattern, ".level"))
    info = describe_language_level (field);
  else if (g_str_has_suffix (field->spec->pattern, ".results[].result_date"))
    info = describe_result_date (field);
  else
    return;

  /* As for the message: nothing to do when the line says what it said. */
  if (gtk_widget_get_visible (field->info_label) == (info != NULL)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (field->info_label)), info != NULL ? info : "") == 0)
    return;
  gtk_label_set_text (GTK_LABEL (field->info_label), info != NULL ? info : "");
  gtk_widget_set_visible (field->info_label, info != NULL);
  gtk_widget_set_visible (field->message_row, field->applies
                          && (info != NULL || gtk_widget_get_visible (GTK_WIDGET (field->message_label))));
  name_message_row (field);
}

/* A field the situation does not call for (declic_applies_field ()) is hidden with its message
 * line; its value, if any, was entered before and keeps it shown. */
void
declic_wizard_field_set_applies (DeclicWizardField *field,
                                 gboolean           applies)
{
  if (field->applies == applies)
    return;
  field->applies = applies;
  gtk_widget_set_visible (field->row, applies);
  if (!applies)
    gtk_widget_set_visible (field->message_row, FALSE);
}

void
declic_wizard_field_focus (DeclicWizardField *field)
{
  GtkWidget *parent;

  /* Opens the item that holds it. */
  for (parent = gtk_widget_get_parent (field->row); parent != NULL; parent = gtk_widget_get_parent (parent))
    if (ADW_IS_EXPANDER_ROW (parent))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (parent), TRUE);

  gtk_widget_grab_focus (field->input);
}
