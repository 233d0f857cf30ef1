/* declic-csv.c: an RFC 4180 reader over a buffer (see the header). */
#define G_LOG_DOMAIN "declic-csv"

#include "config.h"

#include <string.h>

#include "declic-csv.h"
#include "declic-i18n.h"

G_DEFINE_QUARK (declic-csv-error-quark, declic_csv_error)

/* Every read of reader->data goes through this: the data is not nul-terminated. */
static gboolean
at_char (DeclicCsvReader *reader,
         gsize            pos,
         char             c)
{
  return pos < reader->length && reader->data[pos] == c;
}

static gboolean
at_line_end (DeclicCsvReader *reader)
{
  return reader->pos >= reader->length ||
         reader->data[reader->pos] == '\n' ||
         reader->data[reader->pos] == '\r';
}

static void
skip_line_end (DeclicCsvReader *reader)
{
  if (at_char (reader, reader->pos, '\r'))
    reader->pos++;
  if (at_char (reader, reader->pos, '\n'))
    reader->pos++;
  reader->line++;
}

static gboolean
read_quoted_field (DeclicCsvReader  *reader,
                   GString          *field,
                   GError          **error)
{
  guint opening_line = reader->line;

  reader->pos++;  /* the opening quote */
  for (;;)
    {
      char c;

      if (reader->pos >= reader->length)
        {
          g_set_error (error, DECLIC_CSV_ERROR, DECLIC_CSV_ERROR_MALFORMED,
                       _("Line %u: a quoted field is never closed"), opening_line);
          return FALSE;
        }

      c = reader->data[reader->pos];
      if (c == '"')
        {
          if (at_char (reader, reader->pos + 1, '"'))
            {
              g_string_append_c (field, '"');
              reader->pos += 2;
              continue;
            }
          reader->pos++;
          break;
        }

      if (c == '\r' && at_char (reader, reader->pos + 1, '\n'))
        {
          reader->pos++;  /* a CRLF inside quotes is kept as a plain newline */
          continue;
        }
      if (c == '\n')
        reader->line++;
      g_string_append_c (field, c);
      reader->pos++;
    }

  if (!at_line_end (reader) && reader->data[reader->pos] != ',')
    {
      g_set_error (error, DECLIC_CSV_ERROR, DECLIC_CSV_ERROR_MALFORMED,
                   _("Line %u: unexpected text after a closing quote"), reader->line);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_plain_field (DeclicCsvReader  *reader,
                  GString          *field,
                  GError          **error)
{
  while (!at_line_end (reader) && reader->data[reader->pos] != ',')
    {
      if (reader->data[reader->pos] == '"')
        {
          g_set_error (error, DECLIC_CSV_ERROR, DECLIC_CSV_ERROR_MALFORMED,
                       _("Line %u: a quote inside a field that does not start with one"),
                       reader->line);
          return FALSE;
        }
      g_string_append_c (field, reader->data[reader->pos]);
      reader->pos++;
    }

  return TRUE;
}

/**
 * declic_csv_reader_init:
 * @reader: a reader to set up
 * @data: the text, not necessarily nul-terminated; it must outlive the reader
 * @length: the number of bytes of @data
 *
 * Starts reading @data at its first line, after a byte order mark if there is one.
 */
void
declic_csv_reader_init (DeclicCsvReader *reader,
                        const char      *data,
                        gsize            length)
{
  g_return_if_fail (reader != NULL);
  g_return_if_fail (data != NULL || length == 0);

  reader->data = data;
  reader->length = length;
  reader->pos = 0;
  reader->line = 1;

  /* A byte order mark, as spreadsheet programs write, is not part of the first field. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    reader->pos = 3;
}

/**
 * declic_csv_reader_next:
 * @reader: a reader
 * @fields: (element-type utf8): emptied, then given the record's fields (owned by the array,
 *   which must free its elements with g_free ())
 * @record_line: (out): the line the record starts on
 * @error: return location for a %DECLIC_CSV_ERROR naming the line at fault
 *
 * Reads one record. A comma at the very end of the data ends the record with an empty field.
 *
 * Returns: %TRUE when a record was read; %FALSE at the end of the data (with no error) or on
 *   an error
 */
gboolean
declic_csv_reader_next (DeclicCsvReader  *reader,
                        GPtrArray        *fields,
                        guint            *record_line,
                        GError          **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_ptr_array_set_size (fields, 0);

  if (reader->pos >= reader->length)
    return FALSE;

  if (record_line != NULL)
    *record_line = reader->line;
  for (;;)
    {
      g_autoptr(GString) field = g_string_new (NULL);

      /* After a final comma the position is the length: there is no quote to look at. */
      if (at_char (reader, reader->pos, '"'))
        {
          if (!read_quoted_field (reader, field, error))
            return FALSE;
        }
      else if (!read_plain_field (reader, field, error))
        {
          return FALSE;
        }

      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));

      if (at_line_end (reader))
        {
          skip_line_end (reader);
          return TRUE;
        }
      reader->pos++;  /* the comma */
    }
}

/**
 * declic_csv_record_is_blank:
 * @fields: (element-type utf8): a record read by declic_csv_reader_next ()
 *
 * Returns: %TRUE for an empty line (often the last one), which carries nothing
 */
gboolean
declic_csv_record_is_blank (GPtrArray *fields)
{
  g_return_val_if_fail (fields != NULL, FALSE);

  return fields->len == 1 && ((char *) g_ptr_array_index (fields, 0))[0] == '\0';
}

/**
 * declic_csv_line_of_offset:
 * @data: text
 * @offset: a byte offset inside @data
 *
 * Returns: the line (from 1) that holds the byte at @offset
 */
guint
declic_csv_line_of_offset (const char *data,
                           gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        line++;
    }

  return line;
}
