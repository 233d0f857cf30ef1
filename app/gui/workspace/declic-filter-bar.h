/* declic-filter-bar.h: the workspace list's filters and sort, each choice with its count. */
#pragma once

#include <gtk/gtk.h>

#include "declic-draft-filter.h"

G_BEGIN_DECLS

/* The "Show" choices, in the order of the first drop-down. */
typedef enum
{
  DECLIC_ATTENTION_ALL,
  DECLIC_ATTENTION_DEADLINE_14,
  DECLIC_ATTENTION_DEADLINE_30,
  DECLIC_ATTENTION_EXPIRY_60,
  DECLIC_ATTENTION_INVITATION,
  DECLIC_N_ATTENTION,
} DeclicAttention;

#define DECLIC_TYPE_FILTER_BAR (declic_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (DeclicFilterBar, declic_filter_bar, DECLIC, FILTER_BAR, GtkWidget)

GtkWidget *declic_filter_bar_new           (void);
void       declic_filter_bar_set_filter    (DeclicFilterBar   *self,
                                            DeclicDraftFilter *filter);
void       declic_filter_bar_set_attention (DeclicFilterBar   *self,
                                            DeclicAttention    attention);
/* Puts the keyboard focus on the first choice. */
void       declic_filter_bar_focus         (DeclicFilterBar   *self);
const char *declic_filter_bar_get_count_text (DeclicFilterBar *self);

G_END_DECLS
