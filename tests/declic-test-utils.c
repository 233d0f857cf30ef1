/* declic-test-utils.c: private temporary folders for the tests. */
#include "config.h"

#include <glib/gstdio.h>

#include "declic-test-utils.h"

char *
declic_test_make_workspace (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("declic-workspace-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
declic_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          declic_test_remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}
