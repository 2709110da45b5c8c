/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "retract-assessment.h"
#include "retract-case.h"
#include "retract-clock.h"
#include "retract-ruleset.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_PAGE (retract_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (RetractPage, retract_page, RETRACT, PAGE, AdwBin)

struct _RetractPageClass
{
  AdwBinClass parent_class;

  /* The page became the visible one, after it caught up if it was behind:
   * only what being shown changes (a notice to hide), never a refresh. */
  void     (*shown)        (RetractPage *self);
  /* Next was pressed: check and keep the answers; FALSE stays on the page. */
  gboolean (*apply)        (RetractPage *self);
  /* The case, rules or clock were replaced, or the page was hidden while
   * they changed and is now shown: bring everything up to date. Signals are
   * connected once, to retract_page_get_case_signals() and
   * retract_page_get_clock_signals(), never here. */
  void     (*context_changed) (RetractPage *self);
};

const char        *retract_page_get_title       (RetractPage *self);
void               retract_page_set_title       (RetractPage *self,
                                                 const char  *title);
gboolean           retract_page_get_complete    (RetractPage *self);
void               retract_page_set_complete    (RetractPage *self,
                                                 gboolean     complete);
RetractCase       *retract_page_get_case        (RetractPage *self);
void               retract_page_set_case        (RetractPage *self,
                                                 RetractCase *kase);
RetractRuleset    *retract_page_get_rules       (RetractPage *self);
void               retract_page_set_rules       (RetractPage *self,
                                                 RetractRuleset *rules);
RetractClock      *retract_page_get_clock       (RetractPage *self);
void               retract_page_set_clock       (RetractPage *self,
                                                 RetractClock *clock);
RetractLanguage    retract_page_get_language    (RetractPage *self);
RetractAssessment *retract_page_assess          (RetractPage *self);
void               retract_page_shown           (RetractPage *self);
gboolean           retract_page_apply           (RetractPage *self);
void               retract_page_request_step    (RetractPage *self,
                                                 const char  *step);
GSignalGroup      *retract_page_get_case_signals (RetractPage *self);
GSignalGroup      *retract_page_get_clock_signals (RetractPage *self);
gboolean           retract_page_defer           (RetractPage *self);
gboolean           retract_page_defer_notify    (RetractPage *self,
                                                 GParamSpec  *pspec);
void               retract_page_follow_assessment (RetractPage *self);
void               retract_page_update          (RetractPage *self);
guint              retract_page_get_n_assessments (void);

G_END_DECLS
