/* declic-entry-progress.h: which of a draft's values were entered in Arrima.
 *
 * The entry companion walks a draft's values in the form's order; the user ticks each one once
 * typed into Arrima. The ticks are the user's working notes, not part of the DI: they live in
 * the workspace's private metadata (.declic/entry/ID.json, 0600), never in the draft. Each tick
 * keeps the value it was set on, so that a value changed since shows as to be entered again.
 */
#pragma once

#include "declic-draft-values.h"

G_BEGIN_DECLS

#define DECLIC_ENTRY_PROGRESS_ERROR (declic_entry_progress_error_quark ())
GQuark declic_entry_progress_error_quark (void);

typedef enum
{
  DECLIC_ENTRY_PROGRESS_ERROR_INVALID,
  DECLIC_ENTRY_PROGRESS_ERROR_IO,
} DeclicEntryProgressError;

typedef enum
{
  DECLIC_ENTRY_NOT_ENTERED,
  DECLIC_ENTRY_ENTERED,
  DECLIC_ENTRY_CHANGED,  /* ticked, but the value changed since: to be entered again */
} DeclicEntryState;

typedef struct _DeclicEntryProgress DeclicEntryProgress;

DeclicEntryProgress *declic_entry_progress_new         (const char              *workspace,
                                                        const char              *draft_id);
DeclicEntryProgress *declic_entry_progress_load        (const char              *workspace,
                                                        const char              *draft_id,
                                                        GError                 **error);
gboolean             declic_entry_progress_save        (DeclicEntryProgress     *self,
                                                        GError                 **error);
DeclicEntryProgress *declic_entry_progress_copy        (DeclicEntryProgress     *self);
void                 declic_entry_progress_free        (DeclicEntryProgress     *self);

DeclicEntryState     declic_entry_progress_get_state   (DeclicEntryProgress     *self,
                                                        const DeclicDraftValue  *value);
void                 declic_entry_progress_set_entered (DeclicEntryProgress     *self,
                                                        const DeclicDraftValue  *value,
                                                        gboolean                 entered);
guint                declic_entry_progress_count       (DeclicEntryProgress     *self,
                                                        GPtrArray               *values,
                                                        DeclicSection            section,
                                                        guint                   *n_values);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeclicEntryProgress, declic_entry_progress_free)

G_END_DECLS
