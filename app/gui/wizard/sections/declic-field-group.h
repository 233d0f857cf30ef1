/* declic-field-group.h: a group of a section page's fields, named by their draft paths. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DECLIC_TYPE_FIELD_GROUP (declic_field_group_get_type ())
G_DECLARE_FINAL_TYPE (DeclicFieldGroup, declic_field_group, DECLIC, FIELD_GROUP, AdwPreferencesGroup)

GListModel *declic_field_group_get_paths (DeclicFieldGroup *self);

G_END_DECLS
