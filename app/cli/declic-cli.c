/* declic-cli.c: dispatches `declic SUBCOMMAND ...` to the subcommands. */
#define G_LOG_DOMAIN "declic-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-cli.h"
#include "declic-store.h"
#include "declic-cli-upload.h"
#include "declic-draft-schema.h"
#include "declic-text.h"

typedef int (*SubcommandFunc) (int argc, char **argv);

/* `declic schema`: prints the JSON Schema of the draft file format, for people who integrate
 * Déclic's files with their own tools. */
static int
run_schema (int    argc,
            char **argv)
{
  g_autofree char *schema = declic_draft_schema_generate ();

  g_print ("%s", schema);
  return 0;
}

typedef struct
{
  const char     *name;
  SubcommandFunc  run;
} Subcommand;

static const Subcommand subcommands[] = {
  { "check", declic_cli_check },
  { "export", declic_cli_export },
  { "plan", declic_cli_plan },
  { "rounds", declic_cli_rounds },
  { "schema", run_schema },
  { "upload", declic_cli_upload },
  { NULL, NULL },
};

/* A folder every user can write to lets anyone replace a draft or plant a link in it: said on
 * each run (the CLI changes nothing on its own; the window offers to make it private). */
void
declic_cli_warn_open_folder (const char *command,
                             const char *folder)
{
  g_auto(GStrv) open_folders = declic_store_list_open_folders (folder);

  for (guint i = 0; open_folders != NULL && open_folders[i] != NULL; i++)
    {
      g_autofree char *display = g_filename_display_name (open_folders[i]);
      g_autofree char *quoted = g_shell_quote (open_folders[i]);

      /* Translators: "declic check: warning: …"; the last %s is a shell command's argument. */
      g_printerr (_("%s: warning: every user of this computer can change the folder %s, and so replace a draft in it. Make it private with: chmod 700 %s\n"),
                  command, display, quoted);
    }
}

gboolean
declic_cli_is_subcommand (const char *name)
{
  for (guint i = 0; subcommands[i].name != NULL; i++)
    if (g_strcmp0 (subcommands[i].name, name) == 0)
      return TRUE;
  return FALSE;
}

/* @argv[0] is the subcommand's name. */
int
declic_cli_run (int    argc,
                char **argv)
{
  g_return_val_if_fail (argc >= 1, 2);

  /* What a command prints holds text from draft files, that is from anyone: an escape sequence
   * in a name must not clear the screen or set the window title, nor a bidi override hide text. */
  g_set_print_handler (declic_text_print_escaped);
  g_set_printerr_handler (declic_text_printerr_escaped);

  for (guint i = 0; subcommands[i].name != NULL; i++)
    if (g_str_equal (subcommands[i].name, argv[0]))
      return subcommands[i].run (argc, argv);

  g_printerr (_("Unknown command “%s”\n"), argv[0]);
  return 2;
}
