/* declic-test-utils.h: what the tests of the core share: private temporary folders.
 * (test-window.c still has its own copy.)
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new private temporary folder; remove it with declic_test_remove_tree(). */
char *declic_test_make_workspace (void);
/* Removes @path and everything under it, without following symbolic links; NULL does nothing. */
void  declic_test_remove_tree    (const char *path);

G_END_DECLS
