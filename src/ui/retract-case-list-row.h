/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* (Not RetractCaseRow: that name is the core's row of `retract-cli cases`.) */

#include <adwaita.h>

#include "retract-case-item.h"
#include "retract-clock.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_CASE_LIST_ROW (retract_case_list_row_get_type ())

G_DECLARE_FINAL_TYPE (RetractCaseListRow, retract_case_list_row, RETRACT, CASE_LIST_ROW, AdwBin)

GtkWidget       *retract_case_list_row_new      (void);
void             retract_case_list_row_bind     (RetractCaseListRow *self,
                                                 RetractCaseItem    *item,
                                                 RetractClock       *clock);
void             retract_case_list_row_unbind   (RetractCaseListRow *self);
void             retract_case_list_row_update   (RetractCaseListRow *self);
void             retract_case_list_row_tick     (RetractCaseListRow *self);
guint            retract_case_list_row_get_n_updates (void);
RetractCaseItem *retract_case_list_row_get_item (RetractCaseListRow *self);
const char      *retract_case_list_row_get_deadline_text (RetractCaseListRow *self);

G_END_DECLS
