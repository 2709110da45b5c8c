/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reader behind the dataset's tables (retract-ruleset-parser.c): one
 * function reads any field a descriptor describes, and the descriptors of an
 * object give its allowed keys. Here too are the checks of single values
 * (ids, dates, links) that more than one table uses. */

#define G_LOG_DOMAIN "retract-ruleset"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-error.h"
#include "retract-ruleset-private.h"
#include "retract-text.h"
#include "retract-validators.h"

#define MAX_FIELDS 20

/* ---- single values ---- */

static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return *id != '-';
}

/* A run of @min to @max ASCII digits at *@p, which is moved past them. */
static gboolean
skip_digits (const char **p,
             guint        min,
             guint        max)
{
  guint n = 0;

  while (g_ascii_isdigit (**p) && n <= max)
    {
      (*p)++;
      n++;
    }

  return n >= min && n <= max;
}

/* "2026-01-31": digits only, no sign or space, and a day that exists. */
gboolean
retract_ruleset_parse_date (const char *text,
                            GDate      *date)
{
  const char *p = text;
  guint year, month, day;

  g_date_clear (date, 1);
  if (!skip_digits (&p, 4, 4) || *p++ != '-' || !skip_digits (&p, 2, 2) || *p++ != '-' ||
      !skip_digits (&p, 2, 2) || *p != '\0')
    return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* The date @text, or the message a malformed one gets at @path. */
static gboolean
expect_date (Parser     *parser,
             const char *text,
             const char *path,
             GDate      *date,
             GError    **error)
{
  if (retract_ruleset_parse_date (text, date))
    return TRUE;

  retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                   _("“%s” is not a valid date (YYYY-MM-DD)"), text);
  return FALSE;
}

gboolean
retract_ruleset_read_date (Parser     *parser,
                           JsonNode   *node,
                           const char *path,
                           GDate      *date,
                           GError    **error)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_WRONG_TYPE, path,
                                       _("expected a date string like 2026-01-31"));
      return FALSE;
    }

  return expect_date (parser, json_node_get_string (node), path, date, error);
}

gboolean
retract_ruleset_check_date (Parser     *parser,
                            const char *path,
                            gpointer    member,
                            GError    **error)
{
  GDate date;

  return expect_date (parser, *(char **) member, path, &date, error);
}

/* Links are checked by the same rule the UI applies before opening one. */
gboolean
retract_ruleset_check_url (Parser     *parser,
                           const char *path,
                           gpointer    member,
                           GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  if (retract_validate_https_url (*(char **) member, &local_error))
    return TRUE;

  retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                   "%s", local_error->message);
  return FALSE;
}

gboolean
retract_ruleset_read_id (Parser      *parser,
                         JsonObject  *object,
                         const char  *path,
                         const Field *field,
                         char       **id,
                         GError     **error)
{
  const char *value = NULL;

  if (!retract_json_document_read_string (parser->doc, object, path, field->key, field->flags,
                                          &value, error))
    return FALSE;

  if (value != NULL && !is_valid_id (value))
    {
      retract_json_document_set_member_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                              path, field->key,
                                              _("“%s” is not a valid id (lowercase letters, "
                                                "digits and hyphens)"), value);
      return FALSE;
    }

  *id = g_strdup (value);
  return TRUE;
}

static gboolean
read_text_node (Parser      *parser,
                JsonNode    *node,
                const char  *path,
                RetractText *text,
                GError     **error)
{
  /* zh_HK, the Traditional form, is optional: a text without it reads as
   * zh_CN in Traditional locales. Any other language is refused. */
  static const char * const keys[] = { "zh_CN", "en", "zh_HK", NULL };
  const char *zh_CN = NULL, *en = NULL, *zh_HK = NULL;
  JsonObject *object;

  object = retract_json_document_expect_object (parser->doc, node, path, error);
  if (object == NULL ||
      !retract_json_document_check_keys (parser->doc, object, path, keys, error) ||
      !retract_json_document_read_string (parser->doc, object, path, keys[0],
                                          RETRACT_JSON_NONEMPTY, &zh_CN, error) ||
      !retract_json_document_read_string (parser->doc, object, path, keys[1],
                                          RETRACT_JSON_NONEMPTY, &en, error) ||
      !retract_json_document_read_string (parser->doc, object, path, keys[2],
                                          RETRACT_JSON_OPTIONAL | RETRACT_JSON_NONEMPTY,
                                          &zh_HK, error))
    return FALSE;

  text->zh_CN = g_strdup (zh_CN);
  text->en = g_strdup (en);
  text->zh_HK = g_strdup (zh_HK);
  return TRUE;
}

/* ---- lists ---- */

gboolean
retract_ruleset_read_each (Parser      *parser,
                           JsonObject  *object,
                           const char  *path,
                           const Field *field,
                           ElementFunc  func,
                           gpointer     data,
                           GError     **error)
{
  g_autofree char *member_path = retract_json_path_member (path, field->key);
  JsonArray *array = NULL;

  if (!retract_json_document_read_array (parser->doc, object, path, field->key, field->flags,
                                         &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *element_path = retract_json_path_element (member_path, i);

      if (!func (parser, json_array_get_element (array, i), element_path, data, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_text (Parser     *parser,
          JsonNode   *node,
          const char *path,
          gpointer    data,
          GError    **error)
{
  RetractText *text = g_new0 (RetractText, 1);

  g_ptr_array_add (data, text);
  return read_text_node (parser, node, path, text, error);
}

typedef struct
{
  GStrvBuilder *builder;
  GHashTable   *seen;
} IdList;

static gboolean
add_id (Parser     *parser,
        JsonNode   *node,
        const char *path,
        gpointer    data,
        GError    **error)
{
  IdList *list = data;
  const char *id;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !is_valid_id (json_node_get_string (node)))
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_WRONG_TYPE, path,
                                       _("expected an id string"));
      return FALSE;
    }

  id = json_node_get_string (node);
  if (!g_hash_table_add (list->seen, (gpointer) id))
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                       _("“%s” is listed twice"), id);
      return FALSE;
    }

  g_strv_builder_add (list->builder, id);
  return TRUE;
}

/* ---- records ---- */

/* Checks the keys of @object against @spec, then reads its fields from @first on. */
gboolean
retract_ruleset_read_fields (Parser           *parser,
                             const RecordSpec *spec,
                             JsonObject       *object,
                             const char       *path,
                             guint             first,
                             gpointer          record,
                             GError          **error)
{
  const char *keys[MAX_FIELDS + 1];

  g_assert (spec->n_fields <= MAX_FIELDS);
  for (guint i = 0; i < spec->n_fields; i++)
    keys[i] = spec->fields[i].key;
  keys[spec->n_fields] = NULL;

  if (!retract_json_document_check_keys (parser->doc, object, path, keys, error))
    return FALSE;

  for (guint i = first; i < spec->n_fields; i++)
    if (!retract_ruleset_read_field (parser, object, path, &spec->fields[i], record, error))
      return FALSE;

  return spec->check == NULL || spec->check (parser, object, path, record, error);
}

typedef struct
{
  const RecordSpec *spec;
  GPtrArray        *records; /* NULL: NOT_STORED */
} RecordList;

static void
free_record (const RecordSpec *spec,
             gpointer          record)
{
  retract_ruleset_clear_record (spec, record);
  g_free (record);
}

static gboolean
check_unique_id (Parser     *parser,
                 RecordList *list,
                 const char *path,
                 gpointer    record,
                 GError    **error)
{
  const char *id = retract_record_get_id (list->spec->kind, record);

  if (retract_records_find (list->spec->kind, list->records, id) == NULL)
    return TRUE;

  retract_json_document_set_member_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                          "id", _("id “%s” is used twice"), id);
  return FALSE;
}

static gboolean
add_record (Parser     *parser,
            JsonNode   *node,
            const char *path,
            gpointer    data,
            GError    **error)
{
  RecordList *list = data;
  gpointer record = g_malloc0 (list->spec->size);
  JsonObject *object = retract_json_document_expect_object (parser->doc, node, path, error);
  gboolean ok;

  ok = object != NULL &&
       retract_ruleset_read_fields (parser, list->spec, object, path, 0, record, error) &&
       (!list->spec->unique || list->records == NULL ||
        check_unique_id (parser, list, path, record, error));

  if (ok && list->records != NULL)
    g_ptr_array_add (list->records, record);
  else
    free_record (list->spec, record);
  return ok;
}

gboolean
retract_ruleset_read_field (Parser      *parser,
                            JsonObject  *object,
                            const char  *path,
                            const Field *field,
                            gpointer     record,
                            GError     **error)
{
  RetractJsonDocument *doc = parser->doc;
  gpointer member = field->offset == NOT_STORED ? NULL : G_STRUCT_MEMBER_P (record, field->offset);
  g_autofree char *member_path = retract_json_path_member (path, field->key);
  gboolean ok = FALSE;

  switch (field->kind)
    {
    case FIELD_ID:
      ok = retract_ruleset_read_id (parser, object, path, field, member, error);
      break;

    case FIELD_STRING:
      {
        const char *value = NULL;

        ok = retract_json_document_read_string (doc, object, path, field->key, field->flags,
                                                &value, error);
        *(char **) member = g_strdup (value);
      }
      break;

    case FIELD_TEXT:
      {
        JsonObject *text = NULL;

        ok = retract_json_document_read_object (doc, object, path, field->key, field->flags,
                                                &text, error) &&
             (text == NULL || read_text_node (parser, json_object_get_member (object, field->key),
                                              member_path, member, error));
      }
      break;

    case FIELD_TEXTS:
      *(GPtrArray **) member = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_text_free);
      ok = retract_ruleset_read_each (parser, object, path, field, add_text,
                                      *(GPtrArray **) member, error);
      break;

    case FIELD_IDS:
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
        IdList list = { builder, seen };

        ok = retract_ruleset_read_each (parser, object, path, field, add_id, &list, error);
        *(GStrv *) member = g_strv_builder_end (builder);
      }
      break;

    case FIELD_UINT:
    case FIELD_INT:
    case FIELD_SECTION:
      {
        gint64 value = field->kind == FIELD_INT ? -1 : 0;
        gint64 max = field->kind == FIELD_SECTION ? MAX_SECTION : field->max;

        ok = retract_json_document_read_int (doc, object, path, field->key, field->flags,
                                             field->kind == FIELD_SECTION ? 1 : field->min,
                                             max, &value, error);
        if (ok && field->kind == FIELD_SECTION && value != 0 &&
            retract_ruleset_lookup_section (parser->rules, (guint) value) == NULL)
          {
            retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_REFERENCE,
                                             member_path, _("section %d is not in $.sections"),
                                             (int) value);
            ok = FALSE;
          }
        if (field->kind == FIELD_INT)
          *(int *) member = (int) value;
        else
          *(guint *) member = (guint) value;
      }
      break;

    case FIELD_BOOL:
      *(gboolean *) member = FALSE;
      ok = retract_json_document_read_bool (doc, object, path, field->key, field->flags, member,
                                            error);
      break;

    case FIELD_OBJECT:
      {
        JsonObject *nested = NULL;

        ok = retract_json_document_read_object (doc, object, path, field->key, field->flags,
                                                &nested, error) &&
             (nested == NULL ||
              retract_ruleset_read_fields (parser, field->spec, nested, member_path, 0, record,
                                           error));
      }
      break;

    case FIELD_RECORDS:
      {
        RecordList list = { field->spec, NULL };

        if (member != NULL)
          {
            /* No free function: retract_ruleset_clear_record() frees them. */
            if (*(GPtrArray **) member == NULL)
              *(GPtrArray **) member = g_ptr_array_new ();
            list.records = *(GPtrArray **) member;
          }
        ok = retract_ruleset_read_each (parser, object, path, field, add_record, &list, error);
      }
      break;

    case FIELD_CUSTOM:
      ok = field->read (parser, object, path, field, record, error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (ok && field->check != NULL && json_object_has_member (object, field->key))
    ok = field->check (parser, member_path, member, error);

  return ok;
}

void
retract_ruleset_clear_record (const RecordSpec *spec,
                              gpointer          record)
{
  for (guint i = 0; i < spec->n_fields; i++)
    {
      const Field *field = &spec->fields[i];
      gpointer member = field->offset == NOT_STORED ? NULL : G_STRUCT_MEMBER_P (record,
                                                                               field->offset);

      switch (field->kind)
        {
        case FIELD_ID:
        case FIELD_STRING:
          g_clear_pointer ((char **) member, g_free);
          break;

        case FIELD_TEXT:
          retract_text_clear (member);
          break;

        case FIELD_TEXTS:
          g_clear_pointer ((GPtrArray **) member, g_ptr_array_unref);
          break;

        case FIELD_IDS:
          g_clear_pointer ((GStrv *) member, g_strfreev);
          break;

        case FIELD_OBJECT:
          retract_ruleset_clear_record (field->spec, record);
          break;

        case FIELD_RECORDS:
          if (member != NULL && *(GPtrArray **) member != NULL)
            {
              g_autoptr(GPtrArray) records = g_steal_pointer ((GPtrArray **) member);

              for (guint j = 0; j < records->len; j++)
                free_record (field->spec, g_ptr_array_index (records, j));
            }
          break;

        case FIELD_UINT:
        case FIELD_INT:
        case FIELD_BOOL:
        case FIELD_SECTION:
        case FIELD_CUSTOM:
        default:
          break;
        }
    }
}

/* Reads @key again as required, for the message a missing member gets. */
gboolean
retract_ruleset_require_member (Parser     *parser,
                                JsonObject *object,
                                const char *path,
                                const char *key,
                                GError    **error)
{
  JsonObject *ignored = NULL;

  if (json_object_has_member (object, key))
    return TRUE;

  return retract_json_document_read_object (parser->doc, object, path, key,
                                            RETRACT_JSON_REQUIRED, &ignored, error);
}

/* "2026.11.1": four digits, then one or two, then one to four. */
gboolean
retract_ruleset_check_version (Parser     *parser,
                               const char *path,
                               gpointer    member,
                               GError    **error)
{
  const char *version = *(char **) member;
  const char *p = version;

  if (skip_digits (&p, 4, 4) && *p++ == '.' &&
      skip_digits (&p, 1, 2) && *p++ == '.' &&
      skip_digits (&p, 1, 4) && *p == '\0')
    return TRUE;

  retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                   _("“%s” is not a version like 2026.11.1"), version);
  return FALSE;
}
