/* declic-window.c: the main window: the workspace list, a welcome page, the open draft. */
#define G_LOG_DOMAIN "declic-window"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-window.h"

struct _DeclicWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  GtkStack             *content_stack;
  GtkListView          *draft_list;
  AdwToastOverlay      *toast_overlay;
  AdwStatusPage        *welcome_page;

  /* State */
  DeclicStore          *store;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (DeclicWindow, declic_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (DeclicWindow *self,
            const char   *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
on_store_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DeclicWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!declic_store_load_finish (DECLIC_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
}

static void
declic_window_dispose (GObject *object)
{
  DeclicWindow *self = DECLIC_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DECLIC_TYPE_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (declic_window_parent_class)->dispose (object);
}

static void
declic_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DeclicWindow *self = DECLIC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
declic_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DeclicWindow *self = DECLIC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
declic_window_constructed (GObject *object)
{
  DeclicWindow *self = DECLIC_WINDOW (object);
  g_autoptr(GtkNoSelection) selection = NULL;

  G_OBJECT_CLASS (declic_window_parent_class)->constructed (object);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_list_view_set_model (self->draft_list, GTK_SELECTION_MODEL (selection));

  declic_store_load_async (self->store, self->cancellable, on_store_loaded, g_object_ref (self));
}

static void
declic_window_class_init (DeclicWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = declic_window_dispose;
  object_class->get_property = declic_window_get_property;
  object_class->set_property = declic_window_set_property;
  object_class->constructed = declic_window_constructed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DECLIC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ca/declic/Declic/ui/declic-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, draft_list);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, welcome_page);
}

static void
declic_window_init (DeclicWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

DeclicWindow *
declic_window_new (DeclicApplication *app,
                   const char        *workspace_folder)
{
  g_autoptr(DeclicStore) store = declic_store_new (workspace_folder);

  return g_object_new (DECLIC_TYPE_WINDOW,
                       "application", app,
                       "store", store,
                       NULL);
}

DeclicStore *
declic_window_get_store (DeclicWindow *self)
{
  g_return_val_if_fail (DECLIC_IS_WINDOW (self), NULL);

  return self->store;
}
