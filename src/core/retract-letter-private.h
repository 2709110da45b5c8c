/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Between the letter and the other documents made of the same blocks (the
 * lawyer's fact sheet, retract-fact-sheet.c): a document starts from the
 * case's checked details and is filled block by block; the parties are
 * named the same way in each.
 *
 * And what the letter's own files share: retract-letter.c (the object, its
 * blocks, footer and text), retract-letter-compose.c (what the letter says)
 * and retract-letter-texts.c (the ticket, the phone script, the appeal
 * message). */

#include "retract-letter.h"

G_BEGIN_DECLS

struct _RetractLetter
{
  GObject            parent_instance;

  RetractAssessment *assessment;
  RetractLanguage    language;
  RetractLetterKind  kind;
  char              *title;
  char              *addressee;
  char              *applicant;
  char              *phone;
  char              *complaint_number;
  char              *narrative;
  char              *reason;
  char              *footer;
  GPtrArray         *blocks;
  GPtrArray         *attachments; /* char*: "身份验证材料（文件：id.jpg）" */
};

/* The document speaks the language asked for, whatever the interface's; the
 * Traditional reading copy takes each sentence's form from
 * retract-hant-phrases.h. */
#define RETRACT_LETTER_PHRASE(self, zh, en) \
  ((self)->language == RETRACT_LANGUAGE_EN ? (en) \
   : retract_text_chinese_phrase ((self)->language, (zh)))

static inline const char *
retract_letter_text_of (RetractLetter     *self,
                        const RetractText *text)
{
  return retract_text_get (text, self->language);
}

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
void           retract_letter_add_field        (RetractLetter      *self,
                                                const char         *label,
                                                const char         *value);
void           retract_letter_add_parties      (RetractLetter      *self,
                                                RetractCase        *kase,
                                                gboolean            show_full_id);
char          *retract_letter_format_filed     (RetractLetter      *self);
char          *retract_letter_format_date      (RetractLetter      *self,
                                                GDateTime          *time);
void           retract_letter_set_footer       (RetractLetter      *self,
                                                const char         *note);

void           retract_letter_compose          (RetractLetter      *self,
                                                RetractCase        *kase,
                                                gboolean            show_full_id);

G_END_DECLS
