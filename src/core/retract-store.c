/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The case library: one file per case, `cases/<id>.json` in the data folder,
 * each written atomically with mode 0600, never through a link, under the
 * data folder's lock (see retract-file.c). The file name is the case's random
 * id, so no name carries personal data.
 *
 * Several processes (the app, retract-cli) may work on one case at once. A
 * file carries a revision, +1 on every save. A save reads the file again
 * under the lock first: if another process saved since this one loaded the
 * case, the two timelines are merged (an event is never lost); if another
 * process deleted it, it is not written back (RETRACT_STORE_ERROR_DELETED).
 *
 * Listing must not read every narrative: `cases/index.json` keeps, for each
 * case file, its size, modification time and inode, and the case's light
 * copy (retract-case-file.c, _retract_case_new_light()). A file whose three
 * match is listed from the index; any other is read, and the index rewritten.
 * The index is only a cache: a damaged one is ignored and rebuilt.
 *
 * A file that no longer loads is moved aside, never deleted, and reported;
 * the others still load. The single `case.json` of before is migrated on
 * every entry point (retract_store_migrate()).
 *
 * Autosave writes in a worker thread (retract_store_save_case_async()), as
 * GNOME Text Editor's session does: the case is turned into text on the
 * caller's thread, the durable write happens off it. One write runs at a
 * time; a save of a case asked for while an earlier one of the same case
 * waits replaces it, so the newest state is written last.
 *
 * This file holds the object, the names of its files and loading; deleting
 * is in retract-store-delete.c, listing and the index in
 * retract-store-index.c, saving in
 * retract-store-save.c, the migration, import and export in
 * retract-store-transfer.c (they share retract-store-private.h). */


#define G_LOG_DOMAIN "retract-store"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "retract-case-private.h"
#include "retract-error.h"
#include "retract-file.h"
#include "retract-file-private.h"
#include "retract-store-private.h"
#include "retract-time.h"

G_DEFINE_QUARK (retract-store-error-quark, retract_store_error)

G_DEFINE_FINAL_TYPE (RetractStore, retract_store, G_TYPE_OBJECT)

void
retract_store_problem_free (RetractStoreProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->file_name);
  g_free (problem->moved_to);
  g_clear_error (&problem->error);
  g_free (problem);
}

static void
retract_store_finalize (GObject *object)
{
  RetractStore *self = (RetractStore *)object;

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->cases_directory, g_free);
  g_clear_pointer (&self->legacy_path, g_free);
  g_clear_pointer (&self->index_path, g_free);
  g_queue_clear_full (&self->queue, _retract_store_save_job_free);
  g_clear_pointer (&self->written, g_hash_table_unref);
  g_clear_pointer (&self->listed, g_hash_table_unref);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->idle);

  G_OBJECT_CLASS (retract_store_parent_class)->finalize (object);
}

static void
retract_store_class_init (RetractStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = retract_store_finalize;
}

static void
retract_store_init (RetractStore *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->idle);
  g_queue_init (&self->queue);
  self->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * retract_store_new:
 * @directory: the data folder; `cases/` in it is created (0700) on first save
 *
 * Returns: (transfer full): a store
 */
RetractStore *
retract_store_new (const char *directory)
{
  RetractStore *self;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (RETRACT_TYPE_STORE, NULL);
  self->directory = g_strdup (directory);
  self->cases_directory = g_build_filename (directory, CASES_FOLDER, NULL);
  self->legacy_path = g_build_filename (directory, LEGACY_FILE_NAME, NULL);
  self->index_path = g_build_filename (self->cases_directory, INDEX_FILE_NAME, NULL);

  return self;
}

/**
 * retract_store_new_default:
 *
 * Returns: (transfer full): the store under `$XDG_DATA_HOME/io.github.retractapp.Retract`
 */
RetractStore *
retract_store_new_default (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);

  return retract_store_new (directory);
}

const char *
retract_store_get_directory (RetractStore *self)
{
  g_return_val_if_fail (RETRACT_IS_STORE (self), NULL);
  return self->directory;
}

/**
 * retract_store_dup_case_path:
 *
 * Returns: (transfer full): where the case @id is kept, whether it exists or not
 */
char *
retract_store_dup_case_path (RetractStore *self,
                             const char   *id)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (RETRACT_IS_STORE (self), NULL);
  g_return_val_if_fail (retract_case_id_is_valid (id), NULL);

  name = g_strconcat (id, CASE_SUFFIX, NULL);
  return g_build_filename (self->cases_directory, name, NULL);
}

/* Test hook: how many case files listings have read (not taken from the index). */
guint
retract_store_get_n_case_reads (RetractStore *self)
{
  g_return_val_if_fail (RETRACT_IS_STORE (self), 0);
  return g_atomic_int_get (&self->n_case_reads);
}

/* Test hook: how many times the cases folder was read for leftovers. */
guint
retract_store_get_n_scans (RetractStore *self)
{
  g_return_val_if_fail (RETRACT_IS_STORE (self), 0);
  return g_atomic_int_get (&self->n_scans);
}

/* `<id>.json`; the id is returned in @id (33 bytes). */
gboolean
_retract_store_is_case_file_name (const char *name,
                                  char        id[RETRACT_CASE_ID_LENGTH + 1])
{
  if (strlen (name) != RETRACT_CASE_ID_LENGTH + strlen (CASE_SUFFIX) ||
      !g_str_has_suffix (name, CASE_SUFFIX))
    return FALSE;

  memcpy (id, name, RETRACT_CASE_ID_LENGTH);
  id[RETRACT_CASE_ID_LENGTH] = '\0';
  return retract_case_id_is_valid (id);
}

/* What retract_file_replace() names its temporary file for one of our files
 * in cases/: a case file or the index. */
gboolean
_retract_store_is_our_temporary_name (const char *name)
{
  char id[RETRACT_CASE_ID_LENGTH + 1];
  const char *infix;
  g_autofree char *base = NULL;

  if (name[0] != '.' || (infix = strstr (name, RETRACT_FILE_TEMP_INFIX)) == NULL)
    return FALSE;

  base = g_strndup (name + 1, (gsize) (infix - name - 1));
  return (g_str_equal (base, INDEX_FILE_NAME) || _retract_store_is_case_file_name (base, id)) &&
         retract_file_is_temporary_name (name, base);
}

gboolean
_retract_store_is_damaged_name (const char *name)
{
  char id[RETRACT_CASE_ID_LENGTH + 1];
  const char *infix = strstr (name, DAMAGED_INFIX);
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;

  if (infix == NULL)
    return FALSE;

  base = g_strndup (name, (gsize) (infix - name));
  prefix = g_strconcat (base, DAMAGED_INFIX, NULL);
  return _retract_store_is_case_file_name (base, id) && retract_file_is_aside_name (name, prefix);
}

static gint64
mtime_ns (const struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

/* Whether cases/ is as a scan that found no leftover saw it: a file
 * created or removed there since changed its modification time. */
static gboolean
is_known_tidy (RetractStore      *self,
               const struct stat *st)
{
  gboolean tidy;

  g_mutex_lock (&self->mutex);
  tidy = self->tidy && self->tidy_inode == (guint64) st->st_ino &&
         self->tidy_mtime_ns == mtime_ns (st);
  g_mutex_unlock (&self->mutex);
  return tidy;
}

/* A scan that began @scanned_at (real time, µs) found no leftover in cases/
 * as @st saw it. Not believed when the folder changed within the second
 * before: a file created in the same tick of the file system's clock would
 * leave the same time. */
static void
note_tidy (RetractStore      *self,
           const struct stat *st,
           gint64             scanned_at)
{
  g_mutex_lock (&self->mutex);
  self->tidy = scanned_at * 1000 - mtime_ns (st) > 1000000000;
  self->tidy_inode = (guint64) st->st_ino;
  self->tidy_mtime_ns = mtime_ns (st);
  g_mutex_unlock (&self->mutex);
}

/* The temporary files that killed writes left in cases/. The caller holds
 * the lock when @locked, so none belongs to a live writer; otherwise the
 * lock is taken only when there is something to remove, and the folder is
 * read only when it changed since a scan found it clean: opening a case
 * does not read a folder of 1 000 names each time (issue 16). */
void
_retract_store_remove_leftovers (RetractStore *self,
                                 gboolean      locked)
{
  static const char * const legacy_bases[] = { LEGACY_FILE_NAME, NULL };
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RetractFolderLock) lock = NULL;
  const char *name;
  struct stat st;
  gboolean have_stat;
  gint64 scanned_at;

  /* Those of the single case.json of before, too. */
  if (locked)
    retract_file_remove_leftovers (self->directory, legacy_bases);
  else
    retract_file_tidy_folder (self->directory, legacy_bases);

  have_stat = stat (self->cases_directory, &st) == 0;
  if (!locked && have_stat && is_known_tidy (self, &st))
    return;

  scanned_at = g_get_real_time ();
  g_atomic_int_inc (&self->n_scans);
  dir = g_dir_open (self->cases_directory, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (_retract_store_is_our_temporary_name (name))
      g_ptr_array_add (found, g_strdup (name));

  if (found->len == 0)
    {
      if (have_stat)
        note_tidy (self, &st, scanned_at);
      return;
    }
  if (!locked && (lock = retract_folder_lock (self->directory, NULL)) == NULL)
    return;

  for (guint i = 0; i < found->len; i++)
    retract_file_remove_ours (self->cases_directory, g_ptr_array_index (found, i), NULL);
}

gboolean
_retract_store_ensure_folders (RetractStore *self,
                               GError      **error)
{
  return retract_file_ensure_private_folder (self->directory, error) &&
         retract_file_ensure_private_folder (self->cases_directory, error);
}

void
_retract_store_set_not_found_error (GError    **error,
                                    const char *id)
{
  g_set_error (error, RETRACT_STORE_ERROR, RETRACT_STORE_ERROR_NOT_FOUND,
               /* Translators: %s is a case id (32 hexadecimal digits) */
               _("There is no saved case with the id “%s”"), id);
}

/* Moves an unreadable file aside in its folder. The caller holds the lock.
 * Returns: (transfer full) (nullable): the new name */
char *
_retract_store_set_aside (const char *path,
                          const char *prefix,
                          GError    **error)
{
  g_autofree char *moved = retract_file_move_aside (path, prefix, error);

  return moved != NULL ? g_path_get_basename (moved) : NULL;
}

RetractStoreProblem *
_retract_store_problem_new (const char *file_name,
                            char       *moved_to,
                            GError     *error)
{
  RetractStoreProblem *problem = g_new0 (RetractStoreProblem, 1);

  problem->file_name = g_strdup (file_name);
  problem->moved_to = moved_to;
  problem->error = error;
  return problem;
}

/* Reads the case file @name of cases/ (its id in @id); one that does not load
 * is moved aside under the lock, after a second look (another process may
 * have just replaced it), and described in @problem. */
RetractCase *
_retract_store_read_case_file (RetractStore         *self,
                               const char           *name,
                               const char           *id,
                               RetractStoreProblem **problem,
                               GError              **error)
{
  g_autofree char *path = g_build_filename (self->cases_directory, name, NULL);
  g_autofree char *prefix = g_strconcat (name, DAMAGED_INFIX, NULL);
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autoptr(GError) move_error = NULL;
  RetractCase *kase;
  char *moved_to;

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_clear_error (&load_error);
      kase = retract_case_new_from_file (path, &load_error);
      if (kase != NULL && g_strcmp0 (retract_case_get_id (kase), id) != 0)
        {
          g_autofree char *display = retract_file_display_name (path);

          g_clear_object (&kase);
          g_set_error (&load_error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE,
                       /* Translators: %s is a file name */
                       _("%s: $.id: the id is not the file's name"), display);
        }
      if (kase != NULL)
        return kase;

      /* Gone meanwhile (deleted by another process): nothing to set aside. */
      if (g_error_matches (load_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_propagate_error (error, g_steal_pointer (&load_error));
          return NULL;
        }

      if (attempt == 0 && (lock = retract_folder_lock (self->directory, &move_error)) == NULL)
        break;
    }

  moved_to = lock != NULL ? _retract_store_set_aside (path, prefix, &move_error) : NULL;
  if (moved_to == NULL)
    g_debug ("Could not set %s aside: %s", name, move_error->message);
  if (problem != NULL)
    *problem = _retract_store_problem_new (name, moved_to, g_error_copy (load_error));
  else
    g_free (moved_to);
  g_propagate_error (error, g_steal_pointer (&load_error));
  return NULL;
}

/**
 * retract_store_load_case:
 *
 * Reads the whole case @id. A file that does not load is moved aside (the
 * error says why it was refused); the case is then not found any more.
 *
 * Returns: (transfer full) (nullable): the case
 */
RetractCase *
retract_store_load_case (RetractStore *self,
                         const char   *id,
                         GError      **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) read_error = NULL;
  RetractStoreProblem *problem = NULL;
  RetractCase *kase;
  struct stat st;

  g_return_val_if_fail (RETRACT_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!_retract_store_migrate (self, NULL, NULL, error))
    return NULL;

  if (!retract_case_id_is_valid (id))
    {
      _retract_store_set_not_found_error (error, "");
      return NULL;
    }

  _retract_store_remove_leftovers (self, FALSE);
  name = g_strconcat (id, CASE_SUFFIX, NULL);
  path = g_build_filename (self->cases_directory, name, NULL);
  if (lstat (path, &st) != 0)
    {
      _retract_store_set_not_found_error (error, id);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      retract_file_set_not_regular_error (error, path);
      return NULL;
    }

  kase = _retract_store_read_case_file (self, name, id, &problem, &read_error);
  if (kase == NULL && g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    _retract_store_set_not_found_error (error, id);
  else if (kase == NULL && problem != NULL && problem->moved_to != NULL)
    /* Translators: the first %s says why the file was refused, the second is
     * the name it was moved to */
    g_set_error (error, read_error->domain, read_error->code,
                 _("%s (the file was set aside as %s; the other cases are not affected)"),
                 read_error->message, problem->moved_to);
  else if (kase == NULL)
    g_propagate_error (error, g_steal_pointer (&read_error));
  g_clear_pointer (&problem, retract_store_problem_free);
  return kase;
}

/**
 * retract_store_find_latest:
 * @cases: (element-type RetractCase): cases as retract_store_list_cases() gives them
 *
 * The app's "Continue": the open case (not done nor abandoned) saved last.
 *
 * Returns: (transfer none) (nullable): that case of @cases, or %NULL
 */
RetractCase *
retract_store_find_latest (GPtrArray *cases)
{
  RetractCase *latest = NULL;

  g_return_val_if_fail (cases != NULL, NULL);

  for (guint i = 0; i < cases->len; i++)
    {
      RetractCase *kase = g_ptr_array_index (cases, i);
      int order;

      if (retract_case_get_ending (kase, NULL) != RETRACT_CASE_OPEN)
        continue;
      if (latest == NULL)
        {
          latest = kase;
          continue;
        }

      /* Ties (the same second) go to the one started last, then by id. */
      order = g_date_time_compare (kase->updated_at, latest->updated_at);
      if (order == 0)
        order = g_date_time_compare (kase->created_at, latest->created_at);
      if (order == 0)
        order = strcmp (kase->id, latest->id);
      if (order > 0)
        latest = kase;
    }

  return latest;
}

/**
 * retract_store_dup_latest_id:
 *
 * The app's "Continue": the open case (not done nor abandoned) saved last.
 *
 * Returns: (transfer full) (nullable): its id; %NULL if there is none (or on
 *   error)
 */
char *
retract_store_dup_latest_id (RetractStore *self,
                             GError      **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  RetractCase *latest;

  g_return_val_if_fail (RETRACT_IS_STORE (self), NULL);

  cases = retract_store_list_cases (self, NULL, error);
  if (cases == NULL)
    return NULL;

  latest = retract_store_find_latest (cases);
  return latest != NULL ? g_strdup (latest->id) : NULL;
}
