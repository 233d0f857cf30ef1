/* declic-rounds.c: recent PSTQ invitation rounds, from a data file (see the header). */
#define G_LOG_DOMAIN "declic-rounds"

#include "config.h"

#include <gio/gio.h>
#include <errno.h>
#include <stdlib.h>

#include "declic-csv.h"
#include "declic-i18n.h"
#include "declic-rounds.h"
#include "declic-utils.h"
#include "declic-workspace-files.h"

#define ROUNDS_RESOURCE "/ca/declic/Declic/core/data/invitation-rounds-2025.csv"

G_DEFINE_QUARK (declic-rounds-error-quark, declic_rounds_error)

struct _DeclicRounds
{
  char      *id;
  char      *origin;   /* the user's file, or NULL for the built-in list */
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
  g_free (rounds->origin);
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

/* The list compiled into the program; NULL only for a build without its resources. */
static DeclicRounds *
load_builtin (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (ROUNDS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  DeclicRounds *rounds = data != NULL ? declic_rounds_new_from_data (data, size, &error) : NULL;

  if (rounds == NULL)
    g_warning ("The built-in invitation rounds could not be read: %s", error != NULL ? error->message : "missing");
  return rounds;
}

/**
 * declic_rounds_dup_user_path:
 *
 * Returns: (transfer full): where declic_rounds_install () puts the user's list
 */
char *
declic_rounds_dup_user_path (void)
{
  return g_build_filename (g_get_user_data_dir (), DECLIC_ROUNDS_USER_FILE, NULL);
}

/* A list the person made: the id says how recent it is, since it has no release name. */
static void
set_user_origin (DeclicRounds *rounds,
                 const char   *path)
{
  g_autofree char *newest = declic_utils_format_date (declic_rounds_get_newest_date (rounds));

  g_free (rounds->id);
  rounds->id = g_strdup_printf ("invitation-rounds-as-of-%s", newest);
  g_free (rounds->origin);
  rounds->origin = g_strdup (path);
}

/* A list to use instead of the built-in one: strictly read, and with a newest round to compare. */
static DeclicRounds *
parse_with_rounds (const char  *data,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(DeclicRounds) rounds = declic_rounds_new_from_data (data, length, error);

  if (rounds != NULL && rounds->rounds->len == 0)
    {
      g_set_error_literal (error, DECLIC_ROUNDS_ERROR, DECLIC_ROUNDS_ERROR_NO_ROUNDS,
                           _("The list has no rounds after its header line."));
      return NULL;
    }
  return g_steal_pointer (&rounds);
}

/* The user's list, or NULL: silently (no @error) when there is none, else with @error saying
 * what is wrong with it, the line at fault included. */
static DeclicRounds *
load_user_file (GError **error)
{
  g_autofree char *path = declic_rounds_dup_user_path ();
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DeclicRounds) rounds = NULL;
  gsize length = 0;

  /* Never through a link, never a pipe or a device, never more than the limit. */
  if (!declic_workspace_files_read (g_get_user_data_dir (), DECLIC_ROUNDS_USER_FILE,
                                    DECLIC_ROUNDS_MAX_FILE_SIZE, &data, &length, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, DECLIC_ROUNDS_ERROR, DECLIC_ROUNDS_ERROR_UNREADABLE,
                     _("Your list of invitation rounds %s was ignored and the built-in list is used: %s"),
                     path, local_error->message);
      return NULL;
    }
  rounds = parse_with_rounds (data, length, &local_error);
  if (rounds == NULL)
    {
      g_set_error (error, DECLIC_ROUNDS_ERROR, local_error->code,
                   _("Your list of invitation rounds %s was ignored and the built-in list is used: %s"),
                   path, local_error->message);
      return NULL;
    }
  set_user_origin (rounds, path);
  return g_steal_pointer (&rounds);
}

/**
 * declic_rounds_load_default:
 * @problem: (optional): set when the user's list exists but cannot be used
 *
 * The rounds to show: the built-in list or the one the person installed
 * (declic_rounds_dup_user_path ()), whichever has the newer newest round; on a tie the person's,
 * which may correct a round. A missing user file is not a problem. A user file that cannot be
 * used is ignored (the built-in list is returned) and @problem says why, naming the file and the
 * line at fault, so that the person learns their update did not take. Nothing is cached: each
 * call reads the file again, so an installed list is seen at once.
 *
 * Returns: (transfer full) (nullable): the rounds; %NULL only when the build lacks its resources
 *   and the user has no usable list
 */
DeclicRounds *
declic_rounds_load_default (GError **problem)
{
  g_autoptr(DeclicRounds) builtin = load_builtin ();
  g_autoptr(DeclicRounds) user = load_user_file (problem);

  if (user == NULL)
    return g_steal_pointer (&builtin);
  if (builtin == NULL || declic_rounds_get_newest_date (builtin) == NULL ||
      g_date_compare (declic_rounds_get_newest_date (user), declic_rounds_get_newest_date (builtin)) >= 0)
    return g_steal_pointer (&user);
  return g_steal_pointer (&builtin);
}

/* Reads the file the person chose, following a link (they chose it), at most the limit, never a
 * pipe or a device (declic_workspace_files_read () on its resolved folder and name). */
static gboolean
read_chosen_file (const char  *path,
                  char       **data,
                  gsize       *length,
                  GError     **error)
{
  g_autofree char *resolved = realpath (path, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;

  if (resolved == NULL)
    {
      int saved = errno;
      g_set_error (error, DECLIC_ROUNDS_ERROR, DECLIC_ROUNDS_ERROR_UNREADABLE,
                   _("Could not read the list of invitation rounds %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  dir = g_path_get_dirname (resolved);
  name = g_path_get_basename (resolved);
  if (!declic_workspace_files_read (dir, name, DECLIC_ROUNDS_MAX_FILE_SIZE, data, length, &local_error))
    {
      g_set_error (error, DECLIC_ROUNDS_ERROR, DECLIC_ROUNDS_ERROR_UNREADABLE,
                   _("Could not read the list of invitation rounds %s: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * declic_rounds_install:
 * @path: a list of rounds in the shipped file's format
 * @error: return location for a #GError
 *
 * Checks @path as strictly as the built-in list is read, and copies it to the user's list
 * (declic_rounds_dup_user_path ()): 0600, in folders created 0700, written to a new file renamed
 * over the old one, so that a failure leaves the previous list whole, never part of the new one.
 * Whether it is then in use depends on its newest round (declic_rounds_load_default ()).
 *
 * Returns: %TRUE when installed; %FALSE with @error (%DECLIC_ROUNDS_ERROR, or a #G_FILE_ERROR
 *   when it cannot be written) naming the file and, for a malformed one, the line at fault
 */
gboolean
declic_rounds_install (const char  *path,
                       GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DeclicRounds) rounds = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_chosen_file (path, &data, &length, error))
    return FALSE;
  rounds = parse_with_rounds (data, length, &local_error);
  if (rounds == NULL)
    {
      g_set_error (error, DECLIC_ROUNDS_ERROR, local_error->code,
                   _("The list of invitation rounds %s was not installed: %s"), path, local_error->message);
      return FALSE;
    }
  return declic_workspace_files_write (g_get_user_data_dir (), DECLIC_ROUNDS_USER_FILE, data, (gssize) length, error);
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

const char *
declic_rounds_get_origin (DeclicRounds *rounds)
{
  g_return_val_if_fail (rounds != NULL, NULL);
  return rounds->origin;
}

/* Newest first (declic_rounds_new_from_data () sorts them). */
const GDate *
declic_rounds_get_newest_date (DeclicRounds *rounds)
{
  g_return_val_if_fail (rounds != NULL, NULL);
  if (rounds->rounds->len == 0)
    return NULL;
  return &((DeclicRound *) g_ptr_array_index (rounds->rounds, 0))->date;
}
