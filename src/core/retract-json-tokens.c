/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The strict scanner's tokens (see retract-json-scanner.c for the
 * structure): strings with their escapes and surrogates, numbers with their
 * length and range, the literals, and how the place an error points at is
 * described. */

#define G_LOG_DOMAIN "retract-json-scanner"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "retract-json-tokens-private.h"

#define MAX_NUMBER_LENGTH 64

/* Reports a problem where something began (an escape, a number, a key). */
void
retract_json_scanner_fail_at (Scanner         *scanner,
                              guint            line,
                              guint            column,
                              GError         **error,
                              RetractDataError code,
                              const char      *format,
                              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, RETRACT_DATA_ERROR, code, "%s:%u:%u: %s",
               scanner->name, line, column, message);
}

char *
retract_json_scanner_describe (Scanner *scanner)
{
  guchar c;

  if (scanner_at_end (scanner))
    return g_strdup (_("the end of the file"));

  c = scanner_peek (scanner);
  if (c == '/')
    return g_strdup (_("a comment (comments are not allowed in JSON)"));
  if (c >= 0x20 && c < 0x7F)
    return g_strdup_printf ("“%c”", c);
  if (c < 0x20 || c == 0x7F)
    return g_strdup_printf (_("control character U+%04X"), c);

  /* Other characters are shown only if they are visible and keep their
   * place: a C1 control, a bidi control or a line separator is named. */
  {
    gunichar u = g_utf8_get_char_validated ((const char *) scanner->data + scanner->pos,
                                            (gssize) (scanner->length - scanner->pos));

    if (u == (gunichar) -1 || u == (gunichar) -2)
      return g_strdup_printf (_("byte 0x%02X"), c);
    if (g_unichar_iscntrl (u))
      return g_strdup_printf (_("control character U+%04X"), u);
    if (g_unichar_type (u) == G_UNICODE_FORMAT || u == 0x2028 || u == 0x2029)
      /* Translators: an invisible character, such as U+202E, where the JSON
       * syntax wanted something else */
      return g_strdup_printf (_("character U+%04X"), u);
  }

  return g_utf8_substring ((const char *) scanner->data + scanner->pos, 0, 1);
}

void
retract_json_scanner_fail_unexpected (Scanner    *scanner,
                                      const char *expected,
                                      GError    **error)
{
  g_autofree char *found = retract_json_scanner_describe (scanner);

  /* Translators: the first %s is what the parser wanted (e.g. "a value"),
   * the second what it found. */
  scanner_fail (scanner, error, RETRACT_DATA_ERROR_SYNTAX,
                _("expected %1$s, found %2$s"), expected, found);
}

static gboolean
scan_hex4 (Scanner  *scanner,
           gunichar *value,
           GError  **error)
{
  *value = 0;
  for (guint i = 0; i < 4; i++)
    {
      gint digit = g_ascii_xdigit_value ((gchar) scanner_peek (scanner));

      if (digit < 0)
        {
          retract_json_scanner_fail_unexpected (scanner, _("a hexadecimal digit"), error);
          return FALSE;
        }
      *value = (*value << 4) | (gunichar) digit;
      scanner_advance (scanner);
    }

  return TRUE;
}

/* Reads the four hex digits of a unicode escape that began at @line:@column,
 * and the low surrogate that must follow a high one. NUL and unpaired
 * surrogates are refused: JsonParser would cut the string or make invalid
 * UTF-8 of them. */
static gboolean
scan_unicode_escape (Scanner  *scanner,
                     guint     line,
                     guint     column,
                     gunichar *value,
                     GError  **error)
{
  gunichar unit, low = 0;
  gboolean paired;

  if (!scan_hex4 (scanner, &unit, error))
    return FALSE;

  if (unit == 0)
    {
      retract_json_scanner_fail_at (scanner, line, column, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                    _("the NUL character (\\u0000) is not allowed in strings"));
      return FALSE;
    }

  if (unit >= 0xDC00 && unit <= 0xDFFF)
    {
      retract_json_scanner_fail_at (scanner, line, column, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                    _("lone low surrogate \\u%04X in string"), unit);
      return FALSE;
    }

  if (unit < 0xD800 || unit > 0xDBFF)
    {
      *value = unit;
      return TRUE;
    }

  paired = scanner_peek (scanner) == '\\' && scanner->pos + 1 < scanner->length &&
           scanner->data[scanner->pos + 1] == 'u';
  if (paired)
    {
      scanner_advance (scanner);
      scanner_advance (scanner);
      if (!scan_hex4 (scanner, &low, error))
        return FALSE;
    }
  if (!paired || low < 0xDC00 || low > 0xDFFF)
    {
      retract_json_scanner_fail_at (scanner, line, column, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                    _("high surrogate \\u%04X is not followed by a low surrogate"),
                                    unit);
      return FALSE;
    }

  *value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
  return TRUE;
}

/* Scans a string; when @decoded is not NULL, also decodes it (needed for keys,
 * so that "a" and "\u0061" are seen as the same key). */
gboolean
retract_json_scan_string (Scanner *scanner,
                          GString *decoded,
                          GError **error)
{
  guint escape_line = 0;
  guint escape_column = 0;

  g_assert (scanner_peek (scanner) == '"');
  scanner_advance (scanner);

  for (;;)
    {
      guchar c;

      if (scanner_at_end (scanner))
        {
          scanner_fail (scanner, error, RETRACT_DATA_ERROR_SYNTAX,
                        _("unterminated string"));
          return FALSE;
        }

      c = scanner_peek (scanner);
      if (c == '"')
        {
          scanner_advance (scanner);
          return TRUE;
        }

      if (c < 0x20)
        {
          scanner_fail (scanner, error, RETRACT_DATA_ERROR_SYNTAX,
                        _("control character U+%04X inside a string must be escaped"), c);
          return FALSE;
        }

      if (c != '\\')
        {
          if (decoded != NULL)
            g_string_append_c (decoded, (char) c);
          scanner_advance (scanner);
          continue;
        }

      /* Problems with an escape are reported where the escape starts. */
      escape_line = scanner->line;
      escape_column = scanner->column;
      scanner_advance (scanner);
      c = scanner_peek (scanner);
      switch (c)
        {
        case '"': case '\\': case '/':
          if (decoded != NULL)
            g_string_append_c (decoded, (char) c);
          scanner_advance (scanner);
          break;
        case 'b': case 'f': case 'n': case 'r': case 't':
          if (decoded != NULL)
            g_string_append_c (decoded, c == 'b' ? '\b' : c == 'f' ? '\f' :
                                        c == 'n' ? '\n' : c == 'r' ? '\r' : '\t');
          scanner_advance (scanner);
          break;
        case 'u':
          {
            gunichar unit;

            scanner_advance (scanner);
            if (!scan_unicode_escape (scanner, escape_line, escape_column, &unit, error))
              return FALSE;
            if (decoded != NULL)
              g_string_append_unichar (decoded, unit);
          }
          break;
        default:
          retract_json_scanner_fail_unexpected (scanner, _("an escape sequence"), error);
          return FALSE;
        }
    }
}

static gboolean
scan_digits (Scanner *scanner)
{
  gboolean any = FALSE;

  while (g_ascii_isdigit (scanner_peek (scanner)))
    {
      scanner_advance (scanner);
      any = TRUE;
    }

  return any;
}

static gboolean
scan_number (Scanner *scanner,
             GError **error)
{
  gsize start = scanner->pos;
  guint start_line = scanner->line;
  guint start_column = scanner->column;
  gboolean is_integer = TRUE;
  g_autofree char *text = NULL;

  if (scanner_peek (scanner) == '-')
    scanner_advance (scanner);

  if (scanner_peek (scanner) == '0')
    {
      scanner_advance (scanner);
      if (g_ascii_isdigit (scanner_peek (scanner)))
        {
          scanner_fail (scanner, error, RETRACT_DATA_ERROR_SYNTAX,
                        _("numbers must not have leading zeros"));
          return FALSE;
        }
    }
  else if (!scan_digits (scanner))
    {
      retract_json_scanner_fail_unexpected (scanner, _("a digit"), error);
      return FALSE;
    }

  if (scanner_peek (scanner) == '.')
    {
      is_integer = FALSE;
      scanner_advance (scanner);
      if (!scan_digits (scanner))
        {
          retract_json_scanner_fail_unexpected (scanner, _("a digit after the decimal point"),
                                                error);
          return FALSE;
        }
    }

  if (scanner_peek (scanner) == 'e' || scanner_peek (scanner) == 'E')
    {
      is_integer = FALSE;
      scanner_advance (scanner);
      if (scanner_peek (scanner) == '+' || scanner_peek (scanner) == '-')
        scanner_advance (scanner);
      if (!scan_digits (scanner))
        {
          retract_json_scanner_fail_unexpected (scanner, _("a digit in the exponent"), error);
          return FALSE;
        }
    }

  /* Range checks report where the number starts. */
  if (scanner->pos - start > MAX_NUMBER_LENGTH)
    {
      retract_json_scanner_fail_at (scanner, start_line, start_column, error,
                                    RETRACT_DATA_ERROR_OUT_OF_RANGE,
                                    _("number is too long (more than %d characters)"),
                                    MAX_NUMBER_LENGTH);
      return FALSE;
    }

  text = g_strndup (scanner->data + start, scanner->pos - start);
  errno = 0;
  if (is_integer)
    {
      g_ascii_strtoll (text, NULL, 10);
      if (errno == ERANGE)
        {
          retract_json_scanner_fail_at (scanner, start_line, start_column, error,
                                        RETRACT_DATA_ERROR_OUT_OF_RANGE,
                                        _("integer %s does not fit in 64 bits"), text);
          return FALSE;
        }
    }
  else if (!isfinite (g_ascii_strtod (text, NULL)))
    {
      retract_json_scanner_fail_at (scanner, start_line, start_column, error,
                                    RETRACT_DATA_ERROR_OUT_OF_RANGE,
                                    _("number %s is out of range"), text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
scan_literal (Scanner    *scanner,
              const char *literal,
              GError    **error)
{
  gsize length = strlen (literal);

  if (scanner->length - scanner->pos < length ||
      memcmp (scanner->data + scanner->pos, literal, length) != 0)
    {
      retract_json_scanner_fail_unexpected (scanner, _("a value"), error);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    scanner_advance (scanner);

  return TRUE;
}

gboolean
retract_json_scan_scalar (Scanner *scanner,
                          GError **error)
{
  guchar c = scanner_peek (scanner);

  switch (c)
    {
    case '"':
      return retract_json_scan_string (scanner, NULL, error);
    case 't':
      return scan_literal (scanner, "true", error);
    case 'f':
      return scan_literal (scanner, "false", error);
    case 'n':
      return scan_literal (scanner, "null", error);
    default:
      if (c == '-' || g_ascii_isdigit (c))
        return scan_number (scanner, error);
      retract_json_scanner_fail_unexpected (scanner, _("a value"), error);
      return FALSE;
    }
}
