/* declic-window.h: the main window: the workspace's drafts beside the open draft. */
#pragma once

#include <adwaita.h>

#include "declic-application.h"
#include "declic-store.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_WINDOW (declic_window_get_type ())
G_DECLARE_FINAL_TYPE (DeclicWindow, declic_window, DECLIC, WINDOW, AdwApplicationWindow)

DeclicWindow *declic_window_new       (DeclicApplication *app,
                                       const char        *workspace_folder);
DeclicStore  *declic_window_get_store (DeclicWindow      *self);

G_END_DECLS
