/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The next step and the counts, against every rule of README "The case file:
 * the next step" at its boundaries. Times are Beijing time. */

#include "config.h"

#include <string.h>

#include "retract-case-counts.h"
#include "retract-next-step.h"
#include "retract-time.h"

static RetractRuleset *rules;

/* Events as "kind[:channel-or-outcome]@time;…", e.g.
 * "submitted:web-ticket@2026-11-24 12:00;reply:refused@2026-11-24 15:00". */
static void
add_events (RetractCase *kase,
            const char  *spec)
{
  g_auto(GStrv) items = NULL;

  if (spec == NULL || *spec == '\0')
    return;

  items = g_strsplit (spec, ";", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) at_split = g_strsplit (items[i], "@", 2);
      g_auto(GStrv) kind_split = g_strsplit (at_split[0], ":", 2);
      g_autoptr(GDateTime) at = retract_time_parse (at_split[1], NULL);
      g_autoptr(GError) error = NULL;
      RetractEventKind kind;
      RetractCaseEvent *event;

      g_assert_nonnull (at);
      g_assert_true (retract_event_kind_from_id (kind_split[0], &kind));
      event = retract_case_event_new (kind, at);
      if (kind == RETRACT_EVENT_SUBMITTED)
        event->channel = g_strdup (kind_split[1]);
      else if (kind == RETRACT_EVENT_REPLY)
        g_assert_true (retract_event_outcome_from_id (kind_split[1], &event->outcome));
      g_assert_true (retract_case_event_check_shape (event, rules,
                                                     retract_case_get_filed_at (kase), &error));
      g_assert_no_error (error);
      retract_case_add_event (kase, event);
    }
}

static RetractCase *
make_case (const char *platform,
           const char *type,
           const char *filed_at,
           const char *scenarios,
           const char *account,
           const char *events)
{
  RetractCase *kase = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse (filed_at, NULL);

  g_assert_nonnull (filed);
  retract_case_set_platform (kase, platform);
  retract_case_set_complaint_type (kase, type);
  retract_case_set_filed_at (kase, filed);
  if (scenarios != NULL)
    {
      g_auto(GStrv) list = g_strsplit (scenarios, ",", -1);

      retract_case_set_scenarios (kase, (const char * const *) list);
    }
  g_assert_true (retract_case_set_account (kase, account, NULL));
  add_events (kase, events);
  return kase;
}

typedef struct
{
  const char *name;
  const char *type;
  const char *filed_at;
  const char *scenarios;
  const char *events;
  const char *now;

  const char *status;
  const char *action;  /* NULL: no next step */
  const char *channel; /* NULL: none */
  const char *due_at;  /* NULL: none */
} StepCase;

#define FILED "2026-11-24 10:00"
/* friend-report: self-service until 12:00, window closes 2026-11-25 10:00 (24 h). */
static const StepCase step_cases[] = {
  /* 5a. Nothing submitted: the first channel, by the deadline that applies. */
  { "fresh/auto-review", "friend-report", FILED, NULL, "", "2026-11-24 10:30",
    "act-now", "submit", "self-service", "2026-11-24T12:00:00+08:00" },
  { "fresh/manual-review", "friend-report", FILED, NULL, "", "2026-11-24 12:00",
    "act-now", "submit", "web-ticket", "2026-11-25T10:00:00+08:00" },
  { "fresh/window-closing", "friend-report", FILED, NULL, "", "2026-11-25 10:00",
    "act-now", "submit", "web-ticket", "2026-11-25T10:00:00+08:00" },

  /* 5b. A ticket: wait its 12 h, then the hotline (§3). */
  { "ticket/waiting", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 13:00", "2026-11-24 13:00",
    "waiting", "wait", "phone-hotline", "2026-11-25T01:00:00+08:00" },
  { "ticket/last-second-of-wait", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 13:00", "2026-11-25 00:59:59",
    "waiting", "wait", "phone-hotline", "2026-11-25T01:00:00+08:00" },
  { "ticket/wait-over-no-reply", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 13:00", "2026-11-25 01:00",
    "act-now", "submit", "phone-hotline", "2026-11-25T10:00:00+08:00" },
  /* The window closes at 10:00 on the 25th: a ticket at exactly close - 12 h
   * can still be answered in time; one second later it cannot, so call now. */
  { "ticket/exactly-close-minus-12h", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 22:00", "2026-11-24 22:00",
    "waiting", "wait", "phone-hotline", "2026-11-25T10:00:00+08:00" },
  { "ticket/close-minus-12h-plus-1s", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 22:00:01", "2026-11-24 22:00:01",
    "act-now", "submit", "phone-hotline", "2026-11-25T10:00:00+08:00" },
  { "ticket/replied-refused", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 13:00;reply:refused@2026-11-24 18:00",
    "2026-11-24 18:00", "act-now", "submit", "phone-hotline", "2026-11-25T10:00:00+08:00" },
  { "ticket/replied-more-materials", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 13:00;reply:more-materials@2026-11-24 18:00",
    "2026-11-24 18:00", "act-now", "submit", "phone-hotline", "2026-11-25T10:00:00+08:00" },

  /* A ticket during automatic review: the self-service button will be gone
   * when the wait ends, so the hotline comes next. */
  { "ticket/during-auto-review", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 11:00", "2026-11-24 11:30",
    "waiting", "wait", "phone-hotline", "2026-11-24T23:00:00+08:00" },
  { "ticket/during-auto-review-wait-over", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 11:00", "2026-11-24 23:00",
    "act-now", "submit", "phone-hotline", "2026-11-25T10:00:00+08:00" },

  /* 5c. A call answers at once: the next channel now. */
  { "call-first/then-ticket", "friend-report", FILED, NULL,
    "submitted:phone-hotline@2026-11-24 13:00", "2026-11-24 13:10",
    "act-now", "submit", "web-ticket", "2026-11-25T10:00:00+08:00" },
  /* Every channel used: wait for an answer while the window is open. */
  { "all-used/waiting", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 13:00;submitted:phone-hotline@2026-11-24 13:30",
    "2026-11-24 14:00", "waiting", "wait", NULL, "2026-11-25T10:00:00+08:00" },
  { "all-used/ticket-last", "friend-report", FILED, NULL,
    "submitted:phone-hotline@2026-11-24 13:00;submitted:web-ticket@2026-11-24 13:30",
    "2026-11-24 14:00", "waiting", "wait", NULL, "2026-11-25T01:30:00+08:00" },
  /* 5d. Refused with nothing left: closed. */
  { "all-used/refused", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 13:00;submitted:phone-hotline@2026-11-24 13:30;"
    "reply:refused@2026-11-24 14:00", "2026-11-24 14:10", "closed", NULL, NULL, NULL },

  /* Hong Kong and Macau: the international line replaces the hotline (§5). */
  { "cross-border/after-ticket", "friend-report", FILED, "cross-border",
    "submitted:web-ticket@2026-11-24 13:00", "2026-11-25 01:00",
    "act-now", "submit", "international-hotline", "2026-11-25T10:00:00+08:00" },

  /* 1. Endings, and reopened. */
  { "ending/withdrawn-reply", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 13:00;reply:withdrawn@2026-11-24 18:00",
    "2026-11-24 18:00", "done", NULL, NULL, NULL },
  { "ending/resolved", "friend-report", FILED, NULL,
    "submitted:phone-hotline@2026-11-24 13:00;resolved@2026-11-24 13:20",
    "2026-11-24 14:00", "done", NULL, NULL, NULL },
  { "ending/abandoned", "friend-report", FILED, NULL, "abandoned@2026-11-24 11:00",
    "2026-11-24 14:00", "abandoned", NULL, NULL, NULL },
  { "ending/reopened-after-abandoned", "friend-report", FILED, NULL,
    "abandoned@2026-11-24 11:00;reopened@2026-11-24 13:00", "2026-11-24 14:00",
    "act-now", "submit", "web-ticket", "2026-11-25T10:00:00+08:00" },
  { "ending/reopened-after-withdrawn", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 13:00;reply:withdrawn@2026-11-24 18:00;"
    "reopened@2026-11-24 19:00", "2026-11-24 19:00",
    "act-now", "submit", "phone-hotline", "2026-11-25T10:00:00+08:00" },
  { "ending/abandoned-after-reopened", "friend-report", FILED, NULL,
    "resolved@2026-11-24 11:00;reopened@2026-11-24 12:00;abandoned@2026-11-24 13:00",
    "2026-11-24 14:00", "abandoned", NULL, NULL, NULL },
  { "ending/a-note-changes-nothing", "friend-report", FILED, NULL,
    "note@2026-11-24 11:00", "2026-11-24 12:00",
    "act-now", "submit", "web-ticket", "2026-11-25T10:00:00+08:00" },

  /* 3. Processed: the appeal message (§8). */
  { "processed/appeal", "friend-report", FILED, NULL, "", "2026-11-25 10:00:01",
    "act-now", "appeal", "appeal-message", NULL },
  { "processed/one-appeal-today", "friend-report", FILED, NULL,
    "submitted:appeal-message@2026-11-26 09:00", "2026-11-26 20:00",
    "act-now", "appeal", "appeal-message", NULL },
  { "processed/two-appeals-today", "friend-report", FILED, NULL,
    "submitted:appeal-message@2026-11-26 09:00;submitted:appeal-message@2026-11-26 10:00",
    "2026-11-26 20:00", "waiting", "wait", "appeal-message", "2026-11-27T00:00:00+08:00" },
  { "processed/two-appeals-last-second", "friend-report", FILED, NULL,
    "submitted:appeal-message@2026-11-26 09:00;submitted:appeal-message@2026-11-26 10:00",
    "2026-11-26 23:59:59", "waiting", "wait", "appeal-message", "2026-11-27T00:00:00+08:00" },
  { "processed/two-appeals-midnight", "friend-report", FILED, NULL,
    "submitted:appeal-message@2026-11-26 09:00;submitted:appeal-message@2026-11-26 10:00",
    "2026-11-27 00:00", "act-now", "appeal", "appeal-message", NULL },
  { "processed/after-a-ticket", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 13:00", "2026-11-25 13:00",
    "act-now", "appeal", "appeal-message", NULL },
  /* Alipay has no appeal channel: nothing can be done once processed. */
  { "processed/alipay", "general", FILED, NULL, "", "2026-11-30 10:00",
    "closed", NULL, NULL, NULL },

  /* 2. Judicial: the court by the legal deadline (7 working days, §5). */
  { "judicial/court", "friend-report", FILED, "judicial", "", "2026-11-24 11:00",
    "act-now", "submit", "court-correction", "2026-12-03T23:59:59+08:00" },
  { "judicial/court-submitted", "friend-report", FILED, "judicial",
    "submitted:court-correction@2026-11-25 09:00", "2026-11-25 10:00",
    "closed", NULL, NULL, NULL },
  { "judicial/deadline-passed", "friend-report", FILED, "judicial", "",
    "2026-12-04 00:00", "closed", NULL, NULL, NULL },
};

static void
test_step (gconstpointer data)
{
  const StepCase *c = data;
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(RetractAssessment) assessment = NULL;
  g_autoptr(GDateTime) now = retract_time_parse (c->now, NULL);
  g_autoptr(GError) error = NULL;
  RetractCaseCounts counts = { 0 };
  RetractNextStep step = { 0 };

  kase = make_case (strcmp (c->type, "general") == 0 ? "alipay" : "wechat", c->type,
                    c->filed_at, c->scenarios, "", c->events);
  retract_case_counts_compute (&counts, rules, kase, NULL, now);
  assessment = retract_assessment_new (rules, kase, now, &error);
  g_assert_no_error (error);

  retract_next_step_compute (&step, assessment, kase, &counts, now);

  g_assert_cmpstr (retract_case_status_to_id (step.status), ==, c->status);
  g_assert_cmpstr (retract_next_action_to_id (step.action), ==, c->action);
  g_assert_cmpstr (step.channel, ==, c->channel);
  if (c->due_at == NULL)
    g_assert_null (step.due_at);
  else
    {
      g_autofree char *due = retract_time_format_iso (step.due_at);

      g_assert_cmpstr (due, ==, c->due_at);
    }

  retract_next_step_clear (&step);
  retract_case_counts_clear (&counts);
}

/* ---- counts ---- */

static GPtrArray *
cases_new (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

/* The 3rd and 4th request of a month (§6: more than 3 trigger a review):
 * each other case with a request this month counts once, however many
 * channels it used, and appeals and the court do not count. */
static void
test_counts_month (void)
{
  g_autoptr(GPtrArray) others = cases_new ();
  g_autoptr(RetractCase) kase = make_case ("wechat", "friend-report", "2026-11-28 10:00", NULL,
                                           "", "");
  g_autoptr(GDateTime) now = retract_time_parse ("2026-11-28 10:00", NULL);
  RetractCaseCounts counts = { 0 };

  g_ptr_array_add (others, make_case ("wechat", "friend-report", "2026-11-02 10:00", NULL, "",
                                      "submitted:web-ticket@2026-11-02 11:00;"
                                      "submitted:phone-hotline@2026-11-02 23:00"));
  g_ptr_array_add (others, make_case ("wechat", "friend-report", "2026-11-10 10:00", NULL, "",
                                      "submitted:self-service@2026-11-10 10:30"));
  /* Not requests: an appeal, the court, a note, another account, another platform. */
  g_ptr_array_add (others, make_case ("wechat", "friend-report", "2026-11-01 10:00", NULL, "",
                                      "submitted:appeal-message@2026-11-05 10:00"));
  g_ptr_array_add (others, make_case ("wechat", "friend-report", "2026-11-01 10:00", "judicial",
                                      "", "submitted:court-correction@2026-11-05 10:00"));
  g_ptr_array_add (others, make_case ("wechat", "friend-report", "2026-11-01 10:00", NULL, "",
                                      "note@2026-11-05 10:00"));
  g_ptr_array_add (others, make_case ("wechat", "friend-report", "2026-11-01 10:00", NULL,
                                      "work phone", "submitted:web-ticket@2026-11-05 10:00"));
  g_ptr_array_add (others, make_case ("alipay", "general", "2026-11-01 10:00", NULL,
                                      "", "submitted:alipay-smart-service@2026-11-05 10:00"));

  retract_case_counts_compute (&counts, rules, kase, others, now);
  g_assert_cmpint (counts.withdrawal_requests_this_month, ==, 2);

  /* The third request: the baseline from outside Retract adds to it. */
  retract_case_set_withdrawals_this_month (kase, 1);
  retract_case_counts_compute (&counts, rules, kase, others, now);
  g_assert_cmpint (counts.withdrawal_requests_this_month, ==, 3);

  /* The case itself, saved, is not one of the others. */
  g_ptr_array_add (others, g_object_ref (kase));
  add_events (kase, "submitted:web-ticket@2026-11-28 10:05");
  retract_case_counts_compute (&counts, rules, kase, others, now);
  g_assert_cmpint (counts.withdrawal_requests_this_month, ==, 3);

  /* A fourth. */
  g_ptr_array_add (others, make_case ("wechat", "friend-report", "2026-11-27 10:00", NULL, "",
                                      "submitted:web-ticket@2026-11-27 11:00"));
  retract_case_counts_compute (&counts, rules, kase, others, now);
  g_assert_cmpint (counts.withdrawal_requests_this_month, ==, 4);
  retract_case_counts_clear (&counts);
}

/* The month turns over at 00:00 Beijing time, not UTC. */
static void
test_counts_month_boundary (void)
{
  g_autoptr(GPtrArray) others = cases_new ();
  g_autoptr(RetractCase) kase = make_case ("wechat", "friend-report", "2026-11-30 10:00", NULL,
                                           "", "");
  RetractCaseCounts counts = { 0 };
  struct { const char *now; int expected; } rows[] = {
    { "2026-11-30T23:59:59+08:00", 1 },
    { "2026-12-01T00:00:00+08:00", 1 },  /* the December request only */
    { "2026-11-30T16:00:00+00:00", 1 },  /* = 2026-12-01 00:00 Beijing */
    { "2026-11-30T15:59:59+00:00", 1 },  /* = 2026-11-30 23:59:59 Beijing */
    { "2027-01-01T00:00:00+08:00", 0 },
  };

  /* One request at 23:59:59 on 30 November, one at 00:00 on 1 December. */
  g_ptr_array_add (others, make_case ("wechat", "friend-report", "2026-11-30 10:00", NULL, "",
                                      "submitted:web-ticket@2026-11-30 23:59:59"));
  g_ptr_array_add (others, make_case ("wechat", "friend-report", "2026-11-30 10:00", NULL, "",
                                      "submitted:web-ticket@2026-12-01 00:00"));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GDateTime) now = retract_time_parse (rows[i].now, NULL);

      retract_case_counts_compute (&counts, rules, kase, others, now);
      g_assert_cmpint (counts.withdrawal_requests_this_month, ==, rows[i].expected);
    }
  retract_case_counts_clear (&counts);
}

/* The 2nd and 3rd appeal of a day, over every case of the account, and
 * midnight (§8: at most 2 a day). */
static void
test_counts_appeals (void)
{
  g_autoptr(GPtrArray) others = cases_new ();
  g_autoptr(RetractCase) kase = make_case ("wechat", "friend-report", "2026-11-20 10:00", NULL,
                                           "", "submitted:appeal-message@2026-11-26 08:00");
  g_autoptr(GDateTime) now = retract_time_parse ("2026-11-26 20:00", NULL);
  g_autoptr(GDateTime) midnight = retract_time_parse ("2026-11-27 00:00", NULL);
  g_autoptr(GDateTime) yesterday = retract_time_parse ("2026-11-25 12:00", NULL);
  RetractCaseCounts counts = { 0 };

  g_ptr_array_add (others, make_case ("wechat", "friend-report", "2026-11-20 10:00", NULL,
                                      "other", "submitted:appeal-message@2026-11-26 09:00"));
  retract_case_counts_compute (&counts, rules, kase, others, now);
  g_assert_cmpint (counts.appeals_today, ==, 1);
  g_assert_cmpint (counts.appeal_limit, ==, 2);
  g_assert_null (counts.next_appeal_at);

  /* The second of the day, from another case of the same account. */
  g_ptr_array_add (others, make_case ("wechat", "friend-report", "2026-11-20 10:00", NULL, "",
                                      "submitted:appeal-message@2026-11-26 09:00;"
                                      "submitted:appeal-message@2026-11-25 23:59:59"));
  retract_case_counts_compute (&counts, rules, kase, others, now);
  g_assert_cmpint (counts.appeals_today, ==, 2);
  g_assert_nonnull (counts.next_appeal_at);
  g_assert_true (g_date_time_equal (counts.next_appeal_at, midnight));

  /* The third. */
  add_events (kase, "submitted:appeal-message@2026-11-26 21:00");
  retract_case_counts_compute (&counts, rules, kase, others, now);
  g_assert_cmpint (counts.appeals_today, ==, 3);

  /* Midnight: a new day. */
  retract_case_counts_compute (&counts, rules, kase, others, midnight);
  g_assert_cmpint (counts.appeals_today, ==, 0);
  g_assert_null (counts.next_appeal_at);

  /* The day before holds the one at 23:59:59. */
  retract_case_counts_compute (&counts, rules, kase, others, yesterday);
  g_assert_cmpint (counts.appeals_today, ==, 1);
  retract_case_counts_clear (&counts);
}

/* ---- the warnings and the step, from the same counts ---- */

typedef struct
{
  const char *name;
  const char *events;        /* of the case */
  const char *other_events;  /* of other cases of the same account, '|' between cases */
  const char *now;

  const char *warning;       /* that must be given */
  gboolean    fires;
  const char *status;
  const char *action;
  const char *due_at;
} LimitCase;

static const LimitCase limit_cases[] = {
  /* §8: the 2nd appeal of the day (through another case) uses up the day; a
   * 3rd waits for 00:00 Beijing time, and midnight clears the warning. */
  { "appeals/first-of-the-day", "submitted:appeal-message@2026-11-26 09:00", "",
    "2026-11-26 20:00", "daily-appeal-limit", FALSE, "act-now", "appeal", NULL },
  { "appeals/second-of-the-day", "submitted:appeal-message@2026-11-26 09:00",
    "submitted:appeal-message@2026-11-26 10:00", "2026-11-26 20:00",
    "daily-appeal-limit", TRUE, "waiting", "wait", "2026-11-27T00:00:00+08:00" },
  { "appeals/third-of-the-day", "submitted:appeal-message@2026-11-26 09:00;"
    "submitted:appeal-message@2026-11-26 21:00", "submitted:appeal-message@2026-11-26 10:00",
    "2026-11-26 23:59:59", "daily-appeal-limit", TRUE,
    "waiting", "wait", "2026-11-27T00:00:00+08:00" },
  { "appeals/midnight", "submitted:appeal-message@2026-11-26 09:00",
    "submitted:appeal-message@2026-11-26 10:00", "2026-11-27 00:00",
    "daily-appeal-limit", FALSE, "act-now", "appeal", NULL },

  /* §6: the 3rd request of the month (other cases') warns; the next step
   * stays the same: the limit is a risk, not a rule the platform enforces. */
  { "month/two-requests", "", "submitted:web-ticket@2026-11-24 10:30|"
    "submitted:self-service@2026-11-24 10:10", "2026-11-24 11:00",
    "monthly-limit", FALSE, "act-now", "submit", "2026-11-24T12:00:00+08:00" },
  { "month/three-requests", "", "submitted:web-ticket@2026-11-24 10:30|"
    "submitted:self-service@2026-11-24 10:10|submitted:phone-hotline@2026-11-24 10:20",
    "2026-11-24 11:00", "monthly-limit", TRUE, "act-now", "submit",
    "2026-11-24T12:00:00+08:00" },

  /* §3: a ticket and then the hotline are two channels; the ticket twice is
   * a repeat. */
  { "repeat/ticket-then-phone", "submitted:web-ticket@2026-11-24 13:00;"
    "submitted:phone-hotline@2026-11-25 01:00", "", "2026-11-25 02:00",
    "repeat-submission", FALSE, "waiting", "wait", "2026-11-25T10:00:00+08:00" },
  { "repeat/ticket-twice", "submitted:web-ticket@2026-11-24 13:00;"
    "submitted:web-ticket@2026-11-24 14:00", "", "2026-11-24 15:00",
    "repeat-submission", TRUE, "waiting", "wait", "2026-11-25T02:00:00+08:00" },
};

static void
test_limits (gconstpointer data)
{
  const LimitCase *c = data;
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RetractCase) kase = make_case ("wechat", "friend-report", FILED, NULL, "",
                                           c->events);
  g_autoptr(RetractAssessment) assessment = NULL;
  g_autoptr(GDateTime) now = retract_time_parse (c->now, NULL);
  g_autoptr(GError) error = NULL;
  RetractCaseCounts counts = { 0 };
  RetractNextStep step = { 0 };
  g_auto(GStrv) other_events = g_strsplit (c->other_events, "|", -1);

  for (guint i = 0; other_events[i] != NULL; i++)
    g_ptr_array_add (others, make_case ("wechat", "friend-report", FILED, NULL, "",
                                        other_events[i]));
  retract_case_counts_compute (&counts, rules, kase, others, now);
  assessment = retract_assessment_new_full (rules, kase, &counts, now, &error);
  g_assert_no_error (error);
  retract_next_step_compute (&step, assessment, kase, &counts, now);

  g_assert_cmpint (retract_assessment_has_warning (assessment, c->warning), ==, c->fires);
  g_assert_cmpstr (retract_case_status_to_id (step.status), ==, c->status);
  g_assert_cmpstr (retract_next_action_to_id (step.action), ==, c->action);
  if (c->due_at == NULL)
    g_assert_null (step.due_at);
  else
    {
      g_autofree char *due = retract_time_format_iso (step.due_at);

      g_assert_cmpstr (due, ==, c->due_at);
    }

  retract_next_step_clear (&step);
  retract_case_counts_clear (&counts);
}

/* ---- the events themselves ---- */

static void
test_event_rules (void)
{
  g_autoptr(GDateTime) filed = retract_time_parse ("2026-11-24 10:00", NULL);
  g_autoptr(GDateTime) now = retract_time_parse ("2026-11-24 12:00", NULL);
  struct {
    const char *kind, *at, *channel, *outcome, *reference;
    int code; /* -1: accepted */
  } rows[] = {
    { "submitted", "2026-11-24 10:00", "web-ticket", NULL, "T-123", -1 },
    { "submitted", "2026-11-24 09:59:59", "web-ticket", NULL, NULL, RETRACT_EVENT_ERROR_AT },
    { "submitted", "2026-11-24 12:05", "web-ticket", NULL, NULL, -1 },
    { "submitted", "2026-11-24 12:05:01", "web-ticket", NULL, NULL, RETRACT_EVENT_ERROR_AT },
    { "submitted", "2026-11-24 11:00", NULL, NULL, NULL, RETRACT_EVENT_ERROR_CHANNEL },
    { "submitted", "2026-11-24 11:00", "no-such-channel", NULL, NULL,
      RETRACT_EVENT_ERROR_CHANNEL },
    { "submitted", "2026-11-24 11:00", "web-ticket", "refused", NULL,
      RETRACT_EVENT_ERROR_OUTCOME },
    { "reply", "2026-11-24 11:00", NULL, NULL, NULL, RETRACT_EVENT_ERROR_OUTCOME },
    { "reply", "2026-11-24 11:00", NULL, "more-materials", NULL, -1 },
    { "reply", "2026-11-24 11:00", "web-ticket", "refused", NULL, RETRACT_EVENT_ERROR_CHANNEL },
    { "note", "2026-11-24 11:00", NULL, "other", NULL, RETRACT_EVENT_ERROR_OUTCOME },
    { "resolved", "2026-11-24 11:00", NULL, NULL, "a\nb", RETRACT_EVENT_ERROR_REFERENCE },
    { "resolved", "2026-11-24 11:00", NULL, NULL, "a\u202eb", RETRACT_EVENT_ERROR_REFERENCE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GDateTime) at = retract_time_parse (rows[i].at, NULL);
      g_autoptr(RetractCaseEvent) event = NULL;
      g_autoptr(GError) error = NULL;
      RetractEventKind kind;

      g_assert_true (retract_event_kind_from_id (rows[i].kind, &kind));
      event = retract_case_event_new (kind, at);
      event->channel = g_strdup (rows[i].channel);
      if (rows[i].outcome != NULL)
        g_assert_true (retract_event_outcome_from_id (rows[i].outcome, &event->outcome));
      event->reference = g_strdup (rows[i].reference);

      if (rows[i].code < 0)
        {
          g_assert_true (retract_case_event_check (event, rules, filed, now, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (retract_case_event_check (event, rules, filed, now, &error));
          g_assert_error (error, RETRACT_EVENT_ERROR, rows[i].code);
        }
    }
}

/* Events stay in time order; the same time keeps the order of logging. */
static void
test_event_order (void)
{
  g_autoptr(RetractCase) kase = make_case ("wechat", "friend-report", FILED, NULL, "", "");
  GPtrArray *events;

  add_events (kase, "note@2026-11-24 12:00;submitted:web-ticket@2026-11-24 11:00;"
                    "resolved@2026-11-24 12:00;reopened@2026-11-24 11:30");
  events = retract_case_get_events (kase);
  g_assert_cmpuint (events->len, ==, 4);
  g_assert_cmpint (((RetractCaseEvent *) events->pdata[0])->kind, ==, RETRACT_EVENT_SUBMITTED);
  g_assert_cmpint (((RetractCaseEvent *) events->pdata[1])->kind, ==, RETRACT_EVENT_REOPENED);
  g_assert_cmpint (((RetractCaseEvent *) events->pdata[2])->kind, ==, RETRACT_EVENT_NOTE);
  g_assert_cmpint (((RetractCaseEvent *) events->pdata[3])->kind, ==, RETRACT_EVENT_RESOLVED);
  g_assert_cmpint (retract_case_get_ending (kase, NULL), ==, RETRACT_CASE_DONE);

  retract_case_remove_event (kase, 3);
  g_assert_cmpint (retract_case_get_ending (kase, NULL), ==, RETRACT_CASE_OPEN);
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

  for (guint i = 0; i < G_N_ELEMENTS (step_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/retract/next-step/%s", step_cases[i].name);

      g_test_add_data_func (name, &step_cases[i], test_step);
    }
  for (guint i = 0; i < G_N_ELEMENTS (limit_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/retract/limits/%s", limit_cases[i].name);

      g_test_add_data_func (name, &limit_cases[i], test_limits);
    }
  g_test_add_func ("/retract/counts/month", test_counts_month);
  g_test_add_func ("/retract/counts/month-turns-over", test_counts_month_boundary);
  g_test_add_func ("/retract/counts/appeals", test_counts_appeals);
  g_test_add_func ("/retract/events/rules", test_event_rules);
  g_test_add_func ("/retract/events/order", test_event_order);

  status = g_test_run ();
  g_object_unref (rules);
  return status;
}
