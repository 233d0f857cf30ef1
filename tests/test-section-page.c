/* test-section-page.c: the wizard's section pages (app/gui/wizard/sections/), one test per page
 * class: its type and section, its title and description, a row for every field its template
 * names and the lists it shows, inside the page; rows made once and filled again for another
 * draft; and every page finalized with the wizard. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <adwaita.h>

#include "declic-clock.h"
#include "declic-draft.h"
#include "declic-utils.h"
#include "wizard/declic-wizard.h"
#include "wizard/sections/declic-consent-page.h"
#include "wizard/sections/declic-contact-page.h"
#include "wizard/sections/declic-education-page.h"
#include "wizard/sections/declic-english-page.h"
#include "wizard/sections/declic-family-page.h"
#include "wizard/sections/declic-field-group.h"
#include "wizard/sections/declic-french-page.h"
#include "wizard/sections/declic-job-offer-page.h"
#include "wizard/sections/declic-personal-page.h"
#include "wizard/sections/declic-quebec-page.h"
#include "wizard/sections/declic-representative-page.h"
#include "wizard/sections/declic-work-page.h"

typedef struct
{
  const char     *name;
  GType         (*get_type) (void);
  DeclicSection   section;
  const char     *text_path;  /* a text field of the page, filled differently in each draft */
  const char     *list_path;  /* a list of items it shows, or NULL */
} PageCase;

static const PageCase cases[] = {
  { "personal", declic_personal_page_get_type, DECLIC_SECTION_PERSONAL, "personal.family_names", "personal.citizenships" },
  { "contact", declic_contact_page_get_type, DECLIC_SECTION_CONTACT, "contact.email", NULL },
  { "family", declic_family_page_get_type, DECLIC_SECTION_FAMILY, "family.spouse.family_names", "family.children" },
  { "education", declic_education_page_get_type, DECLIC_SECTION_EDUCATION, NULL, "education" },
  { "work", declic_work_page_get_type, DECLIC_SECTION_WORK, NULL, "work_history" },
  { "job-offer", declic_job_offer_page_get_type, DECLIC_SECTION_JOB_OFFER, "job_offer.employer", NULL },
  { "french", declic_french_page_get_type, DECLIC_SECTION_FRENCH, NULL, "french.results" },
  { "english", declic_english_page_get_type, DECLIC_SECTION_ENGLISH, NULL, "english.results" },
  { "quebec", declic_quebec_page_get_type, DECLIC_SECTION_QUEBEC, NULL, NULL },
  { "consent", declic_consent_page_get_type, DECLIC_SECTION_CONSENT, NULL, NULL },
  { "representative", declic_representative_page_get_type, DECLIC_SECTION_REPRESENTATIVE, "representative.name", NULL },
};

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* The field groups of @widget's subtree, in order. */
static void
collect_groups (GtkWidget *widget,
                GPtrArray *groups)
{
  if (DECLIC_IS_FIELD_GROUP (widget))
    g_ptr_array_add (groups, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_groups (child, groups);
}

static DeclicDraft *
new_draft (const char *value)
{
  DeclicDraft *draft = declic_draft_new ();

  declic_draft_set_string (draft, "planned_filing_date", "2025-09-01");
  declic_draft_set_string (draft, "family.marital_status", "married");
  declic_draft_set_boolean (draft, "family.spouse_accompanies", TRUE);
  declic_draft_set_boolean (draft, "job_offer.has_offer", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (cases[i].text_path != NULL)
      declic_draft_set_string (draft, cases[i].text_path, value);
  return draft;
}

static void
test_page (gconstpointer data)
{
  const PageCase *page_case = data;
  g_autoptr(DeclicDraft) first = new_draft ("marie@example.org");
  g_autoptr(DeclicDraft) second = new_draft ("jean@example.org");
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *wizard = declic_wizard_new ();
  GtkWidget *page;
  GtkWidget *stack;
  GtkWidget *row = NULL;
  guint n_paths = 0;

  gtk_window_set_child (GTK_WINDOW (window), wizard);
  declic_wizard_set_draft (DECLIC_WIZARD (wizard), first);
  gtk_window_present (GTK_WINDOW (window));
  declic_wizard_show_section (DECLIC_WIZARD (wizard), page_case->section);

  stack = gtk_widget_get_ancestor (declic_wizard_get_add_button (DECLIC_WIZARD (wizard), "education"), GTK_TYPE_STACK);
  g_assert_nonnull (stack);
  page = gtk_stack_get_visible_child (GTK_STACK (stack));
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (page, page_case->get_type ()));
  g_assert_cmpint (declic_section_page_get_section (DECLIC_SECTION_PAGE (page)), ==, page_case->section);
  g_assert_true (declic_section_page_is_bound (DECLIC_SECTION_PAGE (page)));
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);

  /* Its title is the section's, and its template says what the section asks for. */
  g_assert_true (has_label (page, declic_section_get_title (page_case->section)));
  {
    g_autofree char *description = NULL;

    g_object_get (page, "description", &description, NULL);
    g_assert_nonnull (description);
    g_assert_cmpuint (strlen (description), >, 10);
  }

  /* A row for every path its groups name, on this page. */
  collect_groups (page, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      GListModel *paths = declic_field_group_get_paths (g_ptr_array_index (groups, i));

      for (guint j = 0; paths != NULL && j < g_list_model_get_n_items (paths); j++)
        {
          g_autoptr(GtkStringObject) path = g_list_model_get_item (paths, j);
          GtkWidget *path_row = declic_wizard_get_row (DECLIC_WIZARD (wizard), gtk_string_object_get_string (path));

          g_assert_nonnull (path_row);
          g_assert_true (gtk_widget_is_ancestor (path_row, page));
          n_paths++;
        }
    }
  if (page_case->list_path != NULL)
    {
      GtkWidget *add = declic_wizard_get_add_button (DECLIC_WIZARD (wizard), page_case->list_path);

      g_assert_nonnull (add);
      g_assert_true (gtk_widget_is_ancestor (add, page));
      g_assert_nonnull (declic_section_page_get_item_list (DECLIC_SECTION_PAGE (page), page_case->list_path));
    }
  g_assert_true (n_paths > 0 || page_case->list_path != NULL);

  /* Another draft: the same rows, filled from it. */
  if (page_case->text_path != NULL)
    {
      row = declic_wizard_get_row (DECLIC_WIZARD (wizard), page_case->text_path);
      g_assert_true (gtk_widget_get_visible (row));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "marie@example.org");
    }
  declic_wizard_set_draft (DECLIC_WIZARD (wizard), second);
  g_assert_true (declic_section_page_is_bound (DECLIC_SECTION_PAGE (page)));
  if (page_case->text_path != NULL)
    {
      g_assert_true (declic_wizard_get_row (DECLIC_WIZARD (wizard), page_case->text_path) == row);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "jean@example.org");
    }

  /* Another page shown, then another draft: this one waits, unbound, until it is shown again. */
  declic_wizard_show_section (DECLIC_WIZARD (wizard), page_case->section == 0 ? 1 : 0);
  declic_wizard_set_draft (DECLIC_WIZARD (wizard), first);
  g_assert_false (declic_section_page_is_bound (DECLIC_SECTION_PAGE (page)));
  declic_wizard_show_section (DECLIC_WIZARD (wizard), page_case->section);
  g_assert_true (declic_section_page_is_bound (DECLIC_SECTION_PAGE (page)));
  if (page_case->text_path != NULL)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "marie@example.org");

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* The page went with its wizard. */
  g_assert_null (page);
}

int
main (int   argc,
      char *argv[])
{
  GDate today;

  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_date_clear (&today, 1);
  g_assert_true (declic_utils_parse_date ("2025-09-01", &today));
  declic_clock_set_today (&today);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/section-page/%s", cases[i].name);

      g_test_add_data_func (name, &cases[i], test_page);
    }
  return g_test_run ();
}
