/* declic-window-deadlines.c: deadlines that reach the representative. On start (once the
 * workspace is listed) and every hour while the window is open, a desktop notification counts
 * the drafts with a deadline within 14 days, once a day at most; it opens the list filtered on
 * them. The core decides (declic-deadline-digest.h); this file only says it.
 *
 * On by default: a representative who misses an invitation's 60 days or a test result's expiry
 * loses the client's chance, and one notification a day is little to pay for that. It can be
 * turned off in the preferences. It gives counts, never names: a notification may show on a
 * locked or shared screen. */
#define G_LOG_DOMAIN "declic-window"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-deadline-digest.h"
#include "declic-format.h"
#include "declic-window-private.h"
#include "workspace/declic-filter-bar.h"

#define NOTIFICATION_ID "deadlines"

void
declic_window_notify_deadlines (DeclicWindow *self)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autofree char *last = NULL;
  g_autofree char *today = NULL;
  g_autofree char *body = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GNotification) notification = NULL;
  guint n_due = 0;

  if (app == NULL || !g_settings_get_boolean (self->settings, "deadline-notifications"))
    return;
  last = g_settings_get_string (self->settings, "last-deadline-notification");
  if (!declic_deadline_digest_is_due (G_LIST_MODEL (self->store), last, &n_due, &today))
    return;

  count = declic_format_integer (n_due, NULL);
  /* Translators: a desktop notification; the number is of drafts, never their names */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s draft has a deadline within 14 days",
                                       "%s drafts have a deadline within 14 days", n_due), count);
  notification = g_notification_new (_("Deadlines Soon"));
  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.show-due-soon");
  g_application_send_notification (app, NOTIFICATION_ID, notification);
  g_settings_set_string (self->settings, "last-deadline-notification", today);
}

static gboolean
hourly_cb (gpointer user_data)
{
  declic_window_notify_deadlines (user_data);
  return G_SOURCE_CONTINUE;
}

/* The list filtered on what the notification counted. */
static void
on_show_due_soon (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);

  g_action_group_activate_action (G_ACTION_GROUP (self), "show-filters", NULL);
  declic_filter_bar_set_attention (DECLIC_FILTER_BAR (self->filter_bar), DECLIC_ATTENTION_DEADLINE_14);
}

static const GActionEntry deadline_entries[] = {
  { .name = "show-due-soon", .activate = on_show_due_soon },
};

void
declic_window_install_deadline_notifications (DeclicWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), deadline_entries, G_N_ELEMENTS (deadline_entries), self);
  /* Every hour: the day may have changed while the window stayed open. */
  self->deadline_source = g_timeout_add_seconds (3600, hourly_cb, self);
}

void
declic_window_stop_deadline_notifications (DeclicWindow *self)
{
  g_clear_handle_id (&self->deadline_source, g_source_remove);
}
