/* declic-validate-work.c: section 5, the work history (periods, full-time work, overlaps, the
 * 5-year history), and section 6, the validated job offer. */
#define G_LOG_DOMAIN "declic-validate"

#include "config.h"

#include "declic-format.h"
#include "declic-i18n.h"
#include "declic-validate-private.h"
#include "declic-work-window.h"

typedef struct
{
  guint32  start;  /* Julian days, inclusive */
  guint32  end;
  guint    index;
  gboolean full_time_work;
} Period;

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
  const char *type = declic_validate_require_text (c, s, "type");
  Answer ongoing = get_answer (s->obj, "ongoing");
  GDate start, end;
  gboolean has_start, has_end = FALSE;
  double hours = 0;
  gboolean has_hours = FALSE;

  if (type != NULL && !is_work_period_type (type))
    {
      declic_validate_report (c, s, "type", "invalid", DECLIC_SEVERITY_ERROR,
                              _("“%s” is not a kind of period Déclic knows: choose one from the list."), type);
      type = NULL;
    }

  has_start = declic_validate_check_date (c, s, "start_date", DATE_REQUIRED | DATE_NOT_FUTURE, &start);
  if (ongoing == ANSWER_YES)
    {
      /* Counted up to the reference date, whatever end date may have been typed before. */
      end = c->ref;
      has_end = TRUE;
    }
  else if (declic_validate_check_date (c, s, "end_date", DATE_REQUIRED, &end))
    {
      has_end = TRUE;
      /* Experience is counted up to the reference date anyway, so this does not block. */
      if (g_date_compare (&end, &c->ref) > 0)
        declic_validate_report (c, s, "end_date", "in_future", DECLIC_SEVERITY_WARNING,
                                _("The end date %s is after the reference date %s: if the period is still going on, tick “Ongoing” instead."),
                                date_text (&end).text, c->ref_text.text);
    }

  /* One-day periods are allowed: dates are inclusive, so start == end is a day. An ongoing
   * period starting after the reference date was reported above as starting in the future. */
  if (has_start && has_end && g_date_compare (&end, &start) < 0)
    {
      if (ongoing != ANSWER_YES)
        declic_validate_report (c, s, "end_date", "before_start", DECLIC_SEVERITY_ERROR,
                                _("The period ends (%s) before it starts (%s): check both dates."),
                                date_text (&end).text, date_text (&start).text);
      has_end = FALSE;
    }

  if (g_strcmp0 (type, "work") == 0)
    {
      const char *country;
      g_autofree char *hours_text = NULL;
      gulong n_hours;

      declic_validate_require_text (c, s, "job_title");
      declic_validate_check_noc (c, s, "noc_code");
      declic_validate_require_text (c, s, "employer");
      country = declic_validate_check_country (c, s, "country", TRUE);
      declic_validate_check_subdivision (c, s, "subdivision", country);

      has_hours = get_number (s->obj, "hours_per_week", &hours);
      /* "37,5 heures" in French: printf would write the C locale's "37.5". */
      hours_text = has_hours ? declic_format_number (hours, 2, NULL) : NULL;
      /* « 1,5 heure » but "1.5 hours": the plural of a number with decimals. */
      n_hours = has_hours ? declic_format_plural_count (hours, 2, NULL) : 0;
      if (!has_hours)
        declic_validate_report_required (c, s, "hours_per_week");
      else if (hours <= 0 || hours > 168)
        {
          declic_validate_report (c, s, "hours_per_week", "invalid", DECLIC_SEVERITY_ERROR,
                                  declic_i18n_ngettext ("%s hour a week is not possible: enter the usual number of hours worked in a week.",
                                                        "%s hours a week is not possible: enter the usual number of hours worked in a week.",
                                                        n_hours),
                                  hours_text);
          has_hours = FALSE;
        }
      else if (hours >= DECLIC_VALIDATE_FULL_TIME_HOURS)
        declic_validate_report (c, s, "hours_per_week", "full_time", DECLIC_SEVERITY_INFO,
                                declic_i18n_ngettext ("%s hour a week: counted as full-time (30 hours or more).",
                                                      "%s hours a week: counted as full-time (30 hours or more).", n_hours),
                                hours_text);
      else
        declic_validate_report (c, s, "hours_per_week", "part_time", DECLIC_SEVERITY_INFO,
                                declic_i18n_ngettext ("%s hour a week: counted as part-time (under 30 hours).",
                                                      "%s hours a week: counted as part-time (under 30 hours).", n_hours),
                                hours_text);
    }
  else if (g_strcmp0 (type, "internship") == 0)
    declic_validate_require_answer (c, s, "paid");

  if (!has_start || !has_end)
    return FALSE;

  period->start = g_date_get_julian (&start);
  period->end = g_date_get_julian (&end);
  period->full_time_work = g_strcmp0 (type, "work") == 0 && has_hours &&
                           hours >= DECLIC_VALIDATE_FULL_TIME_HOURS;
  return TRUE;
}

void
declic_validate_work (Checker     *c,
                      json_object *root)
{
  json_object *periods = get_array (root, "work_history");
  gsize n = array_length (periods);
  Scope s = { periods, "work_history", "work_history", "work_history", DECLIC_SECTION_WORK };
  g_autofree Period *placed = g_new (Period, MAX (n, 1));
  guint n_placed = 0;
  g_autoptr(GArray) gaps = NULL;

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
          declic_validate_report (c, &ps, NULL, "overlap", DECLIC_SEVERITY_WARNING,
                                  _("This full-time job overlaps full-time period %u from %s to %s: two full-time jobs at once are unusual. Check the dates and the hours."),
                                  a->index + 1, julian_text (MAX (a->start, b->start)).text,
                                  julian_text (MIN (a->end, b->end)).text);
          break;
        }
    }

  /* The 5 years before the reference date, day by day: the same gaps the Work page shows. */
  gaps = declic_work_window_get_gaps (root, &c->ref);
  for (guint i = 0; i < gaps->len; i++)
    {
      const DeclicDateSpan *gap = &g_array_index (gaps, DeclicDateSpan, i);

      declic_validate_report (c, &s, NULL, "gap", DECLIC_SEVERITY_WARNING,
                              _("No period is declared from %s to %s: the work history should cover the 5 years before %s. Declare this time as work, studies, inactivity or another kind of period (MIFI’s exact rule on gaps is not published, so this is a warning)."),
                              date_text (&gap->first).text, date_text (&gap->last).text, c->ref_text.text);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* 6. Validated job offer                                                                   */

void
declic_validate_job_offer (Checker     *c,
                           json_object *root)
{
  Scope s = { member (root, "job_offer"), "job_offer", "job_offer", "job_offer", DECLIC_SECTION_JOB_OFFER };
  GDate date;

  if (declic_validate_require_answer (c, &s, "has_offer") != ANSWER_YES)
    return;

  declic_validate_require_text (c, &s, "employer");
  declic_validate_check_noc (c, &s, "noc_code");
  declic_validate_require_text (c, &s, "validation_number");
  declic_validate_check_date (c, &s, "validation_date", DATE_REQUIRED | DATE_NOT_FUTURE, &date);
  declic_validate_require_answer (c, &s, "inside_cmm");
}
