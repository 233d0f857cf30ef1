/* declic-consent-page.c: the wizard's page of the DI's consent section:
 * its template alone (ui/wizard/sections/declic-consent-page.ui). */
#include "config.h"

#include "declic-consent-page.h"

DECLIC_DEFINE_SECTION_PAGE (DeclicConsentPage, declic_consent_page, DECLIC_SECTION_CONSENT,
                            "/ca/declic/Declic/ui/wizard/sections/declic-consent-page.ui",
                            NULL, NULL)
