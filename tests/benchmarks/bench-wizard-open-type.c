/* bench-wizard-open-type.c: issue 9's figures for the open draft, with 10,000 drafts in the
 * workspace: "opening the sample draft ≤ 100 ms to its first page painted; typing in a field
 * ≤ 4 ms from key to paint, median; no main-thread stall over 8 ms while typing and
 * autosaving". Prints figures; it is not a test.
 *
 *   ninja -C build benchmarks
 *   dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" build/tests/benchmarks/bench-wizard-open-type [N_DRAFTS]
 *
 * One process runs the real DeclicApplication and DeclicWindow on a workspace of N_DRAFTS
 * (10,000) copies of tests/fixtures/sample-complete.json (bench_make_workspace ()), with the
 * build tree's settings and data (bench_setup_env ()). Once the list holds every draft:
 *
 * Open: a draft of the list is selected, as a click on its row does (the selection model's
 *   select_item (), whose "selection-changed" opens it: declic_window_open_path ()); the figure
 *   runs from that call to the frame clock's "after-paint" of the first frame that shows the
 *   wizard's first page, its family-names row mapped. The first open builds the wizard and is
 *   printed alone; the next ones open other drafts into the same wizard (median, p90). The
 *   call alone (the draft read, the pages filled and checked) is printed too.
 *   Floor: a bare AdwApplicationWindow of the same size made in this process, from its
 *   creation to its first "after-paint" while mapped: a window's first frame in a running
 *   process, as an open is (bench-list's floor is a process start, exec and GTK's
 *   initialisation included).
 *
 * Typing: the family-names row of the first page is focused and typed into, 8 rounds of 25
 *   characters, a key about every 50 ms, the row set back to the sample's value between rounds
 *   (unmeasured), the pointer parked outside the windows. The keys are real: XTest key events
 *   sent by `xdotool type` to Xvfb, so GTK reads them from the X connection and dispatches them
 *   as it does a person's. Key to paint
 *   runs from the key's arrival in GTK (the window's GtkEventControllerKey "key-pressed",
 *   capture phase, before any widget sees it) to the "after-paint" of the next frame of that
 *   window; keys that arrive before that frame all end at it. Split into: the key's handlers
 *   (to the editable's "changed" handlers done: the draft written, checked, the pages
 *   refreshed), the frame that paints it ("before-paint" to "after-paint": layout and paint),
 *   and, the rest, the wait for the frame clock's tick: while anything animates (the cursor's
 *   blink, a CSS transition) the clock ticks every 16.7 ms and a key waits up to a frame for
 *   it, in any GTK program, so "handlers + frame" is printed too. Also printed: key to paint
 *   from the X server's time of the event, which the server takes from CLOCK_MONOTONIC in
 *   milliseconds (checked: printed only when it agrees with GLib's monotonic clock), so that
 *   it counts the time a key waited in the connection while the main thread was busy.
 *   Without xdotool or X11, the characters are inserted with gtk_editable_insert_text () every
 *   50 ms instead, the path a key takes after GTK's key dispatch and input method, and the
 *   figures say so.
 *   Floor: the same typing into a bare GtkEntry in a bare AdwApplicationWindow of the same size.
 *
 * Stalls: during each typing phase a G_PRIORITY_HIGH 1 ms timeout records the interval between
 *   two of its dispatches; an interval over 8 ms is a gap in which the main thread ran something
 *   else for that long (a key's handlers and its frame, an autosave, the store's file monitor)
 *   or was not scheduled (2 shared cores: other processes count too, hence the bare entry's
 *   figure). The window saves one second after the first change since its last save
 *   (AUTOSAVE_DELAY_MS in declic-window.c), so about ten saves fall in the typing; each is seen
 *   as the draft's "changed" for "updated" (declic_draft_touch () in the save), and the gaps
 *   that hold one are marked.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "bench-common.h"
#include "declic-application.h"
#include "declic-window-private.h"
#include "wizard/declic-wizard.h"

#define N_OPENS       21                /* the first (the wizard built), then 20 */
#define FIELD         "personal.family_names"
#define N_ROUNDS      8
#define ROUND_TEXT    " tremblay gagnon bouchard"   /* 25 keys, none needing Shift */
#define KEY_DELAY_MS  50                /* between two keys: a fast typist's burst, 20 a second */
/* Debian 12's xdotool sends a key every half of its --delay (measured: every 21 ms for 40);
 * the figures print the interval seen. */
#define XDOTOOL_DELAY "100"
#define STALL_US      8000
#define AUTOSAVE_WAIT_MS 1300           /* the window's 1 s autosave delay, and some */

/* Main-loop helpers: the benchmark runs as straight code in nested iterations of the
 * application's main loop, which go on dispatching events, frames and timeouts as usual; so
 * in a profile (`perf record --call-graph dwarf`) every sample of a phase, its frames too, is
 * under measure_opens () or measure_typing (). Their time-outs only catch a run gone wrong,
 * and leave room for a profiler's slowness. */

static gboolean
set_flag (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition   condition,
            gpointer    data,
            guint       timeout_ms,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (timeout_ms, set_flag, &timed_out);

  while (!condition (data))
    {
      if (timed_out)
        g_error ("no %s after %u ms", what, timeout_ms);
      g_main_context_iteration (NULL, TRUE);
    }
  if (!timed_out)
    g_source_remove (source);
}

typedef struct
{
  double median, p90, max;
  guint  n;
} Stats;

static Stats
stats_of (GArray *ms)
{
  Stats s = { 0, 0, 0, ms->len };

  if (ms->len == 0)
    return s;
  s.median = bench_median ((double *) ms->data, ms->len);
  s.p90 = bench_percentile ((double *) ms->data, ms->len, 90);
  s.max = g_array_index (ms, double, ms->len - 1);
  return s;
}

static void
append_ms (GArray *ms,
           gint64  from,
           gint64  to)
{
  double value = (to - from) / 1000.0;

  g_array_append_val (ms, value);
}

/* Frames */

typedef struct _Typing Typing;
static void typing_frame_painted (Typing *t, GtkWidget *window, gint64 now);

/* A measurement that ends at the first frame of @window painted while mapped that @shows. */
static struct
{
  GtkWidget  *window;
  gboolean  (*shows) (GtkWidget *window);
  gint64      started;   /* that frame's "before-paint" */
  gint64      painted;   /* its "after-paint" */
} frame_wait;

static Typing *typing;

/* The start of the frame being painted. A window's frame runs whole in one dispatch of its
 * clock, so frames of two windows do not interleave. */
static gint64 frame_started;

static void
on_before_paint (GdkFrameClock *clock,
                 GtkWidget     *window)
{
  frame_started = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  gint64 now = g_get_monotonic_time ();

  if (frame_wait.window == window && frame_wait.painted == 0 && gtk_widget_get_mapped (window)
      && (frame_wait.shows == NULL || frame_wait.shows (window)))
    {
      frame_wait.started = frame_started;
      frame_wait.painted = now;
    }
  if (typing != NULL)
    typing_frame_painted (typing, window, now);
}

static void
connect_frame_clock (GtkWidget *window)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));

  g_signal_connect_object (clock, "before-paint", G_CALLBACK (on_before_paint), window, 0);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint), window, 0);
}

static void
watch_frames (GtkWidget *window)
{
  if (gtk_widget_get_realized (window))
    connect_frame_clock (window);
  else
    g_signal_connect (window, "realize", G_CALLBACK (connect_frame_clock), NULL);
}

static gboolean
frame_painted (gpointer data)
{
  return frame_wait.painted != 0;
}

static void
expect_frame (GtkWidget *window,
              gboolean (*shows) (GtkWidget *window))
{
  frame_wait.window = window;
  frame_wait.shows = shows;
  frame_wait.painted = 0;
}

static gboolean
window_is_active (gpointer window)
{
  return gtk_window_is_active (window);
}

/* Keys go where the X server's focus is: present () gives the window the focus (without a
 * window manager, GDK sets it itself). */
static void
focus_window (GtkWidget *window)
{
  gtk_window_present (GTK_WINDOW (window));
  wait_until (window_is_active, window, 60000, "active window");
}

/* Open */

static const char *expected_path;

static gboolean
shows_first_page (GtkWidget *widget)
{
  DeclicWindow *window = DECLIC_WINDOW (widget);
  GtkWidget *wizard = declic_window_get_wizard (window);
  GtkWidget *input;

  if (wizard == NULL || g_strcmp0 (declic_window_get_page_name (window), "draft") != 0
      || g_strcmp0 (declic_window_get_draft_path (window), expected_path) != 0
      || declic_wizard_get_section (DECLIC_WIZARD (wizard)) != DECLIC_SECTION_PERSONAL)
    return FALSE;
  input = declic_wizard_get_input (DECLIC_WIZARD (wizard), FIELD);
  return input != NULL && gtk_widget_get_mapped (input) && gtk_widget_get_height (input) > 0;
}

/* Selects the draft at @position of the list, which opens it. */
static void
measure_open (DeclicWindow *window,
              guint         position,
              GArray       *call_ms,
              GArray       *frame_ms,
              GArray       *paint_ms)
{
  g_autoptr(DeclicDraftSummary) summary = g_list_model_get_item (declic_window_get_visible_drafts (window), position);
  gint64 start;

  expected_path = declic_draft_summary_get_path (summary);
  expect_frame (GTK_WIDGET (window), shows_first_page);
  start = g_get_monotonic_time ();
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (window->selection), position, TRUE);
  append_ms (call_ms, start, g_get_monotonic_time ());
  wait_until (frame_painted, NULL, 120000, "frame with the draft's first page");
  append_ms (frame_ms, frame_wait.started, frame_wait.painted);
  append_ms (paint_ms, start, frame_wait.painted);
  expected_path = NULL;
}

static void
measure_bare_window (GtkApplication *app,
                     GArray         *paint_ms)
{
  gint64 start = g_get_monotonic_time ();
  GtkWidget *window = adw_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  watch_frames (window);
  expect_frame (window, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (frame_painted, NULL, 120000, "first frame of a bare window");
  append_ms (paint_ms, start, frame_wait.painted);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Typing */

typedef struct
{
  gint64 pressed;   /* the key's arrival in GTK */
  gint64 server;    /* the X server's time of the event, on the same clock, or 0 */
  gint64 handled;   /* the editable's "changed" handlers done, or 0 */
} Key;

typedef struct
{
  gint64 start, end;
} Gap;

struct _Typing
{
  GtkWidget *window;
  GtkWidget *editable;
  gboolean   real_keys;
  gboolean   server_clock_agrees;
  GArray    *pending;      /* Key: arrived, not painted yet */
  GArray    *key_ms;       /* arrival to paint */
  GArray    *server_ms;    /* X server's time to paint */
  GArray    *handled_ms;   /* arrival to its handlers done */
  GArray    *frame_ms;     /* the frames that painted keys, before-paint to after-paint */
  GArray    *work_ms;      /* a key's handlers plus the frame that painted it: no waiting */
  GArray    *interval_ms;  /* between two keys of a round */
  gint64     last_pressed; /* the round's last key, or 0 */
  guint      n_keys;
  gboolean   xdotool_running;
  gint64     started, ended;
  gint64     last_tick;
  gint64     max_gap;
  GArray    *gaps;         /* Gap: over STALL_US */
  GArray    *saves;        /* gint64: the autosaves' times */
};

static void
typing_frame_painted (Typing    *t,
                      GtkWidget *window,
                      gint64     now)
{
  if (window != t->window || t->pending->len == 0)
    return;
  append_ms (t->frame_ms, frame_started, now);
  for (guint i = 0; i < t->pending->len; i++)
    {
      Key *key = &g_array_index (t->pending, Key, i);

      append_ms (t->key_ms, key->pressed, now);
      if (key->server != 0)
        append_ms (t->server_ms, key->server, now);
      if (key->handled != 0)
        {
          double work = ((key->handled - key->pressed) + (now - frame_started)) / 1000.0;

          append_ms (t->handled_ms, key->pressed, key->handled);
          g_array_append_val (t->work_ms, work);
        }
    }
  g_array_set_size (t->pending, 0);
}

/* A key (or, without real keys, an insert) about to reach the editable. */
static void
key_arrived (Typing *t,
             Key     key)
{
  g_array_append_val (t->pending, key);
  t->n_keys++;
  if (t->last_pressed != 0)
    append_ms (t->interval_ms, t->last_pressed, key.pressed);
  t->last_pressed = key.pressed;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                Typing                *t)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  gint64 now = g_get_monotonic_time ();
  Key key = { now, 0, 0 };

  if (t->real_keys && t->server_clock_agrees && event != NULL)
    {
      /* Both clocks are CLOCK_MONOTONIC; the server's is in milliseconds, modulo 2^32. */
      gint32 behind = (gint32) ((guint32) (now / 1000) - gdk_event_get_time (event));

      if (behind >= 0 && behind < 10000)
        key.server = (now / 1000 - behind) * 1000;
      else
        t->server_clock_agrees = FALSE;
    }
  key_arrived (t, key);
  return GDK_EVENT_PROPAGATE;
}

/* Connected after the application's own handlers of "changed". */
static void
on_editable_changed (GtkEditable *editable,
                     Typing      *t)
{
  gint64 now = g_get_monotonic_time ();

  for (guint i = 0; i < t->pending->len; i++)
    if (g_array_index (t->pending, Key, i).handled == 0)
      g_array_index (t->pending, Key, i).handled = now;
}

static gboolean
on_tick (gpointer data)
{
  Typing *t = data;
  gint64 now = g_get_monotonic_time ();

  if (t->last_tick != 0)
    {
      t->max_gap = MAX (t->max_gap, now - t->last_tick);
      if (now - t->last_tick > STALL_US)
        {
          Gap gap = { t->last_tick, now };
          g_array_append_val (t->gaps, gap);
        }
    }
  t->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
on_draft_changed (DeclicDraft *draft,
                  const char  *path,
                  Typing      *t)
{
  gint64 now = g_get_monotonic_time ();

  if (g_strcmp0 (path, "updated") == 0)
    g_array_append_val (t->saves, now);
}

static void
on_xdotool_exit (GPid     pid,
                 int      status,
                 gpointer data)
{
  Typing *t = data;
  g_autoptr(GError) error = NULL;

  g_spawn_close_pid (pid);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("xdotool: %s", error->message);
  t->xdotool_running = FALSE;
}

/* Xvfb's pointer starts in the middle of the screen, over the window: what lies under it (a
 * tooltip shown, moved on each keystroke) would change the figures. A person's pointer is
 * anywhere; here it is put below the windows, in the screen's last corner. */
static void
park_pointer (void)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *x = NULL, *y = NULL;
  GdkRectangle area;
  int status;

  gdk_monitor_get_geometry (monitor, &area);
  x = g_strdup_printf ("%d", area.x + area.width - 1);
  y = g_strdup_printf ("%d", area.y + area.height - 1);
  {
    const char *argv[] = { "xdotool", "mousemove", "--sync", x, y, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error)
        || !g_spawn_check_wait_status (status, &error))
      g_error ("xdotool: %s", error->message);
  }
}

static gboolean
round_typed (gpointer data)
{
  Typing *t = data;

  return !t->xdotool_running && t->pending->len == 0;
}

static void
type_round (Typing     *t,
            const char *text)
{
  t->last_pressed = 0;
  if (t->real_keys)
    {
      const char *argv[] = { "xdotool", "type", "--delay", XDOTOOL_DELAY, text, NULL };
      g_autoptr(GError) error = NULL;
      GPid pid;

      if (!g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                          NULL, NULL, &pid, &error))
        g_error ("xdotool: %s", error->message);
      t->xdotool_running = TRUE;
      g_child_watch_add (pid, on_xdotool_exit, t);
    }
  else
    {
      for (const char *c = text; *c != '\0'; c++)
        {
          Key key = { 0, 0, 0 };
          int position;

          wait_ms (KEY_DELAY_MS);
          key.pressed = g_get_monotonic_time ();
          key_arrived (t, key);
          position = gtk_editable_get_position (GTK_EDITABLE (t->editable));
          gtk_editable_insert_text (GTK_EDITABLE (t->editable), c, 1, &position);
          gtk_editable_set_position (GTK_EDITABLE (t->editable), position);
        }
    }
  wait_until (round_typed, t, 600000, "end of a round of typing");
}

static gboolean
can_send_keys (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

#ifdef GDK_WINDOWING_X11
  return xdotool != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ());
#else
  return FALSE;
#endif
}

/* Types N_ROUNDS rounds of ROUND_TEXT into @editable, which @window shows; @draft, when given,
 * is the draft it edits, whose autosaves are counted. */
static void
measure_typing (Typing      *t,
                GtkWidget   *window,
                GtkWidget   *editable,
                DeclicDraft *draft)
{
  g_autofree char *initial = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable)));
  GtkEventController *keys = gtk_event_controller_key_new ();
  gulong changed_id, draft_id = 0;
  guint tick;

  memset (t, 0, sizeof *t);
  t->window = window;
  t->editable = editable;
  t->real_keys = can_send_keys ();
  t->server_clock_agrees = TRUE;
  t->pending = g_array_new (FALSE, FALSE, sizeof (Key));
  t->key_ms = g_array_new (FALSE, FALSE, sizeof (double));
  t->server_ms = g_array_new (FALSE, FALSE, sizeof (double));
  t->handled_ms = g_array_new (FALSE, FALSE, sizeof (double));
  t->frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  t->work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  t->interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  t->gaps = g_array_new (FALSE, FALSE, sizeof (Gap));
  t->saves = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (t->real_keys)
    park_pointer ();
  focus_window (window);
  gtk_widget_grab_focus (editable);
  wait_ms (300);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), t);
  gtk_widget_add_controller (window, keys);
  changed_id = g_signal_connect_after (editable, "changed", G_CALLBACK (on_editable_changed), t);
  if (draft != NULL)
    draft_id = g_signal_connect (draft, "changed", G_CALLBACK (on_draft_changed), t);
  typing = t;
  tick = g_timeout_add_full (G_PRIORITY_HIGH, 1, on_tick, t, NULL);
  t->started = g_get_monotonic_time ();

  for (guint r = 0; r < N_ROUNDS; r++)
    {
      /* Back to the sample's value, the cursor at its end: a field of a usual length. */
      gtk_editable_set_text (GTK_EDITABLE (editable), initial);
      gtk_editable_set_position (GTK_EDITABLE (editable), -1);
      wait_ms (300);
      type_round (t, ROUND_TEXT);
      if (strlen (gtk_editable_get_text (GTK_EDITABLE (editable))) != strlen (initial) + strlen (ROUND_TEXT))
        g_error ("the field holds “%s” after typing “%s”: the keys went elsewhere",
                 gtk_editable_get_text (GTK_EDITABLE (editable)), ROUND_TEXT);
    }
  /* The last change's autosave falls in the phase. */
  wait_ms (AUTOSAVE_WAIT_MS);

  t->ended = g_get_monotonic_time ();
  g_source_remove (tick);
  typing = NULL;
  if (draft_id != 0)
    g_signal_handler_disconnect (draft, draft_id);
  g_signal_handler_disconnect (editable, changed_id);
  gtk_widget_remove_controller (window, keys);
  if (t->n_keys != N_ROUNDS * strlen (ROUND_TEXT))
    g_error ("%u keys arrived of %zu sent", t->n_keys, N_ROUNDS * strlen (ROUND_TEXT));
}

static void
typing_clear (Typing *t)
{
  g_array_unref (t->pending);
  g_array_unref (t->key_ms);
  g_array_unref (t->server_ms);
  g_array_unref (t->handled_ms);
  g_array_unref (t->frame_ms);
  g_array_unref (t->work_ms);
  g_array_unref (t->interval_ms);
  g_array_unref (t->gaps);
  g_array_unref (t->saves);
}

static GtkWidget *
bare_entry_window (GtkApplication *app,
                   GtkWidget     **entry)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  *entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (*entry), "Marchand");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (*entry, 400, -1);
  gtk_box_append (GTK_BOX (box), *entry);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  watch_frames (window);
  return window;
}

/* Reports */

static void
print_stats (const char *what,
             GArray     *ms)
{
  Stats s = stats_of (ms);

  printf ("  %-58s median %6.2f   p90 %6.2f   max %6.2f ms  (n=%u)\n", what, s.median, s.p90, s.max, s.n);
}

static gboolean
holds_save (const Typing *t,
            const Gap    *gap)
{
  for (guint i = 0; i < t->saves->len; i++)
    {
      gint64 save = g_array_index (t->saves, gint64, i);

      if (save >= gap->start && save <= gap->end)
        return TRUE;
    }
  return FALSE;
}

static void
print_stalls (const char   *what,
              const Typing *t)
{
  guint with_save = 0;

  for (guint i = 0; i < t->gaps->len; i++)
    with_save += holds_save (t, &g_array_index (t->gaps, Gap, i));
  printf ("  %-58s %u over 8 ms, largest %.1f ms, in %.1f s", what, t->gaps->len, t->max_gap / 1000.0,
          (t->ended - t->started) / 1e6);
  if (t->saves->len > 0)
    printf ("; %u autosaves, %u of the gaps hold one", t->saves->len, with_save);
  printf ("\n");
  if (t->gaps->len > 0)
    {
      printf ("  %-58s", "    the gaps over 8 ms (ms, * = holds an autosave):");
      for (guint i = 0; i < t->gaps->len && i < 24; i++)
        {
          const Gap *gap = &g_array_index (t->gaps, Gap, i);

          printf (" %.1f%s", (gap->end - gap->start) / 1000.0, holds_save (t, gap) ? "*" : "");
        }
      printf ("%s\n", t->gaps->len > 24 ? " …" : "");
    }
}

/* The benchmark */

static guint n_drafts;
static DeclicWindow *declic_window;

static gboolean
workspace_listed (gpointer data)
{
  return g_list_model_get_n_items (declic_window_get_visible_drafts (declic_window)) == n_drafts;
}

typedef struct
{
  GArray *bare_ms;    /* the floor: a bare window's first frame */
  GArray *call_ms;    /* the select_item () call */
  GArray *frame_ms;   /* the frame that shows the page, before-paint to after-paint */
  GArray *open_ms;    /* the call to that frame's after-paint */
} Opens;

/* Bare windows first, then the opens: the first builds the wizard, the next reuse it. */
static void
measure_opens (GtkApplication *app,
               Opens          *o)
{
  o->bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  o->call_ms = g_array_new (FALSE, FALSE, sizeof (double));
  o->frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  o->open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < N_OPENS - 1; i++)
    {
      measure_bare_window (app, o->bare_ms);
      wait_ms (200);
    }
  for (guint i = 0; i < N_OPENS; i++)
    {
      measure_open (declic_window, i, o->call_ms, o->frame_ms, o->open_ms);
      wait_ms (300);
    }
}

static void
print_opens (Opens *o)
{
  double first_call = g_array_index (o->call_ms, double, 0);
  double first_frame = g_array_index (o->frame_ms, double, 0);
  double first_open = g_array_index (o->open_ms, double, 0);
  Stats bare, open;

  g_array_remove_index (o->call_ms, 0);
  g_array_remove_index (o->frame_ms, 0);
  g_array_remove_index (o->open_ms, 0);
  bare = stats_of (o->bare_ms);
  open = stats_of (o->open_ms);

  printf ("Open a draft (its row selected) to the after-paint of the frame that shows the wizard's first page:\n");
  print_stats ("floor: a bare AdwApplicationWindow, made to first frame", o->bare_ms);
  printf ("  %-58s %6.2f ms, %.1f× the floor (the call %.2f, that frame %.2f)\n",
          "first open (the wizard built)", first_open, first_open / bare.median, first_call, first_frame);
  print_stats ("another draft (the same wizard)", o->open_ms);
  printf ("  %-58s %.1f× (median), %.1f× (p90)\n", "  ratio to the floor", open.median / bare.median,
          open.p90 / bare.p90);
  print_stats ("  of which the call (read, pages built, checked)", o->call_ms);
  print_stats ("  of which the frame that shows it (layout, paint)", o->frame_ms);

  g_array_unref (o->bare_ms);
  g_array_unref (o->call_ms);
  g_array_unref (o->frame_ms);
  g_array_unref (o->open_ms);
}

static void
print_typing (Typing *floor,
              Typing *declic)
{
  Stats f = stats_of (floor->key_ms), d = stats_of (declic->key_ms);
  double every = stats_of (declic->interval_ms).median;

  printf ("Typing %d rounds of %zu characters, a key every %.0f ms (median), %s:\n", N_ROUNDS, strlen (ROUND_TEXT), every,
          declic->real_keys ? "real keys (XTest through xdotool), from key-pressed in GTK to after-paint"
                            : "gtk_editable_insert_text () (no xdotool or no X11), from the insert to after-paint");
  print_stats ("floor: a bare GtkEntry, key to paint", floor->key_ms);
  print_stats ("  of which the key's handlers", floor->handled_ms);
  print_stats ("  of which the frame that paints it (layout, paint)", floor->frame_ms);
  print_stats ("Déclic, the family-names row, key to paint", declic->key_ms);
  printf ("  %-58s %.1f× (median), %.1f× (p90)\n", "  ratio to the floor", d.median / f.median, d.p90 / f.p90);
  print_stats ("  of which the key's handlers (draft written, checked)", declic->handled_ms);
  print_stats ("  of which the frame that paints it (layout, paint)", declic->frame_ms);
  /* The rest of key to paint is the wait for the frame clock's next tick, every 16.7 ms while
   * anything animates (the cursor's blink, a CSS transition): the same for any GTK program. */
  {
    Stats fw = stats_of (floor->work_ms), dw = stats_of (declic->work_ms);

    printf ("  %-58s median %6.2f / %6.2f, p90 %6.2f / %6.2f ms, %.1f× (median)\n",
            "handlers + frame, no wait for the tick: floor / Déclic", fw.median, dw.median, fw.p90, dw.p90,
            dw.median / fw.median);
  }
  if (declic->real_keys && declic->server_clock_agrees && floor->server_clock_agrees)
    {
      print_stats ("floor, from the X server's event time (1 ms steps)", floor->server_ms);
      print_stats ("Déclic, from the X server's event time (1 ms steps)", declic->server_ms);
    }
  else if (declic->real_keys)
    printf ("  (the X server's event times are not on GLib's monotonic clock here: not used)\n");

  printf ("Main-loop gaps while typing (a 1 ms G_PRIORITY_HIGH timeout):\n");
  print_stalls ("floor: the bare GtkEntry", floor);
  print_stalls ("Déclic, with its autosaves", declic);
}

static gboolean
run_benchmark (gpointer data)
{
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  Opens opens;
  Typing floor, declic;
  GtkWidget *entry_window, *entry, *wizard;

  /* The store reads the folder in a thread and writes its index; the list follows. */
  wait_until (workspace_listed, NULL, 3600000, "list of every draft");
  wait_ms (1000);

  measure_opens (app, &opens);

  entry_window = bare_entry_window (app, &entry);
  measure_typing (&floor, entry_window, entry, NULL);
  gtk_window_destroy (GTK_WINDOW (entry_window));

  wizard = declic_window_get_wizard (declic_window);
  measure_typing (&declic, GTK_WIDGET (declic_window),
                  declic_wizard_get_input (DECLIC_WIZARD (wizard), FIELD), declic_window_get_draft (declic_window));

  printf ("Workspace of %u drafts (copies of sample-complete.json), windows of 1280×800\n", n_drafts);
  print_opens (&opens);
  print_typing (&floor, &declic);
  fflush (stdout);

  typing_clear (&floor);
  typing_clear (&declic);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  if (!DECLIC_IS_WINDOW (window) || declic_window != NULL)
    return;
  declic_window = DECLIC_WINDOW (window);
  watch_frames (GTK_WIDGET (window));
  g_idle_add (run_benchmark, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) sample = NULL;
  g_autoptr(DeclicApplication) app = NULL;
  g_autofree char *folder = NULL;
  int status;

  n_drafts = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  setlocale (LC_ALL, "");
  bench_setup_env ();
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DECLIC_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  sample = declic_draft_new_from_file (SAMPLE_DRAFT, &error);
  if (sample == NULL)
    g_error ("%s", error->message);
  folder = bench_make_workspace (sample, n_drafts);

  {
    const char *app_argv[] = { argv[0], "--workspace", folder, NULL };

    app = declic_application_new ();
    g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
    status = g_application_run (G_APPLICATION (app), 3, (char **) app_argv);
  }

  bench_remove_tree (folder);
  return status;
}
