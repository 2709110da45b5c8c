/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Rules updates, against an HTTP server in this process: only signed, valid,
 * newer rules from an allowed place are installed, the request says nothing
 * about the user, and every failure leaves the store exactly as it was. The
 * roots are the test build's (make-test-roots.py); release keys are made
 * here. */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "retract-file.h"
#include "retract-time.h"
#include "retract-updater.h"
#include "test-datasets.h"
#include "test-guard.h"
#include "test-server.h"
#include "test-signing.h"

#define BUNDLED_VERSION  "2026.11.1"
#define NEWER_VERSION    "2027.1.1"
#define OLDER_VERSION    "2026.10.9"
/* What a store "with a download" holds: the active file and the one before. */
#define SEED_PREVIOUS    "2026.11.5"
#define SEED_VERSION     "2026.12.1"
#define SEED_ETAG        "\"seed-2\""
#define USER_AGENT       "Retract/" PACKAGE_VERSION
#define PUBLISHED        "\"published\": \"2026-11-24\""
/* No check may take longer than this, whatever the updater does. */
#define GUARD_SECONDS    8

static GBytes *bundled_bytes;
static RetractRuleset *bundled_rules;

/* The publication's keys: test root 1 signs the key list, which names the
 * release key that signs the rules. */
static TestKey *root_key;
static TestKey *release_key;
static GBytes *keys_bytes;
static GBytes *keys_signature;

/* A time @days from now, as a key list or a dataset writes it. */
static char *
days_from_now (int days)
{
  g_autoptr(GDateTime) now = retract_time_now ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return retract_time_format_iso (then);
}

/* Key list @version naming @release (and revoking @revoked), signed by @signer. */
static void
make_key_list (gint64          version,
               int             issued_days,
               int             expires_days,
               const TestKey  *release,
               const char     *revoked,
               const TestKey  *signer,
               GBytes        **keys,
               GBytes        **signature)
{
  g_autofree char *issued = days_from_now (issued_days);
  g_autofree char *expires = days_from_now (expires_days);

  *keys = test_key_list (version, issued, expires, release, revoked);
  *signature = test_sign_full (signer, *keys, "ED", NULL,
                               "io.github.retractapp.Retract/keys");
}

static GBytes *
sign_rules (GBytes *dataset)
{
  return test_sign (release_key, dataset);
}

/* The times of every dataset the tests publish, fixed when the test
 * starts: the same version is then the same bytes, however slow the run. */
static char *dataset_issued;
static char *dataset_expires;

/* The bundled dataset at @version, issued yesterday, expiring in 90 days. */
static GBytes *
dataset_at (const char *version)
{
  return test_dataset_signable (version, dataset_issued, dataset_expires);
}

/* Datasets */

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
      return NULL;
    }

  return g_bytes_new_take (contents, length);
}

static void
assert_bytes_equal (GBytes     *expected,
                    GBytes     *actual,
                    const char *what)
{
  if (expected == NULL || actual == NULL)
    {
      if (expected != actual)
        g_test_message ("%s: expected %s, found %s", what, expected ? "a file" : "no file",
                        actual ? "a file" : "no file");
      g_assert_true (expected == actual);
      return;
    }

  g_assert_cmpmem (g_bytes_get_data (expected, NULL), g_bytes_get_size (expected),
                   g_bytes_get_data (actual, NULL), g_bytes_get_size (actual));
}

/* The text the loader gives for @bytes, from the ":line:col:" on, so a test
 * can ask that the updater's message keeps it. */
static char *
loader_message (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = retract_ruleset_new_from_bytes (bytes, "X", &error);

  g_assert_null (rules);
  g_assert_nonnull (error);
  g_assert_true (g_regex_match_simple ("^X:[0-9]+:[0-9]+: ", error->message, 0, 0));
  return g_strdup (error->message + 1);
}

/* Running a check */

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static gboolean
set_flag (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static RetractRuleset *
run_check (RetractUpdater       *updater,
           const char           *url,
           GCancellable         *cancellable,
           RetractUpdateOutcome *outcome,
           GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gboolean expired = FALSE;
  guint seconds = test_guard_seconds (GUARD_SECONDS);
  guint guard = g_timeout_add_seconds (seconds, set_flag, &expired);

  *outcome = (RetractUpdateOutcome) -1;
  retract_updater_check_async (updater, url, cancellable, store_result, &result);
  while (result == NULL && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (result == NULL)
    g_error ("The check of %s did not finish within %u s", url, seconds);
  g_source_remove (guard);

  return retract_updater_check_finish (updater, result, outcome, error);
}

/* Stores */

static RetractRulesStore *
new_store (void)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("rules-test-%u", ++counter);
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), name, NULL);

  return retract_rules_store_new (directory);
}

static char *
store_directory (RetractRulesStore *store)
{
  return g_path_get_dirname (retract_rules_store_get_path (store));
}

static void
install (RetractRulesStore *store,
         GBytes            *dataset,
         const char        *etag)
{
  g_autoptr(GError) error = NULL;

  g_autoptr(GBytes) signature = sign_rules (dataset);

  g_assert_true (retract_rules_store_install_signed (store,
                                                     &(RetractRulesPublication) {
                                                       dataset, signature, keys_bytes,
                                                       keys_signature },
                                                     etag, &error));
  g_assert_no_error (error);
}

/* @dataset published at @path with its signature, and the key list beside
 * it, as build-aux/publish-rules leaves them. Returns the rules' route. */
static TestRoute *
publish (TestServer *server,
         const char *path,
         GBytes     *dataset)
{
  g_autoptr(GBytes) signature = sign_rules (dataset);
  g_autofree char *signature_path = g_strconcat (path, ".minisig", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *keys_path = g_build_path ("/", folder, "keys.json", NULL);
  g_autofree char *keys_signature_path = g_build_path ("/", folder, "keys.json.minisig", NULL);

  test_server_route (server, signature_path, SOUP_STATUS_OK, signature);
  test_server_route (server, keys_path, SOUP_STATUS_OK, keys_bytes);
  test_server_route (server, keys_signature_path, SOUP_STATUS_OK, keys_signature);
  return test_server_route (server, path, SOUP_STATUS_OK, dataset);
}

/* A store whose active file is SEED_VERSION and whose previous file is
 * SEED_PREVIOUS, both installed as downloads. */
static RetractRulesStore *
new_store_with_download (void)
{
  RetractRulesStore *store = new_store ();
  g_autoptr(GBytes) previous = dataset_at (SEED_PREVIOUS);
  g_autoptr(GBytes) active = dataset_at (SEED_VERSION);

  install (store, previous, "\"seed-1\"");
  install (store, active, SEED_ETAG);
  return store;
}

/* A store whose active file is SEED_VERSION and whose previous file is
 * OLDER_VERSION, older than the bundled rules: when the active file goes
 * bad, the bundled rules are the newest that verify. */
static RetractRulesStore *
new_store_with_old_previous (void)
{
  RetractRulesStore *store = new_store ();
  g_autoptr(GBytes) previous = dataset_at (OLDER_VERSION);
  g_autoptr(GBytes) active = dataset_at (SEED_VERSION);

  install (store, previous, "\"seed-1\"");
  install (store, active, SEED_ETAG);
  return store;
}

static RetractRuleset *
load_active (RetractRulesStore *store)
{
  g_autofree char *notice = NULL;
  RetractRuleset *rules = retract_rules_store_load_active (store, &notice);

  g_assert_nonnull (rules);
  g_assert_null (notice);
  return rules;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static char *
list_directory (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  /* The folder's lock file is no content: it stays once made. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, ".retract.lock"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

typedef struct
{
  GBytes *active;
  GBytes *previous;
  GBytes *signature;
  GBytes *previous_signature;
  GBytes *keys;
  GBytes *keys_signature;
  char   *etag;
  char   *listing;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->active, g_bytes_unref);
  g_clear_pointer (&snapshot->previous, g_bytes_unref);
  g_clear_pointer (&snapshot->signature, g_bytes_unref);
  g_clear_pointer (&snapshot->previous_signature, g_bytes_unref);
  g_clear_pointer (&snapshot->keys, g_bytes_unref);
  g_clear_pointer (&snapshot->keys_signature, g_bytes_unref);
  g_free (snapshot->etag);
  g_free (snapshot->listing);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

static GBytes *
read_in (const char *directory,
         const char *name)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);

  return read_bytes (path);
}

static Snapshot *
snapshot_take (RetractRulesStore *store)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);
  g_autofree char *directory = store_directory (store);

  snapshot->active = read_bytes (retract_rules_store_get_path (store));
  snapshot->previous = read_bytes (retract_rules_store_get_previous_path (store));
  snapshot->signature = read_in (directory, "rules.json.minisig");
  snapshot->previous_signature = read_in (directory, "rules.json.minisig.previous");
  snapshot->keys = read_in (directory, "keys.json");
  snapshot->keys_signature = read_in (directory, "keys.json.minisig");
  snapshot->etag = retract_rules_store_get_etag (store);
  snapshot->listing = list_directory (directory);
  return snapshot;
}

static void
snapshot_assert_unchanged (Snapshot          *before,
                           RetractRulesStore *store)
{
  g_autoptr(Snapshot) after = snapshot_take (store);

  assert_bytes_equal (before->active, after->active, "the active file");
  assert_bytes_equal (before->previous, after->previous, "the previous file");
  assert_bytes_equal (before->signature, after->signature, "the signature");
  assert_bytes_equal (before->previous_signature, after->previous_signature,
                      "the previous signature");
  assert_bytes_equal (before->keys, after->keys, "the key list");
  assert_bytes_equal (before->keys_signature, after->keys_signature, "the key list's signature");
  g_assert_cmpstr (before->etag, ==, after->etag);
  /* No temporary or set-aside file was left behind either. */
  g_assert_cmpstr (before->listing, ==, after->listing);
}

/* Failures (and answers that change nothing), each run twice: on a store
 * with no download yet, and on one with a good download and a previous file.
 * The store must be exactly as it was afterwards. */

typedef void (*PrepareFunc) (TestServer        *server,
                             RetractRulesStore *store,
                             RetractRuleset    *active);

typedef struct
{
  GQuark      domain;         /* 0: RETRACT_UPDATE_ERROR; ignored when up_to_date */
  int         code;           /* -1: any code of the domain */
  gboolean    up_to_date;     /* expect success with RETRACT_UPDATE_UP_TO_DATE instead */
  const char *pattern;        /* a regex the message must match, caseless; NULL: any */
  RetractUpdateProblem problem; /* the problem the error names; NONE: not checked */
  guint       timeout;        /* for set_timeout, 0: left alone */
  gsize       max_bytes;      /* for set_max_bytes, 0: left alone */
  double      max_seconds;    /* 0: no limit but the guard */
  int         requests;       /* how many requests the server must see, -1: any */
  gboolean    cancel_after_first_chunk;
  gboolean    cancel_before;
} Expectation;

static void
check_keeps_store (TestServer        *server,
                   const char        *url,
                   const Expectation *expect,
                   PrepareFunc        prepare)
{
  for (guint with_download = 0; with_download <= 1; with_download++)
    {
      g_autoptr(RetractRulesStore) store = with_download ? new_store_with_download ()
                                                         : new_store ();
      g_autoptr(RetractRuleset) active = with_download ? load_active (store)
                                                       : g_object_ref (bundled_rules);
      g_autoptr(RetractRuleset) result = NULL;
      g_autoptr(RetractUpdater) updater = NULL;
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(Snapshot) before = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *active_version = g_strdup (retract_ruleset_get_version (active));
      RetractUpdateOutcome outcome;
      guint requests_before = server->requests->len;
      gint64 start;
      double seconds;

      g_test_message ("%s, with %s", url, with_download ? "a download installed" : "no download");
      g_assert_cmpstr (active_version, ==, with_download ? SEED_VERSION : BUNDLED_VERSION);

      if (prepare != NULL)
        prepare (server, store, active);
      before = snapshot_take (store);

      updater = retract_updater_new (store, active);
      if (expect->timeout != 0)
        retract_updater_set_timeout (updater, expect->timeout);
      if (expect->max_bytes != 0)
        retract_updater_set_max_bytes (updater, expect->max_bytes);
      if (expect->cancel_before)
        g_cancellable_cancel (cancellable);
      if (expect->cancel_after_first_chunk)
        {
          TestRoute *route = NULL;
          GHashTableIter iter;

          g_hash_table_iter_init (&iter, server->routes);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &route))
            if (route->streamed)
              g_set_object (&route->cancel_after_first_chunk, cancellable);
        }

      start = g_get_monotonic_time ();
      result = run_check (updater, url, cancellable, &outcome, &error);
      seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
      g_test_message ("  took %.2f s: %s", seconds, error ? error->message : "no error");

      if (expect->up_to_date)
        {
          g_assert_no_error (error);
          g_assert_true (result == active);
          g_assert_cmpint (outcome, ==, RETRACT_UPDATE_UP_TO_DATE);
        }
      else
        {
          GQuark domain = expect->domain != 0 ? expect->domain : RETRACT_UPDATE_ERROR;

          g_assert_null (result);
          g_assert_nonnull (error);
          if (expect->code >= 0)
            g_assert_error (error, domain, expect->code);
          else
            g_assert_cmpstr (g_quark_to_string (error->domain), ==, g_quark_to_string (domain));
          if (expect->pattern != NULL &&
              !g_regex_match_simple (expect->pattern, error->message, G_REGEX_CASELESS, 0))
            g_error ("“%s” does not match /%s/", error->message, expect->pattern);
          if (expect->problem != RETRACT_UPDATE_PROBLEM_NONE)
            g_assert_cmpstr (retract_update_problem_to_id (retract_update_error_get_problem (error)),
                             ==, retract_update_problem_to_id (expect->problem));
        }

      if (expect->max_seconds > 0)
        g_assert_cmpfloat (seconds, <=, expect->max_seconds);
      if (expect->requests >= 0)
        g_assert_cmpuint (server->requests->len - requests_before, ==, (guint) expect->requests);

      snapshot_assert_unchanged (before, store);
      g_assert_cmpstr (retract_ruleset_get_version (active), ==, active_version);
      g_clear_object (&updater);
    }
}

/* The tests that only set up an answer and check that it changes nothing. */
typedef struct
{
  PrepareFunc prepare;
  Expectation expect;
} KeepsStore;

static void
test_keeps_store (gconstpointer data)
{
  const KeepsStore *test = data;
  g_autoptr(TestServer) server = test_server_new ();
  g_autofree char *url = test_server_url (server, "/rules.json");

  check_keeps_store (server, url, &test->expect, test->prepare);
}

/* retract_updater_check_url */

static void
test_check_url (void)
{
  static const char * const allowed[] = {
    RETRACT_DEFAULT_RULES_URL,
    "https://example.com/rules.json",
    "https://example.com:8443/path/to/rules.json",
    "http://localhost/rules.json",
    "http://localhost:8080/rules.json",
    "http://127.0.0.1/rules.json",
    "http://127.0.0.1:8080/rules.json",
    "http://127.1.2.3:8080/rules.json",
    "http://[::1]/rules.json",
    "http://[::1]:8080/rules.json",
  };
  static const char * const rejected[] = {
    "http://example.com/rules.json",
    "http://retractapp.github.io/rules/rules.json",
    "http://10.0.0.1/rules.json",
    "http://192.168.1.1/rules.json",
    "http://128.0.0.1/rules.json",
    "http://126.255.255.255/rules.json",
    "http://[::2]/rules.json",
    "http://[::ffff:8.8.8.8]/rules.json",
    "http://localhost.example.com/rules.json",
    "http://127.0.0.1.example.com/rules.json",
    "http://localhost@example.com/rules.json",
    "http://127.0.0.1:80@example.com/rules.json",
    "ftp://127.0.0.1/rules.json",
    "ftp://example.com/rules.json",
    "file:///etc/passwd",
    "file://localhost/etc/passwd",
    "data:application/json,{}",
    "ws://127.0.0.1/rules.json",
    "https://",
    "http://",
    "//example.com/rules.json",
    "/rules.json",
    "rules.json",
    "garbage",
    "https example.com",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("allowed: %s", allowed[i]);
      g_assert_true (retract_updater_check_url (allowed[i], &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("rejected: %s", rejected[i]);
      g_assert_false (retract_updater_check_url (rejected[i], &error));
      g_assert_error (error, RETRACT_UPDATE_ERROR, RETRACT_UPDATE_ERROR_REJECTED);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
    }
}

/* Installing */

static void
assert_installed (RetractRulesStore *store,
                  RetractRuleset    *result,
                  GBytes            *served,
                  const char        *version,
                  const char        *etag)
{
  g_autoptr(GBytes) on_disk = read_bytes (retract_rules_store_get_path (store));
  g_autofree char *stored_etag = retract_rules_store_get_etag (store);
  g_autoptr(RetractRuleset) reloaded = NULL;
  g_autofree char *notice = NULL;
  GStatBuf st;

  g_assert_nonnull (result);
  g_assert_cmpstr (retract_ruleset_get_version (result), ==, version);
  g_assert_cmpint (retract_ruleset_get_origin (result), ==, RETRACT_RULES_ORIGIN_DOWNLOADED);

  g_assert_nonnull (on_disk);
  assert_bytes_equal (served, on_disk, "the installed file");
  g_assert_cmpint (g_stat (retract_rules_store_get_path (store), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpstr (stored_etag, ==, etag);

  /* The next launch uses it. */
  reloaded = retract_rules_store_load_active (store, &notice);
  g_assert_null (notice);
  g_assert_cmpstr (retract_ruleset_get_version (reloaded), ==, version);
  g_assert_cmpint (retract_ruleset_get_origin (reloaded), ==, RETRACT_RULES_ORIGIN_DOWNLOADED);
}

static void
test_install_newer (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autoptr(RetractRulesStore) store = new_store ();
  g_autoptr(RetractRuleset) active = load_active (store);
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  g_autofree char *url = test_server_url (server, "/rules.json");
  g_autoptr(RetractUpdater) updater = retract_updater_new (store, active);
  g_autoptr(RetractRuleset) result = NULL;
  g_autoptr(GError) error = NULL;
  RetractUpdateOutcome outcome;

  publish (server, "/rules.json", dataset)->etag = g_strdup ("\"n1\"");

  result = run_check (updater, url, NULL, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, RETRACT_UPDATE_INSTALLED);
  g_assert_true (result != active);
  assert_installed (store, result, dataset, NEWER_VERSION, "\"n1\"");

  /* Nothing was installed before, so there is nothing to go back to. */
  g_assert_false (g_file_test (retract_rules_store_get_previous_path (store), G_FILE_TEST_EXISTS));
  g_assert_cmpuint (server->requests->len, ==, 4);
  g_assert_null (soup_message_headers_get_one (test_server_request (server, 0)->headers,
                                               "If-None-Match"));
  g_clear_object (&updater);
}

static void
test_install_over_previous (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autoptr(RetractRulesStore) store = new_store ();
  g_autoptr(RetractRuleset) active = load_active (store);
  g_autoptr(GBytes) first = dataset_at (SEED_VERSION);
  g_autoptr(GBytes) second = dataset_at (NEWER_VERSION);
  g_autofree char *url = test_server_url (server, "/rules.json");
  g_autoptr(RetractUpdater) updater = retract_updater_new (store, active);
  g_autoptr(RetractRuleset) installed = NULL;
  g_autoptr(RetractRuleset) result = NULL;
  g_autoptr(GBytes) previous = NULL;
  g_autoptr(GError) error = NULL;
  RetractUpdateOutcome outcome;

  publish (server, "/rules.json", first)->etag = g_strdup ("\"one\"");
  installed = run_check (updater, url, NULL, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, RETRACT_UPDATE_INSTALLED);
  assert_installed (store, installed, first, SEED_VERSION, "\"one\"");
  g_clear_object (&updater);

  /* A newer one, served without an ETag: the old ETag must not stay with it. */
  publish (server, "/rules.json", second);
  updater = retract_updater_new (store, installed);
  result = run_check (updater, url, NULL, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, RETRACT_UPDATE_INSTALLED);
  assert_installed (store, result, second, NEWER_VERSION, NULL);

  g_assert_cmpuint (server->requests->len, ==, 8);
  g_assert_cmpstr (soup_message_headers_get_one (test_server_request (server, 4)->headers,
                                                 "If-None-Match"), ==, "\"one\"");

  /* The one it replaced is kept for going back. */
  previous = read_bytes (retract_rules_store_get_previous_path (store));
  assert_bytes_equal (first, previous, "the previous file");
  g_clear_object (&updater);
}

static void
test_install_redirect_followed (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autoptr(RetractRulesStore) store = new_store ();
  g_autoptr(RetractRuleset) active = load_active (store);
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  g_autofree char *url = test_server_url (server, "/moved.json");
  g_autofree char *target = test_server_url (server, "/real.json");
  g_autoptr(RetractUpdater) updater = retract_updater_new (store, active);
  g_autoptr(RetractRuleset) result = NULL;
  g_autoptr(GError) error = NULL;
  RetractUpdateOutcome outcome;

  /* A relative redirect, then an absolute one: same scheme, loopback. */
  test_server_redirect (server, "/moved.json", "/hop.json")->set_cookie =
    g_strdup ("session=s3cr3t; Path=/");
  test_server_redirect (server, "/hop.json", target);
  publish (server, "/real.json", dataset)->etag = g_strdup ("\"r\"");

  result = run_check (updater, url, NULL, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, RETRACT_UPDATE_INSTALLED);
  assert_installed (store, result, dataset, NEWER_VERSION, "\"r\"");

  /* The signature and key list are asked for beside the address given. */
  g_assert_cmpuint (server->requests->len, ==, 6);
  g_assert_cmpstr (test_server_request (server, 0)->path, ==, "/moved.json");
  g_assert_cmpstr (test_server_request (server, 1)->path, ==, "/hop.json");
  g_assert_cmpstr (test_server_request (server, 2)->path, ==, "/real.json");
  for (guint i = 0; i < 6; i++)
    {
      SoupMessageHeaders *headers = test_server_request (server, i)->headers;

      g_assert_null (soup_message_headers_get_one (headers, "Cookie"));
      g_assert_null (soup_message_headers_get_one (headers, "Referer"));
      g_assert_cmpstr (soup_message_headers_get_one (headers, "User-Agent"), ==, USER_AGENT);
    }
  g_clear_object (&updater);
}

/* A body of exactly max_bytes is fine, however it is sent. */
static void
test_install_max_bytes_boundary (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  TestRoute *streamed;

  publish (server, "/length.json", dataset);
  streamed = publish (server, "/chunked.json", dataset);
  streamed->streamed = TRUE;
  streamed->chunk_size = 8192;
  streamed->interval_ms = 1;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RetractRulesStore) store = new_store ();
      g_autoptr(RetractRuleset) active = load_active (store);
      g_autofree char *url = test_server_url (server, i == 0 ? "/length.json" : "/chunked.json");
      g_autoptr(RetractUpdater) updater = retract_updater_new (store, active);
      g_autoptr(RetractRuleset) result = NULL;
      g_autoptr(GError) error = NULL;
      RetractUpdateOutcome outcome;

      retract_updater_set_max_bytes (updater, g_bytes_get_size (dataset));
      result = run_check (updater, url, NULL, &outcome, &error);
      g_assert_no_error (error);
      g_assert_cmpint (outcome, ==, RETRACT_UPDATE_INSTALLED);
      assert_installed (store, result, dataset, NEWER_VERSION, NULL);
      g_clear_object (&updater);
    }
}

/* What is sent */

static const char * const allowed_headers[] = {
  "Host", "User-Agent", "Accept", "Accept-Encoding", "Connection", "If-None-Match",
};

static void
assert_request_clean (TestRequest    *request,
                      const char *path)
{
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;

  g_assert_cmpstr (request->method, ==, "GET");
  g_assert_cmpstr (request->path, ==, path);
  g_assert_null (request->query);
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "User-Agent"), ==, USER_AGENT);
  g_assert_null (soup_message_headers_get_one (request->headers, "Cookie"));
  g_assert_null (soup_message_headers_get_one (request->headers, "Accept-Language"));
  g_assert_null (soup_message_headers_get_one (request->headers, "Referer"));
  g_assert_null (soup_message_headers_get_one (request->headers, "Authorization"));

  soup_message_headers_iter_init (&iter, request->headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      gboolean allowed = FALSE;

      g_test_message ("  %s: %s", name, value);
      for (guint i = 0; i < G_N_ELEMENTS (allowed_headers); i++)
        allowed = allowed || g_ascii_strcasecmp (name, allowed_headers[i]) == 0;
      if (!allowed)
        g_error ("Unexpected request header %s: %s", name, value);
    }
}

static void
test_request_headers (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autoptr(RetractRulesStore) store = new_store ();
  g_autoptr(RetractRuleset) active = load_active (store);
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  g_autofree char *url = test_server_url (server, "/data/rules-v1.json");
  g_autoptr(RetractUpdater) updater = retract_updater_new (store, active);
  g_autoptr(RetractRuleset) installed = NULL;
  g_autoptr(RetractRuleset) result = NULL;
  g_autoptr(GError) error = NULL;
  RetractUpdateOutcome outcome;
  TestRoute *route;
  TestRequest *request;

  route = publish (server, "/data/rules-v1.json", dataset);
  route->etag = g_strdup ("\"v1\"");
  route->set_cookie = g_strdup ("tracking=abc123; Path=/");
  route->not_modified_on_match = TRUE;

  installed = run_check (updater, url, NULL, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, RETRACT_UPDATE_INSTALLED);
  /* The rules, their signature and the key list beside them, each asked
   * for as plainly; only the rules with an ETag, later. */
  g_assert_cmpuint (server->requests->len, ==, 4);
  request = test_server_request (server, 0);
  assert_request_clean (request, "/data/rules-v1.json");
  g_assert_null (soup_message_headers_get_one (request->headers, "If-None-Match"));
  assert_request_clean (test_server_request (server, 1), "/data/rules-v1.json.minisig");
  assert_request_clean (test_server_request (server, 2), "/data/keys.json");
  assert_request_clean (test_server_request (server, 3), "/data/keys.json.minisig");
  for (guint i = 1; i < 4; i++)
    g_assert_null (soup_message_headers_get_one (test_server_request (server, i)->headers,
                                                 "If-None-Match"));

  /* The next check, even by the same updater, asks with the ETag and sends
   * back no cookie. */
  for (guint i = 0; i < 2; i++)
    {
      RetractRuleset *expected = i == 0 ? active : installed;

      if (i == 1)
        {
          g_clear_object (&updater);
          updater = retract_updater_new (store, installed);
        }

      result = run_check (updater, url, NULL, &outcome, &error);
      g_assert_no_error (error);
      g_assert_cmpint (outcome, ==, RETRACT_UPDATE_UP_TO_DATE);
      g_assert_true (result == expected);
      g_clear_object (&result);

      g_assert_cmpuint (server->requests->len, ==, 5 + i);
      request = test_server_request (server, 4 + i);
      assert_request_clean (request, "/data/rules-v1.json");
      g_assert_cmpstr (soup_message_headers_get_one (request->headers, "If-None-Match"), ==,
                       "\"v1\"");
    }
  g_clear_object (&updater);
}

/* Answers that change nothing */

static void
serve_not_modified (TestServer        *server,
                    RetractRulesStore *store,
                    RetractRuleset    *active)
{
  test_server_route (server, "/rules.json", SOUP_STATUS_NOT_MODIFIED, NULL);
}

static void
test_not_modified (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autofree char *url = test_server_url (server, "/rules.json");
  const Expectation expect = { .up_to_date = TRUE, .requests = 1 };
  TestRequest *request;

  check_keeps_store (server, url, &expect, serve_not_modified);

  /* Asked with the ETag of the installed download, and only then. */
  g_assert_null (soup_message_headers_get_one (test_server_request (server, 0)->headers,
                                               "If-None-Match"));
  request = test_server_request (server, 1);
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "If-None-Match"), ==,
                   SEED_ETAG);
}

/* The very bytes in use. */
static void
serve_active_bytes (TestServer        *server,
                    RetractRulesStore *store,
                    RetractRuleset    *active)
{
  g_autoptr(GBytes) bytes = NULL;

  if (retract_ruleset_get_origin (active) == RETRACT_RULES_ORIGIN_BUNDLED)
    bytes = g_bytes_ref (bundled_bytes);
  else
    bytes = read_bytes (retract_rules_store_get_path (store));
  g_assert_nonnull (bytes);
  publish (server, "/rules.json", bytes);
}

static const KeepsStore same_bytes = {
  .prepare = serve_active_bytes,
  .expect = { .up_to_date = TRUE, .requests = 4 },
};

/* Failures */

static void
test_rejects_url (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  const Expectation expect = { .code = RETRACT_UPDATE_ERROR_REJECTED, .requests = 0 };
  g_autofree char *ftp = g_strdup_printf ("ftp://127.0.0.1:%u/rules.json", server->port);

  publish (server, "/rules.json", dataset);
  check_keeps_store (server, "http://example.com/rules.json", &expect, NULL);
  check_keeps_store (server, ftp, &expect, NULL);
}

static void
serve_404 (TestServer        *server,
           RetractRulesStore *store,
           RetractRuleset    *active)
{
  g_autoptr(GBytes) body = g_bytes_new_static ("gone", 4);

  test_server_route (server, "/rules.json", SOUP_STATUS_NOT_FOUND, body);
}

static void
serve_500 (TestServer        *server,
           RetractRulesStore *store,
           RetractRuleset    *active)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);

  /* Even a good dataset does not count with an error status. */
  test_server_route (server, "/rules.json", SOUP_STATUS_INTERNAL_SERVER_ERROR, dataset);
}

static const KeepsStore http_404 = {
  .prepare = serve_404,
  .expect = {
    .code = RETRACT_UPDATE_ERROR_NETWORK, .pattern = "\\b404\\b", .requests = 1,
  },
};

static const KeepsStore http_500 = {
  .prepare = serve_500,
  .expect = {
    .code = RETRACT_UPDATE_ERROR_NETWORK, .pattern = "\\b500\\b", .requests = 1,
  },
};

/* Declares the whole length, sends 1 KiB, then nothing: only a check of
 * Content-Length, before reading the body, can answer in time. */
static void
serve_long_content_length (TestServer        *server,
                           RetractRulesStore *store,
                           RetractRuleset    *active)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  TestRoute *route = publish (server, "/rules.json", dataset);

  route->streamed = TRUE;
  route->encoding = SOUP_ENCODING_CONTENT_LENGTH;
  route->stop_after = 1024;
}

/* Chunked with no length: sends 8 KiB, then nothing, so the limit must be
 * applied while the body streams in. */
static void
serve_long_chunked (TestServer        *server,
                    RetractRulesStore *store,
                    RetractRuleset    *active)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  TestRoute *route = publish (server, "/rules.json", dataset);

  route->streamed = TRUE;
  route->encoding = SOUP_ENCODING_CHUNKED;
  route->stop_after = 8192;
}

static void
serve_one_byte_too_many (TestServer        *server,
                         RetractRulesStore *store,
                         RetractRuleset    *active)
{
  gsize size = RETRACT_UPDATE_MAX_BYTES + 1;
  char *body = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;

  memset (body, ' ', size);
  body[0] = '{';
  bytes = g_bytes_new_take (body, size);
  publish (server, "/rules.json", bytes);
}

static void
test_too_large (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autofree char *url = test_server_url (server, "/rules.json");
  const Expectation limited = {
    .code = RETRACT_UPDATE_ERROR_REJECTED, .max_bytes = 4096, .timeout = 3,
    .max_seconds = 2, .requests = 1,
  };
  const Expectation by_default = { .code = RETRACT_UPDATE_ERROR_REJECTED, .requests = 1 };

  g_test_message ("Content-Length over the limit");
  check_keeps_store (server, url, &limited, serve_long_content_length);
  g_test_message ("chunked, over the limit");
  check_keeps_store (server, url, &limited, serve_long_chunked);
  g_test_message ("one byte over RETRACT_UPDATE_MAX_BYTES, the default");
  check_keeps_store (server, url, &by_default, serve_one_byte_too_many);
}

/* Cut off before "published", so the end comes in the middle of "meta". */
static GBytes *
truncated_dataset (void)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  const char *data = g_bytes_get_data (dataset, NULL);
  const char *cut = strstr (data, PUBLISHED);

  g_assert_nonnull (cut);
  return g_bytes_new (data, (gsize) (cut - data));
}

static void
serve_truncated (TestServer        *server,
                 RetractRulesStore *store,
                 RetractRuleset    *active)
{
  g_autoptr(GBytes) truncated = truncated_dataset ();

  publish (server, "/rules.json", truncated);
}

/* @serve_dataset serves @dataset, which is refused with the very message
 * the loader gives for it. */
static void
check_refused_as_loaded (GBytes      *dataset,
                         PrepareFunc  serve_dataset)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autofree char *url = test_server_url (server, "/rules.json");
  g_autofree char *message = loader_message (dataset);
  g_autofree char *pattern = g_regex_escape_string (message, -1);
  const Expectation expect = {
    .code = RETRACT_UPDATE_ERROR_REJECTED, .pattern = pattern, .requests = 4,
  };

  check_keeps_store (server, url, &expect, serve_dataset);
}

static void
test_invalid_json (void)
{
  g_autoptr(GBytes) truncated = truncated_dataset ();

  check_refused_as_loaded (truncated, serve_truncated);
}

static void
serve_empty (TestServer        *server,
             RetractRulesStore *store,
             RetractRuleset    *active)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

  publish (server, "/rules.json", empty);
}

static const KeepsStore empty_body = {
  .prepare = serve_empty,
  .expect = { .code = RETRACT_UPDATE_ERROR_REJECTED, .requests = 1 },
};

static GBytes *
schema_invalid_dataset (void)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);

  return test_dataset_edit (dataset, PUBLISHED, "\"published\": 20261124");
}

static void
serve_schema_invalid (TestServer        *server,
                      RetractRulesStore *store,
                      RetractRuleset    *active)
{
  g_autoptr(GBytes) dataset = schema_invalid_dataset ();

  publish (server, "/rules.json", dataset);
}

static void
test_schema_invalid (void)
{
  g_autoptr(GBytes) dataset = schema_invalid_dataset ();

  check_refused_as_loaded (dataset, serve_schema_invalid);
}

static void
serve_older (TestServer        *server,
             RetractRulesStore *store,
             RetractRuleset    *active)
{
  g_autoptr(GBytes) dataset = dataset_at (OLDER_VERSION);

  publish (server, "/rules.json", dataset);
}

static const KeepsStore older_version = {
  .prepare = serve_older,
  .expect = { .code = RETRACT_UPDATE_ERROR_REJECTED, .requests = 4 },
};

/* The version in use, with something else in it. */
static void
serve_same_version_changed (TestServer        *server,
                            RetractRulesStore *store,
                            RetractRuleset    *active)
{
  g_autoptr(GBytes) same = dataset_at (retract_ruleset_get_version (active));
  g_autoptr(GBytes) changed = test_dataset_edit (same, PUBLISHED, "\"published\": \"2026-11-25\"");
  g_autoptr(RetractRuleset) valid = retract_ruleset_new_from_bytes (changed, "changed", NULL);

  g_assert_nonnull (valid);
  publish (server, "/rules.json", changed);
}

static const KeepsStore same_version_different = {
  .prepare = serve_same_version_changed,
  .expect = { .code = RETRACT_UPDATE_ERROR_REJECTED, .requests = 4 },
};

static void
serve_schema_2 (TestServer        *server,
                RetractRulesStore *store,
                RetractRuleset    *active)
{
  g_autoptr(GBytes) newer = dataset_at (NEWER_VERSION);
  g_autoptr(GBytes) dataset = test_dataset_edit (newer, "\"schema\": 1", "\"schema\": 2");

  publish (server, "/rules.json", dataset);
}

static const KeepsStore schema_2 = {
  .prepare = serve_schema_2,
  .expect = { .code = RETRACT_UPDATE_ERROR_REJECTED, .requests = 4 },
};

static void
test_self_signed (void)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autofree char *directory = g_build_filename (g_get_user_cache_dir (), "tls", NULL);
  g_autofree char *key = g_build_filename (directory, "key.pem", NULL);
  g_autofree char *cert = g_build_filename (directory, "cert.pem", NULL);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(TestServer) server = NULL;
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *err = NULL;
  const Expectation expect = {
    .code = RETRACT_UPDATE_ERROR_NETWORK, .timeout = 3, .requests = 0,
  };
  int wait_status = 0;
  const char *argv[] = {
    openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
    "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert, NULL,
  };

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed");
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &wait_status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("openssl failed: %s", err);

  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  if (certificate == NULL && g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_UNAVAILABLE))
    {
      g_test_skip ("TLS is not available");
      return;
    }
  g_assert_no_error (error);

  server = test_server_new_full (certificate);
  publish (server, "/rules.json", dataset);
  url = test_server_url (server, "/rules.json");
  g_assert_true (g_str_has_prefix (url, "https://127.0.0.1:"));

  check_keeps_store (server, url, &expect, NULL);
}

static void
serve_redirects (TestServer        *server,
                 RetractRulesStore *store,
                 RetractRuleset    *active)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  g_autofree char *ftp = g_strdup_printf ("ftp://127.0.0.1:%u/rules.json", server->port);
  g_autofree char *https = g_strdup_printf ("https://127.0.0.1:%u/rules.json", server->port);

  test_server_redirect (server, "/to-ftp", ftp);
  test_server_redirect (server, "/to-https", https);
  test_server_redirect (server, "/to-remote", "http://example.com/rules.json");
  test_server_redirect (server, "/to-private", "http://192.168.1.1/rules.json");
  test_server_redirect (server, "/to-file", "file:///etc/passwd");
  test_server_redirect (server, "/loop", "/loop");
  /* Had it been followed, this would have been a good update. */
  publish (server, "/rules.json", dataset);
}

static void
test_redirects_refused (void)
{
  static const char * const paths[] = {
    "/to-ftp", "/to-https", "/to-remote", "/to-private", "/to-file",
  };
  g_autoptr(TestServer) server = test_server_new ();
  const Expectation expect = {
    .code = RETRACT_UPDATE_ERROR_REJECTED, .timeout = 3, .max_seconds = 2, .requests = 1,
  };
  const Expectation loop = { .code = -1, .timeout = 3, .requests = -1 };
  g_autofree char *loop_url = test_server_url (server, "/loop");

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *url = test_server_url (server, paths[i]);

      check_keeps_store (server, url, &expect, serve_redirects);
    }

  /* A redirect loop ends, in some error. */
  check_keeps_store (server, loop_url, &loop, serve_redirects);
}

/* A link at rules.json is not ours: an install neither reads through it
 * (into rules.json.previous) nor writes through it; it names the file. */
static void
test_install_refuses_linked_rules (void)
{
  g_autoptr(RetractRulesStore) store = new_store_with_download ();
  g_autoptr(GBytes) newer = dataset_at (NEWER_VERSION);
  g_autoptr(GBytes) previous_before = read_bytes (retract_rules_store_get_previous_path (store));
  g_autoptr(GBytes) previous_after = NULL;
  g_autofree char *victim = g_build_filename (g_get_user_data_dir (), "victim.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (victim, "secret", -1, NULL));
  g_assert_no_errno (g_unlink (retract_rules_store_get_path (store)));
  g_assert_no_errno (symlink (victim, retract_rules_store_get_path (store)));

  g_assert_false (retract_rules_store_install (store, newer, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "rules.json"));
  g_assert_true (g_file_get_contents (victim, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "secret");
  g_assert_true (g_file_test (retract_rules_store_get_path (store), G_FILE_TEST_IS_SYMLINK));
  previous_after = read_bytes (retract_rules_store_get_previous_path (store));
  assert_bytes_equal (previous_before, previous_after, "the previous file");
  g_unlink (victim);
}

/* A redirect loop is the server's fault: a network error, never "rejected";
 * a redirect elsewhere says the address is not allowed and which rule. */
static void
test_redirect_loop_and_portal (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autoptr(RetractRulesStore) store = new_store ();
  g_autoptr(RetractUpdater) updater = retract_updater_new (store, bundled_rules);
  g_autofree char *loop_url = test_server_url (server, "/loop");
  g_autofree char *portal_url = test_server_url (server, "/portal");
  g_autoptr(RetractRuleset) rules = NULL;
  g_autoptr(GError) error = NULL;
  RetractUpdateOutcome outcome;

  test_server_redirect (server, "/loop", "/loop");
  test_server_redirect (server, "/portal", "http://login.portal.example/");

  rules = run_check (updater, loop_url, NULL, &outcome, &error);
  g_assert_null (rules);
  g_assert_error (error, RETRACT_UPDATE_ERROR, RETRACT_UPDATE_ERROR_NETWORK);
  g_assert_cmpint (retract_update_error_get_problem (error), ==,
                   RETRACT_UPDATE_PROBLEM_SERVER_ERROR);
  g_clear_error (&error);

  rules = run_check (updater, portal_url, NULL, &outcome, &error);
  g_assert_null (rules);
  g_assert_error (error, RETRACT_UPDATE_ERROR, RETRACT_UPDATE_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "not allowed"));
  g_assert_nonnull (strstr (error->message, "this computer"));
  g_assert_null (strstr (error->message, "another kind"));
}

/* Refused against rules installed meanwhile by another process: the message
 * and the version the error carries (what the CLI prints as "version") are
 * both the rules installed when it was decided. */
static void
test_refusal_names_installed_version (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autoptr(RetractRulesStore) store = new_store ();
  g_autoptr(GBytes) started_bytes = dataset_at ("2027.1.38");
  g_autoptr(GBytes) installed = dataset_at ("2027.1.40");
  g_autoptr(GBytes) offered = dataset_at ("2027.1.37");
  g_autoptr(RetractRuleset) started = NULL;
  g_autoptr(RetractUpdater) updater = NULL;
  g_autoptr(RetractRuleset) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = test_server_url (server, "/rules.json");
  RetractUpdateOutcome outcome;

  install (store, started_bytes, NULL);
  started = load_active (store);
  updater = retract_updater_new (store, started);
  /* Another process installs newer rules while this one runs. */
  install (store, installed, NULL);
  publish (server, "/rules.json", offered);

  rules = run_check (updater, url, NULL, &outcome, &error);
  g_assert_null (rules);
  g_assert_error (error, RETRACT_UPDATE_ERROR, RETRACT_UPDATE_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "2027.1.40"));
  g_assert_cmpstr (retract_update_error_get_version (error), ==, "2027.1.40");
}

static void
serve_stall (TestServer        *server,
             RetractRulesStore *store,
             RetractRuleset    *active)
{
  test_server_route (server, "/rules.json", SOUP_STATUS_OK, NULL)->stall = TRUE;
}

static const KeepsStore timeout_stall = {
  .prepare = serve_stall,
  .expect = {
    .code = RETRACT_UPDATE_ERROR_NETWORK, .pattern = "time[sd]?[ -]?out", .timeout = 1,
    .max_seconds = 3.5, .requests = 1,
  },
};

/* Sends a few bytes every 100 ms, for ever: no single wait is long, so only
 * an overall timeout ends it. */
static void
serve_trickle (TestServer        *server,
               RetractRulesStore *store,
               RetractRuleset    *active)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  TestRoute *route = publish (server, "/rules.json", dataset);

  route->streamed = TRUE;
  route->chunk_size = 16;
  route->interval_ms = 100;
}

static const KeepsStore timeout_trickle = {
  .prepare = serve_trickle,
  .expect = {
    .code = RETRACT_UPDATE_ERROR_NETWORK, .pattern = "time[sd]?[ -]?out", .timeout = 1,
    .max_seconds = 3.5, .requests = 1,
  },
};

static void
serve_slow (TestServer        *server,
            RetractRulesStore *store,
            RetractRuleset    *active)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  TestRoute *route = publish (server, "/rules.json", dataset);

  /* 36 chunks of 1 KiB, 300 ms apart: about 11 s if nobody cancels. */
  route->streamed = TRUE;
  route->interval_ms = 300;
}

static void
test_cancel_mid_download (void)
{
  /* G_IO_ERROR is no constant, so this one is built when run. */
  const KeepsStore test = {
    .prepare = serve_slow,
    .expect = {
      .domain = G_IO_ERROR, .code = G_IO_ERROR_CANCELLED, .cancel_after_first_chunk = TRUE,
      .max_seconds = 2, .requests = 1,
    },
  };

  test_keeps_store (&test);
}

static void
serve_newer (TestServer        *server,
             RetractRulesStore *store,
             RetractRuleset    *active)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);

  publish (server, "/rules.json", dataset);
}

static void
test_cancel_before (void)
{
  /* G_IO_ERROR is no constant, so this one is built when run. */
  const KeepsStore test = {
    .prepare = serve_newer,
    .expect = {
      .domain = G_IO_ERROR, .code = G_IO_ERROR_CANCELLED, .cancel_before = TRUE,
      .max_seconds = 2, .requests = -1,
    },
  };

  test_keeps_store (&test);
}

/* Signed rules: hostile publications. Each serves a newer dataset (or its
 * key list) broken one way, and the store, its key list and its previous
 * set must stay byte for byte as they were. */

/* The route of @path's signature, replaced by @signature. */
static void
serve_signature (TestServer *server,
                 GBytes     *signature)
{
  test_server_route (server, "/rules.json.minisig", SOUP_STATUS_OK, signature);
}

/* A line of @signature replaced by @line (0-based). */
static GBytes *
replace_signature_line (GBytes     *signature,
                        guint       index,
                        const char *line)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (signature, NULL),
                                     g_bytes_get_size (signature));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  char *joined;

  g_assert_cmpuint (g_strv_length (lines), >, index);
  g_free (lines[index]);
  lines[index] = g_strdup (line);
  joined = g_strjoinv ("\n", lines);
  return g_bytes_new_take (joined, strlen (joined));
}

static void
serve_flipped_byte (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  g_autoptr(GBytes) signature = sign_rules (dataset);
  g_autoptr(GBytes) flipped = test_dataset_edit (dataset, "authoritative", "authoritativf");

  publish (server, "/rules.json", flipped);
  serve_signature (server, signature);
}

static void
serve_edited_comment (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  g_autoptr(GBytes) signature = sign_rules (dataset);
  g_autoptr(GBytes) edited = replace_signature_line (signature, 2,
                                                     "trusted comment: timestamp:1764547201\t"
                                                     "file:rules.json");

  publish (server, "/rules.json", dataset);
  serve_signature (server, edited);
}

static void
serve_swapped_lines (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  g_autoptr(GBytes) signature = sign_rules (dataset);
  g_autofree char *text = g_strndup (g_bytes_get_data (signature, NULL),
                                     g_bytes_get_size (signature));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GBytes) first = replace_signature_line (signature, 1, lines[3]);
  g_autoptr(GBytes) swapped = replace_signature_line (first, 3, lines[1]);

  publish (server, "/rules.json", dataset);
  serve_signature (server, swapped);
}

static void
serve_unknown_key (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  g_autoptr(TestKey) stranger = test_key_new ();
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  g_autoptr(GBytes) signature = test_sign (stranger, dataset);

  publish (server, "/rules.json", dataset);
  serve_signature (server, signature);
}

static void
serve_forged_key_id (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  g_autoptr(TestKey) stranger = test_key_new ();
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  g_autoptr(GBytes) signature = test_sign_full (stranger, dataset, "ED",
                                                test_key_get_id (release_key),
                                                "timestamp:1764547200\tfile:rules.json");

  publish (server, "/rules.json", dataset);
  serve_signature (server, signature);
}

static void
serve_legacy (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  g_autoptr(GBytes) signature = test_sign_full (release_key, dataset, "Ed", NULL,
                                                "timestamp:1764547200\tfile:rules.json");

  publish (server, "/rules.json", dataset);
  serve_signature (server, signature);
}

static void
serve_bad_base64 (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  g_autoptr(GBytes) signature = sign_rules (dataset);
  g_autofree char *text = g_strndup (g_bytes_get_data (signature, NULL),
                                     g_bytes_get_size (signature));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GBytes) broken = NULL;

  lines[1][5] = '!';
  broken = replace_signature_line (signature, 1, lines[1]);
  publish (server, "/rules.json", dataset);
  serve_signature (server, broken);
}

static void
serve_oversized_signature (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  g_autoptr(GBytes) signature = sign_rules (dataset);
  g_autoptr(GString) padded = g_string_new_len (g_bytes_get_data (signature, NULL),
                                                (gssize) g_bytes_get_size (signature));
  g_autoptr(GBytes) oversized = NULL;

  /* The signature, then blank lines past the 4 KiB cap. */
  while (padded->len <= 4096)
    g_string_append_c (padded, '\n');
  oversized = g_bytes_new (padded->str, padded->len);
  publish (server, "/rules.json", dataset);
  serve_signature (server, oversized);
}

static void
serve_signed_by_root (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  g_autoptr(GBytes) signature = test_sign (root_key, dataset);

  publish (server, "/rules.json", dataset);
  serve_signature (server, signature);
}

/* The published key list replaced by @keys and @signature. */
static void
serve_key_list (TestServer *server,
                GBytes     *keys,
                GBytes     *signature)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);

  publish (server, "/rules.json", dataset);
  test_server_route (server, "/keys.json", SOUP_STATUS_OK, keys);
  test_server_route (server, "/keys.json.minisig", SOUP_STATUS_OK, signature);
}

static void
serve_keys_by_release_key (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  g_autoptr(GBytes) keys = NULL;
  g_autoptr(GBytes) signature = NULL;

  make_key_list (2, -1, 365, release_key, NULL, release_key, &keys, &signature);
  serve_key_list (server, keys, signature);
}

static void
serve_expired_keys (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  g_autoptr(GBytes) keys = NULL;
  g_autoptr(GBytes) signature = NULL;

  make_key_list (2, -30, -1, release_key, NULL, root_key, &keys, &signature);
  serve_key_list (server, keys, signature);
}

/* The published list is damaged, though the stored one names the rules'
 * key: a broken publication is refused, not worked around. */
static void
serve_damaged_keys (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  g_autoptr(GBytes) damaged = test_dataset_edit (keys_bytes, "\"version\": 1",
                                                 "\"version\": 7");

  serve_key_list (server, damaged, keys_signature);
}

/* The store holds key list 3; the publication carries list 2. */
static void
serve_rolled_back_keys (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  g_autofree char *directory = store_directory (store);
  g_autofree char *stored_path = g_build_filename (directory, "keys.json", NULL);
  g_autofree char *stored_signature_path = g_build_filename (directory, "keys.json.minisig",
                                                             NULL);
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) stored_signature = NULL;
  g_autoptr(GBytes) keys = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GError) error = NULL;

  make_key_list (3, -1, 365, release_key, NULL, root_key, &stored, &stored_signature);
  g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
  g_assert_true (retract_file_replace (stored_path, g_bytes_get_data (stored, NULL),
                                       g_bytes_get_size (stored), &error));
  g_assert_true (retract_file_replace (stored_signature_path,
                                       g_bytes_get_data (stored_signature, NULL),
                                       g_bytes_get_size (stored_signature), &error));
  g_assert_no_error (error);

  make_key_list (2, -1, 365, release_key, NULL, root_key, &keys, &signature);
  serve_key_list (server, keys, signature);
}

/* A newer key list revokes the release key that signed the rules. */
static void
serve_revoked_key (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  g_autoptr(TestKey) successor = test_key_new ();
  g_autoptr(GBytes) keys = NULL;
  g_autoptr(GBytes) signature = NULL;

  make_key_list (2, -1, 365, successor, test_key_get_id (release_key), root_key, &keys,
                 &signature);
  serve_key_list (server, keys, signature);
}

static void
serve_dataset_times (TestServer *server,
                     int         issued_days,
                     int         expires_days)
{
  g_autofree char *issued = days_from_now (issued_days);
  g_autofree char *expires = days_from_now (expires_days);
  g_autoptr(GBytes) dataset = test_dataset_signable (NEWER_VERSION, issued, expires);

  publish (server, "/rules.json", dataset);
}

static void
serve_expired_rules (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  serve_dataset_times (server, -100, -1);
}

static void
serve_future_rules (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  serve_dataset_times (server, 2, 90);
}

static void
serve_wrong_kind (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  g_autoptr(GBytes) newer = dataset_at (NEWER_VERSION);
  g_autoptr(GBytes) dataset = test_dataset_edit (newer, "\"kind\": \"io.github.retractapp.Retract/rules\"",
                                                 "\"kind\": \"io.github.retractapp.Retract/keys\"");

  publish (server, "/rules.json", dataset);
}

/* Rules published without their signature, as before rules were signed. */
static void
serve_unsigned (TestServer *server, RetractRulesStore *store, RetractRuleset *active)
{
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);

  test_server_route (server, "/rules.json", SOUP_STATUS_OK, dataset);
}

#define HOSTILE(name_, prepare_, problem_) \
  { name_, { prepare_, { .code = RETRACT_UPDATE_ERROR_REJECTED, .problem = problem_, \
                         .requests = -1 } } }

static const struct
{
  const char *name;
  KeepsStore  test;
} hostile[] = {
  HOSTILE ("flipped-byte", serve_flipped_byte, RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE),
  HOSTILE ("edited-trusted-comment", serve_edited_comment, RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE),
  HOSTILE ("swapped-signature-lines", serve_swapped_lines, RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE),
  HOSTILE ("unknown-key", serve_unknown_key, RETRACT_UPDATE_PROBLEM_UNKNOWN_KEY),
  HOSTILE ("forged-key-id", serve_forged_key_id, RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE),
  HOSTILE ("legacy-ed", serve_legacy, RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE),
  HOSTILE ("bad-base64", serve_bad_base64, RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE),
  HOSTILE ("oversized-signature", serve_oversized_signature,
           RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE),
  HOSTILE ("signed-by-root", serve_signed_by_root, RETRACT_UPDATE_PROBLEM_UNKNOWN_KEY),
  HOSTILE ("keys-signed-by-release-key", serve_keys_by_release_key,
           RETRACT_UPDATE_PROBLEM_BAD_KEY_LIST),
  HOSTILE ("expired-keys", serve_expired_keys, RETRACT_UPDATE_PROBLEM_EXPIRED_KEY_LIST),
  HOSTILE ("damaged-keys", serve_damaged_keys, RETRACT_UPDATE_PROBLEM_BAD_KEY_LIST),
  HOSTILE ("rolled-back-keys", serve_rolled_back_keys, RETRACT_UPDATE_PROBLEM_OLDER_KEY_LIST),
  HOSTILE ("revoked-key", serve_revoked_key, RETRACT_UPDATE_PROBLEM_REVOKED_KEY),
  HOSTILE ("expired-rules", serve_expired_rules, RETRACT_UPDATE_PROBLEM_EXPIRED_RULES),
  HOSTILE ("future-rules", serve_future_rules, RETRACT_UPDATE_PROBLEM_FUTURE_RULES),
  HOSTILE ("wrong-kind", serve_wrong_kind, RETRACT_UPDATE_PROBLEM_INVALID_RULES),
  HOSTILE ("unsigned", serve_unsigned, RETRACT_UPDATE_PROBLEM_UNSIGNED),
};

/* A newer key list published with rules signed by a new release key: both
 * installed, and the key list only ever moves forward. */
static void
test_install_new_key_list (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autoptr(RetractRulesStore) store = new_store_with_download ();
  g_autoptr(RetractRuleset) active = load_active (store);
  g_autoptr(TestKey) successor = test_key_new ();
  g_autoptr(GBytes) keys = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  g_autoptr(GBytes) rules_signature = test_sign (successor, dataset);
  g_autofree char *url = test_server_url (server, "/rules.json");
  g_autofree char *directory = store_directory (store);
  g_autoptr(RetractUpdater) updater = retract_updater_new (store, active);
  g_autoptr(RetractRuleset) result = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GError) error = NULL;
  RetractUpdateOutcome outcome;

  make_key_list (2, -1, 365, successor, test_key_get_id (release_key), root_key, &keys,
                 &signature);
  serve_key_list (server, keys, signature);
  test_server_route (server, "/rules.json", SOUP_STATUS_OK, dataset);
  serve_signature (server, rules_signature);

  result = run_check (updater, url, NULL, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, RETRACT_UPDATE_INSTALLED);
  assert_installed (store, result, dataset, NEWER_VERSION, NULL);
  stored = read_in (directory, "keys.json");
  assert_bytes_equal (keys, stored, "the stored key list");
  g_clear_object (&updater);
}

/* Revoking a key clears what it signed at the next start, even a dataset
 * pinned at version 9999; the next good update installs again. */
static void
test_store_revoked_at_start (void)
{
  g_autoptr(RetractRulesStore) store = new_store ();
  g_autofree char *directory = store_directory (store);
  g_autofree char *keys_path = g_build_filename (directory, "keys.json", NULL);
  g_autofree char *keys_signature_path = g_build_filename (directory, "keys.json.minisig", NULL);
  g_autoptr(TestKey) successor = test_key_new ();
  g_autoptr(GBytes) pinned = dataset_at ("9999.1.1");
  g_autoptr(GBytes) keys = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GBytes) newer = dataset_at (NEWER_VERSION);
  g_autoptr(GBytes) newer_signature = NULL;
  g_autoptr(RetractRuleset) active = NULL;
  g_autoptr(RetractRuleset) in_use = NULL;
  g_autoptr(RetractRuleset) candidate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  RetractRulesInstallResult result;

  install (store, pinned, NULL);
  active = load_active (store);
  g_assert_cmpstr (retract_ruleset_get_version (active), ==, "9999.1.1");
  g_clear_object (&active);

  /* Key list 2, which revokes the key, reaches the store. */
  make_key_list (2, -1, 365, successor, test_key_get_id (release_key), root_key, &keys,
                 &signature);
  newer_signature = test_sign (successor, newer);
  candidate = retract_ruleset_new_from_bytes (newer, "rules.json", &error);
  g_assert_no_error (error);
  g_assert_true (retract_file_replace (keys_path, g_bytes_get_data (keys, NULL),
                                       g_bytes_get_size (keys), &error));
  g_assert_no_error (error);
  g_assert_true (retract_file_replace (keys_signature_path, g_bytes_get_data (signature, NULL),
                                       g_bytes_get_size (signature), &error));
  g_assert_no_error (error);

  active = retract_rules_store_load_active (store, &notice);
  g_assert_cmpint (retract_ruleset_get_origin (active), ==, RETRACT_RULES_ORIGIN_BUNDLED);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "revoked"));
  g_assert_false (g_file_test (retract_rules_store_get_path (store), G_FILE_TEST_EXISTS));

  /* No longer pinned: an honest newer dataset installs. */
  in_use = retract_rules_store_install_if_newer (store,
                                                 &(RetractRulesPublication) {
                                                   newer, newer_signature, NULL, NULL },
                                                 candidate, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, RETRACT_RULES_INSTALL_DONE);
  g_assert_cmpstr (retract_ruleset_get_version (in_use), ==, NEWER_VERSION);
}

/* A download installed before rules were signed is set aside at start. */
static void
test_store_unsigned_at_start (void)
{
  g_autoptr(RetractRulesStore) store = new_store ();
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);
  g_autoptr(RetractRuleset) active = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;

  g_assert_true (retract_rules_store_install (store, dataset, NULL, &error));
  g_assert_no_error (error);
  active = retract_rules_store_load_active (store, &notice);
  g_assert_cmpint (retract_ruleset_get_origin (active), ==, RETRACT_RULES_ORIGIN_BUNDLED);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "not signed"));
  g_assert_false (g_file_test (retract_rules_store_get_path (store), G_FILE_TEST_EXISTS));
}

/* The store */

static void
test_store_load_newer (void)
{
  g_autoptr(RetractRulesStore) store = new_store ();
  g_autoptr(RetractRuleset) bundled = load_active (store);
  g_autoptr(RetractRuleset) downloaded = NULL;
  g_autoptr(GBytes) dataset = dataset_at (NEWER_VERSION);

  g_assert_cmpint (retract_ruleset_get_origin (bundled), ==, RETRACT_RULES_ORIGIN_BUNDLED);
  g_assert_cmpstr (retract_ruleset_get_version (bundled), ==, BUNDLED_VERSION);
  g_assert_null (retract_rules_store_get_etag (store));

  install (store, dataset, "\"e\"");
  downloaded = load_active (store);
  g_assert_cmpint (retract_ruleset_get_origin (downloaded), ==,
                   RETRACT_RULES_ORIGIN_DOWNLOADED);
  g_assert_cmpstr (retract_ruleset_get_version (downloaded), ==, NEWER_VERSION);
}

static void
test_store_load_older (void)
{
  g_autoptr(RetractRulesStore) store = new_store ();
  g_autoptr(GBytes) dataset = dataset_at (OLDER_VERSION);
  g_autoptr(RetractRuleset) active = NULL;

  /* Rules that came with a newer app win over an older download. */
  install (store, dataset, NULL);
  active = load_active (store);
  g_assert_cmpint (retract_ruleset_get_origin (active), ==, RETRACT_RULES_ORIGIN_BUNDLED);
  g_assert_cmpstr (retract_ruleset_get_version (active), ==, BUNDLED_VERSION);
}

static void
test_store_corrupted (void)
{
  static const char garbage[] = "{\"meta\": {\"schema\": 1,";
  g_autoptr(RetractRulesStore) store = new_store_with_old_previous ();
  g_autofree char *directory = store_directory (store);
  g_autoptr(GBytes) previous = read_bytes (retract_rules_store_get_previous_path (store));
  g_autoptr(GBytes) previous_after = NULL;
  g_autoptr(RetractRuleset) active = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *moved = NULL;
  const char *name;
  guint rejected = 0;

  g_assert_true (g_file_set_contents (retract_rules_store_get_path (store), garbage, -1, NULL));

  active = retract_rules_store_load_active (store, &notice);
  g_assert_nonnull (active);
  g_assert_cmpint (retract_ruleset_get_origin (active), ==, RETRACT_RULES_ORIGIN_BUNDLED);
  g_assert_cmpstr (retract_ruleset_get_version (active), ==, BUNDLED_VERSION);
  g_assert_nonnull (notice);
  g_assert_cmpstr (notice, !=, "");

  /* Moved aside, not deleted. */
  g_assert_false (g_file_test (retract_rules_store_get_path (store), G_FILE_TEST_EXISTS));
  dir = g_dir_open (directory, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "rules.json.rejected-"))
      {
        g_autofree char *path = g_build_filename (directory, name, NULL);

        rejected++;
        g_assert_true (g_file_get_contents (path, &moved, NULL, NULL));
      }
  g_assert_cmpuint (rejected, ==, 1);
  g_assert_cmpstr (moved, ==, garbage);

  previous_after = read_bytes (retract_rules_store_get_previous_path (store));
  assert_bytes_equal (previous, previous_after, "the previous file");

  /* The next launch is quiet. */
  g_clear_object (&active);
  active = load_active (store);
  g_assert_cmpint (retract_ruleset_get_origin (active), ==, RETRACT_RULES_ORIGIN_BUNDLED);
}

/* The issue: a download that no longer verifies gives way to the newest
 * dataset that does. The previous download (kept for Revert) verifies and
 * is newer than the bundled rules: it is used, copied back into place (and
 * still kept as the previous set), with the download's ETag dropped. */
static void
test_store_bad_download_falls_back_to_previous (void)
{
  g_autoptr(RetractRulesStore) store = new_store_with_download ();
  g_autoptr(GBytes) previous = read_bytes (retract_rules_store_get_previous_path (store));
  g_autoptr(GBytes) download = read_bytes (retract_rules_store_get_path (store));
  g_autoptr(GBytes) flipped = NULL;
  g_autoptr(GBytes) active_after = NULL;
  g_autoptr(GBytes) previous_after = NULL;
  g_autoptr(RetractRuleset) active = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *etag = NULL;
  g_autofree guint8 *bytes = NULL;
  gsize size;

  /* One flipped byte: it still parses, but no longer verifies. */
  bytes = g_bytes_unref_to_data (g_steal_pointer (&download), &size);
  bytes[size - 1] = bytes[size - 1] == ' ' ? '\n' : ' ';
  g_assert_true (g_file_set_contents (retract_rules_store_get_path (store), (char *) bytes,
                                      size, &error));
  g_assert_no_error (error);

  active = retract_rules_store_load_active (store, &notice);
  g_assert_cmpint (retract_ruleset_get_origin (active), ==, RETRACT_RULES_ORIGIN_DOWNLOADED);
  g_assert_cmpstr (retract_ruleset_get_version (active), ==, SEED_PREVIOUS);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, SEED_PREVIOUS));

  active_after = read_bytes (retract_rules_store_get_path (store));
  assert_bytes_equal (previous, active_after, "the active file");
  previous_after = read_bytes (retract_rules_store_get_previous_path (store));
  assert_bytes_equal (previous, previous_after, "the previous file");
  etag = retract_rules_store_get_etag (store);
  g_assert_null (etag);

  /* The next launch is quiet and stays on it. */
  g_clear_object (&active);
  active = load_active (store);
  g_assert_cmpint (retract_ruleset_get_origin (active), ==, RETRACT_RULES_ORIGIN_DOWNLOADED);
  g_assert_cmpstr (retract_ruleset_get_version (active), ==, SEED_PREVIOUS);

  /* Revert still goes back to the bundled rules. */
  g_assert_true (retract_rules_store_revert (store, &error));
  g_assert_no_error (error);
  g_clear_object (&active);
  active = load_active (store);
  g_assert_cmpint (retract_ruleset_get_origin (active), ==, RETRACT_RULES_ORIGIN_BUNDLED);
}

static void
test_store_revert (void)
{
  g_autoptr(RetractRulesStore) store = new_store_with_download ();
  g_autoptr(GBytes) download = read_bytes (retract_rules_store_get_path (store));
  g_autoptr(GBytes) previous = NULL;
  g_autoptr(RetractRuleset) active = load_active (store);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (retract_ruleset_get_origin (active), ==, RETRACT_RULES_ORIGIN_DOWNLOADED);
  g_assert_cmpstr (retract_ruleset_get_version (active), ==, SEED_VERSION);

  g_assert_true (retract_rules_store_revert (store, &error));
  g_assert_no_error (error);

  g_clear_object (&active);
  active = load_active (store);
  g_assert_cmpint (retract_ruleset_get_origin (active), ==, RETRACT_RULES_ORIGIN_BUNDLED);
  g_assert_cmpstr (retract_ruleset_get_version (active), ==, BUNDLED_VERSION);
  g_assert_false (g_file_test (retract_rules_store_get_path (store), G_FILE_TEST_EXISTS));
  g_assert_null (retract_rules_store_get_etag (store));

  /* The download is kept, as the previous file. */
  previous = read_bytes (retract_rules_store_get_previous_path (store));
  assert_bytes_equal (download, previous, "the previous file");

  /* Reverting twice is harmless. */
  g_assert_true (retract_rules_store_revert (store, &error));
  g_assert_no_error (error);
}

/* A FIFO where the download is: refused at once (not read, which would
 * block the app's start), set aside, and the bundled rules used. */
static void
test_store_not_regular (void)
{
  g_autoptr(RetractRulesStore) store = new_store_with_old_previous ();
  g_autofree char *directory = store_directory (store);
  g_autoptr(RetractRuleset) active = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint fifos = 0;

  g_assert_no_errno (g_unlink (retract_rules_store_get_path (store)));
  g_assert_no_errno (mkfifo (retract_rules_store_get_path (store), 0600));

  /* A regression blocks in open() or read(): die instead of hanging. */
  alarm (20);
  etag = retract_rules_store_get_etag (store);
  active = retract_rules_store_load_active (store, &notice);
  alarm (0);

  g_assert_cmpint (retract_ruleset_get_origin (active), ==, RETRACT_RULES_ORIGIN_BUNDLED);
  g_assert_nonnull (strstr (notice, "rules.json is not a regular file"));
  dir = g_dir_open (directory, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      GStatBuf st;

      g_assert_no_errno (lstat (path, &st));
      if (S_ISFIFO (st.st_mode))
        {
          g_assert_true (g_str_has_prefix (name, "rules.json.rejected-"));
          fifos++;
        }
    }
  g_assert_cmpuint (fifos, ==, 1);
}

/* The version check of an install, made under the lock against what is
 * installed at that moment. */
static void
test_store_install_if_newer (void)
{
  g_autoptr(RetractRulesStore) store = new_store_with_download ();
  g_autoptr(GBytes) newer = dataset_at (NEWER_VERSION);
  g_autoptr(GBytes) seed = dataset_at (SEED_VERSION);
  g_autoptr(GBytes) older = dataset_at (SEED_PREVIOUS);
  g_autoptr(GBytes) other = test_dataset_edit (seed, "\"" SEED_VERSION "\"",
                                               "\"" SEED_VERSION "\" ");
  struct { GBytes *dataset; RetractRulesInstallResult result; const char *in_use; } steps[] = {
    { seed, RETRACT_RULES_INSTALL_SAME, SEED_VERSION },
    { other, RETRACT_RULES_INSTALL_CONFLICT, SEED_VERSION },
    { older, RETRACT_RULES_INSTALL_OLDER, SEED_VERSION },
    { newer, RETRACT_RULES_INSTALL_DONE, NEWER_VERSION },
    { seed, RETRACT_RULES_INSTALL_OLDER, NEWER_VERSION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RetractRuleset) candidate = NULL;
      g_autoptr(RetractRuleset) in_use = NULL;
      RetractRulesInstallResult result;

      g_autoptr(GBytes) signature = sign_rules (steps[i].dataset);

      candidate = retract_ruleset_new_from_bytes (steps[i].dataset, "rules.json", &error);
      g_assert_no_error (error);
      in_use = retract_rules_store_install_if_newer (store,
                                                     &(RetractRulesPublication) {
                                                       steps[i].dataset, signature, keys_bytes,
                                                       keys_signature },
                                                     candidate, "\"x\"", &result, &error);
      g_assert_no_error (error);
      g_assert_cmpint (result, ==, steps[i].result);
      g_assert_cmpstr (retract_ruleset_get_version (in_use), ==, steps[i].in_use);
    }
}

/* A folder that cannot be written is an I/O error, for the caller to
 * report as such. */
static void
test_store_install_io_error (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "a-file", NULL);
  g_autofree char *below = g_build_filename (path, "rules", NULL);
  g_autoptr(RetractRulesStore) store = retract_rules_store_new (below);
  g_autoptr(GBytes) newer = dataset_at (NEWER_VERSION);
  g_autoptr(GBytes) signature = sign_rules (newer);
  g_autoptr(RetractRuleset) candidate = NULL;
  g_autoptr(RetractRuleset) in_use = NULL;
  g_autoptr(GError) error = NULL;
  RetractRulesInstallResult result;

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  g_assert_true (g_file_set_contents (path, "", -1, NULL));
  candidate = retract_ruleset_new_from_bytes (newer, "rules.json", &error);
  g_assert_no_error (error);
  in_use = retract_rules_store_install_if_newer (store,
                                                 &(RetractRulesPublication) {
                                                   newer, signature, keys_bytes, keys_signature },
                                                 candidate, NULL, &result, &error);
  g_assert_null (in_use);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The isolated XDG dirs hold no GSettings schemas, and GIO's GNOME proxy
   * resolver aborts without its schema; the test server is local anyway. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  bundled_bytes = test_dataset_bundled ();
  g_assert_no_error (error);
  bundled_rules = retract_ruleset_new_bundled (&error);
  g_assert_no_error (error);
  dataset_issued = days_from_now (-1);
  dataset_expires = days_from_now (90);
  root_key = test_key_load_root (1);
  release_key = test_key_new ();
  make_key_list (1, -1, 365, release_key, NULL, root_key, &keys_bytes, &keys_signature);

  g_test_add_func ("/retract/updater/check-url", test_check_url);
  g_test_add_func ("/retract/updater/install/newer", test_install_newer);
  g_test_add_func ("/retract/updater/install/over-previous", test_install_over_previous);
  g_test_add_func ("/retract/updater/install/redirect-followed", test_install_redirect_followed);
  g_test_add_func ("/retract/updater/install/max-bytes-boundary",
                   test_install_max_bytes_boundary);
  g_test_add_func ("/retract/updater/request-headers", test_request_headers);
  g_test_add_func ("/retract/updater/up-to-date/not-modified", test_not_modified);
  g_test_add_data_func ("/retract/updater/up-to-date/same-bytes", &same_bytes, test_keeps_store);
  g_test_add_func ("/retract/updater/fails/url-refused", test_rejects_url);
  g_test_add_data_func ("/retract/updater/fails/http-404", &http_404, test_keeps_store);
  g_test_add_data_func ("/retract/updater/fails/http-500", &http_500, test_keeps_store);
  g_test_add_func ("/retract/updater/fails/too-large", test_too_large);
  g_test_add_func ("/retract/updater/fails/invalid-json", test_invalid_json);
  g_test_add_data_func ("/retract/updater/fails/empty-body", &empty_body, test_keeps_store);
  g_test_add_func ("/retract/updater/fails/schema-invalid", test_schema_invalid);
  g_test_add_data_func ("/retract/updater/fails/older-version", &older_version, test_keeps_store);
  g_test_add_data_func ("/retract/updater/fails/same-version-different",
                        &same_version_different, test_keeps_store);
  g_test_add_data_func ("/retract/updater/fails/schema-2", &schema_2, test_keeps_store);
  g_test_add_func ("/retract/updater/fails/self-signed", test_self_signed);
  g_test_add_func ("/retract/updater/fails/redirects-refused", test_redirects_refused);
  g_test_add_func ("/retract/updater/fails/redirect-loop-and-portal", test_redirect_loop_and_portal);
  g_test_add_func ("/retract/updater/store/install-refuses-linked-rules",
                   test_install_refuses_linked_rules);
  g_test_add_func ("/retract/updater/fails/refusal-names-installed-version",
                   test_refusal_names_installed_version);
  g_test_add_data_func ("/retract/updater/fails/timeout-stall", &timeout_stall, test_keeps_store);
  g_test_add_data_func ("/retract/updater/fails/timeout-trickle",
                        &timeout_trickle, test_keeps_store);
  g_test_add_func ("/retract/updater/fails/cancel-mid-download", test_cancel_mid_download);
  g_test_add_func ("/retract/updater/fails/cancel-before", test_cancel_before);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_strdup_printf ("/retract/updater/signed/refuses/%s",
                                               hostile[i].name);

      g_test_add_data_func (path, &hostile[i].test, test_keeps_store);
    }
  g_test_add_func ("/retract/updater/signed/new-key-list", test_install_new_key_list);
  g_test_add_func ("/retract/updater/signed/revoked-at-start", test_store_revoked_at_start);
  g_test_add_func ("/retract/updater/signed/unsigned-at-start", test_store_unsigned_at_start);
  g_test_add_func ("/retract/updater/store/load-newer", test_store_load_newer);
  g_test_add_func ("/retract/updater/store/load-older", test_store_load_older);
  g_test_add_func ("/retract/updater/store/corrupted-moved-aside", test_store_corrupted);
  g_test_add_func ("/retract/updater/store/bad-download-falls-back-to-previous",
                   test_store_bad_download_falls_back_to_previous);
  g_test_add_func ("/retract/updater/store/revert", test_store_revert);
  g_test_add_func ("/retract/updater/store/not-regular", test_store_not_regular);
  g_test_add_func ("/retract/updater/store/install-if-newer", test_store_install_if_newer);
  g_test_add_func ("/retract/updater/store/install-io-error", test_store_install_io_error);

  status = g_test_run ();

#ifdef __SANITIZE_ADDRESS__
  /* TLS handshakes ran in GLib's worker threads, and LeakSanitizer crashes
   * on gnutls's thread-local storage in a thread still alive at exit. A
   * worker leaves its pool after 0.5 s idle; then end it. */
  g_usleep (700 * 1000);
  g_thread_pool_set_max_unused_threads (0);
  g_thread_pool_stop_unused_threads ();
  for (guint i = 0; i < 100 && g_thread_pool_get_num_unused_threads () > 0; i++)
    g_usleep (10 * 1000);
  g_usleep (50 * 1000);
#endif

  g_clear_object (&bundled_rules);
  g_clear_pointer (&bundled_bytes, g_bytes_unref);
  g_clear_pointer (&keys_bytes, g_bytes_unref);
  g_clear_pointer (&keys_signature, g_bytes_unref);
  g_clear_pointer (&root_key, test_key_free);
  g_clear_pointer (&dataset_issued, g_free);
  g_clear_pointer (&dataset_expires, g_free);
  g_clear_pointer (&release_key, test_key_free);
  return status;
}
