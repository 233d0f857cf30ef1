/* declic-cli-plan.c: `declic plan`, how a draft's estimate, streams and fileability change over
 * the coming months, and what a change would add (declic-plan.h). Drafts are never changed.
 */
#define G_LOG_DOMAIN "declic-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-c/json.h>

#include "declic-check-json.h"
#include "declic-format.h"
#include "declic-clock.h"
#include "declic-cli.h"
#include "declic-plan.h"
#include "declic-rounds.h"
#include "declic-utils.h"

enum
{
  EXIT_OK = 0,
  EXIT_UNREADABLE = 2,
};

static char *
format_date (const GDate *date)
{
  /* The text report is for people: the interface language's dates (the JSON stays ISO). */
  return g_date_valid (date) ? declic_format_date_long (date, NULL) : NULL;
}

static char *
streams_met (DeclicCheck *check)
{
  char *numbers = declic_eligibility_dup_met_numbers (check->eligibility);

  if (*numbers != '\0')
    return numbers;
  g_free (numbers);
  /* TRANSLATORS: in the plan's table, no PSTQ stream is met on that date */
  return g_strdup (C_("streams", "none"));
}

/* The cut-offs of recent rounds beside today's estimate: a comparison, never a prediction. */
static void
print_rounds (DeclicRounds *rounds,
              DeclicCheck  *today)
{
  GPtrArray *list = rounds != NULL ? declic_rounds_get_rounds (rounds) : NULL;

  if (list == NULL || list->len == 0)
    return;
  g_print (_("  Recent invitation rounds (%s, secondary source; the cut-off of a future round is unknown):\n"),
           declic_rounds_get_id (rounds));
  for (guint i = 0; i < list->len; i++)
    {
      DeclicRound *round = g_ptr_array_index (list, i);
      g_autofree char *date = format_date (&round->date);

      if (round->min_score < 0)
        /* TRANSLATORS: a round without a points cut-off: "2025-12-04, stream 4: no cut-off (filter)" */
        g_print (_("    %s, stream %d: no points cut-off (%s)\n"), date, round->stream, round->filter);
      else
        g_print (_("    %s, stream %d: lowest score invited %d (%s)\n"), date, round->stream, round->min_score,
                 round->filter);
    }
  if (today->points != NULL)
    {
      g_autofree char *total = declic_format_integer (today->points->total, NULL);

      g_print (g_dngettext (GETTEXT_PACKAGE, "  Your estimate today: %s point.\n", "  Your estimate today: %s points.\n",
                            today->points->total), total);
    }
}

static void
print_plan (const char   *path,
            DeclicDraft  *draft,
            DeclicPlan   *plan,
            DeclicRounds *rounds)
{
  g_autofree char *name = declic_draft_dup_display_name (draft);
  g_autofree char *today = format_date (&plan->today);
  DeclicPlanPoint *first = g_ptr_array_index (plan->points, 0);
  DeclicPoints *points = first->check->points;
  g_autofree char *months = declic_format_integer (plan->months, NULL);
  g_autofree char *version = points != NULL ? declic_format_date_text (points->grid_version, NULL) : NULL;
  glong date_width = 0;

  if (name != NULL)
    g_print ("%s — %s\n", path, name);
  else
    g_print ("%s\n", path);
  if (points != NULL)
    /* TRANSLATORS: "Plan from 2026-12-01 over 36 months; scores are estimates from the grid pstq-grid of 2025-07-02 (derived)" */
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "  Plan from %s over %s month; scores are estimates from the grid %s of %s (%s)\n",
                          "  Plan from %s over %s months; scores are estimates from the grid %s of %s (%s)\n",
                          plan->months),
             today, months, points->grid_id, version,
             declic_rule_status_get_label (points->status));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "  Plan from %s over %s month; no points grid applies\n",
                          "  Plan from %s over %s months; no points grid applies\n", plan->months),
             today, months);

  /* The dates are as wide as the widest, so that the scores make a column to read down. */
  for (guint i = 0; i < plan->points->len; i++)
    {
      DeclicPlanPoint *point = g_ptr_array_index (plan->points, i);
      g_autofree char *date = format_date (&point->date);
      date_width = MAX (date_width, g_utf8_strlen (date, -1));
    }
  for (guint i = 0; i < plan->points->len; i++)
    {
      DeclicPlanPoint *point = g_ptr_array_index (plan->points, i);
      g_autofree char *bare_date = format_date (&point->date);
      g_autofree char *date = g_strdup_printf ("%s%*s", bare_date,
                                               (int) (date_width - g_utf8_strlen (bare_date, -1)), "");
      g_autofree char *streams = streams_met (point->check);
      g_autofree char *score = point->check->points != NULL
                               ? declic_format_integer (point->check->points->total, NULL) : g_strdup ("—");

      /* TRANSLATORS: a row of the plan: date, estimated score, streams met, whether it can be filed */
      g_print (_("  %s  %5s pts (est.)  streams: %s  can be filed: %s\n"), date, score, streams,
               point->check->fileable ? _("yes") : _("no"));
      for (guint e = 0; e < point->events->len; e++)
        g_print ("      %s\n", (const char *) g_ptr_array_index (point->events, e));
    }

  if (plan->best_score >= 0)
    {
      g_autofree char *from = format_date (&plan->best_from);
      g_autofree char *until = format_date (&plan->best_until);
      g_autofree char *best = declic_format_integer (plan->best_score, NULL);

      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "  Best window: from %s to %s, %s point (estimate), fileable with every result valid\n",
                            "  Best window: from %s to %s, %s points (estimate), fileable with every result valid\n",
                            (gulong) plan->best_score),
               from, until, best);
    }
  else
    g_print (_("  Best window: none within the plan: on no date is the DI fileable with every result valid\n"));

  for (guint n = 0; n < 4; n++)
    {
      g_autofree char *from = format_date (&plan->stream_met_from[n]);

      if (from != NULL)
        g_print (_("  Stream %u: met from %s\n"), n + 1, from);
      else
        g_print (_("  Stream %u: not met within the plan\n"), n + 1);
    }

  if (plan->only_down)
    {
      g_autofree char *loss = declic_format_number (plan->loss_per_month, 1, NULL);

      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "  The estimate only goes down from now: about %s point a month on average.\n",
                            "  The estimate only goes down from now: about %s points a month on average.\n",
                            declic_format_plural_count (plan->loss_per_month, 1, NULL)),
               loss);
    }

  if (plan->effects->len > 0)
    g_print (_("  What each change adds alone, against the plan without it:\n"));
  for (guint i = 0; i < plan->effects->len; i++)
    {
      DeclicPlanWhatIfEffect *effect = g_ptr_array_index (plan->effects, i);
      g_autofree char *at = format_date (&effect->at);
      g_autofree char *delta = declic_format_signed_integer (effect->delta, NULL);

      /* TRANSLATORS: "    French speaking at level 9 from 2027-03-01: +12 points (estimate) on 2027-03-01" */
      g_print (g_dngettext (GETTEXT_PACKAGE, "    %s: %s point (estimate) on %s\n",
                            "    %s: %s points (estimate) on %s\n", (gulong) ABS (effect->delta)),
               effect->label, delta, at);
    }

  print_rounds (rounds, first->check);
}

static json_object *
plan_to_json (const char   *path,
              DeclicDraft  *draft,
              DeclicPlan   *plan,
              DeclicRounds *rounds)
{
  json_object *object = json_object_new_object ();
  json_object *dates = json_object_new_array ();
  json_object *streams = json_object_new_object ();
  json_object *effects = json_object_new_array ();
  json_object *best = NULL;

  json_object_object_add (object, "path", json_object_new_string (path));
  json_object_object_add (object, "id", declic_draft_get_id (draft) != NULL
                                          ? json_object_new_string (declic_draft_get_id (draft)) : NULL);
  json_object_object_add (object, "today", declic_check_json_date (&plan->today));
  json_object_object_add (object, "months", json_object_new_int ((int) plan->months));

  for (guint i = 0; i < plan->points->len; i++)
    {
      DeclicPlanPoint *point = g_ptr_array_index (plan->points, i);
      json_object *entry = json_object_new_object ();
      json_object *events = json_object_new_array ();

      json_object_object_add (entry, "date", declic_check_json_date (&point->date));
      for (guint e = 0; e < point->events->len; e++)
        json_object_array_add (events, json_object_new_string (g_ptr_array_index (point->events, e)));
      json_object_object_add (entry, "events", events);
      /* The same members as `declic check --json`, at that date. */
      declic_check_add_to_json (point->check, entry);
      json_object_array_add (dates, entry);
    }
  json_object_object_add (object, "dates", dates);

  if (plan->best_score >= 0)
    {
      best = json_object_new_object ();
      json_object_object_add (best, "from", declic_check_json_date (&plan->best_from));
      json_object_object_add (best, "until", declic_check_json_date (&plan->best_until));
      json_object_object_add (best, "points", json_object_new_int (plan->best_score));
      json_object_object_add (best, "estimate", json_object_new_boolean (TRUE));
    }
  json_object_object_add (object, "best_window", best);

  for (guint n = 0; n < 4; n++)
    {
      char key[16];

      g_snprintf (key, sizeof key, "stream%u", n + 1);
      json_object_object_add (streams, key, declic_check_json_date (&plan->stream_met_from[n]));
    }
  json_object_object_add (object, "streams_met_from", streams);
  json_object_object_add (object, "only_down", json_object_new_boolean (plan->only_down));
  json_object_object_add (object, "loss_per_month", json_object_new_double (plan->loss_per_month));

  for (guint i = 0; i < plan->effects->len; i++)
    {
      DeclicPlanWhatIfEffect *effect = g_ptr_array_index (plan->effects, i);
      json_object *o = json_object_new_object ();

      json_object_object_add (o, "label", json_object_new_string (effect->label));
      json_object_object_add (o, "delta", json_object_new_int (effect->delta));
      json_object_object_add (o, "at", declic_check_json_date (&effect->at));
      json_object_object_add (o, "estimate", json_object_new_boolean (TRUE));
      json_object_array_add (effects, o);
    }
  json_object_object_add (object, "what_ifs", effects);
  json_object_object_add (object, "recent_rounds", declic_cli_rounds_to_json (rounds));
  return object;
}

/**
 * declic_cli_plan:
 * @argc: the arguments' count, "plan" included
 * @argv: "plan" and its arguments
 *
 * Returns: the exit status: 0, or 2 when a file cannot be read or the command line is wrong
 */
int
declic_cli_plan (int    argc,
                 char **argv)
{
  g_autofree char *date_text = NULL;
  g_auto(GStrv) specs = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean json = FALSE;
  int months = 36;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("Plan as if today were this date"), N_("YYYY-MM-DD") },
    { "months", 0, 0, G_OPTION_ARG_INT, &months,
      N_("How many months the plan covers (1 to 120, 36 by default)"), N_("N") },
    { "what-if", 0, 0, G_OPTION_ARG_STRING_ARRAY, &specs,
      N_("Assume a change: level:SKILL:LEVEL[:DATE], job-continues, job-ends:DATE, outside-cmm:DATE, offer:inside-cmm or offer:outside-cmm (repeat to combine)"),
      N_("SPEC") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the plan as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },  /* named in the context's text */
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) what_ifs = g_array_new (FALSE, TRUE, sizeof (DeclicWhatIf));
  g_autoptr(json_object) out = json_object_new_array ();
  g_autoptr(DeclicRounds) rounds = NULL;
  g_autoptr(GError) rounds_problem = NULL;
  DeclicValidateContext *validate_ctx;
  int status = EXIT_OK;
  GDate today;

  context = g_option_context_new (_("PATH… — plan the filing of drafts"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Shows, for each draft, how the estimated ranking score, the PSTQ streams met and "
                                  "whether the DI can be filed change over the coming months, and why; the best "
                                  "window to file; and what each assumed change would add. Drafts are never changed."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("declic plan: %s\n", error->message);
      return EXIT_UNREADABLE;
    }
  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr (_("declic plan: give at least one draft file\n"));
      return EXIT_UNREADABLE;
    }
  if (months < 1 || months > 120)
    {
      g_printerr (_("declic plan: --months must be between 1 and 120\n"));
      return EXIT_UNREADABLE;
    }
  g_date_clear (&today, 1);
  if (date_text != NULL)
    {
      if (!declic_utils_parse_date (date_text, &today))
        {
          g_printerr (_("declic plan: “%s” is not a date: write it as YYYY-MM-DD\n"), date_text);
          return EXIT_UNREADABLE;
        }
      declic_clock_set_today (&today);
    }
  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    {
      DeclicWhatIf what_if;

      if (!declic_what_if_parse (specs[i], &what_if, &error))
        {
          g_printerr ("declic plan: %s\n", error->message);
          return EXIT_UNREADABLE;
        }
      g_array_append_val (what_ifs, what_if);
    }

  /* A list of rounds the person installed but that cannot be used is worth saying, not worth
   * stopping for: the rounds are only shown beside the plan. */
  rounds = declic_rounds_load_default (&rounds_problem);
  if (rounds_problem != NULL)
    /* TRANSLATORS: "declic plan: warning: Your list of invitation rounds … was ignored …" */
    g_printerr (_("declic plan: warning: %s\n"), rounds_problem->message);

  validate_ctx = declic_validate_context_new_default ();
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(DeclicDraft) draft = declic_draft_new_from_file (paths[i], &error);
      g_autoptr(DeclicPlan) plan = NULL;

      if (draft == NULL)
        {
          g_printerr ("declic plan: %s: %s\n", paths[i], error->message);
          g_clear_error (&error);
          status = EXIT_UNREADABLE;
          continue;
        }
      plan = declic_plan_compute (draft, NULL, (guint) months, (DeclicWhatIf *) what_ifs->data,
                                  what_ifs->len, validate_ctx);
      if (json)
        json_object_array_add (out, plan_to_json (paths[i], draft, plan, rounds));
      else
        print_plan (paths[i], draft, plan, rounds);
    }
  declic_validate_context_unref (validate_ctx);

  if (json)
    g_print ("%s\n", json_object_to_json_string_ext (out, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));
  return status;
}
