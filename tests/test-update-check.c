/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The app's update check: retract-cli update-rules run as a helper process
 * against a rules server on loopback, and helpers that are missing, say
 * nothing useful, or are stopped half-way. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "retract-rules-store.h"
#include "retract-update-check.h"
#include "test-child.h"
#include "test-datasets.h"
#include "test-server.h"
#include "test-signing.h"

#define NEWER_VERSION "2026.12.1"

typedef struct
{
  gboolean  done;
  gboolean  ok;
  gboolean  installed;
  char     *version;
  GError   *error;
  char     *described;
} Check;

static GBytes *newer_rules;
static GBytes *older_rules;

/* What a Wi-Fi hotspot answers before its user has signed in. */
static const char login_page[] =
  "<!DOCTYPE html>\n<html><head><title>Sign in to Airport Wi-Fi</title></head>\n"
  "<body><form action=\"/login\"><input name=\"room\"><button>Connect</button></form>"
  "</body></html>\n";

static void
check_clear (Check *check)
{
  g_clear_pointer (&check->version, g_free);
  g_clear_error (&check->error);
  g_clear_pointer (&check->described, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Check, check_clear)

/* What is published at @path, for its signature. */
static GBytes *
published (const char *path)
{
  if (g_str_equal (path, "/newer.json"))
    return g_bytes_ref (newer_rules);
  if (g_str_equal (path, "/older.json"))
    return g_bytes_ref (older_rules);
  if (g_str_equal (path, "/broken.json"))
    return g_bytes_new_static ("{", 1);
  return NULL;
}

static void
serve (SoupServer        *server,
       SoupServerMessage *message,
       const char        *path,
       GHashTable        *query,
       gpointer           data)
{
  if (test_signing_serve (message, path, published))
    return;

  if (g_str_equal (path, "/newer.json"))
    test_server_reply_json (message, newer_rules);
  else if (g_str_equal (path, "/broken.json"))
    test_server_reply (message, "application/json", "{", 1);
  else if (g_str_equal (path, "/older.json"))
    test_server_reply_json (message, older_rules);
  else if (g_str_equal (path, "/login.json"))
    {
      /* A captive portal answers every address with its page, and 200. */
      test_server_reply (message, "text/html", login_page, sizeof login_page - 1);
    }
  else if (g_str_equal (path, "/garbage.json"))
    {
      static const char garbage[] = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR garbage";

      test_server_reply (message, "application/json", garbage, sizeof garbage - 1);
    }
  else if (g_str_equal (path, "/error.json"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
    }
  else if (g_str_equal (path, "/stall.json"))
    {
      /* Never answers: the check is cancelled while the helper waits. */
      soup_server_message_pause (message);
    }
  else
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
    }
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Check *check = data;

  check->ok = retract_update_check_finish (result, &check->installed, &check->version,
                                           &check->error);
  if (check->error != NULL && !g_error_matches (check->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    check->described = g_strdup (retract_update_check_describe (result, check->error));
  check->done = TRUE;
}

/* The server runs in this thread's main context, so it answers while we wait.
 * The helper gets this test's isolated directories, as the app's helper gets
 * the app's own. */
static void
run_check (const char   *url,
           GCancellable *cancellable,
           Check        *check)
{
  g_setenv ("XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_setenv ("XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_setenv ("XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  retract_update_check_async (url, cancellable, on_checked, check);
  while (!check->done)
    g_main_context_iteration (NULL, TRUE);
}

static char *
active_version (void)
{
  g_autoptr(RetractRulesStore) store = retract_rules_store_new_default ();
  g_autoptr(RetractRuleset) rules = retract_rules_store_load_active (store, NULL);

  return g_strdup (retract_ruleset_get_version (rules));
}

static void
test_through_helper (void)
{
  guint port;
  g_autoptr(SoupServer) server = test_server_start (serve, NULL, &port);
  g_autofree char *newer = g_strdup_printf ("http://127.0.0.1:%u/newer.json", port);
  g_autofree char *broken = g_strdup_printf ("http://127.0.0.1:%u/broken.json", port);
  g_autofree char *missing = g_strdup_printf ("http://127.0.0.1:%u/missing.json", port);
  g_autofree char *before = active_version ();
  g_autofree char *after = NULL;
  g_auto(Check) update = { 0 };
  g_auto(Check) again = { 0 };
  g_auto(Check) rejected = { 0 };
  g_auto(Check) not_found = { 0 };
  g_auto(Check) refused = { 0 };

  g_assert_cmpstr (before, !=, NEWER_VERSION);

  /* Newer rules: installed where the app reads them. */
  run_check (newer, NULL, &update);
  g_assert_no_error (update.error);
  g_assert_true (update.ok);
  g_assert_true (update.installed);
  g_assert_cmpstr (update.version, ==, NEWER_VERSION);
  after = active_version ();
  g_assert_cmpstr (after, ==, NEWER_VERSION);

  /* The same again: up to date, nothing installed. */
  run_check (newer, NULL, &again);
  g_assert_no_error (again.error);
  g_assert_false (again.installed);
  g_assert_cmpstr (again.version, ==, NEWER_VERSION);

  /* Not rules: rejected, with the loader's reason, and the active rules stay. */
  run_check (broken, NULL, &rejected);
  g_assert_error (rejected.error, RETRACT_UPDATE_CHECK_ERROR, RETRACT_UPDATE_CHECK_ERROR_REJECTED);
  g_assert_cmpstr (rejected.error->message, !=, "");
  g_clear_pointer (&after, g_free);
  after = active_version ();
  g_assert_cmpstr (after, ==, NEWER_VERSION);

  /* A server error names its status. */
  run_check (missing, NULL, &not_found);
  g_assert_error (not_found.error, RETRACT_UPDATE_CHECK_ERROR, RETRACT_UPDATE_CHECK_ERROR_NETWORK);
  g_assert_nonnull (strstr (not_found.error->message, "404"));

  /* The helper's own URL policy applies: plain http only to this computer. */
  run_check ("http://example.com/rules.json", NULL, &refused);
  g_assert_nonnull (refused.error);
  g_assert_true (refused.error->domain == RETRACT_UPDATE_CHECK_ERROR);
  g_assert_cmpint (refused.error->code, !=, RETRACT_UPDATE_CHECK_ERROR_HELPER);
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

/* Import Rules… with @path, waited for. */
static void
run_import (const char *path,
            Check      *check)
{
  retract_update_check_import_async (path, NULL, on_checked, check);
  while (!check->done)
    g_main_context_iteration (NULL, TRUE);
}

/* Import Rules…: the chosen file goes through the helper's --file, with the
 * same checks; a file whose signature does not match is described as such. */
static void
test_import_file (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_cache_dir (), "usb", NULL);
  g_autofree char *path = g_build_filename (directory, "rules.json", NULL);
  g_autoptr(GBytes) signature = test_signing_sign_rules (newer_rules);
  g_autoptr(GBytes) flipped = test_dataset_edit (newer_rules, "authoritative", "authoritativf");
  g_autofree char *after = NULL;
  g_autoptr(GBytes) older_signature = test_signing_sign_rules (older_rules);
  g_auto(Check) imported = { 0 };
  g_auto(Check) refused = { 0 };
  g_auto(Check) older = { 0 };

  g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
  write_file (directory, "rules.json", flipped);
  write_file (directory, "rules.json.minisig", signature);
  write_file (directory, "keys.json", test_signing_keys ());
  write_file (directory, "keys.json.minisig", test_signing_keys_signature ());

  g_setenv ("XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  run_import (path, &refused);
  g_assert_error (refused.error, RETRACT_UPDATE_CHECK_ERROR, RETRACT_UPDATE_CHECK_ERROR_REJECTED);
  g_assert_cmpstr (refused.described, ==,
                   "The signature of the rules offered does not match; they were not used");

  /* Said of the file chosen, not of a server. */
  write_file (directory, "rules.json", older_rules);
  write_file (directory, "rules.json.minisig", older_signature);
  run_import (path, &older);
  g_assert_error (older.error, RETRACT_UPDATE_CHECK_ERROR, RETRACT_UPDATE_CHECK_ERROR_REJECTED);
  g_assert_cmpstr (older.described, ==,
                   "This file has older rules than the ones in use; nothing was changed");

  write_file (directory, "rules.json.minisig", signature);
  write_file (directory, "rules.json", newer_rules);
  run_import (path, &imported);
  g_assert_no_error (imported.error);
  g_assert_true (imported.installed);
  after = active_version ();
  g_assert_cmpstr (after, ==, NEWER_VERSION);
}

static gboolean
cancel_soon (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancelled (void)
{
  guint port;
  g_autoptr(SoupServer) server = test_server_start (serve, NULL, &port);
  g_autofree char *stall = g_strdup_printf ("http://127.0.0.1:%u/stall.json", port);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = active_version ();
  g_autofree char *after = NULL;
  g_auto(Check) check = { 0 };
  gint64 start = g_get_monotonic_time ();

  g_timeout_add (300, cancel_soon, cancellable);
  run_check (stall, cancellable, &check);
  g_assert_error (check.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Long before the helper's own time-out. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  after = active_version ();
  g_assert_cmpstr (after, ==, before);
}

/* A port on this computer that nothing listens on. */
static guint
closed_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  guint port;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return port;
}

typedef struct
{
  const char *path;       /* on the loopback server, or a whole URL */
  const char *problem;    /* `update-rules --json`'s "problem" */
  const char *result;     /* its "result", as before */
  int         exit_code;  /* its exit status, as before */
  const char *described;  /* what the app says */
} Failure;

static const Failure failures[] = {
  { "/login.json", "not-rules", "rejected", 2,
    "The server did not send a rules file. On a public Wi-Fi, sign in to it first" },
  { "/garbage.json", "not-rules", "rejected", 2,
    "The server did not send a rules file. On a public Wi-Fi, sign in to it first" },
  { "/broken.json", "invalid-rules", "rejected", 2,
    "The downloaded rules are damaged and were not used" },
  { "/older.json", "older-rules", "rejected", 2,
    "The server offers older rules than the ones in use; nothing was changed" },
  { "/error.json", "server-error", "error", 1,
    "The rules server has a problem; try again later" },
  { "/missing.json", "server-error", "error", 1,
    "The rules server has a problem; try again later" },
  { "closed-port", "offline", "error", 1,
    "No internet connection: the rules server could not be reached" },
  { "https://rules.invalid/rules.json", "offline", "error", 1,
    "No internet connection: the rules server could not be reached" },
  { "http://example.com/rules.json", "address", "rejected", 2,
    "The address for rules updates is not a secure web address" },
};

static char *
failure_url (const Failure *failure,
             guint          port)
{
  if (g_str_equal (failure->path, "closed-port"))
    return g_strdup_printf ("http://127.0.0.1:%u/rules.json", closed_port ());
  if (failure->path[0] == '/')
    return g_strdup_printf ("http://127.0.0.1:%u%s", port, failure->path);
  return g_strdup (failure->path);
}

/* Offline, a Wi-Fi login page, a server error, garbage: the app says what
 * happened in plain words (the raw message stays available as detail). */
static void
test_failures_described (void)
{
  guint port;
  g_autoptr(SoupServer) server = test_server_start (serve, NULL, &port);

  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autofree char *url = failure_url (&failures[i], port);
      g_auto(Check) check = { 0 };

      g_test_message ("%s", url);
      run_check (url, NULL, &check);
      g_assert_false (check.ok);
      g_assert_nonnull (check.error);
      g_assert_true (check.error->domain == RETRACT_UPDATE_CHECK_ERROR);
      g_assert_cmpstr (check.error->message, !=, "");
      g_assert_cmpstr (check.described, ==, failures[i].described);
    }
}

/* `update-rules --json` names the problem beside its result, message and
 * version, with the exit status it always had. */
static void
test_cli_problem (void)
{
  guint port;
  g_autoptr(SoupServer) server = test_server_start (serve, NULL, &port);

  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autofree char *url = failure_url (&failures[i], port);
      g_autoptr(GSubprocessLauncher) launcher =
        test_child_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                 G_SUBPROCESS_FLAGS_STDERR_SILENCE);
      g_autoptr(GPtrArray) argv = test_child_argv ("update-rules", "--json", "--url", url, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_auto(TestChild) run = { 0 };
      JsonObject *answer;

      g_test_message ("%s", url);
      /* The server answers from this thread: the child is waited for while
       * the main context turns, not in g_subprocess_communicate (). */
      test_child_run (&run, launcher, argv, 0);

      g_assert_cmpint (run.status, ==, failures[i].exit_code);
      json_parser_load_from_data (parser, run.out, -1, &error);
      g_assert_no_error (error);
      answer = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (answer, "result"), ==,
                       failures[i].result);
      g_assert_cmpstr (json_object_get_string_member (answer, "problem"), ==,
                       failures[i].problem);
      g_assert_cmpstr (json_object_get_string_member (answer, "message"), !=, "");
      g_assert_nonnull (json_object_get_string_member (answer, "version"));
    }
}

/* A helper that cannot start, or prints something that is not its answer. */
static void
test_broken_helper (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("RETRACT_CLI"));
  g_auto(Check) missing = { 0 };
  g_auto(Check) importing = { 0 };
  g_auto(Check) chatty = { 0 };

  g_setenv ("RETRACT_CLI", "/nonexistent/retract-cli", TRUE);
  run_check ("http://127.0.0.1:9/rules.json", NULL, &missing);
  g_assert_error (missing.error, RETRACT_UPDATE_CHECK_ERROR, RETRACT_UPDATE_CHECK_ERROR_HELPER);
  g_assert_nonnull (strstr (missing.error->message, "could not run"));
  g_assert_cmpstr (missing.described, ==,
                   "The rules could not be checked: the update helper did not work");

  /* Import Rules… says what the user did (it said "checked" too). */
  run_import ("/nonexistent/rules.json", &importing);
  g_assert_error (importing.error, RETRACT_UPDATE_CHECK_ERROR, RETRACT_UPDATE_CHECK_ERROR_HELPER);
  g_assert_cmpstr (importing.described, ==,
                   "The rules file could not be imported: the update helper did not work");

  /* echo prints its arguments: not JSON. */
  g_setenv ("RETRACT_CLI", "/bin/echo", TRUE);
  run_check ("http://127.0.0.1:9/rules.json", NULL, &chatty);
  g_assert_error (chatty.error, RETRACT_UPDATE_CHECK_ERROR, RETRACT_UPDATE_CHECK_ERROR_HELPER);
  g_assert_nonnull (strstr (chatty.error->message, "no answer"));

  g_setenv ("RETRACT_CLI", saved, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  test_signing_init ();
  g_assert_nonnull (g_getenv ("RETRACT_CLI"));
  newer_rules = test_dataset_with_version (NEWER_VERSION);
  older_rules = test_dataset_with_version ("2000.1.1");

  g_test_add_func ("/retract/update-check/cancelled", test_cancelled);
  g_test_add_func ("/retract/update-check/through-helper", test_through_helper);
  g_test_add_func ("/retract/update-check/broken-helper", test_broken_helper);
  g_test_add_func ("/retract/update-check/failures-described", test_failures_described);
  g_test_add_func ("/retract/update-check/cli-problem", test_cli_problem);
  g_test_add_func ("/retract/update-check/import-file", test_import_file);

  status = g_test_run ();
  g_bytes_unref (newer_rules);
  g_bytes_unref (older_rules);
  return status;
}
