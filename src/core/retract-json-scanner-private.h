/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by retract-json-document.c and retract-json-scanner.c only. */

#include "retract-json-document.h"

G_BEGIN_DECLS

#define RETRACT_JSON_DEFAULT_MAX_BYTES (4 * 1024 * 1024)
#define RETRACT_JSON_DEFAULT_MAX_DEPTH 32

/* The size cap in force for @limits (which may be NULL). */
#define RETRACT_JSON_MAX_BYTES(limits) \
  ((limits) != NULL && (limits)->max_bytes != 0 ? (limits)->max_bytes \
                                                : (gsize) RETRACT_JSON_DEFAULT_MAX_BYTES)

gboolean retract_json_scan               (GBytes                  *bytes,
                                          const char              *name,
                                          const RetractJsonLimits *limits,
                                          GHashTable              *positions,
                                          const char             **text,
                                          gsize                   *text_length,
                                          GError                 **error);
void     retract_json_append_escaped_key (GString                 *result,
                                          const char              *key);

G_END_DECLS
