/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A rules server on loopback, shared by the tests that talk to one. */

SoupServer *test_server_start (SoupServerCallback  callback,
                               gpointer            data,
                               guint              *port);
void        test_server_reply (SoupServerMessage  *message,
                               const char         *content_type,
                               gconstpointer       body,
                               gsize               size);
void        test_server_reply_json (SoupServerMessage *message,
                                    GBytes            *body);

G_END_DECLS
