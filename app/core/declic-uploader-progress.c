/* declic-uploader-progress.c: progress reports from the worker thread, coalesced and delivered
 * on the caller's main context (or on the worker itself for the sync calls). */
#define G_LOG_DOMAIN "declic-uploader"

#include "config.h"

#include "declic-uploader-private.h"

Progress *
declic_uploader_progress_new (DeclicUploadProgressFunc func,
                              gpointer                 data,
                              GDestroyNotify           data_free,
                              gboolean                 on_main_context)
{
  Progress *progress = g_new0 (Progress, 1);

  g_atomic_ref_count_init (&progress->ref_count);
  g_mutex_init (&progress->lock);
  progress->func = func;
  progress->data = data;
  progress->data_free = data_free;
  progress->context = on_main_context ? g_main_context_ref_thread_default () : NULL;
  progress->last_current = -1;
  progress->last_total = -1;

  return progress;
}

static Progress *
progress_ref (Progress *progress)
{
  g_atomic_ref_count_inc (&progress->ref_count);
  return progress;
}

void
declic_uploader_progress_unref (gpointer data)
{
  Progress *progress = data;

  if (progress == NULL || !g_atomic_ref_count_dec (&progress->ref_count))
    return;

  if (progress->data_free != NULL)
    progress->data_free (progress->data);
  g_clear_pointer (&progress->context, g_main_context_unref);
  g_mutex_clear (&progress->lock);
  g_free (progress);
}

static gboolean
dispatch_progress (gpointer data)
{
  Progress *progress = data;
  goffset current, total;

  g_mutex_lock (&progress->lock);
  current = progress->current;
  total = progress->total;
  progress->pending = FALSE;
  g_mutex_unlock (&progress->lock);

  progress->func (current, total, progress->data);
  return G_SOURCE_REMOVE;
}

void
declic_uploader_report_progress (Progress *progress,
                                 goffset   current,
                                 goffset   total)
{
  gboolean schedule = FALSE;

  if (progress == NULL || progress->func == NULL)
    return;

  g_mutex_lock (&progress->lock);
  /* libcurl calls back many times a second with the same figures: pass on only changes. A
   * request sent again (a retry, or after making the folder) starts from 0: the bar must not
   * jump back, so it waits until the new attempt passes the old one. */
  if ((current > progress->last_current && total == progress->last_total) ||
      (total > progress->last_total))
    {
      progress->last_current = progress->current = current;
      progress->last_total = progress->total = total;
      /* At most one pending call: a slow main loop sees the latest figures, not a backlog. */
      if (!progress->pending)
        {
          progress->pending = TRUE;
          schedule = TRUE;
        }
    }
  g_mutex_unlock (&progress->lock);

  if (!schedule)
    return;

  if (progress->context == NULL)
    dispatch_progress (progress);
  else
    {
      /* Not g_main_context_invoke (): it runs the callback right here, on the worker, whenever
       * it can acquire the context, i.e. when the main thread happens not to be iterating it. */
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, dispatch_progress, progress_ref (progress), declic_uploader_progress_unref);
      g_source_set_static_name (source, "[declic] upload progress");
      g_source_attach (source, progress->context);
      g_source_unref (source);
    }
}
