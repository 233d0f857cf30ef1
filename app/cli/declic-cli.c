/* declic-cli.c: dispatches `declic SUBCOMMAND ...` to the subcommands. */
#define G_LOG_DOMAIN "declic-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-cli.h"
#include "declic-cli-upload.h"
#include "declic-draft-schema.h"

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
  { "schema", run_schema },
  { "upload", declic_cli_upload },
  { NULL, NULL },
};

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

  for (guint i = 0; subcommands[i].name != NULL; i++)
    if (g_str_equal (subcommands[i].name, argv[0]))
      return subcommands[i].run (argc, argv);

  g_printerr (_("Unknown command “%s”\n"), argv[0]);
  return 2;
}
