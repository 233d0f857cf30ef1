/* declic-cli-rounds.c: `declic rounds [--install FILE] [--json]`, the list of invitation rounds in
 * use (the built-in one or the one the person installed, declic-rounds.h), and how to install a
 * newer one without waiting for a release of Déclic.
 *
 * The rounds are secondary data compiled from news reports: every listing says so, and that a
 * past cut-off does not forecast the next one.
 *
 * Exit status, as `declic check`'s: 0 when all is well; 1 when the installed list was ignored
 * (the built-in list is shown) or the file given to --install is not a valid list; 2 when a file
 * cannot be read or written or the command line is wrong.
 */
#define G_LOG_DOMAIN "declic-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-c/json.h>

#include "declic-check-json.h"
#include "declic-cli.h"
#include "declic-format.h"
#include "declic-rounds.h"
#include "declic-utils.h"

enum
{
  EXIT_OK = 0,
  EXIT_REFUSED = 1,
  EXIT_UNREADABLE = 2,
};

/**
 * declic_cli_rounds_to_json:
 * @rounds: (nullable): the rounds in use
 *
 * The rounds as `declic rounds --json` and the "recent_rounds" of `declic plan --json` give them.
 *
 * Returns: (transfer full): a new object
 */
json_object *
declic_cli_rounds_to_json (DeclicRounds *rounds)
{
  GPtrArray *list = rounds != NULL ? declic_rounds_get_rounds (rounds) : NULL;
  const char *origin = rounds != NULL ? declic_rounds_get_origin (rounds) : NULL;
  json_object *object = json_object_new_object ();
  json_object *array = json_object_new_array ();

  json_object_object_add (object, "id", json_object_new_string (rounds != NULL ? declic_rounds_get_id (rounds) : ""));
  json_object_object_add (object, "origin", origin != NULL ? json_object_new_string (origin) : NULL);
  json_object_object_add (object, "status", json_object_new_string ("secondary"));
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      DeclicRound *round = g_ptr_array_index (list, i);
      json_object *o = json_object_new_object ();

      json_object_object_add (o, "date", declic_check_json_date (&round->date));
      json_object_object_add (o, "stream", json_object_new_int (round->stream));
      json_object_object_add (o, "min_score", round->min_score >= 0 ? json_object_new_int (round->min_score) : NULL);
      json_object_object_add (o, "invited", json_object_new_int (round->invited));
      json_object_object_add (o, "filter", json_object_new_string (round->filter));
      json_object_array_add (array, o);
    }
  json_object_object_add (object, "rounds", array);
  return object;
}

static void
print_rounds (DeclicRounds *rounds)
{
  GPtrArray *list = declic_rounds_get_rounds (rounds);
  const char *origin = declic_rounds_get_origin (rounds);
  g_autofree char *display = origin != NULL ? g_filename_display_name (origin) : NULL;

  /* TRANSLATORS: "Invitation rounds in use: invitation-rounds-2025 (built in)" */
  g_print (_("Invitation rounds in use: %s (%s)\n"), declic_rounds_get_id (rounds),
           display != NULL ? display : _("built in"));
  /* The same caveat as beside a plan: these are not the ministry's figures, nor a forecast. */
  g_print (_("  Secondary data compiled from news reports of the rounds, not the ministry’s announcements; "
             "a past cut-off is not a forecast: the cut-off of a future round is unknown.\n"));
  for (guint i = 0; i < list->len; i++)
    {
      DeclicRound *round = g_ptr_array_index (list, i);
      g_autofree char *date = declic_format_date_long (&round->date, NULL);
      g_autofree char *invited = declic_format_integer (round->invited, NULL);
      g_autofree char *score = round->min_score >= 0 ? declic_format_integer (round->min_score, NULL) : NULL;

      if (score == NULL)
        /* TRANSLATORS: "4 December 2025, stream 4: no points cut-off, 22 invited (filter)" */
        g_print (g_dngettext (GETTEXT_PACKAGE, "  %s, stream %d: no points cut-off, %s invited (%s)\n",
                              "  %s, stream %d: no points cut-off, %s invited (%s)\n", (gulong) round->invited),
                 date, round->stream, invited, round->filter);
      else
        /* TRANSLATORS: "17 July 2025, stream 1: lowest score invited 768, 216 invited (filter)" */
        g_print (g_dngettext (GETTEXT_PACKAGE, "  %s, stream %d: lowest score invited %s, %s invited (%s)\n",
                              "  %s, stream %d: lowest score invited %s, %s invited (%s)\n", (gulong) round->invited),
                 date, round->stream, score, invited, round->filter);
    }
}

/* After an install: which list is in use, since an older file does not replace a newer one. */
static void
print_installed (const char   *path,
                 DeclicRounds *in_use)
{
  g_autofree char *user_path = declic_rounds_dup_user_path ();
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *user_display = g_filename_display_name (user_path);

  g_print (_("Installed %s as %s.\n"), display, user_display);
  if (declic_rounds_get_origin (in_use) == NULL)
    g_print (_("The built-in list has newer rounds than this file, so the built-in list %s stays in use.\n"),
             declic_rounds_get_id (in_use));
  else
    g_print (_("The list in use is now %s.\n"), declic_rounds_get_id (in_use));
}

/**
 * declic_cli_rounds:
 * @argc: the arguments' count, "rounds" included
 * @argv: "rounds" and its arguments
 *
 * Returns: the exit status (see the top of this file)
 */
int
declic_cli_rounds (int    argc,
                   char **argv)
{
  g_autofree char *install = NULL;
  g_autofree char *lang = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "install", 0, 0, G_OPTION_ARG_FILENAME, &install,
      N_("Check this list of rounds and install it for your user, then say which list is in use"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the rounds in use as JSON"), NULL },
    /* main.c has already made it the messages' language; listed so that it is accepted. */
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Write the text in this language (fr or en)"), N_("LANG") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) problem = NULL;
  g_autoptr(DeclicRounds) rounds = NULL;
  int status = EXIT_OK;

  context = g_option_context_new (_("— list the invitation rounds in use, or install a newer list"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Lists the recent PSTQ invitation rounds that the plan shows beside an estimate: "
                                  "secondary data compiled from news reports, never a forecast. With --install, "
                                  "checks a newer list (a CSV with the columns date, stream, min_score, invited "
                                  "and filter) and installs it for your user; it is used while its newest round "
                                  "is at least as recent as the built-in list’s.\n\n"
                                  "Exit status: 0 when all is well, 1 when your list was ignored or the file to "
                                  "install is not a valid list, 2 when a file cannot be read or written."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("declic rounds: %s\n", error->message);
      return EXIT_UNREADABLE;
    }
  if (argc > 1)
    {
      g_printerr (_("declic rounds: unexpected argument “%s”\n"), argv[1]);
      return EXIT_UNREADABLE;
    }

  if (install != NULL && !declic_rounds_install (install, &error))
    {
      g_printerr ("declic rounds: %s\n", error->message);
      /* A file that was read but is not a list is the file's fault; the rest cannot be done. */
      return g_error_matches (error, DECLIC_ROUNDS_ERROR, DECLIC_ROUNDS_ERROR_MALFORMED) ||
             g_error_matches (error, DECLIC_ROUNDS_ERROR, DECLIC_ROUNDS_ERROR_NO_ROUNDS)
             ? EXIT_REFUSED : EXIT_UNREADABLE;
    }

  rounds = declic_rounds_load_default (&problem);
  if (problem != NULL)
    {
      /* TRANSLATORS: "declic rounds: warning: Your list of invitation rounds … was ignored …" */
      g_printerr (_("declic rounds: warning: %s\n"), problem->message);
      status = EXIT_REFUSED;
    }
  if (rounds == NULL)
    {
      g_printerr (_("declic rounds: this build of Déclic has no list of invitation rounds\n"));
      return EXIT_UNREADABLE;
    }

  if (json)
    {
      g_autoptr(json_object) out = declic_cli_rounds_to_json (rounds);

      g_print ("%s\n", json_object_to_json_string_ext (out, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));
      return status;
    }
  if (install != NULL)
    print_installed (install, rounds);
  else
    print_rounds (rounds);
  return status;
}
