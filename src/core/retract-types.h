/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RetractAssessment   RetractAssessment;
typedef struct _RetractCalendar     RetractCalendar;
typedef struct _RetractCase         RetractCase;
typedef struct _RetractJsonDocument RetractJsonDocument;
typedef struct _RetractRuleset      RetractRuleset;

/* The stages a complaint passes through, in the order the seed's §2 gives them;
 * `not-withdrawable` stands apart from the clock. */
typedef enum
{
  RETRACT_STAGE_AUTO_REVIEW,
  RETRACT_STAGE_MANUAL_REVIEW,
  RETRACT_STAGE_PROCESSED,
  RETRACT_STAGE_NOT_WITHDRAWABLE,
} RetractStage;

#define RETRACT_N_STAGES (RETRACT_STAGE_NOT_WITHDRAWABLE + 1)

typedef enum
{
  RETRACT_LANGUAGE_ZH_CN,
  RETRACT_LANGUAGE_EN,
  /* Traditional Chinese as written in Hong Kong (also for Taiwan and Macau
   * locales); a dataset text without it falls back to zh_CN. */
  RETRACT_LANGUAGE_ZH_HK,
} RetractLanguage;

const char *retract_stage_to_id   (RetractStage  stage);
gboolean    retract_stage_from_id (const char   *id,
                                   RetractStage *stage);

G_END_DECLS
