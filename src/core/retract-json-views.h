/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "retract-assessment.h"
#include "retract-ruleset.h"
#include "retract-update-problem.h"

G_BEGIN_DECLS

/* The JSON objects `retract-cli … --json` prints: one definition each, for
 * the CLI that writes them and the app that reads the update answer. Member
 * names and their order are a contract (tests/test-cli.c). */

/* `update-rules --json`: {"result": …} says how it went, in these words. */
typedef enum
{
  RETRACT_UPDATE_RESULT_UPDATED,    /* "updated": newer rules were installed */
  RETRACT_UPDATE_RESULT_UP_TO_DATE, /* "up-to-date": the rules in use are the newest */
  RETRACT_UPDATE_RESULT_REJECTED,   /* "rejected": an answer came, but not acceptable rules */
  RETRACT_UPDATE_RESULT_ERROR,      /* "error": the server could not be reached, or failed */
} RetractUpdateResult;

/* The update answer. On success: result, version (now in use),
 * previous_version, source. On failure: result, message, version (still in
 * use), problem. */
typedef struct
{
  RetractUpdateResult   result;
  char                 *version;
  char                 *previous_version;
  char                 *source;
  char                 *message;
  RetractUpdateProblem  problem;
} RetractUpdateAnswer;

const char *retract_update_result_to_id        (RetractUpdateResult        result);
gboolean    retract_update_result_from_id      (const char                *id,
                                                RetractUpdateResult       *result);
gboolean    retract_update_result_is_success   (RetractUpdateResult        result);

JsonNode   *retract_update_answer_to_json      (const RetractUpdateAnswer *answer);
gboolean    retract_update_answer_parse        (const char                *text,
                                                RetractUpdateAnswer       *answer);
void        retract_update_answer_clear        (RetractUpdateAnswer       *answer);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RetractUpdateAnswer, retract_update_answer_clear)

/* `assess --json`, `rules-info --json` and `types --json`. */
JsonNode   *retract_assessment_to_json         (RetractAssessment         *assessment,
                                                RetractLanguage            language);
JsonNode   *retract_rules_info_to_json         (RetractRuleset            *rules,
                                                RetractLanguage            language);
JsonNode   *retract_complaint_types_to_json    (RetractRuleset            *rules,
                                                const char                *platform,
                                                RetractLanguage            language);

G_END_DECLS
