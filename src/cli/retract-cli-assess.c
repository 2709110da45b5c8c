/* SPDX-License-Identifier: GPL-3.0-or-later */

/* retract-cli assess: can this complaint still be withdrawn, how and by when. */

#define G_LOG_DOMAIN "retract-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-assessment.h"
#include "retract-case-heading.h"
#include "retract-cli-private.h"
#include "retract-engine-ids.h"
#include "retract-error.h"
#include "retract-json-views.h"
#include "retract-time.h"

/* "Label: <deadline> Beijing time (… left)", when there is a deadline. */
static void
print_deadline (const char *label,
                GDateTime  *deadline,
                GDateTime  *now)
{
  g_autofree char *text = NULL;

  if (deadline == NULL)
    return;

  text = retract_cli_format_due (deadline, now);
  retract_cli_print_field ("", label, text);
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
    retract_cli_print_field ("    ", _("Phone:"), channel->phone);
  if (channel->url != NULL)
    retract_cli_print_field ("    ", _("Website:"), channel->url);
  if (retract_text_is_set (&channel->response_text))
    g_print ("    %s\n", retract_text_get (&channel->response_text, language));
  if (retract_text_is_set (&channel->condition))
    g_print ("    %s\n", retract_text_get (&channel->condition, language));
}

static void
print_assessment (RetractAssessment *assessment,
                  RetractCase       *kase,
                  RetractLanguage    language)
{
  RetractRuleset *rules = retract_assessment_get_rules (assessment);
  const RetractStageInfo *stage = retract_assessment_get_stage_info (assessment);
  GDateTime *now = retract_assessment_get_now (assessment);
  g_autofree char *filed = retract_time_format_human (retract_assessment_get_filed_at (assessment));
  GPtrArray *channels = retract_assessment_get_channels (assessment);
  const RetractChannel *recommended = retract_assessment_get_recommended_channel (assessment);
  GPtrArray *materials = retract_assessment_get_materials (assessment);
  GPtrArray *advice = retract_assessment_get_advice (assessment);
  g_autofree char *complaint = NULL;
  g_autofree char *stage_line = NULL;

  /* Translators: %1$s is the rules version, %2$s its publication date. */
  g_print (_("Rules %1$s (published %2$s). Not an official source.\n"),
           retract_ruleset_get_version (rules), retract_ruleset_get_published (rules));
  complaint = retract_case_dup_heading (kase, rules, language);
  retract_cli_print_field ("", _("Complaint:"), complaint);
  g_print (_("Filed: %s Beijing time\n"), filed);
  stage_line = g_strdup_printf ("%s — %s", retract_text_get (&stage->name, language),
                                retract_assessment_get_withdrawable (assessment)
                                ? _("can still be withdrawn") : _("can no longer be withdrawn"));
  retract_cli_print_field ("", _("Stage:"), stage_line);
  g_print ("  %s\n", retract_text_get (&stage->advice, language));

  print_deadline (_("Self-service ends:"), retract_assessment_get_self_service_until (assessment),
                  now);
  print_deadline (_("Window closes:"), retract_assessment_get_window_closes_at (assessment), now);
  print_deadline (_("Legal procedure must start by:"),
                  retract_assessment_get_legal_deadline (assessment), now);

  if (recommended != NULL)
    {
      g_print ("\n%s\n", _("Recommended channel:"));
      print_channel (recommended, language);
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

  retract_cli_print_warnings (assessment, language);

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
  return found != NULL ? found : RETRACT_PLATFORM_WECHAT;
}

int
retract_cli_assess (int    argc,
                    char **argv)
{
  g_auto(RetractCliRules) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(RetractAssessment) assessment = NULL;
  RetractRuleset *rules;
  g_autofree char *case_path = NULL;
  g_autofree char *platform = NULL;
  g_autofree char *type = NULL;
  g_autofree char *filed_at = NULL;
  g_autofree char *mistake = NULL;
  g_autofree char *withdrawals = NULL;
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
    RETRACT_CLI_NOW_OPTION (options, N_("Assess at this time instead of the current time")),
    { "scenario", 0, 0, G_OPTION_ARG_STRING_ARRAY, &scenarios,
      N_("enterprise, cross-border, minor or judicial; may be repeated"), N_("SCENARIO") },
    { "mistake", 0, 0, G_OPTION_ARG_STRING, &mistake,
      N_("misoperation (default) or misstatement"), N_("MISTAKE") },
    { "withdrawals-this-month", 0, 0, G_OPTION_ARG_STRING, &withdrawals,
      N_("Withdrawal requests already made this month"), N_("N") },
    { "other-party-loss", 0, 0, G_OPTION_ARG_NONE, &other_party_loss,
      N_("The other party has suffered a real loss"), NULL },
    RETRACT_CLI_JSON_OPTION (json),
    RETRACT_CLI_LANG_OPTION (options),
    RETRACT_CLI_RULES_OPTION (options),
    { NULL }
  };

  if (!retract_cli_parse (_("— can this complaint still be withdrawn?"),
                          _("Either give --case FILE, or the answers: --type and --filed-at at "
                            "least.\nTimes look like 2026-11-24T10:00:00+08:00 or "
                            "\"2026-11-24 10:00\" (Beijing time)."),
                          entries, &argc, &argv, &status))
    return status;

  if (!retract_cli_rules_load_now (&options, &status))
    return status;
  rules = options.rules;
  language = options.language;

  if (case_path != NULL)
    {
      if (platform || type || filed_at || scenarios || mistake || withdrawals || other_party_loss)
        {
          g_printerr (_("--case cannot be combined with answer options such as --type.\n"));
          return EXIT_BAD_INPUT;
        }

      kase = retract_case_new_from_file (case_path, &error);
      if (kase == NULL)
        return retract_cli_report_error (error);
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

      filed = retract_cli_parse_time ("filed_at", filed_at, &error);
      if (filed == NULL)
        return retract_cli_report_error (error);

      if (platform == NULL)
        {
          const char *inferred = infer_platform (rules, type, &error);

          if (inferred == NULL)
            return retract_cli_report_error (error);
          platform = g_strdup (inferred);
        }

      for (guint i = 0; scenarios != NULL && scenarios[i] != NULL; i++)
        if (*scenarios[i] == '\0')
          {
            g_autofree char *valid =
              retract_records_join_ids (RETRACT_RECORD_SCENARIO,
                                        retract_ruleset_get_scenarios (rules));

            g_printerr (_("scenarios: an empty scenario was given; valid values: %s\n"), valid);
            return EXIT_BAD_INPUT;
          }

      kase = retract_cli_new_case (platform, type, filed, mistake,
                                   (const char * const *) scenarios, other_party_loss,
                                   options.now);

      if (!retract_cli_set_withdrawals (kase, withdrawals))
        return EXIT_BAD_INPUT;
    }

  assessment = retract_assessment_new (rules, kase, options.now, &error);
  if (assessment == NULL)
    return retract_cli_report_error (error);

  if (case_path != NULL)
    {
      GDate today;

      retract_time_get_date (options.now, &today);
      if (!retract_case_validate_details (kase, &today, &error))
        return retract_cli_report_error (error);
    }

  if (json)
    {
      g_autoptr(JsonNode) root = retract_assessment_to_json (assessment, language);

      retract_cli_print_json (root);
    }
  else
    {
      print_assessment (assessment, kase, language);
    }

  return EXIT_OK;
}
