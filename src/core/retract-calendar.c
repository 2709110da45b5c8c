/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The official working-day calendar: public holidays and the weekend days that
 * are worked instead (调休上班). Years the dataset does not cover fall back to
 * Monday–Friday, and callers are told so they can warn the user. */

#define G_LOG_DOMAIN "retract-calendar"

#include "config.h"

#include "retract-calendar.h"

struct _RetractCalendar
{
  GObject     parent_instance;

  GHashTable *years;    /* year */
  GHashTable *holidays; /* julian day → const RetractText *name, or NULL */
  GHashTable *workdays; /* julian day */
  GPtrArray  *names;    /* RetractText *, the holidays' names */
};

G_DEFINE_FINAL_TYPE (RetractCalendar, retract_calendar, G_TYPE_OBJECT)

static void
retract_calendar_finalize (GObject *object)
{
  RetractCalendar *self = (RetractCalendar *)object;

  g_clear_pointer (&self->years, g_hash_table_unref);
  g_clear_pointer (&self->holidays, g_hash_table_unref);
  g_clear_pointer (&self->workdays, g_hash_table_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);

  G_OBJECT_CLASS (retract_calendar_parent_class)->finalize (object);
}

static void
retract_calendar_class_init (RetractCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = retract_calendar_finalize;
}

static void
free_name (gpointer data)
{
  RetractText *name = data;

  retract_text_clear (name);
  g_free (name);
}

static void
retract_calendar_init (RetractCalendar *self)
{
  self->years = g_hash_table_new (NULL, NULL);
  self->holidays = g_hash_table_new (NULL, NULL);
  self->workdays = g_hash_table_new (NULL, NULL);
  self->names = g_ptr_array_new_with_free_func (free_name);
}

RetractCalendar *
retract_calendar_new (void)
{
  return g_object_new (RETRACT_TYPE_CALENDAR, NULL);
}

void
retract_calendar_add_year (RetractCalendar *self,
                           guint            year)
{
  g_return_if_fail (RETRACT_IS_CALENDAR (self));

  g_hash_table_add (self->years, GUINT_TO_POINTER (year));
}

void
retract_calendar_add_holiday (RetractCalendar *self,
                              const GDate     *date)
{
  g_return_if_fail (RETRACT_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_hash_table_insert (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)), NULL);
}

/**
 * retract_calendar_add_named_holiday:
 * @from: the holiday's first day
 * @to: its last day, not before @from
 * @name: (transfer full): its name in the dataset, e.g. 国庆节; the calendar
 *   frees it with retract_text_clear() and g_free()
 *
 * The name is what a deadline's explanation says was skipped.
 */
void
retract_calendar_add_named_holiday (RetractCalendar *self,
                                    const GDate     *from,
                                    const GDate     *to,
                                    RetractText     *name)
{
  g_return_if_fail (RETRACT_IS_CALENDAR (self));
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (to != NULL && g_date_valid (to));
  g_return_if_fail (name != NULL);

  g_ptr_array_add (self->names, name);
  for (guint32 day = g_date_get_julian (from); day <= g_date_get_julian (to); day++)
    g_hash_table_insert (self->holidays, GUINT_TO_POINTER (day), name);
}

/* Returns: (nullable): the dataset's name for the holiday @date is in, if any */
const RetractText *
retract_calendar_get_holiday_name (RetractCalendar *self,
                                   const GDate     *date)
{
  g_return_val_if_fail (RETRACT_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_hash_table_lookup (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)));
}

void
retract_calendar_add_workday (RetractCalendar *self,
                              const GDate     *date)
{
  g_return_if_fail (RETRACT_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_hash_table_add (self->workdays, GUINT_TO_POINTER (g_date_get_julian (date)));
}

gboolean
retract_calendar_covers_year (RetractCalendar *self,
                              guint            year)
{
  g_return_val_if_fail (RETRACT_IS_CALENDAR (self), FALSE);

  return g_hash_table_contains (self->years, GUINT_TO_POINTER (year));
}

gboolean
retract_calendar_is_holiday (RetractCalendar *self,
                             const GDate     *date)
{
  g_return_val_if_fail (RETRACT_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return g_hash_table_contains (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)));
}

gboolean
retract_calendar_is_workday (RetractCalendar *self,
                             const GDate     *date)
{
  g_return_val_if_fail (RETRACT_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return g_hash_table_contains (self->workdays, GUINT_TO_POINTER (g_date_get_julian (date)));
}

/**
 * retract_calendar_is_working_day:
 * @covered: (out) (optional): whether the answer comes from the official
 *   calendar (%FALSE: the year is not in the dataset, Monday–Friday was assumed)
 */
gboolean
retract_calendar_is_working_day (RetractCalendar *self,
                                 const GDate     *date,
                                 gboolean        *covered)
{
  GDateWeekday weekday;

  g_return_val_if_fail (RETRACT_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (covered != NULL)
    *covered = retract_calendar_covers_year (self, g_date_get_year (date));

  if (retract_calendar_is_workday (self, date))
    return TRUE;
  if (retract_calendar_is_holiday (self, date))
    return FALSE;

  weekday = g_date_get_weekday (date);
  return weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY;
}

/**
 * retract_calendar_count_working_days:
 * @start: the day to count from; it never counts itself
 * @count: how many working days, at least 1
 *
 * Counts as retract_calendar_add_working_days() does, and keeps every day it
 * looked at: the ones that counted (make-up working days marked), the
 * weekends and the holidays (with their names) that did not.
 *
 * Returns: (transfer full): the count; its last counted day is the result
 */
RetractDeadlineCount *
retract_calendar_count_working_days (RetractCalendar *self,
                                     const GDate     *start,
                                     guint            count)
{
  g_autoptr(RetractDeadlineCount) result = NULL;
  gboolean all_covered = TRUE;
  guint found = 0;
  GDate day;

  g_return_val_if_fail (RETRACT_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (start != NULL && g_date_valid (start), NULL);
  g_return_val_if_fail (count > 0, NULL);

  result = retract_deadline_count_new_working_days (self, count);
  day = *start;
  while (found < count)
    {
      gboolean day_covered;

      g_date_add_days (&day, 1);
      if (retract_calendar_is_working_day (self, &day, &day_covered))
        {
          found++;
          retract_deadline_count_add_counted (result, &day,
                                              retract_calendar_is_workday (self, &day));
        }
      else if (retract_calendar_is_holiday (self, &day))
        {
          /* A holiday on a weekend is skipped as the holiday it is. */
          retract_deadline_count_add_skipped (result, &day, RETRACT_SKIP_HOLIDAY,
                                              retract_calendar_get_holiday_name (self, &day));
        }
      else
        {
          retract_deadline_count_add_skipped (result, &day, RETRACT_SKIP_WEEKEND, NULL);
        }
      all_covered = all_covered && day_covered;
    }

  retract_deadline_count_set_covered (result, all_covered);
  return g_steal_pointer (&result);
}

/**
 * retract_calendar_add_working_days:
 * @start: the day to count from; it never counts itself
 * @count: how many working days, at least 1
 * @result: (out caller-allocates): the @count-th working day after @start
 * @covered: (out) (optional): %FALSE when any day examined lies in a year
 *   the calendar does not cover
 */
void
retract_calendar_add_working_days (RetractCalendar *self,
                                   const GDate     *start,
                                   guint            count,
                                   GDate           *result,
                                   gboolean        *covered)
{
  g_autoptr(RetractDeadlineCount) counted = NULL;

  g_return_if_fail (RETRACT_IS_CALENDAR (self));
  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (count > 0);
  g_return_if_fail (result != NULL);

  counted = retract_calendar_count_working_days (self, start, count);
  if (!retract_deadline_count_get_last_day (counted, result))
    g_assert_not_reached ();

  if (covered != NULL)
    *covered = retract_deadline_count_get_covered (counted);
}
