/* declic-spouse-link.c: linked spouses' drafts compared (see the header). */
#define G_LOG_DOMAIN "declic-spouse-link"

#include "config.h"

#include <string.h>

#include "declic-draft-fields.h"
#include "declic-format.h"
#include "declic-i18n.h"
#include "declic-profile.h"
#include "declic-spouse-link.h"
#include "declic-text.h"
#include "declic-utils.h"

#define CODE_PREFIX "spouse_link."

typedef enum
{
  KIND_NAME,
  KIND_DATE,
  KIND_DI_NUMBER,
  KIND_EDUCATION,
  KIND_LANGUAGE,
} Kind;

/* What a draft declares about its spouse (@spouse_path, in the "family.spouse" block) against
 * what the spouse's own draft declares about themself (@own_path). */
typedef struct
{
  const char    *what;        /* in the finding's code */
  const char    *spouse_path;
  DeclicSection  spouse_section;
  const char    *own_path;    /* NULL for the highest diploma */
  DeclicSection  own_section;
  Kind           kind;
} CrossField;

static const CrossField cross_fields[] = {
  { "family_names", "family.spouse.family_names", DECLIC_SECTION_FAMILY, "personal.family_names", DECLIC_SECTION_PERSONAL, KIND_NAME },
  { "given_names", "family.spouse.given_names", DECLIC_SECTION_FAMILY, "personal.given_names", DECLIC_SECTION_PERSONAL, KIND_NAME },
  { "birth_date", "family.spouse.birth_date", DECLIC_SECTION_FAMILY, "personal.birth_date", DECLIC_SECTION_PERSONAL, KIND_DATE },
  { "di_number", "family.spouse.di_number", DECLIC_SECTION_FAMILY, "after_filing.di_number", DECLIC_SECTION_NONE, KIND_DI_NUMBER },
  { "education_level", "family.spouse.education_level", DECLIC_SECTION_FAMILY, "education", DECLIC_SECTION_EDUCATION, KIND_EDUCATION },
  { "french", "family.spouse.french", DECLIC_SECTION_FAMILY, "french", DECLIC_SECTION_FRENCH, KIND_LANGUAGE },
  { "english", "family.spouse.english", DECLIC_SECTION_FAMILY, "english", DECLIC_SECTION_ENGLISH, KIND_LANGUAGE },
};

/* One value as compared (@key) and as shown (@text); both NULL when nothing is declared. */
typedef struct
{
  char *key;
  char *text;
} Value;

static void
value_clear (Value *value)
{
  g_clear_pointer (&value->key, g_free);
  g_clear_pointer (&value->text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Value, value_clear)

char *
declic_spouse_link_fold_name (const char *name)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  if (name == NULL)
    return NULL;
  folded = declic_text_fold (name);
  /* "Marie  Ève" and " marie ève " are one name: runs of spaces, of any kind, count as one. */
  for (char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      memset (p, ' ', g_utf8_next_char (p) - p);
  words = g_strsplit (folded, " ", -1);
  {
    GString *out = g_string_new (NULL);

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        {
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append (out, words[i]);
        }
    return g_string_free (out, FALSE);
  }
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
read_name (DeclicDraft *draft,
           const char  *path,
           Value       *value)
{
  const char *text = declic_draft_get_string (draft, path);

  if (is_blank (text))
    return;
  value->key = declic_spouse_link_fold_name (text);
  value->text = g_strdup (text);
}

static void
read_date (DeclicDraft *draft,
           const char  *path,
           Value       *value)
{
  GDate date;

  if (!declic_draft_get_date (draft, path, &date))
    return;
  value->key = declic_utils_format_date (&date);
  value->text = declic_format_date_long (&date, NULL);
}

/* The DI number's format is not published (DI.md §9): letters and digits are what identifies
 * it, whatever the spaces, dashes or case. */
static void
read_di_number (DeclicDraft *draft,
                const char  *path,
                Value       *value)
{
  const char *text = declic_draft_get_string (draft, path);
  GString *key;

  if (is_blank (text))
    return;
  key = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || ((guchar) *p & 0x80) != 0)
      g_string_append_c (key, g_ascii_toupper (*p));
  if (key->len == 0)
    {
      g_string_free (key, TRUE);
      return;
    }
  value->key = g_string_free (key, FALSE);
  value->text = g_strdup (text);
}

static void
set_education_level (Value      *value,
                     const char *code)
{
  if (code == NULL || declic_education_level_rank (code) < 0)
    return;
  value->key = g_strdup (code);
  value->text = g_strdup (declic_enum_choice_get_label ("education[].level", code));
}

/* The spouse's own education, read the way the points read it: the highest diploma obtained
 * by the reference date that counts (DI.md §3.2). */
static void
read_highest_diploma (DeclicDraft *draft,
                      const GDate *today,
                      Value       *value)
{
  g_autoptr(DeclicProfile) profile = NULL;
  GDate reference;

  if (declic_draft_get_n_items (draft, "education") == 0)
    return;
  declic_draft_get_reference_date (draft, today, &reference);
  profile = declic_profile_new (draft, NULL, &reference);
  if (profile->education_level != NULL)
    set_education_level (value, profile->education_level);
  else
    {
      value->key = g_strdup ("none");
      value->text = g_strdup (_("no diploma that counts"));
    }
}

/* ---- Language results ------------------------------------------------------------------------ */

static const char * const skill_ids[] = { "listening", "speaking", "reading", "writing" };

typedef struct
{
  const char *test;
  char       *date;               /* ISO */
  gint64      level[G_N_ELEMENTS (skill_ids)];  /* -1 when none */
  double      score[G_N_ELEMENTS (skill_ids)];  /* < 0 when none */
  guint       index;
} Result;

static void
result_free (gpointer data)
{
  Result *result = data;

  g_free (result->date);
  g_free (result);
}

static gint
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const Result *ra = *(const Result * const *) a;
  const Result *rb = *(const Result * const *) b;
  int c = g_strcmp0 (ra->test, rb->test);

  return c != 0 ? c : g_strcmp0 (ra->date, rb->date);
}

/* The results of a language block; %NULL when it declares nothing, an empty array for
 * "no standardized result". */
static GPtrArray *
read_results (DeclicDraft *draft,
              const char  *prefix)
{
  g_autofree char *no_result = g_strconcat (prefix, ".no_result", NULL);
  g_autofree char *results_path = g_strconcat (prefix, ".results", NULL);
  guint n = declic_draft_get_n_items (draft, results_path);
  GPtrArray *results;

  if (n == 0 && !declic_draft_get_boolean (draft, no_result, FALSE))
    return NULL;
  results = g_ptr_array_new_with_free_func (result_free);
  /* "No standardized result" wins over results left in the file, as the profile reads it. */
  if (declic_draft_get_boolean (draft, no_result, FALSE))
    return results;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("%s[%u].test", results_path, i);
      g_autofree char *date_path = g_strdup_printf ("%s[%u].result_date", results_path, i);
      Result *result = g_new0 (Result, 1);
      GDate date;

      result->index = i;
      result->test = declic_draft_get_string (draft, test_path);
      if (declic_draft_get_date (draft, date_path, &date))
        result->date = declic_utils_format_date (&date);
      for (guint s = 0; s < G_N_ELEMENTS (skill_ids); s++)
        {
          g_autofree char *level_path = g_strdup_printf ("%s[%u].%s.level", results_path, i, skill_ids[s]);
          g_autofree char *score_path = g_strdup_printf ("%s[%u].%s.score", results_path, i, skill_ids[s]);

          result->level[s] = declic_draft_get_integer (draft, level_path, -1);
          result->score[s] = declic_draft_get_number (draft, score_path, -1);
        }
      g_ptr_array_add (results, result);
    }
  g_ptr_array_sort (results, compare_results);
  return results;
}

/* The same result: the same test on the same date, and for each skill the same level or the
 * same score where both give one (a level typed on one side and a score on the other are not
 * compared: the conversion is the language tables' business). */
static gboolean
results_agree (const Result *a,
               const Result *b)
{
  if (g_strcmp0 (a->test, b->test) != 0 || g_strcmp0 (a->date, b->date) != 0)
    return FALSE;
  for (guint s = 0; s < G_N_ELEMENTS (skill_ids); s++)
    {
      if (a->level[s] >= 1 && b->level[s] >= 1 && a->level[s] != b->level[s])
        return FALSE;
      if (a->score[s] >= 0 && b->score[s] >= 0 && a->score[s] != b->score[s])
        return FALSE;
    }
  return TRUE;
}

static gboolean
result_sets_agree (GPtrArray *a,
                   GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  /* Both sorted by test and date. */
  for (guint i = 0; i < a->len; i++)
    if (!results_agree (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

static char *
describe_results (GPtrArray *results)
{
  GString *out = g_string_new (NULL);

  if (results->len == 0)
    return g_strdup (_("no standardized result"));
  for (guint i = 0; i < results->len; i++)
    {
      Result *result = g_ptr_array_index (results, i);
      const char *test = result->test != NULL
                           ? declic_enum_choice_get_label ("french.results[].test", result->test) : NULL;
      GDate date;
      g_autofree char *date_text = NULL;

      if (out->len > 0)
        g_string_append (out, "; ");
      g_date_clear (&date, 1);
      if (result->date != NULL && declic_utils_parse_date (result->date, &date))
        date_text = declic_format_date_long (&date, NULL);
      /* Translators: a language result, "TEF Canada of March 1, 2025" (the date may be "no date") */
      g_string_append_printf (out, C_("language result", "%s of %s"), test != NULL ? test : _("an unnamed test"),
                              date_text != NULL ? date_text : _("no date"));
      for (guint s = 0; s < G_N_ELEMENTS (skill_ids); s++)
        {
          g_autofree char *figure = NULL;

          if (result->level[s] >= 1)
            /* Translators: a skill and its level, ", listening level 7" */
            figure = g_strdup_printf (_("%s level %d"), declic_skill_get_label (s), (int) result->level[s]);
          else if (result->score[s] >= 0)
            {
              g_autofree char *score = declic_format_number (result->score[s], 1, NULL);
              /* Translators: a skill and its score, ", listening score 350" */
              figure = g_strdup_printf (_("%s score %s"), declic_skill_get_label (s), score);
            }
          if (figure != NULL)
            g_string_append_printf (out, ", %s", figure);
        }
    }
  return g_string_free (out, FALSE);
}

/* ---- Findings -------------------------------------------------------------------------------- */

static void
read_value (DeclicDraft *draft,
            const char  *path,
            Kind         kind,
            const GDate *today,
            Value       *value)
{
  switch (kind)
    {
    case KIND_NAME:
      read_name (draft, path, value);
      break;
    case KIND_DATE:
      read_date (draft, path, value);
      break;
    case KIND_DI_NUMBER:
      read_di_number (draft, path, value);
      break;
    case KIND_EDUCATION:
      if (path == NULL || g_str_equal (path, "education"))
        read_highest_diploma (draft, today, value);
      else
        set_education_level (value, declic_draft_get_string (draft, path));
      break;
    case KIND_LANGUAGE:
    default:
      g_assert_not_reached ();
    }
}

static const char *
get_label (const char *path)
{
  const DeclicFieldSpec *spec = declic_draft_fields_lookup_path (path);

  if (g_str_equal (path, "education"))
    return _("Highest diploma");
  return spec != NULL && spec->label != NULL ? g_dgettext (GETTEXT_PACKAGE, spec->label) : path;
}

typedef enum
{
  SIDE_ABOUT_SPOUSE,  /* @draft's value is what it declares about the spouse */
  SIDE_OWN,           /* @draft's value is about its own person; the spouse's draft declares it */
  SIDE_SHARED,        /* both declare it about the couple or the family */
} Side;

static void
add_disagreement (GPtrArray     *findings,
                  const char    *what,
                  const char    *path,
                  DeclicSection  section,
                  Side           side,
                  const char    *here,
                  const char    *there,
                  const char    *spouse_name)
{
  g_autofree char *code = g_strconcat (CODE_PREFIX, what, ".differs", NULL);
  const char *label = get_label (path);

  switch (side)
    {
    case SIDE_ABOUT_SPOUSE:
      declic_finding_list_add_printf (findings, code, path, section, DECLIC_SEVERITY_ERROR,
                                      _("%s: “%s” here, but the spouse’s own draft “%s” says “%s”. The two DIs must agree: correct the one that is wrong."),
                                      label, here, spouse_name, there);
      break;
    case SIDE_OWN:
      declic_finding_list_add_printf (findings, code, path, section, DECLIC_SEVERITY_ERROR,
                                      _("%s: “%s” here, but the linked spouse’s draft “%s” declares “%s” for this person. The two DIs must agree: correct the one that is wrong."),
                                      label, here, spouse_name, there);
      break;
    case SIDE_SHARED:
    default:
      declic_finding_list_add_printf (findings, code, path, section, DECLIC_SEVERITY_ERROR,
                                      _("%s: “%s” here, but the linked spouse’s draft “%s” says “%s”. The two DIs must agree: correct the one that is wrong."),
                                      label, here, spouse_name, there);
      break;
    }
}

/* @about: the draft with the "family.spouse" block; @own: the draft of the spouse it describes;
 * findings go on @draft, which is one of the two. */
static void
compare_cross_field (const CrossField *field,
                     DeclicDraft      *about,
                     DeclicDraft      *own,
                     DeclicDraft      *draft,
                     const char       *spouse_name,
                     const GDate      *today,
                     GPtrArray        *findings)
{
  gboolean on_about = draft == about;
  const char *path = on_about ? field->spouse_path : field->own_path;
  DeclicSection section = on_about ? field->spouse_section : field->own_section;
  Side side = on_about ? SIDE_ABOUT_SPOUSE : SIDE_OWN;

  if (field->kind == KIND_LANGUAGE)
    {
      g_autoptr(GPtrArray) declared = read_results (about, field->spouse_path);
      g_autoptr(GPtrArray) actual = read_results (own, field->own_path);
      g_autofree char *declared_text = NULL;
      g_autofree char *actual_text = NULL;

      if (declared == NULL || actual == NULL || result_sets_agree (declared, actual))
        return;
      declared_text = describe_results (declared);
      actual_text = describe_results (actual);
      add_disagreement (findings, field->what, path, section, side,
                        on_about ? declared_text : actual_text,
                        on_about ? actual_text : declared_text, spouse_name);
      return;
    }

  {
    g_auto(Value) declared = { NULL, NULL };
    g_auto(Value) actual = { NULL, NULL };

    read_value (about, field->spouse_path, field->kind, today, &declared);
    read_value (own, field->own_path, field->kind, today, &actual);
    if (declared.key == NULL || actual.key == NULL || g_str_equal (declared.key, actual.key))
      return;
    add_disagreement (findings, field->what, path, section, side,
                      on_about ? declared.text : actual.text,
                      on_about ? actual.text : declared.text, spouse_name);
  }
}

static const char *
get_marital_status (DeclicDraft *draft)
{
  const char *status = declic_draft_get_string (draft, "family.marital_status");

  return is_blank (status) ? NULL : status;
}

static void
compare_marital_status (DeclicDraft *draft,
                        DeclicDraft *spouse,
                        const char  *spouse_name,
                        GPtrArray   *findings)
{
  const char *here = get_marital_status (draft);
  const char *there = get_marital_status (spouse);
  const char *path = "family.marital_status";

  if (here == NULL || there == NULL)
    return;
  /* Married on one side needs married on the other, and a de facto union both sides' too. */
  if (!g_str_equal (here, there))
    add_disagreement (findings, "marital_status", path, DECLIC_SECTION_FAMILY, SIDE_SHARED,
                      declic_enum_choice_get_label (path, here), declic_enum_choice_get_label (path, there),
                      spouse_name);
  else if (!g_str_equal (here, "married") && !g_str_equal (here, "de_facto"))
    declic_finding_list_add_printf (findings, CODE_PREFIX "marital_status.not_in_union", path,
                                    DECLIC_SECTION_FAMILY, DECLIC_SEVERITY_ERROR,
                                    _("This draft is linked as a spouse to “%s”, but both give the marital status “%s”: spouses are married or in a de facto union. Correct the marital status, or unlink the drafts."),
                                    spouse_name, declic_enum_choice_get_label (path, here));
}

typedef struct
{
  char *key;   /* folded given names, then the ISO date of birth */
  char *text;
} Child;

static void
child_free (gpointer data)
{
  Child *child = data;

  g_free (child->key);
  g_free (child->text);
  g_free (child);
}

static gint
compare_children (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 ((*(const Child * const *) a)->key, (*(const Child * const *) b)->key);
}

static GPtrArray *
read_children (DeclicDraft *draft)
{
  guint n = declic_draft_get_n_items (draft, "family.children");
  GPtrArray *children = g_ptr_array_new_with_free_func (child_free);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *names_path = g_strdup_printf ("family.children[%u].given_names", i);
      g_autofree char *date_path = g_strdup_printf ("family.children[%u].birth_date", i);
      const char *names = declic_draft_get_string (draft, names_path);
      g_autofree char *folded = declic_spouse_link_fold_name (names);
      g_autofree char *iso = NULL;
      g_autofree char *date_text = NULL;
      Child *child = g_new0 (Child, 1);
      GDate date;

      if (declic_draft_get_date (draft, date_path, &date))
        {
          iso = declic_utils_format_date (&date);
          date_text = declic_format_date_long (&date, NULL);
        }
      child->key = g_strconcat (folded != NULL ? folded : "", "\n", iso != NULL ? iso : "", NULL);
      /* Translators: a child as two linked drafts list them, "Léa, born May 3, 2015" */
      child->text = g_strdup_printf (_("%s, born %s"), !is_blank (names) ? names : _("no name"),
                                     date_text != NULL ? date_text : _("no date"));
      g_ptr_array_add (children, child);
    }
  g_ptr_array_sort (children, compare_children);
  return children;
}

static char *
describe_children (GPtrArray *children)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) texts = NULL;

  if (children->len == 0)
    return g_strdup (_("no children"));
  for (guint i = 0; i < children->len; i++)
    g_strv_builder_add (builder, ((Child *) g_ptr_array_index (children, i))->text);
  texts = g_strv_builder_end (builder);
  return g_strjoinv ("; ", texts);
}

static void
compare_children_sets (DeclicDraft *draft,
                       DeclicDraft *spouse,
                       const char  *spouse_name,
                       GPtrArray   *findings)
{
  g_autoptr(GPtrArray) here = NULL;
  g_autoptr(GPtrArray) there = NULL;
  gboolean same;

  /* A family section not begun on either side declares no children yet. */
  if (get_marital_status (draft) == NULL || get_marital_status (spouse) == NULL)
    return;
  here = read_children (draft);
  there = read_children (spouse);
  same = here->len == there->len;
  for (guint i = 0; same && i < here->len; i++)
    same = g_str_equal (((Child *) g_ptr_array_index (here, i))->key,
                        ((Child *) g_ptr_array_index (there, i))->key);
  if (!same)
    {
      g_autofree char *here_text = describe_children (here);
      g_autofree char *there_text = describe_children (there);

      add_disagreement (findings, "children", "family.children", DECLIC_SECTION_FAMILY, SIDE_SHARED,
                        here_text, there_text, spouse_name);
    }
}

/**
 * declic_spouse_link_compare:
 * @draft: the draft the findings are for
 * @spouse: the draft linked to it as its spouse's
 * @today: (nullable): today, for the reference dates
 * @findings: where to add them
 */
void
declic_spouse_link_compare (DeclicDraft *draft,
                            DeclicDraft *spouse,
                            const GDate *today,
                            GPtrArray   *findings)
{
  g_autofree char *spouse_name = NULL;
  g_autofree char *union_here = NULL;
  g_autofree char *union_there = NULL;

  g_return_if_fail (DECLIC_IS_DRAFT (draft));
  g_return_if_fail (DECLIC_IS_DRAFT (spouse));
  g_return_if_fail (findings != NULL);

  spouse_name = declic_draft_dup_display_name (spouse);
  if (spouse_name == NULL)
    spouse_name = g_strdup (declic_draft_get_id (spouse) != NULL ? declic_draft_get_id (spouse) : "");

  /* Who each one is, as the other declares them: @draft's spouse block against @spouse's own
   * sections, then @spouse's block against @draft's own. */
  for (guint i = 0; i < G_N_ELEMENTS (cross_fields); i++)
    compare_cross_field (&cross_fields[i], draft, spouse, draft, spouse_name, today, findings);
  for (guint i = 0; i < G_N_ELEMENTS (cross_fields); i++)
    compare_cross_field (&cross_fields[i], spouse, draft, draft, spouse_name, today, findings);

  compare_marital_status (draft, spouse, spouse_name, findings);
  {
    g_auto(Value) here = { NULL, NULL };
    g_auto(Value) there = { NULL, NULL };

    read_date (draft, "family.union_date", &here);
    read_date (spouse, "family.union_date", &there);
    if (here.key != NULL && there.key != NULL && !g_str_equal (here.key, there.key))
      add_disagreement (findings, "union_date", "family.union_date", DECLIC_SECTION_FAMILY, SIDE_SHARED,
                        here.text, there.text, spouse_name);
  }
  compare_children_sets (draft, spouse, spouse_name, findings);
}

void
declic_spouse_link_add_findings (GPtrArray   *findings,
                                 DeclicDraft *draft,
                                 DeclicDraft *spouse,
                                 const char  *spouse_id,
                                 const GDate *today)
{
  if (spouse != NULL)
    declic_spouse_link_compare (draft, spouse, today, findings);
  else
    declic_spouse_link_add_missing (findings, spouse_id);
}

void
declic_spouse_link_add_missing (GPtrArray  *findings,
                                const char *spouse_id)
{
  g_return_if_fail (findings != NULL);

  declic_finding_list_add_printf (findings, CODE_PREFIX "spouse.missing", "family.spouse", DECLIC_SECTION_FAMILY,
                                  DECLIC_SEVERITY_WARNING,
                                  _("This draft is linked as a spouse to the draft “%s”, which is not in the workspace: the two cannot be compared. Put the spouse’s draft back, or unlink them."),
                                  spouse_id != NULL ? spouse_id : "");
}

gboolean
declic_spouse_link_is_finding (DeclicFinding *finding)
{
  g_return_val_if_fail (DECLIC_IS_FINDING (finding), FALSE);

  return g_str_has_prefix (declic_finding_get_code (finding), CODE_PREFIX);
}
