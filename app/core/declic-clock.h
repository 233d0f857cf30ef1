/* declic-clock.h: the one clock of Déclic.
 *
 * Every part of Déclic that needs "today" or "now" asks this module; nothing else reads the wall
 * clock. Ages, expiries, days left and "soon" all change with the date, so a test, the command
 * line (`--date`) or the environment (DECLIC_TODAY=YYYY-MM-DD, for test programs that start
 * Déclic) can fix the day. A fixed day keeps the wall clock's time of day, so that timestamps
 * written within one run still follow each other.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        declic_clock_get_today        (GDate       *today);
GDateTime  *declic_clock_dup_now          (void);
char       *declic_clock_dup_now_iso8601  (void);
void        declic_clock_set_today        (const GDate *today);  /* NULL: the default again */
gboolean    declic_clock_is_fixed         (void);
/* The real time in seconds since the epoch, never fixed: only to compare with the times the
 * file system gives files (how old a leftover temporary file is). */
gint64      declic_clock_get_file_time_now (void);

G_END_DECLS
