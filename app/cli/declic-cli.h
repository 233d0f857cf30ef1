/* declic-cli.h: the command-line subcommands, which need no display. */
#pragma once

#include <glib.h>

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

G_END_DECLS
