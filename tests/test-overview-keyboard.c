/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Issue 13, found walking the home with the keyboard alone: Mark Resolved,
 * Abandon and Reopen hide the button just pressed, and focus went with it
 * (Tab then started over from the top of the window). Now it lands on the
 * button that undoes what was done. */

#include "config.h"

#include "retract-case-overview.h"
#include "retract-time.h"
#include "ui-harness.h"

/* Focuses the button for @action and presses it, as Space would. */
static void
press (GtkWidget  *overview,
       const char *action)
{
  GtkWidget *button = harness_find_action (overview, action);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_grab_focus (button));
  g_signal_emit_by_name (button, "clicked");
  harness_settle ();
}

static void
assert_focus_on (GtkWidget  *overview,
                 const char *action)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (overview));

  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==, action);
  g_assert_true (gtk_widget_get_mapped (focus));
}

static void
test_ending_keeps_focus (void)
{
  Harness harness;
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse ("2026-11-24T11:30:00+08:00", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *overview;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  retract_case_set_platform (kase, "wechat");
  retract_case_set_complaint_type (kase, "friend-report");
  retract_case_set_filed_at (kase, filed);
  g_assert_true (retract_store_save_case (harness.store, kase, &error));
  g_assert_no_error (error);
  harness_open_window (&harness);
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 1000, 760);
  harness_wait_listed (&harness);
  retract_window_open_case (harness.window, retract_case_get_id (kase));
  harness_settle ();
  overview = harness_find (GTK_WIDGET (harness.window), RETRACT_TYPE_CASE_OVERVIEW, NULL);
  g_assert_nonnull (overview);

  press (overview, "overview.resolve");
  assert_focus_on (overview, "overview.reopen");
  press (overview, "overview.reopen");
  assert_focus_on (overview, "overview.resolve");
  press (overview, "overview.abandon");
  assert_focus_on (overview, "overview.reopen");

  harness_clear (&harness);
}

int
main (int   argc,
      char *argv[])
{
  harness_use_own_folders ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/retract/overview-keyboard/ending-keeps-focus", test_ending_keeps_focus);

  return g_test_run ();
}
