/* need-display.c: runs a GUI test only where a display can be opened, else reports it skipped.
 *
 *   need-display PROGRAM [ARG…]
 *
 * The GUI tests abort in gtk_init () without a display, which would fail a build that has none
 * (flatpak-builder on a build server, a CI job without Xvfb). Exit status 77 is meson's "skipped":
 * the tests did not run, and the log says why, rather than failing for a reason that is not theirs. */
#include "config.h"

#include <errno.h>
#include <gtk/gtk.h>
#include <string.h>
#include <unistd.h>

#define EXIT_SKIPPED 77

int
main (int    argc,
      char **argv)
{
  if (argc < 2)
    {
      g_printerr ("Usage: %s PROGRAM [ARG…]\n", argv[0]);
      return 2;
    }

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display (DISPLAY=%s, WAYLAND_DISPLAY=%s): %s not run\n",
               g_getenv ("DISPLAY") ? g_getenv ("DISPLAY") : "",
               g_getenv ("WAYLAND_DISPLAY") ? g_getenv ("WAYLAND_DISPLAY") : "",
               argv[1]);
      return EXIT_SKIPPED;
    }

  execv (argv[1], argv + 1);
  g_printerr ("%s: cannot run %s: %s\n", argv[0], argv[1], g_strerror (errno));
  return 1;
}
