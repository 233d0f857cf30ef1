/* declic-i18n.c: the interface's language and translations, read once per freeze (see the
 * header for why). */
#define G_LOG_DOMAIN "declic-i18n"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "declic-i18n.h"
#include "declic-text.h"

/* A message as first looked up in this freeze (for a plural, with that @n). @msgid is a
 * copy: a lookup with the same pointer but other text (a freed string whose address came
 * back) is looked up again. */
typedef struct
{
  char       *msgid;
  gulong      n;
  const char *translation;  /* gettext's: the catalogue's, or the msgid's, never freed */
} Translation;

typedef struct
{
  guint       depth;         /* freezes not yet thawed; 0: nothing is kept */
  int         french;        /* -1 until asked in this freeze, else TRUE or FALSE */
  int         data_french;   /* the same, for declic_text_translations_are_french () */
  GHashTable *translations;  /* msgid pointer → Translation */
  GHashTable *plurals;       /* msgid pointer → GArray of Translation, one per n asked */
  char       *signature;     /* what the tables above were read under (language_signature ()) */
  guint       serial;        /* this freeze's number, for the memos */
  gpointer    memos[DECLIC_N_MEMOS];  /* declic_i18n_get_memo (), made on first use */
} Frozen;

static void
translation_free (gpointer data)
{
  Translation *translation = data;

  g_free (translation->msgid);
  g_free (translation);
}

static void
plural_clear (gpointer data)
{
  Translation *translation = data;

  g_free (translation->msgid);
}

static void
frozen_free (gpointer data)
{
  Frozen *frozen = data;

  g_clear_pointer (&frozen->translations, g_hash_table_unref);
  g_clear_pointer (&frozen->plurals, g_hash_table_unref);
  g_free (frozen->signature);
  for (guint m = 0; m < DECLIC_N_MEMOS; m++)
    g_free (frozen->memos[m]);
  g_free (frozen);
}

/* Per thread: the plan's worker threads freeze their own. */
static GPrivate frozen_key = G_PRIVATE_INIT (frozen_free);

/* The calling thread's freeze, or NULL outside one. */
static Frozen *
get_frozen (void)
{
  Frozen *frozen = g_private_get (&frozen_key);

  return frozen != NULL && frozen->depth > 0 ? frozen : NULL;
}

/* Everything gettext and g_get_language_names () choose the language and the catalogue by:
 * the environment they read, the locale's categories and where the catalogues are bound. */
static char *
language_signature (void)
{
  static const char * const variables[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
  GString *signature = g_string_new (NULL);
  const char *text;

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      text = g_getenv (variables[i]);
      g_string_append (signature, text != NULL ? text : "\001");
      g_string_append_c (signature, '\n');
    }
  text = setlocale (LC_MESSAGES, NULL);
  g_string_append (signature, text != NULL ? text : "\001");
  g_string_append_c (signature, '\n');
  text = setlocale (LC_CTYPE, NULL);
  g_string_append (signature, text != NULL ? text : "\001");
  g_string_append_c (signature, '\n');
  text = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_string_append (signature, text != NULL ? text : "\001");
  return g_string_free (signature, FALSE);
}

void
declic_i18n_freeze (void)
{
  Frozen *frozen = g_private_get (&frozen_key);
  g_autofree char *signature = NULL;

  if (frozen == NULL)
    {
      frozen = g_new0 (Frozen, 1);
      g_private_set (&frozen_key, frozen);
    }
  if (frozen->depth++ > 0)
    return;
  /* 0 is the serial of a memo entry never written. */
  if (++frozen->serial == 0)
    frozen->serial = 1;

  /* A check on its own is one freeze: looking its hundred messages up again cost a quarter of
   * it. What the last freeze read is read again only when the language may have changed since;
   * a switch changes the signature, and is followed from this freeze on. */
  signature = language_signature ();
  if (frozen->translations != NULL && g_strcmp0 (signature, frozen->signature) == 0)
    return;
  g_free (frozen->signature);
  frozen->signature = g_steal_pointer (&signature);
  frozen->french = -1;
  frozen->data_french = -1;
  g_clear_pointer (&frozen->translations, g_hash_table_unref);
  g_clear_pointer (&frozen->plurals, g_hash_table_unref);
  frozen->translations = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, translation_free);
  frozen->plurals = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                           (GDestroyNotify) g_array_unref);
}

void
declic_i18n_thaw (void)
{
  Frozen *frozen = get_frozen ();

  g_return_if_fail (frozen != NULL);

  /* The tables stay for the next freeze to check against its signature: outside a freeze
   * nothing reads them (get_frozen ()). */
  frozen->depth--;
}

gpointer
declic_i18n_get_memo (DeclicMemo  memo,
                      gsize       size,
                      guint      *serial)
{
  Frozen *frozen = get_frozen ();

  g_return_val_if_fail (memo < DECLIC_N_MEMOS, NULL);
  g_return_val_if_fail (serial != NULL, NULL);

  if (frozen == NULL)
    return NULL;
  if (frozen->memos[memo] == NULL)
    frozen->memos[memo] = g_malloc0 (size);
  *serial = frozen->serial;
  return frozen->memos[memo];
}

const char *
declic_i18n_gettext (const char *msgid)
{
  Frozen *frozen = get_frozen ();
  Translation *translation;

  if (frozen == NULL || msgid == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);

  translation = g_hash_table_lookup (frozen->translations, msgid);
  if (translation == NULL || strcmp (translation->msgid, msgid) != 0)
    {
      translation = g_new0 (Translation, 1);
      translation->msgid = g_strdup (msgid);
      translation->translation = g_dgettext (GETTEXT_PACKAGE, msgid);
      g_hash_table_insert (frozen->translations, (gpointer) msgid, translation);
    }
  return translation->translation;
}

const char *
declic_i18n_ngettext (const char *msgid,
                      const char *msgid_plural,
                      gulong      n)
{
  Frozen *frozen = get_frozen ();
  GArray *forms;
  Translation translation;

  if (frozen == NULL || msgid == NULL || msgid_plural == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);

  forms = g_hash_table_lookup (frozen->plurals, msgid);
  if (forms == NULL)
    {
      forms = g_array_new (FALSE, FALSE, sizeof (Translation));
      g_array_set_clear_func (forms, plural_clear);
      g_hash_table_insert (frozen->plurals, (gpointer) msgid, forms);
    }
  for (guint i = 0; i < forms->len; i++)
    {
      const Translation *known = &g_array_index (forms, Translation, i);

      if (known->n == n && strcmp (known->msgid, msgid) == 0)
        return known->translation;
    }
  /* The singular names the message in the catalogue: the plural's text is not compared. */
  translation.msgid = g_strdup (msgid);
  translation.n = n;
  translation.translation = g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  g_array_append_val (forms, translation);
  return translation.translation;
}

gboolean
declic_i18n_messages_are_french (void)
{
  Frozen *frozen = get_frozen ();

  if (frozen == NULL)
    return declic_text_messages_are_french ();
  if (frozen->french < 0)
    frozen->french = declic_text_messages_are_french ();
  return frozen->french;
}

gboolean
declic_i18n_translations_are_french (void)
{
  Frozen *frozen = get_frozen ();

  if (frozen == NULL)
    return declic_text_translations_are_french ();
  if (frozen->data_french < 0)
    frozen->data_french = declic_text_translations_are_french ();
  return frozen->data_french;
}
