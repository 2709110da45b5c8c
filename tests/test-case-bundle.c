/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Export/Import Case File: a round trip into an empty library, the merge by
 * case id (events are a union), a newer saved copy not overwritten without
 * asking, and files that are not a bundle refused with their place. */

#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>
#include <string.h>

#include "retract-case-bundle.h"
#include "retract-error.h"
#include "retract-time.h"

static RetractStore *
new_store (const char *name)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), name, NULL);

  return retract_store_new (directory);
}

static RetractCase *
new_case (const char *filed_at,
          const char *number)
{
  RetractCase *kase = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse (filed_at, NULL);

  retract_case_set_platform (kase, "wechat");
  retract_case_set_complaint_type (kase, "friend-report");
  retract_case_set_filed_at (kase, filed);
  retract_case_set_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, number);
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "我点错了。");
  return kase;
}

static void
add_note (RetractCase *kase,
          const char  *at,
          const char  *note)
{
  g_autoptr(GDateTime) time = retract_time_parse (at, NULL);
  RetractCaseEvent *event = retract_case_event_new (RETRACT_EVENT_NOTE, time);

  event->note = g_strdup (note);
  retract_case_add_event (kase, event);
}

static char *
bundle_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "cases-export.json", NULL);
}

static void
test_round_trip (void)
{
  g_autoptr(RetractStore) from = new_store ("from");
  g_autoptr(RetractStore) to = new_store ("to");
  g_autoptr(RetractCase) first = new_case ("2026-11-24T10:00:00+08:00", "WX0001");
  g_autoptr(RetractCase) second = new_case ("2026-11-24T11:00:00+08:00", "WX0002");
  g_autoptr(RetractCaseBundlePlan) plan = NULL;
  g_autoptr(RetractCaseBundlePlan) again = NULL;
  g_autoptr(RetractCase) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bundle_path ();
  GStatBuf st;
  guint n = 0;

  add_note (first, "2026-11-24T10:30:00+08:00", "截图已保存");
  g_assert_true (retract_store_save_case (from, first, &error));
  g_assert_true (retract_store_save_case (from, second, &error));
  g_assert_no_error (error);

  g_assert_true (retract_case_bundle_export (from, path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  plan = retract_case_bundle_plan (to, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->added->len, ==, 2);
  g_assert_cmpuint (plan->conflicts->len, ==, 0);
  g_assert_true (retract_case_bundle_apply (to, plan, FALSE, &error));
  g_assert_no_error (error);

  loaded = retract_store_load_case (to, retract_case_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (retract_case_get_detail (loaded, RETRACT_DETAIL_COMPLAINT_NUMBER), ==,
                   "WX0001");
  g_assert_cmpstr (retract_case_get_detail (loaded, RETRACT_DETAIL_NARRATIVE), ==, "我点错了。");
  g_assert_cmpuint (retract_case_get_events (loaded)->len, ==, 1);

  /* Imported twice, nothing changes. */
  again = retract_case_bundle_plan (to, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->unchanged->len, ==, 2);
  g_assert_cmpuint (again->added->len + again->merged->len + again->conflicts->len, ==, 0);

  retract_store_delete_all (from, NULL);
  retract_store_delete_all (to, NULL);
}

/* Both sides logged something since: the import keeps every event. */
static void
test_events_union (void)
{
  g_autoptr(RetractStore) store = new_store ("union");
  g_autoptr(RetractCase) kase = new_case ("2026-11-24T10:00:00+08:00", "WX0001");
  g_autoptr(RetractCase) later = NULL;
  g_autoptr(RetractCase) loaded = NULL;
  g_autoptr(RetractCaseBundlePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bundle_path ();

  add_note (kase, "2026-11-24T10:30:00+08:00", "共同的");
  g_assert_true (retract_store_save_case (store, kase, &error));
  g_assert_true (retract_case_bundle_export (store, path, NULL, &error));
  g_assert_no_error (error);

  /* After the export, this computer logs another event. */
  later = retract_store_load_case (store, retract_case_get_id (kase), &error);
  add_note (later, "2026-11-24T12:00:00+08:00", "这台电脑记下的");
  g_assert_true (retract_store_save_case (store, later, &error));

  /* The exported copy, changed elsewhere: an event of its own. */
  {
    g_autoptr(RetractStore) other = new_store ("union-other");
    g_autoptr(RetractCaseBundlePlan) copy = retract_case_bundle_plan (other, path, &error);
    g_autoptr(RetractCase) there = NULL;

    g_assert_no_error (error);
    g_assert_true (retract_case_bundle_apply (other, copy, FALSE, &error));
    there = retract_store_load_case (other, retract_case_get_id (kase), &error);
    add_note (there, "2026-11-24T13:00:00+08:00", "另一台电脑记下的");
    g_usleep (1100 * 1000);  /* a later updated_at (saved to the second) */
    g_assert_true (retract_store_save_case (other, there, &error));
    g_assert_true (retract_case_bundle_export (other, path, NULL, &error));
    g_assert_no_error (error);
    retract_store_delete_all (other, NULL);
  }

  plan = retract_case_bundle_plan (store, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->merged->len, ==, 1);
  g_assert_true (retract_case_bundle_apply (store, plan, FALSE, &error));
  g_assert_no_error (error);
  loaded = retract_store_load_case (store, retract_case_get_id (kase), &error);
  g_assert_cmpuint (retract_case_get_events (loaded)->len, ==, 3);

  retract_store_delete_all (store, NULL);
}

/* The saved copy was changed after the export: its answers stay unless the
 * user says otherwise, and its events are kept either way. */
static void
test_newer_saved_asks (void)
{
  g_autoptr(RetractStore) store = new_store ("newer");
  g_autoptr(RetractCase) kase = new_case ("2026-11-24T10:00:00+08:00", "WX0001");
  g_autoptr(RetractCase) changed = NULL;
  g_autoptr(RetractCase) loaded = NULL;
  g_autoptr(RetractCaseBundlePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bundle_path ();

  g_assert_true (retract_store_save_case (store, kase, &error));
  g_assert_true (retract_case_bundle_export (store, path, NULL, &error));
  g_usleep (1100 * 1000);
  changed = retract_store_load_case (store, retract_case_get_id (kase), &error);
  retract_case_set_detail (changed, RETRACT_DETAIL_COMPLAINT_NUMBER, "WX9999");
  add_note (changed, "2026-11-24T12:00:00+08:00", "改过之后");
  g_assert_true (retract_store_save_case (store, changed, &error));

  plan = retract_case_bundle_plan (store, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->conflicts->len, ==, 1);
  g_assert_true (retract_case_bundle_apply (store, plan, FALSE, &error));
  loaded = retract_store_load_case (store, retract_case_get_id (kase), &error);
  g_assert_cmpstr (retract_case_get_detail (loaded, RETRACT_DETAIL_COMPLAINT_NUMBER), ==,
                   "WX9999");
  g_clear_object (&loaded);
  g_clear_pointer (&plan, retract_case_bundle_plan_free);

  /* Told to overwrite: the imported answers, the saved events still there. */
  plan = retract_case_bundle_plan (store, path, &error);
  g_assert_cmpuint (plan->conflicts->len, ==, 1);
  g_assert_true (retract_case_bundle_apply (store, plan, TRUE, &error));
  g_assert_no_error (error);
  loaded = retract_store_load_case (store, retract_case_get_id (kase), &error);
  g_assert_cmpstr (retract_case_get_detail (loaded, RETRACT_DETAIL_COMPLAINT_NUMBER), ==,
                   "WX0001");
  g_assert_cmpuint (retract_case_get_events (loaded)->len, ==, 1);

  retract_store_delete_all (store, NULL);
}

static void
test_refused (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "{\"format\": 1, \"kind\": \"something-else\", \"cases\": []}", "$.kind" },
    { "{\"format\": 2, \"kind\": \"retract-case-bundle\", \"cases\": []}", "$.format" },
    { "{\"format\": 1, \"kind\": \"retract-case-bundle\", \"cases\": [], \"x\": 1}", "$.x" },
    { "{\"format\": 1, \"kind\": \"retract-case-bundle\", \"cases\": [{\"format\": 2}]}",
      "$.cases[0]" },
  };
  g_autoptr(RetractStore) store = new_store ("refused");
  g_autofree char *path = bundle_path ();

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RetractCaseBundlePlan) plan = NULL;

      g_assert_true (g_file_set_contents (path, cases[i].text, -1, NULL));
      plan = retract_case_bundle_plan (store, path, &error);
      g_assert_null (plan);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("%s: %s", cases[i].text, error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/retract/case-bundle/round-trip", test_round_trip);
  g_test_add_func ("/retract/case-bundle/events-union", test_events_union);
  g_test_add_func ("/retract/case-bundle/newer-saved-asks", test_newer_saved_asks);
  g_test_add_func ("/retract/case-bundle/refused", test_refused);

  return g_test_run ();
}
