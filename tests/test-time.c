/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "retract-error.h"
#include "retract-time.h"

#define BEIJING_OFFSET (G_GINT64_CONSTANT (8) * G_TIME_SPAN_HOUR)

static void
assert_beijing (GDateTime  *time,
                const char *iso)
{
  g_autofree char *formatted = NULL;

  g_assert_nonnull (time);
  g_assert_cmpint (g_date_time_get_utc_offset (time), ==, BEIJING_OFFSET);
  /* Fractions survive, and only then are printed. */
  g_assert_cmpint (g_date_time_get_microsecond (time) != 0, ==, strchr (iso, '.') != NULL);
  formatted = retract_time_format_iso (time);
  g_assert_cmpstr (formatted, ==, iso);
}

/* Parsing */

typedef struct
{
  const char *text;
  const char *iso; /* in Beijing time */
} ParseCase;

static const ParseCase accepted[] = {
  { "2026-11-24T10:00:00+08:00", "2026-11-24T10:00:00+08:00" },
  { "2026-11-24T02:00:00Z", "2026-11-24T10:00:00+08:00" },
  { "2026-11-24T02:00:00+00:00", "2026-11-24T10:00:00+08:00" },
  { "2026-11-24T11:00:00+09:00", "2026-11-24T10:00:00+08:00" },
  { "2026-11-23T21:00:00-05:00", "2026-11-24T10:00:00+08:00" },
  { "2026-11-24 10:00", "2026-11-24T10:00:00+08:00" },
  { "2026-11-24T10:00", "2026-11-24T10:00:00+08:00" },
  { "2026-11-24 10:00:00", "2026-11-24T10:00:00+08:00" },
  { "2026-11-24T10:00:00", "2026-11-24T10:00:00+08:00" },
  { "2026-11-24T02:00Z", "2026-11-24T10:00:00+08:00" },
  { "2026-11-24 10:00+08:00", "2026-11-24T10:00:00+08:00" },
  { "  2026-11-24 10:00\n", "2026-11-24T10:00:00+08:00" },
  { "2026-11-24T10:00:00.999999+08:00", "2026-11-24T10:00:00.999999+08:00" },
  { "2026-11-24T10:00:59.5", "2026-11-24T10:00:59.500000+08:00" },
  { "2026-11-24T15:59:59.999Z", "2026-11-24T23:59:59.999000+08:00" },
  { "2026-11-24T16:00:00Z", "2026-11-25T00:00:00+08:00" },
  { "2028-02-29 23:59", "2028-02-29T23:59:00+08:00" },
};

static void
test_parse_accepts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) time = NULL;

      g_test_message ("parsing “%s”", accepted[i].text);
      time = retract_time_parse (accepted[i].text, &error);
      g_assert_no_error (error);
      assert_beijing (time, accepted[i].iso);
    }
}

static void
test_parse_same_instant (void)
{
  g_autoptr(GDateTime) beijing = retract_time_parse ("2026-11-24T10:00:00+08:00", NULL);
  g_autoptr(GDateTime) utc = retract_time_parse ("2026-11-24T02:00:00Z", NULL);
  g_autoptr(GDateTime) local = retract_time_parse ("2026-11-24 10:00", NULL);
  g_autoptr(GDateTime) expected = g_date_time_new_utc (2026, 11, 24, 2, 0, 0);

  g_assert_true (g_date_time_equal (beijing, expected));
  g_assert_true (g_date_time_equal (utc, expected));
  g_assert_true (g_date_time_equal (local, expected));
  g_assert_cmpint (g_date_time_to_unix (utc), ==, g_date_time_to_unix (expected));
  g_assert_cmpint (g_date_time_get_hour (utc), ==, 10);
}

static void
test_parse_rejects (void)
{
  static const char * const rejected[] = {
    "",
    "   ",
    "yesterday",
    "now",
    "2026-02-30T10:00:00",
    "2026-02-29 10:00",
    "2026-13-01T10:00:00",
    "2026-11-31 10:00",
    "2026-11-24",
    "2026-11-24T",
    "2026-11-24T25:00",
    "2026-11-24T10:60",
    "2026-11-24 10",
    "24/11/2026 10:00",
    "2026/11/24 10:00",
    "2026-11-24T10:00:00+08:00 extra",
    "2026-11-24T10:00:00+25:00",
    "2026年11月24日 10:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) time = NULL;

      g_test_message ("parsing “%s”", rejected[i]);
      time = retract_time_parse (rejected[i], &error);
      g_assert_null (time);
      g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
    }
}

static void
test_parse_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = NULL;

  time = retract_time_parse ("yesterday", &error);
  g_assert_null (time);
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“yesterday” is not a valid date and time; write it like "
                   "2026-11-24T10:00:00+08:00 or 2026-11-24 10:00 (Beijing time)");
  g_clear_error (&error);

  time = retract_time_parse ("2026-11-24", &error);
  g_assert_null (time);
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "“2026-11-24” is not a valid date and time"));
}

/* Formatting */

static void
test_format_iso (void)
{
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 11, 24, 20, 0, 0);
  g_autoptr(GTimeZone) new_york = g_time_zone_new_offset (-5 * 3600);
  g_autoptr(GDateTime) west = g_date_time_new (new_york, 2026, 12, 31, 11, 30, 45.75);
  g_autoptr(GDateTime) beijing = g_date_time_new (retract_time_zone (), 2026, 1, 1, 0, 0, 0);
  g_autofree char *utc_text = retract_time_format_iso (utc);
  g_autofree char *west_text = retract_time_format_iso (west);
  g_autofree char *beijing_text = retract_time_format_iso (beijing);

  g_assert_cmpstr (utc_text, ==, "2026-11-25T04:00:00+08:00");
  g_assert_cmpstr (west_text, ==, "2027-01-01T00:30:45.750000+08:00");
  g_assert_cmpstr (beijing_text, ==, "2026-01-01T00:00:00+08:00");
}

static void
test_format_human (void)
{
  static const struct
  {
    const char *text;
    const char *human;
  } cases[] = {
    { "2026-11-24T10:00:00+08:00", "2026-11-24 10:00" },
    { "2026-11-24T02:00:00Z", "2026-11-24 10:00" },
    { "2026-11-24T23:59:59+08:00", "2026-11-24 23:59:59" },
    { "2026-11-24T15:59:59Z", "2026-11-24 23:59:59" },
    { "2026-11-24T10:00:30", "2026-11-24 10:00:30" },
    { "2026-11-24T10:00:00.75", "2026-11-24 10:00" },
    { "2026-01-02T03:04:05", "2026-01-02 03:04:05" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) time = retract_time_parse (cases[i].text, &error);
      g_autofree char *human = NULL;

      g_assert_no_error (error);
      human = retract_time_format_human (time);
      g_assert_cmpstr (human, ==, cases[i].human);
    }
}

static void
test_format_human_microseconds (void)
{
  /* A time that was not parsed: its microseconds are dropped, not rounded. */
  g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 11, 24, 2, 0, 59.999);
  g_autoptr(GDateTime) whole_minute = g_date_time_new_utc (2026, 11, 24, 2, 0, 0.5);
  g_autofree char *human = retract_time_format_human (time);
  g_autofree char *whole_human = retract_time_format_human (whole_minute);
  g_autofree char *iso = retract_time_format_iso (time);

  g_assert_cmpstr (human, ==, "2026-11-24 10:00:59");
  g_assert_cmpstr (whole_human, ==, "2026-11-24 10:00");
  g_assert_cmpstr (iso, ==, "2026-11-24T10:00:59.999000+08:00");
}

/* Dates */

static void
test_get_date (void)
{
  static const struct
  {
    const char *text;
    guint       year;
    guint       month;
    guint       day;
  } cases[] = {
    { "2026-11-24T20:00:00Z", 2026, 11, 25 },
    { "2026-11-24T15:59:59Z", 2026, 11, 24 },
    { "2026-11-24T16:00:00Z", 2026, 11, 25 },
    { "2026-11-24T00:00:00+08:00", 2026, 11, 24 },
    { "2026-12-31T16:00:00Z", 2027, 1, 1 },
    { "2026-11-24T23:00:00-05:00", 2026, 11, 25 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) time = retract_time_parse (cases[i].text, &error);
      GDate date;

      g_assert_no_error (error);
      retract_time_get_date (time, &date);
      g_assert_true (g_date_valid (&date));
      g_assert_cmpuint (g_date_get_year (&date), ==, cases[i].year);
      g_assert_cmpuint (g_date_get_month (&date), ==, cases[i].month);
      g_assert_cmpuint (g_date_get_day (&date), ==, cases[i].day);
    }
}

static void
test_get_date_any_zone (void)
{
  /* Not only parsed times: a UTC GDateTime straight from GLib. */
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 11, 24, 20, 0, 0);
  GDate date;

  retract_time_get_date (utc, &date);
  g_assert_cmpuint (g_date_get_year (&date), ==, 2026);
  g_assert_cmpuint (g_date_get_month (&date), ==, G_DATE_NOVEMBER);
  g_assert_cmpuint (g_date_get_day (&date), ==, 25);
}

static void
test_end_of_day (void)
{
  static const struct
  {
    guint       year;
    guint       month;
    guint       day;
    const char *iso;
    const char *human;
  } cases[] = {
    { 2026, 11, 24, "2026-11-24T23:59:59+08:00", "2026-11-24 23:59:59" },
    { 2026, 12, 31, "2026-12-31T23:59:59+08:00", "2026-12-31 23:59:59" },
    { 2028, 2, 29, "2028-02-29T23:59:59+08:00", "2028-02-29 23:59:59" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) date = g_date_new_dmy (cases[i].day, cases[i].month, cases[i].year);
      g_autoptr(GDateTime) end = retract_time_end_of_day (date);
      g_autofree char *human = retract_time_format_human (end);
      GDate back;

      assert_beijing (end, cases[i].iso);
      g_assert_cmpstr (human, ==, cases[i].human);

      /* The end of a day is still that day in Beijing. */
      retract_time_get_date (end, &back);
      g_assert_cmpint (g_date_compare (&back, date), ==, 0);
    }
}

static void
test_end_of_day_utc (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (24, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDateTime) end = retract_time_end_of_day (date);
  g_autoptr(GDateTime) expected = g_date_time_new_utc (2026, 11, 24, 15, 59, 59);

  g_assert_true (g_date_time_equal (end, expected));
}

static void
test_now (void)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) now = retract_time_now ();
  g_autoptr(GDateTime) after = g_date_time_new_now_utc ();

  g_assert_cmpint (g_date_time_get_utc_offset (now), ==, BEIJING_OFFSET);
  g_assert_cmpint (g_date_time_get_microsecond (now), ==, 0);
  g_assert_cmpint (g_date_time_difference (now, before), >, -G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (after, now), >=, 0);
}

static void
test_zone (void)
{
  GTimeZone *zone = retract_time_zone ();

  g_assert_nonnull (zone);
  g_assert_true (zone == retract_time_zone ());
  g_assert_cmpint (g_time_zone_get_offset (zone, 0), ==, RETRACT_UTC_OFFSET_SECONDS);
  g_assert_cmpint (RETRACT_UTC_OFFSET_SECONDS, ==, 8 * 3600);
}

/* Spans */

static void
test_format_span (void)
{
  static const struct
  {
    GTimeSpan   span;
    const char *text;
  } cases[] = {
    { 0, "less than a minute" },
    { 59 * G_TIME_SPAN_SECOND, "less than a minute" },
    { G_TIME_SPAN_MINUTE - 1, "less than a minute" },
    { G_TIME_SPAN_MINUTE, "1 min" },
    { 59 * G_TIME_SPAN_MINUTE + 59 * G_TIME_SPAN_SECOND, "59 min" },
    { G_TIME_SPAN_HOUR, "1 h 0 min" },
    { G_TIME_SPAN_HOUR + 20 * G_TIME_SPAN_MINUTE, "1 h 20 min" },
    { G_TIME_SPAN_HOUR + 20 * G_TIME_SPAN_MINUTE + 59 * G_TIME_SPAN_SECOND, "1 h 20 min" },
    { 23 * G_TIME_SPAN_HOUR + 59 * G_TIME_SPAN_MINUTE, "23 h 59 min" },
    { G_TIME_SPAN_DAY, "1 d 0 h" },
    { 2 * G_TIME_SPAN_DAY + 3 * G_TIME_SPAN_HOUR, "2 d 3 h" },
    { 2 * G_TIME_SPAN_DAY + 3 * G_TIME_SPAN_HOUR + 59 * G_TIME_SPAN_MINUTE, "2 d 3 h" },
    { 15 * G_TIME_SPAN_DAY, "15 d 0 h" },
    { -1, "less than a minute" },
    { -G_TIME_SPAN_MINUTE, "less than a minute" },
    { -(2 * G_TIME_SPAN_DAY + 3 * G_TIME_SPAN_HOUR), "less than a minute" },
    { G_MININT64, "less than a minute" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = retract_time_format_span (cases[i].span);

      g_test_message ("span %" G_GINT64_FORMAT, cases[i].span);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_span_huge (void)
{
  g_autofree char *text = retract_time_format_span (G_MAXINT64);

  /* 106751991 days and 4 hours: no overflow into a negative number. */
  g_assert_cmpstr (text, ==, "106751991 d 4 h");
}

/* Range: a time GDateTime can hold in its own offset but not in Beijing time. */

static void
test_range_far_future (void)
{
  static const char * const beyond[] = {
    "2999-12-31T16:00:00Z",
    "3000-01-01T00:00:00+08:00",
    "9999-12-31T23:59:59-12:00",
    "1899-12-31T15:59:59Z",
    "2026-11-24T10:00:60+08:00",
  };
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GError) error = NULL;

  /* The last second that exists in Beijing time is accepted. */
  last = retract_time_parse ("2999-12-31T15:59:59Z", &error);
  g_assert_no_error (error);
  assert_beijing (last, "2999-12-31T23:59:59+08:00");

  /* Past it, the parse must fail like any other bad input: NULL *and* an
   * error, since callers read error->message. */
  for (guint i = 0; i < G_N_ELEMENTS (beyond); i++)
    {
      g_autoptr(GDateTime) time = NULL;

      g_test_message ("parsing “%s”", beyond[i]);
      time = retract_time_parse (beyond[i], &error);
      g_assert_null (time);
      g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/retract/time/parse/accepts", test_parse_accepts);
  g_test_add_func ("/retract/time/parse/same-instant", test_parse_same_instant);
  g_test_add_func ("/retract/time/parse/rejects", test_parse_rejects);
  g_test_add_func ("/retract/time/parse/message", test_parse_message);
  g_test_add_func ("/retract/time/format/iso", test_format_iso);
  g_test_add_func ("/retract/time/format/human", test_format_human);
  g_test_add_func ("/retract/time/format/human-microseconds", test_format_human_microseconds);
  g_test_add_func ("/retract/time/date/beijing", test_get_date);
  g_test_add_func ("/retract/time/date/any-zone", test_get_date_any_zone);
  g_test_add_func ("/retract/time/end-of-day", test_end_of_day);
  g_test_add_func ("/retract/time/end-of-day/utc", test_end_of_day_utc);
  g_test_add_func ("/retract/time/now", test_now);
  g_test_add_func ("/retract/time/zone", test_zone);
  g_test_add_func ("/retract/time/format/span", test_format_span);
  g_test_add_func ("/retract/time/format/span-huge", test_format_span_huge);
  /* Last, as a failure here stops the run. */
  g_test_add_func ("/retract/time/range/far-future", test_range_far_future);

  return g_test_run ();
}
