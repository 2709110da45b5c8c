/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How one deadline was counted from the filing (issue 15 §3): so many hours,
 * or so many working days, and then which days counted, which were skipped
 * (a weekend, or a holiday by the dataset calendar's name for it) and which
 * counted although they fall on a weekend (make-up working days, 调休上班).
 * The calendar fills it in as it counts (retract_calendar_count_working_days),
 * so the explanation and the deadline come from the same loop. The sentence
 * is said in the interface's language (gettext), or in a letter's own. */

#define G_LOG_DOMAIN "retract-deadline-count"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-calendar.h"
#include "retract-deadline-count.h"

struct _RetractDeadlineCount
{
  GObject              parent_instance;

  RetractDeadlineKind  kind;
  guint                length;
  /* Keeps the holidays' names alive: they belong to the calendar. */
  RetractCalendar     *calendar;
  GArray              *counted; /* GDate */
  GArray              *skipped; /* RetractSkippedDay */
  GArray              *makeup;  /* GDate */
  gboolean             covered;
};

G_DEFINE_FINAL_TYPE (RetractDeadlineCount, retract_deadline_count, G_TYPE_OBJECT)

static void
retract_deadline_count_finalize (GObject *object)
{
  RetractDeadlineCount *self = (RetractDeadlineCount *)object;

  g_clear_object (&self->calendar);
  g_clear_pointer (&self->counted, g_array_unref);
  g_clear_pointer (&self->skipped, g_array_unref);
  g_clear_pointer (&self->makeup, g_array_unref);

  G_OBJECT_CLASS (retract_deadline_count_parent_class)->finalize (object);
}

static void
retract_deadline_count_class_init (RetractDeadlineCountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = retract_deadline_count_finalize;
}

static void
retract_deadline_count_init (RetractDeadlineCount *self)
{
  self->counted = g_array_new (FALSE, TRUE, sizeof (GDate));
  self->skipped = g_array_new (FALSE, TRUE, sizeof (RetractSkippedDay));
  self->makeup = g_array_new (FALSE, TRUE, sizeof (GDate));
  self->covered = TRUE;
}

/* Returns: (transfer full): a deadline @hours after the filing instant */
RetractDeadlineCount *
retract_deadline_count_new_hours (guint hours)
{
  RetractDeadlineCount *self = g_object_new (RETRACT_TYPE_DEADLINE_COUNT, NULL);

  self->kind = RETRACT_DEADLINE_HOURS;
  self->length = hours;
  return self;
}

/**
 * retract_deadline_count_new_working_days:
 * @calendar: (nullable): the calendar whose holiday names the skipped days
 *   point to
 *
 * Returns: (transfer full): an empty count of @length working days; the
 *   counting adds its days
 */
RetractDeadlineCount *
retract_deadline_count_new_working_days (RetractCalendar *calendar,
                                         guint            length)
{
  RetractDeadlineCount *self = g_object_new (RETRACT_TYPE_DEADLINE_COUNT, NULL);

  self->kind = RETRACT_DEADLINE_WORKING_DAYS;
  self->length = length;
  if (calendar != NULL)
    self->calendar = g_object_ref (calendar);
  return self;
}

void
retract_deadline_count_add_counted (RetractDeadlineCount *self,
                                    const GDate          *date,
                                    gboolean              makeup)
{
  g_return_if_fail (RETRACT_IS_DEADLINE_COUNT (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_array_append_val (self->counted, *date);
  if (makeup)
    g_array_append_val (self->makeup, *date);
}

/* @holiday: (nullable): owned by the count's calendar */
void
retract_deadline_count_add_skipped (RetractDeadlineCount *self,
                                    const GDate          *date,
                                    RetractSkipReason     reason,
                                    const RetractText    *holiday)
{
  RetractSkippedDay day;

  g_return_if_fail (RETRACT_IS_DEADLINE_COUNT (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  day.date = *date;
  day.reason = reason;
  day.holiday = reason == RETRACT_SKIP_HOLIDAY ? holiday : NULL;
  g_array_append_val (self->skipped, day);
}

/* @covered: %FALSE when a day lay in a year the calendar does not cover */
void
retract_deadline_count_set_covered (RetractDeadlineCount *self,
                                    gboolean              covered)
{
  g_return_if_fail (RETRACT_IS_DEADLINE_COUNT (self));

  self->covered = covered;
}

RetractDeadlineKind
retract_deadline_count_get_kind (RetractDeadlineCount *self)
{
  g_return_val_if_fail (RETRACT_IS_DEADLINE_COUNT (self), RETRACT_DEADLINE_HOURS);

  return self->kind;
}

guint
retract_deadline_count_get_length (RetractDeadlineCount *self)
{
  g_return_val_if_fail (RETRACT_IS_DEADLINE_COUNT (self), 0);

  return self->length;
}

/* Returns: (transfer none) (element-type GDate): the days that counted, in order */
GArray *
retract_deadline_count_get_counted_days (RetractDeadlineCount *self)
{
  g_return_val_if_fail (RETRACT_IS_DEADLINE_COUNT (self), NULL);

  return self->counted;
}

/* Returns: (transfer none) (element-type RetractSkippedDay): the days that did not */
GArray *
retract_deadline_count_get_skipped_days (RetractDeadlineCount *self)
{
  g_return_val_if_fail (RETRACT_IS_DEADLINE_COUNT (self), NULL);

  return self->skipped;
}

/* Returns: (transfer none) (element-type GDate): the counted days that are
 *   weekend days worked instead of a holiday */
GArray *
retract_deadline_count_get_makeup_days (RetractDeadlineCount *self)
{
  g_return_val_if_fail (RETRACT_IS_DEADLINE_COUNT (self), NULL);

  return self->makeup;
}

gboolean
retract_deadline_count_get_covered (RetractDeadlineCount *self)
{
  g_return_val_if_fail (RETRACT_IS_DEADLINE_COUNT (self), FALSE);

  return self->covered;
}

/**
 * retract_deadline_count_get_last_day:
 * @date: (out caller-allocates): the last day counted
 *
 * Returns: %FALSE, @date untouched, for an hour count or no day counted
 */
gboolean
retract_deadline_count_get_last_day (RetractDeadlineCount *self,
                                     GDate                *date)
{
  g_return_val_if_fail (RETRACT_IS_DEADLINE_COUNT (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (self->counted->len == 0)
    return FALSE;

  *date = g_array_index (self->counted, GDate, self->counted->len - 1);
  return TRUE;
}

/* Returns: the word for @kind in `assess --json` */
const char *
retract_deadline_kind_to_id (RetractDeadlineKind kind)
{
  return kind == RETRACT_DEADLINE_WORKING_DAYS ? "working-days" : "hours";
}

/* Returns: the word for @reason in `assess --json` */
const char *
retract_skip_reason_to_id (RetractSkipReason reason)
{
  return reason == RETRACT_SKIP_HOLIDAY ? "holiday" : "weekend";
}

/* ---- the sentence ---- */

/* The sentence is said either in the interface's language (gettext: the
 * answer page, the command line) or in a letter's own language, which may
 * differ from the interface's (the letter to send is Chinese whatever the
 * locale). Each phrase is written once for gettext (N_ marks it) and once
 * in Chinese for the letter. */
typedef struct
{
  RetractLanguage language; /* the holidays' names; and the words when fixed */
  gboolean        fixed;
} Speech;

/* Fixed Chinese goes through retract_text_chinese_phrase(), which gives a
 * Hong Kong letter its Traditional form when build-aux/make-zh-hk.py has one. */
#define FIXED(speech, zh, en) \
  ((speech)->language == RETRACT_LANGUAGE_EN ? (en) \
                                             : retract_text_chinese_phrase ((speech)->language, (zh)))
#define SAY(speech, zh, en) ((speech)->fixed ? FIXED (speech, zh, en) : _(en))
#define SAY_WEEKDAY(speech, zh, en) \
  ((speech)->fixed ? FIXED (speech, zh, en) \
                   : g_dpgettext2 (GETTEXT_PACKAGE, "short weekday", en))

static char *
format_month_day (const GDate *date)
{
  return g_strdup_printf ("%02u-%02u", (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

static const char *
weekday_name (const Speech *speech,
              const GDate  *date)
{
  switch (g_date_get_weekday (date))
    {
    case G_DATE_MONDAY:
      return SAY_WEEKDAY (speech, "周一", NC_("short weekday", "Mon"));
    case G_DATE_TUESDAY:
      return SAY_WEEKDAY (speech, "周二", NC_("short weekday", "Tue"));
    case G_DATE_WEDNESDAY:
      return SAY_WEEKDAY (speech, "周三", NC_("short weekday", "Wed"));
    case G_DATE_THURSDAY:
      return SAY_WEEKDAY (speech, "周四", NC_("short weekday", "Thu"));
    case G_DATE_FRIDAY:
      return SAY_WEEKDAY (speech, "周五", NC_("short weekday", "Fri"));
    case G_DATE_SATURDAY:
      return SAY_WEEKDAY (speech, "周六", NC_("short weekday", "Sat"));
    case G_DATE_SUNDAY:
      return SAY_WEEKDAY (speech, "周日", NC_("short weekday", "Sun"));
    case G_DATE_BAD_WEEKDAY:
    default:
      g_return_val_if_reached ("");
    }
}

static const char *
separator (const Speech *speech)
{
  if (speech->fixed)
    return speech->language == RETRACT_LANGUAGE_EN ? ", " : "、";
  return C_("list separator", ", ");
}

static gboolean
is_makeup (RetractDeadlineCount *self,
           const GDate          *date)
{
  for (guint i = 0; i < self->makeup->len; i++)
    if (g_date_compare (&g_array_index (self->makeup, GDate, i), date) == 0)
      return TRUE;

  return FALSE;
}

static void
append_counted (RetractDeadlineCount *self,
                const Speech         *speech,
                GString              *text)
{
  for (guint i = 0; i < self->counted->len; i++)
    {
      const GDate *date = &g_array_index (self->counted, GDate, i);
      g_autofree char *day = format_month_day (date);

      if (i > 0)
        g_string_append (text, separator (speech));
      if (is_makeup (self, date))
        g_string_append_printf (text, SAY (speech, "%2$s（%1$s，调休上班）",
                                           /* Translators: a counted day that is a weekend day
                                            * worked instead of a holiday, "Sat 10-10 (make-up
                                            * working day)": %1$s the weekday, %2$s month-day */
                                           N_("%1$s %2$s (make-up working day)")),
                                weekday_name (speech, date), day);
      else
        g_string_append_printf (text, SAY (speech, "%2$s（%1$s）",
                                           /* Translators: a counted day, "Thu 10-08": %1$s the
                                            * weekday, %2$s month-day */
                                           N_("%1$s %2$s")),
                                weekday_name (speech, date), day);
    }
}

/* One run of skipped days, "10-01 to 10-07 National Day holiday". */
static char *
describe_range (const Speech            *speech,
                const RetractSkippedDay *first,
                const RetractSkippedDay *last)
{
  g_autofree char *from = format_month_day (&first->date);
  g_autofree char *to = format_month_day (&last->date);
  gboolean one_day = g_date_compare (&first->date, &last->date) == 0;

  if (first->reason == RETRACT_SKIP_WEEKEND)
    return one_day
      ? g_strdup_printf (SAY (speech, "%s 周末",
                              /* Translators: a skipped day, "11-28 weekend" */
                              N_("%s weekend")), from)
      : g_strdup_printf (SAY (speech, "%1$s 至 %2$s 周末",
                              /* Translators: skipped days, "11-28 to 11-29 weekend" */
                              N_("%1$s to %2$s weekend")), from, to);

  if (first->holiday != NULL && retract_text_is_set (first->holiday))
    {
      const char *name = retract_text_get (first->holiday, speech->language);

      return one_day
        ? g_strdup_printf (SAY (speech, "%1$s %2$s假期",
                                /* Translators: "01-01 New Year's Day holiday"; %2$s is the
                                 * holiday's name */
                                N_("%1$s %2$s holiday")), from, name)
        : g_strdup_printf (SAY (speech, "%1$s 至 %2$s %3$s假期",
                                /* Translators: "10-01 to 10-07 National Day holiday"; %3$s is
                                 * the holiday's name */
                                N_("%1$s to %2$s %3$s holiday")), from, to, name);
    }

  return one_day
    ? g_strdup_printf (SAY (speech, "%s 假期",
                            /* Translators: a skipped day, "01-01 holiday" */
                            N_("%s holiday")), from)
    : g_strdup_printf (SAY (speech, "%1$s 至 %2$s 假期",
                            /* Translators: skipped days, "10-01 to 10-07 holiday" */
                            N_("%1$s to %2$s holiday")), from, to);
}

static gboolean
same_run (const RetractSkippedDay *previous,
          const RetractSkippedDay *day)
{
  return previous->reason == day->reason && previous->holiday == day->holiday &&
         g_date_days_between (&previous->date, &day->date) == 1;
}

static void
append_skipped (RetractDeadlineCount *self,
                const Speech         *speech,
                GString              *text)
{
  guint start = 0;

  for (guint i = 1; i <= self->skipped->len; i++)
    {
      const RetractSkippedDay *first = &g_array_index (self->skipped, RetractSkippedDay, start);
      const RetractSkippedDay *previous = &g_array_index (self->skipped, RetractSkippedDay, i - 1);
      g_autofree char *range = NULL;

      /* Contiguous days for the same reason (and the same holiday) are one range. */
      if (i < self->skipped->len &&
          same_run (previous, &g_array_index (self->skipped, RetractSkippedDay, i)))
        continue;

      range = describe_range (speech, first, previous);
      if (start > 0)
        g_string_append (text, separator (speech));
      g_string_append (text, range);
      start = i;
    }
}

static char *
describe_counted (RetractDeadlineCount *self,
                  const Speech         *speech)
{
  gboolean zh = speech->fixed && speech->language != RETRACT_LANGUAGE_EN;
  guint n = self->length;
  g_autofree char *head = NULL;
  g_autoptr(GString) days = NULL;
  g_autoptr(GString) skipped = NULL;

  if (self->kind == RETRACT_DEADLINE_HOURS)
    return g_strdup_printf (!speech->fixed
                            ? g_dngettext (GETTEXT_PACKAGE, "%u hour after filing",
                                           "%u hours after filing", n)
                            : zh ? retract_text_chinese_phrase (speech->language,
                                                                "提交后 %u 小时")
                            : n == 1 ? "%u hour after filing" : "%u hours after filing", n);

  head = g_strdup_printf (!speech->fixed
                          ? g_dngettext (GETTEXT_PACKAGE, "%u working day after filing",
                                         "%u working days after filing", n)
                          : zh ? retract_text_chinese_phrase (speech->language,
                                                              "提交后 %u 个工作日")
                          : n == 1 ? "%u working day after filing"
                          : "%u working days after filing", n);
  days = g_string_new (NULL);
  append_counted (self, speech, days);
  if (self->skipped->len == 0)
    return g_strdup_printf (SAY (speech, "%1$s：%2$s",
                                 /* Translators: %1$s is "3 working days after filing",
                                  * %2$s the days counted */
                                 N_("%1$s: %2$s")), head, days->str);

  skipped = g_string_new (NULL);
  append_skipped (self, speech, skipped);
  return g_strdup_printf (SAY (speech, "%1$s：%2$s；%3$s不计",
                               /* Translators: %1$s is "3 working days after filing", %2$s the
                                * days counted, %3$s the days skipped, "10-01 to 10-07
                                * National Day holiday" */
                               N_("%1$s: %2$s; %3$s not counted")),
                          head, days->str, skipped->str);
}

/* The count, and when a day lay in a year the holiday calendar does not
 * cover, that it is not to be taken as fact (issue 15 review §3). */
static char *
describe (RetractDeadlineCount *self,
          const Speech         *speech)
{
  g_autofree char *counted = describe_counted (self, speech);

  if (self->kind == RETRACT_DEADLINE_HOURS || self->covered)
    return g_steal_pointer (&counted);

  return g_strdup_printf (SAY (speech, "%s。节假日日历未收录其中部分日期所在年份的放假安排，"
                                       "这些日期只跳过了周末，请以官方公布的放假安排为准",
                               /* Translators: %s is how the working days were counted, "3
                                * working days after filing: …"; the calendar of public
                                * holidays in the rules does not reach that far */
                               N_("%s. The holiday calendar does not cover the year of some of "
                                  "these days, so only weekends were skipped there: check the "
                                  "official holiday schedule")), counted);
}

/**
 * retract_deadline_count_describe:
 * @language: the language of the holidays' names (the dataset's text)
 *
 * "3 working days after filing: Thu 10-08, Fri 10-09, Sat 10-10 (make-up
 * working day); 10-01 to 10-07 National Day holiday not counted", or
 * "24 hours after filing"; followed by a caveat when a day lies in a year
 * the holiday calendar does not cover (retract_deadline_count_get_covered()).
 *
 * Returns: (transfer full): how the deadline was counted, in the interface's
 *   language
 */
char *
retract_deadline_count_describe (RetractDeadlineCount *self,
                                 RetractLanguage       language)
{
  const Speech speech = { language, FALSE };

  g_return_val_if_fail (RETRACT_IS_DEADLINE_COUNT (self), NULL);

  return describe (self, &speech);
}

/**
 * retract_deadline_count_describe_in:
 *
 * The same sentence as retract_deadline_count_describe(), all of it in
 * @language whatever the interface's, for a letter.
 *
 * Returns: (transfer full): how the deadline was counted, in @language
 */
char *
retract_deadline_count_describe_in (RetractDeadlineCount *self,
                                    RetractLanguage       language)
{
  const Speech speech = { language, TRUE };

  g_return_val_if_fail (RETRACT_IS_DEADLINE_COUNT (self), NULL);

  return describe (self, &speech);
}

/**
 * retract_deadline_describe_type_window:
 *
 * Returns: (transfer full): the window of @type from the dataset, as the
 *   situation page lists it: "24 h", "3 working days", "Cannot be withdrawn"
 */
char *
retract_deadline_describe_type_window (const RetractComplaintType *type)
{
  g_return_val_if_fail (type != NULL, NULL);

  if (!type->withdrawable || type->window_unit == RETRACT_WINDOW_NONE)
    return g_strdup (_("Cannot be withdrawn"));

  if (type->window_unit == RETRACT_WINDOW_HOURS)
    /* Translators: a window's length, "24 h" */
    return g_strdup_printf (_("%u h"), type->window_amount);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u working day", "%u working days",
                                       type->window_amount),
                          type->window_amount);
}
