/* declic-english-page.c: the wizard's page of the DI's English section.
 *
 * The list of results shows unless the user says there is none.
 */
#include "config.h"

#include "declic-english-page.h"

static const char *const children[] = { "results", NULL };

static void
refresh (DeclicSectionPage *page)
{
  declic_section_page_show_when (page, declic_section_page_get_child (page, "results"),
                                 "english.no_result", FALSE);
}

DECLIC_DEFINE_SECTION_PAGE (DeclicEnglishPage, declic_english_page, DECLIC_SECTION_ENGLISH,
                            "/ca/declic/Declic/ui/wizard/sections/declic-english-page.ui",
                            refresh, children)
