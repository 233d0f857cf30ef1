/* declic-draft-summary.h: what a workspace list shows of a draft without loading all of it. */
#pragma once

#include <glib-object.h>

#include "declic-check.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_DRAFT_SUMMARY (declic_draft_summary_get_type ())
G_DECLARE_FINAL_TYPE (DeclicDraftSummary, declic_draft_summary, DECLIC, DRAFT_SUMMARY, GObject)


/* Where a draft stands, as a list filters it. */
typedef enum
{
  DECLIC_DRAFT_STATUS_UNKNOWN,   /* not checked (an index entry from an older version) */
  DECLIC_DRAFT_STATUS_FILEABLE,  /* can be filed */
  DECLIC_DRAFT_STATUS_ERRORS,    /* has errors that block filing */
  DECLIC_DRAFT_STATUS_BROKEN,    /* the file cannot be read */
} DeclicDraftStatus;

const char *declic_draft_status_get_id (DeclicDraftStatus status);  /* "fileable", "errors", ... */

DeclicDraftSummary *declic_draft_summary_new_for_draft  (const char   *path,
                                                         DeclicDraft  *draft,
                                                         const char   *today,
                                                         gint64        mtime,
                                                         gint64        size);
DeclicDraftSummary *declic_draft_summary_new_for_linked_draft (const char *path,
                                                         DeclicDraft  *draft,
                                                         DeclicDraft  *spouse,
                                                         const char   *spouse_id,
                                                         const char   *today,
                                                         gint64        mtime,
                                                         gint64        size);
DeclicDraftSummary *declic_draft_summary_new_for_check  (const char   *path,
                                                         DeclicDraft  *draft,
                                                         DeclicCheck  *check,
                                                         gint64        mtime,
                                                         gint64        size);
DeclicDraftSummary *declic_draft_summary_new_for_error  (const char   *path,
                                                         const char   *error_message,
                                                         gint64        mtime,
                                                         gint64        size);

const char *declic_draft_summary_get_path         (DeclicDraftSummary *self);
const char *declic_draft_summary_get_id           (DeclicDraftSummary *self);
const char *declic_draft_summary_get_client_label (DeclicDraftSummary *self);
const char *declic_draft_summary_get_given_names  (DeclicDraftSummary *self);
const char *declic_draft_summary_get_family_names (DeclicDraftSummary *self);
const char *declic_draft_summary_get_updated      (DeclicDraftSummary *self);
const char *declic_draft_summary_get_error        (DeclicDraftSummary *self);
const char *declic_draft_summary_get_search_text  (DeclicDraftSummary *self);
char       *declic_draft_summary_dup_title        (DeclicDraftSummary *self);
gint64      declic_draft_summary_get_mtime        (DeclicDraftSummary *self);

/* What a representative sees at a glance, worked out by declic-check.h on @today's date
 * ("checked on"), for a DI filed at the reference date (declic_draft_get_reference_date ()). */
const char *declic_draft_summary_get_checked_on   (DeclicDraftSummary *self);
const char *declic_draft_summary_get_reference_date (DeclicDraftSummary *self);
guint       declic_draft_summary_get_n_errors     (DeclicDraftSummary *self);
guint       declic_draft_summary_get_n_to_fill    (DeclicDraftSummary *self);
gboolean    declic_draft_summary_get_fileable     (DeclicDraftSummary *self);
const char *declic_draft_summary_get_streams_met  (DeclicDraftSummary *self);
int         declic_draft_summary_get_score        (DeclicDraftSummary *self);
const char *declic_draft_summary_get_next_deadline_id   (DeclicDraftSummary *self);
const char *declic_draft_summary_get_next_deadline_date (DeclicDraftSummary *self);
gint64      declic_draft_summary_get_size         (DeclicDraftSummary *self);
const char *declic_draft_summary_get_grid_id      (DeclicDraftSummary *self);
/* The soonest language result still valid expires on this date; NULL when none. */
const char *declic_draft_summary_get_language_expiry_date (DeclicDraftSummary *self);
const char *declic_draft_summary_get_di_expiry_date (DeclicDraftSummary *self);
/* An invitation is waiting for an answer until this date; NULL when none. */
const char *declic_draft_summary_get_invitation_answer_date (DeclicDraftSummary *self);
/* Linked as spouses (declic-spouse-links.h): the other draft's id, and its name (NULL when it
 * is not in the workspace). NULL when not linked. */
const char *declic_draft_summary_get_spouse_id    (DeclicDraftSummary *self);
const char *declic_draft_summary_get_spouse_name  (DeclicDraftSummary *self);
DeclicDraftStatus declic_draft_summary_get_status (DeclicDraftSummary *self);
gboolean    declic_draft_summary_meets_stream     (DeclicDraftSummary *self,
                                                   int                 number);

/* The same figures as numbers, for filtering and sorting: Julian days (0 for none), the last
 * change in microseconds since 1970 (the file's time when the draft has none), the folded title. */
guint32     declic_draft_summary_get_next_deadline_day     (DeclicDraftSummary *self);
guint32     declic_draft_summary_get_language_expiry_day   (DeclicDraftSummary *self);
guint32     declic_draft_summary_get_invitation_answer_day (DeclicDraftSummary *self);
gint64      declic_draft_summary_get_updated_usec          (DeclicDraftSummary *self);
const char *declic_draft_summary_get_name_key              (DeclicDraftSummary *self);

/* For the store's index cache. */
struct json_object *declic_draft_summary_to_json  (DeclicDraftSummary *self);
DeclicDraftSummary *declic_draft_summary_new_from_json (const char          *path,
                                                        struct json_object  *json);

G_END_DECLS
