/* declic-plan-view.c: the wizard's Plan page (see the header). */
#define G_LOG_DOMAIN "declic-plan-view"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-clock.h"
#include "declic-plan.h"
#include "declic-rounds.h"
#include "declic-format.h"
#include "declic-utils.h"
#include "plan/declic-plan-chart.h"
#include "plan/declic-plan-view.h"
#include "plan/declic-rounds-chooser.h"
#include "plan/declic-what-if-editor.h"

struct _DeclicPlanView
{
  GtkBox                 parent_instance;

  GtkStack              *chart_stack;
  DeclicPlanChart       *chart;
  GtkLabel              *chart_label;
  AdwPreferencesGroup   *window_group;
  AdwPreferencesGroup   *what_if_group;
  AdwPreferencesGroup   *events_group;
  AdwPreferencesGroup   *table_group;
  AdwPreferencesGroup   *rounds_group;
  DeclicWhatIfEditor    *what_if_editor;
  GtkButton             *update_rounds_button;

  DeclicDraft           *draft;       /* a private copy: the worker reads it */
  DeclicValidateContext *context;
  GCancellable          *cancellable;
  GArray                *suggestions; /* DeclicWhatIf: the suggested ones, then the user's */
  GArray                *chosen;      /* gboolean per suggestion */
  GPtrArray             *what_if_rows; /* AdwActionRow per suggestion: they stay while the
                                       * plan is worked out again, and so does the focus */
  GPtrArray             *added_rows;  /* rows to remove before the next fill */
  GError                *install_problem; /* why the file last chosen was not installed */
  gboolean               installing;
  gboolean               ready;
};

G_DEFINE_FINAL_TYPE (DeclicPlanView, declic_plan_view, GTK_TYPE_BOX)

typedef struct
{
  DeclicDraft           *draft;
  DeclicValidateContext *context;
  GArray                *suggestions;
  GArray                *chosen;
  /* Out */
  DeclicPlan            *plan;
  DeclicRounds          *rounds;      /* the list in use, read here: no I/O on the main thread */
  GError                *rounds_problem; /* why the person's own list was ignored */
  GArray                *deltas;      /* int per suggestion */
  GArray                *at;          /* GDate per suggestion */
} PlanJob;

static void
plan_job_free (PlanJob *job)
{
  g_clear_object (&job->draft);
  g_clear_pointer (&job->context, declic_validate_context_unref);
  g_clear_pointer (&job->suggestions, g_array_unref);
  g_clear_pointer (&job->chosen, g_array_unref);
  g_clear_pointer (&job->plan, declic_plan_free);
  g_clear_pointer (&job->rounds, declic_rounds_free);
  g_clear_error (&job->rounds_problem);
  g_clear_pointer (&job->deltas, g_array_unref);
  g_clear_pointer (&job->at, g_array_unref);
  g_free (job);
}

static void
run_plan (GTask        *task,
          gpointer      source,
          gpointer      data,
          GCancellable *cancellable)
{
  PlanJob *job = data;
  g_autoptr(GArray) assumed = g_array_new (FALSE, TRUE, sizeof (DeclicWhatIf));
  GDate today;

  declic_clock_get_today (&today);
  job->deltas = g_array_new (FALSE, TRUE, sizeof (int));
  job->at = g_array_new (FALSE, TRUE, sizeof (GDate));
  for (guint i = 0; i < job->suggestions->len; i++)
    {
      DeclicWhatIf *what_if = &g_array_index (job->suggestions, DeclicWhatIf, i);
      GDate at;
      int delta;

      if (g_cancellable_is_cancelled (cancellable))
        return;
      delta = declic_plan_what_if_delta (job->draft, what_if, &today, job->context, &at);
      g_array_append_val (job->deltas, delta);
      g_array_append_val (job->at, at);
      if (g_array_index (job->chosen, gboolean, i))
        g_array_append_val (assumed, *what_if);
    }
  job->rounds = declic_rounds_load_default (&job->rounds_problem);
  job->plan = declic_plan_compute (job->draft, &today, DECLIC_PLAN_VIEW_MONTHS,
                                   (DeclicWhatIf *) assumed->data, assumed->len, job->context);
  g_task_return_boolean (task, TRUE);
}

static void
clear_rows (DeclicPlanView *self)
{
  for (guint i = 0; i < self->added_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->added_rows, i);
      AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "declic-group");
      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->added_rows, 0);
}

static GtkWidget *
add_row (DeclicPlanView      *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "declic-group", group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->added_rows, row);
  return row;
}

static void start (DeclicPlanView *self);

static guint
what_if_index_of (DeclicPlanView *self,
                  GtkWidget      *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);
  guint index = 0;

  if (!g_ptr_array_find (self->what_if_rows, row, &index))
    g_return_val_if_reached (G_MAXUINT);
  return index;
}

static void
on_what_if_toggled (GtkSwitch      *toggle,
                    GParamSpec     *pspec,
                    DeclicPlanView *self)
{
  guint index = what_if_index_of (self, GTK_WIDGET (toggle));

  if (index == G_MAXUINT)
    return;
  g_array_index (self->chosen, gboolean, index) = gtk_switch_get_active (toggle);
  start (self);
}

static void
on_what_if_remove (GtkButton      *button,
                   DeclicPlanView *self)
{
  guint index = what_if_index_of (self, GTK_WIDGET (button));
  GtkWidget *row;
  GtkWidget *next_focus;

  if (index == G_MAXUINT)
    return;
  row = g_ptr_array_index (self->what_if_rows, index);
  /* The focus goes where the person would look next: the row that takes its place, else the
   * one before it, else the editor. */
  next_focus = index + 1 < self->what_if_rows->len ? g_ptr_array_index (self->what_if_rows, index + 1)
             : index > 0 ? g_ptr_array_index (self->what_if_rows, index - 1)
             : GTK_WIDGET (self->what_if_editor);
  adw_preferences_group_remove (self->what_if_group, row);
  g_ptr_array_remove_index (self->what_if_rows, index);
  g_array_remove_index (self->suggestions, index);
  g_array_remove_index (self->chosen, index);
  gtk_widget_grab_focus (next_focus);
  start (self);
}

static GtkWidget *
add_what_if_row (DeclicPlanView     *self,
                 const DeclicWhatIf *what_if,
                 gboolean            removable)
{
  g_autofree char *label = declic_what_if_describe (what_if);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  if (removable)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      /* TRANSLATORS: a button's name for screen readers: "Remove: French speaking at level 9" */
      g_autofree char *name = g_strdup_printf (_("Remove: %s"), label);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove this change"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_what_if_remove), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_object_set_data (G_OBJECT (row), "declic-switch", toggle);
  adw_preferences_group_add (self->what_if_group, row);
  g_ptr_array_add (self->what_if_rows, row);
  return toggle;
}

static void
on_what_if_added (DeclicWhatIfEditor *editor,
                  DeclicWhatIf       *what_if,
                  DeclicPlanView     *self)
{
  gboolean on = TRUE;
  GtkWidget *toggle;

  /* The same change twice would add nothing: the one already listed is switched on. */
  for (guint i = 0; i < self->suggestions->len; i++)
    if (declic_what_if_equal (&g_array_index (self->suggestions, DeclicWhatIf, i), what_if))
      {
        toggle = g_object_get_data (g_ptr_array_index (self->what_if_rows, i), "declic-switch");
        gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
        return;
      }
  g_array_append_val (self->suggestions, *what_if);
  g_array_append_val (self->chosen, on);
  toggle = add_what_if_row (self, what_if, TRUE);
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_what_if_toggled), self);
  start (self);
}

static void
fill_window (DeclicPlanView *self,
             DeclicPlan     *plan)
{
  if (plan->best_score >= 0)
    {
      g_autofree char *from = declic_format_date_long (&plan->best_from, NULL);
      g_autofree char *until = declic_format_date_long (&plan->best_until, NULL);
      g_autofree char *title = g_strdup_printf (_("Best window: from %s to %s"), from, until);
      g_autofree char *best = declic_format_integer (plan->best_score, NULL);
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%s point (estimate), with the DI fileable and every result valid",
                                                                "%s points (estimate), with the DI fileable and every result valid",
                                                                (gulong) plan->best_score),
                                                   best);
      add_row (self, self->window_group, title, subtitle);
    }
  else
    add_row (self, self->window_group, _("No date of the plan has the DI fileable with every result valid"),
             _("See Review for what is still to do."));

  if (plan->only_down)
    {
      g_autofree char *per_month = declic_format_number (plan->loss_per_month, 1, NULL);
      g_autofree char *loss = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The estimate only goes down from now: about %s point a month",
                                                            "The estimate only goes down from now: about %s points a month",
                                                            declic_format_plural_count (plan->loss_per_month, 1, NULL)),
                                               per_month);
      add_row (self, self->window_group, loss, _("Age bands and expiring results lower it; filing sooner keeps more."));
    }

  for (guint n = 0; n < 4; n++)
    {
      g_autofree char *title = g_strdup_printf (_("Stream %u"), n + 1);
      g_autofree char *from = g_date_valid (&plan->stream_met_from[n]) ? declic_format_date_long (&plan->stream_met_from[n], NULL) : NULL;
      g_autofree char *subtitle = from != NULL ? g_strdup_printf (_("Conditions met from %s"), from)
                                               : g_strdup (_("Conditions not met within the plan"));
      add_row (self, self->window_group, title, subtitle);
    }
}

static void
fill_what_ifs (DeclicPlanView *self,
               PlanJob        *job)
{
  int best = -1;

  for (guint i = 0; i < job->deltas->len; i++)
    if (best < 0 || g_array_index (job->deltas, int, i) > g_array_index (job->deltas, int, best))
      best = (int) i;

  /* The rows are the view's: a job started before a row was added or removed has another
   * list, and its figures would go to the wrong rows. */
  if (job->suggestions->len != self->what_if_rows->len)
    return;
  for (guint i = 0; i < job->suggestions->len; i++)
    {
      int delta = g_array_index (job->deltas, int, i);
      g_autofree char *at = declic_format_date_long (&g_array_index (job->at, GDate, i), NULL);
      g_autofree char *delta_text = declic_format_signed_integer (delta, NULL);
      g_autofree char *points = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s point (estimate) on %s",
                                                              "%s points (estimate) on %s", (gulong) ABS (delta)),
                                                 delta_text, at);
      g_autofree char *subtitle = (int) i == best && delta > 0
                                  /* TRANSLATORS: the what-if that adds the most: "+50 points (estimate) on … — adds the most" */
                                  ? g_strdup_printf (_("%s — adds the most"), points) : g_strdup (points);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (g_ptr_array_index (self->what_if_rows, i)), subtitle);
    }
}

static void
fill_dates (DeclicPlanView *self,
            DeclicPlan     *plan)
{
  for (guint i = 0; i < plan->points->len; i++)
    {
      DeclicPlanPoint *point = g_ptr_array_index (plan->points, i);
      g_autofree char *date = declic_format_date_long (&point->date, NULL);
      g_autofree char *streams = declic_eligibility_dup_met_numbers (point->check->eligibility);
      int total = point->check->points != NULL ? point->check->points->total : 0;
      g_autofree char *line = NULL;
      g_autofree char *total_text = NULL;

      if (point->events->len > 0)
        {
          GString *events = g_string_new (NULL);
          for (guint e = 0; e < point->events->len; e++)
            g_string_append_printf (events, "%s%s", e > 0 ? "\n" : "", (const char *) g_ptr_array_index (point->events, e));
          add_row (self, self->events_group, date, events->str);
          g_string_free (events, TRUE);
        }

      total_text = declic_format_integer (total, NULL);
      /* TRANSLATORS: a row of the plan's table: "498 pts (est.) · streams 1, 4 · can be filed" */
      line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pt (est.) · streams: %s · %s",
                                           "%s pts (est.) · streams: %s · %s", (gulong) MAX (total, 0)),
                              total_text, *streams != '\0' ? streams : C_("streams", "none"),
                              point->check->fileable ? _("can be filed") : _("cannot be filed as it is"));
      add_row (self, self->table_group, date, line);
    }
}

static GArray *
fill_rounds (DeclicPlanView *self,
             PlanJob        *job)
{
  DeclicRounds *rounds = job->rounds;
  GPtrArray *list = rounds != NULL ? declic_rounds_get_rounds (rounds) : NULL;
  GArray *cutoffs = g_array_new (FALSE, FALSE, sizeof (int));

  /* Which list the cut-offs come from: its version, and whether it is the person's own. */
  if (rounds != NULL)
    {
      const char *origin = declic_rounds_get_origin (rounds);
      g_autofree char *display = origin != NULL ? g_filename_display_name (origin) : NULL;
      g_autofree char *title = g_strdup_printf (_("List of rounds: %s"), declic_rounds_get_id (rounds));
      g_autofree char *subtitle = display != NULL
                                  ? g_strdup_printf (_("Installed from your file %s"), display)
                                  : g_strdup (_("Built into Déclic; a newer list can be installed with “Update from a File…”"));
      add_row (self, self->rounds_group, title, subtitle);
    }
  if (self->install_problem != NULL)
    add_row (self, self->rounds_group, _("The file chosen was not installed"), self->install_problem->message);
  if (job->rounds_problem != NULL)
    add_row (self, self->rounds_group, _("Your own list of rounds was ignored"), job->rounds_problem->message);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      DeclicRound *round = g_ptr_array_index (list, i);
      g_autofree char *date = declic_format_date_long (&round->date, NULL);
      g_autofree char *title = g_strdup_printf (_("%s, stream %d"), date, round->stream);
      g_autofree char *subtitle = round->min_score >= 0
                                  ? g_strdup_printf (_("Lowest score invited %d — %s"), round->min_score, round->filter)
                                  : g_strdup_printf (_("No points cut-off — %s"), round->filter);
      add_row (self, self->rounds_group, title, subtitle);
      if (round->min_score >= 0)
        g_array_append_val (cutoffs, round->min_score);
    }
  return cutoffs;
}

static void
on_plan_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  DeclicPlanView *self = user_data;
  PlanJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) cutoffs = NULL;
  DeclicPlanPoint *first;
  DeclicPoints *points;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_object_unref (self);
      return;
    }
  clear_rows (self);
  first = g_ptr_array_index (job->plan->points, 0);
  points = first->check->points;
  cutoffs = fill_rounds (self, job);
  declic_plan_chart_set_plan (self->chart, job->plan, (int *) cutoffs->data, cutoffs->len);
  if (points != NULL)
    {
      /* A grid's version is its date of effect, written out as every date shown is. */
      g_autofree char *version = declic_format_date_text (points->grid_version, NULL);
      g_autofree char *caption = g_strdup_printf (_("Estimates from the grid %s of %s (%s): not official figures. "
                                                    "A filled dot: the DI can be filed that day. Dashed lines: recent rounds’ cut-offs."),
                                                  points->grid_id, version,
                                                  declic_rule_status_get_label (points->status));
      gtk_label_set_label (self->chart_label, caption);
    }
  fill_window (self, job->plan);
  fill_what_ifs (self, job);
  fill_dates (self, job->plan);
  gtk_stack_set_visible_child_name (self->chart_stack, "chart");
  self->ready = TRUE;
  g_object_unref (self);
}

static void
on_rounds_installed (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  DeclicPlanView *self = user_data;
  g_autoptr(GError) error = NULL;

  self->installing = FALSE;
  /* The page may have been closed while the chooser was open (the draft closed, the window
   * too): the file was installed or refused all the same, and there is nothing to show. */
  if (self->update_rounds_button == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    {
      declic_rounds_chooser_finish (result, NULL);
      g_object_unref (self);
      return;
    }
  /* The chooser is gone: the person goes on from the button they pressed. */
  gtk_widget_grab_focus (GTK_WIDGET (self->update_rounds_button));
  if (declic_rounds_chooser_finish (result, &error))
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      /* Which list is in use now is the page's to say: the newer of the two. */
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                     adw_toast_new (_("Your list of rounds was checked and installed")));
      start (self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->install_problem = g_steal_pointer (&error);
      start (self);
    }
  g_object_unref (self);
}

static void
on_update_rounds_clicked (DeclicPlanView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The button stays sensitive, so that the focus can come back to it from the chooser; a
   * second click while a file is being installed is let go. */
  if (self->installing)
    return;
  self->installing = TRUE;
  g_clear_error (&self->install_problem);
  declic_rounds_chooser_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                             on_rounds_installed, g_object_ref (self));
}

static void
start (DeclicPlanView *self)
{
  g_autoptr(GTask) task = NULL;
  PlanJob *job = g_new0 (PlanJob, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->ready = FALSE;
  gtk_stack_set_visible_child_name (self->chart_stack, "computing");

  job->draft = g_object_ref (self->draft);
  job->context = self->context != NULL ? declic_validate_context_ref (self->context) : NULL;
  job->suggestions = g_array_copy (self->suggestions);
  job->chosen = g_array_copy (self->chosen);
  task = g_task_new (NULL, self->cancellable, on_plan_done, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) plan_job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_plan);
}

static void
declic_plan_view_dispose (GObject *object)
{
  DeclicPlanView *self = DECLIC_PLAN_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DECLIC_TYPE_PLAN_VIEW);
  G_OBJECT_CLASS (declic_plan_view_parent_class)->dispose (object);
}

static void
declic_plan_view_finalize (GObject *object)
{
  DeclicPlanView *self = DECLIC_PLAN_VIEW (object);

  g_clear_object (&self->draft);
  g_clear_pointer (&self->context, declic_validate_context_unref);
  g_clear_pointer (&self->suggestions, g_array_unref);
  g_clear_pointer (&self->chosen, g_array_unref);
  g_clear_pointer (&self->added_rows, g_ptr_array_unref);
  g_clear_pointer (&self->what_if_rows, g_ptr_array_unref);
  g_clear_error (&self->install_problem);
  G_OBJECT_CLASS (declic_plan_view_parent_class)->finalize (object);
}

static void
declic_plan_view_class_init (DeclicPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = declic_plan_view_dispose;
  object_class->finalize = declic_plan_view_finalize;

  g_type_ensure (DECLIC_TYPE_PLAN_CHART);
  g_type_ensure (DECLIC_TYPE_WHAT_IF_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/ca/declic/Declic/ui/plan/declic-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeclicPlanView, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, DeclicPlanView, chart);
  gtk_widget_class_bind_template_child (widget_class, DeclicPlanView, chart_label);
  gtk_widget_class_bind_template_child (widget_class, DeclicPlanView, window_group);
  gtk_widget_class_bind_template_child (widget_class, DeclicPlanView, what_if_group);
  gtk_widget_class_bind_template_child (widget_class, DeclicPlanView, events_group);
  gtk_widget_class_bind_template_child (widget_class, DeclicPlanView, table_group);
  gtk_widget_class_bind_template_child (widget_class, DeclicPlanView, rounds_group);
  gtk_widget_class_bind_template_child (widget_class, DeclicPlanView, what_if_editor);
  gtk_widget_class_bind_template_child (widget_class, DeclicPlanView, update_rounds_button);
  gtk_widget_class_bind_template_callback (widget_class, on_what_if_added);
  gtk_widget_class_bind_template_callback (widget_class, on_update_rounds_clicked);
}

static void
declic_plan_view_init (DeclicPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->added_rows = g_ptr_array_new ();
  self->what_if_rows = g_ptr_array_new ();
}

GtkWidget *
declic_plan_view_new (DeclicDraft           *draft,
                      DeclicValidateContext *context)
{
  DeclicPlanView *self;

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), NULL);

  self = g_object_new (DECLIC_TYPE_PLAN_VIEW, NULL);
  /* The worker reads a copy, so that typing in the wizard never races it. */
  self->draft = declic_draft_duplicate (draft);
  if (declic_draft_get_string (draft, "created") != NULL)
    declic_draft_set_string (self->draft, "created", declic_draft_get_string (draft, "created"));
  self->context = context != NULL ? declic_validate_context_ref (context) : NULL;
  self->suggestions = declic_plan_suggest_what_ifs (self->draft, NULL);
  self->chosen = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_set_size (self->chosen, self->suggestions->len);
  for (guint i = 0; i < self->suggestions->len; i++)
    {
      GtkWidget *toggle = add_what_if_row (self, &g_array_index (self->suggestions, DeclicWhatIf, i), FALSE);
      g_signal_connect (toggle, "notify::active", G_CALLBACK (on_what_if_toggled), self);
    }
  start (self);
  return GTK_WIDGET (self);
}

gboolean
declic_plan_view_is_ready (DeclicPlanView *self)
{
  g_return_val_if_fail (DECLIC_IS_PLAN_VIEW (self), FALSE);
  return self->ready;
}
