/* fuzz-index.c: libFuzzer harness for the workspace index (.declic/index.json), the cache of
 * the list's summaries that the store trusts when a draft's size and time match. The workspace
 * holds the complete sample draft and a broken draft, both with a fixed modification time, so
 * the fuzzer can reach the cached path by mutating the seeds. Any index must give a list of both
 * drafts (the index only saves work, it never adds or removes a draft), and a summary of every
 * entry whatever its content.
 *
 * FUZZ_INDEX_SEED=PATH writes the index the store itself writes there (how the seed was made).
 */
#include "config.h"

#include <json-c/json.h>
#include <utime.h>

#include "declic-draft-summary.h"
#include "declic-store.h"
#include "declic-utils.h"
#include "fuzz-common.h"

#define FIXED_MTIME 1764000000

static char *workspace;
static char *index_path;

static void
add_file (const char *name,
          const char *contents,
          gsize       length)
{
  g_autofree char *path = g_build_filename (workspace, name, NULL);
  struct utimbuf times = { FIXED_MTIME, FIXED_MTIME };

  fuzz_common_write (path, (const guint8 *) contents, length);
  g_assert (utime (path, &times) == 0);
}

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
  g_autoptr(GError) error = NULL;
  g_autofree char *sample_path = g_build_filename (FUZZ_SOURCE_ROOT, "tests", "fixtures",
                                                   "sample-complete.json", NULL);
  g_autofree char *sample = NULL;
  g_autofree char *meta = NULL;
  gsize length;
  const char *seed = g_getenv ("FUZZ_INDEX_SEED");

  fuzz_common_init ();
  workspace = fuzz_common_make_folder ();
  atexit (remove_workspace);
  g_assert (g_file_get_contents (sample_path, &sample, &length, &error));
  add_file ("sample.json", sample, length);
  add_file ("broken.json", "{\"schema_version\": \"1.0\",", 26);
  meta = g_build_filename (workspace, ".declic", NULL);
  g_assert (g_mkdir (meta, 0700) == 0);
  index_path = g_build_filename (meta, "index.json", NULL);

  if (seed != NULL)
    {
      g_autoptr(DeclicStore) store = declic_store_new (workspace);
      g_autofree char *written = NULL;

      g_assert (declic_store_load (store, NULL, &error));
      g_clear_object (&store);  /* writes the index */
      g_assert (g_file_get_contents (index_path, &written, &length, &error));
      g_assert (g_file_set_contents (seed, written, length, &error));
      exit (0);
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicStore) store = NULL;
  g_autoptr(json_object) root = NULL;
  g_autofree char *text = g_strndup ((const char *) data, size);
  json_object *entries;

  fuzz_common_write (index_path, data, size);
  store = declic_store_new (workspace);
  g_assert (declic_store_load (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DeclicDraftSummary) summary = g_list_model_get_item (G_LIST_MODEL (store), i);
      (void) declic_draft_summary_get_id (summary);
      (void) declic_draft_summary_get_given_names (summary);
      (void) declic_draft_summary_get_family_names (summary);
      (void) declic_draft_summary_get_name_key (summary);
    }
  g_clear_object (&store);

  /* Every entry, whether or not its file exists or its time matches. */
  root = json_tokener_parse (text);
  if (root != NULL && json_object_object_get_ex (root, "entries", &entries) &&
      json_object_is_type (entries, json_type_object))
    {
      json_object_object_foreach (entries, name, entry)
        {
          g_autofree char *path = g_build_filename (workspace, "x.json", NULL);
          DeclicDraftSummary *summary = declic_draft_summary_new_from_json (path, entry);

          (void) name;
          g_clear_object (&summary);
        }
    }
  return 0;
}
