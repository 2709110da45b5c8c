/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The next step of a case, from its timeline. The rules, in order (README,
 * "The case file: the next step"):
 *  1. An ending event: done or abandoned.
 *  2. A scenario that cannot be withdrawn but has a legal route (judicial,
 *     §5): submit through that route by the legal deadline, once; otherwise
 *     closed.
 *  2a. A minor's case that can no longer be withdrawn (processed, or a type
 *     that cannot be): the guardian's visit to the Youth Lighthouse office
 *     (§5), until it is logged; then rules 3 and 4. While the complaint can
 *     be withdrawn the visit is the first channel anyway (rule 5a).
 *  3. Processed (§8): send the appeal message, or wait for the next 00:00
 *     when today's appeals are at the limit; closed without an appeal channel.
 *  4. Any other case that cannot be withdrawn: closed.
 *  5. Withdrawable: the channels the assessment offers, in its order, each
 *     used at most once (§3: no repeated submissions):
 *     a. nothing submitted yet: the first channel;
 *     b. after a submission through a channel that answers within a time
 *        (the ticket's 6–12 h, §3): wait for the upper bound, then the next
 *        channel (the hotline); when the answer could only come after the
 *        window closes, call now ("ticket first, then phone to explain the
 *        urgency");
 *     c. after a submission through a channel that answers at once (a call,
 *        the self-service button): the next channel;
 *     d. after a reply that refused or asked for more: the next channel.
 *     No channel left: wait for the answer while the window is open (a, b,
 *     c), closed after a refusal (d). */

#define G_LOG_DOMAIN "retract-next-step"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-next-step.h"
#include "retract-engine-ids.h"
#include "retract-time.h"

static const char * const status_ids[RETRACT_N_CASE_STATUSES] = {
  [RETRACT_STATUS_ACT_NOW] = "act-now",
  [RETRACT_STATUS_WAITING] = "waiting",
  [RETRACT_STATUS_DONE] = "done",
  [RETRACT_STATUS_ABANDONED] = "abandoned",
  [RETRACT_STATUS_CLOSED] = "closed",
};

/* The status badge's words, the same in the list of cases and on the case's
 * own page. */
static const char * const status_labels[RETRACT_N_CASE_STATUSES] = {
  /* Translators: a case's status badge, in the list of cases and on its page */
  [RETRACT_STATUS_ACT_NOW] = NC_("case status", "Act now"),
  [RETRACT_STATUS_WAITING] = NC_("case status", "Waiting"),
  [RETRACT_STATUS_DONE] = NC_("case status", "Done"),
  [RETRACT_STATUS_ABANDONED] = NC_("case status", "Abandoned"),
  [RETRACT_STATUS_CLOSED] = NC_("case status", "Closed"),
};

static const char * const action_ids[RETRACT_N_NEXT_ACTIONS] = {
  [RETRACT_ACTION_NONE] = NULL,
  [RETRACT_ACTION_SUBMIT] = "submit",
  [RETRACT_ACTION_APPEAL] = "appeal",
  [RETRACT_ACTION_WAIT] = "wait",
};

/* For tests and logs: the rule's name. */
static const char * const reason_ids[RETRACT_N_NEXT_REASONS] = {
  [RETRACT_REASON_NONE] = NULL,
  [RETRACT_REASON_DONE] = "done",
  [RETRACT_REASON_ABANDONED] = "abandoned",
  [RETRACT_REASON_JUDICIAL] = "judicial",
  [RETRACT_REASON_JUDICIAL_USED] = "judicial-used",
  [RETRACT_REASON_JUDICIAL_PASSED] = "judicial-passed",
  [RETRACT_REASON_GUARDIAN] = "guardian",
  [RETRACT_REASON_APPEAL] = "appeal",
  [RETRACT_REASON_APPEAL_LIMIT] = "appeal-limit",
  [RETRACT_REASON_NO_APPEAL] = "no-appeal",
  [RETRACT_REASON_NOT_WITHDRAWABLE] = "not-withdrawable",
  [RETRACT_REASON_NO_CHANNEL] = "no-channel",
  [RETRACT_REASON_FRESH] = "fresh",
  [RETRACT_REASON_AWAITING_REPLY] = "awaiting-reply",
  [RETRACT_REASON_NO_REPLY] = "no-reply",
  [RETRACT_REASON_REPLY_TOO_LATE] = "reply-too-late",
  [RETRACT_REASON_ANSWERED_AT_ONCE] = "answered-at-once",
  [RETRACT_REASON_REPLY_REFUSED] = "reply-refused",
  [RETRACT_REASON_REPLY_MORE_MATERIALS] = "reply-more-materials",
  [RETRACT_REASON_REPLY_OTHER] = "reply-other",
  [RETRACT_REASON_ALL_USED_WAITING] = "all-used-waiting",
  [RETRACT_REASON_ALL_USED] = "all-used",
};

const char *
retract_case_status_to_id (RetractCaseStatus status)
{
  g_return_val_if_fail (status < RETRACT_N_CASE_STATUSES, NULL);
  return status_ids[status];
}

/**
 * retract_case_status_get_label:
 *
 * The status badge's words, the same in the list of cases and on the
 * case's own page.
 *
 * Returns: the translated label
 */
const char *
retract_case_status_get_label (RetractCaseStatus status)
{
  g_return_val_if_fail (status < RETRACT_N_CASE_STATUSES, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "case status", status_labels[status]);
}

/* Returns: the action's word, or %NULL for %RETRACT_ACTION_NONE */
const char *
retract_next_action_to_id (RetractNextAction action)
{
  g_return_val_if_fail (action < RETRACT_N_NEXT_ACTIONS, NULL);
  return action_ids[action];
}

/* Returns: the reason's word, or %NULL for %RETRACT_REASON_NONE */
const char *
retract_next_reason_to_id (RetractNextReason reason)
{
  g_return_val_if_fail (reason < RETRACT_N_NEXT_REASONS, NULL);
  return reason_ids[reason];
}

/* The event the reason is about: its channel as the dataset spells it (the
 * step must not point into the case's events, which change) and @at. */
static void
set_about (RetractNextStep        *step,
           RetractAssessment      *assessment,
           const RetractCaseEvent *event,
           GDateTime              *at)
{
  const RetractChannel *channel = NULL;

  if (event->channel != NULL)
    channel = retract_ruleset_lookup_channel (retract_assessment_get_rules (assessment),
                                              event->channel);
  step->about_channel = channel != NULL ? channel->id : NULL;
  g_clear_pointer (&step->about_at, g_date_time_unref);
  step->about_at = g_date_time_ref (at);
}

static void
set_step (RetractNextStep   *step,
          RetractNextReason  reason,
          RetractCaseStatus  status,
          RetractNextAction  action,
          const char        *channel,
          GDateTime         *due_at)
{
  step->reason = reason;
  step->status = status;
  step->action = action;
  step->channel = channel;
  g_clear_pointer (&step->due_at, g_date_time_unref);
  step->due_at = due_at != NULL ? g_date_time_ref (due_at) : NULL;
}

static gboolean
is_before (GDateTime *a,
           GDateTime *b)
{
  return a != NULL && b != NULL && g_date_time_compare (a, b) < 0;
}

/**
 * retract_next_step_get_legal_route:
 *
 * Returns: (nullable): the case's scenario that cannot be withdrawn but
 *   still has a route (the court of a judicial case, §5)
 */
const RetractScenario *
retract_next_step_get_legal_route (RetractAssessment *assessment)
{
  GPtrArray *scenarios = retract_assessment_get_scenarios (assessment);

  for (guint i = 0; i < scenarios->len; i++)
    {
      const RetractScenario *scenario = g_ptr_array_index (scenarios, i);

      if (scenario->not_withdrawable && scenario->first_channel != NULL)
        return scenario;
    }

  return NULL;
}

/**
 * retract_next_step_get_guardian_route:
 *
 * Returns: (nullable): the guardian's route of a minor's case (the minor
 *   scenario's own channel, §5) when the assessment offers it
 */
const RetractChannel *
retract_next_step_get_guardian_route (RetractAssessment *assessment)
{
  GPtrArray *scenarios = retract_assessment_get_scenarios (assessment);
  GPtrArray *channels = retract_assessment_get_channels (assessment);

  for (guint i = 0; i < scenarios->len; i++)
    {
      const RetractScenario *scenario = g_ptr_array_index (scenarios, i);
      const RetractChannel *channel;

      if (!g_str_equal (scenario->id, RETRACT_SCENARIO_MINOR) || scenario->first_channel == NULL)
        continue;
      channel = retract_records_find (RETRACT_RECORD_CHANNEL, channels, scenario->first_channel);
      if (channel != NULL)
        return channel;
    }

  return NULL;
}

/* The first channel the assessment offers that the case has not used and
 * that is still open at @at: a wait may outlast the self-service button. */
static const RetractChannel *
first_unused (RetractAssessment *assessment,
              RetractCase       *kase,
              GDateTime         *at)
{
  GPtrArray *channels = retract_assessment_get_channels (assessment);
  GDateTime *self_service_until = retract_assessment_get_self_service_until (assessment);

  for (guint i = 0; i < channels->len; i++)
    {
      const RetractChannel *channel = g_ptr_array_index (channels, i);

      if (channel->self_service && self_service_until != NULL &&
          !is_before (at, self_service_until))
        continue;

      if (retract_case_find_submission (kase, channel->id, at) == NULL)
        return channel;
    }

  return NULL;
}

/* Rule 3: processed, only the appeal message remains (§8). */
static void
after_processing (RetractNextStep         *step,
                  RetractAssessment       *assessment,
                  const RetractCaseCounts *counts,
                  GDateTime               *now)
{
  g_autoptr(GDateTime) midnight = NULL;

  if (!retract_assessment_has_channel (assessment, RETRACT_CHANNEL_APPEAL_MESSAGE))
    {
      set_step (step, RETRACT_REASON_NO_APPEAL, RETRACT_STATUS_CLOSED, RETRACT_ACTION_NONE, NULL, NULL);
      return;
    }

  if (counts->appeal_limit == 0 || counts->appeals_today < counts->appeal_limit)
    {
      set_step (step, RETRACT_REASON_APPEAL, RETRACT_STATUS_ACT_NOW, RETRACT_ACTION_APPEAL,
                RETRACT_CHANNEL_APPEAL_MESSAGE, NULL);
      return;
    }

  midnight = retract_time_next_midnight (now);
  set_step (step, RETRACT_REASON_APPEAL_LIMIT, RETRACT_STATUS_WAITING, RETRACT_ACTION_WAIT,
            RETRACT_CHANNEL_APPEAL_MESSAGE, midnight);
}

/* Rule 5d: what the reply said. */
static RetractNextReason
reason_of_reply (const RetractCaseEvent *reply)
{
  switch (reply->outcome)
    {
    case RETRACT_OUTCOME_REFUSED:
      return RETRACT_REASON_REPLY_REFUSED;
    case RETRACT_OUTCOME_MORE_MATERIALS:
      return RETRACT_REASON_REPLY_MORE_MATERIALS;
    case RETRACT_OUTCOME_NONE:
    case RETRACT_OUTCOME_WITHDRAWN: /* ends the case: rule 1 */
    case RETRACT_OUTCOME_OTHER:
    default:
      return RETRACT_REASON_REPLY_OTHER;
    }
}

/* By when a request through @channel must be made: the self-service button
 * only works until manual review starts (§2), the rest until the window
 * closes. */
static GDateTime *
due_for (RetractAssessment    *assessment,
         const RetractChannel *channel)
{
  return channel->self_service ? retract_assessment_get_self_service_until (assessment)
                               : retract_assessment_get_window_closes_at (assessment);
}

/* The last submission made by @now and the reply logged after it, if any:
 * the timeline's order decides, so that a reply logged at the same second
 * as a submission but before it answers an earlier one. */
static void
find_last_request (RetractCase             *kase,
                   GDateTime               *now,
                   const RetractCaseEvent **last,
                   const RetractCaseEvent **reply)
{
  GPtrArray *events = retract_case_get_events (kase);

  *last = NULL;
  *reply = NULL;
  for (guint i = 0; i < events->len; i++)
    {
      const RetractCaseEvent *event = g_ptr_array_index (events, i);

      if (g_date_time_compare (event->at, now) > 0)
        break;
      if (event->kind == RETRACT_EVENT_SUBMITTED)
        {
          *last = event;
          *reply = NULL;
        }
      else if (event->kind == RETRACT_EVENT_REPLY && *last != NULL)
        {
          *reply = event;
        }
    }
}

/* Rule 5: the withdrawal requests, one channel after another. */
static void
withdraw (RetractNextStep   *step,
          RetractAssessment *assessment,
          RetractCase       *kase,
          GDateTime         *now)
{
  GDateTime *closes_at = retract_assessment_get_window_closes_at (assessment);
  GPtrArray *channels = retract_assessment_get_channels (assessment);
  const RetractCaseEvent *last, *reply;
  const RetractChannel *used, *next;
  RetractNextReason reason;

  find_last_request (kase, now, &last, &reply);

  if (channels->len == 0)
    {
      set_step (step, RETRACT_REASON_NO_CHANNEL, RETRACT_STATUS_CLOSED, RETRACT_ACTION_NONE, NULL, NULL);
      return;
    }

  /* a. Nothing submitted yet. */
  if (last == NULL)
    {
      const RetractChannel *first = g_ptr_array_index (channels, 0);

      set_step (step, RETRACT_REASON_FRESH, RETRACT_STATUS_ACT_NOW, RETRACT_ACTION_SUBMIT,
                first->id, due_for (assessment, first));
      return;
    }

  next = first_unused (assessment, kase, now);

  /* d. An answer to the last request that did not withdraw the complaint. */
  if (reply != NULL)
    {
      if (next != NULL)
        set_step (step, reason_of_reply (reply), RETRACT_STATUS_ACT_NOW,
                  RETRACT_ACTION_SUBMIT, next->id, due_for (assessment, next));
      else
        set_step (step, RETRACT_REASON_ALL_USED, RETRACT_STATUS_CLOSED, RETRACT_ACTION_NONE,
                  NULL, NULL);
      /* The reply answered the last submission: its channel, the reply's time. */
      set_about (step, assessment, last, reply->at);
      return;
    }

  used = retract_ruleset_lookup_channel (retract_assessment_get_rules (assessment),
                                         last->channel);
  reason = RETRACT_REASON_ANSWERED_AT_ONCE;

  /* b. A channel that answers within a time: wait for its upper bound,
   * unless the answer could only come after the window has closed. */
  if (used != NULL && used->response_max_hours > 0)
    {
      g_autoptr(GDateTime) answer_by = g_date_time_add_hours (last->at,
                                                              (gint) used->response_max_hours);

      if (is_before (now, answer_by) &&
          (closes_at == NULL || g_date_time_compare (answer_by, closes_at) <= 0))
        {
          const RetractChannel *then = first_unused (assessment, kase, answer_by);

          set_step (step, RETRACT_REASON_AWAITING_REPLY, RETRACT_STATUS_WAITING,
                    RETRACT_ACTION_WAIT, then != NULL ? then->id : NULL, answer_by);
          set_about (step, assessment, last, last->at);
          return;
        }
      reason = is_before (now, answer_by) ? RETRACT_REASON_REPLY_TOO_LATE
                                          : RETRACT_REASON_NO_REPLY;
    }

  /* b (after the wait) and c. The next channel now. */
  if (next != NULL)
    set_step (step, reason, RETRACT_STATUS_ACT_NOW, RETRACT_ACTION_SUBMIT, next->id,
              due_for (assessment, next));
  else if (closes_at != NULL && g_date_time_compare (now, closes_at) <= 0)
    /* Every channel was used: the answer may still come while the window is
     * open, to its last second. */
    set_step (step, RETRACT_REASON_ALL_USED_WAITING, RETRACT_STATUS_WAITING,
              RETRACT_ACTION_WAIT, NULL, closes_at);
  else
    set_step (step, RETRACT_REASON_ALL_USED, RETRACT_STATUS_CLOSED, RETRACT_ACTION_NONE,
              NULL, NULL);
  set_about (step, assessment, last, last->at);
}

/**
 * retract_next_step_compute:
 * @step: (out caller-allocates): where the step goes; clear it with
 *   retract_next_step_clear(). Its channel belongs to the assessment's dataset.
 * @assessment: @kase assessed at @now, with @counts
 * @counts: @kase's counts at @now
 *
 * Works out the case's status and next step from its timeline (the rules are
 * at the top of this file). Pure: the same arguments give the same step.
 */
void
retract_next_step_compute (RetractNextStep         *step,
                           RetractAssessment       *assessment,
                           RetractCase             *kase,
                           const RetractCaseCounts *counts,
                           GDateTime               *now)
{
  const RetractScenario *route;
  const RetractCaseEvent *ending = NULL;

  g_return_if_fail (step != NULL);
  g_return_if_fail (RETRACT_IS_ASSESSMENT (assessment));
  g_return_if_fail (RETRACT_IS_CASE (kase));
  g_return_if_fail (counts != NULL);
  g_return_if_fail (now != NULL);

  step->due_at = NULL;
  step->about_channel = NULL;
  step->about_at = NULL;

  /* 1. */
  switch (retract_case_get_ending_at (kase, now, &ending))
    {
    case RETRACT_CASE_DONE:
      set_step (step, RETRACT_REASON_DONE, RETRACT_STATUS_DONE, RETRACT_ACTION_NONE, NULL, NULL);
      set_about (step, assessment, ending, ending->at);
      return;
    case RETRACT_CASE_ABANDONED:
      set_step (step, RETRACT_REASON_ABANDONED, RETRACT_STATUS_ABANDONED, RETRACT_ACTION_NONE,
                NULL, NULL);
      set_about (step, assessment, ending, ending->at);
      return;
    case RETRACT_CASE_OPEN:
    default:
      break;
    }

  /* 2. */
  route = retract_next_step_get_legal_route (assessment);
  if (route != NULL)
    {
      GDateTime *deadline = retract_assessment_get_legal_deadline (assessment);
      const RetractCaseEvent *court = retract_case_find_submission (kase, route->first_channel, now);

      if (court != NULL)
        {
          set_step (step, RETRACT_REASON_JUDICIAL_USED, RETRACT_STATUS_CLOSED,
                    RETRACT_ACTION_NONE, NULL, NULL);
          set_about (step, assessment, court, court->at);
        }
      else if (deadline == NULL || is_before (now, deadline))
        set_step (step, RETRACT_REASON_JUDICIAL, RETRACT_STATUS_ACT_NOW, RETRACT_ACTION_SUBMIT,
                  route->first_channel, deadline);
      else
        set_step (step, RETRACT_REASON_JUDICIAL_PASSED, RETRACT_STATUS_CLOSED,
                  RETRACT_ACTION_NONE, NULL, NULL);
      return;
    }

  /* 2a. */
  if (retract_assessment_get_stage (assessment) == RETRACT_STAGE_PROCESSED ||
      retract_assessment_get_stage (assessment) == RETRACT_STAGE_NOT_WITHDRAWABLE)
    {
      const RetractChannel *guardian = retract_next_step_get_guardian_route (assessment);

      if (guardian != NULL && retract_case_find_submission (kase, guardian->id, now) == NULL)
        {
          set_step (step, RETRACT_REASON_GUARDIAN, RETRACT_STATUS_ACT_NOW, RETRACT_ACTION_SUBMIT,
                    guardian->id, NULL);
          return;
        }
    }

  switch (retract_assessment_get_stage (assessment))
    {
    case RETRACT_STAGE_PROCESSED: /* 3. */
      after_processing (step, assessment, counts, now);
      return;
    case RETRACT_STAGE_NOT_WITHDRAWABLE: /* 4. */
      set_step (step, RETRACT_REASON_NOT_WITHDRAWABLE, RETRACT_STATUS_CLOSED,
                RETRACT_ACTION_NONE, NULL, NULL);
      return;
    case RETRACT_STAGE_AUTO_REVIEW:
    case RETRACT_STAGE_MANUAL_REVIEW:
    default:
      withdraw (step, assessment, kase, now); /* 5. */
      return;
    }
}

void
retract_next_step_clear (RetractNextStep *step)
{
  g_return_if_fail (step != NULL);

  g_clear_pointer (&step->due_at, g_date_time_unref);
  g_clear_pointer (&step->about_at, g_date_time_unref);
  step->channel = NULL;
  step->about_channel = NULL;
  step->action = RETRACT_ACTION_NONE;
  step->reason = RETRACT_REASON_NONE;
}
