/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Any bytes as a text, a link and an attached file's name, each checked
 * against a rule written out independently here (and links against GLib's
 * own URI parser): what is accepted holds no control, separator or bidi
 * character, a link is a plain https:// link to a named host, and an
 * attachment the case accepts saves and loads again unchanged. */

#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "retract-case.h"
#include "retract-validators.h"

static gboolean
is_refused (gunichar c,
            gboolean multiline)
{
  if (multiline && (c == 0x0A || c == 0x09 || c == 0x2028 || c == 0x2029))
    return FALSE;
  return c <= 0x1F || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
         c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x200B || c == 0x2060 || c == 0xFEFF ||
         c == 0x00AD;
}

/* The rule of retract-validators.h, character by character. */
static gboolean
expected_valid (const char *text,
                gboolean    multiline)
{
  guint marks = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* At most 30 combining marks in a row. */
      marks = g_unichar_ismark (c) ? marks + 1 : 0;
      if (marks > 30)
        return FALSE;
      if (multiline && c == 0x0D && p[1] == '\n')
        continue;
      if (is_refused (c, multiline))
        return FALSE;
    }

  return TRUE;
}

static void
check_characters (const char *text)
{
  for (guint multiline = 0; multiline < 2; multiline++)
    {
      g_autoptr(GError) error = NULL;
      gboolean valid = retract_validate_characters (text, multiline, &error);

      g_assert_cmpint (valid, ==, expected_valid (text, multiline));
      g_assert_true (valid == (error == NULL));
      /* The message names a code point, never the text. */
      if (error != NULL)
        g_assert_true (expected_valid (error->message, FALSE));

      /* What a field keeps of pasted text always passes the check, and
       * nothing is taken out of text that already passes. */
      if (g_utf8_validate (text, -1, NULL))
        {
          g_autofree char *kept = NULL;
          gunichar removed = 0;

          kept = retract_filter_characters (text, -1, multiline, &removed);
          g_assert_true ((kept == NULL) == valid);
          g_assert_true ((removed == 0) == valid);
          if (kept != NULL)
            {
              g_assert_true (expected_valid (kept, multiline));
              g_assert_cmpuint (strlen (kept), <=, strlen (text));
            }
        }
    }
}

static void
check_url (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *authority;
  gsize authority_length;

  if (!retract_validate_https_url (text, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (expected_valid (error->message, FALSE));
      return;
    }
  g_assert_no_error (error);

  /* Printable ASCII, https, no user-info, a host with a dot. */
  g_assert_cmpuint (strlen (text), <=, 2048);
  for (const char *p = text; *p != '\0'; p++)
    g_assert_true (*p > 0x20 && *p < 0x7F && *p != '\\' && *p != '"' && *p != '<' &&
                   *p != '>' && *p != ' ');
  g_assert_true (g_str_has_prefix (text, "https://"));
  authority = text + strlen ("https://");
  authority_length = strcspn (authority, "/?#");
  g_assert_null (memchr (authority, '@', authority_length));
  g_assert_nonnull (memchr (authority, '.', authority_length));

  /* GLib reads it the same way: https, that host, no user, a real port. */
  uri = g_uri_parse (text, G_URI_FLAGS_ENCODED, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_scheme (uri), ==, "https");
  g_assert_null (g_uri_get_userinfo (uri));
  g_assert_nonnull (g_uri_get_host (uri));
  g_assert_cmpuint (strlen (g_uri_get_host (uri)), >, 0);
  g_assert_cmpint (g_ascii_strncasecmp (g_uri_get_host (uri), authority,
                                        strlen (g_uri_get_host (uri))), ==, 0);
  g_assert_true (g_uri_get_port (uri) == -1 ||
                 (g_uri_get_port (uri) >= 1 && g_uri_get_port (uri) <= 65535));
}

static void
check_attachment (const char *text)
{
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(RetractCase) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *json = NULL;
  g_autofree char *basename = NULL;

  if (!retract_case_set_material_attachment (kase, "identity", text, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (expected_valid (error->message, FALSE));
      g_assert_null (retract_case_get_material_attachment (kase, "identity"));
      return;
    }
  g_assert_no_error (error);
  if (*text == '\0')
    return;

  /* Accepted: a single line of allowed characters, ending in a name... */
  g_assert_true (expected_valid (text, FALSE));
  basename = g_path_get_basename (text);
  g_assert_cmpstr (basename, !=, "/");
  g_assert_cmpstr (basename, !=, ".");
  g_assert_cmpstr (basename, !=, "..");

  /* ...that a saved case gives back as it was. */
  json = retract_case_to_json (kase);
  bytes = g_bytes_new (json, strlen (json));
  again = retract_case_new_from_bytes (bytes, "saved.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (retract_case_get_material_attachment (again, "identity"), ==, text);
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);

  check_characters (text);
  check_url (text);
  check_attachment (text);
  return 0;
}
