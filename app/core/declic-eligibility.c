/* declic-eligibility.c: which PSTQ streams a profile meets, and why not (see the header). */
#define G_LOG_DOMAIN "declic-eligibility"

#include "config.h"

#include <json-c/json.h>

#include "declic-eligibility.h"
#include "declic-finding.h"
#include "declic-format.h"
#include "declic-i18n.h"
#include "declic-utils.h"

static void
stream_free (gpointer data)
{
  DeclicStreamEligibility *stream = data;

  g_free (stream->id);
  g_free (stream->title);
  g_ptr_array_unref (stream->reasons);
  g_ptr_array_unref (stream->notes);
  g_free (stream);
}

void
declic_eligibility_free (DeclicEligibility *eligibility)
{
  if (eligibility == NULL)
    return;

  g_free (eligibility->rule_set_id);
  g_ptr_array_unref (eligibility->streams);
  g_free (eligibility);
}

static gboolean
get_bool (json_object *object,
          const char  *member)
{
  json_object *node = NULL;

  return json_object_object_get_ex (object, member, &node) &&
         json_object_is_type (node, json_type_boolean) && json_object_get_boolean (node);
}

/* "teer": [0, 1, 2] as bit n for TEER n. */
static guint
get_teer_mask (json_object *object)
{
  json_object *array = NULL;
  guint mask = 0;

  if (!json_object_object_get_ex (object, "teer", &array) || !json_object_is_type (array, json_type_array))
    return 0;
  for (size_t i = 0; i < json_object_array_length (array); i++)
    {
      int teer = json_object_get_int (json_object_array_get_idx (array, i));

      if (teer >= 0 && teer <= 5)
        mask |= 1u << teer;
    }
  return mask;
}

/* "0–2", "3–5" or "0, 2": for messages. */
static char *
format_teer_mask (guint mask)
{
  int first = -1, last = -1;
  gboolean contiguous = TRUE;
  GString *text;

  for (int t = 0; t <= 5; t++)
    if (mask & (1u << t))
      {
        if (first < 0)
          first = t;
        else if (t != last + 1)
          contiguous = FALSE;
        last = t;
      }
  if (first < 0)
    return g_strdup ("");
  if (contiguous)
    return first == last ? g_strdup_printf ("%d", first) : g_strdup_printf ("%d–%d", first, last);

  text = g_string_new (NULL);
  for (int t = 0; t <= 5; t++)
    if (mask & (1u << t))
      g_string_append_printf (text, "%s%d", text->len > 0 ? ", " : "", t);
  return g_string_free (text, FALSE);
}

/* "eligibility.<stream>.<problem>", a finding's code: concatenated, since printf's reading of
 * a format costs more than the rest of the string (eight codes a check, fifty checks a plan). */
static char *
stream_code (const DeclicStreamEligibility *stream,
             const char                    *problem)
{
  return g_strconcat ("eligibility.", stream->id, ".", problem, NULL);
}

static int
min_level (const DeclicSkillLevel *levels,
           DeclicSkill             a,
           DeclicSkill             b)
{
  return MIN (levels[a].level, levels[b].level);
}

/* @row: {"oral": 7, "written": 5}, the levels required (a missing one: none). Oral is listening
 * and speaking, written reading and writing: the weaker skill decides. */
static void
check_french (DeclicStreamEligibility *stream,
              DeclicProfile           *profile,
              json_object             *row)
{
  int oral_required = (int) declic_utils_json_get_int (row, "oral", 0);
  int written_required = (int) declic_utils_json_get_int (row, "written", 0);
  int oral = min_level (profile->french, DECLIC_SKILL_LISTENING, DECLIC_SKILL_SPEAKING);
  int written = min_level (profile->french, DECLIC_SKILL_READING, DECLIC_SKILL_WRITING);
  g_autofree char *code_oral = stream_code (stream, "french_oral");
  g_autofree char *code_written = stream_code (stream, "french_written");

  if (oral_required > 0 && oral < oral_required)
    {
      if (oral == 0)
        declic_finding_list_add_printf (stream->reasons, code_oral, "french", DECLIC_SECTION_FRENCH,
                                        DECLIC_SEVERITY_WARNING,
                                        _("There is no valid, unexpired French result for listening and speaking; stream %d requires oral level %d."),
                                        stream->number, oral_required);
      else
        declic_finding_list_add_printf (stream->reasons, code_oral, "french", DECLIC_SECTION_FRENCH,
                                        DECLIC_SEVERITY_WARNING,
                                        _("Oral French level %d is below the %d required for stream %d (listening %d, speaking %d)."),
                                        oral, oral_required, stream->number,
                                        profile->french[DECLIC_SKILL_LISTENING].level,
                                        profile->french[DECLIC_SKILL_SPEAKING].level);
    }

  if (written_required > 0 && written < written_required)
    {
      if (written == 0)
        declic_finding_list_add_printf (stream->reasons, code_written, "french", DECLIC_SECTION_FRENCH,
                                        DECLIC_SEVERITY_WARNING,
                                        _("There is no valid, unexpired French result for reading and writing; stream %d requires written level %d."),
                                        stream->number, written_required);
      else
        declic_finding_list_add_printf (stream->reasons, code_written, "french", DECLIC_SECTION_FRENCH,
                                        DECLIC_SEVERITY_WARNING,
                                        _("Written French level %d is below the %d required for stream %d (reading %d, writing %d)."),
                                        written, written_required, stream->number,
                                        profile->french[DECLIC_SKILL_READING].level,
                                        profile->french[DECLIC_SKILL_WRITING].level);
    }
}

static void
check_spouse_french (DeclicStreamEligibility *stream,
                     DeclicProfile           *profile,
                     int                      oral_required)
{
  int oral = min_level (profile->spouse_french, DECLIC_SKILL_LISTENING, DECLIC_SKILL_SPEAKING);
  g_autofree char *code = stream_code (stream, "spouse_french_oral");

  if (!profile->spouse_accompanies || oral_required <= 0 || oral >= oral_required)
    return;

  if (oral == 0)
    declic_finding_list_add_printf (stream->reasons, code, "family.spouse.french", DECLIC_SECTION_FAMILY,
                                    DECLIC_SEVERITY_WARNING,
                                    _("The accompanying spouse has no valid, unexpired French result for listening and speaking; stream %d requires oral level %d."),
                                    stream->number, oral_required);
  else
    declic_finding_list_add_printf (stream->reasons, code, "family.spouse.french", DECLIC_SECTION_FAMILY,
                                    DECLIC_SEVERITY_WARNING,
                                    _("The accompanying spouse’s oral French level %d is below the %d required for stream %d."),
                                    oral, oral_required, stream->number);
}

static gboolean
check_main_occupation (DeclicStreamEligibility *stream,
                       DeclicProfile           *profile,
                       guint                    teer_mask)
{
  g_autofree char *teers = format_teer_mask (teer_mask);
  g_autofree char *code = stream_code (stream, "occupation");

  if (profile->main_noc == NULL || profile->main_noc_teer < 0)
    {
      g_autofree char *years = declic_format_integer (profile->window_years, NULL);

      declic_finding_list_add_printf (stream->reasons, code, "work_history", DECLIC_SECTION_WORK,
                                      DECLIC_SEVERITY_WARNING,
                                      declic_i18n_ngettext ("No full-time work with a valid NOC code in the last %s year: stream %d requires an occupation of TEER %s.",
                                                            "No full-time work with a valid NOC code in the last %s years: stream %d requires an occupation of TEER %s.",
                                                            profile->window_years),
                                      years, stream->number, teers);
      return FALSE;
    }
  if (teer_mask != 0 && !(teer_mask & (1u << profile->main_noc_teer)))
    {
      declic_finding_list_add_printf (stream->reasons, code, "work_history", DECLIC_SECTION_WORK,
                                      DECLIC_SEVERITY_WARNING,
                                      _("The main occupation, NOC %s, is TEER %d: stream %d requires TEER %s."),
                                      profile->main_noc, profile->main_noc_teer, stream->number, teers);
      return FALSE;
    }
  return TRUE;
}

static void
check_experience (DeclicStreamEligibility *stream,
                  DeclicProfile           *profile,
                  json_object             *spec,
                  guint                    teer_mask)
{
  gint64 required = declic_utils_json_get_int (spec, "experience_months", 0);
  gint64 quebec_required = declic_utils_json_get_int (spec, "quebec_experience_months", 0);
  gint64 internship_cap = declic_utils_json_get_int (spec, "compulsory_internship_months", 0);
  int months = declic_profile_count_months (profile, teer_mask, FALSE, FALSE);
  int quebec = declic_profile_count_months (profile, teer_mask, TRUE, FALSE);
  int internships = 0;
  g_autofree char *teers = format_teer_mask (teer_mask);
  g_autofree char *code = stream_code (stream, "experience");
  g_autofree char *quebec_code = stream_code (stream, "quebec_experience");

  if (internship_cap > 0)
    {
      internships = MIN (declic_profile_count_months (profile, teer_mask, FALSE, TRUE), (int) internship_cap);
      if (internships > 0 && months < required)
        {
          g_autofree char *count = declic_format_integer (internships, NULL);

          declic_finding_list_add_printf (stream->notes, "eligibility.internship_counted", "work_history",
                                          DECLIC_SECTION_WORK, DECLIC_SEVERITY_INFO,
                                          declic_i18n_ngettext ("%s month of compulsory internship is counted toward stream %d’s experience.",
                                                                "%s months of compulsory internship are counted toward stream %d’s experience.",
                                                                internships),
                                          count, stream->number);
        }
      else
        internships = 0;
    }

  if (required > 0 && months + internships < required)
    {
      g_autofree char *years = declic_format_integer (profile->window_years, NULL);
      g_autofree char *have = declic_format_integer (months + internships, NULL);
      g_autofree char *have_months = declic_format_integer (months, NULL);
      g_autofree char *needed = declic_format_integer (required, NULL);

      if (teer_mask != 0)
        declic_finding_list_add_printf (stream->reasons, code, "work_history", DECLIC_SECTION_WORK,
                                        DECLIC_SEVERITY_WARNING,
                                        declic_i18n_ngettext ("Full-time experience in TEER %s occupations in the last %s years is %s month, below the %s required for stream %d.",
                                                              "Full-time experience in TEER %s occupations in the last %s years is %s months, below the %s required for stream %d.",
                                                              months + internships),
                                        teers, years, have, needed, stream->number);
      else
        declic_finding_list_add_printf (stream->reasons, code, "work_history", DECLIC_SECTION_WORK,
                                        DECLIC_SEVERITY_WARNING,
                                        declic_i18n_ngettext ("Full-time experience in the last %s years is %s month, below the %s required for stream %d.",
                                                              "Full-time experience in the last %s years is %s months, below the %s required for stream %d.",
                                                              months),
                                        years, have_months, needed, stream->number);
    }

  if (quebec_required > 0 && quebec < quebec_required)
    {
      g_autofree char *have = declic_format_integer (quebec, NULL);
      g_autofree char *needed = declic_format_integer (quebec_required, NULL);

      declic_finding_list_add_printf (stream->reasons, quebec_code, "work_history", DECLIC_SECTION_WORK,
                                      DECLIC_SEVERITY_WARNING,
                                      declic_i18n_ngettext ("Full-time experience in Québec in TEER %s occupations is %s month, below the %s required for stream %d.",
                                                            "Full-time experience in Québec in TEER %s occupations is %s months, below the %s required for stream %d.",
                                                            quebec),
                                      teers, have, needed, stream->number);
    }
}

/* "french": [{"teer": [...], "oral": 7, "written": 5}, ...]: the row for the main occupation. */
static void
check_french_rows (DeclicStreamEligibility *stream,
                   DeclicProfile           *profile,
                   json_object             *spec)
{
  json_object *rows = NULL;
  g_autofree char *code = stream_code (stream, "occupation");

  if (!json_object_object_get_ex (spec, "french", &rows) || !json_object_is_type (rows, json_type_array) ||
      json_object_array_length (rows) == 0)
    return;

  /* One row for every TEER: no need to know the occupation. */
  if (json_object_array_length (rows) == 1)
    {
      json_object *row = json_object_array_get_idx (rows, 0);

      check_french (stream, profile, row);
      return;
    }

  if (profile->main_noc_teer < 0)
    {
      if (declic_finding_list_find (stream->reasons, code, NULL) == NULL)
        declic_finding_list_add_printf (stream->reasons, code, "work_history", DECLIC_SECTION_WORK,
                                        DECLIC_SEVERITY_WARNING,
                                        _("The French level stream %d requires depends on the main occupation’s TEER, and no full-time work with a valid NOC code was found."),
                                        stream->number);
      return;
    }

  for (size_t i = 0; i < json_object_array_length (rows); i++)
    {
      json_object *row = json_object_array_get_idx (rows, i);

      if (get_teer_mask (row) & (1u << profile->main_noc_teer))
        {
          check_french (stream, profile, row);
          return;
        }
    }
}

static DeclicStreamEligibility *
evaluate_stream (DeclicProfile *profile,
                 json_object   *spec)
{
  DeclicStreamEligibility *stream = g_new0 (DeclicStreamEligibility, 1);
  json_object *node = NULL;
  guint teer_mask = get_teer_mask (spec);

  stream->id = g_strdup (json_object_object_get_ex (spec, "id", &node) ? json_object_get_string (node) : "stream");
  stream->number = (int) declic_utils_json_get_int (spec, "number", 0);
  stream->title = g_strdup (declic_rules_get_localized (spec, "title"));
  stream->reasons = declic_finding_list_new ();
  stream->notes = declic_finding_list_new ();
  stream->certain = TRUE;

  if (teer_mask != 0)
    check_main_occupation (stream, profile, teer_mask);

  if (get_bool (spec, "regulated_profession") && !profile->regulated_profession)
    {
      g_autofree char *code = stream_code (stream, "regulated_profession");

      declic_finding_list_add_printf (stream->reasons, code, "quebec.regulated_profession",
                                      DECLIC_SECTION_QUEBEC, DECLIC_SEVERITY_WARNING,
                                      _("Stream %d is for regulated professions, and the draft does not say the occupation is one."),
                                      stream->number);
    }
  if (get_bool (spec, "regulated_profession") && profile->regulated_profession &&
      !profile->authorization_to_practise)
    declic_finding_list_add_printf (stream->notes, "eligibility.stream3_without_authorization",
                                    "quebec.authorization_to_practise", DECLIC_SECTION_QUEBEC,
                                    DECLIC_SEVERITY_INFO,
                                    _("Without a declared authorisation to practise, an invited candidate has 12 months to file the selection application."));

  check_experience (stream, profile, spec, teer_mask);
  check_french_rows (stream, profile, spec);
  check_spouse_french (stream, profile,
                       (int) declic_utils_json_get_int (spec, "spouse_french_oral", 0));

  if (get_bool (spec, "experience_set_per_draw"))
    {
      gint64 asked = declic_utils_json_get_int (spec, "experience_months", 0);
      g_autofree char *asked_text = declic_format_integer (asked, NULL);

      stream->certain = FALSE;
      declic_finding_list_add_printf (stream->notes, "eligibility.set_per_draw", "", DECLIC_SECTION_NONE,
                                      DECLIC_SEVERITY_INFO,
                                      declic_i18n_ngettext ("Stream %d’s conditions are set for each invitation round; %s month of experience was asked so far, and exceptional talent itself cannot be checked here.",
                                                            "Stream %d’s conditions are set for each invitation round; %s months of experience were asked so far, and exceptional talent itself cannot be checked here.",
                                                            (gulong) asked),
                                      stream->number, asked_text);
    }

  stream->met = stream->reasons->len == 0;
  return stream;
}

/**
 * declic_eligibility_evaluate:
 * @rule_set: a rule set; one without streams gives an empty list
 *
 * Returns: (transfer full): the streams, in the rule set's order
 */
DeclicEligibility *
declic_eligibility_evaluate (DeclicProfile *profile,
                             DeclicRuleSet *rule_set)
{
  DeclicEligibility *eligibility;
  json_object *group, *streams = NULL;

  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (DECLIC_IS_RULE_SET (rule_set), NULL);

  eligibility = g_new0 (DeclicEligibility, 1);
  eligibility->rule_set_id = g_strdup (declic_rule_set_get_id (rule_set));
  eligibility->status = declic_rule_set_get_group_status (rule_set, "streams");
  eligibility->streams = g_ptr_array_new_with_free_func (stream_free);

  group = declic_rule_set_get_group (rule_set, "streams");
  if (group == NULL || !json_object_object_get_ex (group, "streams", &streams) ||
      !json_object_is_type (streams, json_type_array))
    return eligibility;

  for (size_t i = 0; i < json_object_array_length (streams); i++)
    g_ptr_array_add (eligibility->streams, evaluate_stream (profile, json_object_array_get_idx (streams, i)));

  return eligibility;
}

DeclicStreamEligibility *
declic_eligibility_get_stream (DeclicEligibility *eligibility,
                               const char        *id)
{
  g_return_val_if_fail (eligibility != NULL, NULL);

  for (guint i = 0; i < eligibility->streams->len; i++)
    {
      DeclicStreamEligibility *stream = g_ptr_array_index (eligibility->streams, i);

      if (g_strcmp0 (stream->id, id) == 0)
        return stream;
    }
  return NULL;
}

guint
declic_eligibility_count_met (DeclicEligibility *eligibility)
{
  guint n = 0;

  g_return_val_if_fail (eligibility != NULL, 0);

  for (guint i = 0; i < eligibility->streams->len; i++)
    if (((DeclicStreamEligibility *) g_ptr_array_index (eligibility->streams, i))->met)
      n++;
  return n;
}

const char *
declic_stream_eligibility_get_verdict (DeclicStreamEligibility *stream)
{
  g_return_val_if_fail (stream != NULL, NULL);

  if (!stream->met)
    return C_("stream", "not met");
  if (stream->certain)
    return C_("stream", "met");
  return C_("stream", "met, to be confirmed");
}

/**
 * declic_eligibility_dup_met_numbers:
 * @eligibility: (nullable): an evaluation
 *
 * Returns: (transfer full): the numbers of the streams met, "1, 4"; "" when none is
 */
char *
declic_eligibility_dup_met_numbers (DeclicEligibility *eligibility)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; eligibility != NULL && i < eligibility->streams->len; i++)
    {
      DeclicStreamEligibility *stream = g_ptr_array_index (eligibility->streams, i);
      if (stream->met)
        g_string_append_printf (text, "%s%d", text->len > 0 ? ", " : "", stream->number);
    }
  return g_string_free (text, FALSE);
}
