/* declic-summary-csv.c: drafts' summaries as CSV rows. */
#define G_LOG_DOMAIN "declic-csv"

#include "config.h"

#include <string.h>

#include "declic-summary-csv.h"

static const char * const columns[] = {
  "client_label", "given_names", "family_names", "status", "errors", "streams", "score", "grid",
  "next_deadline", "next_deadline_date", "file",
};

static void
append_cell (GString    *out,
             const char *text,
             gboolean    first)
{
  gboolean formula, quote;

  if (!first)
    g_string_append_c (out, ',');
  if (text == NULL || *text == '\0')
    return;

  formula = strchr ("=+-@\t\r", text[0]) != NULL;
  quote = formula || strpbrk (text, ",\"\r\n") != NULL;
  if (!quote)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
declic_summary_csv_append_header (GString *out)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    append_cell (out, columns[i], i == 0);
  g_string_append (out, "\r\n");
}

void
declic_summary_csv_append_row (GString            *out,
                               DeclicDraftSummary *summary)
{
  DeclicDraftStatus status;
  g_autofree char *errors = NULL;
  g_autofree char *score = NULL;
  g_autofree char *file = NULL;

  g_return_if_fail (out != NULL);
  g_return_if_fail (DECLIC_IS_DRAFT_SUMMARY (summary));

  status = declic_draft_summary_get_status (summary);
  if (status == DECLIC_DRAFT_STATUS_FILEABLE || status == DECLIC_DRAFT_STATUS_ERRORS)
    errors = g_strdup_printf ("%u", declic_draft_summary_get_n_errors (summary));
  if (declic_draft_summary_get_score (summary) >= 0)
    score = g_strdup_printf ("%d", declic_draft_summary_get_score (summary));
  file = g_path_get_basename (declic_draft_summary_get_path (summary));

  append_cell (out, declic_draft_summary_get_client_label (summary), TRUE);
  append_cell (out, declic_draft_summary_get_given_names (summary), FALSE);
  append_cell (out, declic_draft_summary_get_family_names (summary), FALSE);
  append_cell (out, declic_draft_status_get_id (status), FALSE);
  append_cell (out, errors, FALSE);
  append_cell (out, declic_draft_summary_get_streams_met (summary), FALSE);
  append_cell (out, score, FALSE);
  append_cell (out, score != NULL ? declic_draft_summary_get_grid_id (summary) : NULL, FALSE);
  append_cell (out, declic_draft_summary_get_next_deadline_id (summary), FALSE);
  append_cell (out, declic_draft_summary_get_next_deadline_date (summary), FALSE);
  append_cell (out, file, FALSE);
  g_string_append (out, "\r\n");
}

char *
declic_summary_csv_format (GListModel *summaries)
{
  GString *out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (summaries), NULL);

  declic_summary_csv_append_header (out);
  n = g_list_model_get_n_items (summaries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeclicDraftSummary) summary = g_list_model_get_item (summaries, i);
      declic_summary_csv_append_row (out, summary);
    }
  return g_string_free (out, FALSE);
}

gboolean
declic_summary_csv_save (GListModel  *summaries,
                         const char  *path,
                         GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (summaries), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = declic_summary_csv_format (summaries);
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
