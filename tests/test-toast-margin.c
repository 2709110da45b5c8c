/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Issue 15: a toast (here "Check for Rules Updates" finding no network)
 * no longer covers the wizard's Back and Next, at the default width and at
 * 360 px; when it goes, the wizard's buttons are back where they were. */

#include "config.h"

#include "ui-harness.h"

static const char message[] = "No internet connection: the rules server could not be reached";

static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  return bounds;
}

static GtkWidget *
find_toast (GtkWidget *window)
{
  GType toast_type = g_type_from_name ("AdwToastWidget");

  return toast_type != 0 ? harness_find (window, toast_type, NULL) : NULL;
}

static void
check_width (int width)
{
  Harness harness;
  GtkWidget *window;
  GtkWidget *wizard;
  GtkWidget *buttons[2];
  graphene_rect_t before[2];
  GtkWidget *toast;
  graphene_rect_t toast_bounds;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  window = GTK_WIDGET (harness.window);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 760);
  harness_wait_listed (&harness);
  retract_window_start (harness.window, FALSE);
  harness_settle ();
  wizard = GTK_WIDGET (retract_window_get_wizard (harness.window));
  /* The wizard's bottom bar: Back, then Next. */
  buttons[0] = gtk_widget_get_last_child (gtk_widget_get_last_child (adw_bin_get_child (ADW_BIN (wizard))));
  buttons[1] = gtk_widget_get_prev_sibling (buttons[0]);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (buttons[0])), ==, "wizard.next");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (buttons[1])), ==, "wizard.back");
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    before[i] = bounds_in (buttons[i], window);

  gtk_widget_activate_action (window, "win.show-toast", "s", message);
  harness_settle ();
  toast = find_toast (window);
  g_assert_nonnull (toast);
  toast_bounds = bounds_in (toast, window);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      graphene_rect_t now = bounds_in (buttons[i], window);

      g_assert_true (gtk_widget_get_mapped (buttons[i]));
      g_assert_false (graphene_rect_intersection (&now, &toast_bounds, NULL));
      /* Still inside the window. */
      g_assert_cmpfloat (now.origin.y, >=, 0);
    }

  /* Its close button takes it away; the buttons go back down. */
  g_signal_emit_by_name (harness_find (toast, GTK_TYPE_BUTTON, "circular"), "clicked");
  harness_settle ();
  g_assert_null (find_toast (window));
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      graphene_rect_t now = bounds_in (buttons[i], window);

      g_assert_true (graphene_rect_equal (&now, &before[i]));
    }

  harness_clear (&harness);
}

static void
test_wizard_buttons_stay_visible (void)
{
  check_width (720);
}

static void
test_wizard_buttons_stay_visible_narrow (void)
{
  check_width (360);
}

int
main (int   argc,
      char *argv[])
{
  harness_use_own_folders ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/retract/toast-margin/wizard-buttons-stay-visible",
                   test_wizard_buttons_stay_visible);
  g_test_add_func ("/retract/toast-margin/wizard-buttons-stay-visible-narrow",
                   test_wizard_buttons_stay_visible_narrow);

  return g_test_run ();
}
