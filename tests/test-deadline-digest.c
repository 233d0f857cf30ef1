/* test-deadline-digest.c: the once-a-day notification of deadlines: which drafts it counts, and
 * that it is due once a day at most. Written relative to the clock's today. */
#include "config.h"

#include <json-c/json.h>

#include "declic-clock.h"
#include "declic-deadline-digest.h"
#include "declic-draft-summary.h"
#include "declic-utils.h"

static void
add_summary (GListStore *store,
             int         days_to_deadline)
{
  GDate date;
  g_autofree char *text = NULL;
  g_autofree char *path = g_strdup_printf ("/workspace/%d.json", days_to_deadline);
  g_autoptr(json_object) json = json_object_new_object ();
  g_autoptr(DeclicDraftSummary) summary = NULL;

  declic_clock_get_today (&date);
  if (days_to_deadline >= 0)
    g_date_add_days (&date, (guint) days_to_deadline);
  else
    g_date_subtract_days (&date, (guint) -days_to_deadline);
  text = declic_utils_format_date (&date);
  json_object_object_add (json, "next_deadline_id", json_object_new_string ("language_result"));
  json_object_object_add (json, "next_deadline_date", json_object_new_string (text));
  summary = declic_draft_summary_new_from_json (path, json);
  g_list_store_append (store, summary);
}

static void
test_counts_and_once_a_day (void)
{
  g_autoptr(GListStore) store = g_list_store_new (DECLIC_TYPE_DRAFT_SUMMARY);
  g_autofree char *today = NULL;
  g_autofree char *again = NULL;
  g_autofree char *yesterday = NULL;
  GDate date;
  guint n_due = 99;

  /* Nothing close: no notification, whatever was sent before. */
  add_summary (store, 15);
  add_summary (store, 200);
  add_summary (store, -1);   /* passed: nothing left to do in time */
  g_assert_false (declic_deadline_digest_is_due (G_LIST_MODEL (store), NULL, &n_due, &today));
  g_assert_cmpuint (n_due, ==, 0);

  /* Today and 14 days from now count, tomorrow's too. */
  add_summary (store, 0);
  add_summary (store, 1);
  add_summary (store, DECLIC_DEADLINE_DIGEST_DAYS);
  g_clear_pointer (&today, g_free);
  g_assert_true (declic_deadline_digest_is_due (G_LIST_MODEL (store), "", &n_due, &today));
  g_assert_cmpuint (n_due, ==, 3);
  declic_clock_get_today (&date);
  {
    g_autofree char *expected = declic_utils_format_date (&date);
    g_assert_cmpstr (today, ==, expected);
  }

  /* Sent yesterday: due again today. Sent today: not again. */
  g_date_subtract_days (&date, 1);
  yesterday = declic_utils_format_date (&date);
  g_assert_true (declic_deadline_digest_is_due (G_LIST_MODEL (store), yesterday, &n_due, &again));
  g_clear_pointer (&again, g_free);
  g_assert_false (declic_deadline_digest_is_due (G_LIST_MODEL (store), today, &n_due, &again));
  g_assert_cmpuint (n_due, ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deadline-digest/counts-and-once-a-day", test_counts_and_once_a_day);
  return g_test_run ();
}
