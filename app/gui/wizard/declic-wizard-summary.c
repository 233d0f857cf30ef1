/* declic-wizard-summary.c: the Review, Eligibility and points, and Deadlines pages.
 *
 * They are built again from the draft each time they are shown, and on every change while they
 * are visible. Figures come from the core (declic-eligibility, declic-points, declic-deadlines);
 * the points are always labelled an estimate, with the grid they come from.
 */
#define G_LOG_DOMAIN "declic-wizard"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "declic-check.h"
#include "declic-deadlines.h"
#include "declic-eligibility.h"
#include "declic-format.h"
#include "declic-points.h"
#include "declic-profile.h"
#include "declic-rules.h"
#include "declic-wizard-private.h"
#include "plan/declic-plan-view.h"

/* The dates every deadline is counted from: edited on the Deadlines page itself. */
static const char *const deadline_dates[] = {
  "planned_filing_date", "filing_date", "after_filing.di_number", "invitation_date",
  "after_filing.invitation_outcome", "after_filing.application_date", "after_filing.missing_request_date",
  "after_filing.end", "after_filing.end_date", NULL
};

static GtkWidget *
new_title_labels (GtkWidget  *box,
                  const char *title,
                  const char *description)
{
  GtkWidget *label;

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-1");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (box), label);
  if (description != NULL)
    {
      label = gtk_label_new (description);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

static GtkWidget *
new_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

/* The Deadlines page keeps its date rows: only what follows them is built again, so that the
 * row being typed in stays put. */
static GtkWidget *
new_deadlines_header (DeclicWizard *self)
{
  GtkWidget *box = new_title_labels (new_box (), _("Deadlines"), _("Counted from the dates in the draft."));
  GtkWidget *group = adw_preferences_group_new ();

  gtk_widget_set_margin_bottom (box, 0);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Filing and invitation"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The planned filing date is the day every check is made at. Filing the DI in Arrima starts its 12 months of validity; an invitation starts the time to file the selection application."));
  for (guint i = 0; deadline_dates[i] != NULL; i++)
    {
      DeclicWizardField *field = declic_wizard_field_new (self, deadline_dates[i], NULL);

      declic_wizard_field_add_to (field, group);
      g_hash_table_replace (self->fields, field->path, field);
    }
  gtk_box_append (GTK_BOX (box), group);
  return box;
}

GtkWidget *
declic_wizard_summary_new_page (DeclicWizard *self,
                                int           page)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *bin = adw_bin_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  if (page == DECLIC_WIZARD_PAGE_DEADLINES)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *header = new_deadlines_header (self);

      gtk_box_append (GTK_BOX (box), header);
      gtk_box_append (GTK_BOX (box), bin);
      adw_clamp_set_child (ADW_CLAMP (clamp), box);
      g_object_set_data (G_OBJECT (scrolled), "declic-header", header);
    }
  else
    adw_clamp_set_child (ADW_CLAMP (clamp), bin);
  g_object_set_data (G_OBJECT (scrolled), "declic-bin", bin);
  return scrolled;
}

/* Fills the rows of the pages after the sections from the draft. */
void
declic_wizard_summary_load_fields (DeclicWizard *self)
{
  self->loading++;
  for (guint i = 0; deadline_dates[i] != NULL; i++)
    {
      DeclicWizardField *field = g_hash_table_lookup (self->fields, deadline_dates[i]);

      if (field != NULL)
        declic_wizard_field_load (field);
    }
  self->loading--;
}

/* Their messages, after every check. */
void
declic_wizard_summary_refresh_fields (DeclicWizard *self)
{
  for (guint i = 0; deadline_dates[i] != NULL; i++)
    {
      DeclicWizardField *field = g_hash_table_lookup (self->fields, deadline_dates[i]);
      DeclicFinding *worst = NULL;

      if (field == NULL)
        continue;
      for (guint j = 0; self->findings != NULL && j < self->findings->len; j++)
        {
          DeclicFinding *finding = g_ptr_array_index (self->findings, j);

          if (g_str_equal (declic_finding_get_path (finding), field->path)
              && (worst == NULL || declic_finding_get_severity (finding) > declic_finding_get_severity (worst)))
            worst = finding;
        }
      declic_wizard_field_set_message (field,
                                       worst != NULL ? declic_finding_get_severity (worst) : DECLIC_SEVERITY_INFO,
                                       worst != NULL ? declic_finding_get_message (worst) : NULL);
      declic_wizard_field_update_info (field);
    }
}

static GtkWidget *
new_page_box (const char *title,
              const char *description)
{
  return new_title_labels (new_box (), title, description);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *icon_name,
         const char *icon_css,
         const char *icon_label)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      if (icon_css != NULL)
        gtk_widget_add_css_class (icon, icon_css);
      if (icon_label != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, icon_label, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  return row;
}

static GtkWidget *
new_status (const char *icon_name,
            const char *title,
            const char *description)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  return status;
}

/* Review */

static void
on_finding_activated (AdwActionRow *row,
                      DeclicWizard *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "declic-path");
  int section = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "declic-section"));

  if (path == NULL || *path == '\0' || !declic_wizard_focus_path (self, path))
    declic_wizard_show_section (self, section);
}

static const char *
severity_icon (DeclicSeverity severity)
{
  switch (severity)
    {
    case DECLIC_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case DECLIC_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case DECLIC_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
severity_css (DeclicSeverity severity)
{
  return severity == DECLIC_SEVERITY_ERROR ? "error"
         : severity == DECLIC_SEVERITY_WARNING ? "warning" : "dim-label";
}

static GtkWidget *
build_review (DeclicWizard *self)
{
  GPtrArray *findings = self->findings;
  guint n_errors = findings != NULL ? declic_finding_list_count (findings, DECLIC_SECTION_NONE, DECLIC_SEVERITY_ERROR) : 0;
  guint n_warnings = findings != NULL ? declic_finding_list_count (findings, DECLIC_SECTION_NONE, DECLIC_SEVERITY_WARNING) : 0;
  g_autofree char *description = NULL;
  GtkWidget *groups[DECLIC_N_SECTIONS + 1] = { NULL, };
  GtkWidget *box;
  g_autofree char *errors_text = declic_format_integer (n_errors, NULL);
  g_autofree char *warnings_text = declic_format_integer (n_warnings, NULL);

  if (n_errors > 0)
    {
      /* Two counts, two plural forms: « 1 erreur … ; 1 avertissement … ». */
      g_autofree char *errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s error blocks filing",
                                                              "%s errors block filing", n_errors), errors_text);
      g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s warning to look at",
                                                                "%s warnings to look at", n_warnings), warnings_text);

      /* TRANSLATORS: "2 errors block filing; 1 warning to look at." */
      description = g_strdup_printf (_("%s; %s."), errors, warnings);
    }
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Nothing blocks filing; %s warning to look at.",
                                                "Nothing blocks filing; %s warnings to look at.",
                                                n_warnings), warnings_text);
  box = new_page_box (_("Review"), description);

  if (findings == NULL || findings->len == 0)
    {
      gtk_box_append (GTK_BOX (box),
                      new_status ("checkbox-checked-symbolic", _("Ready to type into Arrima"),
                                  _("Every section is complete.")));
      return box;
    }

  for (guint i = 0; i < findings->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (findings, i);
      DeclicSection section = declic_finding_get_section (finding);
      DeclicSeverity severity = declic_finding_get_severity (finding);
      const char *path = declic_finding_get_path (finding);
      const DeclicFieldSpec *spec = *path != '\0' ? declic_draft_fields_lookup_path (path) : NULL;
      int slot = section == DECLIC_SECTION_NONE ? DECLIC_N_SECTIONS : section;
      GtkWidget *row;

      if (groups[slot] == NULL)
        {
          groups[slot] = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[slot]),
                                           section == DECLIC_SECTION_NONE ? _("The draft as a whole")
                                           : declic_section_get_title (section));
          gtk_box_append (GTK_BOX (box), groups[slot]);
        }

      row = new_row (declic_finding_get_message (finding),
                     spec != NULL && spec->label != NULL ? g_dgettext (GETTEXT_PACKAGE, spec->label) : NULL,
                     severity_icon (severity), severity_css (severity),
                     declic_severity_get_label (severity));
      g_object_set_data_full (G_OBJECT (row), "declic-path", g_strdup (path), g_free);
      g_object_set_data (G_OBJECT (row), "declic-section", GINT_TO_POINTER (section == DECLIC_SECTION_NONE ? 0 : section));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_signal_connect (row, "activated", G_CALLBACK (on_finding_activated), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[slot]), row);
    }

  return box;
}

/* Eligibility and points */

/* Which rules a check uses. A draft keeps the rule set it records ("rule_set_id") until the user
 * switches: checking with other rules never rewrites it. Without a record, or with a record this
 * build does not know, the set in force at the reference date is used. */
typedef struct
{
  DeclicRuleSet *used;
  DeclicRuleSet *in_force;   /* at the reference date, or NULL */
  const char    *recorded;   /* the draft's "rule_set_id", or NULL */
  GDate          date;
  char           when[32];
} RuleChoice;

static DeclicRuleSet *
pick_rule_set (DeclicWizard *self,
               RuleChoice   *choice,
               GError      **error)
{
  DeclicRules *rules = declic_rules_get_default ();

  memset (choice, 0, sizeof *choice);
  declic_draft_get_reference_date (self->draft, NULL, &choice->date);
  {
    g_autofree char *when = declic_format_date_long (&choice->date, NULL);
    g_strlcpy (choice->when, when, sizeof choice->when);
  }
  choice->recorded = declic_draft_get_string (self->draft, "rule_set_id");
  if (rules == NULL)
    {
      g_set_error_literal (error, DECLIC_RULES_ERROR, DECLIC_RULES_ERROR_NOT_FOUND,
                           _("No rule set is available in this build."));
      return NULL;
    }
  choice->used = declic_check_choose_rule_set (rules, self->draft, &choice->date, &choice->in_force);
  if (choice->used == NULL)
    g_set_error (error, DECLIC_RULES_ERROR, DECLIC_RULES_ERROR_NOT_FOUND,
                 _("No rule set is in force on %s."), choice->when);
  return choice->used;
}

static void
on_rule_set_button_clicked (GtkButton    *button,
                            DeclicWizard *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "declic-rule-set");

  if (self->draft == NULL || id == NULL)
    return;
  /* The only place the wizard writes "rule_set_id": the user asked for it. */
  declic_wizard_write_begin (self);
  declic_draft_set_string (self->draft, "rule_set_id", id);
  declic_wizard_write_end (self);
}

static GtkWidget *
build_rule_set_group (DeclicWizard *self,
                      RuleChoice   *choice)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *notice = NULL;
  const char *button_label = NULL;
  GtkWidget *row;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Rule set"));

  if (choice->used == choice->in_force)
    /* TRANSLATORS: under a rule set's title: its id and whether it applies: "pstq-2025-07-02 — in force on 2025-09-01" */
    subtitle = g_strdup_printf (_("%s — in force on %s"), declic_rule_set_get_id (choice->used), choice->when);
  else
    subtitle = g_strdup_printf (_("%s — recorded in the draft; not the rule set in force on %s"),
                                declic_rule_set_get_id (choice->used), choice->when);
  row = new_row (declic_rule_set_get_title (choice->used), subtitle, "view-list-bullet-symbolic", NULL, NULL);
  gtk_widget_set_name (row, "rule-set-row");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  if (choice->in_force == NULL || g_strcmp0 (choice->recorded, declic_rule_set_get_id (choice->in_force)) == 0)
    return group;

  if (choice->recorded == NULL)
    {
      notice = g_strdup (_("The draft does not record which rules it was checked with."));
      button_label = _("Record these rules in the draft");
    }
  else if (choice->used == choice->in_force)
    {
      notice = g_strdup_printf (_("The draft records the rule set “%s”, which this version of Déclic does not have: the rules in force are used."),
                                choice->recorded);
      button_label = _("Record these rules in the draft");
    }
  else
    {
      GDate used_from, in_force_from;

      declic_rule_set_get_effective_from (choice->used, &used_from);
      declic_rule_set_get_effective_from (choice->in_force, &in_force_from);
      if (g_date_compare (&in_force_from, &used_from) > 0)
        notice = g_strdup_printf (_("A newer rule set is in force on %s: “%s” (%s). The draft keeps its rules until you switch."),
                                  choice->when, declic_rule_set_get_title (choice->in_force),
                                  declic_rule_set_get_id (choice->in_force));
      else
        notice = g_strdup_printf (_("The rule set in force on %s is “%s” (%s). The draft keeps its rules until you switch."),
                                  choice->when, declic_rule_set_get_title (choice->in_force),
                                  declic_rule_set_get_id (choice->in_force));
      button_label = _("Switch to these rules");
    }

  {
    GtkWidget *button = gtk_button_new_with_label (button_label);

    row = new_row (notice, NULL, "dialog-information-symbolic", "accent", NULL);
    gtk_widget_set_name (row, "rule-set-notice");
    gtk_widget_set_name (button, "rule-set-button");
    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
    g_object_set_data_full (G_OBJECT (button), "declic-rule-set",
                            g_strdup (declic_rule_set_get_id (choice->in_force)), g_free);
    g_signal_connect (button, "clicked", G_CALLBACK (on_rule_set_button_clicked), self);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  }
  return group;
}

static char *
join_findings (GPtrArray *findings)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, declic_finding_get_message (g_ptr_array_index (findings, i)));
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static GtkWidget *
new_points_label (int points,
                  int max)
{
  /* TRANSLATORS: points out of a maximum: "44 / 50" */
  g_autofree char *got = declic_format_integer (points, NULL);
  g_autofree char *out_of = declic_format_integer (max, NULL);
  g_autofree char *text = g_strdup_printf (_("%s / %s"), got, out_of);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static GtkWidget *
build_eligibility (DeclicWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicProfile) profile = NULL;
  g_autoptr(DeclicEligibility) eligibility = NULL;
  g_autoptr(DeclicPoints) points = NULL;
  DeclicRuleSet *rule_set;
  RuleChoice choice;
  GtkWidget *box;
  GtkWidget *group;

  box = new_page_box (_("Eligibility and points"),
                      _("The streams of the Skilled Worker Selection Program (PSTQ) and an estimate of the ranking score."));

  rule_set = pick_rule_set (self, &choice, &error);
  if (rule_set == NULL)
    {
      gtk_box_append (GTK_BOX (box), new_status ("dialog-warning-symbolic", _("Not available"), error->message));
      return box;
    }
  gtk_box_append (GTK_BOX (box), build_rule_set_group (self, &choice));

  profile = declic_profile_new (self->draft, rule_set, &choice.date);
  eligibility = declic_eligibility_evaluate (profile, rule_set);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Streams"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("From secondary sources: check the conditions of each invitation round."));
  gtk_box_append (GTK_BOX (box), group);
  for (guint i = 0; eligibility != NULL && i < eligibility->streams->len; i++)
    {
      DeclicStreamEligibility *stream = g_ptr_array_index (eligibility->streams, i);
      g_autofree char *reasons = join_findings (stream->reasons);
      g_autofree char *subtitle = NULL;
      const char *state = stream->met ? _("Met") : _("Not met");

      subtitle = reasons != NULL ? g_strdup_printf ("%s\n%s", state, reasons) : g_strdup (state);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 new_row (stream->title, subtitle,
                                          stream->met ? "checkbox-checked-symbolic" : "dialog-warning-symbolic",
                                          stream->met ? "success" : "warning", state));
    }

  points = declic_points_compute (profile, rule_set, &error);
  if (points == NULL)
    {
      gtk_box_append (GTK_BOX (box), new_status ("dialog-warning-symbolic", _("No points estimate"), error->message));
      return box;
    }

  {
    g_autofree char *title = NULL;
    g_autofree char *subtitle = NULL;
    g_autofree char *total = NULL;
    g_autofree char *max_total = NULL;
    g_autofree char *grid_version = NULL;
    GtkWidget *row;

    group = adw_preferences_group_new ();
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Estimated score"));
    gtk_box_append (GTK_BOX (box), group);

    /* TRANSLATORS: the ranking score, always an estimate */
    total = declic_format_integer (points->total, NULL);
    max_total = declic_format_integer (points->max_total, NULL);
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Estimate: %s point out of %s", "Estimate: %s points out of %s",
                                          points->total), total, max_total);
    /* TRANSLATORS: "Grid pstq-grid, version 2025-07-02 (derived)" */
    grid_version = declic_format_date_text (points->grid_version, NULL);
    subtitle = g_strdup_printf (_("Grid %s, version %s (%s): not an official figure."),
                                points->grid_id, grid_version,
                                declic_rule_status_get_label (points->status));
    row = new_row (title, subtitle, "starred-symbolic", NULL, NULL);
    gtk_widget_add_css_class (row, "property");
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  }

  for (int f = 0; f < DECLIC_POINTS_N_FACTORS; f++)
    {
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), declic_points_factor_get_label (f));
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                               new_points_label (points->factor_points[f], points->factor_max[f]));
      gtk_box_append (GTK_BOX (box), group);

      for (guint i = 0; i < points->items->len; i++)
        {
          DeclicPointsItem *item = g_ptr_array_index (points->items, i);
          GtkWidget *row;

          if (item->factor != (DeclicPointsFactor) f)
            continue;
          row = new_row (item->label, item->input, NULL, NULL, NULL);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_points_label (item->points, item->max));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
    }

  if (points->notes != NULL && points->notes->len > 0)
    {
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("How it was counted"));
      gtk_box_append (GTK_BOX (box), group);
      for (guint i = 0; i < points->notes->len; i++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   new_row (g_ptr_array_index (points->notes, i), NULL, NULL, NULL, NULL));
    }

  return box;
}

/* Deadlines */

static GtkWidget *
build_deadlines (DeclicWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicCheck) check = NULL;
  GPtrArray *deadlines;
  DeclicRuleSet *rule_set;
  RuleChoice choice;
  GtkWidget *box;
  GtkWidget *group;

  box = new_box ();
  rule_set = pick_rule_set (self, &choice, &error);
  if (rule_set == NULL)
    {
      gtk_box_append (GTK_BOX (box), new_status ("dialog-warning-symbolic", _("Not available"), error->message));
      return box;
    }

  gtk_box_append (GTK_BOX (box), declic_wizard_life_new_group (self));

  /* The same check as the workspace list and `declic check`: days left count from today. */
  check = declic_check_run (self->draft, NULL, NULL, self->context);
  deadlines = check->deadlines;
  if (deadlines->len == 0)
    {
      gtk_box_append (GTK_BOX (box),
                      new_status ("alarm-symbolic", _("No deadline yet"),
                                  _("Deadlines appear once the draft has dates: language results, the filing date or an invitation.")));
      return box;
    }

  group = adw_preferences_group_new ();
  gtk_box_append (GTK_BOX (box), group);
  for (guint i = 0; i < deadlines->len; i++)
    {
      DeclicDeadline *deadline = g_ptr_array_index (deadlines, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *days = NULL;
      g_autofree char *days_text = NULL;
      char when[32];
      GtkWidget *row;
      GtkWidget *label;

      {
        g_autofree char *long_date = declic_format_date_long (&deadline->date, NULL);
        g_strlcpy (when, long_date, sizeof when);
      }
      /* TRANSLATORS: a deadline's date, its state and how sure the rule is: "2026-03-01 — Soon (official rule)" */
      subtitle = g_strdup_printf (_("%s — %s (%s rule)"), when,
                                  declic_deadline_status_get_label (deadline->status),
                                  declic_rule_status_get_label (deadline->source_status));
      days_text = declic_format_integer (ABS (deadline->days_left), NULL);
      if (deadline->days_left >= 0)
        days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day left", "%s days left",
                                             deadline->days_left), days_text);
      else
        days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Passed %s day ago", "Passed %s days ago",
                                             -deadline->days_left), days_text);

      row = new_row (deadline->label, subtitle,
                     deadline->status == DECLIC_DEADLINE_PASSED ? "dialog-error-symbolic"
                     : deadline->status == DECLIC_DEADLINE_SOON ? "dialog-warning-symbolic" : "alarm-symbolic",
                     deadline->status == DECLIC_DEADLINE_PASSED ? "error"
                     : deadline->status == DECLIC_DEADLINE_SOON ? "warning" : NULL,
                     declic_deadline_status_get_label (deadline->status));
      label = gtk_label_new (days);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return box;
}

void
declic_wizard_summary_rebuild (DeclicWizard *self,
                               int           page)
{
  GtkWidget *scrolled = self->extra_pages[page - DECLIC_WIZARD_PAGE_REVIEW];
  AdwBin *bin = g_object_get_data (G_OBJECT (scrolled), "declic-bin");
  GtkWidget *header = g_object_get_data (G_OBJECT (scrolled), "declic-header");
  GtkWidget *content;

  if (header != NULL)
    gtk_widget_set_visible (header, self->draft != NULL);
  if (self->draft == NULL)
    content = new_status ("x-office-document-symbolic", declic_wizard_page_get_title (page),
                          _("No draft is open."));
  else if (page == DECLIC_WIZARD_PAGE_REVIEW)
    content = build_review (self);
  else if (page == DECLIC_WIZARD_PAGE_ELIGIBILITY)
    content = build_eligibility (self);
  else if (page == DECLIC_WIZARD_PAGE_PLAN)
    content = declic_plan_view_new (self->draft, self->context);
  else
    content = build_deadlines (self);

  adw_bin_set_child (bin, content);
}
