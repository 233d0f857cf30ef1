/* fuzz-check.c: libFuzzer harness for load-then-full-check. Whatever the loader accepts, the
 * whole check (profile, eligibility, points, deadlines, findings) must run on it without a crash,
 * a sanitizer report or a GLib-CRITICAL, with the rules, NOC list and tables the app ships.
 */
#include "config.h"

#include <json-c/json.h>

#include "declic-check.h"
#include "declic-check-json.h"
#include "declic-clock.h"
#include "declic-draft.h"
#include "declic-draft-summary.h"
#include "declic-validate.h"
#include "declic-utils.h"
#include "fuzz-common.h"

static DeclicValidateContext *context;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_common_init ();
  context = declic_validate_context_new_default ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = declic_draft_new_from_data ((const char *) data, size, &error);
  g_autoptr(DeclicCheck) check = NULL;
  GDate today;

  if (draft == NULL)
    return 0;

  declic_clock_get_today (&today);
  check = declic_check_run (draft, &today, NULL, context);
  g_assert (check != NULL);
  (void) declic_check_get_next_deadline (check);

  /* What declic check --format json and the workspace list make of the result. */
  {
    g_autoptr(json_object) object = json_object_new_object ();
    g_autoptr(DeclicDraftSummary) summary = declic_draft_summary_new_for_check ("/nowhere/x.json",
                                                                               draft, check, 0, 0);
    g_autoptr(json_object) cached = NULL;

    declic_check_add_to_json (check, object);
    g_assert (json_object_to_json_string (object) != NULL);
    cached = declic_draft_summary_to_json (summary);
    g_clear_object (&summary);
    summary = declic_draft_summary_new_from_json ("/nowhere/x.json", cached);
  }
  return 0;
}
