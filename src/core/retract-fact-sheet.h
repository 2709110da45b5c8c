/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-letter.h"

G_BEGIN_DECLS

/* A complaint under judicial investigation cannot be withdrawn (§5): its route
 * is a lawyer's letter to the Guangzhou Internet Court within 7 working days.
 * What the user hands the lawyer is this one-page fact sheet (the case's
 * facts, its dates and the deadline), not a withdrawal letter. It is a
 * RetractLetter of kind RETRACT_LETTER_KIND_FACT_SHEET, so the text, the
 * PDF, the print and the preview render it as they render a letter. */

gboolean       retract_fact_sheet_applies           (RetractAssessment  *assessment);
RetractLetter *retract_fact_sheet_new               (RetractAssessment  *assessment,
                                                     RetractCase        *kase,
                                                     RetractLanguage     language,
                                                     RetractLetterFlags  flags,
                                                     GError            **error);

/* The one place that chooses between the two documents, for the CLI and the
 * app alike. */
gboolean       retract_fact_sheet_or_letter_applies (RetractAssessment  *assessment);
RetractLetter *retract_fact_sheet_or_letter_new     (RetractAssessment  *assessment,
                                                     RetractCase        *kase,
                                                     RetractLanguage     language,
                                                     RetractLetterFlags  flags,
                                                     GError            **error);

G_END_DECLS
