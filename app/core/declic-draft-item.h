/* declic-draft-item.h: one item of a draft's array, as a list model holds it. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DECLIC_TYPE_DRAFT_ITEM (declic_draft_item_get_type ())
G_DECLARE_FINAL_TYPE (DeclicDraftItem, declic_draft_item, DECLIC, DRAFT_ITEM, GObject)

DeclicDraftItem *declic_draft_item_new            (const char      *array_path,
                                                   guint            index,
                                                   gboolean         pending);
const char      *declic_draft_item_get_array_path (DeclicDraftItem *self);
guint            declic_draft_item_get_index      (DeclicDraftItem *self);
const char      *declic_draft_item_get_path       (DeclicDraftItem *self);
gboolean         declic_draft_item_get_pending    (DeclicDraftItem *self);

/* For DeclicDraftItems only: the item follows its place in the array. */
void             declic_draft_item_set_index      (DeclicDraftItem *self,
                                                   guint            index);
void             declic_draft_item_set_pending    (DeclicDraftItem *self,
                                                   gboolean         pending);

G_END_DECLS
