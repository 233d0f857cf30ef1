/* fuzz-spouse-links.c: libFuzzer harness for a workspace's spouse links (.declic/links.json).
 * Any file must either load (and then save and load again with the same links) or be refused
 * with an error of the spouse-links domain.
 */
#include "config.h"

#include "declic-spouse-links.h"
#include "fuzz-common.h"

static char *workspace;
static char *links_path;

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
  links_path = g_build_filename (workspace, DECLIC_SPOUSE_LINKS_FILE, NULL);
  folder = g_path_get_dirname (links_path);
  g_assert (g_mkdir_with_parents (folder, 0700) == 0);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicSpouseLinks) links = NULL;
  g_autoptr(DeclicSpouseLinks) again = NULL;

  fuzz_common_write (links_path, data, size);
  links = declic_spouse_links_load (workspace, &error);
  if (links == NULL)
    {
      g_assert (error != NULL && error->domain == DECLIC_SPOUSE_LINKS_ERROR);
      return 0;
    }

  g_assert (declic_spouse_links_save (links, &error));
  again = declic_spouse_links_load (workspace, &error);
  g_assert_no_error (error);
  g_assert (again != NULL);
  g_assert_cmpuint (declic_spouse_links_get_n_links (links), ==, declic_spouse_links_get_n_links (again));
  return 0;
}
