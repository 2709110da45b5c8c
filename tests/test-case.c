/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "retract-case.h"
#include "retract-error.h"
#include "retract-time.h"
#include "retract-validators.h"

#define NAME "case.json"

static const char example_case[] =
  "{\"format\": 1, \"platform\": \"wechat\", \"type\": \"friend-report\", "
  "\"filed_at\": \"2026-11-24T10:00:00+08:00\", \"mistake\": \"misoperation\", "
  "\"scenarios\": [\"enterprise\"], \"withdrawals_this_month\": 0, \"other_party_loss\": false, "
  "\"applicant\": {\"name\": \"张三\", \"wechat_id\": \"zhangsan_01\", \"phone\": \"13800138000\", "
  "\"id_number\": \"11010519491231002X\"}, \"complaint_number\": \"WX20261124001\", "
  "\"respondent\": \"李四\", \"narrative\": \"…what happened…\", "
  "\"reason\": \"…why it was a mistake…\"}";

static RetractCase *
load_case (const char *text,
           GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return retract_case_new_from_bytes (bytes, NAME, error);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("retract-test-case-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static GPtrArray *
list_dir (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  return names;
}

/* Personal data must never be echoed: no run of 6 characters of the value
 * (or all of it, when shorter) appears in the message. */
static void
assert_not_echoed (const char *message,
                   const char *value)
{
  gsize length = strlen (value);
  gsize window = MIN (length, 6);

  if (length < 4)
    return;

  for (gsize i = 0; i + window <= length; i++)
    {
      g_autofree char *piece = g_strndup (value + i, window);

      if (strstr (message, piece) != NULL)
        g_error ("message “%s” repeats “%s” of a validated value", message, piece);
    }
}

/* Properties */

typedef struct
{
  guint       count;
  GPtrArray  *names;
} NotifyLog;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  NotifyLog *log = user_data;

  log->count++;
  g_ptr_array_add (log->names, g_strdup (pspec->name));
}

static void
notify_log_expect (NotifyLog  *log,
                   guint       count,
                   const char *last_name)
{
  g_assert_cmpuint (log->count, ==, count);
  if (last_name != NULL)
    g_assert_cmpstr (g_ptr_array_index (log->names, log->names->len - 1), ==, last_name);
}

static void
test_notify_strings (void)
{
  RetractCase *self = retract_case_new ();
  NotifyLog log = { 0, g_ptr_array_new_with_free_func (g_free) };

  g_signal_connect (self, "notify", G_CALLBACK (on_notify), &log);

  retract_case_set_platform (self, "wechat");
  notify_log_expect (&log, 1, "platform");
  retract_case_set_platform (self, "wechat");
  notify_log_expect (&log, 1, NULL);
  retract_case_set_platform (self, "alipay");
  notify_log_expect (&log, 2, "platform");
  retract_case_set_platform (self, NULL);
  notify_log_expect (&log, 3, "platform");
  g_assert_null (retract_case_get_platform (self));
  /* Empty means unanswered: no change from NULL. */
  retract_case_set_platform (self, "");
  notify_log_expect (&log, 3, NULL);
  g_assert_null (retract_case_get_platform (self));

  retract_case_set_complaint_type (self, "friend-report");
  retract_case_set_complaint_type (self, "friend-report");
  notify_log_expect (&log, 4, "complaint-type");
  retract_case_set_complaint_type (self, "");
  notify_log_expect (&log, 5, "complaint-type");
  g_assert_null (retract_case_get_complaint_type (self));

  /* The mistake falls back to its default. */
  g_assert_cmpstr (retract_case_get_mistake (self), ==, RETRACT_DEFAULT_MISTAKE);
  retract_case_set_mistake (self, RETRACT_DEFAULT_MISTAKE);
  retract_case_set_mistake (self, NULL);
  retract_case_set_mistake (self, "");
  notify_log_expect (&log, 5, NULL);
  retract_case_set_mistake (self, "misstatement");
  retract_case_set_mistake (self, "misstatement");
  notify_log_expect (&log, 6, "mistake");
  retract_case_set_mistake (self, "");
  notify_log_expect (&log, 7, "mistake");
  g_assert_cmpstr (retract_case_get_mistake (self), ==, RETRACT_DEFAULT_MISTAKE);

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    {
      guint before = log.count;

      retract_case_set_detail (self, i, "张三");
      retract_case_set_detail (self, i, "张三");
      g_assert_cmpuint (log.count, ==, before + 1);
      g_assert_cmpstr (retract_case_get_detail (self, i), ==, "张三");
      retract_case_set_detail (self, i, "");
      g_assert_cmpuint (log.count, ==, before + 2);
      g_assert_null (retract_case_get_detail (self, i));
      retract_case_set_detail (self, i, NULL);
      g_assert_cmpuint (log.count, ==, before + 2);
    }

  g_signal_handlers_disconnect_by_data (self, &log);
  g_ptr_array_unref (log.names);
  g_assert_finalize_object (self);
}

static void
test_notify_detail_names (void)
{
  static const char * const properties[RETRACT_N_DETAILS] = {
    "applicant-name", "applicant-wechat-id", "applicant-phone", "applicant-id-number",
    "complaint-number", "respondent", "narrative", "reason",
    "guardian-name", "guardian-relationship", "guardian-phone", "guardian-id-number",
    "enterprise-name", "enterprise-credit-code",
  };
  static const char * const fields[RETRACT_N_DETAILS] = {
    "applicant.name", "applicant.wechat_id", "applicant.phone", "applicant.id_number",
    "complaint_number", "respondent", "narrative", "reason",
    "guardian.name", "guardian.relationship", "guardian.phone", "guardian.id_number",
    "enterprise.name", "enterprise.credit_code",
  };
  RetractCase *self = retract_case_new ();
  NotifyLog log = { 0, g_ptr_array_new_with_free_func (g_free) };

  g_signal_connect (self, "notify", G_CALLBACK (on_notify), &log);

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    {
      g_autofree char *value = NULL;

      g_assert_cmpstr (retract_detail_get_field_name (i), ==, fields[i]);
      retract_case_set_detail (self, i, fields[i]);
      notify_log_expect (&log, 2 * i + 1, properties[i]);

      /* The property and the detail are the same value. */
      g_object_get (self, properties[i], &value, NULL);
      g_assert_cmpstr (value, ==, fields[i]);
      g_object_set (self, properties[i], fields[i], NULL);
      notify_log_expect (&log, 2 * i + 1, NULL);
      g_object_set (self, properties[i], "other", NULL);
      notify_log_expect (&log, 2 * i + 2, properties[i]);
      g_assert_cmpstr (retract_case_get_detail (self, i), ==, "other");
    }

  g_signal_handlers_disconnect_by_data (self, &log);
  g_ptr_array_unref (log.names);
  g_assert_finalize_object (self);
}

static void
test_notify_values (void)
{
  RetractCase *self = retract_case_new ();
  NotifyLog log = { 0, g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(GDateTime) beijing = retract_time_parse ("2026-11-24T10:00:00+08:00", NULL);
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 11, 24, 2, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_add_minutes (beijing, 1);
  int withdrawals = -1;
  gboolean loss = TRUE;

  g_signal_connect (self, "notify", G_CALLBACK (on_notify), &log);

  retract_case_set_withdrawals_this_month (self, 0);
  notify_log_expect (&log, 0, NULL);
  retract_case_set_withdrawals_this_month (self, 3);
  retract_case_set_withdrawals_this_month (self, 3);
  notify_log_expect (&log, 1, "withdrawals-this-month");
  g_object_set (self, "withdrawals-this-month", 3, NULL);
  notify_log_expect (&log, 1, NULL);
  g_object_get (self, "withdrawals-this-month", &withdrawals, NULL);
  g_assert_cmpint (withdrawals, ==, 3);

  retract_case_set_other_party_loss (self, FALSE);
  notify_log_expect (&log, 1, NULL);
  retract_case_set_other_party_loss (self, TRUE);
  notify_log_expect (&log, 2, "other-party-loss");
  /* Any non-zero value is TRUE: not a change. */
  retract_case_set_other_party_loss (self, 2);
  notify_log_expect (&log, 2, NULL);
  g_assert_true (retract_case_get_other_party_loss (self));
  g_object_get (self, "other-party-loss", &loss, NULL);
  g_assert_true (loss);

  /* Equal instants are the same time, whatever the object or the zone. */
  retract_case_set_filed_at (self, NULL);
  notify_log_expect (&log, 2, NULL);
  retract_case_set_filed_at (self, beijing);
  notify_log_expect (&log, 3, "filed-at");
  retract_case_set_filed_at (self, beijing);
  retract_case_set_filed_at (self, utc);
  notify_log_expect (&log, 3, NULL);
  g_assert_true (retract_case_get_filed_at (self) == beijing);
  retract_case_set_filed_at (self, later);
  notify_log_expect (&log, 4, "filed-at");
  retract_case_set_filed_at (self, NULL);
  notify_log_expect (&log, 5, "filed-at");
  g_assert_null (retract_case_get_filed_at (self));

  g_signal_handlers_disconnect_by_data (self, &log);
  g_ptr_array_unref (log.names);
  g_assert_finalize_object (self);
}

static void
assert_scenarios (RetractCase        *self,
                  const char * const *expected)
{
  const char * const *scenarios = retract_case_get_scenarios (self);
  g_auto(GStrv) property = NULL;

  g_assert_nonnull (scenarios);
  g_assert_cmpstrv (scenarios, expected);
  g_object_get (self, "scenarios", &property, NULL);
  g_assert_cmpstrv (property, expected);
}

static void
test_scenarios (void)
{
  static const char * const none[] = { NULL };
  static const char * const two[] = { "enterprise", "cross-border", NULL };
  static const char * const repeated[] = { "enterprise", "", "cross-border", "enterprise", NULL };
  static const char * const reversed[] = { "cross-border", "enterprise", NULL };
  static const char * const three[] = { "cross-border", "enterprise", "minor", NULL };
  static const char * const without_enterprise[] = { "cross-border", "minor", NULL };
  RetractCase *self = retract_case_new ();
  NotifyLog log = { 0, g_ptr_array_new_with_free_func (g_free) };

  g_signal_connect (self, "notify", G_CALLBACK (on_notify), &log);

  assert_scenarios (self, none);
  g_assert_false (retract_case_has_scenario (self, "enterprise"));
  retract_case_set_scenarios (self, NULL);
  retract_case_set_scenarios (self, none);
  notify_log_expect (&log, 0, NULL);

  retract_case_set_scenarios (self, two);
  notify_log_expect (&log, 1, "scenarios");
  assert_scenarios (self, two);
  g_assert_true (retract_case_has_scenario (self, "enterprise"));
  g_assert_true (retract_case_has_scenario (self, "cross-border"));
  g_assert_false (retract_case_has_scenario (self, "minor"));

  /* Duplicates and empty ids are dropped, so this is no change. */
  retract_case_set_scenarios (self, repeated);
  notify_log_expect (&log, 1, NULL);
  assert_scenarios (self, two);

  /* Order is kept, so this is a change. */
  retract_case_set_scenarios (self, reversed);
  notify_log_expect (&log, 2, "scenarios");
  assert_scenarios (self, reversed);

  retract_case_set_scenario_enabled (self, "enterprise", TRUE);
  notify_log_expect (&log, 2, NULL);
  retract_case_set_scenario_enabled (self, "minor", TRUE);
  notify_log_expect (&log, 3, "scenarios");
  retract_case_set_scenario_enabled (self, "minor", TRUE);
  notify_log_expect (&log, 3, NULL);
  assert_scenarios (self, three);

  retract_case_set_scenario_enabled (self, "enterprise", FALSE);
  notify_log_expect (&log, 4, "scenarios");
  retract_case_set_scenario_enabled (self, "enterprise", FALSE);
  retract_case_set_scenario_enabled (self, "judicial", FALSE);
  notify_log_expect (&log, 4, NULL);
  assert_scenarios (self, without_enterprise);

  g_object_set (self, "scenarios", without_enterprise, NULL);
  notify_log_expect (&log, 4, NULL);
  g_object_set (self, "scenarios", NULL, NULL);
  notify_log_expect (&log, 5, "scenarios");
  assert_scenarios (self, none);

  g_signal_handlers_disconnect_by_data (self, &log);
  g_ptr_array_unref (log.names);
  g_assert_finalize_object (self);
}

/* Loading and saving */

static void
test_example_loads (void)
{
  static const char * const scenarios[] = { "enterprise", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) expected_time = g_date_time_new_utc (2026, 11, 24, 2, 0, 0);
  g_autofree char *iso = NULL;
  RetractCase *self;

  self = load_case (example_case, &error);
  g_assert_no_error (error);
  g_assert_nonnull (self);

  g_assert_cmpstr (retract_case_get_platform (self), ==, "wechat");
  g_assert_cmpstr (retract_case_get_complaint_type (self), ==, "friend-report");
  g_assert_true (g_date_time_equal (retract_case_get_filed_at (self), expected_time));
  iso = retract_time_format_iso (retract_case_get_filed_at (self));
  g_assert_cmpstr (iso, ==, "2026-11-24T10:00:00+08:00");
  g_assert_cmpstr (retract_case_get_mistake (self), ==, "misoperation");
  g_assert_cmpstrv (retract_case_get_scenarios (self), scenarios);
  g_assert_cmpint (retract_case_get_withdrawals_this_month (self), ==, 0);
  g_assert_false (retract_case_get_other_party_loss (self));
  g_assert_cmpstr (retract_case_get_detail (self, RETRACT_DETAIL_APPLICANT_NAME), ==, "张三");
  g_assert_cmpstr (retract_case_get_detail (self, RETRACT_DETAIL_APPLICANT_WECHAT_ID), ==,
                   "zhangsan_01");
  g_assert_cmpstr (retract_case_get_detail (self, RETRACT_DETAIL_APPLICANT_PHONE), ==,
                   "13800138000");
  g_assert_cmpstr (retract_case_get_detail (self, RETRACT_DETAIL_APPLICANT_ID_NUMBER), ==,
                   "11010519491231002X");
  g_assert_cmpstr (retract_case_get_detail (self, RETRACT_DETAIL_COMPLAINT_NUMBER), ==,
                   "WX20261124001");
  g_assert_cmpstr (retract_case_get_detail (self, RETRACT_DETAIL_RESPONDENT), ==, "李四");
  g_assert_cmpstr (retract_case_get_detail (self, RETRACT_DETAIL_NARRATIVE), ==,
                   "…what happened…");
  g_assert_cmpstr (retract_case_get_detail (self, RETRACT_DETAIL_REASON), ==,
                   "…why it was a mistake…");

  /* The example's details are all valid. */
  g_assert_true (retract_case_validate_details (self, NULL, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (self);
}

static void
test_minimal_loads (void)
{
  static const char * const none[] = { NULL };
  static const char text[] =
    "{\"format\": 1, \"platform\": null, \"applicant\": null, \"scenarios\": null, "
    "\"respondent\": \"\", \"narrative\": null}";
  g_autoptr(GError) error = NULL;
  RetractCase *self;

  self = load_case (text, &error);
  g_assert_no_error (error);
  g_assert_null (retract_case_get_platform (self));
  g_assert_null (retract_case_get_complaint_type (self));
  g_assert_null (retract_case_get_filed_at (self));
  g_assert_cmpstr (retract_case_get_mistake (self), ==, RETRACT_DEFAULT_MISTAKE);
  g_assert_cmpstrv (retract_case_get_scenarios (self), none);
  g_assert_cmpint (retract_case_get_withdrawals_this_month (self), ==, 0);
  g_assert_false (retract_case_get_other_party_loss (self));
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    g_assert_null (retract_case_get_detail (self, i));
  g_assert_finalize_object (self);

  self = load_case ("{\"format\": 1, \"withdrawals_this_month\": 2147483647}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (retract_case_get_withdrawals_this_month (self), ==, G_MAXINT32);
  g_assert_finalize_object (self);
}

static char *
make_narrative (guint chars)
{
  static const char pattern[] =
    "我在群里误点了“投诉”。\n\t\"quoted\" back\\slash /slash \xF0\x9F\x98\x80 é ";
  g_autoptr(GString) text = g_string_new (NULL);

  while ((guint) g_utf8_strlen (text->str, -1) < chars)
    g_string_append (text, pattern);

  return g_utf8_substring (text->str, 0, chars);
}

static void
assert_same_case (RetractCase *a,
                  RetractCase *b)
{
  GDateTime *a_time = retract_case_get_filed_at (a);
  GDateTime *b_time = retract_case_get_filed_at (b);

  g_assert_cmpstr (retract_case_get_platform (a), ==, retract_case_get_platform (b));
  g_assert_cmpstr (retract_case_get_complaint_type (a), ==,
                   retract_case_get_complaint_type (b));
  g_assert_true ((a_time == NULL) == (b_time == NULL));
  if (a_time != NULL)
    g_assert_true (g_date_time_equal (a_time, b_time));
  g_assert_cmpstr (retract_case_get_mistake (a), ==, retract_case_get_mistake (b));
  g_assert_cmpstrv (retract_case_get_scenarios (a), retract_case_get_scenarios (b));
  g_assert_cmpint (retract_case_get_withdrawals_this_month (a), ==,
                   retract_case_get_withdrawals_this_month (b));
  g_assert_cmpint (retract_case_get_other_party_loss (a), ==,
                   retract_case_get_other_party_loss (b));
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    g_assert_cmpstr (retract_case_get_detail (a, i), ==, retract_case_get_detail (b, i));
  for (guint i = 0; i < RETRACT_N_ID_HOLDERS; i++)
    {
      g_assert_cmpint (retract_case_get_id_document_type (a, i), ==,
                       retract_case_get_id_document_type (b, i));
      g_assert_cmpint (retract_case_get_id_document_type_chosen (a, i), ==,
                       retract_case_get_id_document_type_chosen (b, i));
    }
}

static RetractCase *
make_full_case (void)
{
  static const char * const scenarios[] = { "cross-border", "enterprise", "minor", NULL };
  RetractCase *self = retract_case_new ();
  g_autoptr(GDateTime) filed_at = g_date_time_new_utc (2026, 11, 24, 20, 30, 15);
  g_autofree char *narrative = make_narrative (100000);

  g_assert_cmpint (g_utf8_strlen (narrative, -1), ==, 100000);

  retract_case_set_platform (self, "wechat");
  retract_case_set_complaint_type (self, "friend-report");
  retract_case_set_filed_at (self, filed_at);
  retract_case_set_mistake (self, "misstatement");
  retract_case_set_scenarios (self, scenarios);
  retract_case_set_withdrawals_this_month (self, 2);
  retract_case_set_other_party_loss (self, TRUE);
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_NAME, "张三");
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_WECHAT_ID, "zhangsan_01");
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_PHONE, "+852 9123 4567");
  retract_case_set_id_document_type (self, RETRACT_ID_HOLDER_APPLICANT,
                                     RETRACT_ID_DOCUMENT_MAINLAND_ID);
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "11010519491231002x");
  retract_case_set_detail (self, RETRACT_DETAIL_COMPLAINT_NUMBER, "WX20261124001");
  retract_case_set_detail (self, RETRACT_DETAIL_RESPONDENT, "李四 “老李” \"Li\" \\ 🙂");
  retract_case_set_detail (self, RETRACT_DETAIL_GUARDIAN_NAME, "张大山");
  retract_case_set_detail (self, RETRACT_DETAIL_GUARDIAN_RELATIONSHIP, "父亲");
  retract_case_set_detail (self, RETRACT_DETAIL_GUARDIAN_PHONE, "+853 6123 4567");
  retract_case_set_id_document_type (self, RETRACT_ID_HOLDER_GUARDIAN, RETRACT_ID_DOCUMENT_HK_ID);
  retract_case_set_detail (self, RETRACT_DETAIL_GUARDIAN_ID_NUMBER, "a123456(3)");
  retract_case_set_detail (self, RETRACT_DETAIL_ENTERPRISE_NAME, "深圳市腾讯计算机系统有限公司");
  retract_case_set_detail (self, RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE, "91440300708461136T");
  retract_case_set_detail (self, RETRACT_DETAIL_NARRATIVE, narrative);
  retract_case_set_detail (self, RETRACT_DETAIL_REASON,
                           "手滑点错了,并非本意。\r\nA slip of the finger.\u2028End");

  return self;
}

static void
test_round_trip (void)
{
  RetractCase *original = make_full_case ();
  RetractCase *copy;
  g_autofree char *json = retract_case_to_json (original);
  g_autofree char *json_again = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;

  copy = retract_case_new_from_bytes (bytes, NAME, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  assert_same_case (original, copy);
  g_assert_cmpint (g_utf8_strlen (retract_case_get_detail (copy, RETRACT_DETAIL_NARRATIVE), -1),
                   ==, 100000);

  /* Saving is stable. */
  json_again = retract_case_to_json (copy);
  g_assert_cmpstr (json, ==, json_again);

  g_assert_finalize_object (original);
  g_assert_finalize_object (copy);
}

static void
test_round_trip_empty (void)
{
  RetractCase *original = retract_case_new ();
  RetractCase *copy;
  g_autofree char *json = retract_case_to_json (original);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;

  /* Unanswered details are left out rather than written as empty. */
  g_assert_null (strstr (json, "applicant"));
  g_assert_null (strstr (json, "narrative"));
  g_assert_null (strstr (json, "filed_at"));

  copy = retract_case_new_from_bytes (bytes, NAME, &error);
  g_assert_no_error (error);
  assert_same_case (original, copy);

  g_assert_finalize_object (original);
  g_assert_finalize_object (copy);
}

/* Strict loading */

typedef struct
{
  const char      *name;
  const char      *text;
  RetractDataError code;
  const char      *message;
} Rejection;

/* A format-2 case up to its last member. */
#define FORMAT_2_HEAD "{\"format\": 2, \"id\": \"0123456789abcdef0123456789abcdef\", " \
  "\"account\": \"\", \"created_at\": \"2026-11-24T10:00:00+08:00\", " \
  "\"updated_at\": \"2026-11-24T10:00:00+08:00\", \"revision\": 1, \"events\": [], "

#define CASE_KEYS "format, platform, type, filed_at, mistake, scenarios, " \
                  "withdrawals_this_month, other_party_loss, applicant, guardian, enterprise, " \
                  "complaint_number, " \
                  "respondent, narrative, reason, materials, step"

static const Rejection rejections[] = {
  { "unknown-key",
    "{\n  \"format\": 1,\n  \"colour\": \"red\"\n}",
    RETRACT_DATA_ERROR_UNKNOWN_KEY,
    NAME ":3:3: $.colour: unknown key “colour”; expected one of: " CASE_KEYS },
  { "unknown-key/applicant",
    "{\n  \"format\": 1,\n  \"applicant\": {\n    \"name\": \"张三\",\n    \"age\": 30\n  }\n}",
    RETRACT_DATA_ERROR_UNKNOWN_KEY,
    NAME ":5:5: $.applicant.age: unknown key “age”; "
    "expected one of: name, wechat_id, phone, id_document, id_number" },
  { "unknown-key/case-differs",
    "{\"format\": 1, \"Platform\": \"wechat\"}",
    RETRACT_DATA_ERROR_UNKNOWN_KEY,
    NAME ":1:15: $.Platform: unknown key “Platform”; expected one of: " CASE_KEYS },
  { "wrong-type/withdrawals-string",
    "{\n  \"format\": 1,\n  \"withdrawals_this_month\": \"3\"\n}",
    RETRACT_DATA_ERROR_WRONG_TYPE,
    NAME ":3:3: $.withdrawals_this_month: expected an integer, found a string" },
  { "wrong-type/withdrawals-decimal",
    "{\n  \"format\": 1,\n  \"withdrawals_this_month\": 1.5\n}",
    RETRACT_DATA_ERROR_WRONG_TYPE,
    NAME ":3:3: $.withdrawals_this_month: expected an integer, found a decimal number" },
  { "wrong-type/other-party-loss",
    "{\n  \"format\": 1,\n  \"other_party_loss\": \"yes\"\n}",
    RETRACT_DATA_ERROR_WRONG_TYPE,
    NAME ":3:3: $.other_party_loss: expected true or false, found a string" },
  { "wrong-type/other-party-loss-number",
    "{\n  \"format\": 1,\n  \"other_party_loss\": 0\n}",
    RETRACT_DATA_ERROR_WRONG_TYPE,
    NAME ":3:3: $.other_party_loss: expected true or false, found an integer" },
  { "wrong-type/platform",
    "{\n  \"format\": 1,\n  \"platform\": [\"wechat\"]\n}",
    RETRACT_DATA_ERROR_WRONG_TYPE,
    NAME ":3:3: $.platform: expected a string, found an array" },
  { "wrong-type/applicant",
    "{\n  \"format\": 1,\n  \"applicant\": \"张三\"\n}",
    RETRACT_DATA_ERROR_WRONG_TYPE,
    NAME ":3:3: $.applicant: expected an object, found a string" },
  { "wrong-type/applicant-phone",
    "{\n  \"format\": 1,\n  \"applicant\": {\"phone\": 13800138000}\n}",
    RETRACT_DATA_ERROR_WRONG_TYPE,
    NAME ":3:17: $.applicant.phone: expected a string, found an integer" },
  { "wrong-type/narrative",
    "{\n  \"format\": 1,\n  \"narrative\": {\"text\": \"…\"}\n}",
    RETRACT_DATA_ERROR_WRONG_TYPE,
    NAME ":3:3: $.narrative: expected a string, found an object" },
  { "wrong-type/scenarios",
    "{\n  \"format\": 1,\n  \"scenarios\": \"enterprise\"\n}",
    RETRACT_DATA_ERROR_WRONG_TYPE,
    NAME ":3:3: $.scenarios: expected an array, found a string" },
  { "wrong-type/scenario-id",
    "{\n  \"format\": 1,\n  \"scenarios\": [\"enterprise\", 1]\n}",
    RETRACT_DATA_ERROR_WRONG_TYPE,
    NAME ":3:31: $.scenarios[1]: expected a scenario id" },
  { "wrong-type/empty-scenario-id",
    "{\n  \"format\": 1,\n  \"scenarios\": [\"\"]\n}",
    RETRACT_DATA_ERROR_WRONG_TYPE,
    NAME ":3:17: $.scenarios[0]: expected a scenario id" },
  { "wrong-type/root",
    "[{\"format\": 1}]",
    RETRACT_DATA_ERROR_WRONG_TYPE,
    NAME ":1:1: $: expected an object, found an array" },
  { "out-of-range/negative-withdrawals",
    "{\n  \"format\": 1,\n  \"withdrawals_this_month\": -1\n}",
    RETRACT_DATA_ERROR_OUT_OF_RANGE,
    NAME ":3:3: $.withdrawals_this_month: -1 is out of range (0–2147483647)" },
  { "out-of-range/withdrawals-over-int",
    "{\n  \"format\": 1,\n  \"withdrawals_this_month\": 2147483648\n}",
    RETRACT_DATA_ERROR_OUT_OF_RANGE,
    NAME ":3:3: $.withdrawals_this_month: 2147483648 is out of range (0–2147483647)" },
  { "format/missing",
    "{\n  \"platform\": \"wechat\"\n}",
    RETRACT_DATA_ERROR_MISSING,
    NAME ":1:1: $: required key “format” is missing" },
  { "format/newer",
    "{\n  \"format\": 3,\n  \"platform\": \"wechat\"\n}",
    RETRACT_DATA_ERROR_UNSUPPORTED,
    NAME ":2:3: $.format: this case was saved by a newer version of Retract "
    "(format 3; this version reads format 2)" },
  { "format/newer-with-new-keys",
    "{\n  \"format\": 3,\n  \"attachments\": []\n}",
    RETRACT_DATA_ERROR_UNSUPPORTED,
    NAME ":2:3: $.format: this case was saved by a newer version of Retract "
    "(format 3; this version reads format 2)" },
  { "format/zero",
    "{\"format\": 0}",
    RETRACT_DATA_ERROR_OUT_OF_RANGE,
    NAME ":1:2: $.format: 0 is out of range (1–2147483647)" },
  { "format/string",
    "{\"format\": \"1\"}",
    RETRACT_DATA_ERROR_WRONG_TYPE,
    NAME ":1:2: $.format: expected an integer, found a string" },
  { "filed-at/words",
    "{\n  \"format\": 1,\n  \"filed_at\": \"yesterday\"\n}",
    RETRACT_DATA_ERROR_BAD_VALUE,
    NAME ":3:3: $.filed_at: “yesterday” is not a valid date and time; write it like "
    "2026-11-24T10:00:00+08:00 or 2026-11-24 10:00 (Beijing time)" },
  { "filed-at/impossible-date",
    "{\n  \"format\": 1,\n  \"filed_at\": \"2026-02-30T10:00:00+08:00\"\n}",
    RETRACT_DATA_ERROR_BAD_VALUE,
    NAME ":3:3: $.filed_at: “2026-02-30T10:00:00+08:00” is not a valid date and time; "
    "write it like 2026-11-24T10:00:00+08:00 or 2026-11-24 10:00 (Beijing time)" },
  { "filed-at/number",
    "{\n  \"format\": 1,\n  \"filed_at\": 1795485600\n}",
    RETRACT_DATA_ERROR_WRONG_TYPE,
    NAME ":3:3: $.filed_at: expected a string, found an integer" },
  { "mistake/empty",
    "{\n  \"format\": 1,\n  \"mistake\": \"\"\n}",
    RETRACT_DATA_ERROR_BAD_VALUE,
    NAME ":3:3: $.mistake: must not be empty" },
  { "scenarios/duplicate",
    "{\n  \"format\": 1,\n  \"scenarios\": [\"enterprise\", \"cross-border\", \"enterprise\"]\n}",
    RETRACT_DATA_ERROR_BAD_VALUE,
    NAME ":3:47: $.scenarios[2]: scenario “enterprise” is listed twice" },
  { "duplicate-key",
    "{\n  \"format\": 1,\n  \"format\": 1\n}",
    RETRACT_DATA_ERROR_DUPLICATE_KEY,
    NAME ":3:3: duplicate key “format” in $" },
  { "duplicate-key/applicant",
    "{\"format\": 1, \"applicant\": {\"name\": \"a\", \"name\": \"b\"}}",
    RETRACT_DATA_ERROR_DUPLICATE_KEY,
    NAME ":1:42: duplicate key “name” in $.applicant" },
  { "too-deep",
    "{\"format\": 1, \"narrative\": [[[[[[[[[[]]]]]]]]]]}",
    RETRACT_DATA_ERROR_TOO_DEEP,
    NAME ":1:35: nesting is deeper than 8 levels" },
  { "invalid-utf8",
    "{\"format\": 1, \"respondent\": \"李\xff\"}",
    RETRACT_DATA_ERROR_INVALID_UTF8,
    NAME ":1:31: invalid UTF-8 (byte 0xFF)" },
  { "syntax",
    "{\n  \"format\": 1,\n  \"respondent\": '李四'\n}",
    RETRACT_DATA_ERROR_SYNTAX,
    NAME ":3:17: expected a value, found “'”" },
  { "empty",
    "",
    RETRACT_DATA_ERROR_EMPTY,
    NAME ":1:1: the document is empty" },
  { "trailing-data",
    "{\"format\": 1}\n{\"format\": 1}",
    RETRACT_DATA_ERROR_TRAILING_DATA,
    NAME ":2:1: found “{” after the end of the document" },
  { "id-document/unknown-type",
    "{\"format\": 1, \"applicant\": {\"id_document\": {\"type\": \"hk\", \"number\": \"A\"}}}",
    RETRACT_DATA_ERROR_BAD_VALUE,
    NAME ":1:45: $.applicant.id_document.type: unknown identity document type “hk”; expected "
    "one of: mainland-id, hk-id, macau-id, hk-macau-permit, hkmt-residence-permit, passport" },
  { "id-document/no-type",
    "{\"format\": 1, \"applicant\": {\"id_document\": {\"number\": \"A123456(3)\"}}}",
    RETRACT_DATA_ERROR_MISSING,
    NAME ":1:29: $.applicant.id_document: required key “type” is missing" },
  { "id-document/unknown-key",
    "{\"format\": 1, \"applicant\": {\"id_document\": {\"type\": \"hk-id\", \"expiry\": \"2030\"}}}",
    RETRACT_DATA_ERROR_UNKNOWN_KEY,
    NAME ":1:62: $.applicant.id_document.expiry: unknown key “expiry”; expected one of: type, "
    "number" },
  { "id-document/not-an-object",
    "{\"format\": 1, \"applicant\": {\"id_document\": \"A123456(3)\"}}",
    RETRACT_DATA_ERROR_WRONG_TYPE,
    NAME ":1:29: $.applicant.id_document: expected an object, found a string" },
  { "id-document/and-id-number",
    "{\"format\": 1, \"applicant\": {\"id_number\": \"11010519491231002X\", "
    "\"id_document\": {\"type\": \"mainland-id\"}}}",
    RETRACT_DATA_ERROR_BAD_VALUE,
    NAME ":1:29: $.applicant.id_number: give the number once, in “id_document”; “id_number” "
    "is its older form" },
  { "guardian/format-1",
    "{\"format\": 1, \"guardian\": {\"name\": \"张大山\", \"age\": 40}}",
    RETRACT_DATA_ERROR_UNKNOWN_KEY,
    NAME ":1:43: $.guardian.age: unknown key “age”; expected one of: name, relationship, "
    "phone, id_document" },
  { "guardian/unknown-key",
    FORMAT_2_HEAD "\"guardian\": {\"name\": \"张大山\", \"age\": 40}}",
    RETRACT_DATA_ERROR_UNKNOWN_KEY,
    NAME ":1:215: $.guardian.age: unknown key “age”; expected one of: name, relationship, "
    "phone, id_document" },
  { "guardian/no-legacy-id-number",
    FORMAT_2_HEAD "\"guardian\": {\"id_number\": \"11010519491231002X\"}}",
    RETRACT_DATA_ERROR_UNKNOWN_KEY,
    NAME ":1:200: $.guardian.id_number: unknown key “id_number”; expected one of: name, "
    "relationship, phone, id_document" },
  { "guardian/id-document-type",
    FORMAT_2_HEAD "\"guardian\": {\"id_document\": {\"type\": 1}}}",
    RETRACT_DATA_ERROR_WRONG_TYPE,
    NAME ":1:216: $.guardian.id_document.type: expected a string, found an integer" },
  { "enterprise/unknown-key",
    FORMAT_2_HEAD "\"enterprise\": {\"credit\": \"91440300708461136T\"}}",
    RETRACT_DATA_ERROR_UNKNOWN_KEY,
    NAME ":1:202: $.enterprise.credit: unknown key “credit”; expected one of: name, "
    "credit_code" },
  { "enterprise/wrong-type",
    FORMAT_2_HEAD "\"enterprise\": {\"credit_code\": 914403007}}",
    RETRACT_DATA_ERROR_WRONG_TYPE,
    NAME ":1:202: $.enterprise.credit_code: expected a string, found an integer" },
};

static void
test_rejects (gconstpointer data)
{
  const Rejection *rejection = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractCase) self = NULL;

  self = load_case (rejection->text, &error);
  g_assert_null (self);
  g_assert_error (error, RETRACT_DATA_ERROR, (gint) rejection->code);
  g_assert_cmpstr (error->message, ==, rejection->message);
}

static void
test_rejects_too_large (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": 1, \"narrative\": \"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractCase) self = NULL;

  while (text->len < RETRACT_CASE_MAX_BYTES)
    g_string_append (text, "aaaaaaaaaaaaaaaa");
  g_string_append (text, "\"}");
  bytes = g_bytes_new (text->str, text->len);

  self = retract_case_new_from_bytes (bytes, NAME, &error);
  g_assert_null (self);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, NAME ": the file is "));
  g_assert_true (g_str_has_suffix (error->message, "bytes; at most 2097152 are accepted"));
}

/* Files */

static void
test_save_mode (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "case.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  RetractCase *self = make_full_case ();
  RetractCase *loaded;
  GStatBuf st;

  g_assert_true (retract_case_save_to_file (self, path, &error));
  g_assert_no_error (error);

  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_true (S_ISREG (st.st_mode));

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  expected = retract_case_to_json (self);
  g_assert_cmpstr (contents, ==, expected);

  loaded = retract_case_new_from_file (path, &error);
  g_assert_no_error (error);
  assert_same_case (self, loaded);

  names = list_dir (dir);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "case.json");

  g_assert_finalize_object (self);
  g_assert_finalize_object (loaded);
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_save_replaces (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "case.json", NULL);
  g_autofree char *old_contents = g_strnfill (500000, 'x');
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  RetractCase *self = retract_case_new ();
  GStatBuf before, after;

  g_file_set_contents (path, old_contents, -1, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_chmod (path, 0644));
  g_assert_no_errno (g_stat (path, &before));

  retract_case_set_platform (self, "alipay");
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_NAME, "王五");
  g_assert_true (retract_case_save_to_file (self, path, &error));
  g_assert_no_error (error);

  /* The old content is gone entirely: nothing of the longer file is left. */
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  expected = retract_case_to_json (self);
  g_assert_cmpstr (contents, ==, expected);
  g_assert_null (strstr (contents, "xxx"));

  /* A new file was renamed over the old one, and it is private. */
  g_assert_no_errno (g_stat (path, &after));
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);
  g_assert_cmpint (after.st_mode & 07777, ==, 0600);

  /* No temporary file is left behind. */
  names = list_dir (dir);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "case.json");

  g_assert_finalize_object (self);
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_save_missing_dir (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *path = g_build_filename (missing, "case.json", NULL);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  RetractCase *self = make_full_case ();

  g_assert_false (retract_case_save_to_file (self, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  names = list_dir (dir);
  g_assert_cmpuint (names->len, ==, 0);

  g_assert_finalize_object (self);
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_load_file_errors (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "case.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractCase) self = NULL;

  g_file_set_contents (path, "{\n  \"format\": 1,\n  \"withdrawals_this_month\": -3\n}", -1,
                       &error);
  g_assert_no_error (error);
  self = retract_case_new_from_file (path, &error);
  g_assert_null (self);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_OUT_OF_RANGE);
  expected = g_strdup_printf ("%s:3:3: $.withdrawals_this_month: -3 is out of range "
                              "(0–2147483647)", path);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_string_append (big, "{\"format\": 1}");
  while (big->len <= RETRACT_CASE_MAX_BYTES)
    g_string_append_c (big, ' ');
  g_file_set_contents (path, big->str, (gssize) big->len, &error);
  g_assert_no_error (error);
  self = retract_case_new_from_file (path, &error);
  g_assert_null (self);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_LARGE);
  g_clear_error (&error);

  self = retract_case_new_from_file (missing, &error);
  g_assert_null (self);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_IO);
  g_clear_error (&error);

  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* Validation */

static void
test_validate_details (void)
{
  g_autoptr(GError) error = NULL;
  RetractCase *self = retract_case_new ();

  /* Nothing answered: nothing wrong. */
  g_assert_true (retract_case_validate_details (self, NULL, &error));
  g_assert_no_error (error);

  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_NAME, "张三");
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_WECHAT_ID, "9zhangsan");
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_PHONE, "12800138000");
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "110105194912310021");
  retract_case_set_detail (self, RETRACT_DETAIL_COMPLAINT_NUMBER, "WX 20261124/001");
  retract_case_set_detail (self, RETRACT_DETAIL_RESPONDENT, "李四");
  retract_case_set_detail (self, RETRACT_DETAIL_NARRATIVE, "第一行\n第二行");

  g_assert_false (retract_case_validate_details (self, NULL, &error));
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "applicant.wechat_id: a WeChat ID has 6–20 characters and starts with a "
                   "letter\n"
                   "applicant.phone: enter a mainland mobile number: 11 digits starting with "
                   "1, optionally with +86\n"
                   "applicant.id_document.number: the check character does not match the other "
                   "digits; one of them is probably mistyped\n"
                   "complaint_number: a complaint number has only letters, digits, “-” and "
                   "“_”; copy it exactly as the platform shows it");
  assert_not_echoed (error->message, "9zhangsan");
  assert_not_echoed (error->message, "12800138000");
  assert_not_echoed (error->message, "110105194912310021");
  assert_not_echoed (error->message, "WX 20261124/001");
  g_clear_error (&error);

  /* Fixing them one by one leaves the others. */
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_WECHAT_ID, "zhangsan_01");
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "11010519491231002X");
  retract_case_set_detail (self, RETRACT_DETAIL_COMPLAINT_NUMBER, "WX20261124001");
  g_assert_false (retract_case_validate_details (self, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "applicant.phone: enter a mainland mobile number: 11 digits starting with "
                   "1, optionally with +86");
  g_clear_error (&error);

  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_PHONE, "138 0013 8000");
  g_assert_true (retract_case_validate_details (self, NULL, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (self);
}

static void
test_validate_details_cross_border (void)
{
  static const char any_message[] =
    "applicant.phone: enter a mainland mobile number (11 digits starting with 1, optionally "
    "+86) or a Hong Kong (+852) or Macau (+853) mobile number";
  g_autoptr(GError) error = NULL;
  RetractCase *self = retract_case_new ();

  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_PHONE, "+852 9123 4567");
  g_assert_false (retract_case_validate_details (self, NULL, &error));
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "applicant.phone: enter a mainland mobile number: 11 digits starting with "
                   "1, optionally with +86");
  assert_not_echoed (error->message, "+85291234567");
  g_clear_error (&error);

  retract_case_set_scenario_enabled (self, "enterprise", TRUE);
  g_assert_false (retract_case_validate_details (self, NULL, &error));
  g_clear_error (&error);

  retract_case_set_scenario_enabled (self, "cross-border", TRUE);
  g_assert_true (retract_case_validate_details (self, NULL, &error));
  g_assert_no_error (error);

  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_PHONE, "+853 6123 4567");
  g_assert_true (retract_case_validate_details (self, NULL, &error));
  g_assert_no_error (error);

  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_PHONE, "+85311234567");
  g_assert_false (retract_case_validate_details (self, NULL, &error));
  g_assert_cmpstr (error->message, ==, any_message);
  assert_not_echoed (error->message, "+85311234567");
  g_clear_error (&error);

  retract_case_set_scenario_enabled (self, "cross-border", FALSE);
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_PHONE, "+85361234567");
  g_assert_false (retract_case_validate_details (self, NULL, &error));
  g_clear_error (&error);

  g_assert_finalize_object (self);
}

static void
test_validate_details_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (24, G_DATE_NOVEMBER, 2026);
  g_autofree char *long_narrative = make_narrative (100001);
  g_autofree char *long_name = g_strnfill (101, 'a');
  g_autofree char *long_respondent = g_strnfill (201, 'b');
  RetractCase *self = retract_case_new ();

  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_NAME, "张\n三");
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "11010520300101001X");
  retract_case_set_detail (self, RETRACT_DETAIL_RESPONDENT, long_respondent);
  retract_case_set_detail (self, RETRACT_DETAIL_NARRATIVE, long_narrative);
  retract_case_set_detail (self, RETRACT_DETAIL_REASON, "误操作\x01");

  /* The ID number's birth date (2030-01-01) is only wrong given a today. */
  g_assert_false (retract_case_validate_details (self, today, &error));
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "applicant.name: contains a line break or control character (U+000A)\n"
                   "applicant.id_document.number: the date of birth in digits 7–14 is in the future\n"
                   "respondent: at most 200 characters, this has 201\n"
                   "narrative: at most 100000 characters, this has 100001\n"
                   "reason: contains a control character (U+0001)");
  g_clear_error (&error);

  /* Without a today, the same ID number passes; the name limit is 100. */
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_NAME, long_name);
  retract_case_set_detail (self, RETRACT_DETAIL_RESPONDENT, "李四");
  retract_case_set_detail (self, RETRACT_DETAIL_NARRATIVE, "第一行\n\t第二行");
  retract_case_set_detail (self, RETRACT_DETAIL_REASON, NULL);
  g_assert_false (retract_case_validate_details (self, NULL, &error));
  g_assert_cmpstr (error->message, ==, "applicant.name: at most 100 characters, this has 101");
  g_clear_error (&error);

  g_assert_finalize_object (self);
}

/* Edge cases */

static void
test_round_trip_control_characters (void)
{
  g_autoptr(GString) failures = g_string_new (NULL);

  /* What the character check accepts is saved and loads again; what it
   * refuses is refused by the loader too, naming the field and the code
   * point: the loader and the check never disagree. */
  for (guint c = 1; c <= 0x206F; c++)
    {
      static const RetractDetail details[] = {
        RETRACT_DETAIL_APPLICANT_NAME, RETRACT_DETAIL_NARRATIVE
      };

      if ((c >= 0x20 && c < 0x7F) || (c > 0xA0 && c < 0x061C) || (c > 0x061C && c < 0x2000))
        continue;

      for (guint d = 0; d < G_N_ELEMENTS (details); d++)
        {
          g_autoptr(RetractCase) original = retract_case_new ();
          g_autoptr(RetractCase) copy = NULL;
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *json = NULL;
          g_autofree char *text = NULL;
          char utf8[8] = { 0 };
          gboolean multiline = details[d] == RETRACT_DETAIL_NARRATIVE;
          gboolean allowed;

          g_unichar_to_utf8 (c, utf8);
          text = g_strconcat ("a", utf8, "b", NULL);
          allowed = retract_validate_characters (text, multiline, NULL);

          retract_case_set_detail (original, details[d], text);
          json = retract_case_to_json (original);
          bytes = g_bytes_new (json, strlen (json));
          copy = retract_case_new_from_bytes (bytes, NAME, &error);
          if (allowed && copy == NULL)
            g_string_append_printf (failures, "U+%04X in %s: %s\n", c,
                                    retract_detail_get_field_name (details[d]), error->message);
          else if (allowed)
            assert_same_case (original, copy);
          else if (copy != NULL)
            g_string_append_printf (failures, "U+%04X in %s loaded\n", c,
                                    retract_detail_get_field_name (details[d]));
          else
            {
              g_autofree char *code_point = g_strdup_printf ("(U+%04X)", c);
              g_autofree char *field = g_strdup_printf ("$.%s: ",
                                                        retract_detail_get_field_name (details[d]));

              g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE);
              g_assert_nonnull (strstr (error->message, field));
              g_assert_true (g_str_has_suffix (error->message, code_point));
              g_assert_null (strstr (error->message, text));
            }
        }
    }

  if (failures->len > 0)
    g_test_fail_printf ("the loader and the character check disagree:\n%s", failures->str);
}

/* Text from a saved case that reaches the letter is refused with its path. */
static void
test_rejects_hostile_text (void)
{
  static const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "{\"format\": 1, \"applicant\": {\"name\": \"张三\\u202Egnp.exe\"}}",
      ":1:29: $.applicant.name: contains a text-direction control character (U+202E)" },
    { "{\"format\": 1, \"applicant\": {\"wechat_id\": \"wx\\u001b[31m\"}}",
      "$.applicant.wechat_id: contains a line break or control character (U+001B)" },
    { "{\"format\": 1, \"applicant\": {\"phone\": \"138\\u2066\"}}",
      "$.applicant.phone: contains a text-direction control character (U+2066)" },
    { "{\"format\": 1, \"applicant\": {\"id_number\": \"1\\n2\"}}",
      "$.applicant.id_number: contains a line break or control character (U+000A)" },
    { "{\"format\": 1, \"complaint_number\": \"A\\u0085\"}",
      "$.complaint_number: contains a line break or control character (U+0085)" },
    { "{\"format\": 1, \"respondent\": \"x\\u200F\"}",
      "$.respondent: contains a text-direction control character (U+200F)" },
    { "{\"format\": 1, \"narrative\": \"line\\nline\\u001b]0;title\\u0007\"}",
      "$.narrative: contains a control character (U+001B)" },
    { "{\"format\": 1, \"respondent\": \"a\\u2029b\"}",
      "$.respondent: contains a line break (U+2029)" },
    { "{\"format\": 1, \"reason\": \"a\\rb\"}",
      "$.reason: contains a control character (U+000D)" },
    { "{\"format\": 1, \"materials\": {\"identity\": {\"attachment\": \"/tmp/a\\nb.png\"}}}",
      "$.materials.identity.attachment: contains a line break or control character (U+000A)" },
    { "{\"format\": 1, \"materials\": {\"identity\": {\"attachment\": \"/tmp/\\u202Egnp.exe\"}}}",
      "$.materials.identity.attachment: contains a text-direction control character (U+202E)" },
    { "{\"format\": 1, \"materials\": {\"identity\": {\"attachment\": \"/tmp/\\u001b[2J.png\"}}}",
      "$.materials.identity.attachment: contains a line break or control character (U+001B)" },
    { "{\"format\": 1, \"materials\": {\"identity\": {\"attachment\": \"/tmp/..\"}}}",
      "$.materials.identity.attachment: the file attached for “identity” has no file name" },
    { "{\"format\": 1, \"materials\": {\"id\\u202Eentity\": {\"ready\": true}}}",
      ": the member name contains a text-direction control character (U+202E)" },
    { "{\"format\": 1, \"scenarios\": [\"x\\u001b[31m\"]}",
      "$.scenarios[0]: contains a line break or control character (U+001B)" },
    { "{\"format\": 1, \"step\": \"a\\tb\"}",
      "$.step: contains a line break or control character (U+0009)" },
    { "{\"format\": 1, \"c\\u001bolour\": 1}",
      ": the member name contains a line break or control character (U+001B)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(RetractCase) kase = NULL;

      g_test_message ("case %u", i);
      kase = retract_case_new_from_bytes (bytes, NAME, &error);
      g_assert_null (kase);
      g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE);
      if (!g_str_has_suffix (error->message, cases[i].message))
        g_error ("“%s” does not end “%s”", error->message, cases[i].message);
      g_assert_null (strchr (error->message, '\x1b'));
      g_assert_null (strstr (error->message, "\xe2\x80\xae"));
      g_assert_null (strstr (error->message, "gnp"));
    }

  /* A Windows line end in a multi-line text is kept; a tab too. */
  {
    static const char json[] = "{\"format\": 1, \"narrative\": \"a\\r\\nb\\tc\"}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
    g_autoptr(GError) error = NULL;
    g_autoptr(RetractCase) kase = retract_case_new_from_bytes (bytes, NAME, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (retract_case_get_detail (kase, RETRACT_DETAIL_NARRATIVE), ==, "a\r\nb\tc");
  }
}

static void
test_far_future_filed_at (void)
{
  /* retract_time_parse() gives NULL for a time past what Beijing time can
   * hold; the loader must turn that into an error, not crash. */
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RetractCase) self = NULL;

      self = load_case ("{\n  \"format\": 1,\n  \"filed_at\": \"9999-12-31T16:00:00Z\"\n}",
                        &error);
      g_assert_null (self);
      g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE);
      g_assert_true (g_str_has_prefix (error->message, NAME ":3:3: $.filed_at: "));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  /* Reported without aborting, so that the other tests still run with -k. */
  if (!g_test_trap_has_passed ())
    g_test_fail_printf ("loading a case with filed_at 9999-12-31T16:00:00Z did not fail "
                        "cleanly (the child process crashed or failed)");
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static void
test_materials_and_step (void)
{
  g_autoptr(RetractCase) original = retract_case_new ();
  g_autoptr(RetractCase) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  guint changes = 0;

  g_signal_connect (original, "materials-changed", G_CALLBACK (count_signal), &changes);

  retract_case_set_material_ready (original, "identity", TRUE);
  retract_case_set_material_ready (original, "identity", TRUE);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (retract_case_set_material_attachment (original, "screen-recording", "/home/me/录屏.mp4", NULL));
  g_assert_cmpuint (changes, ==, 2);
  retract_case_set_step (original, "materials");

  json = retract_case_to_json (original);
  bytes = g_bytes_new (json, strlen (json));
  copy = retract_case_new_from_bytes (bytes, NAME, &error);
  g_assert_no_error (error);
  g_assert_true (retract_case_get_material_ready (copy, "identity"));
  /* An attached file counts as ready (issue 15 §5.8, retract-case-materials.c). */
  g_assert_true (retract_case_get_material_ready (copy, "screen-recording"));
  g_assert_cmpstr (retract_case_get_material_attachment (copy, "screen-recording"), ==,
                   "/home/me/录屏.mp4");
  g_assert_null (retract_case_get_material_attachment (copy, "identity"));
  g_assert_cmpstr (retract_case_get_step (copy), ==, "materials");

  /* An entry with nothing left in it disappears from the file. */
  retract_case_set_material_ready (original, "identity", FALSE);
  g_assert_true (retract_case_set_material_attachment (original, "screen-recording", NULL, NULL));
  g_assert_cmpuint (changes, ==, 4);
  g_clear_pointer (&json, g_free);
  json = retract_case_to_json (original);
  g_assert_null (strstr (json, "\"materials\" :"));
  g_assert_null (strstr (json, "\"materials\":"));
}

static void
test_materials_rejects (void)
{
  static const char * const bad[][2] = {
    { "{\"format\": 1, \"materials\": {\"identity\": {\"ready\": \"yes\"}}}",
      "$.materials.identity.ready: expected true or false" },
    { "{\"format\": 1, \"materials\": {\"identity\": {\"colour\": 1}}}",
      "$.materials.identity.colour: unknown key" },
    { "{\"format\": 1, \"materials\": {\"identity\": {\"attachment\": \"\"}}}",
      "$.materials.identity.attachment: must not be empty" },
    { "{\"format\": 1, \"materials\": [\"identity\"]}",
      "$.materials: expected an object" },
    { "{\"format\": 1, \"step\": 3}", "$.step: expected a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i][0], strlen (bad[i][0]));
      g_autoptr(GError) error = NULL;
      g_autoptr(RetractCase) kase = retract_case_new_from_bytes (bytes, NAME, &error);

      g_assert_null (kase);
      g_assert_error (error, RETRACT_DATA_ERROR, error->code);
      if (strstr (error->message, bad[i][1]) == NULL)
        g_error ("“%s” not in “%s”", bad[i][1], error->message);
    }
}

/* Attaching a file whose name could add lines, reorder text or drive a
 * terminal is refused, naming the material; the attachment stays as it was. */
static void
test_attachment_names (void)
{
  static const char * const refused[] = {
    "/home/u/x\n\n我自愿放弃.png",
    "/home/u/张三\xe2\x80\xaegnp.exe",
    "/home/u/\x1b[31mred.png",
    "/home/u/a\rb.png",
    "/home/u/a\tb.png",
    "/home/u/\xc2\x9b" "31m.png",
    "/home/u/a\xe2\x80\xa8" "b.png",
    "/home/u/\xe2\x81\xa6x.png",
    "/home/u/bad\xff.png",
    "/home/u\n/x.png",
    "/",
    "/home/u/..",
    ".",
    "/home/u/   ",
    "/home/u/x.png\xe2\x80\x8b",
    "/home/u/a\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81"
    "\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81"
    "\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81",
  };
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autofree char *too_long = NULL;
  g_autofree char *longest = NULL;
  guint changes = 0;

  g_signal_connect (kase, "materials-changed", G_CALLBACK (count_signal), &changes);
  g_assert_true (retract_case_set_material_attachment (kase, "identity",
                                                       "/home/u/Documents/x.png", NULL));
  g_assert_cmpuint (changes, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("name %u", i);
      g_assert_false (retract_case_set_material_attachment (kase, "identity", refused[i],
                                                            &error));
      g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "“identity”"));
      g_assert_null (strstr (error->message, "/home"));
      g_assert_cmpstr (retract_case_get_material_attachment (kase, "identity"), ==,
                       "/home/u/Documents/x.png");
    }
  g_assert_cmpuint (changes, ==, 1);

  /* The whole path is at most 4096 bytes, made of folders of 200 bytes. */
  too_long = g_strnfill (RETRACT_CASE_MAX_ATTACHMENT_BYTES + 1, 'a');
  for (guint i = 0; i < RETRACT_CASE_MAX_ATTACHMENT_BYTES; i += 200)
    too_long[i] = '/';
  g_assert_false (retract_case_set_material_attachment (kase, "identity", too_long, NULL));
  longest = g_strndup (too_long, RETRACT_CASE_MAX_ATTACHMENT_BYTES);
  g_assert_true (retract_case_set_material_attachment (kase, "identity", longest, NULL));

  /* A file name is at most 255 bytes (NAME_MAX). */
  {
    g_autofree char *name = g_strnfill (255, 'b');
    g_autofree char *name_path = g_strconcat ("/home/u/", name, NULL);
    g_autofree char *over_path = g_strconcat (name_path, "b", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (retract_case_set_material_attachment (kase, "identity", name_path, NULL));
    g_assert_false (retract_case_set_material_attachment (kase, "identity", over_path, &error));
    g_assert_cmpstr (error->message, ==,
                     "the name of the file attached for “identity” is longer than 255 bytes");
  }

  /* Detaching always works. */
  g_assert_true (retract_case_set_material_attachment (kase, "identity", NULL, NULL));
  g_assert_null (retract_case_get_material_attachment (kase, "identity"));
}

/* Setting an attachment to "" detaches it like %NULL, and says nothing when
 * nothing was attached. */
static void
test_attachment_empty_unchanged (void)
{
  g_autoptr(RetractCase) kase = retract_case_new ();
  guint changes = 0;

  g_signal_connect (kase, "materials-changed", G_CALLBACK (count_signal), &changes);
  g_assert_true (retract_case_set_material_attachment (kase, "identity", "", NULL));
  g_assert_true (retract_case_set_material_attachment (kase, "identity", NULL, NULL));
  g_assert_cmpuint (changes, ==, 0);
  g_assert_null (retract_case_get_material_attachment (kase, "identity"));

  g_assert_true (retract_case_set_material_attachment (kase, "identity", "/home/u/x.png", NULL));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (retract_case_set_material_attachment (kase, "identity", "", NULL));
  g_assert_cmpuint (changes, ==, 2);
  g_assert_null (retract_case_get_material_attachment (kase, "identity"));
  g_assert_true (retract_case_set_material_attachment (kase, "identity", "", NULL));
  g_assert_cmpuint (changes, ==, 2);
}

/* One table of fields: which ones the letter needs, their names and labels,
 * and the checks the details page runs on Next (retract_case_validate_detail())
 * are the same as retract_case_validate_details() and the loader's. */
static void
test_detail_table (void)
{
  static const struct
  {
    const char *field;
    const char *label;
    gboolean    required;
  } expected[RETRACT_N_DETAILS] = {
    [RETRACT_DETAIL_APPLICANT_NAME] = { "applicant.name", "Your name", TRUE },
    [RETRACT_DETAIL_APPLICANT_WECHAT_ID] = { "applicant.wechat_id", "WeChat ID", FALSE },
    [RETRACT_DETAIL_APPLICANT_PHONE] = { "applicant.phone", "Phone number", TRUE },
    [RETRACT_DETAIL_APPLICANT_ID_NUMBER] = { "applicant.id_number", "ID card number", FALSE },
    [RETRACT_DETAIL_COMPLAINT_NUMBER] = { "complaint_number", "Complaint number", TRUE },
    [RETRACT_DETAIL_RESPONDENT] = { "respondent", "The other party", FALSE },
    [RETRACT_DETAIL_NARRATIVE] = { "narrative", "What happened", TRUE },
    [RETRACT_DETAIL_REASON] = { "reason", "Why it was a mistake", TRUE },
    /* Required only where they apply: retract_case_detail_is_required(). */
    [RETRACT_DETAIL_GUARDIAN_NAME] = { "guardian.name", "Guardian's name", FALSE },
    [RETRACT_DETAIL_GUARDIAN_RELATIONSHIP] = { "guardian.relationship",
                                               "Guardian's relationship to the minor", FALSE },
    [RETRACT_DETAIL_GUARDIAN_PHONE] = { "guardian.phone", "Guardian's phone number", FALSE },
    [RETRACT_DETAIL_GUARDIAN_ID_NUMBER] = { "guardian.id_number", "Guardian's ID number",
                                            FALSE },
    [RETRACT_DETAIL_ENTERPRISE_NAME] = { "enterprise.name", "Company name", FALSE },
    [RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE] = { "enterprise.credit_code",
                                                "Unified social credit code", FALSE },
  };
  g_autoptr(GDate) today = g_date_new_dmy (24, G_DATE_NOVEMBER, 2026);
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (101, 'a');

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    {
      g_autoptr(GError) local_error = NULL;

      g_assert_cmpstr (retract_detail_get_field_name (i), ==, expected[i].field);
      g_assert_cmpstr (retract_detail_get_label (i), ==, expected[i].label);
      g_assert_cmpint (retract_detail_is_required (i), ==, expected[i].required);

      /* Missing: an error only for the required ones. */
      g_assert_cmpint (retract_case_validate_detail (kase, i, today, &local_error), ==,
                       !expected[i].required);
      if (expected[i].required)
        {
          g_assert_error (local_error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_MISSING);
          g_assert_cmpstr (local_error->message, ==, "needed for the letter");
        }
      else
        {
          g_assert_no_error (local_error);
        }
    }
  g_assert_true (retract_case_validate_details (kase, today, NULL));

  /* Given: the same reasons as retract_case_validate_details(), without the field. */
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_NAME, long_name);
  g_assert_false (retract_case_validate_detail (kase, RETRACT_DETAIL_APPLICANT_NAME, today,
                                                &error));
  g_assert_true (error->domain == RETRACT_INPUT_ERROR);
  g_assert_cmpstr (error->message, ==, "at most 100 characters, this has 101");
  g_clear_error (&error);

  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "11010520300101001X");
  g_assert_false (retract_case_validate_detail (kase, RETRACT_DETAIL_APPLICANT_ID_NUMBER, today,
                                                &error));
  g_assert_cmpstr (error->message, ==, "the date of birth in digits 7–14 is in the future");
  g_clear_error (&error);
  g_assert_true (retract_case_validate_detail (kase, RETRACT_DETAIL_APPLICANT_ID_NUMBER, NULL,
                                               NULL));

  /* The phone rule follows the case's cross-border scenario. */
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_PHONE, "+85291234567");
  g_assert_false (retract_case_validate_detail (kase, RETRACT_DETAIL_APPLICANT_PHONE, today,
                                                NULL));
  retract_case_set_scenario_enabled (kase, "cross-border", TRUE);
  g_assert_true (retract_case_validate_detail (kase, RETRACT_DETAIL_APPLICANT_PHONE, today,
                                               NULL));

  /* Only the multiline fields keep line breaks. */
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "第一行\n第二行");
  retract_case_set_detail (kase, RETRACT_DETAIL_RESPONDENT, "李\n四");
  g_assert_true (retract_case_validate_detail (kase, RETRACT_DETAIL_NARRATIVE, today, NULL));
  g_assert_false (retract_case_validate_detail (kase, RETRACT_DETAIL_RESPONDENT, today, NULL));
}

/* Identity documents, guardians and enterprises (issue 15 §1–§2) */

/* The older applicant.id_number is read as a mainland ID, and written back
 * as applicant.id_document. */
static void
test_id_number_migrated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractCase) self = load_case (example_case, &error);
  g_autoptr(RetractCase) again = NULL;
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (retract_case_get_detail (self, RETRACT_DETAIL_APPLICANT_ID_NUMBER), ==,
                   "11010519491231002X");
  g_assert_cmpint (retract_case_get_id_document_type (self, RETRACT_ID_HOLDER_APPLICANT), ==,
                   RETRACT_ID_DOCUMENT_MAINLAND_ID);
  g_assert_true (retract_case_get_id_document_type_chosen (self, RETRACT_ID_HOLDER_APPLICANT));

  json = retract_case_to_json (self);
  g_assert_nonnull (strstr (json, "\"id_document\" : {\n"
                                  "      \"type\" : \"mainland-id\",\n"
                                  "      \"number\" : \"11010519491231002X\"\n"
                                  "    }"));
  g_assert_null (strstr (json, "id_number"));

  again = load_case (json, &error);
  g_assert_no_error (error);
  assert_same_case (self, again);
}

/* A cross-border applicant has a Hong Kong card until another document is
 * chosen, and the file says which. */
static void
test_id_document_default (void)
{
  g_autoptr(RetractCase) self = retract_case_new ();
  g_autoptr(RetractCase) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  RetractIdDocumentType type = RETRACT_ID_DOCUMENT_PASSPORT;

  g_assert_cmpint (retract_case_get_id_document_type (self, RETRACT_ID_HOLDER_APPLICANT), ==,
                   RETRACT_ID_DOCUMENT_MAINLAND_ID);
  retract_case_set_scenario_enabled (self, "cross-border", TRUE);
  g_assert_cmpint (retract_case_get_id_document_type (self, RETRACT_ID_HOLDER_APPLICANT), ==,
                   RETRACT_ID_DOCUMENT_HK_ID);
  g_object_get (self, "applicant-id-type", &type, NULL);
  g_assert_cmpint (type, ==, RETRACT_ID_DOCUMENT_HK_ID);
  /* The guardian's stays a mainland card. */
  g_assert_cmpint (retract_case_get_id_document_type (self, RETRACT_ID_HOLDER_GUARDIAN), ==,
                   RETRACT_ID_DOCUMENT_MAINLAND_ID);
  g_assert_false (retract_case_get_id_document_type_chosen (self, RETRACT_ID_HOLDER_APPLICANT));

  /* Nothing typed, nothing chosen: nothing in the file. */
  json = retract_case_to_json (self);
  g_assert_null (strstr (json, "id_document"));
  g_clear_pointer (&json, g_free);

  /* A number typed under the default keeps it. */
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "A123456(3)");
  g_assert_true (retract_case_validate_details (self, NULL, &error));
  g_assert_no_error (error);
  retract_case_set_scenario_enabled (self, "cross-border", FALSE);
  g_assert_cmpint (retract_case_get_id_document_type (self, RETRACT_ID_HOLDER_APPLICANT), ==,
                   RETRACT_ID_DOCUMENT_HK_ID);
  g_assert_true (retract_case_validate_details (self, NULL, &error));

  json = retract_case_to_json (self);
  g_assert_nonnull (strstr (json, "\"type\" : \"hk-id\""));
  copy = load_case (json, &error);
  g_assert_no_error (error);
  assert_same_case (self, copy);

  /* A chosen type is kept even without a number. */
  g_clear_object (&copy);
  g_clear_pointer (&json, g_free);
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_ID_NUMBER, NULL);
  retract_case_set_id_document_type (self, RETRACT_ID_HOLDER_GUARDIAN,
                                     RETRACT_ID_DOCUMENT_PASSPORT);
  json = retract_case_to_json (self);
  g_assert_nonnull (strstr (json, "\"guardian\" : {\n"
                                  "    \"id_document\" : {\n"
                                  "      \"type\" : \"passport\"\n"
                                  "    }\n"
                                  "  }"));
  copy = load_case (json, &error);
  g_assert_no_error (error);
  assert_same_case (self, copy);
}

/* Choosing a type notifies it and the number, which is now read by the new
 * type's rule; choosing the same type again is no change. */
static void
test_id_document_type_notify (void)
{
  g_autoptr(RetractCase) self = retract_case_new ();
  NotifyLog log = { 0, g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(GError) error = NULL;

  retract_case_set_detail (self, RETRACT_DETAIL_GUARDIAN_ID_NUMBER, "A123456(3)");
  retract_case_set_scenario_enabled (self, "minor", TRUE);
  g_assert_false (retract_case_validate_detail (self, RETRACT_DETAIL_GUARDIAN_ID_NUMBER, NULL,
                                                &error));
  g_assert_cmpstr (error->message, ==, "a resident ID number has 18 characters, this one has 10");
  g_clear_error (&error);

  g_signal_connect (self, "notify", G_CALLBACK (on_notify), &log);
  retract_case_set_id_document_type (self, RETRACT_ID_HOLDER_GUARDIAN,
                                     RETRACT_ID_DOCUMENT_MAINLAND_ID);
  notify_log_expect (&log, 0, NULL);
  g_object_set (self, "guardian-id-type", RETRACT_ID_DOCUMENT_HK_ID, NULL);
  notify_log_expect (&log, 2, NULL);
  g_assert_true (g_ptr_array_find_with_equal_func (log.names, "guardian-id-type", g_str_equal,
                                                   NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (log.names, "guardian-id-number", g_str_equal,
                                                   NULL));
  g_assert_true (retract_case_validate_detail (self, RETRACT_DETAIL_GUARDIAN_ID_NUMBER, NULL,
                                               &error));
  g_assert_no_error (error);
  retract_case_set_id_document_type (self, RETRACT_ID_HOLDER_GUARDIAN, RETRACT_ID_DOCUMENT_HK_ID);
  notify_log_expect (&log, 2, NULL);

  g_signal_handlers_disconnect_by_data (self, &log);
  g_ptr_array_unref (log.names);
}

/* The guardian's details apply with "minor", the enterprise's with
 * "enterprise", the WeChat ID on WeChat; only then are they required and
 * checked. */
static void
test_detail_applies (void)
{
  static const struct
  {
    RetractDetail detail;
    const char   *scenario;
    gboolean      required;
  } details[] = {
    { RETRACT_DETAIL_GUARDIAN_NAME, "minor", TRUE },
    { RETRACT_DETAIL_GUARDIAN_RELATIONSHIP, "minor", TRUE },
    { RETRACT_DETAIL_GUARDIAN_PHONE, "minor", TRUE },
    { RETRACT_DETAIL_GUARDIAN_ID_NUMBER, "minor", FALSE },
    { RETRACT_DETAIL_ENTERPRISE_NAME, "enterprise", TRUE },
    { RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE, "enterprise", TRUE },
  };
  static const char * const platforms[] = { "alipay", "douyin" };
  g_autoptr(RetractCase) self = retract_case_new ();

  retract_case_set_platform (self, "wechat");
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    {
      g_assert_cmpint (retract_case_detail_is_required (self, i), ==,
                       retract_detail_is_required (i));
      if (i <= RETRACT_DETAIL_REASON)
        g_assert_true (retract_case_detail_applies (self, i));
    }

  /* An Alipay or Douyin user has no WeChat ID to give: not asked, not
   * checked, kept as it was in the case file. */
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_WECHAT_ID, "1");
  g_assert_false (retract_case_validate_detail (self, RETRACT_DETAIL_APPLICANT_WECHAT_ID, NULL,
                                                NULL));
  for (guint p = 0; p < G_N_ELEMENTS (platforms); p++)
    {
      retract_case_set_platform (self, platforms[p]);
      g_assert_false (retract_case_detail_applies (self, RETRACT_DETAIL_APPLICANT_WECHAT_ID));
      g_assert_true (retract_case_validate_detail (self, RETRACT_DETAIL_APPLICANT_WECHAT_ID, NULL,
                                                   NULL));
      g_assert_cmpstr (retract_case_get_detail (self, RETRACT_DETAIL_APPLICANT_WECHAT_ID), ==,
                       "1");
      for (guint i = 0; i <= RETRACT_DETAIL_REASON; i++)
        g_assert_true (retract_case_detail_applies (self, i) ==
                       (i != RETRACT_DETAIL_APPLICANT_WECHAT_ID));
    }
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_WECHAT_ID, NULL);
  retract_case_set_platform (self, "wechat");

  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    {
      RetractDetail detail = details[i].detail;
      g_autoptr(GError) error = NULL;

      retract_case_set_scenarios (self, NULL);
      retract_case_set_detail (self, detail, NULL);
      g_assert_false (retract_case_detail_applies (self, detail));
      g_assert_false (retract_case_detail_is_required (self, detail));
      g_assert_true (retract_case_validate_detail (self, detail, NULL, NULL));

      /* Whatever it holds, it is not checked where it does not apply. */
      retract_case_set_detail (self, detail, "x\u202E");
      g_assert_true (retract_case_validate_detail (self, detail, NULL, NULL));
      g_assert_true (retract_case_validate_details (self, NULL, NULL));

      retract_case_set_scenario_enabled (self, details[i].scenario, TRUE);
      g_assert_true (retract_case_detail_applies (self, detail));
      g_assert_cmpint (retract_case_detail_is_required (self, detail), ==, details[i].required);
      g_assert_false (retract_case_validate_detail (self, detail, NULL, NULL));
      g_assert_false (retract_case_validate_details (self, NULL, &error));
      /* Named by its place in the case file: a number in its "id_document". */
      {
        g_autofree char *place = detail == RETRACT_DETAIL_GUARDIAN_ID_NUMBER
                                 ? g_strdup ("guardian.id_document.number: ")
                                 : g_strconcat (retract_detail_get_field_name (detail), ": ",
                                                NULL);

        g_assert_true (g_str_has_prefix (error->message, place));
      }
      g_clear_error (&error);

      retract_case_set_detail (self, detail, NULL);
      g_assert_cmpint (retract_case_validate_detail (self, detail, NULL, &error), ==,
                       !details[i].required);
      if (details[i].required)
        g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_MISSING);
    }
}

/* The guardian's and enterprise's own checks: phones, documents, the
 * credit code. */
static void
test_validate_guardian_enterprise (void)
{
  static const char * const scenarios[] = { "minor", "enterprise", NULL };
  g_autoptr(RetractCase) self = retract_case_new ();
  g_autoptr(GError) error = NULL;

  retract_case_set_scenarios (self, scenarios);
  retract_case_set_detail (self, RETRACT_DETAIL_GUARDIAN_NAME, "张大山");
  retract_case_set_detail (self, RETRACT_DETAIL_GUARDIAN_RELATIONSHIP, "父亲");
  retract_case_set_detail (self, RETRACT_DETAIL_GUARDIAN_PHONE, "+852 9123 4567");
  retract_case_set_detail (self, RETRACT_DETAIL_GUARDIAN_ID_NUMBER, "11010519491231002X");
  retract_case_set_detail (self, RETRACT_DETAIL_ENTERPRISE_NAME, "深圳市腾讯计算机系统有限公司");
  retract_case_set_detail (self, RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE, "91440300708461136U");

  g_assert_false (retract_case_validate_details (self, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "guardian.phone: enter a mainland mobile number: 11 digits starting with 1, "
                   "optionally with +86\n"
                   "enterprise.credit_code: the last character of the credit code does not "
                   "match the others; one of them is probably mistyped");
  g_clear_error (&error);

  /* A Hong Kong number goes with a Hong Kong document. */
  retract_case_set_id_document_type (self, RETRACT_ID_HOLDER_GUARDIAN, RETRACT_ID_DOCUMENT_HK_ID);
  retract_case_set_detail (self, RETRACT_DETAIL_GUARDIAN_ID_NUMBER, "AB987654(3)");
  retract_case_set_detail (self, RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE, "91440300708461136t");
  g_assert_true (retract_case_validate_details (self, NULL, &error));
  g_assert_no_error (error);

  /* The applicant's phone follows the applicant's document, not the guardian's. */
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_PHONE, "+853 6612 3456");
  g_assert_false (retract_case_validate_detail (self, RETRACT_DETAIL_APPLICANT_PHONE, NULL, NULL));
  retract_case_set_id_document_type (self, RETRACT_ID_HOLDER_APPLICANT,
                                     RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT);
  g_assert_true (retract_case_validate_detail (self, RETRACT_DETAIL_APPLICANT_PHONE, NULL, NULL));
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "11010519491231002X");
  g_assert_false (retract_case_validate_detail (self, RETRACT_DETAIL_APPLICANT_ID_NUMBER, NULL,
                                                &error));
  g_assert_cmpstr (error->message, ==, "a Mainland Travel Permit number looks like H12345678: H "
                                       "(Hong Kong) or M (Macao) and 8 digits, sometimes 2 more");

  /* Masks follow each holder's type. */
  {
    g_autofree char *applicant = retract_case_dup_masked_id_number (self,
                                                                    RETRACT_ID_HOLDER_APPLICANT);
    g_autofree char *guardian = retract_case_dup_masked_id_number (self,
                                                                   RETRACT_ID_HOLDER_GUARDIAN);

    /* Not a permit number: no more of it than of a valid one (issue 15 review §8). */
    g_assert_cmpstr (applicant, ==, "11***************X");
    g_assert_cmpstr (guardian, ==, "AB987***(3)");
  }
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_ID_NUMBER, NULL);
  g_assert_null (retract_case_dup_masked_id_number (self, RETRACT_ID_HOLDER_APPLICANT));
}

/* A bad detail read from a file is named as the strict loader names a place,
 * "case.json:3:49: $.applicant.id_document.number: …", the document's number
 * by where the file holds it (issue 15 review §5); once typed anew, by its
 * place alone. */
static void
test_validate_details_from_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractCase) self = load_case (
    "{\"format\": 1, \"scenarios\": [\"minor\", \"enterprise\"],\n"
    " \"applicant\": {\"name\": \"陈小明\", \"phone\": \"1380013800\",\n"
    "  \"id_document\": {\"type\": \"hk-id\", \"number\": \"A123456(4)\"}},\n"
    " \"guardian\": {\"id_document\": {\"type\": \"passport\", \"number\": \"E1\"}},\n"
    " \"enterprise\": {\"credit_code\": \"91440300708461136U\"}}", &error);
  g_autoptr(RetractCase) legacy = load_case (
    "{\"format\": 1,\n \"applicant\": {\"id_number\": \"110105194912310021\"}}", &error);

  g_assert_no_error (error);
  g_assert_false (retract_case_validate_details (self, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   NAME ":2:31: $.applicant.phone: enter a mainland mobile number (11 digits "
                   "starting with 1, optionally +86) or a Hong Kong (+852) or Macau (+853) "
                   "mobile number\n"
                   NAME ":3:36: $.applicant.id_document.number: the check digit in brackets "
                   "does not match the letters and digits before it; one of them is probably "
                   "mistyped\n"
                   NAME ":4:51: $.guardian.id_document.number: a passport number has 5 to 20 "
                   "letters and digits\n"
                   NAME ":5:17: $.enterprise.credit_code: the last character of the credit "
                   "code does not match the others; one of them is probably mistyped");
  g_clear_error (&error);

  /* The older key is where that file holds the number. */
  g_assert_false (retract_case_validate_details (legacy, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, NAME ":2:16: $.applicant.id_number: "));
  g_clear_error (&error);

  /* Typed anew: no longer at that place of the file. */
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_PHONE, "13800138000");
  retract_case_set_detail (self, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "A123456(5)");
  g_assert_false (retract_case_validate_details (self, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message,
                                   "applicant.id_document.number: the check digit"));
  g_assert_nonnull (strstr (error->message, "\n" NAME ":4:51: $.guardian.id_document.number: "));
  g_assert_null (strstr (error->message, "applicant.phone"));
}

/* Guardian and enterprise in the file: read back as written. */
static void
test_guardian_enterprise_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strconcat (FORMAT_2_HEAD,
                                       "\"scenarios\": [\"minor\", \"enterprise\"], "
                                       "\"guardian\": {\"name\": \"张大山\", \"relationship\": "
                                       "\"父亲\", \"phone\": \"13800138000\", \"id_document\": "
                                       "{\"type\": \"hk-id\", \"number\": \"A123456(3)\"}}, "
                                       "\"enterprise\": {\"name\": \"某公司\", \"credit_code\": "
                                       "\"914403001922038216\"}}", NULL);
  g_autoptr(RetractCase) self = load_case (text, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (retract_case_get_detail (self, RETRACT_DETAIL_GUARDIAN_NAME), ==, "张大山");
  g_assert_cmpstr (retract_case_get_detail (self, RETRACT_DETAIL_GUARDIAN_RELATIONSHIP), ==,
                   "父亲");
  g_assert_cmpstr (retract_case_get_detail (self, RETRACT_DETAIL_GUARDIAN_PHONE), ==,
                   "13800138000");
  g_assert_cmpstr (retract_case_get_detail (self, RETRACT_DETAIL_GUARDIAN_ID_NUMBER), ==,
                   "A123456(3)");
  g_assert_cmpint (retract_case_get_id_document_type (self, RETRACT_ID_HOLDER_GUARDIAN), ==,
                   RETRACT_ID_DOCUMENT_HK_ID);
  g_assert_cmpstr (retract_case_get_detail (self, RETRACT_DETAIL_ENTERPRISE_NAME), ==, "某公司");
  g_assert_cmpstr (retract_case_get_detail (self, RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE), ==,
                   "914403001922038216");
  g_assert_null (retract_case_get_detail (self, RETRACT_DETAIL_APPLICANT_NAME));
  g_assert_true (retract_case_validate_details (self, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/retract/case/notify/strings", test_notify_strings);
  g_test_add_func ("/retract/case/notify/details", test_notify_detail_names);
  g_test_add_func ("/retract/case/notify/values", test_notify_values);
  g_test_add_func ("/retract/case/scenarios", test_scenarios);
  g_test_add_func ("/retract/case/load/example", test_example_loads);
  g_test_add_func ("/retract/case/load/minimal", test_minimal_loads);
  g_test_add_func ("/retract/case/round-trip/full", test_round_trip);
  g_test_add_func ("/retract/case/round-trip/empty", test_round_trip_empty);

  for (guint i = 0; i < G_N_ELEMENTS (rejections); i++)
    {
      g_autofree char *path = g_strdup_printf ("/retract/case/rejects/%s", rejections[i].name);

      g_test_add_data_func (path, &rejections[i], test_rejects);
    }
  g_test_add_func ("/retract/case/rejects/too-large", test_rejects_too_large);

  g_test_add_func ("/retract/case/file/save-mode", test_save_mode);
  g_test_add_func ("/retract/case/file/save-replaces", test_save_replaces);
  g_test_add_func ("/retract/case/file/save-missing-dir", test_save_missing_dir);
  g_test_add_func ("/retract/case/file/load-errors", test_load_file_errors);
  g_test_add_func ("/retract/case/validate/all-fields", test_validate_details);
  g_test_add_func ("/retract/case/validate/from-file", test_validate_details_from_file);
  g_test_add_func ("/retract/case/validate/cross-border", test_validate_details_cross_border);
  g_test_add_func ("/retract/case/validate/guardian-enterprise",
                   test_validate_guardian_enterprise);
  g_test_add_func ("/retract/case/detail-applies", test_detail_applies);
  g_test_add_func ("/retract/case/id-document/migrated", test_id_number_migrated);
  g_test_add_func ("/retract/case/id-document/default", test_id_document_default);
  g_test_add_func ("/retract/case/id-document/notify", test_id_document_type_notify);
  g_test_add_func ("/retract/case/guardian-enterprise-file", test_guardian_enterprise_file);
  g_test_add_func ("/retract/case/validate/text", test_validate_details_text);
  /* Last, as a failure here stops the run. */
  g_test_add_func ("/retract/case/materials-and-step", test_materials_and_step);
  g_test_add_func ("/retract/case/materials-rejects", test_materials_rejects);
  g_test_add_func ("/retract/case/rejects/hostile-text", test_rejects_hostile_text);
  g_test_add_func ("/retract/case/attachment-names", test_attachment_names);
  g_test_add_func ("/retract/case/attachment-empty-unchanged", test_attachment_empty_unchanged);
  g_test_add_func ("/retract/case/detail-table", test_detail_table);
  g_test_add_func ("/retract/case/edge/far-future-filed-at", test_far_future_filed_at);
  g_test_add_func ("/retract/case/edge/control-characters-round-trip",
                   test_round_trip_control_characters);

  return g_test_run ();
}
