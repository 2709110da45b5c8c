/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

/* What the user should do next about a case, and by when: a pure function of
 * the assessment, the case's timeline, the counts and the time. */

#include "retract-assessment.h"
#include "retract-case-counts.h"

G_BEGIN_DECLS

typedef enum
{
  RETRACT_STATUS_ACT_NOW,   /* something should be done now */
  RETRACT_STATUS_WAITING,   /* nothing to do until due_at */
  RETRACT_STATUS_DONE,      /* withdrawn or restored */
  RETRACT_STATUS_ABANDONED, /* the user stopped */
  RETRACT_STATUS_CLOSED,    /* nothing can be done */
} RetractCaseStatus;

#define RETRACT_N_CASE_STATUSES (RETRACT_STATUS_CLOSED + 1)

typedef enum
{
  RETRACT_ACTION_NONE,   /* no next step (next_step is null) */
  RETRACT_ACTION_SUBMIT, /* make a request through channel before due_at */
  RETRACT_ACTION_APPEAL, /* send the appeal message now */
  RETRACT_ACTION_WAIT,   /* wait until due_at; then channel is the next step */
} RetractNextAction;

#define RETRACT_N_NEXT_ACTIONS (RETRACT_ACTION_WAIT + 1)

typedef struct
{
  RetractCaseStatus  status;
  RetractNextAction  action;
  const char        *channel; /* a channel id of the dataset, or NULL */
  GDateTime         *due_at;  /* or NULL */
} RetractNextStep;

void        retract_next_step_compute       (RetractNextStep         *step,
                                             RetractAssessment       *assessment,
                                             RetractCase             *kase,
                                             const RetractCaseCounts *counts,
                                             GDateTime               *now);
void        retract_next_step_clear         (RetractNextStep         *step);
const char *retract_case_status_to_id       (RetractCaseStatus        status);
const char *retract_next_action_to_id       (RetractNextAction        action);

G_END_DECLS
