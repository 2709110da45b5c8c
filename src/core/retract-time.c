/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "retract-time"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-error.h"
#include "retract-time.h"

/**
 * retract_time_zone:
 *
 * Returns: (transfer none): the fixed UTC+8 zone all deadlines are kept in
 */
GTimeZone *
retract_time_zone (void)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    g_once_init_leave (&zone, g_time_zone_new_offset (RETRACT_UTC_OFFSET_SECONDS));

  return zone;
}

/* Returns NULL when the instant cannot be expressed in UTC+8 (past 9999). */
static GDateTime *
to_beijing_seconds (GDateTime *time)
{
  g_autoptr(GDateTime) whole = g_date_time_add (time, -(GTimeSpan) g_date_time_get_microsecond (time));

  if (whole == NULL)
    return NULL;

  return g_date_time_to_timezone (whole, retract_time_zone ());
}

/* "T10:00:60" anywhere: hh:mm followed by a 6x second. */
static gboolean
has_sixtieth_second (const char *text)
{
  for (const char *t = strchr (text, 'T'); t != NULL; t = strchr (t + 1, 'T'))
    {
      if (strlen (t) >= 9 &&
          g_ascii_isdigit (t[1]) && g_ascii_isdigit (t[2]) && t[3] == ':' &&
          g_ascii_isdigit (t[4]) && g_ascii_isdigit (t[5]) && t[6] == ':' &&
          t[7] == '6' && g_ascii_isdigit (t[8]))
        return TRUE;
    }

  return FALSE;
}

/**
 * retract_time_parse:
 * @text: an ISO 8601 date and time, such as `2026-11-24T10:00:00+08:00`;
 *   a space may stand for the `T`, seconds may be left out, and a time
 *   without an offset is Beijing time
 *
 * Returns: (transfer full) (nullable): the time in UTC+8
 */
GDateTime *
retract_time_parse (const char *text,
                    GError    **error)
{
  g_autofree char *normalized = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  GDateTime *result;

  g_return_val_if_fail (text != NULL, NULL);

  normalized = g_strstrip (g_strdup (text));
  /* "2026-11-24 10:00" is how people write it; ISO wants the T. */
  if (strlen (normalized) > 10 && normalized[10] == ' ')
    normalized[10] = 'T';

  /* GLib wants seconds; "10:00" means "10:00:00". */
  if (strlen (normalized) >= 16 && normalized[10] == 'T' && normalized[13] == ':' &&
      normalized[16] != ':')
    {
      char *with_seconds = g_strdup_printf ("%.16s:00%s", normalized, normalized + 16);

      g_free (normalized);
      normalized = with_seconds;
    }

  /* GLib quietly turns a 60th second into the 59th; that is a typo, not a time. */
  if (strlen (normalized) >= 10 && strchr (normalized, 'T') != NULL &&
      !has_sixtieth_second (normalized))
    parsed = g_date_time_new_from_iso8601 (normalized, retract_time_zone ());

  if (parsed == NULL)
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   /* Translators: %s is what the user typed. */
                   _("“%s” is not a valid date and time; write it like 2026-11-24T10:00:00+08:00 "
                     "or 2026-11-24 10:00 (Beijing time)"),
                   text);
      return NULL;
    }

  /* Fractions of a second are kept: 1:59:59.5 after filing is still under 2 h. */
  result = g_date_time_to_timezone (parsed, retract_time_zone ());
  /* Years before 1900 are typing mistakes and print badly ("1-01-01"); after
   * 2999 the deadlines themselves would leave what GDateTime can hold. */
  if (result != NULL &&
      (g_date_time_get_year (result) < RETRACT_MIN_YEAR ||
       g_date_time_get_year (result) > RETRACT_MAX_YEAR))
    g_clear_pointer (&result, g_date_time_unref);
  if (result == NULL)
    {
      /* GLib parsed it, but in Beijing time it would fall past the year 9999. */
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   _("“%s” is outside the range of dates Retract can handle"), text);
      return NULL;
    }

  return result;
}

/**
 * retract_time_format_iso:
 *
 * Returns: (transfer full): @time as `YYYY-MM-DDTHH:MM:SS+08:00`, with
 *   `.ffffff` after the seconds only when there is a fraction
 */
char *
retract_time_format_iso (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_timezone (time, retract_time_zone ());
  return g_date_time_format (local, g_date_time_get_microsecond (local) != 0
                                    ? "%Y-%m-%dT%H:%M:%S.%f%:z" : "%Y-%m-%dT%H:%M:%S%:z");
}

/**
 * retract_time_format_human:
 *
 * Returns: (transfer full): @time as `YYYY-MM-DD HH:MM[:SS]` in Beijing time
 */
char *
retract_time_format_human (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = to_beijing_seconds (time);
  /* Deadlines at the end of a day keep their seconds: 23:59:59, not 23:59. */
  return g_date_time_format (local, g_date_time_get_second (local) != 0 ? "%Y-%m-%d %H:%M:%S"
                                                                          : "%Y-%m-%d %H:%M");
}

/* The calendar date of @time in Beijing, which is what working days count from. */
void
retract_time_get_date (GDateTime *time,
                       GDate     *date)
{
  g_autoptr(GDateTime) local = NULL;
  gint year, month, day;

  g_return_if_fail (time != NULL);
  g_return_if_fail (date != NULL);

  local = g_date_time_to_timezone (time, retract_time_zone ());
  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/**
 * retract_time_end_of_day:
 *
 * Returns: (transfer full): 23:59:59 Beijing time on @date
 */
GDateTime *
retract_time_end_of_day (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_date_time_new (retract_time_zone (),
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                          23, 59, 59);
}

/**
 * retract_time_now:
 *
 * Returns: (transfer full): the current time in UTC+8, to the second
 */
GDateTime *
retract_time_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (retract_time_zone ());

  return to_beijing_seconds (now);
}

/**
 * retract_time_format_span:
 * @span: a non-negative duration
 *
 * Returns: (transfer full): a short "2 d 3 h", "1 h 20 min" or "45 min"
 */
char *
retract_time_format_span (GTimeSpan span)
{
  gint64 total = MAX (span, 0) / G_TIME_SPAN_MINUTE;
  int days = (int) MIN (total / (24 * 60), G_MAXINT);
  int hours = (int) ((total / 60) % 24);
  int minutes = (int) (total % 60);

  if (days > 0)
    /* Translators: a duration in days and hours, keep it short. */
    return g_strdup_printf (_("%1$d d %2$d h"), days, hours);
  if (hours > 0)
    /* Translators: a duration in hours and minutes, keep it short. */
    return g_strdup_printf (_("%1$d h %2$d min"), hours, minutes);
  if (minutes > 0)
    return g_strdup_printf (_("%d min"), minutes);

  return g_strdup (_("less than a minute"));
}
