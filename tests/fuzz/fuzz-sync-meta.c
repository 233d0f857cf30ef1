/* fuzz-sync-meta.c: libFuzzer harness for a draft's upload record (.declic/sync/ID.json), which
 * says where the draft went and with which ETag. Any record must either load (and then save and
 * load again with the same values) or be refused with an error of the sync-meta domain.
 */
#include "config.h"

#include "declic-sync-meta.h"
#include "fuzz-common.h"

static char *workspace;
static char *record_path;

static void
remove_workspace (void)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", workspace);

  /* The folder is ours (g_dir_make_tmp) and its name has no quote. */
  if (system (command) != 0)
    g_printerr ("could not remove %s\n", workspace);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *folder = NULL;

  fuzz_common_init ();
  workspace = fuzz_common_make_folder ();
  atexit (remove_workspace);
  record_path = declic_sync_meta_get_path (workspace, "draft-1");
  folder = g_path_get_dirname (record_path);
  g_assert (g_mkdir_with_parents (folder, 0700) == 0);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autoptr(DeclicSyncMeta) again = NULL;
  g_autofree char *url = NULL;
  g_autofree char *url_again = NULL;

  fuzz_common_write (record_path, data, size);
  meta = declic_sync_meta_load (workspace, "draft-1", &error);
  if (meta == NULL)
    {
      g_assert (error != NULL && error->domain == DECLIC_SYNC_META_ERROR);
      return 0;
    }

  url = declic_sync_meta_dup_url (meta);
  g_assert (url != NULL);
  (void) declic_sync_meta_get_etag (meta);
  g_assert (declic_sync_meta_get_uploaded (meta) != NULL);

  g_assert (declic_sync_meta_save (meta, workspace, "draft-2", &error));
  again = declic_sync_meta_load (workspace, "draft-2", &error);
  g_assert_no_error (error);
  g_assert (again != NULL);
  url_again = declic_sync_meta_dup_url (again);
  g_assert_cmpstr (url, ==, url_again);
  g_assert_cmpstr (declic_sync_meta_get_etag (meta), ==, declic_sync_meta_get_etag (again));
  return 0;
}
