/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Retract"

#include "config.h"

#include "test-server.h"

/* Listens on a free loopback port and returns it. */
static guint
listen_loopback (SoupServer              *soup,
                 SoupServerListenOptions  options)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  guint port;

  g_assert_true (soup_server_listen_local (soup, 0, options, &error));
  g_assert_no_error (error);

  uris = soup_server_get_uris (soup);
  g_assert_nonnull (uris);
  port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return port;
}

/* A server on a free loopback port, calling @callback for every path; the
 * port it listens on is put in @port. */
SoupServer *
test_server_start (SoupServerCallback  callback,
                   gpointer            data,
                   guint              *port)
{
  SoupServer *server = soup_server_new (NULL, NULL);

  soup_server_add_handler (server, NULL, callback, data, NULL);
  *port = listen_loopback (server, SOUP_SERVER_LISTEN_IPV4_ONLY);

  return server;
}

/* Answers @message with 200 and a copy of @body. */
void
test_server_reply (SoupServerMessage *message,
                   const char        *content_type,
                   gconstpointer      body,
                   gsize              size)
{
  soup_server_message_set_response (message, content_type, SOUP_MEMORY_COPY, body, size);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
}

/* Answers @message with 200 and @body as JSON. */
void
test_server_reply_json (SoupServerMessage *message,
                        GBytes            *body)
{
  test_server_reply (message, "application/json", g_bytes_get_data (body, NULL),
                     g_bytes_get_size (body));
}

/* The server with routes */

/* An answer being sent chunk by chunk, or held. */
typedef struct
{
  SoupServerMessage *msg;
  TestRoute         *route;
  gsize              offset;
  guint              source;
  gboolean           done;
  gboolean           wrote_first_chunk;
} Stream;

static void
route_free (TestRoute *route)
{
  g_clear_pointer (&route->body, g_bytes_unref);
  g_free (route->etag);
  g_free (route->location);
  g_free (route->set_cookie);
  g_clear_object (&route->cancel_after_first_chunk);
  g_free (route);
}

static void
request_free (TestRequest *request)
{
  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  soup_message_headers_unref (request->headers);
  g_free (request);
}

static void
stream_free (Stream *stream)
{
  g_clear_handle_id (&stream->source, g_source_remove);
  g_signal_handlers_disconnect_by_data (stream->msg, stream);
  g_object_unref (stream->msg);
  g_free (stream);
}

static void
stream_done (Stream *stream)
{
  stream->done = TRUE;
  g_clear_handle_id (&stream->source, g_source_remove);
}

static gboolean
cancel_now (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
stream_wrote_chunk (Stream *stream)
{
  GCancellable *cancellable = stream->route->cancel_after_first_chunk;

  if (stream->wrote_first_chunk)
    return;
  stream->wrote_first_chunk = TRUE;

  /* Time for the client to read the chunk before it is cancelled. */
  if (cancellable != NULL)
    g_timeout_add_full (G_PRIORITY_DEFAULT, 100, cancel_now, g_object_ref (cancellable),
                        g_object_unref);
}

static Stream *
stream_new (TestServer        *server,
            SoupServerMessage *msg,
            TestRoute             *route)
{
  Stream *stream = g_new0 (Stream, 1);

  stream->msg = g_object_ref (msg);
  stream->route = route;
  g_signal_connect_swapped (msg, "finished", G_CALLBACK (stream_done), stream);
  g_signal_connect_swapped (msg, "disconnected", G_CALLBACK (stream_done), stream);
  g_signal_connect_swapped (msg, "wrote-chunk", G_CALLBACK (stream_wrote_chunk), stream);
  g_ptr_array_add (server->streams, stream);
  return stream;
}

static gboolean
stream_next_chunk (gpointer user_data)
{
  Stream *stream = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (stream->msg);
  gsize length;
  const char *data = g_bytes_get_data (stream->route->body, &length);
  gsize size = MIN (stream->route->chunk_size, length - stream->offset);

  soup_message_body_append (body, SOUP_MEMORY_COPY, data + stream->offset, size);
  stream->offset += size;
  if (stream->offset == length)
    soup_message_body_complete (body);
  soup_server_message_unpause (stream->msg);

  if (stream->offset == length ||
      (stream->route->stop_after != 0 && stream->offset >= stream->route->stop_after))
    {
      stream->source = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
record_header (const char *name,
               const char *value,
               gpointer    user_data)
{
  soup_message_headers_append (user_data, name, value);
}

static void
record_request (TestServer        *server,
                SoupServerMessage *msg)
{
  TestRequest *request = g_new0 (TestRequest, 1);
  GUri *uri = soup_server_message_get_uri (msg);

  request->method = g_strdup (soup_server_message_get_method (msg));
  request->path = g_strdup (g_uri_get_path (uri));
  request->query = g_strdup (g_uri_get_query (uri));
  request->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_foreach (soup_server_message_get_request_headers (msg), record_header,
                                request->headers);
  g_ptr_array_add (server->requests, request);
}

static void
handle_request (SoupServer        *soup,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  TestServer *server = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *if_none_match;
  const char *data;
  gsize length = 0;
  Stream *stream;
  TestRoute *route;

  record_request (server, msg);

  route = g_hash_table_lookup (server->routes, path);
  if (route == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "no route", 8);
      return;
    }

  if (route->stall)
    {
      stream_new (server, msg, route);
      soup_server_message_pause (msg);
      return;
    }

  if (route->etag != NULL)
    soup_message_headers_replace (headers, "ETag", route->etag);
  if (route->location != NULL)
    soup_message_headers_replace (headers, "Location", route->location);
  if (route->set_cookie != NULL)
    soup_message_headers_append (headers, "Set-Cookie", route->set_cookie);

  if_none_match = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                "If-None-Match");
  if (route->not_modified_on_match && route->etag != NULL &&
      g_strcmp0 (if_none_match, route->etag) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_server_message_set_status (msg, route->status, NULL);
  if (route->body == NULL)
    return;

  data = g_bytes_get_data (route->body, &length);
  if (!route->streamed)
    {
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, data, length);
      return;
    }

  soup_message_headers_set_content_type (headers, "application/json", NULL);
  soup_message_headers_set_encoding (headers, route->encoding);
  if (route->encoding == SOUP_ENCODING_CONTENT_LENGTH)
    soup_message_headers_set_content_length (headers, (goffset) length);

  stream = stream_new (server, msg, route);
  stream->source = g_timeout_add (route->interval_ms, stream_next_chunk, stream);
}

/* With @certificate, the server speaks HTTPS. */
TestServer *
test_server_new_full (GTlsCertificate *certificate)
{
  TestServer *server = g_new0 (TestServer, 1);
  SoupServerListenOptions options = SOUP_SERVER_LISTEN_IPV4_ONLY;

  if (certificate != NULL)
    {
      server->soup = soup_server_new ("tls-certificate", certificate, NULL);
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }
  else
    {
      server->soup = soup_server_new (NULL, NULL);
    }

  server->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  server->all_routes = g_ptr_array_new_with_free_func ((GDestroyNotify) route_free);
  server->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) request_free);
  server->streams = g_ptr_array_new ();
  soup_server_add_handler (server->soup, NULL, handle_request, server, NULL);

  server->port = listen_loopback (server->soup, options);
  server->base = g_strdup_printf ("%s://127.0.0.1:%u", certificate ? "https" : "http",
                                  server->port);
  return server;
}

TestServer *
test_server_new (void)
{
  return test_server_new_full (NULL);
}

static gboolean
set_flag (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
all_streams_done (TestServer *server)
{
  for (guint i = 0; i < server->streams->len; i++)
    if (!((Stream *) g_ptr_array_index (server->streams, i))->done)
      return FALSE;
  return TRUE;
}

/* Lets every paused or half-sent answer end, so nothing is left behind. */
void
test_server_free (TestServer *server)
{
  gboolean expired = FALSE;
  guint guard;

  for (guint i = 0; i < server->streams->len; i++)
    {
      Stream *stream = g_ptr_array_index (server->streams, i);
      SoupMessageBody *body = soup_server_message_get_response_body (stream->msg);

      if (stream->done)
        continue;

      g_clear_handle_id (&stream->source, g_source_remove);
      if (stream->route->stall)
        {
          soup_server_message_set_status (stream->msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
        }
      else
        {
          gsize length;
          const char *data = g_bytes_get_data (stream->route->body, &length);

          if (stream->offset < length)
            soup_message_body_append (body, SOUP_MEMORY_COPY, data + stream->offset,
                                      length - stream->offset);
          stream->offset = length;
          soup_message_body_complete (body);
        }
      soup_server_message_unpause (stream->msg);
    }

  guard = g_timeout_add (1000, set_flag, &expired);
  while (!all_streams_done (server) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (guard);

  soup_server_disconnect (server->soup);
  g_object_unref (server->soup);
  g_ptr_array_set_free_func (server->streams, (GDestroyNotify) stream_free);
  g_ptr_array_unref (server->streams);
  g_ptr_array_unref (server->requests);
  g_hash_table_unref (server->routes);
  g_ptr_array_unref (server->all_routes);
  g_free (server->base);
  g_free (server);

  /* Let whatever the closed connections scheduled run now. */
  for (guint i = 0; i < 100; i++)
    if (!g_main_context_iteration (NULL, FALSE))
      break;
}

char *
test_server_url (TestServer *server,
                 const char *path)
{
  return g_strconcat (server->base, path, NULL);
}

TestRoute *
test_server_route (TestServer *server,
                   const char *path,
                   guint       status,
                   GBytes     *body)
{
  TestRoute *route = g_new0 (TestRoute, 1);

  route->status = status;
  route->body = body != NULL ? g_bytes_ref (body) : NULL;
  route->encoding = SOUP_ENCODING_CHUNKED;
  route->chunk_size = 1024;
  route->interval_ms = 5;
  g_hash_table_replace (server->routes, g_strdup (path), route);
  g_ptr_array_add (server->all_routes, route);
  return route;
}

TestRoute *
test_server_redirect (TestServer *server,
                      const char *path,
                      const char *location)
{
  TestRoute *route = test_server_route (server, path, SOUP_STATUS_FOUND, NULL);

  route->location = g_strdup (location);
  return route;
}

TestRequest *
test_server_request (TestServer *server,
                     guint       index)
{
  g_assert_cmpuint (index, <, server->requests->len);
  return g_ptr_array_index (server->requests, index);
}
