/* declic-cli.h: the command-line subcommands, which need no display. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean declic_cli_is_subcommand (const char *name);
int      declic_cli_run           (int         argc,
                                   char      **argv);

/* `declic check`: declic-cli-check.c */
int      declic_cli_check         (int         argc,
                                   char      **argv);

G_END_DECLS
