/* SPDX-License-Identifier: GPL-3.0-or-later */

/* retract-cli: the core without a display, for scripting, support desks and tests.
 *
 * This file holds main(), the table of commands and what the commands share
 * (retract-cli-private.h); each command group has its own file:
 *   retract-cli-assess.c  assess
 *   retract-cli-letter.c  letter
 *   retract-cli-case.c    case new, log, show, delete, export, import; cases
 *   retract-cli-rules.c   update-rules, revert-rules, validate-rules, rules-info
 *   retract-cli-types.c   types
 *
 * Exit codes: 0 success, 2 bad input or invalid data, 1 internal error. */

#define G_LOG_DOMAIN "retract-cli"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "retract-assessment.h"
#include "retract-cli-private.h"
#include "retract-engine-ids.h"
#include "retract-error.h"
#include "retract-file.h"
#include "retract-rules-store.h"
#include "retract-time.h"
#include "retract-updater.h"

static gboolean
is_bad_input (const GError *error)
{
  return error->domain == RETRACT_INPUT_ERROR ||
         error->domain == RETRACT_DATA_ERROR ||
         error->domain == G_OPTION_ERROR ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE) ||
         g_error_matches (error, RETRACT_UPDATE_ERROR, RETRACT_UPDATE_ERROR_REJECTED);
}

int
retract_cli_report_error (const GError *error)
{
  g_printerr ("%s\n", error->message);
  return is_bad_input (error) ? EXIT_BAD_INPUT : EXIT_INTERNAL;
}

int
retract_cli_report_usage (GOptionContext *context,
                          const GError   *error)
{
  g_printerr ("%s\n", error->message);
  g_printerr (_("Run “%s --help” for the options.\n"), g_get_prgname ());
  (void) context;
  return EXIT_BAD_INPUT;
}

/**
 * retract_cli_parse_with_argument:
 * @parameter_string: what the command does, for --help, translated
 * @description: (nullable): more for --help, translated
 * @entries: (nullable): the command's options
 * @name: (nullable): the name of the one argument the command takes besides
 *   its options (ID, FILE), as --help and the messages call it; %NULL when
 *   it takes none
 * @argument: (out) (optional): that argument
 * @status: (out): the exit status when the command line is wrong
 *
 * Parses a command's options and its one argument, if it takes one.
 *
 * Returns: %FALSE when the command must exit with @status
 */
gboolean
retract_cli_parse_with_argument (const char          *parameter_string,
                                 const char          *description,
                                 const GOptionEntry  *entries,
                                 const char          *name,
                                 int                 *argc,
                                 char              ***argv,
                                 const char         **argument,
                                 int                 *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;
  int n_words = name != NULL ? 2 : 1;

  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (description != NULL)
    g_option_context_set_description (context, description);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = retract_cli_report_usage (context, error);
      return FALSE;
    }

  if (*argc < n_words)
    {
      /* Translators: %s is ID or FILE, the argument's name in the usage line */
      g_printerr (_("%s: not given\n"), name);
      g_printerr (_("Run “%s --help” for the options.\n"), g_get_prgname ());
      *status = EXIT_BAD_INPUT;
      return FALSE;
    }

  if (*argc > n_words)
    {
      g_autofree char *shown = retract_file_display_name ((*argv)[n_words]);

      /* Often a file name: shown escaped, like every name in a message. */
      g_printerr (_("Unexpected argument “%s”.\n"), shown);
      *status = EXIT_BAD_INPUT;
      return FALSE;
    }

  if (argument != NULL)
    *argument = name != NULL ? (*argv)[1] : NULL;
  return TRUE;
}

/**
 * retract_cli_parse:
 *
 * retract_cli_parse_with_argument() for a command that takes no argument
 * other than options.
 *
 * Returns: %FALSE when the command must exit with @status
 */
gboolean
retract_cli_parse (const char          *parameter_string,
                   const char          *description,
                   const GOptionEntry  *entries,
                   int                 *argc,
                   char              ***argv,
                   int                 *status)
{
  return retract_cli_parse_with_argument (parameter_string, description, entries, NULL,
                                          argc, argv, NULL, status);
}

/* The rules in use, the newest valid of the bundled and the downloaded
 * ones; what happened to a download that no longer verifies is told on
 * standard error, and given in @notice. */
RetractRuleset *
retract_cli_load_active (RetractRulesStore  *store,
                         char              **notice)
{
  g_autofree char *text = NULL;
  RetractRuleset *rules = retract_rules_store_load_active (store, &text);

  if (text != NULL)
    g_printerr ("%s\n", text);
  if (notice != NULL)
    *notice = g_steal_pointer (&text);
  return rules;
}

/* The rules to use: a file given with --rules, or else the rules in use. */
RetractRuleset *
retract_cli_load_rules (const char  *path,
                        GError     **error)
{
  g_autoptr(RetractRulesStore) store = NULL;

  if (path != NULL)
    return retract_ruleset_new_from_file (path, error);

  store = retract_rules_store_new_default ();
  return retract_cli_load_active (store, NULL);
}

/* @text parsed as the time given with @option; errors name the option. */
GDateTime *
retract_cli_parse_time (const char  *option,
                        const char  *text,
                        GError     **error)
{
  GDateTime *time = retract_time_parse (text, error);

  if (time == NULL)
    g_prefix_error (error, "%s: ", option);
  return time;
}

/* The time to assess at: --now's @text if given (a bad one is an error
 * naming the option), else the clock. */
GDateTime *
retract_cli_parse_now (const char  *text,
                       GError     **error)
{
  if (text == NULL)
    return retract_time_now ();

  return retract_cli_parse_time ("--now", text, error);
}

/* "2026-11-24 12:00 Beijing time (1 h 20 min left)", or how long ago it passed. */
char *
retract_cli_format_due (GDateTime *due,
                        GDateTime *now)
{
  g_autofree char *when = retract_time_format_human (due);
  GTimeSpan left = g_date_time_difference (due, now);
  g_autofree char *span = retract_time_format_span (left >= 0 ? left : -left);

  if (left >= 0)
    /* Translators: "2026-11-24 12:00 Beijing time (1 h 20 min left)" */
    return g_strdup_printf (_("%1$s Beijing time (%2$s left)"), when, span);
  else
    /* Translators: "2026-11-24 12:00 Beijing time (passed 3 h 5 min ago)" */
    return g_strdup_printf (_("%1$s Beijing time (passed %2$s ago)"), when, span);
}

/* A case from the answers given as options (assess, case new), checked by
 * the caller, started at @now (--now): its "this month" is @now's month. */
RetractCase *
retract_cli_new_case (const char         *platform,
                      const char         *type,
                      GDateTime          *filed_at,
                      const char         *mistake,
                      const char * const *scenarios,
                      gboolean            other_party_loss,
                      GDateTime          *now)
{
  RetractCase *kase = retract_case_new ();

  retract_case_set_created_at (kase, now);

  retract_case_set_platform (kase, platform);
  retract_case_set_complaint_type (kase, type);
  retract_case_set_filed_at (kase, filed_at);
  retract_case_set_mistake (kase, mistake);
  retract_case_set_scenarios (kase, scenarios);
  retract_case_set_other_party_loss (kase, other_party_loss);
  return kase;
}

/* --withdrawals-this-month: the requests made outside Retract this month.
 * Returns: %FALSE, with the message printed, for a value that is not a count. */
gboolean
retract_cli_set_withdrawals (RetractCase *kase,
                             const char  *text)
{
  gint64 count;

  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_signed (text, 10, 0, RETRACT_CASE_MAX_WITHDRAWALS, &count, NULL))
    {
      g_printerr (_("withdrawals_this_month: “%1$s” is not a whole number from 0 to "
                    "%2$d\n"), text, RETRACT_CASE_MAX_WITHDRAWALS);
      return FALSE;
    }

  retract_case_set_withdrawals_this_month (kase, (int) count);
  return TRUE;
}

static gboolean
choose_language (const char      *name,
                 RetractLanguage *language,
                 GError         **error)
{
  if (name == NULL)
    {
      *language = retract_language_default ();
      return TRUE;
    }

  if (!retract_language_from_string (name, language))
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_UNKNOWN_ID,
                   _("--lang: unknown language “%s”; valid values: zh_CN, zh_HK, en"), name);
      return FALSE;
    }

  /* Our own messages follow the chosen language too. */
  g_setenv ("LANGUAGE", retract_language_to_string (*language), TRUE);
  return TRUE;
}

/* --lang, then the rules. Returns: %FALSE when the command must exit with @status */
gboolean
retract_cli_rules_load (RetractCliRules *options,
                        int             *status)
{
  g_autoptr(GError) error = NULL;

  if (!choose_language (options->lang, &options->language, &error))
    {
      *status = retract_cli_report_error (error);
      return FALSE;
    }

  options->rules = retract_cli_load_rules (options->rules_path, &error);
  if (options->rules == NULL)
    {
      *status = retract_cli_report_error (error);
      return FALSE;
    }

  return TRUE;
}

/* retract_cli_rules_load(), then the time to work at: --now's, or the
 * clock. Returns: %FALSE when the command must exit with @status */
gboolean
retract_cli_rules_load_now (RetractCliRules *options,
                            int             *status)
{
  g_autoptr(GError) error = NULL;

  if (!retract_cli_rules_load (options, status))
    return FALSE;

  options->now = retract_cli_parse_now (options->now_text, &error);
  if (options->now == NULL)
    {
      *status = retract_cli_report_error (error);
      return FALSE;
    }

  return TRUE;
}

void
retract_cli_rules_clear (RetractCliRules *options)
{
  g_clear_pointer (&options->lang, g_free);
  g_clear_pointer (&options->rules_path, g_free);
  g_clear_pointer (&options->now_text, g_free);
  g_clear_object (&options->rules);
  g_clear_pointer (&options->now, g_date_time_unref);
}

/* The assessment's warnings, as assess and case show print them: the
 * repeated submission with the channel used again and when it was first used. */
void
retract_cli_print_warnings (RetractAssessment *assessment,
                            RetractLanguage    language)
{
  RetractRuleset *rules = retract_assessment_get_rules (assessment);
  GPtrArray *warnings = retract_assessment_get_warnings (assessment);
  const RetractCaseEvent *repeated = retract_assessment_get_repeated_submission (assessment);

  if (warnings->len > 0)
    {
      g_print ("\n%s\n", _("Warnings:"));
      for (guint i = 0; i < warnings->len; i++)
        {
          const RetractWarning *warning = g_ptr_array_index (warnings, i);
          const char *text = retract_text_get (&warning->text, language);

          if (repeated != NULL && g_str_equal (warning->id, RETRACT_WARNING_REPEAT_SUBMISSION))
            {
              const RetractChannel *channel = retract_ruleset_lookup_channel (rules,
                                                                              repeated->channel);
              g_autofree char *earlier = retract_time_format_human (repeated->at);

              /* Translators: a warning, then the channel used again and when it was
               * first used, e.g. "… (first through Ticket on the … website:
               * 2026-11-24 10:10 Beijing time)" */
              g_print (_("  ! %1$s (first through %2$s: %3$s Beijing time)\n"), text,
                       channel != NULL ? retract_text_get (&channel->name, language)
                                       : repeated->channel,
                       earlier);
            }
          else
            {
              g_print ("  ! %s\n", text);
            }
        }
    }
}

void
retract_cli_print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* "Label: value"; Chinese labels end in a full-width colon that needs no space. */
void
retract_cli_print_field (const char *indent,
                         const char *label,
                         const char *value)
{
  g_print ("%s%s%s%s\n", indent, label, g_str_has_suffix (label, "：") ? "" : " ", value);
}

/**
 * retract_cli_run_command:
 * @prefix: the program name before the command's, "retract-cli" or
 *   "retract-cli case"
 * @argv: the command line, argv[1] the command's name
 * @status: (out): what the command returned
 *
 * Runs the command of @commands that argv[1] names, as "@prefix NAME".
 *
 * Returns: %FALSE when no command has that name
 */
gboolean
retract_cli_run_command (const RetractCliCommand *commands,
                         gsize                    n_commands,
                         const char              *prefix,
                         int                      argc,
                         char                   **argv,
                         int                     *status)
{
  for (gsize i = 0; i < n_commands; i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("%s %s", prefix, commands[i].name);

        g_set_prgname (prgname);
        *status = commands[i].run (argc - 1, argv + 1);
        return TRUE;
      }

  return FALSE;
}

/* ---- main ---- */

static const RetractCliCommand commands[] = {
  { "assess", retract_cli_assess, N_("Can the complaint still be withdrawn, how and by when") },
  { "letter", retract_cli_letter, N_("Write the appeal letter, ticket text, phone script, "
                                     "appeal message or calendar reminders") },
  { "case", retract_cli_case, N_("Save a case, log what you did, show its next step "
                                 "(new, log, show, delete, export, import)") },
  { "cases", retract_cli_cases, N_("List the saved cases, what to do now first") },
  { "update-rules", retract_cli_update_rules, N_("Download newer rules over HTTPS") },
  { "revert-rules", retract_cli_revert_rules, N_("Go back to the rules that came with the app") },
  { "types", retract_cli_types, N_("List the complaint types") },
  { "validate-rules", retract_cli_validate_rules, N_("Check a rules dataset file strictly") },
  { "rules-info", retract_cli_rules_info, N_("Show the rules dataset in use") },
};

static void
print_help (void)
{
  g_print (_("Usage:\n  %s COMMAND [OPTION…]\n\n"), g_get_prgname ());
  g_print ("%s\n", _("Tells whether a mistaken complaint on WeChat, Alipay or Douyin can still be "
                     "withdrawn, through which channel, by when and with what materials."));
  g_print ("\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-16s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Run “COMMAND --help” for a command's options."));
  g_print ("\n%s\n", _("Examples:"));
  g_print ("  %s assess --type friend-report --filed-at \"2026-11-24 10:00\"\n", g_get_prgname ());
  g_print ("  %s assess --case case.json --now 2026-11-24T13:00:00+08:00 --json\n",
           g_get_prgname ());
  g_print ("  %s letter --case case.json --format pdf --output letter.pdf\n", g_get_prgname ());
  g_print ("  %s case new --platform wechat --type friend-report --filed-at \"2026-11-24 10:00\"\n",
           g_get_prgname ());
  g_print ("  %s case log ID --event submitted --channel web-ticket --at \"2026-11-24 10:30\"\n",
           g_get_prgname ());
  g_print ("  %s cases --json\n", g_get_prgname ());
  g_print ("\n%s\n", _("Times are Beijing time (UTC+8); a time without an offset is read as "
                       "Beijing time."));
  g_print ("\n%s\n", _("Rules in use: the newest valid of the bundled ones and the ones "
                       "update-rules downloaded (kept in ~/.local/share/io.github.retractapp.Retract)."));
  g_print ("\n%s\n", _("Exit status: 0 success; 2 bad input or invalid data (the message names "
                       "what and where); 1 internal error (update-rules: a network error)."));
}

/* What a command printed must have arrived: a full disk behind standard
 * output is a failure, never a silent exit 0. */
static int
finish_output (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved_errno = errno;

      /* Translators: a system message follows */
      g_printerr (_("Could not write standard output: %s"), g_strerror (saved_errno));
      g_printerr ("\n");
      return status == EXIT_OK ? EXIT_INTERNAL : status;
    }

  return status;
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("RETRACT_LOCALEDIR");
  g_autofree char *shown = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("retract-cli");

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help ();
      return argc < 2 ? EXIT_BAD_INPUT : EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("retract-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (retract_cli_run_command (commands, G_N_ELEMENTS (commands), "retract-cli", argc, argv,
                               &status))
    return finish_output (status);

  shown = retract_file_display_name (argv[1]);
  g_printerr (_("Unknown command “%s”. Run “retract-cli --help” for the list.\n"), shown);
  return EXIT_BAD_INPUT;
}

