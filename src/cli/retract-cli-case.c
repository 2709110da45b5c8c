/* SPDX-License-Identifier: GPL-3.0-or-later */

/* retract-cli case …: the saved cases of the app's data folder and what the
 * user did about each (README, "Cases").
 *
 *   case new     a case from the answers; prints its id
 *   case log     adds one event to a case's timeline (retract-cli-case-log.c)
 *   case show    the assessment, the counts, the next step and the timeline
 *                (retract-cli-case-show.c, with `cases`)
 *   case delete  removes a case
 *   case export  writes a case file elsewhere; case import reads one in
 *
 * Every command opens the store, which migrates the single case.json of
 * earlier versions first. Ids are checked here before the store sees them,
 * so that a path never reaches it from the command line. */

#define G_LOG_DOMAIN "retract-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-assessment.h"
#include "retract-cli-private.h"
#include "retract-error.h"
#include "retract-file.h"
#include "retract-json-case.h"
#include "retract-store.h"
#include "retract-time.h"

/* ---- the case library ---- */

static int
report_unknown_id (const char *id)
{
  g_autofree char *shown = retract_file_display_name (id);

  /* Translators: ID is the argument's name in the usage line; “cases” a command */
  g_printerr (_("ID: no saved case “%s” (“retract-cli cases” lists them)\n"), shown);
  return EXIT_BAD_INPUT;
}

/* A store error: an id that is not there, or a case file that another one
 * has, is the user's to fix (2); anything else is reported as usual. */
int
retract_cli_report_store_error (const GError *error,
                                const char   *id)
{
  if (g_error_matches (error, RETRACT_STORE_ERROR, RETRACT_STORE_ERROR_NOT_FOUND) && id != NULL)
    return report_unknown_id (id);

  if (g_error_matches (error, RETRACT_STORE_ERROR, RETRACT_STORE_ERROR_NOT_FOUND) ||
      g_error_matches (error, RETRACT_STORE_ERROR, RETRACT_STORE_ERROR_EXISTS))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_BAD_INPUT;
    }

  return retract_cli_report_error (error);
}

static void report_problems (GPtrArray *problems);

/* The app's case library, with case.json of earlier versions migrated. */
RetractStore *
retract_cli_open_store (int *status)
{
  g_autoptr(RetractStore) store = retract_store_new_default ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_store_problem_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *migrated = NULL;
  RetractStoreProblem *problem = NULL;

  if (!retract_store_migrate (store, &migrated, &problem, &error))
    {
      *status = retract_cli_report_store_error (error, NULL);
      return NULL;
    }

  /* An unreadable case.json is told about, and the command goes on. */
  if (problem != NULL)
    g_ptr_array_add (problems, problem);
  report_problems (problems);

  return g_steal_pointer (&store);
}

/**
 * retract_cli_open_saved_case:
 * @saved: (out caller-allocates): where the library and the case go
 * @id: the ID argument
 *
 * Opens the library, then reads the saved case @id from it (case log, case
 * show); an id that cannot be one is "unknown" without asking the store.
 *
 * Returns: %FALSE, the error reported, when the command must exit with @status
 */
gboolean
retract_cli_open_saved_case (RetractCliSavedCase *saved,
                             const char          *id,
                             int                 *status)
{
  g_autoptr(GError) error = NULL;

  saved->store = retract_cli_open_store (status);
  if (saved->store == NULL)
    return FALSE;

  if (!retract_case_id_is_valid (id))
    {
      *status = report_unknown_id (id);
      return FALSE;
    }

  saved->kase = retract_store_load_case (saved->store, id, &error);
  if (saved->kase == NULL)
    {
      *status = retract_cli_report_store_error (error, id);
      return FALSE;
    }

  return TRUE;
}

void
retract_cli_saved_case_clear (RetractCliSavedCase *saved)
{
  g_clear_object (&saved->kase);
  g_clear_object (&saved->store);
}

/* The unreadable case files the store has set aside, so that the user knows. */
static void
report_problems (GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const RetractStoreProblem *problem = g_ptr_array_index (problems, i);

      if (problem->moved_to != NULL)
        /* Translators: %1$s and %2$s are file names, %3$s the reason */
        g_printerr (_("A saved case could not be read and was moved aside: %1$s → %2$s: %3$s\n"),
                    problem->file_name, problem->moved_to, problem->error->message);
      else
        /* Translators: %1$s is a file name, %2$s the reason */
        g_printerr (_("A saved case could not be read: %1$s: %2$s\n"),
                    problem->file_name, problem->error->message);
    }
}

/* Every saved case (light copies), the unreadable ones reported. */
GPtrArray *
retract_cli_list_cases (RetractStore *store,
                        int          *status)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *cases;

  cases = retract_store_list_cases (store, &problems, &error);
  if (cases == NULL)
    {
      *status = retract_cli_report_store_error (error, NULL);
      return NULL;
    }

  report_problems (problems);
  return cases;
}

/* ---- case new ---- */

static int
case_new (int    argc,
          char **argv)
{
  g_auto(RetractCliRules) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractStore) store = NULL;
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(RetractAssessment) assessment = NULL;
  g_autoptr(GDateTime) filed = NULL;
  g_autofree char *platform = NULL;
  g_autofree char *type = NULL;
  g_autofree char *filed_at = NULL;
  g_autofree char *mistake = NULL;
  g_autofree char *account = NULL;
  g_autofree char *complaint_number = NULL;
  g_autofree char *withdrawals = NULL;
  g_auto(GStrv) scenarios = NULL;
  gboolean other_party_loss = FALSE;
  gboolean json = FALSE;
  GDate today;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "platform", 0, 0, G_OPTION_ARG_STRING, &platform,
      N_("wechat, alipay or douyin"), N_("PLATFORM") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type,
      N_("Complaint type, e.g. friend-report (see “types”)"), N_("TYPE") },
    { "filed-at", 0, 0, G_OPTION_ARG_STRING, &filed_at,
      N_("When the complaint was filed, ISO 8601; without an offset, Beijing time"), N_("TIME") },
    { "scenario", 0, 0, G_OPTION_ARG_STRING_ARRAY, &scenarios,
      N_("enterprise, cross-border, minor or judicial; may be repeated"), N_("SCENARIO") },
    { "mistake", 0, 0, G_OPTION_ARG_STRING, &mistake,
      N_("misoperation (default) or misstatement"), N_("MISTAKE") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &account,
      N_("The account that filed the complaint, a short label (default: your own)"),
      N_("ACCOUNT") },
    { "complaint-number", 0, 0, G_OPTION_ARG_STRING, &complaint_number,
      N_("The complaint's number, as the platform shows it"), N_("NUMBER") },
    { "withdrawals-this-month", 0, 0, G_OPTION_ARG_STRING, &withdrawals,
      N_("Withdrawal requests made outside Retract this month"), N_("N") },
    { "other-party-loss", 0, 0, G_OPTION_ARG_NONE, &other_party_loss,
      N_("The other party has suffered a real loss"), NULL },
    RETRACT_CLI_NOW_OPTION (options, N_("Check the filing time against this time instead of "
                                        "the current time")),
    RETRACT_CLI_JSON_OPTION (json),
    RETRACT_CLI_LANG_OPTION (options),
    RETRACT_CLI_RULES_OPTION (options),
    { NULL }
  };

  if (!retract_cli_parse (_("— save a new case and print its id"),
                          _("--platform, --type and --filed-at are required.\n"
                            "Cases of one platform and one --account share the limits on "
                            "withdrawal requests and appeals."),
                          entries, &argc, &argv, &status))
    return status;

  if (!retract_cli_rules_load_now (&options, &status))
    return status;

  if (platform == NULL)
    {
      g_printerr (_("--platform: not given; one of: wechat, alipay, douyin\n"));
      return EXIT_BAD_INPUT;
    }
  if (type == NULL)
    {
      g_autofree char *valid = retract_ruleset_list_type_ids (options.rules, NULL);

      g_printerr (_("--type: not given; one of: %s\n"), valid);
      return EXIT_BAD_INPUT;
    }
  if (filed_at == NULL)
    {
      g_printerr (_("--filed-at: not given; use --filed-at TIME\n"));
      return EXIT_BAD_INPUT;
    }

  filed = retract_cli_parse_time ("--filed-at", filed_at, &error);
  if (filed == NULL)
    return retract_cli_report_error (error);

  for (guint i = 0; scenarios != NULL && scenarios[i] != NULL; i++)
    if (*scenarios[i] == '\0')
      {
        g_printerr (_("--scenario: an empty scenario was given\n"));
        return EXIT_BAD_INPUT;
      }

  kase = retract_cli_new_case (platform, type, filed, mistake, (const char * const *) scenarios,
                               other_party_loss, options.now);
  if (!retract_cli_set_withdrawals (kase, withdrawals))
    return EXIT_BAD_INPUT;

  if (!retract_case_set_account (kase, account, &error))
    {
      g_prefix_error (&error, "--account: ");
      g_printerr ("%s\n", error->message);
      return EXIT_BAD_INPUT;
    }

  /* Not needed until the letter: checked only when given. */
  retract_case_set_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, complaint_number);
  retract_time_get_date (options.now, &today);
  if (complaint_number != NULL &&
      !retract_case_validate_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, &today, &error))
    {
      g_prefix_error (&error, "--complaint-number: ");
      g_printerr ("%s\n", error->message);
      return EXIT_BAD_INPUT;
    }

  /* The same checks as assess: a platform, type, scenario and mistake of the
   * rules, and a filing time that is not in the future. */
  assessment = retract_assessment_new (options.rules, kase, options.now, &error);
  if (assessment == NULL)
    return retract_cli_report_error (error);

  store = retract_cli_open_store (&status);
  if (store == NULL)
    return status;
  if (!retract_store_save_case (store, kase, &error))
    return retract_cli_report_store_error (error, NULL);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, retract_case_get_id (kase));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      retract_cli_print_json (root);
    }
  else
    {
      g_print ("%s\n", retract_case_get_id (kase));
    }

  return EXIT_OK;
}

/* ---- case delete, export, import ---- */

static int
case_delete (int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractStore) store = NULL;
  const char *id = NULL;
  int status = EXIT_OK;
  const GOptionEntry entries[] = { { NULL } };

  if (!retract_cli_parse_with_argument (_("ID — delete a saved case"), NULL, entries, "ID",
                                        &argc, &argv, &id, &status))
    return status;

  if (!retract_case_id_is_valid (id))
    return report_unknown_id (id);

  store = retract_cli_open_store (&status);
  if (store == NULL)
    return status;
  if (!retract_store_delete_case (store, id, &error))
    return retract_cli_report_store_error (error, id);

  return EXIT_OK;
}

static int
case_export (int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractStore) store = NULL;
  g_autofree char *output = NULL;
  const char *id = NULL;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the case file (mode 0600)"), N_("FILE") },
    { NULL }
  };

  if (!retract_cli_parse_with_argument (_("ID — write a saved case to a file"), NULL,
                                        entries, "ID", &argc, &argv, &id, &status))
    return status;

  if (output == NULL)
    {
      g_printerr (_("--output: not given; use --output FILE\n"));
      return EXIT_BAD_INPUT;
    }

  if (!retract_case_id_is_valid (id))
    return report_unknown_id (id);

  store = retract_cli_open_store (&status);
  if (store == NULL)
    return status;
  if (!retract_store_export_case (store, id, output, &error))
    return retract_cli_report_store_error (error, id);

  return EXIT_OK;
}

static int
case_import (int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractStore) store = NULL;
  g_autofree char *id = NULL;
  const char *path = NULL;
  int status = EXIT_OK;
  const GOptionEntry entries[] = { { NULL } };

  if (!retract_cli_parse_with_argument (_("FILE — add a case file to the saved cases; "
                                          "prints its id"), NULL,
                                        entries, "FILE", &argc, &argv, &path, &status))
    return status;

  store = retract_cli_open_store (&status);
  if (store == NULL)
    return status;
  if (!retract_store_import_case (store, path, &id, &error))
    {
      /* The file named on the command line could not be read: the input
       * is wrong (exit 2), as `assess --case` has it. */
      if (error->domain == G_FILE_ERROR)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_BAD_INPUT;
        }
      return retract_cli_report_store_error (error, NULL);
    }

  g_print ("%s\n", id);
  return EXIT_OK;
}

/* ---- case ---- */

static const RetractCliCommand subcommands[] = {
  { "new", case_new, N_("Save a new case and print its id") },
  { "log", retract_cli_case_log, N_("Add an event to a case's timeline") },
  { "show", retract_cli_case_show, N_("Show a case: the assessment, the counts, the next step and the timeline") },
  { "delete", case_delete, N_("Delete a saved case") },
  { "export", case_export, N_("Write a saved case to a file") },
  { "import", case_import, N_("Add a case file to the saved cases") },
};

/* On standard output when asked for, on standard error as the answer to a
 * command line without a subcommand. */
static void
print_case_help (gboolean asked)
{
  void (*print) (const char *format, ...) = asked ? g_print : g_printerr;

  print (_("Usage:\n  %s SUBCOMMAND [OPTION…]\n\n"), g_get_prgname ());
  print ("%s\n", _("Subcommands:"));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    print ("  %-8s %s\n", subcommands[i].name, _(subcommands[i].summary));
  print ("\n%s\n", _("Run “SUBCOMMAND --help” for its options; “retract-cli cases” lists the "
                     "saved cases."));
}

int
retract_cli_case (int    argc,
                  char **argv)
{
  g_autofree char *shown = NULL;
  int status;

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_case_help (argc >= 2);
      return argc < 2 ? EXIT_BAD_INPUT : EXIT_OK;
    }

  if (retract_cli_run_command (subcommands, G_N_ELEMENTS (subcommands), "retract-cli case",
                               argc, argv, &status))
    return status;

  shown = retract_file_display_name (argv[1]);
  g_printerr (_("Unknown subcommand “%s”. Run “retract-cli case --help” for the list.\n"), shown);
  return EXIT_BAD_INPUT;
}
