/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A JSON document read strictly.
 *
 * json-glib 1.6 is lenient: it takes duplicate keys (last wins), trailing data,
 * empty input, comments and overflowing integers, and deep nesting overflows its
 * recursive descent. So a document is first scanned here by a small, iterative
 * RFC 8259 checker that knows the limits, remembers where every value starts
 * (by JSON path) and only then is handed to JsonParser for the tree. Every later
 * schema error can then say `file:line:col: $.path: what is wrong`.
 */

#define G_LOG_DOMAIN "retract-json-document"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "retract-error.h"
#include "retract-file.h"
#include "retract-json-document.h"

#define DEFAULT_MAX_BYTES (4 * 1024 * 1024)
#define DEFAULT_MAX_DEPTH 32
#define MAX_NUMBER_LENGTH 64

struct _RetractJsonDocument
{
  GObject     parent_instance;

  char       *name;
  JsonParser *parser;
  GHashTable *positions; /* path → guint[2] {line, column} */
};

G_DEFINE_FINAL_TYPE (RetractJsonDocument, retract_json_document, G_TYPE_OBJECT)

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

static void
scanner_fail (Scanner     *scanner,
              GError     **error,
              RetractDataError code,
              const char  *format,
              ...) G_GNUC_PRINTF (4, 5);

static void
scanner_fail (Scanner         *scanner,
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
               scanner->name, scanner->line, scanner->column, message);
}

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

static void
scanner_record (Scanner    *scanner,
                const char *path)
{
  guint *position = g_new (guint, 2);

  position[0] = scanner->line;
  position[1] = scanner->column;
  g_hash_table_replace (scanner->positions, g_strdup (path), position);
}

static void append_escaped_key (GString    *result,
                                const char *key);

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

static gint
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
scan_hex4 (Scanner  *scanner,
           gunichar *value,
           GError  **error)
{
  *value = 0;
  for (guint i = 0; i < 4; i++)
    {
      gint digit = hex_value (scanner_peek (scanner));

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
            if (!scan_hex4 (scanner, &unit, error))
              return FALSE;

            if (unit == 0)
              {
                scanner->line = escape_line;
                scanner->column = escape_column;
                scanner_fail (scanner, error, RETRACT_DATA_ERROR_BAD_VALUE,
                              _("the NUL character (\\u0000) is not allowed in strings"));
                return FALSE;
              }

            if (unit >= 0xDC00 && unit <= 0xDFFF)
              {
                scanner->line = escape_line;
                scanner->column = escape_column;
                scanner_fail (scanner, error, RETRACT_DATA_ERROR_BAD_VALUE,
                              _("lone low surrogate \\u%04X in string"), unit);
                return FALSE;
              }

            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                gunichar low;

                if (scanner_peek (scanner) != '\\' ||
                    scanner->pos + 1 >= scanner->length ||
                    scanner->data[scanner->pos + 1] != 'u')
                  {
                    scanner->line = escape_line;
                scanner->column = escape_column;
                scanner_fail (scanner, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                  _("high surrogate \\u%04X is not followed by a low surrogate"),
                                  unit);
                    return FALSE;
                  }
                scanner_advance (scanner);
                scanner_advance (scanner);
                if (!scan_hex4 (scanner, &low, error))
                  return FALSE;
                if (low < 0xDC00 || low > 0xDFFF)
                  {
                    scanner->line = escape_line;
                scanner->column = escape_column;
                scanner_fail (scanner, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                  _("high surrogate \\u%04X is not followed by a low surrogate"),
                                  unit);
                    return FALSE;
                  }
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
              }

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
      scanner->line = start_line;
      scanner->column = start_column;
      scanner_fail (scanner, error, RETRACT_DATA_ERROR_OUT_OF_RANGE,
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
          scanner->line = start_line;
          scanner->column = start_column;
          scanner_fail (scanner, error, RETRACT_DATA_ERROR_OUT_OF_RANGE,
                        _("integer %s does not fit in 64 bits"), text);
          return FALSE;
        }
    }
  else if (!isfinite (g_ascii_strtod (text, NULL)))
    {
      scanner->line = start_line;
      scanner->column = start_column;
      scanner_fail (scanner, error, RETRACT_DATA_ERROR_OUT_OF_RANGE,
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

      scanner->line = line;
      scanner->column = column;
      append_escaped_key (shown, key->str);
      scanner_fail (scanner, error, RETRACT_DATA_ERROR_DUPLICATE_KEY,
                    _("duplicate key “%s” in %s"), shown->str, frame->path);
      return NULL;
    }

  path = retract_json_path_member (frame->path, key->str);
  g_hash_table_add (frame->keys, g_string_free (g_steal_pointer (&key), FALSE));

  {
    guint *position = g_new (guint, 2);

    position[0] = line;
    position[1] = column;
    g_hash_table_replace (scanner->positions, g_strdup (path), position);
  }

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
        scanner_record (scanner, path);
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

static void
retract_json_document_finalize (GObject *object)
{
  RetractJsonDocument *self = (RetractJsonDocument *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->parser);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  G_OBJECT_CLASS (retract_json_document_parent_class)->finalize (object);
}

static void
retract_json_document_class_init (RetractJsonDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = retract_json_document_finalize;
}

static void
retract_json_document_init (RetractJsonDocument *self)
{
  self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * retract_json_document_new_from_bytes:
 * @bytes: the document
 * @display_name: how to name the document in messages (a file name)
 * @limits: (nullable): size and depth limits, or %NULL for the defaults
 * @error: the first problem found, as `name:line:col: message`
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on error
 */
RetractJsonDocument *
retract_json_document_new_from_bytes (GBytes                  *bytes,
                                      const char              *display_name,
                                      const RetractJsonLimits *limits,
                                      GError                 **error)
{
  g_autoptr(RetractJsonDocument) self = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GArray) stack = NULL;
  gsize max_bytes = limits && limits->max_bytes ? limits->max_bytes : DEFAULT_MAX_BYTES;
  guint max_depth = limits && limits->max_depth ? limits->max_depth : DEFAULT_MAX_DEPTH;
  const char *data;
  const char *bad = NULL;
  gsize length;
  Scanner scanner = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (length > max_bytes)
    {
      set_too_large_error (error, display_name, length, max_bytes);
      return NULL;
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
                     display_name, line, column);
      else
        g_set_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_INVALID_UTF8,
                     _("%1$s:%2$u:%3$u: invalid UTF-8 (byte 0x%4$02X)"),
                     display_name, line, column, (guint) (guchar) *bad);
      return NULL;
    }

  self = g_object_new (RETRACT_TYPE_JSON_DOCUMENT, NULL);
  self->name = g_strdup (display_name);

  stack = g_array_new (FALSE, FALSE, sizeof (ScanFrame));
  g_array_set_clear_func (stack, scan_frame_clear);

  scanner.data = data;
  scanner.length = length;
  scanner.line = 1;
  scanner.column = 1;
  scanner.max_depth = max_depth;
  scanner.name = display_name;
  scanner.positions = self->positions;
  scanner.stack = stack;

  if (!scanner_run (&scanner, error))
    return NULL;

  self->parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (self->parser, data, (gssize) length, &parse_error))
    {
      /* Not expected after the scan; kept so nothing slips through unreported. */
      g_set_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_SYNTAX,
                   "%s:%s", display_name, parse_error->message);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * retract_json_document_new_from_file:
 * @path: a file name
 * @limits: (nullable): limits, or %NULL for the defaults
 * @error: where to report problems
 *
 * Reads @path after checking that it is a regular file (a FIFO or a device
 * is refused at once, naming it) and its size, so an enormous file is
 * refused without being read.
 *
 * Returns: (transfer full) (nullable): the document
 */
RetractJsonDocument *
retract_json_document_new_from_file (const char              *path,
                                     const RetractJsonLimits *limits,
                                     GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize max_bytes = limits && limits->max_bytes ? limits->max_bytes : DEFAULT_MAX_BYTES;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = retract_file_read (path, max_bytes, &local_error);
  if (bytes == NULL)
    {
      if (local_error->domain == RETRACT_DATA_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_IO,
                     "%s", local_error->message);
      return NULL;
    }

  return retract_json_document_new_from_bytes (bytes, path, limits, error);
}

const char *
retract_json_document_get_name (RetractJsonDocument *self)
{
  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), NULL);

  return self->name;
}

/**
 * retract_json_document_get_root:
 *
 * Returns: (transfer none): the root node
 */
JsonNode *
retract_json_document_get_root (RetractJsonDocument *self)
{
  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), NULL);

  return json_parser_get_root (self->parser);
}

/**
 * retract_json_document_locate:
 *
 * Finds where the value at @path starts. A path that is not in the document
 * (a missing member) is located at its nearest existing parent.
 */
gboolean
retract_json_document_locate (RetractJsonDocument *self,
                              const char          *path,
                              guint               *line,
                              guint               *column)
{
  g_autofree char *probe = NULL;

  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  probe = g_strdup (path);
  for (;;)
    {
      const guint *position = g_hash_table_lookup (self->positions, probe);
      char *cut;

      if (position != NULL)
        {
          *line = position[0];
          *column = position[1];
          return TRUE;
        }

      cut = MAX (strrchr (probe, '.'), strrchr (probe, '['));
      if (cut == NULL || cut == probe)
        return FALSE;
      *cut = '\0';
    }
}

void
retract_json_document_set_error (RetractJsonDocument *self,
                                 GError             **error,
                                 RetractDataError     code,
                                 const char          *path,
                                 const char          *format,
                                 ...)
{
  g_autofree char *message = NULL;
  guint line = 1, column = 1;
  va_list args;

  g_return_if_fail (RETRACT_IS_JSON_DOCUMENT (self));

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  retract_json_document_locate (self, path, &line, &column);
  g_set_error (error, RETRACT_DATA_ERROR, code, "%s:%u:%u: %s: %s",
               self->name, line, column, path, message);
}

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    case G_TYPE_INT64:
      return _("an integer");
    case G_TYPE_DOUBLE:
      return _("a decimal number");
    default:
      return _("a value");
    }
}

JsonObject *
retract_json_document_expect_object (RetractJsonDocument *self,
                                     JsonNode            *node,
                                     const char          *path,
                                     GError             **error)
{
  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      retract_json_document_set_error (self, error, RETRACT_DATA_ERROR_WRONG_TYPE, path,
                                       _("expected an object, found %s"),
                                       node ? describe_node (node) : _("nothing"));
      return NULL;
    }

  return json_node_get_object (node);
}

gboolean
retract_json_document_check_keys (RetractJsonDocument *self,
                                  JsonObject          *object,
                                  const char          *path,
                                  const char * const  *allowed,
                                  GError             **error)
{
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), FALSE);

  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (!g_strv_contains (allowed, key))
        {
          g_autofree char *member_path = retract_json_path_member (path, key);
          g_autofree char *expected = g_strjoinv (", ", (char **) allowed);
          g_autoptr(GString) shown = g_string_new (NULL);

          append_escaped_key (shown, key);
          retract_json_document_set_error (self, error, RETRACT_DATA_ERROR_UNKNOWN_KEY,
                                           member_path,
                                           _("unknown key “%1$s”; expected one of: %2$s"),
                                           shown->str, expected);
          return FALSE;
        }
    }

  return TRUE;
}

/* Finds a member, handling absence and null by @flags. Returns FALSE on error;
 * sets *node to NULL when the member is absent (and OPTIONAL) or null (and
 * NULLABLE): the reader then returns TRUE without writing its *value. */
static gboolean
lookup_member (RetractJsonDocument *self,
               JsonObject          *object,
               const char          *path,
               const char          *key,
               RetractJsonFlags     flags,
               JsonNode           **node,
               GError             **error)
{
  *node = json_object_get_member (object, key);

  if (*node == NULL)
    {
      if (flags & RETRACT_JSON_OPTIONAL)
        return TRUE;

      retract_json_document_set_error (self, error, RETRACT_DATA_ERROR_MISSING, path,
                                       _("required key “%s” is missing"), key);
      return FALSE;
    }

  if (JSON_NODE_HOLDS_NULL (*node) && (flags & RETRACT_JSON_NULLABLE))
    {
      *node = NULL;
      return TRUE;
    }

  return TRUE;
}

static void
set_type_error (RetractJsonDocument *self,
                GError             **error,
                const char          *path,
                const char          *key,
                const char          *expected,
                JsonNode            *node)
{
  g_autofree char *member_path = retract_json_path_member (path, key);

  /* Translators: "expected a string, found an integer" */
  retract_json_document_set_error (self, error, RETRACT_DATA_ERROR_WRONG_TYPE, member_path,
                                   _("expected %1$s, found %2$s"), expected,
                                   describe_node (node));
}

static void
set_empty_error (RetractJsonDocument *self,
                 GError             **error,
                 const char          *path,
                 const char          *key)
{
  g_autofree char *member_path = retract_json_path_member (path, key);

  retract_json_document_set_error (self, error, RETRACT_DATA_ERROR_BAD_VALUE, member_path,
                                   _("must not be empty"));
}

gboolean
retract_json_document_read_string (RetractJsonDocument *self,
                                   JsonObject          *object,
                                   const char          *path,
                                   const char          *key,
                                   RetractJsonFlags     flags,
                                   const char         **value,
                                   GError             **error)
{
  JsonNode *node;
  const char *text;

  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), FALSE);

  if (!lookup_member (self, object, path, key, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_type_error (self, error, path, key, _("a string"), node);
      return FALSE;
    }

  text = json_node_get_string (node);
  if ((flags & RETRACT_JSON_NONEMPTY) && *text == '\0')
    {
      set_empty_error (self, error, path, key);
      return FALSE;
    }

  *value = text;
  return TRUE;
}

gboolean
retract_json_document_read_int (RetractJsonDocument *self,
                                JsonObject          *object,
                                const char          *path,
                                const char          *key,
                                RetractJsonFlags     flags,
                                gint64               minimum,
                                gint64               maximum,
                                gint64              *value,
                                GError             **error)
{
  JsonNode *node;
  gint64 number;

  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), FALSE);

  if (!lookup_member (self, object, path, key, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      set_type_error (self, error, path, key, _("an integer"), node);
      return FALSE;
    }

  number = json_node_get_int (node);
  if (number < minimum || number > maximum)
    {
      g_autofree char *member_path = retract_json_path_member (path, key);

      g_autofree char *number_text = g_strdup_printf ("%" G_GINT64_FORMAT, number);
      g_autofree char *minimum_text = g_strdup_printf ("%" G_GINT64_FORMAT, minimum);
      g_autofree char *maximum_text = g_strdup_printf ("%" G_GINT64_FORMAT, maximum);

      retract_json_document_set_error (self, error, RETRACT_DATA_ERROR_OUT_OF_RANGE, member_path,
                                       /* Translators: "5000 is out of range (0–1000)" */
                                       _("%1$s is out of range (%2$s–%3$s)"),
                                       number_text, minimum_text, maximum_text);
      return FALSE;
    }

  *value = number;
  return TRUE;
}

gboolean
retract_json_document_read_bool (RetractJsonDocument *self,
                                 JsonObject          *object,
                                 const char          *path,
                                 const char          *key,
                                 RetractJsonFlags     flags,
                                 gboolean            *value,
                                 GError             **error)
{
  JsonNode *node;

  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), FALSE);

  if (!lookup_member (self, object, path, key, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      set_type_error (self, error, path, key, _("true or false"), node);
      return FALSE;
    }

  *value = json_node_get_boolean (node);
  return TRUE;
}

gboolean
retract_json_document_read_array (RetractJsonDocument *self,
                                  JsonObject          *object,
                                  const char          *path,
                                  const char          *key,
                                  RetractJsonFlags     flags,
                                  JsonArray          **value,
                                  GError             **error)
{
  JsonNode *node;
  JsonArray *array;

  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), FALSE);

  if (!lookup_member (self, object, path, key, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_type_error (self, error, path, key, _("an array"), node);
      return FALSE;
    }

  array = json_node_get_array (node);
  if ((flags & RETRACT_JSON_NONEMPTY) && json_array_get_length (array) == 0)
    {
      set_empty_error (self, error, path, key);
      return FALSE;
    }

  *value = array;
  return TRUE;
}

gboolean
retract_json_document_read_object (RetractJsonDocument *self,
                                   JsonObject          *object,
                                   const char          *path,
                                   const char          *key,
                                   RetractJsonFlags     flags,
                                   JsonObject         **value,
                                   GError             **error)
{
  JsonNode *node;

  g_return_val_if_fail (RETRACT_IS_JSON_DOCUMENT (self), FALSE);

  if (!lookup_member (self, object, path, key, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_type_error (self, error, path, key, _("an object"), node);
      return FALSE;
    }

  *value = json_node_get_object (node);
  return TRUE;
}

static gboolean
is_plain_key (const char *key)
{
  if (*key == '\0' || g_ascii_isdigit (*key))
    return FALSE;

  for (const char *p = key; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;

  return TRUE;
}

/* Quotes, backslashes and invisible characters (controls, bidi and other
 * format characters, line separators) escaped, so that a key in a message
 * never drives a terminal or reorders text; other non-ASCII stays readable. */
static void
append_escaped_key (GString    *result,
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
 * retract_json_path_member:
 *
 * Returns: (transfer full): `path.key`, or `path["key"]` for keys that are
 *   not plain identifiers
 */
char *
retract_json_path_member (const char *path,
                          const char *key)
{
  GString *result;

  if (is_plain_key (key))
    return g_strconcat (path, ".", key, NULL);

  result = g_string_new (path);
  g_string_append (result, "[\"");
  append_escaped_key (result, key);
  g_string_append (result, "\"]");

  return g_string_free (result, FALSE);
}

char *
retract_json_path_element (const char *path,
                           guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}
