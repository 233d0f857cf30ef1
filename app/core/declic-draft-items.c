/* declic-draft-items.c: the items of one array of a draft ("work_history"), as a GListModel.
 *
 * The model follows the draft's "items-changed" and "item-moved" signals and says exactly
 * which positions changed, so that a view touches the rows of one item, not the whole list.
 * Its objects (DeclicDraftItem) follow their item: one that moves keeps its object, and a
 * view keeps its widgets.
 *
 * It may hold one pending item, last: one the user added but the draft does not hold yet,
 * since an empty item ("" among countries, {} among diplomas) is never written. The draft
 * takes it with its first value (an item appearing at its place), and the model says nothing
 * then: the item was already shown.
 */
#include "config.h"

#include <string.h>

#include "declic-draft-items.h"

struct _DeclicDraftItems
{
  GObject       parent_instance;

  DeclicDraft  *draft;          /* weak: the model lives no longer than its view of the draft */
  char         *array_path;
  GPtrArray    *items;          /* DeclicDraftItem, in order; the pending one last */
  gboolean      pending;
  int           keep;           /* the position whose removal keeps it as the pending item, or -1 */
  gulong        handlers[3];
};

static void declic_draft_items_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeclicDraftItems, declic_draft_items, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, declic_draft_items_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return DECLIC_TYPE_DRAFT_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return DECLIC_DRAFT_ITEMS (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  DeclicDraftItems *self = DECLIC_DRAFT_ITEMS (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
declic_draft_items_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
renumber (DeclicDraftItems *self,
          guint             from)
{
  for (guint i = from; i < self->items->len; i++)
    declic_draft_item_set_index (g_ptr_array_index (self->items, i), i);
}

/* Everything again: the draft changed in a way the signals did not tell (a batch, a reload). */
static void
reset (DeclicDraftItems *self)
{
  guint removed = self->items->len;
  guint n = declic_draft_get_n_items (self->draft, self->array_path);

  g_ptr_array_set_size (self->items, 0);
  self->pending = FALSE;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->items, declic_draft_item_new (self->array_path, i, FALSE));
  if (removed > 0 || n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, n);
}

static void
on_items_changed (DeclicDraft      *draft,
                  const char       *array_path,
                  guint             position,
                  guint             removed,
                  guint             added,
                  DeclicDraftItems *self)
{
  guint n_stored = self->items->len - (self->pending ? 1 : 0);

  if (!g_str_equal (array_path, self->array_path))
    return;
  if (position > n_stored || position + removed > n_stored)
    {
      reset (self);
      return;
    }

  /* An item emptied of its last value leaves the draft but stays on screen, where the user
   * is, as the pending item: last, since the draft takes a pending item at its end. */
  if (self->keep >= 0 && (guint) self->keep == position && removed == 1 && added == 0)
    {
      DeclicDraftItem *item = g_ptr_array_steal_index (self->items, position);
      guint last;

      self->keep = -1;
      if (self->pending)
        {
          /* Only one pending item: the older one goes. */
          g_ptr_array_remove_index (self->items, self->items->len - 1);
          self->pending = FALSE;
          g_list_model_items_changed (G_LIST_MODEL (self), self->items->len + 1, 1, 0);
        }
      g_ptr_array_add (self->items, item);
      self->pending = TRUE;
      declic_draft_item_set_pending (item, TRUE);
      last = self->items->len - 1;
      renumber (self, position);
      if (position < last)
        g_list_model_items_changed (G_LIST_MODEL (self), position, last - position + 1, last - position + 1);
      return;
    }
  self->keep = -1;

  /* The pending item taking its place in the draft: already shown. */
  if (self->pending && removed == 0 && added == 1 && position == n_stored)
    {
      self->pending = FALSE;
      declic_draft_item_set_pending (g_ptr_array_index (self->items, position), FALSE);
      return;
    }

  g_ptr_array_remove_range (self->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->items, position + i, declic_draft_item_new (self->array_path, position + i, FALSE));
  renumber (self, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
on_item_moved (DeclicDraft      *draft,
               const char       *array_path,
               guint             from,
               guint             to,
               DeclicDraftItems *self)
{
  guint first = MIN (from, to), span = MAX (from, to) - first + 1;
  gpointer item;

  if (!g_str_equal (array_path, self->array_path))
    return;
  if (MAX (from, to) >= self->items->len - (self->pending ? 1 : 0))
    {
      reset (self);
      return;
    }
  /* The same objects, in their new order: a view keeps the widgets of each. */
  item = g_ptr_array_steal_index (self->items, from);
  g_ptr_array_insert (self->items, to, item);
  renumber (self, first);
  g_list_model_items_changed (G_LIST_MODEL (self), first, span, span);
}

static void
on_changed (DeclicDraft      *draft,
            const char       *path,
            DeclicDraftItems *self)
{
  /* A batch of changes: the signals above came along, but check the count anyway. */
  if (path == NULL
      && self->items->len - (self->pending ? 1 : 0) != declic_draft_get_n_items (draft, self->array_path))
    reset (self);
}

static void
on_draft_gone (gpointer  user_data,
               GObject  *where_the_object_was)
{
  DeclicDraftItems *self = user_data;

  self->draft = NULL;
  memset (self->handlers, 0, sizeof self->handlers);
}

static void
declic_draft_items_dispose (GObject *object)
{
  DeclicDraftItems *self = DECLIC_DRAFT_ITEMS (object);

  if (self->draft != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (self->handlers); i++)
        g_clear_signal_handler (&self->handlers[i], self->draft);
      g_object_weak_unref (G_OBJECT (self->draft), on_draft_gone, self);
      self->draft = NULL;
    }

  G_OBJECT_CLASS (declic_draft_items_parent_class)->dispose (object);
}

static void
declic_draft_items_finalize (GObject *object)
{
  DeclicDraftItems *self = DECLIC_DRAFT_ITEMS (object);

  g_ptr_array_unref (self->items);
  g_free (self->array_path);

  G_OBJECT_CLASS (declic_draft_items_parent_class)->finalize (object);
}

static void
declic_draft_items_class_init (DeclicDraftItemsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = declic_draft_items_dispose;
  object_class->finalize = declic_draft_items_finalize;
}

static void
declic_draft_items_init (DeclicDraftItems *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->keep = -1;
}

DeclicDraftItems *
declic_draft_items_new (DeclicDraft *draft,
                        const char  *array_path)
{
  DeclicDraftItems *self;
  guint n;

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (array_path != NULL, NULL);

  self = g_object_new (DECLIC_TYPE_DRAFT_ITEMS, NULL);
  self->draft = draft;
  g_object_weak_ref (G_OBJECT (draft), on_draft_gone, self);
  self->array_path = g_strdup (array_path);
  n = declic_draft_get_n_items (draft, array_path);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->items, declic_draft_item_new (array_path, i, FALSE));
  self->handlers[0] = g_signal_connect (draft, "items-changed", G_CALLBACK (on_items_changed), self);
  self->handlers[1] = g_signal_connect (draft, "item-moved", G_CALLBACK (on_item_moved), self);
  self->handlers[2] = g_signal_connect (draft, "changed", G_CALLBACK (on_changed), self);
  return self;
}

const char *
declic_draft_items_get_array_path (DeclicDraftItems *self)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT_ITEMS (self), NULL);

  return self->array_path;
}

/**
 * declic_draft_items_add_pending:
 *
 * Shows an item the draft does not hold yet, last; a second call while it is still empty
 * keeps the same one.
 *
 * Returns: its position
 */
guint
declic_draft_items_add_pending (DeclicDraftItems *self)
{
  guint position;

  g_return_val_if_fail (DECLIC_IS_DRAFT_ITEMS (self), 0);

  if (self->pending)
    return self->items->len - 1;
  position = self->items->len;
  g_ptr_array_add (self->items, declic_draft_item_new (self->array_path, position, TRUE));
  self->pending = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  return position;
}

gboolean
declic_draft_items_get_pending (DeclicDraftItems *self,
                                guint            *position)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT_ITEMS (self), FALSE);

  if (position != NULL)
    *position = self->pending ? self->items->len - 1 : 0;
  return self->pending;
}

/* The pending item goes, unwritten: the file stays as it was. */
void
declic_draft_items_drop_pending (DeclicDraftItems *self)
{
  g_return_if_fail (DECLIC_IS_DRAFT_ITEMS (self));

  if (!self->pending)
    return;
  self->pending = FALSE;
  g_ptr_array_remove_index (self->items, self->items->len - 1);
  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len, 1, 0);
}

/**
 * declic_draft_items_keep_pending:
 * @position: an item about to leave the draft because it was emptied
 *
 * The next removal of @position keeps its object as the pending item, last: its widgets and
 * the focus in them stay. Any other change of the array forgets the request.
 */
void
declic_draft_items_keep_pending (DeclicDraftItems *self,
                                 guint             position)
{
  g_return_if_fail (DECLIC_IS_DRAFT_ITEMS (self));

  self->keep = (int) position;
}
