/* declic-csv.h: an RFC 4180 reader over a buffer, for the reference data lists (NOC, diagnoses).
 *
 * The buffer need not be nul-terminated: the reader never reads past its length. Lines end with
 * CRLF or LF; a quoted field may hold commas, doubled quotes and line ends (a CRLF inside quotes
 * is read as LF). A byte order mark at the start is skipped.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DECLIC_CSV_ERROR (declic_csv_error_quark ())

typedef enum
{
  DECLIC_CSV_ERROR_MALFORMED,
} DeclicCsvError;

typedef struct
{
  /*< private >*/
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;
} DeclicCsvReader;

GQuark   declic_csv_error_quark     (void);

void     declic_csv_reader_init     (DeclicCsvReader  *reader,
                                     const char       *data,
                                     gsize             length);
gboolean declic_csv_reader_next     (DeclicCsvReader  *reader,
                                     GPtrArray        *fields,
                                     guint            *record_line,
                                     GError          **error);
gboolean declic_csv_record_is_blank (GPtrArray        *fields);
guint    declic_csv_line_of_offset  (const char       *data,
                                     gsize             offset);

G_END_DECLS
