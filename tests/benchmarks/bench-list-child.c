/* bench-list-child.c: Déclic as app/main.c starts it, on the workspace given, with probes: the
 * monotonic time of the first frame painted while mapped, of the first frame with rows of the
 * list painted, then, once, filter changes timed from the call to the frame that shows them.
 * Run by bench-list, not by hand. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "declic-application.h"
#include "declic-window-private.h"
#include "workspace/declic-filter-bar.h"

#define N_CHANGES 10

typedef struct
{
  DeclicWindow *window;
  gboolean      first_frame_seen;
  gboolean      rows_seen;
  guint         n_changes;
  gint64        change_start;
  double        call_ms[N_CHANGES];
  double        frame_ms[N_CHANGES];
  guint         shown[N_CHANGES];
} Probe;

static Probe probe;

static gboolean
rows_painted (DeclicWindow *window)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (window->draft_list));

  return gtk_widget_get_mapped (GTK_WIDGET (window->draft_list)) &&
         g_list_model_get_n_items (declic_window_get_visible_drafts (window)) > 0 &&
         row != NULL && gtk_widget_get_mapped (row) && gtk_widget_get_height (row) > 0;
}

/* Even changes pick "language results expire within 60 days", odd ones "all drafts" again:
 * a filter change both ways, as a person flips between the two. */
static gboolean
change_filter (gpointer user_data)
{
  DeclicFilterBar *bar = DECLIC_FILTER_BAR (probe.window->filter_bar);
  gint64 start = g_get_monotonic_time ();

  probe.change_start = start;
  declic_filter_bar_set_attention (bar, probe.n_changes % 2 == 0 ? DECLIC_ATTENTION_EXPIRY_60 : DECLIC_ATTENTION_ALL);
  probe.call_ms[probe.n_changes] = (g_get_monotonic_time () - start) / 1000.0;
  probe.shown[probe.n_changes] = g_list_model_get_n_items (declic_window_get_visible_drafts (probe.window));
  gtk_widget_queue_draw (GTK_WIDGET (probe.window));
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  DeclicWindow *window = probe.window;

  if (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    return;
  if (!probe.first_frame_seen)
    {
      probe.first_frame_seen = TRUE;
      printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
    }
  if (!probe.rows_seen)
    {
      if (!rows_painted (window))
        return;
      probe.rows_seen = TRUE;
      printf ("rows %" G_GINT64_FORMAT " %u\n", g_get_monotonic_time (),
              g_list_model_get_n_items (declic_window_get_visible_drafts (window)));
      fflush (stdout);
      g_action_group_activate_action (G_ACTION_GROUP (window), "show-filters", NULL);
      /* Let the revealer finish and the counts settle before timing changes. */
      g_timeout_add (800, change_filter, NULL);
      return;
    }
  if (probe.change_start == 0)
    return;

  probe.frame_ms[probe.n_changes] = (g_get_monotonic_time () - probe.change_start) / 1000.0;
  probe.change_start = 0;
  printf ("filter %.2f %.2f %u\n", probe.call_ms[probe.n_changes], probe.frame_ms[probe.n_changes],
          probe.shown[probe.n_changes]);
  if (++probe.n_changes == N_CHANGES)
    {
      fflush (stdout);
      _exit (0);
    }
  g_timeout_add (200, change_filter, NULL);
}

static void
on_realize (GtkWidget *widget)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));

  g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  if (!DECLIC_IS_WINDOW (window) || probe.window != NULL)
    return;
  probe.window = DECLIC_WINDOW (window);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DeclicApplication) app = NULL;
  const char *localedir = g_getenv ("DECLIC_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = declic_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
