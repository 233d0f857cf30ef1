/* declic-draft.h: one déclaration d'intérêt draft.
 *
 * A draft is a JSON document (see resources/draft.schema.json and README.md, "File format").
 * It is kept as a json-c tree so that fields written by a newer version of Déclic survive a
 * load/save round trip. Fields are read and written by path: "personal.birth_date",
 * "education[1].end_date", "personal.citizenships[0]". The field table in
 * declic-draft-fields.h says which paths exist and what they hold.
 *
 * Values are language-neutral codes: ISO 3166 country codes, NOC codes, ISO 8601 dates, enum
 * codes such as "married". An empty string is stored as an absent field.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DECLIC_DRAFT_ERROR (declic_draft_error_quark ())

typedef enum
{
  DECLIC_DRAFT_ERROR_IO,
  DECLIC_DRAFT_ERROR_EMPTY,
  DECLIC_DRAFT_ERROR_TOO_LARGE,
  DECLIC_DRAFT_ERROR_ENCODING,
  DECLIC_DRAFT_ERROR_SYNTAX,
  DECLIC_DRAFT_ERROR_TOO_DEEP,
  DECLIC_DRAFT_ERROR_TYPE,
  DECLIC_DRAFT_ERROR_VALUE,
  DECLIC_DRAFT_ERROR_VERSION,
} DeclicDraftError;

/* The documented caps on what a draft file may be (README.md, "File format"). */
#define DECLIC_DRAFT_MAX_FILE_SIZE (4 * 1024 * 1024)
#define DECLIC_DRAFT_MAX_DEPTH     32

/* The file format's version: a newer minor is read (unknown fields kept), a newer major refused. */
#define DECLIC_DRAFT_SCHEMA_MAJOR 1
#define DECLIC_DRAFT_SCHEMA_MINOR 0

#define DECLIC_TYPE_DRAFT (declic_draft_get_type ())
G_DECLARE_FINAL_TYPE (DeclicDraft, declic_draft, DECLIC, DRAFT, GObject)

GQuark       declic_draft_error_quark      (void);

DeclicDraft *declic_draft_new              (void);
DeclicDraft *declic_draft_new_from_data    (const char   *data,
                                            gsize         length,
                                            GError      **error);
DeclicDraft *declic_draft_new_from_file    (const char   *path,
                                            GError      **error);
DeclicDraft *declic_draft_duplicate        (DeclicDraft  *self);

char        *declic_draft_to_data          (DeclicDraft  *self,
                                            gsize        *length);
gboolean     declic_draft_save_to_file     (DeclicDraft  *self,
                                            const char   *path,
                                            GError      **error);

const char  *declic_draft_get_id           (DeclicDraft  *self);
const char  *declic_draft_get_client_label (DeclicDraft  *self);
char        *declic_draft_dup_display_name (DeclicDraft  *self);
void         declic_draft_touch            (DeclicDraft  *self);

gboolean     declic_draft_has              (DeclicDraft  *self,
                                            const char   *path);
const char  *declic_draft_get_string       (DeclicDraft  *self,
                                            const char   *path);
void         declic_draft_set_string       (DeclicDraft  *self,
                                            const char   *path,
                                            const char   *value);
gboolean     declic_draft_get_boolean      (DeclicDraft  *self,
                                            const char   *path,
                                            gboolean      fallback);
void         declic_draft_set_boolean      (DeclicDraft  *self,
                                            const char   *path,
                                            gboolean      value);
gint64       declic_draft_get_integer      (DeclicDraft  *self,
                                            const char   *path,
                                            gint64        fallback);
void         declic_draft_set_integer      (DeclicDraft  *self,
                                            const char   *path,
                                            gint64        value);
double       declic_draft_get_number       (DeclicDraft  *self,
                                            const char   *path,
                                            double        fallback);
void         declic_draft_set_number       (DeclicDraft  *self,
                                            const char   *path,
                                            double        value);
void         declic_draft_unset            (DeclicDraft  *self,
                                            const char   *path);

/* A date field, parsed; FALSE when absent or not a valid YYYY-MM-DD date. */
gboolean     declic_draft_get_date         (DeclicDraft  *self,
                                            const char   *path,
                                            GDate        *date);
/* The date rules are checked at: @override when valid, else the planned filing date, else today. */
void         declic_draft_get_reference_date (DeclicDraft *self,
                                            const GDate  *override,
                                            GDate        *date);

/* Repeated items: "education", "work_history", "personal.citizenships", ... */
guint        declic_draft_get_n_items      (DeclicDraft  *self,
                                            const char   *array_path);
guint        declic_draft_append_item      (DeclicDraft  *self,
                                            const char   *array_path);
char        *declic_draft_remove_item      (DeclicDraft  *self,
                                            const char   *array_path,
                                            guint         index);
gboolean     declic_draft_insert_item      (DeclicDraft  *self,
                                            const char   *array_path,
                                            guint         index,
                                            const char   *item_json);
void         declic_draft_move_item        (DeclicDraft  *self,
                                            const char   *array_path,
                                            guint         from,
                                            guint         to);

/* The json-c tree, read-only, for code that walks the whole draft (rules, schema checks). */
struct json_object *declic_draft_get_root  (DeclicDraft  *self);

G_END_DECLS
