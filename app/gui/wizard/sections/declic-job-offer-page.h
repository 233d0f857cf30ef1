/* declic-job-offer-page.h: the wizard's page of the DI's validated job offer section. */
#pragma once

#include "declic-section-page.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_JOB_OFFER_PAGE (declic_job_offer_page_get_type ())
G_DECLARE_FINAL_TYPE (DeclicJobOfferPage, declic_job_offer_page, DECLIC, JOB_OFFER_PAGE, DeclicSectionPage)

G_END_DECLS
