/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "retract-ruleset.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_APPLICATION (retract_application_get_type ())

G_DECLARE_FINAL_TYPE (RetractApplication, retract_application, RETRACT, APPLICATION,
                      AdwApplication)

RetractApplication *retract_application_new              (void);
GtkWindow          *retract_application_new_about_window (RetractRuleset *rules);
void                retract_application_import_rules_file (RetractApplication *self,
                                                           const char         *path);

G_END_DECLS
