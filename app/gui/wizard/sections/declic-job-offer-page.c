/* declic-job-offer-page.c: the wizard's page of the DI's validated job offer section.
 *
 * The offer's details show once the user says there is one.
 */
#include "config.h"

#include "declic-job-offer-page.h"

static const char *const children[] = { "offer_group", NULL };

static void
refresh (DeclicSectionPage *page)
{
  declic_section_page_show_when (page, declic_section_page_get_child (page, "offer_group"),
                                 "job_offer.has_offer", TRUE);
}

DECLIC_DEFINE_SECTION_PAGE (DeclicJobOfferPage, declic_job_offer_page, DECLIC_SECTION_JOB_OFFER,
                            "/ca/declic/Declic/ui/wizard/sections/declic-job-offer-page.ui",
                            refresh, children)
