/* declic-profile.h: what the eligibility and points rules need from a draft, at a date.
 *
 * A profile is worked out once from a draft, a rule set (for the figures it uses: the 5-year
 * window, full-time hours, how long language results stay valid) and a reference date. The
 * eligibility and points modules then read plain numbers, and every number keeps the input it
 * came from so that a breakdown can show it.
 *
 * How MIFI counts partial months and part-time work is unknown (DI.md §9). The profile counts
 * full-time work periods only (hours per week at or above the rule set's threshold), merges
 * overlapping periods, drops partial months, and caps experience at 60 months; the notes say so.
 */
#pragma once

#include <glib.h>

#include "declic-draft.h"
#include "declic-rules.h"

G_BEGIN_DECLS

typedef enum
{
  DECLIC_SKILL_LISTENING,
  DECLIC_SKILL_SPEAKING,
  DECLIC_SKILL_READING,
  DECLIC_SKILL_WRITING,
  DECLIC_N_SKILLS
} DeclicSkill;

/* One skill's level, from the best valid, unexpired result. */
typedef struct
{
  int        level;         /* 0 when there is no usable result */
  int        result_index;  /* in "<prefix>.results", -1 when none */
  const char *test;         /* the test's code, owned by the draft; NULL when none */
  GDate      result_date;
  gboolean   converted;     /* level from the score through a conversion table */
  char      *table_id;      /* the table used, when converted */
} DeclicSkillLevel;

/* A full-time work period, clipped to the 5-year window. */
typedef struct
{
  GDate    start;
  GDate    end;            /* inclusive */
  char    *noc_code;       /* may be NULL */
  int      teer;           /* -1 when the code is missing or malformed */
  gboolean in_quebec;
  gboolean internship;     /* a compulsory internship, not work */
  guint    index;          /* in "work_history" */
} DeclicProfilePeriod;

/* Where the labour-market diagnosis of the main occupation comes from. */
typedef enum
{
  DECLIC_DIAGNOSIS_SOURCE_NONE,      /* no main occupation, or it is not in the list */
  DECLIC_DIAGNOSIS_SOURCE_LIST,      /* the diagnosis list (declic-labour-market.h) */
  DECLIC_DIAGNOSIS_SOURCE_OVERRIDE,  /* the person's choice, stored in the draft */
} DeclicDiagnosisSource;

typedef struct
{
  GDate             reference_date;

  int               age;                       /* -1 when the birth date is missing */
  gboolean          spouse_accompanies;
  int               spouse_age;                /* -1 when unknown or no accompanying spouse */

  DeclicSkillLevel  french[DECLIC_N_SKILLS];
  DeclicSkillLevel  spouse_french[DECLIC_N_SKILLS];

  int               experience_months;         /* full-time, 5-year window, capped at 60 */
  int               quebec_experience_months;  /* the same, in Québec only */
  int               internship_months;         /* compulsory internships in the window */
  int               window_years;
  int               full_time_hours;

  char             *main_noc;                  /* the NOC with the most months, or NULL */
  int               main_noc_teer;             /* -1 when unknown */
  int               main_noc_months;

  const char       *education_level;           /* highest obtained, a declic_education_levels code */
  const char       *quebec_diploma_level;      /* highest Québec diploma, or NULL */
  const char       *spouse_education_level;
  const char       *spouse_quebec_diploma_level;
  int               spouse_quebec_experience_months;

  gboolean          has_job_offer;
  gboolean          job_offer_inside_cmm;
  gboolean          job_offer_location_known;

  const char       *family_member;             /* "none", "applicant", "spouse" or NULL */
  gboolean          regulated_profession;
  gboolean          authorization_to_practise;
  const char       *labour_market_diagnosis;   /* "balanced", ... or NULL when unknown */
  DeclicDiagnosisSource diagnosis_source;
  const char       *listed_diagnosis;          /* the list's, even when overridden; or NULL */
  const char       *diagnosis_list_id;         /* "lmd-2024-2028", or NULL without a list */
  int               diagnosis_period_start;
  int               diagnosis_period_end;
  int               months_outside_cmm_residence;
  int               months_outside_cmm_work;
  int               months_outside_cmm_study;
  int               studies_completed_months;
  int               studies_ongoing_months;

  GArray           *periods;                   /* DeclicProfilePeriod */
  GPtrArray        *notes;                     /* char *, translated: how figures were counted */

  /* Owns the strings above that point into it. */
  DeclicDraft      *draft;
} DeclicProfile;

DeclicProfile *declic_profile_new              (DeclicDraft    *draft,
                                                DeclicRuleSet  *rule_set,
                                                const GDate    *reference_date);
void           declic_profile_free             (DeclicProfile  *profile);

/* Months of full-time work in the window in occupations whose TEER is in @teer_mask (bit n for
 * TEER n; 0 for any), in Québec only when @quebec_only; overlaps are counted once. */
int            declic_profile_count_months     (DeclicProfile  *profile,
                                                guint           teer_mask,
                                                gboolean        quebec_only,
                                                gboolean        internships);

const char    *declic_skill_get_id             (DeclicSkill     skill);
const char    *declic_skill_get_label          (DeclicSkill     skill);
/* The rank of an education level code in declic_education_levels, -1 when unknown. */
int            declic_education_level_rank     (const char     *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeclicProfile, declic_profile_free)

G_END_DECLS
