/* declic-i18n.h: the interface's language and translations, read once for a run of checks.
 *
 * A check looks up about a hundred translated messages and asks some forty times which language
 * the interface speaks (for numbers and dates). Each of those reads the environment: gettext
 * and g_get_language_names () look at LANGUAGE, LC_ALL, LC_MESSAGES and LANG on every call, so
 * that a language switched at run time is followed at once. A 36-month plan is some fifty
 * checks in a row, and those reads were a quarter of it.
 *
 * Between declic_i18n_freeze () and declic_i18n_thaw () the calling thread reads them once:
 * the language at its first question, each message's translation at its first lookup, both
 * kept until the thaw (freezes nest). Nothing is read from them outside a freeze, and nothing is
 * shared between threads. The next freeze of the thread starts from them only when everything
 * the language is chosen by is as it was (the environment's LANGUAGE, LC_ALL, LC_MESSAGES and
 * LANG, the locale's LC_MESSAGES and LC_CTYPE, the catalogues' folder), and reads afresh
 * otherwise, so a language switched between two checks, or two plans, is always followed. declic_check_run () freezes for one check, declic_plan_compute
 * () for the whole plan; a switch in the middle of one of those is not followed until it ends.
 *
 * The core's files include this header rather than <glib/gi18n-lib.h>: its _() is GLib's,
 * looked up through the freeze (xgettext still sees _()).
 */
#pragma once

#include <glib.h>
#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

void         declic_i18n_freeze              (void);
void         declic_i18n_thaw                (void);

/* g_dgettext (GETTEXT_PACKAGE, @msgid), read once per freeze. Like g_dgettext, a format
 * attribute: a translated format string is checked against its arguments as the msgid is. */
const char  *declic_i18n_gettext             (const char *msgid) G_GNUC_FORMAT (1);
/* g_dngettext (GETTEXT_PACKAGE, @msgid, @msgid_plural, @n), read once per freeze and @n.
 * xgettext knows it as a plural keyword (po/meson.build and the po checks in tests/). As
 * g_dngettext's, its format attribute is the plural's: a singular may leave the count out. */
const char  *declic_i18n_ngettext            (const char *msgid,
                                              const char *msgid_plural,
                                              gulong      n) G_GNUC_FORMAT (2);
/* declic_text_messages_are_french (), read once per freeze. */
gboolean     declic_i18n_messages_are_french (void);
/* declic_text_translations_are_french () (the data files' own translations), read once per
 * freeze. */
gboolean     declic_i18n_translations_are_french (void);

/* What else a run of checks reads again and again, kept like the translations: for the calling
 * thread, and valid only in this freeze. A plan checks one draft at some fifty dates, and each
 * check reads the same draft fields; a memo lets the same function answer the second time from
 * what it worked out the first. Whatever a memo keeps must be keyed so that a change is a miss,
 * never a stale answer (a draft's paths carry its stamp, declic-draft.c). */
typedef enum
{
  DECLIC_MEMO_DRAFT_PATHS,  /* declic-draft.c: draft stamp and path → json-c node */
  DECLIC_MEMO_RULE_GROUPS,  /* declic-rules.c: rule set stamp and group name → json-c node */
  DECLIC_N_MEMOS
} DeclicMemo;

/* The calling thread's block of @size bytes for @memo (the same @size at every call), zeroed
 * when first made and kept for the thread's life, so that a run of checks allocates nothing
 * for it; @serial is this freeze's number (never 0): an entry the memo's owner stamped with
 * another serial is from an earlier freeze and must be ignored. %NULL outside a freeze. */
gpointer     declic_i18n_get_memo            (DeclicMemo  memo,
                                              gsize       size,
                                              guint      *serial);

G_END_DECLS

#undef _
#define _(String) ((char *) declic_i18n_gettext (String))
