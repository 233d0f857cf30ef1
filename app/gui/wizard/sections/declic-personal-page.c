/* declic-personal-page.c: the wizard's page of the DI's personal information section:
 * its template alone (ui/wizard/sections/declic-personal-page.ui). */
#include "config.h"

#include "declic-personal-page.h"

DECLIC_DEFINE_SECTION_PAGE (DeclicPersonalPage, declic_personal_page, DECLIC_SECTION_PERSONAL,
                            "/ca/declic/Declic/ui/wizard/sections/declic-personal-page.ui",
                            NULL, NULL)
