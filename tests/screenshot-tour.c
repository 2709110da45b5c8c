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
#include "retract-case-overview.h"
#include "retract-time.h"
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

static void
add_event (RetractCase      *kase,
           RetractEventKind  kind,
           const char       *channel,
           const char       *at,
           const char       *reference,
           const char       *note)
{
  g_autoptr(GDateTime) time = retract_time_parse (at, NULL);
  RetractCaseEvent *event = retract_case_event_new (kind, time);

  retract_case_event_set_text (event, &event->channel, channel);
  retract_case_event_set_text (event, &event->reference, reference);
  retract_case_event_set_text (event, &event->note, note);
  retract_case_add_event (kase, event);
}

static GtkWidget *
find_group (GtkWidget  *root,
            const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_GROUP (child) &&
          g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child)), title) == 0)
        return child;
      if ((found = find_group (child, title)) != NULL)
        return found;
    }

  return NULL;
}

static void
ignore_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
}

/* A case the next morning: the ticket had no reply in 12 hours, so the card
 * says to call the hotline now. The overview in a window of its own, with
 * the window actions its buttons use (the real window provides them). */
static void
shoot_overview (Harness    *harness,
                const char *directory)
{
  static const GActionEntry win_actions[] = {
    { "open-uri", ignore_action, "s" },
    { "show-toast", ignore_action, "s" },
    { "edit-answers", ignore_action, "i" },
    { "documents", ignore_action },
    { "delete-case", ignore_action, "s" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse ("2026-11-24T10:05:00+08:00", NULL);
  g_autoptr(GDateTime) now = retract_time_parse ("2026-11-25T08:30:00+08:00", NULL);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *overview = retract_case_overview_new ();
  GtkScrolledWindow *scrolled;
  GtkWidget *timeline;
  graphene_point_t point;

  retract_case_set_platform (kase, "wechat");
  retract_case_set_complaint_type (kase, "friend-report");
  retract_case_set_filed_at (kase, filed);
  retract_case_set_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, "WX20261124001");
  add_event (kase, RETRACT_EVENT_NOTE, NULL, "2026-11-24T10:20:00+08:00", NULL,
             "已截图保存对方的聊天记录");
  add_event (kase, RETRACT_EVENT_SUBMITTED, "web-ticket", "2026-11-24T13:00:00+08:00",
             "T20261124-0571", NULL);
  retract_clock_set_now (harness->clock, now);

  g_action_map_add_action_entries (G_ACTION_MAP (group), win_actions,
                                   G_N_ELEMENTS (win_actions), NULL);
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (overview, TRUE);
  gtk_box_append (GTK_BOX (box), overview);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 900);
  retract_case_overview_set_context (RETRACT_CASE_OVERVIEW (overview), harness->rules,
                                     harness->clock, kase, NULL);
  gtk_window_present (GTK_WINDOW (window));
  shoot_window (GTK_WINDOW (window), directory, "13-case-overview.png");

  /* Further down: the timeline and the answer. The scroller is the
   * timeline's: the first one under the overview is the status page's of
   * its "No Case Selected" page, and scrolling that left 14 and 16 the same
   * pictures as 13 and 15. */
  timeline = find_group (overview, _("Timeline"));
  g_assert_nonnull (timeline);
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (timeline, GTK_TYPE_SCROLLED_WINDOW));
  g_assert_nonnull (scrolled);
  if (gtk_widget_compute_point (timeline, gtk_scrolled_window_get_child (scrolled),
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), point.y - 24);
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scrolled)),
                     >, 0);
  shoot_window (GTK_WINDOW (window), directory, "14-case-timeline.png");

  /* The narrowest window the app supports: the buttons still fit. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 760);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), 0);
  shoot_window (GTK_WINDOW (window), directory, "15-case-overview-narrow.png");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled),
                            gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (scrolled)));
  shoot_window (GTK_WINDOW (window), directory, "16-case-overview-narrow-actions.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Scrolls the current wizard page so that @group's top shows. */
static void
scroll_to_group (Harness    *harness,
                 const char *step,
                 const char *title)
{
  GtkWidget *page = GTK_WIDGET (harness_page (harness, step));
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (harness_find (page, GTK_TYPE_SCROLLED_WINDOW,
                                                                   NULL));
  GtkWidget *group = find_group (page, title);
  graphene_point_t point;

  harness_settle ();
  if (group != NULL &&
      gtk_widget_compute_point (group, gtk_scrolled_window_get_child (scrolled),
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), point.y - 12);
}

/* Issue 15: the details page of a Hong Kong resident (the Hong Kong identity
 * card chosen for a cross-border case) and of a parent acting for a child
 * (the guardian's group). */
static void
shoot_details (Harness    *harness,
               const char *directory)
{
  static const struct
  {
    const char *scenario;
    const char *group;
    const char *name;
  } cases[] = {
    { "cross-border", N_("About you"), "19-details-hong-kong.png" },
    { "minor", N_("The guardian"), "20-details-guardian.png" },
  };

  gtk_window_set_default_size (GTK_WINDOW (harness->window), 640, 900);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RetractCase *kase;

      retract_window_start (harness->window, FALSE);
      harness_fill_situation (harness, "wechat", "friend-report", "2026-11-24T10:05:00+08:00");
      kase = retract_window_get_case (harness->window);
      retract_case_set_scenario_enabled (kase, cases[i].scenario, TRUE);
      retract_wizard_go_to (retract_window_get_wizard (harness->window), "details");
      harness_settle ();
      harness_fill_details (harness);
      if (g_str_equal (cases[i].scenario, "cross-border"))
        retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_PHONE, "+85291234567");
      scroll_to_group (harness, "details", _(cases[i].group));
      shoot (harness, directory, cases[i].name);
    }
}

/* The home (issue 13): the case file's list beside the open case, then the
 * narrow layout, one pane at a time. */
static RetractCase *
home_case (RetractStore *store,
           const char   *type,
           const char   *filed_at,
           const char   *number)
{
  RetractCase *kase = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse (filed_at, NULL);

  retract_case_set_platform (kase, "wechat");
  retract_case_set_complaint_type (kase, type);
  retract_case_set_filed_at (kase, filed);
  if (number != NULL)
    retract_case_set_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, number);
  return kase;
}

static void
shoot_home (Harness    *harness,
            const char *directory)
{
  g_autoptr(GDateTime) now = retract_time_parse ("2026-11-25T08:30:00+08:00", NULL);
  g_autoptr(RetractCase) ticket = home_case (harness->store, "friend-report",
                                             "2026-11-24T10:05:00+08:00", "WX20261124001");
  g_autoptr(RetractCase) waiting = home_case (harness->store, "friend-report",
                                              "2026-11-25T06:40:00+08:00", "WX20261125017");
  g_autoptr(RetractCase) fresh = home_case (harness->store, "payment-dispute",
                                            "2026-11-25T08:10:00+08:00", NULL);
  g_autoptr(RetractCase) done = home_case (harness->store, "friend-report",
                                           "2026-11-23T09:00:00+08:00", "WX20261123008");

  harness_close_window (harness);
  retract_store_delete_all (harness->store, NULL);
  retract_clock_set_now (harness->clock, now);
  add_event (ticket, RETRACT_EVENT_SUBMITTED, "web-ticket", "2026-11-24T13:00:00+08:00",
             "T20261124-0571", NULL);
  add_event (waiting, RETRACT_EVENT_SUBMITTED, "web-ticket", "2026-11-25T07:00:00+08:00", NULL,
             NULL);
  add_event (done, RETRACT_EVENT_RESOLVED, NULL, "2026-11-23T15:00:00+08:00", NULL, NULL);
  retract_store_save_case (harness->store, ticket, NULL);
  retract_store_save_case (harness->store, waiting, NULL);
  retract_store_save_case (harness->store, fresh, NULL);
  retract_store_save_case (harness->store, done, NULL);

  harness_open_window (harness);
  gtk_window_set_default_size (GTK_WINDOW (harness->window), 1100, 800);
  harness_wait_listed (harness);
  shoot (harness, directory, "17-home.png");

  gtk_window_set_default_size (GTK_WINDOW (harness->window), 360, 760);
  gtk_widget_activate_action (GTK_WIDGET (harness->window), "win.back-to-list", NULL);
  shoot (harness, directory, "18-home-narrow.png");
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
    GtkWidget *documents = harness_find (review, GTK_TYPE_DRAWING_AREA, NULL);
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

  shoot_details (&harness, argv[1]);
  shoot_overview (&harness, argv[1]);
  shoot_home (&harness, argv[1]);

  harness_clear (&harness);
  return 0;
}
