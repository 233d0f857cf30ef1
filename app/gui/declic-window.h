/* declic-window.h: the main window: the workspace's drafts beside the open draft. */
#pragma once

#include <adwaita.h>

#include "declic-application.h"
#include "declic-store.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_WINDOW (declic_window_get_type ())
G_DECLARE_FINAL_TYPE (DeclicWindow, declic_window, DECLIC, WINDOW, AdwApplicationWindow)

DeclicWindow *declic_window_new              (DeclicApplication *app,
                                              const char        *workspace_folder);
DeclicStore  *declic_window_get_store        (DeclicWindow      *self);

/* The open draft and its file, or %NULL; a file that failed to load has a path, no draft and
 * an error. */
DeclicDraft  *declic_window_get_draft        (DeclicWindow      *self);
const char   *declic_window_get_draft_path   (DeclicWindow      *self);
const char   *declic_window_get_open_error   (DeclicWindow      *self);
/* The page the content area shows: "welcome", "empty", "draft" or "error". */
const char   *declic_window_get_page_name    (DeclicWindow      *self);
/* The drafts the list shows: searched and sorted. */
GListModel   *declic_window_get_visible_drafts (DeclicWindow    *self);
void          declic_window_set_search_text  (DeclicWindow      *self,
                                              const char        *text);
void          declic_window_open_draft       (DeclicWindow      *self,
                                              const char        *path);
gboolean      declic_window_rename_draft     (DeclicWindow      *self,
                                              const char        *client_label);
gboolean      declic_window_import_file      (DeclicWindow      *self,
                                              const char        *path);
gboolean      declic_window_open_sample      (DeclicWindow      *self);
gboolean      declic_window_export_to        (DeclicWindow      *self,
                                              const char        *path);
/* The drafts selected in the list, as CSV (declic-summary-csv.h). */
gboolean      declic_window_export_selected_to (DeclicWindow    *self,
                                              const char        *path);
/* The draft's summary as PDF, or HTML when @path ends in ".html"; mode 0600. */
gboolean      declic_window_save_summary_to  (DeclicWindow      *self,
                                              const char        *path);
/* The wizard widget of the open draft, once it exists, else %NULL. */
GtkWidget    *declic_window_get_wizard       (DeclicWindow      *self);

G_END_DECLS
