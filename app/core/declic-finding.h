/* declic-finding.h: one thing a check found in a draft.
 *
 * Validation (declic-validate.h) and the eligibility rules report what they find as findings: a
 * stable code that tests, the CLI and the GUI can match on ("personal.birth_date.required"), the
 * concrete field path it concerns ("education[1].end_date", or "" for the draft as a whole), the
 * DI section, a severity and a translated sentence saying what is wrong and how to fix it.
 *
 * A finding is immutable once made. It is a GObject so that the GUI can put findings straight
 * into a GListStore and bind to their properties.
 *
 * A list of findings is a plain GPtrArray that owns its DeclicFinding (free function
 * g_object_unref); declic_finding_list_new () makes one and the helpers below read it.
 */
#pragma once

#include <glib-object.h>

#include "declic-draft-fields.h"

G_BEGIN_DECLS

/* Ordered: a larger value is more serious, so "severity >= DECLIC_SEVERITY_WARNING" reads well. */
typedef enum
{
  DECLIC_SEVERITY_INFO,
  DECLIC_SEVERITY_WARNING,
  DECLIC_SEVERITY_ERROR,  /* blocks filing */
} DeclicSeverity;

#define DECLIC_TYPE_SEVERITY (declic_severity_get_type ())
GType        declic_severity_get_type   (void) G_GNUC_CONST;
const char  *declic_severity_get_id     (DeclicSeverity severity);  /* "info", "warning", "error" */
const char  *declic_severity_get_label  (DeclicSeverity severity);  /* translated */

#define DECLIC_TYPE_FINDING (declic_finding_get_type ())
G_DECLARE_FINAL_TYPE (DeclicFinding, declic_finding, DECLIC, FINDING, GObject)

DeclicFinding  *declic_finding_new          (const char     *code,
                                             const char     *path,
                                             DeclicSection   section,
                                             DeclicSeverity  severity,
                                             const char     *message);
DeclicFinding  *declic_finding_new_printf   (const char     *code,
                                             const char     *path,
                                             DeclicSection   section,
                                             DeclicSeverity  severity,
                                             const char     *format,
                                             ...) G_GNUC_PRINTF (5, 6);

const char     *declic_finding_get_code     (DeclicFinding  *self);
const char     *declic_finding_get_path     (DeclicFinding  *self);
DeclicSection   declic_finding_get_section  (DeclicFinding  *self);
DeclicSeverity  declic_finding_get_severity (DeclicFinding  *self);
const char     *declic_finding_get_message  (DeclicFinding  *self);
gboolean        declic_finding_is_blocking  (DeclicFinding  *self);
/* A required field, question or section left empty ("….required", "….empty"): still to fill rather than a wrong
 * value. It blocks filing like any error; the list, the CLI and the wizard count it apart. */
gboolean        declic_finding_is_to_fill   (DeclicFinding  *self);

/* "3 errors", "9 fields to fill", "1 error, 2 fields to fill"; NULL when @n_errors is 0.
 * @n_errors counts every blocking error, @n_to_fill those that are fields to fill. The list of
 * drafts, the wizard and `declic check` all say it this way. */
char           *declic_finding_format_counts (guint          n_errors,
                                             guint          n_to_fill);

/* Lists: GPtrArray of DeclicFinding, owning them. */
GPtrArray      *declic_finding_list_new     (void);
DeclicFinding  *declic_finding_list_add     (GPtrArray      *list,
                                             const char     *code,
                                             const char     *path,
                                             DeclicSection   section,
                                             DeclicSeverity  severity,
                                             const char     *message);
DeclicFinding  *declic_finding_list_add_printf (GPtrArray   *list,
                                             const char     *code,
                                             const char     *path,
                                             DeclicSection   section,
                                             DeclicSeverity  severity,
                                             const char     *format,
                                             ...) G_GNUC_PRINTF (6, 7);
/* @section DECLIC_SECTION_NONE counts every section. */
guint           declic_finding_list_count   (GPtrArray      *list,
                                             DeclicSection   section,
                                             DeclicSeverity  severity);
gboolean        declic_finding_list_has_errors (GPtrArray   *list);
/* Errors that are fields to fill (declic_finding_is_to_fill ()), in @section or every one. */
guint           declic_finding_list_count_to_fill (GPtrArray *list,
                                             DeclicSection   section);
/* The first finding with @code (and @path, unless NULL), or NULL. */
DeclicFinding  *declic_finding_list_find    (GPtrArray      *list,
                                             const char     *code,
                                             const char     *path);
/* Findings on @path and on the fields under it ("education[1]" matches "education[1].title"). */
GPtrArray      *declic_finding_list_filter_path (GPtrArray  *list,
                                             const char     *path);
/* Stable sort: by section, then most serious first; the order within stays the check order. */
void            declic_finding_list_sort    (GPtrArray      *list);

G_END_DECLS
