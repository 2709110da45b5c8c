/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-letter.h"
#include "retract-page.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_REVIEW_PAGE (retract_review_page_get_type ())

G_DECLARE_FINAL_TYPE (RetractReviewPage, retract_review_page, RETRACT, REVIEW_PAGE, RetractPage)

RetractLetter *retract_review_page_get_letter        (RetractReviewPage *self);
guint          retract_review_page_get_preview_pages (RetractReviewPage *self);
void           retract_review_page_get_preview_size  (RetractReviewPage *self,
                                                      int               *width,
                                                      int               *height);
char          *retract_review_page_build_reminders   (RetractReviewPage  *self,
                                                      GError            **error);

G_END_DECLS
