/* declic-validate-codes.c: countries, provinces and NOC codes, against the reference data when
 * it was loaded, else for their form only (and the checker remembers it for an information). */
#define G_LOG_DOMAIN "declic-validate"

#include "config.h"

#include <string.h>

#include "declic-i18n.h"
#include "declic-validate-private.h"

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

const char *
declic_validate_country_name (Checker    *c,
                              const char *code)
{
  const DeclicCountry *country = c->countries != NULL ? declic_countries_lookup (c->countries, code) : NULL;

  return country != NULL ? declic_country_get_localized_name (country) : code;
}

/* Returns the code when it names a country. */
const char *
declic_validate_check_country_value (Checker     *c,
                                     const Scope *s,
                                     const char  *key,
                                     const char  *code)
{
  if (!country_is_valid (c, code))
    {
      declic_validate_report (c, s, key, "invalid", DECLIC_SEVERITY_ERROR,
                              _("“%s” is not a known country code (ISO 3166): choose the country from the list."),
                              code);
      return NULL;
    }
  return code;
}

const char *
declic_validate_check_country (Checker     *c,
                               const Scope *s,
                               const char  *key,
                               gboolean     required)
{
  const char *code = required ? declic_validate_require_text (c, s, key) : get_text (s->obj, key);

  return code != NULL ? declic_validate_check_country_value (c, s, key, code) : NULL;
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
void
declic_validate_check_subdivision (Checker     *c,
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
        declic_validate_report (c, s, key, "required", DECLIC_SEVERITY_ERROR,
                                _("In Canada, “%s” is required: choose the province or territory."),
                                declic_validate_label_of (s, key));
      else if (!looks_like_subdivision_code (value) || strncmp (value, "CA-", 3) != 0 ||
               !subdivision_is_known (c, value, "CA"))
        declic_validate_report (c, s, key, "invalid", DECLIC_SEVERITY_ERROR,
                                _("“%s” is not a Canadian province or territory: choose one from the list (CA-QC is Québec)."),
                                value);
      return;
    }

  if (value == NULL || !looks_like_subdivision_code (value))
    return;
  if (strncmp (value, country, 2) != 0)
    declic_validate_report (c, s, key, "other_country", DECLIC_SEVERITY_ERROR,
                            _("“%s” is not in %s: choose a province or state of that country, or correct the country."),
                            value, declic_validate_country_name (c, country));
  else if (!subdivision_is_known (c, value, country))
    declic_validate_report (c, s, key, "invalid", DECLIC_SEVERITY_WARNING,
                            _("“%s” is not a known province or state of %s: check it."),
                            value, declic_validate_country_name (c, country));
}

void
declic_validate_check_noc (Checker     *c,
                           const Scope *s,
                           const char  *key)
{
  const char *code = declic_validate_require_text (c, s, key);

  if (code == NULL)
    return;

  if (!declic_noc_code_is_well_formed (code))
    declic_validate_report (c, s, key, "invalid", DECLIC_SEVERITY_ERROR,
                            _("“%s” is not a NOC 2021 code: a code has 5 digits, the 2nd being the TEER category from 0 to 5 (for example 21231)."),
                            code);
  else if (c->noc == NULL)
    c->noc_unchecked = TRUE;
  else if (declic_noc_lookup (c->noc, code) == NULL)
    declic_validate_report (c, s, key, "unknown", DECLIC_SEVERITY_ERROR,
                            _("%s is not one of the NOC 2021 unit groups: search the occupation by its title to find its code."),
                            code);
}
