/* test-workspace-list.c: the list of a representative's workspace: compact rows, the filter bar,
 * several drafts selected, exported as CSV, moved to the trash and back with one undo. */
#include "config.h"

#include <glib/gstdio.h>

#include "declic-clock.h"
#include "declic-deadline-digest.h"
#include "declic-draft-filter.h"
#include "declic-test-utils.h"
#include "declic-utils.h"
#include "declic-window.h"
#include "declic-window-private.h"
#include "workspace/declic-filter-bar.h"

#define N_DRAFTS 60

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

/* Draft @i has a French result that expires in 10 + i days when i is a multiple of 3. */
static gboolean
expires_within_60 (guint i)
{
  /* Results that stop counting in 10 + i days have their last day 9 + i days from today. */
  return i % 3 == 0 && 9 + i <= 60;
}

static void
make_workspace (const char *folder)
{
  GDate today;

  declic_clock_get_today (&today);
  for (guint i = 0; i < N_DRAFTS; i++)
    {
      g_autoptr(DeclicDraft) draft = declic_draft_new ();
      g_autofree char *label = g_strdup_printf ("Client %02u", i);
      g_autofree char *name = g_strdup_printf ("%s.json", declic_draft_get_id (draft));
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GError) error = NULL;

      declic_draft_set_string (draft, "client_label", label);
      declic_draft_set_string (draft, "personal.family_names", "Tremblay");
      declic_draft_set_string (draft, "personal.given_names", "Amélie");
      if (i % 3 == 0)
        {
          GDate date = today;
          g_autofree char *text = NULL;

          /* Valid two years (DI.md §3.5). */
          g_date_add_days (&date, 10 + i);
          g_date_subtract_years (&date, 2);
          text = declic_utils_format_date (&date);
          declic_draft_set_string (draft, "french.results[0].test", "tef_canada");
          declic_draft_set_string (draft, "french.results[0].result_date", text);
        }
      g_assert_true (declic_draft_save_to_file (draft, path, &error));
      g_assert_no_error (error);
    }
}

static guint
count_rows_in_view (DeclicWindow *window)
{
  GtkWidget *list = GTK_WIDGET (window->draft_list);
  GtkWidget *scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  int view_height = gtk_widget_get_height (scrolled);
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (row) || !gtk_widget_compute_bounds (row, scrolled, &bounds))
        continue;
      /* Only rows whole on screen. */
      if (bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= view_height)
        n++;
    }
  return n;
}

static void
test_list (void)
{
  g_autofree char *folder = declic_test_make_workspace ();
  g_autofree char *csv_path = g_build_filename (folder, "..", "declic-test-export.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  DeclicWindow *window;
  GListModel *visible;
  guint expected = 0;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_DRAFTS; i++)
    expected += expires_within_60 (i);
  make_workspace (folder);

  window = declic_window_new (NULL, folder);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_present (GTK_WINDOW (window));
  visible = declic_window_get_visible_drafts (window);
  for (int i = 0; i < 5000 && g_list_model_get_n_items (visible) < N_DRAFTS; i++)
    spin (1);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, N_DRAFTS);
  spin (300);

  /* Compact rows: at least 15 whole rows in an 800-pixel window. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 800);
  g_test_message ("%u whole rows shown at 800 px", count_rows_in_view (window));
  g_assert_cmpuint (count_rows_in_view (window), >=, 15);

  /* What the deadline notification opens: the list filtered on the drafts it counted. */
  {
    g_autofree char *today = NULL;
    guint n_due = 0;

    g_assert_true (declic_deadline_digest_is_due (G_LIST_MODEL (declic_window_get_store (window)), NULL, &n_due, &today));
    g_assert_cmpuint (n_due, >, 0);
    g_action_group_activate_action (G_ACTION_GROUP (window), "show-due-soon", NULL);
    spin (300);
    g_assert_true (gtk_revealer_get_reveal_child (window->filter_revealer));
    g_assert_cmpuint (g_list_model_get_n_items (visible), ==, n_due);
    declic_filter_bar_set_attention (DECLIC_FILTER_BAR (window->filter_bar), DECLIC_ATTENTION_ALL);
    spin (50);
    g_assert_cmpuint (g_list_model_get_n_items (visible), ==, N_DRAFTS);
  }

  /* The filter bar, from its action; each choice says how many it keeps. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-filters", NULL);
  spin (300);
  g_assert_true (gtk_revealer_get_reveal_child (window->filter_revealer));
  declic_filter_bar_set_attention (DECLIC_FILTER_BAR (window->filter_bar), DECLIC_ATTENTION_EXPIRY_60);
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, expected);
  {
    g_autofree char *count = g_strdup_printf ("%u of %u drafts shown", expected, N_DRAFTS);
    g_assert_cmpstr (declic_filter_bar_get_count_text (DECLIC_FILTER_BAR (window->filter_bar)), ==, count);
  }

  /* Every draft of the filtered list selected, exported. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "select-all-drafts", NULL);
  spin (50);
  g_assert_true (gtk_revealer_get_reveal_child (window->bulk_revealer));
  g_assert_true (declic_window_export_selected_to (window, csv_path));
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + expected + 1);
  for (guint i = 1; i <= expected; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);
      int n;

      g_assert_true (g_str_has_prefix (cells[0], "Client "));
      n = atoi (cells[0] + strlen ("Client "));
      g_assert_true (expires_within_60 ((guint) n));
    }
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (csv_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  /* Moved to the trash together, back with one undo. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "trash-selected", NULL);
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (declic_window_get_store (window))), ==, N_DRAFTS - expected);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 0);
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo-trash-selected", NULL);
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (declic_window_get_store (window))), ==, N_DRAFTS);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, expected);

  /* Checked again on a worker thread, and still the same figures. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "select-all-drafts", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "check-selected", NULL);
  spin (500);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  g_unlink (csv_path);
  declic_test_remove_tree (folder);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/workspace-list/filter-select-export-trash", test_list);
  return g_test_run ();
}
