/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Where downloaded rules live: the active set (rules.json with its
 * signature rules.json.minisig, and the key list keys.json with
 * keys.json.minisig it was checked with), the rules it replaced with their
 * signature (for Revert) and the ETag of the download. The app always uses
 * the newest of (bundled, downloaded) that verifies: at every start the
 * downloaded rules are verified again against the stored key list (or the
 * app's own, whichever is newer); one that no longer verifies, or was never
 * signed, is moved aside, never deleted, and the previous download (when it
 * verifies) or the bundled rules take over. Installs and reverts hold the
 * data folder's lock (see retract-file.c), and an update compares versions
 * under it, so the newest always wins. A key list is replaced only by a
 * newer one. */

#define G_LOG_DOMAIN "retract-rules-store"

#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "retract-core-resources.h"
#include "retract-file.h"
#include "retract-rules-store-private.h"
#include "retract-trust.h"

#define KEYS_BUNDLED_PATH  "/io/github/retractapp/Retract/keys/keys.json"
#define KEYS_SIGNATURE_BUNDLED_PATH "/io/github/retractapp/Retract/keys/keys.json.minisig"

G_DEFINE_FINAL_TYPE (RetractRulesStore, retract_rules_store, G_TYPE_OBJECT)

static void
retract_rules_store_finalize (GObject *object)
{
  RetractRulesStore *self = (RetractRulesStore *)object;

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->previous_path, g_free);
  g_clear_pointer (&self->signature_path, g_free);
  g_clear_pointer (&self->previous_signature_path, g_free);
  g_clear_pointer (&self->keys_path, g_free);
  g_clear_pointer (&self->keys_signature_path, g_free);
  g_clear_pointer (&self->etag_path, g_free);

  G_OBJECT_CLASS (retract_rules_store_parent_class)->finalize (object);
}

static void
retract_rules_store_class_init (RetractRulesStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = retract_rules_store_finalize;
}

static void
retract_rules_store_init (RetractRulesStore *self)
{
}

RetractRulesStore *
retract_rules_store_new (const char *directory)
{
  RetractRulesStore *self;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (RETRACT_TYPE_RULES_STORE, NULL);
  self->directory = g_strdup (directory);
  self->path = g_build_filename (directory, RULES_FILE_NAME, NULL);
  self->previous_path = g_build_filename (directory, PREVIOUS_FILE_NAME, NULL);
  self->signature_path = g_build_filename (directory, SIGNATURE_FILE_NAME, NULL);
  self->previous_signature_path = g_build_filename (directory, PREVIOUS_SIGNATURE_FILE_NAME,
                                                    NULL);
  self->keys_path = g_build_filename (directory, KEYS_FILE_NAME, NULL);
  self->keys_signature_path = g_build_filename (directory, KEYS_SIGNATURE_NAME, NULL);
  self->etag_path = g_build_filename (directory, ETAG_FILE_NAME, NULL);
  return self;
}

/**
 * retract_rules_store_new_default:
 *
 * Returns: (transfer full): the store in `$XDG_DATA_HOME/io.github.retractapp.Retract`
 */
RetractRulesStore *
retract_rules_store_new_default (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);

  return retract_rules_store_new (directory);
}

const char *
retract_rules_store_get_path (RetractRulesStore *self)
{
  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), NULL);
  return self->path;
}

const char *
retract_rules_store_get_previous_path (RetractRulesStore *self)
{
  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), NULL);
  return self->previous_path;
}

static const char * const written_files[] = {
  RULES_FILE_NAME, PREVIOUS_FILE_NAME, SIGNATURE_FILE_NAME, PREVIOUS_SIGNATURE_FILE_NAME,
  KEYS_FILE_NAME, KEYS_SIGNATURE_NAME, STAGED_SIGNATURE_FILE_NAME, STAGED_KEYS_SIGNATURE_NAME,
  ETAG_FILE_NAME, NULL
};

/* A file of ours at @path, or none: a regular file of this user. A link, a
 * folder or anything else there is not ours: it is named and left alone. */
gboolean
_retract_rules_store_check_own_file (const char *path,
                                     GError    **error)
{
  g_autofree char *display = NULL;
  struct stat st;

  if (lstat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return TRUE;
      display = retract_file_display_name (path);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: %1$s is a file name, %2$s a system message */
                   _("Could not look at %1$s: %2$s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  if (S_ISREG (st.st_mode) && st.st_uid == geteuid ())
    return TRUE;

  display = retract_file_display_name (path);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
               /* Translators: %s is a file name */
               _("%s is not a regular file of Retract’s; it is left as it is"), display);
  return FALSE;
}

/* Verified against the roots, without the clock: the app's own list is
 * trusted as the app is, and a stored one was checked against the clock
 * when it was installed. */
RetractKeyList *
_retract_rules_store_key_list_at_rest (GBytes     *keys,
                                       GBytes     *signature,
                                       GError    **error)
{
  if (keys == NULL || signature == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No key list is stored"));
      return NULL;
    }

  return retract_key_list_new_verified (keys, signature, retract_trust_get_roots (), NULL, 0,
                                        error);
}

/* The key list in the data folder, with its signature in place or staged
 * by an install cut short; %NULL when there is none or it does not verify. */
RetractKeyList *
_retract_rules_store_stored_key_list (RetractRulesStore *self,
                                      GError           **error)
{
  g_autofree char *staged_path = g_strconcat (self->keys_signature_path, STAGED_SUFFIX, NULL);
  g_autoptr(GBytes) keys = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GBytes) staged = NULL;
  RetractKeyList *list;

  keys = retract_file_read (self->keys_path, RETRACT_KEY_LIST_MAX_BYTES, NULL);
  if (keys == NULL)
    return NULL;

  signature = retract_file_read (self->keys_signature_path, RETRACT_MINISIGN_MAX_BYTES, NULL);
  list = _retract_rules_store_key_list_at_rest (keys, signature, error);
  if (list != NULL)
    return list;

  staged = retract_file_read (staged_path, RETRACT_MINISIGN_MAX_BYTES, NULL);
  if (staged == NULL)
    return NULL;
  list = _retract_rules_store_key_list_at_rest (keys, staged, NULL);
  if (list != NULL)
    g_clear_error (error);
  return list;
}

/* The rules that came with the app: compiled in, so failing to load them
 * is a broken build, not something to recover from. */
RetractRuleset *
_retract_rules_store_load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  RetractRuleset *bundled = retract_ruleset_new_bundled (&error);

  if (bundled == NULL)
    g_error ("The bundled rules do not load: %s", error->message);
  return bundled;
}

/**
 * retract_rules_store_load_active:
 * @notice: (out) (optional) (nullable): set when something the user should
 *   know happened, such as a downloaded dataset that no longer verifies or
 *   validates
 *
 * Verifies the downloaded rules again against the stored key list (or the
 * app's own, whichever is newer): a revoked key or a signature that does not
 * verify sets them aside like rules that no longer load, and so does a
 * dataset installed before rules were signed.
 *
 * Returns: (transfer full): the newest rules that verify: downloaded when
 *   newer than the bundled ones; when the download no longer verifies, the
 *   previous download if it verifies and is newer than the bundled ones
 *   (copied back into place; it also stays the previous set); the bundled
 *   ones otherwise
 */
RetractRuleset *
retract_rules_store_load_active (RetractRulesStore *self,
                                 char             **notice)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) bundled = NULL;
  g_autoptr(RetractRuleset) active = NULL;
  g_autoptr(RetractRuleset) previous = NULL;
  g_autoptr(RetractKeyList) keys = NULL;
  g_autoptr(RetractFolderLock) lock = NULL;
  gboolean set_aside = FALSE;

  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), NULL);

  if (notice != NULL)
    *notice = NULL;

  retract_file_tidy_folder (self->directory, written_files);
  bundled = _retract_rules_store_load_bundled ();
  keys = retract_rules_store_load_key_list (self, NULL);

  /* Installs replace the file in one rename, so reading needs no lock. */
  active = _retract_rules_store_load_in_use (self, bundled, keys, &error);
  if (active != NULL)
    return g_steal_pointer (&active);

  /* Set it aside only if it is still the same bad file: look again under
   * the lock, after any install in progress. */
  lock = retract_folder_lock (self->directory, NULL);
  if (lock != NULL)
    {
      g_clear_error (&error);
      g_clear_object (&keys);
      keys = retract_rules_store_load_key_list (self, NULL);
      active = _retract_rules_store_load_in_use (self, bundled, keys, &error);
      if (active != NULL)
        return g_steal_pointer (&active);
      set_aside = _retract_rules_store_move_aside (self);
    }

  /* The fallback is the newest dataset that verifies: the previous
   * download when it does and is newer than the bundled rules. It becomes
   * the active one only when the bad file was set aside (under the lock);
   * otherwise it is used for this run and nothing is written. */
  previous = _retract_rules_store_load_previous (self, bundled, keys);
  if (previous != NULL && set_aside)
    {
      g_autoptr(RetractRuleset) promoted = _retract_rules_store_promote_previous (self, keys);

      g_set_object (&previous, promoted);
    }
  if (previous != NULL)
    {
      if (notice != NULL && set_aside)
        /* Translators: the first %s says what was wrong with the file, the
         * second is a rules version such as 2026.11.5 */
        *notice = g_strdup_printf (_("The downloaded rules no longer load (%s). They were set "
                                     "aside and the rules installed before them (version %s) "
                                     "are used."),
                                   error->message, retract_ruleset_get_version (previous));
      else if (notice != NULL)
        /* Translators: the first %s says what was wrong with the file, the
         * second is a rules version such as 2026.11.5 */
        *notice = g_strdup_printf (_("The downloaded rules no longer load (%s). They were left "
                                     "in place, unused, and the rules installed before them "
                                     "(version %s) are used."),
                                   error->message, retract_ruleset_get_version (previous));
      return g_steal_pointer (&previous);
    }

  /* "Set aside" only when it was: a folder, a link or a busy folder leaves
   * the file where it is. */
  if (notice != NULL && set_aside)
    /* Translators: %s says what was wrong with the file */
    *notice = g_strdup_printf (_("The downloaded rules no longer load (%s). They were set "
                                 "aside and the rules that came with the app are used."),
                               error->message);
  else if (notice != NULL)
    /* Translators: %s says what was wrong with the file */
    *notice = g_strdup_printf (_("The downloaded rules no longer load (%s). They were left "
                                 "in place, unused, and the rules that came with the app are "
                                 "used."),
                               error->message);
  return g_steal_pointer (&bundled);
}

/**
 * retract_rules_store_revert:
 *
 * Goes back to the rules that came with the app. The downloaded file is
 * kept as the previous one, so nothing is lost. Takes the folder's lock, so
 * it never races an install.
 */
gboolean
retract_rules_store_revert (RetractRulesStore *self,
                            GError           **error)
{
  g_autoptr(RetractFolderLock) lock = NULL;
  struct stat st;

  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), FALSE);

  if (lstat (self->path, &st) != 0)
    return TRUE;

  lock = retract_folder_lock (self->directory, error);
  if (lock == NULL)
    return FALSE;

  /* Under the lock: only our own regular file is moved, and only over our
   * own regular file (or nothing). */
  if (lstat (self->path, &st) != 0)
    return TRUE;
  if (!_retract_rules_store_check_own_file (self->path, error) ||
      !_retract_rules_store_check_own_file (self->previous_path, error))
    return FALSE;

  if (!_retract_rules_store_check_own_file (self->signature_path, error) ||
      !_retract_rules_store_check_own_file (self->previous_signature_path, error))
    return FALSE;

  /* The rules and their signature become the previous set together. */
  if (lstat (self->signature_path, &st) == 0)
    {
      if (g_rename (self->signature_path, self->previous_signature_path) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not go back to the bundled rules: %s"),
                       g_strerror (saved_errno));
          return FALSE;
        }
    }
  else
    {
      retract_file_remove_ours (self->directory, PREVIOUS_SIGNATURE_FILE_NAME, NULL);
    }

  if (g_rename (self->path, self->previous_path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not go back to the bundled rules: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  retract_file_remove_ours (self->directory, ETAG_FILE_NAME, NULL);
  return TRUE;
}

/**
 * retract_rules_store_get_etag:
 *
 * Returns: (transfer full) (nullable): the ETag of the installed download
 */
char *
retract_rules_store_get_etag (RetractRulesStore *self)
{
  g_autoptr(GBytes) etag = NULL;
  struct stat st;

  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), NULL);

  if (lstat (self->path, &st) != 0)
    return NULL;

  /* Ours only: a link there is not read through (nor sent to the server). */
  if (lstat (self->etag_path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != geteuid ())
    return NULL;

  etag = retract_file_read (self->etag_path, 1024, NULL);
  if (etag == NULL)
    return NULL;

  return g_strstrip (g_strndup (g_bytes_get_data (etag, NULL), g_bytes_get_size (etag)));
}

/**
 * retract_rules_store_load_key_list:
 *
 * The key list to check rules against: the stored one (installed with
 * downloaded rules) when it verifies and is newer than the app's own,
 * else the app's own. Neither is checked against the clock here: an
 * installed dataset keeps working offline. A download's key list is
 * checked against the clock in retract_rules_store_verify().
 *
 * Returns: (transfer full): the key list
 */
RetractKeyList *
retract_rules_store_load_key_list (RetractRulesStore *self,
                                   GError           **error)
{
  g_autoptr(GBytes) bundled_keys = NULL;
  g_autoptr(GBytes) bundled_signature = NULL;
  g_autoptr(RetractKeyList) bundled = NULL;
  g_autoptr(RetractKeyList) stored = NULL;
  g_autoptr(GError) stored_error = NULL;

  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), NULL);

  bundled_keys = g_resource_lookup_data (retract_core_get_resource (), KEYS_BUNDLED_PATH, 0,
                                         NULL);
  bundled_signature = g_resource_lookup_data (retract_core_get_resource (),
                                              KEYS_SIGNATURE_BUNDLED_PATH, 0, NULL);
  bundled = _retract_rules_store_key_list_at_rest (bundled_keys, bundled_signature, error);

  stored = _retract_rules_store_stored_key_list (self, &stored_error);
  if (stored_error != NULL)
    g_debug ("The stored key list is not used: %s", stored_error->message);

  if (stored != NULL &&
      (bundled == NULL ||
       retract_key_list_get_version (stored) > retract_key_list_get_version (bundled)))
    {
      g_clear_error (error);
      return g_steal_pointer (&stored);
    }

  return g_steal_pointer (&bundled);
}

/**
 * retract_rules_store_get_key_id:
 *
 * Returns: (transfer full) (nullable): the id of the release key that
 *   signed the installed download, as its signature names it
 */
char *
retract_rules_store_get_key_id (RetractRulesStore *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RetractMinisignSignature) signature = NULL;

  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), NULL);

  bytes = retract_file_read (self->signature_path, RETRACT_MINISIGN_MAX_BYTES, NULL);
  if (bytes != NULL)
    signature = retract_minisign_signature_new_from_bytes (bytes, SIGNATURE_FILE_NAME, NULL);

  return signature != NULL ? g_strdup (retract_minisign_signature_get_key_id (signature)) : NULL;
}
