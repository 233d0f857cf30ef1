/* declic-education-page.c: the wizard's page of the DI's education section:
 * its template alone (ui/wizard/sections/declic-education-page.ui). */
#include "config.h"

#include "declic-education-page.h"

DECLIC_DEFINE_SECTION_PAGE (DeclicEducationPage, declic_education_page, DECLIC_SECTION_EDUCATION,
                            "/ca/declic/Declic/ui/wizard/sections/declic-education-page.ui",
                            NULL, NULL)
