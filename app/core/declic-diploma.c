/* declic-diploma.c: whether a diploma counts (see the header). */
#define G_LOG_DOMAIN "declic-diploma"

#include "config.h"

#include <math.h>

#include "declic-diploma.h"

static json_object *
get_member (json_object *obj,
            const char  *key,
            json_type    type)
{
  json_object *value = NULL;

  if (!json_object_object_get_ex (obj, key, &value) || !json_object_is_type (value, type))
    return NULL;
  return value;
}

static const char *
get_string (json_object *obj,
            const char  *key)
{
  json_object *value = get_member (obj, key, json_type_string);

  return value != NULL ? json_object_get_string (value) : NULL;
}

/**
 * declic_diploma_judge:
 * @diploma: one item of the draft's "education" array
 * @length: (out) (optional): the official length, when the verdict is %DECLIC_DIPLOMA_TOO_SHORT
 * @unit: (out) (optional): its unit
 *
 * Only what the draft says against the diploma is held against it: a length not given yet, or
 * a full-time answer not given yet, does not make a diploma fail.
 *
 * Returns: whether the diploma counts, else the first condition it fails
 */
DeclicDiplomaVerdict
declic_diploma_judge (json_object      *diploma,
                      double           *length,
                      DeclicLengthUnit *unit)
{
  json_object *full_time;
  json_object *length_node;
  const char *level;
  const char *unit_code;
  double value;
  DeclicLengthUnit length_unit;
  gboolean short_length;

  if (diploma == NULL || !json_object_is_type (diploma, json_type_object))
    return DECLIC_DIPLOMA_COUNTS;

  level = get_string (diploma, "level");
  if (g_strcmp0 (level, "none") == 0)
    return DECLIC_DIPLOMA_NO_LEVEL;

  full_time = get_member (diploma, "full_time", json_type_boolean);
  if (full_time != NULL && !json_object_get_boolean (full_time))
    return DECLIC_DIPLOMA_PART_TIME;

  length_node = get_member (diploma, "official_length", json_type_double);
  if (length_node == NULL)
    length_node = get_member (diploma, "official_length", json_type_int);
  if (length_node == NULL)
    return DECLIC_DIPLOMA_COUNTS;
  value = json_object_get_double (length_node);
  if (!isfinite (value))
    return DECLIC_DIPLOMA_COUNTS;

  /* No unit: years, the unit a diploma's length is usually given in. */
  unit_code = get_string (diploma, "official_length_unit");
  if (g_strcmp0 (unit_code, "months") == 0)
    {
      length_unit = DECLIC_LENGTH_MONTHS;
      short_length = value < DECLIC_DIPLOMA_MIN_MONTHS;
    }
  else if (g_strcmp0 (unit_code, "hours") == 0)
    {
      json_object *quebec = get_member (diploma, "quebec_diploma", json_type_boolean);
      gboolean quebec_dep = g_strcmp0 (level, "secondary_vocational_600") == 0 &&
                            quebec != NULL && json_object_get_boolean (quebec) &&
                            value >= DECLIC_DIPLOMA_MIN_QUEBEC_DEP_HOURS;

      length_unit = DECLIC_LENGTH_HOURS;
      short_length = value < DECLIC_DIPLOMA_MIN_HOURS && !quebec_dep;
    }
  else
    {
      length_unit = DECLIC_LENGTH_YEARS;
      short_length = value < DECLIC_DIPLOMA_MIN_YEARS;
    }

  if (!short_length)
    return DECLIC_DIPLOMA_COUNTS;
  if (length != NULL)
    *length = value;
  if (unit != NULL)
    *unit = length_unit;
  return DECLIC_DIPLOMA_TOO_SHORT;
}
