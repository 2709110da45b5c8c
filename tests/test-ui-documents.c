/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Issue 15 through the real window: the preview that grows and zooms, Copy
 * Appeal Message only when the appeal is the route, and reminders in the
 * interface's language. */

#include "config.h"

#include <string.h>

#include "retract-review-page.h"
#include "retract-time.h"
#include "ui-harness.h"

static void
assert_step (Harness    *harness,
             const char *step)
{
  g_assert_cmpstr (retract_wizard_get_step (retract_window_get_wizard (harness->window)), ==, step);
}

static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      found = find_actionable (child, action);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether the page's control for @action is there to use: shown, and its
 * action enabled (a disabled action makes its button insensitive). */
static gboolean
offers (GtkWidget  *page,
        const char *action)
{
  GtkWidget *button = find_actionable (page, action);

  g_assert_nonnull (button);
  return gtk_widget_is_visible (button) && gtk_widget_is_sensitive (button);
}

static void
fill_to_review (Harness    *harness,
                const char *filed_at)
{
  retract_window_start (harness->window, FALSE);
  harness_fill_situation (harness, "wechat", "friend-report", filed_at);
  harness_fill_details (harness);
  retract_wizard_go_to (retract_window_get_wizard (harness->window), "review");
  harness_settle ();
  assert_step (harness, "review");
}

/* What pressing @accelerator does on @widget: its shortcut controllers, as
 * GTK would find them for the key (no key events can be made in a test). */
static gboolean
press_keys (GtkWidget  *widget,
            const char *accelerator)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            {
              harness_settle ();
              return TRUE;
            }
        }
    }

  return FALSE;
}

/* §5.5: the preview is as wide as the page gives it (not ~300 px at any
 * size), an A4 sheet high, and zooms with Ctrl+plus, Ctrl+minus and Ctrl+0
 * and with named buttons. */
static void
test_preview_grows_and_zooms (void)
{
  Harness harness;
  RetractReviewPage *review;
  int width = 0, height = 0, zoomed = 0, zoomed_height = 0, again = 0, narrow = 0, unused = 0;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 1280, 1000);
  harness_settle ();
  fill_to_review (&harness, "2026-11-24T10:00:00+08:00");
  review = RETRACT_REVIEW_PAGE (harness_page (&harness, "review"));

  retract_review_page_get_preview_size (review, &width, &height);
  g_assert_cmpint (width, >=, 560);
  g_assert_cmpint (ABS (height - (int) (width * 1.41421)), <=, 2);

  /* Zoom in: larger by a step, twice; out and back to the width. */
  g_assert_true (offers (GTK_WIDGET (review), "review.zoom-in"));
  g_assert_false (offers (GTK_WIDGET (review), "review.zoom-reset"));
  g_assert_true (press_keys (GTK_WIDGET (review), "<Control>plus"));
  retract_review_page_get_preview_size (review, &zoomed, &zoomed_height);
  g_assert_cmpint (ABS (zoomed - (int) (width * 1.25)), <=, 1);
  g_assert_cmpint (zoomed_height, >, height);
  g_assert_true (press_keys (GTK_WIDGET (review), "<Control>equal"));
  retract_review_page_get_preview_size (review, &again, &unused);
  g_assert_cmpint (again, >, zoomed);
  g_assert_true (press_keys (GTK_WIDGET (review), "<Control>minus"));
  retract_review_page_get_preview_size (review, &again, &unused);
  g_assert_cmpint (again, ==, zoomed);
  g_assert_true (offers (GTK_WIDGET (review), "review.zoom-reset"));
  g_assert_true (press_keys (GTK_WIDGET (review), "<Control>0"));
  retract_review_page_get_preview_size (review, &again, &unused);
  g_assert_cmpint (again, ==, width);
  g_assert_false (offers (GTK_WIDGET (review), "review.zoom-out"));

  /* The buttons do the same, and say what they do. */
  gtk_widget_activate_action (GTK_WIDGET (review), "review.zoom-in", NULL);
  harness_settle ();
  retract_review_page_get_preview_size (review, &again, &unused);
  g_assert_cmpint (again, ==, zoomed);
  {
    static const char * const actions[] = {
      "review.zoom-in", "review.zoom-out", "review.zoom-reset"
    };

    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      {
        GtkWidget *button = find_actionable (GTK_WIDGET (review), actions[i]);

        g_assert_nonnull (gtk_widget_get_tooltip_text (button));
        g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                         GTK_ACCESSIBLE_PROPERTY_LABEL));
      }
  }
  gtk_widget_activate_action (GTK_WIDGET (review), "review.zoom-reset", NULL);
  harness_settle ();

  /* A narrower window, a narrower sheet: it follows the window. */
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 480, 800);
  harness_settle ();
  retract_review_page_get_preview_size (review, &narrow, &unused);
  g_assert_cmpint (narrow, <, width);
  g_assert_cmpint (narrow, >=, 240);

  harness_clear (&harness);
}

/* §5.7: Copy Appeal Message only when the core says the appeal is the route
 * (processed), not during a review next to "one channel at a time". */
static void
test_copy_appeal_only_on_route (void)
{
  Harness harness;
  GtkWidget *review;
  g_autoptr(GDateTime) later = NULL;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  fill_to_review (&harness, "2026-11-24T10:00:00+08:00");
  review = GTK_WIDGET (harness_page (&harness, "review"));

  /* Under manual review: the ticket and the hotline, not the appeal. */
  g_assert_nonnull (retract_review_page_get_letter (RETRACT_REVIEW_PAGE (review)));
  g_assert_false (offers (review, "review.copy-appeal"));
  g_assert_false (gtk_widget_is_visible (find_actionable (review, "review.copy-appeal")));
  g_assert_true (offers (review, "review.copy-ticket"));

  /* Weeks on, the complaint has been processed: the appeal is the route. */
  later = retract_time_parse ("2026-12-15T13:00:00+08:00", NULL);
  retract_clock_set_now (harness.clock, later);
  harness_settle ();
  g_assert_true (offers (review, "review.copy-appeal"));

  harness_clear (&harness);
}

/* §5.9: the reminders are in the interface's language, whichever copy of
 * the letter is shown. */
static void
test_reminders_follow_interface (void)
{
  Harness harness;
  RetractReviewPage *review;
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *english = NULL;
  g_autofree char *chinese = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *english_switch;

  harness_init (&harness, "2026-11-24T10:30:00+08:00");
  harness_open_window (&harness);
  fill_to_review (&harness, "2026-11-24T10:00:00+08:00");
  review = RETRACT_REVIEW_PAGE (harness_page (&harness, "review"));
  english_switch = harness_find (GTK_WIDGET (review), GTK_TYPE_SWITCH, NULL);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (english_switch)));

  /* An English interface, the Chinese letter shown: English reminders. */
  g_setenv ("LANGUAGE", "en", TRUE);
  english = retract_review_page_build_reminders (review, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (english, "SUMMARY:Mistaken complaint: "));
  g_assert_null (strstr (english, "误投诉撤销"));

  /* A Chinese interface, the English copy shown: Chinese reminders. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  gtk_switch_set_active (GTK_SWITCH (english_switch), TRUE);
  harness_settle ();
  chinese = retract_review_page_build_reminders (review, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (chinese, "SUMMARY:误投诉撤销"));
  g_assert_null (strstr (chinese, "Mistaken complaint"));

  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  harness_clear (&harness);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;

  /* A data and config folder of this run's own, never the user's. */
  home = g_dir_make_tmp ("retract-test-ui-documents-XXXXXX", NULL);
  g_assert_nonnull (home);
  {
    g_autofree char *data = g_build_filename (home, "data", NULL);
    g_autofree char *config = g_build_filename (home, "config", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
    g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/retract/ui-documents/preview-grows-and-zooms", test_preview_grows_and_zooms);
  g_test_add_func ("/retract/ui-documents/copy-appeal-only-on-route",
                   test_copy_appeal_only_on_route);
  g_test_add_func ("/retract/ui-documents/reminders-follow-interface",
                   test_reminders_follow_interface);

  return g_test_run ();
}
