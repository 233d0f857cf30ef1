/* declic-quebec-page.c: the wizard's page of the DI's ties to Québec section:
 * its template alone (ui/wizard/sections/declic-quebec-page.ui). */
#include "config.h"

#include "declic-quebec-page.h"

DECLIC_DEFINE_SECTION_PAGE (DeclicQuebecPage, declic_quebec_page, DECLIC_SECTION_QUEBEC,
                            "/ca/declic/Declic/ui/wizard/sections/declic-quebec-page.ui",
                            NULL, NULL)
