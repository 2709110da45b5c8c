/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "retract-records.h"
#include "retract-text.h"
#include "retract-types.h"

G_BEGIN_DECLS

/* How a deadline was counted from the filing. */
typedef enum
{
  RETRACT_DEADLINE_HOURS,
  RETRACT_DEADLINE_WORKING_DAYS,
} RetractDeadlineKind;

/* Why a day between the filing and the deadline did not count. */
typedef enum
{
  RETRACT_SKIP_WEEKEND,
  RETRACT_SKIP_HOLIDAY,
} RetractSkipReason;

typedef struct
{
  GDate              date;
  RetractSkipReason  reason;
  /* The dataset calendar's name of the holiday; %NULL for a weekend. */
  const RetractText *holiday;
} RetractSkippedDay;

#define RETRACT_TYPE_DEADLINE_COUNT (retract_deadline_count_get_type ())

G_DECLARE_FINAL_TYPE (RetractDeadlineCount, retract_deadline_count, RETRACT, DEADLINE_COUNT,
                      GObject)

RetractDeadlineCount *retract_deadline_count_new_hours        (guint                 hours);
RetractDeadlineCount *retract_deadline_count_new_working_days (RetractCalendar      *calendar,
                                                               guint                 length);
void                  retract_deadline_count_add_counted      (RetractDeadlineCount *self,
                                                               const GDate          *date,
                                                               gboolean              makeup);
void                  retract_deadline_count_add_skipped      (RetractDeadlineCount *self,
                                                               const GDate          *date,
                                                               RetractSkipReason     reason,
                                                               const RetractText    *holiday);
void                  retract_deadline_count_set_covered      (RetractDeadlineCount *self,
                                                               gboolean              covered);

RetractDeadlineKind   retract_deadline_count_get_kind         (RetractDeadlineCount *self);
guint                 retract_deadline_count_get_length       (RetractDeadlineCount *self);
GArray               *retract_deadline_count_get_counted_days (RetractDeadlineCount *self);
GArray               *retract_deadline_count_get_skipped_days (RetractDeadlineCount *self);
GArray               *retract_deadline_count_get_makeup_days  (RetractDeadlineCount *self);
gboolean              retract_deadline_count_get_covered      (RetractDeadlineCount *self);
gboolean              retract_deadline_count_get_last_day     (RetractDeadlineCount *self,
                                                               GDate                *date);

const char           *retract_deadline_kind_to_id             (RetractDeadlineKind   kind);
const char           *retract_skip_reason_to_id               (RetractSkipReason     reason);

char                 *retract_deadline_count_describe         (RetractDeadlineCount *self,
                                                               RetractLanguage       language);
char                 *retract_deadline_count_describe_in      (RetractDeadlineCount *self,
                                                               RetractLanguage       language);
char                 *retract_deadline_describe_type_window   (const RetractComplaintType *type);

G_END_DECLS
