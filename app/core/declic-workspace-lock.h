/* declic-workspace-lock.h: one writer per workspace.
 *
 * Two programs writing into one workspace (the window of another session, a second window
 * started on the same folder by another path, `declic upload` while the window is open) would
 * each overwrite what the other wrote. Whoever writes into a workspace first takes its lock, an
 * advisory flock(2) on ".declic/lock" (0600, opened without following links), and holds it as
 * long as it writes; a second writer is told, with the folder's name, instead of writing too.
 * The lock goes with the process: a crash or a kill leaves no stale lock behind.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DECLIC_WORKSPACE_LOCK_ERROR (declic_workspace_lock_error_quark ())
GQuark declic_workspace_lock_error_quark (void);

typedef enum
{
  DECLIC_WORKSPACE_LOCK_ERROR_BUSY,  /* another program holds it */
  DECLIC_WORKSPACE_LOCK_ERROR_IO,    /* the lock file cannot be made or is not a regular file */
} DeclicWorkspaceLockError;

typedef struct _DeclicWorkspaceLock DeclicWorkspaceLock;

DeclicWorkspaceLock *declic_workspace_lock_acquire    (const char           *workspace,
                                                       GError              **error);
const char          *declic_workspace_lock_get_folder (DeclicWorkspaceLock  *self);
void                 declic_workspace_lock_release    (DeclicWorkspaceLock  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeclicWorkspaceLock, declic_workspace_lock_release)

G_END_DECLS
