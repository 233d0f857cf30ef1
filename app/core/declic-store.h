/* declic-store.h: a workspace, a folder of drafts.
 *
 * The store is a GListModel of DeclicDraftSummary, one per "*.json" file of the folder. It keeps
 * an index of summaries (".declic/index.json", keyed by file name, size and modification time)
 * so that a workspace of thousands of drafts lists without parsing them, and it follows files
 * that another program adds, changes or removes.
 */
#pragma once

#include <gio/gio.h>

#include "declic-draft.h"
#include "declic-draft-summary.h"

G_BEGIN_DECLS

#define DECLIC_STORE_ERROR (declic_store_error_quark ())

typedef enum
{
  DECLIC_STORE_ERROR_FOLDER,
  DECLIC_STORE_ERROR_NOT_FOUND,
  DECLIC_STORE_ERROR_UNREADABLE,
  DECLIC_STORE_ERROR_UNSAFE_NAME,
} DeclicStoreError;

#define DECLIC_TYPE_STORE (declic_store_get_type ())
G_DECLARE_FINAL_TYPE (DeclicStore, declic_store, DECLIC, STORE, GObject)

GQuark       declic_store_error_quark        (void);
char        *declic_store_get_default_folder (void);

DeclicStore *declic_store_new                (const char          *folder);
const char  *declic_store_get_folder         (DeclicStore         *self);

gboolean     declic_store_load               (DeclicStore         *self,
                                              GCancellable        *cancellable,
                                              GError             **error);
void         declic_store_load_async         (DeclicStore         *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     declic_store_load_finish        (DeclicStore         *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* %NULL when @id cannot name a file (see declic_safe_name_is_valid_id()). */
char        *declic_store_path_for_id        (DeclicStore         *self,
                                              const char          *id);
DeclicDraftSummary *declic_store_find        (DeclicStore         *self,
                                              const char          *path);

DeclicDraft *declic_store_open_draft         (DeclicStore         *self,
                                              const char          *path,
                                              GError             **error);
gboolean     declic_store_save_draft         (DeclicStore         *self,
                                              DeclicDraft         *draft,
                                              GError             **error);
void         declic_store_save_draft_async   (DeclicStore         *self,
                                              DeclicDraft         *draft,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     declic_store_save_draft_finish  (DeclicStore         *self,
                                              GAsyncResult        *result,
                                              GError             **error);
DeclicDraft *declic_store_create_draft       (DeclicStore         *self,
                                              GError             **error);
/* What the person chose when a save met another program's change of the file
 * (DECLIC_DRAFT_ERROR_CHANGED, issue 11, defect 6). */
typedef enum
{
  DECLIC_STORE_CONFLICT_RELOAD,     /* take the file on disk; the unsaved changes are lost */
  DECLIC_STORE_CONFLICT_KEEP_BOTH,  /* save this version as a new draft (new id, "(copy)") */
  DECLIC_STORE_CONFLICT_OVERWRITE,  /* save this version over the other */
} DeclicStoreConflictChoice;

DeclicDraft *declic_store_resolve_conflict   (DeclicStore         *self,
                                              DeclicDraft         *draft,
                                              const char          *path,
                                              DeclicStoreConflictChoice choice,
                                              char               **path_out,
                                              GError             **error);
DeclicDraft *declic_store_import_draft       (DeclicStore         *self,
                                              const char          *source_path,
                                              GError             **error);
char        *declic_store_trash_draft        (DeclicStore         *self,
                                              const char          *path,
                                              GError             **error);
gboolean     declic_store_restore_draft      (DeclicStore         *self,
                                              const char          *trashed_path,
                                              GError             **error);

void         declic_store_recheck_async      (DeclicStore         *self,
                                              const char * const  *paths,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
int          declic_store_recheck_finish     (DeclicStore         *self,
                                              GAsyncResult        *result,
                                              GError             **error);

void         declic_store_write_index_async  (DeclicStore         *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     declic_store_write_index_finish (DeclicStore         *self,
                                              GAsyncResult        *result,
                                              GError             **error);
/* The workspace folder and its ".declic" folder, those of them that every user of the computer
 * can write to (a folder made by hand, or unpacked from an archive): anyone could then replace a
 * draft or plant a link. %NULL when neither is. Refused: nothing, the caller warns and offers
 * declic_store_make_private(). */
GStrv        declic_store_list_open_folders  (const char          *folder);
/* Makes the workspace folder and its ".declic" folder private (0700), not following links. */
gboolean     declic_store_make_private       (const char          *folder,
                                              GError             **error);

/* Whether @path names a draft file of a workspace (not a backup, temporary or hidden file). */
gboolean     declic_store_is_draft_file_name (const char          *name);

G_END_DECLS
