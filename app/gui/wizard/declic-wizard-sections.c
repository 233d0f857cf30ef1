/* declic-wizard-sections.c: the pages of the DI's sections, built from the field table.
 *
 * Each section is described by a short layout: groups of field paths, repeated items and the
 * conditions under which a group shows. The rows themselves come from the field table
 * (declic-wizard-field.c), so a field added to the table needs one line here.
 *
 * Layout tokens:
 *   "#path"   a group titled with the label of `path` ("#" alone: no title)
 *   "*path"   a group of repeated items of the array `path`, with Add, move and Remove
 *             (DeclicWizardItemList: an item added or removed touches that item's rows only)
 *   "?cond"   the next group shows only when: "spouse" (married or de facto and accompanying),
 *             "=path" (the boolean is on), "!path" (the boolean is off)
 *   "~window" the 5-year window of the work history and its gaps
 *   "path"    a field in the current group
 */
#define G_LOG_DOMAIN "declic-wizard"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "declic-applies.h"
#include "declic-format.h"
#include "declic-wizard-item-list.h"
#include "declic-wizard-private.h"
#include "declic-work-window.h"

static const char *const personal_layout[] = {
  "#", "personal.family_names", "personal.given_names", "personal.sex", "personal.birth_date",
  "personal.birth_country",
  "*personal.citizenships",
  "*personal.other_names",
  "#personal.passport", "personal.passport.number", "personal.passport.issuing_country",
  "personal.passport.expiry_date",
  "*personal.previous_applications",
  NULL
};

static const char *const contact_layout[] = {
  "#", "contact.email", "contact.phone",
  "#contact.address", "contact.address.street", "contact.address.city",
  "contact.address.subdivision", "contact.address.postal_code", "contact.address.country",
  "#", "contact.residence_country", "contact.residence_status",
  NULL
};

static const char *const family_layout[] = {
  "#", "family.marital_status", "family.union_date", "family.spouse_accompanies",
  "?spouse", "#family.spouse", "family.spouse.family_names", "family.spouse.given_names",
  "family.spouse.birth_date", "family.spouse.education_level", "family.spouse.quebec_diploma_level",
  "family.spouse.quebec_experience_months", "family.spouse.di_number",
  "?spouse", "#family.spouse.french", "family.spouse.french.no_result",
  "?spouse", "*family.spouse.french.results",
  "?spouse", "#family.spouse.english", "family.spouse.english.no_result",
  "?spouse", "*family.spouse.english.results",
  "*family.children",
  NULL
};

static const char *const education_layout[] = {
  "*education",
  NULL
};

static const char *const work_layout[] = {
  "~window",
  "*work_history",
  NULL
};

static const char *const job_offer_layout[] = {
  "#", "job_offer.has_offer",
  "?=job_offer.has_offer", "#", "job_offer.employer", "job_offer.job_title", "job_offer.noc_code",
  "job_offer.city", "job_offer.inside_cmm", "job_offer.validation_number",
  "job_offer.validation_date",
  NULL
};

static const char *const french_layout[] = {
  "#", "french.no_result",
  "?!french.no_result", "*french.results",
  NULL
};

static const char *const english_layout[] = {
  "#", "english.no_result",
  "?!english.no_result", "*english.results",
  NULL
};

static const char *const quebec_layout[] = {
  "#", "quebec.family_member", "quebec.regulated_profession", "quebec.authorization_to_practise",
  "quebec.labour_market_diagnosis",
  "#", "quebec.months_outside_cmm_residence", "quebec.outside_cmm_residence_ongoing",
  "quebec.months_outside_cmm_work", "quebec.outside_cmm_work_ongoing",
  "quebec.months_outside_cmm_study", "quebec.outside_cmm_study_ongoing",
  "quebec.outside_cmm_counted_on",
  "#", "quebec.studies_without_diploma_completed_months",
  "quebec.studies_without_diploma_ongoing_months",
  NULL
};

static const char *const consent_layout[] = {
  "#", "consent.information_true", "consent.personal_information",
  NULL
};

static const char *const representative_layout[] = {
  "#", "representative.name", "representative.category", "representative.registry_number",
  "representative.mandate_date",
  NULL
};

static const char *const *const layouts[DECLIC_N_SECTIONS] = {
  personal_layout, contact_layout, family_layout, education_layout, work_layout,
  job_offer_layout, french_layout, english_layout, quebec_layout, consent_layout,
  representative_layout,
};

static const char *const descriptions[DECLIC_N_SECTIONS] = {
  N_("As written in your passport."),
  N_("Arrima requires a valid e-mail address."),
  N_("Your marital status, your accompanying spouse and your dependent children."),
  N_("Every diploma of at least one year of full-time study, most recent first."),
  N_("Every period of the last 5 years: work, internships, studies, leave or inactivity."),
  N_("Only a job offer validated by the ministry counts."),
  N_("Results of a standardized test, or a diploma from studies in French."),
  N_("Results of a standardized test, or a diploma from studies in English."),
  N_("Family, studies and work in Québec, and your occupation’s situation."),
  N_("Without these declarations the DI cannot be filed."),
  N_("Optional: a lawyer, a notary or a consultant recognised by Québec who helps you."),
};

static const char *
spec_label (const char *path)
{
  const DeclicFieldSpec *spec = declic_draft_fields_lookup_path (path);

  return spec != NULL && spec->label != NULL ? g_dgettext (GETTEXT_PACKAGE, spec->label) : "";
}

static gboolean
check_condition (DeclicWizard *self,
                 const char   *condition)
{
  DeclicDraft *draft = self->draft;

  if (draft == NULL || condition == NULL)
    return TRUE;
  if (g_str_equal (condition, "spouse"))
    return declic_applies_spouse (declic_draft_get_root (draft));
  if (condition[0] == '=')
    return declic_draft_get_boolean (draft, condition + 1, FALSE);
  if (condition[0] == '!')
    return !declic_draft_get_boolean (draft, condition + 1, FALSE);
  return TRUE;
}

static DeclicWizardField *
add_field (DeclicWizard *self,
           GtkWidget    *container,
           const char   *path,
           const char   *title)
{
  DeclicWizardField *field = declic_wizard_field_new (self, path, title);

  declic_wizard_field_add_to (field, container);
  g_hash_table_replace (self->fields, field->path, field);
  return field;
}

static gboolean
remove_section_field (gpointer key,
                      gpointer value,
                      gpointer user_data)
{
  DeclicWizardField *field = value;

  if (field->section != GPOINTER_TO_INT (user_data))
    return FALSE;
  g_ptr_array_add (g_object_get_data (G_OBJECT (field->wizard), "declic-old-fields"), field);
  return TRUE;
}

static gboolean
restore_scroll_cb (GtkWidget     *scrolled,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  double *value = user_data;

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), *value);
  return G_SOURCE_REMOVE;
}

/* A page built again keeps its scroll position: the new content has no size until its first
 * layout, which would clamp the position to the top, so it is set again at the next frame. */
static void
restore_scroll (DeclicWizardSectionPage *page,
                double                   value)
{
  double *copy;

  if (value <= 0 || !gtk_widget_get_mapped (page->scrolled))
    return;
  copy = g_new (double, 1);
  *copy = value;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page->scrolled)), value);
  gtk_widget_add_tick_callback (page->scrolled, restore_scroll_cb, copy, g_free);
}

/* The list of items of @array_path, on its page; NULL when the page shows none. */
DeclicWizardItemList *
declic_wizard_sections_get_item_list (DeclicWizard *self,
                                      const char   *array_path)
{
  const DeclicFieldSpec *spec = declic_draft_fields_lookup_path (array_path);
  DeclicWizardSectionPage *page;

  if (spec == NULL || spec->section <= DECLIC_SECTION_NONE || spec->section >= DECLIC_N_SECTIONS)
    return NULL;
  page = &self->pages[spec->section];
  for (guint i = 0; i < page->item_lists->len; i++)
    {
      DeclicWizardItemList *list = g_ptr_array_index (page->item_lists, i);

      if (g_str_equal (declic_wizard_item_list_get_array_path (list), array_path))
        return list;
    }
  return NULL;
}

/* Its lists of items let go of their fields: before the page's fields are freed. */
void
declic_wizard_sections_forget_items (DeclicWizard  *self,
                                     DeclicSection  section)
{
  DeclicWizardSectionPage *page = &self->pages[section];

  for (guint i = 0; i < page->item_lists->len; i++)
    declic_wizard_item_list_forget (g_ptr_array_index (page->item_lists, i));
  g_ptr_array_set_size (page->item_lists, 0);
}

/* Drops a section's page: its rows, its fields and its lists of items. It is built again when
 * it is next shown or asked for (declic_wizard_sections_ensure ()). */
void
declic_wizard_sections_clear (DeclicWizard  *self,
                              DeclicSection  section)
{
  DeclicWizardSectionPage *page = &self->pages[section];
  g_autoptr(GPtrArray) old_fields = g_ptr_array_new_with_free_func ((GDestroyNotify) declic_wizard_field_free);

  /* The focus leaves a page about to be dropped first: GTK would otherwise hand it to a row
   * already out of its list ("gtk_list_box_row_grab_focus: assertion 'box != NULL'"). The
   * caller then focuses what the user expects. */
  if (page->content != NULL && gtk_widget_get_root (page->content) != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (page->content);
      GtkWidget *focus = gtk_root_get_focus (root);

      if (focus != NULL && gtk_widget_is_ancestor (focus, page->content))
        gtk_root_set_focus (root, NULL);
    }
  declic_wizard_sections_forget_items (self, section);
  g_object_set_data (G_OBJECT (self), "declic-old-fields", old_fields);
  g_hash_table_foreach_steal (self->fields, remove_section_field, GINT_TO_POINTER (section));
  g_object_set_data (G_OBJECT (self), "declic-old-fields", NULL);
  /* Disconnects the old rows while they are still alive, before the page drops them. */
  g_clear_pointer (&old_fields, g_ptr_array_unref);
  g_ptr_array_set_size (page->groups, 0);
  g_ptr_array_set_size (page->message_rows, 0);
  page->work_window = NULL;
  page->built = FALSE;
  if (page->content != NULL)
    {
      adw_clamp_set_child (ADW_CLAMP (page->clamp), NULL);
      page->content = NULL;
    }
}

/* Builds a section's page the first time it is shown or asked for: opening a draft builds the
 * page shown, not all eleven. */
void
declic_wizard_sections_ensure (DeclicWizard  *self,
                               DeclicSection  section)
{
  if (section <= DECLIC_SECTION_NONE || section >= DECLIC_N_SECTIONS || self->pages[section].built)
    return;
  declic_wizard_sections_build (self, section);
  declic_wizard_sections_refresh (self, section);
}

/* (Re)builds a section's page from the draft. */
void
declic_wizard_sections_build (DeclicWizard  *self,
                              DeclicSection  section)
{
  DeclicWizardSectionPage *page = &self->pages[section];
  const char *const *layout = layouts[section];
  const char *condition = NULL;
  GtkWidget *group = NULL;
  GtkWidget *label;
  double scroll;
  GHashTableIter iter;
  gpointer value;

  scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page->scrolled)));
  declic_wizard_sections_clear (self, section);
  page->built = TRUE;

  page->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (page->content, 24);
  gtk_widget_set_margin_bottom (page->content, 24);
  gtk_widget_set_margin_start (page->content, 12);
  gtk_widget_set_margin_end (page->content, 12);

  label = gtk_label_new (declic_section_get_title (section));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-1");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (page->content), label);
  label = gtk_label_new (_(descriptions[section]));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 0);
  gtk_box_append (GTK_BOX (page->content), label);

  page->messages = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (page->messages), _("To look at in this section"));
  gtk_widget_set_visible (page->messages, FALSE);
  gtk_box_append (GTK_BOX (page->content), page->messages);

  for (guint i = 0; layout[i] != NULL; i++)
    {
      const char *token = layout[i];
      GtkWidget *new_group = NULL;

      if (token[0] == '?')
        {
          condition = token + 1;
          continue;
        }
      if (token[0] == '#')
        {
          new_group = adw_preferences_group_new ();
          if (token[1] != '\0')
            adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (new_group), spec_label (token + 1));
        }
      else if (token[0] == '*')
        {
          new_group = declic_wizard_item_list_new (self, token + 1);
          g_ptr_array_add (page->item_lists, new_group);
        }
      else if (token[0] == '~')
        {
          new_group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (new_group), _("The last 5 years"));
          page->work_window = gtk_label_new (NULL);
          gtk_label_set_xalign (GTK_LABEL (page->work_window), 0);
          gtk_label_set_wrap (GTK_LABEL (page->work_window), TRUE);
          gtk_label_set_selectable (GTK_LABEL (page->work_window), FALSE);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (new_group), page->work_window);
        }

      if (new_group != NULL)
        {
          group = new_group;
          gtk_box_append (GTK_BOX (page->content), group);
          if (condition != NULL)
            {
              g_object_set_data_full (G_OBJECT (group), "declic-condition", g_strdup (condition), g_free);
              g_ptr_array_add (page->groups, group);
            }
          condition = NULL;
          continue;
        }

      g_assert (group != NULL);
      add_field (self, group, token, NULL);
    }

  adw_clamp_set_child (ADW_CLAMP (page->clamp), page->content);
  restore_scroll (page, scroll);

  self->loading++;
  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((DeclicWizardField *) value)->section == section)
      declic_wizard_field_load (value);
  self->loading--;
}

static void
format_date (const GDate *date,
             char        *buffer,
             gsize        size)
{
  g_autofree char *text = declic_format_date_long (date, NULL);

  g_strlcpy (buffer, text, size);
}

/* The 5-year window and what it leaves uncovered: the core's gaps, the ones its finding names. */
static char *
describe_work_window (DeclicWizard *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) gaps = NULL;
  DeclicDateSpan window;
  GDate reference;
  char from[32], to[32];

  declic_draft_get_reference_date (self->draft, NULL, &reference);
  declic_work_window_get (&reference, &window);
  format_date (&window.first, from, sizeof from);
  format_date (&window.last, to, sizeof to);
  g_string_append_printf (text, _("Declare every period from %s to %s."), from, to);

  gaps = declic_work_window_get_gaps (declic_draft_get_root (self->draft), &reference);
  for (guint i = 0; i < gaps->len; i++)
    {
      const DeclicDateSpan *gap = &g_array_index (gaps, DeclicDateSpan, i);
      int days = (int) declic_date_span_get_days (gap);
      g_autofree char *days_text = NULL;

      format_date (&gap->first, from, sizeof from);
      format_date (&gap->last, to, sizeof to);
      g_string_append (text, "\n");
      days_text = declic_format_integer (days, NULL);
      /* TRANSLATORS: a gap in the work history */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "• Not covered: %s to %s (%s day)",
                                                 "• Not covered: %s to %s (%s days)", days),
                              from, to, days_text);
    }

  g_string_append (text, "\n");
  if (gaps->len == 0)
    g_string_append (text, _("The 5 years are covered."));
  else
    g_string_append (text, _("Declare what you did in each uncovered period (studies, leave, inactivity…)."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_message_activated (AdwActionRow *row,
                      DeclicWizard *self)
{
  declic_wizard_focus_path (self, g_object_get_data (G_OBJECT (row), "declic-path"));
}

/* Messages, info lines, conditional groups and item titles, after every change. */
void
declic_wizard_sections_refresh (DeclicWizard  *self,
                                DeclicSection  section)
{
  DeclicWizardSectionPage *page = &self->pages[section];
  g_autoptr(GHashTable) by_path = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;
  guint n_messages = 0;

  if (!page->built || self->draft == NULL)
    return;

  /* The most serious finding on each path (the list is sorted that way). */
  for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (self->findings, i);
      DeclicFinding *previous;

      if (declic_finding_get_section (finding) != section)
        continue;
      previous = g_hash_table_lookup (by_path, declic_finding_get_path (finding));
      if (previous == NULL
          || declic_finding_get_severity (finding) > declic_finding_get_severity (previous))
        g_hash_table_insert (by_path, (gpointer) declic_finding_get_path (finding), finding);
    }

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      DeclicWizardField *field = value;
      DeclicFinding *finding;

      if (field->section != section)
        continue;
      /* A field that does not apply to the situation is hidden, as the rules ignore it. */
      declic_wizard_field_set_applies (field, declic_applies_field (declic_draft_get_root (self->draft),
                                                                    field->path));
      finding = g_hash_table_lookup (by_path, field->path);
      if (finding != NULL && declic_wizard_finding_is_quiet (self, finding))
        /* TRANSLATORS: under a required field nobody has left empty yet */
        declic_wizard_field_set_message (field, DECLIC_SEVERITY_INFO, _("To fill in"));
      else
        declic_wizard_field_set_message (field,
                                         finding != NULL ? declic_finding_get_severity (finding) : DECLIC_SEVERITY_INFO,
                                         finding != NULL ? declic_finding_get_message (finding) : NULL);
      declic_wizard_field_update_info (field);
    }

  /* Findings with no field of their own: at the top of the page. The rows are kept and
   * retitled rather than removed and made again, so that one that has the focus keeps it. */
  for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (self->findings, i);
      DeclicSeverity severity = declic_finding_get_severity (finding);
      GtkWidget *row;
      GtkWidget *icon;

      if (declic_finding_get_section (finding) != section
          || severity == DECLIC_SEVERITY_INFO
          || g_hash_table_contains (self->fields, declic_finding_get_path (finding))
          || declic_wizard_finding_is_quiet (self, finding))
        continue;

      if (n_messages < page->message_rows->len)
        row = g_ptr_array_index (page->message_rows, n_messages);
      else
        {
          row = adw_action_row_new ();
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
          icon = gtk_image_new ();
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          g_object_set_data (G_OBJECT (row), "declic-icon", icon);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_signal_connect (row, "activated", G_CALLBACK (on_message_activated), self);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (page->messages), row);
          g_ptr_array_add (page->message_rows, row);
        }
      icon = g_object_get_data (G_OBJECT (row), "declic-icon");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), declic_finding_get_message (finding));
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), severity == DECLIC_SEVERITY_ERROR
                                    ? "dialog-error-symbolic" : "dialog-warning-symbolic");
      gtk_widget_remove_css_class (icon, "error");
      gtk_widget_remove_css_class (icon, "warning");
      gtk_widget_add_css_class (icon, severity == DECLIC_SEVERITY_ERROR ? "error" : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      declic_severity_get_label (severity), -1);
      g_object_set_data_full (G_OBJECT (row), "declic-path",
                              g_strdup (declic_finding_get_path (finding)), g_free);
      n_messages++;
    }
  while (page->message_rows->len > n_messages)
    {
      GtkWidget *row = g_ptr_array_steal_index (page->message_rows, page->message_rows->len - 1);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (page->messages), row);
    }
  gtk_widget_set_visible (page->messages, n_messages > 0);

  for (guint i = 0; i < page->groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (page->groups, i);

      gtk_widget_set_visible (group, check_condition (self, g_object_get_data (G_OBJECT (group), "declic-condition")));
    }

  for (guint i = 0; i < page->item_lists->len; i++)
    declic_wizard_item_list_refresh (g_ptr_array_index (page->item_lists, i));

  if (page->work_window != NULL)
    {
      g_autofree char *text = describe_work_window (self);

      gtk_label_set_text (GTK_LABEL (page->work_window), text);
    }
}
