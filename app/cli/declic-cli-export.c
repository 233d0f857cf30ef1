/* declic-cli-export.c: `declic export --pdf OUT.pdf [--html OUT.html] [--lang fr|en]
 *                       [--paper a4|letter] [--date YYYY-MM-DD] DRAFT`
 *
 * Writes a draft's summary (declic-printout.h), checked as `declic check` would, as a PDF to print
 * or hand over for signature, or as plain, accessible HTML. The files hold passport and family
 * details: they are created with mode 0600, atomically. The draft is never written.
 *
 * Exit status: 0 when every file was written, 2 when the draft cannot be read, a file cannot be
 * written or the command line is wrong (the reason goes to stderr).
 */
#define G_LOG_DOMAIN "declic-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "declic-check.h"
#include "declic-clock.h"
#include "declic-cli.h"
#include "declic-format.h"
#include "declic-printout.h"
#include "declic-printout-layout.h"
#include "declic-utils.h"

enum
{
  EXIT_WRITTEN = 0,
  EXIT_FAILED = 2,
};

/* Writing the summary over the draft it comes from would lose the draft. */
static gboolean
is_same_file (const char *a,
              const char *b)
{
  GStatBuf sa, sb;

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/**
 * declic_cli_export:
 * @argc: the arguments' count, "export" included
 * @argv: "export" and its arguments
 *
 * Returns: the exit status
 */
int
declic_cli_export (int    argc,
                   char **argv)
{
  g_autofree char *pdf_path = NULL;
  g_autofree char *html_path = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *paper_id = NULL;
  g_autofree char *date_text = NULL;
  g_auto(GStrv) paths = NULL;
  const GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_path, N_("Write the summary as a PDF file"), N_("FILE") },
    { "html", 0, 0, G_OPTION_ARG_FILENAME, &html_path, N_("Write the summary as an HTML file"), N_("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the summary: fr or en"), N_("LANG") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_id, N_("Paper size of the PDF: a4 (the default) or letter"), N_("SIZE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("Check as if today were this date"), N_("YYYY-MM-DD") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },  /* named in the context's text */
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = NULL;
  g_autoptr(DeclicCheck) check = NULL;
  g_autoptr(DeclicPrintout) printout = NULL;
  DeclicValidateContext *validate_ctx;
  DeclicPaper paper = DECLIC_PAPER_A4;
  const char *outputs[2];
  GDate date;

  context = g_option_context_new (_("DRAFT — write a draft’s summary to print or sign"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Writes the summary of a draft: every section’s values, the open findings, the PSTQ "
                                  "streams, the estimated score, the deadlines and the lines to sign. The files hold "
                                  "passport and family details: they are readable by you only. The draft is never changed.\n\n"
                                  "Exit status: 0 when the files were written, 2 otherwise."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("declic export: %s\n", error->message);
      return EXIT_FAILED;
    }
  if (paths == NULL || paths[0] == NULL || paths[1] != NULL)
    {
      g_printerr (_("declic export: give exactly one draft file\n"));
      return EXIT_FAILED;
    }
  if (pdf_path == NULL && html_path == NULL)
    {
      g_printerr (_("declic export: say what to write with --pdf FILE or --html FILE\n"));
      return EXIT_FAILED;
    }
  /* main.c has already made --lang the messages' language; here it must be one Déclic speaks. */
  if (lang != NULL && declic_format_normalize_language (lang) == NULL)
    {
      g_printerr (_("declic export: “%s” is not a language of Déclic: use fr or en\n"), lang);
      return EXIT_FAILED;
    }
  if (paper_id != NULL && !declic_paper_from_id (paper_id, &paper))
    {
      g_printerr (_("declic export: “%s” is not a paper size: use a4 or letter\n"), paper_id);
      return EXIT_FAILED;
    }
  if (date_text != NULL)
    {
      if (!declic_utils_parse_date (date_text, &date))
        {
          g_printerr (_("declic export: “%s” is not a date: write it as YYYY-MM-DD\n"), date_text);
          return EXIT_FAILED;
        }
      declic_clock_set_today (&date);
    }

  outputs[0] = pdf_path;
  outputs[1] = html_path;
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    if (outputs[i] != NULL && is_same_file (outputs[i], paths[0]))
      {
        g_printerr (_("declic export: %s is the draft itself: choose another file name\n"), outputs[i]);
        return EXIT_FAILED;
      }

  draft = declic_draft_new_from_file (paths[0], &error);
  if (draft == NULL)
    {
      g_printerr (_("declic export: %s: %s\n"), paths[0], error->message);
      return EXIT_FAILED;
    }

  validate_ctx = declic_validate_context_new_default ();
  check = declic_check_run (draft, NULL, NULL, validate_ctx);
  declic_validate_context_unref (validate_ctx);
  printout = declic_printout_new (draft, check, lang);

  if (pdf_path != NULL && !declic_printout_save_pdf (printout, paper, pdf_path, &error))
    {
      g_printerr ("declic export: %s\n", error->message);
      return EXIT_FAILED;
    }
  if (html_path != NULL && !declic_printout_save_html (printout, html_path, &error))
    {
      g_printerr ("declic export: %s\n", error->message);
      return EXIT_FAILED;
    }
  return EXIT_WRITTEN;
}
