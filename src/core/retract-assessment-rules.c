/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The rules applied to a resolved case: the stage and its deadlines, then
 * the channels, materials, warnings and advice that follow from it. */

#define G_LOG_DOMAIN "retract-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-assessment-private.h"
#include "retract-engine-ids.h"
#include "retract-time.h"

/* @counted: (out) (transfer full): how it was counted */
static GDateTime *
end_of_working_days (RetractAssessment     *self,
                     guint                  count,
                     RetractDeadlineCount **counted,
                     gboolean              *covered)
{
  GDate filed_day, last_day;

  retract_time_get_date (self->filed_at, &filed_day);
  *counted = retract_calendar_count_working_days (retract_ruleset_get_calendar (self->rules),
                                                  &filed_day, count);
  if (!retract_deadline_count_get_last_day (*counted, &last_day))
    g_assert_not_reached ();
  *covered = retract_deadline_count_get_covered (*counted);

  return retract_time_end_of_day (&last_day);
}

static gboolean
is_judicial (RetractAssessment *self,
             const RetractScenario **which)
{
  for (guint i = 0; i < self->scenarios->len; i++)
    {
      const RetractScenario *scenario = g_ptr_array_index (self->scenarios, i);

      if (scenario->not_withdrawable)
        {
          if (which != NULL)
            *which = scenario;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
decide_stage (RetractAssessment *self)
{
  const RetractScenario *judicial = NULL;
  gboolean calendar_covered = TRUE;

  if (is_judicial (self, &judicial))
    self->legal_deadline = end_of_working_days (self, judicial->legal_deadline_working_days,
                                                &self->legal_count, &calendar_covered);

  if (!self->type->withdrawable || judicial != NULL)
    {
      self->stage = RETRACT_STAGE_NOT_WITHDRAWABLE;
      return calendar_covered;
    }

  self->self_service_until =
    g_date_time_add_hours (self->filed_at, (gint) retract_ruleset_get_auto_review_hours (self->rules));
  self->self_service_count =
    retract_deadline_count_new_hours (retract_ruleset_get_auto_review_hours (self->rules));

  if (self->type->window_unit == RETRACT_WINDOW_HOURS)
    {
      self->window_closes_at = g_date_time_add_hours (self->filed_at,
                                                      (gint) self->type->window_amount);
      self->window_count = retract_deadline_count_new_hours (self->type->window_amount);
    }
  else
    {
      gboolean window_covered;

      self->window_closes_at = end_of_working_days (self, self->type->window_amount,
                                                    &self->window_count, &window_covered);
      calendar_covered = calendar_covered && window_covered;
    }

  /* Before the 2nd hour: automatic review. From it up to and including the
   * closing instant: manual review. After: processed. */
  if (g_date_time_compare (self->now, self->self_service_until) < 0)
    self->stage = RETRACT_STAGE_AUTO_REVIEW;
  else if (g_date_time_compare (self->now, self->window_closes_at) <= 0)
    self->stage = RETRACT_STAGE_MANUAL_REVIEW;
  else
    self->stage = RETRACT_STAGE_PROCESSED;

  return calendar_covered;
}

static void
add_channel (RetractAssessment *self,
             const char        *id)
{
  const RetractChannel *channel = retract_ruleset_lookup_channel (self->rules, id);

  g_assert (channel != NULL);

  if (!retract_channel_serves_platform (channel, self->platform->id))
    return;
  if (g_ptr_array_find (self->channels, channel, NULL))
    return;

  g_ptr_array_add (self->channels, (gpointer) channel);
}

static const char *
replace_channel (RetractAssessment *self,
                 const char        *id)
{
  for (guint i = 0; i < self->scenarios->len; i++)
    {
      const RetractScenario *scenario = g_ptr_array_index (self->scenarios, i);

      for (guint j = 0; j < scenario->replaces->len; j++)
        {
          const RetractChannelReplacement *replacement = g_ptr_array_index (scenario->replaces, j);

          if (g_str_equal (replacement->from, id))
            return replacement->to;
        }
    }

  return id;
}

/* A minor's guardian goes in person at every stage (§5: 未成年人误操作 needs
 * the guardian at the Youth Lighthouse office, whatever else can still be
 * done), so the route stays on the answer once the complaint is processed
 * or cannot be withdrawn. */
static void
add_guardian_route (RetractAssessment *self)
{
  for (guint i = 0; i < self->scenarios->len; i++)
    {
      const RetractScenario *scenario = g_ptr_array_index (self->scenarios, i);

      if (g_str_equal (scenario->id, RETRACT_SCENARIO_MINOR) && scenario->first_channel != NULL)
        add_channel (self, scenario->first_channel);
    }
}

static void
choose_channels (RetractAssessment *self)
{
  if (self->stage == RETRACT_STAGE_NOT_WITHDRAWABLE)
    {
      /* Only a scenario's own route remains (the court, for judicial cases),
       * and a minor's guardian's. */
      for (guint i = 0; i < self->scenarios->len; i++)
        {
          const RetractScenario *scenario = g_ptr_array_index (self->scenarios, i);

          if (scenario->not_withdrawable && scenario->first_channel != NULL)
            add_channel (self, scenario->first_channel);
        }
      add_guardian_route (self);
      return;
    }

  /* While it can still be withdrawn, a scenario's own channel comes first;
   * once processed, only the guardian's before the appeal. */
  if (self->stage != RETRACT_STAGE_PROCESSED)
    for (guint i = 0; i < self->scenarios->len; i++)
      {
        const RetractScenario *scenario = g_ptr_array_index (self->scenarios, i);

        if (scenario->first_channel != NULL)
          add_channel (self, scenario->first_channel);
      }
  else
    add_guardian_route (self);

  for (guint i = 0; self->platform->channels[self->stage][i] != NULL; i++)
    add_channel (self, replace_channel (self, self->platform->channels[self->stage][i]));
}

static gboolean
strv_has (GStrv       ids,
          const char *id)
{
  return ids != NULL && g_strv_contains ((const char * const *) ids, id);
}

static void
choose_materials (RetractAssessment *self)
{
  GPtrArray *materials = retract_ruleset_get_materials (self->rules);
  gboolean needs_evidence = self->stage != RETRACT_STAGE_AUTO_REVIEW;

  /* Dataset order keeps the checklist stable as answers change. */
  for (guint i = 0; i < materials->len; i++)
    {
      const RetractMaterial *material = g_ptr_array_index (materials, i);
      gboolean required = strv_has (self->platform->required_materials, material->id);

      for (guint j = 0; !required && j < self->scenarios->len; j++)
        {
          const RetractScenario *scenario = g_ptr_array_index (self->scenarios, j);

          required = strv_has (scenario->materials, material->id);
        }

      if (needs_evidence &&
          (g_str_equal (material->id, RETRACT_MATERIAL_IDENTITY) ||
           g_str_equal (material->id, self->mistake->evidence)))
        required = TRUE;

      if (required)
        g_ptr_array_add (self->materials, (gpointer) material);
    }
}

/* The earliest submission through a channel that @kase has used more than
 * once, or %NULL. The appeal message is meant to be sent again (up to its
 * daily limit, §8), so it is no repeat. A ticket and then a call are two
 * channels: §3's own combination, not a repeat. */
static const RetractCaseEvent *
find_repeated_submission (RetractCase *kase,
                          GDateTime   *now)
{
  GPtrArray *events = retract_case_get_events (kase);
  guint n = 0;

  /* Only what had happened by @now. */
  while (n < events->len &&
         g_date_time_compare (((RetractCaseEvent *) g_ptr_array_index (events, n))->at, now) <= 0)
    n++;

  /* The first event with a later twin is also the first through its channel:
   * an earlier one would have had this one as its twin. */
  for (guint i = 0; i < n; i++)
    {
      const RetractCaseEvent *event = g_ptr_array_index (events, i);

      if (event->kind != RETRACT_EVENT_SUBMITTED ||
          g_strcmp0 (event->channel, RETRACT_CHANNEL_APPEAL_MESSAGE) == 0)
        continue;

      for (guint j = i + 1; j < n; j++)
        {
          const RetractCaseEvent *later = g_ptr_array_index (events, j);

          if (later->kind == RETRACT_EVENT_SUBMITTED &&
              g_strcmp0 (later->channel, event->channel) == 0)
            return event;
        }
    }

  return NULL;
}

static void
choose_warnings (RetractAssessment *self,
                 RetractCase       *kase,
                 gboolean           calendar_covered)
{
  GPtrArray *warnings = retract_ruleset_get_warnings (self->rules);
  guint customer_service_channels = 0;

  for (guint i = 0; i < self->channels->len; i++)
    {
      const RetractChannel *channel = g_ptr_array_index (self->channels, i);

      if (channel->customer_service)
        customer_service_channels++;
    }

  for (guint i = 0; i < warnings->len; i++)
    {
      const RetractWarning *warning = g_ptr_array_index (warnings, i);
      const char *id = warning->id;
      gboolean applies = strv_has (self->type->warnings, id);

      if (g_str_equal (id, RETRACT_WARNING_MONTHLY_LIMIT))
        applies = self->counts.withdrawal_requests_this_month >= warning->threshold;
      else if (g_str_equal (id, RETRACT_WARNING_DAILY_APPEAL_LIMIT))
        applies = self->counts.appeal_limit > 0 &&
                  self->counts.appeals_today >= self->counts.appeal_limit;
      else if (g_str_equal (id, RETRACT_WARNING_REPEAT_SUBMISSION))
        applies = self->repeated != NULL;
      else if (g_str_equal (id, RETRACT_WARNING_OTHER_PARTY_LOSS))
        applies = retract_case_get_other_party_loss (kase);
      else if (g_str_equal (id, RETRACT_WARNING_DUPLICATE_SUBMISSION))
        applies = customer_service_channels > 1;
      else if (g_str_equal (id, RETRACT_WARNING_IRREVERSIBLE))
        applies = self->stage == RETRACT_STAGE_PROCESSED ||
                  self->stage == RETRACT_STAGE_NOT_WITHDRAWABLE;
      else if (g_str_equal (id, RETRACT_WARNING_CALENDAR_UNKNOWN))
        applies = !calendar_covered;

      if (applies)
        g_ptr_array_add (self->warnings, (gpointer) warning);
    }
}

static void
choose_advice (RetractAssessment *self)
{
  GPtrArray *remediation = retract_ruleset_get_notes (self->rules, RETRACT_NOTES_REMEDIATION);

  if (self->stage != RETRACT_STAGE_PROCESSED && self->stage != RETRACT_STAGE_NOT_WITHDRAWABLE)
    return;

  /* What can still be done once withdrawal is off the table. */
  for (guint i = 0; i < remediation->len; i++)
    {
      const RetractNote *note = g_ptr_array_index (remediation, i);

      if (note->platform != NULL && !g_str_equal (note->platform, self->platform->id))
        continue;
      if (note->id != NULL && retract_assessment_has_channel (self, note->id))
        continue;
      g_ptr_array_add (self->advice, (gpointer) note);
    }
}

void
_retract_assessment_apply_rules (RetractAssessment *self,
                                 RetractCase       *kase)
{
  const RetractCaseEvent *repeated;
  gboolean calendar_covered;

  repeated = find_repeated_submission (kase, self->now);
  if (repeated != NULL)
    self->repeated = retract_case_event_copy (repeated);

  calendar_covered = decide_stage (self);
  choose_channels (self);
  choose_materials (self);
  choose_warnings (self, kase, calendar_covered);
  choose_advice (self);
}
