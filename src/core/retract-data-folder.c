/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The data folder and what lies in it besides the files themselves.
 *
 * The folder: mode 0700 and ours, or nothing personal is written into it;
 * reached through a link, it is never changed, only used when private.
 *
 * The lock: whoever writes into the folder holds an exclusive flock() on
 * `.retract.lock` there for the whole write; whoever tidies leftovers holds
 * it too, so a temporary file seen under the lock belongs to a process that
 * died. The kernel drops the lock when its holder dies, even by SIGKILL.
 *
 * Leftovers: only names retract_file_replace() gives its temporary files
 * (`.<name>.retract-tmp-XXXXXX`), regular files of ours, are removed.
 *
 * Set aside: a file that no longer loads is renamed to a prefix and a UTC
 * stamp, never over another file, and never named after personal data. */

#define G_LOG_DOMAIN "retract-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "retract-file.h"
#include "retract-file-private.h"

#define LOCK_WAIT_SECONDS 30
#define ASIDE_STAMP_LENGTH 16 /* 20261201T010203Z */
#define MAX_ASIDE_ATTEMPTS 100

struct _RetractFolderLock
{
  int fd;
};

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
      retract_file_set_errno_error (error, errno, _("Could not open the folder %s"), directory);
      return FALSE;
    }

  if (!S_ISDIR (st.st_mode))
    {
      retract_file_set_not_regular_error (error, directory);
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
      retract_file_set_errno_error (error, errno, _("Could not create the folder %s"), directory);
      return FALSE;
    }

  /* O_NOFOLLOW: a link put there since is not opened, nor changed. */
  fd = open (directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      /* Translators: %s is a folder; a system message follows */
      retract_file_set_errno_error (error, errno, _("Could not open the folder %s"), directory);
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
      retract_file_set_errno_error (error, errno, _("Could not lock %s"), path);
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
            retract_file_set_errno_error (error, saved_errno, _("Could not lock %s"), path);
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
  if (strlen (suffix) != RETRACT_FILE_TEMP_SUFFIX_LENGTH)
    return FALSE;
  for (guint i = 0; i < RETRACT_FILE_TEMP_SUFFIX_LENGTH; i++)
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
      retract_file_set_errno_error (error, errno, _("Could not delete %s"), path);
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
              retract_file_set_errno_error (error, errno, _("Could not delete %s"), path);
              g_unlink (aside);
              return NULL;
            }
          return g_steal_pointer (&aside);
        }

      if (errno == EEXIST)
        continue;

      /* Translators: %s is a file name; a system message follows */
      retract_file_set_errno_error (error, errno, _("Could not move %s aside"), path);
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
