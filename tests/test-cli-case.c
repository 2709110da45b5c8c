/* SPDX-License-Identifier: GPL-3.0-or-later */

/* retract-cli case …, cases: the real binary on a data folder of the test's
 * own. The limits on the user's own requests at their boundaries, across the
 * cases of one account and not across accounts; the next step around the
 * window's close; endings and reopened; the order of the list; every refusal
 * with the option it names; export and import; the migration of case.json. */

#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "retract-store.h"
#include "test-child.h"

#define FILED "2026-11-24T10:00:00+08:00"
#define NOW   "2026-11-24T13:00:00+08:00"

typedef TestChild Run;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, test_child_clear)

static void
run_args (Run                *run,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    test_child_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("RETRACT_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  test_child_run (run, launcher, argv, 60);

  /* Nothing this program prints may be a crash or a sanitizer report. */
  g_assert_null (strstr (run->err, "AddressSanitizer"));
  g_assert_null (strstr (run->err, "runtime error"));
  g_assert_null (strstr (run->err, "CRITICAL"));
}

static void
run_valist (Run        *run,
            const char *first,
            va_list     args)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (array, (gpointer) arg);
  g_ptr_array_add (array, NULL);
  run_args (run, (const char * const *) array->pdata);
}

static void G_GNUC_NULL_TERMINATED
run_cli (Run        *run,
         const char *first,
         ...)
{
  va_list args;

  va_start (args, first);
  run_valist (run, first, args);
  va_end (args);
}

/* Runs a command that must succeed silently on stderr. */
static void G_GNUC_NULL_TERMINATED
run_ok (Run        *run,
        const char *first,
        ...)
{
  va_list args;

  va_start (args, first);
  run_valist (run, first, args);
  va_end (args);

  if (run->status != 0)
    g_error ("retract-cli %s: exit %d: %s", run->command, run->status, run->err);
  g_assert_cmpstr (run->err, ==, "");
}

/* `case new` with these options; returns the id it printed. */
static char * G_GNUC_NULL_TERMINATED
new_case (const char *first,
          ...)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new ();
  g_auto(Run) run = { 0 };
  va_list args;
  char *id;

  g_ptr_array_add (array, (gpointer) "case");
  g_ptr_array_add (array, (gpointer) "new");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (array, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (array, NULL);

  run_args (&run, (const char * const *) array->pdata);
  if (run.status != 0)
    g_error ("retract-cli %s: exit %d: %s", run.command, run.status, run.err);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_suffix (run.out, "\n"));
  id = g_strndup (run.out, strlen (run.out) - 1);
  g_assert_true (g_regex_match_simple ("^[0-9a-f]{32}$", id, 0, 0));
  return id;
}

/* A WeChat friend report filed at @filed_at by @account. */
static char *
new_friend_report (const char *filed_at,
                   const char *account)
{
  return new_case ("--platform", "wechat", "--type", "friend-report", "--filed-at", filed_at,
                   "--account", account, "--now", filed_at, NULL);
}

static void
log_submission (const char *id,
                const char *channel,
                const char *at)
{
  g_auto(Run) run = { 0 };

  run_ok (&run, "case", "log", id, "--event", "submitted", "--channel", channel, "--at", at,
          "--now", at, NULL);
  g_assert_cmpstr (run.out, ==, "");
}

static void
log_event (const char *id,
           const char *kind,
           const char *at)
{
  g_auto(Run) run = { 0 };

  run_ok (&run, "case", "log", id, "--event", kind, "--at", at, "--now", at, NULL);
  g_assert_cmpstr (run.out, ==, "");
}

static JsonObject *
parse_object (const char  *text,
              JsonParser **parser_out)
{
  g_autoptr(GError) error = NULL;
  JsonParser *parser = json_parser_new ();

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  *parser_out = parser;
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* `case show ID --now NOW --json`, parsed. */
static JsonObject *
show (const char  *id,
      const char  *now,
      JsonParser **parser)
{
  g_auto(Run) run = { 0 };

  run_ok (&run, "case", "show", id, "--now", now, "--json", NULL);
  return parse_object (run.out, parser);
}

static char *
warning_ids (JsonObject *root)
{
  JsonArray *warnings = json_object_get_array_member (root, "warnings");
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (warnings); i++)
    {
      if (i > 0)
        g_string_append_c (ids, ',');
      g_string_append (ids, json_object_get_string_member (json_array_get_object_element (warnings,
                                                                                         i),
                                                           "id"));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static gboolean
has_warning (JsonObject *root,
             const char *id)
{
  g_autofree char *ids = warning_ids (root);
  g_auto(GStrv) list = g_strsplit (ids, ",", -1);

  return g_strv_contains ((const char * const *) list, id);
}

static gint64
count_of (JsonObject *root,
          const char *name)
{
  return json_object_get_int_member (json_object_get_object_member (root, "counts"), name);
}

/* "status action channel due_at", the next step in one line; "-" for null. */
static char *
step_of (JsonObject *root)
{
  const char *status = json_object_get_string_member (root, "status");
  JsonNode *node = json_object_get_member (root, "next_step");
  JsonObject *step;

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup_printf ("%s -", status);

  step = json_node_get_object (node);
  g_assert_cmpuint (json_object_get_size (step), ==, 3);
  return g_strdup_printf ("%s %s %s %s", status,
                          json_object_get_string_member (step, "action"),
                          json_object_get_string_member_with_default (step, "channel", "-"),
                          json_object_get_string_member_with_default (step, "due_at", "-"));
}

static char *
show_step (const char *id,
           const char *now)
{
  g_autoptr(JsonParser) parser = NULL;

  return step_of (show (id, now, &parser));
}

static GList *
member_names (JsonObject *object)
{
  return json_object_get_members (object);
}

/* ---- case new and case show ---- */

static void
test_new_and_show (void)
{
  g_auto(Run) human = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) assess = { 0 };
  g_auto(Run) shown = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonParser) assess_parser = NULL;
  g_autoptr(JsonParser) json_parser = NULL;
  g_autofree char *id = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *step = NULL;
  g_autoptr(GList) names = NULL;
  g_autoptr(GList) assess_names = NULL;
  JsonObject *root, *assessed, *created, *event;
  JsonArray *events;
  GList *l, *m;
  static const char * const tail[] = { "id", "account", "status", "next_step", "counts",
                                       "events", NULL };

  id = new_case ("--platform", "wechat", "--type", "friend-report", "--filed-at", FILED,
                 "--account", "  shop-01  ", "--complaint-number", "WX20261124001",
                 "--now", NOW, NULL);

  run_ok (&json, "case", "new", "--platform", "wechat", "--type", "friend-report",
          "--filed-at", FILED, "--now", NOW, "--json", NULL);
  created = parse_object (json.out, &json_parser);
  g_assert_cmpuint (json_object_get_size (created), ==, 1);
  plain = g_strdup (json_object_get_string_member (created, "id"));
  g_assert_true (g_regex_match_simple ("^[0-9a-f]{32}$", plain, 0, 0));
  g_assert_cmpstr (plain, !=, id);

  /* Logged out of order; shown oldest first. */
  {
    g_auto(Run) log = { 0 };

    run_ok (&log, "case", "log", id, "--event", "submitted", "--channel", "web-ticket",
            "--at", "2026-11-24 12:30", "--reference", "T-1", "--note", "first line\nsecond line",
            "--now", NOW, NULL);
    g_assert_cmpstr (log.out, ==, "");
  }
  /* With --json, the event as it was logged. */
  {
    g_auto(Run) log = { 0 };
    g_autoptr(JsonParser) log_parser = NULL;
    JsonObject *logged;

    run_ok (&log, "case", "log", id, "--event", "note", "--at", "2026-11-24T03:00:00Z",
            "--now", NOW, "--json", NULL);
    logged = parse_object (log.out, &log_parser);
    g_assert_cmpuint (json_object_get_size (logged), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (logged, "id"), ==, id);
    event = json_object_get_object_member (logged, "event");
    g_assert_cmpstr (json_object_get_string_member (event, "kind"), ==, "note");
    /* Beijing time, whatever the offset it was given in. */
    g_assert_cmpstr (json_object_get_string_member (event, "at"), ==,
                     "2026-11-24T11:00:00+08:00");
    g_assert_true (json_object_get_null_member (event, "outcome"));
  }

  root = show (id, NOW, &parser);
  g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (root, "account"), ==, "shop-01");
  g_assert_cmpstr (json_object_get_string_member (root, "stage"), ==, "manual-review");
  step = step_of (root);
  /* The ticket answers within 12 h: wait for it, then call. */
  g_assert_cmpstr (step, ==, "waiting wait phone-hotline 2026-11-25T00:30:00+08:00");
  g_assert_cmpint (count_of (root, "withdrawal_requests_this_month"), ==, 0);
  g_assert_cmpint (count_of (root, "appeals_today"), ==, 0);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (root, "counts")), ==, 2);

  events = json_object_get_array_member (root, "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 2);
  event = json_array_get_object_element (events, 0);
  g_assert_cmpuint (json_object_get_size (event), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (event, "kind"), ==, "note");
  g_assert_cmpstr (json_object_get_string_member (event, "at"), ==, "2026-11-24T11:00:00+08:00");
  g_assert_true (json_object_get_null_member (event, "channel"));
  g_assert_true (json_object_get_null_member (event, "reference"));
  g_assert_true (json_object_get_null_member (event, "outcome"));
  g_assert_true (json_object_get_null_member (event, "note"));
  event = json_array_get_object_element (events, 1);
  g_assert_cmpstr (json_object_get_string_member (event, "kind"), ==, "submitted");
  g_assert_cmpstr (json_object_get_string_member (event, "at"), ==, "2026-11-24T12:30:00+08:00");
  g_assert_cmpstr (json_object_get_string_member (event, "channel"), ==, "web-ticket");
  g_assert_cmpstr (json_object_get_string_member (event, "reference"), ==, "T-1");
  g_assert_cmpstr (json_object_get_string_member (event, "note"), ==, "first line\nsecond line");

  /* The object `assess --json` prints for the same answers, member for
   * member, then the case's own members. */
  run_ok (&assess, "assess", "--platform", "wechat", "--type", "friend-report",
          "--filed-at", FILED, "--now", NOW, "--json", NULL);
  assessed = parse_object (assess.out, &assess_parser);
  names = member_names (root);
  assess_names = member_names (assessed);
  for (l = names, m = assess_names; m != NULL; l = l->next, m = m->next)
    {
      g_assert_nonnull (l);
      g_assert_cmpstr (l->data, ==, m->data);
    }
  for (guint i = 0; tail[i] != NULL; i++, l = l->next)
    {
      g_assert_nonnull (l);
      g_assert_cmpstr (l->data, ==, tail[i]);
    }
  g_assert_null (l);
  g_assert_cmpstr (json_object_get_string_member (root, "window_closes_at"), ==,
                   json_object_get_string_member (assessed, "window_closes_at"));

  /* Without --account, the user's own account: "". */
  {
    g_autoptr(JsonParser) own_parser = NULL;

    g_assert_cmpstr (json_object_get_string_member (show (plain, NOW, &own_parser), "account"),
                     ==, "");
  }

  /* The human view says the same. */
  run_ok (&shown, "case", "show", id, "--now", NOW, NULL);
  g_assert_nonnull (strstr (shown.out, id));
  g_assert_nonnull (strstr (shown.out, "waiting"));
  g_assert_nonnull (strstr (shown.out, "shop-01"));
  g_assert_nonnull (strstr (shown.out, "T-1"));
  g_assert_nonnull (strstr (shown.out, "second line"));

  /* Personal data: the complaint number is the case's, but no case file name
   * carries anything but the id. */
  run_ok (&human, "cases", "--now", NOW, NULL);
  g_assert_nonnull (strstr (human.out, id));
  g_assert_nonnull (strstr (human.out, plain));
}

/* ---- the limits ---- */

/* §6: the 3rd request of a month is fine, the 4th warns; other accounts and
 * the month before do not count; the month turns over in Beijing time. */
static void
test_monthly_limit (void)
{
  const char *filed = "2026-11-30T10:00:00+08:00";
  const char *late = "2026-11-30T23:30:00+08:00";
  g_autofree char *a1 = new_friend_report (filed, "A");
  g_autofree char *a2 = new_friend_report (filed, "A");
  g_autofree char *a3 = new_friend_report (filed, "A");
  g_autofree char *a4 = new_friend_report (filed, "A");
  g_autofree char *a5 = new_friend_report (filed, "A");
  g_autofree char *b1 = new_friend_report (filed, "B");
  g_autoptr(JsonParser) p1 = NULL;
  g_autoptr(JsonParser) p2 = NULL;
  g_autoptr(JsonParser) p3 = NULL;
  g_autoptr(JsonParser) p4 = NULL;
  g_autoptr(JsonParser) p5 = NULL;
  JsonObject *root;

  log_submission (a1, "web-ticket", late);
  log_submission (a2, "phone-hotline", late);
  log_submission (a4, "web-ticket", "2026-11-30T11:00:00+08:00");
  log_submission (b1, "web-ticket", late);
  /* An appeal message is no withdrawal request (§8 comes after processing). */
  log_submission (a5, "appeal-message", late);

  /* a3's first request would be the account's 4th this month: a1, a2, a4. */
  root = show (a3, "2026-11-30T23:59:59+08:00", &p1);
  g_assert_cmpint (count_of (root, "withdrawal_requests_this_month"), ==, 3);
  g_assert_true (has_warning (root, "monthly-limit"));

  /* a4's was the 3rd (a1, a2 besides it): no warning. */
  root = show (a4, "2026-11-30T23:59:59+08:00", &p2);
  g_assert_cmpint (count_of (root, "withdrawal_requests_this_month"), ==, 2);
  g_assert_false (has_warning (root, "monthly-limit"));

  /* The other account shares nothing. */
  root = show (b1, "2026-11-30T23:59:59+08:00", &p3);
  g_assert_cmpint (count_of (root, "withdrawal_requests_this_month"), ==, 0);
  g_assert_false (has_warning (root, "monthly-limit"));

  /* 2026-11-30T16:00:00Z is December in Beijing: a new month. */
  root = show (a3, "2026-11-30T16:00:00+00:00", &p4);
  g_assert_cmpint (count_of (root, "withdrawal_requests_this_month"), ==, 0);
  g_assert_false (has_warning (root, "monthly-limit"));

  /* One second before, still November. */
  root = show (a3, "2026-11-30T15:59:59+00:00", &p5);
  g_assert_cmpint (count_of (root, "withdrawal_requests_this_month"), ==, 3);
}

/* The requests made outside Retract this month are the case's baseline: two
 * of them and one other case's request make three, and the warning fires. */
static void
test_monthly_baseline (void)
{
  const char *filed = "2026-11-30T10:00:00+08:00";
  g_autofree char *other = new_friend_report (filed, "C");
  g_autofree char *id = new_case ("--platform", "wechat", "--type", "friend-report",
                                  "--filed-at", filed, "--account", "C",
                                  "--withdrawals-this-month", "2", "--now", filed, NULL);
  g_autoptr(JsonParser) parser = NULL;
  g_auto(Run) refused = { 0 };
  JsonObject *root;

  log_submission (other, "web-ticket", "2026-11-30T11:00:00+08:00");
  root = show (id, "2026-11-30T12:00:00+08:00", &parser);
  g_assert_cmpint (count_of (root, "withdrawal_requests_this_month"), ==, 3);
  g_assert_true (has_warning (root, "monthly-limit"));

  run_cli (&refused, "case", "new", "--platform", "wechat", "--type", "friend-report",
           "--filed-at", filed, "--withdrawals-this-month", "-1", "--now", filed, NULL);
  g_assert_cmpint (refused.status, ==, 2);
  g_assert_nonnull (strstr (refused.err, "withdrawals_this_month"));
}

/* §8: two appeals a day over the account's cases; the 3rd waits for 00:00. */
static void
test_daily_appeals (void)
{
  const char *filed = "2026-11-20T10:00:00+08:00";
  g_autofree char *p1 = new_case ("--platform", "wechat", "--type", "payment-dispute",
                                  "--filed-at", filed, "--now", NOW, NULL);
  g_autofree char *p2 = new_case ("--platform", "wechat", "--type", "payment-dispute",
                                  "--filed-at", filed, "--now", NOW, NULL);
  g_autofree char *q = new_case ("--platform", "wechat", "--type", "payment-dispute",
                                 "--filed-at", filed, "--account", "other", "--now", NOW, NULL);
  g_autofree char *step = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonParser) parser2 = NULL;
  g_autoptr(JsonParser) parser3 = NULL;
  JsonObject *root;

  step = show_step (p1, NOW);
  g_assert_cmpstr (step, ==, "act-now appeal appeal-message -");
  g_clear_pointer (&step, g_free);

  /* The 1st appeal of the day, on another case of the account. */
  log_submission (p2, "appeal-message", "2026-11-24T09:00:00+08:00");
  root = show (p1, NOW, &parser);
  g_assert_cmpint (count_of (root, "appeals_today"), ==, 1);
  g_assert_false (has_warning (root, "daily-appeal-limit"));
  step = step_of (root);
  g_assert_cmpstr (step, ==, "act-now appeal appeal-message -");
  g_clear_pointer (&step, g_free);

  /* The 2nd: the limit; a 3rd waits until 00:00 Beijing time. */
  log_submission (p1, "appeal-message", "2026-11-24T12:00:00+08:00");
  root = show (p1, NOW, &parser2);
  g_assert_cmpint (count_of (root, "appeals_today"), ==, 2);
  g_assert_true (has_warning (root, "daily-appeal-limit"));
  step = step_of (root);
  g_assert_cmpstr (step, ==, "waiting wait appeal-message 2026-11-25T00:00:00+08:00");
  g_clear_pointer (&step, g_free);

  step = show_step (p2, "2026-11-24T23:59:59+08:00");
  g_assert_cmpstr (step, ==, "waiting wait appeal-message 2026-11-25T00:00:00+08:00");
  g_clear_pointer (&step, g_free);

  /* A 3rd is the user's to send: it is logged, counted and still waits. */
  log_submission (p2, "appeal-message", "2026-11-24T12:30:00+08:00");
  root = show (p2, NOW, &parser3);
  g_assert_cmpint (count_of (root, "appeals_today"), ==, 3);
  g_assert_true (has_warning (root, "daily-appeal-limit"));
  step = step_of (root);
  g_assert_cmpstr (step, ==, "waiting wait appeal-message 2026-11-25T00:00:00+08:00");
  g_clear_pointer (&step, g_free);

  /* Midnight: a new day's allowance. */
  step = show_step (p2, "2026-11-25T00:00:00+08:00");
  g_assert_cmpstr (step, ==, "act-now appeal appeal-message -");
  g_clear_pointer (&step, g_free);

  /* Another account's appeals are its own. */
  step = show_step (q, NOW);
  g_assert_cmpstr (step, ==, "act-now appeal appeal-message -");
}

/* §3: a ticket answers within 12 h; sent exactly 12 h before the window
 * closes, the answer can still come in time (wait); a second later, call now. */
static void
test_ticket_at_close_minus_12h (void)
{
  g_autofree char *in_time = new_friend_report (FILED, "A");
  g_autofree char *too_late = new_friend_report (FILED, "B");
  g_autofree char *step = NULL;

  log_submission (in_time, "web-ticket", "2026-11-24T22:00:00+08:00");
  log_submission (too_late, "web-ticket", "2026-11-24T22:00:01+08:00");

  step = show_step (in_time, "2026-11-24T22:30:00+08:00");
  g_assert_cmpstr (step, ==, "waiting wait phone-hotline 2026-11-25T10:00:00+08:00");
  g_clear_pointer (&step, g_free);

  step = show_step (in_time, "2026-11-25T09:59:59+08:00");
  g_assert_cmpstr (step, ==, "waiting wait phone-hotline 2026-11-25T10:00:00+08:00");
  g_clear_pointer (&step, g_free);

  step = show_step (too_late, "2026-11-24T22:30:00+08:00");
  g_assert_cmpstr (step, ==, "act-now submit phone-hotline 2026-11-25T10:00:00+08:00");
}

/* A minor's case: the guardian goes in person with the household register
 * (§5), which is no withdrawal request; the text says so, in the core's
 * words, both while the complaint is under review and once it is processed. */
static void
test_show_guardian (void)
{
  static const char * const nows[] = { NOW, "2026-11-27T13:00:00+08:00" };
  g_autofree char *id = new_case ("--platform", "wechat", "--type", "friend-report",
                                  "--filed-at", FILED, "--scenario", "minor", "--now", FILED,
                                  NULL);

  for (guint i = 0; i < G_N_ELEMENTS (nows); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *step = show_step (id, nows[i]);

      g_assert_true (g_str_has_prefix (step, "act-now submit guardian-in-person"));
      run_ok (&run, "case", "show", id, "--now", nows[i], "--lang", "en", NULL);
      g_assert_nonnull (strstr (run.out, "\nNext step: The guardian goes in person: "
                                         "Tencent Youth Lighthouse Office\n"));
      g_assert_nonnull (strstr (run.out, "The guardian brings the household register"));
      g_assert_null (strstr (run.out, "withdrawal request through"));
    }
}

/* A reply that the complaint was withdrawn ends the case; reopened undoes it. */
static void
test_endings (void)
{
  g_autofree char *id = new_friend_report (FILED, "");
  g_autofree char *step = NULL;
  g_auto(Run) reply = { 0 };
  g_auto(Run) list = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *row;

  log_submission (id, "web-ticket", "2026-11-24T11:00:00+08:00");
  run_ok (&reply, "case", "log", id, "--event", "reply", "--outcome", "withdrawn",
          "--at", "2026-11-24T12:00:00+08:00", "--now", NOW, NULL);

  step = show_step (id, NOW);
  g_assert_cmpstr (step, ==, "done -");
  g_clear_pointer (&step, g_free);

  run_ok (&list, "cases", "--now", NOW, "--json", NULL);
  row = json_array_get_object_element (json_object_get_array_member (parse_object (list.out,
                                                                                   &parser),
                                                                     "cases"), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "status"), ==, "done");
  g_assert_true (json_object_get_null_member (row, "next_due_at"));

  /* Reopened: the refusal-like answer leaves the next channel. */
  log_event (id, "reopened", "2026-11-24T12:30:00+08:00");
  step = show_step (id, NOW);
  g_assert_cmpstr (step, ==, "act-now submit phone-hotline 2026-11-25T10:00:00+08:00");
  g_clear_pointer (&step, g_free);

  log_event (id, "abandoned", "2026-11-24T12:40:00+08:00");
  step = show_step (id, NOW);
  g_assert_cmpstr (step, ==, "abandoned -");
  g_clear_pointer (&step, g_free);

  log_event (id, "reopened", "2026-11-24T12:50:00+08:00");
  log_event (id, "resolved", "2026-11-24T12:55:00+08:00");
  step = show_step (id, NOW);
  g_assert_cmpstr (step, ==, "done -");
}

/* ---- cases ---- */

static void
test_cases_order (void)
{
  g_autofree char *closed = new_case ("--platform", "wechat", "--type", "intellectual-property",
                                      "--filed-at", FILED, "--now", NOW, NULL);
  g_autofree char *done = NULL;
  g_autofree char *later_due = new_friend_report (FILED, "a1");
  g_autofree char *early_due = new_friend_report ("2026-11-24T09:00:00+08:00", "a2");
  g_autofree char *waiting_late = new_friend_report (FILED, "w1");
  g_autofree char *waiting_early = new_friend_report (FILED, "w2");
  g_autofree char *appeal = new_case ("--platform", "wechat", "--type", "payment-dispute",
                                      "--filed-at", "2026-11-20T10:00:00+08:00",
                                      "--now", NOW, NULL);
  g_autofree char *same_due_newer = NULL;
  g_auto(Run) list = { 0 };
  g_auto(Run) human = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  const char *expected_ids[9];
  JsonArray *rows;

  /* The rest are ordered newest first: a case is started at its --now. */
  done = new_case ("--platform", "wechat", "--type", "friend-report", "--filed-at", FILED,
                   "--account", "d", "--now", "2026-11-24T13:30:00+08:00", NULL);

  log_submission (waiting_late, "web-ticket", "2026-11-24T12:30:00+08:00");
  log_submission (waiting_early, "web-ticket", "2026-11-24T12:00:00+08:00");
  log_event (done, "resolved", "2026-11-24T11:00:00+08:00");

  /* Equal due times: the newer case first. */
  same_due_newer = new_case ("--platform", "wechat", "--type", "friend-report", "--filed-at",
                             FILED, "--account", "a3", "--now", "2026-11-24T10:00:01+08:00", NULL);

  run_ok (&list, "cases", "--now", NOW, "--json", NULL);
  rows = json_object_get_array_member (parse_object (list.out, &parser), "cases");
  g_assert_cmpuint (json_array_get_length (rows), ==, 8);

  expected_ids[0] = early_due;       /* act-now, due 11-25 09:00 */
  expected_ids[1] = same_due_newer;  /* act-now, due 11-25 10:00, newer */
  expected_ids[2] = later_due;       /* act-now, due 11-25 10:00 */
  expected_ids[3] = appeal;          /* act-now, no deadline: after those with one */
  expected_ids[4] = waiting_early;   /* waiting until 11-25 00:00 */
  expected_ids[5] = waiting_late;    /* waiting until 11-25 00:30 */
  expected_ids[6] = done;            /* the rest, newest first */
  expected_ids[7] = closed;
  expected_ids[8] = NULL;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      static const char * const keys[] = { "id", "platform", "type", "account", "status",
                                           "next_due_at" };
      g_autoptr(GList) names = json_object_get_members (row);
      GList *l = names;

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++, l = l->next)
        g_assert_cmpstr (l->data, ==, keys[k]);
      g_assert_null (l);

      g_string_append_printf (order, "%s %s %s\n", json_object_get_string_member (row, "id"),
                              json_object_get_string_member (row, "status"),
                              json_object_get_string_member_with_default (row, "next_due_at",
                                                                          "-"));
    }

  g_string_append_printf (expected, "%s act-now 2026-11-25T09:00:00+08:00\n", expected_ids[0]);
  g_string_append_printf (expected, "%s act-now 2026-11-25T10:00:00+08:00\n", expected_ids[1]);
  g_string_append_printf (expected, "%s act-now 2026-11-25T10:00:00+08:00\n", expected_ids[2]);
  g_string_append_printf (expected, "%s act-now -\n", expected_ids[3]);
  g_string_append_printf (expected, "%s waiting 2026-11-25T00:00:00+08:00\n", expected_ids[4]);
  g_string_append_printf (expected, "%s waiting 2026-11-25T00:30:00+08:00\n", expected_ids[5]);
  g_string_append_printf (expected, "%s done -\n", expected_ids[6]);
  g_string_append_printf (expected, "%s closed -\n", expected_ids[7]);
  g_assert_cmpstr (order->str, ==, expected->str);

  /* The account and the platform and type of each. */
  {
    JsonObject *row = json_array_get_object_element (rows, 0);

    g_assert_cmpstr (json_object_get_string_member (row, "platform"), ==, "wechat");
    g_assert_cmpstr (json_object_get_string_member (row, "type"), ==, "friend-report");
    g_assert_cmpstr (json_object_get_string_member (row, "account"), ==, "a2");
  }

  run_ok (&human, "cases", "--now", NOW, NULL);
  g_assert_true (strstr (human.out, early_due) < strstr (human.out, closed));
}

static void
test_cases_empty (void)
{
  g_auto(Run) json = { 0 };
  g_auto(Run) human = { 0 };

  run_ok (&json, "cases", "--json", NULL);
  g_assert_cmpstr (json.out, ==, "{\n  \"cases\" : []\n}\n");
  run_ok (&human, "cases", NULL);
  g_assert_cmpstr (human.out, !=, "");
}

/* A case the rules cannot assess at --now (filed after it) is still listed,
 * without a status, and said why; an ended one needs no rules to be done. */
static void
test_cases_unassessable (void)
{
  g_autofree char *open = new_friend_report ("2026-11-24T12:00:00+08:00", "");
  g_autofree char *ended = new_friend_report ("2026-11-24T12:00:00+08:00", "");
  g_auto(Run) list = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *rows;

  log_event (ended, "resolved", "2026-11-24T12:10:00+08:00");

  run_cli (&list, "cases", "--now", "2026-11-24T11:00:00+08:00", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.err, open));
  g_assert_nonnull (strstr (list.err, "cannot be assessed"));
  g_assert_null (strstr (list.err, ended));

  rows = json_object_get_array_member (parse_object (list.out, &parser), "cases");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *id = json_object_get_string_member (row, "id");

      g_assert_true (json_object_get_null_member (row, "next_due_at"));
      if (g_str_equal (id, open))
        g_assert_true (json_object_get_null_member (row, "status"));
      else
        g_assert_cmpstr (json_object_get_string_member (row, "status"), ==, "done");
    }
}

/* A case saved before its complaint type was chosen (the app saved one on
 * every Ctrl+N) is listed as such, in the language asked for: it printed
 * "WeChat · (null)". A type the rules do not know is listed by its id. */
static void
test_cases_without_type (void)
{
  g_autoptr(RetractStore) store = retract_store_new_default ();
  g_autoptr(RetractCase) blank = retract_case_new ();
  g_autoptr(RetractCase) unknown = retract_case_new ();
  g_autofree char *blank_line = NULL;
  g_autofree char *unknown_line = NULL;
  g_autofree char *blank_line_zh = NULL;
  g_auto(Run) human = { 0 };
  g_auto(Run) chinese = { 0 };
  g_autoptr(GError) error = NULL;

  retract_case_set_platform (blank, "wechat");
  retract_case_set_platform (unknown, "wechat");
  retract_case_set_complaint_type (unknown, "no-such-type");
  g_assert_true (retract_store_save_case (store, blank, &error));
  g_assert_no_error (error);
  g_assert_true (retract_store_save_case (store, unknown, &error));
  g_assert_no_error (error);
  blank_line = g_strdup_printf ("%s  WeChat · complaint type not chosen · my account\n",
                                retract_case_get_id (blank));
  unknown_line = g_strdup_printf ("%s  WeChat · no-such-type · my account\n",
                                  retract_case_get_id (unknown));
  blank_line_zh = g_strdup_printf ("%s  微信 · 未选择投诉类型 · ", retract_case_get_id (blank));

  run_cli (&human, "cases", "--now", NOW, NULL);
  g_assert_cmpint (human.status, ==, 0);
  g_assert_null (strstr (human.out, "(null)"));
  g_assert_nonnull (strstr (human.out, blank_line));
  g_assert_nonnull (strstr (human.out, unknown_line));

  run_cli (&chinese, "cases", "--now", NOW, "--lang", "zh_CN", NULL);
  g_assert_cmpint (chinese.status, ==, 0);
  g_assert_null (strstr (chinese.out, "(null)"));
  g_assert_nonnull (strstr (chinese.out, blank_line_zh));
}

/* An unreadable case file is moved aside and the user told; the others list. */
static void
test_cases_damaged_file (void)
{
  g_autofree char *kept = new_friend_report (FILED, "");
  g_autofree char *damaged = new_friend_report (FILED, "");
  g_autofree char *file = g_strdup_printf ("%s.json", damaged);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), APP_ID, "cases", file, NULL);
  g_auto(Run) list = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *rows;

  g_assert_true (g_file_set_contents (path, "{\"format\": 2, \"id\": ", -1, NULL));

  run_cli (&list, "cases", "--now", NOW, "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.err, file));
  g_assert_nonnull (strstr (list.err, "moved aside"));

  rows = json_object_get_array_member (parse_object (list.out, &parser), "cases");
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0), "id"),
                   ==, kept);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* ---- refusals ---- */

typedef struct
{
  const char *name;
  const char *args[16]; /* "ID" is replaced with the case's id */
  const char *stderr_parts; /* "|"-separated */
} Refusal;

#define UNKNOWN_ID "0123456789abcdef0123456789abcdef"

static const Refusal refusals[] = {
  { "show-unknown-id", { "case", "show", UNKNOWN_ID }, "ID: |" UNKNOWN_ID },
  { "show-not-an-id", { "case", "show", "../case" }, "ID: |../case" },
  { "log-unknown-id", { "case", "log", UNKNOWN_ID, "--event", "note", "--at", NOW,
                        "--now", NOW }, "ID: |" UNKNOWN_ID },
  { "delete-unknown-id", { "case", "delete", UNKNOWN_ID }, "ID: |" UNKNOWN_ID },
  { "export-unknown-id", { "case", "export", UNKNOWN_ID, "--output", "x.json" },
    "ID: |" UNKNOWN_ID },
  { "log-no-id", { "case", "log", "--event", "note", "--at", NOW }, "ID: " },
  { "unknown-channel", { "case", "log", "ID", "--event", "submitted", "--channel", "carrier-pigeon",
                         "--at", NOW, "--now", NOW }, "--channel: |“carrier-pigeon”" },
  { "submission-without-channel", { "case", "log", "ID", "--event", "submitted", "--at", NOW,
                                    "--now", NOW }, "--channel: " },
  { "import-missing-file", { "case", "import", "/nonexistent/missing.json" }, "missing.json" },
  /* The case is a WeChat one: Alipay's channel is not one of its ways. */
  { "channel-of-another-platform", { "case", "log", "ID", "--event", "submitted", "--channel",
                                     "alipay-smart-service", "--at", NOW, "--now", NOW },
    "--channel: |“alipay-smart-service”" },
  { "reopened-open-case", { "case", "log", "ID", "--event", "reopened", "--at", NOW,
                            "--now", NOW }, "--event: |nothing to reopen" },
  { "channel-on-note", { "case", "log", "ID", "--event", "note", "--channel", "web-ticket",
                         "--at", NOW, "--now", NOW }, "--channel: |note" },
  { "before-filing", { "case", "log", "ID", "--event", "note", "--at", "2026-11-24T09:59:59+08:00",
                       "--now", NOW }, "--at: |filed" },
  { "future", { "case", "log", "ID", "--event", "note", "--at", "2026-11-24T13:05:01+08:00",
                "--now", NOW }, "--at: |future" },
  { "bad-time", { "case", "log", "ID", "--event", "note", "--at", "yesterday", "--now", NOW },
    "--at: |“yesterday”" },
  { "no-time", { "case", "log", "ID", "--event", "note", "--now", NOW }, "--at: " },
  { "reply-without-outcome", { "case", "log", "ID", "--event", "reply", "--at", NOW,
                               "--now", NOW }, "--outcome: |withdrawn" },
  { "outcome-on-note", { "case", "log", "ID", "--event", "note", "--outcome", "refused",
                         "--at", NOW, "--now", NOW }, "--outcome: |note" },
  { "unknown-outcome", { "case", "log", "ID", "--event", "reply", "--outcome", "maybe",
                         "--at", NOW, "--now", NOW }, "--outcome: |“maybe”|more-materials" },
  { "unknown-event", { "case", "log", "ID", "--event", "complained", "--at", NOW, "--now", NOW },
    "--event: |“complained”|submitted, reply, resolved, abandoned, reopened, note" },
  { "no-event", { "case", "log", "ID", "--at", NOW, "--now", NOW }, "--event: " },
  { "reference-two-lines", { "case", "log", "ID", "--event", "note", "--reference", "a\nb",
                             "--at", NOW, "--now", NOW }, "--reference: " },
  { "bad-now", { "case", "show", "ID", "--now", "soon" }, "--now: |“soon”" },
  { "cases-bad-now", { "cases", "--now", "soon" }, "--now: |“soon”" },
  { "new-without-platform", { "case", "new", "--type", "friend-report", "--filed-at", FILED },
    "--platform: " },
  { "new-bad-account", { "case", "new", "--platform", "wechat", "--type", "friend-report",
                         "--filed-at", FILED, "--account", "a\nb" }, "--account: " },
  { "export-without-output", { "case", "export", "ID" }, "--output: " },
  { "no-subcommand", { "case" }, "Usage:|new|log|show|delete|export|import" },
  { "unknown-subcommand", { "case", "frob" }, "“frob”" },
};

static void
test_refusals (void)
{
  g_autofree char *id = new_friend_report (FILED, "");
  g_autofree char *step = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_auto(Run) within = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      const Refusal *refusal = &refusals[i];
      g_auto(Run) run = { 0 };
      g_auto(GStrv) parts = g_strsplit (refusal->stderr_parts, "|", -1);
      const char *args[G_N_ELEMENTS (refusal->args) + 1] = { NULL };

      g_test_message ("%s", refusal->name);
      for (guint j = 0; refusal->args[j] != NULL; j++)
        args[j] = g_str_equal (refusal->args[j], "ID") ? id : refusal->args[j];

      run_args (&run, args);
      if (run.status != 2)
        g_error ("%s: exit %d, not 2: %s", refusal->name, run.status, run.err);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, !=, "");
      for (guint j = 0; parts[j] != NULL; j++)
        if (strstr (run.err, parts[j]) == NULL)
          g_error ("%s: “%s” not in: %s", refusal->name, parts[j], run.err);
      /* The option ("--at: ") or the argument ("ID: ") is named first. */
      if (g_str_has_suffix (parts[0], ": ") && !g_str_has_prefix (run.err, parts[0]))
        g_error ("%s: does not start with “%s”: %s", refusal->name, parts[0], run.err);
    }

  /* Nothing was logged by any of them. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (show (id, NOW, &parser),
                                                                         "events")), ==, 0);

  /* 5 minutes after now is the boundary, not yet the future. */
  run_ok (&within, "case", "log", id, "--event", "note", "--at", "2026-11-24T13:05:00+08:00",
          "--now", NOW, NULL);
}

/* ---- delete, export, import ---- */

static void
test_delete (void)
{
  g_autofree char *id = new_friend_report (FILED, "");
  g_autofree char *kept = new_friend_report (FILED, "");
  g_auto(Run) deleted = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) gone = { 0 };
  g_auto(Run) list = { 0 };

  run_ok (&deleted, "case", "delete", id, NULL);
  g_assert_cmpstr (deleted.out, ==, "");

  run_cli (&again, "case", "delete", id, NULL);
  g_assert_cmpint (again.status, ==, 2);
  g_assert_true (g_str_has_prefix (again.err, "ID: "));
  run_cli (&gone, "case", "show", id, NULL);
  g_assert_cmpint (gone.status, ==, 2);

  run_ok (&list, "cases", "--json", "--now", NOW, NULL);
  g_assert_null (strstr (list.out, id));
  g_assert_nonnull (strstr (list.out, kept));
}

static void
test_export_import (void)
{
  g_autofree char *id = new_friend_report (FILED, "shop");
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "export", NULL);
  g_autofree char *path = g_build_filename (folder, "case.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonParser) p1 = NULL;
  g_autoptr(JsonParser) p2 = NULL;
  g_autoptr(JsonParser) p3 = NULL;
  g_auto(Run) exported = { 0 };
  g_auto(Run) deleted = { 0 };
  g_auto(Run) imported = { 0 };
  g_auto(Run) assess = { 0 };
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *root;
  GStatBuf st;

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  log_submission (id, "web-ticket", "2026-11-24T11:00:00+08:00");
  {
    g_auto(Run) reply = { 0 };

    run_ok (&reply, "case", "log", id, "--event", "reply", "--outcome", "more-materials",
            "--at", "2026-11-24T12:00:00+08:00", "--note", "需要身份证照片", "--now", NOW, NULL);
  }
  root = show (id, NOW, &p1);
  json_generator_set_root (generator, json_object_get_member (root, "events"));
  before = json_generator_to_data (generator, NULL);

  run_ok (&exported, "case", "export", id, "--output", path, NULL);
  g_assert_cmpstr (exported.out, ==, "");
  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The exported file is a case file `assess --case` reads. */
  run_ok (&assess, "assess", "--case", path, "--now", NOW, "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (parse_object (assess.out, &p2), "stage"), ==,
                   "manual-review");

  run_ok (&deleted, "case", "delete", id, NULL);
  run_ok (&imported, "case", "import", path, NULL);
  g_assert_true (g_str_has_prefix (imported.out, id));
  g_assert_cmpstr (imported.out + strlen (id), ==, "\n");

  root = show (id, NOW, &p3);
  g_assert_cmpstr (json_object_get_string_member (root, "account"), ==, "shop");
  json_generator_set_root (generator, json_object_get_member (root, "events"));
  after = json_generator_to_data (generator, NULL);
  g_assert_cmpstr (after, ==, before);
  g_unlink (path);
}

/* ---- migration ---- */

/* An unreadable case.json of an earlier version is set aside and told
 * about; the command still does its work. */
static void
test_migration_damaged (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autofree char *old_path = g_build_filename (directory, "case.json", NULL);
  g_auto(Run) list = { 0 };
  g_autoptr(JsonParser) parser = NULL;

  g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
  g_assert_true (g_file_set_contents (old_path, "{\"format\": 1, \"platform\": 12", -1, NULL));

  run_cli (&list, "cases", "--now", NOW, "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      parse_object (list.out, &parser), "cases")), ==, 0);
  g_assert_nonnull (strstr (list.err, "case.json"));
  g_assert_nonnull (strstr (list.err, "moved aside"));
  g_assert_false (g_file_test (old_path, G_FILE_TEST_EXISTS));
  g_free (new_friend_report (FILED, ""));
}

static void
test_migration (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autofree char *old_path = g_build_filename (directory, "case.json", NULL);
  g_auto(Run) list = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *rows;
  JsonObject *row;

  g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
  g_assert_true (g_file_set_contents (old_path,
    "{\"format\": 1, \"platform\": \"wechat\", \"type\": \"friend-report\",\n"
    " \"filed_at\": \"2026-11-24T10:00:00+08:00\", \"mistake\": \"misoperation\",\n"
    " \"scenarios\": [], \"withdrawals_this_month\": 0, \"other_party_loss\": false}\n",
    -1, NULL));

  run_ok (&list, "cases", "--now", NOW, "--json", NULL);
  rows = json_object_get_array_member (parse_object (list.out, &parser), "cases");
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
  row = json_array_get_object_element (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "type"), ==, "friend-report");
  g_assert_cmpstr (json_object_get_string_member (row, "account"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (row, "status"), ==, "act-now");
  g_assert_false (g_file_test (old_path, G_FILE_TEST_EXISTS));

  {
    g_autofree char *file = g_strdup_printf ("%s.json",
                                             json_object_get_string_member (row, "id"));
    g_autofree char *path = g_build_filename (directory, "cases", file, NULL);
    GStatBuf st;

    g_assert_no_errno (g_stat (path, &st));
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_assert_nonnull (g_getenv ("RETRACT_CLI"));

  g_test_add_func ("/retract/cli/case/new-and-show", test_new_and_show);
  g_test_add_func ("/retract/cli/case/monthly-limit", test_monthly_limit);
  g_test_add_func ("/retract/cli/case/monthly-baseline", test_monthly_baseline);
  g_test_add_func ("/retract/cli/case/daily-appeals", test_daily_appeals);
  g_test_add_func ("/retract/cli/case/ticket-at-close-minus-12h", test_ticket_at_close_minus_12h);
  g_test_add_func ("/retract/cli/case/endings", test_endings);
  g_test_add_func ("/retract/cli/case/show-guardian", test_show_guardian);
  g_test_add_func ("/retract/cli/case/refusals", test_refusals);
  g_test_add_func ("/retract/cli/case/delete", test_delete);
  g_test_add_func ("/retract/cli/case/export-import", test_export_import);
  g_test_add_func ("/retract/cli/case/migration", test_migration);
  g_test_add_func ("/retract/cli/case/migration-damaged", test_migration_damaged);
  g_test_add_func ("/retract/cli/cases/order", test_cases_order);
  g_test_add_func ("/retract/cli/cases/empty", test_cases_empty);
  g_test_add_func ("/retract/cli/cases/unassessable", test_cases_unassessable);
  g_test_add_func ("/retract/cli/cases/without-type", test_cases_without_type);
  g_test_add_func ("/retract/cli/cases/damaged-file", test_cases_damaged_file);

  return g_test_run ();
}
