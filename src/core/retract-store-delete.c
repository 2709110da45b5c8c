/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Deleting from the case library (see retract-store.c): one case, with its
 * index entry, under the lock; or everything saved, the cases, the files set
 * aside and the single case.json of before, only what is ours by name. */

#define G_LOG_DOMAIN "retract-store"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "retract-error.h"
#include "retract-file.h"
#include "retract-file-private.h"
#include "retract-store-private.h"

/**
 * retract_store_delete_case:
 *
 * Deletes the case @id: its saves still queued here are dropped, and a
 * process that had it open cannot write it back.
 */
gboolean
retract_store_delete_case (RetractStore *self,
                           const char   *id,
                           GError      **error)
{
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  struct stat st;

  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!retract_case_id_is_valid (id))
    {
      _retract_store_set_not_found_error (error, "");
      return FALSE;
    }

  _retract_store_drop_pending_and_wait (self, id);
  if (!_retract_store_migrate (self, NULL, NULL, error))
    return FALSE;

  name = g_strconcat (id, CASE_SUFFIX, NULL);
  path = g_build_filename (self->cases_directory, name, NULL);
  if (lstat (path, &st) != 0)
    {
      _retract_store_set_not_found_error (error, id);
      return FALSE;
    }

  lock = retract_folder_lock (self->directory, error);
  if (lock == NULL)
    return FALSE;

  /* A link is not ours: it goes, never the file it points to. */
  if (S_ISLNK (st.st_mode))
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          retract_file_remove_ours (self->cases_directory, name, error);
          return FALSE;
        }
      _retract_store_index_forget (self, name);
      return TRUE;
    }

  if (!retract_file_remove_ours (self->cases_directory, name, error))
    return FALSE;
  _retract_store_index_forget (self, name);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = retract_file_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("Could not delete a saved file: %s is still there"), display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_case_name (const char *name)
{
  char id[RETRACT_CASE_ID_LENGTH + 1];

  return g_str_equal (name, LEGACY_FILE_NAME) || _retract_store_is_case_file_name (name, id);
}

/* Removes from @directory the files @is_ours names (links themselves, never
 * what they point to); FALSE with @error at the first that stays. */
static gboolean
remove_matching (const char  *directory,
                 gboolean   (*is_ours) (const char *name),
                 GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) remove_error = NULL;

      if (!is_ours (name))
        continue;

      path = g_build_filename (directory, name, NULL);
      /* A link named like a case would load the case it points to: the link
       * goes, its target stays. Other links are not ours and stay. */
      if (is_case_name (name) && g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          g_unlink (path);
          continue;
        }

      if (!retract_file_remove_ours (directory, name, &remove_error))
        {
          g_set_error (error, remove_error->domain, remove_error->code,
                       _("Could not delete a saved file: %s"), remove_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_legacy_name (const char *name)
{
  return g_str_equal (name, LEGACY_FILE_NAME) ||
         retract_file_is_aside_name (name, LEGACY_ASIDE_PREFIX) ||
         retract_file_is_temporary_name (name, LEGACY_FILE_NAME);
}

static gboolean
is_cases_name (const char *name)
{
  char id[RETRACT_CASE_ID_LENGTH + 1];

  return _retract_store_is_case_file_name (name, id) || g_str_equal (name, INDEX_FILE_NAME) ||
         _retract_store_is_damaged_name (name) || _retract_store_is_our_temporary_name (name);
}

/* Whether a case still loads from the folder: any file or link named like one. */
static char *
find_remaining_case (RetractStore *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->cases_directory, 0, NULL);
  const char *name;

  if (g_file_test (self->legacy_path, G_FILE_TEST_EXISTS) ||
      g_file_test (self->legacy_path, G_FILE_TEST_IS_SYMLINK))
    return g_strdup (self->legacy_path);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      char id[RETRACT_CASE_ID_LENGTH + 1];

      if (_retract_store_is_case_file_name (name, id))
        return g_build_filename (self->cases_directory, name, NULL);
    }

  return NULL;
}

/**
 * retract_store_delete_all:
 *
 * Deletes every saved case, every copy moved aside, the index and the
 * leftovers of killed saves: only files the app wrote, by their exact names.
 * Missing files are fine; a user's own files in the folder stay. A link
 * named like a case is removed itself, never the file it points to. Success
 * means no case loads from the folder any more; otherwise the error names
 * what is left.
 */
gboolean
retract_store_delete_all (RetractStore *self,
                          GError      **error)
{
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autofree char *remaining = NULL;

  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);

  /* A save still queued or under way would write a case back. */
  _retract_store_drop_pending_and_wait (self, NULL);

  if (!g_file_test (self->directory, G_FILE_TEST_IS_DIR))
    return TRUE;

  lock = retract_folder_lock (self->directory, error);
  if (lock == NULL)
    return FALSE;

  if (!remove_matching (self->directory, is_legacy_name, error) ||
      !remove_matching (self->cases_directory, is_cases_name, error))
    return FALSE;
  /* Empty now unless the user keeps something there. */
  g_rmdir (self->cases_directory);

  /* Never "deleted" while a case still loads (a file of another user, a
   * link that could not be removed). */
  remaining = find_remaining_case (self);
  if (remaining != NULL)
    {
      g_autofree char *display = retract_file_display_name (remaining);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("Could not delete a saved file: %s is still there"), display);
      return FALSE;
    }

  return TRUE;
}
