/* SPDX-License-Identifier: GPL-3.0-or-later */

/* retract-cli as a user or a script runs it: exit codes, messages that name
 * what and where, the JSON shape, and the language of the output. */

#include "config.h"

#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "retract-case.h"
#include "retract-ruleset.h"
#include "test-child.h"
#include "test-datasets.h"
#include "test-server.h"
#include "test-signing.h"

/* A folder of this test's own (the isolated cache dir), so tests running
 * side by side never share a file. */
static char *
scratch_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}

typedef TestChild Run;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, test_child_clear)

/* Runs the CLI while this process's main loop keeps turning, so a server in
 * this test can answer it. */
static void
run_cli_env (Run                *run,
             const char * const *env_overrides,
             const char         *first,
             ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GSubprocessLauncher) launcher =
    test_child_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  va_list args;

  va_start (args, first);
  argv = test_child_argv_new (first, args);
  va_end (args);

  for (guint i = 0; env_overrides != NULL && env_overrides[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env_overrides[i], env_overrides[i + 1], TRUE);

  test_child_run (run, launcher, argv, 0);

  /* Nothing this program prints may be a crash or a sanitizer report. */
  g_assert_null (strstr (run->err, "AddressSanitizer"));
  g_assert_null (strstr (run->err, "runtime error"));
  g_assert_null (strstr (run->err, "CRITICAL"));
}

/* For the few children whose leaks LeakSanitizer cannot judge: the network
 * commands end with GIO's resolver threads alive, which its tracer cannot
 * stop (their leaks are checked with valgrind), and font fallback fills the
 * toolkit's caches. Everything else stays fatal. */
static const char * const without_leak_check[] = {
  "ASAN_OPTIONS", "detect_leaks=0:abort_on_error=1:halt_on_error=1", NULL
};

#define run_cli(run, ...) run_cli_env (run, NULL, __VA_ARGS__, NULL)

static JsonObject *
parse_object (const char  *text,
              JsonParser **parser_out)
{
  g_autoptr(GError) error = NULL;
  JsonParser *parser = json_parser_new ();

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  *parser_out = parser;
  return json_node_get_object (json_parser_get_root (parser));
}

static char *
ids_of (JsonArray *array)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (i > 0)
        g_string_append_c (ids, ',');
      g_string_append (ids, json_object_get_string_member (json_array_get_object_element (array, i),
                                                           "id"));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static char *
write_temp (const char *name,
            const char *contents)
{
  char *path = scratch_path (name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* ---- assess ---- */

typedef struct
{
  const char *name;
  const char *args[12];
  const char *stage;
  const char *channels;
  const char *materials;
  const char *warnings;
} JsonCase;

static const JsonCase json_cases[] = {
  { "friend-report-auto",
    { "--type", "friend-report", "--filed-at", "2026-11-24 10:00", "--now", "2026-11-24 11:00" },
    "auto-review", "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },
  { "friend-report-manual-misstatement",
    { "--platform", "wechat", "--type", "friend-report", "--filed-at", "2026-11-24T10:00:00+08:00",
      "--now", "2026-11-24T12:00:00+08:00", "--mistake", "misstatement" },
    "manual-review", "web-ticket,phone-hotline", "identity,written-statement",
    "duplicate-submission" },
  { "payment-processed",
    { "--type", "payment-dispute", "--filed-at", "2026-11-24T10:00:00+08:00",
      "--now", "2026-11-27T10:00:01+08:00" },
    "processed", "appeal-message", "identity,screen-recording", "aml-review,irreversible" },
  { "miniprogram-national-day",
    { "--type", "miniprogram-infringement", "--filed-at", "2026-09-30T10:00:00+08:00",
      "--now", "2026-10-10T23:59:59+08:00" },
    "manual-review", "web-ticket,phone-hotline", "identity,screen-recording",
    "duplicate-submission" },
  { "cross-border-and-enterprise",
    { "--type", "friend-report", "--filed-at", "2026-11-24T10:00:00+08:00",
      "--now", "2026-11-24T10:05:00+08:00", "--scenario", "cross-border",
      "--scenario", "enterprise" },
    "auto-review", "enterprise-admin,self-service,web-ticket,international-hotline",
    "business-license,passport", "duplicate-submission" },
  { "judicial",
    { "--type", "friend-report", "--filed-at", "2026-11-24T10:00:00+08:00",
      "--now", "2026-11-24T10:05:00+08:00", "--scenario", "judicial" },
    "not-withdrawable", "court-correction", "identity,screen-recording", "irreversible" },
  { "minor-with-risks",
    { "--type", "friend-report", "--filed-at", "2026-11-24T10:00:00+08:00",
      "--now", "2026-11-24T15:00:00+08:00", "--scenario", "minor",
      "--withdrawals-this-month", "3", "--other-party-loss" },
    "manual-review", "guardian-in-person,web-ticket,phone-hotline",
    "identity,screen-recording,household-register",
    "monthly-limit,other-party-loss,duplicate-submission" },
  { "alipay",
    { "--platform", "alipay", "--type", "general", "--filed-at", "2026-11-24T10:00:00+08:00",
      "--now", "2026-11-24T22:00:00+08:00" },
    "manual-review", "alipay-smart-service", "identity,screen-recording,face-verification", "" },
  { "douyin",
    { "--platform", "douyin", "--type", "general", "--filed-at", "2026-11-24T10:00:00+08:00",
      "--now", "2026-11-24T10:00:00+08:00" },
    "auto-review", "douyin-community-review", "deletion-proof", "" },
  { "intellectual-property",
    { "--type", "intellectual-property", "--filed-at", "2026-11-24T10:00:00+08:00",
      "--now", "2026-11-24T10:00:00+08:00" },
    "not-withdrawable", "", "identity,screen-recording", "irreversible" },
};

static void
test_assess_json (gconstpointer data)
{
  const JsonCase *c = data;
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *channels = NULL;
  g_autofree char *materials = NULL;
  g_autofree char *warnings = NULL;
  const char *args[16] = { "assess", "--json" };
  guint n = 2;
  JsonObject *root;

  for (guint i = 0; c->args[i] != NULL; i++)
    args[n++] = c->args[i];

  run_cli (&run, args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7],
           args[8], args[9], args[10], args[11], args[12], args[13]);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  root = parse_object (run.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "stage"), ==, c->stage);
  channels = ids_of (json_object_get_array_member (root, "channels"));
  materials = ids_of (json_object_get_array_member (root, "materials"));
  warnings = ids_of (json_object_get_array_member (root, "warnings"));
  g_assert_cmpstr (channels, ==, c->channels);
  g_assert_cmpstr (materials, ==, c->materials);
  g_assert_cmpstr (warnings, ==, c->warnings);
}

static void
test_assess_json_shape (void)
{
  const char * const time_keys[] = {
    "filed_at", "now", "self_service_until", "window_closes_at", "legal_deadline", NULL
  };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;
  JsonObject *channel;

  run_cli (&run, "assess", "--json", "--type", "friend-report", "--filed-at", "2026-11-24 02:00Z",
           "--now", "2026-11-24T03:00:00Z");
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (run.out, &parser);

  g_assert_true (json_object_has_member (root, "rules_version"));
  g_assert_cmpstr (json_object_get_string_member (root, "platform"), ==, "wechat");
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "friend-report");
  g_assert_true (json_object_get_boolean_member (root, "withdrawable"));
  for (guint i = 0; time_keys[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (root, time_keys[i]);

      g_assert_nonnull (node);
      if (JSON_NODE_HOLDS_NULL (node))
        continue;
      g_assert_true (g_str_has_suffix (json_node_get_string (node), "+08:00"));
    }
  g_assert_cmpstr (json_object_get_string_member (root, "filed_at"), ==,
                   "2026-11-24T10:00:00+08:00");
  g_assert_cmpstr (json_object_get_string_member (root, "now"), ==, "2026-11-24T11:00:00+08:00");
  g_assert_true (json_object_get_null_member (root, "legal_deadline"));

  channel = json_array_get_object_element (json_object_get_array_member (root, "channels"), 0);
  g_assert_cmpstr (json_object_get_string_member (channel, "id"), ==, "self-service");
  g_assert_true (json_object_has_member (channel, "name"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (channel, "steps")), ==, 4);
}

/* Issue 15 §3: how each deadline was counted, end to end. The issue's own
 * case, a mini-program complaint filed the day before National Day. */
static void
test_assess_json_window (void)
{
  const char * const chinese[] = { "LANGUAGE", "zh_CN", NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) zh = { 0 };
  g_auto(Run) hours = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonParser) zh_parser = NULL;
  g_autoptr(JsonParser) hours_parser = NULL;
  g_autofree char *window = NULL;
  g_autofree char *hour_window = NULL;
  JsonObject *root;
  JsonObject *zh_window;

  run_cli (&run, "assess", "--json", "--type", "miniprogram-infringement", "--filed-at",
           "2026-09-30 23:59", "--now", "2026-10-01T09:00:00+08:00");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (run.out, &parser);
  window = json_to_string (json_object_get_member (root, "window"), FALSE);
  g_assert_cmpstr (window, ==,
                   "{\"kind\":\"working-days\",\"length\":3,"
                   "\"counted_days\":[\"2026-10-08\",\"2026-10-09\",\"2026-10-10\"],"
                   "\"skipped_days\":["
                   "{\"date\":\"2026-10-01\",\"reason\":\"holiday\",\"holiday\":\"National Day\"},"
                   "{\"date\":\"2026-10-02\",\"reason\":\"holiday\",\"holiday\":\"National Day\"},"
                   "{\"date\":\"2026-10-03\",\"reason\":\"holiday\",\"holiday\":\"National Day\"},"
                   "{\"date\":\"2026-10-04\",\"reason\":\"holiday\",\"holiday\":\"National Day\"},"
                   "{\"date\":\"2026-10-05\",\"reason\":\"holiday\",\"holiday\":\"National Day\"},"
                   "{\"date\":\"2026-10-06\",\"reason\":\"holiday\",\"holiday\":\"National Day\"},"
                   "{\"date\":\"2026-10-07\",\"reason\":\"holiday\",\"holiday\":\"National Day\"}],"
                   "\"makeup_days\":[\"2026-10-10\"],\"calendar_covered\":true}");
  g_assert_cmpstr (json_object_get_string_member (root, "window_closes_at"), ==,
                   "2026-10-10T23:59:59+08:00");
  g_assert_true (json_object_get_null_member (root, "legal_deadline_window"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root,
                                                                              "self_service_window"),
                                               "length"), ==, 2);

  /* --lang picks the holiday's name from the dataset. */
  run_cli_env (&zh, chinese, "assess", "--json", "--type", "miniprogram-infringement",
               "--filed-at", "2026-09-30 23:59", "--now", "2026-10-01T09:00:00+08:00", "--lang",
               "zh_CN", NULL);
  g_assert_cmpint (zh.status, ==, 0);
  zh_window = json_object_get_object_member (parse_object (zh.out, &zh_parser), "window");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (
                       json_object_get_array_member (zh_window, "skipped_days"), 0),
                     "holiday"), ==, "国庆节");

  /* An hour window has no day lists. */
  run_cli (&hours, "assess", "--json", "--type", "friend-report", "--filed-at",
           "2026-09-30 23:59", "--now", "2026-10-01T09:00:00+08:00");
  g_assert_cmpint (hours.status, ==, 0);
  hour_window = json_to_string (json_object_get_member (parse_object (hours.out, &hours_parser),
                                                        "window"), FALSE);
  g_assert_cmpstr (hour_window, ==,
                   "{\"kind\":\"hours\",\"length\":24,\"calendar_covered\":true}");

  /* Into 2027, which the holiday calendar does not cover: said so. */
  {
    g_auto(Run) uncovered = { 0 };
    g_autoptr(JsonParser) uncovered_parser = NULL;
    JsonObject *uncovered_window;

    run_cli (&uncovered, "assess", "--json", "--type", "miniprogram-infringement",
             "--filed-at", "2026-12-30 10:00", "--now", "2026-12-30T11:00:00+08:00");
    g_assert_cmpint (uncovered.status, ==, 0);
    uncovered_window = json_object_get_object_member (parse_object (uncovered.out,
                                                                    &uncovered_parser),
                                                      "window");
    g_assert_false (json_object_get_boolean_member (uncovered_window, "calendar_covered"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (uncovered_window,
                                                                           "counted_days")),
                      ==, 3);
  }
}

/* A case written by hand with the new members (issue 15): the document's
 * type, the guardian and the enterprise, in a format-1 file; assess and
 * letter take it, and neither repeats the numbers. */
static void
test_case_file_new_members (void)
{
  g_autofree char *path = write_temp ("members.json",
    "{\"format\": 1, \"platform\": \"wechat\", \"type\": \"friend-report\",\n"
    " \"filed_at\": \"2026-11-24T10:00:00+08:00\",\n"
    " \"scenarios\": [\"cross-border\", \"minor\", \"enterprise\"],\n"
    " \"applicant\": {\"name\": \"陈小明\", \"phone\": \"+852 9123 4567\",\n"
    "                \"id_document\": {\"type\": \"hk-id\", \"number\": \"a1234563\"}},\n"
    " \"guardian\": {\"name\": \"陈大文\", \"relationship\": \"父亲\",\n"
    "              \"phone\": \"+853 6612 3456\",\n"
    "              \"id_document\": {\"type\": \"macau-id\", \"number\": \"1234567(8)\"}},\n"
    " \"enterprise\": {\"name\": \"深圳市腾讯计算机系统有限公司\",\n"
    "                \"credit_code\": \"91440300708461136T\"},\n"
    " \"complaint_number\": \"WX20261124001\",\n"
    " \"narrative\": \"误点了投诉。\", \"reason\": \"没有违规。\"}\n");
  g_auto(Run) assess = { 0 };
  g_auto(Run) letter = { 0 };

  run_cli (&assess, "assess", "--case", path, "--now", "2026-11-24T13:00:00+08:00", "--json");
  g_assert_cmpstr (assess.err, ==, "");
  g_assert_cmpint (assess.status, ==, 0);
  g_assert_null (strstr (assess.out, "1234563"));
  g_assert_null (strstr (assess.out, "陈大文"));
  g_assert_null (strstr (assess.out, "91440300708461136T"));

  run_cli (&letter, "letter", "--case", path, "--format", "txt", "--output", "-",
           "--now", "2026-11-24T13:00:00+08:00");
  g_assert_cmpint (letter.status, ==, 0);
  g_assert_null (strstr (letter.out, "A123456"));
  g_assert_null (strstr (letter.out, "1234567"));
  g_assert_nonnull (strstr (letter.out, "A123***(3)"));
  g_assert_nonnull (strstr (letter.out, "陈大文"));
  g_assert_nonnull (strstr (letter.out, "91440300708461136T"));
  g_unlink (path);
}

static void
test_assess_case_file (void)
{
  g_autofree char *path = write_temp ("case.json",
    "{\"format\": 1, \"platform\": \"wechat\", \"type\": \"friend-report\",\n"
    " \"filed_at\": \"2026-11-24T10:00:00+08:00\", \"mistake\": \"misoperation\",\n"
    " \"scenarios\": [\"enterprise\"], \"withdrawals_this_month\": 0,\n"
    " \"other_party_loss\": false,\n"
    " \"applicant\": {\"name\": \"张三\", \"wechat_id\": \"zhangsan_01\",\n"
    "                \"phone\": \"13800138000\", \"id_number\": \"11010519491231002X\"},\n"
    " \"complaint_number\": \"WX20261124001\", \"respondent\": \"李四\",\n"
    " \"narrative\": \"…what happened…\", \"reason\": \"…why it was a mistake…\"}\n");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *channels = NULL;
  JsonObject *root;

  run_cli (&run, "assess", "--case", path, "--now", "2026-11-24T13:00:00+08:00", "--json");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (run.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "stage"), ==, "manual-review");
  channels = ids_of (json_object_get_array_member (root, "channels"));
  g_assert_cmpstr (channels, ==, "enterprise-admin,web-ticket,phone-hotline");

  /* Personal data stays out of the answer. */
  g_assert_null (strstr (run.out, "11010519491231002X"));
  g_assert_null (strstr (run.out, "13800138000"));
  g_assert_null (strstr (run.out, "张三"));
  g_unlink (path);
}

typedef struct
{
  const char *name;
  const char *case_json; /* NULL: use args only */
  const char *args[10];
  const char *stderr_parts; /* "|"-separated */
} BadInput;

static const BadInput bad_inputs[] = {
  { "unknown-type", NULL,
    { "--type", "spam", "--filed-at", "2026-11-24 10:00" },
    "type: |“spam”|friend-report" },
  { "ambiguous-type", NULL,
    { "--type", "general", "--filed-at", "2026-11-24 10:00" },
    "platform: |alipay, douyin|--platform" },
  { "unknown-platform", NULL,
    { "--platform", "qq", "--type", "general", "--filed-at", "2026-11-24 10:00" },
    "platform: |“qq”|wechat, alipay, douyin" },
  { "unknown-scenario", NULL,
    { "--type", "friend-report", "--filed-at", "2026-11-24 10:00", "--scenario", "vip" },
    "scenarios: |“vip”" },
  { "unknown-mistake", NULL,
    { "--type", "friend-report", "--filed-at", "2026-11-24 10:00", "--mistake", "oops" },
    "mistake: |misoperation, misstatement" },
  { "future-filing", NULL,
    { "--type", "friend-report", "--filed-at", "2026-11-24 10:02", "--now", "2026-11-24 10:00" },
    "filed_at: |future" },
  { "bad-time", NULL,
    { "--type", "friend-report", "--filed-at", "yesterday" },
    "filed_at: |“yesterday”" },
  { "bad-now", NULL,
    { "--type", "friend-report", "--filed-at", "2026-11-24 10:00", "--now", "soon" },
    "--now: |“soon”" },
  { "negative-withdrawals", NULL,
    { "--type", "friend-report", "--filed-at", "2026-11-24 10:00",
      "--withdrawals-this-month", "-1" },
    "withdrawals_this_month: |“-1”" },
  { "no-type", NULL, { "--filed-at", "2026-11-24 10:00" }, "type: |friend-report" },
  { "second-60", NULL, { "--type", "friend-report", "--filed-at", "2026-11-24T10:00:60" },
    "filed_at: |“2026-11-24T10:00:60”" },
  { "year-10000", NULL, { "--type", "friend-report", "--filed-at", "9999-12-31T23:00:00+08:00" },
    "filed_at: |9999" },
  { "empty-scenario", NULL,
    { "--type", "friend-report", "--filed-at", "2026-11-24 10:00", "--scenario", "" },
    "scenarios: |enterprise, cross-border, minor, judicial" },
  { "no-filed-at", NULL, { "--type", "friend-report" }, "filed_at: " },
  { "unknown-option", NULL, { "--colour" }, "--colour" },
  { "unexpected-argument", NULL,
    { "--type", "friend-report", "--filed-at", "2026-11-24 10:00", "extra" }, "“extra”" },
  { "bad-language", NULL,
    { "--type", "friend-report", "--filed-at", "2026-11-24 10:00", "--lang", "fr" },
    "--lang: |zh_CN, zh_HK, en" },
  { "case-and-answers", "{\"format\": 1}", { "--type", "friend-report" }, "--case" },
  { "case-syntax-error", "{\"format\": 1,\n \"type\" \"friend-report\"}", { NULL },
    "case.json:2:9: |expected “:”" },
  { "case-unknown-key", "{\"format\": 1, \"colour\": \"red\"}", { NULL },
    "case.json:1:15: $.colour: |unknown key" },
  { "case-wrong-type", "{\"format\": 1,\n \"withdrawals_this_month\": \"two\"}", { NULL },
    "case.json:2:2: $.withdrawals_this_month: |expected an integer, found a string" },
  { "case-negative-count", "{\"format\": 1, \"withdrawals_this_month\": -1}", { NULL },
    "$.withdrawals_this_month: |out of range" },
  { "case-newer-format", "{\"format\": 7}", { NULL }, "$.format: |newer version" },
  { "case-incomplete", "{\"format\": 1, \"platform\": \"wechat\"}", { NULL }, "type: " },
  { "case-bad-id-number",
    "{\"format\": 1, \"platform\": \"wechat\", \"type\": \"friend-report\",\n"
    " \"filed_at\": \"2026-11-24T10:00:00+08:00\",\n"
    " \"applicant\": {\"id_number\": \"110105194912310021\", \"phone\": \"1380013800\"}}",
    { NULL }, "case.json:3:51: $.applicant.phone: |case.json:3:16: $.applicant.id_number: |"
    "check character" },
  { "case-duplicate-key", "{\"format\": 1, \"type\": \"a\", \"type\": \"b\"}", { NULL },
    "case.json:1:28: duplicate key “type”" },
  { "case-empty", "", { NULL }, "case.json:1:1: |empty" },
  /* Issue 15: the identity document, the guardian and the enterprise. */
  { "case-id-document-type",
    "{\"format\": 1, \"applicant\": {\"id_document\": {\"type\": \"hkid\", \"number\": \"A1\"}}}",
    { NULL }, "case.json:1:45: $.applicant.id_document.type: |unknown identity document type "
    "“hkid”|hk-id, macau-id" },
  { "case-id-document-key",
    "{\"format\": 1, \"applicant\": {\"id_document\": {\"type\": \"hk-id\", \"num\": \"A1\"}}}",
    { NULL }, "case.json:1:62: $.applicant.id_document.num: |unknown key|type, number" },
  { "case-id-number-and-document",
    "{\"format\": 1, \"applicant\": {\"id_number\": \"110105194912310021\",\n"
    " \"id_document\": {\"type\": \"mainland-id\"}}}",
    { NULL }, "case.json:1:29: $.applicant.id_number: |id_document" },
  { "case-guardian-key", "{\"format\": 1,\n \"guardian\": {\"nmae\": \"王芳\"}}", { NULL },
    "case.json:2:15: $.guardian.nmae: |unknown key|name, relationship, phone, id_document" },
  { "case-enterprise-type", "{\"format\": 1,\n \"enterprise\": {\"credit_code\": 91}}", { NULL },
    "case.json:2:17: $.enterprise.credit_code: |expected a string" },
  { "case-bad-documents",
    "{\"format\": 1, \"platform\": \"wechat\", \"type\": \"friend-report\",\n"
    " \"filed_at\": \"2026-11-24T10:00:00+08:00\", \"scenarios\": [\"minor\", \"enterprise\"],\n"
    " \"applicant\": {\"id_document\": {\"type\": \"hk-id\", \"number\": \"A123456(4)\"}},\n"
    " \"guardian\": {\"phone\": \"+85291234567\",\n"
    "              \"id_document\": {\"type\": \"passport\", \"number\": \"E1\"}},\n"
    " \"enterprise\": {\"credit_code\": \"91440300708461136U\"}}",
    { NULL }, "case.json:3:49: $.applicant.id_document.number: |check digit|"
    "case.json:5:51: $.guardian.id_document.number: |passport number|"
    "case.json:6:17: $.enterprise.credit_code: |does not match" },
};

static void
test_bad_input (gconstpointer data)
{
  const BadInput *c = data;
  g_auto(Run) run = { 0 };
  g_autofree char *path = NULL;
  g_auto(GStrv) parts = g_strsplit (c->stderr_parts, "|", -1);
  const char *args[16] = { "assess" };
  guint n = 1;

  if (c->case_json != NULL)
    {
      path = write_temp ("case.json", c->case_json);
      args[n++] = "--case";
      args[n++] = path;
    }
  for (guint i = 0; c->args[i] != NULL; i++)
    args[n++] = c->args[i];

  run_cli (&run, args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7],
           args[8], args[9], args[10], args[11], args[12]);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  for (guint i = 0; parts[i] != NULL; i++)
    if (strstr (run.err, parts[i]) == NULL)
      g_error ("“%s” not in stderr “%s”", parts[i], run.err);

  /* Bad personal data is named, never repeated. */
  g_assert_null (strstr (run.err, "110105194912310021"));
  if (path != NULL)
    g_unlink (path);
}

static void
test_assess_human_languages (void)
{
  const char * const chinese[] = { "LANGUAGE", "zh_CN", NULL };
  g_auto(Run) en = { 0 };
  g_auto(Run) zh = { 0 };
  g_auto(Run) forced = { 0 };

  run_cli (&en, "assess", "--type", "friend-report", "--filed-at", "2026-11-24 10:00",
           "--now", "2026-11-24 11:00");
  g_assert_cmpint (en.status, ==, 0);
  g_assert_nonnull (strstr (en.out, "Stage: Awaiting automatic review"));
  g_assert_nonnull (strstr (en.out, "Self-service ends: 2026-11-24 12:00 Beijing time (1 h 0 min left)"));
  g_assert_nonnull (strstr (en.out, "Withdraw it yourself in the WeChat Team account"));

  run_cli_env (&zh, chinese, "assess", "--type", "friend-report", "--filed-at",
               "2026-11-24 10:00", "--now", "2026-11-24 11:00", NULL);
  g_assert_cmpint (zh.status, ==, 0);
  g_assert_nonnull (strstr (zh.out, "待审核(系统自动审核)"));
  g_assert_nonnull (strstr (zh.out, "微信团队自主撤回"));
  g_assert_nonnull (strstr (zh.out, "北京时间"));
  g_assert_null (strstr (zh.out, "Stage:"));

  /* --lang wins over the locale, for the dataset's texts and our own. */
  run_cli (&forced, "assess", "--lang", "zh_CN", "--type", "friend-report", "--filed-at",
           "2026-11-24 10:00", "--now", "2026-11-24 11:00");
  g_assert_cmpint (forced.status, ==, 0);
  g_assert_nonnull (strstr (forced.out, "微信团队自主撤回"));
  g_assert_null (strstr (forced.out, "Stage:"));
}

/* ---- letter ---- */

#define FULL_CASE \
  "{\"format\": 1, \"platform\": \"wechat\", \"type\": \"friend-report\",\n" \
  " \"filed_at\": \"2026-11-24T10:00:00+08:00\",\n" \
  " \"applicant\": {\"name\": \"张三\", \"wechat_id\": \"zhangsan_01\",\n" \
  "                \"phone\": \"13800138000\", \"id_number\": \"11010519491231002X\"},\n" \
  " \"complaint_number\": \"WX20261124001\", \"respondent\": \"李四\",\n" \
  " \"narrative\": \"误点了投诉。\", \"reason\": \"没有违规。\"}\n"

/* A minor's case of an enterprise account, with a Hong Kong card, saved as
 * the app saves it. */
static char *
write_parties_case (void)
{
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GDateTime) filed = g_date_time_new_from_iso8601 ("2026-11-24T10:00:00+08:00", NULL);
  const char * const scenarios[] = { "enterprise", "minor", NULL };
  g_autofree char *json = NULL;

  retract_case_set_platform (kase, "wechat");
  retract_case_set_complaint_type (kase, "friend-report");
  retract_case_set_filed_at (kase, filed);
  retract_case_set_scenarios (kase, scenarios);
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_NAME, "张三");
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_PHONE, "13800138000");
  retract_case_set_id_document_type (kase, RETRACT_ID_HOLDER_APPLICANT, RETRACT_ID_DOCUMENT_HK_ID);
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "A123456(3)");
  retract_case_set_detail (kase, RETRACT_DETAIL_GUARDIAN_NAME, "王芳");
  retract_case_set_detail (kase, RETRACT_DETAIL_GUARDIAN_RELATIONSHIP, "母亲");
  retract_case_set_detail (kase, RETRACT_DETAIL_GUARDIAN_PHONE, "13900139000");
  retract_case_set_detail (kase, RETRACT_DETAIL_GUARDIAN_ID_NUMBER, "11010519491231002X");
  retract_case_set_detail (kase, RETRACT_DETAIL_ENTERPRISE_NAME, "福州示例科技有限公司");
  retract_case_set_detail (kase, RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE, "91350100M000100Y43");
  retract_case_set_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, "WX20261124001");
  retract_case_set_detail (kase, RETRACT_DETAIL_RESPONDENT, "李四");
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "误点了投诉。");
  retract_case_set_detail (kase, RETRACT_DETAIL_REASON, "没有违规。");
  json = retract_case_to_json (kase);
  return write_temp ("parties.json", json);
}

/* What @tool ("pdfinfo", "pdftotext -raw") reads in the PDF at @path. */
static char *
pdf_to_text (const char *path,
             const char *tool)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("%s %s%s", tool, quoted,
                                              g_str_equal (tool, "pdfinfo") ? "" : " -");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The letter names the company, the guardian and the document; read back
 * from the PDF (issue 15 §1, §2). */
static void
test_letter_parties (void)
{
  g_autofree char *path = write_parties_case ();
  g_autofree char *pdf = scratch_path ("parties.pdf");
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };

  run_cli_env (&run, without_leak_check, "letter", "--case", path, "--format", "pdf",
               "--output", pdf, "--now", "2026-11-24T13:00:00+08:00", NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_to_text (pdf, "pdftotext -raw");
  g_assert_nonnull (strstr (text, "企业名称：福州示例科技有限公司"));
  g_assert_nonnull (strstr (text, "统一社会信用代码：91350100M000100Y43"));
  g_assert_nonnull (strstr (text, "香港居民身份证号码：A123***(3)"));
  g_assert_nonnull (strstr (text, "监护人：王芳"));
  g_assert_nonnull (strstr (text, "监护人与申请人关系：母亲"));
  g_assert_nonnull (strstr (text, "监护人联系电话：13900139000"));
  g_assert_nonnull (strstr (text, "监护人身份证号：110105********002X"));
  g_assert_null (strstr (text, "A123456"));
  g_unlink (pdf);
  g_unlink (path);
}

/* Under judicial investigation the document is the lawyer's one-page fact
 * sheet, not a withdrawal letter; --fact-sheet asks for it and is refused
 * for any other case. */
static void
test_letter_fact_sheet (void)
{
  g_autofree char *judicial_json = NULL;
  g_autofree char *judicial = NULL;
  g_autofree char *plain = write_temp ("plain.json", FULL_CASE);
  g_autofree char *pdf = scratch_path ("fact-sheet.pdf");
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) txt = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) ticket = { 0 };
  GString *json = g_string_new (FULL_CASE);

  g_string_replace (json, "\"filed_at\"", "\"scenarios\": [\"judicial\"], \"filed_at\"", 1);
  judicial_json = g_string_free (json, FALSE);
  judicial = write_temp ("judicial.json", judicial_json);

  run_cli_env (&run, without_leak_check, "letter", "--case", judicial, "--format", "pdf",
               "--output", pdf, "--now", "2026-11-24T13:00:00+08:00", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "fact sheet for the lawyer"));
  info = pdf_to_text (pdf, "pdfinfo");
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (info, "Title:           司法调查投诉事实摘要（供律师参考）"));
  text = pdf_to_text (pdf, "pdftotext -raw");
  /* Lines break anywhere in Chinese: read it as one line. */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    g_free (text);
    text = g_strjoinv ("", lines);
  }
  g_assert_nonnull (strstr (text, "广州互联网法院"));
  g_assert_nonnull (strstr (text, "启动期限：2026-12-03 23:59:59（北京时间）"));
  g_assert_null (strstr (text, "申请人（签名）"));

  run_cli (&txt, "letter", "--case", judicial, "--fact-sheet", "--format", "txt", "--output",
           "-", "--now", "2026-11-24T13:00:00+08:00", "--lang", "en");
  g_assert_cmpint (txt.status, ==, 0);
  g_assert_true (g_str_has_prefix (txt.out, "Fact Sheet for the Lawyer\n"));
  g_assert_nonnull (strstr (txt.out, "The route is a lawyer's letter to the Guangzhou Internet "
                                     "Court"));
  g_assert_nonnull (strstr (txt.out, "Deadline: 2026-12-03 23:59:59 (Beijing time, UTC+8)"));

  run_cli (&refused, "letter", "--case", plain, "--fact-sheet", "--format", "pdf", "--output",
           pdf, "--now", "2026-11-24T13:00:00+08:00");
  g_assert_cmpint (refused.status, ==, 2);
  g_assert_nonnull (strstr (refused.err, "judicial investigation"));

  run_cli (&ticket, "letter", "--case", judicial, "--fact-sheet", "--format", "ticket",
           "--output", "-");
  g_assert_cmpint (ticket.status, ==, 2);
  g_assert_nonnull (strstr (ticket.err, "--fact-sheet"));
  g_unlink (pdf);
}

static void
test_letter_formats (void)
{
  g_autofree char *path = write_temp ("case.json", FULL_CASE);
  g_autofree char *pdf = scratch_path ("letter.pdf");
  g_auto(Run) text = { 0 };
  g_auto(Run) full = { 0 };
  g_auto(Run) english = { 0 };
  g_auto(Run) traditional = { 0 };
  g_auto(Run) ticket = { 0 };
  g_auto(Run) phone = { 0 };
  g_auto(Run) appeal = { 0 };
  g_auto(Run) ics = { 0 };
  g_auto(Run) pdf_run = { 0 };
  g_autofree char *pdf_bytes = NULL;
  GStatBuf st;

  run_cli (&text, "letter", "--case", path, "--format", "txt", "--output", "-",
           "--now", "2026-11-24T13:00:00+08:00");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, "误投诉撤销申请书"));
  g_assert_nonnull (strstr (text.out, "尊敬的腾讯客服："));
  g_assert_nonnull (strstr (text.out, "110105********002X"));
  g_assert_null (strstr (text.out, "11010519491231002X"));

  run_cli (&full, "letter", "--case", path, "--format", "txt", "--output", "-", "--show-full-id",
           "--now", "2026-11-24T13:00:00+08:00");
  g_assert_nonnull (strstr (full.out, "11010519491231002X"));

  run_cli (&english, "letter", "--case", path, "--format", "txt", "--output", "-", "--lang", "en",
           "--now", "2026-11-24T13:00:00+08:00");
  g_assert_true (g_str_has_prefix (english.out, "Application to Withdraw a Mistaken Complaint"));

  /* The Traditional reading copy says the letter to send is the Simplified
   * one; the Simplified letter says nothing of it. */
  run_cli (&traditional, "letter", "--case", path, "--format", "txt", "--output", "-", "--lang",
           "zh_HK", "--now", "2026-11-24T13:00:00+08:00");
  g_assert_cmpint (traditional.status, ==, 0);
  g_assert_true (g_str_has_prefix (traditional.out, "誤投訴撤銷申請書"));
  g_assert_nonnull (strstr (traditional.out, "寄出的申請書請用簡體中文版本"));
  g_assert_nonnull (strstr (traditional.out, "聯絡電話：13800138000"));
  g_assert_nonnull (strstr (traditional.out, "尊敬的騰訊客服："));
  g_assert_null (strstr (traditional.out, "申请"));
  g_assert_null (strstr (text.out, "閱讀本"));

  run_cli (&ticket, "letter", "--case", path, "--format", "ticket", "--output", "-",
           "--now", "2026-11-24T13:00:00+08:00");
  g_assert_true (g_str_has_prefix (ticket.out, "主题：误投诉撤销+WX20261124001"));

  run_cli (&phone, "letter", "--case", path, "--format", "phone", "--output", "-",
           "--now", "2026-11-24T13:00:00+08:00");
  g_assert_nonnull (strstr (phone.out, "0755-83765566"));

  run_cli (&appeal, "letter", "--case", path, "--format", "appeal", "--output", "-",
           "--now", "2026-11-26T13:00:00+08:00");
  g_assert_cmpstr (appeal.out, ==, "#误封申诉+WX20261124001\n");

  run_cli (&ics, "letter", "--case", path, "--format", "ics", "--output", "-",
           "--now", "2026-11-24T13:00:00+08:00");
  g_assert_cmpint (ics.status, ==, 0);
  g_assert_true (g_str_has_prefix (ics.out, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (ics.out, "DTEND:20261125T020000Z"));
  g_assert_null (strstr (ics.out, "张三"));

  run_cli (&pdf_run, "letter", "--case", path, "--format", "pdf", "--output", pdf,
           "--now", "2026-11-24T13:00:00+08:00");
  g_assert_cmpint (pdf_run.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &pdf_bytes, NULL, NULL));
  g_assert_true (g_str_has_prefix (pdf_bytes, "%PDF-"));
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_unlink (pdf);
  g_unlink (path);
}

typedef struct
{
  const char *name;
  const char *case_json;
  const char *format;
  const char *stderr_part;
} LetterError;

static const LetterError letter_errors[] = {
  { "incomplete", "{\"format\": 1, \"platform\": \"wechat\", \"type\": \"friend-report\", "
    "\"filed_at\": \"2026-11-24T10:00:00+08:00\", \"complaint_number\": \"WX1\"}",
    "pdf", "applicant.name: " },
  { "bad-check-digit", "{\"format\": 1, \"platform\": \"wechat\", \"type\": \"friend-report\", "
    "\"filed_at\": \"2026-11-24T10:00:00+08:00\", \"complaint_number\": \"WX1\", "
    "\"narrative\": \"n\", \"reason\": \"r\", \"applicant\": {\"name\": \"张三\", "
    "\"phone\": \"13800138000\", \"id_number\": \"110105194912310021\"}}",
    "txt", "applicant.id_number: " },
  { "unknown-format", FULL_CASE, "docx", "--format: " },
  { "nothing-ahead", FULL_CASE, "ics", "no deadline" },
};

static void
test_letter_error (gconstpointer data)
{
  const LetterError *c = data;
  g_autofree char *path = write_temp ("case.json", c->case_json);
  g_autofree char *output = scratch_path ("out.doc");
  g_auto(Run) run = { 0 };

  run_cli (&run, "letter", "--case", path, "--format", c->format, "--output", output,
           "--now", "2026-11-30T13:00:00+08:00");
  g_assert_cmpint (run.status, ==, 2);
  if (strstr (run.err, c->stderr_part) == NULL)
    g_error ("“%s” not in “%s”", c->stderr_part, run.err);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_assert_null (strstr (run.err, "110105194912310021"));
  g_unlink (path);
}

/* Input at the extremes: clear errors or correct output, never a crash or a hang. */
static void
test_extremes (void)
{
  g_autoptr(GString) narrative = g_string_new (NULL);
  g_autoptr(GString) json = NULL;
  g_autofree char *path = NULL;
  g_autofree char *control_path = NULL;
  g_autofree char *pdf = scratch_path ("long.pdf");
  g_auto(Run) text = { 0 };
  g_auto(Run) pdf_run = { 0 };
  g_auto(Run) control = { 0 };
  g_auto(Run) many = { 0 };

  /* 100 000 characters of mixed scripts: Chinese, emoji, right-to-left. */
  while (g_utf8_strlen (narrative->str, -1) < 99980)
    g_string_append (narrative, "误点了投诉😀 שלום مرحبا abc ");
  g_string_append (narrative, "最后一句");
  json = g_string_new (FULL_CASE);
  g_string_replace (json, "\"误点了投诉。\"", "", 1);
  g_string_replace (json, "\"narrative\": ,", "", 1);
  g_string_truncate (json, json->len - 2);
  /* Nothing in it needs escaping in JSON. */
  g_string_append_printf (json, ", \"narrative\": \"%s\"}\n", narrative->str);
  path = write_temp ("long-case.json", json->str);

  run_cli (&text, "letter", "--case", path, "--format", "txt", "--output", "-",
           "--now", "2026-11-24T13:00:00+08:00");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "最后一句"));
  g_assert_nonnull (strstr (text.out, "שלום"));

  /* Falling back across four scripts fills Pango's fontset cache, which
   * fontconfig never frees; test_letter_formats checks the PDF path's leaks. */
  run_cli_env (&pdf_run, without_leak_check, "letter", "--case", path, "--format", "pdf",
               "--output", pdf, "--now", "2026-11-24T13:00:00+08:00", NULL);
  g_assert_cmpint (pdf_run.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* A control character is named, not printed. */
  control_path = write_temp ("control-case.json",
    "{\"format\": 1, \"platform\": \"wechat\", \"type\": \"friend-report\", "
    "\"filed_at\": \"2026-11-24T10:00:00+08:00\", \"complaint_number\": \"WX1\", "
    "\"narrative\": \"bell\\u0007\", \"reason\": \"r\", "
    "\"applicant\": {\"name\": \"张三\", \"phone\": \"13800138000\"}}");
  run_cli (&control, "letter", "--case", control_path, "--format", "txt", "--output", "-",
           "--now", "2026-11-24T13:00:00+08:00");
  g_assert_cmpint (control.status, ==, 2);
  g_assert_nonnull (strstr (control.err, "narrative: "));

  run_cli (&many, "assess", "--json", "--type", "friend-report", "--filed-at", "1970-01-01 08:00",
           "--now", "2026-11-24 13:00", "--withdrawals-this-month", "1000000000");
  g_assert_cmpint (many.status, ==, 0);
  g_assert_nonnull (strstr (many.out, "\"monthly-limit\""));
  g_assert_nonnull (strstr (many.out, "\"processed\""));

  g_unlink (pdf);
}

static void
test_letter_usage (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "letter", "--format", "pdf");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--case"));
}

/* ---- update-rules: a rules server on loopback, in its own thread ---- */

typedef struct
{
  guint       port;
  GBytes     *newer;
  GBytes     *older;
  char       *last_if_none_match;
} RulesServer;

static RulesServer rules_server;

/* What the server publishes at @path, for its signature. */
static GBytes *
rules_body (const char *path)
{
  if (g_str_equal (path, "/newer.json") && rules_server.newer != NULL)
    return g_bytes_ref (rules_server.newer);
  if (g_str_equal (path, "/older.json") && rules_server.older != NULL)
    return g_bytes_ref (rules_server.older);
  if (g_str_equal (path, "/broken.json"))
    return g_bytes_new_static ("{", 1);
  return NULL;
}

static void
serve_rules (SoupServer        *server,
             SoupServerMessage *message,
             const char        *path,
             GHashTable        *query,
             gpointer           data)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (message);
  const char *etag = soup_message_headers_get_one (request, "If-None-Match");
  GBytes *body = NULL;

  /* The signatures and the key list published beside the rules. */
  if (test_signing_serve (message, path, rules_body))
    return;

  g_free (rules_server.last_if_none_match);
  rules_server.last_if_none_match = g_strdup (etag);

  if (g_str_equal (path, "/newer.json"))
    {
      if (g_strcmp0 (etag, "\"v2\"") == 0)
        {
          soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
      soup_message_headers_replace (response, "ETag", "\"v2\"");
      body = rules_server.newer;
    }
  else if (g_str_equal (path, "/older.json"))
    body = rules_server.older;
  else if (g_str_equal (path, "/loop.json") || g_str_equal (path, "/portal.json"))
    {
      soup_message_headers_replace (response, "Location",
                                    g_str_equal (path, "/loop.json")
                                    ? "/loop.json" : "http://login.portal.example/");
      soup_server_message_set_status (message, SOUP_STATUS_FOUND, NULL);
      return;
    }
  else if (g_str_equal (path, "/broken.json"))
    {
      test_server_reply (message, "application/json", "{", 1);
      return;
    }

  if (body == NULL)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  test_server_reply_json (message, body);
}

static SoupServer *
start_rules_server (void)
{
  return test_server_start (serve_rules, NULL, &rules_server.port);
}

static char *
rules_url (const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", rules_server.port, path);
}

static void
test_update_rules (void)
{
  g_autoptr(SoupServer) server = start_rules_server ();
  g_autofree char *newer = rules_url ("/newer.json");
  g_autofree char *older = rules_url ("/older.json");
  g_autofree char *broken = rules_url ("/broken.json");
  g_autofree char *missing = rules_url ("/missing.json");
  g_autoptr(JsonParser) parser = NULL;
  g_auto(Run) update = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) info = { 0 };
  g_auto(Run) assess = { 0 };
  g_auto(Run) downgrade = { 0 };
  g_auto(Run) invalid = { 0 };
  g_auto(Run) not_found = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) revert = { 0 };
  g_auto(Run) after = { 0 };
  JsonObject *root;

  rules_server.newer = test_dataset_with_version ("2026.12.1");
  rules_server.older = test_dataset_with_version ("2025.1.1");

  run_cli_env (&update, without_leak_check, "update-rules", "--url", newer, "--json", NULL);
  g_assert_cmpint (update.status, ==, 0);
  root = parse_object (update.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "result"), ==, "updated");
  g_assert_cmpstr (json_object_get_string_member (root, "version"), ==, "2026.12.1");
  g_clear_object (&parser);

  run_cli (&info, "rules-info", "--json");
  root = parse_object (info.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "source"), ==, "downloaded");
  g_assert_cmpstr (json_object_get_string_member (root, "version"), ==, "2026.12.1");
  g_clear_object (&parser);

  /* Every command now answers with the new rules. */
  run_cli (&assess, "assess", "--json", "--type", "friend-report", "--filed-at",
           "2026-11-24 10:00", "--now", "2026-11-24 11:00");
  root = parse_object (assess.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "rules_version"), ==, "2026.12.1");
  g_clear_object (&parser);

  /* The ETag comes back: 304, nothing downloaded. */
  run_cli_env (&again, without_leak_check, "update-rules", "--url", newer, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "2026.12.1"));
  g_assert_cmpstr (rules_server.last_if_none_match, ==, "\"v2\"");

  run_cli_env (&downgrade, without_leak_check, "update-rules", "--url", older, NULL);
  g_assert_cmpint (downgrade.status, ==, 2);
  g_assert_nonnull (strstr (downgrade.err, "older"));

  run_cli_env (&invalid, without_leak_check, "update-rules", "--url", broken, NULL);
  g_assert_cmpint (invalid.status, ==, 2);
  g_assert_nonnull (strstr (invalid.err, "rules.json:1:2"));

  run_cli_env (&not_found, without_leak_check, "update-rules", "--url", missing, NULL);
  g_assert_cmpint (not_found.status, ==, 1);
  g_assert_nonnull (strstr (not_found.err, "404"));

  run_cli_env (&refused, without_leak_check, "update-rules", "--url", "http://example.com/rules.json", NULL);
  g_assert_cmpint (refused.status, ==, 2);

  run_cli (&revert, "revert-rules");
  g_assert_cmpint (revert.status, ==, 0);
  run_cli (&after, "rules-info", "--json");
  root = parse_object (after.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "source"), ==, "bundled");

  soup_server_disconnect (server);
  g_clear_pointer (&rules_server.newer, g_bytes_unref);
  g_clear_pointer (&rules_server.older, g_bytes_unref);
  g_clear_pointer (&rules_server.last_if_none_match, g_free);
}

/* ---- the other commands ---- */

static void
test_types (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) wechat = { 0 };
  g_auto(Run) human = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *types;

  run_cli (&run, "types", "--json");
  g_assert_cmpint (run.status, ==, 0);
  parser = json_parser_new ();
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  types = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (types), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (types, 0),
                                                  "success_rating"), ==, "★★★☆");

  run_cli (&wechat, "types", "--platform", "wechat", "--json");
  g_assert_cmpint (wechat.status, ==, 0);
  g_assert_null (strstr (wechat.out, "\"general\""));
  g_assert_nonnull (strstr (wechat.out, "\"intellectual-property\""));

  run_cli (&human, "types");
  g_assert_cmpint (human.status, ==, 0);
  g_assert_nonnull (strstr (human.out, "miniprogram-infringement"));
}

/* Hong Kong, Taiwan and Macau locales read Traditional characters, both our
 * own words (zh_HK.po, which zh_TW and zh_MO share) and the dataset's; the
 * mainland locale keeps Simplified ones. 类/類 and 销/銷 differ. */
static void
test_types_traditional (void)
{
  const char * const locales[] = { "zh_HK", "zh_TW", "zh_MO" };
  const char * const mainland[] = { "LANGUAGE", "zh_CN", NULL };
  g_auto(Run) simplified = { 0 };
  g_auto(Run) forced = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      const char * const env[] = { "LANGUAGE", locales[i], NULL };
      g_auto(Run) run = { 0 };

      run_cli_env (&run, env, "types", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "社交類舉報"));
      g_assert_nonnull (strstr (run.out, "撤銷期限"));
      g_assert_null (strstr (run.out, "类"));
      g_assert_null (strstr (run.out, "撤销"));
      g_assert_null (strstr (run.out, "Window:"));
    }

  run_cli_env (&simplified, mainland, "types", NULL);
  g_assert_cmpint (simplified.status, ==, 0);
  g_assert_nonnull (strstr (simplified.out, "社交类举报"));
  g_assert_nonnull (strstr (simplified.out, "撤销期限"));
  g_assert_null (strstr (simplified.out, "類"));
  g_assert_null (strstr (simplified.out, "銷"));

  /* --lang zh_HK wins over an English locale, for both kinds of text. */
  run_cli (&forced, "types", "--lang", "zh_HK");
  g_assert_cmpint (forced.status, ==, 0);
  g_assert_nonnull (strstr (forced.out, "社交類舉報"));
  g_assert_nonnull (strstr (forced.out, "撤銷期限"));
}

static void
test_rules_info (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;

  run_cli (&run, "rules-info", "--json");
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (run.out, &parser);
  g_assert_true (g_regex_match_simple ("^[0-9]{4}\\.", json_object_get_string_member (root,
                                                                                     "version"),
                                       0, 0));
  g_assert_cmpstr (json_object_get_string_member (root, "source"), ==, "bundled");
  g_assert_true (json_object_has_member (root, "published"));
  g_assert_true (json_object_has_member (root, "path"));
}

static void
test_validate_rules (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("RETRACT_SOURCE_ROOT"), "data", "rules",
                                              "rules.json", NULL);
  g_autofree char *broken = write_temp ("broken-rules.json", "{\n  \"meta\": {\n    \"schema\": 1,,\n");
  g_autofree char *deep = NULL;
  g_autofree char *nesting = g_strnfill (100000, '[');
  g_auto(Run) good = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) too_deep = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) assess_bad_rules = { 0 };

  run_cli (&good, "validate-rules", source);
  g_assert_cmpint (good.status, ==, 0);
  g_assert_nonnull (strstr (good.out, "valid"));

  run_cli (&bad, "validate-rules", broken);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_true (g_str_has_prefix (bad.err, broken));
  g_assert_nonnull (strstr (bad.err, ":3:17: "));

  deep = write_temp ("deep-rules.json", nesting);
  run_cli (&too_deep, "validate-rules", deep);
  g_assert_cmpint (too_deep.status, ==, 2);
  g_assert_nonnull (strstr (too_deep.err, "deeper"));

  run_cli (&missing, "validate-rules", "/nonexistent/rules.json");
  g_assert_cmpint (missing.status, ==, 2);

  run_cli (&assess_bad_rules, "assess", "--rules", broken, "--type", "friend-report",
           "--filed-at", "2026-11-24 10:00");
  g_assert_cmpint (assess_bad_rules.status, ==, 2);
  g_assert_true (g_str_has_prefix (assess_bad_rules.err, broken));

  g_unlink (broken);
  g_unlink (deep);
}

/* A dataset whose texts carry terminal escapes, bidi controls or a link with
 * a user name is refused with its place, and nothing raw reaches either
 * stream: before, `assess --rules` printed the escapes as they were. */
static void
test_hostile_rules (void)
{
  static const char * const edits[][3] = {
    { "\"Call 0755-83765566\"", "\"Call \\u001b[31m0755\\u001b]0;pwned\\u0007\"",
      "$.channels[2].steps[0].en: " },
    { "\"拨打0755-83765566\"", "\"拨打\\u009b2J0755\"", "$.channels[2].steps[0].zh_CN: " },
    { "\"电话客服紧急通道\"", "\"电话客服\\u202Eexe.\"", "$.channels[2].name.zh_CN: " },
    { "\"url\": \"https://kf.qq.com/\",\n      \"ticket_subject\"",
      "\"url\": \"https://kf.qq.com@evil.example/\",\n      \"ticket_subject\"",
      "$.channels[1].url: " },
  };
  g_autoptr(GBytes) bundled = test_dataset_bundled ();

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GBytes) bytes = test_dataset_edit (bundled, edits[i][0], edits[i][1]);
      g_autofree char *name = g_strdup_printf ("hostile-rules-%u.json", i);
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_autofree char *path = write_temp (name, text);
      g_autofree char *place = g_strconcat (path, ":", NULL);
      g_auto(Run) validate = { 0 };
      g_auto(Run) assess = { 0 };
      Run *runs[] = { &validate, &assess };

      run_cli (&validate, "validate-rules", path);
      run_cli (&assess, "assess", "--rules", path, "--type", "friend-report", "--filed-at",
               "2026-11-24 10:00", "--now", "2026-11-24 13:00");
      for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
        {
          g_test_message ("edit %u, run %u: %s", i, r, runs[r]->err);
          g_assert_cmpint (runs[r]->status, ==, 2);
          g_assert_true (g_str_has_prefix (runs[r]->err, place));
          g_assert_true (g_regex_match_simple ("^[^\n]*:[0-9]+:[0-9]+: \\$\\.", runs[r]->err, 0,
                                               0));
          g_assert_nonnull (strstr (runs[r]->err, edits[i][2]));
          g_assert_cmpstr (runs[r]->out, ==, "");
          g_assert_null (strchr (runs[r]->err, '\x1b'));
          g_assert_null (strchr (runs[r]->err, '\a'));
          g_assert_null (strstr (runs[r]->err, "\xc2\x9b"));
          g_assert_null (strstr (runs[r]->err, "\xe2\x80\xae"));
          g_assert_null (strstr (runs[r]->err, "evil"));
        }
      g_unlink (path);
    }
}

/* ---- files that are not files, output that does not arrive ---- */

/* Like run_cli(), but a command that does not return within 20 s fails the
 * test instead of hanging it; standard output may go to @stdout_path. */
static void
run_cli_timed (Run        *run,
               const char *stdout_path,
               const char *first,
               ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GSubprocessLauncher) launcher = test_child_launcher_new (
    G_SUBPROCESS_FLAGS_STDERR_PIPE |
    (stdout_path == NULL ? G_SUBPROCESS_FLAGS_STDOUT_PIPE : G_SUBPROCESS_FLAGS_NONE));
  va_list args;

  va_start (args, first);
  argv = test_child_argv_new (first, args);
  va_end (args);

  if (stdout_path != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, stdout_path);

  test_child_run (run, launcher, argv, 20);
  g_assert_null (strstr (run->err, "CRITICAL"));
}

static char *
make_fifo (const char *name)
{
  char *path = scratch_path (name);

  g_unlink (path);
  g_assert_no_errno (mkfifo (path, 0600));
  return path;
}

static void
assert_fifo (const char *path)
{
  GStatBuf st;

  g_assert_no_errno (lstat (path, &st));
  g_assert_true (S_ISFIFO (st.st_mode));
}

static void
test_not_regular_files (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autofree char *downloaded = g_build_filename (directory, "rules.json", NULL);
  g_autofree char *fifo = make_fifo ("case-fifo.json");
  g_autoptr(GDir) dir = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_auto(Run) info = { 0 };
  g_auto(Run) assess = { 0 };
  g_auto(Run) case_fifo = { 0 };
  g_auto(Run) case_zero = { 0 };
  g_auto(Run) validate = { 0 };
  g_auto(Run) rules_fifo = { 0 };
  const char *name;
  gboolean set_aside = FALSE;
  JsonObject *root;

  /* A FIFO where the downloaded rules are: refused at once, set aside, and
   * the bundled rules used, with a notice. */
  g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
  g_assert_no_errno (mkfifo (downloaded, 0600));
  run_cli_timed (&info, NULL, "rules-info", "--json", NULL);
  g_assert_cmpint (info.status, ==, 0);
  g_assert_nonnull (strstr (info.err, "is not a regular file"));
  root = parse_object (info.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "source"), ==, "bundled");
  g_assert_false (g_file_test (downloaded, G_FILE_TEST_EXISTS));
  dir = g_dir_open (directory, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    set_aside |= g_str_has_prefix (name, "rules.json.rejected-");
  g_assert_true (set_aside);

  g_assert_no_errno (mkfifo (downloaded, 0600));
  run_cli_timed (&assess, NULL, "assess", "--type", "friend-report", "--filed-at",
                 "2026-11-24 10:00", "--now", "2026-11-24 11:00", NULL);
  g_assert_cmpint (assess.status, ==, 0);
  g_assert_nonnull (strstr (assess.err, "is not a regular file"));

  /* --case on a FIFO and on an endless device: refused, naming the file. */
  run_cli_timed (&case_fifo, NULL, "assess", "--case", fifo, "--now", "2026-11-24 11:00", NULL);
  g_assert_cmpint (case_fifo.status, ==, 2);
  g_assert_nonnull (strstr (case_fifo.err, fifo));
  g_assert_nonnull (strstr (case_fifo.err, "is not a regular file"));

  run_cli_timed (&case_zero, NULL, "letter", "--case", "/dev/zero", "--format", "txt",
                 "--output", "-", NULL);
  g_assert_cmpint (case_zero.status, ==, 2);
  g_assert_nonnull (strstr (case_zero.err, "/dev/zero is not a regular file"));

  run_cli_timed (&validate, NULL, "validate-rules", fifo, NULL);
  g_assert_cmpint (validate.status, ==, 2);
  g_assert_nonnull (strstr (validate.err, fifo));

  run_cli_timed (&rules_fifo, NULL, "assess", "--rules", fifo, "--type", "friend-report",
                 "--filed-at", "2026-11-24 10:00", NULL);
  g_assert_cmpint (rules_fifo.status, ==, 2);
  g_assert_nonnull (strstr (rules_fifo.err, fifo));
  assert_fifo (fifo);

  g_unlink (fifo);
}

static void
test_output_checks (void)
{
  g_autofree char *path = write_temp ("case.json", FULL_CASE);
  g_autofree char *fifo = make_fifo ("out-fifo");
  g_autofree char *device_link = scratch_path ("null-link.pdf");
  g_autofree char *folder = scratch_path ("a-folder.pdf");
  g_autofree char *real = write_temp ("real.pdf", "old");
  g_autofree char *real_link = scratch_path ("real-link.pdf");
  g_autofree char *contents = NULL;
  g_auto(Run) full = { 0 };
  g_auto(Run) full_json = { 0 };
  g_auto(Run) to_fifo = { 0 };
  g_auto(Run) to_device = { 0 };
  g_auto(Run) to_folder = { 0 };
  g_auto(Run) through_link = { 0 };
  GStatBuf st;

  /* Standard output on a full disk: not a success. */
  run_cli_timed (&full, "/dev/full", "letter", "--case", path, "--format", "pdf", "--output", "-",
                 "--now", "2026-11-24T13:00:00+08:00", NULL);
  g_assert_cmpint (full.status, !=, 0);
  g_assert_nonnull (strstr (full.err, "standard output"));

  /* So is any command's printed answer. */
  run_cli_timed (&full_json, "/dev/full", "assess", "--json", "--type", "friend-report",
                 "--filed-at", "2026-11-24 10:00", "--now", "2026-11-24 11:00", NULL);
  g_assert_cmpint (full_json.status, ==, 1);
  g_assert_nonnull (strstr (full_json.err, "Could not write standard output: "));

  /* Only a regular file is replaced, and the refusal names what is there. */
  run_cli_timed (&to_fifo, NULL, "letter", "--case", path, "--format", "txt", "--output", fifo,
                 "--now", "2026-11-24T13:00:00+08:00", NULL);
  g_assert_cmpint (to_fifo.status, ==, 2);
  g_assert_nonnull (strstr (to_fifo.err, "is not a regular file"));
  g_assert_nonnull (strstr (to_fifo.err, fifo));
  assert_fifo (fifo);

  g_unlink (device_link);
  g_assert_no_errno (symlink ("/dev/null", device_link));
  run_cli_timed (&to_device, NULL, "letter", "--case", path, "--format", "pdf", "--output",
                 device_link, "--now", "2026-11-24T13:00:00+08:00", NULL);
  g_assert_cmpint (to_device.status, ==, 2);
  g_assert_nonnull (strstr (to_device.err, device_link));
  g_assert_no_errno (lstat (device_link, &st));
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_no_errno (g_stat ("/dev/null", &st));
  g_assert_true (S_ISCHR (st.st_mode));

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  run_cli_timed (&to_folder, NULL, "letter", "--case", path, "--format", "txt", "--output",
                 folder, "--now", "2026-11-24T13:00:00+08:00", NULL);
  g_assert_cmpint (to_folder.status, ==, 2);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  /* A link to a regular file: the file it points to is replaced, the link stays. */
  g_unlink (real_link);
  g_assert_no_errno (symlink (real, real_link));
  run_cli_timed (&through_link, NULL, "letter", "--case", path, "--format", "txt", "--output",
                 real_link, "--now", "2026-11-24T13:00:00+08:00", NULL);
  g_assert_cmpint (through_link.status, ==, 0);
  g_assert_no_errno (lstat (real_link, &st));
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (g_file_get_contents (real, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "误投诉撤销申请书"));
  g_assert_no_errno (g_stat (real, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_unlink (fifo);
  g_unlink (device_link);
  g_unlink (real_link);
  g_unlink (real);
  g_rmdir (folder);
}

/* A disk or permission problem while installing is an I/O error (exit 1,
 * "error"), never a rejection of the rules. */
static void
test_update_io_error (void)
{
  g_autoptr(SoupServer) server = start_rules_server ();
  g_autofree char *newer = rules_url ("/newer.json");
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autoptr(JsonParser) parser = NULL;
  g_auto(Run) update = { 0 };
  JsonObject *root;

  rules_server.newer = test_dataset_with_version ("2026.12.1");
  /* The data folder cannot be made: a file is in its place. */
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  g_assert_true (g_file_set_contents (directory, "not a folder", -1, NULL));

  run_cli_env (&update, without_leak_check, "update-rules", "--url", newer, "--json", NULL);
  g_assert_cmpint (update.status, ==, 1);
  root = parse_object (update.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "result"), ==, "error");

  g_unlink (directory);
  soup_server_disconnect (server);
  g_clear_pointer (&rules_server.newer, g_bytes_unref);
  g_clear_pointer (&rules_server.last_if_none_match, g_free);
}

static char *
data_file (const char *name)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);

  return g_build_filename (directory, name, NULL);
}

/* The app's own files are never written through a link: a link at
 * rules.json.previous (to /etc/passwd, for root) is named and left, and
 * what it points to is untouched. */
static void
test_update_rules_own_links (void)
{
  g_autoptr(SoupServer) server = start_rules_server ();
  g_autofree char *newer = rules_url ("/newer.json");
  g_autofree char *victim = scratch_path ("fakepasswd");
  g_autofree char *previous = data_file ("rules.json.previous");
  g_autofree char *etag = data_file ("rules.etag");
  g_autofree char *etag_elsewhere = scratch_path ("etag");
  g_autofree char *contents = NULL;
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };

  rules_server.newer = test_dataset_with_version ("2026.12.1");
  run_cli_env (&first, without_leak_check, "update-rules", "--url", newer, NULL);
  g_assert_cmpint (first.status, ==, 0);

  g_assert_true (g_file_set_contents (victim, "root:x:0:0:root:/root:/bin/sh\n", -1, NULL));
  g_assert_no_errno (symlink (victim, previous));
  /* A link at rules.etag is not read through either: no If-None-Match. */
  g_assert_true (g_file_set_contents (etag_elsewhere, "\"v2\"", -1, NULL));
  g_unlink (etag);
  g_assert_no_errno (symlink (etag_elsewhere, etag));
  g_bytes_unref (rules_server.newer);
  rules_server.newer = test_dataset_with_version ("2026.12.2");

  run_cli_env (&second, without_leak_check, "update-rules", "--url", newer, NULL);
  g_assert_cmpint (second.status, ==, 1);
  g_assert_null (rules_server.last_if_none_match);
  g_assert_nonnull (strstr (second.err, "rules.json.previous"));
  g_assert_true (g_file_get_contents (victim, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "root:x:0:0:root:/root:/bin/sh\n");
  g_assert_true (g_file_test (previous, G_FILE_TEST_IS_SYMLINK));

  soup_server_disconnect (server);
  g_clear_pointer (&rules_server.newer, g_bytes_unref);
  g_clear_pointer (&rules_server.last_if_none_match, g_free);
}

/* A data folder that is a link to a shared (1777) folder is not chmodded,
 * and nothing is written into it; the refusal names the folder. */
static void
test_update_rules_linked_folder (void)
{
  g_autoptr(SoupServer) server = start_rules_server ();
  g_autofree char *newer = rules_url ("/newer.json");
  g_autofree char *shared = scratch_path ("shared");
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autofree char *inside = g_build_filename (shared, "rules.json", NULL);
  g_auto(Run) update = { 0 };
  GStatBuf st;

  rules_server.newer = test_dataset_with_version ("2026.12.1");
  g_assert_no_errno (g_mkdir_with_parents (shared, 0700));
  g_assert_no_errno (g_chmod (shared, 01777));
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  g_assert_no_errno (symlink (shared, directory));

  run_cli_env (&update, without_leak_check, "update-rules", "--url", newer, NULL);
  g_assert_cmpint (update.status, ==, 1);
  g_assert_nonnull (strstr (update.err, APP_ID));
  g_assert_null (strstr (update.err, "cases"));
  g_assert_no_errno (g_stat (shared, &st));
  g_assert_cmpint (st.st_mode & 07777, ==, 01777);
  g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));

  g_unlink (directory);
  soup_server_disconnect (server);
  g_clear_pointer (&rules_server.newer, g_bytes_unref);
  g_clear_pointer (&rules_server.last_if_none_match, g_free);
}

/* revert-rules moves only our own regular file, over our own regular file
 * or nothing: a FIFO or a folder is named and stays where it is. */
static void
test_revert_rules_not_ours (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autofree char *rules = data_file ("rules.json");
  g_autofree char *previous = data_file ("rules.json.previous");
  g_autofree char *inside = g_build_filename (rules, "mine.txt", NULL);
  g_autoptr(GBytes) dataset = test_dataset_with_version ("2026.12.1");
  g_auto(Run) fifo_run = { 0 };
  g_auto(Run) folder_run = { 0 };
  GStatBuf st;

  g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
  g_assert_true (g_file_set_contents (rules, g_bytes_get_data (dataset, NULL),
                                      (gssize) g_bytes_get_size (dataset), NULL));
  g_assert_no_errno (mkfifo (previous, 0600));

  run_cli (&fifo_run, "revert-rules");
  g_assert_cmpint (fifo_run.status, !=, 0);
  g_assert_nonnull (strstr (fifo_run.err, "rules.json.previous"));
  g_assert_no_errno (g_lstat (previous, &st));
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_no_errno (g_lstat (rules, &st));
  g_assert_true (S_ISREG (st.st_mode));

  g_unlink (previous);
  g_unlink (rules);
  g_assert_no_errno (g_mkdir (rules, 0700));
  g_assert_true (g_file_set_contents (inside, "mine", -1, NULL));

  run_cli (&folder_run, "revert-rules");
  g_assert_cmpint (folder_run.status, !=, 0);
  g_assert_nonnull (strstr (folder_run.err, "rules.json"));
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (previous, G_FILE_TEST_EXISTS));

  g_unlink (inside);
  g_rmdir (rules);
}

/* A folder where the downloaded rules belong cannot be set aside: every
 * command says it was left in place, never "set aside". */
static void
test_rules_left_in_place (void)
{
  g_autofree char *rules = data_file ("rules.json");
  g_auto(Run) info = { 0 };

  g_assert_no_errno (g_mkdir_with_parents (rules, 0700));

  run_cli (&info, "rules-info");
  g_assert_cmpint (info.status, ==, 0);
  g_assert_null (strstr (info.err, "set aside"));
  g_assert_nonnull (strstr (info.err, "left in place"));
  g_assert_true (g_file_test (rules, G_FILE_TEST_IS_DIR));
  g_rmdir (rules);
}

/* A redirect loop is a server error (exit 1, "error"); a redirect to a
 * portal names the rule it broke. */
static void
test_update_rules_redirects (void)
{
  g_autoptr(SoupServer) server = start_rules_server ();
  g_autofree char *loop = rules_url ("/loop.json");
  g_autofree char *portal = rules_url ("/portal.json");
  g_autoptr(JsonParser) parser = NULL;
  g_auto(Run) loop_run = { 0 };
  g_auto(Run) portal_run = { 0 };
  JsonObject *root;

  run_cli_env (&loop_run, without_leak_check, "update-rules", "--url", loop, "--json", NULL);
  g_assert_cmpint (loop_run.status, ==, 1);
  root = parse_object (loop_run.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "result"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (root, "problem"), ==, "server-error");
  g_clear_object (&parser);

  run_cli_env (&portal_run, without_leak_check, "update-rules", "--url", portal, NULL);
  g_assert_cmpint (portal_run.status, ==, 2);
  g_assert_nonnull (strstr (portal_run.err, "not allowed"));
  g_assert_null (strstr (portal_run.err, "another kind"));

  soup_server_disconnect (server);
  g_clear_pointer (&rules_server.last_if_none_match, g_free);
}

/* File names in messages: no escape sequence or bidi control reaches the
 * terminal; the name is shown escaped. */
static void
test_names_escaped (void)
{
  g_autofree char *hostile = scratch_path ("x\033[31mred\u202e.json");
  g_auto(Run) assess = { 0 };
  g_auto(Run) validate = { 0 };
  g_auto(Run) unexpected = { 0 };
  g_auto(Run) unknown = { 0 };

  run_cli (&assess, "assess", "--case", hostile);
  g_assert_cmpint (assess.status, !=, 0);
  g_assert_null (strchr (assess.err, '\033'));
  g_assert_null (strstr (assess.err, "\u202e"));
  g_assert_nonnull (strstr (assess.err, "x\\u001B[31mred\\u202E.json"));

  run_cli (&validate, "validate-rules", hostile);
  g_assert_cmpint (validate.status, !=, 0);
  g_assert_null (strchr (validate.err, '\033'));
  g_assert_null (strstr (validate.err, "\u202e"));
  g_assert_nonnull (strstr (validate.err, "\\u202E"));

  /* A stray argument or command, often a file name, is shown escaped too. */
  run_cli (&unexpected, "rules-info", hostile);
  g_assert_cmpint (unexpected.status, ==, 2);
  g_assert_null (strchr (unexpected.err, '\033'));
  g_assert_nonnull (strstr (unexpected.err, "\\u001B"));
  run_cli (&unknown, hostile);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_null (strchr (unknown.err, '\033'));
  g_assert_nonnull (strstr (unknown.err, "\\u001B"));
}

static void
test_help_and_usage (void)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) assess_help = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) version = { 0 };

  run_cli (&help, "--help");
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "assess"));
  g_assert_nonnull (strstr (help.out, "validate-rules"));
  g_assert_nonnull (strstr (help.out, "Exit status"));

  run_cli (&assess_help, "assess", "--help");
  g_assert_cmpint (assess_help.status, ==, 0);
  g_assert_nonnull (strstr (assess_help.out, "--withdrawals-this-month"));
  g_assert_nonnull (strstr (assess_help.out, "--other-party-loss"));

  run_cli (&none, NULL);
  g_assert_cmpint (none.status, ==, 2);

  run_cli (&unknown, "withdraw");
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "withdraw"));

  run_cli (&version, "--version");
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "retract-cli "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  test_signing_init ();

  g_assert_nonnull (g_getenv ("RETRACT_CLI"));

  for (guint i = 0; i < G_N_ELEMENTS (json_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/retract/cli/assess/json/%s", json_cases[i].name);

      g_test_add_data_func (path, &json_cases[i], test_assess_json);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/retract/cli/assess/bad-input/%s",
                                               bad_inputs[i].name);

      g_test_add_data_func (path, &bad_inputs[i], test_bad_input);
    }

  g_test_add_func ("/retract/cli/assess/json-shape", test_assess_json_shape);
  g_test_add_func ("/retract/cli/assess/json-window", test_assess_json_window);
  g_test_add_func ("/retract/cli/assess/case-file", test_assess_case_file);
  g_test_add_func ("/retract/cli/case-file/new-members", test_case_file_new_members);
  g_test_add_func ("/retract/cli/assess/languages", test_assess_human_languages);
  g_test_add_func ("/retract/cli/letter/formats", test_letter_formats);
  g_test_add_func ("/retract/cli/letter/usage", test_letter_usage);
  g_test_add_func ("/retract/cli/letter/parties", test_letter_parties);
  g_test_add_func ("/retract/cli/letter/fact-sheet", test_letter_fact_sheet);
  g_test_add_func ("/retract/cli/extremes", test_extremes);
  for (guint i = 0; i < G_N_ELEMENTS (letter_errors); i++)
    {
      g_autofree char *path = g_strdup_printf ("/retract/cli/letter/error/%s", letter_errors[i].name);

      g_test_add_data_func (path, &letter_errors[i], test_letter_error);
    }
  g_test_add_func ("/retract/cli/update-rules", test_update_rules);
  g_test_add_func ("/retract/cli/types", test_types);
  g_test_add_func ("/retract/cli/types-traditional", test_types_traditional);
  g_test_add_func ("/retract/cli/rules-info", test_rules_info);
  g_test_add_func ("/retract/cli/validate-rules", test_validate_rules);
  g_test_add_func ("/retract/cli/validate-rules/hostile-text", test_hostile_rules);
  g_test_add_func ("/retract/cli/help-and-usage", test_help_and_usage);
  g_test_add_func ("/retract/cli/not-regular-files", test_not_regular_files);
  g_test_add_func ("/retract/cli/output-checks", test_output_checks);
  g_test_add_func ("/retract/cli/update-io-error", test_update_io_error);
  g_test_add_func ("/retract/cli/update-rules/own-links", test_update_rules_own_links);
  g_test_add_func ("/retract/cli/update-rules/linked-folder", test_update_rules_linked_folder);
  g_test_add_func ("/retract/cli/update-rules/redirects", test_update_rules_redirects);
  g_test_add_func ("/retract/cli/revert-rules/not-ours", test_revert_rules_not_ours);
  g_test_add_func ("/retract/cli/rules-left-in-place", test_rules_left_in_place);
  g_test_add_func ("/retract/cli/names-escaped", test_names_escaped);

  return g_test_run ();
}
