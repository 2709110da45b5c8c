/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the overview's files share: its instance struct, the pools of rows
 * and the functions one part calls in another (retract-case-overview.c: the
 * object, the heading and the one evaluation that feeds every part; -rows.c:
 * the pools of rows kept between evaluations; -card.c: the next step card,
 * the status badge, the compact answer and the limits; -timeline.c: the
 * timeline; -actions.c: Record, Log Action…, the endings and Delete). */

#pragma once

#include <adwaita.h>

#include "retract-case-counts.h"
#include "retract-case-overview.h"
#include "retract-next-step.h"

G_BEGIN_DECLS

/* The rows of one group, kept from one evaluation to the next: a switch to
 * another case or the minute's re-evaluation updates the rows in place, and
 * a label whose text is the same keeps its shaped text. Building every row
 * anew made each switch measure and shape all of them (issue 13: switching
 * within a frame). */
typedef enum
{
  ROW_PLAIN,
  ROW_DIM,
  ROW_NEXT_STEP,
  ROW_PHONE,
  ROW_SITE,
  ROW_DEADLINE,
  ROW_WARNING,
} RowKind;

typedef struct
{
  GtkWidget *row;
  GtkWidget *extra;  /* the Copy or Open button, the countdown */
  RowKind    kind;
} Slot;

typedef struct
{
  AdwPreferencesGroup *group;
  GArray              *slots;
  guint                used;
} Pool;

enum
{
  POOL_NEXT,
  POOL_ANSWER,
  POOL_WARNINGS,
  POOL_TIMELINE,
  N_POOLS
};

struct _RetractCaseOverview
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *answer_group;
  AdwActionRow        *appeals_row;
  GtkButton           *abandon_button;
  GtkButton           *delete_button;
  GtkButton           *documents_button;
  GtkMenuButton       *edit_button;
  GtkLabel            *error_label;
  AdwPreferencesGroup *limits_group;
  GtkButton           *log_button;
  AdwActionRow        *month_row;
  GtkBox              *next_box;
  AdwPreferencesGroup *next_group;
  GtkButton           *record_button;
  GtkButton           *reopen_button;
  GtkButton           *resolve_button;
  GtkLabel            *rules_label;
  GtkLabel            *status_label;
  GtkLabel            *subtitle_label;
  AdwPreferencesGroup *timeline_group;
  GtkLabel            *title_label;
  AdwPreferencesGroup *warnings_group;

  RetractRuleset      *rules;
  RetractClock        *clock;
  RetractCase         *kase;
  GPtrArray           *others;
  gulong               tick_id;
  gulong               events_id;
  gboolean             behind;  /* the clock moved while it was hidden */

  /* What is on screen, from the last evaluation. */
  RetractCaseCounts    counts;
  RetractNextStep      step;
  gboolean             has_step;
  char                *step_title;
  Pool                 pools[N_POOLS];
};

void   _retract_overview_pool_begin               (Pool                 *pool);
void   _retract_overview_pool_end                 (Pool                 *pool);
Slot  *_retract_overview_pool_take                (Pool                 *pool,
                                                   RowKind               kind,
                                                   const char           *title,
                                                   const char           *subtitle);

void   _retract_case_overview_show_status         (RetractCaseOverview  *self);
void   _retract_case_overview_show_next_step      (RetractCaseOverview  *self,
                                                   RetractAssessment    *assessment,
                                                   GDateTime            *now);
void   _retract_case_overview_show_answer         (RetractCaseOverview  *self,
                                                   RetractAssessment    *assessment,
                                                   GDateTime            *now);
void   _retract_case_overview_show_limits         (RetractCaseOverview  *self,
                                                   GDateTime            *now);
void   _retract_case_overview_show_timeline       (RetractCaseOverview  *self);
void   _retract_case_overview_update_actions      (RetractCaseOverview  *self);
void   _retract_case_overview_class_init_actions  (GtkWidgetClass       *widget_class);

G_END_DECLS
