/* SPDX-License-Identifier: GPL-3.0-or-later */

/* $.calendar of the rules dataset: the official holidays and make-up working
 * days of each year, read into the ruleset's RetractCalendar as they are
 * checked. */

#define G_LOG_DOMAIN "retract-ruleset"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "retract-error.h"
#include "retract-ruleset-private.h"

typedef struct
{
  RetractText  name;
  char        *from;
  char        *to;
} Holiday;

static gboolean
check_holiday (Parser     *parser,
               JsonObject *object,
               const char *path,
               gpointer    record,
               GError    **error)
{
  RetractCalendar *calendar = parser->rules->calendar;
  Holiday *holiday = record;
  RetractText *name;
  GDate from, to;

  retract_ruleset_parse_date (holiday->from, &from);
  retract_ruleset_parse_date (holiday->to, &to);
  if (g_date_compare (&from, &to) > 0 || g_date_days_between (&from, &to) > 31)
    {
      retract_json_document_set_member_error (parser->doc, error,
                                              RETRACT_DATA_ERROR_OUT_OF_RANGE, path, "to",
                                              _("a holiday ends on or after its first day and "
                                                "lasts at most a month"));
      return FALSE;
    }
  if (ABS ((int) g_date_get_year (&from) - (int) parser->year) > 1)
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_OUT_OF_RANGE,
                                       path, _("this holiday is not in or next to year %d"),
                                       (int) parser->year);
      return FALSE;
    }

  /* The calendar keeps the name, for the deadlines that skip this holiday
   * to say which it was; the record is dropped after reading. */
  name = g_new (RetractText, 1);
  *name = holiday->name;
  memset (&holiday->name, 0, sizeof holiday->name);
  retract_calendar_add_named_holiday (calendar, &from, &to, name);

  return TRUE;
}

static const Field holiday_fields[] = {
  { "name", FIELD_TEXT, REQ, 0, 0, AT (Holiday, name) },
  { "from", FIELD_STRING, REQ, 0, 0, AT (Holiday, from), NULL, retract_ruleset_check_date },
  { "to", FIELD_STRING, REQ, 0, 0, AT (Holiday, to), NULL, retract_ruleset_check_date },
};
static const RecordSpec holiday_spec = SPEC (holiday_fields, Holiday, check_holiday);

static gboolean
add_workday (Parser     *parser,
             JsonNode   *node,
             const char *path,
             gpointer    data,
             GError    **error)
{
  RetractCalendar *calendar = parser->rules->calendar;
  GDateWeekday weekday;
  GDate day;

  if (!retract_ruleset_read_date (parser, node, path, &day, error))
    return FALSE;

  /* A make-up working day only means something on a weekend. */
  weekday = g_date_get_weekday (&day);
  if (weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY)
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                       _("a make-up working day must be a Saturday or a "
                                         "Sunday"));
      return FALSE;
    }
  if (retract_calendar_is_holiday (calendar, &day))
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                       _("this day is also listed as a holiday"));
      return FALSE;
    }

  retract_calendar_add_workday (calendar, &day);
  return TRUE;
}

static gboolean
read_workdays (Parser      *parser,
               JsonObject  *object,
               const char  *path,
               const Field *field,
               gpointer     record,
               GError     **error)
{
  return retract_ruleset_read_each (parser, object, path, field, add_workday, NULL, error);
}

typedef struct
{
  guint  year;
  char  *notice;
} CalendarYear;

static gboolean
check_year (Parser     *parser,
            const char *path,
            gpointer    member,
            GError    **error)
{
  guint year = *(guint *) member;

  if (retract_calendar_covers_year (parser->rules->calendar, year))
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                       _("year %d is listed twice"), (int) year);
      return FALSE;
    }

  retract_calendar_add_year (parser->rules->calendar, year);
  parser->year = year;
  return TRUE;
}

static const Field year_fields[] = {
  { "year", FIELD_UINT, REQ, 2000, 2999, AT (CalendarYear, year), NULL, check_year },
  { "notice", FIELD_STRING, REQ, 0, 0, AT (CalendarYear, notice), NULL,
    retract_ruleset_check_date },
  { "holidays", FIELD_RECORDS, FULL, 0, 0, NOT_STORED, &holiday_spec },
  { "workdays", FIELD_CUSTOM, REQ, 0, 0, NOT_STORED, NULL, NULL, read_workdays },
};
static const RecordSpec year_spec = SPEC (year_fields, CalendarYear, NULL);

static const Field calendar_fields[] = {
  { "source", FIELD_TEXT, REQ, 0, 0, AT (RetractRuleset, calendar_source) },
  { "years", FIELD_RECORDS, FULL, 0, 0, NOT_STORED, &year_spec },
};
const RecordSpec retract_ruleset_calendar_spec = SPEC (calendar_fields, RetractRuleset, NULL);
