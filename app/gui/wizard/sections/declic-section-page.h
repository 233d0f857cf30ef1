/* declic-section-page.h: the base of the wizard's pages, one per section of the DI. */
#pragma once

#include <adwaita.h>

#include "declic-draft-fields.h"
#include "declic-wizard.h"

G_BEGIN_DECLS

typedef struct _DeclicWizardItemList DeclicWizardItemList;

#define DECLIC_TYPE_SECTION_PAGE (declic_section_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (DeclicSectionPage, declic_section_page, DECLIC, SECTION_PAGE, AdwBin)

struct _DeclicSectionPageClass
{
  AdwBinClass   parent_class;

  /* Set by each page's class_init. */
  DeclicSection section;

  /* After each check, once the fields show their messages: what the page shows of its own
   * (the groups that apply to the situation, the work history's window). */
  void        (*refresh) (DeclicSectionPage *self);
};

GtkWidget            *declic_section_page_new            (GType              type,
                                                          DeclicWizard      *wizard);
DeclicSection         declic_section_page_get_section    (DeclicSectionPage *self);
DeclicWizard         *declic_section_page_get_wizard     (DeclicSectionPage *self);
gboolean              declic_section_page_is_bound       (DeclicSectionPage *self);
void                  declic_section_page_bind           (DeclicSectionPage *self);
void                  declic_section_page_unbind         (DeclicSectionPage *self);
void                  declic_section_page_refresh        (DeclicSectionPage *self);
DeclicWizardItemList *declic_section_page_get_item_list  (DeclicSectionPage *self,
                                                          const char        *array_path);
void                  declic_section_page_show_when      (DeclicSectionPage *self,
                                                          GtkWidget         *widget,
                                                          const char        *boolean_path,
                                                          gboolean           value);

/* A template child of the page by its id ("offer_group"), for a page's refresh (). */
GtkWidget            *declic_section_page_get_child      (DeclicSectionPage *self,
                                                          const char        *id);

void                  declic_section_page_class_setup    (DeclicSectionPageClass *klass,
                                                          DeclicSection      section,
                                                          const char        *resource,
                                                          void             (*refresh) (DeclicSectionPage *self),
                                                          const char *const *children);

/* Defines a page: its type, its section, its template's resource, its refresh () (or NULL) and
 * the ids of the template's children that refresh () asks for (a NULL-terminated array, or
 * NULL). What a page does of its own is in its refresh (); the rest is its template's. */
#define DECLIC_DEFINE_SECTION_PAGE(TypeName, type_name, SECTION, RESOURCE, REFRESH, CHILDREN) \
  struct _##TypeName { DeclicSectionPage parent_instance; };                                \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, DECLIC_TYPE_SECTION_PAGE)                       \
  static void type_name##_class_init (TypeName##Class *klass)                               \
  {                                                                                          \
    declic_section_page_class_setup (DECLIC_SECTION_PAGE_CLASS (klass), SECTION, RESOURCE,  \
                                     REFRESH, CHILDREN);                                     \
  }                                                                                          \
  static void type_name##_init (TypeName *self)                                             \
  {                                                                                          \
    gtk_widget_init_template (GTK_WIDGET (self));                                           \
  }

G_END_DECLS
