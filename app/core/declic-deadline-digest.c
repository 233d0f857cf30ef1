/* declic-deadline-digest.c: see declic-deadline-digest.h. */
#define G_LOG_DOMAIN "declic-digest"

#include "config.h"

#include "declic-clock.h"
#include "declic-deadline-digest.h"
#include "declic-draft-summary.h"
#include "declic-utils.h"

/**
 * declic_deadline_digest_is_due:
 * @summaries: a model of DeclicDraftSummary (a workspace's store)
 * @last_notified_day: (nullable): "YYYY-MM-DD" of the last notification sent, or "" / %NULL
 * @n_due: (out): the drafts whose next deadline falls within DECLIC_DEADLINE_DIGEST_DAYS of
 *   today (today included)
 * @today: (out) (transfer full): today, "YYYY-MM-DD", to remember once the notification is sent
 *
 * Returns: %TRUE when a notification should be sent: some deadline is that close and none was
 *   sent today (one a day at most, however often the app starts)
 */
gboolean
declic_deadline_digest_is_due (GListModel  *summaries,
                               const char  *last_notified_day,
                               guint       *n_due,
                               char       **today)
{
  GDate date;
  guint32 julian;
  guint n, count = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (summaries), FALSE);
  g_return_val_if_fail (n_due != NULL && today != NULL, FALSE);

  declic_clock_get_today (&date);
  julian = g_date_get_julian (&date);
  *today = declic_utils_format_date (&date);

  n = g_list_model_get_n_items (summaries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeclicDraftSummary) summary = g_list_model_get_item (summaries, i);
      guint32 day = declic_draft_summary_get_next_deadline_day (summary);

      if (day != 0 && day >= julian && day - julian <= DECLIC_DEADLINE_DIGEST_DAYS)
        count++;
    }
  *n_due = count;
  return count > 0 && g_strcmp0 (last_notified_day, *today) != 0;
}
