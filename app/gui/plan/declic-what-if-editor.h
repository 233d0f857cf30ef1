/* declic-what-if-editor.h: the Plan page's "Try a change" group: a kind of change, with its
 * skill and level or its date where the kind takes them, and an Add button. What it makes is
 * checked by declic_what_if_validate(), as the command line's --what-if is, and handed over by
 * the "add" signal; the editor itself assumes nothing and changes no draft. */
#pragma once

#include <adwaita.h>

#include "declic-what-if.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_WHAT_IF_EDITOR (declic_what_if_editor_get_type ())
G_DECLARE_FINAL_TYPE (DeclicWhatIfEditor, declic_what_if_editor, DECLIC, WHAT_IF_EDITOR, AdwPreferencesGroup)

GtkWidget *declic_what_if_editor_new (void);

G_END_DECLS
