/* bench-check.c: what `declic check` costs, against a bare json-c parse of the same files
 * measured in the same run (the figures are ratios: absolute times vary with the load
 * of this shared machine).
 *
 * One draft: declic_check_run () on the complete sample (validation, life of the draft, profile,
 * eligibility, points, deadlines), the median of rounds of many checks, against the median
 * json_object_from_file () of the same file. A folder: 10,000 synthetic drafts, `declic check
 * --format csv` and `--format text` of the folder (the real program, on every core), against
 * parsing each file with json-c on one thread; the CPU time of the program over its wall time
 * says how many cores it kept busy.
 *
 *   ninja -C build benchmarks && build/tests/benchmarks/bench-check [N_DRAFTS]
 */
#include "config.h"

#include <json-c/json.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "bench-common.h"
#include "declic-check.h"
#include "declic-draft.h"
#include "declic-validate.h"

#define N_ROUNDS   15
#define PER_ROUND  200

static double
cpu_seconds_of_children (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* Parses every draft of @folder with json-c, one after the other: the floor of any check. */
static double
parse_folder (const char *folder,
              guint       expected)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 start = g_get_monotonic_time ();
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      json_object *root;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      root = json_object_from_file (path);
      if (root == NULL)
        g_error ("%s: not JSON", path);
      json_object_put (root);
      n++;
    }
  if (n != expected)
    g_error ("parsed %u files, expected %u", n, expected);
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static double
run_declic_check (const char *folder,
                  const char *format,
                  double     *cpu)
{
  const char *argv[] = { DECLIC_EXE, "check", "--format", format, folder, NULL };
  g_autoptr(GError) error = NULL;
  double cpu_before = cpu_seconds_of_children ();
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                     &status, &error))
    g_error ("%s", error->message);
  /* 0 or 1: every draft read (some synthetic ones may have errors); 2 would be a failure. */
  if (!WIFEXITED (status) || WEXITSTATUS (status) > 1)
    g_error ("declic check exited with %d", status);
  *cpu = cpu_seconds_of_children () - cpu_before;
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) sample = NULL;
  g_autoptr(DeclicValidateContext) ctx = NULL;
  g_autofree char *folder = NULL;
  guint n_drafts = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  double check_us[N_ROUNDS], parse_us[N_ROUNDS];
  double median_check, median_parse;

  setlocale (LC_ALL, "");
  bench_setup_env ();
  sample = declic_draft_new_from_file (SAMPLE_DRAFT, &error);
  if (sample == NULL)
    g_error ("%s", error->message);
  ctx = declic_validate_context_new_default ();

  /* Warm up: the rule sets, the NOC list and the language tables load once per process. */
  declic_check_free (declic_check_run (sample, NULL, NULL, ctx));

  for (guint r = 0; r < N_ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < PER_ROUND; i++)
        declic_check_free (declic_check_run (sample, NULL, NULL, ctx));
      check_us[r] = (double) (g_get_monotonic_time () - start) / PER_ROUND;

      start = g_get_monotonic_time ();
      for (guint i = 0; i < PER_ROUND; i++)
        json_object_put (json_object_from_file (SAMPLE_DRAFT));
      parse_us[r] = (double) (g_get_monotonic_time () - start) / PER_ROUND;
    }
  median_check = bench_median (check_us, N_ROUNDS);
  median_parse = bench_median (parse_us, N_ROUNDS);
  g_print ("full check of one draft: %.1f µs median (target ≤ 50 µs); json-c parse of the same file: %.1f µs (%.2f×)\n",
           median_check, median_parse, median_check / median_parse);

  folder = bench_make_workspace (sample, n_drafts);
  /* Once each, unmeasured, so that every run reads the files from the page cache. */
  parse_folder (folder, n_drafts);
  {
    double cpu;
    run_declic_check (folder, "csv", &cpu);
  }
  for (guint k = 0; k < 2; k++)
    {
      const char *format = k == 0 ? "csv" : "text";
      double parse[3], check[3], cpu[3];

      for (guint r = 0; r < 3; r++)
        {
          parse[r] = parse_folder (folder, n_drafts);
          check[r] = run_declic_check (folder, format, &cpu[r]);
          cpu[r] /= check[r];
        }
      {
        double p = bench_median (parse, 3), c = bench_median (check, 3), u = bench_median (cpu, 3);

        g_print ("declic check --format %s of %u drafts: %.2f s; json-c parse of the same files, one thread: %.2f s "
                 "(%.2f×, target ≤ 1.5×); cores busy: %.2f of %u\n",
                 format, n_drafts, c, p, c / p, u, g_get_num_processors ());
      }
    }

  /* Leave nothing behind: drafts are private even when synthetic. */
  bench_remove_tree (folder);
  return 0;
}
