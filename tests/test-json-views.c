/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The JSON views: one definition of what `retract-cli … --json` prints, and
 * of the update answer the app reads back. */

#include "config.h"

#include "retract-json-views.h"

static char *
to_text (JsonNode *root)
{
  return json_to_string (root, FALSE);
}

static void
test_result_words (void)
{
  static const struct {
    RetractUpdateResult  result;
    const char          *id;
    gboolean             success;
  } words[] = {
    { RETRACT_UPDATE_RESULT_UPDATED, "updated", TRUE },
    { RETRACT_UPDATE_RESULT_UP_TO_DATE, "up-to-date", TRUE },
    { RETRACT_UPDATE_RESULT_REJECTED, "rejected", FALSE },
    { RETRACT_UPDATE_RESULT_ERROR, "error", FALSE },
  };
  RetractUpdateResult result = RETRACT_UPDATE_RESULT_UPDATED;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      RetractUpdateResult read = RETRACT_UPDATE_RESULT_ERROR;

      g_assert_cmpstr (retract_update_result_to_id (words[i].result), ==, words[i].id);
      g_assert_true (retract_update_result_from_id (words[i].id, &read));
      g_assert_cmpint (read, ==, words[i].result);
      g_assert_cmpint (retract_update_result_is_success (words[i].result), ==, words[i].success);
    }

  /* Anything else is not an answer, and leaves the result alone. */
  g_assert_false (retract_update_result_from_id (NULL, &result));
  g_assert_false (retract_update_result_from_id ("", &result));
  g_assert_false (retract_update_result_from_id ("Updated", &result));
  g_assert_false (retract_update_result_from_id ("up_to_date", &result));
  g_assert_cmpint (result, ==, RETRACT_UPDATE_RESULT_UPDATED);
}

static void
test_answer_success (void)
{
  g_auto(RetractUpdateAnswer) answer = {
    .result = RETRACT_UPDATE_RESULT_UPDATED,
    .version = g_strdup ("2026.12.1"),
    .previous_version = g_strdup ("2026.11.1"),
    .source = g_strdup ("downloaded"),
  };
  g_auto(RetractUpdateAnswer) read = { 0 };
  g_autoptr(JsonNode) root = retract_update_answer_to_json (&answer);
  g_autofree char *text = to_text (root);

  /* The members and their order are the protocol. */
  g_assert_cmpstr (text, ==, "{\"result\":\"updated\",\"version\":\"2026.12.1\","
                             "\"previous_version\":\"2026.11.1\",\"source\":\"downloaded\"}");

  g_assert_true (retract_update_answer_parse (text, &read));
  g_assert_cmpint (read.result, ==, RETRACT_UPDATE_RESULT_UPDATED);
  g_assert_cmpstr (read.version, ==, "2026.12.1");
  g_assert_cmpstr (read.previous_version, ==, "2026.11.1");
  g_assert_cmpstr (read.source, ==, "downloaded");
  g_assert_null (read.message);
}

static void
test_answer_failure (void)
{
  g_auto(RetractUpdateAnswer) answer = {
    .result = RETRACT_UPDATE_RESULT_REJECTED,
    .message = g_strdup ("not JSON"),
    .version = g_strdup ("2026.11.1"),
    .problem = RETRACT_UPDATE_PROBLEM_NOT_RULES,
  };
  g_auto(RetractUpdateAnswer) read = { 0 };
  g_autoptr(JsonNode) root = retract_update_answer_to_json (&answer);
  g_autofree char *text = to_text (root);

  g_assert_cmpstr (text, ==, "{\"result\":\"rejected\",\"message\":\"not JSON\","
                             "\"version\":\"2026.11.1\",\"problem\":\"not-rules\"}");

  g_assert_true (retract_update_answer_parse (text, &read));
  g_assert_cmpint (read.result, ==, RETRACT_UPDATE_RESULT_REJECTED);
  g_assert_cmpstr (read.message, ==, "not JSON");
  g_assert_cmpstr (read.version, ==, "2026.11.1");
  g_assert_cmpint (read.problem, ==, RETRACT_UPDATE_PROBLEM_NOT_RULES);
}

static void
test_answer_not_understood (void)
{
  static const char * const texts[] = {
    "",
    "not json",
    "[\"updated\"]",
    "\"updated\"",
    "{}",
    "{\"result\": \"installed\"}",
    "{\"result\": 1}",
    "{\"result\": null, \"version\": \"2026.11.1\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_auto(RetractUpdateAnswer) read = { 0 };

      g_test_message ("%s", texts[i]);
      g_assert_false (retract_update_answer_parse (texts[i], &read));
    }

  {
    g_auto(RetractUpdateAnswer) read = { 0 };

    g_assert_false (retract_update_answer_parse (NULL, &read));
  }
}

static void
test_answer_loose_members (void)
{
  g_auto(RetractUpdateAnswer) read = { 0 };

  /* Members of the wrong kind are missing; an unknown problem is "other". */
  g_assert_true (retract_update_answer_parse ("{\"result\": \"error\", \"message\": 3, "
                                              "\"version\": [], \"problem\": \"gremlins\"}",
                                              &read));
  g_assert_cmpint (read.result, ==, RETRACT_UPDATE_RESULT_ERROR);
  g_assert_null (read.message);
  g_assert_null (read.version);
  g_assert_cmpint (read.problem, ==, RETRACT_UPDATE_PROBLEM_OTHER);
}

static void
test_rules_info (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = retract_ruleset_new_bundled (&error);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  JsonObject *object;

  g_assert_no_error (error);
  root = retract_rules_info_to_json (rules, RETRACT_LANGUAGE_EN);
  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    g_string_append_printf (names, "%s%s", names->len > 0 ? "," : "", (const char *) l->data);

  g_assert_cmpstr (names->str, ==,
                   "version,published,schema,source,path,title,disclaimer,timezone");
  g_assert_cmpstr (json_object_get_string_member (object, "version"), ==,
                   retract_ruleset_get_version (rules));
  g_assert_cmpint (json_object_get_int_member (object, "schema"), ==, RETRACT_RULESET_SCHEMA);
  g_assert_cmpstr (json_object_get_string_member (object, "timezone"), ==, "+08:00");
}

static void
test_complaint_types (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = retract_ruleset_new_bundled (&error);
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) wechat = NULL;
  JsonArray *array;

  g_assert_no_error (error);
  all = retract_complaint_types_to_json (rules, NULL, RETRACT_LANGUAGE_EN);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (all)), ==,
                    retract_ruleset_get_types (rules)->len);

  wechat = retract_complaint_types_to_json (rules, "wechat", RETRACT_LANGUAGE_EN);
  array = json_node_get_array (wechat);
  g_assert_cmpuint (json_array_get_length (array), >, 0);
  g_assert_cmpuint (json_array_get_length (array), <, retract_ruleset_get_types (rules)->len);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, i),
                                                    "platform"), ==, "wechat");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-views/update-result/words", test_result_words);
  g_test_add_func ("/json-views/update-answer/success", test_answer_success);
  g_test_add_func ("/json-views/update-answer/failure", test_answer_failure);
  g_test_add_func ("/json-views/update-answer/not-understood", test_answer_not_understood);
  g_test_add_func ("/json-views/update-answer/loose-members", test_answer_loose_members);
  g_test_add_func ("/json-views/rules-info", test_rules_info);
  g_test_add_func ("/json-views/complaint-types", test_complaint_types);

  return g_test_run ();
}
