/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The review page's letter: laid out (in a worker thread when long), drawn
 * in the preview by the same code that makes the PDF and prints, turned page
 * by page and zoomed. */

#define G_LOG_DOMAIN "retract-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-fact-sheet.h"
#include "retract-letter-renderer.h"
#include "retract-review-page-private.h"

/* How much larger than the frame's width the sheet is drawn; the first fits
 * the width, which is as small as reading allows. */
static const double zoom_levels[] = { 1.0, 1.25, 1.5, 2.0, 2.5, 3.0 };

/* The frame narrower than this scrolls the page instead of shrinking the sheet. */
#define PREVIEW_MIN_WIDTH 240
/* What the frame asks for: the clamp around the page gives it at most its own
 * width, so the sheet grows with the window up to it. */
#define PREVIEW_NATURAL_WIDTH 1200

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
                                   (appeal || !g_str_equal (actions[i], "review.copy-appeal")) &&
                                   /* The ticket asks the platform to withdraw:
                                    * the fact sheet goes to a lawyer instead. */
                                   (!self->fact_sheet ||
                                    !g_str_equal (actions[i], "review.copy-ticket")));
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
RetractLanguage
_retract_review_page_reading_language (RetractReviewPage *self)
{
  return retract_page_get_language (RETRACT_PAGE (self)) == RETRACT_LANGUAGE_ZH_HK
         ? RETRACT_LANGUAGE_ZH_HK : RETRACT_LANGUAGE_EN;
}

/* The documents are named for what they are: under judicial investigation
 * the lawyer's fact sheet, not a letter to send. */
static void
name_documents (RetractReviewPage *self)
{
  gboolean traditional = _retract_review_page_reading_language (self) == RETRACT_LANGUAGE_ZH_HK;

  adw_preferences_group_set_title (self->documents_group,
                                   self->fact_sheet ? _("Fact sheet for your lawyer")
                                                    : _("Your appeal documents"));
  adw_preferences_group_set_description (self->documents_group,
                                         self->fact_sheet
                                         ? _("This complaint cannot be withdrawn: the route is a "
                                             "lawyer's letter to the court. Give your lawyer this "
                                             "one-page summary of the facts and the deadline; it "
                                             "is not a letter to send.")
                                         : _("The Chinese letter is the one to send: print it, "
                                             "sign it, press your fingerprint in the box, and "
                                             "send it with the materials."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->fact_sheet ? _("Preview of the fact sheet")
                                                   : _("Preview of the letter"), -1);
  /* The copy to read is beside the Chinese document: the letter to send, or
   * the sheet to hand the lawyer. */
  adw_action_row_set_subtitle (self->reading_copy_row,
                               self->fact_sheet
                               ? (traditional
                                  ? _("To read; give your lawyer the Simplified Chinese fact sheet")
                                  : _("To read; give your lawyer the Chinese fact sheet"))
                               : (traditional ? _("To read; send the Simplified Chinese letter")
                                              : _("To read; send the Chinese letter")));
}

void
_retract_review_page_build_letter (RetractReviewPage *self)
{
  RetractCase *kase = retract_page_get_case (RETRACT_PAGE (self));
  g_autoptr(GError) error = NULL;
  RetractLanguage language = gtk_switch_get_active (self->english_switch)
                             ? _retract_review_page_reading_language (self) : RETRACT_LANGUAGE_ZH_CN;
  RetractLetterFlags flags = gtk_switch_get_active (self->full_id_switch)
                             ? RETRACT_LETTER_SHOW_FULL_ID : RETRACT_LETTER_FLAGS_NONE;

  g_clear_object (&self->letter);
  g_clear_object (&self->renderer);
  g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);

  /* The core chooses the document, as for retract-cli letter. */
  if (self->assessment != NULL)
    self->letter = retract_fact_sheet_or_letter_new (self->assessment, kase, language, flags,
                                                     &error);
  self->fact_sheet = self->assessment != NULL && retract_fact_sheet_applies (self->assessment);
  name_documents (self);

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
      g_autofree char *message = g_strdup_printf (self->fact_sheet
                                                  ? _("The fact sheet needs a few more details:\n%s")
                                                  : _("The letter needs a few more details:\n%s"),
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

void
_retract_review_page_init_preview (RetractReviewPage *self)
{
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  gtk_widget_set_layout_manager (self->preview_frame,
                                 gtk_custom_layout_new (preview_frame_request_mode,
                                                        preview_frame_measure,
                                                        preview_frame_allocate));
  add_zoom_shortcuts (self);
  apply_zoom (self);
}

void
_retract_review_page_class_init_preview (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "review.previous-page", NULL, review_turn_page);
  gtk_widget_class_install_action (widget_class, "review.next-page", NULL, review_turn_page);
  gtk_widget_class_install_action (widget_class, "review.zoom-in", NULL, review_zoom);
  gtk_widget_class_install_action (widget_class, "review.zoom-out", NULL, review_zoom);
  gtk_widget_class_install_action (widget_class, "review.zoom-reset", NULL, review_zoom);
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
