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
 * The data folder: mode 0700 and ours, or nothing personal is written into
 * it; reached through a link, it is never changed, only used when private. Whoever writes into it holds an exclusive flock() on `.retract.lock`
 * there for the whole write; whoever tidies leftovers holds it too, so a
 * temporary file seen under the lock belongs to a process that died. The
 * kernel drops the lock when its holder dies, even by SIGKILL. */

#define G_LOG_DOMAIN "retract-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "retract-error.h"
#include "retract-file.h"
#include "retract-json-scanner-private.h"

#define TEMP_SUFFIX_LENGTH 6
#define LOCK_WAIT_SECONDS 30
#define ASIDE_STAMP_LENGTH 16 /* 20261201T010203Z */
#define MAX_ASIDE_ATTEMPTS 100

struct _RetractFolderLock
{
  int fd;
};

static void set_errno_error_shown (GError    **error,
                                   int         saved_errno,
                                   const char *format,
                                   ...) G_GNUC_PRINTF (3, 4);

/* "<what happened to @file>: <the system's reason>", @format having one %s:
 * the file's name, escaped (see retract_file_display_name()). */
#define set_errno_error(error, saved_errno, format, file) \
  G_STMT_START { \
    int errno_ = (saved_errno); \
    g_autofree char *shown_ = retract_file_display_name (file); \
    set_errno_error_shown ((error), errno_, format, shown_); \
  } G_STMT_END

static void
set_errno_error_shown (GError    **error,
                       int         saved_errno,
                       const char *format,
                       ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", what,
               g_strerror (saved_errno));
}

static void
set_not_regular_error (GError    **error,
                       const char *path)
{
  g_autofree char *display = retract_file_display_name (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
               /* Translators: %s is a file name */
               _("%s is not a regular file"), display);
}

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
          set_errno_error (error, saved_errno, _("Could not write %s"), name);
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
      set_errno_error (error, errno, _("Could not open %s"), path);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, errno, _("Could not open %s"), path);
      close (fd);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      set_not_regular_error (error, path);
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
          set_errno_error (error, saved_errno, _("Could not read %s"), path);
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
      set_errno_error (error, errno, _("Could not write %s"), path);
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

  set_not_regular_error (error, path);
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
      char suffix[TEMP_SUFFIX_LENGTH + 1];
      g_autofree char *name = NULL;

      for (guint i = 0; i < TEMP_SUFFIX_LENGTH; i++)
        suffix[i] = alphabet[g_random_int_range (0, (gint32) sizeof alphabet - 1)];
      suffix[TEMP_SUFFIX_LENGTH] = '\0';

      name = g_strconcat (".", base, RETRACT_FILE_TEMP_INFIX, suffix, NULL);
      g_free (temp);
      temp = g_build_filename (directory, name, NULL);
      fd = open (temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd < 0 && errno != EEXIST)
        break;
    }

  if (fd < 0)
    {
      set_errno_error (error, errno, _("Could not write %s"), path);
      return FALSE;
    }

  if (fchmod (fd, 0600) != 0 || !write_all (fd, path, data, length, error) || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (error == NULL || *error == NULL)
        set_errno_error (error, saved_errno, _("Could not write %s"), path);
      close (fd);
      g_unlink (temp);
      return FALSE;
    }

  if (close (fd) != 0)
    {
      set_errno_error (error, errno, _("Could not write %s"), path);
      g_unlink (temp);
      return FALSE;
    }

  if (rename (temp, target) != 0)
    {
      set_errno_error (error, errno, _("Could not write %s"), path);
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
      set_errno_error (error, errno, _("Could not write %s"), name);
      return FALSE;
    }

  return TRUE;
}

/* A data folder reached through a symbolic link: used as it is, never
 * changed (a chmod would change the folder the link points to), and only
 * when it is a private folder of ours. */
static gboolean
check_linked_folder (const char *directory,
                     const char *display,
                     GError    **error)
{
  struct stat st;

  if (stat (directory, &st) != 0)
    {
      /* Translators: %s is a folder; a system message follows */
      set_errno_error (error, errno, _("Could not open the folder %s"), directory);
      return FALSE;
    }

  if (!S_ISDIR (st.st_mode))
    {
      set_not_regular_error (error, directory);
      return FALSE;
    }

  if (st.st_uid != geteuid ())
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   /* Translators: %s is a folder */
                   _("The folder %s belongs to another user; nothing is saved in it"), display);
      return FALSE;
    }

  /* Private: no group or other bits (a set-group-ID bit inherited from the
   * parent harms nobody). */
  if ((st.st_mode & 0077) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   /* Translators: %s is a folder */
                   _("%s is a link to a folder other users can open; it is left as it is and "
                     "nothing is saved in it"),
                   display);
      return FALSE;
    }

  return TRUE;
}

/**
 * retract_file_ensure_private_folder:
 *
 * Creates @directory (0700) if needed. An existing folder that other users
 * may enter is tightened to 0700 when it is ours; a folder of another user
 * is refused: personal data is not written into it. A folder reached through
 * a link is never changed: it is used when it is private and ours, refused
 * otherwise.
 */
gboolean
retract_file_ensure_private_folder (const char *directory,
                                    GError    **error)
{
  g_autofree char *display = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (directory != NULL, FALSE);

  display = retract_file_display_name (directory);
  if (lstat (directory, &st) == 0 && S_ISLNK (st.st_mode))
    return check_linked_folder (directory, display, error);

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      /* Translators: %s is a folder; a system message follows */
      set_errno_error (error, errno, _("Could not create the folder %s"), directory);
      return FALSE;
    }

  /* O_NOFOLLOW: a link put there since is not opened, nor changed. */
  fd = open (directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      /* Translators: %s is a folder; a system message follows */
      set_errno_error (error, errno, _("Could not open the folder %s"), directory);
      if (fd >= 0)
        close (fd);
      return FALSE;
    }

  if (st.st_uid != geteuid ())
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   /* Translators: %s is a folder */
                   _("The folder %s belongs to another user; nothing is saved in it"), display);
      return FALSE;
    }

  if ((st.st_mode & 07077) != 0 && fchmod (fd, 0700) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   /* Translators: %1$s is a folder, %2$s a system message */
                   _("Other users can open the folder %1$s and it could not be made private "
                     "(%2$s); nothing is saved in it"),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/**
 * retract_folder_lock:
 * @directory: an existing folder
 *
 * Waits (up to half a minute) for the folder's lock and takes it.
 *
 * Returns: (transfer full) (nullable): the lock, until retract_folder_unlock()
 */
RetractFolderLock *
retract_folder_lock (const char *directory,
                     GError    **error)
{
  g_autofree char *path = NULL;
  RetractFolderLock *lock;
  gint64 deadline;
  int fd;

  g_return_val_if_fail (directory != NULL, NULL);

  path = g_build_filename (directory, RETRACT_FILE_LOCK_NAME, NULL);
  fd = open (path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      /* Translators: %s is a file name; a system message follows */
      set_errno_error (error, errno, _("Could not lock %s"), path);
      return NULL;
    }

  deadline = g_get_monotonic_time () + LOCK_WAIT_SECONDS * G_USEC_PER_SEC;
  while (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EINTR)
        continue;
      if (saved_errno != EWOULDBLOCK || g_get_monotonic_time () > deadline)
        {
          g_autofree char *display = retract_file_display_name (directory);

          close (fd);
          if (saved_errno == EWOULDBLOCK)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                         /* Translators: %s is a folder */
                         _("Another Retract process has been writing into %s for too long"),
                         display);
          else
            set_errno_error (error, saved_errno, _("Could not lock %s"), path);
          return NULL;
        }
      g_usleep (2000);
    }

  lock = g_new0 (RetractFolderLock, 1);
  lock->fd = fd;
  return lock;
}

void
retract_folder_unlock (RetractFolderLock *lock)
{
  if (lock == NULL)
    return;

  close (lock->fd);
  g_free (lock);
}

/**
 * retract_file_is_temporary_name:
 *
 * Returns: whether @name is exactly what retract_file_replace() calls its
 *   temporary file for @base
 */
gboolean
retract_file_is_temporary_name (const char *name,
                                const char *base)
{
  gsize base_length = strlen (base);
  gsize infix_length = strlen (RETRACT_FILE_TEMP_INFIX);
  const char *suffix;

  if (name[0] != '.' || strncmp (name + 1, base, base_length) != 0 ||
      strncmp (name + 1 + base_length, RETRACT_FILE_TEMP_INFIX, infix_length) != 0)
    return FALSE;

  suffix = name + 1 + base_length + infix_length;
  if (strlen (suffix) != TEMP_SUFFIX_LENGTH)
    return FALSE;
  for (guint i = 0; i < TEMP_SUFFIX_LENGTH; i++)
    if (!g_ascii_isalnum (suffix[i]))
      return FALSE;

  return TRUE;
}

static gboolean
is_any_temporary_name (const char         *name,
                       const char * const *bases)
{
  for (guint i = 0; bases[i] != NULL; i++)
    if (retract_file_is_temporary_name (name, bases[i]))
      return TRUE;
  return FALSE;
}

/**
 * retract_file_remove_ours:
 *
 * Removes @name from @directory if it is a regular file of ours; a file of
 * someone else, a link or a folder stays. A missing file is fine.
 */
gboolean
retract_file_remove_ours (const char *directory,
                          const char *name,
                          GError    **error)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);
  struct stat st;

  if (lstat (path, &st) != 0)
    return TRUE;
  if (!S_ISREG (st.st_mode) || st.st_uid != geteuid ())
    return TRUE;

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      /* Translators: %s is a file name; a system message follows */
      set_errno_error (error, errno, _("Could not delete %s"), path);
      return FALSE;
    }

  return TRUE;
}

/**
 * retract_file_remove_leftovers:
 * @bases: the names of the files written in @directory
 *
 * Removes the temporary files that killed writes left behind. The caller
 * holds the folder's lock, so no live writer is using any of them.
 */
void
retract_file_remove_leftovers (const char         *directory,
                               const char * const *bases)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_any_temporary_name (name, bases))
      retract_file_remove_ours (directory, name, NULL);
}

/**
 * retract_file_tidy_folder:
 *
 * Like retract_file_remove_leftovers(), for a caller that does not hold the
 * lock: it is taken only when there is something to remove.
 */
void
retract_file_tidy_folder (const char         *directory,
                          const char * const *bases)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  g_autoptr(RetractFolderLock) lock = NULL;
  const char *name;
  gboolean found = FALSE;

  while (dir != NULL && !found && (name = g_dir_read_name (dir)) != NULL)
    found = is_any_temporary_name (name, bases);

  if (!found)
    return;

  lock = retract_folder_lock (directory, NULL);
  if (lock != NULL)
    retract_file_remove_leftovers (directory, bases);
}

/**
 * retract_file_is_aside_name:
 *
 * Returns: whether @name is exactly what retract_file_move_aside() calls a
 *   file it moved aside with @prefix: the prefix, a UTC stamp such as
 *   `20261201T010203Z`, and a counter `-1` to `-99` when needed
 */
gboolean
retract_file_is_aside_name (const char *name,
                            const char *prefix)
{
  const char *stamp;
  gsize rest;

  if (!g_str_has_prefix (name, prefix))
    return FALSE;

  stamp = name + strlen (prefix);
  if (strlen (stamp) < ASIDE_STAMP_LENGTH)
    return FALSE;
  for (guint i = 0; i < ASIDE_STAMP_LENGTH; i++)
    {
      gboolean ok = i == 8 ? stamp[i] == 'T' : i == 15 ? stamp[i] == 'Z'
                                                       : g_ascii_isdigit (stamp[i]);
      if (!ok)
        return FALSE;
    }

  rest = strlen (stamp + ASIDE_STAMP_LENGTH);
  if (rest == 0)
    return TRUE;

  stamp += ASIDE_STAMP_LENGTH;
  return (rest == 2 || rest == 3) && stamp[0] == '-' && stamp[1] >= '1' && stamp[1] <= '9' &&
         (rest == 2 || g_ascii_isdigit (stamp[2]));
}

/**
 * retract_file_move_aside:
 * @path: a file that no longer loads
 * @prefix: the new name without its stamp, such as "case.json.unreadable-"
 *
 * Renames @path in its folder to @prefix and the time (never personal data),
 * never over an existing file.
 *
 * Returns: (transfer full) (nullable): the new path
 */
char *
retract_file_move_aside (const char *path,
                         const char *prefix,
                         GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *directory = g_path_get_dirname (path);

  for (guint attempt = 0; attempt < MAX_ASIDE_ATTEMPTS; attempt++)
    {
      g_autofree char *name = attempt == 0
        ? g_strconcat (prefix, stamp, NULL)
        : g_strdup_printf ("%s%s-%u", prefix, stamp, attempt);
      g_autofree char *aside = g_build_filename (directory, name, NULL);

      /* link() never replaces an existing file, unlike rename(). */
      if (link (path, aside) == 0)
        {
          if (g_unlink (path) != 0)
            {
              set_errno_error (error, errno, _("Could not delete %s"), path);
              g_unlink (aside);
              return NULL;
            }
          return g_steal_pointer (&aside);
        }

      if (errno == EEXIST)
        continue;

      /* Translators: %s is a file name; a system message follows */
      set_errno_error (error, errno, _("Could not move %s aside"), path);
      return NULL;
    }

  {
    g_autofree char *display = retract_file_display_name (path);

    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                 /* Translators: %s is a file name */
                 _("Could not move %s aside: too many copies"), display);
  }
  return NULL;
}
