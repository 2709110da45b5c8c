/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The working-day calendar, and the bundled 2025 and 2026 State Council
 * holiday notices day by day. */

#include "config.h"

#include <stdio.h>

#include "retract-ruleset.h"

static RetractRuleset *rules;

static void
set_date (GDate      *date,
          const char *text)
{
  guint year, month, day;

  g_assert_cmpint (sscanf (text, "%u-%u-%u", &year, &month, &day), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static gboolean
is_working (const char *text,
            gboolean   *covered)
{
  GDate date;

  set_date (&date, text);
  return retract_calendar_is_working_day (retract_ruleset_get_calendar (rules), &date, covered);
}

/* The lists, inclusive ranges. */
static const char * const holiday_ranges[][2] = {
  { "2025-01-01", "2025-01-01" }, { "2025-01-28", "2025-02-04" }, { "2025-04-04", "2025-04-06" },
  { "2025-05-01", "2025-05-05" }, { "2025-05-31", "2025-06-02" }, { "2025-10-01", "2025-10-08" },
  { "2026-01-01", "2026-01-03" }, { "2026-02-15", "2026-02-23" }, { "2026-04-04", "2026-04-06" },
  { "2026-05-01", "2026-05-05" }, { "2026-06-19", "2026-06-21" }, { "2026-09-25", "2026-09-27" },
  { "2026-10-01", "2026-10-07" },
};

static const char * const makeup_days[] = {
  "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
  "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
};

static gboolean
in_holiday_list (const GDate *date)
{
  for (guint i = 0; i < G_N_ELEMENTS (holiday_ranges); i++)
    {
      GDate from, to;

      set_date (&from, holiday_ranges[i][0]);
      set_date (&to, holiday_ranges[i][1]);
      if (g_date_compare (date, &from) >= 0 && g_date_compare (date, &to) <= 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
in_makeup_list (const GDate *date)
{
  for (guint i = 0; i < G_N_ELEMENTS (makeup_days); i++)
    {
      GDate day;

      set_date (&day, makeup_days[i]);
      if (g_date_compare (date, &day) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Every day of 2025 and 2026 against the notices, so a typo in the dataset
 * cannot hide. */
static void
test_bundled_every_day (void)
{
  RetractCalendar *calendar = retract_ruleset_get_calendar (rules);
  guint working = 0;
  GDate day, end;

  set_date (&day, "2025-01-01");
  set_date (&end, "2026-12-31");
  for (; g_date_compare (&day, &end) <= 0; g_date_add_days (&day, 1))
    {
      GDateWeekday weekday = g_date_get_weekday (&day);
      gboolean weekend = weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
      gboolean expected = in_makeup_list (&day) || (!weekend && !in_holiday_list (&day));
      gboolean covered = FALSE;

      if (retract_calendar_is_working_day (calendar, &day, &covered) != expected)
        {
          char text[16];

          g_date_strftime (text, sizeof text, "%Y-%m-%d", &day);
          g_error ("%s should be a %s", text, expected ? "working day" : "day off");
        }
      g_assert_true (covered);
      working += expected;
    }

  /* Each year: 261 weekdays, less 18 (2025) or 19 (2026) weekday holidays,
   * plus 5 or 6 make-up days = 248. */
  g_assert_cmpuint (working, ==, 248 + 248);
}

static void
test_coverage (void)
{
  RetractCalendar *calendar = retract_ruleset_get_calendar (rules);
  gboolean covered = TRUE;

  g_assert_true (retract_calendar_covers_year (calendar, 2025));
  g_assert_true (retract_calendar_covers_year (calendar, 2026));
  g_assert_false (retract_calendar_covers_year (calendar, 2024));
  g_assert_false (retract_calendar_covers_year (calendar, 2027));

  /* Outside the covered years: Monday to Friday, and the caller is told. */
  g_assert_true (is_working ("2027-01-01", &covered));
  g_assert_false (covered);
  g_assert_false (is_working ("2027-01-02", &covered));
  g_assert_false (covered);
  g_assert_true (is_working ("2024-10-01", &covered));
  g_assert_false (covered);
}

typedef struct
{
  const char *start;
  guint       count;
  const char *expected;
  gboolean    covered;
} AddCase;

static const AddCase add_cases[] = {
  { "2026-11-24", 1, "2026-11-25", TRUE },  /* Tuesday → Wednesday */
  { "2026-11-27", 1, "2026-11-30", TRUE },  /* Friday → Monday */
  { "2026-11-28", 1, "2026-11-30", TRUE },  /* a Saturday does not count itself */
  { "2026-11-30", 1, "2026-12-01", TRUE },  /* the start never counts, even a working day */
  { "2026-02-13", 1, "2026-02-14", TRUE },  /* make-up Saturday */
  { "2026-02-13", 2, "2026-02-24", TRUE },  /* over the Spring Festival */
  { "2026-02-13", 3, "2026-02-25", TRUE },
  { "2026-09-30", 3, "2026-10-10", TRUE },  /* National Day, then make-up Saturday */
  { "2026-09-28", 7, "2026-10-13", TRUE },
  { "2025-01-24", 3, "2025-02-05", TRUE },
  { "2025-09-26", 1, "2025-09-28", TRUE },  /* make-up Sunday */
  { "2025-09-30", 1, "2025-10-09", TRUE },
  { "2026-12-31", 1, "2027-01-01", FALSE }, /* uncovered year */
  { "2026-12-30", 3, "2027-01-04", FALSE },
  { "2026-12-24", 3, "2026-12-29", TRUE },
  { "2026-12-28", 7, "2027-01-06", FALSE },
};

static void
test_add_working_days (gconstpointer data)
{
  const AddCase *c = data;
  RetractCalendar *calendar = retract_ruleset_get_calendar (rules);
  gboolean covered = !c->covered;
  char text[16];
  GDate start, result;

  set_date (&start, c->start);
  retract_calendar_add_working_days (calendar, &start, c->count, &result, &covered);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &result);
  g_assert_cmpstr (text, ==, c->expected);
  g_assert_cmpint (covered, ==, c->covered);
}

/* A hand-built calendar: the rules are in the code, not only in the data. */
static void
test_hand_built (void)
{
  g_autoptr(RetractCalendar) calendar = retract_calendar_new ();
  gboolean covered;
  GDate day, result;

  retract_calendar_add_year (calendar, 2030);
  set_date (&day, "2030-01-01"); /* a Tuesday */
  retract_calendar_add_holiday (calendar, &day);
  set_date (&day, "2030-01-05"); /* a Saturday */
  retract_calendar_add_workday (calendar, &day);

  set_date (&day, "2030-01-01");
  g_assert_false (retract_calendar_is_working_day (calendar, &day, &covered));
  g_assert_true (covered);
  g_assert_true (retract_calendar_is_holiday (calendar, &day));

  set_date (&day, "2030-01-05");
  g_assert_true (retract_calendar_is_working_day (calendar, &day, NULL));
  g_assert_true (retract_calendar_is_workday (calendar, &day));

  set_date (&day, "2029-12-31");
  retract_calendar_add_working_days (calendar, &day, 4, &result, &covered);
  g_assert_cmpint (g_date_get_day (&result), ==, 5); /* 2, 3, 4 and the make-up 5th */
  g_assert_true (covered);

  g_assert_finalize_object (g_steal_pointer (&calendar));
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

  g_test_add_func ("/retract/calendar/bundled-every-day", test_bundled_every_day);
  g_test_add_func ("/retract/calendar/coverage", test_coverage);
  g_test_add_func ("/retract/calendar/hand-built", test_hand_built);
  for (guint i = 0; i < G_N_ELEMENTS (add_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/retract/calendar/add/%s+%u", add_cases[i].start,
                                               add_cases[i].count);

      g_test_add_data_func (path, &add_cases[i], test_add_working_days);
    }

  status = g_test_run ();
  g_assert_finalize_object (rules);
  return status;
}
