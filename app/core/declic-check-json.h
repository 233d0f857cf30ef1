/* declic-check-json.h: a check as JSON, the form `declic check --json` and `declic plan --json`
 * print, so that scripts read both the same way (README, "declic check --json"). */
#pragma once

#include <json-c/json.h>

#include "declic-check.h"

G_BEGIN_DECLS

void         declic_check_add_to_json      (DeclicCheck *check,
                                            json_object *object);
json_object *declic_check_json_date        (const GDate *date);
json_object *declic_check_json_eligibility (DeclicEligibility *eligibility);
json_object *declic_check_json_points      (DeclicPoints *points);

G_END_DECLS
