/* SPDX-License-Identifier: GPL-3.0-or-later */

/* RETRACT_BENCH_FIRST_FRAME=1 (for bench/, see docs/performance.md): once the
 * window has painted its first frame, print "first-frame monotonic_us=<µs on
 * CLOCK_MONOTONIC> pss_kb=<PSS>" and quit. Unset, nothing is connected.
 * The app and bench/baseline-window both build this file, so the two sides
 * of the start-up and memory ratios are measured by the same code. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "retract-first-frame.h"

static gint64
read_pss_kb (void)
{
  g_autofree char *rollup = NULL;
  const char *pss;

  if (!g_file_get_contents ("/proc/self/smaps_rollup", &rollup, NULL, NULL))
    return -1;
  pss = strstr (rollup, "\nPss:");
  return pss != NULL ? g_ascii_strtoll (pss + strlen ("\nPss:"), NULL, 10) : -1;
}

static void
after_first_paint (GdkFrameClock *clock,
                   gpointer       user_data)
{
  GtkWindow *window = user_data;
  gint64 painted = g_get_monotonic_time ();

  g_signal_handlers_disconnect_by_func (clock, after_first_paint, user_data);
  g_print ("first-frame monotonic_us=%" G_GINT64_FORMAT " pss_kb=%" G_GINT64_FORMAT "\n",
           painted, read_pss_kb ());
  fflush (stdout);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
window_mapped (GtkWidget *window,
               gpointer   user_data)
{
  g_signal_handlers_disconnect_by_func (window, window_mapped, user_data);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_first_paint), window, 0);
}

void
retract_first_frame_report_if_asked (GtkWindow *window)
{
  if (g_getenv ("RETRACT_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (window, "map", G_CALLBACK (window_mapped), NULL);
}
