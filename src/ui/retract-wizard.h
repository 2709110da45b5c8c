/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-page.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_WIZARD (retract_wizard_get_type ())

G_DECLARE_FINAL_TYPE (RetractWizard, retract_wizard, RETRACT, WIZARD, AdwBin)

RetractWizard *retract_wizard_new         (void);
void           retract_wizard_set_context (RetractWizard  *self,
                                           RetractCase    *kase,
                                           RetractRuleset *rules,
                                           RetractClock   *clock);
const char    *retract_wizard_get_step    (RetractWizard  *self);
void           retract_wizard_go_to       (RetractWizard  *self,
                                           const char     *step);
RetractPage   *retract_wizard_get_page    (RetractWizard  *self,
                                           const char     *step);
GtkWidget     *retract_wizard_get_next_button (RetractWizard *self);
guint          retract_wizard_get_n_steps (RetractWizard  *self);

G_END_DECLS
