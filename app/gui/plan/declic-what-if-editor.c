/* declic-what-if-editor.c: the Plan page's "Try a change" group (see the header). */
#define G_LOG_DOMAIN "declic-what-if-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-format.h"
#include "plan/declic-what-if-editor.h"

struct _DeclicWhatIfEditor
{
  AdwPreferencesGroup parent_instance;

  AdwComboRow   *kind_row;
  AdwComboRow   *skill_row;
  AdwActionRow  *level_row;
  GtkSpinButton *level_spin;
  AdwEntryRow   *date_row;
  GtkLabel      *problem_label;
  GtkButton     *add_button;
};

G_DEFINE_FINAL_TYPE (DeclicWhatIfEditor, declic_what_if_editor, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  SIGNAL_ADD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_problem (DeclicWhatIfEditor *self,
              const char         *problem)
{
  gtk_label_set_label (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  /* A screen reader hears the date is wrong, and why, where the red is seen. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->date_row), GTK_ACCESSIBLE_STATE_INVALID,
                               problem != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

/* Only the parts the chosen kind takes are shown: a job offer has no date or level. */
static void
on_kind_changed (DeclicWhatIfEditor *self)
{
  DeclicWhatIfKind kind = (DeclicWhatIfKind) adw_combo_row_get_selected (self->kind_row);
  gboolean level = declic_what_if_kind_takes_level (kind);

  gtk_widget_set_visible (GTK_WIDGET (self->skill_row), level);
  gtk_widget_set_visible (GTK_WIDGET (self->level_row), level);
  gtk_widget_set_visible (GTK_WIDGET (self->date_row), declic_what_if_kind_takes_date (kind));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                 declic_what_if_kind_needs_date (kind) ? _("Date")
                                                                       : _("Date (today if left empty)"));
  show_problem (self, NULL);
}

static void
on_add_clicked (DeclicWhatIfEditor *self)
{
  DeclicWhatIfKind kind = (DeclicWhatIfKind) adw_combo_row_get_selected (self->kind_row);
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GError) error = NULL;
  DeclicWhatIf what_if = { kind, { 0 }, DECLIC_N_SKILLS, 0 };

  g_date_clear (&what_if.date, 1);
  if (declic_what_if_kind_takes_level (kind))
    {
      what_if.skill = (DeclicSkill) adw_combo_row_get_selected (self->skill_row);
      what_if.level = gtk_spin_button_get_value_as_int (self->level_spin);
    }
  if (declic_what_if_kind_takes_date (kind) && *date_text != '\0' &&
      !declic_format_parse_date (date_text, &what_if.date))
    {
      /* TRANSLATORS: the date of a what-if could not be read */
      show_problem (self, _("This is not a date: write it as 2027-03-01 or 1 March 2027."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }
  if (!declic_what_if_validate (&what_if, &error))
    {
      show_problem (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }
  show_problem (self, NULL);
  g_signal_emit (self, signals[SIGNAL_ADD], 0, &what_if);
}

static void
declic_what_if_editor_class_init (DeclicWhatIfEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * DeclicWhatIfEditor::add:
   * @what_if: (type gpointer): a valid DeclicWhatIf, for the handler to copy
   */
  signals[SIGNAL_ADD] = g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/ca/declic/Declic/ui/plan/declic-what-if-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DeclicWhatIfEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, DeclicWhatIfEditor, skill_row);
  gtk_widget_class_bind_template_child (widget_class, DeclicWhatIfEditor, level_row);
  gtk_widget_class_bind_template_child (widget_class, DeclicWhatIfEditor, level_spin);
  gtk_widget_class_bind_template_child (widget_class, DeclicWhatIfEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, DeclicWhatIfEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, DeclicWhatIfEditor, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
}

static void
declic_what_if_editor_init (DeclicWhatIfEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) skills = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->date_row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->problem_label, NULL, -1);

  /* The models' positions are the enums' values: the core names each. */
  for (guint kind = 0; kind < DECLIC_N_WHAT_IF_KINDS; kind++)
    gtk_string_list_append (kinds, declic_what_if_kind_get_label ((DeclicWhatIfKind) kind));
  for (guint skill = 0; skill < DECLIC_N_SKILLS; skill++)
    gtk_string_list_append (skills, declic_skill_get_label ((DeclicSkill) skill));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->skill_row, G_LIST_MODEL (skills));
  gtk_spin_button_set_range (self->level_spin, DECLIC_WHAT_IF_MIN_LEVEL, DECLIC_WHAT_IF_MAX_LEVEL);
  gtk_spin_button_set_value (self->level_spin, 7);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_changed), self);
  on_kind_changed (self);
}

GtkWidget *
declic_what_if_editor_new (void)
{
  return g_object_new (DECLIC_TYPE_WHAT_IF_EDITOR, NULL);
}
