/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Installing rules, always under the data folder's lock: the key list
 * (only when newer), the rules in use kept as the previous set, then the
 * new rules with their signature, each signature staged before the file it
 * signs; an install cut short is finished by the next one. */

#define G_LOG_DOMAIN "retract-rules-store"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "retract-core-resources.h"
#include "retract-file.h"
#include "retract-minisign.h"
#include "retract-rules-store-private.h"

/* @bytes, or no file at @name: the caller holds the folder's lock. */
static gboolean
replace_or_remove (RetractRulesStore *self,
                   const char        *path,
                   const char        *name,
                   GBytes            *bytes,
                   GError           **error)
{
  gsize length;
  const char *data;

  if (bytes == NULL)
    {
      retract_file_remove_ours (self->directory, name, NULL);
      return TRUE;
    }

  data = g_bytes_get_data (bytes, &length);
  return retract_file_replace_own (path, data, length, error);
}

/* The caller holds the folder's lock. Writes @data at @path and its
 * @signature at @signature_path so that at every moment the file there has
 * a signature that verifies it: the signature staged, the file replaced,
 * then the signature renamed into place. */
static gboolean
replace_signed (RetractRulesStore *self,
                const char        *path,
                GBytes            *data,
                const char        *signature_path,
                GBytes            *signature,
                GError           **error)
{
  g_autofree char *staged_path = g_strconcat (signature_path, STAGED_SUFFIX, NULL);
  const char *bytes;
  gsize length;

  bytes = g_bytes_get_data (signature, &length);
  if (!_retract_rules_store_check_own_file (staged_path, error) ||
      !retract_file_replace_own (staged_path, bytes, length, error))
    return FALSE;

  bytes = g_bytes_get_data (data, &length);
  if (!retract_file_replace_own (path, bytes, length, error))
    return FALSE;

  if (g_rename (staged_path, signature_path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = retract_file_display_name (signature_path);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: %1$s is a file name, %2$s a system message */
                   _("Could not write %1$s: %2$s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* The caller holds the folder's lock. @keys replaces the stored key list
 * only when it is newer: a list is never rolled back, even by two updates
 * racing. */
static gboolean
install_key_list_locked (RetractRulesStore *self,
                         GBytes            *keys,
                         GBytes            *keys_signature,
                         GError           **error)
{
  g_autoptr(RetractKeyList) stored = NULL;
  g_autoptr(RetractKeyList) offered = NULL;

  if (keys == NULL || keys_signature == NULL)
    return TRUE;

  offered = _retract_rules_store_key_list_at_rest (keys, keys_signature, error);
  if (offered == NULL)
    return FALSE;

  stored = _retract_rules_store_stored_key_list (self, NULL);
  if (stored != NULL &&
      retract_key_list_get_version (stored) >= retract_key_list_get_version (offered))
    return TRUE;

  return replace_signed (self, self->keys_path, keys, self->keys_signature_path, keys_signature,
                         error);
}

/* The caller holds the folder's lock. Finishes an install cut short
 * between its two renames: a staged signature that verifies the file in
 * place takes the signature's name; one that does not is dropped. Done
 * before anything is staged again, which would lose the only signature of
 * the file in place. */
static void
settle_locked (RetractRulesStore *self)
{
  g_autofree char *staged_keys = g_strconcat (self->keys_signature_path, STAGED_SUFFIX, NULL);
  g_autofree char *staged_rules = g_strconcat (self->signature_path, STAGED_SUFFIX, NULL);
  g_autoptr(GBytes) keys_bytes = NULL;
  g_autoptr(GBytes) staged_bytes = NULL;
  g_autoptr(GBytes) rules = NULL;
  g_autoptr(RetractKeyList) staged_list = NULL;
  g_autoptr(RetractKeyList) keys = NULL;
  struct stat st;

  if (lstat (staged_keys, &st) == 0)
    {
      keys_bytes = retract_file_read (self->keys_path, RETRACT_KEY_LIST_MAX_BYTES, NULL);
      staged_bytes = retract_file_read (staged_keys, RETRACT_MINISIGN_MAX_BYTES, NULL);
      if (keys_bytes != NULL && staged_bytes != NULL)
        staged_list = _retract_rules_store_key_list_at_rest (keys_bytes, staged_bytes, NULL);
      if (staged_list == NULL || g_rename (staged_keys, self->keys_signature_path) != 0)
        retract_file_remove_ours (self->directory, STAGED_KEYS_SIGNATURE_NAME, NULL);
    }

  if (lstat (staged_rules, &st) == 0)
    {
      keys = retract_rules_store_load_key_list (self, NULL);
      rules = retract_file_read (self->path, RETRACT_RULESET_MAX_BYTES, NULL);
      if (rules == NULL || !_retract_rules_store_verify_with (staged_rules, keys, rules, NULL) ||
          g_rename (staged_rules, self->signature_path) != 0)
        retract_file_remove_ours (self->directory, STAGED_SIGNATURE_FILE_NAME, NULL);
    }
}

/* The caller holds the folder's lock. The key list first (only when
 * newer), then the previous set, then the rules with their signature: a
 * crash at any point leaves active rules that their signature, in place or
 * staged, verifies. */
static gboolean
install_locked (RetractRulesStore             *self,
                const RetractRulesPublication *publication,
                const char                    *etag,
                GError                       **error)
{
  g_autoptr(GBytes) current = NULL;
  g_autoptr(GBytes) current_signature = NULL;
  const char * const paths[] = {
    self->path, self->previous_path, self->signature_path, self->previous_signature_path,
    self->keys_path, self->keys_signature_path,
  };

  /* Our own files only: nothing is read or written through a link, and
   * what is not ours is named and left as it is. */
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    if (!_retract_rules_store_check_own_file (paths[i], error))
      return FALSE;

  settle_locked (self);
  if (!install_key_list_locked (self, publication->keys, publication->keys_signature, error))
    return FALSE;

  current = retract_file_read (self->path, RETRACT_RULESET_MAX_BYTES * 2, NULL);
  if (current != NULL)
    {
      current_signature = retract_file_read (self->signature_path, RETRACT_MINISIGN_MAX_BYTES,
                                             NULL);
      if (!replace_or_remove (self, self->previous_signature_path, PREVIOUS_SIGNATURE_FILE_NAME,
                              current_signature, error) ||
          !replace_or_remove (self, self->previous_path, PREVIOUS_FILE_NAME, current, error))
        return FALSE;
    }

  /* Unsigned rules (retract_rules_store_install()) lose the old signature
   * before they are written, so it never seems to sign them. */
  if (publication->rules_signature == NULL)
    {
      retract_file_remove_ours (self->directory, SIGNATURE_FILE_NAME, NULL);
      retract_file_remove_ours (self->directory, STAGED_SIGNATURE_FILE_NAME, NULL);
      if (!replace_or_remove (self, self->path, RULES_FILE_NAME, publication->rules, error))
        return FALSE;
    }
  else if (!replace_signed (self, self->path, publication->rules, self->signature_path,
                            publication->rules_signature, error))
    {
      return FALSE;
    }

  /* A stale ETag would make the server answer "not modified" wrongly. */
  if (etag == NULL || !retract_file_replace_own (self->etag_path, etag, strlen (etag), NULL))
    retract_file_remove_ours (self->directory, ETAG_FILE_NAME, NULL);

  return TRUE;
}

/* The store's folder, created private if need be, and its lock. */
static RetractFolderLock *
lock_folder (RetractRulesStore  *self,
             GError            **error)
{
  if (!retract_file_ensure_private_folder (self->directory, error))
    return NULL;

  return retract_folder_lock (self->directory, error);
}

/* install_locked() under the folder's lock, whatever version @publication is. */
static gboolean
lock_and_install (RetractRulesStore             *self,
                  const RetractRulesPublication *publication,
                  const char                    *etag,
                  GError                       **error)
{
  g_autoptr(RetractFolderLock) lock = lock_folder (self, error);

  return lock != NULL && install_locked (self, publication, etag, error);
}

/**
 * retract_rules_store_install:
 * @dataset: a dataset already validated by the caller
 * @etag: (nullable): the server's ETag for it
 *
 * Keeps the active file as the previous one, then replaces it atomically
 * (mode 0600, synced): a crash leaves the old rules or the new, never a mix.
 * The folder's lock is held throughout. It installs whatever version
 * @dataset is: updates use retract_rules_store_install_if_newer().
 */
gboolean
retract_rules_store_install (RetractRulesStore *self,
                             GBytes            *dataset,
                             const char        *etag,
                             GError           **error)
{
  RetractRulesPublication unsigned_rules = { dataset, NULL, NULL, NULL };

  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), FALSE);
  g_return_val_if_fail (dataset != NULL, FALSE);

  return lock_and_install (self, &unsigned_rules, etag, error);
}

/**
 * retract_rules_store_install_signed:
 * @publication: rules already verified by the caller, with their signature;
 *   the key list they were verified with, when published with them, is
 *   stored only when newer than the stored one
 * @etag: (nullable): the server's ETag for the rules
 *
 * Like retract_rules_store_install(), for a signed set: the rules, their
 * signature and the key list together, under the folder's lock, with the
 * rules in use kept as the previous set.
 */
gboolean
retract_rules_store_install_signed (RetractRulesStore             *self,
                                    const RetractRulesPublication *publication,
                                    const char                    *etag,
                                    GError                       **error)
{
  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), FALSE);
  g_return_val_if_fail (publication != NULL && publication->rules != NULL, FALSE);
  g_return_val_if_fail (publication->rules_signature != NULL, FALSE);

  return lock_and_install (self, publication, etag, error);
}

static GBytes *
bytes_of (RetractRuleset *rules)
{
  if (retract_ruleset_get_origin (rules) == RETRACT_RULES_ORIGIN_BUNDLED)
    return g_resource_lookup_data (retract_core_get_resource (), RETRACT_RULESET_BUNDLED_PATH,
                                   0, NULL);

  return retract_file_read (retract_ruleset_get_location (rules), RETRACT_RULESET_MAX_BYTES,
                            NULL);
}

/**
 * retract_rules_store_install_if_newer:
 * @publication: rules already verified by the caller
 *   (retract_rules_store_verify()), with their signature and the key list
 *   published with them, if any
 * @candidate: the rules of @publication
 * @etag: (nullable): the server's ETag for it
 * @result: (out): what happened
 *
 * Under the folder's lock, compares @candidate with the rules in use at
 * this moment (another process may have installed newer ones since this one
 * started) and installs the set only when @candidate is newer. So concurrent
 * updates are serialised and the newest always wins.
 *
 * Returns: (transfer full) (nullable): the rules in use afterwards; %NULL
 *   with @error set when the folder or a file could not be read or written
 */
RetractRuleset *
retract_rules_store_install_if_newer (RetractRulesStore             *self,
                                      const RetractRulesPublication *publication,
                                      RetractRuleset                *candidate,
                                      const char                    *etag,
                                      RetractRulesInstallResult     *result,
                                      GError                       **error)
{
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autoptr(RetractRuleset) bundled = NULL;
  g_autoptr(RetractRuleset) in_use = NULL;
  g_autoptr(RetractKeyList) stored_keys = NULL;
  int order;

  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), NULL);
  g_return_val_if_fail (publication != NULL && publication->rules != NULL, NULL);
  g_return_val_if_fail (publication->rules_signature != NULL, NULL);
  g_return_val_if_fail (RETRACT_IS_RULESET (candidate), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  lock = lock_folder (self, error);
  if (lock == NULL)
    return NULL;

  bundled = _retract_rules_store_load_bundled ();
  stored_keys = retract_rules_store_load_key_list (self, NULL);
  /* A download that no longer verifies or loads is replaced like an older one. */
  in_use = _retract_rules_store_load_in_use (self, bundled, stored_keys, NULL);
  if (in_use == NULL)
    in_use = g_object_ref (bundled);

  order = retract_ruleset_compare_versions (retract_ruleset_get_version (candidate),
                                            retract_ruleset_get_version (in_use));
  if (order < 0)
    {
      *result = RETRACT_RULES_INSTALL_OLDER;
      return g_steal_pointer (&in_use);
    }
  if (order == 0)
    {
      g_autoptr(GBytes) current = bytes_of (in_use);

      *result = current != NULL && g_bytes_equal (current, publication->rules)
                ? RETRACT_RULES_INSTALL_SAME : RETRACT_RULES_INSTALL_CONFLICT;
      return g_steal_pointer (&in_use);
    }

  if (!install_locked (self, publication, etag, error))
    return NULL;

  g_clear_object (&in_use);
  in_use = retract_ruleset_new_downloaded_bytes (publication->rules, self->path, error);
  if (in_use == NULL)
    return NULL;

  *result = RETRACT_RULES_INSTALL_DONE;
  return g_steal_pointer (&in_use);
}
