/* declic-wizard.h: the editor of one draft, section by section. */
#pragma once

#include <adwaita.h>

#include "declic-draft.h"
#include "declic-draft-fields.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_WIZARD (declic_wizard_get_type ())
G_DECLARE_FINAL_TYPE (DeclicWizard, declic_wizard, DECLIC, WIZARD, AdwBin)

/* The pages after the DI sections. */
typedef enum
{
  DECLIC_WIZARD_PAGE_REVIEW = DECLIC_N_SECTIONS,
  DECLIC_WIZARD_PAGE_ELIGIBILITY,
  DECLIC_WIZARD_PAGE_DEADLINES,
  DECLIC_WIZARD_PAGE_PLAN,
  DECLIC_WIZARD_N_PAGES
} DeclicWizardPage;

GtkWidget   *declic_wizard_new            (void);
DeclicDraft *declic_wizard_get_draft      (DeclicWizard  *self);
void         declic_wizard_set_draft      (DeclicWizard  *self,
                                           DeclicDraft   *draft);
/* The draft linked to the open one as its spouse's (declic-spouse-link.h), checked against it:
 * @spouse_id %NULL when not linked, @spouse %NULL when its draft is not found. */
void         declic_wizard_set_spouse     (DeclicWizard  *self,
                                           DeclicDraft   *spouse,
                                           const char    *spouse_id);
/* @section: a DeclicSection or a DeclicWizardPage. */
void         declic_wizard_show_section   (DeclicWizard  *self,
                                           int            section);
int          declic_wizard_get_section    (DeclicWizard  *self);
gboolean     declic_wizard_focus_path     (DeclicWizard  *self,
                                           const char    *path);
/* The findings of the last check (owned by the wizard), for the window's summary. */
GPtrArray   *declic_wizard_get_findings   (DeclicWizard  *self);
/* The row that edits @path and the widget that takes input in it (entry row, combo row, switch,
 * drop-down), or NULL: for tests and for the window's "jump to field". */
GtkWidget   *declic_wizard_get_row        (DeclicWizard  *self,
                                           const char    *path);
GtkWidget   *declic_wizard_get_input      (DeclicWizard  *self,
                                           const char    *path);
/* The button that adds an item to @array_path ("education"), or NULL. */
GtkWidget   *declic_wizard_get_add_button (DeclicWizard  *self,
                                           const char    *array_path);

G_END_DECLS
