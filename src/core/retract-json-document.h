/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "retract-types.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_JSON_DOCUMENT (retract_json_document_get_type ())

G_DECLARE_FINAL_TYPE (RetractJsonDocument, retract_json_document, RETRACT, JSON_DOCUMENT, GObject)

/* How a member is read: absent members are an error unless OPTIONAL;
 * an explicit null is accepted only with NULLABLE (and reads as absent).
 * NONEMPTY refuses "" and []. EXACT_TIME, for a time: only as Retract
 * writes one (retract_json_document_parse_instant()), for signed files.
 *
 * One rule for every retract_json_document_read_*() function: *value is
 * written only when the member is present, non-null and valid. When an
 * OPTIONAL member is absent or a NULLABLE member is null, the reader returns
 * TRUE and leaves *value untouched, so the caller sets the default (NULL, 0,
 * FALSE, …) before the call. On error (FALSE, @error set) *value is also left
 * untouched. Strings, arrays and objects read are owned by the document;
 * a time read is the caller's. */
typedef enum
{
  RETRACT_JSON_REQUIRED = 0,
  RETRACT_JSON_OPTIONAL = 1 << 0,
  RETRACT_JSON_NULLABLE = 1 << 1,
  RETRACT_JSON_NONEMPTY = 1 << 2,
  RETRACT_JSON_EXACT_TIME = 1 << 3,
} RetractJsonFlags;

typedef struct
{
  gsize max_bytes;
  guint max_depth;
} RetractJsonLimits;

RetractJsonDocument *retract_json_document_new_from_bytes (GBytes                  *bytes,
                                                           const char              *display_name,
                                                           const RetractJsonLimits *limits,
                                                           GError                 **error);
RetractJsonDocument *retract_json_document_new_from_file  (const char              *path,
                                                           const RetractJsonLimits *limits,
                                                           GError                 **error);
const char          *retract_json_document_get_name       (RetractJsonDocument     *self);
JsonNode            *retract_json_document_get_root       (RetractJsonDocument     *self);
gboolean             retract_json_document_locate         (RetractJsonDocument     *self,
                                                           const char              *path,
                                                           guint                   *line,
                                                           guint                   *column);
/* The error at @path, or at its member @key (nullable). */
void                 retract_json_document_set_member_error (RetractJsonDocument *self,
                                                             GError             **error,
                                                             RetractDataError     code,
                                                             const char          *path,
                                                             const char          *key,
                                                             const char          *format,
                                                             ...) G_GNUC_PRINTF (6, 7);
#define retract_json_document_set_error(self, error, code, path, ...) \
  retract_json_document_set_member_error ((self), (error), (code), (path), NULL, __VA_ARGS__)

JsonObject          *retract_json_document_expect_object  (RetractJsonDocument     *self,
                                                           JsonNode                *node,
                                                           const char              *path,
                                                           GError                 **error);
gboolean             retract_json_document_check_keys     (RetractJsonDocument     *self,
                                                           JsonObject              *object,
                                                           const char              *path,
                                                           const char * const      *allowed,
                                                           GError                 **error);
gboolean             retract_json_document_read_string    (RetractJsonDocument     *self,
                                                           JsonObject              *object,
                                                           const char              *path,
                                                           const char              *key,
                                                           RetractJsonFlags         flags,
                                                           const char             **value,
                                                           GError                 **error);
gboolean             retract_json_document_read_int       (RetractJsonDocument     *self,
                                                           JsonObject              *object,
                                                           const char              *path,
                                                           const char              *key,
                                                           RetractJsonFlags         flags,
                                                           gint64                   minimum,
                                                           gint64                   maximum,
                                                           gint64                  *value,
                                                           GError                 **error);
gboolean             retract_json_document_read_bool      (RetractJsonDocument     *self,
                                                           JsonObject              *object,
                                                           const char              *path,
                                                           const char              *key,
                                                           RetractJsonFlags         flags,
                                                           gboolean                *value,
                                                           GError                 **error);
gboolean             retract_json_document_read_array     (RetractJsonDocument     *self,
                                                           JsonObject              *object,
                                                           const char              *path,
                                                           const char              *key,
                                                           RetractJsonFlags         flags,
                                                           JsonArray              **value,
                                                           GError                 **error);
gboolean             retract_json_document_read_object    (RetractJsonDocument     *self,
                                                           JsonObject              *object,
                                                           const char              *path,
                                                           const char              *key,
                                                           RetractJsonFlags         flags,
                                                           JsonObject             **value,
                                                           GError                 **error);
gboolean             retract_json_document_read_time      (RetractJsonDocument     *self,
                                                           JsonObject              *object,
                                                           const char              *path,
                                                           const char              *key,
                                                           RetractJsonFlags         flags,
                                                           GDateTime              **value,
                                                           GError                 **error);
GDateTime           *retract_json_document_parse_instant  (RetractJsonDocument     *self,
                                                           const char              *path,
                                                           const char              *text,
                                                           GError                 **error);
char                *retract_json_path_member             (const char              *path,
                                                           const char              *key);
char                *retract_json_path_element            (const char              *path,
                                                           guint                    index);

G_END_DECLS
