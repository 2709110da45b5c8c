/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The words for a next step and the limits, in the language asked for
 * (like the letter and the reminders: the screens show Chinese or English
 * whatever the interface's locale). Every number and name comes from the
 * step, the counts or the dataset's records. This file: the step's title and
 * its record button, the limits, and what to ask before a submission; the
 * sentence that says why is retract-next-step-why.c. */

#define G_LOG_DOMAIN "retract-next-step-text"

#include "config.h"

#include "retract-engine-ids.h"
#include "retract-next-step-text-private.h"
#include "retract-time.h"

/* Traditional Chinese takes each sentence's form from retract-hant-phrases.h. */
#define PHRASE(language, zh, en) ((language) == RETRACT_LANGUAGE_EN ? (en) \
                                  : retract_text_chinese_phrase ((language), (zh)))

static const char *
channel_name (RetractRuleset  *rules,
              const char      *id,
              RetractLanguage  language)
{
  const RetractChannel *channel = id != NULL ? retract_ruleset_lookup_channel (rules, id) : NULL;

  return channel != NULL ? retract_text_get (&channel->name, language) : "";
}

/* Whether @id is a minor's guardian's route (§5): the guardian goes in
 * person, which neither a ticket nor a call describes. */
static gboolean
is_guardian_route (RetractRuleset *rules,
                   const char     *id)
{
  const RetractScenario *minor = retract_ruleset_lookup_scenario (rules, RETRACT_SCENARIO_MINOR);

  return id != NULL && minor != NULL && g_strcmp0 (minor->first_channel, id) == 0;
}

/* A channel named in a sentence: “…” in English, 「…」 in Chinese. */
char *
_retract_next_step_quote_channel (RetractRuleset  *rules,
                                  const char      *id,
                                  RetractLanguage  language)
{
  return g_strdup_printf (PHRASE (language, "「%s」", "“%s”"), channel_name (rules, id, language));
}

/* @time as the sentences write it, "" for none. */
char *
_retract_next_step_format_time (GDateTime *time)
{
  return time != NULL ? retract_time_format_human (time) : g_strdup ("");
}

/* @format with each "%s" (in turn) or "%N$s" replaced by @args, and "%%" by
 * "%". The sentences of the tables (use_words[] below, why_sentences[] in
 * retract-next-step-why.c) take only text: their numbers and times are
 * written out first, so that one table row holds the sentence and what fills
 * it. */
char *
_retract_next_step_expand (const char         *format,
                           const char * const *args,
                           guint               n_args)
{
  GString *text = g_string_new (NULL);
  guint next = 0;

  for (const char *p = format; *p != '\0'; p++)
    {
      guint n;

      if (*p != '%')
        {
          g_string_append_c (text, *p);
          continue;
        }

      p++;
      if (*p == '%')
        {
          g_string_append_c (text, '%');
          continue;
        }
      if (p[0] >= '1' && p[0] <= '9' && p[1] == '$' && p[2] == 's')
        {
          n = (guint) (p[0] - '1');
          p += 2;
        }
      else
        {
          g_assert (*p == 's');
          n = next++;
        }
      g_assert (n < n_args);
      g_string_append (text, args[n]);
    }

  return g_string_free (text, FALSE);
}

/* How a step is taken, for the verb of the title and of the button. */
typedef enum
{
  USE_CALL,         /* a channel with a phone number */
  USE_MESSAGE,      /* a message to send */
  USE_TICKET,       /* a ticket with a subject */
  USE_SELF_SERVICE, /* a button the user presses */
  USE_OTHER,        /* an application (the court, the admin console) */
  USE_APPEAL,       /* the appeal after processing (§8) */
  USE_GUARDIAN,     /* a minor's guardian goes in person (§5), which neither a ticket
                     * nor a call describes */
} StepUse;

static const struct
{
  const char *title_zh; /* with the channel's name; the guardian's: its addressee */
  const char *title_en;
  const char *label_zh; /* the button that records the step as done */
  const char *label_en;
} use_words[] = {
  [USE_CALL]         = { "立即拨打：%s", "Call now: %s", "我已拨打", "I called" },
  [USE_MESSAGE]      = { "立即发送：%s", "Send now: %s", "我已发送", "I sent it" },
  [USE_TICKET]       = { "立即提交：%s", "Submit now: %s", "我已提交工单", "I submitted the ticket" },
  [USE_SELF_SERVICE] = { "立即操作：%s", "Do it now: %s", "我已操作", "I did it" },
  [USE_OTHER]        = { "立即提交：%s", "Submit now: %s", "我已提交", "I submitted it" },
  [USE_APPEAL]       = { "立即发送申诉：%s", "Send the appeal now: %s",
                         "我已发送申诉", "I sent the appeal" },
  [USE_GUARDIAN]     = { "监护人前往现场办理：%s", "The guardian goes in person: %s",
                         "监护人已到场办理", "The guardian went in person" },
};

/* For a step whose action is to submit or appeal through its channel. */
static StepUse
step_use (const RetractNextStep *step,
          RetractRuleset        *rules)
{
  const RetractChannel *channel;

  if (step->action == RETRACT_ACTION_APPEAL)
    return USE_APPEAL;
  if (is_guardian_route (rules, step->channel))
    return USE_GUARDIAN;

  channel = step->channel != NULL ? retract_ruleset_lookup_channel (rules, step->channel) : NULL;
  if (channel == NULL)
    return USE_OTHER;
  if (channel->phone != NULL && *channel->phone != '\0')
    return USE_CALL;
  if (channel->message_template != NULL)
    return USE_MESSAGE;
  if (channel->ticket_subject != NULL)
    return USE_TICKET;
  if (channel->self_service)
    return USE_SELF_SERVICE;
  return USE_OTHER;
}

/**
 * retract_next_step_dup_title:
 *
 * The card's title: what to do, with the channel's name from the dataset
 * ("Call now: Customer service hotline (urgent)", "Wait for the reply: …").
 *
 * Returns: (transfer full): the title
 */
char *
retract_next_step_dup_title (const RetractNextStep *step,
                             RetractRuleset        *rules,
                             RetractLanguage        language)
{
  g_return_val_if_fail (step != NULL, NULL);
  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);

  switch (step->action)
    {
    case RETRACT_ACTION_SUBMIT:
    case RETRACT_ACTION_APPEAL:
      {
        StepUse use = step_use (step, rules);
        const RetractChannel *channel = step->channel != NULL
                                        ? retract_ruleset_lookup_channel (rules, step->channel)
                                        : NULL;
        const char *name = channel == NULL ? ""
                           : retract_text_get (use == USE_GUARDIAN ? &channel->addressee
                                                                   : &channel->name, language);

        return _retract_next_step_expand (PHRASE (language, use_words[use].title_zh,
                                                  use_words[use].title_en),
                                          &name, 1);
      }

    case RETRACT_ACTION_WAIT:
      if (step->reason == RETRACT_REASON_APPEAL_LIMIT)
        {
          g_autofree char *until = _retract_next_step_format_time (step->due_at);

          return g_strdup_printf (PHRASE (language, "等待至%s再申诉",
                                          "Wait until %s for the next appeal"),
                                  until);
        }
      if (step->about_channel != NULL)
        return g_strdup_printf (PHRASE (language, "等待答复：%s", "Wait for the reply: %s"),
                                channel_name (rules, step->about_channel, language));
      return g_strdup (PHRASE (language, "等待答复", "Wait for a reply"));

    case RETRACT_ACTION_NONE:
    default:
      break;
    }

  switch (step->status)
    {
    case RETRACT_STATUS_DONE:
      return g_strdup (PHRASE (language, "已解决", "Resolved"));
    case RETRACT_STATUS_ABANDONED:
      return g_strdup (PHRASE (language, "已放弃", "Abandoned"));
    case RETRACT_STATUS_CLOSED:
    case RETRACT_STATUS_ACT_NOW:
    case RETRACT_STATUS_WAITING:
    default:
      return g_strdup (PHRASE (language, "已无可采取的步骤", "Nothing more can be done"));
    }
}

/**
 * retract_next_step_get_record_label:
 *
 * The label of the button that records the step as done: a submission
 * through the step's channel ("I called", "I submitted the ticket", "I sent
 * the appeal"), or the reply a wait is for ("A reply came").
 *
 * Returns: (nullable): the label, or %NULL when there is nothing to record
 *   (retract_next_step_get_record() decides: no step, or a wait for the
 *   day's appeals)
 */
const char *
retract_next_step_get_record_label (const RetractNextStep *step,
                                    RetractRuleset        *rules,
                                    RetractLanguage        language)
{
  RetractEventKind kind;
  const char *channel;
  StepUse use;

  g_return_val_if_fail (step != NULL, NULL);
  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);

  if (!retract_next_step_get_record (step, &kind, &channel))
    return NULL;
  if (kind == RETRACT_EVENT_REPLY)
    return PHRASE (language, "已收到答复", "A reply came");

  use = step_use (step, rules);
  return PHRASE (language, use_words[use].label_zh, use_words[use].label_en);
}

/**
 * retract_next_step_get_record:
 * @kind: (out): the kind of event the step's button records
 * @channel: (out) (transfer none): its channel, or %NULL
 *
 * What the button of retract_next_step_get_record_label() logs: a
 * submission through the step's channel, or the reply a wait is for. The
 * event still needs its time and, for a reply, its outcome.
 *
 * Returns: whether the step has something to record
 */
gboolean
retract_next_step_get_record (const RetractNextStep  *step,
                              RetractEventKind       *kind,
                              const char            **channel)
{
  g_return_val_if_fail (step != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (channel != NULL, FALSE);

  switch (step->action)
    {
    case RETRACT_ACTION_SUBMIT:
    case RETRACT_ACTION_APPEAL:
      *kind = RETRACT_EVENT_SUBMITTED;
      *channel = step->channel;
      return step->channel != NULL;
    case RETRACT_ACTION_WAIT:
      if (step->reason == RETRACT_REASON_APPEAL_LIMIT)
        return FALSE;
      *kind = RETRACT_EVENT_REPLY;
      *channel = NULL;
      return TRUE;
    case RETRACT_ACTION_NONE:
    default:
      return FALSE;
    }
}

/* ---- the limits ---- */

static int
monthly_threshold (RetractRuleset *rules)
{
  const RetractWarning *warning = retract_ruleset_lookup_warning (rules,
                                                                  RETRACT_WARNING_MONTHLY_LIMIT);

  return warning != NULL ? warning->threshold : -1;
}

/* 00:00 Beijing time on the first of the month after @time's. */
static GDateTime *
next_month (GDateTime *time)
{
  GDate date;

  retract_time_get_date (time, &date);
  g_date_set_day (&date, 1);
  g_date_add_months (&date, 1);
  return g_date_time_new (retract_time_zone (), g_date_get_year (&date),
                          g_date_get_month (&date), 1, 0, 0, 0);
}

/**
 * retract_case_counts_dup_month_text:
 * @now: the time @counts were computed for
 *
 * "Withdrawal requests this month: 2 of 3", and once the dataset's monthly
 * threshold (§6) is reached, when the count starts again.
 *
 * Returns: (transfer full) (nullable): the line, or %NULL when the dataset
 *   has no monthly threshold
 */
char *
retract_case_counts_dup_month_text (const RetractCaseCounts *counts,
                                    RetractRuleset          *rules,
                                    GDateTime               *now,
                                    RetractLanguage          language)
{
  int threshold;
  GString *text;

  g_return_val_if_fail (counts != NULL, NULL);
  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  threshold = monthly_threshold (rules);
  if (threshold < 0)
    return NULL;

  text = g_string_new (NULL);
  g_string_append_printf (text, PHRASE (language, "本月撤销申请：%d / %d",
                                        "Withdrawal requests this month: %d of %d"),
                          counts->withdrawal_requests_this_month, threshold);
  if (counts->withdrawal_requests_this_month >= threshold)
    {
      g_autoptr(GDateTime) reset = next_month (now);
      g_autofree char *when = retract_time_format_human (reset);

      g_string_append_printf (text, PHRASE (language, "（已达上限，%s起重新计算）",
                                            " (limit reached; it starts again on %s)"),
                              when);
    }

  return g_string_free (text, FALSE);
}

/**
 * retract_case_counts_dup_appeals_text:
 *
 * "Appeals today: 1 of 2", and once the appeal channel's daily limit (§8) is
 * reached, from when the next is allowed.
 *
 * Returns: (transfer full) (nullable): the line, or %NULL when the platform
 *   has no appeal with a daily limit
 */
char *
retract_case_counts_dup_appeals_text (const RetractCaseCounts *counts,
                                      RetractRuleset          *rules,
                                      RetractLanguage          language)
{
  GString *text;

  g_return_val_if_fail (counts != NULL, NULL);
  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);

  if (counts->appeal_limit <= 0)
    return NULL;

  text = g_string_new (NULL);
  g_string_append_printf (text, PHRASE (language, "今日申诉：%d / %d", "Appeals today: %d of %d"),
                          counts->appeals_today, counts->appeal_limit);
  if (counts->next_appeal_at != NULL)
    {
      g_autofree char *when = retract_time_format_human (counts->next_appeal_at);

      g_string_append_printf (text, PHRASE (language, "（已达上限，%s起可再次申诉）",
                                            " (limit reached; the next from %s)"),
                              when);
    }

  return g_string_free (text, FALSE);
}


static char *
warning_text (RetractRuleset  *rules,
              const char      *id,
              RetractLanguage  language)
{
  const RetractWarning *warning = retract_ruleset_lookup_warning (rules, id);

  if (warning == NULL)
    return g_strdup ("");
  return g_strdup_printf (PHRASE (language, "%s（§%u）", "%s (§%u)"),
                          retract_text_get (&warning->text, language), warning->section);
}

/**
 * retract_submission_check:
 * @kase: the case the submission would be logged on
 * @counts: @kase's counts at @at (retract_case_counts_compute())
 * @channel: the channel of the submission
 * @at: when it would be dated
 * @message: (out) (optional): what to ask the user, or %NULL when nothing
 *
 * Whether logging a submission through @channel at @at would use a channel
 * the case already used (§3), go over the month's withdrawal requests (§6)
 * or the day's appeals (§8), so that the user is asked before. The first
 * that applies, in that order.
 *
 * Returns: the concern, %RETRACT_SUBMISSION_OK when there is none
 */
RetractSubmissionConcern
retract_submission_check (RetractRuleset          *rules,
                          RetractCase             *kase,
                          const RetractCaseCounts *counts,
                          const char              *channel,
                          GDateTime               *at,
                          RetractLanguage          language,
                          char                   **message)
{
  gboolean appeal;
  int threshold;

  g_return_val_if_fail (RETRACT_IS_RULESET (rules), RETRACT_SUBMISSION_OK);
  g_return_val_if_fail (RETRACT_IS_CASE (kase), RETRACT_SUBMISSION_OK);
  g_return_val_if_fail (counts != NULL, RETRACT_SUBMISSION_OK);
  g_return_val_if_fail (channel != NULL, RETRACT_SUBMISSION_OK);
  g_return_val_if_fail (at != NULL, RETRACT_SUBMISSION_OK);

  if (message != NULL)
    *message = NULL;
  appeal = g_strcmp0 (channel, RETRACT_CHANNEL_APPEAL_MESSAGE) == 0;

  /* Appeals are governed by the daily limit, not by "once per channel". */
  if (appeal)
    {
      if (counts->appeal_limit > 0 && counts->appeals_today >= counts->appeal_limit)
        {
          if (message != NULL)
            {
              g_autofree char *rule = warning_text (rules, RETRACT_WARNING_DAILY_APPEAL_LIMIT,
                                                    language);
              g_autoptr(GDateTime) midnight = retract_time_next_midnight (at);
              g_autofree char *when = retract_time_format_human (midnight);

              *message = g_strdup_printf (PHRASE (language,
                                                  "今日已发送%d次申诉，下一次可在%s起发送。%s",
                                                  "%d appeals were sent today already; the next "
                                                  "can be sent from %s. %s"),
                                          counts->appeals_today, when, rule);
            }
          return RETRACT_SUBMISSION_DAILY_LIMIT;
        }
      return RETRACT_SUBMISSION_OK;
    }

  {
    const RetractCaseEvent *earlier = retract_case_find_submission (kase, channel, NULL);

    if (earlier != NULL)
      {
        if (message != NULL)
          {
            g_autofree char *rule = warning_text (rules, RETRACT_WARNING_REPEAT_SUBMISSION,
                                                  language);
            g_autofree char *name = _retract_next_step_quote_channel (rules, channel, language);
            g_autofree char *when = retract_time_format_human (earlier->at);

            *message = g_strdup_printf (PHRASE (language, "已于%2$s通过%1$s提交过。%3$s",
                                                "You already submitted through %s on %s. %s"),
                                        name, when, rule);
          }
        return RETRACT_SUBMISSION_REPEAT;
      }
  }

  threshold = monthly_threshold (rules);
  if (retract_case_counts_channel_is_request (rules, channel) && threshold >= 0 &&
      counts->withdrawal_requests_this_month >= threshold &&
      !retract_case_counts_has_request_in_month (rules, kase, at))
    {
      if (message != NULL)
        {
          g_autofree char *rule = warning_text (rules, RETRACT_WARNING_MONTHLY_LIMIT, language);

          *message = g_strdup_printf (PHRASE (language, "这将是本月第%d次撤销申请（上限%d次）。%s",
                                              "This would be withdrawal request %d this month "
                                              "(the limit is %d). %s"),
                                      counts->withdrawal_requests_this_month + 1, threshold,
                                      rule);
        }
      return RETRACT_SUBMISSION_MONTHLY_LIMIT;
    }

  return RETRACT_SUBMISSION_OK;
}
