/* declic-spouse-links.h: which drafts of a workspace a representative linked as spouses.
 *
 * The link is the representative's working note, not DI content: it lives in the workspace's
 * private metadata, ".declic/links.json" (0600 in a 0700 folder, written atomically), as pairs
 * of draft ids: { "format": 1, "spouses": [ [ "id-a", "id-b" ], … ] }. A draft is linked to at
 * most one other. The loader is strict: a file that is a link, not a regular file, too large,
 * not this format, or with an id that cannot name a draft, twice the same id or a draft linked
 * to itself is refused with an error, never half read. No file is no links.
 *
 * Each draft's file is the store's "ID.json" (declic_store_path_for_id ()).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DECLIC_SPOUSE_LINKS_ERROR (declic_spouse_links_error_quark ())
GQuark declic_spouse_links_error_quark (void);

typedef enum
{
  DECLIC_SPOUSE_LINKS_ERROR_INVALID,   /* the file is damaged or refused */
  DECLIC_SPOUSE_LINKS_ERROR_IO,
  DECLIC_SPOUSE_LINKS_ERROR_LINKED,    /* a draft is linked to another already */
} DeclicSpouseLinksError;

#define DECLIC_SPOUSE_LINKS_FILE ".declic/links.json"

typedef struct _DeclicSpouseLinks DeclicSpouseLinks;

DeclicSpouseLinks *declic_spouse_links_new         (const char         *workspace);
DeclicSpouseLinks *declic_spouse_links_load        (const char         *workspace,
                                                    GError            **error);
gboolean           declic_spouse_links_save        (DeclicSpouseLinks  *self,
                                                    GError            **error);
DeclicSpouseLinks *declic_spouse_links_copy        (DeclicSpouseLinks  *self);
void               declic_spouse_links_free        (DeclicSpouseLinks  *self);

const char        *declic_spouse_links_get_workspace (DeclicSpouseLinks *self);
/* The id of the draft linked to @id, or %NULL. */
const char        *declic_spouse_links_get_spouse  (DeclicSpouseLinks  *self,
                                                    const char         *id);
guint              declic_spouse_links_get_n_links (DeclicSpouseLinks  *self);
/* Fails when an id cannot name a draft, both are the same, or either is linked to another. */
gboolean           declic_spouse_links_link        (DeclicSpouseLinks  *self,
                                                    const char         *id_a,
                                                    const char         *id_b,
                                                    GError            **error);
/* Removes @id's link; returns the id it was linked to (owned by the caller), or %NULL. */
char              *declic_spouse_links_unlink      (DeclicSpouseLinks  *self,
                                                    const char         *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeclicSpouseLinks, declic_spouse_links_free)

G_END_DECLS
