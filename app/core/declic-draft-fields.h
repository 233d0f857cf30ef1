/* declic-draft-fields.h: the table of every field a draft can hold.
 *
 * One row per field path pattern ("education[].end_date"): its JSON type, its allowed values,
 * the DI section it belongs to and a translatable label. The table is the single description of
 * the file format: loading checks files against it, the JSON Schema is generated from it (and a
 * test keeps resources/draft.schema.json equal to that output), and the rules and widgets name
 * fields with its labels.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DECLIC_SECTION_NONE = -1,
  DECLIC_SECTION_PERSONAL,
  DECLIC_SECTION_CONTACT,
  DECLIC_SECTION_FAMILY,
  DECLIC_SECTION_EDUCATION,
  DECLIC_SECTION_WORK,
  DECLIC_SECTION_JOB_OFFER,
  DECLIC_SECTION_FRENCH,
  DECLIC_SECTION_ENGLISH,
  DECLIC_SECTION_QUEBEC,
  DECLIC_SECTION_CONSENT,
  DECLIC_SECTION_REPRESENTATIVE,
  DECLIC_N_SECTIONS
} DeclicSection;

typedef enum
{
  DECLIC_FIELD_OBJECT,
  DECLIC_FIELD_ARRAY,    /* of the items described by "<path>[]" */
  DECLIC_FIELD_STRING,
  DECLIC_FIELD_DATE,     /* "YYYY-MM-DD" */
  DECLIC_FIELD_DATETIME, /* ISO 8601 with a time zone */
  DECLIC_FIELD_BOOLEAN,
  DECLIC_FIELD_INTEGER,
  DECLIC_FIELD_NUMBER,
  DECLIC_FIELD_ENUM,     /* a string from `choices` */
  DECLIC_FIELD_COUNTRY,  /* ISO 3166-1 alpha-2 */
  DECLIC_FIELD_SUBDIVISION, /* ISO 3166-2 code ("CA-QC") or a name where the country has none */
  DECLIC_FIELD_NOC,      /* NOC 2021 unit group, 5 digits (checked by the rules, not on load) */
  DECLIC_FIELD_EMAIL,
} DeclicFieldType;

typedef struct
{
  const char *code;   /* stored in the file */
  const char *label;  /* N_(), shown to people */
} DeclicChoice;

typedef struct
{
  const char         *pattern;  /* "education[].end_date"; "[]" stands for any index */
  DeclicFieldType     type;
  DeclicSection       section;
  const char         *label;    /* N_() */
  const DeclicChoice *choices;  /* DECLIC_FIELD_ENUM only, ends with { NULL, NULL } */
  double              minimum;  /* INTEGER and NUMBER only */
  double              maximum;
  /* BOOLEAN only: a question the DI asks and that must be answered Yes or No, so an absent
   * value is "not answered", not "no" (the validators report it; the wizard asks it with a
   * Yes/No choice rather than a switch, which cannot say "No" without being touched). */
  gboolean            question;
} DeclicFieldSpec;

/* Choices shared by several fields and by the rules. */
extern const DeclicChoice declic_education_levels[];
extern const DeclicChoice declic_language_tests[];
extern const DeclicChoice declic_work_period_types[];
extern const DeclicChoice declic_language_skills[];

const DeclicFieldSpec *declic_draft_fields_get_all      (guint        *n_fields);
const DeclicFieldSpec *declic_draft_fields_lookup       (const char   *pattern);
const DeclicFieldSpec *declic_draft_fields_lookup_path  (const char   *path);
char                  *declic_draft_fields_path_to_pattern (const char *path);
const char            *declic_section_get_id            (DeclicSection section);
const char            *declic_section_get_title         (DeclicSection section);
DeclicSection          declic_section_from_id           (const char   *id);
const char            *declic_enum_choice_get_label     (const char   *pattern,
                                                         const char   *choice);

G_END_DECLS
