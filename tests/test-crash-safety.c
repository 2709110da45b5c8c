/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Kills a process with SIGKILL while it saves a case or installs rules, at
 * random moments, many times; what is on disk must always be the old
 * content or the new, whole, never torn, and still mode 0600. */

#include "config.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "crash-versions.h"
#include "retract-rules-store.h"
#include "retract-store.h"

static guint
iterations (void)
{
  const char *text = g_getenv ("RETRACT_CRASH_ITERATIONS");

  return text != NULL ? (guint) g_ascii_strtoull (text, NULL, 10) : 500;
}

/* How long after its start a writer may be killed, in ms: sanitizer builds
 * start and write several times slower. */
static gint32
window_ms (void)
{
  const char *text = g_getenv ("RETRACT_CRASH_WINDOW_MS");

  return text != NULL ? (gint32) g_ascii_strtoll (text, NULL, 10) : 40;
}

static void
kill_writer_at_random (const char *mode,
                       const char *directory)
{
  const char *argv[] = { g_getenv ("RETRACT_CRASH_WRITER"), mode, directory, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                 &error);
  g_assert_no_error (error);

  /* Anywhere from before its first write to the middle of its tenth. */
  g_usleep (g_test_rand_int_range (0, window_ms () * 1000));
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) || WIFEXITED (status));
  g_spawn_close_pid (pid);
}

static void
assert_whole (const char *path,
              GBytes     *a,
              GBytes     *b,
              guint      *seen_a,
              guint      *seen_b)
{
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf st;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  if (length == g_bytes_get_size (a) && memcmp (contents, g_bytes_get_data (a, NULL), length) == 0)
    (*seen_a)++;
  else if (length == g_bytes_get_size (b) &&
           memcmp (contents, g_bytes_get_data (b, NULL), length) == 0)
    (*seen_b)++;
  else
    g_error ("%s is torn: %" G_GSIZE_FORMAT " bytes, neither version", path, length);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* The temporary files of retract_file_replace(): `.<name>.retract-tmp-XXXXXX`. */
static guint
count_leftovers (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;
  guint count = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    count += name[0] == '.' && strstr (name, ".retract-tmp-") != NULL;

  return count;
}

static void
test_case_saves (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "cases", NULL);
  g_autofree char *text_a = crash_case_text (0);
  g_autofree char *text_b = crash_case_text (1);
  g_autoptr(GBytes) a = g_bytes_new_static (text_a, strlen (text_a));
  g_autoptr(GBytes) b = g_bytes_new_static (text_b, strlen (text_b));
  g_autoptr(RetractStore) store = retract_store_new (directory);
  guint seen_a = 0, seen_b = 0, leftovers = 0, n = iterations ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RetractCase) loaded = NULL;
      g_autoptr(GError) error = NULL;

      kill_writer_at_random ("case", directory);
      assert_whole (retract_store_get_case_path (store), a, b, &seen_a, &seen_b);
      leftovers += count_leftovers (directory);

      /* What survived also loads, and the leftovers of the killed write go. */
      if (retract_store_has_saved_case (store))
        {
          loaded = retract_store_load_case (store, NULL, &error);
          g_assert_no_error (error);
          g_assert_nonnull (loaded);
          g_assert_cmpuint (count_leftovers (directory), ==, 0);
        }
    }

  /* Loading tidied the temporary files the killed writes left behind. */
  {
    g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
    guint files = 0;

    /* The case and the folder's lock file. */
    while (g_dir_read_name (dir) != NULL)
      files++;
    g_assert_cmpuint (files, <=, 2);
  }

  g_test_message ("%u kills: %u times version A, %u times version B, %u leftovers removed", n,
                  seen_a, seen_b, leftovers);
  /* Many kills land in a write: the removal above was really exercised
   * (sanitizer builds start too slowly for a short run to say so). */
  if (n >= 500)
    g_assert_cmpuint (leftovers, >, 0);
  g_assert_cmpuint (seen_a + seen_b, >, n / 2);
  g_assert_cmpuint (seen_a, >, 0);
  g_assert_cmpuint (seen_b, >, 0);
}

static void
test_rules_installs (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "rules", NULL);
  g_autoptr(GBytes) a = crash_rules_version (0);
  g_autoptr(GBytes) b = crash_rules_version (1);
  g_autoptr(RetractRulesStore) store = retract_rules_store_new (directory);
  guint seen_a = 0, seen_b = 0, previous_a = 0, previous_b = 0, leftovers = 0;
  guint n = iterations ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RetractRuleset) active = NULL;
      g_autofree char *notice = NULL;

      kill_writer_at_random ("rules", directory);
      assert_whole (retract_rules_store_get_path (store), a, b, &seen_a, &seen_b);
      assert_whole (retract_rules_store_get_previous_path (store), a, b, &previous_a, &previous_b);
      leftovers += count_leftovers (directory);

      /* The app would start with the downloaded rules, never set them aside. */
      active = retract_rules_store_load_active (store, &notice);
      g_assert_null (notice);
      if (g_file_test (retract_rules_store_get_path (store), G_FILE_TEST_EXISTS))
        g_assert_cmpint (retract_ruleset_get_origin (active), ==,
                         RETRACT_RULES_ORIGIN_DOWNLOADED);
      /* ...and the killed install's temporary files are gone. */
      g_assert_cmpuint (count_leftovers (directory), ==, 0);
    }

  g_test_message ("%u kills: %u/%u active A/B, %u/%u previous A/B, %u leftovers removed", n,
                  seen_a, seen_b, previous_a, previous_b, leftovers);
  if (n >= 500)
    g_assert_cmpuint (leftovers, >, 0);
  g_assert_cmpuint (seen_a + seen_b, >, n / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_assert_nonnull (g_getenv ("RETRACT_CRASH_WRITER"));
  g_test_add_func ("/retract/crash-safety/case-saves", test_case_saves);
  g_test_add_func ("/retract/crash-safety/rules-installs", test_rules_installs);

  return g_test_run ();
}
