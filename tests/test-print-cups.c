/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Printing the letter the way users print: GTK's CUPS print backend sends the
 * job to a print server, which turns it into paper (here, a PDF).
 *
 * The test starts a cupsd of its own: its configuration, spool, cache and
 * socket live in a temporary folder, and no system service or system file is
 * touched. On it, a queue for cups-pdf (Debian's printer-driver-cups-pdf).
 * The letter is printed through the same GtkPrintOperation as the review
 * page's Print…, without the dialog, to that queue. The job must arrive and
 * complete, and the PDF cups-pdf writes must read back with the letter's
 * text, on A4, with every page.
 *
 * cups-pdf's backend runs only for a root cupsd, and writes where its system
 * configuration says: for a user the system does not know, the anonymous
 * folder. The job's user is such a name, and the job number starts at a
 * random point, so the test knows which file is its own, and deletes it.
 *
 * Without root, cupsd or cups-pdf the test skips, unless
 * RETRACT_REQUIRE_CUPS is set (build-aux/dev test sets it when it runs as
 * root, so CI never skips it). */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <gtk/gtkunixprint.h>
#include <errno.h>
#include <math.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "retract-letter-print.h"
#include "retract-letter.h"
#include "retract-ruleset.h"
#include "retract-time.h"

#define CUPSD              "/usr/sbin/cupsd"
#define CUPS_PDF_BACKEND   "/usr/lib/cups/backend/cups-pdf"
#define CUPS_PDF_PPD       "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"
#define CUPS_PDF_CONF      "/etc/cups/cups-pdf.conf"
#define QUEUE              "retract-test"
/* Not a user of this system: cups-pdf writes the job to its anonymous folder. */
#define JOB_USER           "retract-print-test"

static RetractRuleset *rules;
static gint64 test_start;

/* A step may take this long; past it the test ends with what it was waiting
 * for. The watchdog is a thread: a GTK print backend that spins in the main
 * thread (see broken_client) never lets a timeout source run. */
#define STEP_SECONDS 120

static GMutex      watch_lock;
static GCond       watch_cond;
static const char *watch_step = "the start";
static gint64      watch_deadline = G_MAXINT64;
static char       *watch_log; /* cupsd's error log, once it runs */

static gpointer
watchdog (gpointer user_data)
{
  g_mutex_lock (&watch_lock);
  for (;;)
    {
      g_autofree char *log = NULL;

      g_cond_wait_until (&watch_cond, &watch_lock, watch_deadline);
      if (g_get_monotonic_time () < watch_deadline)
        continue;
      if (watch_log == NULL || !g_file_get_contents (watch_log, &log, NULL, NULL))
        log = g_strdup ("(no log)");
      g_printerr ("print-cups: stuck for %d s after: %s\ncupsd's log:\n%s\n",
                  STEP_SECONDS, watch_step, log);
      abort ();
    }
  return NULL;
}

/* Where the test is, on standard error with the seconds since it began: the
 * test log shows how far a slow or stuck run got. Each step has
 * STEP_SECONDS. */
static void
progress (const char *step)
{
  g_printerr ("print-cups: %6.1f s: %s\n",
              (g_get_monotonic_time () - test_start) / (double) G_USEC_PER_SEC, step);
  g_mutex_lock (&watch_lock);
  watch_step = step;
  watch_deadline = g_get_monotonic_time () + STEP_SECONDS * G_USEC_PER_SEC;
  g_cond_signal (&watch_cond);
  g_mutex_unlock (&watch_lock);
}

/* The servers the test starts end with it, even when an assertion aborts it. */
static void
end_with_test (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Debian 12's security update of CUPS, libcups2 2.4.2-3+deb12u10 (the
 * change that upstream 2.4.15 shipped too, OpenPrinting/cups#1429), makes
 * GTK's CUPS backend spin for ever in gtk_cups_request_read_write() once
 * the print dialog asks the server about its printers: every GTK print
 * dialog on such a system freezes its application. Measured here: with the
 * 2.4.2-3+deb12u9 library in the test's process and the updated server the
 * test passes; with the updated library it spins. So on such a system
 * (tests/cups-clients lists the builds) the test loads the earlier library
 * from RETRACT_CUPS_CLIENT_LIBDIR (build-aux/dev test fetches it from
 * Debian); the server keeps the system's.
 *
 * Returns the installed libcups2's version when tests/cups-clients lists it
 * as broken; NULL otherwise. */
static char *
broken_client (void)
{
  const char *argv[] = { "dpkg-query", "-W", "-f=${Version}", "libcups2", NULL };
  g_autoptr(GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                      | G_SUBPROCESS_FLAGS_STDERR_SILENCE, NULL);
  g_autofree char *version = NULL;
  g_autofree char *list = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  if (process == NULL
      || !g_subprocess_communicate_utf8 (process, NULL, NULL, &version, NULL, NULL)
      || !g_subprocess_get_successful (process))
    return NULL;
  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "cups-clients", NULL),
                       &list, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (list, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 2);

      if (lines[i][0] != '#' && g_strcmp0 (fields[0], version) == 0)
        return g_steal_pointer (&version);
    }
  return NULL;
}

/* Without avahi and colord on the system bus, GTK's CUPS backend warns that
 * it cannot list network printers or find the printer's colour profile; those
 * warnings are expected here, as on a desktop without either service. Every
 * other warning or critical stays fatal. */
static GLogWriterOutput
write_log (GLogLevelFlags   log_level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  GLogWriterOutput written = g_log_writer_default (log_level, fields, n_fields, user_data);
  gboolean expected = FALSE;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0
        && (strstr (fields[i].value, "org.freedesktop.Avahi was not provided") != NULL
            || strstr (fields[i].value, "org.freedesktop.ColorManager was not provided") != NULL))
      expected = TRUE;
  if ((log_level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL)) != 0 && !expected)
    g_abort ();
  return written;
}

/* A desktop has a system bus, where GTK's CUPS backend asks avahi for network
 * printers and colord for colour profiles. Without one, GTK 4.8 takes paths
 * users never see (and that crash at times); the test gives it a bus of its
 * own, on which neither service runs, as on a desktop without them. */
static GSubprocess *
start_system_bus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  GSubprocess *bus;
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *address = NULL;

  g_subprocess_launcher_set_child_setup (launcher, end_with_test, NULL, NULL);
  bus = g_subprocess_launcher_spawn (launcher, &error, "dbus-daemon", "--session", "--nofork",
                                     "--print-address=1", NULL);
  g_assert_no_error (error);
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (bus));
  address = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);
  g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", address, TRUE);
  return bus;
}

typedef struct
{
  char        *dir;
  char        *socket;
  GSubprocess *cupsd;
  guint        first_job;
} PrintServer;

static gboolean
can_run (char **why)
{
  if (geteuid () != 0)
    *why = g_strdup ("cups-pdf prints only from a cupsd running as root");
  else if (!g_file_test (CUPSD, G_FILE_TEST_IS_EXECUTABLE))
    *why = g_strdup (CUPSD " is missing (package cups-daemon)");
  else if (!g_file_test (CUPS_PDF_BACKEND, G_FILE_TEST_EXISTS)
           || !g_file_test (CUPS_PDF_PPD, G_FILE_TEST_EXISTS))
    *why = g_strdup ("cups-pdf is missing (package printer-driver-cups-pdf)");
  else if (g_find_program_in_path ("lpadmin") == NULL)
    *why = g_strdup ("lpadmin is missing (package cups-client)");
  else
    {
      g_autofree char *client = broken_client ();

      if (client == NULL || g_getenv ("RETRACT_CUPS_CLIENT_LIBDIR") != NULL)
        return TRUE;
      *why = g_strdup_printf ("libcups2 %s freezes GTK's CUPS backend (tests/cups-clients); "
                              "RETRACT_CUPS_CLIENT_LIBDIR names no folder with an earlier "
                              "libcups.so.2 (build-aux/dev test fetches one)", client);
    }
  return FALSE;
}

/* Where cups-pdf writes a job of a user the system does not know. */
static char *
anonymous_folder (void)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  char *folder = g_strdup ("/var/spool/cups-pdf/ANONYMOUS");

  if (!g_file_get_contents (CUPS_PDF_CONF, &contents, NULL, NULL))
    return folder;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "AnonDirName "))
      {
        g_free (folder);
        folder = g_strstrip (g_strdup (lines[i] + strlen ("AnonDirName ")));
      }
  return folder;
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
}

static char *
make_folder (const char *dir,
             const char *name,
             int         mode)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir (path, mode), ==, 0);
  /* cupsd checks its folders' owners and modes, and its filters run as lp. */
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
  return path;
}

static gboolean
run (GError **error,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *output = NULL;
  const char *arg;
  va_list args;

  va_start (args, error);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE,
                               error);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, error))
    return FALSE;
  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed: %s",
                   (const char *) argv->pdata[0], output);
      return FALSE;
    }
  return TRUE;
}

/* lpstat -r says whether the scheduler answers on @socket; it exits 0
 * either way, so its words tell. */
static gboolean
scheduler_running (const char *socket)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *output = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE,
                              NULL, "lpstat", "-h", socket, "-r", NULL);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, NULL))
    return FALSE;
  return g_subprocess_get_successful (process) && output != NULL &&
         g_str_has_prefix (output, "scheduler is running");
}

static void
print_server_start (PrintServer *server)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;
  g_autofree char *spool = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *state = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *files_conf = NULL;
  g_autofree char *cupsd_conf = NULL;
  g_autofree char *job_cache = NULL;
  g_autofree char *cupsd_path = NULL;
  g_autofree char *files_path = NULL;
  g_autofree char *log_path = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  gboolean ready = FALSE;

  server->dir = g_dir_make_tmp ("retract-cups-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (server->dir, 0755), ==, 0);
  root = make_folder (server->dir, "root", 0755);
  spool = make_folder (server->dir, "spool", 0755);
  cache = make_folder (server->dir, "cache", 0755);
  state = make_folder (server->dir, "state", 0755);
  temp = make_folder (server->dir, "tmp", 01777);
  g_free (make_folder (root, "ppd", 0755));
  server->socket = g_build_filename (server->dir, "cups.sock", NULL);
  log_path = g_build_filename (server->dir, "error_log", NULL);
  g_mutex_lock (&watch_lock);
  watch_log = g_strdup (log_path);
  g_mutex_unlock (&watch_lock);
  /* GTK's CUPS backend asks libcups for the server when it loads, which is
   * when the first print operation runs, after this. */
  g_setenv ("CUPS_SERVER", server->socket, TRUE);

  files_conf = g_strdup_printf ("ServerRoot %s\nRequestRoot %s\nCacheDir %s\n"
                                "StateDir %s\nTempDir %s\nErrorLog %s\n"
                                "AccessLog /dev/null\nPageLog /dev/null\n"
                                "Printcap %s/printcap\n",
                                root, spool, cache, state, temp, log_path, server->dir);
  /* Only this test's own socket; no network, no sharing, and anyone on
   * the socket may do anything, as the server lives only for the test. */
  cupsd_conf = g_strdup_printf ("Listen %s\nBrowsing Off\nWebInterface No\n"
                                "DefaultAuthType None\nLogLevel info\n"
                                /* The job as received, to read back. */
                                "PreserveJobFiles Yes\n"
                                "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                                "<Policy default>\n  JobPrivateAccess all\n"
                                "  JobPrivateValues none\n"
                                "  SubscriptionPrivateAccess all\n"
                                "  SubscriptionPrivateValues none\n"
                                "  <Limit All>\n    Order deny,allow\n  </Limit>\n"
                                "</Policy>\n",
                                server->socket);
  write_file (server->dir, "cups-files.conf", files_conf);
  write_file (server->dir, "cupsd.conf", cupsd_conf);

  /* Job numbers start at a random point, so that the job's file in the
   * shared anonymous folder is this run's and no other's. */
  server->first_job = (guint) g_random_int_range (100000, 900000000);
  job_cache = g_strdup_printf ("NextJobId %u\n", server->first_job);
  write_file (cache, "job.cache", job_cache);

  cupsd_path = g_build_filename (server->dir, "cupsd.conf", NULL);
  files_path = g_build_filename (server->dir, "cups-files.conf", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, end_with_test, NULL, NULL);
  /* The server with the system's library, whichever the test loads. */
  g_subprocess_launcher_unsetenv (launcher, "LD_LIBRARY_PATH");
  server->cupsd = g_subprocess_launcher_spawn (launcher, &error, CUPSD, "-f",
                                               "-c", cupsd_path, "-s", files_path, NULL);
  g_assert_no_error (error);

  /* Up to 30 s for the scheduler to answer on its socket. */
  for (guint i = 0; i < 300 && !ready; i++)
    {
      ready = scheduler_running (server->socket);
      if (!ready)
        g_usleep (G_USEC_PER_SEC / 10);
    }
  if (!ready)
    {
      g_autofree char *log = NULL;

      g_file_get_contents (log_path, &log, NULL, NULL);
      g_error ("cupsd did not start:\n%s", log != NULL ? log : "(no log)");
    }

  run (&error, "lpadmin", "-h", server->socket, "-p", QUEUE, "-E",
       "-v", "cups-pdf:/", "-P", CUPS_PDF_PPD, NULL);
  g_assert_no_error (error);
}

static char *
print_server_log (PrintServer *server)
{
  g_autofree char *path = g_build_filename (server->dir, "error_log", NULL);
  char *log = NULL;

  if (!g_file_get_contents (path, &log, NULL, NULL))
    log = g_strdup ("(no log)");
  return log;
}

static void
waited (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  gboolean *ended = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *ended = TRUE;
}

/* Wakes the main loop, so that a wait on it looks at its deadline even when
 * nothing else happens. */
static gboolean
wake (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
print_server_stop (PrintServer *server)
{
  g_autoptr(GError) error = NULL;

  if (server->cupsd != NULL)
    {
      gboolean ended = FALSE;
      gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
      guint waking = g_timeout_add (250, wake, NULL);

      /* cupsd stops its jobs' filters and goes; after 30 s it is killed. */
      g_subprocess_send_signal (server->cupsd, SIGTERM);
      g_subprocess_wait_async (server->cupsd, NULL, waited, &ended);
      while (!ended && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      if (!ended)
        {
          g_printerr ("print-cups: cupsd did not stop in 30 s; killed\n");
          g_subprocess_force_exit (server->cupsd);
          while (!ended)
            g_main_context_iteration (NULL, TRUE);
        }
      g_source_remove (waking);
      g_clear_object (&server->cupsd);
    }
  if (server->dir != NULL)
    {
      g_autoptr(GSubprocess) rm = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                                                    "rm", "-rf", server->dir, NULL);

      g_assert_no_error (error);
      g_subprocess_wait_check (rm, NULL, &error);
      g_assert_no_error (error);
    }
  g_clear_pointer (&server->dir, g_free);
  g_clear_pointer (&server->socket, g_free);
}

static RetractLetterRenderer *
make_renderer (void)
{
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse ("2026-11-24T10:00:00+08:00", NULL);
  g_autoptr(GDateTime) now = retract_time_parse ("2026-11-24T10:30:00+08:00", NULL);
  g_autoptr(RetractAssessment) assessment = NULL;
  g_autoptr(RetractLetter) letter = NULL;
  g_autoptr(GString) narrative = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  /* Long enough for a second page, so that "every page" means something. */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (narrative, "第%u段：我想给李四发消息，却误点了投诉按钮。", i + 1);

  retract_case_set_platform (kase, "wechat");
  retract_case_set_complaint_type (kase, "friend-report");
  retract_case_set_filed_at (kase, filed);
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_NAME, "张三");
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_PHONE, "13800138000");
  retract_case_set_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, "WX20261124001");
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, narrative->str);
  retract_case_set_detail (kase, RETRACT_DETAIL_REASON, "李四没有任何违规行为。");

  assessment = retract_assessment_new (rules, kase, now, &error);
  g_assert_no_error (error);
  letter = retract_letter_new (assessment, kase, RETRACT_LANGUAGE_ZH_CN, 0, &error);
  g_assert_no_error (error);
  return retract_letter_renderer_new (letter, RETRACT_A4_WIDTH, RETRACT_A4_HEIGHT);
}

static char *
capture (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                                      &error);
  char *output = NULL;

  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return output;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };

  return capture (argv);
}

static void
assert_a4_pages (const char *path,
                 guint       n_pages)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = capture (argv);
  const char *pages = strstr (info, "\nPages:");
  const char *size = strstr (info, "\nPage size:");
  double width = 0, height = 0;

  g_assert_nonnull (pages);
  g_assert_cmpuint (g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10), ==, n_pages);
  /* A4 is 210 × 297 mm, 595.3 × 841.9 points; cups-pdf rounds. */
  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (size, "\nPage size: %lf x %lf", &width, &height), ==, 2);
  g_assert_cmpfloat (fabs (width - 595.3), <, 1.0);
  g_assert_cmpfloat (fabs (height - 841.9), <, 1.0);
}

/* How dark a page is on average (0 white, 1 black), drawn at 72 dpi in grey. */
static double
page_ink (const char *path,
          guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftoppm", "-gray", "-r", "72", "-f", number, "-l", number,
                         "-singlefile", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                                      &error);
  g_autoptr(GBytes) image = NULL;
  const guint8 *data;
  gsize size;
  guint width, height, depth;
  guint64 ink = 0;
  int header = 0;

  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &image, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  data = g_bytes_get_data (image, &size);
  /* A binary PGM: "P5\n<width> <height>\n<depth>\n" and a byte a pixel. */
  g_assert_cmpint (sscanf ((const char *) data, "P5 %u %u %u%n", &width, &height, &depth, &header), ==, 3);
  g_assert_cmpuint (depth, ==, 255);
  header++;
  g_assert_cmpuint (size, ==, (gsize) header + (gsize) width * height);
  for (gsize i = (gsize) header; i < size; i++)
    ink += 255u - data[i];
  return (double) ink / (255.0 * width * height);
}

/* The PDF cups-pdf wrote for job @job: its name ends in "job_<number>.pdf". */
static char *
find_output (const char *folder,
             guint       job)
{
  g_autofree char *suffix = g_strdup_printf ("job_%u.pdf", job);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      return g_build_filename (folder, name, NULL);
  return NULL;
}

/* The user's click on Print in the print dialog, once the dialog has chosen
 * the test's queue (from the print settings) and read its details. */
static gboolean
press_print (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint *presses = user_data;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkPrinter *printer;

      if (!GTK_IS_PRINT_UNIX_DIALOG (window))
        continue;
      printer = gtk_print_unix_dialog_get_selected_printer (GTK_PRINT_UNIX_DIALOG (window));
      if (printer == NULL || !g_str_equal (gtk_printer_get_name (printer), QUEUE)
          || !gtk_printer_has_details (printer))
        continue;
      progress ("the dialog offers the queue with its details: Print pressed");
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_OK);
      G_GNUC_END_IGNORE_DEPRECATIONS
      (*presses)++;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
still_printing (GtkPrintOperation *operation)
{
  return !gtk_print_operation_is_finished (operation);
}

static void
test_print_letter_through_cups (void)
{
  PrintServer server = { 0 };
  g_autofree char *why = NULL;
  g_autoptr(RetractLetterRenderer) renderer = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = anonymous_folder ();
  g_autofree char *output = NULL;
  g_autofree char *spooled = NULL;
  g_autofree char *text = NULL;
  GtkPrintOperationResult result;
  guint n_pages;
  guint presses = 0;
  guint pressing;
  guint ticking;
  gint64 deadline;

  if (!can_run (&why))
    {
      if (g_getenv ("RETRACT_REQUIRE_CUPS") != NULL)
        g_error ("RETRACT_REQUIRE_CUPS is set, but %s", why);
      g_test_skip (why);
      return;
    }

  progress ("starting cupsd");
  print_server_start (&server);
  progress ("cupsd answers, the queue is added");

  renderer = make_renderer ();
  n_pages = retract_letter_renderer_get_n_pages (renderer);
  g_assert_cmpuint (n_pages, >=, 2);

  operation = retract_letter_print_operation_new (renderer, "Retract print test");
  settings = gtk_print_settings_new ();
  gtk_print_settings_set_printer (settings, QUEUE);
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_track_print_status (operation, TRUE);

  /* As the review page's Print… does it: the dialog, where the user presses
   * Print. */
  pressing = g_timeout_add (100, press_print, &presses);
  progress ("the print dialog opens");
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    NULL, &error);
  if (presses == 0)
    g_source_remove (pressing);
  g_assert_no_error (error);
  g_assert_cmpuint (presses, ==, 1);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  progress ("the job is sent");

  /* GTK follows the job on the server until it is done (or 120 s pass);
   * the tick wakes the loop to look at the time. */
  ticking = g_timeout_add (250, wake, NULL);
  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (still_printing (operation) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (ticking);
  if (gtk_print_operation_get_status (operation) != GTK_PRINT_STATUS_FINISHED)
    {
      g_autofree char *log = print_server_log (&server);

      g_error ("the job did not finish in 120 s (%s); cupsd's log:\n%s",
               gtk_print_operation_get_status_string (operation), log);
    }
  progress ("the server says the job is done");

  /* cups-pdf writes the file as the job ends; give it a moment. */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while ((output = find_output (folder, server.first_job)) == NULL
         && g_get_monotonic_time () < deadline)
    g_usleep (G_USEC_PER_SEC / 10);
  if (output == NULL)
    g_error ("no job_%u.pdf in %s", server.first_job, folder);
  progress ("cups-pdf wrote its file");

  /* What GTK's CUPS backend sent, as the server received it: the letter's
   * words, from the first page and the last, on A4, every page. */
  spooled = g_strdup_printf ("%s/spool/d%05u-001", server.dir, server.first_job);
  text = pdf_text (spooled);
  g_assert_nonnull (strstr (text, "误投诉撤销申请书"));
  g_assert_nonnull (strstr (text, "WX20261124001"));
  g_assert_nonnull (strstr (text, "第1段"));
  g_assert_nonnull (strstr (text, "第40段"));
  assert_a4_pages (spooled, n_pages);

  /* What came out of the queue: every page, on A4, each with the ink of the
   * page sent. cups-pdf turns PostScript into PDF, and CUPS turns the PDF into
   * PostScript for it; on that way the CJK fonts (CID-keyed, as the letter's
   * Noto CJK is) lose their map to Unicode, so pdftotext cannot read words
   * back from this file, only from the job above. */
  assert_a4_pages (output, n_pages);
  for (guint page = 1; page <= n_pages; page++)
    {
      double sent = page_ink (spooled, page);
      double printed = page_ink (output, page);

      g_test_message ("page %u: %.2f%% ink sent, %.2f%% printed", page, sent * 100, printed * 100);
      /* Text on every page; the same page, give or take the fitting to the
       * printable area and the second rendering (4–10 % here). */
      g_assert_cmpfloat (sent, >, 0.005);
      g_assert_cmpfloat (printed, >, sent * 0.8);
      g_assert_cmpfloat (printed, <, sent * 1.25);
    }

  g_assert_cmpint (g_unlink (output), ==, 0);
  progress ("read back; stopping cupsd");
  print_server_stop (&server);
  progress ("done");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) system_bus = NULL;
  const char *client = g_getenv ("RETRACT_CUPS_CLIENT_LIBDIR");
  int status;

  /* The earlier CUPS library in this process (see broken_client): the
   * loader reads LD_LIBRARY_PATH only as a process starts. */
  if (client != NULL && g_strcmp0 (g_getenv ("LD_LIBRARY_PATH"), client) != 0)
    {
      g_setenv ("LD_LIBRARY_PATH", client, TRUE);
      execv ("/proc/self/exe", argv);
      g_error ("cannot start again with %s: %s", client, g_strerror (errno));
    }

  /* Only CUPS, and the job's user is not a user of this system (see above).
   * The server is set per test, before GTK loads its CUPS backend. */
  g_setenv ("GTK_PRINT_BACKENDS", "cups", TRUE);
  g_setenv ("CUPS_USER", JOB_USER, TRUE);
  g_log_set_writer_func (write_log, NULL, NULL);
  test_start = g_get_monotonic_time ();
  g_thread_unref (g_thread_new ("watchdog", watchdog, NULL));
  gtk_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  system_bus = start_system_bus ();

  rules = retract_ruleset_new_bundled (&error);
  g_assert_no_error (error);

  g_test_add_func ("/print/cups/letter", test_print_letter_through_cups);
  status = g_test_run ();
  g_object_unref (rules);
  g_subprocess_send_signal (system_bus, SIGTERM);
  return status;
}
