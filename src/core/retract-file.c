/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One place for how Retract touches files.
 *
 * Reading: open without blocking (a FIFO must not hang us), fstat the open
 * descriptor, refuse anything but a regular file, refuse a file over the cap
 * before reading it, then read at most the cap. Links are followed (a user
 * may keep a case behind one): what is checked is the descriptor we read
 * from, so a link to a device or a FIFO is refused all the same.
 *
 * Writing: into `.<name>.retract-tmp-XXXXXX` in the same folder, created
 * O_EXCL | O_NOFOLLOW with mode 0600, written, fsynced, renamed over the
 * file, then the folder synced. A name a user would not choose, so only
 * files we created are ever removed as leftovers. Only a regular file is
 * replaced; for a file the user chose, a symbolic link to a regular file is
 * followed (the file it points to is replaced, the link stays); a device, a
 * FIFO, a directory or a link to one is refused. The app's own files
 * (retract_file_replace_own()) are never written through a link: a link
 * there is not ours and the write is refused.
 *
 * The data folder, its lock, leftovers and files set aside are in
 * retract-data-folder.c. */

#define G_LOG_DOMAIN "retract-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "retract-error.h"
#include "retract-file.h"
#include "retract-file-private.h"
#include "retract-json-scanner-private.h"

/**
 * retract_file_display_name:
 * @path: a file name, as given (any bytes)
 *
 * How to show @path in a message: control, bidirectional and invisible
 * characters as `\u001B`, bytes that are not UTF-8 as `\xFF`, the way the
 * JSON reader shows member names, so a name cannot rewrite the terminal or
 * the line it is shown in.
 *
 * Returns: (transfer full): the name to show
 */
char *
retract_file_display_name (const char *path)
{
  GString *shown = g_string_new (NULL);

  retract_json_append_escaped_key (shown, path != NULL ? path : "");
  return g_string_free (shown, FALSE);
}

void
retract_file_set_not_regular_error (GError    **error,
                                    const char *path)
{
  g_autofree char *display = retract_file_display_name (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
               /* Translators: %s is a file name */
               _("%s is not a regular file"), display);
}

static gboolean
write_all (int          fd,
           const char  *name,
           const void  *data,
           gsize        length,
           GError     **error)
{
  const char *p = data;

  while (length > 0)
    {
      gssize written = write (fd, p, MIN (length, (gsize) G_MAXSSIZE));

      if (written < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          /* Translators: %s is a file name; a system message follows */
          retract_file_set_errno_error (error, saved_errno, _("Could not write %s"), name);
          return FALSE;
        }
      p += written;
      length -= (gsize) written;
    }

  return TRUE;
}

/**
 * retract_file_read:
 * @path: the file
 * @max_bytes: the most that is accepted
 *
 * Returns: (transfer full) (nullable): the contents of @path, when it is a
 *   regular file of at most @max_bytes
 */
GBytes *
retract_file_read (const char *path,
                   gsize       max_bytes,
                   GError    **error)
{
  g_autofree char *buffer = NULL;
  struct stat st;
  gsize length = 0;
  gsize capacity;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* O_NONBLOCK: opening a FIFO without a writer returns at once. */
  fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    {
      /* Translators: %s is a file name; a system message follows */
      retract_file_set_errno_error (error, errno, _("Could not open %s"), path);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      retract_file_set_errno_error (error, errno, _("Could not open %s"), path);
      close (fd);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      retract_file_set_not_regular_error (error, path);
      close (fd);
      return NULL;
    }

  if ((guint64) st.st_size > max_bytes)
    {
      g_autofree char *display = retract_file_display_name (path);
      g_autofree char *size_text = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) st.st_size);
      g_autofree char *limit_text = g_strdup_printf ("%" G_GSIZE_FORMAT, max_bytes);

      g_set_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_LARGE,
                   /* Translators: %1$s is a file name, then two sizes in bytes. */
                   _("%1$s: the file is %2$s bytes; at most %3$s are accepted"),
                   display, size_text, limit_text);
      close (fd);
      return NULL;
    }

  /* The file may grow while we read: never read more than the cap. */
  capacity = (gsize) st.st_size + 1;
  buffer = g_malloc (capacity + 1);
  for (;;)
    {
      gssize got;

      if (length == capacity)
        {
          if (capacity > max_bytes)
            {
              g_autofree char *display = retract_file_display_name (path);
              g_autofree char *limit_text = g_strdup_printf ("%" G_GSIZE_FORMAT, max_bytes);

              g_set_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_LARGE,
                           /* Translators: %1$s is a file name, %2$s a size in bytes */
                           _("%1$s: the file is larger than the %2$s bytes accepted"),
                           display, limit_text);
              close (fd);
              return NULL;
            }
          capacity = MIN (capacity * 2, max_bytes + 1);
          buffer = g_realloc (buffer, capacity + 1);
        }

      got = read (fd, buffer + length, capacity - length);
      if (got < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          /* Translators: %s is a file name; a system message follows */
          retract_file_set_errno_error (error, saved_errno, _("Could not read %s"), path);
          close (fd);
          return NULL;
        }
      if (got == 0)
        break;
      length += (gsize) got;
    }

  close (fd);
  buffer[length] = '\0';
  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

/* Where a write to @path really goes: @path itself, or (@follow_links) the
 * regular file a symbolic link at @path points to. Anything else, and any
 * link when not @follow_links, is refused. */
static char *
resolve_target (const char *path,
                gboolean    follow_links,
                GError    **error)
{
  struct stat st;

  if (lstat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return g_strdup (path);
      /* Translators: %s is a file name; a system message follows */
      retract_file_set_errno_error (error, errno, _("Could not write %s"), path);
      return NULL;
    }

  if (S_ISREG (st.st_mode))
    return g_strdup (path);

  if (follow_links && S_ISLNK (st.st_mode) && stat (path, &st) == 0 && S_ISREG (st.st_mode))
    {
      char *resolved = realpath (path, NULL);

      if (resolved != NULL)
        {
          char *copy = g_strdup (resolved);

          free (resolved);
          return copy;
        }
    }

  retract_file_set_not_regular_error (error, path);
  return NULL;
}

static void
sync_folder (const char *directory)
{
  int fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static gboolean replace_file (const char  *path,
                              gboolean     follow_links,
                              const void  *data,
                              gsize        length,
                              GError     **error);

/**
 * retract_file_replace:
 * @path: the file to create or replace, a file the user chose
 *
 * Writes @data to @path atomically, mode 0600: a crash or a failure (a full
 * disk, a read-only folder) leaves the old file or the new one, whole, and
 * no temporary file of a live process in the way of anyone. A link to a
 * regular file replaces the file it points to.
 */
gboolean
retract_file_replace (const char  *path,
                      const void  *data,
                      gsize        length,
                      GError     **error)
{
  return replace_file (path, TRUE, data, length, error);
}

/**
 * retract_file_replace_own:
 * @path: one of the app's own files, in its data folder
 *
 * Like retract_file_replace(), but nothing but a regular file (or no file)
 * at @path is replaced: a link there is not ours, so it is neither written
 * through nor removed, and the write is refused, naming @path.
 */
gboolean
retract_file_replace_own (const char  *path,
                          const void  *data,
                          gsize        length,
                          GError     **error)
{
  return replace_file (path, FALSE, data, length, error);
}

static gboolean
replace_file (const char  *path,
              gboolean     follow_links,
              const void  *data,
              gsize        length,
              GError     **error)
{
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  g_autofree char *target = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  int fd = -1;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  target = resolve_target (path, follow_links, error);
  if (target == NULL)
    return FALSE;

  directory = g_path_get_dirname (target);
  base = g_path_get_basename (target);

  for (guint attempt = 0; attempt < 100 && fd < 0; attempt++)
    {
      char suffix[RETRACT_FILE_TEMP_SUFFIX_LENGTH + 1];
      g_autofree char *name = NULL;

      for (guint i = 0; i < RETRACT_FILE_TEMP_SUFFIX_LENGTH; i++)
        suffix[i] = alphabet[g_random_int_range (0, (gint32) sizeof alphabet - 1)];
      suffix[RETRACT_FILE_TEMP_SUFFIX_LENGTH] = '\0';

      name = g_strconcat (".", base, RETRACT_FILE_TEMP_INFIX, suffix, NULL);
      g_free (temp);
      temp = g_build_filename (directory, name, NULL);
      fd = open (temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd < 0 && errno != EEXIST)
        break;
    }

  if (fd < 0)
    {
      retract_file_set_errno_error (error, errno, _("Could not write %s"), path);
      return FALSE;
    }

  if (fchmod (fd, 0600) != 0 || !write_all (fd, path, data, length, error) || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (error == NULL || *error == NULL)
        retract_file_set_errno_error (error, saved_errno, _("Could not write %s"), path);
      close (fd);
      g_unlink (temp);
      return FALSE;
    }

  if (close (fd) != 0)
    {
      retract_file_set_errno_error (error, errno, _("Could not write %s"), path);
      g_unlink (temp);
      return FALSE;
    }

  if (rename (temp, target) != 0)
    {
      retract_file_set_errno_error (error, errno, _("Could not write %s"), path);
      g_unlink (temp);
      return FALSE;
    }

  sync_folder (directory);
  return TRUE;
}

typedef struct
{
  char   *path;
  GBytes *data;
} ReplaceJob;

static void
replace_job_free (gpointer data)
{
  ReplaceJob *job = data;

  g_free (job->path);
  g_bytes_unref (job->data);
  g_free (job);
}

static void
replace_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ReplaceJob *job = task_data;
  GError *error = NULL;
  gsize length;
  const void *data = g_bytes_get_data (job->data, &length);

  if (retract_file_replace (job->path, data != NULL ? data : "", length, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * retract_file_replace_async:
 * @path: the file to create or replace
 * @data: what to write
 *
 * retract_file_replace() in a worker thread: the caller's thread never
 * waits for the disk (fsync). @callback runs in the caller's main context.
 */
void
retract_file_replace_async (const char          *path,
                            GBytes              *data,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReplaceJob *job;

  g_return_if_fail (path != NULL);
  g_return_if_fail (data != NULL);

  job = g_new0 (ReplaceJob, 1);
  job->path = g_strdup (path);
  job->data = g_bytes_ref (data);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, retract_file_replace_async);
  g_task_set_task_data (task, job, replace_job_free);
  g_task_run_in_thread (task, replace_in_thread);
}

gboolean
retract_file_replace_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == retract_file_replace_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * retract_file_write_fd:
 * @fd: an open descriptor, such as standard output
 * @name: what to call it in a message
 *
 * Writes all of @data and checks that it got there: every write, and the
 * final sync when @fd is a file (a pipe or a terminal cannot be synced).
 */
gboolean
retract_file_write_fd (int          fd,
                       const char  *name,
                       const void  *data,
                       gsize        length,
                       GError     **error)
{
  struct stat st;

  g_return_val_if_fail (fd >= 0, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!write_all (fd, name, data, length, error))
    return FALSE;

  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && fsync (fd) != 0 && errno != EINVAL)
    {
      retract_file_set_errno_error (error, errno, _("Could not write %s"), name);
      return FALSE;
    }

  return TRUE;
}
