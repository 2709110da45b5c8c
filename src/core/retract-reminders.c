/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Calendar reminders: an iCalendar file with one event for each deadline that
 * is still ahead. libical builds and serialises it, so escaping and line
 * folding follow RFC 5545. Only what the assessment knows goes in: never who
 * the user is, since calendars get synced and shared. */

#define G_LOG_DOMAIN "retract-reminders"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "retract-error.h"
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
  return language == RETRACT_LANGUAGE_EN ? phrase->en : phrase->zh_CN;
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
  GPtrArray *channels = retract_assessment_get_channels (assessment);
  g_autofree char *when = retract_time_format_human (deadline);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s%s · %s\n", phrase_get (&label_complaint, language),
                          retract_text_get (&platform->name, language),
                          retract_text_get (&type->name, language));
  g_string_append_printf (text, "%s%s%s", phrase_get (&label_deadline, language), when,
                          phrase_get (&beijing_time, language));

  if (channels->len > 0)
    {
      const RetractChannel *channel = g_ptr_array_index (channels, 0);

      g_string_append_printf (text, "\n%s%s", phrase_get (&label_channel, language),
                              retract_text_get (&channel->name, language));
      if (channel->phone != NULL && *channel->phone != '\0')
        g_string_append_printf (text, "\n%s%s", phrase_get (&label_phone, language),
                                channel->phone);
    }

  return g_string_free (text, FALSE);
}

static struct icaltimetype
to_ical_utc (gint64 unix_time)
{
  return icaltime_from_timet_with_zone ((time_t) unix_time, 0, icaltimezone_get_utc_timezone ());
}

static icalcomponent *
build_alarm (const char *summary,
             int         seconds_before_start)
{
  icalcomponent *alarm = icalcomponent_new_valarm ();
  struct icaltriggertype trigger;

  /* A relative trigger: no absolute time, related to DTSTART by default. */
  trigger.time = icaltime_null_time ();
  trigger.duration = icaldurationtype_from_int (-seconds_before_start);

  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_description (summary));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));

  return alarm;
}

static icalcomponent *
build_event (RetractAssessment *assessment,
             DeadlineKind       kind,
             GDateTime         *deadline,
             GDateTime         *created,
             RetractLanguage    language)
{
  const char *summary = phrase_get (&deadline_kinds[kind].summary, language);
  g_autofree char *uid = build_uid (assessment, kind);
  g_autofree char *description = build_description (assessment, deadline, language);
  gint64 end = g_date_time_to_unix (deadline);
  gint64 start = end - RETRACT_REMINDER_LEAD / G_TIME_SPAN_SECOND;
  GTimeSpan ahead = g_date_time_difference (deadline, retract_assessment_get_now (assessment));
  icalcomponent *event = icalcomponent_new_vevent ();

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (
                                       to_ical_utc (g_date_time_to_unix (created))));
  icalcomponent_add_property (event, icalproperty_new_dtstart (to_ical_utc (start)));
  icalcomponent_add_property (event, icalproperty_new_dtend (to_ical_utc (end)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_OPAQUE));
  icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property (event, icalproperty_new_categories ("Retract"));

  icalcomponent_add_component (event, build_alarm (summary, 60 * 60));
  if (ahead > DAY_BEFORE_THRESHOLD)
    icalcomponent_add_component (event, build_alarm (summary, 24 * 60 * 60));

  return event;
}

/* libical (3.0.16, and 4.0 still) counts the CRLF ending a property as part of
 * its last piece when folding, so a last piece of 73 octets comes out as
 * "\r\r\n \n" (a stray CR and a bare LF) and one of 74 octets gets an empty
 * continuation line. Values are escaped, so a CR or LF in the output is always
 * a line break; both artefacts unfold to nothing and can simply go. */
static char *
repair_folding (const char *text)
{
  GString *repaired = g_string_new (text);

  g_string_replace (repaired, "\r\r\n \n", "\r\n", 0);
  g_string_replace (repaired, "\r\n \r\n", "\r\n", 0);

  return g_string_free (repaired, FALSE);
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
  icalcomponent *calendar;
  icalerrorenum ical_error;
  char *buffer = NULL;
  char *result;
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

  /* libical reports failures only through its thread-local errno. */
  icalerror_clear_errno ();

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));

  for (guint i = 0; i < N_DEADLINE_KINDS; i++)
    {
      if (deadlines[i] != NULL)
        icalcomponent_add_component (calendar,
                                     build_event (assessment, (DeadlineKind) i, deadlines[i],
                                                  created, language));
    }

  if (icalerrno == ICAL_NO_ERROR)
    buffer = icalcomponent_as_ical_string_r (calendar);
  ical_error = icalerrno;
  icalcomponent_free (calendar);

  if (buffer == NULL || ical_error != ICAL_NO_ERROR)
    {
      g_clear_pointer (&buffer, icalmemory_free_buffer);
      g_set_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE,
                   /* Translators: %s is libical's description of the problem, in English. */
                   _("Could not build the calendar file: %s"),
                   icalerror_strerror (ical_error != ICAL_NO_ERROR ? ical_error
                                                                   : ICAL_UNKNOWN_ERROR));
      icalerror_clear_errno ();
      return NULL;
    }

  /* Callers free with g_free, not libical's allocator. */
  result = repair_folding (buffer);
  icalmemory_free_buffer (buffer);

  return result;
}
