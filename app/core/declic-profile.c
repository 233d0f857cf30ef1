/* declic-profile.c: what the eligibility and points rules need from a draft (see the header). */
#define G_LOG_DOMAIN "declic-profile"

#include "config.h"

#include "declic-format.h"
#include "declic-draft-fields.h"
#include "declic-i18n.h"
#include "declic-labour-market.h"
#include "declic-language-tables.h"
#include "declic-noc.h"
#include "declic-diploma.h"
#include "declic-profile.h"
#include "declic-utils.h"

/* DI.md §3.3 and §3.4, for a rule set that does not say. */
#define DEFAULT_WINDOW_YEARS     5
#define DEFAULT_FULL_TIME_HOURS  30
#define DEFAULT_RESULTS_YEARS    2
#define EXPERIENCE_CAP_MONTHS    60

static const char *skill_ids[DECLIC_N_SKILLS] = { "listening", "speaking", "reading", "writing" };

const char *
declic_skill_get_id (DeclicSkill skill)
{
  g_return_val_if_fail (skill < DECLIC_N_SKILLS, NULL);

  return skill_ids[skill];
}

const char *
declic_skill_get_label (DeclicSkill skill)
{
  switch (skill)
    {
    case DECLIC_SKILL_LISTENING:
      return _("listening");
    case DECLIC_SKILL_SPEAKING:
      return _("speaking");
    case DECLIC_SKILL_READING:
      return _("reading");
    case DECLIC_SKILL_WRITING:
      return _("writing");
    case DECLIC_N_SKILLS:
    default:
      g_return_val_if_reached (NULL);
    }
}

int
declic_education_level_rank (const char *code)
{
  if (code == NULL)
    return -1;
  for (int i = 0; declic_education_levels[i].code != NULL; i++)
    if (g_str_equal (declic_education_levels[i].code, code))
      return i;
  return -1;
}

static void
clear_period (gpointer data)
{
  DeclicProfilePeriod *period = data;

  g_free (period->noc_code);
}

void
declic_profile_free (DeclicProfile *profile)
{
  if (profile == NULL)
    return;

  for (guint s = 0; s < DECLIC_N_SKILLS; s++)
    {
      g_free (profile->french[s].table_id);
      g_free (profile->spouse_french[s].table_id);
    }
  g_free (profile->main_noc);
  g_clear_pointer (&profile->periods, g_array_unref);
  g_clear_pointer (&profile->notes, g_ptr_array_unref);
  g_clear_object (&profile->draft);
  g_free (profile);
}

static void
add_note (DeclicProfile *profile,
          char          *note)
{
  g_ptr_array_add (profile->notes, note);
}

/* ---- Language ---------------------------------------------------------------------------- */

/* The level of one skill of one result: the entered level wins (it may be an override of the
 * conversion, and tests without a table only have it); else the score through helper tables. */
static gboolean
get_result_level (DeclicProfile *profile,
                  const char    *result_path,
                  const char    *test,
                  const GDate   *result_date,
                  DeclicSkill    skill,
                  int           *level,
                  char         **table_id)
{
  g_autofree char *level_path = g_strconcat (result_path, ".", skill_ids[skill], ".level", NULL);
  g_autofree char *score_path = g_strconcat (result_path, ".", skill_ids[skill], ".score", NULL);
  DeclicLanguageTables *tables;
  g_autoptr(GError) error = NULL;
  const char *used_table = NULL;
  guint converted = 0;
  gint64 entered;
  double score;

  entered = declic_draft_get_integer (profile->draft, level_path, -1);
  if (entered >= 1)
    {
      *level = (int) entered;
      *table_id = NULL;
      return TRUE;
    }

  score = declic_draft_get_number (profile->draft, score_path, -1);
  if (score < 0 || test == NULL)
    return FALSE;

  tables = declic_language_tables_get_default ();
  if (tables == NULL ||
      !declic_language_tables_convert (tables, test, result_date, skill_ids[skill], score,
                                       &converted, &used_table, &error))
    {
      add_note (profile, g_strdup_printf (_("The %s score of %s could not be converted to a level (%s): enter the level from the results."),
                                          declic_skill_get_label (skill), result_path,
                                          error != NULL ? error->message : _("no conversion tables")));
      return FALSE;
    }

  *level = (int) converted;
  *table_id = g_strdup (used_table);
  return TRUE;
}

static void
clear_levels (DeclicSkillLevel *levels)
{
  for (guint s = 0; s < DECLIC_N_SKILLS; s++)
    {
      levels[s].result_index = -1;
      g_date_clear (&levels[s].result_date, 1);
    }
}

static void
read_language (DeclicProfile    *profile,
               const char       *prefix,
               int               results_years,
               DeclicSkillLevel *levels)
{
  g_autofree char *results_path = g_strconcat (prefix, ".results", NULL);
  guint n = declic_draft_get_n_items (profile->draft, results_path);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *result_path = declic_draft_item_path (results_path, i, NULL);
      g_autofree char *date_path = g_strconcat (result_path, ".result_date", NULL);
      g_autofree char *test_path = g_strconcat (result_path, ".test", NULL);
      const char *test = declic_draft_get_string (profile->draft, test_path);
      GDate date, expiry;

      /* Undated results cannot be shown to be valid; validation reports them. */
      if (!declic_draft_get_date (profile->draft, date_path, &date) ||
          g_date_compare (&date, &profile->reference_date) > 0)
        continue;
      /* They stop counting on their anniversary, as declic_language_result_is_expired () and the
       * deadlines read it: on that day they no longer count. */
      expiry = date;
      g_date_add_years (&expiry, results_years);
      if (g_date_compare (&profile->reference_date, &expiry) >= 0)
        continue;

      for (guint s = 0; s < DECLIC_N_SKILLS; s++)
        {
          g_autofree char *table_id = NULL;
          int level = 0;

          if (!get_result_level (profile, result_path, test, &date, s, &level, &table_id))
            continue;
          /* The best result per skill: MIFI takes each skill's level from the results given. */
          if (level > levels[s].level)
            {
              levels[s].level = level;
              levels[s].result_index = (int) i;
              levels[s].test = test;
              levels[s].result_date = date;
              levels[s].converted = table_id != NULL;
              g_free (levels[s].table_id);
              levels[s].table_id = g_steal_pointer (&table_id);
            }
        }
    }
}

/* ---- Work history ------------------------------------------------------------------------ */

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  return g_date_compare (&((const DeclicProfilePeriod *) a)->start,
                         &((const DeclicProfilePeriod *) b)->start);
}

static void
read_work_history (DeclicProfile *profile)
{
  guint n = declic_draft_get_n_items (profile->draft, "work_history");
  GDate window_start = profile->reference_date;
  guint part_time = 0, no_hours = 0;

  g_date_subtract_years (&window_start, profile->window_years);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *base = declic_draft_item_path ("work_history", i, NULL);
      g_autofree char *type_path = g_strconcat (base, ".type", NULL);
      g_autofree char *start_path = g_strconcat (base, ".start_date", NULL);
      g_autofree char *end_path = g_strconcat (base, ".end_date", NULL);
      g_autofree char *ongoing_path = g_strconcat (base, ".ongoing", NULL);
      g_autofree char *hours_path = g_strconcat (base, ".hours_per_week", NULL);
      g_autofree char *noc_path = g_strconcat (base, ".noc_code", NULL);
      g_autofree char *country_path = g_strconcat (base, ".country", NULL);
      g_autofree char *subdivision_path = g_strconcat (base, ".subdivision", NULL);
      g_autofree char *compulsory_path = g_strconcat (base, ".compulsory", NULL);
      const char *type = declic_draft_get_string (profile->draft, type_path);
      const char *noc;
      DeclicProfilePeriod period = { 0 };
      double hours;

      if (g_strcmp0 (type, "internship") == 0)
        {
          /* Only compulsory internships may count (stream 1, DI.md §4). */
          if (!declic_draft_get_boolean (profile->draft, compulsory_path, FALSE))
            continue;
          period.internship = TRUE;
        }
      else if (g_strcmp0 (type, "work") != 0)
        continue;

      if (!declic_draft_get_date (profile->draft, start_path, &period.start))
        continue;
      if (declic_draft_get_boolean (profile->draft, ongoing_path, FALSE) ||
          !declic_draft_get_date (profile->draft, end_path, &period.end))
        {
          if (!declic_draft_get_boolean (profile->draft, ongoing_path, FALSE))
            continue;
          period.end = profile->reference_date;
        }
      if (g_date_compare (&period.end, &period.start) < 0)
        continue;

      if (!period.internship)
        {
          hours = declic_draft_get_number (profile->draft, hours_path, -1);
          if (hours < 0)
            {
              no_hours++;
              continue;
            }
          if (hours < profile->full_time_hours)
            {
              part_time++;
              continue;
            }
        }

      /* Clip to the window: only the last years count. */
      if (g_date_compare (&period.end, &window_start) < 0 ||
          g_date_compare (&period.start, &profile->reference_date) > 0)
        continue;
      if (g_date_compare (&period.start, &window_start) < 0)
        period.start = window_start;
      if (g_date_compare (&period.end, &profile->reference_date) > 0)
        period.end = profile->reference_date;

      noc = declic_draft_get_string (profile->draft, noc_path);
      period.noc_code = g_strdup (noc);
      period.teer = declic_noc_code_is_well_formed (noc) ? declic_noc_code_get_teer (noc) : -1;
      period.in_quebec = g_strcmp0 (declic_draft_get_string (profile->draft, country_path), "CA") == 0 &&
                         g_strcmp0 (declic_draft_get_string (profile->draft, subdivision_path), "CA-QC") == 0;
      period.index = i;
      g_array_append_val (profile->periods, period);
    }

  g_array_sort (profile->periods, compare_periods);

  if (part_time > 0)
    {
      g_autofree char *count = declic_format_integer (part_time, NULL);

      add_note (profile, g_strdup_printf (declic_i18n_ngettext ("%s part-time work period is not counted.",
                                                                "%s part-time work periods are not counted.",
                                                                part_time), count));
    }
  if (no_hours > 0)
    {
      g_autofree char *count = declic_format_integer (no_hours, NULL);

      add_note (profile, g_strdup_printf (declic_i18n_ngettext ("%s work period without hours per week is not counted.",
                                                                "%s work periods without hours per week are not counted.",
                                                                no_hours), count));
    }
}

typedef struct
{
  guint       teer_mask;
  gboolean    quebec_only;
  gboolean    internships;
  const char *noc_code;
} PeriodFilter;

static gboolean
period_matches (const DeclicProfilePeriod *period,
                const PeriodFilter        *filter)
{
  if (period->internship != filter->internships)
    return FALSE;
  if (filter->quebec_only && !period->in_quebec)
    return FALSE;
  if (filter->teer_mask != 0 && (period->teer < 0 || !(filter->teer_mask & (1u << period->teer))))
    return FALSE;
  if (filter->noc_code != NULL && g_strcmp0 (period->noc_code, filter->noc_code) != 0)
    return FALSE;
  return TRUE;
}

/* Whole months of the union of the matching periods: overlapping jobs count once, and each
 * merged stretch drops its partial month (how MIFI counts those is unknown). */
static int
count_months (DeclicProfile      *profile,
              const PeriodFilter *filter)
{
  GDate run_start, run_end;
  gboolean in_run = FALSE;
  int months = 0;

  g_date_clear (&run_start, 1);
  g_date_clear (&run_end, 1);

  for (guint i = 0; i < profile->periods->len; i++)
    {
      const DeclicProfilePeriod *period = &g_array_index (profile->periods, DeclicProfilePeriod, i);
      GDate next_day;

      if (!period_matches (period, filter))
        continue;

      if (in_run)
        {
          next_day = run_end;
          g_date_add_days (&next_day, 1);
          if (g_date_compare (&period->start, &next_day) <= 0)
            {
              if (g_date_compare (&period->end, &run_end) > 0)
                run_end = period->end;
              continue;
            }
          next_day = run_end;
          g_date_add_days (&next_day, 1);
          months += declic_utils_whole_months_between (&run_start, &next_day);
        }
      run_start = period->start;
      run_end = period->end;
      in_run = TRUE;
    }

  if (in_run)
    {
      GDate next_day = run_end;

      g_date_add_days (&next_day, 1);
      months += declic_utils_whole_months_between (&run_start, &next_day);
    }

  return MIN (months, EXPERIENCE_CAP_MONTHS);
}

int
declic_profile_count_months (DeclicProfile *profile,
                             guint          teer_mask,
                             gboolean       quebec_only,
                             gboolean       internships)
{
  PeriodFilter filter = { teer_mask, quebec_only, internships, NULL };

  g_return_val_if_fail (profile != NULL, 0);

  return count_months (profile, &filter);
}

/* The occupation with the most months; on a tie, the one held most recently. */
static void
find_main_occupation (DeclicProfile *profile)
{
  GDate best_end;

  g_date_clear (&best_end, 1);
  for (guint i = 0; i < profile->periods->len; i++)
    {
      const DeclicProfilePeriod *period = &g_array_index (profile->periods, DeclicProfilePeriod, i);
      PeriodFilter filter = { 0, FALSE, FALSE, period->noc_code };
      GDate last_end = period->end;
      int months;

      if (period->internship || period->noc_code == NULL)
        continue;

      for (guint j = 0; j < profile->periods->len; j++)
        {
          const DeclicProfilePeriod *other = &g_array_index (profile->periods, DeclicProfilePeriod, j);

          if (!other->internship && g_strcmp0 (other->noc_code, period->noc_code) == 0 &&
              g_date_compare (&other->end, &last_end) > 0)
            last_end = other->end;
        }
      months = count_months (profile, &filter);

      if (profile->main_noc == NULL || months > profile->main_noc_months ||
          (months == profile->main_noc_months && g_date_compare (&last_end, &best_end) > 0))
        {
          g_free (profile->main_noc);
          profile->main_noc = g_strdup (period->noc_code);
          profile->main_noc_months = months;
          profile->main_noc_teer = period->teer;
          best_end = last_end;
        }
    }
}

/* ---- Education ---------------------------------------------------------------------------- */

static void
read_education (DeclicProfile *profile)
{
  guint n = declic_draft_get_n_items (profile->draft, "education");
  json_object *diplomas = json_object_object_get (declic_draft_get_root (profile->draft), "education");
  int best = -1, best_quebec = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *level_path = declic_draft_item_path ("education", i, "level");
      g_autofree char *ongoing_path = declic_draft_item_path ("education", i, "ongoing");
      g_autofree char *end_path = declic_draft_item_path ("education", i, "end_date");
      g_autofree char *quebec_path = declic_draft_item_path ("education", i, "quebec_diploma");
      const char *level = declic_draft_get_string (profile->draft, level_path);
      int rank = declic_education_level_rank (level);
      GDate end;

      /* Only diplomas obtained by the reference date count: ongoing studies are not a diploma. */
      if (rank < 0 || declic_draft_get_boolean (profile->draft, ongoing_path, FALSE))
        continue;
      if (declic_draft_get_date (profile->draft, end_path, &end) &&
          g_date_compare (&end, &profile->reference_date) > 0)
        continue;
      /* Under a year of full-time study, a diploma earns nothing (DI.md §3.2; the checks say
       * which condition fails). */
      if (declic_diploma_judge (json_object_array_get_idx (diplomas, i), NULL, NULL) != DECLIC_DIPLOMA_COUNTS)
        {
          add_note (profile, g_strdup_printf (_("Diploma %u earns no points: it does not sanction at least one year of full-time study at a Québec secondary level or higher."),
                                              i + 1));
          continue;
        }

      if (rank > best)
        {
          best = rank;
          profile->education_level = declic_education_levels[rank].code;
        }
      if (declic_draft_get_boolean (profile->draft, quebec_path, FALSE) && rank > best_quebec)
        {
          best_quebec = rank;
          profile->quebec_diploma_level = declic_education_levels[rank].code;
        }
    }
}

/* The diagnosis list gives the main occupation's diagnosis by default; a choice in the draft
 * ("quebec.labour_market_diagnosis") overrides it, and the breakdown says which applied. */
static void
read_diagnosis (DeclicProfile *profile)
{
  DeclicLabourMarket *list = declic_labour_market_get_default ();
  const char *chosen = declic_draft_get_string (profile->draft, "quebec.labour_market_diagnosis");
  DeclicDiagnosis listed = DECLIC_DIAGNOSIS_UNKNOWN;

  if (list != NULL)
    {
      profile->diagnosis_list_id = declic_labour_market_get_id (list);
      profile->diagnosis_period_start = declic_labour_market_get_period_start (list);
      profile->diagnosis_period_end = declic_labour_market_get_period_end (list);
      if (profile->main_noc != NULL)
        listed = declic_labour_market_lookup (list, profile->main_noc);
    }
  if (listed != DECLIC_DIAGNOSIS_UNKNOWN)
    profile->listed_diagnosis = declic_diagnosis_to_string (listed);

  if (chosen != NULL && g_strcmp0 (chosen, "unknown") != 0)
    {
      profile->labour_market_diagnosis = chosen;
      profile->diagnosis_source = DECLIC_DIAGNOSIS_SOURCE_OVERRIDE;
    }
  else if (profile->listed_diagnosis != NULL)
    {
      profile->labour_market_diagnosis = profile->listed_diagnosis;
      profile->diagnosis_source = DECLIC_DIAGNOSIS_SOURCE_LIST;
    }
}

static int
get_months_field (DeclicProfile *profile,
                  const char    *path)
{
  return (int) CLAMP (declic_draft_get_integer (profile->draft, path, 0), 0, 600);
}

/* Months of residence, work or study in Québec outside the CMM at the reference date: the
 * typed count, plus the whole months since the date it was counted on when it is still going
 * on (a plan's later dates see it grow). */
static int
get_outside_cmm_months (DeclicProfile *profile,
                        const char    *what)
{
  g_autofree char *months_path = g_strconcat ("quebec.months_outside_cmm_", what, NULL);
  g_autofree char *ongoing_path = g_strconcat ("quebec.outside_cmm_", what, "_ongoing", NULL);
  int months = get_months_field (profile, months_path);
  GDate counted_on;

  if (declic_draft_get_boolean (profile->draft, ongoing_path, FALSE) &&
      declic_draft_get_date (profile->draft, "quebec.outside_cmm_counted_on", &counted_on) &&
      g_date_compare (&counted_on, &profile->reference_date) < 0)
    months += declic_utils_whole_months_between (&counted_on, &profile->reference_date);
  return CLAMP (months, 0, 600);
}

/**
 * declic_profile_new:
 * @draft: the draft; kept alive by the profile, never changed
 * @rule_set: (nullable): the rule set whose figures apply; DI.md's when NULL
 * @reference_date: the date ages, windows and validity are measured at
 *
 * Returns: (transfer full): the profile
 */
DeclicProfile *
declic_profile_new (DeclicDraft   *draft,
                    DeclicRuleSet *rule_set,
                    const GDate   *reference_date)
{
  DeclicProfile *profile;
  int results_years = DEFAULT_RESULTS_YEARS;
  g_autofree char *date_text = NULL;
  g_autofree char *hours_text = NULL;
  g_autofree char *years_text = NULL;
  g_autofree char *cap_text = NULL;
  GDate birth;

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (rule_set == NULL || DECLIC_IS_RULE_SET (rule_set), NULL);
  g_return_val_if_fail (reference_date != NULL && g_date_valid (reference_date), NULL);

  profile = g_new0 (DeclicProfile, 1);
  profile->draft = g_object_ref (draft);
  profile->reference_date = *reference_date;
  profile->periods = g_array_new (FALSE, TRUE, sizeof (DeclicProfilePeriod));
  g_array_set_clear_func (profile->periods, clear_period);
  profile->notes = g_ptr_array_new_with_free_func (g_free);
  profile->window_years = DEFAULT_WINDOW_YEARS;
  profile->full_time_hours = DEFAULT_FULL_TIME_HOURS;
  profile->main_noc_teer = -1;

  if (rule_set != NULL)
    {
      profile->window_years = (int) declic_rule_set_get_figure (rule_set, "work_hours", "window_years", DEFAULT_WINDOW_YEARS);
      profile->full_time_hours = (int) declic_rule_set_get_figure (rule_set, "work_hours", "full_time_hours_per_week", DEFAULT_FULL_TIME_HOURS);
      results_years = (int) declic_rule_set_get_figure (rule_set, "language_results", "years", DEFAULT_RESULTS_YEARS);
    }

  profile->age = -1;
  if (declic_draft_get_date (draft, "personal.birth_date", &birth))
    profile->age = declic_utils_age_at (&birth, reference_date);

  profile->spouse_accompanies = declic_draft_get_boolean (draft, "family.spouse_accompanies", FALSE);
  profile->spouse_age = -1;
  if (profile->spouse_accompanies &&
      declic_draft_get_date (draft, "family.spouse.birth_date", &birth))
    profile->spouse_age = declic_utils_age_at (&birth, reference_date);

  /* "No standardized result" wins over stale results left in the file. */
  clear_levels (profile->french);
  clear_levels (profile->spouse_french);
  if (!declic_draft_get_boolean (draft, "french.no_result", FALSE))
    read_language (profile, "french", results_years, profile->french);
  if (profile->spouse_accompanies && !declic_draft_get_boolean (draft, "family.spouse.french.no_result", FALSE))
    read_language (profile, "family.spouse.french", results_years, profile->spouse_french);

  read_work_history (profile);
  profile->experience_months = declic_profile_count_months (profile, 0, FALSE, FALSE);
  profile->quebec_experience_months = declic_profile_count_months (profile, 0, TRUE, FALSE);
  profile->internship_months = declic_profile_count_months (profile, 0, FALSE, TRUE);
  find_main_occupation (profile);

  date_text = declic_format_date_long (reference_date, NULL);
  hours_text = declic_format_integer (profile->full_time_hours, NULL);
  years_text = declic_format_integer (profile->window_years, NULL);
  cap_text = declic_format_integer (EXPERIENCE_CAP_MONTHS, NULL);
  add_note (profile, g_strdup_printf (declic_i18n_ngettext ("Work experience counts full-time work periods only (%s hours a week or more) in the %s year before %s, overlapping periods once, whole months only, at most %s months: how MIFI counts partial months and part-time work is not known.",
                                                            "Work experience counts full-time work periods only (%s hours a week or more) in the %s years before %s, overlapping periods once, whole months only, at most %s months: how MIFI counts partial months and part-time work is not known.",
                                                            (gulong) profile->window_years),
                                      hours_text, years_text, date_text, cap_text));

  read_education (profile);
  if (profile->spouse_accompanies)
    {
      const char *level = declic_draft_get_string (draft, "family.spouse.education_level");
      const char *quebec = declic_draft_get_string (draft, "family.spouse.quebec_diploma_level");
      int rank = declic_education_level_rank (level);
      int quebec_rank = declic_education_level_rank (quebec);

      profile->spouse_education_level = rank >= 0 ? declic_education_levels[rank].code : NULL;
      profile->spouse_quebec_diploma_level = quebec_rank >= 0 ? declic_education_levels[quebec_rank].code : NULL;
      profile->spouse_quebec_experience_months = get_months_field (profile, "family.spouse.quebec_experience_months");
    }

  profile->has_job_offer = declic_draft_get_boolean (draft, "job_offer.has_offer", FALSE);
  if (profile->has_job_offer)
    {
      profile->job_offer_location_known = declic_draft_has (draft, "job_offer.inside_cmm");
      /* Unknown location: the smaller figure, so that the estimate does not promise too much. */
      profile->job_offer_inside_cmm = declic_draft_get_boolean (draft, "job_offer.inside_cmm", TRUE);
    }

  profile->family_member = declic_draft_get_string (draft, "quebec.family_member");
  profile->regulated_profession = declic_draft_get_boolean (draft, "quebec.regulated_profession", FALSE);
  profile->authorization_to_practise = declic_draft_get_boolean (draft, "quebec.authorization_to_practise", FALSE);
  read_diagnosis (profile);
  profile->months_outside_cmm_residence = get_outside_cmm_months (profile, "residence");
  profile->months_outside_cmm_work = get_outside_cmm_months (profile, "work");
  profile->months_outside_cmm_study = get_outside_cmm_months (profile, "study");
  profile->studies_completed_months = get_months_field (profile, "quebec.studies_without_diploma_completed_months");
  profile->studies_ongoing_months = get_months_field (profile, "quebec.studies_without_diploma_ongoing_months");

  return profile;
}
