/* declic-french-page.h: the wizard's page of the DI's French section. */
#pragma once

#include "declic-section-page.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_FRENCH_PAGE (declic_french_page_get_type ())
G_DECLARE_FINAL_TYPE (DeclicFrenchPage, declic_french_page, DECLIC, FRENCH_PAGE, DeclicSectionPage)

G_END_DECLS
