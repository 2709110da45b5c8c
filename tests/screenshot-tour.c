/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Walks the real window through every step of a case and saves each as a
 * PNG: the screenshots in docs/screenshots come from here
 * (build-aux/dev screenshots). The language follows LANGUAGE.
 *
 * With a rules file as second argument (a hostile dataset, say), the tour
 * uses it and also shoots a toast and About, to look at how the dataset's
 * text shows everywhere. Keep those out of docs/. */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "retract-application.h"
#include "ui-harness.h"

static void
shoot_window (GtkWindow  *window,
              const char *directory,
              const char *name)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);

  harness_settle ();
  if (!harness_save_png (GTK_WIDGET (window), path))
    g_error ("could not save %s", path);
  g_print ("%s\n", path);
}

static void
shoot (Harness    *harness,
       const char *directory,
       const char *name)
{
  shoot_window (GTK_WINDOW (harness->window), directory, name);
}

/* A toast naming a saved file whose name looks like markup, and About with
 * its comments page (the dataset's title and disclaimer). */
static void
shoot_toast_and_about (Harness    *harness,
                       const char *directory)
{
  g_autofree char *name = g_build_filename (g_get_tmp_dir (),
                                            "A & B <b>C <span color=red>D.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (name, NULL, NULL);
  GtkWindow *about;

  gtk_widget_activate_action (GTK_WIDGET (harness->window), "win.file-saved", "s", uri);
  shoot (harness, directory, "10-toast.png");

  about = retract_application_new_about_window (harness->rules);
  gtk_window_set_transient_for (about, GTK_WINDOW (harness->window));
  gtk_window_set_default_size (about, 480, 760);
  gtk_window_present (about);
  shoot_window (about, directory, "11-about.png");
  gtk_widget_activate_action (GTK_WIDGET (about), "about.subpage", "s", "details");
  shoot_window (about, directory, "12-about-details.png");
  gtk_window_destroy (about);
}

int
main (int   argc,
      char *argv[])
{
  Harness harness;
  const char *localedir = g_getenv ("RETRACT_LOCALEDIR");
  RetractCase *kase;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc != 2 && argc != 3)
    {
      g_printerr ("usage: %s OUTPUT-DIRECTORY [RULES.json]\n", argv[0]);
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0755);

  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Noto Sans CJK SC 11", NULL);

  /* Four hours after filing: staff review, with materials to prepare. */
  harness_init (&harness, "2026-11-24T14:20:00+08:00");
  if (argc == 3)
    {
      g_autoptr(GError) error = NULL;

      g_clear_object (&harness.rules);
      harness.rules = retract_ruleset_new_from_file (argv[2], &error);
      if (harness.rules == NULL)
        g_error ("%s", error->message);
    }
  retract_store_delete_all (harness.store, NULL);
  harness_open_window (&harness);
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 640, 900);
  shoot (&harness, argv[1], "00-welcome.png");

  retract_window_start (harness.window, FALSE);
  harness_fill_situation (&harness, "wechat", "friend-report", "2026-11-24T10:05:00+08:00");
  shoot (&harness, argv[1], "01-situation.png");

  harness_next (&harness);
  kase = retract_window_get_case (harness.window);
  retract_case_set_withdrawals_this_month (kase, 1);
  shoot (&harness, argv[1], "02-circumstances.png");

  harness_next (&harness);
  shoot (&harness, argv[1], "03-result.png");

  harness_next (&harness);
  retract_case_set_material_ready (kase, "identity", TRUE);
  shoot (&harness, argv[1], "04-materials.png");

  harness_next (&harness);
  harness_fill_details (&harness);
  shoot (&harness, argv[1], "05-letter-details.png");

  harness_next (&harness);
  shoot (&harness, argv[1], "06-review.png");

  /* Further down the review: the letter's preview and the documents. */
  {
    GtkWidget *review = GTK_WIDGET (harness_page (&harness, "review"));
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (harness_find (review,
                                                                     GTK_TYPE_SCROLLED_WINDOW,
                                                                     NULL));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
    GtkWidget *documents = harness_find (review, GTK_TYPE_ASPECT_FRAME, NULL);
    graphene_point_t point;

    harness_settle ();
    if (gtk_widget_compute_point (documents, gtk_scrolled_window_get_child (scrolled),
                                  &GRAPHENE_POINT_INIT (0, 0), &point))
      gtk_adjustment_set_value (adjustment, point.y - 120);
    shoot (&harness, argv[1], "09-letter-preview.png");
  }

  /* A dead end: intellectual-property complaints cannot be withdrawn. */
  retract_wizard_go_to (retract_window_get_wizard (harness.window), "situation");
  retract_case_set_complaint_type (kase, "intellectual-property");
  harness_next (&harness);
  harness_next (&harness);
  shoot (&harness, argv[1], "07-not-withdrawable.png");
  if (argc == 3)
    shoot_toast_and_about (&harness, argv[1]);

  /* The narrowest window the app supports: nothing may be cut off. */
  retract_wizard_go_to (retract_window_get_wizard (harness.window), "situation");
  retract_case_set_complaint_type (kase, "payment-dispute");
  retract_case_set_scenario_enabled (kase, "cross-border", TRUE);
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 360, 760);
  harness_next (&harness);
  harness_next (&harness);
  shoot (&harness, argv[1], "08-narrow-result.png");

  harness_clear (&harness);
  return 0;
}
