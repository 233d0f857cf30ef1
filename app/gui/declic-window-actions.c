/* declic-window-actions.c: the window's actions: drafts (new, open, save, rename, duplicate,
 * delete, export, print, upload), search, sections, preferences. Accelerators are set by the
 * application (declic-application.c). */
#define G_LOG_DOMAIN "declic-window"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-printout.h"
#include "entry/declic-entry-window.h"
#include "declic-printout-layout.h"
#include "declic-window-private.h"
#include "preferences/declic-preferences-window.h"
#include "declic-gui-utils.h"
#include "upload/declic-upload.h"
#include "wizard/declic-wizard.h"

#define SAMPLE_RESOURCE "/ca/declic/Declic/sample-draft.json"

static void
set_enabled (DeclicWindow *self,
             const char   *name,
             gboolean      enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
declic_window_update_actions (DeclicWindow *self)
{
  gboolean has_draft = self->draft != NULL;

  set_enabled (self, "save", has_draft);
  set_enabled (self, "rename", has_draft);
  set_enabled (self, "duplicate", has_draft);
  set_enabled (self, "export", has_draft);
  set_enabled (self, "print", has_draft);
  set_enabled (self, "enter-in-arrima", has_draft);
  set_enabled (self, "upload", has_draft);
  set_enabled (self, "delete", self->draft_path != NULL);
  set_enabled (self, "undo-delete", self->last_trashed != NULL);
  set_enabled (self, "next-section", has_draft && self->wizard != NULL);
  set_enabled (self, "previous-section", has_draft && self->wizard != NULL);
  set_enabled (self, "make-workspace-private", self->workspace_open);
}

/* A workspace (or its .declic) that every user can write to: anyone could replace a draft or
 * plant a link there. Said once the list is loaded, with the offer to make it private; the
 * folder is not changed without the person's say. */
void
declic_window_check_workspace_privacy (DeclicWindow *self)
{
  g_auto(GStrv) open_folders = declic_store_list_open_folders (declic_store_get_folder (self->store));
  AdwToast *toast;

  self->workspace_open = open_folders != NULL;
  declic_window_update_actions (self);
  if (!self->workspace_open)
    return;

  toast = adw_toast_new (_("Every user of this computer can change this workspace folder, and so replace a draft in it"));
  adw_toast_set_button_label (toast, _("Make Private"));
  adw_toast_set_action_name (toast, "win.make-workspace-private");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_make_workspace_private (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!declic_store_make_private (declic_store_get_folder (self->store), &error))
    {
      declic_window_show_toast (self, error->message);
      return;
    }
  declic_window_check_workspace_privacy (self);
  declic_window_show_toast (self, _("The workspace folder is now private"));
}

static char *
dup_draft_title (DeclicDraft *draft)
{
  const char *label = declic_draft_get_client_label (draft);
  char *name = label != NULL ? g_strdup (label) : declic_draft_dup_display_name (draft);

  return name != NULL ? name : g_strdup (_("New draft"));
}

static void
open_saved_draft (DeclicWindow *self,
                  DeclicDraft  *draft)
{
  g_autofree char *path = declic_store_path_for_id (self->store, declic_draft_get_id (draft));

  declic_window_open_path (self, path);
}

static void show_error_toast (DeclicWindow *self,
                              const char   *format,
                              ...) G_GNUC_PRINTF (2, 3);

static void
show_error_toast (DeclicWindow *self,
                  const char   *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  declic_window_show_toast (self, message);
}

static void
on_new_draft (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autoptr(DeclicDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  declic_window_close_draft (self);
  draft = declic_store_create_draft (self->store, &error);
  if (draft == NULL)
    {
      show_error_toast (self, _("Could not create a draft: %s"), error->message);
      return;
    }
  open_saved_draft (self, draft);
  /* A new draft is for typing in: the keyboard starts in its first field, not on the menu. */
  if (self->wizard != NULL)
    declic_wizard_focus_path (DECLIC_WIZARD (self->wizard), "personal.family_names");
}

gboolean
declic_window_import_file (DeclicWindow *self,
                           const char   *path)
{
  g_autoptr(DeclicDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (DECLIC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A file of this workspace is opened where it is rather than copied. */
  dir = g_path_get_dirname (path);
  if (g_strcmp0 (dir, declic_store_get_folder (self->store)) == 0)
    {
      declic_window_open_path (self, path);
      return TRUE;
    }

  draft = declic_store_import_draft (self->store, path, &error);
  if (draft == NULL)
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf (_("Could not open “%s”: %s"), name, error->message);
      declic_window_show_toast (self, message);
      return FALSE;
    }
  declic_window_close_draft (self);
  open_saved_draft (self, draft);
  return TRUE;
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  DeclicWindow    *self)
{
  g_autofree char *path = declic_gui_take_chosen_path (dialog, response);

  if (path != NULL)
    declic_window_import_file (self, path);
}

static GtkFileFilter *
new_json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Drafts (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static void
on_open_draft (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = new_json_filter ();

  chooser = gtk_file_chooser_native_new (_("Open a Draft"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
declic_window_open_sample (DeclicWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DeclicDraft) sample = NULL;
  g_autoptr(DeclicDraft) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (DECLIC_IS_WINDOW (self), FALSE);

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &length);
      sample = declic_draft_new_from_data (data, length, &error);
    }
  if (sample == NULL)
    {
      show_error_toast (self, _("Could not open the sample draft: %s"), error->message);
      return FALSE;
    }

  /* A copy with its own id, so the sample can be opened again and again. */
  copy = declic_draft_duplicate (sample);
  name = declic_draft_dup_display_name (copy);
  if (name == NULL)
    name = g_strdup (_("Camille Martin"));
  /* Translators: the client label of the sample draft; %s is the person's name */
  label = g_strdup_printf (_("Sample — %s"), name);
  declic_draft_set_string (copy, "client_label", label);

  if (!declic_store_save_draft (self->store, copy, &error))
    {
      show_error_toast (self, _("Could not open the sample draft: %s"), error->message);
      return FALSE;
    }
  declic_window_close_draft (self);
  open_saved_draft (self, copy);
  return TRUE;
}

static void
on_open_sample (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       widget)
{
  declic_window_open_sample (DECLIC_WINDOW (widget));
}

static void
on_save (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->draft == NULL)
    return;
  /* "Save now" writes even without a change, so the person sees it done. */
  self->dirty = TRUE;
  if (!declic_window_save_now (self, &error))
    {
      /* Another program's change is asked about in its own dialog. */
      if (!declic_window_is_conflict_error (error))
        show_error_toast (self, _("Could not save the draft: %s"), error->message);
    }
  else
    declic_window_show_toast (self, _("Draft saved"));
}

static void
on_duplicate (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autoptr(DeclicDraft) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->draft == NULL)
    return;

  if (!declic_window_save_now (self, &error))
    {
      if (!declic_window_is_conflict_error (error))
        show_error_toast (self, _("Could not save the draft: %s"), error->message);
      return;
    }

  copy = declic_draft_duplicate_as_copy (self->draft);
  if (!declic_store_save_draft (self->store, copy, &error))
    {
      show_error_toast (self, _("Could not duplicate the draft: %s"), error->message);
      return;
    }
  declic_window_close_draft (self);
  open_saved_draft (self, copy);
  declic_window_show_toast (self, _("Draft duplicated"));
}

gboolean
declic_window_rename_draft (DeclicWindow *self,
                            const char   *client_label)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DECLIC_IS_WINDOW (self), FALSE);

  if (self->draft == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (client_label != NULL ? client_label : ""));
  declic_draft_set_string (self->draft, "client_label", *stripped != '\0' ? stripped : NULL);
  if (!declic_window_save_now (self, &error))
    {
      if (!declic_window_is_conflict_error (error))
        show_error_toast (self, _("Could not save the draft: %s"), error->message);
      return FALSE;
    }
  declic_window_refresh_title (self);
  return TRUE;
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    DeclicWindow     *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (g_strcmp0 (response, "rename") == 0)
    declic_window_rename_draft (self, gtk_editable_get_text (entry));
}

static void
on_rename (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;
  const char *label;

  if (self->draft == NULL)
    return;

  label = declic_draft_get_client_label (self->draft);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Draft"),
                                   _("The client label names the draft in the list. The person’s name is not changed."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), label != NULL ? label : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Client label"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Client label"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_undo_delete (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autofree char *trashed = g_steal_pointer (&self->last_trashed);
  g_autofree char *name = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(GError) error = NULL;

  if (trashed == NULL)
    return;
  name = g_path_get_basename (trashed);
  restored = g_build_filename (declic_store_get_folder (self->store), name, NULL);
  if (!declic_store_restore_draft (self->store, trashed, &error))
    {
      declic_window_show_toast (self, error->message);
      return;
    }
  declic_window_open_path (self, restored);
  declic_window_update_actions (self);
}

static void
on_delete (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *trashed = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (self->draft_path == NULL)
    return;

  path = g_strdup (self->draft_path);
  title = self->draft != NULL ? dup_draft_title (self->draft) : g_path_get_basename (path);
  declic_window_close_draft (self);

  trashed = declic_store_trash_draft (self->store, path, &error);
  if (trashed == NULL)
    {
      declic_window_show_toast (self, error->message);
      return;
    }

  g_free (self->last_trashed);
  self->last_trashed = g_steal_pointer (&trashed);
  declic_window_update_actions (self);

  message = g_strdup_printf (_("“%s” deleted"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
declic_window_export_to (DeclicWindow *self,
                         const char   *path)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DECLIC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->draft == NULL)
    return FALSE;

  if (!declic_window_save_now (self, &error) ||
      !declic_draft_save_to_file (self->draft, path, &error))
    {
      show_error_toast (self, _("Could not export the draft: %s"), error->message);
      return FALSE;
    }
  {
    g_autofree char *name = g_path_get_basename (path);
    show_error_toast (self, _("Exported to “%s”"), name);
  }
  return TRUE;
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    DeclicWindow    *self)
{
  g_autofree char *path = declic_gui_take_chosen_path (dialog, response);

  if (path != NULL)
    declic_window_export_to (self, path);
}

static void
on_export (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = new_json_filter ();
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (self->draft == NULL)
    return;

  title = dup_draft_title (self->draft);
  g_strdelimit (title, "/\\:", '-');
  name = g_strconcat (title, ".json", NULL);
  chooser = gtk_file_chooser_native_new (_("Export the Draft"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Printing the summary ---------------------------------------------------------------------
 * The same pages as `declic export --pdf` (declic-printout-layout.h), laid out on the print
 * context once the page setup is known. GTK's dialog has the preview and "Print to File"; Déclic's
 * own "Save as PDF…" writes the file 0600, which GTK's file printer does not promise. */

typedef struct
{
  DeclicPrintout       *printout;
  DeclicPrintoutLayout *layout;
} PrintJob;

static void
print_job_free (gpointer data,
                GClosure *closure)
{
  PrintJob *job = data;

  g_clear_object (&job->layout);
  g_clear_object (&job->printout);
  g_free (job);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_clear_object (&job->layout);
  job->layout = declic_printout_layout_new (job->printout, gtk_print_context_get_cairo_context (context),
                                            gtk_print_context_get_width (context),
                                            gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) declic_printout_layout_get_n_pages (job->layout));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  if (job->layout != NULL && page >= 0 && (guint) page < declic_printout_layout_get_n_pages (job->layout))
    declic_printout_layout_draw_page (job->layout, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               DeclicWindow            *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error_toast (self, _("Could not print the summary: %s"), error != NULL ? error->message : "");
    }
  g_object_unref (operation);
}

static DeclicPrintout *
make_printout (DeclicWindow *self)
{
  DeclicValidateContext *context = declic_validate_context_new_default ();
  g_autoptr(DeclicCheck) check = declic_check_run (self->draft, NULL, NULL, context);

  declic_validate_context_unref (context);
  /* In the window's language: the labels come from the same catalog as the window's. */
  return declic_printout_new (self->draft, check, NULL);
}

static void
start_print (DeclicWindow *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  PrintJob *job = g_new0 (PrintJob, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = dup_draft_title (self->draft);

  job->printout = make_printout (self);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* The job lives as long as the operation: freed when its handler is. */
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (on_begin_print), job, print_job_free, 0);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), self);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error_toast (self, _("Could not print the summary: %s"), error->message);
}

gboolean
declic_window_save_summary_to (DeclicWindow *self,
                               const char   *path)
{
  g_autoptr(DeclicPrintout) printout = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_return_val_if_fail (DECLIC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->draft == NULL)
    return FALSE;

  printout = make_printout (self);
  if (g_str_has_suffix (path, ".html") || g_str_has_suffix (path, ".htm"))
    saved = declic_printout_save_html (printout, path, &error);
  else
    {
      /* A4 unless the person's locale says Letter; GTK knows which. */
      DeclicPaper paper = g_str_equal (gtk_paper_size_get_default (), GTK_PAPER_NAME_LETTER)
                          ? DECLIC_PAPER_LETTER : DECLIC_PAPER_A4;
      saved = declic_printout_save_pdf (printout, paper, path, &error);
    }
  if (!saved)
    {
      show_error_toast (self, _("Could not save the summary: %s"), error->message);
      return FALSE;
    }
  {
    g_autofree char *name = g_path_get_basename (path);
    show_error_toast (self, _("Summary saved to “%s”, readable by you only"), name);
  }
  return TRUE;
}

static void
on_save_summary_response (GtkNativeDialog *dialog,
                          int              response,
                          DeclicWindow    *self)
{
  g_autofree char *path = declic_gui_take_chosen_path (dialog, response);

  if (path != NULL)
    declic_window_save_summary_to (self, path);
}

static void
choose_summary_file (DeclicWindow *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *pdf = gtk_file_filter_new ();
  GtkFileFilter *html = gtk_file_filter_new ();
  g_autofree char *title = dup_draft_title (self->draft);
  g_autofree char *name = NULL;

  g_strdelimit (title, "/\\:", '-');
  name = g_strconcat (title, ".pdf", NULL);
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_filter_set_name (html, _("Web pages (HTML)"));
  gtk_file_filter_add_suffix (html, "html");
  chooser = gtk_file_chooser_native_new (_("Save the Summary"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), html);
  g_object_unref (pdf);
  g_object_unref (html);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_summary_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_print_dialog_response (AdwMessageDialog *dialog,
                          const char       *response,
                          DeclicWindow     *self)
{
  if (self->draft == NULL)
    return;
  if (g_str_equal (response, "print"))
    start_print (self);
  else if (g_str_equal (response, "save"))
    choose_summary_file (self);
}

static void
on_print (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  GtkWidget *dialog;

  if (self->draft == NULL)
    return;

  /* Said before anything is printed or saved: the summary is the client's whole file. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Print or Save the Summary"),
                                   _("The summary holds passport and family details: the passport number, "
                                     "dates of birth, the spouse and the children. Keep printed copies and "
                                     "files private; a file saved here is readable by you only."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("Save as _PDF…"),
                                    "print", _("_Print…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "print", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "print");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_print_dialog_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The entry companion beside the window: the wizard stays usable, and what is corrected there
 * shows in the companion as to be entered again. */
static void
on_enter_in_arrima (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  GtkWidget *companion;

  if (self->draft == NULL)
    return;
  companion = declic_entry_window_new (self->draft, declic_store_get_folder (self->store));
  gtk_window_set_transient_for (GTK_WINDOW (companion), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (companion));
}

static void
on_search (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_next_section (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);

  if (self->wizard != NULL)
    gtk_widget_activate_action (self->wizard, "wizard.next", NULL);
}

static void
on_previous_section (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);

  if (self->wizard != NULL)
    gtk_widget_activate_action (self->wizard, "wizard.previous", NULL);
}

static void
on_preferences (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       widget)
{
  GtkWidget *preferences = declic_preferences_window_new (GTK_WINDOW (widget));

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
on_upload (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->draft == NULL)
    return;
  if (!declic_window_save_now (self, &error))
    {
      if (!declic_window_is_conflict_error (error))
        show_error_toast (self, _("Could not save the draft: %s"), error->message);
      return;
    }
  declic_upload_start (GTK_WINDOW (self), self->toast_overlay, self->store, self->draft_path);
}

static void
on_go_back (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static const GActionEntry entries[] = {
  { .name = "new-draft", .activate = on_new_draft },
  { .name = "open-draft", .activate = on_open_draft },
  { .name = "open-sample", .activate = on_open_sample },
  { .name = "save", .activate = on_save },
  { .name = "duplicate", .activate = on_duplicate },
  { .name = "rename", .activate = on_rename },
  { .name = "delete", .activate = on_delete },
  { .name = "undo-delete", .activate = on_undo_delete },
  { .name = "export", .activate = on_export },
  { .name = "print", .activate = on_print },
  { .name = "enter-in-arrima", .activate = on_enter_in_arrima },
  { .name = "upload", .activate = on_upload },
  { .name = "search", .activate = on_search },
  { .name = "next-section", .activate = on_next_section },
  { .name = "previous-section", .activate = on_previous_section },
  { .name = "preferences", .activate = on_preferences },
  { .name = "go-back", .activate = on_go_back },
  { .name = "make-workspace-private", .activate = on_make_workspace_private },
};

void
declic_window_install_actions (DeclicWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  /* GSimpleActions on the window (not widget-class actions), so that tests and the
   * application's accelerators reach them as "win.<name>" and they can be disabled. */
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);

  builder = gtk_builder_new_from_resource ("/ca/declic/Declic/ui/declic-shortcuts-window.ui");
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  declic_window_update_actions (self);
}
