/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "retract-case.h"
#include "retract-case-counts.h"
#include "retract-deadline-count.h"
#include "retract-ruleset.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_ASSESSMENT (retract_assessment_get_type ())

G_DECLARE_FINAL_TYPE (RetractAssessment, retract_assessment, RETRACT, ASSESSMENT, GObject)

/* How far in the future a filing time may lie before it is refused: clocks drift. */
#define RETRACT_FUTURE_TOLERANCE (G_TIME_SPAN_MINUTE)

RetractAssessment          *retract_assessment_new                   (RetractRuleset    *rules,
                                                                      RetractCase       *kase,
                                                                      GDateTime         *now,
                                                                      GError           **error);

RetractAssessment          *retract_assessment_new_full              (RetractRuleset          *rules,
                                                                      RetractCase             *kase,
                                                                      const RetractCaseCounts *counts,
                                                                      GDateTime               *now,
                                                                      GError                 **error);

RetractRuleset             *retract_assessment_get_rules             (RetractAssessment *self);
const RetractPlatform      *retract_assessment_get_platform          (RetractAssessment *self);
const RetractComplaintType *retract_assessment_get_complaint_type    (RetractAssessment *self);
const RetractMistake       *retract_assessment_get_mistake           (RetractAssessment *self);
GPtrArray                  *retract_assessment_get_scenarios         (RetractAssessment *self);
const char                 *retract_assessment_get_complaint_number  (RetractAssessment *self);
RetractStage                retract_assessment_get_stage             (RetractAssessment *self);
const RetractStageInfo     *retract_assessment_get_stage_info        (RetractAssessment *self);
gboolean                    retract_assessment_get_withdrawable      (RetractAssessment *self);
GDateTime                  *retract_assessment_get_filed_at          (RetractAssessment *self);
GDateTime                  *retract_assessment_get_now               (RetractAssessment *self);
GDateTime                  *retract_assessment_get_self_service_until (RetractAssessment *self);
GDateTime                  *retract_assessment_get_window_closes_at  (RetractAssessment *self);
GDateTime                  *retract_assessment_get_legal_deadline    (RetractAssessment *self);
RetractDeadlineCount       *retract_assessment_get_self_service_count (RetractAssessment *self);
RetractDeadlineCount       *retract_assessment_get_window_count      (RetractAssessment *self);
RetractDeadlineCount       *retract_assessment_get_legal_count       (RetractAssessment *self);
GDateTime                  *retract_assessment_get_next_change       (RetractAssessment *self);
GPtrArray                  *retract_assessment_get_channels          (RetractAssessment *self);
const RetractChannel       *retract_assessment_get_recommended_channel (RetractAssessment *self);
GPtrArray                  *retract_assessment_get_materials         (RetractAssessment *self);
GPtrArray                  *retract_assessment_get_warnings          (RetractAssessment *self);
GPtrArray                  *retract_assessment_get_advice            (RetractAssessment *self);
const RetractCaseCounts    *retract_assessment_get_counts            (RetractAssessment *self);
const RetractCaseEvent     *retract_assessment_get_repeated_submission (RetractAssessment *self);
gboolean                    retract_assessment_has_channel           (RetractAssessment *self,
                                                                      const char        *id);
gboolean                    retract_assessment_has_material          (RetractAssessment *self,
                                                                      const char        *id);
gboolean                    retract_assessment_has_warning           (RetractAssessment *self,
                                                                      const char        *id);

G_END_DECLS
