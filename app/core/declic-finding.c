/* declic-finding.c: one thing a check found in a draft (see the header). */
#define G_LOG_DOMAIN "declic-finding"

#include "config.h"

#include <string.h>

#include "declic-finding.h"
#include "declic-format.h"
#include "declic-i18n.h"

struct _DeclicFinding
{
  GObject         parent_instance;
  char           *code;
  char           *path;
  char           *message;
  DeclicSection   section;
  DeclicSeverity  severity;
};

G_DEFINE_FINAL_TYPE (DeclicFinding, declic_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_PATH,
  PROP_SECTION,
  PROP_SEVERITY,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
declic_severity_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { DECLIC_SEVERITY_INFO, "DECLIC_SEVERITY_INFO", "info" },
        { DECLIC_SEVERITY_WARNING, "DECLIC_SEVERITY_WARNING", "warning" },
        { DECLIC_SEVERITY_ERROR, "DECLIC_SEVERITY_ERROR", "error" },
        { 0, NULL, NULL }
      };
      g_once_init_leave (&type_id, g_enum_register_static (g_intern_static_string ("DeclicSeverity"), values));
    }

  return type_id;
}

/* A stable, untranslated name for files and the command line's machine-readable output. */
const char *
declic_severity_get_id (DeclicSeverity severity)
{
  switch (severity)
    {
    case DECLIC_SEVERITY_INFO:
      return "info";
    case DECLIC_SEVERITY_WARNING:
      return "warning";
    case DECLIC_SEVERITY_ERROR:
      return "error";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
declic_severity_get_label (DeclicSeverity severity)
{
  switch (severity)
    {
    case DECLIC_SEVERITY_INFO:
      return _("Information");
    case DECLIC_SEVERITY_WARNING:
      return _("Warning");
    case DECLIC_SEVERITY_ERROR:
      return _("Error");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
declic_finding_finalize (GObject *object)
{
  DeclicFinding *self = DECLIC_FINDING (object);

  g_free (self->code);
  g_free (self->path);
  g_free (self->message);

  G_OBJECT_CLASS (declic_finding_parent_class)->finalize (object);
}

static void
declic_finding_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DeclicFinding *self = DECLIC_FINDING (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_SECTION:
      g_value_set_int (value, self->section);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
declic_finding_class_init (DeclicFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = declic_finding_finalize;
  object_class->get_property = declic_finding_get_property;

  /* Read-only: a finding is made whole by declic_finding_new () and never changes, so list
   * rows bound to it need no notification. */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* DeclicSection has no GType of its own (it lives in the field table); an int carries it. */
  properties[PROP_SECTION] =
    g_param_spec_int ("section", NULL, NULL,
                      DECLIC_SECTION_NONE, DECLIC_N_SECTIONS - 1, DECLIC_SECTION_NONE,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       DECLIC_TYPE_SEVERITY, DECLIC_SEVERITY_INFO,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
declic_finding_init (DeclicFinding *self)
{
  self->section = DECLIC_SECTION_NONE;
}

/* Takes ownership of @message. */
static DeclicFinding *
new_taking_message (const char     *code,
                    const char     *path,
                    DeclicSection   section,
                    DeclicSeverity  severity,
                    char           *message)
{
  DeclicFinding *self = g_object_new (DECLIC_TYPE_FINDING, NULL);

  self->code = g_strdup (code);
  self->path = g_strdup (path != NULL ? path : "");
  self->section = section;
  self->severity = severity;
  self->message = message;

  return self;
}

/* What declic_finding_new_printf() and declic_finding_list_add_printf() share: the checks of
 * their arguments and the formatted message. Declared a printf-like function taking a va_list,
 * or clang's -Wformat-nonliteral (an error with -Werror=format=2) refuses the fuzz build. */
static DeclicFinding *new_valist (const char     *code,
                                  const char     *path,
                                  DeclicSection   section,
                                  DeclicSeverity  severity,
                                  const char     *format,
                                  va_list         args) G_GNUC_PRINTF (5, 0);

static DeclicFinding *
new_valist (const char     *code,
            const char     *path,
            DeclicSection   section,
            DeclicSeverity  severity,
            const char     *format,
            va_list         args)
{
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (section >= DECLIC_SECTION_NONE && section < DECLIC_N_SECTIONS, NULL);
  g_return_val_if_fail (severity <= DECLIC_SEVERITY_ERROR, NULL);

  return new_taking_message (code, path, section, severity, g_strdup_vprintf (format, args));
}

/**
 * declic_finding_new:
 * @code: a stable identifier, "section.field.problem"
 * @path: (nullable): the concrete field path, "education[1].end_date"; NULL or "" for the draft
 * @section: the DI section, or %DECLIC_SECTION_NONE
 * @severity: how serious
 * @message: the translated sentence shown to people
 *
 * Returns: (transfer full): a new finding
 */
DeclicFinding *
declic_finding_new (const char     *code,
                    const char     *path,
                    DeclicSection   section,
                    DeclicSeverity  severity,
                    const char     *message)
{
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (section >= DECLIC_SECTION_NONE && section < DECLIC_N_SECTIONS, NULL);
  g_return_val_if_fail (severity <= DECLIC_SEVERITY_ERROR, NULL);

  return new_taking_message (code, path, section, severity, g_strdup (message));
}

/**
 * declic_finding_new_printf:
 * @format: a translated printf() format for the message
 *
 * Returns: (transfer full): a new finding
 */
DeclicFinding *
declic_finding_new_printf (const char     *code,
                           const char     *path,
                           DeclicSection   section,
                           DeclicSeverity  severity,
                           const char     *format,
                           ...)
{
  va_list args;
  DeclicFinding *finding;

  va_start (args, format);
  finding = new_valist (code, path, section, severity, format, args);
  va_end (args);

  return finding;
}

const char *
declic_finding_get_code (DeclicFinding *self)
{
  g_return_val_if_fail (DECLIC_IS_FINDING (self), NULL);

  return self->code;
}

/**
 * declic_finding_get_path:
 *
 * Returns: the concrete field path, or "" when the finding is about the draft as a whole
 */
const char *
declic_finding_get_path (DeclicFinding *self)
{
  g_return_val_if_fail (DECLIC_IS_FINDING (self), NULL);

  return self->path;
}

DeclicSection
declic_finding_get_section (DeclicFinding *self)
{
  g_return_val_if_fail (DECLIC_IS_FINDING (self), DECLIC_SECTION_NONE);

  return self->section;
}

DeclicSeverity
declic_finding_get_severity (DeclicFinding *self)
{
  g_return_val_if_fail (DECLIC_IS_FINDING (self), DECLIC_SEVERITY_INFO);

  return self->severity;
}

const char *
declic_finding_get_message (DeclicFinding *self)
{
  g_return_val_if_fail (DECLIC_IS_FINDING (self), NULL);

  return self->message;
}

/* Whether this finding alone keeps the DI from being filed. */
gboolean
declic_finding_is_blocking (DeclicFinding *self)
{
  g_return_val_if_fail (DECLIC_IS_FINDING (self), FALSE);

  return self->severity == DECLIC_SEVERITY_ERROR;
}

/* The checks name an empty required field "<field>.required" (declic-validate-report.c, and
 * "In Canada, the province is required") and a required section with nothing in it
 * "<section>.empty": nothing was typed wrong, something is still to do. */
gboolean
declic_finding_is_to_fill (DeclicFinding *self)
{
  g_return_val_if_fail (DECLIC_IS_FINDING (self), FALSE);

  return self->severity == DECLIC_SEVERITY_ERROR
         && (g_str_has_suffix (self->code, ".required") || g_str_has_suffix (self->code, ".empty"));
}

char *
declic_finding_format_counts (guint n_errors,
                              guint n_to_fill)
{
  g_autofree char *errors = NULL;
  g_autofree char *to_fill = NULL;
  guint n_wrong;

  n_to_fill = MIN (n_to_fill, n_errors);
  n_wrong = n_errors - n_to_fill;
  if (n_wrong > 0)
    {
      g_autofree char *count = declic_format_integer (n_wrong, NULL);

      errors = g_strdup_printf (declic_i18n_ngettext ("%s error", "%s errors", n_wrong), count);
    }
  if (n_to_fill > 0)
    {
      g_autofree char *count = declic_format_integer (n_to_fill, NULL);

      to_fill = g_strdup_printf (declic_i18n_ngettext ("%s field to fill", "%s fields to fill",
                                                       n_to_fill), count);
    }
  if (errors != NULL && to_fill != NULL)
    /* TRANSLATORS: "2 errors, 9 fields to fill" */
    return g_strdup_printf (C_("counts", "%s, %s"), errors, to_fill);
  if (errors != NULL)
    return g_steal_pointer (&errors);
  return g_steal_pointer (&to_fill);
}

/**
 * declic_finding_list_new:
 *
 * Returns: (transfer full) (element-type DeclicFinding): an empty list that owns its findings
 */
GPtrArray *
declic_finding_list_new (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * declic_finding_list_add:
 *
 * Returns: (transfer none): the finding, owned by @list
 */
DeclicFinding *
declic_finding_list_add (GPtrArray      *list,
                         const char     *code,
                         const char     *path,
                         DeclicSection   section,
                         DeclicSeverity  severity,
                         const char     *message)
{
  DeclicFinding *finding;

  g_return_val_if_fail (list != NULL, NULL);

  finding = declic_finding_new (code, path, section, severity, message);
  if (finding != NULL)
    g_ptr_array_add (list, finding);
  return finding;
}

/**
 * declic_finding_list_add_printf:
 *
 * Returns: (transfer none): the finding, owned by @list
 */
DeclicFinding *
declic_finding_list_add_printf (GPtrArray      *list,
                                const char     *code,
                                const char     *path,
                                DeclicSection   section,
                                DeclicSeverity  severity,
                                const char     *format,
                                ...)
{
  va_list args;
  DeclicFinding *finding;

  g_return_val_if_fail (list != NULL, NULL);

  va_start (args, format);
  finding = new_valist (code, path, section, severity, format, args);
  va_end (args);

  if (finding != NULL)
    g_ptr_array_add (list, finding);
  return finding;
}

guint
declic_finding_list_count (GPtrArray      *list,
                           DeclicSection   section,
                           DeclicSeverity  severity)
{
  guint n = 0;

  g_return_val_if_fail (list != NULL, 0);

  for (guint i = 0; i < list->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (list, i);

      if (finding->severity == severity &&
          (section == DECLIC_SECTION_NONE || finding->section == section))
        n++;
    }
  return n;
}

guint
declic_finding_list_count_to_fill (GPtrArray     *list,
                                   DeclicSection  section)
{
  guint n = 0;

  g_return_val_if_fail (list != NULL, 0);

  for (guint i = 0; i < list->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (list, i);

      if (declic_finding_is_to_fill (finding) &&
          (section == DECLIC_SECTION_NONE || finding->section == section))
        n++;
    }
  return n;
}

gboolean
declic_finding_list_has_errors (GPtrArray *list)
{
  return declic_finding_list_count (list, DECLIC_SECTION_NONE, DECLIC_SEVERITY_ERROR) > 0;
}

/**
 * declic_finding_list_find:
 * @code: the finding's code
 * @path: (nullable): its path, or NULL for any
 *
 * Returns: (transfer none) (nullable): the first match
 */
DeclicFinding *
declic_finding_list_find (GPtrArray  *list,
                          const char *code,
                          const char *path)
{
  g_return_val_if_fail (list != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < list->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (list, i);

      if (g_str_equal (finding->code, code) && (path == NULL || g_str_equal (finding->path, path)))
        return finding;
    }
  return NULL;
}

/* "education[1]" covers "education[1]" and "education[1].title", not "education[10]". */
static gboolean
path_is_under (const char *path,
               const char *prefix)
{
  gsize len = strlen (prefix);

  if (len == 0)
    return TRUE;
  if (strncmp (path, prefix, len) != 0)
    return FALSE;
  return path[len] == '\0' || path[len] == '.' || path[len] == '[';
}

/**
 * declic_finding_list_filter_path:
 * @path: a concrete path; "" matches every finding
 *
 * Returns: (transfer full) (element-type DeclicFinding): a new list sharing the matching findings
 */
GPtrArray *
declic_finding_list_filter_path (GPtrArray  *list,
                                 const char *path)
{
  GPtrArray *matches;

  g_return_val_if_fail (list != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  matches = declic_finding_list_new ();
  for (guint i = 0; i < list->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (list, i);

      if (path_is_under (finding->path, path))
        g_ptr_array_add (matches, g_object_ref (finding));
    }
  return matches;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  DeclicFinding *fa = *(DeclicFinding **) a;
  DeclicFinding *fb = *(DeclicFinding **) b;

  if (fa->section != fb->section)
    return fa->section < fb->section ? -1 : 1;
  if (fa->severity != fb->severity)
    return fa->severity > fb->severity ? -1 : 1;
  return 0;
}

void
declic_finding_list_sort (GPtrArray *list)
{
  g_return_if_fail (list != NULL);

  /* g_ptr_array_sort () is stable (GLib ≥ 2.32), which keeps the check order within a group. */
  g_ptr_array_sort (list, compare_findings);
}
