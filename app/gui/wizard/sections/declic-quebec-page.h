/* declic-quebec-page.h: the wizard's page of the DI's ties to Québec section. */
#pragma once

#include "declic-section-page.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_QUEBEC_PAGE (declic_quebec_page_get_type ())
G_DECLARE_FINAL_TYPE (DeclicQuebecPage, declic_quebec_page, DECLIC, QUEBEC_PAGE, DeclicSectionPage)

G_END_DECLS
