/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "retract-case.h"
#include "retract-clock.h"
#include "retract-ruleset.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_LOG_DIALOG (retract_log_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RetractLogDialog, retract_log_dialog, RETRACT, LOG_DIALOG, AdwWindow)

RetractLogDialog *retract_log_dialog_new         (GtkWindow        *parent,
                                                  RetractRuleset   *rules,
                                                  RetractCase      *kase,
                                                  RetractClock     *clock);
void              retract_log_dialog_set_fixed   (RetractLogDialog *self,
                                                  RetractEventKind  kind,
                                                  const char       *channel,
                                                  const char       *title);
void              retract_log_dialog_set_channel (RetractLogDialog *self,
                                                  const char       *channel);
void              retract_log_dialog_set_kind    (RetractLogDialog *self,
                                                  RetractEventKind  kind);
GtkWidget        *retract_log_dialog_get_field   (RetractLogDialog *self,
                                                  RetractEventError field);
const char       *retract_log_dialog_get_error   (RetractLogDialog *self,
                                                  RetractEventError field);
gboolean          retract_log_dialog_submit      (RetractLogDialog *self);

G_END_DECLS
