/* declic-upload-test-utils.h: what the upload tests share: real servers (lighttpd with WebDAV
 * and basic auth; nginx with TLS) started from a temporary folder on a free loopback port and
 * stopped again, drafts in a temporary workspace, and the check that a draft file is unchanged.
 */
#pragma once

#include <gio/gio.h>

#include "declic-sync-meta.h"
#include "declic-test-utils.h"

G_BEGIN_DECLS

typedef struct _DeclicTestServer DeclicTestServer;

/* Both return NULL when the server's binary is not installed: the caller skips. */
DeclicTestServer *declic_test_server_start_lighttpd (const char       *user,
                                                     const char       *password);
DeclicTestServer *declic_test_server_start_nginx    (const char       *user,
                                                     const char       *password);
void              declic_test_server_stop           (DeclicTestServer *self);
/* The WebDAV folder drafts go to, e.g. "http://127.0.0.1:41234/dav". */
const char       *declic_test_server_get_url        (DeclicTestServer *self);
/* That folder on disk, to see what the server stored. */
const char       *declic_test_server_get_folder     (DeclicTestServer *self);
/* The test CA that signed the nginx certificate (NULL for lighttpd). */
const char       *declic_test_server_get_ca_file    (DeclicTestServer *self);
/* Where the server stores @remote_path, escaped as in a DeclicSyncMeta ("Client%20A/x.json"). */
char             *declic_test_server_build_path     (DeclicTestServer *self,
                                                     const char       *remote_path);
/* Asserts that the server holds the upload @meta records, byte for byte the file @local_path. */
void              declic_test_server_assert_has_copy (DeclicTestServer *self,
                                                      DeclicSyncMeta   *meta,
                                                      const char       *local_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeclicTestServer, declic_test_server_stop)

/* Writes a new draft for @label (NULL: no label) into @workspace; returns its path and id. */
char             *declic_test_write_draft           (const char       *workspace,
                                                     const char       *label,
                                                     char            **id);
/* Another version of the draft at @path, same id, written to @path (for "someone else's edit"
 * or "my next edit"). */
void              declic_test_edit_draft            (const char       *path,
                                                     const char       *given_name);

/* The exact bytes and times of a file, to prove that an operation left it alone. */
typedef struct _DeclicTestSnapshot DeclicTestSnapshot;
DeclicTestSnapshot *declic_test_snapshot_new        (const char       *path);
void              declic_test_snapshot_assert_unchanged (DeclicTestSnapshot *self);
void              declic_test_snapshot_free         (DeclicTestSnapshot *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeclicTestSnapshot, declic_test_snapshot_free)

/* The contents of @path, or NULL when absent. */
char             *declic_test_read_file             (const char       *path);
/* Runs a main loop until *@flag is set or @timeout_ms pass; returns whether it was set. */
gboolean          declic_test_wait_for              (gboolean         *flag,
                                                     guint             timeout_ms);

G_END_DECLS
