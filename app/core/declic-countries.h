/* declic-countries.h: countries and their subdivisions, from Debian's iso-codes.
 *
 * The lists come from iso-codes' ISO 3166-1 and ISO 3166-2 JSON files and their names'
 * translations from its gettext domains "iso_3166-1" and "iso_3166-2": the project keeps no list
 * of its own. Drafts store codes (ISO 3166-1 alpha-2 "CA", ISO 3166-2 "CA-QC"); names are looked
 * up in the messages language each time they are shown.
 *
 * Postal code formats are data too (resources/rules/postal-codes.json, in the core GResource).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DECLIC_COUNTRIES_ERROR (declic_countries_error_quark ())

typedef enum
{
  DECLIC_COUNTRIES_ERROR_NOT_FOUND,
  DECLIC_COUNTRIES_ERROR_MALFORMED,
} DeclicCountriesError;

/* Owned by their DeclicCountries: valid as long as it is alive. */
typedef struct _DeclicCountry DeclicCountry;
typedef struct _DeclicSubdivision DeclicSubdivision;

typedef enum
{
  DECLIC_POSTAL_CODE_VALID,
  DECLIC_POSTAL_CODE_INVALID,
  DECLIC_POSTAL_CODE_UNKNOWN_FORMAT,
} DeclicPostalCodeCheck;

#define DECLIC_TYPE_COUNTRIES (declic_countries_get_type ())
G_DECLARE_FINAL_TYPE (DeclicCountries, declic_countries, DECLIC, COUNTRIES, GObject)

GQuark                   declic_countries_error_quark         (void);

char                    *declic_countries_find_iso_codes_dir  (void);
DeclicCountries         *declic_countries_new_from_dir        (const char          *json_dir,
                                                               const char          *locale_dir,
                                                               GError             **error);
DeclicCountries         *declic_countries_get_default         (void);

guint                    declic_countries_get_n_countries     (DeclicCountries     *self);
const DeclicCountry     *declic_countries_lookup              (DeclicCountries     *self,
                                                               const char          *code);
gboolean                 declic_countries_is_valid_code       (DeclicCountries     *self,
                                                               const char          *code);
GPtrArray               *declic_countries_list_sorted         (DeclicCountries     *self);
GPtrArray               *declic_countries_search              (DeclicCountries     *self,
                                                               const char          *query,
                                                               guint                max_results);
GPtrArray               *declic_countries_get_subdivisions    (DeclicCountries     *self,
                                                               const char          *country_code);
const DeclicSubdivision *declic_countries_lookup_subdivision  (DeclicCountries     *self,
                                                               const char          *code);

const char              *declic_country_get_code              (const DeclicCountry *country);
const char              *declic_country_get_alpha3            (const DeclicCountry *country);
const char              *declic_country_get_name              (const DeclicCountry *country);
const char              *declic_country_get_localized_name    (const DeclicCountry *country);

const char              *declic_subdivision_get_code          (const DeclicSubdivision *subdivision);
const char              *declic_subdivision_get_country_code  (const DeclicSubdivision *subdivision);
const char              *declic_subdivision_get_name          (const DeclicSubdivision *subdivision);
const char              *declic_subdivision_get_localized_name (const DeclicSubdivision *subdivision);
const char              *declic_subdivision_get_kind          (const DeclicSubdivision *subdivision);
const char              *declic_subdivision_get_parent        (const DeclicSubdivision *subdivision);

DeclicPostalCodeCheck    declic_postal_code_check             (const char          *country_code,
                                                               const char          *postal_code);
const char              *declic_postal_code_get_example       (const char          *country_code);
char                    *declic_postal_code_normalize         (const char          *postal_code);

G_END_DECLS
