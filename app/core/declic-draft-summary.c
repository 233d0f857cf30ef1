/* declic-draft-summary.c: the few fields a workspace list shows, cached by the store. */
#define G_LOG_DOMAIN "declic-summary"

#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "declic-check.h"
#include "declic-clock.h"
#include "declic-draft.h"
#include "declic-draft-summary.h"
#include "declic-i18n.h"
#include "declic-utils.h"
#include "declic-text.h"

struct _DeclicDraftSummary
{
  GObject  parent_instance;
  char    *path;
  char    *id;
  char    *client_label;
  char    *given_names;
  char    *family_names;
  char    *updated;
  char    *error;
  char    *search_text;
  gint64   mtime;
  gint64   size;

  /* At a glance, as checked on checked_on */
  char    *checked_on;
  char    *reference_date;
  guint    n_errors;   /* every blocking error, fields to fill included */
  guint    n_to_fill;  /* of which required fields left empty */
  gboolean fileable;
  char    *streams_met;         /* "1,4": the numbers of the PSTQ streams met, "" for none */
  guint    streams_mask;        /* the same, bit n for stream n: filters ask for each draft */
  int      score;               /* the points estimate, -1 when there is none */
  char    *next_deadline_id;    /* declic-deadlines.h's ids */
  char    *next_deadline_date;
  char    *grid_id;             /* the points grid the score comes from */
  char    *language_expiry_date;    /* the soonest language result still valid expires */
  char    *di_expiry_date;          /* a filed DI's 12 months end (NULL until it is filed) */
  char    *invitation_answer_date;  /* the last day to answer an invitation, still to come */
  char    *spouse_id;               /* the draft linked to this one as its spouse's, or NULL */
  char    *spouse_name;             /* its display name, or NULL when it is not found */

  /* Worked out once from the fields above, so that filtering and sorting thousands of
   * summaries parses nothing: Julian days (0 for none) and a sort key. */
  guint32  next_deadline_day;
  guint32  language_expiry_day;
  guint32  invitation_answer_day;
  gint64   updated_usec;
  char    *name_key;
};

G_DEFINE_FINAL_TYPE (DeclicDraftSummary, declic_draft_summary, G_TYPE_OBJECT)

/* "1,4" → bits 1 and 4, read once: a filter asks each of 10,000 drafts, for each count. */
static guint
parse_streams (const char *list)
{
  guint mask = 0;

  for (const char *p = list; p != NULL && *p != '\0'; )
    {
      char *end = NULL;
      gint64 n = g_ascii_strtoll (p, &end, 10);

      if (end == p)
        break;
      if (n > 0 && n < 32)
        mask |= 1u << n;
      p = *end == ',' ? end + 1 : end;
    }
  return mask;
}

enum {
  PROP_0,
  PROP_PATH,
  PROP_ID,
  PROP_CLIENT_LABEL,
  PROP_TITLE,
  PROP_UPDATED,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
declic_draft_summary_finalize (GObject *object)
{
  DeclicDraftSummary *self = DECLIC_DRAFT_SUMMARY (object);

  g_free (self->path);
  g_free (self->id);
  g_free (self->client_label);
  g_free (self->given_names);
  g_free (self->family_names);
  g_free (self->updated);
  g_free (self->error);
  g_free (self->search_text);
  g_free (self->checked_on);
  g_free (self->reference_date);
  g_free (self->streams_met);
  g_free (self->next_deadline_id);
  g_free (self->next_deadline_date);
  g_free (self->grid_id);
  g_free (self->language_expiry_date);
  g_free (self->di_expiry_date);
  g_free (self->invitation_answer_date);
  g_free (self->spouse_id);
  g_free (self->spouse_name);
  g_free (self->name_key);

  G_OBJECT_CLASS (declic_draft_summary_parent_class)->finalize (object);
}

static void
declic_draft_summary_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DeclicDraftSummary *self = DECLIC_DRAFT_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CLIENT_LABEL:
      g_value_set_string (value, self->client_label);
      break;
    case PROP_TITLE:
      g_value_take_string (value, declic_draft_summary_dup_title (self));
      break;
    case PROP_UPDATED:
      g_value_set_string (value, self->updated);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
declic_draft_summary_class_init (DeclicDraftSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = declic_draft_summary_finalize;
  object_class->get_property = declic_draft_summary_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT_LABEL] = g_param_spec_string ("client-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED] = g_param_spec_string ("updated", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
declic_draft_summary_init (DeclicDraftSummary *self)
{
  self->score = -1;
}

static guint32
parse_day (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  if (text == NULL || !declic_utils_parse_date (text, &date))
    return 0;
  return g_date_get_julian (&date);
}

/* The search text, the name a list sorts by and the dates as numbers. */
static void
update_keys (DeclicDraftSummary *self)
{
  g_autofree char *joined = g_strjoin (" ",
                                       self->client_label ? self->client_label : "",
                                       self->given_names ? self->given_names : "",
                                       self->family_names ? self->family_names : "",
                                       NULL);
  /* Not the title: an untitled draft's "New draft" is translated, and the key must not depend
   * on the language, nor building it call gettext (GLib decides once per process whether
   * g_dgettext () translates). */
  g_autofree char *basename = self->path != NULL ? g_path_get_basename (self->path) : NULL;
  const char *title = self->client_label != NULL ? self->client_label
                      : self->given_names != NULL || self->family_names != NULL ? joined + strlen (self->client_label ? self->client_label : "")
                      : basename;
  g_autoptr(GDateTime) updated = self->updated != NULL ? g_date_time_new_from_iso8601 (self->updated, NULL) : NULL;

  while (title != NULL && *title == ' ')
    title++;
  g_free (self->search_text);
  self->search_text = declic_text_fold (joined);
  g_free (self->name_key);
  self->name_key = declic_text_fold (title);
  self->next_deadline_day = parse_day (self->next_deadline_date);
  self->language_expiry_day = parse_day (self->language_expiry_date);
  self->invitation_answer_day = parse_day (self->invitation_answer_date);
  if (updated != NULL)
    self->updated_usec = g_date_time_to_unix (updated) * G_USEC_PER_SEC + g_date_time_get_microsecond (updated);
  else
    self->updated_usec = self->mtime;
}

/* Keeps the figures of a check that a list of thousands of drafts shows, sorts and filters by,
 * so that it can say which are complete, eligible or near a deadline without opening them again. */
static void
summarize_check (DeclicDraftSummary *self,
                 DeclicCheck        *check)
{
  g_autoptr(GString) streams = g_string_new (NULL);
  DeclicDeadline *next;

  /* Both dates are kept: days left count from the first, the figures hold at the second. */
  self->checked_on = declic_utils_format_date (&check->today);
  self->reference_date = declic_utils_format_date (&check->reference);
  self->n_errors = declic_finding_list_count (check->findings, DECLIC_SECTION_NONE, DECLIC_SEVERITY_ERROR);
  self->n_to_fill = declic_finding_list_count_to_fill (check->findings, DECLIC_SECTION_NONE);
  self->fileable = check->fileable;
  if (check->eligibility != NULL)
    for (guint i = 0; i < check->eligibility->streams->len; i++)
      {
        DeclicStreamEligibility *stream = g_ptr_array_index (check->eligibility->streams, i);
        if (stream->met)
          g_string_append_printf (streams, "%s%d", streams->len > 0 ? "," : "", stream->number);
      }
  self->streams_met = g_string_free (g_steal_pointer (&streams), FALSE);
  self->streams_mask = parse_streams (self->streams_met);
  self->score = check->points != NULL ? check->points->total : -1;
  self->grid_id = check->points != NULL ? g_strdup (check->points->grid_id) : NULL;
  next = declic_check_get_next_deadline (check);
  if (next != NULL)
    {
      self->next_deadline_id = g_strdup (next->id);
      self->next_deadline_date = declic_utils_format_date (&next->date);
    }

  /* Deadlines are soonest first: the first of each kind still to come is the one to show. */
  for (guint i = 0; i < check->deadlines->len; i++)
    {
      DeclicDeadline *deadline = g_ptr_array_index (check->deadlines, i);

      if (deadline->status == DECLIC_DEADLINE_PASSED)
        continue;
      if (self->language_expiry_date == NULL && g_strcmp0 (deadline->id, "language_result") == 0)
        self->language_expiry_date = declic_utils_format_date (&deadline->date);
      else if (self->di_expiry_date == NULL && g_strcmp0 (deadline->id, "di_expiry") == 0)
        self->di_expiry_date = declic_utils_format_date (&deadline->date);
      else if (self->invitation_answer_date == NULL && g_str_has_prefix (deadline->id, "invitation_answer"))
        self->invitation_answer_date = declic_utils_format_date (&deadline->date);
    }
}

/**
 * declic_draft_summary_new_for_check:
 * @check: what declic_check_run () worked out for @draft
 *
 * The summary of a draft already checked (by `declic check`, say), with the same figures as the
 * workspace index.
 */
DeclicDraftSummary *
declic_draft_summary_new_for_check (const char  *path,
                                    DeclicDraft *draft,
                                    DeclicCheck *check,
                                    gint64       mtime,
                                    gint64       size)
{
  DeclicDraftSummary *self = g_object_new (DECLIC_TYPE_DRAFT_SUMMARY, NULL);

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (check != NULL, NULL);

  self->path = g_strdup (path);
  self->id = g_strdup (declic_draft_get_id (draft));
  self->client_label = g_strdup (declic_draft_get_client_label (draft));
  self->given_names = g_strdup (declic_draft_get_string (draft, "personal.given_names"));
  self->family_names = g_strdup (declic_draft_get_string (draft, "personal.family_names"));
  self->updated = g_strdup (declic_draft_get_string (draft, "updated"));
  self->mtime = mtime;
  self->size = size;
  summarize_check (self, check);
  update_keys (self);
  return self;
}

/* Runs the whole check once, when the file is read. */
DeclicDraftSummary *
declic_draft_summary_new_for_draft (const char  *path,
                                    DeclicDraft *draft,
                                    const char  *today,
                                    gint64       mtime,
                                    gint64       size)
{
  return declic_draft_summary_new_for_linked_draft (path, draft, NULL, NULL, today, mtime, size);
}

/**
 * declic_draft_summary_new_for_linked_draft:
 * @spouse: (nullable): the draft linked to @draft as its spouse's; %NULL when @spouse_id is
 *   not found (or with @spouse_id %NULL, when @draft is not linked)
 *
 * The summary of @draft with the disagreements with its linked spouse's draft counted in.
 */
DeclicDraftSummary *
declic_draft_summary_new_for_linked_draft (const char  *path,
                                           DeclicDraft *draft,
                                           DeclicDraft *spouse,
                                           const char  *spouse_id,
                                           const char  *today,
                                           gint64       mtime,
                                           gint64       size)
{
  DeclicDraftSummary *self;
  static DeclicValidateContext *context;
  g_autoptr(DeclicCheck) check = NULL;
  GDate date;

  if (g_once_init_enter (&context))
    g_once_init_leave (&context, declic_validate_context_new_default ());

  g_date_clear (&date, 1);
  if (today == NULL || !declic_utils_parse_date (today, &date))
    declic_clock_get_today (&date);
  check = declic_check_run (draft, &date, NULL, context);
  if (spouse_id != NULL)
    declic_check_add_spouse (check, draft, spouse, spouse_id);
  self = declic_draft_summary_new_for_check (path, draft, check, mtime, size);
  if (spouse_id != NULL)
    {
      self->spouse_id = g_strdup (spouse_id);
      self->spouse_name = spouse != NULL ? declic_draft_dup_display_name (spouse) : NULL;
      if (spouse != NULL && self->spouse_name == NULL)
        self->spouse_name = g_strdup (spouse_id);
    }
  return self;
}

const char *
declic_draft_summary_get_spouse_id (DeclicDraftSummary *self)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT_SUMMARY (self), NULL);
  return self->spouse_id;
}

const char *
declic_draft_summary_get_spouse_name (DeclicDraftSummary *self)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT_SUMMARY (self), NULL);
  return self->spouse_name;
}

DeclicDraftSummary *
declic_draft_summary_new_for_error (const char *path,
                                    const char *error_message,
                                    gint64      mtime,
                                    gint64      size)
{
  DeclicDraftSummary *self = g_object_new (DECLIC_TYPE_DRAFT_SUMMARY, NULL);

  self->path = g_strdup (path);
  self->error = g_strdup (error_message);
  self->mtime = mtime;
  self->size = size;
  update_keys (self);
  return self;
}

const char *declic_draft_summary_get_path (DeclicDraftSummary *self) { return self->path; }
const char *declic_draft_summary_get_id (DeclicDraftSummary *self) { return self->id; }
const char *declic_draft_summary_get_client_label (DeclicDraftSummary *self) { return self->client_label; }
const char *declic_draft_summary_get_given_names (DeclicDraftSummary *self) { return self->given_names; }
const char *declic_draft_summary_get_family_names (DeclicDraftSummary *self) { return self->family_names; }
const char *declic_draft_summary_get_updated (DeclicDraftSummary *self) { return self->updated; }
const char *declic_draft_summary_get_error (DeclicDraftSummary *self) { return self->error; }
const char *declic_draft_summary_get_search_text (DeclicDraftSummary *self) { return self->search_text; }
gint64 declic_draft_summary_get_mtime (DeclicDraftSummary *self) { return self->mtime; }
gint64 declic_draft_summary_get_size (DeclicDraftSummary *self) { return self->size; }
const char *declic_draft_summary_get_checked_on (DeclicDraftSummary *self) { return self->checked_on; }
const char *declic_draft_summary_get_reference_date (DeclicDraftSummary *self) { return self->reference_date; }
guint declic_draft_summary_get_n_errors (DeclicDraftSummary *self) { return self->n_errors; }
guint declic_draft_summary_get_n_to_fill (DeclicDraftSummary *self) { return self->n_to_fill; }
gboolean declic_draft_summary_get_fileable (DeclicDraftSummary *self) { return self->fileable; }
const char *declic_draft_summary_get_streams_met (DeclicDraftSummary *self) { return self->streams_met; }
int declic_draft_summary_get_score (DeclicDraftSummary *self) { return self->score; }
const char *declic_draft_summary_get_next_deadline_id (DeclicDraftSummary *self) { return self->next_deadline_id; }
const char *declic_draft_summary_get_next_deadline_date (DeclicDraftSummary *self) { return self->next_deadline_date; }
const char *declic_draft_summary_get_grid_id (DeclicDraftSummary *self) { return self->grid_id; }
const char *declic_draft_summary_get_language_expiry_date (DeclicDraftSummary *self) { return self->language_expiry_date; }
const char *declic_draft_summary_get_di_expiry_date (DeclicDraftSummary *self) { return self->di_expiry_date; }
const char *declic_draft_summary_get_invitation_answer_date (DeclicDraftSummary *self) { return self->invitation_answer_date; }
guint32 declic_draft_summary_get_next_deadline_day (DeclicDraftSummary *self) { return self->next_deadline_day; }
guint32 declic_draft_summary_get_language_expiry_day (DeclicDraftSummary *self) { return self->language_expiry_day; }
guint32 declic_draft_summary_get_invitation_answer_day (DeclicDraftSummary *self) { return self->invitation_answer_day; }
gint64 declic_draft_summary_get_updated_usec (DeclicDraftSummary *self) { return self->updated_usec; }
const char *declic_draft_summary_get_name_key (DeclicDraftSummary *self) { return self->name_key; }

DeclicDraftStatus
declic_draft_summary_get_status (DeclicDraftSummary *self)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT_SUMMARY (self), DECLIC_DRAFT_STATUS_UNKNOWN);

  if (self->error != NULL)
    return DECLIC_DRAFT_STATUS_BROKEN;
  if (self->checked_on == NULL)
    return DECLIC_DRAFT_STATUS_UNKNOWN;
  return self->fileable ? DECLIC_DRAFT_STATUS_FILEABLE : DECLIC_DRAFT_STATUS_ERRORS;
}

const char *
declic_draft_status_get_id (DeclicDraftStatus status)
{
  switch (status)
    {
    case DECLIC_DRAFT_STATUS_FILEABLE:
      return "fileable";
    case DECLIC_DRAFT_STATUS_ERRORS:
      return "errors";
    case DECLIC_DRAFT_STATUS_BROKEN:
      return "broken";
    case DECLIC_DRAFT_STATUS_UNKNOWN:
    default:
      return "unknown";
    }
}

/* Whether the draft meets PSTQ stream @number (1 to 4), from the "1,4" list. */
gboolean
declic_draft_summary_meets_stream (DeclicDraftSummary *self,
                                   int                 number)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT_SUMMARY (self), FALSE);

  return number > 0 && number < 32 && (self->streams_mask & (1u << number)) != 0;
}

/**
 * declic_draft_summary_dup_title:
 *
 * Returns: (transfer full): what a list row shows first: the client label, else the person's
 *   names, else the file's name
 */
char *
declic_draft_summary_dup_title (DeclicDraftSummary *self)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT_SUMMARY (self), NULL);

  if (self->client_label != NULL)
    return g_strdup (self->client_label);
  if (self->given_names != NULL && self->family_names != NULL)
    return g_strdup_printf ("%s %s", self->given_names, self->family_names);
  if (self->given_names != NULL || self->family_names != NULL)
    return g_strdup (self->given_names != NULL ? self->given_names : self->family_names);
  if (self->error != NULL)
    return g_path_get_basename (self->path);
  return g_strdup (_("New draft"));
}

static void
add_string (json_object *obj,
            const char  *key,
            const char  *value)
{
  if (value != NULL)
    json_object_object_add (obj, key, json_object_new_string (value));
}

static char *
dup_string (json_object *obj,
            const char  *key)
{
  json_object *value = json_object_object_get (obj, key);

  return json_object_is_type (value, json_type_string) ? g_strdup (json_object_get_string (value)) : NULL;
}

json_object *
declic_draft_summary_to_json (DeclicDraftSummary *self)
{
  json_object *obj = json_object_new_object ();

  json_object_object_add (obj, "mtime", json_object_new_int64 (self->mtime));
  json_object_object_add (obj, "size", json_object_new_int64 (self->size));
  add_string (obj, "id", self->id);
  add_string (obj, "client_label", self->client_label);
  add_string (obj, "given_names", self->given_names);
  add_string (obj, "family_names", self->family_names);
  add_string (obj, "updated", self->updated);
  add_string (obj, "error", self->error);
  add_string (obj, "checked_on", self->checked_on);
  add_string (obj, "reference_date", self->reference_date);
  json_object_object_add (obj, "n_errors", json_object_new_int ((int) self->n_errors));
  json_object_object_add (obj, "n_to_fill", json_object_new_int ((int) self->n_to_fill));
  json_object_object_add (obj, "fileable", json_object_new_boolean (self->fileable));
  add_string (obj, "streams_met", self->streams_met);
  json_object_object_add (obj, "score", json_object_new_int (self->score));
  add_string (obj, "next_deadline_id", self->next_deadline_id);
  add_string (obj, "next_deadline_date", self->next_deadline_date);
  add_string (obj, "grid_id", self->grid_id);
  add_string (obj, "language_expiry_date", self->language_expiry_date);
  add_string (obj, "di_expiry_date", self->di_expiry_date);
  add_string (obj, "invitation_answer_date", self->invitation_answer_date);
  add_string (obj, "spouse_id", self->spouse_id);
  add_string (obj, "spouse_name", self->spouse_name);
  return obj;
}

DeclicDraftSummary *
declic_draft_summary_new_from_json (const char  *path,
                                    json_object *json)
{
  DeclicDraftSummary *self;

  if (!json_object_is_type (json, json_type_object))
    return NULL;

  self = g_object_new (DECLIC_TYPE_DRAFT_SUMMARY, NULL);
  self->path = g_strdup (path);
  self->mtime = json_object_get_int64 (json_object_object_get (json, "mtime"));
  self->size = json_object_get_int64 (json_object_object_get (json, "size"));
  self->id = dup_string (json, "id");
  self->client_label = dup_string (json, "client_label");
  self->given_names = dup_string (json, "given_names");
  self->family_names = dup_string (json, "family_names");
  self->updated = dup_string (json, "updated");
  self->error = dup_string (json, "error");
  self->checked_on = dup_string (json, "checked_on");
  self->reference_date = dup_string (json, "reference_date");
  self->n_errors = (guint) json_object_get_int (json_object_object_get (json, "n_errors"));
  /* An index written before the count existed: every error counted as an error. */
  self->n_to_fill = MIN (self->n_errors, (guint) json_object_get_int (json_object_object_get (json, "n_to_fill")));
  self->fileable = json_object_get_boolean (json_object_object_get (json, "fileable"));
  self->streams_met = dup_string (json, "streams_met");
  self->streams_mask = parse_streams (self->streams_met);
  self->score = json_object_object_get (json, "score") != NULL ? json_object_get_int (json_object_object_get (json, "score")) : -1;
  self->next_deadline_id = dup_string (json, "next_deadline_id");
  self->next_deadline_date = dup_string (json, "next_deadline_date");
  self->grid_id = dup_string (json, "grid_id");
  self->language_expiry_date = dup_string (json, "language_expiry_date");
  self->di_expiry_date = dup_string (json, "di_expiry_date");
  self->invitation_answer_date = dup_string (json, "invitation_answer_date");
  self->spouse_id = dup_string (json, "spouse_id");
  self->spouse_name = dup_string (json, "spouse_name");
  update_keys (self);
  return self;
}
