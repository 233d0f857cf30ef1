/* declic-deadlines.c: the dates a DI's holder must not miss (see the header). */
#define G_LOG_DOMAIN "declic-deadlines"

#include "config.h"

#include <json-c/json.h>

#include "declic-format.h"
#include "declic-deadlines.h"
#include "declic-draft-fields.h"
#include "declic-i18n.h"
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
  GDate          today;
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
  deadline->days_left = (int) g_date_days_between (&ctx->today, date);
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
      g_autofree char *date_path = declic_draft_item_path (results_path, i, "result_date");
      g_autofree char *test_path = declic_draft_item_path (results_path, i, "test");
      const char *test = declic_enum_choice_get_label ("french.results[].test",
                                                       declic_draft_get_string (draft, test_path));
      g_autofree char *date_text = NULL;
      GDate date;

      if (!declic_draft_get_date (draft, date_path, &date))
        continue;
      date_text = declic_format_date_long (&date, NULL);
      /* Results stop counting on their anniversary (declic_language_result_is_expired ()): the
       * last day they count, the deadline's date, is the day before. */
      g_date_add_years (&date, years);
      g_date_subtract_days (&date, 1);
      add_deadline (ctx, "language_result",
                    /* Translators: "French results expire (TCF Canada, 2024-05-01)"; the first
                     * %s is "French", "English", "Spouse’s French" or "Spouse’s English" */
                    g_strdup_printf (_("%s results expire (%s, %s)"), who,
                                     test != NULL ? test : _("test not given"), date_text),
                    date_path, "language_results", &date);
    }
}

/* The review fee for the family that files the application (DI.md §7), counted for the year it is
 * paid: the application's filing date when recorded, else today. The amounts are rule-set data;
 * a year the data does not have is said, with the last year it has, and the rule is "unknown". */
static void
add_review_fees (Context     *ctx,
                 DeclicDraft *draft,
                 const GDate *due,
                 const GDate *paid_on)
{
  json_object *group = declic_rule_set_get_group (ctx->rule_set, "review_fees");
  json_object *years = NULL, *year_fees = NULL;
  guint members = 0, year = g_date_get_year (paid_on);
  g_autofree char *year_key = g_strdup_printf ("%u", year);
  DeclicDeadline *deadline;

  if (group == NULL || !json_object_object_get_ex (group, "years", &years) ||
      !json_object_is_type (years, json_type_object))
    return;

  if (declic_draft_get_boolean (draft, "family.spouse_accompanies", FALSE))
    members++;
  for (guint i = 0; i < declic_draft_get_n_items (draft, "family.children"); i++)
    {
      g_autofree char *path = declic_draft_item_path ("family.children", i, "accompanies");
      if (declic_draft_get_boolean (draft, path, FALSE))
        members++;
    }

  if (json_object_object_get_ex (years, year_key, &year_fees) && json_object_is_type (year_fees, json_type_object))
    {
      gint64 principal = declic_utils_json_get_int (year_fees, "principal", 0);
      gint64 member = declic_utils_json_get_int (year_fees, "member", 0);
      g_autofree char *principal_text = declic_format_integer (principal, NULL);
      g_autofree char *members_text = declic_format_integer (members, NULL);
      g_autofree char *member_text = declic_format_integer (member, NULL);
      g_autofree char *total_text = declic_format_integer (principal + members * member, NULL);

      add_deadline (ctx, "review_fees",
                    /* Translators: "Review fees of the selection application, paid when it is filed
                     * (2025): 921 $ + 2 × 197 $ = 1 315 $" */
                    g_strdup_printf (declic_i18n_ngettext ("Review fees of the selection application, paid when it is filed (%u): "
                                                           "%s $ + %s family member × %s $ = %s $",
                                                           "Review fees of the selection application, paid when it is filed (%u): "
                                                           "%s $ + %s family members × %s $ = %s $",
                                                           members),
                                     year, principal_text, members_text, member_text, total_text),
                    "after_filing.application_date", "review_fees", due);
      return;
    }

  {
    /* The most recent year before @year that the data has. */
    guint best = 0;
    gint64 principal = 0, member = 0;

    json_object_object_foreach (years, key, value)
    {
      guint64 y = g_ascii_strtoull (key, NULL, 10);
      if (y < year && y > best && json_object_is_type (value, json_type_object))
        {
          best = (guint) y;
          principal = declic_utils_json_get_int (value, "principal", 0);
          member = declic_utils_json_get_int (value, "member", 0);
        }
    }
    if (best > 0)
      {
        g_autofree char *principal_text = declic_format_integer (principal, NULL);
        g_autofree char *members_text = declic_format_integer (members, NULL);
        g_autofree char *member_text = declic_format_integer (member, NULL);

        add_deadline (ctx, "review_fees",
                      g_strdup_printf (declic_i18n_ngettext ("Review fees of the selection application, paid when it is filed: the %u amounts "
                                                             "are not known; in %u they were %s $ + %s family member × %s $",
                                                             "Review fees of the selection application, paid when it is filed: the %u amounts "
                                                             "are not known; in %u they were %s $ + %s family members × %s $",
                                                             members),
                                       year, best, principal_text, members_text, member_text),
                      "after_filing.application_date", "review_fees", due);
      }
    else
      add_deadline (ctx, "review_fees",
                    g_strdup_printf (_("Review fees of the selection application, paid when it is filed: the %u amounts are not known"),
                                     year),
                    "after_filing.application_date", "review_fees", due);
    deadline = g_ptr_array_index (ctx->list, ctx->list->len - 1);
    deadline->source_status = DECLIC_RULE_STATUS_UNKNOWN;
    deadline->confirmed = FALSE;
  }
}

/* What MIFI asks once the application is filed: what is missing, and each family member's
 * attestation of learning about democratic and Québec values, 60 days each from the request. */
static void
add_application_deadlines (Context     *ctx,
                           DeclicDraft *draft)
{
  gint64 days = declic_rule_set_get_figure (ctx->rule_set, "application_missing", "days", -1);
  GDate date;
  guint n;

  if (days > 0 && declic_draft_get_date (draft, "after_filing.missing_request_date", &date))
    {
      g_date_add_days (&date, (guint) days);
      add_deadline (ctx, "application_missing",
                    g_strdup (_("Last day to send MIFI what is missing from the selection application")),
                    "after_filing.missing_request_date", "application_missing", &date);
    }

  days = declic_rule_set_get_figure (ctx->rule_set, "values_attestation", "days", -1);
  n = declic_draft_get_n_items (draft, "after_filing.attestation_requests");
  for (guint i = 0; days > 0 && i < n; i++)
    {
      g_autofree char *date_path = declic_draft_item_path ("after_filing.attestation_requests", i, "request_date");
      g_autofree char *obtained_path = declic_draft_item_path ("after_filing.attestation_requests", i, "obtained");
      g_autofree char *person_path = declic_draft_item_path ("after_filing.attestation_requests", i, "person");
      g_autofree char *name_path = declic_draft_item_path ("after_filing.attestation_requests", i, "given_names");
      const char *person = declic_enum_choice_get_label ("after_filing.attestation_requests[].person",
                                                         declic_draft_get_string (draft, person_path));
      const char *name = declic_draft_get_string (draft, name_path);
      g_autofree char *who = NULL;

      if (declic_draft_get_boolean (draft, obtained_path, FALSE) || !declic_draft_get_date (draft, date_path, &date))
        continue;
      if (person == NULL)
        person = _("family member not given");
      who = name != NULL ? g_strdup_printf ("%s, %s", person, name) : g_strdup (person);
      g_date_add_days (&date, (guint) days);
      add_deadline (ctx, "values_attestation",
                    /* Translators: "… values (Spouse, Sophie)" */
                    g_strdup_printf (_("Last day to send the attestation of learning about democratic and Québec values (%s)"), who),
                    date_path, "values_attestation", &date);
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
 * @today: the date "days left" counts from (always today, never a planned filing date)
 *
 * Returns: (transfer full) (element-type DeclicDeadline): the deadlines that apply, in the
 *   order DI → invitation → language results → Arrima draft
 */
GPtrArray *
declic_deadlines_compute (DeclicDraft   *draft,
                          DeclicRuleSet *rule_set,
                          const GDate   *today)
{
  Context ctx;
  GDate date, application;
  gint64 figure;
  gboolean filed, applied, ended;
  const char *outcome;

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (DECLIC_IS_RULE_SET (rule_set), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  ctx.list = g_ptr_array_new_with_free_func ((GDestroyNotify) declic_deadline_free);
  ctx.rule_set = rule_set;
  ctx.today = *today;
  ctx.soon_days = declic_rule_set_get_soon_days (rule_set);
  g_date_clear (&application, 1);

  outcome = declic_draft_get_string (draft, "after_filing.invitation_outcome");
  ended = declic_draft_get_string (draft, "after_filing.end") != NULL;
  applied = g_strcmp0 (outcome, "application_filed") == 0 &&
            declic_draft_get_date (draft, "after_filing.application_date", &application);

  filed = declic_draft_get_date (draft, "filing_date", &date);
  figure = declic_rule_set_get_figure (rule_set, "di_validity", "months", -1);
  if (applied && declic_rule_set_has_group (rule_set, "application_ends_di"))
    {
      /* Filing the application ends the DI: its 12 months no longer run. */
      add_deadline (&ctx, "di_invalid",
                    g_strdup (_("The déclaration d’intérêt is no longer valid: the selection application was filed")),
                    "after_filing.application_date", "application_ends_di", &application);
    }
  else if (filed && figure > 0 && !ended)
    {
      /* GLib clamps to the month's end: a DI filed on 29 February 2024 expires on 28 February 2025. */
      g_date_add_months (&date, (guint) figure);
      add_deadline (&ctx, "di_expiry", g_strdup (_("The déclaration d’intérêt expires")),
                    "filing_date", "di_validity", &date);
    }

  /* Once the invitation is answered (declined, or the application filed) or the DI has ended,
   * the time to answer no longer counts; the application's own deadlines do. */
  if (declic_draft_get_date (draft, "invitation_date", &date) && outcome == NULL && !ended)
    {
      GDate invitation = date;

      figure = declic_rule_set_get_figure (rule_set, "invitation_answer", "days", -1);
      if (figure > 0)
        {
          GDate due = date;

          g_date_add_days (&due, (guint) figure);
          add_review_fees (&ctx, draft, &due, &ctx.today);
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

  if (applied)
    {
      add_review_fees (&ctx, draft, &application, &application);
      add_application_deadlines (&ctx, draft);
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
