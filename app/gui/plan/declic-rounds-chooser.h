/* declic-rounds-chooser.h: "Update from a File…" for the invitation rounds.
 *
 * The person picks a CSV file; it is checked and installed as their own list of rounds by the
 * core (declic_rounds_install ()) in a worker thread, so the window never waits on the disk. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     declic_rounds_chooser_run    (GtkWindow           *parent,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
/* FALSE with G_IO_ERROR_CANCELLED when the person closed the chooser without a file; FALSE
 * with the core's error when the file was refused (nothing is then installed). */
gboolean declic_rounds_chooser_finish (GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
