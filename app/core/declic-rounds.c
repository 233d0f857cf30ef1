/* declic-rounds.c: recent PSTQ invitation rounds, from a data file (see the header). */
#define G_LOG_DOMAIN "declic-rounds"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "declic-csv.h"
#include "declic-rounds.h"
#include "declic-utils.h"

#define ROUNDS_RESOURCE "/ca/declic/Declic/core/data/invitation-rounds-2025.csv"

G_DEFINE_QUARK (declic-rounds-error-quark, declic_rounds_error)

struct _DeclicRounds
{
  char      *id;
  GPtrArray *rounds;
};

static void
round_free (DeclicRound *round)
{
  g_free (round->filter);
  g_free (round);
}

void
declic_rounds_free (DeclicRounds *rounds)
{
  if (rounds == NULL)
    return;
  g_free (rounds->id);
  g_ptr_array_unref (rounds->rounds);
  g_free (rounds);
}

static int
column_of (GPtrArray  *header,
           const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (g_ptr_array_index (header, i), name))
      return (int) i;
  return -1;
}

/* A whole number of at most 5 digits, or -1 when @text is empty and @empty_ok. */
static gboolean
parse_count (const char *text,
             gboolean    empty_ok,
             int        *value)
{
  char *end = NULL;
  long number;

  if (*text == '\0')
    {
      *value = -1;
      return empty_ok;
    }
  number = strtol (text, &end, 10);
  if (end == text || *end != '\0' || number < 0 || number > 99999)
    return FALSE;
  *value = (int) number;
  return TRUE;
}

static gint
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const DeclicRound *ra = *(DeclicRound * const *) a;
  const DeclicRound *rb = *(DeclicRound * const *) b;
  int by_date = g_date_compare (&rb->date, &ra->date);

  return by_date != 0 ? by_date : ra->stream - rb->stream;
}

/**
 * declic_rounds_new_from_data:
 * @csv: (array length=length): the rounds, with a header line
 *
 * Returns: (transfer full) (nullable): the rounds, or %NULL with @error naming the line at fault
 */
DeclicRounds *
declic_rounds_new_from_data (const char  *csv,
                             gsize        length,
                             GError     **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  DeclicCsvReader reader;
  DeclicRounds *rounds;
  int c_date, c_stream, c_score, c_invited, c_filter;
  guint line = 0, n_columns;

  g_return_val_if_fail (csv != NULL || length == 0, NULL);

  declic_csv_reader_init (&reader, csv, length);
  if (!declic_csv_reader_next (&reader, fields, &line, &local_error))
    {
      g_set_error_literal (error, DECLIC_ROUNDS_ERROR, DECLIC_ROUNDS_ERROR_MALFORMED,
                           local_error != NULL ? local_error->message : _("The list of invitation rounds is empty."));
      return NULL;
    }
  c_date = column_of (fields, "date");
  c_stream = column_of (fields, "stream");
  c_score = column_of (fields, "min_score");
  c_invited = column_of (fields, "invited");
  c_filter = column_of (fields, "filter");
  if (c_date < 0 || c_stream < 0 || c_score < 0 || c_invited < 0 || c_filter < 0)
    {
      g_set_error_literal (error, DECLIC_ROUNDS_ERROR, DECLIC_ROUNDS_ERROR_MALFORMED,
                           _("Line 1: the list of invitation rounds needs the columns date, stream, min_score, invited and filter."));
      return NULL;
    }
  n_columns = fields->len;

  rounds = g_new0 (DeclicRounds, 1);
  rounds->id = g_strdup (DECLIC_ROUNDS_DEFAULT_ID);
  rounds->rounds = g_ptr_array_new_with_free_func ((GDestroyNotify) round_free);
  for (;;)
    {
      DeclicRound *round;
      int stream = 0;

      if (!declic_csv_reader_next (&reader, fields, &line, &local_error))
        {
          if (local_error == NULL)
            break;
          g_set_error_literal (error, DECLIC_ROUNDS_ERROR, DECLIC_ROUNDS_ERROR_MALFORMED, local_error->message);
          declic_rounds_free (rounds);
          return NULL;
        }
      if (declic_csv_record_is_blank (fields))
        continue;

      round = g_new0 (DeclicRound, 1);
      g_date_clear (&round->date, 1);
      if (fields->len != n_columns ||
          !declic_utils_parse_date (g_ptr_array_index (fields, c_date), &round->date) ||
          !parse_count (g_ptr_array_index (fields, c_stream), FALSE, &stream) || stream < 1 || stream > 4 ||
          !parse_count (g_ptr_array_index (fields, c_score), TRUE, &round->min_score) ||
          !parse_count (g_ptr_array_index (fields, c_invited), FALSE, &round->invited))
        {
          g_set_error (error, DECLIC_ROUNDS_ERROR, DECLIC_ROUNDS_ERROR_MALFORMED,
                       _("Line %u of the list of invitation rounds: expected a date, a stream from 1 to 4, a score (or nothing), a number invited and a filter."),
                       line);
          round_free (round);
          declic_rounds_free (rounds);
          return NULL;
        }
      round->stream = stream;
      round->filter = g_strdup (g_ptr_array_index (fields, c_filter));
      g_ptr_array_add (rounds->rounds, round);
    }
  g_ptr_array_sort (rounds->rounds, compare_newest_first);
  return rounds;
}

/**
 * declic_rounds_get_default:
 *
 * Returns: (transfer none) (nullable): the rounds shipped with Déclic
 */
DeclicRounds *
declic_rounds_get_default (void)
{
  static DeclicRounds *rounds;

  if (g_once_init_enter (&rounds))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (ROUNDS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(GError) error = NULL;
      gsize size = 0;
      const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
      DeclicRounds *loaded = data != NULL ? declic_rounds_new_from_data (data, size, &error) : NULL;

      if (loaded == NULL)
        g_warning ("The built-in invitation rounds could not be read: %s", error != NULL ? error->message : "missing");
      g_once_init_leave (&rounds, loaded != NULL ? loaded : g_new0 (DeclicRounds, 1));
    }
  return rounds->rounds != NULL ? rounds : NULL;
}

const char *
declic_rounds_get_id (DeclicRounds *rounds)
{
  g_return_val_if_fail (rounds != NULL, NULL);
  return rounds->id;
}

GPtrArray *
declic_rounds_get_rounds (DeclicRounds *rounds)
{
  g_return_val_if_fail (rounds != NULL, NULL);
  return rounds->rounds;
}
