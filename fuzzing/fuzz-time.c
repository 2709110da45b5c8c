/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Any text as a date and time: an error, or a time that prints and parses
 * back to the same instant. */

#include "config.h"

#include "fuzz.h"
#include "retract-time.h"

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) again = NULL;
  g_autofree char *iso = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    return 0;

  time = retract_time_parse (text, &error);
  g_assert ((time == NULL) != (error == NULL));
  if (time == NULL)
    return 0;

  iso = retract_time_format_iso (time);
  again = retract_time_parse (iso, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (time, again));
  g_free (retract_time_format_human (time));
  return 0;
}
