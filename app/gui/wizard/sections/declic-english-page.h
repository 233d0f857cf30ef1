/* declic-english-page.h: the wizard's page of the DI's English section. */
#pragma once

#include "declic-section-page.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_ENGLISH_PAGE (declic_english_page_get_type ())
G_DECLARE_FINAL_TYPE (DeclicEnglishPage, declic_english_page, DECLIC, ENGLISH_PAGE, DeclicSectionPage)

G_END_DECLS
