/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The update answer's JSON view, as `retract-cli update-rules --json` prints
 * it (see retract-json-views.h). The app's update check reads it back with
 * the same definition the CLI writes it with. */

#define G_LOG_DOMAIN "retract-json-views"

#include "config.h"

#include "retract-json-views.h"
#include "retract-id-table-private.h"

static const char * const result_ids[] = {
  [RETRACT_UPDATE_RESULT_UPDATED] = "updated",
  [RETRACT_UPDATE_RESULT_UP_TO_DATE] = "up-to-date",
  [RETRACT_UPDATE_RESULT_REJECTED] = "rejected",
  [RETRACT_UPDATE_RESULT_ERROR] = "error",
};

/* retract_update_result_to_id(): the word for a result in `update-rules --json`. */
RETRACT_DEFINE_ID_TABLE (retract_update_result, RetractUpdateResult, result_ids, "error")

/* Returns: whether rules are in use that the update found newest */
gboolean
retract_update_result_is_success (RetractUpdateResult result)
{
  return result == RETRACT_UPDATE_RESULT_UPDATED || result == RETRACT_UPDATE_RESULT_UP_TO_DATE;
}

/**
 * retract_update_answer_to_json:
 *
 * Returns: (transfer full): the object `update-rules --json` prints
 */
JsonNode *
retract_update_answer_to_json (const RetractUpdateAnswer *answer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (answer != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "result");
  json_builder_add_string_value (builder, retract_update_result_to_id (answer->result));
  if (retract_update_result_is_success (answer->result))
    {
      json_builder_set_member_name (builder, "version");
      json_builder_add_string_value (builder, answer->version);
      json_builder_set_member_name (builder, "previous_version");
      json_builder_add_string_value (builder, answer->previous_version);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, answer->source);
    }
  else
    {
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, answer->message);
      json_builder_set_member_name (builder, "version");
      json_builder_add_string_value (builder, answer->version);
      /* What kind of failure, for the app to say it in plain words. */
      json_builder_set_member_name (builder, "problem");
      json_builder_add_string_value (builder, retract_update_problem_to_id (answer->problem));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
dup_member_string (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (node));
}

/**
 * retract_update_answer_parse:
 * @text: (nullable): what `update-rules --json` printed
 * @answer: (out caller-allocates): filled in; clear it with retract_update_answer_clear()
 *
 * Members that are missing or not strings are %NULL; an unknown problem is
 * %RETRACT_UPDATE_PROBLEM_OTHER.
 *
 * Returns: %FALSE when @text is not one object with a known "result"
 */
gboolean
retract_update_answer_parse (const char          *text,
                             RetractUpdateAnswer *answer)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *result = NULL;
  g_autofree char *problem = NULL;
  JsonNode *root;
  JsonObject *object;

  g_return_val_if_fail (answer != NULL, FALSE);

  *answer = (RetractUpdateAnswer) { RETRACT_UPDATE_RESULT_ERROR, NULL, NULL, NULL, NULL,
                                    RETRACT_UPDATE_PROBLEM_NONE };

  /* An empty text parses to no root at all. */
  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  object = json_node_get_object (root);
  result = dup_member_string (object, "result");
  problem = dup_member_string (object, "problem");
  answer->version = dup_member_string (object, "version");
  answer->previous_version = dup_member_string (object, "previous_version");
  answer->source = dup_member_string (object, "source");
  answer->message = dup_member_string (object, "message");
  answer->problem = retract_update_problem_from_id (problem);

  return retract_update_result_from_id (result, &answer->result);
}

void
retract_update_answer_clear (RetractUpdateAnswer *answer)
{
  g_clear_pointer (&answer->version, g_free);
  g_clear_pointer (&answer->previous_version, g_free);
  g_clear_pointer (&answer->source, g_free);
  g_clear_pointer (&answer->message, g_free);
}
