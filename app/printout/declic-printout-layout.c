/* declic-printout-layout.c: a printout's pages, with Pango and cairo (see the header). */
#define G_LOG_DOMAIN "declic-printout"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "declic-printout-layout.h"

/* In points. About 2 cm of margin, and room for the foot line under the text. */
#define MARGIN        56.0
#define FOOTER_GAP    28.0
#define LABEL_RATIO   0.36
#define COLUMN_GAP    12.0
#define ITEM_INDENT   14.0
#define SIGNATURE_GAP 30.0
#define FONT_FAMILY   "Sans"

typedef struct
{
  const DeclicPrintoutBlock *block;
  PangoLayout               *label;   /* FIELD and SIGNATURE */
  PangoLayout               *text;
  double                     space_before;
  double                     height;
  guint                      page;
  double                     y;
} Placed;

struct _DeclicPrintoutLayout
{
  GObject         parent_instance;

  DeclicPrintout *printout;
  PangoContext   *context;
  double          page_width;
  double          page_height;
  GArray         *placed;   /* Placed */
  guint           n_pages;
};

G_DEFINE_TYPE (DeclicPrintoutLayout, declic_printout_layout, G_TYPE_OBJECT)

gboolean
declic_paper_from_id (const char  *id,
                      DeclicPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (g_ascii_strcasecmp (id != NULL ? id : "", "a4") == 0)
    *paper = DECLIC_PAPER_A4;
  else if (g_ascii_strcasecmp (id != NULL ? id : "", "letter") == 0)
    *paper = DECLIC_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

void
declic_paper_get_size (DeclicPaper  paper,
                       double      *width,
                       double      *height)
{
  /* ISO 216 A4 is 210 × 297 mm; US Letter 8.5 × 11 in. */
  if (paper == DECLIC_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 210.0 / 25.4 * 72.0;
      *height = 297.0 / 25.4 * 72.0;
    }
}

static void
placed_clear (gpointer data)
{
  Placed *placed = data;

  g_clear_object (&placed->label);
  g_clear_object (&placed->text);
}

static void
declic_printout_layout_finalize (GObject *object)
{
  DeclicPrintoutLayout *self = DECLIC_PRINTOUT_LAYOUT (object);

  g_clear_pointer (&self->placed, g_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->printout);

  G_OBJECT_CLASS (declic_printout_layout_parent_class)->finalize (object);
}

static void
declic_printout_layout_class_init (DeclicPrintoutLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = declic_printout_layout_finalize;
}

static void
declic_printout_layout_init (DeclicPrintoutLayout *self)
{
  self->placed = g_array_new (FALSE, TRUE, sizeof (Placed));
  g_array_set_clear_func (self->placed, placed_clear);
}

static PangoLayout *
make_layout (DeclicPrintoutLayout *self,
             const char           *text,
             double                size,
             PangoWeight           weight,
             PangoStyle            style,
             double                width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (gint) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* Plain text: a draft's "<b>" is shown, never interpreted. */
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

static void
measure (DeclicPrintoutLayout *self,
         Placed               *placed)
{
  const DeclicPrintoutBlock *block = placed->block;
  double text_width = self->page_width - 2 * MARGIN;
  double label_width = text_width * LABEL_RATIO;

  switch (block->kind)
    {
    case DECLIC_PRINTOUT_TITLE:
      placed->text = make_layout (self, block->text, 17, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, text_width);
      placed->height = layout_height (placed->text);
      placed->space_before = 0;
      break;
    case DECLIC_PRINTOUT_HEADING:
      placed->text = make_layout (self, block->text, 13, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, text_width);
      placed->height = layout_height (placed->text) + 4;
      placed->space_before = 16;
      break;
    case DECLIC_PRINTOUT_SUBHEADING:
      placed->text = make_layout (self, block->text, 10.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, text_width);
      placed->height = layout_height (placed->text);
      placed->space_before = 7;
      break;
    case DECLIC_PRINTOUT_FIELD:
      placed->label = make_layout (self, block->label, 9.5, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, label_width);
      placed->text = make_layout (self, block->text, 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                                  text_width - label_width - COLUMN_GAP);
      placed->height = MAX (layout_height (placed->label), layout_height (placed->text));
      placed->space_before = 2.5;
      break;
    case DECLIC_PRINTOUT_ITEM:
      {
        double indent = ITEM_INDENT * (block->level + 1);
        placed->label = make_layout (self, block->level == 0 ? "•" : "–", 9.5, PANGO_WEIGHT_NORMAL,
                                     PANGO_STYLE_NORMAL, ITEM_INDENT);
        placed->text = make_layout (self, block->text, 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                                    text_width - indent);
        placed->height = layout_height (placed->text);
        placed->space_before = 2.5;
      }
      break;
    case DECLIC_PRINTOUT_NOTE:
      placed->text = make_layout (self, block->text, 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, text_width);
      placed->height = layout_height (placed->text);
      placed->space_before = 4;
      break;
    case DECLIC_PRINTOUT_SIGNATURE:
      placed->label = make_layout (self, block->label, 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, label_width);
      placed->height = MAX (layout_height (placed->label), 12);
      placed->space_before = SIGNATURE_GAP;
      break;
    case DECLIC_PRINTOUT_PARAGRAPH:
    default:
      placed->text = make_layout (self, block->text, 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, text_width);
      placed->height = layout_height (placed->text);
      placed->space_before = 5;
      break;
    }
}

static gboolean
keeps_with_next (const DeclicPrintoutBlock *block)
{
  return block->kind == DECLIC_PRINTOUT_HEADING || block->kind == DECLIC_PRINTOUT_SUBHEADING ||
         block->kind == DECLIC_PRINTOUT_TITLE;
}

static void
paginate (DeclicPrintoutLayout *self)
{
  double top = MARGIN;
  double bottom = self->page_height - MARGIN - FOOTER_GAP;
  double y = top;
  guint page = 0;

  for (guint i = 0; i < self->placed->len; i++)
    {
      Placed *placed = &g_array_index (self->placed, Placed, i);
      double need = placed->space_before + placed->height;

      /* A heading is not left alone at the foot of a page: it goes with its first block. */
      if (keeps_with_next (placed->block) && i + 1 < self->placed->len)
        {
          Placed *next = &g_array_index (self->placed, Placed, i + 1);
          need += next->space_before + next->height;
        }
      /* The declaration's signatures stay on one page with their heading. */
      if (placed->block->kind == DECLIC_PRINTOUT_HEADING && i + 1 < self->placed->len)
        {
          double block_need = placed->space_before + placed->height;

          for (guint j = i + 1; j < self->placed->len; j++)
            {
              Placed *next = &g_array_index (self->placed, Placed, j);

              if (next->block->kind == DECLIC_PRINTOUT_HEADING)
                break;
              block_need += next->space_before + next->height;
              if (next->block->kind == DECLIC_PRINTOUT_SIGNATURE && block_need <= bottom - top)
                need = MAX (need, block_need);
            }
        }

      if (y + need > bottom && y > top)
        {
          page++;
          y = top;
        }
      if (y > top)
        y += placed->space_before;
      placed->page = page;
      placed->y = y;
      y += placed->height;
    }
  self->n_pages = page + 1;
}

/**
 * declic_printout_layout_new:
 * @cr: a context on the target surface, in points; fonts are measured on it
 *
 * Returns: (transfer full): @printout laid out on pages of @page_width × @page_height points
 */
DeclicPrintoutLayout *
declic_printout_layout_new (DeclicPrintout *printout,
                            cairo_t        *cr,
                            double          page_width,
                            double          page_height)
{
  DeclicPrintoutLayout *self;
  cairo_font_options_t *options;

  g_return_val_if_fail (DECLIC_IS_PRINTOUT (printout), NULL);
  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (page_width > 4 * MARGIN && page_height > 4 * MARGIN, NULL);

  self = g_object_new (DECLIC_TYPE_PRINTOUT_LAYOUT, NULL);
  self->printout = g_object_ref (printout);
  self->page_width = page_width;
  self->page_height = page_height;

  self->context = pango_cairo_create_context (cr);
  /* One point per unit, and no hinting: the same metrics on a PDF surface and a printer's. */
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (self->context,
                              pango_language_from_string (declic_printout_get_language (printout)));

  for (guint i = 0; i < declic_printout_get_n_blocks (printout); i++)
    {
      Placed placed = { 0 };

      placed.block = declic_printout_get_block (printout, i);
      measure (self, &placed);
      g_array_append_val (self->placed, placed);
    }
  paginate (self);

  return self;
}

guint
declic_printout_layout_get_n_pages (DeclicPrintoutLayout *self)
{
  g_return_val_if_fail (DECLIC_IS_PRINTOUT_LAYOUT (self), 0);
  return self->n_pages;
}

static void
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_footer (DeclicPrintoutLayout *self,
             cairo_t              *cr,
             guint                 page)
{
  g_autofree char *text = declic_printout_dup_page_footer (self->printout, page + 1, self->n_pages);
  double text_width = self->page_width - 2 * MARGIN;
  g_autoptr(PangoLayout) layout = make_layout (self, text, 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, text_width);
  double y = self->page_height - MARGIN - layout_height (layout);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, y - 6);
  cairo_line_to (cr, self->page_width - MARGIN, y - 6);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  show (cr, layout, MARGIN, y);
}

/**
 * declic_printout_layout_draw_page:
 * @cr: where to draw, in points, its origin at the page's top left corner
 * @page: from 0
 */
void
declic_printout_layout_draw_page (DeclicPrintoutLayout *self,
                                  cairo_t              *cr,
                                  guint                 page)
{
  double text_width;

  g_return_if_fail (DECLIC_IS_PRINTOUT_LAYOUT (self));
  g_return_if_fail (page < self->n_pages);

  text_width = self->page_width - 2 * MARGIN;
  cairo_save (cr);
  for (guint i = 0; i < self->placed->len; i++)
    {
      Placed *placed = &g_array_index (self->placed, Placed, i);

      if (placed->page != page)
        continue;

      cairo_set_source_rgb (cr, 0, 0, 0);
      switch (placed->block->kind)
        {
        case DECLIC_PRINTOUT_HEADING:
          show (cr, placed->text, MARGIN, placed->y);
          cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
          cairo_set_line_width (cr, 0.75);
          cairo_move_to (cr, MARGIN, placed->y + placed->height - 1);
          cairo_line_to (cr, MARGIN + text_width, placed->y + placed->height - 1);
          cairo_stroke (cr);
          break;
        case DECLIC_PRINTOUT_FIELD:
          cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
          show (cr, placed->label, MARGIN, placed->y);
          cairo_set_source_rgb (cr, 0, 0, 0);
          show (cr, placed->text, MARGIN + text_width * LABEL_RATIO + COLUMN_GAP, placed->y);
          break;
        case DECLIC_PRINTOUT_ITEM:
          {
            double indent = ITEM_INDENT * placed->block->level;

            show (cr, placed->label, MARGIN + indent, placed->y);
            show (cr, placed->text, MARGIN + indent + ITEM_INDENT, placed->y);
          }
          break;
        case DECLIC_PRINTOUT_NOTE:
          cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
          show (cr, placed->text, MARGIN, placed->y);
          break;
        case DECLIC_PRINTOUT_SIGNATURE:
          {
            double line_y = placed->y + placed->height;

            show (cr, placed->label, MARGIN, placed->y);
            cairo_set_line_width (cr, 0.75);
            cairo_move_to (cr, MARGIN + text_width * LABEL_RATIO + COLUMN_GAP, line_y);
            cairo_line_to (cr, MARGIN + text_width, line_y);
            cairo_stroke (cr);
          }
          break;
        case DECLIC_PRINTOUT_TITLE:
        case DECLIC_PRINTOUT_SUBHEADING:
        case DECLIC_PRINTOUT_PARAGRAPH:
        default:
          show (cr, placed->text, MARGIN, placed->y);
          break;
        }
    }
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * declic_printout_save_pdf:
 *
 * The PDF is made in memory, then written to @path atomically (mode 0600): a failed render
 * leaves any file already at @path as it was.
 */
gboolean
declic_printout_save_pdf (DeclicPrintout *printout,
                          DeclicPaper     paper,
                          const char     *path,
                          GError        **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(DeclicPrintoutLayout) layout = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double width, height;

  g_return_val_if_fail (DECLIC_IS_PRINTOUT (printout), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  declic_paper_get_size (paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, width, height);
  title = g_strdup_printf ("%s — %s", declic_printout_get_title (printout),
                           declic_printout_get_client_label (printout));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
  cr = cairo_create (surface);

  layout = declic_printout_layout_new (printout, cr, width, height);
  for (guint page = 0; page < declic_printout_layout_get_n_pages (layout); page++)
    {
      declic_printout_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, DECLIC_PRINTOUT_ERROR, DECLIC_PRINTOUT_ERROR_RENDER,
                   _("Could not make the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return declic_printout_write_private_file (path, (const char *) bytes->data, bytes->len, error);
}
