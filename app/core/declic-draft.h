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
  DECLIC_DRAFT_ERROR_NOT_REGULAR,
  DECLIC_DRAFT_ERROR_UNREADABLE,  /* a save that would write a file the loader refuses */
  DECLIC_DRAFT_ERROR_CHANGED,     /* the file changed on disk since it was read or written */
} DeclicDraftError;

typedef enum
{
  DECLIC_DRAFT_LOAD_NONE      = 0,
  /* A file of a workspace: a symbolic link is refused, not followed. */
  DECLIC_DRAFT_LOAD_NO_FOLLOW = 1 << 0,
} DeclicDraftLoadFlags;

/* The documented caps on what a draft file may be (README.md, "File format"). */
#define DECLIC_DRAFT_MAX_FILE_SIZE (4 * 1024 * 1024)
#define DECLIC_DRAFT_MAX_DEPTH     32

/* The file format's version: a newer minor is read (unknown fields kept), a newer major refused. */
#define DECLIC_DRAFT_SCHEMA_MAJOR 1
/* 1.1: "after_filing", the DI's life once filed. */
#define DECLIC_DRAFT_SCHEMA_MINOR 1

#define DECLIC_TYPE_DRAFT (declic_draft_get_type ())
G_DECLARE_FINAL_TYPE (DeclicDraft, declic_draft, DECLIC, DRAFT, GObject)

GQuark       declic_draft_error_quark      (void);

DeclicDraft *declic_draft_new              (void);
DeclicDraft *declic_draft_new_from_data    (const char   *data,
                                            gsize         length,
                                            GError      **error);
DeclicDraft *declic_draft_new_from_file    (const char   *path,
                                            GError      **error);
DeclicDraft *declic_draft_new_from_file_full (const char          *path,
                                              DeclicDraftLoadFlags flags,
                                              GError             **error);
DeclicDraft *declic_draft_duplicate        (DeclicDraft  *self);
DeclicDraft *declic_draft_duplicate_as_copy (DeclicDraft *self);

char        *declic_draft_to_data          (DeclicDraft  *self,
                                            gsize        *length);
gboolean     declic_draft_save_to_file     (DeclicDraft  *self,
                                            const char   *path,
                                            GError      **error);
void         declic_draft_save_to_file_async  (DeclicDraft         *self,
                                               const char          *path,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean     declic_draft_save_to_file_finish (DeclicDraft         *self,
                                               GAsyncResult        *result,
                                               GError             **error);
gboolean     declic_draft_is_saving           (DeclicDraft         *self);
guint        declic_draft_remove_stale_temp_files (const char *folder);
/* Forgets what the draft knows of its file on disk, so that the next save replaces whatever is
 * there now (after the person chose to overwrite another program's changes). */
void         declic_draft_forget_disk_state (DeclicDraft *self);

const char  *declic_draft_get_id           (DeclicDraft  *self);
const char  *declic_draft_get_client_label (DeclicDraft  *self);
char        *declic_draft_dup_display_name (DeclicDraft  *self);
void         declic_draft_touch            (DeclicDraft  *self);

gboolean     declic_draft_has              (DeclicDraft  *self,
                                            const char   *path);
void         declic_draft_begin_changes    (DeclicDraft  *self);
void         declic_draft_end_changes      (DeclicDraft  *self);
gboolean     declic_draft_is_blank         (DeclicDraft  *self,
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
/* Two dates mean two things. *Today* (@today, or the clock's when %NULL) is what days left,
 * "soon" and "passed" count from. The *reference date* is when the DI would be filed, the date
 * ages, the 5-year window and the validity of results are judged at: the planned filing date
 * when it is today or later, else today. */
void         declic_draft_get_reference_date (DeclicDraft *self,
                                            const GDate  *today,
                                            GDate        *date);
/* TRUE when the draft plans its filing before @today (the clock's when %NULL). */
gboolean     declic_draft_planned_filing_has_passed (DeclicDraft *self,
                                            const GDate  *today,
                                            GDate        *planned);

/* Repeated items: "education", "work_history", "personal.citizenships", ... */
guint        declic_draft_get_n_items      (DeclicDraft  *self,
                                            const char   *array_path);
/* "education[2]", or with @key "education[2].level": the path of an item or of its field. */
char        *declic_draft_item_path        (const char   *array_path,
                                            guint         index,
                                            const char   *key);
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
