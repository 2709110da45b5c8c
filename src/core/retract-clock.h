/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RETRACT_TYPE_CLOCK (retract_clock_get_type ())

G_DECLARE_FINAL_TYPE (RetractClock, retract_clock, RETRACT, CLOCK, GObject)

RetractClock *retract_clock_new       (void);
RetractClock *retract_clock_new_fixed (GDateTime    *now);
GDateTime    *retract_clock_get_now   (RetractClock *self);
void          retract_clock_set_now   (RetractClock *self,
                                       GDateTime    *now);
gboolean      retract_clock_is_fixed  (RetractClock *self);

G_END_DECLS
