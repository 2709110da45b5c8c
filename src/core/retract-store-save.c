/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Saving a case (see retract-store.c): the durable write under the lock,
 * merged with what another process saved since, either now on the caller's
 * thread or in the store's one writer thread, which takes the queued saves
 * in turn and answers each on the caller's thread. */

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

struct _RetractStoreSaveJob
{
  char        *id;
  char        *text;          /* the case as it was when the save was asked for */
  guint64      base_revision; /* the revision that text was based on */
  RetractCase *kase;          /* touched on the caller's thread only */
  GPtrArray   *callers;       /* GTask, answered when this save is done */
  GTask       *task;          /* returned by the writer when it is done */
  gboolean     dropped;       /* a newer save or a deletion made it moot */
  GError      *invalid;       /* why the case would not load back, if it would not */

  /* What the write did, for the caller's copy of the case. */
  guint64      revision;
  GDateTime   *updated_at;
  GPtrArray   *merged;        /* RetractCaseEvent another process had saved */
};

void
_retract_store_save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_free (job->id);
  g_free (job->text);
  g_clear_object (&job->kase);
  g_clear_pointer (&job->callers, g_ptr_array_unref);
  g_clear_object (&job->task);
  g_clear_pointer (&job->updated_at, g_date_time_unref);
  g_clear_pointer (&job->merged, g_ptr_array_unref);
  g_clear_error (&job->invalid);
  g_free (job);
}

static gboolean
contains_event (GPtrArray              *events,
                const RetractCaseEvent *event)
{
  for (guint i = 0; i < events->len; i++)
    if (retract_case_event_equal (g_ptr_array_index (events, i), event))
      return TRUE;
  return FALSE;
}

/* What this process wrote last of a case: while the file is still that one
 * (the same size, time and inode), its revision is known without reading it. */
typedef struct
{
  struct stat st;
  guint64     revision;
} Written;

static gboolean
last_written_revision (RetractStore      *self,
                       const char        *id,
                       const struct stat *st,
                       guint64           *revision)
{
  gboolean known = FALSE;
  Written *written;

  g_mutex_lock (&self->mutex);
  written = g_hash_table_lookup (self->written, id);
  if (written != NULL && _retract_store_same_file (&written->st, st))
    {
      *revision = written->revision;
      known = TRUE;
    }
  g_mutex_unlock (&self->mutex);
  return known;
}

static void
remember_written (RetractStore *self,
                  const char   *id,
                  const char   *path,
                  guint64       revision)
{
  Written *written = g_new0 (Written, 1);

  written->revision = revision;
  if (lstat (path, &written->st) != 0)
    {
      g_free (written);
      return;
    }

  g_mutex_lock (&self->mutex);
  g_hash_table_replace (self->written, g_strdup (id), written);
  g_mutex_unlock (&self->mutex);
}

/* The time the text says it was saved. */
static GDateTime *
updated_at_of (const char *text)
{
  const char *start = strstr (text, "\"updated_at\" : \"");
  g_autofree char *value = NULL;
  const char *end;

  if (start == NULL)
    return retract_time_now ();
  start += strlen ("\"updated_at\" : \"");
  end = strchr (start, '"');
  value = g_strndup (start, (gsize) (end - start));
  return retract_time_parse (value, NULL);
}

/* Writes @job's case under the lock: merged with what another process saved
 * since @job's base revision, refused if another process deleted it. Runs
 * on any thread; fills in @job's results. */
static gboolean
write_job (RetractStore *self,
           SaveJob      *job,
           GError      **error)
{
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autoptr(RetractCase) ours = NULL;
  g_autoptr(RetractCase) disk = NULL;
  g_autofree char *path = retract_store_dup_case_path (self, job->id);
  g_autofree char *merged_text = NULL;
  const char *text = job->text;
  guint64 disk_revision = 0;
  struct stat st;

  if (job->invalid != NULL)
    {
      g_propagate_error (error, g_error_copy (job->invalid));
      return FALSE;
    }

  if (!_retract_store_migrate (self, NULL, NULL, error) || !_retract_store_ensure_folders (self, error) ||
      (lock = retract_folder_lock (self->directory, error)) == NULL)
    return FALSE;

  job->merged = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_case_event_free);

  if (lstat (path, &st) != 0)
    {
      if (job->base_revision > 0)
        {
          g_set_error (error, RETRACT_STORE_ERROR, RETRACT_STORE_ERROR_DELETED,
                       _("This case was deleted by another Retract window or command"));
          return FALSE;
        }
    }
  /* Read again unless it is still what this process wrote last, from the
   * revision this save is based on (the usual autosave). */
  else if (S_ISREG (st.st_mode) &&
           !(last_written_revision (self, job->id, &st, &disk_revision) &&
             disk_revision == job->base_revision))
    {
      g_autoptr(GError) disk_error = NULL;

      disk_revision = 0;

      disk = retract_case_new_from_file (path, &disk_error);
      if (disk != NULL)
        disk_revision = disk->revision;
      else
        {
          /* Kept, not overwritten: the bytes may still mean something to someone. */
          g_autofree char *prefix = g_strconcat (job->id, CASE_SUFFIX, DAMAGED_INFIX, NULL);
          g_autofree char *moved = _retract_store_set_aside (path, prefix, NULL);

          g_debug ("An unreadable case file was set aside before a save: %s",
                   disk_error->message);
        }
    }

  job->revision = job->base_revision + 1;
  if (disk != NULL && disk_revision > job->base_revision)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (job->text, strlen (job->text));
      GPtrArray *disk_events = retract_case_get_events (disk);

      ours = retract_case_new_from_bytes (bytes, path, error);
      if (ours == NULL)
        return FALSE;

      /* Another process saved since: its events are kept, the rest is ours. */
      for (guint i = 0; i < disk_events->len; i++)
        {
          const RetractCaseEvent *event = g_ptr_array_index (disk_events, i);

          if (!contains_event (retract_case_get_events (ours), event))
            {
              retract_case_add_event (ours, retract_case_event_copy (event));
              g_ptr_array_add (job->merged, retract_case_event_copy (event));
            }
        }
      ours->revision = disk_revision + 1;
      job->revision = ours->revision;
      text = merged_text = retract_case_to_json (ours);
    }
  if (!retract_file_replace_own (path, text, strlen (text), error))
    return FALSE;

  remember_written (self, job->id, path, job->revision);
  job->updated_at = updated_at_of (text);
  return TRUE;
}

/* What was written, in the caller's copy of the case: the revision it now
 * holds and the events other processes had logged. */
static void
apply_job (SaveJob *job)
{
  GPtrArray *events;

  if (job->kase == NULL || job->merged == NULL || job->updated_at == NULL)
    return;

  events = retract_case_get_events (job->kase);
  job->kase->revision = MAX (job->kase->revision, job->revision);
  g_clear_pointer (&job->kase->updated_at, g_date_time_unref);
  job->kase->updated_at = g_date_time_ref (job->updated_at);
  for (guint i = 0; i < job->merged->len; i++)
    {
      const RetractCaseEvent *event = g_ptr_array_index (job->merged, i);

      if (!contains_event (events, event))
        retract_case_add_event (job->kase, retract_case_event_copy (event));
    }
}

static SaveJob *
save_job_new (RetractCase *kase)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  g_autoptr(GDateTime) previous = kase->updated_at != NULL ? g_date_time_ref (kase->updated_at)
                                                           : NULL;

  /* The text as it is written when nobody else saved meanwhile (the usual
   * case): the next revision, saved now. */
  job->id = g_strdup (retract_case_get_id (kase));
  job->base_revision = kase->revision;
  kase->revision++;
  g_clear_pointer (&kase->updated_at, g_date_time_unref);
  kase->updated_at = retract_time_now ();
  job->text = retract_case_to_json (kase);
  kase->revision--;
  g_clear_pointer (&kase->updated_at, g_date_time_unref);
  kase->updated_at = g_steal_pointer (&previous);
  job->kase = g_object_ref (kase);

  /* The loader holds every event to the rule (a filing time changed after
   * events were logged); a file that would not load is not written. */
  for (guint i = 0; i < kase->events->len && job->invalid == NULL; i++)
    retract_case_event_check_shape (g_ptr_array_index (kase->events, i), NULL, kase->filed_at,
                                    &job->invalid);
  job->callers = g_ptr_array_new_with_free_func (g_object_unref);
  return job;
}

/* The saves of @id (all when %NULL) not yet taken by the writer are dropped:
 * a newer save or a deletion follows. Their callers hear that all is well
 * (nothing of theirs is left to write). Then the write under way is waited
 * for: nothing of ours writes after the caller. */
void
_retract_store_drop_pending_and_wait (RetractStore *self,
                                      const char   *id)
{
  g_autoptr(GPtrArray) dropped = g_ptr_array_new ();

  g_mutex_lock (&self->mutex);
  for (GList *l = self->queue.head; l != NULL;)
    {
      GList *next = l->next;
      SaveJob *job = l->data;

      if (id == NULL || g_str_equal (job->id, id))
        {
          g_queue_delete_link (&self->queue, l);
          g_ptr_array_add (dropped, job);
        }
      l = next;
    }
  while (self->current != NULL)
    g_cond_wait (&self->idle, &self->mutex);
  g_mutex_unlock (&self->mutex);

  for (guint i = 0; i < dropped->len; i++)
    {
      SaveJob *job = g_ptr_array_index (dropped, i);
      GTask *task = g_steal_pointer (&job->task);

      job->dropped = TRUE;
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
}

/**
 * retract_store_save_case:
 *
 * Writes @kase now, on this thread, merged with the events another process
 * saved since it was loaded (they are added to @kase too). A save of it
 * queued by retract_store_save_case_async() and not yet started is dropped
 * (this one is newer), one under way is waited for.
 *
 * Returns: %FALSE with RETRACT_STORE_ERROR_DELETED when another process
 *   deleted the case since it was loaded or saved here: it is not written back
 */
gboolean
retract_store_save_case (RetractStore *self,
                         RetractCase  *kase,
                         GError      **error)
{
  SaveJob *job;
  gboolean saved;

  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RETRACT_IS_CASE (kase), FALSE);

  job = save_job_new (kase);
  _retract_store_drop_pending_and_wait (self, job->id);
  saved = write_job (self, job, error);
  if (saved)
    apply_job (job);
  _retract_store_save_job_free (job);
  return saved;
}

static void
on_job_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean saved = g_task_propagate_boolean (G_TASK (result), &error);

  if (saved && !job->dropped)
    apply_job (job);

  for (guint i = 0; i < job->callers->len; i++)
    {
      GTask *task = g_ptr_array_index (job->callers, i);

      if (saved)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

/* The writer: takes the saves in turn until there is none left. */
static void
save_in_thread (GTask        *writer,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RetractStore *self = source_object;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      SaveJob *job;
      GTask *task;
      gboolean saved;

      g_mutex_lock (&self->mutex);
      job = g_queue_pop_head (&self->queue);
      if (job == NULL)
        {
          self->writing = FALSE;
          g_cond_broadcast (&self->idle);
          g_mutex_unlock (&self->mutex);
          break;
        }
      self->current = job;
      g_mutex_unlock (&self->mutex);

      saved = write_job (self, job, &error);

      g_mutex_lock (&self->mutex);
      self->current = NULL;
      g_cond_broadcast (&self->idle);
      g_mutex_unlock (&self->mutex);

      /* The job belongs to its task from here: answered on the caller's thread. */
      task = g_steal_pointer (&job->task);
      if (saved)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
    }

  g_task_return_boolean (writer, TRUE);
}

/**
 * retract_store_save_case_async:
 *
 * Saves @kase as it is now, written in a worker thread: the caller never
 * waits for the disk. A save of the same case asked for while this one waits
 * replaces it; @callback says whether the newest state asked for by then was
 * written. The events another process saved meanwhile are added to @kase
 * before @callback runs.
 */
void
retract_store_save_case_async (RetractStore        *self,
                               RetractCase         *kase,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  SaveJob *job;
  SaveJob *queued = NULL;
  gboolean start;

  g_return_if_fail (RETRACT_IS_STORE (self));
  g_return_if_fail (RETRACT_IS_CASE (kase));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, retract_store_save_case_async);
  job = save_job_new (kase);

  g_mutex_lock (&self->mutex);
  for (GList *l = self->queue.head; l != NULL && queued == NULL; l = l->next)
    if (g_str_equal (((SaveJob *) l->data)->id, job->id))
      queued = l->data;

  if (queued != NULL)
    {
      /* Newer text, same callers plus this one. */
      g_free (queued->text);
      queued->text = g_steal_pointer (&job->text);
      queued->base_revision = job->base_revision;
      g_ptr_array_add (queued->callers, task);
      _retract_store_save_job_free (job);
    }
  else
    {
      job->task = g_task_new (self, NULL, on_job_done, NULL);
      g_task_set_source_tag (job->task, save_job_new);
      g_task_set_task_data (job->task, job, _retract_store_save_job_free);
      g_ptr_array_add (job->callers, task);
      g_queue_push_tail (&self->queue, job);
    }
  start = !self->writing;
  self->writing = TRUE;
  g_mutex_unlock (&self->mutex);

  if (start)
    {
      g_autoptr(GTask) writer = g_task_new (self, NULL, NULL, NULL);

      g_task_set_source_tag (writer, save_in_thread);
      g_task_run_in_thread (writer, save_in_thread);
    }
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
