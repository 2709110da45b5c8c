/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The case's versioned JSON file, written (retract-case-file.c reads it):
 * only what was answered, strict JSON even where json-glib is not, and
 * saved atomically with mode 0600. */

#define G_LOG_DOMAIN "retract-case"

#include "config.h"

#include <string.h>

#include "retract-case-private.h"
#include "retract-file.h"
#include "retract-time.h"

/* @key: @value, unless @value is %NULL (not answered). */
void
_retract_case_add_string_member (JsonBuilder *builder,
                                 const char  *key,
                                 const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

static void
add_time_member (JsonBuilder *builder,
                 const char  *key,
                 GDateTime   *value)
{
  g_autofree char *text = value != NULL ? retract_time_format_iso (value) : NULL;

  _retract_case_add_string_member (builder, key, text);
}

/* The case file's object, with only what was answered. */
JsonNode *
_retract_case_to_json_node (RetractCase *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, RETRACT_CASE_FORMAT);
  _retract_case_add_string_member (builder, "id", self->id);
  _retract_case_add_string_member (builder, "account", self->account);
  add_time_member (builder, "created_at", self->created_at);
  /* A case never saved was last changed, as far as a file can say, when it started. */
  add_time_member (builder, "updated_at",
                   self->updated_at != NULL ? self->updated_at : self->created_at);
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, (gint64) self->revision);
  _retract_case_add_string_member (builder, "platform", self->platform);
  _retract_case_add_string_member (builder, "type", self->complaint_type);
  if (self->filed_at != NULL)
    {
      g_autofree char *filed_at = retract_time_format_iso (self->filed_at);

      _retract_case_add_string_member (builder, "filed_at", filed_at);
    }
  _retract_case_add_string_member (builder, "mistake", self->mistake);

  json_builder_set_member_name (builder, "scenarios");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->scenarios->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->scenarios, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "withdrawals_this_month");
  json_builder_add_int_value (builder, self->withdrawals_this_month);
  json_builder_set_member_name (builder, "other_party_loss");
  json_builder_add_boolean_value (builder, self->other_party_loss);

  _retract_case_add_details (builder, self);

  if (g_hash_table_size (self->materials) > 0)
    {
      g_autoptr(GList) ids = g_list_sort (g_hash_table_get_keys (self->materials),
                                          (GCompareFunc) g_strcmp0);

      json_builder_set_member_name (builder, "materials");
      json_builder_begin_object (builder);
      for (const GList *l = ids; l != NULL; l = l->next)
        {
          const RetractCaseMaterial *state = g_hash_table_lookup (self->materials, l->data);

          json_builder_set_member_name (builder, l->data);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "ready");
          json_builder_add_boolean_value (builder, state->ready);
          _retract_case_add_string_member (builder, "attachment", state->attachment);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }

  _retract_case_add_string_member (builder, "step", self->step);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->events->len; i++)
    {
      const RetractCaseEvent *event = g_ptr_array_index (self->events, i);

      json_builder_begin_object (builder);
      retract_case_event_add_members (event, builder, FALSE);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * retract_case_to_json:
 *
 * Returns: (transfer full): the case file's text, with only what was answered
 */
char *
retract_case_to_json (RetractCase *self)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) escaped = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);

  root = _retract_case_to_json_node (self);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  text = json_generator_to_data (generator, NULL);

  /* json-glib 1.6 writes U+001F unescaped, which strict JSON (and our own
   * loader) refuses. Raw control bytes can only be inside strings here. */
  escaped = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 && *p != '\n')
        g_string_append_printf (escaped, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (escaped, *p);
    }

  return g_string_free (g_steal_pointer (&escaped), FALSE);
}

/**
 * retract_case_save_to_file:
 *
 * Writes the case atomically (a rename over the old file, after fsync) with
 * mode 0600: a crash leaves the old file or the new one, never half of one,
 * and no other user can read it. Only a regular file is replaced (see
 * retract_file_replace()).
 */
gboolean
retract_case_save_to_file (RetractCase *self,
                           const char  *path,
                           GError     **error)
{
  g_autofree char *contents = NULL;

  g_return_val_if_fail (RETRACT_IS_CASE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  contents = retract_case_to_json (self);
  return retract_file_replace (path, contents, strlen (contents), error);
}
