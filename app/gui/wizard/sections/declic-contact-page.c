/* declic-contact-page.c: the wizard's page of the DI's contact details section:
 * its template alone (ui/wizard/sections/declic-contact-page.ui). */
#include "config.h"

#include "declic-contact-page.h"

DECLIC_DEFINE_SECTION_PAGE (DeclicContactPage, declic_contact_page, DECLIC_SECTION_CONTACT,
                            "/ca/declic/Declic/ui/wizard/sections/declic-contact-page.ui",
                            NULL, NULL)
