/* declic-draft-private.h: what the file format code needs of the model. */
#pragma once

#include <json-c/json.h>

#include "declic-draft.h"
#include "declic-draft-fields.h"

G_BEGIN_DECLS

DeclicDraft *declic_draft_new_for_root (json_object *root);

G_END_DECLS
