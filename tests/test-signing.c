/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Keys and signatures for the signed-rules tests (see test-signing.h). */

#include "config.h"

#include <string.h>
#include <sodium.h>

#include "retract-file.h"
#include "retract-time.h"
#include "test-datasets.h"
#include "test-server.h"
#include "test-signing.h"

struct _TestKey
{
  char   id[17];
  guint8 key_id[8];
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  guint8 secret_key[crypto_sign_SECRETKEYBYTES];
};

/* minisign shows the 8-byte id as a little-endian number. */
static void
set_id_text (TestKey *key)
{
  for (guint i = 0; i < 8; i++)
    g_snprintf (key->id + 2 * i, 3, "%02X", key->key_id[7 - i]);
}

static char *
base64 (const guint8 *data,
        gsize         length)
{
  gsize size = sodium_base64_ENCODED_LEN (length, sodium_base64_VARIANT_ORIGINAL);
  char *text = g_malloc (size);

  sodium_bin2base64 (text, size, data, length, sodium_base64_VARIANT_ORIGINAL);
  return text;
}

/* Returns: (transfer full): a new release key */
TestKey *
test_key_new (void)
{
  TestKey *key = g_new0 (TestKey, 1);

  g_assert_cmpint (sodium_init (), >=, 0);
  randombytes_buf (key->key_id, sizeof key->key_id);
  crypto_sign_keypair (key->public_key, key->secret_key);
  set_id_text (key);
  return key;
}

/* The layout of minisign's secret key file without a password (-W):
 * "Ed", the KDF (none), "B2", salt, opslimit, memlimit, then the key id,
 * the Ed25519 secret key (whose second half is the public key) and a
 * checksum. */
#define SECRET_HEADER (2 + 2 + 2 + 32 + 8 + 8)
#define SECRET_LENGTH (SECRET_HEADER + 8 + crypto_sign_SECRETKEYBYTES + 32)

/* Returns: (transfer full): test root @number, made at build time */
TestKey *
test_key_load_root (guint number)
{
  g_autofree char *name = g_strdup_printf ("test-root-%u.key", number);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint8 raw[SECRET_LENGTH];
  gsize length = 0;
  TestKey *key = g_new0 (TestKey, 1);

  g_assert_cmpint (sodium_init (), >=, 0);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  g_assert_cmpint (sodium_base642bin (raw, sizeof raw, lines[1], strlen (lines[1]), NULL,
                                      &length, NULL, sodium_base64_VARIANT_ORIGINAL), ==, 0);
  g_assert_cmpuint (length, ==, SECRET_LENGTH);
  g_assert_cmpmem (raw + 2, 2, "\0\0", 2);

  memcpy (key->key_id, raw + SECRET_HEADER, 8);
  memcpy (key->secret_key, raw + SECRET_HEADER + 8, crypto_sign_SECRETKEYBYTES);
  crypto_sign_ed25519_sk_to_pk (key->public_key, key->secret_key);
  set_id_text (key);
  return key;
}

void
test_key_free (TestKey *key)
{
  if (key != NULL)
    sodium_memzero (key, sizeof *key);
  g_free (key);
}

const char *
test_key_get_id (const TestKey *key)
{
  return key->id;
}

/* Returns: the base64 line of the key's `.pub` file */
char *
test_key_public_line (const TestKey *key)
{
  guint8 raw[2 + 8 + crypto_sign_PUBLICKEYBYTES];

  memcpy (raw, "Ed", 2);
  memcpy (raw + 2, key->key_id, 8);
  memcpy (raw + 10, key->public_key, sizeof key->public_key);
  return base64 (raw, sizeof raw);
}

/* Writes @key as `minisign -G -W` would, for the minisign tool to sign with. */
void
test_key_write (const TestKey *key,
                const char    *secret_path,
                const char    *public_path)
{
  g_autofree char *public_line = test_key_public_line (key);
  g_autofree char *public_text = g_strdup_printf ("untrusted comment: minisign public key %s\n%s\n",
                                                  key->id, public_line);
  guint8 raw[SECRET_LENGTH] = { 0 };
  g_autofree char *secret_line = NULL;
  g_autofree char *secret_text = NULL;
  g_autoptr(GError) error = NULL;
  crypto_generichash_state state;

  memcpy (raw, "Ed\0\0B2", 6);
  memcpy (raw + SECRET_HEADER, key->key_id, 8);
  memcpy (raw + SECRET_HEADER + 8, key->secret_key, crypto_sign_SECRETKEYBYTES);
  /* minisign checks BLAKE2b-256 of the algorithm, the id and the key. */
  crypto_generichash_init (&state, NULL, 0, 32);
  crypto_generichash_update (&state, raw, 2);
  crypto_generichash_update (&state, raw + SECRET_HEADER, 8 + crypto_sign_SECRETKEYBYTES);
  crypto_generichash_final (&state, raw + SECRET_HEADER + 8 + crypto_sign_SECRETKEYBYTES, 32);
  secret_line = base64 (raw, sizeof raw);
  secret_text = g_strdup_printf ("untrusted comment: minisign encrypted secret key\n%s\n",
                                 secret_line);
  sodium_memzero (raw, sizeof raw);

  g_assert_true (retract_file_replace (secret_path, secret_text, strlen (secret_text), &error));
  g_assert_no_error (error);
  g_assert_true (retract_file_replace (public_path, public_text, strlen (public_text), &error));
  g_assert_no_error (error);
}

/* A `.minisig` for @data: @algorithm "ED" signs its BLAKE2b-512 hash, "Ed"
 * (legacy) the data itself; @claimed_id, when set, is written in place of
 * the key's own id. */
GBytes *
test_sign_full (const TestKey *key,
                GBytes        *data,
                const char    *algorithm,
                const char    *claimed_id,
                const char    *trusted_comment)
{
  gsize length;
  const guint8 *bytes = g_bytes_get_data (data, &length);
  guint8 line[2 + 8 + crypto_sign_BYTES];
  guint8 hash[crypto_generichash_BYTES_MAX];
  guint8 global[crypto_sign_BYTES];
  gsize comment_length = strlen (trusted_comment);
  g_autofree guint8 *signed_comment = g_malloc (crypto_sign_BYTES + comment_length);
  g_autofree char *line_text = NULL;
  g_autofree char *global_text = NULL;
  char *text;

  memcpy (line, algorithm, 2);
  memcpy (line + 2, key->key_id, 8);
  if (claimed_id != NULL)
    for (guint i = 0; i < 8; i++)
      {
        char pair[3] = { claimed_id[2 * (7 - i)], claimed_id[2 * (7 - i) + 1], '\0' };

        line[2 + i] = (guint8) g_ascii_strtoull (pair, NULL, 16);
      }

  if (g_str_equal (algorithm, "Ed"))
    crypto_sign_detached (line + 10, NULL, bytes, length, key->secret_key);
  else
    {
      crypto_generichash (hash, sizeof hash, bytes, length, NULL, 0);
      crypto_sign_detached (line + 10, NULL, hash, sizeof hash, key->secret_key);
    }

  memcpy (signed_comment, line + 10, crypto_sign_BYTES);
  memcpy (signed_comment + crypto_sign_BYTES, trusted_comment, comment_length);
  crypto_sign_detached (global, NULL, signed_comment, crypto_sign_BYTES + comment_length,
                        key->secret_key);

  line_text = base64 (line, sizeof line);
  global_text = base64 (global, sizeof global);
  text = g_strdup_printf ("untrusted comment: signature from minisign secret key\n"
                          "%s\ntrusted comment: %s\n%s\n", line_text, trusted_comment, global_text);
  return g_bytes_new_take (text, strlen (text));
}

GBytes *
test_sign (const TestKey *key,
           GBytes        *data)
{
  return test_sign_full (key, data, "ED", NULL, "timestamp:1764547200\tfile:rules.json");
}

/* A keys.json naming @release (when not %NULL) and revoking @revoked. */
GBytes *
test_key_list (gint64         version,
               const char    *issued,
               const char    *expires,
               const TestKey *release,
               const char    *revoked)
{
  g_autofree char *line = release != NULL ? test_key_public_line (release) : NULL;
  g_autofree char *keys = release != NULL
                          ? g_strdup_printf ("{\"id\": \"%s\", \"public_key\": \"%s\", "
                                             "\"purpose\": \"rules\"}", release->id, line)
                          : g_strdup ("");
  g_autofree char *revoked_list = revoked != NULL ? g_strdup_printf ("\"%s\"", revoked)
                                                  : g_strdup ("");
  char *text = g_strdup_printf ("{\n  \"kind\": \"io.github.retractapp.Retract/keys\",\n"
                                "  \"version\": %" G_GINT64_FORMAT ",\n"
                                "  \"issued\": \"%s\",\n  \"expires\": \"%s\",\n"
                                "  \"keys\": [%s],\n  \"revoked\": [%s]\n}\n",
                                version, issued, expires, keys, revoked_list);

  return g_bytes_new_take (text, strlen (text));
}

/* The bundled dataset with @version, @issued and @expires in its meta. */
GBytes *
test_dataset_signable (const char *version,
                       const char *issued,
                       const char *expires)
{
  g_autoptr(GBytes) versioned = test_dataset_with_version (version);
  g_autofree char *issued_member = g_strdup_printf ("\"issued\": \"%s\"", issued);
  g_autofree char *expires_member = g_strdup_printf ("\"expires\": \"%s\"", expires);
  g_autoptr(GBytes) with_issued = test_dataset_edit (versioned,
                                                     "\"issued\": \"2026-11-24T00:00:00+08:00\"",
                                                     issued_member);

  return test_dataset_edit (with_issued, "\"expires\": \"2027-02-22T00:00:00+08:00\"",
                            expires_member);
}

static TestKey *default_release;
static GBytes *default_keys;
static GBytes *default_keys_signature;

/* A time @days from now, as a key list or a dataset writes it. */
char *
test_signing_days_from_now (int days)
{
  g_autoptr(GDateTime) now = retract_time_now ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return retract_time_format_iso (then);
}

/* Makes the process's publication keys; call once, before any server runs. */
void
test_signing_init (void)
{
  g_autoptr(TestKey) root = test_key_load_root (1);
  g_autofree char *issued = test_signing_days_from_now (-1);
  g_autofree char *expires = test_signing_days_from_now (365);

  g_assert_null (default_release);
  default_release = test_key_new ();
  default_keys = test_key_list (1, issued, expires, default_release, NULL);
  default_keys_signature = test_sign_full (root, default_keys, "ED", NULL,
                                           "io.github.retractapp.Retract/keys");
}

/* Returns: (transfer none): keys.json of the publication */
GBytes *
test_signing_keys (void)
{
  g_assert_nonnull (default_keys);
  return default_keys;
}

/* Returns: (transfer none): keys.json.minisig of the publication */
GBytes *
test_signing_keys_signature (void)
{
  g_assert_nonnull (default_keys_signature);
  return default_keys_signature;
}

/* Returns: (transfer full): rules.json.minisig for @dataset */
GBytes *
test_signing_sign_rules (GBytes *dataset)
{
  g_assert_nonnull (default_release);
  return test_sign (default_release, dataset);
}

/* For the tests whose server answers from a handler: answers the files
 * published beside the rules, the key list and each dataset's signature
 * (what @body_for gives for the path without ".minisig", or 404).
 * Returns: whether @path was one of them, answered */
gboolean
test_signing_serve (SoupServerMessage *message,
                    const char        *path,
                    TestBodyFunc       body_for)
{
  g_autofree char *signed_path = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) signature = NULL;

  if (g_str_has_suffix (path, "/keys.json"))
    {
      test_server_reply_json (message, test_signing_keys ());
      return TRUE;
    }
  if (g_str_has_suffix (path, "/keys.json.minisig"))
    {
      test_server_reply (message, "text/plain", g_bytes_get_data (test_signing_keys_signature (),
                                                                  NULL),
                         g_bytes_get_size (test_signing_keys_signature ()));
      return TRUE;
    }
  if (!g_str_has_suffix (path, ".minisig"))
    return FALSE;

  signed_path = g_strndup (path, strlen (path) - strlen (".minisig"));
  body = body_for (signed_path);
  if (body == NULL)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return TRUE;
    }

  signature = test_signing_sign_rules (body);
  test_server_reply (message, "text/plain", g_bytes_get_data (signature, NULL),
                     g_bytes_get_size (signature));
  return TRUE;
}
