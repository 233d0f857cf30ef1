/* declic-education-page.h: the wizard's page of the DI's education section. */
#pragma once

#include "declic-section-page.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_EDUCATION_PAGE (declic_education_page_get_type ())
G_DECLARE_FINAL_TYPE (DeclicEducationPage, declic_education_page, DECLIC, EDUCATION_PAGE, DeclicSectionPage)

G_END_DECLS
