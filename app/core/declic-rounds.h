/* declic-rounds.h: recent PSTQ invitation rounds, from a data file [secondary].
 *
 * Compiled from news reports of the rounds (resources/data/SOURCE.md); the ministry's own
 * announcements were not read. Shown beside an estimate to compare it with past cut-offs, never
 * to predict the next one. New rounds are new rows of the CSV (date, stream, min_score, invited,
 * filter): the file is data, not code.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DECLIC_ROUNDS_ERROR (declic_rounds_error_quark ())

typedef enum
{
  DECLIC_ROUNDS_ERROR_MALFORMED,
} DeclicRoundsError;

#define DECLIC_ROUNDS_DEFAULT_ID "invitation-rounds-2025"

typedef struct
{
  GDate  date;
  int    stream;      /* 1 to 4 */
  int    min_score;   /* the lowest score invited, -1 when the round has no cut-off (stream 4) */
  int    invited;     /* invitations of that stream on that date */
  char  *filter;      /* the round's extra filter, in the report's words (English) */
} DeclicRound;

typedef struct _DeclicRounds DeclicRounds;

GQuark        declic_rounds_error_quark  (void);
DeclicRounds *declic_rounds_new_from_data (const char    *csv,
                                           gsize          length,
                                           GError       **error);
DeclicRounds *declic_rounds_get_default  (void);
void          declic_rounds_free         (DeclicRounds  *rounds);
const char   *declic_rounds_get_id       (DeclicRounds  *rounds);
/* DeclicRound, newest first. */
GPtrArray    *declic_rounds_get_rounds   (DeclicRounds  *rounds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeclicRounds, declic_rounds_free)

G_END_DECLS
