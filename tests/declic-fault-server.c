/* declic-fault-server.c: a scripted HTTP/1.1 server on threads, for fault tests. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>
#include <sys/socket.h>

#include "declic-fault-server.h"

typedef enum
{
  ACTION_REPLY,
  ACTION_RESET,
  ACTION_SILENCE,
  ACTION_TRICKLE,
} ActionKind;

typedef struct
{
  ActionKind  kind;
  guint       status;
  char       *headers;
  char       *body;
  gsize       length;
  guint       interval_ms;
  gboolean    body_for_head;  /* send the body even to a HEAD, which HTTP forbids */
} Action;

struct _DeclicFaultServer
{
  GSocket      *listener;
  GCancellable *cancellable;
  GThread      *accept_thread;
  char         *url;

  GMutex        lock;
  GQueue        script;        /* Action */
  GPtrArray    *requests;      /* char * */
  GPtrArray    *threads;       /* GThread, one per connection */
  guint         n_connections;
};

typedef struct
{
  DeclicFaultServer *server;
  GSocket           *socket;
} Connection;

static void
action_free (Action *action)
{
  g_free (action->headers);
  g_free (action->body);
  g_free (action);
}

static void
push_action (DeclicFaultServer *self,
             Action            *action)
{
  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->script, action);
  g_mutex_unlock (&self->lock);
}

void
declic_fault_server_push_reply (DeclicFaultServer *self,
                                guint              status,
                                const char        *headers,
                                const char        *body)
{
  Action *action = g_new0 (Action, 1);

  action->kind = ACTION_REPLY;
  action->status = status;
  action->headers = g_strdup (headers != NULL ? headers : "");
  action->body = g_strdup (body != NULL ? body : "");
  push_action (self, action);
}

void
declic_fault_server_push_reset (DeclicFaultServer *self)
{
  Action *action = g_new0 (Action, 1);

  action->kind = ACTION_RESET;
  push_action (self, action);
}

void
declic_fault_server_push_head_with_body (DeclicFaultServer *self,
                                         guint              status,
                                         const char        *headers,
                                         const char        *body)
{
  Action *action = g_new0 (Action, 1);

  action->kind = ACTION_REPLY;
  action->status = status;
  action->headers = g_strdup (headers != NULL ? headers : "");
  action->body = g_strdup (body != NULL ? body : "");
  action->body_for_head = TRUE;
  push_action (self, action);
}

void
declic_fault_server_push_silence (DeclicFaultServer *self)
{
  Action *action = g_new0 (Action, 1);

  action->kind = ACTION_SILENCE;
  push_action (self, action);
}

void
declic_fault_server_push_trickle (DeclicFaultServer *self,
                                  gsize              length,
                                  guint              interval_ms)
{
  Action *action = g_new0 (Action, 1);

  action->kind = ACTION_TRICKLE;
  action->status = 200;
  action->length = length;
  action->interval_ms = interval_ms;
  push_action (self, action);
}

static gboolean
send_all (Connection *connection,
          const char *data,
          gsize       length)
{
  while (length > 0)
    {
      gssize n = g_socket_send (connection->socket, data, length,
                                connection->server->cancellable, NULL);
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }
  return TRUE;
}

/* Reads one request: the head up to the blank line, then Content-Length bytes of body. */
static GString *
read_request (Connection *connection,
              gboolean   *is_head)
{
  GString *request = g_string_new (NULL);
  gssize head_end = -1;
  gsize content_length = 0;
  char buffer[4096];

  for (;;)
    {
      char *end;
      gssize n;

      if (head_end < 0 && (end = strstr (request->str, "\r\n\r\n")) != NULL)
        {
          g_autofree char *lower = NULL;
          const char *header;

          head_end = end - request->str + 4;
          lower = g_ascii_strdown (request->str, head_end);
          header = strstr (lower, "\r\ncontent-length:");
          if (header != NULL)
            content_length = g_ascii_strtoull (header + strlen ("\r\ncontent-length:"), NULL, 10);
          *is_head = g_str_has_prefix (request->str, "HEAD ");
        }
      if (head_end >= 0 && request->len >= head_end + content_length)
        return request;

      n = g_socket_receive (connection->socket, buffer, sizeof buffer,
                            connection->server->cancellable, NULL);
      if (n <= 0)
        {
          g_string_free (request, TRUE);
          return NULL;
        }
      g_string_append_len (request, buffer, n);
    }
}

static void
reset_connection (Connection *connection)
{
  struct linger linger = { 1, 0 };

  /* Closing with a zero linger time sends RST instead of FIN: "connection reset by peer". */
  setsockopt (g_socket_get_fd (connection->socket), SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
  g_socket_close (connection->socket, NULL);
}

static void
wait_for_close (Connection *connection)
{
  char buffer[256];

  while (g_socket_receive (connection->socket, buffer, sizeof buffer,
                           connection->server->cancellable, NULL) > 0)
    ;
}

static gpointer
serve_connection (gpointer data)
{
  Connection *connection = data;
  DeclicFaultServer *self = connection->server;
  gboolean keep_open = TRUE;

  while (keep_open)
    {
      gboolean is_head = FALSE;
      GString *request = read_request (connection, &is_head);
      Action *action;

      if (request == NULL)
        break;

      g_mutex_lock (&self->lock);
      g_ptr_array_add (self->requests, g_string_free (request, FALSE));
      action = g_queue_pop_head (&self->script);
      g_mutex_unlock (&self->lock);

      if (action == NULL)
        {
          const char *reply = "HTTP/1.1 599 Unscripted\r\nContent-Length: 0\r\n\r\n";
          keep_open = send_all (connection, reply, strlen (reply));
          continue;
        }

      switch (action->kind)
        {
        case ACTION_REPLY:
          {
            g_autofree char *head = g_strdup_printf ("HTTP/1.1 %u Scripted\r\nContent-Length: %zu\r\n%s\r\n",
                                                     action->status, strlen (action->body),
                                                     action->headers);
            keep_open = send_all (connection, head, strlen (head));
            /* The forbidden body of a HEAD comes a little later, as from a server that writes
             * it after the headers: the client has finished with the HEAD by then. */
            if (keep_open && is_head && action->body_for_head)
              g_usleep (200 * 1000);
            keep_open = keep_open &&
                        ((is_head && !action->body_for_head) ||
                         send_all (connection, action->body, strlen (action->body)));
          }
          break;

        case ACTION_RESET:
          reset_connection (connection);
          keep_open = FALSE;
          break;

        case ACTION_SILENCE:
          wait_for_close (connection);
          keep_open = FALSE;
          break;

        case ACTION_TRICKLE:
          {
            g_autofree char *head = g_strdup_printf ("HTTP/1.1 %u Trickle\r\nContent-Length: %zu\r\n\r\n",
                                                     action->status, action->length);
            keep_open = send_all (connection, head, strlen (head));
            for (gsize i = 0; keep_open && i < action->length; i++)
              {
                g_usleep (action->interval_ms * 1000);
                keep_open = !g_cancellable_is_cancelled (self->cancellable) &&
                            send_all (connection, "x", 1);
              }
            keep_open = FALSE;
          }
          break;

        default:
          g_assert_not_reached ();
        }
      action_free (action);
    }

  g_socket_close (connection->socket, NULL);
  g_object_unref (connection->socket);
  g_free (connection);
  return NULL;
}

static gpointer
accept_connections (gpointer data)
{
  DeclicFaultServer *self = data;

  for (;;)
    {
      GSocket *socket = g_socket_accept (self->listener, self->cancellable, NULL);
      Connection *connection;

      if (socket == NULL)
        break;

      connection = g_new0 (Connection, 1);
      connection->server = self;
      connection->socket = socket;

      g_mutex_lock (&self->lock);
      self->n_connections++;
      g_ptr_array_add (self->threads, g_thread_new ("fault-connection", serve_connection, connection));
      g_mutex_unlock (&self->lock);
    }
  return NULL;
}

DeclicFaultServer *
declic_fault_server_new (void)
{
  DeclicFaultServer *self = g_new0 (DeclicFaultServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_init (&self->lock);
  g_queue_init (&self->script);
  self->requests = g_ptr_array_new_with_free_func (g_free);
  self->threads = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  self->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (self->listener, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (self->listener, &error);
  g_assert_no_error (error);

  bound = g_socket_get_local_address (self->listener, &error);
  g_assert_no_error (error);
  self->url = g_strdup_printf ("http://127.0.0.1:%u",
                               g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  self->accept_thread = g_thread_new ("fault-accept", accept_connections, self);
  return self;
}

void
declic_fault_server_free (DeclicFaultServer *self)
{
  if (self == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_thread_join (self->accept_thread);
  /* No new threads now: join those serving connections. */
  for (guint i = 0; i < self->threads->len; i++)
    g_thread_join (g_ptr_array_index (self->threads, i));
  g_ptr_array_unref (self->threads);

  g_socket_close (self->listener, NULL);
  g_object_unref (self->listener);
  g_object_unref (self->cancellable);
  g_queue_clear_full (&self->script, (GDestroyNotify) action_free);
  g_ptr_array_unref (self->requests);
  g_mutex_clear (&self->lock);
  g_free (self->url);
  g_free (self);
}

const char *
declic_fault_server_get_url (DeclicFaultServer *self)
{
  return self->url;
}

guint
declic_fault_server_get_n_connections (DeclicFaultServer *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->n_connections;
  g_mutex_unlock (&self->lock);
  return n;
}

guint
declic_fault_server_get_n_requests (DeclicFaultServer *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->requests->len;
  g_mutex_unlock (&self->lock);
  return n;
}

char *
declic_fault_server_dup_request (DeclicFaultServer *self,
                                 guint              index)
{
  char *request = NULL;

  g_mutex_lock (&self->lock);
  if (index < self->requests->len)
    request = g_strdup (g_ptr_array_index (self->requests, index));
  g_mutex_unlock (&self->lock);
  return request;
}
