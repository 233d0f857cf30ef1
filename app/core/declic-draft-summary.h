/* declic-draft-summary.h: what a workspace list shows of a draft without loading all of it. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DECLIC_TYPE_DRAFT_SUMMARY (declic_draft_summary_get_type ())
G_DECLARE_FINAL_TYPE (DeclicDraftSummary, declic_draft_summary, DECLIC, DRAFT_SUMMARY, GObject)

typedef struct _DeclicDraft DeclicDraft;

DeclicDraftSummary *declic_draft_summary_new_for_draft  (const char   *path,
                                                         DeclicDraft  *draft,
                                                         const char   *today,
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

/* What a representative sees at a glance, worked out by declic-check.h on @today's date. */
const char *declic_draft_summary_get_checked_on   (DeclicDraftSummary *self);
guint       declic_draft_summary_get_n_errors     (DeclicDraftSummary *self);
gboolean    declic_draft_summary_get_fileable     (DeclicDraftSummary *self);
const char *declic_draft_summary_get_streams_met  (DeclicDraftSummary *self);
int         declic_draft_summary_get_score        (DeclicDraftSummary *self);
const char *declic_draft_summary_get_next_deadline_id   (DeclicDraftSummary *self);
const char *declic_draft_summary_get_next_deadline_date (DeclicDraftSummary *self);
gint64      declic_draft_summary_get_size         (DeclicDraftSummary *self);

/* For the store's index cache. */
struct json_object *declic_draft_summary_to_json  (DeclicDraftSummary *self);
DeclicDraftSummary *declic_draft_summary_new_from_json (const char          *path,
                                                        struct json_object  *json);

G_END_DECLS
