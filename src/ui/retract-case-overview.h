/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "retract-case.h"
#include "retract-clock.h"
#include "retract-ruleset.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_CASE_OVERVIEW (retract_case_overview_get_type ())

G_DECLARE_FINAL_TYPE (RetractCaseOverview, retract_case_overview, RETRACT, CASE_OVERVIEW, AdwBin)

GtkWidget   *retract_case_overview_new             (void);
void         retract_case_overview_set_context     (RetractCaseOverview *self,
                                                    RetractRuleset      *rules,
                                                    RetractClock        *clock,
                                                    RetractCase         *kase,
                                                    GPtrArray           *others);
RetractCase *retract_case_overview_get_case        (RetractCaseOverview *self);
const char  *retract_case_overview_get_step_title  (RetractCaseOverview *self);
int          retract_case_overview_get_status      (RetractCaseOverview *self);
GtkWidget   *retract_case_overview_get_record_button (RetractCaseOverview *self);
guint        retract_case_overview_get_n_assessments (void);

G_END_DECLS
