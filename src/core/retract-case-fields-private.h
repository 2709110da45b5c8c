/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-case.h"

G_BEGIN_DECLS

/* An ID number's object and key in the case file: "id_document": {"type", "number"}. */
#define RETRACT_CASE_ID_DOCUMENT_KEY "id_document"
#define RETRACT_CASE_ID_NUMBER_KEY "number"

/* The check a field gets after the text check (characters and length). */
typedef enum
{
  RETRACT_FIELD_CHECK_NONE,
  RETRACT_FIELD_CHECK_WECHAT_ID,
  RETRACT_FIELD_CHECK_PHONE,      /* Hong Kong and Macau numbers only when cross-border or
                                   * the holder's document is not a mainland ID */
  RETRACT_FIELD_CHECK_ID_NUMBER,  /* by the holder's document type; birth dates against today */
  RETRACT_FIELD_CHECK_COMPLAINT_NUMBER,
  RETRACT_FIELD_CHECK_CREDIT_CODE,
} RetractFieldCheck;

/* One letter field, as the case file, the checks and the pages see it. Its
 * other names come from @field, so that each is written once:
 * "applicant.wechat_id" lives under "applicant" with the key "wechat_id", and
 * its RetractCase property is "applicant-wechat-id". An ID number
 * ("applicant.id_number", "guardian.id_number") is the exception: the case
 * file holds it with its type as "id_document": {"type", "number"}. */
typedef struct
{
  const char        *field;      /* name in messages and the case file's path */
  const char        *label;      /* what the user sees, untranslated */
  gboolean           required;   /* the letter cannot be written without it, when it applies */
  guint              max_chars;
  gboolean           multiline;
  RetractFieldCheck  check;
  const char        *scenario;   /* it applies only with this scenario; NULL: always */
  RetractIdHolder    holder;     /* whose document a phone or ID number goes with */
  const char        *platform;   /* it applies only on this platform; NULL: on any */
} RetractCaseField;

const RetractCaseField *retract_case_field              (RetractDetail detail);
const char             *retract_case_field_json_key     (RetractDetail detail);
char                   *retract_case_field_dup_group    (RetractDetail detail);
char                   *retract_case_field_dup_property (RetractDetail detail);
char                   *retract_case_field_dup_path     (RetractDetail detail);

G_END_DECLS
