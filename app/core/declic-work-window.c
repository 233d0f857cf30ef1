/* declic-work-window.c: the 5-year window of the work history and its gaps (see the header). */
#define G_LOG_DOMAIN "declic-work-window"

#include "config.h"

#include <stdlib.h>

#include "declic-validate-private.h"
#include "declic-work-window.h"

typedef struct
{
  guint32 start;  /* Julian days, inclusive */
  guint32 end;
} Placed;

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *pa = a;
  const Placed *pb = b;

  if (pa->start != pb->start)
    return pa->start < pb->start ? -1 : 1;
  return pa->end < pb->end ? -1 : (pa->end > pb->end);
}

void
declic_work_window_get (const GDate    *reference,
                        DeclicDateSpan *window)
{
  window->first = *reference;
  g_date_subtract_years (&window->first, DECLIC_VALIDATE_HISTORY_YEARS);
  window->last = *reference;
  g_date_subtract_days (&window->last, 1);
}

guint
declic_date_span_get_days (const DeclicDateSpan *span)
{
  return (guint) (g_date_get_julian (&span->last) - g_date_get_julian (&span->first) + 1);
}

static DeclicDateSpan
julian_span (guint32 first,
             guint32 last)
{
  DeclicDateSpan span;

  g_date_clear (&span.first, 1);
  g_date_clear (&span.last, 1);
  g_date_set_julian (&span.first, first);
  g_date_set_julian (&span.last, last);
  return span;
}

/* A period counts from its start date to its end date, or to the reference date while it is
 * ongoing; one with a missing or impossible date covers nothing (its own fields say why). */
GArray *
declic_work_window_get_gaps (json_object *root,
                             const GDate *reference)
{
  json_object *periods = get_array (root, "work_history");
  gsize n = array_length (periods);
  g_autoptr(GArray) placed = g_array_sized_new (FALSE, FALSE, sizeof (Placed), n);
  GArray *gaps = g_array_new (FALSE, FALSE, sizeof (DeclicDateSpan));
  DeclicDateSpan window;
  guint32 last, cursor;

  for (gsize i = 0; i < n; i++)
    {
      json_object *period = json_object_array_get_idx (periods, i);
      GDate start, end;
      Placed p;

      if (get_date (period, "start_date", &start) != DATE_VALID)
        continue;
      if (get_answer (period, "ongoing") == ANSWER_YES)
        end = *reference;
      else if (get_date (period, "end_date", &end) != DATE_VALID)
        continue;
      if (g_date_compare (&end, &start) < 0)
        continue;
      p.start = g_date_get_julian (&start);
      p.end = g_date_get_julian (&end);
      g_array_append_val (placed, p);
    }
  g_array_sort (placed, compare_placed);

  declic_work_window_get (reference, &window);
  cursor = g_date_get_julian (&window.first);
  last = g_date_get_julian (&window.last);
  for (guint i = 0; i <= placed->len && cursor <= last; i++)
    {
      const Placed *p = i < placed->len ? &g_array_index (placed, Placed, i) : NULL;
      guint32 gap_end = p != NULL ? MIN (p->start, last + 1) : last + 1;  /* exclusive */

      if (gap_end > cursor && gap_end - cursor > DECLIC_VALIDATE_GAP_TOLERANCE_DAYS)
        {
          DeclicDateSpan gap = julian_span (cursor, gap_end - 1);

          g_array_append_val (gaps, gap);
        }
      if (p != NULL && p->end + 1 > cursor)
        cursor = p->end + 1;
    }
  return gaps;
}
