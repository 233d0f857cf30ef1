/* declic-deadlines.c: the dates a DI's holder must not miss (see the header). */
#define G_LOG_DOMAIN "declic-deadlines"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-c/json.h>

#include "declic-deadlines.h"
#include "declic-draft-fields.h"
#include "declic-utils.h"

const char *
declic_deadline_status_get_id (DeclicDeadlineStatus status)
{
  switch (status)
    {
    case DECLIC_DEADLINE_OK:
      return "ok";
    case DECLIC_DEADLINE_SOON:
      return "soon";
    case DECLIC_DEADLINE_PASSED:
      return "passed";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
declic_deadline_status_get_label (DeclicDeadlineStatus status)
{
  switch (status)
    {
    case DECLIC_DEADLINE_OK:
      return _("ok");
    case DECLIC_DEADLINE_SOON:
      return _("soon");
    case DECLIC_DEADLINE_PASSED:
      return _("passed");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The last day still counts: 0 days left is "soon", not "passed". */
DeclicDeadlineStatus
declic_deadline_status_for (int   days_left,
                            guint soon_days)
{
  if (days_left < 0)
    return DECLIC_DEADLINE_PASSED;
  if ((guint) days_left <= soon_days)
    return DECLIC_DEADLINE_SOON;
  return DECLIC_DEADLINE_OK;
}

void
declic_deadline_free (DeclicDeadline *deadline)
{
  if (deadline == NULL)
    return;

  g_free (deadline->id);
  g_free (deadline->label);
  g_free (deadline->path);
  g_free (deadline->rule_group);
  g_free (deadline);
}

typedef struct
{
  GPtrArray     *list;
  DeclicRuleSet *rule_set;
  GDate          reference;
  guint          soon_days;
} Context;

/* Takes @label. */
static void
add_deadline (Context    *ctx,
              const char *id,
              char       *label,
              const char *path,
              const char *group,
              const GDate *date)
{
  DeclicDeadline *deadline = g_new0 (DeclicDeadline, 1);
  json_object *object = declic_rule_set_get_group (ctx->rule_set, group);
  json_object *node = NULL;

  deadline->id = g_strdup (id);
  deadline->label = label;
  deadline->path = g_strdup (path);
  deadline->rule_group = g_strdup (group);
  deadline->date = *date;
  deadline->days_left = (int) g_date_days_between (&ctx->reference, date);
  deadline->status = declic_deadline_status_for (deadline->days_left, ctx->soon_days);
  deadline->source_status = declic_rule_set_get_group_status (ctx->rule_set, group);
  /* Only an official rule is confirmed, unless its data says otherwise. */
  deadline->confirmed = deadline->source_status == DECLIC_RULE_STATUS_OFFICIAL;
  if (object != NULL && json_object_object_get_ex (object, "confirmed", &node) &&
      json_object_is_type (node, json_type_boolean))
    deadline->confirmed = json_object_get_boolean (node);

  g_ptr_array_add (ctx->list, deadline);
}

static void
add_language_deadlines (Context     *ctx,
                        DeclicDraft *draft,
                        const char  *prefix,
                        const char  *who)
{
  g_autofree char *results_path = g_strconcat (prefix, ".results", NULL);
  guint n = declic_draft_get_n_items (draft, results_path);
  int years = (int) declic_rule_set_get_figure (ctx->rule_set, "language_results", "years", -1);

  if (years < 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date_path = g_strdup_printf ("%s[%u].result_date", results_path, i);
      g_autofree char *test_path = g_strdup_printf ("%s[%u].test", results_path, i);
      const char *test = declic_enum_choice_get_label ("french.results[].test",
                                                       declic_draft_get_string (draft, test_path));
      g_autofree char *date_text = NULL;
      GDate date;

      if (!declic_draft_get_date (draft, date_path, &date))
        continue;
      date_text = declic_utils_format_date (&date);
      g_date_add_years (&date, years);
      add_deadline (ctx, "language_result",
                    /* Translators: "French results expire (TCF Canada, 2024-05-01)"; the first
                     * %s is "French", "English", "Spouse’s French" or "Spouse’s English" */
                    g_strdup_printf (_("%s results expire (%s, %s)"), who,
                                     test != NULL ? test : _("test not given"), date_text),
                    date_path, "language_results", &date);
    }
}

/* "created" is a date and time with a zone; the deadline is counted in the local calendar. */
static gboolean
get_created_date (DeclicDraft *draft,
                  GDate       *date)
{
  const char *text = declic_draft_get_string (draft, "created");
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (text == NULL)
    return FALSE;
  created = g_date_time_new_from_iso8601 (text, NULL);
  if (created == NULL)
    return FALSE;
  local = g_date_time_to_local (created);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
  return TRUE;
}

/**
 * declic_deadlines_compute:
 * @draft: the draft, not changed
 * @rule_set: where the periods come from
 * @reference_date: the date "days left" counts from
 *
 * Returns: (transfer full) (element-type DeclicDeadline): the deadlines that apply, in the
 *   order DI → invitation → language results → Arrima draft
 */
GPtrArray *
declic_deadlines_compute (DeclicDraft   *draft,
                          DeclicRuleSet *rule_set,
                          const GDate   *reference_date)
{
  Context ctx;
  GDate date;
  gint64 figure;
  gboolean filed;

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (DECLIC_IS_RULE_SET (rule_set), NULL);
  g_return_val_if_fail (reference_date != NULL && g_date_valid (reference_date), NULL);

  ctx.list = g_ptr_array_new_with_free_func ((GDestroyNotify) declic_deadline_free);
  ctx.rule_set = rule_set;
  ctx.reference = *reference_date;
  ctx.soon_days = declic_rule_set_get_soon_days (rule_set);

  filed = declic_draft_get_date (draft, "filing_date", &date);
  figure = declic_rule_set_get_figure (rule_set, "di_validity", "months", -1);
  if (filed && figure > 0)
    {
      /* GLib clamps to the month's end: a DI filed on 29 February 2024 expires on 28 February 2025. */
      g_date_add_months (&date, (guint) figure);
      add_deadline (&ctx, "di_expiry", g_strdup (_("The déclaration d’intérêt expires")),
                    "filing_date", "di_validity", &date);
    }

  if (declic_draft_get_date (draft, "invitation_date", &date))
    {
      GDate invitation = date;

      figure = declic_rule_set_get_figure (rule_set, "invitation_answer", "days", -1);
      if (figure > 0)
        {
          g_date_add_days (&date, (guint) figure);
          add_deadline (&ctx, "invitation_answer",
                        g_strdup (_("Last day to file the selection application after the invitation")),
                        "invitation_date", "invitation_answer", &date);
        }

      /* Which stream invited the candidate is not recorded: give stream 3's longer period too
       * when the draft is in its case, rather than guess. */
      figure = declic_rule_set_get_figure (rule_set, "invitation_stream3", "months", -1);
      if (figure > 0 &&
          declic_draft_get_boolean (draft, "quebec.regulated_profession", FALSE) &&
          !declic_draft_get_boolean (draft, "quebec.authorization_to_practise", FALSE))
        {
          date = invitation;
          g_date_add_months (&date, (guint) figure);
          add_deadline (&ctx, "invitation_answer_stream3",
                        g_strdup (_("Last day to file the selection application when invited in stream 3 without an authorisation to practise")),
                        "invitation_date", "invitation_stream3", &date);
        }
    }

  add_language_deadlines (&ctx, draft, "french", _("French"));
  add_language_deadlines (&ctx, draft, "english", _("English"));
  if (declic_draft_get_boolean (draft, "family.spouse_accompanies", FALSE))
    {
      add_language_deadlines (&ctx, draft, "family.spouse.french", _("Spouse’s French"));
      add_language_deadlines (&ctx, draft, "family.spouse.english", _("Spouse’s English"));
    }

  /* Once filed, the DI is no longer a draft in Arrima. */
  figure = declic_rule_set_get_figure (rule_set, "arrima_draft", "days", -1);
  if (!filed && figure > 0 && get_created_date (draft, &date))
    {
      g_date_add_days (&date, (guint) figure);
      add_deadline (&ctx, "arrima_draft",
                    g_strdup (_("An Arrima draft started the same day would be deleted (unconfirmed)")),
                    "created", "arrima_draft", &date);
    }

  return ctx.list;
}
