/* declic-plan.c: the check run again over the coming months (see the header). */
#define G_LOG_DOMAIN "declic-plan"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "declic-format.h"
#include "declic-clock.h"
#include "declic-i18n.h"
#include "declic-plan.h"
#include "declic-utils.h"

/* The work period that is going on, or else the one that ended last: "the current job". */
static int
find_current_job (DeclicDraft *draft)
{
  guint n = declic_draft_get_n_items (draft, "work_history");
  int best = -1;
  GDate best_end;

  g_date_clear (&best_end, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *type = g_strdup_printf ("work_history[%u].type", i);
      g_autofree char *end_path = g_strdup_printf ("work_history[%u].end_date", i);
      g_autofree char *ongoing = g_strdup_printf ("work_history[%u].ongoing", i);
      GDate end;

      if (g_strcmp0 (declic_draft_get_string (draft, type), "work") != 0)
        continue;
      if (declic_draft_get_boolean (draft, ongoing, FALSE))
        return (int) i;
      if (declic_draft_get_date (draft, end_path, &end) &&
          (best < 0 || g_date_compare (&end, &best_end) > 0))
        {
          best = (int) i;
          best_end = end;
        }
    }
  return best;
}

/* A new French result on the what-if's date: the chosen skill at its level, the others at the
 * levels the draft already has on that date, so that the result is complete. */
static void
add_level_result (DeclicDraft        *copy,
                  const DeclicWhatIf *what_if)
{
  DeclicRuleSet *rule_set = declic_check_choose_rule_set (declic_rules_get_default (), copy, &what_if->date, NULL);
  g_autoptr(DeclicProfile) profile = rule_set != NULL ? declic_profile_new (copy, rule_set, &what_if->date) : NULL;
  g_autofree char *date = declic_utils_format_date (&what_if->date);
  guint i;

  declic_draft_unset (copy, "french.no_result");
  i = declic_draft_append_item (copy, "french.results");
  for (guint s = 0; s < DECLIC_N_SKILLS; s++)
    {
      g_autofree char *path = g_strdup_printf ("french.results[%u].%s.level", i, declic_skill_get_id ((DeclicSkill) s));
      int level = profile != NULL ? profile->french[s].level : 0;

      if (s == what_if->skill)
        level = what_if->level;
      declic_draft_set_integer (copy, path, MAX (level, 1));
    }
  {
    g_autofree char *test = g_strdup_printf ("french.results[%u].test", i);
    g_autofree char *date_path = g_strdup_printf ("french.results[%u].result_date", i);
    g_autofree char *number = g_strdup_printf ("french.results[%u].test_number", i);

    /* TEFAQ's levels are entered as such: no score table is needed. */
    declic_draft_set_string (copy, test, "tefaq");
    declic_draft_set_string (copy, date_path, date);
    declic_draft_set_string (copy, number, "what-if");
  }
}

static void
apply_what_if (DeclicDraft        *copy,
               const DeclicWhatIf *what_if,
               const GDate        *on)
{
  int job;

  switch (what_if->kind)
    {
    case DECLIC_WHAT_IF_LEVEL:
      if (g_date_compare (&what_if->date, on) <= 0)
        add_level_result (copy, what_if);
      break;
    case DECLIC_WHAT_IF_JOB_CONTINUES:
    case DECLIC_WHAT_IF_JOB_ENDS:
      job = find_current_job (copy);
      if (job >= 0)
        {
          g_autofree char *end_path = g_strdup_printf ("work_history[%d].end_date", job);
          g_autofree char *ongoing = g_strdup_printf ("work_history[%d].ongoing", job);

          if (what_if->kind == DECLIC_WHAT_IF_JOB_CONTINUES)
            {
              declic_draft_unset (copy, end_path);
              declic_draft_set_boolean (copy, ongoing, TRUE);
            }
          else if (g_date_compare (&what_if->date, on) < 0)
            {
              g_autofree char *end = declic_utils_format_date (&what_if->date);
              declic_draft_set_string (copy, end_path, end);
              declic_draft_set_boolean (copy, ongoing, FALSE);
            }
          else
            {
              /* Not ended yet on @on: it is still going on then. */
              declic_draft_unset (copy, end_path);
              declic_draft_set_boolean (copy, ongoing, TRUE);
            }
        }
      break;
    case DECLIC_WHAT_IF_OUTSIDE_CMM:
      /* Already living outside the CMM and counted as it goes: moving there adds nothing. */
      if (declic_draft_get_boolean (copy, "quebec.outside_cmm_residence_ongoing", FALSE) &&
          declic_draft_has (copy, "quebec.outside_cmm_counted_on"))
        break;
      if (g_date_compare (&what_if->date, on) < 0)
        {
          gint64 months = declic_draft_get_integer (copy, "quebec.months_outside_cmm_residence", 0);
          months += declic_utils_whole_months_between (&what_if->date, on);
          declic_draft_set_integer (copy, "quebec.months_outside_cmm_residence", months);
        }
      break;
    case DECLIC_WHAT_IF_OFFER_INSIDE_CMM:
    case DECLIC_WHAT_IF_OFFER_OUTSIDE_CMM:
      if (g_date_compare (&what_if->date, on) <= 0)
        {
          g_autofree char *date = declic_utils_format_date (&what_if->date);

          declic_draft_set_boolean (copy, "job_offer.has_offer", TRUE);
          declic_draft_set_boolean (copy, "job_offer.inside_cmm", what_if->kind == DECLIC_WHAT_IF_OFFER_INSIDE_CMM);
          /* What a validated offer would record, so that only the offer itself is assumed: in
           * the current job's occupation, validated on the what-if's date. */
          job = find_current_job (copy);
          if (declic_draft_get_string (copy, "job_offer.noc_code") == NULL && job >= 0)
            {
              g_autofree char *noc = g_strdup_printf ("work_history[%d].noc_code", job);
              const char *code = declic_draft_get_string (copy, noc);
              if (code != NULL)
                declic_draft_set_string (copy, "job_offer.noc_code", code);
            }
          if (declic_draft_get_string (copy, "job_offer.employer") == NULL)
            declic_draft_set_string (copy, "job_offer.employer", "what-if");
          if (declic_draft_get_string (copy, "job_offer.validation_number") == NULL)
            declic_draft_set_string (copy, "job_offer.validation_number", "what-if");
          if (declic_draft_get_string (copy, "job_offer.validation_date") == NULL)
            declic_draft_set_string (copy, "job_offer.validation_date", date);
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* ---- The plan ----------------------------------------------------------------------------- */

/* The draft as if it were filed on @on: no planned filing date (the plan's date is the filing
 * date), the what-ifs applied. The copy has a new id and no filing date (declic_draft_duplicate);
 * the creation stamp stays: deadlines count from it. */
static DeclicDraft *
simulate (DeclicDraft        *draft,
          const DeclicWhatIf *what_ifs,
          guint               n_what_ifs,
          const GDate        *on)
{
  DeclicDraft *copy = declic_draft_duplicate (draft);
  const char *created = declic_draft_get_string (draft, "created");

  if (created != NULL)
    declic_draft_set_string (copy, "created", created);
  declic_draft_unset (copy, "planned_filing_date");
  for (guint i = 0; i < n_what_ifs; i++)
    apply_what_if (copy, &what_ifs[i], on);
  return copy;
}

static DeclicCheck *
check_on (DeclicDraft           *draft,
          const DeclicWhatIf    *what_ifs,
          guint                  n_what_ifs,
          const GDate           *on,
          DeclicValidateContext *context)
{
  g_autoptr(DeclicDraft) copy = simulate (draft, what_ifs, n_what_ifs, on);

  return declic_check_run (copy, on, NULL, context);
}

/* Without what-ifs the simulated draft is the same at every date: @simulated, that one copy,
 * spares a deep copy of the draft per date. With what-ifs it is %NULL. */
static DeclicCheck *
check_plan_date (DeclicDraft           *simulated,
                 DeclicDraft           *draft,
                 const DeclicWhatIf    *what_ifs,
                 guint                  n_what_ifs,
                 const GDate           *on,
                 DeclicValidateContext *context)
{
  if (simulated != NULL)
    return declic_check_run (simulated, on, NULL, context);
  return check_on (draft, what_ifs, n_what_ifs, on, context);
}

/* The checks of every date of a plan. They are independent of one another and only read the
 * draft, so they share the machine's cores: a 36-month plan is some fifty full checks. The
 * first date is always today, whose check the caller already has (@first, taken). */
typedef struct
{
  DeclicDraft           *draft;
  const DeclicWhatIf    *what_ifs;
  guint                  n_what_ifs;
  DeclicDraft           *simulated;  /* made before the threads start, only read by them */
  GArray                *dates;
  DeclicValidateContext *context;
  DeclicCheck          **checks;
  int                    next;
} PlanChecks;

static gpointer
check_dates_worker (gpointer user_data)
{
  PlanChecks *job = user_data;
  int i;

  /* The thread's checks share one reading of the language and the translations. */
  declic_i18n_freeze ();
  while ((i = g_atomic_int_add (&job->next, 1)) < (int) job->dates->len)
    job->checks[i] = check_plan_date (job->simulated, job->draft, job->what_ifs, job->n_what_ifs,
                                      &g_array_index (job->dates, GDate, i), job->context);
  declic_i18n_thaw ();
  return NULL;
}

/* The workers a plan's checks are shared with. Kept between plans rather than made for each:
 * a new thread's first freeze reads every translation again and sorts out the memory the last
 * thread left, some 2 % of a plan; a kept thread keeps its freeze's tables (declic-i18n.h). */
typedef struct
{
  GMutex  lock;
  GCond   done;
  guint   running;
} PlanWorkers;

static PlanWorkers workers;

static void
run_pool_job (gpointer data,
              gpointer user_data)
{
  check_dates_worker (data);
  g_mutex_lock (&workers.lock);
  workers.running--;
  g_cond_broadcast (&workers.done);
  g_mutex_unlock (&workers.lock);
}

static GThreadPool *
get_pool (void)
{
  static gsize pool;

  if (g_once_init_enter (&pool))
    {
      GThreadPool *made = g_thread_pool_new (run_pool_job, NULL, 3, FALSE, NULL);
      g_once_init_leave (&pool, (gsize) made);
    }
  return (GThreadPool *) pool;
}

static DeclicCheck **
check_dates (DeclicDraft           *simulated,
             DeclicDraft           *draft,
             const DeclicWhatIf    *what_ifs,
             guint                  n_what_ifs,
             GArray                *dates,
             DeclicCheck           *first,
             DeclicValidateContext *context)
{
  PlanChecks job = { draft, what_ifs, n_what_ifs, simulated, dates, context, NULL, 1 };
  guint n_threads = CLAMP (g_get_num_processors (), 1, 4) - 1;
  GThreadPool *pool = n_threads > 0 ? get_pool () : NULL;
  guint pushed = 0;

  job.checks = g_new0 (DeclicCheck *, dates->len);
  job.checks[0] = first;
  /* Other plans on other threads share the pool: each waits for its own jobs only, counted
   * under the lock with theirs, so it waits until no job of any plan is running; a short wait. */
  for (guint t = 0; pool != NULL && t < n_threads && t + 2 < dates->len; t++)
    {
      g_mutex_lock (&workers.lock);
      workers.running++;
      g_mutex_unlock (&workers.lock);
      if (g_thread_pool_push (pool, &job, NULL))
        pushed++;
      else
        {
          g_mutex_lock (&workers.lock);
          workers.running--;
          g_mutex_unlock (&workers.lock);
        }
    }
  check_dates_worker (&job);
  if (pushed > 0)
    {
      g_mutex_lock (&workers.lock);
      while (workers.running > 0)
        g_cond_wait (&workers.done, &workers.lock);
      g_mutex_unlock (&workers.lock);
    }
  return job.checks;
}

static int
total_of (DeclicCheck *check)
{
  return check->points != NULL ? check->points->total : -1;
}

static void
add_date (GArray      *dates,
          const GDate *date,
          const GDate *first,
          const GDate *last)
{
  if (g_date_valid (date) && g_date_compare (date, first) >= 0 && g_date_compare (date, last) <= 0)
    g_array_append_val (dates, *date);
}

static gint
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return g_date_compare (a, b);
}

/* Birthdays within the plan: an age band may change on each. */
static void
add_birthdays (GArray      *dates,
               DeclicDraft *draft,
               const char  *path,
               const GDate *first,
               const GDate *last)
{
  GDate birth;

  if (!declic_draft_get_date (draft, path, &birth))
    return;
  for (GDateYear year = g_date_get_year (first); year <= g_date_get_year (last); year++)
    {
      GDate birthday;
      GDateDay day = g_date_get_day (&birth);

      /* Born on 29 February: the birthday is 1 March in other years, as the ages count it. */
      g_date_clear (&birthday, 1);
      if (!g_date_valid_dmy (day, g_date_get_month (&birth), year))
        g_date_set_dmy (&birthday, 1, G_DATE_MARCH, year);
      else
        g_date_set_dmy (&birthday, day, g_date_get_month (&birth), year);
      add_date (dates, &birthday, first, last);
    }
}

static GArray *
plan_dates (DeclicDraft *draft,
            DeclicCheck *now,
            const GDate *today,
            guint        months)
{
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (GDate));
  GArray *unique = g_array_new (FALSE, FALSE, sizeof (GDate));
  GDate last = *today;
  GDate month;

  g_date_add_months (&last, months);
  g_array_append_val (dates, *today);

  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, g_date_get_month (today), g_date_get_year (today));
  for (guint i = 1; i <= months; i++)
    {
      GDate first = month;
      g_date_add_months (&first, i);
      add_date (dates, &first, today, &last);
    }

  add_birthdays (dates, draft, "personal.birth_date", today, &last);
  if (declic_draft_get_boolean (draft, "family.spouse_accompanies", FALSE))
    add_birthdays (dates, draft, "family.spouse.birth_date", today, &last);

  /* The day after each deadline, when it has passed: a result no longer counts, the DI lapses. */
  for (guint i = 0; i < now->deadlines->len; i++)
    {
      DeclicDeadline *deadline = g_ptr_array_index (now->deadlines, i);
      GDate after = deadline->date;

      g_date_add_days (&after, 1);
      add_date (dates, &after, today, &last);
    }

  g_array_sort (dates, compare_dates);
  for (guint i = 0; i < dates->len; i++)
    if (unique->len == 0 ||
        g_date_compare (&g_array_index (dates, GDate, i), &g_array_index (unique, GDate, unique->len - 1)) != 0)
      g_array_append_val (unique, g_array_index (dates, GDate, i));
  return unique;
}

static void
point_free (DeclicPlanPoint *point)
{
  g_clear_pointer (&point->check, declic_check_free);
  g_clear_pointer (&point->events, g_ptr_array_unref);
  g_free (point);
}

static void
effect_free (DeclicPlanWhatIfEffect *effect)
{
  g_free (effect->label);
  g_free (effect);
}

static gboolean
stream_met (DeclicCheck *check,
            guint        number)
{
  if (check->eligibility == NULL)
    return FALSE;
  for (guint i = 0; i < check->eligibility->streams->len; i++)
    {
      DeclicStreamEligibility *stream = g_ptr_array_index (check->eligibility->streams, i);
      if (stream->number == (int) number)
        return stream->met;
    }
  return FALSE;
}

/* What a person should read on that date: each points item that moved, each stream gained or
 * lost, whether the DI can still be filed, and each deadline that passed since the last date. */
static GPtrArray *
describe_changes (DeclicCheck *before,
                  DeclicCheck *after)
{
  GPtrArray *events = g_ptr_array_new_with_free_func (g_free);

  if (before->points != NULL && after->points != NULL)
    for (guint i = 0; i < after->points->items->len; i++)
      {
        DeclicPointsItem *item = g_ptr_array_index (after->points->items, i);
        DeclicPointsItem *old = NULL;

        /* Two dates of one plan score the same grid: its items come in the same order, and a
         * search by id is only needed when they do not (a spouse's items, a rule set change). */
        if (i < before->points->items->len &&
            g_strcmp0 (((DeclicPointsItem *) g_ptr_array_index (before->points->items, i))->id, item->id) == 0)
          old = g_ptr_array_index (before->points->items, i);
        else
          old = declic_points_get_item (before->points, item->id);

        if (old != NULL && old->points != item->points)
          {
            g_autofree char *was = declic_format_integer (old->points, NULL);
            g_autofree char *is = declic_format_integer (item->points, NULL);

            /* TRANSLATORS: a points item that changed: "Age: 120 → 110 points (estimate)" */
            g_ptr_array_add (events, g_strdup_printf (declic_i18n_ngettext ("%s: %s → %s point (estimate)",
                                                                            "%s: %s → %s points (estimate)", (gulong) item->points),
                                                      item->label, was, is));
          }
      }

  for (guint n = 1; n <= 4; n++)
    {
      gboolean was = stream_met (before, n), is = stream_met (after, n);

      if (was && !is)
        g_ptr_array_add (events, g_strdup_printf (_("Stream %u no longer met"), n));
      else if (!was && is)
        g_ptr_array_add (events, g_strdup_printf (_("Stream %u met"), n));
    }

  if (before->fileable && !after->fileable)
    g_ptr_array_add (events, g_strdup (_("The DI can no longer be filed as it is")));
  else if (!before->fileable && after->fileable)
    g_ptr_array_add (events, g_strdup (_("The DI can be filed")));

  for (guint i = 0; i < before->deadlines->len; i++)
    {
      DeclicDeadline *deadline = g_ptr_array_index (before->deadlines, i);

      if (g_date_compare (&deadline->date, &before->today) >= 0 &&
          g_date_compare (&deadline->date, &after->today) < 0)
        /* TRANSLATORS: a deadline of the plan that passed: "Passed: French results expire (…)" */
        g_ptr_array_add (events, g_strdup_printf (_("Passed: %s"), deadline->label));
    }
  return events;
}

/* Fileable, with no result that has expired at the date, even one a newer result replaces. */
static gboolean
qualifies (DeclicCheck *check)
{
  if (!check->fileable || check->points == NULL)
    return FALSE;
  for (guint i = 0; i < check->findings->len; i++)
    if (g_str_has_suffix (declic_finding_get_code (g_ptr_array_index (check->findings, i)), ".result_date.expired"))
      return FALSE;
  return TRUE;
}

static void
find_best_window (DeclicPlan *plan)
{
  guint best = G_MAXUINT;

  plan->best_score = -1;
  g_date_clear (&plan->best_from, 1);
  g_date_clear (&plan->best_until, 1);
  for (guint i = 0; i < plan->points->len; i++)
    {
      DeclicPlanPoint *point = g_ptr_array_index (plan->points, i);

      if (qualifies (point->check) && total_of (point->check) > plan->best_score)
        {
          plan->best_score = total_of (point->check);
          best = i;
        }
    }
  if (best == G_MAXUINT)
    return;

  plan->best_from = ((DeclicPlanPoint *) g_ptr_array_index (plan->points, best))->date;
  plan->best_until = plan->best_from;
  for (guint i = best + 1; i < plan->points->len; i++)
    {
      DeclicPlanPoint *point = g_ptr_array_index (plan->points, i);

      if (!qualifies (point->check) || total_of (point->check) != plan->best_score)
        {
          /* The window ends the day before the first date outside it. */
          plan->best_until = point->date;
          g_date_subtract_days (&plan->best_until, 1);
          return;
        }
      plan->best_until = point->date;
    }
}

static void
find_trends (DeclicPlan *plan)
{
  int first_total, last_total;
  gboolean rises = FALSE;

  for (guint n = 0; n < 4; n++)
    g_date_clear (&plan->stream_met_from[n], 1);
  for (guint i = 0; i < plan->points->len; i++)
    {
      DeclicPlanPoint *point = g_ptr_array_index (plan->points, i);

      for (guint n = 0; n < 4; n++)
        if (!g_date_valid (&plan->stream_met_from[n]) && stream_met (point->check, n + 1))
          plan->stream_met_from[n] = point->date;
      if (i > 0 && total_of (point->check) >
                   total_of (((DeclicPlanPoint *) g_ptr_array_index (plan->points, i - 1))->check))
        rises = TRUE;
    }

  first_total = total_of (((DeclicPlanPoint *) g_ptr_array_index (plan->points, 0))->check);
  last_total = total_of (((DeclicPlanPoint *) g_ptr_array_index (plan->points, plan->points->len - 1))->check);
  plan->only_down = !rises && last_total < first_total;
  plan->loss_per_month = plan->only_down && plan->months > 0
                         ? (double) (first_total - last_total) / plan->months : 0;
}

/**
 * declic_plan_what_if_delta:
 * @what_if: a what-if; without a date, it holds from @today
 * @at: (out) (optional): the date the delta is measured at
 *
 * Returns: the points @what_if alone adds (or removes) at its date, else @today
 */
int
declic_plan_what_if_delta (DeclicDraft           *draft,
                           const DeclicWhatIf    *what_if,
                           const GDate           *today,
                           DeclicValidateContext *context,
                           GDate                 *at)
{
  g_autoptr(DeclicCheck) with = NULL;
  g_autoptr(DeclicCheck) without = NULL;
  DeclicWhatIf dated = *what_if;
  GDate on;

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  if (!g_date_valid (&dated.date))
    dated.date = *today;
  on = g_date_compare (&dated.date, today) > 0 ? dated.date : *today;
  /* Ending a job or moving away changes nothing on the day itself, only as months accrue:
   * those two are measured 12 months after their date. */
  if (dated.kind == DECLIC_WHAT_IF_JOB_ENDS || dated.kind == DECLIC_WHAT_IF_OUTSIDE_CMM)
    g_date_add_months (&on, 12);
  with = check_on (draft, &dated, 1, &on, context);
  without = check_on (draft, NULL, 0, &on, context);
  if (at != NULL)
    *at = on;
  return total_of (with) - total_of (without);
}

/**
 * declic_plan_suggest_what_ifs:
 * @today: (nullable): today; %NULL for the clock's
 *
 * The single changes worth looking at for @draft: each French skill reaching the next band of
 * the grid (5, 7, 9) three months from today, and a validated job offer when there is none.
 *
 * Returns: (transfer full) (element-type DeclicWhatIf): the what-ifs
 */
GArray *
declic_plan_suggest_what_ifs (DeclicDraft *draft,
                              const GDate *today)
{
  static const int bands[] = { 5, 7, 9 };
  GArray *what_ifs = g_array_new (FALSE, TRUE, sizeof (DeclicWhatIf));
  DeclicRuleSet *rule_set;
  g_autoptr(DeclicProfile) profile = NULL;
  GDate now, later;

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), what_ifs);

  if (today != NULL && g_date_valid (today))
    now = *today;
  else
    declic_clock_get_today (&now);
  later = now;
  g_date_add_months (&later, 3);
  rule_set = declic_check_choose_rule_set (declic_rules_get_default (), draft, &now, NULL);
  if (rule_set == NULL)
    return what_ifs;
  profile = declic_profile_new (draft, rule_set, &now);

  for (guint s = 0; s < DECLIC_N_SKILLS; s++)
    for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
      if (profile->french[s].level < bands[b])
        {
          DeclicWhatIf what_if = { DECLIC_WHAT_IF_LEVEL, later, (DeclicSkill) s, bands[b] };
          g_array_append_val (what_ifs, what_if);
          break;
        }
  if (!profile->has_job_offer)
    {
      DeclicWhatIf inside = { DECLIC_WHAT_IF_OFFER_INSIDE_CMM, now, 0, 0 };
      DeclicWhatIf outside = { DECLIC_WHAT_IF_OFFER_OUTSIDE_CMM, now, 0, 0 };
      g_array_append_val (what_ifs, inside);
      g_array_append_val (what_ifs, outside);
    }
  return what_ifs;
}

/**
 * declic_plan_compute:
 * @today: (nullable): the plan's first day; %NULL for the clock's
 * @months: how far the plan goes
 * @what_ifs: (array length=n_what_ifs) (nullable): changes to assume, all together
 * @context: (nullable): reference data for the checks
 *
 * Returns: (transfer full): the plan; @draft is not changed
 */
DeclicPlan *
declic_plan_compute (DeclicDraft           *draft,
                     const GDate           *today,
                     guint                  months,
                     const DeclicWhatIf    *what_ifs,
                     guint                  n_what_ifs,
                     DeclicValidateContext *context)
{
  DeclicPlan *plan;
  g_autoptr(DeclicCheck) now = NULL;
  g_autoptr(GArray) dates = NULL;
  g_autofree DeclicWhatIf *dated = NULL;
  g_autofree DeclicCheck **checks = NULL;
  g_autoptr(DeclicDraft) simulated = NULL;

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (months >= 1 && months <= 120, NULL);

  /* Some fifty checks of one draft: the language and the translations are read once for all
   * of them on this thread (each worker thread freezes its own, declic-i18n.h). */
  declic_i18n_freeze ();
  plan = g_new0 (DeclicPlan, 1);
  if (today != NULL && g_date_valid (today))
    plan->today = *today;
  else
    declic_clock_get_today (&plan->today);
  plan->months = months;
  plan->points = g_ptr_array_new_with_free_func ((GDestroyNotify) point_free);
  plan->effects = g_ptr_array_new_with_free_func ((GDestroyNotify) effect_free);

  /* A what-if without a date holds from today. */
  dated = g_new0 (DeclicWhatIf, MAX (n_what_ifs, 1));
  for (guint i = 0; i < n_what_ifs; i++)
    {
      dated[i] = what_ifs[i];
      if (!g_date_valid (&dated[i].date))
        dated[i].date = plan->today;
    }
  what_ifs = dated;

  if (n_what_ifs == 0)
    simulated = simulate (draft, NULL, 0, NULL);
  now = check_plan_date (simulated, draft, what_ifs, n_what_ifs, &plan->today, context);
  dates = plan_dates (draft, now, &plan->today, months);
  checks = check_dates (simulated, draft, what_ifs, n_what_ifs, dates, g_steal_pointer (&now), context);
  for (guint i = 0; i < dates->len; i++)
    {
      DeclicPlanPoint *point = g_new0 (DeclicPlanPoint, 1);
      DeclicPlanPoint *previous = i > 0 ? g_ptr_array_index (plan->points, i - 1) : NULL;

      point->date = g_array_index (dates, GDate, i);
      point->check = checks[i];
      point->events = previous != NULL ? describe_changes (previous->check, point->check)
                                       : g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (plan->points, point);
    }

  /* Each what-if alone, against the plan without any, at its own date (else today). */
  for (guint i = 0; i < n_what_ifs; i++)
    {
      DeclicPlanWhatIfEffect *effect = g_new0 (DeclicPlanWhatIfEffect, 1);

      effect->what_if = what_ifs[i];
      effect->label = declic_what_if_describe (&what_ifs[i]);
      effect->delta = declic_plan_what_if_delta (draft, &what_ifs[i], &plan->today, context, &effect->at);
      g_ptr_array_add (plan->effects, effect);
    }

  find_best_window (plan);
  find_trends (plan);
  declic_i18n_thaw ();
  return plan;
}

void
declic_plan_free (DeclicPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->points, g_ptr_array_unref);
  g_clear_pointer (&plan->effects, g_ptr_array_unref);
  g_free (plan);
}
