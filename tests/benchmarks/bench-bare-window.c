/* bench-bare-window.c: the floor of bench-list's start-up figure: a bare AdwApplicationWindow
 * of the size Déclic's window opens at, nothing in it. Prints the monotonic time of its first
 * frame painted while mapped, then exits. Run by bench-list, not by hand. */
#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  if (!gtk_widget_get_mapped (window))
    return;
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  _exit (0);
}

static void
on_realize (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint", G_CALLBACK (on_after_paint), window);
}

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("org.example.BareWindow", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
