/* declic-wizard.c: the editor of one draft, section by section.
 *
 * A sidebar lists the DI's sections with their state, then Review, Eligibility and points and
 * Deadlines; a stack holds one page each. Every edit goes straight into the draft; on each
 * "changed" the wizard checks the draft again (declic_validate_draft (), well under a
 * millisecond) and shows each finding at its field, in the sidebar and on the Review page.
 * Saving is the window's business: it listens to the same "changed" signal.
 */
#define G_LOG_DOMAIN "declic-wizard"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "declic-format.h"
#include "declic-spouse-link.h"
#include "declic-wizard-item-list.h"
#include "declic-wizard-private.h"
#include "sections/declic-consent-page.h"
#include "sections/declic-contact-page.h"
#include "sections/declic-education-page.h"
#include "sections/declic-english-page.h"
#include "sections/declic-family-page.h"
#include "sections/declic-french-page.h"
#include "sections/declic-job-offer-page.h"
#include "sections/declic-personal-page.h"
#include "sections/declic-quebec-page.h"
#include "sections/declic-representative-page.h"
#include "sections/declic-work-page.h"

G_DEFINE_FINAL_TYPE (DeclicWizard, declic_wizard, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DRAFT,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The page of each section, in the DI's order (DeclicSection). */
static GType (*const section_page_types[DECLIC_N_SECTIONS]) (void) = {
  declic_personal_page_get_type, declic_contact_page_get_type, declic_family_page_get_type,
  declic_education_page_get_type, declic_work_page_get_type, declic_job_offer_page_get_type,
  declic_french_page_get_type, declic_english_page_get_type, declic_quebec_page_get_type,
  declic_consent_page_get_type, declic_representative_page_get_type,
};

static const char *const extra_ids[] = { "review", "eligibility", "deadlines", "plan" };
static const char *const extra_titles[] = {
  N_("Review"),
  N_("Eligibility and points"),
  N_("Deadlines"),
  N_("Plan"),
};

const char *
declic_wizard_page_get_title (int page)
{
  if (page >= 0 && page < DECLIC_N_SECTIONS)
    return declic_section_get_title (page);
  g_return_val_if_fail (page < DECLIC_WIZARD_N_PAGES, NULL);
  return _(extra_titles[page - DECLIC_WIZARD_PAGE_REVIEW]);
}

static const char *
page_get_id (int page)
{
  if (page < DECLIC_N_SECTIONS)
    return declic_section_get_id (page);
  return extra_ids[page - DECLIC_WIZARD_PAGE_REVIEW];
}

/* Sidebar */

static void
update_sidebar_row (DeclicWizard *self,
                    int           page)
{
  GtkWidget *row = self->sidebar_rows[page];
  GtkImage *icon = g_object_get_data (G_OBJECT (row), "declic-icon");
  GtkLabel *state_label = g_object_get_data (G_OBJECT (row), "declic-state");
  g_autofree char *state = NULL;
  const char *icon_name = NULL;
  const char *css = NULL;

  if (page < DECLIC_N_SECTIONS)
    {
      guint n_errors = 0;
      DeclicSectionState section_state = DECLIC_SECTION_STATE_EMPTY;

      if (self->findings != NULL)
        section_state = declic_validate_section_state (self->findings, page, &n_errors);
      if (self->draft != NULL && section_state != DECLIC_SECTION_STATE_INCOMPLETE
          && declic_validate_section_is_empty (self->draft, page))
        section_state = DECLIC_SECTION_STATE_EMPTY;

      switch (section_state)
        {
        case DECLIC_SECTION_STATE_INCOMPLETE:
          {
            guint n_quiet = 0;

            for (guint i = 0; i < self->findings->len; i++)
              {
                DeclicFinding *finding = g_ptr_array_index (self->findings, i);

                if (declic_finding_get_section (finding) == page
                    && declic_wizard_finding_is_quiet (self, finding))
                  n_quiet++;
              }
            n_errors -= MIN (n_errors, n_quiet);
            if (n_errors > 0)
              {
                g_autofree char *count = declic_format_integer (n_errors, NULL);

                icon_name = "dialog-warning-symbolic";
                css = "error";
                state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Incomplete: %s error",
                                                      "Incomplete: %s errors", n_errors), count);
              }
            else
              {
                /* Nothing wrong yet: only fields still to fill, in the words of the list. */
                icon_name = "checkbox-symbolic";
                state = declic_finding_format_counts (n_quiet, n_quiet);
              }
          }
          break;
        case DECLIC_SECTION_STATE_COMPLETE:
          icon_name = "checkbox-checked-symbolic";
          css = "success";
          /* A section, feminine in French (« Complète »); a draft's "Complete" is another msgid. */
          state = g_strdup (C_("section state", "Complete"));
          break;
        case DECLIC_SECTION_STATE_EMPTY:
        default:
          icon_name = "checkbox-symbolic";
          state = g_strdup (declic_validate_section_is_required (page) ? _("Not started")
                                                                       : _("Optional, not started"));
          break;
        }
    }
  else if (page == DECLIC_WIZARD_PAGE_REVIEW)
    {
      guint n = self->findings != NULL
                ? declic_finding_list_count (self->findings, DECLIC_SECTION_NONE, DECLIC_SEVERITY_ERROR)
                : 0;

      icon_name = "view-list-bullet-symbolic";
      if (n > 0)
        /* The same count as the list of drafts and `declic check`. */
        state = declic_finding_format_counts (n, declic_finding_list_count_to_fill (self->findings,
                                                                                 DECLIC_SECTION_NONE));
      else
        state = g_strdup (_("Nothing blocks filing"));
    }
  else if (page == DECLIC_WIZARD_PAGE_ELIGIBILITY)
    {
      icon_name = "starred-symbolic";
      state = g_strdup (_("An estimate"));
    }
  else if (page == DECLIC_WIZARD_PAGE_PLAN)
    {
      icon_name = "x-office-calendar-symbolic";
      state = g_strdup (_("The next 36 months, and what would add points"));
    }
  else
    {
      icon_name = "alarm-symbolic";
      state = g_strdup (_("Dates and days left"));
    }

  /* Every check calls this for every page: what says the same is not set again (a restyle
   * and an accessibility update each time). */
  if (g_strcmp0 (gtk_label_get_text (state_label), state) == 0
      && g_strcmp0 (gtk_image_get_icon_name (icon), icon_name) == 0
      && gtk_widget_has_css_class (GTK_WIDGET (icon), "error") == (g_strcmp0 (css, "error") == 0)
      && gtk_widget_has_css_class (GTK_WIDGET (icon), "success") == (g_strcmp0 (css, "success") == 0))
    return;
  gtk_image_set_from_icon_name (icon, icon_name);
  gtk_widget_remove_css_class (GTK_WIDGET (icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (icon), "success");
  if (css != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (icon), css);
  gtk_label_set_text (state_label, state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, state, -1);
}

static GtkWidget *
new_sidebar_row (int page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (declic_wizard_page_get_title (page));
  GtkWidget *state = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (state), 0);
  gtk_label_set_wrap (GTK_LABEL (state), TRUE);
  gtk_widget_add_css_class (state, "caption");
  gtk_widget_add_css_class (state, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), state);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  declic_wizard_page_get_title (page), -1);
  g_object_set_data (G_OBJECT (row), "declic-icon", icon);
  g_object_set_data (G_OBJECT (row), "declic-state", state);
  g_object_set_data (G_OBJECT (row), "declic-page", GINT_TO_POINTER (page));
  return row;
}

static void
update_actions (DeclicWizard *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.previous", self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", self->current + 1 < DECLIC_WIZARD_N_PAGES);
  if (self->current + 1 < DECLIC_WIZARD_N_PAGES)
    {
      /* TRANSLATORS: the Next button's tooltip: "Next: Contact details" */
      g_autofree char *tooltip = g_strdup_printf (_("Next: %s"), declic_wizard_page_get_title (self->current + 1));

      gtk_widget_set_tooltip_text (self->next_button, tooltip);
    }
}

/* The list of items of @array_path, on its page; NULL when the page shows none. */
static DeclicWizardItemList *
find_item_list (DeclicWizard *self,
                const char   *array_path)
{
  const DeclicFieldSpec *spec = declic_draft_fields_lookup_path (array_path);

  if (spec == NULL || spec->section <= DECLIC_SECTION_NONE || spec->section >= DECLIC_N_SECTIONS)
    return NULL;
  return declic_section_page_get_item_list (self->section_pages[spec->section], array_path);
}

/* A change of the draft's shape its lists did not follow: a page bound is filled again. */
static void
rebind (DeclicSectionPage *page)
{
  if (!declic_section_page_is_bound (page))
    return;
  declic_section_page_unbind (page);
  declic_section_page_bind (page);
}

/* Checking */

static void
refresh (DeclicWizard *self)
{
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  if (self->draft != NULL)
    {
      self->findings = declic_validate_draft (self->draft, NULL, self->context);
      if (self->spouse_id != NULL)
        declic_spouse_link_add_findings (self->findings, self->draft, self->spouse, self->spouse_id, NULL);
      declic_finding_list_sort (self->findings);
    }

  for (int s = 0; s < DECLIC_N_SECTIONS; s++)
    declic_section_page_refresh (self->section_pages[s]);
  declic_wizard_summary_refresh_fields (self);
  for (int p = 0; p < DECLIC_WIZARD_N_PAGES; p++)
    update_sidebar_row (self, p);

  self->summary_dirty = TRUE;
  if (self->current >= DECLIC_WIZARD_PAGE_REVIEW)
    {
      declic_wizard_summary_rebuild (self, self->current);
      self->summary_dirty = FALSE;
    }
}

static void
on_draft_changed (DeclicDraft  *draft,
                  const char   *path,
                  DeclicWizard *self)
{
  /* A change the widgets did not make. An item added, removed or moved, or an undo, touches
   * the rows of that item only (DeclicWizardItemList follows the draft's items). A single
   * value (the save's "updated" stamp, another view's edit) only refills its own row. Any
   * other change of shape builds its section again. */
  if (path != NULL && self->writing > 0 && !declic_draft_has (draft, path))
    g_hash_table_add (self->asked, g_strdup (path));

  /* The stamp every save sets: no rule reads it and no page shows it, and checking the draft
   * again for it was a quarter of each autosave. */
  if (g_strcmp0 (path, "updated") == 0)
    return;

  if (self->writing == 0)
    {
      const DeclicFieldSpec *spec = path != NULL ? declic_draft_fields_lookup_path (path) : NULL;
      DeclicWizardField *field = path != NULL ? g_hash_table_lookup (self->fields, path) : NULL;
      g_autofree char *array = NULL;
      DeclicWizardItemList *list = NULL;
      gboolean structural = path == NULL || spec == NULL
                            || g_str_has_suffix (path, "]")
                            || spec->type == DECLIC_FIELD_ARRAY
                            || spec->type == DECLIC_FIELD_OBJECT;

      /* An item that came, went or moved: its list has followed its model already. */
      if (structural && spec != NULL && spec->type == DECLIC_FIELD_ARRAY)
        array = g_strdup (path);
      else if (structural && spec != NULL && g_str_has_suffix (path, "]"))
        array = g_strndup (path, strrchr (path, '[') - path);
      if (array != NULL)
        list = find_item_list (self, array);

      if (list != NULL)
        {
          /* An Undo may have given the item shown as pending its values. */
          if (spec->type == DECLIC_FIELD_ARRAY)
            declic_wizard_item_list_load (list);
          else if (field != NULL)
            {
              self->loading++;
              declic_wizard_field_load (field);
              self->loading--;
            }
        }
      else if (!structural)
        {
          if (field != NULL)
            {
              self->loading++;
              declic_wizard_field_load (field);
              self->loading--;
            }
        }
      else if (spec != NULL && spec->section != DECLIC_SECTION_NONE)
        {
          /* A page not bound yet will be, to the draft as it is, when it is shown. */
          rebind (self->section_pages[spec->section]);
        }
      else
        {
          for (int s = 0; s < DECLIC_N_SECTIONS; s++)
            rebind (self->section_pages[s]);
          declic_wizard_summary_load_fields (self);
        }
    }
  refresh (self);
}

void
declic_wizard_revalidate (DeclicWizard *self)
{
  refresh (self);
}

/* What is shown of the same findings, once more of them are asked for. */
static void
refresh_shown (DeclicWizard *self)
{
  for (int s = 0; s < DECLIC_N_SECTIONS; s++)
    declic_section_page_refresh (self->section_pages[s]);
  for (int p = 0; p < DECLIC_WIZARD_N_PAGES; p++)
    update_sidebar_row (self, p);
}

/**
 * declic_wizard_finding_is_quiet:
 *
 * Whether @finding is a field still to fill that nobody asked about yet: shown as to do, not as
 * an error (the core says which findings are fields to fill).
 */
gboolean
declic_wizard_finding_is_quiet (DeclicWizard  *self,
                                DeclicFinding *finding)
{
  DeclicSection section = declic_finding_get_section (finding);

  if (!declic_finding_is_to_fill (finding) || self->review_opened)
    return FALSE;
  if (section > DECLIC_SECTION_NONE && section < DECLIC_N_SECTIONS && self->passed[section])
    return FALSE;
  return !g_hash_table_contains (self->asked, declic_finding_get_path (finding));
}

/* The focus left the field at @path with nothing in it. */
void
declic_wizard_field_left_empty (DeclicWizard *self,
                                const char   *path)
{
  if (self->draft == NULL || declic_draft_has (self->draft, path)
      || g_hash_table_contains (self->asked, path))
    return;
  g_hash_table_add (self->asked, g_strdup (path));
  refresh_shown (self);
}

void
declic_wizard_write_begin (DeclicWizard *self)
{
  self->writing++;
}

void
declic_wizard_write_end (DeclicWizard *self)
{
  g_assert (self->writing > 0);
  self->writing--;
}

/* Items */

/* The page scrolls to the focus once the rows just added are laid out. GtkViewport scrolls to
 * a focus given before: the new item had no place yet, and its first field stayed below the
 * window, where the person could not see what they typed (and GTK 4.8 found no monitor to
 * open its list on: a critical). */
static gboolean
scroll_to_focus_cb (GtkWidget     *scrolled,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  guint *frames = user_data;
  GtkRoot *root = gtk_widget_get_root (scrolled);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_rect_t bounds;
  double value, page;

  /* A tick comes before the frame's layout: the rows have their place at the second. */
  if ((*frames)++ == 0)
    return G_SOURCE_CONTINUE;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, scrolled)
      || !gtk_widget_compute_bounds (focus, scrolled, &bounds))
    return G_SOURCE_REMOVE;
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < 0)
    gtk_adjustment_set_value (adjustment, value + bounds.origin.y - 12);
  else if (bounds.origin.y + bounds.size.height > page)
    gtk_adjustment_set_value (adjustment, value + bounds.origin.y + bounds.size.height - page + 12);
  return G_SOURCE_REMOVE;
}

/* The focus goes to the first field of @array_path's item at @position, else to Add. */
static void
focus_item_or_add (DeclicWizardItemList *list,
                   guint                 position)
{
  GtkWidget *scrolled;

  if (!declic_wizard_item_list_focus_item (list, position))
    gtk_widget_grab_focus (declic_wizard_item_list_get_add_button (list));
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    gtk_widget_add_tick_callback (scrolled, scroll_to_focus_cb, g_new0 (guint, 1), g_free);
}

/* A value of an item ("personal.citizenships[2]", "education[0].title") is about to be
 * emptied, and the item with it, since the draft holds no empty item: its rows stay where
 * they are, and the focus in them, as the item still to fill (DeclicDraftItems). */
void
declic_wizard_item_emptying (DeclicWizard *self,
                             const char   *item_path)
{
  const char *bracket = strrchr (item_path, '[');
  g_autofree char *array = NULL;
  DeclicWizardItemList *list;

  if (bracket == NULL || self->draft == NULL)
    return;
  array = g_strndup (item_path, bracket - item_path);
  list = find_item_list (self, array);
  if (list != NULL)
    declic_draft_items_keep_pending (declic_wizard_item_list_get_model (list),
                                     (guint) g_ascii_strtoull (bracket + 1, NULL, 10));
}

static gboolean
focus_first_field_under (DeclicWizard *self,
                         const char   *prefix)
{
  g_autofree char *dotted = g_strconcat (prefix, ".", NULL);
  DeclicWizardField *best = NULL;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      DeclicWizardField *field = value;

      if (!g_str_equal (field->path, prefix) && !g_str_has_prefix (field->path, dotted))
        continue;
      /* The first in the page's order: the table's order is the page's. */
      if (best == NULL
          || declic_draft_fields_lookup_path (field->path) < declic_draft_fields_lookup_path (best->path))
        best = field;
    }
  if (best == NULL)
    return FALSE;
  declic_wizard_field_focus (best);
  return TRUE;
}

/* The new item is shown, not written: it goes into the draft with its first value. A second
 * Add while it is still empty goes back to it. */
void
declic_wizard_add_item (DeclicWizard *self,
                        const char   *array_path)
{
  DeclicWizardItemList *list;
  guint position;

  g_return_if_fail (self->draft != NULL);

  list = find_item_list (self, array_path);
  g_return_if_fail (list != NULL);
  position = declic_draft_items_add_pending (declic_wizard_item_list_get_model (list));
  declic_wizard_item_list_refresh (list);
  focus_item_or_add (list, position);
}

/* After an item left: the list if it is empty now, then the objects that held only it
 * ("french" around "french.results"), so that the file holds no "[]" nor "{}". */
void
declic_wizard_drop_empty_containers (DeclicWizard *self,
                                     const char   *array_path)
{
  for (char *container = g_strdup (array_path); container != NULL;)
    {
      char *dot;

      if (!declic_draft_has (self->draft, container) || !declic_draft_is_blank (self->draft, container))
        {
          g_free (container);
          break;
        }
      declic_draft_unset (self->draft, container);
      dot = strrchr (container, '.');
      if (dot == NULL || strchr (container, '[') != NULL)
        g_clear_pointer (&container, g_free);
      else
        *dot = '\0';
    }
}

void
declic_wizard_remove_item (DeclicWizard *self,
                           const char   *array_path,
                           guint         index)
{
  g_autofree char *path = g_strdup (array_path);
  g_autofree char *json = NULL;
  g_autofree char *message = NULL;
  g_autofree char *pattern = declic_draft_fields_path_to_pattern (array_path);
  g_autofree char *item_pattern = g_strconcat (pattern, "[]", NULL);
  const DeclicFieldSpec *item_spec;
  DeclicWizardItemList *list;
  DeclicDraftItems *items;
  guint pending_position;
  AdwToast *toast;

  g_return_if_fail (self->draft != NULL);

  list = find_item_list (self, path);
  g_return_if_fail (list != NULL);
  items = declic_wizard_item_list_get_model (list);

  if (declic_draft_items_get_pending (items, &pending_position) && index == pending_position)
    {
      /* Never written: nothing to undo, the file stays as it was. */
      gtk_widget_grab_focus (declic_wizard_item_list_get_add_button (list));
      declic_draft_items_drop_pending (items);
      declic_wizard_item_list_refresh (list);
      return;
    }

  /* The focus goes to the item that takes its place, else to Add; before the rows go. */
  focus_item_or_add (list, index + 1);
  json = declic_draft_remove_item (self->draft, path, index);
  if (json == NULL)
    return;
  declic_wizard_drop_empty_containers (self, path);

  g_free (self->undo_array);
  g_free (self->undo_json);
  self->undo_array = g_strdup (path);
  self->undo_index = index;
  self->undo_json = g_steal_pointer (&json);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.undo-remove", TRUE);

  item_spec = declic_draft_fields_lookup (item_pattern);
  /* TRANSLATORS: a toast after an item was removed: "Diploma 2 removed" */
  message = g_strdup_printf (_("%s %u removed"),
                             item_spec != NULL && item_spec->label != NULL
                             ? g_dgettext (GETTEXT_PACKAGE, item_spec->label) : "",
                             index + 1);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "wizard.undo-remove");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
declic_wizard_move_item (DeclicWizard *self,
                         const char   *array_path,
                         guint         from,
                         guint         to)
{
  g_autofree char *path = g_strdup (array_path);
  DeclicWizardItemList *list;

  g_return_if_fail (self->draft != NULL);

  if (to >= declic_draft_get_n_items (self->draft, path))
    return;
  declic_draft_move_item (self->draft, path, from, to);
  /* The same rows, in their new place: the focus goes to the item moved. */
  list = find_item_list (self, path);
  if (list != NULL)
    declic_wizard_item_list_focus_item (list, to);
}

static void
undo_remove_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DeclicWizard *self = DECLIC_WIZARD (widget);
  g_autofree char *array = g_steal_pointer (&self->undo_array);
  g_autofree char *json = g_steal_pointer (&self->undo_json);
  DeclicWizardItemList *list;

  gtk_widget_action_set_enabled (widget, "wizard.undo-remove", FALSE);
  if (self->draft == NULL || array == NULL)
    return;

  if (declic_draft_insert_item (self->draft, array, self->undo_index, json))
    {
      list = find_item_list (self, array);
      if (list != NULL)
        declic_wizard_item_list_focus_item (list, MIN (self->undo_index,
                                                       declic_draft_get_n_items (self->draft, array) - 1));
    }
}

/* Navigation */

/* Next and Back, pressed with the keyboard, take the focus to the page shown: left on the
 * button, the next Tab went to the header bar and round the list and the sidebar, some
 * twenty stops before the page's first field. (A focus already in the page moves with it:
 * GtkStack hands it to the new page.) */
static void
focus_shown_page (DeclicWizard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (page != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, page)))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeclicWizard *self = DECLIC_WIZARD (widget);

  if (self->current + 1 >= DECLIC_WIZARD_N_PAGES)
    return;
  /* Going through a section with Next is moving past it: what is still empty there is asked
   * for. A jump in the sidebar, a page reopened or a finding followed is only a look. */
  if (self->current < DECLIC_N_SECTIONS && !self->passed[self->current])
    {
      self->passed[self->current] = TRUE;
      refresh_shown (self);
    }
  declic_wizard_show_section (self, self->current + 1);
  focus_shown_page (self);
}

static void
previous_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DeclicWizard *self = DECLIC_WIZARD (widget);

  if (self->current > 0)
    {
      declic_wizard_show_section (self, self->current - 1);
      focus_shown_page (self);
    }
}

static void
on_sidebar_list_row_activated (DeclicWizard  *self,
                               GtkListBoxRow *row)
{
  declic_wizard_show_section (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "declic-page")));
}

static void
on_sections_button_clicked (DeclicWizard *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
}

static void
on_leaflet_folded (DeclicWizard *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->sections_button, folded);
  gtk_list_box_set_selection_mode (self->sidebar_list, folded ? GTK_SELECTION_NONE : GTK_SELECTION_SINGLE);
  if (!folded)
    gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (self->sidebar_rows[self->current]));
}

/* GObject */

static void
declic_wizard_dispose (GObject *object)
{
  DeclicWizard *self = DECLIC_WIZARD (object);

  if (self->draft != NULL)
    g_clear_signal_handler (&self->changed_handler, self->draft);
  /* The fields disconnect from their rows: before the rows go; the lists of items first. */
  for (int s = 0; s < DECLIC_N_SECTIONS; s++)
    if (self->section_pages[s] != NULL)
      declic_section_page_unbind (self->section_pages[s]);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  /* AdwBin keeps its own pointer to the child the template gave it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DECLIC_TYPE_WIZARD);
  g_clear_pointer (&self->asked, g_hash_table_unref);
  g_clear_object (&self->draft);
  g_clear_object (&self->spouse);
  g_clear_pointer (&self->spouse_id, g_free);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->context, declic_validate_context_unref);
  g_clear_pointer (&self->undo_array, g_free);
  g_clear_pointer (&self->undo_json, g_free);

  G_OBJECT_CLASS (declic_wizard_parent_class)->dispose (object);
}

static void
declic_wizard_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DeclicWizard *self = DECLIC_WIZARD (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    case PROP_SECTION:
      g_value_set_int (value, self->current);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
declic_wizard_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DeclicWizard *self = DECLIC_WIZARD (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      declic_wizard_set_draft (self, g_value_get_object (value));
      break;
    case PROP_SECTION:
      declic_wizard_show_section (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
declic_wizard_class_init (DeclicWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = declic_wizard_dispose;
  object_class->get_property = declic_wizard_get_property;
  object_class->set_property = declic_wizard_set_property;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, DECLIC_TYPE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_int ("section", NULL, NULL, 0, DECLIC_WIZARD_N_PAGES - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ca/declic/Declic/ui/wizard/declic-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, DeclicWizard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeclicWizard, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DeclicWizard, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, DeclicWizard, separator);
  gtk_widget_class_bind_template_child (widget_class, DeclicWizard, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, DeclicWizard, content_box);
  gtk_widget_class_bind_template_child (widget_class, DeclicWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, DeclicWizard, sections_button);
  gtk_widget_class_bind_template_child (widget_class, DeclicWizard, previous_button);
  gtk_widget_class_bind_template_child (widget_class, DeclicWizard, next_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_sections_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "wizard.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "wizard.undo-remove", NULL, undo_remove_activated);
}

static void
declic_wizard_init (DeclicWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) declic_wizard_field_free);
  self->asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->context = declic_validate_context_new_default ();
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->separator), FALSE);

  for (int p = 0; p < DECLIC_WIZARD_N_PAGES; p++)
    {
      GtkWidget *child;

      if (p < DECLIC_N_SECTIONS)
        {
          child = declic_section_page_new (section_page_types[p] (), self);
          g_assert (declic_section_page_get_section (DECLIC_SECTION_PAGE (child)) == p);
          self->section_pages[p] = DECLIC_SECTION_PAGE (child);
        }
      else
        child = self->extra_pages[p - DECLIC_WIZARD_PAGE_REVIEW] = declic_wizard_summary_new_page (self, p);

      gtk_stack_add_titled (self->stack, child, page_get_id (p), declic_wizard_page_get_title (p));
      self->sidebar_rows[p] = new_sidebar_row (p);
      gtk_list_box_append (self->sidebar_list, self->sidebar_rows[p]);
    }

  declic_section_page_bind (self->section_pages[0]);
  refresh (self);
  gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (self->sidebar_rows[0]));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.undo-remove", FALSE);
  update_actions (self);
}

/* Public API */

GtkWidget *
declic_wizard_new (void)
{
  return g_object_new (DECLIC_TYPE_WIZARD, NULL);
}

DeclicDraft *
declic_wizard_get_draft (DeclicWizard *self)
{
  g_return_val_if_fail (DECLIC_IS_WIZARD (self), NULL);

  return self->draft;
}

void
declic_wizard_set_spouse (DeclicWizard *self,
                          DeclicDraft  *spouse,
                          const char   *spouse_id)
{
  g_return_if_fail (DECLIC_IS_WIZARD (self));
  g_return_if_fail (spouse == NULL || DECLIC_IS_DRAFT (spouse));

  if (spouse == self->spouse && g_strcmp0 (spouse_id, self->spouse_id) == 0)
    return;
  g_set_object (&self->spouse, spouse);
  g_free (self->spouse_id);
  self->spouse_id = g_strdup (spouse_id);
  if (self->draft != NULL)
    refresh (self);
}

void
declic_wizard_set_draft (DeclicWizard *self,
                         DeclicDraft  *draft)
{
  g_return_if_fail (DECLIC_IS_WIZARD (self));
  g_return_if_fail (draft == NULL || DECLIC_IS_DRAFT (draft));

  if (self->draft == draft)
    return;

  if (self->draft != NULL)
    g_clear_signal_handler (&self->changed_handler, self->draft);
  g_set_object (&self->draft, draft);
  if (draft != NULL)
    self->changed_handler = g_signal_connect (draft, "changed", G_CALLBACK (on_draft_changed), self);

  /* Another draft has another spouse: the window says which (declic_wizard_set_spouse ()). */
  g_clear_object (&self->spouse);
  g_clear_pointer (&self->spouse_id, g_free);
  g_clear_pointer (&self->undo_array, g_free);
  g_clear_pointer (&self->undo_json, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.undo-remove", FALSE);
  g_hash_table_remove_all (self->asked);
  memset (self->passed, 0, sizeof self->passed);
  self->review_opened = FALSE;
  /* Only the page shown is bound now; the others when they are first shown or asked for. */
  for (int s = 0; s < DECLIC_N_SECTIONS; s++)
    declic_section_page_unbind (self->section_pages[s]);
  if (self->current < DECLIC_N_SECTIONS)
    declic_section_page_bind (self->section_pages[self->current]);
  declic_wizard_summary_load_fields (self);
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

void
declic_wizard_show_section (DeclicWizard *self,
                            int           section)
{
  g_return_if_fail (DECLIC_IS_WIZARD (self));
  g_return_if_fail (section >= 0 && section < DECLIC_WIZARD_N_PAGES);

  /* Opening Review asks for everything still empty (Next asks for its section's). */
  if (section == DECLIC_WIZARD_PAGE_REVIEW && !self->review_opened)
    {
      self->review_opened = TRUE;
      refresh_shown (self);
    }

  if (section >= DECLIC_WIZARD_PAGE_REVIEW && (self->summary_dirty || section != self->current))
    declic_wizard_summary_rebuild (self, section);
  else if (section < DECLIC_N_SECTIONS)
    declic_section_page_bind (self->section_pages[section]);

  gtk_stack_set_visible_child_name (self->stack, page_get_id (section));
  if (gtk_list_box_get_selection_mode (self->sidebar_list) != GTK_SELECTION_NONE)
    gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (self->sidebar_rows[section]));
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);

  if (self->current == section)
    return;
  self->current = section;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

int
declic_wizard_get_section (DeclicWizard *self)
{
  g_return_val_if_fail (DECLIC_IS_WIZARD (self), 0);

  return self->current;
}

/**
 * declic_wizard_focus_path:
 * @path: a field path, "education[1].end_date", or an item or list path
 *
 * Shows the page of @path, opens the item that holds it and focuses its input.
 *
 * Returns: whether a field was found
 */
gboolean
declic_wizard_focus_path (DeclicWizard *self,
                          const char   *path)
{
  const DeclicFieldSpec *spec;
  DeclicWizardField *field;

  g_return_val_if_fail (DECLIC_IS_WIZARD (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  spec = declic_draft_fields_lookup_path (path);
  if (spec == NULL)
    return FALSE;
  if (spec->section == DECLIC_SECTION_NONE)
    {
      /* The dates of the draft as a whole live on the Deadlines page. */
      field = g_hash_table_lookup (self->fields, path);
      if (field == NULL)
        return FALSE;
      declic_wizard_show_section (self, DECLIC_WIZARD_PAGE_DEADLINES);
      declic_wizard_field_focus (field);
      return TRUE;
    }

  declic_wizard_show_section (self, spec->section);
  field = g_hash_table_lookup (self->fields, path);
  if (field != NULL)
    {
      declic_wizard_field_focus (field);
      return TRUE;
    }
  if (focus_first_field_under (self, path))
    return TRUE;

  /* A list: its Add button. */
  {
    DeclicWizardItemList *list = find_item_list (self, path);

    if (list != NULL)
      {
        gtk_widget_grab_focus (declic_wizard_item_list_get_add_button (list));
        return TRUE;
      }
  }
  return FALSE;
}

GPtrArray *
declic_wizard_get_findings (DeclicWizard *self)
{
  g_return_val_if_fail (DECLIC_IS_WIZARD (self), NULL);

  return self->findings;
}

/* The page of @path is built: asked for one of its rows, it has them. */
static void
ensure_page_of (DeclicWizard *self,
                const char   *path)
{
  const DeclicFieldSpec *spec = path != NULL ? declic_draft_fields_lookup_path (path) : NULL;

  if (spec != NULL && spec->section > DECLIC_SECTION_NONE && spec->section < DECLIC_N_SECTIONS)
    declic_section_page_bind (self->section_pages[spec->section]);
}

GtkWidget *
declic_wizard_get_row (DeclicWizard *self,
                       const char   *path)
{
  DeclicWizardField *field;

  g_return_val_if_fail (DECLIC_IS_WIZARD (self), NULL);

  ensure_page_of (self, path);
  field = g_hash_table_lookup (self->fields, path);
  return field != NULL ? field->row : NULL;
}

GtkWidget *
declic_wizard_get_input (DeclicWizard *self,
                         const char   *path)
{
  DeclicWizardField *field;

  g_return_val_if_fail (DECLIC_IS_WIZARD (self), NULL);

  ensure_page_of (self, path);
  field = g_hash_table_lookup (self->fields, path);
  return field != NULL ? field->input : NULL;
}

GtkWidget *
declic_wizard_get_add_button (DeclicWizard *self,
                              const char   *array_path)
{
  DeclicWizardItemList *list;

  g_return_val_if_fail (DECLIC_IS_WIZARD (self), NULL);

  ensure_page_of (self, array_path);
  list = find_item_list (self, array_path);
  return list != NULL ? declic_wizard_item_list_get_add_button (list) : NULL;
}
