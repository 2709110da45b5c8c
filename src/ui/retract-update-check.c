/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Checking for newer rules from the app: `retract-cli update-rules --json` in
 * its own process. The network code (libsoup and the eleven libraries it
 * brings) is then never mapped into the process that holds the person's
 * name and ID number, and the window starts without it (1.3 MB less at the
 * first frame). The helper installs the rules in the same store; the app
 * reloads them from there. */

#define G_LOG_DOMAIN "retract-update-check"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-json-views.h"
#include "retract-update-check.h"

/* The answer is a few hundred bytes; anything far bigger is not one. */
#define HELPER_OUTPUT_MAX (64 * 1024)

G_DEFINE_QUARK (retract-update-check-error-quark, retract_update_check_error)

typedef struct
{
  gboolean  installed;
  char     *version;
} CheckResult;

static void
check_result_free (CheckResult *check)
{
  g_free (check->version);
  g_free (check);
}

/* Where retract-cli is: `$RETRACT_CLI` when set (a build tree), otherwise the
 * installed one. */
static char *
helper_path (void)
{
  const char *path = g_getenv ("RETRACT_CLI");

  if (path != NULL && *path != '\0')
    return g_strdup (path);

  return g_build_filename (BINDIR, "retract-cli", NULL);
}

/* The helper's one JSON object (retract_update_answer_to_json()); its
 * problem ("offline", "not-rules", …) is kept on the task for
 * retract_update_check_describe(). */
static void
read_answer (GTask      *task,
             const char *output,
             int         exit_status)
{
  g_auto(RetractUpdateAnswer) answer = { 0 };
  gboolean understood = retract_update_answer_parse (output, &answer);

  if (!understood)
    {
      g_debug ("update helper exited with %d and no answer", exit_status);
      g_task_return_new_error (task, RETRACT_UPDATE_CHECK_ERROR,
                               RETRACT_UPDATE_CHECK_ERROR_HELPER,
                               _("the update helper gave no answer"));
      return;
    }

  g_object_set_data (G_OBJECT (task), "retract-problem", GINT_TO_POINTER (answer.problem));

  if (retract_update_result_is_success (answer.result))
    {
      CheckResult *check = g_new0 (CheckResult, 1);

      check->installed = answer.result == RETRACT_UPDATE_RESULT_UPDATED;
      check->version = g_steal_pointer (&answer.version);
      g_task_return_pointer (task, check, (GDestroyNotify) check_result_free);
    }
  else
    {
      g_task_return_new_error (task, RETRACT_UPDATE_CHECK_ERROR,
                               answer.result == RETRACT_UPDATE_RESULT_REJECTED
                               ? RETRACT_UPDATE_CHECK_ERROR_REJECTED
                               : RETRACT_UPDATE_CHECK_ERROR_NETWORK,
                               "%s", answer.message != NULL ? answer.message
                                                            : _("unknown error"));
    }
}

static void
on_helper_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  GSubprocess *helper = G_SUBPROCESS (source);
  g_autoptr(GTask) task = data;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!g_subprocess_communicate_finish (helper, result, &output, NULL, &error))
    {
      /* Cancelled (the app is quitting): the helper goes too. An install it
       * was in the middle of is atomic, so nothing is left half-written. */
      g_subprocess_force_exit (helper);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (output != NULL && g_bytes_get_size (output) <= HELPER_OUTPUT_MAX)
    text = g_strndup (g_bytes_get_data (output, NULL), g_bytes_get_size (output));

  read_answer (task, text, g_subprocess_get_if_exited (helper)
                           ? g_subprocess_get_exit_status (helper) : -1);
}

/* `retract-cli update-rules --json` with @option and @value (or neither). */
static void
run_helper (const char          *option,
            const char          *value,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) helper = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = helper_path ();
  const char *argv[] = { path, "update-rules", "--json", value != NULL ? option : NULL, value,
                         NULL };

  g_task_set_source_tag (task, retract_update_check_async);
  /* An import or a check: retract_update_check_describe() says which failed. */
  g_object_set_data (G_OBJECT (task), "retract-import",
                     GINT_TO_POINTER (g_str_equal (option, "--file")));

  /* Its stderr repeats the message in the JSON: not needed here. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  helper = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (helper == NULL)
    {
      g_debug ("could not start the update helper: %s", error->message);
      g_task_return_new_error (task, RETRACT_UPDATE_CHECK_ERROR,
                               RETRACT_UPDATE_CHECK_ERROR_HELPER,
                               /* Translators: %s says why, e.g. "No such file or directory" */
                               _("the update helper could not run: %s"), error->message);
      return;
    }

  g_subprocess_communicate_async (helper, NULL, cancellable, on_helper_done,
                                  g_steal_pointer (&task));
}

/**
 * retract_update_check_async:
 * @url: (nullable): where to download from; %NULL for the rules-url setting
 *
 * Runs the helper to download newer rules, if there are any, and install them.
 */
void
retract_update_check_async (const char          *url,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  run_helper ("--url", url, cancellable, callback, user_data);
}

/**
 * retract_update_check_import_async:
 * @path: a rules file the user chose, its signature (and key list) beside it
 *
 * Runs the helper to import the file with the same checks as a download
 * (`update-rules --file`); finish and describe as for a download.
 */
void
retract_update_check_import_async (const char          *path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (path != NULL);

  run_helper ("--file", path, cancellable, callback, user_data);
}

/**
 * retract_update_check_finish:
 * @installed: (out): whether newer rules were installed
 * @version: (out) (optional) (transfer full): the version now in use
 *
 * Returns: %FALSE with @error set when nothing could be checked or installed
 */
gboolean
retract_update_check_finish (GAsyncResult  *result,
                             gboolean      *installed,
                             char         **version,
                             GError       **error)
{
  CheckResult *check;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (installed != NULL, FALSE);

  check = g_task_propagate_pointer (G_TASK (result), error);
  if (check == NULL)
    return FALSE;

  *installed = check->installed;
  if (version != NULL)
    *version = g_steal_pointer (&check->version);
  check_result_free (check);

  return TRUE;
}

/**
 * retract_update_check_describe:
 * @result: the result given to the callback of retract_update_check_async()
 *   or retract_update_check_import_async()
 * @error: the error retract_update_check_finish() set
 *
 * The helper's message is technical ("Error resolving “…”: Name or service
 * not known", a JSON parser's position): this says what happened in words a
 * person understands. Show the message itself as the detail.
 *
 * Returns: what went wrong, translated
 */
const char *
retract_update_check_describe (GAsyncResult *result,
                               const GError *error)
{
  RetractUpdateProblem problem;
  gboolean importing;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  importing = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (result), "retract-import"));
  if (g_error_matches (error, RETRACT_UPDATE_CHECK_ERROR, RETRACT_UPDATE_CHECK_ERROR_HELPER))
    return importing ? _("The rules file could not be imported: the update helper did not work")
                     : _("The rules could not be checked: the update helper did not work");

  problem = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (result), "retract-problem"));
  /* An import read a file the user chose: no server sent it. */
  switch (problem)
    {
    case RETRACT_UPDATE_PROBLEM_OFFLINE:
      return _("No internet connection: the rules server could not be reached");
    case RETRACT_UPDATE_PROBLEM_NETWORK:
      return _("The connection to the rules server broke off; try again later");
    case RETRACT_UPDATE_PROBLEM_TIMED_OUT:
      return _("The rules server did not answer in time; try again later");
    case RETRACT_UPDATE_PROBLEM_SERVER_ERROR:
      return _("The rules server has a problem; try again later");
    case RETRACT_UPDATE_PROBLEM_NOT_RULES:
      return importing
             ? _("The file chosen is not a rules file; nothing was changed")
             : _("The server did not send a rules file. On a public Wi-Fi, sign in to it first");
    case RETRACT_UPDATE_PROBLEM_INVALID_RULES:
      return importing ? _("The rules in this file are damaged and were not used")
                       : _("The downloaded rules are damaged and were not used");
    case RETRACT_UPDATE_PROBLEM_OLDER_RULES:
      return importing
             ? _("This file has older rules than the ones in use; nothing was changed")
             : _("The server offers older rules than the ones in use; nothing was changed");
    case RETRACT_UPDATE_PROBLEM_CERTIFICATE:
      return _("The rules server could not prove who it is (a certificate problem)");
    case RETRACT_UPDATE_PROBLEM_DISK:
      return _("The new rules could not be saved on this computer");
    case RETRACT_UPDATE_PROBLEM_ADDRESS:
      return _("The address for rules updates is not a secure web address");
    case RETRACT_UPDATE_PROBLEM_UNSIGNED:
      return _("The rules offered are not signed and were not used");
    case RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE:
      return _("The signature of the rules offered does not match; they were not used");
    case RETRACT_UPDATE_PROBLEM_UNKNOWN_KEY:
      return _("The rules offered are not signed by a Retract release key; they were not used");
    case RETRACT_UPDATE_PROBLEM_REVOKED_KEY:
      return _("The rules offered are signed by a withdrawn key; they were not used");
    case RETRACT_UPDATE_PROBLEM_BAD_KEY_LIST:
      return _("The key list published with the rules is not valid; nothing was changed");
    case RETRACT_UPDATE_PROBLEM_EXPIRED_KEY_LIST:
      return _("The key list published with the rules has expired; nothing was changed");
    case RETRACT_UPDATE_PROBLEM_OLDER_KEY_LIST:
      return _("The key list published with the rules is older than the one in use; nothing "
               "was changed");
    case RETRACT_UPDATE_PROBLEM_EXPIRED_RULES:
      return _("The rules offered have expired and were not used");
    case RETRACT_UPDATE_PROBLEM_FUTURE_RULES:
      return _("The rules offered are dated in the future; check this computer’s clock");
    case RETRACT_UPDATE_PROBLEM_NONE:
    case RETRACT_UPDATE_PROBLEM_OTHER:
    default:
      return importing ? _("The rules file could not be imported")
                       : _("The rules could not be updated");
    }
}
