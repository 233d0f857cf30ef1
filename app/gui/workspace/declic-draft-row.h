/* declic-draft-row.h: one draft in the workspace list: title, last change, completeness. */
#pragma once

#include <gtk/gtk.h>

#include "declic-draft-summary.h"

G_BEGIN_DECLS

typedef enum
{
  DECLIC_DRAFT_ROW_STATE_UNKNOWN,   /* not checked (yet) */
  DECLIC_DRAFT_ROW_STATE_COMPLETE,
  DECLIC_DRAFT_ROW_STATE_ERRORS,
  DECLIC_DRAFT_ROW_STATE_BROKEN,    /* the file failed to load */
} DeclicDraftRowState;

#define DECLIC_TYPE_DRAFT_ROW (declic_draft_row_get_type ())
G_DECLARE_FINAL_TYPE (DeclicDraftRow, declic_draft_row, DECLIC, DRAFT_ROW, GtkWidget)

GtkWidget          *declic_draft_row_new          (void);
void                declic_draft_row_set_summary  (DeclicDraftRow      *self,
                                                   DeclicDraftSummary  *summary);
DeclicDraftSummary *declic_draft_row_get_summary  (DeclicDraftRow      *self);
void                declic_draft_row_set_state    (DeclicDraftRow      *self,
                                                   DeclicDraftRowState  state,
                                                   guint                n_errors,
                                                   guint                n_to_fill);

/* "Just now", "5 minutes ago", "Today at 14:05", "Yesterday at 09:12", "3 days ago", "2025-06-30",
 * relative to @now (local time); %NULL when @iso8601 is not a date and time. */
char               *declic_draft_row_format_updated (const char        *iso8601,
                                                   GDateTime           *now);
/* "Streams 1, 4 · 448 pts (est.) · Test results expire in 21 days", or %NULL when unchecked. */
char               *declic_draft_row_format_glance  (DeclicDraftSummary *summary,
                                                   GDateTime           *now);

G_END_DECLS
