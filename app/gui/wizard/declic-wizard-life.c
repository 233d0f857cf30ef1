/* declic-wizard-life.c: the Deadlines page's "In Arrima" group, the DI's life after filing.
 *
 * The stage and the values changed since filing are the core's (declic-draft-life.h); this
 * group shows them and records the two events a person reports by pressing a button: the DI
 * was filed (its date and number come from the rows above, the values as filed are kept) and
 * Arrima was updated with the changed values. The other events are dates and choices in the
 * rows above the group. */
#define G_LOG_DOMAIN "declic-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-clock.h"
#include "declic-draft-fields.h"
#include "declic-draft-life.h"
#include "declic-format.h"
#include "declic-wizard-private.h"

static void
on_record_filing_clicked (GtkButton    *button,
                          DeclicWizard *self)
{
  GDate date;

  if (self->draft == NULL)
    return;
  /* The date typed in "Date the DI was filed", else today. */
  if (!declic_draft_get_date (self->draft, "filing_date", &date))
    declic_clock_get_today (&date);
  declic_draft_life_record_filing (self->draft, &date, declic_draft_get_string (self->draft, "after_filing.di_number"));
}

static void
on_record_update_clicked (GtkButton    *button,
                          DeclicWizard *self)
{
  GDate today;

  if (self->draft == NULL)
    return;
  declic_clock_get_today (&today);
  declic_draft_life_record_update (self->draft, &today);
}

static GtkWidget *
new_button_row (const char   *title,
                const char   *subtitle,
                const char   *button_label,
                GCallback     callback,
                DeclicWizard *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* The labels of @paths, one per line, the way the Review page names fields. */
static char *
dup_labels (GPtrArray *paths)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      const DeclicFieldSpec *spec = declic_draft_fields_lookup_path (path);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, spec != NULL ? _(spec->label) : path);
    }
  return g_string_free (text, FALSE);
}

GtkWidget *
declic_wizard_life_new_group (DeclicWizard *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  DeclicDiStage stage = declic_draft_life_get_stage (self->draft);
  GtkWidget *row;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("In Arrima"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Stage of the DI"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), declic_di_stage_get_label (stage));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  if (stage == DECLIC_DI_STAGE_DRAFT)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               new_button_row (_("Filed in Arrima"),
                                               _("Once the DI is filed, type its number above and record the filing: its 12 months of validity count from the filing date (today unless a date is typed above), and the values as filed are kept to tell what changes later."),
                                               _("_Record the Filing"), G_CALLBACK (on_record_filing_clicked), self));
  else
    {
      g_autoptr(GPtrArray) changed = declic_draft_life_list_changed (self->draft);

      if (changed->len > 0)
        {
          g_autofree char *labels = dup_labels (changed);
          g_autofree char *count = declic_format_integer (changed->len, NULL);
          g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "%s value changed since filing: update the DI in Arrima too",
                                                                 "%s values changed since filing: update the DI in Arrima too",
                                                                 changed->len), count);

          row = new_button_row (title, labels, _("Arrima Is _Updated"), G_CALLBACK (on_record_update_clicked), self);
          gtk_widget_add_css_class (row, "warning");
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
    }
  return group;
}
