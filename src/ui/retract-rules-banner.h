/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "retract-clock.h"
#include "retract-ruleset.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_RULES_BANNER (retract_rules_banner_get_type ())

G_DECLARE_FINAL_TYPE (RetractRulesBanner, retract_rules_banner, RETRACT, RULES_BANNER, GtkWidget)

GtkWidget  *retract_rules_banner_new         (void);
void        retract_rules_banner_set_context (RetractRulesBanner *self,
                                              RetractRuleset     *rules,
                                              RetractClock       *clock);
const char *retract_rules_banner_get_notice  (RetractRulesBanner *self);

G_END_DECLS
