/* declic-representative-page.h: the wizard's page of the DI's representative section. */
#pragma once

#include "declic-section-page.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_REPRESENTATIVE_PAGE (declic_representative_page_get_type ())
G_DECLARE_FINAL_TYPE (DeclicRepresentativePage, declic_representative_page, DECLIC, REPRESENTATIVE_PAGE, DeclicSectionPage)

G_END_DECLS
