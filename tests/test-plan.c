/* test-plan.c: plans worked out by hand, month by month (DI.md §5 for the figures).
 *
 * Every plan starts on TODAY (2026-03-01) and runs 36 months, so that its dates are the first of
 * each month from 2026-04-01 to 2029-03-01, plus the birthdays and the day after each deadline.
 * "S" is the column without an accompanying spouse.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "declic-check-json.h"
#include "declic-i18n.h"
#include "declic-plan.h"
#include "declic-test-utils.h"
#include "rules-test-util.h"

#define TODAY "2026-03-01"

static DeclicPlan *
plan_of (DeclicDraft        *draft,
         const DeclicWhatIf *what_ifs,
         guint               n_what_ifs)
{
  GDate today = date_from (TODAY);
  DeclicPlan *plan = declic_plan_compute (draft, &today, 36, what_ifs, n_what_ifs, NULL);
  DeclicPlanPoint *first;

  g_assert_nonnull (plan);
  g_assert_cmpuint (plan->points->len, >=, 37);
  first = g_ptr_array_index (plan->points, 0);
  g_assert_cmpint (g_date_compare (&first->date, &today), ==, 0);
  for (guint i = 0; i < plan->points->len; i++)
    {
      DeclicPlanPoint *point = g_ptr_array_index (plan->points, i);

      /* Each date is checked as if filed that day, and its points stay an estimate. */
      g_assert_cmpint (g_date_compare (&point->check->today, &point->date), ==, 0);
      g_assert_cmpint (g_date_compare (&point->check->reference, &point->date), ==, 0);
      g_assert_nonnull (point->check->points);
      g_assert_true (point->check->points->estimate);
      if (i > 0)
        g_assert_cmpint (g_date_compare (&point->date,
                                         &((DeclicPlanPoint *) g_ptr_array_index (plan->points, i - 1))->date), >, 0);
    }
  return plan;
}

static DeclicPlanPoint *
point_on (DeclicPlan *plan,
          const char *date_text)
{
  GDate date = date_from (date_text);

  for (guint i = 0; i < plan->points->len; i++)
    {
      DeclicPlanPoint *point = g_ptr_array_index (plan->points, i);
      if (g_date_compare (&point->date, &date) == 0)
        return point;
    }
  g_error ("the plan has no date %s", date_text);
}

static int
item_on (DeclicPlan *plan,
         const char *date,
         const char *id)
{
  DeclicPointsItem *item = declic_points_get_item (point_on (plan, date)->check->points, id);

  g_assert_nonnull (item);
  return item->points;
}

static gboolean
stream_met_on (DeclicPlan *plan,
               const char *date,
               const char *id)
{
  DeclicStreamEligibility *stream = declic_eligibility_get_stream (point_on (plan, date)->check->eligibility, id);

  g_assert_nonnull (stream);
  return stream->met;
}

static gboolean
has_event (DeclicPlan *plan,
           const char *date,
           const char *needle)
{
  GPtrArray *events = point_on (plan, date)->events;

  for (guint i = 0; i < events->len; i++)
    if (strstr (g_ptr_array_index (events, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

/* Months of each first of the month for every date of @months, in order. */
static void
assert_monthly (DeclicPlan *plan,
                const char *id,
                const char *const *dates,
                const int  *expected,
                guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      int points = item_on (plan, dates[i], id);
      if (points != expected[i])
        g_error ("%s on %s: %d points, expected %d", id, dates[i], points, expected[i]);
    }
}

/* 1. Born 1996-07-10: 29 today. Age (S): 29 and 30 → 120, 31 → 110 from 2027-07-10, 32 → 100
 *    from 2028-07-10. The birthday itself is a date of the plan, with its reason. */
static void
test_plan_age_band (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1996-07-10");
  g_autoptr(DeclicPlan) plan = NULL;
  static const char *const dates[] = { "2026-03-01", "2026-07-10", "2027-07-01", "2027-07-10",
                                       "2028-07-01", "2028-07-10", "2029-03-01" };
  static const int age[] = { 120, 120, 120, 110, 110, 100, 100 };

  add_job (draft, "2023-01-01", NULL, "21231");
  plan = plan_of (draft, NULL, 0);
  assert_monthly (plan, "age", dates, age, G_N_ELEMENTS (dates));
  g_assert_true (has_event (plan, "2027-07-10", "120 → 110"));
  g_assert_false (has_event (plan, "2026-07-10", "Age"));
}

/* 2. A spouse born 2006-08-15 crosses 20 (18 → 20 points on 2026-08-15); another born
 *    1996-05-20 crosses 31 (20 → 18 on 2027-05-20). */
static void
test_plan_spouse_ages (void)
{
  g_autoptr(DeclicDraft) young = new_person ("1990-01-01");
  g_autoptr(DeclicDraft) older = new_person ("1990-01-01");
  g_autoptr(DeclicPlan) plan = NULL;
  g_autoptr(DeclicPlan) other = NULL;

  add_spouse (young, "2006-08-15");
  plan = plan_of (young, NULL, 0);
  g_assert_cmpint (item_on (plan, "2026-08-01", "spouse.age"), ==, 18);
  g_assert_cmpint (item_on (plan, "2026-08-15", "spouse.age"), ==, 20);
  g_assert_cmpint (item_on (plan, "2029-03-01", "spouse.age"), ==, 20);

  add_spouse (older, "1996-05-20");
  other = plan_of (older, NULL, 0);
  g_assert_cmpint (item_on (other, "2027-05-01", "spouse.age"), ==, 20);
  g_assert_cmpint (item_on (other, "2027-05-20", "spouse.age"), ==, 18);
  g_assert_cmpint (item_on (other, "2028-05-20", "spouse.age"), ==, 17);
}

/* 3. French 7 ×4 obtained 2024-09-15: they stop counting on 2026-09-15, their 2nd anniversary
 *    (the deadline's last day is 2026-09-14; the plan looks again the day after). Listening (S)
 *    44 → 0; stream 1 (TEER 1, 38 months of work) is met until then, not after. */
static void
test_plan_results_expire (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1992-02-02");
  g_autoptr(DeclicPlan) plan = NULL;

  add_levels (draft, "french", "tcf_canada", "2024-09-15", 7, 7, 7, 7);
  add_job (draft, "2023-01-01", NULL, "21231");
  plan = plan_of (draft, NULL, 0);

  g_assert_cmpint (item_on (plan, "2026-09-01", "french.listening"), ==, 44);
  g_assert_true (stream_met_on (plan, "2026-09-01", "stream1"));
  g_assert_cmpint (item_on (plan, "2026-09-15", "french.listening"), ==, 0);
  g_assert_false (stream_met_on (plan, "2026-09-15", "stream1"));
  g_assert_true (has_event (plan, "2026-09-15", "Stream 1 no longer met"));
  g_assert_true (has_event (plan, "2026-09-15", "44 → 0"));
  g_assert_true (has_event (plan, "2026-09-15", "Passed:"));
  g_assert_cmpint (g_date_compare (&plan->stream_met_from[0], &point_on (plan, TODAY)->date), ==, 0);
}

/* 4. An ongoing job since 2025-04-01: 11 whole months today. Experience (S): < 12 → 0,
 *    12–23 → 20 from 2026-04-01, 24–35 → 40 from 2027-04-01, 36–47 → 50 from 2028-04-01. */
static void
test_plan_experience_grows (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1990-01-01");
  g_autoptr(DeclicPlan) plan = NULL;
  static const char *const dates[] = { "2026-03-01", "2026-04-01", "2027-03-01", "2027-04-01",
                                       "2028-03-01", "2028-04-01", "2029-03-01" };
  static const int experience[] = { 0, 20, 20, 40, 40, 50, 50 };

  add_job (draft, "2025-04-01", NULL, "21231");
  plan = plan_of (draft, NULL, 0);
  assert_monthly (plan, "experience", dates, experience, G_N_ELEMENTS (dates));
  g_assert_true (has_event (plan, "2026-04-01", "0 → 20"));
}

/* 5. Stream 1 needs oral (listening and speaking) ≥ 7: French 7/6/7/7 misses it. What if
 *    speaking reaches 7 on 2026-06-01: met from that day; speaking (S) 38 → 44, +6 points. */
static void
test_plan_what_if_level (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1992-02-02");
  g_autoptr(DeclicPlan) base = NULL;
  g_autoptr(DeclicPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  DeclicWhatIf what_if;
  DeclicPlanWhatIfEffect *effect;

  add_levels (draft, "french", "tcf_canada", "2025-09-15", 7, 6, 7, 7);
  add_job (draft, "2023-01-01", NULL, "21231");
  g_assert_true (declic_what_if_parse ("level:speaking:7:2026-06-01", &what_if, &error));
  g_assert_no_error (error);

  base = plan_of (draft, NULL, 0);
  g_assert_false (stream_met_on (base, "2026-06-01", "stream1"));
  g_assert_false (g_date_valid (&base->stream_met_from[0]));

  plan = plan_of (draft, &what_if, 1);
  g_assert_false (stream_met_on (plan, "2026-05-01", "stream1"));
  g_assert_true (stream_met_on (plan, "2026-06-01", "stream1"));
  g_assert_cmpint (item_on (plan, "2026-06-01", "french.speaking"), ==, 44);
  g_assert_true (has_event (plan, "2026-06-01", "Stream 1 met"));
  g_assert_cmpint (g_date_get_month (&plan->stream_met_from[0]), ==, 6);
  effect = g_ptr_array_index (plan->effects, 0);
  g_assert_cmpint (effect->delta, ==, 6);
  g_assert_nonnull (strstr (effect->label, "level 7"));

  /* The draft itself is not changed. */
  g_assert_cmpuint (declic_draft_get_n_items (draft, "french.results"), ==, 1);
}

/* 6. An ongoing job in Québec since 2025-09-01: 6 months today. Québec experience: 12–23 → 40
 *    from 2026-09-01, 24–35 → 80 from 2027-09-01, 36–47 → 120 from 2028-09-01. */
static void
test_plan_quebec_experience (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1990-01-01");
  g_autoptr(DeclicPlan) plan = NULL;
  static const char *const dates[] = { "2026-08-01", "2026-09-01", "2027-08-01", "2027-09-01",
                                       "2028-08-01", "2028-09-01" };
  static const int quebec[] = { 0, 40, 40, 80, 80, 120 };

  add_quebec_job (draft, "2025-09-01", NULL, "72410");
  plan = plan_of (draft, NULL, 0);
  assert_monthly (plan, "quebec_experience", dates, quebec, G_N_ELEMENTS (dates));
}

static gboolean
has_finding (GPtrArray  *findings,
             const char *code)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (declic_finding_get_code (g_ptr_array_index (findings, i)), code) == 0)
      return TRUE;
  return FALSE;
}

/* 6b. Time outside the CMM: 4 months of residence counted on 2026-01-15 and still going on grow
 *     by a month on each 15th: 5 today (0 points), 6 on 2026-04-01 (6), 12 on 2026-10-01 (16),
 *     24 on 2027-10-01 (24). Ten months of work that ended stay 10 (9 points) throughout. A
 *     what-if of moving outside the CMM adds nothing to a residence already counted as it goes. */
static void
test_plan_outside_cmm (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1990-01-01");
  g_autoptr(DeclicPlan) plan = NULL;
  g_autoptr(DeclicPlan) moving = NULL;
  g_autoptr(DeclicCheck) unsure = NULL;
  GDate today = date_from (TODAY);
  static const char *const dates[] = { "2026-03-01", "2026-04-01", "2026-09-01", "2026-10-01",
                                       "2027-09-01", "2027-10-01", "2029-03-01" };
  static const int residence[] = { 0, 6, 6, 16, 16, 24, 32 };
  static const int work[] = { 9, 9, 9, 9, 9, 9, 9 };
  DeclicWhatIf what_if = { DECLIC_WHAT_IF_OUTSIDE_CMM, date_from ("2026-03-01"), 0, 0 };

  declic_draft_set_integer (draft, "quebec.months_outside_cmm_residence", 4);
  declic_draft_set_boolean (draft, "quebec.outside_cmm_residence_ongoing", TRUE);
  declic_draft_set_integer (draft, "quebec.months_outside_cmm_work", 10);
  declic_draft_set_boolean (draft, "quebec.outside_cmm_work_ongoing", FALSE);

  /* Without the date they were counted on, the months cannot grow: a warning says so. */
  unsure = declic_check_run (draft, &today, NULL, NULL);
  g_assert_true (has_finding (unsure->findings, "quebec.outside_cmm_counted_on.missing"));

  declic_draft_set_string (draft, "quebec.outside_cmm_counted_on", "2026-01-15");
  plan = plan_of (draft, NULL, 0);
  assert_monthly (plan, "outside_cmm.residence", dates, residence, G_N_ELEMENTS (dates));
  assert_monthly (plan, "outside_cmm.work", dates, work, G_N_ELEMENTS (dates));
  g_assert_true (has_event (plan, "2026-04-01", "0 → 6"));

  moving = plan_of (draft, &what_if, 1);
  assert_monthly (moving, "outside_cmm.residence", dates, residence, G_N_ELEMENTS (dates));
}

/* 7. The diagnosis: NOC 21231 is "deficit" in the list; the job since 2025-04-01 reaches 12
 *    months on 2026-04-01 (90), 24 (100), 36 (110), 48 (120) a year apart. An override
 *    "balanced" gives 5/10/15/25 on the same dates instead. */
static void
test_plan_diagnosis (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1990-01-01");
  g_autoptr(DeclicPlan) plan = NULL;
  g_autoptr(DeclicPlan) chosen = NULL;
  static const char *const dates[] = { "2026-03-01", "2026-04-01", "2027-04-01", "2028-04-01", "2029-03-01" };
  static const int listed[] = { 0, 90, 100, 110, 110 };
  static const int balanced[] = { 0, 5, 10, 15, 15 };

  add_job (draft, "2025-04-01", NULL, "21231");
  plan = plan_of (draft, NULL, 0);
  assert_monthly (plan, "diagnosis", dates, listed, G_N_ELEMENTS (dates));

  declic_draft_set_string (draft, "quebec.labour_market_diagnosis", "balanced");
  chosen = plan_of (draft, NULL, 0);
  assert_monthly (chosen, "diagnosis", dates, balanced, G_N_ELEMENTS (dates));
}

/* 8. 44 with nothing that grows: age 44 → 10 (S), 45 → 0 on 2026-09-20; the estimate only
 *    goes down, by 10 points over 36 months. A job that ends on 2026-05-31 instead of
 *    continuing loses its months: measured a year later, on 2027-05-31. */
static void
test_plan_only_down (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1981-09-20");
  g_autoptr(DeclicPlan) plan = NULL;
  g_autoptr(DeclicPlan) ends = NULL;
  g_autoptr(GError) error = NULL;
  DeclicWhatIf what_if;
  DeclicPlanWhatIfEffect *effect;

  add_job (draft, "2019-01-01", "2025-12-31", "41200");
  plan = plan_of (draft, NULL, 0);
  g_assert_cmpint (item_on (plan, "2026-09-01", "age"), ==, 10);
  g_assert_cmpint (item_on (plan, "2026-09-20", "age"), ==, 0);
  g_assert_true (plan->only_down);
  g_assert_cmpfloat (plan->loss_per_month, >, 0);

  add_job (draft, "2026-01-01", NULL, "41200");
  g_assert_true (declic_what_if_parse ("job-ends:2026-05-31", &what_if, &error));
  ends = plan_of (draft, &what_if, 1);
  effect = g_ptr_array_index (ends->effects, 0);
  g_assert_cmpint (effect->delta, <=, 0);
}

/* 9. A validated offer outside the CMM adds 50 from today, and keeps the draft's fileability. */
static void
test_plan_offer (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1990-01-01");
  g_autoptr(DeclicPlan) plan = NULL;
  DeclicWhatIf what_if;

  add_job (draft, "2023-01-01", NULL, "21231");
  g_assert_true (declic_what_if_parse ("offer:outside-cmm", &what_if, NULL));
  plan = plan_of (draft, &what_if, 1);
  g_assert_cmpint (item_on (plan, TODAY, "job_offer"), ==, 50);
  g_assert_cmpint (((DeclicPlanWhatIfEffect *) g_ptr_array_index (plan->effects, 0))->delta, ==, 50);
}

/* The sample is fileable today; its best window ends when the first result lapses. */
static void
test_plan_best_window (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(DeclicPlan) plan = NULL;
  GDate today = date_from ("2026-12-01");
  GDate english_lapses = date_from ("2027-02-20");

  plan = declic_plan_compute (draft, &today, 36, NULL, 0, NULL);
  g_assert_cmpint (plan->best_score, >, 0);
  g_assert_cmpint (g_date_compare (&plan->best_from, &today), ==, 0);
  /* The IELTS of 2025-02-20 stops counting on 2027-02-20: the window closes the day before. */
  g_date_subtract_days (&english_lapses, 1);
  g_assert_cmpint (g_date_compare (&plan->best_until, &english_lapses), ==, 0);
  g_assert_true (plan->only_down);
}

static void
test_plan_what_if_parse (void)
{
  static const char *const bad[] = { "level:speaking:13", "level:singing:7", "job-ends", "job-ends:tomorrow",
                                     "offer:nowhere", "", "level:speaking:7:2026-02-30" };
  DeclicWhatIf what_if;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_false (declic_what_if_parse (bad[i], &what_if, &error));
      g_assert_error (error, DECLIC_WHAT_IF_ERROR, DECLIC_WHAT_IF_ERROR_INVALID);
    }
  g_assert_true (declic_what_if_parse ("outside-cmm:2027-01-01", &what_if, NULL));
  g_assert_cmpint (what_if.kind, ==, DECLIC_WHAT_IF_OUTSIDE_CMM);
}

/* The window's choices and the command line's specs are checked by one validator. */
static void
test_what_if_validate (void)
{
  DeclicWhatIf what_if = { DECLIC_WHAT_IF_LEVEL, { 0 }, DECLIC_SKILL_SPEAKING, 13 };
  g_autoptr(GError) error = NULL;

  g_date_clear (&what_if.date, 1);
  g_assert_false (declic_what_if_validate (&what_if, &error));
  g_assert_error (error, DECLIC_WHAT_IF_ERROR, DECLIC_WHAT_IF_ERROR_INVALID);
  g_clear_error (&error);
  what_if.level = 12;
  g_assert_true (declic_what_if_validate (&what_if, NULL));
  what_if.skill = DECLIC_N_SKILLS;
  g_assert_false (declic_what_if_validate (&what_if, NULL));

  /* An end and a move need their date; a new result does not (it holds from today). */
  for (guint kind = 0; kind < DECLIC_N_WHAT_IF_KINDS; kind++)
    {
      DeclicWhatIf undated = { (DeclicWhatIfKind) kind, { 0 }, DECLIC_SKILL_READING, 7 };

      g_date_clear (&undated.date, 1);
      g_assert_nonnull (declic_what_if_kind_get_label (undated.kind));
      g_assert_cmpint (declic_what_if_validate (&undated, NULL), ==, !declic_what_if_kind_needs_date (undated.kind));
      g_assert_true (!declic_what_if_kind_needs_date (undated.kind) || declic_what_if_kind_takes_date (undated.kind));
    }
  g_assert_true (declic_what_if_kind_takes_date (DECLIC_WHAT_IF_LEVEL));
  g_assert_false (declic_what_if_kind_needs_date (DECLIC_WHAT_IF_LEVEL));
  g_assert_false (declic_what_if_kind_takes_date (DECLIC_WHAT_IF_OFFER_INSIDE_CMM));

  /* The same messages reach the command line, after the spec. */
  g_assert_false (declic_what_if_parse ("level:writing:0", &what_if, &error));
  g_assert_nonnull (strstr (error->message, "level:writing:0"));
  g_assert_nonnull (strstr (error->message, "1"));
}

static void
test_what_if_equal (void)
{
  DeclicWhatIf a, b;

  g_assert_true (declic_what_if_parse ("level:speaking:7:2027-06-01", &a, NULL));
  g_assert_true (declic_what_if_parse ("level:speaking:7:2027-06-01", &b, NULL));
  g_assert_true (declic_what_if_equal (&a, &b));
  g_assert_true (declic_what_if_parse ("level:speaking:8:2027-06-01", &b, NULL));
  g_assert_false (declic_what_if_equal (&a, &b));
  g_assert_true (declic_what_if_parse ("level:speaking:7", &b, NULL));
  g_assert_false (declic_what_if_equal (&a, &b));
  g_assert_true (declic_what_if_parse ("offer:inside-cmm", &a, NULL));
  g_assert_true (declic_what_if_parse ("offer:inside-cmm", &b, NULL));
  g_assert_true (declic_what_if_equal (&a, &b));
}

/* 10. Without what-ifs every date's check reads one copy of the draft made for the whole plan:
 *     each must equal a full check, at that date, of a copy of its own with the planned filing
 *     date unset (and, as any copy, no filing date), here on a draft that has both. */
static char *
check_to_text (DeclicCheck *check)
{
  g_autoptr(json_object) object = json_object_new_object ();

  declic_check_add_to_json (check, object);
  return g_strdup (json_object_to_json_string_ext (object, JSON_C_TO_STRING_PLAIN));
}

/* What the plan's date must equal: a full check of a copy of @draft made for that date alone. */
static char *
full_check_of_copy (DeclicDraft *draft,
                    const GDate *date)
{
  g_autoptr(DeclicDraft) copy = declic_draft_duplicate (draft);
  g_autoptr(DeclicCheck) check = NULL;

  declic_draft_set_string (copy, "created", declic_draft_get_string (draft, "created"));
  declic_draft_unset (copy, "planned_filing_date");
  check = declic_check_run (copy, date, NULL, NULL);
  return check_to_text (check);
}

static void
test_plan_equals_full_checks (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(DeclicPlan) plan = NULL;

  declic_draft_set_string (draft, "planned_filing_date", "2027-06-01");
  declic_draft_set_string (draft, "filing_date", "2026-02-01");
  plan = plan_of (draft, NULL, 0);
  for (guint i = 0; i < plan->points->len; i++)
    {
      DeclicPlanPoint *point = g_ptr_array_index (plan->points, i);
      g_autofree char *got = check_to_text (point->check);
      g_autofree char *expected = full_check_of_copy (draft, &point->date);

      g_assert_cmpstr (got, ==, expected);
    }
}

/* Every date of @plan as text, one check per line. */
static char *
plan_to_text (DeclicPlan *plan)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < plan->points->len; i++)
    {
      DeclicPlanPoint *point = g_ptr_array_index (plan->points, i);
      g_autofree char *check = check_to_text (point->check);

      g_string_append_printf (text, "%s\n", check);
      for (guint e = 0; e < point->events->len; e++)
        g_string_append_printf (text, "  %s\n", (const char *) g_ptr_array_index (point->events, e));
    }
  return g_string_free (text, FALSE);
}

/* Back to the C locale the other tests run in. */
static void
speak_c (void)
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
}

/* A plan reads the language once for all its checks (declic-i18n.h): the next plan must still
 * follow a switch, both ways, and in French too each date is the full check of that date. */
static void
test_plan_follows_language_switch (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(DeclicPlan) english = NULL;
  g_autoptr(DeclicPlan) french = NULL;
  g_autoptr(DeclicPlan) english_again = NULL;
  g_autofree char *english_text = NULL;
  g_autofree char *french_text = NULL;
  g_autofree char *english_again_text = NULL;

  if (!declic_test_speak_french ())
    return;
  declic_test_switch_language ("en");
  english = plan_of (draft, NULL, 0);
  english_text = plan_to_text (english);

  declic_test_switch_language ("fr");
  french = plan_of (draft, NULL, 0);
  french_text = plan_to_text (french);
  g_assert_nonnull (strstr (french_text, "\"Âge\""));
  g_assert_nonnull (strstr (french_text, "1er "));
  g_assert_null (strstr (french_text, "\"Age\""));
  g_assert_null (strstr (french_text, "June 12, 2025"));
  for (guint i = 0; i < french->points->len; i++)
    {
      DeclicPlanPoint *point = g_ptr_array_index (french->points, i);
      g_autofree char *got = check_to_text (point->check);
      g_autofree char *expected = full_check_of_copy (draft, &point->date);

      g_assert_cmpstr (got, ==, expected);
    }

  declic_test_switch_language ("en");
  english_again = plan_of (draft, NULL, 0);
  english_again_text = plan_to_text (english_again);
  g_assert_nonnull (strstr (english_text, "\"Age\""));
  g_assert_null (strstr (english_text, "Âge"));
  g_assert_cmpstr (english_again_text, ==, english_text);
  speak_c ();
}

/* A run of checks keeps a memo of the draft's paths (declic-draft.c) as long as its freeze: a
 * check after a change in the same freeze must equal a check of the changed draft in a fresh
 * one, and a language switched between two freezes is followed by the next. */
static void
test_plan_memo_follows_changes (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(DeclicCheck) before = NULL;
  g_autoptr(DeclicCheck) after = NULL;
  g_autoptr(DeclicCheck) fresh = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  g_autofree char *fresh_text = NULL;
  GDate today = date_from (TODAY);

  declic_i18n_freeze ();
  before = declic_check_run (draft, &today, NULL, NULL);
  declic_draft_set_string (draft, "french.results[0].result_date", "2023-01-10");
  declic_draft_set_string (draft, "personal.birth_date", "1960-05-05");
  after = declic_check_run (draft, &today, NULL, NULL);
  declic_i18n_thaw ();
  fresh = declic_check_run (draft, &today, NULL, NULL);
  before_text = check_to_text (before);
  after_text = check_to_text (after);
  fresh_text = check_to_text (fresh);
  g_assert_cmpstr (after_text, ==, fresh_text);
  g_assert_cmpstr (before_text, !=, after_text);

  if (!declic_test_speak_french ())
    return;
  {
    g_autoptr(DeclicCheck) french = NULL;
    g_autofree char *french_text = NULL;

    declic_i18n_freeze ();
    french = declic_check_run (draft, &today, NULL, NULL);
    declic_i18n_thaw ();
    french_text = check_to_text (french);
    g_assert_nonnull (strstr (french_text, "\"Âge\""));
    g_assert_null (strstr (french_text, "\"Age\""));
  }
  speak_c ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/age-band", test_plan_age_band);
  g_test_add_func ("/plan/spouse-ages", test_plan_spouse_ages);
  g_test_add_func ("/plan/results-expire", test_plan_results_expire);
  g_test_add_func ("/plan/experience-grows", test_plan_experience_grows);
  g_test_add_func ("/plan/what-if-level", test_plan_what_if_level);
  g_test_add_func ("/plan/quebec-experience", test_plan_quebec_experience);
  g_test_add_func ("/plan/outside-cmm", test_plan_outside_cmm);
  g_test_add_func ("/plan/diagnosis", test_plan_diagnosis);
  g_test_add_func ("/plan/only-down", test_plan_only_down);
  g_test_add_func ("/plan/offer", test_plan_offer);
  g_test_add_func ("/plan/best-window", test_plan_best_window);
  g_test_add_func ("/plan/what-if-parse", test_plan_what_if_parse);
  g_test_add_func ("/plan/what-if-validate", test_what_if_validate);
  g_test_add_func ("/plan/what-if-equal", test_what_if_equal);
  g_test_add_func ("/plan/equals-full-checks", test_plan_equals_full_checks);
  g_test_add_func ("/plan/follows-language-switch", test_plan_follows_language_switch);
  g_test_add_func ("/plan/memo-follows-changes", test_plan_memo_follows_changes);

  return g_test_run ();
}
