/* declic-rounds-chooser.c: choosing and installing a list of invitation rounds (see the header). */
#define G_LOG_DOMAIN "declic-rounds-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-rounds.h"
#include "plan/declic-rounds-chooser.h"

static void
install_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  GError *error = NULL;

  if (declic_rounds_install (data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_response (GtkNativeDialog *chooser,
             int              response,
             GTask           *task)
{
  g_autoptr(GFile) file = NULL;
  char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("No file was chosen"));
      g_object_unref (task);
      return;
    }
  g_task_set_task_data (task, path, g_free);
  g_task_run_in_thread (task, install_in_thread);
  g_object_unref (task);
}

void
declic_rounds_chooser_run (GtkWindow           *parent,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  g_task_set_source_tag (task, declic_rounds_chooser_run);
  gtk_file_filter_set_name (filter, _("Lists of rounds (CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  chooser = gtk_file_chooser_native_new (_("Update the List of Rounds"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Install"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
declic_rounds_chooser_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
