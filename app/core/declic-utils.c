/* declic-utils.c: small helpers shared by the core modules. */
#define G_LOG_DOMAIN "declic-utils"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "declic-i18n.h"
#include "declic-utils.h"

/* The value of @n digits already checked: a check reads some fifty dates, and strtoull's
 * generality (signs, spaces, bases, overflow) cost more than the rest of the reading. */
static guint
digits_value (const char *digits,
              guint       n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (guint) (digits[i] - '0');
  return value;
}

/**
 * declic_utils_parse_date:
 * @text: exactly "YYYY-MM-DD"
 * @date: (out caller-allocates) (optional): the date, when valid
 *
 * Stricter than g_date_set_parse(), which guesses at many formats: a draft stores ISO 8601 only.
 * Years outside DECLIC_UTILS_MIN_YEAR..DECLIC_UTILS_MAX_YEAR are refused: no date of a person's
 * file is there, and GLib's date arithmetic (ages, "five years before") fails near year 1.
 */
gboolean
declic_utils_parse_date (const char *text,
                         GDate      *date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = digits_value (text, 4);
  month = digits_value (text + 5, 2);
  day = digits_value (text + 8, 2);
  if (year < DECLIC_UTILS_MIN_YEAR || year > DECLIC_UTILS_MAX_YEAR || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (date != NULL)
    g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* Whether @text has the form YYYY-MM-DD with a year outside the range parse_date accepts. */
gboolean
declic_utils_date_year_out_of_range (const char *text)
{
  guint year;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  year = (guint) g_ascii_strtoull (text, NULL, 10);
  return year < DECLIC_UTILS_MIN_YEAR || year > DECLIC_UTILS_MAX_YEAR;
}

char *
declic_utils_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/**
 * declic_utils_age_at:
 *
 * Whole years of age on @at. Someone born on 29 February turns a year older on 1 March in a
 * common year, the usual reading of age in Canadian law: on 28 February they are not yet older.
 */
int
declic_utils_age_at (const GDate *birth,
                     const GDate *at)
{
  int age;
  guint bm, bd, am, ad;

  g_return_val_if_fail (birth != NULL && g_date_valid (birth), 0);
  g_return_val_if_fail (at != NULL && g_date_valid (at), 0);

  age = (int) g_date_get_year (at) - (int) g_date_get_year (birth);
  bm = g_date_get_month (birth);
  bd = g_date_get_day (birth);
  am = g_date_get_month (at);
  ad = g_date_get_day (at);

  if (am < bm || (am == bm && ad < bd))
    age--;
  return age;
}

/**
 * declic_utils_whole_months_between:
 *
 * Whole calendar months from @start to @end: 2024-01-31 → 2024-02-29 is 0 months (the 31st has
 * not come round again), 2024-01-15 → 2024-02-15 is 1. Negative when @end is before @start.
 */
int
declic_utils_whole_months_between (const GDate *start,
                                   const GDate *end)
{
  int months;
  guint end_day, start_day, end_month_days;

  g_return_val_if_fail (start != NULL && g_date_valid (start), 0);
  g_return_val_if_fail (end != NULL && g_date_valid (end), 0);

  if (g_date_compare (end, start) < 0)
    return -declic_utils_whole_months_between (end, start);

  months = ((int) g_date_get_year (end) - (int) g_date_get_year (start)) * 12 +
           ((int) g_date_get_month (end) - (int) g_date_get_month (start));
  start_day = g_date_get_day (start);
  end_day = g_date_get_day (end);
  end_month_days = g_date_get_days_in_month (g_date_get_month (end), g_date_get_year (end));

  /* A month is complete on the same day number, or on the last day of a shorter month. */
  if (end_day < start_day && end_day < end_month_days)
    months--;
  return months;
}

/* 1-based line and column (in characters) of byte @offset, for error messages. */
void
declic_utils_offset_to_line_column (const char *data,
                                    gsize       offset,
                                    guint      *line,
                                    guint      *column)
{
  guint l = 1, c = 1;

  for (gsize i = 0; i < offset && data[i] != '\0'; i++)
    {
      if (data[i] == '\n')
        {
          l++;
          c = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        c++;
    }
  *line = l;
  *column = c;
}

/* Makes a rename in @path's folder durable: without it a power cut can undo the rename. */
gboolean
declic_utils_fsync_parent (const char  *path,
                           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }
  if (fsync (fd) != 0 && errno != EINVAL)
    {
      int saved = errno;
      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* The string member @key of @object; NULL when @object is NULL or not an object, or the member
 * is absent or not a string: for a reader of data files, all mean "no usable value". */
const char *
declic_utils_json_get_string (json_object *object,
                              const char  *key)
{
  json_object *node = NULL;

  if (object == NULL || !json_object_object_get_ex (object, key, &node) ||
      !json_object_is_type (node, json_type_string))
    return NULL;
  return json_object_get_string (node);
}

/* The integer member @key of @object, or @fallback (same cases as above). */
gint64
declic_utils_json_get_int (json_object *object,
                           const char  *key,
                           gint64       fallback)
{
  json_object *node = NULL;

  if (object == NULL || !json_object_object_get_ex (object, key, &node) ||
      !json_object_is_type (node, json_type_int))
    return fallback;
  return json_object_get_int64 (node);
}

/* The last character before @end that is not blank, or '\0'. */
static char
previous_significant (const char *data,
                      gsize       end)
{
  while (end > 0)
    {
      end--;
      if (!g_ascii_isspace (data[end]))
        return data[end];
    }
  return '\0';
}

/**
 * declic_utils_json_syntax_cause:
 * @jerr: the tokener's error, not json_tokener_success
 * @data: the text parsed
 * @length: its length
 * @end: where the tokener stopped: at the offending character
 *
 * Names the mistakes people make when they edit a draft by hand (a missing comma, a comma
 * before a closing bracket, single quotes, a comment, a bad escape…), from the tokener's error
 * and the character it stopped at; the caller adds the line and column.
 *
 * Returns: (transfer full): a translated cause, lower case, to follow "not valid JSON: "
 */
char *
declic_utils_json_syntax_cause (enum json_tokener_error  jerr,
                                const char              *data,
                                gsize                    length,
                                gsize                    end)
{
  char here = data != NULL && end < length ? data[end] : '\0';
  char before = data != NULL ? previous_significant (data, MIN (end, length)) : '\0';

  switch (jerr)
    {
    case json_tokener_continue:
    case json_tokener_error_parse_eof:
      return g_strdup (_("the text ends in the middle of a value"));
    case json_tokener_error_depth:
      return g_strdup (_("the values are nested too deep"));
    case json_tokener_error_parse_null:
      return g_strdup (_("a word that is not “null” (misspelt?)"));
    case json_tokener_error_parse_boolean:
      return g_strdup (_("a word that is not “true” or “false” (misspelt?)"));
    case json_tokener_error_parse_number:
      return g_strdup (_("a malformed number (numbers are written like 37.5 or 2026, with a point and no leading zero)"));
    case json_tokener_error_parse_array:
      if (here == '}')
        return g_strdup (_("a list opened with “[” is closed with “}”"));
      return g_strdup (_("a missing comma between two items of a list"));
    case json_tokener_error_parse_object_key_name:
      if (here == '\'')
        return g_strdup (_("a name in single quotes (JSON takes double quotes: \"name\")"));
      return g_strdup (_("a name without double quotes (write \"name\": value)"));
    case json_tokener_error_parse_object_key_sep:
      return g_strdup (_("a missing colon “:” after a name"));
    case json_tokener_error_parse_object_value_sep:
      if (here == ']')
        return g_strdup (_("a group opened with “{” is closed with “]”"));
      return g_strdup (_("a missing comma between two fields"));
    case json_tokener_error_parse_string:
      return g_strdup (_("a bad escape in a text (after “\\” come only \", \\, /, b, f, n, r, t or u and four hex digits)"));
    case json_tokener_error_parse_comment:
      return g_strdup (_("a comment (JSON has none)"));
    case json_tokener_error_parse_utf8_string:
      return g_strdup (_("text that is not valid UTF-8"));
    case json_tokener_error_size:
      return g_strdup (_("a file too large to read"));
    case json_tokener_error_parse_unexpected:
      if ((here == '}' || here == ']') && before == ',')
        return g_strdup (_("a comma before a closing bracket (remove the last comma)"));
      if (here == '\'')
        return g_strdup (_("a text in single quotes (JSON takes double quotes)"));
      if (here == '/' || here == '#')
        return g_strdup (_("a comment (JSON has none)"));
      if (g_ascii_isprint (here))
        return g_strdup_printf (_("an unexpected character “%c”"), here);
      return g_strdup (_("an unexpected character"));
    case json_tokener_success:
    default:
      return g_strdup (_("a syntax error"));
    }
}
