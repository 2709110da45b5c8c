/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The answer for one case at one instant: a pure function of
 * (rules, case, counts, now). Nothing here reads the clock, so every rule can
 * be tested at any instant and the UI's countdown is just re-assessment. The
 * counts (retract-case-counts.c) bring in what the other cases of the same
 * account did; without them the case is counted alone. */

#define G_LOG_DOMAIN "retract-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-assessment-private.h"

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

  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);
  g_return_val_if_fail (RETRACT_IS_CASE (kase), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RETRACT_TYPE_ASSESSMENT, NULL);
  self->rules = g_object_ref (rules);

  if (!_retract_assessment_resolve (self, kase, now, error))
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

  self->complaint_number =
    g_strdup (retract_case_get_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER));

  _retract_assessment_apply_rules (self, kase);

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
 * retract_assessment_get_recommended_channel:
 *
 * Returns: (transfer none) (nullable): the channel to use first, the first
 *   of retract_assessment_get_channels(); %NULL when none is left
 */
const RetractChannel *
retract_assessment_get_recommended_channel (RetractAssessment *self)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);
  return self->channels->len > 0 ? g_ptr_array_index (self->channels, 0) : NULL;
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
