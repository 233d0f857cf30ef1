/* declic-safe-name.c: one decision for every id and label that becomes a name. */
#define G_LOG_DOMAIN "declic-safe-name"

#include "config.h"

#include <string.h>

#include "declic-format.h"
#include "declic-i18n.h"
#include "declic-safe-name.h"

G_DEFINE_QUARK (declic-safe-name-error-quark, declic_safe_name_error)

gboolean
declic_safe_name_is_valid_id (const char *id)
{
  gsize len;

  if (id == NULL || id[0] == '\0' || id[0] == '.')
    return FALSE;

  len = strlen (id);
  if (len > DECLIC_SAFE_NAME_MAX_ID)
    return FALSE;

  /* Only characters that need no escaping in a file name or a URL, so no separator, no "%",
   * no space, nothing a file system or a server could read differently. */
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '-' && id[i] != '_' && id[i] != '.')
      return FALSE;

  return TRUE;
}

gboolean
declic_safe_name_check_id (const char  *id,
                           GError     **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *max_text = NULL;

  if (declic_safe_name_is_valid_id (id))
    return TRUE;

  if (id == NULL || *id == '\0')
    {
      g_set_error (error, DECLIC_SAFE_NAME_ERROR, DECLIC_SAFE_NAME_ERROR_ID,
                   _("id: the draft has no identifier"));
      return FALSE;
    }
  /* The id may hold anything, escape sequences included: show it escaped. */
  shown = g_strescape (id, NULL);
  max_text = declic_format_integer (DECLIC_SAFE_NAME_MAX_ID, NULL);
  if (strlen (shown) > 60)
    strcpy (shown + 57, "...");
  g_set_error (error, DECLIC_SAFE_NAME_ERROR, DECLIC_SAFE_NAME_ERROR_ID,
               declic_i18n_ngettext ("id: “%s” cannot name a draft file: an identifier has 1 to %s letter, digit, “-”, “_” or “.” and does not start with “.”",
                                     "id: “%s” cannot name a draft file: an identifier has 1 to %s letters, digits, “-”, “_” or “.” and does not start with “.”",
                                     DECLIC_SAFE_NAME_MAX_ID),
               shown, max_text);
  return FALSE;
}

static gboolean
is_forbidden_char (gunichar c)
{
  /* Controls (C0, DEL, C1), and the bidirectional embeddings, overrides and isolates that make
   * a name read differently from what it is. */
  return c < 0x20 || (c >= 0x7f && c < 0xa0) ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x200e || c == 0x200f || c == 0x061c;
}

gboolean
declic_safe_name_check_label (const char  *label,
                              GError     **error)
{
  g_return_val_if_fail (label != NULL, FALSE);

  if (!g_utf8_validate (label, -1, NULL))
    {
      g_set_error (error, DECLIC_SAFE_NAME_ERROR, DECLIC_SAFE_NAME_ERROR_LABEL,
                   _("The client label is not valid text. Change the label and try again."));
      return FALSE;
    }
  if (strlen (label) > DECLIC_SAFE_NAME_MAX_LABEL)
    {
      g_autofree char *max_text = declic_format_integer (DECLIC_SAFE_NAME_MAX_LABEL, NULL);

      g_set_error (error, DECLIC_SAFE_NAME_ERROR, DECLIC_SAFE_NAME_ERROR_LABEL,
                   declic_i18n_ngettext ("The client label is too long to be a folder name on the server (%s byte at most). Shorten the label and try again.",
                                         "The client label is too long to be a folder name on the server (%s bytes at most). Shorten the label and try again.",
                                         DECLIC_SAFE_NAME_MAX_LABEL),
                   max_text);
      return FALSE;
    }
  /* A folder called "." or ".." would put the draft beside or above the server folder. */
  if (g_str_equal (label, ".") || g_str_equal (label, ".."))
    {
      g_set_error (error, DECLIC_SAFE_NAME_ERROR, DECLIC_SAFE_NAME_ERROR_LABEL,
                   _("The client label “%s” cannot be used as a folder name on the server. Change the label and try again."),
                   label);
      return FALSE;
    }
  /* Servers decode "%2F" before they resolve "..": a separator must never reach them. */
  if (strchr (label, '/') != NULL || strchr (label, '\\') != NULL)
    {
      g_set_error (error, DECLIC_SAFE_NAME_ERROR, DECLIC_SAFE_NAME_ERROR_LABEL,
                   _("The client label “%s” holds a “/” or “\\”, which cannot be used in a folder name on the server. Change the label and try again."),
                   label);
      return FALSE;
    }
  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    if (is_forbidden_char (g_utf8_get_char (p)))
      {
        g_set_error (error, DECLIC_SAFE_NAME_ERROR, DECLIC_SAFE_NAME_ERROR_LABEL,
                     _("The client label holds a control or text-direction character, which cannot be used in a folder name on the server. Change the label and try again."));
        return FALSE;
      }
  return TRUE;
}

char *
declic_safe_name_escape_label (const char  *label,
                               GError     **error)
{
  if (!declic_safe_name_check_label (label, error))
    return NULL;
  /* No reserved character allowed through: the label is one segment, whatever it holds. */
  return g_uri_escape_string (label, NULL, FALSE);
}
