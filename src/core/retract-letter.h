/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-assessment.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_LETTER (retract_letter_get_type ())

G_DECLARE_FINAL_TYPE (RetractLetter, retract_letter, RETRACT, LETTER, GObject)

typedef enum
{
  RETRACT_LETTER_FLAGS_NONE = 0,
  /* Print the ID number in full instead of 110105********002X. */
  RETRACT_LETTER_SHOW_FULL_ID = 1 << 0,
} RetractLetterFlags;

/* What the document is: the letter to the channel, or for a case under
 * judicial investigation the one-page fact sheet for the lawyer
 * (retract-fact-sheet.h) that replaces it. */
typedef enum
{
  RETRACT_LETTER_KIND_LETTER,
  RETRACT_LETTER_KIND_FACT_SHEET,
} RetractLetterKind;

typedef enum
{
  RETRACT_BLOCK_TITLE,
  RETRACT_BLOCK_SALUTATION,
  RETRACT_BLOCK_HEADING,
  RETRACT_BLOCK_FIELD,
  RETRACT_BLOCK_PARAGRAPH,
  RETRACT_BLOCK_LIST_ITEM,
  RETRACT_BLOCK_SIGNATURE,
} RetractBlockKind;

typedef struct
{
  RetractBlockKind  kind;
  char             *label; /* FIELD: "申请人"; SIGNATURE: the date line */
  char             *text;  /* SIGNATURE: who signs, "申请人（签名）：" or "监护人（签名）：" */
} RetractLetterBlock;

RetractLetter *retract_letter_new                  (RetractAssessment  *assessment,
                                                    RetractCase        *kase,
                                                    RetractLanguage     language,
                                                    RetractLetterFlags  flags,
                                                    GError            **error);
RetractLanguage retract_letter_get_language        (RetractLetter      *self);
RetractLetterKind retract_letter_get_kind          (RetractLetter      *self);
const char    *retract_letter_get_title            (RetractLetter      *self);
const char    *retract_letter_get_addressee        (RetractLetter      *self);
const char    *retract_letter_get_applicant        (RetractLetter      *self);
const char    *retract_letter_get_footer           (RetractLetter      *self);
GPtrArray     *retract_letter_get_blocks           (RetractLetter      *self);
GPtrArray     *retract_letter_get_attachments      (RetractLetter      *self);
char          *retract_letter_to_text              (RetractLetter      *self);
char          *retract_letter_build_ticket         (RetractLetter      *self,
                                                    guint              *n_chars);
char          *retract_letter_build_phone_script   (RetractLetter      *self);
char          *retract_letter_build_appeal_message (RetractLetter      *self);

G_END_DECLS
