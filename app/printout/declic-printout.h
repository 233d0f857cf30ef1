/* declic-printout.h: a draft's summary to print, hand over for signature or save.
 *
 * The printout is a document model, a list of blocks (headings, labelled values, paragraphs,
 * list items, signature lines), worked out once from a draft and its check (declic-check.h) in
 * one language: every section's values with their labels, the findings still open, the streams
 * with their reasons, the points *estimate* with its breakdown, the deadlines, the date and rule
 * set of the check, and a declaration with signature lines for the client and the representative.
 *
 * The same model is written as plain, accessible HTML here and laid out on pages by
 * declic-printout-layout.h (PDF on the command line, GtkPrintOperation in the window), so every
 * output says the same thing.
 *
 * The labels come from gettext: the caller makes the messages' language the printout's language
 * (main.c applies `--lang`); @lang drives what gettext cannot (dates, NOC titles, `lang`).
 */
#pragma once

#include <gio/gio.h>

#include "declic-check.h"
#include "declic-draft.h"

G_BEGIN_DECLS

#define DECLIC_PRINTOUT_ERROR (declic_printout_error_quark ())

typedef enum
{
  DECLIC_PRINTOUT_ERROR_WRITE,
  DECLIC_PRINTOUT_ERROR_RENDER,
} DeclicPrintoutError;

typedef enum
{
  DECLIC_PRINTOUT_TITLE,       /* the document's title, once */
  DECLIC_PRINTOUT_HEADING,     /* a part: a DI section, the findings, the deadlines ... */
  DECLIC_PRINTOUT_SUBHEADING,  /* an item of a list: "Diploma 1" */
  DECLIC_PRINTOUT_FIELD,       /* label and value */
  DECLIC_PRINTOUT_PARAGRAPH,
  DECLIC_PRINTOUT_ITEM,        /* a bullet; level 1 is under the previous one */
  DECLIC_PRINTOUT_NOTE,        /* small print */
  DECLIC_PRINTOUT_SIGNATURE,   /* a label and a line to write on */
} DeclicPrintoutKind;

typedef struct
{
  DeclicPrintoutKind  kind;
  char               *label;   /* FIELD and SIGNATURE, else NULL */
  char               *text;    /* plain text, never markup */
  guint               level;   /* ITEM: 0 or 1 */
} DeclicPrintoutBlock;

#define DECLIC_TYPE_PRINTOUT (declic_printout_get_type ())
G_DECLARE_FINAL_TYPE (DeclicPrintout, declic_printout, DECLIC, PRINTOUT, GObject)

GQuark          declic_printout_error_quark    (void);

DeclicPrintout *declic_printout_new            (DeclicDraft    *draft,
                                                DeclicCheck    *check,
                                                const char     *lang);

const char     *declic_printout_get_language   (DeclicPrintout *self);
const char     *declic_printout_get_title      (DeclicPrintout *self);
const char     *declic_printout_get_client_label (DeclicPrintout *self);
const char     *declic_printout_get_draft_id   (DeclicPrintout *self);
guint           declic_printout_get_n_blocks   (DeclicPrintout *self);
const DeclicPrintoutBlock *declic_printout_get_block (DeclicPrintout *self,
                                                guint           index);
/* "Exemple : Julien Marchand · 5f3c… · Page 2 of 3": what every page carries. */
char           *declic_printout_dup_page_footer (DeclicPrintout *self,
                                                guint           page,
                                                guint           n_pages);

char           *declic_printout_to_html        (DeclicPrintout *self);
gboolean        declic_printout_save_html      (DeclicPrintout *self,
                                                const char     *path,
                                                GError        **error);

/* Writes @length bytes to @path atomically, mode 0600: a summary holds passport and family details. */
gboolean        declic_printout_write_private_file (const char *path,
                                                const char     *data,
                                                gsize           length,
                                                GError        **error);

G_END_DECLS
