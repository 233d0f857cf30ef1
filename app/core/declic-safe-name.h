/* declic-safe-name.h: whether a draft's id and a client label can name things outside the draft.
 *
 * A draft file is untrusted input (representatives import drafts that clients send them). Its id
 * becomes a file name in the workspace and a URL segment on the server; its client label becomes
 * a folder on the server. Every place that turns one into a name asks these functions, so that
 * "../x", "a/b", ".." or an escape sequence can never leave its folder.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DECLIC_SAFE_NAME_ERROR (declic_safe_name_error_quark ())

typedef enum
{
  DECLIC_SAFE_NAME_ERROR_ID,
  DECLIC_SAFE_NAME_ERROR_LABEL,
} DeclicSafeNameError;

/* Longest id, in bytes: a UUID is 36. */
#define DECLIC_SAFE_NAME_MAX_ID     128
/* Longest client label, in bytes (UTF-8). */
#define DECLIC_SAFE_NAME_MAX_LABEL  200

GQuark    declic_safe_name_error_quark  (void);

/* Whether @id can name a draft file and a URL segment as it is: 1 to 128 ASCII letters, digits,
 * '-', '_' and '.', not starting with '.' (so never ".", ".." nor a hidden file). */
gboolean  declic_safe_name_is_valid_id  (const char  *id);
gboolean  declic_safe_name_check_id     (const char  *id,
                                         GError     **error);

/* Checks a client label (already stripped of surrounding spaces) for use as one folder name on
 * a server: valid UTF-8, at most 200 bytes, no '/' or '\\', not "." or "..", no control
 * character (C0, DEL, C1) and no bidirectional override. */
gboolean  declic_safe_name_check_label  (const char  *label,
                                         GError     **error);
/* The label as one percent-encoded URL segment, or %NULL with @error when it is not safe. */
char     *declic_safe_name_escape_label (const char  *label,
                                         GError     **error);

G_END_DECLS
