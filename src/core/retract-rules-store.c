/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Where downloaded rules live: the active file, the one it replaced (for
 * rollback) and the ETag of the download. The app always uses the newest
 * valid of (bundled, downloaded); a downloaded file that no longer validates
 * is moved aside, never deleted, and the bundled rules take over. Installs
 * and reverts hold the data folder's lock (see retract-file.c), and an
 * update compares versions under it, so the newest always wins. */

#define G_LOG_DOMAIN "retract-rules-store"

#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "retract-core-resources.h"
#include "retract-file.h"
#include "retract-rules-store.h"

#define RULES_FILE_NAME    "rules.json"
#define PREVIOUS_FILE_NAME "rules.json.previous"
#define ETAG_FILE_NAME     "rules.etag"
#define REJECTED_PREFIX    "rules.json.rejected-"

struct _RetractRulesStore
{
  GObject  parent_instance;

  char    *directory;
  char    *path;
  char    *previous_path;
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
  RULES_FILE_NAME, PREVIOUS_FILE_NAME, ETAG_FILE_NAME, NULL
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

/* The caller holds the folder's lock. Returns whether the file is gone from
 * its name (moved aside, or removed when it could not be). */
static gboolean
move_aside (RetractRulesStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  struct stat st;

  /* Renamed, never copied nor followed: a FIFO or a link moves as itself; a
   * folder cannot be, and stays. */
  aside = retract_file_move_aside (self->path, REJECTED_PREFIX, &error);
  if (aside == NULL)
    {
      g_debug ("Could not set the downloaded rules aside: %s", error->message);
      retract_file_remove_ours (self->directory, RULES_FILE_NAME, NULL);
    }

  return lstat (self->path, &st) != 0;
}

/* The rules in use now: the downloaded ones when they load and are newer
 * than @bundled, else @bundled. Nothing is moved or changed. */
static RetractRuleset *
load_in_use (RetractRulesStore *self,
             RetractRuleset    *bundled,
             GError           **error)
{
  g_autoptr(RetractRuleset) downloaded = NULL;
  struct stat st;

  if (lstat (self->path, &st) != 0)
    return g_object_ref (bundled);

  downloaded = retract_ruleset_new_downloaded (self->path, error);
  if (downloaded == NULL)
    return NULL;

  /* An app update may bring rules newer than an old download. */
  if (retract_ruleset_compare_versions (retract_ruleset_get_version (downloaded),
                                        retract_ruleset_get_version (bundled)) <= 0)
    return g_object_ref (bundled);

  return g_steal_pointer (&downloaded);
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
 *   know happened, such as a downloaded dataset that no longer validates
 *
 * Returns: (transfer full): the newest valid rules: downloaded when it is
 *   newer than the bundled ones, the bundled ones otherwise
 */
RetractRuleset *
retract_rules_store_load_active (RetractRulesStore *self,
                                 char             **notice)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) bundled = NULL;
  g_autoptr(RetractRuleset) active = NULL;
  g_autoptr(RetractFolderLock) lock = NULL;
  gboolean set_aside = FALSE;

  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), NULL);

  if (notice != NULL)
    *notice = NULL;

  retract_file_tidy_folder (self->directory, written_files);
  bundled = load_bundled ();

  /* Installs replace the file in one rename, so reading needs no lock. */
  active = load_in_use (self, bundled, &error);
  if (active != NULL)
    return g_steal_pointer (&active);

  /* Set it aside only if it is still the same bad file: look again under
   * the lock, after any install in progress. */
  lock = retract_folder_lock (self->directory, NULL);
  if (lock != NULL)
    {
      g_clear_error (&error);
      active = load_in_use (self, bundled, &error);
      if (active != NULL)
        return g_steal_pointer (&active);
      set_aside = move_aside (self);
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

/* The caller holds the folder's lock. */
static gboolean
install_locked (RetractRulesStore *self,
                GBytes            *dataset,
                const char        *etag,
                GError           **error)
{
  g_autoptr(GBytes) current = NULL;
  gsize length;
  const char *data;

  /* Our own files only: nothing is read or written through a link, and
   * what is not ours is named and left as it is. */
  if (!check_own_file (self->path, error) || !check_own_file (self->previous_path, error))
    return FALSE;

  current = retract_file_read (self->path, RETRACT_RULESET_MAX_BYTES * 2, NULL);
  if (current != NULL)
    {
      data = g_bytes_get_data (current, &length);
      if (!retract_file_replace_own (self->previous_path, data, length, error))
        return FALSE;
    }

  data = g_bytes_get_data (dataset, &length);
  if (!retract_file_replace_own (self->path, data, length, error))
    return FALSE;

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

  return install_locked (self, dataset, etag, error);
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
 * @dataset: a dataset already validated by the caller
 * @candidate: the rules @dataset holds
 * @etag: (nullable): the server's ETag for it
 * @result: (out): what happened
 *
 * Under the folder's lock, compares @candidate with the rules in use at
 * this moment (another process may have installed newer ones since this one
 * started) and installs @dataset only when it is newer. So concurrent
 * updates are serialised and the newest always wins.
 *
 * Returns: (transfer full) (nullable): the rules in use afterwards; %NULL
 *   with @error set when the folder or a file could not be read or written
 */
RetractRuleset *
retract_rules_store_install_if_newer (RetractRulesStore         *self,
                                      GBytes                    *dataset,
                                      RetractRuleset            *candidate,
                                      const char                *etag,
                                      RetractRulesInstallResult *result,
                                      GError                   **error)
{
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autoptr(RetractRuleset) bundled = NULL;
  g_autoptr(RetractRuleset) in_use = NULL;
  int order;

  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), NULL);
  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (RETRACT_IS_RULESET (candidate), NULL);
  g_return_val_if_fail (result != NULL, NULL);

  if (!retract_file_ensure_private_folder (self->directory, error))
    return NULL;

  lock = retract_folder_lock (self->directory, error);
  if (lock == NULL)
    return NULL;

  bundled = load_bundled ();
  /* A download that no longer loads is replaced like an older one. */
  in_use = load_in_use (self, bundled, NULL);
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

  if (!install_locked (self, dataset, etag, error))
    return NULL;

  g_clear_object (&in_use);
  in_use = retract_ruleset_new_downloaded (self->path, error);
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
