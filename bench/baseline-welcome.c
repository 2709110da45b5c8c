/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A second floor for start-up and memory: the bare window of baseline-window.c
 * showing what Retract's welcome page shows, built in code with stock widgets
 * and nothing of Retract's: the translated window title, a header bar with a
 * menu button, and an AdwStatusPage with the 128 px icon, the title, the
 * description, the Start button and the rules line, in the same catalog's
 * words. Against it, the app's ratio says what the app costs beyond its
 * first screen's content. */

#include "config.h"

#include <locale.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "retract-first-frame.h"

static GtkWidget *
welcome_content (void)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *start = gtk_button_new_with_label (_("Start"));
  /* The rules line with numbers of the same shape as the bundled version's. */
  g_autofree char *rules = g_strdup_printf (_("Rules %1$s of %2$s, from a public article; "
                                              "not an official source."),
                                            "2026.11.1", "2026-11-24");
  GtkWidget *caption = gtk_label_new (rules);
  g_autoptr(GdkTexture) icon = gdk_texture_new_from_filename (BENCH_ICON_PATH, NULL);

  adw_status_page_set_paintable (ADW_STATUS_PAGE (status), GDK_PAINTABLE (icon));
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Reported Someone by Mistake?"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Find out in under a minute whether your complaint can "
                                     "still be withdrawn, how, and by when. Then prepare the "
                                     "paperwork."));

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (start, 260, -1);
  gtk_widget_add_css_class (start, "pill");
  gtk_widget_add_css_class (start, "suggested-action");
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 48);
  gtk_widget_set_margin_top (caption, 12);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (caption, "caption");
  gtk_box_append (GTK_BOX (box), start);
  gtk_box_append (GTK_BOX (box), caption);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), box);
  gtk_widget_set_vexpand (status, TRUE);

  return status;
}

static void
activate (GApplication *app,
          gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *header = adw_header_bar_new ();
      GtkWidget *menu = gtk_menu_button_new ();

      window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
      gtk_window_set_title (window, _("Retract"));
      gtk_window_set_default_size (window, 720, 760);
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
      adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu);
      gtk_box_append (GTK_BOX (box), header);
      gtk_box_append (GTK_BOX (box), welcome_content ());
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
  const char *localedir = g_getenv ("RETRACT_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = adw_application_new ("io.github.retractapp.Retract.BenchWelcome",
                             G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
