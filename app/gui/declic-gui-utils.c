/* declic-gui-utils.c: small helpers shared by the widgets. */
#define G_LOG_DOMAIN "declic-gui"

#include "config.h"

#include "declic-gui-utils.h"

/**
 * declic_gui_take_chosen_path:
 * @chooser: (transfer full): a file chooser that answered
 *
 * Frees @chooser.
 *
 * Returns: (transfer full) (nullable): the local path it names, or %NULL when it was cancelled
 */
char *
declic_gui_take_chosen_path (GtkNativeDialog *chooser,
                             int              response)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), NULL);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  return file != NULL ? g_file_get_path (file) : NULL;
}
