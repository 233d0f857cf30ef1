/* declic-work-page.c: the wizard's page of the DI's work history section.
 *
 * Above the periods, the 5-year window they must cover and what is left uncovered: the core's
 * gaps (declic_work_window_get_gaps ()), the ones its finding names, written out.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "declic-format.h"
#include "declic-work-page.h"
#include "declic-work-window.h"

static const char *const children[] = { "window_label", NULL };

static void
format_date (const GDate *date,
             char        *buffer,
             gsize        size)
{
  g_autofree char *text = declic_format_date_long (date, NULL);

  g_strlcpy (buffer, text, size);
}

static char *
describe_work_window (DeclicDraft *draft)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) gaps = NULL;
  DeclicDateSpan window;
  GDate reference;
  char from[32], to[32];

  declic_draft_get_reference_date (draft, NULL, &reference);
  declic_work_window_get (&reference, &window);
  format_date (&window.first, from, sizeof from);
  format_date (&window.last, to, sizeof to);
  g_string_append_printf (text, _("Declare every period from %s to %s."), from, to);

  gaps = declic_work_window_get_gaps (declic_draft_get_root (draft), &reference);
  for (guint i = 0; i < gaps->len; i++)
    {
      const DeclicDateSpan *gap = &g_array_index (gaps, DeclicDateSpan, i);
      int days = (int) declic_date_span_get_days (gap);
      g_autofree char *days_text = NULL;

      format_date (&gap->first, from, sizeof from);
      format_date (&gap->last, to, sizeof to);
      g_string_append (text, "\n");
      days_text = declic_format_integer (days, NULL);
      /* TRANSLATORS: a gap in the work history */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "• Not covered: %s to %s (%s day)",
                                                 "• Not covered: %s to %s (%s days)", days),
                              from, to, days_text);
    }

  g_string_append (text, "\n");
  if (gaps->len == 0)
    g_string_append (text, _("The 5 years are covered."));
  else
    g_string_append (text, _("Declare what you did in each uncovered period (studies, leave, inactivity…)."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
refresh (DeclicSectionPage *page)
{
  DeclicDraft *draft = declic_wizard_get_draft (declic_section_page_get_wizard (page));
  GtkLabel *label = GTK_LABEL (declic_section_page_get_child (page, "window_label"));
  g_autofree char *text = draft != NULL ? describe_work_window (draft) : NULL;

  if (g_strcmp0 (gtk_label_get_text (label), text != NULL ? text : "") != 0)
    gtk_label_set_text (label, text != NULL ? text : "");
}

DECLIC_DEFINE_SECTION_PAGE (DeclicWorkPage, declic_work_page, DECLIC_SECTION_WORK,
                            "/ca/declic/Declic/ui/wizard/sections/declic-work-page.ui",
                            refresh, children)
