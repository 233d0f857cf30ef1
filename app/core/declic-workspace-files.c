/* declic-workspace-files.c: the workspace's ".declic" entries, never through a link (see the
 * header). */
#define G_LOG_DOMAIN "declic-workspace-files"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "declic-i18n.h"
#include "declic-workspace-files.h"

/* @steps[0..n_steps-1] under @workspace: the step that is not a folder. */
static void
set_not_folder_error (GError     **error,
                      const char  *workspace,
                      char       **steps,
                      guint        n_steps)
{
  g_autoptr(GString) path = g_string_new (workspace);

  for (guint i = 0; i < n_steps; i++)
    if (*steps[i] != '\0')
      g_string_append_printf (path, G_DIR_SEPARATOR_S "%s", steps[i]);
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR,
               _("%s is not a folder (a symbolic link, a pipe, a device or a file): Déclic does not follow links in a workspace, and wrote nothing there"),
               path->str);
}

int
declic_workspace_files_open_dir (const char  *workspace,
                                 const char  *relative,
                                 gboolean     create,
                                 GError     **error)
{
  g_auto(GStrv) steps = NULL;
  int fd;

  g_return_val_if_fail (workspace != NULL, -1);
  g_return_val_if_fail (relative != NULL, -1);

  if (create && g_mkdir_with_parents (workspace, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create the workspace folder %s: %s"), workspace, g_strerror (saved));
      return -1;
    }
  /* The workspace folder itself is followed: the person chose it, link or not. */
  fd = open (workspace, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not open the workspace folder %s: %s"), workspace, g_strerror (saved));
      return -1;
    }

  steps = g_strsplit (relative, "/", -1);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      int next;

      if (*steps[i] == '\0')
        continue;
      /* Only the store's own names come here. */
      g_assert (!g_str_equal (steps[i], ".."));
      if (create && mkdirat (fd, steps[i], 0700) != 0 && errno != EEXIST)
        {
          int saved = errno;
          g_autofree char *path = g_build_filename (workspace, relative, NULL);
          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not create the folder %s: %s"), path, g_strerror (saved));
          return -1;
        }
      next = openat (fd, steps[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
      if (next < 0)
        {
          int saved = errno;
          close (fd);
          if (saved == ENOENT)
            {
              g_autofree char *path = g_build_filename (workspace, relative, NULL);
              g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                           _("Could not open the folder %s: %s"), path, g_strerror (saved));
            }
          else
            set_not_folder_error (error, workspace, steps, i + 1);
          return -1;
        }
      close (fd);
      fd = next;
    }
  return fd;
}

char *
declic_workspace_files_ensure_dir (const char  *workspace,
                                   const char  *relative,
                                   GError     **error)
{
  int fd = declic_workspace_files_open_dir (workspace, relative, TRUE, error);

  if (fd < 0)
    return NULL;
  close (fd);
  return g_build_filename (workspace, relative, NULL);
}

gboolean
declic_workspace_files_read (const char  *workspace,
                             const char  *relative,
                             gsize        max_size,
                             char       **data,
                             gsize       *length,
                             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (relative);
  g_autofree char *name = g_path_get_basename (relative);
  g_autofree char *path = g_build_filename (workspace, relative, NULL);
  g_autoptr(GString) text = NULL;
  struct stat st;
  int dir_fd, fd;

  g_return_val_if_fail (data != NULL && length != NULL, FALSE);

  dir_fd = declic_workspace_files_open_dir (workspace, g_str_equal (dir, ".") ? "" : dir, FALSE, error);
  if (dir_fd < 0)
    return FALSE;
  /* Not through a link; a pipe opens at once (O_NONBLOCK) and is refused below. */
  fd = openat (dir_fd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  close (dir_fd);
  if (fd < 0)
    {
      int saved = errno;
      if (saved == ELOOP)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                     _("%s is a symbolic link: Déclic does not follow links in a workspace"), path);
      else
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                     _("Could not read %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s is not a regular file (a folder, a pipe or a device): Déclic does not read it"), path);
      return FALSE;
    }
  if ((guint64) st.st_size > max_size)
    {
      close (fd);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("%s is too large to be Déclic’s: it is not read"), path);
      return FALSE;
    }

  text = g_string_sized_new ((gsize) st.st_size + 1);
  for (;;)
    {
      char buffer[16384];
      ssize_t n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not read %s: %s"), path, g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      g_string_append_len (text, buffer, n);
      /* A file growing while read is still bounded. */
      if (text->len > max_size)
        {
          close (fd);
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                       _("%s is too large to be Déclic’s: it is not read"), path);
          return FALSE;
        }
    }
  close (fd);
  *length = text->len;
  *data = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

gboolean
declic_workspace_files_write (const char  *workspace,
                              const char  *relative,
                              const char  *data,
                              gssize       length,
                              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (relative);
  g_autofree char *path = g_build_filename (workspace, relative, NULL);
  int fd;

  fd = declic_workspace_files_open_dir (workspace, g_str_equal (dir, ".") ? "" : dir, TRUE, error);
  if (fd < 0)
    return FALSE;
  close (fd);
  /* A new file renamed over the name: whatever was there (a link, a pipe) is replaced, and
   * what it pointed to is left alone. Created 0600, so no chmod by name afterwards. */
  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}
