/* fuzz-diagnosis.c: libFuzzer harness for the labour-market diagnosis list (its CSV and its JSON
 * description). The first byte chooses what is fuzzed: even, the rest is the CSV, and the shipped
 * description is given the CSV's SHA-256 (or the fuzzer would never get past the checksum); odd,
 * the rest is the description, with the shipped CSV. Any input must load and answer lookups, or
 * be refused with an error of the labour-market domain.
 */
#include "config.h"

#include <gio/gio.h>
#include <json-c/json.h>

#include "declic-labour-market.h"
#include "declic-utils.h"
#include "fuzz-common.h"

#define DATA_DIR "/ca/declic/Declic/core/data/"

static GBytes *shipped_description;
static GBytes *shipped_csv;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  GError *error = NULL;

  fuzz_common_init ();
  shipped_description = g_resources_lookup_data (DATA_DIR "labour-market-diagnosis-2024-2028.json",
                                                 G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  shipped_csv = g_resources_lookup_data (DATA_DIR "labour-market-diagnosis-2024-2028.csv",
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  return 0;
}

/* The shipped description, with "sha256" set to that of @csv. */
static char *
description_for (const guint8 *csv,
                 size_t        size)
{
  g_autoptr(json_object) root = json_tokener_parse (g_bytes_get_data (shipped_description, NULL));
  g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, csv, size);

  json_object_object_add (root, "sha256", json_object_new_string (sha256));
  return g_strdup (json_object_to_json_string (root));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicLabourMarket) list = NULL;
  static const char * const codes[] = { "00010", "21231", "", "1", "999999", "0001", NULL };

  if (size == 0)
    return 0;

  if ((data[0] & 1) == 0)
    {
      g_autofree char *description = description_for (data + 1, size - 1);

      list = declic_labour_market_new_from_data (description, strlen (description),
                                                 (const char *) data + 1, size - 1, &error);
    }
  else
    {
      gsize csv_length;
      const char *csv = g_bytes_get_data (shipped_csv, &csv_length);

      list = declic_labour_market_new_from_data ((const char *) data + 1, size - 1,
                                                 csv, csv_length, &error);
    }

  if (list == NULL)
    {
      g_assert (error != NULL && error->domain == DECLIC_LABOUR_MARKET_ERROR);
      return 0;
    }

  (void) declic_labour_market_get_id (list);
  (void) declic_labour_market_get_period_start (list);
  (void) declic_labour_market_get_period_end (list);
  (void) declic_labour_market_get_n_entries (list);
  for (guint i = 0; codes[i] != NULL; i++)
    (void) declic_diagnosis_to_string (declic_labour_market_lookup (list, codes[i]));
  return 0;
}
