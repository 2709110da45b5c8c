/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The real window, driven through its actions: the happy path, Next only when
 * complete, the dead end, the clock passing a deadline, resuming, a corrupted
 * save, and an accessible label on every control. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <locale.h>
#include <string.h>

#include "retract-application.h"
#include "retract-case-list.h"
#include "retract-case-list-pane.h"
#include "retract-case-list-row.h"
#include "retract-case-overview.h"
#include "retract-circumstances-page.h"
#include "retract-core-resources.h"
#include "retract-details-page.h"
#include "retract-due-notifier.h"
#include "retract-log-dialog.h"
#include "retract-result-page.h"
#include "retract-review-page.h"
#include "retract-rules-banner.h"
#include "retract-time.h"
#include "test-datasets.h"
#include "test-signing.h"
#include "ui-harness.h"

/* The file of the case "Continue" opens; before there is one, where the
 * single case of earlier versions was kept (it is migrated at start-up). */
static const char *
saved_case_path (RetractStore *store)
{
  static char *path;
  g_autofree char *id = retract_store_dup_latest_id (store, NULL);

  g_free (path);
  path = id != NULL ? retract_store_dup_case_path (store, id)
                    : g_build_filename (retract_store_get_directory (store), "case.json", NULL);
  return path;
}

static gboolean
has_saved_case (RetractStore *store)
{
  g_autofree char *id = retract_store_dup_latest_id (store, NULL);

  return id != NULL;
}

static void
assert_step (Harness    *harness,
             const char *step)
{
  g_assert_cmpstr (retract_wizard_get_step (retract_window_get_wizard (harness->window)), ==, step);
}

static void
test_happy_path (void)
{
  Harness harness;
  RetractCase *kase;
  GtkWidget *next;
  GtkWidget *error_label;
  const char *typed;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  g_assert_cmpstr (retract_window_get_view (harness.window), ==, "welcome");

  retract_window_start (harness.window, FALSE);
  assert_step (&harness, "situation");
  next = retract_wizard_get_next_button (retract_window_get_wizard (harness.window));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next)), ==, "Next");

  /* Next stays off until the situation is answered, and pressing it anyway does nothing. */
  g_assert_false (harness_next_enabled (&harness));
  harness_next (&harness);
  assert_step (&harness, "situation");

  harness_fill_situation (&harness, "wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  g_assert_true (harness_next_enabled (&harness));
  harness_next (&harness);
  assert_step (&harness, "circumstances");

  harness_next (&harness);
  assert_step (&harness, "result");
  g_assert_cmpint (retract_result_page_get_stage (RETRACT_RESULT_PAGE (harness_page (&harness,
                                                                                      "result"))),
                   ==, RETRACT_STAGE_MANUAL_REVIEW);

  harness_next (&harness);
  assert_step (&harness, "materials");
  harness_next (&harness);
  assert_step (&harness, "details");

  /* Empty required fields: Next stays here, says why, and keeps what was typed. */
  kase = retract_window_get_case (harness.window);
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "半句话");
  harness_next (&harness);
  assert_step (&harness, "details");
  error_label = harness_find (GTK_WIDGET (harness_page (&harness, "details")), GTK_TYPE_LABEL,
                              "error");
  g_assert_nonnull (error_label);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "Your name"));
  typed = retract_case_get_detail (kase, RETRACT_DETAIL_NARRATIVE);
  g_assert_cmpstr (typed, ==, "半句话");

  /* A wrong phone number is named; fixing it lets the user on. */
  harness_fill_details (&harness);
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_PHONE, "12345");
  harness_settle ();
  harness_next (&harness);
  assert_step (&harness, "details");
  error_label = harness_find (GTK_WIDGET (harness_page (&harness, "details")), GTK_TYPE_LABEL,
                              "error");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "Phone number"));
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_PHONE, "13800138000");
  harness_settle ();
  harness_next (&harness);
  assert_step (&harness, "review");
  g_assert_false (harness_next_enabled (&harness));

  /* The review previews the letter that will be sent. */
  {
    RetractLetter *letter = retract_review_page_get_letter (
      RETRACT_REVIEW_PAGE (harness_page (&harness, "review")));

    g_assert_nonnull (letter);
    g_assert_cmpstr (retract_letter_get_title (letter), ==, "误投诉撤销申请书");
    g_assert_cmpstr (retract_letter_get_addressee (letter), ==, "腾讯客服");
  }

  /* Back only navigates: nothing is erased. */
  gtk_widget_activate_action (GTK_WIDGET (retract_window_get_wizard (harness.window)),
                              "wizard.back", NULL);
  harness_settle ();
  assert_step (&harness, "details");
  g_assert_cmpstr (retract_case_get_detail (kase, RETRACT_DETAIL_APPLICANT_NAME), ==, "张三");

  /* "Change" links jump straight back. */
  gtk_widget_activate_action (GTK_WIDGET (retract_window_get_wizard (harness.window)),
                              "wizard.go-to", "s", "situation");
  harness_settle ();
  assert_step (&harness, "situation");

  harness_clear (&harness);
}

static AdwActionRow *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_ACTION_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *row = find_row (child, title);

      if (row != NULL)
        return row;
    }
  return NULL;
}

/* The longest narrative a case may hold, in four scripts, typed into the
 * details page: the review shows its start and length, the letter all of it. */
static void
test_longest_narrative (void)
{
  Harness harness;
  g_autoptr(GString) narrative = g_string_new (NULL);
  GtkWidget *field;
  AdwActionRow *row;
  const char *subtitle;
  RetractLetter *letter;
  g_autofree char *letter_text = NULL;
  g_autofree char *expected_length = NULL;

  while (g_utf8_strlen (narrative->str, -1) < 99980)
    g_string_append (narrative, "误点了投诉😀 שלום مرحبا abc ");
  g_string_append (narrative, "最后一句");

  harness_start_case (&harness, "2026-11-24T13:00:00+08:00", "wechat", "friend-report",
                      "2026-11-24T10:00:00+08:00");
  for (guint i = 0; i < 4; i++)
    harness_next (&harness);
  assert_step (&harness, "details");
  harness_fill_details (&harness);

  field = retract_details_page_get_field (RETRACT_DETAILS_PAGE (harness_page (&harness, "details")),
                                          RETRACT_DETAIL_NARRATIVE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), narrative->str, -1);
  harness_settle ();
  g_assert_cmpstr (retract_case_get_detail (retract_window_get_case (harness.window),
                                            RETRACT_DETAIL_NARRATIVE), ==, narrative->str);

  harness_next (&harness);
  assert_step (&harness, "review");
  row = find_row (GTK_WIDGET (harness_page (&harness, "review")), "What happened");
  g_assert_nonnull (row);
  subtitle = adw_action_row_get_subtitle (row);
  g_assert_true (g_str_has_prefix (subtitle, "误点了投诉😀 שלום"));
  g_assert_cmpint (g_utf8_strlen (subtitle, -1), <, 400);
  expected_length = g_strdup_printf ("(%ld characters in all)",
                                     g_utf8_strlen (narrative->str, -1));
  g_assert_true (g_str_has_suffix (subtitle, expected_length));

  letter = retract_review_page_get_letter (RETRACT_REVIEW_PAGE (harness_page (&harness, "review")));
  g_assert_nonnull (letter);
  letter_text = retract_letter_to_text (letter);
  g_assert_nonnull (strstr (letter_text, "最后一句"));

  /* A short answer is shown whole. */
  row = find_row (GTK_WIDGET (harness_page (&harness, "review")), "Why it was a mistake");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "李四没有任何违规行为,投诉是误触造成的。");

  harness_clear (&harness);
}

static gboolean
shows_label_containing (GtkWidget  *root,
                        const char *needle)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), needle) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label_containing (child, needle))
      return TRUE;

  return FALSE;
}

/* Pasted bidi, escape and line-break characters never reach the case: they
 * are left out (or become spaces) with a note by the field, so the autosaved
 * case opens again after a restart instead of being set aside. */
static void
test_pasted_controls (void)
{
  Harness harness;
  RetractDetailsPage *page;
  GtkWidget *name;
  GtkWidget *narrative;
  GtkTextIter end;
  RetractCase *kase;
  int position = 0;

  harness_start_case (&harness, "2026-11-24T13:00:00+08:00", "wechat", "friend-report",
                      "2026-11-24T10:00:00+08:00");
  for (guint i = 0; i < 4; i++)
    harness_next (&harness);
  assert_step (&harness, "details");
  harness_fill_details (&harness);
  page = RETRACT_DETAILS_PAGE (harness_page (&harness, "details"));

  name = retract_details_page_get_field (page, RETRACT_DETAIL_APPLICANT_NAME);
  gtk_editable_set_text (GTK_EDITABLE (name), "");
  gtk_editable_insert_text (GTK_EDITABLE (name), "\xe5\xbc\xa0\xe4\xb8\x89\xe2\x80\xae" "gnp.exe",
                            -1, &position);
  harness_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "张三gnp.exe");
  g_assert_cmpstr (retract_case_get_detail (retract_window_get_case (harness.window),
                                            RETRACT_DETAIL_APPLICANT_NAME), ==, "张三gnp.exe");
  g_assert_true (shows_label_containing (GTK_WIDGET (page), "U+202E"));

  /* A pasted line break in a one-line field becomes a space. */
  position = -1;
  gtk_editable_set_text (GTK_EDITABLE (retract_details_page_get_field (
                           page, RETRACT_DETAIL_RESPONDENT)), "");
  gtk_editable_insert_text (GTK_EDITABLE (retract_details_page_get_field (
                              page, RETRACT_DETAIL_RESPONDENT)), "李四\r\n王五\t赵六", -1, &position);
  harness_settle ();
  g_assert_cmpstr (retract_case_get_detail (retract_window_get_case (harness.window),
                                            RETRACT_DETAIL_RESPONDENT), ==, "李四 王五 赵六");

  /* A multi-line field keeps its lines and loses the escape sequence's ESC. */
  narrative = retract_details_page_get_field (page, RETRACT_DETAIL_NARRATIVE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (narrative)), "", -1);
  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (GTK_TEXT_VIEW (narrative)), &end);
  gtk_text_buffer_insert (gtk_text_view_get_buffer (GTK_TEXT_VIEW (narrative)), &end,
                          "第一行\x1b[31m\n第二行\xc2\x9b", -1);
  harness_settle ();
  g_assert_cmpstr (retract_case_get_detail (retract_window_get_case (harness.window),
                                            RETRACT_DETAIL_NARRATIVE), ==, "第一行[31m\n第二行");
  g_assert_true (shows_label_containing (GTK_WIDGET (page), "U+001B"));

  /* What was saved opens again. */
  {
    gint64 until = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
    g_autoptr(RetractCase) saved = NULL;

    do
      {
        g_clear_object (&saved);
        harness_settle ();
        saved = retract_case_new_from_file (saved_case_path (harness.store), NULL);
      }
    while ((saved == NULL || g_strcmp0 (retract_case_get_detail (saved, RETRACT_DETAIL_NARRATIVE),
                                        "第一行[31m\n第二行") != 0) &&
           g_get_monotonic_time () < until);
    g_assert_nonnull (saved);
  }
  harness_close_window (&harness);

  harness_open_window (&harness);
  harness_continue (&harness);
  kase = retract_window_get_case (harness.window);
  g_assert_cmpstr (retract_case_get_detail (kase, RETRACT_DETAIL_APPLICANT_NAME), ==,
                   "张三gnp.exe");

  harness_clear (&harness);
}

/* A 100 000-letter word froze the details page for 20 s (Pango wrapping it
 * by words): such text wraps by character, prose and Chinese by words. */
static void
test_unbroken_text_wraps_by_character (void)
{
  Harness harness;
  GtkWidget *narrative;
  GtkTextBuffer *buffer;
  g_autofree char *word = g_strnfill (100000, 'x');

  harness_start_case (&harness, "2026-11-24T13:00:00+08:00", "wechat", "friend-report",
                      "2026-11-24T10:00:00+08:00");
  for (guint i = 0; i < 4; i++)
    harness_next (&harness);
  assert_step (&harness, "details");

  narrative = retract_details_page_get_field (RETRACT_DETAILS_PAGE (harness_page (&harness,
                                                                                   "details")),
                                              RETRACT_DETAIL_NARRATIVE);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (narrative));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (narrative)), ==,
                   GTK_WRAP_WORD_CHAR);

  gtk_text_buffer_set_text (buffer, word, -1);
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (narrative)), ==, GTK_WRAP_CHAR);
  harness_settle ();

  gtk_text_buffer_set_text (buffer, "我想给李四发消息，却误点了投诉。 I meant to message him.", -1);
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (narrative)), ==,
                   GTK_WRAP_WORD_CHAR);

  /* Also when the long word comes from a saved case. */
  retract_case_set_detail (retract_window_get_case (harness.window), RETRACT_DETAIL_NARRATIVE,
                           word);
  harness_settle ();
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (narrative)), ==, GTK_WRAP_CHAR);

  harness_clear (&harness);
}

static gboolean
count_tick (gpointer data)
{
  guint *ticks = data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

/* 100 000 characters with no place to break a line, in a case resumed on the
 * review page: its preview is laid out in a worker while the window keeps
 * running (it used to freeze for well over a minute), then shows every page. */
static void
test_unbroken_narrative_preview (void)
{
  Harness harness;
  g_autoptr(GString) narrative = g_string_new (NULL);
  g_autoptr(RetractCase) saved = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse ("2026-11-24T10:00:00+08:00", NULL);
  g_autoptr(GError) error = NULL;
  RetractReviewPage *review;
  RetractCase *kase;
  gint64 start, deadline;
  guint ticks = 0, tick_id, n_pages;

  while (narrative->len < 100000)
    g_string_append_c (narrative, (char) ('a' + narrative->len % 26));

  retract_case_set_platform (saved, "wechat");
  retract_case_set_complaint_type (saved, "friend-report");
  retract_case_set_filed_at (saved, filed);
  retract_case_set_detail (saved, RETRACT_DETAIL_APPLICANT_NAME, "张三");
  retract_case_set_detail (saved, RETRACT_DETAIL_APPLICANT_WECHAT_ID, "zhangsan_01");
  retract_case_set_detail (saved, RETRACT_DETAIL_APPLICANT_PHONE, "13800138000");
  retract_case_set_detail (saved, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "11010519491231002X");
  retract_case_set_detail (saved, RETRACT_DETAIL_COMPLAINT_NUMBER, "WX20261124001");
  retract_case_set_detail (saved, RETRACT_DETAIL_RESPONDENT, "李四");
  retract_case_set_detail (saved, RETRACT_DETAIL_NARRATIVE, narrative->str);
  retract_case_set_detail (saved, RETRACT_DETAIL_REASON, "李四没有任何违规行为，是我点错了。");
  retract_case_set_step (saved, "review");

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  g_assert_true (retract_store_save_case (harness.store, saved, &error));
  g_assert_no_error (error);
  harness_open_window (&harness);
  harness_wait_listed (&harness);
  g_assert_cmpstr (retract_window_get_view (harness.window), ==, "home");

  /* Showing the page returns at once (it took 84 s); generous bounds only. */
  tick_id = g_timeout_add (16, count_tick, &ticks);
  start = g_get_monotonic_time ();
  retract_window_start (harness.window, TRUE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_TIME_SPAN_SECOND);
  assert_step (&harness, "review");
  review = RETRACT_REVIEW_PAGE (harness_page (&harness, "review"));

  /* The letter is composed, its layout not done on this thread. */
  g_assert_nonnull (retract_review_page_get_letter (review));
  g_assert_cmpuint (retract_review_page_get_preview_pages (review), ==, 0);

  /* The main loop runs, frame after frame, until the preview is ready: a
   * generous bound, as the point is that the window is never blocked. */
  deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  while (retract_review_page_get_preview_pages (review) == 0 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick_id);

  /* How many 16 ms frames the loop ran meanwhile is reported, not asserted:
   * the details page's own text view also lays the narrative out. */
  n_pages = retract_review_page_get_preview_pages (review);
  g_test_message ("%u pages after %.2f s; %u ticks of 16 ms meanwhile", n_pages,
                  (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC, ticks);
  g_assert_cmpuint (n_pages, >, 30);

  /* Its last page draws; a change while a layout runs replaces it. */
  for (guint i = 1; i < n_pages; i++)
    gtk_widget_activate_action (GTK_WIDGET (review), "review.next-page", NULL);
  harness_settle ();
  kase = retract_window_get_case (harness.window);
  g_string_append (narrative, "0123456789");
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, narrative->str);
  g_assert_cmpuint (retract_review_page_get_preview_pages (review), ==, 0);

  /* Closed with a layout under way: it is given up. */
  harness_clear (&harness);
}

static void
test_dead_end (void)
{
  Harness harness;
  GtkWidget *status;

  harness_start_case (&harness, "2026-11-24T10:30:00+08:00", "wechat", "intellectual-property",
                      "2026-11-24T10:00:00+08:00");
  harness_next (&harness);
  harness_next (&harness);
  assert_step (&harness, "result");

  status = harness_find (GTK_WIDGET (harness_page (&harness, "result")), ADW_TYPE_STATUS_PAGE,
                         NULL);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (status)), ==,
                   "action-unavailable-symbolic");
  g_assert_false (harness_next_enabled (&harness));

  /* The answer that caused the stop stays editable. */
  gtk_widget_activate_action (GTK_WIDGET (retract_window_get_wizard (harness.window)),
                              "wizard.go-to", "s", "situation");
  harness_settle ();
  retract_case_set_complaint_type (retract_window_get_case (harness.window), "friend-report");
  harness_next (&harness);
  harness_next (&harness);
  assert_step (&harness, "result");
  g_assert_true (harness_next_enabled (&harness));

  harness_clear (&harness);
}

static void
test_clock_flips_stage (void)
{
  Harness harness;
  RetractResultPage *result;
  GtkWidget *bar;
  g_autoptr(GDateTime) later = NULL;

  harness_start_case (&harness, "2026-11-24T11:58:00+08:00", "wechat", "friend-report",
                      "2026-11-24T10:00:00+08:00");
  harness_next (&harness);
  harness_next (&harness);
  result = RETRACT_RESULT_PAGE (harness_page (&harness, "result"));
  g_assert_cmpint (retract_result_page_get_stage (result), ==, RETRACT_STAGE_AUTO_REVIEW);
  bar = harness_find (GTK_WIDGET (result), GTK_TYPE_INFO_BAR, NULL);
  g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));

  /* The 2-hour mark passes while the page is open. */
  later = retract_time_parse ("2026-11-24T12:00:00+08:00", NULL);
  retract_clock_set_now (harness.clock, later);
  harness_settle ();
  g_assert_cmpint (retract_result_page_get_stage (result), ==, RETRACT_STAGE_MANUAL_REVIEW);
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));

  harness_clear (&harness);
}

static void
test_resume_after_restart (void)
{
  Harness harness;
  RetractCase *kase;
  GStatBuf st;

  harness_start_case (&harness, "2026-11-24T13:00:00+08:00", "wechat", "payment-dispute",
                      "2026-11-24T10:00:00+08:00");
  harness_next (&harness);
  retract_case_set_scenario_enabled (retract_window_get_case (harness.window), "enterprise", TRUE);
  harness_next (&harness);
  harness_next (&harness);
  assert_step (&harness, "materials");

  /* The autosave happens by itself, shortly after the change. */
  {
    gint64 until = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;

    while (!has_saved_case (harness.store) && g_get_monotonic_time () < until)
      harness_settle ();
  }
  g_assert_true (has_saved_case (harness.store));
  g_assert_cmpint (g_stat (saved_case_path (harness.store), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  harness_close_window (&harness);

  harness_open_window (&harness);
  harness_continue (&harness);

  assert_step (&harness, "materials");
  kase = retract_window_get_case (harness.window);
  g_assert_cmpstr (retract_case_get_complaint_type (kase), ==, "payment-dispute");
  g_assert_true (retract_case_has_scenario (kase, "enterprise"));

  harness_clear (&harness);
}

static void
test_corrupted_save (void)
{
  Harness harness;
  g_autofree char *directory = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint moved = 0;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  directory = g_strdup (retract_store_get_directory (harness.store));
  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  g_assert_true (g_file_set_contents (saved_case_path (harness.store),
                                      "{\"format\": 1, \"type\": [", -1, NULL));

  harness_open_window (&harness);
  g_assert_cmpstr (retract_window_get_view (harness.window), ==, "welcome");
  g_assert_false (has_saved_case (harness.store));

  dir = g_dir_open (directory, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    moved += g_str_has_prefix (name, "case.json.unreadable-");
  g_assert_cmpuint (moved, ==, 1);

  /* The app starts cleanly with a new case. */
  retract_window_start (harness.window, FALSE);
  assert_step (&harness, "situation");

  harness_clear (&harness);
}

/* Every seed scenario reaches the review, or ends on the dead end (a type
 * that cannot be withdrawn and has no route). */
static void
test_every_seed_scenario (void)
{
  static const struct
  {
    const char *platform;
    const char *type;
    const char *scenario;
    gboolean    dead_end;
  } cases[] = {
    { "wechat", "friend-report", NULL, FALSE },
    { "wechat", "payment-dispute", NULL, FALSE },
    { "wechat", "miniprogram-infringement", NULL, FALSE },
    { "wechat", "intellectual-property", NULL, TRUE },
    { "wechat", "friend-report", "enterprise", FALSE },
    { "wechat", "friend-report", "cross-border", FALSE },
    { "wechat", "payment-dispute", "minor", FALSE },
    /* Cannot be withdrawn, but goes on to the lawyer's fact sheet (issue 15 §2). */
    { "wechat", "friend-report", "judicial", FALSE },
    { "alipay", "general", NULL, FALSE },
    { "douyin", "general", NULL, FALSE },
  };
  Harness harness;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RetractCase *kase;

      g_test_message ("%s %s %s", cases[i].platform, cases[i].type,
                      cases[i].scenario ? cases[i].scenario : "");
      retract_window_start (harness.window, FALSE);
      harness_fill_situation (&harness, cases[i].platform, cases[i].type,
                              "2026-11-24T10:00:00+08:00");
      harness_next (&harness);
      kase = retract_window_get_case (harness.window);
      if (cases[i].scenario != NULL)
        retract_case_set_scenario_enabled (kase, cases[i].scenario, TRUE);
      harness_next (&harness);
      assert_step (&harness, "result");

      if (cases[i].dead_end)
        {
          g_assert_false (harness_next_enabled (&harness));
          continue;
        }

      harness_next (&harness);
      harness_next (&harness);
      harness_fill_details (&harness);
      harness_next (&harness);
      assert_step (&harness, "review");
    }

  harness_clear (&harness);
}

/* A payment dispute on its details page, every field filled but @first and
 * @second, and Next pressed: the page stays, with those two marked wrong. */
static RetractDetailsPage *
details_two_wrong (Harness       *harness,
                   const char    *scenario,
                   RetractDetail  first,
                   RetractDetail  second)
{
  RetractCase *kase;

  harness_start_case (harness, "2026-11-24T13:00:00+08:00", "wechat", "payment-dispute",
                      "2026-11-24T10:00:00+08:00");
  harness_next (harness);
  kase = retract_window_get_case (harness->window);
  if (scenario != NULL)
    retract_case_set_scenario_enabled (kase, scenario, TRUE);
  harness_next (harness);
  harness_next (harness);
  harness_next (harness);
  assert_step (harness, "details");
  harness_fill_details (harness);

  retract_case_set_detail (kase, first, "");
  retract_case_set_detail (kase, second, "");
  harness_settle ();
  harness_next (harness);
  assert_step (harness, "details");
  return RETRACT_DETAILS_PAGE (harness_page (harness, "details"));
}

/* A field Next marked wrong loses its message once it is right, as it is
 * typed, not only at the next Next (found on session 22's keyboard walk:
 * "needed for the letter" stayed red under a name just typed); a field
 * still wrong keeps its own. */
static void
test_details_error_clears (void)
{
  Harness harness;
  RetractDetailsPage *page;
  GtkWidget *field;

  page = details_two_wrong (&harness, NULL, RETRACT_DETAIL_COMPLAINT_NUMBER,
                            RETRACT_DETAIL_APPLICANT_NAME);
  g_assert_nonnull (retract_details_page_get_error (page, RETRACT_DETAIL_APPLICANT_NAME));
  g_assert_nonnull (retract_details_page_get_error (page, RETRACT_DETAIL_COMPLAINT_NUMBER));

  field = retract_details_page_get_field (page, RETRACT_DETAIL_APPLICANT_NAME);
  gtk_editable_set_text (GTK_EDITABLE (field), "张三");
  harness_settle ();
  g_assert_null (retract_details_page_get_error (page, RETRACT_DETAIL_APPLICANT_NAME));
  g_assert_false (gtk_widget_has_css_class (field, "error"));
  g_assert_nonnull (retract_details_page_get_error (page, RETRACT_DETAIL_COMPLAINT_NUMBER));
  g_assert_true (gtk_widget_has_css_class (retract_details_page_get_field (
                                             page, RETRACT_DETAIL_COMPLAINT_NUMBER), "error"));

  /* Emptied again while typing: no message until Next asks. */
  gtk_editable_set_text (GTK_EDITABLE (field), "");
  harness_settle ();
  g_assert_null (retract_details_page_get_error (page, RETRACT_DETAIL_APPLICANT_NAME));

  harness_clear (&harness);
}

/* Next on the details with fields wrong: focus goes to the first of them as
 * the page shows them (its template's order: the guardian's above the
 * complaint number), not as the case lists them. */
static void
test_details_focus_first_wrong (void)
{
  Harness harness;
  RetractDetailsPage *page;
  RetractCase *kase;
  GtkWidget *focus;
  GtkWidget *field;

  page = details_two_wrong (&harness, "minor", RETRACT_DETAIL_COMPLAINT_NUMBER,
                            RETRACT_DETAIL_GUARDIAN_NAME);
  kase = retract_window_get_case (harness.window);
  field = retract_details_page_get_field (page, RETRACT_DETAIL_GUARDIAN_NAME);
  focus = gtk_root_get_focus (GTK_ROOT (harness.window));
  g_assert_nonnull (focus);
  g_assert_true (focus == field || gtk_widget_is_ancestor (focus, field));

  /* With the guardian's name given, the complaint number is next. */
  retract_case_set_detail (kase, RETRACT_DETAIL_GUARDIAN_NAME, "张父");
  harness_settle ();
  harness_next (&harness);
  assert_step (&harness, "details");
  field = retract_details_page_get_field (page, RETRACT_DETAIL_COMPLAINT_NUMBER);
  focus = gtk_root_get_focus (GTK_ROOT (harness.window));
  g_assert_true (focus == field || gtk_widget_is_ancestor (focus, field));

  harness_clear (&harness);
}

static void
on_delete_dialog (GtkWindow *dialog)
{
  if (ADW_IS_MESSAGE_DIALOG (dialog))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
}

static void
test_delete_saved_data (void)
{
  Harness harness;
  GListModel *toplevels;

  harness_start_case (&harness, "2026-11-24T13:00:00+08:00", "wechat", "friend-report",
                      "2026-11-24T10:00:00+08:00");
  retract_window_flush_save (harness.window);
  g_assert_true (has_saved_case (harness.store));

  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.delete-data", NULL);
  harness_settle ();

  /* The confirmation is a dialog; confirming deletes everything and starts over. */
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      on_delete_dialog (window);
    }
  harness_settle ();

  g_assert_false (has_saved_case (harness.store));
  g_assert_cmpstr (retract_window_get_view (harness.window), ==, "welcome");
  g_assert_null (retract_case_get_complaint_type (retract_window_get_case (harness.window)));

  harness_clear (&harness);
}

/* New rules (an update) re-assess the case on screen. */
static void
test_new_rules_reassess (void)
{
  g_autoptr(GBytes) bundled = g_resource_lookup_data (retract_core_get_resource (),
                                                      RETRACT_RULESET_BUNDLED_PATH, 0, NULL);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bundled, NULL),
                                              (gssize) g_bytes_get_size (bundled));
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(RetractRuleset) newer = NULL;
  g_autoptr(GError) error = NULL;
  RetractResultPage *result;
  Harness harness;

  /* A friend report gets 48 hours instead of 24 in "2026.12.1". */
  g_assert_cmpuint (g_string_replace (text, "\"version\": \"2026.11.1\"",
                                      "\"version\": \"2026.12.1\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"window\": { \"hours\": 24 }",
                                      "\"window\": { \"hours\": 48 }", 1), ==, 1);
  changed = g_string_free_to_bytes (g_steal_pointer (&text));
  newer = retract_ruleset_new_from_bytes (changed, "rules.json", &error);
  g_assert_no_error (error);

  harness_start_case (&harness, "2026-11-25T11:00:00+08:00", "wechat", "friend-report",
                      "2026-11-24T10:00:00+08:00");
  harness_next (&harness);
  harness_next (&harness);
  result = RETRACT_RESULT_PAGE (harness_page (&harness, "result"));
  g_assert_cmpint (retract_result_page_get_stage (result), ==, RETRACT_STAGE_PROCESSED);

  retract_window_set_rules (harness.window, newer);
  harness_settle ();
  assert_step (&harness, "result");
  result = RETRACT_RESULT_PAGE (harness_page (&harness, "result"));
  g_assert_cmpint (retract_result_page_get_stage (result), ==, RETRACT_STAGE_MANUAL_REVIEW);

  harness_clear (&harness);
}

/* The expired-rules banner's words, as the core writes them for the
 * bundled rules (issued 2026-11-24, expiring 2027-02-22). */
#define BANNER_CALM "These rules were last confirmed on 2026-11-24. Check the official " \
                    "channels."
#define BANNER_FIRM "These rules were last confirmed on 2026-11-24, long ago. They may be " \
                    "out of date: check the official channels before you act on them."

static void
set_clock (Harness    *harness,
           const char *now)
{
  g_autoptr(GDateTime) time = retract_time_parse (now, NULL);

  g_assert_nonnull (time);
  retract_clock_set_now (harness->clock, time);
  harness_settle ();
}

/* The banner on screen with @text: revealed, its label showing it and its
 * status box named by it for screen readers. */
static void
assert_banner (Harness    *harness,
               const char *text)
{
  GtkWidget *banner = harness_find (GTK_WIDGET (harness->window), RETRACT_TYPE_RULES_BANNER,
                                    NULL);
  GtkWidget *box;
  GtkWidget *label;

  g_assert_nonnull (banner);
  g_assert_cmpstr (retract_rules_banner_get_notice (RETRACT_RULES_BANNER (banner)), ==, text);
  box = harness_find (banner, GTK_TYPE_BOX, "rules-banner");
  g_assert_nonnull (box);
  g_assert_true (gtk_widget_get_mapped (box));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (box)), ==,
                   GTK_ACCESSIBLE_ROLE_STATUS);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, text);
  label = harness_find (box, GTK_TYPE_LABEL, NULL);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, text);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
}

/* Expired rules in use keep answering, under a calm banner that speaks
 * more firmly after 90 days and goes once newer rules are in use. */
static void
test_expired_rules_banner (void)
{
  g_autoptr(GBytes) bundled = test_dataset_bundled ();
  g_autoptr(GBytes) later = NULL;
  g_autoptr(GBytes) renewed_bytes = NULL;
  g_autoptr(RetractRuleset) renewed = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *banner;
  RetractResultPage *result;
  Harness harness;

  later = test_dataset_edit (bundled, "\"expires\": \"2027-02-22T00:00:00+08:00\"",
                             "\"expires\": \"2028-02-22T00:00:00+08:00\"");
  renewed_bytes = test_dataset_edit (later, "\"version\": \"2026.11.1\"",
                                     "\"version\": \"2027.3.1\"");
  renewed = retract_ruleset_new_from_bytes (renewed_bytes, "rules.json", &error);
  g_assert_no_error (error);

  /* Before the bundled rules expire: no banner. */
  harness_init (&harness, "2027-02-21T11:00:00+08:00");
  harness_open_window (&harness);
  banner = harness_find (GTK_WIDGET (harness.window), RETRACT_TYPE_RULES_BANNER, NULL);
  g_assert_nonnull (banner);
  g_assert_null (retract_rules_banner_get_notice (RETRACT_RULES_BANNER (banner)));
  g_assert_false (gtk_widget_get_mapped (harness_find (banner, GTK_TYPE_BOX, "rules-banner")));

  /* A week after: the calm words, and the answer is still given. */
  set_clock (&harness, "2027-03-01T11:00:00+08:00");
  assert_banner (&harness, BANNER_CALM);
  retract_window_start (harness.window, FALSE);
  harness_fill_situation (&harness, "wechat", "friend-report", "2027-02-28T10:00:00+08:00");
  harness_next (&harness);
  harness_next (&harness);
  assert_step (&harness, "result");
  result = RETRACT_RESULT_PAGE (harness_page (&harness, "result"));
  g_assert_cmpint (retract_result_page_get_stage (result), ==, RETRACT_STAGE_PROCESSED);
  assert_banner (&harness, BANNER_CALM);

  /* Just under 90 days past the expiry, then 90: firmer. */
  set_clock (&harness, "2027-05-22T23:59:00+08:00");
  assert_banner (&harness, BANNER_CALM);
  set_clock (&harness, "2027-05-23T00:00:00+08:00");
  assert_banner (&harness, BANNER_FIRM);
  assert_step (&harness, "result");

  /* Newer rules installed (an update, an import): the banner goes. */
  retract_window_set_rules (harness.window, renewed);
  harness_settle ();
  g_assert_null (retract_rules_banner_get_notice (RETRACT_RULES_BANNER (banner)));
  g_assert_false (gtk_widget_get_mapped (harness_find (banner, GTK_TYPE_BOX, "rules-banner")));
  assert_step (&harness, "result");

  harness_clear (&harness);
}

/* Whether a label under @root starts with @prefix. */
static gboolean
shows_label_starting (GtkWidget  *root,
                      const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label_starting (child, prefix))
      return TRUE;

  return FALSE;
}

static void
write_in (const char *directory,
          const char *name,
          GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
}

/* An application of the app's type, registered with an id of its own
 * (APP_ID.@suffix): an earlier test's may still hold the app's object path
 * on the bus. */
static RetractApplication *
registered_app (const char *suffix)
{
  g_autofree char *id = g_strconcat (APP_ID ".", suffix, NULL);
  g_autoptr(GError) error = NULL;
  RetractApplication *app = g_object_new (RETRACT_TYPE_APPLICATION,
                                          "application-id", id,
                                          "flags", G_APPLICATION_NON_UNIQUE,
                                          "resource-base-path", RESOURCE_PREFIX,
                                          NULL);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

/* Closes @app's @window. Later tests send notifications through the default
 * application: not this one, registered on the test's bus without a
 * notification service. */
static void
close_app_window (RetractApplication *app,
                  GtkWindow          *window)
{
  gtk_window_destroy (window);
  harness_settle ();
  if (g_application_get_default () == G_APPLICATION (app))
    g_application_set_default (NULL);
}

/* Import Rules… with a signed file (the helper trusts the test roots here):
 * the app's window switches to the imported rules without a restart. */
static void
test_import_rules_refreshes (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_cache_dir (), "usb", NULL);
  g_autofree char *path = g_build_filename (directory, "rules.json", NULL);
  g_autoptr(GBytes) rules = test_dataset_with_version ("2027.1.1");
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(RetractApplication) app = NULL;
  g_autofree char *old_data_home = NULL;
  GtkWindow *window;
  gint64 deadline;

  test_signing_init ();
  signature = test_signing_sign_rules (rules);
  g_assert_no_errno (g_mkdir_with_parents (directory, 0700));
  write_in (directory, "rules.json", rules);
  write_in (directory, "rules.json.minisig", signature);
  write_in (directory, "keys.json", test_signing_keys ());
  write_in (directory, "keys.json.minisig", test_signing_keys_signature ());
  /* The helper is another process: it must see the test's data folder. */
  old_data_home = g_strdup (g_getenv ("XDG_DATA_HOME"));
  g_setenv ("XDG_DATA_HOME", g_get_user_data_dir (), TRUE);

  app = registered_app ("ImportRules");
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  g_assert_true (shows_label_starting (GTK_WIDGET (window), "Rules 2026.11.1 "));

  retract_application_import_rules_file (app, path);
  deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  while (!shows_label_starting (GTK_WIDGET (window), "Rules 2027.1.1 ") &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (shows_label_starting (GTK_WIDGET (window), "Rules 2027.1.1 "));

  close_app_window (app, window);
  if (old_data_home != NULL)
    g_setenv ("XDG_DATA_HOME", old_data_home, TRUE);
  else
    g_unsetenv ("XDG_DATA_HOME");
}

/* Import Rules…'s chooser: modal on the window, offering rules files; a
 * cancelled one starts no import, and it can be asked for again. */
static void
test_import_rules_chooser (void)
{
  g_autoptr(RetractApplication) app = NULL;
  g_autoptr(GListModel) filters = NULL;
  GtkFileFilter *filter;
  GtkFileChooser *chooser;
  GtkWindow *window;

  app = registered_app ("ImportRulesChooser");
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);

  for (guint round = 0; round < 2; round++)
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "import-rules", NULL);
      harness_settle ();
      chooser = harness_find_file_chooser ();
      g_assert_nonnull (chooser);
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Import Rules");
      g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (chooser)) == window);
      filters = gtk_file_chooser_get_filters (chooser);
      g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 1);
      filter = g_list_model_get_item (filters, 0);
      g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "Rules (rules.json)");
      g_object_unref (filter);
      g_clear_object (&filters);

      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      harness_settle ();
      g_assert_null (harness_find_file_chooser ());
    }

  close_app_window (app, window);
}

/* Interactive widgets that must carry a name for screen readers. */
static gboolean
is_interactive (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_TEXT_VIEW (widget) || GTK_IS_MENU_BUTTON (widget) ||
         ADW_IS_ENTRY_ROW (widget);
}

/* Whether @widget shows some text of its own (a label in it). */
static gboolean
shows_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child))
      return TRUE;

  return FALSE;
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;

  /* GTK labels a button by its child. An icon names nothing: screen readers
   * then say "GtkImage" (GTK 4.8's info bar close button). */
  if (GTK_IS_BUTTON (widget) && gtk_button_get_child (GTK_BUTTON (widget)) != NULL)
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));
      g_autofree char *other = gtk_test_accessible_check_relation (
        accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY, child, NULL);

      if (other == NULL)
        return shows_text (child);
    }

  if (gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  /* Buttons and rows that show their own text are named by it. */
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)) != NULL)
    return TRUE;
  /* A button whose only child is a label is named by it. */
  if (GTK_IS_BUTTON (widget) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))))
    return TRUE;

  return FALSE;
}

static void
check_names (GtkWidget *root,
             GString   *unnamed)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;

      if (is_interactive (child) && !has_name (child))
        g_string_append_printf (unnamed, "%s (%s)\n", G_OBJECT_TYPE_NAME (child),
                                gtk_widget_get_name (child));
      /* Named, but read wrongly: "_Delete Delete", "GtkImage". */
      harness_check_spoken_name (child, unnamed);

      /* Inside a named row or entry, the parts are named by it. */
      if (!ADW_IS_ENTRY_ROW (child) && !GTK_IS_SPIN_BUTTON (child))
        check_names (child, unnamed);
    }
}

static void
test_accessible_labels (void)
{
  static const char * const steps[] = {
    "situation", "circumstances", "result", "materials", "details", "review"
  };
  Harness harness;
  g_autoptr(GString) unnamed = g_string_new (NULL);

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  check_names (GTK_WIDGET (harness.window), unnamed);

  retract_window_start (harness.window, FALSE);
  harness_fill_situation (&harness, "wechat", "miniprogram-infringement",
                          "2026-11-24T10:00:00+08:00");
  retract_case_set_scenario_enabled (retract_window_get_case (harness.window), "cross-border",
                                     TRUE);
  harness_fill_details (&harness);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      retract_wizard_go_to (retract_window_get_wizard (harness.window), steps[i]);
      harness_settle ();
      assert_step (&harness, steps[i]);
      check_names (GTK_WIDGET (harness.window), unnamed);
    }

  /* The result page's "time has moved on" notice, shown as the clock passes
   * the 2-hour mark with the page open, and its close button. */
  {
    g_autoptr(GDateTime) before = retract_time_parse ("2026-11-24T11:58:00+08:00", NULL);
    g_autoptr(GDateTime) after = retract_time_parse ("2026-11-24T12:00:00+08:00", NULL);
    GtkWidget *bar;

    retract_clock_set_now (harness.clock, before);
    retract_case_set_scenario_enabled (retract_window_get_case (harness.window), "cross-border",
                                       FALSE);
    retract_case_set_complaint_type (retract_window_get_case (harness.window), "friend-report");
    retract_wizard_go_to (retract_window_get_wizard (harness.window), "result");
    harness_settle ();
    retract_clock_set_now (harness.clock, after);
    harness_settle ();
    bar = harness_find (GTK_WIDGET (harness_page (&harness, "result")), GTK_TYPE_INFO_BAR, NULL);
    g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));
    g_assert_nonnull (harness_find (bar, GTK_TYPE_BUTTON, NULL));
    check_names (bar, unnamed);
    check_names (GTK_WIDGET (harness.window), unnamed);
  }

  if (unnamed->len > 0)
    g_error ("controls without an accessible name:\n%s", unnamed->str);

  harness_clear (&harness);
}

static guint
count_descendants (GtkWidget *root,
                   GType      type)
{
  guint count = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += G_TYPE_CHECK_INSTANCE_TYPE (child, type) + count_descendants (child, type);

  return count;
}

static GtkWindow *
find_shortcuts_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }

  return found;
}

/* The welcome page paints the first frame alone: the wizard's pages and the
 * shortcuts window are built when first asked for, and then work. */
static void
test_built_when_needed (void)
{
  Harness harness;
  GtkWindow *shortcuts;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  harness_settle ();
  g_assert_cmpuint (count_descendants (GTK_WIDGET (harness.window), RETRACT_TYPE_WIZARD), ==, 0);
  g_assert_cmpuint (count_descendants (GTK_WIDGET (harness.window), RETRACT_TYPE_PAGE), ==, 0);
  g_assert_null (find_shortcuts_window ());

  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.show-help-overlay", NULL);
  harness_settle ();
  shortcuts = find_shortcuts_window ();
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (harness.window));

  /* Closing hides it; asking again shows the same one. */
  gtk_window_close (shortcuts);
  harness_settle ();
  g_assert_null (find_shortcuts_window ());
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.show-help-overlay", NULL);
  harness_settle ();
  g_assert_true (find_shortcuts_window () == shortcuts);
  gtk_window_close (shortcuts);

  retract_window_start (harness.window, FALSE);
  harness_settle ();
  assert_step (&harness, "situation");
  g_assert_cmpuint (count_descendants (GTK_WIDGET (harness.window), RETRACT_TYPE_WIZARD), ==, 1);
  g_assert_cmpuint (count_descendants (GTK_WIDGET (harness.window), RETRACT_TYPE_PAGE), ==,
                    retract_wizard_get_n_steps (retract_window_get_wizard (harness.window)));

  /* Starting again reuses the wizard. */
  retract_window_start (harness.window, FALSE);
  g_assert_cmpuint (count_descendants (GTK_WIDGET (harness.window), RETRACT_TYPE_WIZARD), ==, 1);

  harness_clear (&harness);
}

/* ---- text from files stays text ---- */

/* Markup, a link and a bare ampersand: what a hostile dataset, case file or
 * file name may hold. Shown literally or not at all. */
#define HOSTILE_BOLD "A & B <b>C</b>"
#define HOSTILE_SPAN "<span size=\"xx-large\" color=\"red\">OFFICIAL</span>"
#define HOSTILE_LINK "<a href=\"file:///etc/passwd\">x</a>"
#define HOSTILE HOSTILE_BOLD " " HOSTILE_SPAN " " HOSTILE_LINK " snake_case"
#define HOSTILE_FILE "A & B <b>C <i>D.pdf"

/* Appends HOSTILE to every text of the dataset in both languages, and to the
 * phone numbers: names, steps, descriptions, warnings, materials, source,
 * disclaimer, links' names. Identifiers, dates and URLs stay as they are. */
static void
make_hostile (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        make_hostile (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *name = l->data;
          JsonNode *member = json_object_get_member (object, name);

          if ((g_str_equal (name, "en") || g_str_equal (name, "zh_CN") ||
               g_str_equal (name, "phone")) &&
              JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
            {
              g_autofree char *text = g_strconcat (json_node_get_string (member), " " HOSTILE,
                                                   NULL);

              json_object_set_string_member (object, name, text);
            }
          else
            {
              make_hostile (member);
            }
        }
    }
}

static RetractRuleset *
hostile_rules (void)
{
  g_autoptr(JsonNode) root = test_dataset_parse ();

  make_hostile (root);
  return test_dataset_load (root, "hostile");
}

/* Every label under @root (shown or not) shows hostile text either whole and
 * literal or not at all; none holds markup made from it; nothing is a link.
 * Returns: how many labels show HOSTILE whole */
static guint
check_literal (GtkWidget *root)
{
  guint found = 0;

  g_assert_false (GTK_IS_LINK_BUTTON (root));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (root)), !=,
                   GTK_ACCESSIBLE_ROLE_LINK);

  if (GTK_IS_LABEL (root))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (root));
      const char *raw = gtk_label_get_label (GTK_LABEL (root));

      /* Parsed as markup, the span would leave "OFFICIAL", the link "x". */
      if ((strstr (text, "OFFICIAL") != NULL || strstr (text, "passwd") != NULL) &&
          strstr (text, HOSTILE) == NULL)
        g_error ("a label shows dataset text changed: “%s”", text);
      if (strstr (text, "A & B") != NULL && strstr (text, "A & B <b>C") == NULL)
        g_error ("a label shows case text changed: “%s”", text);
      /* (libadwaita's own licence text links to the GPL: that one is ours.) */
      if (gtk_label_get_use_markup (GTK_LABEL (root)) &&
          (strstr (raw, HOSTILE_LINK) != NULL || strstr (raw, HOSTILE_SPAN) != NULL ||
           strstr (raw, "<b>C") != NULL))
        g_error ("a label takes dataset or case text as markup: “%s”", raw);
      if (strstr (text, HOSTILE) != NULL)
        found++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    found += check_literal (child);

  return found;
}

static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child, text);

      if (label != NULL)
        return label;
    }

  return NULL;
}

/* Toasts queue behind the one on screen: close it as a person would. */
static void
dismiss_toast (GtkWidget *window)
{
  GtkWidget *toast = harness_find (window, g_type_from_name ("AdwToastWidget"), NULL);
  GtkWidget *close;

  g_assert_nonnull (toast);
  close = harness_find (toast, GTK_TYPE_BUTTON, "circular");
  g_assert_nonnull (close);
  g_signal_emit_by_name (close, "clicked");
  harness_settle ();
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }

  return found;
}

/* A hostile dataset and case on every page, toast, dialog and About: each
 * text shows as written, none as markup or a link, with no markup warning
 * (warnings are fatal here). */
static void
test_hostile_text (void)
{
  static const char * const steps[] = {
    "situation", "circumstances", "result", "materials", "details", "review"
  };
  Harness harness;
  RetractCase *kase;
  RetractPage *result;
  GtkWidget *status;
  GtkLabel *label;
  g_autofree char *dir = g_dir_make_tmp ("retract-hostile-XXXXXX", NULL);
  g_autofree char *attachment = g_build_filename (dir, HOSTILE_FILE, NULL);
  g_autofree char *attachment_uri = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *about;
  GtkWindow *dialog;
  GtkWidget *details;
  gboolean handled = FALSE;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  g_clear_object (&harness.rules);
  harness.rules = hostile_rules ();
  harness_open_window (&harness);
  check_literal (GTK_WIDGET (harness.window));

  retract_window_start (harness.window, FALSE);
  kase = retract_window_get_case (harness.window);
  harness_fill_situation (&harness, "wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  harness_fill_details (&harness);
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_NAME, HOSTILE_BOLD);
  retract_case_set_detail (kase, RETRACT_DETAIL_RESPONDENT, HOSTILE_BOLD);
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, HOSTILE);
  retract_case_set_detail (kase, RETRACT_DETAIL_REASON, HOSTILE);
  g_assert_true (g_file_set_contents (attachment, "%PDF-1.4\n", -1, NULL));
  retract_case_set_material_attachment (kase, "identity", attachment, &error);
  g_assert_no_error (error);
  harness_settle ();

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      retract_wizard_go_to (retract_window_get_wizard (harness.window), steps[i]);
      harness_settle ();
      assert_step (&harness, steps[i]);
      /* The details page shows the case's text in its fields, not in labels. */
      if (check_literal (GTK_WIDGET (harness_page (&harness, steps[i]))) == 0 &&
          !g_str_equal (steps[i], "details"))
        g_error ("the %s page shows none of the dataset's or the case's text literally",
                 steps[i]);
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (retract_details_page_get_field (
                     RETRACT_DETAILS_PAGE (harness_page (&harness, "details")),
                     RETRACT_DETAIL_APPLICANT_NAME))), ==, HOSTILE_BOLD);

  /* The result page: the recommended channel's heading (a group title, which
   * is markup) and the website row; the address opens through the checked
   * action, not a link. */
  retract_wizard_go_to (retract_window_get_wizard (harness.window), "result");
  harness_settle ();
  result = harness_page (&harness, "result");
  g_assert_nonnull (find_label (GTK_WIDGET (result),
                                "Recommended: Ticket on the Tencent Customer Service "
                                "website " HOSTILE));

  /* The not-withdrawable status page: its description is markup. */
  retract_case_set_complaint_type (kase, "intellectual-property");
  harness_settle ();
  status = harness_find (GTK_WIDGET (result), ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_nonnull (status);
  label = GTK_LABEL (harness_find (status, GTK_TYPE_LABEL, "description"));
  g_assert_nonnull (label);
  g_assert_true (g_str_has_suffix (gtk_label_get_text (label), " " HOSTILE));
  g_assert_cmpuint (check_literal (status), >=, 2);
  retract_case_set_complaint_type (kase, "friend-report");
  harness_settle ();

  /* Toasts: a message (errors carry file names and dataset text), a saved
   * file's name, an address that is not https (refused, not opened). */
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.show-toast", "s", HOSTILE);
  harness_settle ();
  g_assert_nonnull (find_label (GTK_WIDGET (harness.window), HOSTILE));
  dismiss_toast (GTK_WIDGET (harness.window));
  attachment_uri = g_filename_to_uri (attachment, NULL, NULL);
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.file-saved", "s",
                              attachment_uri);
  harness_settle ();
  g_assert_nonnull (find_label (GTK_WIDGET (harness.window), "Saved “" HOSTILE_FILE "”"));
  dismiss_toast (GTK_WIDGET (harness.window));
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.open-uri", "s",
                              "file:///etc/passwd");
  harness_settle ();
  g_assert_nonnull (find_label (GTK_WIDGET (harness.window),
                                "This address was not opened: it is not a secure web address"));
  check_literal (GTK_WIDGET (harness.window));

  /* A problem (a failed rules update) in words, and its technical message
   * behind Details, in a dialog: both as plain text. */
  dismiss_toast (GTK_WIDGET (harness.window));
  retract_window_show_problem (harness.window, HOSTILE_FILE, HOSTILE);
  harness_settle ();
  g_assert_nonnull (find_label (GTK_WIDGET (harness.window), HOSTILE_FILE));
  details = harness_find (harness_find (GTK_WIDGET (harness.window),
                                        g_type_from_name ("AdwToastWidget"), NULL),
                          GTK_TYPE_BUTTON, NULL);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (details)), ==, "Details");
  g_signal_emit_by_name (details, "clicked");
  harness_settle ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), HOSTILE));
  check_literal (GTK_WIDGET (dialog));
  gtk_window_destroy (dialog);

  /* About: the comments (markup) name the source and disclaimer; the
   * dataset's links are rows whose titles are markup with mnemonics. */
  about = retract_application_new_about_window (harness.rules);
  gtk_window_present (about);
  harness_settle ();
  g_assert_cmpuint (check_literal (GTK_WIDGET (about)), >=, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (about), "Tencent Customer Service " HOSTILE));
  g_signal_emit_by_name (about, "activate-link", "file:///etc/passwd", &handled);
  g_assert_true (handled);
  g_signal_emit_by_name (about, "activate-link", "https://kf.qq.com@evil.example/", &handled);
  g_assert_true (handled);
  gtk_window_destroy (about);

  harness_clear (&harness);
  g_unlink (attachment);
  g_rmdir (dir);
}

/* The toast on screen under @root, or NULL. Its widget is libadwaita's
 * own; the toast is its "toast" property. */
static AdwToast *
shown_toast (GtkWidget *root)
{
  GType type = g_type_from_name ("AdwToastWidget");
  GtkWidget *widget = type != 0 ? harness_find (root, type, NULL) : NULL;
  g_autoptr(AdwToast) toast = NULL;

  if (widget == NULL)
    return NULL;
  g_object_get (widget, "toast", &toast, NULL);
  /* The widget holds it while it is shown. */
  return toast;
}

/* A refusal with its Details stays until it is closed (session 22's walk:
 * a refused import's toast went in 10 s, twice before Shift+Tab ×3 reached
 * Details). What comes after it shows in front of it, no longer than it
 * would, and the refusal comes back when that goes. */
static void
test_problem_toast_stays (void)
{
  Harness harness;
  g_autofree char *bad = g_build_filename (g_get_user_data_dir (), "not-cases.json", NULL);
  AdwToast *toast;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  harness_wait_listed (&harness);
  g_assert_null (shown_toast (GTK_WIDGET (harness.window)));

  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  g_assert_true (g_file_set_contents (bad, "{\"format\": 1, \"cases\": []}", -1, NULL));
  retract_window_import_cases (harness.window, bad);
  harness_settle ();
  toast = shown_toast (GTK_WIDGET (harness.window));
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "This case file could not be imported");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "Details");
  g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 0);

  /* An ordinary message (here as after an export) keeps its time. */
  retract_window_show_toast (harness.window, "Saved");
  harness_settle ();
  toast = shown_toast (GTK_WIDGET (harness.window));
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Saved");
  g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 5);
  dismiss_toast (GTK_WIDGET (harness.window));
  toast = shown_toast (GTK_WIDGET (harness.window));
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "This case file could not be imported");

  dismiss_toast (GTK_WIDGET (harness.window));
  g_assert_null (shown_toast (GTK_WIDGET (harness.window)));
  /* Closed, the refusal no longer holds the next message back. */
  retract_window_show_toast (harness.window, "Saved");
  retract_window_show_toast (harness.window, "Saved again");
  harness_settle ();
  g_assert_cmpstr (adw_toast_get_title (shown_toast (GTK_WIDGET (harness.window))), ==, "Saved");

  harness_clear (&harness);
  g_unlink (bad);
}

/* Import Rules… whose helper cannot run (as under `meson devenv` before it
 * set RETRACT_CLI): the refusal says the file was not imported, not that
 * the rules could not be checked, and stays, its reason behind Details. */
static void
test_import_rules_refused (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("RETRACT_CLI"));
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "rules.json", NULL);
  g_autoptr(RetractApplication) app = NULL;
  GtkWindow *window;
  AdwToast *toast;
  gint64 deadline;

  app = registered_app ("ImportRulesRefused");
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  harness_settle ();
  /* The offer of weekly checks, on a first start. */
  while (shown_toast (GTK_WIDGET (window)) != NULL)
    dismiss_toast (GTK_WIDGET (window));

  g_setenv ("RETRACT_CLI", "/nonexistent/retract-cli", TRUE);
  retract_application_import_rules_file (app, path);
  deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  while (shown_toast (GTK_WIDGET (window)) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_setenv ("RETRACT_CLI", saved, TRUE);

  toast = shown_toast (GTK_WIDGET (window));
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==,
                   "The rules file could not be imported: the update helper did not work");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "Details");
  g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 0);

  close_app_window (app, window);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* The wizard says its step changed only when it did. */
static void
test_step_notify (void)
{
  Harness harness;
  RetractWizard *wizard;
  guint notified = 0;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  retract_window_start (harness.window, FALSE);
  wizard = retract_window_get_wizard (harness.window);
  assert_step (&harness, "situation");
  g_signal_connect (wizard, "notify::step", G_CALLBACK (count_notify), &notified);

  retract_wizard_go_to (wizard, "situation");
  g_assert_cmpuint (notified, ==, 0);

  harness_fill_situation (&harness, "wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  harness_next (&harness);
  assert_step (&harness, "circumstances");
  g_assert_cmpuint (notified, ==, 1);
  retract_wizard_go_to (wizard, "circumstances");
  g_assert_cmpuint (notified, ==, 1);
  retract_wizard_go_to (wizard, "situation");
  g_assert_cmpuint (notified, ==, 2);

  /* Resuming the same case shows the step it is at: no change, no notification. */
  retract_window_start (harness.window, TRUE);
  assert_step (&harness, "situation");
  g_assert_cmpuint (notified, ==, 2);

  harness_clear (&harness);
}

/* Only the page a stack shows is visible: the others are hidden, so that
 * GTK's style pass leaves them out (a click restyled every page, the list
 * of cases included, 8-12 ms of a frame; issue 16). */
static void
assert_only_shown (GtkStack *stack)
{
  GtkWidget *shown = gtk_stack_get_visible_child (stack);

  g_assert_nonnull (shown);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_assert_cmpint (gtk_widget_get_visible (child), ==, child == shown);
}

static void
on_transition_done (GtkStack *stack,
                    GParamSpec *pspec,
                    gboolean *done)
{
  *done = !gtk_stack_get_transition_running (stack);
}

static void
test_hidden_pages_left_out (void)
{
  Harness harness;
  RetractWizard *wizard;
  GtkStack *main_stack, *steps;
  GtkWidget *situation;
  gboolean done = FALSE;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  wizard = retract_window_get_wizard (harness.window);
  main_stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (wizard)));
  assert_only_shown (main_stack);

  retract_window_start (harness.window, FALSE);
  g_assert_true (gtk_stack_get_visible_child (main_stack) == GTK_WIDGET (wizard));
  assert_only_shown (main_stack);
  situation = GTK_WIDGET (harness_page (&harness, "situation"));
  steps = GTK_STACK (gtk_widget_get_parent (situation));
  assert_only_shown (steps);

  harness_fill_situation (&harness, "wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  harness_next (&harness);
  assert_step (&harness, "circumstances");
  assert_only_shown (steps);
  retract_wizard_go_to (wizard, "result");
  assert_only_shown (steps);
  retract_wizard_go_to (wizard, "situation");
  assert_step (&harness, "situation");
  assert_only_shown (steps);

  /* With animations on, the step going out stays until it has slid away. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  g_signal_connect (steps, "notify::transition-running", G_CALLBACK (on_transition_done), &done);
  /* Not harness_next(): its settling could outlast the slide on a loaded
   * machine (seen in the ASan build). The slide starts with the action. */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  assert_step (&harness, "circumstances");
  g_assert_true (gtk_stack_get_transition_running (steps));
  g_assert_true (gtk_widget_get_visible (situation));
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_widget_get_visible (situation));
  assert_only_shown (steps);
  g_signal_handlers_disconnect_by_func (steps, on_transition_done, &done);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* Out of the wizard: the welcome page here, with no saved case. */
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.show-home", NULL);
  g_assert_cmpstr (retract_window_get_view (harness.window), !=, "wizard");
  assert_only_shown (main_stack);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (wizard)));

  harness_clear (&harness);
}

/* Ctrl+Q (app.quit) keeps the window size as closing the window does. */
static void
test_quit_saves_window_size (void)
{
  Harness harness;
  g_autoptr(RetractApplication) app = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  app = retract_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  gtk_window_set_application (GTK_WINDOW (harness.window), GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (harness.window), 613, 517);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), !=, 613);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 613);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 517);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  gtk_window_set_application (GTK_WINDOW (harness.window), NULL);
  harness_clear (&harness);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* Delete Saved Data also forgets the settings that record what the user did:
 * the last platform no longer pre-fills the next case. */
static void
test_delete_forgets_history (void)
{
  Harness harness;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) platform = NULL;
  g_autoptr(GVariant) checked = NULL;
  g_autofree char *last = NULL;
  GListModel *toplevels;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  retract_window_start (harness.window, FALSE);
  retract_case_set_platform (retract_window_get_case (harness.window), "alipay");
  g_settings_set_int64 (settings, "last-update-check", 1795000000);
  g_settings_set_boolean (settings, "automatic-updates", TRUE);
  retract_window_flush_save (harness.window);
  last = g_settings_get_string (settings, "last-platform");
  g_assert_cmpstr (last, ==, "alipay");

  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.delete-data", NULL);
  harness_settle ();
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      on_delete_dialog (window);
    }
  harness_settle ();

  g_assert_false (has_saved_case (harness.store));
  platform = g_settings_get_user_value (settings, "last-platform");
  g_assert_null (platform);
  checked = g_settings_get_user_value (settings, "last-update-check");
  g_assert_null (checked);
  /* A choice the user made stays. */
  g_assert_true (g_settings_get_boolean (settings, "automatic-updates"));

  retract_window_start (harness.window, FALSE);
  g_assert_cmpstr (retract_case_get_platform (retract_window_get_case (harness.window)), !=,
                   "alipay");

  harness_clear (&harness);
  g_settings_reset (settings, "automatic-updates");
}

/* How many handlers @instance has for @signal, any detail: each unblocked
 * one is found and blocked in turn, then all are unblocked again. */
static guint
count_handlers (gpointer    instance,
                const char *signal)
{
  guint id = g_signal_lookup (signal, G_OBJECT_TYPE (instance));
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gulong));
  gulong handler;

  while ((handler = g_signal_handler_find (instance, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_UNBLOCKED,
                                           id, 0, NULL, NULL, NULL)) != 0)
    {
      g_signal_handler_block (instance, handler);
      g_array_append_val (found, handler);
    }
  for (guint i = 0; i < found->len; i++)
    g_signal_handler_unblock (instance, g_array_index (found, gulong, i));

  return found->len;
}

static guint
count_case_handlers (RetractCase *kase)
{
  return count_handlers (kase, "notify") + count_handlers (kase, "materials-changed");
}

/* The pages' connections to the case and the clock follow them from case
 * to case and from rules to rules: their number stays the same. One change
 * of the case is assessed once, by the page on screen; hidden pages do no
 * work until they are shown. */
static void
test_handlers_follow_context (void)
{
  g_autoptr(RetractRuleset) other = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GError) error = NULL;
  RetractResultPage *result;
  RetractCase *kase;
  Harness harness;
  guint clock_handlers;
  guint case_handlers;
  guint before;

  other = retract_ruleset_new_bundled (&error);
  g_assert_no_error (error);
  harness_start_case (&harness, "2026-11-24T11:58:00+08:00", "wechat", "friend-report",
                      "2026-11-24T10:00:00+08:00");
  harness_settle ();
  clock_handlers = count_handlers (harness.clock, "notify");
  case_handlers = count_case_handlers (retract_window_get_case (harness.window));
  g_assert_cmpuint (clock_handlers, >, 0);
  g_assert_cmpuint (case_handlers, >, 0);

  for (guint i = 0; i < 10; i++)
    {
      /* What the New Case action does once confirmed. */
      retract_window_start (harness.window, FALSE);
      harness_fill_situation (&harness, "wechat", "friend-report", "2026-11-24T10:00:00+08:00");
      retract_window_set_rules (harness.window, i % 2 == 0 ? other : harness.rules);
      harness_settle ();
      g_assert_cmpuint (count_handlers (harness.clock, "notify"), ==, clock_handlers);
      g_assert_cmpuint (count_case_handlers (retract_window_get_case (harness.window)), ==,
                        case_handlers);
    }

  /* On the result page, one change of the case: one assessment. */
  kase = retract_window_get_case (harness.window);
  harness_next (&harness);
  harness_next (&harness);
  assert_step (&harness, "result");
  result = RETRACT_RESULT_PAGE (harness_page (&harness, "result"));
  g_assert_cmpint (retract_result_page_get_stage (result), ==, RETRACT_STAGE_AUTO_REVIEW);
  before = retract_page_get_n_assessments ();
  retract_case_set_withdrawals_this_month (kase, 1);
  harness_settle ();
  g_assert_cmpuint (retract_page_get_n_assessments () - before, ==, 1);

  /* On the details page, a keystroke is assessed at most once, and the
   * clock passing a deadline is not assessed at all by the hidden pages. */
  harness_next (&harness);
  harness_next (&harness);
  assert_step (&harness, "details");
  before = retract_page_get_n_assessments ();
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_NAME, "张");
  harness_settle ();
  g_assert_cmpuint (retract_page_get_n_assessments () - before, <=, 1);
  before = retract_page_get_n_assessments ();
  later = retract_time_parse ("2026-11-24T12:00:00+08:00", NULL);
  retract_clock_set_now (harness.clock, later);
  harness_settle ();
  g_assert_cmpuint (retract_page_get_n_assessments () - before, ==, 0);

  /* Shown again, the result page catches up. */
  gtk_widget_activate_action (GTK_WIDGET (retract_window_get_wizard (harness.window)),
                              "wizard.go-to", "s", "result");
  harness_settle ();
  assert_step (&harness, "result");
  g_assert_cmpint (retract_result_page_get_stage (result), ==, RETRACT_STAGE_MANUAL_REVIEW);

  harness_clear (&harness);
}

/* How many assessments the pages made since *@before, which moves on. */
static guint
assessments_since (guint *before)
{
  guint now = retract_page_get_n_assessments ();
  guint made = now - *before;

  *before = now;
  return made;
}

static void
go_to (Harness    *harness,
       const char *step)
{
  gtk_widget_activate_action (GTK_WIDGET (retract_window_get_wizard (harness->window)),
                              "wizard.go-to", "s", step);
  harness_settle ();
  assert_step (harness, step);
}

/* Showing a page is no reason to assess: a page that fell behind while
 * hidden (the case or the clock changed) catches up with one assessment,
 * and one that did not is shown as it was left. */
static void
test_shown_assesses_once (void)
{
  static const char * const assessing[] = { "result", "materials", "review" };
  g_autoptr(GDateTime) later = NULL;
  RetractResultPage *result;
  RetractCase *kase;
  Harness harness;
  guint before;

  harness_start_case (&harness, "2026-11-24T11:58:00+08:00", "wechat", "friend-report",
                      "2026-11-24T10:00:00+08:00");
  kase = retract_window_get_case (harness.window);
  result = RETRACT_RESULT_PAGE (harness_page (&harness, "result"));
  harness_next (&harness);
  harness_next (&harness);
  harness_next (&harness);
  harness_next (&harness);
  assert_step (&harness, "details");
  harness_fill_details (&harness);
  harness_next (&harness);
  assert_step (&harness, "review");

  /* The details typed since the result page was shown are caught up with;
   * then nothing changes since each page was last on screen. */
  for (guint i = 0; i < G_N_ELEMENTS (assessing); i++)
    go_to (&harness, assessing[i]);
  before = retract_page_get_n_assessments ();
  for (guint i = 0; i < G_N_ELEMENTS (assessing); i++)
    {
      go_to (&harness, assessing[i]);
      g_assert_cmpuint (assessments_since (&before), ==, 0);
    }

  /* The case changes while they are hidden: each assesses once, shown. */
  go_to (&harness, "details");
  retract_case_set_withdrawals_this_month (kase, 1);
  harness_settle ();
  assessments_since (&before);
  for (guint i = 0; i < G_N_ELEMENTS (assessing); i++)
    {
      go_to (&harness, assessing[i]);
      g_assert_cmpuint (assessments_since (&before), ==, 1);
    }

  /* So does the clock passing a deadline. */
  go_to (&harness, "details");
  later = retract_time_parse ("2026-11-24T12:00:00+08:00", NULL);
  retract_clock_set_now (harness.clock, later);
  harness_settle ();
  g_assert_cmpuint (assessments_since (&before), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (assessing); i++)
    {
      go_to (&harness, assessing[i]);
      g_assert_cmpuint (assessments_since (&before), ==, 1);
    }
  g_assert_cmpint (retract_result_page_get_stage (result), ==, RETRACT_STAGE_MANUAL_REVIEW);

  harness_clear (&harness);
}

/* The wizard left open behind the case list is not on screen: the clock
 * passing a deadline costs its pages nothing until the case is opened in
 * the wizard again, and then one assessment brings the answer up to date. */
static void
test_hidden_wizard_waits (void)
{
  g_autoptr(GDateTime) later = NULL;
  RetractResultPage *result;
  Harness harness;
  guint before;

  harness_start_case (&harness, "2026-11-24T11:58:00+08:00", "wechat", "friend-report",
                      "2026-11-24T10:00:00+08:00");
  result = RETRACT_RESULT_PAGE (harness_page (&harness, "result"));
  harness_next (&harness);
  harness_next (&harness);
  assert_step (&harness, "result");
  g_assert_cmpint (retract_result_page_get_stage (result), ==, RETRACT_STAGE_AUTO_REVIEW);

  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.show-home", NULL);
  harness_settle ();
  g_assert_cmpstr (retract_window_get_view (harness.window), !=, "wizard");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (result)));

  before = retract_page_get_n_assessments ();
  for (guint minute = 0; minute < 3; minute++)
    {
      g_autofree char *text = g_strdup_printf ("2026-11-24T12:0%u:00+08:00", minute);

      g_clear_pointer (&later, g_date_time_unref);
      later = retract_time_parse (text, NULL);
      retract_clock_set_now (harness.clock, later);
      harness_settle ();
    }
  g_assert_cmpuint (assessments_since (&before), ==, 0);
  g_assert_cmpint (retract_result_page_get_stage (result), ==, RETRACT_STAGE_AUTO_REVIEW);

  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.edit-answers", "i", 2);
  harness_settle ();
  assert_step (&harness, "result");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (result)));
  g_assert_cmpint (retract_result_page_get_stage (result), ==, RETRACT_STAGE_MANUAL_REVIEW);
  g_assert_cmpuint (assessments_since (&before), ==, 1);

  harness_clear (&harness);
}

/* The details step asks for a WeChat ID on a WeChat case only: an Alipay
 * user was asked for "WeChat ID (optional)" (session 23's walk). */
static void
test_wechat_id_on_wechat_only (void)
{
  static const struct
  {
    const char *platform;
    const char *type;
    gboolean    asked;
  } cases[] = {
    { "alipay", "general", FALSE },
    { "douyin", "general", FALSE },
    { "wechat", "friend-report", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RetractDetailsPage *page;
      Harness harness;

      harness_start_case (&harness, "2026-11-24T11:58:00+08:00", cases[i].platform,
                          cases[i].type, "2026-11-24T10:00:00+08:00");
      go_to (&harness, "details");
      page = RETRACT_DETAILS_PAGE (harness_page (&harness, "details"));
      g_assert_true (gtk_widget_get_visible (
        retract_details_page_get_field (page, RETRACT_DETAIL_APPLICANT_PHONE)));
      g_assert_true (gtk_widget_get_visible (
        retract_details_page_get_field (page, RETRACT_DETAIL_APPLICANT_WECHAT_ID)) ==
        cases[i].asked);
      harness_clear (&harness);
    }
}

static GtkWidget *
find_shown_label (GtkWidget  *root,
                  const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shown_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Next on the details with the last box empty puts the cursor there and
 * scrolls so that the note saying what is missing is in view too: it was
 * left under the wizard's buttons, the user in an empty box with no word
 * of why (session 23's walk). */
static void
test_details_note_in_view (void)
{
  RetractDetailsPage *page;
  GtkWidget *reason, *note, *scroller;
  graphene_rect_t bounds;
  GtkAdjustment *adjustment;
  const char *error;
  Harness harness;

  harness_start_case (&harness, "2026-11-24T11:58:00+08:00", "wechat", "friend-report",
                      "2026-11-24T10:00:00+08:00");
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 800, 600);
  go_to (&harness, "details");
  harness_fill_details (&harness);
  page = RETRACT_DETAILS_PAGE (harness_page (&harness, "details"));
  reason = retract_details_page_get_field (page, RETRACT_DETAIL_REASON);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (reason)), "", -1);
  scroller = gtk_widget_get_ancestor (reason, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, 0);
  harness_settle ();

  harness_next (&harness);
  assert_step (&harness, "details");
  g_assert_true (gtk_widget_has_focus (reason));
  error = retract_details_page_get_error (page, RETRACT_DETAIL_REASON);
  g_assert_nonnull (error);
  note = find_shown_label (GTK_WIDGET (page), error);
  g_assert_nonnull (note);
  g_assert_true (gtk_widget_compute_bounds (note, scroller, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_adjustment_get_page_size (adjustment));
  g_assert_true (gtk_widget_compute_bounds (reason, scroller, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);

  harness_clear (&harness);
}

/* A case saved without its complaint type (earlier versions saved every
 * new case) is opened with a sentence that says what to do, then the
 * check's own words naming what is missing (session 23's walk: the
 * overview said only "type: not given; valid values for wechat: …"). */
static void
test_overview_unassessed_says_what_to_do (void)
{
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *overview, *label;
  const char *text;
  Harness harness;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  retract_case_set_platform (kase, "wechat");
  g_assert_true (retract_store_save_case (harness.store, kase, &error));
  g_assert_no_error (error);
  harness_open_window (&harness);
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 1000, 760);
  harness_wait_listed (&harness);
  retract_window_open_case (harness.window, retract_case_get_id (kase));
  harness_settle ();

  overview = harness_find (GTK_WIDGET (harness.window), RETRACT_TYPE_CASE_OVERVIEW, NULL);
  g_assert_nonnull (overview);
  label = harness_find (overview, GTK_TYPE_LABEL, "error");
  g_assert_nonnull (label);
  text = gtk_label_get_label (GTK_LABEL (label));
  g_assert_true (g_str_has_prefix (text, "This case cannot be assessed until its answers are "
                                         "complete: choose Edit Answers"));
  g_assert_nonnull (strstr (text, "(type: not given; valid values for wechat: "));
  g_assert_null (strstr (text, "(null)"));

  harness_clear (&harness);
}

/* Autosave writes in the background: the case on disk is whole and private
 * once the window has moved on, and closing the window while a save is
 * being written leaves the newest answers, not the older ones. */
static void
test_autosave_in_background (void)
{
  Harness harness;
  RetractCase *kase;
  g_autoptr(RetractCase) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 until;
  GStatBuf st;

  harness_start_case (&harness, "2026-11-24T13:00:00+08:00", "wechat", "friend-report",
                      "2026-11-24T10:00:00+08:00");
  kase = retract_window_get_case (harness.window);
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "第一版");

  until = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  do
    {
      g_clear_object (&saved);
      harness_settle ();
      saved = retract_case_new_from_file (saved_case_path (harness.store), NULL);
    }
  while ((saved == NULL ||
          g_strcmp0 (retract_case_get_detail (saved, RETRACT_DETAIL_NARRATIVE), "第一版") != 0) &&
         g_get_monotonic_time () < until);
  g_assert_nonnull (saved);
  g_assert_cmpstr (retract_case_get_detail (saved, RETRACT_DETAIL_NARRATIVE), ==, "第一版");
  g_assert_cmpint (g_stat (saved_case_path (harness.store), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A save starts (the pause after typing), more is typed at once, and the
   * window is closed before either is on disk. */
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "第二版");
  retract_window_flush_save (harness.window);
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "第三版");
  until = g_get_monotonic_time () + 450 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "第四版");
  gtk_window_close (GTK_WINDOW (harness.window));
  harness.window = NULL;

  g_clear_object (&saved);
  saved = retract_case_new_from_file (saved_case_path (harness.store), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (retract_case_get_detail (saved, RETRACT_DETAIL_NARRATIVE), ==, "第四版");

  harness_settle ();
  harness_clear (&harness);
}

/* The home (issue 13): the list, delete with Undo, migration, search, keys. */

static char *
home_save_case (RetractStore *store,
                const char   *filed_at,
                const char   *number,
                gboolean      resolved)
{
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse (filed_at, NULL);
  g_autoptr(GError) error = NULL;

  retract_case_set_platform (kase, "wechat");
  retract_case_set_complaint_type (kase, "friend-report");
  retract_case_set_filed_at (kase, filed);
  if (number != NULL)
    retract_case_set_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, number);
  if (resolved)
    {
      g_autoptr(GDateTime) at = g_date_time_add_hours (filed, 1);

      retract_case_add_event (kase, retract_case_event_new (RETRACT_EVENT_RESOLVED, at));
    }
  g_assert_true (retract_store_save_case (store, kase, &error));
  g_assert_no_error (error);

  return g_strdup (retract_case_get_id (kase));
}

static char *
home_shown_ids (Harness *harness)
{
  GListModel *shown = retract_case_list_pane_get_shown (
    retract_window_get_list_pane (harness->window));
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(RetractCaseItem) item = g_list_model_get_item (shown, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", retract_case_item_get_id (item));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
home_collect_rows (GtkWidget *root,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (RETRACT_IS_CASE_LIST_ROW (child))
        g_ptr_array_add (rows, child);
      home_collect_rows (child, rows);
    }
}

static GtkWidget *
home_find_row (Harness    *harness,
          const char *id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  home_collect_rows (GTK_WIDGET (harness->window), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      RetractCaseItem *item = retract_case_list_row_get_item (g_ptr_array_index (rows, i));

      if (item != NULL && g_str_equal (retract_case_item_get_id (item), id))
        return g_ptr_array_index (rows, i);
    }

  return NULL;
}

/* What pressing @accelerator on @widget does: its own shortcuts, as GTK
 * would find them for the key (no key events can be made in a test). */
static gboolean
home_press_keys (GtkWidget  *widget,
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

static gboolean
home_file_exists (RetractStore *store,
             const char   *id)
{
  g_autofree char *path = retract_store_dup_case_path (store, id);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* ---- keyboard and screen readers (issue 13, issue 15 §5) ---- */

/* The window's Tab stops in order, from nothing focused round to the first
 * again, as GTK moves focus for Tab. */
static GPtrArray *
kbd_tab_stops (GtkWidget *window)
{
  GPtrArray *stops = g_ptr_array_new ();

  gtk_root_set_focus (GTK_ROOT (window), NULL);
  for (guint i = 0; i < 400; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL || (stops->len > 0 && focus == g_ptr_array_index (stops, 0)))
        break;
      g_ptr_array_add (stops, focus);
    }

  return stops;
}

/* A Tab stop's name: its own, or for the text inside an entry, the entry's. */
static gboolean
kbd_stop_has_name (GtkWidget *stop)
{
  GtkWidget *parent = gtk_widget_get_parent (stop);
  GtkWidget *entry = parent != NULL ? gtk_widget_get_ancestor (parent, GTK_TYPE_EDITABLE) : NULL;

  if (has_name (stop))
    return TRUE;
  if (GTK_IS_TEXT (stop) && entry != NULL)
    return has_name (entry) ||
           gtk_test_accessible_has_property (GTK_ACCESSIBLE (entry),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL) ||
           gtk_widget_get_ancestor (stop, ADW_TYPE_ENTRY_ROW) != NULL;
  return FALSE;
}

/* Every Tab stop of @window and every control under it has a name. */
static void
kbd_check_window_names (GtkWidget  *window,
                        const char *where,
                        GString    *unnamed)
{
  g_autoptr(GPtrArray) stops = kbd_tab_stops (window);
  g_autoptr(GString) found = g_string_new (NULL);

  check_names (window, found);
  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *stop = g_ptr_array_index (stops, i);

      if (!kbd_stop_has_name (stop))
        g_string_append_printf (found, "Tab stop %s (%s)\n", G_OBJECT_TYPE_NAME (stop),
                                gtk_widget_get_css_name (stop));
    }
  if (found->len > 0)
    g_string_append_printf (unnamed, "%s:\n%s", where, found->str);
}

/* A status page titled @title is on screen under @root. */
static gboolean
status_page_shown (GtkWidget  *root,
                   const char *title)
{
  if (ADW_IS_STATUS_PAGE (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (root)), title) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (status_page_shown (child, title))
      return TRUE;
  return FALSE;
}

/* The home's "No Matching Cases" page is on screen. */
static gboolean
no_results_shown (RetractWindow *window)
{
  return status_page_shown (GTK_WIDGET (window), "No Matching Cases");
}

/* Issue 13: the home (list, search, no results), the overview beside it,
 * the welcome page and the shortcuts window: every control and every Tab
 * stop has a name. */
static void
test_keyboard_home_names (void)
{
  Harness harness;
  g_autoptr(GString) unnamed = g_string_new (NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GtkWindow *shortcuts;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  harness_wait_listed (&harness);
  g_assert_cmpstr (retract_window_get_view (harness.window), ==, "welcome");
  kbd_check_window_names (GTK_WIDGET (harness.window), "welcome", unnamed);
  harness_close_window (&harness);

  first = home_save_case (harness.store, "2026-11-24T11:30:00+08:00", "WX0001", FALSE);
  second = home_save_case (harness.store, "2026-11-24T12:30:00+08:00", NULL, TRUE);
  harness_open_window (&harness);
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 1000, 760);
  harness_wait_listed (&harness);
  retract_window_open_case (harness.window, first);
  harness_settle ();
  kbd_check_window_names (GTK_WIDGET (harness.window), "home", unnamed);

  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.search", NULL);
  harness_settle ();
  kbd_check_window_names (GTK_WIDGET (harness.window), "search", unnamed);
  gtk_editable_set_text (GTK_EDITABLE (harness_find (GTK_WIDGET (harness.window),
                                                     GTK_TYPE_SEARCH_ENTRY, NULL)),
                         "nothing like this");
  /* The search runs after the entry's delay (150 ms): wait for its page,
   * rather than check the list as it was before. */
  for (guint i = 0; i < 100 && !no_results_shown (harness.window); i++)
    harness_settle ();
  g_assert_true (no_results_shown (harness.window));
  kbd_check_window_names (GTK_WIDGET (harness.window), "no results", unnamed);

  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.show-help-overlay", NULL);
  harness_settle ();
  shortcuts = find_shortcuts_window ();
  g_assert_nonnull (shortcuts);
  kbd_check_window_names (GTK_WIDGET (shortcuts), "shortcuts", unnamed);
  gtk_window_close (shortcuts);

  if (unnamed->len > 0)
    g_error ("controls without an accessible name:\n%s", unnamed->str);

  harness_clear (&harness);
}

/* Issue 15 §5.1: focus starts on Start, not on the menu button (Enter
 * there opened the menu); with saved cases, on the cases. */
static void
test_keyboard_start_focus (void)
{
  Harness harness;
  g_autofree char *id = NULL;
  GtkWidget *focus;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  harness_wait_listed (&harness);
  focus = gtk_root_get_focus (GTK_ROOT (harness.window));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, "Start");
  harness_close_window (&harness);

  id = home_save_case (harness.store, "2026-11-24T11:30:00+08:00", "WX0001", FALSE);
  harness_open_window (&harness);
  harness_wait_listed (&harness);
  focus = gtk_root_get_focus (GTK_ROOT (harness.window));
  g_assert_nonnull (focus);
  g_assert_null (gtk_widget_get_ancestor (focus, ADW_TYPE_HEADER_BAR));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, ADW_TYPE_LEAFLET));

  harness_clear (&harness);
}

/* Issue 15 §5.2: each quick pick is one Tab stop, and activating it (what
 * Enter and Space do) sets the time. */
static void
test_keyboard_quick_picks (void)
{
  Harness harness;
  g_autoptr(GPtrArray) stops = NULL;
  GtkWidget *picks;
  GtkWidget *hour_ago = NULL;
  guint in_picks = 0;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  retract_window_start (harness.window, FALSE);
  harness_settle ();
  picks = harness_find (GTK_WIDGET (harness_page (&harness, "situation")), GTK_TYPE_FLOW_BOX,
                        NULL);
  g_assert_nonnull (picks);

  stops = kbd_tab_stops (GTK_WIDGET (harness.window));
  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *stop = g_ptr_array_index (stops, i);

      if (stop != picks && !gtk_widget_is_ancestor (stop, picks))
        continue;
      in_picks++;
      g_assert_true (GTK_IS_BUTTON (stop));
      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (stop)), "1 hour ago") == 0)
        hour_ago = stop;
    }
  g_assert_cmpuint (in_picks, ==, 5);
  g_assert_nonnull (hour_ago);

  g_assert_null (retract_case_get_filed_at (retract_window_get_case (harness.window)));
  gtk_widget_grab_focus (hour_ago);
  gtk_widget_activate (gtk_root_get_focus (GTK_ROOT (harness.window)));
  /* A button shows itself pressed for a moment before it is clicked. */
  harness_settle ();
  harness_settle ();
  {
    g_autoptr(GDateTime) expected = retract_time_parse ("2026-11-24T12:00:00+08:00", NULL);

    g_assert_nonnull (retract_case_get_filed_at (retract_window_get_case (harness.window)));
    g_assert_true (g_date_time_equal (retract_case_get_filed_at (
                                        retract_window_get_case (harness.window)), expected));
  }
  assert_step (&harness, "situation");

  harness_clear (&harness);
}

/* The rows among @stops under @root that do nothing, by their titles, one
 * a line; @n_under: how many of @stops are under @root. */
static char *
kbd_read_only_stops (GPtrArray *stops,
                     GtkWidget *root,
                     guint     *n_under)
{
  GString *read_only = g_string_new (NULL);

  *n_under = 0;
  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *stop = g_ptr_array_index (stops, i);

      if (!gtk_widget_is_ancestor (stop, root))
        continue;
      (*n_under)++;
      if (GTK_IS_LIST_BOX_ROW (stop) &&
          !gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (stop)))
        g_string_append_printf (read_only, "%s\n",
                                ADW_IS_PREFERENCES_ROW (stop)
                                ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (stop))
                                : G_OBJECT_TYPE_NAME (stop));
    }

  return g_string_free (read_only, FALSE);
}

/* Issue 15 §5.3: on the review, Tab goes only to what does something
 * (buttons, switches, the preview's controls); the rows that only show an
 * answer are no Tab stop, and a screen reader still reads them by their
 * title and value. Every stop has a name: the documents' flow box tiles,
 * which a screen reader called "GtkFlowBoxChild" before each document's
 * button, are no stop (as the situation page's quick picks), and the
 * preview's scroller, a stop for the keys that scroll a zoomed page, is
 * named by the preview (an unnamed "scroll pane" on session 22's walk). */
static void
test_keyboard_review_stops (void)
{
  Harness harness;
  g_autoptr(GPtrArray) stops = NULL;
  g_autofree char *read_only = NULL;
  g_autoptr(GString) unnamed = g_string_new (NULL);
  GtkWidget *review;
  GtkWidget *row;
  GtkWidget *preview_scroller;
  guint in_review = 0;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  retract_window_start (harness.window, FALSE);
  harness_settle ();
  harness_fill_situation (&harness, "wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  for (guint i = 0; i < 4; i++)
    harness_next (&harness);
  harness_fill_details (&harness);
  harness_next (&harness);
  assert_step (&harness, "review");
  review = GTK_WIDGET (harness_page (&harness, "review"));

  stops = kbd_tab_stops (GTK_WIDGET (harness.window));
  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *stop = g_ptr_array_index (stops, i);

      if (gtk_widget_is_ancestor (stop, review) && !kbd_stop_has_name (stop))
        g_string_append_printf (unnamed, "%s (%s)\n", G_OBJECT_TYPE_NAME (stop),
                                gtk_widget_get_css_name (stop));
    }
  read_only = kbd_read_only_stops (stops, review, &in_review);
  if (read_only[0] != '\0')
    g_error ("read-only rows that are Tab stops on the review:\n%s", read_only);
  if (unnamed->len > 0)
    g_error ("unnamed Tab stops on the review:\n%s", unnamed->str);
  /* The controls are still there: the Change buttons, the switches, the
   * documents' buttons, and the preview, which the keyboard scrolls. */
  g_assert_cmpuint (in_review, >=, 8);
  preview_scroller = gtk_widget_get_ancestor (harness_find (review, GTK_TYPE_DRAWING_AREA, NULL),
                                              GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (preview_scroller);
  g_assert_true (g_ptr_array_find (stops, preview_scroller, NULL));
  /* It is read as the preview is: "Preview of the letter". */
  {
    GtkWidget *preview = harness_find (review, GTK_TYPE_DRAWING_AREA, NULL);
    g_autofree char *other = gtk_test_accessible_check_relation (
      GTK_ACCESSIBLE (preview_scroller), GTK_ACCESSIBLE_RELATION_LABELLED_BY, preview, NULL);

    g_assert_null (other);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Preview of the letter");
  }

  /* The answers are still read: a row names itself by its title. */
  row = GTK_WIDGET (find_row (review, "Phone number"));
  g_assert_nonnull (row);
  g_assert_true (has_name (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "13800138000");

  harness_clear (&harness);
}

/* Session 22's keyboard walk: the app opened with focus on the overview's
 * read-only Limits row, and Tab stopped on every row of the overview. Rows
 * that only say something are no Tab stops; the controls are. */
static void
test_keyboard_overview_stops (void)
{
  Harness harness;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) stops = NULL;
  g_autofree char *read_only = NULL;
  GtkWidget *overview;
  guint in_overview = 0;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  id = home_save_case (harness.store, "2026-11-24T11:30:00+08:00", "WX0001", FALSE);
  harness_open_window (&harness);
  harness_wait_listed (&harness);
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 1000, 760);
  harness_settle ();
  retract_window_open_case (harness.window, id);
  harness_settle ();
  overview = harness_find (GTK_WIDGET (harness.window), RETRACT_TYPE_CASE_OVERVIEW, NULL);
  g_assert_nonnull (overview);

  stops = kbd_tab_stops (GTK_WIDGET (harness.window));
  for (guint i = 0; i < stops->len; i++)
    if (gtk_widget_is_ancestor (g_ptr_array_index (stops, i), overview))
      g_assert_true (kbd_stop_has_name (g_ptr_array_index (stops, i)));
  read_only = kbd_read_only_stops (stops, overview, &in_overview);
  if (read_only[0] != '\0')
    g_error ("read-only rows that are Tab stops on the overview:\n%s", read_only);
  /* The controls are still there: the step's button, Log Action…, the
   * endings, Delete, the channel's Copy or Open. */
  g_assert_cmpuint (in_overview, >=, 5);

  harness_clear (&harness);
}

/* Session 22's keyboard walk: GTK makes a step's scroller a Tab stop when
 * nothing inside takes focus (materials with nothing to prepare), and Next
 * lands there: it is named by the step's title, not an unnamed scroll pane. */
static void
test_keyboard_step_scrollers (void)
{
  static const char * const steps[] = {
    "situation", "circumstances", "result", "materials", "details", "review",
  };
  Harness harness;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  retract_window_start (harness.window, FALSE);
  harness_settle ();

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      RetractPage *page = harness_page (&harness, steps[i]);
      GtkWidget *scroller = harness_find (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL);

      g_assert_nonnull (scroller);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (scroller),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           retract_page_get_title (page));
    }

  harness_clear (&harness);
}

/* The first of the window's Tab stops on @step's page. */
static GtkWidget *
kbd_first_stop_on (Harness    *harness,
                   const char *step)
{
  g_autoptr(GPtrArray) stops = kbd_tab_stops (GTK_WIDGET (harness->window));
  GtkWidget *page = GTK_WIDGET (harness_page (harness, step));

  for (guint i = 0; i < stops->len; i++)
    if (gtk_widget_is_ancestor (g_ptr_array_index (stops, i), page))
      return g_ptr_array_index (stops, i);
  return NULL;
}

/* A focused widget as a person would point at it: its row, or its type. */
static char *
kbd_describe (GtkWidget *widget)
{
  GtkWidget *row = widget != NULL ? gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW)
                                  : NULL;

  if (row != NULL)
    return g_strdup_printf ("the row \"%s\"",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_strdup (widget != NULL ? G_OBJECT_TYPE_NAME (widget) : "nothing");
}

/* Session 22's keyboard walk: Next pressed on a step's control (Enter,
 * Alt+Right) lands on the next step's first control, where Tab from the
 * top would: the circumstances step opened on its fifth row, under the
 * special circumstances, and the answer and the materials on their scroll
 * pane, before the rows they build as they are shown. */
static void
test_keyboard_step_focus (void)
{
  static const char * const steps[] = {
    "situation", "circumstances", "result", "materials", "details", "review",
  };
  Harness harness;
  g_autoptr(GString) wrong = g_string_new (NULL);

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  retract_window_start (harness.window, FALSE);
  harness_settle ();
  harness_fill_situation (&harness, "wechat", "friend-report", "2026-11-24T10:00:00+08:00");

  for (guint i = 0; i + 1 < G_N_ELEMENTS (steps); i++)
    {
      GtkWidget *first = kbd_first_stop_on (&harness, steps[i]);
      GtkWidget *focus;

      g_assert_nonnull (first);
      gtk_widget_grab_focus (first);
      if (g_str_equal (steps[i], "details"))
        harness_fill_details (&harness);
      harness_next (&harness);
      assert_step (&harness, steps[i + 1]);
      focus = gtk_root_get_focus (GTK_ROOT (harness.window));
      first = kbd_first_stop_on (&harness, steps[i + 1]);
      if (focus != first)
        {
          g_autofree char *on = kbd_describe (focus);
          g_autofree char *expected = kbd_describe (first);

          g_string_append_printf (wrong, "%s: on %s, not %s\n", steps[i + 1], on, expected);
        }
    }
  if (wrong->len > 0)
    g_error ("Next did not land on the step's first control:\n%s", wrong->str);

  harness_clear (&harness);
}

/* A key pressed on the focused widget, as GTK hands it on: to the
 * widget's shortcuts, then its parent's, up to the window. */
static gboolean
kbd_press (Harness    *harness,
           const char *accelerator)
{
  for (GtkWidget *widget = gtk_root_get_focus (GTK_ROOT (harness->window)); widget != NULL;
       widget = gtk_widget_get_parent (widget))
    if (home_press_keys (widget, accelerator))
      return TRUE;
  return FALSE;
}

static gboolean
kbd_focus_in (Harness   *harness,
              GtkWidget *row)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (harness->window));

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

/* Walk item 1: Tab to WeChat, Down to Alipay, Space chose Alipay, but the
 * page rebuilt every row for the new platform and the focus went back to
 * WeChat, where the next Space chose WeChat again. The platform rows stay,
 * and the focus on the one chosen. */
static void
test_keyboard_platform_focus (void)
{
  Harness harness;
  RetractCase *kase;
  GtkWidget *page;
  GtkWidget *wechat;
  GtkWidget *alipay;
  GtkWidget *first;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  retract_window_start (harness.window, FALSE);
  harness_settle ();
  kase = retract_window_get_case (harness.window);
  page = GTK_WIDGET (harness_page (&harness, "situation"));
  wechat = GTK_WIDGET (find_row (page, "WeChat"));
  alipay = GTK_WIDGET (find_row (page, "Alipay"));
  g_assert_nonnull (wechat);
  g_assert_nonnull (alipay);
  g_object_add_weak_pointer (G_OBJECT (alipay), (gpointer *) &alipay);

  first = kbd_first_stop_on (&harness, "situation");
  g_assert_true (first == wechat || gtk_widget_is_ancestor (first, wechat));
  gtk_widget_grab_focus (first);
  g_assert_true (kbd_press (&harness, "Down"));
  g_assert_true (kbd_focus_in (&harness, alipay));

  g_assert_true (kbd_press (&harness, "space"));
  g_assert_cmpstr (retract_case_get_platform (kase), ==, "alipay");
  g_assert_cmpstr (retract_case_get_complaint_type (kase), ==, "general");
  g_assert_true (kbd_focus_in (&harness, GTK_WIDGET (find_row (page, "Alipay"))));
  /* Not rebuilt: only the complaint types follow the platform. */
  g_assert_nonnull (alipay);

  /* Space again keeps Alipay and its type. */
  kbd_press (&harness, "space");
  g_assert_cmpstr (retract_case_get_platform (kase), ==, "alipay");
  g_assert_cmpstr (retract_case_get_complaint_type (kase), ==, "general");
  g_assert_true (kbd_focus_in (&harness, alipay));

  /* Up and Space go back to WeChat, with the focus. */
  g_assert_true (kbd_press (&harness, "Up"));
  g_assert_true (kbd_press (&harness, "space"));
  g_assert_cmpstr (retract_case_get_platform (kase), ==, "wechat");
  g_assert_null (retract_case_get_complaint_type (kase));
  g_assert_true (kbd_focus_in (&harness, wechat));
  g_assert_nonnull (alipay);
  g_object_remove_weak_pointer (G_OBJECT (alipay), (gpointer *) &alipay);

  harness_clear (&harness);
}

/* Whether @row shows its answer chosen: its radio on, or the check mark a
 * platform's only type has instead. */
static gboolean
situation_row_chosen (GtkWidget *row)
{
  GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  GtkWidget *mark = harness_find (row, GTK_TYPE_IMAGE, NULL);

  if (check != NULL)
    return gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
  return mark != NULL && gtk_widget_get_visible (mark) &&
         g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (mark)), "object-select-symbolic") == 0;
}

/* Walk item 10: Alipay's only complaint type was a check box: unticked,
 * it showed no type while the case kept one and Next stayed on. Whatever
 * the person does on the row, it shows what the case holds and Next
 * follows. */
static void
test_situation_sole_type (void)
{
  Harness harness;
  RetractCase *kase;
  GtkWidget *page;
  GtkWidget *row;

  harness_start_case (&harness, "2026-11-24T13:00:00+08:00", "wechat", "friend-report",
                      "2026-11-24T10:00:00+08:00");
  kase = retract_window_get_case (harness.window);
  page = GTK_WIDGET (harness_page (&harness, "situation"));
  gtk_widget_activate (adw_action_row_get_activatable_widget (find_row (page, "Alipay")));
  harness_settle ();
  g_assert_cmpstr (retract_case_get_platform (kase), ==, "alipay");
  g_assert_cmpstr (retract_case_get_complaint_type (kase), ==, "general");
  row = GTK_WIDGET (find_row (page, "Alipay complaint"));
  g_assert_nonnull (row);
  g_assert_true (situation_row_chosen (row));
  g_assert_true (harness_next_enabled (&harness));

  /* What Space or a click does on the row, twice. */
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *control = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      gtk_widget_activate (control != NULL ? control : row);
      harness_settle ();
      g_assert_cmpint (situation_row_chosen (row), ==,
                       g_strcmp0 (retract_case_get_complaint_type (kase), "general") == 0);
      g_assert_cmpint (harness_next_enabled (&harness), ==, situation_row_chosen (row));
    }
  g_assert_cmpstr (retract_case_get_complaint_type (kase), ==, "general");

  /* A case saved without it shows it not chosen, and activating the row
   * chooses it. */
  retract_case_set_complaint_type (kase, NULL);
  harness_settle ();
  g_assert_false (situation_row_chosen (row));
  g_assert_false (harness_next_enabled (&harness));
  gtk_widget_activate (row);
  harness_settle ();
  g_assert_cmpstr (retract_case_get_complaint_type (kase), ==, "general");
  g_assert_true (situation_row_chosen (row));
  g_assert_true (harness_next_enabled (&harness));

  harness_clear (&harness);
}

/* Issue 15 §5.6: every line of the shortcuts window shows its keys, and
 * Page Down is written as words. */
static void
test_keyboard_shortcuts_window (void)
{
  Harness harness;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWindow *shortcuts;
  guint n = 0;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.show-help-overlay", NULL);
  harness_settle ();
  shortcuts = find_shortcuts_window ();
  g_assert_nonnull (shortcuts);

  for (GtkWidget *widget = GTK_WIDGET (shortcuts); widget != NULL;)
    {
      /* Depth first over the whole window. */
      if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
        {
          g_autofree char *title = NULL;
          g_autofree char *accelerator = NULL;

          g_object_get (widget, "title", &title, "accelerator", &accelerator, NULL);
          if (accelerator == NULL || *accelerator == '\0')
            g_error ("the shortcut \"%s\" shows no keys", title);
          n++;
        }
      if (GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUT_LABEL))
        g_assert_null (strchr (gtk_label_get_label (GTK_LABEL (widget)), '_'));

      if (gtk_widget_get_first_child (widget) != NULL)
        widget = gtk_widget_get_first_child (widget);
      else
        {
          while (widget != NULL && widget != GTK_WIDGET (shortcuts) &&
                 gtk_widget_get_next_sibling (widget) == NULL)
            widget = gtk_widget_get_parent (widget);
          widget = widget == NULL || widget == GTK_WIDGET (shortcuts)
                   ? NULL : gtk_widget_get_next_sibling (widget);
        }
    }
  g_assert_cmpuint (n, >=, 8);
  g_assert_true (shows_label_containing (GTK_WIDGET (shortcuts), "Page Down"));
  g_assert_true (shows_label_containing (GTK_WIDGET (shortcuts), "Quit"));
  gtk_window_close (shortcuts);

  harness_clear (&harness);
}

/* Issue 15 §5.6: the step keys are the wizard's before the focused widget
 * sees them (a text field kept Alt+Left): they are caught in the capture
 * phase, and move between steps. */
static void
test_keyboard_step_keys_in_fields (void)
{
  static const char * const keys[] = {
    "<Alt>Left", "<Alt>Right", "<Control>Page_Up", "<Control>Page_Down"
  };
  Harness harness;
  RetractWizard *wizard;
  g_autoptr(GListModel) controllers = NULL;
  GtkShortcutController *capture = NULL;

  harness_start_case (&harness, "2026-11-24T13:00:00+08:00", "wechat", "friend-report",
                      "2026-11-24T10:00:00+08:00");
  wizard = retract_window_get_wizard (harness.window);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (wizard));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        capture = GTK_SHORTCUT_CONTROLLER (controller);
    }
  g_assert_nonnull (capture);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (keys[k]);
      gboolean next = k % 2 == 1;
      gboolean found = FALSE;

      retract_wizard_go_to (wizard, "circumstances");
      harness_settle ();
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (capture)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (capture), j);

          if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            continue;
          found = TRUE;
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                       GTK_WIDGET (wizard), NULL));
        }
      g_assert_true (found);
      harness_settle ();
      assert_step (&harness, next ? "result" : "situation");
    }

  harness_clear (&harness);
}

/* Issue 15 §5.12: picking a day does not scroll the page under the date
 * popover (the popover moved with it). */
static void
test_keyboard_date_popover_still (void)
{
  Harness harness;
  GtkWidget *page;
  GtkMenuButton *time_button;
  GtkAdjustment *vadjustment;
  GtkWidget *calendar;
  double before;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 720, 560);
  retract_window_start (harness.window, FALSE);
  harness_fill_situation (&harness, "wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  retract_wizard_go_to (retract_window_get_wizard (harness.window), "situation");
  harness_settle ();
  page = GTK_WIDGET (harness_page (&harness, "situation"));
  time_button = GTK_MENU_BUTTON (harness_find (page, GTK_TYPE_MENU_BUTTON, NULL));
  vadjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (harness_find (page, GTK_TYPE_SCROLLED_WINDOW, NULL)));

  /* The time row near the top of the window, the page under it free to
   * scroll either way. */
  gtk_widget_grab_focus (GTK_WIDGET (time_button));
  harness_settle ();
  {
    GtkWidget *content = gtk_scrolled_window_get_child (
      GTK_SCROLLED_WINDOW (harness_find (page, GTK_TYPE_SCROLLED_WINDOW, NULL)));
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (time_button), content, &bounds));
    g_assert_cmpfloat (bounds.origin.y, >, 200);
    gtk_adjustment_set_value (vadjustment, bounds.origin.y - 150);
  }
  harness_settle ();
  before = gtk_adjustment_get_value (vadjustment);
  g_assert_cmpfloat (before, >, 0);
  g_assert_cmpfloat (before, <, gtk_adjustment_get_upper (vadjustment) -
                                gtk_adjustment_get_page_size (vadjustment) - 50);

  gtk_menu_button_popup (time_button);
  harness_settle ();
  calendar = harness_find (GTK_WIDGET (gtk_menu_button_get_popover (time_button)),
                           GTK_TYPE_CALENDAR, NULL);
  g_assert_nonnull (calendar);
  for (int day = 20; day <= 23; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (2026, 11, day, 12, 0, 0);

      gtk_calendar_select_day (GTK_CALENDAR (calendar), date);
      gtk_widget_grab_focus (calendar);
      harness_settle ();
      g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, before);
    }
  gtk_menu_button_popdown (time_button);
  harness_settle ();

  harness_clear (&harness);
}

static GtkLabel *
kbd_find_label_starting (GtkWidget  *root,
                         const char *prefix)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = kbd_find_label_starting (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Issue 15 §5.10: at 360 px the recommended channel's heading wraps, whole,
 * rather than ending in "…". */
static void
test_keyboard_narrow_headings_wrap (void)
{
  Harness harness;
  GtkLabel *heading;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 360, 700);
  retract_window_start (harness.window, FALSE);
  harness_fill_situation (&harness, "wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  retract_wizard_go_to (retract_window_get_wizard (harness.window), "result");
  harness_settle ();
  assert_step (&harness, "result");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (harness.window)), <=, 360);

  heading = kbd_find_label_starting (GTK_WIDGET (harness_page (&harness, "result")),
                                     "Recommended: ");
  g_assert_nonnull (heading);
  g_assert_true (gtk_label_get_wrap (heading));
  g_assert_cmpint (gtk_label_get_ellipsize (heading), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (heading)));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (heading)), >, 1);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (heading)), <, 360);
  if (g_getenv ("RETRACT_SCREENSHOTS") != NULL)
    harness_save_png (GTK_WIDGET (harness.window), g_getenv ("RETRACT_SCREENSHOTS"));

  harness_clear (&harness);
}

/* A case's status badge says the same in the list and on the case's own
 * page, in Chinese too (a resolved case was 已撤销 in the list and 已完成
 * on its page). */
static void
test_home_status_same_words (void)
{
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));
  Harness harness;
  g_autofree char *done = NULL;
  GtkWidget *overview;
  GtkWidget *badge;
  const char *words;

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RETRACT_LOCALEDIR") != NULL
                                   ? g_getenv ("RETRACT_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "");
  words = retract_case_status_get_label (RETRACT_STATUS_DONE);
  g_assert_cmpstr (words, !=, "Done");

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  done = home_save_case (harness.store, "2026-11-24T09:00:00+08:00", "WX0003", TRUE);
  harness_open_window (&harness);
  harness_wait_listed (&harness);
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 1000, 760);
  harness_settle ();
  retract_window_open_case (harness.window, done);
  harness_settle ();

  g_assert_true (shows_label_containing (home_find_row (&harness, done), words));
  overview = harness_find (GTK_WIDGET (harness.window), RETRACT_TYPE_CASE_OVERVIEW, NULL);
  g_assert_nonnull (overview);
  badge = harness_find (overview, GTK_TYPE_LABEL, retract_case_status_to_id (RETRACT_STATUS_DONE));
  g_assert_nonnull (badge);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (badge)), ==, words);

  harness_clear (&harness);
  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

static void
test_home_list_order (void)
{
  Harness harness;
  g_autofree char *done = NULL;
  g_autofree char *later = NULL;
  g_autofree char *sooner = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *ids = NULL;
  g_autoptr(GString) unnamed = g_string_new (NULL);
  GtkWidget *row;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  /* Saved in the wrong order on purpose. */
  done = home_save_case (harness.store, "2026-11-24T09:00:00+08:00", "WX0003", TRUE);
  later = home_save_case (harness.store, "2026-11-24T12:30:00+08:00", NULL, FALSE);
  sooner = home_save_case (harness.store, "2026-11-24T11:30:00+08:00", "WX0001", FALSE);
  harness_open_window (&harness);
  harness_wait_listed (&harness);

  g_assert_cmpstr (retract_window_get_view (harness.window), ==, "home");
  /* Act now, soonest deadline first; done last. */
  expected = g_strdup_printf ("%s %s %s", sooner, later, done);
  ids = home_shown_ids (&harness);
  g_assert_cmpstr (ids, ==, expected);
  /* The core's order, not a widget's. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                      retract_window_get_case_list (harness.window))), ==, 3);

  /* Wide enough for both panes: the first case is open beside the list. */
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 1000, 760);
  harness_settle ();
  g_assert_false (adw_leaflet_get_folded (retract_window_get_leaflet (harness.window)));
  g_assert_cmpstr (retract_case_get_id (retract_window_get_case (harness.window)), ==, sooner);

  row = home_find_row (&harness, sooner);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_suffix (retract_case_list_row_get_deadline_text (
                                     RETRACT_CASE_LIST_ROW (row)), "(Beijing time)") ||
                 strstr (retract_case_list_row_get_deadline_text (RETRACT_CASE_LIST_ROW (row)),
                         " left · by ") != NULL);
  g_assert_true (shows_label_containing (row, "Act now"));
  g_assert_true (shows_label_containing (row, "WX0001"));
  g_assert_true (shows_label_containing (home_find_row (&harness, later), "No number yet"));
  g_assert_true (shows_label_containing (home_find_row (&harness, done), "Done"));

  /* Selecting another case opens it, fully loaded. */
  retract_case_list_pane_select (retract_window_get_list_pane (harness.window), NULL);
  {
    GtkSelectionModel *selection = GTK_SELECTION_MODEL (
      retract_case_list_pane_get_shown (retract_window_get_list_pane (harness.window)));

    gtk_selection_model_select_item (selection, 2, TRUE);
  }
  harness_settle ();
  g_assert_cmpstr (retract_case_get_id (retract_window_get_case (harness.window)), ==, done);
  g_assert_cmpstr (retract_case_get_detail (retract_window_get_case (harness.window),
                                            RETRACT_DETAIL_COMPLAINT_NUMBER), ==, "WX0003");

  /* Every control of the home is named, the search bar's too. */
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.search", NULL);
  harness_settle ();
  check_names (GTK_WIDGET (harness.window), unnamed);
  if (unnamed->len > 0)
    g_error ("controls without an accessible name:\n%s", unnamed->str);

  harness_clear (&harness);
}

static void
test_home_delete_undo (void)
{
  Harness harness;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *ids = NULL;
  AdwToast *toast;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  first = home_save_case (harness.store, "2026-11-24T11:30:00+08:00", "WX0001", FALSE);
  second = home_save_case (harness.store, "2026-11-24T12:30:00+08:00", "WX0002", FALSE);
  harness_open_window (&harness);
  harness_wait_listed (&harness);

  /* Deleted from the list at once, held back on disk by the toast; the
   * pane where it was says no case is selected, not a blank. */
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 1000, 760);
  retract_window_open_case (harness.window, first);
  harness_settle ();
  g_assert_false (status_page_shown (GTK_WIDGET (harness.window), "No Case Selected"));
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.delete-case", "s", first);
  harness_settle ();
  ids = home_shown_ids (&harness);
  g_assert_cmpstr (ids, ==, second);
  g_assert_true (status_page_shown (GTK_WIDGET (harness.window), "No Case Selected"));
  g_assert_true (home_file_exists (harness.store, first));
  g_assert_nonnull (retract_window_get_delete_toast (harness.window, first));

  /* Undo brings it back, as it was. */
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.undo-delete", "s", first);
  harness_settle ();
  g_clear_pointer (&ids, g_free);
  ids = home_shown_ids (&harness);
  g_assert_true (strstr (ids, first) != NULL);
  g_assert_true (home_file_exists (harness.store, first));
  g_assert_null (retract_window_get_delete_toast (harness.window, first));
  g_assert_cmpstr (retract_case_get_id (retract_window_get_case (harness.window)), ==, first);

  /* Delete on the selected row does the same; when the toast goes, the
   * file goes. */
  retract_case_list_pane_select (retract_window_get_list_pane (harness.window), second);
  g_assert_true (home_press_keys (GTK_WIDGET (retract_window_get_list_pane (harness.window)),
                             "Delete"));
  toast = retract_window_get_delete_toast (harness.window, second);
  g_assert_nonnull (toast);
  g_assert_true (home_file_exists (harness.store, second));
  adw_toast_dismiss (toast);
  harness_wait_listed (&harness);
  g_assert_false (home_file_exists (harness.store, second));
  g_clear_pointer (&ids, g_free);
  ids = home_shown_ids (&harness);
  g_assert_cmpstr (ids, ==, first);

  /* A deletion still held back when the window closes happens then. */
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.delete-case", "s", first);
  harness_settle ();
  g_assert_true (home_file_exists (harness.store, first));
  harness_close_window (&harness);
  g_assert_false (home_file_exists (harness.store, first));

  harness_clear (&harness);
}

/* The single case.json of earlier versions: the app opens on its overview. */
static void
test_home_migration (void)
{
  static const char legacy_text[] =
    "{\"format\": 1, \"platform\": \"wechat\", \"type\": \"payment-dispute\", "
    "\"filed_at\": \"2026-11-24T10:00:00+08:00\", \"narrative\": \"旧的案件\"}";
  Harness harness;
  g_autofree char *legacy = NULL;
  RetractCase *kase;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  g_assert_cmpint (g_mkdir_with_parents (retract_store_get_directory (harness.store), 0700), ==,
                   0);
  legacy = g_build_filename (retract_store_get_directory (harness.store), "case.json", NULL);
  g_assert_true (g_file_set_contents (legacy, legacy_text, -1, NULL));

  harness_open_window (&harness);
  harness_wait_listed (&harness);
  g_assert_cmpstr (retract_window_get_view (harness.window), ==, "home");
  g_assert_true (adw_leaflet_get_visible_child (retract_window_get_leaflet (harness.window)) !=
                 GTK_WIDGET (retract_window_get_list_pane (harness.window)));
  kase = retract_window_get_case (harness.window);
  g_assert_nonnull (kase);
  g_assert_cmpstr (retract_case_get_complaint_type (kase), ==, "payment-dispute");
  g_assert_cmpstr (retract_case_get_detail (kase, RETRACT_DETAIL_NARRATIVE), ==, "旧的案件");
  g_assert_false (g_file_test (legacy, G_FILE_TEST_EXISTS));

  /* Narrow, it is still the overview that shows. */
  harness_close_window (&harness);
  harness_open_window (&harness);
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 400, 700);
  harness_wait_listed (&harness);
  g_assert_cmpstr (retract_case_get_complaint_type (retract_window_get_case (harness.window)), ==,
                   "payment-dispute");

  harness_clear (&harness);
}

static void
test_home_search (void)
{
  Harness harness;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *ids = NULL;
  GtkWidget *entry;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  first = home_save_case (harness.store, "2026-11-24T11:30:00+08:00", "WX20261124001", FALSE);
  second = home_save_case (harness.store, "2026-11-24T12:30:00+08:00", "WX20261124777", FALSE);
  harness_open_window (&harness);
  harness_wait_listed (&harness);

  /* Ctrl+F opens the search bar. */
  g_assert_true (home_press_keys (GTK_WIDGET (harness.window), "<Control>f"));
  g_assert_true (gtk_search_bar_get_search_mode (
                   retract_case_list_pane_get_search_bar (
                     retract_window_get_list_pane (harness.window))));
  entry = harness_find (GTK_WIDGET (harness.window), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (entry);

  gtk_editable_set_text (GTK_EDITABLE (entry), "777");
  harness_settle ();
  harness_settle ();
  ids = home_shown_ids (&harness);
  g_assert_cmpstr (ids, ==, second);

  gtk_editable_set_text (GTK_EDITABLE (entry), "no such case");
  harness_settle ();
  harness_settle ();
  g_clear_pointer (&ids, g_free);
  ids = home_shown_ids (&harness);
  g_assert_cmpstr (ids, ==, "");
  g_assert_true (shows_label_containing (GTK_WIDGET (harness.window), "No Matching Cases"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  harness_settle ();
  harness_settle ();
  g_clear_pointer (&ids, g_free);
  ids = home_shown_ids (&harness);
  g_assert_cmpuint (strlen (ids), ==, 2 * 32 + 1);

  harness_clear (&harness);
}

/* The window's first size, the setting's default, is wide enough for the
 * list beside the open case: it does not open folded. */
static void
test_home_default_width (void)
{
  Harness harness;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  first = home_save_case (harness.store, "2026-11-24T11:30:00+08:00", "WX0001", FALSE);
  second = home_save_case (harness.store, "2026-11-24T12:30:00+08:00", "WX0002", FALSE);
  harness_open_window (&harness);
  harness_wait_listed (&harness);

  g_assert_false (adw_leaflet_get_folded (retract_window_get_leaflet (harness.window)));
  g_assert_cmpstr (retract_case_get_id (retract_window_get_case (harness.window)), ==, first);
  harness_clear (&harness);
}

static void
test_home_keys (void)
{
  Harness harness;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  AdwLeaflet *leaflet;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  first = home_save_case (harness.store, "2026-11-24T11:30:00+08:00", "WX0001", FALSE);
  second = home_save_case (harness.store, "2026-11-24T12:30:00+08:00", "WX0002", FALSE);
  harness_open_window (&harness);
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 400, 700);
  harness_wait_listed (&harness);
  leaflet = retract_window_get_leaflet (harness.window);

  /* Narrow: one pane at a time, the list first. */
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) ==
                 GTK_WIDGET (retract_window_get_list_pane (harness.window)));
  retract_window_open_case (harness.window, second);
  harness_settle ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) !=
                 GTK_WIDGET (retract_window_get_list_pane (harness.window)));

  /* Alt+Left goes back to the list. */
  g_assert_true (home_press_keys (GTK_WIDGET (harness.window), "<Alt>Left"));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) ==
                 GTK_WIDGET (retract_window_get_list_pane (harness.window)));

  /* Ctrl+N adds a case and starts the wizard; the others stay. */
  g_assert_true (home_press_keys (GTK_WIDGET (harness.window), "<Control>n"));
  g_assert_cmpstr (retract_window_get_view (harness.window), ==, "wizard");
  g_assert_cmpstr (retract_case_get_id (retract_window_get_case (harness.window)), !=, first);
  g_assert_cmpstr (retract_case_get_id (retract_window_get_case (harness.window)), !=, second);
  harness_fill_situation (&harness, "wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  retract_window_flush_save (harness.window);
  harness_wait_listed (&harness);
  g_assert_true (home_file_exists (harness.store, first));
  g_assert_true (home_file_exists (harness.store, second));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                      retract_window_get_case_list (harness.window))), ==, 3);

  /* Alt+Left in the wizard stays the wizard's (previous step). */
  g_assert_false (home_press_keys (GTK_WIDGET (harness.window), "<Alt>Left"));

  /* All Cases goes home, with the new case listed. */
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.show-home", NULL);
  harness_settle ();
  g_assert_cmpstr (retract_window_get_view (harness.window), ==, "home");

  /* The shortcuts window lists them all. */
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.show-help-overlay", NULL);
  harness_settle ();
  {
    GtkWindow *shortcuts = find_shortcuts_window ();

    g_assert_nonnull (shortcuts);
    g_assert_true (shows_label_containing (GTK_WIDGET (shortcuts), "New case"));
    g_assert_true (shows_label_containing (GTK_WIDGET (shortcuts), "Search cases"));
    g_assert_true (shows_label_containing (GTK_WIDGET (shortcuts), "Delete the selected case"));
    g_assert_true (shows_label_containing (GTK_WIDGET (shortcuts), "Back to the list"));
    gtk_window_close (shortcuts);
  }

  harness_clear (&harness);
}

static guint
home_n_saved (RetractStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = retract_store_list_cases (store, NULL, &error);

  g_assert_no_error (error);
  return cases->len;
}

static void
home_go_home (Harness *harness)
{
  gtk_widget_activate_action (GTK_WIDGET (harness->window), "win.show-home", NULL);
  harness_wait_listed (harness);
}

/* A new case is saved once its complaint type is chosen: Ctrl+N left for
 * the home before that leaves nothing, where each one saved a blank case
 * that the list and overview named "WeChat · (null)" (walkthrough of
 * session 22). The home shows the welcome page or the list, not the blank
 * case; closing the window saves nothing of it either. A case saved once is
 * kept and shown even when its type is then taken away. */
static void
test_home_blank_new_case (void)
{
  Harness harness;
  g_autofree char *saved = NULL;
  g_autofree char *typed = NULL;
  g_autoptr(GPtrArray) blanks = g_ptr_array_new_with_free_func (g_free);
  RetractCase *kase;
  AdwLeaflet *leaflet;

  /* Nothing saved: the welcome page again. */
  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  harness_wait_listed (&harness);
  g_assert_cmpstr (retract_window_get_view (harness.window), ==, "welcome");
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.new-case", NULL);
  harness_settle ();
  g_assert_cmpstr (retract_window_get_view (harness.window), ==, "wizard");
  g_ptr_array_add (blanks, g_strdup (retract_case_get_id (retract_window_get_case (harness.window))));
  retract_window_flush_save (harness.window);
  home_go_home (&harness);
  g_assert_cmpstr (retract_window_get_view (harness.window), ==, "welcome");
  g_assert_cmpuint (home_n_saved (harness.store), ==, 0);
  harness_close_window (&harness);

  /* One saved case: Ctrl+N, Ctrl+N again in the wizard, then the home. */
  saved = home_save_case (harness.store, "2026-11-24T11:30:00+08:00", "WX0001", FALSE);
  harness_open_window (&harness);
  harness_wait_listed (&harness);
  leaflet = retract_window_get_leaflet (harness.window);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (home_press_keys (GTK_WIDGET (harness.window), "<Control>n"));
      g_assert_cmpstr (retract_window_get_view (harness.window), ==, "wizard");
      g_ptr_array_add (blanks,
                       g_strdup (retract_case_get_id (retract_window_get_case (harness.window))));
    }
  home_go_home (&harness);
  g_assert_cmpstr (retract_window_get_view (harness.window), ==, "home");
  g_assert_null (retract_window_get_case (harness.window));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) ==
                 GTK_WIDGET (retract_window_get_list_pane (harness.window)));
  {
    g_autofree char *ids = home_shown_ids (&harness);

    g_assert_cmpstr (ids, ==, saved);
  }
  g_assert_false (shows_label_containing (GTK_WIDGET (harness.window), "(null)"));
  g_assert_cmpuint (home_n_saved (harness.store), ==, 1);
  for (guint i = 0; i < blanks->len; i++)
    g_assert_false (home_file_exists (harness.store, g_ptr_array_index (blanks, i)));

  /* Its type chosen, the new case is saved, listed and shown. */
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.new-case", NULL);
  harness_fill_situation (&harness, "wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  typed = g_strdup (retract_case_get_id (retract_window_get_case (harness.window)));
  home_go_home (&harness);
  g_assert_true (home_file_exists (harness.store, typed));
  g_assert_cmpuint (home_n_saved (harness.store), ==, 2);
  g_assert_cmpstr (retract_case_get_id (retract_window_get_case (harness.window)), ==, typed);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) !=
                 GTK_WIDGET (retract_window_get_list_pane (harness.window)));

  /* Saved once, it stays when its type goes (another platform chosen). */
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.edit-answers", "i", 0);
  harness_settle ();
  kase = retract_window_get_case (harness.window);
  retract_case_set_complaint_type (kase, NULL);
  home_go_home (&harness);
  g_assert_true (retract_window_get_case (harness.window) == kase);
  g_assert_true (home_file_exists (harness.store, typed));
  g_assert_true (shows_label_containing (GTK_WIDGET (harness.window),
                                         "WeChat · complaint type not chosen"));
  g_assert_false (shows_label_containing (GTK_WIDGET (harness.window), "(null)"));

  /* Closing the window with a new case still blank saves nothing of it. */
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.new-case", NULL);
  harness_settle ();
  g_ptr_array_add (blanks, g_strdup (retract_case_get_id (retract_window_get_case (harness.window))));
  retract_window_save_state (harness.window);
  harness_close_window (&harness);
  g_assert_cmpuint (home_n_saved (harness.store), ==, 2);
  g_assert_false (home_file_exists (harness.store, g_ptr_array_index (blanks, blanks->len - 1)));

  harness_clear (&harness);
}

/* The wizard's history question is about requests made outside Retract;
 * next to it, the count Retract already knows from the other cases. */
static void
test_circumstances_known_count (void)
{
  Harness harness;
  g_autoptr(RetractCase) other = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse ("2026-11-24T09:00:00+08:00", NULL);
  g_autoptr(GDateTime) sent = retract_time_parse ("2026-11-24T09:30:00+08:00", NULL);
  RetractCaseEvent *event = retract_case_event_new (RETRACT_EVENT_SUBMITTED, sent);
  RetractCircumstancesPage *page;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  retract_case_set_platform (other, "wechat");
  retract_case_set_complaint_type (other, "friend-report");
  retract_case_set_filed_at (other, filed);
  event->channel = g_strdup ("web-ticket");
  retract_case_add_event (other, event);
  g_assert_true (retract_store_save_case (harness.store, other, NULL));

  harness_open_window (&harness);
  harness_wait_listed (&harness);
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.new-case", NULL);
  harness_fill_situation (&harness, "wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  harness_next (&harness);
  assert_step (&harness, "circumstances");
  page = RETRACT_CIRCUMSTANCES_PAGE (harness_page (&harness, "circumstances"));
  g_assert_true (shows_label_containing (GTK_WIDGET (page),
                                         "Withdrawal requests made outside Retract this month"));
  g_assert_cmpstr (retract_circumstances_page_get_known_text (page), ==,
                   "1 more logged in Retract");

  /* What the user types is the outside count only: the known one stays. */
  retract_case_set_withdrawals_this_month (retract_window_get_case (harness.window), 2);
  harness_settle ();
  g_assert_cmpstr (retract_circumstances_page_get_known_text (page), ==,
                   "1 more logged in Retract");

  /* Another platform's requests are not counted. */
  retract_case_set_platform (retract_window_get_case (harness.window), "alipay");
  harness_settle ();
  g_assert_cmpstr (retract_circumstances_page_get_known_text (page), ==,
                   "0 more logged in Retract");

  harness_clear (&harness);
}

/* Export Case File… then Import Case File… into an empty library: the same
 * cases come back, listed; a file that is not one is refused with a toast. */
static void
test_home_import_export (void)
{
  Harness harness;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "export.json", NULL);
  g_autofree char *bad = g_build_filename (g_get_user_data_dir (), "not-cases.json", NULL);
  g_autofree char *ids = NULL;
  g_autofree char *after = NULL;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  first = home_save_case (harness.store, "2026-11-24T11:30:00+08:00", "WX0001", FALSE);
  second = home_save_case (harness.store, "2026-11-24T12:30:00+08:00", "WX0002", TRUE);
  harness_open_window (&harness);
  harness_wait_listed (&harness);
  ids = home_shown_ids (&harness);

  g_assert_true (retract_window_export_cases (harness.window, path));
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.delete-data", NULL);
  harness_settle ();
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

        on_delete_dialog (window);
      }
  }
  harness_wait_listed (&harness);
  g_assert_false (home_file_exists (harness.store, first));
  g_assert_cmpstr (retract_window_get_view (harness.window), ==, "welcome");

  retract_window_import_cases (harness.window, path);
  harness_wait_listed (&harness);
  g_assert_true (home_file_exists (harness.store, first));
  g_assert_true (home_file_exists (harness.store, second));
  after = home_shown_ids (&harness);
  g_assert_cmpstr (after, ==, ids);

  g_assert_true (g_file_set_contents (bad, "{\"format\": 1, \"cases\": []}", -1, NULL));
  /* Refused (a toast says why, after the ones before it): nothing changes. */
  retract_window_import_cases (harness.window, bad);
  harness_wait_listed (&harness);
  g_clear_pointer (&after, g_free);
  after = home_shown_ids (&harness);
  g_assert_cmpstr (after, ==, ids);

  harness_clear (&harness);
}

static void
respond (const char *response)
{
  GtkWindow *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  /* What a click on the response's button does. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_close (dialog);
  harness_settle ();
}

/* An import that fails as it is written (here the saved case's file was
 * made a folder while the Replace Newer Answers? dialog asked) is refused
 * the same way as a file that is not a case file: its reason behind
 * Details, until it is closed (it went in 5 s, the reason cut short in the
 * toast's one line). */
static void
test_home_import_fails_late (void)
{
  Harness harness;
  g_autofree char *id = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "export.json", NULL);
  g_autofree char *saved_path = NULL;
  g_autoptr(RetractCase) changed = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  id = home_save_case (harness.store, "2026-11-24T11:30:00+08:00", "WX0001", FALSE);
  harness_open_window (&harness);
  harness_wait_listed (&harness);
  g_assert_true (retract_window_export_cases (harness.window, path));
  harness_settle ();
  dismiss_toast (GTK_WIDGET (harness.window));

  /* Changed here after the export (a second later: times are to the second). */
  g_usleep (1100 * 1000);
  changed = retract_store_load_case (harness.store, id, &error);
  g_assert_no_error (error);
  retract_case_set_detail (changed, RETRACT_DETAIL_COMPLAINT_NUMBER, "WX9999");
  g_assert_true (retract_store_save_case (harness.store, changed, &error));
  g_assert_no_error (error);

  retract_window_import_cases (harness.window, path);
  harness_settle ();
  saved_path = retract_store_dup_case_path (harness.store, id);
  g_assert_no_errno (g_unlink (saved_path));
  g_assert_no_errno (g_mkdir (saved_path, 0700));
  respond ("keep");

  toast = shown_toast (GTK_WIDGET (harness.window));
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "This case file could not be imported");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "Details");
  g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 0);

  g_assert_no_errno (g_rmdir (saved_path));
  harness_clear (&harness);
}

/* Save Reminders…: one calendar, an event for each open case's next step. */
static void
test_home_reminders (void)
{
  Harness harness;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *done = NULL;
  g_autofree char *ics = NULL;
  g_autoptr(GError) error = NULL;
  const char *at;
  guint events = 0;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  first = home_save_case (harness.store, "2026-11-24T11:30:00+08:00", "WX0001", FALSE);
  second = home_save_case (harness.store, "2026-11-24T12:30:00+08:00", "WX0002", FALSE);
  done = home_save_case (harness.store, "2026-11-24T09:00:00+08:00", "WX0003", TRUE);
  harness_open_window (&harness);
  harness_wait_listed (&harness);

  ics = retract_window_build_reminders (harness.window, &error);
  g_assert_no_error (error);
  for (at = strstr (ics, "BEGIN:VEVENT"); at != NULL; at = strstr (at + 1, "BEGIN:VEVENT"))
    events++;
  /* The ended case has no next step, so no event. */
  g_assert_cmpuint (events, ==, 2);
  g_assert_nonnull (strstr (ics, "BEGIN:VCALENDAR"));

  harness_clear (&harness);
}

/* @action's chooser: its title and suggested name, then @path chosen. */
static void
choose_in_chooser (Harness    *harness,
                   const char *action,
                   const char *title,
                   const char *suggested,
                   const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser;

  gtk_widget_activate_action (GTK_WIDGET (harness->window), action, NULL);
  harness_settle ();
  chooser = harness_find_file_chooser ();
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, title);

  if (suggested != NULL)
    {
      g_autofree char *current = gtk_file_chooser_get_current_name (chooser);

      g_assert_cmpstr (current, ==, suggested);
      gtk_file_chooser_set_current_folder (chooser, folder, &error);
      g_assert_no_error (error);
      gtk_file_chooser_set_current_name (chooser, name);
    }
  else
    {
      gtk_file_chooser_set_file (chooser, file, &error);
      g_assert_no_error (error);
    }
  harness_settle ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

static void
wait_for_file (const char *path)
{
  gint64 until = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < until)
    harness_settle ();
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The overview's Edit menu (win.edit-answers, by the step's index) and
 * Documents (win.documents) open the case in the wizard at that step. */
static void
test_overview_edit_steps (void)
{
  Harness harness;
  g_autofree char *id = NULL;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  id = home_save_case (harness.store, "2026-11-24T11:30:00+08:00", "WX0001", FALSE);
  harness_open_window (&harness);
  harness_wait_listed (&harness);
  retract_window_open_case (harness.window, id);
  harness_settle ();
  g_assert_cmpstr (retract_window_get_view (harness.window), ==, "home");

  /* An index past the steps does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.edit-answers", "i", 99);
  harness_settle ();
  g_assert_cmpstr (retract_window_get_view (harness.window), ==, "home");

  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.edit-answers", "i", 1);
  harness_settle ();
  g_assert_cmpstr (retract_window_get_view (harness.window), ==, "wizard");
  assert_step (&harness, "circumstances");
  g_assert_cmpstr (retract_case_get_id (retract_window_get_case (harness.window)), ==, id);

  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.documents", NULL);
  harness_settle ();
  assert_step (&harness, "review");
  g_assert_cmpstr (retract_case_get_id (retract_window_get_case (harness.window)), ==, id);

  harness_clear (&harness);
}

/* Save Reminders…, Export Case File… and Import Case File… through their
 * choosers: each suggests its name, and the file chosen is written or read. */
static void
test_home_file_choosers (void)
{
  Harness harness;
  g_autofree char *first = NULL;
  g_autofree char *ics = g_build_filename (g_get_user_data_dir (), "chosen.ics", NULL);
  g_autofree char *json = g_build_filename (g_get_user_data_dir (), "chosen.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  first = home_save_case (harness.store, "2026-11-24T11:30:00+08:00", "WX0001", FALSE);
  harness_open_window (&harness);
  harness_wait_listed (&harness);

  choose_in_chooser (&harness, "win.save-reminders", "Save Reminders",
                     "case-deadlines-2026-11-24.ics", ics);
  wait_for_file (ics);
  harness_settle ();
  g_file_get_contents (ics, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "BEGIN:VEVENT"));

  choose_in_chooser (&harness, "win.export-cases", "Export Case File",
                     "retract-cases-2026-11-24.json", json);
  wait_for_file (json);
  g_assert_null (harness_find_file_chooser ());

  /* Imported over the case it holds: nothing lost, nothing doubled. */
  choose_in_chooser (&harness, "win.import-cases", "Import Case File", NULL, json);
  harness_settle ();
  harness_wait_listed (&harness);
  g_assert_null (harness_find_file_chooser ());
  g_assert_true (home_file_exists (harness.store, first));
  shown = home_shown_ids (&harness);
  g_assert_cmpstr (shown, ==, first);

  harness_clear (&harness);
}

/* Attach a file…: the chooser opens on the material's row, a cancelled one
 * attaches nothing, and the file chosen is attached to that material (the
 * window's and the review page's choosers share this one path). */
static void
test_materials_attach_chooser (void)
{
  Harness harness;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "passport.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RetractPage *page;
  GtkWidget *button;
  GtkFileChooser *chooser;
  g_autofree char *id = NULL;

  harness_start_case (&harness, "2026-11-24T13:00:00+08:00", "wechat", "friend-report",
                      "2026-11-24T10:00:00+08:00");
  g_assert_no_errno (g_mkdir_with_parents (g_get_user_data_dir (), 0700));
  g_file_set_contents (path, "\xff\xd8\xff", 3, &error);
  g_assert_no_error (error);
  harness_next (&harness);
  harness_next (&harness);
  harness_next (&harness);
  assert_step (&harness, "materials");
  page = harness_page (&harness, "materials");

  button = harness_find_button_by_tooltip (GTK_WIDGET (page), "Attach a file");
  g_assert_nonnull (button);
  /* The row, and the button, are built again once the file is attached. */
  id = g_strdup (g_object_get_data (G_OBJECT (button), "retract-id"));
  g_assert_nonnull (id);

  g_signal_emit_by_name (button, "clicked");
  harness_settle ();
  chooser = harness_find_file_chooser ();
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Attach a File");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  harness_settle ();
  g_assert_null (harness_find_file_chooser ());
  g_assert_null (retract_case_get_material_attachment (retract_window_get_case (harness.window),
                                                       id));

  g_signal_emit_by_name (button, "clicked");
  harness_settle ();
  chooser = harness_find_file_chooser ();
  g_assert_nonnull (chooser);
  gtk_file_chooser_set_file (chooser, file, &error);
  g_assert_no_error (error);
  harness_settle ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  harness_settle ();
  g_assert_null (harness_find_file_chooser ());
  g_assert_cmpstr (retract_case_get_material_attachment (retract_window_get_case (harness.window),
                                                         id), ==, path);
  g_assert_nonnull (harness_find_button_by_tooltip (GTK_WIDGET (page), "Remove the attached file"));

  harness_clear (&harness);
}

/* rm -r, for the run's own folder. */
/* ---- The case overview, the log dialog and the due notifier (issue 13) ---- */

static RetractCase *
new_saved_case (const char *platform,
                const char *type,
                const char *filed_at)
{
  RetractCase *kase = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse (filed_at, NULL);

  retract_case_set_platform (kase, platform);
  retract_case_set_complaint_type (kase, type);
  retract_case_set_filed_at (kase, filed);
  return kase;
}

static void
log_event (RetractCase      *kase,
           RetractEventKind  kind,
           const char       *channel,
           const char       *at)
{
  g_autoptr(GDateTime) time = retract_time_parse (at, NULL);
  RetractCaseEvent *event = retract_case_event_new (kind, time);

  retract_case_event_set_text (event, &event->channel, channel);
  retract_case_add_event (kase, event);
}

static void
set_now (Harness    *harness,
         const char *now)
{
  g_autoptr(GDateTime) time = retract_time_parse (now, NULL);

  retract_clock_set_now (harness->clock, time);
  harness_settle ();
}

/* The overview alone in a window, as the window's right pane shows it. */
static RetractCaseOverview *
open_overview (Harness     *harness,
               RetractCase *kase,
               GPtrArray   *others,
               GtkWindow  **window)
{
  GtkWidget *overview = retract_case_overview_new ();

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 720, 900);
  gtk_window_set_child (*window, overview);
  retract_case_overview_set_context (RETRACT_CASE_OVERVIEW (overview), harness->rules,
                                     harness->clock, kase, others);
  gtk_window_present (*window);
  harness_settle ();
  return RETRACT_CASE_OVERVIEW (overview);
}

static gboolean
widget_shows_text (GtkWidget  *root,
                   const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), text) == 0)
        return TRUE;
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (widget_shows_text (child, text))
        return TRUE;
    }

  return FALSE;
}

/* The card's button records the step: a small dialog asks the time and a
 * reference, and the card moves on to the next step. */
static void
test_overview_record_step (void)
{
  Harness harness;
  g_autoptr(RetractCase) kase = NULL;
  RetractCaseOverview *overview;
  RetractLogDialog *dialog;
  GtkWindow *window;
  g_autofree char *before = NULL;
  const RetractCaseEvent *event;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  kase = new_saved_case ("wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  overview = open_overview (&harness, kase, NULL, &window);

  g_assert_cmpint (retract_case_overview_get_status (overview), ==, RETRACT_STATUS_ACT_NOW);
  before = g_strdup (retract_case_overview_get_step_title (overview));
  g_assert_nonnull (before);
  g_assert_true (widget_shows_text (GTK_WIDGET (overview), before));
  g_assert_true (widget_shows_text (GTK_WIDGET (overview), "Nothing logged yet"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (retract_case_overview_get_record_button (overview))),
                   ==, "I submitted the ticket");

  gtk_widget_activate_action (GTK_WIDGET (overview), "overview.record", NULL);
  harness_settle ();
  dialog = RETRACT_LOG_DIALOG (find_toplevel (RETRACT_TYPE_LOG_DIALOG));
  g_assert_nonnull (dialog);
  /* Only what a submission through the step's channel needs. */
  g_assert_false (gtk_widget_get_mapped (retract_log_dialog_get_field (dialog, RETRACT_EVENT_ERROR_KIND)));
  g_assert_false (gtk_widget_get_mapped (retract_log_dialog_get_field (dialog, RETRACT_EVENT_ERROR_CHANNEL)));
  g_assert_false (gtk_widget_get_mapped (retract_log_dialog_get_field (dialog, RETRACT_EVENT_ERROR_OUTCOME)));
  g_assert_true (gtk_widget_get_mapped (retract_log_dialog_get_field (dialog, RETRACT_EVENT_ERROR_AT)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (retract_log_dialog_get_field (dialog, RETRACT_EVENT_ERROR_AT))),
                   ==, "2026-11-24 13:00");
  gtk_editable_set_text (GTK_EDITABLE (retract_log_dialog_get_field (dialog, RETRACT_EVENT_ERROR_REFERENCE)),
                         "T-20261124-77");
  g_assert_true (retract_log_dialog_submit (dialog));
  harness_settle ();
  g_assert_null (find_toplevel (RETRACT_TYPE_LOG_DIALOG));

  g_assert_cmpuint (retract_case_get_events (kase)->len, ==, 1);
  event = g_ptr_array_index (retract_case_get_events (kase), 0);
  g_assert_cmpint (event->kind, ==, RETRACT_EVENT_SUBMITTED);
  g_assert_cmpstr (event->channel, ==, "web-ticket");
  g_assert_cmpstr (event->reference, ==, "T-20261124-77");

  /* The card moved on: waiting for the ticket's reply. */
  g_assert_cmpint (retract_case_overview_get_status (overview), ==, RETRACT_STATUS_WAITING);
  g_assert_cmpstr (retract_case_overview_get_step_title (overview), !=, before);
  g_assert_true (widget_shows_text (GTK_WIDGET (overview),
                                    retract_case_overview_get_step_title (overview)));
  g_assert_false (widget_shows_text (GTK_WIDGET (overview), "Nothing logged yet"));
  g_assert_true (widget_shows_text (GTK_WIDGET (overview),
                                    "Request through Ticket on the Tencent Customer Service website"));

  gtk_window_destroy (window);
  harness_clear (&harness);
}

/* Issue 13, switching within a frame: another case, or the next minute,
 * updates the overview's rows in place. The rows stay (a new row would be
 * styled, measured and shaped again) and show the new case's text. */
static void
test_overview_switch_keeps_rows (void)
{
  Harness harness;
  g_autoptr(RetractCase) first = NULL;
  g_autoptr(RetractCase) second = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GtkWidget) row = NULL;
  RetractCaseOverview *overview;
  GtkWindow *window;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  first = new_saved_case ("wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  second = new_saved_case ("wechat", "friend-report", "2026-11-24T11:00:00+08:00");
  retract_case_set_detail (second, RETRACT_DETAIL_COMPLAINT_NUMBER, "WX20261124999");
  overview = open_overview (&harness, first, NULL, &window);
  row = g_object_ref (harness_find (GTK_WIDGET (overview), ADW_TYPE_ACTION_ROW, "next-step"));

  retract_case_overview_set_context (overview, harness.rules, harness.clock, second, NULL);
  harness_settle ();
  g_assert_true (retract_case_overview_get_case (overview) == second);
  g_assert_true (widget_shows_text (GTK_WIDGET (overview), "Complaint number WX20261124999"));
  g_assert_nonnull (gtk_widget_get_parent (row));
  g_assert_true (harness_find (GTK_WIDGET (overview), ADW_TYPE_ACTION_ROW, "next-step") == row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   retract_case_overview_get_step_title (overview));

  later = g_date_time_add_minutes (retract_clock_get_now (harness.clock), 1);
  retract_clock_set_now (harness.clock, later);
  harness_settle ();
  g_assert_true (harness_find (GTK_WIDGET (overview), ADW_TYPE_ACTION_ROW, "next-step") == row);

  gtk_window_destroy (window);
  harness_clear (&harness);
}

/* Issue 16, the answer page's minute within a frame: a minute that moves
 * only the countdowns updates them in place, and the rows stay. */
static void
test_result_minute_keeps_rows (void)
{
  Harness harness;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GtkWidget) countdown = NULL;
  g_autofree char *before = NULL;

  harness_start_case (&harness, "2026-11-24T13:00:00+08:00", "wechat", "friend-report",
                      "2026-11-24T10:00:00+08:00");
  retract_wizard_go_to (retract_window_get_wizard (harness.window), "result");
  harness_settle ();
  countdown = g_object_ref (harness_find (GTK_WIDGET (harness_page (&harness, "result")),
                                          GTK_TYPE_LABEL, "countdown"));
  before = g_strdup (gtk_label_get_label (GTK_LABEL (countdown)));

  later = g_date_time_add_minutes (retract_clock_get_now (harness.clock), 1);
  retract_clock_set_now (harness.clock, later);
  harness_settle ();
  g_assert_nonnull (gtk_widget_get_parent (countdown));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (countdown)), !=, before);

  harness_clear (&harness);
}

/* A stand-in for the desktop's notification server (org.gtk.Notifications,
 * which GLib's "gtk" backend talks to) on this test's session bus: what the
 * GApplication sends is what a desktop would get. */
typedef struct
{
  GDBusConnection *bus;
  guint            registration;
  GPtrArray       *received; /* GVariant (ssa{sv}) */
} NotificationServer;

static void
on_notification_call (GDBusConnection       *connection,
                      const char            *sender,
                      const char            *path,
                      const char            *interface,
                      const char            *method,
                      GVariant              *parameters,
                      GDBusMethodInvocation *invocation,
                      gpointer               data)
{
  NotificationServer *server = data;

  if (g_str_equal (method, "AddNotification"))
    g_ptr_array_add (server->received, g_variant_ref (parameters));
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
notification_server_start (NotificationServer *server)
{
  static const char xml[] =
    "<node><interface name='org.gtk.Notifications'>"
    "<method name='AddNotification'><arg type='s' direction='in'/>"
    "<arg type='s' direction='in'/><arg type='a{sv}' direction='in'/></method>"
    "<method name='RemoveNotification'><arg type='s' direction='in'/>"
    "<arg type='s' direction='in'/></method>"
    "</interface></node>";
  static const GDBusInterfaceVTable vtable = { on_notification_call, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (xml, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariant) reply = NULL;

  g_assert_no_error (error);
  server->received = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  server->bus = g_dbus_connection_new_for_address_sync (address,
                                                        G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                        G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                        NULL, NULL, &error);
  g_assert_no_error (error);
  server->registration = g_dbus_connection_register_object (server->bus, "/org/gtk/Notifications",
                                                            info->interfaces[0], &vtable, server,
                                                            NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (server->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.gtk.Notifications", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
}

static void
notification_server_stop (NotificationServer *server)
{
  g_dbus_connection_unregister_object (server->bus, server->registration);
  g_dbus_connection_close_sync (server->bus, NULL, NULL);
  g_clear_object (&server->bus);
  g_clear_pointer (&server->received, g_ptr_array_unref);
}

/* A minute passes; the window refreshes its list on the clock's tick. */
static void
tick (Harness         *harness,
      RetractCaseList *list,
      const char      *now)
{
  g_autoptr(GDateTime) time = retract_time_parse (now, NULL);

  retract_clock_set_now (harness->clock, time);
  retract_case_list_refresh (list, time);
  harness_settle ();
}

/* The clock passes the end of the ticket's wait: the card flips from
 * waiting to act now, and the notification goes through the application,
 * naming no personal data, with the action that opens the case. */
static void
test_overview_due_notifies (void)
{
  Harness harness;
  NotificationServer server;
  g_autoptr(GApplication) app = NULL;
  GApplication *previous_app;
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(RetractCaseList) list = NULL;
  g_autoptr(RetractDueNotifier) notifier = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) properties = NULL;
  g_autofree char *printed = NULL;
  const char *app_id, *notification_id, *title, *action;
  RetractCaseOverview *overview;
  GtkWindow *window;
  GVariant *target;

  /* The desktop's side, and the app as the desktop sees it. */
  g_setenv ("GNOTIFICATION_BACKEND", "gtk", TRUE);
  notification_server_start (&server);
  app = g_application_new ("io.github.retractapp.Retract.Test", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);
  /* An earlier test's application may still be the process's default. */
  previous_app = g_application_get_default ();
  g_application_set_default (app);

  harness_init (&harness, "2026-11-25T00:58:00+08:00");
  kase = new_saved_case ("wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  retract_case_set_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, "WX20261124001");
  g_assert_true (retract_case_set_account (kase, "zhangsan_01", NULL));
  log_event (kase, RETRACT_EVENT_SUBMITTED, "web-ticket", "2026-11-24T13:00:00+08:00");
  g_ptr_array_add (cases, g_object_ref (kase));

  list = retract_case_list_new (harness.rules, RETRACT_LANGUAGE_EN);
  retract_case_list_set_cases (list, cases, retract_clock_get_now (harness.clock));
  notifier = retract_due_notifier_new (list);
  overview = open_overview (&harness, kase, cases, &window);
  g_assert_cmpint (retract_case_overview_get_status (overview), ==, RETRACT_STATUS_WAITING);

  /* A minute that changes nothing sends nothing. */
  tick (&harness, list, "2026-11-25T00:59:00+08:00");
  g_assert_cmpuint (server.received->len, ==, 0);
  g_assert_cmpint (retract_case_overview_get_status (overview), ==, RETRACT_STATUS_WAITING);

  /* 12 h after the ticket (§3): call the hotline. */
  tick (&harness, list, "2026-11-25T01:01:00+08:00");
  g_assert_cmpint (retract_case_overview_get_status (overview), ==, RETRACT_STATUS_ACT_NOW);
  /* The bus delivers it to the server's own connection in its own time. */
  for (guint i = 0; i < 20 && server.received->len == 0; i++)
    harness_settle ();
  g_assert_cmpuint (server.received->len, ==, 1);

  g_variant_get (g_ptr_array_index (server.received, 0), "(&s&s@a{sv})", &app_id,
                 &notification_id, &properties);
  g_assert_cmpstr (app_id, ==, "io.github.retractapp.Retract.Test");
  g_assert_nonnull (strstr (notification_id, retract_case_get_id (kase)));
  g_assert_true (g_variant_lookup (properties, "title", "&s", &title));
  g_assert_cmpstr (title, ==, "A step is due for your WeChat friend report");
  printed = g_variant_print (properties, FALSE);
  g_assert_null (strstr (printed, "WX20261124001"));
  g_assert_null (strstr (printed, "zhangsan"));
  g_assert_true (g_variant_lookup (properties, "default-action", "&s", &action));
  g_assert_cmpstr (action, ==, "app.open-case");
  target = g_variant_lookup_value (properties, "default-action-target", NULL);
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, retract_case_get_id (kase));
  g_variant_unref (target);

  /* Once said, not said again on the next minute. */
  tick (&harness, list, "2026-11-25T01:02:00+08:00");
  g_assert_cmpuint (server.received->len, ==, 1);

  gtk_window_destroy (window);
  harness_clear (&harness);
  g_clear_object (&notifier);
  g_application_set_default (previous_app);
  g_clear_object (&app);
  notification_server_stop (&server);
  g_unsetenv ("GNOTIFICATION_BACKEND");
}

/* A request that would go over the month's limit (§6) is asked about
 * first; Cancel records nothing. */
static void
test_overview_limit_asks_first (void)
{
  Harness harness;
  g_autoptr(RetractCase) kase = NULL;
  RetractCaseOverview *overview;
  RetractLogDialog *dialog;
  GtkWindow *window;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  kase = new_saved_case ("wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  retract_case_set_withdrawals_this_month (kase, 3);
  overview = open_overview (&harness, kase, NULL, &window);
  g_assert_true (widget_shows_text (GTK_WIDGET (overview),
                                    "Withdrawal requests this month: 3 of 3 (limit reached; it "
                                    "starts again on 2026-12-01 00:00)"));

  gtk_widget_activate_action (GTK_WIDGET (overview), "overview.record", NULL);
  harness_settle ();
  g_assert_null (find_toplevel (RETRACT_TYPE_LOG_DIALOG));
  respond ("cancel");
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (find_toplevel (RETRACT_TYPE_LOG_DIALOG));
  g_assert_cmpuint (retract_case_get_events (kase)->len, ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (overview), "overview.record", NULL);
  harness_settle ();
  respond ("continue");
  dialog = RETRACT_LOG_DIALOG (find_toplevel (RETRACT_TYPE_LOG_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (retract_log_dialog_submit (dialog));
  harness_settle ();
  g_assert_cmpuint (retract_case_get_events (kase)->len, ==, 1);

  /* Without a limit in the way, nothing is asked. */
  retract_case_remove_event (kase, 0);
  retract_case_set_withdrawals_this_month (kase, 0);
  retract_case_overview_set_context (overview, harness.rules, harness.clock, NULL, NULL);
  retract_case_overview_set_context (overview, harness.rules, harness.clock, kase, NULL);
  gtk_widget_activate_action (GTK_WIDGET (overview), "overview.record", NULL);
  harness_settle ();
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  dialog = RETRACT_LOG_DIALOG (find_toplevel (RETRACT_TYPE_LOG_DIALOG));
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (window);
  harness_clear (&harness);
}

/* Log Action… refuses what the core refuses, says it under the field, and
 * keeps everything typed. */
static void
test_log_dialog_refusals (void)
{
  Harness harness;
  g_autoptr(RetractCase) kase = NULL;
  RetractCaseOverview *overview;
  RetractLogDialog *dialog;
  GtkWindow *window;
  GtkEditable *time;
  GtkEditable *reference;
  GtkTextBuffer *note;
  const RetractCaseEvent *event;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  kase = new_saved_case ("wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  overview = open_overview (&harness, kase, NULL, &window);

  gtk_widget_activate_action (GTK_WIDGET (overview), "overview.log", NULL);
  harness_settle ();
  dialog = RETRACT_LOG_DIALOG (find_toplevel (RETRACT_TYPE_LOG_DIALOG));
  g_assert_nonnull (dialog);
  time = GTK_EDITABLE (retract_log_dialog_get_field (dialog, RETRACT_EVENT_ERROR_AT));
  reference = GTK_EDITABLE (retract_log_dialog_get_field (dialog, RETRACT_EVENT_ERROR_REFERENCE));
  note = gtk_text_view_get_buffer (GTK_TEXT_VIEW (retract_log_dialog_get_field (dialog,
                                                                                 RETRACT_EVENT_ERROR_NOTE)));

  /* A reply without what it said. */
  retract_log_dialog_set_kind (dialog, RETRACT_EVENT_REPLY);
  harness_settle ();
  g_assert_true (gtk_widget_get_mapped (retract_log_dialog_get_field (dialog, RETRACT_EVENT_ERROR_OUTCOME)));
  g_assert_false (gtk_widget_get_mapped (retract_log_dialog_get_field (dialog, RETRACT_EVENT_ERROR_CHANNEL)));
  gtk_editable_set_text (reference, "T-1");
  gtk_text_buffer_set_text (note, "客服说要补材料", -1);
  g_assert_false (retract_log_dialog_submit (dialog));
  g_assert_nonnull (retract_log_dialog_get_error (dialog, RETRACT_EVENT_ERROR_OUTCOME));
  g_assert_null (retract_log_dialog_get_error (dialog, RETRACT_EVENT_ERROR_AT));
  g_assert_true (find_toplevel (RETRACT_TYPE_LOG_DIALOG) == GTK_WINDOW (dialog));

  /* A time that is not one, then one before the filing. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (retract_log_dialog_get_field (dialog, RETRACT_EVENT_ERROR_OUTCOME)),
                              RETRACT_OUTCOME_MORE_MATERIALS);
  gtk_editable_set_text (time, "yesterday");
  g_assert_false (retract_log_dialog_submit (dialog));
  g_assert_nonnull (retract_log_dialog_get_error (dialog, RETRACT_EVENT_ERROR_AT));
  g_assert_null (retract_log_dialog_get_error (dialog, RETRACT_EVENT_ERROR_OUTCOME));
  gtk_editable_set_text (time, "2026-11-24 09:00");
  g_assert_false (retract_log_dialog_submit (dialog));
  g_assert_nonnull (retract_log_dialog_get_error (dialog, RETRACT_EVENT_ERROR_AT));
  /* … and one in the future. */
  gtk_editable_set_text (time, "2026-11-24 14:00");
  g_assert_false (retract_log_dialog_submit (dialog));
  g_assert_nonnull (retract_log_dialog_get_error (dialog, RETRACT_EVENT_ERROR_AT));

  /* A reference of two lines. */
  gtk_editable_set_text (time, "2026-11-24 12:30");
  gtk_editable_set_text (reference, "T-1\nT-2");
  g_assert_false (retract_log_dialog_submit (dialog));
  g_assert_nonnull (retract_log_dialog_get_error (dialog, RETRACT_EVENT_ERROR_REFERENCE));

  /* Nothing typed was lost on the way. */
  g_assert_cmpuint (retract_case_get_events (kase)->len, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (time), ==, "2026-11-24 12:30");
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (note, &start, &end);
    text = gtk_text_buffer_get_text (note, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "客服说要补材料");
  }

  gtk_editable_set_text (reference, "T-1");
  g_assert_true (retract_log_dialog_submit (dialog));
  harness_settle ();
  g_assert_cmpuint (retract_case_get_events (kase)->len, ==, 1);
  event = g_ptr_array_index (retract_case_get_events (kase), 0);
  g_assert_cmpint (event->kind, ==, RETRACT_EVENT_REPLY);
  g_assert_cmpint (event->outcome, ==, RETRACT_OUTCOME_MORE_MATERIALS);
  g_assert_cmpstr (event->reference, ==, "T-1");
  g_assert_cmpstr (event->note, ==, "客服说要补材料");
  g_assert_true (widget_shows_text (GTK_WIDGET (overview), "Reply: more materials are needed"));

  gtk_window_destroy (window);
  harness_clear (&harness);
}

/* Mark Resolved ends the case; Reopen undoes it, as does it Abandon. Each
 * change is one assessment, and so is each tick of the clock. */
static void
test_overview_resolve_reopen (void)
{
  Harness harness;
  g_autoptr(RetractCase) kase = NULL;
  RetractCaseOverview *overview;
  GtkWindow *window;
  guint assessments;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  kase = new_saved_case ("wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  overview = open_overview (&harness, kase, NULL, &window);
  g_assert_cmpint (retract_case_overview_get_status (overview), ==, RETRACT_STATUS_ACT_NOW);

  assessments = retract_case_overview_get_n_assessments ();
  gtk_widget_activate_action (GTK_WIDGET (overview), "overview.resolve", NULL);
  harness_settle ();
  g_assert_cmpuint (retract_case_overview_get_n_assessments (), ==, assessments + 1);
  g_assert_cmpint (retract_case_overview_get_status (overview), ==, RETRACT_STATUS_DONE);
  g_assert_cmpint (retract_case_get_ending (kase, NULL), ==, RETRACT_CASE_DONE);
  g_assert_false (gtk_widget_get_mapped (retract_case_overview_get_record_button (overview)));
  g_assert_true (widget_shows_text (GTK_WIDGET (overview), "Marked resolved"));

  gtk_widget_activate_action (GTK_WIDGET (overview), "overview.reopen", NULL);
  harness_settle ();
  g_assert_cmpint (retract_case_get_ending (kase, NULL), ==, RETRACT_CASE_OPEN);
  g_assert_cmpint (retract_case_overview_get_status (overview), ==, RETRACT_STATUS_ACT_NOW);
  g_assert_true (widget_shows_text (GTK_WIDGET (overview), "Reopened"));

  gtk_widget_activate_action (GTK_WIDGET (overview), "overview.abandon", NULL);
  harness_settle ();
  g_assert_cmpint (retract_case_overview_get_status (overview), ==, RETRACT_STATUS_ABANDONED);
  gtk_widget_activate_action (GTK_WIDGET (overview), "overview.reopen", NULL);
  harness_settle ();
  g_assert_cmpint (retract_case_overview_get_status (overview), ==, RETRACT_STATUS_ACT_NOW);
  g_assert_cmpuint (retract_case_get_events (kase)->len, ==, 4);

  assessments = retract_case_overview_get_n_assessments ();
  set_now (&harness, "2026-11-24T13:01:00+08:00");
  g_assert_cmpuint (retract_case_overview_get_n_assessments (), ==, assessments + 1);
  /* The same context again is no change, nor a new listing of the other
   * cases that leaves the counts as they were; one that changes them is. */
  retract_case_overview_set_context (overview, harness.rules, harness.clock, kase, NULL);
  g_assert_cmpuint (retract_case_overview_get_n_assessments (), ==, assessments + 1);
  {
    g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GPtrArray) relisted = g_ptr_array_new_with_free_func (g_object_unref);
    RetractCase *other = new_saved_case ("wechat", "payment-dispute",
                                         "2026-11-24T09:00:00+08:00");

    g_ptr_array_add (others, g_object_ref (kase));
    g_ptr_array_add (others, other);
    retract_case_overview_set_context (overview, harness.rules, harness.clock, kase, others);
    g_assert_cmpuint (retract_case_overview_get_n_assessments (), ==, assessments + 1);

    g_ptr_array_add (relisted, g_object_ref (kase));
    g_ptr_array_add (relisted, g_object_ref (other));
    log_event (other, RETRACT_EVENT_SUBMITTED, "web-ticket", "2026-11-24T09:30:00+08:00");
    retract_case_overview_set_context (overview, harness.rules, harness.clock, kase, relisted);
    g_assert_cmpuint (retract_case_overview_get_n_assessments (), ==, assessments + 2);
    g_assert_true (widget_shows_text (GTK_WIDGET (overview),
                                      "Withdrawal requests this month: 1 of 3"));
  }

  gtk_window_destroy (window);
  harness_clear (&harness);
}

/* Every control of the overview (every part shown: the card with its
 * channel, the limits, the timeline, the risks) and of both dialogs. */
static void
test_overview_accessible_labels (void)
{
  Harness harness;
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(GString) unnamed = g_string_new (NULL);
  RetractCaseOverview *overview;
  GtkWindow *window;
  GtkWindow *dialog;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  kase = new_saved_case ("wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  retract_case_set_withdrawals_this_month (kase, 3);
  log_event (kase, RETRACT_EVENT_NOTE, NULL, "2026-11-24T12:00:00+08:00");
  overview = open_overview (&harness, kase, NULL, &window);
  check_names (GTK_WIDGET (window), unnamed);

  gtk_widget_activate_action (GTK_WIDGET (overview), "overview.log", NULL);
  harness_settle ();
  dialog = find_toplevel (RETRACT_TYPE_LOG_DIALOG);
  g_assert_nonnull (dialog);
  retract_log_dialog_set_kind (RETRACT_LOG_DIALOG (dialog), RETRACT_EVENT_SUBMITTED);
  harness_settle ();
  check_names (GTK_WIDGET (dialog), unnamed);
  retract_log_dialog_set_kind (RETRACT_LOG_DIALOG (dialog), RETRACT_EVENT_REPLY);
  harness_settle ();
  check_names (GTK_WIDGET (dialog), unnamed);
  gtk_window_destroy (dialog);

  gtk_widget_activate_action (GTK_WIDGET (overview), "overview.record", NULL);
  harness_settle ();
  check_names (GTK_WIDGET (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), unnamed);
  respond ("continue");
  dialog = find_toplevel (RETRACT_TYPE_LOG_DIALOG);
  check_names (GTK_WIDGET (dialog), unnamed);
  gtk_window_destroy (dialog);

  gtk_widget_activate_action (GTK_WIDGET (overview), "overview.resolve", NULL);
  harness_settle ();
  check_names (GTK_WIDGET (window), unnamed);

  if (unnamed->len > 0)
    g_error ("controls without an accessible name:\n%s", unnamed->str);

  gtk_window_destroy (window);
  harness_clear (&harness);
}

/* Tab reaches the card's button, Enter opens the dialog with the time
 * field ready, and Enter there records the step. */
static void
test_overview_keyboard_record (void)
{
  Harness harness;
  g_autoptr(RetractCase) kase = NULL;
  RetractCaseOverview *overview;
  GtkWidget *record;
  GtkWindow *window;
  GtkWindow *dialog;
  GtkWidget *focus;
  guint presses = 0;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  kase = new_saved_case ("wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  overview = open_overview (&harness, kase, NULL, &window);
  record = retract_case_overview_get_record_button (overview);

  while (gtk_root_get_focus (GTK_ROOT (window)) != record && presses < 30)
    {
      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      presses++;
    }
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == record);

  /* Enter on the button (it clicks once it has shown being pressed). */
  g_assert_true (gtk_widget_activate (record));
  for (guint i = 0; i < 10 && find_toplevel (RETRACT_TYPE_LOG_DIALOG) == NULL; i++)
    harness_settle ();
  dialog = find_toplevel (RETRACT_TYPE_LOG_DIALOG);
  g_assert_nonnull (dialog);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, retract_log_dialog_get_field (RETRACT_LOG_DIALOG (dialog),
                                                                              RETRACT_EVENT_ERROR_AT)));
  /* Enter in the field: the dialog's default, Record. */
  g_assert_true (gtk_widget_activate_action (focus, "default.activate", NULL));
  for (guint i = 0; i < 10 && find_toplevel (RETRACT_TYPE_LOG_DIALOG) != NULL; i++)
    harness_settle ();
  g_assert_null (find_toplevel (RETRACT_TYPE_LOG_DIALOG));
  g_assert_cmpuint (retract_case_get_events (kase)->len, ==, 1);
  g_assert_cmpint (retract_case_overview_get_status (overview), ==, RETRACT_STATUS_WAITING);

  gtk_window_destroy (window);
  harness_clear (&harness);
}

/* Issue 16, the minute within a frame: a minute that changes no status
 * assesses no case of the list again (nor sorts it); behind the wizard the
 * overview and the list's countdowns wait until they are shown; a minute
 * that changes a status still changes its row. */
static void
test_minute_does_little (void)
{
  Harness harness;
  g_autoptr(RetractCase) waiting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other = NULL;
  g_autofree char *waiting_id = NULL;
  g_autofree char *countdown = NULL;
  RetractCaseOverview *overview;
  GtkWidget *row;
  guint evaluations, assessments, updates;

  harness_init (&harness, "2026-11-25T00:58:00+08:00");
  /* Waiting for the ticket's reply until 01:00; the other acts by 01:30. */
  waiting = new_saved_case ("wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  log_event (waiting, RETRACT_EVENT_SUBMITTED, "web-ticket", "2026-11-24T13:00:00+08:00");
  g_assert_true (retract_store_save_case (harness.store, waiting, &error));
  g_assert_no_error (error);
  waiting_id = g_strdup (retract_case_get_id (waiting));
  other = home_save_case (harness.store, "2026-11-24T23:30:00+08:00", "WX0001", FALSE);
  harness_open_window (&harness);
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 1000, 760);
  harness_wait_listed (&harness);
  retract_window_open_case (harness.window, waiting_id);
  harness_settle ();
  overview = RETRACT_CASE_OVERVIEW (harness_find (GTK_WIDGET (harness.window),
                                                  RETRACT_TYPE_CASE_OVERVIEW, NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (overview)));
  g_assert_true (shows_label_containing (home_find_row (&harness, waiting_id), "Waiting"));

  /* On the home, a minute that changes no status: the list assesses
   * nothing again; the overview on screen follows the clock. */
  evaluations = retract_case_list_get_n_evaluations ();
  assessments = retract_case_overview_get_n_assessments ();
  updates = retract_case_list_row_get_n_updates ();
  row = home_find_row (&harness, other);
  g_assert_nonnull (strstr (retract_case_list_row_get_deadline_text (RETRACT_CASE_LIST_ROW (row)),
                            "32 min left"));
  set_now (&harness, "2026-11-25T00:59:00+08:00");
  g_assert_cmpuint (retract_case_list_get_n_evaluations () - evaluations, ==, 0);
  g_assert_cmpuint (retract_case_overview_get_n_assessments () - assessments, ==, 1);
  /* The rows' countdowns move on; nothing else of them is said again. */
  g_assert_nonnull (strstr (retract_case_list_row_get_deadline_text (RETRACT_CASE_LIST_ROW (row)),
                            "31 min left"));
  g_assert_cmpuint (retract_case_list_row_get_n_updates () - updates, ==, 0);

  /* Behind the wizard: the list still follows the statuses (the due
   * notifier reads them), the hidden overview does nothing... */
  retract_window_start (harness.window, TRUE);
  retract_wizard_go_to (retract_window_get_wizard (harness.window), "result");
  harness_settle ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (overview)));
  assessments = retract_case_overview_get_n_assessments ();
  set_now (&harness, "2026-11-25T01:00:00+08:00");
  g_assert_cmpuint (retract_case_list_get_n_evaluations () - evaluations, >=, 1);
  g_assert_cmpuint (retract_case_overview_get_n_assessments () - assessments, ==, 0);
  g_assert_cmpint (retract_case_item_get_status (retract_case_list_find (
                     retract_window_get_case_list (harness.window), waiting_id, NULL)), ==,
                   RETRACT_STATUS_ACT_NOW);

  /* ...and so do the hidden rows' countdowns: still 00:59's. (The save
   * that starting the wizard made is listed first, and the minute after
   * the ticket's wait ended is the last to look at it again.) */
  retract_window_flush_save (harness.window);
  harness_wait_listed (&harness);
  set_now (&harness, "2026-11-25T01:01:00+08:00");
  row = home_find_row (&harness, other);
  countdown = g_strdup (retract_case_list_row_get_deadline_text (RETRACT_CASE_LIST_ROW (row)));
  g_assert_nonnull (strstr (countdown, "31 min left"));
  evaluations = retract_case_list_get_n_evaluations ();
  set_now (&harness, "2026-11-25T01:02:00+08:00");
  g_assert_cmpuint (retract_case_list_get_n_evaluations () - evaluations, ==, 0);
  g_assert_cmpstr (retract_case_list_row_get_deadline_text (RETRACT_CASE_LIST_ROW (row)), ==,
                   countdown);

  /* Shown again, they catch up: once. */
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.show-home", NULL);
  harness_settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (overview)));
  g_assert_cmpuint (retract_case_overview_get_n_assessments () - assessments, ==, 1);
  g_assert_cmpint (retract_case_overview_get_status (overview), ==, RETRACT_STATUS_ACT_NOW);
  row = home_find_row (&harness, other);
  g_assert_nonnull (strstr (retract_case_list_row_get_deadline_text (RETRACT_CASE_LIST_ROW (row)),
                            "28 min left"));
  g_assert_true (shows_label_containing (home_find_row (&harness, waiting_id), "Act now"));

  harness_clear (&harness);
}

/* Clicking a due step's notification runs app.open-case with the case's
 * id: the window shows that case. */
static void
test_notification_opens_case (void)
{
  Harness harness;
  g_autoptr(RetractApplication) app = NULL;
  g_autoptr(RetractCase) first = NULL;
  g_autoptr(RetractCase) second = NULL;
  g_autoptr(GError) error = NULL;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  first = new_saved_case ("wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  second = new_saved_case ("wechat", "payment-dispute", "2026-11-24T11:00:00+08:00");
  g_assert_true (retract_store_save_case (harness.store, first, &error));
  g_assert_true (retract_store_save_case (harness.store, second, &error));
  g_assert_no_error (error);
  harness_open_window (&harness);

  app = registered_app ("OpenCase");
  gtk_window_set_application (GTK_WINDOW (harness.window), GTK_APPLICATION (app));

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-case",
                                  g_variant_new_string (retract_case_get_id (second)));
  harness_settle ();
  g_assert_cmpstr (retract_case_get_id (retract_window_get_case (harness.window)), ==,
                   retract_case_get_id (second));
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-case",
                                  g_variant_new_string (retract_case_get_id (first)));
  harness_settle ();
  g_assert_cmpstr (retract_case_get_id (retract_window_get_case (harness.window)), ==,
                   retract_case_get_id (first));

  /* Anything but a case id (the action is on the session bus) opens nothing. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-case",
                                  g_variant_new_string ("../../etc/passwd"));
  harness_settle ();
  g_assert_cmpstr (retract_case_get_id (retract_window_get_case (harness.window)), ==,
                   retract_case_get_id (first));

  gtk_window_set_application (GTK_WINDOW (harness.window), NULL);
  harness_clear (&harness);
}

/* In the window: a case selected in the list shows in the overview; its
 * step recorded there changes the card, and the list after the autosave. */
static void
test_window_select_and_record (void)
{
  Harness harness;
  g_autoptr(RetractCase) first = NULL;
  g_autoptr(RetractCase) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  RetractCaseOverview *overview;
  RetractLogDialog *dialog;
  RetractCaseItem *item;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  first = new_saved_case ("wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  second = new_saved_case ("wechat", "payment-dispute", "2026-11-24T11:00:00+08:00");
  g_assert_true (retract_store_save_case (harness.store, first, &error));
  g_assert_true (retract_store_save_case (harness.store, second, &error));
  g_assert_no_error (error);
  harness_open_window (&harness);
  harness_wait_listed (&harness);

  retract_case_list_pane_select (retract_window_get_list_pane (harness.window),
                                 retract_case_get_id (first));
  harness_settle ();
  overview = RETRACT_CASE_OVERVIEW (harness_find (GTK_WIDGET (harness.window),
                                                  RETRACT_TYPE_CASE_OVERVIEW, NULL));
  g_assert_nonnull (overview);
  g_assert_cmpstr (retract_case_get_id (retract_case_overview_get_case (overview)), ==,
                   retract_case_get_id (first));
  g_assert_cmpint (retract_case_overview_get_status (overview), ==, RETRACT_STATUS_ACT_NOW);
  before = g_strdup (retract_case_overview_get_step_title (overview));

  gtk_widget_activate_action (GTK_WIDGET (overview), "overview.record", NULL);
  harness_settle ();
  dialog = RETRACT_LOG_DIALOG (find_toplevel (RETRACT_TYPE_LOG_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (retract_log_dialog_submit (dialog));
  harness_settle ();

  g_assert_cmpint (retract_case_overview_get_status (overview), ==, RETRACT_STATUS_WAITING);
  g_assert_cmpstr (retract_case_overview_get_step_title (overview), !=, before);

  /* Saved, and the list says so too. */
  retract_window_flush_save (harness.window);
  for (guint i = 0; i < 40; i++)
    {
      item = retract_case_list_find (retract_window_get_case_list (harness.window),
                                     retract_case_get_id (first), NULL);
      if (item != NULL && retract_case_item_get_status (item) == RETRACT_STATUS_WAITING)
        break;
      harness_settle ();
    }
  g_assert_nonnull (item);
  g_assert_cmpint (retract_case_item_get_status (item), ==, RETRACT_STATUS_WAITING);

  harness_clear (&harness);
}

/* Issue 15 §3: each deadline row says how it was counted, in the core's words. */
static void
test_deadline_explained (void)
{
  static const struct {
    const char *type;
    const char *suffix;
  } windows[] = {
    { "Report of a friend (pornography / fraud)", "24 h · Success ★★★☆" },
    { "Payment complaint (transaction dispute)", "72 h · Success ★★☆" },
    { "Mini-program infringement complaint", "3 working days · Success ★☆" },
    { "Intellectual-property complaint", "Cannot be withdrawn" },
  };
  Harness harness;
  GtkWidget *result;
  AdwActionRow *row;

  harness_init (&harness, "2026-09-30T11:00:00+08:00");
  harness_open_window (&harness);
  retract_window_start (harness.window, FALSE);
  harness_fill_situation (&harness, "wechat", "miniprogram-infringement",
                          "2026-09-30T10:00:00+08:00");

  /* Each complaint type states its window, from the dataset. */
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      row = find_row (GTK_WIDGET (harness_page (&harness, "situation")), windows[i].type);
      g_assert_nonnull (row);
      g_assert_nonnull (find_label (GTK_WIDGET (row), windows[i].suffix));
    }

  harness_next (&harness);
  harness_next (&harness);
  assert_step (&harness, "result");

  result = GTK_WIDGET (harness_page (&harness, "result"));
  row = find_row (result, "The window to withdraw closes");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "2026-10-10 23:59:59 (Beijing time)\n"
                   "3 working days after filing: Thu 10-08, Fri 10-09, Sat 10-10 (make-up "
                   "working day); 10-01 to 10-07 National Day holiday not counted");
  row = find_row (result, "Self-service withdrawal ends");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "2026-09-30 12:00 (Beijing time)\n2 hours after filing");

  /* An hour window says its hours. */
  gtk_widget_activate_action (GTK_WIDGET (retract_window_get_wizard (harness.window)),
                              "wizard.go-to", "s", "situation");
  harness_settle ();
  retract_case_set_complaint_type (retract_window_get_case (harness.window), "friend-report");
  harness_next (&harness);
  harness_next (&harness);
  assert_step (&harness, "result");
  row = find_row (result, "The window to withdraw closes");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "2026-10-01 10:00 (Beijing time)\n24 hours after filing");

  harness_clear (&harness);
}

int
main (int   argc,
      char *argv[])
{
  harness_use_own_folders ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/retract/ui/happy-path", test_happy_path);
  g_test_add_func ("/retract/ui/longest-narrative", test_longest_narrative);
  g_test_add_func ("/retract/ui/unbroken-narrative-preview", test_unbroken_narrative_preview);
  g_test_add_func ("/retract/ui/dead-end", test_dead_end);
  g_test_add_func ("/retract/ui/deadline-explained", test_deadline_explained);
  g_test_add_func ("/retract/ui/clock-flips-stage", test_clock_flips_stage);
  g_test_add_func ("/retract/ui/resume-after-restart", test_resume_after_restart);
  g_test_add_func ("/retract/ui/corrupted-save", test_corrupted_save);
  g_test_add_func ("/retract/ui/accessible-labels", test_accessible_labels);
  g_test_add_func ("/retract/ui/every-seed-scenario", test_every_seed_scenario);
  g_test_add_func ("/retract/ui/details-focus-first-wrong", test_details_focus_first_wrong);
  g_test_add_func ("/retract/ui/details-error-clears", test_details_error_clears);
  g_test_add_func ("/retract/ui/delete-saved-data", test_delete_saved_data);
  g_test_add_func ("/retract/ui/new-rules-reassess", test_new_rules_reassess);
  g_test_add_func ("/retract/ui/expired-rules-banner", test_expired_rules_banner);
  g_test_add_func ("/retract/ui/import-rules-refreshes", test_import_rules_refreshes);
  g_test_add_func ("/retract/ui/import-rules-chooser", test_import_rules_chooser);
  g_test_add_func ("/retract/ui/built-when-needed", test_built_when_needed);
  g_test_add_func ("/retract/ui/keyboard-home-names", test_keyboard_home_names);
  g_test_add_func ("/retract/ui/keyboard-start-focus", test_keyboard_start_focus);
  g_test_add_func ("/retract/ui/keyboard-quick-picks", test_keyboard_quick_picks);
  g_test_add_func ("/retract/ui/keyboard-review-stops", test_keyboard_review_stops);
  g_test_add_func ("/retract/ui/keyboard-overview-stops", test_keyboard_overview_stops);
  g_test_add_func ("/retract/ui/keyboard-step-scrollers", test_keyboard_step_scrollers);
  g_test_add_func ("/retract/ui/keyboard-step-focus", test_keyboard_step_focus);
  g_test_add_func ("/retract/ui/keyboard-platform-focus", test_keyboard_platform_focus);
  g_test_add_func ("/retract/ui/situation-sole-type", test_situation_sole_type);
  g_test_add_func ("/retract/ui/keyboard-date-popover-still", test_keyboard_date_popover_still);
  g_test_add_func ("/retract/ui/keyboard-narrow-headings-wrap", test_keyboard_narrow_headings_wrap);
  g_test_add_func ("/retract/ui/keyboard-shortcuts-window", test_keyboard_shortcuts_window);
  g_test_add_func ("/retract/ui/keyboard-step-keys-in-fields", test_keyboard_step_keys_in_fields);
  g_test_add_func ("/retract/ui/hostile-text", test_hostile_text);
  g_test_add_func ("/retract/ui/problem-toast-stays", test_problem_toast_stays);
  g_test_add_func ("/retract/ui/import-rules-refused", test_import_rules_refused);
  g_test_add_func ("/retract/ui/pasted-controls", test_pasted_controls);
  g_test_add_func ("/retract/ui/unbroken-text-wraps-by-character",
                   test_unbroken_text_wraps_by_character);
  g_test_add_func ("/retract/ui/step-notify", test_step_notify);
  g_test_add_func ("/retract/ui/hidden-pages-left-out", test_hidden_pages_left_out);
  g_test_add_func ("/retract/ui/quit-saves-window-size", test_quit_saves_window_size);
  g_test_add_func ("/retract/ui/delete-forgets-history", test_delete_forgets_history);
  g_test_add_func ("/retract/ui/handlers-follow-context", test_handlers_follow_context);
  g_test_add_func ("/retract/ui/shown-assesses-once", test_shown_assesses_once);
  g_test_add_func ("/retract/ui/hidden-wizard-waits", test_hidden_wizard_waits);
  g_test_add_func ("/retract/ui/overview-unassessed-says-what-to-do",
                   test_overview_unassessed_says_what_to_do);
  g_test_add_func ("/retract/ui/details-note-in-view", test_details_note_in_view);
  g_test_add_func ("/retract/ui/wechat-id-on-wechat-only", test_wechat_id_on_wechat_only);
  g_test_add_func ("/retract/ui/autosave-in-background", test_autosave_in_background);
  g_test_add_func ("/retract/ui/overview-record-step", test_overview_record_step);
  g_test_add_func ("/retract/ui/overview-switch-keeps-rows", test_overview_switch_keeps_rows);
  g_test_add_func ("/retract/ui/result-minute-keeps-rows", test_result_minute_keeps_rows);
  g_test_add_func ("/retract/ui/overview-due-notifies", test_overview_due_notifies);
  g_test_add_func ("/retract/ui/minute-does-little", test_minute_does_little);
  g_test_add_func ("/retract/ui/overview-limit-asks-first", test_overview_limit_asks_first);
  g_test_add_func ("/retract/ui/log-dialog-refusals", test_log_dialog_refusals);
  g_test_add_func ("/retract/ui/overview-resolve-reopen", test_overview_resolve_reopen);
  g_test_add_func ("/retract/ui/overview-accessible-labels", test_overview_accessible_labels);
  g_test_add_func ("/retract/ui/overview-keyboard-record", test_overview_keyboard_record);
  g_test_add_func ("/retract/ui/notification-opens-case", test_notification_opens_case);
  g_test_add_func ("/retract/ui/window-select-and-record", test_window_select_and_record);
  g_test_add_func ("/retract/ui/home-list-order", test_home_list_order);
  g_test_add_func ("/retract/ui/home-status-same-words", test_home_status_same_words);
  g_test_add_func ("/retract/ui/home-delete-undo", test_home_delete_undo);
  g_test_add_func ("/retract/ui/home-migration", test_home_migration);
  g_test_add_func ("/retract/ui/home-search", test_home_search);
  g_test_add_func ("/retract/ui/home-default-width", test_home_default_width);
  g_test_add_func ("/retract/ui/home-keys", test_home_keys);
  g_test_add_func ("/retract/ui/home-blank-new-case", test_home_blank_new_case);
  g_test_add_func ("/retract/ui/circumstances-known-count", test_circumstances_known_count);
  g_test_add_func ("/retract/ui/home-import-export", test_home_import_export);
  g_test_add_func ("/retract/ui/home-import-fails-late", test_home_import_fails_late);
  g_test_add_func ("/retract/ui/home-reminders", test_home_reminders);
  g_test_add_func ("/retract/ui/home-file-choosers", test_home_file_choosers);
  g_test_add_func ("/retract/ui/overview-edit-steps", test_overview_edit_steps);
  g_test_add_func ("/retract/ui/materials-attach-chooser", test_materials_attach_chooser);

  return g_test_run ();
}
