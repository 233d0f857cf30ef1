/* declic-points.h: an *estimate* of the PSTQ ranking score, with its breakdown.
 *
 * The grid is the rule set's "grid" and "grid.*" groups (DI.md §5). Its figures are [derived]:
 * four public calculators agree, MIFI's own PDF could not be read. So the result is always an
 * estimate: it carries the grid's id, version and status, and nothing here calls it official.
 *
 * The breakdown has one item per sub-factor (French listening, age, Québec diploma, ...), each
 * with its points, the most it can give, and the input it used, under the grid's three factors:
 * human capital, Québec's needs and adaptation. An applicant with an accompanying spouse is
 * scored on the "with spouse" columns and gets the spouse's adaptation items.
 */
#pragma once

#include <glib.h>

#include "declic-profile.h"
#include "declic-rules.h"

G_BEGIN_DECLS

#define DECLIC_POINTS_ERROR (declic_points_error_quark ())

typedef enum
{
  DECLIC_POINTS_ERROR_NO_GRID,
} DeclicPointsError;

typedef enum
{
  DECLIC_POINTS_FACTOR_HUMAN_CAPITAL,
  DECLIC_POINTS_FACTOR_QUEBEC_NEEDS,
  DECLIC_POINTS_FACTOR_ADAPTATION,
  DECLIC_POINTS_N_FACTORS
} DeclicPointsFactor;

typedef struct
{
  char               *id;       /* "french.listening", "age", "spouse.education", ... */
  char               *label;    /* translated */
  DeclicPointsFactor  factor;
  int                 points;
  int                 max;
  char               *input;    /* translated: what it was worked out from */
  char               *path;     /* the draft field it came from, "" when several */
} DeclicPointsItem;

typedef struct
{
  char              *rule_set_id;
  char              *grid_id;        /* "pstq-grid" */
  char              *grid_version;   /* "2025-07-02" */
  DeclicRuleStatus   status;         /* the grid's: derived */
  gboolean           estimate;       /* always TRUE */
  gboolean           with_spouse;
  int                total;
  int                max_total;
  int                factor_points[DECLIC_POINTS_N_FACTORS];
  int                factor_max[DECLIC_POINTS_N_FACTORS];
  GPtrArray         *items;          /* DeclicPointsItem */
  GPtrArray         *notes;          /* char *, translated */
} DeclicPoints;

GQuark        declic_points_error_quark     (void);

DeclicPoints *declic_points_compute         (DeclicProfile      *profile,
                                             DeclicRuleSet      *rule_set,
                                             GError            **error);
void          declic_points_free            (DeclicPoints       *points);
DeclicPointsItem *declic_points_get_item    (DeclicPoints       *points,
                                             const char         *id);

const char   *declic_points_factor_get_id   (DeclicPointsFactor  factor);  /* "human_capital", ... */
const char   *declic_points_factor_get_label (DeclicPointsFactor factor);  /* translated */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeclicPoints, declic_points_free)

G_END_DECLS
