/* declic-work-page.h: the wizard's page of the DI's work history section. */
#pragma once

#include "declic-section-page.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_WORK_PAGE (declic_work_page_get_type ())
G_DECLARE_FINAL_TYPE (DeclicWorkPage, declic_work_page, DECLIC, WORK_PAGE, DeclicSectionPage)

G_END_DECLS
