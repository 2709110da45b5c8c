/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* All times shown and computed by Retract are Beijing time, UTC+8, without DST. */
#define RETRACT_UTC_OFFSET_SECONDS (8 * 3600)

/* The years Retract accepts in any time it is given. */
#define RETRACT_MIN_YEAR 1900
#define RETRACT_MAX_YEAR 2999

GTimeZone *retract_time_zone         (void);
GDateTime *retract_time_parse        (const char      *text,
                                      GError         **error);
char      *retract_time_format_iso   (GDateTime       *time);
char      *retract_time_format_human (GDateTime       *time);
void       retract_time_get_date     (GDateTime       *time,
                                      GDate           *date);
GDateTime *retract_time_end_of_day   (const GDate     *date);
GDateTime *retract_time_now          (void);
char      *retract_time_format_span  (GTimeSpan        span);

G_END_DECLS
