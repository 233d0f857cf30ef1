/* declic-validate.c: checking every section of a draft (see the header for what and why).
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

#include <json-c/json.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "declic-language-tables.h"
#include "declic-utils.h"
#include "declic-validate.h"

/* ---------------------------------------------------------------------------------------- */
/* The context                                                                              */

struct _DeclicValidateContext
{
  gatomicrefcount       ref_count;
  DeclicNoc            *noc;
  DeclicCountries      *countries;
  DeclicLanguageTables *language_tables;
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
/* Reading the tree                                                                         */

typedef enum
{
  ANSWER_NONE = -1,
  ANSWER_NO = 0,
  ANSWER_YES = 1,
} Answer;

typedef enum
{
  DATE_ABSENT,
  DATE_INVALID,
  DATE_VALID,
} DateState;

/* A member that is there and not null; NULL when @obj is not an object. */
static json_object *
member (json_object *obj,
        const char  *key)
{
  json_object *value = NULL;

  if (obj == NULL || !json_object_is_type (obj, json_type_object))
    return NULL;
  if (!json_object_object_get_ex (obj, key, &value) || json_object_is_type (value, json_type_null))
    return NULL;
  return value;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* A string with something other than spaces in it, else NULL: "  " is as good as empty. */
static const char *
get_text (json_object *obj,
          const char  *key)
{
  json_object *value = member (obj, key);
  const char *text;

  if (value == NULL || !json_object_is_type (value, json_type_string))
    return NULL;
  text = json_object_get_string (value);
  return is_blank (text) ? NULL : text;
}

static Answer
get_answer (json_object *obj,
            const char  *key)
{
  json_object *value = member (obj, key);

  if (value == NULL || !json_object_is_type (value, json_type_boolean))
    return ANSWER_NONE;
  return json_object_get_boolean (value) ? ANSWER_YES : ANSWER_NO;
}

static gboolean
get_number (json_object *obj,
            const char  *key,
            double      *number)
{
  json_object *value = member (obj, key);

  if (value == NULL ||
      !(json_object_is_type (value, json_type_int) || json_object_is_type (value, json_type_double)))
    return FALSE;
  *number = json_object_get_double (value);
  return isfinite (*number);
}

static json_object *
get_array (json_object *obj,
           const char  *key)
{
  json_object *value = member (obj, key);

  return value != NULL && json_object_is_type (value, json_type_array) ? value : NULL;
}

static gsize
array_length (json_object *array)
{
  return array != NULL ? json_object_array_length (array) : 0;
}

static DateState
get_date (json_object *obj,
          const char  *key,
          GDate       *date)
{
  const char *text = get_text (obj, key);

  g_date_clear (date, 1);
  if (text == NULL)
    return DATE_ABSENT;
  return declic_utils_parse_date (text, date) ? DATE_VALID : DATE_INVALID;
}

/* Whether anything was entered under @node: a non-blank string, a boolean or a number. */
static gboolean
has_value (json_object *node)
{
  if (node == NULL)
    return FALSE;

  switch (json_object_get_type (node))
    {
    case json_type_string:
      return !is_blank (json_object_get_string (node));
    case json_type_boolean:
    case json_type_int:
    case json_type_double:
      return TRUE;
    case json_type_object:
      {
        json_object_object_foreach (node, key, child)
          {
            (void) key;
            if (has_value (child))
              return TRUE;
          }
        return FALSE;
      }
    case json_type_array:
      for (gsize i = 0; i < json_object_array_length (node); i++)
        if (has_value (json_object_array_get_idx (node, i)))
          return TRUE;
      return FALSE;
    case json_type_null:
    default:
      return FALSE;
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Dates                                                                                    */

typedef struct
{
  char text[16];
} DateText;

static DateText
date_text (const GDate *date)
{
  DateText t = { "" };

  if (date != NULL && g_date_valid (date))
    g_snprintf (t.text, sizeof t.text, "%04u-%02u-%02u",
                g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  return t;
}

static DateText
julian_text (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return date_text (&date);
}

/* The day someone born on @start turns @years: a 29 February birthday comes round on 1 March in
 * a common year, the reading declic_utils_age_at () uses, so the two always agree. */
static void
get_anniversary (const GDate *start,
                 guint        years,
                 GDate       *out)
{
  guint year = g_date_get_year (start) + years;
  GDateMonth month = g_date_get_month (start);
  GDateDay day = g_date_get_day (start);

  g_date_clear (out, 1);
  if (month == G_DATE_FEBRUARY && day == 29 && !g_date_is_leap_year ((GDateYear) year))
    g_date_set_dmy (out, 1, G_DATE_MARCH, (GDateYear) year);
  else
    g_date_set_dmy (out, day, month, (GDateYear) year);
}

/* ---------------------------------------------------------------------------------------- */
/* Reporting                                                                                */

typedef enum
{
  ITEM_NONE,
  ITEM_OTHER_NAME,
  ITEM_CITIZENSHIP,
  ITEM_CHILD,
  ITEM_DIPLOMA,
  ITEM_PERIOD,
  ITEM_RESULT,
  ITEM_SPOUSE_RESULT,
} ItemKind;

typedef struct
{
  GPtrArray             *findings;
  GDate                  ref;
  DateText               ref_text;
  DeclicNoc             *noc;
  DeclicCountries       *countries;
  DeclicLanguageTables  *tables;
  gboolean               noc_unchecked;        /* a code was checked for its form only */
  gboolean               countries_unchecked;
} Checker;

/* Where the fields being checked live. */
typedef struct
{
  json_object   *obj;          /* the object holding them; may be NULL */
  const char    *path;         /* concrete: "personal", "education[1]" */
  const char    *pattern;      /* for the field table: "personal", "education[]" */
  const char    *code;         /* for finding codes: "personal", "education" */
  DeclicSection  section;
  ItemKind       item;         /* inside a list: how to name the item in messages */
  guint          item_number;  /* 1-based */
} Scope;

static char *
describe_item (ItemKind kind,
               guint    number)
{
  switch (kind)
    {
    case ITEM_OTHER_NAME:
      return g_strdup_printf (_("Other name %u"), number);
    case ITEM_CITIZENSHIP:
      return g_strdup_printf (_("Citizenship %u"), number);
    case ITEM_CHILD:
      return g_strdup_printf (_("Child %u"), number);
    case ITEM_DIPLOMA:
      return g_strdup_printf (_("Diploma %u"), number);
    case ITEM_PERIOD:
      return g_strdup_printf (_("Period %u"), number);
    case ITEM_RESULT:
      return g_strdup_printf (_("Result %u"), number);
    case ITEM_SPOUSE_RESULT:
      return g_strdup_printf (_("Spouse’s result %u"), number);
    case ITEM_NONE:
    default:
      return NULL;
    }
}

/* "a" + "b" → "a.b"; either may be NULL or empty. */
static void
join (char       *buffer,
      gsize       size,
      const char *first,
      const char *second)
{
  buffer[0] = '\0';
  if (first != NULL)
    g_strlcpy (buffer, first, size);
  if (second != NULL && *second != '\0')
    {
      if (buffer[0] != '\0')
        g_strlcat (buffer, ".", size);
      g_strlcat (buffer, second, size);
    }
}

static void report (Checker     *c,
                    const Scope *s,
                    const char  *key,
                    const char  *problem,
                    DeclicSeverity severity,
                    const char  *format,
                    ...) G_GNUC_PRINTF (6, 7);

/* Adds a finding on field @key of @s (NULL: on @s itself), code "<s code>.<key>.<problem>". */
static void
report (Checker        *c,
        const Scope    *s,
        const char     *key,
        const char     *problem,
        DeclicSeverity  severity,
        const char     *format,
        ...)
{
  char path[256];
  char code[256];
  g_autofree char *message = NULL;
  g_autofree char *item = NULL;
  va_list args;

  join (path, sizeof path, s->path, key);
  join (code, sizeof code, s->code, key);
  g_strlcat (code, ".", sizeof code);
  g_strlcat (code, problem, sizeof code);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  item = describe_item (s->item, s->item_number);
  if (item != NULL)
    {
      /* Translators: an item of a list ("Diploma 2"), then what is wrong with it. */
      char *full = g_strdup_printf (_("%s: %s"), item, message);
      g_free (message);
      message = full;
    }

  declic_finding_list_add (c->findings, code, path, s->section, severity, message);
}

/* The field's translated label from the field table, for messages. */
static const char *
label_of (const Scope *s,
          const char  *key)
{
  char pattern[256];
  const DeclicFieldSpec *spec;

  join (pattern, sizeof pattern, s->pattern, key);
  spec = declic_draft_fields_lookup (pattern);
  if (spec == NULL || spec->label == NULL)
    return key != NULL ? key : s->path;
  return _(spec->label);
}

static void
report_required (Checker     *c,
                 const Scope *s,
                 const char  *key)
{
  report (c, s, key, "required", DECLIC_SEVERITY_ERROR,
          _("The field “%s” is empty; fill it in."), label_of (s, key));
}

static void
report_unanswered (Checker     *c,
                   const Scope *s,
                   const char  *key)
{
  report (c, s, key, "required", DECLIC_SEVERITY_ERROR,
          _("The question “%s” is not answered; answer Yes or No."), label_of (s, key));
}

static const char *
require_text (Checker     *c,
              const Scope *s,
              const char  *key)
{
  const char *text = get_text (s->obj, key);

  if (text == NULL)
    report_required (c, s, key);
  return text;
}

static Answer
require_answer (Checker     *c,
                const Scope *s,
                const char  *key)
{
  Answer answer = get_answer (s->obj, key);

  if (answer == ANSWER_NONE)
    report_unanswered (c, s, key);
  return answer;
}

typedef enum
{
  DATE_OPTIONAL = 0,
  DATE_REQUIRED = 1 << 0,
  DATE_NOT_FUTURE = 1 << 1,  /* after the reference date is an error */
} DateFlags;

/* Returns whether @date was set to a valid date (even one reported as in the future). */
static gboolean
check_date (Checker     *c,
            const Scope *s,
            const char  *key,
            DateFlags    flags,
            GDate       *date)
{
  switch (get_date (s->obj, key, date))
    {
    case DATE_ABSENT:
      if (flags & DATE_REQUIRED)
        report_required (c, s, key);
      return FALSE;

    case DATE_INVALID:
      report (c, s, key, "invalid", DECLIC_SEVERITY_ERROR,
              _("“%s” is not a valid date (“%s”): write it as YYYY-MM-DD, for example 2026-11-22."),
              label_of (s, key), get_text (s->obj, key));
      return FALSE;

    case DATE_VALID:
      if ((flags & DATE_NOT_FUTURE) && g_date_compare (date, &c->ref) > 0)
        report (c, s, key, "in_future", DECLIC_SEVERITY_ERROR,
                _("“%s” is %s, after the reference date %s; it cannot be in the future. Check the date."),
                label_of (s, key), date_text (date).text, c->ref_text.text);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Countries, subdivisions, NOC codes                                                       */

static gboolean
is_upper_alpha (const char *text,
                gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isupper (text[i]))
      return FALSE;
  return text[length] == '\0';
}

static gboolean
country_is_valid (Checker    *c,
                  const char *code)
{
  if (c->countries != NULL)
    return declic_countries_is_valid_code (c->countries, code);

  c->countries_unchecked = TRUE;
  return is_upper_alpha (code, 2);
}

static const char *
country_name (Checker    *c,
              const char *code)
{
  const DeclicCountry *country = c->countries != NULL ? declic_countries_lookup (c->countries, code) : NULL;

  return country != NULL ? declic_country_get_localized_name (country) : code;
}

/* Returns the code when it names a country. */
static const char *
check_country_value (Checker     *c,
                     const Scope *s,
                     const char  *key,
                     const char  *code)
{
  if (!country_is_valid (c, code))
    {
      report (c, s, key, "invalid", DECLIC_SEVERITY_ERROR,
              _("“%s” is not a known country code (ISO 3166): choose the country from the list."),
              code);
      return NULL;
    }
  return code;
}

static const char *
check_country (Checker     *c,
               const Scope *s,
               const char  *key,
               gboolean     required)
{
  const char *code = required ? require_text (c, s, key) : get_text (s->obj, key);

  return code != NULL ? check_country_value (c, s, key, code) : NULL;
}

/* "CA-QC": two capitals, a dash, then one to three letters or digits. */
static gboolean
looks_like_subdivision_code (const char *text)
{
  gsize len = strlen (text);

  if (len < 4 || len > 6 || !g_ascii_isupper (text[0]) || !g_ascii_isupper (text[1]) || text[2] != '-')
    return FALSE;
  for (gsize i = 3; i < len; i++)
    if (!g_ascii_isupper (text[i]) && !g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
subdivision_is_known (Checker    *c,
                      const char *code,
                      const char *country)
{
  const DeclicSubdivision *subdivision;

  if (c->countries == NULL)
    {
      c->countries_unchecked = TRUE;
      return TRUE;
    }
  subdivision = declic_countries_lookup_subdivision (c->countries, code);
  return subdivision != NULL && g_strcmp0 (declic_subdivision_get_country_code (subdivision), country) == 0;
}

/* Canada: a province or territory is required (Québec's rules tell provinces apart). Elsewhere
 * the field is free text, checked only when it is written as an ISO 3166-2 code. */
static void
check_subdivision (Checker     *c,
                   const Scope *s,
                   const char  *key,
                   const char  *country)
{
  const char *value = get_text (s->obj, key);

  if (country == NULL)
    return;

  if (g_str_equal (country, "CA"))
    {
      if (value == NULL)
        report (c, s, key, "required", DECLIC_SEVERITY_ERROR,
                _("In Canada, “%s” is required: choose the province or territory."),
                label_of (s, key));
      else if (!looks_like_subdivision_code (value) || strncmp (value, "CA-", 3) != 0 ||
               !subdivision_is_known (c, value, "CA"))
        report (c, s, key, "invalid", DECLIC_SEVERITY_ERROR,
                _("“%s” is not a Canadian province or territory: choose one from the list (CA-QC is Québec)."),
                value);
      return;
    }

  if (value == NULL || !looks_like_subdivision_code (value))
    return;
  if (strncmp (value, country, 2) != 0)
    report (c, s, key, "other_country", DECLIC_SEVERITY_ERROR,
            _("“%s” is not in %s: choose a province or state of that country, or correct the country."),
            value, country_name (c, country));
  else if (!subdivision_is_known (c, value, country))
    report (c, s, key, "invalid", DECLIC_SEVERITY_WARNING,
            _("“%s” is not a known province or state of %s: check it."),
            value, country_name (c, country));
}

static void
check_noc (Checker     *c,
           const Scope *s,
           const char  *key)
{
  const char *code = require_text (c, s, key);

  if (code == NULL)
    return;

  if (!declic_noc_code_is_well_formed (code))
    report (c, s, key, "invalid", DECLIC_SEVERITY_ERROR,
            _("“%s” is not a NOC 2021 code: a code has 5 digits, the 2nd being the TEER category from 0 to 5 (for example 21231)."),
            code);
  else if (c->noc == NULL)
    c->noc_unchecked = TRUE;
  else if (declic_noc_lookup (c->noc, code) == NULL)
    report (c, s, key, "unknown", DECLIC_SEVERITY_ERROR,
            _("%s is not one of the NOC 2021 unit groups: search the occupation by its title to find its code."),
            code);
}

/* ---------------------------------------------------------------------------------------- */
/* E-mail and phone                                                                         */

/* Deliberately simple: one @, something before it, a domain with a dot and no empty label,
 * no spaces. What Arrima accepts exactly is not published; this catches typing mistakes. */
static gboolean
email_is_valid (const char *text)
{
  const char *at = strchr (text, '@');
  const char *domain;
  const char *last_dot;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == '\x7f' || *p == ',' || *p == ';' || *p == '<' || *p == '>')
      return FALSE;

  domain = at + 1;
  last_dot = strrchr (domain, '.');
  if (last_dot == NULL || domain[0] == '.' || strstr (domain, "..") != NULL || strlen (last_dot + 1) < 2)
    return FALSE;
  if (text[0] == '.' || at[-1] == '.')
    return FALSE;
  return TRUE;
}

/* Digits, spaces, dashes, dots, parentheses and one leading +; 7 to 15 digits (E.164's maximum). */
static gboolean
phone_is_plausible (const char *text)
{
  guint digits = 0;
  gboolean seen_any = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '+')
        {
          if (seen_any)
            return FALSE;
        }
      else if (*p != ' ' && *p != '-' && *p != '.' && *p != '(' && *p != ')')
        return FALSE;
      if (*p != ' ')
        seen_any = TRUE;
    }
  return digits >= 7 && digits <= 15;
}

/* ---------------------------------------------------------------------------------------- */
/* 1. Personal information                                                                  */

static void
check_age (Checker     *c,
           const Scope *s,
           const GDate *birth,
           int          minimum,
           const char  *problem,
           gboolean     spouse)
{
  int age;
  GDate from;

  if (g_date_compare (birth, &c->ref) > 0)
    return;  /* already reported as in the future */

  age = declic_utils_age_at (birth, &c->ref);
  if (age >= minimum)
    return;

  get_anniversary (birth, (guint) minimum, &from);
  if (spouse)
    report (c, s, "birth_date", problem, DECLIC_SEVERITY_ERROR,
            _("The accompanying spouse is %d on %s; a spouse must be 16 or older when the DI is filed (possible from %s)."),
            age, c->ref_text.text, date_text (&from).text);
  else
    report (c, s, "birth_date", problem, DECLIC_SEVERITY_ERROR,
            _("The applicant is %d on %s; the principal applicant must be 18 or older when the DI is filed (possible from %s)."),
            age, c->ref_text.text, date_text (&from).text);
}

static void
check_personal (Checker     *c,
                json_object *root)
{
  Scope s = { member (root, "personal"), "personal", "personal", "personal", DECLIC_SECTION_PERSONAL };
  Scope passport = { member (s.obj, "passport"), "personal.passport", "personal.passport",
                     "personal.passport", DECLIC_SECTION_PERSONAL };
  json_object *citizenships = get_array (s.obj, "citizenships");
  json_object *other_names = get_array (s.obj, "other_names");
  const char *issuing_country;
  gboolean issuing_is_citizenship = FALSE;
  gsize n_citizenships = 0;
  GDate date;

  require_text (c, &s, "family_names");
  require_text (c, &s, "given_names");
  require_text (c, &s, "sex");

  if (check_date (c, &s, "birth_date", DATE_REQUIRED | DATE_NOT_FUTURE, &date))
    {
      check_age (c, &s, &date, 18, "under_18", FALSE);
      if (g_date_compare (&date, &c->ref) <= 0 && declic_utils_age_at (&date, &c->ref) >= 100)
        report (c, &s, "birth_date", "implausible", DECLIC_SEVERITY_WARNING,
                _("The date of birth %s gives an age of %d: check the year."),
                date_text (&date).text, declic_utils_age_at (&date, &c->ref));
    }

  check_country (c, &s, "birth_country", TRUE);

  issuing_country = check_country (c, &passport, "issuing_country", TRUE);
  for (gsize i = 0; i < array_length (citizenships); i++)
    {
      json_object *item = json_object_array_get_idx (citizenships, i);
      const char *code = item != NULL && json_object_is_type (item, json_type_string) ? json_object_get_string (item) : NULL;
      char path[64];
      Scope cs = { NULL, path, "personal.citizenships[]", "personal.citizenships",
                   DECLIC_SECTION_PERSONAL, ITEM_CITIZENSHIP, (guint) i + 1 };

      if (code == NULL || is_blank (code))
        continue;  /* an empty row the user has just added */
      n_citizenships++;
      g_snprintf (path, sizeof path, "personal.citizenships[%" G_GSIZE_FORMAT "]", i);
      if (check_country_value (c, &cs, NULL, code) != NULL && issuing_country != NULL &&
          g_str_equal (code, issuing_country))
        issuing_is_citizenship = TRUE;
    }
  if (n_citizenships == 0)
    report (c, &s, "citizenships", "required", DECLIC_SEVERITY_ERROR,
            _("No citizenship is entered: add every country you are a citizen of."));
  else if (issuing_country != NULL && !issuing_is_citizenship)
    report (c, &passport, "issuing_country", "not_citizenship", DECLIC_SEVERITY_WARNING,
            _("The passport is issued by %s, which is not among the citizenships entered: add that citizenship, or check the country."),
            country_name (c, issuing_country));

  require_text (c, &passport, "number");
  if (check_date (c, &passport, "expiry_date", DATE_REQUIRED, &date) &&
      g_date_compare (&date, &c->ref) < 0)
    report (c, &passport, "expiry_date", "expired", DECLIC_SEVERITY_WARNING,
            _("The passport expired on %s, before the reference date %s: enter the details of a valid passport."),
            date_text (&date).text, c->ref_text.text);

  for (gsize i = 0; i < array_length (other_names); i++)
    {
      json_object *item = json_object_array_get_idx (other_names, i);
      char path[64];
      Scope os = { item, path, "personal.other_names[]", "personal.other_names",
                   DECLIC_SECTION_PERSONAL, ITEM_OTHER_NAME, (guint) i + 1 };

      g_snprintf (path, sizeof path, "personal.other_names[%" G_GSIZE_FORMAT "]", i);
      if (get_text (item, "family_names") == NULL && get_text (item, "given_names") == NULL)
        report (c, &os, NULL, "empty", DECLIC_SEVERITY_WARNING,
                _("This other name is empty: fill it in or remove it."));
    }
}

/* ---------------------------------------------------------------------------------------- */
/* 2. Contact details                                                                       */

static void
check_contact (Checker     *c,
               json_object *root)
{
  Scope s = { member (root, "contact"), "contact", "contact", "contact", DECLIC_SECTION_CONTACT };
  Scope address = { member (s.obj, "address"), "contact.address", "contact.address",
                    "contact.address", DECLIC_SECTION_CONTACT };
  const char *text;
  const char *country;

  text = require_text (c, &s, "email");
  if (text != NULL && !email_is_valid (text))
    report (c, &s, "email", "invalid", DECLIC_SEVERITY_ERROR,
            _("“%s” is not a valid e-mail address: Arrima needs one it can write to, such as name@example.com."),
            text);

  text = require_text (c, &s, "phone");
  if (text != NULL && !phone_is_plausible (text))
    report (c, &s, "phone", "invalid", DECLIC_SEVERITY_ERROR,
            _("“%s” does not look like a phone number: use digits, spaces and dashes, with at least 7 digits and the country code after a + (for example +33 6 12 34 56 78)."),
            text);

  require_text (c, &address, "city");
  country = check_country (c, &address, "country", TRUE);
  check_subdivision (c, &address, "subdivision", country);
  if (country != NULL)
    {
      const char *postal_code = get_text (address.obj, "postal_code");
      const char *example = declic_postal_code_get_example (country);

      /* An empty code is "invalid" exactly when the country has a known format. */
      switch (declic_postal_code_check (country, postal_code != NULL ? postal_code : ""))
        {
        case DECLIC_POSTAL_CODE_INVALID:
          if (postal_code == NULL)
            report (c, &address, "postal_code", "required", DECLIC_SEVERITY_ERROR,
                    _("An address in %s has a postal code: enter it (for example %s)."),
                    country_name (c, country), example != NULL ? example : "");
          else
            report (c, &address, "postal_code", "invalid", DECLIC_SEVERITY_ERROR,
                    _("“%s” is not a valid postal code in %s: it should look like %s."),
                    postal_code, country_name (c, country), example != NULL ? example : "");
          break;
        case DECLIC_POSTAL_CODE_VALID:
        case DECLIC_POSTAL_CODE_UNKNOWN_FORMAT:
        default:
          break;
        }
    }

  check_country (c, &s, "residence_country", TRUE);
  require_text (c, &s, "residence_status");
}

/* ---------------------------------------------------------------------------------------- */
/* 7, 8 and the spouse's: language results                                                  */

typedef struct
{
  const char *test;
  const char *language;  /* "fr" or "en" */
  gboolean    has_table;
  gboolean    acceptance_unknown;  /* DI.md §3.4: MIFI's acceptance [unknown] */
} TestInfo;

/* Used when no language tables were loaded; the tables' own data wins when they are. */
static const TestInfo known_tests[] = {
  { "tef_canada", "fr", TRUE, FALSE },
  { "tefaq", "fr", FALSE, FALSE },
  { "tcf_canada", "fr", TRUE, FALSE },
  { "tcf_quebec", "fr", FALSE, FALSE },
  { "delf", "fr", FALSE, FALSE },
  { "dalf", "fr", FALSE, FALSE },
  { "french_study_diploma", "fr", FALSE, FALSE },
  { "ielts_general", "en", TRUE, FALSE },
  { "celpip_general", "en", TRUE, TRUE },
  { "pte_core", "en", FALSE, TRUE },
  { "english_study_diploma", "en", FALSE, FALSE },
};

static const TestInfo *
lookup_test (const char *test)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_tests); i++)
    if (g_str_equal (known_tests[i].test, test))
      return &known_tests[i];
  return NULL;
}

static const char * const skills[] = { "listening", "speaking", "reading", "writing" };

typedef struct
{
  const char    *path;       /* "french", "family.spouse.english" */
  gboolean       french;
  gboolean       spouse;
  DeclicSection  section;
} LanguageBlock;

/* A result of 2024-11-22 still counts on 2026-11-21, not on 2026-11-22: the rule and its
 * reading live in declic_language_result_is_expired (), shared with the deadlines. */
static gboolean
result_is_expired (Checker     *c,
                   const GDate *results_date,
                   GDate       *expiry)
{
  g_autoptr(GDate) end = declic_language_result_expiry (results_date);

  *expiry = *end;
  return declic_language_result_is_expired (results_date, &c->ref);
}

/* The tables stop at 10 ("10 or more") and give 0 below 4, so 11 next to a converted 10, or 3
 * next to a converted 0, say the same thing. */
static gboolean
level_agrees (guint level,
              guint converted)
{
  if (converted == DECLIC_LANGUAGE_LEVEL_HIGHEST)
    return level >= DECLIC_LANGUAGE_LEVEL_HIGHEST;
  if (converted == DECLIC_LANGUAGE_LEVEL_BELOW_LOWEST)
    return level < 4;
  return level == converted;
}

static void
check_skill (Checker     *c,
             const Scope *result,
             const char  *skill,
             const char  *test,
             const GDate *results_date,
             gboolean     has_table)
{
  char path[192], pattern[192], code[192];
  Scope s = *result;
  double score = 0, level = 0;
  gboolean has_score, has_level;
  const char *test_label;

  join (path, sizeof path, result->path, skill);
  join (pattern, sizeof pattern, result->pattern, skill);
  join (code, sizeof code, result->code, skill);
  s.obj = member (result->obj, skill);
  s.path = path;
  s.pattern = pattern;
  s.code = code;

  has_score = get_number (s.obj, "score", &score);
  has_level = get_number (s.obj, "level", &level);

  if (!has_score && !has_level)
    {
      report (c, &s, NULL, "required", DECLIC_SEVERITY_ERROR,
              _("“%s” has neither a score nor a level: enter the one shown on the results."),
              label_of (result, skill));
      return;
    }

  if (has_level && (level < 1 || level > 12 || level != floor (level)))
    {
      report (c, &s, "level", "out_of_range", DECLIC_SEVERITY_ERROR,
              _("The “%s” level is %g: levels are whole numbers from 1 to 12."),
              label_of (result, skill), level);
      return;
    }

  if (test == NULL)
    return;
  test_label = declic_enum_choice_get_label ("french.results[].test", test);

  if (!has_table)
    {
      if (!has_level)
        report (c, &s, "level", "required", DECLIC_SEVERITY_ERROR,
                _("No table converts %s scores to levels: enter the “%s” level shown on the results."),
                test_label, label_of (result, skill));
      return;
    }

  /* A table exists: a level that is not the table's reading of the score was set by hand. */
  if (has_score && c->tables != NULL && results_date != NULL)
    {
      g_autoptr(GError) error = NULL;
      guint converted = 0;

      if (!declic_language_tables_convert (c->tables, test, results_date, skill, score, &converted, NULL, &error))
        {
          if (g_error_matches (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_SCORE_OUT_OF_RANGE) ||
              g_error_matches (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_INVALID_SCORE))
            report (c, &s, "score", "invalid", DECLIC_SEVERITY_ERROR, "%s", error->message);
          else if (!has_level)
            report (c, &s, "level", "required", DECLIC_SEVERITY_ERROR,
                    _("No table converts %s scores of this date to levels: enter the “%s” level shown on the results."),
                    test_label, label_of (result, skill));
          return;
        }
      if (has_level && !level_agrees ((guint) level, converted))
        report (c, &s, "level", "override", DECLIC_SEVERITY_INFO,
                _("The “%s” level %g was entered by hand, while the conversion table gives %u for a score of %g (override): make sure it is the level on the results."),
                label_of (result, skill), level, converted, score);
      return;
    }

  if (has_level)
    report (c, &s, "level", "override", DECLIC_SEVERITY_INFO,
            _("The “%s” level %g was entered by hand rather than converted from a score (override): make sure it is the level on the results."),
            label_of (result, skill), level);
}

static void
check_language_block (Checker             *c,
                      json_object         *block,
                      const LanguageBlock *b)
{
  char results_path[96], results_pattern[96];
  Scope s = { block, b->path, b->path, b->path, b->section };
  json_object *results = get_array (block, "results");
  gsize n = array_length (results);
  Answer no_result = get_answer (block, "no_result");
  gboolean any_valid = FALSE;

  g_snprintf (results_pattern, sizeof results_pattern, "%s.results[]", b->path);

  if (no_result == ANSWER_YES)
    {
      if (n > 0 && has_value (results))
        report (c, &s, "no_result", "conflict", DECLIC_SEVERITY_ERROR,
                _("“No standardized result” is ticked, yet results are entered: untick it, or remove the results."));
      return;
    }
  if (n == 0)
    {
      report (c, &s, NULL, "required", DECLIC_SEVERITY_ERROR,
              _("Enter at least one test result or diploma, or tick “No standardized result”."));
      return;
    }

  /* Whether an older result is only superseded (a warning) or the only one (an error). */
  for (gsize i = 0; i < n; i++)
    {
      json_object *item = json_object_array_get_idx (results, i);
      GDate date, expiry;

      if (get_date (item, "result_date", &date) == DATE_VALID && g_date_compare (&date, &c->ref) <= 0 &&
          !result_is_expired (c, &date, &expiry))
        any_valid = TRUE;
    }

  for (gsize i = 0; i < n; i++)
    {
      json_object *item = json_object_array_get_idx (results, i);
      char code[96];
      Scope r = { item, results_path, results_pattern, code, b->section,
                  b->spouse ? ITEM_SPOUSE_RESULT : ITEM_RESULT, (guint) i + 1 };
      const char *test;
      const TestInfo *info = NULL;
      gboolean has_table = FALSE;
      GDate date, expiry;
      gboolean date_ok;

      g_snprintf (results_path, sizeof results_path, "%s.results[%" G_GSIZE_FORMAT "]", b->path, i);
      g_snprintf (code, sizeof code, "%s.results", b->path);

      test = require_text (c, &r, "test");
      if (test != NULL)
        {
          const char *language;

          info = lookup_test (test);
          language = c->tables != NULL ? declic_language_tables_get_test_language (c->tables, test) : NULL;
          if (language == NULL && info != NULL)
            language = info->language;
          has_table = c->tables != NULL ? declic_language_tables_has_table (c->tables, test)
                                        : (info != NULL && info->has_table);

          if (language == NULL)
            {
              report (c, &r, "test", "invalid", DECLIC_SEVERITY_ERROR,
                      _("“%s” is not a language test or diploma Déclic knows: choose one from the list."),
                      test);
              test = NULL;
            }
          else if (b->french != g_str_equal (language, "fr"))
            {
              const char *test_label = declic_enum_choice_get_label ("french.results[].test", test);

              if (b->french)
                report (c, &r, "test", "wrong_language", DECLIC_SEVERITY_ERROR,
                        _("%s assesses English, not French: move this result to the English results."),
                        test_label);
              else
                report (c, &r, "test", "wrong_language", DECLIC_SEVERITY_ERROR,
                        _("%s assesses French, not English: move this result to the French results."),
                        test_label);
              test = NULL;
            }
          else if (info != NULL && info->acceptance_unknown)
            report (c, &r, "test", "acceptance_unknown", DECLIC_SEVERITY_WARNING,
                    _("Whether MIFI accepts %s is not confirmed (no official source was found): check before relying on it; IELTS General Training is accepted."),
                    declic_enum_choice_get_label ("french.results[].test", test));
        }

      date_ok = check_date (c, &r, "result_date", DATE_REQUIRED | DATE_NOT_FUTURE, &date) &&
                g_date_compare (&date, &c->ref) <= 0;
      if (date_ok && result_is_expired (c, &date, &expiry))
        {
          if (any_valid)
            report (c, &r, "result_date", "expired", DECLIC_SEVERITY_WARNING,
                    _("These results of %s expired on %s (results are valid 2 years): they no longer count, but a more recent result does. You may remove them."),
                    date_text (&date).text, date_text (&expiry).text);
          else
            report (c, &r, "result_date", "expired", DECLIC_SEVERITY_ERROR,
                    _("These results of %s expired on %s, before the reference date %s: results are valid 2 years. Take the test again, or tick “No standardized result”."),
                    date_text (&date).text, date_text (&expiry).text, c->ref_text.text);
        }

      for (guint k = 0; k < G_N_ELEMENTS (skills); k++)
        check_skill (c, &r, skills[k], test, date_ok ? &date : NULL, has_table);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* 3. Family situation                                                                      */

static gboolean
has_alnum (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || ((guchar) *p & 0x80) != 0)
      return TRUE;
  return FALSE;
}

static void
check_family (Checker     *c,
              json_object *root)
{
  static const LanguageBlock spouse_french = { "family.spouse.french", TRUE, TRUE, DECLIC_SECTION_FAMILY };
  static const LanguageBlock spouse_english = { "family.spouse.english", FALSE, TRUE, DECLIC_SECTION_FAMILY };
  Scope s = { member (root, "family"), "family", "family", "family", DECLIC_SECTION_FAMILY };
  Scope spouse = { member (s.obj, "spouse"), "family.spouse", "family.spouse", "family.spouse",
                   DECLIC_SECTION_FAMILY };
  json_object *children = get_array (s.obj, "children");
  const char *status = require_text (c, &s, "marital_status");
  gboolean in_union = status != NULL && (g_str_equal (status, "married") || g_str_equal (status, "de_facto"));
  Answer accompanies = get_answer (s.obj, "spouse_accompanies");
  GDate date;

  if (in_union && accompanies == ANSWER_NONE)
    report_unanswered (c, &s, "spouse_accompanies");
  else if (status != NULL && !in_union && accompanies == ANSWER_YES)
    report (c, &s, "spouse_accompanies", "not_in_union", DECLIC_SEVERITY_ERROR,
            _("A spouse accompanies, but the marital status is “%s”: only a married or de facto spouse can accompany. Correct the marital status, or answer No."),
            declic_enum_choice_get_label ("family.marital_status", status));

  if (check_date (c, &s, "union_date", DATE_NOT_FUTURE, &date))
    {
      if (g_strcmp0 (status, "de_facto") == 0 && g_date_compare (&date, &c->ref) <= 0)
        {
          GDate year_later;

          get_anniversary (&date, 1, &year_later);
          if (g_date_compare (&c->ref, &year_later) < 0)
            report (c, &s, "union_date", "under_1_year", DECLIC_SEVERITY_ERROR,
                    _("You have lived together since %s, less than one year on %s: a de facto spouse must have lived with you for at least one year (from %s)."),
                    date_text (&date).text, c->ref_text.text, date_text (&year_later).text);
        }
    }
  else if (g_strcmp0 (status, "de_facto") == 0 && get_date (s.obj, "union_date", &date) == DATE_ABSENT)
    report (c, &s, "union_date", "missing", DECLIC_SEVERITY_WARNING,
            _("Enter the date you started living together: a de facto union counts from one year of living together, which cannot be checked without it."));

  if (accompanies == ANSWER_YES)
    {
      const char *di_number;
      json_object *value;
      gboolean adult = TRUE;

      require_text (c, &spouse, "family_names");
      require_text (c, &spouse, "given_names");
      if (check_date (c, &spouse, "birth_date", DATE_REQUIRED | DATE_NOT_FUTURE, &date))
        {
          check_age (c, &spouse, &date, 16, "under_16", TRUE);
          adult = g_date_compare (&date, &c->ref) <= 0 && declic_utils_age_at (&date, &c->ref) >= 18;
        }
      require_text (c, &spouse, "education_level");

      /* DI.md §9: the DI number's format is unknown, so anything with a letter or digit goes. */
      value = member (spouse.obj, "di_number");
      di_number = value != NULL && json_object_is_type (value, json_type_string) ? json_object_get_string (value) : NULL;
      if (di_number != NULL && *di_number != '\0' && !has_alnum (di_number))
        report (c, &spouse, "di_number", "empty", DECLIC_SEVERITY_WARNING,
                _("The spouse’s DI number “%s” has no letter or digit: enter the number of the spouse’s own DI, or leave it empty (its format is not published, so any number is accepted)."),
                di_number);
      else if (di_number != NULL && has_alnum (di_number) && !adult)
        report (c, &spouse, "di_number", "under_18", DECLIC_SEVERITY_WARNING,
                _("A spouse’s own DI number is entered, but only a spouse aged 18 or older can file a DI: check the number and the spouse’s date of birth."));

      if (has_value (member (spouse.obj, "french")))
        check_language_block (c, member (spouse.obj, "french"), &spouse_french);
      if (has_value (member (spouse.obj, "english")))
        check_language_block (c, member (spouse.obj, "english"), &spouse_english);
    }
  else if (has_value (spouse.obj))
    report (c, &spouse, NULL, "not_accompanying", DECLIC_SEVERITY_WARNING,
            _("Spouse details are entered, but no spouse accompanies: they will not be part of the DI. Answer that the spouse accompanies, or remove the details."));

  for (gsize i = 0; i < array_length (children); i++)
    {
      char path[64];
      Scope cs = { json_object_array_get_idx (children, i), path, "family.children[]", "family.children",
                   DECLIC_SECTION_FAMILY, ITEM_CHILD, (guint) i + 1 };

      g_snprintf (path, sizeof path, "family.children[%" G_GSIZE_FORMAT "]", i);
      check_date (c, &cs, "birth_date", DATE_REQUIRED | DATE_NOT_FUTURE, &date);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* 4. Education                                                                             */

static void
check_diploma (Checker     *c,
               const Scope *s)
{
  GDate start, end;
  gboolean has_start, has_end;
  Answer ongoing = get_answer (s->obj, "ongoing");
  const char *level;
  const char *country;
  double length;

  require_text (c, s, "title");
  has_start = check_date (c, s, "start_date", DATE_REQUIRED | DATE_NOT_FUTURE, &start);
  if (ongoing == ANSWER_YES)
    {
      /* An expected end date may be in the future; one already past contradicts "ongoing". */
      has_end = check_date (c, s, "end_date", DATE_OPTIONAL, &end);
      if (has_end && g_date_compare (&end, &c->ref) < 0)
        report (c, s, "ongoing", "ended", DECLIC_SEVERITY_WARNING,
                _("The studies are marked ongoing, but their end date %s has passed: untick “Studies ongoing” if the diploma was obtained."),
                date_text (&end).text);
    }
  else
    {
      has_end = check_date (c, s, "end_date", DATE_REQUIRED, &end);
      if (has_end && g_date_compare (&end, &c->ref) > 0)
        report (c, s, "end_date", "in_future", DECLIC_SEVERITY_ERROR,
                _("The end date %s is after the reference date %s: a diploma not yet obtained is declared as ongoing studies. Tick “Studies ongoing”, or correct the date."),
                date_text (&end).text, c->ref_text.text);
    }
  /* A diploma sanctions at least a year of study: the same start and end day cannot be right. */
  if (has_start && has_end && g_date_compare (&end, &start) <= 0)
    report (c, s, "end_date", "before_start", DECLIC_SEVERITY_ERROR,
            _("The end date %s is not after the start date %s: check both dates."),
            date_text (&end).text, date_text (&start).text);

  require_text (c, s, "institution");
  country = check_country (c, s, "country", TRUE);
  check_subdivision (c, s, "subdivision", country);
  level = require_text (c, s, "level");

  if (g_strcmp0 (level, "none") == 0)
    report (c, s, "level", "none", DECLIC_SEVERITY_WARNING,
            _("The level is “No diploma”: this diploma will not count. Choose its Québec-equivalent level."));

  if (get_answer (s->obj, "quebec_diploma") == ANSWER_YES && country != NULL &&
      (!g_str_equal (country, "CA") || g_strcmp0 (get_text (s->obj, "subdivision"), "CA-QC") != 0))
    report (c, s, "quebec_diploma", "outside_quebec", DECLIC_SEVERITY_WARNING,
            _("The diploma is marked as a Québec diploma but was not issued in Québec: a Québec diploma is issued for training acquired in Québec. Check the country and province."));

  /* DI.md §3.2 [official]: a diploma counts only for at least one year of full-time study. */
  if (get_answer (s->obj, "full_time") == ANSWER_NO)
    report (c, s, "full_time", "does_not_count", DECLIC_SEVERITY_WARNING,
            _("Part-time studies: a diploma counts only if it sanctions at least one year of full-time study, so this one may not count."));

  if (get_number (s->obj, "official_length", &length))
    {
      /* No unit: years, the unit a diploma's length is usually given in. */
      const char *unit = get_text (s->obj, "official_length_unit");

      if (unit == NULL || g_str_equal (unit, "years"))
        {
          if (length < 1)
            report (c, s, "official_length", "does_not_count", DECLIC_SEVERITY_WARNING,
                    _("The program’s official length is %g years: a diploma counts only if it sanctions at least one year of full-time study, so this one may not count."),
                    length);
        }
      else if (g_str_equal (unit, "months"))
        {
          if (length < 12)
            report (c, s, "official_length", "does_not_count", DECLIC_SEVERITY_WARNING,
                    _("The program’s official length is %g months: a diploma counts only if it sanctions at least one year (12 months) of full-time study, so this one may not count."),
                    length);
        }
      else if (g_str_equal (unit, "hours"))
        {
          /* A Québec vocational diploma (DEP) of 600 to 899 hours has its own level in the grid. */
          gboolean quebec_dep = g_strcmp0 (level, "secondary_vocational_600") == 0 && length >= 600 &&
                                get_answer (s->obj, "quebec_diploma") == ANSWER_YES;

          if (length < 900 && !quebec_dep)
            report (c, s, "official_length", "does_not_count", DECLIC_SEVERITY_WARNING,
                    _("The program’s official length is %g hours: a diploma counts only if it sanctions at least one year of full-time study (900 hours), so this one may not count."),
                    length);
        }
    }
}

static void
check_education (Checker     *c,
                 json_object *root)
{
  json_object *diplomas = get_array (root, "education");
  gsize n = array_length (diplomas);
  Scope s = { diplomas, "education", "education", "education", DECLIC_SECTION_EDUCATION };

  if (n == 0)
    {
      report (c, &s, NULL, "required", DECLIC_SEVERITY_ERROR,
              _("Enter at least one diploma: the highest one you hold, and any other that may count."));
      return;
    }

  for (gsize i = 0; i < n; i++)
    {
      char path[32];
      Scope ds = { json_object_array_get_idx (diplomas, i), path, "education[]", "education",
                   DECLIC_SECTION_EDUCATION, ITEM_DIPLOMA, (guint) i + 1 };

      g_snprintf (path, sizeof path, "education[%" G_GSIZE_FORMAT "]", i);
      check_diploma (c, &ds);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* 5. Work history                                                                          */

typedef struct
{
  guint32  start;  /* Julian days, inclusive */
  guint32  end;
  guint    index;
  gboolean full_time_work;
} Period;

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  const Period *pa = a;
  const Period *pb = b;

  if (pa->start != pb->start)
    return pa->start < pb->start ? -1 : 1;
  return pa->end < pb->end ? -1 : (pa->end > pb->end);
}

static gboolean
is_work_period_type (const char *type)
{
  for (const DeclicChoice *choice = declic_work_period_types; choice->code != NULL; choice++)
    if (g_str_equal (choice->code, type))
      return TRUE;
  return FALSE;
}

/* Checks one period; fills @period and returns TRUE when its dates can be placed in time. */
static gboolean
check_period (Checker     *c,
              const Scope *s,
              Period      *period)
{
  const char *type = require_text (c, s, "type");
  Answer ongoing = get_answer (s->obj, "ongoing");
  GDate start, end;
  gboolean has_start, has_end = FALSE;
  double hours = 0;
  gboolean has_hours = FALSE;

  if (type != NULL && !is_work_period_type (type))
    {
      report (c, s, "type", "invalid", DECLIC_SEVERITY_ERROR,
              _("“%s” is not a kind of period Déclic knows: choose one from the list."), type);
      type = NULL;
    }

  has_start = check_date (c, s, "start_date", DATE_REQUIRED | DATE_NOT_FUTURE, &start);
  if (ongoing == ANSWER_YES)
    {
      /* Counted up to the reference date, whatever end date may have been typed before. */
      end = c->ref;
      has_end = TRUE;
    }
  else if (check_date (c, s, "end_date", DATE_REQUIRED, &end))
    {
      has_end = TRUE;
      /* Experience is counted up to the reference date anyway, so this does not block. */
      if (g_date_compare (&end, &c->ref) > 0)
        report (c, s, "end_date", "in_future", DECLIC_SEVERITY_WARNING,
                _("The end date %s is after the reference date %s: if the period is still going on, tick “Ongoing” instead."),
                date_text (&end).text, c->ref_text.text);
    }

  /* One-day periods are allowed: dates are inclusive, so start == end is a day. An ongoing
   * period starting after the reference date was reported above as starting in the future. */
  if (has_start && has_end && g_date_compare (&end, &start) < 0)
    {
      if (ongoing != ANSWER_YES)
        report (c, s, "end_date", "before_start", DECLIC_SEVERITY_ERROR,
                _("The period ends (%s) before it starts (%s): check both dates."),
                date_text (&end).text, date_text (&start).text);
      has_end = FALSE;
    }

  if (g_strcmp0 (type, "work") == 0)
    {
      const char *country;

      require_text (c, s, "job_title");
      check_noc (c, s, "noc_code");
      require_text (c, s, "employer");
      country = check_country (c, s, "country", TRUE);
      check_subdivision (c, s, "subdivision", country);

      has_hours = get_number (s->obj, "hours_per_week", &hours);
      if (!has_hours)
        report_required (c, s, "hours_per_week");
      else if (hours <= 0 || hours > 168)
        {
          report (c, s, "hours_per_week", "invalid", DECLIC_SEVERITY_ERROR,
                  _("%g hours a week is not possible: enter the usual number of hours worked in a week."),
                  hours);
          has_hours = FALSE;
        }
      else if (hours >= DECLIC_VALIDATE_FULL_TIME_HOURS)
        report (c, s, "hours_per_week", "full_time", DECLIC_SEVERITY_INFO,
                _("%g hours a week: counted as full-time (30 hours or more)."), hours);
      else
        report (c, s, "hours_per_week", "part_time", DECLIC_SEVERITY_INFO,
                _("%g hours a week: counted as part-time (under 30 hours)."), hours);
    }
  else if (g_strcmp0 (type, "internship") == 0)
    require_answer (c, s, "paid");

  if (!has_start || !has_end)
    return FALSE;

  period->start = g_date_get_julian (&start);
  period->end = g_date_get_julian (&end);
  period->full_time_work = g_strcmp0 (type, "work") == 0 && has_hours &&
                           hours >= DECLIC_VALIDATE_FULL_TIME_HOURS;
  return TRUE;
}

static void
check_work (Checker     *c,
            json_object *root)
{
  json_object *periods = get_array (root, "work_history");
  gsize n = array_length (periods);
  Scope s = { periods, "work_history", "work_history", "work_history", DECLIC_SECTION_WORK };
  g_autofree Period *placed = g_new (Period, MAX (n, 1));
  guint n_placed = 0;
  GDate window_start;
  guint32 first, last, cursor;

  for (gsize i = 0; i < n; i++)
    {
      char path[32];
      Scope ps = { json_object_array_get_idx (periods, i), path, "work_history[]", "work_history",
                   DECLIC_SECTION_WORK, ITEM_PERIOD, (guint) i + 1 };

      g_snprintf (path, sizeof path, "work_history[%" G_GSIZE_FORMAT "]", i);
      if (check_period (c, &ps, &placed[n_placed]))
        placed[n_placed++].index = (guint) i;
    }

  /* [derived] Two full-time jobs at once are unusual: warn on the later-listed one. */
  for (guint j = 0; j < n_placed; j++)
    {
      for (guint i = 0; i < j; i++)
        {
          const Period *a = &placed[i];
          const Period *b = &placed[j];
          char path[32];
          Scope ps = { NULL, path, "work_history[]", "work_history", DECLIC_SECTION_WORK,
                       ITEM_PERIOD, b->index + 1 };

          if (!a->full_time_work || !b->full_time_work || a->start > b->end || b->start > a->end)
            continue;
          g_snprintf (path, sizeof path, "work_history[%u]", b->index);
          report (c, &ps, NULL, "overlap", DECLIC_SEVERITY_WARNING,
                  _("This full-time job overlaps full-time period %u from %s to %s: two full-time jobs at once are unusual. Check the dates and the hours."),
                  a->index + 1, julian_text (MAX (a->start, b->start)).text,
                  julian_text (MIN (a->end, b->end)).text);
          break;
        }
    }

  /* The 5 years before the reference date, day by day: [ref − 5 years, ref − 1]. */
  window_start = c->ref;
  g_date_subtract_years (&window_start, DECLIC_VALIDATE_HISTORY_YEARS);
  first = g_date_get_julian (&window_start);
  last = g_date_get_julian (&c->ref) - 1;

  if (n_placed > 1)
    qsort (placed, n_placed, sizeof (Period), compare_periods);

  cursor = first;
  for (guint i = 0; i <= n_placed && cursor <= last; i++)
    {
      guint32 gap_end = i < n_placed ? MIN (placed[i].start, last + 1) : last + 1;

      if (gap_end > cursor && gap_end - cursor > DECLIC_VALIDATE_GAP_TOLERANCE_DAYS)
        report (c, &s, NULL, "gap", DECLIC_SEVERITY_WARNING,
                _("No period is declared from %s to %s: the work history should cover the 5 years before %s. Declare this time as work, studies, inactivity or another kind of period (MIFI’s exact rule on gaps is not published, so this is a warning)."),
                julian_text (cursor).text, julian_text (gap_end - 1).text, c->ref_text.text);
      if (i < n_placed && placed[i].end + 1 > cursor)
        cursor = placed[i].end + 1;
    }
}

/* ---------------------------------------------------------------------------------------- */
/* 6. Validated job offer                                                                   */

static void
check_job_offer (Checker     *c,
                 json_object *root)
{
  Scope s = { member (root, "job_offer"), "job_offer", "job_offer", "job_offer", DECLIC_SECTION_JOB_OFFER };
  GDate date;

  if (require_answer (c, &s, "has_offer") != ANSWER_YES)
    return;

  require_text (c, &s, "employer");
  check_noc (c, &s, "noc_code");
  require_text (c, &s, "validation_number");
  check_date (c, &s, "validation_date", DATE_REQUIRED | DATE_NOT_FUTURE, &date);
  require_answer (c, &s, "inside_cmm");
}

/* ---------------------------------------------------------------------------------------- */
/* 9. Consent, and the representative                                                       */

static void
check_consent (Checker     *c,
               json_object *root)
{
  Scope s = { member (root, "consent"), "consent", "consent", "consent", DECLIC_SECTION_CONSENT };

  if (get_answer (s.obj, "information_true") != ANSWER_YES)
    report (c, &s, "information_true", "required", DECLIC_SEVERITY_ERROR,
            _("Declare that the information is true and complete: without this declaration the DI cannot be filed."));
  if (get_answer (s.obj, "personal_information") != ANSWER_YES)
    report (c, &s, "personal_information", "required", DECLIC_SEVERITY_ERROR,
            _("Consent to the processing of personal information: without it the DI cannot be filed."));
}

static void
check_representative (Checker     *c,
                      json_object *root)
{
  Scope s = { member (root, "representative"), "representative", "representative", "representative",
              DECLIC_SECTION_REPRESENTATIVE };
  GDate date;

  require_text (c, &s, "name");
  require_text (c, &s, "category");
  require_text (c, &s, "registry_number");
  check_date (c, &s, "mandate_date", DATE_REQUIRED | DATE_NOT_FUTURE, &date);
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
 * @reference_date: (nullable): the date to judge dates at; NULL for the draft's planned
 *   filing date, else today
 * @ctx: (nullable): reference data to check codes against; NULL checks their form only
 *
 * Checks every section. An empty section gets one finding, "<section>.empty" (an error for the
 * nine sections of the DI, information for the optional ones), instead of one per field.
 *
 * Returns: (transfer full) (element-type DeclicFinding): the findings, in section order
 */
GPtrArray *
declic_validate_draft (DeclicDraft           *draft,
                       const GDate           *reference_date,
                       DeclicValidateContext *ctx)
{
  static const LanguageBlock french = { "french", TRUE, FALSE, DECLIC_SECTION_FRENCH };
  static const LanguageBlock english = { "english", FALSE, FALSE, DECLIC_SECTION_ENGLISH };
  Checker c = { 0 };
  json_object *root;

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), NULL);

  root = declic_draft_get_root (draft);
  c.findings = declic_finding_list_new ();
  declic_draft_get_reference_date (draft, reference_date, &c.ref);
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
          check_personal (&c, root);
          break;
        case DECLIC_SECTION_CONTACT:
          check_contact (&c, root);
          break;
        case DECLIC_SECTION_FAMILY:
          check_family (&c, root);
          break;
        case DECLIC_SECTION_EDUCATION:
          check_education (&c, root);
          break;
        case DECLIC_SECTION_WORK:
          check_work (&c, root);
          break;
        case DECLIC_SECTION_JOB_OFFER:
          check_job_offer (&c, root);
          break;
        case DECLIC_SECTION_FRENCH:
          check_language_block (&c, member (root, "french"), &french);
          break;
        case DECLIC_SECTION_ENGLISH:
          check_language_block (&c, member (root, "english"), &english);
          break;
        case DECLIC_SECTION_CONSENT:
          check_consent (&c, root);
          break;
        case DECLIC_SECTION_REPRESENTATIVE:
          check_representative (&c, root);
          break;
        case DECLIC_SECTION_QUEBEC:
        case DECLIC_SECTION_NONE:
        case DECLIC_N_SECTIONS:
        default:
          break;
        }
    }

  if (c.noc_unchecked)
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
