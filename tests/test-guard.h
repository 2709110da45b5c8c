/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* A guard's seconds, for a test that fails rather than hangs when something
 * never finishes. Under valgrind everything runs many times slower, so the
 * valgrind test setup (meson.build) sets RETRACT_TEST_TIME_SCALE to the same
 * factor as its timeout multiplier; a guard is about hangs, not speed. */
static inline guint
test_guard_seconds (guint seconds)
{
  const char *scale = g_getenv ("RETRACT_TEST_TIME_SCALE");
  guint64 factor = scale != NULL ? g_ascii_strtoull (scale, NULL, 10) : 1;

  return seconds * (guint) CLAMP (factor, 1, 100);
}
