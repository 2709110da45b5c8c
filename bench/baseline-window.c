/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The floor the start-up and memory benchmarks compare against: a bare
 * AdwApplication whose window is an AdwApplicationWindow with a header bar,
 * the same default size and the same application flags as Retract. With
 * RETRACT_BENCH_FIRST_FRAME set it reports its first painted frame with the
 * same code as Retract (src/ui/retract-first-frame.c) and quits. */

#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "retract-first-frame.h"

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
      retract_first_frame_report_if_asked (window);
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
