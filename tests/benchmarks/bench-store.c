/* bench-store.c: a workspace of 10,000 drafts — listing (cold, then from the index), loading one,
 * saving one. Prints the figures; it is not a test.
 *
 *   ninja -C build benchmarks && build/tests/benchmarks/bench-store [N_DRAFTS]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "declic-store.h"

static DeclicDraft *
make_synthetic_draft (guint i)
{
  DeclicDraft *draft = declic_draft_new ();
  g_autofree char *label = g_strdup_printf ("Client %05u", i);

  declic_draft_set_string (draft, "client_label", label);
  declic_draft_set_string (draft, "personal.family_names", i % 2 ? "Tremblay" : "Nguyễn");
  declic_draft_set_string (draft, "personal.given_names", i % 3 ? "Amélie" : "Karim");
  declic_draft_set_string (draft, "personal.birth_date", "1991-04-17");
  declic_draft_set_string (draft, "personal.birth_country", "FR");
  declic_draft_set_string (draft, "personal.citizenships[0]", "FR");
  declic_draft_set_string (draft, "personal.passport.number", "19AB12345");
  declic_draft_set_string (draft, "contact.email", "client@example.org");
  declic_draft_set_string (draft, "contact.address.city", "Lyon");
  declic_draft_set_string (draft, "family.marital_status", "married");
  declic_draft_set_boolean (draft, "family.spouse_accompanies", TRUE);
  declic_draft_set_string (draft, "family.spouse.birth_date", "1993-01-02");
  for (guint e = 0; e < 2; e++)
    {
      g_autofree char *title = g_strdup_printf ("education[%u].title", e);
      g_autofree char *level = g_strdup_printf ("education[%u].level", e);
      declic_draft_set_string (draft, title, "Master en informatique");
      declic_draft_set_string (draft, level, "university_2_2y");
    }
  for (guint w = 0; w < 3; w++)
    {
      g_autofree char *type = g_strdup_printf ("work_history[%u].type", w);
      g_autofree char *noc = g_strdup_printf ("work_history[%u].noc_code", w);
      g_autofree char *hours = g_strdup_printf ("work_history[%u].hours_per_week", w);
      declic_draft_set_string (draft, type, "work");
      declic_draft_set_string (draft, noc, "21231");
      declic_draft_set_number (draft, hours, 37.5);
    }
  declic_draft_set_string (draft, "french.results[0].test", "tef_canada");
  declic_draft_set_number (draft, "french.results[0].listening.score", 512);
  return draft;
}

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static double
list_once (const char *folder,
           guint       expected)
{
  g_autoptr(DeclicStore) store = declic_store_new (folder);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double elapsed;

  if (!declic_store_load (store, NULL, &error))
    g_error ("%s", error->message);
  elapsed = seconds_since (start);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, expected);
  return elapsed;
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  g_autofree char *folder = g_dir_make_tmp ("declic-bench-XXXXXX", NULL);
  g_autofree char *index = g_build_filename (folder, ".declic", "index.json", NULL);
  g_autoptr(DeclicDraft) one = NULL;
  g_autofree char *path = NULL;
  gint64 start;
  double cold, warm, load_total = 0, save_total = 0;
  const guint repeats = 200;
  GStatBuf st;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeclicDraft) draft = make_synthetic_draft (i);
      g_autofree char *file = g_strconcat (folder, "/", declic_draft_get_id (draft), ".json", NULL);
      if (!declic_draft_save_to_file (draft, file, NULL))
        g_error ("could not save");
      if (i == n / 2)
        path = g_steal_pointer (&file);
    }
  g_stat (path, &st);
  printf ("created %u drafts of %ld bytes in %.1f s\n", n, (long) st.st_size, seconds_since (start));

  g_unlink (index);
  cold = list_once (folder, n);
  warm = list_once (folder, n);
  printf ("list, no index (parses every file): %.3f s\n", cold);
  printf ("list, from the index:               %.3f s\n", warm);

  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr(GError) error = NULL;
      g_clear_object (&one);
      start = g_get_monotonic_time ();
      one = declic_draft_new_from_file (path, &error);
      load_total += seconds_since (start);
      g_assert_no_error (error);

      declic_draft_set_string (one, "client_label", r % 2 ? "A" : "B");
      start = g_get_monotonic_time ();
      if (!declic_draft_save_to_file (one, path, &error))
        g_error ("%s", error->message);
      save_total += seconds_since (start);
    }
  printf ("load one draft:  %.1f µs (mean of %u)\n", load_total / repeats * 1e6, repeats);
  printf ("save one draft:  %.2f ms (mean of %u; atomic, fsync'd, with backup)\n", save_total / repeats * 1e3, repeats);

  printf ("(the workspace is left in %s; remove it with rm -r)\n", folder);
  return 0;
}
