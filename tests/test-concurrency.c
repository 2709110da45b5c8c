/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Many real processes at once on one data folder: `retract-cli update-rules`
 * against loopback servers offering different versions, `rules-info` and
 * `assess` reading, and this process loading the rules the way the app does.
 * Nobody may fail, the newest dataset must win every time, byte for byte,
 * and no temporary file may stay behind. Then the case library: processes
 * logging events to one case at once lose none, and a case deleted by one
 * is not written back by another. */

#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "retract-rules-store.h"
#include "retract-store.h"
#include "retract-time.h"
#include "test-child.h"
#include "test-datasets.h"
#include "test-server.h"
#include "test-signing.h"

#define WAVES 15
#define UPDATES_PER_WAVE 10
#define READERS_PER_WAVE 3
#define VERSIONS_PER_WAVE 4

static GHashTable *served; /* "/N.json" → GBytes of version 2027.1.N */
static guint port;

/* The answers of a wave are held back until every updater of the wave has
 * asked: all of them started from the same installed version, and all of
 * them install at about the same moment. */
static GPtrArray *held;
static guint hold_for;
static guint release_id;

static gboolean
release_all (gpointer data)
{
  release_id = 0;
  for (guint i = 0; i < held->len; i++)
    soup_server_message_unpause (g_ptr_array_index (held, i));
  g_ptr_array_set_size (held, 0);
  return G_SOURCE_REMOVE;
}

/* What is published at @path, for its signature. */
static GBytes *
served_body (const char *path)
{
  GBytes *body = g_hash_table_lookup (served, path);

  return body != NULL ? g_bytes_ref (body) : NULL;
}

static void
serve (SoupServer        *server,
       SoupServerMessage *message,
       const char        *path,
       GHashTable        *query,
       gpointer           data)
{
  GBytes *body = NULL;

  /* The signatures and key list beside the rules are never held back. */
  if (test_signing_serve (message, path, served_body))
    return;

  body = g_hash_table_lookup (served, path);

  if (body == NULL)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  test_server_reply_json (message, body);

  if (hold_for > 0)
    {
      soup_server_message_pause (message);
      g_ptr_array_add (held, message);
      if (held->len == hold_for)
        {
          g_clear_handle_id (&release_id, g_source_remove);
          release_all (NULL);
        }
      else if (release_id == 0)
        /* Never wait forever for a straggler. */
        release_id = g_timeout_add_seconds (10, release_all, NULL);
    }
}

typedef struct
{
  TestChild run;
  gboolean  update;
} Child;

static void
child_free (gpointer data)
{
  Child *child = data;

  test_child_clear (&child->run);
  g_free (child);
}

static Child *
spawn (gboolean            update,
       const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    test_child_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  Child *child = g_new0 (Child, 1);

  g_ptr_array_add (argv, (gpointer) g_getenv ("RETRACT_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* The network commands end with GIO's resolver threads alive (see test-cli.c). */
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS",
                                "detect_leaks=0:abort_on_error=1:halt_on_error=1", TRUE);

  child->update = update;
  test_child_start (&child->run, launcher, argv);
  return child;
}

static char *
version_name (guint n)
{
  return g_strdup_printf ("2027.1.%u", n);
}

static char *
data_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
}

static void
assert_installed (guint newest)
{
  g_autofree char *directory = data_folder ();
  g_autofree char *path = g_build_filename (directory, "rules.json", NULL);
  g_autofree char *key = g_strdup_printf ("/%u.json", newest);
  g_autofree char *contents = NULL;
  GBytes *expected = g_hash_table_lookup (served, key);
  gsize length = 0;
  GStatBuf st;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  if (length != g_bytes_get_size (expected) ||
      memcmp (contents, g_bytes_get_data (expected, NULL), length) != 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RetractRuleset) rules = retract_ruleset_new_from_file (path, &error);

      g_error ("the installed rules are not the newest served (%u): %s", newest,
               rules != NULL ? retract_ruleset_get_version (rules) : error->message);
    }

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* Only the files the app keeps may be in the folder: no temporary file. */
static void
assert_no_leftovers (void)
{
  static const char * const kept[] = {
    "rules.json", "rules.json.previous", "rules.json.minisig", "rules.json.minisig.previous",
    "keys.json", "keys.json.minisig", "rules.etag", ".retract.lock", NULL
  };
  g_autofree char *directory = data_folder ();
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_strv_contains (kept, name))
      g_error ("a file was left in the data folder: %s", name);
}

static gboolean
load_like_the_app (gpointer data)
{
  g_autoptr(RetractRulesStore) store = retract_rules_store_new_default ();
  g_autoptr(RetractRuleset) rules = NULL;
  g_autofree char *notice = NULL;
  guint *loads = data;

  rules = retract_rules_store_load_active (store, &notice);
  if (notice != NULL)
    g_error ("the app's start-up load saw a problem: %s", notice);
  g_assert_cmpint (retract_ruleset_get_origin (rules), ==, RETRACT_RULES_ORIGIN_DOWNLOADED);
  (*loads)++;
  return G_SOURCE_CONTINUE;
}

static void
test_updates_and_readers (void)
{
  g_autoptr(SoupServer) server = NULL;
  gint64 started = g_get_monotonic_time ();
  guint updates = 0, reads = 0, loads = 0, installed_reports = 0, newest = 0;

  served = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                  (GDestroyNotify) g_bytes_unref);
  for (guint n = 1; n <= 1 + WAVES * VERSIONS_PER_WAVE; n++)
    {
      g_autofree char *version = version_name (n);

      g_hash_table_insert (served, g_strdup_printf ("/%u.json", n),
                           test_dataset_with_version (version));
    }
  held = g_ptr_array_new ();
  server = test_server_start (serve, NULL, &port);

  /* A first download, so every wave starts from an installed dataset. */
  {
    g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/1.json", port);
    const char *args[] = { "update-rules", "--url", url, NULL };
    Child *child = spawn (TRUE, args);

    test_child_wait (&child->run, 0);
    g_assert_cmpint (child->run.status, ==, 0);
    child_free (child);
    newest = 1;
  }

  for (guint wave = 0; wave < WAVES; wave++)
    {
      g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (child_free);
      guint base = 1 + wave * VERSIONS_PER_WAVE;
      guint wave_newest = newest;
      guint source;

      /* Every process of a wave starts with the same installed version and
       * downloads a newer one (the server holds the answers back until all
       * have asked); which one installs first depends on who is faster. */
      for (guint i = 0; i < UPDATES_PER_WAVE; i++)
        {
          guint n = base + (guint) g_test_rand_int_range (1, VERSIONS_PER_WAVE + 1);
          g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/%u.json", port, n);
          const char *args[] = { "update-rules", "--json", "--url", url, NULL };

          wave_newest = MAX (wave_newest, n);
          g_ptr_array_add (children, spawn (TRUE, args));
        }
      for (guint i = 0; i < READERS_PER_WAVE; i++)
        {
          const char *info[] = { "rules-info", "--json", NULL };
          const char *assess[] = { "assess", "--json", "--type", "friend-report", "--filed-at",
                                   "2026-11-24 10:00", "--now", "2026-11-24 11:00", NULL };

          g_ptr_array_add (children, spawn (FALSE, i % 2 == 0 ? info : assess));
        }

      hold_for = UPDATES_PER_WAVE;
      source = g_timeout_add (3, load_like_the_app, &loads);
      for (guint i = 0; i < children->len; i++)
        {
          Child *child = g_ptr_array_index (children, i);

          test_child_wait (&child->run, 0);
          if (child->run.status != 0)
            g_error ("“%s” failed (%d): %s%s", child->run.command, child->run.status,
                     child->run.out, child->run.err);
          if (child->update)
            {
              updates++;
              if (strstr (child->run.out, "\"updated\"") != NULL)
                installed_reports++;
              else
                g_assert_nonnull (strstr (child->run.out, "\"up-to-date\""));
            }
          else
            {
              reads++;
              g_assert_cmpstr (child->run.err, ==, "");
            }
        }
      g_source_remove (source);

      newest = wave_newest;
      assert_installed (newest);
      assert_no_leftovers ();
    }

  g_test_message ("%u updates (%u installed), %u reads, %u app loads in %.1f s", updates,
                  installed_reports, reads, loads,
                  (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC);
  g_assert_cmpuint (updates, ==, WAVES * UPDATES_PER_WAVE);

  soup_server_disconnect (server);
  g_clear_pointer (&served, g_hash_table_unref);
  g_clear_pointer (&held, g_ptr_array_unref);
}

/* The case library */

#define LOGGERS 4
#define EVENTS_PER_LOGGER 25

static GSubprocess *
spawn_logger (const char *directory,
              const char *id,
              const char *tag,
              guint       n)
{
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, g_getenv ("RETRACT_CASE_LOGGER"),
                              directory, id, tag, count, NULL);
  g_assert_no_error (error);
  return process;
}

static RetractCase *
new_saved_case (RetractStore *store)
{
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse ("2026-11-24T10:00:00+08:00", NULL);
  g_autoptr(GError) error = NULL;

  retract_case_set_platform (kase, "wechat");
  retract_case_set_complaint_type (kase, "friend-report");
  retract_case_set_filed_at (kase, filed);
  g_assert_true (retract_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&kase);
}

/* Several processes log events to one case at the same moment, each saving
 * over the others' revisions: every event of every one of them is kept. */
static void
test_case_logs (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "library", NULL);
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractCase) kase = new_saved_case (store);
  g_autoptr(RetractCase) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  GSubprocess *loggers[LOGGERS];
  GPtrArray *events;

  /* Listed once before: the index this process wrote is then out of date. */
  listed = retract_store_list_cases (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpuint (retract_case_get_events (g_ptr_array_index (listed, 0))->len, ==, 0);

  for (guint i = 0; i < LOGGERS; i++)
    {
      g_autofree char *tag = g_strdup_printf ("p%u", i);

      loggers[i] = spawn_logger (directory, retract_case_get_id (kase), tag, EVENTS_PER_LOGGER);
    }
  for (guint i = 0; i < LOGGERS; i++)
    {
      g_assert_true (g_subprocess_wait (loggers[i], NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (loggers[i]));
      g_assert_cmpint (g_subprocess_get_exit_status (loggers[i]), ==, 0);
      g_object_unref (loggers[i]);
    }

  saved = retract_store_load_case (store, retract_case_get_id (kase), &error);
  g_assert_no_error (error);
  events = retract_case_get_events (saved);
  g_test_message ("%u events from %u processes at once", events->len, LOGGERS);
  g_assert_cmpuint (events->len, ==, LOGGERS * EVENTS_PER_LOGGER);
  for (guint i = 0; i < LOGGERS; i++)
    for (guint j = 0; j < EVENTS_PER_LOGGER; j++)
      {
        g_autofree char *note = g_strdup_printf ("p%u-%u", i, j);
        gboolean found = FALSE;

        for (guint k = 0; k < events->len && !found; k++)
          found = g_strcmp0 (((RetractCaseEvent *) g_ptr_array_index (events, k))->note,
                             note) == 0;
        if (!found)
          g_error ("the event “%s” was lost", note);
      }

  /* The listing sees what the other processes saved, not its old index. */
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = retract_store_list_cases (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (retract_case_get_events (g_ptr_array_index (listed, 0))->len, ==,
                    LOGGERS * EVENTS_PER_LOGGER);

  g_assert_true (retract_store_delete_all (store, NULL));
}

/* One process deletes the case while another is logging to it: the logger
 * is told, and the case stays deleted. */
static void
test_case_delete_while_logging (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "deleting", NULL);
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractCase) kase = new_saved_case (store);
  g_autofree char *path = retract_store_dup_case_path (store, retract_case_get_id (kase));
  g_autoptr(GSubprocess) logger = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 until = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  logger = spawn_logger (directory, retract_case_get_id (kase), "x", 100000);

  /* Deleted once the logger is well under way. */
  for (;;)
    {
      g_autoptr(RetractCase) saved = retract_store_load_case (store, retract_case_get_id (kase),
                                                              NULL);

      if (saved != NULL && retract_case_get_events (saved)->len >= 5)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_usleep (2000);
    }
  g_assert_true (retract_store_delete_case (store, retract_case_get_id (kase), &error));
  g_assert_no_error (error);

  g_assert_true (g_subprocess_wait (logger, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (logger));
  g_assert_cmpint (g_subprocess_get_exit_status (logger), ==, 3);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  listed = retract_store_list_cases (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  test_signing_init ();

  g_test_add_func ("/retract/concurrency/updates-and-readers", test_updates_and_readers);
  g_test_add_func ("/retract/concurrency/case-logs", test_case_logs);
  g_test_add_func ("/retract/concurrency/case-delete-while-logging",
                   test_case_delete_while_logging);

  return g_test_run ();
}
