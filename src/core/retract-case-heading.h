/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A case's names in a dataset, and the heading made of them that the case
 * list, the overview and `retract-cli cases` show. */

#include "retract-case.h"
#include "retract-ruleset.h"

G_BEGIN_DECLS

const RetractComplaintType *retract_case_lookup_complaint_type   (RetractCase     *self,
                                                                  RetractRuleset  *rules);
const char                 *retract_case_get_platform_name       (RetractCase     *self,
                                                                  RetractRuleset  *rules,
                                                                  RetractLanguage  language);
const char                 *retract_case_get_complaint_type_name (RetractCase     *self,
                                                                  RetractRuleset  *rules,
                                                                  RetractLanguage  language);
char                       *retract_case_dup_heading             (RetractCase     *self,
                                                                  RetractRuleset  *rules,
                                                                  RetractLanguage  language);

G_END_DECLS
