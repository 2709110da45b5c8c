/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Why a step is the next one: one sentence per reason, from one table. The
 * sentence only arranges the step's, the counts' and the dataset's facts, and
 * ends with the section it applies and the dataset's version, so that a user
 * can check the rule behind it. */

#define G_LOG_DOMAIN "retract-next-step-text"

#include "config.h"

#include "retract-engine-ids.h"
#include "retract-next-step-text-private.h"
#include "retract-time.h"

/* Traditional Chinese takes each sentence's form from retract-hant-phrases.h. */
#define PHRASE(language, zh, en) ((language) == RETRACT_LANGUAGE_EN ? (en) \
                                  : retract_text_chinese_phrase ((language), (zh)))

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

/* What a sentence of the why names, in the order of its %1$s, %2$s, %3$s. */
typedef enum
{
  ARG_NONE,
  ARG_ABOUT,          /* the channel the step is about, quoted */
  ARG_ABOUT_AT,       /* when that happened */
  ARG_NEXT,           /* the step's channel, quoted */
  ARG_DUE_AT,         /* when the step is due */
  ARG_WAITED,         /* how long ago ARG_ABOUT_AT was */
  ARG_LEGAL_DAYS,     /* the legal route's working days */
  ARG_COURT,          /* to whom the lawyer writes */
  ARG_LEGAL_DEADLINE, /* the end of the legal route's days */
  ARG_ROUTE_STEPS,    /* the step's channel's own steps, as one sentence */
  ARG_APPEALS_TODAY,
  ARG_APPEAL_LIMIT,
  ARG_PLATFORM,       /* the platform's name */
  ARG_TYPE,           /* the complaint type's name */
} WhyArg;

/* What goes in brackets before the section. */
typedef enum
{
  FACTS_NONE,
  FACTS_RESPONSE,     /* ARG_ABOUT's response time */
  FACTS_APPEAL_LIMIT, /* the appeals a day */
  FACTS_LEGAL_DAYS,   /* the legal route's working days */
} WhyFacts;

/* Whose section the sentence ends with. */
typedef enum
{
  SECTION_NONE,
  SECTION_CHANNEL,       /* the step's channel */
  SECTION_ABOUT_CHANNEL, /* the channel the step is about */
  SECTION_LEGAL_ROUTE,   /* the judicial scenario */
  SECTION_STAGE,
  SECTION_TYPE,
  SECTION_ALL_USED,      /* the warning against submitting twice (§3) */
} WhySection;

typedef struct
{
  const char *zh;
  const char *en;
  WhyArg      args[3];
  WhyFacts    facts;
  WhySection  section;
} WhySentence;

static const WhySentence why_sentences[RETRACT_N_NEXT_REASONS] = {
  [RETRACT_REASON_DONE] = {
    "已于%s撤销或恢复", "Withdrawn or restored on %s",
    { ARG_ABOUT_AT } },
  [RETRACT_REASON_ABANDONED] = {
    "您已于%s放弃，重新打开即可继续", "You stopped on %s; reopen the case to go on",
    { ARG_ABOUT_AT } },
  /* Plainly: who writes to whom, within how long, by which date. */
  [RETRACT_REASON_JUDICIAL] = {
    "涉及司法调查的投诉不可撤销。处理路径是：在%1$s个工作日内由律师向%2$s发出律师函，申请信息修正；"
    "须在%3$s前启动法律程序",
    "Under judicial investigation the complaint cannot be withdrawn. The route is a lawyer's "
    "letter to the %2$s within %1$s working days, asking it to correct the information: start "
    "the legal procedure by %3$s",
    { ARG_LEGAL_DAYS, ARG_COURT, ARG_DUE_AT }, FACTS_NONE, SECTION_LEGAL_ROUTE },
  [RETRACT_REASON_JUDICIAL_USED] = {
    "已于%2$s通过%1$s启动法律程序，此处无需再做其他操作",
    "The legal procedure was started through %s on %s; nothing more can be done here",
    { ARG_ABOUT, ARG_ABOUT_AT }, FACTS_NONE, SECTION_LEGAL_ROUTE },
  [RETRACT_REASON_JUDICIAL_PASSED] = {
    "启动法律程序的期限已于%s截止", "The time to start the legal procedure ended on %s",
    { ARG_LEGAL_DEADLINE }, FACTS_LEGAL_DAYS, SECTION_LEGAL_ROUTE },
  [RETRACT_REASON_GUARDIAN] = {
    "未成年人误操作：%s", "A minor made the mistake. %s",
    { ARG_ROUTE_STEPS }, FACTS_NONE, SECTION_CHANNEL },
  [RETRACT_REASON_APPEAL] = {
    "投诉已处理，只能申诉：今日已发送%s次，共%s次",
    "The complaint has been processed; only an appeal can help now: %s of %s sent today",
    { ARG_APPEALS_TODAY, ARG_APPEAL_LIMIT }, FACTS_APPEAL_LIMIT, SECTION_CHANNEL },
  [RETRACT_REASON_APPEAL_LIMIT] = {
    "今日%s次申诉已用完，%s起可再次发送",
    "Today's %s appeals are used up; the next can be sent from %s",
    { ARG_APPEAL_LIMIT, ARG_DUE_AT }, FACTS_APPEAL_LIMIT, SECTION_CHANNEL },
  [RETRACT_REASON_NO_APPEAL] = {
    "投诉已处理，%s没有申诉渠道", "The complaint has been processed and %s has no appeal",
    { ARG_PLATFORM }, FACTS_NONE, SECTION_STAGE },
  [RETRACT_REASON_NOT_WITHDRAWABLE] = {
    "「%s」不可撤销", "“%s” cannot be withdrawn",
    { ARG_TYPE }, FACTS_NONE, SECTION_TYPE },
  [RETRACT_REASON_NO_CHANNEL] = {
    "此阶段没有可用的渠道", "No channel is offered at this stage",
    { ARG_NONE }, FACTS_NONE, SECTION_STAGE },
  [RETRACT_REASON_FRESH] = {
    "尚未提交：%s是此阶段的首选渠道", "Nothing submitted yet: %s is the first channel at this stage",
    { ARG_NEXT }, FACTS_NONE, SECTION_CHANNEL },
  [RETRACT_REASON_AWAITING_REPLY] = {
    "已于%2$s通过%1$s提交，请等待答复至%3$s",
    "Submitted through %s on %s; wait for the reply until %s",
    { ARG_ABOUT, ARG_ABOUT_AT, ARG_DUE_AT }, FACTS_RESPONSE, SECTION_ABOUT_CHANNEL },
  [RETRACT_REASON_NO_REPLY] = {
    "通过%s提交%s后仍无答复", "No reply %2$s after your request through %1$s",
    { ARG_ABOUT, ARG_WAITED }, FACTS_RESPONSE, SECTION_ABOUT_CHANNEL },
  [RETRACT_REASON_REPLY_TOO_LATE] = {
    "%1$s的答复可能晚于撤销期限（%2$s）：先提交工单，再通过%3$s说明紧急情况",
    "A reply to your request through %s could come only after the window closes at %s: "
    "ticket first, then %s to explain the urgency",
    { ARG_ABOUT, ARG_DUE_AT, ARG_NEXT }, FACTS_RESPONSE, SECTION_ABOUT_CHANNEL },
  [RETRACT_REASON_ANSWERED_AT_ONCE] = {
    "%s当场答复，投诉仍未撤销：请尝试%s",
    "%s answers at once and the complaint is not withdrawn: try %s",
    { ARG_ABOUT, ARG_NEXT }, FACTS_NONE, SECTION_CHANNEL },
  [RETRACT_REASON_REPLY_REFUSED] = {
    "%1$s已于%2$s拒绝：请尝试%3$s", "%s refused on %s: try %s",
    { ARG_ABOUT, ARG_ABOUT_AT, ARG_NEXT }, FACTS_NONE, SECTION_CHANNEL },
  [RETRACT_REASON_REPLY_MORE_MATERIALS] = {
    "%1$s已于%2$s要求补充材料：请备齐后通过%3$s提交",
    "%s asked for more materials on %s: gather them and submit through %s",
    { ARG_ABOUT, ARG_ABOUT_AT, ARG_NEXT }, FACTS_NONE, SECTION_CHANNEL },
  [RETRACT_REASON_REPLY_OTHER] = {
    "%1$s已于%2$s答复，但未撤销投诉：请尝试%3$s",
    "%s answered on %s without withdrawing the complaint: try %s",
    { ARG_ABOUT, ARG_ABOUT_AT, ARG_NEXT }, FACTS_NONE, SECTION_CHANNEL },
  [RETRACT_REASON_ALL_USED_WAITING] = {
    "此阶段的渠道均已使用，请等待答复至%s",
    "Every channel at this stage has been used; wait for an answer until %s",
    { ARG_DUE_AT }, FACTS_NONE, SECTION_ALL_USED },
  [RETRACT_REASON_ALL_USED] = {
    "此阶段的渠道均已使用，投诉未被撤销",
    "Every channel at this stage has been used and none withdrew the complaint",
    { ARG_NONE }, FACTS_NONE, SECTION_ALL_USED },
};

/* What the why of a step is computed from. */
typedef struct
{
  const RetractNextStep   *step;
  RetractAssessment       *assessment;
  const RetractCaseCounts *counts;
  RetractRuleset          *rules;
  const RetractScenario   *legal_route; /* nullable */
  RetractLanguage          language;
} Why;

/* A channel's own steps, as one sentence. */
static char *
route_steps (RetractRuleset  *rules,
             const char      *id,
             RetractLanguage  language)
{
  const RetractChannel *channel = id != NULL ? retract_ruleset_lookup_channel (rules, id) : NULL;
  GString *steps = g_string_new (NULL);

  for (guint i = 0; channel != NULL && i < channel->steps->len; i++)
    {
      if (i > 0)
        g_string_append (steps, PHRASE (language, "", " "));
      g_string_append (steps, retract_text_get (g_ptr_array_index (channel->steps, i), language));
    }

  return g_string_free (steps, FALSE);
}

static char *
why_arg (const Why *why,
         WhyArg     arg)
{
  const RetractNextStep *step = why->step;
  RetractAssessment *assessment = why->assessment;
  RetractLanguage language = why->language;

  switch (arg)
    {
    case ARG_ABOUT:
      return _retract_next_step_quote_channel (why->rules, step->about_channel, language);
    case ARG_ABOUT_AT:
      return _retract_next_step_format_time (step->about_at);
    case ARG_NEXT:
      return _retract_next_step_quote_channel (why->rules, step->channel, language);
    case ARG_DUE_AT:
      return _retract_next_step_format_time (step->due_at);
    case ARG_WAITED:
      return format_span (step->about_at != NULL
                          ? g_date_time_difference (retract_assessment_get_now (assessment),
                                                    step->about_at)
                          : 0, language);
    case ARG_LEGAL_DAYS:
      return g_strdup_printf ("%u", why->legal_route != NULL
                                    ? why->legal_route->legal_deadline_working_days : 0);
    case ARG_COURT:
      {
        const RetractChannel *court = step->channel != NULL
                                      ? retract_ruleset_lookup_channel (why->rules, step->channel)
                                      : NULL;

        return g_strdup (court != NULL ? retract_text_get (&court->addressee, language) : "");
      }
    case ARG_LEGAL_DEADLINE:
      return _retract_next_step_format_time (retract_assessment_get_legal_deadline (assessment));
    case ARG_ROUTE_STEPS:
      return route_steps (why->rules, step->channel, language);
    case ARG_APPEALS_TODAY:
      return g_strdup_printf ("%d", why->counts->appeals_today);
    case ARG_APPEAL_LIMIT:
      return g_strdup_printf ("%d", why->counts->appeal_limit);
    case ARG_PLATFORM:
      return g_strdup (retract_text_get (&retract_assessment_get_platform (assessment)->name,
                                         language));
    case ARG_TYPE:
      return g_strdup (retract_text_get (&retract_assessment_get_complaint_type (assessment)->name,
                                         language));
    case ARG_NONE:
    default:
      g_assert_not_reached ();
    }
}

static char *
why_facts (const Why *why,
           WhyFacts   facts)
{
  switch (facts)
    {
    case FACTS_RESPONSE:
      return response_facts (why->rules, why->step->about_channel, why->language);
    case FACTS_APPEAL_LIMIT:
      return g_strdup_printf (PHRASE (why->language, "每日最多%d次", "at most %d a day"),
                              why->counts->appeal_limit);
    case FACTS_LEGAL_DAYS:
      if (why->legal_route == NULL)
        return NULL;
      return g_strdup_printf (PHRASE (why->language, "%u个工作日", "%u working days"),
                              why->legal_route->legal_deadline_working_days);
    case FACTS_NONE:
    default:
      return NULL;
    }
}

static guint
why_section (const Why  *why,
             WhySection  section)
{
  const RetractStageInfo *stage;

  switch (section)
    {
    case SECTION_CHANNEL:
      return channel_section (why->rules, why->step->channel);
    case SECTION_ABOUT_CHANNEL:
      return channel_section (why->rules, why->step->about_channel);
    case SECTION_LEGAL_ROUTE:
      return why->legal_route != NULL ? why->legal_route->section : 0;
    case SECTION_STAGE:
      stage = retract_assessment_get_stage_info (why->assessment);
      return stage != NULL ? stage->section : 0;
    case SECTION_TYPE:
      return retract_assessment_get_complaint_type (why->assessment)->section;
    case SECTION_ALL_USED:
      return warning_section (why->rules, RETRACT_WARNING_DUPLICATE_SUBMISSION);
    case SECTION_NONE:
    default:
      return 0;
    }
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
  const WhySentence *sentence;
  char *args[G_N_ELEMENTS (sentence->args)] = { NULL };
  guint n_args = 0;
  Why why;
  char *body;

  g_return_val_if_fail (step != NULL, NULL);
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (counts != NULL, NULL);
  g_return_val_if_fail (step->reason < RETRACT_N_NEXT_REASONS, NULL);

  sentence = &why_sentences[step->reason];
  g_return_val_if_fail (sentence->en != NULL, NULL);

  why = (Why) {
    .step = step,
    .assessment = assessment,
    .counts = counts,
    .rules = retract_assessment_get_rules (assessment),
    .legal_route = retract_next_step_get_legal_route (assessment),
    .language = language,
  };

  while (n_args < G_N_ELEMENTS (args) && sentence->args[n_args] != ARG_NONE)
    {
      args[n_args] = why_arg (&why, sentence->args[n_args]);
      n_args++;
    }
  body = _retract_next_step_expand (PHRASE (language, sentence->zh, sentence->en),
                                    (const char * const *) args, n_args);
  for (guint i = 0; i < n_args; i++)
    g_free (args[i]);

  return finish (why.rules, language, body, why_facts (&why, sentence->facts),
                 why_section (&why, sentence->section));
}
