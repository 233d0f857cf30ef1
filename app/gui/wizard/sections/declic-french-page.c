/* declic-french-page.c: the wizard's page of the DI's French section.
 *
 * The list of results shows unless the user says there is none.
 */
#include "config.h"

#include "declic-french-page.h"

static const char *const children[] = { "results", NULL };

static void
refresh (DeclicSectionPage *page)
{
  declic_section_page_show_when (page, declic_section_page_get_child (page, "results"),
                                 "french.no_result", FALSE);
}

DECLIC_DEFINE_SECTION_PAGE (DeclicFrenchPage, declic_french_page, DECLIC_SECTION_FRENCH,
                            "/ca/declic/Declic/ui/wizard/sections/declic-french-page.ui",
                            refresh, children)
