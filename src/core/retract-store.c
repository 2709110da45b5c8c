/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Where the case in progress is kept between launches: one file, written
 * atomically with mode 0600 in a 0700 directory, under the folder's lock
 * (see retract-file.c). A file that no longer loads is moved aside, never
 * deleted, so nothing the user typed is lost. Only files the app wrote are
 * ever removed, by their exact names: a user's case.json.backup stays.
 *
 * Autosave writes in a worker thread (retract_store_save_case_async()), as
 * GNOME Text Editor's session does: the case is turned into text on the
 * caller's thread, the durable write happens off it. One write runs at a
 * time; a save asked for meanwhile replaces the one waiting, so the newest
 * state is written last and an older one never lands after it. */

#define G_LOG_DOMAIN "retract-store"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "retract-error.h"
#include "retract-file.h"
#include "retract-store.h"

#define CASE_FILE_NAME "case.json"
#define MOVED_ASIDE_PREFIX "case.json.unreadable-"

struct _RetractStore
{
  GObject  parent_instance;

  char    *directory;
  char    *case_path;

  /* Shared with the writing thread. */
  GMutex   mutex;
  GCond    idle;
  char    *pending;    /* the newest text not yet taken by the writer */
  gboolean writing;    /* a writer thread is running */

  /* Caller's thread only: the callers the running writer will answer. */
  GPtrArray *waiting;
};

G_DEFINE_FINAL_TYPE (RetractStore, retract_store, G_TYPE_OBJECT)

static void
retract_store_finalize (GObject *object)
{
  RetractStore *self = (RetractStore *)object;

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->case_path, g_free);
  g_clear_pointer (&self->pending, g_free);
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
}

/**
 * retract_store_new:
 * @directory: where to keep the saved case; created (0700) on first save
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
  self->case_path = g_build_filename (directory, CASE_FILE_NAME, NULL);

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

const char *
retract_store_get_case_path (RetractStore *self)
{
  g_return_val_if_fail (RETRACT_IS_STORE (self), NULL);
  return self->case_path;
}

gboolean
retract_store_has_saved_case (RetractStore *self)
{
  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);
  return g_file_test (self->case_path, G_FILE_TEST_IS_REGULAR);
}

static const char * const written_files[] = { CASE_FILE_NAME, NULL };

/* The new name says when, not what: no personal data in file names. */
static char *
move_aside (RetractStore *self,
            GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  char *aside = retract_file_move_aside (self->case_path, MOVED_ASIDE_PREFIX, &local_error);

  if (aside == NULL)
    g_set_error (error, local_error->domain, local_error->code,
                 _("Could not move the unreadable saved case aside: %s"), local_error->message);
  return aside;
}

/**
 * retract_store_load_case:
 * @moved_to: (out) (optional) (nullable): where an unreadable file was moved
 * @error: why the saved case could not be read
 *
 * Returns: (transfer full) (nullable): the saved case; %NULL when there is
 *   none (no error) or when it could not be read (with @error set, and the
 *   file moved aside to @moved_to so the next launch starts cleanly)
 */
RetractCase *
retract_store_load_case (RetractStore *self,
                         char        **moved_to,
                         GError      **error)
{
  g_autoptr(GError) load_error = NULL;
  RetractCase *kase;

  g_return_val_if_fail (RETRACT_IS_STORE (self), NULL);

  if (moved_to != NULL)
    *moved_to = NULL;

  retract_file_tidy_folder (self->directory, written_files);
  if (!retract_store_has_saved_case (self))
    return NULL;

  kase = retract_case_new_from_file (self->case_path, &load_error);
  if (kase != NULL)
    return kase;

  {
    g_autoptr(GError) move_error = NULL;
    g_autoptr(RetractFolderLock) lock = NULL;
    g_autofree char *aside = NULL;

    /* Another instance may have saved a good case since: look again under the lock. */
    lock = retract_folder_lock (self->directory, NULL);
    if (lock == NULL)
      {
        /* Not moved aside, then: say why it did not load. */
        g_propagate_error (error, g_steal_pointer (&load_error));
        return NULL;
      }
    g_clear_error (&load_error);
    kase = retract_case_new_from_file (self->case_path, &load_error);
    if (kase != NULL)
      return kase;

    aside = move_aside (self, &move_error);

    if (aside == NULL)
      {
        g_propagate_error (error, g_steal_pointer (&move_error));
        return NULL;
      }

    g_propagate_error (error, g_steal_pointer (&load_error));
    if (moved_to != NULL)
      *moved_to = g_steal_pointer (&aside);
  }

  return NULL;
}

static gboolean
write_case (RetractStore *self,
            const char   *contents,
            GError      **error)
{
  g_autoptr(RetractFolderLock) lock = NULL;

  if (!retract_file_ensure_private_folder (self->directory, error))
    return FALSE;

  /* Held while the temporary file exists, so nobody tidies it away. */
  lock = retract_folder_lock (self->directory, error);
  if (lock == NULL)
    return FALSE;

  /* Our own file: never written through a link (see retract-file.c). */
  return retract_file_replace_own (self->case_path, contents, strlen (contents), error);
}

/* What is queued is dropped (something newer or a deletion follows) and the
 * write under way is waited for: nothing of ours writes after the caller. */
static void
drop_pending_and_wait (RetractStore *self)
{
  g_mutex_lock (&self->mutex);
  g_clear_pointer (&self->pending, g_free);
  while (self->writing)
    g_cond_wait (&self->idle, &self->mutex);
  g_mutex_unlock (&self->mutex);
}

/**
 * retract_store_save_case:
 *
 * Writes @kase now, on this thread. A save queued by
 * retract_store_save_case_async() and not yet started is dropped (this one
 * is newer), one under way is waited for.
 */
gboolean
retract_store_save_case (RetractStore *self,
                         RetractCase  *kase,
                         GError      **error)
{
  g_autofree char *contents = NULL;

  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RETRACT_IS_CASE (kase), FALSE);

  contents = retract_case_to_json (kase);
  drop_pending_and_wait (self);
  return write_case (self, contents, error);
}

/* The writer: takes the newest text until there is none left. The result is
 * that of the last write, the one that holds the newest state. */
static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RetractStore *self = source_object;
  g_autoptr(GError) error = NULL;
  gboolean saved = TRUE;

  for (;;)
    {
      g_autofree char *contents = NULL;

      g_mutex_lock (&self->mutex);
      contents = g_steal_pointer (&self->pending);
      if (contents == NULL)
        {
          self->writing = FALSE;
          g_cond_broadcast (&self->idle);
          g_mutex_unlock (&self->mutex);
          break;
        }
      g_mutex_unlock (&self->mutex);

      g_clear_error (&error);
      saved = write_case (self, contents, &error);
    }

  if (saved)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_writer_done (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GPtrArray) callers = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = g_task_propagate_boolean (G_TASK (result), &error);

  for (guint i = 0; i < callers->len; i++)
    {
      GTask *task = g_ptr_array_index (callers, i);

      if (saved)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

/**
 * retract_store_save_case_async:
 *
 * Saves @kase as it is now, written in a worker thread: the caller never
 * waits for the disk. A save asked for while one is being written waits and
 * is replaced by any newer one; @callback says whether the newest state
 * asked for by then was written.
 */
void
retract_store_save_case_async (RetractStore        *self,
                               RetractCase         *kase,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  char *contents;
  gboolean start;

  g_return_if_fail (RETRACT_IS_STORE (self));
  g_return_if_fail (RETRACT_IS_CASE (kase));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, retract_store_save_case_async);
  contents = retract_case_to_json (kase);

  g_mutex_lock (&self->mutex);
  g_free (self->pending);
  self->pending = contents;
  start = !self->writing;
  self->writing = TRUE;
  g_mutex_unlock (&self->mutex);

  if (start)
    {
      g_autoptr(GTask) writer = NULL;

      /* Answered when this writer is done, with everyone who joins it. */
      self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
      writer = g_task_new (self, NULL, on_writer_done, self->waiting);
      g_task_set_source_tag (writer, save_in_thread);
      g_task_run_in_thread (writer, save_in_thread);
    }

  /* The running writer takes the new text before it stops. */
  g_ptr_array_add (self->waiting, task);
}

gboolean
retract_store_save_case_finish (RetractStore  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * retract_store_wait:
 *
 * Blocks until every save asked for so far is on disk (quitting: nothing
 * typed is lost). The callbacks still come through the main loop.
 */
void
retract_store_wait (RetractStore *self)
{
  g_return_if_fail (RETRACT_IS_STORE (self));

  g_mutex_lock (&self->mutex);
  while (self->writing)
    g_cond_wait (&self->idle, &self->mutex);
  g_mutex_unlock (&self->mutex);
}

/**
 * retract_store_delete_all:
 *
 * Deletes the saved case, every copy moved aside and the leftovers of killed
 * saves: only files the app wrote, by their exact names. Missing files are
 * fine; a user's own files in the folder stay. A link named `case.json` is
 * removed itself, never the file it points to. Success means no case loads
 * from the folder any more; otherwise the error names what is left.
 */
gboolean
retract_store_delete_all (RetractStore *self,
                          GError      **error)
{
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) dir_error = NULL;
  const char *name;

  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);

  /* A save still queued or under way would write the case back. */
  drop_pending_and_wait (self);

  dir = g_dir_open (self->directory, 0, &dir_error);
  if (dir == NULL)
    {
      if (g_error_matches (dir_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&dir_error));
      return FALSE;
    }

  lock = retract_folder_lock (self->directory, error);
  if (lock == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GError) remove_error = NULL;

      if (!g_str_equal (name, CASE_FILE_NAME) &&
          !retract_file_is_aside_name (name, MOVED_ASIDE_PREFIX) &&
          !retract_file_is_temporary_name (name, CASE_FILE_NAME))
        continue;

      /* A link would load the case it points to: the link goes, its target stays. */
      if (g_str_equal (name, CASE_FILE_NAME) &&
          g_file_test (self->case_path, G_FILE_TEST_IS_SYMLINK) &&
          g_unlink (self->case_path) != 0 && errno != ENOENT)
        break;

      if (!retract_file_remove_ours (self->directory, name, &remove_error))
        {
          g_set_error (error, remove_error->domain, remove_error->code,
                       _("Could not delete a saved file: %s"), remove_error->message);
          return FALSE;
        }
    }

  /* Never "deleted" while a case still loads (a file of another user, a
   * link that could not be removed). */
  if (retract_store_has_saved_case (self) ||
      g_file_test (self->case_path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autofree char *display = retract_file_display_name (self->case_path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("Could not delete a saved file: %s is still there"), display);
      return FALSE;
    }

  return TRUE;
}
