/* declic-cli-check.c: `declic check [--date YYYY-MM-DD] [--json] [--rules ID] PATH...`
 *
 * Checks draft files, or every draft of workspace folders, without a display: the validation
 * issues, whether the DI can be filed, the PSTQ streams met, the points estimate and the
 * deadlines, all worked out by declic-check.h. It reads the drafts and never writes them, not
 * even their "rule_set_id": recording the rule set a draft was checked with is the GUI's decision.
 *
 * Exit status: 0 when every draft can be filed, 1 when one has an error, 2 when a file or folder
 * cannot be read or the command line is wrong (the reason goes to stderr).
 */
#define G_LOG_DOMAIN "declic-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-c/json.h>
#include <locale.h>
#include <string.h>

#include "declic-check.h"
#include "declic-cli.h"
#include "declic-utils.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

enum
{
  EXIT_FILEABLE = 0,
  EXIT_ERRORS = 1,
  EXIT_UNREADABLE = 2,
};

typedef struct
{
  GDate                  date;         /* --date, or cleared */
  DeclicRuleSet         *forced_rules; /* --rules, or NULL */
  gboolean               json;
  DeclicValidateContext *validate_ctx;
  json_object           *json_out;     /* array */
  int                    status;
  guint                  n_checked;
} CheckRun;

/* ---- JSON ------------------------------------------------------------------------------------ */

static json_object *
findings_to_json (GPtrArray *findings)
{
  json_object *array = json_object_new_array ();

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (findings, i);
      json_object *object = json_object_new_object ();
      DeclicSection section = declic_finding_get_section (finding);

      json_object_object_add (object, "code", json_object_new_string (declic_finding_get_code (finding)));
      json_object_object_add (object, "path", json_object_new_string (declic_finding_get_path (finding)));
      json_object_object_add (object, "section",
                              section != DECLIC_SECTION_NONE ? json_object_new_string (declic_section_get_id (section)) : NULL);
      json_object_object_add (object, "severity",
                              json_object_new_string (declic_severity_get_id (declic_finding_get_severity (finding))));
      json_object_object_add (object, "message", json_object_new_string (declic_finding_get_message (finding)));
      json_object_array_add (array, object);
    }
  return array;
}

static json_object *
date_to_json (const GDate *date)
{
  g_autofree char *text = NULL;

  if (date == NULL || !g_date_valid (date))
    return NULL;
  text = declic_utils_format_date (date);
  return json_object_new_string (text);
}

static json_object *
strings_to_json (GPtrArray *strings)
{
  json_object *array = json_object_new_array ();

  for (guint i = 0; strings != NULL && i < strings->len; i++)
    json_object_array_add (array, json_object_new_string (g_ptr_array_index (strings, i)));
  return array;
}

static json_object *
eligibility_to_json (DeclicEligibility *eligibility)
{
  json_object *object = json_object_new_object ();
  json_object *streams = json_object_new_array ();

  json_object_object_add (object, "rule_set", json_object_new_string (eligibility->rule_set_id));
  json_object_object_add (object, "status", json_object_new_string (declic_rule_status_get_id (eligibility->status)));
  for (guint i = 0; i < eligibility->streams->len; i++)
    {
      DeclicStreamEligibility *stream = g_ptr_array_index (eligibility->streams, i);
      json_object *s = json_object_new_object ();

      json_object_object_add (s, "id", json_object_new_string (stream->id));
      json_object_object_add (s, "number", json_object_new_int (stream->number));
      json_object_object_add (s, "title", json_object_new_string (stream->title != NULL ? stream->title : ""));
      json_object_object_add (s, "met", json_object_new_boolean (stream->met));
      json_object_object_add (s, "certain", json_object_new_boolean (stream->certain));
      json_object_object_add (s, "reasons", findings_to_json (stream->reasons));
      json_object_object_add (s, "notes", findings_to_json (stream->notes));
      json_object_array_add (streams, s);
    }
  json_object_object_add (object, "streams", streams);
  return object;
}

static json_object *
points_to_json (DeclicPoints *points)
{
  json_object *object = json_object_new_object ();
  json_object *factors = json_object_new_array ();

  json_object_object_add (object, "estimate", json_object_new_boolean (TRUE));
  json_object_object_add (object, "total", json_object_new_int (points->total));
  json_object_object_add (object, "max", json_object_new_int (points->max_total));
  json_object_object_add (object, "grid", json_object_new_string (points->grid_id));
  json_object_object_add (object, "grid_version", json_object_new_string (points->grid_version));
  json_object_object_add (object, "rule_set", json_object_new_string (points->rule_set_id));
  json_object_object_add (object, "status", json_object_new_string (declic_rule_status_get_id (points->status)));
  json_object_object_add (object, "with_spouse", json_object_new_boolean (points->with_spouse));

  for (DeclicPointsFactor f = 0; f < DECLIC_POINTS_N_FACTORS; f++)
    {
      json_object *factor = json_object_new_object ();
      json_object *items = json_object_new_array ();

      json_object_object_add (factor, "id", json_object_new_string (declic_points_factor_get_id (f)));
      json_object_object_add (factor, "label", json_object_new_string (declic_points_factor_get_label (f)));
      json_object_object_add (factor, "points", json_object_new_int (points->factor_points[f]));
      json_object_object_add (factor, "max", json_object_new_int (points->factor_max[f]));
      for (guint i = 0; i < points->items->len; i++)
        {
          DeclicPointsItem *item = g_ptr_array_index (points->items, i);
          json_object *o;

          if (item->factor != f)
            continue;
          o = json_object_new_object ();
          json_object_object_add (o, "id", json_object_new_string (item->id));
          json_object_object_add (o, "label", json_object_new_string (item->label));
          json_object_object_add (o, "points", json_object_new_int (item->points));
          json_object_object_add (o, "max", json_object_new_int (item->max));
          json_object_object_add (o, "input", json_object_new_string (item->input));
          json_object_object_add (o, "path", json_object_new_string (item->path));
          json_object_array_add (items, o);
        }
      json_object_object_add (factor, "items", items);
      json_object_array_add (factors, factor);
    }
  json_object_object_add (object, "factors", factors);
  json_object_object_add (object, "notes", strings_to_json (points->notes));
  return object;
}

static json_object *
deadlines_to_json (GPtrArray *deadlines)
{
  json_object *array = json_object_new_array ();

  for (guint i = 0; deadlines != NULL && i < deadlines->len; i++)
    {
      DeclicDeadline *deadline = g_ptr_array_index (deadlines, i);
      json_object *o = json_object_new_object ();

      json_object_object_add (o, "id", json_object_new_string (deadline->id));
      json_object_object_add (o, "label", json_object_new_string (deadline->label));
      json_object_object_add (o, "path", json_object_new_string (deadline->path));
      json_object_object_add (o, "date", date_to_json (&deadline->date));
      json_object_object_add (o, "days_left", json_object_new_int (deadline->days_left));
      json_object_object_add (o, "status", json_object_new_string (declic_deadline_status_get_id (deadline->status)));
      json_object_object_add (o, "source_status", json_object_new_string (declic_rule_status_get_id (deadline->source_status)));
      json_object_object_add (o, "confirmed", json_object_new_boolean (deadline->confirmed));
      json_object_array_add (array, o);
    }
  return array;
}

/* ---- Human report ---------------------------------------------------------------------------- */

static void
print_findings (GPtrArray  *findings,
                const char *indent)
{
  for (guint i = 0; i < findings->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (findings, i);
      const char *path = declic_finding_get_path (finding);

      if (path != NULL && *path != '\0')
        /* Translators: an issue line: severity, message, then the field path in brackets */
        g_print (_("%s%s: %s [%s]\n"), indent,
                 declic_severity_get_label (declic_finding_get_severity (finding)),
                 declic_finding_get_message (finding), path);
      else
        g_print (_("%s%s: %s\n"), indent,
                 declic_severity_get_label (declic_finding_get_severity (finding)),
                 declic_finding_get_message (finding));
    }
}

static void
print_report (const char        *path,
              DeclicDraft       *draft,
              const GDate       *reference,
              DeclicRuleSet     *rule_set,
              GPtrArray         *issues,
              gboolean           fileable,
              DeclicEligibility *eligibility,
              DeclicPoints      *points,
              GPtrArray         *deadlines)
{
  g_autofree char *name = declic_draft_dup_display_name (draft);
  g_autofree char *date = declic_utils_format_date (reference);
  const char *recorded = declic_draft_get_string (draft, "rule_set_id");
  guint n_errors = declic_finding_list_count (issues, DECLIC_SECTION_NONE, DECLIC_SEVERITY_ERROR);
  guint n_warnings = declic_finding_list_count (issues, DECLIC_SECTION_NONE, DECLIC_SEVERITY_WARNING);

  g_print ("%s — %s\n", path, name);
  if (rule_set != NULL)
    g_print (_("  Checked at %s with the rules “%s” (%s)\n"), date,
             declic_rule_set_get_id (rule_set), declic_rule_set_get_title (rule_set));
  else
    g_print (_("  Checked at %s; no rule set was in force on that date\n"), date);
  if (rule_set != NULL && recorded != NULL && g_strcmp0 (recorded, declic_rule_set_get_id (rule_set)) != 0)
    g_print (_("  The draft was last checked with “%s”; it is left unchanged.\n"), recorded);

  if (fileable)
    g_print (_("  Can be filed: yes (%u warnings)\n"), n_warnings);
  else
    g_print (_("  Can be filed: no (%u errors, %u warnings)\n"), n_errors, n_warnings);
  if (issues->len > 0)
    {
      g_print (_("  Issues:\n"));
      print_findings (issues, "    ");
    }

  if (eligibility != NULL && eligibility->streams->len > 0)
    {
      g_print (_("  PSTQ streams (%s):\n"), declic_rule_status_get_label (eligibility->status));
      for (guint i = 0; i < eligibility->streams->len; i++)
        {
          DeclicStreamEligibility *stream = g_ptr_array_index (eligibility->streams, i);
          const char *verdict = !stream->met ? _("not met")
                                : stream->certain ? _("met")
                                : _("met, to be confirmed");

          /* Translators: "    Stream 1, High qualification: met" */
          g_print (_("    Stream %d, %s: %s\n"), stream->number, stream->title, verdict);
          for (guint r = 0; r < stream->reasons->len; r++)
            g_print ("      - %s\n", declic_finding_get_message (g_ptr_array_index (stream->reasons, r)));
          for (guint r = 0; r < stream->notes->len; r++)
            g_print ("      · %s\n", declic_finding_get_message (g_ptr_array_index (stream->notes, r)));
        }
    }

  if (points != NULL)
    {
      /* Never shown as official: DI.md §5 is a derived grid. */
      g_print (_("  Estimated score: %d of %d (an estimate, not official: grid %s of %s, %s)\n"),
               points->total, points->max_total, points->grid_id, points->grid_version,
               declic_rule_status_get_label (points->status));
      for (DeclicPointsFactor f = 0; f < DECLIC_POINTS_N_FACTORS; f++)
        {
          /* Translators: a factor of the grid and its points, "    Human capital: 381 / 520" */
          g_print (_("    %s: %d / %d\n"), declic_points_factor_get_label (f),
                   points->factor_points[f], points->factor_max[f]);
          for (guint i = 0; i < points->items->len; i++)
            {
              DeclicPointsItem *item = g_ptr_array_index (points->items, i);

              if (item->factor == f)
                /* Translators: a sub-factor, its points and the input it used */
                g_print (_("      %s: %d / %d — %s\n"), item->label, item->points, item->max, item->input);
            }
        }
      for (guint i = 0; i < points->notes->len; i++)
        g_print ("    · %s\n", (const char *) g_ptr_array_index (points->notes, i));
    }

  if (deadlines != NULL && deadlines->len > 0)
    {
      g_print (_("  Deadlines:\n"));
      for (guint i = 0; i < deadlines->len; i++)
        {
          DeclicDeadline *deadline = g_ptr_array_index (deadlines, i);
          g_autofree char *when = declic_utils_format_date (&deadline->date);
          g_autofree char *left = NULL;

          if (deadline->days_left >= 0)
            left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", deadline->days_left),
                                    deadline->days_left);
          else
            left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "passed %d day ago", "passed %d days ago", -deadline->days_left),
                                    -deadline->days_left);
          /* Translators: "    2027-01-15 (320 days left, ok): The déclaration d’intérêt expires [official]" */
          g_print (_("    %s (%s, %s): %s [%s]\n"), when, left,
                   declic_deadline_status_get_label (deadline->status), deadline->label,
                   declic_rule_status_get_label (deadline->source_status));
        }
    }
  g_print ("\n");
}

/* ---- Checking -------------------------------------------------------------------------------- */

static void
report_unreadable (CheckRun   *run,
                   const char *path,
                   const char *message)
{
  /* Translators: "declic check: drafts/a.json: the file is not valid JSON …" */
  g_printerr (_("declic check: %s: %s\n"), path, message);
  run->status = EXIT_UNREADABLE;
  if (run->json)
    {
      json_object *object = json_object_new_object ();

      json_object_object_add (object, "path", json_object_new_string (path));
      json_object_object_add (object, "error", json_object_new_string (message));
      json_object_object_add (object, "fileable", json_object_new_boolean (FALSE));
      json_object_array_add (run->json_out, object);
    }
}

static void
check_file (CheckRun   *run,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = declic_draft_new_from_file (path, &error);
  g_autoptr(DeclicCheck) check = NULL;

  if (draft == NULL)
    {
      report_unreadable (run, path, error->message);
      return;
    }
  run->n_checked++;

  check = declic_check_run (draft, g_date_valid (&run->date) ? &run->date : NULL,
                            run->forced_rules, run->validate_ctx);
  if (!check->fileable && run->status == EXIT_FILEABLE)
    run->status = EXIT_ERRORS;

  if (run->json)
    {
      json_object *object = json_object_new_object ();
      json_object *rules = NULL;

      if (check->rule_set != NULL)
        {
          rules = json_object_new_object ();
          json_object_object_add (rules, "id", json_object_new_string (declic_rule_set_get_id (check->rule_set)));
          json_object_object_add (rules, "title", json_object_new_string (declic_rule_set_get_title (check->rule_set)));
        }
      json_object_object_add (object, "path", json_object_new_string (path));
      json_object_object_add (object, "id", declic_draft_get_id (draft) != NULL
                                              ? json_object_new_string (declic_draft_get_id (draft)) : NULL);
      json_object_object_add (object, "reference_date", date_to_json (&check->reference));
      json_object_object_add (object, "rule_set", rules);
      json_object_object_add (object, "recorded_rule_set_id",
                              check->recorded != NULL ? json_object_new_string (check->recorded) : NULL);
      json_object_object_add (object, "fileable", json_object_new_boolean (check->fileable));
      json_object_object_add (object, "issues", findings_to_json (check->findings));
      json_object_object_add (object, "eligibility", check->eligibility != NULL ? eligibility_to_json (check->eligibility) : NULL);
      json_object_object_add (object, "points", check->points != NULL ? points_to_json (check->points) : NULL);
      json_object_object_add (object, "deadlines", deadlines_to_json (check->deadlines));
      json_object_array_add (run->json_out, object);
    }
  else
    print_report (path, draft, &check->reference, check->rule_set, check->findings, check->fileable,
                  check->eligibility, check->points, check->deadlines);
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
check_folder (CheckRun   *run,
              const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (dir == NULL)
    {
      report_unreadable (run, folder, error->message);
      return;
    }

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

  for (guint i = 0; i < names->len; i++)
    check_file (run, g_ptr_array_index (names, i));
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
  g_auto(GStrv) paths = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("Check as on this date instead of the planned filing date or today"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the results as JSON"), NULL },
    { "rules", 0, 0, G_OPTION_ARG_STRING, &rules_id,
      N_("Check with this rule set instead of the one in force"), N_("ID") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("PATH…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(json_object) out = NULL;
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
  if (rules_id != NULL)
    {
      run.forced_rules = declic_rules_get (declic_rules_get_default (), rules_id, &error);
      if (run.forced_rules == NULL)
        {
          g_printerr ("declic check: %s\n", error->message);
          return EXIT_UNREADABLE;
        }
    }

  run.json = json;
  run.status = EXIT_FILEABLE;
  out = json_object_new_array ();
  run.json_out = out;
  run.validate_ctx = declic_validate_context_new_default ();

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        check_folder (&run, paths[i]);
      else
        check_file (&run, paths[i]);
    }

  if (run.json)
    g_print ("%s\n", json_object_to_json_string_ext (out, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));

  g_clear_pointer (&run.validate_ctx, declic_validate_context_unref);
  return run.status;
}
