/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Any bytes as a `.minisig`, as a minisign public key and as a key list:
 * each is refused with an error or read, never a crash; no error carries a
 * control or bidi character (messages never repeat the file's bytes, only
 * hex key ids); what is read holds ids of 16 hex digits, and a signature
 * read is checked against the shipped root key without crashing. */

#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "retract-keys-private.h"
#include "retract-minisign.h"
#include "retract-validators.h"

/* data/keys/root-1.pub */
#define ROOT_KEY "RWQJSYZQAWauZPNLjO67Sn72NS/65zXxY5BUlGhx4iZjwlJrbedl6YDB"

static void
assert_key_id (const char *id)
{
  g_assert_cmpuint (strlen (id), ==, RETRACT_MINISIGN_KEY_ID_LENGTH);
  for (const char *c = id; *c != '\0'; c++)
    g_assert_true (g_ascii_isdigit (*c) || (*c >= 'A' && *c <= 'F'));
}

static void
fuzz_signature (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractMinisignSignature) signature =
    retract_minisign_signature_new_from_bytes (bytes, "fuzz.minisig", &error);
  g_autoptr(RetractMinisignKey) root = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  g_assert ((signature == NULL) != (error == NULL));
  if (signature == NULL)
    {
      g_assert_true (retract_validate_characters (error->message, FALSE, NULL));
      return;
    }

  assert_key_id (retract_minisign_signature_get_key_id (signature));
  g_assert_true (retract_validate_characters (retract_minisign_signature_get_trusted_comment (signature),
                                              TRUE, NULL));

  root = retract_minisign_key_new_from_text (ROOT_KEY, strlen (ROOT_KEY), &error);
  g_assert_no_error (error);
  /* Nobody but the root's holder can sign; the signature cannot sign itself. */
  g_assert_false (retract_minisign_verify (signature, root, data, size, &error));
  g_assert_nonnull (error);
  g_assert_true (retract_validate_characters (error->message, FALSE, NULL));
}

static void
fuzz_public_key (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractMinisignKey) key = NULL;
  gsize size;
  const char *text = g_bytes_get_data (bytes, &size);

  key = retract_minisign_key_new_from_text (text != NULL ? text : "", size, &error);
  g_assert ((key == NULL) != (error == NULL));
  if (key == NULL)
    g_assert_true (retract_validate_characters (error->message, FALSE, NULL));
  else
    assert_key_id (retract_minisign_key_get_id (key));
}

static void
fuzz_key_list (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractKeyList) list = _retract_key_list_parse (bytes, "keys.json", &error);

  g_assert ((list == NULL) != (error == NULL));
  if (list == NULL)
    {
      g_assert_true (retract_validate_characters (error->message, FALSE, NULL));
      return;
    }

  g_assert_cmpint (retract_key_list_get_version (list), >=, 1);
  g_assert_true (g_date_time_compare (retract_key_list_get_issued (list),
                                      retract_key_list_get_expires (list)) < 0);
  /* Lookups of any id answer with a key or an error. */
  {
    const RetractMinisignKey *key = retract_key_list_lookup (list, "FBB3910F27922E0A", &error);

    g_assert ((key == NULL) != (error == NULL));
    if (key != NULL)
      g_assert_cmpstr (retract_minisign_key_get_id (key), ==, "FBB3910F27922E0A");
  }
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);

  fuzz_signature (bytes);
  fuzz_public_key (bytes);
  fuzz_key_list (bytes);
  return 0;
}
