/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Signed rules, the verifier: minisign signatures and public keys read
 * strictly, the key list verified against root keys, and release keys looked
 * up in it. Keys are made here, with libsodium and with the minisign tool;
 * the shipped key list is checked against the compiled-in roots. */

#include "config.h"

#include <string.h>
#include <sodium.h>
#include <glib/gstdio.h>

#include "retract-error.h"
#include "retract-keys-private.h"
#include "retract-minisign.h"
#include "retract-time.h"
#include "retract-trust.h"

/* The shipped list (data/keys/keys.json) is valid for 2026-12-01 – 2027-12-01. */
#define SHIPPED_RELEASE_KEY "FBB3910F27922E0A"
#define SHIPPED_ROOT_1 "64AE660150864909"

/* A key pair made with libsodium, written in minisign's formats by the test. */
typedef struct
{
  char   id[17];
  guint8 key_id[8];
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  guint8 secret_key[crypto_sign_SECRETKEYBYTES];
} TestKey;

static TestKey *
test_key_new (void)
{
  TestKey *key = g_new0 (TestKey, 1);

  randombytes_buf (key->key_id, sizeof key->key_id);
  crypto_sign_keypair (key->public_key, key->secret_key);
  /* minisign shows the id as a little-endian number. */
  for (guint i = 0; i < 8; i++)
    g_snprintf (key->id + 2 * i, 3, "%02X", key->key_id[7 - i]);
  return key;
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

/* The base64 line of the key's `.pub` file. */
static char *
test_key_line (const TestKey *key)
{
  guint8 raw[2 + 8 + crypto_sign_PUBLICKEYBYTES];

  memcpy (raw, "Ed", 2);
  memcpy (raw + 2, key->key_id, 8);
  memcpy (raw + 10, key->public_key, sizeof key->public_key);
  return base64 (raw, sizeof raw);
}

static RetractMinisignKey *
test_key_public (const TestKey *key)
{
  g_autofree char *line = test_key_line (key);
  g_autoptr(GError) error = NULL;
  RetractMinisignKey *public_key = retract_minisign_key_new_from_text (line, strlen (line), &error);

  g_assert_no_error (error);
  return public_key;
}

static const char *
test_key_id (const TestKey *key)
{
  return key->id;
}

/* A `.minisig` for @data: @algorithm "ED" signs its BLAKE2b-512 hash, "Ed"
 * (legacy) the data itself; @claimed_id, when set, is written in place of
 * the key's own id. */
static char *
sign_full (const TestKey *key,
           const char    *data,
           gsize          length,
           const char    *algorithm,
           const guint8  *claimed_id,
           const char    *trusted_comment)
{
  guint8 line[2 + 8 + crypto_sign_BYTES];
  guint8 hash[crypto_generichash_BYTES_MAX];
  guint8 global[crypto_sign_BYTES];
  g_autofree guint8 *signed_comment = g_malloc (crypto_sign_BYTES + strlen (trusted_comment));
  g_autofree char *line_text = NULL;
  g_autofree char *global_text = NULL;

  memcpy (line, algorithm, 2);
  memcpy (line + 2, claimed_id != NULL ? claimed_id : key->key_id, 8);
  if (g_str_equal (algorithm, "Ed"))
    crypto_sign_detached (line + 10, NULL, (const guint8 *) data, length, key->secret_key);
  else
    {
      crypto_generichash (hash, sizeof hash, (const guint8 *) data, length, NULL, 0);
      crypto_sign_detached (line + 10, NULL, hash, sizeof hash, key->secret_key);
    }

  memcpy (signed_comment, line + 10, crypto_sign_BYTES);
  memcpy (signed_comment + crypto_sign_BYTES, trusted_comment, strlen (trusted_comment));
  crypto_sign_detached (global, NULL, signed_comment, crypto_sign_BYTES + strlen (trusted_comment),
                        key->secret_key);

  line_text = base64 (line, sizeof line);
  global_text = base64 (global, sizeof global);
  return g_strdup_printf ("untrusted comment: signature from minisign secret key\n"
                          "%s\ntrusted comment: %s\n%s\n",
                          line_text, trusted_comment, global_text);
}

static char *
sign (const TestKey *key,
      const char    *data)
{
  return sign_full (key, data, strlen (data), "ED", NULL, "timestamp:1764547200\tfile:rules.json");
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static RetractMinisignSignature *
parse_signature (const char *text,
                 GError    **error)
{
  g_autoptr(GBytes) bytes = text_bytes (text);

  return retract_minisign_signature_new_from_bytes (bytes, "rules.json.minisig", error);
}

static gboolean
verify_text (const char               *signature_text,
             const RetractMinisignKey *key,
             const char               *data,
             GError                  **error)
{
  g_autoptr(RetractMinisignSignature) signature = parse_signature (signature_text, error);

  if (signature == NULL)
    return FALSE;
  return retract_minisign_verify (signature, key, (const guint8 *) data, strlen (data), error);
}

static GDateTime *
at (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDateTime *time = retract_time_parse (iso, &error);

  g_assert_no_error (error);
  return time;
}

static GBytes *
read_source_file (const char *relative)
{
  g_autofree char *path = g_build_filename (g_getenv ("RETRACT_SOURCE_ROOT"), relative, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* No message repeats the file's own bytes: only ids in hex. */
static void
assert_not_echoed (const GError *error,
                   const char   *marker)
{
  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, marker));
}

static void
test_signature_verifies (void)
{
  g_autofree TestKey *key = test_key_new ();
  g_autoptr(RetractMinisignKey) public_key = test_key_public (key);
  g_autofree char *signature_text = sign (key, "{\"rules\": 1}\n");
  g_autoptr(RetractMinisignSignature) signature = NULL;
  g_autoptr(GError) error = NULL;

  signature = parse_signature (signature_text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (retract_minisign_signature_get_key_id (signature), ==, test_key_id (key));
  g_assert_cmpstr (retract_minisign_signature_get_trusted_comment (signature), ==,
                   "timestamp:1764547200\tfile:rules.json");
  g_assert_true (retract_minisign_verify (signature, public_key,
                                          (const guint8 *) "{\"rules\": 1}\n", 13, &error));
  g_assert_no_error (error);

  /* An empty file has a signature too. */
  g_free (signature_text);
  signature_text = sign (key, "");
  g_assert_true (verify_text (signature_text, public_key, "", &error));
  g_assert_no_error (error);
}

static void
test_signature_flipped_byte (void)
{
  g_autofree TestKey *key = test_key_new ();
  g_autoptr(RetractMinisignKey) public_key = test_key_public (key);
  const char *data = "{\"phone\": \"95017\"}\n";
  g_autofree char *signature_text = sign (key, data);
  g_autofree char *changed = g_strdup (data);
  g_autoptr(GError) error = NULL;

  /* Every byte of the data, one bit at a time in turn. */
  for (gsize i = 0; i < strlen (data); i++)
    {
      changed[i] ^= 1 << (i % 7);
      g_assert_false (verify_text (signature_text, public_key, changed, &error));
      g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_BAD_SIGNATURE);
      g_assert_nonnull (strstr (error->message, test_key_id (key)));
      g_clear_error (&error);
      changed[i] = data[i];
    }

  /* A byte added or removed at the end. */
  g_assert_false (verify_text (signature_text, public_key, "{\"phone\": \"95017\"}\n\n", &error));
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_BAD_SIGNATURE);
  g_clear_error (&error);
  g_assert_false (verify_text (signature_text, public_key, "{\"phone\": \"95017\"}", &error));
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_BAD_SIGNATURE);
}

static void
test_signature_edited_comment (void)
{
  g_autofree TestKey *key = test_key_new ();
  g_autoptr(RetractMinisignKey) public_key = test_key_public (key);
  const char *data = "rules";
  g_autofree char *signature_text = sign (key, data);
  g_autoptr(GString) edited = g_string_new (signature_text);
  g_autoptr(GError) error = NULL;

  g_string_replace (edited, "timestamp:1764547200", "timestamp:1764547201", 1);
  g_assert_false (verify_text (edited->str, public_key, data, &error));
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_BAD_COMMENT);
  g_clear_error (&error);

  /* The comment cut short, and the comment signature of another file. */
  g_string_assign (edited, signature_text);
  g_string_replace (edited, "\tfile:rules.json", "", 1);
  g_assert_false (verify_text (edited->str, public_key, data, &error));
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_BAD_COMMENT);
  g_clear_error (&error);

  {
    g_autofree char *other = sign (key, "other rules");
    g_auto(GStrv) mine = g_strsplit (signature_text, "\n", -1);
    g_auto(GStrv) theirs = g_strsplit (other, "\n", -1);
    g_autofree char *mixed = g_strdup_printf ("%s\n%s\n%s\n%s\n", mine[0], mine[1], mine[2],
                                              theirs[3]);

    g_assert_false (verify_text (mixed, public_key, data, &error));
    g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_BAD_COMMENT);
  }
}

static void
test_signature_swapped_lines (void)
{
  g_autofree TestKey *key = test_key_new ();
  g_autofree char *signature_text = sign (key, "rules");
  g_auto(GStrv) lines = g_strsplit (signature_text, "\n", -1);
  g_autofree char *signatures_swapped = g_strdup_printf ("%s\n%s\n%s\n%s\n",
                                                         lines[0], lines[3], lines[2], lines[1]);
  g_autofree char *comments_swapped = g_strdup_printf ("%s\n%s\n%s\n%s\n",
                                                       lines[2], lines[1], lines[0], lines[3]);
  g_autoptr(RetractMinisignSignature) signature = NULL;
  g_autoptr(GError) error = NULL;

  signature = parse_signature (signatures_swapped, &error);
  g_assert_null (signature);
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "rules.json.minisig:2: the signature is not the base64 of 74 bytes");
  g_clear_error (&error);

  signature = parse_signature (comments_swapped, &error);
  g_assert_null (signature);
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "rules.json.minisig:1: the line does not start with “untrusted comment: ”");
}

static void
test_signature_unknown_key (void)
{
  g_autofree TestKey *key = test_key_new ();
  g_autofree TestKey *stranger = test_key_new ();
  g_autoptr(RetractMinisignKey) public_key = test_key_public (key);
  g_autofree char *signature_text = sign (stranger, "rules");
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (verify_text (signature_text, public_key, "rules", &error));
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_KEY_MISMATCH);
  expected = g_strdup_printf ("the signature names key %s, not key %s",
                              test_key_id (stranger), test_key_id (key));
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_signature_forged_key_id (void)
{
  g_autofree TestKey *key = test_key_new ();
  g_autofree TestKey *forger = test_key_new ();
  g_autoptr(RetractMinisignKey) public_key = test_key_public (key);
  g_autofree char *signature_text = sign_full (forger, "rules", 5, "ED", key->key_id, "comment");
  g_autoptr(GError) error = NULL;

  /* The id is the trusted key's, the signature the forger's. */
  g_assert_false (verify_text (signature_text, public_key, "rules", &error));
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_BAD_SIGNATURE);
}

static void
test_signature_legacy (void)
{
  g_autofree TestKey *key = test_key_new ();
  g_autofree char *signature_text = sign_full (key, "rules", 5, "Ed", NULL, "comment");
  g_autofree char *other_algorithm = sign_full (key, "rules", 5, "Xy", NULL, "comment");
  g_autoptr(RetractMinisignSignature) signature = NULL;
  g_autoptr(GError) error = NULL;

  signature = parse_signature (signature_text, &error);
  g_assert_null (signature);
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_LEGACY);
  g_assert_true (g_str_has_prefix (error->message, "rules.json.minisig:2: a legacy signature"));
  g_clear_error (&error);

  signature = parse_signature (other_algorithm, &error);
  g_assert_null (signature);
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "rules.json.minisig:2: the signature algorithm is 0x5879, not ED");
}

/* Replaces line @number (1-4) of @signature_text with @line. */
static char *
replace_line (const char *signature_text,
              guint       number,
              const char *line)
{
  g_auto(GStrv) lines = g_strsplit (signature_text, "\n", -1);

  g_free (lines[number - 1]);
  lines[number - 1] = g_strdup (line);
  return g_strjoinv ("\n", lines);
}

static void
test_signature_bad_base64 (void)
{
  g_autofree TestKey *key = test_key_new ();
  g_autofree char *signature_text = sign (key, "rules");
  g_auto(GStrv) lines = g_strsplit (signature_text, "\n", -1);
  g_autofree char *with_star = g_strdup (lines[1]);
  g_autofree char *url_safe = NULL;
  g_autofree char *unpadded = g_strndup (lines[1], strlen (lines[1]) - 1);
  g_autofree char *spaced = g_strdup_printf (" %s", lines[1]);
  g_autofree char *truncated = g_strndup (lines[1], strlen (lines[1]) - 4);
  g_autofree char *loose_bits = g_strdup (lines[1]);
  g_autofree char *comment_short = g_strndup (lines[3], strlen (lines[3]) - 4);
  struct
  {
    guint       line;
    const char *text;
  } cases[] = {
    { 2, with_star }, { 2, NULL }, { 2, unpadded }, { 2, spaced }, { 2, truncated },
    { 2, loose_bits }, { 4, comment_short }, { 4, "" },
  };
  g_autoptr(GError) error = NULL;

  with_star[10] = '*';
  /* The URL-safe alphabet is another variant: refused even when only one
   * character differs. */
  url_safe = g_strdup (lines[1]);
  for (char *c = url_safe; *c != '\0'; c++)
    *c = *c == '+' ? '-' : *c == '/' ? '_' : *c;
  if (g_str_equal (url_safe, lines[1]))
    url_safe[0] = '-';
  cases[1].text = url_safe;
  /* 74 bytes end in one "=": the character before it carries 2 padding bits
   * that must be zero, so "…wU=" and "…wV=" cannot both be the signature. */
  {
    gsize last = strlen (loose_bits) - 2;
    const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    gsize value = (gsize) (strchr (alphabet, loose_bits[last]) - alphabet);

    loose_bits[last] = alphabet[value | 1];
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *changed = replace_line (signature_text, cases[i].line, cases[i].text);
      g_autoptr(RetractMinisignSignature) signature = parse_signature (changed, &error);
      g_autofree char *prefix = g_strdup_printf ("rules.json.minisig:%u: ", cases[i].line);

      g_test_message ("case %u", i);
      g_assert_null (signature);
      g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_MALFORMED);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_nonnull (strstr (error->message, "base64"));
      g_clear_error (&error);
    }
}

static void
test_signature_oversized (void)
{
  g_autofree TestKey *key = test_key_new ();
  g_autoptr(GString) big = g_string_new ("untrusted comment: ");
  g_autofree char *signature_text = sign (key, "rules");
  g_autoptr(RetractMinisignSignature) signature = NULL;
  g_autoptr(GError) error = NULL;

  while (big->len < RETRACT_MINISIGN_MAX_BYTES - strlen (signature_text))
    g_string_append_c (big, 'x');
  g_string_append (big, strchr (signature_text, '\n'));
  g_assert_cmpuint (big->len, <=, RETRACT_MINISIGN_MAX_BYTES);

  /* At the cap it is read; one byte more and it is not. */
  signature = parse_signature (big->str, &error);
  g_assert_no_error (error);
  g_clear_pointer (&signature, retract_minisign_signature_free);

  while (big->len <= RETRACT_MINISIGN_MAX_BYTES)
    g_string_insert_c (big, 20, 'x');
  signature = parse_signature (big->str, &error);
  g_assert_null (signature);
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "rules.json.minisig: a signature file is at most 4096 bytes; this one has 4097");
}

static void
test_signature_strict_lines (void)
{
  g_autofree TestKey *key = test_key_new ();
  g_autofree char *signature_text = sign (key, "rules");
  g_autofree char *no_final_newline = g_strndup (signature_text, strlen (signature_text) - 1);
  g_autofree char *extra_line = g_strconcat (signature_text, "\n", NULL);
  g_autofree char *crlf = NULL;
  g_autofree char *evil_untrusted = replace_line (signature_text, 1,
                                                  "untrusted comment: EVIL\033[2J");
  g_autofree char *evil_trusted = replace_line (signature_text, 3,
                                                "trusted comment: EVIL\033[2J");
  g_autofree char *bidi_trusted = replace_line (signature_text, 3,
                                                "trusted comment: EVIL\u202Egnp.exe");
  g_autofree char *wrong_prefix = replace_line (signature_text, 3, "Trusted comment: EVIL");
  g_autofree char *no_space = replace_line (signature_text, 1, "untrusted comment:EVIL");
  g_autoptr(GString) with_nul = g_string_new (signature_text);
  g_autoptr(GString) not_utf8 = g_string_new (signature_text);
  g_autoptr(GString) crlf_text = g_string_new (signature_text);
  struct
  {
    const char *text;
    gsize       length;
    const char *message;
  } cases[] = {
    { "", 0, "rules.json.minisig: the signature file is empty" },
    { no_final_newline, 0, "rules.json.minisig:4: the line does not end with a line feed" },
    { extra_line, 0, "rules.json.minisig: a signature file has exactly 4 lines; this one has more" },
    { NULL, 0, "rules.json.minisig:1: the line holds a carriage return; "
                "a signature file has Unix line ends" },
    { evil_trusted, 0, "rules.json.minisig:3: the trusted comment holds a control or bidi character" },
    { bidi_trusted, 0, "rules.json.minisig:3: the trusted comment holds a control or bidi character" },
    { wrong_prefix, 0, "rules.json.minisig:3: the line does not start with “trusted comment: ”" },
    { no_space, 0, "rules.json.minisig:1: the line does not start with “untrusted comment: ”" },
    { NULL, 0, "rules.json.minisig:1: the line holds a NUL byte" },
    { NULL, 0, "rules.json.minisig:1: the line is not valid UTF-8" },
    { "untrusted comment: EVIL\n", 0,
      "rules.json.minisig: a signature file has exactly 4 lines; this one has 1" },
  };
  g_autoptr(GError) error = NULL;

  g_string_replace (crlf_text, "\n", "\r\n", 0);
  crlf = g_strdup (crlf_text->str);
  cases[3].text = crlf;
  g_string_insert_len (with_nul, 5, "\0EVIL", 5);
  cases[8].text = with_nul->str;
  cases[8].length = with_nul->len;
  g_string_insert (not_utf8, 5, "EVIL\xff");
  cases[9].text = not_utf8->str;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length ? cases[i].length : strlen (cases[i].text);
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].text, length);
      g_autoptr(RetractMinisignSignature) signature = NULL;

      g_test_message ("case %u", i);
      signature = retract_minisign_signature_new_from_bytes (bytes, "rules.json.minisig", &error);
      g_assert_null (signature);
      g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_MALFORMED);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      assert_not_echoed (error, "EVIL");
      g_clear_error (&error);
    }

  /* The untrusted comment is never used: anything printable goes. */
  {
    g_autoptr(RetractMinisignSignature) signature = parse_signature (evil_untrusted, &error);

    g_assert_no_error (error);
  }
}

static void
test_public_key_forms (void)
{
  g_autofree TestKey *key = test_key_new ();
  g_autofree char *line = test_key_line (key);
  g_autofree char *pub = g_strdup_printf ("untrusted comment: minisign public key %s\n%s\n",
                                          test_key_id (key), line);
  g_autofree char *with_newline = g_strconcat (line, "\n", NULL);
  g_autofree char *three_lines = g_strconcat ("untrusted comment: a\n", pub, NULL);
  g_autofree char *bad_prefix = g_strdup_printf ("comment: EVIL\n%s\n", line);
  g_autofree char *short_line = g_strndup (line, 52);
  g_autoptr(GBytes) root_1 = read_source_file ("data/keys/root-1.pub");
  const char *accepted[] = { line, pub, with_newline };
  struct
  {
    const char *text;
    const char *message;
  } refused[] = {
    { three_lines, "a public key has at most 2 lines" },
    { bad_prefix, "line 1 of the public key does not start with “untrusted comment: ”" },
    { short_line, "the public key is not the base64 of 42 bytes" },
    { "", "the public key is not the base64 of 42 bytes" },
    /* "ED" + id + key: a signature algorithm, not a key's. */
    { "RUQJSYZQAWauZPNLjO67Sn72NS/65zXxY5BUlGhx4iZjwlJrbedl6YDB",
      "the public key’s algorithm is 0x4544, not Ed" },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(RetractMinisignKey) public_key =
        retract_minisign_key_new_from_text (accepted[i], strlen (accepted[i]), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (retract_minisign_key_get_id (public_key), ==, test_key_id (key));
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(RetractMinisignKey) public_key =
        retract_minisign_key_new_from_text (refused[i].text, strlen (refused[i].text), &error);

      g_assert_null (public_key);
      g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_MALFORMED);
      g_assert_cmpstr (error->message, ==, refused[i].message);
      g_clear_error (&error);
    }

  /* minisign prints the id as a little-endian number. */
  {
    gsize length;
    const char *text = g_bytes_get_data (root_1, &length);
    g_autoptr(RetractMinisignKey) public_key = retract_minisign_key_new_from_text (text, length,
                                                                                   &error);

    g_assert_no_error (error);
    g_assert_cmpstr (retract_minisign_key_get_id (public_key), ==, SHIPPED_ROOT_1);
  }
}

/* The minisign tool's own files read and verified; its legacy format refused. */
static void
test_minisign_tool (void)
{
  g_autofree char *folder = g_build_filename (g_get_tmp_dir (), "minisign-XXXXXX", NULL);
  g_autofree char *public_path = NULL;
  g_autofree char *secret_path = NULL;
  g_autofree char *data_path = NULL;
  g_autofree char *signature_path = NULL;
  g_autofree char *public_text = NULL;
  g_autofree char *signature_text = NULL;
  g_autoptr(RetractMinisignKey) public_key = NULL;
  g_autoptr(RetractMinisignSignature) signature = NULL;
  g_autoptr(GError) error = NULL;
  const char *data = "{\"kind\": \"io.github.retractapp.Retract/rules\"}\n";
  int status = 0;

  g_assert_nonnull (g_mkdtemp (folder));
  public_path = g_build_filename (folder, "test.pub", NULL);
  secret_path = g_build_filename (folder, "test.key", NULL);
  data_path = g_build_filename (folder, "rules.json", NULL);
  signature_path = g_build_filename (folder, "rules.json.minisig", NULL);
  g_file_set_contents (data_path, data, -1, &error);
  g_assert_no_error (error);

  {
    const char *generate[] = { "minisign", "-G", "-W", "-p", public_path, "-s", secret_path, NULL };
    const char *prehashed[] = { "minisign", "-S", "-s", secret_path, "-m", data_path,
                                "-t", "version=7", NULL };

    g_spawn_sync (folder, (char **) generate, NULL,
                  G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_spawn_sync (folder, (char **) prehashed, NULL,
                  G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  g_file_get_contents (public_path, &public_text, NULL, &error);
  g_assert_no_error (error);
  public_key = retract_minisign_key_new_from_text (public_text, strlen (public_text), &error);
  g_assert_no_error (error);
  g_file_get_contents (signature_path, &signature_text, NULL, &error);
  g_assert_no_error (error);
  signature = parse_signature (signature_text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (retract_minisign_signature_get_trusted_comment (signature), ==, "version=7");
  g_assert_cmpstr (retract_minisign_signature_get_key_id (signature), ==,
                   retract_minisign_key_get_id (public_key));
  g_assert_true (retract_minisign_verify (signature, public_key, (const guint8 *) data,
                                          strlen (data), &error));
  g_assert_no_error (error);
  g_assert_false (retract_minisign_verify (signature, public_key, (const guint8 *) data,
                                           strlen (data) - 1, &error));
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_BAD_SIGNATURE);
  g_clear_error (&error);

  {
    const char *legacy[] = { "minisign", "-S", "-l", "-s", secret_path, "-m", data_path, NULL };
    g_autoptr(RetractMinisignSignature) legacy_signature = NULL;

    g_clear_pointer (&signature_text, g_free);
    g_spawn_sync (folder, (char **) legacy, NULL,
                  G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_file_get_contents (signature_path, &signature_text, NULL, &error);
    g_assert_no_error (error);
    legacy_signature = parse_signature (signature_text, &error);
    g_assert_null (legacy_signature);
    g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_LEGACY);
  }

  g_assert_no_errno (g_remove (signature_path));
  g_assert_no_errno (g_remove (data_path));
  g_assert_no_errno (g_remove (public_path));
  g_assert_no_errno (g_remove (secret_path));
  g_assert_no_errno (g_rmdir (folder));
}

/* The key list shipped in data/keys, against the compiled-in roots. */
static void
test_shipped_key_list (void)
{
  g_autoptr(GBytes) keys = read_source_file ("data/keys/keys.json");
  g_autoptr(GBytes) signature = read_source_file ("data/keys/keys.json.minisig");
  g_autoptr(GDateTime) now = at ("2026-12-01T12:00:00+08:00");
  g_autoptr(GDateTime) after = at ("2027-12-01T00:00:00+08:00");
  g_autoptr(RetractKeyList) list = NULL;
  g_autoptr(GError) error = NULL;

  list = retract_key_list_new_verified (keys, signature, retract_trust_get_roots (), now, 1,
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpint (retract_key_list_get_version (list), ==, 1);
  g_assert_nonnull (retract_key_list_lookup (list, SHIPPED_RELEASE_KEY, &error));
  g_assert_no_error (error);

  /* A root key signs the list; it is not a release key. */
  g_assert_null (retract_key_list_lookup (list, SHIPPED_ROOT_1, &error));
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_UNKNOWN_KEY);
  g_clear_error (&error);
  g_clear_object (&list);

  /* It expires at its "expires", exactly. */
  list = retract_key_list_new_verified (keys, signature, retract_trust_get_roots (), after, 0,
                                        &error);
  g_assert_null (list);
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_EXPIRED);
  g_assert_cmpstr (error->message, ==,
                   "keys.json: the key list expired at 2027-12-01T00:00:00+08:00");
}

/* The compiled-in roots are exactly data/keys/root-*.pub. */
static void
test_compiled_roots (void)
{
  g_autofree char *folder = g_build_filename (g_getenv ("RETRACT_SOURCE_ROOT"), "data", "keys",
                                              NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GPtrArray *roots = retract_trust_get_roots ();
  const char *name;

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "root-") && g_str_has_suffix (name, ".pub"))
      {
        g_autofree char *relative = g_build_filename ("data", "keys", name, NULL);
        g_autoptr(GBytes) text = read_source_file (relative);
        g_autoptr(RetractMinisignKey) key = NULL;
        gsize length;
        const char *data = g_bytes_get_data (text, &length);

        key = retract_minisign_key_new_from_text (data, length, &error);
        g_assert_no_error (error);
        g_ptr_array_add (ids, g_strdup (retract_minisign_key_get_id (key)));
      }

  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpuint (roots->len, ==, ids->len);
  for (guint i = 0; i < roots->len; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (ids,
                                                     retract_minisign_key_get_id (roots->pdata[i]),
                                                     g_str_equal, NULL));
}

/* Two roots and two release keys made for the test. */
typedef struct
{
  TestKey   *root_1;
  TestKey   *root_2;
  TestKey   *release;
  TestKey   *other_release;
  GPtrArray *roots;
  GDateTime *now;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->root_1 = test_key_new ();
  fixture->root_2 = test_key_new ();
  fixture->release = test_key_new ();
  fixture->other_release = test_key_new ();
  fixture->roots = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_minisign_key_free);
  g_ptr_array_add (fixture->roots, test_key_public (fixture->root_1));
  g_ptr_array_add (fixture->roots, test_key_public (fixture->root_2));
  fixture->now = at ("2026-12-15T10:00:00+08:00");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->root_1);
  g_free (fixture->root_2);
  g_free (fixture->release);
  g_free (fixture->other_release);
  g_ptr_array_unref (fixture->roots);
  g_date_time_unref (fixture->now);
}

/* A key list naming @listed as release keys and revoking @revoked. */
static char *
key_list_text (int            version,
               const char    *issued,
               const char    *expires,
               const TestKey *listed[],
               const TestKey *revoked[])
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text,
                          "{\n  \"kind\": \"io.github.retractapp.Retract/keys\",\n"
                          "  \"version\": %d,\n  \"issued\": \"%s\",\n  \"expires\": \"%s\",\n"
                          "  \"keys\": [", version, issued, expires);
  for (guint i = 0; listed != NULL && listed[i] != NULL; i++)
    {
      g_autofree char *line = test_key_line (listed[i]);

      g_string_append_printf (text, "%s\n    {\"id\": \"%s\", \"public_key\": \"%s\", "
                              "\"purpose\": \"rules\"}", i > 0 ? "," : "",
                              test_key_id (listed[i]), line);
    }
  g_string_append (text, "],\n  \"revoked\": [");
  for (guint i = 0; revoked != NULL && revoked[i] != NULL; i++)
    g_string_append_printf (text, "%s\"%s\"", i > 0 ? ", " : "", test_key_id (revoked[i]));
  g_string_append (text, "]\n}\n");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static RetractKeyList *
verify_list (Fixture       *fixture,
             const char    *text,
             const TestKey *signer,
             gint64         stored_version,
             GError       **error)
{
  g_autofree char *signature_text = sign_full (signer, text, strlen (text), "ED", NULL,
                                               "io.github.retractapp.Retract/keys");
  g_autoptr(GBytes) bytes = text_bytes (text);
  g_autoptr(GBytes) signature = text_bytes (signature_text);

  return retract_key_list_new_verified (bytes, signature, fixture->roots, fixture->now,
                                        stored_version, error);
}

#define ISSUED "2026-12-01T00:00:00+08:00"
#define EXPIRES "2027-03-01T00:00:00+08:00"

static void
test_key_list_valid (Fixture       *fixture,
                     gconstpointer  data)
{
  const TestKey *listed[] = { fixture->release, NULL };
  g_autofree char *text = key_list_text (3, ISSUED, EXPIRES, listed, NULL);
  g_autoptr(RetractKeyList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rules_signature = sign (fixture->release, "rules");
  g_autoptr(RetractMinisignSignature) signature = parse_signature (rules_signature, &error);

  g_assert_no_error (error);

  /* Either root may sign it. */
  list = verify_list (fixture, text, fixture->root_2, 0, &error);
  g_assert_no_error (error);
  g_clear_object (&list);
  list = verify_list (fixture, text, fixture->root_1, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (retract_key_list_get_version (list), ==, 3);
  g_assert_true (retract_key_list_verify (list, signature, (const guint8 *) "rules", 5, &error));
  g_assert_no_error (error);

  /* The release key's signature still has to match. */
  g_assert_false (retract_key_list_verify (list, signature, (const guint8 *) "rulez", 5, &error));
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_BAD_SIGNATURE);
}

static void
test_key_list_rules_by_root (Fixture       *fixture,
                             gconstpointer  data)
{
  const TestKey *listed[] = { fixture->release, NULL };
  g_autofree char *text = key_list_text (1, ISSUED, EXPIRES, listed, NULL);
  g_autoptr(RetractKeyList) list = verify_list (fixture, text, fixture->root_1, 0, NULL);
  g_autofree char *rules_signature = sign (fixture->root_1, "rules");
  g_autoptr(RetractMinisignSignature) signature = parse_signature (rules_signature, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (list);
  g_assert_false (retract_key_list_verify (list, signature, (const guint8 *) "rules", 5, &error));
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_UNKNOWN_KEY);
  expected = g_strdup_printf ("key %s is not a release key of the key list (version 1)",
                              test_key_id (fixture->root_1));
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_key_list_root_listed (Fixture       *fixture,
                           gconstpointer  data)
{
  const TestKey *listed[] = { fixture->release, fixture->root_2, NULL };
  g_autofree char *text = key_list_text (1, ISSUED, EXPIRES, listed, NULL);
  g_autoptr(RetractKeyList) list = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  list = verify_list (fixture, text, fixture->root_1, 0, &error);
  g_assert_null (list);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE);
  expected = g_strdup_printf ("keys.json: key %s is a root key; root keys sign only the key "
                              "list, never the rules", test_key_id (fixture->root_2));
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_key_list_by_release_key (Fixture       *fixture,
                              gconstpointer  data)
{
  const TestKey *listed[] = { fixture->release, NULL };
  g_autofree char *text = key_list_text (2, ISSUED, EXPIRES, listed, NULL);
  g_autoptr(RetractKeyList) list = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  list = verify_list (fixture, text, fixture->release, 0, &error);
  g_assert_null (list);
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_UNKNOWN_KEY);
  expected = g_strdup_printf ("keys.json.minisig: the key list is signed by key %s, which is "
                              "not one of Retract’s root keys", test_key_id (fixture->release));
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_key_list_tampered (Fixture       *fixture,
                        gconstpointer  data)
{
  const TestKey *listed[] = { fixture->release, NULL };
  const TestKey *more[] = { fixture->release, fixture->other_release, NULL };
  g_autofree char *text = key_list_text (2, ISSUED, EXPIRES, listed, NULL);
  g_autofree char *longer = key_list_text (2, ISSUED, EXPIRES, more, NULL);
  g_autofree char *signature_text = sign_full (fixture->root_1, text, strlen (text), "ED", NULL,
                                               "keys");
  g_autofree char *forged = sign_full (fixture->other_release, longer, strlen (longer), "ED",
                                       fixture->root_1->key_id, "keys");
  g_autoptr(GBytes) signature = text_bytes (signature_text);
  g_autoptr(GBytes) forged_signature = text_bytes (forged);
  g_autoptr(GBytes) bytes = text_bytes (longer);
  g_autoptr(RetractKeyList) list = NULL;
  g_autoptr(GError) error = NULL;

  /* A key added to a signed list. */
  list = retract_key_list_new_verified (bytes, signature, fixture->roots, fixture->now, 0, &error);
  g_assert_null (list);
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_BAD_SIGNATURE);
  g_assert_true (g_str_has_prefix (error->message, "keys.json.minisig: the signature by key "));
  g_clear_error (&error);

  /* A list signed by another key under a root's id. */
  list = retract_key_list_new_verified (bytes, forged_signature, fixture->roots, fixture->now, 0,
                                        &error);
  g_assert_null (list);
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_BAD_SIGNATURE);
}

static void
test_key_list_expired (Fixture       *fixture,
                       gconstpointer  data)
{
  const TestKey *listed[] = { fixture->release, NULL };
  g_autofree char *expired = key_list_text (5, "2026-09-01T00:00:00+08:00",
                                            "2026-12-15T09:59:59+08:00", listed, NULL);
  g_autofree char *at_now = key_list_text (5, "2026-09-01T00:00:00+08:00",
                                           "2026-12-15T10:00:00+08:00", listed, NULL);
  g_autofree char *just_valid = key_list_text (5, "2026-09-01T00:00:00+08:00",
                                               "2026-12-15T10:00:01+08:00", listed, NULL);
  g_autoptr(RetractKeyList) list = NULL;
  g_autoptr(GError) error = NULL;

  list = verify_list (fixture, expired, fixture->root_1, 0, &error);
  g_assert_null (list);
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_EXPIRED);
  g_assert_cmpstr (error->message, ==,
                   "keys.json: the key list expired at 2026-12-15T09:59:59+08:00");
  g_clear_error (&error);

  list = verify_list (fixture, at_now, fixture->root_1, 0, &error);
  g_assert_null (list);
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_EXPIRED);
  g_clear_error (&error);

  list = verify_list (fixture, just_valid, fixture->root_1, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_clear_object (&list);

  /* The expiry is checked before the version: both wrong names the expiry. */
  list = verify_list (fixture, expired, fixture->root_1, 9, &error);
  g_assert_null (list);
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_EXPIRED);
}

static void
test_key_list_future (Fixture       *fixture,
                      gconstpointer  data)
{
  const TestKey *listed[] = { fixture->release, NULL };
  g_autofree char *one_day = key_list_text (1, "2026-12-16T10:00:00+08:00", EXPIRES, listed, NULL);
  g_autofree char *too_far = key_list_text (1, "2026-12-16T10:00:01+08:00", EXPIRES, listed, NULL);
  g_autoptr(RetractKeyList) list = NULL;
  g_autoptr(GError) error = NULL;

  /* A clock a day behind is tolerated; more is not. */
  list = verify_list (fixture, one_day, fixture->root_1, 0, &error);
  g_assert_no_error (error);
  g_clear_object (&list);

  list = verify_list (fixture, too_far, fixture->root_1, 0, &error);
  g_assert_null (list);
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_NOT_YET_VALID);
  g_assert_cmpstr (error->message, ==,
                   "keys.json: the key list is issued at 2026-12-16T10:00:01+08:00, more than a "
                   "day after this computer’s clock (2026-12-15T10:00:00+08:00)");
}

static void
test_key_list_rolled_back (Fixture       *fixture,
                           gconstpointer  data)
{
  const TestKey *listed[] = { fixture->release, NULL };
  g_autofree char *text = key_list_text (4, ISSUED, EXPIRES, listed, NULL);
  g_autoptr(RetractKeyList) list = NULL;
  g_autoptr(GError) error = NULL;

  list = verify_list (fixture, text, fixture->root_1, 5, &error);
  g_assert_null (list);
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_ROLLED_BACK);
  g_assert_cmpstr (error->message, ==,
                   "keys.json: the key list has version 4, older than the stored one (version 5)");
  g_clear_error (&error);

  /* The same version again is the stored list, published once more. */
  list = verify_list (fixture, text, fixture->root_1, 4, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
}

static void
test_key_list_revoked (Fixture       *fixture,
                       gconstpointer  data)
{
  const TestKey *listed[] = { fixture->other_release, NULL };
  const TestKey *revoked[] = { fixture->release, NULL };
  g_autofree char *text = key_list_text (2, ISSUED, EXPIRES, listed, revoked);
  g_autoptr(RetractKeyList) list = verify_list (fixture, text, fixture->root_1, 1, NULL);
  g_autofree char *rules_signature = sign (fixture->release, "rules");
  g_autoptr(RetractMinisignSignature) signature = parse_signature (rules_signature, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (list);
  g_assert_false (retract_key_list_verify (list, signature, (const guint8 *) "rules", 5, &error));
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_REVOKED);
  expected = g_strdup_printf ("key %s is revoked by the key list (version 2)",
                              test_key_id (fixture->release));
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_null (retract_key_list_lookup (list, test_key_id (fixture->release), &error));
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_REVOKED);
  g_clear_error (&error);
  g_assert_nonnull (retract_key_list_lookup (list, test_key_id (fixture->other_release), &error));
  g_assert_no_error (error);

  /* A list that both lists and revokes a key is refused. */
  {
    const TestKey *both[] = { fixture->release, NULL };
    g_autofree char *contradiction = key_list_text (3, ISSUED, EXPIRES, both, revoked);
    g_autoptr(RetractKeyList) refused = verify_list (fixture, contradiction, fixture->root_1, 0,
                                                     &error);

    g_assert_null (refused);
    g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE);
    g_assert_nonnull (strstr (error->message, "$.revoked[0]: key "));
    g_assert_nonnull (strstr (error->message, " is both listed and revoked"));
  }
}

/* The checks run in the design's order: signature, kind, expiry, issue
 * time, version; with two things wrong, the first is named. */
static void
test_key_list_order (Fixture       *fixture,
                     gconstpointer  data)
{
  const TestKey *listed[] = { fixture->release, NULL };
  g_autofree char *text = key_list_text (2, "2026-09-01T00:00:00+08:00",
                                         "2026-12-01T00:00:00+08:00", listed, NULL);
  g_autofree char *future = key_list_text (2, "2026-12-20T00:00:00+08:00", EXPIRES, listed, NULL);
  g_autoptr(GString) other_kind = NULL;
  g_autoptr(RetractKeyList) list = NULL;
  g_autoptr(GError) error = NULL;

  other_kind = g_string_new (text);
  g_string_replace (other_kind, "Retract/keys", "Retract/rules", 1);

  /* Expired, of another kind and signed by a release key: the signature. */
  list = verify_list (fixture, other_kind->str, fixture->release, 9, &error);
  g_assert_null (list);
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_UNKNOWN_KEY);
  g_clear_error (&error);

  /* Expired and of another kind: the kind. */
  list = verify_list (fixture, other_kind->str, fixture->root_1, 9, &error);
  g_assert_null (list);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  /* Issued in the future and rolled back: the issue time. */
  list = verify_list (fixture, future, fixture->root_1, 9, &error);
  g_assert_null (list);
  g_assert_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_NOT_YET_VALID);
}

/* The format of a list with a valid signature, one change at a time. */
static void
test_key_list_format (Fixture       *fixture,
                      gconstpointer  data)
{
  const TestKey *listed[] = { fixture->release, NULL };
  g_autofree char *good = key_list_text (2, ISSUED, EXPIRES, listed, NULL);
  g_autofree char *line = test_key_line (fixture->release);
  g_autofree char *other_line = test_key_line (fixture->other_release);
  g_autofree char *lower_id = g_ascii_strdown (test_key_id (fixture->release), -1);
  struct
  {
    const char *from;
    const char *to;
    int         code;
    const char *message;
  } cases[] = {
    { "Retract/keys", "Retract/rules", RETRACT_DATA_ERROR_UNSUPPORTED,
      "keys.json:2:3: $.kind: must be “io.github.retractapp.Retract/keys”: this file is not "
      "Retract’s key list" },
    { "\"version\": 2", "\"version\": 0", RETRACT_DATA_ERROR_OUT_OF_RANGE, NULL },
    { "\"version\": 2", "\"version\": \"2\"", RETRACT_DATA_ERROR_WRONG_TYPE, NULL },
    { ISSUED, "2026-12-01 00:00", RETRACT_DATA_ERROR_BAD_VALUE,
      "keys.json:4:3: $.issued: must be a date and time written like 2026-12-01T00:00:00+08:00" },
    { ISSUED, "2026-11-30T16:00:00Z", RETRACT_DATA_ERROR_BAD_VALUE, NULL },
    { EXPIRES, ISSUED, RETRACT_DATA_ERROR_BAD_VALUE,
      "keys.json:5:3: $.expires: must be later than “issued”" },
    { "\"purpose\": \"rules\"", "\"purpose\": \"apps\"", RETRACT_DATA_ERROR_UNSUPPORTED, NULL },
    { "\"purpose\": \"rules\"", "\"purpose\": \"rules\", \"note\": 1",
      RETRACT_DATA_ERROR_UNKNOWN_KEY, NULL },
    { line, other_line, RETRACT_DATA_ERROR_BAD_VALUE, NULL },
    { line, "RWQ", RETRACT_DATA_ERROR_BAD_VALUE, NULL },
    { test_key_id (fixture->release), lower_id, RETRACT_DATA_ERROR_BAD_VALUE, NULL },
    { "\"revoked\": []", "\"revoked\": [1]", RETRACT_DATA_ERROR_BAD_VALUE, NULL },
    { "\"revoked\": []", "\"revoked\": [], \"extra\": true", RETRACT_DATA_ERROR_UNKNOWN_KEY, NULL },
    { "\"revoked\": []", "\"revoked\": null", RETRACT_DATA_ERROR_WRONG_TYPE, NULL },
    { ",\n  \"revoked\": []", "", RETRACT_DATA_ERROR_MISSING, NULL },
    { "\"keys\": [", "\"keys\": [{\"id\": \"0000000000000000\"},", RETRACT_DATA_ERROR_MISSING,
      NULL },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new (good);
      g_autoptr(RetractKeyList) list = NULL;

      g_test_message ("case %u", i);
      g_assert_cmpuint (g_string_replace (text, cases[i].from, cases[i].to, 1), ==, 1);
      list = verify_list (fixture, text->str, fixture->root_1, 0, &error);
      g_assert_null (list);
      g_assert_error (error, RETRACT_DATA_ERROR, cases[i].code);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      g_clear_error (&error);
    }

  /* The id must be the key's own. */
  {
    g_autoptr(GString) text = g_string_new (good);
    g_autoptr(RetractKeyList) list = NULL;
    g_autofree char *expected = g_strdup_printf ("$.keys[0].id: is 0123456789ABCDEF, but the "
                                                 "public key’s id is %s",
                                                 test_key_id (fixture->release));

    g_string_replace (text, test_key_id (fixture->release), "0123456789ABCDEF", 1);
    list = verify_list (fixture, text->str, fixture->root_1, 0, &error);
    g_assert_null (list);
    g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE);
    g_assert_nonnull (strstr (error->message, expected));
    g_clear_error (&error);
  }

  /* A key listed twice. */
  {
    const TestKey *twice[] = { fixture->release, fixture->release, NULL };
    g_autofree char *text = key_list_text (2, ISSUED, EXPIRES, twice, NULL);
    g_autoptr(RetractKeyList) list = verify_list (fixture, text, fixture->root_1, 0, &error);

    g_assert_null (list);
    g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_DUPLICATE_KEY);
    g_clear_error (&error);
  }

  /* Larger than the cap: refused before its signature is read. */
  {
    g_autoptr(GString) text = g_string_new (good);
    g_autoptr(RetractKeyList) list = NULL;

    while (text->len <= RETRACT_KEY_LIST_MAX_BYTES)
      g_string_append_c (text, ' ');
    list = verify_list (fixture, text->str, fixture->root_1, 0, &error);
    g_assert_null (list);
    g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_LARGE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

  g_test_add_func ("/retract/minisign/signature/verifies", test_signature_verifies);
  g_test_add_func ("/retract/minisign/signature/flipped-byte", test_signature_flipped_byte);
  g_test_add_func ("/retract/minisign/signature/edited-comment", test_signature_edited_comment);
  g_test_add_func ("/retract/minisign/signature/swapped-lines", test_signature_swapped_lines);
  g_test_add_func ("/retract/minisign/signature/unknown-key", test_signature_unknown_key);
  g_test_add_func ("/retract/minisign/signature/forged-key-id", test_signature_forged_key_id);
  g_test_add_func ("/retract/minisign/signature/legacy", test_signature_legacy);
  g_test_add_func ("/retract/minisign/signature/bad-base64", test_signature_bad_base64);
  g_test_add_func ("/retract/minisign/signature/oversized", test_signature_oversized);
  g_test_add_func ("/retract/minisign/signature/strict-lines", test_signature_strict_lines);
  g_test_add_func ("/retract/minisign/public-key/forms", test_public_key_forms);
  g_test_add_func ("/retract/minisign/minisign-tool", test_minisign_tool);
  g_test_add_func ("/retract/minisign/shipped-key-list", test_shipped_key_list);
  g_test_add_func ("/retract/minisign/compiled-roots", test_compiled_roots);

#define ADD_LIST_TEST(path, func) \
  g_test_add ("/retract/minisign/key-list/" path, Fixture, NULL, \
              fixture_set_up, func, fixture_tear_down)
  ADD_LIST_TEST ("valid", test_key_list_valid);
  ADD_LIST_TEST ("rules-by-root", test_key_list_rules_by_root);
  ADD_LIST_TEST ("root-listed", test_key_list_root_listed);
  ADD_LIST_TEST ("by-release-key", test_key_list_by_release_key);
  ADD_LIST_TEST ("tampered", test_key_list_tampered);
  ADD_LIST_TEST ("expired", test_key_list_expired);
  ADD_LIST_TEST ("future", test_key_list_future);
  ADD_LIST_TEST ("rolled-back", test_key_list_rolled_back);
  ADD_LIST_TEST ("revoked", test_key_list_revoked);
  ADD_LIST_TEST ("order", test_key_list_order);
  ADD_LIST_TEST ("format", test_key_list_format);
#undef ADD_LIST_TEST

  return g_test_run ();
}
