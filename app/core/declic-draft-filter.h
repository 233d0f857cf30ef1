/* declic-draft-filter.h: the drafts of a workspace that need attention, in the order asked.
 *
 * A GListModel of DeclicDraftSummary over another one (the store): it keeps the summaries that
 * match every criterion set (name words, status, a stream met, a score range, a deadline, a
 * language result expiring or an invitation to answer within so many days of
 * declic_clock_get_today ()), sorted by name, last change, next deadline or score. It also
 * counts, for each criterion, how many drafts it would keep with the others unchanged, so that a
 * filter bar can show "Has errors (123)" before the user picks it. No GTK: the command line and
 * tests use it as the window does.
 */
#pragma once

#include <gio/gio.h>

#include "declic-draft-summary.h"

G_BEGIN_DECLS

typedef enum
{
  DECLIC_DRAFT_SORT_NAME,           /* A to Z */
  DECLIC_DRAFT_SORT_UPDATED,        /* the last changed first */
  DECLIC_DRAFT_SORT_NEXT_DEADLINE,  /* the soonest first; drafts without one last */
  DECLIC_DRAFT_SORT_SCORE,          /* the highest first; drafts without one last */
} DeclicDraftSort;

/* The criteria, for declic_draft_filter_count_with (). */
typedef enum
{
  DECLIC_DRAFT_CRITERION_STATUS,
  DECLIC_DRAFT_CRITERION_STREAM,
  DECLIC_DRAFT_CRITERION_SCORE,
  DECLIC_DRAFT_CRITERION_DEADLINE,
  DECLIC_DRAFT_CRITERION_LANGUAGE_EXPIRY,
  DECLIC_DRAFT_CRITERION_INVITATION,
  DECLIC_DRAFT_CRITERION_SEARCH,
  DECLIC_DRAFT_N_CRITERIA,
} DeclicDraftCriterion;

#define DECLIC_TYPE_DRAFT_FILTER (declic_draft_filter_get_type ())
G_DECLARE_FINAL_TYPE (DeclicDraftFilter, declic_draft_filter, DECLIC, DRAFT_FILTER, GObject)

DeclicDraftFilter *declic_draft_filter_new       (GListModel        *source);
GListModel        *declic_draft_filter_get_source (DeclicDraftFilter *self);

void     declic_draft_filter_set_sort             (DeclicDraftFilter *self,
                                                   DeclicDraftSort    sort);
DeclicDraftSort declic_draft_filter_get_sort      (DeclicDraftFilter *self);

/* Words typed in a search entry; NULL or "" for every draft. */
void     declic_draft_filter_set_search_text      (DeclicDraftFilter *self,
                                                   const char        *text);
/* DECLIC_DRAFT_STATUS_UNKNOWN for any status. */
void     declic_draft_filter_set_status           (DeclicDraftFilter *self,
                                                   DeclicDraftStatus  status);
/* 1 to 4, or 0 for any. */
void     declic_draft_filter_set_stream           (DeclicDraftFilter *self,
                                                   int                stream);
/* An inclusive range of estimated scores; -1 leaves that end open. With either end set, drafts
 * without an estimate are left out. */
void     declic_draft_filter_set_score_range      (DeclicDraftFilter *self,
                                                   int                min,
                                                   int                max);
/* Within @days days of today, today included; -1 turns the criterion off. */
void     declic_draft_filter_set_deadline_within  (DeclicDraftFilter *self,
                                                   int                days);
void     declic_draft_filter_set_language_expiry_within (DeclicDraftFilter *self,
                                                   int                days);
void     declic_draft_filter_set_invitation       (DeclicDraftFilter *self,
                                                   gboolean           pending_only);
/* Every criterion off, the sort kept. */
void     declic_draft_filter_reset                (DeclicDraftFilter *self);
gboolean declic_draft_filter_is_filtering         (DeclicDraftFilter *self);

/* Works the list out again now: the days count from a new today, say. Changes to the source
 * and to the criteria already do. */
void     declic_draft_filter_refresh              (DeclicDraftFilter *self);

/* How many drafts of the source there are, and how many the filter keeps. */
guint    declic_draft_filter_get_n_total          (DeclicDraftFilter *self);
/* How many drafts the filter would keep if @criterion were set to @value (a DeclicDraftStatus,
 * a stream number, a number of days, TRUE for the invitation; the score range and the search
 * count as they are set) and the other criteria stayed as they are. */
guint    declic_draft_filter_count_with           (DeclicDraftFilter    *self,
                                                   DeclicDraftCriterion  criterion,
                                                   int                   value);
/* The same, with the criteria of @unset_mask (1 << criterion) taken as unset: for choices that
 * exclude each other (a deadline, an expiry or an invitation, say). @criterion may be
 * DECLIC_DRAFT_N_CRITERIA: none replaced. */
guint    declic_draft_filter_count_instead        (DeclicDraftFilter    *self,
                                                   DeclicDraftCriterion  criterion,
                                                   int                   value,
                                                   guint                 unset_mask);

/* One count of declic_draft_filter_count_many (). */
typedef struct
{
  DeclicDraftCriterion criterion;   /* DECLIC_DRAFT_N_CRITERIA: none replaced */
  int                  value;
  guint                unset_mask;
} DeclicDraftCountQuery;

void     declic_draft_filter_count_many           (DeclicDraftFilter           *self,
                                                   const DeclicDraftCountQuery *queries,
                                                   guint                        n_queries,
                                                   guint                       *counts);

G_END_DECLS
