/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Issue 15 through the real window: the identity documents, the guardian's
 * and the company's details, a character the letter cannot draw, the
 * preview that grows and zooms, Copy Appeal Message only when the appeal is
 * the route, and reminders in the interface's language; every control on
 * the way has an accessible name. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "retract-details-page.h"
#include "retract-glyph-check.h"
#include "retract-review-page.h"
#include "retract-time.h"
#include "ui-harness.h"

static void
assert_step (Harness    *harness,
             const char *step)
{
  g_assert_cmpstr (retract_wizard_get_step (retract_window_get_wizard (harness->window)), ==, step);
}

static gboolean
shows_label (GtkWidget  *root,
             const char *needle)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), needle) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, needle))
      return TRUE;

  return FALSE;
}

/* ---- accessible names ---- */

static gboolean
is_interactive (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_TEXT_VIEW (widget) || GTK_IS_MENU_BUTTON (widget) ||
         GTK_IS_DROP_DOWN (widget) || ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget) ||
         GTK_IS_SCROLLED_WINDOW (widget) || GTK_IS_DRAWING_AREA (widget);
}

static gboolean
shows_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child))
      return TRUE;

  return FALSE;
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)) != NULL &&
           *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)) != '\0';
  /* A button with words on it is named by them; an icon names nothing. */
  if (GTK_IS_BUTTON (widget))
    return (gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
            gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL) ||
           (gtk_button_get_child (GTK_BUTTON (widget)) != NULL &&
            !GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))) &&
            shows_text (gtk_button_get_child (GTK_BUTTON (widget))));
  /* A scrolled window and a drawing area are named by what they hold. */
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget)) == NULL ||
           !GTK_IS_DRAWING_AREA (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget))) ||
           has_name (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget)));

  return FALSE;
}

/* Every visible control under @root, by type and, when it has one, its
 * action; rows and entries name their own parts. */
static void
check_names (GtkWidget *root,
             GString   *unnamed)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;

      if (is_interactive (child) && !has_name (child))
        g_string_append_printf (unnamed, "%s (%s)\n", G_OBJECT_TYPE_NAME (child),
                                GTK_IS_ACTIONABLE (child) &&
                                gtk_actionable_get_action_name (GTK_ACTIONABLE (child)) != NULL
                                ? gtk_actionable_get_action_name (GTK_ACTIONABLE (child))
                                : gtk_widget_get_name (child));
      /* Named, but read wrongly: "_Delete Delete", "GtkImage". */
      harness_check_spoken_name (child, unnamed);

      if (!ADW_IS_ENTRY_ROW (child) && !ADW_IS_COMBO_ROW (child) && !GTK_IS_SPIN_BUTTON (child))
        check_names (child, unnamed);
    }
}

/* ---- the walk ---- */

typedef struct
{
  RetractDetail  detail;
  const char    *text;
} Answer;

/* Types into the real fields, as a person would. */
static void
type_answers (Harness      *harness,
              const Answer *answers,
              guint         n_answers)
{
  RetractDetailsPage *page = RETRACT_DETAILS_PAGE (harness_page (harness, "details"));

  for (guint i = 0; i < n_answers; i++)
    {
      GtkWidget *field = retract_details_page_get_field (page, answers[i].detail);

      g_assert_true (gtk_widget_is_visible (field));
      if (ADW_IS_ENTRY_ROW (field))
        gtk_editable_set_text (GTK_EDITABLE (field), answers[i].text);
      else
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)),
                                  answers[i].text, -1);
    }
  harness_settle ();
}

/* From the start to the materials, naming every control of every page
 * passed; @scenario is turned on in the circumstances. */
static void
walk_to_materials (Harness    *harness,
                   const char *type,
                   const char *scenario,
                   GString    *unnamed)
{
  retract_window_start (harness->window, FALSE);
  check_names (GTK_WIDGET (harness->window), unnamed);
  harness_fill_situation (harness, "wechat", type, "2026-11-24T10:00:00+08:00");
  harness_next (harness);
  assert_step (harness, "circumstances");
  if (scenario != NULL)
    retract_case_set_scenario_enabled (retract_window_get_case (harness->window), scenario, TRUE);
  harness_settle ();
  check_names (GTK_WIDGET (harness->window), unnamed);
  harness_next (harness);
  assert_step (harness, "result");
  check_names (GTK_WIDGET (harness->window), unnamed);
  harness_next (harness);
  assert_step (harness, "materials");
  check_names (GTK_WIDGET (harness->window), unnamed);
}

/* On to the details. */
static void
walk_to_details (Harness    *harness,
                 const char *type,
                 const char *scenario,
                 GString    *unnamed)
{
  walk_to_materials (harness, type, scenario, unnamed);
  harness_next (harness);
  assert_step (harness, "details");
  check_names (GTK_WIDGET (harness->window), unnamed);
}

static const Answer common_answers[] = {
  { RETRACT_DETAIL_APPLICANT_NAME, "张三" },
  { RETRACT_DETAIL_APPLICANT_WECHAT_ID, "zhangsan_01" },
  { RETRACT_DETAIL_COMPLAINT_NUMBER, "WX20261124001" },
  { RETRACT_DETAIL_RESPONDENT, "李四" },
  { RETRACT_DETAIL_NARRATIVE, "2026年11月24日上午10点，我在微信里想给李四发消息，误点了“投诉”并提交。" },
  { RETRACT_DETAIL_REASON, "李四没有任何违规行为，投诉是误触造成的。" },
};

/* Whether the page's control for @action is there to use: shown, and its
 * action enabled (a disabled action makes its button insensitive). */
static gboolean
offers (GtkWidget  *page,
        const char *action)
{
  GtkWidget *button = harness_find_action (page, action);

  g_assert_nonnull (button);
  return gtk_widget_is_visible (button) && gtk_widget_is_sensitive (button);
}

/* Next from the details page reaches the review, whose letter is ready to
 * export; the review's controls are named too. */
static RetractLetter *
walk_to_export (Harness *harness,
                GString *unnamed)
{
  RetractReviewPage *review;

  harness_next (harness);
  assert_step (harness, "review");
  review = RETRACT_REVIEW_PAGE (harness_page (harness, "review"));
  g_assert_nonnull (retract_review_page_get_letter (review));
  g_assert_cmpuint (retract_review_page_get_preview_pages (review), >, 0);
  g_assert_true (offers (GTK_WIDGET (review), "review.export-pdf"));
  g_assert_true (offers (GTK_WIDGET (review), "review.export-text"));
  g_assert_true (offers (GTK_WIDGET (review), "review.print"));
  check_names (GTK_WIDGET (harness->window), unnamed);
  return retract_review_page_get_letter (review);
}

/* With RETRACT_SCREENSHOTS set to a folder, the states worth looking at are
 * saved there as PNGs. */
static void
maybe_shoot (Harness    *harness,
             const char *name)
{
  const char *directory = g_getenv ("RETRACT_SCREENSHOTS");
  g_autofree char *path = NULL;

  if (directory == NULL)
    return;
  path = g_build_filename (directory, name, NULL);
  harness_settle ();
  g_assert_true (harness_save_png (GTK_WIDGET (harness->window), path));
}

static void
assert_all_named (GString *unnamed)
{
  if (unnamed->len > 0)
    g_error ("controls without an accessible name:\n%s", unnamed->str);
}

/* A Hong Kong resident: the cross-border case opens with the Hong Kong
 * identity card chosen, takes A123456(3) and a +852 phone, and says under
 * the field what is wrong with a bad check digit. */
static void
test_hong_kong_case (void)
{
  static const Answer answers[] = {
    { RETRACT_DETAIL_APPLICANT_PHONE, "+85291234567" },
    { RETRACT_DETAIL_APPLICANT_ID_NUMBER, "A123456(4)" },
  };
  Harness harness;
  g_autoptr(GString) unnamed = g_string_new (NULL);
  RetractDetailsPage *page;
  RetractCase *kase;
  GtkWidget *id_type;
  const char *error;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  walk_to_details (&harness, "friend-report", "cross-border", unnamed);
  page = RETRACT_DETAILS_PAGE (harness_page (&harness, "details"));
  kase = retract_window_get_case (harness.window);

  id_type = retract_details_page_get_id_type_row (page, RETRACT_ID_HOLDER_APPLICANT);
  g_assert_true (gtk_widget_is_visible (id_type));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (id_type)), ==,
                    RETRACT_ID_DOCUMENT_HK_ID);
  g_assert_cmpstr (gtk_string_object_get_string (
                     GTK_STRING_OBJECT (adw_combo_row_get_selected_item (ADW_COMBO_ROW (id_type)))),
                   ==, retract_id_document_type_label (RETRACT_ID_DOCUMENT_HK_ID));
  /* Neither a guardian's nor a company's details in this case. */
  g_assert_false (gtk_widget_is_visible (retract_details_page_get_field (
                    page, RETRACT_DETAIL_GUARDIAN_NAME)));
  g_assert_false (gtk_widget_is_visible (retract_details_page_get_field (
                    page, RETRACT_DETAIL_ENTERPRISE_NAME)));

  type_answers (&harness, common_answers, G_N_ELEMENTS (common_answers));
  type_answers (&harness, answers, G_N_ELEMENTS (answers));

  /* A wrong check digit: the user stays, told under the field. */
  harness_next (&harness);
  assert_step (&harness, "details");
  error = retract_details_page_get_error (page, RETRACT_DETAIL_APPLICANT_ID_NUMBER);
  g_assert_nonnull (error);
  /* Named as the page names the field. */
  g_assert_true (g_str_has_prefix (error, "Document number (optional): "));
  g_assert_null (retract_details_page_get_error (page, RETRACT_DETAIL_APPLICANT_PHONE));
  g_assert_null (retract_details_page_get_error (page, RETRACT_DETAIL_APPLICANT_NAME));
  maybe_shoot (&harness, "details-hong-kong-error.png");

  gtk_editable_set_text (GTK_EDITABLE (retract_details_page_get_field (
                           page, RETRACT_DETAIL_APPLICANT_ID_NUMBER)), "A123456(3)");
  harness_settle ();
  check_names (GTK_WIDGET (harness.window), unnamed);
  walk_to_export (&harness, unnamed);
  g_assert_cmpint (retract_case_get_id_document_type (kase, RETRACT_ID_HOLDER_APPLICANT), ==,
                   RETRACT_ID_DOCUMENT_HK_ID);
  g_assert_null (retract_details_page_get_error (page, RETRACT_DETAIL_APPLICANT_ID_NUMBER));
  /* The review names the document and masks the number by its rule; it asks
   * for no guardian and no company. */
  {
    g_autofree char *masked = retract_mask_id_document (RETRACT_ID_DOCUMENT_HK_ID, "A123456(3)");
    g_autofree char *shown = g_strdup_printf ("Hong Kong identity card · %s", masked);
    GtkWidget *review = GTK_WIDGET (harness_page (&harness, "review"));

    g_assert_cmpstr (masked, !=, "A123456(3)");
    g_assert_true (shows_label (review, shown));
    g_assert_false (shows_label (review, "A123456(3)"));
    g_assert_false (shows_label (review, retract_detail_get_label (RETRACT_DETAIL_GUARDIAN_NAME)));
    g_assert_false (shows_label (review, retract_detail_get_label (RETRACT_DETAIL_ENTERPRISE_NAME)));
  }

  /* Choosing a passport instead goes to the case. */
  retract_wizard_go_to (retract_window_get_wizard (harness.window), "details");
  harness_settle ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (id_type), RETRACT_ID_DOCUMENT_PASSPORT);
  harness_settle ();
  g_assert_cmpint (retract_case_get_id_document_type (kase, RETRACT_ID_HOLDER_APPLICANT), ==,
                   RETRACT_ID_DOCUMENT_PASSPORT);

  assert_all_named (unnamed);
  harness_clear (&harness);
}

/* A parent acting for a child: the guardian's group is there, its required
 * fields are asked for under each one, and the guardian's own document type
 * is chosen beside the number. */
static void
test_guardian_case (void)
{
  static const Answer answers[] = {
    { RETRACT_DETAIL_APPLICANT_PHONE, "13800138000" },
    { RETRACT_DETAIL_APPLICANT_ID_NUMBER, "110105201003070025" },
  };
  static const Answer guardian[] = {
    { RETRACT_DETAIL_GUARDIAN_NAME, "张父" },
    { RETRACT_DETAIL_GUARDIAN_RELATIONSHIP, "父亲" },
    { RETRACT_DETAIL_GUARDIAN_PHONE, "13900139000" },
    { RETRACT_DETAIL_GUARDIAN_ID_NUMBER, "E12345678" },
  };
  Harness harness;
  g_autoptr(GString) unnamed = g_string_new (NULL);
  RetractDetailsPage *page;
  RetractCase *kase;
  GtkWidget *guardian_type;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  walk_to_details (&harness, "friend-report", "minor", unnamed);
  page = RETRACT_DETAILS_PAGE (harness_page (&harness, "details"));
  kase = retract_window_get_case (harness.window);

  for (guint i = 0; i < G_N_ELEMENTS (guardian); i++)
    g_assert_true (gtk_widget_is_visible (retract_details_page_get_field (page,
                                                                          guardian[i].detail)));
  g_assert_false (gtk_widget_is_visible (retract_details_page_get_field (
                    page, RETRACT_DETAIL_ENTERPRISE_NAME)));
  guardian_type = retract_details_page_get_id_type_row (page, RETRACT_ID_HOLDER_GUARDIAN);
  g_assert_true (gtk_widget_is_visible (guardian_type));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (guardian_type)), ==,
                    RETRACT_ID_DOCUMENT_MAINLAND_ID);

  /* Without the guardian, Next says what is missing, under each field. */
  type_answers (&harness, common_answers, G_N_ELEMENTS (common_answers));
  type_answers (&harness, answers, G_N_ELEMENTS (answers));
  harness_next (&harness);
  assert_step (&harness, "details");
  g_assert_nonnull (retract_details_page_get_error (page, RETRACT_DETAIL_GUARDIAN_NAME));
  g_assert_nonnull (retract_details_page_get_error (page, RETRACT_DETAIL_GUARDIAN_RELATIONSHIP));
  g_assert_nonnull (retract_details_page_get_error (page, RETRACT_DETAIL_GUARDIAN_PHONE));
  g_assert_null (retract_details_page_get_error (page, RETRACT_DETAIL_APPLICANT_NAME));
  g_assert_null (retract_details_page_get_error (page, RETRACT_DETAIL_APPLICANT_ID_NUMBER));
  check_names (GTK_WIDGET (harness.window), unnamed);

  /* The guardian holds a passport. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (guardian_type), RETRACT_ID_DOCUMENT_PASSPORT);
  type_answers (&harness, guardian, G_N_ELEMENTS (guardian));
  g_assert_cmpint (retract_case_get_id_document_type (kase, RETRACT_ID_HOLDER_GUARDIAN), ==,
                   RETRACT_ID_DOCUMENT_PASSPORT);
  g_assert_cmpstr (retract_case_get_detail (kase, RETRACT_DETAIL_GUARDIAN_NAME), ==, "张父");
  walk_to_export (&harness, unnamed);
  g_assert_null (retract_details_page_get_error (page, RETRACT_DETAIL_GUARDIAN_NAME));
  {
    GtkWidget *review = GTK_WIDGET (harness_page (&harness, "review"));
    g_autofree char *masked = retract_mask_id_document (RETRACT_ID_DOCUMENT_PASSPORT, "E12345678");
    g_autofree char *shown = g_strdup_printf ("Passport · %s", masked);

    g_assert_true (shows_label (review, "张父"));
    g_assert_true (shows_label (review, shown));
    g_assert_false (shows_label (review, retract_detail_get_label (RETRACT_DETAIL_ENTERPRISE_NAME)));
  }

  /* Without the minor scenario the group goes, and nothing of it is asked. */
  retract_case_set_scenario_enabled (kase, "minor", FALSE);
  retract_wizard_go_to (retract_window_get_wizard (harness.window), "details");
  harness_settle ();
  g_assert_false (gtk_widget_is_visible (retract_details_page_get_field (
                    page, RETRACT_DETAIL_GUARDIAN_NAME)));
  g_assert_false (gtk_widget_is_visible (guardian_type));
  /* The keyboard is not left on a field that went. */
  g_assert_true (gtk_widget_is_visible (gtk_root_get_focus (GTK_ROOT (harness.window))));

  assert_all_named (unnamed);
  harness_clear (&harness);
}

/* A WeCom account: the company's name and credit code, the code checked by
 * the core (GB 32100-2015) and the error shown under it. */
static void
test_enterprise_case (void)
{
  static const Answer answers[] = {
    { RETRACT_DETAIL_APPLICANT_PHONE, "13800138000" },
    { RETRACT_DETAIL_ENTERPRISE_NAME, "福州某某科技有限公司" },
    { RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE, "91350100M000100Y44" },
  };
  Harness harness;
  g_autoptr(GString) unnamed = g_string_new (NULL);
  RetractDetailsPage *page;
  RetractCase *kase;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  walk_to_details (&harness, "friend-report", "enterprise", unnamed);
  page = RETRACT_DETAILS_PAGE (harness_page (&harness, "details"));
  kase = retract_window_get_case (harness.window);

  g_assert_true (gtk_widget_is_visible (retract_details_page_get_field (
                   page, RETRACT_DETAIL_ENTERPRISE_NAME)));
  g_assert_true (gtk_widget_is_visible (retract_details_page_get_field (
                   page, RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE)));
  g_assert_false (gtk_widget_is_visible (retract_details_page_get_field (
                    page, RETRACT_DETAIL_GUARDIAN_NAME)));

  type_answers (&harness, common_answers, G_N_ELEMENTS (common_answers));
  type_answers (&harness, answers, G_N_ELEMENTS (answers));
  harness_next (&harness);
  assert_step (&harness, "details");
  g_assert_nonnull (retract_details_page_get_error (page, RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE));
  g_assert_null (retract_details_page_get_error (page, RETRACT_DETAIL_ENTERPRISE_NAME));
  check_names (GTK_WIDGET (harness.window), unnamed);

  gtk_editable_set_text (GTK_EDITABLE (retract_details_page_get_field (
                           page, RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE)), "91350100M000100Y43");
  harness_settle ();
  walk_to_export (&harness, unnamed);
  g_assert_cmpstr (retract_case_get_detail (kase, RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE), ==,
                   "91350100M000100Y43");
  g_assert_true (shows_label (GTK_WIDGET (harness_page (&harness, "review")),
                              "91350100M000100Y43"));
  g_assert_false (shows_label (GTK_WIDGET (harness_page (&harness, "review")),
                               retract_detail_get_label (RETRACT_DETAIL_GUARDIAN_NAME)));

  assert_all_named (unnamed);
  harness_clear (&harness);
}

/* A character the letter cannot draw is pointed out under its field, named,
 * as soon as it is typed; Chinese is not, and the warning goes with the
 * character. The user may still go on: it is a warning, not an error. */
static void
test_missing_glyph_warning (void)
{
  Harness harness;
  g_autoptr(GString) unnamed = g_string_new (NULL);
  RetractDetailsPage *page;
  GtkWidget *name;
  GtkWidget *narrative;
  const char *warning;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  walk_to_details (&harness, "friend-report", NULL, unnamed);
  page = RETRACT_DETAILS_PAGE (harness_page (&harness, "details"));
  harness_fill_details (&harness);
  name = retract_details_page_get_field (page, RETRACT_DETAIL_APPLICANT_NAME);
  narrative = retract_details_page_get_field (page, RETRACT_DETAIL_NARRATIVE);

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    g_assert_null (retract_details_page_get_glyph_warning (page, i));

  gtk_editable_set_text (GTK_EDITABLE (name), "张三👍");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (narrative)),
                            "误点了投诉，谢谢🙏", -1);
  harness_settle ();
  warning = retract_details_page_get_glyph_warning (page, RETRACT_DETAIL_APPLICANT_NAME);
  g_assert_nonnull (warning);
  g_assert_true (g_str_has_prefix (warning, "Your name (as on your ID card): "));
  g_assert_nonnull (strstr (warning, "👍"));
  g_assert_nonnull (strstr (warning, "U+1F44D"));
  warning = retract_details_page_get_glyph_warning (page, RETRACT_DETAIL_NARRATIVE);
  g_assert_nonnull (warning);
  g_assert_true (g_str_has_prefix (warning, "What happened: "));
  g_assert_nonnull (strstr (warning, "U+1F64F"));
  g_assert_null (retract_details_page_get_glyph_warning (page, RETRACT_DETAIL_REASON));
  g_assert_nonnull (harness_find (GTK_WIDGET (page), GTK_TYPE_LABEL, "warning"));
  maybe_shoot (&harness, "details-missing-glyph.png");
  check_names (GTK_WIDGET (harness.window), unnamed);

  /* Plain Chinese: no warning left. */
  gtk_editable_set_text (GTK_EDITABLE (name), "张三");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (narrative)),
                            "误点了投诉，谢谢。", -1);
  harness_settle ();
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    g_assert_null (retract_details_page_get_glyph_warning (page, i));
  g_assert_null (harness_find (GTK_WIDGET (page), GTK_TYPE_LABEL, "warning"));

  /* A keystroke checks the field typed in, not every field again (the page
   * syncs with the case after each one): 10 keystrokes, 10 layouts. */
  {
    guint before = retract_glyph_check_get_n_layouts ();

    for (guint i = 0; i < 10; i++)
      gtk_editable_set_text (GTK_EDITABLE (name), i % 2 == 0 ? "张三1" : "张三");
    g_assert_cmpuint (retract_glyph_check_get_n_layouts () - before, <=, 10);
    g_assert_null (retract_details_page_get_glyph_warning (page, RETRACT_DETAIL_APPLICANT_NAME));
  }

  assert_all_named (unnamed);
  harness_clear (&harness);
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
        GtkWidget *button = harness_find_action (GTK_WIDGET (review), actions[i]);

        g_assert_nonnull (gtk_widget_get_tooltip_text (button));
        g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                         GTK_ACCESSIBLE_PROPERTY_LABEL));
      }
  }
  gtk_widget_activate_action (GTK_WIDGET (review), "review.zoom-reset", NULL);
  harness_settle ();

  /* The shortcuts window lists the zoom keys. */
  gtk_widget_activate_action (GTK_WIDGET (harness.window), "win.show-help-overlay", NULL);
  harness_settle ();
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *shortcuts = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

        if (GTK_IS_SHORTCUTS_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
          shortcuts = window;
      }
    g_assert_nonnull (shortcuts);
    g_assert_true (shows_label (GTK_WIDGET (shortcuts), "Letter preview"));
    g_assert_true (shows_label (GTK_WIDGET (shortcuts), "Zoom in"));
    g_assert_true (shows_label (GTK_WIDGET (shortcuts), "Zoom out"));
    g_assert_true (shows_label (GTK_WIDGET (shortcuts), "Fit the page to the width"));
    gtk_window_close (shortcuts);
    harness_settle ();
  }

  /* A narrower window, a narrower sheet: it follows the window. */
  gtk_window_set_default_size (GTK_WINDOW (harness.window), 480, 800);
  harness_settle ();
  retract_review_page_get_preview_size (review, &narrow, &unused);
  g_assert_cmpint (narrow, <, width);
  g_assert_cmpint (narrow, >=, 240);

  harness_clear (&harness);
}

/* §5.8: an attached file counts as ready, in the count, on the review and
 * in the letter, which lists exactly what counts: the attached identity
 * photo, not the screen recording nobody has. */
static void
test_attached_counts_as_ready (void)
{
  Harness harness;
  RetractCase *kase;
  GtkWidget *materials;
  GtkWidget *check;
  g_autoptr(GError) error = NULL;
  g_autofree char *letter = NULL;

  harness_start_case (&harness, "2026-11-24T13:00:00+08:00", "wechat", "friend-report",
                      "2026-11-24T10:00:00+08:00");
  harness_fill_details (&harness);
  kase = retract_window_get_case (harness.window);
  retract_wizard_go_to (retract_window_get_wizard (harness.window), "materials");
  harness_settle ();
  materials = GTK_WIDGET (harness_page (&harness, "materials"));
  g_assert_true (shows_label (materials, "0 of 2 ready"));

  g_assert_true (retract_case_set_material_attachment (kase, "identity",
                                                       "/home/user/Pictures/id-card.jpg", &error));
  g_assert_no_error (error);
  harness_settle ();
  g_assert_true (retract_case_get_material_ready (kase, "identity"));
  g_assert_false (retract_case_get_material_ready (kase, "screen-recording"));
  g_assert_true (shows_label (materials, "1 of 2 ready"));
  /* The tick follows the file: on, and left to the file. */
  check = harness_find (materials, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (gtk_widget_is_sensitive (check));

  retract_wizard_go_to (retract_window_get_wizard (harness.window), "review");
  harness_settle ();
  g_assert_true (shows_label (GTK_WIDGET (harness_page (&harness, "review")),
                              "Ready · id-card.jpg"));
  letter = retract_letter_to_text (retract_review_page_get_letter (
                                     RETRACT_REVIEW_PAGE (harness_page (&harness, "review"))));
  g_assert_nonnull (strstr (letter, "身份验证材料（文件：id-card.jpg）"));
  g_assert_null (strstr (letter, "录屏"));

  /* Removing the file unticks it, and the letter no longer lists it. */
  retract_case_set_material_attachment (kase, "identity", NULL, NULL);
  harness_settle ();
  g_assert_false (retract_case_get_material_ready (kase, "identity"));
  g_clear_pointer (&letter, g_free);
  letter = retract_letter_to_text (retract_review_page_get_letter (
                                     RETRACT_REVIEW_PAGE (harness_page (&harness, "review"))));
  g_assert_null (strstr (letter, "身份验证材料"));

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
  g_assert_false (gtk_widget_is_visible (harness_find_action (review, "review.copy-appeal")));
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

/* A Traditional interface (zh_HK) shows a Traditional copy to read beside
 * the Simplified letter to send, where others show the English copy. */
static void
test_traditional_reading_copy (void)
{
  Harness harness;
  RetractReviewPage *review;
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));
  GtkWidget *reading_switch;
  RetractLetter *letter;

  g_setenv ("LANGUAGE", "zh_HK", TRUE);
  harness_init (&harness, "2026-11-24T10:30:00+08:00");
  harness_open_window (&harness);
  fill_to_review (&harness, "2026-11-24T10:00:00+08:00");
  review = RETRACT_REVIEW_PAGE (harness_page (&harness, "review"));
  reading_switch = harness_find (GTK_WIDGET (review), GTK_TYPE_SWITCH, NULL);
  letter = retract_review_page_get_letter (review);
  g_assert_cmpint (retract_letter_get_language (letter), ==, RETRACT_LANGUAGE_ZH_CN);
  g_assert_cmpstr (retract_letter_get_title (letter), ==, "误投诉撤销申请书");

  gtk_switch_set_active (GTK_SWITCH (reading_switch), TRUE);
  harness_settle ();
  letter = retract_review_page_get_letter (review);
  g_assert_cmpint (retract_letter_get_language (letter), ==, RETRACT_LANGUAGE_ZH_HK);
  g_assert_cmpstr (retract_letter_get_title (letter), ==, "誤投訴撤銷申請書");

  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  harness_clear (&harness);
}

/* The name @action's chooser suggests; the chooser is then cancelled. */
static char *
suggested_name (GtkWidget  *review,
                const char *action)
{
  GtkFileChooser *chooser;
  char *name;

  gtk_widget_activate_action (review, action, NULL);
  harness_settle ();
  chooser = harness_find_file_chooser ();
  g_assert_nonnull (chooser);
  name = gtk_file_chooser_get_current_name (chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  harness_settle ();
  g_assert_null (harness_find_file_chooser ());
  return name;
}

/* The folder @action's chooser opens in; the chooser is then cancelled. */
static char *
start_folder (GtkWidget  *review,
              const char *action)
{
  g_autoptr(GFile) folder = NULL;
  GtkFileChooser *chooser;

  gtk_widget_activate_action (review, action, NULL);
  harness_settle ();
  chooser = harness_find_file_chooser ();
  g_assert_nonnull (chooser);
  folder = gtk_file_chooser_get_current_folder (chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  harness_settle ();
  return folder != NULL ? g_file_get_path (folder) : NULL;
}

/* A chooser opens where the last file was chosen, so the text copy goes
 * beside the PDF; the first one in the Documents folder or the home, not
 * in the folder the app was started from (session 23's walk). */
static void
test_chooser_remembers_folder (void)
{
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *gone = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *chosen = g_dir_make_tmp ("retract-test-exports-XXXXXX", NULL);
  g_autofree char *written = g_build_filename (chosen, "letter.txt", NULL);
  g_autoptr(GFile) chosen_folder = g_file_new_for_path (chosen);
  g_autofree char *cwd = g_get_current_dir ();
  GtkWidget *review;
  GtkFileChooser *chooser;
  Harness harness;

  harness_init (&harness, "2026-11-24T10:30:00+08:00");
  harness_open_window (&harness);
  fill_to_review (&harness, "2026-11-24T10:00:00+08:00");
  review = GTK_WIDGET (harness_page (&harness, "review"));

  /* The Documents folder or the home, or where an earlier test of this
   * run chose a file; never where the process happens to be. */
  first = start_folder (review, "review.export-pdf");
  g_assert_nonnull (first);
  g_assert_cmpstr (first, !=, cwd);

  /* A text copy saved in another folder... */
  gtk_widget_activate_action (review, "review.export-text", NULL);
  harness_settle ();
  chooser = harness_find_file_chooser ();
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, chosen_folder, NULL));
  gtk_file_chooser_set_current_name (chooser, "letter.txt");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  for (guint i = 0; i < 100 && !g_file_test (written, G_FILE_TEST_EXISTS); i++)
    harness_settle ();
  g_assert_true (g_file_test (written, G_FILE_TEST_EXISTS));

  /* ...and the next chooser opens there. */
  again = start_folder (review, "review.export-pdf");
  g_assert_cmpstr (again, ==, chosen);

  /* Unless that folder has gone since: then Documents, else the home, as
   * the first time (GTK would fall back to the working folder). */
  g_assert_no_errno (g_unlink (written));
  g_assert_no_errno (g_rmdir (chosen));
  gone = start_folder (review, "review.export-pdf");
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    g_assert_cmpstr (gone, ==, documents);
  else
    g_assert_cmpstr (gone, ==, g_get_home_dir ());
  harness_clear (&harness);
}

/* A Traditional interface suggests Traditional file names for the
 * Traditional copy and the reminders; the letter to send keeps its
 * Simplified name, and an English interface English names. */
static void
test_traditional_file_names (void)
{
  static const struct
  {
    const char *language;
    gboolean    reading_copy;
    const char *pdf;
    const char *text;
    const char *reminders;
  } cases[] = {
    { "zh_HK", TRUE, "誤投訴撤銷申請書-2026-11-24.pdf", "誤投訴撤銷申請書-2026-11-24.txt",
      "誤投訴撤銷期限-2026-11-24.ics" },
    { "zh_HK", FALSE, "误投诉撤销申请书-2026-11-24.pdf", "误投诉撤销申请书-2026-11-24.txt",
      "誤投訴撤銷期限-2026-11-24.ics" },
    { "en", TRUE, "appeal-letter-2026-11-24.pdf", "appeal-letter-2026-11-24.txt",
      "deadlines-2026-11-24.ics" },
    { "en", FALSE, "误投诉撤销申请书-2026-11-24.pdf", "误投诉撤销申请书-2026-11-24.txt",
      "deadlines-2026-11-24.ics" },
  };
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Harness harness;
      GtkWidget *review;
      g_autofree char *pdf = NULL;
      g_autofree char *text = NULL;
      g_autofree char *reminders = NULL;

      g_test_message ("%s, reading copy %d", cases[i].language, cases[i].reading_copy);
      g_setenv ("LANGUAGE", cases[i].language, TRUE);
      harness_init (&harness, "2026-11-24T10:30:00+08:00");
      harness_open_window (&harness);
      fill_to_review (&harness, "2026-11-24T10:00:00+08:00");
      review = GTK_WIDGET (harness_page (&harness, "review"));
      gtk_switch_set_active (GTK_SWITCH (harness_find (review, GTK_TYPE_SWITCH, NULL)),
                             cases[i].reading_copy);
      harness_settle ();

      pdf = suggested_name (review, "review.export-pdf");
      text = suggested_name (review, "review.export-text");
      reminders = suggested_name (review, "review.save-reminders");
      g_assert_cmpstr (pdf, ==, cases[i].pdf);
      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpstr (reminders, ==, cases[i].reminders);
      harness_clear (&harness);
    }

  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* What pdftotext -raw reads in the PDF at @path, as one line (Chinese
 * breaks anywhere). */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  return g_strjoinv ("", lines);
}

/* Issue 15 §2: a complaint under judicial investigation cannot be withdrawn,
 * but the user still reaches the documents: the review previews, exports and
 * prints the one-page fact sheet for the lawyer, named as such, not the
 * withdrawal letter. */
static void
test_judicial_fact_sheet (void)
{
  static const Answer answers[] = {
    { RETRACT_DETAIL_APPLICANT_PHONE, "13800138000" },
    { RETRACT_DETAIL_APPLICANT_ID_NUMBER, "11010519491231002X" },
  };
  Harness harness;
  g_autoptr(GString) unnamed = g_string_new (NULL);
  g_autofree char *folder = g_dir_make_tmp ("retract-fact-sheet-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "sheet.pdf", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *text = NULL;
  RetractLetter *letter;
  GtkWidget *review;
  GtkFileChooser *chooser;
  gint64 until;

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  walk_to_details (&harness, "friend-report", "judicial", unnamed);
  type_answers (&harness, common_answers, G_N_ELEMENTS (common_answers));
  type_answers (&harness, answers, G_N_ELEMENTS (answers));
  letter = walk_to_export (&harness, unnamed);
  review = GTK_WIDGET (harness_page (&harness, "review"));

  g_assert_cmpint (retract_letter_get_kind (letter), ==, RETRACT_LETTER_KIND_FACT_SHEET);
  g_assert_cmpstr (retract_letter_get_title (letter), ==, "司法调查投诉事实摘要（供律师参考）");
  g_assert_cmpuint (retract_review_page_get_preview_pages (RETRACT_REVIEW_PAGE (review)), ==, 1);
  g_assert_true (shows_label (review, "Fact sheet for your lawyer"));
  g_assert_false (shows_label (review, "Your appeal documents"));
  /* The copy to read is beside the sheet, not a letter to send. */
  g_assert_true (shows_label (review, "To read; give your lawyer the Chinese fact sheet"));
  g_assert_false (shows_label (review, "send the Chinese letter"));
  /* The ticket asks the platform to withdraw; this goes to a lawyer. */
  g_assert_false (offers (review, "review.copy-ticket"));
  g_assert_false (offers (review, "review.copy-appeal"));
  /* The pictures: the documents' heading and the sheet's top, then (focus
   * on Export PDF… scrolls to it) the sheet's end and the buttons. */
  {
    GtkWidget *export = harness_find_action (review, "review.export-pdf");
    GtkWidget *scroller = gtk_widget_get_ancestor (export, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    graphene_point_t at;

    g_assert_true (gtk_widget_compute_point (export, gtk_scrolled_window_get_child (
                                               GTK_SCROLLED_WINDOW (scroller)),
                                             &GRAPHENE_POINT_INIT (0, 0), &at));
    gtk_adjustment_set_value (adjustment, at.y - 1400);
    maybe_shoot (&harness, "review-judicial.png");
    gtk_widget_grab_focus (export);
    maybe_shoot (&harness, "review-judicial-export.png");
  }

  /* Export PDF…: the chooser says what it saves and suggests a name that
   * says it too; the file written is the fact sheet. */
  gtk_widget_activate_action (review, "review.export-pdf", NULL);
  harness_settle ();
  chooser = harness_find_file_chooser ();
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Export the Fact Sheet");
  suggested = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (suggested, ==, "律师用事实摘要-2026-11-24.pdf");
  gtk_file_chooser_set_current_folder (chooser, folder_file, &error);
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (chooser, "sheet.pdf");
  harness_settle ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  until = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < until)
    harness_settle ();
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "司法调查投诉事实摘要"));
  g_assert_nonnull (strstr (text, "广州互联网法院"));
  g_assert_null (strstr (text, "误投诉撤销申请书"));

  assert_all_named (unnamed);
  g_unlink (path);
  g_rmdir (folder);
  harness_clear (&harness);
}

/* Issue 15 §1: the proof of identity says which document to photograph, and
 * which of its sides or pages: the Hong Kong card's front in a cross-border
 * case, both sides of a mainland card otherwise, the passport's information
 * page once a passport is chosen, and a minor's guardian's document too. */
static void
test_identity_photo_hint (void)
{
  static const struct
  {
    const char *scenario;
    const char *shown;
    const char *not_shown;
  } cases[] = {
    { "cross-border", "Photograph the front of the Hong Kong identity card",
      "Photograph both sides of the identity card" },
    { NULL, "Photograph both sides of the identity card", "Hong Kong identity card" },
    { "minor", "Photograph both sides of the identity card; for the guardian, both sides of "
      "the identity card", "Hong Kong identity card" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Harness harness;
      g_autoptr(GString) unnamed = g_string_new (NULL);
      GtkWidget *materials;

      harness_init (&harness, "2026-11-24T13:00:00+08:00");
      harness_open_window (&harness);
      walk_to_materials (&harness, "friend-report", cases[i].scenario, unnamed);
      materials = GTK_WIDGET (harness_page (&harness, "materials"));
      g_assert_true (shows_label (materials, cases[i].shown));
      g_assert_false (shows_label (materials, cases[i].not_shown));
      if (i == 0)
        maybe_shoot (&harness, "materials-hong-kong.png");

      /* Another document chosen on the details page: the checklist follows. */
      if (cases[i].scenario != NULL && g_str_equal (cases[i].scenario, "cross-border"))
        {
          RetractDetailsPage *details;

          harness_next (&harness);
          assert_step (&harness, "details");
          details = RETRACT_DETAILS_PAGE (harness_page (&harness, "details"));
          adw_combo_row_set_selected (ADW_COMBO_ROW (retract_details_page_get_id_type_row (
                                        details, RETRACT_ID_HOLDER_APPLICANT)),
                                      RETRACT_ID_DOCUMENT_PASSPORT);
          harness_settle ();
          retract_wizard_go_to (retract_window_get_wizard (harness.window), "materials");
          harness_settle ();
          g_assert_true (shows_label (materials, "Photograph the passport's information page, "
                                                 "the one with the photo"));
          g_assert_false (shows_label (materials, cases[i].shown));
        }

      assert_all_named (unnamed);
      harness_clear (&harness);
    }
}

int
main (int   argc,
      char *argv[])
{
  harness_use_own_folders ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/retract/ui-documents/hong-kong-case", test_hong_kong_case);
  g_test_add_func ("/retract/ui-documents/guardian-case", test_guardian_case);
  g_test_add_func ("/retract/ui-documents/enterprise-case", test_enterprise_case);
  g_test_add_func ("/retract/ui-documents/missing-glyph-warning", test_missing_glyph_warning);
  g_test_add_func ("/retract/ui-documents/preview-grows-and-zooms", test_preview_grows_and_zooms);
  g_test_add_func ("/retract/ui-documents/identity-photo-hint", test_identity_photo_hint);
  g_test_add_func ("/retract/ui-documents/attached-counts-as-ready",
                   test_attached_counts_as_ready);
  g_test_add_func ("/retract/ui-documents/copy-appeal-only-on-route",
                   test_copy_appeal_only_on_route);
  g_test_add_func ("/retract/ui-documents/reminders-follow-interface",
                   test_reminders_follow_interface);
  g_test_add_func ("/retract/ui-documents/traditional-reading-copy",
                   test_traditional_reading_copy);
  g_test_add_func ("/retract/ui-documents/judicial-fact-sheet", test_judicial_fact_sheet);
  g_test_add_func ("/retract/ui-documents/traditional-file-names", test_traditional_file_names);
  g_test_add_func ("/retract/ui-documents/chooser-remembers-folder",
                   test_chooser_remembers_folder);

  return g_test_run ();
}
