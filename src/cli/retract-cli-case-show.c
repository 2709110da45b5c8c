/* SPDX-License-Identifier: GPL-3.0-or-later */

/* retract-cli case show, cases: one saved case in full (the assessment, the
 * counts, the next step and the timeline), and every case with its status,
 * what to do now first (README, "Cases"). */

#define G_LOG_DOMAIN "retract-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-assessment.h"
#include "retract-case-counts.h"
#include "retract-case-heading.h"
#include "retract-cli-private.h"
#include "retract-engine-ids.h"
#include "retract-json-case.h"
#include "retract-next-step.h"
#include "retract-next-step-text.h"
#include "retract-time.h"

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

/* ---- case show ---- */

static void
print_due (const char *label,
           GDateTime  *due,
           GDateTime  *now)
{
  g_autofree char *text = retract_cli_format_due (due, now);

  retract_cli_print_field ("  ", label, text);
}

/* The route of a minor's guardian, who goes in person with the household
 * register (§5), when it is the step's channel: no withdrawal request to
 * submit, so the core's own words say what to do, and why. */
static void
print_guardian_step (const RetractNextStep   *step,
                     const RetractChannel    *route,
                     RetractAssessment       *assessment,
                     const RetractCaseCounts *counts,
                     RetractLanguage          language)
{
  RetractRuleset *rules = retract_assessment_get_rules (assessment);
  g_autofree char *title = retract_next_step_dup_title (step, rules, language);
  g_autofree char *why = retract_next_step_dup_why (step, assessment, counts, language);

  /* Translators: %s is what to do, e.g. “The guardian goes in person: Tencent
   * Youth Lighthouse Office” */
  g_print (_("Next step: %s\n"), title);
  g_print ("  %s\n", why);

  /* The guardian's reason names the route's steps; another (nothing submitted
   * yet at this stage) does not: then they follow, as the dataset has them. */
  for (guint i = 0; step->reason != RETRACT_REASON_GUARDIAN && i < route->steps->len; i++)
    g_print ("    %u. %s\n", i + 1,
             retract_text_get (g_ptr_array_index (route->steps, i), language));
}

static void
print_next_step (const RetractNextStep   *step,
                 RetractAssessment       *assessment,
                 const RetractCaseCounts *counts,
                 RetractLanguage          language)
{
  RetractRuleset *rules = retract_assessment_get_rules (assessment);
  GDateTime *now = retract_assessment_get_now (assessment);
  const char *channel = channel_name (rules, step->channel, language);
  const RetractChannel *guardian = retract_next_step_get_guardian_route (assessment);

  switch (step->action)
    {
    case RETRACT_ACTION_SUBMIT:
      if (guardian != NULL && g_strcmp0 (guardian->id, step->channel) == 0)
        print_guardian_step (step, guardian, assessment, counts, language);
      else
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
  const RetractStageInfo *stage = retract_assessment_get_stage_info (assessment);
  g_autofree char *filed = retract_time_format_human (retract_assessment_get_filed_at (assessment));
  g_autofree char *complaint = NULL;
  g_autofree char *stage_line = NULL;
  g_autofree char *appeals = NULL;

  /* Translators: %s is the case's id */
  g_print (_("Case %s\n"), retract_case_get_id (kase));
  complaint = retract_case_dup_heading (kase, rules, language);
  retract_cli_print_field ("", _("Complaint:"), complaint);
  retract_cli_print_field ("", _("Account:"), account_label (kase));
  g_print (_("Filed: %s Beijing time\n"), filed);
  stage_line = g_strdup_printf ("%s — %s", retract_text_get (&stage->name, language),
                                retract_assessment_get_withdrawable (assessment)
                                ? _("can still be withdrawn") : _("can no longer be withdrawn"));
  retract_cli_print_field ("", _("Stage:"), stage_line);

  g_print ("\n");
  retract_cli_print_field ("", _("Status:"), status_label (step->status));
  print_next_step (step, assessment, counts, language);

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

  retract_cli_print_warnings (assessment, language);

  print_events (retract_case_get_events (kase), rules, language);
}

int
retract_cli_case_show (int    argc,
                       char **argv)
{
  g_auto(RetractCliRules) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_auto(RetractCliSavedCase) saved = { 0 };
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(RetractAssessment) assessment = NULL;
  RetractCaseCounts counts = { 0 };
  RetractNextStep step = { 0 };
  const char *id = NULL;
  gboolean json = FALSE;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    RETRACT_CLI_NOW_OPTION (options, N_("Assess at this time instead of the current time")),
    RETRACT_CLI_JSON_OPTION (json),
    RETRACT_CLI_LANG_OPTION (options),
    RETRACT_CLI_RULES_OPTION (options),
    { NULL }
  };

  if (!retract_cli_parse_with_argument (_("ID — a case: the assessment, the counts, the next "
                                          "step and the timeline"), NULL,
                                        entries, "ID", &argc, &argv, &id, &status))
    return status;

  if (!retract_cli_rules_load_now (&options, &status))
    return status;

  if (!retract_cli_open_saved_case (&saved, id, &status))
    return status;
  others = retract_cli_list_cases (saved.store, &status);
  if (others == NULL)
    return status;

  retract_case_counts_compute (&counts, options.rules, saved.kase, others, options.now);
  assessment = retract_assessment_new_full (options.rules, saved.kase, &counts, options.now,
                                            &error);
  if (assessment == NULL)
    {
      retract_case_counts_clear (&counts);
      return retract_cli_report_error (error);
    }
  retract_next_step_compute (&step, assessment, saved.kase, &counts, options.now);

  if (json)
    {
      g_autoptr(JsonNode) root = retract_case_show_to_json (assessment, saved.kase, &counts,
                                                            &step, options.language);

      retract_cli_print_json (root);
    }
  else
    {
      print_case (assessment, saved.kase, &counts, &step, options.language);
    }

  retract_next_step_clear (&step);
  retract_case_counts_clear (&counts);
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
      g_autofree char *heading = retract_case_dup_heading (kase, rules, language);
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

      g_print ("%s  %s · %s\n", retract_case_get_id (kase), heading, account_label (kase));
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
  gboolean json = FALSE;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    RETRACT_CLI_NOW_OPTION (options,
                            N_("Work out the statuses at this time instead of the current time")),
    RETRACT_CLI_JSON_OPTION (json),
    RETRACT_CLI_LANG_OPTION (options),
    RETRACT_CLI_RULES_OPTION (options),
    { NULL }
  };

  if (!retract_cli_parse (_("— the saved cases, what to do now first"), NULL,
                          entries, &argc, &argv, &status))
    return status;

  if (!retract_cli_rules_load_now (&options, &status))
    return status;

  store = retract_cli_open_store (&status);
  if (store == NULL)
    return status;
  cases = retract_cli_list_cases (store, &status);
  if (cases == NULL)
    return status;

  rows = retract_case_rows_new (options.rules, cases, options.now);
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
