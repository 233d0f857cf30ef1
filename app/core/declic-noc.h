/* declic-noc.h: the National Occupational Classification (NOC) 2021 unit groups.
 *
 * The 516 unit groups, with official English and French titles, are read from a CSV file. The
 * program carries its own copy in its resources (resources/data/noc-2021.csv, with its source,
 * credit line and checksum in resources/data/SOURCE.md); a file on the search path
 * (declic_noc_find_default_file ()) overrides it. When no usable list exists the app still
 * checks a code's form (declic_noc_code_is_well_formed ()), and says why it could not check the
 * code against the list.
 *
 * Columns, by header name: code, title_en, title_fr, teer, and optionally broad_category and
 * major_group. RFC 4180 quoting, UTF-8, CRLF or LF line endings.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DECLIC_NOC_ERROR (declic_noc_error_quark ())

typedef enum
{
  DECLIC_NOC_ERROR_NOT_FOUND,
  DECLIC_NOC_ERROR_ENCODING,
  DECLIC_NOC_ERROR_MALFORMED,
  DECLIC_NOC_ERROR_INVALID_ENTRY,
  DECLIC_NOC_ERROR_UNREADABLE,
} DeclicNocError;

/* The file's base name on the search path (declic_noc_find_default_file ()). */
#define DECLIC_NOC_FILE_NAME "noc-2021.csv"

/* The built-in list, in the core's resources. */
#define DECLIC_NOC_RESOURCE "/ca/declic/Declic/core/data/noc-2021.csv"

/* One unit group. Owned by its DeclicNoc: valid as long as the DeclicNoc is alive. */
typedef struct _DeclicNocEntry DeclicNocEntry;

#define DECLIC_TYPE_NOC (declic_noc_get_type ())
G_DECLARE_FINAL_TYPE (DeclicNoc, declic_noc, DECLIC, NOC, GObject)

GQuark      declic_noc_error_quark                  (void);

/* Pure checks of a code's form: usable without the list. */
gboolean    declic_noc_code_is_well_formed          (const char           *code);
int         declic_noc_code_get_teer                (const char           *code);

DeclicNoc  *declic_noc_new_from_file                (const char           *path,
                                                     GError              **error);
DeclicNoc  *declic_noc_new_from_data                (const char           *data,
                                                     gssize                length,
                                                     GError              **error);
DeclicNoc  *declic_noc_new_builtin                  (GError              **error);
char       *declic_noc_find_default_file            (void);
DeclicNoc  *declic_noc_load_default                 (GError              **error);
DeclicNoc  *declic_noc_get_default                  (void);
const GError *declic_noc_get_default_error          (void);
const char *declic_noc_get_origin                   (DeclicNoc            *self);

guint                 declic_noc_get_n_entries      (DeclicNoc            *self);
const DeclicNocEntry *declic_noc_get_entry          (DeclicNoc            *self,
                                                     guint                 index);
const DeclicNocEntry *declic_noc_lookup             (DeclicNoc            *self,
                                                     const char           *code);
GPtrArray            *declic_noc_search             (DeclicNoc            *self,
                                                     const char           *query,
                                                     guint                 max_results);

const char *declic_noc_entry_get_code               (const DeclicNocEntry *entry);
const char *declic_noc_entry_get_title_en           (const DeclicNocEntry *entry);
const char *declic_noc_entry_get_title_fr           (const DeclicNocEntry *entry);
const char *declic_noc_entry_get_title              (const DeclicNocEntry *entry,
                                                     const char           *lang);
const char *declic_noc_entry_get_localized_title    (const DeclicNocEntry *entry);
int         declic_noc_entry_get_teer               (const DeclicNocEntry *entry);
const char *declic_noc_entry_get_broad_category     (const DeclicNocEntry *entry);
const char *declic_noc_entry_get_major_group        (const DeclicNocEntry *entry);

G_END_DECLS
