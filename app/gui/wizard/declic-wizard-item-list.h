/* declic-wizard-item-list.h: the repeated items of one array of the draft, with Add. */
#pragma once

#include <adwaita.h>

#include "declic-draft-items.h"
#include "declic-wizard.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_WIZARD_ITEM_LIST (declic_wizard_item_list_get_type ())
G_DECLARE_FINAL_TYPE (DeclicWizardItemList, declic_wizard_item_list, DECLIC, WIZARD_ITEM_LIST, AdwPreferencesGroup)

void              declic_wizard_item_list_bind           (DeclicWizardItemList *self,
                                                          DeclicWizard         *wizard);
const char       *declic_wizard_item_list_get_array_path (DeclicWizardItemList *self);
DeclicDraftItems *declic_wizard_item_list_get_model      (DeclicWizardItemList *self);
GtkWidget        *declic_wizard_item_list_get_add_button (DeclicWizardItemList *self);
gboolean          declic_wizard_item_list_focus_item     (DeclicWizardItemList *self,
                                                          guint                 position);
void              declic_wizard_item_list_refresh        (DeclicWizardItemList *self);
void              declic_wizard_item_list_load           (DeclicWizardItemList *self);
void              declic_wizard_item_list_forget         (DeclicWizardItemList *self);

G_END_DECLS
