/* declic-validate-personal.c: section 1, personal information (names, birth, citizenships). */
#define G_LOG_DOMAIN "declic-validate"

#include "config.h"

#include "declic-format.h"
#include "declic-i18n.h"
#include "declic-validate-private.h"

void
declic_validate_check_age (Checker     *c,
                           const Scope *s,
                           const GDate *birth,
                           int          minimum,
                           const char  *problem,
                           gboolean     spouse)
{
  int age;
  GDate from;
  g_autofree char *age_text = NULL;

  if (g_date_compare (birth, &c->ref) > 0)
    return;  /* already reported as in the future */

  age = declic_utils_age_at (birth, &c->ref);
  if (age >= minimum)
    return;

  get_anniversary (birth, (guint) minimum, &from);
  age_text = declic_format_integer (age, NULL);
  if (spouse)
    declic_validate_report (c, s, "birth_date", problem, DECLIC_SEVERITY_ERROR,
                            declic_i18n_ngettext ("The accompanying spouse is %s year old on %s; a spouse must be 16 or older when the DI is filed (possible from %s).",
                                                  "The accompanying spouse is %s years old on %s; a spouse must be 16 or older when the DI is filed (possible from %s).",
                                                  (gulong) MAX (age, 0)),
                            age_text, c->ref_text.text, date_text (&from).text);
  else
    declic_validate_report (c, s, "birth_date", problem, DECLIC_SEVERITY_ERROR,
                            declic_i18n_ngettext ("The applicant is %s year old on %s; the principal applicant must be 18 or older when the DI is filed (possible from %s).",
                                                  "The applicant is %s years old on %s; the principal applicant must be 18 or older when the DI is filed (possible from %s).",
                                                  (gulong) MAX (age, 0)),
                            age_text, c->ref_text.text, date_text (&from).text);
}

void
declic_validate_personal (Checker     *c,
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

  declic_validate_require_text (c, &s, "family_names");
  declic_validate_require_text (c, &s, "given_names");
  declic_validate_require_text (c, &s, "sex");

  if (declic_validate_check_date (c, &s, "birth_date", DATE_REQUIRED | DATE_NOT_FUTURE, &date))
    {
      declic_validate_check_age (c, &s, &date, 18, "under_18", FALSE);
      if (g_date_compare (&date, &c->ref) <= 0 && declic_utils_age_at (&date, &c->ref) >= 100)
        declic_validate_report (c, &s, "birth_date", "implausible", DECLIC_SEVERITY_WARNING,
                                _("The date of birth %s gives an age of %d: check the year."),
                                date_text (&date).text, declic_utils_age_at (&date, &c->ref));
    }

  declic_validate_check_country (c, &s, "birth_country", TRUE);

  issuing_country = declic_validate_check_country (c, &passport, "issuing_country", TRUE);
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
      if (declic_validate_check_country_value (c, &cs, NULL, code) != NULL && issuing_country != NULL &&
          g_str_equal (code, issuing_country))
        issuing_is_citizenship = TRUE;
    }
  if (n_citizenships == 0)
    declic_validate_report (c, &s, "citizenships", "required", DECLIC_SEVERITY_ERROR,
                            _("No citizenship is entered: add every country you are a citizen of."));
  else if (issuing_country != NULL && !issuing_is_citizenship)
    declic_validate_report (c, &passport, "issuing_country", "not_citizenship", DECLIC_SEVERITY_WARNING,
                            _("The passport is issued by %s, which is not among the citizenships entered: add that citizenship, or check the country."),
                            declic_validate_country_name (c, issuing_country));

  declic_validate_require_text (c, &passport, "number");
  if (declic_validate_check_date (c, &passport, "expiry_date", DATE_REQUIRED, &date) &&
      g_date_compare (&date, &c->ref) < 0)
    declic_validate_report (c, &passport, "expiry_date", "expired", DECLIC_SEVERITY_WARNING,
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
        declic_validate_report (c, &os, NULL, "empty", DECLIC_SEVERITY_WARNING,
                                _("This other name is empty: fill it in or remove it."));
    }
}
