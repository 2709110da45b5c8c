/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "retract-validators"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "retract-error.h"
#include "retract-validators.h"
#include "retract-validators-private.h"

/* What people type: full-width forms from a Chinese input method become ASCII
 * ("１３８" → "138"), and the spaces of every kind (a no-break space, the
 * ideographic space U+3000, a tab, a zero-width space) and dashes used to
 * group digits go. A line break is not a space between groups: it stays. */
char *
_retract_normalize_typed (const char *text)
{
  GString *result;

  /* Invalid UTF-8 is left as it is for the caller to refuse. */
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  result = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      if (g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR || c == '\t' || c == 0x200B ||
          c == 0xFEFF || c == '-' ||
          (c >= 0x2010 && c <= 0x2015))
        continue;
      g_string_append_unichar (result, c);
    }

  return g_string_free (result, FALSE);
}

static gboolean
all_digits (const char *text,
            gsize       length)
{
  if (strlen (text) != length)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

/* A country code in brackets at the start, "(+852)" or "(00852)", loses its
 * brackets; an international prefix 00 becomes "+". Brackets elsewhere, or
 * around anything but a country code, stay and are refused. */
static char *
international_form (char *number)
{
  char *close;

  if (number[0] == '(' && (close = strchr (number, ')')) != NULL &&
      (number[1] == '+' || g_str_has_prefix (number + 1, "00")))
    {
      memmove (close, close + 1, strlen (close + 1) + 1);
      memmove (number, number + 1, strlen (number + 1) + 1);
    }

  if (g_str_has_prefix (number, "00"))
    {
      char *plus = g_strconcat ("+", number + 2, NULL);

      g_free (number);
      return plus;
    }

  return number;
}

/**
 * retract_validate_phone:
 * @allow_hong_kong_macau: also accept +852 and +853 numbers
 * @normalized: (out) (optional): "13800138000" or "+85291234567"
 *
 * A mainland mobile number (11 digits starting 13–19), optionally written with
 * +86 or 0086, spaces or hyphens; with @allow_hong_kong_macau also a Hong
 * Kong or Macau one, written "+852 9123 4567", "00852 9123 4567" or
 * "(+852) 9123 4567".
 */
gboolean
retract_validate_phone (const char *text,
                        gboolean    allow_hong_kong_macau,
                        char      **normalized,
                        GError    **error)
{
  g_autofree char *number = NULL;
  const char *national;

  g_return_val_if_fail (text != NULL, FALSE);

  number = international_form (_retract_normalize_typed (text));
  national = number;
  if (g_str_has_prefix (number, "+86") && !g_str_has_prefix (number, "+852") &&
      !g_str_has_prefix (number, "+853"))
    national = number + 3;

  if (all_digits (national, 11) && national[0] == '1' && national[1] >= '3' && national[1] <= '9')
    {
      if (normalized != NULL)
        *normalized = g_strdup (national);
      return TRUE;
    }

  if (allow_hong_kong_macau &&
      ((g_str_has_prefix (number, "+852") && all_digits (number + 4, 8) &&
        number[4] >= '4' && number[4] <= '9') ||
       (g_str_has_prefix (number, "+853") && all_digits (number + 4, 8) && number[4] == '6')))
    {
      if (normalized != NULL)
        *normalized = g_steal_pointer (&number);
      return TRUE;
    }

  if (allow_hong_kong_macau)
    g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                 _("enter a mainland mobile number (11 digits starting with 1, optionally +86) "
                   "or a Hong Kong (+852) or Macau (+853) mobile number"));
  else
    g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                 _("enter a mainland mobile number: 11 digits starting with 1, optionally "
                   "with +86"));
  return FALSE;
}

/* An identifier copied from the platform: @min–@max ASCII letters, digits,
 * "_" and "-", and with @letter_first a letter first. The two messages say
 * what is wrong with the length (or the first character) and with the
 * characters. */
static gboolean
check_identifier (const char  *text,
                  gsize        min,
                  gsize        max,
                  gboolean     letter_first,
                  const char  *length_message,
                  const char  *characters_message,
                  GError     **error)
{
  gsize length;

  g_return_val_if_fail (text != NULL, FALSE);

  length = strlen (text);
  if (length < min || length > max || (letter_first && !g_ascii_isalpha (text[0])))
    {
      g_set_error_literal (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                           length_message);
      return FALSE;
    }

  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      {
        g_set_error_literal (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                             characters_message);
        return FALSE;
      }

  return TRUE;
}

/* WeChat IDs: 6–20 characters, a letter first, then letters, digits, _ or -. */
gboolean
retract_validate_wechat_id (const char *text,
                            GError    **error)
{
  return check_identifier (text, 6, 20, TRUE,
                           _("a WeChat ID has 6–20 characters and starts with a letter"),
                           _("a WeChat ID has only letters, digits, “_” and “-”"),
                           error);
}

gboolean
retract_validate_complaint_number (const char *text,
                                   GError    **error)
{
  return check_identifier (text, 1, 64, FALSE,
                           _("a complaint number has 1–64 characters"),
                           _("a complaint number has only letters, digits, “-” and “_”; copy "
                             "it exactly as the platform shows it"),
                           error);
}

/* Invisible characters that reorder the text around them (Unicode bidi
 * embeddings, overrides, isolates and marks). */
static gboolean
is_bidi_control (gunichar c)
{
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

/* What retract_validate_characters() refuses, character by character: 0
 * when @c at @p is allowed, otherwise a kind for the message. */
typedef enum
{
  CHARACTER_ALLOWED,
  CHARACTER_CONTROL,
  CHARACTER_SEPARATOR,
  CHARACTER_BIDI,
  CHARACTER_INVISIBLE,
  CHARACTER_MARKS,
} CharacterKind;

/* Unicode's stream-safe limit (UAX #15): more marks than this on one
 * character is not writing but a way to make text slow to lay out. */
#define MAX_MARKS_PER_CHARACTER 30

/* Invisible characters that hide text without reordering it: zero-width
 * space, word joiner, zero-width no-break space (BOM) and soft hyphen. The
 * joiners U+200C and U+200D stay: emoji and several scripts need them. */
static gboolean
is_invisible (gunichar c)
{
  return c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

static CharacterKind
classify_character (const char *p,
                    gunichar    c,
                    gboolean    multiline,
                    guint      *marks)
{
  /* Fast path: printable ASCII. */
  if (c >= 0x20 && c < 0x7F)
    {
      *marks = 0;
      return CHARACTER_ALLOWED;
    }

  if (g_unichar_ismark (c))
    return ++*marks > MAX_MARKS_PER_CHARACTER ? CHARACTER_MARKS : CHARACTER_ALLOWED;
  *marks = 0;

  if (multiline && (c == '\n' || c == '\t' || (c == '\r' && p[1] == '\n') ||
                    c == 0x2028 || c == 0x2029))
    return CHARACTER_ALLOWED;

  if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
    return CHARACTER_CONTROL;

  if (c == 0x2028 || c == 0x2029)
    return CHARACTER_SEPARATOR;

  if (is_bidi_control (c))
    return CHARACTER_BIDI;

  if (is_invisible (c))
    return CHARACTER_INVISIBLE;

  return CHARACTER_ALLOWED;
}

static inline gunichar
get_char (const char *p)
{
  return (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
}

/**
 * retract_validate_characters:
 * @text: UTF-8 text from the dataset, a case file or the user
 * @multiline: whether the field holds several lines
 * @error: says which character is not allowed, by code point
 *
 * The one check for characters in any text that is shown, printed or put in
 * a letter; see retract-validators.h for the rule.
 *
 * Returns: %TRUE if @text is valid UTF-8 with only allowed characters
 */
gboolean
retract_validate_characters (const char *text,
                             gboolean    multiline,
                             GError    **error)
{
  guint marks = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   _("the text is not valid UTF-8"));
      return FALSE;
    }

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = get_char (p);

      switch (classify_character (p, c, multiline, &marks))
        {
        case CHARACTER_ALLOWED:
          break;

        case CHARACTER_CONTROL:
          g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                       /* Translators: %04X is a code point such as 001B */
                       multiline ? _("contains a control character (U+%04X)")
                                 : _("contains a line break or control character (U+%04X)"),
                       c);
          return FALSE;

        case CHARACTER_SEPARATOR:
          g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                       /* Translators: %04X is a code point such as 2028 */
                       _("contains a line break (U+%04X)"), c);
          return FALSE;

        case CHARACTER_BIDI:
          g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                       /* Translators: %04X is a code point such as 202E */
                       _("contains a text-direction control character (U+%04X)"), c);
          return FALSE;

        case CHARACTER_INVISIBLE:
          g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                       /* Translators: %04X is a code point such as 200B */
                       _("contains an invisible character (U+%04X)"), c);
          return FALSE;

        case CHARACTER_MARKS:
        default:
          g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                       /* Translators: %1$u is a number such as 30, %2$04X a code point such as 0301 */
                       _("has more than %1$u accents or marks on one character (U+%2$04X)"),
                       MAX_MARKS_PER_CHARACTER, c);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * retract_filter_characters:
 * @text: valid UTF-8, such as text being typed or pasted
 * @length: its length in bytes, or -1 when nul-terminated
 * @multiline: whether the field holds several lines
 * @first_removed: (out) (optional): the first character taken out or replaced
 *
 * What a field keeps of typed or pasted text: every character that
 * retract_validate_characters() refuses is taken out, except that in a
 * single-line field a line break or tab becomes a space (a Windows "\r\n"
 * becomes one space), so pasted lines do not run together.
 *
 * Returns: (transfer full) (nullable): the filtered text, or %NULL when
 *   @text has nothing to take out (use it as it is)
 */
char *
retract_filter_characters (const char *text,
                           gssize      length,
                           gboolean    multiline,
                           gunichar   *first_removed)
{
  g_autoptr(GString) kept = NULL;
  g_autofree char *copy = NULL;
  const char *start = text;
  guint marks = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (first_removed != NULL)
    *first_removed = 0;

  /* classify_character() looks one byte ahead for "\r\n": work on a
   * nul-terminated copy. */
  if (length >= 0)
    start = copy = g_strndup (text, (gsize) length);

  for (const char *p = start; *p; p = g_utf8_next_char (p))
    {
      gunichar c = get_char (p);

      if (classify_character (p, c, multiline, &marks) == CHARACTER_ALLOWED)
        {
          if (kept != NULL)
            g_string_append_unichar (kept, c);
          continue;
        }

      if (kept == NULL)
        {
          kept = g_string_sized_new (strlen (start));
          g_string_append_len (kept, start, p - start);
          if (first_removed != NULL)
            *first_removed = c;
        }

      if (!multiline && (c == '\n' || c == '\t' || c == 0x2028 || c == 0x2029 ||
                         (c == '\r' && p[1] != '\n')))
        g_string_append_c (kept, ' ');
    }

  return kept != NULL ? g_string_free (g_steal_pointer (&kept), FALSE) : NULL;
}

/**
 * retract_validate_text:
 * @max_chars: the longest text accepted, in characters
 * @multiline: whether line breaks and tabs are allowed
 *
 * Free text: retract_validate_characters() and not too long.
 */
gboolean
retract_validate_text (const char *text,
                       guint       max_chars,
                       gboolean    multiline,
                       GError    **error)
{
  glong length;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   _("the text is not valid UTF-8"));
      return FALSE;
    }

  length = g_utf8_strlen (text, -1);
  if ((gulong) length > max_chars)
    {
      /* Translators: the limit, then the length of the text */
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_OUT_OF_RANGE,
                   g_dngettext (GETTEXT_PACKAGE, "at most %1$u character, this has %2$ld",
                                "at most %1$u characters, this has %2$ld", max_chars),
                   max_chars, length);
      return FALSE;
    }

  return retract_validate_characters (text, multiline, error);
}

#define URL_MAX_BYTES 2048
#define HOST_MAX_BYTES 253
#define LABEL_MAX_BYTES 63

static gboolean
url_error (GError    **error,
           const char *message)
{
  g_set_error_literal (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID, message);
  return FALSE;
}

/* A DNS host name of at least two labels whose last label is not all digits. */
static gboolean
check_host (const char *host,
            gsize       length,
            GError    **error)
{
  gsize label_start = 0;
  guint labels = 0;
  gboolean last_all_digits = TRUE;

  if (length == 0)
    return url_error (error, _("a link needs a host name after “https://”"));
  if (length > HOST_MAX_BYTES)
    return url_error (error, _("the host name of a link is too long"));

  for (gsize i = 0; i <= length; i++)
    {
      if (i == length || host[i] == '.')
        {
          gsize label_length = i - label_start;

          if (label_length == 0)
            return url_error (error, _("the host name of a link has an empty part"));
          if (label_length > LABEL_MAX_BYTES)
            return url_error (error, _("a part of the host name of a link is too long"));
          if (host[label_start] == '-' || host[i - 1] == '-')
            return url_error (error, _("a part of the host name of a link starts or ends "
                                       "with “-”"));
          labels++;
          last_all_digits = TRUE;
          for (gsize j = label_start; j < i; j++)
            last_all_digits = last_all_digits && g_ascii_isdigit (host[j]);
          label_start = i + 1;
        }
      else if (!g_ascii_isalnum (host[i]) && host[i] != '-')
        {
          return url_error (error, _("the host name of a link has only letters, digits, "
                                     "“-” and “.”; write international names in punycode"));
        }
    }

  if (labels < 2 || last_all_digits)
    return url_error (error, _("the host of a link must be a domain name such as "
                               "“example.com”, not an address"));

  return TRUE;
}

/* Characters RFC 3986 allows in a path, query or fragment, besides "%" and
 * the one "#" that starts the fragment. */
static gboolean
is_url_char (char c)
{
  return g_ascii_isalnum (c) || strchr ("-._~:/?@!$&'()*+,;=", c) != NULL;
}

/**
 * retract_validate_https_url:
 * @text: a link from the dataset or about to be opened
 *
 * The one rule for links the app shows or opens; see retract-validators.h
 * for exactly what is accepted.
 *
 * Returns: %TRUE if @text is a plain https:// link to a named host
 */
gboolean
retract_validate_https_url (const char *text,
                            GError    **error)
{
  static const char scheme[] = "https://";
  const char *authority;
  const char *rest;
  const char *port;
  gsize length;

  g_return_val_if_fail (text != NULL, FALSE);

  length = strlen (text);
  if (length > URL_MAX_BYTES)
    return url_error (error, _("a link has at most 2048 characters"));
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if (c <= 0x20 || c >= 0x7F)
        return url_error (error, _("a link has no spaces, control characters or non-ASCII "
                                   "characters; percent-encode them"));
    }

  if (!g_str_has_prefix (text, scheme))
    return url_error (error, _("a link must start with “https://”"));

  authority = text + strlen (scheme);
  rest = authority + strcspn (authority, "/?#");
  if (memchr (authority, '@', (gsize) (rest - authority)) != NULL)
    return url_error (error, _("a link must not have a user name or “@” before its host"));

  port = memchr (authority, ':', (gsize) (rest - authority));
  if (!check_host (authority, (gsize) ((port != NULL ? port : rest) - authority), error))
    return FALSE;
  if (port != NULL)
    {
      guint value = 0;
      gsize digits = (gsize) (rest - port - 1);

      for (const char *p = port + 1; p < rest; p++)
        {
          if (!g_ascii_isdigit (*p))
            {
              digits = 0;
              break;
            }
          value = value * 10 + (guint) (*p - '0');
          if (value > 65535)
            break;
        }
      if (digits == 0 || digits > 5 || value == 0 || value > 65535)
        return url_error (error, _("the port of a link is a number from 1 to 65535"));
    }

  for (const char *p = rest, *fragment = strchr (rest, '#'); *p != '\0'; p++)
    {
      if (*p == '#' && p == fragment)
        continue;
      if (*p == '%')
        {
          if (!g_ascii_isxdigit (p[1]) || !g_ascii_isxdigit (p[2]))
            return url_error (error, _("a “%” in a link is followed by two hexadecimal "
                                       "digits"));
          p += 2;
        }
      else if (!is_url_char (*p))
        {
          return url_error (error, _("a link has a character that is not allowed in a URL "
                                     "(such as a backslash, quote, bracket, “<”, “>” or a "
                                     "second “#”)"));
        }
    }

  return TRUE;
}
