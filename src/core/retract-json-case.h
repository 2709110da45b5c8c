/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "retract-assessment.h"
#include "retract-case-counts.h"
#include "retract-next-step.h"

G_BEGIN_DECLS

/* The JSON views of the case library, as `retract-cli case show --json` and
 * `retract-cli cases --json` print them (README, "Cases"), and the rows of
 * the list with their order, for the CLI and the app's list to share. Member
 * names and their order are a contract (tests/test-cli-case.c). */

/* One case of the list: the case and its status at one time. */
typedef struct
{
  RetractCase     *kase;
  RetractNextStep  step;
  /* Why the case could not be assessed with the rules in use (a dataset
   * without its type, a --now before its filing), or %NULL. An open case
   * that was not assessed has no status. */
  GError          *error;
  /* The first instant from the row's time on after which assessing the case
   * again may give another row (a deadline, the end of a stage, an event
   * logged ahead of that time, the wait for a channel's answer), or %NULL
   * when none will. A row with an error is due again at once (its message
   * may name the time). The counts' day and month begin at midnight, and the
   * other cases of the account count too: retract_case_rows_valid_until(). */
  GDateTime       *changes_at;
} RetractCaseRow;

RetractCaseRow *retract_case_row_new         (RetractRuleset          *rules,
                                              RetractCase             *kase,
                                              GPtrArray               *others,
                                              GDateTime               *now);
void            retract_case_row_free        (RetractCaseRow          *row);
gboolean        retract_case_row_has_status  (const RetractCaseRow    *row);
int             retract_case_row_compare     (gconstpointer            a,
                                              gconstpointer            b);
GPtrArray      *retract_case_rows_new        (RetractRuleset          *rules,
                                              GPtrArray               *cases,
                                              GDateTime               *now);
GPtrArray      *retract_case_rows_update     (RetractRuleset          *rules,
                                              GPtrArray               *cases,
                                              GDateTime               *now,
                                              GPtrArray               *old,
                                              guint                   *n_assessed);
GDateTime      *retract_case_rows_valid_until (GPtrArray              *rows,
                                              GDateTime               *now);

JsonNode       *retract_case_rows_to_json    (GPtrArray               *rows);
JsonNode       *retract_case_event_to_json   (const RetractCaseEvent  *event);
JsonNode       *retract_case_show_to_json    (RetractAssessment       *assessment,
                                              RetractCase             *kase,
                                              const RetractCaseCounts *counts,
                                              const RetractNextStep   *step,
                                              RetractLanguage          language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetractCaseRow, retract_case_row_free)

G_END_DECLS
