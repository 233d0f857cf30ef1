/* declic-personal-page.h: the wizard's page of the DI's personal information section. */
#pragma once

#include "declic-section-page.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_PERSONAL_PAGE (declic_personal_page_get_type ())
G_DECLARE_FINAL_TYPE (DeclicPersonalPage, declic_personal_page, DECLIC, PERSONAL_PAGE, DeclicSectionPage)

G_END_DECLS
