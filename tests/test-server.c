/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Retract"

#include "config.h"

#include "test-server.h"

/* A server on a free loopback port, calling @callback for every path; the
 * port it listens on is put in @port. */
SoupServer *
test_server_start (SoupServerCallback  callback,
                   gpointer            data,
                   guint              *port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  SoupServer *server = soup_server_new (NULL, NULL);
  GSList *listeners;

  soup_server_add_handler (server, NULL, callback, data, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  listeners = soup_server_get_listeners (server);
  address = g_socket_get_local_address (listeners->data, &error);
  g_assert_no_error (error);
  g_slist_free (listeners);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));

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
