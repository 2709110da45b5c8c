/* SPDX-License-Identifier: GPL-3.0-or-later */

/* retract-cli: the core without a display, for scripting, support desks and tests.
 *
 * Exit codes: 0 success, 2 bad input or invalid data, 1 internal error. */

#define G_LOG_DOMAIN "retract-cli"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "retract-assessment.h"
#include "retract-case.h"
#include "retract-error.h"
#include "retract-file.h"
#include "retract-letter-renderer.h"
#include "retract-reminders.h"
#include "retract-rules-store.h"
#include "retract-ruleset.h"
#include "retract-time.h"
#include "retract-updater.h"

enum {
  EXIT_OK = 0,
  EXIT_INTERNAL = 1,
  EXIT_BAD_INPUT = 2,
};

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  CommandFunc  run;
  const char  *summary;
} Command;

static gboolean
is_bad_input (const GError *error)
{
  return error->domain == RETRACT_INPUT_ERROR ||
         error->domain == RETRACT_DATA_ERROR ||
         error->domain == G_OPTION_ERROR ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE) ||
         g_error_matches (error, RETRACT_UPDATE_ERROR, RETRACT_UPDATE_ERROR_REJECTED);
}

static int
report_error (const GError *error)
{
  g_printerr ("%s\n", error->message);
  return is_bad_input (error) ? EXIT_BAD_INPUT : EXIT_INTERNAL;
}

static int
report_usage (GOptionContext *context,
              const GError   *error)
{
  g_printerr ("%s\n", error->message);
  g_printerr (_("Run “%s --help” for the options.\n"), g_get_prgname ());
  (void) context;
  return EXIT_BAD_INPUT;
}

static gboolean
parse_options (GOptionContext *context,
               int            *argc,
               char         ***argv,
               int            *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = report_usage (context, error);
      return FALSE;
    }

  if (*argc > 1)
    {
      g_printerr (_("Unexpected argument “%s”.\n"), (*argv)[1]);
      *status = EXIT_BAD_INPUT;
      return FALSE;
    }

  return TRUE;
}

/* The rules to use: a file given with --rules, or else the newest valid of
 * the bundled and the downloaded ones. */
static RetractRuleset *
load_rules (const char *path,
            GError    **error)
{
  g_autoptr(RetractRulesStore) store = NULL;
  g_autofree char *notice = NULL;
  RetractRuleset *rules;

  if (path != NULL)
    return retract_ruleset_new_from_file (path, error);

  store = retract_rules_store_new_default ();
  rules = retract_rules_store_load_active (store, &notice);
  if (notice != NULL)
    g_printerr ("%s\n", notice);

  return rules;
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
                   _("--lang: unknown language “%s”; valid values: zh_CN, en"), name);
      return FALSE;
    }

  /* Our own messages follow the chosen language too. */
  g_setenv ("LANGUAGE", *language == RETRACT_LANGUAGE_ZH_CN ? "zh_CN" : "en", TRUE);
  return TRUE;
}

static void
print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* ---- assess ---- */

/* "Label: value"; Chinese labels end in a full-width colon that needs no space. */
static void
print_field (const char *indent,
             const char *label,
             const char *value)
{
  g_print ("%s%s%s%s\n", indent, label, g_str_has_suffix (label, "：") ? "" : " ", value);
}

static char *
format_deadline (GDateTime *deadline,
                 GDateTime *now)
{
  g_autofree char *when = retract_time_format_human (deadline);
  GTimeSpan left = g_date_time_difference (deadline, now);

  if (left >= 0)
    {
      g_autofree char *span = retract_time_format_span (left);

      /* Translators: "2026-11-24 12:00 Beijing time (1 h 20 min left)" */
      return g_strdup_printf (_("%1$s Beijing time (%2$s left)"), when, span);
    }
  else
    {
      g_autofree char *span = retract_time_format_span (-left);

      /* Translators: "2026-11-24 12:00 Beijing time (passed 3 h 5 min ago)" */
      return g_strdup_printf (_("%1$s Beijing time (passed %2$s ago)"), when, span);
    }
}

static void
print_channel (const RetractChannel *channel,
               RetractLanguage       language)
{
  g_print ("  %s\n", retract_text_get (&channel->name, language));
  for (guint i = 0; i < channel->steps->len; i++)
    g_print ("    %u. %s\n", i + 1, retract_text_get (g_ptr_array_index (channel->steps, i),
                                                      language));
  if (channel->phone != NULL)
    print_field ("    ", _("Phone:"), channel->phone);
  if (channel->url != NULL)
    print_field ("    ", _("Website:"), channel->url);
  if (retract_text_is_set (&channel->response_text))
    g_print ("    %s\n", retract_text_get (&channel->response_text, language));
  if (retract_text_is_set (&channel->condition))
    g_print ("    %s\n", retract_text_get (&channel->condition, language));
}

static void
print_assessment (RetractAssessment *assessment,
                  RetractLanguage    language)
{
  RetractRuleset *rules = retract_assessment_get_rules (assessment);
  const RetractStageInfo *stage = retract_assessment_get_stage_info (assessment);
  GDateTime *now = retract_assessment_get_now (assessment);
  g_autofree char *filed = retract_time_format_human (retract_assessment_get_filed_at (assessment));
  GPtrArray *channels = retract_assessment_get_channels (assessment);
  GPtrArray *materials = retract_assessment_get_materials (assessment);
  GPtrArray *warnings = retract_assessment_get_warnings (assessment);
  GPtrArray *advice = retract_assessment_get_advice (assessment);
  g_autofree char *complaint = NULL;
  g_autofree char *stage_line = NULL;

  /* Translators: %1$s is the rules version, %2$s its publication date. */
  g_print (_("Rules %1$s (published %2$s). Not an official source.\n"),
           retract_ruleset_get_version (rules), retract_ruleset_get_published (rules));
  complaint = g_strdup_printf ("%s · %s",
                               retract_text_get (&retract_assessment_get_platform (assessment)->name,
                                                 language),
                               retract_text_get (&retract_assessment_get_complaint_type (assessment)->name,
                                                 language));
  print_field ("", _("Complaint:"), complaint);
  g_print (_("Filed: %s Beijing time\n"), filed);
  stage_line = g_strdup_printf ("%s — %s", retract_text_get (&stage->name, language),
                                retract_assessment_get_withdrawable (assessment)
                                ? _("can still be withdrawn") : _("can no longer be withdrawn"));
  print_field ("", _("Stage:"), stage_line);
  g_print ("  %s\n", retract_text_get (&stage->advice, language));

  if (retract_assessment_get_self_service_until (assessment) != NULL)
    {
      g_autofree char *text = format_deadline (retract_assessment_get_self_service_until (assessment),
                                               now);
      print_field ("", _("Self-service ends:"), text);
    }
  if (retract_assessment_get_window_closes_at (assessment) != NULL)
    {
      g_autofree char *text = format_deadline (retract_assessment_get_window_closes_at (assessment),
                                               now);
      print_field ("", _("Window closes:"), text);
    }
  if (retract_assessment_get_legal_deadline (assessment) != NULL)
    {
      g_autofree char *text = format_deadline (retract_assessment_get_legal_deadline (assessment),
                                               now);
      print_field ("", _("Legal procedure must start by:"), text);
    }

  if (channels->len > 0)
    {
      g_print ("\n%s\n", _("Recommended channel:"));
      print_channel (g_ptr_array_index (channels, 0), language);
    }
  if (channels->len > 1)
    {
      g_print ("\n%s\n", _("Other channels:"));
      for (guint i = 1; i < channels->len; i++)
        print_channel (g_ptr_array_index (channels, i), language);
    }

  if (materials->len > 0)
    {
      g_print ("\n%s\n", _("Materials to prepare:"));
      for (guint i = 0; i < materials->len; i++)
        {
          const RetractMaterial *material = g_ptr_array_index (materials, i);

          /* Translators: a material and its format requirement */
          g_print (_("  · %1$s: %2$s\n"), retract_text_get (&material->name, language),
                   retract_text_get (&material->format, language));
          for (guint j = 0; j < material->requirements->len; j++)
            g_print ("      - %s\n",
                     retract_text_get (g_ptr_array_index (material->requirements, j), language));
        }
    }

  if (warnings->len > 0)
    {
      g_print ("\n%s\n", _("Warnings:"));
      for (guint i = 0; i < warnings->len; i++)
        {
          const RetractWarning *warning = g_ptr_array_index (warnings, i);

          g_print ("  ! %s\n", retract_text_get (&warning->text, language));
        }
    }

  if (advice->len > 0)
    {
      g_print ("\n%s\n", _("What you can still do:"));
      for (guint i = 0; i < advice->len; i++)
        {
          const RetractNote *note = g_ptr_array_index (advice, i);

          g_print ("  · %s\n", retract_text_get (&note->text, language));
        }
    }
}

static const char *
infer_platform (RetractRuleset *rules,
                const char     *type,
                GError        **error)
{
  GPtrArray *types = retract_ruleset_get_types (rules);
  g_autoptr(GString) platforms = g_string_new (NULL);
  const char *found = NULL;
  guint count = 0;

  for (guint i = 0; i < types->len; i++)
    {
      const RetractComplaintType *candidate = g_ptr_array_index (types, i);

      if (!g_str_equal (candidate->id, type))
        continue;
      found = candidate->platform;
      if (count++ > 0)
        g_string_append (platforms, ", ");
      g_string_append (platforms, candidate->platform);
    }

  if (count > 1)
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_MISSING,
                   _("platform: type “%1$s” exists for %2$s; choose one with --platform"),
                   type, platforms->str);
      return NULL;
    }

  /* Unknown types are reported against WeChat, the default, with its valid list. */
  return found != NULL ? found : "wechat";
}

static int
command_assess (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = NULL;
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(RetractAssessment) assessment = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *case_path = NULL;
  g_autofree char *platform = NULL;
  g_autofree char *type = NULL;
  g_autofree char *filed_at = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *mistake = NULL;
  g_autofree char *withdrawals = NULL;
  g_autofree char *rules_path = NULL;
  g_autofree char *lang = NULL;
  g_auto(GStrv) scenarios = NULL;
  gboolean other_party_loss = FALSE;
  gboolean json = FALSE;
  RetractLanguage language;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_FILENAME, &case_path,
      N_("Read the answers from a saved case file"), N_("FILE") },
    { "platform", 0, 0, G_OPTION_ARG_STRING, &platform,
      N_("wechat, alipay or douyin (default: inferred from the type)"), N_("PLATFORM") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type,
      N_("Complaint type, e.g. friend-report (see “types”)"), N_("TYPE") },
    { "filed-at", 0, 0, G_OPTION_ARG_STRING, &filed_at,
      N_("When the complaint was filed, ISO 8601; without an offset, Beijing time"), N_("TIME") },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text,
      N_("Assess at this time instead of the current time"), N_("TIME") },
    { "scenario", 0, 0, G_OPTION_ARG_STRING_ARRAY, &scenarios,
      N_("enterprise, cross-border, minor or judicial; may be repeated"), N_("SCENARIO") },
    { "mistake", 0, 0, G_OPTION_ARG_STRING, &mistake,
      N_("misoperation (default) or misstatement"), N_("MISTAKE") },
    { "withdrawals-this-month", 0, 0, G_OPTION_ARG_STRING, &withdrawals,
      N_("Withdrawal requests already made this month"), N_("N") },
    { "other-party-loss", 0, 0, G_OPTION_ARG_NONE, &other_party_loss,
      N_("The other party has suffered a real loss"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("zh_CN or en (default: the locale's)"),
      N_("LANG") },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path,
      N_("Use this rules dataset instead of the bundled one"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("— can this complaint still be withdrawn?"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Either give --case FILE, or the answers: --type and --filed-at at least.\n"
      "Times look like 2026-11-24T10:00:00+08:00 or \"2026-11-24 10:00\" (Beijing time)."));

  if (!parse_options (context, &argc, &argv, &status))
    return status;

  if (!choose_language (lang, &language, &error))
    return report_error (error);

  rules = load_rules (rules_path, &error);
  if (rules == NULL)
    return report_error (error);

  if (now_text != NULL)
    {
      now = retract_time_parse (now_text, &error);
      if (now == NULL)
        {
          g_prefix_error (&error, "--now: ");
          return report_error (error);
        }
    }
  else
    {
      now = retract_time_now ();
    }

  if (case_path != NULL)
    {
      if (platform || type || filed_at || scenarios || mistake || withdrawals || other_party_loss)
        {
          g_printerr (_("--case cannot be combined with answer options such as --type.\n"));
          return EXIT_BAD_INPUT;
        }

      kase = retract_case_new_from_file (case_path, &error);
      if (kase == NULL)
        return report_error (error);
    }
  else
    {
      g_autoptr(GDateTime) filed = NULL;

      if (type == NULL)
        {
          g_autofree char *valid = retract_ruleset_list_type_ids (rules, NULL);

          g_printerr (_("type: not given; use --type with one of: %s (or --case FILE)\n"), valid);
          return EXIT_BAD_INPUT;
        }
      if (filed_at == NULL)
        {
          g_printerr (_("filed_at: not given; use --filed-at TIME\n"));
          return EXIT_BAD_INPUT;
        }

      filed = retract_time_parse (filed_at, &error);
      if (filed == NULL)
        {
          g_prefix_error (&error, "filed_at: ");
          return report_error (error);
        }

      if (platform == NULL)
        {
          const char *inferred = infer_platform (rules, type, &error);

          if (inferred == NULL)
            return report_error (error);
          platform = g_strdup (inferred);
        }

      for (guint i = 0; scenarios != NULL && scenarios[i] != NULL; i++)
        if (*scenarios[i] == '\0')
          {
            g_autofree char *valid = retract_ruleset_list_ids (retract_ruleset_get_scenarios (rules));

            g_printerr (_("scenarios: an empty scenario was given; valid values: %s\n"), valid);
            return EXIT_BAD_INPUT;
          }

      kase = retract_case_new ();
      retract_case_set_platform (kase, platform);
      retract_case_set_complaint_type (kase, type);
      retract_case_set_filed_at (kase, filed);
      retract_case_set_mistake (kase, mistake);
      retract_case_set_scenarios (kase, (const char * const *) scenarios);
      retract_case_set_other_party_loss (kase, other_party_loss);

      if (withdrawals != NULL)
        {
          gint64 count;

          if (!g_ascii_string_to_signed (withdrawals, 10, 0, RETRACT_CASE_MAX_WITHDRAWALS, &count,
                                         NULL))
            {
              g_printerr (_("withdrawals_this_month: “%1$s” is not a whole number from 0 to "
                            "%2$d\n"), withdrawals, RETRACT_CASE_MAX_WITHDRAWALS);
              return EXIT_BAD_INPUT;
            }
          retract_case_set_withdrawals_this_month (kase, (int) count);
        }
    }

  assessment = retract_assessment_new (rules, kase, now, &error);
  if (assessment == NULL)
    return report_error (error);

  if (case_path != NULL)
    {
      GDate today;

      retract_time_get_date (now, &today);
      if (!retract_case_validate_details (kase, &today, &error))
        return report_error (error);
    }

  if (json)
    {
      g_autoptr(JsonNode) root = retract_assessment_to_json (assessment, language);

      print_json (root);
    }
  else
    {
      print_assessment (assessment, language);
    }

  return EXIT_OK;
}

/* ---- letter ---- */

static const char * const letter_formats[] = {
  "pdf", "txt", "ticket", "phone", "appeal", "ics", NULL
};

static GBytes *
build_document (RetractAssessment *assessment,
                RetractCase       *kase,
                const char        *format,
                RetractLanguage    language,
                RetractLetterFlags flags,
                GDateTime         *created,
                GError           **error)
{
  g_autoptr(RetractLetter) letter = NULL;
  char *text = NULL;

  /* Reminders carry deadlines only, so they need no letter details. */
  if (g_str_equal (format, "ics"))
    {
      text = retract_reminders_build_ics (assessment, created, language, error);
      return text != NULL ? g_bytes_new_take (text, strlen (text)) : NULL;
    }

  letter = retract_letter_new (assessment, kase, language, flags, error);
  if (letter == NULL)
    return NULL;

  if (g_str_equal (format, "pdf"))
    {
      g_autoptr(RetractLetterRenderer) renderer =
        retract_letter_renderer_new (letter, RETRACT_A4_WIDTH, RETRACT_A4_HEIGHT);

      return retract_letter_renderer_render_pdf (renderer, created, FALSE, error);
    }

  if (g_str_equal (format, "txt"))
    text = retract_letter_to_text (letter);
  else if (g_str_equal (format, "ticket"))
    text = retract_letter_build_ticket (letter, NULL);
  else if (g_str_equal (format, "phone"))
    text = retract_letter_build_phone_script (letter);
  else
    {
      char *message = retract_letter_build_appeal_message (letter);

      text = g_strconcat (message, "\n", NULL);
      g_free (message);
    }

  return g_bytes_new_take (text, strlen (text));
}

static int
command_letter (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = NULL;
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(RetractAssessment) assessment = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GBytes) document = NULL;
  g_autofree char *case_path = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *rules_path = NULL;
  gboolean show_full_id = FALSE;
  RetractLanguage language;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_FILENAME, &case_path, N_("The saved case file"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("pdf, txt, ticket, phone, appeal or ics"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write it; “-” for standard output"), N_("FILE") },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text,
      N_("Assess and date the document at this time"), N_("TIME") },
    { "show-full-id", 0, 0, G_OPTION_ARG_NONE, &show_full_id,
      N_("Print the ID number in full instead of masked"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("zh_CN (default, the one to send) or en (a copy to read)"), N_("LANG") },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path,
      N_("Use this rules dataset instead of the bundled one"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("— write the appeal documents for a case"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;

  if (case_path == NULL || format == NULL || output == NULL)
    {
      g_printerr (_("letter needs --case FILE, --format FORMAT and --output FILE.\n"));
      return EXIT_BAD_INPUT;
    }
  if (!g_strv_contains (letter_formats, format))
    {
      g_printerr (_("--format: unknown format “%s”; valid values: pdf, txt, ticket, phone, "
                    "appeal, ics\n"), format);
      return EXIT_BAD_INPUT;
    }

  /* The letter to send is Chinese whatever the locale; English is a copy to read. */
  language = RETRACT_LANGUAGE_ZH_CN;
  if (lang != NULL && !retract_language_from_string (lang, &language))
    {
      g_printerr (_("--lang: unknown language “%s”; valid values: zh_CN, en\n"), lang);
      return EXIT_BAD_INPUT;
    }

  rules = load_rules (rules_path, &error);
  if (rules == NULL)
    return report_error (error);

  now = now_text != NULL ? retract_time_parse (now_text, &error) : retract_time_now ();
  if (now == NULL)
    {
      g_prefix_error (&error, "--now: ");
      return report_error (error);
    }

  kase = retract_case_new_from_file (case_path, &error);
  if (kase == NULL)
    return report_error (error);

  assessment = retract_assessment_new (rules, kase, now, &error);
  if (assessment == NULL)
    return report_error (error);

  document = build_document (assessment, kase, format, language,
                             show_full_id ? RETRACT_LETTER_SHOW_FULL_ID : 0, now, &error);
  if (document == NULL)
    return report_error (error);

  /* Every write is checked: a full disk is a failure, not a short file. */
  if (g_str_equal (output, "-"))
    {
      gsize length;
      const char *data = g_bytes_get_data (document, &length);

      if (fflush (stdout) != 0 ||
          !retract_file_write_fd (STDOUT_FILENO, _("standard output"), data, length, &error))
        {
          if (error == NULL)
            g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno),
                         /* Translators: a system message follows */
                         _("Could not write standard output: %s"), g_strerror (errno));
          return report_error (error);
        }
      return EXIT_OK;
    }

  /* Only a regular file is replaced: a device, a FIFO or a folder is
   * refused (exit 2); a link to a regular file replaces that file. */
  if (!retract_write_file_atomically (output, document, &error))
    return report_error (error);

  if (g_str_equal (format, "appeal"))
    g_printerr (_("Send it to the “WeChat Team” account; at most 2 a day.\n"));

  return EXIT_OK;
}

/* ---- update-rules, revert-rules ---- */

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
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      return g_settings_get_string (settings, "rules-url");
    }

  return g_strdup (RETRACT_DEFAULT_RULES_URL);
}

static int
command_update_rules (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RetractRulesStore) store = retract_rules_store_new_default ();
  g_autoptr(RetractRuleset) active = NULL;
  g_autoptr(RetractUpdater) updater = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *url = NULL;
  g_autofree char *notice = NULL;
  gboolean json = FALSE;
  int timeout = 0;
  int status = EXIT_OK;
  UpdateRun run = { loop, NULL, RETRACT_UPDATE_UP_TO_DATE, NULL };
  const GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url,
      N_("Where to download from (default: the rules-url setting)"), N_("URL") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Give up after this many seconds"),
      N_("SECONDS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— download newer rules, if there are any"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;

  if (url == NULL)
    url = configured_rules_url ();

  active = retract_rules_store_load_active (store, &notice);
  if (notice != NULL)
    g_printerr ("%s\n", notice);

  updater = retract_updater_new (store, active);
  if (timeout > 0)
    retract_updater_set_timeout (updater, (guint) timeout);
  retract_updater_check_async (updater, url, NULL, on_update_done, &run);
  g_main_loop_run (loop);

  if (run.rules == NULL)
    {
      int code = g_error_matches (run.error, RETRACT_UPDATE_ERROR, RETRACT_UPDATE_ERROR_REJECTED)
                 ? EXIT_BAD_INPUT : EXIT_INTERNAL;

      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          g_autoptr(JsonNode) root = NULL;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "result");
          json_builder_add_string_value (builder, code == EXIT_BAD_INPUT ? "rejected" : "error");
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, run.error->message);
          json_builder_set_member_name (builder, "version");
          json_builder_add_string_value (builder, retract_ruleset_get_version (active));
          /* What kind of failure, for the app to say it in plain words. */
          json_builder_set_member_name (builder, "problem");
          json_builder_add_string_value (
            builder, retract_update_problem_to_id (retract_update_error_get_problem (run.error)));
          json_builder_end_object (builder);
          root = json_builder_get_root (builder);
          print_json (root);
        }
      /* Translators: %s says why */
      g_printerr (_("Could not update the rules: %s\n"), run.error->message);
      g_clear_error (&run.error);
      return code;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "result");
      json_builder_add_string_value (builder, run.outcome == RETRACT_UPDATE_INSTALLED
                                              ? "updated" : "up-to-date");
      json_builder_set_member_name (builder, "version");
      json_builder_add_string_value (builder, retract_ruleset_get_version (run.rules));
      json_builder_set_member_name (builder, "previous_version");
      json_builder_add_string_value (builder, retract_ruleset_get_version (active));
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, retract_ruleset_get_origin (run.rules));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      print_json (root);
    }
  else if (run.outcome == RETRACT_UPDATE_INSTALLED)
    g_print (_("Rules updated to %s\n"), retract_ruleset_get_version (run.rules));
  else
    g_print (_("Rules are up to date (%s)\n"), retract_ruleset_get_version (run.rules));

  g_clear_object (&run.rules);
  return EXIT_OK;
}

static int
command_revert_rules (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RetractRulesStore) store = retract_rules_store_new_default ();
  g_autoptr(RetractRuleset) rules = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  context = g_option_context_new (_("— go back to the rules that came with the app"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;

  if (!retract_rules_store_revert (store, &error))
    return report_error (error);

  rules = retract_rules_store_load_active (store, NULL);
  g_print (_("Using the bundled rules %s\n"), retract_ruleset_get_version (rules));
  return EXIT_OK;
}

/* ---- types ---- */

static int
command_types (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *platform = NULL;
  g_autofree char *rules_path = NULL;
  g_autofree char *lang = NULL;
  gboolean json = FALSE;
  RetractLanguage language;
  GPtrArray *types;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "platform", 0, 0, G_OPTION_ARG_STRING, &platform, N_("Only this platform's types"),
      N_("PLATFORM") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("zh_CN or en (default: the locale's)"),
      N_("LANG") },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path,
      N_("Use this rules dataset instead of the bundled one"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("— list the complaint types"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;

  if (!choose_language (lang, &language, &error))
    return report_error (error);

  rules = load_rules (rules_path, &error);
  if (rules == NULL)
    return report_error (error);

  if (platform != NULL && retract_ruleset_lookup_platform (rules, platform) == NULL)
    {
      g_autofree char *valid = retract_ruleset_list_ids (retract_ruleset_get_platforms (rules));

      g_printerr (_("platform: unknown platform “%1$s”; valid values: %2$s\n"), platform, valid);
      return EXIT_BAD_INPUT;
    }

  types = retract_ruleset_get_types (rules);
  builder = json_builder_new ();
  json_builder_begin_array (builder);

  for (guint i = 0; i < types->len; i++)
    {
      const RetractComplaintType *type = g_ptr_array_index (types, i);

      if (platform != NULL && !g_str_equal (type->platform, platform))
        continue;

      if (!json)
        {
          g_print ("%-8s %-26s %s%s%s\n", type->platform, type->id,
                   retract_text_get (&type->name, language),
                   type->success_rating ? "  " : "",
                   type->success_rating ? type->success_rating : "");
          g_print ("%-35s %s\n", "", retract_text_get (&type->description, language));
          if (type->withdrawable)
            print_field ("                                    ", _("Window:"),
                         retract_text_get (&type->window_text, language));
          else
            g_print ("%-35s %s\n", "", _("Cannot be withdrawn once filed."));
          continue;
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "platform");
      json_builder_add_string_value (builder, type->platform);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, type->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, retract_text_get (&type->name, language));
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, retract_text_get (&type->description, language));
      json_builder_set_member_name (builder, "path");
      if (retract_text_is_set (&type->path))
        json_builder_add_string_value (builder, retract_text_get (&type->path, language));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "withdrawable");
      json_builder_add_boolean_value (builder, type->withdrawable);
      json_builder_set_member_name (builder, "window");
      if (type->window_unit == RETRACT_WINDOW_NONE)
        {
          json_builder_add_null_value (builder);
        }
      else
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, type->window_unit == RETRACT_WINDOW_HOURS
                                                 ? "hours" : "working_days");
          json_builder_add_int_value (builder, type->window_amount);
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, retract_text_get (&type->window_text, language));
          json_builder_end_object (builder);
        }
      json_builder_set_member_name (builder, "success_rating");
      if (type->success_rating != NULL)
        json_builder_add_string_value (builder, type->success_rating);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "success_stars");
      if (type->success_stars >= 0)
        json_builder_add_int_value (builder, type->success_stars);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "section");
      json_builder_add_int_value (builder, type->section);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);

      print_json (root);
    }

  return EXIT_OK;
}

/* ---- validate-rules ---- */

static int
command_validate_rules (int    argc,
                        char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = NULL;
  int status = EXIT_OK;

  context = g_option_context_new (_("FILE — check a rules dataset strictly"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return report_usage (context, error);

  if (argc != 2)
    {
      g_printerr (_("validate-rules takes exactly one FILE.\n"));
      return EXIT_BAD_INPUT;
    }

  rules = retract_ruleset_new_from_file (argv[1], &error);
  if (rules == NULL)
    return report_error (error);

  /* Translators: "rules.json: valid, version 2026.11.1, 6 complaint types" */
  g_print (_("%1$s: valid, version %2$s, %3$u complaint types\n"), argv[1],
           retract_ruleset_get_version (rules), retract_ruleset_get_types (rules)->len);
  return status;
}

/* ---- rules-info ---- */

static int
command_rules_info (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = NULL;
  g_autofree char *rules_path = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *location = NULL;
  gboolean json = FALSE;
  RetractLanguage language;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("zh_CN or en (default: the locale's)"),
      N_("LANG") },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path,
      N_("Describe this rules dataset instead of the one in use"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("— which rules dataset is in use"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;

  if (!choose_language (lang, &language, &error))
    return report_error (error);

  rules = load_rules (rules_path, &error);
  if (rules == NULL)
    return report_error (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "version");
      json_builder_add_string_value (builder, retract_ruleset_get_version (rules));
      json_builder_set_member_name (builder, "published");
      json_builder_add_string_value (builder, retract_ruleset_get_published (rules));
      json_builder_set_member_name (builder, "schema");
      json_builder_add_int_value (builder, RETRACT_RULESET_SCHEMA);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, retract_ruleset_get_origin (rules));
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, retract_ruleset_get_location (rules));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder,
                                     retract_text_get (retract_ruleset_get_title (rules), language));
      json_builder_set_member_name (builder, "disclaimer");
      json_builder_add_string_value (builder,
                                     retract_text_get (retract_ruleset_get_disclaimer (rules),
                                                       language));
      json_builder_set_member_name (builder, "timezone");
      json_builder_add_string_value (builder, "+08:00");
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      print_json (root);
      return EXIT_OK;
    }

  location = g_strdup_printf ("%s (%s)", retract_ruleset_get_location (rules),
                              retract_ruleset_get_origin (rules));
  print_field ("", _("Version:"), retract_ruleset_get_version (rules));
  print_field ("", _("Published:"), retract_ruleset_get_published (rules));
  print_field ("", _("Source:"), retract_text_get (retract_ruleset_get_title (rules), language));
  print_field ("", _("Loaded from:"), location);
  g_print ("%s\n", retract_text_get (retract_ruleset_get_disclaimer (rules), language));
  return EXIT_OK;
}

/* ---- main ---- */

static const Command commands[] = {
  { "assess", command_assess, N_("Can the complaint still be withdrawn, how and by when") },
  { "letter", command_letter, N_("Write the appeal letter, ticket text, phone script, appeal "
                                 "message or calendar reminders") },
  { "update-rules", command_update_rules, N_("Download newer rules over HTTPS") },
  { "revert-rules", command_revert_rules, N_("Go back to the rules that came with the app") },
  { "types", command_types, N_("List the complaint types") },
  { "validate-rules", command_validate_rules, N_("Check a rules dataset file strictly") },
  { "rules-info", command_rules_info, N_("Show the rules dataset in use") },
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

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("retract-cli %s", commands[i].name);

          g_set_prgname (prgname);
          status = commands[i].run (argc - 1, argv + 1);
          return finish_output (status);
        }
    }

  g_printerr (_("Unknown command “%s”. Run “retract-cli --help” for the list.\n"), argv[1]);
  return EXIT_BAD_INPUT;
}
