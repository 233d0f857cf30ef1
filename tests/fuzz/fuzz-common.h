/* fuzz-common.h: what every libFuzzer harness of tests/fuzz shares.
 *
 * The harnesses run the core as the app does: the same clock (a fixed "today", so a crash found
 * one day reproduces the next), no GSettings, no translations. A failed g_assert or a
 * GLib-CRITICAL aborts, which libFuzzer reports as a crash with the input that caused it.
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

/* Criticals and warnings are bugs the fuzzer should report, not noise. */
static inline void
fuzz_common_init (void)
{
  g_setenv ("DECLIC_TODAY", "2026-11-22", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL);
}

/* A private folder for harnesses that load from files, removed at exit. */
static inline char *
fuzz_common_make_folder (void)
{
  GError *error = NULL;
  char *folder = g_dir_make_tmp ("declic-fuzz-XXXXXX", &error);

  g_assert_no_error (error);
  return folder;
}

/* Writes @data at @path in one go, mode 0600. */
static inline void
fuzz_common_write (const char   *path,
                   const guint8 *data,
                   size_t        size)
{
  GError *error = NULL;

  g_file_set_contents_full (path, (const char *) data, (gssize) size,
                            G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}
