/* declic-rules.c: versioned rule sets, read from data files (see the header). */
#define G_LOG_DOMAIN "declic-rules"

#include "config.h"

#include <string.h>
#include <json-c/json.h>

#include "declic-format.h"
#include "declic-i18n.h"
#include "declic-rules.h"
#include "declic-utils.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_tokener, json_tokener_free)

G_DEFINE_QUARK (declic-rules-error-quark, declic_rules_error)

/* The only format this code reads; a newer file is refused rather than half understood. */
#define RULE_SET_FORMAT 1

static void bands_read_all (json_object *node);

struct _DeclicRuleSet
{
  GObject        parent_instance;
  json_object   *root;
  json_object   *groups;   /* borrowed from root */
  char          *id;
  char          *parent_id;
  DeclicRuleSet *parent;   /* owned by the same DeclicRules, which outlives its sets */
  GDate          effective_from;
  GDate          effective_to;  /* cleared when open-ended */
  gsize          stamp;    /* the group memo's key: new for each set, and when its parent is set */
};

/* Stamps are never reused: a memo entry of a freed set is never found for another. */
static gsize last_stamp;

static void
restamp (DeclicRuleSet *self)
{
  self->stamp = (gsize) g_atomic_pointer_add (&last_stamp, 1) + 1;
}

G_DEFINE_FINAL_TYPE (DeclicRuleSet, declic_rule_set, G_TYPE_OBJECT)

struct _DeclicRules
{
  GObject    parent_instance;
  GPtrArray *sets;   /* DeclicRuleSet, sorted by effective_from */
};

G_DEFINE_FINAL_TYPE (DeclicRules, declic_rules, G_TYPE_OBJECT)

static const char *status_ids[] = { "official", "secondary", "derived", "unknown" };

const char *
declic_rule_status_get_id (DeclicRuleStatus status)
{
  g_return_val_if_fail (status <= DECLIC_RULE_STATUS_UNKNOWN, NULL);

  return status_ids[status];
}

const char *
declic_rule_status_get_label (DeclicRuleStatus status)
{
  switch (status)
    {
    case DECLIC_RULE_STATUS_OFFICIAL:
      return _("official");
    case DECLIC_RULE_STATUS_SECONDARY:
      return _("secondary source");
    case DECLIC_RULE_STATUS_DERIVED:
      return _("derived estimate");
    case DECLIC_RULE_STATUS_UNKNOWN:
      return _("unknown");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
declic_rule_status_from_id (const char       *id,
                            DeclicRuleStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    if (g_strcmp0 (status_ids[i], id) == 0)
      {
        if (status != NULL)
          *status = i;
        return TRUE;
      }
  return FALSE;
}

/* ---- One rule set ---------------------------------------------------------------------- */

static void
declic_rule_set_finalize (GObject *object)
{
  DeclicRuleSet *self = DECLIC_RULE_SET (object);

  g_clear_pointer (&self->root, json_object_put);
  g_free (self->id);
  g_free (self->parent_id);

  G_OBJECT_CLASS (declic_rule_set_parent_class)->finalize (object);
}

static void
declic_rule_set_class_init (DeclicRuleSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = declic_rule_set_finalize;
}

static void
declic_rule_set_init (DeclicRuleSet *self)
{
  restamp (self);
  g_date_clear (&self->effective_from, 1);
  g_date_clear (&self->effective_to, 1);
}

static gboolean
fail (GError    **error,
      const char *name,
      const char *what)
{
  g_set_error (error, DECLIC_RULES_ERROR, DECLIC_RULES_ERROR_MALFORMED,
               _("The rule set “%s” cannot be used: %s. Reinstall Déclic or report the problem."),
               name, what);
  return FALSE;
}

/* Checks what every consumer relies on, so that they need not: a rule set that loads is usable. */
static gboolean
check_rule_set (DeclicRuleSet  *self,
                GError        **error)
{
  const char *name = self->id != NULL ? self->id : "?";
  json_object *node = NULL;

  if (!json_object_object_get_ex (self->root, "format", &node) ||
      !json_object_is_type (node, json_type_int) ||
      json_object_get_int (node) != RULE_SET_FORMAT)
    return fail (error, name, _("its format version is not one this version of Déclic reads"));
  if (self->id == NULL || *self->id == '\0')
    return fail (error, name, _("it has no identifier"));
  if (declic_utils_json_get_string (self->root, "title") == NULL)
    return fail (error, name, _("it has no title"));
  if (declic_utils_json_get_string (self->root, "source") == NULL)
    return fail (error, name, _("it does not say where its figures come from"));
  if (!declic_utils_parse_date (declic_utils_json_get_string (self->root, "effective_from"), &self->effective_from))
    return fail (error, name, _("its start date is missing or not a YYYY-MM-DD date"));

  if (json_object_object_get_ex (self->root, "effective_to", &node) && node != NULL)
    {
      if (!declic_utils_parse_date (json_object_get_string (node), &self->effective_to) ||
          g_date_compare (&self->effective_to, &self->effective_from) < 0)
        return fail (error, name, _("its end date is not a YYYY-MM-DD date after its start date"));
    }

  if (!json_object_object_get_ex (self->root, "groups", &self->groups) ||
      !json_object_is_type (self->groups, json_type_object))
    return fail (error, name, _("it has no figure groups"));

  {
    json_object_object_foreach (self->groups, key, group)
    {
      if (!json_object_is_type (group, json_type_object) ||
          !declic_rule_status_from_id (declic_utils_json_get_string (group, "status"), NULL))
        {
          g_autofree char *what =
            g_strdup_printf (_("its group “%s” has no status (official, secondary, derived or unknown)"), key);
          return fail (error, name, what);
        }
    }
  }

  return TRUE;
}

static DeclicRuleSet *
rule_set_new_from_data (const char  *data,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(DeclicRuleSet) self = NULL;
  g_autoptr(json_tokener) tokener = json_tokener_new ();
  json_object *root;

  if (length < 0)
    length = strlen (data);

  root = json_tokener_parse_ex (tokener, data, (int) length);
  if (root == NULL || json_tokener_get_error (tokener) != json_tokener_success)
    {
      g_autofree char *cause = declic_utils_json_syntax_cause (json_tokener_get_error (tokener), data, (gsize) length,
                                                               json_tokener_get_parse_end (tokener));

      g_clear_pointer (&root, json_object_put);
      g_set_error (error, DECLIC_RULES_ERROR, DECLIC_RULES_ERROR_MALFORMED,
                   _("A rule set is not valid JSON (%s). Reinstall Déclic or report the problem."),
                   cause);
      return NULL;
    }

  self = g_object_new (DECLIC_TYPE_RULE_SET, NULL);
  self->root = root;
  if (!json_object_is_type (root, json_type_object))
    {
      fail (error, "?", _("it is not a JSON object"));
      return NULL;
    }
  self->id = g_strdup (declic_utils_json_get_string (root, "id"));
  self->parent_id = g_strdup (declic_utils_json_get_string (root, "extends"));
  if (!check_rule_set (self, error))
    return NULL;
  bands_read_all (self->groups);

  return g_steal_pointer (&self);
}

const char *
declic_rule_set_get_id (DeclicRuleSet *self)
{
  g_return_val_if_fail (DECLIC_IS_RULE_SET (self), NULL);

  return self->id;
}

/* The title in the UI's language when the file has one. */
const char *
declic_rule_set_get_title (DeclicRuleSet *self)
{
  g_return_val_if_fail (DECLIC_IS_RULE_SET (self), NULL);

  return declic_rules_get_localized (self->root, "title");
}

const char *
declic_rule_set_get_source (DeclicRuleSet *self)
{
  g_return_val_if_fail (DECLIC_IS_RULE_SET (self), NULL);

  return declic_utils_json_get_string (self->root, "source");
}

/**
 * declic_rule_set_get_program:
 *
 * Returns: (nullable): "pstq" when the set has the PSTQ's streams and grid, NULL for a set of
 *   filing conditions only
 */
const char *
declic_rule_set_get_program (DeclicRuleSet *self)
{
  g_return_val_if_fail (DECLIC_IS_RULE_SET (self), NULL);

  return declic_utils_json_get_string (self->root, "program");
}

DeclicRuleSet *
declic_rule_set_get_parent (DeclicRuleSet *self)
{
  g_return_val_if_fail (DECLIC_IS_RULE_SET (self), NULL);

  return self->parent;
}

void
declic_rule_set_get_effective_from (DeclicRuleSet *self,
                                    GDate         *date)
{
  g_return_if_fail (DECLIC_IS_RULE_SET (self));
  g_return_if_fail (date != NULL);

  *date = self->effective_from;
}

/* FALSE when the set has no end date (still in force). */
gboolean
declic_rule_set_get_effective_to (DeclicRuleSet *self,
                                  GDate         *date)
{
  g_return_val_if_fail (DECLIC_IS_RULE_SET (self), FALSE);

  if (!g_date_valid (&self->effective_to))
    return FALSE;
  if (date != NULL)
    *date = self->effective_to;
  return TRUE;
}

/* Both ends are inclusive: a set whose effective_to is 2024-11-28 still applies that day. */
gboolean
declic_rule_set_is_in_force (DeclicRuleSet *self,
                             const GDate   *date)
{
  g_return_val_if_fail (DECLIC_IS_RULE_SET (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (g_date_compare (date, &self->effective_from) < 0)
    return FALSE;
  if (g_date_valid (&self->effective_to) && g_date_compare (date, &self->effective_to) > 0)
    return FALSE;
  return TRUE;
}

/* Déclic's own setting, kept with the data so that it can change without a release. */
guint
declic_rule_set_get_soon_days (DeclicRuleSet *self)
{
  json_object *settings = NULL, *node = NULL;

  g_return_val_if_fail (DECLIC_IS_RULE_SET (self), DECLIC_RULES_DEFAULT_SOON_DAYS);

  for (DeclicRuleSet *set = self; set != NULL; set = set->parent)
    if (json_object_object_get_ex (set->root, "settings", &settings) &&
        json_object_object_get_ex (settings, "soon_days", &node) &&
        json_object_is_type (node, json_type_int) && json_object_get_int (node) >= 0)
      return (guint) json_object_get_int (node);

  return DECLIC_RULES_DEFAULT_SOON_DAYS;
}

/* g_ptr_array_sort () passes pointers to the elements. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/**
 * declic_rule_set_list_groups:
 *
 * Returns: (transfer full): the ids of every figure group, the inherited ones included, sorted
 */
GStrv
declic_rule_set_list_groups (DeclicRuleSet *self)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (DECLIC_IS_RULE_SET (self), NULL);

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  ids = g_ptr_array_new ();
  for (DeclicRuleSet *set = self; set != NULL; set = set->parent)
    {
      json_object_object_foreach (set->groups, key, group)
        {
          (void) group;
          if (g_hash_table_add (seen, key))
            g_ptr_array_add (ids, g_strdup (key));
        }
    }
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

/* A check asks for some sixty groups by name, the same ones at every date of a plan, and each
 * ask hashes the name in every set up the chain. In a freeze the answer is kept in a small
 * direct-mapped memo, by the set's stamp and the name's address; the name's text is compared
 * too, for a name built at an address an earlier one had. */
#define GROUP_MEMO_SLOTS   128
#define GROUP_MEMO_LENGTH  56   /* longer names are looked up every time */

typedef struct
{
  gsize        stamp;    /* 0: never written */
  guint        serial;   /* the freeze it was written in */
  const char  *address;
  json_object *node;     /* NULL: no such group */
  char         name[GROUP_MEMO_LENGTH];
} GroupSlot;

static json_object *
find_group (DeclicRuleSet *self,
            const char    *group)
{
  json_object *node = NULL;

  for (DeclicRuleSet *set = self; set != NULL; set = set->parent)
    if (json_object_object_get_ex (set->groups, group, &node))
      return node;
  return NULL;
}

/**
 * declic_rule_set_get_group:
 * @group: "di_validity", "grid.age", ...
 *
 * Returns: (transfer none) (nullable): the group's JSON object, from this set or the nearest
 *   parent that has it
 */
struct json_object *
declic_rule_set_get_group (DeclicRuleSet *self,
                           const char    *group)
{
  guint serial = 0;
  GroupSlot *memo, *slot;
  json_object *node;
  gsize length;

  g_return_val_if_fail (DECLIC_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (group != NULL, NULL);

  memo = declic_i18n_get_memo (DECLIC_MEMO_RULE_GROUPS, sizeof (GroupSlot) * GROUP_MEMO_SLOTS, &serial);
  if (memo == NULL)
    return find_group (self, group);
  slot = &memo[(((guintptr) group >> 3) ^ self->stamp) % GROUP_MEMO_SLOTS];
  if (slot->stamp == self->stamp && slot->serial == serial && slot->address == group &&
      strcmp (slot->name, group) == 0)
    return slot->node;

  node = find_group (self, group);
  length = strlen (group);
  if (length >= GROUP_MEMO_LENGTH)
    return node;
  slot->stamp = self->stamp;
  slot->serial = serial;
  slot->address = group;
  slot->node = node;
  memcpy (slot->name, group, length + 1);
  return node;
}

gboolean
declic_rule_set_has_group (DeclicRuleSet *self,
                           const char    *group)
{
  return declic_rule_set_get_group (self, group) != NULL;
}

/* UNKNOWN for a group the set does not have: nothing can be surer than that. */
DeclicRuleStatus
declic_rule_set_get_group_status (DeclicRuleSet *self,
                                  const char    *group)
{
  DeclicRuleStatus status = DECLIC_RULE_STATUS_UNKNOWN;

  declic_rule_status_from_id (declic_utils_json_get_string (declic_rule_set_get_group (self, group), "status"),
                              &status);
  return status;
}

const char *
declic_rule_set_get_group_source (DeclicRuleSet *self,
                                  const char    *group)
{
  return declic_utils_json_get_string (declic_rule_set_get_group (self, group), "source");
}

/* An integer figure of a group, or @fallback when the set does not have it. */
gint64
declic_rule_set_get_figure (DeclicRuleSet *self,
                            const char    *group,
                            const char    *name,
                            gint64         fallback)
{
  return declic_utils_json_get_int (declic_rule_set_get_group (self, group), name, fallback);
}

/* ---- Bands ----------------------------------------------------------------------------- */

/* A table of bands as the lookups read it, so that they read each band's members once rather
 * than by name at every lookup: a plan looks its tables up some fifty times. */
typedef struct
{
  const char *column;  /* a member's name, owned by the band's JSON object */
  gboolean    is_int;
  gint64      points;  /* when an integer */
} BandColumn;

typedef struct
{
  gboolean    has_from;
  gboolean    has_to;
  gint64      from;
  gint64      to;
  guint       n_columns;
  BandColumn *columns;  /* the band's members, in their order */
} Band;

typedef struct
{
  guint       n_bands;
  Band       *bands;
  /* A levels table (an object of rows) reads a row's column as lookup_level () in the grid
   * does: a column that is there but not a number gives nothing, rather than "points". */
  gboolean    levels;
  guint       n_maxima;
  BandColumn *maxima;   /* the most each column gives, "points" always among them */
} Bands;

static gboolean
get_int_member (json_object *object,
                const char  *member,
                gint64      *value)
{
  json_object *node = NULL;

  if (!json_object_object_get_ex (object, member, &node) || !json_object_is_type (node, json_type_int))
    return FALSE;
  *value = json_object_get_int64 (node);
  return TRUE;
}

static void
bands_free (Bands *bands)
{
  for (guint i = 0; i < bands->n_bands; i++)
    g_free (bands->bands[i].columns);
  g_free (bands->bands);
  g_free (bands->maxima);
  g_free (bands);
}

static void
bands_free_userdata (json_object *array,
                     void        *userdata)
{
  bands_free (userdata);
}

/* A band's points in @column, else in "points"; in a levels table a column that is there but
 * not a number gives nothing. */
static gboolean
band_get_points (const Band *band,
                 gboolean    levels,
                 const char *column,
                 gint64     *points)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint c = 0; c < band->n_columns; c++)
      if (g_str_equal (band->columns[c].column, pass == 0 ? column : "points"))
        {
          if (band->columns[c].is_int)
            {
              *points = band->columns[c].points;
              return TRUE;
            }
          if (levels)
            return FALSE;
          break;
        }
  return FALSE;
}

/* The most each column of @bands gives, as declic_rule_bands_get_max () reads them: a column
 * that no band has falls back to "points" in every band, so it gives what "points" gives. */
static void
bands_find_maxima (Bands *bands)
{
  guint n_names = 1;

  for (guint i = 0; i < bands->n_bands; i++)
    n_names += bands->bands[i].n_columns;
  bands->maxima = g_new0 (BandColumn, n_names);
  bands->maxima[bands->n_maxima++].column = "points";
  for (guint i = 0; i < bands->n_bands; i++)
    for (guint c = 0; c < bands->bands[i].n_columns; c++)
      {
        const char *column = bands->bands[i].columns[c].column;
        gboolean known = FALSE;

        for (guint m = 0; m < bands->n_maxima && !known; m++)
          known = g_str_equal (bands->maxima[m].column, column);
        if (!known)
          bands->maxima[bands->n_maxima++].column = column;
      }

  for (guint m = 0; m < bands->n_maxima; m++)
    for (guint i = 0; i < bands->n_bands; i++)
      {
        gint64 points;

        if (band_get_points (&bands->bands[i], bands->levels, bands->maxima[m].column, &points))
          bands->maxima[m].points = MAX (bands->maxima[m].points, points);
      }
}

/* The rows of @table as bands: an array's elements, or a levels table's values ({"level":
 * {"single": 104, "spouse": 88}}, in their order). A row that is not an object is a band
 * without members. */
static Bands *
bands_read (json_object *table)
{
  Bands *bands = g_new0 (Bands, 1);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (json_object_is_type (table, json_type_array))
    for (size_t i = 0; i < json_object_array_length (table); i++)
      g_ptr_array_add (rows, json_object_array_get_idx (table, i));
  else if (json_object_is_type (table, json_type_object))
    {
      bands->levels = TRUE;
      {
        json_object_object_foreach (table, key, row)
        {
          (void) key;
          g_ptr_array_add (rows, row);
        }
      }
    }

  bands->n_bands = rows->len;
  bands->bands = g_new0 (Band, bands->n_bands);
  for (guint i = 0; i < bands->n_bands; i++)
    {
      json_object *object = g_ptr_array_index (rows, i);
      Band *band = &bands->bands[i];

      if (!json_object_is_type (object, json_type_object))
        continue;
      band->has_from = get_int_member (object, "from", &band->from);
      band->has_to = get_int_member (object, "to", &band->to);
      band->columns = g_new0 (BandColumn, json_object_object_length (object));
      {
        json_object_object_foreach (object, key, node)
        {
          band->columns[band->n_columns].column = key;
          band->columns[band->n_columns].is_int = json_object_is_type (node, json_type_int);
          if (band->columns[band->n_columns].is_int)
            band->columns[band->n_columns].points = json_object_get_int64 (node);
          band->n_columns++;
        }
      }
    }
  bands_find_maxima (bands);
  return bands;
}

/* Reads every array of objects of @node's tree as bands, and every "levels" table, once, when
 * the rule set is loaded: the rule set is shared by threads afterwards and never changes, so
 * that nothing is written into its JSON later. */
static void
bands_read_all (json_object *node)
{
  if (json_object_is_type (node, json_type_object))
    {
      json_object_object_foreach (node, key, child)
      {
        if (g_str_equal (key, "levels") && json_object_is_type (child, json_type_object))
          json_object_set_userdata (child, bands_read (child), bands_free_userdata);
        bands_read_all (child);
      }
    }
  else if (json_object_is_type (node, json_type_array))
    {
      gboolean of_objects = json_object_array_length (node) > 0;

      for (size_t i = 0; i < json_object_array_length (node); i++)
        if (!json_object_is_type (json_object_array_get_idx (node, i), json_type_object))
          of_objects = FALSE;
      if (of_objects)
        json_object_set_userdata (node, bands_read (node), bands_free_userdata);
    }
}

/* The bands read at load (bands_read_all), else read now into @scratch: a table built by hand,
 * as the tests do. */
static const Bands *
get_bands (json_object  *table,
           Bands       **scratch)
{
  Bands *bands = json_object_get_userdata (table);

  if (bands != NULL)
    return bands;
  *scratch = bands_read (table);
  return *scratch;
}

/* The most @table gives in @column; the first maximum is "points", the fallback of a column no
 * row has. */
static gint64
table_get_max (json_object *table,
               const char  *column)
{
  Bands *scratch = NULL;
  const Bands *bands = get_bands (table, &scratch);
  gint64 max = bands->maxima[0].points;

  for (guint m = 1; m < bands->n_maxima; m++)
    if (g_str_equal (bands->maxima[m].column, column))
      max = bands->maxima[m].points;
  g_clear_pointer (&scratch, bands_free);
  return max;
}

/**
 * declic_rule_bands_lookup:
 * @bands: a JSON array of {"from": N, "to": M (optional: open-ended), COLUMN: points}
 * @value: the input (age, months, level)
 * @column: "points", "single" or "spouse"
 * @points: (out): the points of the band @value falls in
 *
 * Returns: FALSE when no band holds @value (below the first band, for instance)
 */
gboolean
declic_rule_bands_lookup (struct json_object *bands,
                          gint64              value,
                          const char         *column,
                          gint64             *points)
{
  Bands *scratch = NULL;
  const Bands *table;
  gboolean found = FALSE;

  g_return_val_if_fail (column != NULL && points != NULL, FALSE);

  if (bands == NULL || !json_object_is_type (bands, json_type_array))
    return FALSE;

  table = get_bands (bands, &scratch);
  for (guint i = 0; i < table->n_bands && !found; i++)
    {
      const Band *band = &table->bands[i];

      if (!band->has_from || value < band->from)
        continue;
      if (band->has_to && value > band->to)
        continue;
      found = band_get_points (band, FALSE, column, points);
    }
  g_clear_pointer (&scratch, bands_free);
  return found;
}

/* The most a table gives, for the breakdown's "out of" and the grid's maxima. */
gint64
declic_rule_bands_get_max (struct json_object *bands,
                           const char         *column)
{
  if (bands == NULL || !json_object_is_type (bands, json_type_array))
    return 0;
  return table_get_max (bands, column);
}

/**
 * declic_rule_levels_get_max:
 * @levels: a JSON object of {COLUMN: points} rows: {"university_1_3y": {"single": 104}}
 * @column: "points", "single" or "spouse"; a row without it gives its "points"
 *
 * Returns: the most a row gives, 0 for none
 */
gint64
declic_rule_levels_get_max (struct json_object *levels,
                            const char         *column)
{
  if (levels == NULL || !json_object_is_type (levels, json_type_object))
    return 0;
  return table_get_max (levels, column);
}

/**
 * declic_rules_get_localized:
 * @object: a JSON object of a rule set
 * @member: "title"
 *
 * Data files carry their own translations ("title_fr"): gettext cannot reach them.
 *
 * Returns: (nullable): the member in the UI's language, else the English one
 */
const char *
declic_rules_get_localized (struct json_object *object,
                            const char         *member)
{
  g_return_val_if_fail (member != NULL, NULL);

  if (declic_i18n_translations_are_french ())
    {
      g_autofree char *french = g_strconcat (member, "_fr", NULL);
      const char *value = declic_utils_json_get_string (object, french);

      if (value != NULL)
        return value;
    }
  return declic_utils_json_get_string (object, member);
}

/* ---- The collection -------------------------------------------------------------------- */

static void
declic_rules_finalize (GObject *object)
{
  DeclicRules *self = DECLIC_RULES (object);

  g_clear_pointer (&self->sets, g_ptr_array_unref);

  G_OBJECT_CLASS (declic_rules_parent_class)->finalize (object);
}

static void
declic_rules_class_init (DeclicRulesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = declic_rules_finalize;
}

static void
declic_rules_init (DeclicRules *self)
{
  self->sets = g_ptr_array_new_with_free_func (g_object_unref);
}

DeclicRules *
declic_rules_new (void)
{
  return g_object_new (DECLIC_TYPE_RULES, NULL);
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b)
{
  DeclicRuleSet *sa = *(DeclicRuleSet **) a;
  DeclicRuleSet *sb = *(DeclicRuleSet **) b;
  int cmp = g_date_compare (&sa->effective_from, &sb->effective_from);

  return cmp != 0 ? cmp : g_strcmp0 (sa->id, sb->id);
}

/**
 * declic_rules_add_from_data:
 * @data: a rule set file's contents
 *
 * A set that extends another must be added after it: its parent is linked now, so that a
 * missing parent is an error at load time rather than a silent gap in the figures.
 *
 * Returns: (transfer none): the new set, owned by @self, or NULL with @error set
 */
DeclicRuleSet *
declic_rules_add_from_data (DeclicRules  *self,
                            const char   *data,
                            gssize        length,
                            GError      **error)
{
  g_autoptr(DeclicRuleSet) set = NULL;
  DeclicRuleSet *result;

  g_return_val_if_fail (DECLIC_IS_RULES (self), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  set = rule_set_new_from_data (data, length, error);
  if (set == NULL)
    return NULL;

  if (declic_rules_lookup (self, set->id) != NULL)
    {
      g_set_error (error, DECLIC_RULES_ERROR, DECLIC_RULES_ERROR_DUPLICATE,
                   _("Two rule sets have the identifier “%s”."), set->id);
      return NULL;
    }
  if (set->parent_id != NULL)
    {
      set->parent = declic_rules_lookup (self, set->parent_id);
      restamp (set);
      if (set->parent == NULL)
        {
          g_set_error (error, DECLIC_RULES_ERROR, DECLIC_RULES_ERROR_NOT_FOUND,
                       _("The rule set “%s” extends “%s”, which is not loaded."),
                       set->id, set->parent_id);
          return NULL;
        }
    }

  result = set;
  g_ptr_array_add (self->sets, g_steal_pointer (&set));
  g_ptr_array_sort (self->sets, compare_by_start);
  return result;
}

typedef struct
{
  char   *name;
  GBytes *bytes;
} PendingFile;

static void
pending_file_free (gpointer data)
{
  PendingFile *file = data;

  g_free (file->name);
  g_bytes_unref (file->bytes);
  g_free (file);
}

static gboolean
is_rule_set_file (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* Other data shares the folder (language tables): only files that say they are rule sets. */
  return size > 0 && g_strstr_len (data, MIN (size, 512), "\"kind\": \"rule-set\"") != NULL;
}

/**
 * declic_rules_new_from_resources:
 * @resource_dir: a GResource folder, DECLIC_RULES_RESOURCE_DIR
 *
 * Loads every rule set of the folder, parents first whatever their names.
 *
 * Returns: (transfer full): the rule sets, or NULL with @error set when one of them is broken
 */
DeclicRules *
declic_rules_new_from_resources (const char  *resource_dir,
                                 GError     **error)
{
  g_autoptr(DeclicRules) self = declic_rules_new ();
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (pending_file_free);
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (resource_dir != NULL, NULL);

  names = g_resources_enumerate_children (resource_dir, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (resource_dir, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      PendingFile *file;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return NULL;
      if (!is_rule_set_file (bytes))
        continue;
      file = g_new0 (PendingFile, 1);
      file->name = g_strdup (names[i]);
      file->bytes = g_steal_pointer (&bytes);
      g_ptr_array_add (pending, file);
    }

  /* Add what can be added until nothing moves: a set waits for its parent. */
  while (pending->len > 0)
    {
      gboolean progress = FALSE;

      for (guint i = 0; i < pending->len;)
        {
          PendingFile *file = g_ptr_array_index (pending, i);
          g_autoptr(GError) local_error = NULL;
          gsize size;
          const char *data = g_bytes_get_data (file->bytes, &size);

          if (declic_rules_add_from_data (self, data, size, &local_error) != NULL)
            {
              g_ptr_array_remove_index (pending, i);
              progress = TRUE;
              continue;
            }
          if (!g_error_matches (local_error, DECLIC_RULES_ERROR, DECLIC_RULES_ERROR_NOT_FOUND) ||
              pending->len == 1)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          i++;
        }
      if (!progress)
        {
          g_set_error (error, DECLIC_RULES_ERROR, DECLIC_RULES_ERROR_NOT_FOUND,
                       _("The rule sets in %s extend sets that are not there."), resource_dir);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

/**
 * declic_rules_get_default:
 *
 * The built-in rule sets, loaded once. They are part of the program: a broken one is a
 * packaging bug, reported as a critical warning.
 *
 * Returns: (transfer none): the built-in rule sets
 */
DeclicRules *
declic_rules_get_default (void)
{
  static DeclicRules *rules;

  if (g_once_init_enter (&rules))
    {
      g_autoptr(GError) error = NULL;
      DeclicRules *loaded = declic_rules_new_from_resources (DECLIC_RULES_RESOURCE_DIR, &error);

      if (loaded == NULL)
        {
          g_critical ("%s", error->message);
          loaded = declic_rules_new ();
        }
      g_once_init_leave (&rules, loaded);
    }

  return rules;
}

guint
declic_rules_get_n_rule_sets (DeclicRules *self)
{
  g_return_val_if_fail (DECLIC_IS_RULES (self), 0);

  return self->sets->len;
}

/* Ordered by the date they came into force. */
DeclicRuleSet *
declic_rules_get_rule_set (DeclicRules *self,
                           guint        index)
{
  g_return_val_if_fail (DECLIC_IS_RULES (self), NULL);
  g_return_val_if_fail (index < self->sets->len, NULL);

  return g_ptr_array_index (self->sets, index);
}

DeclicRuleSet *
declic_rules_lookup (DeclicRules *self,
                     const char  *id)
{
  g_return_val_if_fail (DECLIC_IS_RULES (self), NULL);

  for (guint i = 0; i < self->sets->len; i++)
    {
      DeclicRuleSet *set = g_ptr_array_index (self->sets, i);

      if (g_strcmp0 (set->id, id) == 0)
        return set;
    }
  return NULL;
}

/* As declic_rules_lookup (), with an error a person can act on (the command line's --rules). */
DeclicRuleSet *
declic_rules_get (DeclicRules  *self,
                  const char   *id,
                  GError      **error)
{
  DeclicRuleSet *set;
  g_autoptr(GString) known = NULL;

  g_return_val_if_fail (DECLIC_IS_RULES (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  set = declic_rules_lookup (self, id);
  if (set != NULL)
    return set;

  known = g_string_new (NULL);
  for (guint i = 0; i < self->sets->len; i++)
    g_string_append_printf (known, "%s%s", i > 0 ? ", " : "",
                            ((DeclicRuleSet *) g_ptr_array_index (self->sets, i))->id);
  g_set_error (error, DECLIC_RULES_ERROR, DECLIC_RULES_ERROR_NOT_FOUND,
               _("There is no rule set “%s”. Known rule sets: %s."), id, known->str);
  return NULL;
}

/**
 * declic_rules_pick_for_date:
 * @date: the reference date of a check
 *
 * Of the sets in force on @date, the one that came into force last: it is the most specific
 * (the PSTQ set extends the filing conditions, which stay in force under it).
 *
 * Returns: (transfer none): the set, or NULL with @error set when none is in force
 */
DeclicRuleSet *
declic_rules_pick_for_date (DeclicRules  *self,
                            const GDate  *date,
                            GError      **error)
{
  g_return_val_if_fail (DECLIC_IS_RULES (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  for (guint i = self->sets->len; i > 0; i--)
    {
      DeclicRuleSet *set = g_ptr_array_index (self->sets, i - 1);

      if (declic_rule_set_is_in_force (set, date))
        return set;
    }

  {
    g_autofree char *text = declic_format_date_long (date, NULL);

    g_set_error (error, DECLIC_RULES_ERROR, DECLIC_RULES_ERROR_NONE_IN_FORCE,
                 _("No rule set of this version of Déclic was in force on %s."), text);
  }
  return NULL;
}
