/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What went wrong, for a message a person can act on. Every error in
 * RETRACT_UPDATE_ERROR carries one (retract_update_error_get_problem()), and
 * `retract-cli update-rules --json` names it in "problem" for the app, which
 * does not link the updater. */
typedef enum
{
  RETRACT_UPDATE_PROBLEM_NONE,          /* "none": no error */
  RETRACT_UPDATE_PROBLEM_OFFLINE,       /* "offline": no network, host not found, refused */
  RETRACT_UPDATE_PROBLEM_NETWORK,       /* "network": the connection failed half-way */
  RETRACT_UPDATE_PROBLEM_TIMED_OUT,     /* "timed-out": no answer in time */
  RETRACT_UPDATE_PROBLEM_SERVER_ERROR,  /* "server-error": an HTTP status other than 200 */
  RETRACT_UPDATE_PROBLEM_NOT_RULES,     /* "not-rules": HTML, not JSON, far too large */
  RETRACT_UPDATE_PROBLEM_INVALID_RULES, /* "invalid-rules": JSON the strict loader refuses */
  RETRACT_UPDATE_PROBLEM_OLDER_RULES,   /* "older-rules": not newer than the rules in use */
  RETRACT_UPDATE_PROBLEM_CERTIFICATE,   /* "certificate": TLS or certificate failure */
  RETRACT_UPDATE_PROBLEM_DISK,          /* "disk": the rules could not be written or read */
  RETRACT_UPDATE_PROBLEM_ADDRESS,       /* "address": the address (or a redirect) not allowed */
  RETRACT_UPDATE_PROBLEM_OTHER,         /* "other" */
  /* Signed rules: the publication is refused for who signed it, or when. */
  RETRACT_UPDATE_PROBLEM_UNSIGNED,         /* "unsigned": no .minisig (or no key list) with it */
  RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE,    /* "bad-signature": malformed, legacy or not verifying */
  RETRACT_UPDATE_PROBLEM_UNKNOWN_KEY,      /* "unknown-key": not a listed release key */
  RETRACT_UPDATE_PROBLEM_REVOKED_KEY,      /* "revoked-key": signed by a revoked release key */
  RETRACT_UPDATE_PROBLEM_BAD_KEY_LIST,     /* "bad-key-list": keys.json not signed by a root, or damaged */
  RETRACT_UPDATE_PROBLEM_EXPIRED_KEY_LIST, /* "expired-key-list": keys.json past its expiry */
  RETRACT_UPDATE_PROBLEM_OLDER_KEY_LIST,   /* "older-key-list": keys.json older than the stored one */
  RETRACT_UPDATE_PROBLEM_EXPIRED_RULES,    /* "expired-rules": past meta.expires */
  RETRACT_UPDATE_PROBLEM_FUTURE_RULES,     /* "future-rules": issued more than a day ahead */
} RetractUpdateProblem;

const char           *retract_update_problem_to_id   (RetractUpdateProblem  problem);
RetractUpdateProblem  retract_update_problem_from_id (const char           *id);

G_END_DECLS
