/* declic-window-conflict.c: when a save of the open draft meets another window's or program's
 * change of its file (DECLIC_DRAFT_ERROR_CHANGED, issue 11, defect 6), the window asks once
 * what to do: reload the file on disk, keep both, or overwrite. The store carries the choice
 * out (declic_store_resolve_conflict); the window only asks and shows the result. While the
 * question is up, saves (the autosave included) neither write nor ask again. */
#define G_LOG_DOMAIN "declic-window"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-window-private.h"
#include "wizard/declic-wizard.h"

gboolean
declic_window_is_conflict_error (const GError *error)
{
  return g_error_matches (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_CHANGED);
}

/* The open draft is now @draft, whose file is @path: shown at the same page, nothing saved. */
static void
show_resolved (DeclicWindow *self,
               DeclicDraft  *draft,
               const char   *path)
{
  int section = self->wizard != NULL ? declic_wizard_get_section (DECLIC_WIZARD (self->wizard)) : -1;
  g_autofree char *file = g_strdup (path);

  /* What was typed is on disk (kept or overwritten) or was given up (reload). */
  self->dirty = FALSE;
  declic_window_close_draft (self);
  self->draft_path = g_steal_pointer (&file);
  declic_window_show_draft (self, draft);
  if (self->wizard != NULL && section >= 0 && section < DECLIC_WIZARD_N_PAGES)
    declic_wizard_show_section (DECLIC_WIZARD (self->wizard), section);
}

static void
on_conflict_response (AdwMessageDialog *dialog,
                      const char       *response,
                      DeclicWindow     *self)
{
  DeclicStoreConflictChoice choice;
  g_autoptr(DeclicDraft) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  self->conflict_dialog = NULL;
  if (self->draft == NULL || self->draft_path == NULL)
    return;

  if (g_strcmp0 (response, "reload") == 0)
    choice = DECLIC_STORE_CONFLICT_RELOAD;
  else if (g_strcmp0 (response, "overwrite") == 0)
    choice = DECLIC_STORE_CONFLICT_OVERWRITE;
  else
    choice = DECLIC_STORE_CONFLICT_KEEP_BOTH;  /* Escape too: it loses nothing */

  /* An autosave asked for before the question may still be writing (and failing): the answer
   * saves synchronously, never beside it. */
  declic_window_wait_for_save (self);
  if (self->draft == NULL || self->draft_path == NULL)
    return;

  /* The draft as the person left it, with its last change time. */
  g_signal_handler_block (self->draft, self->changed_id);
  declic_draft_touch (self->draft);
  g_signal_handler_unblock (self->draft, self->changed_id);

  result = declic_store_resolve_conflict (self->store, self->draft, self->draft_path, choice, &path, &error);
  if (result == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the draft: %s"), error->message);
      declic_window_show_toast (self, message);
      return;
    }

  switch (choice)
    {
    case DECLIC_STORE_CONFLICT_RELOAD:
      show_resolved (self, result, path);
      declic_window_show_toast (self, _("The version on disk was opened"));
      break;
    case DECLIC_STORE_CONFLICT_KEEP_BOTH:
      {
        g_autofree char *message = NULL;

        show_resolved (self, result, path);
        /* Translators: %s is the client label of the new draft, such as "Camille Martin (copy)" */
        message = g_strdup_printf (_("Your version was saved as a new draft, “%s”"),
                                   declic_draft_get_client_label (result));
        declic_window_show_toast (self, message);
      }
      break;
    case DECLIC_STORE_CONFLICT_OVERWRITE:
    default:
      self->dirty = FALSE;
      declic_window_show_toast (self, _("Draft saved"));
      break;
    }
}

/**
 * declic_window_ask_about_conflict:
 *
 * Asks what to do with the open draft, whose file changed on disk; once: nothing happens while
 * the question is up.
 */
void
declic_window_ask_about_conflict (DeclicWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->conflict_dialog != NULL || self->draft_path == NULL)
    return;

  /* The draft as the list shows it: its label, else the person's name, else its file. */
  if (self->draft != NULL && declic_draft_get_client_label (self->draft) != NULL)
    name = g_strdup (declic_draft_get_client_label (self->draft));
  else if (self->draft != NULL)
    name = declic_draft_dup_display_name (self->draft);
  if (name == NULL)
    name = g_path_get_basename (self->draft_path);
  /* Translators: %s is a draft's client label or the person's name */
  body = g_strdup_printf (_("Another window or program changed “%s” since Déclic opened it, and your latest changes are not saved yet.\n\n"
                            "Reload opens the version on disk: your unsaved changes are lost. "
                            "Keep Both saves your version as a new draft, marked as a copy, and leaves the other as it is. "
                            "Overwrite replaces the other version with yours."),
                          name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The Draft Changed on Disk"), body));
  adw_message_dialog_add_responses (dialog,
                                    "reload", _("_Reload"),
                                    "keep-both", _("_Keep Both"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "keep-both", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "keep-both");
  adw_message_dialog_set_close_response (dialog, "keep-both");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response), self, 0);
  self->conflict_dialog = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * declic_window_keep_both_now:
 *
 * When the draft is left with the question unanswered (another draft opens, the window
 * closes): the person's version is kept as a new draft, the other one stays. Nothing is lost.
 */
void
declic_window_keep_both_now (DeclicWindow *self)
{
  g_autoptr(DeclicDraft) copy = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = g_steal_pointer (&self->conflict_dialog);

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  if (self->draft == NULL || self->draft_path == NULL)
    return;

  copy = declic_store_resolve_conflict (self->store, self->draft, self->draft_path,
                                        DECLIC_STORE_CONFLICT_KEEP_BOTH, NULL, &error);
  if (copy == NULL)
    {
      g_warning ("Could not save the draft: %s", error->message);
      return;
    }
  self->dirty = FALSE;
  if (self->toast_overlay != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Your version was saved as a new draft, “%s”"),
                                                  declic_draft_get_client_label (copy));
      declic_window_show_toast (self, message);
    }
}
