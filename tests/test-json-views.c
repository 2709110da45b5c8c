/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The JSON views: one definition of what `retract-cli … --json` prints, and
 * of the update answer the app reads back. */

#include "config.h"

#include "retract-json-views.h"
#include "retract-time.h"

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

/* ---- how each deadline was counted: assess --json's window members ---- */

typedef struct
{
  const char *name;
  const char *type;
  const char *scenario;
  const char *filed_at;
  const char *now;
  /* The exact members, in order, written compactly. */
  const char *self_service_window;
  const char *window;
  const char *legal_deadline_window;
  const char *window_closes_at;
} WindowCase;

#define NATIONAL_DAY_SKIPPED(first) \
  "[" first \
  "{\"date\":\"2026-10-02\",\"reason\":\"holiday\",\"holiday\":\"National Day\"}," \
  "{\"date\":\"2026-10-03\",\"reason\":\"holiday\",\"holiday\":\"National Day\"}," \
  "{\"date\":\"2026-10-04\",\"reason\":\"holiday\",\"holiday\":\"National Day\"}," \
  "{\"date\":\"2026-10-05\",\"reason\":\"holiday\",\"holiday\":\"National Day\"}," \
  "{\"date\":\"2026-10-06\",\"reason\":\"holiday\",\"holiday\":\"National Day\"}," \
  "{\"date\":\"2026-10-07\",\"reason\":\"holiday\",\"holiday\":\"National Day\"}"

/* An hour window, and the end of a window whose days the holiday calendar covers. */
#define HOURS(n) "{\"kind\":\"hours\",\"length\":" #n ",\"calendar_covered\":true}"
#define COVERED ",\"calendar_covered\":true}"

#define OCTOBER_1 "{\"date\":\"2026-10-01\",\"reason\":\"holiday\",\"holiday\":\"National Day\"},"

static const WindowCase window_cases[] = {
  { "hours", "friend-report", NULL, "2026-09-30T10:00:00+08:00", "2026-09-30T11:00:00+08:00",
    HOURS (2), HOURS (24), "null",
    "2026-10-01T10:00:00+08:00" },
  { "hours-72", "payment-dispute", NULL, "2026-09-30T10:00:00+08:00",
    "2026-09-30T11:00:00+08:00",
    HOURS (2), HOURS (72), "null",
    "2026-10-03T10:00:00+08:00" },
  /* The mini-program complaint filed before National Day. */
  { "national-day-2359", "miniprogram-infringement", NULL, "2026-09-30T23:59:00+08:00",
    "2026-10-01T09:00:00+08:00", HOURS (2),
    "{\"kind\":\"working-days\",\"length\":3,"
    "\"counted_days\":[\"2026-10-08\",\"2026-10-09\",\"2026-10-10\"],"
    "\"skipped_days\":" NATIONAL_DAY_SKIPPED (OCTOBER_1) "],"
    "\"makeup_days\":[\"2026-10-10\"]" COVERED, "null", "2026-10-10T23:59:59+08:00" },
  /* A minute later it is October 1st in Beijing: that day is the start, not skipped. */
  { "national-day-0000", "miniprogram-infringement", NULL, "2026-10-01T00:00:00+08:00",
    "2026-10-01T09:00:00+08:00", HOURS (2),
    "{\"kind\":\"working-days\",\"length\":3,"
    "\"counted_days\":[\"2026-10-08\",\"2026-10-09\",\"2026-10-10\"],"
    "\"skipped_days\":" NATIONAL_DAY_SKIPPED ("") "],"
    "\"makeup_days\":[\"2026-10-10\"]" COVERED, "null", "2026-10-10T23:59:59+08:00" },
  /* The same instant written in UTC: Beijing's date counts. */
  { "national-day-utc", "miniprogram-infringement", NULL, "2026-09-30T16:00:00Z",
    "2026-10-01T09:00:00+08:00", HOURS (2),
    "{\"kind\":\"working-days\",\"length\":3,"
    "\"counted_days\":[\"2026-10-08\",\"2026-10-09\",\"2026-10-10\"],"
    "\"skipped_days\":" NATIONAL_DAY_SKIPPED ("") "],"
    "\"makeup_days\":[\"2026-10-10\"]" COVERED, "null", "2026-10-10T23:59:59+08:00" },
  { "weekend", "miniprogram-infringement", NULL, "2026-11-28T10:00:00+08:00",
    "2026-11-28T11:00:00+08:00", HOURS (2),
    "{\"kind\":\"working-days\",\"length\":3,"
    "\"counted_days\":[\"2026-11-30\",\"2026-12-01\",\"2026-12-02\"],"
    "\"skipped_days\":[{\"date\":\"2026-11-29\",\"reason\":\"weekend\",\"holiday\":null}],"
    "\"makeup_days\":[]" COVERED, "null", "2026-12-02T23:59:59+08:00" },
  { "plain-week", "miniprogram-infringement", NULL, "2026-11-23T10:00:00+08:00",
    "2026-11-23T11:00:00+08:00", HOURS (2),
    "{\"kind\":\"working-days\",\"length\":3,"
    "\"counted_days\":[\"2026-11-24\",\"2026-11-25\",\"2026-11-26\"],"
    "\"skipped_days\":[],\"makeup_days\":[]" COVERED, "null", "2026-11-26T23:59:59+08:00" },
  /* Judicial: no window, the legal deadline's 7 working days explained. */
  { "judicial", "friend-report", "judicial", "2026-09-28T10:00:00+08:00",
    "2026-09-28T11:00:00+08:00", "null", "null",
    "{\"kind\":\"working-days\",\"length\":7,"
    "\"counted_days\":[\"2026-09-29\",\"2026-09-30\",\"2026-10-08\",\"2026-10-09\","
    "\"2026-10-10\",\"2026-10-12\",\"2026-10-13\"],"
    "\"skipped_days\":" NATIONAL_DAY_SKIPPED (OCTOBER_1) ","
    "{\"date\":\"2026-10-11\",\"reason\":\"weekend\",\"holiday\":null}],"
    "\"makeup_days\":[\"2026-10-10\"]" COVERED, NULL },
  /* Into 2027, which the holiday calendar does not cover: the count is
   * Monday to Friday there, and says it is not to be taken as fact. */
  { "uncovered-year", "miniprogram-infringement", NULL, "2026-12-30T10:00:00+08:00",
    "2026-12-30T11:00:00+08:00", HOURS (2),
    "{\"kind\":\"working-days\",\"length\":3,"
    "\"counted_days\":[\"2026-12-31\",\"2027-01-01\",\"2027-01-04\"],"
    "\"skipped_days\":[{\"date\":\"2027-01-02\",\"reason\":\"weekend\",\"holiday\":null},"
    "{\"date\":\"2027-01-03\",\"reason\":\"weekend\",\"holiday\":null}],"
    "\"makeup_days\":[],\"calendar_covered\":false}", "null", "2027-01-04T23:59:59+08:00" },
  { "not-withdrawable", "intellectual-property", NULL, "2026-09-28T10:00:00+08:00",
    "2026-09-28T11:00:00+08:00", "null", "null", "null", NULL },
};

static char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  return json_to_string (node, FALSE);
}

static void
test_windows (gconstpointer data)
{
  const WindowCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = retract_ruleset_new_bundled (&error);
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GDateTime) filed = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(RetractAssessment) assessment = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) names = NULL;
  g_autofree char *self_service = NULL;
  g_autofree char *window = NULL;
  g_autofree char *legal = NULL;
  JsonObject *object;
  const char *previous = NULL;

  g_assert_no_error (error);
  filed = retract_time_parse (c->filed_at, &error);
  g_assert_no_error (error);
  now = retract_time_parse (c->now, &error);
  g_assert_no_error (error);
  retract_case_set_platform (kase, "wechat");
  retract_case_set_complaint_type (kase, c->type);
  retract_case_set_filed_at (kase, filed);
  if (c->scenario != NULL)
    {
      const char * const scenarios[] = { c->scenario, NULL };

      retract_case_set_scenarios (kase, scenarios);
    }
  assessment = retract_assessment_new (rules, kase, now, &error);
  g_assert_no_error (error);

  root = retract_assessment_to_json (assessment, RETRACT_LANGUAGE_EN);
  object = json_node_get_object (root);
  self_service = member_text (object, "self_service_window");
  window = member_text (object, "window");
  legal = member_text (object, "legal_deadline_window");
  g_assert_cmpstr (self_service, ==, c->self_service_window);
  g_assert_cmpstr (window, ==, c->window);
  g_assert_cmpstr (legal, ==, c->legal_deadline_window);
  if (c->window_closes_at != NULL)
    g_assert_cmpstr (json_object_get_string_member (object, "window_closes_at"), ==,
                     c->window_closes_at);
  else
    g_assert_true (json_object_get_null_member (object, "window_closes_at"));

  /* Each explanation follows the deadline it explains; the members that were
   * there before stay. */
  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      if (g_str_equal (l->data, "self_service_window"))
        g_assert_cmpstr (previous, ==, "self_service_until");
      else if (g_str_equal (l->data, "window"))
        g_assert_cmpstr (previous, ==, "window_closes_at");
      else if (g_str_equal (l->data, "legal_deadline_window"))
        g_assert_cmpstr (previous, ==, "legal_deadline");
      previous = l->data;
    }
  g_assert_true (json_object_has_member (object, "filed_at"));
  g_assert_true (json_object_has_member (object, "legal_deadline"));
  g_assert_true (json_object_has_member (object, "channels"));
}

/* The holiday's name is the dataset's, in the language asked for. */
static void
test_window_chinese (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = retract_ruleset_new_bundled (&error);
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse ("2026-02-13T10:00:00+08:00", NULL);
  g_autoptr(GDateTime) now = retract_time_parse ("2026-02-13T11:00:00+08:00", NULL);
  g_autoptr(RetractAssessment) assessment = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *window;
  JsonArray *skipped;

  retract_case_set_platform (kase, "wechat");
  retract_case_set_complaint_type (kase, "miniprogram-infringement");
  retract_case_set_filed_at (kase, filed);
  assessment = retract_assessment_new (rules, kase, now, &error);
  g_assert_no_error (error);
  root = retract_assessment_to_json (assessment, RETRACT_LANGUAGE_ZH_CN);
  window = json_object_get_object_member (json_node_get_object (root), "window");
  skipped = json_object_get_array_member (window, "skipped_days");
  g_assert_cmpuint (json_array_get_length (skipped), ==, 9);
  for (guint i = 0; i < json_array_get_length (skipped); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (skipped, i),
                                                    "holiday"), ==, "春节");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (window,
                                                                                "makeup_days"),
                                                  0), ==, "2026-02-14");
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
  g_test_add_func ("/json-views/assessment/window-chinese", test_window_chinese);
  for (guint i = 0; i < G_N_ELEMENTS (window_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json-views/assessment/window/%s",
                                               window_cases[i].name);

      g_test_add_data_func (path, &window_cases[i], test_windows);
    }

  return g_test_run ();
}
