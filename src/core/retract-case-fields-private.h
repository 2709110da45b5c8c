/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-case.h"

G_BEGIN_DECLS

/* The check a field gets after the text check (characters and length). */
typedef enum
{
  RETRACT_FIELD_CHECK_NONE,
  RETRACT_FIELD_CHECK_WECHAT_ID,
  RETRACT_FIELD_CHECK_PHONE,      /* Hong Kong and Macau numbers only when cross-border */
  RETRACT_FIELD_CHECK_ID_NUMBER,  /* birth dates against today */
  RETRACT_FIELD_CHECK_COMPLAINT_NUMBER,
} RetractFieldCheck;

/* One letter field, as the case file, the checks and the pages see it. Its
 * other names come from @field, so that each is written once:
 * "applicant.wechat_id" lives under "applicant" with the key "wechat_id", and
 * its RetractCase property is "applicant-wechat-id". */
typedef struct
{
  const char        *field;      /* name in messages and the case file's path */
  const char        *label;      /* what the user sees, untranslated */
  gboolean           required;   /* the letter cannot be written without it */
  guint              max_chars;
  gboolean           multiline;
  RetractFieldCheck  check;
} RetractCaseField;

const RetractCaseField *retract_case_field              (RetractDetail detail);
const char             *retract_case_field_json_key     (RetractDetail detail);
gboolean                retract_case_field_is_applicant (RetractDetail detail);
char                   *retract_case_field_dup_property (RetractDetail detail);

G_END_DECLS
