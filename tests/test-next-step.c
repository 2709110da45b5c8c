/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The next step and the counts, against every rule of README "The case file:
 * the next step" at its boundaries. Times are Beijing time. */

#include "config.h"

#include <string.h>

#include "retract-case-counts.h"
#include "retract-next-step.h"
#include "retract-next-step-text.h"
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

  /* The self-service button as the next channel: due when manual review
   * starts (12:00), not when the window closes. */
  { "next-is-self-service/after-enterprise-admin", "friend-report", FILED, "enterprise",
    "submitted:enterprise-admin@2026-11-24 10:10", "2026-11-24 10:11",
    "act-now", "submit", "self-service", "2026-11-24T12:00:00+08:00" },
  { "next-is-self-service/after-refused-ticket", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 10:30;reply:refused@2026-11-24 10:40", "2026-11-24 10:41",
    "act-now", "submit", "self-service", "2026-11-24T12:00:00+08:00" },
  /* A reply logged before a submission at the same second answers the
   * request before it, not that one. */
  { "same-second/reply-logged-first", "friend-report", FILED, NULL,
    "submitted:phone-hotline@2026-11-24 12:30;reply:refused@2026-11-24 13:00;"
    "submitted:web-ticket@2026-11-24 13:00", "2026-11-24 13:05",
    "waiting", "wait", NULL, "2026-11-25T01:00:00+08:00" },
  /* Events after "now" have not happened yet. */
  { "as-of-now/resolved-later", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 12:30;resolved@2026-11-24 15:00", "2026-11-24 13:00",
    "waiting", "wait", "phone-hotline", "2026-11-25T00:30:00+08:00" },
  { "as-of-now/submitted-later", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 15:00", "2026-11-24 13:00",
    "act-now", "submit", "web-ticket", "2026-11-25T10:00:00+08:00" },

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
  /* The window's last second still waits for an answer; a second later the
   * complaint is processed and the appeal message remains (rule 3). */
  { "all-used/last-second-of-window", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 22:00;submitted:phone-hotline@2026-11-24 22:10",
    "2026-11-25 10:00", "waiting", "wait", NULL, "2026-11-25T10:00:00+08:00" },
  { "all-used/window-closed", "friend-report", FILED, NULL,
    "submitted:web-ticket@2026-11-24 22:00;submitted:phone-hotline@2026-11-24 22:10",
    "2026-11-25 10:00:01", "act-now", "appeal", "appeal-message", NULL },
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

  /* 2a. A minor: the guardian's visit at every stage (§5), logged once. */
  { "minor/auto-review", "friend-report", FILED, "minor", "", "2026-11-24 10:30",
    "act-now", "submit", "guardian-in-person", "2026-11-25T10:00:00+08:00" },
  { "minor/manual-review", "friend-report", FILED, "minor", "", "2026-11-24 13:00",
    "act-now", "submit", "guardian-in-person", "2026-11-25T10:00:00+08:00" },
  { "minor/processed", "friend-report", FILED, "minor", "", "2026-11-26 10:00",
    "act-now", "submit", "guardian-in-person", NULL },
  { "minor/processed-visit-logged", "friend-report", FILED, "minor",
    "submitted:guardian-in-person@2026-11-26 09:00", "2026-11-26 10:00",
    "act-now", "appeal", "appeal-message", NULL },
  { "minor/not-withdrawable", "intellectual-property", FILED, "minor", "", "2026-11-24 10:30",
    "act-now", "submit", "guardian-in-person", NULL },
  { "minor/not-withdrawable-visit-logged", "intellectual-property", FILED, "minor",
    "submitted:guardian-in-person@2026-11-24 11:00", "2026-11-24 12:00",
    "closed", NULL, NULL, NULL },
  /* Under judicial investigation the court's deadline comes first. */
  { "minor/judicial", "friend-report", FILED, "minor,judicial", "", "2026-11-24 11:00",
    "act-now", "submit", "court-correction", "2026-12-03T23:59:59+08:00" },
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

/* The requests made outside Retract belong to the month the case was
 * started: the next month they no longer count. Appeals and requests logged
 * after "now" do not count either. */
static void
test_counts_baseline_month (void)
{
  g_autoptr(RetractCase) kase = make_case ("wechat", "friend-report", "2026-11-30 20:00", NULL,
                                           "", "submitted:appeal-message@2026-11-30 22:00");
  g_autoptr(GDateTime) started = retract_time_parse ("2026-11-30 20:05", NULL);
  RetractCaseCounts counts = { 0 };
  struct { const char *now; int requests; int appeals; } rows[] = {
    { "2026-11-30 20:05", 3, 0 },     /* the appeal at 22:00 has not happened yet */
    { "2026-11-30 23:59:59", 3, 1 },
    { "2026-12-01 00:00", 0, 0 },
    { "2027-03-15 10:00", 0, 0 },
  };

  retract_case_set_created_at (kase, started);
  retract_case_set_withdrawals_this_month (kase, 3);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GDateTime) now = retract_time_parse (rows[i].now, NULL);

      retract_case_counts_compute (&counts, rules, kase, NULL, now);
      g_assert_cmpint (counts.withdrawal_requests_this_month, ==, rows[i].requests);
      g_assert_cmpint (counts.appeals_today, ==, rows[i].appeals);
    }
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
  g_autoptr(GDateTime) yesterday = retract_time_parse ("2026-11-25 23:59:59", NULL);
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
  add_events (kase, "submitted:appeal-message@2026-11-26 19:30");
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

/* Counting a whole account at once gives what counting each case against
 * the others gives, case by case (retract_case_rows_new() relies on it). */
static void
test_counts_each (void)
{
  g_autoptr(GPtrArray) group = cases_new ();
  g_autoptr(GDateTime) now = retract_time_parse ("2026-11-26 20:00", NULL);
  g_autofree RetractCaseCounts *each = NULL;
  const char *timelines[] = {
    "",
    "submitted:web-ticket@2026-11-02 11:00;submitted:phone-hotline@2026-11-02 23:00",
    "submitted:appeal-message@2026-11-26 09:00",
    "submitted:appeal-message@2026-11-26 10:00;submitted:web-ticket@2026-10-31 23:59:59",
    "submitted:self-service@2026-11-26 10:30",
    "note@2026-11-25 10:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (timelines); i++)
    {
      RetractCase *kase = make_case ("wechat", "friend-report", "2026-10-20 10:00", NULL, "",
                                     timelines[i]);

      retract_case_set_withdrawals_this_month (kase, (int) i % 3);
      g_ptr_array_add (group, kase);
    }

  each = g_new0 (RetractCaseCounts, group->len);
  retract_case_counts_compute_each (rules, group, now, each);
  for (guint i = 0; i < group->len; i++)
    {
      RetractCaseCounts one = { 0 };

      retract_case_counts_compute (&one, rules, g_ptr_array_index (group, i), group, now);
      g_assert_cmpint (each[i].withdrawal_requests_this_month, ==,
                       one.withdrawal_requests_this_month);
      g_assert_cmpint (each[i].appeals_today, ==, one.appeals_today);
      g_assert_cmpint (each[i].appeal_limit, ==, one.appeal_limit);
      g_assert_true ((each[i].next_appeal_at == NULL) == (one.next_appeal_at == NULL));
      if (one.next_appeal_at != NULL)
        g_assert_true (g_date_time_equal (each[i].next_appeal_at, one.next_appeal_at));
      retract_case_counts_clear (&one);
      retract_case_counts_clear (&each[i]);
    }
  /* Two requests this month (cases 1 and 4; case 3's is October's) and two
   * appeals today, seen from case 0. */
  g_assert_cmpint (each[0].withdrawal_requests_this_month, ==, 2);
  g_assert_cmpint (each[0].appeals_today, ==, 2);
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

/* ---- why: the reason and its words ---- */

typedef struct
{
  const char *name;
  const char *platform;
  const char *type;
  const char *scenarios;
  const char *events;
  const char *now;

  const char *reason;
  /* In English, then in Chinese. */
  const char *title[2];
  const char *label[2]; /* NULL: nothing to record */
  const char *why[2];
} WhyCase;

#define EN 0
#define ZH 1

/* Every reason, each with the facts it names. Filed 2026-11-24 10:00: the
 * self-service button until 12:00, the window until 2026-11-25 10:00. */
static const WhyCase why_cases[] = {
  { "fresh", "wechat", "friend-report", NULL,
    "", "2026-11-24 10:30", "fresh",
    { "Do it now: Withdraw it yourself in the WeChat Team account",
      "立即操作：微信团队自主撤回" },
    { "I did it", "我已操作" },
    { "Nothing submitted yet: “Withdraw it yourself in the WeChat Team account” is the "
      "first channel at this stage (§3; rules 2026.11.1).",
      "尚未提交：「微信团队自主撤回」是此阶段的首选渠道（§3；规则版本 2026.11.1）。" } },
  { "awaiting-reply", "wechat", "friend-report", NULL,
    "submitted:web-ticket@2026-11-24 13:00", "2026-11-24 13:00", "awaiting-reply",
    { "Wait for the reply: Ticket on the Tencent Customer Service website",
      "等待答复：腾讯客服官网申诉" },
    { "A reply came", "已收到答复" },
    { "Submitted through “Ticket on the Tencent Customer Service website” on "
      "2026-11-24 13:00; wait for the reply until 2026-11-25 01:00 (replies take 6–12 "
      "h, §3; rules 2026.11.1).",
      "已于2026-11-24 13:00通过「腾讯客服官网申诉」提交，请等待答复至2026-11-25 01:00（答复需6–12小时，§3；规则版本 "
      "2026.11.1）。" } },
  { "no-reply", "wechat", "friend-report", NULL,
    "submitted:web-ticket@2026-11-24 13:00", "2026-11-25 01:00", "no-reply",
    { "Call now: Customer service hotline (urgent)",
      "立即拨打：电话客服紧急通道" },
    { "I called", "我已拨打" },
    { "No reply 12 h after your request through “Ticket on the Tencent Customer "
      "Service website” (replies take 6–12 h, §3; rules 2026.11.1).",
      "通过「腾讯客服官网申诉」提交12小时后仍无答复（答复需6–12小时，§3；规则版本 2026.11.1）。" } },
  { "reply-too-late", "wechat", "friend-report", NULL,
    "submitted:web-ticket@2026-11-24 22:00:01", "2026-11-24 22:30", "reply-too-late",
    { "Call now: Customer service hotline (urgent)",
      "立即拨打：电话客服紧急通道" },
    { "I called", "我已拨打" },
    { "A reply to your request through “Ticket on the Tencent Customer Service "
      "website” could come only after the window closes at 2026-11-25 10:00: ticket "
      "first, then “Customer service hotline (urgent)” to explain the urgency (replies "
      "take 6–12 h, §3; rules 2026.11.1).",
      "「腾讯客服官网申诉」的答复可能晚于撤销期限（2026-11-25 "
      "10:00）：先提交工单，再通过「电话客服紧急通道」说明紧急情况（答复需6–12小时，§3；规则版本 2026.11.1）。" } },
  { "answered-at-once", "wechat", "friend-report", NULL,
    "submitted:phone-hotline@2026-11-24 13:00", "2026-11-24 13:10", "answered-at-once",
    { "Submit now: Ticket on the Tencent Customer Service website",
      "立即提交：腾讯客服官网申诉" },
    { "I submitted the ticket", "我已提交工单" },
    { "“Customer service hotline (urgent)” answers at once and the complaint is not "
      "withdrawn: try “Ticket on the Tencent Customer Service website” (§3; rules "
      "2026.11.1).",
      "「电话客服紧急通道」当场答复，投诉仍未撤销：请尝试「腾讯客服官网申诉」（§3；规则版本 2026.11.1）。" } },
  { "reply-refused", "wechat", "friend-report", NULL,
    "submitted:web-ticket@2026-11-24 13:00;reply:refused@2026-11-24 18:00", "2026-11-24 18:00", "reply-refused",
    { "Call now: Customer service hotline (urgent)",
      "立即拨打：电话客服紧急通道" },
    { "I called", "我已拨打" },
    { "“Ticket on the Tencent Customer Service website” refused on 2026-11-24 18:00: "
      "try “Customer service hotline (urgent)” (§3; rules 2026.11.1).",
      "「腾讯客服官网申诉」已于2026-11-24 18:00拒绝：请尝试「电话客服紧急通道」（§3；规则版本 2026.11.1）。" } },
  { "reply-more-materials", "wechat", "friend-report", NULL,
    "submitted:web-ticket@2026-11-24 13:00;reply:more-materials@2026-11-24 18:00", "2026-11-24 18:00", "reply-more-materials",
    { "Call now: Customer service hotline (urgent)",
      "立即拨打：电话客服紧急通道" },
    { "I called", "我已拨打" },
    { "“Ticket on the Tencent Customer Service website” asked for more materials on "
      "2026-11-24 18:00: gather them and submit through “Customer service hotline "
      "(urgent)” (§3; rules 2026.11.1).",
      "「腾讯客服官网申诉」已于2026-11-24 18:00要求补充材料：请备齐后通过「电话客服紧急通道」提交（§3；规则版本 2026.11.1）。" } },
  { "reply-other", "wechat", "friend-report", NULL,
    "submitted:web-ticket@2026-11-24 13:00;reply:other@2026-11-24 18:00", "2026-11-24 18:00", "reply-other",
    { "Call now: Customer service hotline (urgent)",
      "立即拨打：电话客服紧急通道" },
    { "I called", "我已拨打" },
    { "“Ticket on the Tencent Customer Service website” answered on 2026-11-24 18:00 "
      "without withdrawing the complaint: try “Customer service hotline (urgent)” (§3; "
      "rules 2026.11.1).",
      "「腾讯客服官网申诉」已于2026-11-24 18:00答复，但未撤销投诉：请尝试「电话客服紧急通道」（§3；规则版本 2026.11.1）。" } },
  { "all-used-waiting", "wechat", "friend-report", NULL,
    "submitted:web-ticket@2026-11-24 13:00;submitted:phone-hotline@2026-11-24 13:30", "2026-11-24 14:00", "all-used-waiting",
    { "Wait for the reply: Customer service hotline (urgent)",
      "等待答复：电话客服紧急通道" },
    { "A reply came", "已收到答复" },
    { "Every channel at this stage has been used; wait for an answer until 2026-11-25 "
      "10:00 (§3; rules 2026.11.1).",
      "此阶段的渠道均已使用，请等待答复至2026-11-25 10:00（§3；规则版本 2026.11.1）。" } },
  { "all-used", "wechat", "friend-report", NULL,
    "submitted:web-ticket@2026-11-24 13:00;submitted:phone-hotline@2026-11-24 13:30;reply:refused@2026-11-24 14:00", "2026-11-24 14:10", "all-used",
    { "Nothing more can be done",
      "已无可采取的步骤" },
    { NULL, NULL },
    { "Every channel at this stage has been used and none withdrew the complaint (§3; "
      "rules 2026.11.1).",
      "此阶段的渠道均已使用，投诉未被撤销（§3；规则版本 2026.11.1）。" } },
  { "appeal", "wechat", "friend-report", NULL,
    "submitted:appeal-message@2026-11-26 09:00", "2026-11-26 20:00", "appeal",
    { "Send the appeal now: Wrongful-ban appeal to “WeChat Team”",
      "立即发送申诉：「微信团队」误封申诉" },
    { "I sent the appeal", "我已发送申诉" },
    { "The complaint has been processed; only an appeal can help now: 1 of 2 sent "
      "today (at most 2 a day, §8; rules 2026.11.1).",
      "投诉已处理，只能申诉：今日已发送1次，共2次（每日最多2次，§8；规则版本 2026.11.1）。" } },
  { "appeal-limit", "wechat", "friend-report", NULL,
    "submitted:appeal-message@2026-11-26 09:00;submitted:appeal-message@2026-11-26 10:00", "2026-11-26 20:00", "appeal-limit",
    { "Wait until 2026-11-27 00:00 for the next appeal",
      "等待至2026-11-27 00:00再申诉" },
    { NULL, NULL },
    { "Today's 2 appeals are used up; the next can be sent from 2026-11-27 00:00 (at "
      "most 2 a day, §8; rules 2026.11.1).",
      "今日2次申诉已用完，2026-11-27 00:00起可再次发送（每日最多2次，§8；规则版本 2026.11.1）。" } },
  { "no-appeal", "alipay", "general", NULL,
    "", "2026-11-30 10:00", "no-appeal",
    { "Nothing more can be done",
      "已无可采取的步骤" },
    { NULL, NULL },
    { "The complaint has been processed and Alipay has no appeal (§2; rules 2026.11.1).",
      "投诉已处理，支付宝没有申诉渠道（§2；规则版本 2026.11.1）。" } },
  { "not-withdrawable", "wechat", "intellectual-property", NULL,
    "", "2026-11-24 11:00", "not-withdrawable",
    { "Nothing more can be done",
      "已无可采取的步骤" },
    { NULL, NULL },
    { "“Intellectual-property complaint” cannot be withdrawn (§1; rules 2026.11.1).",
      "「知识产权类投诉」不可撤销（§1；规则版本 2026.11.1）。" } },
  { "judicial", "wechat", "friend-report", "judicial",
    "", "2026-11-24 11:00", "judicial",
    { "Submit now: Correction request through a lawyer's letter",
      "立即提交：律师函申请信息修正" },
    { "I submitted it", "我已提交" },
    /* Plainly (issue 15 §2): a lawyer's letter to the court, within 7 working days. */
    { "Under judicial investigation the complaint cannot be withdrawn. The route is a "
      "lawyer's letter to the Guangzhou Internet Court within 7 working days, asking it to "
      "correct the information: start the legal procedure by 2026-12-03 23:59:59 (§5; rules "
      "2026.11.1).",
      "涉及司法调查的投诉不可撤销。处理路径是：在7个工作日内由律师向广州互联网法院发出律师函，申请信息修正；"
      "须在2026-12-03 23:59:59前启动法律程序（§5；规则版本 2026.11.1）。" } },
  { "guardian-processed", "wechat", "friend-report", "minor",
    "", "2026-11-26 20:00", "guardian",
    { "The guardian goes in person: Tencent Youth Lighthouse Office",
      "监护人前往现场办理：腾讯少年灯塔办公室" },
    { "The guardian went in person", "监护人已到场办理" },
    { "A minor made the mistake. The guardian brings the household register (hukou) and "
      "applies in person at the local Tencent Youth Lighthouse office (§5; rules 2026.11.1).",
      "未成年人误操作：由监护人携带户口本到当地腾讯少年灯塔办公室现场办理（§5；规则版本 2026.11.1）。" } },
  { "guardian-not-withdrawable", "wechat", "intellectual-property", "minor",
    "", "2026-11-24 11:00", "guardian",
    { "The guardian goes in person: Tencent Youth Lighthouse Office",
      "监护人前往现场办理：腾讯少年灯塔办公室" },
    { "The guardian went in person", "监护人已到场办理" },
    { "A minor made the mistake. The guardian brings the household register (hukou) and "
      "applies in person at the local Tencent Youth Lighthouse office (§5; rules 2026.11.1).",
      "未成年人误操作：由监护人携带户口本到当地腾讯少年灯塔办公室现场办理（§5；规则版本 2026.11.1）。" } },
  { "guardian-fresh", "wechat", "friend-report", "minor",
    "", "2026-11-24 13:00", "fresh",
    { "The guardian goes in person: Tencent Youth Lighthouse Office",
      "监护人前往现场办理：腾讯少年灯塔办公室" },
    { "The guardian went in person", "监护人已到场办理" },
    { "Nothing submitted yet: “Guardian in person” is the first channel at this stage (§5; "
      "rules 2026.11.1).",
      "尚未提交：「监护人现场办理」是此阶段的首选渠道（§5；规则版本 2026.11.1）。" } },
  { "judicial-used", "wechat", "friend-report", "judicial",
    "submitted:court-correction@2026-11-25 09:00", "2026-11-25 10:00", "judicial-used",
    { "Nothing more can be done",
      "已无可采取的步骤" },
    { NULL, NULL },
    { "The legal procedure was started through “Correction request through a lawyer's "
      "letter” on 2026-11-25 09:00; nothing more can be done here (§5; rules "
      "2026.11.1).",
      "已于2026-11-25 09:00通过「律师函申请信息修正」启动法律程序，此处无需再做其他操作（§5；规则版本 2026.11.1）。" } },
  { "judicial-passed", "wechat", "friend-report", "judicial",
    "", "2026-12-04 00:00", "judicial-passed",
    { "Nothing more can be done",
      "已无可采取的步骤" },
    { NULL, NULL },
    { "The time to start the legal procedure ended on 2026-12-03 23:59:59 (7 working "
      "days, §5; rules 2026.11.1).",
      "启动法律程序的期限已于2026-12-03 23:59:59截止（7个工作日，§5；规则版本 2026.11.1）。" } },
  { "done", "wechat", "friend-report", NULL,
    "submitted:phone-hotline@2026-11-24 13:00;resolved@2026-11-24 13:20", "2026-11-24 14:00", "done",
    { "Resolved",
      "已解决" },
    { NULL, NULL },
    { "Withdrawn or restored on 2026-11-24 13:20 (rules 2026.11.1).",
      "已于2026-11-24 13:20撤销或恢复（规则版本 2026.11.1）。" } },
  { "abandoned", "wechat", "friend-report", NULL,
    "abandoned@2026-11-24 11:00", "2026-11-24 14:00", "abandoned",
    { "Abandoned",
      "已放弃" },
    { NULL, NULL },
    { "You stopped on 2026-11-24 11:00; reopen the case to go on (rules 2026.11.1).",
      "您已于2026-11-24 11:00放弃，重新打开即可继续（规则版本 2026.11.1）。" } },
  { NULL },
};

static void
test_why (gconstpointer data)
{
  const WhyCase *c = data;
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(RetractAssessment) assessment = NULL;
  g_autoptr(GDateTime) now = retract_time_parse (c->now, NULL);
  g_autoptr(GError) error = NULL;
  RetractCaseCounts counts = { 0 };
  RetractNextStep step = { 0 };
  const RetractLanguage languages[2] = { RETRACT_LANGUAGE_EN, RETRACT_LANGUAGE_ZH_CN };

  kase = make_case (c->platform, c->type, FILED, c->scenarios, "", c->events);
  retract_case_counts_compute (&counts, rules, kase, NULL, now);
  assessment = retract_assessment_new_full (rules, kase, &counts, now, &error);
  g_assert_no_error (error);
  retract_next_step_compute (&step, assessment, kase, &counts, now);

  g_assert_cmpstr (retract_next_reason_to_id (step.reason), ==, c->reason);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *title = retract_next_step_dup_title (&step, rules, languages[i]);
      g_autofree char *why = retract_next_step_dup_why (&step, assessment, &counts, languages[i]);
      const char *label = retract_next_step_get_record_label (&step, rules, languages[i]);

      g_assert_cmpstr (title, ==, c->title[i]);
      g_assert_cmpstr (label, ==, c->label[i]);
      g_assert_cmpstr (why, ==, c->why[i]);
    }

  retract_next_step_clear (&step);
  g_assert_null (step.about_at);
  retract_case_counts_clear (&counts);
}

/* ---- the limits as text, and what to ask before a submission ---- */

static void
test_limits_text (void)
{
  g_autoptr(GDateTime) now = retract_time_parse ("2026-11-26 20:00", NULL);
  g_autoptr(GDateTime) midnight = retract_time_parse ("2026-11-27 00:00", NULL);
  RetractCaseCounts counts = { .withdrawal_requests_this_month = 2, .appeals_today = 1,
                               .appeal_limit = 2 };
  char *text;

  text = retract_case_counts_dup_month_text (&counts, rules, now, RETRACT_LANGUAGE_EN);
  g_assert_cmpstr (text, ==, "Withdrawal requests this month: 2 of 3");
  g_free (text);
  text = retract_case_counts_dup_month_text (&counts, rules, now, RETRACT_LANGUAGE_ZH_CN);
  g_assert_cmpstr (text, ==, "本月撤销申请：2 / 3");
  g_free (text);
  text = retract_case_counts_dup_appeals_text (&counts, rules, RETRACT_LANGUAGE_EN);
  g_assert_cmpstr (text, ==, "Appeals today: 1 of 2");
  g_free (text);

  /* At the limits: when they free up, in Beijing time. */
  counts.withdrawal_requests_this_month = 3;
  counts.appeals_today = 2;
  counts.next_appeal_at = midnight;
  text = retract_case_counts_dup_month_text (&counts, rules, now, RETRACT_LANGUAGE_EN);
  g_assert_cmpstr (text, ==,
                   "Withdrawal requests this month: 3 of 3 (limit reached; it starts again on "
                   "2026-12-01 00:00)");
  g_free (text);
  text = retract_case_counts_dup_month_text (&counts, rules, now, RETRACT_LANGUAGE_ZH_CN);
  g_assert_cmpstr (text, ==, "本月撤销申请：3 / 3（已达上限，2026-12-01 00:00起重新计算）");
  g_free (text);
  text = retract_case_counts_dup_appeals_text (&counts, rules, RETRACT_LANGUAGE_EN);
  g_assert_cmpstr (text, ==, "Appeals today: 2 of 2 (limit reached; the next from 2026-11-27 00:00)");
  g_free (text);
  text = retract_case_counts_dup_appeals_text (&counts, rules, RETRACT_LANGUAGE_ZH_CN);
  g_assert_cmpstr (text, ==, "今日申诉：2 / 2（已达上限，2026-11-27 00:00起可再次申诉）");
  g_free (text);

  /* The last day of a year: the count starts again on 1 January. */
  {
    g_autoptr(GDateTime) december = retract_time_parse ("2026-12-31 23:59", NULL);

    text = retract_case_counts_dup_month_text (&counts, rules, december, RETRACT_LANGUAGE_EN);
    g_assert_true (g_str_has_suffix (text, "it starts again on 2027-01-01 00:00)"));
    g_free (text);
  }

  /* A platform without an appeal has no appeal line. */
  counts.appeal_limit = 0;
  counts.next_appeal_at = NULL;
  g_assert_null (retract_case_counts_dup_appeals_text (&counts, rules, RETRACT_LANGUAGE_EN));
}

/* zh_HK reads the same sentences in Traditional characters, the dataset's
 * names included (团/團, 阶/階, 销/銷 differ). */
static void
test_traditional_text (void)
{
  g_autoptr(RetractCase) kase = make_case ("wechat", "friend-report", FILED, NULL, "", "");
  g_autoptr(GDateTime) now = retract_time_parse ("2026-11-24 10:30", NULL);
  g_autoptr(RetractAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *why = NULL;
  g_autofree char *month = NULL;
  RetractCaseCounts counts = { 0 };
  RetractCaseCounts limits = { .withdrawal_requests_this_month = 2, .appeal_limit = 2 };
  RetractNextStep step = { 0 };

  retract_case_counts_compute (&counts, rules, kase, NULL, now);
  assessment = retract_assessment_new_full (rules, kase, &counts, now, &error);
  g_assert_no_error (error);
  retract_next_step_compute (&step, assessment, kase, &counts, now);

  title = retract_next_step_dup_title (&step, rules, RETRACT_LANGUAGE_ZH_HK);
  g_assert_cmpstr (title, ==, "立即操作：微信團隊自主撤回");
  why = retract_next_step_dup_why (&step, assessment, &counts, RETRACT_LANGUAGE_ZH_HK);
  g_assert_cmpstr (why, ==,
                   "尚未提交：「微信團隊自主撤回」是此階段的首選渠道（§3；規則版本 2026.11.1）。");
  month = retract_case_counts_dup_month_text (&limits, rules, now, RETRACT_LANGUAGE_ZH_HK);
  g_assert_cmpstr (month, ==, "本月撤銷申請：2 / 3");

  retract_next_step_clear (&step);
  retract_case_counts_clear (&counts);
}

typedef struct
{
  const char *name;
  const char *events;
  int         requests_this_month;
  int         appeals_today;
  const char *channel;
  const char *at;

  RetractSubmissionConcern concern;
  const char *message; /* in English; NULL when there is none */
} SubmissionCase;

static const SubmissionCase submission_cases[] = {
  { "first-ticket", "", 2, 0, "web-ticket", "2026-11-24 12:00", RETRACT_SUBMISSION_OK, NULL },
  { "ticket-again", "submitted:web-ticket@2026-11-24 13:00", 0, 0, "web-ticket",
    "2026-11-24 20:00", RETRACT_SUBMISSION_REPEAT,
    "You already submitted through “Ticket on the Tencent Customer Service website” on "
    "2026-11-24 13:00. This matter was already submitted through the same channel. "
    "Submitting the same matter repeatedly can be judged malicious. (§3)" },
  /* Ticket first, then call (§3): not a repeat. */
  { "ticket-then-call", "submitted:web-ticket@2026-11-24 13:00", 0, 0, "phone-hotline",
    "2026-11-24 20:00", RETRACT_SUBMISSION_OK, NULL },
  /* The 4th request of a month (§6: more than 3 trigger a review). */
  { "fourth-request", "", 3, 0, "web-ticket", "2026-11-24 12:00",
    RETRACT_SUBMISSION_MONTHLY_LIMIT,
    "This would be withdrawal request 4 this month (the limit is 3). More than 3 withdrawal "
    "requests from one account in a month trigger a risk-control review. (§6)" },
  /* The same request through a second channel does not count again. */
  { "fourth-but-same-request", "submitted:web-ticket@2026-11-24 13:00", 3, 0,
    "phone-hotline", "2026-11-24 20:00", RETRACT_SUBMISSION_OK, NULL },
  /* The court corrects, it does not ask for a withdrawal. */
  { "court-at-the-limit", "", 3, 0, "court-correction", "2026-11-24 12:00",
    RETRACT_SUBMISSION_OK, NULL },
  { "second-appeal", "submitted:appeal-message@2026-11-26 09:00", 0, 1, "appeal-message",
    "2026-11-26 20:00", RETRACT_SUBMISSION_OK, NULL },
  { "third-appeal", "submitted:appeal-message@2026-11-26 09:00", 0, 2, "appeal-message",
    "2026-11-26 20:00", RETRACT_SUBMISSION_DAILY_LIMIT,
    "2 appeals were sent today already; the next can be sent from 2026-11-27 00:00. An appeal "
    "(#误封申诉+<complaint number>) to “WeChat Team” can be sent at most 2 times a day. "
    "Today's are used up; the next can be sent from 00:00 Beijing time. (§8)" },
};

static void
test_submission_check (gconstpointer data)
{
  const SubmissionCase *c = data;
  g_autoptr(RetractCase) kase = make_case ("wechat", "friend-report", FILED, NULL, "", c->events);
  g_autoptr(GDateTime) at = retract_time_parse (c->at, NULL);
  g_autofree char *message = NULL;
  g_autofree char *message_zh = NULL;
  RetractCaseCounts counts = { .withdrawal_requests_this_month = c->requests_this_month,
                               .appeals_today = c->appeals_today, .appeal_limit = 2 };

  g_assert_cmpint (retract_submission_check (rules, kase, &counts, c->channel, at,
                                             RETRACT_LANGUAGE_EN, &message), ==, c->concern);
  g_assert_cmpstr (message, ==, c->message);

  /* The same answer in Chinese, with the dataset's Chinese rule. */
  g_assert_cmpint (retract_submission_check (rules, kase, &counts, c->channel, at,
                                             RETRACT_LANGUAGE_ZH_CN, &message_zh), ==,
                   c->concern);
  g_assert_true ((message_zh == NULL) == (c->message == NULL));
  g_assert_true (message_zh == NULL || strstr (message_zh, "（§") != NULL);
}

/* The step's button has a label exactly when it has something to record. */
static void
assert_label_follows_record (const RetractNextStep *step)
{
  RetractEventKind kind;
  const char *channel;
  gboolean records = retract_next_step_get_record (step, &kind, &channel);

  g_assert_true ((retract_next_step_get_record_label (step, rules, RETRACT_LANGUAGE_EN) != NULL)
                 == records);
  g_assert_true ((retract_next_step_get_record_label (step, rules, RETRACT_LANGUAGE_ZH_CN) != NULL)
                 == records);
}

/* What the step's button records. */
static void
test_record (void)
{
  RetractNextStep step = { .action = RETRACT_ACTION_SUBMIT, .channel = "web-ticket" };
  RetractEventKind kind = RETRACT_EVENT_NOTE;
  const char *channel = NULL;

  g_assert_true (retract_next_step_get_record (&step, &kind, &channel));
  g_assert_cmpint (kind, ==, RETRACT_EVENT_SUBMITTED);
  g_assert_cmpstr (channel, ==, "web-ticket");
  assert_label_follows_record (&step);

  /* A submission with no channel has nothing to log: no button. */
  step.channel = NULL;
  g_assert_false (retract_next_step_get_record (&step, &kind, &channel));
  assert_label_follows_record (&step);

  step.action = RETRACT_ACTION_WAIT;
  step.reason = RETRACT_REASON_AWAITING_REPLY;
  g_assert_true (retract_next_step_get_record (&step, &kind, &channel));
  g_assert_cmpint (kind, ==, RETRACT_EVENT_REPLY);
  g_assert_null (channel);
  assert_label_follows_record (&step);

  step.reason = RETRACT_REASON_APPEAL_LIMIT;
  g_assert_false (retract_next_step_get_record (&step, &kind, &channel));
  assert_label_follows_record (&step);
  step.action = RETRACT_ACTION_NONE;
  g_assert_false (retract_next_step_get_record (&step, &kind, &channel));
  assert_label_follows_record (&step);
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
  for (guint i = 0; why_cases[i].name != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("/retract/next-step/why/%s", why_cases[i].name);

      g_test_add_data_func (name, &why_cases[i], test_why);
    }
  for (guint i = 0; i < G_N_ELEMENTS (limit_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/retract/limits/%s", limit_cases[i].name);

      g_test_add_data_func (name, &limit_cases[i], test_limits);
    }
  for (guint i = 0; i < G_N_ELEMENTS (submission_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/retract/limits/ask-first/%s",
                                               submission_cases[i].name);

      g_test_add_data_func (name, &submission_cases[i], test_submission_check);
    }
  g_test_add_func ("/retract/limits/text", test_limits_text);
  g_test_add_func ("/retract/next-step/traditional", test_traditional_text);
  g_test_add_func ("/retract/next-step/record", test_record);
  g_test_add_func ("/retract/counts/month", test_counts_month);
  g_test_add_func ("/retract/counts/month-turns-over", test_counts_month_boundary);
  g_test_add_func ("/retract/counts/baseline-month", test_counts_baseline_month);
  g_test_add_func ("/retract/counts/appeals", test_counts_appeals);
  g_test_add_func ("/retract/counts/each", test_counts_each);
  g_test_add_func ("/retract/events/rules", test_event_rules);
  g_test_add_func ("/retract/events/order", test_event_order);

  status = g_test_run ();
  g_object_unref (rules);
  return status;
}
