/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The case file as a list model: a RetractCaseItem for each saved case, in
 * the order of `retract-cli cases` (retract_case_row_compare()), with each
 * case's status at the list's time. */

#include <gio/gio.h>

#include "retract-case-item.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_CASE_LIST (retract_case_list_get_type ())
G_DECLARE_FINAL_TYPE (RetractCaseList, retract_case_list, RETRACT, CASE_LIST, GObject)

RetractCaseList *retract_case_list_new          (RetractRuleset  *rules,
                                                 RetractLanguage  language);
void             retract_case_list_set_cases    (RetractCaseList *self,
                                                 GPtrArray       *cases,
                                                 GDateTime       *now);
void             retract_case_list_refresh      (RetractCaseList *self,
                                                 GDateTime       *now);
GPtrArray       *retract_case_list_get_cases    (RetractCaseList *self);
GPtrArray       *retract_case_list_get_rows     (RetractCaseList *self);
GDateTime       *retract_case_list_get_now      (RetractCaseList *self);
GDateTime       *retract_case_list_get_next_due (RetractCaseList *self);
RetractCaseItem *retract_case_list_find         (RetractCaseList *self,
                                                 const char      *id,
                                                 guint           *position);
guint            retract_case_list_get_n_evaluations (void);
guint            retract_case_list_get_n_rows_assessed (void);

G_END_DECLS
