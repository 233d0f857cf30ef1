/* declic-wizard-item.h: the rows of one repeated item of the wizard (a diploma, a work period). */
#pragma once

#include <adwaita.h>

#include "declic-draft-item.h"
#include "declic-wizard.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_WIZARD_ITEM (declic_wizard_item_get_type ())
G_DECLARE_FINAL_TYPE (DeclicWizardItem, declic_wizard_item, DECLIC, WIZARD_ITEM, AdwExpanderRow)

GtkWidget       *declic_wizard_item_new             (DeclicWizard     *wizard,
                                                     DeclicDraftItem  *item);
DeclicDraftItem *declic_wizard_item_get_item        (DeclicWizardItem *self);
void             declic_wizard_item_update          (DeclicWizardItem *self,
                                                     guint             position,
                                                     guint             n_stored);
void             declic_wizard_item_update_summary  (DeclicWizardItem *self);
void             declic_wizard_item_load            (DeclicWizardItem *self);
gboolean         declic_wizard_item_focus           (DeclicWizardItem *self);
void             declic_wizard_item_unregister      (DeclicWizardItem *self);
void             declic_wizard_item_register        (DeclicWizardItem *self);
void             declic_wizard_item_forget          (DeclicWizardItem *self);
void             declic_wizard_item_bind            (DeclicWizardItem *self,
                                                     DeclicDraftItem  *item);
int              declic_wizard_item_find_focus      (DeclicWizardItem *self,
                                                     GtkWidget        *focus);
void             declic_wizard_item_focus_field     (DeclicWizardItem *self,
                                                     int               index);

G_END_DECLS
