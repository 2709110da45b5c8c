/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Issue 13, found walking the home with the keyboard alone: Mark Resolved,
 * Abandon and Reopen hide the button just pressed, and focus went with it
 * (Tab then started over from the top of the window). Now it lands on the
 * button that undoes what was done. */

#include "config.h"

#include "retract-case-overview.h"
#include "retract-log-dialog.h"
#include "retract-text.h"
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

static char *
save_case (Harness    *harness,
           const char *platform,
           const char *type)
{
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse ("2026-11-24T11:30:00+08:00", NULL);
  g_autoptr(GError) error = NULL;

  retract_case_set_platform (kase, platform);
  retract_case_set_complaint_type (kase, type);
  retract_case_set_filed_at (kase, filed);
  g_assert_true (retract_store_save_case (harness->store, kase, &error));
  g_assert_no_error (error);
  return g_strdup (retract_case_get_id (kase));
}

/* The window, wide, on the saved cases; returns the overview. */
static GtkWidget *
open_home (Harness *harness)
{
  GtkWidget *overview;

  harness_open_window (harness);
  gtk_window_set_default_size (GTK_WINDOW (harness->window), 1000, 760);
  harness_wait_listed (harness);
  overview = harness_find (GTK_WIDGET (harness->window), RETRACT_TYPE_CASE_OVERVIEW, NULL);
  g_assert_nonnull (overview);
  return overview;
}

/* A new harness, its window on a saved WeChat friend report; returns the
 * overview. */
static GtkWidget *
open_friend_report (Harness *harness)
{
  g_autofree char *id = NULL;
  GtkWidget *overview;

  harness_init (harness, "2026-11-24T13:00:00+08:00");
  id = save_case (harness, "wechat", "friend-report");
  overview = open_home (harness);
  retract_window_open_case (harness->window, id);
  harness_settle ();
  return overview;
}

static void
test_ending_keeps_focus (void)
{
  Harness harness;
  GtkWidget *overview;

  overview = open_friend_report (&harness);

  press (overview, "overview.resolve");
  assert_focus_on (overview, "overview.reopen");
  press (overview, "overview.reopen");
  assert_focus_on (overview, "overview.resolve");
  press (overview, "overview.abandon");
  assert_focus_on (overview, "overview.reopen");

  harness_clear (&harness);
}

/* Enter on a case in the list: focus starts at the top of its overview,
 * not where the keyboard last was in the overview (Abandon, at its foot,
 * in the case shown before). */
static void
test_activated_case_starts_at_top (void)
{
  Harness harness;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GtkWidget *overview;
  GtkWidget *pane;
  GtkWidget *focus;
  graphene_point_t at;
  graphene_point_t log_at;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  first = save_case (&harness, "wechat", "friend-report");
  second = save_case (&harness, "alipay", "general");
  overview = open_home (&harness);
  pane = GTK_WIDGET (retract_window_get_list_pane (harness.window));

  g_signal_emit_by_name (pane, "case-activated", first);
  harness_settle ();
  g_assert_true (gtk_widget_grab_focus (harness_find_action (overview, "overview.resolve")));
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.back-to-list", NULL);
  harness_settle ();

  g_signal_emit_by_name (pane, "case-activated", second);
  harness_settle ();
  g_assert_cmpstr (retract_case_get_id (retract_window_get_case (harness.window)), ==, second);
  focus = gtk_root_get_focus (GTK_ROOT (harness.window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, overview));
  /* Above the timeline: in the next step's card. */
  g_assert_true (gtk_widget_compute_point (focus, overview, &GRAPHENE_POINT_INIT (0, 0), &at));
  g_assert_true (gtk_widget_compute_point (harness_find_action (overview, "overview.log"), overview,
                                           &GRAPHENE_POINT_INIT (0, 0), &log_at));
  g_assert_cmpfloat (at.y, <, log_at.y);

  harness_clear (&harness);
}

/* Log Action… opens on its first question, What happened; the next step's
 * button on the time, which Enter then records. */
static void
test_log_dialog_first_focus (void)
{
  Harness harness;
  GtkWidget *overview;
  RetractLogDialog *dialog;

  overview = open_friend_report (&harness);

  gtk_widget_activate_action (overview, "overview.log", NULL);
  harness_settle ();
  dialog = RETRACT_LOG_DIALOG (harness_find_toplevel (RETRACT_TYPE_LOG_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) ==
                 retract_log_dialog_get_field (dialog, RETRACT_EVENT_ERROR_KIND));
  gtk_window_destroy (GTK_WINDOW (dialog));
  harness_settle ();

  gtk_widget_activate_action (overview, "overview.record", NULL);
  harness_settle ();
  dialog = RETRACT_LOG_DIALOG (harness_find_toplevel (RETRACT_TYPE_LOG_DIALOG));
  g_assert_nonnull (dialog);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));
    GtkWidget *time = retract_log_dialog_get_field (dialog, RETRACT_EVENT_ERROR_AT);

    g_assert_nonnull (focus);
    g_assert_true (focus == time || gtk_widget_is_ancestor (focus, time));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  harness_clear (&harness);
}

/* Alt+L (Log Action…'s mnemonic) and the next step's button open the log
 * dialog without moving the focus, which may be nowhere (found on session
 * 22's keyboard walk: after Log, the next Tab started over at "+" in the
 * header). Logged or cancelled, the keyboard is back on the button that
 * opened it; the record button stays after the step moves on (it records
 * the reply). */
static void
test_log_dialog_gives_focus_back (void)
{
  static const struct {
    const char *action;
    gboolean    log;
  } openings[] = {
    { "overview.log", TRUE },
    { "overview.record", TRUE },
    { "overview.log", FALSE },
    { "overview.record", FALSE },
  };
  Harness harness;
  GtkWidget *overview;
  RetractLogDialog *dialog;

  overview = open_friend_report (&harness);

  for (guint i = 0; i < G_N_ELEMENTS (openings); i++)
    {
      GtkWidget *button = harness_find_action (overview, openings[i].action);

      g_test_message ("%s, %s", openings[i].action, openings[i].log ? "logged" : "cancelled");
      gtk_root_set_focus (GTK_ROOT (harness.window), NULL);
      g_assert_true (gtk_widget_mnemonic_activate (button, FALSE));
      /* A button pressed from the keyboard clicks after a 250 ms press. */
      harness_settle ();
      harness_settle ();
      dialog = RETRACT_LOG_DIALOG (harness_find_toplevel (RETRACT_TYPE_LOG_DIALOG));
      g_assert_nonnull (dialog);
      if (openings[i].log)
        g_assert_true (retract_log_dialog_submit (dialog));
      else
        gtk_window_close (GTK_WINDOW (dialog));
      retract_window_flush_save (harness.window);
      harness_settle ();
      g_assert_null (harness_find_toplevel (RETRACT_TYPE_LOG_DIALOG));
      assert_focus_on (overview, openings[i].action);
    }

  harness_clear (&harness);
}

/* Log Action… offers the next step's channel first: after the
 * self-service page refused, the step is the web ticket, and that is what
 * the channel list shows when the dialog opens (it showed the platform's
 * first channel, self-service, whatever the step). */
static void
test_log_dialog_step_channel (void)
{
  Harness harness;
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse ("2026-11-24T11:30:00+08:00", NULL);
  g_autoptr(GDateTime) sent = retract_time_parse ("2026-11-24T11:40:00+08:00", NULL);
  g_autoptr(GDateTime) replied = retract_time_parse ("2026-11-24T11:50:00+08:00", NULL);
  g_autoptr(GError) error = NULL;
  RetractCaseEvent *event;
  GtkWidget *overview;
  RetractLogDialog *dialog;
  AdwComboRow *channel;
  GtkStringObject *item;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  retract_case_set_platform (kase, "wechat");
  retract_case_set_complaint_type (kase, "friend-report");
  retract_case_set_filed_at (kase, filed);
  event = retract_case_event_new (RETRACT_EVENT_SUBMITTED, sent);
  retract_case_event_set_text (event, &event->channel, "self-service");
  retract_case_add_event (kase, event);
  event = retract_case_event_new (RETRACT_EVENT_REPLY, replied);
  event->outcome = RETRACT_OUTCOME_REFUSED;
  retract_case_add_event (kase, event);
  g_assert_true (retract_store_save_case (harness.store, kase, &error));
  g_assert_no_error (error);

  overview = open_home (&harness);
  retract_window_open_case (harness.window, retract_case_get_id (kase));
  harness_settle ();

  gtk_widget_activate_action (overview, "overview.log", NULL);
  harness_settle ();
  dialog = RETRACT_LOG_DIALOG (harness_find_toplevel (RETRACT_TYPE_LOG_DIALOG));
  g_assert_nonnull (dialog);
  retract_log_dialog_set_kind (dialog, RETRACT_EVENT_SUBMITTED);
  harness_settle ();
  channel = ADW_COMBO_ROW (retract_log_dialog_get_field (dialog, RETRACT_EVENT_ERROR_CHANNEL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (channel)));
  item = adw_combo_row_get_selected_item (channel);
  g_assert_nonnull (item);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==,
                   retract_text_get (&retract_ruleset_lookup_channel (harness.rules,
                                                                      "web-ticket")->name,
                                     retract_language_default ()));
  gtk_window_destroy (GTK_WINDOW (dialog));

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
  g_test_add_func ("/retract/overview-keyboard/activated-case-starts-at-top",
                   test_activated_case_starts_at_top);
  g_test_add_func ("/retract/overview-keyboard/log-dialog-first-focus", test_log_dialog_first_focus);
  g_test_add_func ("/retract/overview-keyboard/log-dialog-step-channel", test_log_dialog_step_channel);
  g_test_add_func ("/retract/overview-keyboard/log-dialog-gives-focus-back",
                   test_log_dialog_gives_focus_back);

  return g_test_run ();
}
