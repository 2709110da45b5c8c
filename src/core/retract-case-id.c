/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A case's identity documents (issue 15 §1): the type of the applicant's
 * and the guardian's, their default, and their numbers masked by type. The
 * numbers themselves are details (retract-case.c). */

#define G_LOG_DOMAIN "retract-case"

#include "config.h"

#include "retract-case-private.h"
#include "retract-engine-ids.h"

/**
 * retract_id_holder_get_number_detail:
 *
 * Returns: the detail that holds @holder's identity document number
 */
RetractDetail
retract_id_holder_get_number_detail (RetractIdHolder holder)
{
  g_return_val_if_fail (holder < RETRACT_N_ID_HOLDERS, RETRACT_DETAIL_APPLICANT_ID_NUMBER);

  return holder == RETRACT_ID_HOLDER_GUARDIAN ? RETRACT_DETAIL_GUARDIAN_ID_NUMBER
                                              : RETRACT_DETAIL_APPLICANT_ID_NUMBER;
}

/**
 * retract_case_get_id_document_type:
 *
 * The type of @holder's identity document: the one chosen, or by default a
 * mainland resident ID, except that the applicant of a cross-border case
 * has a Hong Kong identity card until another type is chosen (the article's
 * cross-border users are mostly in Hong Kong). Typing a number chooses the
 * default of the moment. The default follows the scenarios without a notify
 * of its own: a view of the type listens to "notify::scenarios" too (one
 * change, one notify).
 *
 * Returns: the document type
 */
RetractIdDocumentType
retract_case_get_id_document_type (RetractCase     *self,
                                   RetractIdHolder  holder)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), RETRACT_ID_DOCUMENT_MAINLAND_ID);
  g_return_val_if_fail (holder < RETRACT_N_ID_HOLDERS, RETRACT_ID_DOCUMENT_MAINLAND_ID);

  if (self->id_types[holder] >= 0)
    return (RetractIdDocumentType) self->id_types[holder];

  if (holder == RETRACT_ID_HOLDER_APPLICANT &&
      retract_case_has_scenario (self, RETRACT_SCENARIO_CROSS_BORDER))
    return RETRACT_ID_DOCUMENT_HK_ID;

  return RETRACT_ID_DOCUMENT_MAINLAND_ID;
}

/**
 * retract_case_get_id_document_type_chosen:
 *
 * Returns: whether a type was chosen for @holder's document (set, or read
 *   from the case file), rather than the default
 */
gboolean
retract_case_get_id_document_type_chosen (RetractCase     *self,
                                          RetractIdHolder  holder)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), FALSE);
  g_return_val_if_fail (holder < RETRACT_N_ID_HOLDERS, FALSE);

  return self->id_types[holder] >= 0;
}

/* Stores @type (-1: none chosen) and notifies the type when it moved, and
 * the number too: it is checked against the new type now. */
void
_retract_case_set_id_type (RetractCase     *self,
                           RetractIdHolder  holder,
                           int              type)
{
  RetractIdDocumentType before = retract_case_get_id_document_type (self, holder);

  self->id_types[holder] = type;
  if (retract_case_get_id_document_type (self, holder) == before)
    return;

  _retract_case_notify_id_type (self, holder);
}

/**
 * retract_case_set_id_document_type:
 *
 * Chooses the type of @holder's identity document. When the type changes,
 * "notify::applicant-id-type" (or "guardian-id-type") is emitted, and the
 * number's own notify too, since it is now checked by the new type's rule.
 */
void
retract_case_set_id_document_type (RetractCase           *self,
                                   RetractIdHolder        holder,
                                   RetractIdDocumentType  type)
{
  g_return_if_fail (RETRACT_IS_CASE (self));
  g_return_if_fail (holder < RETRACT_N_ID_HOLDERS);
  g_return_if_fail (type < RETRACT_N_ID_DOCUMENT_TYPES);

  _retract_case_set_id_type (self, holder, (int) type);
}

/**
 * retract_case_dup_masked_id_number:
 *
 * Returns: (transfer full) (nullable): @holder's number masked by its
 *   type's rule (retract_mask_id_document()), or %NULL when none was given
 */
char *
retract_case_dup_masked_id_number (RetractCase     *self,
                                   RetractIdHolder  holder)
{
  const char *number;

  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  g_return_val_if_fail (holder < RETRACT_N_ID_HOLDERS, NULL);

  number = self->details[retract_id_holder_get_number_detail (holder)];
  if (number == NULL)
    return NULL;

  return retract_mask_id_document (retract_case_get_id_document_type (self, holder), number);
}
