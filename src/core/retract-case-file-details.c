/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The case file's letter details, both ways (retract-case-file.c has the
 * rest of the file): the "applicant", "guardian" and "enterprise" objects
 * and the top level's own details, as the field table names them, with each
 * ID number kept as "id_document": {"type", "number"}. */

#define G_LOG_DOMAIN "retract-case"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-case-private.h"
#include "retract-case-fields-private.h"
#include "retract-error.h"

/* @detail's value was read at @path of @doc ("$.applicant.phone"): kept for
 * the messages of retract_case_validate_details(), as the loader words a place. */
static void
set_origin (RetractJsonDocument *doc,
            RetractCase         *self,
            RetractDetail        detail,
            const char          *path)
{
  guint line = 1, column = 1;

  g_clear_pointer (&self->detail_origins[detail], g_free);
  if (self->details[detail] == NULL)
    return;

  retract_json_document_locate (doc, path, &line, &column);
  self->detail_origins[detail] = g_strdup_printf ("%s:%u:%u: %s",
                                                  retract_json_document_get_name (doc), line,
                                                  column, path);
}

static gboolean
read_text_detail (RetractJsonDocument *doc,
                  JsonObject          *object,
                  const char          *path,
                  RetractCase         *self,
                  RetractDetail        detail,
                  GError             **error)
{
  const char *key = retract_case_field_json_key (detail);
  g_autofree char *value_path = retract_json_path_member (path, key);
  const char *value = NULL;

  if (!retract_json_document_read_string (doc, object, path, key,
                                          RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE, &value,
                                          error))
    return FALSE;

  _retract_case_replace_string (&self->details[detail], value);
  set_origin (doc, self, detail, value_path);
  return TRUE;
}

/* The case file's objects that hold details, besides the top level: each
 * detail's group is the part of its field name before the ".". */
static const char * const detail_groups[] = { "applicant", "guardian", "enterprise" };

/* Whether @detail lives in @group (NULL: the top level). */
static gboolean
in_group (RetractDetail  detail,
          const char    *group)
{
  g_autofree char *own = retract_case_field_dup_group (detail);

  return g_strcmp0 (own, group) == 0;
}

/* An ID number is kept with its type, as "id_document". */
static gboolean
is_id_number (RetractDetail detail)
{
  return retract_case_field (detail)->check == RETRACT_FIELD_CHECK_ID_NUMBER;
}

/* The keys the table puts in @group (NULL: the top level), in the table's
 * order, between @before and @after. */
GStrv
_retract_case_detail_keys (const char         *group,
                           const char * const *before,
                           const char * const *after)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (before != NULL)
    g_strv_builder_addv (builder, (const char **) before);
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    if (in_group (i, group))
      g_strv_builder_add (builder, is_id_number (i) ? RETRACT_CASE_ID_DOCUMENT_KEY
                                                    : retract_case_field_json_key (i));
  if (after != NULL)
    g_strv_builder_addv (builder, (const char **) after);

  return g_strv_builder_end (builder);
}

/* "id_document": {"type", "number"}; before it, the applicant's number was
 * "id_number", a mainland resident ID, and is still read as one. */
static gboolean
load_id_document (RetractJsonDocument *doc,
                  JsonObject          *object,
                  const char          *path,
                  RetractCase         *self,
                  RetractDetail        detail,
                  GError             **error)
{
  static const char * const keys[] = { "type", RETRACT_CASE_ID_NUMBER_KEY, NULL };
  RetractIdHolder holder = retract_case_field (detail)->holder;
  g_autofree char *document_path = retract_json_path_member (path, RETRACT_CASE_ID_DOCUMENT_KEY);
  g_autofree char *number_path = NULL;
  JsonObject *document = NULL;
  const char *type_id = NULL, *number = NULL;
  RetractIdDocumentType type;

  if (holder == RETRACT_ID_HOLDER_APPLICANT && json_object_has_member (object, "id_number"))
    {
      g_autofree char *legacy_path = retract_json_path_member (path, "id_number");

      if (json_object_has_member (object, RETRACT_CASE_ID_DOCUMENT_KEY))
        {
          retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE, legacy_path,
                                           _("give the number once, in “id_document”; "
                                             "“id_number” is its older form"));
          return FALSE;
        }

      if (!retract_json_document_read_string (doc, object, path, "id_number",
                                              RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE,
                                              &number, error))
        return FALSE;
      _retract_case_replace_string (&self->details[detail], number);
      set_origin (doc, self, detail, legacy_path);
      if (self->details[detail] != NULL)
        self->id_types[holder] = RETRACT_ID_DOCUMENT_MAINLAND_ID;
      return TRUE;
    }

  if (!retract_json_document_read_object (doc, object, path, RETRACT_CASE_ID_DOCUMENT_KEY,
                                          RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE,
                                          &document, error))
    return FALSE;
  if (document == NULL)
    return TRUE;

  if (!retract_json_document_check_keys (doc, document, document_path, keys, error) ||
      !retract_json_document_read_string (doc, document, document_path, "type",
                                          RETRACT_JSON_REQUIRED, &type_id, error) ||
      !retract_json_document_read_string (doc, document, document_path,
                                          RETRACT_CASE_ID_NUMBER_KEY,
                                          RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE,
                                          &number, error))
    return FALSE;

  if (!retract_id_document_type_from_string (type_id, &type))
    {
      retract_json_document_set_member_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                              document_path, "type",
                                              /* Translators: %s is what the file says instead */
                                              _("unknown identity document type “%s”; expected "
                                                "one of: mainland-id, hk-id, macau-id, "
                                                "hk-macau-permit, hkmt-residence-permit, "
                                                "passport"), type_id);
      return FALSE;
    }

  self->id_types[holder] = (int) type;
  _retract_case_replace_string (&self->details[detail], number);
  number_path = retract_json_path_member (document_path, RETRACT_CASE_ID_NUMBER_KEY);
  set_origin (doc, self, detail, number_path);
  return TRUE;
}

static gboolean
load_group (RetractJsonDocument *doc,
            JsonObject          *root,
            const char          *group,
            RetractCase         *self,
            GError             **error)
{
  static const char * const legacy[] = { "id_number", NULL };
  g_autofree char *path = retract_json_path_member ("$", group);
  g_auto(GStrv) keys = NULL;
  JsonObject *object = NULL;

  if (!retract_json_document_read_object (doc, root, "$", group,
                                          RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE,
                                          &object, error))
    return FALSE;
  if (object == NULL)
    return TRUE;

  keys = _retract_case_detail_keys (group, NULL, g_str_equal (group, "applicant") ? legacy : NULL);
  if (!retract_json_document_check_keys (doc, object, path, (const char * const *) keys, error))
    return FALSE;

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    {
      if (!in_group (i, group))
        continue;
      if (is_id_number (i) ? !load_id_document (doc, object, path, self, i, error)
                           : !read_text_detail (doc, object, path, self, i, error))
        return FALSE;
    }

  return TRUE;
}

/* The details of the case file's @root: its "applicant", "guardian" and
 * "enterprise" objects and the top level's own. */
gboolean
_retract_case_load_details (RetractJsonDocument *doc,
                            JsonObject          *root,
                            RetractCase         *self,
                            GError             **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (detail_groups); i++)
    if (!load_group (doc, root, detail_groups[i], self, error))
      return FALSE;

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    if (in_group (i, NULL) && !read_text_detail (doc, root, "$", self, i, error))
      return FALSE;

  return TRUE;
}

/* Whether @detail has something to write: its text, or for an ID number
 * the type chosen even before the number is typed. */
static gboolean
has_detail (RetractCase   *self,
            RetractDetail  detail)
{
  return self->details[detail] != NULL ||
         (is_id_number (detail) &&
          retract_case_get_id_document_type_chosen (self, retract_case_field (detail)->holder));
}

/* The details of @group, as an object, if it has any. */
static void
add_group (JsonBuilder *builder,
           RetractCase *self,
           const char  *group)
{
  gboolean any = FALSE;

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    any = any || (in_group (i, group) && has_detail (self, i));
  if (!any)
    return;

  json_builder_set_member_name (builder, group);
  json_builder_begin_object (builder);
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    {
      RetractIdHolder holder = retract_case_field (i)->holder;

      if (!in_group (i, group))
        continue;
      if (!is_id_number (i))
        {
          _retract_case_add_string_member (builder, retract_case_field_json_key (i), self->details[i]);
          continue;
        }
      if (!has_detail (self, i))
        continue;

      json_builder_set_member_name (builder, RETRACT_CASE_ID_DOCUMENT_KEY);
      json_builder_begin_object (builder);
      _retract_case_add_string_member (builder, "type",
                         retract_id_document_type_to_string (
                           retract_case_get_id_document_type (self, holder)));
      _retract_case_add_string_member (builder, RETRACT_CASE_ID_NUMBER_KEY, self->details[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

/* Every detail answered, each in its object. */
void
_retract_case_add_details (JsonBuilder *builder,
                           RetractCase *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (detail_groups); i++)
    add_group (builder, self, detail_groups[i]);

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    if (in_group (i, NULL))
      _retract_case_add_string_member (builder, retract_case_field_json_key (i),
                                       self->details[i]);
}
