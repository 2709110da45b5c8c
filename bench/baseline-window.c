/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The floor the start-up and memory benchmarks compare against: a bare
 * AdwApplication whose window is an AdwApplicationWindow with a header bar,
 * the same default size and the same application flags as Retract. With
 * RETRACT_BENCH_FIRST_FRAME set it reports its first painted frame exactly as
 * Retract does (src/ui/retract-application.c) and quits. */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <adwaita.h>

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

static void
activate (GApplication *app,
          gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
      gtk_window_set_title (window, "Baseline");
      gtk_window_set_default_size (window, 720, 760);
      gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
      if (g_getenv ("RETRACT_BENCH_FIRST_FRAME") != NULL)
        g_signal_connect (window, "map", G_CALLBACK (window_mapped), NULL);
    }

  gtk_window_present (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  setlocale (LC_ALL, "");
  app = adw_application_new ("io.github.retractapp.Retract.BenchBaseline",
                             G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
