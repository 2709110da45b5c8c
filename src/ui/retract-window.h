/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "retract-case-list-pane.h"
#include "retract-clock.h"
#include "retract-ruleset.h"
#include "retract-store.h"
#include "retract-wizard.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_WINDOW (retract_window_get_type ())

G_DECLARE_FINAL_TYPE (RetractWindow, retract_window, RETRACT, WINDOW, AdwApplicationWindow)

RetractWindow *retract_window_new          (GtkApplication *application,
                                            RetractRuleset *rules,
                                            RetractStore   *store,
                                            RetractClock   *clock);
RetractCase   *retract_window_get_case     (RetractWindow  *self);
RetractWizard *retract_window_get_wizard   (RetractWindow  *self);
const char    *retract_window_get_view     (RetractWindow  *self);
void           retract_window_start        (RetractWindow  *self,
                                            gboolean        resume);
void           retract_window_flush_save   (RetractWindow  *self);
void           retract_window_save_state   (RetractWindow  *self);
void           retract_window_show_toast   (RetractWindow  *self,
                                            const char     *message);
void           retract_window_set_rules    (RetractWindow  *self,
                                            RetractRuleset *rules);
void           retract_window_show_problem (RetractWindow  *self,
                                            const char     *message,
                                            const char     *details);
void           retract_window_add_toast    (RetractWindow  *self,
                                            AdwToast       *toast);
void           retract_window_open_case    (RetractWindow  *self,
                                            const char     *id);
RetractCaseList *retract_window_get_case_list (RetractWindow *self);
RetractCaseListPane *retract_window_get_list_pane (RetractWindow *self);
AdwLeaflet    *retract_window_get_leaflet  (RetractWindow  *self);
gboolean       retract_window_is_listed    (RetractWindow  *self);
AdwToast      *retract_window_get_delete_toast (RetractWindow *self,
                                                const char    *id);
char          *retract_window_build_reminders (RetractWindow *self,
                                               GError       **error);
gboolean       retract_window_export_cases (RetractWindow  *self,
                                            const char     *path);
void           retract_window_import_cases (RetractWindow  *self,
                                            const char     *path);

G_END_DECLS
