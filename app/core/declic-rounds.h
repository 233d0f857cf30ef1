/* declic-rounds.h: recent PSTQ invitation rounds, from a data file [secondary].
 *
 * Compiled from news reports of the rounds (resources/data/SOURCE.md); the ministry's own
 * announcements were not read. Shown beside an estimate to compare it with past cut-offs, never
 * to predict the next one. New rounds are new rows of the CSV (date, stream, min_score, invited,
 * filter): the file is data, not code.
 *
 * The list ships with Déclic and a person can install a newer one (declic_rounds_install ()) as
 * $XDG_DATA_HOME/declic/invitation-rounds.csv, without waiting for a release: whichever of the two
 * has the newer newest round is the one in use (declic_rounds_load_default ()).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DECLIC_ROUNDS_ERROR (declic_rounds_error_quark ())

typedef enum
{
  DECLIC_ROUNDS_ERROR_MALFORMED,
  DECLIC_ROUNDS_ERROR_UNREADABLE,  /* not a regular file, a link, too large, or I/O */
  DECLIC_ROUNDS_ERROR_NO_ROUNDS,   /* a header and no round: nothing to compare with */
} DeclicRoundsError;

#define DECLIC_ROUNDS_DEFAULT_ID "invitation-rounds-2025"
/* The user's list, under g_get_user_data_dir (). */
#define DECLIC_ROUNDS_USER_FILE "declic/invitation-rounds.csv"
/* A list of a few hundred rounds is a few kilobytes: anything near this is not one. */
#define DECLIC_ROUNDS_MAX_FILE_SIZE (1024 * 1024)

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
DeclicRounds *declic_rounds_load_default (GError       **problem);
gboolean      declic_rounds_install      (const char    *path,
                                          GError       **error);
char         *declic_rounds_dup_user_path (void);
void          declic_rounds_free         (DeclicRounds  *rounds);
const char   *declic_rounds_get_id       (DeclicRounds  *rounds);
/* NULL for the built-in list, else the file it was read from. */
const char   *declic_rounds_get_origin   (DeclicRounds  *rounds);
/* The date of the newest round, NULL when the list has none. */
const GDate  *declic_rounds_get_newest_date (DeclicRounds *rounds);
/* DeclicRound, newest first. */
GPtrArray    *declic_rounds_get_rounds   (DeclicRounds  *rounds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeclicRounds, declic_rounds_free)

G_END_DECLS
