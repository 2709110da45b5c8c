/* SPDX-License-Identifier: GPL-3.0-or-later */

/* retract-file: what every read, write and lock in Retract goes through. */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "retract-error.h"
#include "retract-file.h"

static char *
scratch (const char *name)
{
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_cache_dir (), 0700));
  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}

static void
test_read_refuses (void)
{
  g_autofree char *fifo = scratch ("fifo");
  g_autofree char *big = scratch ("big");
  g_autofree char *small = scratch ("small");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_no_errno (mkfifo (fifo, 0600));
  bytes = retract_file_read (fifo, 100, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, fifo));
  g_clear_error (&error);

  bytes = retract_file_read ("/dev/zero", 100, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpstr (error->message, ==, "/dev/zero is not a regular file");
  g_clear_error (&error);
  /* Refused at once, not after a timeout. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

  g_assert_true (g_file_set_contents (big, "0123456789A", -1, NULL));
  bytes = retract_file_read (big, 10, &error);
  g_assert_null (bytes);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (small, "0123456789", -1, NULL));
  bytes = retract_file_read (small, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "0123456789", 10);

  g_unlink (fifo);
  g_unlink (big);
  g_unlink (small);
}

static void
test_replace (void)
{
  g_autofree char *fifo = scratch ("out-fifo");
  g_autofree char *device_link = scratch ("device-link");
  g_autofree char *file = scratch ("file");
  g_autofree char *file_link = scratch ("file-link");
  g_autofree char *folder = scratch ("folder");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  g_assert_no_errno (mkfifo (fifo, 0600));
  g_assert_false (retract_file_replace (fifo, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_no_errno (lstat (fifo, &st));
  g_assert_true (S_ISFIFO (st.st_mode));

  g_assert_no_errno (symlink ("/dev/null", device_link));
  g_assert_false (retract_file_replace (device_link, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_no_errno (g_stat ("/dev/null", &st));
  g_assert_true (S_ISCHR (st.st_mode));

  g_assert_no_errno (g_mkdir (folder, 0700));
  g_assert_false (retract_file_replace (folder, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  /* New, then replaced through a link: 0600 whatever the umask. */
  umask (0);
  g_assert_true (retract_file_replace (file, "one", 3, &error));
  g_assert_no_error (error);
  umask (022);
  g_assert_no_errno (symlink (file, file_link));
  g_assert_true (retract_file_replace (file_link, "two", 3, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "two");
  g_assert_true (g_file_test (file_link, G_FILE_TEST_IS_SYMLINK));
  g_assert_no_errno (g_stat (file, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* No temporary file stays, after success or refusal. */
  dir = g_dir_open (g_get_user_cache_dir (), 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, RETRACT_FILE_TEMP_INFIX));

  g_unlink (fifo);
  g_unlink (device_link);
  g_unlink (file_link);
  g_unlink (file);
  g_rmdir (folder);
}

static void
test_write_fd_full (void)
{
  g_autoptr(GError) error = NULL;
  int fd = open ("/dev/full", O_WRONLY | O_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  g_assert_false (retract_file_write_fd (fd, "standard output", "x", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  g_assert_true (g_str_has_prefix (error->message, "Could not write standard output: "));
  close (fd);
}

static void
test_names (void)
{
  g_assert_true (retract_file_is_temporary_name (".case.json.retract-tmp-Ab12Cd", "case.json"));
  g_assert_false (retract_file_is_temporary_name ("case.json.Ab12Cd", "case.json"));
  g_assert_false (retract_file_is_temporary_name (".case.json.retract-tmp-Ab12C", "case.json"));
  g_assert_false (retract_file_is_temporary_name (".case.json.retract-tmp-Ab12Cd7", "case.json"));
  g_assert_false (retract_file_is_temporary_name (".case.json.retract-tmp-Ab-2Cd", "case.json"));
  g_assert_false (retract_file_is_temporary_name (".rules.json.retract-tmp-Ab12Cd", "case.json"));

  g_assert_true (retract_file_is_aside_name ("x-20261124T100000Z", "x-"));
  g_assert_true (retract_file_is_aside_name ("x-20261124T100000Z-1", "x-"));
  g_assert_true (retract_file_is_aside_name ("x-20261124T100000Z-99", "x-"));
  g_assert_false (retract_file_is_aside_name ("x-20261124T100000Z-0", "x-"));
  g_assert_false (retract_file_is_aside_name ("x-20261124T100000Z-100", "x-"));
  g_assert_false (retract_file_is_aside_name ("x-20261124T100000Z.txt", "x-"));
  g_assert_false (retract_file_is_aside_name ("x-mine", "x-"));
  g_assert_false (retract_file_is_aside_name ("x-20261124X100000Z", "x-"));
}

static void
test_move_aside_never_replaces (void)
{
  g_autofree char *path = scratch ("bad.json");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "first", -1, NULL));
  first = retract_file_move_aside (path, "bad.json.rejected-", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "second", -1, NULL));
  second = retract_file_move_aside (path, "bad.json.rejected-", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);
  g_assert_true (g_file_get_contents (first, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "first");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_unlink (first);
  g_unlink (second);
}

static void
test_private_folder (void)
{
  g_autofree char *folder = scratch ("data");
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_no_errno (g_mkdir (folder, 0700));
  g_assert_no_errno (g_chmod (folder, 0777));
  g_assert_true (retract_file_ensure_private_folder (folder, &error));
  g_assert_no_error (error);
  g_assert_no_errno (g_stat (folder, &st));
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);
  g_rmdir (folder);
}

/* The app's own files are never written through a link: what the link
 * points to stays as it was, and the refusal names the file. */
static void
test_replace_own_refuses_links (void)
{
  g_autofree char *victim = scratch ("fakepasswd");
  g_autofree char *own = scratch ("rules.json.previous");
  g_autofree char *fresh = scratch ("case.json");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (victim, "root:x:0:0", -1, NULL));
  g_assert_no_errno (symlink (victim, own));

  g_assert_false (retract_file_replace_own (own, "rules", 5, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "rules.json.previous"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (victim, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "root:x:0:0");
  g_assert_true (g_file_test (own, G_FILE_TEST_IS_SYMLINK));

  /* A regular file, or none, is written as always. */
  g_assert_true (retract_file_replace_own (fresh, "one", 3, &error));
  g_assert_no_error (error);
  g_assert_true (retract_file_replace_own (fresh, "two", 3, &error));
  g_assert_no_error (error);
  g_assert_no_errno (g_lstat (fresh, &st));
  g_assert_true (S_ISREG (st.st_mode));

  g_unlink (own);
  g_unlink (victim);
  g_unlink (fresh);
}

/* A data folder reached through a link is never chmodded: a shared folder
 * keeps its mode and is refused, by name; a private one of ours is used. */
static void
test_private_folder_through_link (void)
{
  g_autofree char *shared = scratch ("shared");
  g_autofree char *private_folder = scratch ("private");
  g_autofree char *link_path = scratch ("io.github.retractapp.Retract");
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_no_errno (g_mkdir (shared, 0700));
  g_assert_no_errno (g_chmod (shared, 01777));
  g_assert_no_errno (symlink (shared, link_path));

  g_assert_false (retract_file_ensure_private_folder (link_path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "io.github.retractapp.Retract"));
  g_clear_error (&error);
  g_assert_no_errno (g_stat (shared, &st));
  g_assert_cmpint (st.st_mode & 07777, ==, 01777);

  g_unlink (link_path);
  g_assert_no_errno (g_mkdir (private_folder, 0700));
  g_assert_no_errno (symlink (private_folder, link_path));
  g_assert_true (retract_file_ensure_private_folder (link_path, &error));
  g_assert_no_error (error);

  g_unlink (link_path);
  g_rmdir (shared);
  g_rmdir (private_folder);
}

/* A folder of another user is refused with words that fit any file written
 * there (rules as well as cases). Needs root, to give a folder away. */
static void
test_folder_of_another_user_wording (void)
{
  g_autofree char *folder = scratch ("theirs");
  g_autoptr(GError) error = NULL;

  if (geteuid () != 0)
    {
      g_test_skip ("needs root to make a folder of another user");
      return;
    }

  g_assert_no_errno (g_mkdir (folder, 0700));
  g_assert_no_errno (chown (folder, 65534, 65534));
  g_assert_false (retract_file_ensure_private_folder (folder, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "belongs to another user"));
  g_assert_null (strstr (error->message, "cases"));
  g_rmdir (folder);
}

/* Names in messages: control, bidi and invisible characters escaped. */
static void
test_display_name (void)
{
  g_autofree char *shown = retract_file_display_name ("x\033[31mred\u202e\u200b.json");
  g_autofree char *missing = scratch ("x\033[31mred\u202e.json");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (shown, ==, "x\\u001B[31mred\\u202E\\u200B.json");

  bytes = retract_file_read (missing, 100, &error);
  g_assert_null (bytes);
  g_assert_nonnull (error);
  g_assert_null (strchr (error->message, '\033'));
  g_assert_null (strstr (error->message, "\u202e"));
  g_assert_nonnull (strstr (error->message, "x\\u001B[31mred\\u202E.json"));
}

/* The lock excludes another process, and a killed holder releases it. */
static void
test_lock_between_processes (void)
{
  g_autofree char *folder = scratch ("locked");
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autoptr(GError) error = NULL;
  int ready[2];
  pid_t pid;
  int status;
  char byte;

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  g_assert_no_errno (pipe (ready));
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      RetractFolderLock *held = retract_folder_lock (folder, NULL);

      if (held == NULL || write (ready[1], "x", 1) != 1)
        _exit (1);
      pause ();
      _exit (0);
    }

  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  {
    g_autofree char *path = g_build_filename (folder, RETRACT_FILE_LOCK_NAME, NULL);
    int fd = open (path, O_RDWR | O_CLOEXEC);

    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, -1);
    close (fd);
  }

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  lock = retract_folder_lock (folder, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock);

  close (ready[0]);
  close (ready[1]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/retract/file/read-refuses", test_read_refuses);
  g_test_add_func ("/retract/file/replace", test_replace);
  g_test_add_func ("/retract/file/write-fd-full", test_write_fd_full);
  g_test_add_func ("/retract/file/names", test_names);
  g_test_add_func ("/retract/file/move-aside-never-replaces", test_move_aside_never_replaces);
  g_test_add_func ("/retract/file/private-folder", test_private_folder);
  g_test_add_func ("/retract/file/lock-between-processes", test_lock_between_processes);
  g_test_add_func ("/retract/file/replace-own-refuses-links", test_replace_own_refuses_links);
  g_test_add_func ("/retract/file/private-folder-through-link", test_private_folder_through_link);
  g_test_add_func ("/retract/file/display-name", test_display_name);
  g_test_add_func ("/retract/file/folder-of-another-user-wording",
                   test_folder_of_another_user_wording);

  return g_test_run ();
}
