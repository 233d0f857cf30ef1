/* declic-consent-page.h: the wizard's page of the DI's consent section. */
#pragma once

#include "declic-section-page.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_CONSENT_PAGE (declic_consent_page_get_type ())
G_DECLARE_FINAL_TYPE (DeclicConsentPage, declic_consent_page, DECLIC, CONSENT_PAGE, DeclicSectionPage)

G_END_DECLS
