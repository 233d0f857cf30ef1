/* declic-draft-fields.c: the table of every field of a draft (see the header for why). */
#define G_LOG_DOMAIN "declic-fields"

#include "config.h"

#include <string.h>

#include "declic-draft-fields.h"
#include "declic-i18n.h"

#define END_CHOICES { NULL, NULL }

static const DeclicChoice representative_categories[] = {
  { "lawyer", N_("Lawyer") },
  { "notary", N_("Notary") },
  { "consultant", N_("Immigration consultant recognised by Québec") },
  END_CHOICES
};

static const DeclicChoice sexes[] = {
  { "female", N_("Female") },
  { "male", N_("Male") },
  { "another", N_("Another gender") },
  END_CHOICES
};

static const DeclicChoice authorities[] = {
  { "quebec", N_("Québec") },
  { "canada", N_("Canada") },
  END_CHOICES
};

static const DeclicChoice residence_statuses[] = {
  { "citizen", N_("Citizen") },
  { "permanent_resident", N_("Permanent resident") },
  { "worker", N_("Temporary worker") },
  { "student", N_("Student") },
  { "visitor", N_("Visitor") },
  { "asylum_seeker", N_("Asylum seeker") },
  { "other", N_("Other status") },
  END_CHOICES
};

static const DeclicChoice marital_statuses[] = {
  { "single", N_("Single") },
  { "married", N_("Married") },
  { "de_facto", N_("De facto union") },
  { "separated", N_("Separated") },
  { "divorced", N_("Divorced") },
  { "widowed", N_("Widowed") },
  END_CHOICES
};

/* Québec-equivalent levels, in ascending order: the points grid relies on that order. */
const DeclicChoice declic_education_levels[] = {
  { "none", N_("No diploma") },
  { "secondary_general", N_("Secondary, general") },
  { "secondary_vocational_600", N_("Secondary, vocational, 600 to 899 hours (Québec)") },
  { "secondary_vocational_900", N_("Secondary, vocational, 900 hours or more (Québec) or 1 year or more (outside Québec)") },
  { "postsecondary_general_2y", N_("Post-secondary, general, 2 years") },
  { "postsecondary_technical_1y", N_("Post-secondary, technical, 900 hours or more (Québec) or 1 to 2 years (outside Québec)") },
  { "postsecondary_technical_3y", N_("Post-secondary, technical, 3 years") },
  { "university_1_1y", N_("University, 1st cycle, 1 year") },
  { "university_1_2y", N_("University, 1st cycle, 2 years") },
  { "university_1_3y", N_("University, 1st cycle, 3 or 4 years") },
  { "university_1_5y", N_("University, 1st cycle, 5 years or more") },
  { "university_2_1y", N_("University, 2nd cycle, 1 year") },
  { "university_2_2y", N_("University, 2nd cycle, 2 years or more") },
  { "medical_specialization", N_("Medical specialisation, 2 years or more") },
  { "doctorate", N_("Doctorate") },
  END_CHOICES
};

static const DeclicChoice area_sections[] = {
  { "A", "A" }, { "B", "B" }, { "C", "C" }, { "D", "D" }, { "E", "E" },
  END_CHOICES
};

static const DeclicChoice length_units[] = {
  { "years", N_("Years") },
  { "months", N_("Months") },
  { "hours", N_("Hours") },
  END_CHOICES
};

const DeclicChoice declic_work_period_types[] = {
  { "work", N_("Work") },
  { "internship", N_("Internship") },
  { "parental_leave", N_("Parental leave") },
  { "work_stoppage", N_("Work stoppage") },
  { "volunteering", N_("Volunteering") },
  { "inactivity", N_("Inactivity") },
  { "studies", N_("Studies") },
  END_CHOICES
};

const DeclicChoice declic_language_tests[] = {
  { "tef_canada", N_("TEF Canada") },
  { "tefaq", N_("TEFAQ") },
  { "tcf_canada", N_("TCF Canada") },
  { "tcf_quebec", N_("TCF Québec") },
  { "delf", N_("DELF") },
  { "dalf", N_("DALF") },
  { "french_study_diploma", N_("Diploma from studies in French") },
  { "ielts_general", N_("IELTS General Training") },
  { "celpip_general", N_("CELPIP-General") },
  { "pte_core", N_("PTE Core") },
  { "english_study_diploma", N_("Diploma from studies in English") },
  END_CHOICES
};

const DeclicChoice declic_language_skills[] = {
  { "listening", N_("Listening") },
  { "speaking", N_("Speaking") },
  { "reading", N_("Reading") },
  { "writing", N_("Writing") },
  END_CHOICES
};

static const DeclicChoice relatives[] = {
  { "none", N_("No family member in Québec") },
  { "applicant", N_("A family member of the applicant") },
  { "spouse", N_("A family member of the spouse only") },
  END_CHOICES
};

static const DeclicChoice diagnoses[] = {
  { "unknown", N_("Unknown") },
  { "balanced", N_("Balanced") },
  { "slight_deficit", N_("Slight deficit") },
  { "deficit", N_("Deficit") },
  { "slight_surplus", N_("Slight surplus") },
  { "not_published", N_("Not published") },
  END_CHOICES
};

/* The DI's life after filing (schema 1.1). */
static const DeclicChoice invitation_outcomes[] = {
  { "declined", N_("Invitation declined") },
  { "application_filed", N_("Selection application filed") },
  END_CHOICES
};

static const DeclicChoice family_members[] = {
  { "applicant", N_("Principal applicant") },
  { "spouse", N_("Spouse") },
  { "child", N_("Child") },
  END_CHOICES
};

static const DeclicChoice di_ends[] = {
  { "expired", N_("Expired") },
  { "withdrawn", N_("Withdrawn") },
  END_CHOICES
};

#define F(p, t, s, l) { p, DECLIC_FIELD_##t, DECLIC_SECTION_##s, l, NULL, 0, 0 }
#define E(p, s, l, c) { p, DECLIC_FIELD_ENUM, DECLIC_SECTION_##s, l, c, 0, 0 }
#define N(p, t, s, l, lo, hi) { p, DECLIC_FIELD_##t, DECLIC_SECTION_##s, l, NULL, lo, hi }
#define Q(p, s, l) { p, DECLIC_FIELD_BOOLEAN, DECLIC_SECTION_##s, l, NULL, 0, 0, TRUE }

static const DeclicFieldSpec base_fields[] = {
  F ("schema_version", STRING, NONE, N_("File format version")),
  F ("id", STRING, NONE, N_("Draft identifier")),
  F ("client_label", STRING, NONE, N_("Client label")),
  F ("created", DATETIME, NONE, N_("Created")),
  F ("updated", DATETIME, NONE, N_("Last changed")),
  F ("planned_filing_date", DATE, NONE, N_("Planned filing date")),
  F ("filing_date", DATE, NONE, N_("Date the DI was filed")),
  F ("invitation_date", DATE, NONE, N_("Date of the invitation")),
  F ("rule_set_id", STRING, NONE, N_("Rule set last checked with")),

  /* Since schema 1.1: what happened to the DI once filed (declic-draft-life.h). */
  F ("after_filing", OBJECT, NONE, N_("After filing")),
  F ("after_filing.di_number", STRING, NONE, N_("DI number in Arrima")),
  F ("after_filing.updated_date", DATE, NONE, N_("Last updated in Arrima")),
  E ("after_filing.invitation_outcome", NONE, N_("Answer to the invitation"), invitation_outcomes),
  F ("after_filing.application_date", DATE, NONE, N_("Date the selection application was filed")),
  F ("after_filing.missing_request_date", DATE, NONE, N_("Date MIFI asked for what is missing")),
  F ("after_filing.attestation_requests", ARRAY, NONE, N_("Requests for the values attestation")),
  F ("after_filing.attestation_requests[]", OBJECT, NONE, N_("Values attestation request")),
  E ("after_filing.attestation_requests[].person", NONE, N_("Family member"), family_members),
  F ("after_filing.attestation_requests[].given_names", STRING, NONE, N_("Given name(s)")),
  F ("after_filing.attestation_requests[].request_date", DATE, NONE, N_("Date of the request")),
  F ("after_filing.attestation_requests[].obtained", BOOLEAN, NONE, N_("Attestation obtained")),
  E ("after_filing.end", NONE, N_("End of the DI"), di_ends),
  F ("after_filing.end_date", DATE, NONE, N_("Date the DI ended")),
  F ("after_filing.filed_values", ARRAY, NONE, N_("Values as filed in Arrima")),
  F ("after_filing.filed_values[]", OBJECT, NONE, N_("Filed value")),
  F ("after_filing.filed_values[].path", STRING, NONE, N_("Field")),
  F ("after_filing.filed_values[].value", STRING, NONE, N_("Value as filed")),

  F ("representative", OBJECT, REPRESENTATIVE, N_("Representative")),
  F ("representative.name", STRING, REPRESENTATIVE, N_("Representative’s name")),
  E ("representative.category", REPRESENTATIVE, N_("Category"), representative_categories),
  F ("representative.registry_number", STRING, REPRESENTATIVE, N_("Registry number")),
  F ("representative.mandate_date", DATE, REPRESENTATIVE, N_("Date of the written mandate")),

  F ("personal", OBJECT, PERSONAL, N_("Personal information")),
  F ("personal.family_names", STRING, PERSONAL, N_("Family name(s)")),
  F ("personal.given_names", STRING, PERSONAL, N_("Given name(s)")),
  F ("personal.other_names", ARRAY, PERSONAL, N_("Other names used")),
  F ("personal.other_names[]", OBJECT, PERSONAL, N_("Other name")),
  F ("personal.other_names[].family_names", STRING, PERSONAL, N_("Family name(s)")),
  F ("personal.other_names[].given_names", STRING, PERSONAL, N_("Given name(s)")),
  E ("personal.sex", PERSONAL, N_("Sex"), sexes),
  F ("personal.birth_date", DATE, PERSONAL, N_("Date of birth")),
  F ("personal.birth_country", COUNTRY, PERSONAL, N_("Country of birth")),
  F ("personal.citizenships", ARRAY, PERSONAL, N_("Citizenships")),
  F ("personal.citizenships[]", COUNTRY, PERSONAL, N_("Citizenship")),
  F ("personal.passport", OBJECT, PERSONAL, N_("Passport")),
  F ("personal.passport.number", STRING, PERSONAL, N_("Passport number")),
  F ("personal.passport.issuing_country", COUNTRY, PERSONAL, N_("Passport issuing country")),
  F ("personal.passport.expiry_date", DATE, PERSONAL, N_("Passport expiry date")),
  F ("personal.previous_applications", ARRAY, PERSONAL, N_("Previous applications")),
  F ("personal.previous_applications[]", OBJECT, PERSONAL, N_("Previous application")),
  E ("personal.previous_applications[].authority", PERSONAL, N_("Filed with"), authorities),
  F ("personal.previous_applications[].description", STRING, PERSONAL, N_("Program or kind of application")),
  N ("personal.previous_applications[].year", INTEGER, PERSONAL, N_("Year"), 1900, 2100),
  F ("personal.previous_applications[].reference_number", STRING, PERSONAL, N_("Reference number")),

  F ("contact", OBJECT, CONTACT, N_("Contact details")),
  F ("contact.email", EMAIL, CONTACT, N_("E-mail address")),
  F ("contact.phone", STRING, CONTACT, N_("Phone number")),
  F ("contact.address", OBJECT, CONTACT, N_("Residential address")),
  F ("contact.address.street", STRING, CONTACT, N_("Street address")),
  F ("contact.address.city", STRING, CONTACT, N_("City")),
  F ("contact.address.subdivision", SUBDIVISION, CONTACT, N_("Province or state")),
  F ("contact.address.postal_code", STRING, CONTACT, N_("Postal code")),
  F ("contact.address.country", COUNTRY, CONTACT, N_("Country")),
  F ("contact.residence_country", COUNTRY, CONTACT, N_("Country of residence")),
  E ("contact.residence_status", CONTACT, N_("Status in the country of residence"), residence_statuses),

  F ("family", OBJECT, FAMILY, N_("Family situation")),
  E ("family.marital_status", FAMILY, N_("Marital status"), marital_statuses),
  F ("family.union_date", DATE, FAMILY, N_("Date of marriage or start of cohabitation")),
  Q ("family.spouse_accompanies", FAMILY, N_("Spouse accompanies")),
  F ("family.spouse", OBJECT, FAMILY, N_("Accompanying spouse")),
  F ("family.spouse.family_names", STRING, FAMILY, N_("Spouse’s family name(s)")),
  F ("family.spouse.given_names", STRING, FAMILY, N_("Spouse’s given name(s)")),
  F ("family.spouse.birth_date", DATE, FAMILY, N_("Spouse’s date of birth")),
  E ("family.spouse.education_level", FAMILY, N_("Spouse’s education level"), declic_education_levels),
  E ("family.spouse.quebec_diploma_level", FAMILY, N_("Spouse’s Québec diploma"), declic_education_levels),
  N ("family.spouse.quebec_experience_months", INTEGER, FAMILY, N_("Spouse’s months of work in Québec"), 0, 600),
  F ("family.spouse.di_number", STRING, FAMILY, N_("Spouse’s DI number")),
  F ("family.children", ARRAY, FAMILY, N_("Dependent children")),
  F ("family.children[]", OBJECT, FAMILY, N_("Child")),
  F ("family.children[].given_names", STRING, FAMILY, N_("Child’s given name(s)")),
  F ("family.children[].birth_date", DATE, FAMILY, N_("Child’s date of birth")),
  F ("family.children[].accompanies", BOOLEAN, FAMILY, N_("Child accompanies")),

  F ("education", ARRAY, EDUCATION, N_("Education")),
  F ("education[]", OBJECT, EDUCATION, N_("Diploma")),
  F ("education[].title", STRING, EDUCATION, N_("Diploma title")),
  F ("education[].start_date", DATE, EDUCATION, N_("Start date")),
  F ("education[].end_date", DATE, EDUCATION, N_("End date")),
  F ("education[].ongoing", BOOLEAN, EDUCATION, N_("Studies ongoing")),
  F ("education[].full_time", BOOLEAN, EDUCATION, N_("Full-time studies")),
  N ("education[].official_length", NUMBER, EDUCATION, N_("Official program length"), 0, 20000),
  E ("education[].official_length_unit", EDUCATION, N_("Unit of the program length"), length_units),
  F ("education[].institution", STRING, EDUCATION, N_("Institution")),
  F ("education[].country", COUNTRY, EDUCATION, N_("Issuing country")),
  F ("education[].subdivision", SUBDIVISION, EDUCATION, N_("Issuing province")),
  F ("education[].area_of_training", STRING, EDUCATION, N_("Area of training")),
  E ("education[].area_section", EDUCATION, N_("Section of the area of training"), area_sections),
  F ("education[].quebec_diploma", BOOLEAN, EDUCATION, N_("Québec diploma")),
  E ("education[].level", EDUCATION, N_("Québec-equivalent level"), declic_education_levels),

  F ("work_history", ARRAY, WORK, N_("Work history")),
  F ("work_history[]", OBJECT, WORK, N_("Period")),
  E ("work_history[].type", WORK, N_("Kind of period"), declic_work_period_types),
  F ("work_history[].start_date", DATE, WORK, N_("Start date")),
  F ("work_history[].end_date", DATE, WORK, N_("End date")),
  F ("work_history[].ongoing", BOOLEAN, WORK, N_("Ongoing")),
  F ("work_history[].job_title", STRING, WORK, N_("Job title")),
  F ("work_history[].noc_code", NOC, WORK, N_("NOC code")),
  F ("work_history[].employer", STRING, WORK, N_("Employer")),
  F ("work_history[].country", COUNTRY, WORK, N_("Country")),
  F ("work_history[].subdivision", SUBDIVISION, WORK, N_("Province or state")),
  N ("work_history[].hours_per_week", NUMBER, WORK, N_("Hours per week"), 0, 168),
  Q ("work_history[].paid", WORK, N_("Paid")),
  F ("work_history[].compulsory", BOOLEAN, WORK, N_("Compulsory for the diploma")),
  F ("work_history[].description", STRING, WORK, N_("Description")),

  F ("job_offer", OBJECT, JOB_OFFER, N_("Validated job offer")),
  Q ("job_offer.has_offer", JOB_OFFER, N_("Holds a validated job offer")),
  F ("job_offer.employer", STRING, JOB_OFFER, N_("Employer")),
  F ("job_offer.job_title", STRING, JOB_OFFER, N_("Job title")),
  F ("job_offer.noc_code", NOC, JOB_OFFER, N_("NOC code")),
  F ("job_offer.city", STRING, JOB_OFFER, N_("City")),
  Q ("job_offer.inside_cmm", JOB_OFFER, N_("Inside the Montréal Metropolitan Community")),
  F ("job_offer.validation_number", STRING, JOB_OFFER, N_("Validation number")),
  F ("job_offer.validation_date", DATE, JOB_OFFER, N_("Validation date")),

  F ("quebec", OBJECT, QUEBEC, N_("Ties to Québec")),
  E ("quebec.family_member", QUEBEC, N_("Family member in Québec"), relatives),
  F ("quebec.regulated_profession", BOOLEAN, QUEBEC, N_("Occupation is a regulated profession")),
  F ("quebec.authorization_to_practise", BOOLEAN, QUEBEC, N_("Authorisation to practise or recognition in Québec")),
  E ("quebec.labour_market_diagnosis", QUEBEC, N_("Labour-market diagnosis of the main occupation"), diagnoses),
  N ("quebec.months_outside_cmm_residence", INTEGER, QUEBEC, N_("Months living in Québec outside the CMM"), 0, 600),
  N ("quebec.months_outside_cmm_work", INTEGER, QUEBEC, N_("Months working in Québec outside the CMM"), 0, 600),
  N ("quebec.months_outside_cmm_study", INTEGER, QUEBEC, N_("Months studying in Québec outside the CMM"), 0, 600),
  /* The three counts above are as of this date; those still going on grow from it. */
  F ("quebec.outside_cmm_counted_on", DATE, QUEBEC, N_("Months outside the CMM counted on")),
  F ("quebec.outside_cmm_residence_ongoing", BOOLEAN, QUEBEC, N_("Still living in Québec outside the CMM")),
  F ("quebec.outside_cmm_work_ongoing", BOOLEAN, QUEBEC, N_("Still working in Québec outside the CMM")),
  F ("quebec.outside_cmm_study_ongoing", BOOLEAN, QUEBEC, N_("Still studying in Québec outside the CMM")),
  N ("quebec.studies_without_diploma_completed_months", INTEGER, QUEBEC, N_("Months of completed studies in Québec without a diploma"), 0, 600),
  N ("quebec.studies_without_diploma_ongoing_months", INTEGER, QUEBEC, N_("Months of ongoing studies in Québec"), 0, 600),

  F ("consent", OBJECT, CONSENT, N_("Consent")),
  F ("consent.information_true", BOOLEAN, CONSENT, N_("The information is true and complete")),
  F ("consent.personal_information", BOOLEAN, CONSENT, N_("Consent to the processing of personal information")),
};

/* The language block repeats for the applicant and the spouse, in French and in English. */
typedef struct
{
  const char   *prefix;
  DeclicSection section;
  const char   *label;
} LanguageBlock;

static const LanguageBlock language_blocks[] = {
  { "french", DECLIC_SECTION_FRENCH, N_("French") },
  { "english", DECLIC_SECTION_ENGLISH, N_("English") },
  { "family.spouse.french", DECLIC_SECTION_FAMILY, N_("Spouse’s French") },
  { "family.spouse.english", DECLIC_SECTION_FAMILY, N_("Spouse’s English") },
};

static const DeclicFieldSpec language_fields[] = {
  F ("", OBJECT, NONE, NULL),
  F (".no_result", BOOLEAN, NONE, N_("No standardized result")),
  F (".results", ARRAY, NONE, N_("Results")),
  F (".results[]", OBJECT, NONE, N_("Result")),
  E (".results[].test", NONE, N_("Test or diploma"), declic_language_tests),
  F (".results[].result_date", DATE, NONE, N_("Date of the results")),
  F (".results[].test_number", STRING, NONE, N_("Test ID number")),
  F (".results[].listening", OBJECT, NONE, N_("Listening")),
  N (".results[].listening.score", NUMBER, NONE, N_("Listening score"), 0, 1000),
  N (".results[].listening.level", INTEGER, NONE, N_("Listening level"), 1, 12),
  F (".results[].speaking", OBJECT, NONE, N_("Speaking")),
  N (".results[].speaking.score", NUMBER, NONE, N_("Speaking score"), 0, 1000),
  N (".results[].speaking.level", INTEGER, NONE, N_("Speaking level"), 1, 12),
  F (".results[].reading", OBJECT, NONE, N_("Reading")),
  N (".results[].reading.score", NUMBER, NONE, N_("Reading score"), 0, 1000),
  N (".results[].reading.level", INTEGER, NONE, N_("Reading level"), 1, 12),
  F (".results[].writing", OBJECT, NONE, N_("Writing")),
  N (".results[].writing.score", NUMBER, NONE, N_("Writing score"), 0, 1000),
  N (".results[].writing.level", INTEGER, NONE, N_("Writing level"), 1, 12),
};

static const char *section_ids[DECLIC_N_SECTIONS] = {
  "personal", "contact", "family", "education", "work", "job_offer",
  "french", "english", "quebec", "consent", "representative",
};

static const char *section_titles[DECLIC_N_SECTIONS] = {
  N_("Personal information"),
  N_("Contact details"),
  N_("Family situation"),
  N_("Education"),
  N_("Work history"),
  N_("Validated job offer"),
  N_("French"),
  N_("English"),
  N_("Ties to Québec"),
  N_("Consent"),
  N_("Representative"),
};

typedef struct
{
  GArray     *fields;  /* DeclicFieldSpec */
  GHashTable *by_pattern;
} FieldTable;

static FieldTable *
build_table (void)
{
  FieldTable *table = g_new0 (FieldTable, 1);

  table->fields = g_array_new (FALSE, FALSE, sizeof (DeclicFieldSpec));
  g_array_append_vals (table->fields, base_fields, G_N_ELEMENTS (base_fields));

  for (guint b = 0; b < G_N_ELEMENTS (language_blocks); b++)
    {
      for (guint f = 0; f < G_N_ELEMENTS (language_fields); f++)
        {
          DeclicFieldSpec spec = language_fields[f];
          g_autofree char *pattern = g_strconcat (language_blocks[b].prefix, spec.pattern, NULL);

          /* Interned: the table lives as long as the process. */
          spec.pattern = g_intern_string (pattern);
          spec.section = language_blocks[b].section;
          if (f == 0)
            spec.label = language_blocks[b].label;
          g_array_append_val (table->fields, spec);
        }
    }

  table->by_pattern = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < table->fields->len; i++)
    {
      DeclicFieldSpec *spec = &g_array_index (table->fields, DeclicFieldSpec, i);
      g_hash_table_insert (table->by_pattern, (gpointer) spec->pattern, spec);
    }

  return table;
}

static FieldTable *
get_table (void)
{
  static FieldTable *table;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, build_table ());

  return table;
}

/**
 * declic_draft_fields_get_all:
 * @n_fields: (out): the number of rows
 *
 * Returns: every field of a draft, parents before their children.
 */
const DeclicFieldSpec *
declic_draft_fields_get_all (guint *n_fields)
{
  FieldTable *table = get_table ();

  g_return_val_if_fail (n_fields != NULL, NULL);

  *n_fields = table->fields->len;
  return (const DeclicFieldSpec *) (gpointer) table->fields->data;
}

const DeclicFieldSpec *
declic_draft_fields_lookup (const char *pattern)
{
  g_return_val_if_fail (pattern != NULL, NULL);

  return g_hash_table_lookup (get_table ()->by_pattern, pattern);
}

/**
 * declic_draft_fields_path_to_pattern:
 * @path: a concrete path such as "education[2].end_date"
 *
 * Returns: (transfer full): the pattern, "education[].end_date"
 */
char *
declic_draft_fields_path_to_pattern (const char *path)
{
  GString *pattern = g_string_sized_new (strlen (path));

  for (const char *p = path; *p != '\0'; p++)
    {
      g_string_append_c (pattern, *p);
      if (*p == '[')
        {
          while (p[1] != '\0' && p[1] != ']')
            p++;
        }
    }

  return g_string_free (pattern, FALSE);
}

const DeclicFieldSpec *
declic_draft_fields_lookup_path (const char *path)
{
  g_autofree char *pattern = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  pattern = declic_draft_fields_path_to_pattern (path);
  return declic_draft_fields_lookup (pattern);
}

const char *
declic_section_get_id (DeclicSection section)
{
  g_return_val_if_fail (section >= 0 && section < DECLIC_N_SECTIONS, NULL);

  return section_ids[section];
}

const char *
declic_section_get_title (DeclicSection section)
{
  g_return_val_if_fail (section >= 0 && section < DECLIC_N_SECTIONS, NULL);

  return _(section_titles[section]);
}

DeclicSection
declic_section_from_id (const char *id)
{
  for (int i = 0; i < DECLIC_N_SECTIONS; i++)
    if (g_strcmp0 (section_ids[i], id) == 0)
      return i;

  return DECLIC_SECTION_NONE;
}

/**
 * declic_enum_choice_get_label:
 * @pattern: an enum field's pattern, e.g. "family.marital_status"
 * @choice: a stored code, e.g. "married"
 *
 * Returns: the translated label, or @choice itself when it is not one of the field's choices
 */
const char *
declic_enum_choice_get_label (const char *pattern,
                              const char *choice)
{
  const DeclicFieldSpec *spec = declic_draft_fields_lookup (pattern);

  if (spec == NULL || spec->choices == NULL || choice == NULL)
    return choice;

  for (const DeclicChoice *c = spec->choices; c->code != NULL; c++)
    if (g_str_equal (c->code, choice))
      return _(c->label);

  return choice;
}
