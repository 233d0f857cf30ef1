/* declic-wizard-item.c: the rows of one repeated item of the wizard (a diploma, a work period).
 *
 * An expander row titled "Period 2", with a row per field of the item (from the field table)
 * and a last row to move or remove it. It follows its DeclicDraftItem: when an item before it
 * leaves, its rows are renamed ("work_history[2].employer" → "[1]"), not made again, so that
 * the focus and what the user sees stay where they are.
 *
 * Its fields are the wizard's (the table of path → field, for messages and focus): the item
 * registers them under their current paths and takes them out before they change.
 */
#define G_LOG_DOMAIN "declic-wizard"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "declic-wizard-item.h"
#include "declic-wizard-private.h"

struct _DeclicWizardItem
{
  AdwExpanderRow     parent_instance;

  DeclicWizard      *wizard;      /* not a reference: the wizard outlives its pages */
  DeclicDraftItem   *item;        /* NULL while its rows wait to be used again */
  char              *array_path;
  char              *path;        /* the item path its fields are named under */
  GPtrArray         *fields;      /* DeclicWizardField; the wizard's table owns them while registered */
  gboolean           registered;
  GtkWidget         *actions;
  GtkWidget         *up_button;
  GtkWidget         *down_button;
  GtkWidget         *remove_button;
};

G_DEFINE_FINAL_TYPE (DeclicWizardItem, declic_wizard_item, ADW_TYPE_EXPANDER_ROW)

/* Fields shown as an item's summary, in order of preference. */
static const char *const summary_keys[] = {
  "title", "job_title", "test", "given_names", "family_names", "description", "type", NULL
};

static const char *
item_label (DeclicWizardItem *self)
{
  g_autofree char *pattern = declic_draft_fields_path_to_pattern (self->array_path);
  g_autofree char *item_pattern = g_strconcat (pattern, "[]", NULL);
  const DeclicFieldSpec *spec = declic_draft_fields_lookup (item_pattern);

  return spec != NULL && spec->label != NULL ? g_dgettext (GETTEXT_PACKAGE, spec->label) : "";
}

static void
on_remove_clicked (DeclicWizardItem *self)
{
  if (self->item != NULL)
    declic_wizard_remove_item (self->wizard, self->array_path, declic_draft_item_get_index (self->item));
}

static void
on_up_clicked (DeclicWizardItem *self)
{
  guint index = self->item != NULL ? declic_draft_item_get_index (self->item) : 0;

  if (index > 0)
    declic_wizard_move_item (self->wizard, self->array_path, index, index - 1);
}

static void
on_down_clicked (DeclicWizardItem *self)
{
  if (self->item != NULL)
    {
      guint index = declic_draft_item_get_index (self->item);

      declic_wizard_move_item (self->wizard, self->array_path, index, index + 1);
    }
}

static GtkWidget *
new_button (DeclicWizardItem *self,
            const char       *icon,
            GCallback         callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->actions), button);
  return button;
}

static void
set_button_label (GtkWidget  *button,
                  const char *label)
{
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
declic_wizard_item_dispose (GObject *object)
{
  DeclicWizardItem *self = DECLIC_WIZARD_ITEM (object);

  declic_wizard_item_forget (self);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (declic_wizard_item_parent_class)->dispose (object);
}

static void
declic_wizard_item_finalize (GObject *object)
{
  DeclicWizardItem *self = DECLIC_WIZARD_ITEM (object);

  g_ptr_array_unref (self->fields);
  g_free (self->path);
  g_free (self->array_path);

  G_OBJECT_CLASS (declic_wizard_item_parent_class)->finalize (object);
}

static void
declic_wizard_item_class_init (DeclicWizardItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = declic_wizard_item_dispose;
  object_class->finalize = declic_wizard_item_finalize;
}

static void
declic_wizard_item_init (DeclicWizardItem *self)
{
  self->fields = g_ptr_array_new ();
}

/**
 * declic_wizard_item_new:
 *
 * The rows of @item: one per value of the item in the field table, then Move up, Move down
 * and Remove. Its fields are registered with the wizard and filled from the draft.
 */
GtkWidget *
declic_wizard_item_new (DeclicWizard    *wizard,
                        DeclicDraftItem *item)
{
  DeclicWizardItem *self = g_object_new (DECLIC_TYPE_WIZARD_ITEM, NULL);
  g_autofree char *pattern = declic_draft_fields_path_to_pattern (declic_draft_item_get_array_path (item));
  g_autofree char *prefix = g_strconcat (pattern, "[].", NULL);
  const DeclicFieldSpec *all;
  guint n_fields;

  self->wizard = wizard;
  self->item = g_object_ref (item);
  self->array_path = g_strdup (declic_draft_item_get_array_path (item));
  self->path = g_strdup (declic_draft_item_get_path (item));

  all = declic_draft_fields_get_all (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const char *rest;
      g_autofree char *path = NULL;
      DeclicWizardField *field;

      if (!g_str_has_prefix (all[i].pattern, prefix)
          || all[i].type == DECLIC_FIELD_OBJECT || all[i].type == DECLIC_FIELD_ARRAY)
        continue;
      rest = all[i].pattern + strlen (prefix);
      if (strstr (rest, "[]") != NULL)
        continue;
      path = g_strconcat (self->path, ".", rest, NULL);
      field = declic_wizard_field_new (wizard, path, NULL);
      declic_wizard_field_add_to (field, GTK_WIDGET (self));
      g_ptr_array_add (self->fields, field);
    }

  self->actions = adw_action_row_new ();
  gtk_widget_add_css_class (self->actions, "dim-label");
  self->up_button = new_button (self, "go-up-symbolic", G_CALLBACK (on_up_clicked));
  set_button_label (self->up_button, _("Move up"));
  self->down_button = new_button (self, "go-down-symbolic", G_CALLBACK (on_down_clicked));
  set_button_label (self->down_button, _("Move down"));
  self->remove_button = new_button (self, "user-trash-symbolic", G_CALLBACK (on_remove_clicked));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->actions);

  declic_wizard_item_register (self);
  declic_wizard_item_load (self);
  return GTK_WIDGET (self);
}

DeclicDraftItem *
declic_wizard_item_get_item (DeclicWizardItem *self)
{
  g_return_val_if_fail (DECLIC_IS_WIZARD_ITEM (self), NULL);

  return self->item;
}

/* Its title and buttons, at @position among @n_stored items the draft holds. */
void
declic_wizard_item_update (DeclicWizardItem *self,
                           guint             position,
                           guint             n_stored)
{
  g_autofree char *title = g_strdup_printf ("%s %u", item_label (self), position + 1);
  /* TRANSLATORS: a button's name: "Remove Diploma 2" */
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), title);

  g_return_if_fail (DECLIC_IS_WIZARD_ITEM (self));

  /* Every check calls this: a tooltip or an accessible name set again costs a tooltip query
   * and an accessibility update even when it says the same. */
  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), title) != 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->actions), title);
      set_button_label (self->remove_button, remove_label);
    }
  /* The item still pending has nothing to move past, nor anything to move past it. */
  gtk_widget_set_visible (self->up_button, position > 0 && position < n_stored);
  gtk_widget_set_visible (self->down_button, position + 1 < n_stored);
}

/* The subtitle: its title, job, test... */
void
declic_wizard_item_update_summary (DeclicWizardItem *self)
{
  DeclicDraft *draft = declic_wizard_get_draft (self->wizard);
  const char *summary = NULL;

  g_return_if_fail (DECLIC_IS_WIZARD_ITEM (self));

  for (guint i = 0; draft != NULL && summary == NULL && summary_keys[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (self->path, ".", summary_keys[i], NULL);
      g_autofree char *pattern = declic_draft_fields_path_to_pattern (path);
      const char *value = declic_draft_fields_lookup (pattern) != NULL
                          ? declic_draft_get_string (draft, path) : NULL;

      if (value != NULL && *value != '\0')
        summary = declic_enum_choice_get_label (pattern, value);
    }
  if (summary == NULL)
    summary = "";
  if (g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (self)), summary) != 0)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), summary);
}

/* Fills its rows from the draft, writing nothing back. */
void
declic_wizard_item_load (DeclicWizardItem *self)
{
  g_return_if_fail (DECLIC_IS_WIZARD_ITEM (self));

  self->wizard->loading++;
  for (guint i = 0; i < self->fields->len; i++)
    declic_wizard_field_load (g_ptr_array_index (self->fields, i));
  self->wizard->loading--;
}

/* Focuses its first field that applies. */
gboolean
declic_wizard_item_focus (DeclicWizardItem *self)
{
  g_return_val_if_fail (DECLIC_IS_WIZARD_ITEM (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      DeclicWizardField *field = g_ptr_array_index (self->fields, i);

      if (field->applies)
        {
          declic_wizard_field_focus (field);
          return TRUE;
        }
    }
  return FALSE;
}

/* Takes its fields out of the wizard's table, before their paths change. */
void
declic_wizard_item_unregister (DeclicWizardItem *self)
{
  g_return_if_fail (DECLIC_IS_WIZARD_ITEM (self));

  if (!self->registered || self->wizard->fields == NULL)
    return;
  for (guint i = 0; i < self->fields->len; i++)
    g_hash_table_steal (self->wizard->fields, ((DeclicWizardField *) g_ptr_array_index (self->fields, i))->path);
  self->registered = FALSE;
}

/* Names its fields after the item's current path and puts them in the wizard's table. */
void
declic_wizard_item_register (DeclicWizardItem *self)
{
  const char *path;
  gsize old_length;

  g_return_if_fail (DECLIC_IS_WIZARD_ITEM (self));

  if (self->registered || self->wizard->fields == NULL || self->item == NULL)
    return;
  path = declic_draft_item_get_path (self->item);
  old_length = strlen (self->path);
  for (guint i = 0; i < self->fields->len; i++)
    {
      DeclicWizardField *field = g_ptr_array_index (self->fields, i);
      g_autofree char *renamed = g_strconcat (path, field->path + old_length, NULL);

      declic_wizard_field_set_path (field, renamed);
      g_hash_table_replace (self->wizard->fields, field->path, field);
    }
  g_free (self->path);
  self->path = g_strdup (path);
  self->registered = TRUE;
}

/* Its fields go (its page is built again, or the wizard goes); the rows stay until disposed. */
void
declic_wizard_item_forget (DeclicWizardItem *self)
{
  g_return_if_fail (DECLIC_IS_WIZARD_ITEM (self));

  /* A wizard being disposed has freed its table and the fields in it. */
  if (!self->registered || self->wizard->fields != NULL)
    {
      declic_wizard_item_unregister (self);
      for (guint i = 0; i < self->fields->len; i++)
        declic_wizard_field_free (g_ptr_array_index (self->fields, i));
    }
  g_ptr_array_set_size (self->fields, 0);
  self->registered = FALSE;
}

/**
 * declic_wizard_item_bind:
 * @item: (nullable): the item to show, or %NULL to keep the rows for later
 *
 * The rows show another item: the list keeps its rows in place and hands them the item now
 * at their position, rather than moving rows (which would style and lay them out again).
 */
void
declic_wizard_item_bind (DeclicWizardItem *self,
                         DeclicDraftItem  *item)
{
  gboolean same;

  g_return_if_fail (DECLIC_IS_WIZARD_ITEM (self));

  same = self->item == item;
  if (same && (item == NULL || self->registered))
    return;
  declic_wizard_item_unregister (self);
  g_set_object (&self->item, item);
  if (item == NULL)
    return;
  declic_wizard_item_register (self);
  if (!same)
    {
      for (guint i = 0; i < self->fields->len; i++)
        declic_wizard_field_drop_unstored (g_ptr_array_index (self->fields, i));
      declic_wizard_item_load (self);
    }
}

/* Which of its fields holds @focus: its index, -1 for the row of buttons, -2 for none. */
int
declic_wizard_item_find_focus (DeclicWizardItem *self,
                               GtkWidget        *focus)
{
  g_return_val_if_fail (DECLIC_IS_WIZARD_ITEM (self), -2);

  if (focus == NULL)
    return -2;
  for (guint i = 0; i < self->fields->len; i++)
    {
      DeclicWizardField *field = g_ptr_array_index (self->fields, i);

      if (focus == field->row || gtk_widget_is_ancestor (focus, field->row)
          || (field->combo_row != NULL && (focus == field->combo_row || gtk_widget_is_ancestor (focus, field->combo_row))))
        return (int) i;
    }
  if (focus == self->actions || gtk_widget_is_ancestor (focus, self->actions))
    return -1;
  return focus == GTK_WIDGET (self) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) ? -1 : -2;
}

/* Focuses the field at @index (declic_wizard_item_find_focus ()), or the first one. */
void
declic_wizard_item_focus_field (DeclicWizardItem *self,
                                int               index)
{
  g_return_if_fail (DECLIC_IS_WIZARD_ITEM (self));

  if (index >= 0 && (guint) index < self->fields->len
      && ((DeclicWizardField *) g_ptr_array_index (self->fields, index))->applies)
    declic_wizard_field_focus (g_ptr_array_index (self->fields, index));
  else
    declic_wizard_item_focus (self);
}
