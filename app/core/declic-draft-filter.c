/* declic-draft-filter.c: filter and sort a workspace's summaries, from figures worked out once. */
#define G_LOG_DOMAIN "declic-filter"

#include "config.h"

#include <string.h>

#include "declic-clock.h"
#include "declic-draft-filter.h"
#include "declic-text.h"

struct _DeclicDraftFilter
{
  GObject            parent_instance;
  GListModel        *source;
  gulong             items_changed_id;
  GPtrArray         *items;      /* DeclicDraftSummary (owned), kept and sorted */
  GPtrArray         *sorted;     /* every summary of the source (owned), sorted; NULL: to do */
  GPtrArray         *mirror;     /* the source's summaries in its order (owned), with sorted:
                                  * what an items-changed took away */

  DeclicDraftSort    sort;
  char             **search_words;
  DeclicDraftStatus  status;
  int                stream;
  int                score_min;
  int                score_max;
  int                deadline_days;
  int                expiry_days;
  gboolean           invitation;
};

static void declic_draft_filter_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeclicDraftFilter, declic_draft_filter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, declic_draft_filter_list_model_init))

static GType
declic_draft_filter_get_item_type (GListModel *model)
{
  return DECLIC_TYPE_DRAFT_SUMMARY;
}

static guint
declic_draft_filter_get_n_items (GListModel *model)
{
  return DECLIC_DRAFT_FILTER (model)->items->len;
}

static gpointer
declic_draft_filter_get_item (GListModel *model,
                              guint       position)
{
  DeclicDraftFilter *self = DECLIC_DRAFT_FILTER (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
declic_draft_filter_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = declic_draft_filter_get_item_type;
  iface->get_n_items = declic_draft_filter_get_n_items;
  iface->get_item = declic_draft_filter_get_item;
}

static void
declic_draft_filter_dispose (GObject *object)
{
  DeclicDraftFilter *self = DECLIC_DRAFT_FILTER (object);

  if (self->source != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->source);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (declic_draft_filter_parent_class)->dispose (object);
}

static void
declic_draft_filter_finalize (GObject *object)
{
  DeclicDraftFilter *self = DECLIC_DRAFT_FILTER (object);

  g_ptr_array_unref (self->items);
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  g_clear_pointer (&self->mirror, g_ptr_array_unref);
  g_strfreev (self->search_words);

  G_OBJECT_CLASS (declic_draft_filter_parent_class)->finalize (object);
}

static void
declic_draft_filter_class_init (DeclicDraftFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = declic_draft_filter_dispose;
  object_class->finalize = declic_draft_filter_finalize;
}

static void
reset_criteria (DeclicDraftFilter *self)
{
  g_clear_pointer (&self->search_words, g_strfreev);
  self->status = DECLIC_DRAFT_STATUS_UNKNOWN;
  self->stream = 0;
  self->score_min = -1;
  self->score_max = -1;
  self->deadline_days = -1;
  self->expiry_days = -1;
  self->invitation = FALSE;
}

static void
declic_draft_filter_init (DeclicDraftFilter *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->sort = DECLIC_DRAFT_SORT_UPDATED;
  reset_criteria (self);
}

/* ---- Matching -------------------------------------------------------------------------------- */

static gboolean
is_within (guint32 day,
           guint32 today,
           int     days)
{
  return day != 0 && day >= today && day - today <= (guint32) days;
}

/* Whether @summary meets @criterion when it is set to @value; an unset criterion meets all. */
static gboolean
meets (DeclicDraftFilter    *self,
       DeclicDraftSummary   *summary,
       guint32               today,
       DeclicDraftCriterion  criterion,
       int                   value)
{
  switch (criterion)
    {
    case DECLIC_DRAFT_CRITERION_STATUS:
      return value == DECLIC_DRAFT_STATUS_UNKNOWN ||
             declic_draft_summary_get_status (summary) == (DeclicDraftStatus) value;
    case DECLIC_DRAFT_CRITERION_STREAM:
      return value == 0 || declic_draft_summary_meets_stream (summary, value);
    case DECLIC_DRAFT_CRITERION_SCORE:
      {
        int score = declic_draft_summary_get_score (summary);

        if (self->score_min < 0 && self->score_max < 0)
          return TRUE;
        return score >= 0 &&
               (self->score_min < 0 || score >= self->score_min) &&
               (self->score_max < 0 || score <= self->score_max);
      }
    case DECLIC_DRAFT_CRITERION_DEADLINE:
      return value < 0 || is_within (declic_draft_summary_get_next_deadline_day (summary), today, value);
    case DECLIC_DRAFT_CRITERION_LANGUAGE_EXPIRY:
      return value < 0 || is_within (declic_draft_summary_get_language_expiry_day (summary), today, value);
    case DECLIC_DRAFT_CRITERION_INVITATION:
      return !value || declic_draft_summary_get_invitation_answer_day (summary) >= today;
    case DECLIC_DRAFT_CRITERION_SEARCH:
      {
        const char *text = declic_draft_summary_get_search_text (summary);

        for (guint i = 0; self->search_words != NULL && self->search_words[i] != NULL; i++)
          if (text == NULL || strstr (text, self->search_words[i]) == NULL)
            return FALSE;
        return TRUE;
      }
    case DECLIC_DRAFT_N_CRITERIA:
    default:
      g_assert_not_reached ();
    }
}

static int
get_value (DeclicDraftFilter    *self,
           DeclicDraftCriterion  criterion)
{
  switch (criterion)
    {
    case DECLIC_DRAFT_CRITERION_STATUS:
      return self->status;
    case DECLIC_DRAFT_CRITERION_STREAM:
      return self->stream;
    case DECLIC_DRAFT_CRITERION_DEADLINE:
      return self->deadline_days;
    case DECLIC_DRAFT_CRITERION_LANGUAGE_EXPIRY:
      return self->expiry_days;
    case DECLIC_DRAFT_CRITERION_INVITATION:
      return self->invitation;
    case DECLIC_DRAFT_CRITERION_SCORE:
    case DECLIC_DRAFT_CRITERION_SEARCH:
    case DECLIC_DRAFT_N_CRITERIA:
    default:
      return 0;
    }
}

static int
get_unset_value (DeclicDraftCriterion criterion)
{
  switch (criterion)
    {
    case DECLIC_DRAFT_CRITERION_DEADLINE:
    case DECLIC_DRAFT_CRITERION_LANGUAGE_EXPIRY:
      return -1;
    case DECLIC_DRAFT_CRITERION_STATUS:
    case DECLIC_DRAFT_CRITERION_STREAM:
    case DECLIC_DRAFT_CRITERION_INVITATION:
    case DECLIC_DRAFT_CRITERION_SCORE:
    case DECLIC_DRAFT_CRITERION_SEARCH:
    case DECLIC_DRAFT_N_CRITERIA:
    default:
      return 0;
    }
}

/* Every criterion as set, but @replaced, which is taken at @value, and those of @unset_mask
 * (bits 1 << criterion), taken as unset. */
static gboolean
meets_all (DeclicDraftFilter    *self,
           DeclicDraftSummary   *summary,
           guint32               today,
           DeclicDraftCriterion  replaced,
           int                   value,
           guint                 unset_mask)
{
  for (DeclicDraftCriterion c = 0; c < DECLIC_DRAFT_N_CRITERIA; c++)
    {
      int v = c == replaced ? value : (unset_mask & (1u << c)) ? get_unset_value (c) : get_value (self, c);

      /* An unset score range and an empty search meet every draft. */
      if ((unset_mask & (1u << c)) && c != replaced &&
          (c == DECLIC_DRAFT_CRITERION_SCORE || c == DECLIC_DRAFT_CRITERION_SEARCH))
        continue;
      if (!meets (self, summary, today, c, v))
        return FALSE;
    }
  return TRUE;
}

static guint32
get_today (void)
{
  GDate today;

  declic_clock_get_today (&today);
  return g_date_get_julian (&today);
}

/* ---- Sorting --------------------------------------------------------------------------------- */

static int
compare_missing_last (gboolean a_missing,
                      gboolean b_missing)
{
  return a_missing == b_missing ? 0 : a_missing ? 1 : -1;
}

static int
compare_summaries (gconstpointer pa,
                   gconstpointer pb,
                   gpointer      user_data)
{
  DeclicDraftFilter *self = user_data;
  /* g_ptr_array_sort_with_data passes pointers to the elements. */
  DeclicDraftSummary *a = *(DeclicDraftSummary **) pa;
  DeclicDraftSummary *b = *(DeclicDraftSummary **) pb;
  int result = 0;

  switch (self->sort)
    {
    case DECLIC_DRAFT_SORT_NAME:
      result = g_strcmp0 (declic_draft_summary_get_name_key (a), declic_draft_summary_get_name_key (b));
      break;
    case DECLIC_DRAFT_SORT_UPDATED:
      {
        gint64 ka = declic_draft_summary_get_updated_usec (a);
        gint64 kb = declic_draft_summary_get_updated_usec (b);
        result = ka == kb ? 0 : ka > kb ? -1 : 1;
      }
      break;
    case DECLIC_DRAFT_SORT_NEXT_DEADLINE:
      {
        guint32 da = declic_draft_summary_get_next_deadline_day (a);
        guint32 db = declic_draft_summary_get_next_deadline_day (b);
        result = compare_missing_last (da == 0, db == 0);
        if (result == 0)
          result = da == db ? 0 : da < db ? -1 : 1;
      }
      break;
    case DECLIC_DRAFT_SORT_SCORE:
      {
        int sa = declic_draft_summary_get_score (a);
        int sb = declic_draft_summary_get_score (b);
        result = compare_missing_last (sa < 0, sb < 0);
        if (result == 0)
          result = sa == sb ? 0 : sa > sb ? -1 : 1;
      }
      break;
    default:
      g_assert_not_reached ();
    }

  /* Ties by name, then by path, so that the order never depends on the folder's. */
  if (result == 0 && self->sort != DECLIC_DRAFT_SORT_NAME)
    result = g_strcmp0 (declic_draft_summary_get_name_key (a), declic_draft_summary_get_name_key (b));
  if (result == 0)
    result = g_strcmp0 (declic_draft_summary_get_path (a), declic_draft_summary_get_path (b));
  return result;
}

/* ---- The list -------------------------------------------------------------------------------- */

/* Every summary of the source, in the order of the sort, so that a filter change only walks
 * it: sorting 10,000 summaries again, and g_list_model_get_item () on each for the list and
 * again for the counts, took 14 % of a filter change's instructions. Worked out again when the
 * source or the sort changes, or on declic_draft_filter_refresh (). */
static GPtrArray *
ensure_sorted (DeclicDraftFilter *self)
{
  guint n;

  if (self->sorted != NULL)
    return self->sorted;
  n = self->source != NULL ? g_list_model_get_n_items (self->source) : 0;
  g_clear_pointer (&self->mirror, g_ptr_array_unref);
  self->mirror = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->mirror, g_list_model_get_item (self->source, i));
  self->sorted = g_ptr_array_copy (self->mirror, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_sort_with_data (self->sorted, compare_summaries, self);
  return self->sorted;
}

/* Where @summary goes in the sorted order (the first place not before it). The order is total:
 * ties end by path. */
static guint
find_sorted (DeclicDraftFilter  *self,
             DeclicDraftSummary *summary)
{
  guint low = 0, high = self->sorted->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (compare_summaries (&g_ptr_array_index (self->sorted, middle), &summary, self) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* A few summaries came or went (an autosave replaces one): the sorted order is mended where
 * they are, rather than 10,000 summaries sorted again. FALSE when it must be worked out anew. */
static gboolean
mend_sorted (DeclicDraftFilter *self,
             guint              position,
             guint              removed,
             guint              added)
{
  if (self->sorted == NULL || self->mirror == NULL || position + removed > self->mirror->len
      || removed + added > 64)
    return FALSE;

  for (guint i = 0; i < removed; i++)
    {
      DeclicDraftSummary *gone = g_ptr_array_index (self->mirror, position + i);
      guint at = find_sorted (self, gone);

      /* Summaries that compare equal sit together: the one gone is among them. */
      while (at < self->sorted->len && g_ptr_array_index (self->sorted, at) != gone
             && compare_summaries (&g_ptr_array_index (self->sorted, at), &gone, self) == 0)
        at++;
      if (at >= self->sorted->len || g_ptr_array_index (self->sorted, at) != gone)
        return FALSE;
      g_ptr_array_remove_index (self->sorted, at);
    }
  g_ptr_array_remove_range (self->mirror, position, removed);

  for (guint i = 0; i < added; i++)
    {
      DeclicDraftSummary *summary = g_list_model_get_item (self->source, position + i);

      g_ptr_array_insert (self->mirror, position + i, summary);
      g_ptr_array_insert (self->sorted, find_sorted (self, summary), g_object_ref (summary));
    }
  return self->mirror->len == g_list_model_get_n_items (self->source);
}

/* Works the whole list out again (10,000 summaries take a few milliseconds: every figure was
 * worked out when the file was read), then tells the list's users only what changed between
 * the first and the last difference, so that a view keeps its scroll and selection when one
 * draft changes. */
static void
rebuild (DeclicDraftFilter *self)
{
  GPtrArray *all = ensure_sorted (self);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_full (all->len, g_object_unref);
  g_autoptr(GPtrArray) old = NULL;
  guint32 today = get_today ();
  guint prefix = 0, suffix = 0;

  for (guint i = 0; i < all->len; i++)
    {
      DeclicDraftSummary *summary = g_ptr_array_index (all, i);

      if (meets_all (self, summary, today, DECLIC_DRAFT_N_CRITERIA, 0, 0))
        g_ptr_array_add (fresh, g_object_ref (summary));
    }

  old = self->items;
  self->items = g_steal_pointer (&fresh);

  while (prefix < old->len && prefix < self->items->len &&
         g_ptr_array_index (old, prefix) == g_ptr_array_index (self->items, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < self->items->len - prefix &&
         g_ptr_array_index (old, old->len - 1 - suffix) == g_ptr_array_index (self->items, self->items->len - 1 - suffix))
    suffix++;
  if (prefix == old->len && prefix == self->items->len)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, old->len - prefix - suffix,
                              self->items->len - prefix - suffix);
}

/* The source changed, or the sort: the order is worked out again. */
static void
resort (DeclicDraftFilter *self)
{
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  rebuild (self);
}

static void
on_source_items_changed (GListModel        *source,
                         guint              position,
                         guint              removed,
                         guint              added,
                         DeclicDraftFilter *self)
{
  if (mend_sorted (self, position, removed, added))
    rebuild (self);
  else
    resort (self);
}

/**
 * declic_draft_filter_new:
 * @source: a GListModel of DeclicDraftSummary (a DeclicStore)
 */
DeclicDraftFilter *
declic_draft_filter_new (GListModel *source)
{
  DeclicDraftFilter *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);

  self = g_object_new (DECLIC_TYPE_DRAFT_FILTER, NULL);
  self->source = g_object_ref (source);
  self->items_changed_id = g_signal_connect (source, "items-changed",
                                             G_CALLBACK (on_source_items_changed), self);
  rebuild (self);
  return self;
}

GListModel *
declic_draft_filter_get_source (DeclicDraftFilter *self)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT_FILTER (self), NULL);

  return self->source;
}

void
declic_draft_filter_set_sort (DeclicDraftFilter *self,
                              DeclicDraftSort    sort)
{
  g_return_if_fail (DECLIC_IS_DRAFT_FILTER (self));
  g_return_if_fail (sort <= DECLIC_DRAFT_SORT_SCORE);

  if (self->sort == sort)
    return;
  self->sort = sort;
  resort (self);
}

DeclicDraftSort
declic_draft_filter_get_sort (DeclicDraftFilter *self)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT_FILTER (self), DECLIC_DRAFT_SORT_UPDATED);

  return self->sort;
}

void
declic_draft_filter_set_search_text (DeclicDraftFilter *self,
                                     const char        *text)
{
  g_auto(GStrv) words = NULL;

  g_return_if_fail (DECLIC_IS_DRAFT_FILTER (self));

  if (text != NULL && *text != '\0')
    words = declic_text_fold_words (text);
  if (words != NULL && words[0] == NULL)
    g_clear_pointer (&words, g_strfreev);
  if (words == NULL && self->search_words == NULL)
    return;
  if (words != NULL && self->search_words != NULL &&
      g_strv_equal ((const char * const *) words, (const char * const *) self->search_words))
    return;
  g_strfreev (self->search_words);
  self->search_words = g_steal_pointer (&words);
  rebuild (self);
}

void
declic_draft_filter_set_status (DeclicDraftFilter *self,
                                DeclicDraftStatus  status)
{
  g_return_if_fail (DECLIC_IS_DRAFT_FILTER (self));

  if (self->status == status)
    return;
  self->status = status;
  rebuild (self);
}

void
declic_draft_filter_set_stream (DeclicDraftFilter *self,
                                int                stream)
{
  g_return_if_fail (DECLIC_IS_DRAFT_FILTER (self));
  g_return_if_fail (stream >= 0);

  if (self->stream == stream)
    return;
  self->stream = stream;
  rebuild (self);
}

void
declic_draft_filter_set_score_range (DeclicDraftFilter *self,
                                     int                min,
                                     int                max)
{
  g_return_if_fail (DECLIC_IS_DRAFT_FILTER (self));

  min = MAX (min, -1);
  max = MAX (max, -1);
  if (self->score_min == min && self->score_max == max)
    return;
  self->score_min = min;
  self->score_max = max;
  rebuild (self);
}

void
declic_draft_filter_set_deadline_within (DeclicDraftFilter *self,
                                         int                days)
{
  g_return_if_fail (DECLIC_IS_DRAFT_FILTER (self));

  days = MAX (days, -1);
  if (self->deadline_days == days)
    return;
  self->deadline_days = days;
  rebuild (self);
}

void
declic_draft_filter_set_language_expiry_within (DeclicDraftFilter *self,
                                                int                days)
{
  g_return_if_fail (DECLIC_IS_DRAFT_FILTER (self));

  days = MAX (days, -1);
  if (self->expiry_days == days)
    return;
  self->expiry_days = days;
  rebuild (self);
}

void
declic_draft_filter_set_invitation (DeclicDraftFilter *self,
                                    gboolean           pending_only)
{
  g_return_if_fail (DECLIC_IS_DRAFT_FILTER (self));

  if (self->invitation == !!pending_only)
    return;
  self->invitation = !!pending_only;
  rebuild (self);
}

void
declic_draft_filter_reset (DeclicDraftFilter *self)
{
  g_return_if_fail (DECLIC_IS_DRAFT_FILTER (self));

  if (!declic_draft_filter_is_filtering (self))
    return;
  reset_criteria (self);
  rebuild (self);
}

gboolean
declic_draft_filter_is_filtering (DeclicDraftFilter *self)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT_FILTER (self), FALSE);

  return self->search_words != NULL || self->status != DECLIC_DRAFT_STATUS_UNKNOWN ||
         self->stream != 0 || self->score_min >= 0 || self->score_max >= 0 ||
         self->deadline_days >= 0 || self->expiry_days >= 0 || self->invitation;
}

void
declic_draft_filter_refresh (DeclicDraftFilter *self)
{
  g_return_if_fail (DECLIC_IS_DRAFT_FILTER (self));

  resort (self);
}

guint
declic_draft_filter_get_n_total (DeclicDraftFilter *self)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT_FILTER (self), 0);

  return g_list_model_get_n_items (self->source);
}

guint
declic_draft_filter_count_with (DeclicDraftFilter    *self,
                                DeclicDraftCriterion  criterion,
                                int                   value)
{
  return declic_draft_filter_count_instead (self, criterion, value, 0);
}

guint
declic_draft_filter_count_instead (DeclicDraftFilter    *self,
                                   DeclicDraftCriterion  criterion,
                                   int                   value,
                                   guint                 unset_mask)
{
  DeclicDraftCountQuery query = { criterion, value, unset_mask };
  guint count = 0;

  g_return_val_if_fail (DECLIC_IS_DRAFT_FILTER (self), 0);
  g_return_val_if_fail (criterion <= DECLIC_DRAFT_N_CRITERIA, 0);

  declic_draft_filter_count_many (self, &query, 1, &count);
  return count;
}

/**
 * declic_draft_filter_count_many:
 * @queries: what to count, each as declic_draft_filter_count_instead () counts it
 * @counts: (out caller-allocates): one count per query
 *
 * All the counts of a filter bar in one pass: each criterion is tried once per draft at its
 * current value, then each query only tries its own criterion at its own value. (A pass per
 * count took a filter bar's sixteen counts to tens of milliseconds on 10,000 drafts.)
 */
void
declic_draft_filter_count_many (DeclicDraftFilter           *self,
                                const DeclicDraftCountQuery *queries,
                                guint                        n_queries,
                                guint                       *counts)
{
  const guint all = (1u << DECLIC_DRAFT_N_CRITERIA) - 1;
  GPtrArray *summaries;
  guint32 today;

  g_return_if_fail (DECLIC_IS_DRAFT_FILTER (self));
  g_return_if_fail (n_queries == 0 || (queries != NULL && counts != NULL));

  memset (counts, 0, n_queries * sizeof *counts);
  summaries = ensure_sorted (self);
  today = get_today ();
  for (guint i = 0; i < summaries->len; i++)
    {
      DeclicDraftSummary *summary = g_ptr_array_index (summaries, i);
      guint met = 0;

      for (DeclicDraftCriterion c = 0; c < DECLIC_DRAFT_N_CRITERIA; c++)
        if (meets (self, summary, today, c, get_value (self, c)))
          met |= 1u << c;

      for (guint q = 0; q < n_queries; q++)
        {
          const DeclicDraftCountQuery *query = &queries[q];
          guint needed = all & ~query->unset_mask;

          /* An unset criterion meets every draft (see meets_all ()). */
          if (query->criterion < DECLIC_DRAFT_N_CRITERIA)
            needed &= ~(1u << query->criterion);
          if ((met & needed) != needed)
            continue;
          if (query->criterion == DECLIC_DRAFT_N_CRITERIA ||
              meets (self, summary, today, query->criterion, query->value))
            counts[q]++;
        }
    }
}
