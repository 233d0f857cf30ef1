/* bench-wizard-structure.c: how long a structural change of the wizard takes (an item added,
 * removed or moved on the Work history page of the sample draft), against a floor measured in
 * the same run: a single value changed on the same page, which checks the draft again and
 * refreshes the pages without building anything. Prints the figures; it is not a test.
 * The target (issue 9) is one frame, 16 ms, median.
 *
 *   ninja -C build benchmarks
 *   dbus-run-session -- xvfb-run -a build/tests/benchmarks/bench-wizard-structure [ITERATIONS]
 *
 * Each figure is the time of the call plus the events it leaves pending, median and 90th
 * percentile over ITERATIONS (default 30); adding and removing alternate, so the page keeps
 * the sample's two periods (three while one is added).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <adwaita.h>

#include "declic-draft.h"
#include "wizard/declic-wizard.h"

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *ms)
{
  g_array_sort (ms, compare_doubles);
  printf ("%-40s median %7.2f ms   p90 %7.2f ms   (n=%u)\n", what,
          g_array_index (ms, double, ms->len / 2),
          g_array_index (ms, double, (ms->len * 9) / 10), ms->len);
}

typedef void (*Step) (DeclicDraft *draft, guint i);

static void
step_value (DeclicDraft *draft,
            guint        i)
{
  declic_draft_set_string (draft, "work_history[0].employer", i % 2 ? "Employeur A" : "Employeur B");
}

static void
step_add (DeclicDraft *draft,
          guint        i)
{
  guint n = declic_draft_append_item (draft, "work_history");
  g_autofree char *path = g_strdup_printf ("work_history[%u].type", n);

  declic_draft_set_string (draft, path, "studies");
}

static void
step_remove (DeclicDraft *draft,
             guint        i)
{
  g_autofree char *json = declic_draft_remove_item (draft, "work_history",
                                                     declic_draft_get_n_items (draft, "work_history") - 1);
}

static char *removed_json;

static void
step_remove_first (DeclicDraft *draft,
                   guint        i)
{
  g_free (removed_json);
  removed_json = declic_draft_remove_item (draft, "work_history", 0);
}

static void
step_undo_remove (DeclicDraft *draft,
                  guint        i)
{
  declic_draft_insert_item (draft, "work_history", 0, removed_json);
  g_clear_pointer (&removed_json, g_free);
}

static void
step_move (DeclicDraft *draft,
           guint        i)
{
  declic_draft_move_item (draft, "work_history", 0, 1);
}

/* Runs @step, then @undo (unmeasured unless @undo_what is set), @iterations times: the page
 * keeps the size it had, so every figure is taken on the sample as it is. */
static void
measure (const char  *what,
         const char  *undo_what,
         DeclicDraft *draft,
         Step         step,
         Step         undo,
         guint        iterations)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) undo_ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < iterations; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      step (draft, i);
      drain ();
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, elapsed);
      if (undo != NULL)
        {
          start = g_get_monotonic_time ();
          undo (draft, i);
          drain ();
          elapsed = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (undo_ms, elapsed);
        }
    }
  report (what, ms);
  if (undo_what != NULL)
    report (undo_what, undo_ms);
}

int
main (int   argc,
      char *argv[])
{
  guint iterations = argc > 1 ? (guint) atoi (argv[1]) : 30;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = NULL;
  GtkWidget *window;
  GtkWidget *wizard;

  adw_init ();
  draft = declic_draft_new_from_file (SAMPLE_DRAFT, &error);
  if (draft == NULL)
    g_error ("%s", error->message);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  wizard = declic_wizard_new ();
  gtk_window_set_child (GTK_WINDOW (window), wizard);
  declic_wizard_set_draft (DECLIC_WIZARD (wizard), draft);
  gtk_window_present (GTK_WINDOW (window));
  declic_wizard_show_section (DECLIC_WIZARD (wizard), 4);  /* Work history */
  drain ();

  printf ("Sample draft, %u work periods, Work history page shown\n",
          declic_draft_get_n_items (draft, "work_history"));
  measure ("floor: one value changed", NULL, draft, step_value, NULL, iterations);
  measure ("structural: add a period", "structural: remove a period", draft, step_add, step_remove, iterations);
  measure ("structural: move a period", NULL, draft, step_move, NULL, iterations);
  measure ("structural: remove the first period", "structural: undo that removal", draft,
           step_remove_first, step_undo_remove, iterations);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
