/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the parts of RetractAssessment:
 *   retract-assessment.c          the type, its constructor and its getters;
 *   retract-assessment-answers.c  checking the case's answers and times against the rules;
 *   retract-assessment-rules.c    the rules: the stage and its deadlines, then the channels,
 *                                 materials, warnings and advice that follow from it. */

#include "retract-assessment.h"

G_BEGIN_DECLS

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

/* retract-assessment-answers.c: resolves the case's platform, type, mistake,
 * scenarios and times into @self, or says which answer is missing or wrong. */
gboolean _retract_assessment_resolve     (RetractAssessment *self,
                                          RetractCase       *kase,
                                          GDateTime         *now,
                                          GError           **error);

/* retract-assessment-rules.c: the answer for the resolved @self (its counts set). */
void     _retract_assessment_apply_rules (RetractAssessment *self,
                                          RetractCase       *kase);

G_END_DECLS
