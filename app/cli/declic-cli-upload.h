/* declic-cli-upload.h: `declic upload`, for representatives who send many drafts at once. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @argv[0] is the subcommand's name ("upload"). Returns the process exit status: 0 when every
 * draft was uploaded, 1 when any failed, 2 for a usage or settings error. */
int declic_cli_upload (int    argc,
                       char **argv);

G_END_DECLS
