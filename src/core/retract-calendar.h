/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "retract-deadline-count.h"
#include "retract-text.h"
#include "retract-types.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_CALENDAR (retract_calendar_get_type ())

G_DECLARE_FINAL_TYPE (RetractCalendar, retract_calendar, RETRACT, CALENDAR, GObject)

RetractCalendar *retract_calendar_new              (void);
void             retract_calendar_add_year         (RetractCalendar *self,
                                                    guint            year);
void             retract_calendar_add_holiday      (RetractCalendar *self,
                                                    const GDate     *date);
void             retract_calendar_add_named_holiday (RetractCalendar *self,
                                                    const GDate     *from,
                                                    const GDate     *to,
                                                    RetractText     *name);
const RetractText *retract_calendar_get_holiday_name (RetractCalendar *self,
                                                      const GDate     *date);
void             retract_calendar_add_workday      (RetractCalendar *self,
                                                    const GDate     *date);
gboolean         retract_calendar_covers_year      (RetractCalendar *self,
                                                    guint            year);
gboolean         retract_calendar_is_holiday       (RetractCalendar *self,
                                                    const GDate     *date);
gboolean         retract_calendar_is_workday       (RetractCalendar *self,
                                                    const GDate     *date);
gboolean         retract_calendar_is_working_day   (RetractCalendar *self,
                                                    const GDate     *date,
                                                    gboolean        *covered);
void             retract_calendar_add_working_days (RetractCalendar *self,
                                                    const GDate     *start,
                                                    guint            count,
                                                    GDate           *result,
                                                    gboolean        *covered);
RetractDeadlineCount *retract_calendar_count_working_days (RetractCalendar *self,
                                                           const GDate     *start,
                                                           guint            count);

G_END_DECLS
