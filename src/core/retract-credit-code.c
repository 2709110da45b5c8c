/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The unified social credit code of a company (GB 32100-2015), for the
 * enterprise scenario's letter; the rule is in retract-validators.h. */

#define G_LOG_DOMAIN "retract-validators"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "retract-error.h"
#include "retract-validators.h"
#include "retract-validators-private.h"

/* GB 32100-2015's 31 characters: the digits and the capital letters
 * without I, O, Z, S and V, which are read as digits. */
static const char credit_code_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static int
credit_code_value (char c)
{
  const char *found = c != '\0' ? strchr (credit_code_alphabet, c) : NULL;

  return found != NULL ? (int) (found - credit_code_alphabet) : -1;
}

/**
 * retract_credit_code_check_character:
 * @first17: the first 17 characters of a unified social credit code
 *
 * Returns: the GB 32100-2015 check character, or '\0' if @first17 has a
 *   character outside the code's alphabet
 */
char
retract_credit_code_check_character (const char *first17)
{
  guint sum = 0, weight = 1;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < 17; i++, weight = weight * 3 % 31)
    {
      int value = credit_code_value (first17[i]);

      if (value < 0)
        return '\0';
      sum += (guint) value * weight;
    }

  return credit_code_alphabet[(31 - sum % 31) % 31];
}

/**
 * retract_validate_credit_code:
 * @normalized: (out) (optional): the code in upper case
 *
 * A unified social credit code: see retract-validators.h for the rule.
 */
gboolean
retract_validate_credit_code (const char *text,
                              char      **normalized,
                              GError    **error)
{
  g_autofree char *typed = NULL;
  g_autofree char *code = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  typed = _retract_normalize_typed (text);
  if (!g_utf8_validate (typed, -1, NULL) || !g_str_is_ascii (typed) || strlen (typed) != 18)
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   _("a unified social credit code has 18 letters and digits, such as "
                     "91440300708461136T"));
      return FALSE;
    }

  code = g_ascii_strup (typed, -1);
  for (guint i = 0; i < 18; i++)
    if (credit_code_value (code[i]) < 0)
      {
        g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                     _("character %u is not used in a unified social credit code (it has no "
                       "I, O, Z, S or V)"), i + 1);
        return FALSE;
      }

  for (guint i = 2; i < 8; i++)
    if (!g_ascii_isdigit (code[i]))
      {
        g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                     _("characters 3–8 of a unified social credit code are digits (the "
                       "region code); character %u is not"), i + 1);
        return FALSE;
      }

  if (retract_credit_code_check_character (code) != code[17])
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   _("the last character of the credit code does not match the others; one of "
                     "them is probably mistyped"));
      return FALSE;
    }

  if (normalized != NULL)
    *normalized = g_steal_pointer (&code);
  return TRUE;
}
