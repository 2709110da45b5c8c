/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A rules server on loopback, shared by the tests that talk to one. Two
 * ways to drive it: test_server_start() calls the test's own handler for
 * every request; test_server_new() answers from routes the test sets up
 * (status, body, headers, streaming, stalls) and records every request. */

SoupServer *test_server_start (SoupServerCallback  callback,
                               gpointer            data,
                               guint              *port);
void        test_server_reply (SoupServerMessage  *message,
                               const char         *content_type,
                               gconstpointer       body,
                               gsize               size);
void        test_server_reply_json (SoupServerMessage *message,
                                    GBytes            *body);

/* How one path is answered; the fields may be changed after
 * test_server_route() until the request comes. */
typedef struct
{
  guint         status;
  GBytes       *body;                /* NULL: none */
  char         *etag;
  char         *location;
  char         *set_cookie;
  gboolean      not_modified_on_match;
  gboolean      stall;               /* pause and never answer */
  gboolean      streamed;            /* body sent chunk by chunk on a timer */
  SoupEncoding  encoding;            /* when streamed */
  gsize         chunk_size;
  guint         interval_ms;
  gsize         stop_after;          /* stop sending (never finishing) after this; 0: all */
  GCancellable *cancel_after_first_chunk;
} TestRoute;

/* A request as it came. */
typedef struct
{
  char               *method;
  char               *path;
  char               *query;
  SoupMessageHeaders *headers;
} TestRequest;

typedef struct
{
  SoupServer *soup;
  guint       port;
  char       *base;       /* "http://127.0.0.1:port" */
  GHashTable *routes;     /* path → TestRoute served now */
  GPtrArray  *all_routes; /* TestRoute, with those replaced: an answer may still use one */
  GPtrArray  *requests;   /* TestRequest, in the order they came */
  GPtrArray  *streams;    /* paused or streamed answers */
} TestServer;

TestServer  *test_server_new      (void);
TestServer  *test_server_new_full (GTlsCertificate *certificate);
void         test_server_free     (TestServer      *server);
char        *test_server_url      (TestServer      *server,
                                   const char      *path);
TestRoute   *test_server_route    (TestServer      *server,
                                   const char      *path,
                                   guint            status,
                                   GBytes          *body);
TestRoute   *test_server_redirect (TestServer      *server,
                                   const char      *path,
                                   const char      *location);
TestRequest *test_server_request  (TestServer      *server,
                                   guint            index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestServer, test_server_free)

G_END_DECLS
