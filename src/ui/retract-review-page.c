/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Step 6: every answer, grouped, each group with a Change button that goes
 * back to where it was given; then the documents: a preview drawn by the
 * same code that makes the PDF and prints, and the ways to take them away.
 * This file holds the object, its signals and rebuilding; the rows are in
 * -summary.c, the letter and its preview in -preview.c, the exports in
 * -export.c (see retract-review-page-private.h). */

#define G_LOG_DOMAIN "retract-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-review-page-private.h"
#include "retract-rows.h"

G_DEFINE_FINAL_TYPE (RetractReviewPage, retract_review_page, RETRACT_TYPE_PAGE)

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
    _retract_review_page_build_summary (self, self->assessment, kase, language);

  _retract_review_page_build_letter (self);
}

static void
on_options_changed (RetractReviewPage *self)
{
  _retract_review_page_build_letter (self);
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
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, documents_group);
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

  _retract_review_page_class_init_preview (widget_class);
  _retract_review_page_class_init_export (widget_class);
}

static void
retract_review_page_init (RetractReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Each document's button is its one Tab stop: the flow box's own tile
   * would be a second stop before it that does nothing, which a screen
   * reader calls "GtkFlowBoxChild" (as the situation page's quick picks). */
  for (GtkWidget *tile = gtk_widget_get_first_child (GTK_WIDGET (self->document_buttons));
       tile != NULL;
       tile = gtk_widget_get_next_sibling (tile))
    gtk_widget_set_focusable (tile, FALSE);

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
  _retract_review_page_init_preview (self);
  /* The switch is named by its row's title (libadwaita's activatable
   * widget); a label of its own as well would be said twice. */
  if (_retract_review_page_reading_language (self) == RETRACT_LANGUAGE_ZH_HK)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reading_copy_row),
                                   _("Show the Traditional Chinese copy"));
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
