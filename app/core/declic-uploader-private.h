/* declic-uploader-private.h: what the parts of the uploader share: the object's fields, the job a
 * worker thread runs with, its progress reports and one HTTP request.
 *
 * declic-uploader.c is the object, its settings and the public API; declic-uploader-job.c makes
 * jobs; declic-uploader-progress.c reports progress; declic-uploader-request.c performs one
 * request; declic-uploader-probe.c and declic-uploader-transfer.c are the operations.
 */
#pragma once

#include <curl/curl.h>
#include <string.h>

#include "declic-draft.h"
#include "declic-uploader.h"

G_BEGIN_DECLS

/* libcurl's handles, freed by g_autoptr like everything else. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CURL, curl_easy_cleanup)

#define DEFAULT_CONNECT_MS     15000
#define DEFAULT_IDLE_MS        30000
#define DEFAULT_TOTAL_MS       (5 * 60 * 1000)
#define DEFAULT_MAX_TRIES      3
#define DEFAULT_FIRST_DELAY_MS 500
/* Everything one draft needs (probe, folders, PUT, retries) must be done within this. */
#define DEFAULT_DRAFT_DEADLINE_MS (2 * 60 * 1000)
/* Under this many bytes a second, over the idle time, a transfer is too slow to go on. */
#define DEFAULT_LOW_SPEED_BYTES 256
/* Of an answer that is not a draft, what is read (and thrown away) before giving up on it. */
#define MAX_DISCARDED_RESPONSE (1024 * 1024)
/* Error pages and the like: kept for debugging, never needed whole. */
#define MAX_SMALL_RESPONSE     (64 * 1024)

struct _DeclicUploader
{
  GObject           parent_instance;

  char             *server_url;
  DeclicUploadAuth  auth;
  char             *username;
  char             *secret;
  char             *ca_file;
  guint             connect_ms;
  guint             idle_ms;
  guint             total_ms;
  guint             max_tries;
  guint             first_delay_ms;
  guint             draft_deadline_ms;
  guint             low_speed_bytes;

  /* Written by worker threads when a probe finishes. */
  GMutex            lock;
  DeclicPreconditions preconditions;
};

/* ------------------------------------------------------------------------------------------ */
/* Progress, delivered on the caller's main context */

typedef struct
{
  gatomicrefcount           ref_count;
  DeclicUploadProgressFunc  func;
  gpointer                  data;
  GDestroyNotify            data_free;
  GMainContext             *context;   /* NULL: call on the worker's own thread (sync calls) */

  GMutex                    lock;
  goffset                   current;
  goffset                   total;
  gboolean                  pending;
  goffset                   last_current;
  goffset                   last_total;
} Progress;

/* ------------------------------------------------------------------------------------------ */
/* A job: a snapshot of the settings, so the worker never reads the uploader's fields */

typedef enum
{
  JOB_UPLOAD,
  JOB_DOWNLOAD,
  JOB_PROBE,
} JobKind;

typedef struct
{
  JobKind              kind;
  DeclicUploader      *uploader;
  char                *server_url;    /* no trailing slash */
  char                *display_host;  /* "host" or "host:port", for messages */
  gboolean             loopback;
  DeclicUploadAuth     auth;
  char                *username;
  char                *secret;
  char                *ca_file;
  guint                connect_ms;
  guint                idle_ms;
  guint                total_ms;
  guint                max_tries;
  guint                first_delay_ms;
  guint                draft_deadline_ms;
  guint                low_speed_bytes;
  gint64               deadline;      /* monotonic µs by which the draft must be done; 0: none */
  DeclicPreconditions  preconditions;

  char                *draft_path;
  DeclicUploadFlags    flags;
  Progress            *progress;
  GCancellable        *cancellable;
  CURL                *curl;
} Job;

void declic_uploader_job_free (gpointer data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, declic_uploader_job_free)

/* ------------------------------------------------------------------------------------------ */
/* One HTTP request */

typedef enum
{
  TRACK_NONE,
  TRACK_UPLOAD,
  TRACK_DOWNLOAD,
} Track;

typedef struct
{
  Job          *job;
  const char   *method;
  const char   *url;
  const char   *if_match;          /* an ETag, quotes included */
  gboolean      if_none_match_any;
  GBytes       *body;
  gsize         body_offset;
  gsize         max_response;
  gboolean      fail_when_too_large;
  Track         track;

  /* The answer */
  long          status;
  char         *etag;
  GByteArray   *response;
  gboolean      too_large;
  gsize         discarded;         /* bytes past max_response, read and dropped */
  gboolean      deadline_passed;   /* stopped by the draft's deadline */
  gboolean      cut_by_deadline;   /* its time limit was what was left of the deadline */

  /* Idle detection: libcurl's low-speed limit averages over several seconds, so a server that
   * goes silent right after a fast upload would get many more seconds than "idle" says. */
  gint64        last_activity;
  curl_off_t    last_bytes;
  gboolean      idle_timed_out;
} Request;

static inline gboolean
is_success (long status)
{
  return status >= 200 && status < 300;
}

/* declic-uploader-job.c */
void            declic_uploader_wipe_and_free          (char                      *secret);
char           *declic_uploader_strip_trailing_slashes (const char                *url);
Job            *declic_uploader_job_new                (DeclicUploader            *self,
                                                        JobKind                    kind,
                                                        GError                   **error);
Job            *declic_uploader_job_new_for_draft      (DeclicUploader            *self,
                                                        JobKind                    kind,
                                                        const char                *draft_path,
                                                        DeclicUploadProgressFunc   progress,
                                                        gpointer                   progress_data,
                                                        GDestroyNotify             progress_data_free,
                                                        gboolean                   on_main_context,
                                                        GError                   **error);

/* declic-uploader-progress.c */
Progress       *declic_uploader_progress_new           (DeclicUploadProgressFunc   func,
                                                        gpointer                   data,
                                                        GDestroyNotify             data_free,
                                                        gboolean                   on_main_context);
void            declic_uploader_progress_unref         (gpointer                   data);
void            declic_uploader_report_progress        (Progress                  *progress,
                                                        goffset                    current,
                                                        goffset                    total);

/* declic-uploader-request.c */
void            declic_uploader_request_init           (Request                   *request,
                                                        Job                       *job,
                                                        const char                *method,
                                                        const char                *url);
void            declic_uploader_request_clear          (Request                   *request);
gboolean        declic_uploader_perform                (Request                   *request,
                                                        GError                   **error);
void            declic_uploader_set_status_error       (Request                   *request,
                                                        const char                *what,
                                                        GError                   **error);
gboolean        declic_uploader_ensure_curl            (Job                       *job,
                                                        GError                   **error);

/* declic-uploader-transfer.c: the server folder and those above it that are missing (MKCOL). */
gboolean        declic_uploader_make_base_folder       (Job                       *job,
                                                        GError                   **error);

/* declic-uploader-probe.c */
gboolean        declic_uploader_run_probe              (Job                       *job,
                                                        GError                   **error);

/* declic-uploader-transfer.c */
DeclicSyncMeta *declic_uploader_run_upload             (Job                       *job,
                                                        GError                   **error);
GBytes         *declic_uploader_run_download           (Job                       *job,
                                                        char                     **etag,
                                                        GError                   **error);

G_END_DECLS
