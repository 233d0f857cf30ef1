/* test-draft-filter.c: filtering and sorting a workspace of 10,000 summaries, counts, CSV. */
#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "declic-clock.h"
#include "declic-draft-filter.h"
#include "declic-summary-csv.h"
#include "declic-utils.h"

#define N_DRAFTS 10000

/* The figures of synthetic draft @i, from which both its index entry and the expected answers
 * are worked out; the filter only ever sees the index entry. */
typedef struct
{
  DeclicDraftStatus status;
  guint             n_errors;
  gboolean          streams[5];     /* 1 to 4 */
  int               score;          /* -1: none */
  int               deadline_in;    /* days from today; G_MININT: none */
  int               expiry_in;
  int               invitation_in;
} Figures;

static void
get_figures (guint    i,
             Figures *f)
{
  memset (f, 0, sizeof *f);
  f->status = i % 10 == 9 ? DECLIC_DRAFT_STATUS_BROKEN
              : i % 10 <= 3 ? DECLIC_DRAFT_STATUS_ERRORS
              : DECLIC_DRAFT_STATUS_FILEABLE;
  f->n_errors = f->status == DECLIC_DRAFT_STATUS_ERRORS ? 1 + i % 3 : 0;
  f->streams[1] = i % 4 == 0;
  f->streams[4] = i % 4 == 0;
  f->streams[2] = i % 4 == 1;
  f->score = i % 7 == 0 ? -1 : 300 + (int) (i % 400);
  f->deadline_in = i % 11 == 0 ? G_MININT : (int) (i % 200);
  f->expiry_in = i % 5 == 0 ? (int) (i % 100) : i % 5 == 1 ? -3 : G_MININT;
  f->invitation_in = i % 50 == 0 ? 30 : i % 50 == 1 ? -1 : G_MININT;
  if (f->status == DECLIC_DRAFT_STATUS_BROKEN)
    {
      f->score = -1;
      f->deadline_in = f->expiry_in = f->invitation_in = G_MININT;
    }
}

static void
add_date (json_object *entry,
          const char  *key,
          const GDate *today,
          int          days)
{
  GDate date = *today;
  g_autofree char *text = NULL;

  if (days == G_MININT)
    return;
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  text = declic_utils_format_date (&date);
  json_object_object_add (entry, key, json_object_new_string (text));
}

static DeclicDraftSummary *
make_summary (guint        i,
              const GDate *today)
{
  Figures f;
  json_object *entry = json_object_new_object ();
  g_autofree char *label = g_strdup_printf ("Client %05u", (i * 7919) % N_DRAFTS);
  g_autofree char *path = g_strdup_printf ("/w/%05u.json", i);
  g_autofree char *updated = g_strdup_printf ("2026-%02u-%02uT10:00:00Z", 1 + i % 12, 1 + i % 28);
  g_autofree char *today_text = declic_utils_format_date (today);
  g_autoptr(GString) streams = g_string_new (NULL);
  DeclicDraftSummary *summary;

  get_figures (i, &f);
  json_object_object_add (entry, "mtime", json_object_new_int64 (i));
  json_object_object_add (entry, "size", json_object_new_int64 (100));
  json_object_object_add (entry, "client_label", json_object_new_string (label));
  json_object_object_add (entry, "updated", json_object_new_string (updated));
  if (f.status == DECLIC_DRAFT_STATUS_BROKEN)
    json_object_object_add (entry, "error", json_object_new_string ("not JSON"));
  else
    {
      json_object_object_add (entry, "checked_on", json_object_new_string (today_text));
      json_object_object_add (entry, "n_errors", json_object_new_int ((int) f.n_errors));
      json_object_object_add (entry, "fileable", json_object_new_boolean (f.status == DECLIC_DRAFT_STATUS_FILEABLE));
      for (int s = 1; s <= 4; s++)
        if (f.streams[s])
          g_string_append_printf (streams, "%s%d", streams->len > 0 ? "," : "", s);
      json_object_object_add (entry, "streams_met", json_object_new_string (streams->str));
    }
  json_object_object_add (entry, "score", json_object_new_int (f.score));
  if (f.score >= 0)
    json_object_object_add (entry, "grid_id", json_object_new_string ("pstq-grid"));
  if (f.deadline_in != G_MININT)
    json_object_object_add (entry, "next_deadline_id", json_object_new_string ("language_result"));
  add_date (entry, "next_deadline_date", today, f.deadline_in);
  add_date (entry, "language_expiry_date", today, f.expiry_in);
  add_date (entry, "invitation_answer_date", today, f.invitation_in);

  summary = declic_draft_summary_new_from_json (path, entry);
  json_object_put (entry);
  return summary;
}

typedef struct
{
  GDate       today;
  GListStore *source;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  /* An explicit day, so that the expected counts do not depend on the clock. */
  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 22, G_DATE_NOVEMBER, 2026);
  declic_clock_set_today (&fixture->today);

  fixture->source = g_list_store_new (DECLIC_TYPE_DRAFT_SUMMARY);
  for (guint i = 0; i < N_DRAFTS; i++)
    g_ptr_array_add (items, make_summary (i, &fixture->today));
  g_list_store_splice (fixture->source, 0, 0, items->pdata, items->len);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->source);
  declic_clock_set_today (NULL);
}

typedef gboolean (*Wanted) (const Figures *f, gpointer data);

static guint
count_expected (Wanted   wanted,
                gpointer data)
{
  guint n = 0;

  for (guint i = 0; i < N_DRAFTS; i++)
    {
      Figures f;

      get_figures (i, &f);
      if (wanted (&f, data))
        n++;
    }
  return n;
}

static gboolean
within (int in,
        int days)
{
  return in != G_MININT && in >= 0 && in <= days;
}

static gboolean
want_invitation (const Figures *f, gpointer data)
{
  return f->invitation_in != G_MININT && f->invitation_in >= 0;
}

static gboolean
want_expiry_60_fileable (const Figures *f, gpointer data)
{
  return within (f->expiry_in, 60) && f->status == DECLIC_DRAFT_STATUS_FILEABLE;
}

static gboolean
want_expiry_60 (const Figures *f, gpointer data)
{
  return within (f->expiry_in, 60);
}

static gboolean
want_status (const Figures *f, gpointer data)
{
  return f->status == (DeclicDraftStatus) GPOINTER_TO_INT (data);
}

static gboolean
want_expiry_60_status (const Figures *f, gpointer data)
{
  return want_expiry_60 (f, NULL) && want_status (f, data);
}

static gboolean
want_stream4_score_deadline (const Figures *f, gpointer data)
{
  return f->streams[4] && f->score >= 500 && f->score <= 600 && within (f->deadline_in, 14);
}


static gboolean
want_invitation_fileable (const Figures *f, gpointer data)
{
  return want_invitation (f, NULL) && f->status == DECLIC_DRAFT_STATUS_FILEABLE;
}

static void
test_no_filter (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DeclicDraftFilter) filter = declic_draft_filter_new (G_LIST_MODEL (fixture->source));
  GListModel *model = G_LIST_MODEL (filter);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_DRAFTS);
  g_assert_cmpuint (declic_draft_filter_get_n_total (filter), ==, N_DRAFTS);
  g_assert_false (declic_draft_filter_is_filtering (filter));

  /* The last changed first. */
  for (guint i = 1; i < N_DRAFTS; i++)
    {
      g_autoptr(DeclicDraftSummary) a = g_list_model_get_item (model, i - 1);
      g_autoptr(DeclicDraftSummary) b = g_list_model_get_item (model, i);
      g_assert_cmpint (declic_draft_summary_get_updated_usec (a), >=, declic_draft_summary_get_updated_usec (b));
    }
}

static void
test_sorts (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DeclicDraftFilter) filter = declic_draft_filter_new (G_LIST_MODEL (fixture->source));
  GListModel *model = G_LIST_MODEL (filter);
  guint n_without;

  declic_draft_filter_set_sort (filter, DECLIC_DRAFT_SORT_NAME);
  for (guint i = 0; i < N_DRAFTS; i++)
    {
      g_autoptr(DeclicDraftSummary) s = g_list_model_get_item (model, i);
      g_autofree char *label = g_strdup_printf ("Client %05u", i);
      /* The labels are a permutation of 0..9999. */
      g_assert_cmpstr (declic_draft_summary_get_client_label (s), ==, label);
    }

  declic_draft_filter_set_sort (filter, DECLIC_DRAFT_SORT_SCORE);
  n_without = 0;
  for (guint i = 1; i < N_DRAFTS; i++)
    {
      g_autoptr(DeclicDraftSummary) a = g_list_model_get_item (model, i - 1);
      g_autoptr(DeclicDraftSummary) b = g_list_model_get_item (model, i);
      int sa = declic_draft_summary_get_score (a), sb = declic_draft_summary_get_score (b);

      if (sb < 0)
        n_without++;
      /* Highest first, the drafts without a score at the end. */
      g_assert_true (sb < 0 || (sa >= 0 && sa >= sb));
    }
  g_assert_cmpuint (n_without, >, 0);
  {
    g_autoptr(DeclicDraftSummary) first = g_list_model_get_item (model, 0);
    int best = -1;

    for (guint i = 0; i < N_DRAFTS; i++)
      {
        Figures f;
        get_figures (i, &f);
        best = MAX (best, f.score);
      }
    g_assert_cmpint (declic_draft_summary_get_score (first), ==, best);
  }

  declic_draft_filter_set_sort (filter, DECLIC_DRAFT_SORT_NEXT_DEADLINE);
  for (guint i = 1; i < N_DRAFTS; i++)
    {
      g_autoptr(DeclicDraftSummary) a = g_list_model_get_item (model, i - 1);
      g_autoptr(DeclicDraftSummary) b = g_list_model_get_item (model, i);
      guint32 da = declic_draft_summary_get_next_deadline_day (a), db = declic_draft_summary_get_next_deadline_day (b);

      g_assert_true (db == 0 || (da != 0 && da <= db));
    }
  {
    g_autoptr(DeclicDraftSummary) first = g_list_model_get_item (model, 0);
    g_assert_cmpstr (declic_draft_summary_get_next_deadline_date (first), ==, "2026-11-22");
  }
}

static void
test_combined (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DeclicDraftFilter) filter = declic_draft_filter_new (G_LIST_MODEL (fixture->source));
  GListModel *model = G_LIST_MODEL (filter);
  guint expected;

  declic_draft_filter_set_language_expiry_within (filter, 60);
  expected = count_expected (want_expiry_60, NULL);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected);
  g_assert_true (declic_draft_filter_is_filtering (filter));

  /* The counts a filter bar shows next to each status, with the expiry filter kept. */
  for (DeclicDraftStatus s = DECLIC_DRAFT_STATUS_FILEABLE; s <= DECLIC_DRAFT_STATUS_BROKEN; s++)
    g_assert_cmpuint (declic_draft_filter_count_with (filter, DECLIC_DRAFT_CRITERION_STATUS, s), ==,
                      count_expected (want_expiry_60_status, GINT_TO_POINTER (s)));
  /* Asking does not change the list. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected);

  declic_draft_filter_set_status (filter, DECLIC_DRAFT_STATUS_FILEABLE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count_expected (want_expiry_60_fileable, NULL));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DeclicDraftSummary) s = g_list_model_get_item (model, i);
      g_assert_cmpint (declic_draft_summary_get_status (s), ==, DECLIC_DRAFT_STATUS_FILEABLE);
    }
  /* With the status replaced, the expiry still holds. */
  g_assert_cmpuint (declic_draft_filter_count_with (filter, DECLIC_DRAFT_CRITERION_STATUS, DECLIC_DRAFT_STATUS_UNKNOWN), ==,
                    expected);
  g_assert_cmpuint (declic_draft_filter_count_with (filter, DECLIC_DRAFT_CRITERION_LANGUAGE_EXPIRY, -1), ==,
                    count_expected (want_status, GINT_TO_POINTER (DECLIC_DRAFT_STATUS_FILEABLE)));

  /* The status kept, the expiry swapped for an invitation. */
  g_assert_cmpuint (declic_draft_filter_count_instead (filter, DECLIC_DRAFT_CRITERION_INVITATION, TRUE,
                                                       1u << DECLIC_DRAFT_CRITERION_LANGUAGE_EXPIRY), ==,
                    count_expected (want_invitation_fileable, NULL));

  /* The same four counts asked together, in one pass, as the filter bar asks them. */
  {
    const DeclicDraftCountQuery queries[] = {
      { DECLIC_DRAFT_CRITERION_STATUS, DECLIC_DRAFT_STATUS_UNKNOWN, 0 },
      { DECLIC_DRAFT_CRITERION_LANGUAGE_EXPIRY, -1, 0 },
      { DECLIC_DRAFT_CRITERION_INVITATION, TRUE, 1u << DECLIC_DRAFT_CRITERION_LANGUAGE_EXPIRY },
      { DECLIC_DRAFT_N_CRITERIA, 0, 0 },
    };
    guint counts[G_N_ELEMENTS (queries)];

    declic_draft_filter_count_many (filter, queries, G_N_ELEMENTS (queries), counts);
    g_assert_cmpuint (counts[0], ==, expected);
    g_assert_cmpuint (counts[1], ==, count_expected (want_status, GINT_TO_POINTER (DECLIC_DRAFT_STATUS_FILEABLE)));
    g_assert_cmpuint (counts[2], ==, count_expected (want_invitation_fileable, NULL));
    g_assert_cmpuint (counts[3], ==, count_expected (want_expiry_60_fileable, NULL));
  }

  declic_draft_filter_reset (filter);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_DRAFTS);

  declic_draft_filter_set_stream (filter, 4);
  declic_draft_filter_set_score_range (filter, 500, 600);
  declic_draft_filter_set_deadline_within (filter, 14);
  expected = count_expected (want_stream4_score_deadline, NULL);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected);

  declic_draft_filter_reset (filter);
  declic_draft_filter_set_invitation (filter, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count_expected (want_invitation, NULL));

  /* Names: every word, folded. */
  declic_draft_filter_reset (filter);
  declic_draft_filter_set_search_text (filter, "CLIENT 0042");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 11);  /* 00042, 00420 to 00429 */
  declic_draft_filter_set_search_text (filter, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_DRAFTS);
}

static void
test_days_follow_clock (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DeclicDraftFilter) filter = declic_draft_filter_new (G_LIST_MODEL (fixture->source));
  GDate later = fixture->today;
  guint before;

  declic_draft_filter_set_deadline_within (filter, 0);
  before = g_list_model_get_n_items (G_LIST_MODEL (filter));
  g_assert_cmpuint (before, >, 0);

  /* A day later, what was due "today" has passed, and what was due tomorrow is due. */
  g_date_add_days (&later, 1);
  declic_clock_set_today (&later);
  declic_draft_filter_refresh (filter);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filter)); i++)
    {
      g_autoptr(DeclicDraftSummary) s = g_list_model_get_item (G_LIST_MODEL (filter), i);
      g_assert_cmpuint (declic_draft_summary_get_next_deadline_day (s), ==, g_date_get_julian (&later));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), >, 0);
}

typedef struct
{
  guint position, removed, added, n_signals;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->n_signals++;
}

/* One draft changing in the store changes one row of the list, not all of them: a view keeps
 * its scroll and its selection. */
static void
test_one_change (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DeclicDraftFilter) filter = declic_draft_filter_new (G_LIST_MODEL (fixture->source));
  g_autoptr(DeclicDraftSummary) fresh = make_summary (4444, &fixture->today);
  Change change = { 0 };

  declic_draft_filter_set_sort (filter, DECLIC_DRAFT_SORT_NAME);
  g_signal_connect (filter, "items-changed", G_CALLBACK (on_items_changed), &change);
  g_list_store_splice (fixture->source, 4444, 1, (gpointer *) &fresh, 1);
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 1);
  {
    g_autoptr(DeclicDraftSummary) s = g_list_model_get_item (G_LIST_MODEL (filter), change.position);
    g_assert_true (s == fresh);
  }

  /* Setting a criterion to what it is already does nothing. */
  declic_draft_filter_set_sort (filter, DECLIC_DRAFT_SORT_NAME);
  declic_draft_filter_set_status (filter, DECLIC_DRAFT_STATUS_UNKNOWN);
  g_assert_cmpuint (change.n_signals, ==, 1);

  g_list_store_remove (fixture->source, 0);
  g_assert_cmpuint (change.n_signals, ==, 2);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, N_DRAFTS - 1);
}

/* The filter keeps its source in sorted order between changes of criteria: a draft that
 * changes in the store must take its new place, and count, at once. */
static void
test_order_follows_source (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(DeclicDraftFilter) filter = declic_draft_filter_new (G_LIST_MODEL (fixture->source));
  GListModel *model = G_LIST_MODEL (filter);
  /* Draft 0 has errors and no score; draft 395 can be filed, with 695 points. */
  g_autoptr(DeclicDraftSummary) fresh = make_summary (395, &fixture->today);
  guint fileable, position = G_MAXUINT;

  declic_draft_filter_set_sort (filter, DECLIC_DRAFT_SORT_SCORE);
  /* A filter change in between, so that the order is the one kept, not one sorted anew. */
  declic_draft_filter_set_stream (filter, 2);
  declic_draft_filter_set_stream (filter, 0);
  fileable = declic_draft_filter_count_with (filter, DECLIC_DRAFT_CRITERION_STATUS, DECLIC_DRAFT_STATUS_FILEABLE);

  g_list_store_splice (fixture->source, 0, 1, (gpointer *) &fresh, 1);
  declic_draft_filter_set_stream (filter, 2);
  declic_draft_filter_set_stream (filter, 0);

  g_assert_cmpuint (declic_draft_filter_count_with (filter, DECLIC_DRAFT_CRITERION_STATUS, DECLIC_DRAFT_STATUS_FILEABLE),
                    ==, fileable + 1);
  for (guint i = 0; i < N_DRAFTS; i++)
    {
      g_autoptr(DeclicDraftSummary) s = g_list_model_get_item (model, i);
      int score = declic_draft_summary_get_score (s);

      if (s == fresh)
        position = i;
      else if (position == G_MAXUINT)
        g_assert_cmpint (score, >=, 695);
      else
        g_assert_true (score <= 695);
    }
  g_assert_cmpuint (position, <, N_DRAFTS);
}

/* The same order as a filter that sorts everything anew. */
static void
assert_same_order (DeclicDraftFilter *filter,
                   GListModel        *source)
{
  g_autoptr(DeclicDraftFilter) fresh = declic_draft_filter_new (source);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (filter));

  declic_draft_filter_set_sort (fresh, declic_draft_filter_get_sort (filter));
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (fresh)));
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (source));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeclicDraftSummary) a = g_list_model_get_item (G_LIST_MODEL (filter), i);
      g_autoptr(DeclicDraftSummary) b = g_list_model_get_item (G_LIST_MODEL (fresh), i);

      if (a != b)
        g_error ("position %u: %s, sorted anew %s", i, declic_draft_summary_get_path (a),
                 declic_draft_summary_get_path (b));
    }
}

/* An autosave replaces one summary, a new draft adds one, the trash takes some: the order kept
 * is mended where they are, and stays the one a full sort gives, for every sort. */
static void
test_mended_order (Fixture       *fixture,
                   gconstpointer  data)
{
  static const DeclicDraftSort sorts[] = {
    DECLIC_DRAFT_SORT_NAME, DECLIC_DRAFT_SORT_UPDATED, DECLIC_DRAFT_SORT_NEXT_DEADLINE, DECLIC_DRAFT_SORT_SCORE,
  };
  g_autoptr(DeclicDraftFilter) filter = declic_draft_filter_new (G_LIST_MODEL (fixture->source));
  guint next = N_DRAFTS;

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    {
      g_autoptr(DeclicDraftSummary) replacement = make_summary (next++, &fixture->today);
      g_autoptr(DeclicDraftSummary) added = make_summary (next++, &fixture->today);
      g_autoptr(DeclicDraftSummary) copy = make_summary (17, &fixture->today);  /* the same path as 17's */
      gpointer two[2];

      declic_draft_filter_set_sort (filter, sorts[s]);
      g_list_store_splice (fixture->source, 3, 1, (gpointer *) &replacement, 1);
      assert_same_order (filter, G_LIST_MODEL (fixture->source));
      g_list_store_insert (fixture->source, 100, added);
      assert_same_order (filter, G_LIST_MODEL (fixture->source));
      g_list_store_remove (fixture->source, 42);
      assert_same_order (filter, G_LIST_MODEL (fixture->source));
      g_list_store_splice (fixture->source, 17, 1, (gpointer *) &copy, 1);
      assert_same_order (filter, G_LIST_MODEL (fixture->source));
      two[0] = make_summary (next++, &fixture->today);
      two[1] = make_summary (next++, &fixture->today);
      g_list_store_splice (fixture->source, 500, 3, two, 2);
      g_object_unref (two[0]);
      g_object_unref (two[1]);
      assert_same_order (filter, G_LIST_MODEL (fixture->source));
    }
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(DeclicDraftFilter) filter = declic_draft_filter_new (G_LIST_MODEL (fixture->source));
  g_autoptr(GListStore) few = g_list_store_new (DECLIC_TYPE_DRAFT_SUMMARY);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  json_object *entry = json_object_new_object ();
  g_autoptr(DeclicDraftSummary) tricky = NULL;

  declic_draft_filter_set_language_expiry_within (filter, 60);
  declic_draft_filter_set_sort (filter, DECLIC_DRAFT_SORT_NAME);
  csv = declic_summary_csv_format (G_LIST_MODEL (filter));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + count_expected (want_expiry_60, NULL) + 1);
  g_assert_cmpstr (lines[0], ==, "client_label,given_names,family_names,status,errors,streams,score,grid,"
                                 "next_deadline,next_deadline_date,file");
  g_assert_cmpstr (lines[g_strv_length (lines) - 1], ==, "");

  /* Quotes, commas, line breaks and what a spreadsheet would take for a formula. */
  json_object_object_add (entry, "client_label", json_object_new_string ("=HYPERLINK(\"x\")"));
  json_object_object_add (entry, "given_names", json_object_new_string ("Anne, \"Nan\"\nMarie"));
  json_object_object_add (entry, "family_names", json_object_new_string ("Côté"));
  json_object_object_add (entry, "checked_on", json_object_new_string ("2026-11-22"));
  json_object_object_add (entry, "fileable", json_object_new_boolean (TRUE));
  json_object_object_add (entry, "streams_met", json_object_new_string ("1,4"));
  json_object_object_add (entry, "score", json_object_new_int (612));
  json_object_object_add (entry, "grid_id", json_object_new_string ("pstq-grid"));
  json_object_object_add (entry, "next_deadline_id", json_object_new_string ("di_expiry"));
  json_object_object_add (entry, "next_deadline_date", json_object_new_string ("2027-01-15"));
  tricky = declic_draft_summary_new_from_json ("/w/a.json", entry);
  json_object_put (entry);
  g_list_store_append (few, tricky);
  g_clear_pointer (&csv, g_free);
  csv = declic_summary_csv_format (G_LIST_MODEL (few));
  g_assert_cmpstr (strstr (csv, "\r\n") + 2, ==,
                   "\"'=HYPERLINK(\"\"x\"\")\",\"Anne, \"\"Nan\"\"\nMarie\",Côté,fileable,0,\"1,4\",612,pstq-grid,"
                   "di_expiry,2027-01-15,a.json\r\n");
}

/* A real draft's summary has the figures the filters need, as the check works them out. */
static void
test_summary_of_draft (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "check", "complete.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = declic_draft_new_from_file (path, &error);
  g_autoptr(DeclicDraftSummary) summary = NULL;
  g_autoptr(DeclicDraftSummary) again = NULL;
  json_object *json;

  g_assert_no_error (error);
  summary = declic_draft_summary_new_for_draft (path, draft, "2026-11-22", 1, 2);
  g_assert_cmpint (declic_draft_summary_get_status (summary), ==, DECLIC_DRAFT_STATUS_FILEABLE);
  g_assert_cmpstr (declic_draft_summary_get_grid_id (summary), ==, "pstq-grid");
  /* Three results: 2025-02-20, 2025-03-10 and 2025-06-12, valid two years: each one's last day
   * is the day before its 2nd anniversary. */
  g_assert_cmpstr (declic_draft_summary_get_language_expiry_date (summary), ==, "2027-02-19");
  g_assert_null (declic_draft_summary_get_invitation_answer_date (summary));
  g_assert_true (declic_draft_summary_meets_stream (summary, 1));
  g_assert_false (declic_draft_summary_meets_stream (summary, 2));

  /* Once the first has expired, the next one counts. */
  g_clear_object (&summary);
  summary = declic_draft_summary_new_for_draft (path, draft, "2027-02-21", 1, 2);
  g_assert_cmpstr (declic_draft_summary_get_language_expiry_date (summary), ==, "2027-03-09");

  /* An invitation on 2026-11-01: 60 days to answer (DI.md §3.5). */
  declic_draft_set_string (draft, "invitation_date", "2026-11-01");
  g_clear_object (&summary);
  summary = declic_draft_summary_new_for_draft (path, draft, "2026-11-22", 1, 2);
  g_assert_cmpstr (declic_draft_summary_get_invitation_answer_date (summary), ==, "2026-12-31");

  /* The index keeps them. */
  json = declic_draft_summary_to_json (summary);
  again = declic_draft_summary_new_from_json (path, json);
  json_object_put (json);
  g_assert_cmpstr (declic_draft_summary_get_invitation_answer_date (again), ==, "2026-12-31");
  g_assert_cmpstr (declic_draft_summary_get_language_expiry_date (again), ==, "2027-02-19");
  g_assert_cmpstr (declic_draft_summary_get_grid_id (again), ==, "pstq-grid");
  g_assert_cmpuint (declic_draft_summary_get_language_expiry_day (again), ==,
                    declic_draft_summary_get_language_expiry_day (summary));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/draft-filter/no-filter", Fixture, NULL, fixture_set_up, test_no_filter, fixture_tear_down);
  g_test_add ("/draft-filter/sorts", Fixture, NULL, fixture_set_up, test_sorts, fixture_tear_down);
  g_test_add ("/draft-filter/combined", Fixture, NULL, fixture_set_up, test_combined, fixture_tear_down);
  g_test_add ("/draft-filter/days-follow-clock", Fixture, NULL, fixture_set_up, test_days_follow_clock, fixture_tear_down);
  g_test_add ("/draft-filter/one-change", Fixture, NULL, fixture_set_up, test_one_change, fixture_tear_down);
  g_test_add ("/draft-filter/order-follows-source", Fixture, NULL, fixture_set_up, test_order_follows_source, fixture_tear_down);
  g_test_add ("/draft-filter/mended-order", Fixture, NULL, fixture_set_up, test_mended_order, fixture_tear_down);
  g_test_add ("/draft-filter/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add_func ("/draft-filter/summary-of-draft", test_summary_of_draft);
  return g_test_run ();
}
