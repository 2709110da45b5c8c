/* SPDX-License-Identifier: GPL-3.0-or-later */

/* retract-cli case …, cases: the saved cases of the app's data folder, what
 * the user did about each, and what to do next (README, "Cases").
 *
 *   case new     a case from the answers; prints its id
 *   case log     adds one event to a case's timeline
 *   case show    the assessment, the counts, the next step and the timeline
 *   case delete  removes a case
 *   case export  writes a case file elsewhere; case import reads one in
 *   cases        every case with its status, what to do now first
 *
 * Every command opens the store, which migrates the single case.json of
 * earlier versions first. Ids are checked here before the store sees them,
 * so that a path never reaches it from the command line. */

#define G_LOG_DOMAIN "retract-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-assessment.h"
#include "retract-case-counts.h"
#include "retract-cli-private.h"
#include "retract-engine-ids.h"
#include "retract-error.h"
#include "retract-file.h"
#include "retract-json-case.h"
#include "retract-next-step.h"
#include "retract-store.h"
#include "retract-time.h"

/* ---- what the commands share ---- */

/* Like retract_cli_parse(), but the command takes one argument (an ID or a
 * FILE) besides its options; @name is how --help and the messages call it. */
static gboolean
parse_with_argument (const char          *parameter_string,
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

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (description != NULL)
    g_option_context_set_description (context, description);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = retract_cli_report_usage (context, error);
      return FALSE;
    }

  if (*argc < 2)
    {
      /* Translators: %s is ID or FILE, the argument's name in the usage line */
      g_printerr (_("%s: not given\n"), name);
      g_printerr (_("Run “%s --help” for the options.\n"), g_get_prgname ());
      *status = EXIT_BAD_INPUT;
      return FALSE;
    }

  if (*argc > 2)
    {
      g_autofree char *shown = retract_file_display_name ((*argv)[2]);

      g_printerr (_("Unexpected argument “%s”.\n"), shown);
      *status = EXIT_BAD_INPUT;
      return FALSE;
    }

  *argument = (*argv)[1];
  return TRUE;
}

/* @text parsed as the time given with @option; errors name the option. */
static GDateTime *
parse_time (const char  *option,
            const char  *text,
            GError     **error)
{
  GDateTime *time = retract_time_parse (text, error);

  if (time == NULL)
    g_prefix_error (error, "%s: ", option);
  return time;
}

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
static int
report_store_error (const GError *error,
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

/* The app's case library, with case.json of earlier versions migrated. */
static RetractStore *
open_store (int *status)
{
  g_autoptr(RetractStore) store = retract_store_new_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *migrated = NULL;

  if (!retract_store_migrate (store, &migrated, &error))
    {
      *status = report_store_error (error, NULL);
      return NULL;
    }

  return g_steal_pointer (&store);
}

/* A saved case by the id the user gave; an id that cannot be one is
 * "unknown" without asking the store. */
static RetractCase *
load_case (RetractStore *store,
           const char   *id,
           int          *status)
{
  g_autoptr(GError) error = NULL;
  RetractCase *kase;

  if (!retract_case_id_is_valid (id))
    {
      *status = report_unknown_id (id);
      return NULL;
    }

  kase = retract_store_load_case (store, id, &error);
  if (kase == NULL)
    *status = report_store_error (error, id);
  return kase;
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
static GPtrArray *
list_cases (RetractStore *store,
            int          *status)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *cases;

  cases = retract_store_list_cases (store, &problems, &error);
  if (cases == NULL)
    {
      *status = report_store_error (error, NULL);
      return NULL;
    }

  report_problems (problems);
  return cases;
}

static const char *
channel_name (RetractRuleset  *rules,
              const char      *id,
              RetractLanguage  language)
{
  const RetractChannel *channel = id != NULL ? retract_ruleset_lookup_channel (rules, id) : NULL;

  return channel != NULL ? retract_text_get (&channel->name, language) : id;
}

static const char *
status_label (RetractCaseStatus status)
{
  switch (status)
    {
    case RETRACT_STATUS_ACT_NOW:
      return _("act now");
    case RETRACT_STATUS_WAITING:
      return _("waiting");
    case RETRACT_STATUS_DONE:
      return _("done");
    case RETRACT_STATUS_ABANDONED:
      return _("abandoned");
    case RETRACT_STATUS_CLOSED:
    default:
      return _("closed");
    }
}

static const char *
account_label (RetractCase *kase)
{
  const char *account = retract_case_get_account (kase);

  return *account != '\0' ? account : _("my account");
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
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) filed = NULL;
  g_autofree char *platform = NULL;
  g_autofree char *type = NULL;
  g_autofree char *filed_at = NULL;
  g_autofree char *mistake = NULL;
  g_autofree char *account = NULL;
  g_autofree char *complaint_number = NULL;
  g_autofree char *withdrawals = NULL;
  g_autofree char *now_text = NULL;
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
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text,
      N_("Check the filing time against this time instead of the current time"), N_("TIME") },
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

  if (!retract_cli_rules_load (&options, &status))
    return status;

  now = retract_cli_parse_now (now_text, &error);
  if (now == NULL)
    return retract_cli_report_error (error);

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

  filed = parse_time ("--filed-at", filed_at, &error);
  if (filed == NULL)
    return retract_cli_report_error (error);

  for (guint i = 0; scenarios != NULL && scenarios[i] != NULL; i++)
    if (*scenarios[i] == '\0')
      {
        g_printerr (_("--scenario: an empty scenario was given\n"));
        return EXIT_BAD_INPUT;
      }

  kase = retract_case_new ();
  retract_case_set_platform (kase, platform);
  retract_case_set_complaint_type (kase, type);
  retract_case_set_filed_at (kase, filed);
  retract_case_set_mistake (kase, mistake);
  retract_case_set_scenarios (kase, (const char * const *) scenarios);
  retract_case_set_other_party_loss (kase, other_party_loss);
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
  retract_time_get_date (now, &today);
  if (complaint_number != NULL &&
      !retract_case_validate_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, &today, &error))
    {
      g_prefix_error (&error, "--complaint-number: ");
      g_printerr ("%s\n", error->message);
      return EXIT_BAD_INPUT;
    }

  /* The same checks as assess: a platform, type, scenario and mistake of the
   * rules, and a filing time that is not in the future. */
  assessment = retract_assessment_new (options.rules, kase, now, &error);
  if (assessment == NULL)
    return retract_cli_report_error (error);

  store = open_store (&status);
  if (store == NULL)
    return status;
  if (!retract_store_save_case (store, kase, &error))
    return report_store_error (error, NULL);

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

/* ---- case log ---- */

/* The option each part of an event comes from, by RetractEventError code. */
static const char * const event_options[] = {
  [RETRACT_EVENT_ERROR_KIND] = "--event",
  [RETRACT_EVENT_ERROR_CHANNEL] = "--channel",
  [RETRACT_EVENT_ERROR_AT] = "--at",
  [RETRACT_EVENT_ERROR_OUTCOME] = "--outcome",
  [RETRACT_EVENT_ERROR_REFERENCE] = "--reference",
  [RETRACT_EVENT_ERROR_NOTE] = "--note",
};

static char *
list_words (const char *(*to_id) (guint),
            guint        first,
            guint        n)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = first; i < n; i++)
    {
      if (words->len > 0)
        g_string_append (words, ", ");
      g_string_append (words, to_id (i));
    }

  return g_string_free (g_steal_pointer (&words), FALSE);
}

static const char *
kind_word (guint kind)
{
  return retract_event_kind_to_id (kind);
}

static const char *
outcome_word (guint outcome)
{
  return retract_event_outcome_to_id (outcome);
}

static int
case_log (int    argc,
          char **argv)
{
  g_auto(RetractCliRules) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractStore) store = NULL;
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(RetractCaseEvent) event = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *at_text = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *outcome_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *now_text = NULL;
  RetractEventKind kind;
  RetractEventOutcome outcome = RETRACT_OUTCOME_NONE;
  const char *id = NULL;
  gboolean json = FALSE;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("submitted, reply, resolved, abandoned, reopened or note"), N_("EVENT") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text,
      N_("When it happened; without an offset, Beijing time"), N_("TIME") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel,
      N_("The channel of a submission, e.g. web-ticket"), N_("CHANNEL") },
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome_text,
      N_("The outcome of a reply: withdrawn, refused, more-materials or other"),
      N_("OUTCOME") },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("A reference such as the ticket number"), N_("TEXT") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note,
      N_("A note of your own"), N_("TEXT") },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text,
      N_("Check the event's time against this time instead of the current time"),
      N_("TIME") },
    RETRACT_CLI_JSON_OPTION (json),
    RETRACT_CLI_LANG_OPTION (options),
    RETRACT_CLI_RULES_OPTION (options),
    { NULL }
  };

  if (!parse_with_argument (_("ID — add an event to a case's timeline"),
                            _("A submission needs --channel, a reply --outcome; every event "
                              "needs --at.\nAn event may not be dated before the complaint "
                              "was filed, nor more than 5 minutes after now."),
                            entries, "ID", &argc, &argv, &id, &status))
    return status;

  if (!retract_cli_rules_load (&options, &status))
    return status;

  now = retract_cli_parse_now (now_text, &error);
  if (now == NULL)
    return retract_cli_report_error (error);

  if (kind_text == NULL || !retract_event_kind_from_id (kind_text, &kind))
    {
      g_autofree char *valid = list_words (kind_word, 0, RETRACT_N_EVENT_KINDS);
      g_autofree char *shown = kind_text != NULL ? retract_file_display_name (kind_text) : NULL;

      if (shown == NULL)
        g_printerr (_("--event: not given; one of: %s\n"), valid);
      else
        g_printerr (_("--event: unknown event “%1$s”; valid values: %2$s\n"), shown, valid);
      return EXIT_BAD_INPUT;
    }

  if (outcome_text != NULL && !retract_event_outcome_from_id (outcome_text, &outcome))
    {
      g_autofree char *valid = list_words (outcome_word, RETRACT_OUTCOME_NONE + 1,
                                           RETRACT_N_EVENT_OUTCOMES);
      g_autofree char *shown = retract_file_display_name (outcome_text);

      g_printerr (_("--outcome: unknown outcome “%1$s”; valid values: %2$s\n"), shown, valid);
      return EXIT_BAD_INPUT;
    }

  if (at_text == NULL)
    {
      g_printerr (_("--at: not given; use --at TIME\n"));
      return EXIT_BAD_INPUT;
    }
  at = parse_time ("--at", at_text, &error);
  if (at == NULL)
    return retract_cli_report_error (error);

  store = open_store (&status);
  if (store == NULL)
    return status;
  kase = load_case (store, id, &status);
  if (kase == NULL)
    return status;

  event = retract_case_event_new (kind, at);
  event->outcome = outcome;
  retract_case_event_set_text (event, &event->channel, channel);
  retract_case_event_set_text (event, &event->reference, reference);
  retract_case_event_set_text (event, &event->note, note);

  if (!retract_case_event_check (event, options.rules, retract_case_get_filed_at (kase), now,
                                 &error))
    {
      if (error->domain == RETRACT_EVENT_ERROR && error->code >= 0 &&
          (guint) error->code < G_N_ELEMENTS (event_options))
        g_printerr ("%s: %s\n", event_options[error->code], error->message);
      else
        g_printerr ("%s\n", error->message);
      return EXIT_BAD_INPUT;
    }

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", retract_case_get_id (kase));
      json_object_set_member (object, "event", retract_case_event_to_json (event));
      json_node_take_object (root, object);

      retract_case_add_event (kase, g_steal_pointer (&event));
      if (!retract_store_save_case (store, kase, &error))
        return report_store_error (error, id);
      retract_cli_print_json (root);
    }
  else
    {
      retract_case_add_event (kase, g_steal_pointer (&event));
      if (!retract_store_save_case (store, kase, &error))
        return report_store_error (error, id);
    }

  return EXIT_OK;
}

/* ---- case show ---- */

static void
print_due (const char *label,
           GDateTime  *due,
           GDateTime  *now)
{
  g_autofree char *when = retract_time_format_human (due);
  GTimeSpan left = g_date_time_difference (due, now);
  g_autofree char *span = retract_time_format_span (left >= 0 ? left : -left);
  g_autofree char *text = NULL;

  if (left >= 0)
    /* Translators: "2026-11-24 12:00 Beijing time (1 h 20 min left)" */
    text = g_strdup_printf (_("%1$s Beijing time (%2$s left)"), when, span);
  else
    /* Translators: "2026-11-24 12:00 Beijing time (passed 3 h 5 min ago)" */
    text = g_strdup_printf (_("%1$s Beijing time (passed %2$s ago)"), when, span);
  retract_cli_print_field ("  ", label, text);
}

static void
print_next_step (const RetractNextStep *step,
                 RetractRuleset        *rules,
                 RetractLanguage        language,
                 GDateTime             *now)
{
  const char *channel = channel_name (rules, step->channel, language);

  switch (step->action)
    {
    case RETRACT_ACTION_SUBMIT:
      /* Translators: %s is a channel such as “Web ticket” */
      g_print (_("Next step: submit a withdrawal request through %s\n"), channel);
      if (step->due_at != NULL)
        print_due (_("By:"), step->due_at, now);
      break;
    case RETRACT_ACTION_APPEAL:
      /* Translators: %s is the channel, “Appeal message” */
      g_print (_("Next step: send the appeal message (%s)\n"), channel);
      if (step->due_at != NULL)
        print_due (_("Today's allowance ends:"), step->due_at, now);
      break;
    case RETRACT_ACTION_WAIT:
      if (step->channel != NULL)
        /* Translators: %s is a channel such as “Phone hotline” */
        g_print (_("Next step: wait; then %s\n"), channel);
      else
        g_print (_("Next step: wait for the answer\n"));
      if (step->due_at != NULL)
        print_due (_("Until:"), step->due_at, now);
      break;
    case RETRACT_ACTION_NONE:
    default:
      g_print (_("Next step: none\n"));
      break;
    }
}

static const char *
kind_label (RetractEventKind kind)
{
  switch (kind)
    {
    case RETRACT_EVENT_SUBMITTED:
      return _("submitted");
    case RETRACT_EVENT_REPLY:
      return _("reply");
    case RETRACT_EVENT_RESOLVED:
      return _("resolved");
    case RETRACT_EVENT_ABANDONED:
      return _("abandoned");
    case RETRACT_EVENT_REOPENED:
      return _("reopened");
    case RETRACT_EVENT_NOTE:
    default:
      return _("note");
    }
}

static const char *
outcome_label (RetractEventOutcome outcome)
{
  switch (outcome)
    {
    case RETRACT_OUTCOME_WITHDRAWN:
      return _("withdrawn");
    case RETRACT_OUTCOME_REFUSED:
      return _("refused");
    case RETRACT_OUTCOME_MORE_MATERIALS:
      return _("more materials asked for");
    case RETRACT_OUTCOME_OTHER:
      return _("other answer");
    case RETRACT_OUTCOME_NONE:
    default:
      return "";
    }
}

static void
print_events (GPtrArray       *events,
              RetractRuleset  *rules,
              RetractLanguage  language)
{
  g_print ("\n%s\n", _("Timeline:"));
  if (events->len == 0)
    g_print ("  %s\n", _("nothing logged yet (“case log”)"));

  for (guint i = 0; i < events->len; i++)
    {
      const RetractCaseEvent *event = g_ptr_array_index (events, i);
      g_autofree char *at = retract_time_format_human (event->at);
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append_printf (line, "  %s  %s", at, kind_label (event->kind));
      if (event->channel != NULL)
        g_string_append_printf (line, " · %s", channel_name (rules, event->channel, language));
      if (event->outcome != RETRACT_OUTCOME_NONE)
        g_string_append_printf (line, " · %s", outcome_label (event->outcome));
      if (event->reference != NULL)
        g_string_append_printf (line, " · %s", event->reference);
      g_print ("%s\n", line->str);

      if (event->note != NULL)
        {
          g_auto(GStrv) lines = g_strsplit (event->note, "\n", -1);

          for (guint j = 0; lines[j] != NULL; j++)
            g_print ("      %s\n", lines[j]);
        }
    }
}

static void
print_case (RetractAssessment       *assessment,
            RetractCase             *kase,
            const RetractCaseCounts *counts,
            const RetractNextStep   *step,
            RetractLanguage          language)
{
  RetractRuleset *rules = retract_assessment_get_rules (assessment);
  const RetractPlatform *platform = retract_assessment_get_platform (assessment);
  const RetractComplaintType *type = retract_assessment_get_complaint_type (assessment);
  const RetractStageInfo *stage = retract_assessment_get_stage_info (assessment);
  GDateTime *now = retract_assessment_get_now (assessment);
  GPtrArray *warnings = retract_assessment_get_warnings (assessment);
  const RetractCaseEvent *repeated = retract_assessment_get_repeated_submission (assessment);
  g_autofree char *filed = retract_time_format_human (retract_assessment_get_filed_at (assessment));
  g_autofree char *complaint = NULL;
  g_autofree char *stage_line = NULL;
  g_autofree char *appeals = NULL;

  /* Translators: %s is the case's id */
  g_print (_("Case %s\n"), retract_case_get_id (kase));
  complaint = g_strdup_printf ("%s · %s", retract_text_get (&platform->name, language),
                               retract_text_get (&type->name, language));
  retract_cli_print_field ("", _("Complaint:"), complaint);
  retract_cli_print_field ("", _("Account:"), account_label (kase));
  g_print (_("Filed: %s Beijing time\n"), filed);
  stage_line = g_strdup_printf ("%s — %s", retract_text_get (&stage->name, language),
                                retract_assessment_get_withdrawable (assessment)
                                ? _("can still be withdrawn") : _("can no longer be withdrawn"));
  retract_cli_print_field ("", _("Stage:"), stage_line);

  g_print ("\n");
  retract_cli_print_field ("", _("Status:"), status_label (step->status));
  print_next_step (step, rules, language, now);

  g_print ("\n");
  /* Translators: the withdrawal requests of this account this month, over all cases */
  g_print (ngettext ("This month: %d withdrawal request from this account\n",
                     "This month: %d withdrawal requests from this account\n",
                     counts->withdrawal_requests_this_month),
           counts->withdrawal_requests_this_month);
  if (counts->appeal_limit > 0)
    /* Translators: "Today: 1 of 2 appeal messages" */
    appeals = g_strdup_printf (ngettext ("Today: %1$d of %2$d appeal message\n",
                                         "Today: %1$d of %2$d appeal messages\n",
                                         counts->appeal_limit),
                               counts->appeals_today, counts->appeal_limit);
  if (appeals != NULL)
    g_print ("%s", appeals);

  if (warnings->len > 0)
    {
      g_print ("\n%s\n", _("Warnings:"));
      for (guint i = 0; i < warnings->len; i++)
        {
          const RetractWarning *warning = g_ptr_array_index (warnings, i);
          const char *text = retract_text_get (&warning->text, language);

          /* As assess says it: the channel used again and when it was first used. */
          if (repeated != NULL && g_str_equal (warning->id, RETRACT_WARNING_REPEAT_SUBMISSION))
            {
              g_autofree char *earlier = retract_time_format_human (repeated->at);

              g_print (_("  ! %1$s (first through %2$s: %3$s Beijing time)\n"), text,
                       channel_name (rules, repeated->channel, language), earlier);
            }
          else
            {
              g_print ("  ! %s\n", text);
            }
        }
    }

  print_events (retract_case_get_events (kase), rules, language);
}

static int
case_show (int    argc,
           char **argv)
{
  g_auto(RetractCliRules) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractStore) store = NULL;
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(RetractAssessment) assessment = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  RetractCaseCounts counts = { 0 };
  RetractNextStep step = { 0 };
  const char *id = NULL;
  gboolean json = FALSE;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text,
      N_("Assess at this time instead of the current time"), N_("TIME") },
    RETRACT_CLI_JSON_OPTION (json),
    RETRACT_CLI_LANG_OPTION (options),
    RETRACT_CLI_RULES_OPTION (options),
    { NULL }
  };

  if (!parse_with_argument (_("ID — a case: the assessment, the counts, the next step and "
                              "the timeline"), NULL,
                            entries, "ID", &argc, &argv, &id, &status))
    return status;

  if (!retract_cli_rules_load (&options, &status))
    return status;

  now = retract_cli_parse_now (now_text, &error);
  if (now == NULL)
    return retract_cli_report_error (error);

  store = open_store (&status);
  if (store == NULL)
    return status;
  kase = load_case (store, id, &status);
  if (kase == NULL)
    return status;
  others = list_cases (store, &status);
  if (others == NULL)
    return status;

  retract_case_counts_compute (&counts, options.rules, kase, others, now);
  assessment = retract_assessment_new_full (options.rules, kase, &counts, now, &error);
  if (assessment == NULL)
    {
      retract_case_counts_clear (&counts);
      return retract_cli_report_error (error);
    }
  retract_next_step_compute (&step, assessment, kase, &counts, now);

  if (json)
    {
      g_autoptr(JsonNode) root = retract_case_show_to_json (assessment, kase, &counts, &step,
                                                            options.language);

      retract_cli_print_json (root);
    }
  else
    {
      print_case (assessment, kase, &counts, &step, options.language);
    }

  retract_next_step_clear (&step);
  retract_case_counts_clear (&counts);
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

  if (!parse_with_argument (_("ID — delete a saved case"), NULL, entries, "ID",
                            &argc, &argv, &id, &status))
    return status;

  if (!retract_case_id_is_valid (id))
    return report_unknown_id (id);

  store = open_store (&status);
  if (store == NULL)
    return status;
  if (!retract_store_delete_case (store, id, &error))
    return report_store_error (error, id);

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

  if (!parse_with_argument (_("ID — write a saved case to a file"), NULL, entries, "ID",
                            &argc, &argv, &id, &status))
    return status;

  if (output == NULL)
    {
      g_printerr (_("--output: not given; use --output FILE\n"));
      return EXIT_BAD_INPUT;
    }

  if (!retract_case_id_is_valid (id))
    return report_unknown_id (id);

  store = open_store (&status);
  if (store == NULL)
    return status;
  if (!retract_store_export_case (store, id, output, &error))
    return report_store_error (error, id);

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

  if (!parse_with_argument (_("FILE — add a case file to the saved cases; prints its id"), NULL,
                            entries, "FILE", &argc, &argv, &path, &status))
    return status;

  store = open_store (&status);
  if (store == NULL)
    return status;
  if (!retract_store_import_case (store, path, &id, &error))
    return report_store_error (error, NULL);

  g_print ("%s\n", id);
  return EXIT_OK;
}

/* ---- cases ---- */

static void
print_rows (GPtrArray       *rows,
            RetractRuleset  *rules,
            RetractLanguage  language)
{
  if (rows->len == 0)
    {
      g_print ("%s\n", _("No saved cases. “retract-cli case new” starts one."));
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const RetractCaseRow *row = g_ptr_array_index (rows, i);
      RetractCase *kase = row->kase;
      const char *platform_id = retract_case_get_platform (kase);
      const RetractPlatform *platform = retract_ruleset_lookup_platform (rules, platform_id);
      const RetractComplaintType *type =
        retract_ruleset_lookup_type (rules, platform_id, retract_case_get_complaint_type (kase));
      g_autofree char *due = NULL;

      if (retract_case_row_has_status (row) && row->step.due_at != NULL)
        {
          g_autofree char *when = retract_time_format_human (row->step.due_at);

          if (row->step.status == RETRACT_STATUS_WAITING)
            /* Translators: in the list of cases, "waiting  until 2026-11-24 23:10" */
            due = g_strdup_printf (_("until %s"), when);
          else
            /* Translators: in the list of cases, "act now  by 2026-11-25 10:00" */
            due = g_strdup_printf (_("by %s"), when);
        }

      g_print ("%s  %s · %s · %s\n", retract_case_get_id (kase),
               platform != NULL ? retract_text_get (&platform->name, language) : platform_id,
               type != NULL ? retract_text_get (&type->name, language)
                            : retract_case_get_complaint_type (kase),
               account_label (kase));
      g_print ("    %s%s%s\n",
               retract_case_row_has_status (row) ? status_label (row->step.status)
                                                 : _("cannot be assessed"),
               due != NULL ? "  " : "", due != NULL ? due : "");
    }
}

int
retract_cli_cases (int    argc,
                   char **argv)
{
  g_auto(RetractCliRules) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractStore) store = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  gboolean json = FALSE;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text,
      N_("Work out the statuses at this time instead of the current time"), N_("TIME") },
    RETRACT_CLI_JSON_OPTION (json),
    RETRACT_CLI_LANG_OPTION (options),
    RETRACT_CLI_RULES_OPTION (options),
    { NULL }
  };

  if (!retract_cli_parse (_("— the saved cases, what to do now first"), NULL,
                          entries, &argc, &argv, &status))
    return status;

  if (!retract_cli_rules_load (&options, &status))
    return status;

  now = retract_cli_parse_now (now_text, &error);
  if (now == NULL)
    return retract_cli_report_error (error);

  store = open_store (&status);
  if (store == NULL)
    return status;
  cases = list_cases (store, &status);
  if (cases == NULL)
    return status;

  rows = retract_case_rows_new (options.rules, cases, now);
  for (guint i = 0; i < rows->len; i++)
    {
      const RetractCaseRow *row = g_ptr_array_index (rows, i);

      /* Listed all the same, without a status, so that no case goes missing. */
      if (!retract_case_row_has_status (row))
        /* Translators: %1$s is a case's id, %2$s why it cannot be assessed */
        g_printerr (_("Case %1$s cannot be assessed with the rules in use: %2$s\n"),
                    retract_case_get_id (row->kase), row->error->message);
    }

  if (json)
    {
      g_autoptr(JsonNode) root = retract_case_rows_to_json (rows);

      retract_cli_print_json (root);
    }
  else
    {
      print_rows (rows, options.rules, options.language);
    }

  return EXIT_OK;
}

/* ---- case ---- */

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} Subcommand;

static const Subcommand subcommands[] = {
  { "new", case_new, N_("Save a new case and print its id") },
  { "log", case_log, N_("Add an event to a case's timeline") },
  { "show", case_show, N_("Show a case: the assessment, the counts, the next step and the timeline") },
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

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_case_help (argc >= 2);
      return argc < 2 ? EXIT_BAD_INPUT : EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("retract-cli case %s", subcommands[i].name);

        g_set_prgname (prgname);
        return subcommands[i].run (argc - 1, argv + 1);
      }

  shown = retract_file_display_name (argv[1]);
  g_printerr (_("Unknown subcommand “%s”. Run “retract-cli case --help” for the list.\n"), shown);
  return EXIT_BAD_INPUT;
}
