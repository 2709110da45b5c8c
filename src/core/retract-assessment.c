/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The answer for one case at one instant: a pure function of
 * (rules, case, counts, now). Nothing here reads the clock, so every rule can
 * be tested at any instant and the UI's countdown is just re-assessment. The
 * counts (retract-case-counts.c) bring in what the other cases of the same
 * account did; without them the case is counted alone. */

#define G_LOG_DOMAIN "retract-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-assessment.h"
#include "retract-engine-ids.h"
#include "retract-error.h"
#include "retract-time.h"

struct _RetractAssessment
{
  GObject                     parent_instance;

  RetractRuleset             *rules;
  const RetractPlatform      *platform;
  const RetractComplaintType *type;
  const RetractMistake       *mistake;
  GPtrArray                  *scenarios; /* const RetractScenario, dataset order */
  char                       *complaint_number;
  RetractStage                stage;
  GDateTime                  *filed_at;
  GDateTime                  *now;
  GDateTime                  *self_service_until;
  GDateTime                  *window_closes_at;
  GDateTime                  *legal_deadline;
  /* How each deadline above was counted (issue 15 §3). */
  RetractDeadlineCount       *self_service_count;
  RetractDeadlineCount       *window_count;
  RetractDeadlineCount       *legal_count;
  GPtrArray                  *channels;  /* const RetractChannel */
  GPtrArray                  *materials; /* const RetractMaterial */
  GPtrArray                  *warnings;  /* const RetractWarning */
  GPtrArray                  *advice;    /* const RetractNote */
  RetractCaseCounts           counts;
  /* The earliest submission through a channel the case used twice (§3), a
   * copy: the answer does not keep the case. */
  RetractCaseEvent           *repeated;
};

G_DEFINE_FINAL_TYPE (RetractAssessment, retract_assessment, G_TYPE_OBJECT)

static void
retract_assessment_finalize (GObject *object)
{
  RetractAssessment *self = (RetractAssessment *)object;

  g_clear_object (&self->rules);
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  g_clear_pointer (&self->complaint_number, g_free);
  g_clear_pointer (&self->filed_at, g_date_time_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->self_service_until, g_date_time_unref);
  g_clear_pointer (&self->window_closes_at, g_date_time_unref);
  g_clear_pointer (&self->legal_deadline, g_date_time_unref);
  g_clear_object (&self->self_service_count);
  g_clear_object (&self->window_count);
  g_clear_object (&self->legal_count);
  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_clear_pointer (&self->materials, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->advice, g_ptr_array_unref);
  retract_case_counts_clear (&self->counts);
  g_clear_pointer (&self->repeated, retract_case_event_free);

  G_OBJECT_CLASS (retract_assessment_parent_class)->finalize (object);
}

static void
retract_assessment_class_init (RetractAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = retract_assessment_finalize;
}

static void
retract_assessment_init (RetractAssessment *self)
{
  self->scenarios = g_ptr_array_new ();
  self->channels = g_ptr_array_new ();
  self->materials = g_ptr_array_new ();
  self->warnings = g_ptr_array_new ();
  self->advice = g_ptr_array_new ();
}

/* ---- checking the answers ---- */

static gboolean
resolve_answers (RetractAssessment *self,
                 RetractCase       *kase,
                 GError           **error)
{
  RetractRuleset *rules = self->rules;
  const char *platform = retract_case_get_platform (kase);
  const char *type = retract_case_get_complaint_type (kase);
  const char *mistake = retract_case_get_mistake (kase);
  const char * const *scenarios = retract_case_get_scenarios (kase);
  GPtrArray *all_scenarios = retract_ruleset_get_scenarios (rules);

  if (platform == NULL)
    {
      g_autofree char *valid = retract_records_join_ids (RETRACT_RECORD_PLATFORM,
                                                           retract_ruleset_get_platforms (rules));

      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_MISSING,
                   _("platform: not given; valid values: %s"), valid);
      return FALSE;
    }

  self->platform = retract_ruleset_lookup_platform (rules, platform);
  if (self->platform == NULL)
    {
      g_autofree char *valid = retract_records_join_ids (RETRACT_RECORD_PLATFORM,
                                                           retract_ruleset_get_platforms (rules));

      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_UNKNOWN_ID,
                   _("platform: unknown platform “%1$s”; valid values: %2$s"), platform, valid);
      return FALSE;
    }

  if (type == NULL)
    {
      g_autofree char *valid = retract_ruleset_list_type_ids (rules, platform);

      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_MISSING,
                   _("type: not given; valid values for %1$s: %2$s"), platform, valid);
      return FALSE;
    }

  self->type = retract_ruleset_lookup_type (rules, platform, type);
  if (self->type == NULL)
    {
      g_autofree char *valid = retract_ruleset_list_type_ids (rules, platform);

      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_UNKNOWN_ID,
                   _("type: “%1$s” is not a complaint type of %2$s; valid values: %3$s"),
                   type, platform, valid);
      return FALSE;
    }

  self->mistake = retract_ruleset_lookup_mistake (rules, mistake);
  if (self->mistake == NULL)
    {
      g_autofree char *valid = retract_records_join_ids (RETRACT_RECORD_MISTAKE,
                                                           retract_ruleset_get_mistakes (rules));

      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_UNKNOWN_ID,
                   _("mistake: unknown kind of mistake “%1$s”; valid values: %2$s"),
                   mistake, valid);
      return FALSE;
    }

  for (guint i = 0; scenarios[i] != NULL; i++)
    {
      if (retract_ruleset_lookup_scenario (rules, scenarios[i]) == NULL)
        {
          g_autofree char *valid = retract_records_join_ids (RETRACT_RECORD_SCENARIO, all_scenarios);

          g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_UNKNOWN_ID,
                       _("scenarios: unknown scenario “%1$s”; valid values: %2$s"),
                       scenarios[i], valid);
          return FALSE;
        }
    }

  /* Dataset order, so the answer does not depend on the order of the ticks. */
  for (guint i = 0; i < all_scenarios->len; i++)
    {
      const RetractScenario *scenario = g_ptr_array_index (all_scenarios, i);

      if (retract_case_has_scenario (kase, scenario->id))
        g_ptr_array_add (self->scenarios, (gpointer) scenario);
    }

  return TRUE;
}

static gboolean
resolve_times (RetractAssessment *self,
               RetractCase       *kase,
               GDateTime         *now,
               GError           **error)
{
  GDateTime *filed_at = retract_case_get_filed_at (kase);

  if (filed_at == NULL)
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_MISSING,
                   _("filed_at: not given; when was the complaint filed?"));
      return FALSE;
    }

  self->now = g_date_time_to_timezone (now, retract_time_zone ());
  self->filed_at = g_date_time_to_timezone (filed_at, retract_time_zone ());

  if (g_date_time_difference (self->filed_at, self->now) > RETRACT_FUTURE_TOLERANCE)
    {
      g_autofree char *filed = retract_time_format_human (self->filed_at);
      g_autofree char *current = retract_time_format_human (self->now);

      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_FUTURE,
                   /* Translators: both %s are times like 2026-11-24 10:00. */
                   _("filed_at: %1$s is in the future; it is now %2$s (Beijing time)"),
                   filed, current);
      return FALSE;
    }

  return TRUE;
}

/* ---- the rules ---- */

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

/**
 * retract_assessment_new_full:
 * @rules: the rules dataset
 * @kase: the user's answers and timeline
 * @counts: (nullable): @kase's counts at @now over the other cases of its
 *   account (retract_case_counts_compute()); %NULL counts @kase alone
 * @now: the instant to assess at
 * @error: which answer is missing or wrong, as "field: reason"
 *
 * Returns: (transfer full) (nullable): the assessment
 */
RetractAssessment *
retract_assessment_new_full (RetractRuleset          *rules,
                             RetractCase             *kase,
                             const RetractCaseCounts *counts,
                             GDateTime               *now,
                             GError                 **error)
{
  g_autoptr(RetractAssessment) self = NULL;
  const RetractCaseEvent *repeated;
  gboolean calendar_covered;

  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);
  g_return_val_if_fail (RETRACT_IS_CASE (kase), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RETRACT_TYPE_ASSESSMENT, NULL);
  self->rules = g_object_ref (rules);

  if (!resolve_answers (self, kase, error) || !resolve_times (self, kase, now, error))
    return NULL;

  if (counts != NULL)
    {
      self->counts = *counts;
      if (counts->next_appeal_at != NULL)
        g_date_time_ref (counts->next_appeal_at);
    }
  else
    {
      retract_case_counts_compute (&self->counts, rules, kase, NULL, now);
    }

  repeated = find_repeated_submission (kase, now);
  if (repeated != NULL)
    self->repeated = retract_case_event_copy (repeated);

  self->complaint_number =
    g_strdup (retract_case_get_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER));

  calendar_covered = decide_stage (self);
  choose_channels (self);
  choose_materials (self);
  choose_warnings (self, kase, calendar_covered);
  choose_advice (self);

  return g_steal_pointer (&self);
}

/**
 * retract_assessment_new:
 * @rules: the rules dataset
 * @kase: the user's answers and timeline
 * @now: the instant to assess at
 * @error: which answer is missing or wrong, as "field: reason"
 *
 * retract_assessment_new_full() with the counts of @kase alone: its own
 * appeals and its baseline of withdrawal requests made outside Retract.
 *
 * Returns: (transfer full) (nullable): the assessment
 */
RetractAssessment *
retract_assessment_new (RetractRuleset *rules,
                        RetractCase    *kase,
                        GDateTime      *now,
                        GError        **error)
{
  return retract_assessment_new_full (rules, kase, NULL, now, error);
}

/**
 * retract_assessment_get_rules:
 *
 * Returns: (transfer none): the rules this answer comes from
 */
RetractRuleset *
retract_assessment_get_rules (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->rules;
}

const RetractPlatform *
retract_assessment_get_platform (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->platform;
}

const RetractComplaintType *
retract_assessment_get_complaint_type (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->type;
}

const RetractMistake *
retract_assessment_get_mistake (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->mistake;
}

/**
 * retract_assessment_get_scenarios:
 *
 * Returns: (transfer none) (element-type RetractScenario): the case's
 *   scenarios, in dataset order
 */
GPtrArray *
retract_assessment_get_scenarios (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->scenarios;
}

/* Returns: (nullable): the complaint number, for the channels' templates */
const char *
retract_assessment_get_complaint_number (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->complaint_number;
}

RetractStage
retract_assessment_get_stage (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), RETRACT_STAGE_NOT_WITHDRAWABLE);
  return self->stage;
}

const RetractStageInfo *
retract_assessment_get_stage_info (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return retract_ruleset_get_stage_info (self->rules, self->stage);
}

gboolean
retract_assessment_get_withdrawable (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), FALSE);
  return self->stage == RETRACT_STAGE_AUTO_REVIEW || self->stage == RETRACT_STAGE_MANUAL_REVIEW;
}

/**
 * retract_assessment_get_filed_at:
 *
 * Returns: (transfer none): the filing time, in UTC+8
 */
GDateTime *
retract_assessment_get_filed_at (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->filed_at;
}

/**
 * retract_assessment_get_now:
 *
 * Returns: (transfer none): the instant assessed, in UTC+8
 */
GDateTime *
retract_assessment_get_now (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->now;
}

/**
 * retract_assessment_get_self_service_until:
 *
 * Returns: (transfer none) (nullable): when the automatic review ends, also
 *   once it has passed; %NULL for a complaint that cannot be withdrawn
 */
GDateTime *
retract_assessment_get_self_service_until (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->self_service_until;
}

/**
 * retract_assessment_get_window_closes_at:
 *
 * Returns: (transfer none) (nullable): the last instant the complaint can be
 *   withdrawn; %NULL for a complaint that cannot be withdrawn
 */
GDateTime *
retract_assessment_get_window_closes_at (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->window_closes_at;
}

/**
 * retract_assessment_get_legal_deadline:
 *
 * Returns: (transfer none) (nullable): for judicial cases, the end of the
 *   day by which the legal procedure must start
 */
GDateTime *
retract_assessment_get_legal_deadline (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->legal_deadline;
}

/**
 * retract_assessment_get_self_service_count:
 *
 * Returns: (transfer none) (nullable): how self_service_until was counted;
 *   %NULL when there is no such deadline
 */
RetractDeadlineCount *
retract_assessment_get_self_service_count (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->self_service_count;
}

/**
 * retract_assessment_get_window_count:
 *
 * Returns: (transfer none) (nullable): how window_closes_at was counted: the
 *   hours, or the working days with the days counted and skipped
 */
RetractDeadlineCount *
retract_assessment_get_window_count (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->window_count;
}

/**
 * retract_assessment_get_legal_count:
 *
 * Returns: (transfer none) (nullable): how the legal deadline was counted
 */
RetractDeadlineCount *
retract_assessment_get_legal_count (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->legal_count;
}

/**
 * retract_assessment_get_next_change:
 *
 * Returns: (transfer none) (nullable): the first instant at which the stage
 *   will differ, for timers; %NULL when no clock is running any more
 */
GDateTime *
retract_assessment_get_next_change (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);

  switch (self->stage)
    {
    case RETRACT_STAGE_AUTO_REVIEW:
      return self->self_service_until;
    case RETRACT_STAGE_MANUAL_REVIEW:
      return self->window_closes_at;
    case RETRACT_STAGE_PROCESSED:
    case RETRACT_STAGE_NOT_WITHDRAWABLE:
    default:
      return NULL;
    }
}

/**
 * retract_assessment_get_channels:
 *
 * Returns: (transfer none) (element-type RetractChannel): the channels to
 *   use, the recommended one first
 */
GPtrArray *
retract_assessment_get_channels (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->channels;
}

/**
 * retract_assessment_get_materials:
 *
 * Returns: (transfer none) (element-type RetractMaterial): what to prepare
 */
GPtrArray *
retract_assessment_get_materials (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->materials;
}

/**
 * retract_assessment_get_warnings:
 *
 * Returns: (transfer none) (element-type RetractWarning): the risks that apply
 */
GPtrArray *
retract_assessment_get_warnings (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->warnings;
}

/**
 * retract_assessment_get_advice:
 *
 * Returns: (transfer none) (element-type RetractNote): what can still be done
 *   once withdrawing is no longer possible
 */
GPtrArray *
retract_assessment_get_advice (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->advice;
}

/**
 * retract_assessment_get_counts:
 *
 * Returns: (transfer none): the counts the warnings were decided with
 */
const RetractCaseCounts *
retract_assessment_get_counts (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return &self->counts;
}

/**
 * retract_assessment_get_repeated_submission:
 *
 * Returns: (transfer none) (nullable): when the warning `repeat-submission`
 *   applies, the earliest submission through the channel used again (its
 *   channel and time); otherwise %NULL
 */
const RetractCaseEvent *
retract_assessment_get_repeated_submission (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->repeated;
}

gboolean
retract_assessment_has_channel (RetractAssessment *self,
                                const char        *id)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), FALSE);
  return retract_records_find (RETRACT_RECORD_CHANNEL, self->channels, id) != NULL;
}

gboolean
retract_assessment_has_material (RetractAssessment *self,
                                 const char        *id)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), FALSE);
  return retract_records_find (RETRACT_RECORD_MATERIAL, self->materials, id) != NULL;
}

gboolean
retract_assessment_has_warning (RetractAssessment *self,
                                const char        *id)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), FALSE);
  return retract_records_find (RETRACT_RECORD_WARNING, self->warnings, id) != NULL;
}
