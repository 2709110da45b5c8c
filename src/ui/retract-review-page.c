/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Step 6: every answer, grouped, each group with a Change button that goes
 * back to where it was given; then the documents: a preview drawn by the
 * same code that makes the PDF and prints, and the ways to take them away. */

#define G_LOG_DOMAIN "retract-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-file.h"
#include "retract-letter-print.h"
#include "retract-letter-renderer.h"
#include "retract-reminders.h"
#include "retract-review-page.h"
#include "retract-rows.h"
#include "retract-time.h"
#include "retract-validators.h"

struct _RetractReviewPage
{
  RetractPage            parent_instance;

  AdwPreferencesGroup   *answer_group;
  GtkWidget             *appeal_button;
  GtkSwitch             *author_switch;
  AdwPreferencesGroup   *circumstances_group;
  AdwPreferencesGroup   *details_group;
  GtkWidget             *document_buttons;
  GtkSwitch             *english_switch;
  AdwActionRow          *reading_copy_row;
  GtkSwitch             *full_id_switch;
  GtkLabel              *letter_error;
  AdwPreferencesGroup   *materials_group;
  GtkLabel              *page_label;
  GtkDrawingArea        *preview;
  GtkWidget             *preview_box;
  GtkWidget             *preview_frame;
  GtkScrolledWindow     *preview_scroller;
  AdwPreferencesGroup   *situation_group;

  GPtrArray             *rows;
  RetractAssessment     *assessment;
  RetractLetter         *letter;
  RetractLetterRenderer *renderer;
  GCancellable          *layout_cancellable; /* while a long letter is laid out */
  guint                  preview_page;
  guint                  zoom_level;  /* an index of zoom_levels */
  int                    fit_width;   /* the frame's width: the sheet at 100% */
  GtkFileChooserNative  *chooser;
};

typedef enum
{
  EXPORT_PDF,
  EXPORT_TEXT,
  EXPORT_REMINDERS,
} ExportKind;

G_DEFINE_FINAL_TYPE (RetractReviewPage, retract_review_page, RETRACT_TYPE_PAGE)

/* How much larger than the frame's width the sheet is drawn; the first fits
 * the width, which is as small as reading allows. */
static const double zoom_levels[] = { 1.0, 1.25, 1.5, 2.0, 2.5, 3.0 };

/* The frame narrower than this scrolls the page instead of shrinking the sheet. */
#define PREVIEW_MIN_WIDTH 240
/* What the frame asks for: the clamp around the page gives it at most its own
 * width, so the sheet grows with the window up to it. */
#define PREVIEW_NATURAL_WIDTH 1200

static void
add_value (RetractReviewPage   *self,
           AdwPreferencesGroup *group,
           const char          *label,
           const char          *value)
{
  GtkWidget *row = retract_rows_add (self->rows, group, label,
                                     value != NULL ? value : _("Not provided"));

  gtk_widget_add_css_class (row, "property");
  if (value == NULL)
    gtk_widget_add_css_class (row, "not-provided");
}

static void
build_situation (RetractReviewPage *self,
                 RetractAssessment *assessment,
                 RetractLanguage    language)
{
  g_autofree char *filed_text = retract_clock_text_dup (retract_assessment_get_filed_at (assessment));

  add_value (self, self->situation_group, _("Platform"),
             retract_text_get (&retract_assessment_get_platform (assessment)->name, language));
  add_value (self, self->situation_group, _("Complaint type"),
             retract_text_get (&retract_assessment_get_complaint_type (assessment)->name,
                               language));
  add_value (self, self->situation_group, _("Filed at"), filed_text);
  add_value (self, self->situation_group, _("What went wrong"),
             retract_text_get (&retract_assessment_get_mistake (assessment)->name, language));
}

static void
build_circumstances (RetractReviewPage *self,
                     RetractCase       *kase,
                     RetractLanguage    language)
{
  RetractRuleset *rules = retract_page_get_rules (RETRACT_PAGE (self));
  const char * const *scenarios = retract_case_get_scenarios (kase);
  g_autoptr(GString) chosen = g_string_new (NULL);
  g_autofree char *withdrawals = g_strdup_printf ("%d",
                                                  retract_case_get_withdrawals_this_month (kase));

  for (guint i = 0; scenarios[i] != NULL; i++)
    {
      const RetractScenario *scenario = retract_ruleset_lookup_scenario (rules, scenarios[i]);

      if (scenario == NULL)
        continue;
      if (chosen->len > 0)
        g_string_append (chosen, _(", "));
      g_string_append (chosen, retract_text_get (&scenario->name, language));
    }

  add_value (self, self->circumstances_group, _("Special circumstances"),
             chosen->len > 0 ? chosen->str : _("None"));
  add_value (self, self->circumstances_group, _("Withdrawals already made this month"),
             withdrawals);
  add_value (self, self->circumstances_group, _("The other party has lost money"),
             retract_case_get_other_party_loss (kase) ? _("Yes") : _("No"));
}

static void
build_answer (RetractReviewPage *self,
              RetractAssessment *assessment,
              RetractLanguage    language)
{
  GPtrArray *channels = retract_assessment_get_channels (assessment);
  GDateTime *closes = retract_assessment_get_window_closes_at (assessment);

  add_value (self, self->answer_group, _("Stage"),
             retract_text_get (&retract_assessment_get_stage_info (assessment)->name, language));
  if (closes != NULL)
    {
      g_autofree char *text = retract_clock_text_dup (closes);

      add_value (self, self->answer_group, _("The window to withdraw closes"), text);
    }
  if (channels->len > 0)
    add_value (self, self->answer_group, _("Recommended channel"),
               retract_text_get (&((const RetractChannel *) g_ptr_array_index (channels, 0))->name,
                                 language));
}

static void
build_materials (RetractReviewPage *self,
                 RetractAssessment *assessment,
                 RetractCase       *kase,
                 RetractLanguage    language)
{
  GPtrArray *materials = retract_assessment_get_materials (assessment);

  if (materials->len == 0)
    add_value (self, self->materials_group, _("Nothing to prepare at this stage"), "—");

  for (guint i = 0; i < materials->len; i++)
    {
      const RetractMaterial *material = g_ptr_array_index (materials, i);
      const char *attachment = retract_case_get_material_attachment (kase, material->id);
      g_autofree char *basename = attachment != NULL ? g_path_get_basename (attachment) : NULL;
      g_autofree char *status = NULL;

      if (basename != NULL)
        /* Translators: "Ready · passport.jpg" */
        status = g_strdup_printf (_("%1$s · %2$s"),
                                  retract_case_get_material_ready (kase, material->id)
                                  ? _("Ready") : _("Not ready yet"), basename);
      else
        status = g_strdup (retract_case_get_material_ready (kase, material->id)
                           ? _("Ready") : _("Not ready yet"));

      add_value (self, self->materials_group, retract_text_get (&material->name, language),
                 status);
    }
}

/* A review row shows the start of a long answer, not all of it: a label
 * wrapping 100 000 characters is laid out again on every resize, which
 * freezes the window. The whole text is in the letter preview below. */
#define REVIEW_EXCERPT_CHARS 280

static char *
excerpt (const char *text)
{
  glong n_chars = g_utf8_strlen (text, -1);
  g_autofree char *start = NULL;

  if (n_chars <= REVIEW_EXCERPT_CHARS)
    return g_strdup (text);

  start = g_utf8_substring (text, 0, REVIEW_EXCERPT_CHARS);
  /* Translators: the start of a long answer, then its length, "… (100000 characters in all)" */
  return g_strdup_printf (ngettext ("%s… (%ld character in all)",
                                    "%s… (%ld characters in all)", (gulong) n_chars),
                          start, n_chars);
}

static void
build_details (RetractReviewPage *self,
               RetractCase       *kase)
{
  /* Every letter field this case asks for (the core says which: the
   * guardian's for a minor, the company's for an enterprise), in the case's
   * order, named as on the details page. */
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    {
      const char *value = retract_case_get_detail (kase, i);
      g_autofree char *shown = NULL;

      if (!retract_case_detail_applies (kase, i))
        continue;

      /* A document number is shown masked by its type's rule, as the letter
       * will print it, after the document's name. */
      for (guint holder = 0; holder < RETRACT_N_ID_HOLDERS; holder++)
        if (value != NULL && i == retract_id_holder_get_number_detail (holder))
          {
            g_autofree char *masked = retract_case_dup_masked_id_number (kase, holder);

            /* Translators: a document and its masked number, "Hong Kong identity card · A123***(3)" */
            value = shown = g_strdup_printf (_("%1$s · %2$s"),
                                             retract_id_document_type_label (
                                               retract_case_get_id_document_type (kase, holder)),
                                             masked);
          }
      if (value != NULL && shown == NULL)
        value = shown = excerpt (value);

      add_value (self, self->details_group, retract_detail_get_label (i), value);
    }
}

static void
update_page_label (RetractReviewPage *self)
{
  guint n_pages = self->renderer != NULL ? retract_letter_renderer_get_n_pages (self->renderer) : 0;
  g_autofree char *label = NULL;

  if (self->layout_cancellable != NULL)
    /* Translators: in place of "Page 1 of 2" while a long letter is laid out */
    label = g_strdup (_("Preparing the preview…"));
  else
    /* Translators: the preview's page, "Page 1 of 2" */
    label = g_strdup_printf (_("Page %1$u of %2$u"), self->preview_page + 1, MAX (n_pages, 1));
  gtk_label_set_label (self->page_label, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.previous-page", self->preview_page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.next-page",
                                 self->preview_page + 1 < n_pages);
}

static void
set_documents_enabled (RetractReviewPage *self,
                       gboolean           enabled)
{
  static const char * const actions[] = {
    "review.export-pdf", "review.export-text", "review.print", "review.copy-ticket",
    "review.copy-appeal",
  };

  /* The appeal message is offered only while the core says the appeal is the
   * route (the case has been processed and the platform takes appeals), not
   * during a review, where it would be a second channel at once. */
  gboolean appeal = self->assessment != NULL &&
                    retract_assessment_has_channel (self->assessment,
                                                    RETRACT_CHANNEL_APPEAL_MESSAGE);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i],
                                   enabled &&
                                   (appeal || !g_str_equal (actions[i], "review.copy-appeal")));
  /* Its slot in the flow box goes with it. */
  gtk_widget_set_visible (gtk_widget_get_parent (self->appeal_button), appeal);
  /* Reminders need only the deadlines, not the letter details. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save-reminders",
                                 self->assessment != NULL);
}

/* Letters longer than this are laid out in a worker thread: a layout costs
 * a few microseconds a character, and the page must keep drawing frames while
 * a letter of 100 000 characters takes a good part of a second. A short one
 * is laid out at once, so that its preview and documents are there as soon
 * as the page is. */
#define PREVIEW_SYNC_CHARS 4000

static gboolean
letter_is_long (RetractLetter *letter)
{
  GPtrArray *blocks = retract_letter_get_blocks (letter);
  gsize length = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      const RetractLetterBlock *block = g_ptr_array_index (blocks, i);

      length += (block->text != NULL ? strlen (block->text) : 0) +
                (block->label != NULL ? strlen (block->label) : 0);
    }
  /* Bytes: at most 4 a character, at least 1. */
  return length > PREVIEW_SYNC_CHARS;
}

static void
on_layout_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractLetterRenderer) renderer = retract_letter_renderer_new_finish (result, &error);
  RetractReviewPage *self;

  /* Cancelled: the page has gone, or a newer letter replaced this one. */
  if (renderer == NULL)
    return;

  self = data;
  g_clear_object (&self->layout_cancellable);
  self->renderer = g_steal_pointer (&renderer);
  self->preview_page = MIN (self->preview_page,
                            retract_letter_renderer_get_n_pages (self->renderer) - 1);
  set_documents_enabled (self, TRUE);
  update_page_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/* The copy to read beside the letter to send: Traditional Chinese for a
 * Traditional interface (Hong Kong, Macau, Taiwan), English otherwise. */
static RetractLanguage
reading_language (RetractReviewPage *self)
{
  return retract_page_get_language (RETRACT_PAGE (self)) == RETRACT_LANGUAGE_ZH_HK
         ? RETRACT_LANGUAGE_ZH_HK : RETRACT_LANGUAGE_EN;
}

static void
build_letter (RetractReviewPage *self)
{
  RetractCase *kase = retract_page_get_case (RETRACT_PAGE (self));
  g_autoptr(GError) error = NULL;
  RetractLanguage language = gtk_switch_get_active (self->english_switch)
                             ? reading_language (self) : RETRACT_LANGUAGE_ZH_CN;
  RetractLetterFlags flags = gtk_switch_get_active (self->full_id_switch)
                             ? RETRACT_LETTER_SHOW_FULL_ID : RETRACT_LETTER_FLAGS_NONE;

  g_clear_object (&self->letter);
  g_clear_object (&self->renderer);
  g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);

  if (self->assessment != NULL)
    self->letter = retract_letter_new (self->assessment, kase, language, flags, &error);

  if (self->letter != NULL && letter_is_long (self->letter))
    {
      self->layout_cancellable = g_cancellable_new ();
      retract_letter_renderer_new_async (self->letter, RETRACT_A4_WIDTH, RETRACT_A4_HEIGHT,
                                         self->layout_cancellable, on_layout_done, self);
    }
  else if (self->letter != NULL)
    {
      self->renderer = retract_letter_renderer_new (self->letter, RETRACT_A4_WIDTH,
                                                    RETRACT_A4_HEIGHT);
      self->preview_page = MIN (self->preview_page,
                                retract_letter_renderer_get_n_pages (self->renderer) - 1);
    }
  else if (error != NULL)
    {
      /* Translators: %s lists the missing or wrong fields, one per line */
      g_autofree char *message = g_strdup_printf (_("The letter needs a few more details:\n%s"),
                                                  error->message);

      gtk_label_set_label (self->letter_error, message);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->letter_error), self->letter == NULL);
  gtk_widget_set_visible (self->preview_box, self->letter != NULL);
  /* The documents are drawn by the renderer: with it, not before. */
  set_documents_enabled (self, self->renderer != NULL);
  update_page_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
rebuild (RetractReviewPage *self)
{
  RetractPage *page = RETRACT_PAGE (self);
  RetractCase *kase = retract_page_get_case (page);
  RetractLanguage language = retract_page_get_language (page);

  retract_rows_clear (self->rows);
  g_clear_object (&self->assessment);
  self->assessment = retract_page_assess (page);
  if (self->assessment != NULL)
    {
      build_situation (self, self->assessment, language);
      build_circumstances (self, kase, language);
      build_answer (self, self->assessment, language);
      build_materials (self, self->assessment, kase, language);
      build_details (self, kase);
    }

  build_letter (self);
}

static void
on_options_changed (RetractReviewPage *self)
{
  build_letter (self);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  RetractReviewPage *self = data;
  double scale = MIN (width / RETRACT_A4_WIDTH, height / RETRACT_A4_HEIGHT);

  if (self->renderer == NULL)
    return;

  cairo_scale (cr, scale, scale);
  retract_letter_renderer_draw_page (self->renderer, cr, self->preview_page);
}

/* The sheet's size: the frame's width times the zoom, A4's height for it.
 * At 100% it is the frame's size, so nothing scrolls. */
static void
apply_zoom (RetractReviewPage *self)
{
  double zoom = zoom_levels[self->zoom_level];
  int width = (int) (self->fit_width * zoom);

  gtk_drawing_area_set_content_width (self->preview, width);
  gtk_drawing_area_set_content_height (self->preview,
                                       (int) (width * RETRACT_A4_HEIGHT / RETRACT_A4_WIDTH));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.zoom-out", self->zoom_level > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.zoom-reset", self->zoom_level > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.zoom-in",
                                 self->zoom_level + 1 < G_N_ELEMENTS (zoom_levels));
}

static void
review_zoom (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RetractReviewPage *self = RETRACT_REVIEW_PAGE (widget);

  if (g_str_equal (action_name, "review.zoom-in"))
    self->zoom_level = MIN (self->zoom_level + 1, G_N_ELEMENTS (zoom_levels) - 1);
  else if (g_str_equal (action_name, "review.zoom-out"))
    self->zoom_level = self->zoom_level > 0 ? self->zoom_level - 1 : 0;
  else
    self->zoom_level = 0;

  apply_zoom (self);
}

/* The frame's height follows its width (an A4 sheet), whatever the window. */
static GtkSizeRequestMode
preview_frame_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
preview_frame_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PREVIEW_MIN_WIDTH;
      *natural = PREVIEW_NATURAL_WIDTH;
    }
  else
    {
      int width = for_size >= 0 ? MAX (for_size, PREVIEW_MIN_WIDTH) : PREVIEW_MIN_WIDTH;

      *minimum = *natural = (int) (width * RETRACT_A4_HEIGHT / RETRACT_A4_WIDTH);
    }
}

static void
preview_frame_allocate (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  RetractReviewPage *self = RETRACT_REVIEW_PAGE (gtk_widget_get_ancestor (widget,
                                                                          RETRACT_TYPE_REVIEW_PAGE));
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (width != self->fit_width)
    {
      self->fit_width = width;
      apply_zoom (self);
    }
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, -1, NULL);
}

static void
review_turn_page (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RetractReviewPage *self = RETRACT_REVIEW_PAGE (widget);

  if (g_str_equal (action_name, "review.next-page"))
    self->preview_page++;
  else if (self->preview_page > 0)
    self->preview_page--;

  update_page_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static GBytes *
build_export (RetractReviewPage *self,
              ExportKind         kind,
              GError           **error)
{
  g_autoptr(GDateTime) now = g_date_time_ref (retract_assessment_get_now (self->assessment));
  char *text;

  switch (kind)
    {
    case EXPORT_PDF:
      /* The letter changed while the file was being chosen, and its layout is
       * not done yet: the user is waiting for the file anyway. */
      if (self->renderer == NULL && self->letter != NULL)
        {
          g_autoptr(RetractLetterRenderer) renderer =
            retract_letter_renderer_new (self->letter, RETRACT_A4_WIDTH, RETRACT_A4_HEIGHT);

          return retract_letter_renderer_render_pdf (renderer, NULL,
                                                     gtk_switch_get_active (self->author_switch),
                                                     error);
        }
      return retract_letter_renderer_render_pdf (self->renderer, NULL,
                                                 gtk_switch_get_active (self->author_switch),
                                                 error);
    case EXPORT_TEXT:
      text = retract_letter_to_text (self->letter);
      return g_bytes_new_take (text, strlen (text));
    case EXPORT_REMINDERS:
    default:
      /* In the interface's language: the reminders are for the user, not
       * the letter's reader (whichever copy of the letter is shown). */
      text = retract_reminders_build_ics (self->assessment, now,
                                          retract_page_get_language (RETRACT_PAGE (self)),
                                          error);
      return text != NULL ? g_bytes_new_take (text, strlen (text)) : NULL;
    }
}

static void
show_export_error (RetractReviewPage *self,
                   const GError      *error)
{
  /* Translators: %s says why */
  g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

/* @user_data is the file written, which holds the page. */
static void
on_export_written (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  RetractReviewPage *self = g_object_get_data (G_OBJECT (file), "retract-page");
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!retract_file_replace_finish (result, &error))
    {
      show_export_error (self, error);
      return;
    }

  uri = g_file_get_uri (file);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.file-saved", "s", uri);
}

static void
on_export_response (GtkNativeDialog   *dialog,
                    int                response,
                    RetractReviewPage *self)
{
  ExportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "retract-kind"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  contents = build_export (self, kind, &error);
  if (contents == NULL)
    {
      show_export_error (self, error);
      return;
    }

  /* Written in a worker thread: the window never waits for the disk. */
  g_object_set_data_full (G_OBJECT (file), "retract-page", g_object_ref (self), g_object_unref);
  retract_file_replace_async (path, contents, NULL, on_export_written, g_steal_pointer (&file));
}

/* Default names say what the file is, never whose it is. */
static char *
default_name (RetractReviewPage *self,
              ExportKind         kind)
{
  g_autofree char *date = g_date_time_format (retract_assessment_get_now (self->assessment),
                                              "%Y-%m-%d");
  gboolean english = gtk_switch_get_active (self->english_switch) &&
                     reading_language (self) == RETRACT_LANGUAGE_EN;

  /* The reminders' name follows their text: the interface's language. */
  if (kind == EXPORT_REMINDERS)
    english = retract_page_get_language (RETRACT_PAGE (self)) == RETRACT_LANGUAGE_EN;

  switch (kind)
    {
    case EXPORT_PDF:
      return g_strdup_printf (english ? "appeal-letter-%s.pdf" : "误投诉撤销申请书-%s.pdf", date);
    case EXPORT_TEXT:
      return g_strdup_printf (english ? "appeal-letter-%s.txt" : "误投诉撤销申请书-%s.txt", date);
    case EXPORT_REMINDERS:
    default:
      return g_strdup_printf (english ? "deadlines-%s.ics" : "误投诉撤销期限-%s.ics", date);
    }
}

static void
review_export (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RetractReviewPage *self = RETRACT_REVIEW_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  ExportKind kind = g_str_equal (action_name, "review.export-pdf") ? EXPORT_PDF
                    : g_str_equal (action_name, "review.export-text") ? EXPORT_TEXT
                    : EXPORT_REMINDERS;
  g_autofree char *name = default_name (self, kind);

  /* GTK 4 file choosers always confirm before replacing a file. */
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (kind == EXPORT_REMINDERS ? _("Save Reminders")
                                                                        : _("Export the Letter"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "retract-kind", GINT_TO_POINTER (kind));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
review_copy (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RetractReviewPage *self = RETRACT_REVIEW_PAGE (widget);
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (g_str_equal (action_name, "review.copy-ticket"))
    {
      guint n_chars = 0;

      text = retract_letter_build_ticket (self->letter, &n_chars);
      /* Translators: %u is the number of characters copied */
      message = g_strdup_printf (ngettext ("Ticket text copied (%u character)",
                                           "Ticket text copied (%u characters)", n_chars),
                                 n_chars);
    }
  else
    {
      text = retract_letter_build_appeal_message (self->letter);
      message = g_strdup (_("Appeal message copied: send it to “WeChat Team”, at most twice a day"));
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  gtk_widget_activate_action (widget, "win.show-toast", "s", message);
}

static void
review_print (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RetractReviewPage *self = RETRACT_REVIEW_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->renderer == NULL)
    return;

  operation = retract_letter_print_operation_new (self->renderer,
                                                  retract_letter_get_title (self->letter));

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      gtk_widget_activate_action (widget, "win.show-toast", "s", message);
    }
}

static void
on_case_notify (RetractReviewPage *self,
                GParamSpec        *pspec)
{
  if (!retract_page_defer_notify (RETRACT_PAGE (self), pspec))
    rebuild (self);
}

/* Time passing changes what is offered when it changes the stage (the
 * appeal message once the complaint has been processed); the letter itself
 * is dated when exported, so it is not laid out again every minute. */
static void
on_clock_now (RetractReviewPage *self)
{
  g_autoptr(RetractAssessment) now = NULL;

  if (retract_page_defer (RETRACT_PAGE (self)) || self->assessment == NULL)
    return;

  now = retract_page_assess (RETRACT_PAGE (self));
  if (now == NULL ||
      retract_assessment_get_stage (now) != retract_assessment_get_stage (self->assessment))
    rebuild (self);
}

static void
on_materials_changed (RetractReviewPage *self)
{
  if (!retract_page_defer (RETRACT_PAGE (self)))
    rebuild (self);
}

static void
retract_review_page_context_changed (RetractPage *page)
{
  rebuild (RETRACT_REVIEW_PAGE (page));
}

static void
retract_review_page_dispose (GObject *object)
{
  RetractReviewPage *self = (RetractReviewPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RETRACT_TYPE_REVIEW_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->assessment);
  g_clear_object (&self->letter);
  g_clear_object (&self->renderer);
  g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (retract_review_page_parent_class)->dispose (object);
}

static void
retract_review_page_class_init (RetractReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RetractPageClass *page_class = RETRACT_PAGE_CLASS (klass);

  object_class->dispose = retract_review_page_dispose;
  page_class->context_changed = retract_review_page_context_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/retract-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, answer_group);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, appeal_button);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, author_switch);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, circumstances_group);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, document_buttons);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, english_switch);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, reading_copy_row);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, full_id_switch);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, letter_error);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, materials_group);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, page_label);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, preview);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, preview_box);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, preview_frame);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, preview_scroller);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, situation_group);
  gtk_widget_class_bind_template_callback (widget_class, on_options_changed);

  gtk_widget_class_install_action (widget_class, "review.export-pdf", NULL, review_export);
  gtk_widget_class_install_action (widget_class, "review.export-text", NULL, review_export);
  gtk_widget_class_install_action (widget_class, "review.save-reminders", NULL, review_export);
  gtk_widget_class_install_action (widget_class, "review.print", NULL, review_print);
  gtk_widget_class_install_action (widget_class, "review.copy-ticket", NULL, review_copy);
  gtk_widget_class_install_action (widget_class, "review.copy-appeal", NULL, review_copy);
  gtk_widget_class_install_action (widget_class, "review.previous-page", NULL, review_turn_page);
  gtk_widget_class_install_action (widget_class, "review.next-page", NULL, review_turn_page);
  gtk_widget_class_install_action (widget_class, "review.zoom-in", NULL, review_zoom);
  gtk_widget_class_install_action (widget_class, "review.zoom-out", NULL, review_zoom);
  gtk_widget_class_install_action (widget_class, "review.zoom-reset", NULL, review_zoom);
}

/* Ctrl+plus, Ctrl+minus and Ctrl+0 zoom the preview while the review is the
 * page shown, wherever the focus is in the window (the window manages them). */
static void
add_zoom_shortcuts (RetractReviewPage *self)
{
  static const struct
  {
    const char *trigger;
    const char *action;
  } keys[] = {
    { "<Control>plus", "review.zoom-in" },
    { "<Control>equal", "review.zoom-in" },
    { "<Control>KP_Add", "review.zoom-in" },
    { "<Control>minus", "review.zoom-out" },
    { "<Control>KP_Subtract", "review.zoom-out" },
    { "<Control>0", "review.zoom-reset" },
    { "<Control>KP_0", "review.zoom-reset" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i].trigger),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
retract_review_page_init (RetractReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  /* The letter and its exports are dated: a hidden page also falls behind
   * as time passes. */
  retract_page_follow_assessment (RETRACT_PAGE (self));
  g_signal_group_connect_swapped (retract_page_get_case_signals (RETRACT_PAGE (self)), "notify",
                                  G_CALLBACK (on_case_notify), self);
  g_signal_group_connect_swapped (retract_page_get_case_signals (RETRACT_PAGE (self)),
                                  "materials-changed", G_CALLBACK (on_materials_changed), self);
  g_signal_group_connect_swapped (retract_page_get_clock_signals (RETRACT_PAGE (self)),
                                  "notify::now", G_CALLBACK (on_clock_now), self);
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  gtk_widget_set_layout_manager (self->preview_frame,
                                 gtk_custom_layout_new (preview_frame_request_mode,
                                                        preview_frame_measure,
                                                        preview_frame_allocate));
  add_zoom_shortcuts (self);
  apply_zoom (self);
  if (reading_language (self) == RETRACT_LANGUAGE_ZH_HK)
    {
      const char *title = _("Show the Traditional Chinese copy");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reading_copy_row), title);
      adw_action_row_set_subtitle (self->reading_copy_row,
                                   _("To read; send the Simplified Chinese letter"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->english_switch),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }
  retract_page_set_complete (RETRACT_PAGE (self), TRUE);
}

/**
 * retract_review_page_get_letter:
 *
 * Returns: (transfer none) (nullable): the letter as previewed, or %NULL
 *   while details are missing
 */
RetractLetter *
retract_review_page_get_letter (RetractReviewPage *self)
{
  g_return_val_if_fail (RETRACT_IS_REVIEW_PAGE (self), NULL);
  return self->letter;
}

/**
 * retract_review_page_get_preview_pages:
 *
 * Returns: how many pages the preview shows; 0 while a long letter is still
 *   being laid out, or while details are missing
 */
guint
retract_review_page_get_preview_pages (RetractReviewPage *self)
{
  g_return_val_if_fail (RETRACT_IS_REVIEW_PAGE (self), 0);
  return self->renderer != NULL ? retract_letter_renderer_get_n_pages (self->renderer) : 0;
}

/**
 * retract_review_page_get_preview_size:
 * @width: (out): the sheet's width in the preview, in pixels
 * @height: (out): its height
 *
 * The size the letter's sheet is drawn at: the frame's width at 100%, more
 * when zoomed in.
 */
void
retract_review_page_get_preview_size (RetractReviewPage *self,
                                      int               *width,
                                      int               *height)
{
  g_return_if_fail (RETRACT_IS_REVIEW_PAGE (self));

  *width = gtk_drawing_area_get_content_width (self->preview);
  *height = gtk_drawing_area_get_content_height (self->preview);
}

/**
 * retract_review_page_build_reminders:
 *
 * The calendar Save Reminders… writes for this case, in the interface's
 * language.
 *
 * Returns: (transfer full) (nullable): the .ics text, or %NULL with @error set
 */
char *
retract_review_page_build_reminders (RetractReviewPage  *self,
                                     GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RETRACT_IS_REVIEW_PAGE (self), NULL);
  g_return_val_if_fail (self->assessment != NULL, NULL);

  bytes = build_export (self, EXPORT_REMINDERS, error);
  return bytes != NULL ? g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes))
                       : NULL;
}
