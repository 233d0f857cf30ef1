/* declic-printout.c: a draft's summary as a list of blocks, and its HTML (see the header). */
#define G_LOG_DOMAIN "declic-printout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-c/json.h>
#include <string.h>

#include "declic-countries.h"
#include "declic-draft-fields.h"
#include "declic-draft-values.h"
#include "declic-format.h"
#include "declic-labour-market.h"
#include "declic-noc.h"
#include "declic-printout.h"
#include "declic-utils.h"

struct _DeclicPrintout
{
  GObject    parent_instance;

  char      *lang;
  char      *title;
  char      *client_label;
  char      *draft_id;
  GPtrArray *blocks;  /* DeclicPrintoutBlock */
};

G_DEFINE_TYPE (DeclicPrintout, declic_printout, G_TYPE_OBJECT)
G_DEFINE_QUARK (declic-printout-error-quark, declic_printout_error)

static void
block_free (DeclicPrintoutBlock *block)
{
  g_free (block->label);
  g_free (block->text);
  g_free (block);
}

static void
declic_printout_finalize (GObject *object)
{
  DeclicPrintout *self = DECLIC_PRINTOUT (object);

  g_free (self->lang);
  g_free (self->title);
  g_free (self->client_label);
  g_free (self->draft_id);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (declic_printout_parent_class)->finalize (object);
}

static void
declic_printout_class_init (DeclicPrintoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = declic_printout_finalize;
}

static void
declic_printout_init (DeclicPrintout *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
}

/* ---- Building ----------------------------------------------------------------------------- */

/* Takes @text. */
static void
add_block (DeclicPrintout     *self,
           DeclicPrintoutKind  kind,
           const char         *label,
           char               *text,
           guint               level)
{
  DeclicPrintoutBlock *block = g_new0 (DeclicPrintoutBlock, 1);

  block->kind = kind;
  block->label = g_strdup (label);
  block->text = text != NULL ? text : g_strdup ("");
  block->level = level;
  g_ptr_array_add (self->blocks, block);
}

static void
add_text (DeclicPrintout     *self,
          DeclicPrintoutKind  kind,
          const char         *text)
{
  add_block (self, kind, NULL, g_strdup (text), 0);
}

static void
add_field (DeclicPrintout *self,
           const char     *label,
           char           *value)
{
  add_block (self, DECLIC_PRINTOUT_FIELD, label, value, 0);
}

/* The draft's values, section by section: the same walk as the entry companion's. */
static void
add_draft_sections (DeclicPrintout *self,
                    DeclicDraft    *draft)
{
  g_autoptr(GPtrArray) values = declic_draft_values_list (draft, self->lang);
  guint next = 0;

  for (DeclicSection section = 0; section < DECLIC_N_SECTIONS; section++)
    {
      const char *heading = NULL;
      guint n_values = 0;

      add_text (self, DECLIC_PRINTOUT_HEADING, declic_section_get_title (section));
      for (; next < values->len; next++)
        {
          DeclicDraftValue *value = g_ptr_array_index (values, next);

          if (value->section != section)
            break;
          if (value->heading != NULL && g_strcmp0 (value->heading, heading) != 0)
            add_text (self, DECLIC_PRINTOUT_SUBHEADING, value->heading);
          heading = value->heading;
          add_field (self, value->label, g_strdup (value->text));
          n_values++;
        }
      if (n_values == 0)
        add_text (self, DECLIC_PRINTOUT_PARAGRAPH, section == DECLIC_SECTION_REPRESENTATIVE
                  ? _("No representative is named in the draft: the client files alone.")
                  : _("Nothing is entered in this section."));
    }
}

static void
add_findings (DeclicPrintout *self,
              DeclicCheck    *check)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  add_text (self, DECLIC_PRINTOUT_HEADING, _("Findings still open"));
  if (check->fileable)
    add_text (self, DECLIC_PRINTOUT_PARAGRAPH, _("Nothing blocks filing this déclaration d’intérêt."));
  else
    add_text (self, DECLIC_PRINTOUT_PARAGRAPH,
              _("This déclaration d’intérêt cannot be filed yet: the errors below must be corrected first."));
  if (check->findings->len == 0)
    {
      add_text (self, DECLIC_PRINTOUT_PARAGRAPH, _("No finding is open."));
      return;
    }

  for (guint i = 0; i < check->findings->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (check->findings, i));
  declic_finding_list_sort (sorted);
  for (guint i = 0; i < sorted->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (sorted, i);
      DeclicSection section = declic_finding_get_section (finding);

      if (section != DECLIC_SECTION_NONE)
        add_block (self, DECLIC_PRINTOUT_ITEM, NULL,
                   /* Translators: a finding: "Warning (Work history): the message" */
                   g_strdup_printf (_("%s (%s): %s"),
                                    declic_severity_get_label (declic_finding_get_severity (finding)),
                                    declic_section_get_title (section),
                                    declic_finding_get_message (finding)), 0);
      else
        add_block (self, DECLIC_PRINTOUT_ITEM, NULL,
                   /* Translators: a finding about the whole draft: "Warning: the message" */
                   g_strdup_printf (_("%s: %s"),
                                    declic_severity_get_label (declic_finding_get_severity (finding)),
                                    declic_finding_get_message (finding)), 0);
    }
}

static void
add_streams (DeclicPrintout *self,
             DeclicCheck    *check)
{
  DeclicEligibility *eligibility = check->eligibility;

  add_text (self, DECLIC_PRINTOUT_HEADING, _("PSTQ streams"));
  if (eligibility == NULL || eligibility->streams->len == 0)
    {
      add_text (self, DECLIC_PRINTOUT_PARAGRAPH, _("The rule set of the check has no streams."));
      return;
    }
  add_block (self, DECLIC_PRINTOUT_NOTE, NULL,
             g_strdup_printf (_("The streams’ conditions come from rules marked “%s”."),
                              declic_rule_status_get_label (eligibility->status)), 0);
  for (guint i = 0; i < eligibility->streams->len; i++)
    {
      DeclicStreamEligibility *stream = g_ptr_array_index (eligibility->streams, i);
      const char *verdict = declic_stream_eligibility_get_verdict (stream);

      add_block (self, DECLIC_PRINTOUT_ITEM, NULL,
                 /* Translators: "Stream 1, High qualification: met" */
                 g_strdup_printf (_("Stream %d, %s: %s"), stream->number, stream->title, verdict), 0);
      for (guint r = 0; r < stream->reasons->len; r++)
        add_block (self, DECLIC_PRINTOUT_ITEM, NULL,
                   g_strdup (declic_finding_get_message (g_ptr_array_index (stream->reasons, r))), 1);
      for (guint r = 0; r < stream->notes->len; r++)
        add_block (self, DECLIC_PRINTOUT_ITEM, NULL,
                   g_strdup (declic_finding_get_message (g_ptr_array_index (stream->notes, r))), 1);
    }
}

static const char *
diagnosis_label (DeclicDiagnosis diagnosis)
{
  switch (diagnosis)
    {
    case DECLIC_DIAGNOSIS_DEFICIT:
      return _("Deficit");
    case DECLIC_DIAGNOSIS_SLIGHT_DEFICIT:
      return _("Slight deficit");
    case DECLIC_DIAGNOSIS_BALANCED:
      return _("Balanced");
    case DECLIC_DIAGNOSIS_SLIGHT_SURPLUS:
      return _("Slight surplus");
    case DECLIC_DIAGNOSIS_NOT_PUBLISHED:
      return _("Not published");
    case DECLIC_DIAGNOSIS_UNKNOWN:
    default:
      return _("Not in the list");
    }
}

/* Where the labour-market diagnosis of the score comes from: the draft's choice, and what the
 * published list says of the main occupation, with the list's own period, status and source. */
static const char *
describe_status (const char *id)
{
  DeclicRuleStatus status;

  if (id != NULL && declic_rule_status_from_id (id, &status))
    return declic_rule_status_get_label (status);
  return id != NULL ? id : "";
}

static void
add_diagnosis_source (DeclicPrintout *self,
                      DeclicCheck    *check,
                      DeclicDraft    *draft)
{
  DeclicLabourMarket *market = declic_labour_market_get_default ();
  const char *chosen = declic_draft_get_string (draft, "quebec.labour_market_diagnosis");
  const char *main_noc = check->profile != NULL ? check->profile->main_noc : NULL;

  if (chosen == NULL || g_str_equal (chosen, "unknown"))
    add_block (self, DECLIC_PRINTOUT_NOTE, NULL,
               g_strdup (_("Labour-market diagnosis of the main occupation: not chosen in the draft, so it counts for nothing in the estimate.")), 0);
  else
    add_block (self, DECLIC_PRINTOUT_NOTE, NULL,
               g_strdup_printf (_("Labour-market diagnosis of the main occupation: “%s”, as chosen in the draft."),
                                declic_enum_choice_get_label ("quebec.labour_market_diagnosis", chosen)), 0);

  if (market == NULL)
    {
      add_text (self, DECLIC_PRINTOUT_NOTE, _("The published list of labour-market diagnoses could not be read."));
      return;
    }
  if (main_noc != NULL)
    add_block (self, DECLIC_PRINTOUT_NOTE, NULL,
               /* Translators: "The list lmd-2024-2028 (2024–2028, secondary) gives “Deficit” for NOC 21231. Source: …" */
               g_strdup_printf (_("The list %s (%d–%d, %s) gives “%s” for NOC %s. Source: %s"),
                                declic_labour_market_get_id (market),
                                declic_labour_market_get_period_start (market),
                                declic_labour_market_get_period_end (market),
                                describe_status (declic_labour_market_get_status (market)),
                                diagnosis_label (declic_labour_market_lookup (market, main_noc)),
                                main_noc, declic_labour_market_get_source (market)), 0);
  else
    add_block (self, DECLIC_PRINTOUT_NOTE, NULL,
               g_strdup_printf (_("Diagnosis source: the list %s (%d–%d, %s). Source: %s"),
                                declic_labour_market_get_id (market),
                                declic_labour_market_get_period_start (market),
                                declic_labour_market_get_period_end (market),
                                describe_status (declic_labour_market_get_status (market)),
                                declic_labour_market_get_source (market)), 0);
}

static void
add_points (DeclicPrintout *self,
            DeclicCheck    *check,
            DeclicDraft    *draft)
{
  DeclicPoints *points = check->points;

  add_text (self, DECLIC_PRINTOUT_HEADING, _("Ranking score: an estimate"));
  if (points == NULL)
    {
      add_text (self, DECLIC_PRINTOUT_PARAGRAPH, _("The rule set of the check has no ranking grid: no estimate."));
      return;
    }

  /* Never shown as official: DI.md §5 is a derived grid. */
  {
    g_autofree char *total = declic_format_integer (points->total, self->lang);
    g_autofree char *max_total = declic_format_integer (points->max_total, self->lang);
    g_autofree char *grid_version = declic_format_date_text (points->grid_version, self->lang);

    add_block (self, DECLIC_PRINTOUT_PARAGRAPH, NULL,
               g_strdup_printf (_("Estimated score: %s of %s. This is an estimate, not an official score: "
                                  "grid %s, version %s (%s)."),
                                total, max_total, points->grid_id, grid_version,
                                declic_rule_status_get_label (points->status)), 0);
  }
  for (DeclicPointsFactor f = 0; f < DECLIC_POINTS_N_FACTORS; f++)
    {
      g_autofree char *got = declic_format_integer (points->factor_points[f], self->lang);
      g_autofree char *out_of = declic_format_integer (points->factor_max[f], self->lang);

      add_field (self, declic_points_factor_get_label (f),
                 /* Translators: points of a factor, "381 / 520" */
                 g_strdup_printf (_("%s / %s"), got, out_of));
      for (guint i = 0; i < points->items->len; i++)
        {
          DeclicPointsItem *item = g_ptr_array_index (points->items, i);

          if (item->factor == f)
            {
              g_autofree char *item_got = declic_format_integer (item->points, self->lang);
              g_autofree char *item_max = declic_format_integer (item->max, self->lang);

              add_block (self, DECLIC_PRINTOUT_ITEM, NULL,
                         /* Translators: a sub-factor, its points and the input it used */
                         g_strdup_printf (_("%s: %s / %s — %s"), item->label, item_got, item_max, item->input), 1);
            }
        }
    }
  for (guint i = 0; i < points->notes->len; i++)
    add_text (self, DECLIC_PRINTOUT_NOTE, g_ptr_array_index (points->notes, i));
  add_diagnosis_source (self, check, draft);
}

static char *
describe_days_left (int days_left)
{
  g_autofree char *days = declic_format_integer (ABS (days_left), NULL);

  if (days_left >= 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day left", "%s days left", days_left), days);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "passed %s day ago", "passed %s days ago", -days_left),
                          days);
}

static void
add_deadlines (DeclicPrintout *self,
               DeclicCheck    *check)
{
  add_text (self, DECLIC_PRINTOUT_HEADING, _("Deadlines"));
  if (check->deadlines->len == 0)
    {
      add_text (self, DECLIC_PRINTOUT_PARAGRAPH, _("No deadline applies yet."));
      return;
    }
  for (guint i = 0; i < check->deadlines->len; i++)
    {
      DeclicDeadline *deadline = g_ptr_array_index (check->deadlines, i);
      g_autofree char *when = declic_format_date_long (&deadline->date, self->lang);
      g_autofree char *left = describe_days_left (deadline->days_left);

      add_field (self, when,
                 /* Translators: a deadline: "The DI expires (320 days left; rule: official)" */
                 g_strdup_printf (deadline->confirmed ? _("%s (%s; rule: %s)") : _("%s (%s; rule: %s, unconfirmed)"),
                                  deadline->label, left,
                                  declic_rule_status_get_label (deadline->source_status)));
    }
}

static void
add_check_details (DeclicPrintout *self,
                   DeclicCheck    *check)
{
  g_autofree char *today = declic_format_date_long (&check->today, self->lang);
  g_autofree char *reference = declic_format_date_long (&check->reference, self->lang);

  add_text (self, DECLIC_PRINTOUT_HEADING, _("The check"));
  add_field (self, _("Checked on"), g_strdup (today));
  add_field (self, _("For a filing on"), g_strdup (reference));
  if (check->rule_set != NULL)
    add_field (self, _("Rule set"),
               /* Translators: a rule set's id and title, "pstq-2025-07-02 (Skilled Worker …)" */
               g_strdup_printf (_("%s (%s)"), declic_rule_set_get_id (check->rule_set),
                                declic_rule_set_get_title (check->rule_set)));
  else
    add_field (self, _("Rule set"), g_strdup (_("none was in force on that date")));
}

static void
add_declaration (DeclicPrintout *self,
                 DeclicDraft    *draft)
{
  const char *family = declic_draft_get_string (draft, "personal.family_names");
  const char *given = declic_draft_get_string (draft, "personal.given_names");
  const char *representative = declic_draft_get_string (draft, "representative.name");
  g_autofree char *client = NULL;

  if (family != NULL || given != NULL)
    client = g_strjoin (" ", given != NULL ? given : "", family != NULL ? family : "", NULL);
  else
    client = g_strdup (self->client_label);
  g_strstrip (client);

  add_text (self, DECLIC_PRINTOUT_HEADING, _("Declaration and signatures"));
  add_text (self, DECLIC_PRINTOUT_PARAGRAPH,
            _("I have read this summary. The information it holds is true and complete, and it is what "
              "is to be entered in my déclaration d’intérêt in Arrima."));
  add_field (self, _("Client"), g_strdup (client));
  add_block (self, DECLIC_PRINTOUT_SIGNATURE, _("Signature of the client"), NULL, 0);
  add_block (self, DECLIC_PRINTOUT_SIGNATURE, _("Date"), NULL, 0);

  if (representative == NULL)
    {
      add_text (self, DECLIC_PRINTOUT_NOTE, _("No representative is named in the mandate."));
      return;
    }
  {
    const char *category = declic_draft_get_string (draft, "representative.category");
    const char *registry = declic_draft_get_string (draft, "representative.registry_number");
    GString *who = g_string_new (representative);
    GDate mandate;

    if (category != NULL)
      g_string_append_printf (who, ", %s", declic_enum_choice_get_label ("representative.category", category));
    if (registry != NULL)
      /* Translators: appended to the representative's name and category */
      g_string_append_printf (who, _(", registry number %s"), registry);
    if (declic_draft_get_date (draft, "representative.mandate_date", &mandate))
      {
        g_autofree char *when = declic_format_date_long (&mandate, self->lang);
        /* Translators: appended to the representative's name, category and number */
        g_string_append_printf (who, _(", mandate of %s"), when);
      }
    add_text (self, DECLIC_PRINTOUT_PARAGRAPH,
              _("I have prepared this summary with the client, from the information the client gave me."));
    add_field (self, _("Representative"), g_string_free (who, FALSE));
    add_block (self, DECLIC_PRINTOUT_SIGNATURE, _("Signature of the representative"), NULL, 0);
    add_block (self, DECLIC_PRINTOUT_SIGNATURE, _("Date"), NULL, 0);
  }
}

static void
add_draft_details (DeclicPrintout *self,
                   DeclicDraft    *draft)
{
  static const char * const dates[] = { "planned_filing_date", "filing_date", "invitation_date" };

  add_field (self, _("Client label"), g_strdup (self->client_label));
  add_field (self, _("Draft identifier"), g_strdup (self->draft_id));
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      const DeclicFieldSpec *spec = declic_draft_fields_lookup (dates[i]);
      GDate date;

      if (spec != NULL && declic_draft_get_date (draft, dates[i], &date))
        add_field (self, _(spec->label), declic_format_date_long (&date, self->lang));
    }
  add_text (self, DECLIC_PRINTOUT_NOTE,
            _("This summary holds passport and family details: keep it private, and destroy copies no longer needed."));
}

/**
 * declic_printout_new:
 * @draft: the draft, not changed
 * @check: @draft's check (declic_check_run ())
 * @lang: (nullable): "fr" or "en"; %NULL for the messages' language
 *
 * Returns: (transfer full): the summary of @draft
 */
DeclicPrintout *
declic_printout_new (DeclicDraft *draft,
                     DeclicCheck *check,
                     const char  *lang)
{
  DeclicPrintout *self;
  const char *label;

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (check != NULL, NULL);

  self = g_object_new (DECLIC_TYPE_PRINTOUT, NULL);
  self->lang = g_strdup (lang != NULL && declic_format_normalize_language (lang) != NULL
                         ? declic_format_normalize_language (lang) : declic_format_get_language ());
  label = declic_draft_get_client_label (draft);
  self->client_label = label != NULL ? g_strdup (label) : declic_draft_dup_display_name (draft);
  self->draft_id = g_strdup (declic_draft_get_id (draft) != NULL ? declic_draft_get_id (draft) : "");
  self->title = g_strdup (_("Summary of the déclaration d’intérêt"));

  add_text (self, DECLIC_PRINTOUT_TITLE, self->title);
  add_draft_details (self, draft);
  add_draft_sections (self, draft);
  add_findings (self, check);
  add_streams (self, check);
  add_points (self, check, draft);
  add_deadlines (self, check);
  add_check_details (self, check);
  add_declaration (self, draft);

  return self;
}

const char *
declic_printout_get_language (DeclicPrintout *self)
{
  g_return_val_if_fail (DECLIC_IS_PRINTOUT (self), NULL);
  return self->lang;
}

const char *
declic_printout_get_title (DeclicPrintout *self)
{
  g_return_val_if_fail (DECLIC_IS_PRINTOUT (self), NULL);
  return self->title;
}

const char *
declic_printout_get_client_label (DeclicPrintout *self)
{
  g_return_val_if_fail (DECLIC_IS_PRINTOUT (self), NULL);
  return self->client_label;
}

const char *
declic_printout_get_draft_id (DeclicPrintout *self)
{
  g_return_val_if_fail (DECLIC_IS_PRINTOUT (self), NULL);
  return self->draft_id;
}

guint
declic_printout_get_n_blocks (DeclicPrintout *self)
{
  g_return_val_if_fail (DECLIC_IS_PRINTOUT (self), 0);
  return self->blocks->len;
}

const DeclicPrintoutBlock *
declic_printout_get_block (DeclicPrintout *self,
                           guint           index)
{
  g_return_val_if_fail (DECLIC_IS_PRINTOUT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, index);
}

char *
declic_printout_dup_page_footer (DeclicPrintout *self,
                                 guint           page,
                                 guint           n_pages)
{
  g_return_val_if_fail (DECLIC_IS_PRINTOUT (self), NULL);

  /* Translators: the foot of every page: client label, draft id, "Page 2 of 3" */
  return g_strdup_printf (_("%s · %s · Page %u of %u"), self->client_label, self->draft_id, page, n_pages);
}

/* ---- HTML --------------------------------------------------------------------------------- */

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);
  g_string_append (out, escaped);
}

/**
 * declic_printout_to_html:
 *
 * Plain HTML: headings, description lists for values, lists for findings, a table-free layout a
 * screen reader reads in order. Every text from the draft is escaped.
 *
 * Returns: (transfer full): the document
 */
char *
declic_printout_to_html (DeclicPrintout *self)
{
  GString *out = g_string_new (NULL);
  gboolean in_dl = FALSE, in_ul = FALSE, in_sub = FALSE, in_section = FALSE;

  g_return_val_if_fail (DECLIC_IS_PRINTOUT (self), NULL);

  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
                          self->lang);
  g_string_append (out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  append_escaped (out, self->title);
  g_string_append (out, " — ");
  append_escaped (out, self->client_label);
  g_string_append (out, "</title>\n<style>\n"
                        "body { font-family: sans-serif; max-width: 48em; margin: 2em auto; padding: 0 1em; line-height: 1.4; }\n"
                        "dl { display: grid; grid-template-columns: minmax(10em, 1fr) 2fr; gap: 0.2em 1em; }\n"
                        "dt { font-weight: bold; } dd { margin: 0; }\n"
                        ".note { font-size: 0.9em; color: #444; }\n"
                        ".signature { margin: 2em 0 0.5em; display: flex; gap: 1em; }\n"
                        ".signature .line { flex: 1; border-bottom: 1px solid #000; min-width: 15em; }\n"
                        "footer { margin-top: 3em; font-size: 0.9em; }\n"
                        "</style>\n</head>\n<body>\n");

  for (guint i = 0; i < self->blocks->len; i++)
    {
      DeclicPrintoutBlock *block = g_ptr_array_index (self->blocks, i);

      if (in_dl && block->kind != DECLIC_PRINTOUT_FIELD)
        {
          g_string_append (out, "</dl>\n");
          in_dl = FALSE;
        }
      if (in_sub && !(block->kind == DECLIC_PRINTOUT_ITEM && block->level == 1))
        {
          g_string_append (out, "</ul></li>\n");
          in_sub = FALSE;
        }
      if (in_ul && block->kind != DECLIC_PRINTOUT_ITEM)
        {
          g_string_append (out, "</ul>\n");
          in_ul = FALSE;
        }

      switch (block->kind)
        {
        case DECLIC_PRINTOUT_TITLE:
          g_string_append (out, "<header>\n<h1>");
          append_escaped (out, block->text);
          g_string_append (out, "</h1>\n<p>");
          append_escaped (out, self->client_label);
          g_string_append (out, "</p>\n</header>\n<main>\n");
          break;
        case DECLIC_PRINTOUT_HEADING:
          if (in_section)
            g_string_append (out, "</section>\n");
          g_string_append_printf (out, "<section aria-labelledby=\"part-%u\">\n<h2 id=\"part-%u\">", i, i);
          append_escaped (out, block->text);
          g_string_append (out, "</h2>\n");
          in_section = TRUE;
          break;
        case DECLIC_PRINTOUT_SUBHEADING:
          g_string_append (out, "<h3>");
          append_escaped (out, block->text);
          g_string_append (out, "</h3>\n");
          break;
        case DECLIC_PRINTOUT_FIELD:
          if (!in_dl)
            g_string_append (out, "<dl>\n");
          in_dl = TRUE;
          g_string_append (out, "<dt>");
          append_escaped (out, block->label);
          g_string_append (out, "</dt><dd>");
          append_escaped (out, block->text);
          g_string_append (out, "</dd>\n");
          break;
        case DECLIC_PRINTOUT_ITEM:
          if (block->level == 1 && in_ul)
            {
              if (!in_sub)
                {
                  /* Reopen the last item to nest the list inside it. */
                  if (g_str_has_suffix (out->str, "</li>\n"))
                    g_string_truncate (out, out->len - strlen ("</li>\n"));
                  g_string_append (out, "\n<ul>\n");
                  in_sub = TRUE;
                }
            }
          else if (!in_ul)
            {
              g_string_append (out, "<ul>\n");
              in_ul = TRUE;
            }
          g_string_append (out, "<li>");
          append_escaped (out, block->text);
          g_string_append (out, "</li>\n");
          break;
        case DECLIC_PRINTOUT_NOTE:
          g_string_append (out, "<p class=\"note\">");
          append_escaped (out, block->text);
          g_string_append (out, "</p>\n");
          break;
        case DECLIC_PRINTOUT_SIGNATURE:
          g_string_append (out, "<p class=\"signature\"><span>");
          append_escaped (out, block->label);
          g_string_append (out, "</span><span class=\"line\" role=\"presentation\"></span></p>\n");
          break;
        case DECLIC_PRINTOUT_PARAGRAPH:
        default:
          g_string_append (out, "<p>");
          append_escaped (out, block->text);
          g_string_append (out, "</p>\n");
          break;
        }
    }
  if (in_dl)
    g_string_append (out, "</dl>\n");
  if (in_sub)
    g_string_append (out, "</ul></li>\n");
  if (in_ul)
    g_string_append (out, "</ul>\n");
  if (in_section)
    g_string_append (out, "</section>\n");
  g_string_append (out, "</main>\n<footer><p>");
  append_escaped (out, self->client_label);
  g_string_append (out, " · ");
  append_escaped (out, self->draft_id);
  g_string_append (out, "</p></footer>\n</body>\n</html>\n");

  return g_string_free (out, FALSE);
}

gboolean
declic_printout_write_private_file (const char  *path,
                                    const char  *data,
                                    gsize        length,
                                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  /* A temporary file created 0600 in the same folder, then renamed over @path: a reader never
   * sees half a summary, and a link at @path is replaced, not written through. */
  if (!g_file_set_contents_full (path, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local_error))
    {
      g_set_error (error, DECLIC_PRINTOUT_ERROR, DECLIC_PRINTOUT_ERROR_WRITE,
                   _("Could not write the summary to “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
declic_printout_save_html (DeclicPrintout *self,
                           const char     *path,
                           GError        **error)
{
  g_autofree char *html = NULL;

  g_return_val_if_fail (DECLIC_IS_PRINTOUT (self), FALSE);

  html = declic_printout_to_html (self);
  return declic_printout_write_private_file (path, html, strlen (html), error);
}
