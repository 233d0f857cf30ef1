/* declic-wizard-private.h: what the wizard's files share. Not installed, not for other widgets. */
#pragma once

#include "declic-wizard.h"
#include "declic-finding.h"
#include "declic-validate.h"
#include "sections/declic-section-page.h"

G_BEGIN_DECLS

/* One input bound to one draft path. Owned by DeclicWizard.fields; the widgets by the page. */
typedef struct
{
  DeclicWizard          *wizard;
  char                  *path;          /* "education[1].end_date" */
  const DeclicFieldSpec *spec;
  DeclicSection          section;
  GtkWidget             *row;           /* AdwEntryRow, AdwComboRow or AdwActionRow */
  GtkWidget             *input;         /* what takes the value: the row itself, a switch, a drop-down */
  GtkWidget             *message_row;   /* a GtkListBoxRow under the row, shown with a message */
  GtkLabel              *message_label;
  GtkWidget             *info_label;    /* NOC title, language level: NULL for most fields */
  GtkWidget             *popover;       /* NOC search */
  GtkWidget             *results;       /* NOC and country search results (GtkListBox) */
  GtkWidget             *search_entry;  /* country search */
  GtkWidget             *entry_row;     /* provinces: a text entry, or a combo of the country's */
  GtkWidget             *combo_row;     /*   ISO 3166-2 subdivisions when it has some */
  char                  *subdivision_country; /* the country the combo lists */
  GtkWidget             *calendar;      /* dates */
  GtkWidget             *written_date;  /* dates: the value written out, beside the ISO form */
  GPtrArray             *codes;         /* country drop-downs, province combos: index → code (NULL first) */
  char                  *local_error;   /* a value the draft cannot hold ("12a" in a number) */
  gboolean               applies;       /* declic_applies_field (): shown at all */
  /* What declic_wizard_field_set_message () showed last: every check calls it for every field,
   * and one that changes nothing then costs nothing (no CSS or accessibility update). */
  gboolean               message_set;
  DeclicSeverity         shown_severity;
  char                  *shown_message;
  GtkWidget             *shown_row;
  gboolean               shown_applies;
  GtkEventController    *focus[2];      /* on row and combo_row: the focus leaving the field */
} DeclicWizardField;

struct _DeclicWizard
{
  AdwBin                  parent_instance;

  /* Template children */
  AdwToastOverlay        *toast_overlay;
  AdwLeaflet             *leaflet;
  GtkWidget              *sidebar_box;
  GtkWidget              *separator;
  GtkListBox             *sidebar_list;
  GtkWidget              *content_box;
  GtkStack               *stack;
  GtkWidget              *sections_button;
  GtkWidget              *previous_button;
  GtkWidget              *next_button;

  /* State */
  DeclicDraft            *draft;
  DeclicDraft            *spouse;        /* the linked spouse's draft, or NULL */
  char                   *spouse_id;     /* linked to it, or NULL when not linked */
  gulong                  changed_handler;
  DeclicValidateContext  *context;
  GPtrArray              *findings;
  GHashTable             *fields;        /* path → DeclicWizardField, owned */
  DeclicSectionPage      *section_pages[DECLIC_N_SECTIONS];
  GtkWidget              *extra_pages[DECLIC_WIZARD_N_PAGES - DECLIC_WIZARD_PAGE_REVIEW];
  GtkWidget              *sidebar_rows[DECLIC_WIZARD_N_PAGES];
  int                     current;
  guint                   loading;       /* > 0 while widgets are filled from the draft */
  guint                   writing;       /* > 0 while a widget writes to the draft */
  gboolean                summary_dirty;

  /* Quiet until asked: a required field left empty shows as still to fill, not as an error,
   * until the user leaves it empty, goes past its section with Next or opens Review. A jump
   * in the sidebar passes nothing: the sections skipped, and the one left, stay quiet. */
  GHashTable             *asked;         /* paths the user left empty */
  gboolean                passed[DECLIC_N_SECTIONS];
  gboolean                review_opened;

  /* The last removed item, for Undo */
  char                   *undo_array;
  guint                   undo_index;
  char                   *undo_json;
};

/* declic-wizard-field.c */
DeclicWizardField *declic_wizard_field_new        (DeclicWizard      *wizard,
                                                   const char        *path,
                                                   const char        *title);
void               declic_wizard_field_free       (DeclicWizardField *field);
void               declic_wizard_field_load       (DeclicWizardField *field);
void               declic_wizard_field_set_message (DeclicWizardField *field,
                                                   DeclicSeverity     severity,
                                                   const char        *message);
void               declic_wizard_field_forget_message (DeclicWizardField *field);
void               declic_wizard_field_drop_unstored (DeclicWizardField *field);
void               declic_wizard_field_update_info (DeclicWizardField *field);
void               declic_wizard_field_focus      (DeclicWizardField *field);
void               declic_wizard_field_set_applies (DeclicWizardField *field,
                                                   gboolean           applies);
void               declic_wizard_field_set_path   (DeclicWizardField *field,
                                                   const char        *path);
guint              declic_wizard_field_insert_into (DeclicWizardField *field,
                                                   GtkListBox        *list,
                                                   int                position);
/* Adds the field's row and its message row to a preferences group or an expander row. */
void               declic_wizard_field_add_to     (DeclicWizardField *field,
                                                   GtkWidget         *container);

/* declic-wizard-summary.c */
GtkWidget         *declic_wizard_summary_new_page (DeclicWizard      *self,
                                                   int                page);
void               declic_wizard_summary_rebuild  (DeclicWizard      *self,
                                                   int                page);
void               declic_wizard_summary_load_fields (DeclicWizard   *self);
void               declic_wizard_summary_refresh_fields (DeclicWizard *self);

/* declic-wizard-life.c */
GtkWidget         *declic_wizard_life_new_group   (DeclicWizard      *self);

/* declic-wizard.c */
gboolean           declic_wizard_finding_is_quiet (DeclicWizard      *self,
                                                   DeclicFinding     *finding);
void               declic_wizard_field_left_empty (DeclicWizard      *self,
                                                   const char        *path);
void               declic_wizard_revalidate       (DeclicWizard      *self);
void               declic_wizard_write_begin      (DeclicWizard      *self);
void               declic_wizard_write_end        (DeclicWizard      *self);
void               declic_wizard_remove_item      (DeclicWizard      *self,
                                                   const char        *array_path,
                                                   guint              index);
void               declic_wizard_item_emptying    (DeclicWizard      *self,
                                                   const char        *item_path);
void               declic_wizard_drop_empty_containers (DeclicWizard *self,
                                                   const char        *array_path);
void               declic_wizard_add_item         (DeclicWizard      *self,
                                                   const char        *array_path);
void               declic_wizard_move_item        (DeclicWizard      *self,
                                                   const char        *array_path,
                                                   guint              from,
                                                   guint              to);
const char        *declic_wizard_page_get_title   (int                page);

G_END_DECLS
