/* declic-draft.c: a draft held as a json-c tree, read and written by field path. */
#define G_LOG_DOMAIN "declic-draft"

#include "config.h"

#include <json-c/json.h>
#include <math.h>
#include <string.h>

#include "declic-clock.h"
#include "declic-draft.h"
#include "declic-draft-private.h"
#include "declic-i18n.h"
#include "declic-utils.h"

struct _DeclicDraft
{
  GObject      parent_instance;
  json_object *root;
  gsize        stamp;           /* new at every change: what the path memo is keyed by */
  guint        changes_held;    /* declic_draft_begin_changes () depth */
  gboolean     changed_meanwhile;

  /* The file as last read or written (declic-draft-private.h); NULL path: none. */
  char        *disk_path;
  gint64       disk_size;
  gint64       disk_mtime;
  char        *disk_sha256;
};

G_DEFINE_FINAL_TYPE (DeclicDraft, declic_draft, G_TYPE_OBJECT)

enum {
  CHANGED,
  ITEMS_CHANGED,
  ITEM_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Stamps are never reused, by any draft: a memo entry of a draft that changed, or was freed
 * and another made at its address, can never be found again. */
static gsize last_stamp;

static void
restamp (DeclicDraft *self)
{
  self->stamp = (gsize) g_atomic_pointer_add (&last_stamp, 1) + 1;
}

typedef struct
{
  char  *key;   /* NULL for an index step */
  guint  index;
} Step;

static void
declic_draft_finalize (GObject *object)
{
  DeclicDraft *self = DECLIC_DRAFT (object);

  g_clear_pointer (&self->root, json_object_put);
  g_clear_pointer (&self->disk_path, g_free);
  g_clear_pointer (&self->disk_sha256, g_free);

  G_OBJECT_CLASS (declic_draft_parent_class)->finalize (object);
}

static void
declic_draft_class_init (DeclicDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = declic_draft_finalize;

  /**
   * DeclicDraft::changed:
   * @path: the path of the field that changed, or of the array an item was added to or removed from
   *
   * Emitted after every change made through the setters; once, with a %NULL path, for all
   * the changes made between declic_draft_begin_changes () and declic_draft_end_changes ().
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * DeclicDraft::items-changed:
   * @array_path: the array ("work_history", "personal.citizenships")
   * @position: the index of the first item that changed
   * @removed: how many items left at @position
   * @added: how many items came in at @position
   *
   * Emitted when items enter or leave an array, before "changed" (even while changes are
   * held): a view of the array's items (#DeclicDraftItems) follows exactly these positions.
   */
  signals[ITEMS_CHANGED] =
    g_signal_new ("items-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * DeclicDraft::item-moved:
   * @array_path: the array
   * @from: where the item was
   * @to: where it is now; the items between moved by one towards @from
   *
   * Emitted by declic_draft_move_item (), before "changed".
   */
  signals[ITEM_MOVED] =
    g_signal_new ("item-moved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);
}

/* The array an index step of @path belongs to: "a.b[2].c" step 2 of 3 → "a.b". */
static char *
array_path_of_step (const char *path,
                    GArray     *steps,
                    guint       step)
{
  guint n_index_steps = 0;
  const char *p = path;

  for (guint i = 0; i <= step; i++)
    if (g_array_index (steps, Step, i).key == NULL)
      n_index_steps++;
  for (; *p != '\0'; p++)
    if (*p == '[' && --n_index_steps == 0)
      return g_strndup (path, p - path);
  return NULL;
}

static void
emit_items_changed (DeclicDraft *self,
                    const char  *array_path,
                    guint        position,
                    guint        removed,
                    guint        added)
{
  if (array_path != NULL)
    g_signal_emit (self, signals[ITEMS_CHANGED], 0, array_path, position, removed, added);
}

static void
declic_draft_init (DeclicDraft *self)
{
  restamp (self);
}

static void
emit_changed (DeclicDraft *self,
              const char  *path)
{
  if (self->changes_held > 0)
    self->changed_meanwhile = TRUE;
  else
    g_signal_emit (self, signals[CHANGED], 0, path);
}

/**
 * declic_draft_begin_changes:
 *
 * Holds back the "changed" signal while many fields change at once (recording a filing writes
 * a value per field): views then look at the draft once, not once per field. Calls nest.
 */
void
declic_draft_begin_changes (DeclicDraft *self)
{
  g_return_if_fail (DECLIC_IS_DRAFT (self));

  self->changes_held++;
}

/**
 * declic_draft_end_changes:
 *
 * Emits "changed" once, with a %NULL path, if anything changed since the outermost
 * declic_draft_begin_changes ().
 */
void
declic_draft_end_changes (DeclicDraft *self)
{
  g_return_if_fail (DECLIC_IS_DRAFT (self));
  g_return_if_fail (self->changes_held > 0);

  if (--self->changes_held == 0 && self->changed_meanwhile)
    {
      self->changed_meanwhile = FALSE;
      g_signal_emit (self, signals[CHANGED], 0, NULL);
    }
}

/* Creates a draft around @root, taking ownership of it. */
DeclicDraft *
declic_draft_new_for_root (json_object *root)
{
  DeclicDraft *self = g_object_new (DECLIC_TYPE_DRAFT, NULL);

  self->root = root;
  return self;
}

/**
 * declic_draft_new:
 *
 * Returns: (transfer full): an empty draft with a new id and timestamps
 */
DeclicDraft *
declic_draft_new (void)
{
  json_object *root = json_object_new_object ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *version = g_strdup_printf ("%d.%d", DECLIC_DRAFT_SCHEMA_MAJOR, DECLIC_DRAFT_SCHEMA_MINOR);
  g_autofree char *now = declic_clock_dup_now_iso8601 ();

  json_object_object_add (root, "schema_version", json_object_new_string (version));
  json_object_object_add (root, "id", json_object_new_string (uuid));
  json_object_object_add (root, "created", json_object_new_string (now));
  json_object_object_add (root, "updated", json_object_new_string (now));

  return declic_draft_new_for_root (root);
}

/**
 * declic_draft_duplicate:
 *
 * Returns: (transfer full): a deep copy of @self with a new id and new timestamps, for the
 *   "Duplicate" action; fields unknown to this version are copied too
 */
DeclicDraft *
declic_draft_duplicate (DeclicDraft *self)
{
  json_object *copy = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = declic_clock_dup_now_iso8601 ();

  g_return_val_if_fail (DECLIC_IS_DRAFT (self), NULL);

  if (json_object_deep_copy (self->root, &copy, NULL) != 0)
    g_error ("Out of memory while copying a draft");

  json_object_object_add (copy, "id", json_object_new_string (uuid));
  json_object_object_add (copy, "created", json_object_new_string (now));
  json_object_object_add (copy, "updated", json_object_new_string (now));
  json_object_object_del (copy, "filing_date");

  return declic_draft_new_for_root (copy);
}

/**
 * declic_draft_duplicate_as_copy:
 *
 * Returns: (transfer full): declic_draft_duplicate(), its client label saying it is a copy
 *   ("Camille Martin (copy)"): for "Duplicate", and for the person's version kept beside
 *   another program's after a save conflict
 */
DeclicDraft *
declic_draft_duplicate_as_copy (DeclicDraft *self)
{
  DeclicDraft *copy;
  const char *label;
  g_autofree char *title = NULL;
  g_autofree char *copy_label = NULL;

  g_return_val_if_fail (DECLIC_IS_DRAFT (self), NULL);

  copy = declic_draft_duplicate (self);
  label = declic_draft_get_client_label (self);
  title = label != NULL ? g_strdup (label) : declic_draft_dup_display_name (self);
  if (title == NULL)
    title = g_strdup (_("New draft"));
  /* Translators: the client label of a duplicated draft; %s is the original's */
  copy_label = g_strdup_printf (_("%s (copy)"), title);
  declic_draft_set_string (copy, "client_label", copy_label);
  return copy;
}

struct json_object *
declic_draft_get_root (DeclicDraft *self)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT (self), NULL);

  return self->root;
}

/* Splits "a.b[2].c" into steps: key a, key b, index 2, key c. Returns NULL for a malformed path. */
static GArray *
parse_path (const char *path)
{
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (Step));
  const char *p = path;

  while (*p != '\0')
    {
      Step step = { NULL, 0 };

      if (*p == '[')
        {
          char *end = NULL;
          guint64 index = g_ascii_strtoull (p + 1, &end, 10);

          if (end == p + 1 || *end != ']' || index > G_MAXUINT)
            goto malformed;
          step.index = (guint) index;
          p = end + 1;
          if (*p == '.')
            p++;
        }
      else
        {
          gsize len = strcspn (p, ".[");

          if (len == 0)
            goto malformed;
          step.key = g_strndup (p, len);
          p += len;
          if (*p == '.')
            p++;
        }
      g_array_append_val (steps, step);
    }

  return g_steal_pointer (&steps);

malformed:
  for (guint i = 0; i < steps->len; i++)
    g_free (g_array_index (steps, Step, i).key);
  return NULL;
}

static void
free_steps (GArray *steps)
{
  for (guint i = 0; i < steps->len; i++)
    g_free (g_array_index (steps, Step, i).key);
  g_array_free (steps, TRUE);
}

static json_object *
step_into (json_object *node,
           const Step  *step)
{
  if (step->key != NULL)
    return json_object_is_type (node, json_type_object) ? json_object_object_get (node, step->key) : NULL;

  if (!json_object_is_type (node, json_type_array) || step->index >= json_object_array_length (node))
    return NULL;
  return json_object_array_get_idx (node, step->index);
}

/* Reads are the hot path of every check (thousands per draft): walk @path in place, with the
 * key copied to the stack, instead of parsing it into allocated steps as writes do. The
 * grammar is parse_path ()'s. */
static json_object *
walk_path (DeclicDraft *self,
           const char  *path,
           gboolean    *malformed_out)
{
  json_object *node = self->root;
  const char *p = path;
  char key[128];

  while (*p != '\0')
    {
      if (*p == '[')
        {
          char *end = NULL;
          guint64 index = g_ascii_strtoull (p + 1, &end, 10);

          if (end == p + 1 || *end != ']' || index > G_MAXUINT)
            goto malformed;
          p = end + 1;
          if (*p == '.')
            p++;
          if (node == NULL)
            continue;
          if (!json_object_is_type (node, json_type_array) || index >= json_object_array_length (node))
            node = NULL;
          else
            node = json_object_array_get_idx (node, (gsize) index);
        }
      else
        {
          gsize len = strcspn (p, ".[");

          if (len == 0)
            goto malformed;
          if (node != NULL && !json_object_is_type (node, json_type_object))
            node = NULL;
          else if (node != NULL)
            {
              if (len < sizeof key)
                {
                  memcpy (key, p, len);
                  key[len] = '\0';
                  node = json_object_object_get (node, key);
                }
              else
                {
                  g_autofree char *long_key = g_strndup (p, len);
                  node = json_object_object_get (node, long_key);
                }
            }
          p += len;
          if (*p == '.')
            p++;
        }
    }
  return node;

malformed:
  g_critical ("Malformed draft path “%s”", path);
  *malformed_out = TRUE;
  return NULL;
}

/* The path memo: direct-mapped, each path in the slot its hash picks, a newer path taking the
 * slot of an older one. A check reads some ninety paths; 512 slots keep them with few
 * collisions, and a miss only walks the tree as if there were no memo. */
#define PATH_MEMO_SLOTS   512
#define PATH_MEMO_LENGTH  72   /* longer paths are walked every time */

typedef struct
{
  gsize        stamp;    /* the draft as it was; 0: never written */
  guint        serial;   /* the freeze it was written in */
  guint        hash;
  json_object *node;     /* NULL: the path holds nothing */
  char         path[PATH_MEMO_LENGTH];
} PathSlot;

/* In a run of checks (declic_i18n_freeze ()) the same paths of the same draft are read again
 * and again: some ninety a check, the same at every date of a plan. Each json-c step hashes
 * its key, and a walk costs some eight hundred instructions where the memo's answer costs a
 * fifth: the memo keeps each path's node, or its absence, under the draft's stamp, which any
 * change renews. Outside a freeze every read walks the tree. */
static json_object *
lookup (DeclicDraft *self,
        const char  *path)
{
  guint serial = 0;
  PathSlot *memo = declic_i18n_get_memo (DECLIC_MEMO_DRAFT_PATHS, sizeof (PathSlot) * PATH_MEMO_SLOTS, &serial);
  gboolean malformed = FALSE;
  guint hash = 2166136261u;
  json_object *node;
  PathSlot *slot;
  gsize length = 0;

  if (memo == NULL)
    return walk_path (self, path, &malformed);

  /* FNV-1a, and the length with it. */
  for (const char *p = path; *p != '\0'; p++, length++)
    hash = (hash ^ (guchar) *p) * 16777619u;
  if (length >= PATH_MEMO_LENGTH)
    return walk_path (self, path, &malformed);

  slot = &memo[(hash ^ (guint) self->stamp) % PATH_MEMO_SLOTS];
  if (slot->stamp == self->stamp && slot->serial == serial && slot->hash == hash &&
      memcmp (slot->path, path, length + 1) == 0)
    return slot->node;

  node = walk_path (self, path, &malformed);
  /* A malformed path is a bug to be told each time, never answered from the memo. */
  if (malformed)
    return NULL;
  slot->stamp = self->stamp;
  slot->serial = serial;
  slot->hash = hash;
  slot->node = node;
  memcpy (slot->path, path, length + 1);
  return node;
}

/* Walks to the container of the last step, creating objects and arrays on the way. */
static json_object *
lookup_container (DeclicDraft *self,
                  GArray      *steps,
                  gboolean     create,
                  int         *appended_step)
{
  json_object *node = self->root;

  for (guint i = 0; i + 1 < steps->len; i++)
    {
      const Step *step = &g_array_index (steps, Step, i);
      const Step *next = &g_array_index (steps, Step, i + 1);
      json_type wanted = next->key != NULL ? json_type_object : json_type_array;
      json_object *child = step_into (node, step);

      if (child == NULL || !json_object_is_type (child, wanted))
        {
          if (!create)
            return NULL;
          /* Only a missing key, or a null one, is created; anything else is a caller's bug. */
          if (child != NULL && !json_object_is_type (child, json_type_null))
            return NULL;
          child = wanted == json_type_object ? json_object_new_object () : json_object_new_array ();
          if (step->key != NULL && json_object_is_type (node, json_type_object))
            json_object_object_add (node, step->key, child);
          else if (step->key == NULL && json_object_is_type (node, json_type_array) &&
                   step->index == json_object_array_length (node))
            {
              json_object_array_add (node, child);  /* "list[n]" with n == length appends */
              if (*appended_step < 0)
                *appended_step = (int) i;
            }
          else
            {
              json_object_put (child);
              return NULL;
            }
        }
      node = child;
    }

  return node;
}

/* Stores @value (owned) at @path; NULL removes the field. */
static void
store (DeclicDraft *self,
       const char  *path,
       json_object *value)
{
  GArray *steps = parse_path (path);
  json_object *container;
  const Step *last;
  int appended_step = -1;       /* an item an intermediate step created */
  int item_change = 0;          /* the last step: +1 an item added, -1 one removed */
  guint item_index = 0;

  /* Before anything changes: a handler of the signals below may read the draft again. */
  restamp (self);
  if (steps == NULL || steps->len == 0)
    {
      g_critical ("Malformed draft path “%s”", path);
      json_object_put (value);
      if (steps != NULL)
        free_steps (steps);
      return;
    }

  container = lookup_container (self, steps, value != NULL, &appended_step);
  last = &g_array_index (steps, Step, steps->len - 1);

  if (container == NULL)
    {
      if (value != NULL)
        g_critical ("Cannot store a value at “%s”: a parent has another type", path);
      json_object_put (value);
      free_steps (steps);
      return;
    }

  if (last->key != NULL && json_object_is_type (container, json_type_object))
    {
      if (value == NULL)
        json_object_object_del (container, last->key);
      else
        json_object_object_add (container, last->key, value);
    }
  else if (last->key == NULL && json_object_is_type (container, json_type_array))
    {
      gsize len = json_object_array_length (container);

      item_index = last->index;
      if (value == NULL)
        {
          if (last->index < len)
            {
              json_object_array_del_idx (container, last->index, 1);
              item_change = -1;
            }
        }
      else if (last->index < len)
        json_object_array_put_idx (container, last->index, value);
      else if (last->index == len)
        {
          json_object_array_add (container, value);
          item_change = 1;
        }
      else
        {
          g_critical ("Index out of range in “%s”", path);
          json_object_put (value);
        }
    }
  else
    {
      g_critical ("Cannot store a value at “%s”: a parent has another type", path);
      json_object_put (value);
    }

  if (appended_step >= 0)
    {
      g_autofree char *array = array_path_of_step (path, steps, (guint) appended_step);

      emit_items_changed (self, array, g_array_index (steps, Step, appended_step).index, 0, 1);
    }
  else if (item_change != 0)
    {
      g_autofree char *array = array_path_of_step (path, steps, steps->len - 1);

      emit_items_changed (self, array, item_index, item_change < 0, item_change > 0);
    }
  free_steps (steps);
  emit_changed (self, path);
}

/* Whether anything was entered under @node: a non-blank string, a boolean or a number. */
static gboolean
node_is_blank (json_object *node)
{
  if (node == NULL)
    return TRUE;
  switch (json_object_get_type (node))
    {
    case json_type_string:
      for (const char *p = json_object_get_string (node); *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
      return TRUE;
    case json_type_object:
      {
        json_object_object_foreach (node, key, child)
          {
            (void) key;
            if (!node_is_blank (child))
              return FALSE;
          }
        return TRUE;
      }
    case json_type_array:
      for (gsize i = 0; i < json_object_array_length (node); i++)
        if (!node_is_blank (json_object_array_get_idx (node, i)))
          return FALSE;
      return TRUE;
    case json_type_null:
      return TRUE;
    case json_type_boolean:
    case json_type_int:
    case json_type_double:
    default:
      return FALSE;
    }
}

/**
 * declic_draft_is_blank:
 * @path: a field, an item ("education[1]") or a list
 *
 * Returns: whether nothing was entered at or under @path (absent, empty strings and objects
 *   and lists holding nothing else)
 */
gboolean
declic_draft_is_blank (DeclicDraft *self,
                       const char  *path)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT (self), TRUE);
  g_return_val_if_fail (path != NULL, TRUE);

  return node_is_blank (lookup (self, path));
}

gboolean
declic_draft_has (DeclicDraft *self,
                  const char  *path)
{
  json_object *node;

  g_return_val_if_fail (DECLIC_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  node = lookup (self, path);
  return node != NULL && !json_object_is_type (node, json_type_null);
}

/**
 * declic_draft_get_string:
 *
 * Returns: (nullable): the string at @path, or %NULL when it is absent or not a string. It stays
 *   valid until that field changes.
 */
const char *
declic_draft_get_string (DeclicDraft *self,
                         const char  *path)
{
  json_object *node;

  g_return_val_if_fail (DECLIC_IS_DRAFT (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  node = lookup (self, path);
  if (node == NULL || !json_object_is_type (node, json_type_string))
    return NULL;
  return json_object_get_string (node);
}

void
declic_draft_set_string (DeclicDraft *self,
                         const char  *path,
                         const char  *value)
{
  g_return_if_fail (DECLIC_IS_DRAFT (self));
  g_return_if_fail (path != NULL);

  if (g_strcmp0 (declic_draft_get_string (self, path), value) == 0)
    return;
  if (value == NULL || *value == '\0')
    {
      if (declic_draft_has (self, path))
        store (self, path, NULL);
      return;
    }
  store (self, path, json_object_new_string (value));
}

gboolean
declic_draft_get_boolean (DeclicDraft *self,
                          const char  *path,
                          gboolean     fallback)
{
  json_object *node;

  g_return_val_if_fail (DECLIC_IS_DRAFT (self), fallback);
  g_return_val_if_fail (path != NULL, fallback);

  node = lookup (self, path);
  if (node == NULL || !json_object_is_type (node, json_type_boolean))
    return fallback;
  return json_object_get_boolean (node);
}

void
declic_draft_set_boolean (DeclicDraft *self,
                          const char  *path,
                          gboolean     value)
{
  json_object *node;

  g_return_if_fail (DECLIC_IS_DRAFT (self));
  g_return_if_fail (path != NULL);

  node = lookup (self, path);
  if (node != NULL && json_object_is_type (node, json_type_boolean) &&
      !json_object_get_boolean (node) == !value)
    return;
  store (self, path, json_object_new_boolean (value));
}

gint64
declic_draft_get_integer (DeclicDraft *self,
                          const char  *path,
                          gint64       fallback)
{
  json_object *node;

  g_return_val_if_fail (DECLIC_IS_DRAFT (self), fallback);
  g_return_val_if_fail (path != NULL, fallback);

  node = lookup (self, path);
  if (node == NULL || !json_object_is_type (node, json_type_int))
    return fallback;
  return json_object_get_int64 (node);
}

void
declic_draft_set_integer (DeclicDraft *self,
                          const char  *path,
                          gint64       value)
{
  json_object *node;

  g_return_if_fail (DECLIC_IS_DRAFT (self));
  g_return_if_fail (path != NULL);

  node = lookup (self, path);
  if (node != NULL && json_object_is_type (node, json_type_int) && json_object_get_int64 (node) == value)
    return;
  store (self, path, json_object_new_int64 (value));
}

double
declic_draft_get_number (DeclicDraft *self,
                         const char  *path,
                         double       fallback)
{
  json_object *node;

  g_return_val_if_fail (DECLIC_IS_DRAFT (self), fallback);
  g_return_val_if_fail (path != NULL, fallback);

  node = lookup (self, path);
  if (node == NULL || !(json_object_is_type (node, json_type_double) || json_object_is_type (node, json_type_int)))
    return fallback;
  return json_object_get_double (node);
}

void
declic_draft_set_number (DeclicDraft *self,
                         const char  *path,
                         double       value)
{
  json_object *node;

  g_return_if_fail (DECLIC_IS_DRAFT (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (isfinite (value));

  node = lookup (self, path);
  if (node != NULL && (json_object_is_type (node, json_type_double) || json_object_is_type (node, json_type_int)) &&
      json_object_get_double (node) == value)
    return;
  /* Whole numbers are written without a fraction ("38", not "38.0"). */
  if (value == (double) (gint64) value && fabs (value) < 1e15)
    store (self, path, json_object_new_int64 ((gint64) value));
  else
    store (self, path, json_object_new_double (value));
}

void
declic_draft_unset (DeclicDraft *self,
                    const char  *path)
{
  g_return_if_fail (DECLIC_IS_DRAFT (self));
  g_return_if_fail (path != NULL);

  if (lookup (self, path) != NULL)
    store (self, path, NULL);
}

gboolean
declic_draft_get_date (DeclicDraft *self,
                       const char  *path,
                       GDate       *date)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  return declic_utils_parse_date (declic_draft_get_string (self, path), date);
}

void
declic_draft_get_reference_date (DeclicDraft *self,
                                 const GDate *today,
                                 GDate       *date)
{
  GDate now;
  GDate planned;

  g_return_if_fail (DECLIC_IS_DRAFT (self));
  g_return_if_fail (date != NULL);

  if (today != NULL && g_date_valid (today))
    now = *today;
  else
    declic_clock_get_today (&now);

  /* A planned filing date that has passed is not when the DI will be filed: the draft is
   * checked as if filed today, and validation says the planned date must change. */
  if (declic_draft_get_date (self, "planned_filing_date", &planned) &&
      g_date_compare (&planned, &now) >= 0)
    *date = planned;
  else
    *date = now;
}

gboolean
declic_draft_planned_filing_has_passed (DeclicDraft *self,
                                        const GDate *today,
                                        GDate       *planned)
{
  GDate now;
  GDate date;

  g_return_val_if_fail (DECLIC_IS_DRAFT (self), FALSE);

  if (!declic_draft_get_date (self, "planned_filing_date", &date))
    return FALSE;
  if (today != NULL && g_date_valid (today))
    now = *today;
  else
    declic_clock_get_today (&now);
  if (planned != NULL)
    *planned = date;
  return g_date_compare (&date, &now) < 0;
}

guint
declic_draft_get_n_items (DeclicDraft *self,
                          const char  *array_path)
{
  json_object *node;

  g_return_val_if_fail (DECLIC_IS_DRAFT (self), 0);
  g_return_val_if_fail (array_path != NULL, 0);

  node = lookup (self, array_path);
  if (node == NULL || !json_object_is_type (node, json_type_array))
    return 0;
  return (guint) json_object_array_length (node);
}

/**
 * declic_draft_item_path:
 * @key: (nullable): a field of the item
 *
 * Concatenated rather than printed: a check reads some forty item fields, and printf's
 * reading of "%s[%u].%s" cost more than the lookup the path is for.
 *
 * Returns: (transfer full): "@array_path[@index]", or "@array_path[@index].@key"
 */
char *
declic_draft_item_path (const char *array_path,
                        guint       index,
                        const char *key)
{
  char digits[16];
  char *p = digits + sizeof digits - 1;

  g_return_val_if_fail (array_path != NULL, NULL);

  *p = '\0';
  do
    {
      *--p = (char) ('0' + index % 10);
      index /= 10;
    }
  while (index > 0);
  return g_strconcat (array_path, "[", p, "]", key != NULL ? "." : NULL, key, NULL);
}

static json_object *
new_item_for (const char *array_path)
{
  g_autofree char *pattern = declic_draft_fields_path_to_pattern (array_path);
  g_autofree char *item_pattern = g_strconcat (pattern, "[]", NULL);
  const DeclicFieldSpec *spec = declic_draft_fields_lookup (item_pattern);

  if (spec != NULL && spec->type != DECLIC_FIELD_OBJECT)
    return json_object_new_string ("");
  return json_object_new_object ();
}

/**
 * declic_draft_append_item:
 * @array_path: "education", "personal.citizenships", ...
 *
 * Adds an empty item (an object, or an empty string in an array of strings).
 *
 * Returns: the new item's index
 */
guint
declic_draft_append_item (DeclicDraft *self,
                          const char  *array_path)
{
  guint n;
  g_autofree char *item_path = NULL;

  g_return_val_if_fail (DECLIC_IS_DRAFT (self), 0);
  g_return_val_if_fail (array_path != NULL, 0);

  n = declic_draft_get_n_items (self, array_path);
  item_path = g_strdup_printf ("%s[%u]", array_path, n);
  store (self, item_path, new_item_for (array_path));
  return n;
}

/**
 * declic_draft_remove_item:
 *
 * Returns: (transfer full) (nullable): the removed item as JSON, to give back to
 *   declic_draft_insert_item() when the removal is undone
 */
char *
declic_draft_remove_item (DeclicDraft *self,
                          const char  *array_path,
                          guint        index)
{
  g_autofree char *item_path = NULL;
  json_object *item;
  char *json;

  g_return_val_if_fail (DECLIC_IS_DRAFT (self), NULL);
  g_return_val_if_fail (array_path != NULL, NULL);

  item_path = g_strdup_printf ("%s[%u]", array_path, index);
  item = lookup (self, item_path);
  if (item == NULL)
    return NULL;

  json = g_strdup (json_object_to_json_string_ext (item, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
  store (self, item_path, NULL);
  return json;
}

gboolean
declic_draft_insert_item (DeclicDraft *self,
                          const char  *array_path,
                          guint        index,
                          const char  *item_json)
{
  json_object *array;
  json_object *item;
  gsize len;

  g_return_val_if_fail (DECLIC_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (array_path != NULL, FALSE);
  g_return_val_if_fail (item_json != NULL, FALSE);

  item = json_tokener_parse (item_json);
  if (item == NULL)
    return FALSE;

  if (declic_draft_get_n_items (self, array_path) == 0)
    {
      g_autofree char *first = g_strdup_printf ("%s[0]", array_path);
      store (self, first, item);
      return TRUE;
    }

  array = lookup (self, array_path);
  restamp (self);
  len = json_object_array_length (array);
  if (index > len)
    index = (guint) len;
  json_object_array_add (array, NULL);
  for (gsize i = len; i > index; i--)
    json_object_array_put_idx (array, i, json_object_get (json_object_array_get_idx (array, i - 1)));
  json_object_array_put_idx (array, index, item);

  emit_items_changed (self, array_path, index, 0, 1);
  emit_changed (self, array_path);
  return TRUE;
}

void
declic_draft_move_item (DeclicDraft *self,
                        const char  *array_path,
                        guint        from,
                        guint        to)
{
  json_object *array;
  json_object *item;
  gsize len;

  g_return_if_fail (DECLIC_IS_DRAFT (self));
  g_return_if_fail (array_path != NULL);

  array = lookup (self, array_path);
  if (array == NULL || !json_object_is_type (array, json_type_array))
    return;
  len = json_object_array_length (array);
  g_return_if_fail (from < len && to < len);
  if (from == to)
    return;

  restamp (self);
  item = json_object_get (json_object_array_get_idx (array, from));
  if (from < to)
    for (gsize i = from; i < to; i++)
      json_object_array_put_idx (array, i, json_object_get (json_object_array_get_idx (array, i + 1)));
  else
    for (gsize i = from; i > to; i--)
      json_object_array_put_idx (array, i, json_object_get (json_object_array_get_idx (array, i - 1)));
  json_object_array_put_idx (array, to, item);

  g_signal_emit (self, signals[ITEM_MOVED], 0, array_path, from, to);
  emit_changed (self, array_path);
}

const char *
declic_draft_get_id (DeclicDraft *self)
{
  return declic_draft_get_string (self, "id");
}

const char *
declic_draft_get_client_label (DeclicDraft *self)
{
  return declic_draft_get_string (self, "client_label");
}

void
declic_draft_set_disk_state (DeclicDraft *self,
                             const char  *path,
                             gint64       size,
                             gint64       mtime_usec,
                             const char  *sha256)
{
  g_return_if_fail (DECLIC_IS_DRAFT (self));

  g_free (self->disk_path);
  g_free (self->disk_sha256);
  self->disk_path = g_strdup (path);
  self->disk_size = size;
  self->disk_mtime = mtime_usec;
  self->disk_sha256 = g_strdup (sha256);
}

const char *
declic_draft_get_disk_path (DeclicDraft *self,
                            gint64      *size,
                            gint64      *mtime_usec,
                            const char **sha256)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT (self), NULL);

  *size = self->disk_size;
  *mtime_usec = self->disk_mtime;
  *sha256 = self->disk_sha256;
  return self->disk_path;
}

void
declic_draft_forget_disk_state (DeclicDraft *self)
{
  declic_draft_set_disk_state (self, NULL, 0, 0, NULL);
}

/**
 * declic_draft_dup_display_name:
 *
 * Returns: (transfer full): "Given Family", else the client label, else %NULL
 */
char *
declic_draft_dup_display_name (DeclicDraft *self)
{
  const char *given = declic_draft_get_string (self, "personal.given_names");
  const char *family = declic_draft_get_string (self, "personal.family_names");

  if (given != NULL && family != NULL)
    return g_strdup_printf ("%s %s", given, family);
  if (given != NULL || family != NULL)
    return g_strdup (given != NULL ? given : family);
  return g_strdup (declic_draft_get_client_label (self));
}

/* Records that a person changed the draft now. */
void
declic_draft_touch (DeclicDraft *self)
{
  g_autofree char *now = declic_clock_dup_now_iso8601 ();

  g_return_if_fail (DECLIC_IS_DRAFT (self));

  store (self, "updated", json_object_new_string (now));
}
