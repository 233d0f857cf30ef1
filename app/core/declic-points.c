/* declic-points.c: an estimate of the PSTQ ranking score (see the header). */
#define G_LOG_DOMAIN "declic-points"

#include "config.h"

#include <json-c/json.h>

#include "declic-format.h"
#include "declic-draft-fields.h"
#include "declic-i18n.h"
#include "declic-points.h"
#include "declic-utils.h"

G_DEFINE_QUARK (declic-points-error-quark, declic_points_error)

static const char *factor_ids[DECLIC_POINTS_N_FACTORS] = { "human_capital", "quebec_needs", "adaptation" };

const char *
declic_points_factor_get_id (DeclicPointsFactor factor)
{
  g_return_val_if_fail (factor < DECLIC_POINTS_N_FACTORS, NULL);

  return factor_ids[factor];
}

const char *
declic_points_factor_get_label (DeclicPointsFactor factor)
{
  switch (factor)
    {
    case DECLIC_POINTS_FACTOR_HUMAN_CAPITAL:
      return _("Human capital");
    case DECLIC_POINTS_FACTOR_QUEBEC_NEEDS:
      return _("Québec’s needs");
    case DECLIC_POINTS_FACTOR_ADAPTATION:
      return _("Adaptation");
    case DECLIC_POINTS_N_FACTORS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
item_free (gpointer data)
{
  DeclicPointsItem *item = data;

  g_free (item->id);
  g_free (item->label);
  g_free (item->input);
  g_free (item->path);
  g_free (item);
}

void
declic_points_free (DeclicPoints *points)
{
  if (points == NULL)
    return;

  g_free (points->rule_set_id);
  g_free (points->grid_id);
  g_free (points->grid_version);
  g_ptr_array_unref (points->items);
  g_ptr_array_unref (points->notes);
  g_free (points);
}

DeclicPointsItem *
declic_points_get_item (DeclicPoints *points,
                        const char   *id)
{
  g_return_val_if_fail (points != NULL, NULL);

  for (guint i = 0; i < points->items->len; i++)
    {
      DeclicPointsItem *item = g_ptr_array_index (points->items, i);

      if (g_strcmp0 (item->id, id) == 0)
        return item;
    }
  return NULL;
}

/* ---- Reading the grid -------------------------------------------------------------------- */

typedef struct
{
  DeclicPoints  *points;
  DeclicRuleSet *rule_set;
  DeclicProfile *profile;
  const char    *column;   /* "single" or "spouse" */
} Scorer;

static json_object *
get_member (json_object *object,
            const char  *member)
{
  json_object *node = NULL;

  if (object == NULL || !json_object_object_get_ex (object, member, &node))
    return NULL;
  return node;
}

/* Points of a level in a "levels" table: {"university_1_3y": {"single": 104, "spouse": 88}}. */
static gint64
lookup_level (json_object *levels,
              const char  *level,
              const char  *column)
{
  json_object *row = get_member (levels, level);
  json_object *node = get_member (row, column);

  if (node == NULL)
    node = get_member (row, "points");
  return node != NULL && json_object_is_type (node, json_type_int) ? json_object_get_int64 (node) : 0;
}

static gint64
bands_points (json_object *bands,
              gint64       value,
              const char  *column)
{
  gint64 points = 0;

  /* Below the first band (age 17, 3 months) gives nothing. */
  if (!declic_rule_bands_lookup (bands, value, column, &points))
    return 0;
  return points;
}

/* Takes @input. */
static DeclicPointsItem *
add_item (Scorer             *scorer,
          DeclicPointsFactor  factor,
          const char         *id,
          const char         *label,
          gint64              points,
          gint64              max,
          char               *input,
          const char         *path)
{
  DeclicPointsItem *item = g_new0 (DeclicPointsItem, 1);

  item->id = g_strdup (id);
  item->label = g_strdup (label);
  item->factor = factor;
  item->points = (int) points;
  item->max = (int) max;
  item->input = input;
  item->path = g_strdup (path != NULL ? path : "");
  g_ptr_array_add (scorer->points->items, item);
  return item;
}

static char *
describe_months (int months)
{
  g_autofree char *text = declic_format_integer (months, NULL);

  return g_strdup_printf (declic_i18n_ngettext ("%s month", "%s months", months), text);
}

static char *
describe_age (int age)
{
  g_autofree char *text = declic_format_integer (age, NULL);

  return g_strdup_printf (declic_i18n_ngettext ("%s year old", "%s years old", age), text);
}

static char *
describe_level (const DeclicSkillLevel *level)
{
  g_autofree char *date = NULL;
  const char *test;

  if (level->level <= 0)
    return g_strdup (_("no valid, unexpired result"));

  date = declic_format_date_long (&level->result_date, NULL);
  test = declic_enum_choice_get_label ("french.results[].test", level->test);
  if (level->converted)
    /* Translators: "level 7 (TCF Canada, 2025-03-01, converted from the score with table tcf-canada)" */
    return g_strdup_printf (_("level %d (%s, %s, converted from the score with table %s)"),
                            level->level, test != NULL ? test : "?", date, level->table_id);
  /* Translators: "level 7 (TCF Canada, 2025-03-01)" */
  return g_strdup_printf (_("level %d (%s, %s)"), level->level, test != NULL ? test : "?", date);
}

static const char *
describe_education (const char *level)
{
  if (level == NULL)
    return _("no diploma declared");
  return declic_enum_choice_get_label ("education[].level", level);
}

/* ---- The factors ------------------------------------------------------------------------- */

static void
score_french (Scorer             *scorer,
              const char         *group_id,
              DeclicPointsFactor  factor,
              const char         *prefix,
              const DeclicSkillLevel *levels,
              const char         *path)
{
  json_object *bands = get_member (declic_rule_set_get_group (scorer->rule_set, group_id), "bands");
  /* One table for the four skills: its most is the same for each. */
  gint64 max = declic_rule_bands_get_max (bands, scorer->column);

  for (guint s = 0; s < DECLIC_N_SKILLS; s++)
    {
      g_autofree char *id = g_strconcat (prefix, ".", declic_skill_get_id (s), NULL);
      g_autofree char *label = NULL;

      if (g_str_has_prefix (prefix, "spouse"))
        /* Translators: "Spouse’s French, listening" */
        label = g_strdup_printf (_("Spouse’s French, %s"), declic_skill_get_label (s));
      else
        /* Translators: "French, listening" */
        label = g_strdup_printf (_("French, %s"), declic_skill_get_label (s));

      add_item (scorer, factor, id, label,
                levels[s].level > 0 ? bands_points (bands, levels[s].level, scorer->column) : 0,
                max,
                describe_level (&levels[s]), path);
    }
}

static void
score_human_capital (Scorer *scorer)
{
  DeclicProfile *profile = scorer->profile;
  const DeclicPointsFactor f = DECLIC_POINTS_FACTOR_HUMAN_CAPITAL;
  json_object *age = get_member (declic_rule_set_get_group (scorer->rule_set, "grid.age"), "bands");
  json_object *experience = get_member (declic_rule_set_get_group (scorer->rule_set, "grid.experience"), "bands");
  json_object *education = get_member (declic_rule_set_get_group (scorer->rule_set, "grid.education"), "levels");

  score_french (scorer, "grid.french", f, "french", profile->french, "french.results");

  add_item (scorer, f, "age", _("Age"),
            profile->age >= 0 ? bands_points (age, profile->age, scorer->column) : 0,
            declic_rule_bands_get_max (age, scorer->column),
            profile->age >= 0
              ? describe_age (profile->age)
              : g_strdup (_("date of birth missing")),
            "personal.birth_date");

  add_item (scorer, f, "experience", _("Work experience"),
            bands_points (experience, profile->experience_months, scorer->column),
            declic_rule_bands_get_max (experience, scorer->column),
            describe_months (profile->experience_months), "work_history");

  add_item (scorer, f, "education", _("Education"),
            lookup_level (education, profile->education_level != NULL ? profile->education_level : "none",
                          scorer->column),
            declic_rule_levels_get_max (education, scorer->column),
            g_strdup (describe_education (profile->education_level)), "education");
}

static void
score_quebec_needs (Scorer *scorer)
{
  DeclicProfile *profile = scorer->profile;
  const DeclicPointsFactor f = DECLIC_POINTS_FACTOR_QUEBEC_NEEDS;
  json_object *diagnoses = get_member (declic_rule_set_get_group (scorer->rule_set, "grid.diagnosis"), "diagnoses");
  json_object *authorization = declic_rule_set_get_group (scorer->rule_set, "grid.authorization");
  json_object *diploma = get_member (declic_rule_set_get_group (scorer->rule_set, "grid.quebec_diploma"), "levels");
  json_object *experience = get_member (declic_rule_set_get_group (scorer->rule_set, "grid.quebec_experience"), "bands");
  json_object *outside = declic_rule_set_get_group (scorer->rule_set, "grid.outside_cmm");
  json_object *offer = declic_rule_set_get_group (scorer->rule_set, "grid.job_offer");
  gint64 diagnosis_max = 0, diagnosis_points = 0;
  char *input;

  if (diagnoses != NULL && json_object_is_type (diagnoses, json_type_object))
    {
      json_object_object_foreach (diagnoses, key, bands)
      {
        (void) key;
        diagnosis_max = MAX (diagnosis_max, declic_rule_bands_get_max (bands, "points"));
      }
    }
  if (profile->main_noc == NULL)
    input = g_strdup (_("no main occupation found"));
  else if (profile->labour_market_diagnosis == NULL)
    {
      g_autofree char *months = describe_months (profile->main_noc_months);

      input = g_strdup_printf (_("NOC %s, %s; not in the diagnosis list and not chosen"),
                               profile->main_noc, months);
      g_ptr_array_add (scorer->points->notes,
                       g_strdup (_("The main occupation has no labour-market diagnosis in the list: choose one (Ties to Québec) to count it; it can be worth up to 120 points.")));
    }
  else
    {
      g_autofree char *months = describe_months (profile->main_noc_months);
      const char *label = declic_enum_choice_get_label ("quebec.labour_market_diagnosis",
                                                        profile->labour_market_diagnosis);
      g_autofree char *source = NULL;

      diagnosis_points = bands_points (get_member (diagnoses, profile->labour_market_diagnosis),
                                       profile->main_noc_months, "points");
      if (profile->diagnosis_source == DECLIC_DIAGNOSIS_SOURCE_LIST)
        /* Translators: where a diagnosis came from: "the list lmd-2024-2028 (2024–2028, secondary source)" */
        source = g_strdup_printf (_("from the list %s (%d–%d, secondary source)"), profile->diagnosis_list_id,
                                  profile->diagnosis_period_start, profile->diagnosis_period_end);
      else if (profile->listed_diagnosis != NULL)
        source = g_strdup_printf (_("your choice, instead of “%s” in the list %s"),
                                  declic_enum_choice_get_label ("quebec.labour_market_diagnosis", profile->listed_diagnosis),
                                  profile->diagnosis_list_id);
      else
        source = g_strdup (_("your choice"));
      /* Translators: "NOC 21231, slight deficit, 30 months (from the list lmd-2024-2028 …)" */
      input = g_strdup_printf (_("NOC %s, %s, %s (%s)"), profile->main_noc,
                               label != NULL ? label : profile->labour_market_diagnosis, months, source);
      if (get_member (diagnoses, profile->labour_market_diagnosis) == NULL)
        g_ptr_array_add (scorer->points->notes,
                         g_strdup_printf (_("A “%s” diagnosis earns no points: the grid gives points for a balanced market, a slight deficit or a deficit only."),
                                          label != NULL ? label : profile->labour_market_diagnosis));
    }
  if (profile->main_noc != NULL)
    {
      g_autofree char *months = declic_format_integer (profile->main_noc_months, NULL);

      g_ptr_array_add (scorer->points->notes,
                       g_strdup_printf (declic_i18n_ngettext ("The main occupation, NOC %s, is the one with the most full-time months in the 5-year window (%s month); on a tie, the one held most recently.",
                                                              "The main occupation, NOC %s, is the one with the most full-time months in the 5-year window (%s months); on a tie, the one held most recently.",
                                                              profile->main_noc_months),
                                        profile->main_noc, months));
    }
  add_item (scorer, f, "diagnosis", _("Labour-market diagnosis of the main occupation"),
            diagnosis_points, diagnosis_max, input, "quebec.labour_market_diagnosis");

  add_item (scorer, f, "authorization", _("Authorisation to practise in Québec"),
            profile->authorization_to_practise ? declic_utils_json_get_int (authorization, "points", 0) : 0,
            declic_utils_json_get_int (authorization, "points", 0),
            g_strdup (profile->authorization_to_practise ? _("declared") : _("not declared")),
            "quebec.authorization_to_practise");

  add_item (scorer, f, "quebec_diploma", _("Québec diploma"),
            profile->quebec_diploma_level != NULL ? lookup_level (diploma, profile->quebec_diploma_level, "points") : 0,
            declic_rule_levels_get_max (diploma, "points"),
            g_strdup (profile->quebec_diploma_level != NULL ? describe_education (profile->quebec_diploma_level)
                                                            : _("no Québec diploma")),
            "education");

  add_item (scorer, f, "quebec_experience", _("Work experience in Québec"),
            bands_points (experience, profile->quebec_experience_months, "points"),
            declic_rule_bands_get_max (experience, "points"),
            describe_months (profile->quebec_experience_months), "work_history");

  add_item (scorer, f, "outside_cmm.residence", _("Living in Québec outside the CMM"),
            bands_points (get_member (outside, "residence"), profile->months_outside_cmm_residence, "points"),
            declic_rule_bands_get_max (get_member (outside, "residence"), "points"),
            describe_months (profile->months_outside_cmm_residence), "quebec.months_outside_cmm_residence");
  add_item (scorer, f, "outside_cmm.work", _("Working in Québec outside the CMM"),
            bands_points (get_member (outside, "work"), profile->months_outside_cmm_work, "points"),
            declic_rule_bands_get_max (get_member (outside, "work"), "points"),
            describe_months (profile->months_outside_cmm_work), "quebec.months_outside_cmm_work");
  add_item (scorer, f, "outside_cmm.study", _("Studying in Québec outside the CMM"),
            bands_points (get_member (outside, "study"), profile->months_outside_cmm_study, "points"),
            declic_rule_bands_get_max (get_member (outside, "study"), "points"),
            describe_months (profile->months_outside_cmm_study), "quebec.months_outside_cmm_study");

  if (!profile->has_job_offer)
    input = g_strdup (_("none"));
  else if (!profile->job_offer_location_known)
    {
      input = g_strdup (_("location not given, counted as inside the CMM"));
      g_ptr_array_add (scorer->points->notes,
                       g_strdup (_("Say whether the validated job offer is inside the CMM: outside it is worth more.")));
    }
  else
    input = g_strdup (profile->job_offer_inside_cmm ? _("inside the CMM") : _("outside the CMM"));
  add_item (scorer, f, "job_offer", _("Validated job offer"),
            profile->has_job_offer
              ? declic_utils_json_get_int (offer, profile->job_offer_inside_cmm ? "inside_cmm" : "outside_cmm", 0)
              : 0,
            MAX (declic_utils_json_get_int (offer, "inside_cmm", 0),
                 declic_utils_json_get_int (offer, "outside_cmm", 0)),
            input, "job_offer");
}

static void
score_adaptation (Scorer *scorer)
{
  DeclicProfile *profile = scorer->profile;
  const DeclicPointsFactor f = DECLIC_POINTS_FACTOR_ADAPTATION;
  json_object *studies = declic_rule_set_get_group (scorer->rule_set, "grid.studies_without_diploma");
  json_object *family = declic_rule_set_get_group (scorer->rule_set, "grid.family_member");
  gint64 completed = bands_points (get_member (studies, "completed"), profile->studies_completed_months, "points");
  gint64 ongoing = bands_points (get_member (studies, "ongoing"), profile->studies_ongoing_months, "points");
  gint64 family_points = 0;
  g_autofree char *completed_text = describe_months (profile->studies_completed_months);
  g_autofree char *ongoing_text = describe_months (profile->studies_ongoing_months);

  /* Completed and ongoing studies do not add up: the grid's maxima only work with the larger. */
  add_item (scorer, f, "studies_without_diploma", _("Studies in Québec without a diploma"),
            MAX (completed, ongoing),
            MAX (declic_rule_bands_get_max (get_member (studies, "completed"), "points"),
                 declic_rule_bands_get_max (get_member (studies, "ongoing"), "points")),
            /* Translators: "completed: 14 months, ongoing: 0 months" */
            g_strdup_printf (_("completed: %s, ongoing: %s"), completed_text, ongoing_text),
            "quebec");

  if (g_strcmp0 (profile->family_member, "applicant") == 0)
    family_points = declic_utils_json_get_int (family, "applicant", 0);
  else if (g_strcmp0 (profile->family_member, "spouse") == 0 && profile->spouse_accompanies)
    family_points = declic_utils_json_get_int (family, "spouse", 0);
  add_item (scorer, f, "family_member", _("Family member in Québec"),
            family_points,
            MAX (declic_utils_json_get_int (family, "applicant", 0),
                 declic_utils_json_get_int (family, "spouse", 0)),
            g_strdup (declic_enum_choice_get_label ("quebec.family_member",
                                                    profile->family_member != NULL ? profile->family_member : "none")),
            "quebec.family_member");

  if (!profile->spouse_accompanies)
    return;

  {
    json_object *age = get_member (declic_rule_set_get_group (scorer->rule_set, "grid.spouse_age"), "bands");
    json_object *experience = get_member (declic_rule_set_get_group (scorer->rule_set, "grid.spouse_quebec_experience"), "bands");
    json_object *education = get_member (declic_rule_set_get_group (scorer->rule_set, "grid.spouse_education"), "levels");
    json_object *diploma = get_member (declic_rule_set_get_group (scorer->rule_set, "grid.spouse_quebec_diploma"), "levels");

    score_french (scorer, "grid.spouse_french", f, "spouse.french", profile->spouse_french,
                  "family.spouse.french.results");
    add_item (scorer, f, "spouse.age", _("Spouse’s age"),
              profile->spouse_age >= 0 ? bands_points (age, profile->spouse_age, "points") : 0,
              declic_rule_bands_get_max (age, "points"),
              profile->spouse_age >= 0
                ? describe_age (profile->spouse_age)
                : g_strdup (_("date of birth missing")),
              "family.spouse.birth_date");
    add_item (scorer, f, "spouse.quebec_experience", _("Spouse’s work experience in Québec"),
              bands_points (experience, profile->spouse_quebec_experience_months, "points"),
              declic_rule_bands_get_max (experience, "points"),
              describe_months (profile->spouse_quebec_experience_months),
              "family.spouse.quebec_experience_months");
    add_item (scorer, f, "spouse.education", _("Spouse’s education"),
              lookup_level (education, profile->spouse_education_level != NULL ? profile->spouse_education_level : "none", "points"),
              declic_rule_levels_get_max (education, "points"),
              g_strdup (describe_education (profile->spouse_education_level)),
              "family.spouse.education_level");
    add_item (scorer, f, "spouse.quebec_diploma", _("Spouse’s Québec diploma"),
              profile->spouse_quebec_diploma_level != NULL
                ? lookup_level (diploma, profile->spouse_quebec_diploma_level, "points") : 0,
              declic_rule_levels_get_max (diploma, "points"),
              g_strdup (profile->spouse_quebec_diploma_level != NULL
                          ? describe_education (profile->spouse_quebec_diploma_level)
                          : _("no Québec diploma")),
              "family.spouse.quebec_diploma_level");
  }
}

/**
 * declic_points_compute:
 * @profile: what the draft says, at the reference date
 * @rule_set: a rule set with a ranking grid
 *
 * Returns: (transfer full): the estimate, or NULL with @error set when @rule_set has no grid
 */
DeclicPoints *
declic_points_compute (DeclicProfile  *profile,
                       DeclicRuleSet  *rule_set,
                       GError        **error)
{
  g_autoptr(DeclicPoints) points = NULL;
  json_object *grid, *node;
  Scorer scorer;

  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (DECLIC_IS_RULE_SET (rule_set), NULL);

  grid = declic_rule_set_get_group (rule_set, "grid");
  if (grid == NULL)
    {
      g_set_error (error, DECLIC_POINTS_ERROR, DECLIC_POINTS_ERROR_NO_GRID,
                   _("The rule set “%s” has no ranking grid: no score can be estimated with it."),
                   declic_rule_set_get_id (rule_set));
      return NULL;
    }

  points = g_new0 (DeclicPoints, 1);
  points->rule_set_id = g_strdup (declic_rule_set_get_id (rule_set));
  node = get_member (grid, "id");
  points->grid_id = g_strdup (node != NULL ? json_object_get_string (node) : declic_rule_set_get_id (rule_set));
  node = get_member (grid, "version");
  points->grid_version = g_strdup (node != NULL ? json_object_get_string (node) : "");
  points->status = declic_rule_set_get_group_status (rule_set, "grid");
  points->estimate = TRUE;
  points->with_spouse = profile->spouse_accompanies;
  points->items = g_ptr_array_new_with_free_func (item_free);
  points->notes = g_ptr_array_new_with_free_func (g_free);

  scorer.points = points;
  scorer.rule_set = rule_set;
  scorer.profile = profile;
  scorer.column = profile->spouse_accompanies ? "spouse" : "single";

  score_human_capital (&scorer);
  score_quebec_needs (&scorer);
  score_adaptation (&scorer);

  for (guint i = 0; i < points->items->len; i++)
    {
      DeclicPointsItem *item = g_ptr_array_index (points->items, i);

      points->factor_points[item->factor] += item->points;
      points->factor_max[item->factor] += item->max;
      points->total += item->points;
      points->max_total += item->max;
    }

  if (profile->spouse_accompanies && profile->spouse_age >= 0 && profile->spouse_age < 16)
    g_ptr_array_add (points->notes,
                     g_strdup (_("An accompanying spouse must be 16 or older: the spouse’s age scores no points.")));

  return g_steal_pointer (&points);
}
