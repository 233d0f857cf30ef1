/* declic-upload.h: uploading the open draft to the person's server, with a progress dialog,
 * cancel, and the choice offered when the server copy changed (keep both, overwrite, cancel). */
#pragma once

#include <adwaita.h>

#include "declic-store.h"

G_BEGIN_DECLS

void declic_upload_start (GtkWindow       *parent,
                          AdwToastOverlay *toasts,
                          DeclicStore     *store,
                          const char      *draft_path);

G_END_DECLS
