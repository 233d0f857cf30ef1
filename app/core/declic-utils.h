/* declic-utils.h: small helpers shared by the core modules. */
#pragma once

#include <glib.h>
#include <json-c/json.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

/* The years a date of a draft may have. */
#define DECLIC_UTILS_MIN_YEAR 1900
#define DECLIC_UTILS_MAX_YEAR 2200

gboolean  declic_utils_date_year_out_of_range (const char *text);
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

/* What went wrong at @end (json_tokener_get_parse_end ()) of @data, in the messages' language:
 * json-c's own descriptions are English only. */
char     *declic_utils_json_syntax_cause (enum json_tokener_error  jerr,
                                          const char              *data,
                                          gsize                    length,
                                          gsize                    end);

G_END_DECLS
