/* declic-window-spouses.c: linking two drafts of the workspace as spouses, and unlinking them,
 * from the list (menu, keyboard, action bar), with an undo in the toast. The link is kept in the
 * workspace's .declic/links.json (declic-spouse-links.h); the disagreements between the two
 * drafts are the core's (declic-spouse-link.h): the list's rows and the open draft's Review show
 * them. */
#define G_LOG_DOMAIN "declic-window"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-spouse-links.h"
#include "declic-format.h"
#include "declic-window-private.h"
#include "wizard/declic-wizard.h"

/* What an undo puts back: the links as they were, and the drafts to check again then. */
struct _DeclicSpouseUndo
{
  DeclicSpouseLinks *links;
  GStrv              paths;
};
typedef struct _DeclicSpouseUndo SpouseUndo;

static void
spouse_undo_free (SpouseUndo *undo)
{
  if (undo == NULL)
    return;
  declic_spouse_links_free (undo->links);
  g_strfreev (undo->paths);
  g_free (undo);
}

static void
set_undo (DeclicWindow *self,
          SpouseUndo   *undo)
{
  g_clear_pointer (&self->spouse_undo, spouse_undo_free);
  self->spouse_undo = undo;
}

/* For the window's dispose. */
void
declic_window_clear_spouse_state (DeclicWindow *self)
{
  g_clear_pointer (&self->spouse_undo, spouse_undo_free);
  g_clear_pointer (&self->spouse_name, g_free);
}

static void
on_rechecked (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DeclicWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (declic_store_recheck_finish (DECLIC_STORE (source), result, &error) < 0 &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    declic_window_show_toast (self, error->message);
  declic_window_update_spouse_actions (self);
}

static void
recheck (DeclicWindow       *self,
         const char * const *paths)
{
  /* What is typed in the open draft is compared too. */
  declic_window_save_now (self, NULL);
  declic_store_recheck_async (self->store, paths, NULL, on_rechecked, g_object_ref (self));
}

/**
 * declic_window_load_spouse:
 *
 * Gives the wizard the draft linked to the open one as its spouse's, as the workspace's links
 * say now, so that its Review shows their disagreements; and names it in the header.
 */
void
declic_window_load_spouse (DeclicWindow *self)
{
  g_autoptr(DeclicSpouseLinks) links = NULL;
  g_autoptr(DeclicDraft) spouse = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *spouse_path = NULL;
  const char *spouse_id = NULL;

  g_clear_pointer (&self->spouse_name, g_free);
  if (self->draft == NULL || self->wizard == NULL || self->store == NULL)
    return;

  links = declic_spouse_links_load (declic_store_get_folder (self->store), &error);
  if (links != NULL)
    spouse_id = declic_spouse_links_get_spouse (links, declic_draft_get_id (self->draft));
  if (spouse_id != NULL)
    {
      spouse_path = declic_store_path_for_id (self->store, spouse_id);
      spouse = spouse_path != NULL ? declic_store_open_draft (self->store, spouse_path, NULL) : NULL;
      if (spouse != NULL && g_strcmp0 (declic_draft_get_id (spouse), spouse_id) != 0)
        g_clear_object (&spouse);
      self->spouse_name = spouse != NULL ? declic_draft_dup_display_name (spouse) : NULL;
      if (self->spouse_name == NULL)
        self->spouse_name = g_strdup (spouse_id);
    }
  declic_wizard_set_spouse (DECLIC_WIZARD (self->wizard), spouse, spouse_id);
  declic_window_refresh_title (self);
}

/* The two drafts selected, when they can be linked: both read, both with an id. */
static gboolean
get_pair (DeclicWindow        *self,
          DeclicDraftSummary **a,
          DeclicDraftSummary **b)
{
  g_autoptr(GListModel) selected = declic_window_dup_selected_drafts (self);

  if (g_list_model_get_n_items (selected) != 2)
    return FALSE;
  *a = g_list_model_get_item (selected, 0);
  *b = g_list_model_get_item (selected, 1);
  if (declic_draft_summary_get_error (*a) == NULL && declic_draft_summary_get_error (*b) == NULL &&
      declic_draft_summary_get_id (*a) != NULL && declic_draft_summary_get_id (*b) != NULL)
    return TRUE;
  g_clear_object (a);
  g_clear_object (b);
  return FALSE;
}

/* The selected drafts that are linked (the open draft is selected too). */
static GPtrArray *
get_linked (DeclicWindow *self)
{
  g_autoptr(GListModel) selected = declic_window_dup_selected_drafts (self);
  GPtrArray *linked = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (selected); i++)
    {
      g_autoptr(DeclicDraftSummary) summary = g_list_model_get_item (selected, i);

      if (declic_draft_summary_get_spouse_id (summary) != NULL)
        g_ptr_array_add (linked, g_steal_pointer (&summary));
    }
  return linked;
}

void
declic_window_update_spouse_actions (DeclicWindow *self)
{
  g_autoptr(DeclicDraftSummary) a = NULL;
  g_autoptr(DeclicDraftSummary) b = NULL;
  g_autoptr(GPtrArray) linked = NULL;
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "link-spouses");
  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), get_pair (self, &a, &b));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "unlink-spouses");
  if (action != NULL)
    {
      linked = get_linked (self);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), linked->len > 0);
    }
}

static DeclicSpouseLinks *
load_links (DeclicWindow *self)
{
  g_autoptr(GError) error = NULL;
  DeclicSpouseLinks *links = declic_spouse_links_load (declic_store_get_folder (self->store), &error);

  if (links == NULL)
    declic_window_show_toast (self, error->message);
  return links;
}

static void
show_undo_toast (DeclicWindow *self,
                 const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-spouse-links");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Saves @links, keeps @before for the undo, and checks @paths again. */
static gboolean
apply_links (DeclicWindow      *self,
             DeclicSpouseLinks *links,
             DeclicSpouseLinks *before,
             GPtrArray         *paths)
{
  g_autoptr(GError) error = NULL;
  SpouseUndo *undo;

  if (!declic_spouse_links_save (links, &error))
    {
      declic_window_show_toast (self, error->message);
      declic_spouse_links_free (before);
      return FALSE;
    }
  g_ptr_array_add (paths, NULL);
  undo = g_new0 (SpouseUndo, 1);
  undo->links = before;
  undo->paths = g_strdupv ((char **) paths->pdata);
  set_undo (self, undo);
  recheck (self, (const char * const *) paths->pdata);
  declic_window_load_spouse (self);
  return TRUE;
}

static void
on_link_spouses (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autoptr(DeclicDraftSummary) a = NULL;
  g_autoptr(DeclicDraftSummary) b = NULL;
  g_autoptr(DeclicSpouseLinks) links = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *a_title = NULL;
  g_autofree char *b_title = NULL;
  g_autofree char *message = NULL;
  DeclicSpouseLinks *before;

  if (!get_pair (self, &a, &b) || (links = load_links (self)) == NULL)
    return;
  before = declic_spouse_links_copy (links);
  if (!declic_spouse_links_link (links, declic_draft_summary_get_id (a), declic_draft_summary_get_id (b), &error))
    {
      declic_window_show_toast (self, error->message);
      declic_spouse_links_free (before);
      return;
    }
  g_ptr_array_add (paths, g_strdup (declic_draft_summary_get_path (a)));
  g_ptr_array_add (paths, g_strdup (declic_draft_summary_get_path (b)));
  if (!apply_links (self, links, before, paths))
    return;

  a_title = declic_draft_summary_dup_title (a);
  b_title = declic_draft_summary_dup_title (b);
  /* Translators: a toast, "“Marchand, Julien” and “Lefèvre, Sophie” are linked as spouses" */
  message = g_strdup_printf (_("“%s” and “%s” are linked as spouses"), a_title, b_title);
  show_undo_toast (self, message);
}

static void
on_unlink_spouses (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autoptr(GPtrArray) linked = get_linked (self);
  g_autoptr(DeclicSpouseLinks) links = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *message = NULL;
  g_autofree char *count = NULL;
  DeclicSpouseLinks *before;
  guint n = 0;

  if (linked->len == 0 || (links = load_links (self)) == NULL)
    return;
  before = declic_spouse_links_copy (links);
  for (guint i = 0; i < linked->len; i++)
    {
      DeclicDraftSummary *summary = g_ptr_array_index (linked, i);
      g_autofree char *spouse = declic_spouse_links_unlink (links, declic_draft_summary_get_id (summary));

      g_ptr_array_add (paths, g_strdup (declic_draft_summary_get_path (summary)));
      if (spouse != NULL)
        {
          char *spouse_path = declic_store_path_for_id (self->store, spouse);

          n++;
          if (spouse_path != NULL)
            g_ptr_array_add (paths, spouse_path);
        }
    }
  if (!apply_links (self, links, before, paths))
    return;
  count = declic_format_integer (n, NULL);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pair of spouses unlinked", "%s pairs of spouses unlinked", n), count);
  show_undo_toast (self, message);
}

static void
on_undo_spouse_links (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  SpouseUndo *undo = g_steal_pointer (&self->spouse_undo);
  g_autoptr(GError) error = NULL;

  if (undo == NULL)
    return;
  if (!declic_spouse_links_save (undo->links, &error))
    declic_window_show_toast (self, error->message);
  else
    {
      recheck (self, (const char * const *) undo->paths);
      declic_window_load_spouse (self);
    }
  spouse_undo_free (undo);
}

static const GActionEntry spouse_entries[] = {
  { .name = "link-spouses", .activate = on_link_spouses },
  { .name = "unlink-spouses", .activate = on_unlink_spouses },
  { .name = "undo-spouse-links", .activate = on_undo_spouse_links },
};

void
declic_window_install_spouse_actions (DeclicWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), spouse_entries, G_N_ELEMENTS (spouse_entries), self);
  declic_window_update_spouse_actions (self);
}
