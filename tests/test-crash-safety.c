/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Kills a process with SIGKILL while it saves a case or installs rules, at
 * random moments, many times; what is on disk must always be the old
 * content or the new, whole, never torn, and still mode 0600. */

#include "config.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "crash-versions.h"
#include "retract-rules-store.h"
#include "retract-store.h"
#include "test-signing.h"

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
  int status, out;
  char byte;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out, NULL, &error);
  g_assert_no_error (error);

  /* Anywhere from before its first write to the middle of its tenth,
   * counted from when it starts writing (it says so on its output). */
  if (read (out, &byte, 1) != 1)
    g_test_message ("the writer ended before it started writing");
  g_usleep (g_test_rand_int_range (0, window_ms () * 1000));
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) || WIFEXITED (status));
  g_spawn_close_pid (pid);
  close (out);
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

/* Whole means: it loads (strictly) and is one of the two versions; the
 * revision and the time of the save differ from save to save. */
static void
assert_whole_case (const char  *path,
                   RetractCase *a,
                   RetractCase *b,
                   guint       *seen_a,
                   guint       *seen_b)
{
  g_autoptr(RetractCase) saved = NULL;
  g_autoptr(GError) error = NULL;
  const char *narrative;
  GStatBuf st;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  saved = retract_case_new_from_file (path, &error);
  if (saved == NULL)
    g_error ("%s is torn: %s", path, error->message);

  narrative = retract_case_get_detail (saved, RETRACT_DETAIL_NARRATIVE);
  if (g_strcmp0 (narrative, retract_case_get_detail (a, RETRACT_DETAIL_NARRATIVE)) == 0 &&
      g_strcmp0 (retract_case_get_complaint_type (saved),
                 retract_case_get_complaint_type (a)) == 0)
    (*seen_a)++;
  else if (g_strcmp0 (narrative, retract_case_get_detail (b, RETRACT_DETAIL_NARRATIVE)) == 0 &&
           g_strcmp0 (retract_case_get_complaint_type (saved),
                      retract_case_get_complaint_type (b)) == 0)
    (*seen_b)++;
  else
    g_error ("%s is neither version", path);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_case_saves (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "cases", NULL);
  g_autoptr(RetractCase) a = crash_case_version (0);
  g_autoptr(RetractCase) b = crash_case_version (1);
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autofree char *path = retract_store_dup_case_path (store, CRASH_CASE_ID);
  g_autofree char *cases_directory = g_path_get_dirname (path);
  guint seen_a = 0, seen_b = 0, leftovers = 0, n = iterations ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RetractCase) loaded = NULL;
      g_autoptr(GError) error = NULL;

      kill_writer_at_random ("case", directory);
      assert_whole_case (path, a, b, &seen_a, &seen_b);
      leftovers += count_leftovers (cases_directory);

      /* What survived also loads, and the leftovers of the killed write go. */
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          loaded = retract_store_load_case (store, CRASH_CASE_ID, &error);
          g_assert_no_error (error);
          g_assert_nonnull (loaded);
          g_assert_cmpuint (count_leftovers (cases_directory), ==, 0);
        }
    }

  /* Loading tidied the temporary files the killed writes left behind. */
  {
    g_autoptr(GDir) dir = g_dir_open (cases_directory, 0, NULL);
    guint files = 0;

    /* The case, nothing else. */
    while (dir != NULL && g_dir_read_name (dir) != NULL)
      files++;
    g_assert_cmpuint (files, <=, 1);
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

/* Logging an event: the file always holds the events logged up to some
 * point, in order and without a gap, never a torn file nor a lost event
 * that an earlier save had written. */
static void
test_event_logs (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "events", NULL);
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractCase) start = crash_case_version (0);
  g_autofree char *path = retract_store_dup_case_path (store, CRASH_CASE_ID);
  g_autoptr(GError) error = NULL;
  guint n = iterations () / 5, grown = 0, last = 0;

  /* A short case: the writers get to log many events before they die. */
  retract_case_set_detail (start, RETRACT_DETAIL_NARRATIVE, "误点了投诉。");
  g_assert_true (retract_store_save_case (store, start, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RetractCase) saved = NULL;
      GPtrArray *events;
      GStatBuf st;

      kill_writer_at_random ("event", directory);
      saved = retract_case_new_from_file (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);

      /* Each writer carries on from what the last one left: 0, 1, …, k-1,
       * and nothing written before is lost. */
      events = retract_case_get_events (saved);
      g_assert_cmpuint (events->len, >=, last);
      for (guint j = 0; j < events->len; j++)
        {
          const RetractCaseEvent *event = g_ptr_array_index (events, j);
          g_autofree char *expected = g_strdup_printf ("%u", j);

          g_assert_cmpstr (event->note, ==, expected);
        }
      grown += events->len > last;
      last = events->len;
    }

  g_test_message ("%u kills while logging, the timeline grew %u times, to %u events", n,
                  grown, last);
  g_assert_cmpuint (grown, >, 0);
}

/* Migrating case.json: killed anywhere, the case is in case.json, in
 * cases/, or both (killed between the write and the removal), whole; the
 * next start finishes the job with one case, never two. */
static void
test_migrations (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "migrate", NULL);
  g_autofree char *legacy = g_build_filename (directory, "case.json", NULL);
  g_autofree char *text = crash_legacy_case_text ();
  g_autoptr(RetractStore) store = retract_store_new (directory);
  guint n = iterations () / 5, before = 0, between = 0, after = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) cases = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *kept = NULL;
      gboolean has_legacy, has_new = FALSE;
      g_autoptr(GDir) dir = NULL;

      g_assert_true (retract_store_delete_all (store, NULL));
      g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
      g_assert_true (g_file_set_contents (legacy, text, -1, NULL));

      kill_writer_at_random ("migrate", directory);

      has_legacy = g_file_test (legacy, G_FILE_TEST_EXISTS);
      if (has_legacy)
        {
          g_assert_true (g_file_get_contents (legacy, &kept, NULL, NULL));
          g_assert_cmpstr (kept, ==, text);
        }
      {
        g_autofree char *cases_directory = g_build_filename (directory, "cases", NULL);
        const char *name;

        dir = g_dir_open (cases_directory, 0, NULL);
        while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
          if (name[0] != '.')
            {
              g_autofree char *path = g_build_filename (cases_directory, name, NULL);
              g_autoptr(RetractCase) migrated = retract_case_new_from_file (path, &error);

              g_assert_no_error (error);
              g_assert_cmpstr (retract_case_get_detail (migrated, RETRACT_DETAIL_NARRATIVE), ==,
                               "迁移前的案件");
              has_new = TRUE;
            }
      }
      g_assert_true (has_legacy || has_new);
      before += has_legacy && !has_new;
      between += has_legacy && has_new;
      after += !has_legacy && has_new;

      cases = retract_store_list_cases (store, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (cases->len, ==, 1);
      g_assert_false (g_file_test (legacy, G_FILE_TEST_EXISTS));
    }

  g_test_message ("%u kills while migrating: %u before, %u between write and removal, "
                  "%u after", n, before, between, after);
  g_assert_cmpuint (before + after, >, 0);
}

/* The writer installs signed sets: both versions signed by a release key
 * of a key list signed by a test root, written where it finds them. */
static void
write_signatures (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_cache_dir (), "signed", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GBytes) dataset = crash_rules_version (i);
      g_autoptr(GBytes) signature = test_signing_sign_rules (dataset);
      g_autofree char *name = g_strdup_printf ("%u.minisig", i);
      g_autofree char *path = g_build_filename (directory, name, NULL);

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (signature, NULL),
                                          (gssize) g_bytes_get_size (signature), &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 2; i++)
    {
      GBytes *bytes = i == 0 ? test_signing_keys () : test_signing_keys_signature ();
      g_autofree char *path = g_build_filename (directory, i == 0 ? "keys.json"
                                                                  : "keys.json.minisig", NULL);

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                          (gssize) g_bytes_get_size (bytes), &error));
      g_assert_no_error (error);
    }
  g_setenv ("RETRACT_CRASH_SIGNATURES", directory, TRUE);
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

  write_signatures ();
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
      if (notice != NULL)
        g_test_message ("notice: %s", notice);
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
  test_signing_init ();
  g_test_add_func ("/retract/crash-safety/case-saves", test_case_saves);
  g_test_add_func ("/retract/crash-safety/event-logs", test_event_logs);
  g_test_add_func ("/retract/crash-safety/migrations", test_migrations);
  g_test_add_func ("/retract/crash-safety/rules-installs", test_rules_installs);

  return g_test_run ();
}
