/* test-draft-items.c: the list model of a draft's array says exactly which positions change. */
#include "config.h"

#include "declic-draft.h"
#include "declic-draft-items.h"

typedef struct
{
  guint position, removed, added;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
assert_changes (GArray *changes,
                guint   position,
                guint   removed,
                guint   added)
{
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, position);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, removed);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, added);
  g_array_set_size (changes, 0);
}

static DeclicDraftItem *
nth (DeclicDraftItems *items,
     guint             position)
{
  DeclicDraftItem *item = g_list_model_get_item (G_LIST_MODEL (items), position);

  g_object_unref (item);  /* the model holds it */
  return item;
}

static void
test_positions (void)
{
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  DeclicDraftItems *items;
  DeclicDraftItem *first, *second, *third;
  g_autofree char *json = NULL;
  guint position;

  declic_draft_set_string (draft, "work_history[0].employer", "A");
  declic_draft_set_string (draft, "work_history[1].employer", "B");
  declic_draft_set_string (draft, "work_history[2].employer", "C");
  items = declic_draft_items_new (draft, "work_history");
  g_signal_connect (items, "items-changed", G_CALLBACK (on_items_changed), changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, 3);
  first = nth (items, 0), second = nth (items, 1), third = nth (items, 2);
  g_assert_cmpstr (declic_draft_item_get_path (third), ==, "work_history[2]");

  /* A value changed: no item came or went. */
  declic_draft_set_string (draft, "work_history[1].employer", "B2");
  g_assert_cmpuint (changes->len, ==, 0);

  /* Removing the middle one: that position only; the last follows its item. */
  json = declic_draft_remove_item (draft, "work_history", 1);
  assert_changes (changes, 1, 1, 0);
  g_assert_true (nth (items, 0) == first);
  g_assert_true (nth (items, 1) == third);
  g_assert_cmpuint (declic_draft_item_get_index (third), ==, 1);
  g_assert_cmpstr (declic_draft_item_get_path (third), ==, "work_history[1]");

  /* Undo: back at its place, a new object there. */
  g_assert_true (declic_draft_insert_item (draft, "work_history", 1, json));
  assert_changes (changes, 1, 0, 1);
  second = nth (items, 1);
  g_assert_true (nth (items, 2) == third);
  g_assert_cmpuint (declic_draft_item_get_index (third), ==, 2);

  /* A move: the two positions, the same objects swapped. */
  declic_draft_move_item (draft, "work_history", 0, 1);
  assert_changes (changes, 0, 2, 2);
  g_assert_true (nth (items, 0) == second);
  g_assert_true (nth (items, 1) == first);
  g_assert_cmpuint (declic_draft_item_get_index (first), ==, 1);
  declic_draft_move_item (draft, "work_history", 2, 0);
  assert_changes (changes, 0, 3, 3);
  g_assert_true (nth (items, 0) == third);

  /* A pending item: shown at the end, not in the draft; its first value says nothing more. */
  position = declic_draft_items_add_pending (items);
  g_assert_cmpuint (position, ==, 3);
  assert_changes (changes, 3, 0, 1);
  g_assert_true (declic_draft_item_get_pending (nth (items, 3)));
  g_assert_cmpuint (declic_draft_get_n_items (draft, "work_history"), ==, 3);
  g_assert_cmpuint (declic_draft_items_add_pending (items), ==, 3);  /* the same one */
  g_assert_cmpuint (changes->len, ==, 0);
  declic_draft_set_string (draft, "work_history[3].type", "studies");
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_false (declic_draft_items_get_pending (items, NULL));
  g_assert_false (declic_draft_item_get_pending (nth (items, 3)));

  /* A pending item dropped: its position, the draft untouched. */
  declic_draft_items_add_pending (items);
  g_array_set_size (changes, 0);
  declic_draft_items_drop_pending (items);
  assert_changes (changes, 4, 1, 0);
  g_assert_cmpuint (declic_draft_get_n_items (draft, "work_history"), ==, 4);

  /* An emptied item kept as the pending one: the last stays where it is and says nothing; a
   * middle one goes to the end, the same object, the positions from it on changed. */
  declic_draft_items_keep_pending (items, 3);
  g_free (declic_draft_remove_item (draft, "work_history", 3));
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_true (declic_draft_items_get_pending (items, &position));
  g_assert_cmpuint (position, ==, 3);
  first = nth (items, 1);
  declic_draft_items_keep_pending (items, 1);
  g_free (declic_draft_remove_item (draft, "work_history", 1));
  /* the older pending item goes first */
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, 3);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 1).position, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 1).removed, ==, 2);
  g_assert_cmpuint (g_array_index (changes, Change, 1).added, ==, 2);
  g_array_set_size (changes, 0);
  g_assert_true (nth (items, 2) == first);
  g_assert_true (declic_draft_item_get_pending (first));
  g_assert_cmpstr (declic_draft_item_get_path (first), ==, "work_history[2]");
  g_assert_cmpuint (declic_draft_get_n_items (draft, "work_history"), ==, 2);

  /* Another array's changes are not this one's. */
  declic_draft_set_string (draft, "personal.citizenships[0]", "FR");
  g_assert_cmpuint (changes->len, ==, 0);

  g_assert_finalize_object (items);
}

static void
test_plain_values (void)
{
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(DeclicDraftItems) items = declic_draft_items_new (draft, "personal.citizenships");

  g_signal_connect (items, "items-changed", G_CALLBACK (on_items_changed), changes);
  declic_draft_set_string (draft, "personal.citizenships[0]", "FR");
  assert_changes (changes, 0, 0, 1);
  declic_draft_set_string (draft, "personal.citizenships[1]", "CA");
  assert_changes (changes, 1, 0, 1);
  declic_draft_set_string (draft, "personal.citizenships[0]", "BE");
  g_assert_cmpuint (changes->len, ==, 0);
  declic_draft_unset (draft, "personal.citizenships[0]");
  assert_changes (changes, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draft-items/positions", test_positions);
  g_test_add_func ("/draft-items/plain-values", test_plain_values);
  return g_test_run ();
}
