/* test-draft-row.c: a workspace row says at a glance what the index says of its draft. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-c/json.h>
#include <locale.h>

#include "workspace/declic-draft-row.h"

static DeclicDraftSummary *
summary_from (const char *json)
{
  json_object *object = json_tokener_parse (json);
  DeclicDraftSummary *summary = declic_draft_summary_new_from_json ("/tmp/x.json", object);

  json_object_put (object);
  return summary;
}

static void
test_glance (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 22, 10, 0, 0);
  g_autoptr(DeclicDraftSummary) eligible =
    summary_from ("{\"id\":\"a\",\"checked_on\":\"2026-11-22\",\"n_errors\":0,\"fileable\":true,"
                  "\"streams_met\":\"1,4\",\"score\":448,\"next_deadline_id\":\"language_result\","
                  "\"next_deadline_date\":\"2026-12-13\"}");
  g_autoptr(DeclicDraftSummary) one_stream =
    summary_from ("{\"id\":\"b\",\"checked_on\":\"2026-11-22\",\"n_errors\":3,\"streams_met\":\"2\","
                  "\"score\":-1,\"next_deadline_id\":\"di_expiry\",\"next_deadline_date\":\"2026-11-23\"}");
  g_autoptr(DeclicDraftSummary) none =
    summary_from ("{\"id\":\"c\",\"checked_on\":\"2026-11-22\",\"n_errors\":9,\"streams_met\":\"\",\"score\":-1}");
  g_autoptr(DeclicDraftSummary) unchecked = summary_from ("{\"id\":\"d\"}");
  /* Filed: the DI's 12 months show beside a nearer deadline. */
  g_autoptr(DeclicDraftSummary) filed =
    summary_from ("{\"id\":\"e\",\"checked_on\":\"2026-11-22\",\"streams_met\":\"1\",\"score\":500,"
                  "\"next_deadline_id\":\"language_result\",\"next_deadline_date\":\"2026-12-13\","
                  "\"di_expiry_date\":\"2027-10-01\"}");
  g_autofree char *e = declic_draft_row_format_glance (filed, now);
  g_autofree char *a = declic_draft_row_format_glance (eligible, now);
  g_autofree char *b = declic_draft_row_format_glance (one_stream, now);
  g_autofree char *c = declic_draft_row_format_glance (none, now);
  g_autofree char *d = declic_draft_row_format_glance (unchecked, now);

  g_assert_cmpstr (a, ==, "Streams 1, 4 · 448 pts (est.) · Test results expire in 21 days");
  g_assert_cmpstr (b, ==, "Stream 2 · DI expires in 1 day");
  g_assert_cmpstr (c, ==, "No stream met");
  g_assert_null (d);
  g_assert_cmpstr (e, ==, "Stream 1 · 500 pts (est.) · Test results expire in 21 days · DI valid 313 more days");
}

static void
check_glance_in_french (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 22, 10, 0, 0);
  g_autoptr(DeclicDraftSummary) eligible =
    summary_from ("{\"id\":\"a\",\"checked_on\":\"2026-11-22\",\"streams_met\":\"1,4\",\"score\":448,"
                  "\"next_deadline_id\":\"language_result\",\"next_deadline_date\":\"2026-12-13\"}");
  g_autofree char *text = NULL;

  g_setenv ("LANGUAGE", "fr", TRUE);
  text = declic_draft_row_format_glance (eligible, now);
  g_assert_cmpstr (text, ==, "Volets 1, 4 · 448 pts (estim.) · Expiration des résultats de tests dans 21 jours");
}

/* GLib decides once per process whether g_dngettext () translates: French runs in its own. */
static void
test_glance_french (void)
{
  if (g_test_subprocess ())
    {
      check_glance_in_french ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DECLIC_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draft-row/glance", test_glance);
  g_test_add_func ("/draft-row/glance-french", test_glance_french);

  return g_test_run ();
}
