/* declic-section-page.c: the base of the wizard's pages, one per section of the DI.
 *
 * A page is a scrolled column: the section's title and what it asks for, the findings that
 * have no field of their own ("To look at in this section"), then the children its template
 * gives it: DeclicFieldGroup (fields named by their draft paths) and DeclicWizardItemList
 * (the repeated items of one list), and whatever else the page wants. Each section's page is a
 * class of its own with its own template (ui/wizard/sections/), so that one can be tailored
 * in its .ui file and in its code (the groups that apply to the situation, in refresh ()).
 *
 * The rows of its fields are made the first time the page is bound, and kept: another draft
 * only fills them again. Its lists follow the draft they are bound to. A page is bound when it
 * is first shown, so that opening a draft builds one page, not eleven. Loading is done with
 * the wizard's loading count held, so that nothing filled from the draft is written back.
 */
#define G_LOG_DOMAIN "declic-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-applies.h"
#include "declic-field-group.h"
#include "declic-section-page.h"
#include "declic-wizard-item-list.h"
#include "declic-wizard-private.h"

typedef struct
{
  GtkWidget *row;
  GtkWidget *icon;
  char      *path;
} MessageRow;

typedef struct
{
  DeclicWizard *wizard;        /* not a reference: the wizard owns its pages */
  GtkWidget    *content;       /* the column: title, description, messages, the template's */
  GtkWidget    *title;
  GtkWidget    *description;
  GtkWidget    *messages;      /* AdwPreferencesGroup: findings with no field of their own */
  GPtrArray    *message_rows;  /* MessageRow, in order, reused from one check to the next */
  GPtrArray    *fields;        /* DeclicWizardField of its groups; the wizard's table owns them */
  gboolean      made;          /* its groups' rows are made */
  gboolean      bound;         /* filled from the wizard's draft, its lists following it */
} DeclicSectionPagePrivate;

static void declic_section_page_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (DeclicSectionPage, declic_section_page, ADW_TYPE_BIN,
                         G_ADD_PRIVATE (DeclicSectionPage)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, declic_section_page_buildable_init))

enum
{
  PROP_0,
  PROP_WIZARD,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

static void
message_row_free (MessageRow *message)
{
  g_free (message->path);
  g_free (message);
}

/* GtkBuildable: the template's children go into the column, after the messages. */
static void
declic_section_page_add_child (GtkBuildable *buildable,
                               GtkBuilder   *builder,
                               GObject      *child,
                               const char   *type)
{
  DeclicSectionPagePrivate *priv = declic_section_page_get_instance_private (DECLIC_SECTION_PAGE (buildable));

  if (priv->content != NULL && GTK_IS_WIDGET (child) && type == NULL)
    gtk_box_append (GTK_BOX (priv->content), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
declic_section_page_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = declic_section_page_add_child;
}

static void
declic_section_page_constructed (GObject *object)
{
  DeclicSectionPagePrivate *priv = declic_section_page_get_instance_private (DECLIC_SECTION_PAGE (object));
  DeclicSection section = DECLIC_SECTION_PAGE_GET_CLASS (object)->section;

  G_OBJECT_CLASS (declic_section_page_parent_class)->constructed (object);

  g_return_if_fail (section > DECLIC_SECTION_NONE && section < DECLIC_N_SECTIONS);
  gtk_label_set_text (GTK_LABEL (priv->title), declic_section_get_title (section));
}

static void
declic_section_page_finalize (GObject *object)
{
  DeclicSectionPagePrivate *priv = declic_section_page_get_instance_private (DECLIC_SECTION_PAGE (object));

  g_ptr_array_unref (priv->message_rows);
  g_ptr_array_unref (priv->fields);

  G_OBJECT_CLASS (declic_section_page_parent_class)->finalize (object);
}

static void
declic_section_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DeclicSectionPagePrivate *priv = declic_section_page_get_instance_private (DECLIC_SECTION_PAGE (object));

  switch (prop_id)
    {
    case PROP_WIZARD:
      g_value_set_object (value, priv->wizard);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, gtk_label_get_text (GTK_LABEL (priv->description)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
declic_section_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DeclicSectionPagePrivate *priv = declic_section_page_get_instance_private (DECLIC_SECTION_PAGE (object));

  switch (prop_id)
    {
    case PROP_WIZARD:
      priv->wizard = g_value_get_object (value);
      break;
    case PROP_DESCRIPTION:
      gtk_label_set_text (GTK_LABEL (priv->description), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
declic_section_page_class_init (DeclicSectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = declic_section_page_constructed;
  object_class->finalize = declic_section_page_finalize;
  object_class->get_property = declic_section_page_get_property;
  object_class->set_property = declic_section_page_set_property;

  klass->section = DECLIC_SECTION_NONE;

  /* What the pages' templates are made of. */
  g_type_ensure (DECLIC_TYPE_FIELD_GROUP);
  g_type_ensure (DECLIC_TYPE_WIZARD_ITEM_LIST);

  properties[PROP_WIZARD] =
    g_param_spec_object ("wizard", NULL, NULL, DECLIC_TYPE_WIZARD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* What the section asks for, under its title: set in the page's template. */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* The column every page has; the template of the page's own class fills the rest. */
static void
declic_section_page_init (DeclicSectionPage *self)
{
  DeclicSectionPagePrivate *priv = declic_section_page_get_instance_private (self);
  GtkWidget *scrolled, *clamp;

  priv->message_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) message_row_free);
  priv->fields = g_ptr_array_new ();

  priv->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (priv->content, 24);
  gtk_widget_set_margin_bottom (priv->content, 24);
  gtk_widget_set_margin_start (priv->content, 12);
  gtk_widget_set_margin_end (priv->content, 12);

  /* Its text in constructed (): a parent's init sees its own class, not the page's. */
  priv->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (priv->title), 0);
  gtk_label_set_wrap (GTK_LABEL (priv->title), TRUE);
  gtk_widget_add_css_class (priv->title, "title-1");
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (priv->content), priv->title);
  priv->description = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (priv->description), 0);
  gtk_label_set_wrap (GTK_LABEL (priv->description), TRUE);
  gtk_widget_add_css_class (priv->description, "dim-label");
  gtk_box_append (GTK_BOX (priv->content), priv->description);

  priv->messages = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (priv->messages), _("To look at in this section"));
  gtk_widget_set_visible (priv->messages, FALSE);
  gtk_box_append (GTK_BOX (priv->content), priv->messages);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), priv->content);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_bin_set_child (ADW_BIN (self), scrolled);
}

GtkWidget *
declic_section_page_new (GType         type,
                         DeclicWizard *wizard)
{
  g_return_val_if_fail (g_type_is_a (type, DECLIC_TYPE_SECTION_PAGE), NULL);

  return g_object_new (type, "wizard", wizard, NULL);
}

DeclicSection
declic_section_page_get_section (DeclicSectionPage *self)
{
  g_return_val_if_fail (DECLIC_IS_SECTION_PAGE (self), DECLIC_SECTION_NONE);

  return DECLIC_SECTION_PAGE_GET_CLASS (self)->section;
}

DeclicWizard *
declic_section_page_get_wizard (DeclicSectionPage *self)
{
  DeclicSectionPagePrivate *priv = declic_section_page_get_instance_private (self);

  g_return_val_if_fail (DECLIC_IS_SECTION_PAGE (self), NULL);

  return priv->wizard;
}

gboolean
declic_section_page_is_bound (DeclicSectionPage *self)
{
  DeclicSectionPagePrivate *priv = declic_section_page_get_instance_private (self);

  g_return_val_if_fail (DECLIC_IS_SECTION_PAGE (self), FALSE);

  return priv->bound;
}

/* The rows of its groups' fields, once: they are draft paths, the same for every draft. */
static void
make_fields (DeclicSectionPage *self)
{
  DeclicSectionPagePrivate *priv = declic_section_page_get_instance_private (self);

  for (GtkWidget *child = gtk_widget_get_first_child (priv->content); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GListModel *paths;

      if (!DECLIC_IS_FIELD_GROUP (child)
          || (paths = declic_field_group_get_paths (DECLIC_FIELD_GROUP (child))) == NULL)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (paths); i++)
        {
          g_autoptr(GtkStringObject) path = g_list_model_get_item (paths, i);
          DeclicWizardField *field = declic_wizard_field_new (priv->wizard, gtk_string_object_get_string (path), NULL);

          if (field == NULL)
            continue;
          declic_wizard_field_add_to (field, child);
          g_ptr_array_add (priv->fields, field);
          g_hash_table_replace (priv->wizard->fields, field->path, field);
        }
    }
  priv->made = TRUE;
}

/**
 * declic_section_page_bind:
 *
 * Fills the page from the wizard's draft and has its lists follow it: its rows are made the
 * first time. Does nothing when it is bound already.
 */
void
declic_section_page_bind (DeclicSectionPage *self)
{
  DeclicSectionPagePrivate *priv = declic_section_page_get_instance_private (self);

  g_return_if_fail (DECLIC_IS_SECTION_PAGE (self));

  if (priv->bound)
    return;
  if (!priv->made)
    make_fields (self);
  priv->bound = TRUE;

  priv->wizard->loading++;
  for (GtkWidget *child = gtk_widget_get_first_child (priv->content); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (DECLIC_IS_WIZARD_ITEM_LIST (child))
      declic_wizard_item_list_bind (DECLIC_WIZARD_ITEM_LIST (child), priv->wizard);
  for (guint i = 0; i < priv->fields->len; i++)
    declic_wizard_field_load (g_ptr_array_index (priv->fields, i));
  priv->wizard->loading--;
  declic_section_page_refresh (self);
}

/**
 * declic_section_page_unbind:
 *
 * Before another draft, or a change of the draft's shape the lists did not follow: the lists
 * let go of their items, and a value typed that the draft could not hold goes. The rows of
 * its groups stay, to be filled again at the next bind.
 */
void
declic_section_page_unbind (DeclicSectionPage *self)
{
  DeclicSectionPagePrivate *priv = declic_section_page_get_instance_private (self);

  g_return_if_fail (DECLIC_IS_SECTION_PAGE (self));

  if (!priv->bound)
    return;
  priv->bound = FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (priv->content); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (DECLIC_IS_WIZARD_ITEM_LIST (child))
      declic_wizard_item_list_forget (DECLIC_WIZARD_ITEM_LIST (child));
  for (guint i = 0; i < priv->fields->len; i++)
    declic_wizard_field_drop_unstored (g_ptr_array_index (priv->fields, i));
}

/* The list of items of @array_path on this page, or NULL. */
DeclicWizardItemList *
declic_section_page_get_item_list (DeclicSectionPage *self,
                                   const char        *array_path)
{
  DeclicSectionPagePrivate *priv = declic_section_page_get_instance_private (self);

  g_return_val_if_fail (DECLIC_IS_SECTION_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (priv->content); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (DECLIC_IS_WIZARD_ITEM_LIST (child)
        && g_strcmp0 (declic_wizard_item_list_get_array_path (DECLIC_WIZARD_ITEM_LIST (child)), array_path) == 0)
      return DECLIC_WIZARD_ITEM_LIST (child);
  return NULL;
}

/* What a page's class_init does (DECLIC_DEFINE_SECTION_PAGE ()): @children are the ids in its
 * template that declic_section_page_get_child () finds. */
void
declic_section_page_class_setup (DeclicSectionPageClass *klass,
                                 DeclicSection           section,
                                 const char             *resource,
                                 void                  (*refresh) (DeclicSectionPage *self),
                                 const char *const      *children)
{
  klass->section = section;
  klass->refresh = refresh;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass), resource);
  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    gtk_widget_class_bind_template_child_full (GTK_WIDGET_CLASS (klass), children[i], FALSE, 0);
}

GtkWidget *
declic_section_page_get_child (DeclicSectionPage *self,
                               const char        *id)
{
  GObject *child;

  g_return_val_if_fail (DECLIC_IS_SECTION_PAGE (self), NULL);

  child = gtk_widget_get_template_child (GTK_WIDGET (self), G_OBJECT_TYPE (self), id);
  if (!GTK_IS_WIDGET (child))
    g_critical ("%s has no child %s in its template", G_OBJECT_TYPE_NAME (self), id);
  return GTK_WIDGET (child);
}

/* For a page's refresh (): @widget shows when the draft's boolean at @boolean_path is @value
 * (absent counts as off). */
void
declic_section_page_show_when (DeclicSectionPage *self,
                               GtkWidget         *widget,
                               const char        *boolean_path,
                               gboolean           value)
{
  DeclicDraft *draft = declic_wizard_get_draft (declic_section_page_get_wizard (self));

  gtk_widget_set_visible (widget, draft == NULL
                          || declic_draft_get_boolean (draft, boolean_path, FALSE) == value);
}

static void
on_message_activated (AdwActionRow      *row,
                      DeclicSectionPage *self)
{
  DeclicSectionPagePrivate *priv = declic_section_page_get_instance_private (self);

  for (guint i = 0; i < priv->message_rows->len; i++)
    {
      MessageRow *message = g_ptr_array_index (priv->message_rows, i);

      if (message->row == GTK_WIDGET (row))
        {
          declic_wizard_focus_path (priv->wizard, message->path);
          return;
        }
    }
}

/* Findings with no field of their own: at the top of the page. The rows are kept and retitled
 * rather than removed and made again, so that one that has the focus keeps it. */
static void
refresh_messages (DeclicSectionPage *self)
{
  DeclicSectionPagePrivate *priv = declic_section_page_get_instance_private (self);
  DeclicWizard *wizard = priv->wizard;
  DeclicSection section = declic_section_page_get_section (self);
  guint n_messages = 0;

  for (guint i = 0; wizard->findings != NULL && i < wizard->findings->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (wizard->findings, i);
      DeclicSeverity severity = declic_finding_get_severity (finding);
      MessageRow *message;

      if (declic_finding_get_section (finding) != section
          || severity == DECLIC_SEVERITY_INFO
          || g_hash_table_contains (wizard->fields, declic_finding_get_path (finding))
          || declic_wizard_finding_is_quiet (wizard, finding))
        continue;

      if (n_messages < priv->message_rows->len)
        message = g_ptr_array_index (priv->message_rows, n_messages);
      else
        {
          message = g_new0 (MessageRow, 1);
          message->row = adw_action_row_new ();
          adw_action_row_set_title_lines (ADW_ACTION_ROW (message->row), 0);
          message->icon = gtk_image_new ();
          adw_action_row_add_prefix (ADW_ACTION_ROW (message->row), message->icon);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (message->row), TRUE);
          g_signal_connect (message->row, "activated", G_CALLBACK (on_message_activated), self);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (priv->messages), message->row);
          g_ptr_array_add (priv->message_rows, message);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (message->row), declic_finding_get_message (finding));
      gtk_image_set_from_icon_name (GTK_IMAGE (message->icon), severity == DECLIC_SEVERITY_ERROR
                                    ? "dialog-error-symbolic" : "dialog-warning-symbolic");
      gtk_widget_remove_css_class (message->icon, "error");
      gtk_widget_remove_css_class (message->icon, "warning");
      gtk_widget_add_css_class (message->icon, severity == DECLIC_SEVERITY_ERROR ? "error" : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (message->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      declic_severity_get_label (severity), -1);
      g_free (message->path);
      message->path = g_strdup (declic_finding_get_path (finding));
      n_messages++;
    }
  while (priv->message_rows->len > n_messages)
    {
      MessageRow *message = g_ptr_array_index (priv->message_rows, priv->message_rows->len - 1);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (priv->messages), message->row);
      g_ptr_array_remove_index (priv->message_rows, priv->message_rows->len - 1);
    }
  gtk_widget_set_visible (priv->messages, n_messages > 0);
}

/**
 * declic_section_page_refresh:
 *
 * Shows the wizard's last findings: under each field, the most serious of its own; at the
 * top, those with no field; then the page's own refresh (). A page not bound shows nothing
 * yet, and is refreshed when it is bound.
 */
void
declic_section_page_refresh (DeclicSectionPage *self)
{
  DeclicSectionPagePrivate *priv = declic_section_page_get_instance_private (self);
  DeclicWizard *wizard = priv->wizard;
  DeclicSection section = declic_section_page_get_section (self);
  g_autoptr(GHashTable) by_path = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (DECLIC_IS_SECTION_PAGE (self));

  if (!priv->bound || wizard->draft == NULL)
    return;

  /* The most serious finding on each path (the list is sorted that way). */
  by_path = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; wizard->findings != NULL && i < wizard->findings->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (wizard->findings, i);
      DeclicFinding *previous;

      if (declic_finding_get_section (finding) != section)
        continue;
      previous = g_hash_table_lookup (by_path, declic_finding_get_path (finding));
      if (previous == NULL
          || declic_finding_get_severity (finding) > declic_finding_get_severity (previous))
        g_hash_table_insert (by_path, (gpointer) declic_finding_get_path (finding), finding);
    }

  /* Its groups' fields and its items' (all in the wizard's table, by path). */
  g_hash_table_iter_init (&iter, wizard->fields);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      DeclicWizardField *field = value;
      DeclicFinding *finding;

      if (field->section != section)
        continue;
      /* A field that does not apply to the situation is hidden, as the rules ignore it. */
      declic_wizard_field_set_applies (field, declic_applies_field (declic_draft_get_root (wizard->draft),
                                                                    field->path));
      finding = g_hash_table_lookup (by_path, field->path);
      if (finding != NULL && declic_wizard_finding_is_quiet (wizard, finding))
        /* TRANSLATORS: under a required field nobody has left empty yet */
        declic_wizard_field_set_message (field, DECLIC_SEVERITY_INFO, _("To fill in"));
      else
        declic_wizard_field_set_message (field,
                                         finding != NULL ? declic_finding_get_severity (finding) : DECLIC_SEVERITY_INFO,
                                         finding != NULL ? declic_finding_get_message (finding) : NULL);
      declic_wizard_field_update_info (field);
    }

  refresh_messages (self);

  for (GtkWidget *child = gtk_widget_get_first_child (priv->content); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (DECLIC_IS_WIZARD_ITEM_LIST (child))
      declic_wizard_item_list_refresh (DECLIC_WIZARD_ITEM_LIST (child));

  if (DECLIC_SECTION_PAGE_GET_CLASS (self)->refresh != NULL)
    DECLIC_SECTION_PAGE_GET_CLASS (self)->refresh (self);
}
