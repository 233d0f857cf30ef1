/* declic-wizard-item-list.c: the repeated items of one array of the draft, with Add.
 *
 * A preferences group over a DeclicDraftItems: when the model says which positions changed,
 * only the rows from there on are touched, and they are not made again: they stay in place
 * and show the item now at their position (renamed, refilled). Rows of an item gone wait,
 * hidden, for the next item added. Nothing else on the page is built again, so the focus and
 * the scroll position stay where the user is; the focus follows its item.
 *
 * An item of an object array (a diploma) is a DeclicWizardItem, one expander row; an item of
 * an array of plain values (a citizenship) is one field row with a Remove button.
 */
#define G_LOG_DOMAIN "declic-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-wizard-item.h"
#include "declic-wizard-item-list.h"
#include "declic-wizard-private.h"

typedef struct
{
  DeclicWizardItemList *list;
  DeclicDraftItem      *item;
  GtkWidget            *widget;        /* a DeclicWizardItem, or NULL for a plain value */
  DeclicWizardField    *field;         /* a plain value: its field */
  GtkWidget            *row;           /* a plain value: its row, kept while the field may be gone */
  GtkWidget            *remove_button; /* a plain value: its Remove button */
  gboolean              registered;    /* a plain value: its field is in the wizard's table */
} Entry;

struct _DeclicWizardItemList
{
  AdwPreferencesGroup  parent_instance;

  DeclicWizard        *wizard;     /* not a reference: the wizard outlives its pages */
  DeclicDraftItems    *model;
  gulong               items_changed_handler;
  char                *array_path;
  const DeclicFieldSpec *item_spec;
  gboolean             plain;      /* an array of plain values, not of objects */
  GtkWidget           *add_button;
  GtkListBox          *list;
  GtkWidget           *empty_row;  /* "None yet", first */
  GPtrArray           *entries;    /* Entry, one per position of the model */
  GPtrArray           *spares;     /* Entry, hidden, after the others in the list, unbound */
};

G_DEFINE_FINAL_TYPE (DeclicWizardItemList, declic_wizard_item_list, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_ARRAY_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void declic_wizard_item_list_constructed (GObject *object);

static const char *
item_label (DeclicWizardItemList *self)
{
  return self->item_spec != NULL && self->item_spec->label != NULL
         ? g_dgettext (GETTEXT_PACKAGE, self->item_spec->label) : "";
}

/* Entries: the rows of one position of the list, bound to the item at that position. */

static void
on_plain_remove_clicked (GtkButton *button,
                         Entry     *entry)
{
  if (entry->item != NULL)
    declic_wizard_remove_item (entry->list->wizard, entry->list->array_path,
                               declic_draft_item_get_index (entry->item));
}

static void
entry_unregister (Entry *entry)
{
  if (entry->widget != NULL)
    declic_wizard_item_unregister (DECLIC_WIZARD_ITEM (entry->widget));
  else if (entry->registered && entry->list->wizard->fields != NULL)
    {
      g_hash_table_steal (entry->list->wizard->fields, entry->field->path);
      entry->registered = FALSE;
    }
}

static void
entry_register (Entry *entry)
{
  if (entry->widget != NULL)
    declic_wizard_item_register (DECLIC_WIZARD_ITEM (entry->widget));
  else if (!entry->registered && entry->item != NULL && entry->list->wizard->fields != NULL)
    {
      declic_wizard_field_set_path (entry->field, declic_draft_item_get_path (entry->item));
      g_hash_table_replace (entry->list->wizard->fields, entry->field->path, entry->field);
      entry->registered = TRUE;
    }
}

static void
entry_load (Entry *entry)
{
  if (entry->widget != NULL)
    declic_wizard_item_load (DECLIC_WIZARD_ITEM (entry->widget));
  else
    {
      entry->list->wizard->loading++;
      declic_wizard_field_load (entry->field);
      entry->list->wizard->loading--;
    }
}

/* The rows show @item (NULL: hidden, kept for the next item). Two passes (all out of the
 * wizard's table, then all in) keep two items that swap names from meeting there. */
static void
entry_bind (Entry           *entry,
            DeclicDraftItem *item)
{
  if (entry->widget != NULL)
    {
      declic_wizard_item_bind (DECLIC_WIZARD_ITEM (entry->widget), item);
      entry->item = item;
    }
  else
    {
      gboolean same = entry->item == item && entry->registered;

      entry_unregister (entry);
      g_set_object (&entry->item, item);
      if (item != NULL)
        {
          entry_register (entry);
          if (!same)
            {
              declic_wizard_field_drop_unstored (entry->field);
              entry_load (entry);
            }
        }
    }
}

static Entry *
entry_new (DeclicWizardItemList *self,
           DeclicDraftItem      *item)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->list = self;
  if (!self->plain)
    {
      entry->widget = g_object_ref_sink (declic_wizard_item_new (self->wizard, item));
      entry->item = item;  /* the widget holds it */
    }
  else
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      entry->item = g_object_ref (item);
      entry->field = declic_wizard_field_new (self->wizard, declic_draft_item_get_path (item), item_label (self));
      entry->row = g_object_ref_sink (entry->field->row);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect (button, "clicked", G_CALLBACK (on_plain_remove_clicked), entry);
      entry->remove_button = button;
      if (ADW_IS_ACTION_ROW (entry->field->row))
        adw_action_row_add_suffix (ADW_ACTION_ROW (entry->field->row), button);
      else
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry->field->row), button);
      entry_register (entry);
      entry_load (entry);
    }
  return entry;
}

/* The rows the entry takes in the list, in order. */
static guint
entry_get_rows (Entry      *entry,
                GtkWidget **rows)
{
  guint n = 0;

  if (entry->widget != NULL)
    rows[n++] = entry->widget;
  else if (entry->field != NULL)
    {
      rows[n++] = entry->field->row;
      if (entry->field->combo_row != NULL)
        rows[n++] = entry->field->combo_row;
      rows[n++] = entry->field->message_row;
    }
  return n;
}

/* Appends the entry's rows to the list: after every other entry and spare. */
static void
entry_append_rows (Entry *entry)
{
  DeclicWizardItemList *self = entry->list;

  if (entry->widget != NULL)
    gtk_list_box_append (self->list, entry->widget);
  else
    declic_wizard_field_insert_into (entry->field, self->list, -1);
}

static void
entry_set_shown (Entry    *entry,
                 gboolean  shown)
{
  if (entry->widget != NULL)
    gtk_widget_set_visible (entry->widget, shown);
  else
    {
      /* The message row shows again with its next message. */
      gtk_widget_set_visible (entry->field->row, shown && entry->field->applies);
      if (!shown)
        gtk_widget_set_visible (entry->field->message_row, FALSE);
      declic_wizard_field_forget_message (entry->field);
    }
}

static void
entry_free (Entry *entry)
{
  if (entry->widget != NULL)
    {
      declic_wizard_item_forget (DECLIC_WIZARD_ITEM (entry->widget));
      g_object_unref (entry->widget);
    }
  if (entry->row != NULL)
    {
      g_signal_handlers_disconnect_by_data (entry->remove_button, entry);
      /* A wizard being disposed has freed its table and the fields in it. */
      if (!entry->registered || entry->list->wizard->fields != NULL)
        {
          entry_unregister (entry);
          declic_wizard_field_free (entry->field);
        }
      g_object_unref (entry->row);
      g_clear_object (&entry->item);
    }
  g_free (entry);
}

/* Takes the entry's rows out of the list, and frees it. */
static void
entry_remove (Entry *entry)
{
  GtkWidget *rows[3];
  guint n = entry_get_rows (entry, rows);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (entry->list));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (guint i = 0; i < n; i++)
    {
      /* GTK would hand the focus to a row already out of its list. */
      if (focus != NULL && (focus == rows[i] || gtk_widget_is_ancestor (focus, rows[i])))
        gtk_root_set_focus (root, NULL);
      if (gtk_widget_get_parent (rows[i]) == GTK_WIDGET (entry->list->list))
        gtk_list_box_remove (entry->list->list, rows[i]);
    }
  entry_free (entry);
}

static void
entry_update (Entry *entry,
              guint  position,
              guint  n_stored)
{
  if (entry->widget != NULL)
    declic_wizard_item_update (DECLIC_WIZARD_ITEM (entry->widget), position, n_stored);
  else if (entry->field != NULL)
    {
      g_autofree char *title = g_strdup_printf ("%s %u", item_label (entry->list), position + 1);
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), title);

      /* As for an item (declic_wizard_item_update ()): only what has changed. */
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry->field->row)), title) == 0)
        return;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry->field->row), title);
      gtk_widget_set_tooltip_text (entry->remove_button, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry->remove_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
    }
}

/* Where @focus is in the entry: a field's index (0 for a plain value), -1 elsewhere in it,
 * -2 not in it. */
static int
entry_find_focus (Entry     *entry,
                  GtkWidget *focus)
{
  GtkWidget *rows[3];
  guint n;

  if (focus == NULL)
    return -2;
  if (entry->widget != NULL)
    return declic_wizard_item_find_focus (DECLIC_WIZARD_ITEM (entry->widget), focus);
  n = entry_get_rows (entry, rows);
  for (guint i = 0; i < n; i++)
    if (focus == rows[i] || gtk_widget_is_ancestor (focus, rows[i]))
      return focus == entry->remove_button ? -1 : 0;
  return -2;
}

static void
entry_focus (Entry *entry,
             int    where)
{
  if (entry->widget != NULL)
    declic_wizard_item_focus_field (DECLIC_WIZARD_ITEM (entry->widget), where);
  else if (where == -1)
    gtk_widget_grab_focus (entry->remove_button);
  else
    declic_wizard_field_focus (entry->field);
}

/* The list */

static void
update_entries (DeclicWizardItemList *self)
{
  guint n_stored = self->entries->len;

  if (self->model != NULL && declic_draft_items_get_pending (self->model, NULL))
    n_stored--;
  for (guint i = 0; i < self->entries->len; i++)
    entry_update (g_ptr_array_index (self->entries, i), i, n_stored);
  gtk_widget_set_visible (self->empty_row, self->entries->len == 0);
}

/* The model says which positions changed; the rows stay in place and show the items now at
 * their positions: those from @position on are handed their item again (a renaming and a
 * refill when it is another), the rows of an item gone wait hidden for the next one, and only
 * an item beyond every row ever made makes new rows. The focus follows its item. */
static void
on_items_changed (GListModel           *model,
                  guint                 position,
                  guint                 removed,
                  guint                 added,
                  DeclicWizardItemList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autoptr(DeclicDraftItem) focus_item = NULL;
  int focus_where = -2;
  guint n = g_list_model_get_n_items (model);

  for (guint i = position; i < self->entries->len && focus_where == -2; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      focus_where = entry_find_focus (entry, focus);
      if (focus_where != -2 && entry->item != NULL)
        focus_item = g_object_ref (entry->item);
    }
  if (focus_where != -2)
    /* GTK would hand the focus on to a row being hidden or refilled. */
    gtk_root_set_focus (root, NULL);

  /* Rows beyond the items: hidden, kept first among the spares (they come right after). */
  while (self->entries->len > n)
    {
      Entry *entry = g_ptr_array_steal_index (self->entries, self->entries->len - 1);

      entry_bind (entry, NULL);
      entry_set_shown (entry, FALSE);
      g_ptr_array_insert (self->spares, 0, entry);
    }
  for (guint i = position; i < self->entries->len; i++)
    entry_unregister (g_ptr_array_index (self->entries, i));
  for (guint i = position; i < n; i++)
    {
      g_autoptr(DeclicDraftItem) item = g_list_model_get_item (model, i);
      Entry *entry;

      if (i < self->entries->len)
        {
          entry = g_ptr_array_index (self->entries, i);
          entry_bind (entry, item);
          continue;
        }
      if (self->spares->len > 0)
        {
          entry = g_ptr_array_steal_index (self->spares, 0);
          entry_bind (entry, item);
          entry_set_shown (entry, TRUE);
        }
      else
        {
          entry = entry_new (self, item);
          entry_append_rows (entry);
        }
      /* An item added, or given back by Undo, opens: the user is about to fill it. */
      if (entry->widget != NULL)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (entry->widget), TRUE);
      g_ptr_array_add (self->entries, entry);
    }
  update_entries (self);

  if (focus_item != NULL)
    for (guint i = 0; i < self->entries->len; i++)
      {
        Entry *entry = g_ptr_array_index (self->entries, i);

        if (entry->item == focus_item)
          {
            entry_focus (entry, focus_where);
            break;
          }
      }
}

static void
on_add_clicked (DeclicWizardItemList *self)
{
  declic_wizard_add_item (self->wizard, self->array_path);
}

static void
declic_wizard_item_list_dispose (GObject *object)
{
  DeclicWizardItemList *self = DECLIC_WIZARD_ITEM_LIST (object);

  declic_wizard_item_list_forget (self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (declic_wizard_item_list_parent_class)->dispose (object);
}

static void
declic_wizard_item_list_finalize (GObject *object)
{
  DeclicWizardItemList *self = DECLIC_WIZARD_ITEM_LIST (object);

  g_ptr_array_unref (self->entries);
  g_ptr_array_unref (self->spares);
  g_free (self->array_path);

  G_OBJECT_CLASS (declic_wizard_item_list_parent_class)->finalize (object);
}

static void
declic_wizard_item_list_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DeclicWizardItemList *self = DECLIC_WIZARD_ITEM_LIST (object);

  switch (prop_id)
    {
    case PROP_ARRAY_PATH:
      g_value_set_string (value, self->array_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
declic_wizard_item_list_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DeclicWizardItemList *self = DECLIC_WIZARD_ITEM_LIST (object);

  switch (prop_id)
    {
    case PROP_ARRAY_PATH:
      g_free (self->array_path);
      self->array_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
declic_wizard_item_list_class_init (DeclicWizardItemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = declic_wizard_item_list_constructed;
  object_class->dispose = declic_wizard_item_list_dispose;
  object_class->finalize = declic_wizard_item_list_finalize;
  object_class->get_property = declic_wizard_item_list_get_property;
  object_class->set_property = declic_wizard_item_list_set_property;

  /* The list of the draft it shows ("education"). */
  properties[PROP_ARRAY_PATH] =
    g_param_spec_string ("array-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
declic_wizard_item_list_init (DeclicWizardItemList *self)
{
  self->entries = g_ptr_array_new ();
  self->spares = g_ptr_array_new ();
}

/* The parts that do not depend on the draft: title, Add and the empty list. */
static void
declic_wizard_item_list_constructed (GObject *object)
{
  DeclicWizardItemList *self = DECLIC_WIZARD_ITEM_LIST (object);
  const DeclicFieldSpec *spec = declic_draft_fields_lookup_path (self->array_path);
  g_autofree char *pattern = declic_draft_fields_path_to_pattern (self->array_path);
  g_autofree char *item_pattern = g_strconcat (pattern, "[]", NULL);
  g_autofree char *add_label = NULL;
  GtkWidget *content;

  G_OBJECT_CLASS (declic_wizard_item_list_parent_class)->constructed (object);

  if (spec == NULL)
    g_critical ("No list %s in the field table", self->array_path);
  self->item_spec = declic_draft_fields_lookup (item_pattern);
  self->plain = self->item_spec != NULL && self->item_spec->type != DECLIC_FIELD_OBJECT;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   spec != NULL && spec->label != NULL ? g_dgettext (GETTEXT_PACKAGE, spec->label) : "");

  /* TRANSLATORS: the button that adds an item to a list: "Add: Diploma" */
  add_label = g_strdup_printf (_("Add: %s"), item_label (self));
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  /* The whole "Add: Diploma" shown, and read from the text alone: GTK 4.8 adds a button's
   * text to its accessible label, so a label "Add: Diploma" over a text "Add" was read
   * "Add: Diploma Add". */
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), add_label);
  self->add_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->add_button), content);
  gtk_widget_add_css_class (self->add_button, "flat");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);

  /* A list of its own, as the group's: rows can then go in at any place. */
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _("None yet"));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
  /* Nothing to do there: not a Tab stop between Add and the next field. */
  gtk_widget_set_focusable (self->empty_row, FALSE);
  gtk_list_box_append (self->list, self->empty_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));
}

/**
 * declic_wizard_item_list_bind:
 *
 * Shows the items of @wizard's draft, and follows them. Call declic_wizard_item_list_forget ()
 * before binding it again (another draft).
 */
void
declic_wizard_item_list_bind (DeclicWizardItemList *self,
                              DeclicWizard         *wizard)
{
  DeclicDraft *draft = declic_wizard_get_draft (wizard);

  g_return_if_fail (DECLIC_IS_WIZARD_ITEM_LIST (self));
  g_return_if_fail (self->model == NULL && self->entries->len == 0);

  self->wizard = wizard;
  if (draft != NULL)
    {
      guint n;

      self->model = declic_draft_items_new (draft, self->array_path);
      n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DeclicDraftItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), i);
          Entry *entry = entry_new (self, item);

          g_ptr_array_add (self->entries, entry);
          entry_append_rows (entry);
        }
      self->items_changed_handler = g_signal_connect (self->model, "items-changed",
                                                      G_CALLBACK (on_items_changed), self);
    }
  update_entries (self);
}

const char *
declic_wizard_item_list_get_array_path (DeclicWizardItemList *self)
{
  g_return_val_if_fail (DECLIC_IS_WIZARD_ITEM_LIST (self), NULL);

  return self->array_path;
}

DeclicDraftItems *
declic_wizard_item_list_get_model (DeclicWizardItemList *self)
{
  g_return_val_if_fail (DECLIC_IS_WIZARD_ITEM_LIST (self), NULL);

  return self->model;
}

GtkWidget *
declic_wizard_item_list_get_add_button (DeclicWizardItemList *self)
{
  g_return_val_if_fail (DECLIC_IS_WIZARD_ITEM_LIST (self), NULL);

  return self->add_button;
}

/* Focuses the first field of the item at @position; FALSE when there is none. */
gboolean
declic_wizard_item_list_focus_item (DeclicWizardItemList *self,
                                    guint                 position)
{
  Entry *entry;

  g_return_val_if_fail (DECLIC_IS_WIZARD_ITEM_LIST (self), FALSE);

  if (position >= self->entries->len)
    return FALSE;
  entry = g_ptr_array_index (self->entries, position);
  entry_focus (entry, -3);  /* its first field */
  return TRUE;
}

/* The items' titles, buttons and summaries, after a change (a pending item taken in). */
void
declic_wizard_item_list_refresh (DeclicWizardItemList *self)
{
  g_return_if_fail (DECLIC_IS_WIZARD_ITEM_LIST (self));

  update_entries (self);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->widget != NULL)
        declic_wizard_item_update_summary (DECLIC_WIZARD_ITEM (entry->widget));
    }
}

/* Fills every item's rows from the draft again (an Undo that gave the pending item values). */
void
declic_wizard_item_list_load (DeclicWizardItemList *self)
{
  g_return_if_fail (DECLIC_IS_WIZARD_ITEM_LIST (self));

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      entry_load (entry);
    }
}

/* Its fields go, before the wizard's table or the page is dropped; the rows stay until then. */
void
declic_wizard_item_list_forget (DeclicWizardItemList *self)
{
  g_return_if_fail (DECLIC_IS_WIZARD_ITEM_LIST (self));

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_handler, self->model);
  g_clear_object (&self->model);
  for (guint i = 0; i < self->entries->len; i++)
    entry_remove (g_ptr_array_index (self->entries, i));
  g_ptr_array_set_size (self->entries, 0);
  for (guint i = 0; i < self->spares->len; i++)
    entry_remove (g_ptr_array_index (self->spares, i));
  g_ptr_array_set_size (self->spares, 0);
  update_entries (self);
}
