/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The words of the case file's screens: what the next step is, why (the rule,
 * its facts, its section and the dataset version), how to record it, how far
 * the limits are used, and what to ask before a submission that would go over
 * one. All of it comes from the engine's results and the dataset's records;
 * the widgets only show it (design.md: widgets never compute a rule). */

#include "retract-assessment.h"
#include "retract-case-counts.h"
#include "retract-next-step.h"

G_BEGIN_DECLS

char       *retract_next_step_dup_title        (const RetractNextStep   *step,
                                                RetractRuleset          *rules,
                                                RetractLanguage          language);
char       *retract_next_step_dup_why          (const RetractNextStep   *step,
                                                RetractAssessment       *assessment,
                                                const RetractCaseCounts *counts,
                                                RetractLanguage          language);
const char *retract_next_step_get_record_label (const RetractNextStep   *step,
                                                RetractRuleset          *rules,
                                                RetractLanguage          language);
gboolean    retract_next_step_get_record       (const RetractNextStep   *step,
                                                RetractEventKind        *kind,
                                                const char             **channel);

char       *retract_case_counts_dup_month_text   (const RetractCaseCounts *counts,
                                                  RetractRuleset          *rules,
                                                  GDateTime               *now,
                                                  RetractLanguage          language);
char       *retract_case_counts_dup_appeals_text (const RetractCaseCounts *counts,
                                                  RetractRuleset          *rules,
                                                  RetractLanguage          language);

/* What logging a submission would run into, for the "ask first" dialog. */
typedef enum
{
  RETRACT_SUBMISSION_OK,
  RETRACT_SUBMISSION_REPEAT,        /* the case already used this channel (§3) */
  RETRACT_SUBMISSION_MONTHLY_LIMIT, /* one request more than the month allows (§6) */
  RETRACT_SUBMISSION_DAILY_LIMIT,   /* today's appeals are used up (§8) */
} RetractSubmissionConcern;

RetractSubmissionConcern retract_submission_check (RetractRuleset          *rules,
                                                   RetractCase             *kase,
                                                   const RetractCaseCounts *counts,
                                                   const char              *channel,
                                                   GDateTime               *at,
                                                   RetractLanguage          language,
                                                   char                   **message);

G_END_DECLS
