/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How a letter shows an identity document's number by default (see
 * retract-id-document.c for the documents and their checks): enough to
 * recognize it, not enough to use it. */

#define G_LOG_DOMAIN "retract-validators"

#include "config.h"

#include <string.h>

#include "retract-id-document.h"
#include "retract-validators-private.h"

/* @text with all but its first @start and last @end characters as "*", or
 * all of them when it has fewer than @shortest. Counted in characters, so
 * that non-ASCII input is never cut mid-character. */
static char *
mask_middle (const char *text,
             glong       shortest,
             glong       start,
             glong       end)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  glong length = g_utf8_strlen (valid, -1);
  GString *masked;

  if (length < shortest)
    return g_strnfill ((gsize) length, '*');

  start = MIN (start, length);
  masked = g_string_new_len (valid, g_utf8_offset_to_pointer (valid, start) - valid);
  for (glong i = start; i < length - end; i++)
    g_string_append_c (masked, '*');
  g_string_append (masked, g_utf8_offset_to_pointer (valid, MAX (start, length - end)));

  return g_string_free (masked, FALSE);
}

/**
 * retract_mask_id_number:
 *
 * Returns: (transfer full): the number with its middle hidden,
 *   `110105********002X`, as letters show it by default
 */
char *
retract_mask_id_number (const char *id_number)
{
  g_return_val_if_fail (id_number != NULL, NULL);

  return mask_middle (id_number, 11, 6, 4);
}

/* A number that fails its check shows its first 2 and last 1 characters
 * when it has 9 or more, and nothing when shorter: never more than a valid
 * number of any type shows. The spaces people type between groups go. */
static char *
mask_invalid (const char *number)
{
  g_autofree char *typed = _retract_normalize_typed (number);

  return mask_middle (typed, 9, 2, 1);
}

/**
 * retract_mask_id_document:
 * @number: a number of @type, as typed or as the case file holds it
 *
 * How a letter shows the number by default: enough to recognize it, not
 * enough to use it. A Hong Kong card keeps its letters, the first three
 * digits and the check digit ("A123***(3)"), a Macau card its first two
 * digits and the check digit ("12*****(8)"), a permit or passport its first
 * three and last two characters, or of 8 characters or fewer its first two
 * (one when 6 or fewer) and its last, an 18-character number its first six
 * and last four. A number that fails its check shows no more than its first
 * two and last characters, and nothing when it has fewer than 9.
 *
 * Returns: (transfer full): the masked number
 */
char *
retract_mask_id_document (RetractIdDocumentType type,
                          const char           *number)
{
  g_autofree char *normalized = NULL;
  gsize length;

  g_return_val_if_fail (type < RETRACT_N_ID_DOCUMENT_TYPES, NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if (!retract_validate_id_document (type, number, NULL, &normalized, NULL))
    return mask_invalid (number);

  length = strlen (normalized);
  switch (type)
    {
    case RETRACT_ID_DOCUMENT_HK_ID:
      /* "A123456(3)" or "AB123456(3)": the letters and three digits stay. */
      return mask_middle (normalized, 0, (glong) length - 3 - 3, 3);
    case RETRACT_ID_DOCUMENT_MACAU_ID:
      return mask_middle (normalized, 0, 2, 3);
    case RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT:
    case RETRACT_ID_DOCUMENT_PASSPORT:
      if (length <= 6)
        return mask_middle (normalized, 0, 1, 1);
      if (length <= 8)
        return mask_middle (normalized, 0, 2, 1);
      return mask_middle (normalized, 0, 3, 2);
    case RETRACT_ID_DOCUMENT_MAINLAND_ID:
    case RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT:
    default:
      return retract_mask_id_number (normalized);
    }
}
