/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Retract"

#include "config.h"

#include "test-child.h"
#include "test-guard.h"

/* GLib points a test's children at /dev/null; this launcher gives them this
 * test's own isolated folders. */
GSubprocessLauncher *
test_child_launcher_new (GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  return launcher;
}

/* The command line of retract-cli (from $RETRACT_CLI) with @first and the
 * arguments after it up to NULL, NULL-terminated, for
 * g_subprocess_launcher_spawnv(). The strings are not copied. */
GPtrArray *
test_child_argv_new (const char *first,
                     va_list     args)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("RETRACT_CLI"));
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);
  return argv;
}

/* test_child_argv_new() with the arguments given here. */
GPtrArray *
test_child_argv (const char *first,
                 ...)
{
  GPtrArray *argv;
  va_list args;

  va_start (args, first);
  argv = test_child_argv_new (first, args);
  va_end (args);
  return argv;
}

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  TestChild *child = data;
  GSubprocess *process = G_SUBPROCESS (source);
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (process, result, &child->out, &child->err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process))
    g_error ("retract-cli %s died: %s", child->command, child->err != NULL ? child->err : "");
  child->status = g_subprocess_get_exit_status (process);
  if (child->out == NULL)
    child->out = g_strdup ("");
  if (child->err == NULL)
    child->err = g_strdup ("");
  child->done = TRUE;
}

/* Starts @argv with @launcher; its output is collected while this process's
 * main context turns, so a server in this test can answer it. @child->done
 * is set when it has exited; a piped stream it has not is "". */
void
test_child_start (TestChild           *child,
                  GSubprocessLauncher *launcher,
                  GPtrArray           *argv)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (child->process);
  g_assert_cmpuint (argv->len, >=, 2);
  child->command = g_strjoinv (" ", (char **) argv->pdata + 1);
  child->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                                 &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (child->process, NULL, NULL, on_communicated, child);
}

static gboolean
on_too_slow (gpointer data)
{
  gboolean *too_slow = data;

  *too_slow = TRUE;
  return G_SOURCE_REMOVE;
}

/* Turns the main context until @child has exited; with @seconds above 0, a
 * child that takes longer is killed and fails the test instead of hanging it. */
void
test_child_wait (TestChild *child,
                 guint      seconds)
{
  gboolean too_slow = FALSE;
  guint timeout = 0;

  if (seconds > 0)
    {
      seconds = test_guard_seconds (seconds);
      timeout = g_timeout_add_seconds (seconds, on_too_slow, &too_slow);
    }
  while (!child->done && !too_slow)
    g_main_context_iteration (NULL, TRUE);
  if (too_slow)
    {
      g_subprocess_force_exit (child->process);
      g_error ("retract-cli %s did not return within %u s", child->command, seconds);
    }
  g_clear_handle_id (&timeout, g_source_remove);
}

/* test_child_start() and test_child_wait() in one. */
void
test_child_run (TestChild           *child,
                GSubprocessLauncher *launcher,
                GPtrArray           *argv,
                guint                seconds)
{
  test_child_start (child, launcher, argv);
  test_child_wait (child, seconds);
}

void
test_child_clear (TestChild *child)
{
  g_clear_pointer (&child->out, g_free);
  g_clear_pointer (&child->err, g_free);
  g_clear_pointer (&child->command, g_free);
  g_clear_object (&child->process);
  child->done = FALSE;
}
