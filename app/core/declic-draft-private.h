/* declic-draft-private.h: what the file format code needs of the model. */
#pragma once

#include <json-c/json.h>

#include "declic-draft.h"
#include "declic-draft-fields.h"

G_BEGIN_DECLS

DeclicDraft *declic_draft_new_for_root (json_object *root);

/* What was last read from or written to the draft's file (issue 11, defect 6): its path, size,
 * modification time (µs) and SHA-256, to tell before a save whether another program changed it. */
void         declic_draft_set_disk_state (DeclicDraft *self,
                                          const char  *path,
                                          gint64       size,
                                          gint64       mtime_usec,
                                          const char  *sha256);
const char  *declic_draft_get_disk_path  (DeclicDraft *self,
                                          gint64      *size,
                                          gint64      *mtime_usec,
                                          const char **sha256);
/* What a successful declic_draft_save_to_file_async() left on disk: the draft read back from
 * the text written (owned by @result) and the file's size and time; %NULL when nothing was. */
DeclicDraft *declic_draft_save_result_get_saved (GAsyncResult *result,
                                                 gint64       *size,
                                                 gint64       *mtime_usec);

G_END_DECLS
