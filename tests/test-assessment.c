/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The engine against every row of the seed's tables and every boundary the
 * rules pin down. Times are Beijing time unless a case says otherwise. */

#include "config.h"

#include "retract-assessment.h"
#include "retract-error.h"
#include "retract-json-views.h"
#include "retract-time.h"

static RetractRuleset *rules;

typedef struct
{
  const char *name;
  const char *platform;
  const char *type;
  const char *filed_at;
  const char *now;
  const char *scenarios;  /* comma-separated, NULL for none */
  const char *mistake;    /* NULL: the default */
  int         withdrawals;
  gboolean    other_party_loss;

  const char *stage;
  const char *self_service_until; /* NULL: expected null */
  const char *window_closes_at;
  const char *legal_deadline;
  const char *channels;           /* ordered, comma-separated, "" for none */
  const char *materials;
  const char *warnings;
} AssessCase;

static const AssessCase assess_cases[] = {
  /* §1 and §2: friend report, 24 h window, stages by elapsed time. */
  { "friend-report/just-filed", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-24T10:00:00+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },
  { "friend-report/1h59m59s", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-24T11:59:59+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },
  { "friend-report/exactly-2h", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-24T12:00:00+08:00", NULL, NULL, 0, FALSE,
    "manual-review", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "web-ticket,phone-hotline", "identity,screen-recording", "duplicate-submission" },
  { "friend-report/exactly-24h", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL, NULL, 0, FALSE,
    "manual-review", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "web-ticket,phone-hotline", "identity,screen-recording", "duplicate-submission" },
  { "friend-report/24h-and-1s", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-25T10:00:01+08:00", NULL, NULL, 0, FALSE,
    "processed", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "appeal-message", "identity,screen-recording", "irreversible" },
  { "friend-report/24h-and-1min", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-25T10:01:00+08:00", NULL, NULL, 0, FALSE,
    "processed", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "appeal-message", "identity,screen-recording", "irreversible" },

  /* §1: payment dispute, 72 h, anti-money-laundering review (§6). */
  { "payment-dispute/auto", "wechat", "payment-dispute",
    "2026-11-24T10:00:00+08:00", "2026-11-24T10:30:00+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2026-11-24T12:00:00+08:00", "2026-11-27T10:00:00+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "aml-review,duplicate-submission" },
  { "payment-dispute/exactly-72h", "wechat", "payment-dispute",
    "2026-11-24T10:00:00+08:00", "2026-11-27T10:00:00+08:00", NULL, NULL, 0, FALSE,
    "manual-review", "2026-11-24T12:00:00+08:00", "2026-11-27T10:00:00+08:00", NULL,
    "web-ticket,phone-hotline", "identity,screen-recording", "aml-review,duplicate-submission" },
  { "payment-dispute/72h-and-1min", "wechat", "payment-dispute",
    "2026-11-24T10:00:00+08:00", "2026-11-27T10:01:00+08:00", NULL, NULL, 0, FALSE,
    "processed", "2026-11-24T12:00:00+08:00", "2026-11-27T10:00:00+08:00", NULL,
    "appeal-message", "identity,screen-recording", "aml-review,irreversible" },
  { "payment-dispute/every-risk", "wechat", "payment-dispute",
    "2026-11-24T10:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL, NULL, 3, TRUE,
    "manual-review", "2026-11-24T12:00:00+08:00", "2026-11-27T10:00:00+08:00", NULL,
    "web-ticket,phone-hotline", "identity,screen-recording",
    "monthly-limit,aml-review,other-party-loss,duplicate-submission" },

  /* §1: mini-program, 3 working days closing at 23:59:59 of the 3rd. */
  { "miniprogram/ordinary-week", "wechat", "miniprogram-infringement",
    "2026-11-24T10:00:00+08:00", "2026-11-24T10:00:00+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2026-11-24T12:00:00+08:00", "2026-11-27T23:59:59+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },
  { "miniprogram/over-weekend", "wechat", "miniprogram-infringement",
    "2026-11-26T09:00:00+08:00", "2026-11-26T09:00:00+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2026-11-26T11:00:00+08:00", "2026-12-01T23:59:59+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },
  { "miniprogram/filed-on-saturday", "wechat", "miniprogram-infringement",
    "2026-11-28T15:00:00+08:00", "2026-11-28T15:00:00+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2026-11-28T17:00:00+08:00", "2026-12-02T23:59:59+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },
  { "miniprogram/spring-festival-2026-last-second", "wechat", "miniprogram-infringement",
    "2026-02-13T10:00:00+08:00", "2026-02-25T23:59:59+08:00", NULL, NULL, 0, FALSE,
    "manual-review", "2026-02-13T12:00:00+08:00", "2026-02-25T23:59:59+08:00", NULL,
    "web-ticket,phone-hotline", "identity,screen-recording", "duplicate-submission" },
  { "miniprogram/spring-festival-2026-closed", "wechat", "miniprogram-infringement",
    "2026-02-13T10:00:00+08:00", "2026-02-26T00:00:00+08:00", NULL, NULL, 0, FALSE,
    "processed", "2026-02-13T12:00:00+08:00", "2026-02-25T23:59:59+08:00", NULL,
    "appeal-message", "identity,screen-recording", "irreversible" },
  { "miniprogram/after-spring-festival-makeup", "wechat", "miniprogram-infringement",
    "2026-02-26T10:00:00+08:00", "2026-02-26T10:00:00+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2026-02-26T12:00:00+08:00", "2026-03-02T23:59:59+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },
  { "miniprogram/national-day-2026", "wechat", "miniprogram-infringement",
    "2026-09-30T10:00:00+08:00", "2026-10-08T13:00:00+08:00", NULL, NULL, 0, FALSE,
    "manual-review", "2026-09-30T12:00:00+08:00", "2026-10-10T23:59:59+08:00", NULL,
    "web-ticket,phone-hotline", "identity,screen-recording", "duplicate-submission" },
  { "miniprogram/makeup-sunday-2026-09-20", "wechat", "miniprogram-infringement",
    "2026-09-18T10:00:00+08:00", "2026-09-18T10:00:00+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2026-09-18T12:00:00+08:00", "2026-09-22T23:59:59+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },
  { "miniprogram/mid-autumn-2026", "wechat", "miniprogram-infringement",
    "2026-09-24T10:00:00+08:00", "2026-09-24T10:00:00+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2026-09-24T12:00:00+08:00", "2026-09-30T23:59:59+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },
  { "miniprogram/spring-festival-2025", "wechat", "miniprogram-infringement",
    "2025-01-24T10:00:00+08:00", "2025-01-24T10:00:00+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2025-01-24T12:00:00+08:00", "2025-02-05T23:59:59+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },
  { "miniprogram/labour-day-2025", "wechat", "miniprogram-infringement",
    "2025-04-25T10:00:00+08:00", "2025-04-25T10:00:00+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2025-04-25T12:00:00+08:00", "2025-04-29T23:59:59+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },
  { "miniprogram/beijing-date-not-utc-date", "wechat", "miniprogram-infringement",
    "2026-09-29T17:00:00Z", "2026-09-29T17:30:00Z", NULL, NULL, 0, FALSE,
    "auto-review", "2026-09-30T03:00:00+08:00", "2026-10-10T23:59:59+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },
  { "miniprogram/into-uncovered-year", "wechat", "miniprogram-infringement",
    "2026-12-30T10:00:00+08:00", "2026-12-30T10:00:00+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2026-12-30T12:00:00+08:00", "2027-01-04T23:59:59+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission,calendar-unknown" },
  { "miniprogram/end-of-covered-year", "wechat", "miniprogram-infringement",
    "2026-12-25T10:00:00+08:00", "2026-12-25T10:00:00+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2026-12-25T12:00:00+08:00", "2026-12-30T23:59:59+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },
  { "miniprogram/uncovered-year-2024", "wechat", "miniprogram-infringement",
    "2024-10-01T10:00:00+08:00", "2024-10-01T10:00:00+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2024-10-01T12:00:00+08:00", "2024-10-04T23:59:59+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission,calendar-unknown" },
  { "friend-report/uncovered-year-needs-no-calendar", "wechat", "friend-report",
    "2027-03-01T10:00:00+08:00", "2027-03-01T10:00:00+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2027-03-01T12:00:00+08:00", "2027-03-02T10:00:00+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },

  /* §1: intellectual property cannot be withdrawn at all. */
  { "intellectual-property/just-filed", "wechat", "intellectual-property",
    "2026-11-24T10:00:00+08:00", "2026-11-24T10:00:00+08:00", NULL, NULL, 0, FALSE,
    "not-withdrawable", NULL, NULL, NULL,
    "", "identity,screen-recording", "irreversible" },

  /* §4: the evidence depends on the kind of mistake. */
  { "misstatement/auto", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-24T11:00:00+08:00", NULL, "misstatement", 0, FALSE,
    "auto-review", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },
  { "misstatement/manual", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-24T15:00:00+08:00", NULL, "misstatement", 0, FALSE,
    "manual-review", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "web-ticket,phone-hotline", "identity,written-statement", "duplicate-submission" },

  /* §5: special scenarios. */
  { "enterprise/auto", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-24T10:30:00+08:00", "enterprise", NULL, 0, FALSE,
    "auto-review", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "enterprise-admin,self-service,web-ticket,phone-hotline", "business-license",
    "duplicate-submission" },
  { "enterprise/manual", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-24T13:00:00+08:00", "enterprise", NULL, 0, FALSE,
    "manual-review", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "enterprise-admin,web-ticket,phone-hotline", "identity,screen-recording,business-license",
    "duplicate-submission" },
  { "enterprise/processed", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-26T10:00:00+08:00", "enterprise", NULL, 0, FALSE,
    "processed", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "appeal-message", "identity,screen-recording,business-license", "irreversible" },
  { "cross-border/auto", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-24T10:30:00+08:00", "cross-border", NULL, 0, FALSE,
    "auto-review", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "self-service,web-ticket,international-hotline", "passport", "duplicate-submission" },
  { "cross-border/manual", "wechat", "payment-dispute",
    "2026-11-24T10:00:00+08:00", "2026-11-25T10:00:00+08:00", "cross-border", NULL, 0, FALSE,
    "manual-review", "2026-11-24T12:00:00+08:00", "2026-11-27T10:00:00+08:00", NULL,
    "web-ticket,international-hotline", "identity,screen-recording,passport",
    "aml-review,duplicate-submission" },
  { "minor/auto", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-24T10:30:00+08:00", "minor", NULL, 0, FALSE,
    "auto-review", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "guardian-in-person,self-service,web-ticket,phone-hotline", "household-register",
    "duplicate-submission" },
  { "minor/manual", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-24T20:00:00+08:00", "minor", NULL, 0, FALSE,
    "manual-review", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "guardian-in-person,web-ticket,phone-hotline",
    "identity,screen-recording,household-register", "duplicate-submission" },
  /* A minor's guardian route stays on the answer at every stage (issue 15 §2). */
  { "minor/processed", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-26T10:00:00+08:00", "minor", NULL, 0, FALSE,
    "processed", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "guardian-in-person,appeal-message", "identity,screen-recording,household-register",
    "irreversible" },
  { "minor/not-withdrawable", "wechat", "intellectual-property",
    "2026-11-24T10:00:00+08:00", "2026-11-24T10:00:00+08:00", "minor", NULL, 0, FALSE,
    "not-withdrawable", NULL, NULL, NULL,
    "guardian-in-person", "identity,screen-recording,household-register", "irreversible" },
  { "minor/judicial", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-24T11:00:00+08:00", "minor,judicial", NULL, 0, FALSE,
    "not-withdrawable", NULL, NULL, "2026-12-03T23:59:59+08:00",
    "court-correction,guardian-in-person", "identity,screen-recording,household-register",
    "irreversible" },
  { "minor-and-cross-border/order-independent", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-24T20:00:00+08:00", "cross-border,minor,enterprise",
    NULL, 0, FALSE,
    "manual-review", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "enterprise-admin,guardian-in-person,web-ticket,international-hotline",
    "identity,screen-recording,business-license,passport,household-register",
    "duplicate-submission" },
  { "judicial/just-filed", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-24T10:00:00+08:00", "judicial", NULL, 0, FALSE,
    "not-withdrawable", NULL, NULL, "2026-12-03T23:59:59+08:00",
    "court-correction", "identity,screen-recording", "irreversible" },
  { "judicial/across-national-day", "wechat", "payment-dispute",
    "2026-09-28T10:00:00+08:00", "2026-09-28T12:00:00+08:00", "judicial", NULL, 0, FALSE,
    "not-withdrawable", NULL, NULL, "2026-10-13T23:59:59+08:00",
    "court-correction", "identity,screen-recording", "aml-review,irreversible" },
  { "judicial/with-enterprise", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-24T11:00:00+08:00", "enterprise,judicial", NULL, 0,
    FALSE,
    "not-withdrawable", NULL, NULL, "2026-12-03T23:59:59+08:00",
    "court-correction", "identity,screen-recording,business-license", "irreversible" },
  { "judicial/into-uncovered-year", "wechat", "friend-report",
    "2026-12-28T10:00:00+08:00", "2026-12-28T10:00:00+08:00", "judicial", NULL, 0, FALSE,
    "not-withdrawable", NULL, NULL, "2027-01-06T23:59:59+08:00",
    "court-correction", "identity,screen-recording", "irreversible,calendar-unknown" },
  { "judicial/intellectual-property", "wechat", "intellectual-property",
    "2026-11-24T10:00:00+08:00", "2026-11-24T10:00:00+08:00", "judicial", NULL, 0, FALSE,
    "not-withdrawable", NULL, NULL, "2026-12-03T23:59:59+08:00",
    "court-correction", "identity,screen-recording", "irreversible" },

  /* §6: the monthly limit triggers from the 3rd withdrawal already made. */
  { "monthly-limit/2-is-fine", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-24T10:00:00+08:00", NULL, NULL, 2, FALSE,
    "auto-review", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },
  { "monthly-limit/3-triggers", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-24T10:00:00+08:00", NULL, NULL, 3, FALSE,
    "auto-review", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "monthly-limit,duplicate-submission" },
  { "monthly-limit/huge", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-24T10:00:00+08:00", NULL, NULL, 1000000000, TRUE,
    "auto-review", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "",
    "monthly-limit,other-party-loss,duplicate-submission" },

  /* §7: Alipay 12 h with face verification; Douyin 72 h with proof of deletion. */
  { "alipay/auto", "alipay", "general",
    "2026-11-24T10:00:00+08:00", "2026-11-24T11:00:00+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2026-11-24T12:00:00+08:00", "2026-11-24T22:00:00+08:00", NULL,
    "alipay-smart-service", "face-verification", "" },
  { "alipay/exactly-12h", "alipay", "general",
    "2026-11-24T10:00:00+08:00", "2026-11-24T22:00:00+08:00", NULL, NULL, 0, FALSE,
    "manual-review", "2026-11-24T12:00:00+08:00", "2026-11-24T22:00:00+08:00", NULL,
    "alipay-smart-service", "identity,screen-recording,face-verification", "" },
  { "alipay/12h-and-1s", "alipay", "general",
    "2026-11-24T10:00:00+08:00", "2026-11-24T22:00:01+08:00", NULL, NULL, 0, FALSE,
    "processed", "2026-11-24T12:00:00+08:00", "2026-11-24T22:00:00+08:00", NULL,
    "alipay-smart-service", "identity,screen-recording,face-verification", "irreversible" },
  { "alipay/enterprise-keeps-own-channel", "alipay", "general",
    "2026-11-24T10:00:00+08:00", "2026-11-24T11:00:00+08:00", "enterprise", NULL, 0, FALSE,
    "auto-review", "2026-11-24T12:00:00+08:00", "2026-11-24T22:00:00+08:00", NULL,
    "alipay-smart-service", "business-license,face-verification", "" },
  { "alipay/judicial", "alipay", "general",
    "2026-11-24T10:00:00+08:00", "2026-11-24T11:00:00+08:00", "judicial", NULL, 0, FALSE,
    "not-withdrawable", NULL, NULL, "2026-12-03T23:59:59+08:00",
    "court-correction", "identity,screen-recording,face-verification", "irreversible" },
  { "douyin/auto", "douyin", "general",
    "2026-11-24T10:00:00+08:00", "2026-11-24T10:00:00+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2026-11-24T12:00:00+08:00", "2026-11-27T10:00:00+08:00", NULL,
    "douyin-community-review", "deletion-proof", "" },
  { "douyin/exactly-72h", "douyin", "general",
    "2026-11-24T10:00:00+08:00", "2026-11-27T10:00:00+08:00", NULL, "misstatement", 0, FALSE,
    "manual-review", "2026-11-24T12:00:00+08:00", "2026-11-27T10:00:00+08:00", NULL,
    "douyin-community-review", "identity,written-statement,deletion-proof", "" },
  { "douyin/processed", "douyin", "general",
    "2026-11-24T10:00:00+08:00", "2026-11-27T10:00:01+08:00", NULL, NULL, 0, FALSE,
    "processed", "2026-11-24T12:00:00+08:00", "2026-11-27T10:00:00+08:00", NULL,
    "douyin-community-review", "identity,screen-recording,deletion-proof", "irreversible" },

  /* Fractions of a second count: 1 h 59 min 59.5 s is still under 2 h. */
  { "fraction/under-2h", "wechat", "friend-report",
    "2026-11-24T10:00:00.7+08:00", "2026-11-24T12:00:00.2+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2026-11-24T12:00:00.700000+08:00", "2026-11-25T10:00:00.700000+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },
  { "fraction/half-second-after-close", "wechat", "friend-report",
    "2026-11-24T10:00:00+08:00", "2026-11-25T10:00:00.5+08:00", NULL, NULL, 0, FALSE,
    "processed", "2026-11-24T12:00:00+08:00", "2026-11-25T10:00:00+08:00", NULL,
    "appeal-message", "identity,screen-recording", "irreversible" },

  /* A clock a few seconds behind the phone's is not "the future". */
  { "clock-skew/filed-60s-ahead", "wechat", "friend-report",
    "2026-11-24T10:01:00+08:00", "2026-11-24T10:00:00+08:00", NULL, NULL, 0, FALSE,
    "auto-review", "2026-11-24T12:01:00+08:00", "2026-11-25T10:01:00+08:00", NULL,
    "self-service,web-ticket,phone-hotline", "", "duplicate-submission" },
  { "old-filing/1970", "wechat", "friend-report",
    "1970-01-01T08:00:00+08:00", "2026-11-24T10:00:00+08:00", NULL, NULL, 0, FALSE,
    "processed", "1970-01-01T10:00:00+08:00", "1970-01-02T08:00:00+08:00", NULL,
    "appeal-message", "identity,screen-recording", "irreversible" },
};

static GDateTime *
parse_time (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDateTime *time = retract_time_parse (text, &error);

  g_assert_no_error (error);
  return time;
}

static RetractCase *
build_case (const AssessCase *c)
{
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GDateTime) filed = parse_time (c->filed_at);

  retract_case_set_platform (kase, c->platform);
  retract_case_set_complaint_type (kase, c->type);
  retract_case_set_filed_at (kase, filed);
  retract_case_set_mistake (kase, c->mistake);
  retract_case_set_withdrawals_this_month (kase, c->withdrawals);
  retract_case_set_other_party_loss (kase, c->other_party_loss);
  if (c->scenarios != NULL)
    {
      g_auto(GStrv) scenarios = g_strsplit (c->scenarios, ",", -1);

      retract_case_set_scenarios (kase, (const char * const *) scenarios);
    }

  return g_steal_pointer (&kase);
}

static char *
join_ids (RetractRecordKind kind,
          GPtrArray        *records)
{
  return retract_records_join_ids (kind, records);
}

static void
assert_time (GDateTime  *actual,
             const char *expected)
{
  g_autofree char *text = NULL;

  if (expected == NULL)
    {
      g_assert_null (actual);
      return;
    }

  g_assert_nonnull (actual);
  text = retract_time_format_iso (actual);
  g_assert_cmpstr (text, ==, expected);
}

static char *
commas_to_list (const char *ids)
{
  g_auto(GStrv) parts = g_strsplit (ids, ",", -1);

  return g_strjoinv (", ", parts);
}

static void
test_assess_case (gconstpointer data)
{
  const AssessCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractCase) kase = build_case (c);
  g_autoptr(GDateTime) now = parse_time (c->now);
  g_autoptr(RetractAssessment) assessment = NULL;
  g_autofree char *channels = NULL;
  g_autofree char *materials = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *expected_channels = commas_to_list (c->channels);
  g_autofree char *expected_materials = commas_to_list (c->materials);
  g_autofree char *expected_warnings = commas_to_list (c->warnings);
  gboolean withdrawable;

  assessment = retract_assessment_new (rules, kase, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (assessment);

  g_assert_cmpstr (retract_stage_to_id (retract_assessment_get_stage (assessment)), ==, c->stage);
  withdrawable = g_str_equal (c->stage, "auto-review") || g_str_equal (c->stage, "manual-review");
  g_assert_cmpint (retract_assessment_get_withdrawable (assessment), ==, withdrawable);

  assert_time (retract_assessment_get_self_service_until (assessment), c->self_service_until);
  assert_time (retract_assessment_get_window_closes_at (assessment), c->window_closes_at);
  assert_time (retract_assessment_get_legal_deadline (assessment), c->legal_deadline);

  channels = join_ids (RETRACT_RECORD_CHANNEL, retract_assessment_get_channels (assessment));
  materials = join_ids (RETRACT_RECORD_MATERIAL, retract_assessment_get_materials (assessment));
  warnings = join_ids (RETRACT_RECORD_WARNING, retract_assessment_get_warnings (assessment));
  g_assert_cmpstr (channels, ==, expected_channels);
  g_assert_cmpstr (materials, ==, expected_materials);
  g_assert_cmpstr (warnings, ==, expected_warnings);

  /* The recommended channel is the first listed; none when none is left. */
  if (*c->channels == '\0')
    g_assert_null (retract_assessment_get_recommended_channel (assessment));
  else
    g_assert_true (retract_assessment_get_recommended_channel (assessment) ==
                   g_ptr_array_index (retract_assessment_get_channels (assessment), 0));

  g_assert_finalize_object (g_steal_pointer (&assessment));
}

/* ---- errors name the field and the valid values ---- */

typedef struct
{
  const char *name;
  const char *platform;
  const char *type;
  const char *filed_at; /* NULL: not given */
  const char *scenarios;
  const char *mistake;
  int         code;
  const char *message_parts; /* "|"-separated substrings */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "no-platform", NULL, "friend-report", "2026-11-24T10:00:00+08:00", NULL, NULL,
    RETRACT_INPUT_ERROR_MISSING, "platform: |wechat, alipay, douyin" },
  { "unknown-platform", "qq", "friend-report", "2026-11-24T10:00:00+08:00", NULL, NULL,
    RETRACT_INPUT_ERROR_UNKNOWN_ID, "platform: |“qq”|wechat, alipay, douyin" },
  { "no-type", "wechat", NULL, "2026-11-24T10:00:00+08:00", NULL, NULL,
    RETRACT_INPUT_ERROR_MISSING,
    "type: |friend-report, payment-dispute, miniprogram-infringement, intellectual-property" },
  { "unknown-type", "wechat", "spam", "2026-11-24T10:00:00+08:00", NULL, NULL,
    RETRACT_INPUT_ERROR_UNKNOWN_ID,
    "type: |“spam”|friend-report, payment-dispute, miniprogram-infringement, "
    "intellectual-property" },
  { "type-of-another-platform", "alipay", "friend-report", "2026-11-24T10:00:00+08:00", NULL,
    NULL, RETRACT_INPUT_ERROR_UNKNOWN_ID, "type: |alipay|general" },
  { "no-filed-at", "wechat", "friend-report", NULL, NULL, NULL,
    RETRACT_INPUT_ERROR_MISSING, "filed_at: " },
  { "unknown-scenario", "wechat", "friend-report", "2026-11-24T10:00:00+08:00", "abroad", NULL,
    RETRACT_INPUT_ERROR_UNKNOWN_ID,
    "scenarios: |“abroad”|enterprise, cross-border, minor, judicial" },
  { "unknown-mistake", "wechat", "friend-report", "2026-11-24T10:00:00+08:00", NULL, "typo",
    RETRACT_INPUT_ERROR_UNKNOWN_ID, "mistake: |“typo”|misoperation, misstatement" },
  { "filed-61s-in-the-future", "wechat", "friend-report", "2026-11-24T10:01:01+08:00", NULL,
    NULL, RETRACT_INPUT_ERROR_FUTURE, "filed_at: |2026-11-24 10:01:01|in the future" },
  { "filed-in-2100", "wechat", "friend-report", "2100-01-01T00:00:00+08:00", NULL, NULL,
    RETRACT_INPUT_ERROR_FUTURE, "filed_at: |2100-01-01 00:00" },
  { "filed-60.5s-in-the-future", "wechat", "friend-report", "2026-11-24T10:01:00.5+08:00", NULL,
    NULL, RETRACT_INPUT_ERROR_FUTURE, "filed_at: |in the future" },
};

static void
test_assess_error (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GDateTime) now = parse_time ("2026-11-24T10:00:00+08:00");
  g_autoptr(RetractAssessment) assessment = NULL;
  g_auto(GStrv) parts = g_strsplit (c->message_parts, "|", -1);

  retract_case_set_platform (kase, c->platform);
  retract_case_set_complaint_type (kase, c->type);
  retract_case_set_mistake (kase, c->mistake);
  if (c->filed_at != NULL)
    {
      g_autoptr(GDateTime) filed = parse_time (c->filed_at);

      retract_case_set_filed_at (kase, filed);
    }
  if (c->scenarios != NULL)
    retract_case_set_scenario_enabled (kase, c->scenarios, TRUE);

  assessment = retract_assessment_new (rules, kase, now, &error);
  g_assert_null (assessment);
  g_assert_error (error, RETRACT_INPUT_ERROR, c->code);
  g_assert_true (g_str_has_prefix (error->message, parts[0]));
  for (guint i = 1; parts[i] != NULL; i++)
    if (strstr (error->message, parts[i]) == NULL)
      g_error ("“%s” not in “%s”", parts[i], error->message);
}

/* ---- invariants over every type, scenario set and minute ---- */

static void
test_invariants_over_time (void)
{
  const char * const scenario_sets[] = {
    "", "enterprise", "cross-border", "minor", "judicial", "enterprise,cross-border,minor", NULL
  };
  GPtrArray *types = retract_ruleset_get_types (rules);
  g_autoptr(GDateTime) filed = parse_time ("2026-09-29T21:30:00+08:00");
  guint checked = 0;

  for (guint t = 0; t < types->len; t++)
    for (guint s = 0; scenario_sets[s] != NULL; s++)
      {
        const RetractComplaintType *type = g_ptr_array_index (types, t);
        g_autoptr(RetractCase) kase = retract_case_new ();
        g_auto(GStrv) scenarios = g_strsplit (scenario_sets[s], ",", -1);
        RetractStage previous = RETRACT_STAGE_AUTO_REVIEW;
        gboolean withdrawable = type->withdrawable && !g_strv_contains ((const char * const *)
                                                                        scenarios, "judicial");

        retract_case_set_platform (kase, type->platform);
        retract_case_set_complaint_type (kase, type->id);
        retract_case_set_filed_at (kase, filed);
        retract_case_set_scenarios (kase, (const char * const *) scenarios);

        /* Every 7 minutes for 16 days: past every window, across National Day. */
        for (int minute = 0; minute <= 16 * 24 * 60; minute += 7)
          {
            g_autoptr(GDateTime) now = g_date_time_add_minutes (filed, minute);
            g_autoptr(GError) error = NULL;
            g_autoptr(RetractAssessment) a = retract_assessment_new (rules, kase, now, &error);
            RetractStage stage;

            g_assert_no_error (error);
            stage = retract_assessment_get_stage (a);

            /* A WeChat minor's guardian route is on the answer at every stage. */
            if (retract_case_has_scenario (kase, "minor"))
              g_assert_cmpint (retract_assessment_has_channel (a, "guardian-in-person"), ==,
                               g_str_equal (type->platform, "wechat"));

            if (!withdrawable)
              {
                g_assert_cmpint (stage, ==, RETRACT_STAGE_NOT_WITHDRAWABLE);
                g_assert_null (retract_assessment_get_window_closes_at (a));
                g_assert_true (retract_assessment_has_warning (a, "irreversible"));
                continue;
              }

            /* Stages only move forward. */
            g_assert_cmpint (stage, >=, previous);
            previous = stage;

            g_assert_cmpint (retract_assessment_get_withdrawable (a), ==,
                             stage != RETRACT_STAGE_PROCESSED);
            /* WeChat's self-service withdrawal exists only before manual review. */
            g_assert_cmpint (retract_assessment_has_channel (a, "self-service"), ==,
                             stage == RETRACT_STAGE_AUTO_REVIEW &&
                             g_str_equal (type->platform, "wechat"));
            g_assert_cmpint (retract_assessment_has_material (a, "identity"), ==,
                             stage != RETRACT_STAGE_AUTO_REVIEW);
            g_assert_cmpint (retract_assessment_has_warning (a, "irreversible"), ==,
                             stage == RETRACT_STAGE_PROCESSED);
            g_assert_false (retract_assessment_has_channel (a, "court-correction"));
            g_assert_cmpint (retract_assessment_get_channels (a)->len, >, 0);

            /* The stage agrees with the deadlines it reports. */
            if (stage == RETRACT_STAGE_AUTO_REVIEW)
              g_assert_cmpint (g_date_time_compare (now,
                                 retract_assessment_get_self_service_until (a)), <, 0);
            else if (stage == RETRACT_STAGE_MANUAL_REVIEW)
              g_assert_cmpint (g_date_time_compare (now,
                                 retract_assessment_get_window_closes_at (a)), <=, 0);
            else
              g_assert_cmpint (g_date_time_compare (now,
                                 retract_assessment_get_window_closes_at (a)), >, 0);

            /* Scenario materials are required at every stage. */
            if (retract_case_has_scenario (kase, "enterprise"))
              g_assert_true (retract_assessment_has_material (a, "business-license"));
            if (retract_case_has_scenario (kase, "cross-border"))
              {
                g_assert_true (retract_assessment_has_material (a, "passport"));
                g_assert_false (retract_assessment_has_channel (a, "phone-hotline"));
              }
            if (retract_case_has_scenario (kase, "minor"))
              g_assert_true (retract_assessment_has_material (a, "household-register"));

            checked++;
          }

        if (withdrawable)
          g_assert_cmpint (previous, ==, RETRACT_STAGE_PROCESSED);
      }

  g_assert_cmpuint (checked, >, 10000);
}

/* §4's proof of identity names the sides or pages of the case's own
 * documents: the applicant's, and a minor's guardian's (issue 15 §1). */
static void
test_identity_photo_hint (void)
{
  g_autoptr(RetractCase) kase = retract_case_new ();
  char *hint;

  hint = retract_case_dup_identity_photo_hint (kase);
  g_assert_cmpstr (hint, ==, "Photograph both sides of the identity card");
  g_free (hint);

  retract_case_set_id_document_type (kase, RETRACT_ID_HOLDER_APPLICANT, RETRACT_ID_DOCUMENT_HK_ID);
  hint = retract_case_dup_identity_photo_hint (kase);
  g_assert_cmpstr (hint, ==, "Photograph the front of the Hong Kong identity card");
  g_free (hint);

  retract_case_set_scenario_enabled (kase, "minor", TRUE);
  retract_case_set_id_document_type (kase, RETRACT_ID_HOLDER_GUARDIAN,
                                     RETRACT_ID_DOCUMENT_PASSPORT);
  hint = retract_case_dup_identity_photo_hint (kase);
  g_assert_cmpstr (hint, ==, "Photograph the front of the Hong Kong identity card; for the "
                             "guardian, the passport's information page, the one with the photo");
  g_free (hint);
}

/* The answer does not depend on the zone `now` is given in. */
static void
test_now_time_zone_irrelevant (void)
{
  g_autoptr(RetractCase) kase = build_case (&assess_cases[0]);
  g_autoptr(GDateTime) beijing = parse_time ("2026-11-24T12:00:00+08:00");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) in_utc = g_date_time_to_timezone (beijing, utc);
  g_autoptr(RetractAssessment) a = retract_assessment_new (rules, kase, beijing, NULL);
  g_autoptr(RetractAssessment) b = retract_assessment_new (rules, kase, in_utc, NULL);
  g_autofree char *now_b = retract_time_format_iso (retract_assessment_get_now (b));

  g_assert_cmpint (retract_assessment_get_stage (a), ==, retract_assessment_get_stage (b));
  g_assert_cmpstr (now_b, ==, "2026-11-24T12:00:00+08:00");
}

static void
test_next_change (void)
{
  g_autoptr(RetractCase) kase = build_case (&assess_cases[0]);
  g_autoptr(GDateTime) t1 = parse_time ("2026-11-24T11:00:00+08:00");
  g_autoptr(GDateTime) t2 = parse_time ("2026-11-24T13:00:00+08:00");
  g_autoptr(GDateTime) t3 = parse_time ("2026-11-26T13:00:00+08:00");
  g_autoptr(RetractAssessment) a1 = retract_assessment_new (rules, kase, t1, NULL);
  g_autoptr(RetractAssessment) a2 = retract_assessment_new (rules, kase, t2, NULL);
  g_autoptr(RetractAssessment) a3 = retract_assessment_new (rules, kase, t3, NULL);

  assert_time (retract_assessment_get_next_change (a1), "2026-11-24T12:00:00+08:00");
  assert_time (retract_assessment_get_next_change (a2), "2026-11-25T10:00:00+08:00");
  g_assert_null (retract_assessment_get_next_change (a3));
}

/* §8: after processing, the appeal message, at most twice a day, and what else can be done. */
static void
test_remediation (void)
{
  g_autoptr(RetractCase) kase = build_case (&assess_cases[4]);
  g_autoptr(GDateTime) now = parse_time ("2026-11-26T10:00:00+08:00");
  g_autoptr(RetractAssessment) a = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *advice = NULL;
  const RetractChannel *channel;
  JsonObject *root, *first;

  retract_case_set_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, "WX20261124001");
  a = retract_assessment_new (rules, kase, now, NULL);
  channel = g_ptr_array_index (retract_assessment_get_channels (a), 0);
  g_assert_cmpstr (channel->id, ==, "appeal-message");
  g_assert_cmpuint (channel->daily_limit, ==, 2);
  g_assert_cmpstr (channel->message_template, ==, "#误封申诉+投诉编号");

  advice = join_ids (RETRACT_RECORD_NOTE, retract_assessment_get_advice (a));
  g_assert_cmpstr (advice, ==, "contact-support, legal-consultation");

  json = retract_assessment_to_json (a, RETRACT_LANGUAGE_ZH_CN);
  root = json_node_get_object (json);
  first = json_array_get_object_element (json_object_get_array_member (root, "channels"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "message"), ==,
                   "#误封申诉+WX20261124001");
  g_assert_cmpint (json_object_get_int_member (first, "daily_limit"), ==, 2);
  g_assert_true (strstr (json_object_get_string_member (
                           json_array_get_object_element (
                             json_object_get_array_member (root, "advice"), 1), "text"),
                         "微信→钱包→消费维权→法律咨询") != NULL);
  g_assert_cmpstr (json_object_get_string_member (root, "stage_advice"), ==,
                   "已造成封号/限流的处理结果,需等待处罚周期结束后再申请复查。");
}

static void
test_no_advice_while_withdrawable (void)
{
  g_autoptr(RetractCase) kase = build_case (&assess_cases[0]);
  g_autoptr(GDateTime) now = parse_time ("2026-11-24T13:00:00+08:00");
  g_autoptr(RetractAssessment) a = retract_assessment_new (rules, kase, now, NULL);

  g_assert_cmpuint (retract_assessment_get_advice (a)->len, ==, 0);
}

static void
test_json_shape (void)
{
  const char * const keys[] = {
    "rules_version", "platform", "type", "stage", "withdrawable", "filed_at", "now",
    "self_service_until", "window_closes_at", "legal_deadline", "channels", "materials",
    "warnings", NULL
  };
  g_autoptr(RetractCase) kase = build_case (&assess_cases[2]);
  g_autoptr(GDateTime) now = parse_time ("2026-11-24T12:00:00+08:00");
  g_autoptr(RetractAssessment) a = retract_assessment_new (rules, kase, now, NULL);
  g_autoptr(JsonNode) en = retract_assessment_to_json (a, RETRACT_LANGUAGE_EN);
  g_autoptr(JsonNode) zh = retract_assessment_to_json (a, RETRACT_LANGUAGE_ZH_CN);
  JsonObject *root = json_node_get_object (en);
  JsonArray *channels = json_object_get_array_member (root, "channels");
  JsonObject *ticket = json_array_get_object_element (channels, 0);
  JsonObject *phone = json_array_get_object_element (channels, 1);
  JsonObject *material = json_array_get_object_element (
    json_object_get_array_member (root, "materials"), 1);

  for (guint i = 0; keys[i] != NULL; i++)
    g_assert_true (json_object_has_member (root, keys[i]));

  g_assert_cmpstr (json_object_get_string_member (root, "rules_version"), ==,
                   retract_ruleset_get_version (rules));
  g_assert_cmpstr (json_object_get_string_member (root, "stage"), ==, "manual-review");
  g_assert_true (json_object_get_boolean_member (root, "withdrawable"));
  g_assert_cmpstr (json_object_get_string_member (root, "filed_at"), ==,
                   "2026-11-24T10:00:00+08:00");
  g_assert_cmpstr (json_object_get_string_member (root, "now"), ==, "2026-11-24T12:00:00+08:00");
  g_assert_true (json_object_get_null_member (root, "legal_deadline"));

  /* §3: the web ticket with its response time, the hotline with its number. */
  g_assert_cmpstr (json_object_get_string_member (ticket, "id"), ==, "web-ticket");
  g_assert_true (json_object_get_boolean_member (ticket, "recommended"));
  g_assert_cmpstr (json_object_get_string_member (ticket, "url"), ==, "https://kf.qq.com/");
  g_assert_cmpint (json_object_get_int_member (
                     json_object_get_object_member (ticket, "response_time"), "min_hours"),
                   ==, 6);
  g_assert_cmpint (json_object_get_int_member (
                     json_object_get_object_member (ticket, "response_time"), "max_hours"),
                   ==, 12);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (ticket, "steps")), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (phone, "id"), ==, "phone-hotline");
  g_assert_false (json_object_get_boolean_member (phone, "recommended"));
  g_assert_cmpstr (json_object_get_string_member (phone, "phone"), ==, "0755-83765566");
  g_assert_true (json_object_get_boolean_member (phone, "urgent"));

  /* §4: the screen recording's three requirements. */
  g_assert_cmpstr (json_object_get_string_member (material, "id"), ==, "screen-recording");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (material,
                                                                         "requirements")), ==, 3);

  /* Texts follow the language; ids do not. */
  g_assert_cmpstr (json_object_get_string_member (ticket, "name"), ==,
                   "Ticket on the Tencent Customer Service website");
  root = json_node_get_object (zh);
  ticket = json_array_get_object_element (json_object_get_array_member (root, "channels"), 0);
  g_assert_cmpstr (json_object_get_string_member (ticket, "name"), ==, "腾讯客服官网申诉");
  g_assert_cmpstr (json_object_get_string_member (ticket, "id"), ==, "web-ticket");
}

static void
test_does_not_keep_case (void)
{
  g_autoptr(RetractCase) kase = build_case (&assess_cases[0]);
  g_autoptr(GDateTime) now = parse_time ("2026-11-24T10:30:00+08:00");
  RetractAssessment *a = retract_assessment_new (rules, kase, now, NULL);

  /* Changing the case afterwards does not change an answer already given. */
  retract_case_set_complaint_type (kase, "intellectual-property");
  g_assert_cmpint (retract_assessment_get_stage (a), ==, RETRACT_STAGE_AUTO_REVIEW);
  g_assert_finalize_object (a);
  g_assert_finalize_object (g_steal_pointer (&kase));
}

/* ---- the limits on the user's own requests ---- */

/* A case of the default account filed at 10:00 on 24 November, the friend
 * report: processed from 10:00:01 on the 25th. */
static RetractCase *
case_with_events (const char *events)
{
  g_autoptr(RetractCase) kase = build_case (&assess_cases[0]);
  g_auto(GStrv) items = g_strsplit (events, ";", -1);

  /* "channel@time;…": each a submission. */
  for (guint i = 0; events[0] != '\0' && items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], "@", 2);
      g_autoptr(GDateTime) at = parse_time (parts[1]);
      RetractCaseEvent *event = retract_case_event_new (RETRACT_EVENT_SUBMITTED, at);

      event->channel = g_strdup (parts[0]);
      retract_case_add_event (kase, event);
    }

  return g_steal_pointer (&kase);
}

static RetractAssessment *
assess_with_others (RetractCase *kase,
                    GPtrArray   *others,
                    const char  *now_text)
{
  g_autoptr(GDateTime) now = parse_time (now_text);
  g_autoptr(GError) error = NULL;
  RetractCaseCounts counts = { 0 };
  RetractAssessment *a;

  retract_case_counts_compute (&counts, rules, kase, others, now);
  a = retract_assessment_new_full (rules, kase, &counts, now, &error);
  g_assert_no_error (error);
  retract_case_counts_clear (&counts);
  return a;
}

/* §8: at most 2 appeal messages a day. The 2nd of the day uses up the day's
 * allowance, so from then on the warning stands until 00:00 Beijing time;
 * appeals of other cases of the account count, other accounts' do not. */
static void
test_daily_appeal_limit (void)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RetractCase) kase = case_with_events ("appeal-message@2026-11-26T09:00:00+08:00");
  g_autoptr(RetractCase) other = case_with_events ("");
  g_autoptr(RetractCase) stranger = case_with_events ("appeal-message@2026-11-26T08:00:00+08:00");
  struct {
    const char *now;
    gboolean    fires;
  } rows[] = {
    { "2026-11-26T20:00:00+08:00", TRUE },
    { "2026-11-26T23:59:59+08:00", TRUE },
    { "2026-11-26T15:59:59Z", TRUE },     /* 23:59:59 Beijing */
    { "2026-11-27T00:00:00+08:00", FALSE },
    { "2026-11-26T16:00:00Z", FALSE },    /* 00:00 Beijing */
  };

  g_assert_true (retract_case_set_account (stranger, "another account", NULL));
  g_ptr_array_add (others, g_object_ref (other));
  g_ptr_array_add (others, g_object_ref (stranger));

  /* The 1st of the day: a 2nd is still allowed. */
  {
    g_autoptr(RetractAssessment) a = assess_with_others (kase, others,
                                                         "2026-11-26T20:00:00+08:00");

    g_assert_cmpint (retract_assessment_get_counts (a)->appeals_today, ==, 1);
    g_assert_false (retract_assessment_has_warning (a, "daily-appeal-limit"));
  }

  /* The 2nd, through another case of the same account. */
  {
    g_autoptr(RetractCaseEvent) event = NULL;
    g_autoptr(GDateTime) at = parse_time ("2026-11-26T10:00:00+08:00");

    event = retract_case_event_new (RETRACT_EVENT_SUBMITTED, at);
    event->channel = g_strdup ("appeal-message");
    retract_case_add_event (other, g_steal_pointer (&event));
  }

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(RetractAssessment) a = assess_with_others (kase, others, rows[i].now);

      g_assert_cmpint (retract_assessment_has_warning (a, "daily-appeal-limit"), ==,
                       rows[i].fires);
      g_assert_cmpint (retract_assessment_get_counts (a)->appeals_today, ==,
                       rows[i].fires ? 2 : 0);
    }

  /* A 3rd (sent anyway) keeps it; the case alone does not see the other's. */
  {
    g_autoptr(RetractCase) alone = case_with_events ("appeal-message@2026-11-26T09:00:00+08:00;"
                                                     "appeal-message@2026-11-26T10:00:00+08:00;"
                                                     "appeal-message@2026-11-26T11:00:00+08:00");
    g_autoptr(GDateTime) now = parse_time ("2026-11-26T20:00:00+08:00");
    g_autoptr(RetractAssessment) a3 = retract_assessment_new (rules, alone, now, NULL);
    g_autoptr(RetractAssessment) a1 = retract_assessment_new (rules, kase, now, NULL);

    g_assert_cmpint (retract_assessment_get_counts (a3)->appeals_today, ==, 3);
    g_assert_true (retract_assessment_has_warning (a3, "daily-appeal-limit"));
    g_assert_cmpint (retract_assessment_get_counts (a1)->appeals_today, ==, 1);
    g_assert_false (retract_assessment_has_warning (a1, "daily-appeal-limit"));
  }
}

/* §6: more than 3 requests a month trigger a review, so the warning fires
 * from the 3rd made: other cases of the account with a request this month,
 * plus the requests made outside Retract (the baseline). */
static void
test_monthly_limit_counts (void)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RetractCase) kase = case_with_events ("");
  const char *now = "2026-11-24T10:30:00+08:00";

  g_ptr_array_add (others, case_with_events ("web-ticket@2026-11-24T10:10:00+08:00"));
  g_ptr_array_add (others, case_with_events ("phone-hotline@2026-11-24T10:20:00+08:00"));
  /* An appeal is no withdrawal request; a request of October is not this month's. */
  g_ptr_array_add (others, case_with_events ("appeal-message@2026-11-24T10:00:00+08:00"));
  {
    g_autoptr(RetractCase) october = case_with_events ("");
    g_autoptr(GDateTime) filed = parse_time ("2026-10-31T10:00:00+08:00");
    g_autoptr(GDateTime) at = parse_time ("2026-10-31T23:59:59+08:00");
    RetractCaseEvent *event = retract_case_event_new (RETRACT_EVENT_SUBMITTED, at);

    retract_case_set_filed_at (october, filed);
    event->channel = g_strdup ("web-ticket");
    retract_case_add_event (october, event);
    g_ptr_array_add (others, g_steal_pointer (&october));
  }

  /* 2 requests: fine. */
  {
    g_autoptr(RetractAssessment) a = assess_with_others (kase, others, now);

    g_assert_cmpint (retract_assessment_get_counts (a)->withdrawal_requests_this_month, ==, 2);
    g_assert_false (retract_assessment_has_warning (a, "monthly-limit"));
  }

  /* 3: the baseline adds one made outside Retract. */
  retract_case_set_withdrawals_this_month (kase, 1);
  {
    g_autoptr(RetractAssessment) a = assess_with_others (kase, others, now);

    g_assert_cmpint (retract_assessment_get_counts (a)->withdrawal_requests_this_month, ==, 3);
    g_assert_true (retract_assessment_has_warning (a, "monthly-limit"));
  }

  /* 3 from other cases alone. */
  retract_case_set_withdrawals_this_month (kase, 0);
  g_ptr_array_add (others, case_with_events ("self-service@2026-11-24T10:05:00+08:00"));
  {
    g_autoptr(RetractAssessment) a = assess_with_others (kase, others, now);
    g_autoptr(RetractAssessment) alone = NULL;
    g_autoptr(GDateTime) at = parse_time (now);

    g_assert_cmpint (retract_assessment_get_counts (a)->withdrawal_requests_this_month, ==, 3);
    g_assert_true (retract_assessment_has_warning (a, "monthly-limit"));

    /* Without the counts the case is counted alone. */
    alone = retract_assessment_new (rules, kase, at, NULL);
    g_assert_cmpint (retract_assessment_get_counts (alone)->withdrawal_requests_this_month,
                     ==, 0);
    g_assert_false (retract_assessment_has_warning (alone, "monthly-limit"));
  }
}

/* §3: the same matter through the same channel twice. A ticket and then a
 * call is the article's own combination; the appeal message has its daily
 * limit instead. */
static void
test_repeat_submission (void)
{
  struct {
    const char *events;
    const char *channel;     /* NULL: no warning */
    const char *earlier_at;
  } rows[] = {
    { "", NULL, NULL },
    { "web-ticket@2026-11-24T10:10:00+08:00", NULL, NULL },
    { "web-ticket@2026-11-24T10:10:00+08:00;phone-hotline@2026-11-24T10:20:00+08:00",
      NULL, NULL },
    { "web-ticket@2026-11-24T10:10:00+08:00;web-ticket@2026-11-24T10:20:00+08:00",
      "web-ticket", "2026-11-24T10:10:00+08:00" },
    /* Logged out of order: the earliest is named, not the first logged. */
    { "phone-hotline@2026-11-24T10:25:00+08:00;phone-hotline@2026-11-24T10:15:00+08:00;"
      "web-ticket@2026-11-24T10:20:00+08:00", "phone-hotline", "2026-11-24T10:15:00+08:00" },
    /* Two channels repeated: the one used first. */
    { "phone-hotline@2026-11-24T10:12:00+08:00;web-ticket@2026-11-24T10:11:00+08:00;"
      "phone-hotline@2026-11-24T10:13:00+08:00;web-ticket@2026-11-24T10:14:00+08:00",
      "web-ticket", "2026-11-24T10:11:00+08:00" },
    { "appeal-message@2026-11-25T11:00:00+08:00;appeal-message@2026-11-25T12:00:00+08:00",
      NULL, NULL },
  };
  g_autoptr(GDateTime) now = parse_time ("2026-11-25T13:00:00+08:00");

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(RetractCase) kase = case_with_events (rows[i].events);
      g_autoptr(RetractAssessment) a = retract_assessment_new (rules, kase, now, NULL);
      const RetractCaseEvent *earlier = retract_assessment_get_repeated_submission (a);

      g_test_message ("events: %s", rows[i].events);
      g_assert_cmpint (retract_assessment_has_warning (a, "repeat-submission"), ==,
                       rows[i].channel != NULL);
      if (rows[i].channel == NULL)
        {
          g_assert_null (earlier);
          continue;
        }

      g_assert_nonnull (earlier);
      g_assert_cmpstr (earlier->channel, ==, rows[i].channel);
      assert_time (earlier->at, rows[i].earlier_at);
    }
}

/* The repeated warning alone names the channel and the earlier time. */
static void
test_repeat_submission_json (void)
{
  g_autoptr(RetractCase) kase = case_with_events ("web-ticket@2026-11-24T10:10:00+08:00;"
                                                  "web-ticket@2026-11-24T11:00:00+08:00");
  g_autoptr(GDateTime) now = parse_time ("2026-11-24T11:30:00+08:00");
  g_autoptr(RetractAssessment) a = retract_assessment_new (rules, kase, now, NULL);
  g_autoptr(JsonNode) root = retract_assessment_to_json (a, RETRACT_LANGUAGE_EN);
  JsonArray *warnings = json_object_get_array_member (json_node_get_object (root), "warnings");
  gboolean seen = FALSE;

  g_assert_cmpuint (json_array_get_length (warnings), >, 1);
  for (guint i = 0; i < json_array_get_length (warnings); i++)
    {
      JsonObject *warning = json_array_get_object_element (warnings, i);

      if (g_str_equal (json_object_get_string_member (warning, "id"), "repeat-submission"))
        {
          seen = TRUE;
          g_assert_cmpstr (json_object_get_string_member (warning, "channel"), ==, "web-ticket");
          g_assert_cmpstr (json_object_get_string_member (warning, "earlier_at"), ==,
                           "2026-11-24T10:10:00+08:00");
          g_assert_cmpint (json_object_get_int_member (warning, "section"), ==, 3);
        }
      else
        {
          g_assert_false (json_object_has_member (warning, "channel"));
          g_assert_false (json_object_has_member (warning, "earlier_at"));
        }
    }
  g_assert_true (seen);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  rules = retract_ruleset_new_bundled (&error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (assess_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/retract/assessment/case/%s", assess_cases[i].name);

      g_test_add_data_func (path, &assess_cases[i], test_assess_case);
    }

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/retract/assessment/error/%s", error_cases[i].name);

      g_test_add_data_func (path, &error_cases[i], test_assess_error);
    }

  g_test_add_func ("/retract/assessment/invariants-over-time", test_invariants_over_time);
  g_test_add_func ("/retract/assessment/identity-photo-hint", test_identity_photo_hint);
  g_test_add_func ("/retract/assessment/now-time-zone-irrelevant", test_now_time_zone_irrelevant);
  g_test_add_func ("/retract/assessment/next-change", test_next_change);
  g_test_add_func ("/retract/assessment/remediation", test_remediation);
  g_test_add_func ("/retract/assessment/no-advice-while-withdrawable",
                   test_no_advice_while_withdrawable);
  g_test_add_func ("/retract/assessment/json-shape", test_json_shape);
  g_test_add_func ("/retract/assessment/does-not-keep-case", test_does_not_keep_case);
  g_test_add_func ("/retract/assessment/daily-appeal-limit", test_daily_appeal_limit);
  g_test_add_func ("/retract/assessment/monthly-limit-counts", test_monthly_limit_counts);
  g_test_add_func ("/retract/assessment/repeat-submission", test_repeat_submission);
  g_test_add_func ("/retract/assessment/repeat-submission-json", test_repeat_submission_json);

  status = g_test_run ();
  g_assert_finalize_object (rules);
  return status;
}
