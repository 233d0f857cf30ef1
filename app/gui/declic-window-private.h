/* declic-window-private.h: what declic-window.c and declic-window-actions.c share. */
#pragma once

#include "declic-window.h"

G_BEGIN_DECLS

struct _DeclicWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwLeaflet           *leaflet;
  GtkStack             *content_stack;
  GtkListView          *draft_list;
  AdwToastOverlay      *toast_overlay;
  AdwStatusPage        *welcome_page;
  AdwStatusPage        *error_page;
  AdwStatusPage        *placeholder_page;
  AdwBin               *draft_bin;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  AdwWindowTitle       *content_title;
  GtkStack             *sidebar_stack;

  /* State */
  DeclicStore          *store;
  GCancellable         *cancellable;
  GSettings            *settings;
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filter_model;
  GtkSortListModel     *sort_model;
  GtkSingleSelection   *selection;
  char                **search_words;
  GHashTable           *states;           /* path → RowState, by mtime */

  /* The open draft, or the error of a file that failed to load. */
  DeclicDraft          *draft;
  char                 *draft_path;
  char                 *open_error;
  GtkWidget            *wizard;
  gulong                changed_id;
  guint                 save_source;
  gboolean              dirty;
  gboolean              syncing_selection;
  guint                 reselect_source;
  char                 *last_trashed;     /* for "Undo" after a delete */
};

void      declic_window_install_actions    (DeclicWindow *self);
void      declic_window_update_actions     (DeclicWindow *self);
void      declic_window_show_toast         (DeclicWindow *self,
                                            const char   *message);
gboolean  declic_window_save_now           (DeclicWindow *self,
                                            GError      **error);
void      declic_window_open_path          (DeclicWindow *self,
                                            const char   *path);
void      declic_window_close_draft        (DeclicWindow *self);
void      declic_window_show_draft         (DeclicWindow *self,
                                            DeclicDraft  *draft);
void      declic_window_refresh_title      (DeclicWindow *self);

G_END_DECLS
