/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The limits on the user's own requests, counted from history:
 *  - §6: more than 3 withdrawal requests from one account in a month trigger
 *    a risk-control review. A request is a case with a submission this
 *    Beijing month through a channel that asks for the withdrawal: not the
 *    appeal message (remediation after processing, §8) nor the court (a
 *    correction, not a withdrawal, §5).
 *  - §8: at most 2 appeal messages a day, the appeal channel's daily_limit.
 * Cases count together when they have the same platform and account. Only
 * events that had happened by "now" count; the requests made outside Retract
 * (the case's baseline) count in the month the case was started. */

#define G_LOG_DOMAIN "retract-case-counts"

#include "config.h"

#include "retract-case-counts.h"
#include "retract-engine-ids.h"
#include "retract-time.h"

gboolean
retract_case_counts_same_account (RetractCase *a,
                                  RetractCase *b)
{
  g_return_val_if_fail (RETRACT_IS_CASE (a) && RETRACT_IS_CASE (b), FALSE);

  return g_strcmp0 (retract_case_get_platform (a), retract_case_get_platform (b)) == 0 &&
         g_strcmp0 (retract_case_get_account (a), retract_case_get_account (b)) == 0;
}

/**
 * retract_case_counts_channel_is_request:
 * @channel: a channel id
 *
 * Whether a submission through @channel asks for a withdrawal and so counts
 * towards the monthly limit: not the appeal message (remediation after
 * processing, §8), not the court route of a scenario that cannot be
 * withdrawn (a correction, §5).
 */
gboolean
retract_case_counts_channel_is_request (RetractRuleset *rules,
                                        const char     *channel)
{
  GPtrArray *scenarios;

  g_return_val_if_fail (RETRACT_IS_RULESET (rules), FALSE);

  if (channel == NULL || g_strcmp0 (channel, RETRACT_CHANNEL_APPEAL_MESSAGE) == 0)
    return FALSE;

  scenarios = retract_ruleset_get_scenarios (rules);
  for (guint i = 0; i < scenarios->len; i++)
    {
      const RetractScenario *scenario = g_ptr_array_index (scenarios, i);

      if (scenario->not_withdrawable && g_strcmp0 (scenario->first_channel, channel) == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_request (RetractRuleset         *rules,
            const RetractCaseEvent *event)
{
  return event->kind == RETRACT_EVENT_SUBMITTED &&
         retract_case_counts_channel_is_request (rules, event->channel);
}

static gboolean
is_appeal (RetractRuleset         *rules,
           const RetractCaseEvent *event)
{
  return event->kind == RETRACT_EVENT_SUBMITTED &&
         g_strcmp0 (event->channel, RETRACT_CHANNEL_APPEAL_MESSAGE) == 0;
}

/* 00:00 Beijing time on @time's day. */
static GDateTime *
start_of_day (GDateTime *time)
{
  GDate date;

  retract_time_get_date (time, &date);
  return g_date_time_new (retract_time_zone (), g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
}

/* 00:00 Beijing time on the first of @time's month (Beijing has no DST:
 * whole days back from the start of @time's day). */
static GDateTime *
start_of_month (GDateTime *time)
{
  g_autoptr(GDateTime) day = start_of_day (time);

  return g_date_time_add_days (day, 1 - g_date_time_get_day_of_month (day));
}

/* How many events of @kase from @since up to @now pass @test. The events
 * are in time order, and those after @now have not happened yet. */
static int
count_events (RetractRuleset *rules,
              RetractCase    *kase,
              GDateTime      *since,
              GDateTime      *now,
              gboolean      (*test) (RetractRuleset         *rules,
                                     const RetractCaseEvent *event))
{
  GPtrArray *events = retract_case_get_events (kase);
  int n = 0;

  for (guint i = 0; i < events->len; i++)
    {
      const RetractCaseEvent *event = g_ptr_array_index (events, i);

      if (g_date_time_compare (event->at, now) > 0)
        break;
      if (g_date_time_compare (event->at, since) >= 0 && test (rules, event))
        n++;
    }

  return n;
}

/**
 * retract_case_counts_has_request_in_month:
 *
 * Whether @kase made a withdrawal request in @now's Beijing month: it counts
 * once towards the monthly limit, however many channels it used.
 */
gboolean
retract_case_counts_has_request_in_month (RetractRuleset *rules,
                                          RetractCase    *kase,
                                          GDateTime      *now)
{
  g_autoptr(GDateTime) month_start = start_of_month (now);

  return count_events (rules, kase, month_start, now, is_request) > 0;
}

/* The requests the user made outside Retract, as the case recorded them:
 * "this month" is the month the case was started in, so they no longer
 * count once a later month has begun. (Looked at from before the case was
 * started, as `assess --now` in the past does, they count.) @month_start is
 * the start of now's month. */
static int
baseline (RetractCase *kase,
          GDateTime   *month_start)
{
  if (g_date_time_compare (retract_case_get_created_at (kase), month_start) < 0)
    return 0;

  return retract_case_get_withdrawals_this_month (kase);
}

static int
appeal_limit (RetractRuleset *rules,
              RetractCase    *kase)
{
  const RetractChannel *appeal;
  const char *platform = retract_case_get_platform (kase);

  appeal = retract_ruleset_lookup_channel (rules, RETRACT_CHANNEL_APPEAL_MESSAGE);
  if (appeal == NULL || (appeal->platform != NULL && g_strcmp0 (appeal->platform, platform) != 0))
    return 0;

  return (int) appeal->daily_limit;
}

/**
 * retract_time_next_midnight:
 *
 * Returns: (transfer full): the first 00:00 Beijing time after @time
 */
GDateTime *
retract_time_next_midnight (GDateTime *time)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  day = start_of_day (time);
  return g_date_time_add_days (day, 1);
}

/* The counts of the first @n_filled cases of @group (the others count
 * towards them): retract_case_counts_compute() needs only its case's. */
static void
compute_first (RetractRuleset    *rules,
               GPtrArray         *group,
               GDateTime         *now,
               RetractCaseCounts *counts,
               guint              n_filled)
{
  g_autofree gboolean *requested = NULL;
  g_autoptr(GDateTime) day_start = NULL;
  g_autoptr(GDateTime) month_start = NULL;
  int requests = 0, appeals = 0;

  /* The day and the month once for the group: a list of 1 000 cases of one
   * account made four times as many of them for every case it counted. */
  requested = g_new0 (gboolean, group->len);
  day_start = start_of_day (now);
  month_start = start_of_month (now);
  for (guint i = 0; i < group->len; i++)
    {
      RetractCase *kase = g_ptr_array_index (group, i);
      int today = count_events (rules, kase, day_start, now, is_appeal);

      requested[i] = count_events (rules, kase, month_start, now, is_request) > 0;
      requests += requested[i] ? 1 : 0;
      appeals = MIN (appeals, G_MAXINT - today) + today;
    }

  for (guint i = 0; i < n_filled; i++)
    {
      RetractCase *kase = g_ptr_array_index (group, i);
      int others = requests - (requested[i] ? 1 : 0);

      counts[i].withdrawal_requests_this_month =
        MIN (baseline (kase, month_start), G_MAXINT - others) + others;
      counts[i].appeals_today = appeals;
      counts[i].appeal_limit = appeal_limit (rules, kase);
      g_clear_pointer (&counts[i].next_appeal_at, g_date_time_unref);
      if (counts[i].appeal_limit > 0 && appeals >= counts[i].appeal_limit)
        counts[i].next_appeal_at = retract_time_next_midnight (now);
    }
}

/**
 * retract_case_counts_compute:
 * @others: (element-type RetractCase) (nullable): the other saved cases; a
 *   case with @kase's id in it is skipped (the saved copy of @kase itself)
 * @now: the time the counts are for
 * @counts: (out caller-allocates): zero-filled, or counts computed before
 *   (they are replaced)
 *
 * Counts the withdrawal requests this month and the appeals today of @kase's
 * platform and account. Pure: the same arguments give the same counts.
 */
void
retract_case_counts_compute (RetractCaseCounts *counts,
                             RetractRuleset    *rules,
                             RetractCase       *kase,
                             GPtrArray         *others,
                             GDateTime         *now)
{
  g_autoptr(GPtrArray) group = NULL;
  g_autofree RetractCaseCounts *each = NULL;

  g_return_if_fail (counts != NULL);
  g_return_if_fail (RETRACT_IS_RULESET (rules));
  g_return_if_fail (RETRACT_IS_CASE (kase));
  g_return_if_fail (now != NULL);

  group = g_ptr_array_new ();

  /* @kase first, then the others of its account: one rule for both entry
   * points (retract_case_counts_compute_each()). */
  g_ptr_array_add (group, kase);
  for (guint i = 0; others != NULL && i < others->len; i++)
    {
      RetractCase *other = g_ptr_array_index (others, i);

      if (other != kase &&
          g_strcmp0 (retract_case_get_id (other), retract_case_get_id (kase)) != 0 &&
          retract_case_counts_same_account (kase, other))
        g_ptr_array_add (group, other);
    }

  each = g_new0 (RetractCaseCounts, 1);
  compute_first (rules, group, now, each, 1);

  retract_case_counts_clear (counts);
  *counts = each[0];
}

/**
 * retract_case_counts_compute_each:
 * @group: (element-type RetractCase): cases of one platform and one account,
 *   each once
 * @counts: (array) (out caller-allocates): @group->len zero-filled counts
 *
 * The counts of every case of @group at @now, the same as
 * retract_case_counts_compute() gives each against the others, in one pass
 * over the timelines instead of one per pair of cases: a list of 1 000 cases
 * of one account stays linear.
 */
void
retract_case_counts_compute_each (RetractRuleset    *rules,
                                  GPtrArray         *group,
                                  GDateTime         *now,
                                  RetractCaseCounts *counts)
{
  g_return_if_fail (RETRACT_IS_RULESET (rules));
  g_return_if_fail (group != NULL);
  g_return_if_fail (now != NULL);
  g_return_if_fail (counts != NULL || group->len == 0);

  compute_first (rules, group, now, counts, group->len);
}

void
retract_case_counts_clear (RetractCaseCounts *counts)
{
  g_return_if_fail (counts != NULL);

  g_clear_pointer (&counts->next_appeal_at, g_date_time_unref);
}
