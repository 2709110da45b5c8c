/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "retract-error.h"
#include "retract-json-document.h"
#include "test-datasets.h"

#define NAME "test.json"

static RetractJsonDocument *
load_len (const char              *text,
          gssize                   length,
          const RetractJsonLimits *limits,
          GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  return retract_json_document_new_from_bytes (bytes, NAME, limits, error);
}

static RetractJsonDocument *
load (const char *text,
      GError    **error)
{
  return load_len (text, -1, NULL, error);
}

static RetractJsonDocument *
load_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  RetractJsonDocument *doc;

  doc = load (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  return doc;
}

/* Rejections: each class with its code and exact `name:line:col: message`. */

typedef struct
{
  const char      *name;
  const char      *text;
  gssize           length;
  RetractDataError code;
  const char      *message;
} Rejection;

static const Rejection rejections[] = {
  /* Encoding */
  { "invalid-utf8", "{\"a\": \"x\xffy\"}", -1, RETRACT_DATA_ERROR_INVALID_UTF8,
    NAME ":1:9: invalid UTF-8 (byte 0xFF)" },
  { "invalid-utf8/after-chinese", "{\n  \"名字\": \"张三\xff\"\n}", -1,
    RETRACT_DATA_ERROR_INVALID_UTF8, NAME ":2:12: invalid UTF-8 (byte 0xFF)" },
  { "invalid-utf8/truncated-sequence", "[\"ab\xe5\xbc\"]", -1, RETRACT_DATA_ERROR_INVALID_UTF8,
    NAME ":1:5: invalid UTF-8 (byte 0xE5)" },
  { "invalid-utf8/encoded-surrogate", "[\"\xed\xa0\x80\"]", -1, RETRACT_DATA_ERROR_INVALID_UTF8,
    NAME ":1:3: invalid UTF-8 (byte 0xED)" },
  { "invalid-utf8/overlong", "[\"\xc0\xaf\"]", -1, RETRACT_DATA_ERROR_INVALID_UTF8,
    NAME ":1:3: invalid UTF-8 (byte 0xC0)" },
  { "nul-byte/in-string", "{\"a\": \"x\0y\"}", 12, RETRACT_DATA_ERROR_INVALID_UTF8,
    NAME ":1:9: a NUL byte is not allowed in a text file" },
  { "nul-byte/after-root", "{}\0", 3, RETRACT_DATA_ERROR_INVALID_UTF8,
    NAME ":1:3: a NUL byte is not allowed in a text file" },

  /* Syntax */
  { "syntax/missing-comma/object", "{\"a\": 1 \"b\": 2}", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:9: expected “,” or “}”, found “\"”" },
  { "syntax/missing-comma/array", "[1 2]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:4: expected “,” or “]”, found “2”" },
  { "syntax/missing-colon", "{\"a\" 1}", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:6: expected “:”, found “1”" },
  { "syntax/single-quotes/key", "{'a': 1}", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:2: expected a member name in double quotes, found “'”" },
  { "syntax/single-quotes/value", "['a']", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:2: expected a value, found “'”" },
  { "syntax/unquoted-key", "{a: 1}", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:2: expected a member name in double quotes, found “a”" },
  { "syntax/unterminated-string", "{\"a\": \"abc", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:11: unterminated string" },
  { "syntax/newline-in-string", "[\"abc\n\"]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:6: control character U+000A inside a string must be escaped" },
  { "syntax/tab-in-string", "[\"a\tb\"]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:4: control character U+0009 inside a string must be escaped" },
  { "syntax/control-in-string", "[\"a\x01\"]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:4: control character U+0001 inside a string must be escaped" },
  { "syntax/bad-escape", "[\"\\x\"]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:4: expected an escape sequence, found “x”" },
  { "syntax/bad-unicode-escape", "[\"\\u12G4\"]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:7: expected a hexadecimal digit, found “G”" },
  /* What was found is named by code point when showing it could drive a
   * terminal or reorder the message. */
  { "syntax/found-delete", "[1\x7f]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:3: expected “,” or “]”, found control character U+007F" },
  { "syntax/found-c1", "[1\xc2\x9b]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:3: expected “,” or “]”, found control character U+009B" },
  { "syntax/found-bidi", "[1\xe2\x80\xae]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:3: expected “,” or “]”, found character U+202E" },
  { "syntax/found-line-separator", "{\xe2\x80\xa8}", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:2: expected a member name in double quotes, found character U+2028" },
  { "syntax/found-ideograph", "[1中]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:3: expected “,” or “]”, found 中" },
  { "syntax/bare-word", "{\"a\": yes}", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:7: expected a value, found “y”" },
  { "syntax/capitalised-literal", "[True]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:2: expected a value, found “T”" },
  { "syntax/truncated-literal", "[nul]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:2: expected a value, found “n”" },
  { "syntax/leading-zero", "[012]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:3: numbers must not have leading zeros" },
  { "syntax/leading-zero/negative", "[-012]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:4: numbers must not have leading zeros" },
  { "syntax/no-fraction-digits", "[1.]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:4: expected a digit after the decimal point, found “]”" },
  { "syntax/no-fraction-digits/root", "1.", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:3: expected a digit after the decimal point, found the end of the file" },
  { "syntax/no-integer-digits", "[.5]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:2: expected a value, found “.”" },
  { "syntax/no-exponent-digits", "[1e]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:4: expected a digit in the exponent, found “]”" },
  { "syntax/lone-minus", "[-]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:3: expected a digit, found “]”" },
  { "syntax/lone-minus/root", "-", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:2: expected a digit, found the end of the file" },
  { "syntax/plus-sign", "[+1]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:2: expected a value, found “+”" },
  { "syntax/hex-number", "[0x10]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:3: expected “,” or “]”, found “x”" },
  { "syntax/trailing-comma/array", "[1,]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:4: expected a value, found “]”" },
  { "syntax/trailing-comma/object", "{\"a\": 1,}", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:9: expected a member name in double quotes, found “}”" },
  { "syntax/unclosed-array", "[1", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:3: expected “,” or “]”, found the end of the file" },
  { "syntax/unclosed-object", "{\"a\": 1", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:8: expected “,” or “}”, found the end of the file" },
  { "syntax/mismatched-bracket", "[1}", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:3: expected “,” or “]”, found “}”" },
  { "syntax/multiline-after-chinese", "{\n  \"名称\": \"中文\", \"b\": tru\n}", -1,
    RETRACT_DATA_ERROR_SYNTAX, NAME ":2:20: expected a value, found “t”" },
  { "syntax/crlf-lines", "{\r\n  \"a\": 1,\r\n  \"b\": ?\r\n}", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":3:8: expected a value, found “?”" },
  { "syntax/after-bom", "\xEF\xBB\xBF{\"a\": x}", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:7: expected a value, found “x”" },

  /* Trailing data */
  { "trailing-data/second-object", "{} {}", -1, RETRACT_DATA_ERROR_TRAILING_DATA,
    NAME ":1:4: found “{” after the end of the document" },
  { "trailing-data/garbage", "{}x", -1, RETRACT_DATA_ERROR_TRAILING_DATA,
    NAME ":1:3: found “x” after the end of the document" },
  { "trailing-data/next-line", "[1]\n\n  2", -1, RETRACT_DATA_ERROR_TRAILING_DATA,
    NAME ":3:3: found “2” after the end of the document" },
  { "trailing-data/extra-bracket", "[[1]]]", -1, RETRACT_DATA_ERROR_TRAILING_DATA,
    NAME ":1:6: found “]” after the end of the document" },

  /* Empty */
  { "empty", "", -1, RETRACT_DATA_ERROR_EMPTY, NAME ":1:1: the document is empty" },
  { "empty/whitespace", " \n\t ", -1, RETRACT_DATA_ERROR_EMPTY,
    NAME ":2:3: the document is empty" },
  { "empty/bom-only", "\xEF\xBB\xBF", -1, RETRACT_DATA_ERROR_EMPTY,
    NAME ":1:1: the document is empty" },

  /* Duplicate keys: reported at the second key */
  { "duplicate-key", "{\"a\": 1, \"a\": 2}", -1, RETRACT_DATA_ERROR_DUPLICATE_KEY,
    NAME ":1:10: duplicate key “a” in $" },
  { "duplicate-key/escaped", "{\"a\": 1, \"\\u0061\": 2}", -1, RETRACT_DATA_ERROR_DUPLICATE_KEY,
    NAME ":1:10: duplicate key “a” in $" },
  { "duplicate-key/escape-character", "{\"a\\u001b[2J\": 1, \"a\\u001b[2J\": 2}", -1,
    RETRACT_DATA_ERROR_DUPLICATE_KEY, NAME ":1:19: duplicate key “a\\u001B[2J” in $" },
  { "duplicate-key/bidi", "{\"\xe2\x80\xae\": 1, \"\xe2\x80\xae\": 2}", -1,
    RETRACT_DATA_ERROR_DUPLICATE_KEY, NAME ":1:10: duplicate key “\\u202E” in $" },
  { "duplicate-key/escaped-chinese", "{\"名\": 1, \"\\u540d\": 2}", -1,
    RETRACT_DATA_ERROR_DUPLICATE_KEY, NAME ":1:10: duplicate key “名” in $" },
  { "duplicate-key/nested", "{\n  \"outer\": {\n    \"x\": 1,\n    \"x\": 2\n  }\n}", -1,
    RETRACT_DATA_ERROR_DUPLICATE_KEY, NAME ":4:5: duplicate key “x” in $.outer" },
  { "duplicate-key/in-array-element", "{\"list\": [{\"k\": 1, \"k\": 2}]}", -1,
    RETRACT_DATA_ERROR_DUPLICATE_KEY, NAME ":1:20: duplicate key “k” in $.list[0]" },
  { "duplicate-key/null-values", "{\"a\": null, \"a\": null}", -1,
    RETRACT_DATA_ERROR_DUPLICATE_KEY, NAME ":1:13: duplicate key “a” in $" },

  /* Comments */
  { "comment/line-before", "// note\n{}", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:1: expected a value, found a comment (comments are not allowed in JSON)" },
  { "comment/block-inside-object", "{/* note */}", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:2: expected a member name in double quotes, "
    "found a comment (comments are not allowed in JSON)" },
  { "comment/block-after-value", "[1 /* note */]", -1, RETRACT_DATA_ERROR_SYNTAX,
    NAME ":1:4: expected “,” or “]”, found a comment (comments are not allowed in JSON)" },
  { "comment/line-after-root", "{}\n// note", -1, RETRACT_DATA_ERROR_TRAILING_DATA,
    NAME ":2:1: found a comment (comments are not allowed in JSON) "
    "after the end of the document" },

  /* Numbers out of range: reported where the number starts */
  { "integer-overflow/positive", "[9223372036854775808]", -1, RETRACT_DATA_ERROR_OUT_OF_RANGE,
    NAME ":1:2: integer 9223372036854775808 does not fit in 64 bits" },
  { "integer-overflow/negative", "{\"n\":\n  -9223372036854775809}", -1,
    RETRACT_DATA_ERROR_OUT_OF_RANGE,
    NAME ":2:3: integer -9223372036854775809 does not fit in 64 bits" },
  { "integer-overflow/huge", "[123456789012345678901234567890]", -1,
    RETRACT_DATA_ERROR_OUT_OF_RANGE,
    NAME ":1:2: integer 123456789012345678901234567890 does not fit in 64 bits" },
  { "double-overflow", "[1e400]", -1, RETRACT_DATA_ERROR_OUT_OF_RANGE,
    NAME ":1:2: number 1e400 is out of range" },
  { "double-overflow/negative", "[0, -1.5E400]", -1, RETRACT_DATA_ERROR_OUT_OF_RANGE,
    NAME ":1:5: number -1.5E400 is out of range" },
  { "number-too-long", "[1.000000000000000000000000000000000000000000000000000000000000000]",
    -1, RETRACT_DATA_ERROR_OUT_OF_RANGE,
    NAME ":1:2: number is too long (more than 64 characters)" },

  /* Escapes that do not make a character: reported where the escape starts */
  { "lone-surrogate/high", "[\"\\ud800\"]", -1, RETRACT_DATA_ERROR_BAD_VALUE,
    NAME ":1:3: high surrogate \\uD800 is not followed by a low surrogate" },
  { "lone-surrogate/high-then-text", "[\"\\uD800abc\"]", -1, RETRACT_DATA_ERROR_BAD_VALUE,
    NAME ":1:3: high surrogate \\uD800 is not followed by a low surrogate" },
  { "lone-surrogate/high-then-non-surrogate", "[\"\\ud800\\u0041\"]", -1,
    RETRACT_DATA_ERROR_BAD_VALUE,
    NAME ":1:3: high surrogate \\uD800 is not followed by a low surrogate" },
  { "lone-surrogate/high-high", "[\"\\ud800\\ud800\"]", -1, RETRACT_DATA_ERROR_BAD_VALUE,
    NAME ":1:3: high surrogate \\uD800 is not followed by a low surrogate" },
  { "lone-surrogate/low", "[\"\\udc00\"]", -1, RETRACT_DATA_ERROR_BAD_VALUE,
    NAME ":1:3: lone low surrogate \\uDC00 in string" },
  { "lone-surrogate/reversed-pair", "[\"\\ude00\\ud83d\"]", -1, RETRACT_DATA_ERROR_BAD_VALUE,
    NAME ":1:3: lone low surrogate \\uDE00 in string" },
  { "lone-surrogate/in-key", "{\"\\udfff\": 1}", -1, RETRACT_DATA_ERROR_BAD_VALUE,
    NAME ":1:3: lone low surrogate \\uDFFF in string" },
  { "escaped-nul", "[\"\\u0000\"]", -1, RETRACT_DATA_ERROR_BAD_VALUE,
    NAME ":1:3: the NUL character (\\u0000) is not allowed in strings" },
  { "escaped-nul/in-key", "{\"a\\u0000b\": 1}", -1, RETRACT_DATA_ERROR_BAD_VALUE,
    NAME ":1:4: the NUL character (\\u0000) is not allowed in strings" },

  /* Depth, with the default limit of 32 */
  { "too-deep/default-limit",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", -1,
    RETRACT_DATA_ERROR_TOO_DEEP, NAME ":1:33: nesting is deeper than 32 levels" },
};

static void
test_rejects (gconstpointer data)
{
  const Rejection *rejection = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractJsonDocument) doc = NULL;

  doc = load_len (rejection->text, rejection->length, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, RETRACT_DATA_ERROR, (gint) rejection->code);
  g_assert_cmpstr (error->message, ==, rejection->message);
}

/* Documents that a strict reader must still accept. */

typedef struct
{
  const char *name;
  const char *text;
} Acceptance;

static const Acceptance acceptances[] = {
  { "object", "{\"a\": 1, \"b\": [true, false, null], \"c\": {\"d\": \"e\"}}" },
  { "empty-object", "{}" },
  { "empty-array", "[ ]" },
  { "root-scalar/string", "\"text\"" },
  { "root-scalar/number", "0" },
  { "root-scalar/null", "null" },
  { "surrounding-whitespace", " \r\n\t{}\n\n" },
  { "numbers", "[0, -0, 1.5, -1.5e-3, 2E+10, 1e-400, 1e308, 9223372036854775807, "
               "-9223372036854775808]" },
  { "escapes", "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u4E2D\"]" },
  { "surrogate-pair", "[\"\\ud83d\\ude00\"]" },
  { "same-key-in-different-objects", "{\"a\": {\"x\": 1}, \"b\": {\"x\": 2}, \"x\": 3}" },
  { "keys-differing-in-case", "{\"a\": 1, \"A\": 2}" },
  { "empty-key", "{\"\": 1}" },
  { "bom", "\xEF\xBB\xBF{\"a\": 1}" },
  { "chinese", "{\"名字\": \"张三\", \"理由\": \"误操作\"}" },
  { "default-depth-limit",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]" },
};

static void
test_accepts (gconstpointer data)
{
  const Acceptance *acceptance = data;
  g_autoptr(GError) error = NULL;
  RetractJsonDocument *doc;

  doc = load (acceptance->text, &error);
  g_assert_no_error (error);
  g_assert_true (RETRACT_IS_JSON_DOCUMENT (doc));
  g_assert_nonnull (retract_json_document_get_root (doc));
  g_assert_cmpstr (retract_json_document_get_name (doc), ==, NAME);
  g_assert_finalize_object (doc);
}

static void
test_accepts_values (void)
{
  g_autoptr(GError) error = NULL;
  RetractJsonDocument *doc;
  JsonArray *array;

  doc = load ("[\"\\ud83d\\ude00\", \"\\u00e9\\u4E2D\", 9223372036854775807, "
              "-9223372036854775808, -0, \"\\\"\\\\\\/\\n\"]", &error);
  g_assert_no_error (error);
  array = json_node_get_array (retract_json_document_get_root (doc));
  g_assert_cmpuint (json_array_get_length (array), ==, 6);
  g_assert_cmpstr (json_array_get_string_element (array, 0), ==, "\xF0\x9F\x98\x80");
  g_assert_cmpstr (json_array_get_string_element (array, 1), ==, "é中");
  g_assert_cmpint (json_array_get_int_element (array, 2), ==, G_MAXINT64);
  g_assert_cmpint (json_array_get_int_element (array, 3), ==, G_MININT64);
  g_assert_cmpint (json_array_get_int_element (array, 4), ==, 0);
  g_assert_cmpstr (json_array_get_string_element (array, 5), ==, "\"\\/\n");
  g_assert_finalize_object (doc);
}

static void
test_accepts_bom (void)
{
  RetractJsonDocument *doc = load_ok ("\xEF\xBB\xBF{\n  \"a\": 1\n}");
  JsonObject *root = json_node_get_object (retract_json_document_get_root (doc));
  guint line = 0, column = 0;

  g_assert_cmpint (json_object_get_int_member (root, "a"), ==, 1);
  /* The mark is not a column of the first line. */
  g_assert_true (retract_json_document_locate (doc, "$", &line, &column));
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 1);
  g_assert_true (retract_json_document_locate (doc, "$.a", &line, &column));
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 3);
  g_assert_finalize_object (doc);
}

/* Depth */

static char *
nested_arrays (guint depth,
               gboolean closed)
{
  GString *text = g_string_sized_new (depth * 2);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  if (closed)
    for (guint i = 0; i < depth; i++)
      g_string_append_c (text, ']');

  return g_string_free (text, FALSE);
}

static void
test_depth_huge (void)
{
  g_autofree char *closed = nested_arrays (100000, TRUE);
  g_autofree char *open = nested_arrays (100000, FALSE);
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractJsonDocument) doc = NULL;

  doc = load (closed, &error);
  g_assert_null (doc);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_DEEP);
  g_assert_cmpstr (error->message, ==, NAME ":1:33: nesting is deeper than 32 levels");
  g_clear_error (&error);

  doc = load (open, &error);
  g_assert_null (doc);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_DEEP);
  g_clear_error (&error);

  for (guint i = 0; i < 100000; i++)
    g_string_append (objects, "{\"a\":");
  g_string_append (objects, "1");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (objects, '}');
  doc = load (objects->str, &error);
  g_assert_null (doc);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_DEEP);
  /* The 33rd object starts after 32 × `{"a":`. */
  g_assert_cmpstr (error->message, ==, NAME ":1:161: nesting is deeper than 32 levels");
}

static void
test_depth_limit (void)
{
  const RetractJsonLimits limits = { 0, 5 };
  g_autofree char *at_limit = nested_arrays (5, TRUE);
  g_autofree char *over_limit = nested_arrays (6, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractJsonDocument) rejected = NULL;
  RetractJsonDocument *doc;

  doc = load_len (at_limit, -1, &limits, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_finalize_object (doc);

  doc = load_len ("{\"a\": [{\"b\": [{}]}], \"c\": [[[[]]]]}", -1, &limits, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_finalize_object (doc);

  rejected = load_len (over_limit, -1, &limits, &error);
  g_assert_null (rejected);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_DEEP);
  g_assert_cmpstr (error->message, ==, NAME ":1:6: nesting is deeper than 5 levels");
  g_clear_error (&error);

  rejected = load_len ("{\"a\": [{\"b\": [{\"c\": []}]}]}", -1, &limits, &error);
  g_assert_null (rejected);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_DEEP);
  g_assert_cmpstr (error->message, ==, NAME ":1:21: nesting is deeper than 5 levels");
  g_clear_error (&error);

  /* Scalars do not count as a level. */
  doc = load_len ("[[[[[1, \"a\", null]]]]]", -1, &limits, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (doc);
}

/* Size */

static void
test_size_limit_bytes (void)
{
  const RetractJsonLimits limits = { 10, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractJsonDocument) rejected = NULL;
  RetractJsonDocument *doc;

  doc = load_len ("[1,2,3,45]", -1, &limits, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (doc);

  rejected = load_len ("[1,2,3,456]", -1, &limits, &error);
  g_assert_null (rejected);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, NAME ": the file is 11 bytes; at most 10 are accepted");
  g_clear_error (&error);

  /* The size is checked before anything else, even the encoding. */
  rejected = load_len ("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", -1, &limits, &error);
  g_assert_null (rejected);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_LARGE);
}

static void
test_size_limit_default (void)
{
  const gsize cap = 4 * 1024 * 1024;
  g_autofree char *text = g_malloc (cap + 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractJsonDocument) rejected = NULL;
  RetractJsonDocument *doc;

  /* A string filling exactly the default 4 MiB is accepted… */
  memset (text, 'a', cap);
  text[0] = '"';
  text[cap - 1] = '"';
  text[cap] = '\0';
  doc = load_len (text, (gssize) cap, NULL, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (doc);

  /* …one byte more is not. */
  text[cap - 1] = 'a';
  text[cap] = '"';
  text[cap + 1] = '\0';
  rejected = load_len (text, (gssize) cap + 1, NULL, &error);
  g_assert_null (rejected);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   NAME ": the file is 4194305 bytes; at most 4194304 are accepted");
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("retract-test-json-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static char *
write_temp_file (const char *dir,
                 const char *basename,
                 const char *contents,
                 gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, basename, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_from_file (void)
{
  const RetractJsonLimits limits = { 10, 0 };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *small = write_temp_file (dir, "small.json", "[1,2,3,45]", -1);
  g_autofree char *big = write_temp_file (dir, "big.json", "[1,2,3,456]", -1);
  g_autofree char *bad = write_temp_file (dir, "bad.json", "{\n  \"a\": 1,\n  \"a\": 2\n}", -1);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractJsonDocument) rejected = NULL;
  RetractJsonDocument *doc;

  doc = retract_json_document_new_from_file (small, &limits, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (retract_json_document_get_name (doc), ==, small);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (
                      retract_json_document_get_root (doc))), ==, 4);
  g_assert_finalize_object (doc);

  rejected = retract_json_document_new_from_file (big, &limits, &error);
  g_assert_null (rejected);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_LARGE);
  expected = g_strdup_printf ("%s: the file is 11 bytes; at most 10 are accepted", big);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_clear_pointer (&expected, g_free);

  /* Errors in a file are named by its path. */
  rejected = retract_json_document_new_from_file (bad, NULL, &error);
  g_assert_null (rejected);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_DUPLICATE_KEY);
  expected = g_strdup_printf ("%s:3:3: duplicate key “a” in $", bad);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  rejected = retract_json_document_new_from_file (missing, NULL, &error);
  g_assert_null (rejected);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_IO);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  rejected = retract_json_document_new_from_file (dir, NULL, &error);
  g_assert_null (rejected);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_IO);
  g_clear_error (&error);

  g_assert_no_errno (g_unlink (small));
  g_assert_no_errno (g_unlink (big));
  g_assert_no_errno (g_unlink (bad));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_from_file_default_cap (void)
{
  const gsize cap = 4 * 1024 * 1024;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *text = g_malloc0 (cap + 1);
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractJsonDocument) rejected = NULL;

  memset (text, ' ', cap + 1);
  text[0] = '{';
  text[1] = '}';
  path = write_temp_file (dir, "huge.json", text, (gssize) cap + 1);

  rejected = retract_json_document_new_from_file (path, NULL, &error);
  g_assert_null (rejected);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_LARGE);
  expected = g_strdup_printf ("%s: the file is 4194305 bytes; at most 4194304 are accepted",
                              path);
  g_assert_cmpstr (error->message, ==, expected);

  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* Positions */

typedef struct
{
  const char *path;
  guint       line;
  guint       column;
} Position;

static void
test_locate (void)
{
  static const char text[] =
    "{\n"
    "  \"名字\": \"张三\",\n"
    "  \"list\": [1, {\"k\": true}],\n"
    "  \"a.b\": {\"x y\": null},\n"
    "\t\"tab\": \"中文\", \"after\": 2\n"
    "}";
  static const Position positions[] = {
    { "$", 1, 1 },
    { "$[\"名字\"]", 2, 3 },
    { "$.list", 3, 3 },
    { "$.list[0]", 3, 12 },
    { "$.list[1]", 3, 15 },
    { "$.list[1].k", 3, 16 },
    { "$[\"a.b\"]", 4, 3 },
    { "$[\"a.b\"][\"x y\"]", 4, 11 },
    { "$.tab", 5, 2 },
    { "$.after", 5, 15 },
    /* Missing members are placed at their nearest existing parent. */
    { "$.list[1].missing", 3, 15 },
    { "$.list[7]", 3, 3 },
    { "$.nothing.deeper", 1, 1 },
    { "$[\"a.b\"].missing", 4, 3 },
  };
  RetractJsonDocument *doc = load_ok (text);
  guint line, column;

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      line = column = 0;
      g_test_message ("locating %s", positions[i].path);
      g_assert_true (retract_json_document_locate (doc, positions[i].path, &line, &column));
      g_assert_cmpuint (line, ==, positions[i].line);
      g_assert_cmpuint (column, ==, positions[i].column);
    }

  g_assert_false (retract_json_document_locate (doc, "nowhere", &line, &column));
  g_assert_finalize_object (doc);
}

static void
test_locate_escaped_key (void)
{
  RetractJsonDocument *doc = load_ok ("{\"\\u0061b\": 1, \"\\ud83d\\ude00\": 2}");
  guint line = 0, column = 0;

  /* Paths use the decoded key. */
  g_assert_true (retract_json_document_locate (doc, "$.ab", &line, &column));
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 2);
  g_assert_true (retract_json_document_locate (doc, "$[\"\xF0\x9F\x98\x80\"]", &line, &column));
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 16);
  g_assert_finalize_object (doc);
}

/* Paths */

static void
test_path_member (void)
{
  static const struct
  {
    const char *path;
    const char *key;
    const char *expected;
  } cases[] = {
    { "$", "a", "$.a" },
    { "$.a", "b", "$.a.b" },
    { "$", "snake_case-1", "$.snake_case-1" },
    { "$", "withdrawals_this_month", "$.withdrawals_this_month" },
    { "$.list[0]", "id", "$.list[0].id" },
    { "$", "1a", "$[\"1a\"]" },
    { "$", "", "$[\"\"]" },
    { "$", "a b", "$[\"a b\"]" },
    { "$", "a.b", "$[\"a.b\"]" },
    { "$", "a[0]", "$[\"a[0]\"]" },
    { "$", "a\"b", "$[\"a\\\"b\"]" },
    { "$", "a\\b", "$[\"a\\\\b\"]" },
    { "$", "a\nb", "$[\"a\\u000Ab\"]" },
    { "$", "名字", "$[\"名字\"]" },
    { "$.x", "zh_CN", "$.x.zh_CN" },
    /* Nothing invisible or able to drive a terminal reaches a message. */
    { "$", "a\x1b[31mb", "$[\"a\\u001B[31mb\"]" },
    { "$", "a\x7f", "$[\"a\\u007F\"]" },
    { "$", "a\xc2\x9b" "2J", "$[\"a\\u009B2J\"]" },
    { "$", "张三\xe2\x80\xaegnp", "$[\"张三\\u202Egnp\"]" },
    { "$", "\xe2\x81\xa6x\xe2\x81\xa9", "$[\"\\u2066x\\u2069\"]" },
    { "$", "a\xe2\x80\xa8" "b", "$[\"a\\u2028b\"]" },
    { "$", "a\xef\xbb\xbf", "$[\"a\\uFEFF\"]" },
    { "$", "a\xff" "b", "$[\"a\\xFFb\"]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = retract_json_path_member (cases[i].path, cases[i].key);

      g_assert_cmpstr (path, ==, cases[i].expected);
    }
}

static void
test_path_element (void)
{
  g_autofree char *first = retract_json_path_element ("$", 0);
  g_autofree char *nested = retract_json_path_element ("$.a[2].b", 4294967295u);

  g_assert_cmpstr (first, ==, "$[0]");
  g_assert_cmpstr (nested, ==, "$.a[2].b[4294967295]");
}

/* Typed readers */

static const char reader_text[] =
  "{\n"                                /* 1 */
  "  \"s\": \"text\",\n"               /* 2 */
  "  \"empty\": \"\",\n"               /* 3 */
  "  \"i\": 42,\n"                     /* 4 */
  "  \"big\": 5000,\n"                 /* 5 */
  "  \"neg\": -5,\n"                   /* 6 */
  "  \"d\": 1.5,\n"                    /* 7 */
  "  \"whole\": 1.0,\n"                /* 8 */
  "  \"b\": true,\n"                   /* 9 */
  "  \"n\": null,\n"                   /* 10 */
  "  \"arr\": [],\n"                   /* 11 */
  "  \"arr2\": [1],\n"                 /* 12 */
  "  \"a\": {\"b\": 7, \"名\": \"x\"},\n" /* 13 */
  "  \"max\": 9223372036854775807\n"   /* 14 */
  "}";

typedef struct
{
  RetractJsonDocument *doc;
  JsonObject          *root;
} Reader;

static void
reader_init (Reader *reader)
{
  reader->doc = load_ok (reader_text);
  reader->root = json_node_get_object (retract_json_document_get_root (reader->doc));
}

static void
assert_error (GError          **error,
              GQuark            domain,
              gint              code,
              const char       *message)
{
  g_assert_error (*error, domain, code);
  g_assert_cmpstr ((*error)->message, ==, message);
  g_clear_error (error);
}

static void
test_read_string (void)
{
  Reader reader;
  g_autoptr(GError) error = NULL;
  const char *value = "unset";
  JsonObject *a;

  reader_init (&reader);

  g_assert_true (retract_json_document_read_string (reader.doc, reader.root, "$", "s",
                                                    RETRACT_JSON_REQUIRED, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "text");

  g_assert_true (retract_json_document_read_string (reader.doc, reader.root, "$", "empty",
                                                    RETRACT_JSON_REQUIRED, &value, &error));
  g_assert_cmpstr (value, ==, "");

  g_assert_false (retract_json_document_read_string (reader.doc, reader.root, "$", "empty",
                                                     RETRACT_JSON_NONEMPTY, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE,
                NAME ":3:3: $.empty: must not be empty");
  g_assert_cmpstr (value, ==, ""); /* an error leaves the output as it was */

  g_assert_false (retract_json_document_read_string (reader.doc, reader.root, "$", "i",
                                                     RETRACT_JSON_REQUIRED, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":4:3: $.i: expected a string, found an integer");

  g_assert_false (retract_json_document_read_string (reader.doc, reader.root, "$", "arr",
                                                     RETRACT_JSON_OPTIONAL, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":11:3: $.arr: expected a string, found an array");

  /* Missing: an error unless OPTIONAL; reported at the object. */
  g_assert_false (retract_json_document_read_string (reader.doc, reader.root, "$", "zz",
                                                     RETRACT_JSON_REQUIRED, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_MISSING,
                NAME ":1:1: $: required key “zz” is missing");

  /* Absent and OPTIONAL, or null and NULLABLE: the caller's default stays. */
  value = "unset";
  g_assert_true (retract_json_document_read_string (reader.doc, reader.root, "$", "zz",
                                                    RETRACT_JSON_OPTIONAL, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "unset");

  /* null: an error unless NULLABLE, even when OPTIONAL. */
  g_assert_false (retract_json_document_read_string (reader.doc, reader.root, "$", "n",
                                                     RETRACT_JSON_OPTIONAL, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":10:3: $.n: expected a string, found null");

  value = "unset";
  g_assert_true (retract_json_document_read_string (reader.doc, reader.root, "$", "n",
                                                    RETRACT_JSON_NULLABLE, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "unset");

  /* NULLABLE alone does not make an absent key acceptable. */
  g_assert_false (retract_json_document_read_string (reader.doc, reader.root, "$", "zz",
                                                     RETRACT_JSON_NULLABLE, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_MISSING,
                NAME ":1:1: $: required key “zz” is missing");

  /* Nested paths. */
  a = json_object_get_object_member (reader.root, "a");
  g_assert_false (retract_json_document_read_string (reader.doc, a, "$.a", "b",
                                                     RETRACT_JSON_REQUIRED, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":13:9: $.a.b: expected a string, found an integer");
  g_assert_false (retract_json_document_read_string (reader.doc, a, "$.a", "c",
                                                     RETRACT_JSON_REQUIRED, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_MISSING,
                NAME ":13:3: $.a: required key “c” is missing");
  g_assert_true (retract_json_document_read_string (reader.doc, a, "$.a", "名",
                                                    RETRACT_JSON_NONEMPTY, &value, &error));
  g_assert_cmpstr (value, ==, "x");

  g_assert_finalize_object (reader.doc);
}

static void
test_read_int (void)
{
  Reader reader;
  g_autoptr(GError) error = NULL;
  gint64 value = 0;

  reader_init (&reader);

  g_assert_true (retract_json_document_read_int (reader.doc, reader.root, "$", "i",
                                                 RETRACT_JSON_REQUIRED, 0, 100, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, 42);

  /* Bounds are inclusive. */
  g_assert_true (retract_json_document_read_int (reader.doc, reader.root, "$", "i",
                                                 RETRACT_JSON_REQUIRED, 42, 42, &value, &error));
  g_assert_true (retract_json_document_read_int (reader.doc, reader.root, "$", "max",
                                                 RETRACT_JSON_REQUIRED, G_MININT64, G_MAXINT64,
                                                 &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, G_MAXINT64);

  value = 17;
  g_assert_false (retract_json_document_read_int (reader.doc, reader.root, "$", "big",
                                                  RETRACT_JSON_REQUIRED, 0, 1000, &value,
                                                  &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_OUT_OF_RANGE,
                NAME ":5:3: $.big: 5000 is out of range (0–1000)");
  g_assert_cmpint (value, ==, 17);

  g_assert_false (retract_json_document_read_int (reader.doc, reader.root, "$", "neg",
                                                  RETRACT_JSON_REQUIRED, 0, G_MAXINT32, &value,
                                                  &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_OUT_OF_RANGE,
                NAME ":6:3: $.neg: -5 is out of range (0–2147483647)");

  g_assert_false (retract_json_document_read_int (reader.doc, reader.root, "$", "i",
                                                  RETRACT_JSON_REQUIRED, 43, 100, &value,
                                                  &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_OUT_OF_RANGE,
                NAME ":4:3: $.i: 42 is out of range (43–100)");

  g_assert_false (retract_json_document_read_int (reader.doc, reader.root, "$", "d",
                                                  RETRACT_JSON_REQUIRED, 0, 100, &value,
                                                  &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":7:3: $.d: expected an integer, found a decimal number");

  g_assert_false (retract_json_document_read_int (reader.doc, reader.root, "$", "whole",
                                                  RETRACT_JSON_REQUIRED, 0, 100, &value,
                                                  &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":8:3: $.whole: expected an integer, found a decimal number");

  g_assert_false (retract_json_document_read_int (reader.doc, reader.root, "$", "s",
                                                  RETRACT_JSON_REQUIRED, 0, 100, &value,
                                                  &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":2:3: $.s: expected an integer, found a string");

  g_assert_false (retract_json_document_read_int (reader.doc, reader.root, "$", "b",
                                                  RETRACT_JSON_REQUIRED, 0, 100, &value,
                                                  &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":9:3: $.b: expected an integer, found true or false");

  g_assert_false (retract_json_document_read_int (reader.doc, reader.root, "$", "zz",
                                                  RETRACT_JSON_REQUIRED, 0, 100, &value,
                                                  &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_MISSING,
                NAME ":1:1: $: required key “zz” is missing");

  /* Absent and OPTIONAL, or null and NULLABLE: the caller's default stays. */
  value = 17;
  g_assert_true (retract_json_document_read_int (reader.doc, reader.root, "$", "zz",
                                                 RETRACT_JSON_OPTIONAL, 0, 100, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, 17);
  g_assert_true (retract_json_document_read_int (reader.doc, reader.root, "$", "n",
                                                 RETRACT_JSON_NULLABLE, 0, 100, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, 17);

  g_assert_false (retract_json_document_read_int (reader.doc, reader.root, "$", "n",
                                                  RETRACT_JSON_OPTIONAL, 0, 100, &value,
                                                  &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":10:3: $.n: expected an integer, found null");

  g_assert_finalize_object (reader.doc);
}

static void
test_read_bool (void)
{
  Reader reader;
  g_autoptr(GError) error = NULL;
  gboolean value = FALSE;

  reader_init (&reader);

  g_assert_true (retract_json_document_read_bool (reader.doc, reader.root, "$", "b",
                                                  RETRACT_JSON_REQUIRED, &value, &error));
  g_assert_no_error (error);
  g_assert_true (value);

  g_assert_false (retract_json_document_read_bool (reader.doc, reader.root, "$", "s",
                                                   RETRACT_JSON_REQUIRED, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":2:3: $.s: expected true or false, found a string");

  g_assert_false (retract_json_document_read_bool (reader.doc, reader.root, "$", "i",
                                                   RETRACT_JSON_REQUIRED, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":4:3: $.i: expected true or false, found an integer");

  g_assert_false (retract_json_document_read_bool (reader.doc, reader.root, "$", "zz",
                                                   RETRACT_JSON_REQUIRED, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_MISSING,
                NAME ":1:1: $: required key “zz” is missing");

  value = TRUE;
  g_assert_true (retract_json_document_read_bool (reader.doc, reader.root, "$", "zz",
                                                  RETRACT_JSON_OPTIONAL, &value, &error));
  g_assert_no_error (error);
  g_assert_true (value);

  g_assert_false (retract_json_document_read_bool (reader.doc, reader.root, "$", "n",
                                                   RETRACT_JSON_REQUIRED, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":10:3: $.n: expected true or false, found null");

  g_assert_finalize_object (reader.doc);
}

static void
test_read_array (void)
{
  Reader reader;
  g_autoptr(GError) error = NULL;
  JsonArray *value = NULL;

  reader_init (&reader);

  g_assert_true (retract_json_document_read_array (reader.doc, reader.root, "$", "arr2",
                                                   RETRACT_JSON_NONEMPTY, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (value), ==, 1);

  g_assert_true (retract_json_document_read_array (reader.doc, reader.root, "$", "arr",
                                                   RETRACT_JSON_REQUIRED, &value, &error));
  g_assert_no_error (error);
  g_assert_nonnull (value);
  g_assert_cmpuint (json_array_get_length (value), ==, 0);

  g_assert_false (retract_json_document_read_array (reader.doc, reader.root, "$", "arr",
                                                    RETRACT_JSON_NONEMPTY, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE,
                NAME ":11:3: $.arr: must not be empty");
  g_assert_nonnull (value); /* an error leaves the output as it was */
  g_assert_cmpuint (json_array_get_length (value), ==, 0);

  g_assert_false (retract_json_document_read_array (reader.doc, reader.root, "$", "a",
                                                    RETRACT_JSON_REQUIRED, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":13:3: $.a: expected an array, found an object");

  g_assert_false (retract_json_document_read_array (reader.doc, reader.root, "$", "s",
                                                    RETRACT_JSON_REQUIRED, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":2:3: $.s: expected an array, found a string");

  value = NULL;
  g_assert_true (retract_json_document_read_array (reader.doc, reader.root, "$", "n",
                                                   RETRACT_JSON_NULLABLE, &value, &error));
  g_assert_no_error (error);
  g_assert_null (value);

  g_assert_true (retract_json_document_read_array (reader.doc, reader.root, "$", "zz",
                                                   RETRACT_JSON_OPTIONAL | RETRACT_JSON_NONEMPTY,
                                                   &value, &error));
  g_assert_no_error (error);
  g_assert_null (value);

  g_assert_finalize_object (reader.doc);
}

static void
test_read_object (void)
{
  Reader reader;
  g_autoptr(GError) error = NULL;
  JsonObject *value = NULL;

  reader_init (&reader);

  g_assert_true (retract_json_document_read_object (reader.doc, reader.root, "$", "a",
                                                    RETRACT_JSON_REQUIRED, &value, &error));
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (value, "b"));

  g_assert_false (retract_json_document_read_object (reader.doc, reader.root, "$", "arr",
                                                     RETRACT_JSON_REQUIRED, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":11:3: $.arr: expected an object, found an array");
  g_assert_true (json_object_has_member (value, "b")); /* left as it was */

  g_assert_false (retract_json_document_read_object (reader.doc, reader.root, "$", "d",
                                                     RETRACT_JSON_REQUIRED, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":7:3: $.d: expected an object, found a decimal number");

  g_assert_false (retract_json_document_read_object (reader.doc, reader.root, "$", "n",
                                                     RETRACT_JSON_REQUIRED, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":10:3: $.n: expected an object, found null");

  value = NULL;
  g_assert_true (retract_json_document_read_object (reader.doc, reader.root, "$", "n",
                                                    RETRACT_JSON_NULLABLE, &value, &error));
  g_assert_no_error (error);
  g_assert_null (value);

  g_assert_false (retract_json_document_read_object (reader.doc, reader.root, "$", "zz",
                                                     RETRACT_JSON_REQUIRED, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_MISSING,
                NAME ":1:1: $: required key “zz” is missing");

  g_assert_finalize_object (reader.doc);
}

/* One rule for every reader: an absent OPTIONAL member or a null NULLABLE
 * one returns TRUE and leaves *value as the caller set it; so does an error;
 * only a present, valid member is written. */
static void
test_read_default_stays (void)
{
  const RetractJsonFlags absent_ok[] = {
    RETRACT_JSON_OPTIONAL,
    RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE,
    RETRACT_JSON_OPTIONAL | RETRACT_JSON_NONEMPTY,
  };
  const RetractJsonFlags null_ok[] = {
    RETRACT_JSON_NULLABLE,
    RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE,
    RETRACT_JSON_NULLABLE | RETRACT_JSON_NONEMPTY,
  };
  Reader reader;
  g_autoptr(GError) error = NULL;
  JsonArray *default_array;
  JsonObject *default_object;

  reader_init (&reader);
  default_array = json_object_get_array_member (reader.root, "arr2");
  default_object = json_object_get_object_member (reader.root, "a");

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (absent_ok); i++)
      {
        const char *key = round == 0 ? "zz" : "n";
        RetractJsonFlags flags = round == 0 ? absent_ok[i] : null_ok[i];
        const char *string = "default";
        gint64 number = 17;
        gboolean boolean = TRUE;
        JsonArray *array = default_array;
        JsonObject *object = default_object;

        g_test_message ("key %s, flags %#x", key, (guint) flags);
        g_assert_true (retract_json_document_read_string (reader.doc, reader.root, "$", key,
                                                          flags, &string, &error));
        g_assert_true (retract_json_document_read_int (reader.doc, reader.root, "$", key,
                                                       flags, 0, 100, &number, &error));
        g_assert_true (retract_json_document_read_bool (reader.doc, reader.root, "$", key,
                                                        flags, &boolean, &error));
        g_assert_true (retract_json_document_read_array (reader.doc, reader.root, "$", key,
                                                         flags, &array, &error));
        g_assert_true (retract_json_document_read_object (reader.doc, reader.root, "$", key,
                                                          flags, &object, &error));
        g_assert_no_error (error);
        g_assert_cmpstr (string, ==, "default");
        g_assert_cmpint (number, ==, 17);
        g_assert_true (boolean);
        g_assert_true (array == default_array);
        g_assert_true (object == default_object);
      }

  /* Errors (wrong type, empty, out of range, missing) leave it too. */
  {
    const char *string = "default";
    gint64 number = 17;
    gboolean boolean = TRUE;
    JsonArray *array = default_array;
    JsonObject *object = default_object;

    g_assert_false (retract_json_document_read_string (reader.doc, reader.root, "$", "i",
                                                       RETRACT_JSON_OPTIONAL, &string, &error));
    g_clear_error (&error);
    g_assert_false (retract_json_document_read_string (reader.doc, reader.root, "$", "empty",
                                                       RETRACT_JSON_NONEMPTY, &string, &error));
    g_clear_error (&error);
    g_assert_false (retract_json_document_read_int (reader.doc, reader.root, "$", "big",
                                                    RETRACT_JSON_REQUIRED, 0, 100, &number,
                                                    &error));
    g_clear_error (&error);
    g_assert_false (retract_json_document_read_bool (reader.doc, reader.root, "$", "n",
                                                     RETRACT_JSON_OPTIONAL, &boolean, &error));
    g_clear_error (&error);
    g_assert_false (retract_json_document_read_array (reader.doc, reader.root, "$", "arr",
                                                      RETRACT_JSON_NONEMPTY, &array, &error));
    g_clear_error (&error);
    g_assert_false (retract_json_document_read_array (reader.doc, reader.root, "$", "a",
                                                      RETRACT_JSON_REQUIRED, &array, &error));
    g_clear_error (&error);
    g_assert_false (retract_json_document_read_object (reader.doc, reader.root, "$", "zz",
                                                       RETRACT_JSON_NULLABLE, &object, &error));
    g_clear_error (&error);
    g_assert_cmpstr (string, ==, "default");
    g_assert_cmpint (number, ==, 17);
    g_assert_true (boolean);
    g_assert_true (array == default_array);
    g_assert_true (object == default_object);
  }

  /* Present: written, including "" and []. */
  {
    const char *string = "default";
    gint64 number = 17;
    gboolean boolean = FALSE;
    JsonArray *array = default_array;
    JsonObject *object = NULL;
    const RetractJsonFlags flags = RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE;

    g_assert_true (retract_json_document_read_string (reader.doc, reader.root, "$", "empty",
                                                      flags, &string, &error));
    g_assert_true (retract_json_document_read_int (reader.doc, reader.root, "$", "i",
                                                   flags, 0, 100, &number, &error));
    g_assert_true (retract_json_document_read_bool (reader.doc, reader.root, "$", "b",
                                                    flags, &boolean, &error));
    g_assert_true (retract_json_document_read_array (reader.doc, reader.root, "$", "arr",
                                                     flags, &array, &error));
    g_assert_true (retract_json_document_read_object (reader.doc, reader.root, "$", "a",
                                                      flags, &object, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (string, ==, "");
    g_assert_cmpint (number, ==, 42);
    g_assert_true (array != default_array);
    g_assert_cmpuint (json_array_get_length (array), ==, 0);
    g_assert_true (object == default_object);
    g_assert_true (boolean);
  }

  g_assert_finalize_object (reader.doc);
}

/* Dates in a dataset are exactly YYYY-MM-DD in ASCII digits and a real day;
 * sscanf ("%4u-%2u-%2u") let signs and spaces through. Each of the three
 * places that read one is tried. */
static const char * const bad_dates[] = {
  "2026-+1-+1",
  "2026- 1- 1",
  "2026-1-01",
  "2026-01-1",
  "2026-1-1",
  "+2026-01-01",
  "-2026-01-01",
  " 2026-01-01",
  "2026-01-01 ",
  "2026-01-01x",
  "2026-01-01T00:00",
  "2026-02-30",
  "2025-02-29",
  "2026-13-01",
  "2026-00-10",
  "2026-01-00",
  "2026-04-31",
  "0000-01-01",
  "2026/01/01",
  "20260101",
  "2026-0x-01",
  "2026-01-1\xd9\xa1",            /* ARABIC-INDIC DIGIT ONE */
  "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x96-01-01", /* full-width ２０２６ */
  "2026-\xef\xbc\x90\xef\xbc\x91-01",                          /* full-width ０１ */
  "",
};

static void
assert_date_refused (const char *find,
                     const char *before,
                     const char *after,
                     const char *bad)
{
  g_autoptr(GBytes) bundled = test_dataset_bundled ();
  g_autofree char *replace = g_strconcat (before, bad, after, NULL);
  g_autoptr(GBytes) edited = test_dataset_edit (bundled, find, replace);
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = NULL;

  g_test_message ("date “%s” in %s", bad, find);
  rules = retract_ruleset_new_from_bytes (edited, "edited", &error);
  g_assert_null (rules);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "is not a valid date (YYYY-MM-DD)"));
}

static void
test_date_strict (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      assert_date_refused ("\"published\": \"2026-11-24\"", "\"published\": \"", "\"",
                           bad_dates[i]);
      assert_date_refused ("\"from\": \"2025-01-01\"", "\"from\": \"", "\"", bad_dates[i]);
      assert_date_refused ("\"workdays\": [\"2025-01-26\"", "\"workdays\": [\"", "\"",
                           bad_dates[i]);
    }
}

static void
test_date_accepted (void)
{
  static const char * const good[] = { "2026-11-24", "2024-02-29", "2026-01-01", "2026-12-31" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GBytes) bundled = test_dataset_bundled ();
      g_autofree char *replace = g_strdup_printf ("\"published\": \"%s\"", good[i]);
      g_autoptr(GBytes) edited = test_dataset_edit (bundled, "\"published\": \"2026-11-24\"",
                                                    replace);
      g_autoptr(GError) error = NULL;
      g_autoptr(RetractRuleset) rules = NULL;

      rules = retract_ruleset_new_from_bytes (edited, "edited", &error);
      g_assert_no_error (error);
      g_assert_nonnull (rules);
    }
}

static void
test_expect_object (void)
{
  g_autoptr(GError) error = NULL;
  RetractJsonDocument *doc = load_ok ("\n  [1, 2]");
  RetractJsonDocument *object_doc = load_ok ("{\"a\": 1}");

  g_assert_null (retract_json_document_expect_object (doc, retract_json_document_get_root (doc),
                                                      "$", &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":2:3: $: expected an object, found an array");

  g_assert_null (retract_json_document_expect_object (doc, NULL, "$.x", &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":2:3: $.x: expected an object, found nothing");

  g_assert_nonnull (retract_json_document_expect_object (object_doc,
                                                         retract_json_document_get_root (
                                                           object_doc),
                                                         "$", &error));
  g_assert_no_error (error);

  g_assert_finalize_object (doc);
  g_assert_finalize_object (object_doc);
}

static void
test_check_keys (void)
{
  static const char * const allowed[] = { "a", "b", NULL };
  static const char * const inner_allowed[] = { "x", NULL };
  g_autoptr(GError) error = NULL;
  RetractJsonDocument *doc;
  JsonObject *root;

  doc = load_ok ("{\"a\": 1, \"b\": {\"x\": 1}}");
  root = json_node_get_object (retract_json_document_get_root (doc));
  g_assert_true (retract_json_document_check_keys (doc, root, "$", allowed, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (doc);

  /* A subset is fine; check_keys does not require anything. */
  doc = load_ok ("{}");
  root = json_node_get_object (retract_json_document_get_root (doc));
  g_assert_true (retract_json_document_check_keys (doc, root, "$", allowed, &error));
  g_assert_finalize_object (doc);

  doc = load_ok ("{\n  \"a\": 1,\n  \"colour\": \"red\"\n}");
  root = json_node_get_object (retract_json_document_get_root (doc));
  g_assert_false (retract_json_document_check_keys (doc, root, "$", allowed, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_UNKNOWN_KEY,
                NAME ":3:3: $.colour: unknown key “colour”; expected one of: a, b");
  g_assert_finalize_object (doc);

  /* An unknown key is shown without the characters that could drive a
   * terminal or reorder the message. */
  doc = load_ok ("{\"c\\u001b]0;x\\u0007\xe2\x80\xae\": 1}");
  root = json_node_get_object (retract_json_document_get_root (doc));
  g_assert_false (retract_json_document_check_keys (doc, root, "$", allowed, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_UNKNOWN_KEY,
                NAME ":1:2: $[\"c\\u001B]0;x\\u0007\\u202E\"]: unknown key "
                "“c\\u001B]0;x\\u0007\\u202E”; expected one of: a, b");
  g_assert_finalize_object (doc);

  /* Keys are case-sensitive. */
  doc = load_ok ("{\"A\": 1}");
  root = json_node_get_object (retract_json_document_get_root (doc));
  g_assert_false (retract_json_document_check_keys (doc, root, "$", allowed, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_UNKNOWN_KEY,
                NAME ":1:2: $.A: unknown key “A”; expected one of: a, b");
  g_assert_finalize_object (doc);

  doc = load_ok ("{\"b\": {\"x\": 1, \"x y\": 2}}");
  root = json_object_get_object_member (json_node_get_object (
                                          retract_json_document_get_root (doc)), "b");
  g_assert_false (retract_json_document_check_keys (doc, root, "$.b", inner_allowed, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_UNKNOWN_KEY,
                NAME ":1:16: $.b[\"x y\"]: unknown key “x y”; expected one of: x");
  g_assert_finalize_object (doc);
}

static void
test_set_error (void)
{
  g_autoptr(GError) error = NULL;
  RetractJsonDocument *doc = load_ok ("{\n  \"a\": [\n    1,\n    2\n  ]\n}");

  retract_json_document_set_error (doc, &error, RETRACT_DATA_ERROR_BAD_REFERENCE, "$.a[1]",
                                   "no rule with id “%s”", "x");
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_REFERENCE,
                NAME ":4:5: $.a[1]: no rule with id “x”");

  /* A path that does not exist is placed at its parent. */
  retract_json_document_set_error (doc, &error, RETRACT_DATA_ERROR_MISSING, "$.a[5]", "gone");
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_MISSING,
                NAME ":2:3: $.a[5]: gone");

  /* A NULL error location is allowed. */
  retract_json_document_set_error (doc, NULL, RETRACT_DATA_ERROR_MISSING, "$", "ignored");

  g_assert_finalize_object (doc);
}

static const char time_text[] =
  "{\n"                                              /* 1 */
  "  \"iso\": \"2026-12-01T08:30:00.5+08:00\",\n"       /* 2 */
  "  \"exact\": \"2026-12-01T00:00:00+08:00\",\n"       /* 3 */
  "  \"short\": \"2026-12-01T00:00+08:00\",\n"          /* 4 */
  "  \"bad\": \"tomorrow\",\n"                         /* 5 */
  "  \"n\": null\n"                                     /* 6 */
  "}";

static void
test_read_time (void)
{
  g_autoptr(GError) error = NULL;
  RetractJsonDocument *doc = load_ok (time_text);
  JsonObject *root = json_node_get_object (retract_json_document_get_root (doc));
  g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 ("2026-12-01T00:00:00+08:00",
                                                                 NULL);
  GDateTime *value = NULL;

  g_assert_true (retract_json_document_read_time (doc, root, "$", "iso", RETRACT_JSON_REQUIRED,
                                                  &value, &error));
  g_assert_no_error (error);
  g_assert_nonnull (value);
  g_clear_pointer (&value, g_date_time_unref);

  g_assert_true (retract_json_document_read_time (doc, root, "$", "exact",
                                                  RETRACT_JSON_EXACT_TIME, &value, &error));
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (value, expected));
  g_clear_pointer (&value, g_date_time_unref);

  /* Signed files: only as Retract writes a time, the error at the member. */
  g_assert_false (retract_json_document_read_time (doc, root, "$", "short",
                                                   RETRACT_JSON_EXACT_TIME, &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE,
                NAME ":4:3: $.short: must be a date and time written like "
                "2026-12-01T00:00:00+08:00");
  g_assert_null (value);

  g_assert_false (retract_json_document_read_time (doc, root, "$", "bad", RETRACT_JSON_REQUIRED,
                                                   &value, &error));
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE);
  g_assert_true (g_str_has_prefix (error->message, NAME ":5:3: $.bad: "));
  g_clear_error (&error);
  g_assert_null (value);

  /* The one rule for absence and null: TRUE, and the default stays. */
  g_assert_true (retract_json_document_read_time (doc, root, "$", "zz", RETRACT_JSON_OPTIONAL,
                                                  &value, &error));
  g_assert_true (retract_json_document_read_time (doc, root, "$", "n", RETRACT_JSON_NULLABLE,
                                                  &value, &error));
  g_assert_no_error (error);
  g_assert_null (value);

  g_assert_false (retract_json_document_read_time (doc, root, "$", "n", RETRACT_JSON_REQUIRED,
                                                   &value, &error));
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_WRONG_TYPE,
                NAME ":6:3: $.n: expected a string, found null");

  g_assert_finalize_object (doc);
}

static void
test_set_member_error (void)
{
  g_autoptr(GError) error = NULL;
  RetractJsonDocument *doc = load_ok ("{\n  \"a\": {\n    \"x y\": 1,\n    \"b\": 2\n  }\n}");

  /* The member is named as a path names it, and located at its key. */
  retract_json_document_set_member_error (doc, &error, RETRACT_DATA_ERROR_BAD_VALUE, "$.a", "b",
                                          "%d is wrong", 2);
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE,
                NAME ":4:5: $.a.b: 2 is wrong");

  retract_json_document_set_member_error (doc, &error, RETRACT_DATA_ERROR_BAD_VALUE, "$.a", "x y",
                                          "odd");
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE,
                NAME ":3:5: $.a[\"x y\"]: odd");

  /* A member that is not there is placed at its object. */
  retract_json_document_set_member_error (doc, &error, RETRACT_DATA_ERROR_MISSING, "$.a", "c",
                                          "gone");
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_MISSING, NAME ":2:3: $.a.c: gone");

  /* Without a member it is the object's own error. */
  retract_json_document_set_member_error (doc, &error, RETRACT_DATA_ERROR_MISSING, "$.a", NULL,
                                          "empty");
  assert_error (&error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_MISSING, NAME ":2:3: $.a: empty");

  retract_json_document_set_member_error (doc, NULL, RETRACT_DATA_ERROR_MISSING, "$", "a",
                                          "ignored");

  g_assert_finalize_object (doc);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rejections); i++)
    {
      g_autofree char *path = g_strdup_printf ("/retract/json-document/rejects/%s",
                                               rejections[i].name);

      g_test_add_data_func (path, &rejections[i], test_rejects);
    }

  for (guint i = 0; i < G_N_ELEMENTS (acceptances); i++)
    {
      g_autofree char *path = g_strdup_printf ("/retract/json-document/accepts/%s",
                                               acceptances[i].name);

      g_test_add_data_func (path, &acceptances[i], test_accepts);
    }

  g_test_add_func ("/retract/json-document/accepts/values", test_accepts_values);
  g_test_add_func ("/retract/json-document/accepts/bom-positions", test_accepts_bom);
  g_test_add_func ("/retract/json-document/rejects/too-deep/100000", test_depth_huge);
  g_test_add_func ("/retract/json-document/limits/depth", test_depth_limit);
  g_test_add_func ("/retract/json-document/limits/bytes", test_size_limit_bytes);
  g_test_add_func ("/retract/json-document/limits/bytes-default", test_size_limit_default);
  g_test_add_func ("/retract/json-document/file/load", test_from_file);
  g_test_add_func ("/retract/json-document/file/default-cap", test_from_file_default_cap);
  g_test_add_func ("/retract/json-document/locate/positions", test_locate);
  g_test_add_func ("/retract/json-document/locate/escaped-keys", test_locate_escaped_key);
  g_test_add_func ("/retract/json-document/path/member", test_path_member);
  g_test_add_func ("/retract/json-document/path/element", test_path_element);
  g_test_add_func ("/retract/json-document/read/string", test_read_string);
  g_test_add_func ("/retract/json-document/read/int", test_read_int);
  g_test_add_func ("/retract/json-document/read/bool", test_read_bool);
  g_test_add_func ("/retract/json-document/read/array", test_read_array);
  g_test_add_func ("/retract/json-document/read/object", test_read_object);
  g_test_add_func ("/retract/json-document/read/default-stays", test_read_default_stays);
  g_test_add_func ("/retract/json-document/date/strict", test_date_strict);
  g_test_add_func ("/retract/json-document/date/accepted", test_date_accepted);
  g_test_add_func ("/retract/json-document/read/expect-object", test_expect_object);
  g_test_add_func ("/retract/json-document/read/check-keys", test_check_keys);
  g_test_add_func ("/retract/json-document/read/set-error", test_set_error);
  g_test_add_func ("/retract/json-document/read/set-member-error", test_set_member_error);
  g_test_add_func ("/retract/json-document/read/time", test_read_time);

  return g_test_run ();
}
