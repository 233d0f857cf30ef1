/* declic-diploma.h: whether a diploma counts (DI.md §3.2 [official]).
 *
 * A diploma counts only if it is at least equivalent to a Québec secondary diploma and sanctions
 * at least one year of full-time study. One rule, read by the checks (which say which condition
 * fails) and by the points estimate (which gives such a diploma nothing).
 */
#pragma once

#include <json-c/json.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DECLIC_DIPLOMA_COUNTS,          /* or not known yet: nothing says it does not */
  DECLIC_DIPLOMA_NO_LEVEL,        /* its Québec-equivalent level is "No diploma" */
  DECLIC_DIPLOMA_PART_TIME,       /* the studies were not full-time */
  DECLIC_DIPLOMA_TOO_SHORT,       /* its official length is under one year */
} DeclicDiplomaVerdict;

typedef enum
{
  DECLIC_LENGTH_YEARS,
  DECLIC_LENGTH_MONTHS,
  DECLIC_LENGTH_HOURS,
} DeclicLengthUnit;

/* One year of full-time study in each unit (900 hours, as Québec counts vocational training). */
#define DECLIC_DIPLOMA_MIN_YEARS   1.0
#define DECLIC_DIPLOMA_MIN_MONTHS 12.0
#define DECLIC_DIPLOMA_MIN_HOURS 900.0
/* A Québec vocational diploma (DEP) of 600 to 899 hours has its own level in the grid. */
#define DECLIC_DIPLOMA_MIN_QUEBEC_DEP_HOURS 600.0

DeclicDiplomaVerdict declic_diploma_judge (json_object      *diploma,
                                           double           *length,
                                           DeclicLengthUnit *unit);

G_END_DECLS
