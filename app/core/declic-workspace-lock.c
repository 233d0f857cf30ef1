/* declic-workspace-lock.c: the lock of a workspace (see the header). */
#define G_LOG_DOMAIN "declic-workspace-lock"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "declic-i18n.h"
#include "declic-workspace-files.h"
#include "declic-workspace-lock.h"

#define META_DIR  ".declic"
#define LOCK_NAME "lock"

G_DEFINE_QUARK (declic-workspace-lock-error-quark, declic_workspace_lock_error)

struct _DeclicWorkspaceLock
{
  char *folder;
  int   fd;
};

/* The folder as the person would recognise it whatever form named it ("~/a/../a", a link). */
static char *
dup_display_folder (const char *workspace)
{
  g_autofree char *real = realpath (workspace, NULL);

  return g_filename_display_name (real != NULL ? real : workspace);
}

/**
 * declic_workspace_lock_acquire:
 * @workspace: a workspace folder, created (0700) when absent
 *
 * Returns: (transfer full) (nullable): the lock, held until declic_workspace_lock_release();
 *   %NULL with DECLIC_WORKSPACE_LOCK_ERROR_BUSY, naming the folder, when another program (or
 *   another lock of this one) holds it
 */
DeclicWorkspaceLock *
declic_workspace_lock_acquire (const char  *workspace,
                               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  DeclicWorkspaceLock *self;
  struct stat st;
  int dir_fd, fd;

  g_return_val_if_fail (workspace != NULL, NULL);

  display = dup_display_folder (workspace);
  dir_fd = declic_workspace_files_open_dir (workspace, META_DIR, TRUE, &local_error);
  if (dir_fd < 0)
    {
      g_set_error (error, DECLIC_WORKSPACE_LOCK_ERROR, DECLIC_WORKSPACE_LOCK_ERROR_IO,
                   _("Could not lock the workspace %s: %s"), display, local_error->message);
      return NULL;
    }
  /* A link, a pipe or a device in its place is refused: O_NOFOLLOW, then what was opened is
   * checked. Never truncated: the holder's pid stays readable. */
  fd = openat (dir_fd, LOCK_NAME, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0600);
  close (dir_fd);
  if (fd < 0 || fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      int saved = fd < 0 ? errno : EINVAL;
      g_autofree char *path = g_build_filename (workspace, META_DIR, LOCK_NAME, NULL);

      if (fd >= 0)
        close (fd);
      g_set_error (error, DECLIC_WORKSPACE_LOCK_ERROR, DECLIC_WORKSPACE_LOCK_ERROR_IO,
                   saved == ELOOP || saved == EINVAL
                     ? _("Could not lock the workspace %s: %s is not a regular file (a symbolic link, a pipe or a device); remove it and start again")
                     : _("Could not lock the workspace %s: %s cannot be opened"),
                   display, path);
      return NULL;
    }
  while (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;

      if (saved == EINTR)
        continue;
      close (fd);
      if (saved == EWOULDBLOCK)
        g_set_error (error, DECLIC_WORKSPACE_LOCK_ERROR, DECLIC_WORKSPACE_LOCK_ERROR_BUSY,
                     _("The workspace %s is in use by another Déclic (a window of another session, or a command such as declic upload). Nothing was written: close the other one, or wait for it to finish, then try again."),
                     display);
      else
        g_set_error (error, DECLIC_WORKSPACE_LOCK_ERROR, DECLIC_WORKSPACE_LOCK_ERROR_IO,
                     _("Could not lock the workspace %s: %s"), display, g_strerror (saved));
      return NULL;
    }
  /* Who holds it, for a person looking: the pid, replacing what a previous holder wrote. */
  {
    char pid[32];
    int n = g_snprintf (pid, sizeof pid, "%ld\n", (long) getpid ());
    if (ftruncate (fd, 0) != 0 || pwrite (fd, pid, (size_t) n, 0) != n)
      g_debug ("Could not write the pid into the lock of %s", display);
    if (fchmod (fd, 0600) != 0)
      g_debug ("Could not make the lock of %s private", display);
  }

  self = g_new0 (DeclicWorkspaceLock, 1);
  self->folder = g_strdup (workspace);
  self->fd = fd;
  return self;
}

const char *
declic_workspace_lock_get_folder (DeclicWorkspaceLock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->folder;
}

void
declic_workspace_lock_release (DeclicWorkspaceLock *self)
{
  if (self == NULL)
    return;
  /* Closing the descriptor releases the flock. The file stays: removing it would let a third
   * program lock a new file while a second still waits on the old one. */
  close (self->fd);
  g_free (self->folder);
  g_free (self);
}
