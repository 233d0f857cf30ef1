/* declic-applies.h: which parts of a draft apply to the candidate's situation.
 *
 * One answer for the findings and for the pages: a field that does not apply is neither asked
 * for by the rules nor shown by the wizard. A field that holds a value always applies, so that
 * a value entered before the situation changed stays visible and can be corrected or cleared.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

struct json_object;

/* Married or de facto: union date and "spouse accompanies" are asked. */
gboolean declic_applies_in_union (struct json_object *root);
/* In a union and the spouse accompanies: the spouse's block (identity, education, languages). */
gboolean declic_applies_spouse   (struct json_object *root);
/* Whether the field at @path ("education[1].subdivision") applies; TRUE for fields no rule
 * restricts. */
gboolean declic_applies_field    (struct json_object *root,
                                  const char         *path);

G_END_DECLS
