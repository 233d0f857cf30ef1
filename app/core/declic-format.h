/* declic-format.h: values written out for people, in a given language, and read back.
 *
 * Drafts store ISO dates; a printed summary writes them as people do: "22 novembre 2026" in
 * French, "November 22, 2026" in English. The C library cannot do it here (only the C locales
 * exist, so strftime's %B is always English), and the document's language is chosen by the
 * caller, so the month names are tables of this module rather than the C library's locale.
 * Numbers likewise: printf follows LC_NUMERIC, which is "C" here, so "37,5" and "1 300" are
 * written by this module for the interface language, never by the C library.
 *
 * The thousands separator in French is U+00A0 (no-break space), the one of CLDR's fr_CA (the
 * Office québécois de la langue française asks for an unbreakable space, and U+00A0 is drawn
 * by every font); France's narrow U+202F is not Québec usage. Machine outputs (JSON, CSV)
 * never go through here: they stay ISO and C-locale.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "fr" when messages are shown in French, else "en": the languages Déclic speaks. */
const char *declic_format_get_language    (void);
/* "fr" or "en" for a language tag such as "fr_CA.UTF-8", "en-US" or "fr"; NULL when neither. */
const char *declic_format_normalize_language (const char *lang);

/* @lang: "fr", "en" (or a tag starting with them), %NULL for the messages' language. */
char       *declic_format_date_long       (const GDate *date,
                                           const char  *lang);

/* An ISO date string written out as declic_format_date_long() does; other text as it is
 * (a grid's version is its date of effect, "2025-07-02", but need not be). */
char       *declic_format_date_text       (const char  *text,
                                           const char  *lang);

/* "1 300" (U+00A0) in French, "1,300" in English; "-1 300" for negatives. */
char       *declic_format_integer         (gint64       value,
                                           const char  *lang);
/* "+1 300", "-25": a change, as printf's "%+d" but grouped. */
char       *declic_format_signed_integer  (gint64       value,
                                           const char  *lang);
/* At most @max_decimals decimals, trailing zeros dropped: "37,5" / "37.5", "1 300,25". */
char       *declic_format_number          (double       value,
                                           guint        max_decimals,
                                           const char  *lang);

/* The n to give g_dngettext for a count written with decimals: « 1,5 heure » but "1.5 hours". */
gulong      declic_format_plural_count    (double       value,
                                           guint        max_decimals,
                                           const char  *lang);

/* For an entry field: the number as declic_format_number() writes it, without grouping
 * ("1300,5"), so that a year or a code typed as digits comes back as it was typed. */
char       *declic_format_decimal         (double       value,
                                           guint        max_decimals,
                                           const char  *lang);

/* Reads what a person typed: "37,5", "37.5", "1 300", "1 300,5" (spaces, U+00A0 or U+202F
 * between groups of three), "1,300.5" (commas as groups when a point follows). A lone comma
 * or point is the decimal mark, whatever the language. FALSE for anything else. */
gboolean    declic_format_parse_number    (const char  *text,
                                           double      *value);
/* Reads a date as ISO "2026-11-22" or written out in either language: "22 novembre 2026",
 * "1er mai 2027", "November 22, 2026", "22 November 2026" (case and accents ignored), or in
 * numbers with another mark: "2026/11/22", "22/11/2026", "22.11.2026" (the year last only
 * when the day cannot be taken for the month: "03/04/2026" is refused).
 * @date may be %NULL to test the text only. */
gboolean    declic_format_parse_date      (const char  *text,
                                           GDate       *date);

G_END_DECLS
