/* test-wizard-fr.c: the wizard speaks Québec French on every page. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include <json.h>

#include "declic-draft.h"
#include "wizard/declic-wizard.h"

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) == 0)
    return TRUE;
  if (ADW_IS_PREFERENCES_GROUP (widget)
      && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;
  return FALSE;
}

/* A label or a row's subtitle containing @text. */
static gboolean
find_text_containing (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  if (ADW_IS_ACTION_ROW (widget) && adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) != NULL
      && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_text_containing (child, text))
      return TRUE;
  return FALSE;
}

/* A shown label under @widget whose text is @text exactly (the written date beside a date
 * field), hidden ancestors included in "not shown". */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_stack (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_stack (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_wizard_french (void)
{
  /* One French label per page, in the ministry's terms. */
  static const struct { int page; const char *text; } expected[] = {
    { DECLIC_SECTION_PERSONAL, "Renseignements personnels" },
    { DECLIC_SECTION_PERSONAL, "Date de naissance" },
    { DECLIC_SECTION_CONTACT, "Coordonnées" },
    { DECLIC_SECTION_CONTACT, "Adresse courriel" },
    { DECLIC_SECTION_FAMILY, "Situation familiale" },
    { DECLIC_SECTION_EDUCATION, "Scolarité" },
    { DECLIC_SECTION_WORK, "Parcours professionnel" },
    { DECLIC_SECTION_JOB_OFFER, "Offre d’emploi validée" },
    { DECLIC_SECTION_FRENCH, "Français" },
    { DECLIC_SECTION_ENGLISH, "Anglais" },
    { DECLIC_SECTION_QUEBEC, "Liens avec le Québec" },
    { DECLIC_SECTION_CONSENT, "Consentement" },
    { DECLIC_SECTION_REPRESENTATIVE, "Représentant ou représentante" },
    { DECLIC_WIZARD_PAGE_REVIEW, "Révision" },
    { DECLIC_WIZARD_PAGE_ELIGIBILITY, "Admissibilité et points" },
    { DECLIC_WIZARD_PAGE_DEADLINES, "Échéances" },
  };
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *wizard = declic_wizard_new ();

  declic_draft_set_string (draft, "planned_filing_date", "2025-09-01");
  gtk_window_set_child (GTK_WINDOW (window), wizard);
  declic_wizard_set_draft (DECLIC_WIZARD (wizard), draft);
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkWidget *page;

      declic_wizard_show_section (DECLIC_WIZARD (wizard), expected[i].page);
      /* On the page itself, not only in the sidebar. */
      page = gtk_stack_get_visible_child (GTK_STACK (find_stack (wizard)));
      if (!find_label (page, expected[i].text))
        g_error ("“%s” not found on page %d", expected[i].text, expected[i].page);
    }

  /* The navigation too */
  g_assert_true (find_label (wizard, "_Suivant") || find_label (wizard, "Suivant"));
  g_assert_true (find_label (wizard, "Non commencée"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static const char *
first_result (GtkWidget *list)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);

  return row != NULL ? gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (row))) : NULL;
}

/* The country search ignores accents and case, and knows the English names. */
static void
test_wizard_country_search (void)
{
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *wizard = declic_wizard_new ();
  GtkWidget *row;
  GtkWidget *entry;
  GtkWidget *list;

  gtk_window_set_child (GTK_WINDOW (window), wizard);
  declic_wizard_set_draft (DECLIC_WIZARD (wizard), draft);
  gtk_window_present (GTK_WINDOW (window));

  row = declic_wizard_get_row (DECLIC_WIZARD (wizard), "personal.birth_country");
  entry = find_named (row, "country-search");
  list = find_named (row, "search-results");
  g_assert_nonnull (entry);
  g_assert_nonnull (list);

  gtk_editable_set_text (GTK_EDITABLE (entry), "etats");
  g_assert_cmpstr (first_result (list), ==, "États-Unis");
  gtk_editable_set_text (GTK_EDITABLE (entry), "ÉTATS-UNIS");
  g_assert_cmpstr (first_result (list), ==, "États-Unis");
  gtk_editable_set_text (GTK_EDITABLE (entry), "united states");
  g_assert_cmpstr (first_result (list), ==, "États-Unis");
  gtk_editable_set_text (GTK_EDITABLE (entry), "allemagne");
  g_assert_cmpstr (first_result (list), ==, "Allemagne");
  gtk_editable_set_text (GTK_EDITABLE (entry), "germany");
  g_assert_cmpstr (first_result (list), ==, "Allemagne");

  /* Enter picks the first: the code is stored, the drop-down shows the name. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "etats");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (declic_draft_get_string (draft, "personal.birth_country"), ==, "US");
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (declic_wizard_get_input (DECLIC_WIZARD (wizard), "personal.birth_country")))),
                   ==, "États-Unis");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Numbers and dates in the fields: the French form shown, both decimal marks and the written
 * dates accepted, the draft ISO and C-locale (LC_NUMERIC is "C" here: printf writes "37.5"). */
static void
test_wizard_french_numbers (void)
{
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *wizard = declic_wizard_new ();
  GtkWidget *hours, *planned;
  guint i = declic_draft_append_item (draft, "work_history");
  g_autofree char *path = g_strdup_printf ("work_history[%u].hours_per_week", i);
  g_autofree char *type = g_strdup_printf ("work_history[%u].type", i);

  declic_draft_set_string (draft, type, "work");
  declic_draft_set_number (draft, path, 37.5);
  gtk_window_set_child (GTK_WINDOW (window), wizard);
  declic_wizard_set_draft (DECLIC_WIZARD (wizard), draft);
  gtk_window_present (GTK_WINDOW (window));

  declic_wizard_show_section (DECLIC_WIZARD (wizard), DECLIC_SECTION_WORK);
  hours = declic_wizard_get_input (DECLIC_WIZARD (wizard), path);
  g_assert_nonnull (hours);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hours)), ==, "37,5");
  /* The message under it writes the same number the same way. */
  g_assert_true (find_text_containing (wizard, "37,5 heures par semaine"));
  g_assert_false (find_text_containing (wizard, "37.5"));

  gtk_editable_set_text (GTK_EDITABLE (hours), "40.5");
  g_assert_cmpfloat (declic_draft_get_number (draft, path, 0), ==, 40.5);
  gtk_editable_set_text (GTK_EDITABLE (hours), "38,25");
  g_assert_cmpfloat (declic_draft_get_number (draft, path, 0), ==, 38.25);
  /* Stored as a JSON number, written with a point whatever the interface's mark. */
  {
    json_object *item = json_object_array_get_idx (json_object_object_get (declic_draft_get_root (draft), "work_history"), i);
    json_object *value = json_object_object_get (item, "hours_per_week");

    g_assert_true (json_object_is_type (value, json_type_double));
    g_assert_cmpstr (json_object_to_json_string (value), ==, "38.25");
  }
  gtk_editable_set_text (GTK_EDITABLE (hours), "38 heures");
  g_assert_false (declic_draft_has (draft, path));

  declic_wizard_show_section (DECLIC_WIZARD (wizard), DECLIC_WIZARD_PAGE_DEADLINES);
  planned = declic_wizard_get_input (DECLIC_WIZARD (wizard), "planned_filing_date");
  g_assert_nonnull (planned);
  gtk_editable_set_text (GTK_EDITABLE (planned), "22 novembre 2026");
  g_assert_cmpstr (declic_draft_get_string (draft, "planned_filing_date"), ==, "2026-11-22");
  gtk_editable_set_text (GTK_EDITABLE (planned), "1er mai 2027");
  g_assert_cmpstr (declic_draft_get_string (draft, "planned_filing_date"), ==, "2027-05-01");
  /* Beside the field, the date written out in French, however it was typed. */
  g_assert_true (shows_label (planned, "1er mai 2027"));
  gtk_editable_set_text (GTK_EDITABLE (planned), "2027-06-15");
  g_assert_cmpstr (declic_draft_get_string (draft, "planned_filing_date"), ==, "2027-06-15");
  g_assert_true (shows_label (planned, "15 juin 2027"));
  gtk_editable_set_text (GTK_EDITABLE (planned), "16/06/2027");
  g_assert_cmpstr (declic_draft_get_string (draft, "planned_filing_date"), ==, "2027-06-16");
  g_assert_true (shows_label (planned, "16 juin 2027"));
  gtk_editable_set_text (GTK_EDITABLE (planned), "June 17, 2027");
  g_assert_cmpstr (declic_draft_get_string (draft, "planned_filing_date"), ==, "2027-06-17");
  g_assert_true (shows_label (planned, "17 juin 2027"));
  gtk_editable_set_text (GTK_EDITABLE (planned), "32 mai 2027");
  g_assert_false (declic_draft_has (draft, "planned_filing_date"));
  g_assert_false (shows_label (planned, "17 juin 2027"));

  /* In a repeated item too: a work period's start. */
  {
    g_autofree char *start_path = g_strdup_printf ("work_history[%u].start_date", i);
    GtkWidget *start;

    declic_wizard_show_section (DECLIC_WIZARD (wizard), DECLIC_SECTION_WORK);
    start = declic_wizard_get_input (DECLIC_WIZARD (wizard), start_path);
    g_assert_nonnull (start);
    gtk_editable_set_text (GTK_EDITABLE (start), "2019-09-02");
    g_assert_true (shows_label (start, "2 septembre 2019"));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("DECLIC_LOCALEDIR");

  /* Before GTK reads the environment. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/wizard/french", test_wizard_french);
  g_test_add_func ("/wizard/country-search", test_wizard_country_search);
  g_test_add_func ("/wizard/french-numbers", test_wizard_french_numbers);
  return g_test_run ();
}
