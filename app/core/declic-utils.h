/* declic-utils.h: small helpers shared by the core modules. */
#pragma once

#include <glib.h>
#include <json-c/json.h>

G_BEGIN_DECLS

char     *declic_utils_now_iso8601       (void);
gboolean  declic_utils_parse_date        (const char  *text,
                                          GDate       *date);
char     *declic_utils_format_date       (const GDate *date);
void      declic_utils_offset_to_line_column (const char *data,
                                          gsize        offset,
                                          guint       *line,
                                          guint       *column);
int       declic_utils_age_at            (const GDate *birth,
                                          const GDate *at);
int       declic_utils_whole_months_between (const GDate *start,
                                          const GDate *end);
gboolean  declic_utils_fsync_parent      (const char  *path,
                                          GError     **error);

const char *declic_utils_json_get_string (json_object *object,
                                          const char  *key);
gint64    declic_utils_json_get_int      (json_object *object,
                                          const char  *key,
                                          gint64       fallback);

G_END_DECLS
