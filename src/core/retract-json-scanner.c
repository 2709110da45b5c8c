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
 *
 * This file walks the structure (containers, member names, positions, size
 * and UTF-8); the tokens (strings, numbers, literals) are read in
 * retract-json-tokens.c, and both share retract-json-tokens-private.h.
 */

#define G_LOG_DOMAIN "retract-json-scanner"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "retract-json-tokens-private.h"


static void
scan_frame_clear (gpointer data)
{
  ScanFrame *frame = data;

  g_clear_pointer (&frame->path, g_free);
  g_clear_pointer (&frame->keys, g_hash_table_unref);
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
      retract_json_scanner_fail_unexpected (scanner, _("a member name in double quotes"), error);
      return NULL;
    }

  if (!retract_json_scan_string (scanner, key, error))
    return NULL;

  if (g_hash_table_contains (frame->keys, key->str))
    {
      g_autoptr(GString) shown = g_string_new (NULL);

      retract_json_append_escaped_key (shown, key->str);
      retract_json_scanner_fail_at (scanner, line, column, error, RETRACT_DATA_ERROR_DUPLICATE_KEY,
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
      retract_json_scanner_fail_unexpected (scanner, "“:”", error);
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
          if (!retract_json_scan_scalar (scanner, error))
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
                  g_autofree char *found = retract_json_scanner_describe (scanner);

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
              retract_json_scanner_fail_unexpected (scanner,
                                                    top->is_object ? _("“,” or “}”")
                                                                   : _("“,” or “]”"),
                                                    error);
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