/* test-i18n.c: a freeze reads the language and the translations once, and only until its thaw:
 * a language switched between two freezes, or outside one, is followed (declic-i18n.h). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "declic-format.h"
#include "declic-i18n.h"
#include "declic-test-utils.h"

static void
speak_english (void)
{
  declic_test_switch_language ("en");
}

static void
test_unfrozen_follows_switch (void)
{
  if (!declic_test_speak_french ())
    return;
  g_assert_cmpstr (_("Age"), ==, "Âge");
  g_assert_true (declic_i18n_messages_are_french ());
  g_assert_cmpstr (declic_format_get_language (), ==, "fr");

  speak_english ();
  g_assert_cmpstr (_("Age"), ==, "Age");
  g_assert_false (declic_i18n_messages_are_french ());
  g_assert_cmpstr (declic_format_get_language (), ==, "en");
}

static void
test_switch_between_freezes (void)
{
  if (!declic_test_speak_french ())
    return;
  declic_i18n_freeze ();
  g_assert_cmpstr (_("Age"), ==, "Âge");
  g_assert_cmpstr (declic_format_get_language (), ==, "fr");
  declic_i18n_thaw ();

  speak_english ();
  declic_i18n_freeze ();
  g_assert_cmpstr (_("Age"), ==, "Age");
  g_assert_cmpstr (declic_format_get_language (), ==, "en");
  g_assert_false (declic_i18n_translations_are_french ());
  declic_i18n_thaw ();

  declic_test_switch_language ("fr");
  declic_i18n_freeze ();
  g_assert_cmpstr (_("Age"), ==, "Âge");
  g_assert_true (declic_i18n_messages_are_french ());
  g_assert_true (declic_i18n_translations_are_french ());
  declic_i18n_thaw ();
  speak_english ();
}

/* Inside a freeze the first reading holds (that is the point of it), until the outermost thaw. */
static void
test_freeze_holds_until_outermost_thaw (void)
{
  if (!declic_test_speak_french ())
    return;
  declic_i18n_freeze ();
  g_assert_cmpstr (_("Age"), ==, "Âge");
  g_assert_true (declic_i18n_messages_are_french ());
  g_assert_true (declic_i18n_translations_are_french ());
  declic_i18n_freeze ();
  speak_english ();
  g_assert_cmpstr (_("Age"), ==, "Âge");
  g_assert_true (declic_i18n_messages_are_french ());
  g_assert_true (declic_i18n_translations_are_french ());
  declic_i18n_thaw ();
  g_assert_cmpstr (_("Age"), ==, "Âge");
  g_assert_true (declic_i18n_messages_are_french ());
  declic_i18n_thaw ();

  g_assert_cmpstr (_("Age"), ==, "Age");
  g_assert_false (declic_i18n_messages_are_french ());
  g_assert_false (declic_i18n_translations_are_french ());
}

/* A freeze starts from what the last one read when the language is the same (declic-i18n.c's
 * signature): a switch between two freezes, either way, is still followed by the next. */
static void
test_kept_while_language_unchanged (void)
{
  if (!declic_test_speak_french ())
    return;
  for (guint round = 0; round < 2; round++)
    {
      declic_i18n_freeze ();
      g_assert_cmpstr (_("Age"), ==, "Âge");
      g_assert_true (declic_i18n_messages_are_french ());
      declic_i18n_thaw ();
    }
  speak_english ();
  for (guint round = 0; round < 2; round++)
    {
      declic_i18n_freeze ();
      g_assert_cmpstr (_("Age"), ==, "Age");
      g_assert_false (declic_i18n_messages_are_french ());
      g_assert_cmpstr (declic_format_get_language (), ==, "en");
      declic_i18n_thaw ();
    }
  declic_test_switch_language ("fr");
  declic_i18n_freeze ();
  g_assert_cmpstr (_("Age"), ==, "Âge");
  g_assert_true (declic_i18n_translations_are_french ());
  declic_i18n_thaw ();
  speak_english ();
}

static gpointer
read_language (gpointer data)
{
  const char **seen = data;

  seen[0] = declic_format_get_language ();
  seen[1] = _("Age");
  return NULL;
}

/* A freeze is the calling thread's: another thread reads the environment as it is. */
static void
test_freeze_is_per_thread (void)
{
  const char *seen[2] = { NULL, NULL };

  if (!declic_test_speak_french ())
    return;
  declic_i18n_freeze ();
  g_assert_cmpstr (_("Age"), ==, "Âge");
  speak_english ();
  g_thread_join (g_thread_new ("reader", read_language, seen));
  g_assert_cmpstr (seen[0], ==, "en");
  g_assert_cmpstr (seen[1], ==, "Age");
  declic_i18n_thaw ();
}

/* Translations are kept by the msgid's address: text that comes back at an address already
 * seen is looked up again rather than given the earlier text's translation. */
static void
test_same_address_other_text (void)
{
  char msgid[32];

  if (!declic_test_speak_french ())
    return;
  declic_i18n_freeze ();
  g_strlcpy (msgid, "Age", sizeof msgid);
  g_assert_cmpstr (_(msgid), ==, "Âge");
  g_strlcpy (msgid, "Education", sizeof msgid);
  g_assert_cmpstr (_(msgid), ==, "Scolarité");
  declic_i18n_thaw ();
  speak_english ();
}

/* A plural is kept per count: the form for 1 is not the form for 2. */
static void
test_plural_per_count (void)
{
  if (!declic_test_speak_french ())
    return;
  declic_i18n_freeze ();
  g_assert_cmpstr (declic_i18n_ngettext ("%s year old", "%s years old", 1), ==, "%s an");
  g_assert_cmpstr (declic_i18n_ngettext ("%s year old", "%s years old", 2), ==, "%s ans");
  g_assert_cmpstr (declic_i18n_ngettext ("%s year old", "%s years old", 1), ==, "%s an");
  declic_i18n_thaw ();

  speak_english ();
  declic_i18n_freeze ();
  g_assert_cmpstr (declic_i18n_ngettext ("%s year old", "%s years old", 2), ==, "%s years old");
  g_assert_cmpstr (declic_i18n_ngettext ("%s year old", "%s years old", 1), ==, "%s year old");
  declic_i18n_thaw ();
  g_assert_cmpstr (declic_i18n_ngettext ("%s year old", "%s years old", 2), ==, "%s years old");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/i18n/unfrozen-follows-switch", test_unfrozen_follows_switch);
  g_test_add_func ("/i18n/switch-between-freezes", test_switch_between_freezes);
  g_test_add_func ("/i18n/freeze-holds-until-outermost-thaw", test_freeze_holds_until_outermost_thaw);
  g_test_add_func ("/i18n/freeze-is-per-thread", test_freeze_is_per_thread);
  g_test_add_func ("/i18n/same-address-other-text", test_same_address_other_text);
  g_test_add_func ("/i18n/plural-per-count", test_plural_per_count);
  g_test_add_func ("/i18n/kept-while-language-unchanged", test_kept_while_language_unchanged);

  return g_test_run ();
}
