/* bench-common.h: what the benchmarks share: a synthetic workspace, medians, and the child
 * environment of a build-tree run. */
#pragma once

#include "declic-draft.h"

G_BEGIN_DECLS

char   *bench_make_workspace  (DeclicDraft *sample,
                               guint        n_drafts);
void    bench_remove_tree     (const char  *folder);
double  bench_median          (double      *values,
                               guint        n);
double  bench_percentile      (double      *values,
                               guint        n,
                               double       p);
void    bench_setup_env       (void);

G_END_DECLS
