/* declic-validate.c: checking every section of a draft (see the header for what and why): the
 * context, the walk over the sections, and what the findings say about each section and filing.
 * Each section's checks are in declic-validate-<section>.c, what they share in
 * declic-validate-private.h.
 *
 * Speed matters (the GUI checks on every keystroke), so the checks read the json-c tree
 * directly instead of going through declic_draft_get_*(), which parses a path string on each
 * call. Paths, codes and messages are built only for what is reported.
 *
 * Codes are "<field pattern without []>.<problem>": "education.end_date.in_future",
 * "family.spouse.french.results.listening.required". Paths are concrete: "education[1].end_date".
 */
#define G_LOG_DOMAIN "declic-validate"

#include "config.h"

#include "declic-clock.h"
#include "declic-i18n.h"
#include "declic-validate-private.h"

/* ---------------------------------------------------------------------------------------- */
/* The context                                                                              */

struct _DeclicValidateContext
{
  gatomicrefcount       ref_count;
  DeclicNoc            *noc;
  DeclicCountries      *countries;
  DeclicLanguageTables *language_tables;
  char                 *noc_problem;  /* why the default NOC list is missing, or NULL */
};

G_DEFINE_BOXED_TYPE (DeclicValidateContext, declic_validate_context,
                     declic_validate_context_ref, declic_validate_context_unref)

/**
 * declic_validate_context_new:
 * @noc: (nullable): the NOC 2021 list; without it NOC codes are checked for form only
 * @countries: (nullable): ISO countries and subdivisions; without them codes are checked for form
 *
 * Returns: (transfer full): a context; no language tables until
 *   declic_validate_context_set_language_tables ()
 */
DeclicValidateContext *
declic_validate_context_new (DeclicNoc       *noc,
                             DeclicCountries *countries)
{
  DeclicValidateContext *self;

  g_return_val_if_fail (noc == NULL || DECLIC_IS_NOC (noc), NULL);
  g_return_val_if_fail (countries == NULL || DECLIC_IS_COUNTRIES (countries), NULL);

  self = g_new0 (DeclicValidateContext, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->noc = noc != NULL ? g_object_ref (noc) : NULL;
  self->countries = countries != NULL ? g_object_ref (countries) : NULL;

  return self;
}

/**
 * declic_validate_context_new_default:
 *
 * The app's and the CLI's context: whatever of the NOC list, iso-codes and the language tables
 * could be loaded (each may be missing; the checks then say what they could not check).
 *
 * Returns: (transfer full): a context
 */
DeclicValidateContext *
declic_validate_context_new_default (void)
{
  DeclicValidateContext *self = declic_validate_context_new (declic_noc_get_default (),
                                                             declic_countries_get_default ());
  const GError *noc_error = declic_noc_get_default_error ();

  /* A list that is there but unusable must be reported as such, not as missing. */
  if (self->noc == NULL && noc_error != NULL)
    self->noc_problem = g_strdup (noc_error->message);
  declic_validate_context_set_language_tables (self, declic_language_tables_get_default ());
  return self;
}

/* @tables: (nullable): without them, a built-in list says which test is of which language. */
void
declic_validate_context_set_language_tables (DeclicValidateContext *self,
                                             DeclicLanguageTables  *tables)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (tables == NULL || DECLIC_IS_LANGUAGE_TABLES (tables));

  if (tables != NULL)
    g_object_ref (tables);
  g_clear_object (&self->language_tables);
  self->language_tables = tables;
}

DeclicValidateContext *
declic_validate_context_ref (DeclicValidateContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
declic_validate_context_unref (DeclicValidateContext *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_object (&self->noc);
      g_clear_object (&self->countries);
      g_clear_object (&self->language_tables);
      g_free (self->noc_problem);
      g_free (self);
    }
}

DeclicNoc *
declic_validate_context_get_noc (DeclicValidateContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->noc;
}

DeclicCountries *
declic_validate_context_get_countries (DeclicValidateContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->countries;
}

DeclicLanguageTables *
declic_validate_context_get_language_tables (DeclicValidateContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language_tables;
}

/* ---------------------------------------------------------------------------------------- */
/* The whole draft                                                                          */

/* The draft member holding each section. */
static const char * const section_keys[DECLIC_N_SECTIONS] = {
  [DECLIC_SECTION_PERSONAL] = "personal",
  [DECLIC_SECTION_CONTACT] = "contact",
  [DECLIC_SECTION_FAMILY] = "family",
  [DECLIC_SECTION_EDUCATION] = "education",
  [DECLIC_SECTION_WORK] = "work_history",
  [DECLIC_SECTION_JOB_OFFER] = "job_offer",
  [DECLIC_SECTION_FRENCH] = "french",
  [DECLIC_SECTION_ENGLISH] = "english",
  [DECLIC_SECTION_QUEBEC] = "quebec",
  [DECLIC_SECTION_CONSENT] = "consent",
  [DECLIC_SECTION_REPRESENTATIVE] = "representative",
};

/* The finding that marks a section empty, so that the state can be told from findings alone. */
static const char * const empty_codes[DECLIC_N_SECTIONS] = {
  [DECLIC_SECTION_PERSONAL] = "personal.empty",
  [DECLIC_SECTION_CONTACT] = "contact.empty",
  [DECLIC_SECTION_FAMILY] = "family.empty",
  [DECLIC_SECTION_EDUCATION] = "education.empty",
  [DECLIC_SECTION_WORK] = "work.empty",
  [DECLIC_SECTION_JOB_OFFER] = "job_offer.empty",
  [DECLIC_SECTION_FRENCH] = "french.empty",
  [DECLIC_SECTION_ENGLISH] = "english.empty",
  [DECLIC_SECTION_QUEBEC] = "quebec.empty",
  [DECLIC_SECTION_CONSENT] = "consent.empty",
  [DECLIC_SECTION_REPRESENTATIVE] = "representative.empty",
};

/**
 * declic_validate_section_is_required:
 *
 * The nine sections of the DI form (DI.md §2) must all be complete. The representative's section
 * is checked only when filled in, and "Ties to Québec" only feeds the points estimate.
 */
gboolean
declic_validate_section_is_required (DeclicSection section)
{
  g_return_val_if_fail (section >= 0 && section < DECLIC_N_SECTIONS, FALSE);

  return section != DECLIC_SECTION_QUEBEC && section != DECLIC_SECTION_REPRESENTATIVE;
}

static gboolean
section_is_empty (json_object   *root,
                  DeclicSection  section)
{
  return !has_value (member (root, section_keys[section]));
}

/**
 * declic_validate_section_is_empty:
 *
 * Returns: %TRUE when no field of @section holds a value (empty strings, empty lists and
 *   empty objects do not count)
 */
gboolean
declic_validate_section_is_empty (DeclicDraft   *draft,
                                  DeclicSection  section)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), TRUE);
  g_return_val_if_fail (section >= 0 && section < DECLIC_N_SECTIONS, TRUE);

  return section_is_empty (declic_draft_get_root (draft), section);
}

static void
report_empty (Checker       *c,
              DeclicSection  section)
{
  gboolean required = declic_validate_section_is_required (section);

  declic_finding_list_add_printf (c->findings, empty_codes[section], section_keys[section], section,
                                  required ? DECLIC_SEVERITY_ERROR : DECLIC_SEVERITY_INFO,
                                  required ? _("The “%s” section is empty: fill it in; every section must be complete before the DI can be filed.")
                                           : _("The optional “%s” section is empty."),
                                  declic_section_get_title (section));
}

/**
 * declic_validate_draft:
 * @draft: the draft
 * @today: (nullable): today's date; %NULL for the clock's. Dates are judged at the reference
 *   date, the planned filing date when it has not passed, else @today
 *   (declic_draft_get_reference_date ())
 * @ctx: (nullable): reference data to check codes against; NULL checks their form only
 *
 * Checks every section. An empty section gets one finding, "<section>.empty" (an error for the
 * nine sections of the DI, information for the optional ones), instead of one per field.
 *
 * Returns: (transfer full) (element-type DeclicFinding): the findings, in section order
 */
GPtrArray *
declic_validate_draft (DeclicDraft           *draft,
                       const GDate           *today,
                       DeclicValidateContext *ctx)
{
  static const LanguageBlock french = { "french", TRUE, FALSE, DECLIC_SECTION_FRENCH };
  static const LanguageBlock english = { "english", FALSE, FALSE, DECLIC_SECTION_ENGLISH };
  Checker c = { 0 };
  json_object *root;
  GDate now;
  GDate planned;

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), NULL);

  root = declic_draft_get_root (draft);
  c.findings = declic_finding_list_new ();
  if (today != NULL && g_date_valid (today))
    now = *today;
  else
    declic_clock_get_today (&now);
  declic_draft_get_reference_date (draft, &now, &c.ref);
  c.ref_text = date_text (&c.ref);
  if (ctx != NULL)
    {
      c.noc = ctx->noc;
      c.countries = ctx->countries;
      c.tables = ctx->language_tables;
    }

  for (DeclicSection section = 0; section < DECLIC_N_SECTIONS; section++)
    {
      if (section_is_empty (root, section))
        {
          report_empty (&c, section);
          continue;
        }

      switch (section)
        {
        case DECLIC_SECTION_PERSONAL:
          declic_validate_personal (&c, root);
          break;
        case DECLIC_SECTION_CONTACT:
          declic_validate_contact (&c, root);
          break;
        case DECLIC_SECTION_FAMILY:
          declic_validate_family (&c, root);
          break;
        case DECLIC_SECTION_EDUCATION:
          declic_validate_education (&c, root);
          break;
        case DECLIC_SECTION_WORK:
          declic_validate_work (&c, root);
          break;
        case DECLIC_SECTION_JOB_OFFER:
          declic_validate_job_offer (&c, root);
          break;
        case DECLIC_SECTION_FRENCH:
          declic_validate_language_block (&c, member (root, "french"), &french);
          break;
        case DECLIC_SECTION_ENGLISH:
          declic_validate_language_block (&c, member (root, "english"), &english);
          break;
        case DECLIC_SECTION_CONSENT:
          declic_validate_consent (&c, root);
          break;
        case DECLIC_SECTION_REPRESENTATIVE:
          declic_validate_representative (&c, root);
          break;
        case DECLIC_SECTION_QUEBEC:
          declic_validate_quebec (&c, root);
          break;
        case DECLIC_SECTION_NONE:
        case DECLIC_N_SECTIONS:
        default:
          break;
        }
    }

  if (declic_draft_planned_filing_has_passed (draft, &now, &planned))
    declic_finding_list_add_printf (c.findings, "planned_filing_date.passed", "planned_filing_date",
                                    DECLIC_SECTION_NONE, DECLIC_SEVERITY_WARNING,
                                    /* TRANSLATORS: both %s are dates */
                                    _("The planned filing date %s has passed: change it or file now. Until then the draft is checked as if filed today, %s."),
                                    date_text (&planned).text, c.ref_text.text);

  if (c.noc_unchecked && ctx != NULL && ctx->noc_problem != NULL)
    declic_finding_list_add_printf (c.findings, "noc.list_unavailable", "", DECLIC_SECTION_NONE, DECLIC_SEVERITY_INFO,
                                    _("%s. NOC codes were checked for their form and TEER digit only, not against the list of unit groups."),
                                    ctx->noc_problem);
  else if (c.noc_unchecked)
    declic_finding_list_add (c.findings, "noc.list_unavailable", "", DECLIC_SECTION_NONE, DECLIC_SEVERITY_INFO,
                             _("The NOC 2021 list was not found, so NOC codes were checked for their form and TEER digit only, not against the list of unit groups."));
  if (c.countries_unchecked)
    declic_finding_list_add (c.findings, "countries.list_unavailable", "", DECLIC_SECTION_NONE, DECLIC_SEVERITY_INFO,
                             _("The list of countries (iso-codes) was not found, so country and province codes were checked for their form only."));

  return c.findings;
}

/**
 * declic_validate_section_state:
 * @findings: (element-type DeclicFinding): what declic_validate_draft () returned
 * @n_errors: (out) (optional): the section's errors
 *
 * Returns: empty when the section has its "<section>.empty" finding, incomplete when it has an
 *   error, else complete
 */
DeclicSectionState
declic_validate_section_state (GPtrArray     *findings,
                               DeclicSection  section,
                               guint         *n_errors)
{
  gboolean empty = FALSE;
  guint errors = 0;

  g_return_val_if_fail (findings != NULL, DECLIC_SECTION_STATE_EMPTY);
  g_return_val_if_fail (section >= 0 && section < DECLIC_N_SECTIONS, DECLIC_SECTION_STATE_EMPTY);

  for (guint i = 0; i < findings->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (findings, i);

      if (declic_finding_get_section (finding) != section)
        continue;
      if (declic_finding_get_severity (finding) == DECLIC_SEVERITY_ERROR)
        errors++;
      if (g_str_equal (declic_finding_get_code (finding), empty_codes[section]))
        empty = TRUE;
    }

  if (n_errors != NULL)
    *n_errors = errors;
  if (empty)
    return DECLIC_SECTION_STATE_EMPTY;
  return errors > 0 ? DECLIC_SECTION_STATE_INCOMPLETE : DECLIC_SECTION_STATE_COMPLETE;
}

/**
 * declic_validate_can_file:
 * @findings: (element-type DeclicFinding): what declic_validate_draft () returned for @draft
 *
 * Returns: %TRUE when every required section is complete, the optional ones have no error, no
 *   other error stands, and both consents are given
 */
gboolean
declic_validate_can_file (GPtrArray   *findings,
                          DeclicDraft *draft)
{
  json_object *consent;

  g_return_val_if_fail (findings != NULL, FALSE);
  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), FALSE);

  for (DeclicSection section = 0; section < DECLIC_N_SECTIONS; section++)
    {
      DeclicSectionState state = declic_validate_section_state (findings, section, NULL);

      if (state == DECLIC_SECTION_STATE_INCOMPLETE ||
          (state == DECLIC_SECTION_STATE_EMPTY && declic_validate_section_is_required (section)))
        return FALSE;
    }
  if (declic_finding_list_count (findings, DECLIC_SECTION_NONE, DECLIC_SEVERITY_ERROR) > 0)
    return FALSE;

  /* Checked on the draft itself too: consent must never be inferred from a stale list. */
  consent = member (declic_draft_get_root (draft), "consent");
  return get_answer (consent, "information_true") == ANSWER_YES &&
         get_answer (consent, "personal_information") == ANSWER_YES;
}
