/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Case files coming into and going out of the library (see
 * retract-store.c): the migration of the single case.json of format 1,
 * import of a case file the user chose, export of a saved case. */

#define G_LOG_DOMAIN "retract-store"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "retract-case-private.h"
#include "retract-error.h"
#include "retract-file.h"
#include "retract-file-private.h"
#include "retract-store-private.h"
#include "retract-time.h"

/* The first 128 bits of the SHA-256 of @bytes, as an id: migrating the same
 * case.json twice (a crash before it was removed) writes the same file. */
static char *
id_from_bytes (GBytes *bytes)
{
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  return g_strndup (digest, RETRACT_CASE_ID_LENGTH);
}

/* The case in @path; one of format 1 (the single case.json of before) gets
 * its migrated identity: the id from the file's bytes, so that migrating or
 * importing it twice gives the same case, started (and last changed) when
 * the file was last written. */
static RetractCase *
read_case_migrating (const char *path,
                     GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autofree char *id = NULL;
  GStatBuf st;

  bytes = retract_file_read (path, RETRACT_CASE_MAX_BYTES, error);
  if (bytes == NULL)
    return NULL;

  kase = retract_case_new_from_bytes (bytes, path, error);
  if (kase == NULL)
    return NULL;

  if (kase->loaded_format == 1)
    {
      id = id_from_bytes (bytes);
      if (g_stat (path, &st) == 0)
        modified = g_date_time_new_from_unix_utc (st.st_mtime);
      _retract_case_set_identity (kase, id, modified);
      g_clear_pointer (&kase->updated_at, g_date_time_unref);
      kase->updated_at = g_date_time_ref (kase->created_at);
    }

  /* In the library a case has been saved at least once: a process that
   * opens it and later finds its file gone knows it was deleted, and does
   * not write it back (retract-store-save.c). */
  kase->revision = MAX (kase->revision, 1);

  return g_steal_pointer (&kase);
}

/* retract_store_migrate(), with an unreadable case.json moved aside and
 * described in @problem rather than failing. */
gboolean
_retract_store_migrate (RetractStore         *self,
                        char                **migrated_id,
                        RetractStoreProblem **problem,
                        GError              **error)
{
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *text = NULL;
  struct stat st;

  if (migrated_id != NULL)
    *migrated_id = NULL;

  /* The common case costs one lstat(). A link is not ours: never followed. */
  if (lstat (self->legacy_path, &st) != 0 || !S_ISREG (st.st_mode))
    return TRUE;

  if (!_retract_store_ensure_folders (self, error) ||
      (lock = retract_folder_lock (self->directory, error)) == NULL)
    return FALSE;
  if (lstat (self->legacy_path, &st) != 0 || !S_ISREG (st.st_mode))
    return TRUE;

  kase = read_case_migrating (self->legacy_path, &load_error);
  if (kase == NULL)
    {
      g_autoptr(GError) move_error = NULL;
      char *moved_to = _retract_store_set_aside (self->legacy_path, LEGACY_ASIDE_PREFIX, &move_error);

      if (moved_to == NULL)
        g_debug ("Could not set case.json aside: %s", move_error->message);
      if (problem != NULL)
        *problem = _retract_store_problem_new (LEGACY_FILE_NAME, moved_to, g_steal_pointer (&load_error));
      else
        g_free (moved_to);
      return TRUE;
    }

  /* Already written by a run that died before removing case.json: the file
   * there may have been changed since, so it stays as it is. */
  target = retract_store_dup_case_path (self, retract_case_get_id (kase));
  if (!g_file_test (target, G_FILE_TEST_EXISTS))
    {
      text = retract_case_to_json (kase);
      /* Durable (fsync, then the folder) before the old file goes. */
      if (!retract_file_replace_own (target, text, strlen (text), error))
        return FALSE;
    }

  if (!retract_file_remove_ours (self->directory, LEGACY_FILE_NAME, error))
    return FALSE;

  if (migrated_id != NULL)
    *migrated_id = g_strdup (retract_case_get_id (kase));
  return TRUE;
}

/**
 * retract_store_migrate:
 * @migrated_id: (out) (optional) (nullable): the migrated case's id; %NULL
 *   when there was nothing to migrate
 * @problem: (out) (optional) (nullable): an unreadable case.json, moved
 *   aside; without @problem it is the error instead
 *
 * Turns the single `case.json` of format 1 into `cases/<id>.json`, the id
 * derived from its bytes, and removes it once the new file is durable. A
 * crash in between leaves case.json, migrated again to the same file next
 * time. An unreadable case.json is moved aside, as it always was, and the
 * other cases are not held up by it. Every other entry point migrates first.
 */
gboolean
retract_store_migrate (RetractStore         *self,
                       char                **migrated_id,
                       RetractStoreProblem **problem,
                       GError              **error)
{
  g_autoptr(RetractStoreProblem) found = NULL;

  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);

  if (problem != NULL)
    *problem = NULL;
  if (!_retract_store_migrate (self, migrated_id, &found, error))
    return FALSE;
  if (found != NULL && problem != NULL)
    *problem = g_steal_pointer (&found);
  else if (found != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&found->error));
      return FALSE;
    }
  return TRUE;
}

/**
 * retract_store_import_case:
 * @path: a case file of format 1 or 2 the user chose
 * @id: (out) (optional): the imported case's id
 *
 * Adds the case in @path to the library. A file of format 1 gets the id
 * its migration would give it (from its bytes): imported twice, it is one
 * case. A case with the same id already saved is refused
 * (RETRACT_STORE_ERROR_EXISTS) unless it is the same case.
 */
gboolean
retract_store_import_case (RetractStore *self,
                           const char   *path,
                           char        **id,
                           GError      **error)
{
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(RetractCase) existing = NULL;
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autofree char *target = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (id != NULL)
    *id = NULL;

  kase = read_case_migrating (path, error);
  if (kase == NULL || !_retract_store_migrate (self, NULL, NULL, error) || !_retract_store_ensure_folders (self, error))
    return FALSE;

  lock = retract_folder_lock (self->directory, error);
  if (lock == NULL)
    return FALSE;

  target = retract_store_dup_case_path (self, retract_case_get_id (kase));
  text = retract_case_to_json (kase);
  if (g_file_test (target, G_FILE_TEST_EXISTS) || g_file_test (target, G_FILE_TEST_IS_SYMLINK))
    {
      g_autofree char *existing_text = NULL;

      existing = retract_case_new_from_file (target, NULL);
      existing_text = existing != NULL ? retract_case_to_json (existing) : NULL;
      if (g_strcmp0 (existing_text, text) != 0)
        {
          g_set_error (error, RETRACT_STORE_ERROR, RETRACT_STORE_ERROR_EXISTS,
                       /* Translators: %s is a case id (32 hexadecimal digits) */
                       _("A different case with the id “%s” is already saved"),
                       retract_case_get_id (kase));
          return FALSE;
        }
    }
  else if (!retract_file_replace_own (target, text, strlen (text), error))
    return FALSE;

  if (id != NULL)
    *id = g_strdup (retract_case_get_id (kase));
  return TRUE;
}

/**
 * retract_store_export_case:
 * @path: where the user wants the case file
 *
 * Writes the case @id to @path as a case file of the current format:
 * atomically, mode 0600, and never through a link.
 */
gboolean
retract_store_export_case (RetractStore *self,
                           const char   *id,
                           const char   *path,
                           GError      **error)
{
  g_autoptr(RetractCase) kase = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && path != NULL, FALSE);

  kase = retract_store_load_case (self, id, error);
  if (kase == NULL)
    return FALSE;

  text = retract_case_to_json (kase);
  return retract_file_replace_own (path, text, strlen (text), error);
}
