/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The calendar file: one event per deadline still ahead, read back with
 * libical's own parser, and nothing in it about the person. */

#include "config.h"

#include <libical/ical.h>

#include "retract-assessment.h"
#include "retract-error.h"
#include "retract-json-case.h"
#include "retract-reminders.h"
#include "retract-time.h"
#include "test-datasets.h"

#define UID_SUFFIX "@io.github.retractapp.Retract"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

static RetractRuleset *rules;

static GDateTime *
parse_time (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDateTime *time = retract_time_parse (text, &error);

  g_assert_no_error (error);
  return time;
}

static RetractCase *
make_case (const char *platform,
           const char *type,
           const char *filed_at,
           const char *scenario)
{
  RetractCase *kase = retract_case_new ();
  g_autoptr(GDateTime) filed = parse_time (filed_at);

  retract_case_set_platform (kase, platform);
  retract_case_set_complaint_type (kase, type);
  retract_case_set_filed_at (kase, filed);
  if (scenario != NULL)
    retract_case_set_scenario_enabled (kase, scenario, TRUE);

  return kase;
}

static RetractAssessment *
assess_with (RetractRuleset *ruleset,
             RetractCase    *kase,
             const char     *now)
{
  g_autoptr(GDateTime) at = parse_time (now);
  g_autoptr(GError) error = NULL;
  RetractAssessment *assessment = retract_assessment_new (ruleset, kase, at, &error);

  g_assert_no_error (error);
  g_assert_nonnull (assessment);
  return assessment;
}

static RetractAssessment *
assess (const char *platform,
        const char *type,
        const char *filed_at,
        const char *now,
        const char *scenario)
{
  g_autoptr(RetractCase) kase = make_case (platform, type, filed_at, scenario);
  RetractAssessment *assessment = assess_with (rules, kase, now);

  g_assert_finalize_object (g_steal_pointer (&kase));
  return assessment;
}

/* The file is stamped with the time of assessment unless a test says otherwise. */
static char *
build (RetractAssessment *assessment,
       RetractLanguage    language)
{
  g_autoptr(GError) error = NULL;
  char *ics = retract_reminders_build_ics (assessment, retract_assessment_get_now (assessment),
                                           language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ics);
  return ics;
}

static gint64
ical_to_unix (struct icaltimetype time)
{
  /* Everything Retract writes is UTC, so no VTIMEZONE is needed to read it. */
  g_assert_true (icaltime_is_utc (time));
  g_assert_false (time.is_date);
  return (gint64) icaltime_as_timet_with_zone (time, icaltimezone_get_utc_timezone ());
}

static icalcomponent *
parse_calendar (const char *ics)
{
  icalcomponent *calendar = icalcomponent_new_from_string (ics);
  icalproperty *property;
  icalproperty *prodid;

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  property = icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY);
  g_assert_nonnull (property);
  g_assert_cmpstr (icalproperty_get_version (property), ==, "2.0");
  prodid = icalcomponent_get_first_property (calendar, ICAL_PRODID_PROPERTY);
  g_assert_nonnull (prodid);
  g_assert_true (g_str_has_prefix (icalproperty_get_prodid (prodid), "-//Retract//Retract"));
  g_assert_true (g_str_has_suffix (icalproperty_get_prodid (prodid), "//EN"));
  property = icalcomponent_get_first_property (calendar, ICAL_CALSCALE_PROPERTY);
  g_assert_nonnull (property);
  g_assert_cmpstr (icalproperty_get_calscale (property), ==, "GREGORIAN");
  g_assert_cmpint (icalcomponent_get_method (calendar), ==, ICAL_METHOD_PUBLISH);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 0);

  return calendar;
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *kind)
{
  g_autofree char *prefix = g_strconcat (kind, "-", NULL);

  for (icalcomponent *event = icalcomponent_get_first_component (calendar,
                                                                 ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      if (g_str_has_prefix (icalcomponent_get_uid (event), prefix))
        return event;
    }

  return NULL;
}

/* Checks the event against its deadline and returns how many alarms it has. */
static guint
check_event (icalcomponent *event,
             GDateTime     *deadline,
             GDateTime     *created)
{
  gint64 end = ical_to_unix (icalcomponent_get_dtend (event));
  gint64 start = ical_to_unix (icalcomponent_get_dtstart (event));
  const char *summary = icalcomponent_get_summary (event);
  icalproperty *property;
  guint n_alarms = 0;

  g_assert_cmpint (end, ==, g_date_time_to_unix (deadline));
  g_assert_cmpint (start, ==, end - 30 * 60);
  g_assert_cmpint (ical_to_unix (icalcomponent_get_dtstamp (event)), ==,
                   g_date_time_to_unix (created));
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);
  property = icalcomponent_get_first_property (event, ICAL_TRANSP_PROPERTY);
  g_assert_nonnull (property);
  g_assert_cmpint (icalproperty_get_transp (property), ==, ICAL_TRANSP_OPAQUE);
  property = icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY);
  g_assert_nonnull (property);
  g_assert_cmpstr (icalproperty_get_categories (property), ==, "Retract");
  g_assert_nonnull (summary);
  g_assert_nonnull (icalcomponent_get_description (event));

  for (icalcomponent *alarm = icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT);
       alarm != NULL;
       alarm = icalcomponent_get_next_component (event, ICAL_VALARM_COMPONENT))
    {
      struct icaltriggertype trigger;
      int expected = n_alarms == 0 ? -60 * 60 : -24 * 60 * 60;

      property = icalcomponent_get_first_property (alarm, ICAL_ACTION_PROPERTY);
      g_assert_nonnull (property);
      g_assert_cmpint (icalproperty_get_action (property), ==, ICAL_ACTION_DISPLAY);
      g_assert_cmpstr (icalcomponent_get_description (alarm), ==, summary);

      property = icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY);
      g_assert_nonnull (property);
      g_assert_null (icalproperty_get_first_parameter (property, ICAL_RELATED_PARAMETER));
      trigger = icalproperty_get_trigger (property);
      g_assert_true (icaltime_is_null_time (trigger.time));
      g_assert_cmpint (icaldurationtype_as_int (trigger.duration), ==, expected);

      n_alarms++;
    }

  g_assert_cmpuint (n_alarms, >=, 1);
  return n_alarms;
}

static void
test_auto_review (void)
{
  g_autoptr(RetractAssessment) assessment = assess ("wechat", "friend-report",
                                                    "2026-11-24T10:00+08:00",
                                                    "2026-11-24T10:30+08:00", NULL);
  GDateTime *created = retract_assessment_get_now (assessment);
  g_autofree char *ics = build (assessment, RETRACT_LANGUAGE_EN);
  g_autoptr(icalcomponent) calendar = parse_calendar (ics);
  icalcomponent *self_service = find_event (calendar, "self-service");
  icalcomponent *window = find_event (calendar, "window");

  g_assert_cmpint (retract_assessment_get_stage (assessment), ==, RETRACT_STAGE_AUTO_REVIEW);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 2);
  g_assert_nonnull (self_service);
  g_assert_nonnull (window);
  g_assert_null (find_event (calendar, "legal"));

  /* 1 h 30 min and 23 h 30 min ahead: neither is more than a day away. */
  g_assert_cmpuint (check_event (self_service,
                                 retract_assessment_get_self_service_until (assessment),
                                 created), ==, 1);
  g_assert_cmpuint (check_event (window, retract_assessment_get_window_closes_at (assessment),
                                 created), ==, 1);
  g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtend (window)), ==,
                   "20261125T020000Z");

  g_assert_finalize_object (g_steal_pointer (&assessment));
}

static void
test_manual_review (void)
{
  g_autoptr(RetractAssessment) assessment = assess ("wechat", "friend-report",
                                                    "2026-11-24T10:00+08:00",
                                                    "2026-11-24T13:00+08:00", NULL);
  g_autofree char *ics = build (assessment, RETRACT_LANGUAGE_EN);
  g_autoptr(icalcomponent) calendar = parse_calendar (ics);
  icalcomponent *window = find_event (calendar, "window");

  g_assert_cmpint (retract_assessment_get_stage (assessment), ==, RETRACT_STAGE_MANUAL_REVIEW);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 1);
  g_assert_nonnull (window);
  g_assert_cmpuint (check_event (window, retract_assessment_get_window_closes_at (assessment),
                                 retract_assessment_get_now (assessment)), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&assessment));
}

static void
test_working_days (void)
{
  g_autoptr(RetractAssessment) assessment = assess ("wechat", "miniprogram-infringement",
                                                    "2026-09-30T10:00+08:00",
                                                    "2026-10-08T13:00+08:00", NULL);
  g_autoptr(GDateTime) expected = parse_time ("2026-10-10T15:59:59Z");
  g_autofree char *ics = build (assessment, RETRACT_LANGUAGE_EN);
  g_autoptr(icalcomponent) calendar = parse_calendar (ics);
  icalcomponent *window = find_event (calendar, "window");

  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 1);
  g_assert_nonnull (window);
  g_assert_true (g_date_time_equal (retract_assessment_get_window_closes_at (assessment),
                                    expected));
  /* Two and a half days ahead: the day-before alarm too. */
  g_assert_cmpuint (check_event (window, expected, retract_assessment_get_now (assessment)),
                    ==, 2);
  g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtend (window)), ==,
                   "20261010T155959Z");
  g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtstart (window)), ==,
                   "20261010T152959Z");
  g_assert_nonnull (strstr (icalcomponent_get_description (window),
                            "Deadline: 2026-10-10 23:59:59 (UTC+8)"));

  g_assert_finalize_object (g_steal_pointer (&assessment));
}

static void
test_legal_deadline (void)
{
  g_autoptr(RetractAssessment) assessment = assess ("wechat", "friend-report",
                                                    "2026-11-24T10:00+08:00",
                                                    "2026-11-24T10:00+08:00", "judicial");
  g_autoptr(GDateTime) expected = parse_time ("2026-12-03T23:59:59+08:00");
  g_autofree char *ics = build (assessment, RETRACT_LANGUAGE_ZH_CN);
  g_autoptr(icalcomponent) calendar = parse_calendar (ics);
  icalcomponent *legal = find_event (calendar, "legal");

  g_assert_cmpint (retract_assessment_get_stage (assessment), ==,
                   RETRACT_STAGE_NOT_WITHDRAWABLE);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 1);
  g_assert_nonnull (legal);
  g_assert_true (g_date_time_equal (retract_assessment_get_legal_deadline (assessment),
                                    expected));
  g_assert_cmpuint (check_event (legal, expected, retract_assessment_get_now (assessment)),
                    ==, 2);
  g_assert_cmpstr (icalcomponent_get_summary (legal), ==, "误投诉撤销：法律程序启动截止");
  g_assert_nonnull (strstr (icalcomponent_get_description (legal),
                            "截止时间：2026-12-03 23:59:59（北京时间）"));
  g_assert_nonnull (strstr (icalcomponent_get_description (legal), "律师函申请信息修正"));

  g_assert_finalize_object (g_steal_pointer (&assessment));
}

/* "More than a day": exactly 24 h gets one alarm, a second more gets two. */
static void
test_day_before_threshold (void)
{
  g_autoptr(RetractAssessment) exactly = assess ("wechat", "friend-report",
                                                 "2026-11-24T10:00+08:00",
                                                 "2026-11-24T10:00+08:00", NULL);
  g_autoptr(RetractAssessment) just_over = assess ("wechat", "payment-dispute",
                                                   "2026-11-24T10:00+08:00",
                                                   "2026-11-26T09:59:59+08:00", NULL);
  g_autofree char *exactly_ics = build (exactly, RETRACT_LANGUAGE_EN);
  g_autofree char *just_over_ics = build (just_over, RETRACT_LANGUAGE_EN);
  g_autoptr(icalcomponent) exactly_calendar = parse_calendar (exactly_ics);
  g_autoptr(icalcomponent) just_over_calendar = parse_calendar (just_over_ics);

  g_assert_cmpuint (check_event (find_event (exactly_calendar, "window"),
                                 retract_assessment_get_window_closes_at (exactly),
                                 retract_assessment_get_now (exactly)), ==, 1);
  g_assert_cmpuint (check_event (find_event (just_over_calendar, "window"),
                                 retract_assessment_get_window_closes_at (just_over),
                                 retract_assessment_get_now (just_over)), ==, 2);

  g_assert_finalize_object (g_steal_pointer (&exactly));
  g_assert_finalize_object (g_steal_pointer (&just_over));
}

static void
assert_nothing_ahead (RetractAssessment *assessment)
{
  g_autoptr(GError) error = NULL;
  char *ics = retract_reminders_build_ics (assessment, retract_assessment_get_now (assessment),
                                           RETRACT_LANGUAGE_EN, &error);

  g_assert_null (ics);
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "no deadline is still ahead: "));
}

static void
test_nothing_ahead (void)
{
  g_autoptr(RetractAssessment) processed = assess ("wechat", "friend-report",
                                                   "2026-11-24T10:00+08:00",
                                                   "2026-11-26T10:00+08:00", NULL);
  g_autoptr(RetractAssessment) ip = assess ("wechat", "intellectual-property",
                                            "2026-11-24T10:00+08:00",
                                            "2026-11-24T10:00+08:00", NULL);
  /* The last second of the window is still manual review, but nothing is "ahead". */
  g_autoptr(RetractAssessment) at_deadline = assess ("wechat", "friend-report",
                                                     "2026-11-24T10:00+08:00",
                                                     "2026-11-25T10:00+08:00", NULL);
  g_autoptr(RetractAssessment) legal_passed = assess ("wechat", "friend-report",
                                                      "2026-11-24T10:00+08:00",
                                                      "2026-12-04T00:00+08:00", "judicial");

  g_assert_cmpint (retract_assessment_get_stage (processed), ==, RETRACT_STAGE_PROCESSED);
  assert_nothing_ahead (processed);
  g_assert_cmpint (retract_assessment_get_stage (ip), ==, RETRACT_STAGE_NOT_WITHDRAWABLE);
  assert_nothing_ahead (ip);
  g_assert_cmpint (retract_assessment_get_stage (at_deadline), ==, RETRACT_STAGE_MANUAL_REVIEW);
  assert_nothing_ahead (at_deadline);
  g_assert_nonnull (retract_assessment_get_legal_deadline (legal_passed));
  assert_nothing_ahead (legal_passed);

  g_assert_finalize_object (g_steal_pointer (&processed));
  g_assert_finalize_object (g_steal_pointer (&ip));
  g_assert_finalize_object (g_steal_pointer (&at_deadline));
  g_assert_finalize_object (g_steal_pointer (&legal_passed));
}

static void
test_deterministic (void)
{
  g_autoptr(RetractAssessment) assessment = assess ("wechat", "friend-report",
                                                    "2026-11-24T10:00+08:00",
                                                    "2026-11-24T10:30+08:00", NULL);
  g_autoptr(GDateTime) created = parse_time ("2026-11-24T10:31:07.5+08:00");
  g_autoptr(GDateTime) later = parse_time ("2026-11-24T11:00+08:00");
  g_autofree char *first = retract_reminders_build_ics (assessment, created,
                                                        RETRACT_LANGUAGE_EN, NULL);
  g_autofree char *second = retract_reminders_build_ics (assessment, created,
                                                         RETRACT_LANGUAGE_EN, NULL);
  g_autofree char *restamped = retract_reminders_build_ics (assessment, later,
                                                            RETRACT_LANGUAGE_EN, NULL);
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(icalcomponent) restamped_calendar = NULL;
  g_autofree char *expected_uid = NULL;

  g_assert_nonnull (first);
  g_assert_cmpstr (first, ==, second);
  g_assert_nonnull (strstr (first, "DTSTAMP:20261124T023107Z\r\n"));

  calendar = parse_calendar (first);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar,
                                                                 ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (event);

      g_assert_nonnull (uid);
      g_assert_null (strpbrk (uid, " \t\r\n"));
      g_assert_true (g_str_has_suffix (uid, UID_SUFFIX));
    }

  /* Ids and the filing time only; the same for another DTSTAMP. */
  expected_uid = g_strdup_printf ("window-%" G_GINT64_FORMAT "-wechat-friend-report" UID_SUFFIX,
                                  g_date_time_to_unix (
                                    retract_assessment_get_filed_at (assessment)));
  g_assert_nonnull (find_event (calendar, "window"));
  g_assert_cmpstr (icalcomponent_get_uid (find_event (calendar, "window")), ==, expected_uid);
  g_assert_cmpstr (icalcomponent_get_uid (find_event (calendar, "self-service")), ==,
                   "self-service-1795485600-wechat-friend-report" UID_SUFFIX);

  restamped_calendar = parse_calendar (restamped);
  g_assert_cmpstr (icalcomponent_get_uid (find_event (restamped_calendar, "window")), ==,
                   expected_uid);
  g_assert_cmpstr (first, !=, restamped);

  g_assert_finalize_object (g_steal_pointer (&assessment));
}

static void
test_language (void)
{
  g_autoptr(RetractAssessment) assessment = assess ("wechat", "friend-report",
                                                    "2026-11-24T10:00+08:00",
                                                    "2026-11-24T10:30+08:00", NULL);
  g_autofree char *zh = build (assessment, RETRACT_LANGUAGE_ZH_CN);
  g_autofree char *en = build (assessment, RETRACT_LANGUAGE_EN);
  g_autoptr(icalcomponent) zh_calendar = parse_calendar (zh);
  g_autoptr(icalcomponent) en_calendar = parse_calendar (en);
  icalcomponent *zh_window = find_event (zh_calendar, "window");
  icalcomponent *en_window = find_event (en_calendar, "window");
  const char *description;

  g_assert_nonnull (strstr (icalcomponent_get_summary (zh_window), "撤销期限截止"));
  g_assert_nonnull (strstr (icalcomponent_get_summary (en_window), "withdrawal window closes"));
  g_assert_cmpstr (icalcomponent_get_summary (find_event (zh_calendar, "self-service")), ==,
                   "误投诉撤销：自助撤回截止");
  g_assert_cmpstr (icalcomponent_get_summary (find_event (en_calendar, "self-service")), ==,
                   "Mistaken complaint: self-service withdrawal ends");

  /* Read back unescaped: the newlines and parentheses survive the round trip. */
  description = icalcomponent_get_description (en_window);
  g_assert_cmpstr (description, ==,
                   "Complaint: WeChat · Report of a friend (pornography / fraud)\n"
                   "Deadline: 2026-11-25 10:00 (UTC+8)\n"
                   "Recommended channel: Withdraw it yourself in the WeChat Team account");
  description = icalcomponent_get_description (zh_window);
  g_assert_true (g_str_has_prefix (description, "投诉：微信 · 好友举报"));
  g_assert_nonnull (strstr (description, "截止时间：2026-11-25 10:00（北京时间）\n"));
  g_assert_nonnull (strstr (description, "推荐渠道：微信团队自主撤回"));

  g_assert_finalize_object (g_steal_pointer (&assessment));
}

/* zh_HK reminders in Traditional characters, our words and the dataset's. */
static void
test_language_traditional (void)
{
  g_autoptr(RetractAssessment) assessment = assess ("wechat", "friend-report",
                                                    "2026-11-24T10:00+08:00",
                                                    "2026-11-24T10:30+08:00", NULL);
  g_autofree char *hk = build (assessment, RETRACT_LANGUAGE_ZH_HK);
  g_autoptr(icalcomponent) calendar = parse_calendar (hk);
  icalcomponent *window = find_event (calendar, "window");
  const char *description = icalcomponent_get_description (window);

  g_assert_nonnull (strstr (icalcomponent_get_summary (window), "撤銷期限截止"));
  g_assert_cmpstr (icalcomponent_get_summary (find_event (calendar, "self-service")), ==,
                   "誤投訴撤銷：自助撤回截止");
  g_assert_true (g_str_has_prefix (description, "投訴：微信 · 好友舉報"));
  g_assert_nonnull (strstr (description, "截止時間：2026-11-25 10:00（北京時間）\n"));
  g_assert_nonnull (strstr (description, "推薦渠道：微信團隊自主撤回"));

  g_assert_finalize_object (g_steal_pointer (&assessment));
}

/* A dataset whose first manual-review channel has a phone number. */
static RetractRuleset *
make_rules_with_hotline_first (void)
{
  g_autoptr(JsonNode) root = test_dataset_parse ();
  JsonArray *platforms = json_object_get_array_member (json_node_get_object (root), "platforms");
  JsonArray *manual = NULL;

  for (guint i = 0; i < json_array_get_length (platforms); i++)
    {
      JsonObject *platform = json_array_get_object_element (platforms, i);

      if (g_strcmp0 (json_object_get_string_member (platform, "id"), "wechat") == 0)
        manual = json_object_get_array_member (json_object_get_object_member (platform,
                                                                              "channels"),
                                               "manual-review");
    }
  g_assert_nonnull (manual);
  g_assert_cmpstr (json_array_get_string_element (manual, 1), ==, "phone-hotline");
  json_array_remove_element (manual, 1);
  json_array_remove_element (manual, 0);
  json_array_add_string_element (manual, "phone-hotline");
  json_array_add_string_element (manual, "web-ticket");

  return test_dataset_load (root, "hotline-first.json");
}

static void
test_channel_phone (void)
{
  g_autoptr(RetractRuleset) hotline_rules = make_rules_with_hotline_first ();
  g_autoptr(RetractCase) kase = make_case ("wechat", "friend-report",
                                           "2026-11-24T10:00+08:00", NULL);
  g_autoptr(RetractAssessment) assessment = assess_with (hotline_rules, kase,
                                                         "2026-11-24T13:00+08:00");
  g_autofree char *en = build (assessment, RETRACT_LANGUAGE_EN);
  g_autofree char *zh = build (assessment, RETRACT_LANGUAGE_ZH_CN);
  g_autoptr(icalcomponent) en_calendar = parse_calendar (en);
  g_autoptr(icalcomponent) zh_calendar = parse_calendar (zh);

  g_assert_true (g_str_has_suffix (icalcomponent_get_description (
                                     find_event (en_calendar, "window")),
                                   "\nRecommended channel: Customer service hotline (urgent)\n"
                                   "Phone: 0755-83765566"));
  g_assert_true (g_str_has_suffix (icalcomponent_get_description (
                                     find_event (zh_calendar, "window")),
                                   "\n推荐渠道：电话客服紧急通道\n电话：0755-83765566"));

  g_assert_finalize_object (g_steal_pointer (&assessment));
  g_assert_finalize_object (g_steal_pointer (&kase));
  g_assert_finalize_object (g_steal_pointer (&hotline_rules));
}

static void
assert_folded (const char *ics)
{
  g_auto(GStrv) lines = NULL;
  guint n_lines;

  g_assert_true (g_str_has_suffix (ics, "\r\n"));
  g_assert_true (g_utf8_validate (ics, -1, NULL));

  lines = g_strsplit (ics, "\r\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, >, 1);
  /* The text ends with CRLF, so the last piece is empty. */
  g_assert_cmpstr (lines[n_lines - 1], ==, "");

  for (guint i = 0; i + 1 < n_lines; i++)
    {
      if (strlen (lines[i]) > 75)
        g_test_message ("line %u is %zu octets: %s", i, strlen (lines[i]), lines[i]);
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_cmpuint (strlen (lines[i]), >, 0);
      /* No empty continuation lines either. */
      g_assert_cmpstr (lines[i], !=, " ");
      /* No bare CR or LF: every line ends with CRLF. */
      g_assert_null (strpbrk (lines[i], "\r\n"));
      /* Folding does not split a character, so every piece stays valid UTF-8. */
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      /* And it folds only when the next character would not have fitted. */
      if (lines[i + 1][0] == ' ' && lines[i + 1][1] != '\0')
        {
          const char *next = lines[i + 1] + 1;

          g_assert_cmpuint (strlen (lines[i]) + (gsize) (g_utf8_next_char (next) - next), >, 75);
        }
    }
}

/* The bundled rules with the English name of "friend-report" replaced. */
static RetractRuleset *
make_rules_with_type_name (const char *name)
{
  g_autoptr(JsonNode) root = test_dataset_parse ();
  JsonArray *types = json_object_get_array_member (json_node_get_object (root), "types");
  gboolean renamed = FALSE;

  for (guint i = 0; i < json_array_get_length (types); i++)
    {
      JsonObject *type = json_array_get_object_element (types, i);

      if (g_strcmp0 (json_object_get_string_member (type, "id"), "friend-report") == 0)
        {
          json_object_set_string_member (json_object_get_object_member (type, "name"), "en", name);
          renamed = TRUE;
        }
    }
  g_assert_true (renamed);

  return test_dataset_load (root, "renamed.json");
}

/* RFC 5545 TEXT: backslash, semicolon and comma are escaped in the file and
 * come back as they were; a name long enough to fold round-trips too. */
static void
test_text_escaping (void)
{
  static const char *names[] = {
    "Report, of; a \\ friend",
    "\\;,\\,;",
    "Ends with a backslash \\",
    /* Long, so the escapes meet the folding: a split never separates a
     * backslash from what it escapes in a way the parser cannot undo. */
    "A;b,c\\d A;b,c\\d A;b,c\\d A;b,c\\d A;b,c\\d A;b,c\\d A;b,c\\d A;b,c\\d A;b,c\\d",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(RetractRuleset) renamed = make_rules_with_type_name (names[i]);
      g_autoptr(RetractCase) kase = make_case ("wechat", "friend-report",
                                               "2026-11-24T10:00+08:00", NULL);
      g_autoptr(RetractAssessment) assessment = assess_with (renamed, kase,
                                                             "2026-11-24T10:30+08:00");
      g_autofree char *ics = build (assessment, RETRACT_LANGUAGE_EN);
      g_autoptr(icalcomponent) calendar = parse_calendar (ics);
      g_autofree char *expected = g_strdup_printf ("Complaint: WeChat · %s\n", names[i]);
      const char *description = icalcomponent_get_description (find_event (calendar, "window"));

      assert_folded (ics);
      g_assert_true (g_str_has_prefix (description, expected));
    }

  /* In the file itself, on the first name (short enough not to be folded). */
  {
    g_autoptr(RetractRuleset) renamed = make_rules_with_type_name (names[0]);
    g_autoptr(RetractCase) kase = make_case ("wechat", "friend-report",
                                             "2026-11-24T10:00+08:00", NULL);
    g_autoptr(RetractAssessment) assessment = assess_with (renamed, kase,
                                                           "2026-11-24T10:30+08:00");
    g_autofree char *ics = build (assessment, RETRACT_LANGUAGE_EN);

    g_assert_nonnull (strstr (ics, "DESCRIPTION:Complaint: WeChat · Report\\, of\\; a "
                                   "\\\\ friend\\nDeadline: "));
  }
}

static void
test_line_folding (void)
{
  g_autoptr(RetractAssessment) assessment = assess ("wechat", "friend-report",
                                                    "2026-11-24T10:00+08:00",
                                                    "2026-11-24T10:30+08:00", "cross-border");
  g_autoptr(RetractAssessment) judicial = assess ("wechat", "payment-dispute",
                                                  "2026-09-28T10:00+08:00",
                                                  "2026-09-28T12:00+08:00", "judicial");
  /* Its legal event's UID folds into a piece of exactly 74 octets. */
  g_autoptr(RetractAssessment) ip = assess ("wechat", "intellectual-property",
                                            "2026-11-24T10:00+08:00",
                                            "2026-11-24T10:00+08:00", "judicial");
  RetractAssessment *assessments[] = { assessment, judicial, ip };

  for (guint i = 0; i < G_N_ELEMENTS (assessments); i++)
    {
      g_autofree char *zh = build (assessments[i], RETRACT_LANGUAGE_ZH_CN);
      g_autofree char *en = build (assessments[i], RETRACT_LANGUAGE_EN);
      g_autoptr(icalcomponent) calendar = parse_calendar (en);

      assert_folded (zh);
      assert_folded (en);
      /* The descriptions are long enough that something really was folded. */
      g_assert_nonnull (strstr (en, "\r\n "));
      g_assert_nonnull (strstr (zh, "\r\n "));

      /* And it unfolds to what went in. */
      for (icalcomponent *event = icalcomponent_get_first_component (calendar,
                                                                     ICAL_VEVENT_COMPONENT);
           event != NULL;
           event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
        {
          static const char * const kinds[] = { "self-service", "window", "legal" };
          const char *uid = icalcomponent_get_uid (event);
          gboolean known = FALSE;
          g_autofree char *expected = g_strdup_printf (
            "-%" G_GINT64_FORMAT "-wechat-%s" UID_SUFFIX,
            g_date_time_to_unix (retract_assessment_get_filed_at (assessments[i])),
            retract_assessment_get_complaint_type (assessments[i])->id);

          for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
            {
              g_autofree char *full = g_strconcat (kinds[k], expected, NULL);

              known = known || g_str_equal (uid, full);
            }
          g_assert_true (known);
        }
    }

  g_assert_finalize_object (g_steal_pointer (&assessment));
  g_assert_finalize_object (g_steal_pointer (&judicial));
  g_assert_finalize_object (g_steal_pointer (&ip));
}

/* Whatever the case holds about the person, none of it reaches the calendar. */
static void
test_no_personal_data (void)
{
  static const struct
  {
    RetractDetail  detail;
    const char    *value;
  } details[] = {
    { RETRACT_DETAIL_APPLICANT_NAME, "张三" },
    { RETRACT_DETAIL_APPLICANT_WECHAT_ID, "zhangsan_1990" },
    { RETRACT_DETAIL_APPLICANT_PHONE, "13800138000" },
    { RETRACT_DETAIL_APPLICANT_ID_NUMBER, "11010519491231002X" },
    { RETRACT_DETAIL_COMPLAINT_NUMBER, "WX2026112400001" },
  };
  g_autoptr(RetractCase) kase = make_case ("wechat", "friend-report",
                                           "2026-11-24T10:00+08:00", NULL);
  g_autoptr(RetractAssessment) assessment = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    retract_case_set_detail (kase, details[i].detail, details[i].value);
  assessment = assess_with (rules, kase, "2026-11-24T10:30+08:00");

  for (RetractLanguage language = RETRACT_LANGUAGE_ZH_CN; language <= RETRACT_LANGUAGE_EN;
       language++)
    {
      g_autofree char *ics = build (assessment, language);
      g_autofree char *unfolded = NULL;
      g_auto(GStrv) pieces = g_strsplit (ics, "\r\n ", -1);

      /* Look at the text with its folds undone, so a split value is still found. */
      unfolded = g_strjoinv ("", pieces);
      for (guint i = 0; i < G_N_ELEMENTS (details); i++)
        g_assert_null (strstr (unfolded, details[i].value));
    }

  g_assert_finalize_object (g_steal_pointer (&assessment));
  g_assert_finalize_object (g_steal_pointer (&kase));
}

/* libical's parser reads the file with no complaints of its own. */
static void
test_parser_accepts (void)
{
  g_autoptr(RetractAssessment) assessment = assess ("wechat", "friend-report",
                                                    "2026-11-24T10:00+08:00",
                                                    "2026-11-24T10:30+08:00", "judicial");
  g_autoptr(RetractAssessment) auto_review = assess ("wechat", "payment-dispute",
                                                     "2026-11-24T10:00+08:00",
                                                     "2026-11-24T10:30+08:00", NULL);
  RetractAssessment *assessments[] = { assessment, auto_review };

  for (guint i = 0; i < G_N_ELEMENTS (assessments); i++)
    {
      g_autofree char *ics = build (assessments[i], RETRACT_LANGUAGE_ZH_CN);
      g_autoptr(icalcomponent) calendar = NULL;

      icalerror_clear_errno ();
      calendar = icalparser_parse_string (ics);
      g_assert_nonnull (calendar);
      g_assert_cmpint (icalerrno, ==, ICAL_NO_ERROR);
      /* The parser records what it could not read as X-LIC-ERROR properties. */
      g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
      g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), >=, 1);
    }

  g_assert_finalize_object (g_steal_pointer (&assessment));
  g_assert_finalize_object (g_steal_pointer (&auto_review));
}

/* ---- the case file: one event per open case's next step ---- */

static void
add_event (RetractCase      *kase,
           RetractEventKind  kind,
           const char       *channel,
           const char       *at)
{
  g_autoptr(GDateTime) time = parse_time (at);
  RetractCaseEvent *event = retract_case_event_new (kind, time);

  event->channel = g_strdup (channel);
  retract_case_add_event (kase, event);
}

/* A case as the user fills it in, with what must never reach a calendar. */
static RetractCase *
make_personal_case (const char *platform,
                    const char *type,
                    const char *filed_at)
{
  RetractCase *kase = make_case (platform, type, filed_at, NULL);

  g_assert_true (retract_case_set_account (kase, "wxid_private_acct", NULL));
  retract_case_set_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, "WX20261124777");
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_NAME, "张三");
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "a very private narrative");
  return kase;
}

static icalcomponent *
find_case_event (icalcomponent *calendar,
                 RetractCase   *kase)
{
  g_autofree char *prefix = g_strconcat ("case-", retract_case_get_id (kase), NULL);

  return find_event (calendar, prefix);
}

static char *
build_case_file (GPtrArray  *cases,
                 const char *now,
                 GError    **error)
{
  g_autoptr(GDateTime) at = parse_time (now);
  g_autoptr(GPtrArray) rows = retract_case_rows_new (rules, cases, at);

  return retract_reminders_build_case_file_ics (rules, rows, at, RETRACT_LANGUAGE_EN, error);
}

static void
test_case_file (void)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) created = parse_time ("2026-11-24 21:00");
  g_autoptr(GDateTime) wait_ends = parse_time ("2026-11-25 01:00");
  g_autoptr(GDateTime) self_service_ends = parse_time ("2026-11-24 22:00");
  g_autoptr(GError) error = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *uid = NULL;
  RetractCase *ticket = make_personal_case ("wechat", "friend-report", "2026-11-24 10:00");
  RetractCase *fresh = make_personal_case ("wechat", "friend-report", "2026-11-24 20:00");
  RetractCase *resolved = make_personal_case ("wechat", "friend-report", "2026-11-24 10:00");
  RetractCase *abandoned = make_personal_case ("wechat", "friend-report", "2026-11-24 10:00");
  RetractCase *closed = make_personal_case ("alipay", "general", "2026-11-20 10:00");
  icalcomponent *event;

  add_event (ticket, RETRACT_EVENT_SUBMITTED, "web-ticket", "2026-11-24 13:00");
  add_event (resolved, RETRACT_EVENT_RESOLVED, NULL, "2026-11-24 13:00");
  add_event (abandoned, RETRACT_EVENT_ABANDONED, NULL, "2026-11-24 13:00");
  g_ptr_array_add (cases, ticket);
  g_ptr_array_add (cases, resolved);
  g_ptr_array_add (cases, fresh);
  g_ptr_array_add (cases, abandoned);
  g_ptr_array_add (cases, closed);

  ics = build_case_file (cases, "2026-11-24 21:00", &error);
  g_assert_no_error (error);
  calendar = parse_calendar (ics);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);

  /* The open cases only: nothing for ended or closed ones. */
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 2);
  g_assert_null (find_case_event (calendar, resolved));
  g_assert_null (find_case_event (calendar, abandoned));
  g_assert_null (find_case_event (calendar, closed));

  /* The ticket's wait ends at 01:00, then the hotline. */
  event = find_case_event (calendar, ticket);
  g_assert_nonnull (event);
  uid = g_strconcat ("case-", retract_case_get_id (ticket), "-wait-phone-hotline", UID_SUFFIX,
                     NULL);
  g_assert_cmpstr (icalcomponent_get_uid (event), ==, uid);
  g_assert_cmpuint (check_event (event, wait_ends, created), ==, 1);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==,
                   "Mistaken complaint (WeChat · Report of a friend (pornography / fraud)): "
                   "Wait for the reply: Ticket on the Tencent Customer Service website");
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Deadline: 2026-11-25 01:00"));
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "0755-83765566"));

  /* The fresh case: the self-service button until 22:00. */
  event = find_case_event (calendar, fresh);
  g_assert_nonnull (event);
  g_free (uid);
  uid = g_strconcat ("case-", retract_case_get_id (fresh), "-submit-self-service", UID_SUFFIX,
                     NULL);
  g_assert_cmpstr (icalcomponent_get_uid (event), ==, uid);
  check_event (event, self_service_ends, created);

  /* Nothing about the person: not the account, the number, the name nor the story. */
  g_assert_null (strstr (ics, "wxid_private_acct"));
  g_assert_null (strstr (ics, "WX20261124777"));
  g_assert_null (strstr (ics, "张三"));
  g_assert_null (strstr (ics, "private narrative"));
}

/* Saving the reminders again: the same step keeps its UID (importing
 * updates it), a new step gets its own; in Chinese too. */
static void
test_case_file_stable (void)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(icalcomponent) first = NULL;
  g_autoptr(icalcomponent) again = NULL;
  g_autoptr(icalcomponent) after = NULL;
  g_autoptr(icalcomponent) chinese = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *ics_again = NULL;
  g_autofree char *ics_after = NULL;
  g_autofree char *ics_chinese = NULL;
  g_autofree char *uid = NULL;
  RetractCase *kase = make_personal_case ("wechat", "friend-report", "2026-11-24 10:00");

  g_ptr_array_add (cases, kase);
  ics = build_case_file (cases, "2026-11-24 12:30", &error);
  g_assert_no_error (error);
  first = parse_calendar (ics);
  uid = g_strdup (icalcomponent_get_uid (find_case_event (first, kase)));
  g_assert_true (g_str_has_suffix (uid, "-submit-web-ticket" UID_SUFFIX));

  ics_again = build_case_file (cases, "2026-11-24 13:00", &error);
  g_assert_no_error (error);
  again = parse_calendar (ics_again);
  g_assert_cmpstr (icalcomponent_get_uid (find_case_event (again, kase)), ==, uid);

  add_event (kase, RETRACT_EVENT_SUBMITTED, "web-ticket", "2026-11-24 13:00");
  ics_after = build_case_file (cases, "2026-11-24 13:05", &error);
  g_assert_no_error (error);
  after = parse_calendar (ics_after);
  g_assert_cmpstr (icalcomponent_get_uid (find_case_event (after, kase)), !=, uid);
  g_assert_true (g_str_has_suffix (icalcomponent_get_uid (find_case_event (after, kase)),
                                   "-wait-phone-hotline" UID_SUFFIX));

  {
    g_autoptr(GDateTime) at = parse_time ("2026-11-24 13:05");
    g_autoptr(GPtrArray) rows = retract_case_rows_new (rules, cases, at);

    ics_chinese = retract_reminders_build_case_file_ics (rules, rows, at, RETRACT_LANGUAGE_ZH_CN,
                                                         &error);
    g_assert_no_error (error);
  }
  chinese = parse_calendar (ics_chinese);
  g_assert_cmpstr (icalcomponent_get_summary (find_case_event (chinese, kase)), ==,
                   "误投诉撤销（微信 · 好友举报(色情/诈骗)）：等待答复：腾讯客服官网申诉");
  g_assert_cmpstr (icalcomponent_get_uid (find_case_event (chinese, kase)), ==,
                   icalcomponent_get_uid (find_case_event (after, kase)));
}

/* No open case with a deadline: nothing to put in a calendar. */
static void
test_case_file_nothing (void)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  RetractCase *resolved = make_personal_case ("wechat", "friend-report", "2026-11-24 10:00");

  ics = build_case_file (cases, "2026-11-24 21:00", &error);
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
  g_assert_null (ics);
  g_clear_error (&error);

  add_event (resolved, RETRACT_EVENT_RESOLVED, NULL, "2026-11-24 13:00");
  g_ptr_array_add (cases, resolved);
  g_ptr_array_add (cases, make_personal_case ("alipay", "general", "2026-11-20 10:00"));
  ics = build_case_file (cases, "2026-11-24 21:00", &error);
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
  g_assert_null (ics);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  rules = retract_ruleset_new_bundled (&error);
  g_assert_no_error (error);

  g_test_add_func ("/retract/reminders/auto-review", test_auto_review);
  g_test_add_func ("/retract/reminders/manual-review", test_manual_review);
  g_test_add_func ("/retract/reminders/working-days", test_working_days);
  g_test_add_func ("/retract/reminders/legal-deadline", test_legal_deadline);
  g_test_add_func ("/retract/reminders/day-before-threshold", test_day_before_threshold);
  g_test_add_func ("/retract/reminders/nothing-ahead", test_nothing_ahead);
  g_test_add_func ("/retract/reminders/deterministic", test_deterministic);
  g_test_add_func ("/retract/reminders/language", test_language);
  g_test_add_func ("/retract/reminders/language-traditional", test_language_traditional);
  g_test_add_func ("/retract/reminders/channel-phone", test_channel_phone);
  g_test_add_func ("/retract/reminders/line-folding", test_line_folding);
  g_test_add_func ("/retract/reminders/text-escaping", test_text_escaping);
  g_test_add_func ("/retract/reminders/no-personal-data", test_no_personal_data);
  g_test_add_func ("/retract/reminders/parser-accepts", test_parser_accepts);
  g_test_add_func ("/retract/reminders/case-file", test_case_file);
  g_test_add_func ("/retract/reminders/case-file-stable", test_case_file_stable);
  g_test_add_func ("/retract/reminders/case-file-nothing", test_case_file_nothing);

  status = g_test_run ();
  g_assert_finalize_object (rules);
  return status;
}
