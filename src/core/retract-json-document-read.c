/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The member readers of a strict JSON document (see
 * retract-json-document.c for the document): an object expected, its keys
 * checked against the allowed ones, and each member read by one rule for
 * absence, null, type, emptiness and range, every error named by its
 * place, `file:line:col: $.path: what is wrong`. */

#define G_LOG_DOMAIN "retract-json-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-error.h"
#include "retract-json-document.h"
#include "retract-json-scanner-private.h"
#include "retract-time.h"

/* What a value of @node_type (and @value_type) is called in messages, both
 * for what was found and for what a reader expected. */
static const char *
describe_type (JsonNodeType node_type,
               GType        value_type)
{
  switch (node_type)
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (value_type)
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    case G_TYPE_INT64:
      return _("an integer");
    case G_TYPE_DOUBLE:
      return _("a decimal number");
    default:
      return _("a value");
    }
}

static const char *
describe_node (JsonNode *node)
{
  return describe_type (json_node_get_node_type (node),
                        JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node)
                                                     : G_TYPE_INVALID);
}

JsonObject *
retract_json_document_expect_object (RetractJsonDocument *self,
                                     JsonNode            *node,
                                     const char          *path,
                                     GError             **error)
{
  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      retract_json_document_set_error (self, error, RETRACT_DATA_ERROR_WRONG_TYPE, path,
                                       _("expected an object, found %s"),
                                       node ? describe_node (node) : _("nothing"));
      return NULL;
    }

  return json_node_get_object (node);
}

gboolean
retract_json_document_check_keys (RetractJsonDocument *self,
                                  JsonObject          *object,
                                  const char          *path,
                                  const char * const  *allowed,
                                  GError             **error)
{
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), FALSE);

  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (!g_strv_contains (allowed, key))
        {
          g_autofree char *expected = g_strjoinv (", ", (char **) allowed);
          g_autoptr(GString) shown = g_string_new (NULL);

          retract_json_append_escaped_key (shown, key);
          retract_json_document_set_member_error (self, error, RETRACT_DATA_ERROR_UNKNOWN_KEY,
                                                  path, key,
                                                  _("unknown key “%1$s”; expected one of: %2$s"),
                                                  shown->str, expected);
          return FALSE;
        }
    }

  return TRUE;
}

/* Finds the member @key of @object, of the type wanted: a value of
 * @value_type when @node_type is JSON_NODE_VALUE. Absence and null are
 * handled by @flags. Returns FALSE on error; sets *node to NULL when the
 * member is absent (and OPTIONAL) or null (and NULLABLE): the reader then
 * returns TRUE without writing its *value. */
static gboolean
lookup_member (RetractJsonDocument *self,
               JsonObject          *object,
               const char          *path,
               const char          *key,
               RetractJsonFlags     flags,
               JsonNodeType         node_type,
               GType                value_type,
               JsonNode           **node,
               GError             **error)
{
  *node = json_object_get_member (object, key);

  if (*node == NULL)
    {
      if (flags & RETRACT_JSON_OPTIONAL)
        return TRUE;

      retract_json_document_set_error (self, error, RETRACT_DATA_ERROR_MISSING, path,
                                       _("required key “%s” is missing"), key);
      return FALSE;
    }

  if (JSON_NODE_HOLDS_NULL (*node) && (flags & RETRACT_JSON_NULLABLE))
    {
      *node = NULL;
      return TRUE;
    }

  if (json_node_get_node_type (*node) != node_type ||
      (node_type == JSON_NODE_VALUE && json_node_get_value_type (*node) != value_type))
    {
      /* Translators: "expected a string, found an integer" */
      retract_json_document_set_member_error (self, error, RETRACT_DATA_ERROR_WRONG_TYPE, path,
                                              key, _("expected %1$s, found %2$s"),
                                              describe_type (node_type, value_type),
                                              describe_node (*node));
      return FALSE;
    }

  return TRUE;
}

static void
set_empty_error (RetractJsonDocument *self,
                 GError             **error,
                 const char          *path,
                 const char          *key)
{
  retract_json_document_set_member_error (self, error, RETRACT_DATA_ERROR_BAD_VALUE, path, key,
                                          _("must not be empty"));
}

gboolean
retract_json_document_read_string (RetractJsonDocument *self,
                                   JsonObject          *object,
                                   const char          *path,
                                   const char          *key,
                                   RetractJsonFlags     flags,
                                   const char         **value,
                                   GError             **error)
{
  JsonNode *node;
  const char *text;

  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), FALSE);

  if (!lookup_member (self, object, path, key, flags, JSON_NODE_VALUE, G_TYPE_STRING, &node,
                      error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  text = json_node_get_string (node);
  if ((flags & RETRACT_JSON_NONEMPTY) && *text == '\0')
    {
      set_empty_error (self, error, path, key);
      return FALSE;
    }

  *value = text;
  return TRUE;
}

gboolean
retract_json_document_read_int (RetractJsonDocument *self,
                                JsonObject          *object,
                                const char          *path,
                                const char          *key,
                                RetractJsonFlags     flags,
                                gint64               minimum,
                                gint64               maximum,
                                gint64              *value,
                                GError             **error)
{
  JsonNode *node;
  gint64 number;

  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), FALSE);

  if (!lookup_member (self, object, path, key, flags, JSON_NODE_VALUE, G_TYPE_INT64, &node,
                      error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  number = json_node_get_int (node);
  if (number < minimum || number > maximum)
    {
      g_autofree char *number_text = g_strdup_printf ("%" G_GINT64_FORMAT, number);
      g_autofree char *minimum_text = g_strdup_printf ("%" G_GINT64_FORMAT, minimum);
      g_autofree char *maximum_text = g_strdup_printf ("%" G_GINT64_FORMAT, maximum);

      retract_json_document_set_member_error (self, error, RETRACT_DATA_ERROR_OUT_OF_RANGE, path,
                                              key,
                                              /* Translators: "5000 is out of range (0–1000)" */
                                              _("%1$s is out of range (%2$s–%3$s)"),
                                              number_text, minimum_text, maximum_text);
      return FALSE;
    }

  *value = number;
  return TRUE;
}

gboolean
retract_json_document_read_bool (RetractJsonDocument *self,
                                 JsonObject          *object,
                                 const char          *path,
                                 const char          *key,
                                 RetractJsonFlags     flags,
                                 gboolean            *value,
                                 GError             **error)
{
  JsonNode *node;

  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), FALSE);

  if (!lookup_member (self, object, path, key, flags, JSON_NODE_VALUE, G_TYPE_BOOLEAN, &node,
                      error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  *value = json_node_get_boolean (node);
  return TRUE;
}

gboolean
retract_json_document_read_array (RetractJsonDocument *self,
                                  JsonObject          *object,
                                  const char          *path,
                                  const char          *key,
                                  RetractJsonFlags     flags,
                                  JsonArray          **value,
                                  GError             **error)
{
  JsonNode *node;
  JsonArray *array;

  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), FALSE);

  if (!lookup_member (self, object, path, key, flags, JSON_NODE_ARRAY, G_TYPE_INVALID, &node,
                      error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  array = json_node_get_array (node);
  if ((flags & RETRACT_JSON_NONEMPTY) && json_array_get_length (array) == 0)
    {
      set_empty_error (self, error, path, key);
      return FALSE;
    }

  *value = array;
  return TRUE;
}

gboolean
retract_json_document_read_object (RetractJsonDocument *self,
                                   JsonObject          *object,
                                   const char          *path,
                                   const char          *key,
                                   RetractJsonFlags     flags,
                                   JsonObject         **value,
                                   GError             **error)
{
  JsonNode *node;

  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), FALSE);

  if (!lookup_member (self, object, path, key, flags, JSON_NODE_OBJECT, G_TYPE_INVALID, &node,
                      error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  *value = json_node_get_object (node);
  return TRUE;
}

/**
 * retract_json_document_read_time:
 * @value: (out) (transfer full): the time
 *
 * A string member that is a time: ISO 8601 with an offset, or with
 * %RETRACT_JSON_EXACT_TIME only as retract_json_document_parse_instant()
 * reads one.
 */
gboolean
retract_json_document_read_time (RetractJsonDocument *self,
                                 JsonObject          *object,
                                 const char          *path,
                                 const char          *key,
                                 RetractJsonFlags     flags,
                                 GDateTime          **value,
                                 GError             **error)
{
  g_autoptr(GError) time_error = NULL;
  g_autofree char *member_path = NULL;
  const char *text = NULL;
  GDateTime *time;

  if (!retract_json_document_read_string (self, object, path, key, flags, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (flags & RETRACT_JSON_EXACT_TIME)
    {
      member_path = retract_json_path_member (path, key);
      time = retract_json_document_parse_instant (self, member_path, text, error);
    }
  else if ((time = retract_time_parse (text, &time_error)) == NULL)
    {
      retract_json_document_set_member_error (self, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                              key, "%s", time_error->message);
    }

  if (time == NULL)
    return FALSE;

  *value = time;
  return TRUE;
}

/**
 * retract_json_document_parse_instant:
 * @path: where @text is, for the message
 * @text: the member's string
 *
 * A time written exactly as Retract writes one, 2026-12-01T00:00:00+08:00:
 * signed files (rules, key lists) must read back byte for byte, so no other
 * offset, no missing seconds and no space for the T.
 *
 * Returns: (transfer full) (nullable): the time, or %NULL with @error set
 */
GDateTime *
retract_json_document_parse_instant (RetractJsonDocument *self,
                                     const char          *path,
                                     const char          *text,
                                     GError             **error)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *again = NULL;

  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  time = retract_time_parse (text, NULL);
  again = time != NULL ? retract_time_format_iso (time) : NULL;
  if (again != NULL && g_str_equal (again, text))
    return g_steal_pointer (&time);

  retract_json_document_set_error (self, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                   _("must be a date and time written like "
                                     "2026-12-01T00:00:00+08:00"));
  return NULL;
}
