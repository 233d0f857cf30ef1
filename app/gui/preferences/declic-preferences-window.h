/* declic-preferences-window.h: the workspace folder and the upload server. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DECLIC_TYPE_PREFERENCES_WINDOW (declic_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (DeclicPreferencesWindow, declic_preferences_window, DECLIC, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *declic_preferences_window_new (GtkWindow *parent);

G_END_DECLS
