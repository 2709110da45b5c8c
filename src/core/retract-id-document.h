/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The identity documents an applicant or a guardian may give (issue 15 §1).
 * Each type has one rule, written once in retract-id-document.c:
 *   - mainland-id: a mainland resident ID number, 18 characters: 17 digits
 *     (province code, date of birth, sequence) and the GB 11643 check
 *     character, a digit or X;
 *   - hk-id: a Hong Kong identity card number, one or two letters, six
 *     digits and a check digit (0–9 or A) in optional brackets, A123456(3);
 *     the check digit makes the weighted sum (a missing second letter counts
 *     36, letters A=10…Z=35, weights 9…1) a multiple of 11;
 *   - macau-id: a Macau resident identity card number, 7 digits starting 1,
 *     5 or 7 and a digit in optional brackets, 1234567(8); the last digit is
 *     not checked (its rule is not public);
 *   - hk-macau-permit: the Mainland Travel Permit for Hong Kong and Macao
 *     Residents, H (Hong Kong) or M (Macau) and 8 digits, optionally 2 more
 *     (the number of times it was issued);
 *   - hkmt-residence-permit: the residence permit for Hong Kong, Macao and
 *     Taiwan residents, 18 characters starting 810000, 820000 or 830000,
 *     otherwise a mainland-id number;
 *   - passport: 5–20 letters and digits.
 * What people type is normalized first: full-width forms become ASCII,
 * spaces and dashes go, letters become upper case, and a Hong Kong or Macau
 * check digit is written in brackets. Messages never repeat the number. */

typedef enum
{
  RETRACT_ID_DOCUMENT_MAINLAND_ID,
  RETRACT_ID_DOCUMENT_HK_ID,
  RETRACT_ID_DOCUMENT_MACAU_ID,
  RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT,
  RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT,
  RETRACT_ID_DOCUMENT_PASSPORT,
} RetractIdDocumentType;

#define RETRACT_N_ID_DOCUMENT_TYPES (RETRACT_ID_DOCUMENT_PASSPORT + 1)

#define RETRACT_TYPE_ID_DOCUMENT_TYPE (retract_id_document_type_get_type ())

GType       retract_id_document_type_get_type    (void) G_GNUC_CONST;

const char *retract_id_document_type_to_string   (RetractIdDocumentType  type);
gboolean    retract_id_document_type_from_string (const char            *text,
                                                  RetractIdDocumentType *type);
const char *retract_id_document_type_label       (RetractIdDocumentType  type);
const char *retract_id_document_type_photo_hint  (RetractIdDocumentType  type);
const char *retract_id_document_type_example     (RetractIdDocumentType  type);

gboolean    retract_validate_id_document         (RetractIdDocumentType  type,
                                                  const char            *number,
                                                  GDateTime             *today,
                                                  char                 **normalized,
                                                  GError               **error);
char       *retract_mask_id_document             (RetractIdDocumentType  type,
                                                  const char            *number);

/* The mainland resident ID number (mainland-id), as before. */
gboolean    retract_validate_id_number           (const char            *text,
                                                  const GDate           *today,
                                                  char                 **normalized,
                                                  GError               **error);
char        retract_id_number_check_digit        (const char            *first17);
char       *retract_mask_id_number               (const char            *id_number);
char        retract_hk_id_check_digit            (const char            *body);

G_END_DECLS
