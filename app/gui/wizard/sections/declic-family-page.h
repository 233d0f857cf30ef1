/* declic-family-page.h: the wizard's page of the DI's family section. */
#pragma once

#include "declic-section-page.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_FAMILY_PAGE (declic_family_page_get_type ())
G_DECLARE_FINAL_TYPE (DeclicFamilyPage, declic_family_page, DECLIC, FAMILY_PAGE, DeclicSectionPage)

G_END_DECLS
