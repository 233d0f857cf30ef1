/* declic-validate-family.c: section 3, family situation (union, spouse, children). */
#define G_LOG_DOMAIN "declic-validate"

#include "config.h"

#include "declic-applies.h"
#include "declic-i18n.h"
#include "declic-validate-private.h"

static gboolean
has_alnum (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || ((guchar) *p & 0x80) != 0)
      return TRUE;
  return FALSE;
}

void
declic_validate_family (Checker     *c,
                        json_object *root)
{
  static const LanguageBlock spouse_french = { "family.spouse.french", TRUE, TRUE, DECLIC_SECTION_FAMILY };
  static const LanguageBlock spouse_english = { "family.spouse.english", FALSE, TRUE, DECLIC_SECTION_FAMILY };
  Scope s = { member (root, "family"), "family", "family", "family", DECLIC_SECTION_FAMILY };
  Scope spouse = { member (s.obj, "spouse"), "family.spouse", "family.spouse", "family.spouse",
                   DECLIC_SECTION_FAMILY };
  json_object *children = get_array (s.obj, "children");
  const char *status = declic_validate_require_text (c, &s, "marital_status");
  gboolean in_union = declic_applies_in_union (root);
  Answer accompanies = get_answer (s.obj, "spouse_accompanies");
  GDate date;

  if (in_union && accompanies == ANSWER_NONE)
    declic_validate_report_unanswered (c, &s, "spouse_accompanies");
  else if (status != NULL && !in_union && accompanies == ANSWER_YES)
    declic_validate_report (c, &s, "spouse_accompanies", "not_in_union", DECLIC_SEVERITY_ERROR,
                            _("A spouse accompanies, but the marital status is “%s”: only a married or de facto spouse can accompany. Correct the marital status, or answer No."),
                            declic_enum_choice_get_label ("family.marital_status", status));

  if (declic_validate_check_date (c, &s, "union_date", DATE_NOT_FUTURE, &date))
    {
      if (g_strcmp0 (status, "de_facto") == 0 && g_date_compare (&date, &c->ref) <= 0)
        {
          GDate year_later;

          get_anniversary (&date, 1, &year_later);
          if (g_date_compare (&c->ref, &year_later) < 0)
            declic_validate_report (c, &s, "union_date", "under_1_year", DECLIC_SEVERITY_ERROR,
                                    _("You have lived together since %s, less than one year on %s: a de facto spouse must have lived with you for at least one year (from %s)."),
                                    date_text (&date).text, c->ref_text.text, date_text (&year_later).text);
        }
    }
  else if (g_strcmp0 (status, "de_facto") == 0 && get_date (s.obj, "union_date", &date) == DATE_ABSENT)
    declic_validate_report (c, &s, "union_date", "missing", DECLIC_SEVERITY_WARNING,
                            _("Enter the date you started living together: a de facto union counts from one year of living together, which cannot be checked without it."));

  if (accompanies == ANSWER_YES)
    {
      const char *di_number;
      json_object *value;
      gboolean adult = TRUE;

      declic_validate_require_text (c, &spouse, "family_names");
      declic_validate_require_text (c, &spouse, "given_names");
      if (declic_validate_check_date (c, &spouse, "birth_date", DATE_REQUIRED | DATE_NOT_FUTURE, &date))
        {
          declic_validate_check_age (c, &spouse, &date, 16, "under_16", TRUE);
          adult = g_date_compare (&date, &c->ref) <= 0 && declic_utils_age_at (&date, &c->ref) >= 18;
        }
      declic_validate_require_text (c, &spouse, "education_level");

      /* DI.md §9: the DI number's format is unknown, so anything with a letter or digit goes. */
      value = member (spouse.obj, "di_number");
      di_number = value != NULL && json_object_is_type (value, json_type_string) ? json_object_get_string (value) : NULL;
      if (di_number != NULL && *di_number != '\0' && !has_alnum (di_number))
        declic_validate_report (c, &spouse, "di_number", "empty", DECLIC_SEVERITY_WARNING,
                                _("The spouse’s DI number “%s” has no letter or digit: enter the number of the spouse’s own DI, or leave it empty (its format is not published, so any number is accepted)."),
                                di_number);
      else if (di_number != NULL && has_alnum (di_number) && !adult)
        declic_validate_report (c, &spouse, "di_number", "under_18", DECLIC_SEVERITY_WARNING,
                                _("A spouse’s own DI number is entered, but only a spouse aged 18 or older can file a DI: check the number and the spouse’s date of birth."));

      if (has_value (member (spouse.obj, "french")))
        declic_validate_language_block (c, member (spouse.obj, "french"), &spouse_french);
      if (has_value (member (spouse.obj, "english")))
        declic_validate_language_block (c, member (spouse.obj, "english"), &spouse_english);
    }
  else if (has_value (spouse.obj))
    declic_validate_report (c, &spouse, NULL, "not_accompanying", DECLIC_SEVERITY_WARNING,
                            _("Spouse details are entered, but no spouse accompanies: they will not be part of the DI. Answer that the spouse accompanies, or remove the details."));

  for (gsize i = 0; i < array_length (children); i++)
    {
      char path[64];
      Scope cs = { json_object_array_get_idx (children, i), path, "family.children[]", "family.children",
                   DECLIC_SECTION_FAMILY, ITEM_CHILD, (guint) i + 1 };

      g_snprintf (path, sizeof path, "family.children[%" G_GSIZE_FORMAT "]", i);
      declic_validate_check_date (c, &cs, "birth_date", DATE_REQUIRED | DATE_NOT_FUTURE, &date);
    }
}
