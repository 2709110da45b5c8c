/* SPDX-License-Identifier: GPL-3.0-or-later */

/* retract-cli update-rules, revert-rules, validate-rules, rules-info: the
 * rules dataset, where it comes from and which one is in use. */

#define G_LOG_DOMAIN "retract-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-cli-private.h"
#include "retract-file.h"
#include "retract-json-views.h"
#include "retract-rules-store.h"
#include "retract-settings.h"
#include "retract-time.h"
#include "retract-updater.h"

typedef struct
{
  GMainLoop            *loop;
  RetractRuleset       *rules;
  RetractUpdateOutcome  outcome;
  GError               *error;
} UpdateRun;

static void
on_update_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  UpdateRun *run = data;

  run->rules = retract_updater_check_finish (RETRACT_UPDATER (source), result, &run->outcome,
                                             &run->error);
  g_main_loop_quit (run->loop);
}

static char *
configured_rules_url (void)
{
  g_autoptr(GSettings) settings = retract_settings_new ();

  if (settings != NULL)
    return g_settings_get_string (settings, "rules-url");

  return g_strdup (RETRACT_DEFAULT_RULES_URL);
}

static void
print_answer (const RetractUpdateAnswer *answer)
{
  g_autoptr(JsonNode) root = retract_update_answer_to_json (answer);

  retract_cli_print_json (root);
}

int
retract_cli_update_rules (int    argc,
                          char **argv)
{
  g_autoptr(RetractRulesStore) store = retract_rules_store_new_default ();
  g_autoptr(RetractRuleset) active = NULL;
  g_autoptr(RetractUpdater) updater = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *url = NULL;
  g_autofree char *file = NULL;
  gboolean json = FALSE;
  int timeout = 0;
  int status = EXIT_OK;
  UpdateRun run = { loop, NULL, RETRACT_UPDATE_UP_TO_DATE, NULL };
  const GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url,
      N_("Where to download from (default: the rules-url setting)"), N_("URL") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Give up after this many seconds"),
      N_("SECONDS") },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file,
      N_("Import rules from this file instead (its .minisig beside it, and keys.json with "
         "keys.json.minisig unless the stored key list names the key)"), N_("PATH") },
    RETRACT_CLI_JSON_OPTION (json),
    { NULL }
  };

  if (!retract_cli_parse (_("— download newer rules, if there are any"), NULL, entries,
                          &argc, &argv, &status))
    return status;

  if (file != NULL && url != NULL)
    {
      g_printerr (_("--file and --url cannot be used together.\n"));
      return EXIT_BAD_INPUT;
    }
  if (url == NULL && file == NULL)
    url = configured_rules_url ();

  active = retract_cli_load_active (store, NULL);

  updater = retract_updater_new (store, active);
  if (file != NULL)
    {
      /* The same checks and install as a download, from the file. */
      run.rules = retract_updater_import_file (updater, file, &run.outcome, &run.error);
    }
  else
    {
      if (timeout > 0)
        retract_updater_set_timeout (updater, (guint) timeout);
      retract_updater_check_async (updater, url, NULL, on_update_done, &run);
      g_main_loop_run (loop);
    }

  if (run.rules == NULL)
    {
      int code = g_error_matches (run.error, RETRACT_UPDATE_ERROR, RETRACT_UPDATE_ERROR_REJECTED)
                 ? EXIT_BAD_INPUT : EXIT_INTERNAL;

      if (json)
        {
          g_auto(RetractUpdateAnswer) answer = {
            .result = code == EXIT_BAD_INPUT ? RETRACT_UPDATE_RESULT_REJECTED
                                             : RETRACT_UPDATE_RESULT_ERROR,
            .message = g_strdup (run.error->message),
            /* The version the message names: the one in use when it was decided. */
            .version = g_strdup (retract_update_error_get_version (run.error) != NULL
                                 ? retract_update_error_get_version (run.error)
                                 : retract_ruleset_get_version (active)),
            .problem = retract_update_error_get_problem (run.error),
          };

          print_answer (&answer);
        }
      /* Translators: %s says why */
      g_printerr (_("Could not update the rules: %s\n"), run.error->message);
      g_clear_error (&run.error);
      return code;
    }

  if (json)
    {
      g_auto(RetractUpdateAnswer) answer = {
        .result = run.outcome == RETRACT_UPDATE_INSTALLED ? RETRACT_UPDATE_RESULT_UPDATED
                                                          : RETRACT_UPDATE_RESULT_UP_TO_DATE,
        .version = g_strdup (retract_ruleset_get_version (run.rules)),
        .previous_version = g_strdup (retract_ruleset_get_version (active)),
        .source = g_strdup (
          retract_rules_origin_to_string (retract_ruleset_get_origin (run.rules))),
      };

      print_answer (&answer);
    }
  else if (run.outcome == RETRACT_UPDATE_INSTALLED)
    g_print (_("Rules updated to %s\n"), retract_ruleset_get_version (run.rules));
  else
    g_print (_("Rules are up to date (%s)\n"), retract_ruleset_get_version (run.rules));

  g_clear_object (&run.rules);
  return EXIT_OK;
}

int
retract_cli_revert_rules (int    argc,
                          char **argv)
{
  g_autoptr(RetractRulesStore) store = retract_rules_store_new_default ();
  g_autoptr(RetractRuleset) rules = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  if (!retract_cli_parse (_("— go back to the rules that came with the app"), NULL, NULL,
                          &argc, &argv, &status))
    return status;

  if (!retract_rules_store_revert (store, &error))
    return retract_cli_report_error (error);

  rules = retract_rules_store_load_active (store, NULL);
  g_print (_("Using the bundled rules %s\n"), retract_ruleset_get_version (rules));
  return EXIT_OK;
}

/* ---- validate-rules ---- */

int
retract_cli_validate_rules (int    argc,
                            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = NULL;
  g_autofree char *shown = NULL;
  int status = EXIT_OK;
  guint n_types;

  context = g_option_context_new (_("FILE — check a rules dataset strictly"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return retract_cli_report_usage (context, error);

  if (argc != 2)
    {
      g_printerr (_("validate-rules takes exactly one FILE.\n"));
      return EXIT_BAD_INPUT;
    }

  rules = retract_ruleset_new_from_file (argv[1], &error);
  if (rules == NULL)
    return retract_cli_report_error (error);

  n_types = retract_ruleset_get_types (rules)->len;
  shown = retract_file_display_name (argv[1]);
  /* Translators: "rules.json: valid, version 2026.11.1, 6 complaint types" */
  g_print (ngettext ("%1$s: valid, version %2$s, %3$u complaint type\n",
                     "%1$s: valid, version %2$s, %3$u complaint types\n", n_types),
           shown, retract_ruleset_get_version (rules), n_types);
  return status;
}

/* ---- rules-info ---- */

int
retract_cli_rules_info (int    argc,
                        char **argv)
{
  g_auto(RetractCliRules) options = { 0 };
  g_autofree char *location = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *key = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *expiry = NULL;
  g_autoptr(GDateTime) now = NULL;
  gboolean json = FALSE;
  RetractRuleset *rules;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    RETRACT_CLI_JSON_OPTION (json),
    RETRACT_CLI_LANG_OPTION (options),
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &options.rules_path,
      N_("Describe this rules dataset instead of the one in use"), N_("FILE") },
    { NULL }
  };

  if (!retract_cli_parse (_("— which rules dataset is in use"), NULL, entries, &argc, &argv,
                          &status))
    return status;

  /* The rules in use are verified here first, so that what happened to a
   * download that no longer verifies is told (on stderr, and in the JSON). */
  if (options.rules_path == NULL)
    {
      g_autoptr(RetractRulesStore) store = retract_rules_store_new_default ();
      g_autoptr(RetractRuleset) in_use = retract_cli_load_active (store, &notice);

      if (retract_ruleset_get_origin (in_use) == RETRACT_RULES_ORIGIN_DOWNLOADED)
        key = retract_rules_store_get_key_id (store);
    }

  if (!retract_cli_rules_load (&options, &status))
    return status;
  rules = options.rules;
  issued = retract_time_format_iso (retract_ruleset_get_issued (rules));
  expires = retract_time_format_iso (retract_ruleset_get_expires (rules));
  now = retract_time_now ();
  /* Expired rules keep working; they say how old they are. */
  expiry = retract_ruleset_describe_expiry (rules, now);
  if (expiry != NULL)
    g_printerr ("%s\n", expiry);

  if (json)
    {
      g_autoptr(JsonNode) root = retract_rules_info_to_json (rules, options.language);
      JsonObject *object = json_node_get_object (root);

      json_object_set_string_member (object, "issued", issued);
      json_object_set_string_member (object, "expires", expires);
      /* The release key that signed a download; null for the bundled rules,
       * which are trusted as the app is. A NULL string is a null member. */
      json_object_set_string_member (object, "key", key);
      json_object_set_string_member (object, "notice", notice);
      json_object_set_boolean_member (object, "expired", expiry != NULL);
      json_object_set_string_member (object, "expiry_notice", expiry);
      retract_cli_print_json (root);
      return EXIT_OK;
    }

  location = g_strdup_printf ("%s (%s)", retract_ruleset_get_location (rules),
                              retract_rules_origin_to_string (retract_ruleset_get_origin (rules)));
  retract_cli_print_field ("", _("Version:"), retract_ruleset_get_version (rules));
  retract_cli_print_field ("", _("Published:"), retract_ruleset_get_published (rules));
  retract_cli_print_field ("", _("Issued:"), issued);
  retract_cli_print_field ("", _("Expires:"), expires);
  retract_cli_print_field ("", _("Signed by:"),
                           key != NULL ? key : _("the app (bundled rules)"));
  retract_cli_print_field ("", _("Source:"),
                           retract_text_get (retract_ruleset_get_title (rules),
                                             options.language));
  retract_cli_print_field ("", _("Loaded from:"), location);
  g_print ("%s\n", retract_text_get (retract_ruleset_get_disclaimer (rules),
                                     options.language));
  return EXIT_OK;
}

