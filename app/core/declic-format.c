/* declic-format.c: values written out for people (see the header for why tables). */
#define G_LOG_DOMAIN "declic-format"

#include "config.h"

#include <math.h>
#include <string.h>

#include "declic-format.h"
#include "declic-i18n.h"
#include "declic-text.h"
#include "declic-utils.h"

static const char * const months_en[12] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

/* French month names take no capital. */
static const char * const months_fr[12] = {
  "janvier", "février", "mars", "avril", "mai", "juin",
  "juillet", "août", "septembre", "octobre", "novembre", "décembre",
};

const char *
declic_format_get_language (void)
{
  return declic_i18n_messages_are_french () ? "fr" : "en";
}

const char *
declic_format_normalize_language (const char *lang)
{
  if (lang == NULL)
    return NULL;
  if (g_ascii_strncasecmp (lang, "fr", 2) == 0 && !g_ascii_isalpha (lang[2]))
    return "fr";
  if (g_ascii_strncasecmp (lang, "en", 2) == 0 && !g_ascii_isalpha (lang[2]))
    return "en";
  return NULL;
}

/* The decimal digits of @value, written at the end of @buffer: a check writes some thirty
 * numbers and dates, and printf's parsing of its format was most of their cost. */
static const char *
write_digits (guint64 value,
              char    buffer[24])
{
  char *p = buffer + 23;

  *p = '\0';
  do
    {
      *--p = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  return p;
}

/**
 * declic_format_date_long:
 * @date: a valid date
 * @lang: (nullable): "fr" or "en"; %NULL for the messages' language. Any other language is
 *   written in English, the program's own language.
 *
 * Returns: (transfer full): "1er novembre 2026", "22 novembre 2026" or "November 22, 2026"
 */
char *
declic_format_date_long (const GDate *date,
                         const char  *lang)
{
  const char *language;
  guint month, day, year;
  char day_digits[24], year_digits[24];
  const char *day_text, *year_text;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  language = lang != NULL ? declic_format_normalize_language (lang) : declic_format_get_language ();
  month = g_date_get_month (date);
  day = g_date_get_day (date);
  year = g_date_get_year (date);

  day_text = write_digits (day, day_digits);
  year_text = write_digits (year, year_digits);
  if (g_strcmp0 (language, "fr") == 0)
    {
      /* The first of the month is an ordinal in French: "1er mai". */
      return g_strconcat (day == 1 ? "1er" : day_text, " ", months_fr[month - 1], " ", year_text, NULL);
    }

  return g_strconcat (months_en[month - 1], " ", day_text, ", ", year_text, NULL);
}

/**
 * declic_format_date_text:
 * @text: (nullable): "2025-07-02", or any text
 * @lang: (nullable): "fr" or "en"; %NULL for the messages' language
 *
 * Returns: (transfer full) (nullable): "2 juillet 2025" / "July 2, 2025", else a copy of @text
 */
char *
declic_format_date_text (const char *text,
                         const char *lang)
{
  GDate date;

  g_date_clear (&date, 1);
  if (text != NULL && declic_utils_parse_date (text, &date))
    return declic_format_date_long (&date, lang);
  return g_strdup (text);
}

/* U+00A0, no-break space: the thousands separator of Québec French (see the header). */
#define FRENCH_GROUP_SEPARATOR "\xc2\xa0"

static gboolean
is_french (const char *lang)
{
  const char *language = lang != NULL ? declic_format_normalize_language (lang)
                                      : declic_format_get_language ();

  return g_strcmp0 (language, "fr") == 0;
}

/* Appends the digits of @digits (no sign) to @out, grouped by three from the right. */
static void
append_grouped (GString    *out,
                const char *digits,
                const char *separator)
{
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

/**
 * declic_format_integer:
 * @value: any integer
 * @lang: (nullable): "fr" or "en"; %NULL for the messages' language
 *
 * Returns: (transfer full): "1 300" (with U+00A0) in French, "1,300" in English
 */
char *
declic_format_integer (gint64      value,
                       const char *lang)
{
  GString *out = g_string_sized_new (32);
  char digits[24];
  guint64 magnitude = value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;

  if (value < 0)
    g_string_append_c (out, '-');
  append_grouped (out, write_digits (magnitude, digits), is_french (lang) ? FRENCH_GROUP_SEPARATOR : ",");
  return g_string_free (out, FALSE);
}

/**
 * declic_format_signed_integer:
 * @value: any integer
 * @lang: (nullable): "fr" or "en"; %NULL for the messages' language
 *
 * A change rather than an amount, as printf's "%+d" writes it but grouped.
 *
 * Returns: (transfer full): "+1 300", "-25", "+0"
 */
char *
declic_format_signed_integer (gint64      value,
                              const char *lang)
{
  g_autofree char *digits = declic_format_integer (value, lang);

  return value < 0 ? g_steal_pointer (&digits) : g_strconcat ("+", digits, NULL);
}

/**
 * declic_format_number:
 * @value: a finite number
 * @max_decimals: how many decimals at most (rounded there; trailing zeros are dropped)
 * @lang: (nullable): "fr" or "en"; %NULL for the messages' language
 *
 * Returns: (transfer full): "37,5" and "1 300,25" in French, "37.5" and "1,300.25" in English
 */
char *
declic_format_number (double      value,
                      guint       max_decimals,
                      const char *lang)
{
  gboolean french = is_french (lang);
  char format[16];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 64];
  const char *digits = buffer;
  char *point;
  GString *out;

  g_return_val_if_fail (isfinite (value), g_strdup ("?"));

  max_decimals = MIN (max_decimals, 9);
  g_snprintf (format, sizeof format, "%%.%uf", max_decimals);
  /* g_ascii_formatd always writes a point, whatever LC_NUMERIC says. */
  g_ascii_formatd (buffer, sizeof buffer, format, value);

  point = strchr (buffer, '.');
  if (point != NULL)
    {
      gsize n = strlen (buffer);

      while (n > 0 && buffer[n - 1] == '0')
        buffer[--n] = '\0';
      if (buffer[n - 1] == '.')
        buffer[--n] = '\0';
    }

  out = g_string_new (NULL);
  if (*digits == '-')
    {
      /* "-0" after rounding is 0. */
      if (g_strcmp0 (digits, "-0") != 0)
        g_string_append_c (out, '-');
      digits++;
    }
  point = strchr (digits, '.');
  if (point != NULL)
    *point = '\0';
  append_grouped (out, digits, french ? FRENCH_GROUP_SEPARATOR : ",");
  if (point != NULL)
    {
      g_string_append_c (out, french ? ',' : '.');
      g_string_append (out, point + 1);
    }
  return g_string_free (out, FALSE);
}

/**
 * declic_format_decimal:
 * @value: a finite number
 * @max_decimals: how many decimals at most (trailing zeros are dropped)
 * @lang: (nullable): "fr" or "en"; %NULL for the messages' language
 *
 * Returns: (transfer full): "37,5" or "1300,5" in French, "37.5" or "1300.5" in English
 */
char *
declic_format_decimal (double      value,
                       guint       max_decimals,
                       const char *lang)
{
  g_autofree char *grouped = declic_format_number (value, max_decimals, lang);
  GString *out = g_string_new (NULL);

  for (const char *p = grouped; *p != '\0'; p++)
    {
      if (g_str_has_prefix (p, FRENCH_GROUP_SEPARATOR))
        p += strlen (FRENCH_GROUP_SEPARATOR) - 1;
      else if (*p == ',' && !is_french (lang))
        continue;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Whether @p starts a space that can separate groups of digits; its length in @len. */
static gboolean
is_group_space (const char *p,
                gsize      *len)
{
  if (*p == ' ')
    *len = 1;
  else if (g_str_has_prefix (p, "\xc2\xa0"))             /* U+00A0 */
    *len = 2;
  else if (g_str_has_prefix (p, "\xe2\x80\xaf") ||       /* U+202F */
           g_str_has_prefix (p, "\xe2\x80\x89"))         /* U+2009, a thin space */
    *len = 3;
  else
    return FALSE;
  return TRUE;
}

/**
 * declic_format_parse_number:
 * @text: what was typed; blanks around it are ignored
 * @value: (out) (optional): the number
 *
 * A comma or a point alone is the decimal mark in either language ("37,5", "37.5"): hours,
 * levels and scores are small, so "1,5" is one and a half, never fifteen hundred. Groups of
 * three may be set off by spaces ("1 300"), or by commas when a point ends the number
 * ("1,300.5"), or by points when a comma does ("1.300,5").
 *
 * Returns: %TRUE when @text is a number in one of those forms
 */
gboolean
declic_format_parse_number (const char *text,
                            double     *value)
{
  g_autofree char *copy = NULL;
  GString *plain;
  g_autofree char *normal = NULL;
  const char *p;
  char *end = NULL;
  char decimal = '\0', group = '\0';
  const char *last_comma, *last_point;
  double result;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return FALSE;

  /* Which mark is the decimal one: the last of two kinds; a lone kind seen once. */
  last_comma = strrchr (copy, ',');
  last_point = strrchr (copy, '.');
  if (last_comma != NULL && last_point != NULL)
    {
      decimal = last_comma > last_point ? ',' : '.';
      group = decimal == ',' ? '.' : ',';
    }
  else if (last_comma != NULL || last_point != NULL)
    {
      char mark = last_comma != NULL ? ',' : '.';

      if (strchr (copy, mark) != strrchr (copy, mark))
        return FALSE;                         /* "1,300,000" or "1.2.3": too ambiguous */
      decimal = mark;
    }

  plain = g_string_new (NULL);
  {
    gsize digits_in_group = 0;
    gboolean grouped = FALSE, seen_decimal = FALSE, seen_digit = FALSE;

    for (p = copy; *p != '\0';)
      {
        gsize len = 0;

        if (p == copy && (*p == '-' || *p == '+'))
          {
            g_string_append_c (plain, *p);
            p++;
            continue;
          }
        if (g_ascii_isdigit (*p))
          {
            g_string_append_c (plain, *p);
            digits_in_group++;
            seen_digit = TRUE;
            p++;
            continue;
          }
        if (!seen_decimal && (is_group_space (p, &len) || (group != '\0' && *p == group && (len = 1))))
          {
            /* A separator comes after one to three digits, then every three. */
            if (!seen_digit || digits_in_group == 0 || digits_in_group > 3 ||
                (grouped && digits_in_group != 3))
              goto fail;
            grouped = TRUE;
            digits_in_group = 0;
            p += len;
            continue;
          }
        if (!seen_decimal && decimal != '\0' && *p == decimal)
          {
            if (grouped && digits_in_group != 3)
              goto fail;
            g_string_append_c (plain, '.');
            seen_decimal = TRUE;
            digits_in_group = 0;
            p++;
            continue;
          }
        goto fail;
      }
    if (grouped && !seen_decimal && digits_in_group != 3)
      goto fail;
    if (!seen_digit)
      goto fail;
  }

  normal = g_string_free (g_steal_pointer (&plain), FALSE);
  result = g_ascii_strtod (normal, &end);
  if (end == normal || *end != '\0' || !isfinite (result))
    return FALSE;
  if (value != NULL)
    *value = result;
  return TRUE;

fail:
  g_string_free (plain, TRUE);
  return FALSE;
}

/* The month numbered 1..12 that @word (folded: lower case, no accents) names, 0 if none.
 * Full names and the usual abbreviations ("nov", "nov.", "sept") in either language. */
static guint
month_from_word (const char *word)
{
  static const char * const folded_fr[12] = {
    "janvier", "fevrier", "mars", "avril", "mai", "juin",
    "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
  };
  g_autofree char *bare = g_strdup (word);
  gsize n = strlen (bare);

  if (n > 0 && bare[n - 1] == '.')
    bare[--n] = '\0';
  if (n < 3)
    return 0;

  for (guint m = 0; m < 12; m++)
    {
      g_autofree char *english = g_ascii_strdown (months_en[m], -1);

      if (g_str_equal (bare, english) || g_str_equal (bare, folded_fr[m]))
        return m + 1;
      /* "nov", "sept", "janv", "févr": a prefix of the name, enough to be only one month
       * ("ma" is refused above: mars or mai). */
      if (g_str_has_prefix (english, bare) || g_str_has_prefix (folded_fr[m], bare))
        {
          guint found = m + 1;

          for (guint other = m + 1; other < 12; other++)
            {
              g_autofree char *other_en = g_ascii_strdown (months_en[other], -1);
              if (g_str_has_prefix (other_en, bare) || g_str_has_prefix (folded_fr[other], bare))
                return 0;
            }
          return found;
        }
    }
  return 0;
}

static gboolean
word_to_uint (const char *word,
              guint       max_digits,
              guint      *value)
{
  gsize n = strlen (word);

  if (n == 0 || n > max_digits)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (word[i]))
      return FALSE;
  *value = (guint) g_ascii_strtoull (word, NULL, 10);
  return TRUE;
}

/* Three groups of digits split by one kind of mark ('/', '.', '-' or a space); FALSE else. */
static gboolean
split_numeric_date (const char *text,
                    guint       values[3],
                    gsize       lengths[3])
{
  char mark = '\0';
  guint n = 0;
  const char *p = text;

  while (n < 3)
    {
      const char *start = p;

      while (g_ascii_isdigit (*p))
        p++;
      if (p == start || p - start > 4)
        return FALSE;
      lengths[n] = (gsize) (p - start);
      values[n] = (guint) g_ascii_strtoull (start, NULL, 10);
      n++;
      if (n == 3)
        break;
      if (*p != '/' && *p != '.' && *p != '-' && *p != ' ')
        return FALSE;
      if (mark != '\0' && *p != mark)
        return FALSE;
      mark = *p++;
    }
  return *p == '\0';
}

/* The numeric forms besides ISO: the year first with another mark ("2026/11/22",
 * "2026.11.22"), or the year last with the day before the month ("22/11/2026", "22.11.2026"),
 * the order of Québec and of most of the world. With the year last, a day and a month both
 * 12 or under are refused unless equal: "03/04/2026" is 3 April in Québec but 4 March in the
 * United States, and a date read wrong in silence is worse than one refused. */
static gboolean
parse_numeric_date (const char *text,
                    GDate      *date)
{
  guint values[3];
  gsize lengths[3];
  guint day, month, year;
  g_autofree char *iso = NULL;

  if (!split_numeric_date (text, values, lengths))
    return FALSE;
  if (lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2)
    {
      year = values[0];
      month = values[1];
      day = values[2];
    }
  else if (lengths[2] == 4 && lengths[0] <= 2 && lengths[1] <= 2)
    {
      year = values[2];
      day = values[0];
      month = values[1];
      if (day > 12 && month <= 12)
        ;                              /* "22/11/2026": only the day can be 22 */
      else if (day <= 12 && month > 12)
        {
          /* "11/22/2026": the month first, as in the United States. */
          month = values[0];
          day = values[1];
        }
      else if (day != month)
        return FALSE;
    }
  else
    return FALSE;

  iso = g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  return year >= 1000 && declic_utils_parse_date (iso, date);
}

/**
 * declic_format_plural_count:
 * @value: a count that may have decimals (hours, months, a length)
 * @max_decimals: how many decimals it is written with (as to declic_format_number ())
 * @lang: (nullable): "fr" or "en"; %NULL for the messages' language, which must be the
 *   language of the catalogue that g_dngettext reads
 *
 * g_dngettext chooses a plural form from an integer. A number with decimals takes the plural
 * of its language: in French below 2 is singular (« 1,5 heure », « 0,5 heure »), in English
 * only 1 is ("1.5 hours"). The number is rounded as it is written first, so that "2" is never
 * shown with a singular.
 *
 * Returns: the count to give g_dngettext for @value in @lang
 */
gulong
declic_format_plural_count (double      value,
                            guint       max_decimals,
                            const char *lang)
{
  double scale = pow (10, MIN (max_decimals, 9));
  double shown = fabs (round (value * scale) / scale);

  if (!isfinite (shown))
    return 2;
  if (shown == floor (shown))
    return shown >= (double) G_MAXULONG ? G_MAXULONG : (gulong) shown;
  /* French's rule is n > 1: the whole part says it (1,5 → 1). English's is n != 1: any
   * number with decimals is plural. */
  if (is_french (lang))
    return (gulong) floor (shown);
  return 2;
}

/**
 * declic_format_parse_date:
 * @text: ISO "2026-11-22", or "22 novembre 2026", "1er mai 2027", "November 22, 2026",
 *   "22 Nov 2026"
 * @date: (out caller-allocates) (optional): the date, when valid
 *
 * The written forms are those declic_format_date_long() writes, in either language whatever
 * the interface's, plus the abbreviations people type; the year range is declic_utils's.
 *
 * Returns: %TRUE when @text is a valid date in one of those forms
 */
gboolean
declic_format_parse_date (const char *text,
                          GDate      *date)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  guint day = 0, month = 0, year = 0;
  guint n = 0;
  char *iso;
  gboolean ok;

  if (text == NULL)
    return FALSE;
  {
    g_autofree char *stripped = g_strstrip (g_strdup (text));
    if (declic_utils_parse_date (stripped, date))
      return TRUE;
    if (parse_numeric_date (stripped, date))
      return TRUE;
  }

  /* Commas and spaces (also no-break ones) separate the words. */
  folded = declic_text_fold (text);
  if (folded == NULL)
    return FALSE;
  g_strdelimit (folded, ",", ' ');
  {
    GString *plain = g_string_new (NULL);
    for (const char *p = folded; *p != '\0';)
      {
        gsize len;
        if (is_group_space (p, &len))
          {
            g_string_append_c (plain, ' ');
            p += len;
          }
        else
          g_string_append_c (plain, *p++);
      }
    g_free (folded);
    folded = g_string_free (plain, FALSE);
  }
  {
    g_auto(GStrv) all = g_strsplit (folded, " ", -1);
    GPtrArray *kept = g_ptr_array_new ();
    for (guint i = 0; all[i] != NULL; i++)
      if (*all[i] != '\0')
        g_ptr_array_add (kept, g_strdup (all[i]));
    g_ptr_array_add (kept, NULL);
    words = (GStrv) g_ptr_array_free (kept, FALSE);
  }
  n = g_strv_length (words);
  if (n != 3)
    return FALSE;

  if (g_ascii_isdigit (words[0][0]))
    {
      /* "22 novembre 2026", "1er mai 2027" */
      if (g_str_has_suffix (words[0], "er"))
        words[0][strlen (words[0]) - 2] = '\0';
      if (!word_to_uint (words[0], 2, &day))
        return FALSE;
      month = month_from_word (words[1]);
    }
  else
    {
      /* "November 22, 2026" */
      month = month_from_word (words[0]);
      if (!word_to_uint (words[1], 2, &day))
        return FALSE;
    }
  if (month == 0 || !word_to_uint (words[2], 4, &year))
    return FALSE;

  /* Through the ISO reader, so that both forms accept exactly the same dates. */
  iso = g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  ok = year >= 1000 && declic_utils_parse_date (iso, date);
  g_free (iso);
  return ok;
}
