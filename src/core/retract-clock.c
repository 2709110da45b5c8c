/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "Now", as the UI sees it. The real clock ticks at every minute boundary so
 * countdowns and stages re-evaluate; a fixed clock moves only when told, so
 * tests and screenshots can stand at any instant. */

#define G_LOG_DOMAIN "retract-clock"

#include "config.h"

#include "retract-clock.h"
#include "retract-time.h"

struct _RetractClock
{
  GObject    parent_instance;

  GDateTime *now;
  guint      tick_id;
  gboolean   fixed;
};

G_DEFINE_FINAL_TYPE (RetractClock, retract_clock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NOW,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void schedule_tick (RetractClock *self);

static gboolean
on_tick (gpointer data)
{
  RetractClock *self = data;
  g_autoptr(GDateTime) now = retract_time_now ();

  self->tick_id = 0;
  retract_clock_set_now (self, now);
  schedule_tick (self);

  return G_SOURCE_REMOVE;
}

/* Wakes just after the next minute boundary, so "12:00" shows at 12:00. */
static void
schedule_tick (RetractClock *self)
{
  gint64 now_us = g_get_real_time ();
  gint64 until_next_minute = G_TIME_SPAN_MINUTE - now_us % G_TIME_SPAN_MINUTE;
  guint delay_ms = (guint) (until_next_minute / 1000) + 50;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  self->tick_id = g_timeout_add_full (G_PRIORITY_DEFAULT, delay_ms, on_tick, self, NULL);
}

static void
retract_clock_dispose (GObject *object)
{
  RetractClock *self = (RetractClock *)object;

  g_clear_handle_id (&self->tick_id, g_source_remove);

  G_OBJECT_CLASS (retract_clock_parent_class)->dispose (object);
}

static void
retract_clock_finalize (GObject *object)
{
  RetractClock *self = (RetractClock *)object;

  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (retract_clock_parent_class)->finalize (object);
}

static void
retract_clock_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RetractClock *self = RETRACT_CLOCK (object);

  switch (prop_id)
    {
    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
retract_clock_class_init (RetractClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = retract_clock_dispose;
  object_class->finalize = retract_clock_finalize;
  object_class->get_property = retract_clock_get_property;

  properties [PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
retract_clock_init (RetractClock *self)
{
}

/**
 * retract_clock_new:
 *
 * Returns: (transfer full): a clock following the system time, minute by minute
 */
RetractClock *
retract_clock_new (void)
{
  RetractClock *self = g_object_new (RETRACT_TYPE_CLOCK, NULL);

  self->now = retract_time_now ();
  schedule_tick (self);
  return self;
}

/**
 * retract_clock_new_fixed:
 *
 * Returns: (transfer full): a clock standing at @now until retract_clock_set_now()
 */
RetractClock *
retract_clock_new_fixed (GDateTime *now)
{
  RetractClock *self;

  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (RETRACT_TYPE_CLOCK, NULL);
  self->now = g_date_time_ref (now);
  self->fixed = TRUE;
  return self;
}

/**
 * retract_clock_get_now:
 *
 * Returns: (transfer none): the current instant
 */
GDateTime *
retract_clock_get_now (RetractClock *self)
{
  g_return_val_if_fail (RETRACT_IS_CLOCK (self), NULL);
  return self->now;
}

void
retract_clock_set_now (RetractClock *self,
                       GDateTime    *now)
{
  g_return_if_fail (RETRACT_IS_CLOCK (self));
  g_return_if_fail (now != NULL);

  if (g_date_time_equal (self->now, now))
    return;

  g_date_time_unref (self->now);
  self->now = g_date_time_ref (now);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOW]);
}

gboolean
retract_clock_is_fixed (RetractClock *self)
{
  g_return_val_if_fail (RETRACT_IS_CLOCK (self), FALSE);
  return self->fixed;
}
