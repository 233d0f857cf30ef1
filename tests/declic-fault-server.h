/* declic-fault-server.h: a tiny scripted HTTP server on a thread, for testing how the uploader
 * copes with failures real servers rarely show on demand: 5xx, resets, silence, slow answers.
 *
 * It listens on 127.0.0.1 on a port the system picks. Each request, in order, gets the next
 * scripted action; when the script is empty it answers 599 so a test notices extra requests.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DeclicFaultServer DeclicFaultServer;

DeclicFaultServer *declic_fault_server_new          (void);
void               declic_fault_server_free         (DeclicFaultServer *self);
/* "http://127.0.0.1:<port>" */
const char        *declic_fault_server_get_url      (DeclicFaultServer *self);

/* Answers with @status, extra header lines (each ending with "\r\n", or NULL) and @body. */
void               declic_fault_server_push_reply   (DeclicFaultServer *self,
                                                     guint              status,
                                                     const char        *headers,
                                                     const char        *body);
/* The same, but the body is sent even when the request is a HEAD (which HTTP forbids). */
void               declic_fault_server_push_head_with_body (DeclicFaultServer *self,
                                                            guint              status,
                                                            const char        *headers,
                                                            const char        *body);
/* Reads the request, then resets the connection (RST) without answering. */
void               declic_fault_server_push_reset   (DeclicFaultServer *self);
/* Reads the request, then never answers (until the client gives up or the server stops). */
void               declic_fault_server_push_silence (DeclicFaultServer *self);
/* Answers 200 with a body of @length bytes sent one byte every @interval_ms. */
void               declic_fault_server_push_trickle (DeclicFaultServer *self,
                                                     gsize              length,
                                                     guint              interval_ms);

/* How many connections were accepted, and the requests received (method line and headers,
 * then the body), oldest first. */
guint              declic_fault_server_get_n_connections (DeclicFaultServer *self);
guint              declic_fault_server_get_n_requests    (DeclicFaultServer *self);
char              *declic_fault_server_dup_request       (DeclicFaultServer *self,
                                                          guint              index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeclicFaultServer, declic_fault_server_free)

G_END_DECLS
