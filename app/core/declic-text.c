/* declic-text.c: case- and accent-insensitive folding for searches. */
#define G_LOG_DOMAIN "declic-text"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "declic-text.h"

/**
 * declic_text_fold:
 * @text: UTF-8 text
 *
 * Folds @text for comparison: canonical decomposition (NFD), combining marks dropped, then
 * case-folded. "Ingénieurs/Ingénieures" becomes "ingenieurs/ingenieures", "ÉTATS" becomes
 * "etats". Invalid UTF-8 yields an empty string rather than a partial match.
 *
 * Returns: (transfer full): the folded text
 */
char *
declic_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) stripped = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  stripped = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Accents are separate code points after NFD: dropping them leaves the base letter. */
      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (stripped, c);
    }

  return g_utf8_casefold (stripped->str, stripped->len);
}

/**
 * declic_text_fold_words:
 * @text: UTF-8 text
 *
 * Folds @text and splits it into words: runs of letters and digits. Slashes, hyphens,
 * apostrophes and spaces all separate words, so "concepteurs/conceptrices" gives two words and
 * "États-Unis" gives "etats" and "unis".
 *
 * Returns: (transfer full): a %NULL-terminated array of folded words, possibly empty
 */
char **
declic_text_fold_words (const char *text)
{
  g_autofree char *folded = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) word = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  folded = declic_text_fold (text);
  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_strv_builder_add (builder, word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }

  return g_strv_builder_end (builder);
}

/**
 * declic_text_words_match:
 * @haystack_words: the folded words of the searched text
 * @folded_haystack: the whole searched text, folded
 * @folded_word: one folded query word
 * @is_prefix: (out) (optional): set to %TRUE when @folded_word starts a word of the haystack
 *
 * Returns: %TRUE when @folded_word starts one of @haystack_words or occurs anywhere in
 *   @folded_haystack
 */
gboolean
declic_text_words_match (const char * const *haystack_words,
                         const char         *folded_haystack,
                         const char         *folded_word,
                         gboolean           *is_prefix)
{
  g_return_val_if_fail (haystack_words != NULL, FALSE);
  g_return_val_if_fail (folded_haystack != NULL, FALSE);
  g_return_val_if_fail (folded_word != NULL, FALSE);

  if (is_prefix != NULL)
    *is_prefix = FALSE;

  for (guint i = 0; haystack_words[i] != NULL; i++)
    {
      if (g_str_has_prefix (haystack_words[i], folded_word))
        {
          if (is_prefix != NULL)
            *is_prefix = TRUE;
          return TRUE;
        }
    }

  return strstr (folded_haystack, folded_word) != NULL;
}

/**
 * declic_text_messages_are_french:
 *
 * Whether messages are shown in French: the first language of the LC_MESSAGES category
 * (LANGUAGE, then LC_ALL, LC_MESSAGES, LANG) is French. Mirrors gettext, which ignores LANGUAGE
 * when the messages locale is plain "C" or "POSIX", so that data shown next to translated
 * strings is in the same language as they are.
 *
 * Returns: %TRUE for French
 */
gboolean
declic_text_messages_are_french (void)
{
  const char * const *names;
  const char *current = setlocale (LC_MESSAGES, NULL);

  if (current != NULL && (strcmp (current, "C") == 0 || strcmp (current, "POSIX") == 0))
    {
      /* A program that never called setlocale () is in "C" too: gettext does not translate. */
      return FALSE;
    }

  names = g_get_language_names_with_category ("LC_MESSAGES");
  if (names == NULL || names[0] == NULL)
    return FALSE;

  return g_str_has_prefix (names[0], "fr") &&
         (names[0][2] == '\0' || names[0][2] == '_' || names[0][2] == '.' || names[0][2] == '@');
}

/**
 * declic_text_translations_are_french:
 *
 * Whether the first language of g_get_language_names () that Déclic has a translation for is
 * French (only French so far; English and "C" are its own language). Data files carry their
 * own translations ("title_fr"), chosen this way.
 *
 * Returns: %TRUE for French
 */
gboolean
declic_text_translations_are_french (void)
{
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (g_str_has_prefix (languages[i], "fr"))
        return TRUE;
      if (g_str_has_prefix (languages[i], "en") || g_str_equal (languages[i], "C"))
        return FALSE;
    }
  return FALSE;
}

/* Characters that change what a terminal shows rather than being shown: controls (C0 but
 * newline and tab, DEL, C1: escape sequences clear the screen or set the window title) and the
 * bidirectional marks, embeddings, overrides and isolates that make text read backwards. */
static gboolean
is_terminal_control (gunichar c)
{
  return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0) ||
         c == 0x061c || c == 0x200e || c == 0x200f ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/**
 * declic_text_escape_for_terminal:
 * @text: (nullable): text that may come from a draft file, that is from anyone
 *
 * Writes every control character and bidirectional control of @text as a visible "\uXXXX"
 * (which, inside a JSON string, still means the same character), and every byte that is not
 * UTF-8 as "\xNN". Newlines and tabs are kept.
 *
 * Returns: (transfer full): the text, safe to print on a terminal; "" for %NULL
 */
char *
declic_text_escape_for_terminal (const char *text)
{
  GString *out;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      if (is_terminal_control (c))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/* GPrintFunc for g_set_print_handler(): all of a command's output, escaped. */
void
declic_text_print_escaped (const char *string)
{
  g_autofree char *safe = declic_text_escape_for_terminal (string);

  fputs (safe, stdout);
  fflush (stdout);
}

void
declic_text_printerr_escaped (const char *string)
{
  g_autofree char *safe = declic_text_escape_for_terminal (string);

  fputs (safe, stderr);
  fflush (stderr);
}
