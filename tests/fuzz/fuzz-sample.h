/* fuzz-sample.h: the complete sample draft of the test fixtures, for harnesses that fuzz the data
 * a check runs with (rules, language tables) rather than the draft. */
#pragma once

#include "declic-draft.h"

static inline DeclicDraft *
fuzz_sample_load_draft (void)
{
  GError *error = NULL;
  g_autofree char *path = g_build_filename (FUZZ_SOURCE_ROOT, "tests", "fixtures",
                                            "sample-complete.json", NULL);
  DeclicDraft *draft = declic_draft_new_from_file (path, &error);

  g_assert_no_error (error);
  return draft;
}
