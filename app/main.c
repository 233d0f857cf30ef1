/* main.c: locale, the language override, then either a subcommand or the application. */
#define G_LOG_DOMAIN "declic"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "declic-application.h"
#include "declic-cli.h"

/* `--lang fr|en` must take effect before the first translated string, so it is read here,
 * ahead of GApplication's own option parsing (which also accepts and documents it). */
static void
apply_language_override (int    argc,
                         char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      const char *lang = NULL;

      if (g_str_equal (argv[i], "--lang") && i + 1 < argc)
        lang = argv[i + 1];
      else if (g_str_has_prefix (argv[i], "--lang="))
        lang = argv[i] + strlen ("--lang=");

      if (lang != NULL)
        {
          /* LANGUAGE is ignored under the "C" locale: fall back to C.UTF-8. */
          g_setenv ("LANGUAGE", lang, TRUE);
          if (setlocale (LC_MESSAGES, NULL) == NULL || g_str_equal (setlocale (LC_MESSAGES, NULL), "C"))
            setlocale (LC_ALL, "C.UTF-8");
          return;
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(DeclicApplication) app = NULL;
  const char *localedir = g_getenv ("DECLIC_LOCALEDIR");

  setlocale (LC_ALL, "");
  apply_language_override (argc, argv);
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && declic_cli_is_subcommand (argv[1]))
    return declic_cli_run (argc - 1, argv + 1);

  app = declic_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
