/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The benchmarks behind `build-aux/dev bench` (docs/performance.md). One line
 * per figure on stdout, either `NAME ratio=X target=Y` or `NAME value=X unit=U`;
 * progress and problems go to stderr. A figure over its target is reported,
 * not a failure: the exit status is non-zero only when something could not be
 * measured.
 *
 * Start-up and memory run the real app and a bare AdwApplicationWindow
 * (baseline-window) one after the other, interleaved, each in a fresh
 * XDG_DATA_HOME, under the display the caller gives (Xvfb). Both print their
 * first painted frame's CLOCK_MONOTONIC time and their PSS
 * (RETRACT_BENCH_FIRST_FRAME); start-up is that time minus the time taken just
 * before the spawn. Everything else is measured in this process. */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "retract-assessment.h"
#include "retract-case-list.h"
#include "retract-case.h"
#include "retract-core-resources.h"
#include "retract-json-case.h"
#include "retract-letter-renderer.h"
#include "retract-letter.h"
#include "retract-next-step.h"
#include "retract-rules-store.h"
#include "retract-ruleset.h"
#include "retract-store.h"
#include "retract-time.h"

#define NOW_TEXT          "2026-11-24T13:00:00+08:00"
#define CHILD_TIMEOUT_MS  60000
#define RESUME_CHARS      100000
#define LIBRARY_CHARS     20000
/* The renderer's body text: family, size and margins (retract-letter-renderer.c). */
#define BARE_FONT         "Noto Serif CJK SC"
#define BARE_FONT_SIZE    12.0
#define BARE_MARGIN_SIDE  68.0
#define BARE_MARGIN_TOP   60.0
#define SENTENCE          "我当时想给朋友发消息，结果误点了投诉按钮，并没有任何投诉的意思。"
#define SENTENCE_EN       "I meant to message a friend but pressed complain by mistake. "

static int startup_runs = 31;
static int export_runs = 21;
static int unbroken_runs = 7;
static char *only;
static gboolean failed;

/* --only GROUP, for profiling one figure (e.g. under callgrind). */
static gboolean
wanted (const char *group)
{
  return only == NULL || g_str_equal (only, group);
}

/* Numbers */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *samples)
{
  g_autoptr(GArray) sorted = NULL;
  guint n = samples->len;

  if (n == 0)
    return NAN;

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  g_array_append_vals (sorted, samples->data, n);
  g_array_sort (sorted, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

static GArray *
samples_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (double));
}

static void
add_sample (GArray *samples,
            double  value)
{
  g_array_append_val (samples, value);
}

static double
elapsed_ms (gint64 since)
{
  return (double) (g_get_monotonic_time () - since) / 1000.0;
}

/* Least squares y = slope · x + intercept, and the share of the variance it explains. */
static void
fit_line (const double *x,
          const double *y,
          guint         n,
          double       *slope,
          double       *r2)
{
  double mean_x = 0, mean_y = 0, sxx = 0, sxy = 0, syy = 0;

  for (guint i = 0; i < n; i++)
    {
      mean_x += x[i] / n;
      mean_y += y[i] / n;
    }
  for (guint i = 0; i < n; i++)
    {
      sxx += (x[i] - mean_x) * (x[i] - mean_x);
      sxy += (x[i] - mean_x) * (y[i] - mean_y);
      syy += (y[i] - mean_y) * (y[i] - mean_y);
    }

  *slope = sxx > 0 ? sxy / sxx : NAN;
  *r2 = sxx > 0 && syy > 0 ? (sxy * sxy) / (sxx * syy) : NAN;
}

/* Output */

static void
print_ratio (const char *name,
             double      ratio,
             double      target)
{
  if (!isfinite (ratio))
    {
      g_printerr ("bench: %s could not be measured\n", name);
      failed = TRUE;
      return;
    }
  g_print ("%s ratio=%.3f target=%g\n", name, ratio, target);
  fflush (stdout);
}

static void
print_value (const char *name,
             double      value,
             int         decimals,
             const char *unit)
{
  if (!isfinite (value))
    {
      g_printerr ("bench: %s could not be measured\n", name);
      failed = TRUE;
      return;
    }
  g_print ("%s value=%.*f unit=%s\n", name, decimals, value, unit);
  fflush (stdout);
}

static void
progress (const char *message)
{
  g_printerr ("bench: %s\n", message);
}

/* Cases */

static RetractCase *
letter_case (const char *narrative)
{
  RetractCase *kase = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse ("2026-11-24T10:00:00+08:00", NULL);

  retract_case_set_platform (kase, "wechat");
  retract_case_set_complaint_type (kase, "friend-report");
  retract_case_set_filed_at (kase, filed);
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_NAME, "张三");
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_WECHAT_ID, "zhangsan_01");
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_PHONE, "13800138000");
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "11010519491231002X");
  retract_case_set_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, "WX20261124001");
  retract_case_set_detail (kase, RETRACT_DETAIL_RESPONDENT, "李四");
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, narrative);
  retract_case_set_detail (kase, RETRACT_DETAIL_REASON, "李四没有任何违规行为，是我点错了。");
  retract_case_set_material_ready (kase, "identity", TRUE);
  retract_case_set_material_ready (kase, "screen-recording", TRUE);
  return kase;
}

/* @unit repeated to exactly @n_chars characters. */
static char *
repeated_to (const char *unit,
             guint       n_chars)
{
  GString *text = g_string_new (NULL);

  while (g_utf8_strlen (text->str, -1) < (glong) n_chars)
    g_string_append (text, unit);
  g_string_truncate (text, (gsize) (g_utf8_offset_to_pointer (text->str, n_chars) - text->str));
  return g_string_free (text, FALSE);
}

/* A narrative of exactly @n_chars characters. */
static char *
narrative_of (guint n_chars)
{
  return repeated_to (SENTENCE, n_chars);
}

/* Start-up and memory */

typedef enum
{
  SUBJECT_BASELINE,
  SUBJECT_APP,
  SUBJECT_APP_RESUME,
  SUBJECT_APP_EN,
  SUBJECT_WELCOME,
  N_SUBJECTS,
} Subject;

static const char * const subject_names[N_SUBJECTS] = { "baseline", "app", "app-resume",
                                                         "app-en", "baseline-welcome" };

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
              !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static char **
child_environment (const char *data_home,
                   const char *language)
{
  char **env = g_get_environ ();

  /* The same toolkit set-up for both sides: X11 (Xvfb), the cairo renderer,
   * settings in memory, no accessibility bus to start mid-run. */
  env = g_environ_setenv (env, "GDK_BACKEND", "x11", TRUE);
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", BENCH_SCHEMA_DIR, TRUE);
  env = g_environ_setenv (env, "RETRACT_LOCALEDIR", BENCH_LOCALE_DIR, TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);
  env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data_home, TRUE);
  env = g_environ_setenv (env, "RETRACT_BENCH_FIRST_FRAME", "1", TRUE);
  return env;
}

/* Reads the child's stdout until its "first-frame" line, EOF or the timeout. */
static char *
read_first_frame_line (int fd)
{
  g_autoptr(GString) output = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + CHILD_TIMEOUT_MS * (gint64) 1000;

  for (;;)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      gint64 left_ms = (deadline - g_get_monotonic_time ()) / 1000;
      const char *line = strstr (output->str, "first-frame ");
      char buffer[4096];
      ssize_t n;

      if (line != NULL && strchr (line, '\n') != NULL)
        return g_strndup (line, (gsize) (strchr (line, '\n') - line));
      if (left_ms <= 0 || poll (&pfd, 1, (int) left_ms) <= 0)
        return NULL;
      n = read (fd, buffer, sizeof buffer);
      if (n <= 0)
        return NULL;
      g_string_append_len (output, buffer, n);
    }
}

static gboolean
wait_for_exit (GPid pid)
{
  gint64 deadline = g_get_monotonic_time () + CHILD_TIMEOUT_MS * (gint64) 1000;
  int status;

  while (waitpid (pid, &status, WNOHANG) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        {
          kill (pid, SIGKILL);
          waitpid (pid, &status, 0);
          return FALSE;
        }
      g_usleep (2000);
    }
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* Whether the app moved the saved case aside as unreadable. */
static gboolean
case_refused (const char *data_home)
{
  g_autofree char *directory = g_build_filename (data_home, APP_ID, NULL);
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, "unreadable") != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
run_subject (Subject     subject,
             const char *resume_json,
             double     *startup_ms,
             double     *pss_kb)
{
  const char *program = subject == SUBJECT_BASELINE ? BENCH_BASELINE
                        : subject == SUBJECT_WELCOME ? BENCH_WELCOME : BENCH_APP;
  char *argv[] = { (char *) program, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("retract-bench-XXXXXX", &error);
  g_autofree char *line = NULL;
  g_auto(GStrv) env = NULL;
  const char *field;
  gint64 spawned, painted;
  int out_fd = -1;
  gboolean exited;
  GPid pid;

  if (data_home == NULL)
    {
      g_printerr ("bench: %s\n", error->message);
      return FALSE;
    }

  if (subject == SUBJECT_APP_RESUME)
    {
      g_autofree char *directory = g_build_filename (data_home, APP_ID, NULL);
      g_autofree char *path = g_build_filename (directory, "case.json", NULL);

      if (g_mkdir_with_parents (directory, 0700) != 0 ||
          !g_file_set_contents_full (path, resume_json, -1, G_FILE_SET_CONTENTS_NONE, 0600,
                                     &error))
        {
          g_printerr ("bench: cannot write the saved case: %s\n",
                      error != NULL ? error->message : g_strerror (errno));
          remove_tree (data_home);
          return FALSE;
        }
    }

  /* Chinese, as it is used; SUBJECT_APP_EN shows what the CJK text costs. */
  env = child_environment (data_home, subject == SUBJECT_APP_EN ? "en" : "zh_CN");
  spawned = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, argv, env,
                                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      g_printerr ("bench: cannot start %s: %s\n", program, error->message);
      remove_tree (data_home);
      return FALSE;
    }

  line = read_first_frame_line (out_fd);
  if (line == NULL)
    kill (pid, SIGKILL);
  exited = wait_for_exit (pid);
  close (out_fd);
  g_spawn_close_pid (pid);

  if (subject == SUBJECT_APP_RESUME && case_refused (data_home))
    {
      g_printerr ("bench: the app refused the saved case\n");
      remove_tree (data_home);
      return FALSE;
    }
  remove_tree (data_home);

  if (line == NULL || !exited)
    {
      g_printerr ("bench: %s %s\n", subject_names[subject],
                  line == NULL ? "never reported a painted frame" : "did not exit cleanly");
      return FALSE;
    }

  field = strstr (line, "monotonic_us=");
  painted = field != NULL ? g_ascii_strtoll (field + strlen ("monotonic_us="), NULL, 10) : 0;
  field = strstr (line, "pss_kb=");
  *pss_kb = field != NULL ? g_ascii_strtod (field + strlen ("pss_kb="), NULL) : -1;
  *startup_ms = (double) (painted - spawned) / 1000.0;

  return painted > spawned && *pss_kb > 0;
}

static char *
resume_case_json (void)
{
  g_autofree char *narrative = narrative_of (RESUME_CHARS);
  g_autoptr(RetractCase) kase = letter_case (narrative);

  retract_case_set_step (kase, "review");
  return retract_case_to_json (kase);
}

/* Returns the app's median start-up in ms, for the dataset's share of it. */
static double
bench_startup (void)
{
  g_autofree char *resume_json = resume_case_json ();
  GArray *startup[N_SUBJECTS], *pss[N_SUBJECTS];
  double app_ms = NAN;

  if (g_getenv ("DISPLAY") == NULL)
    {
      g_printerr ("bench: no X display for the start-up figures; "
                  "run through `build-aux/dev bench` (Xvfb)\n");
      failed = TRUE;
      return NAN;
    }

  for (guint s = 0; s < N_SUBJECTS; s++)
    {
      startup[s] = samples_new ();
      pss[s] = samples_new ();
    }

  progress ("start-up and memory: app, app with a saved case, app in English, the bare "
            "window and the bare window with the welcome page's content, interleaved");

  /* Round 0 warms the page cache and the font caches and is not counted. The
   * order alternates so that neither side always follows the other. */
  for (int round = 0; round <= startup_runs; round++)
    for (guint i = 0; i < N_SUBJECTS; i++)
      {
        Subject subject = round % 2 == 0 ? (Subject) i : (Subject) (N_SUBJECTS - 1 - i);
        double ms, kb;

        if (!run_subject (subject, resume_json, &ms, &kb))
          goto out;
        if (round == 0)
          continue;
        add_sample (startup[subject], ms);
        add_sample (pss[subject], kb);
      }

  app_ms = median (startup[SUBJECT_APP]);
  print_value ("startup-baseline", median (startup[SUBJECT_BASELINE]), 1, "ms");
  print_value ("startup-app", app_ms, 1, "ms");
  print_value ("startup-app-resume", median (startup[SUBJECT_APP_RESUME]), 1, "ms");
  print_ratio ("startup", app_ms / median (startup[SUBJECT_BASELINE]), 1.15);
  print_ratio ("startup-resume",
               median (startup[SUBJECT_APP_RESUME]) / median (startup[SUBJECT_BASELINE]), 1.15);
  print_value ("memory-baseline", median (pss[SUBJECT_BASELINE]), 0, "kB-pss");
  print_value ("memory-app", median (pss[SUBJECT_APP]), 0, "kB-pss");
  print_value ("memory-app-resume", median (pss[SUBJECT_APP_RESUME]), 0, "kB-pss");
  print_ratio ("memory", median (pss[SUBJECT_APP]) / median (pss[SUBJECT_BASELINE]), 1.2);
  print_ratio ("memory-resume",
               median (pss[SUBJECT_APP_RESUME]) / median (pss[SUBJECT_BASELINE]), 1.2);
  /* The same app with its English interface, against the same baseline. */
  print_value ("startup-app-en", median (startup[SUBJECT_APP_EN]), 1, "ms");
  print_value ("memory-app-en", median (pss[SUBJECT_APP_EN]), 0, "kB-pss");
  print_ratio ("startup-en", median (startup[SUBJECT_APP_EN]) / median (startup[SUBJECT_BASELINE]),
               1.15);
  print_ratio ("memory-en", median (pss[SUBJECT_APP_EN]) / median (pss[SUBJECT_BASELINE]), 1.2);
  /* Against the bare window showing the welcome page's content (baseline-welcome.c). */
  print_value ("startup-welcome-floor", median (startup[SUBJECT_WELCOME]), 1, "ms");
  print_value ("memory-welcome-floor", median (pss[SUBJECT_WELCOME]), 0, "kB-pss");
  print_ratio ("startup-vs-welcome", app_ms / median (startup[SUBJECT_WELCOME]), 1.15);
  print_ratio ("memory-vs-welcome", median (pss[SUBJECT_APP]) / median (pss[SUBJECT_WELCOME]),
               1.2);

out:
  if (!isfinite (app_ms))
    {
      g_printerr ("bench: start-up could not be measured\n");
      failed = TRUE;
    }
  for (guint s = 0; s < N_SUBJECTS; s++)
    {
      g_array_unref (startup[s]);
      g_array_unref (pss[s]);
    }
  return app_ms;
}

/* The dataset */

/* The first load in this process pays for what the app's one load pays for
 * (types, the resource, json-glib); the median of the next ones is the steady
 * cost. Both use the app's path: the rules store, no downloaded rules. */
static void
bench_dataset_load (double *first_ms,
                    double *median_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("retract-bench-rules-XXXXXX", &error);
  g_autoptr(RetractRulesStore) store = NULL;
  g_autoptr(GArray) samples = samples_new ();

  *first_ms = *median_ms = NAN;
  if (directory == NULL)
    {
      g_printerr ("bench: %s\n", error->message);
      return;
    }

  store = retract_rules_store_new (directory);
  for (int i = 0; i <= 50; i++)
    {
      g_autofree char *notice = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(RetractRuleset) rules = retract_rules_store_load_active (store, &notice);
      double ms = elapsed_ms (start);

      if (rules == NULL || retract_ruleset_get_origin (rules) != RETRACT_RULES_ORIGIN_BUNDLED)
        {
          g_printerr ("bench: the bundled rules did not load\n");
          remove_tree (directory);
          return;
        }
      if (i == 0)
        *first_ms = ms;
      else
        add_sample (samples, ms);
    }

  *median_ms = median (samples);
  remove_tree (directory);
}

/* Assessments */

static GPtrArray *
assessment_table (RetractRuleset *rules,
                  GDateTime      *now)
{
  static const gint64 ages_minutes[] = { 10, 3 * 60, 30 * 60, 4 * 24 * 60, 40 * 24 * 60 };
  static const int withdrawals[] = { 0, 3 };
  GPtrArray *table = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *types = retract_ruleset_get_types (rules);
  GPtrArray *scenarios = retract_ruleset_get_scenarios (rules);
  GPtrArray *mistakes = retract_ruleset_get_mistakes (rules);

  /* Every type × no scenario or one of them × every mistake × withdrawals ×
   * loss or not × five ages from ten minutes to forty days; only the cases
   * the engine accepts (a scenario may not apply to a platform). */
  for (guint t = 0; t < types->len; t++)
    for (guint s = 0; s <= scenarios->len; s++)
      for (guint m = 0; m < mistakes->len; m++)
        for (guint w = 0; w < G_N_ELEMENTS (withdrawals); w++)
          for (guint loss = 0; loss < 2; loss++)
            for (guint a = 0; a < G_N_ELEMENTS (ages_minutes); a++)
              {
                const RetractComplaintType *type = g_ptr_array_index (types, t);
                const RetractMistake *mistake = g_ptr_array_index (mistakes, m);
                g_autoptr(GDateTime) filed = g_date_time_add_minutes (now,
                                                                      (int) -ages_minutes[a]);
                g_autoptr(RetractCase) kase = retract_case_new ();
                g_autoptr(RetractAssessment) assessment = NULL;

                retract_case_set_platform (kase, type->platform);
                retract_case_set_complaint_type (kase, type->id);
                retract_case_set_filed_at (kase, filed);
                retract_case_set_mistake (kase, mistake->id);
                if (s > 0)
                  retract_case_set_scenario_enabled (
                    kase, ((const RetractScenario *) g_ptr_array_index (scenarios, s - 1))->id,
                    TRUE);
                retract_case_set_withdrawals_this_month (kase, withdrawals[w]);
                retract_case_set_other_party_loss (kase, loss == 1);

                assessment = retract_assessment_new (rules, kase, now, NULL);
                if (assessment != NULL)
                  g_ptr_array_add (table, g_steal_pointer (&kase));
              }

  return table;
}

static void
bench_assessments (RetractRuleset *rules,
                   GDateTime      *now)
{
  g_autoptr(GPtrArray) table = assessment_table (rules, now);
  g_autoptr(GArray) passes = samples_new ();
  double pass_ms;

  progress ("assessments");
  if (table->len == 0)
    {
      g_printerr ("bench: no case in the assessment table was accepted\n");
      failed = TRUE;
      return;
    }

  for (int pass = 0; pass <= 21; pass++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < table->len; i++)
        {
          RetractAssessment *assessment = retract_assessment_new (rules,
                                                                  g_ptr_array_index (table, i),
                                                                  now, NULL);

          g_object_unref (assessment);
        }
      if (pass > 0)
        add_sample (passes, elapsed_ms (start));
    }

  pass_ms = median (passes);
  print_value ("assessment-table", table->len, 0, "cases");
  print_value ("assessments", table->len / (pass_ms / 1000.0), 0, "per-second");
}

/* The case library */

/* Saved case @i of a library: five accounts, filed from 0 to 39 h before
 * @now, with one of four timelines (nothing yet; a ticket; a ticket and a
 * refusal; a ticket, a call and the end). */
static RetractCase *
library_case (guint       i,
              GDateTime  *now,
              const char *narrative)
{
  RetractCase *kase = letter_case (narrative);
  g_autoptr(GDateTime) filed = g_date_time_add_hours (now, -(int) (i % 40) - 1);
  g_autofree char *account = g_strdup_printf ("account-%u", i % 5);
  static const RetractEventKind kinds[] = { RETRACT_EVENT_SUBMITTED, RETRACT_EVENT_REPLY,
                                            RETRACT_EVENT_SUBMITTED, RETRACT_EVENT_RESOLVED };
  static const char * const channels[] = { "web-ticket", NULL, "phone-hotline", NULL };
  guint n_events = i % 4 == 0 ? 0 : i % 4 == 1 ? 1 : i % 4 == 2 ? 2 : 4;

  retract_case_set_filed_at (kase, filed);
  retract_case_set_account (kase, account, NULL);
  for (guint e = 0; e < n_events; e++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_minutes (filed, 10 * (int) (e + 1));
      RetractCaseEvent *event = retract_case_event_new (kinds[e], at);

      event->channel = g_strdup (channels[e]);
      if (kinds[e] == RETRACT_EVENT_REPLY)
        event->outcome = RETRACT_OUTCOME_REFUSED;
      retract_case_add_event (kase, event);
    }
  return kase;
}

/* The wall time of one `retract-cli cases --json` over @data_home, in ms. */
static double
cases_json_once (const char *data_home)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { BENCH_CLI, "cases", "--json", "--now", NOW_TEXT, NULL };
  gint64 start;
  int status;

  env = g_environ_setenv (env, "XDG_DATA_HOME", data_home, TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                     &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench: cases --json: %s %s\n", error->message, err != NULL ? err : "");
      return NAN;
    }
  if (err != NULL && *err != '\0')
    g_printerr ("bench: cases --json said: %s", err);
  return elapsed_ms (start);
}

/* `cases --json` with 0, 100 and 1 000 saved cases of a 20 000-character
 * narrative each: the list reads the index, not the narratives. The first
 * run after the cases were written is reported apart (it may build the
 * index). */
static void
bench_cases_json (GDateTime *now)
{
  static const guint sizes[] = { 0, 100, 1000 };
  g_autofree char *narrative = narrative_of (LIBRARY_CHARS);
  double medians[G_N_ELEMENTS (sizes)];

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *data_home = g_dir_make_tmp ("retract-bench-cases-XXXXXX", NULL);
      g_autofree char *directory = NULL;
      g_autoptr(RetractStore) store = NULL;
      g_autoptr(GArray) runs = samples_new ();
      g_autofree char *name = NULL;
      g_autofree char *message = g_strdup_printf ("cases --json with %u cases", sizes[s]);
      double first;

      progress (message);
      if (data_home == NULL)
        {
          failed = TRUE;
          return;
        }
      directory = g_build_filename (data_home, APP_ID, NULL);
      store = retract_store_new (directory);
      for (guint i = 0; i < sizes[s]; i++)
        {
          g_autoptr(RetractCase) kase = library_case (i, now, narrative);
          g_autoptr(GError) error = NULL;

          if (!retract_store_save_case (store, kase, &error))
            {
              g_printerr ("bench: cannot save case %u: %s\n", i, error->message);
              failed = TRUE;
              remove_tree (data_home);
              return;
            }
        }

      first = cases_json_once (data_home);
      for (int run = 0; run < export_runs; run++)
        add_sample (runs, cases_json_once (data_home));
      medians[s] = median (runs);

      name = g_strdup_printf ("cases-json-%u-first", sizes[s]);
      print_value (name, first, 1, "ms");
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf ("cases-json-%u", sizes[s]);
      print_value (name, medians[s], 1, "ms");

      remove_tree (data_home);
    }

  print_value ("cases-json-1000-over-0", medians[2] / medians[0], 2, "ratio");
}

/* The app's start-up to its first painted frame with 0, 100 and 1 000 saved
 * cases of a 20 000-character narrative each, interleaved in one run: the
 * cases are listed in a worker thread, so the first frame does not wait for
 * them (issue 13: 1 000 within 1.2× of none). The folders are filled once and
 * reused; round 0 (which also writes the index) is not counted. */
static void
bench_startup_cases (GDateTime *now)
{
  static const guint sizes[] = { 0, 100, 1000 };
  g_autofree char *narrative = narrative_of (LIBRARY_CHARS);
  char *homes[G_N_ELEMENTS (sizes)] = { NULL };
  GArray *runs[G_N_ELEMENTS (sizes)];

  if (g_getenv ("DISPLAY") == NULL)
    {
      g_printerr ("bench: no X display for the start-up figures\n");
      failed = TRUE;
      return;
    }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *directory = NULL;
      g_autoptr(RetractStore) store = NULL;
      g_autofree char *message = g_strdup_printf ("saving %u cases for the start-up", sizes[s]);

      progress (message);
      runs[s] = samples_new ();
      homes[s] = g_dir_make_tmp ("retract-bench-start-XXXXXX", NULL);
      directory = g_build_filename (homes[s], APP_ID, NULL);
      store = retract_store_new (directory);
      for (guint i = 0; i < sizes[s]; i++)
        {
          g_autoptr(RetractCase) kase = library_case (i, now, narrative);
          g_autoptr(GError) error = NULL;

          if (!retract_store_save_case (store, kase, &error))
            {
              g_printerr ("bench: cannot save case %u: %s\n", i, error->message);
              failed = TRUE;
              goto out;
            }
        }
    }

  progress ("start-up with 0, 100 and 1 000 saved cases, interleaved");
  for (int round = 0; round <= startup_runs; round++)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        guint s = round % 2 == 0 ? i : G_N_ELEMENTS (sizes) - 1 - i;
        char *argv[] = { (char *) BENCH_APP, NULL };
        g_auto(GStrv) env = child_environment (homes[s], "zh_CN");
        g_autoptr(GError) error = NULL;
        g_autofree char *line = NULL;
        const char *field;
        gint64 spawned, painted;
        int out_fd = -1;
        GPid pid;

        spawned = g_get_monotonic_time ();
        if (!g_spawn_async_with_pipes (NULL, argv, env,
                                       G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                       NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
          {
            g_printerr ("bench: cannot start the app: %s\n", error->message);
            failed = TRUE;
            goto out;
          }
        line = read_first_frame_line (out_fd);
        if (line == NULL)
          kill (pid, SIGKILL);
        wait_for_exit (pid);
        close (out_fd);
        g_spawn_close_pid (pid);
        field = line != NULL ? strstr (line, "monotonic_us=") : NULL;
        if (field == NULL)
          {
            g_printerr ("bench: the app never reported a painted frame\n");
            failed = TRUE;
            goto out;
          }
        painted = g_ascii_strtoll (field + strlen ("monotonic_us="), NULL, 10);
        if (round > 0)
          add_sample (runs[s], (double) (painted - spawned) / 1000.0);
      }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *name = g_strdup_printf ("startup-cases-%u", sizes[s]);

      print_value (name, median (runs[s]), 1, "ms");
    }
  print_ratio ("startup-cases-100-over-0", median (runs[1]) / median (runs[0]), 1.2);
  print_ratio ("startup-cases-1000-over-0", median (runs[2]) / median (runs[0]), 1.2);

out:
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      if (homes[s] != NULL)
        remove_tree (homes[s]);
      g_free (homes[s]);
      g_clear_pointer (&runs[s], g_array_unref);
    }
}

/* retract_store_list_cases() in this process over 0, 100 and 1 000 saved
 * cases of a 20 000-character narrative each: cold, with the index removed
 * before every run (every case file is read: the index is rebuilt), and warm,
 * with the index of the run before (only stat() per case). */
static void
bench_store_list (GDateTime *now)
{
  static const guint sizes[] = { 0, 100, 1000 };
  g_autofree char *narrative = narrative_of (LIBRARY_CHARS);
  double warm[G_N_ELEMENTS (sizes)];

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *data_home = g_dir_make_tmp ("retract-bench-list-XXXXXX", NULL);
      g_autofree char *directory = NULL;
      g_autofree char *index = NULL;
      g_autoptr(RetractStore) store = NULL;
      g_autoptr(GArray) cold_runs = samples_new ();
      g_autoptr(GArray) warm_runs = samples_new ();
      g_autofree char *message = g_strdup_printf ("listing %u saved cases", sizes[s]);
      g_autofree char *name = NULL;

      progress (message);
      if (data_home == NULL)
        {
          failed = TRUE;
          return;
        }
      directory = g_build_filename (data_home, APP_ID, NULL);
      index = g_build_filename (directory, "cases", "index.json", NULL);
      store = retract_store_new (directory);
      for (guint i = 0; i < sizes[s]; i++)
        {
          g_autoptr(RetractCase) kase = library_case (i, now, narrative);
          g_autoptr(GError) error = NULL;

          if (!retract_store_save_case (store, kase, &error))
            {
              g_printerr ("bench: cannot save case %u: %s\n", i, error->message);
              failed = TRUE;
              remove_tree (data_home);
              return;
            }
        }

      for (int run = 0; run < export_runs; run++)
        {
          g_autoptr(GPtrArray) cases = NULL;
          gint64 start;

          g_unlink (index);
          start = g_get_monotonic_time ();
          cases = retract_store_list_cases (store, NULL, NULL);
          add_sample (cold_runs, elapsed_ms (start));
          g_clear_pointer (&cases, g_ptr_array_unref);

          start = g_get_monotonic_time ();
          cases = retract_store_list_cases (store, NULL, NULL);
          add_sample (warm_runs, elapsed_ms (start));
          if (cases == NULL || cases->len != sizes[s])
            {
              g_printerr ("bench: the listing did not return the %u cases\n", sizes[s]);
              failed = TRUE;
            }
        }
      warm[s] = median (warm_runs);

      name = g_strdup_printf ("store-list-%u-cold", sizes[s]);
      print_value (name, median (cold_runs), 2, "ms");
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf ("store-list-%u-warm", sizes[s]);
      print_value (name, warm[s], 2, "ms");

      remove_tree (data_home);
    }

  print_value ("store-list-1000-warm-over-100", warm[2] / warm[1], 2, "ratio");
}

/* Next-step evaluations: the assessment and the counts made once per case,
 * the next step worked out again and again (the list and the reminders ask
 * for it every minute). Also the rows of a list of 1 000 cases of five
 * accounts as `cases` makes them: counts, assessment, next step, order. */
static void
bench_next_step (RetractRuleset *rules,
                 GDateTime      *now)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) assessments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (RetractCaseCounts));
  g_autoptr(GArray) passes = samples_new ();
  g_autoptr(GArray) status_passes = samples_new ();
  g_autoptr(GArray) one_account_passes = samples_new ();
  guint evaluations = 0;
  double pass_ms;

  progress ("next steps");
  for (guint i = 0; i < 1000; i++)
    g_ptr_array_add (cases, library_case (i, now, "…"));

  g_array_set_size (counts, cases->len);
  for (guint i = 0; i < cases->len; i++)
    {
      RetractCase *kase = g_ptr_array_index (cases, i);
      RetractCaseCounts *c = &g_array_index (counts, RetractCaseCounts, i);

      retract_case_counts_compute (c, rules, kase, cases, now);
      g_ptr_array_add (assessments, retract_assessment_new_full (rules, kase, c, now, NULL));
    }

  for (int pass = 0; pass <= 21; pass++)
    {
      gint64 start = g_get_monotonic_time ();

      /* 100 rounds: one round of 1 000 takes tens of microseconds. */
      evaluations = 0;
      for (guint i = 0; i < 100 * cases->len; i++)
        {
          guint k = i % cases->len;
          RetractAssessment *assessment = g_ptr_array_index (assessments, k);
          RetractNextStep step = { 0 };

          if (assessment == NULL)
            continue;
          retract_next_step_compute (&step, assessment, g_ptr_array_index (cases, k),
                                     &g_array_index (counts, RetractCaseCounts, k), now);
          retract_next_step_clear (&step);
          evaluations++;
        }
      if (pass > 0)
        add_sample (passes, elapsed_ms (start));
    }

  /* The rows of `cases`: every case's counts, assessment and next step,
   * then the sort. */
  for (int pass = 0; pass <= 5; pass++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) rows = retract_case_rows_new (rules, cases, now);

      if (pass > 0)
        add_sample (status_passes, elapsed_ms (start));
    }

  /* The same 1 000 cases as one account: the counts are worked out per
   * account in one pass, so this must not grow with the square. */
  for (guint i = 0; i < cases->len; i++)
    retract_case_set_account (g_ptr_array_index (cases, i), "", NULL);
  for (int pass = 0; pass <= 5; pass++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) rows = retract_case_rows_new (rules, cases, now);

      if (pass > 0)
        add_sample (one_account_passes, elapsed_ms (start));
    }

  for (guint i = 0; i < counts->len; i++)
    retract_case_counts_clear (&g_array_index (counts, RetractCaseCounts, i));

  if (evaluations == 0)
    {
      g_printerr ("bench: no case of the library was assessed\n");
      failed = TRUE;
      return;
    }
  pass_ms = median (passes);
  print_value ("next-step-cases", evaluations / 100, 0, "cases");
  print_value ("next-steps", evaluations / (pass_ms / 1000.0), 0, "per-second");
  print_value ("case-list-rows-1000", median (status_passes), 1, "ms");
  print_value ("case-list-rows-1000-one-account", median (one_account_passes), 1, "ms");
}

/* The app's case list over 1 000 cases (the store's light copies are what
 * it gets; here made in memory, the store's listing is store-list): built
 * once, refreshed by the minute timer when nothing changes, and refreshed
 * an hour later, when the waits that ended move their cases up. */
static void
bench_case_list (RetractRuleset *rules,
                 GDateTime      *now)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) builds = samples_new ();
  g_autoptr(GArray) minutes = samples_new ();
  g_autoptr(GArray) hours = samples_new ();
  g_autoptr(GDateTime) minute_later = g_date_time_add_minutes (now, 1);
  g_autoptr(GDateTime) hours_later = g_date_time_add_hours (now, 6);

  progress ("case list");
  for (guint i = 0; i < 1000; i++)
    g_ptr_array_add (cases, library_case (i, now, "…"));

  for (int pass = 0; pass <= 11; pass++)
    {
      g_autoptr(RetractCaseList) list = retract_case_list_new (rules, RETRACT_LANGUAGE_ZH_CN);
      gint64 start = g_get_monotonic_time ();

      retract_case_list_set_cases (list, cases, now);
      if (pass > 0)
        add_sample (builds, elapsed_ms (start));

      start = g_get_monotonic_time ();
      retract_case_list_refresh (list, minute_later);
      if (pass > 0)
        add_sample (minutes, elapsed_ms (start));

      start = g_get_monotonic_time ();
      retract_case_list_refresh (list, hours_later);
      if (pass > 0)
        add_sample (hours, elapsed_ms (start));

      if (g_list_model_get_n_items (G_LIST_MODEL (list)) != cases->len)
        {
          g_printerr ("bench: the case list lost cases\n");
          failed = TRUE;
          return;
        }
    }

  print_value ("case-list-build-1000", median (builds), 1, "ms");
  print_value ("case-list-refresh-1000", median (minutes), 1, "ms");
  print_value ("case-list-refresh-moved-1000", median (hours), 1, "ms");
}

/* Export */

static RetractLetter *
make_letter (RetractRuleset *rules,
             RetractCase    *kase,
             GDateTime      *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractAssessment) assessment = retract_assessment_new (rules, kase, now, &error);
  RetractLetter *letter;

  if (assessment == NULL)
    {
      g_printerr ("bench: assessment failed: %s\n", error->message);
      return NULL;
    }
  letter = retract_letter_new (assessment, kase, RETRACT_LANGUAGE_ZH_CN, 0, &error);
  if (letter == NULL)
    g_printerr ("bench: letter failed: %s\n", error->message);
  return letter;
}

/* What Export PDF… does with a case: assess it, compose the letter, lay it
 * out and draw the PDF (into memory; the file write is not measured). */
static double
export_once (RetractRuleset *rules,
             RetractCase    *kase,
             GDateTime      *now,
             guint          *n_pages)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(RetractLetter) letter = make_letter (rules, kase, now);
  g_autoptr(RetractLetterRenderer) renderer = NULL;
  g_autoptr(GBytes) pdf = NULL;
  double ms;

  if (letter == NULL)
    return NAN;
  renderer = retract_letter_renderer_new (letter, RETRACT_A4_WIDTH, RETRACT_A4_HEIGHT);
  pdf = retract_letter_renderer_render_pdf (renderer, now, FALSE, NULL);
  ms = elapsed_ms (start);
  if (n_pages != NULL)
    *n_pages = retract_letter_renderer_get_n_pages (renderer);
  return pdf != NULL && g_bytes_get_size (pdf) > 0 ? ms : NAN;
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
show_bare_layout (cairo_t     *cr,
                  const char  *family,
                  PangoWeight  weight,
                  const char  *text,
                  double       y)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (family);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);

  pango_font_description_set_absolute_size (font, BARE_FONT_SIZE * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout,
                          (int) ((RETRACT_A4_WIDTH - 2 * BARE_MARGIN_SIDE) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, BARE_MARGIN_SIDE, y);
  pango_cairo_show_layout (cr, layout);
}

/* The floor: the same text in the same font on the same page, one layout,
 * with nothing but cairo and Pango. With @bold_text, also what the letter sets
 * in its other face (bold serif) as one more layout: the floor for the two
 * font subsets the letter embeds. */
static double
bare_pdf_once (const char *text,
               const char *bold_text)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_array, pdf,
                                                                  RETRACT_A4_WIDTH,
                                                                  RETRACT_A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  show_bare_layout (cr, BARE_FONT, PANGO_WEIGHT_NORMAL, text, BARE_MARGIN_TOP);
  if (bold_text != NULL)
    show_bare_layout (cr, BARE_FONT, PANGO_WEIGHT_BOLD, bold_text, BARE_MARGIN_TOP);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  return pdf->len > 0 ? elapsed_ms (start) : NAN;
}

/* What the letter sets in bold: the title, the headings and the field labels. */
static char *
letter_bold_text (RetractLetter *letter)
{
  GPtrArray *blocks = retract_letter_get_blocks (letter);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      const RetractLetterBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == RETRACT_BLOCK_TITLE || block->kind == RETRACT_BLOCK_HEADING)
        g_string_append_printf (text, "%s\n", block->text);
      else if (block->kind == RETRACT_BLOCK_FIELD)
        g_string_append_printf (text, "%s\n", block->label);
    }
  return g_string_free (text, FALSE);
}

static void
bench_export (RetractRuleset *rules,
              GDateTime      *now)
{
  g_autoptr(RetractCase) kase = letter_case ("我想给李四发消息，却误点了投诉。");
  g_autoptr(RetractLetter) letter = make_letter (rules, kase, now);
  g_autofree char *text = NULL;
  g_autofree char *bold_text = NULL;
  g_autoptr(GArray) app = samples_new ();
  g_autoptr(GArray) bare = samples_new ();
  g_autoptr(GArray) bare_faces = samples_new ();
  guint n_pages = 0;

  progress ("export: the one-page letter against a bare cairo + Pango PDF, interleaved");
  if (letter == NULL)
    {
      failed = TRUE;
      return;
    }
  text = retract_letter_to_text (letter);
  bold_text = letter_bold_text (letter);

  /* Run 0 of each side loads the fonts and is not counted. */
  for (int run = 0; run <= export_runs; run++)
    {
      double a = export_once (rules, kase, now, &n_pages);
      double b = bare_pdf_once (text, NULL);
      double c = bare_pdf_once (text, bold_text);

      if (run == 0)
        continue;
      add_sample (app, a);
      add_sample (bare, b);
      add_sample (bare_faces, c);
    }

  if (n_pages != 1)
    g_printerr ("bench: the export letter has %u pages, not 1\n", n_pages);
  print_value ("export-app", median (app), 2, "ms");
  print_value ("export-bare", median (bare), 2, "ms");
  print_value ("export-bare-2-faces", median (bare_faces), 2, "ms");
  print_ratio ("export", median (app) / median (bare), 1.5);
  print_ratio ("export-vs-2-faces", median (app) / median (bare_faces), 1.5);
}

static guint
count_pages (RetractRuleset *rules,
             GDateTime      *now,
             guint           n_chars)
{
  g_autofree char *narrative = narrative_of (n_chars);
  g_autoptr(RetractCase) kase = letter_case (narrative);
  g_autoptr(RetractLetter) letter = make_letter (rules, kase, now);
  g_autoptr(RetractLetterRenderer) renderer = NULL;

  if (letter == NULL)
    return 0;
  renderer = retract_letter_renderer_new (letter, RETRACT_A4_WIDTH, RETRACT_A4_HEIGHT);
  return retract_letter_renderer_get_n_pages (renderer);
}

/* The length of a narrative that makes the letter @pages long, found from an
 * estimate in steps of a sixteenth of a page. */
static guint
narrative_for_pages (RetractRuleset *rules,
                     GDateTime      *now,
                     guint           pages,
                     double          chars_per_page)
{
  guint step = MAX (1, (guint) (chars_per_page / 16));
  guint n_chars = (guint) MAX (16.0, (pages - 1) * chars_per_page);

  while (count_pages (rules, now, n_chars) > pages && n_chars > step)
    n_chars -= step;
  while (count_pages (rules, now, n_chars) < pages && n_chars + step <= RESUME_CHARS)
    n_chars += step;
  return n_chars;
}

/* One line per point ("export-pages-10 value=… unit=ms"), then the slope of
 * the least-squares line and its R² (1 for a straight line). With three
 * points R² is lenient, so where the cost really grows @curvature adds the
 * slope of the last segment over that of the first: 1 when linear, above 1
 * when the cost per unit grows with the size. */
static void
report_growth (const char   *name,
               const char   *point_prefix,
               const char   *point_suffix,
               const double *x,
               const double *y,
               guint         n,
               const char   *slope_unit,
               gboolean      curvature)
{
  g_autofree char *r2_name = g_strconcat (name, "-r2", NULL);
  g_autofree char *curvature_name = g_strconcat (name, "-curvature", NULL);
  double slope, r2;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *point = g_strdup_printf ("%s%g%s", point_prefix, x[i], point_suffix);

      print_value (point, y[i], 2, "ms");
    }
  fit_line (x, y, n, &slope, &r2);
  print_value (name, slope, 4, slope_unit);
  print_value (r2_name, r2, 4, "r-squared");
  if (curvature && n >= 3)
    print_value (curvature_name,
                 ((y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2])) / ((y[1] - y[0]) / (x[1] - x[0])),
                 2, "last-over-first-slope");
}

static void
bench_export_pages (RetractRuleset *rules,
                    GDateTime      *now)
{
  static const guint targets[] = { 1, 10, 50 };
  const guint n = G_N_ELEMENTS (targets);
  RetractCase *cases[G_N_ELEMENTS (targets)];
  GArray *samples[G_N_ELEMENTS (targets)];
  double pages[G_N_ELEMENTS (targets)], ms[G_N_ELEMENTS (targets)];
  double chars_per_page;
  guint calibration;

  progress ("export growth: 1, 10 and 50 pages");
  calibration = count_pages (rules, now, 20000);
  if (calibration < 2)
    {
      g_printerr ("bench: cannot lay out the long letter\n");
      failed = TRUE;
      return;
    }
  chars_per_page = 20000.0 / (calibration - 0.5);

  for (guint i = 0; i < n; i++)
    {
      guint n_chars = targets[i] == 1 ? 16 : narrative_for_pages (rules, now, targets[i],
                                                                  chars_per_page);
      g_autofree char *narrative = narrative_of (n_chars);

      cases[i] = letter_case (narrative);
      samples[i] = samples_new ();
    }

  /* Interleaved, the first round not counted; fewer rounds than for the
   * one-page ratio, as 50 pages take a while. */
  for (int round = 0; round <= 11; round++)
    for (guint i = 0; i < n; i++)
      {
        guint n_pages = 0;
        double t = export_once (rules, cases[i], now, &n_pages);

        pages[i] = n_pages;
        if (round > 0)
          add_sample (samples[i], t);
      }

  for (guint i = 0; i < n; i++)
    {
      ms[i] = median (samples[i]);
      g_array_unref (samples[i]);
      g_object_unref (cases[i]);
    }
  report_growth ("export-growth-pages", "export-pages-", "", pages, ms, n, "ms-per-page",
                 TRUE);
}

/* Text with no place to break a line (a word of 100 000 letters, ideographs
 * without punctuation, digits) against prose of the same length and script,
 * all exported whole (layout and PDF), interleaved, medians. The first round
 * loads the fonts and is not counted. */
static void
bench_export_unbroken (RetractRuleset *rules,
                       GDateTime      *now)
{
  enum { PROSE_CJK, PROSE_LATIN, UNBROKEN_CJK, UNBROKEN_LATIN, UNBROKEN_DIGITS, N_TEXTS };
  static const struct
  {
    const char *name;
    const char *unit;
    guint       prose; /* what it is measured against */
  } texts[N_TEXTS] = {
    [PROSE_CJK] = { "prose-cjk", SENTENCE, PROSE_CJK },
    [PROSE_LATIN] = { "prose-latin", SENTENCE_EN, PROSE_LATIN },
    [UNBROKEN_CJK] = { "unbroken-cjk", "我当时想给朋友发消息结果误点了投诉按钮并没有任何投诉的意思",
                       PROSE_CJK },
    [UNBROKEN_LATIN] = { "unbroken-latin", "abcdefghijklmnopqrstuvwxyz", PROSE_LATIN },
    [UNBROKEN_DIGITS] = { "unbroken-digits", "0123456789", PROSE_LATIN },
  };
  RetractCase *cases[N_TEXTS];
  GArray *samples[N_TEXTS];
  guint pages[N_TEXTS] = { 0, };
  double ms[N_TEXTS], worst = 0;

  progress ("export of 100 000 characters without a break opportunity against prose of the "
            "same length, interleaved");
  for (guint i = 0; i < N_TEXTS; i++)
    {
      g_autofree char *narrative = repeated_to (texts[i].unit, RESUME_CHARS);

      cases[i] = letter_case (narrative);
      samples[i] = samples_new ();
    }

  for (int round = 0; round <= unbroken_runs; round++)
    for (guint k = 0; k < N_TEXTS; k++)
      {
        /* The order alternates so that no text always follows another. */
        guint i = round % 2 == 0 ? k : N_TEXTS - 1 - k;
        double t = export_once (rules, cases[i], now, &pages[i]);

        if (round > 0)
          add_sample (samples[i], t);
      }

  for (guint i = 0; i < N_TEXTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("export-%s", texts[i].name);
      g_autofree char *pages_name = g_strdup_printf ("export-%s-pages", texts[i].name);

      ms[i] = median (samples[i]);
      print_value (name, ms[i], 2, "ms");
      print_value (pages_name, pages[i], 0, "pages");
    }
  for (guint i = UNBROKEN_CJK; i < N_TEXTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("export-%s", texts[i].name);
      double ratio = ms[i] / ms[texts[i].prose];

      print_ratio (name, ratio, 1.5);
      worst = isfinite (ratio) && isfinite (worst) ? MAX (worst, ratio) : NAN;
    }
  /* The worst of the three. */
  print_ratio ("export-unbroken", worst, 1.5);

  for (guint i = 0; i < N_TEXTS; i++)
    {
      g_array_unref (samples[i]);
      g_object_unref (cases[i]);
    }
}

/* A synthetic dataset @factor times the bundled one: every list of records
 * that may grow (types, channels, materials, warnings and the notes) repeated
 * with new ids, written compactly. The records the letter uses stay the same. */
static GBytes *
scaled_dataset (guint    factor,
                GError **error)
{
  static const char * const lists[] = {
    "types", "channels", "materials", "warnings", "type_notes", "channel_notes", "risks",
    "prevention", "remediation", "comparison_notes", NULL
  };
  g_autoptr(GBytes) bundled = g_resource_lookup_data (retract_core_get_resource (),
                                                      RETRACT_RULESET_BUNDLED_PATH,
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *root;
  gsize length;
  char *json;

  if (bundled == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bundled, NULL),
                                   (gssize) g_bytes_get_size (bundled), error))
    return NULL;

  root = json_node_get_object (json_parser_get_root (parser));
  for (guint l = 0; lists[l] != NULL; l++)
    {
      JsonArray *array = json_object_get_array_member (root, lists[l]);
      guint n = json_array_get_length (array);

      for (guint copy = 1; copy < factor; copy++)
        for (guint i = 0; i < n; i++)
          {
            JsonObject *original = json_array_get_object_element (array, i);
            JsonObject *record = json_object_new ();
            JsonObjectIter iter;
            const char *member;
            JsonNode *value;

            /* A new object (json_node_copy would share it) whose members are
             * the original's, but for the id. */
            json_object_iter_init (&iter, original);
            while (json_object_iter_next (&iter, &member, &value))
              json_object_set_member (record, member, json_node_copy (value));
            if (json_object_has_member (record, "id"))
              {
                g_autofree char *id = g_strdup_printf ("%s-copy%u",
                                                       json_object_get_string_member (record,
                                                                                      "id"),
                                                       copy);

                json_object_set_string_member (record, "id", id);
              }
            json_array_add_object_element (array, record);
          }
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  json = json_generator_to_data (generator, &length);
  return g_bytes_new_take (json, length);
}

static void
bench_export_dataset (GDateTime *now)
{
  static const guint factors[] = { 1, 10, 100 };
  const guint n = G_N_ELEMENTS (factors);
  g_autoptr(RetractCase) kase = letter_case ("我想给李四发消息，却误点了投诉。");
  RetractRuleset *rules[G_N_ELEMENTS (factors)] = { NULL, };
  GArray *samples[G_N_ELEMENTS (factors)];
  double x[G_N_ELEMENTS (factors)], ms[G_N_ELEMENTS (factors)], load_ms[G_N_ELEMENTS (factors)];

  progress ("export growth: 1x, 10x and 100x the dataset");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) dataset = scaled_dataset (factors[i], &error);
      g_autoptr(GArray) loads = samples_new ();

      x[i] = factors[i];
      samples[i] = samples_new ();
      for (int run = 0; dataset != NULL && run < 5; run++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(RetractRuleset) loaded = retract_ruleset_new_from_bytes (dataset,
                                                                             "synthetic.json",
                                                                             &error);

          add_sample (loads, elapsed_ms (start));
          if (loaded == NULL)
            break;
          g_set_object (&rules[i], loaded);
        }
      if (rules[i] == NULL)
        {
          g_printerr ("bench: the %ux dataset did not load: %s\n", factors[i],
                      error != NULL ? error->message : "?");
          failed = TRUE;
          for (guint j = 0; j <= i; j++)
            {
              g_array_unref (samples[j]);
              g_clear_object (&rules[j]);
            }
          return;
        }
      load_ms[i] = median (loads);
      g_printerr ("bench: %ux dataset: %" G_GSIZE_FORMAT " bytes\n", factors[i],
                  g_bytes_get_size (dataset));
    }

  for (int round = 0; round <= export_runs; round++)
    for (guint i = 0; i < n; i++)
      {
        double t = export_once (rules[i], kase, now, NULL);

        if (round > 0)
          add_sample (samples[i], t);
      }

  for (guint i = 0; i < n; i++)
    {
      ms[i] = median (samples[i]);
      g_array_unref (samples[i]);
    }
  report_growth ("export-growth-dataset", "export-dataset-", "x", x, ms, n, "ms-per-x", FALSE);

  /* Loading and validating grows with the dataset; it should grow linearly. */
  report_growth ("dataset-load-growth", "dataset-load-", "x", x, load_ms, n, "ms-per-x",
                 TRUE);

  for (guint i = 0; i < n; i++)
    g_object_unref (rules[i]);
}

/* Every interaction within a frame (issue 16): bench-frames, a program of its
 * own (it needs a fresh GTK process on the X display), prints its figures on
 * this stdout. */
static void
bench_frames (void)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { BENCH_FRAMES, NULL };
  int status;

  if (*BENCH_FRAMES == '\0')
    {
      g_printerr ("bench: frames: not built (no X11 development files)\n");
      failed = TRUE;
      return;
    }
  g_printerr ("bench: frames (about a minute and a half)...\n");
  fflush (stdout);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                     &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench: frames: %s\n", error->message);
      failed = TRUE;
    }
}

int
main (int   argc,
      char *argv[])
{
  static const char * const groups[] = {
    "startup", "dataset", "assessments", "export", "export-pages", "export-dataset",
    "export-unbroken", "cases", "store-list", "next-step", "case-list", "startup-cases",
    "frames", NULL
  };
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &startup_runs,
      "Counted start-up runs of each side (default 31, at least 10)", "N" },
    { "export-runs", 0, 0, G_OPTION_ARG_INT, &export_runs,
      "Counted runs of the one-page export and the dataset growth (default 21)", "N" },
    { "unbroken-runs", 0, 0, G_OPTION_ARG_INT, &unbroken_runs,
      "Counted rounds of the unbroken-text exports (default 7, at least 1)", "N" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Only one group: startup, dataset, assessments, export, export-pages, export-dataset, "
      "export-unbroken, cases, store-list, next-step, case-list, startup-cases, frames", "GROUP" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— Retract's benchmarks");
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = NULL;
  g_autoptr(GDateTime) now = retract_time_parse (NOW_TEXT, NULL);
  double load_first_ms = NAN, load_median_ms = NAN, startup_ms = NAN;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench: %s\n", error->message);
      return 2;
    }
  if (only != NULL && !g_strv_contains (groups, only))
    {
      g_printerr ("bench: --only: unknown group: %s\n", only);
      return 2;
    }
  startup_runs = MAX (startup_runs, 10);
  export_runs = MAX (export_runs, 10);
  unbroken_runs = MAX (unbroken_runs, 1);

  /* First, while nothing in this process has touched the rules. */
  if (wanted ("dataset") || wanted ("startup"))
    bench_dataset_load (&load_first_ms, &load_median_ms);

  if (wanted ("startup"))
    startup_ms = bench_startup ();

  if (wanted ("dataset") || wanted ("startup"))
    {
      print_value ("dataset-load-first", load_first_ms, 3, "ms");
      print_value ("dataset-load-time", load_median_ms, 3, "ms");
    }
  /* The share of start-up: the first load, which is what the app pays. */
  if (wanted ("startup") && isfinite (startup_ms))
    {
      print_value ("dataset-load", 100 * load_first_ms / startup_ms, 2, "percent-of-startup");
      print_ratio ("dataset-load", load_first_ms / startup_ms, 0.05);
    }

  rules = retract_ruleset_new_bundled (&error);
  if (rules == NULL)
    {
      g_printerr ("bench: %s\n", error->message);
      return 1;
    }

  if (wanted ("assessments"))
    bench_assessments (rules, now);
  if (wanted ("export"))
    bench_export (rules, now);
  if (wanted ("export-pages"))
    bench_export_pages (rules, now);
  if (wanted ("export-dataset"))
    bench_export_dataset (now);
  if (wanted ("export-unbroken"))
    bench_export_unbroken (rules, now);
  if (wanted ("next-step"))
    bench_next_step (rules, now);
  if (wanted ("case-list"))
    bench_case_list (rules, now);
  if (wanted ("cases"))
    bench_cases_json (now);
  if (wanted ("store-list"))
    bench_store_list (now);
  if (wanted ("startup-cases"))
    bench_startup_cases (now);
  if (wanted ("frames"))
    bench_frames ();

  return failed ? 1 : 0;
}
