/* declic-window-private.h: what declic-window.c and declic-window-actions.c share. */
#pragma once

#include "declic-draft-filter.h"
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
  GtkRevealer          *filter_revealer;
  GtkWidget            *filter_bar;
  GtkRevealer          *bulk_revealer;
  GtkLabel             *bulk_label;

  /* State */
  DeclicStore          *store;
  GCancellable         *cancellable;
  GSettings            *settings;
  DeclicDraftFilter    *drafts;           /* the store, filtered and sorted */
  GtkMultiSelection    *selection;
  GHashTable           *states;           /* path → RowState, by mtime */

  /* The open draft, or the error of a file that failed to load. */
  DeclicDraft          *draft;
  char                 *draft_path;
  char                 *open_error;
  GtkWidget            *wizard;
  gulong                changed_id;
  guint                 save_source;
  gboolean              dirty;
  guint                 saves_running;    /* asynchronous saves not yet reported */
  gboolean              waiting_for_save; /* a save must be complete: its conflict is not asked */
  gboolean              syncing_selection;
  guint                 reselect_source;
  char                 *last_trashed;     /* for "Undo" after a delete */
  GPtrArray            *bulk_trashed;     /* for "Undo" after moving several to the trash */
  GCancellable         *recheck_cancellable;
  guint                 deadline_source;  /* the hourly look at deadlines */
  gboolean              workspace_open;   /* every user can write to it (issue 11, defect 10) */
  GtkWidget            *conflict_dialog;  /* asking about another program's change, or NULL */
  struct _DeclicSpouseUndo *spouse_undo;  /* for "Undo" after linking or unlinking spouses */
  char                 *spouse_name;      /* the open draft's linked spouse, for the header */
};

void      declic_window_install_actions    (DeclicWindow *self);
void      declic_window_update_actions     (DeclicWindow *self);
void      declic_window_check_workspace_privacy (DeclicWindow *self);
void      declic_window_show_toast         (DeclicWindow *self,
                                            const char   *message);
gboolean  declic_window_save_now           (DeclicWindow *self,
                                            GError      **error);
void      declic_window_wait_for_save      (DeclicWindow *self);
void      declic_window_open_path          (DeclicWindow *self,
                                            const char   *path);
void      declic_window_close_draft        (DeclicWindow *self);
void      declic_window_show_draft         (DeclicWindow *self,
                                            DeclicDraft  *draft);
void      declic_window_refresh_title      (DeclicWindow *self);

/* declic-window-bulk.c: what the list does to the drafts selected in it. */
void      declic_window_install_bulk_actions (DeclicWindow *self);
void      declic_window_update_bulk_actions  (DeclicWindow *self);
GListModel *declic_window_dup_selected_drafts (DeclicWindow *self);

/* declic-window-conflict.c: a save that met another program's change of the file. */
gboolean  declic_window_is_conflict_error  (const GError *error);
void      declic_window_ask_about_conflict (DeclicWindow *self);
void      declic_window_keep_both_now      (DeclicWindow *self);
/* declic-window-spouses.c: linking two drafts as spouses, unlinking them, undo. */
void      declic_window_install_spouse_actions (DeclicWindow *self);
void      declic_window_update_spouse_actions  (DeclicWindow *self);
void      declic_window_load_spouse            (DeclicWindow *self);
void      declic_window_clear_spouse_state     (DeclicWindow *self);

/* declic-window-deadlines.c: the once-a-day notification of deadlines within 14 days. */
void      declic_window_install_deadline_notifications (DeclicWindow *self);
void      declic_window_stop_deadline_notifications    (DeclicWindow *self);
void      declic_window_notify_deadlines               (DeclicWindow *self);

G_END_DECLS
