/* test-wizard.c: the draft wizard, driven through its widgets. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <json.h>

#include <string.h>

#include "declic-clock.h"
#include "declic-countries.h"
#include "declic-deadlines.h"
#include "declic-draft-life.h"
#include "declic-rules.h"
#include "declic-utils.h"
#include "declic-validate.h"
#include "wizard/declic-wizard.h"
#include "declic-rounds.h"
#include "plan/declic-plan-chart.h"
#include "plan/declic-plan-view.h"

/* The checks judge dates at this day, so that ages and the 5-year window do not move. */
#define REFERENCE_DATE "2025-09-01"

typedef struct
{
  GtkWidget   *window;
  DeclicWizard *wizard;
  DeclicDraft *draft;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GDate today;

  /* The person fills the draft on the day they plan to file it. */
  g_date_clear (&today, 1);
  g_assert_true (declic_utils_parse_date (REFERENCE_DATE, &today));
  declic_clock_set_today (&today);
  fixture->draft = declic_draft_new ();
  declic_draft_set_string (fixture->draft, "planned_filing_date", REFERENCE_DATE);
  fixture->wizard = DECLIC_WIZARD (declic_wizard_new ());
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window),
                               g_getenv ("DECLIC_WIZARD_SCREENSHOT_WIDTH") != NULL
                               ? atoi (g_getenv ("DECLIC_WIZARD_SCREENSHOT_WIDTH")) : 1000, 800);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->wizard));
  declic_wizard_set_draft (fixture->wizard, fixture->draft);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->draft);
}

static GtkWidget *
input (Fixture    *fixture,
       const char *path)
{
  GtkWidget *widget = declic_wizard_get_input (fixture->wizard, path);

  if (widget == NULL)
    g_error ("No input for “%s”", path);
  return widget;
}

/* What the main loop would run before the next key: an item left blank leaves the draft then. */
static void
run_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
set_text (Fixture    *fixture,
          const char *path,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (input (fixture, path)), text);
  run_idle ();
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

static void
set_choice (Fixture    *fixture,
            const char *path,
            const char *code)
{
  const DeclicFieldSpec *spec = declic_draft_fields_lookup_path (path);

  for (guint i = 0; spec->choices[i].code != NULL; i++)
    if (g_str_equal (spec->choices[i].code, code))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (input (fixture, path)), i + 1);
        return;
      }
  g_error ("No choice “%s” for “%s”", code, path);
}

/* A yes/no field: its switch, or for a question its Yes (1) or No (2) choice. */
static void
set_switch (Fixture    *fixture,
            const char *path,
            gboolean    active)
{
  if (declic_draft_fields_lookup_path (path)->question)
    adw_combo_row_set_selected (ADW_COMBO_ROW (input (fixture, path)), active ? 1 : 2);
  else
    gtk_switch_set_active (GTK_SWITCH (input (fixture, path)), active);
}

/* Picks a country by its name in the drop-down, as a person does. */
static void
set_country (Fixture    *fixture,
             const char *path,
             const char *code)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (input (fixture, path));
  GListModel *model = gtk_drop_down_get_model (dropdown);
  const char *name = declic_country_get_localized_name (declic_countries_lookup (declic_countries_get_default (), code));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), name))
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  g_error ("No country “%s” in “%s”", name, path);
}


/* The visible page of the wizard. */
static GtkWidget *
visible_page (Fixture *fixture)
{
  GtkWidget *stack = GTK_WIDGET (fixture->wizard);

  while (stack != NULL && !GTK_IS_STACK (stack))
    {
      GtkWidget *child;

      for (child = gtk_widget_get_first_child (stack); child != NULL; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_STACK (child) || gtk_widget_get_first_child (child) != NULL)
          break;
      stack = child;
    }
  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child (GTK_STACK (stack));
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

/* An action row whose title is @title, anywhere under @widget. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
add_item (Fixture    *fixture,
          const char *array_path)
{
  GtkWidget *button = declic_wizard_get_add_button (fixture->wizard, array_path);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static void
fill_language (Fixture    *fixture,
               const char *prefix,
               const char *test,
               const char *date,
               const char *const scores[4])
{
  static const char *const skills[] = { "listening", "speaking", "reading", "writing" };
  g_autofree char *results = g_strconcat (prefix, ".results", NULL);
  g_autofree char *item = g_strconcat (results, "[0]", NULL);
  g_autofree char *test_path = g_strconcat (item, ".test", NULL);
  g_autofree char *date_path = g_strconcat (item, ".result_date", NULL);
  g_autofree char *number_path = g_strconcat (item, ".test_number", NULL);

  add_item (fixture, results);
  set_choice (fixture, test_path, test);
  set_text (fixture, date_path, date);
  set_text (fixture, number_path, "T-12345");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.%s.score", item, skills[i]);

      set_text (fixture, path, scores[i]);
    }
}

static void
fill_draft (Fixture *fixture)
{
  static const char *const french_scores[] = { "500", "450", "480", "400" };
  static const char *const english_scores[] = { "7.5", "7", "8", "6.5" };

  /* Personal information */
  set_text (fixture, "personal.family_names", "Tremblay-Nguyen");
  set_text (fixture, "personal.given_names", "Marie-Ève");
  set_choice (fixture, "personal.sex", "female");
  set_text (fixture, "personal.birth_date", "1992-04-15");
  set_country (fixture, "personal.birth_country", "FR");
  add_item (fixture, "personal.citizenships");
  set_country (fixture, "personal.citizenships[0]", "FR");
  add_item (fixture, "personal.citizenships");
  set_country (fixture, "personal.citizenships[1]", "VN");
  add_item (fixture, "personal.other_names");
  set_text (fixture, "personal.other_names[0].family_names", "Nguyen");
  set_text (fixture, "personal.other_names[0].given_names", "Marie");
  set_text (fixture, "personal.passport.number", "19AB12345");
  set_country (fixture, "personal.passport.issuing_country", "FR");
  set_text (fixture, "personal.passport.expiry_date", "2030-01-31");
  add_item (fixture, "personal.previous_applications");
  set_choice (fixture, "personal.previous_applications[0].authority", "canada");
  set_text (fixture, "personal.previous_applications[0].description", "Working holiday");
  set_text (fixture, "personal.previous_applications[0].year", "2018");
  set_text (fixture, "personal.previous_applications[0].reference_number", "W123456789");

  /* Contact details */
  set_text (fixture, "contact.email", "marie-eve@example.org");
  set_text (fixture, "contact.phone", "+33 6 12 34 56 78");
  set_text (fixture, "contact.address.street", "12 rue des Lilas");
  set_text (fixture, "contact.address.city", "Lyon");
  set_text (fixture, "contact.address.subdivision", "FR-ARA");
  set_text (fixture, "contact.address.postal_code", "69003");
  set_country (fixture, "contact.address.country", "FR");
  set_country (fixture, "contact.residence_country", "FR");
  set_choice (fixture, "contact.residence_status", "citizen");

  /* Family: a spouse who accompanies, and a child */
  set_choice (fixture, "family.marital_status", "married");
  set_text (fixture, "family.union_date", "2019-06-01");
  set_switch (fixture, "family.spouse_accompanies", TRUE);
  set_text (fixture, "family.spouse.family_names", "Nguyen");
  set_text (fixture, "family.spouse.given_names", "Minh");
  set_text (fixture, "family.spouse.birth_date", "1990-02-20");
  set_choice (fixture, "family.spouse.education_level", "university_1_3y");
  set_switch (fixture, "family.spouse.french.no_result", TRUE);
  set_switch (fixture, "family.spouse.english.no_result", TRUE);
  add_item (fixture, "family.children");
  set_text (fixture, "family.children[0].given_names", "Lou");
  set_text (fixture, "family.children[0].birth_date", "2021-03-10");
  set_switch (fixture, "family.children[0].accompanies", TRUE);

  /* Education */
  add_item (fixture, "education");
  set_text (fixture, "education[0].title", "Master en génie logiciel");
  set_text (fixture, "education[0].start_date", "2013-09-01");
  set_text (fixture, "education[0].end_date", "2015-06-30");
  set_switch (fixture, "education[0].full_time", TRUE);
  set_text (fixture, "education[0].official_length", "2");
  set_choice (fixture, "education[0].official_length_unit", "years");
  set_text (fixture, "education[0].institution", "Université Lyon 1");
  set_country (fixture, "education[0].country", "FR");
  set_text (fixture, "education[0].area_of_training", "Informatique");
  set_choice (fixture, "education[0].level", "university_2_2y");

  /* Work history: one job covering the 5 years */
  add_item (fixture, "work_history");
  set_choice (fixture, "work_history[0].type", "work");
  set_text (fixture, "work_history[0].start_date", "2015-09-01");
  set_switch (fixture, "work_history[0].ongoing", TRUE);
  set_text (fixture, "work_history[0].job_title", "Développeuse");
  set_text (fixture, "work_history[0].noc_code", "21231");
  set_text (fixture, "work_history[0].employer", "Logiciels Rhône");
  set_country (fixture, "work_history[0].country", "FR");
  set_text (fixture, "work_history[0].hours_per_week", "37,5");
  set_switch (fixture, "work_history[0].paid", TRUE);

  /* Validated job offer: none */
  set_switch (fixture, "job_offer.has_offer", TRUE);
  set_switch (fixture, "job_offer.has_offer", FALSE);

  /* Languages */
  fill_language (fixture, "french", "tef_canada", "2024-11-15", french_scores);
  fill_language (fixture, "english", "ielts_general", "2024-10-01", english_scores);

  /* Ties to Québec */
  set_choice (fixture, "quebec.family_member", "none");
  set_choice (fixture, "quebec.labour_market_diagnosis", "unknown");

  /* Consent */
  set_switch (fixture, "consent.information_true", TRUE);
  set_switch (fixture, "consent.personal_information", TRUE);
}

static json_object *
load_without_stamps (const char *path)
{
  json_object *root = json_object_from_file (path);

  g_assert_nonnull (root);
  json_object_object_del (root, "id");
  json_object_object_del (root, "created");
  json_object_object_del (root, "updated");
  return root;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("Nothing drawn for %s yet", path);
      return;
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_save_to_png (texture, path);
}

static void
wait_frames (void)
{
  gint64 end = g_get_monotonic_time () + 300 * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* DECLIC_WIZARD_SCREENSHOTS=dir: every page to dir/wizard-<lang>-<n>.png, to look at. */
static void
maybe_screenshot_pages (Fixture    *fixture,
                        const char *tag)
{
  const char *dir = g_getenv ("DECLIC_WIZARD_SCREENSHOTS");

  if (dir == NULL)
    return;
  for (int p = 0; p < DECLIC_WIZARD_N_PAGES; p++)
    {
      g_autofree char *name = g_strdup_printf ("wizard-%s-%02d.png", tag, p);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      declic_wizard_show_section (fixture->wizard, p);
      wait_frames ();
      save_screenshot (fixture->window, path);
    }
}

static void
test_wizard_new_destroy (void)
{
  GtkWidget *wizard = declic_wizard_new ();

  g_object_ref_sink (wizard);
  g_assert_null (declic_wizard_get_draft (DECLIC_WIZARD (wizard)));
  g_assert_finalize_object (wizard);
}

static void
test_wizard_fill (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures", "wizard-filled.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("declic-wizard-XXXXXX", NULL);
  g_autofree char *saved = g_build_filename (dir, "draft.json", NULL);
  g_autofree char *bak = g_strconcat (saved, ".bak", NULL);
  g_autoptr(GError) error = NULL;
  json_object *expected;
  json_object *actual;

  fill_draft (fixture);

  /* Every section is complete once filled: no error left anywhere. */
  for (guint i = 0; i < declic_wizard_get_findings (fixture->wizard)->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (declic_wizard_get_findings (fixture->wizard), i);

      if (declic_finding_is_blocking (finding))
        g_test_message ("left: %s %s: %s", declic_finding_get_code (finding),
                        declic_finding_get_path (finding), declic_finding_get_message (finding));
    }
  g_assert_false (declic_finding_list_has_errors (declic_wizard_get_findings (fixture->wizard)));

  g_assert_true (declic_draft_save_to_file (fixture->draft, saved, &error));
  g_assert_no_error (error);
  if (g_getenv ("DECLIC_WIZARD_WRITE_FIXTURE") != NULL)
    declic_draft_save_to_file (fixture->draft, g_getenv ("DECLIC_WIZARD_WRITE_FIXTURE"), NULL);

  expected = load_without_stamps (fixture_path);
  actual = load_without_stamps (saved);
  if (!json_object_equal (expected, actual))
    g_error ("The saved draft differs from %s:\n%s", fixture_path,
             json_object_to_json_string_ext (actual, JSON_C_TO_STRING_PRETTY));
  json_object_put (expected);
  json_object_put (actual);

  maybe_screenshot_pages (fixture, g_getenv ("DECLIC_WIZARD_SCREENSHOT_TAG") ? g_getenv ("DECLIC_WIZARD_SCREENSHOT_TAG") : "en");

  g_unlink (saved);
  g_unlink (bak);
  g_rmdir (dir);
}

static gboolean
row_is_invalid (GtkWidget *row)
{
  return gtk_widget_has_css_class (row, "error");
}

static GtkWidget *
message_label_of (GtkWidget *row)
{
  /* The message sits in a box of its own under the field's row (not a list row that takes
   * no focus: that would end Tab's walk through the list). */
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "declic-message-label");

  g_assert_true (GTK_IS_LABEL (label));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (label), "declic-field-message"));
  return label;
}

static void
test_wizard_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *row;
  GtkWidget *label;

  /* 17 years old at the reference date */
  set_text (fixture, "personal.birth_date", "2008-01-01");
  row = declic_wizard_get_row (fixture->wizard, "personal.birth_date");
  label = message_label_of (row);
  g_assert_true (row_is_invalid (row));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (label)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), !=, "");
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  gtk_test_accessible_assert_state (row, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);

  set_text (fixture, "personal.birth_date", "1990-01-01");
  g_assert_false (row_is_invalid (row));
  g_assert_false (gtk_widget_get_visible (label));
  gtk_test_accessible_assert_state (row, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE);

  /* A malformed e-mail */
  set_text (fixture, "contact.email", "marie@");
  row = declic_wizard_get_row (fixture->wizard, "contact.email");
  label = message_label_of (row);
  g_assert_true (row_is_invalid (row));
  g_assert_true (gtk_widget_get_visible (label));
  gtk_test_accessible_assert_state (row, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  set_text (fixture, "contact.email", "marie@example.org");
  g_assert_false (row_is_invalid (row));
  gtk_test_accessible_assert_state (row, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE);

  /* A number the draft cannot hold */
  add_item (fixture, "work_history");
  set_text (fixture, "work_history[0].hours_per_week", "37h");
  row = declic_wizard_get_row (fixture->wizard, "work_history[0].hours_per_week");
  g_assert_true (row_is_invalid (row));
  g_assert_false (declic_draft_has (fixture->draft, "work_history[0].hours_per_week"));
  set_text (fixture, "work_history[0].hours_per_week", "37");
  g_assert_false (row_is_invalid (row));
  g_assert_cmpfloat (declic_draft_get_number (fixture->draft, "work_history[0].hours_per_week", 0), ==, 37);

  /* Rows used again for another item show its message, even one their last item showed too:
   * a field shows a message only when it changes. */
  set_text (fixture, "work_history[0].employer", "Employeur A");
  set_text (fixture, "work_history[0].hours_per_week", "37h");
  g_assert_true (row_is_invalid (row));
  g_assert_cmpuint (declic_draft_get_n_items (fixture->draft, "work_history"), ==, 1);
  g_free (declic_draft_remove_item (fixture->draft, "work_history", 0));
  add_item (fixture, "work_history");
  g_assert_false (row_is_invalid (declic_wizard_get_row (fixture->wizard, "work_history[0].hours_per_week")));
  set_text (fixture, "work_history[0].hours_per_week", "37h");
  row = declic_wizard_get_row (fixture->wizard, "work_history[0].hours_per_week");
  label = message_label_of (row);
  g_assert_true (row_is_invalid (row));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (label)));
  gtk_test_accessible_assert_state (row, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
}

static void
test_wizard_items (Fixture       *fixture,
                   gconstpointer  data)
{
  add_item (fixture, "education");
  set_text (fixture, "education[0].title", "First");
  add_item (fixture, "education");
  set_text (fixture, "education[1].title", "Second");
  g_assert_cmpuint (declic_draft_get_n_items (fixture->draft, "education"), ==, 2);

  /* Move the second up */
  declic_draft_move_item (fixture->draft, "education", 1, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input (fixture, "education[0].title"))), ==, "Second");

  /* Remove, then undo */
  {
    GtkWidget *row = declic_wizard_get_row (fixture->wizard, "education[0].title");
    g_assert_nonnull (row);
  }
  gtk_widget_activate_action (GTK_WIDGET (fixture->wizard), "wizard.undo-remove", NULL);
  g_assert_cmpuint (declic_draft_get_n_items (fixture->draft, "education"), ==, 2);
}

static void
test_wizard_navigation (Fixture       *fixture,
                        gconstpointer  data)
{
  g_assert_cmpint (declic_wizard_get_section (fixture->wizard), ==, DECLIC_SECTION_PERSONAL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->wizard), "wizard.next", NULL);
  g_assert_cmpint (declic_wizard_get_section (fixture->wizard), ==, DECLIC_SECTION_CONTACT);
  gtk_widget_activate_action (GTK_WIDGET (fixture->wizard), "wizard.previous", NULL);
  g_assert_cmpint (declic_wizard_get_section (fixture->wizard), ==, DECLIC_SECTION_PERSONAL);
  for (int p = 0; p < DECLIC_WIZARD_N_PAGES; p++)
    declic_wizard_show_section (fixture->wizard, p);
  g_assert_cmpint (declic_wizard_get_section (fixture->wizard), ==, DECLIC_WIZARD_PAGE_PLAN);

  g_assert_true (declic_wizard_focus_path (fixture->wizard, "contact.email"));
  g_assert_cmpint (declic_wizard_get_section (fixture->wizard), ==, DECLIC_SECTION_CONTACT);
  add_item (fixture, "education");
  g_assert_true (declic_wizard_focus_path (fixture->wizard, "education[0].end_date"));
  g_assert_cmpint (declic_wizard_get_section (fixture->wizard), ==, DECLIC_SECTION_EDUCATION);
}


/* The dates of the draft as a whole are edited on the Deadlines page, and the deadlines follow. */
static void
test_wizard_deadline_dates (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *row;
  GtkWidget *entry;

  declic_wizard_show_section (fixture->wizard, DECLIC_WIZARD_PAGE_DEADLINES);
  g_assert_null (find_row (visible_page (fixture), _("The déclaration d’intérêt expires")));
  entry = input (fixture, "filing_date");
  g_assert_true (gtk_widget_is_ancestor (entry, visible_page (fixture)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input (fixture, "planned_filing_date"))), ==, REFERENCE_DATE);

  gtk_editable_set_text (GTK_EDITABLE (entry), "2025-03-10");
  g_assert_cmpstr (declic_draft_get_string (fixture->draft, "filing_date"), ==, "2025-03-10");
  /* Shown at once, without leaving the page, and the row typed in is still there. */
  row = find_row (visible_page (fixture), _("The déclaration d’intérêt expires"));
  g_assert_nonnull (row);
  /* Written out in the interface language (English here), not ISO. */
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "March 10, 2026"));
  g_assert_true (input (fixture, "filing_date") == entry);
  g_assert_true (gtk_widget_is_ancestor (entry, visible_page (fixture)));

  /* Days left count from today, not from the planned filing date: a later plan does not make
   * the DI's expiry pass; a later today does. */
  set_text (fixture, "planned_filing_date", "2026-04-01");
  row = find_row (visible_page (fixture), _("The déclaration d’intérêt expires"));
  g_assert_nonnull (row);
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), declic_deadline_status_get_label (DECLIC_DEADLINE_PASSED)));
  {
    GDate later;

    g_date_clear (&later, 1);
    g_date_set_dmy (&later, 1, G_DATE_APRIL, 2026);
    declic_clock_set_today (&later);
    set_text (fixture, "planned_filing_date", "2026-04-02");
    row = find_row (visible_page (fixture), _("The déclaration d’intérêt expires"));
    g_assert_nonnull (row);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), declic_deadline_status_get_label (DECLIC_DEADLINE_PASSED)));
  }

  /* Beside each date field, the date written out in English: "March 10, 2025". */
  g_assert_true (shows_label (input (fixture, "filing_date"), "March 10, 2025"));
  set_text (fixture, "invitation_date", "2025/11/22");
  g_assert_cmpstr (declic_draft_get_string (fixture->draft, "invitation_date"), ==, "2025-11-22");
  g_assert_true (shows_label (input (fixture, "invitation_date"), "November 22, 2025"));

  /* A malformed date says so at the row. */
  set_text (fixture, "invitation_date", "2025-13-45");
  g_assert_false (shows_label (input (fixture, "invitation_date"), "November 22, 2025"));
  g_assert_true (row_is_invalid (declic_wizard_get_row (fixture->wizard, "invitation_date")));

  /* A finding on them leads back here. */
  declic_wizard_show_section (fixture->wizard, DECLIC_SECTION_PERSONAL);
  g_assert_true (declic_wizard_focus_path (fixture->wizard, "filing_date"));
  g_assert_cmpint (declic_wizard_get_section (fixture->wizard), ==, DECLIC_WIZARD_PAGE_DEADLINES);

  /* Another draft: the rows show its dates. */
  {
    g_autoptr(DeclicDraft) other = declic_draft_new ();

    declic_draft_set_string (other, "filing_date", "2024-01-02");
    declic_wizard_set_draft (fixture->wizard, other);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input (fixture, "filing_date"))), ==, "2024-01-02");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input (fixture, "planned_filing_date"))), ==, "");
    declic_wizard_set_draft (fixture->wizard, fixture->draft);
  }
}

static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The Eligibility page names its rules; only the user's click records them in the draft. */
static void
test_wizard_rule_set_record (Fixture       *fixture,
                             gconstpointer  data)
{
  DeclicRuleSet *in_force;
  GtkWidget *row;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, REFERENCE_DATE);
  in_force = declic_rules_pick_for_date (declic_rules_get_default (), &date, NULL);
  g_assert_nonnull (in_force);

  declic_wizard_show_section (fixture->wizard, DECLIC_WIZARD_PAGE_ELIGIBILITY);
  row = find_named (visible_page (fixture), "rule-set-row");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, declic_rule_set_get_title (in_force));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), declic_rule_set_get_id (in_force)));
  g_assert_nonnull (find_named (visible_page (fixture), "rule-set-notice"));

  /* Checking again, changing the draft, going back and forth: nothing is recorded. */
  set_text (fixture, "personal.family_names", "Tremblay");
  declic_wizard_show_section (fixture->wizard, DECLIC_WIZARD_PAGE_DEADLINES);
  declic_wizard_show_section (fixture->wizard, DECLIC_WIZARD_PAGE_ELIGIBILITY);
  g_assert_false (declic_draft_has (fixture->draft, "rule_set_id"));

  click (find_named (visible_page (fixture), "rule-set-button"));
  g_assert_cmpstr (declic_draft_get_string (fixture->draft, "rule_set_id"), ==, declic_rule_set_get_id (in_force));
  g_assert_null (find_named (visible_page (fixture), "rule-set-notice"));
  g_assert_nonnull (find_named (visible_page (fixture), "rule-set-row"));

  /* A record this build does not know: the rules in force are used, and can be recorded. */
  declic_draft_set_string (fixture->draft, "rule_set_id", "pstq-1999-01-01");
  row = find_named (visible_page (fixture), "rule-set-row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, declic_rule_set_get_title (in_force));
  g_assert_nonnull (find_named (visible_page (fixture), "rule-set-notice"));
  g_assert_cmpstr (declic_draft_get_string (fixture->draft, "rule_set_id"), ==, "pstq-1999-01-01");
}

/* A draft that records older rules is checked with them, told of the newer ones, and can switch. */
static void
test_wizard_rule_set_switch (Fixture       *fixture,
                             gconstpointer  data)
{
  DeclicRuleSet *older = declic_rules_lookup (declic_rules_get_default (), "di-filing-2023");
  DeclicRuleSet *in_force;
  GtkWidget *row;
  GtkWidget *notice;
  GDate date;

  g_assert_nonnull (older);
  g_date_clear (&date, 1);
  g_date_set_parse (&date, REFERENCE_DATE);
  in_force = declic_rules_pick_for_date (declic_rules_get_default (), &date, NULL);
  g_assert_true (in_force != older);

  declic_draft_set_string (fixture->draft, "rule_set_id", "di-filing-2023");
  declic_wizard_show_section (fixture->wizard, DECLIC_WIZARD_PAGE_ELIGIBILITY);
  row = find_named (visible_page (fixture), "rule-set-row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, declic_rule_set_get_title (older));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "di-filing-2023"));
  notice = find_named (visible_page (fixture), "rule-set-notice");
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (notice)), declic_rule_set_get_id (in_force)));
  /* The older rules have no ranking grid: no estimate from them. */
  g_assert_null (find_row (visible_page (fixture), _("Estimated score")));

  set_text (fixture, "personal.family_names", "Tremblay");
  g_assert_cmpstr (declic_draft_get_string (fixture->draft, "rule_set_id"), ==, "di-filing-2023");

  click (find_named (visible_page (fixture), "rule-set-button"));
  g_assert_cmpstr (declic_draft_get_string (fixture->draft, "rule_set_id"), ==, declic_rule_set_get_id (in_force));
  row = find_named (visible_page (fixture), "rule-set-row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, declic_rule_set_get_title (in_force));
  g_assert_null (find_named (visible_page (fixture), "rule-set-notice"));
}

static void
select_subdivision (Fixture    *fixture,
                    const char *path,
                    const char *code)
{
  GtkWidget *combo = input (fixture, path);
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));
  const char *name = declic_subdivision_get_localized_name (declic_countries_lookup_subdivision (declic_countries_get_default (), code));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), name))
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
          return;
        }
    }
  g_error ("No “%s” in “%s”", name, path);
}

/* Provinces and states: a list for a country with ISO 3166-2 subdivisions, else a text entry. */
static void
test_wizard_subdivisions (Fixture       *fixture,
                          gconstpointer  data)
{
  DeclicCountries *countries = declic_countries_get_default ();
  g_autoptr(GPtrArray) all = declic_countries_list_sorted (countries);
  const char *without = NULL;

  for (guint i = 0; i < all->len && without == NULL; i++)
    {
      g_autoptr(GPtrArray) subdivisions = declic_countries_get_subdivisions (countries, declic_country_get_code (g_ptr_array_index (all, i)));

      if (subdivisions->len == 0)
        without = declic_country_get_code (g_ptr_array_index (all, i));
    }
  g_assert_nonnull (without);

  g_assert_true (ADW_IS_ENTRY_ROW (input (fixture, "contact.address.subdivision")));
  set_country (fixture, "contact.address.country", "CA");
  g_assert_true (ADW_IS_COMBO_ROW (input (fixture, "contact.address.subdivision")));
  g_assert_true (gtk_widget_get_visible (declic_wizard_get_row (fixture->wizard, "contact.address.subdivision")));
  select_subdivision (fixture, "contact.address.subdivision", "CA-QC");
  g_assert_cmpstr (declic_draft_get_string (fixture->draft, "contact.address.subdivision"), ==, "CA-QC");

  /* The United States list their states. */
  set_country (fixture, "contact.address.country", "US");
  select_subdivision (fixture, "contact.address.subdivision", "US-CA");
  g_assert_cmpstr (declic_draft_get_string (fixture->draft, "contact.address.subdivision"), ==, "US-CA");

  /* A country without: a text entry again, which shows the stored value. */
  set_country (fixture, "contact.address.country", without);
  g_assert_true (ADW_IS_ENTRY_ROW (input (fixture, "contact.address.subdivision")));
  g_assert_true (gtk_widget_get_visible (input (fixture, "contact.address.subdivision")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input (fixture, "contact.address.subdivision"))), ==, "US-CA");
  set_text (fixture, "contact.address.subdivision", "Somewhere");
  g_assert_cmpstr (declic_draft_get_string (fixture->draft, "contact.address.subdivision"), ==, "Somewhere");

  /* In items too, and after the page is built again from a loaded draft. */
  add_item (fixture, "education");
  set_country (fixture, "education[0].country", "CA");
  select_subdivision (fixture, "education[0].subdivision", "CA-QC");
  g_assert_cmpstr (declic_draft_get_string (fixture->draft, "education[0].subdivision"), ==, "CA-QC");
  add_item (fixture, "work_history");
  set_country (fixture, "work_history[0].country", "CA");
  g_assert_true (ADW_IS_COMBO_ROW (input (fixture, "work_history[0].subdivision")));
  declic_draft_move_item (fixture->draft, "education", 0, 0);
  add_item (fixture, "education");
  g_assert_true (ADW_IS_COMBO_ROW (input (fixture, "education[0].subdivision")));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (input (fixture, "education[0].subdivision"))), >, 0);
  g_assert_true (ADW_IS_ENTRY_ROW (input (fixture, "education[1].subdivision")));
}

static GtkWidget *
info_label_of (GtkWidget *row)
{
  GtkWidget *message = message_label_of (row);

  /* The info line sits above the message in the same row. */
  return gtk_widget_get_prev_sibling (message);
}

/* A level typed by hand next to a converted score says what the table gives. */
static void
test_wizard_language_override (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char *const scores[] = { "500", "450", "480", "400" };
  const char *path = "french.results[0].listening.level";
  GtkWidget *row;
  GtkWidget *info;
  GtkWidget *message;

  fill_language (fixture, "french", "tef_canada", "2024-11-15", scores);
  row = declic_wizard_get_row (fixture->wizard, path);
  info = info_label_of (row);
  message = message_label_of (row);
  g_assert_false (gtk_widget_get_visible (info));

  /* 500 in listening, TEF Canada after 2023-12-11: level 8. */
  set_text (fixture, path, "10");
  g_assert_true (gtk_widget_get_visible (info));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (info)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (info)), ==, _("Entered by hand: the table gives level 8 for this score."));
  /* The check's own note, below. */
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "8"));
  g_assert_false (row_is_invalid (row));

  /* The same level as the table: nothing to say. */
  set_text (fixture, path, "8");
  g_assert_false (gtk_widget_get_visible (info));
  g_assert_false (gtk_widget_get_visible (message));

  /* The score changes under a typed level. */
  set_text (fixture, "french.results[0].listening.score", "550");
  g_assert_true (gtk_widget_get_visible (info));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (info)), ==, "Entered by hand: the table gives level 10 or more for this score.");
  set_text (fixture, path, "11");
  g_assert_false (gtk_widget_get_visible (info));
}

static gboolean
send_key (GtkWidget *widget,
          guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

/* The NOC search, from the keyboard: type words, Down to the list, Enter. */
static void
test_wizard_noc_keyboard (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *path = "work_history[0].noc_code";
  GtkWidget *row;
  GtkWidget *list;
  GtkWidget *first;
  GtkWidget *info;
  GtkWidget *search;

  add_item (fixture, "work_history");
  declic_wizard_show_section (fixture->wizard, DECLIC_SECTION_WORK);
  wait_frames ();
  row = declic_wizard_get_row (fixture->wizard, path);
  g_assert_true (gtk_widget_get_mapped (row));
  list = find_named (row, "search-results");
  g_assert_nonnull (list);

  /* The search button opens the popover with the focus in its own entry. */
  search = find_named (row, "noc-search");
  g_assert_nonnull (search);
  gtk_popover_popup (GTK_POPOVER (gtk_widget_get_ancestor (list, GTK_TYPE_POPOVER)));
  wait_frames ();
  g_assert_true (gtk_widget_has_focus (search) || gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (row)), search));
  gtk_editable_set_text (GTK_EDITABLE (search), "ingénieur logiciel");
  wait_frames ();
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (list, GTK_TYPE_POPOVER)));
  first = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_nonnull (first);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (first)))), "21231"));

  g_assert_true (send_key (search, GDK_KEY_Down));
  g_assert_true (gtk_widget_has_focus (first));
  /* Enter on a focused row activates it. */
  gtk_widget_activate (first);
  wait_frames ();

  g_assert_cmpstr (declic_draft_get_string (fixture->draft, path), ==, "21231");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "21231");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (list, GTK_TYPE_POPOVER)));
  info = info_label_of (row);
  g_assert_true (gtk_widget_get_visible (info));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (info)), "TEER 1"));
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The Plan page: worked out off the main thread; the best window, the stream rows and the
 * what-ifs show; the chart takes the focus and moves from date to date (through its API here:
 * real arrow keys are not sent in this test); a what-if switched on recomputes the plan without
 * changing the draft. */
static void
test_wizard_plan (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "fixtures", "sample-complete.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = declic_draft_new_from_file (sample, &error);
  g_autofree char *before = NULL;
  GtkWidget *view, *chart, *offer;
  GDate today;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_DECEMBER, 2026);
  declic_clock_set_today (&today);
  before = json_object_to_json_string_ext (declic_draft_get_root (draft), JSON_C_TO_STRING_PLAIN) != NULL
           ? g_strdup (json_object_to_json_string_ext (declic_draft_get_root (draft), JSON_C_TO_STRING_PLAIN)) : NULL;
  declic_wizard_set_draft (fixture->wizard, draft);
  declic_wizard_show_section (fixture->wizard, DECLIC_WIZARD_PAGE_PLAN);
  view = find_type (visible_page (fixture), DECLIC_TYPE_PLAN_VIEW);
  g_assert_nonnull (view);
  for (int i = 0; i < 5000 && !declic_plan_view_is_ready (DECLIC_PLAN_VIEW (view)); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (declic_plan_view_is_ready (DECLIC_PLAN_VIEW (view)));

  g_assert_nonnull (find_row (view, "Stream 1"));
  g_assert_nonnull (find_row (view, "Best window: from December 1, 2026 to February 19, 2027"));
  offer = find_row (view, "A validated job offer outside the Montréal Metropolitan Community");
  g_assert_nonnull (offer);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (offer)), "+50 points (estimate)"));
  /* The rounds' cut-offs name the list they come from (read by the worker, as the core picks it). */
  {
    g_autoptr(DeclicRounds) rounds = declic_rounds_load_default (NULL);
    g_autofree char *list_title = g_strdup_printf ("List of rounds: %s", declic_rounds_get_id (rounds));

    g_assert_nonnull (find_row (view, list_title));
  }

  chart = find_type (view, DECLIC_TYPE_PLAN_CHART);
  g_assert_nonnull (chart);
  g_assert_true (gtk_widget_get_focusable (chart));
  g_assert_true (g_str_has_prefix (declic_plan_chart_get_description (DECLIC_PLAN_CHART (chart)), "December 1, 2026: "));
  declic_plan_chart_select (DECLIC_PLAN_CHART (chart), 1);
  g_assert_cmpuint (declic_plan_chart_get_selected (DECLIC_PLAN_CHART (chart)), ==, 1);

  /* Switching the offer on works the plan out again, with it; the draft is left as it was. */
  gtk_widget_activate (offer);
  for (int i = 0; i < 5000 && !declic_plan_view_is_ready (DECLIC_PLAN_VIEW (view)); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (declic_plan_view_is_ready (DECLIC_PLAN_VIEW (view)));
  g_assert_cmpstr (json_object_to_json_string_ext (declic_draft_get_root (draft), JSON_C_TO_STRING_PLAIN), ==, before);
  declic_wizard_set_draft (fixture->wizard, fixture->draft);
}

/* The first GtkButton under @widget. */
static GtkWidget *
find_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The Deadlines page's "In Arrima" group: recording the filing keeps the values as filed and
 * starts the DI's stage; a value changed afterwards asks for Arrima to be updated, and saying it
 * is updated clears that. */
static void
test_wizard_life (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "fixtures", "sample-complete.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = declic_draft_new_from_file (sample, &error);
  g_autoptr(GPtrArray) changed = NULL;
  GtkWidget *row;
  GDate filed;

  g_assert_no_error (error);
  declic_wizard_set_draft (fixture->wizard, draft);
  declic_wizard_show_section (fixture->wizard, DECLIC_WIZARD_PAGE_DEADLINES);
  g_assert_nonnull (find_row (visible_page (fixture), "Stage of the DI"));
  g_assert_cmpint (declic_draft_life_get_stage (draft), ==, DECLIC_DI_STAGE_DRAFT);

  declic_draft_set_string (draft, "after_filing.di_number", "DI-2025-0001");
  row = find_row (visible_page (fixture), "Filed in Arrima");
  g_assert_nonnull (row);
  g_signal_emit_by_name (find_button (row), "clicked");
  g_assert_cmpint (declic_draft_life_get_stage (draft), ==, DECLIC_DI_STAGE_FILED);
  /* No filing date was typed: filed today, the clock's. */
  g_assert_true (declic_draft_get_date (draft, "filing_date", &filed));
  g_assert_cmpstr (declic_draft_get_string (draft, "filing_date"), ==, REFERENCE_DATE);
  g_assert_cmpuint (declic_draft_get_n_items (draft, "after_filing.filed_values"), >, 20);
  g_assert_null (find_row (visible_page (fixture), "Filed in Arrima"));

  declic_draft_set_string (draft, "personal.family_names", "Marchand-Roy");
  declic_wizard_show_section (fixture->wizard, DECLIC_WIZARD_PAGE_DEADLINES);
  row = find_row (visible_page (fixture), "1 value changed since filing: update the DI in Arrima too");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Family name(s)");
  g_signal_emit_by_name (find_button (row), "clicked");
  changed = declic_draft_life_list_changed (draft);
  g_assert_cmpuint (changed->len, ==, 0);
  g_assert_null (find_row (visible_page (fixture), "1 value changed since filing: update the DI in Arrima too"));
  declic_wizard_set_draft (fixture->wizard, fixture->draft);
}

/* Quiet until asked: a required field nobody left empty says "To fill in", dimmed; once the
 * user moves past its section it is an error. */
static void
test_wizard_quiet (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *row = declic_wizard_get_row (fixture->wizard, "personal.given_names");
  GtkWidget *label = message_label_of (row);

  set_text (fixture, "personal.family_names", "Nguyen");
  g_assert_false (row_is_invalid (row));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "To fill in");
  g_assert_true (gtk_widget_has_css_class (label, "dim-label"));
  gtk_test_accessible_assert_state (row, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE);

  /* A field the user empties is asked for at once; the others stay quiet. */
  set_text (fixture, "personal.given_names", "Thi");
  set_text (fixture, "personal.given_names", "");
  g_assert_true (row_is_invalid (row));
  row = declic_wizard_get_row (fixture->wizard, "personal.birth_date");
  label = message_label_of (row);
  g_assert_false (row_is_invalid (row));

  /* A jump in the sidebar only looks: the section left stays quiet. */
  declic_wizard_show_section (fixture->wizard, DECLIC_SECTION_CONTACT);
  g_assert_false (row_is_invalid (row));
  declic_wizard_show_section (fixture->wizard, DECLIC_SECTION_PERSONAL);
  /* Next moves past it: what is still empty there is asked for. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->wizard), "wizard.next", NULL);
  g_assert_cmpint (declic_wizard_get_section (fixture->wizard), ==, DECLIC_SECTION_CONTACT);
  g_assert_true (row_is_invalid (row));
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  /* The next section is still quiet, until Review is opened. */
  set_text (fixture, "contact.email", "thi@example.org");
  row = NULL;
  for (guint i = 0; row == NULL && i < declic_wizard_get_findings (fixture->wizard)->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (declic_wizard_get_findings (fixture->wizard), i);

      if (declic_finding_get_section (finding) == DECLIC_SECTION_CONTACT && declic_finding_is_to_fill (finding))
        row = declic_wizard_get_row (fixture->wizard, declic_finding_get_path (finding));
    }
  g_assert_nonnull (row);
  g_assert_false (row_is_invalid (row));
  declic_wizard_show_section (fixture->wizard, DECLIC_WIZARD_PAGE_REVIEW);
  g_assert_true (row_is_invalid (row));
}

/* The pages hide what the core says does not apply, and show it once it does. */
static void
test_wizard_applies (Fixture       *fixture,
                     gconstpointer  data)
{
  add_item (fixture, "education");
  set_text (fixture, "education[0].title", "Kỹ sư");
  g_assert_false (gtk_widget_get_visible (declic_wizard_get_row (fixture->wizard, "education[0].subdivision")));
  declic_draft_set_string (fixture->draft, "education[0].country", "VN");
  g_assert_false (gtk_widget_get_visible (declic_wizard_get_row (fixture->wizard, "education[0].subdivision")));
  declic_draft_set_string (fixture->draft, "education[0].country", "CA");
  g_assert_true (gtk_widget_get_visible (declic_wizard_get_row (fixture->wizard, "education[0].subdivision")));

  add_item (fixture, "work_history");
  set_choice (fixture, "work_history[0].type", "work");
  g_assert_false (gtk_widget_get_visible (declic_wizard_get_row (fixture->wizard, "work_history[0].paid")));
  g_assert_false (gtk_widget_get_visible (declic_wizard_get_row (fixture->wizard, "work_history[0].compulsory")));
  g_assert_true (gtk_widget_get_visible (declic_wizard_get_row (fixture->wizard, "work_history[0].noc_code")));
  set_choice (fixture, "work_history[0].type", "internship");
  g_assert_true (gtk_widget_get_visible (declic_wizard_get_row (fixture->wizard, "work_history[0].paid")));

  g_assert_false (gtk_widget_get_visible (declic_wizard_get_row (fixture->wizard, "family.spouse_accompanies")));
  set_choice (fixture, "family.marital_status", "married");
  g_assert_true (gtk_widget_get_visible (declic_wizard_get_row (fixture->wizard, "family.spouse_accompanies")));
}

/* An item added and left empty, or emptied again, is not in the file: the draft's bytes are
 * the same as before Add, with no "{}" or "[]" left behind. */
static void
test_wizard_empty_item (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  set_text (fixture, "personal.family_names", "Nguyen");
  before = declic_draft_to_data (fixture->draft, NULL);

  /* Add, then nothing */
  add_item (fixture, "education");
  after = declic_draft_to_data (fixture->draft, NULL);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Add, type, erase: the item stays on screen, not in the file */
  set_text (fixture, "education[0].title", "Kỹ sư");
  g_assert_cmpuint (declic_draft_get_n_items (fixture->draft, "education"), ==, 1);
  set_text (fixture, "education[0].title", "");
  after = declic_draft_to_data (fixture->draft, NULL);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  g_assert_nonnull (declic_wizard_get_row (fixture->wizard, "education[0].title"));
  /* ... and typing again writes it back */
  set_text (fixture, "education[0].title", "Kỹ sư");
  g_assert_cmpstr (declic_draft_get_string (fixture->draft, "education[0].title"), ==, "Kỹ sư");
  set_text (fixture, "education[0].title", "");

  /* A language result, inside "french": neither "results" nor "french" is left */
  add_item (fixture, "french.results");
  set_text (fixture, "french.results[0].listening.score", "550");
  g_assert_true (declic_draft_has (fixture->draft, "french.results[0].listening.score"));
  set_text (fixture, "french.results[0].listening.score", "");
  after = declic_draft_to_data (fixture->draft, NULL);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Typing over the selected title: erased, then the first character, before the main loop
   * runs again; the item stays where it is, with the new title */
  add_item (fixture, "education");
  set_text (fixture, "education[0].title", "Licence");
  {
    GtkEditable *title = GTK_EDITABLE (input (fixture, "education[0].title"));
    int position = 0;

    gtk_editable_delete_text (title, 0, -1);
    gtk_editable_insert_text (title, "M", -1, &position);
    run_idle ();
  }
  g_assert_cmpuint (declic_draft_get_n_items (fixture->draft, "education"), ==, 1);
  g_assert_cmpstr (declic_draft_get_string (fixture->draft, "education[0].title"), ==, "M");
  set_text (fixture, "education[0].title", "");
  g_assert_false (declic_draft_has (fixture->draft, "education"));

  /* The second of two emptied: the first stays, the list shrinks */
  add_item (fixture, "education");
  set_text (fixture, "education[0].title", "Premier");
  add_item (fixture, "education");
  set_text (fixture, "education[1].title", "Second");
  set_text (fixture, "education[1].title", "");
  g_assert_cmpuint (declic_draft_get_n_items (fixture->draft, "education"), ==, 1);
  g_assert_cmpstr (declic_draft_get_string (fixture->draft, "education[0].title"), ==, "Premier");
}

/* Long choices (education levels) are read whole: the chosen one under the title, where it
 * wraps, and a list whose items wrap; short ones (Sex) keep the drop-down's usual look. */
static void
test_wizard_long_choices (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *level;
  GtkWidget *sex = input (fixture, "personal.sex");

  add_item (fixture, "education");
  level = input (fixture, "education[0].level");
  set_choice (fixture, "education[0].level", "university_1_3y");
  g_assert_true (adw_combo_row_get_use_subtitle (ADW_COMBO_ROW (level)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (level)), ==, "University, 1st cycle, 3 or 4 years");
  g_assert_nonnull (adw_combo_row_get_list_factory (ADW_COMBO_ROW (level)));
  g_assert_false (adw_combo_row_get_use_subtitle (ADW_COMBO_ROW (sex)));
}

/* A question the DI asks (DeclicFieldSpec.question) is a Yes/No choice that starts
 * unanswered: "No" is an answer a person gives, not a switch left alone. Plain yes/no fields
 * stay switches. */
static gboolean
has_unanswered (Fixture    *fixture,
                const char *path)
{
  GPtrArray *findings = declic_wizard_get_findings (fixture->wizard);

  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (declic_finding_get_path (g_ptr_array_index (findings, i)), path) == 0)
      return TRUE;
  return FALSE;
}

static void
test_wizard_question (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *path = "job_offer.has_offer";
  GtkWidget *row = input (fixture, path);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_true (GTK_IS_SWITCH (input (fixture, "consent.information_true")));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  g_assert_false (declic_draft_has (fixture->draft, path));

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);  /* No */
  run_idle ();
  g_assert_true (declic_draft_has (fixture->draft, path));
  g_assert_false (declic_draft_get_boolean (fixture->draft, path, TRUE));
  g_assert_false (has_unanswered (fixture, path));

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);  /* Yes */
  run_idle ();
  g_assert_true (declic_draft_get_boolean (fixture->draft, path, FALSE));

  /* Not answered: taken back, and asked for again (the section left empty is) */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  run_idle ();
  g_assert_false (declic_draft_has (fixture->draft, path));
  g_assert_true (has_unanswered (fixture, path) || has_unanswered (fixture, "job_offer"));

  /* An answer from the file shows as given. */
  declic_draft_set_boolean (fixture->draft, path, FALSE);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("DECLIC_LOCALEDIR");

  /* The test accessibility backend: states can be read back without a bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/wizard/new-destroy", test_wizard_new_destroy);
  g_test_add ("/wizard/fill", Fixture, NULL, fixture_set_up, test_wizard_fill, fixture_tear_down);
  g_test_add ("/wizard/invalid", Fixture, NULL, fixture_set_up, test_wizard_invalid, fixture_tear_down);
  g_test_add ("/wizard/quiet", Fixture, NULL, fixture_set_up, test_wizard_quiet, fixture_tear_down);
  g_test_add ("/wizard/applies", Fixture, NULL, fixture_set_up, test_wizard_applies, fixture_tear_down);
  g_test_add ("/wizard/question", Fixture, NULL, fixture_set_up, test_wizard_question, fixture_tear_down);
  g_test_add ("/wizard/long-choices", Fixture, NULL, fixture_set_up, test_wizard_long_choices, fixture_tear_down);
  g_test_add ("/wizard/empty-item", Fixture, NULL, fixture_set_up, test_wizard_empty_item, fixture_tear_down);
  g_test_add ("/wizard/items", Fixture, NULL, fixture_set_up, test_wizard_items, fixture_tear_down);
  g_test_add ("/wizard/navigation", Fixture, NULL, fixture_set_up, test_wizard_navigation, fixture_tear_down);
  g_test_add ("/wizard/deadline-dates", Fixture, NULL, fixture_set_up, test_wizard_deadline_dates, fixture_tear_down);
  g_test_add ("/wizard/rule-set-record", Fixture, NULL, fixture_set_up, test_wizard_rule_set_record, fixture_tear_down);
  g_test_add ("/wizard/subdivisions", Fixture, NULL, fixture_set_up, test_wizard_subdivisions, fixture_tear_down);
  g_test_add ("/wizard/language-override", Fixture, NULL, fixture_set_up, test_wizard_language_override, fixture_tear_down);
  g_test_add ("/wizard/noc-keyboard", Fixture, NULL, fixture_set_up, test_wizard_noc_keyboard, fixture_tear_down);
  g_test_add ("/wizard/rule-set-switch", Fixture, NULL, fixture_set_up, test_wizard_rule_set_switch, fixture_tear_down);
  g_test_add ("/wizard/plan", Fixture, NULL, fixture_set_up, test_wizard_plan, fixture_tear_down);
  g_test_add ("/wizard/life", Fixture, NULL, fixture_set_up, test_wizard_life, fixture_tear_down);

  return g_test_run ();
}
