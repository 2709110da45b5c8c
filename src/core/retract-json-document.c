/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A JSON document read strictly: the text passes the strict scan
 * (retract-json-scanner.c), which also records where every value starts, and
 * only then is handed to JsonParser for the tree. The document locates paths
 * and offers the member readers (retract-json-document-read.c), so that
 * every schema error can say `file:line:col: $.path: what is wrong`.
 */

#define G_LOG_DOMAIN "retract-json-document"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "retract-error.h"
#include "retract-file.h"
#include "retract-json-document.h"
#include "retract-json-scanner-private.h"

struct _RetractJsonDocument
{
  GObject     parent_instance;

  char       *name;
  JsonParser *parser;
  GHashTable *positions; /* path → guint[2] {line, column} */
};

G_DEFINE_FINAL_TYPE (RetractJsonDocument, retract_json_document, G_TYPE_OBJECT)

static void
retract_json_document_finalize (GObject *object)
{
  RetractJsonDocument *self = (RetractJsonDocument *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->parser);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  G_OBJECT_CLASS (retract_json_document_parent_class)->finalize (object);
}

static void
retract_json_document_class_init (RetractJsonDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = retract_json_document_finalize;
}

static void
retract_json_document_init (RetractJsonDocument *self)
{
  self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * retract_json_document_new_from_bytes:
 * @bytes: the document
 * @display_name: how to name the document in messages (a file name)
 * @limits: (nullable): size and depth limits, or %NULL for the defaults
 * @error: the first problem found, as `name:line:col: message`
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on error
 */
RetractJsonDocument *
retract_json_document_new_from_bytes (GBytes                  *bytes,
                                      const char              *display_name,
                                      const RetractJsonLimits *limits,
                                      GError                 **error)
{
  g_autoptr(RetractJsonDocument) self = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *text;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RETRACT_TYPE_JSON_DOCUMENT, NULL);
  self->name = g_strdup (display_name);

  if (!retract_json_scan (bytes, display_name, limits, self->positions, &text, &length, error))
    return NULL;

  self->parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (self->parser, text, (gssize) length, &parse_error))
    {
      /* Not expected after the scan; kept so nothing slips through unreported. */
      g_set_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_SYNTAX,
                   "%s:%s", display_name, parse_error->message);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * retract_json_document_new_from_file:
 * @path: a file name
 * @limits: (nullable): limits, or %NULL for the defaults
 * @error: where to report problems
 *
 * Reads @path after checking that it is a regular file (a FIFO or a device
 * is refused at once, naming it) and its size, so an enormous file is
 * refused without being read.
 *
 * Returns: (transfer full) (nullable): the document
 */
RetractJsonDocument *
retract_json_document_new_from_file (const char              *path,
                                     const RetractJsonLimits *limits,
                                     GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = NULL;
  gsize max_bytes = RETRACT_JSON_MAX_BYTES (limits);

  g_return_val_if_fail (path != NULL, NULL);

  bytes = retract_file_read (path, max_bytes, &local_error);
  if (bytes == NULL)
    {
      if (local_error->domain == RETRACT_DATA_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_IO,
                     "%s", local_error->message);
      return NULL;
    }

  /* Messages name the file escaped: a name cannot rewrite the terminal. */
  shown = retract_file_display_name (path);
  return retract_json_document_new_from_bytes (bytes, shown, limits, error);
}

const char *
retract_json_document_get_name (RetractJsonDocument *self)
{
  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), NULL);

  return self->name;
}

/**
 * retract_json_document_get_root:
 *
 * Returns: (transfer none): the root node
 */
JsonNode *
retract_json_document_get_root (RetractJsonDocument *self)
{
  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), NULL);

  return json_parser_get_root (self->parser);
}

/**
 * retract_json_document_locate:
 *
 * Finds where the value at @path starts. A path that is not in the document
 * (a missing member) is located at its nearest existing parent.
 */
gboolean
retract_json_document_locate (RetractJsonDocument *self,
                              const char          *path,
                              guint               *line,
                              guint               *column)
{
  g_autofree char *probe = NULL;

  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  probe = g_strdup (path);
  for (;;)
    {
      const guint *position = g_hash_table_lookup (self->positions, probe);
      char *cut;

      if (position != NULL)
        {
          *line = position[0];
          *column = position[1];
          return TRUE;
        }

      cut = MAX (strrchr (probe, '.'), strrchr (probe, '['));
      if (cut == NULL || cut == probe)
        return FALSE;
      *cut = '\0';
    }
}

/**
 * retract_json_document_set_member_error:
 * @path: where the problem is, a path of the document
 * @key: (nullable): the member of the object at @path the problem is in, or
 *   %NULL for @path itself
 *
 * Sets @error to `file:line:col: $.path: message` (`$.path.key` with @key),
 * located at that place or at its nearest parent in the document.
 * retract_json_document_set_error() is this without @key.
 */
void
retract_json_document_set_member_error (RetractJsonDocument *self,
                                        GError             **error,
                                        RetractDataError     code,
                                        const char          *path,
                                        const char          *key,
                                        const char          *format,
                                        ...)
{
  g_autofree char *member_path = NULL;
  g_autofree char *message = NULL;
  guint line = 1, column = 1;
  va_list args;

  g_return_if_fail (RETRACT_IS_JSON_DOCUMENT (self));

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (key != NULL)
    path = member_path = retract_json_path_member (path, key);
  retract_json_document_locate (self, path, &line, &column);
  g_set_error (error, RETRACT_DATA_ERROR, code, "%s:%u:%u: %s: %s",
               self->name, line, column, path, message);
}

static gboolean
is_plain_key (const char *key)
{
  if (*key == '\0' || g_ascii_isdigit (*key))
    return FALSE;

  for (const char *p = key; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;

  return TRUE;
}

/**
 * retract_json_path_member:
 *
 * Returns: (transfer full): `path.key`, or `path["key"]` for keys that are
 *   not plain identifiers
 */
char *
retract_json_path_member (const char *path,
                          const char *key)
{
  GString *result;

  if (is_plain_key (key))
    return g_strconcat (path, ".", key, NULL);

  result = g_string_new (path);
  g_string_append (result, "[\"");
  retract_json_append_escaped_key (result, key);
  g_string_append (result, "\"]");

  return g_string_free (result, FALSE);
}

char *
retract_json_path_element (const char *path,
                           guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}
