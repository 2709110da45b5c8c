/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Every interaction within a frame (issue 16, §3): the time from an input
 * event to the next painted frame, for the app's window and for a floor that
 * does the same with bare widgets in an AdwApplicationWindow, in one run.
 *
 * The events are real: XTest makes the X server generate them, so they reach
 * the window as a person's would (X server → GDK's X11 event source → GTK's
 * controllers), not through a direct call. libXtst is opened at run time, so
 * building the bench needs no extra headers. A sample starts just before the
 * fake key press or button release is flushed to the server and ends at the
 * frame clock's "after-paint" of the first frame painted after GTK received
 * that event (seen by a capture-phase GtkEventControllerLegacy on the
 * window). The minute's re-evaluation has no input event: it starts when the
 * fixed clock is moved on by 60 s, which is what the real clock's minute
 * timer does.
 *
 * Each figure is one line: NAME median=… p95=… floor=… ratio=… target=16.7ms,1.5x
 * With --phases, two more lines per figure (app, floor) split the medians
 * and 95th percentiles by where the time went: deliver (X server to GTK),
 * dispatch (the handlers, until the frame starts), update (mostly the style
 * pass), layout, paint.
 * Run as: xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- BUILD/bench/bench-frames */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/keysym.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "retract-case-list-pane.h"
#include "retract-details-page.h"
#include "retract-time.h"
#include "retract-window.h"

#define NOW_TEXT "2026-11-24T13:00:00+08:00"
#define N_CASES 1000
#define N_CHARS 2000
#define N_EVENTS 200
#define FRAME_MS 16.7
#define FLOOR_RATIO 1.5

/* libXtst's entry points (XTest extension 2.2), looked up at run time. */
typedef int (*FakeKeyFunc) (Display *, unsigned int, Bool, unsigned long);
typedef int (*FakeButtonFunc) (Display *, unsigned int, Bool, unsigned long);
typedef int (*FakeMotionFunc) (Display *, int, int, int, unsigned long);

static FakeKeyFunc fake_key;
static FakeButtonFunc fake_button;
static FakeMotionFunc fake_motion;

/* What one sample is waiting for. */
static GdkEventType awaited;
static gboolean seen;
static gboolean painted;
static gint64 painted_at;
static gint64 last_paint;

/* --phases: where a sample's time went, the frame clock's phases timed. */
enum { PHASE_DELIVER, PHASE_DISPATCH, PHASE_UPDATE, PHASE_LAYOUT, PHASE_PAINT, N_PHASES };
static const char *phase_names[N_PHASES] = { "deliver", "dispatch", "update", "layout", "paint" };
static gint64 sent_at, event_at, phase_at[N_PHASES];
static double sample_phases[N_PHASES];

static gboolean
on_event (GtkEventControllerLegacy *controller,
          GdkEvent                 *event)
{
  if (!seen && gdk_event_get_event_type (event) == awaited)
    {
      seen = TRUE;
      event_at = g_get_monotonic_time ();
    }
  return GDK_EVENT_PROPAGATE;
}

static void
on_after_paint (GdkFrameClock *clock)
{
  last_paint = g_get_monotonic_time ();
  if (seen && !painted)
    {
      painted = TRUE;
      painted_at = last_paint;
      sample_phases[PHASE_DELIVER] = (event_at - sent_at) / 1000.0;
      sample_phases[PHASE_DISPATCH] = (phase_at[PHASE_DISPATCH] - event_at) / 1000.0;
      for (guint i = PHASE_UPDATE; i < N_PHASES; i++)
        {
          /* A phase nothing asked for is not run: it took no time. */
          if (phase_at[i] == 0)
            phase_at[i] = phase_at[i - 1];
          sample_phases[i] = (phase_at[i] - phase_at[i - 1]) / 1000.0;
        }
    }
}

/* The start of a frame (before-paint), then the end of each phase: these
 * run after GTK's own handlers. Dispatch is the event's handlers and
 * whatever else ran before the frame began; update is mostly the style
 * pass (GtkNative validates the CSS nodes there), layout measures and
 * allocates, paint snapshots and draws. */
static void
on_phase (GdkFrameClock *clock,
          gpointer       phase)
{
  if (GPOINTER_TO_UINT (phase) == PHASE_DISPATCH)
    memset (phase_at, 0, sizeof phase_at);
  phase_at[GPOINTER_TO_UINT (phase)] = g_get_monotonic_time ();
}

/* Lets everything queued run, then waits until a frame's time has passed
 * since the last paint, so that the next event finds an idle frame clock
 * (which starts a frame at once), as a person's typing usually does. */
static void
settle (void)
{
  gint64 start = g_get_monotonic_time ();
  gint64 until = start + 5 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      if (g_get_monotonic_time () - last_paint < 18 * G_TIME_SPAN_MILLISECOND)
        until = MIN (MAX (until, last_paint + 18 * G_TIME_SPAN_MILLISECOND),
                     start + G_TIME_SPAN_SECOND);
      g_usleep (500);
    }
}

static void
watch_window (GtkWidget *window)
{
  GtkEventController *legacy = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (on_event), NULL);
  gtk_widget_add_controller (window, legacy);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "before-paint",
                    G_CALLBACK (on_phase), GUINT_TO_POINTER (PHASE_DISPATCH));
  g_signal_connect_after (gtk_widget_get_frame_clock (window), "update",
                          G_CALLBACK (on_phase), GUINT_TO_POINTER (PHASE_UPDATE));
  g_signal_connect_after (gtk_widget_get_frame_clock (window), "layout",
                          G_CALLBACK (on_phase), GUINT_TO_POINTER (PHASE_LAYOUT));
  g_signal_connect_after (gtk_widget_get_frame_clock (window), "paint",
                          G_CALLBACK (on_phase), GUINT_TO_POINTER (PHASE_PAINT));
}

static Display *
xdisplay (GtkWidget *widget)
{
  return gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
}

static Window
xwindow (GtkWidget *widget)
{
  return gdk_x11_surface_get_xid (gtk_native_get_surface (gtk_widget_get_native (widget)));
}

/* Sends what `send` does to the server, and returns the milliseconds from
 * then to the first frame painted after GTK received the event. */
static double
measure (GdkEventType type,
         void       (*send) (Display *, unsigned long),
         Display     *display,
         unsigned long what)
{
  gint64 t0, until;

  awaited = type;
  seen = painted = FALSE;
  t0 = sent_at = g_get_monotonic_time ();
  send (display, what);
  XFlush (display);
  until = t0 + 3 * G_TIME_SPAN_SECOND;
  while (!painted && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  if (!painted)
    g_error ("no frame was painted after the event");
  return (double) (painted_at - t0) / 1000.0;
}

static void
send_key_press (Display *display, unsigned long keycode)
{
  fake_key (display, keycode, True, CurrentTime);
}

static void
send_release (Display *display, unsigned long button)
{
  fake_button (display, button, False, CurrentTime);
}

/* One keystroke: the press is measured, the release follows after it. */
static double
keystroke (GtkWidget *window,
           guint      keysym)
{
  Display *display = xdisplay (window);
  KeyCode code = XKeysymToKeycode (display, keysym);
  double ms = measure (GDK_KEY_PRESS, send_key_press, display, code);

  fake_key (display, code, False, CurrentTime);
  XFlush (display);
  settle ();
  return ms;
}

/* One click in the middle of @widget: the pointer moves there and presses
 * (not measured: hover and pressed styles), then the release, which is
 * what buttons, check buttons and list rows act on, is measured. */
static double
click (GtkWidget *widget)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  Display *display = xdisplay (window);
  graphene_point_t centre = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                 gtk_widget_get_height (widget) / 2.0);
  graphene_point_t point;
  double sx, sy, ms;
  int rx, ry;
  Window child;

  if (!gtk_widget_compute_point (widget, window, &centre, &point))
    g_error ("cannot place a click on a %s", G_OBJECT_TYPE_NAME (widget));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  XTranslateCoordinates (display, xwindow (window), DefaultRootWindow (display),
                         (int) (point.x + sx), (int) (point.y + sy), &rx, &ry, &child);
  fake_motion (display, -1, rx, ry, CurrentTime);
  fake_button (display, 1, True, CurrentTime);
  XFlush (display);
  settle ();
  ms = measure (GDK_BUTTON_RELEASE, send_release, display, 1);
  settle ();
  return ms;
}

static void
focus_window (GtkWidget *window)
{
  gint64 until = g_get_monotonic_time () + 3 * G_TIME_SPAN_SECOND;

  XRaiseWindow (xdisplay (window), xwindow (window));
  XSetInputFocus (xdisplay (window), xwindow (window), RevertToParent, CurrentTime);
  XFlush (xdisplay (window));
  while (!gtk_window_is_active (GTK_WINDOW (window)) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  if (!gtk_window_is_active (GTK_WINDOW (window)))
    g_error ("the window did not get the keyboard focus");
  settle ();
}

static void
show_window (GtkWidget *window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_frame_clock (window) == NULL || !gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  watch_window (window);
  focus_window (window);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *samples,
            double  p)
{
  g_array_sort (samples, compare_doubles);
  return samples->len == 0 ? NAN
                           : g_array_index (samples, double, (guint) round ((samples->len - 1) * p));
}

typedef struct
{
  const char *name;
  GArray     *app;
  GArray     *floor;
  GArray     *phases[2][N_PHASES];  /* app, floor */
} Figure;

/* --only a,b: those figures alone; --no-floor: the app alone (profiling). */
static char **only;
static gboolean no_floor;
static gboolean show_phases;

static gboolean
wanted (const char *name)
{
  return only == NULL || g_strv_contains ((const char * const *) only, name);
}

static Figure figures[16];
static guint n_figures;

static Figure *
figure (const char *name)
{
  for (guint i = 0; i < n_figures; i++)
    if (g_str_equal (figures[i].name, name))
      return &figures[i];
  g_assert (n_figures < G_N_ELEMENTS (figures));
  figures[n_figures].name = name;
  figures[n_figures].app = g_array_new (FALSE, FALSE, sizeof (double));
  figures[n_figures].floor = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < 2; i++)
    for (guint p = 0; p < N_PHASES; p++)
      figures[n_figures].phases[i][p] = g_array_new (FALSE, FALSE, sizeof (double));
  return &figures[n_figures++];
}

static void
add (const char *name,
     gboolean    is_floor,
     double      ms)
{
  Figure *f = figure (name);

  g_array_append_val (is_floor ? f->floor : f->app, ms);
  for (guint p = 0; p < N_PHASES; p++)
    g_array_append_val (f->phases[is_floor][p], sample_phases[p]);
}

/* The floor ---------------------------------------------------------------- */

typedef struct
{
  GtkWidget *window;
  GtkWidget *entry;
  GtkWidget *stack;
  GtkWidget *flip;
  GtkWidget *check;
  GtkWidget *list;
  GtkWidget *selected;
  GtkWidget *clock_label;
} Floor;

static void
on_flip (GtkButton *button,
         GtkStack  *stack)
{
  gtk_stack_set_visible_child_name (stack, g_str_equal (gtk_stack_get_visible_child_name (stack),
                                                        "one") ? "two" : "one");
}

static void
floor_setup_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
floor_bind_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
on_floor_selected (GtkSingleSelection *selection,
                   guint               position,
                   guint               n_items,
                   Floor              *floor)
{
  GtkStringObject *item = gtk_single_selection_get_selected_item (selection);

  gtk_label_set_text (GTK_LABEL (floor->selected),
                      item != NULL ? gtk_string_object_get_string (item) : "");
}

static void
floor_build (Floor *floor)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *panes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkSingleSelection *selection;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  for (guint i = 0; i < N_CASES; i++)
    {
      g_autofree char *text = g_strdup_printf ("WX2026112%05u", i);

      gtk_string_list_append (strings, text);
    }
  selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&strings)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  g_signal_connect (selection, "selection-changed", G_CALLBACK (on_floor_selected), floor);
  g_signal_connect (factory, "setup", G_CALLBACK (floor_setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (floor_bind_row), NULL);
  floor->list = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), floor->list);
  gtk_widget_set_size_request (scrolled, 300, -1);
  gtk_widget_set_vexpand (scrolled, TRUE);

  floor->entry = gtk_entry_new ();
  floor->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (floor->stack), gtk_label_new ("一"), "one");
  gtk_stack_add_named (GTK_STACK (floor->stack), gtk_label_new ("二"), "two");
  floor->flip = gtk_button_new_with_label ("下一步");
  g_signal_connect (floor->flip, "clicked", G_CALLBACK (on_flip), floor->stack);
  floor->check = gtk_check_button_new_with_label ("材料");
  floor->selected = gtk_label_new (NULL);
  floor->clock_label = gtk_label_new (NULL);

  gtk_box_append (GTK_BOX (side), floor->entry);
  gtk_box_append (GTK_BOX (side), floor->stack);
  gtk_box_append (GTK_BOX (side), floor->flip);
  gtk_box_append (GTK_BOX (side), floor->check);
  gtk_box_append (GTK_BOX (side), floor->selected);
  gtk_box_append (GTK_BOX (side), floor->clock_label);
  gtk_widget_set_hexpand (side, TRUE);
  gtk_box_append (GTK_BOX (panes), scrolled);
  gtk_box_append (GTK_BOX (panes), side);
  gtk_widget_set_vexpand (panes, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), panes);

  floor->window = adw_application_window_new (NULL);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (floor->window), box);
}

/* The visible rows of a list view, to click on. */
static GPtrArray *
visible_rows (GtkWidget *list)
{
  GPtrArray *rows = g_ptr_array_new ();
  int height = gtk_widget_get_height (gtk_widget_get_parent (list));

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      graphene_point_t top = GRAPHENE_POINT_INIT (0, 0), at;

      if (!gtk_widget_get_mapped (row) || gtk_widget_get_height (row) == 0 ||
          !gtk_widget_compute_point (row, gtk_widget_get_parent (list), &top, &at))
        continue;
      if (at.y >= 0 && at.y + gtk_widget_get_height (row) <= height)
        g_ptr_array_add (rows, row);
    }
  return rows;
}

static void
floor_run (Floor *floor,
           guint  n_fields,
           guint  n_steps)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint per_field = (N_EVENTS + n_fields - 1) / n_fields;

  floor_build (floor);
  show_window (floor->window);

  gtk_widget_grab_focus (floor->entry);
  settle ();
  for (guint i = 0; i < per_field * n_fields; i++)
    add ("frame-keystroke", TRUE, keystroke (floor->window, i % 2 == 0 ? XK_1 : XK_BackSpace));

  for (guint i = 0; i < MAX (N_EVENTS, 2 * n_steps); i++)
    add ("frame-wizard-step", TRUE, click (floor->flip));

  for (guint i = 0; i < N_EVENTS; i++)
    add ("frame-material", TRUE, click (floor->check));

  rows = visible_rows (floor->list);
  if (rows->len < 2)
    g_error ("the floor's list shows %u rows", rows->len);
  for (guint i = 0; i < N_EVENTS; i++)
    add ("frame-select-case", TRUE, click (g_ptr_array_index (rows, i % rows->len)));

  for (guint i = 0; i < N_EVENTS; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u min", i);
      gint64 t0 = g_get_monotonic_time (), until = t0 + 3 * G_TIME_SPAN_SECOND;

      seen = TRUE;
      painted = FALSE;
      sent_at = event_at = t0;
      gtk_label_set_text (GTK_LABEL (floor->clock_label), text);
      while (!painted && g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, TRUE);
      add ("frame-minute", TRUE, (double) (painted_at - t0) / 1000.0);
      add ("frame-minute-home", TRUE, (double) (painted_at - t0) / 1000.0);
      settle ();
    }

  gtk_window_destroy (GTK_WINDOW (floor->window));
  settle ();
}

/* The app --------------------------------------------------------------- */

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
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_WECHAT_ID, "zhangsan_01");
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_PHONE, "13800138000");
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "11010519491231002X");
  retract_case_set_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, number);
  retract_case_set_detail (kase, RETRACT_DETAIL_RESPONDENT, "李四");
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, narrative);
  retract_case_set_detail (kase, RETRACT_DETAIL_REASON, "李四没有任何违规行为，投诉是误触造成的。");
  return kase;
}

/* The first visible, sensitive widget that runs @action. */
static GtkWidget *
find_action (GtkWidget  *root,
             const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      found = find_action (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
find_checks (GtkWidget *root,
             GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_CHECK_BUTTON (child))
        g_ptr_array_add (found, child);
      else
        find_checks (child, found);
    }
}

static guint wake_id;
static guint n_unpainted;
static GArray *painted_samples; /* the minutes that painted a frame */

static gboolean
wake (gpointer data)
{
  wake_id = 0;
  return G_SOURCE_REMOVE;
}

/* A minute that changes nothing on screen (a countdown in days and hours
 * moves once an hour) paints no frame: its cost is its handlers', which
 * run inside retract_clock_set_now(), so the sample ends there. */
static void
tick (RetractClock *clock,
      const char   *name)
{
  g_autoptr(GDateTime) next = g_date_time_add_minutes (retract_clock_get_now (clock), 1);
  gint64 t0, handled;

  seen = TRUE;
  painted = FALSE;
  t0 = g_get_monotonic_time ();
  sent_at = event_at = t0;
  retract_clock_set_now (clock, next);
  handled = g_get_monotonic_time ();
  wake_id = g_timeout_add (200, wake, NULL);
  while (!painted && wake_id != 0)
    g_main_context_iteration (NULL, TRUE);
  g_clear_handle_id (&wake_id, g_source_remove);
  if (!painted)
    {
      /* All of it is the handlers' (--phases: dispatch). */
      n_unpainted++;
      memset (sample_phases, 0, sizeof sample_phases);
      sample_phases[PHASE_DISPATCH] = (handled - t0) / 1000.0;
    }
  else
    {
      double ms = (double) (painted_at - t0) / 1000.0;

      g_array_append_val (painted_samples, ms);
    }
  add (name, FALSE, (double) ((painted ? painted_at : handled) - t0) / 1000.0);
  settle ();
}

/* How many minutes painted nothing, and the others' own median. */
static void
report_unpainted (const char *name)
{
  if (n_unpainted > 0)
    g_printerr ("bench-frames: %s: %u minutes changed nothing on screen; the %u that did: "
                "median=%.2f p95=%.2f\n", name, n_unpainted, painted_samples->len,
                percentile (painted_samples, 0.5), percentile (painted_samples, 0.95));
  n_unpainted = 0;
  g_array_set_size (painted_samples, 0);
}

static const RetractDetail fields[] = {
  RETRACT_DETAIL_APPLICANT_NAME,
  RETRACT_DETAIL_APPLICANT_WECHAT_ID,
  RETRACT_DETAIL_APPLICANT_PHONE,
  RETRACT_DETAIL_APPLICANT_ID_NUMBER,
  RETRACT_DETAIL_COMPLAINT_NUMBER,
  RETRACT_DETAIL_RESPONDENT,
  RETRACT_DETAIL_NARRATIVE,
  RETRACT_DETAIL_REASON,
};

static void
app_run (RetractRuleset *rules,
         RetractStore   *store,
         RetractClock   *clock,
         GPtrArray      *ids)
{
  RetractWindow *window = retract_window_new (NULL, rules, store, clock);
  GtkWidget *widget = GTK_WIDGET (window);
  RetractWizard *wizard;
  RetractDetailsPage *details;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  GtkWidget *list;
  g_autoptr(GArray) painted_minutes = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_steps, per_field = (N_EVENTS + G_N_ELEMENTS (fields) - 1) / G_N_ELEMENTS (fields);
  guint n_rounds;

  painted_samples = painted_minutes;
  gtk_window_present (GTK_WINDOW (window));
  while (!retract_window_is_listed (window))
    g_main_context_iteration (NULL, TRUE);
  show_window (widget);
  {
    gint64 until = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

    list = GTK_WIDGET (retract_case_list_pane_get_list_view (retract_window_get_list_pane (window)));
    do
      {
        settle ();
        g_clear_pointer (&rows, g_ptr_array_unref);
        rows = visible_rows (list);
      }
    while (rows->len < 2 && g_get_monotonic_time () < until);
  }

  if (wanted ("select-case"))
    {
      /* Selecting a case: a click on a visible row of the list of 1 000. */
      if (rows->len < 2)
        g_error ("the list shows %u rows", rows->len);
      for (guint i = 0; i < N_EVENTS; i++)
        {
          RetractCase *before = retract_window_get_case (window);

          add ("frame-select-case", FALSE, click (g_ptr_array_index (rows, (i + 1) % rows->len)));
          if (retract_window_get_case (window) == before)
            g_error ("a click on a row did not open its case");
        }
    }

  if (wanted ("minute-home"))
    {
      /* The minute on the home (the overview's answer and the list's countdowns). */
      for (guint i = 0; i < N_EVENTS; i++)
        tick (clock, "frame-minute-home");
      report_unpainted ("frame-minute-home");
    }

  /* The answer page of the most urgent case, whose countdowns move each
   * minute (the case a click left open may count in days and hours). */
  if (wanted ("minute"))
    {
      g_autoptr(RetractCaseItem) first =
        g_list_model_get_item (G_LIST_MODEL (retract_window_get_case_list (window)), 0);

      retract_window_open_case (window, retract_case_item_get_id (first));
      settle ();
    }

  /* The wizard on the open case. */
  retract_window_start (window, TRUE);
  wizard = retract_window_get_wizard (window);
  n_steps = retract_wizard_get_n_steps (wizard);
  retract_wizard_go_to (wizard, "result");
  settle ();
  if (wanted ("minute"))
    {
      for (guint i = 0; i < N_EVENTS; i++)
        tick (clock, "frame-minute");
      report_unpainted ("frame-minute");
    }

  if (wanted ("wizard-step"))
    {
      /* Each step forward and back: Next from the first to the last, then Back. */
      n_rounds = (N_EVENTS + 2 * (n_steps - 1) - 1) / (2 * (n_steps - 1));
      retract_wizard_go_to (wizard, "situation");
      settle ();
      for (guint round = 0; round < n_rounds; round++)
        for (guint i = 0; i < 2 * (n_steps - 1); i++)
          {
            const char *action = i < n_steps - 1 ? "wizard.next" : "wizard.back";
            const char *step = retract_wizard_get_step (wizard);
            GtkWidget *button = find_action (widget, action);

            if (button == NULL || !gtk_widget_is_sensitive (button))
              g_error ("no %s button on the %s step", action, step);
            add ("frame-wizard-step", FALSE, click (button));
            if (g_str_equal (step, retract_wizard_get_step (wizard)))
              g_error ("%s did not leave the %s step", action, step);
          }
    }

  if (wanted ("material"))
    {
      /* Ticking a material: each visible check in turn, on and off. */
      retract_wizard_go_to (wizard, "materials");
      settle ();
      find_checks (widget, checks);
      if (checks->len == 0)
        g_error ("no material to tick");
      for (guint i = 0; i < N_EVENTS; i++)
        {
          GtkCheckButton *check = g_ptr_array_index (checks, (i / 2) % checks->len);
          gboolean was = gtk_check_button_get_active (check);

          add ("frame-material", FALSE, click (GTK_WIDGET (check)));
          if (gtk_check_button_get_active (check) == was)
            g_error ("a click did not tick the material");
        }
    }

  if (wanted ("keystroke"))
    {
      /* A keystroke in each text field of the letter's details: a digit, then
       * BackSpace, so the text stays as it was. */
      retract_wizard_go_to (wizard, "details");
      settle ();
      details = RETRACT_DETAILS_PAGE (retract_wizard_get_page (wizard, "details"));
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          GtkWidget *field = retract_details_page_get_field (details, fields[f]);

          gtk_widget_grab_focus (field);
          settle ();
          for (guint i = 0; i < per_field; i++)
            add ("frame-keystroke", FALSE, keystroke (widget, i % 2 == 0 ? XK_1 : XK_BackSpace));
        }
    }

  retract_window_flush_save (window);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

static void
print_figures (void)
{
  double worst_ms = 0, worst_ratio = 0;

  for (guint i = 0; i < n_figures; i++)
    {
      Figure *f = &figures[i];
      double median = percentile (f->app, 0.5), p95 = percentile (f->app, 0.95);
      double floor = percentile (f->floor, 0.5), floor_p95 = percentile (f->floor, 0.95);

      g_print ("%s median=%.2f p95=%.2f floor=%.2f floor-p95=%.2f ratio=%.3f n=%u "
               "target=%.1fms,%.1fx%s\n",
               f->name, median, p95, floor, floor_p95, median / floor, f->app->len,
               FRAME_MS, FLOOR_RATIO,
               median <= FRAME_MS && median / floor <= FLOOR_RATIO ? "" : " over");
      for (guint k = 0; show_phases && k < 2; k++)
        {
          g_print ("  %s %s:", f->name, k == 0 ? "app" : "floor");
          for (guint p = 0; p < N_PHASES; p++)
            g_print (" %s=%.2f/%.2f", phase_names[p], percentile (f->phases[k][p], 0.5),
                     percentile (f->phases[k][p], 0.95));
          g_print ("\n");
        }
      worst_ms = MAX (worst_ms, median);
      worst_ratio = MAX (worst_ratio, median / floor);
    }
  g_print ("frame-worst median=%.2f ratio=%.3f target=%.1fms,%.1fx\n",
           worst_ms, worst_ratio, FRAME_MS, FLOOR_RATIO);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("retract-bench-frames-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autoptr(GString) narrative = g_string_new (NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(RetractRuleset) rules = NULL;
  g_autoptr(RetractStore) store = NULL;
  g_autoptr(RetractClock) clock = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GModule *xtst;
  Floor floor = { 0 };
  gint64 t_start = g_get_monotonic_time ();

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--only") && i + 1 < argc)
      only = g_strsplit (argv[++i], ",", -1);
    else if (g_str_equal (argv[i], "--no-floor"))
      no_floor = TRUE;
    else if (g_str_equal (argv[i], "--phases"))
      show_phases = TRUE;
    else
      g_error ("usage: bench-frames [--only select-case,minute-home,minute,wizard-step,"
               "material,keystroke] [--no-floor] [--phases]");

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  gtk_init ();
  adw_init ();
  /* What is asked for is on screen in the next frame, not over a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* A blinking cursor fades in and out with a tick callback, a frame each
   * refresh: the frame clock would never be idle for the next keystroke. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    g_error ("bench-frames needs an X11 display (Xvfb)");
  xtst = g_module_open ("libXtst.so.6", G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (xtst == NULL ||
      !g_module_symbol (xtst, "XTestFakeKeyEvent", (gpointer *) &fake_key) ||
      !g_module_symbol (xtst, "XTestFakeButtonEvent", (gpointer *) &fake_button) ||
      !g_module_symbol (xtst, "XTestFakeMotionEvent", (gpointer *) &fake_motion))
    g_error ("bench-frames needs libXtst.so.6: %s", g_module_error ());

  {
    /* The app's style sheet and icons, as AdwApplication loads them. */
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                      RESOURCE_PREFIX "/icons");
  }

  while (narrative->len < N_CHARS * 3)  /* 3 bytes a character */
    g_string_append (narrative, "我当时想给朋友发消息，结果误点了投诉按钮，并没有任何投诉的意思。");
  g_string_truncate (narrative, N_CHARS * 3);

  now = retract_time_parse (NOW_TEXT, NULL);
  rules = retract_ruleset_new_bundled (&error);
  g_assert_no_error (error);
  store = retract_store_new_default ();
  clock = retract_clock_new_fixed (now);
  g_printerr ("bench-frames: saving %u cases...\n", N_CASES);
  for (guint i = 0; i < N_CASES; i++)
    {
      g_autoptr(RetractCase) kase = saved_case (i, now, narrative->str);

      if (!retract_store_save_case (store, kase, &error))
        g_error ("cannot save: %s", error->message);
      g_ptr_array_add (ids, g_strdup (retract_case_get_id (kase)));
    }

  g_printerr ("bench-frames: the floor... (%.1f s)\n", (g_get_monotonic_time () - t_start) / 1e6);
  if (!no_floor)
    floor_run (&floor, G_N_ELEMENTS (fields), 6);
  g_printerr ("bench-frames: the app... (%.1f s)\n", (g_get_monotonic_time () - t_start) / 1e6);
  app_run (rules, store, clock, ids);
  g_printerr ("bench-frames: done (%.1f s)\n", (g_get_monotonic_time () - t_start) / 1e6);
  print_figures ();

  for (guint i = 0; i < n_figures; i++)
    {
      g_array_unref (figures[i].app);
      g_array_unref (figures[i].floor);
      for (guint k = 0; k < 2; k++)
        for (guint p = 0; p < N_PHASES; p++)
          g_array_unref (figures[i].phases[k][p]);
    }
  retract_store_delete_all (store, NULL);
  g_rmdir (data);
  g_rmdir (home);
  g_module_close (xtst);
  g_strfreev (only);
  return 0;
}
