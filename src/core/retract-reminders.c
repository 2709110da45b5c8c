/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Calendar reminders: an iCalendar file (RFC 5545) with one event for each
 * deadline that is still ahead. It is written here, not with libical: a few
 * fixed properties need escaping and folding, not a library that maps ICU
 * into the app (2.3 MB at start-up); the tests read it back with libical.
 * Only what the assessment knows goes in: never who the user is, since
 * calendars get synced and shared. */

#define G_LOG_DOMAIN "retract-reminders"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "retract-error.h"
#include "retract-json-case.h"
#include "retract-next-step-text.h"
#include "retract-reminders.h"
#include "retract-time.h"

#define PRODID "-//Retract//Retract " PACKAGE_VERSION "//EN"
#define UID_CHARACTERS "abcdefghijklmnopqrstuvwxyz0123456789-"

/* A day-before alarm only helps when the deadline is more than a day away. */
#define DAY_BEFORE_THRESHOLD G_TIME_SPAN_DAY

typedef struct
{
  const char *zh_CN;
  const char *en;
} Phrase;

typedef enum
{
  DEADLINE_SELF_SERVICE,
  DEADLINE_WINDOW,
  DEADLINE_LEGAL,
} DeadlineKind;

#define N_DEADLINE_KINDS (DEADLINE_LEGAL + 1)

static const struct
{
  const char *uid_kind;
  Phrase      summary;
} deadline_kinds[N_DEADLINE_KINDS] = {
  [DEADLINE_SELF_SERVICE] = {
    "self-service",
    { "误投诉撤销：自助撤回截止", "Mistaken complaint: self-service withdrawal ends" },
  },
  [DEADLINE_WINDOW] = {
    "window",
    { "误投诉撤销：撤销期限截止", "Mistaken complaint: withdrawal window closes" },
  },
  [DEADLINE_LEGAL] = {
    "legal",
    { "误投诉撤销：法律程序启动截止", "Mistaken complaint: legal procedure must start" },
  },
};

static const Phrase label_complaint = { "投诉：", "Complaint: " };
static const Phrase label_deadline = { "截止时间：", "Deadline: " };
static const Phrase beijing_time = { "（北京时间）", " (UTC+8)" };
static const Phrase label_channel = { "推荐渠道：", "Recommended channel: " };
static const Phrase label_phone = { "电话：", "Phone: " };

static const char *
phrase_get (const Phrase    *phrase,
            RetractLanguage  language)
{
  /* Traditional Chinese from retract-hant-phrases.h, as in the letter. */
  return language == RETRACT_LANGUAGE_EN ? phrase->en
                                         : retract_text_chinese_phrase (language, phrase->zh_CN);
}

/* Stable across rebuilds of the same case, so re-importing updates the event
 * instead of adding a second one; made of ids and a time, nothing personal. */
static char *
build_uid (RetractAssessment *assessment,
           DeadlineKind       kind)
{
  const RetractPlatform *platform = retract_assessment_get_platform (assessment);
  const RetractComplaintType *type = retract_assessment_get_complaint_type (assessment);
  gint64 filed_at = g_date_time_to_unix (retract_assessment_get_filed_at (assessment));
  g_autofree char *local = NULL;

  local = g_strdup_printf ("%s-%" G_GINT64_FORMAT "-%s-%s", deadline_kinds[kind].uid_kind,
                           filed_at, platform->id, type->id);
  /* The ids come from the dataset; keep the UID one plain token whatever they hold. */
  g_strcanon (local, UID_CHARACTERS, '-');

  return g_strconcat (local, "@", APP_ID, NULL);
}

static char *
build_description (RetractAssessment *assessment,
                   GDateTime         *deadline,
                   RetractLanguage    language)
{
  const RetractPlatform *platform = retract_assessment_get_platform (assessment);
  const RetractComplaintType *type = retract_assessment_get_complaint_type (assessment);
  const RetractChannel *channel = retract_assessment_get_recommended_channel (assessment);
  g_autofree char *when = retract_time_format_human (deadline);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s%s · %s\n", phrase_get (&label_complaint, language),
                          retract_text_get (&platform->name, language),
                          retract_text_get (&type->name, language));
  g_string_append_printf (text, "%s%s%s", phrase_get (&label_deadline, language), when,
                          phrase_get (&beijing_time, language));

  if (channel != NULL)
    {
      g_string_append_printf (text, "\n%s%s", phrase_get (&label_channel, language),
                              retract_text_get (&channel->name, language));
      if (channel->phone != NULL && *channel->phone != '\0')
        g_string_append_printf (text, "\n%s%s", phrase_get (&label_phone, language),
                                channel->phone);
    }

  return g_string_free (text, FALSE);
}

/* RFC 5545 3.1: content lines of at most 75 octets, longer ones folded with
 * CRLF and a space, never inside a UTF-8 sequence. */
#define ICS_LINE_OCTETS 75

static void
append_folded_line (GString    *ics,
                    const char *line)
{
  gsize room = ICS_LINE_OCTETS;
  const char *p = line;

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);
      gsize size = (gsize) (next - p);

      if (size > room)
        {
          g_string_append (ics, "\r\n ");
          room = ICS_LINE_OCTETS - 1;
        }
      g_string_append_len (ics, p, (gssize) size);
      room -= size;
      p = next;
    }

  g_string_append (ics, "\r\n");
}

static void
append_property (GString    *ics,
                 const char *name,
                 const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);

  append_folded_line (ics, line);
}

/* A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline
 * escaped; other control characters have no place in it and are dropped. */
static void
append_text_property (GString    *ics,
                      const char *name,
                      const char *text)
{
  g_autoptr(GString) escaped = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
        case ';':
        case ',':
          g_string_append_c (escaped, '\\');
          g_string_append_c (escaped, *p);
          break;
        case '\n':
          g_string_append (escaped, "\\n");
          break;
        case '\t':
          g_string_append_c (escaped, *p);
          break;
        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (escaped, *p);
        }
    }

  append_property (ics, name, escaped->str);
}

/* DATE-TIME in UTC (RFC 5545 3.3.5, form 2): 20261124T100000Z. */
static void
append_utc_property (GString    *ics,
                     const char *name,
                     gint64      unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);
  g_autofree char *value = g_date_time_format (time, "%Y%m%dT%H%M%SZ");

  append_property (ics, name, value);
}

/* A DURATION before the start (RFC 5545 3.3.6): -P1D, -PT1H, -PT1H30M. */
static char *
format_negative_duration (guint seconds)
{
  GString *text = g_string_new ("-P");

  if (seconds % (24 * 60 * 60) == 0)
    {
      g_string_append_printf (text, "%uD", seconds / (24 * 60 * 60));
      return g_string_free (text, FALSE);
    }

  if (seconds >= 24 * 60 * 60)
    g_string_append_printf (text, "%uD", seconds / (24 * 60 * 60));
  seconds %= 24 * 60 * 60;
  g_string_append_c (text, 'T');
  if (seconds >= 60 * 60)
    g_string_append_printf (text, "%uH", seconds / (60 * 60));
  if (seconds % (60 * 60) >= 60)
    g_string_append_printf (text, "%uM", seconds % (60 * 60) / 60);
  if (seconds % 60 != 0)
    g_string_append_printf (text, "%uS", seconds % 60);

  return g_string_free (text, FALSE);
}

static void
append_alarm (GString    *ics,
              const char *summary,
              guint       seconds_before_start)
{
  g_autofree char *trigger = format_negative_duration (seconds_before_start);

  append_property (ics, "BEGIN", "VALARM");
  append_property (ics, "ACTION", "DISPLAY");
  append_text_property (ics, "DESCRIPTION", summary);
  /* Relative, so related to DTSTART: no absolute time to get wrong. */
  append_property (ics, "TRIGGER", trigger);
  append_property (ics, "END", "VALARM");
}

/* The start of a calendar file; the caller adds the events and END. */
static GString *
calendar_new (void)
{
  GString *ics = g_string_new (NULL);

  append_property (ics, "BEGIN", "VCALENDAR");
  append_property (ics, "VERSION", "2.0");
  append_property (ics, "PRODID", PRODID);
  append_property (ics, "CALSCALE", "GREGORIAN");
  append_property (ics, "METHOD", "PUBLISH");
  return ics;
}

/* One reminder: an event that ends at @due and starts RETRACT_REMINDER_LEAD
 * before it, with an alarm an hour before the start and, when @ahead (how
 * long until @due) allows, a day before. */
static void
append_vevent (GString    *ics,
               const char *uid,
               GDateTime  *created,
               GDateTime  *due,
               const char *summary,
               const char *description,
               GTimeSpan   ahead)
{
  gint64 end = g_date_time_to_unix (due);
  gint64 start = end - RETRACT_REMINDER_LEAD / G_TIME_SPAN_SECOND;

  append_property (ics, "BEGIN", "VEVENT");
  append_text_property (ics, "UID", uid);
  append_utc_property (ics, "DTSTAMP", g_date_time_to_unix (created));
  append_utc_property (ics, "DTSTART", start);
  append_utc_property (ics, "DTEND", end);
  append_text_property (ics, "SUMMARY", summary);
  append_text_property (ics, "DESCRIPTION", description);
  append_property (ics, "TRANSP", "OPAQUE");
  append_property (ics, "STATUS", "CONFIRMED");
  append_text_property (ics, "CATEGORIES", "Retract");

  append_alarm (ics, summary, 60 * 60);
  if (ahead > DAY_BEFORE_THRESHOLD)
    append_alarm (ics, summary, 24 * 60 * 60);

  append_property (ics, "END", "VEVENT");
}

static void
append_event (GString           *ics,
              RetractAssessment *assessment,
              DeadlineKind       kind,
              GDateTime         *deadline,
              GDateTime         *created,
              RetractLanguage    language)
{
  const char *summary = phrase_get (&deadline_kinds[kind].summary, language);
  g_autofree char *uid = build_uid (assessment, kind);
  g_autofree char *description = build_description (assessment, deadline, language);
  GTimeSpan ahead = g_date_time_difference (deadline, retract_assessment_get_now (assessment));

  append_vevent (ics, uid, created, deadline, summary, description, ahead);
}

/**
 * retract_reminders_build_ics:
 * @assessment: what the reminders are for
 * @created: when the file is made; becomes every event's DTSTAMP, so the same
 *   value gives the same bytes
 * @language: the language of the event texts
 * @error: why there is nothing to put in a calendar
 *
 * Builds an iCalendar file with an event ending at each deadline of
 * @assessment that is still ahead of its time of assessment.
 *
 * Returns: (transfer full) (nullable): the iCalendar text, CRLF line endings
 */
char *
retract_reminders_build_ics (RetractAssessment *assessment,
                             GDateTime         *created,
                             RetractLanguage    language,
                             GError           **error)
{
  GDateTime *deadlines[N_DEADLINE_KINDS] = { NULL, };
  RetractStage stage;
  GDateTime *now;
  GString *ics;
  guint n_events = 0;

  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (created != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stage = retract_assessment_get_stage (assessment);
  now = retract_assessment_get_now (assessment);

  /* Self-service ends with the automatic review; the window with manual review. */
  if (stage == RETRACT_STAGE_AUTO_REVIEW)
    deadlines[DEADLINE_SELF_SERVICE] = retract_assessment_get_self_service_until (assessment);
  if (stage == RETRACT_STAGE_AUTO_REVIEW || stage == RETRACT_STAGE_MANUAL_REVIEW)
    deadlines[DEADLINE_WINDOW] = retract_assessment_get_window_closes_at (assessment);
  deadlines[DEADLINE_LEGAL] = retract_assessment_get_legal_deadline (assessment);

  for (guint i = 0; i < N_DEADLINE_KINDS; i++)
    {
      if (deadlines[i] != NULL && g_date_time_compare (deadlines[i], now) > 0)
        n_events++;
      else
        deadlines[i] = NULL;
    }

  if (n_events == 0)
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   _("no deadline is still ahead: the withdrawal deadlines have been reached or "
                     "do not apply, and no legal deadline is pending"));
      return NULL;
    }

  ics = calendar_new ();

  for (guint i = 0; i < N_DEADLINE_KINDS; i++)
    {
      if (deadlines[i] != NULL)
        append_event (ics, assessment, (DeadlineKind) i, deadlines[i], created, language);
    }

  append_property (ics, "END", "VCALENDAR");

  return g_string_free (ics, FALSE);
}

/* ---- the case file: one event for each open case's next step ---- */

/* Stable per case, action and channel: saving the reminders again after the
 * step changed (the ticket was sent, now wait) adds the new step and
 * re-importing the same step updates it. The case id is random (it names
 * nothing about the user). */
static char *
build_step_uid (const RetractCaseRow *row)
{
  g_autofree char *local = g_strdup_printf ("case-%s-%s-%s", retract_case_get_id (row->kase),
                                            retract_next_action_to_id (row->step.action),
                                            row->step.channel != NULL ? row->step.channel
                                                                      : "none");

  g_strcanon (local, UID_CHARACTERS, '-');
  return g_strconcat (local, "@", APP_ID, NULL);
}

static void
append_step_event (GString              *ics,
                   RetractRuleset       *rules,
                   const RetractCaseRow *row,
                   GDateTime            *created,
                   RetractLanguage       language)
{
  RetractCase *kase = row->kase;
  const RetractPlatform *platform = retract_ruleset_lookup_platform (rules,
                                                                     retract_case_get_platform (kase));
  const RetractComplaintType *type = retract_ruleset_lookup_type (rules,
                                                                  retract_case_get_platform (kase),
                                                                  retract_case_get_complaint_type (kase));
  const char *platform_name = platform != NULL ? retract_text_get (&platform->name, language)
                                               : retract_case_get_platform (kase);
  const char *type_name = type != NULL ? retract_text_get (&type->name, language)
                                       : retract_case_get_complaint_type (kase);
  const RetractChannel *channel = row->step.channel != NULL
                                  ? retract_ruleset_lookup_channel (rules, row->step.channel)
                                  : NULL;
  g_autofree char *title = retract_next_step_dup_title (&row->step, rules, language);
  g_autofree char *summary = language == RETRACT_LANGUAGE_EN
                              ? g_strdup_printf ("Mistaken complaint (%s · %s): %s",
                                                 platform_name, type_name, title)
                              : g_strdup_printf (retract_text_chinese_phrase (
                                                   language, "误投诉撤销（%s · %s）：%s"),
                                                 platform_name, type_name, title);
  g_autofree char *uid = build_step_uid (row);
  g_autofree char *when = retract_time_format_human (row->step.due_at);
  g_autoptr(GString) description = g_string_new (NULL);
  GTimeSpan ahead = g_date_time_difference (row->step.due_at, created);

  /* Only what the dataset says: never the complaint number nor the account
   * (by default the applicant's WeChat ID), since calendars get shared. */
  g_string_append_printf (description, "%s%s · %s\n", phrase_get (&label_complaint, language),
                          platform_name, type_name);
  g_string_append_printf (description, "%s%s%s", phrase_get (&label_deadline, language), when,
                          phrase_get (&beijing_time, language));
  if (channel != NULL && channel->phone != NULL && *channel->phone != '\0')
    g_string_append_printf (description, "\n%s%s", phrase_get (&label_phone, language),
                            channel->phone);

  append_vevent (ics, uid, created, row->step.due_at, summary, description->str, ahead);
}

/* An open case's step with a deadline still ahead; ended and closed cases,
 * and cases the rules could not assess, have none. */
static gboolean
has_reminder (const RetractCaseRow *row,
              GDateTime            *created)
{
  return row->error == NULL &&
         (row->step.status == RETRACT_STATUS_ACT_NOW ||
          row->step.status == RETRACT_STATUS_WAITING) &&
         row->step.action != RETRACT_ACTION_NONE &&
         row->step.due_at != NULL &&
         g_date_time_compare (row->step.due_at, created) > 0;
}

/**
 * retract_reminders_build_case_file_ics:
 * @rules: the rules @rows were worked out with
 * @rows: (element-type RetractCaseRow): the case list's rows
 *   (retract_case_rows_new(), retract_case_list_get_rows())
 * @created: when the file is made, the time of @rows; every event's DTSTAMP
 * @language: the language of the event texts
 * @error: why there is nothing to put in a calendar
 *
 * Builds one iCalendar file with an event ending at each open case's next
 * step deadline (the end of a wait, the last moment to submit). Each event's
 * UID is stable per case, action and channel, so that importing the file
 * again updates the events instead of adding copies. The texts name the
 * platform, the complaint type and the step, nothing about the user.
 *
 * Returns: (transfer full) (nullable): the iCalendar text, CRLF line endings
 */
char *
retract_reminders_build_case_file_ics (RetractRuleset   *rules,
                                       GPtrArray        *rows,
                                       GDateTime        *created,
                                       RetractLanguage   language,
                                       GError          **error)
{
  GString *ics;
  guint n_events = 0;

  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);
  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (created != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      if (has_reminder (g_ptr_array_index (rows, i), created))
        n_events++;
    }

  if (n_events == 0)
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   _("no open case has a next step with a deadline ahead"));
      return NULL;
    }

  ics = calendar_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      const RetractCaseRow *row = g_ptr_array_index (rows, i);

      if (has_reminder (row, created))
        append_step_event (ics, rules, row, created, language);
    }

  append_property (ics, "END", "VCALENDAR");

  return g_string_free (ics, FALSE);
}
