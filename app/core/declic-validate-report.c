/* declic-validate-report.c: adding findings, with paths, codes and translated messages, and
 * the checks of required fields and dates that every section uses. */
#define G_LOG_DOMAIN "declic-validate"

#include "config.h"

#include "declic-i18n.h"
#include "declic-validate-private.h"

static char *
describe_item (ItemKind kind,
               guint    number)
{
  switch (kind)
    {
    case ITEM_OTHER_NAME:
      return g_strdup_printf (_("Other name %u"), number);
    case ITEM_CITIZENSHIP:
      return g_strdup_printf (_("Citizenship %u"), number);
    case ITEM_CHILD:
      return g_strdup_printf (_("Child %u"), number);
    case ITEM_DIPLOMA:
      return g_strdup_printf (_("Diploma %u"), number);
    case ITEM_PERIOD:
      return g_strdup_printf (_("Period %u"), number);
    case ITEM_RESULT:
      return g_strdup_printf (_("Result %u"), number);
    case ITEM_SPOUSE_RESULT:
      return g_strdup_printf (_("Spouse’s result %u"), number);
    case ITEM_NONE:
    default:
      return NULL;
    }
}

/* Adds a finding on field @key of @s (NULL: on @s itself), code "<s code>.<key>.<problem>". */
void
declic_validate_report (Checker        *c,
                        const Scope    *s,
                        const char     *key,
                        const char     *problem,
                        DeclicSeverity  severity,
                        const char     *format,
                        ...)
{
  char path[256];
  char code[256];
  g_autofree char *message = NULL;
  g_autofree char *item = NULL;
  va_list args;
  gsize code_length;

  join (path, sizeof path, s->path, key);
  code_length = join (code, sizeof code, s->code, key);
  code_length = append (code, sizeof code, code_length, ".");
  append (code, sizeof code, code_length, problem);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  item = describe_item (s->item, s->item_number);
  if (item != NULL)
    {
      /* Translators: an item of a list ("Diploma 2"), then what is wrong with it. */
      char *full = g_strdup_printf (_("%s: %s"), item, message);
      g_free (message);
      message = full;
    }

  declic_finding_list_add (c->findings, code, path, s->section, severity, message);
}

/* The field's translated label from the field table, for messages. */
const char *
declic_validate_label_of (const Scope *s,
                          const char  *key)
{
  char pattern[256];
  const DeclicFieldSpec *spec;

  join (pattern, sizeof pattern, s->pattern, key);
  spec = declic_draft_fields_lookup (pattern);
  if (spec == NULL || spec->label == NULL)
    return key != NULL ? key : s->path;
  return _(spec->label);
}

void
declic_validate_report_required (Checker     *c,
                                 const Scope *s,
                                 const char  *key)
{
  declic_validate_report (c, s, key, "required", DECLIC_SEVERITY_ERROR,
                          _("The field “%s” is empty; fill it in."), declic_validate_label_of (s, key));
}

void
declic_validate_report_unanswered (Checker     *c,
                                   const Scope *s,
                                   const char  *key)
{
  char pattern[256];
  const DeclicFieldSpec *spec;

  /* Only a field the table marks as a question is asked as one (a Yes/No choice in the
   * wizard): a question asked here and shown as a switch could not be answered "No". */
  join (pattern, sizeof pattern, s->pattern, key);
  spec = declic_draft_fields_lookup (pattern);
  g_warn_if_fail (spec != NULL && spec->question);
  declic_validate_report (c, s, key, "required", DECLIC_SEVERITY_ERROR,
                          _("The question “%s” is not answered; answer Yes or No."), declic_validate_label_of (s, key));
}

const char *
declic_validate_require_text (Checker     *c,
                              const Scope *s,
                              const char  *key)
{
  const char *text = get_text (s->obj, key);

  if (text == NULL)
    declic_validate_report_required (c, s, key);
  return text;
}

Answer
declic_validate_require_answer (Checker     *c,
                                const Scope *s,
                                const char  *key)
{
  Answer answer = get_answer (s->obj, key);

  if (answer == ANSWER_NONE)
    declic_validate_report_unanswered (c, s, key);
  return answer;
}

/* Returns whether @date was set to a valid date (even one reported as in the future). */
gboolean
declic_validate_check_date (Checker     *c,
                            const Scope *s,
                            const char  *key,
                            DateFlags    flags,
                            GDate       *date)
{
  switch (get_date (s->obj, key, date))
    {
    case DATE_ABSENT:
      if (flags & DATE_REQUIRED)
        declic_validate_report_required (c, s, key);
      return FALSE;

    case DATE_INVALID:
      declic_validate_report (c, s, key, "invalid", DECLIC_SEVERITY_ERROR,
                              _("“%s” is not a valid date (“%s”): write it as YYYY-MM-DD, for example 2026-11-22."),
                              declic_validate_label_of (s, key), get_text (s->obj, key));
      return FALSE;

    case DATE_VALID:
      if ((flags & DATE_NOT_FUTURE) && g_date_compare (date, &c->ref) > 0)
        declic_validate_report (c, s, key, "in_future", DECLIC_SEVERITY_ERROR,
                                _("“%s” is %s, after the reference date %s; it cannot be in the future. Check the date."),
                                declic_validate_label_of (s, key), date_text (date).text, c->ref_text.text);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}
