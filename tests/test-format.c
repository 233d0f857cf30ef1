/* test-format.c: dates and numbers written out and read back in French and English, under the
 * C locale (the only one these machines have, and the one printf would write in). */
#include "config.h"

#include <locale.h>

#include "declic-format.h"

static void
assert_long (guint       day,
             guint       month,
             guint       year,
             const char *lang,
             const char *expected)
{
  GDate date;
  g_autofree char *text = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  text = declic_format_date_long (&date, lang);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_french (void)
{
  assert_long (22, 11, 2026, "fr", "22 novembre 2026");
  assert_long (1, 5, 2027, "fr", "1er mai 2027");
  assert_long (29, 2, 2028, "fr", "29 février 2028");
  assert_long (15, 8, 2025, "fr", "15 août 2025");
  assert_long (31, 12, 2026, "fr_CA.UTF-8", "31 décembre 2026");
  assert_long (2, 1, 2027, "fr-CA", "2 janvier 2027");
}

static void
test_english (void)
{
  assert_long (22, 11, 2026, "en", "November 22, 2026");
  assert_long (1, 5, 2027, "en", "May 1, 2027");
  assert_long (29, 2, 2028, "en_US", "February 29, 2028");
  /* A language Déclic does not speak is written in English, its own language. */
  assert_long (3, 9, 1992, "de", "September 3, 1992");
  /* "french" is not a language tag. */
  assert_long (3, 9, 1992, "frx", "September 3, 1992");
}

static void
test_messages_language (void)
{
  /* NULL follows the messages' language: LANGUAGE only counts outside the C locale. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_cmpstr (declic_format_get_language (), ==, "fr");
  assert_long (22, 11, 2026, NULL, "22 novembre 2026");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (declic_format_get_language (), ==, "en");
  assert_long (22, 11, 2026, NULL, "November 22, 2026");
}

static void
test_date_text (void)
{
  g_autofree char *fr = declic_format_date_text ("2025-07-02", "fr");
  g_autofree char *en = declic_format_date_text ("2025-07-02", "en");
  g_autofree char *other = declic_format_date_text ("v3", "fr");

  g_assert_cmpstr (fr, ==, "2 juillet 2025");
  g_assert_cmpstr (en, ==, "July 2, 2025");
  g_assert_cmpstr (other, ==, "v3");
  g_assert_null (declic_format_date_text (NULL, "fr"));
}

static void
test_normalize (void)
{
  g_assert_cmpstr (declic_format_normalize_language ("FR"), ==, "fr");
  g_assert_cmpstr (declic_format_normalize_language ("en_GB.UTF-8"), ==, "en");
  g_assert_null (declic_format_normalize_language ("es"));
  g_assert_null (declic_format_normalize_language ("english"));
  g_assert_null (declic_format_normalize_language (NULL));
}

#define NBSP "\xc2\xa0"

static void
assert_integer (gint64 value, const char *lang, const char *expected)
{
  g_autofree char *text = declic_format_integer (value, lang);
  g_assert_cmpstr (text, ==, expected);
}

static void
assert_number (double value, guint decimals, const char *lang, const char *expected)
{
  g_autofree char *text = declic_format_number (value, decimals, lang);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_integer (void)
{
  assert_integer (1300, "fr", "1" NBSP "300");
  assert_integer (1300, "en", "1,300");
  assert_integer (448, "fr", "448");
  assert_integer (0, "en", "0");
  assert_integer (999, "fr", "999");
  assert_integer (1000000, "fr", "1" NBSP "000" NBSP "000");
  assert_integer (-12345, "en", "-12,345");
  assert_integer (G_MININT64, "en", "-9,223,372,036,854,775,808");
}

static void
test_number (void)
{
  assert_number (37.5, 2, "fr", "37,5");
  assert_number (37.5, 2, "en", "37.5");
  assert_number (37.0, 2, "fr", "37");
  assert_number (1300.25, 2, "fr", "1" NBSP "300,25");
  assert_number (1300.25, 2, "en", "1,300.25");
  assert_number (2.0 / 3.0, 1, "fr", "0,7");
  assert_number (-0.001, 2, "en", "0");
  assert_number (-4.5, 1, "fr", "-4,5");
  assert_number (12.5, 0, "en", "12");
}

static void
test_decimal (void)
{
  g_autofree char *fr = declic_format_decimal (1300.5, 2, "fr");
  g_autofree char *en = declic_format_decimal (1300.5, 2, "en");
  g_autofree char *year = declic_format_decimal (2026, 2, "fr");

  g_assert_cmpstr (fr, ==, "1300,5");
  g_assert_cmpstr (en, ==, "1300.5");
  g_assert_cmpstr (year, ==, "2026");
}

static void
test_number_messages_language (void)
{
  /* printf would write "37.5" under LC_NUMERIC=C: the formatter follows the messages. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  assert_number (37.5, 2, NULL, "37,5");
  assert_integer (1300, NULL, "1" NBSP "300");
  g_setenv ("LANGUAGE", "en", TRUE);
  assert_number (37.5, 2, NULL, "37.5");
  assert_integer (1300, NULL, "1,300");
}

static void
assert_parse_number (const char *text, double expected)
{
  double value = -1;

  if (!declic_format_parse_number (text, &value))
    g_error ("“%s” was not read as a number", text);
  g_assert_cmpfloat_with_epsilon (value, expected, 1e-9);
}

static void
test_parse_number (void)
{
  assert_parse_number ("37,5", 37.5);
  assert_parse_number ("37.5", 37.5);
  assert_parse_number (" 40 ", 40);
  assert_parse_number ("1 300", 1300);
  assert_parse_number ("1" NBSP "300", 1300);
  assert_parse_number ("1\xe2\x80\xaf" "300,5", 1300.5);
  assert_parse_number ("1,300.5", 1300.5);
  assert_parse_number ("1.300,5", 1300.5);
  assert_parse_number ("-2,25", -2.25);
  /* What the formatter writes reads back, in both languages. */
  for (guint i = 0; i < 2; i++)
    {
      const char *lang = i == 0 ? "fr" : "en";
      g_autofree char *text = declic_format_number (12345.75, 2, lang);
      assert_parse_number (text, 12345.75);
    }

  g_assert_false (declic_format_parse_number ("", NULL));
  g_assert_false (declic_format_parse_number ("abc", NULL));
  g_assert_false (declic_format_parse_number ("37,5 h", NULL));
  g_assert_false (declic_format_parse_number ("1,300,000", NULL));
  g_assert_false (declic_format_parse_number ("1 30", NULL));
  g_assert_false (declic_format_parse_number ("12 3456", NULL));
  g_assert_false (declic_format_parse_number ("1,2.3", NULL));
  g_assert_false (declic_format_parse_number (",", NULL));
  g_assert_false (declic_format_parse_number ("inf", NULL));
  g_assert_false (declic_format_parse_number ("nan", NULL));
  g_assert_false (declic_format_parse_number ("1e5", NULL));
}

static void
assert_parse_date (const char *text, guint day, guint month, guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!declic_format_parse_date (text, &date))
    g_error ("“%s” was not read as a date", text);
  g_assert_cmpuint (g_date_get_day (&date), ==, day);
  g_assert_cmpuint (g_date_get_month (&date), ==, month);
  g_assert_cmpuint (g_date_get_year (&date), ==, year);
}

static void
test_parse_date (void)
{
  assert_parse_date ("2026-11-22", 22, 11, 2026);
  assert_parse_date ("22 novembre 2026", 22, 11, 2026);
  assert_parse_date ("1er mai 2027", 1, 5, 2027);
  assert_parse_date ("15 AOÛT 2025", 15, 8, 2025);
  assert_parse_date ("15 aout 2025", 15, 8, 2025);
  assert_parse_date ("3 févr. 2026", 3, 2, 2026);
  assert_parse_date ("November 22, 2026", 22, 11, 2026);
  assert_parse_date ("Nov 22 2026", 22, 11, 2026);
  assert_parse_date ("22 November 2026", 22, 11, 2026);
  assert_parse_date ("  29" NBSP "février" NBSP "2028 ", 29, 2, 2028);
  /* What the formatter writes reads back. */
  for (guint i = 0; i < 2; i++)
    {
      GDate date;
      g_autofree char *text = NULL;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_DECEMBER, 2026);
      text = declic_format_date_long (&date, i == 0 ? "fr" : "en");
      assert_parse_date (text, 1, 12, 2026);
    }

  g_assert_false (declic_format_parse_date ("", NULL));
  g_assert_false (declic_format_parse_date ("2026-11", NULL));
  g_assert_false (declic_format_parse_date ("30 février 2026", NULL));
  g_assert_false (declic_format_parse_date ("22 ju 2026", NULL));
  g_assert_false (declic_format_parse_date ("22 jui 2026", NULL));      /* juin or juillet */
  g_assert_false (declic_format_parse_date ("22 novembre", NULL));
  g_assert_false (declic_format_parse_date ("22 novembre 26", NULL));
  g_assert_false (declic_format_parse_date ("22 novembre 0001", NULL));
  g_assert_false (declic_format_parse_date ("novembre 2026", NULL));
  /* Numbers with another mark than ISO's: the year first, or last after the day. */
  assert_parse_date ("2026/11/22", 22, 11, 2026);
  assert_parse_date ("2026.11.22", 22, 11, 2026);
  assert_parse_date ("2026/1/5", 5, 1, 2026);
  assert_parse_date ("22/11/2026", 22, 11, 2026);
  assert_parse_date ("22.11.2026", 22, 11, 2026);
  assert_parse_date ("22-11-2026", 22, 11, 2026);
  assert_parse_date (" 5/5/2026 ", 5, 5, 2026);
  assert_parse_date ("11/22/2026", 22, 11, 2026);      /* only the month can be 11 */
  /* 3 April or 4 March: refused rather than guessed. */
  g_assert_false (declic_format_parse_date ("03/04/2026", NULL));
  g_assert_false (declic_format_parse_date ("31/02/2026", NULL));
  g_assert_false (declic_format_parse_date ("22/11/26", NULL));
  g_assert_false (declic_format_parse_date ("22/11-2026", NULL));
  g_assert_false (declic_format_parse_date ("2026/13/01", NULL));
  g_assert_false (declic_format_parse_date ("22//2026", NULL));
}

static void
assert_plural (double      value,
               guint       max_decimals,
               const char *lang,
               gulong      expected)
{
  gulong n = declic_format_plural_count (value, max_decimals, lang);

  if (n != expected)
    g_error ("%g in %s: n = %lu, expected %lu", value, lang, n, expected);
}

/* The n given to ngettext () for counts with decimals: French's plural is n > 1, English's
 * n != 1 (po/fr.po's Plural-Forms and the C default). */
static void
test_plural_count (void)
{
  /* « 0,5 heure », « 1 heure », « 1,5 heure », « 1,99 heure », « 2 heures », « 37,5 heures » */
  assert_plural (0.5, 2, "fr", 0);
  assert_plural (1, 2, "fr", 1);
  assert_plural (1.5, 2, "fr", 1);
  assert_plural (1.99, 2, "fr", 1);
  assert_plural (2, 2, "fr", 2);
  assert_plural (37.5, 2, "fr", 37);
  /* Written "2" after rounding: plural, as the number shown is. */
  assert_plural (1.999, 2, "fr", 2);
  /* "0.5 hours", "1 hour", "1.5 hours", "2 hours" */
  assert_plural (0.5, 2, "en", 2);
  assert_plural (1, 2, "en", 1);
  assert_plural (1.5, 2, "en", 2);
  assert_plural (1.001, 2, "en", 1);                  /* written "1" */
  assert_plural (2, 2, "en", 2);
  assert_plural (1300, 0, "en", 1300);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/date-long/french", test_french);
  g_test_add_func ("/format/date-long/english", test_english);
  g_test_add_func ("/format/date-long/messages-language", test_messages_language);
  g_test_add_func ("/format/normalize-language", test_normalize);
  g_test_add_func ("/format/integer", test_integer);
  g_test_add_func ("/format/date-text", test_date_text);
  g_test_add_func ("/format/number", test_number);
  g_test_add_func ("/format/decimal", test_decimal);
  g_test_add_func ("/format/number/messages-language", test_number_messages_language);
  g_test_add_func ("/format/parse-number", test_parse_number);
  g_test_add_func ("/format/parse-date", test_parse_date);
  g_test_add_func ("/format/plural-count", test_plural_count);

  return g_test_run ();
}
