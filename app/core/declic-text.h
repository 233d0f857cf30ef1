/* declic-text.h: text helpers shared by the reference data modules.
 *
 * Searching NOC titles and country names must ignore case and accents, so that "ingenieur"
 * finds "Ingénieurs" and "etats unis" finds "États-Unis". Every searchable string and every
 * query goes through the same fold.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char      *declic_text_fold                    (const char  *text);
char     **declic_text_fold_words              (const char  *text);
gboolean   declic_text_words_match             (const char * const *haystack_words,
                                                const char  *folded_haystack,
                                                const char  *folded_word,
                                                gboolean    *is_prefix);
gboolean   declic_text_messages_are_french     (void);
gboolean   declic_text_translations_are_french (void);

/* Text from a draft made safe for a terminal: controls and bidi overrides shown as "\uXXXX". */
char      *declic_text_escape_for_terminal     (const char  *text);
void       declic_text_print_escaped           (const char  *string);
void       declic_text_printerr_escaped        (const char  *string);

G_END_DECLS
