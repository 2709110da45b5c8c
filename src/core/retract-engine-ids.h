/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The ids the engine itself relies on: the code names these records, so a
 * dataset without any of them is refused as a whole (retract-ruleset-check.c
 * enforces every id below). The other ids of the README's "Stable ids" are the
 * dataset's own: the engine finds them only through references. */

#include <glib.h>

G_BEGIN_DECLS

/* The platform a CLI question without --platform is asked about. */
#define RETRACT_PLATFORM_WECHAT              "wechat"

/* The scenario that changes which phone numbers are valid and defaults the
 * applicant's identity document to the Hong Kong card. */
#define RETRACT_SCENARIO_CROSS_BORDER        "cross-border"

/* The scenarios that bring the guardian's and the enterprise's details
 * (retract_case_detail_applies()). */
#define RETRACT_SCENARIO_MINOR               "minor"
#define RETRACT_SCENARIO_ENTERPRISE          "enterprise"

/* The mistake a new case starts with. */
#define RETRACT_MISTAKE_MISOPERATION         "misoperation"

/* The channels a letter names by their part in it. */
#define RETRACT_CHANNEL_WEB_TICKET           "web-ticket"
#define RETRACT_CHANNEL_PHONE_HOTLINE        "phone-hotline"
#define RETRACT_CHANNEL_APPEAL_MESSAGE       "appeal-message"

/* The material every case needs from manual review on. */
#define RETRACT_MATERIAL_IDENTITY            "identity"

/* The warnings whose condition the engine works out itself. */
#define RETRACT_WARNING_MONTHLY_LIMIT        "monthly-limit"
#define RETRACT_WARNING_DAILY_APPEAL_LIMIT   "daily-appeal-limit"
#define RETRACT_WARNING_OTHER_PARTY_LOSS     "other-party-loss"
#define RETRACT_WARNING_DUPLICATE_SUBMISSION "duplicate-submission"
#define RETRACT_WARNING_REPEAT_SUBMISSION    "repeat-submission"
#define RETRACT_WARNING_IRREVERSIBLE         "irreversible"
#define RETRACT_WARNING_CALENDAR_UNKNOWN     "calendar-unknown"

/* Every stage id (retract_stage_to_id()) is an engine id too. */

G_END_DECLS
