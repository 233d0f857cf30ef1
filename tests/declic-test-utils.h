/* declic-test-utils.h: what the tests of the core share: private temporary folders, and the
 * build's French messages.
 * (test-window.c still has its own copy.)
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new private temporary folder; remove it with declic_test_remove_tree(). */
char *declic_test_make_workspace (void);
/* Removes @path and everything under it, without following symbolic links; NULL does nothing. */
void  declic_test_remove_tree    (const char *path);

/* Kills, @n_kills times at a random moment, a child process that saves a large draft over and
 * over in a workspace, then loads the workspace with a new DeclicStore. Asserts that the draft
 * always loads as one of its two versions and that no temporary file of a save is left after
 * that load. Returns how many temporary files the kills had left before the loads. */
guint declic_test_kill_while_saving (guint n_kills,
                                     guint seed);

/* Switches the messages to @language ("fr", "en", "") as a program does: LANGUAGE, then
 * setlocale (), since glibc keeps the translations it found until then. */
void     declic_test_switch_language (const char *language);
/* Binds the build's catalogue (DECLIC_LOCALEDIR) and switches to French. FALSE, the test
 * skipped and the C locale back, without the catalogue or under LANG=C (where gettext ignores
 * LANGUAGE; tests/meson.build sets LANG=C.UTF-8). */
gboolean declic_test_speak_french    (void);

G_END_DECLS
