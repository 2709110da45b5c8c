/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The words for a next step and the limits, in the language asked for
 * (like the letter and the reminders: the screens show Chinese or English
 * whatever the interface's locale). Every number and name comes from the
 * step, the counts or the dataset's records; the sentence only arranges them
 * and ends with the section it applies and the dataset's version, so that a
 * user can check the rule behind it. */

#define G_LOG_DOMAIN "retract-next-step-text"

#include "config.h"

#include "retract-engine-ids.h"
#include "retract-next-step-text.h"
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

static guint
channel_section (RetractRuleset *rules,
                 const char     *id)
{
  const RetractChannel *channel = id != NULL ? retract_ruleset_lookup_channel (rules, id) : NULL;

  return channel != NULL ? channel->section : 0;
}

static guint
warning_section (RetractRuleset *rules,
                 const char     *id)
{
  const RetractWarning *warning = retract_ruleset_lookup_warning (rules, id);

  return warning != NULL ? warning->section : 0;
}

/* A channel named in a sentence: “…” in English, 「…」 in Chinese. */
static char *
quote_channel (RetractRuleset  *rules,
               const char      *id,
               RetractLanguage  language)
{
  return g_strdup_printf (PHRASE (language, "「%s」", "“%s”"), channel_name (rules, id, language));
}

static char *
format_time (GDateTime *time)
{
  return time != NULL ? retract_time_format_human (time) : g_strdup ("");
}

/* "12 h", "1 d 2 h", "45 min"; the interface's retract_time_format_span()
 * follows the locale, these sentences follow @language. */
static char *
format_span (GTimeSpan        span,
             RetractLanguage  language)
{
  gint64 minutes = MAX (span, 0) / G_TIME_SPAN_MINUTE;
  int days = (int) MIN (minutes / (24 * 60), G_MAXINT);
  int hours = (int) ((minutes / 60) % 24);
  int rest = (int) (minutes % 60);

  if (days > 0)
    return hours > 0 ? g_strdup_printf (PHRASE (language, "%d天%d小时", "%d d %d h"), days, hours)
                     : g_strdup_printf (PHRASE (language, "%d天", "%d d"), days);
  if (hours > 0)
    return rest > 0 ? g_strdup_printf (PHRASE (language, "%d小时%d分钟", "%d h %d min"), hours, rest)
                    : g_strdup_printf (PHRASE (language, "%d小时", "%d h"), hours);
  return g_strdup_printf (PHRASE (language, "%d分钟", "%d min"), rest);
}

/* "replies take 6–12 h": the channel's response time, as the dataset has it. */
static char *
response_facts (RetractRuleset  *rules,
                const char      *id,
                RetractLanguage  language)
{
  const RetractChannel *channel = id != NULL ? retract_ruleset_lookup_channel (rules, id) : NULL;

  if (channel == NULL || channel->response_max_hours == 0)
    return NULL;
  if (channel->response_min_hours > 0 && channel->response_min_hours < channel->response_max_hours)
    return g_strdup_printf (PHRASE (language, "答复需%u–%u小时", "replies take %u–%u h"),
                            channel->response_min_hours, channel->response_max_hours);
  return g_strdup_printf (PHRASE (language, "答复需%u小时内", "replies take up to %u h"),
                          channel->response_max_hours);
}

/* The sentence, then in brackets its facts, its section and the rules'
 * version: "… (replies take 6–12 h, §3; rules 2026.11.1)." */
static char *
finish (RetractRuleset  *rules,
        RetractLanguage  language,
        char            *body,
        char            *facts,
        guint            section)
{
  GString *text = g_string_new (body);

  g_string_append (text, PHRASE (language, "（", " ("));
  if (facts != NULL)
    {
      g_string_append (text, facts);
      g_string_append (text, PHRASE (language, "，", ", "));
    }
  if (section > 0)
    {
      g_string_append_printf (text, "§%u", section);
      g_string_append (text, PHRASE (language, "；", "; "));
    }
  g_string_append_printf (text, PHRASE (language, "规则版本 %s）。", "rules %s)."),
                          retract_ruleset_get_version (rules));

  g_free (body);
  g_free (facts);
  return g_string_free (text, FALSE);
}

/**
 * retract_next_step_dup_why:
 * @step: a step from retract_next_step_compute()
 * @assessment: the assessment @step was computed with
 * @counts: the counts @step was computed with
 *
 * Why @step is the next step: the rule that gave it with its facts (the
 * channel used and when, the response time, the limit), its section and
 * the dataset's version, e.g. "No reply 12 h after your request through
 * “Ticket …” (replies take 6–12 h, §3; rules 2026.11.1)."
 *
 * Returns: (transfer full): the sentence
 */
char *
retract_next_step_dup_why (const RetractNextStep   *step,
                           RetractAssessment       *assessment,
                           const RetractCaseCounts *counts,
                           RetractLanguage          language)
{
  RetractRuleset *rules;
  GDateTime *now;
  const RetractScenario *scenario;
  const RetractStageInfo *stage;
  g_autofree char *about = NULL;
  g_autofree char *next = NULL;
  g_autofree char *about_at = NULL;
  g_autofree char *due_at = NULL;
  char *body = NULL;
  char *facts = NULL;
  guint section = 0;

  g_return_val_if_fail (step != NULL, NULL);
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (counts != NULL, NULL);

  rules = retract_assessment_get_rules (assessment);
  now = retract_assessment_get_now (assessment);
  scenario = retract_next_step_get_legal_route (assessment);
  stage = retract_assessment_get_stage_info (assessment);
  about = quote_channel (rules, step->about_channel, language);
  next = quote_channel (rules, step->channel, language);
  about_at = format_time (step->about_at);
  due_at = format_time (step->due_at);

  switch (step->reason)
    {
    case RETRACT_REASON_DONE:
      body = g_strdup_printf (PHRASE (language, "已于%s撤销或恢复", "Withdrawn or restored on %s"),
                              about_at);
      break;

    case RETRACT_REASON_ABANDONED:
      body = g_strdup_printf (PHRASE (language, "您已于%s放弃，重新打开即可继续",
                                      "You stopped on %s; reopen the case to go on"),
                              about_at);
      break;

    case RETRACT_REASON_JUDICIAL:
      {
        const RetractChannel *court = step->channel != NULL
                                      ? retract_ruleset_lookup_channel (rules, step->channel)
                                      : NULL;

        /* Plainly: who writes to whom, within how long, by which date. */
        body = g_strdup_printf (PHRASE (language,
                                        "涉及司法调查的投诉不可撤销。处理路径是：在%1$u个工作日内由律师向%2$s"
                                        "发出律师函，申请信息修正；须在%3$s前启动法律程序",
                                        "Under judicial investigation the complaint cannot be "
                                        "withdrawn. The route is a lawyer's letter to the %2$s "
                                        "within %1$u working days, asking it to correct the "
                                        "information: start the legal procedure by %3$s"),
                                scenario != NULL ? scenario->legal_deadline_working_days : 0,
                                court != NULL ? retract_text_get (&court->addressee, language) : "",
                                due_at);
        section = scenario != NULL ? scenario->section : 0;
      }
      break;

    case RETRACT_REASON_JUDICIAL_USED:
      body = g_strdup_printf (PHRASE (language, "已于%2$s通过%1$s启动法律程序，此处无需再做其他操作",
                                      "The legal procedure was started through %s on %s; "
                                      "nothing more can be done here"),
                              about, about_at);
      section = scenario != NULL ? scenario->section : 0;
      break;

    case RETRACT_REASON_JUDICIAL_PASSED:
      {
        g_autofree char *deadline =
          format_time (retract_assessment_get_legal_deadline (assessment));

        body = g_strdup_printf (PHRASE (language, "启动法律程序的期限已于%s截止",
                                        "The time to start the legal procedure ended on %s"),
                                deadline);
        if (scenario != NULL)
          {
            facts = g_strdup_printf (PHRASE (language, "%u个工作日", "%u working days"),
                                     scenario->legal_deadline_working_days);
            section = scenario->section;
          }
      }
      break;

    case RETRACT_REASON_GUARDIAN:
      {
        const RetractChannel *channel = retract_ruleset_lookup_channel (rules, step->channel);
        g_autoptr(GString) steps = g_string_new (NULL);

        /* The route's own steps, as one sentence. */
        for (guint i = 0; channel != NULL && i < channel->steps->len; i++)
          {
            if (i > 0)
              g_string_append (steps, PHRASE (language, "", " "));
            g_string_append (steps, retract_text_get (g_ptr_array_index (channel->steps, i),
                                                      language));
          }
        body = g_strdup_printf (PHRASE (language, "未成年人误操作：%s", "A minor made the mistake. %s"),
                                steps->str);
        section = channel_section (rules, step->channel);
      }
      break;

    case RETRACT_REASON_APPEAL:
      body = g_strdup_printf (PHRASE (language, "投诉已处理，只能申诉：今日已发送%d次，共%d次",
                                      "The complaint has been processed; only an appeal can "
                                      "help now: %d of %d sent today"),
                              counts->appeals_today, counts->appeal_limit);
      facts = g_strdup_printf (PHRASE (language, "每日最多%d次", "at most %d a day"),
                               counts->appeal_limit);
      section = channel_section (rules, step->channel);
      break;

    case RETRACT_REASON_APPEAL_LIMIT:
      body = g_strdup_printf (PHRASE (language, "今日%d次申诉已用完，%s起可再次发送",
                                      "Today's %d appeals are used up; the next can be sent "
                                      "from %s"),
                              counts->appeal_limit, due_at);
      facts = g_strdup_printf (PHRASE (language, "每日最多%d次", "at most %d a day"),
                               counts->appeal_limit);
      section = channel_section (rules, step->channel);
      break;

    case RETRACT_REASON_NO_APPEAL:
      body = g_strdup_printf (PHRASE (language, "投诉已处理，%s没有申诉渠道",
                                      "The complaint has been processed and %s has no appeal"),
                              retract_text_get (&retract_assessment_get_platform (assessment)->name,
                                                language));
      section = stage != NULL ? stage->section : 0;
      break;

    case RETRACT_REASON_NOT_WITHDRAWABLE:
      {
        const RetractComplaintType *type = retract_assessment_get_complaint_type (assessment);

        body = g_strdup_printf (PHRASE (language, "「%s」不可撤销",
                                        "“%s” cannot be withdrawn"),
                                retract_text_get (&type->name, language));
        section = type->section;
      }
      break;

    case RETRACT_REASON_NO_CHANNEL:
      body = g_strdup (PHRASE (language, "此阶段没有可用的渠道",
                               "No channel is offered at this stage"));
      section = stage != NULL ? stage->section : 0;
      break;

    case RETRACT_REASON_FRESH:
      body = g_strdup_printf (PHRASE (language, "尚未提交：%s是此阶段的首选渠道",
                                      "Nothing submitted yet: %s is the first channel at this "
                                      "stage"),
                              next);
      section = channel_section (rules, step->channel);
      break;

    case RETRACT_REASON_AWAITING_REPLY:
      body = g_strdup_printf (PHRASE (language, "已于%2$s通过%1$s提交，请等待答复至%3$s",
                                      "Submitted through %s on %s; wait for the reply until %s"),
                              about, about_at, due_at);
      facts = response_facts (rules, step->about_channel, language);
      section = channel_section (rules, step->about_channel);
      break;

    case RETRACT_REASON_NO_REPLY:
      {
        g_autofree char *waited = format_span (step->about_at != NULL
                                               ? g_date_time_difference (now, step->about_at)
                                               : 0, language);

        body = g_strdup_printf (PHRASE (language, "通过%s提交%s后仍无答复",
                                        "No reply %2$s after your request through %1$s"),
                                about, waited);
        facts = response_facts (rules, step->about_channel, language);
        section = channel_section (rules, step->about_channel);
      }
      break;

    case RETRACT_REASON_REPLY_TOO_LATE:
      body = g_strdup_printf (PHRASE (language,
                                      "%1$s的答复可能晚于撤销期限（%2$s）：先提交工单，再通过%3$s说明紧急情况",
                                      "A reply to your request through %s could come only after "
                                      "the window closes at %s: ticket first, then %s to explain "
                                      "the urgency"),
                              about, due_at, next);
      facts = response_facts (rules, step->about_channel, language);
      section = channel_section (rules, step->about_channel);
      break;

    case RETRACT_REASON_ANSWERED_AT_ONCE:
      body = g_strdup_printf (PHRASE (language, "%s当场答复，投诉仍未撤销：请尝试%s",
                                      "%s answers at once and the complaint is not withdrawn: "
                                      "try %s"),
                              about, next);
      section = channel_section (rules, step->channel);
      break;

    case RETRACT_REASON_REPLY_REFUSED:
      body = g_strdup_printf (PHRASE (language, "%1$s已于%2$s拒绝：请尝试%3$s",
                                      "%s refused on %s: try %s"),
                              about, about_at, next);
      section = channel_section (rules, step->channel);
      break;

    case RETRACT_REASON_REPLY_MORE_MATERIALS:
      body = g_strdup_printf (PHRASE (language, "%1$s已于%2$s要求补充材料：请备齐后通过%3$s提交",
                                      "%s asked for more materials on %s: gather them and "
                                      "submit through %s"),
                              about, about_at, next);
      section = channel_section (rules, step->channel);
      break;

    case RETRACT_REASON_REPLY_OTHER:
      body = g_strdup_printf (PHRASE (language, "%1$s已于%2$s答复，但未撤销投诉：请尝试%3$s",
                                      "%s answered on %s without withdrawing the complaint: "
                                      "try %s"),
                              about, about_at, next);
      section = channel_section (rules, step->channel);
      break;

    case RETRACT_REASON_ALL_USED_WAITING:
      body = g_strdup_printf (PHRASE (language, "此阶段的渠道均已使用，请等待答复至%s",
                                      "Every channel at this stage has been used; wait for an "
                                      "answer until %s"),
                              due_at);
      section = warning_section (rules, RETRACT_WARNING_DUPLICATE_SUBMISSION);
      break;

    case RETRACT_REASON_ALL_USED:
      body = g_strdup (PHRASE (language, "此阶段的渠道均已使用，投诉未被撤销",
                               "Every channel at this stage has been used and none withdrew "
                               "the complaint"));
      section = warning_section (rules, RETRACT_WARNING_DUPLICATE_SUBMISSION);
      break;

    case RETRACT_REASON_NONE:
    default:
      g_return_val_if_reached (NULL);
    }

  return finish (rules, language, body, facts, section);
}

/* How a channel is used, for the verb of the title and of the button. */
typedef enum
{
  CHANNEL_CALL,         /* it has a phone number */
  CHANNEL_MESSAGE,      /* a message to send */
  CHANNEL_TICKET,       /* a ticket with a subject */
  CHANNEL_SELF_SERVICE, /* a button the user presses */
  CHANNEL_OTHER,        /* an application (the court, the admin console, in person) */
} ChannelUse;

static ChannelUse
channel_use (const RetractChannel *channel)
{
  if (channel == NULL)
    return CHANNEL_OTHER;
  if (channel->phone != NULL && *channel->phone != '\0')
    return CHANNEL_CALL;
  if (channel->message_template != NULL)
    return CHANNEL_MESSAGE;
  if (channel->ticket_subject != NULL)
    return CHANNEL_TICKET;
  if (channel->self_service)
    return CHANNEL_SELF_SERVICE;
  return CHANNEL_OTHER;
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
  const RetractChannel *channel;

  g_return_val_if_fail (step != NULL, NULL);
  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);

  channel = step->channel != NULL ? retract_ruleset_lookup_channel (rules, step->channel) : NULL;

  if (step->action == RETRACT_ACTION_SUBMIT && channel != NULL &&
      is_guardian_route (rules, step->channel))
    return g_strdup_printf (PHRASE (language, "监护人前往现场办理：%s",
                                    "The guardian goes in person: %s"),
                            retract_text_get (&channel->addressee, language));

  switch (step->action)
    {
    case RETRACT_ACTION_SUBMIT:
      switch (channel_use (channel))
        {
        case CHANNEL_CALL:
          return g_strdup_printf (PHRASE (language, "立即拨打：%s", "Call now: %s"),
                                  channel_name (rules, step->channel, language));
        case CHANNEL_MESSAGE:
          return g_strdup_printf (PHRASE (language, "立即发送：%s", "Send now: %s"),
                                  channel_name (rules, step->channel, language));
        case CHANNEL_SELF_SERVICE:
          return g_strdup_printf (PHRASE (language, "立即操作：%s", "Do it now: %s"),
                                  channel_name (rules, step->channel, language));
        case CHANNEL_TICKET:
        case CHANNEL_OTHER:
        default:
          return g_strdup_printf (PHRASE (language, "立即提交：%s", "Submit now: %s"),
                                  channel_name (rules, step->channel, language));
        }

    case RETRACT_ACTION_APPEAL:
      return g_strdup_printf (PHRASE (language, "立即发送申诉：%s", "Send the appeal now: %s"),
                              channel_name (rules, step->channel, language));

    case RETRACT_ACTION_WAIT:
      if (step->reason == RETRACT_REASON_APPEAL_LIMIT)
        {
          g_autofree char *until = format_time (step->due_at);

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
 *   (no step, or a wait for the day's appeals)
 */
const char *
retract_next_step_get_record_label (const RetractNextStep *step,
                                    RetractRuleset        *rules,
                                    RetractLanguage        language)
{
  const RetractChannel *channel;

  g_return_val_if_fail (step != NULL, NULL);
  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);

  channel = step->channel != NULL ? retract_ruleset_lookup_channel (rules, step->channel) : NULL;

  if (step->action == RETRACT_ACTION_SUBMIT && is_guardian_route (rules, step->channel))
    return PHRASE (language, "监护人已到场办理", "The guardian went in person");

  switch (step->action)
    {
    case RETRACT_ACTION_SUBMIT:
      switch (channel_use (channel))
        {
        case CHANNEL_CALL:
          return PHRASE (language, "我已拨打", "I called");
        case CHANNEL_MESSAGE:
          return PHRASE (language, "我已发送", "I sent it");
        case CHANNEL_TICKET:
          return PHRASE (language, "我已提交工单", "I submitted the ticket");
        case CHANNEL_SELF_SERVICE:
          return PHRASE (language, "我已操作", "I did it");
        case CHANNEL_OTHER:
        default:
          return PHRASE (language, "我已提交", "I submitted it");
        }
    case RETRACT_ACTION_APPEAL:
      return PHRASE (language, "我已发送申诉", "I sent the appeal");
    case RETRACT_ACTION_WAIT:
      if (step->reason == RETRACT_REASON_APPEAL_LIMIT)
        return NULL;
      return PHRASE (language, "已收到答复", "A reply came");
    case RETRACT_ACTION_NONE:
    default:
      return NULL;
    }
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
            g_autofree char *name = quote_channel (rules, channel, language);
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
