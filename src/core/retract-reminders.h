/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-assessment.h"

G_BEGIN_DECLS

/* How long before a deadline its calendar event starts, so it shows up as a block. */
#define RETRACT_REMINDER_LEAD (30 * G_TIME_SPAN_MINUTE)

char *retract_reminders_build_ics (RetractAssessment  *assessment,
                                   GDateTime          *created,
                                   RetractLanguage     language,
                                   GError            **error);

char *retract_reminders_build_case_file_ics (RetractRuleset   *rules,
                                             GPtrArray        *rows,
                                             GDateTime        *created,
                                             RetractLanguage   language,
                                             GError          **error);

G_END_DECLS
