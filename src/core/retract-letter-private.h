/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Between the letter and the other documents made of the same blocks (the
 * lawyer's fact sheet, retract-fact-sheet.c): a document starts from the
 * case's checked details and is filled block by block; the parties are
 * named the same way in each. */

#include "retract-letter.h"

G_BEGIN_DECLS

RetractLetter *retract_letter_new_empty        (RetractAssessment  *assessment,
                                                RetractCase        *kase,
                                                RetractLanguage     language,
                                                RetractLetterKind   kind,
                                                GError            **error);
void           retract_letter_set_title        (RetractLetter      *self,
                                                const char         *title);
void           retract_letter_add_block        (RetractLetter      *self,
                                                RetractBlockKind    kind,
                                                const char         *label,
                                                const char         *text);
void           retract_letter_add_parties      (RetractLetter      *self,
                                                RetractCase        *kase,
                                                gboolean            show_full_id);
char          *retract_letter_format_filed     (RetractLetter      *self);
char          *retract_letter_format_date      (RetractLetter      *self,
                                                GDateTime          *time);
void           retract_letter_set_footer       (RetractLetter      *self,
                                                const char         *note);

G_END_DECLS
