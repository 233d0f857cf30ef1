/* declic-validate-contact.c: section 2, contact details (address, e-mail, phone). */
#define G_LOG_DOMAIN "declic-validate"

#include "config.h"

#include <string.h>

#include "declic-i18n.h"
#include "declic-validate-private.h"

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

void
declic_validate_contact (Checker     *c,
                         json_object *root)
{
  Scope s = { member (root, "contact"), "contact", "contact", "contact", DECLIC_SECTION_CONTACT };
  Scope address = { member (s.obj, "address"), "contact.address", "contact.address",
                    "contact.address", DECLIC_SECTION_CONTACT };
  const char *text;
  const char *country;

  text = declic_validate_require_text (c, &s, "email");
  if (text != NULL && !email_is_valid (text))
    declic_validate_report (c, &s, "email", "invalid", DECLIC_SEVERITY_ERROR,
                            _("“%s” is not a valid e-mail address: Arrima needs one it can write to, such as name@example.com."),
                            text);

  text = declic_validate_require_text (c, &s, "phone");
  if (text != NULL && !phone_is_plausible (text))
    declic_validate_report (c, &s, "phone", "invalid", DECLIC_SEVERITY_ERROR,
                            _("“%s” does not look like a phone number: use digits, spaces and dashes, with at least 7 digits and the country code after a + (for example +33 6 12 34 56 78)."),
                            text);

  declic_validate_require_text (c, &address, "city");
  country = declic_validate_check_country (c, &address, "country", TRUE);
  declic_validate_check_subdivision (c, &address, "subdivision", country);
  if (country != NULL)
    {
      const char *postal_code = get_text (address.obj, "postal_code");
      const char *example = declic_postal_code_get_example (country);

      /* An empty code is "invalid" exactly when the country has a known format. */
      switch (declic_postal_code_check (country, postal_code != NULL ? postal_code : ""))
        {
        case DECLIC_POSTAL_CODE_INVALID:
          if (postal_code == NULL)
            declic_validate_report (c, &address, "postal_code", "required", DECLIC_SEVERITY_ERROR,
                                    _("An address in %s has a postal code: enter it (for example %s)."),
                                    declic_validate_country_name (c, country), example != NULL ? example : "");
          else
            declic_validate_report (c, &address, "postal_code", "invalid", DECLIC_SEVERITY_ERROR,
                                    _("“%s” is not a valid postal code in %s: it should look like %s."),
                                    postal_code, declic_validate_country_name (c, country), example != NULL ? example : "");
          break;
        case DECLIC_POSTAL_CODE_VALID:
        case DECLIC_POSTAL_CODE_UNKNOWN_FORMAT:
        default:
          break;
        }
    }

  declic_validate_check_country (c, &s, "residence_country", TRUE);
  declic_validate_require_text (c, &s, "residence_status");
}
