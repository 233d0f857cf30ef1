/* declic-deadline-digest.h: whether today's desktop notification of deadlines is due, and what
 * it counts. No GTK: the window sends what this decides. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Deadlines this close are worth a notification (the 14 days: room to act on a
 * language test or an invitation, not so far off that it nags every day for months). */
#define DECLIC_DEADLINE_DIGEST_DAYS 14

gboolean declic_deadline_digest_is_due (GListModel  *summaries,
                                        const char  *last_notified_day,
                                        guint       *n_due,
                                        char       **today);

G_END_DECLS
