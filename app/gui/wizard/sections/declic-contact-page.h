/* declic-contact-page.h: the wizard's page of the DI's contact details section. */
#pragma once

#include "declic-section-page.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_CONTACT_PAGE (declic_contact_page_get_type ())
G_DECLARE_FINAL_TYPE (DeclicContactPage, declic_contact_page, DECLIC, CONTACT_PAGE, DeclicSectionPage)

G_END_DECLS
