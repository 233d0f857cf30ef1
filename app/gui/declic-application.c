/* declic-application.c: command-line options, application actions, the main window. */
#define G_LOG_DOMAIN "declic-application"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-application.h"
#include "declic-store.h"
#include "declic-window.h"

struct _DeclicApplication
{
  AdwApplication  parent_instance;
  char           *workspace_folder;
};

G_DEFINE_FINAL_TYPE (DeclicApplication, declic_application, ADW_TYPE_APPLICATION)

static void
declic_application_finalize (GObject *object)
{
  DeclicApplication *self = DECLIC_APPLICATION (object);

  g_free (self->workspace_folder);

  G_OBJECT_CLASS (declic_application_parent_class)->finalize (object);
}

static int
declic_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  DeclicApplication *self = DECLIC_APPLICATION (app);
  const char *workspace = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "declic", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "workspace", "^&ay", &workspace))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (workspace);
      g_free (self->workspace_folder);
      self->workspace_folder = g_file_get_path (file);
    }

  return -1;
}

static void
declic_application_activate (GApplication *app)
{
  DeclicApplication *self = DECLIC_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (declic_window_new (self, declic_application_get_workspace_folder (self)));

  gtk_window_present (window);
}

static void
on_quit (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing each window first lets it save what is open. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (app);
}

static void
on_about (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { "The Déclic engineers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Déclic"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "comments", _("Prepare your Québec expression of interest offline"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = on_quit },
  { .name = "about", .activate = on_about },
};

static void
declic_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.new-draft", { "<Control>n", NULL } },
    { "win.open-draft", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.rename", { "F2", NULL } },
    { "win.duplicate", { "<Control><Shift>d", NULL } },
    { "win.export", { "<Control><Shift>s", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.next-section", { "<Alt>Right", "<Control>Page_Down", NULL } },
    { "win.previous-section", { "<Alt>Left", "<Control>Page_Up", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (declic_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
declic_application_class_init (DeclicApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = declic_application_finalize;
  app_class->handle_local_options = declic_application_handle_local_options;
  app_class->activate = declic_application_activate;
  app_class->startup = declic_application_startup;
}

static void
declic_application_init (DeclicApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 'v', 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Use this language for the interface (fr or en)"), N_("LANGUAGE") },
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this workspace folder"), N_("FOLDER") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("— or: declic check|upload [OPTION…] PATH…"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Prepare a Québec déclaration d’intérêt (expression of interest) offline."));
}

DeclicApplication *
declic_application_new (void)
{
  return g_object_new (DECLIC_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/ca/declic/Declic",
                       NULL);
}

/**
 * declic_application_get_workspace_folder:
 *
 * Returns: the folder given with --workspace, else $DECLIC_WORKSPACE, else the one chosen in
 *   Preferences, else the default one
 */
const char *
declic_application_get_workspace_folder (DeclicApplication *self)
{
  g_return_val_if_fail (DECLIC_IS_APPLICATION (self), NULL);

  if (self->workspace_folder == NULL)
    {
      const char *env = g_getenv ("DECLIC_WORKSPACE");
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
      g_autofree char *chosen = g_settings_get_string (settings, "workspace-folder");

      if (env != NULL && *env != '\0')
        self->workspace_folder = g_strdup (env);
      else if (*chosen != '\0')
        self->workspace_folder = g_steal_pointer (&chosen);
      else
        self->workspace_folder = declic_store_get_default_folder ();
    }
  return self->workspace_folder;
}
