/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "retract-case-list.h"
#include "retract-clock.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_CASE_LIST_PANE (retract_case_list_pane_get_type ())

G_DECLARE_FINAL_TYPE (RetractCaseListPane, retract_case_list_pane, RETRACT, CASE_LIST_PANE, AdwBin)

GtkWidget   *retract_case_list_pane_new             (void);
void         retract_case_list_pane_set_model       (RetractCaseListPane *self,
                                                     RetractCaseList     *cases,
                                                     RetractClock        *clock);
const char  *retract_case_list_pane_get_selected_id (RetractCaseListPane *self);
void         retract_case_list_pane_select          (RetractCaseListPane *self,
                                                     const char          *id);
void         retract_case_list_pane_start_search    (RetractCaseListPane *self);
GtkSearchBar *retract_case_list_pane_get_search_bar (RetractCaseListPane *self);
GListModel  *retract_case_list_pane_get_shown       (RetractCaseListPane *self);
GtkWidget   *retract_case_list_pane_get_list_view   (RetractCaseListPane *self);

G_END_DECLS
