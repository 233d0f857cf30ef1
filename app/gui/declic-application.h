/* declic-application.h: the application: options, actions, windows. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DECLIC_TYPE_APPLICATION (declic_application_get_type ())
G_DECLARE_FINAL_TYPE (DeclicApplication, declic_application, DECLIC, APPLICATION, AdwApplication)

DeclicApplication *declic_application_new                (void);
const char        *declic_application_get_workspace_folder (DeclicApplication *self);
gboolean           declic_application_settings_are_installed (void);

G_END_DECLS
