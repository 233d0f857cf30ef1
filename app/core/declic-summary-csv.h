/* declic-summary-csv.h: a list of drafts as CSV, the same from `declic check` and the window.
 *
 * One row per draft (RFC 4180: commas, double quotes, CRLF), with a header of stable column
 * names that scripts can rely on: client_label, given_names, family_names, status ("fileable",
 * "errors", "broken"), errors, streams ("1,4"), score (an estimate), grid, next_deadline (an id
 * of declic-deadlines.h), next_deadline_date, file. A cell that a spreadsheet would read as a
 * formula (=, +, -, @) is prefixed with an apostrophe: a client label is typed by someone.
 */
#pragma once

#include <gio/gio.h>

#include "declic-draft-summary.h"

G_BEGIN_DECLS

void     declic_summary_csv_append_header (GString             *out);
void     declic_summary_csv_append_row    (GString             *out,
                                           DeclicDraftSummary  *summary);
/* @summaries: a GListModel of DeclicDraftSummary. Returns: (transfer full): header and rows */
char    *declic_summary_csv_format        (GListModel          *summaries);
/* Writes the CSV of @summaries to @path atomically, private (0600): it holds names. */
gboolean declic_summary_csv_save          (GListModel          *summaries,
                                           const char          *path,
                                           GError             **error);

G_END_DECLS
