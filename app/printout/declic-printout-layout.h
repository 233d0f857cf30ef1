/* declic-printout-layout.h: a printout laid out on pages with Pango and cairo, no GTK.
 *
 * The layout is worked out once for a page size on a cairo context (a PDF surface's on the
 * command line, GtkPrintContext's in the window), then each page is drawn on request, so the
 * PDF and the printed pages are the same. Units are points (1/72 inch): GtkPrintOperation is set
 * to GTK_UNIT_POINTS and the full page. Every page carries the client label, the draft id and
 * "Page N of M" at its foot.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "declic-printout.h"

G_BEGIN_DECLS

typedef enum
{
  DECLIC_PAPER_A4,
  DECLIC_PAPER_LETTER,
} DeclicPaper;

gboolean    declic_paper_from_id      (const char  *id,        /* "a4", "letter" */
                                       DeclicPaper *paper);
void        declic_paper_get_size     (DeclicPaper  paper,
                                       double      *width,
                                       double      *height);

#define DECLIC_TYPE_PRINTOUT_LAYOUT (declic_printout_layout_get_type ())
G_DECLARE_FINAL_TYPE (DeclicPrintoutLayout, declic_printout_layout, DECLIC, PRINTOUT_LAYOUT, GObject)

DeclicPrintoutLayout *declic_printout_layout_new        (DeclicPrintout       *printout,
                                                         cairo_t              *cr,
                                                         double                page_width,
                                                         double                page_height);
guint                 declic_printout_layout_get_n_pages (DeclicPrintoutLayout *self);
void                  declic_printout_layout_draw_page  (DeclicPrintoutLayout *self,
                                                         cairo_t              *cr,
                                                         guint                 page);

/* The whole printout as a PDF file, written atomically with mode 0600. */
gboolean              declic_printout_save_pdf          (DeclicPrintout       *printout,
                                                         DeclicPaper           paper,
                                                         const char           *path,
                                                         GError              **error);

G_END_DECLS
