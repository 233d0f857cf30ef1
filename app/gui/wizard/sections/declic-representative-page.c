/* declic-representative-page.c: the wizard's page of the DI's representative section:
 * its template alone (ui/wizard/sections/declic-representative-page.ui). */
#include "config.h"

#include "declic-representative-page.h"

DECLIC_DEFINE_SECTION_PAGE (DeclicRepresentativePage, declic_representative_page, DECLIC_SECTION_REPRESENTATIVE,
                            "/ca/declic/Declic/ui/wizard/sections/declic-representative-page.ui",
                            NULL, NULL)
