/* declic-field-group.c: a group of a section page's fields, named by their draft paths.
 *
 * A page's template lists its fields in the page's order, each by its path in the draft:
 *
 *   <object class="DeclicFieldGroup">
 *     <property name="title-path">personal.passport</property>
 *     <property name="paths">
 *       <object class="GtkStringList">
 *         <items>
 *           <item>personal.passport.number</item>
 *           ...
 *
 * The rows themselves, their labels and choices come from the core's field table: the page
 * makes them (declic-section-page.c) and adds them here. The title, when it is a field's or an
 * object's, comes from the same table through title-path, so the page and the messages that
 * name the field cannot disagree.
 */
#define G_LOG_DOMAIN "declic-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-draft-fields.h"
#include "declic-field-group.h"

struct _DeclicFieldGroup
{
  AdwPreferencesGroup  parent_instance;

  GListModel          *paths;
  char                *title_path;
};

G_DEFINE_FINAL_TYPE (DeclicFieldGroup, declic_field_group, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_PATHS,
  PROP_TITLE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_title_path (DeclicFieldGroup *self,
                const char       *path)
{
  const DeclicFieldSpec *spec = path != NULL ? declic_draft_fields_lookup_path (path) : NULL;

  g_free (self->title_path);
  self->title_path = g_strdup (path);
  if (path != NULL && spec == NULL)
    g_critical ("No field %s in the field table for a group's title", path);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   spec != NULL && spec->label != NULL
                                   ? g_dgettext (GETTEXT_PACKAGE, spec->label) : "");
}

static void
declic_field_group_finalize (GObject *object)
{
  DeclicFieldGroup *self = DECLIC_FIELD_GROUP (object);

  g_clear_object (&self->paths);
  g_free (self->title_path);

  G_OBJECT_CLASS (declic_field_group_parent_class)->finalize (object);
}

static void
declic_field_group_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DeclicFieldGroup *self = DECLIC_FIELD_GROUP (object);

  switch (prop_id)
    {
    case PROP_PATHS:
      g_value_set_object (value, self->paths);
      break;
    case PROP_TITLE_PATH:
      g_value_set_string (value, self->title_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
declic_field_group_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DeclicFieldGroup *self = DECLIC_FIELD_GROUP (object);

  switch (prop_id)
    {
    case PROP_PATHS:
      g_set_object (&self->paths, g_value_get_object (value));
      break;
    case PROP_TITLE_PATH:
      set_title_path (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
declic_field_group_class_init (DeclicFieldGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = declic_field_group_finalize;
  object_class->get_property = declic_field_group_get_property;
  object_class->set_property = declic_field_group_set_property;

  /* The draft paths of its fields, in order: a GtkStringList in a template. */
  properties[PROP_PATHS] =
    g_param_spec_object ("paths", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The field or object whose label is the group's title ("personal.passport"). */
  properties[PROP_TITLE_PATH] =
    g_param_spec_string ("title-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
declic_field_group_init (DeclicFieldGroup *self)
{
}

/* The draft paths of its fields, in the page's order (GtkStringObject items); NULL for none. */
GListModel *
declic_field_group_get_paths (DeclicFieldGroup *self)
{
  g_return_val_if_fail (DECLIC_IS_FIELD_GROUP (self), NULL);

  return self->paths;
}
