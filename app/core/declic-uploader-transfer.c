/* declic-uploader-transfer.c: uploading a draft (conditionally, against the server's copy) and
 * downloading the server's copy, on the worker thread. */
#define G_LOG_DOMAIN "declic-uploader"

#include "config.h"

#include <glib/gstdio.h>

#include "declic-i18n.h"
#include "declic-uploader-private.h"
#include "declic-safe-name.h"

/* The draft as read from disk: its exact bytes and where it goes. */
typedef struct
{
  GBytes *bytes;
  char   *id;
  char   *workspace;
  char   *folder;       /* the escaped client label, or NULL */
  char   *remote_path;  /* "<folder>/<id>.json" or "<id>.json" */
  char   *url;
} LocalDraft;

static void
local_draft_clear (LocalDraft *draft)
{
  g_clear_pointer (&draft->bytes, g_bytes_unref);
  g_clear_pointer (&draft->id, g_free);
  g_clear_pointer (&draft->workspace, g_free);
  g_clear_pointer (&draft->folder, g_free);
  g_clear_pointer (&draft->remote_path, g_free);
  g_clear_pointer (&draft->url, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LocalDraft, local_draft_clear)

static gboolean
read_local_draft (Job         *job,
                  LocalDraft  *draft,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DeclicDraft) parsed = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *label = NULL;
  gsize length = 0;
  GStatBuf st;

  if (g_stat (job->draft_path, &st) == 0 && st.st_size > DECLIC_DRAFT_MAX_FILE_SIZE)
    {
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                   _("This file is too large to be a draft."));
      return FALSE;
    }

  /* One read: the bytes sent are the bytes the id and label were taken from. The file itself is
   * opened for reading only, so nothing here can change it. */
  if (!g_file_get_contents (job->draft_path, &contents, &length, &local_error))
    {
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                   _("Could not read the draft: %s"), local_error->message);
      return FALSE;
    }

  parsed = declic_draft_new_from_data (contents, length, &local_error);
  if (parsed == NULL)
    {
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                   _("This file cannot be uploaded: %s"), local_error->message);
      return FALSE;
    }

  if (!declic_sync_meta_is_valid_id (declic_draft_get_id (parsed)))
    {
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                   _("This draft cannot be uploaded: its identifier “%s” has characters that cannot be used in a file name."),
                   declic_draft_get_id (parsed));
      return FALSE;
    }
  draft->id = g_strdup (declic_draft_get_id (parsed));

  label = g_strstrip (g_strdup (declic_draft_get_client_label (parsed) != NULL
                                  ? declic_draft_get_client_label (parsed) : ""));
  /* One folder under the server folder, percent-encoded, or refused: the same rule for every
   * label that becomes a name (declic-safe-name.c). */
  if (*label != '\0')
    {
      draft->folder = declic_safe_name_escape_label (label, &local_error);
      if (draft->folder == NULL)
        {
          g_set_error_literal (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID, local_error->message);
          return FALSE;
        }
    }

  draft->remote_path = draft->folder != NULL
                         ? g_strconcat (draft->folder, "/", draft->id, ".json", NULL)
                         : g_strconcat (draft->id, ".json", NULL);
  draft->url = g_strconcat (job->server_url, "/", draft->remote_path, NULL);
  draft->workspace = g_path_get_dirname (job->draft_path);
  draft->bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  return TRUE;
}

/* Fetches the server copy. Returns FALSE only for a transport failure; @request holds the
 * answer, its body in request->response. */
static gboolean
fetch_server_copy (Job         *job,
                   LocalDraft  *draft,
                   Request     *request,
                   Track        track,
                   GError     **error)
{
  declic_uploader_request_init (request, job, "GET", draft->url);
  request->max_response = DECLIC_DRAFT_MAX_FILE_SIZE;
  request->fail_when_too_large = TRUE;
  request->track = track;

  return declic_uploader_perform (request, error);
}

static gboolean
same_bytes (GByteArray *array,
            GBytes     *bytes)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  return array != NULL && array->len == length && memcmp (array->data, data, length) == 0;
}

/* A 412. When the server copy is byte for byte what we are sending, there is nothing to
 * protect: typically our own earlier attempt, whose answer was lost before a retry, or a record
 * lost from this workspace. Then the upload is done and @etag gets the server copy's ETag.
 * Otherwise it is a real conflict. */
static gboolean
resolve_precondition_failure (Job         *job,
                              LocalDraft  *draft,
                              gboolean     had_record,
                              char       **etag,
                              GError     **error)
{
  Request request = { 0 };
  gboolean resolved = FALSE;

  if (!fetch_server_copy (job, draft, &request, TRACK_NONE, error))
    {
      declic_uploader_request_clear (&request);
      return FALSE;
    }

  if (request.status == 200 && same_bytes (request.response, draft->bytes))
    {
      g_debug ("%s already holds these exact bytes: nothing to overwrite", draft->url);
      *etag = g_steal_pointer (&request.etag);
      resolved = TRUE;
    }
  else if (request.status == 404 || request.status == 410)
    g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITION_FAILED,
                 _("This draft was removed from the server %s since your last upload from this computer. Upload it again to replace it, or cancel."),
                 job->display_host);
  else if (had_record)
    g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITION_FAILED,
                 _("The copy of this draft on the server %s changed since your last upload from this computer. Keep both copies, replace the server copy, or cancel."),
                 job->display_host);
  else
    g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITION_FAILED,
                 _("The server %s already has a different copy of this draft. Keep both copies, replace the server copy, or cancel."),
                 job->display_host);

  declic_uploader_request_clear (&request);
  return resolved;
}

/* Whether @status, answering a PUT or a MKCOL, can mean "the folder above is missing": 409 as
 * WebDAV says, 404 from some servers, and 500 from nginx without create_full_put_path (its
 * rename into a missing folder fails). */
static gboolean
may_be_missing_parent (long status)
{
  return status == 404 || status == 409 || status == 500;
}

/* Where the path of @url (with a trailing slash) starts, or -1 when it has no path. */
static gssize
path_start (const char *url)
{
  const char *authority = strstr (url, "://");
  const char *slash = authority != NULL ? strchr (authority + 3, '/') : NULL;

  return slash != NULL ? slash - url : -1;
}

/* Creates the folder @url (ending in "/") and whatever is missing above it, from the top down:
 * MKCOL first where it is wanted; when the server says a parent is missing, the parent is made
 * the same way and the MKCOL sent again. Never above the first folder that exists, and never the
 * server's root. A folder that already exists (405) is fine. */
static gboolean
make_folders (Job         *job,
              const char  *url,
              guint        depth,
              GError     **error)
{
  gssize start = path_start (url);
  g_autofree char *what = NULL;
  Request request = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (g_str_has_suffix (url, "/"), FALSE);

  what = g_uri_unescape_string (start >= 0 ? url + start : url, NULL);
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      declic_uploader_request_init (&request, job, "MKCOL", url);
      if (!declic_uploader_perform (&request, error))
        break;
      if (is_success (request.status) || request.status == 405)
        {
          ok = TRUE;
          break;
        }

      /* The parent is missing: make it (its URL ends at the previous "/"), then try again. */
      if (attempt == 0 && may_be_missing_parent (request.status) && depth < 32 && start >= 0)
        {
          g_autofree char *parent = g_strndup (url, strlen (url) - 1);
          char *last = strrchr (parent, '/');
          g_autoptr(GError) parent_error = NULL;

          if (last != NULL && last - parent > start)
            {
              last[1] = '\0';
              if (make_folders (job, parent, depth + 1, &parent_error))
                {
                  declic_uploader_request_clear (&request);
                  continue;
                }
              g_propagate_error (error, g_steal_pointer (&parent_error));
              declic_uploader_request_clear (&request);
              return FALSE;
            }
        }
      declic_uploader_set_status_error (&request, what != NULL ? what : url, error);
      break;
    }

  declic_uploader_request_clear (&request);
  return ok;
}

gboolean
declic_uploader_make_base_folder (Job     *job,
                                  GError **error)
{
  g_autofree char *url = g_strconcat (job->server_url, "/", NULL);

  return make_folders (job, url, 0, error);
}

/* Creates the client's folder, and the server folder above it when that is missing too. */
static gboolean
make_folder (Job         *job,
             LocalDraft  *draft,
             GError     **error)
{
  g_autofree char *url = NULL;

  if (draft->folder == NULL)
    return declic_uploader_make_base_folder (job, error);
  url = g_strconcat (job->server_url, "/", draft->folder, "/", NULL);
  return make_folders (job, url, 0, error);
}

DeclicSyncMeta *
declic_uploader_run_upload (Job     *job,
                            GError **error)
{
  g_auto(LocalDraft) draft = { 0 };
  g_autoptr(DeclicSyncMeta) record = NULL;
  g_autoptr(DeclicSyncMeta) result = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *if_match = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *what = NULL;
  gboolean if_none_match_any = FALSE;
  gboolean had_record = FALSE;
  gboolean folder_made = FALSE;
  gboolean checked = (job->flags & (DECLIC_UPLOAD_FLAGS_OVERWRITE |
                                    DECLIC_UPLOAD_FLAGS_ALLOW_UNCHECKED)) == 0;

  /* The clock of the whole draft starts now: probe, folders, PUT and retries share it. */
  job->deadline = g_get_monotonic_time () + (gint64) job->draft_deadline_ms * 1000;
  if (!read_local_draft (job, &draft, error))
    return NULL;
  what = g_uri_unescape_string (draft.remote_path, NULL);
  if (what == NULL)
    what = g_strdup (draft.remote_path);

  record = declic_sync_meta_load (draft.workspace, draft.id, &local_error);
  if (local_error != NULL)
    {
      /* Uploading as if for the first time is safe: If-None-Match turns a copy already on the
       * server into a conflict the person resolves, never into an overwrite. */
      g_message ("Ignoring the upload record of %s: %s", draft.id, local_error->message);
      g_clear_error (&local_error);
    }
  /* A record for another server or another folder (the label changed) says nothing here. */
  if (record != NULL &&
      g_str_equal (declic_sync_meta_get_server_url (record), job->server_url) &&
      g_str_equal (declic_sync_meta_get_remote_path (record), draft.remote_path))
    had_record = TRUE;

  if (checked)
    {
      if (job->preconditions == DECLIC_PRECONDITIONS_UNKNOWN && !declic_uploader_run_probe (job, error))
        return NULL;

      /* A server that cannot tell versions apart cannot protect anyone's changes. */
      if (job->preconditions == DECLIC_PRECONDITIONS_IGNORED ||
          (had_record && declic_sync_meta_get_etag (record) == NULL))
        {
          g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITIONS_IGNORED,
                       _("The server %s ignores conditional requests, so Déclic cannot tell whether someone else changed this draft there. Uploading could overwrite their changes without warning."),
                       job->display_host);
          return NULL;
        }
    }

  if (job->flags & DECLIC_UPLOAD_FLAGS_OVERWRITE)
    {
      Request head = { 0 };

      /* Replace exactly the version seen now: if it changes again meanwhile, that is a new
       * conflict, not something to overwrite blindly. */
      declic_uploader_request_init (&head, job, "HEAD", draft.url);
      if (!declic_uploader_perform (&head, error))
        {
          declic_uploader_request_clear (&head);
          return NULL;
        }
      if (is_success (head.status))
        if_match = g_steal_pointer (&head.etag);
      else if (head.status == 404 || head.status == 410)
        if_none_match_any = TRUE;
      else if (head.status != 405)
        {
          declic_uploader_set_status_error (&head, what, error);
          declic_uploader_request_clear (&head);
          return NULL;
        }
      declic_uploader_request_clear (&head);
    }
  else if (had_record)
    if_match = g_strdup (declic_sync_meta_get_etag (record));
  else
    if_none_match_any = TRUE;

  for (;;)
    {
      Request put = { 0 };

      declic_uploader_request_init (&put, job, "PUT", draft.url);
      put.if_match = if_match;
      put.if_none_match_any = if_none_match_any;
      put.body = draft.bytes;
      put.track = TRACK_UPLOAD;

      if (!declic_uploader_perform (&put, error))
        {
          declic_uploader_request_clear (&put);
          return NULL;
        }

      if (is_success (put.status))
        {
          etag = g_steal_pointer (&put.etag);
          declic_uploader_request_clear (&put);
          break;
        }

      /* WebDAV answers 409 (some servers 404, nginx 500) when the folder is missing: make it
       * and those above it, once. */
      if (may_be_missing_parent (put.status) && !folder_made)
        {
          declic_uploader_request_clear (&put);
          if (!make_folder (job, &draft, error))
            return NULL;
          folder_made = TRUE;
          continue;
        }

      if (put.status == 412)
        {
          declic_uploader_request_clear (&put);
          if (!resolve_precondition_failure (job, &draft, had_record, &etag, error))
            return NULL;
          break;
        }

      declic_uploader_set_status_error (&put, what, error);
      declic_uploader_request_clear (&put);
      return NULL;
    }

  /* Some servers (nginx) send no ETag with a PUT: ask for it, or the next upload could not say
   * which version it replaces. */
  if (etag == NULL)
    {
      Request head = { 0 };
      g_autoptr(GError) head_error = NULL;

      declic_uploader_request_init (&head, job, "HEAD", draft.url);
      if (declic_uploader_perform (&head, &head_error) && is_success (head.status))
        etag = g_steal_pointer (&head.etag);
      else
        g_debug ("No ETag for %s", draft.url);
      declic_uploader_request_clear (&head);
    }

  declic_uploader_report_progress (job->progress, g_bytes_get_size (draft.bytes), g_bytes_get_size (draft.bytes));

  result = declic_sync_meta_new (job->server_url, draft.remote_path, etag, NULL);
  if (!declic_sync_meta_save (result, draft.workspace, draft.id, error))
    return NULL;

  return g_steal_pointer (&result);
}

GBytes *
declic_uploader_run_download (Job     *job,
                              char   **etag,
                              GError **error)
{
  g_auto(LocalDraft) draft = { 0 };
  g_autofree char *what = NULL;
  Request request = { 0 };
  GBytes *bytes = NULL;

  /* The clock of the whole draft starts now: probe, folders, PUT and retries share it. */
  job->deadline = g_get_monotonic_time () + (gint64) job->draft_deadline_ms * 1000;
  if (!read_local_draft (job, &draft, error))
    return NULL;
  what = g_uri_unescape_string (draft.remote_path, NULL);

  if (fetch_server_copy (job, &draft, &request, TRACK_DOWNLOAD, error))
    {
      if (request.status == 200)
        {
          if (etag != NULL)
            *etag = g_steal_pointer (&request.etag);
          bytes = g_byte_array_free_to_bytes (g_steal_pointer (&request.response));
        }
      else
        declic_uploader_set_status_error (&request, what != NULL ? what : draft.remote_path, error);
    }

  declic_uploader_request_clear (&request);
  return bytes;
}
