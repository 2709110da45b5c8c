/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Signed rules through the command line: `update-rules --file` with the
 * signature and key list beside the file, the same checks as a download and
 * the same JSON; `rules-info` naming the key, the issue and expiry; the
 * notice of expired rules in use; and the shipped retract-cli, which trusts
 * only data/keys/, refusing what the test roots signed. */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>

#include "retract-file.h"
#include "retract-rules-store.h"
#include "test-child.h"
#include "test-datasets.h"
#include "test-signing.h"

typedef TestChild Run;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, test_child_clear)

/* retract-cli (the test-roots one, or @cli) with the arguments up to NULL. */
static void
run_with (Run        *run,
          const char *cli,
          const char *first,
          ...)
{
  g_autoptr(GSubprocessLauncher) launcher =
    test_child_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = NULL;
  va_list args;

  va_start (args, first);
  argv = test_child_argv_new (first, args);
  va_end (args);
  if (cli != NULL)
    argv->pdata[0] = (gpointer) cli;

  test_child_run (run, launcher, argv, 0);
  g_assert_null (strstr (run->err, "CRITICAL"));
}

static JsonObject *
parse_object (const char  *text,
              JsonParser **parser)
{
  g_autoptr(GError) error = NULL;

  *parser = json_parser_new ();
  if (!json_parser_load_from_data (*parser, text, -1, &error))
    g_error ("not JSON (%s): %s", error->message, text);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (*parser)));
  return json_node_get_object (json_parser_get_root (*parser));
}

static void
write_file (const char *directory,
            const char *name,
            GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
}

/* A folder holding @dataset as rules.json, signed, with the key list
 * beside it (unless @with_keys is FALSE). Returns the path of rules.json. */
static char *
write_publication (const char *name,
                   GBytes     *dataset,
                   gboolean    with_keys)
{
  g_autofree char *directory = g_build_filename (g_get_user_cache_dir (), name, NULL);
  g_autoptr(GBytes) signature = test_signing_sign_rules (dataset);

  g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
  write_file (directory, "rules.json", dataset);
  write_file (directory, "rules.json.minisig", signature);
  if (with_keys)
    {
      write_file (directory, "keys.json", test_signing_keys ());
      write_file (directory, "keys.json.minisig", test_signing_keys_signature ());
    }
  return g_build_filename (directory, "rules.json", NULL);
}

static GBytes *
dataset_at (const char *version,
            int         issued_days,
            int         expires_days)
{
  g_autofree char *issued = test_signing_days_from_now (issued_days);
  g_autofree char *expires = test_signing_days_from_now (expires_days);

  return test_dataset_signable (version, issued, expires);
}

static GBytes *
read_store_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), APP_ID, name, NULL);
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_bytes_new_take (contents, length);
}

static void
assert_same (GBytes *before,
             GBytes *after)
{
  g_assert_true ((before == NULL) == (after == NULL));
  if (before != NULL)
    g_assert_true (g_bytes_equal (before, after));
}

/* Import works, and rules-info then names the key, the issue and expiry. */
static void
test_import (void)
{
  g_autoptr(GBytes) dataset = dataset_at ("2027.2.1", -1, 90);
  g_autofree char *path = write_publication ("import", dataset, TRUE);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GBytes) installed = NULL;
  g_auto(Run) update = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) info = { 0 };
  JsonObject *root;

  run_with (&update, NULL, "update-rules", "--file", path, "--json", NULL);
  g_assert_cmpint (update.status, ==, 0);
  root = parse_object (update.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "result"), ==, "updated");
  g_assert_cmpstr (json_object_get_string_member (root, "version"), ==, "2027.2.1");
  g_clear_object (&parser);
  installed = read_store_file ("rules.json");
  g_assert_nonnull (installed);
  g_assert_true (g_bytes_equal (installed, dataset));

  /* The same file again: up to date. */
  run_with (&again, NULL, "update-rules", "--file", path, "--json", NULL);
  g_assert_cmpint (again.status, ==, 0);
  root = parse_object (again.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "result"), ==, "up-to-date");
  g_clear_object (&parser);

  run_with (&info, NULL, "rules-info", "--json", NULL);
  g_assert_cmpint (info.status, ==, 0);
  root = parse_object (info.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "source"), ==, "downloaded");
  g_assert_cmpuint (strlen (json_object_get_string_member (root, "key")), ==, 16);
  g_assert_nonnull (json_object_get_string_member (root, "issued"));
  g_assert_nonnull (json_object_get_string_member (root, "expires"));
  g_assert_false (json_object_get_boolean_member (root, "expired"));
  g_assert_true (json_object_get_null_member (root, "notice"));
}

/* Refusals through --file: the problem in the JSON, nothing changed. */
static void
test_import_refused (void)
{
  g_autoptr(GBytes) dataset = dataset_at ("2027.3.1", -1, 90);
  g_autoptr(GBytes) flipped = test_dataset_edit (dataset, "authoritative", "authoritativf");
  g_autofree char *good = write_publication ("good", dataset, TRUE);
  g_autofree char *bad = write_publication ("flipped", dataset, TRUE);
  g_autofree char *bad_folder = g_path_get_dirname (bad);
  g_autoptr(GBytes) expired = dataset_at ("2027.4.1", -100, -1);
  g_autofree char *expired_path = write_publication ("expired", expired, TRUE);
  g_autoptr(GBytes) unsigned_dataset = dataset_at ("2027.5.1", -1, 90);
  g_autofree char *unsigned_path = write_publication ("unsigned", unsigned_dataset, TRUE);
  g_autofree char *unsigned_signature = g_strconcat (unsigned_path, ".minisig", NULL);
  g_autoptr(GBytes) rules_before = NULL;
  g_autoptr(GBytes) keys_before = NULL;
  struct
  {
    const char *path;
    const char *problem;
  } refusals[] = {
    { bad, "bad-signature" },
    { expired_path, "expired-rules" },
    { unsigned_path, "unsigned" },
  };

  write_file (bad_folder, "rules.json", flipped);
  g_assert_no_errno (g_unlink (unsigned_signature));

  /* Something installed first, which must stay. */
  {
    g_auto(Run) first = { 0 };

    run_with (&first, NULL, "update-rules", "--file", good, NULL);
    g_assert_cmpint (first.status, ==, 0);
  }
  rules_before = read_store_file ("rules.json");
  keys_before = read_store_file ("keys.json");
  g_assert_nonnull (keys_before);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autoptr(JsonParser) parser = NULL;
      g_autoptr(GBytes) rules_after = NULL;
      g_autoptr(GBytes) keys_after = NULL;
      g_auto(Run) run = { 0 };
      JsonObject *root;

      run_with (&run, NULL, "update-rules", "--file", refusals[i].path, "--json", NULL);
      g_assert_cmpint (run.status, ==, 2);
      root = parse_object (run.out, &parser);
      g_assert_cmpstr (json_object_get_string_member (root, "result"), ==, "rejected");
      g_assert_cmpstr (json_object_get_string_member (root, "problem"), ==, refusals[i].problem);
      rules_after = read_store_file ("rules.json");
      keys_after = read_store_file ("keys.json");
      assert_same (rules_before, rules_after);
      assert_same (keys_before, keys_after);
    }
}

/* Without keys.json beside the file: the stored list names the key, as long
 * as it has not expired. */
static void
test_import_with_stored_keys (void)
{
  g_autoptr(GBytes) first = dataset_at ("2027.8.1", -1, 90);
  g_autoptr(GBytes) second = dataset_at ("2027.8.2", -1, 90);
  g_autofree char *with_keys = write_publication ("with-keys", first, TRUE);
  g_autofree char *alone = write_publication ("alone", second, FALSE);
  g_autoptr(JsonParser) parser = NULL;
  g_auto(Run) none = { 0 };
  g_auto(Run) seeded = { 0 };
  g_auto(Run) update = { 0 };
  JsonObject *root;

  /* Nothing stored yet (the test build trusts no shipped list): refused. */
  run_with (&none, NULL, "update-rules", "--file", alone, "--json", NULL);
  g_assert_cmpint (none.status, ==, 2);
  root = parse_object (none.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "problem"), ==, "unsigned");
  g_clear_object (&parser);

  run_with (&seeded, NULL, "update-rules", "--file", with_keys, NULL);
  g_assert_cmpint (seeded.status, ==, 0);
  run_with (&update, NULL, "update-rules", "--file", alone, "--json", NULL);
  g_assert_cmpint (update.status, ==, 0);
  root = parse_object (update.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "version"), ==, "2027.8.2");
}

/* An expired stored list does not stand in for a published one. */
static void
test_import_with_expired_stored_keys (void)
{
  g_autoptr(TestKey) root = test_key_load_root (1);
  g_autoptr(TestKey) release = test_key_new ();
  g_autofree char *issued = test_signing_days_from_now (-400);
  g_autofree char *expired = test_signing_days_from_now (-35);
  g_autoptr(GBytes) keys = test_key_list (1, issued, expired, release, NULL);
  g_autoptr(GBytes) keys_signature = test_sign_full (root, keys, "ED", NULL, "keys");
  g_autoptr(GBytes) old = dataset_at ("2027.9.1", -40, 90);
  g_autoptr(GBytes) old_signature = test_sign (release, old);
  g_autoptr(GBytes) newer = dataset_at ("2027.9.2", -1, 90);
  g_autoptr(GBytes) newer_signature = test_sign (release, newer);
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "expired-keys", NULL);
  g_autofree char *path = g_build_filename (folder, "rules.json", NULL);
  g_autoptr(RetractRulesStore) store = retract_rules_store_new (directory);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *root_object;

  /* Installed while the list was valid. */
  g_assert_true (retract_rules_store_install_signed (store,
                                                     &(RetractRulesPublication) {
                                                       old, old_signature, keys, keys_signature },
                                                     NULL, &error));
  g_assert_no_error (error);
  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  write_file (folder, "rules.json", newer);
  write_file (folder, "rules.json.minisig", newer_signature);

  run_with (&run, NULL, "update-rules", "--file", path, "--json", NULL);
  g_assert_cmpint (run.status, ==, 2);
  root_object = parse_object (run.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root_object, "problem"), ==,
                   "expired-key-list");
}

/* The shipped retract-cli trusts only data/keys/: the test roots' key list
 * is refused, whatever it names. */
static void
test_shipped_refuses_test_roots (void)
{
  g_autoptr(GBytes) dataset = dataset_at ("2027.6.1", -1, 90);
  g_autofree char *path = write_publication ("shipped", dataset, TRUE);
  g_autoptr(JsonParser) parser = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *root;

  g_assert_nonnull (g_getenv ("RETRACT_SHIPPED_CLI"));
  run_with (&run, g_getenv ("RETRACT_SHIPPED_CLI"), "update-rules", "--file", path, "--json",
            NULL);
  g_assert_cmpint (run.status, ==, 2);
  root = parse_object (run.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "problem"), ==, "bad-key-list");
  g_assert_null (read_store_file ("rules.json"));
}

/* Expired rules in use keep working, with the calm notice. */
static void
test_expired_in_use (void)
{
  g_autoptr(GBytes) dataset = dataset_at ("2027.7.1", -100, -1);
  g_autoptr(GBytes) signature = test_signing_sign_rules (dataset);
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autoptr(RetractRulesStore) store = retract_rules_store_new (directory);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) info = { 0 };
  g_auto(Run) assess = { 0 };
  JsonObject *root;

  /* Installed while it was valid, as the store would have. */
  g_assert_true (retract_rules_store_install_signed (store,
                                                     &(RetractRulesPublication) {
                                                       dataset, signature, test_signing_keys (),
                                                       test_signing_keys_signature () },
                                                     NULL, &error));
  g_assert_no_error (error);

  run_with (&info, NULL, "rules-info", "--json", NULL);
  g_assert_cmpint (info.status, ==, 0);
  root = parse_object (info.out, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "version"), ==, "2027.7.1");
  g_assert_true (json_object_get_boolean_member (root, "expired"));
  g_assert_nonnull (strstr (json_object_get_string_member (root, "expiry_notice"),
                            "last confirmed on"));
  g_assert_nonnull (strstr (info.err, "Check the official channels"));

  /* The answer is still given. */
  run_with (&assess, NULL, "assess", "--json", "--type", "friend-report", "--filed-at",
            "2026-11-24 10:00", "--now", "2026-11-24 11:00", NULL);
  g_assert_cmpint (assess.status, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  test_signing_init ();
  g_assert_nonnull (g_getenv ("RETRACT_CLI"));

  g_test_add_func ("/retract/cli/rules-file/import", test_import);
  g_test_add_func ("/retract/cli/rules-file/refused", test_import_refused);
  g_test_add_func ("/retract/cli/rules-file/stored-keys", test_import_with_stored_keys);
  g_test_add_func ("/retract/cli/rules-file/expired-stored-keys",
                   test_import_with_expired_stored_keys);
  g_test_add_func ("/retract/cli/rules-file/shipped-refuses-test-roots",
                   test_shipped_refuses_test_roots);
  g_test_add_func ("/retract/cli/rules-file/expired-in-use", test_expired_in_use);

  return g_test_run ();
}
