/* declic-labour-market.h: the Québec labour-market diagnosis of each NOC 2021 unit group.
 *
 * Used by the PSTQ ranking grid's "labour-market diagnosis of the main occupation" factor
 * (DI.md §5). A diagnosis list is two files: a CSV (columns `code`, `diagnosis` and optionally
 * `diagnosis_fr`) and a JSON description of it (`id`, `file`, `sha256`, `period_start`,
 * `period_end`, `status`, `source`, `credit`). The 2024–2028 list is built in
 * (resources/data/labour-market-diagnosis-2024-2028.*, status "secondary"). A draft's score
 * records which list (id and period) it used.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DECLIC_LABOUR_MARKET_ERROR (declic_labour_market_error_quark ())

typedef enum
{
  DECLIC_LABOUR_MARKET_ERROR_NOT_FOUND,
  DECLIC_LABOUR_MARKET_ERROR_MALFORMED,
  DECLIC_LABOUR_MARKET_ERROR_INVALID_ENTRY,
} DeclicLabourMarketError;

/* The id of the built-in list (declic_labour_market_get_default ()). */
#define DECLIC_LABOUR_MARKET_DEFAULT_ID "lmd-2024-2028"

typedef enum
{
  DECLIC_DIAGNOSIS_UNKNOWN,         /* the code is not in the list */
  DECLIC_DIAGNOSIS_DEFICIT,
  DECLIC_DIAGNOSIS_SLIGHT_DEFICIT,
  DECLIC_DIAGNOSIS_BALANCED,
  DECLIC_DIAGNOSIS_SLIGHT_SURPLUS,
  DECLIC_DIAGNOSIS_NOT_PUBLISHED,
} DeclicDiagnosis;

#define DECLIC_TYPE_LABOUR_MARKET (declic_labour_market_get_type ())
G_DECLARE_FINAL_TYPE (DeclicLabourMarket, declic_labour_market, DECLIC, LABOUR_MARKET, GObject)

GQuark              declic_labour_market_error_quark  (void);

const char         *declic_diagnosis_to_string        (DeclicDiagnosis      diagnosis);
gboolean            declic_diagnosis_from_string      (const char          *text,
                                                       DeclicDiagnosis     *diagnosis);

DeclicLabourMarket *declic_labour_market_new_from_data (const char         *description,
                                                        gsize               description_length,
                                                        const char         *csv,
                                                        gsize               csv_length,
                                                        GError            **error);
DeclicLabourMarket *declic_labour_market_new_builtin  (const char          *id,
                                                       GError             **error);
DeclicLabourMarket *declic_labour_market_get_default  (void);

const char         *declic_labour_market_get_id       (DeclicLabourMarket  *self);
int                 declic_labour_market_get_period_start (DeclicLabourMarket *self);
int                 declic_labour_market_get_period_end   (DeclicLabourMarket *self);
const char         *declic_labour_market_get_status   (DeclicLabourMarket  *self);
const char         *declic_labour_market_get_source   (DeclicLabourMarket  *self);
const char         *declic_labour_market_get_credit   (DeclicLabourMarket  *self);
guint               declic_labour_market_get_n_entries (DeclicLabourMarket *self);
DeclicDiagnosis     declic_labour_market_lookup       (DeclicLabourMarket  *self,
                                                       const char          *code);

G_END_DECLS
