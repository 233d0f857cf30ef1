/* declic-cli-check.c: `declic check [--date YYYY-MM-DD] [--format text|json|csv] [--due-within DAYS]
 *                     [--rules ID] PATH...` (`--json` is `--format json`)
 *
 * Checks draft files, or every draft of workspace folders, without a display: the validation
 * issues, whether the DI can be filed, the PSTQ streams met, the points estimate and the
 * deadlines, all worked out by declic-check.h. It reads the drafts and never writes them, not
 * even their "rule_set_id": recording the rule set a draft was checked with is the GUI's decision.
 *
 * Exit status: 0 when every draft can be filed, 1 when one has an error, 2 when a file or folder
 * cannot be read or the command line is wrong (the reason goes to stderr). With --due-within,
 * only the drafts shown count, but a file that cannot be read still gives 2: its deadlines are
 * unknown.
 *
 * The CSV is declic-summary-csv.h's, the same as the window's export.
 *
 * Drafts a folder's ".declic/links.json" links as spouses are checked against each other when
 * both are checked in the same run (the folder, or both files): what they declare differently
 * about each other is an error on both (declic-spouse-link.h). A draft checked without its
 * spouse's draft is checked alone. A links file that is refused makes the run fail (2); the
 * drafts are still checked, unlinked.
 */
#define G_LOG_DOMAIN "declic-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-c/json.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "declic-check.h"
#include "declic-check-json.h"
#include "declic-clock.h"
#include "declic-cli.h"
#include "declic-format.h"
#include "declic-spouse-links.h"
#include "declic-summary-csv.h"
#include "declic-utils.h"


enum
{
  EXIT_FILEABLE = 0,
  EXIT_ERRORS = 1,
  EXIT_UNREADABLE = 2,
};

typedef enum
{
  FORMAT_TEXT,
  FORMAT_JSON,
  FORMAT_CSV,
} Format;

typedef struct
{
  GDate                  date;         /* --date, or cleared */
  DeclicRuleSet         *forced_rules; /* --rules, or NULL */
  Format                 format;
  int                    due_within;   /* --due-within, or -1 */
  DeclicValidateContext *validate_ctx;
  json_object           *json_out;     /* array */
  GString               *csv_out;
  int                    status;
  guint                  n_checked;
  GHashTable            *spouses;      /* canonical path → FileResult of the linked draft */
  GHashTable            *checked;      /* canonical path → FileResult, every path of the run */
} CheckRun;

/* ---- Human report ---------------------------------------------------------------------------- */

static void
print_findings (GString    *out,
                GPtrArray  *findings,
                const char *indent)
{
  for (guint i = 0; i < findings->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (findings, i);
      const char *path = declic_finding_get_path (finding);

      if (path != NULL && *path != '\0')
        /* Translators: an issue line: severity, message, then the field path in brackets */
        g_string_append_printf (out, _("%s%s: %s [%s]\n"), indent,
                 declic_severity_get_label (declic_finding_get_severity (finding)),
                 declic_finding_get_message (finding), path);
      else
        g_string_append_printf (out, _("%s%s: %s\n"), indent,
                 declic_severity_get_label (declic_finding_get_severity (finding)),
                 declic_finding_get_message (finding));
    }
}

static void
print_report (GString     *out,
              const char  *path,
              const char  *spouse_path,
              DeclicDraft *draft,
              DeclicCheck *check)
{
  const GDate *today = &check->today;
  const GDate *reference = &check->reference;
  DeclicRuleSet *rule_set = check->rule_set;
  GPtrArray *issues = check->findings;
  gboolean fileable = check->fileable;
  DeclicEligibility *eligibility = check->eligibility;
  DeclicPoints *points = check->points;
  GPtrArray *deadlines = check->deadlines;
  g_autofree char *name = declic_draft_dup_display_name (draft);
  /* The text report is for people: dates and numbers in the interface language (the JSON and
   * CSV reports stay ISO and C-locale). */
  g_autofree char *date = declic_format_date_long (reference, NULL);
  g_autofree char *today_text = declic_format_date_long (today, NULL);
  const char *recorded = declic_draft_get_string (draft, "rule_set_id");
  guint n_errors = declic_finding_list_count (issues, DECLIC_SECTION_NONE, DECLIC_SEVERITY_ERROR);
  guint n_warnings = declic_finding_list_count (issues, DECLIC_SECTION_NONE, DECLIC_SEVERITY_WARNING);

  /* A draft with no names and no label has nothing to show after its path (not "(null)"). */
  if (name != NULL)
    g_string_append_printf (out, "%s — %s\n", path, name);
  else
    g_string_append_printf (out, "%s\n", path);
  if (rule_set != NULL)
    /* TRANSLATORS: "Checked on December 1, 2026 for a filing on January 15, 2027, with the rules …" */
    g_string_append_printf (out, _("  Checked on %s for a filing on %s, with the rules “%s” (%s)\n"), today_text, date,
             declic_rule_set_get_id (rule_set), declic_rule_set_get_title (rule_set));
  else
    g_string_append_printf (out, _("  Checked on %s for a filing on %s; no rule set was in force on that date\n"), today_text, date);
  if (rule_set != NULL && recorded != NULL && g_strcmp0 (recorded, declic_rule_set_get_id (rule_set)) != 0)
    g_string_append_printf (out, _("  The draft was last checked with “%s”; it is left unchanged.\n"), recorded);
  if (spouse_path != NULL)
    g_string_append_printf (out, _("  Linked spouse’s draft: %s (the two are checked against each other)\n"), spouse_path);
  if (check->stage != DECLIC_DI_STAGE_DRAFT)
    /* TRANSLATORS: where the DI is in Arrima, "  Stage of the DI: filed in Arrima" */
    g_string_append_printf (out, _("  Stage of the DI: %s\n"), declic_di_stage_get_label (check->stage));

  {
    g_autofree char *warnings_text = declic_format_integer (n_warnings, NULL);
    g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s warning", "%s warnings", n_warnings),
                                                 warnings_text);
    /* Said as the list of drafts says it: required fields left empty are fields to fill. */
    g_autofree char *errors = declic_finding_format_counts (n_errors,
                                                            declic_finding_list_count_to_fill (issues, DECLIC_SECTION_NONE));

    if (errors == NULL)
      errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s error", "%s errors", 0), "0");

    if (fileable)
      /* TRANSLATORS: %s is "1 warning", "2 warnings"… */
      g_string_append_printf (out, _("  Can be filed: yes (%s)\n"), warnings);
    else
      /* TRANSLATORS: "Can be filed: no (2 errors, 1 warning)", "(9 fields to fill, 0 warnings)" */
      g_string_append_printf (out, _("  Can be filed: no (%s, %s)\n"), errors, warnings);
  }
  if (issues->len > 0)
    {
      g_string_append_printf (out, _("  Issues:\n"));
      print_findings (out, issues, "    ");
    }

  if (eligibility != NULL && eligibility->streams->len > 0)
    {
      g_string_append_printf (out, _("  PSTQ streams (%s):\n"), declic_rule_status_get_label (eligibility->status));
      for (guint i = 0; i < eligibility->streams->len; i++)
        {
          DeclicStreamEligibility *stream = g_ptr_array_index (eligibility->streams, i);
          const char *verdict = declic_stream_eligibility_get_verdict (stream);

          /* Translators: "    Stream 1, High qualification: met" */
          g_string_append_printf (out, _("    Stream %d, %s: %s\n"), stream->number, stream->title, verdict);
          for (guint r = 0; r < stream->reasons->len; r++)
            g_string_append_printf (out, "      - %s\n", declic_finding_get_message (g_ptr_array_index (stream->reasons, r)));
          for (guint r = 0; r < stream->notes->len; r++)
            g_string_append_printf (out, "      · %s\n", declic_finding_get_message (g_ptr_array_index (stream->notes, r)));
        }
    }

  if (points != NULL)
    {
      /* Never shown as official: DI.md §5 is a derived grid. */
      g_autofree char *total = declic_format_integer (points->total, NULL);
      g_autofree char *max_total = declic_format_integer (points->max_total, NULL);
      /* The grid's version is its date of effect, ISO in the rules. */
      g_autofree char *grid_version = declic_format_date_text (points->grid_version, NULL);

      g_string_append_printf (out, _("  Estimated score: %s of %s (an estimate, not official: grid %s of %s, %s)\n"),
               total, max_total, points->grid_id, grid_version,
               declic_rule_status_get_label (points->status));
      for (DeclicPointsFactor f = 0; f < DECLIC_POINTS_N_FACTORS; f++)
        {
          /* Translators: a factor of the grid and its points, "    Human capital: 381 / 520" */
          g_autofree char *got = declic_format_integer (points->factor_points[f], NULL);
          g_autofree char *max = declic_format_integer (points->factor_max[f], NULL);

          g_string_append_printf (out, _("    %s: %s / %s\n"), declic_points_factor_get_label (f), got, max);
          for (guint i = 0; i < points->items->len; i++)
            {
              DeclicPointsItem *item = g_ptr_array_index (points->items, i);

              if (item->factor == f)
                {
                  g_autofree char *item_got = declic_format_integer (item->points, NULL);
                  g_autofree char *item_max = declic_format_integer (item->max, NULL);

                  /* Translators: a sub-factor, its points and the input it used */
                  g_string_append_printf (out, _("      %s: %s / %s — %s\n"), item->label, item_got, item_max, item->input);
                }
            }
        }
      for (guint i = 0; i < points->notes->len; i++)
        g_string_append_printf (out, "    · %s\n", (const char *) g_ptr_array_index (points->notes, i));
    }

  if (deadlines != NULL && deadlines->len > 0)
    {
      g_string_append_printf (out, _("  Deadlines:\n"));
      for (guint i = 0; i < deadlines->len; i++)
        {
          DeclicDeadline *deadline = g_ptr_array_index (deadlines, i);
          g_autofree char *when = declic_format_date_long (&deadline->date, NULL);
          g_autofree char *left = NULL;
          g_autofree char *days = declic_format_integer (ABS (deadline->days_left), NULL);

          if (deadline->days_left >= 0)
            left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day left", "%s days left", deadline->days_left),
                                    days);
          else
            left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "passed %s day ago", "passed %s days ago", -deadline->days_left),
                                    days);
          if (deadline->status == DECLIC_DEADLINE_PASSED)
            /* Translators: "    January 15, 2027 (passed 3 days ago): The déclaration d’intérêt expires [official]" */
            g_string_append_printf (out, _("    %s (%s): %s [%s]\n"), when, left, deadline->label,
                                    declic_rule_status_get_label (deadline->source_status));
          else
            /* Translators: "    January 15, 2027 (320 days left, ok): The déclaration d’intérêt expires [official]" */
            g_string_append_printf (out, _("    %s (%s, %s): %s [%s]\n"), when, left,
                     declic_deadline_status_get_label (deadline->status), deadline->label,
                     declic_rule_status_get_label (deadline->source_status));
        }
    }
  g_string_append_c (out, '\n');
}

/* ---- Checking -------------------------------------------------------------------------------- */

/* What one path gives, worked out on a worker thread and printed later, in the order of the
 * command line and of the folders' sorted names: the output never depends on which thread
 * finished first. */
typedef struct
{
  char        *path;
  char        *canonical;   /* the key of CheckRun's tables */
  char        *unreadable;  /* why the file or folder cannot be read, or NULL */
  gboolean     shown;       /* kept by --due-within (always, without it) */
  gboolean     fileable;
  GString     *text;        /* FORMAT_TEXT: the report */
  GString     *csv;         /* FORMAT_CSV: the row */
  json_object *json;        /* FORMAT_JSON: the object */
  /* Kept from the worker to the main thread when the spouse's draft is checked too */
  DeclicDraft *draft;
  DeclicCheck *check;
} FileResult;

static void
file_result_free (FileResult *result)
{
  g_free (result->path);
  g_free (result->canonical);
  g_free (result->unreadable);
  g_clear_object (&result->draft);
  g_clear_pointer (&result->check, declic_check_free);
  if (result->text != NULL)
    g_string_free (result->text, TRUE);
  if (result->csv != NULL)
    g_string_free (result->csv, TRUE);
  json_object_put (result->json);
  g_free (result);
}

static FileResult *
file_result_new (const char *path)
{
  FileResult *result = g_new0 (FileResult, 1);

  result->path = g_strdup (path);
  result->canonical = g_canonicalize_filename (path, NULL);
  return result;
}

static void
fill_unreadable (CheckRun   *run,
                 FileResult *result,
                 const char *message)
{
  result->unreadable = g_strdup (message);
  if (run->format == FORMAT_CSV && run->due_within < 0)
    {
      g_autoptr(DeclicDraftSummary) summary = declic_draft_summary_new_for_error (result->path, message, 0, 0);

      result->csv = g_string_new (NULL);
      declic_summary_csv_append_row (result->csv, summary);
    }
  if (run->format == FORMAT_JSON && run->due_within < 0)
    {
      result->json = json_object_new_object ();
      json_object_object_add (result->json, "path", json_object_new_string (result->path));
      json_object_object_add (result->json, "error", json_object_new_string (message));
      json_object_object_add (result->json, "fileable", json_object_new_boolean (FALSE));
    }
}

/* The linked spouse's draft of @result, when this run checks it too, or NULL. */
static FileResult *
find_spouse (CheckRun   *run,
             FileResult *result)
{
  return g_hash_table_lookup (run->spouses, result->canonical);
}

static void
fill_result (CheckRun    *run,
             FileResult  *result,
             DeclicDraft *draft,
             DeclicCheck *check,
             const char  *spouse_path)
{
  if (run->due_within >= 0)
    {
      DeclicDeadline *next = declic_check_get_next_deadline (check);

      if (next == NULL || next->days_left > run->due_within)
        return;
    }

  result->shown = TRUE;
  result->fileable = check->fileable;
  if (run->format == FORMAT_CSV)
    {
      g_autoptr(DeclicDraftSummary) summary = declic_draft_summary_new_for_check (result->path, draft, check, 0, 0);

      result->csv = g_string_new (NULL);
      declic_summary_csv_append_row (result->csv, summary);
    }
  else if (run->format == FORMAT_JSON)
    {
      result->json = json_object_new_object ();
      json_object_object_add (result->json, "path", json_object_new_string (result->path));
      json_object_object_add (result->json, "id", declic_draft_get_id (draft) != NULL
                                                    ? json_object_new_string (declic_draft_get_id (draft)) : NULL);
      if (spouse_path != NULL)
        json_object_object_add (result->json, "spouse", json_object_new_string (spouse_path));
      declic_check_add_to_json (check, result->json);
    }
  else
    {
      result->text = g_string_new (NULL);
      print_report (result->text, result->path, spouse_path, draft, check);
    }
}

/* Runs on a worker thread: reads only @run's settings and tables, writes only @result. A draft
 * whose spouse is checked too keeps its draft and check for the main thread (link_spouses ()). */
static void
check_file (CheckRun   *run,
            FileResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = declic_draft_new_from_file (result->path, &error);
  g_autoptr(DeclicCheck) check = NULL;

  if (draft == NULL)
    {
      fill_unreadable (run, result, error->message);
      return;
    }
  check = declic_check_run (draft, NULL,
                            run->forced_rules, run->validate_ctx);
  if (g_hash_table_contains (run->spouses, result->canonical))
    {
      result->draft = g_steal_pointer (&draft);
      result->check = g_steal_pointer (&check);
      return;
    }
  fill_result (run, result, draft, check, NULL);
}

/* Back on the main thread, once every draft is checked: each draft whose spouse's draft is
 * checked too gets what the two declare differently about each other, then is reported. A
 * draft is kept until every draft has been compared with it. */
static void
link_spouses (CheckRun  *run,
              GPtrArray *results)
{
  for (guint i = 0; i < results->len; i++)
    {
      FileResult *result = g_ptr_array_index (results, i);
      FileResult *spouse = result->check != NULL ? find_spouse (run, result) : NULL;

      if (result->check == NULL)
        continue;
      if (spouse != NULL && spouse->draft != NULL)
        {
          g_autofree char *id = g_path_get_basename (spouse->path);

          *strrchr (id, '.') = '\0';
          declic_check_add_spouse (result->check, result->draft, spouse->draft, id);
        }
      fill_result (run, result, result->draft, result->check, spouse != NULL ? spouse->path : NULL);
    }
  for (guint i = 0; i < results->len; i++)
    {
      FileResult *result = g_ptr_array_index (results, i);

      g_clear_object (&result->draft);
      g_clear_pointer (&result->check, declic_check_free);
    }
}

/* The spouse links of every folder a path of the run is in, kept for the drafts whose linked
 * draft is checked in the same run: one file alone is checked alone. A refused links file is
 * said, and fails the run. */
static void
load_links (CheckRun  *run,
            GPtrArray *results)
{
  g_autoptr(GHashTable) folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < results->len; i++)
    {
      FileResult *result = g_ptr_array_index (results, i);

      if (result->unreadable == NULL)
        g_hash_table_insert (run->checked, result->canonical, result);
    }
  for (guint i = 0; i < results->len; i++)
    {
      FileResult *result = g_ptr_array_index (results, i);
      g_autofree char *folder = NULL;
      g_autoptr(DeclicSpouseLinks) links = NULL;
      g_autoptr(GError) error = NULL;

      if (result->unreadable != NULL)
        continue;
      folder = g_path_get_dirname (result->canonical);
      if (g_hash_table_contains (folders, folder))
        continue;
      links = declic_spouse_links_load (folder, &error);
      g_hash_table_add (folders, g_strdup (folder));
      if (links == NULL)
        {
          g_printerr ("declic check: %s\n", error->message);
          run->status = EXIT_UNREADABLE;
          continue;
        }
      for (guint j = 0; j < results->len; j++)
        {
          FileResult *other = g_ptr_array_index (results, j);
          g_autofree char *other_folder = NULL;
          g_autofree char *id = NULL;
          const char *spouse_id;
          g_autofree char *spouse_name = NULL;
          g_autofree char *spouse_path = NULL;

          if (other->unreadable != NULL || !g_str_has_suffix (other->canonical, ".json"))
            continue;
          other_folder = g_path_get_dirname (other->canonical);
          if (strcmp (other_folder, folder) != 0)
            continue;
          id = g_path_get_basename (other->canonical);
          id[strlen (id) - strlen (".json")] = '\0';
          spouse_id = declic_spouse_links_get_spouse (links, id);
          if (spouse_id == NULL)
            continue;
          spouse_name = g_strconcat (spouse_id, ".json", NULL);
          spouse_path = g_build_filename (folder, spouse_name, NULL);
          if (g_hash_table_contains (run->checked, spouse_path))
            g_hash_table_insert (run->spouses, other->canonical, g_hash_table_lookup (run->checked, spouse_path));
        }
    }
}

static void
check_in_pool (gpointer data,
               gpointer user_data)
{
  check_file (user_data, data);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Every "*.json" of the folder: not its backups ("*.json.bak"), not hidden files, not the
 * store's ".declic" index folder, not subfolders. */
static void
add_folder (CheckRun   *run,
            GPtrArray  *results,
            const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (dir == NULL)
    {
      FileResult *result = file_result_new (folder);

      fill_unreadable (run, result, error->message);
      g_ptr_array_add (results, result);
      return;
    }
  declic_cli_warn_open_folder ("declic check", folder);

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (name[0] == '.' || !g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, g_steal_pointer (&path));
    }
  g_ptr_array_sort (names, compare_names);

  /* Checking nothing is not success: a mistyped folder would pass in a script. */
  if (names->len == 0)
    {
      FileResult *result = file_result_new (folder);

      fill_unreadable (run, result, _("no drafts in this folder"));
      g_ptr_array_add (results, result);
      return;
    }
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (results, file_result_new (g_ptr_array_index (names, i)));
}

/* Checks every file on all the cores: a representative's folder of 10,000 drafts is work for
 * each of them. The rules, the NOC list and the language tables are loaded before the threads
 * start, so the workers only read shared data. */
static void
check_all (CheckRun  *run,
           GPtrArray *results)
{
  g_autoptr(GError) error = NULL;
  guint n_threads = MAX (1, g_get_num_processors ());
  guint n_todo = 0;
  GThreadPool *pool;

  for (guint i = 0; i < results->len; i++)
    n_todo += ((FileResult *) g_ptr_array_index (results, i))->unreadable == NULL;
  if (n_todo == 0)
    return;
  declic_rules_get_default ();
  if (n_threads == 1 || n_todo == 1)
    {
      for (guint i = 0; i < results->len; i++)
        if (((FileResult *) g_ptr_array_index (results, i))->unreadable == NULL)
          check_file (run, g_ptr_array_index (results, i));
      return;
    }

  pool = g_thread_pool_new (check_in_pool, run, (int) MIN (n_threads, n_todo), TRUE, &error);
  if (pool == NULL)
    g_error ("declic check: %s", error->message);
  for (guint i = 0; i < results->len; i++)
    {
      FileResult *result = g_ptr_array_index (results, i);

      if (result->unreadable == NULL && !g_thread_pool_push (pool, result, &error))
        g_error ("declic check: %s", error->message);
    }
  g_thread_pool_free (pool, FALSE, TRUE);
}

/* Back on the main thread, in order. */
static void
emit_result (CheckRun   *run,
             FileResult *result)
{
  if (result->unreadable != NULL)
    {
      /* Translators: "declic check: drafts/a.json: the file is not valid JSON …" */
      g_printerr (_("declic check: %s: %s\n"), result->path, result->unreadable);
      run->status = EXIT_UNREADABLE;
    }
  else if (result->shown)
    {
      run->n_checked++;
      if (!result->fileable && run->status == EXIT_FILEABLE)
        run->status = EXIT_ERRORS;
    }

  if (result->csv != NULL)
    g_string_append_len (run->csv_out, result->csv->str, result->csv->len);
  if (result->json != NULL)
    json_object_array_add (run->json_out, g_steal_pointer (&result->json));
  /* Through g_print: declic-cli.c's handler shows the drafts' control characters escaped. */
  if (result->text != NULL)
    g_print ("%s", result->text->str);
}

/**
 * declic_cli_check:
 * @argc: the arguments' count, "check" included
 * @argv: "check" and its arguments
 *
 * Returns: the exit status: 0 every draft can be filed, 1 one has an error, 2 a file cannot
 *   be read or the command line is wrong
 */
int
declic_cli_check (int    argc,
                  char **argv)
{
  g_autofree char *date_text = NULL;
  g_autofree char *rules_id = NULL;
  g_autofree char *format = NULL;
  g_autofree char *lang = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean json = FALSE;
  int due_within = -1;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("Check as if today were this date (days left count from it; a planned filing date before it has passed)"), N_("YYYY-MM-DD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Print the results as text (the default), json or csv (one line per draft)"), N_("FORMAT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the results as JSON (the same as --format json)"), NULL },
    { "due-within", 0, 0, G_OPTION_ARG_INT, &due_within,
      N_("Only the drafts whose next deadline is within this many days of today"), N_("DAYS") },
    { "rules", 0, 0, G_OPTION_ARG_STRING, &rules_id,
      N_("Check with this rule set instead of the one in force"), N_("ID") },
    /* main.c has already made it the messages' language (it must be before any string is
     * translated); it is listed here so that `declic check --lang fr` is accepted. */
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Write the text report in this language (fr or en)"), N_("LANG") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },  /* named in the context's text */
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(json_object) out = NULL;
  g_autoptr(GPtrArray) results = NULL;
  CheckRun run = { 0 };

  context = g_option_context_new (_("PATH… — check drafts or workspace folders"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Checks each draft: whether the déclaration d’intérêt can be filed, the PSTQ streams, "
                                  "an estimate of the ranking score and the deadlines. Drafts are never changed.\n\n"
                                  "Exit status: 0 when every draft can be filed, 1 when one has an error, "
                                  "2 when a file cannot be read."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("declic check: %s\n", error->message);
      return EXIT_UNREADABLE;
    }
  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr (_("declic check: give at least one draft file or workspace folder\n"));
      return EXIT_UNREADABLE;
    }

  g_date_clear (&run.date, 1);
  if (date_text != NULL && !declic_utils_parse_date (date_text, &run.date))
    {
      g_printerr (_("declic check: “%s” is not a date: write it as YYYY-MM-DD\n"), date_text);
      return EXIT_UNREADABLE;
    }
  if (g_date_valid (&run.date))
    declic_clock_set_today (&run.date);
  if (rules_id != NULL)
    {
      run.forced_rules = declic_rules_get (declic_rules_get_default (), rules_id, &error);
      if (run.forced_rules == NULL)
        {
          g_printerr ("declic check: %s\n", error->message);
          return EXIT_UNREADABLE;
        }
    }

  if (format == NULL || g_strcmp0 (format, "text") == 0)
    run.format = json ? FORMAT_JSON : FORMAT_TEXT;
  else if (g_strcmp0 (format, "json") == 0)
    run.format = FORMAT_JSON;
  else if (g_strcmp0 (format, "csv") == 0 && !json)
    run.format = FORMAT_CSV;
  else
    {
      g_printerr (_("declic check: “%s” is not a format: write text, json or csv\n"), format);
      return EXIT_UNREADABLE;
    }
  if (due_within < -1)
    {
      g_printerr (_("declic check: --due-within takes a number of days, 0 or more\n"));
      return EXIT_UNREADABLE;
    }

  run.due_within = due_within;
  run.status = EXIT_FILEABLE;
  out = json_object_new_array ();
  run.json_out = out;
  run.csv_out = g_string_new (NULL);
  if (run.format == FORMAT_CSV)
    declic_summary_csv_append_header (run.csv_out);
  run.validate_ctx = declic_validate_context_new_default ();

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) file_result_free);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        add_folder (&run, results, paths[i]);
      else
        g_ptr_array_add (results, file_result_new (paths[i]));
    }
  run.checked = g_hash_table_new (g_str_hash, g_str_equal);
  run.spouses = g_hash_table_new (g_str_hash, g_str_equal);
  load_links (&run, results);
  check_all (&run, results);
  link_spouses (&run, results);
  for (guint i = 0; i < results->len; i++)
    emit_result (&run, g_ptr_array_index (results, i));

  if (run.format == FORMAT_JSON)
    g_print ("%s\n", json_object_to_json_string_ext (out, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));
  else if (run.format == FORMAT_CSV)
    fwrite (run.csv_out->str, 1, run.csv_out->len, stdout);
  g_string_free (run.csv_out, TRUE);

  g_clear_pointer (&run.validate_ctx, declic_validate_context_unref);
  g_hash_table_unref (run.spouses);
  g_hash_table_unref (run.checked);
  return run.status;
}
