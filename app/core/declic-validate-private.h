/* declic-validate-private.h: what the checks of the sections share, inside declic-validate.
 *
 * The readers of the json-c tree and the date helpers are static inline: the GUI re-checks on
 * every keystroke and they are called for every field, as they were when the checks were one
 * file. Each section's checks live in their own file (declic-validate-<section>.c); the
 * reporting helpers in declic-validate-report.c, countries and NOC codes in
 * declic-validate-codes.c.
 */
#pragma once

#include <json-c/json.h>
#include <math.h>
#include <string.h>

#include "declic-format.h"
#include "declic-utils.h"
#include "declic-validate.h"

G_BEGIN_DECLS

/* ---------------------------------------------------------------------------------------- */
/* Reading the tree                                                                         */

typedef enum
{
  ANSWER_NONE = -1,
  ANSWER_NO = 0,
  ANSWER_YES = 1,
} Answer;

typedef enum
{
  DATE_ABSENT,
  DATE_INVALID,
  DATE_VALID,
} DateState;

/* A member that is there and not null; NULL when @obj is not an object. */
static inline json_object *
member (json_object *obj,
        const char  *key)
{
  json_object *value = NULL;

  if (obj == NULL || !json_object_is_type (obj, json_type_object))
    return NULL;
  if (!json_object_object_get_ex (obj, key, &value) || json_object_is_type (value, json_type_null))
    return NULL;
  return value;
}

static inline gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* A string with something other than spaces in it, else NULL: "  " is as good as empty. */
static const char *
get_text (json_object *obj,
          const char  *key)
{
  json_object *value = member (obj, key);
  const char *text;

  if (value == NULL || !json_object_is_type (value, json_type_string))
    return NULL;
  text = json_object_get_string (value);
  return is_blank (text) ? NULL : text;
}

static inline Answer
get_answer (json_object *obj,
            const char  *key)
{
  json_object *value = member (obj, key);

  if (value == NULL || !json_object_is_type (value, json_type_boolean))
    return ANSWER_NONE;
  return json_object_get_boolean (value) ? ANSWER_YES : ANSWER_NO;
}

static inline gboolean
get_number (json_object *obj,
            const char  *key,
            double      *number)
{
  json_object *value = member (obj, key);

  if (value == NULL ||
      !(json_object_is_type (value, json_type_int) || json_object_is_type (value, json_type_double)))
    return FALSE;
  *number = json_object_get_double (value);
  return isfinite (*number);
}

static inline json_object *
get_array (json_object *obj,
           const char  *key)
{
  json_object *value = member (obj, key);

  return value != NULL && json_object_is_type (value, json_type_array) ? value : NULL;
}

static inline gsize
array_length (json_object *array)
{
  return array != NULL ? json_object_array_length (array) : 0;
}

static inline DateState
get_date (json_object *obj,
          const char  *key,
          GDate       *date)
{
  const char *text = get_text (obj, key);

  g_date_clear (date, 1);
  if (text == NULL)
    return DATE_ABSENT;
  return declic_utils_parse_date (text, date) ? DATE_VALID : DATE_INVALID;
}

/* Whether anything was entered under @node: a non-blank string, a boolean or a number. */
static inline gboolean
has_value (json_object *node)
{
  if (node == NULL)
    return FALSE;

  switch (json_object_get_type (node))
    {
    case json_type_string:
      return !is_blank (json_object_get_string (node));
    case json_type_boolean:
    case json_type_int:
    case json_type_double:
      return TRUE;
    case json_type_object:
      {
        json_object_object_foreach (node, key, child)
          {
            (void) key;
            if (has_value (child))
              return TRUE;
          }
        return FALSE;
      }
    case json_type_array:
      for (gsize i = 0; i < json_object_array_length (node); i++)
        if (has_value (json_object_array_get_idx (node, i)))
          return TRUE;
      return FALSE;
    case json_type_null:
    default:
      return FALSE;
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Dates                                                                                    */

/* A date as the messages write it: "22 novembre 2026" / "November 22, 2026", in the messages'
 * language (the findings' paths and codes say which field; the draft itself keeps ISO). */
typedef struct
{
  char text[48];
} DateText;

static inline DateText
date_text (const GDate *date)
{
  DateText t = { "" };

  if (date != NULL && g_date_valid (date))
    {
      g_autofree char *text = declic_format_date_long (date, NULL);

      g_strlcpy (t.text, text, sizeof t.text);
    }
  return t;
}

static inline DateText
julian_text (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return date_text (&date);
}

/* The day someone born on @start turns @years: a 29 February birthday comes round on 1 March in
 * a common year, the reading declic_utils_age_at () uses, so the two always agree. */
static inline void
get_anniversary (const GDate *start,
                 guint        years,
                 GDate       *out)
{
  guint year = g_date_get_year (start) + years;
  GDateMonth month = g_date_get_month (start);
  GDateDay day = g_date_get_day (start);

  g_date_clear (out, 1);
  if (month == G_DATE_FEBRUARY && day == 29 && !g_date_is_leap_year ((GDateYear) year))
    g_date_set_dmy (out, 1, G_DATE_MARCH, (GDateYear) year);
  else
    g_date_set_dmy (out, day, month, (GDateYear) year);
}

/* Appends @text to the @length bytes of @buffer, cut to fit as g_strlcat () would; returns the
 * new length. By memcpy: GLib's g_strlcat copies byte by byte, and every finding's path and
 * code are joined this way. */
static inline gsize
append (char       *buffer,
        gsize       size,
        gsize       length,
        const char *text)
{
  gsize n = MIN (strlen (text), size - 1 - length);

  memcpy (buffer + length, text, n);
  buffer[length + n] = '\0';
  return length + n;
}

/* "a" + "b" → "a.b"; either may be NULL or empty. Returns the length. */
static inline gsize
join (char       *buffer,
      gsize       size,
      const char *first,
      const char *second)
{
  gsize length = 0;

  buffer[0] = '\0';
  if (first != NULL)
    length = append (buffer, size, 0, first);
  if (second != NULL && *second != '\0')
    {
      if (length > 0)
        length = append (buffer, size, length, ".");
      length = append (buffer, size, length, second);
    }
  return length;
}

/* ---------------------------------------------------------------------------------------- */
/* Reporting                                                                                */

typedef enum
{
  ITEM_NONE,
  ITEM_OTHER_NAME,
  ITEM_CITIZENSHIP,
  ITEM_CHILD,
  ITEM_DIPLOMA,
  ITEM_PERIOD,
  ITEM_RESULT,
  ITEM_SPOUSE_RESULT,
} ItemKind;

typedef struct
{
  GPtrArray             *findings;
  GDate                  ref;
  DateText               ref_text;
  DeclicNoc             *noc;
  DeclicCountries       *countries;
  DeclicLanguageTables  *tables;
  gboolean               noc_unchecked;        /* a code was checked for its form only */
  gboolean               countries_unchecked;
} Checker;

/* Where the fields being checked live. */
typedef struct
{
  json_object   *obj;          /* the object holding them; may be NULL */
  const char    *path;         /* concrete: "personal", "education[1]" */
  const char    *pattern;      /* for the field table: "personal", "education[]" */
  const char    *code;         /* for finding codes: "personal", "education" */
  DeclicSection  section;
  ItemKind       item;         /* inside a list: how to name the item in messages */
  guint          item_number;  /* 1-based */
} Scope;

typedef enum
{
  DATE_OPTIONAL = 0,
  DATE_REQUIRED = 1 << 0,
  DATE_NOT_FUTURE = 1 << 1,  /* after the reference date is an error */
} DateFlags;

typedef struct
{
  const char    *path;       /* "french", "family.spouse.english" */
  gboolean       french;
  gboolean       spouse;
  DeclicSection  section;
} LanguageBlock;

/* declic-validate-report.c */
void        declic_validate_report            (Checker        *c,
                                               const Scope    *s,
                                               const char     *key,
                                               const char     *problem,
                                               DeclicSeverity  severity,
                                               const char     *format,
                                               ...) G_GNUC_PRINTF (6, 7);
const char *declic_validate_label_of          (const Scope    *s,
                                               const char     *key);
void        declic_validate_report_required   (Checker        *c,
                                               const Scope    *s,
                                               const char     *key);
void        declic_validate_report_unanswered (Checker        *c,
                                               const Scope    *s,
                                               const char     *key);
const char *declic_validate_require_text      (Checker        *c,
                                               const Scope    *s,
                                               const char     *key);
Answer      declic_validate_require_answer    (Checker        *c,
                                               const Scope    *s,
                                               const char     *key);
gboolean    declic_validate_check_date        (Checker        *c,
                                               const Scope    *s,
                                               const char     *key,
                                               DateFlags       flags,
                                               GDate          *date);

/* declic-validate-codes.c */
const char *declic_validate_country_name        (Checker     *c,
                                                 const char  *code);
const char *declic_validate_check_country_value (Checker     *c,
                                                 const Scope *s,
                                                 const char  *key,
                                                 const char  *code);
const char *declic_validate_check_country       (Checker     *c,
                                                 const Scope *s,
                                                 const char  *key,
                                                 gboolean     required);
void        declic_validate_check_subdivision   (Checker     *c,
                                                 const Scope *s,
                                                 const char  *key,
                                                 const char  *country);
void        declic_validate_check_noc           (Checker     *c,
                                                 const Scope *s,
                                                 const char  *key);

/* declic-validate-personal.c, also for the spouse's age */
void        declic_validate_check_age           (Checker     *c,
                                                 const Scope *s,
                                                 const GDate *birth,
                                                 int          minimum,
                                                 const char  *problem,
                                                 gboolean     spouse);

/* The sections, one file each (two for work and job offer, consent and representative). */
void declic_validate_personal       (Checker             *c,
                                     json_object         *root);
void declic_validate_contact        (Checker             *c,
                                     json_object         *root);
void declic_validate_family         (Checker             *c,
                                     json_object         *root);
void declic_validate_education      (Checker             *c,
                                     json_object         *root);
void declic_validate_work           (Checker             *c,
                                     json_object         *root);
void declic_validate_job_offer      (Checker             *c,
                                     json_object         *root);
void declic_validate_language_block (Checker             *c,
                                     json_object         *block,
                                     const LanguageBlock *b);
void declic_validate_consent        (Checker             *c,
                                     json_object         *root);
void declic_validate_quebec         (Checker             *c,
                                     json_object         *root);
void declic_validate_representative (Checker             *c,
                                     json_object         *root);

G_END_DECLS
