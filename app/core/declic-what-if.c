/* declic-what-if.c: a change a plan may assume (see the header). */
#define G_LOG_DOMAIN "declic-what-if"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "declic-format.h"
#include "declic-i18n.h"
#include "declic-utils.h"
#include "declic-what-if.h"

G_DEFINE_QUARK (declic-what-if-error-quark, declic_what_if_error)

const char *
declic_what_if_kind_get_label (DeclicWhatIfKind kind)
{
  switch (kind)
    {
    case DECLIC_WHAT_IF_LEVEL:
      return _("A new French result");
    case DECLIC_WHAT_IF_JOB_CONTINUES:
      return _("The current job continues");
    case DECLIC_WHAT_IF_JOB_ENDS:
      return _("The current job ends");
    case DECLIC_WHAT_IF_OUTSIDE_CMM:
      return _("Moving outside the Montréal Metropolitan Community");
    case DECLIC_WHAT_IF_OFFER_INSIDE_CMM:
      return _("A validated job offer inside the Montréal Metropolitan Community");
    case DECLIC_WHAT_IF_OFFER_OUTSIDE_CMM:
      return _("A validated job offer outside the Montréal Metropolitan Community");
    case DECLIC_N_WHAT_IF_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
declic_what_if_kind_takes_level (DeclicWhatIfKind kind)
{
  return kind == DECLIC_WHAT_IF_LEVEL;
}

/* A new result may be dated (from today when not); an end and a move need their date. */
gboolean
declic_what_if_kind_takes_date (DeclicWhatIfKind kind)
{
  return kind == DECLIC_WHAT_IF_LEVEL || declic_what_if_kind_needs_date (kind);
}

gboolean
declic_what_if_kind_needs_date (DeclicWhatIfKind kind)
{
  return kind == DECLIC_WHAT_IF_JOB_ENDS || kind == DECLIC_WHAT_IF_OUTSIDE_CMM;
}

/**
 * declic_what_if_validate:
 *
 * Returns: whether @what_if can be assumed, else %FALSE with @error saying what is missing
 */
gboolean
declic_what_if_validate (const DeclicWhatIf  *what_if,
                         GError             **error)
{
  g_return_val_if_fail (what_if != NULL, FALSE);

  if ((guint) what_if->kind >= DECLIC_N_WHAT_IF_KINDS)
    {
      g_set_error_literal (error, DECLIC_WHAT_IF_ERROR, DECLIC_WHAT_IF_ERROR_INVALID,
                           _("This is not a change the plan knows."));
      return FALSE;
    }
  if (declic_what_if_kind_takes_level (what_if->kind))
    {
      if ((guint) what_if->skill >= DECLIC_N_SKILLS)
        {
          g_set_error_literal (error, DECLIC_WHAT_IF_ERROR, DECLIC_WHAT_IF_ERROR_INVALID,
                               _("Choose a skill: listening, speaking, reading or writing."));
          return FALSE;
        }
      if (what_if->level < DECLIC_WHAT_IF_MIN_LEVEL || what_if->level > DECLIC_WHAT_IF_MAX_LEVEL)
        {
          /* The bounds are DECLIC_WHAT_IF_MIN_LEVEL and _MAX_LEVEL, the scale's own. */
          g_set_error_literal (error, DECLIC_WHAT_IF_ERROR, DECLIC_WHAT_IF_ERROR_INVALID,
                               _("A level is from 1 to 12."));
          return FALSE;
        }
    }
  if (declic_what_if_kind_needs_date (what_if->kind) && !g_date_valid (&what_if->date))
    {
      g_set_error_literal (error, DECLIC_WHAT_IF_ERROR, DECLIC_WHAT_IF_ERROR_INVALID,
                           _("This change needs the date it happens on."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_optional_date (const char *text,
                     GDate      *date,
                     const char *spec,
                     GError    **error)
{
  g_date_clear (date, 1);
  if (text == NULL)
    return TRUE;
  if (declic_utils_parse_date (text, date))
    return TRUE;
  g_set_error (error, DECLIC_WHAT_IF_ERROR, DECLIC_WHAT_IF_ERROR_INVALID,
               _("“%s”: “%s” is not a date; write it as YYYY-MM-DD."), spec, text);
  return FALSE;
}

/* The level spec's fields, read; their range is declic_what_if_validate()'s to check. */
static gboolean
parse_level (char       **parts,
             guint        n,
             const char  *spec,
             DeclicWhatIf *what_if,
             GError     **error)
{
  char *end = NULL;
  long level;

  what_if->kind = DECLIC_WHAT_IF_LEVEL;
  what_if->skill = DECLIC_N_SKILLS;
  for (guint s = 0; s < DECLIC_N_SKILLS; s++)
    if (g_str_equal (parts[1], declic_skill_get_id ((DeclicSkill) s)))
      what_if->skill = (DeclicSkill) s;
  level = strtol (parts[2], &end, 10);
  if (what_if->skill == DECLIC_N_SKILLS || end == parts[2] || *end != '\0')
    {
      g_set_error (error, DECLIC_WHAT_IF_ERROR, DECLIC_WHAT_IF_ERROR_INVALID,
                   _("“%s”: write a new level as level:SKILL:LEVEL[:DATE], with SKILL one of listening, speaking, reading, writing and LEVEL from 1 to 12."),
                   spec);
      return FALSE;
    }
  what_if->level = (int) CLAMP (level, G_MININT, G_MAXINT);
  return parse_optional_date (n == 4 ? parts[3] : NULL, &what_if->date, spec, error);
}

/**
 * declic_what_if_parse:
 * @spec: "level:SKILL:LEVEL[:DATE]", "job-continues", "job-ends:DATE", "outside-cmm:DATE",
 *   "offer:inside-cmm" or "offer:outside-cmm"; SKILL is listening, speaking, reading or writing
 *
 * Returns: whether @spec is a what-if, else %FALSE with @error saying how to write one
 */
gboolean
declic_what_if_parse (const char    *spec,
                      DeclicWhatIf  *what_if,
                      GError       **error)
{
  g_auto(GStrv) parts = NULL;
  gboolean read = FALSE;
  guint n;

  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (what_if != NULL, FALSE);

  memset (what_if, 0, sizeof *what_if);
  g_date_clear (&what_if->date, 1);
  parts = g_strsplit (spec, ":", -1);
  n = g_strv_length (parts);

  if (n >= 3 && n <= 4 && g_str_equal (parts[0], "level"))
    {
      if (!parse_level (parts, n, spec, what_if, error))
        return FALSE;
      read = TRUE;
    }
  else if (n == 1 && g_str_equal (parts[0], "job-continues"))
    {
      what_if->kind = DECLIC_WHAT_IF_JOB_CONTINUES;
      read = TRUE;
    }
  else if (n == 2 && (g_str_equal (parts[0], "job-ends") || g_str_equal (parts[0], "outside-cmm")))
    {
      what_if->kind = g_str_equal (parts[0], "job-ends") ? DECLIC_WHAT_IF_JOB_ENDS : DECLIC_WHAT_IF_OUTSIDE_CMM;
      if (!parse_optional_date (parts[1], &what_if->date, spec, error))
        return FALSE;
      read = TRUE;
    }
  else if (n == 2 && g_str_equal (parts[0], "offer") &&
           (g_str_equal (parts[1], "inside-cmm") || g_str_equal (parts[1], "outside-cmm")))
    {
      what_if->kind = g_str_equal (parts[1], "inside-cmm") ? DECLIC_WHAT_IF_OFFER_INSIDE_CMM
                                                           : DECLIC_WHAT_IF_OFFER_OUTSIDE_CMM;
      read = TRUE;
    }

  if (!read)
    {
      g_set_error (error, DECLIC_WHAT_IF_ERROR, DECLIC_WHAT_IF_ERROR_INVALID,
                   _("“%s” is not a what-if. Write one of: level:SKILL:LEVEL[:DATE], job-continues, job-ends:DATE, outside-cmm:DATE, offer:inside-cmm, offer:outside-cmm."),
                   spec);
      return FALSE;
    }
  if (!declic_what_if_validate (what_if, error))
    {
      g_prefix_error (error, _("“%s”: "), spec);
      return FALSE;
    }
  return TRUE;
}

char *
declic_what_if_describe (const DeclicWhatIf *what_if)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (what_if != NULL, NULL);

  if (g_date_valid (&what_if->date))
    date = declic_format_date_long (&what_if->date, NULL);

  switch (what_if->kind)
    {
    case DECLIC_WHAT_IF_LEVEL:
      if (date != NULL)
        /* TRANSLATORS: "French speaking at level 7 from 2027-03-01" */
        return g_strdup_printf (_("French %s at level %d from %s"),
                                declic_skill_get_label (what_if->skill), what_if->level, date);
      return g_strdup_printf (_("French %s at level %d"), declic_skill_get_label (what_if->skill), what_if->level);
    case DECLIC_WHAT_IF_JOB_CONTINUES:
      return g_strdup (_("The current job continues"));
    case DECLIC_WHAT_IF_JOB_ENDS:
      return g_strdup_printf (_("The current job ends on %s"), date);
    case DECLIC_WHAT_IF_OUTSIDE_CMM:
      return g_strdup_printf (_("Living outside the Montréal Metropolitan Community from %s"), date);
    case DECLIC_WHAT_IF_OFFER_INSIDE_CMM:
      return g_strdup (_("A validated job offer inside the Montréal Metropolitan Community"));
    case DECLIC_WHAT_IF_OFFER_OUTSIDE_CMM:
      return g_strdup (_("A validated job offer outside the Montréal Metropolitan Community"));
    case DECLIC_N_WHAT_IF_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Whether @a and @b assume the same thing: a second copy would add nothing. */
gboolean
declic_what_if_equal (const DeclicWhatIf *a,
                      const DeclicWhatIf *b)
{
  gboolean a_dated = g_date_valid (&a->date), b_dated = g_date_valid (&b->date);

  if (a->kind != b->kind || a_dated != b_dated)
    return FALSE;
  if (a_dated && g_date_compare (&a->date, &b->date) != 0)
    return FALSE;
  return !declic_what_if_kind_takes_level (a->kind) || (a->skill == b->skill && a->level == b->level);
}
