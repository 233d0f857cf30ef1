/* declic-draft-items.h: the items of one array of a draft, as a GListModel. */
#pragma once

#include <gio/gio.h>

#include "declic-draft.h"
#include "declic-draft-item.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_DRAFT_ITEMS (declic_draft_items_get_type ())
G_DECLARE_FINAL_TYPE (DeclicDraftItems, declic_draft_items, DECLIC, DRAFT_ITEMS, GObject)

DeclicDraftItems *declic_draft_items_new          (DeclicDraft      *draft,
                                                   const char       *array_path);
const char       *declic_draft_items_get_array_path (DeclicDraftItems *self);
guint             declic_draft_items_add_pending  (DeclicDraftItems *self);
gboolean          declic_draft_items_get_pending  (DeclicDraftItems *self,
                                                   guint            *position);
void              declic_draft_items_drop_pending (DeclicDraftItems *self);
void              declic_draft_items_keep_pending (DeclicDraftItems *self,
                                                   guint             position);

G_END_DECLS
