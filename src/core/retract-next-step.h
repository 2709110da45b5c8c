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

/* Which rule gave the step (README, "The case file: next step"), so that the
 * screens can say why without working it out again
 * (retract-next-step-text.h). */
typedef enum
{
  RETRACT_REASON_NONE,                 /* not computed */
  RETRACT_REASON_DONE,                 /* 1: withdrawn or restored */
  RETRACT_REASON_ABANDONED,            /* 1: the user stopped */
  RETRACT_REASON_JUDICIAL,             /* 2: the court, by the legal deadline (§5) */
  RETRACT_REASON_JUDICIAL_USED,        /* 2: the court route was taken */
  RETRACT_REASON_JUDICIAL_PASSED,      /* 2: the legal deadline has passed */
  RETRACT_REASON_GUARDIAN,             /* 2a: a minor's guardian goes in person (§5) */
  RETRACT_REASON_APPEAL,               /* 3: processed, the appeal message (§8) */
  RETRACT_REASON_APPEAL_LIMIT,         /* 3: today's appeals are used up (§8) */
  RETRACT_REASON_NO_APPEAL,            /* 3: processed, the platform has no appeal */
  RETRACT_REASON_NOT_WITHDRAWABLE,     /* 4 */
  RETRACT_REASON_NO_CHANNEL,           /* 5: the stage offers no channel */
  RETRACT_REASON_FRESH,                /* 5a: nothing submitted yet */
  RETRACT_REASON_AWAITING_REPLY,       /* 5b: within the channel's response time (§3) */
  RETRACT_REASON_NO_REPLY,             /* 5b: no reply within the channel's max hours */
  RETRACT_REASON_REPLY_TOO_LATE,       /* 5b: the window closes before the reply can come */
  RETRACT_REASON_ANSWERED_AT_ONCE,     /* 5c: a channel that answers at once, not withdrawn */
  RETRACT_REASON_REPLY_REFUSED,        /* 5d */
  RETRACT_REASON_REPLY_MORE_MATERIALS, /* 5d */
  RETRACT_REASON_REPLY_OTHER,          /* 5d */
  RETRACT_REASON_ALL_USED_WAITING,     /* 5: every channel used, the answer may still come */
  RETRACT_REASON_ALL_USED,             /* 5: every channel used, nothing left */
} RetractNextReason;

#define RETRACT_N_NEXT_REASONS (RETRACT_REASON_ALL_USED + 1)

typedef struct
{
  RetractCaseStatus  status;
  RetractNextAction  action;
  const char        *channel; /* a channel id of the dataset, or NULL */
  GDateTime         *due_at;  /* or NULL */

  /* Why: the rule, and the event it is about (the last submission, the
   * reply, the ending or the court submission), so that the words can name
   * it: its channel (an id of the dataset, or NULL) and its time (or NULL). */
  RetractNextReason  reason;
  const char        *about_channel;
  GDateTime         *about_at;
} RetractNextStep;

void        retract_next_step_compute       (RetractNextStep         *step,
                                             RetractAssessment       *assessment,
                                             RetractCase             *kase,
                                             const RetractCaseCounts *counts,
                                             GDateTime               *now);
void        retract_next_step_clear         (RetractNextStep         *step);
const char *retract_case_status_to_id       (RetractCaseStatus        status);
const char *retract_case_status_get_label   (RetractCaseStatus        status);
const char *retract_next_action_to_id       (RetractNextAction        action);
const char *retract_next_reason_to_id       (RetractNextReason        reason);

const RetractScenario *retract_next_step_get_legal_route (RetractAssessment *assessment);
const RetractChannel  *retract_next_step_get_guardian_route (RetractAssessment *assessment);

G_END_DECLS
