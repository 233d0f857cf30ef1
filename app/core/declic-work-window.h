/* declic-work-window.h: the 5-year window of the work history and the days no period covers.
 *
 * The validation finding ("No period is declared from … to …") and the wizard's Work page read
 * the same gaps from here, so they name the same days.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

struct json_object;

typedef struct
{
  GDate first;  /* inclusive */
  GDate last;   /* inclusive */
} DeclicDateSpan;

/* The window before @reference: [reference − 5 years, reference − 1 day]. */
void    declic_work_window_get      (const GDate        *reference,
                                     DeclicDateSpan     *window);
/* The gaps longer than the tolerance in @root's work history, in order.
 * Returns: (transfer full) (element-type DeclicDateSpan) */
GArray *declic_work_window_get_gaps (struct json_object *root,
                                     const GDate        *reference);
/* Number of days in @span, both ends counted. */
guint   declic_date_span_get_days   (const DeclicDateSpan *span);

G_END_DECLS
