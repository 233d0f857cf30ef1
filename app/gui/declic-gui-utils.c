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

/* A GtkDropDown's own button is what takes the focus, and GTK 4.8 names it "GtkToggleButton"
 * for screen readers: give it the drop-down's name. */
void
declic_gui_name_drop_down (GtkDropDown *dropdown,
                           const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (name != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
