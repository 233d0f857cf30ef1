/* declic-cli.h: the command-line subcommands, which need no display. */
#pragma once

#include <glib.h>
#include <json-c/json.h>

#include "declic-rounds.h"

G_BEGIN_DECLS

gboolean declic_cli_is_subcommand (const char *name);
/* Warns on stderr when a workspace @folder (or its .declic) can be written by every user. */
void     declic_cli_warn_open_folder (const char *command,
                                      const char *folder);
int      declic_cli_run           (int         argc,
                                   char      **argv);

/* `declic check`: declic-cli-check.c */
int      declic_cli_check         (int         argc,
                                   char      **argv);
/* `declic export`: declic-cli-export.c */
int      declic_cli_export        (int         argc,
                                   char      **argv);
/* `declic plan`: declic-cli-plan.c */
int      declic_cli_plan          (int         argc,
                                   char      **argv);
/* `declic rounds`: declic-cli-rounds.c */
int      declic_cli_rounds        (int         argc,
                                   char      **argv);
/* The rounds in use as JSON, for `declic rounds --json` and `declic plan --json`. */
json_object *declic_cli_rounds_to_json (DeclicRounds *rounds);

G_END_DECLS
