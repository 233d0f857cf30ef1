/* fuzz-rounds.c: libFuzzer harness for the invitation rounds reader (the list a person installs
 * with `declic rounds --install`, read again at each start). Any input must either load, with its
 * rounds newest first and each field in range, or be refused with an error of the rounds domain.
 */
#include "config.h"

#include "declic-rounds.h"
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
  g_autoptr(DeclicRounds) rounds = declic_rounds_new_from_data ((const char *) data, size, &error);
  GPtrArray *list;

  if (rounds == NULL)
    {
      g_assert (error != NULL && error->domain == DECLIC_ROUNDS_ERROR);
      return 0;
    }

  list = declic_rounds_get_rounds (rounds);
  g_assert (list != NULL);
  g_assert ((list->len == 0) == (declic_rounds_get_newest_date (rounds) == NULL));
  (void) declic_rounds_get_id (rounds);
  for (guint i = 0; i < list->len; i++)
    {
      const DeclicRound *round = g_ptr_array_index (list, i);

      g_assert (g_date_valid (&round->date));
      g_assert (round->stream >= 1 && round->stream <= 4);
      g_assert (round->min_score >= -1 && round->min_score <= 99999);
      g_assert (round->invited >= 0 && round->invited <= 99999);
      g_assert (round->filter != NULL);
      if (i > 0)
        g_assert (g_date_compare (&((const DeclicRound *) g_ptr_array_index (list, i - 1))->date, &round->date) >= 0);
    }
  return 0;
}
