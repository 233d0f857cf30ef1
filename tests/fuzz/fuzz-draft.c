/* fuzz-draft.c: libFuzzer harness for the draft loader. Any input must either load (and then
 * survive a save to memory and a reload with the same tree) or be refused with an error.
 *
 * The core must be instrumented too, or the fuzzer sees only this file:
 *   CC=clang meson setup build-fuzz -Dfuzzing=true -Db_lundef=false \
 *     -Dc_args=-fsanitize=fuzzer-no-link,address,undefined -Dc_link_args=-fsanitize=address,undefined
 *   ninja -C build-fuzz tests/fuzz/fuzz-draft
 *   build-fuzz/tests/fuzz/fuzz-draft CORPUS_DIR tests/fixtures/bad -max_total_time=300
 */
#include "config.h"

#include <json-c/json.h>

#include "declic-draft.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = declic_draft_new_from_data ((const char *) data, size, &error);
  g_autoptr(DeclicDraft) again = NULL;
  g_autofree char *saved = NULL;
  gsize length;

  if (draft == NULL)
    {
      g_assert (error != NULL && error->domain == DECLIC_DRAFT_ERROR);
      return 0;
    }

  saved = declic_draft_to_data (draft, &length);
  again = declic_draft_new_from_data (saved, length, &error);
  g_assert_no_error (error);
  g_assert (json_object_equal (declic_draft_get_root (draft), declic_draft_get_root (again)));
  return 0;
}
