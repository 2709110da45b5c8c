/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The case library: private, atomic, never lost to a corrupted file, a
 * crash, a second process or the migration from the single case.json. */

#include "config.h"

#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "retract-clock.h"
#include "retract-error.h"
#include "retract-rules-store.h"
#include "retract-store.h"
#include "retract-time.h"

static char *
make_directory (void)
{
  return g_build_filename (g_get_user_data_dir (), "io.github.retractapp.Retract", NULL);
}

static char *
cases_directory (void)
{
  g_autofree char *directory = make_directory ();

  return g_build_filename (directory, "cases", NULL);
}

static char *
legacy_path (void)
{
  g_autofree char *directory = make_directory ();

  return g_build_filename (directory, "case.json", NULL);
}

/* Whether the store lists any case (what the app offers to continue). */
static gboolean
has_cases (RetractStore *store)
{
  g_autoptr(GPtrArray) cases = retract_store_list_cases (store, NULL, NULL);

  return cases != NULL && cases->len > 0;
}

static guint
count_files (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  guint count = 0;

  const char *name;

  /* The folder's lock file is not a saved file. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    count += !g_str_equal (name, ".retract.lock");

  return count;
}

static void
test_round_trip_private (void)
{
  g_autofree char *directory = make_directory ();
  g_autofree char *cases = cases_directory ();
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(RetractCase) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = retract_store_dup_case_path (store, retract_case_get_id (kase));
  g_autofree char *name = NULL;
  GStatBuf st;

  g_assert_false (has_cases (store));
  g_assert_null (retract_store_load_case (store, retract_case_get_id (kase), &error));
  g_assert_error (error, RETRACT_STORE_ERROR, RETRACT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  retract_case_set_platform (kase, "wechat");
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_NAME, "张三");
  g_assert_true (retract_store_save_case (store, kase, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (directory, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (cases, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  /* The file name says nothing about the person: it is the random id. */
  name = g_strconcat ("/", retract_case_get_id (kase), ".json", NULL);
  g_assert_true (g_str_has_suffix (path, name));

  loaded = retract_store_load_case (store, retract_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (retract_case_get_detail (loaded, RETRACT_DETAIL_APPLICANT_NAME), ==, "张三");

  /* Saving again leaves one file and no temporary copies. */
  g_assert_true (retract_store_save_case (store, kase, NULL));
  g_assert_cmpuint (count_files (cases), ==, 1);

  g_assert_true (retract_store_delete_all (store, &error));
  g_assert_no_error (error);
}

static void
test_corrupted_moved_aside (void)
{
  static const char garbage[] = "{\"format\": 1, \"platform\": \"wechat\",";
  g_autofree char *directory = make_directory ();
  g_autofree char *legacy = legacy_path ();
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *moved_to = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *unrelated = g_build_filename (directory, "notes.txt", NULL);
  const RetractStoreProblem *problem;

  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  g_assert_true (g_file_set_contents (legacy, garbage, -1, NULL));
  g_assert_true (g_file_set_contents (unrelated, "mine", -1, NULL));

  cases = retract_store_list_cases (store, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 0);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->file_name, ==, "case.json");
  g_assert_error (problem->error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (problem->error->message, legacy));

  /* Moved, not deleted: the bytes are all still there. */
  g_assert_nonnull (problem->moved_to);
  g_assert_true (g_str_has_prefix (problem->moved_to, "case.json.unreadable-"));
  moved_to = g_build_filename (directory, problem->moved_to, NULL);
  g_assert_false (g_file_test (legacy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (moved_to, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, garbage);

  /* The next launch starts cleanly. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&cases, g_ptr_array_unref);
  cases = retract_store_list_cases (store, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 0);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Deleting all saved data takes the moved copy too, and nothing else. */
  g_assert_true (retract_store_delete_all (store, &error));
  g_assert_false (g_file_test (moved_to, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));
  g_unlink (unrelated);
}

static void
test_delete_without_directory (void)
{
  g_autoptr(RetractStore) store = retract_store_new ("/nonexistent/retract");
  g_autoptr(GError) error = NULL;

  g_assert_true (retract_store_delete_all (store, &error));
  g_assert_no_error (error);
}

static void
test_save_failure_reported (void)
{
  g_autoptr(RetractStore) store = retract_store_new ("/proc/retract-cannot-write-here");
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (retract_store_save_case (store, kase, &error));
  g_assert_nonnull (error);
}

/* Files a user put in the data folder are theirs, whatever they are called:
 * loading, saving, start-up cleanup and "delete all" leave them alone. Only
 * what the app itself wrote goes. */
static void
test_user_files_kept (void)
{
  static const char * const users[] = {
    "case.json.backup", "case.json.old123", "case.json.abcdef", "case.json.unreadable-mine",
    "case.json.unreadable-20261124T100000Z.txt", "rules.json.mynote", "rules.json.ABC123",
    "rules.etag.xyz123", ".case.json.retract-tmp-toolong", "case.json.retract-tmp-Ab12Cd",
    NULL
  };
  static const char * const ours[] = {
    ".case.json.retract-tmp-Ab12Cd", ".rules.json.retract-tmp-x9Y8z7",
    ".rules.json.previous.retract-tmp-000000", ".rules.etag.retract-tmp-QQQQQQ",
    "case.json.unreadable-20261124T100000Z", "case.json.unreadable-20261124T100000Z-7",
    NULL
  };
  g_autofree char *directory = make_directory ();
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractRulesStore) rules_store = retract_rules_store_new (directory);
  g_autoptr(RetractRuleset) rules = NULL;
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(RetractCase) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *link_path = g_build_filename (directory, ".case.json.retract-tmp-L1nk00", NULL);
  g_autofree char *outside = g_build_filename (g_get_user_data_dir (), "outside", NULL);

  g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
  for (guint i = 0; users[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (directory, users[i], NULL);

      g_assert_true (g_file_set_contents (path, "mine", -1, NULL));
    }
  g_assert_true (g_file_set_contents (outside, "mine", -1, NULL));
  /* Even a link with our name is not followed nor removed. */
  g_assert_no_errno (symlink (outside, link_path));

  retract_case_set_platform (kase, "wechat");
  g_assert_true (retract_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  for (guint i = 0; ours[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (directory, ours[i], NULL);

      g_assert_true (g_file_set_contents (path, "leftover", -1, NULL));
    }

  loaded = retract_store_load_case (store, retract_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  rules = retract_rules_store_load_active (rules_store, NULL);
  g_assert_nonnull (rules);

  /* The user's files are still there, the temporary files of killed writes are gone. */
  for (guint i = 0; users[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (directory, users[i], NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_error ("%s, a file of the user, was deleted at start-up", users[i]);
    }
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *path = g_build_filename (directory, ours[i], NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_error ("%s was left behind", ours[i]);
    }

  g_assert_true (retract_store_delete_all (store, &error));
  g_assert_no_error (error);
  g_assert_false (has_cases (store));
  for (guint i = 4; ours[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (directory, ours[i], NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_error ("%s was not deleted", ours[i]);
    }

  for (guint i = 0; users[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (directory, users[i], NULL);
      g_autofree char *contents = NULL;

      if (!g_file_get_contents (path, &contents, NULL, NULL))
        g_error ("%s, a file of the user, was deleted", users[i]);
      g_assert_cmpstr (contents, ==, "mine");
      g_unlink (path);
    }
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (outside, G_FILE_TEST_IS_REGULAR));
  g_unlink (link_path);
  g_unlink (outside);
}

/* A data folder others may enter is made private before a case goes in. */
static void
test_folder_tightened (void)
{
  g_autofree char *directory = make_directory ();
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
  g_assert_no_errno (g_chmod (directory, 0777));
  g_assert_true (retract_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  g_assert_no_errno (g_stat (directory, &st));
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);
  g_assert_true (retract_store_delete_all (store, NULL));
}

/* A data folder of another user: nothing personal goes in, and the reason
 * is given. */
static void
test_folder_of_another_user (void)
{
  g_autofree char *directory = make_directory ();
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GError) error = NULL;

  if (geteuid () != 0)
    {
      g_test_skip ("giving a folder to another user needs root");
      return;
    }

  g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
  g_assert_no_errno (chown (directory, 65534, 65534));
  g_assert_false (retract_store_save_case (store, kase, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "belongs to another user"));
  g_assert_false (has_cases (store));
  g_assert_no_errno (g_rmdir (directory));
}

/* Something that is not a regular file where the case is: not read, not
 * replaced. */
static void
test_case_not_regular (void)
{
  g_autofree char *cases = cases_directory ();
  g_autofree char *directory = make_directory ();
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autofree char *path = retract_store_dup_case_path (store, retract_case_get_id (kase));
  g_autofree char *message = g_strconcat (retract_case_get_id (kase), ".json is not a regular file",
                                          NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_no_errno (g_mkdir_with_parents (cases, 0700));
  g_assert_no_errno (mkfifo (path, 0600));
  g_assert_null (retract_store_load_case (store, retract_case_get_id (kase), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_false (retract_store_save_case (store, kase, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, message));
  g_assert_no_errno (lstat (path, &st));
  g_assert_true (S_ISFIFO (st.st_mode));
  g_unlink (path);
}

/* A case file that is a link to a real case: Delete Saved Data removes the
 * link (so no case loads any more), never the file it points to. A save
 * never writes through such a link either. The same for case.json. */
static void
test_delete_linked_case (void)
{
  g_autofree char *directory = make_directory ();
  g_autofree char *cases = cases_directory ();
  g_autofree char *legacy = legacy_path ();
  g_autofree char *elsewhere = g_build_filename (g_get_user_data_dir (), "my-case.json", NULL);
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractStore) next_start = NULL;
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autofree char *path = retract_store_dup_case_path (store, retract_case_get_id (kase));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  retract_case_set_platform (kase, "wechat");
  g_assert_no_errno (g_mkdir_with_parents (cases, 0700));
  g_assert_true (retract_case_save_to_file (kase, elsewhere, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (elsewhere, &before, NULL, NULL));
  g_assert_no_errno (symlink (elsewhere, path));
  g_assert_no_errno (symlink (elsewhere, legacy));

  /* An autosave does not write through it. */
  retract_case_set_platform (kase, "douyin");
  g_assert_false (retract_store_save_case (store, kase, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  g_assert_true (retract_store_delete_all (store, &error));
  g_assert_no_error (error);

  next_start = retract_store_new (directory);
  g_assert_false (has_cases (next_start));
  g_assert_false (g_file_test (path, G_FILE_TEST_IS_SYMLINK));
  g_assert_false (g_file_test (legacy, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (elsewhere, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_unlink (elsewhere);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_fixed_clock (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = retract_time_parse ("2026-11-24T10:00:00+08:00", &error);
  g_autoptr(GDateTime) later = g_date_time_add_minutes (start, 90);
  g_autoptr(RetractClock) clock = retract_clock_new_fixed (start);
  guint notified = 0;

  g_signal_connect (clock, "notify::now", G_CALLBACK (count_notify), &notified);
  g_assert_true (retract_clock_is_fixed (clock));
  g_assert_true (g_date_time_equal (retract_clock_get_now (clock), start));

  retract_clock_set_now (clock, start);
  g_assert_cmpuint (notified, ==, 0);
  retract_clock_set_now (clock, later);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (g_date_time_equal (retract_clock_get_now (clock), later));
}

static void
test_real_clock (void)
{
  g_autoptr(RetractClock) clock = retract_clock_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GTimeSpan drift = g_date_time_difference (now, retract_clock_get_now (clock));

  g_assert_false (retract_clock_is_fixed (clock));
  g_assert_cmpint (drift, >=, 0);
  g_assert_cmpint (drift, <, 5 * G_TIME_SPAN_SECOND);
  g_assert_finalize_object (g_steal_pointer (&clock));
}

typedef struct
{
  guint  done;
  guint  failed;
  GError *error;
} SaveResults;

static void
on_saved (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveResults *results = user_data;
  g_autoptr(GError) error = NULL;

  if (!retract_store_save_case_finish (RETRACT_STORE (source_object), result, &error))
    {
      results->failed++;
      if (results->error == NULL)
        results->error = g_steal_pointer (&error);
    }
  results->done++;
}

static void
wait_for_saves (SaveResults *results,
                guint        n)
{
  while (results->done < n)
    g_main_context_iteration (NULL, TRUE);
}

static char *
saved_narrative (RetractStore *store,
                 RetractCase  *kase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractCase) saved = retract_store_load_case (store, retract_case_get_id (kase),
                                                          &error);

  g_assert_no_error (error);
  return g_strdup (retract_case_get_detail (saved, RETRACT_DETAIL_NARRATIVE));
}

/* Autosave in a worker thread: the file is whole, private, and alone. */
static void
test_save_async (void)
{
  g_autofree char *directory = make_directory ();
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autofree char *narrative = NULL;
  g_autofree char *cases = cases_directory ();
  g_autofree char *path = NULL;
  SaveResults results = { 0 };
  GStatBuf st;

  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "第一次");
  retract_store_save_case_async (store, kase, NULL, on_saved, &results);
  /* Later changes are not what this save writes: it took the case as it was. */
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "改了但没保存");
  wait_for_saves (&results, 1);
  g_assert_no_error (results.error);
  g_assert_cmpuint (results.failed, ==, 0);

  path = retract_store_dup_case_path (store, retract_case_get_id (kase));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  narrative = saved_narrative (store, kase);
  g_assert_cmpstr (narrative, ==, "第一次");
  g_assert_cmpuint (count_files (cases), ==, 1);

  g_assert_true (retract_store_delete_all (store, NULL));
}

/* Quick saves, one after another while the first is being written: every
 * caller hears back, and the newest state is the one on disk. */
static void
test_save_async_newest_wins (void)
{
  g_autofree char *directory = make_directory ();
  g_autofree char *cases = cases_directory ();
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autofree char *narrative = NULL;
  SaveResults results = { 0 };

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *text = g_strdup_printf ("第%u版", i);

      retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, text);
      retract_store_save_case_async (store, kase, NULL, on_saved, &results);
    }
  wait_for_saves (&results, 20);
  g_assert_no_error (results.error);

  narrative = saved_narrative (store, kase);
  g_assert_cmpstr (narrative, ==, "第19版");
  g_assert_cmpuint (count_files (cases), ==, 1);

  g_assert_true (retract_store_delete_all (store, NULL));
}

/* Quitting during a save: waiting for the store (without the main loop,
 * as at exit) leaves the newest content on disk. */
static void
test_save_async_quit (void)
{
  g_autofree char *directory = make_directory ();
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autofree char *narrative = NULL;
  SaveResults results = { 0 };

  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "旧的");
  retract_store_save_case_async (store, kase, NULL, on_saved, &results);
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "新的");
  retract_store_save_case_async (store, kase, NULL, on_saved, &results);
  retract_store_wait (store);

  narrative = saved_narrative (store, kase);
  g_assert_cmpstr (narrative, ==, "新的");

  /* A synchronous save after queued ones is the last word too. */
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "旧的");
  retract_store_save_case_async (store, kase, NULL, on_saved, &results);
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "最新的");
  g_assert_true (retract_store_save_case (store, kase, NULL));
  wait_for_saves (&results, 3);
  g_clear_pointer (&narrative, g_free);
  narrative = saved_narrative (store, kase);
  g_assert_cmpstr (narrative, ==, "最新的");

  g_assert_true (retract_store_delete_all (store, NULL));
}

/* Deleting everything while a save is on its way: nothing comes back. */
static void
test_save_async_then_delete (void)
{
  g_autofree char *directory = make_directory ();
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GError) error = NULL;
  SaveResults results = { 0 };

  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "不要留下");
  for (guint i = 0; i < 3; i++)
    retract_store_save_case_async (store, kase, NULL, on_saved, &results);
  g_assert_true (retract_store_delete_all (store, &error));
  g_assert_no_error (error);
  wait_for_saves (&results, 3);
  g_assert_false (has_cases (store));
}

/* A save that cannot be written says why, to every caller. */
static void
test_save_async_failure (void)
{
  g_autoptr(RetractStore) store = retract_store_new ("/proc/retract-cannot-write-here");
  g_autoptr(RetractCase) kase = retract_case_new ();
  SaveResults results = { 0 };

  retract_store_save_case_async (store, kase, NULL, on_saved, &results);
  retract_store_save_case_async (store, kase, NULL, on_saved, &results);
  wait_for_saves (&results, 2);
  g_assert_cmpuint (results.failed, ==, 2);
  g_assert_nonnull (results.error);
  g_clear_error (&results.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/retract/store/round-trip-private", test_round_trip_private);
  g_test_add_func ("/retract/store/corrupted-moved-aside", test_corrupted_moved_aside);
  g_test_add_func ("/retract/store/delete-without-directory", test_delete_without_directory);
  g_test_add_func ("/retract/store/save-failure-reported", test_save_failure_reported);
  g_test_add_func ("/retract/store/user-files-kept", test_user_files_kept);
  g_test_add_func ("/retract/store/folder-tightened", test_folder_tightened);
  g_test_add_func ("/retract/store/folder-of-another-user", test_folder_of_another_user);
  g_test_add_func ("/retract/store/case-not-regular", test_case_not_regular);
  g_test_add_func ("/retract/store/delete-linked-case", test_delete_linked_case);
  g_test_add_func ("/retract/store/save-async", test_save_async);
  g_test_add_func ("/retract/store/save-async-newest-wins", test_save_async_newest_wins);
  g_test_add_func ("/retract/store/save-async-quit", test_save_async_quit);
  g_test_add_func ("/retract/store/save-async-then-delete", test_save_async_then_delete);
  g_test_add_func ("/retract/store/save-async-failure", test_save_async_failure);
  g_test_add_func ("/retract/clock/fixed", test_fixed_clock);
  g_test_add_func ("/retract/clock/real", test_real_clock);

  return g_test_run ();
}
