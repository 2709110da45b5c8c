/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The kinds of rules-update failure, by the names `update-rules --json`
 * gives them. Here, not in the updater, so that the app can read them
 * without linking the network code. */

#define G_LOG_DOMAIN "retract-update-problem"

#include "config.h"

#include "retract-update-problem.h"
#include "retract-id-table-private.h"

static const char * const problem_ids[] = {
  [RETRACT_UPDATE_PROBLEM_NONE] = "none",
  [RETRACT_UPDATE_PROBLEM_OFFLINE] = "offline",
  [RETRACT_UPDATE_PROBLEM_NETWORK] = "network",
  [RETRACT_UPDATE_PROBLEM_TIMED_OUT] = "timed-out",
  [RETRACT_UPDATE_PROBLEM_SERVER_ERROR] = "server-error",
  [RETRACT_UPDATE_PROBLEM_NOT_RULES] = "not-rules",
  [RETRACT_UPDATE_PROBLEM_INVALID_RULES] = "invalid-rules",
  [RETRACT_UPDATE_PROBLEM_OLDER_RULES] = "older-rules",
  [RETRACT_UPDATE_PROBLEM_CERTIFICATE] = "certificate",
  [RETRACT_UPDATE_PROBLEM_DISK] = "disk",
  [RETRACT_UPDATE_PROBLEM_ADDRESS] = "address",
  [RETRACT_UPDATE_PROBLEM_OTHER] = "other",
  [RETRACT_UPDATE_PROBLEM_UNSIGNED] = "unsigned",
  [RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE] = "bad-signature",
  [RETRACT_UPDATE_PROBLEM_UNKNOWN_KEY] = "unknown-key",
  [RETRACT_UPDATE_PROBLEM_REVOKED_KEY] = "revoked-key",
  [RETRACT_UPDATE_PROBLEM_BAD_KEY_LIST] = "bad-key-list",
  [RETRACT_UPDATE_PROBLEM_EXPIRED_KEY_LIST] = "expired-key-list",
  [RETRACT_UPDATE_PROBLEM_OLDER_KEY_LIST] = "older-key-list",
  [RETRACT_UPDATE_PROBLEM_EXPIRED_RULES] = "expired-rules",
  [RETRACT_UPDATE_PROBLEM_FUTURE_RULES] = "future-rules",
};

/* Returns: the stable name of @problem, as in `update-rules --json` */
const char *
retract_update_problem_to_id (RetractUpdateProblem problem)
{
  g_return_val_if_fail (problem < G_N_ELEMENTS (problem_ids), "other");
  return problem_ids[problem];
}

/* Returns: the problem named @id; %RETRACT_UPDATE_PROBLEM_OTHER when unknown */
RetractUpdateProblem
retract_update_problem_from_id (const char *id)
{
  guint problem;

  if (!retract_id_table_find (problem_ids, G_N_ELEMENTS (problem_ids), id, &problem))
    return RETRACT_UPDATE_PROBLEM_OTHER;

  return (RetractUpdateProblem) problem;
}
