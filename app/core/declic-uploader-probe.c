/* declic-uploader-probe.c: whether the server honours If-Match, found by a PUT that must fail. */
#define G_LOG_DOMAIN "declic-uploader"

#include "config.h"

#include "declic-uploader-private.h"

static void
set_preconditions (Job                 *job,
                   DeclicPreconditions  preconditions)
{
  DeclicUploader *self = job->uploader;
  g_autofree char *current = NULL;

  job->preconditions = preconditions;

  /* Only remember it for the address that was probed: the settings may have changed since. */
  g_mutex_lock (&self->lock);
  current = declic_uploader_strip_trailing_slashes (self->server_url);
  if (g_str_equal (current, job->server_url))
    self->preconditions = preconditions;
  g_mutex_unlock (&self->lock);
}

gboolean
declic_uploader_run_probe (Job     *job,
                           GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static ("Déclic checks this server. This file can be deleted.\n", 54);
  Request request = { 0 };
  gboolean ok = FALSE;

  name = g_strdup_printf (".declic-probe-%08x%08x", g_random_int (), g_random_int ());
  url = g_strconcat (job->server_url, "/", name, NULL);

  /* No version of a file that does not exist yet can match "bogus": a server that honours
   * If-Match must answer 412 and write nothing. One that writes the file ignores it, and would
   * ignore it just the same when it stands between two people's changes. */
  declic_uploader_request_init (&request, job, "PUT", url);
  request.if_match = "\"declic-probe-bogus\"";
  request.body = body;

  if (!declic_uploader_perform (&request, error))
    goto out;

  /* The server folder does not exist yet (a new folder for this office): make it, and those
   * above it, then probe again. Without it, the probe's 409 would name the probe file. */
  if (request.status == 404 || request.status == 409 || request.status == 500)
    {
      declic_uploader_request_clear (&request);
      if (!declic_uploader_make_base_folder (job, error))
        goto out;
      declic_uploader_request_init (&request, job, "PUT", url);
      request.if_match = "\"declic-probe-bogus\"";
      request.body = body;
      if (!declic_uploader_perform (&request, error))
        goto out;
    }

  if (request.status == 412)
    {
      set_preconditions (job, DECLIC_PRECONDITIONS_HONOURED);
      ok = TRUE;
    }
  else if (is_success (request.status))
    {
      Request cleanup = { 0 };
      g_autoptr(GError) local_error = NULL;

      g_debug ("%s stored the probe despite If-Match: it ignores preconditions", job->display_host);
      set_preconditions (job, DECLIC_PRECONDITIONS_IGNORED);
      ok = TRUE;

      /* Leave nothing behind; a probe that cannot be deleted is harmless, so do not fail. */
      declic_uploader_request_init (&cleanup, job, "DELETE", url);
      if (!declic_uploader_perform (&cleanup, &local_error))
        g_debug ("Could not delete the probe %s: %s", url, local_error->message);
      else if (!is_success (cleanup.status))
        g_debug ("Could not delete the probe %s: HTTP %ld", url, cleanup.status);
      declic_uploader_request_clear (&cleanup);
    }
  else
    declic_uploader_set_status_error (&request, name, error);

out:
  declic_uploader_request_clear (&request);
  return ok;
}
