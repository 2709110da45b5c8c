/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Verifying rules: at start, the installed set again against the stored key
 * list (a rejected one moved aside with its signature, the previous set as
 * the fallback when it verifies and is newer than the bundled rules); before
 * an install, a publication in the signed-rules order. */

#define G_LOG_DOMAIN "retract-rules-store"

#include "config.h"

#include <sys/stat.h>
#include <glib/gi18n-lib.h>

#include "retract-error.h"
#include "retract-file.h"
#include "retract-minisign.h"
#include "retract-rules-store-private.h"
#include "retract-time.h"
#include "retract-trust.h"

/* How far ahead of this computer's clock rules may be issued. */
#define ISSUED_TOLERANCE G_TIME_SPAN_DAY

/* The caller holds the folder's lock. Returns whether the file is gone from
 * its name (moved aside, or removed when it could not be). Its signature
 * goes with it. */
gboolean
_retract_rules_store_move_aside (RetractRulesStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *signature_aside = NULL;
  struct stat st;

  /* Renamed, never copied nor followed: a FIFO or a link moves as itself; a
   * folder cannot be, and stays. */
  aside = retract_file_move_aside (self->path, REJECTED_PREFIX, &error);
  if (aside == NULL)
    {
      g_debug ("Could not set the downloaded rules aside: %s", error->message);
      retract_file_remove_ours (self->directory, RULES_FILE_NAME, NULL);
    }
  if (lstat (self->signature_path, &st) == 0)
    {
      signature_aside = retract_file_move_aside (self->signature_path, REJECTED_SIGNATURE_PREFIX,
                                                 NULL);
      if (signature_aside == NULL)
        retract_file_remove_ours (self->directory, SIGNATURE_FILE_NAME, NULL);
    }

  return lstat (self->path, &st) != 0;
}

/* @data verified against @keys with the signature at @signature_path. */
gboolean
_retract_rules_store_verify_with (const char     *signature_path,
                                  RetractKeyList *keys,
                                  GBytes         *data,
                                  GError        **error)
{
  g_autoptr(GBytes) signature_bytes = NULL;
  g_autoptr(RetractMinisignSignature) signature = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const guint8 *bytes;

  signature_bytes = retract_file_read (signature_path, RETRACT_MINISIGN_MAX_BYTES, &local_error);
  if (signature_bytes == NULL)
    {
      /* Installed before rules were signed, or its signature lost. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_MALFORMED,
                     _("they are not signed"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  signature = retract_minisign_signature_new_from_bytes (signature_bytes, SIGNATURE_FILE_NAME,
                                                         error);
  if (signature == NULL)
    return FALSE;

  if (keys == NULL)
    {
      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_UNKNOWN_KEY,
                   _("no key list could be read to check them"));
      return FALSE;
    }

  bytes = g_bytes_get_data (data, &size);
  return retract_key_list_verify (keys, signature, bytes, size, error);
}

/* The downloaded rules at @path, verified with their signature at
 * @signature_path (or the one staged beside it by an install cut short)
 * against @keys, then read from the same bytes. */
static RetractRuleset *
load_verified (const char     *path,
               const char     *signature_path,
               RetractKeyList *keys,
               GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *staged_path = g_strconcat (signature_path, STAGED_SUFFIX, NULL);
  struct stat st;

  bytes = retract_file_read (path, RETRACT_RULESET_MAX_BYTES, error);
  if (bytes == NULL)
    return NULL;

  if (!_retract_rules_store_verify_with (signature_path, keys, bytes, error) &&
      (lstat (staged_path, &st) != 0 ||
       !_retract_rules_store_verify_with (staged_path, keys, bytes, NULL)))
    return NULL;

  g_clear_error (error);
  return retract_ruleset_new_downloaded_bytes (bytes, path, error);
}

/* The rules in use now: the downloaded ones when they verify against @keys,
 * load and are newer than @bundled, else @bundled. Nothing is moved or
 * changed. */
RetractRuleset *
_retract_rules_store_load_in_use (RetractRulesStore *self,
                                  RetractRuleset    *bundled,
                                  RetractKeyList    *keys,
                                  GError           **error)
{
  g_autoptr(RetractRuleset) downloaded = NULL;
  struct stat st;

  if (lstat (self->path, &st) != 0)
    return g_object_ref (bundled);

  downloaded = load_verified (self->path, self->signature_path, keys, error);
  if (downloaded == NULL)
    return NULL;

  /* An app update may bring rules newer than an old download. */
  if (retract_ruleset_compare_versions (retract_ruleset_get_version (downloaded),
                                        retract_ruleset_get_version (bundled)) <= 0)
    return g_object_ref (bundled);

  return g_steal_pointer (&downloaded);
}

/* The previous download (kept for Revert) when it verifies against @keys
 * and is newer than @bundled: what the app falls back to when the active
 * download no longer verifies. Nothing is moved or changed. */
RetractRuleset *
_retract_rules_store_load_previous (RetractRulesStore *self,
                                    RetractRuleset    *bundled,
                                    RetractKeyList    *keys)
{
  g_autoptr(RetractRuleset) previous = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  if (lstat (self->previous_path, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;

  previous = load_verified (self->previous_path, self->previous_signature_path, keys, &error);
  if (previous == NULL)
    {
      g_debug ("The previous rules do not verify either: %s", error->message);
      return NULL;
    }

  if (retract_ruleset_compare_versions (retract_ruleset_get_version (previous),
                                        retract_ruleset_get_version (bundled)) <= 0)
    return NULL;

  return g_steal_pointer (&previous);
}

/* The caller holds the folder's lock and has set the active download
 * aside: the previous set is copied (not moved, so Revert still has it)
 * into the active names, the signature first so that the rules never sit
 * there without theirs. Returns the rules read back from the active name,
 * or %NULL when the copy failed (and the bundled rules are used). */
RetractRuleset *
_retract_rules_store_promote_previous (RetractRulesStore *self,
                                       RetractKeyList    *keys)
{
  g_autoptr(GBytes) rules = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GError) error = NULL;
  RetractRuleset *promoted;

  /* The ETag is the set-aside download's: kept, it would make the server
   * answer "not modified" to an app that now has older rules. */
  retract_file_remove_ours (self->directory, ETAG_FILE_NAME, NULL);

  rules = retract_file_read (self->previous_path, RETRACT_RULESET_MAX_BYTES, &error);
  if (rules != NULL)
    signature = retract_file_read (self->previous_signature_path, RETRACT_MINISIGN_MAX_BYTES,
                                   &error);
  if (signature == NULL ||
      !retract_file_replace (self->signature_path, g_bytes_get_data (signature, NULL),
                             g_bytes_get_size (signature), &error) ||
      !retract_file_replace (self->path, g_bytes_get_data (rules, NULL),
                             g_bytes_get_size (rules), &error))
    {
      g_debug ("Could not restore the previous rules: %s", error->message);
      return NULL;
    }

  promoted = load_verified (self->path, self->signature_path, keys, &error);
  if (promoted == NULL)
    g_debug ("The restored previous rules do not load: %s", error->message);
  return promoted;
}

/* What a refusal of the signature means, for `update-rules --json`. */
static RetractUpdateProblem
signature_problem (const GError *error)
{
  if (error->domain != RETRACT_SIGNATURE_ERROR)
    return RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE;

  switch (error->code)
    {
    case RETRACT_SIGNATURE_ERROR_UNKNOWN_KEY:
      return RETRACT_UPDATE_PROBLEM_UNKNOWN_KEY;
    case RETRACT_SIGNATURE_ERROR_REVOKED:
      return RETRACT_UPDATE_PROBLEM_REVOKED_KEY;
    default:
      return RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE;
    }
}

/* What a refusal of a published key list means. */
static RetractUpdateProblem
key_list_problem (const GError *error)
{
  if (error->domain == RETRACT_SIGNATURE_ERROR && error->code == RETRACT_SIGNATURE_ERROR_EXPIRED)
    return RETRACT_UPDATE_PROBLEM_EXPIRED_KEY_LIST;
  if (error->domain == RETRACT_SIGNATURE_ERROR &&
      error->code == RETRACT_SIGNATURE_ERROR_ROLLED_BACK)
    return RETRACT_UPDATE_PROBLEM_OLDER_KEY_LIST;
  return RETRACT_UPDATE_PROBLEM_BAD_KEY_LIST;
}

G_GNUC_PRINTF (4, 5) static void
refuse (RetractUpdateProblem *problem,
        RetractUpdateProblem  kind,
        GError              **error,
        const char           *format,
        ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (RETRACT_DATA_ERROR,
                                                RETRACT_DATA_ERROR_BAD_VALUE, format, args));
  va_end (args);
  *problem = kind;
}

/**
 * retract_rules_store_verify:
 * @publication: rules.json as published, with rules.json.minisig (which may
 *   be missing, and is then refused) and keys.json with keys.json.minisig
 *   (without them, the stored list is used)
 * @now: the moment of the whole check, fixed once by the caller
 * @key_list: (out) (transfer full) (optional): the key list the rules were
 *   verified with: the published one when given, else the stored one
 * @problem: (out): the kind of refusal
 *
 * Checks a publication in the signed-rules order: the signatures parsed
 * strictly; the published key list (when given) by a root key, its kind,
 * its expiry, its issue time and a version not lower than the stored
 * list's, and a broken one refuses everything even when the stored list
 * would do; the rules' release key listed and unrevoked, their signature
 * and trusted comment; only then the rules themselves, their kind, issue
 * time (at most a day ahead), expiry and strict validation. The version
 * against the installed rules is compared at install time, under the lock.
 *
 * Returns: (transfer full) (nullable): the verified rules
 */
RetractRuleset *
retract_rules_store_verify (RetractRulesStore             *self,
                            const RetractRulesPublication *publication,
                            GDateTime                     *now,
                            RetractKeyList               **key_list,
                            RetractUpdateProblem          *problem,
                            GError                       **error)
{
  g_autoptr(RetractMinisignSignature) signature = NULL;
  g_autoptr(RetractKeyList) stored = NULL;
  g_autoptr(RetractKeyList) list = NULL;
  g_autoptr(RetractRuleset) candidate = NULL;
  g_autoptr(GDateTime) latest_issue = NULL;
  g_autoptr(GError) local_error = NULL;
  const guint8 *data;
  gsize size;

  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), NULL);
  g_return_val_if_fail (publication != NULL && publication->rules != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (problem != NULL, NULL);

  *problem = RETRACT_UPDATE_PROBLEM_NONE;
  data = g_bytes_get_data (publication->rules, &size);
  if (size > RETRACT_RULESET_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size (RETRACT_RULESET_MAX_BYTES);

      refuse (problem, RETRACT_UPDATE_PROBLEM_NOT_RULES, error,
              _("The rules are larger than %s"), limit);
      return NULL;
    }

  if (publication->rules_signature == NULL)
    {
      refuse (problem, RETRACT_UPDATE_PROBLEM_UNSIGNED, error,
              _("The rules are not signed: rules.json.minisig is missing"));
      return NULL;
    }

  /* 3. The signatures, strictly, before anything is trusted or parsed. */
  signature = retract_minisign_signature_new_from_bytes (publication->rules_signature,
                                                         "rules.json.minisig", &local_error);
  if (signature == NULL)
    {
      *problem = RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* 4. The published key list, never worked around when broken. */
  stored = retract_rules_store_load_key_list (self, NULL);
  if (publication->keys != NULL || publication->keys_signature != NULL)
    {
      if (publication->keys == NULL || publication->keys_signature == NULL)
        {
          refuse (problem, RETRACT_UPDATE_PROBLEM_BAD_KEY_LIST, error,
                  _("keys.json and keys.json.minisig are published together; one is missing"));
          return NULL;
        }
      list = retract_key_list_new_verified (publication->keys, publication->keys_signature,
                                            retract_trust_get_roots (), now,
                                            stored != NULL
                                            ? retract_key_list_get_version (stored) : 0,
                                            &local_error);
      if (list == NULL)
        {
          *problem = key_list_problem (local_error);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  else if (stored != NULL)
    {
      /* Rules are installed only under an unexpired list: the stored one
       * stands in for a publication without one (a file given by hand),
       * and is held to the clock here, though not at start. */
      if (g_date_time_compare (retract_key_list_get_expires (stored), now) <= 0)
        {
          g_autofree char *expires = retract_time_format_iso (
            retract_key_list_get_expires (stored));

          refuse (problem, RETRACT_UPDATE_PROBLEM_EXPIRED_KEY_LIST, error,
                  /* Translators: %s is a date and time */
                  _("The stored key list expired at %s; new rules need keys.json and "
                    "keys.json.minisig beside them"), expires);
          return NULL;
        }
      list = g_steal_pointer (&stored);
    }
  else
    {
      refuse (problem, RETRACT_UPDATE_PROBLEM_UNSIGNED, error,
              _("No key list names the key of these rules: keys.json is missing"));
      return NULL;
    }

  /* 5. A listed, unrevoked release key; the file, then the trusted comment. */
  if (!retract_key_list_verify (list, signature, data, size, &local_error))
    {
      *problem = signature_problem (local_error);
      g_prefix_error (&local_error, "rules.json.minisig: ");
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* 6. Only now the rules themselves. */
  candidate = retract_ruleset_new_from_bytes (publication->rules, "rules.json", &local_error);
  if (candidate == NULL)
    {
      *problem = RETRACT_UPDATE_PROBLEM_INVALID_RULES;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  latest_issue = g_date_time_add (now, ISSUED_TOLERANCE);
  if (g_date_time_compare (retract_ruleset_get_issued (candidate), latest_issue) > 0)
    {
      g_autofree char *issued = retract_time_format_iso (retract_ruleset_get_issued (candidate));

      refuse (problem, RETRACT_UPDATE_PROBLEM_FUTURE_RULES, error,
              /* Translators: %s is a date and time */
              _("The rules are issued at %s, more than a day after this computer’s clock"),
              issued);
      return NULL;
    }

  if (g_date_time_compare (retract_ruleset_get_expires (candidate), now) <= 0)
    {
      g_autofree char *expires = retract_time_format_iso (retract_ruleset_get_expires (candidate));

      refuse (problem, RETRACT_UPDATE_PROBLEM_EXPIRED_RULES, error,
              /* Translators: %s is a date and time */
              _("The rules expired at %s; expired rules are never installed"), expires);
      return NULL;
    }

  if (key_list != NULL)
    *key_list = g_steal_pointer (&list);
  return g_steal_pointer (&candidate);
}
