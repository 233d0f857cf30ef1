/* declic-draft-schema.h: the JSON Schema of the draft file format, generated from the field table. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *declic_draft_schema_generate (void);

G_END_DECLS
