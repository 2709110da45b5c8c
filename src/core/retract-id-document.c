/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The identity documents of issue 15 §1: their names, what to photograph,
 * their rules; how a letter shows them masked is in retract-id-document-mask.c.
 * The one place each rule is written; see retract-id-document.h for the rules. */

#define G_LOG_DOMAIN "retract-validators"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "retract-error.h"
#include "retract-id-document.h"
#include "retract-validators-private.h"

typedef struct
{
  const char *id;         /* in the case file */
  const char *label;      /* untranslated */
  const char *photo_hint; /* untranslated */
  const char *example;    /* what a number looks like, in messages and placeholders */
} DocumentInfo;

static const DocumentInfo documents[RETRACT_N_ID_DOCUMENT_TYPES] = {
  [RETRACT_ID_DOCUMENT_MAINLAND_ID] = {
    "mainland-id", N_("Resident identity card"),
    N_("both sides of the identity card"), "11010519491231002X" },
  [RETRACT_ID_DOCUMENT_HK_ID] = {
    "hk-id", N_("Hong Kong identity card"),
    N_("the front of the Hong Kong identity card"), "A123456(3)" },
  [RETRACT_ID_DOCUMENT_MACAU_ID] = {
    "macau-id", N_("Macao resident identity card"),
    N_("both sides of the Macao resident identity card"), "1234567(8)" },
  [RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT] = {
    "hk-macau-permit", N_("Mainland Travel Permit for Hong Kong and Macao Residents"),
    N_("both sides of the Mainland Travel Permit"), "H12345678" },
  [RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT] = {
    "hkmt-residence-permit", N_("Residence permit for Hong Kong, Macao and Taiwan residents"),
    N_("both sides of the residence permit"), "810000199001011230" },
  [RETRACT_ID_DOCUMENT_PASSPORT] = {
    "passport", N_("Passport"),
    N_("the passport's information page, the one with the photo"), "E12345678" },
};

G_DEFINE_ENUM_TYPE (RetractIdDocumentType, retract_id_document_type,
  G_DEFINE_ENUM_VALUE (RETRACT_ID_DOCUMENT_MAINLAND_ID, "mainland-id"),
  G_DEFINE_ENUM_VALUE (RETRACT_ID_DOCUMENT_HK_ID, "hk-id"),
  G_DEFINE_ENUM_VALUE (RETRACT_ID_DOCUMENT_MACAU_ID, "macau-id"),
  G_DEFINE_ENUM_VALUE (RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT, "hk-macau-permit"),
  G_DEFINE_ENUM_VALUE (RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "hkmt-residence-permit"),
  G_DEFINE_ENUM_VALUE (RETRACT_ID_DOCUMENT_PASSPORT, "passport"))

/**
 * retract_id_document_type_to_string:
 *
 * Returns: the type's name in the case file, such as "hk-id"
 */
const char *
retract_id_document_type_to_string (RetractIdDocumentType type)
{
  g_return_val_if_fail (type < RETRACT_N_ID_DOCUMENT_TYPES, NULL);

  return documents[type].id;
}

/**
 * retract_id_document_type_from_string:
 * @type: (out) (optional): the type named by @text
 *
 * Returns: whether @text names a document type
 */
gboolean
retract_id_document_type_from_string (const char            *text,
                                      RetractIdDocumentType *type)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < RETRACT_N_ID_DOCUMENT_TYPES; i++)
    if (g_str_equal (text, documents[i].id))
      {
        if (type != NULL)
          *type = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * retract_id_document_type_label:
 *
 * Returns: the document's translated name, such as "Hong Kong identity card"
 */
const char *
retract_id_document_type_label (RetractIdDocumentType type)
{
  g_return_val_if_fail (type < RETRACT_N_ID_DOCUMENT_TYPES, NULL);

  return _(documents[type].label);
}

/**
 * retract_id_document_type_photo_hint:
 *
 * Returns: which pages or sides to photograph, translated, such as "the
 *   passport's information page, the one with the photo"
 */
const char *
retract_id_document_type_photo_hint (RetractIdDocumentType type)
{
  g_return_val_if_fail (type < RETRACT_N_ID_DOCUMENT_TYPES, NULL);

  return _(documents[type].photo_hint);
}

/**
 * retract_id_document_type_example:
 *
 * Returns: a made-up number of this type that passes its check, such as
 *   "A123456(3)", for placeholders and messages
 */
const char *
retract_id_document_type_example (RetractIdDocumentType type)
{
  g_return_val_if_fail (type < RETRACT_N_ID_DOCUMENT_TYPES, NULL);

  return documents[type].example;
}

/* GB 11643-1999: province-level codes that open a resident ID number. */
static const guint province_codes[] = {
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 91,
};

/**
 * retract_id_number_check_digit:
 * @first17: the first 17 digits of a resident ID number
 *
 * Returns: the GB 11643 check character, '0'–'9' or 'X'
 */
char
retract_id_number_check_digit (const char *first17)
{
  static const guint weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char check[11] = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };
  guint sum = 0;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < 17; i++)
    {
      g_return_val_if_fail (g_ascii_isdigit (first17[i]), '\0');
      sum += (guint) (first17[i] - '0') * weights[i];
    }

  return check[sum % 11];
}

static guint
digits_value (const char *digits,
              guint       count)
{
  guint value = 0;

  for (guint i = 0; i < count; i++)
    value = value * 10 + (guint) (digits[i] - '0');

  return value;
}

/* The GB 11643 number of 18 characters: digits, a birth date, the check
 * character, and with @provinces the mainland province list. A residence
 * permit (810000, 820000, 830000) is checked without the list: 83 (Taiwan)
 * is not on it. */
static gboolean
validate_gb11643 (const char  *text,
                  const GDate *today,
                  gboolean     provinces,
                  char       **normalized,
                  GError     **error)
{
  g_autofree char *number = NULL;
  gboolean province_ok = FALSE;
  guint province, year, month, day;
  char expected;

  number = _retract_normalize_typed (text);
  if (!g_str_is_ascii (number))
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   _("an ID number has only digits and the letter X"));
      return FALSE;
    }
  if (strlen (number) != 18)
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   _("a resident ID number has 18 characters, this one has %u"),
                   (guint) strlen (number));
      return FALSE;
    }

  for (guint i = 0; i < 17; i++)
    if (!g_ascii_isdigit (number[i]))
      {
        g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                     _("the first 17 characters of an ID number are digits; character %u is "
                       "not"), i + 1);
        return FALSE;
      }

  if (number[17] == 'x')
    number[17] = 'X';
  if (!g_ascii_isdigit (number[17]) && number[17] != 'X')
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   _("the last character of an ID number is a digit or X"));
      return FALSE;
    }

  province = digits_value (number, 2);
  for (guint i = 0; i < G_N_ELEMENTS (province_codes); i++)
    province_ok = province_ok || province_codes[i] == province;
  if (provinces && !province_ok)
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   _("the first two digits are not a province code"));
      return FALSE;
    }

  year = digits_value (number + 6, 4);
  month = digits_value (number + 10, 2);
  day = digits_value (number + 12, 2);
  if (year < 1900 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   _("digits 7–14 are not a valid date of birth"));
      return FALSE;
    }

  if (today != NULL && g_date_valid (today))
    {
      GDate birth;

      g_date_clear (&birth, 1);
      g_date_set_dmy (&birth, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
      if (g_date_compare (&birth, today) > 0)
        {
          g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                       _("the date of birth in digits 7–14 is in the future"));
          return FALSE;
        }
    }

  expected = retract_id_number_check_digit (number);
  if (number[17] != expected)
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   _("the check character does not match the other digits; one of them is "
                     "probably mistyped"));
      return FALSE;
    }

  if (normalized != NULL)
    *normalized = g_steal_pointer (&number);
  return TRUE;
}

/**
 * retract_validate_id_number:
 * @today: (nullable): birth dates after this day are refused
 * @normalized: (out) (optional): the number with an upper-case X
 *
 * Checks an 18-character resident ID number: digits, province code, birth
 * date and the GB 11643 check character.
 */
gboolean
retract_validate_id_number (const char  *text,
                            const GDate *today,
                            char       **normalized,
                            GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return validate_gb11643 (text, today, TRUE, normalized, error);
}

/* A Hong Kong letter counts 10 for A to 35 for Z; the missing first letter
 * of a one-letter number counts 36 (the value of a space in the scheme). */
static guint
hk_value (char c)
{
  return g_ascii_isdigit (c) ? (guint) (c - '0') : (guint) (c - 'A') + 10;
}

/**
 * retract_hk_id_check_digit:
 * @body: one or two upper-case letters and six digits, "A123456"
 *
 * Returns: the check digit, '0'–'9' or 'A' (for 10): the one that makes the
 *   weighted sum (weights 9 to 1) a multiple of 11
 */
char
retract_hk_id_check_digit (const char *body)
{
  gsize length;
  guint sum, weight = 8;
  guint check;

  g_return_val_if_fail (body != NULL, '\0');
  length = strlen (body);
  g_return_val_if_fail (length == 7 || length == 8, '\0');

  sum = length == 7 ? 9 * 36 : 0;
  if (length == 8)
    weight = 9;
  for (gsize i = 0; i < length; i++, weight--)
    sum += weight * hk_value (body[i]);

  check = (11 - sum % 11) % 11;
  return check == 10 ? 'A' : (char) ('0' + check);
}

/* Upper-case ASCII, or %NULL when @text has something else. */
static char *
normalize_document (const char *text)
{
  g_autofree char *number = _retract_normalize_typed (text);

  if (!g_utf8_validate (number, -1, NULL) || !g_str_is_ascii (number))
    return NULL;

  return g_ascii_strup (number, -1);
}

/* Splits "A123456(3)" or "A1234563" into its body, of @min_body to
 * @max_body characters, and its last character, the check. The brackets
 * are optional but come as a pair. */
static gboolean
split_check (const char *number,
             gsize       min_body,
             gsize       max_body,
             char      **body,
             char       *check)
{
  gsize length = strlen (number);
  gsize body_length;

  if (length >= 3 && number[length - 1] == ')' && number[length - 3] == '(')
    body_length = length - 3;
  else if (length >= 1 && strpbrk (number, "()") == NULL)
    body_length = length - 1;
  else
    return FALSE;

  if (body_length < min_body || body_length > max_body)
    return FALSE;

  *body = g_strndup (number, body_length);
  *check = number[length - 1 - (number[length - 1] == ')' ? 1 : 0)];
  return TRUE;
}

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID, message);
  return FALSE;
}

static char *
validate_hk_id (const char *number,
                GError    **error)
{
  g_autofree char *body = NULL;
  gsize letters;
  char check;

  if (!split_check (number, 7, 8, &body, &check))
    goto bad_form;

  letters = strlen (body) - 6;
  for (gsize i = 0; i < letters; i++)
    if (!g_ascii_isupper (body[i]))
      goto bad_form;
  if (!all_digits (body + letters) || !(g_ascii_isdigit (check) || check == 'A'))
    goto bad_form;

  if (retract_hk_id_check_digit (body) != check)
    {
      invalid (error, _("the check digit in brackets does not match the letters and digits "
                        "before it; one of them is probably mistyped"));
      return NULL;
    }

  return g_strdup_printf ("%s(%c)", body, check);

bad_form:
  invalid (error, _("a Hong Kong identity card number looks like A123456(3): one or two "
                    "letters, six digits and a check digit (0–9 or A), the brackets optional"));
  return NULL;
}

static char *
validate_macau_id (const char *number,
                   GError    **error)
{
  g_autofree char *body = NULL;
  char check;

  if (!split_check (number, 7, 7, &body, &check) || !all_digits (body) ||
      !g_ascii_isdigit (check) || strchr ("157", body[0]) == NULL)
    {
      invalid (error, _("a Macao identity card number looks like 1234567(8): seven digits "
                        "starting with 1, 5 or 7 and one more digit, the brackets optional"));
      return NULL;
    }

  return g_strdup_printf ("%s(%c)", body, check);
}

static char *
validate_permit (const char *number,
                 GError    **error)
{
  gsize length = strlen (number);

  if ((length != 9 && length != 11) || (number[0] != 'H' && number[0] != 'M') ||
      !all_digits (number + 1))
    {
      invalid (error, _("a Mainland Travel Permit number looks like H12345678: H (Hong Kong) "
                        "or M (Macao) and 8 digits, sometimes 2 more"));
      return NULL;
    }

  return g_strdup (number);
}

static char *
validate_residence_permit (const char  *number,
                           const GDate *today,
                           GError     **error)
{
  char *normalized = NULL;

  if (strlen (number) != 18 ||
      !(g_str_has_prefix (number, "810000") || g_str_has_prefix (number, "820000") ||
        g_str_has_prefix (number, "830000")))
    {
      invalid (error, _("a residence permit number has 18 characters and starts with 810000 "
                        "(Hong Kong), 820000 (Macao) or 830000 (Taiwan)"));
      return NULL;
    }

  if (!validate_gb11643 (number, today, FALSE, &normalized, error))
    return NULL;
  return normalized;
}

static char *
validate_passport (const char *number,
                   GError    **error)
{
  gsize length = strlen (number);

  for (const char *p = number; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      length = 0;

  if (length < 5 || length > 20)
    {
      invalid (error, _("a passport number has 5 to 20 letters and digits"));
      return NULL;
    }

  return g_strdup (number);
}

/**
 * retract_validate_id_document:
 * @number: what the user typed or the case file holds
 * @today: (nullable): birth dates after this day are refused
 * @normalized: (out) (optional): the canonical form: upper case, a Hong Kong
 *   or Macau check digit in brackets ("A123456(3)")
 * @error: what is wrong, in words a user understands, without the number
 *
 * Checks @number against the rule of @type (see retract-id-document.h).
 */
gboolean
retract_validate_id_document (RetractIdDocumentType type,
                              const char           *number,
                              GDateTime            *today,
                              char                **normalized,
                              GError              **error)
{
  g_autofree char *text = NULL;
  g_autofree char *result = NULL;
  GDate day;

  g_return_val_if_fail (type < RETRACT_N_ID_DOCUMENT_TYPES, FALSE);
  g_return_val_if_fail (number != NULL, FALSE);

  g_date_clear (&day, 1);
  if (today != NULL)
    {
      int y, m, d;

      g_date_time_get_ymd (today, &y, &m, &d);
      g_date_set_dmy (&day, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
    }

  if (type == RETRACT_ID_DOCUMENT_MAINLAND_ID)
    return retract_validate_id_number (number, today != NULL ? &day : NULL, normalized, error);

  text = normalize_document (number);
  if (text == NULL)
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   /* Translators: %s is a document's name, such as "Passport" */
                   _("a number of this document (%s) has only letters, digits and brackets"),
                   retract_id_document_type_label (type));
      return FALSE;
    }

  switch (type)
    {
    case RETRACT_ID_DOCUMENT_HK_ID:
      result = validate_hk_id (text, error);
      break;
    case RETRACT_ID_DOCUMENT_MACAU_ID:
      result = validate_macau_id (text, error);
      break;
    case RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT:
      result = validate_permit (text, error);
      break;
    case RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT:
      result = validate_residence_permit (text, today != NULL ? &day : NULL, error);
      break;
    case RETRACT_ID_DOCUMENT_PASSPORT:
      result = validate_passport (text, error);
      break;
    case RETRACT_ID_DOCUMENT_MAINLAND_ID:
    default:
      g_assert_not_reached ();
    }

  if (result == NULL)
    return FALSE;
  if (normalized != NULL)
    *normalized = g_steal_pointer (&result);
  return TRUE;
}
