/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The case library: private, atomic, never lost to a corrupted file, a
 * crash, a second process or the migration from the single case.json. */

#include "config.h"

#include <sys/stat.h>
#include <sys/time.h>
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

static RetractCase *
filed_case (const char *platform)
{
  RetractCase *kase = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse ("2026-11-24T10:00:00+08:00", NULL);

  retract_case_set_platform (kase, platform);
  retract_case_set_complaint_type (kase, "friend-report");
  retract_case_set_filed_at (kase, filed);
  return kase;
}

static void
add_note (RetractCase *kase,
          int          minutes,
          const char  *note)
{
  g_autoptr(GDateTime) at = g_date_time_add_minutes (retract_case_get_filed_at (kase), minutes);
  RetractCaseEvent *event = retract_case_event_new (RETRACT_EVENT_NOTE, at);

  retract_case_event_set_text (event, &event->note, note);
  retract_case_add_event (kase, event);
}

/* Events are saved and read back whole, in time order. */
static void
test_events_round_trip (void)
{
  g_autofree char *directory = make_directory ();
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractCase) kase = filed_case ("wechat");
  g_autoptr(RetractCase) loaded = NULL;
  g_autoptr(GDateTime) at = g_date_time_add_hours (retract_case_get_filed_at (kase), 1);
  RetractCaseEvent *event = retract_case_event_new (RETRACT_EVENT_SUBMITTED, at);
  g_autoptr(GError) error = NULL;
  GPtrArray *events;

  event->channel = g_strdup ("web-ticket");
  retract_case_event_set_text (event, &event->reference, "T-1");
  retract_case_add_event (kase, event);
  add_note (kase, 30, "第一行\n第二行");
  g_assert_true (retract_case_set_account (kase, "zhangsan_01", NULL));
  g_assert_true (retract_store_save_case (store, kase, &error));
  g_assert_no_error (error);

  loaded = retract_store_load_case (store, retract_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (retract_case_get_account (loaded), ==, "zhangsan_01");
  g_assert_true (g_date_time_equal (retract_case_get_created_at (loaded),
                                    retract_case_get_created_at (kase)));
  events = retract_case_get_events (loaded);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (((RetractCaseEvent *) g_ptr_array_index (events, 0))->note, ==,
                   "第一行\n第二行");
  g_assert_true (retract_case_event_equal (g_ptr_array_index (events, 1),
                                           g_ptr_array_index (retract_case_get_events (kase), 1)));
  g_assert_true (retract_store_delete_all (store, NULL));
}

/* One damaged file among good ones: the good ones are listed, the damaged
 * one is set aside with its bytes and reported. */
static void
test_damaged_among_good (void)
{
  g_autofree char *directory = make_directory ();
  g_autofree char *cases = cases_directory ();
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractCase) bad = retract_case_new ();
  g_autofree char *bad_path = retract_store_dup_case_path (store, retract_case_get_id (bad));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *kept = NULL;
  const RetractStoreProblem *problem;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RetractCase) kase = filed_case ("wechat");

      g_assert_true (retract_store_save_case (store, kase, NULL));
    }
  g_assert_true (g_file_set_contents (bad_path, "{\"format\": 2,", -1, NULL));

  listed = retract_store_list_cases (store, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_true (g_str_has_prefix (problem->file_name, retract_case_get_id (bad)));
  g_assert_error (problem->error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_SYNTAX);
  g_assert_nonnull (problem->moved_to);
  g_assert_nonnull (strstr (problem->moved_to, ".json.damaged-"));
  moved = g_build_filename (cases, problem->moved_to, NULL);
  g_assert_true (g_file_get_contents (moved, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "{\"format\": 2,");
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));

  g_assert_true (retract_store_delete_all (store, NULL));
  g_assert_false (g_file_test (moved, G_FILE_TEST_EXISTS));
}

/* Issue 16, selecting a case: opening one reads the cases folder for the
 * leftovers of killed writes only when the folder changed since a read
 * found none, and a leftover made since is still removed. */
static void
test_load_scans_when_changed (void)
{
  g_autofree char *directory = make_directory ();
  g_autofree char *cases = cases_directory ();
  g_autofree char *leftover = NULL;
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractCase) kase = filed_case ("wechat");
  g_autofree char *id = g_strdup (retract_case_get_id (kase));
  struct timeval past[2] = { { 0 } };
  guint scans;

  g_assert_true (retract_store_save_case (store, kase, NULL));
  leftover = g_strdup_printf ("%s/.%s.json.retract-tmp-Xy12Ab", cases, id);

  /* Just changed: read each time (a file made in the same tick of the file
   * system's clock would leave its time as it was). */
  scans = retract_store_get_n_scans (store);
  g_clear_object (&kase);
  kase = retract_store_load_case (store, id, NULL);
  g_assert_nonnull (kase);
  g_assert_cmpuint (retract_store_get_n_scans (store) - scans, ==, 1);

  /* Unchanged for a while: read once, then not again. */
  past[0].tv_sec = past[1].tv_sec = time (NULL) - 60;
  g_assert_no_errno (utimes (cases, past));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RetractCase) again = retract_store_load_case (store, id, NULL);

      g_assert_nonnull (again);
    }
  g_assert_cmpuint (retract_store_get_n_scans (store) - scans, ==, 2);

  /* A killed write's leftover changes the folder: read, and removed. */
  g_assert_true (g_file_set_contents (leftover, "leftover", -1, NULL));
  g_clear_object (&kase);
  kase = retract_store_load_case (store, id, NULL);
  g_assert_nonnull (kase);
  g_assert_cmpuint (retract_store_get_n_scans (store) - scans, ==, 3);
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));

  g_assert_true (retract_store_delete_all (store, NULL));
}

/* How many cases of @after are the objects @before gave for their ids. */
static guint
count_same_objects (GPtrArray *before,
                    GPtrArray *after)
{
  guint n = 0;

  for (guint i = 0; i < after->len; i++)
    for (guint j = 0; j < before->len; j++)
      if (g_ptr_array_index (after, i) == g_ptr_array_index (before, j))
        n++;
  return n;
}

/* A listing reads only what changed: the index answers for the rest; a
 * change by another process is seen; a damaged index is rebuilt. */
static void
test_index (void)
{
  g_autofree char *directory = make_directory ();
  g_autofree char *cases = cases_directory ();
  g_autofree char *index = g_build_filename (cases, "index.json", NULL);
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractStore) other = retract_store_new (directory);
  g_autoptr(RetractCase) changed = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) previous = NULL;
  g_autofree char *first_id = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(RetractCase) kase = filed_case ("wechat");

      retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "很长的经过");
      retract_case_set_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, "TS2026112400001");
      retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_NAME, "张三");
      g_assert_true (retract_store_save_case (store, kase, NULL));
      if (first_id == NULL)
        first_id = g_strdup (retract_case_get_id (kase));
    }

  listed = retract_store_list_cases (store, NULL, NULL);
  g_assert_cmpuint (listed->len, ==, 5);
  g_assert_cmpuint (retract_store_get_n_case_reads (store), ==, 5);
  /* Light copies: nothing of the narrative or the applicant, but the
   * complaint number that names the case in the list. */
  g_assert_null (retract_case_get_detail (g_ptr_array_index (listed, 0),
                                          RETRACT_DETAIL_NARRATIVE));
  g_assert_null (retract_case_get_detail (g_ptr_array_index (listed, 0),
                                          RETRACT_DETAIL_APPLICANT_NAME));
  g_assert_cmpstr (retract_case_get_detail (g_ptr_array_index (listed, 0),
                                            RETRACT_DETAIL_COMPLAINT_NUMBER),
                   ==, "TS2026112400001");
  g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (index, &text, NULL, NULL));
    g_assert_null (strstr (text, "张三"));
  }

  /* Unchanged: no case file is opened, and the copies read back from the
   * index are the same, the very objects the last listing gave (issue 16:
   * a list keeps the rows of the cases that did not change). */
  g_clear_pointer (&previous, g_ptr_array_unref);
  previous = g_steal_pointer (&listed);
  listed = retract_store_list_cases (store, NULL, NULL);
  g_assert_cmpuint (listed->len, ==, 5);
  g_assert_cmpuint (retract_store_get_n_case_reads (store), ==, 5);
  g_assert_cmpuint (count_same_objects (previous, listed), ==, 5);
  g_assert_cmpstr (retract_case_get_detail (g_ptr_array_index (listed, 0),
                                            RETRACT_DETAIL_COMPLAINT_NUMBER),
                   ==, "TS2026112400001");

  /* Another writer logs an event: that file alone is read again. */
  changed = retract_store_load_case (other, first_id, NULL);
  add_note (changed, 5, "另一个进程");
  g_assert_true (retract_store_save_case (other, changed, NULL));
  g_clear_pointer (&previous, g_ptr_array_unref);
  previous = g_steal_pointer (&listed);
  listed = retract_store_list_cases (store, NULL, NULL);
  g_assert_cmpuint (retract_store_get_n_case_reads (store), ==, 6);
  g_assert_cmpuint (count_same_objects (previous, listed), ==, 4);
  for (guint i = 0; i < listed->len; i++)
    {
      RetractCase *kase = g_ptr_array_index (listed, i);

      g_assert_cmpuint (retract_case_get_events (kase)->len, ==,
                        g_str_equal (retract_case_get_id (kase), first_id) ? 1 : 0);
    }

  /* An index whose copies say what no case file may say (a text-direction
   * character) is not believed: the files are read. */
  {
    g_autofree char *text = NULL;
    g_autoptr(GString) tampered = NULL;

    g_assert_true (g_file_get_contents (index, &text, NULL, NULL));
    tampered = g_string_new (text);
    g_assert_cmpuint (g_string_replace (tampered, "\"wechat\"", "\"wechat\\u202e\"", 0), ==, 5);
    g_assert_true (g_file_set_contents (index, tampered->str, -1, NULL));
    g_clear_pointer (&listed, g_ptr_array_unref);
    listed = retract_store_list_cases (store, NULL, NULL);
    g_assert_cmpuint (retract_store_get_n_case_reads (store), ==, 11);
    for (guint i = 0; i < listed->len; i++)
      g_assert_cmpstr (retract_case_get_platform (g_ptr_array_index (listed, i)), ==, "wechat");
  }

  /* A damaged index is ignored and rebuilt. */
  g_assert_true (g_file_set_contents (index, "{\"format\": 1, \"cases\": [", -1, NULL));
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = retract_store_list_cases (store, NULL, NULL);
  g_assert_cmpuint (listed->len, ==, 5);
  g_assert_cmpuint (retract_store_get_n_case_reads (store), ==, 16);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = retract_store_list_cases (store, NULL, NULL);
  g_assert_cmpuint (retract_store_get_n_case_reads (store), ==, 16);

  g_assert_true (retract_store_delete_all (store, NULL));
}

/* case.json becomes a case of the library, once; a second run does
 * nothing; a crash between the write and the removal leaves no duplicate,
 * and a case changed since is not overwritten. */
/* A case that came from case.json (or an import) and is open in one process
 * stays deleted when another process deletes it: it is not written back.
 * The deleted case leaves nothing of itself in the index. */
static void
test_migrated_stays_deleted (void)
{
  static const char legacy_text[] =
    "{\"format\": 1, \"platform\": \"wechat\", \"type\": \"friend-report\", "
    "\"filed_at\": \"2026-11-24T10:00:00+08:00\", \"complaint_number\": \"TS2026112400777\"}";
  g_autofree char *directory = make_directory ();
  g_autofree char *legacy = legacy_path ();
  g_autofree char *cases = cases_directory ();
  g_autofree char *index = g_build_filename (cases, "index.json", NULL);
  g_autoptr(RetractStore) app = retract_store_new (directory);
  g_autoptr(RetractStore) cli = retract_store_new (directory);
  g_autoptr(RetractCase) open_case = NULL;
  g_autoptr(RetractCase) other = filed_case ("wechat");
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;

  g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
  g_assert_true (g_file_set_contents (legacy, legacy_text, -1, NULL));
  g_assert_true (retract_store_migrate (app, &id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (retract_store_save_case (cli, other, NULL));

  open_case = retract_store_load_case (app, id, &error);
  g_assert_no_error (error);
  listed = retract_store_list_cases (cli, NULL, NULL);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_true (g_file_get_contents (index, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "TS2026112400777"));
  g_clear_pointer (&text, g_free);

  g_assert_true (retract_store_delete_case (cli, id, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (index, &text, NULL, NULL));
  g_assert_null (strstr (text, "TS2026112400777"));
  g_assert_nonnull (strstr (text, retract_case_get_id (other)));

  add_note (open_case, 5, "写回去？");
  g_assert_false (retract_store_save_case (app, open_case, &error));
  g_assert_error (error, RETRACT_STORE_ERROR, RETRACT_STORE_ERROR_DELETED);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = retract_store_list_cases (cli, NULL, NULL);
  g_assert_cmpuint (listed->len, ==, 1);
}

/* A case file that does not load: loading it says why and where it went. */
static void
test_damaged_load_says_where (void)
{
  g_autofree char *directory = make_directory ();
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractCase) kase = filed_case ("wechat");
  g_autoptr(RetractCase) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_assert_true (retract_store_save_case (store, kase, NULL));
  path = retract_store_dup_case_path (store, retract_case_get_id (kase));
  g_assert_true (g_file_set_contents (path, "{\"format\": 2,", -1, NULL));

  loaded = retract_store_load_case (store, retract_case_get_id (kase), &error);
  g_assert_null (loaded);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "set aside as"));
  g_assert_nonnull (strstr (error->message, retract_case_get_id (kase)));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_migration (void)
{
  static const char legacy_text[] =
    "{\"format\": 1, \"platform\": \"wechat\", \"type\": \"friend-report\", "
    "\"filed_at\": \"2026-11-24T10:00:00+08:00\", \"narrative\": \"旧的案件\"}";
  g_autofree char *directory = make_directory ();
  g_autofree char *legacy = legacy_path ();
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractCase) migrated = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, legacy_text, -1);

  g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
  g_assert_true (g_file_set_contents (legacy, legacy_text, -1, NULL));

  g_assert_true (retract_store_migrate (store, &id, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_true (strncmp (id, expected, 32) == 0);
  g_assert_false (g_file_test (legacy, G_FILE_TEST_EXISTS));

  migrated = retract_store_load_case (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (retract_case_get_detail (migrated, RETRACT_DETAIL_NARRATIVE), ==, "旧的案件");
  g_assert_cmpstr (retract_case_get_account (migrated), ==, "");

  /* Nothing left to do. */
  g_assert_true (retract_store_migrate (store, &again, NULL, &error));
  g_assert_null (again);

  /* Killed before case.json was removed, after the case was used. */
  add_note (migrated, 10, "迁移后记下的");
  g_assert_true (retract_store_save_case (store, migrated, NULL));
  g_assert_true (g_file_set_contents (legacy, legacy_text, -1, NULL));
  listed = retract_store_list_cases (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpuint (retract_case_get_events (g_ptr_array_index (listed, 0))->len, ==, 1);
  g_assert_false (g_file_test (legacy, G_FILE_TEST_EXISTS));

  g_assert_true (retract_store_delete_all (store, NULL));
}

/* Two processes with the same case open: both logs survive; a case one of
 * them deleted is not written back by the other. */
static void
test_merge_and_deleted (void)
{
  g_autofree char *directory = make_directory ();
  g_autoptr(RetractStore) one = retract_store_new (directory);
  g_autoptr(RetractStore) two = retract_store_new (directory);
  g_autoptr(RetractCase) kase = filed_case ("wechat");
  g_autoptr(RetractCase) a = NULL;
  g_autoptr(RetractCase) b = NULL;
  g_autoptr(RetractCase) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = retract_store_dup_case_path (one, retract_case_get_id (kase));

  g_assert_true (retract_store_save_case (one, kase, NULL));
  a = retract_store_load_case (one, retract_case_get_id (kase), NULL);
  b = retract_store_load_case (two, retract_case_get_id (kase), NULL);

  add_note (a, 1, "甲");
  add_note (b, 2, "乙");
  g_assert_true (retract_store_save_case (one, a, &error));
  g_assert_true (retract_store_save_case (two, b, &error));
  g_assert_no_error (error);
  on_disk = retract_store_load_case (one, retract_case_get_id (kase), NULL);
  g_assert_cmpuint (retract_case_get_events (on_disk)->len, ==, 2);
  /* The second one's copy has the first one's event now. */
  g_assert_cmpuint (retract_case_get_events (b)->len, ==, 2);

  /* Two copies in one process (a window and a command of the app) merge too. */
  {
    g_autoptr(RetractCase) c = retract_store_load_case (one, retract_case_get_id (kase), NULL);
    g_autoptr(RetractCase) d = retract_store_load_case (one, retract_case_get_id (kase), NULL);
    g_autoptr(RetractCase) both = NULL;

    add_note (c, 4, "丁");
    add_note (d, 5, "戊");
    g_assert_true (retract_store_save_case (one, c, NULL));
    g_assert_true (retract_store_save_case (one, d, NULL));
    both = retract_store_load_case (two, retract_case_get_id (kase), NULL);
    g_assert_cmpuint (retract_case_get_events (both)->len, ==, 4);
  }

  g_assert_true (retract_store_delete_case (one, retract_case_get_id (kase), &error));
  g_assert_no_error (error);
  add_note (b, 3, "丙");
  g_assert_false (retract_store_save_case (two, b, &error));
  g_assert_error (error, RETRACT_STORE_ERROR, RETRACT_STORE_ERROR_DELETED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_false (retract_store_delete_case (one, retract_case_get_id (kase), &error));
  g_assert_error (error, RETRACT_STORE_ERROR, RETRACT_STORE_ERROR_NOT_FOUND);
}

/* Export and import: private file, the same case; a different case with
 * the same id is refused; "Continue" is the open case saved last. */
static void
test_import_export_latest (void)
{
  g_autofree char *directory = make_directory ();
  g_autofree char *elsewhere = g_build_filename (g_get_user_data_dir (), "other", NULL);
  g_autofree char *exported = g_build_filename (g_get_user_data_dir (), "exported.json", NULL);
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractStore) other = retract_store_new (elsewhere);
  g_autoptr(RetractCase) first = filed_case ("wechat");
  g_autoptr(RetractCase) second = filed_case ("douyin");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *latest = NULL;
  GStatBuf st;

  g_assert_true (retract_store_save_case (store, first, NULL));
  /* The time of a save is kept to the second. */
  g_usleep (1100 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (retract_store_save_case (store, second, NULL));
  latest = retract_store_dup_latest_id (store, NULL);
  g_assert_cmpstr (latest, ==, retract_case_get_id (second));

  /* A case that is done is not continued. */
  {
    g_autoptr(GDateTime) at = g_date_time_add_hours (retract_case_get_filed_at (second), 1);

    retract_case_add_event (second, retract_case_event_new (RETRACT_EVENT_RESOLVED, at));
    g_assert_true (retract_store_save_case (store, second, NULL));
    g_free (latest);
    latest = retract_store_dup_latest_id (store, NULL);
    g_assert_cmpstr (latest, ==, retract_case_get_id (first));
  }

  g_assert_true (retract_store_export_case (store, retract_case_get_id (first), exported, &error));
  g_assert_no_error (error);
  g_assert_no_errno (g_stat (exported, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (retract_store_import_case (other, exported, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, retract_case_get_id (first));
  g_clear_pointer (&id, g_free);
  /* Again: the same case, nothing to do. */
  g_assert_true (retract_store_import_case (other, exported, &id, &error));
  g_assert_no_error (error);

  /* Changed here: importing the old copy would lose that. */
  retract_case_set_detail (first, RETRACT_DETAIL_NARRATIVE, "改过");
  g_assert_true (retract_store_save_case (store, first, NULL));
  g_assert_true (retract_store_export_case (store, retract_case_get_id (first), exported, NULL));
  g_assert_false (retract_store_import_case (other, exported, NULL, &error));
  g_assert_error (error, RETRACT_STORE_ERROR, RETRACT_STORE_ERROR_EXISTS);

  /* A case file of format 1, imported twice, is one case. */
  g_clear_error (&error);
  {
    g_autofree char *old_path = g_build_filename (g_get_user_data_dir (), "old.json", NULL);
    g_autofree char *old_id = NULL;
    g_autofree char *old_again = NULL;
    g_autoptr(GPtrArray) listed = NULL;

    g_assert_true (g_file_set_contents (old_path, "{\"format\": 1, \"platform\": \"wechat\"}",
                                        -1, NULL));
    g_assert_true (retract_store_import_case (store, old_path, &old_id, &error));
    g_assert_no_error (error);
    g_assert_true (retract_store_import_case (store, old_path, &old_again, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (old_id, ==, old_again);
    listed = retract_store_list_cases (store, NULL, NULL);
    g_assert_cmpuint (listed->len, ==, 3);
    g_unlink (old_path);
  }

  g_unlink (exported);
  g_assert_true (retract_store_delete_all (store, NULL));
  g_assert_true (retract_store_delete_all (other, NULL));
}

/* The index's light copies carry nothing of the guardian, the enterprise or
 * any identity document (issue 15): the case file alone holds them, and
 * reads them back. */
static void
test_index_nothing_personal (void)
{
  static const char * const scenarios[] = { "cross-border", "minor", "enterprise", NULL };
  static const char * const personal[] = {
    "张三", "张大山", "父亲", "85291234567", "13800138000", "A123456", "AB987654",
    "某某科技有限公司", "91440300708461136T", "guardian", "credit_code", "id_document",
    "hk-id", "id_number", NULL,
  };
  g_autofree char *directory = make_directory ();
  g_autofree char *cases = cases_directory ();
  g_autofree char *index = g_build_filename (cases, "index.json", NULL);
  g_autoptr(RetractStore) store = retract_store_new (directory);
  g_autoptr(RetractCase) kase = filed_case ("wechat");
  g_autoptr(RetractCase) loaded = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *text = NULL;
  RetractCase *light;

  retract_case_set_scenarios (kase, scenarios);
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_NAME, "张三");
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_PHONE, "+852 9123 4567");
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "A123456(3)");
  retract_case_set_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, "TS2026112400001");
  retract_case_set_detail (kase, RETRACT_DETAIL_GUARDIAN_NAME, "张大山");
  retract_case_set_detail (kase, RETRACT_DETAIL_GUARDIAN_RELATIONSHIP, "父亲");
  retract_case_set_detail (kase, RETRACT_DETAIL_GUARDIAN_PHONE, "13800138000");
  retract_case_set_id_document_type (kase, RETRACT_ID_HOLDER_GUARDIAN, RETRACT_ID_DOCUMENT_HK_ID);
  retract_case_set_detail (kase, RETRACT_DETAIL_GUARDIAN_ID_NUMBER, "AB987654(3)");
  retract_case_set_detail (kase, RETRACT_DETAIL_ENTERPRISE_NAME, "某某科技有限公司");
  retract_case_set_detail (kase, RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE, "91440300708461136T");
  g_assert_true (retract_store_save_case (store, kase, NULL));

  listed = retract_store_list_cases (store, NULL, NULL);
  g_assert_cmpuint (listed->len, ==, 1);
  light = g_ptr_array_index (listed, 0);
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    if (i != RETRACT_DETAIL_COMPLAINT_NUMBER)
      g_assert_null (retract_case_get_detail (light, i));
  for (guint i = 0; i < RETRACT_N_ID_HOLDERS; i++)
    g_assert_false (retract_case_get_id_document_type_chosen (light, i));
  g_assert_cmpstrv (retract_case_get_scenarios (light), scenarios);

  g_assert_true (g_file_get_contents (index, &text, NULL, NULL));
  for (guint i = 0; personal[i] != NULL; i++)
    if (strstr (text, personal[i]) != NULL)
      g_error ("the index holds “%s”:\n%s", personal[i], text);

  /* Read again from the index, not the file: still nothing. */
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = retract_store_list_cases (store, NULL, NULL);
  g_assert_cmpuint (retract_store_get_n_case_reads (store), ==, 1);
  g_assert_null (retract_case_get_detail (g_ptr_array_index (listed, 0),
                                          RETRACT_DETAIL_GUARDIAN_NAME));

  /* The case file has it all. */
  loaded = retract_store_load_case (store, retract_case_get_id (kase), NULL);
  g_assert_nonnull (loaded);
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    g_assert_cmpstr (retract_case_get_detail (loaded, i), ==, retract_case_get_detail (kase, i));
  g_assert_cmpint (retract_case_get_id_document_type (loaded, RETRACT_ID_HOLDER_APPLICANT), ==,
                   RETRACT_ID_DOCUMENT_HK_ID);
  g_assert_cmpint (retract_case_get_id_document_type (loaded, RETRACT_ID_HOLDER_GUARDIAN), ==,
                   RETRACT_ID_DOCUMENT_HK_ID);

  g_assert_true (retract_store_delete_all (store, NULL));
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
  g_test_add_func ("/retract/store/events-round-trip", test_events_round_trip);
  g_test_add_func ("/retract/store/damaged-among-good", test_damaged_among_good);
  g_test_add_func ("/retract/store/index", test_index);
  g_test_add_func ("/retract/store/load-scans-when-changed", test_load_scans_when_changed);
  g_test_add_func ("/retract/store/index-nothing-personal", test_index_nothing_personal);
  g_test_add_func ("/retract/store/migration", test_migration);
  g_test_add_func ("/retract/store/migrated-stays-deleted", test_migrated_stays_deleted);
  g_test_add_func ("/retract/store/damaged-load-says-where", test_damaged_load_says_where);
  g_test_add_func ("/retract/store/merge-and-deleted", test_merge_and_deleted);
  g_test_add_func ("/retract/store/import-export-latest", test_import_export_latest);
  g_test_add_func ("/retract/clock/fixed", test_fixed_clock);
  g_test_add_func ("/retract/clock/real", test_real_clock);

  return g_test_run ();
}
