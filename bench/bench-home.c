/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The home with 1 000 saved cases (a 20 000-character narrative each), in
 * this process under Xvfb: switching from case to case (opening it from the
 * library and the frame that shows it; issue 13: a median within one frame,
 * 16 ms) and scrolling the list a page at a time (the frame after each step).
 * A frame's cost is its work, from the frame clock's update to its
 * after-paint, not the wait for the next tick. Run by `build-aux/dev bench`
 * style: xvfb-run -a dbus-run-session -- build/bench/bench-home */

#include "config.h"

#include <glib/gstdio.h>

#include "retract-case-list-pane.h"
#include "retract-time.h"
#include "retract-window.h"

#define NOW_TEXT "2026-11-24T13:00:00+08:00"
#define N_CASES 1000
#define N_CHARS 20000

static gint64 frame_start;
static double last_frame_ms;
static guint n_frames;

static void
on_update (GdkFrameClock *clock)
{
  frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock)
{
  last_frame_ms = (double) (g_get_monotonic_time () - frame_start) / 1000.0;
  n_frames++;
}

/* Runs the loop until a frame has been painted after now. */
static double
next_frame_ms (void)
{
  guint before = n_frames;
  gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (n_frames == before && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  return last_frame_ms;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return samples->len == 0 ? NAN : g_array_index (samples, double, samples->len / 2);
}

static double
percentile (GArray *samples,
            double  p)
{
  g_array_sort (samples, compare_doubles);
  return samples->len == 0 ? NAN
                           : g_array_index (samples, double, (guint) ((samples->len - 1) * p));
}

static RetractCase *
saved_case (guint       i,
            GDateTime  *now,
            const char *narrative)
{
  RetractCase *kase = retract_case_new ();
  g_autoptr(GDateTime) filed = g_date_time_add_hours (now, -(int) (i % 40) - 1);
  g_autofree char *number = g_strdup_printf ("WX2026112%05u", i);

  retract_case_set_platform (kase, "wechat");
  retract_case_set_complaint_type (kase, i % 3 == 0 ? "payment-dispute" : "friend-report");
  retract_case_set_filed_at (kase, filed);
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_NAME, "张三");
  retract_case_set_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, number);
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, narrative);
  return kase;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("retract-bench-home-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autoptr(GString) narrative = g_string_new (NULL);
  g_autoptr(GDateTime) now = retract_time_parse (NOW_TEXT, NULL);
  g_autoptr(RetractRuleset) rules = NULL;
  g_autoptr(RetractStore) store = NULL;
  g_autoptr(RetractClock) clock = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) switching = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scrolling = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) opening = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) loading = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  RetractWindow *window;
  GdkFrameClock *frame_clock;
  GtkAdjustment *adjustment;
  GtkWidget *view;
  gint64 start;

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  while (narrative->len < N_CHARS * 3)  /* 3 bytes a character */
    g_string_append (narrative, "我当时想给朋友发消息，结果误点了投诉按钮，并没有任何投诉的意思。");
  g_string_truncate (narrative, N_CHARS * 3);

  rules = retract_ruleset_new_bundled (&error);
  g_assert_no_error (error);
  store = retract_store_new_default ();
  clock = retract_clock_new_fixed (now);
  g_printerr ("bench-home: saving %u cases…\n", N_CASES);
  for (guint i = 0; i < N_CASES; i++)
    {
      g_autoptr(RetractCase) kase = saved_case (i, now, narrative->str);

      if (!retract_store_save_case (store, kase, &error))
        g_error ("cannot save: %s", error->message);
      g_ptr_array_add (ids, g_strdup (retract_case_get_id (kase)));
    }

  window = retract_window_new (NULL, rules, store, clock);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  start = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (window));
  while (!retract_window_is_listed (window))
    g_main_context_iteration (NULL, TRUE);
  g_print ("home-list-1000-ready %.1f ms (window shown to the list in)\n",
           (double) (g_get_monotonic_time () - start) / 1000.0);

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (frame_clock, "update", G_CALLBACK (on_update), NULL);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  next_frame_ms ();

  /* Switching: open a case, then the frame that shows it. */
  for (guint i = 0; i < 201; i++)
    {
      const char *id = g_ptr_array_index (ids, (i * 37) % N_CASES);
      gint64 t0 = g_get_monotonic_time ();
      double open_ms, frame_ms, load_ms;

      /* The store's part alone: reading and checking the case file. */
      {
        g_autoptr(RetractCase) copy = retract_store_load_case (store, id, NULL);

        load_ms = (double) (g_get_monotonic_time () - t0) / 1000.0;
        g_assert_nonnull (copy);
      }
      t0 = g_get_monotonic_time ();

      retract_window_open_case (window, id);
      open_ms = (double) (g_get_monotonic_time () - t0) / 1000.0;
      frame_ms = next_frame_ms ();
      if (i > 0)
        {
          double total = open_ms + frame_ms;

          g_array_append_val (switching, total);
          g_array_append_val (opening, open_ms);
          g_array_append_val (loading, load_ms);
        }
    }
  g_print ("home-switch-median %.2f ms (target 16)\n", median (switching));
  g_print ("home-switch-p90 %.2f ms\n", percentile (switching, 0.9));
  g_print ("home-switch-open-median %.2f ms (of which loading the case file %.2f ms)\n",
           median (opening), median (loading));

  /* Scrolling the list a page at a time, down and back up. */
  view = retract_case_list_pane_get_list_view (retract_window_get_list_pane (window));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  for (guint pass = 0; pass < 2; pass++)
    {
      gtk_adjustment_set_value (adjustment, 0);
      next_frame_ms ();
      for (guint step = 0; step < 200; step++)
        {
          double value = gtk_adjustment_get_value (adjustment) +
                         gtk_adjustment_get_page_size (adjustment) / 2;
          double ms;

          if (value >= gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
            break;
          gtk_adjustment_set_value (adjustment, value);
          ms = next_frame_ms ();
          if (pass > 0)
            g_array_append_val (scrolling, ms);
        }
    }
  g_print ("home-scroll-frames %u\n", scrolling->len);
  g_print ("home-scroll-frame-median %.2f ms\n", median (scrolling));
  g_print ("home-scroll-frame-p90 %.2f ms\n", percentile (scrolling, 0.9));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  retract_store_delete_all (store, NULL);
  return 0;
}
