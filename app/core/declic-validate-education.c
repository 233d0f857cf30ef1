/* declic-validate-education.c: section 4, education (diplomas and the years they took). */
#define G_LOG_DOMAIN "declic-validate"

#include "config.h"

#include "declic-format.h"
#include "declic-diploma.h"
#include "declic-i18n.h"
#include "declic-validate-private.h"

static gboolean report_verdict (Checker     *c,
                                const Scope *s);

/* Returns: whether the diploma counts (DI.md §3.2) */
static gboolean
check_diploma (Checker     *c,
               const Scope *s)
{
  GDate start, end;
  gboolean has_start, has_end;
  Answer ongoing = get_answer (s->obj, "ongoing");
  const char *country;

  declic_validate_require_text (c, s, "title");
  has_start = declic_validate_check_date (c, s, "start_date", DATE_REQUIRED | DATE_NOT_FUTURE, &start);
  if (ongoing == ANSWER_YES)
    {
      /* An expected end date may be in the future; one already past contradicts "ongoing". */
      has_end = declic_validate_check_date (c, s, "end_date", DATE_OPTIONAL, &end);
      if (has_end && g_date_compare (&end, &c->ref) < 0)
        declic_validate_report (c, s, "ongoing", "ended", DECLIC_SEVERITY_WARNING,
                                _("The studies are marked ongoing, but their end date %s has passed: untick “Studies ongoing” if the diploma was obtained."),
                                date_text (&end).text);
    }
  else
    {
      has_end = declic_validate_check_date (c, s, "end_date", DATE_REQUIRED, &end);
      if (has_end && g_date_compare (&end, &c->ref) > 0)
        declic_validate_report (c, s, "end_date", "in_future", DECLIC_SEVERITY_ERROR,
                                _("The end date %s is after the reference date %s: a diploma not yet obtained is declared as ongoing studies. Tick “Studies ongoing”, or correct the date."),
                                date_text (&end).text, c->ref_text.text);
    }
  /* A diploma sanctions at least a year of study: the same start and end day cannot be right. */
  if (has_start && has_end && g_date_compare (&end, &start) <= 0)
    declic_validate_report (c, s, "end_date", "before_start", DECLIC_SEVERITY_ERROR,
                            _("The end date %s is not after the start date %s: check both dates."),
                            date_text (&end).text, date_text (&start).text);

  declic_validate_require_text (c, s, "institution");
  country = declic_validate_check_country (c, s, "country", TRUE);
  declic_validate_check_subdivision (c, s, "subdivision", country);
  declic_validate_require_text (c, s, "level");

  if (get_answer (s->obj, "quebec_diploma") == ANSWER_YES && country != NULL &&
      (!g_str_equal (country, "CA") || g_strcmp0 (get_text (s->obj, "subdivision"), "CA-QC") != 0))
    declic_validate_report (c, s, "quebec_diploma", "outside_quebec", DECLIC_SEVERITY_WARNING,
                            _("The diploma is marked as a Québec diploma but was not issued in Québec: a Québec diploma is issued for training acquired in Québec. Check the country and province."));

  return report_verdict (c, s);
}

/* DI.md §3.2 [official]: a diploma counts only if it is at least equivalent to a Québec
 * secondary diploma and sanctions at least one year of full-time study. One that does not
 * earns no points (declic-profile.c reads the same verdict); each is a warning here, since
 * another diploma may count, and declic_validate_education () makes it an error when none does. */
static gboolean
report_verdict (Checker     *c,
                const Scope *s)
{
  double length = 0;
  DeclicLengthUnit unit = DECLIC_LENGTH_YEARS;

  switch (declic_diploma_judge (s->obj, &length, &unit))
    {
    case DECLIC_DIPLOMA_COUNTS:
      return TRUE;
    case DECLIC_DIPLOMA_NO_LEVEL:
      declic_validate_report (c, s, "level", "none", DECLIC_SEVERITY_WARNING,
                              _("The level is “No diploma”: this diploma does not count and earns no points. Choose its Québec-equivalent level."));
      break;
    case DECLIC_DIPLOMA_PART_TIME:
      declic_validate_report (c, s, "full_time", "does_not_count", DECLIC_SEVERITY_WARNING,
                              _("Part-time studies: a diploma counts only if it sanctions at least one year of full-time study, so this one does not count and earns no points. If the studies were full-time, tick “Full-time studies”."));
      break;
    case DECLIC_DIPLOMA_TOO_SHORT:
      {
      /* Written for the interface language: "18,5 mois", not printf's "18.5". */
      g_autofree char *length_text = declic_format_number (length, 2, NULL);
      /* « 0,5 an » but "0.5 years": the plural of a number with decimals. */
      gulong n = declic_format_plural_count (length, 2, NULL);

      if (unit == DECLIC_LENGTH_MONTHS)
        declic_validate_report (c, s, "official_length", "does_not_count", DECLIC_SEVERITY_WARNING,
                                declic_i18n_ngettext ("The program’s official length is %s month: a diploma counts only if it sanctions at least one year (12 months) of full-time study, so this one does not count and earns no points. If the length or its unit was mistyped, correct it.",
                                                      "The program’s official length is %s months: a diploma counts only if it sanctions at least one year (12 months) of full-time study, so this one does not count and earns no points. If the length or its unit was mistyped, correct it.",
                                                      n),
                                length_text);
      else if (unit == DECLIC_LENGTH_HOURS)
        declic_validate_report (c, s, "official_length", "does_not_count", DECLIC_SEVERITY_WARNING,
                                declic_i18n_ngettext ("The program’s official length is %s hour: a diploma counts only if it sanctions at least one year of full-time study (900 hours), so this one does not count and earns no points. If the length or its unit was mistyped, correct it.",
                                                      "The program’s official length is %s hours: a diploma counts only if it sanctions at least one year of full-time study (900 hours), so this one does not count and earns no points. If the length or its unit was mistyped, correct it.",
                                                      n),
                                length_text);
      else
        declic_validate_report (c, s, "official_length", "does_not_count", DECLIC_SEVERITY_WARNING,
                                declic_i18n_ngettext ("The program’s official length is %s year: a diploma counts only if it sanctions at least one year of full-time study, so this one does not count and earns no points. If the length or its unit was mistyped (months or hours rather than years), correct it.",
                                                      "The program’s official length is %s years: a diploma counts only if it sanctions at least one year of full-time study, so this one does not count and earns no points. If the length or its unit was mistyped (months or hours rather than years), correct it.",
                                                      n),
                                length_text);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

void
declic_validate_education (Checker     *c,
                           json_object *root)
{
  json_object *diplomas = get_array (root, "education");
  gsize n = array_length (diplomas);
  gsize n_counting = 0;
  Scope s = { diplomas, "education", "education", "education", DECLIC_SECTION_EDUCATION };
  g_autofree char *n_text = declic_format_integer ((gint64) n, NULL);

  if (n == 0)
    {
      declic_validate_report (c, &s, NULL, "required", DECLIC_SEVERITY_ERROR,
                              _("Enter at least one diploma: the highest one you hold, and any other that may count."));
      return;
    }

  for (gsize i = 0; i < n; i++)
    {
      char path[32];
      Scope ds = { json_object_array_get_idx (diplomas, i), path, "education[]", "education",
                   DECLIC_SECTION_EDUCATION, ITEM_DIPLOMA, (guint) i + 1 };

      g_snprintf (path, sizeof path, "education[%" G_GSIZE_FORMAT "]", i);
      if (check_diploma (c, &ds))
        n_counting++;
    }

  if (n_counting == 0)
    declic_validate_report (c, &s, NULL, "none_counts", DECLIC_SEVERITY_ERROR,
                            declic_i18n_ngettext ("The diploma does not meet the conditions (at least one year of full-time study, at least a Québec secondary level), so the DI cannot be filed: see the warning on it. If a length, its unit or the full-time answer was mistyped, correct it; else add a diploma that counts.",
                                                  "None of the %s diplomas meets the conditions (at least one year of full-time study, at least a Québec secondary level), so the DI cannot be filed: see the warning on each. If a length, its unit or the full-time answer was mistyped, correct it; else add a diploma that counts.",
                                                  n),
                            n_text);
}
