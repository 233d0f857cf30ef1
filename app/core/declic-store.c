/* declic-store.c: a workspace folder of drafts, listed fast and followed for outside changes. */
#define G_LOG_DOMAIN "declic-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-c/json.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "declic-clock.h"
#include "declic-draft-private.h"
#include "declic-i18n.h"
#include "declic-store.h"
#include "declic-safe-name.h"
#include "declic-spouse-links.h"
#include "declic-utils.h"
#include "declic-workspace-files.h"

#define INDEX_VERSION 4  /* 2: each entry has the check's figures; 3: and the grid, language and invitation dates;
                          * 4: and a filed DI's expiry */
#define META_DIR      ".declic"
#define TRASH_DIR     ".declic/trash"
#define INDEX_FILE    ".declic/index.json"
/* The index is a cache: one larger than this is not read (a 300 MB index took 934 MB of
 * memory) but rebuilt from the drafts. 10,000 drafts make an index of about 10 MB. */
#define MAX_INDEX_SIZE (64 * 1024 * 1024)

struct _DeclicStore
{
  GObject       parent_instance;
  char         *folder;
  GPtrArray    *items;     /* DeclicDraftSummary, in listing order */
  GHashTable   *by_path;   /* path → DeclicDraftSummary (borrowed from items) */
  GFileMonitor *monitor;
  guint         save_index_id;

  /* The index is written from snapshots on worker threads (10,000 summaries are megabytes of
   * JSON: too long for the main thread). Writes are numbered when their snapshot is taken; a
   * worker that finds a later snapshot already on disk leaves it there. */
  guint64       index_generation;  /* main thread only: the last snapshot taken */
  GMutex        index_lock;        /* held while writing; guards index_written */
  guint64       index_written;     /* the snapshot on disk */
};

static void declic_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeclicStore, declic_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, declic_store_list_model_init))

G_DEFINE_QUARK (declic-store-error-quark, declic_store_error)

static GType
declic_store_get_item_type (GListModel *model)
{
  return DECLIC_TYPE_DRAFT_SUMMARY;
}

static guint
declic_store_get_n_items (GListModel *model)
{
  return DECLIC_STORE (model)->items->len;
}

static gpointer
declic_store_get_item (GListModel *model,
                       guint       position)
{
  DeclicStore *self = DECLIC_STORE (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
declic_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = declic_store_get_item_type;
  iface->get_n_items = declic_store_get_n_items;
  iface->get_item = declic_store_get_item;
}

static gboolean write_index (DeclicStore *self, GError **error);
static void     write_index_in_background (DeclicStore *self);

static void
declic_store_dispose (GObject *object)
{
  DeclicStore *self = DECLIC_STORE (object);

  /* A change not on disk yet is written now, blocking: the store is going away and the process
   * may exit before a worker would be done. */
  if (self->save_index_id != 0)
    {
      g_clear_handle_id (&self->save_index_id, g_source_remove);
      write_index (self, NULL);
    }
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (declic_store_parent_class)->dispose (object);
}

static void
declic_store_finalize (GObject *object)
{
  DeclicStore *self = DECLIC_STORE (object);

  g_hash_table_unref (self->by_path);
  g_ptr_array_unref (self->items);
  g_free (self->folder);
  g_mutex_clear (&self->index_lock);

  G_OBJECT_CLASS (declic_store_parent_class)->finalize (object);
}

static void
declic_store_class_init (DeclicStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = declic_store_dispose;
  object_class->finalize = declic_store_finalize;
}

static void
declic_store_init (DeclicStore *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_path = g_hash_table_new (g_str_hash, g_str_equal);
  g_mutex_init (&self->index_lock);
}

/**
 * declic_store_get_default_folder:
 *
 * Returns: (transfer full): the workspace used when none is chosen: "$XDG_DATA_HOME/declic/drafts"
 */
char *
declic_store_get_default_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "declic", "drafts", NULL);
}

DeclicStore *
declic_store_new (const char *folder)
{
  DeclicStore *self;

  g_return_val_if_fail (folder != NULL, NULL);

  self = g_object_new (DECLIC_TYPE_STORE, NULL);
  self->folder = g_strdup (folder);
  return self;
}

const char *
declic_store_get_folder (DeclicStore *self)
{
  g_return_val_if_fail (DECLIC_IS_STORE (self), NULL);

  return self->folder;
}

/**
 * declic_store_list_open_folders:
 * @folder: a workspace folder
 *
 * Returns: (transfer full) (nullable): @folder and its ".declic" folder, those of them that
 *   others can write to (mode o+w), or %NULL
 */
GStrv
declic_store_list_open_folders (const char *folder)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *meta = g_build_filename (folder, META_DIR, NULL);
  const char *paths[] = { folder, meta };
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      GStatBuf st;

      if (g_lstat (paths[i], &st) == 0 && S_ISDIR (st.st_mode) && (st.st_mode & S_IWOTH) != 0)
        {
          g_strv_builder_add (builder, paths[i]);
          any = TRUE;
        }
    }
  return any ? g_strv_builder_end (builder) : NULL;
}

/**
 * declic_store_make_private:
 * @folder: a workspace folder
 * @error: a #G_FILE_ERROR
 *
 * Sets the workspace folder and its ".declic" folder (when there is one) to 0700. A link in
 * their place is refused, never followed.
 */
gboolean
declic_store_make_private (const char  *folder,
                           GError     **error)
{
  g_autofree char *meta = g_build_filename (folder, META_DIR, NULL);
  const char *paths[] = { folder, meta };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      int fd = open (paths[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

      if (fd < 0 && errno == ENOENT && i > 0)
        continue;
      if (fd < 0 || fchmod (fd, 0700) != 0)
        {
          int saved = errno;

          if (fd >= 0)
            close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not make the folder %s private: %s"), paths[i], g_strerror (saved));
          return FALSE;
        }
      close (fd);
    }
  return TRUE;
}

gboolean
declic_store_is_draft_file_name (const char *name)
{
  return name != NULL && name[0] != '.' && g_str_has_suffix (name, ".json");
}

/* The store names the files: an id that could leave the folder or hide the file has none. */
char *
declic_store_path_for_id (DeclicStore *self,
                          const char  *id)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (DECLIC_IS_STORE (self), NULL);

  if (!declic_safe_name_is_valid_id (id))
    return NULL;
  name = g_strconcat (id, ".json", NULL);
  return g_build_filename (self->folder, name, NULL);
}

static gboolean
ensure_private_folder (const char  *folder,
                       GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, DECLIC_STORE_ERROR, DECLIC_STORE_ERROR_FOLDER,
                   _("Could not create the workspace folder %s: %s"), folder, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* "2026-11-22": the day the figures of the index are worked out on (declic-clock.h). */
static char *
dup_today (void)
{
  GDate today;

  declic_clock_get_today (&today);
  return declic_utils_format_date (&today);
}

/* Reads the summary of one file, from the index when its size and time match and its figures
 * were worked out today (ages, expiries and days left change with the date, and so does the
 * reference date once a planned filing date passes; any other change of it changes the file). */
/* The links of @folder; none, with a message, when its links file is refused. */
static DeclicSpouseLinks *
load_links (const char *folder)
{
  g_autoptr(GError) error = NULL;
  DeclicSpouseLinks *links = declic_spouse_links_load (folder, &error);

  if (links == NULL)
    {
      g_message ("%s", error->message);
      links = declic_spouse_links_new (folder);
    }
  return links;
}

/* The summary of @draft, with its linked spouse's draft compared when it has one. */
static DeclicDraftSummary *
summarize_draft (const char        *path,
                 DeclicDraft       *draft,
                 DeclicSpouseLinks *links,
                 const char        *today,
                 gint64             mtime,
                 gint64             size)
{
  const char *spouse_id = links != NULL ? declic_spouse_links_get_spouse (links, declic_draft_get_id (draft)) : NULL;
  g_autoptr(DeclicDraft) spouse = NULL;

  if (spouse_id != NULL)
    {
      g_autofree char *name = g_strconcat (spouse_id, ".json", NULL);
      g_autofree char *spouse_path = g_build_filename (declic_spouse_links_get_workspace (links), name, NULL);

      spouse = declic_draft_new_from_file_full (spouse_path, DECLIC_DRAFT_LOAD_NO_FOLLOW, NULL);
      if (spouse != NULL && g_strcmp0 (declic_draft_get_id (spouse), spouse_id) != 0)
        g_clear_object (&spouse);
    }
  return declic_draft_summary_new_for_linked_draft (path, draft, spouse, spouse_id, today, mtime, size);
}

static DeclicDraftSummary *
summarize_file (const char        *path,
                json_object       *index_entries,
                const char        *name,
                const char        *today,
                DeclicSpouseLinks *links,
                gboolean          *parsed)
{
  GStatBuf st;
  gint64 mtime;
  json_object *cached;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = NULL;

  *parsed = FALSE;
  /* A link, a pipe or a device named like a draft is listed as refused, never followed or read. */
  if (g_lstat (path, &st) != 0 || S_ISDIR (st.st_mode))
    return NULL;
  mtime = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
  if (!S_ISREG (st.st_mode))
    return declic_draft_summary_new_for_error (path,
                                               S_ISLNK (st.st_mode)
                                                 ? _("This entry is a symbolic link: Déclic does not follow links in a workspace")
                                                 : _("This entry is not a regular file (a pipe or a device): Déclic does not read it"),
                                               mtime, st.st_size);

  cached = index_entries != NULL ? json_object_object_get (index_entries, name) : NULL;
  if (cached != NULL &&
      json_object_get_int64 (json_object_object_get (cached, "mtime")) == mtime &&
      json_object_get_int64 (json_object_object_get (cached, "size")) == (gint64) st.st_size &&
      (json_object_object_get (cached, "error") != NULL ||
       g_strcmp0 (json_object_get_string (json_object_object_get (cached, "checked_on")), today) == 0))
    {
      DeclicDraftSummary *summary = declic_draft_summary_new_from_json (path, cached);

      /* A linked draft's figures depend on another file too: it is always checked again. */
      if (summary != NULL &&
          (declic_draft_summary_get_spouse_id (summary) != NULL ||
           (links != NULL && declic_spouse_links_get_spouse (links, declic_draft_summary_get_id (summary)) != NULL)))
        g_clear_object (&summary);
      if (summary != NULL)
        return summary;
    }

  *parsed = TRUE;
  draft = declic_draft_new_from_file_full (path, DECLIC_DRAFT_LOAD_NO_FOLLOW, &error);
  if (draft == NULL)
    return declic_draft_summary_new_for_error (path, error->message, mtime, st.st_size);
  return summarize_draft (path, draft, links, today, mtime, st.st_size);
}

static json_object *
read_index (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, INDEX_FILE, NULL);
  json_object *root;
  json_object *entries;
  GStatBuf st;

  /* Not through a link, not a pipe, and not past the cap. */
  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;
  if (st.st_size > MAX_INDEX_SIZE)
    {
      g_autofree char *size = g_format_size (st.st_size);
      g_autofree char *limit = g_format_size (MAX_INDEX_SIZE);
      g_message (_("The workspace index %s is too large (%s, more than %s): it is not read, and is made again from the drafts."),
                 path, size, limit);
      return NULL;
    }
  /* Through ".declic" and to the index without following a link or opening a pipe (an index
   * is a cache: one that cannot be read is made again, replacing whatever was there). */
  {
    g_autofree char *data = NULL;
    gsize length;

    if (!declic_workspace_files_read (folder, INDEX_FILE, MAX_INDEX_SIZE, &data, &length, NULL))
      return NULL;
    root = json_tokener_parse (data);
  }
  if (root == NULL)
    return NULL;
  if (json_object_get_int (json_object_object_get (root, "version")) != INDEX_VERSION ||
      !json_object_object_get_ex (root, "entries", &entries) ||
      !json_object_is_type (entries, json_type_object))
    {
      json_object_put (root);
      return NULL;
    }
  return root;
}

/* What the index holds at one moment: the summaries (immutable, shared by reference) and the
 * number of the snapshot. */
typedef struct
{
  char      *folder;
  GPtrArray *items;
  guint64    generation;
} IndexSnapshot;

static void
index_snapshot_free (IndexSnapshot *snapshot)
{
  g_free (snapshot->folder);
  g_ptr_array_unref (snapshot->items);
  g_free (snapshot);
}

static IndexSnapshot *
take_snapshot (DeclicStore *self)
{
  IndexSnapshot *snapshot = g_new0 (IndexSnapshot, 1);

  snapshot->folder = g_strdup (self->folder);
  snapshot->items = g_ptr_array_new_full (self->items->len, g_object_unref);
  for (guint i = 0; i < self->items->len; i++)
    g_ptr_array_add (snapshot->items, g_object_ref (g_ptr_array_index (self->items, i)));
  snapshot->generation = ++self->index_generation;
  return snapshot;
}

/* Any thread: reads only @snapshot, and the store's lock and counter. */
static gboolean
write_snapshot (DeclicStore    *self,
                IndexSnapshot  *snapshot,
                GError        **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->index_lock);
  json_object *root;
  json_object *entries;
  const char *text;
  gboolean ok;

  if (snapshot->generation <= self->index_written)
    return TRUE;  /* a later state is on disk already */

  root = json_object_new_object ();
  entries = json_object_new_object ();
  json_object_object_add (root, "version", json_object_new_int (INDEX_VERSION));
  json_object_object_add (root, "entries", entries);
  for (guint i = 0; i < snapshot->items->len; i++)
    {
      DeclicDraftSummary *summary = g_ptr_array_index (snapshot->items, i);
      g_autofree char *name = g_path_get_basename (declic_draft_summary_get_path (summary));
      json_object_object_add (entries, name, declic_draft_summary_to_json (summary));
    }

  text = json_object_to_json_string_ext (root, JSON_C_TO_STRING_PLAIN);
  /* The index holds names: as private as the drafts themselves. */
  ok = declic_workspace_files_write (snapshot->folder, INDEX_FILE, text, -1, error);
  json_object_put (root);
  if (ok)
    self->index_written = snapshot->generation;
  return ok;
}

/* Blocks: for declic_store_load () and for a store going away. */
static gboolean
write_index (DeclicStore  *self,
             GError      **error)
{
  IndexSnapshot *snapshot = take_snapshot (self);
  gboolean ok = write_snapshot (self, snapshot, error);

  index_snapshot_free (snapshot);
  return ok;
}

static void
write_index_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_snapshot (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
write_index_done (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not write the workspace index: %s", error->message);
}

static GTask *
new_index_task (DeclicStore         *self,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, declic_store_write_index_async);
  g_task_set_task_data (task, take_snapshot (self), (GDestroyNotify) index_snapshot_free);
  return task;
}

static void
write_index_in_background (DeclicStore *self)
{
  g_autoptr(GTask) task = new_index_task (self, NULL, write_index_done, NULL);

  g_task_run_in_thread (task, write_index_in_thread);
}

static gboolean
save_index_cb (gpointer user_data)
{
  DeclicStore *self = user_data;

  self->save_index_id = 0;
  write_index_in_background (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_index_save (DeclicStore *self)
{
  if (self->save_index_id == 0)
    self->save_index_id = g_timeout_add_seconds (2, save_index_cb, self);
}

/**
 * declic_store_write_index_async:
 *
 * Writes the index of the list as it is now, on a worker thread, without waiting for the pause
 * after changes that the store otherwise waits for. Completes once that state (or a later one)
 * is on disk.
 */
void
declic_store_write_index_async (DeclicStore         *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DECLIC_IS_STORE (self));

  g_clear_handle_id (&self->save_index_id, g_source_remove);
  task = new_index_task (self, cancellable, callback, user_data);
  g_task_run_in_thread (task, write_index_in_thread);
}

gboolean
declic_store_write_index_finish (DeclicStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort passes pointers to the elements. */
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The scan, safe to run on a worker thread: it only touches the file system and new objects. */
static GPtrArray *
scan_folder (const char    *folder,
             gboolean      *index_dirty,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  json_object *index = NULL;
  json_object *entries = NULL;
  const char *name;
  guint n_from_index = 0;
  g_autofree char *today = dup_today ();
  g_autoptr(DeclicSpouseLinks) links = NULL;

  if (!ensure_private_folder (folder, error))
    return NULL;

  /* A save killed midway leaves a full copy of someone's data under a temporary name. */
  declic_draft_remove_stale_temp_files (folder);

  dir = g_dir_open (folder, 0, error);
  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (declic_store_is_draft_file_name (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  links = load_links (folder);
  index = read_index (folder);
  if (index != NULL)
    entries = json_object_object_get (index, "entries");

  *index_dirty = FALSE;
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (folder, file, NULL);
      gboolean parsed;
      DeclicDraftSummary *summary;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          json_object_put (index);
          return NULL;
        }

      summary = summarize_file (path, entries, file, today, links, &parsed);
      if (summary == NULL)
        continue;
      if (parsed)
        *index_dirty = TRUE;
      else
        n_from_index++;
      g_ptr_array_add (items, summary);
    }

  /* Entries for files that are gone also make the index stale. */
  if (entries != NULL && n_from_index != (guint) json_object_object_length (entries))
    *index_dirty = TRUE;

  json_object_put (index);
  return g_steal_pointer (&items);
}

static void start_monitor (DeclicStore *self);

static void
replace_items (DeclicStore *self,
               GPtrArray   *items,
               gboolean     index_dirty,
               gboolean     blocking)
{
  guint removed = self->items->len;

  g_hash_table_remove_all (self->by_path);
  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < items->len; i++)
    {
      DeclicDraftSummary *summary = g_ptr_array_index (items, i);
      g_ptr_array_add (self->items, g_object_ref (summary));
      g_hash_table_insert (self->by_path, (gpointer) declic_draft_summary_get_path (summary), summary);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);

  if (index_dirty && blocking)
    {
      g_autoptr(GError) error = NULL;
      if (!write_index (self, &error))
        g_warning ("Could not write the workspace index: %s", error->message);
    }
  else if (index_dirty)
    write_index_in_background (self);
  start_monitor (self);
}

/**
 * declic_store_load:
 *
 * Lists the folder (creating it, private, when absent) and starts following it. Blocks: the
 * GUI uses declic_store_load_async().
 */
gboolean
declic_store_load (DeclicStore   *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GPtrArray) items = NULL;
  gboolean index_dirty = FALSE;

  g_return_val_if_fail (DECLIC_IS_STORE (self), FALSE);

  items = scan_folder (self->folder, &index_dirty, cancellable, error);
  if (items == NULL)
    return FALSE;
  replace_items (self, items, index_dirty, TRUE);
  return TRUE;
}

typedef struct
{
  GPtrArray *items;
  gboolean   index_dirty;
} ScanResult;

static void
scan_result_free (ScanResult *result)
{
  g_clear_pointer (&result->items, g_ptr_array_unref);
  g_free (result);
}

static void
scan_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char *folder = task_data;
  ScanResult *result = g_new0 (ScanResult, 1);
  GError *error = NULL;

  result->items = scan_folder (folder, &result->index_dirty, cancellable, &error);
  if (result->items == NULL)
    {
      scan_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) scan_result_free);
}

void
declic_store_load_async (DeclicStore         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DECLIC_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, declic_store_load_async);
  g_task_set_task_data (task, g_strdup (self->folder), g_free);
  g_task_run_in_thread (task, scan_in_thread);
}

gboolean
declic_store_load_finish (DeclicStore   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  ScanResult *scan;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  scan = g_task_propagate_pointer (G_TASK (result), error);
  if (scan == NULL)
    return FALSE;
  replace_items (self, scan->items, scan->index_dirty, FALSE);
  scan_result_free (scan);
  return TRUE;
}

static gint
find_position (DeclicStore        *self,
               DeclicDraftSummary *summary)
{
  guint position;

  if (summary != NULL && g_ptr_array_find (self->items, summary, &position))
    return (gint) position;
  return -1;
}

static void
refresh_spouse (DeclicStore *self,
                const char  *spouse_id)
{
  g_autofree char *spouse_path = spouse_id != NULL ? declic_store_path_for_id (self, spouse_id) : NULL;
  DeclicDraftSummary *spouse = spouse_path != NULL ? g_hash_table_lookup (self->by_path, spouse_path) : NULL;
  gint position = find_position (self, spouse);
  g_autofree char *today = NULL;
  g_autoptr(DeclicSpouseLinks) links = NULL;
  gboolean parsed;
  DeclicDraftSummary *fresh;

  if (position < 0)
    return;
  today = dup_today ();
  links = load_links (self->folder);
  fresh = summarize_file (spouse_path, NULL, NULL, today, links, &parsed);
  if (fresh == NULL)
    return;
  g_hash_table_remove (self->by_path, spouse_path);
  g_ptr_array_index (self->items, position) = fresh;
  g_hash_table_insert (self->by_path, (gpointer) declic_draft_summary_get_path (fresh), fresh);
  g_object_unref (spouse);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

static void replace_summary (DeclicStore *self, const char *path, DeclicDraftSummary *fresh);

/* Brings the list in step with one file: added, changed or gone; and the draft linked to it as
 * its spouse's, whose disagreements with it may have changed too. */
static void
refresh_path (DeclicStore *self,
              const char  *path)
{
  g_autoptr(DeclicSpouseLinks) links = NULL;
  DeclicDraftSummary *old = g_hash_table_lookup (self->by_path, path);
  g_autofree char *name = g_path_get_basename (path);
  gboolean parsed;
  GStatBuf st;
  g_autofree char *today = dup_today ();

  if (old != NULL && g_lstat (path, &st) == 0 &&
      (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000 == declic_draft_summary_get_mtime (old) &&
      (gint64) st.st_size == declic_draft_summary_get_size (old))
    return;

  links = load_links (self->folder);
  replace_summary (self, path, summarize_file (path, NULL, name, today, links, &parsed));
}

/* Puts @fresh (owned; %NULL: the file is gone) in the place of @path's summary, with the
 * signals of a change, an addition or a removal, and refreshes the spouses concerned. */
static void
replace_summary (DeclicStore        *self,
                 const char         *path,
                 DeclicDraftSummary *fresh)
{
  g_autofree char *previous_spouse = NULL;
  DeclicDraftSummary *old = g_hash_table_lookup (self->by_path, path);
  gint position = find_position (self, old);

  if (old != NULL && declic_draft_summary_get_spouse_id (old) != NULL)
    previous_spouse = g_strdup (declic_draft_summary_get_spouse_id (old));

  if (position >= 0)
    {
      g_hash_table_remove (self->by_path, path);
      if (fresh != NULL)
        {
          g_ptr_array_index (self->items, position) = fresh;
          g_hash_table_insert (self->by_path, (gpointer) declic_draft_summary_get_path (fresh), fresh);
          g_object_unref (old);
          g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
        }
      else
        {
          g_ptr_array_remove_index (self->items, position);
          g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
        }
    }
  else if (fresh != NULL)
    {
      g_ptr_array_add (self->items, fresh);
      g_hash_table_insert (self->by_path, (gpointer) declic_draft_summary_get_path (fresh), fresh);
      g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
    }
  else
    return;

  /* Linked before the change, or since. */
  if (previous_spouse != NULL)
    refresh_spouse (self, previous_spouse);
  if (fresh != NULL && declic_draft_summary_get_spouse_id (fresh) != NULL &&
      g_strcmp0 (declic_draft_summary_get_spouse_id (fresh), previous_spouse) != 0)
    refresh_spouse (self, declic_draft_summary_get_spouse_id (fresh));
  schedule_index_save (self);
}

static void
refresh_file (DeclicStore *self,
              GFile       *file)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (file == NULL)
    return;
  name = g_file_get_basename (file);
  if (!declic_store_is_draft_file_name (name))
    return;
  path = g_build_filename (self->folder, name, NULL);
  refresh_path (self, path);
}

static void
on_monitor_changed (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    gpointer           user_data)
{
  DeclicStore *self = user_data;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      refresh_file (self, file);
      break;
    case G_FILE_MONITOR_EVENT_RENAMED:
      refresh_file (self, file);
      refresh_file (self, other_file);
      break;
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

static void
start_monitor (DeclicStore *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    return;

  folder = g_file_new_for_path (self->folder);
  self->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_warning ("Changes made to %s by other programs will not show: %s", self->folder, error->message);
      return;
    }
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_monitor_changed), self, 0);
}

DeclicDraftSummary *
declic_store_find (DeclicStore *self,
                   const char  *path)
{
  g_return_val_if_fail (DECLIC_IS_STORE (self), NULL);

  return g_hash_table_lookup (self->by_path, path);
}

DeclicDraft *
declic_store_open_draft (DeclicStore  *self,
                         const char   *path,
                         GError      **error)
{
  g_return_val_if_fail (DECLIC_IS_STORE (self), NULL);

  declic_draft_remove_stale_temp_files (self->folder);
  /* An entry of the workspace: a link is refused, never followed. */
  return declic_draft_new_from_file_full (path, DECLIC_DRAFT_LOAD_NO_FOLLOW, error);
}

/* The file of @draft in the workspace, its folder made if need be; %NULL with @error when its
 * id cannot name a file. */
static char *
prepare_save (DeclicStore  *self,
              DeclicDraft  *draft,
              GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!declic_safe_name_check_id (declic_draft_get_id (draft), &local_error))
    {
      g_set_error (error, DECLIC_STORE_ERROR, DECLIC_STORE_ERROR_UNSAFE_NAME,
                   _("Could not save the draft: %s"), local_error->message);
      return NULL;
    }
  if (!ensure_private_folder (self->folder, error))
    return NULL;
  return declic_store_path_for_id (self, declic_draft_get_id (draft));
}

gboolean
declic_store_save_draft (DeclicStore  *self,
                         DeclicDraft  *draft,
                         GError      **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (DECLIC_IS_STORE (self), FALSE);
  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), FALSE);

  path = prepare_save (self, draft, error);
  if (path == NULL || !declic_draft_save_to_file (draft, path, error))
    return FALSE;

  /* Show the change now rather than when the file monitor reports it. */
  refresh_path (self, path);
  return TRUE;
}

static void
draft_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeclicStore *self = g_task_get_source_object (task);
  const char *path = g_task_get_task_data (task);
  GError *error = NULL;
  DeclicDraft *saved;
  gint64 size = 0, mtime = 0;

  if (!declic_draft_save_to_file_finish (DECLIC_DRAFT (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Show the change now, from the text just written (read back by the save, to check it
   * loads), rather than by reading the file again or waiting for the file monitor; the
   * monitor's report then finds the summary's size and time current and does nothing. */
  saved = declic_draft_save_result_get_saved (result, &size, &mtime);
  if (saved != NULL)
    {
      g_autoptr(DeclicSpouseLinks) links = load_links (self->folder);
      g_autofree char *today = dup_today ();

      replace_summary (self, path, summarize_draft (path, saved, links, today, mtime, size));
    }
  else
    refresh_path (self, path);
  g_task_return_boolean (task, TRUE);
}

/**
 * declic_store_save_draft_async:
 *
 * Saves @draft as declic_store_save_draft() does, writing on a worker thread (see
 * declic_draft_save_to_file_async()), and updates its summary from the text written.
 */
void
declic_store_save_draft_async (DeclicStore         *self,
                               DeclicDraft         *draft,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  char *path;

  g_return_if_fail (DECLIC_IS_STORE (self));
  g_return_if_fail (DECLIC_IS_DRAFT (draft));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, declic_store_save_draft_async);
  g_task_set_check_cancellable (task, FALSE);
  /* Only a stat and, the first time, a mkdir: done here, before the draft's text is taken. */
  path = prepare_save (self, draft, &error);
  if (path == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, path, g_free);
  declic_draft_save_to_file_async (draft, path, cancellable, draft_saved_cb, g_steal_pointer (&task));
}

gboolean
declic_store_save_draft_finish (DeclicStore   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == declic_store_save_draft_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

DeclicDraft *
declic_store_create_draft (DeclicStore  *self,
                           GError      **error)
{
  g_autoptr(DeclicDraft) draft = declic_draft_new ();

  g_return_val_if_fail (DECLIC_IS_STORE (self), NULL);

  if (!declic_store_save_draft (self, draft, error))
    return NULL;
  return g_steal_pointer (&draft);
}

/**
 * declic_store_import_draft:
 *
 * Copies a draft file into the workspace after checking it. A draft whose id is already in the
 * workspace is imported as a copy with a new id, so that nothing is overwritten.
 */
DeclicDraft *
declic_store_import_draft (DeclicStore  *self,
                           const char   *source_path,
                           GError      **error)
{
  g_autoptr(DeclicDraft) draft = NULL;
  g_autofree char *target = NULL;
  GStatBuf st;

  g_return_val_if_fail (DECLIC_IS_STORE (self), NULL);
  g_return_val_if_fail (source_path != NULL, NULL);

  draft = declic_draft_new_from_file (source_path, error);
  if (draft == NULL)
    return NULL;

  /* Anything already at that name, a dangling link included, keeps its place. */
  target = declic_store_path_for_id (self, declic_draft_get_id (draft));
  if (target == NULL || g_lstat (target, &st) == 0)
    {
      DeclicDraft *copy = declic_draft_duplicate (draft);
      g_object_unref (draft);
      draft = copy;
    }

  /* The draft now belongs to its file in the workspace, not to the file it came from: without
   * this, its next saves would compare the workspace file with the source's stamp, that is
   * not at all, and silently overwrite another program's change. */
  declic_draft_forget_disk_state (draft);
  if (!declic_store_save_draft (self, draft, error))
    return NULL;
  return g_steal_pointer (&draft);
}

/* Saves @draft at @path: its own name in the workspace, or the file it was opened from. */
static gboolean
save_draft_at (DeclicStore  *self,
               DeclicDraft  *draft,
               const char   *path,
               GError      **error)
{
  g_autofree char *own = declic_store_path_for_id (self, declic_draft_get_id (draft));
  g_autofree char *dir = NULL;

  if (g_strcmp0 (own, path) == 0)
    return declic_store_save_draft (self, draft, error);
  if (!declic_draft_save_to_file (draft, path, error))
    return FALSE;
  dir = g_path_get_dirname (path);
  if (g_str_equal (dir, self->folder))
    refresh_path (self, path);
  return TRUE;
}

/**
 * declic_store_resolve_conflict:
 * @draft: a draft whose save to @path was refused with DECLIC_DRAFT_ERROR_CHANGED
 * @path: its file, changed by another window or program
 * @path_out: (out) (optional): the file of the draft returned
 *
 * Carries out the person's choice. RELOAD reads @path again (@draft's unsaved changes are
 * dropped); KEEP_BOTH saves a copy of @draft as a new draft of the workspace, a new id and a
 * label saying it is a copy, leaving @path as the other program left it; OVERWRITE saves
 * @draft over @path.
 *
 * Returns: (transfer full) (nullable): the draft to go on with, or %NULL with @error (nothing
 *   changed on disk)
 */
DeclicDraft *
declic_store_resolve_conflict (DeclicStore                *self,
                               DeclicDraft                *draft,
                               const char                 *path,
                               DeclicStoreConflictChoice   choice,
                               char                      **path_out,
                               GError                    **error)
{
  g_autoptr(DeclicDraft) result = NULL;
  g_autofree char *result_path = NULL;

  g_return_val_if_fail (DECLIC_IS_STORE (self), NULL);
  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  switch (choice)
    {
    case DECLIC_STORE_CONFLICT_RELOAD:
      result = declic_store_open_draft (self, path, error);
      result_path = g_strdup (path);
      break;
    case DECLIC_STORE_CONFLICT_KEEP_BOTH:
      result = declic_draft_duplicate_as_copy (draft);
      if (!declic_store_save_draft (self, result, error))
        return NULL;
      result_path = declic_store_path_for_id (self, declic_draft_get_id (result));
      break;
    case DECLIC_STORE_CONFLICT_OVERWRITE:
      /* The explicit overwrite: what the draft knew of the file no longer stops the save. */
      declic_draft_forget_disk_state (draft);
      if (!save_draft_at (self, draft, path, error))
        return NULL;
      result = g_object_ref (draft);
      result_path = g_strdup (path);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  if (result == NULL)
    return NULL;
  if (path_out != NULL)
    *path_out = g_steal_pointer (&result_path);
  return g_steal_pointer (&result);
}

/**
 * declic_store_trash_draft:
 *
 * Moves a draft (and its backup) into the workspace's private trash, so that deleting can be
 * undone with declic_store_restore_draft().
 *
 * Returns: (transfer full) (nullable): where the draft went
 */
char *
declic_store_trash_draft (DeclicStore  *self,
                          const char   *path,
                          GError      **error)
{
  g_autofree char *trash = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *target = NULL;
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autofree char *backup_target = NULL;

  g_return_val_if_fail (DECLIC_IS_STORE (self), NULL);

  /* A link in place of ".declic" or of the trash would take the draft out of the workspace. */
  trash = declic_workspace_files_ensure_dir (self->folder, TRASH_DIR, error);
  if (trash == NULL)
    return NULL;
  target = g_build_filename (trash, name, NULL);
  backup_target = g_strconcat (target, ".bak", NULL);
  if (g_rename (path, target) != 0)
    {
      int saved = errno;
      g_set_error (error, DECLIC_STORE_ERROR, DECLIC_STORE_ERROR_NOT_FOUND,
                   _("Could not delete %s: %s"), path, g_strerror (saved));
      return NULL;
    }
  g_rename (backup, backup_target);
  refresh_path (self, path);
  return g_steal_pointer (&target);
}

gboolean
declic_store_restore_draft (DeclicStore  *self,
                            const char   *trashed_path,
                            GError      **error)
{
  g_autofree char *name = g_path_get_basename (trashed_path);
  g_autofree char *target = g_build_filename (self->folder, name, NULL);
  g_autofree char *backup = g_strconcat (trashed_path, ".bak", NULL);
  g_autofree char *backup_target = g_strconcat (target, ".bak", NULL);

  g_return_val_if_fail (DECLIC_IS_STORE (self), FALSE);

  if (g_file_test (target, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, DECLIC_STORE_ERROR, DECLIC_STORE_ERROR_FOLDER,
                   _("Could not restore the draft: %s already exists"), target);
      return FALSE;
    }
  if (g_rename (trashed_path, target) != 0)
    {
      int saved = errno;
      g_set_error (error, DECLIC_STORE_ERROR, DECLIC_STORE_ERROR_NOT_FOUND,
                   _("Could not restore the draft: %s"), g_strerror (saved));
      return FALSE;
    }
  g_rename (backup, backup_target);
  refresh_path (self, target);
  return TRUE;
}

/* ---- Checking drafts again ------------------------------------------------------------------- */

typedef struct
{
  char      **paths;
  char       *folder;
  GPtrArray  *summaries;  /* DeclicDraftSummary or NULL (the file is gone), one per path */
} RecheckData;

static void
recheck_data_free (RecheckData *data)
{
  g_strfreev (data->paths);
  g_free (data->folder);
  g_clear_pointer (&data->summaries, g_ptr_array_unref);
  g_free (data);
}

static void
recheck_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  RecheckData *data = task_data;
  g_autofree char *today = dup_today ();
  g_autoptr(DeclicSpouseLinks) links = load_links (data->folder);

  data->summaries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; data->paths[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (data->paths[i]);
      gboolean parsed;

      if (g_task_return_error_if_cancelled (task))
        return;
      /* No index entries: every file is read and checked again. */
      g_ptr_array_add (data->summaries, summarize_file (data->paths[i], NULL, name, today, links, &parsed));
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * declic_store_recheck_async:
 * @paths: drafts of the workspace
 *
 * Reads and checks @paths again on a worker thread, whatever the index says (after the rules
 * or the reference data changed, say), and updates their summaries.
 */
void
declic_store_recheck_async (DeclicStore         *self,
                            const char * const  *paths,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RecheckData *data;

  g_return_if_fail (DECLIC_IS_STORE (self));
  g_return_if_fail (paths != NULL);

  data = g_new0 (RecheckData, 1);
  data->paths = g_strdupv ((char **) paths);
  data->folder = g_strdup (self->folder);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, declic_store_recheck_async);
  g_task_set_task_data (task, data, (GDestroyNotify) recheck_data_free);
  g_task_run_in_thread (task, recheck_in_thread);
}

/* Returns: how many drafts were checked again, or -1 with @error set */
int
declic_store_recheck_finish (DeclicStore   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  RecheckData *data;
  int n = 0;
  guint first = G_MAXUINT, last = 0;

  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return -1;
  data = g_task_get_task_data (G_TASK (result));
  for (guint i = 0; i < data->summaries->len; i++)
    {
      DeclicDraftSummary *fresh = g_ptr_array_index (data->summaries, i);
      DeclicDraftSummary *old = fresh != NULL ? g_hash_table_lookup (self->by_path, declic_draft_summary_get_path (fresh)) : NULL;
      gint position = find_position (self, old);

      if (position < 0)
        continue;
      g_hash_table_remove (self->by_path, declic_draft_summary_get_path (old));
      g_ptr_array_index (self->items, position) = g_object_ref (fresh);
      g_hash_table_insert (self->by_path, (gpointer) declic_draft_summary_get_path (fresh), fresh);
      g_object_unref (old);
      first = MIN (first, (guint) position);
      last = MAX (last, (guint) position);
      n++;
    }
  /* One signal for all: a list over the store works itself out once, not once per draft. */
  if (n > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), first, last - first + 1, last - first + 1);
      schedule_index_save (self);
    }
  return n;
}
