/* fuzz-draft.c: libFuzzer harness for the draft loader. Any input must either load (and then
 * survive a save to memory and a reload with the same tree) or be refused with an error of the
 * draft domain. Build and run: tests/fuzz/README.md.
 */
#include "config.h"

#include <json-c/json.h>

#include "declic-draft.h"
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
  g_autoptr(DeclicDraft) draft = declic_draft_new_from_data ((const char *) data, size, &error);
  g_autoptr(DeclicDraft) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *name = NULL;
  gsize length;

  if (draft == NULL)
    {
      g_assert (error != NULL && error->domain == DECLIC_DRAFT_ERROR);
      return 0;
    }

  /* NULL for a draft with no name and no label; it must not crash either way. */
  name = declic_draft_dup_display_name (draft);
  saved = declic_draft_to_data (draft, &length);
  again = declic_draft_new_from_data (saved, length, &error);
  g_assert_no_error (error);
  g_assert (json_object_equal (declic_draft_get_root (draft), declic_draft_get_root (again)));
  return 0;
}
