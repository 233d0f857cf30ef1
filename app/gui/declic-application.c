/* declic-application.c: command-line options, application actions, the main window. */
#define G_LOG_DOMAIN "declic-application"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-application.h"
#include "declic-store.h"
#include "declic-window.h"
#include "declic-window-private.h"
#include "declic-workspace-lock.h"

struct _DeclicApplication
{
  AdwApplication       parent_instance;
  char                *workspace_folder;
  /* Held while the window may write into the workspace: one writer per workspace. */
  DeclicWorkspaceLock *lock;
  GtkWidget           *refusal;  /* the dialog saying the workspace is in use, or NULL */
};

G_DEFINE_FINAL_TYPE (DeclicApplication, declic_application, ADW_TYPE_APPLICATION)

static void
declic_application_finalize (GObject *object)
{
  DeclicApplication *self = DECLIC_APPLICATION (object);

  g_free (self->workspace_folder);
  declic_workspace_lock_release (self->lock);

  G_OBJECT_CLASS (declic_application_parent_class)->finalize (object);
}

/**
 * declic_application_settings_are_installed:
 *
 * Returns: %TRUE when the application's GSettings schema can be found (installed, or named by
 *   $GSETTINGS_SCHEMA_DIR as `meson devenv` does), so that g_settings_new () will not abort
 */
gboolean
declic_application_settings_are_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return FALSE;
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  return schema != NULL;
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

  /* g_settings_new () aborts when the schema is not installed, which is the case of a build
   * run from its folder without `meson devenv`: say what to run instead. */
  if (!declic_application_settings_are_installed ())
    {
      g_printerr (_("Déclic cannot start: its settings schema “%s” is not installed.\n"
                    "To run Déclic from its build folder: meson devenv -C BUILDDIR declic\n"
                    "To install it: meson install -C BUILDDIR\n"),
                  APPLICATION_ID);
      return 1;
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
on_refusal_response (AdwMessageDialog  *dialog,
                     const char        *response,
                     DeclicApplication *self)
{
  self->refusal = NULL;
}

/* Another Déclic (another session's window, `declic upload`) writes into this workspace: said
 * in a dialog naming the folder, and no window is opened on it, so there is no second writer. */
static void
show_refusal (DeclicApplication *self,
              const GError      *error)
{
  AdwMessageDialog *dialog;

  if (self->refusal == NULL)
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Workspace Already in Use"), error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      adw_message_dialog_set_default_response (dialog, "close");
      adw_message_dialog_set_close_response (dialog, "close");
      gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_refusal_response), self, 0);
      self->refusal = GTK_WIDGET (dialog);
    }
  gtk_window_present (GTK_WINDOW (self->refusal));
}

/* The main window, made when there is none, once the workspace is locked for it; %NULL when
 * another program holds the lock (the refusal is shown). */
static GtkWindow *
ensure_window (DeclicApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (DECLIC_IS_WINDOW (l->data))
      return l->data;

  if (self->lock == NULL)
    self->lock = declic_workspace_lock_acquire (declic_application_get_workspace_folder (self), &error);
  if (self->lock == NULL)
    {
      g_printerr ("declic: %s\n", error->message);
      show_refusal (self, error);
      return NULL;
    }
  return GTK_WINDOW (declic_window_new (self, declic_application_get_workspace_folder (self)));
}

static void
declic_application_activate (GApplication *app)
{
  DeclicApplication *self = DECLIC_APPLICATION (app);
  GtkWindow *window = ensure_window (self);

  if (window != NULL)
    gtk_window_present (window);
}

/* Files given on the command line, by Files ("Open With Déclic") or over D-Bus: each is
 * imported into the workspace (or opened where it is, if it is one of its drafts), as
 * Open… does, and remembered among the recent files. */
static void
declic_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  DeclicApplication *self = DECLIC_APPLICATION (app);
  GtkWindow *window = ensure_window (self);

  if (window == NULL)
    return;
  gtk_window_present (window);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_autofree char *message = g_strdup_printf (_("Could not open “%s”: only files on this computer can be opened"), uri);
          declic_window_show_toast (DECLIC_WINDOW (window), message);
          continue;
        }
      if (declic_window_import_file (DECLIC_WINDOW (window), path))
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
        }
    }
}

static void
on_quit (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GApplication *app = user_data;
  /* A closed window leaves the application's own list at once, freeing the node being walked:
   * walk a copy that holds each window. */
  GList *windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (app)),
                                     (GCopyFunc) g_object_ref, NULL);

  /* Closing each window first lets it save what is open. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
  g_application_quit (app);
}

static void
on_about (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GtkApplication *app = user_data;
  /* The same name as the AppStream metadata's <developer> (a name, not translated). */
  const char *developer_name = "The Déclic developers";
  const char *developers[] = { developer_name, NULL };
  AdwAboutWindow *about = ADW_ABOUT_WINDOW (adw_about_window_new ());

  /* The Statistics Canada Open Licence asks for this credit with the NOC list the app carries. */
  adw_about_window_add_legal_section (about, _("National Occupational Classification"),
                                      "Statistics Canada",
                                      GTK_LICENSE_CUSTOM,
                                      _("Source: Statistics Canada, National Occupational Classification (NOC) 2021 Version 1.0. "
                                        "Reproduced and distributed under the Statistics Canada Open Licence."));
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  g_object_set (about,
                "application-name", _("Déclic"),
                "application-icon", APPLICATION_ID,
                "version", PACKAGE_VERSION,
                "developer-name", developer_name,
                "developers", developers,
                "website", "https://gitlab.gnome.org/declic/declic",
                "issue-url", "https://gitlab.gnome.org/declic/declic/-/issues",
                "comments", _("Prepare your Québec expression of interest offline"),
                "license-type", GTK_LICENSE_GPL_3_0,
                "translator-credits", _("translator-credits"),
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The user help (help/), in the interface language, through Yelp. */
static void
on_help (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GtkApplication *app = user_data;

  gtk_show_uri (gtk_application_get_active_window (app), "help:declic", GDK_CURRENT_TIME);
}

/* The deadline notification's action (declic-window-deadlines.c): the list, filtered on the
 * drafts it counted. Activated over D-Bus when the app was not running. */
static void
on_show_due_soon (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  DeclicApplication *self = user_data;
  GtkWindow *window = ensure_window (self);

  if (window == NULL)
    return;
  gtk_window_present (window);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-due-soon", NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = on_quit },
  { .name = "show-due-soon", .activate = on_show_due_soon },
  { .name = "about", .activate = on_about },
  { .name = "help", .activate = on_help },
};

static void
declic_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.help", { "F1", NULL } },
    { "win.new-draft", { "<Control>n", NULL } },
    { "win.open-draft", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.rename", { "F2", NULL } },
    { "win.duplicate", { "<Control><Shift>d", NULL } },
    { "win.export", { "<Control><Shift>s", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.enter-in-arrima", { "<Control>e", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.show-filters", { "<Control><Shift>f", NULL } },
    { "win.link-spouses", { "<Control><Shift>l", NULL } },
    { "win.unlink-spouses", { "<Control><Alt>l", NULL } },
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
  app_class->open = declic_application_open;
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
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("— or: declic check|plan|export|upload [OPTION…] PATH…, declic rounds [OPTION…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Prepare a Québec déclaration d’intérêt (expression of interest) offline."));
}

DeclicApplication *
declic_application_new (void)
{
  /* Unique (a second `declic` hands its files to the running one, and D-Bus can start it:
   * DBusActivatable in the desktop file), and it opens files (draft files, from Files). */
  return g_object_new (DECLIC_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS | G_APPLICATION_HANDLES_OPEN,
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
