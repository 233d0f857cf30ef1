/* declic-workspace-files.h: the workspace's own files under ".declic/" (the index, the entry
 * ticks, the upload records, the trash, the lock), reached without following links.
 *
 * A workspace may come from an archive or a shared folder: anyone who could put a symbolic link,
 * a pipe or a device in place of ".declic" or of one of its entries could make Déclic write
 * outside the workspace, block forever on a read, or read a device without end. Every step under
 * the workspace folder is opened with O_NOFOLLOW and checked (a folder, a regular file); writes
 * rename a new file over the name, so that a link or a pipe there is replaced, never followed.
 * The workspace folder itself may be a link: the person chose it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A descriptor of the folder @relative ("" or ".declic/sync", '/'-separated) under
 * @workspace, created 0700 step by step when @create; -1 with a #G_FILE_ERROR when a step is
 * missing (G_FILE_ERROR_NOENT, without @create) or is not a folder (a link, a pipe…). */
int       declic_workspace_files_open_dir (const char  *workspace,
                                           const char  *relative,
                                           gboolean     create,
                                           GError     **error);
/* The same, for those who only need the folder to be there: its path. */
char     *declic_workspace_files_ensure_dir (const char  *workspace,
                                             const char  *relative,
                                             GError     **error);
/* Reads the regular file @relative of @workspace, at most @max_size bytes. G_FILE_ERROR_NOENT
 * when it (or a folder on the way) does not exist; another #G_FILE_ERROR, naming the file, when
 * it is a link, a pipe, a device, a folder or larger than @max_size. */
gboolean  declic_workspace_files_read     (const char  *workspace,
                                           const char  *relative,
                                           gsize        max_size,
                                           char       **data,
                                           gsize       *length,
                                           GError     **error);
/* Writes @relative atomically, 0600, its folders created 0700 without following links. */
gboolean  declic_workspace_files_write    (const char  *workspace,
                                           const char  *relative,
                                           const char  *data,
                                           gssize       length,
                                           GError     **error);

G_END_DECLS
