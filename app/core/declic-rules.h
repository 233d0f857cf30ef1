/* declic-rules.h: versioned rule sets, read from data files.
 *
 * A rule set is a JSON file under resources/rules/ (compiled into the core GResource at
 * /ca/declic/Declic/core/rules/) with "kind": "rule-set", an id, a title, the dates it is in force
 * (effective_from, and effective_to or null when open), a source note and named *figure groups*.
 * Every group carries a "status" with DI.md's labels (official, secondary, derived, unknown), so
 * whatever shows a figure can say how sure it is. A rule set may extend another one: the groups it
 * does not define come from its parent (the PSTQ set extends the 2023 filing conditions).
 *
 * The figures themselves stay JSON: the eligibility, points and deadline modules read the groups
 * they know (declic_rule_set_get_group ()) so that a new grid is a new data file, not new code.
 *
 * A draft records in "rule_set_id" the set it was last checked with. Nothing here writes it:
 * checking with another set leaves the draft alone, and the caller decides whether to store it.
 */
#pragma once

#include <gio/gio.h>

struct json_object;

G_BEGIN_DECLS

#define DECLIC_RULES_ERROR (declic_rules_error_quark ())

typedef enum
{
  DECLIC_RULES_ERROR_NOT_FOUND,
  DECLIC_RULES_ERROR_MALFORMED,
  DECLIC_RULES_ERROR_DUPLICATE,
  DECLIC_RULES_ERROR_NONE_IN_FORCE,
} DeclicRulesError;

/* How sure a figure is (DI.md's labels). Ordered from most to least sure. */
typedef enum
{
  DECLIC_RULE_STATUS_OFFICIAL,
  DECLIC_RULE_STATUS_SECONDARY,
  DECLIC_RULE_STATUS_DERIVED,
  DECLIC_RULE_STATUS_UNKNOWN,
} DeclicRuleStatus;

/* Where the built-in rule sets live in the core GResource. */
#define DECLIC_RULES_RESOURCE_DIR "/ca/declic/Declic/core/rules/"

/* Days before a deadline from which it is "soon", when a rule set does not say. */
#define DECLIC_RULES_DEFAULT_SOON_DAYS 30

GQuark            declic_rules_error_quark        (void);

const char       *declic_rule_status_get_id       (DeclicRuleStatus  status);  /* "official", ... */
const char       *declic_rule_status_get_label    (DeclicRuleStatus  status);  /* translated */
gboolean          declic_rule_status_from_id      (const char       *id,
                                                   DeclicRuleStatus *status);

#define DECLIC_TYPE_RULE_SET (declic_rule_set_get_type ())
G_DECLARE_FINAL_TYPE (DeclicRuleSet, declic_rule_set, DECLIC, RULE_SET, GObject)

#define DECLIC_TYPE_RULES (declic_rules_get_type ())
G_DECLARE_FINAL_TYPE (DeclicRules, declic_rules, DECLIC, RULES, GObject)

/* A collection of rule sets. */
DeclicRules      *declic_rules_new                (void);
DeclicRules      *declic_rules_new_from_resources (const char       *resource_dir,
                                                   GError          **error);
DeclicRules      *declic_rules_get_default        (void);
DeclicRuleSet    *declic_rules_add_from_data      (DeclicRules      *self,
                                                   const char       *data,
                                                   gssize            length,
                                                   GError          **error);
guint             declic_rules_get_n_rule_sets    (DeclicRules      *self);
DeclicRuleSet    *declic_rules_get_rule_set       (DeclicRules      *self,
                                                   guint             index);
DeclicRuleSet    *declic_rules_lookup             (DeclicRules      *self,
                                                   const char       *id);
DeclicRuleSet    *declic_rules_get                (DeclicRules      *self,
                                                   const char       *id,
                                                   GError          **error);
DeclicRuleSet    *declic_rules_pick_for_date      (DeclicRules      *self,
                                                   const GDate      *date,
                                                   GError          **error);

/* One rule set. */
const char       *declic_rule_set_get_id          (DeclicRuleSet    *self);
const char       *declic_rule_set_get_title       (DeclicRuleSet    *self);
const char       *declic_rule_set_get_source      (DeclicRuleSet    *self);
const char       *declic_rule_set_get_program     (DeclicRuleSet    *self);
DeclicRuleSet    *declic_rule_set_get_parent      (DeclicRuleSet    *self);
void              declic_rule_set_get_effective_from (DeclicRuleSet *self,
                                                   GDate            *date);
gboolean          declic_rule_set_get_effective_to (DeclicRuleSet   *self,
                                                   GDate            *date);
gboolean          declic_rule_set_is_in_force     (DeclicRuleSet    *self,
                                                   const GDate      *date);
guint             declic_rule_set_get_soon_days   (DeclicRuleSet    *self);

/* Figure groups, the parent's included. */
GStrv             declic_rule_set_list_groups     (DeclicRuleSet    *self);
gboolean          declic_rule_set_has_group       (DeclicRuleSet    *self,
                                                   const char       *group);
struct json_object *declic_rule_set_get_group       (DeclicRuleSet    *self,
                                                   const char       *group);
DeclicRuleStatus  declic_rule_set_get_group_status (DeclicRuleSet   *self,
                                                   const char       *group);
const char       *declic_rule_set_get_group_source (DeclicRuleSet   *self,
                                                   const char       *group);
gint64            declic_rule_set_get_figure      (DeclicRuleSet    *self,
                                                   const char       *group,
                                                   const char       *name,
                                                   gint64            fallback);

/* Bands, as in the grid's tables: [{"from": 12, "to": 23, "points": 40}, ...]. */
gboolean          declic_rule_bands_lookup        (struct json_object *bands,
                                                   gint64            value,
                                                   const char       *column,
                                                   gint64           *points);
gint64            declic_rule_bands_get_max       (struct json_object *bands,
                                                   const char       *column);
/* Levels, as in the grid's education tables: {"university_1_3y": {"single": 104, "spouse": 88}}. */
gint64            declic_rule_levels_get_max      (struct json_object *levels,
                                                   const char       *column);

/* A localized string member: "title_fr" when the UI speaks French, else "title". */
const char       *declic_rules_get_localized      (struct json_object *object,
                                                   const char       *member);

G_END_DECLS
