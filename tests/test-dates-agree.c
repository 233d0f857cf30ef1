/* test-dates-agree.c: the workspace list, the wizard's Deadlines page and `declic check` give
 * the same dates and days left for the same draft, whatever day the clock says it is. */
#include "config.h"

#include <glib/gstdio.h>
#include <json.h>
#include <string.h>

#include "declic-clock.h"
#include "declic-draft.h"
#include "declic-format.h"
#include "declic-test-utils.h"
#include "declic-utils.h"
#include "declic-window.h"
#include "wizard/declic-wizard.h"

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Every label's text under @widget, as a person would read it. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static gboolean
has_text (GPtrArray  *texts,
          const char *needle,
          gboolean    whole)
{
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      if (whole ? g_strcmp0 (text, needle) == 0 : strstr (text, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static char *
shift_date (const GDate *from,
            int          days)
{
  GDate date = *from;

  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return declic_utils_format_date (&date);
}

/* The sample, started 10 days ago, with its planned filing date @planned_offset days from today
 * and a French result obtained two years less 20 days ago: its last valid day is the next
 * deadline, 19 days from today (the results count at a reference date up to 19 days from now). */
static char *
write_draft (const char  *folder,
             const GDate *today,
             int          planned_offset)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "fixtures", "sample-complete.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = declic_draft_new_from_file (sample, &error);
  g_autofree char *planned = shift_date (today, planned_offset);
  g_autofree char *result = NULL;
  GDate obtained = *today;
  char *path;

  g_assert_no_error (error);
  g_date_add_days (&obtained, 20);
  g_date_subtract_years (&obtained, 2);
  result = declic_utils_format_date (&obtained);
  declic_draft_set_string (draft, "planned_filing_date", planned);
  declic_draft_set_string (draft, "french.results[0].result_date", result);
  declic_draft_set_string (draft, "client_label", "Dates");
  /* Started in Déclic 10 days ago: Arrima's 90-day draft limit is well after the expiry. */
  {
    g_autofree char *created = shift_date (today, -10);
    g_autofree char *stamp = g_strconcat (created, "T12:00:00Z", NULL);
    declic_draft_set_string (draft, "created", stamp);
  }
  path = g_build_filename (folder, "dates.json", NULL);
  g_assert_true (declic_draft_save_to_file (draft, path, &error));
  g_assert_no_error (error);
  return path;
}

static json_object *
run_declic_check (const char *path)
{
  const char *bin = g_getenv ("DECLIC_BIN");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { bin, "check", "--json", path, NULL };
  int status;
  json_object *root;

  g_assert_nonnull (bin);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  root = json_tokener_parse (out);
  g_assert_nonnull (root);
  return root;
}

static void
test_dates_agree (gconstpointer data)
{
  int planned_offset = GPOINTER_TO_INT (data);
  g_autofree char *reference_text = NULL;
  g_autofree char *folder = declic_test_make_workspace ();
  g_autofree char *path = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *expiry_text = NULL;
  g_autofree char *list_days = NULL;
  g_autofree char *page_days = NULL;
  g_autoptr(json_object) cli = NULL;
  g_autoptr(GPtrArray) list_texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) page_texts = g_ptr_array_new_with_free_func (g_free);
  json_object *entry, *deadlines, *first;
  DeclicWindow *window;
  GtkWidget *wizard;
  GDate today;

  declic_clock_get_today (&today);
  today_text = declic_utils_format_date (&today);
  /* They stop counting in 20 days: their last day, the deadline, is 19 days away. */
  expiry_text = shift_date (&today, 19);
  path = write_draft (folder, &today, planned_offset);
  reference_text = shift_date (&today, MAX (planned_offset, 0));

  /* declic check: today is the clock's, the reference date the plan's unless it has passed,
   * the expiry 20 days away from today in both cases. */
  cli = run_declic_check (path);
  entry = json_object_array_get_idx (cli, 0);
  g_assert_cmpstr (json_object_get_string (json_object_object_get (entry, "today")), ==, today_text);
  g_assert_cmpstr (json_object_get_string (json_object_object_get (entry, "reference_date")), ==, reference_text);
  deadlines = json_object_object_get (entry, "deadlines");
  first = NULL;
  for (size_t i = 0; i < json_object_array_length (deadlines); i++)
    {
      json_object *deadline = json_object_array_get_idx (deadlines, i);
      if (json_object_get_int (json_object_object_get (deadline, "days_left")) >= 0)
        {
          first = deadline;
          break;
        }
    }
  g_assert_nonnull (first);
  g_assert_cmpstr (json_object_get_string (json_object_object_get (first, "id")), ==, "language_result");
  g_assert_cmpstr (json_object_get_string (json_object_object_get (first, "date")), ==, expiry_text);
  g_assert_cmpint (json_object_get_int (json_object_object_get (first, "days_left")), ==, 19);

  /* The list, from the workspace index. */
  window = declic_window_new (NULL, folder);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 500 && g_list_model_get_n_items (declic_window_get_visible_drafts (window)) != 1; i++)
    spin (10);
  g_assert_cmpuint (g_list_model_get_n_items (declic_window_get_visible_drafts (window)), ==, 1);
  spin (100);
  collect_labels (GTK_WIDGET (window), list_texts);
  /* Translators' format in declic-draft-row.c: "Test results expire in 20 days" */
  list_days = g_strdup_printf ("in %d days", 19);
  g_assert_true (has_text (list_texts, list_days, FALSE));

  /* The wizard's Deadlines page of the same draft. */
  declic_window_open_draft (window, path);
  wizard = declic_window_get_wizard (window);
  g_assert_nonnull (wizard);
  declic_wizard_show_section (DECLIC_WIZARD (wizard), DECLIC_WIZARD_PAGE_DEADLINES);
  spin (100);
  collect_labels (wizard, page_texts);
  page_days = g_strdup_printf ("%d days left", 19);
  g_assert_true (has_text (page_texts, page_days, TRUE));
  /* The page writes the date out in the interface language, the JSON report in ISO. */
  {
    GDate expiry;
    g_autofree char *expiry_long = NULL;

    g_assert_true (declic_utils_parse_date (expiry_text, &expiry));
    expiry_long = declic_format_date_long (&expiry, NULL);
    g_assert_true (has_text (page_texts, expiry_long, FALSE));
    g_assert_false (has_text (page_texts, expiry_text, FALSE));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  g_object_unref (window);
  declic_test_remove_tree (folder);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* A planned filing date that has passed, and one still to come. */
  g_test_add_data_func ("/dates/list-wizard-cli-agree/plan-passed", GINT_TO_POINTER (-9), test_dates_agree);
  g_test_add_data_func ("/dates/list-wizard-cli-agree/plan-ahead", GINT_TO_POINTER (12), test_dates_agree);
  return g_test_run ();
}
