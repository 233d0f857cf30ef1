/* declic-draft-item.c: one item of a draft's array ("work_history[2]"), as a list model holds it.
 *
 * The object follows the item, not the place: when an item before it leaves, its index goes
 * down by one and "notify::index" tells the view, which renames its rows instead of making
 * them again. A pending item is one the user added but the draft does not hold yet: it gets
 * its place in the array with its first value.
 */
#include "config.h"

#include "declic-draft-item.h"

struct _DeclicDraftItem
{
  GObject   parent_instance;

  char     *array_path;
  guint     index;
  char     *path;       /* "array_path[index]" */
  gboolean  pending;
};

G_DEFINE_FINAL_TYPE (DeclicDraftItem, declic_draft_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
declic_draft_item_finalize (GObject *object)
{
  DeclicDraftItem *self = DECLIC_DRAFT_ITEM (object);

  g_free (self->array_path);
  g_free (self->path);

  G_OBJECT_CLASS (declic_draft_item_parent_class)->finalize (object);
}

static void
declic_draft_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DeclicDraftItem *self = DECLIC_DRAFT_ITEM (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
declic_draft_item_class_init (DeclicDraftItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = declic_draft_item_finalize;
  object_class->get_property = declic_draft_item_get_property;

  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
declic_draft_item_init (DeclicDraftItem *self)
{
}

DeclicDraftItem *
declic_draft_item_new (const char *array_path,
                       guint       index,
                       gboolean    pending)
{
  DeclicDraftItem *self = g_object_new (DECLIC_TYPE_DRAFT_ITEM, NULL);

  self->array_path = g_strdup (array_path);
  self->index = index;
  self->path = g_strdup_printf ("%s[%u]", array_path, index);
  self->pending = pending;
  return self;
}

const char *
declic_draft_item_get_array_path (DeclicDraftItem *self)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT_ITEM (self), NULL);

  return self->array_path;
}

guint
declic_draft_item_get_index (DeclicDraftItem *self)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT_ITEM (self), 0);

  return self->index;
}

/* "work_history[2]": where its fields are, under the index it shows at. */
const char *
declic_draft_item_get_path (DeclicDraftItem *self)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT_ITEM (self), NULL);

  return self->path;
}

gboolean
declic_draft_item_get_pending (DeclicDraftItem *self)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT_ITEM (self), FALSE);

  return self->pending;
}

void
declic_draft_item_set_index (DeclicDraftItem *self,
                             guint            index)
{
  g_return_if_fail (DECLIC_IS_DRAFT_ITEM (self));

  if (self->index == index)
    return;
  self->index = index;
  g_free (self->path);
  self->path = g_strdup_printf ("%s[%u]", self->array_path, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
}

void
declic_draft_item_set_pending (DeclicDraftItem *self,
                               gboolean         pending)
{
  g_return_if_fail (DECLIC_IS_DRAFT_ITEM (self));

  if (self->pending == !!pending)
    return;
  self->pending = !!pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}
