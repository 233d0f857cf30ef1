/* declic-validate-education.c: section 4, education (diplomas and the years they took). */
#define G_LOG_DOMAIN "declic-validate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "declic-validate-private.h"

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
  level = declic_validate_require_text (c, s, "level");

  if (g_strcmp0 (level, "none") == 0)
    declic_validate_report (c, s, "level", "none", DECLIC_SEVERITY_WARNING,
                            _("The level is “No diploma”: this diploma will not count. Choose its Québec-equivalent level."));

  if (get_answer (s->obj, "quebec_diploma") == ANSWER_YES && country != NULL &&
      (!g_str_equal (country, "CA") || g_strcmp0 (get_text (s->obj, "subdivision"), "CA-QC") != 0))
    declic_validate_report (c, s, "quebec_diploma", "outside_quebec", DECLIC_SEVERITY_WARNING,
                            _("The diploma is marked as a Québec diploma but was not issued in Québec: a Québec diploma is issued for training acquired in Québec. Check the country and province."));

  /* DI.md §3.2 [official]: a diploma counts only for at least one year of full-time study. */
  if (get_answer (s->obj, "full_time") == ANSWER_NO)
    declic_validate_report (c, s, "full_time", "does_not_count", DECLIC_SEVERITY_WARNING,
                            _("Part-time studies: a diploma counts only if it sanctions at least one year of full-time study, so this one may not count."));

  if (get_number (s->obj, "official_length", &length))
    {
      /* No unit: years, the unit a diploma's length is usually given in. */
      const char *unit = get_text (s->obj, "official_length_unit");

      if (unit == NULL || g_str_equal (unit, "years"))
        {
          if (length < 1)
            declic_validate_report (c, s, "official_length", "does_not_count", DECLIC_SEVERITY_WARNING,
                                    _("The program’s official length is %g years: a diploma counts only if it sanctions at least one year of full-time study, so this one may not count."),
                                    length);
        }
      else if (g_str_equal (unit, "months"))
        {
          if (length < 12)
            declic_validate_report (c, s, "official_length", "does_not_count", DECLIC_SEVERITY_WARNING,
                                    _("The program’s official length is %g months: a diploma counts only if it sanctions at least one year (12 months) of full-time study, so this one may not count."),
                                    length);
        }
      else if (g_str_equal (unit, "hours"))
        {
          /* A Québec vocational diploma (DEP) of 600 to 899 hours has its own level in the grid. */
          gboolean quebec_dep = g_strcmp0 (level, "secondary_vocational_600") == 0 && length >= 600 &&
                                get_answer (s->obj, "quebec_diploma") == ANSWER_YES;

          if (length < 900 && !quebec_dep)
            declic_validate_report (c, s, "official_length", "does_not_count", DECLIC_SEVERITY_WARNING,
                                    _("The program’s official length is %g hours: a diploma counts only if it sanctions at least one year of full-time study (900 hours), so this one may not count."),
                                    length);
        }
    }
}

void
declic_validate_education (Checker     *c,
                           json_object *root)
{
  json_object *diplomas = get_array (root, "education");
  gsize n = array_length (diplomas);
  Scope s = { diplomas, "education", "education", "education", DECLIC_SECTION_EDUCATION };

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
      check_diploma (c, &ds);
    }
}
