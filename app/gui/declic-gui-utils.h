/* declic-gui-utils.h: small helpers shared by the widgets. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *declic_gui_take_chosen_path (GtkNativeDialog *chooser,
                                   int              response);

void  declic_gui_name_drop_down   (GtkDropDown     *dropdown,
                                   const char      *name);

G_END_DECLS
