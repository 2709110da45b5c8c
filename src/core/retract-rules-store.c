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
#include "retract-error.h"
#include "retract-file.h"
#include "retract-minisign.h"
#include "retract-rules-store.h"
#include "retract-time.h"
#include "retract-trust.h"

#define RULES_FILE_NAME    "rules.json"
#define PREVIOUS_FILE_NAME "rules.json.previous"
#define SIGNATURE_FILE_NAME "rules.json.minisig"
#define PREVIOUS_SIGNATURE_FILE_NAME "rules.json.minisig.previous"
/* A signature is written here first, then the file it signs, then the
 * signature is renamed into place: a crash between the two renames leaves
 * the new file with its signature staged, which still verifies it. */
#define STAGED_SUFFIX      ".new"
#define STAGED_SIGNATURE_FILE_NAME "rules.json.minisig.new"
#define STAGED_KEYS_SIGNATURE_NAME "keys.json.minisig.new"
#define ETAG_FILE_NAME     "rules.etag"
#define REJECTED_PREFIX    "rules.json.rejected-"
#define REJECTED_SIGNATURE_PREFIX "rules.json.minisig.rejected-"
#define KEYS_FILE_NAME     "keys.json"
#define KEYS_SIGNATURE_NAME "keys.json.minisig"
#define KEYS_BUNDLED_PATH  "/io/github/retractapp/Retract/keys/keys.json"
#define KEYS_SIGNATURE_BUNDLED_PATH "/io/github/retractapp/Retract/keys/keys.json.minisig"

/* How far ahead of this computer's clock rules may be issued. */
#define ISSUED_TOLERANCE G_TIME_SPAN_DAY

struct _RetractRulesStore
{
  GObject  parent_instance;

  char    *directory;
  char    *path;
  char    *previous_path;
  char    *signature_path;
  char    *previous_signature_path;
  char    *keys_path;
  char    *keys_signature_path;
  char    *etag_path;
};

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
static gboolean
check_own_file (const char *path,
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
static RetractKeyList *
key_list_at_rest (GBytes     *keys,
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
static RetractKeyList *
stored_key_list (RetractRulesStore *self,
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
  list = key_list_at_rest (keys, signature, error);
  if (list != NULL)
    return list;

  staged = retract_file_read (staged_path, RETRACT_MINISIGN_MAX_BYTES, NULL);
  if (staged == NULL)
    return NULL;
  list = key_list_at_rest (keys, staged, NULL);
  if (list != NULL)
    g_clear_error (error);
  return list;
}

/* The caller holds the folder's lock. Returns whether the file is gone from
 * its name (moved aside, or removed when it could not be). Its signature
 * goes with it. */
static gboolean
move_aside (RetractRulesStore *self)
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
static gboolean
verify_with (const char     *signature_path,
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

  if (!verify_with (signature_path, keys, bytes, error) &&
      (lstat (staged_path, &st) != 0 || !verify_with (staged_path, keys, bytes, NULL)))
    return NULL;

  g_clear_error (error);
  return retract_ruleset_new_downloaded_bytes (bytes, path, error);
}

/* The rules in use now: the downloaded ones when they verify against @keys,
 * load and are newer than @bundled, else @bundled. Nothing is moved or
 * changed. */
static RetractRuleset *
load_in_use (RetractRulesStore *self,
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
static RetractRuleset *
load_previous (RetractRulesStore *self,
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
static RetractRuleset *
promote_previous (RetractRulesStore *self,
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

static RetractRuleset *
load_bundled (void)
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
  bundled = load_bundled ();
  keys = retract_rules_store_load_key_list (self, NULL);

  /* Installs replace the file in one rename, so reading needs no lock. */
  active = load_in_use (self, bundled, keys, &error);
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
      active = load_in_use (self, bundled, keys, &error);
      if (active != NULL)
        return g_steal_pointer (&active);
      set_aside = move_aside (self);
    }

  /* The issue's fallback is the newest dataset that verifies: the previous
   * download when it does and is newer than the bundled rules. It becomes
   * the active one only when the bad file was set aside (under the lock);
   * otherwise it is used for this run and nothing is written. */
  previous = load_previous (self, bundled, keys);
  if (previous != NULL && set_aside)
    {
      g_autoptr(RetractRuleset) promoted = promote_previous (self, keys);

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
  if (!check_own_file (staged_path, error) ||
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

  offered = key_list_at_rest (keys, keys_signature, error);
  if (offered == NULL)
    return FALSE;

  stored = stored_key_list (self, NULL);
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
        staged_list = key_list_at_rest (keys_bytes, staged_bytes, NULL);
      if (staged_list == NULL || g_rename (staged_keys, self->keys_signature_path) != 0)
        retract_file_remove_ours (self->directory, STAGED_KEYS_SIGNATURE_NAME, NULL);
    }

  if (lstat (staged_rules, &st) == 0)
    {
      keys = retract_rules_store_load_key_list (self, NULL);
      rules = retract_file_read (self->path, RETRACT_RULESET_MAX_BYTES, NULL);
      if (rules == NULL || !verify_with (staged_rules, keys, rules, NULL) ||
          g_rename (staged_rules, self->signature_path) != 0)
        retract_file_remove_ours (self->directory, STAGED_SIGNATURE_FILE_NAME, NULL);
    }
}

/* The caller holds the folder's lock. The key list first (only when
 * newer), then the previous set, then the rules with their signature: a
 * crash at any point leaves active rules that their signature, in place or
 * staged, verifies. */
static gboolean
install_locked (RetractRulesStore *self,
                GBytes            *dataset,
                GBytes            *signature,
                GBytes            *keys,
                GBytes            *keys_signature,
                const char        *etag,
                GError           **error)
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
    if (!check_own_file (paths[i], error))
      return FALSE;

  settle_locked (self);
  if (!install_key_list_locked (self, keys, keys_signature, error))
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
  if (signature == NULL)
    {
      retract_file_remove_ours (self->directory, SIGNATURE_FILE_NAME, NULL);
      retract_file_remove_ours (self->directory, STAGED_SIGNATURE_FILE_NAME, NULL);
      if (!replace_or_remove (self, self->path, RULES_FILE_NAME, dataset, error))
        return FALSE;
    }
  else if (!replace_signed (self, self->path, dataset, self->signature_path, signature, error))
    {
      return FALSE;
    }

  /* A stale ETag would make the server answer "not modified" wrongly. */
  if (etag == NULL || !retract_file_replace_own (self->etag_path, etag, strlen (etag), NULL))
    retract_file_remove_ours (self->directory, ETAG_FILE_NAME, NULL);

  return TRUE;
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
  g_autoptr(RetractFolderLock) lock = NULL;

  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), FALSE);
  g_return_val_if_fail (dataset != NULL, FALSE);

  if (!retract_file_ensure_private_folder (self->directory, error))
    return FALSE;

  lock = retract_folder_lock (self->directory, error);
  if (lock == NULL)
    return FALSE;

  return install_locked (self, dataset, NULL, NULL, NULL, etag, error);
}

/**
 * retract_rules_store_install_signed:
 * @dataset: rules already verified by the caller
 * @signature: their rules.json.minisig
 * @keys: (nullable): the key list they were verified with, when published
 *   with them; stored only when newer than the stored one
 * @keys_signature: (nullable): its keys.json.minisig
 * @etag: (nullable): the server's ETag for @dataset
 *
 * Like retract_rules_store_install(), for a signed set: the rules, their
 * signature and the key list together, under the folder's lock, with the
 * rules in use kept as the previous set.
 */
gboolean
retract_rules_store_install_signed (RetractRulesStore *self,
                                    GBytes            *dataset,
                                    GBytes            *signature,
                                    GBytes            *keys,
                                    GBytes            *keys_signature,
                                    const char        *etag,
                                    GError           **error)
{
  g_autoptr(RetractFolderLock) lock = NULL;

  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), FALSE);
  g_return_val_if_fail (dataset != NULL, FALSE);
  g_return_val_if_fail (signature != NULL, FALSE);

  if (!retract_file_ensure_private_folder (self->directory, error))
    return FALSE;

  lock = retract_folder_lock (self->directory, error);
  if (lock == NULL)
    return FALSE;

  return install_locked (self, dataset, signature, keys, keys_signature, etag, error);
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
 * @dataset: rules already verified by the caller (retract_rules_store_verify())
 * @signature: their rules.json.minisig
 * @keys: (nullable): the key list published with them
 * @keys_signature: (nullable): its signature
 * @candidate: the rules @dataset holds
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
retract_rules_store_install_if_newer (RetractRulesStore         *self,
                                      GBytes                    *dataset,
                                      GBytes                    *signature,
                                      GBytes                    *keys,
                                      GBytes                    *keys_signature,
                                      RetractRuleset            *candidate,
                                      const char                *etag,
                                      RetractRulesInstallResult *result,
                                      GError                   **error)
{
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autoptr(RetractRuleset) bundled = NULL;
  g_autoptr(RetractRuleset) in_use = NULL;
  g_autoptr(RetractKeyList) stored_keys = NULL;
  int order;

  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), NULL);
  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (signature != NULL, NULL);
  g_return_val_if_fail (RETRACT_IS_RULESET (candidate), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  if (!retract_file_ensure_private_folder (self->directory, error))
    return NULL;

  lock = retract_folder_lock (self->directory, error);
  if (lock == NULL)
    return NULL;

  bundled = load_bundled ();
  stored_keys = retract_rules_store_load_key_list (self, NULL);
  /* A download that no longer verifies or loads is replaced like an older one. */
  in_use = load_in_use (self, bundled, stored_keys, NULL);
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

      *result = current != NULL && g_bytes_equal (current, dataset)
                ? RETRACT_RULES_INSTALL_SAME : RETRACT_RULES_INSTALL_CONFLICT;
      return g_steal_pointer (&in_use);
    }

  if (!install_locked (self, dataset, signature, keys, keys_signature, etag, error))
    return NULL;

  g_clear_object (&in_use);
  in_use = retract_ruleset_new_downloaded_bytes (dataset, self->path, error);
  if (in_use == NULL)
    return NULL;

  *result = RETRACT_RULES_INSTALL_DONE;
  return g_steal_pointer (&in_use);
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
  if (!check_own_file (self->path, error) || !check_own_file (self->previous_path, error))
    return FALSE;

  if (!check_own_file (self->signature_path, error) ||
      !check_own_file (self->previous_signature_path, error))
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
  bundled = key_list_at_rest (bundled_keys, bundled_signature, error);

  stored = stored_key_list (self, &stored_error);
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
 * @rules: rules.json as published
 * @rules_signature: (nullable): rules.json.minisig
 * @keys: (nullable): keys.json published with it; %NULL to use the stored list
 * @keys_signature: (nullable): keys.json.minisig
 * @now: the moment of the whole check, fixed once by the caller
 * @key_list: (out) (transfer full) (optional): the key list the rules were
 *   verified with: @keys when given, else the stored one
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
retract_rules_store_verify (RetractRulesStore    *self,
                            GBytes               *rules,
                            GBytes               *rules_signature,
                            GBytes               *keys,
                            GBytes               *keys_signature,
                            GDateTime            *now,
                            RetractKeyList      **key_list,
                            RetractUpdateProblem *problem,
                            GError              **error)
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
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (problem != NULL, NULL);

  *problem = RETRACT_UPDATE_PROBLEM_NONE;
  data = g_bytes_get_data (rules, &size);
  if (size > RETRACT_RULESET_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size (RETRACT_RULESET_MAX_BYTES);

      refuse (problem, RETRACT_UPDATE_PROBLEM_NOT_RULES, error,
              _("The rules are larger than %s"), limit);
      return NULL;
    }

  if (rules_signature == NULL)
    {
      refuse (problem, RETRACT_UPDATE_PROBLEM_UNSIGNED, error,
              _("The rules are not signed: rules.json.minisig is missing"));
      return NULL;
    }

  /* 3. The signatures, strictly, before anything is trusted or parsed. */
  signature = retract_minisign_signature_new_from_bytes (rules_signature, "rules.json.minisig",
                                                         &local_error);
  if (signature == NULL)
    {
      *problem = RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* 4. The published key list, never worked around when broken. */
  stored = retract_rules_store_load_key_list (self, NULL);
  if (keys != NULL || keys_signature != NULL)
    {
      if (keys == NULL || keys_signature == NULL)
        {
          refuse (problem, RETRACT_UPDATE_PROBLEM_BAD_KEY_LIST, error,
                  _("keys.json and keys.json.minisig are published together; one is missing"));
          return NULL;
        }
      list = retract_key_list_new_verified (keys, keys_signature, retract_trust_get_roots (),
                                            now,
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
  candidate = retract_ruleset_new_from_bytes (rules, "rules.json", &local_error);
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
