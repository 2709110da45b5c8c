/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* One case as the case list shows it (retract-case-list.h): what a row says,
 * worked out by the core; a row widget binds to these properties and is
 * told by their notifications when the clock or a new event changes them. */

#include <gio/gio.h>

#include "retract-json-case.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_CASE_ITEM (retract_case_item_get_type ())
G_DECLARE_FINAL_TYPE (RetractCaseItem, retract_case_item, RETRACT, CASE_ITEM, GObject)

const char        *retract_case_item_get_id               (RetractCaseItem *self);
RetractCase       *retract_case_item_get_case             (RetractCaseItem *self);
const char        *retract_case_item_get_heading          (RetractCaseItem *self);
const char        *retract_case_item_get_platform_name    (RetractCaseItem *self);
const char        *retract_case_item_get_type_name        (RetractCaseItem *self);
const char        *retract_case_item_get_short_type_name  (RetractCaseItem *self);
const char        *retract_case_item_get_complaint_number (RetractCaseItem *self);
const char        *retract_case_item_get_account          (RetractCaseItem *self);
gboolean           retract_case_item_has_status           (RetractCaseItem *self);
RetractCaseStatus  retract_case_item_get_status           (RetractCaseItem *self);
GDateTime         *retract_case_item_get_due_at           (RetractCaseItem *self);
const GError      *retract_case_item_get_error            (RetractCaseItem *self);
gboolean           retract_case_item_matches              (RetractCaseItem *self,
                                                           const char      *search);

/* For retract-case-list.c: an item made from, or brought up to date with, a
 * row of the list. Returns whether anything it shows changed. */
RetractCaseItem   *_retract_case_item_new                 (const RetractCaseRow *row,
                                                           RetractRuleset       *rules,
                                                           RetractLanguage       language);
gboolean           _retract_case_item_update              (RetractCaseItem      *self,
                                                           const RetractCaseRow *row,
                                                           RetractRuleset       *rules,
                                                           RetractLanguage       language);

G_END_DECLS
