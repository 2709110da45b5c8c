/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the review page's files share: its instance struct and the functions
 * one concern calls in another (retract-review-page.c: the object, its
 * signals and rebuilding; -summary.c: the rows of answers; -preview.c: the
 * letter laid out, the preview, its pages and zoom; -export.c: export,
 * print, copy and the reminders). */

#pragma once

#include "retract-letter-renderer.h"
#include "retract-review-page.h"

G_BEGIN_DECLS

struct _RetractReviewPage
{
  RetractPage            parent_instance;

  AdwPreferencesGroup   *answer_group;
  GtkWidget             *appeal_button;
  GtkSwitch             *author_switch;
  AdwPreferencesGroup   *circumstances_group;
  AdwPreferencesGroup   *details_group;
  AdwPreferencesGroup   *documents_group;
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
  gboolean               fact_sheet;  /* the document is the lawyer's fact sheet */
  RetractLetterRenderer *renderer;
  GCancellable          *layout_cancellable; /* while a long letter is laid out */
  guint                  preview_page;
  guint                  zoom_level;  /* an index of zoom_levels */
  int                    fit_width;   /* the frame's width: the sheet at 100% */
  GtkFileChooserNative  *chooser;
};

void             _retract_review_page_build_summary      (RetractReviewPage *self,
                                                          RetractAssessment *assessment,
                                                          RetractCase       *kase,
                                                          RetractLanguage    language);
void             _retract_review_page_build_letter       (RetractReviewPage *self);
RetractLanguage  _retract_review_page_reading_language   (RetractReviewPage *self);
void             _retract_review_page_init_preview       (RetractReviewPage *self);
void             _retract_review_page_class_init_preview (GtkWidgetClass *widget_class);
void             _retract_review_page_class_init_export  (GtkWidgetClass *widget_class);

G_END_DECLS
