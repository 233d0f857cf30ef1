/* declic-family-page.c: the wizard's page of the DI's family section.
 *
 * The spouse's groups show only for a spouse who counts: married or in a de facto union, and
 * accompanying (declic_applies_spouse (), the rule the findings use too).
 */
#include "config.h"

#include "declic-applies.h"
#include "declic-family-page.h"

/* The spouse's groups */
static const char *const children[] = {
  "spouse_group", "spouse_french_group", "spouse_french_results",
  "spouse_english_group", "spouse_english_results", NULL
};

static void
refresh (DeclicSectionPage *page)
{
  DeclicDraft *draft = declic_wizard_get_draft (declic_section_page_get_wizard (page));
  gboolean spouse = draft == NULL || declic_applies_spouse (declic_draft_get_root (draft));

  for (guint i = 0; children[i] != NULL; i++)
    gtk_widget_set_visible (declic_section_page_get_child (page, children[i]), spouse);
}

DECLIC_DEFINE_SECTION_PAGE (DeclicFamilyPage, declic_family_page, DECLIC_SECTION_FAMILY,
                            "/ca/declic/Declic/ui/wizard/sections/declic-family-page.ui",
                            refresh, children)
