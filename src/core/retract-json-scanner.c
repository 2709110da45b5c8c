/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The strict scan a JSON document passes before JsonParser sees it.
 *
 * json-glib 1.6 is lenient: it takes duplicate keys (last wins), trailing data,
 * empty input, comments and overflowing integers, and deep nesting overflows its
 * recursive descent. So the text is first checked here by a small, iterative
 * RFC 8259 scanner that knows the limits (size, depth, number length), refuses
 * invalid UTF-8, NUL, lone surrogates and duplicate keys, and remembers where
 * every value starts (by JSON path), so that every error, here or later in a
 * schema check, can say `file:line:col: $.path: what is wrong`.
 */

#define G_LOG_DOMAIN "retract-json-scanner"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "retract-error.h"
#include "retract-json-scanner-private.h"

#define MAX_NUMBER_LENGTH 64

typedef struct
{
  gboolean    is_object;
  guint       count;
  char       *path;
  GHashTable *keys;
} ScanFrame;

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;
  guint       column;
  guint       max_depth;
  const char *name;
  GHashTable *positions;
  GArray     *stack;
} Scanner;

static void
scan_frame_clear (gpointer data)
{
  ScanFrame *frame = data;

  g_clear_pointer (&frame->path, g_free);
  g_clear_pointer (&frame->keys, g_hash_table_unref);
}

/* Reports a problem where something began (an escape, a number, a key). */
static void G_GNUC_PRINTF (6, 7)
scanner_fail_at (Scanner         *scanner,
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

/* Reports a problem where the scanner is. */
#define scanner_fail(scanner, error, code, ...) \
  scanner_fail_at ((scanner), (scanner)->line, (scanner)->column, (error), (code), __VA_ARGS__)

static inline gboolean
scanner_at_end (Scanner *scanner)
{
  return scanner->pos >= scanner->length;
}

static inline guchar
scanner_peek (Scanner *scanner)
{
  return scanner_at_end (scanner) ? 0 : (guchar) scanner->data[scanner->pos];
}

static inline void
scanner_advance (Scanner *scanner)
{
  guchar c = (guchar) scanner->data[scanner->pos++];

  if (c == '\n')
    {
      scanner->line++;
      scanner->column = 1;
    }
  else if ((c & 0xC0) != 0x80)
    {
      /* Columns count characters, not bytes, as editors do. */
      scanner->column++;
    }
}

static void
scanner_skip_whitespace (Scanner *scanner)
{
  while (!scanner_at_end (scanner))
    {
      guchar c = scanner_peek (scanner);

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      scanner_advance (scanner);
    }
}

/* Remembers that the value at @path starts at @line:@column. */
static void
scanner_record (Scanner    *scanner,
                const char *path,
                guint       line,
                guint       column)
{
  guint *position = g_new (guint, 2);

  position[0] = line;
  position[1] = column;
  g_hash_table_replace (scanner->positions, g_strdup (path), position);
}

static char *
describe_current (Scanner *scanner)
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

static void
scanner_fail_unexpected (Scanner    *scanner,
                         const char *expected,
                         GError    **error)
{
  g_autofree char *found = describe_current (scanner);

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
          scanner_fail_unexpected (scanner, _("a hexadecimal digit"), error);
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
      scanner_fail_at (scanner, line, column, error, RETRACT_DATA_ERROR_BAD_VALUE,
                       _("the NUL character (\\u0000) is not allowed in strings"));
      return FALSE;
    }

  if (unit >= 0xDC00 && unit <= 0xDFFF)
    {
      scanner_fail_at (scanner, line, column, error, RETRACT_DATA_ERROR_BAD_VALUE,
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
      scanner_fail_at (scanner, line, column, error, RETRACT_DATA_ERROR_BAD_VALUE,
                       _("high surrogate \\u%04X is not followed by a low surrogate"), unit);
      return FALSE;
    }

  *value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
  return TRUE;
}

/* Scans a string; when @decoded is not NULL, also decodes it (needed for keys,
 * so that "a" and "\u0061" are seen as the same key). */
static gboolean
scan_string (Scanner *scanner,
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
          scanner_fail_unexpected (scanner, _("an escape sequence"), error);
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
      scanner_fail_unexpected (scanner, _("a digit"), error);
      return FALSE;
    }

  if (scanner_peek (scanner) == '.')
    {
      is_integer = FALSE;
      scanner_advance (scanner);
      if (!scan_digits (scanner))
        {
          scanner_fail_unexpected (scanner, _("a digit after the decimal point"), error);
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
          scanner_fail_unexpected (scanner, _("a digit in the exponent"), error);
          return FALSE;
        }
    }

  /* Range checks report where the number starts. */
  if (scanner->pos - start > MAX_NUMBER_LENGTH)
    {
      scanner_fail_at (scanner, start_line, start_column, error,
                       RETRACT_DATA_ERROR_OUT_OF_RANGE,
                       _("number is too long (more than %d characters)"), MAX_NUMBER_LENGTH);
      return FALSE;
    }

  text = g_strndup (scanner->data + start, scanner->pos - start);
  errno = 0;
  if (is_integer)
    {
      g_ascii_strtoll (text, NULL, 10);
      if (errno == ERANGE)
        {
          scanner_fail_at (scanner, start_line, start_column, error,
                           RETRACT_DATA_ERROR_OUT_OF_RANGE,
                           _("integer %s does not fit in 64 bits"), text);
          return FALSE;
        }
    }
  else if (!isfinite (g_ascii_strtod (text, NULL)))
    {
      scanner_fail_at (scanner, start_line, start_column, error,
                       RETRACT_DATA_ERROR_OUT_OF_RANGE, _("number %s is out of range"), text);
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
      scanner_fail_unexpected (scanner, _("a value"), error);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    scanner_advance (scanner);

  return TRUE;
}

static gboolean
scan_scalar (Scanner *scanner,
             GError **error)
{
  guchar c = scanner_peek (scanner);

  switch (c)
    {
    case '"':
      return scan_string (scanner, NULL, error);
    case 't':
      return scan_literal (scanner, "true", error);
    case 'f':
      return scan_literal (scanner, "false", error);
    case 'n':
      return scan_literal (scanner, "null", error);
    default:
      if (c == '-' || g_ascii_isdigit (c))
        return scan_number (scanner, error);
      scanner_fail_unexpected (scanner, _("a value"), error);
      return FALSE;
    }
}

/* Reads `"key" :` inside an object and returns the path of its value. */
static char *
scan_member_name (Scanner   *scanner,
                  ScanFrame *frame,
                  GError   **error)
{
  g_autoptr(GString) key = g_string_new (NULL);
  guint line = scanner->line;
  guint column = scanner->column;
  char *path;

  if (scanner_peek (scanner) != '"')
    {
      scanner_fail_unexpected (scanner, _("a member name in double quotes"), error);
      return NULL;
    }

  if (!scan_string (scanner, key, error))
    return NULL;

  if (g_hash_table_contains (frame->keys, key->str))
    {
      g_autoptr(GString) shown = g_string_new (NULL);

      retract_json_append_escaped_key (shown, key->str);
      scanner_fail_at (scanner, line, column, error, RETRACT_DATA_ERROR_DUPLICATE_KEY,
                       _("duplicate key “%s” in %s"), shown->str, frame->path);
      return NULL;
    }

  path = retract_json_path_member (frame->path, key->str);
  g_hash_table_add (frame->keys, g_string_free (g_steal_pointer (&key), FALSE));
  /* A member is located at its key, so messages point at the name. */
  scanner_record (scanner, path, line, column);

  scanner_skip_whitespace (scanner);
  if (scanner_peek (scanner) != ':')
    {
      g_free (path);
      scanner_fail_unexpected (scanner, "“:”", error);
      return NULL;
    }
  scanner_advance (scanner);

  return path;
}

static gboolean
scanner_run (Scanner *scanner,
             GError **error)
{
  g_autofree char *path = g_strdup ("$");

  scanner_skip_whitespace (scanner);
  if (scanner_at_end (scanner))
    {
      scanner_fail (scanner, error, RETRACT_DATA_ERROR_EMPTY,
                    _("the document is empty"));
      return FALSE;
    }

  for (;;)
    {
      guchar c;
      gboolean value_done = FALSE;

      /* A value is expected at `path`. */
      scanner_skip_whitespace (scanner);
      if (!g_hash_table_contains (scanner->positions, path))
        scanner_record (scanner, path, scanner->line, scanner->column);
      c = scanner_peek (scanner);

      if (c == '{' || c == '[')
        {
          ScanFrame frame = { c == '{', 0, NULL, NULL };

          if (scanner->stack->len >= scanner->max_depth)
            {
              scanner_fail (scanner, error, RETRACT_DATA_ERROR_TOO_DEEP,
                            _("nesting is deeper than %u levels"), scanner->max_depth);
              return FALSE;
            }

          frame.path = g_steal_pointer (&path);
          if (frame.is_object)
            frame.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_array_append_val (scanner->stack, frame);
          scanner_advance (scanner);
          scanner_skip_whitespace (scanner);

          if (scanner_peek (scanner) == (frame.is_object ? '}' : ']'))
            {
              scanner_advance (scanner);
              g_array_set_size (scanner->stack, scanner->stack->len - 1);
              value_done = TRUE;
            }
          else if (frame.is_object)
            {
              ScanFrame *top = &g_array_index (scanner->stack, ScanFrame, scanner->stack->len - 1);

              path = scan_member_name (scanner, top, error);
              if (path == NULL)
                return FALSE;
            }
          else
            {
              path = retract_json_path_element (frame.path, 0);
            }
        }
      else
        {
          if (!scan_scalar (scanner, error))
            return FALSE;
          g_clear_pointer (&path, g_free);
          value_done = TRUE;
        }

      /* After a complete value: close containers or move to the next member. */
      while (value_done)
        {
          ScanFrame *top;

          if (scanner->stack->len == 0)
            {
              scanner_skip_whitespace (scanner);
              if (!scanner_at_end (scanner))
                {
                  g_autofree char *found = describe_current (scanner);

                  scanner_fail (scanner, error, RETRACT_DATA_ERROR_TRAILING_DATA,
                                _("found %s after the end of the document"), found);
                  return FALSE;
                }
              return TRUE;
            }

          top = &g_array_index (scanner->stack, ScanFrame, scanner->stack->len - 1);
          scanner_skip_whitespace (scanner);
          c = scanner_peek (scanner);

          if (c == ',')
            {
              scanner_advance (scanner);
              scanner_skip_whitespace (scanner);
              top->count++;
              if (top->is_object)
                {
                  path = scan_member_name (scanner, top, error);
                  if (path == NULL)
                    return FALSE;
                }
              else
                {
                  path = retract_json_path_element (top->path, top->count);
                }
              value_done = FALSE;
            }
          else if (c == (top->is_object ? '}' : ']'))
            {
              scanner_advance (scanner);
              g_array_set_size (scanner->stack, scanner->stack->len - 1);
            }
          else
            {
              scanner_fail_unexpected (scanner, top->is_object ? _("“,” or “}”")
                                                               : _("“,” or “]”"), error);
              return FALSE;
            }
        }
    }
}

static void
locate_invalid_utf8 (const char *data,
                     const char *bad,
                     guint      *line,
                     guint      *column)
{
  *line = 1;
  *column = 1;
  for (const char *p = data; p < bad; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if ((*p & 0xC0) != 0x80)
        {
          (*column)++;
        }
    }
}

static void
set_too_large_error (GError    **error,
                     const char *name,
                     guint64     size,
                     guint64     limit)
{
  g_autofree char *size_text = g_strdup_printf ("%" G_GUINT64_FORMAT, size);
  g_autofree char *limit_text = g_strdup_printf ("%" G_GUINT64_FORMAT, limit);

  g_set_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_LARGE,
               /* Translators: %1$s is a file name, then two sizes in bytes. */
               _("%1$s: the file is %2$s bytes; at most %3$s are accepted"),
               name, size_text, limit_text);
}

/* Quotes, backslashes and invisible characters (controls, bidi and other
 * format characters, line separators) escaped, so that a key in a message
 * never drives a terminal or reorders text; other non-ASCII stays readable. */
void
retract_json_append_escaped_key (GString    *result,
                                 const char *key)
{
  for (const char *p = key; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: one byte at a time, as hex. */
          g_string_append_printf (result, "\\x%02X", (guint) (guchar) *p);
          p++;
          continue;
        }
      if (c == '"' || c == '\\')
        g_string_append_printf (result, "\\%c", (char) c);
      else if (g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_FORMAT ||
               c == 0x2028 || c == 0x2029)
        g_string_append_printf (result, "\\u%04X", (guint) c);
      else
        g_string_append_unichar (result, c);
      p = g_utf8_next_char (p);
    }
}

/**
 * retract_json_scan:
 * @bytes: the document as read
 * @name: how to name it in messages (a file name)
 * @limits: (nullable): size and depth limits, or %NULL for the defaults
 * @positions: path → guint[2] {line, column}, filled as values are met
 * @text: (out): the JSON text, after a UTF-8 byte-order mark if any
 * @text_length: (out): its length in bytes
 * @error: the first problem found, as `name:line:col: message`
 *
 * Returns: whether @bytes is one strict JSON value within @limits
 */
gboolean
retract_json_scan (GBytes                  *bytes,
                   const char              *name,
                   const RetractJsonLimits *limits,
                   GHashTable              *positions,
                   const char             **text,
                   gsize                   *text_length,
                   GError                 **error)
{
  g_autoptr(GArray) stack = NULL;
  gsize max_bytes = RETRACT_JSON_MAX_BYTES (limits);
  const char *data;
  const char *bad = NULL;
  gsize length;
  Scanner scanner = { 0 };

  data = g_bytes_get_data (bytes, &length);

  if (length > max_bytes)
    {
      set_too_large_error (error, name, length, max_bytes);
      return FALSE;
    }

  /* A UTF-8 byte-order mark is tolerated, as editors on some systems add one. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (length > 0 && !g_utf8_validate_len (data, length, &bad))
    {
      guint line, column;

      locate_invalid_utf8 (data, bad, &line, &column);
      if (*bad == '\0')
        g_set_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_INVALID_UTF8,
                     _("%1$s:%2$u:%3$u: a NUL byte is not allowed in a text file"),
                     name, line, column);
      else
        g_set_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_INVALID_UTF8,
                     _("%1$s:%2$u:%3$u: invalid UTF-8 (byte 0x%4$02X)"),
                     name, line, column, (guint) (guchar) *bad);
      return FALSE;
    }

  stack = g_array_new (FALSE, FALSE, sizeof (ScanFrame));
  g_array_set_clear_func (stack, scan_frame_clear);

  scanner.data = data;
  scanner.length = length;
  scanner.line = 1;
  scanner.column = 1;
  scanner.max_depth = limits && limits->max_depth ? limits->max_depth
                                                  : RETRACT_JSON_DEFAULT_MAX_DEPTH;
  scanner.name = name;
  scanner.positions = positions;
  scanner.stack = stack;

  if (!scanner_run (&scanner, error))
    return FALSE;

  *text = data;
  *text_length = length;
  return TRUE;
}
