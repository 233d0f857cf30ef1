/* fuzz-noc.c: libFuzzer harness for the NOC CSV reader (the list a user can point
 * DECLIC_NOC_FILE at). Any input must either load and answer lookups and searches, or be refused
 * with an error of the NOC domain. Defect 4 of issue 11 (a read past the buffer after a final
 * comma) is the kind of bug this looks for.
 */
#include "config.h"

#include "declic-noc.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_common_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicNoc) noc = declic_noc_new_from_data ((const char *) data, (gssize) size, &error);
  g_autoptr(GPtrArray) found = NULL;
  guint n;

  if (noc == NULL)
    {
      g_assert (error != NULL && error->domain == DECLIC_NOC_ERROR);
      return 0;
    }

  n = declic_noc_get_n_entries (noc);
  for (guint i = 0; i < n; i++)
    {
      const DeclicNocEntry *entry = declic_noc_get_entry (noc, i);
      const char *code = declic_noc_entry_get_code (entry);

      g_assert (code != NULL);
      g_assert (declic_noc_lookup (noc, code) != NULL);
      (void) declic_noc_entry_get_localized_title (entry);
      (void) declic_noc_entry_get_teer (entry);
      (void) declic_noc_entry_get_broad_category (entry);
      (void) declic_noc_entry_get_major_group (entry);
    }
  found = declic_noc_search (noc, "a", 10);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = declic_noc_search (noc, "00010", 10);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = declic_noc_search (noc, "é", 10);
  return 0;
}
