/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The app's update check: retract-cli update-rules run as a helper process
 * against a rules server on loopback, and helpers that are missing, say
 * nothing useful, or are stopped half-way. */

#include "config.h"

#include <libsoup/soup.h>

#include "retract-rules-store.h"
#include "retract-update-check.h"
#include "test-datasets.h"

#define NEWER_VERSION "2026.12.1"

typedef struct
{
  gboolean  done;
  gboolean  ok;
  gboolean  installed;
  char     *version;
  GError   *error;
} Check;

static GBytes *newer_rules;

static void
check_clear (Check *check)
{
  g_clear_pointer (&check->version, g_free);
  g_clear_error (&check->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Check, check_clear)

static void
serve (SoupServer        *server,
       SoupServerMessage *message,
       const char        *path,
       GHashTable        *query,
       gpointer           data)
{
  if (g_str_equal (path, "/newer.json"))
    {
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (newer_rules, NULL),
                                        g_bytes_get_size (newer_rules));
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
    }
  else if (g_str_equal (path, "/broken.json"))
    {
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, "{", 1);
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
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

static SoupServer *
start_server (guint *port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  SoupServer *server = soup_server_new (NULL, NULL);
  GSList *listeners;

  soup_server_add_handler (server, NULL, serve, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  listeners = soup_server_get_listeners (server);
  address = g_socket_get_local_address (listeners->data, &error);
  g_assert_no_error (error);
  g_slist_free (listeners);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));

  return server;
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Check *check = data;

  check->ok = retract_update_check_finish (result, &check->installed, &check->version,
                                           &check->error);
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
  g_autoptr(SoupServer) server = start_server (&port);
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
  g_autoptr(SoupServer) server = start_server (&port);
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

/* A helper that cannot start, or prints something that is not its answer. */
static void
test_broken_helper (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("RETRACT_CLI"));
  g_auto(Check) missing = { 0 };
  g_auto(Check) chatty = { 0 };

  g_setenv ("RETRACT_CLI", "/nonexistent/retract-cli", TRUE);
  run_check ("http://127.0.0.1:9/rules.json", NULL, &missing);
  g_assert_error (missing.error, RETRACT_UPDATE_CHECK_ERROR, RETRACT_UPDATE_CHECK_ERROR_HELPER);
  g_assert_nonnull (strstr (missing.error->message, "could not run"));

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
  g_assert_nonnull (g_getenv ("RETRACT_CLI"));
  newer_rules = test_dataset_with_version (NEWER_VERSION);

  g_test_add_func ("/retract/update-check/cancelled", test_cancelled);
  g_test_add_func ("/retract/update-check/through-helper", test_through_helper);
  g_test_add_func ("/retract/update-check/broken-helper", test_broken_helper);

  status = g_test_run ();
  g_bytes_unref (newer_rules);
  return status;
}
