/* declic-entry-window.h: the Arrima entry companion.
 *
 * A read-only walk through a draft's values in the order of Arrima's form, each as it is to be
 * typed, with a copy button and a tick for "entered". The values and the ticks are the core's
 * (declic-draft-values.h, declic-entry-progress.h); this window only shows them.
 */
#pragma once

#include <adwaita.h>

#include "declic-draft.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_ENTRY_WINDOW (declic_entry_window_get_type ())
G_DECLARE_FINAL_TYPE (DeclicEntryWindow, declic_entry_window, DECLIC, ENTRY_WINDOW, AdwWindow)

GtkWidget *declic_entry_window_new (DeclicDraft *draft,
                                    const char  *workspace);

G_END_DECLS
