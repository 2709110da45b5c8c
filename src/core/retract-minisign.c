/* SPDX-License-Identifier: GPL-3.0-or-later */

/* minisign signatures and public keys, read strictly and verified with
 * libsodium (the library minisign itself uses), so that publishers sign with
 * the standard `minisign -S` and nothing else.
 *
 * A public key is "Ed" + an 8-byte key id + a 32-byte Ed25519 key, in
 * base64, optionally after an "untrusted comment: " line (the `.pub` file).
 * A signature file is exactly four lines:
 *
 *   untrusted comment: <anything; never used>
 *   base64 ("ED" + key id + Ed25519 signature of BLAKE2b-512 (data))
 *   trusted comment: <text>
 *   base64 (Ed25519 signature of (the signature above || text))
 *
 * The legacy algorithm "Ed" signs the data itself; it is refused, so that
 * every signature covers a hash whatever the size of the file. Messages name
 * the line and the part that is wrong and never repeat the file's bytes: only
 * key ids, as hex, which the reader can compare with the published ones.
 */

#define G_LOG_DOMAIN "retract-minisign"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "retract-minisign.h"
#include "retract-validators.h"

#define ALGORITHM_BYTES 2
#define SIGNATURE_BYTES crypto_sign_BYTES
#define PUBLIC_KEY_BYTES crypto_sign_PUBLICKEYBYTES
#define SIGNATURE_LINE_BYTES (ALGORITHM_BYTES + RETRACT_MINISIGN_KEY_ID_BYTES + SIGNATURE_BYTES)
#define KEY_LINE_BYTES (ALGORITHM_BYTES + RETRACT_MINISIGN_KEY_ID_BYTES + PUBLIC_KEY_BYTES)

#define UNTRUSTED_PREFIX "untrusted comment: "
#define TRUSTED_PREFIX "trusted comment: "

G_DEFINE_QUARK (retract-signature-error-quark, retract_signature_error)

struct _RetractMinisignKey
{
  char   id[RETRACT_MINISIGN_KEY_ID_LENGTH + 1];
  guint8 key_id[RETRACT_MINISIGN_KEY_ID_BYTES];
  guint8 public_key[PUBLIC_KEY_BYTES];
};

struct _RetractMinisignSignature
{
  char   key_id_text[RETRACT_MINISIGN_KEY_ID_LENGTH + 1];
  guint8 key_id[RETRACT_MINISIGN_KEY_ID_BYTES];
  guint8 signature[SIGNATURE_BYTES];
  guint8 comment_signature[SIGNATURE_BYTES];
  char  *trusted_comment;
};

static void
ensure_sodium (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      /* Fails only when the library cannot work at all; nothing can be verified then. */
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialised");
      g_once_init_leave (&initialized, 1);
    }
}

/* minisign shows a key id as the 8 bytes read as a little-endian number. */
static void
format_key_id (const guint8 key_id[RETRACT_MINISIGN_KEY_ID_BYTES],
               char         text[RETRACT_MINISIGN_KEY_ID_LENGTH + 1])
{
  static const char digits[] = "0123456789ABCDEF";

  for (guint i = 0; i < RETRACT_MINISIGN_KEY_ID_BYTES; i++)
    {
      guint8 byte = key_id[RETRACT_MINISIGN_KEY_ID_BYTES - 1 - i];

      text[2 * i] = digits[byte >> 4];
      text[2 * i + 1] = digits[byte & 0xf];
    }
  text[RETRACT_MINISIGN_KEY_ID_LENGTH] = '\0';
}

/* Decodes @text (@length bytes, no terminator needed) into exactly @size
 * bytes: standard base64 with its padding, nothing ignored, nothing left
 * over, and no bits set in the padding (one encoding per value). */
static gboolean
decode_exact (const char *text,
              gsize       length,
              guint8     *out,
              gsize       size)
{
  const char *end = NULL;
  gsize decoded = 0;

  if (length != sodium_base64_ENCODED_LEN (size, sodium_base64_VARIANT_ORIGINAL) - 1)
    return FALSE;

  return sodium_base642bin (out, size, text, length, NULL, &decoded, &end,
                            sodium_base64_VARIANT_ORIGINAL) == 0 &&
         end == text + length && decoded == size;
}

static gboolean
has_prefix (const char *line,
            gsize       length,
            const char *prefix)
{
  gsize prefix_length = strlen (prefix);

  return length >= prefix_length && memcmp (line, prefix, prefix_length) == 0;
}

/**
 * retract_minisign_key_new_from_text:
 * @text: a minisign public key: the two lines of a `.pub` file, or only
 *   its base64 line (a final line feed is allowed)
 * @length: the length of @text in bytes
 *
 * Returns: (transfer full) (nullable): the key
 */
RetractMinisignKey *
retract_minisign_key_new_from_text (const char *text,
                                    gsize       length,
                                    GError    **error)
{
  g_autoptr(RetractMinisignKey) key = NULL;
  guint8 decoded[KEY_LINE_BYTES];
  const char *line = text;
  const char *newline;
  gsize line_length;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > RETRACT_MINISIGN_MAX_BYTES)
    {
      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_TOO_LARGE,
                   _("a public key is at most %d bytes; this one has %zu"),
                   RETRACT_MINISIGN_MAX_BYTES, length);
      return NULL;
    }

  if (length > 0 && text[length - 1] == '\n')
    length--;

  /* The `.pub` form: the comment line, then the key. */
  newline = memchr (text, '\n', length);
  if (newline != NULL)
    {
      if (!has_prefix (text, (gsize) (newline - text), UNTRUSTED_PREFIX))
        {
          g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_MALFORMED,
                       _("line 1 of the public key does not start with “%s”"),
                       UNTRUSTED_PREFIX);
          return NULL;
        }
      line = newline + 1;
    }
  line_length = length - (gsize) (line - text);

  if (memchr (line, '\n', line_length) != NULL)
    {
      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_MALFORMED,
                   _("a public key has at most 2 lines"));
      return NULL;
    }

  if (!decode_exact (line, line_length, decoded, sizeof decoded))
    {
      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_MALFORMED,
                   _("the public key is not the base64 of %d bytes"), KEY_LINE_BYTES);
      return NULL;
    }

  if (memcmp (decoded, "Ed", ALGORITHM_BYTES) != 0)
    {
      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_MALFORMED,
                   _("the public key’s algorithm is 0x%02X%02X, not Ed"),
                   decoded[0], decoded[1]);
      return NULL;
    }

  key = g_new0 (RetractMinisignKey, 1);
  memcpy (key->key_id, decoded + ALGORITHM_BYTES, RETRACT_MINISIGN_KEY_ID_BYTES);
  memcpy (key->public_key, decoded + ALGORITHM_BYTES + RETRACT_MINISIGN_KEY_ID_BYTES,
          PUBLIC_KEY_BYTES);
  format_key_id (key->key_id, key->id);
  return g_steal_pointer (&key);
}

/**
 * retract_minisign_key_copy:
 *
 * Returns: (transfer full): a copy of @key
 */
RetractMinisignKey *
retract_minisign_key_copy (const RetractMinisignKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return g_memdup2 (key, sizeof *key);
}

void
retract_minisign_key_free (RetractMinisignKey *key)
{
  g_free (key);
}

/**
 * retract_minisign_key_get_id:
 *
 * Returns: the key id as minisign shows it: 16 upper-case hex digits
 */
const char *
retract_minisign_key_get_id (const RetractMinisignKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return key->id;
}

void
retract_minisign_signature_free (RetractMinisignSignature *signature)
{
  if (signature == NULL)
    return;

  g_free (signature->trusted_comment);
  g_free (signature);
}

static void
set_line_error (GError    **error,
                int         code,
                const char *display_name,
                guint       line,
                const char *message)
{
  g_set_error (error, RETRACT_SIGNATURE_ERROR, code, "%s:%u: %s", display_name, line, message);
}

/* Every line: no NUL, no carriage return (the file is written with Unix line
 * ends), valid UTF-8; the trusted comment also none of the characters that
 * could disguise what is shown. */
static gboolean
check_line_text (const char *line,
                 gsize       length,
                 guint       number,
                 const char *display_name,
                 GError    **error)
{
  if (memchr (line, '\0', length) != NULL)
    {
      set_line_error (error, RETRACT_SIGNATURE_ERROR_MALFORMED, display_name, number,
                      _("the line holds a NUL byte"));
      return FALSE;
    }
  if (memchr (line, '\r', length) != NULL)
    {
      set_line_error (error, RETRACT_SIGNATURE_ERROR_MALFORMED, display_name, number,
                      _("the line holds a carriage return; a signature file has Unix line ends"));
      return FALSE;
    }
  if (!g_utf8_validate_len (line, length, NULL))
    {
      set_line_error (error, RETRACT_SIGNATURE_ERROR_MALFORMED, display_name, number,
                      _("the line is not valid UTF-8"));
      return FALSE;
    }

  return TRUE;
}

/**
 * retract_minisign_signature_new_from_bytes:
 * @bytes: a `.minisig` file
 * @display_name: how to name the file in messages (already safe to show)
 * @error: `name:line: what is wrong`
 *
 * Reads a signature strictly: at most %RETRACT_MINISIGN_MAX_BYTES, exactly
 * four lines each ending in a line feed, the exact prefixes, base64 of the
 * exact lengths, the prehashed algorithm "ED".
 *
 * Returns: (transfer full) (nullable): the signature
 */
RetractMinisignSignature *
retract_minisign_signature_new_from_bytes (GBytes     *bytes,
                                           const char *display_name,
                                           GError    **error)
{
  g_autoptr(RetractMinisignSignature) signature = NULL;
  const char *lines[4];
  gsize lengths[4];
  guint8 decoded[SIGNATURE_LINE_BYTES];
  const char *data;
  gsize size, offset = 0;
  guint n_lines = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > RETRACT_MINISIGN_MAX_BYTES)
    {
      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_TOO_LARGE,
                   _("%s: a signature file is at most %d bytes; this one has %zu"),
                   display_name, RETRACT_MINISIGN_MAX_BYTES, size);
      return NULL;
    }
  if (size == 0)
    {
      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_MALFORMED,
                   _("%s: the signature file is empty"), display_name);
      return NULL;
    }

  while (offset < size)
    {
      const char *start = data + offset;
      const char *newline = memchr (start, '\n', size - offset);

      if (n_lines == G_N_ELEMENTS (lines))
        {
          g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_MALFORMED,
                       _("%s: a signature file has exactly 4 lines; this one has more"),
                       display_name);
          return NULL;
        }
      if (newline == NULL)
        {
          set_line_error (error, RETRACT_SIGNATURE_ERROR_MALFORMED, display_name, n_lines + 1,
                          _("the line does not end with a line feed"));
          return NULL;
        }

      lines[n_lines] = start;
      lengths[n_lines] = (gsize) (newline - start);
      if (!check_line_text (lines[n_lines], lengths[n_lines], n_lines + 1, display_name, error))
        return NULL;
      n_lines++;
      offset += (gsize) (newline - start) + 1;
    }

  if (n_lines != G_N_ELEMENTS (lines))
    {
      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_MALFORMED,
                   _("%s: a signature file has exactly 4 lines; this one has %u"),
                   display_name, n_lines);
      return NULL;
    }

  if (!has_prefix (lines[0], lengths[0], UNTRUSTED_PREFIX))
    {
      set_line_error (error, RETRACT_SIGNATURE_ERROR_MALFORMED, display_name, 1,
                      _("the line does not start with “untrusted comment: ”"));
      return NULL;
    }

  if (!decode_exact (lines[1], lengths[1], decoded, sizeof decoded))
    {
      g_autofree char *message = g_strdup_printf (_("the signature is not the base64 of %d bytes"),
                                                  SIGNATURE_LINE_BYTES);

      set_line_error (error, RETRACT_SIGNATURE_ERROR_MALFORMED, display_name, 2, message);
      return NULL;
    }
  if (memcmp (decoded, "Ed", ALGORITHM_BYTES) == 0)
    {
      set_line_error (error, RETRACT_SIGNATURE_ERROR_LEGACY, display_name, 2,
                      _("a legacy signature (algorithm Ed, from minisign -l); "
                        "only prehashed signatures (ED) are accepted"));
      return NULL;
    }
  if (memcmp (decoded, "ED", ALGORITHM_BYTES) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("the signature algorithm is 0x%02X%02X, not ED"),
                                                  decoded[0], decoded[1]);

      set_line_error (error, RETRACT_SIGNATURE_ERROR_MALFORMED, display_name, 2, message);
      return NULL;
    }

  if (!has_prefix (lines[2], lengths[2], TRUSTED_PREFIX))
    {
      set_line_error (error, RETRACT_SIGNATURE_ERROR_MALFORMED, display_name, 3,
                      _("the line does not start with “trusted comment: ”"));
      return NULL;
    }

  signature = g_new0 (RetractMinisignSignature, 1);
  signature->trusted_comment = g_strndup (lines[2] + strlen (TRUSTED_PREFIX),
                                          lengths[2] - strlen (TRUSTED_PREFIX));
  /* The comment is only informational, but a caller may show it. minisign's
   * default one separates its fields with tabs ("timestamp:…\tfile:…\thashed"),
   * which the multi-line rule allows; the line ends are already refused. */
  if (!retract_validate_characters (signature->trusted_comment, TRUE, NULL))
    {
      set_line_error (error, RETRACT_SIGNATURE_ERROR_MALFORMED, display_name, 3,
                      _("the trusted comment holds a control or bidi character"));
      return NULL;
    }

  if (!decode_exact (lines[3], lengths[3], signature->comment_signature, SIGNATURE_BYTES))
    {
      g_autofree char *message = g_strdup_printf (_("the comment signature is not the base64 of %d bytes"),
                                                  SIGNATURE_BYTES);

      set_line_error (error, RETRACT_SIGNATURE_ERROR_MALFORMED, display_name, 4, message);
      return NULL;
    }

  memcpy (signature->key_id, decoded + ALGORITHM_BYTES, RETRACT_MINISIGN_KEY_ID_BYTES);
  memcpy (signature->signature, decoded + ALGORITHM_BYTES + RETRACT_MINISIGN_KEY_ID_BYTES,
          SIGNATURE_BYTES);
  format_key_id (signature->key_id, signature->key_id_text);
  return g_steal_pointer (&signature);
}

/**
 * retract_minisign_signature_get_key_id:
 *
 * Returns: the id of the key that claims to have made @signature, as 16
 *   upper-case hex digits; only retract_minisign_verify() tells whether it did
 */
const char *
retract_minisign_signature_get_key_id (const RetractMinisignSignature *signature)
{
  g_return_val_if_fail (signature != NULL, NULL);

  return signature->key_id_text;
}

/**
 * retract_minisign_signature_get_trusted_comment:
 *
 * Returns: the trusted comment; signed once retract_minisign_verify() has
 *   passed, but informational only: decisions are taken on the signed file
 */
const char *
retract_minisign_signature_get_trusted_comment (const RetractMinisignSignature *signature)
{
  g_return_val_if_fail (signature != NULL, NULL);

  return signature->trusted_comment;
}

/**
 * retract_minisign_verify:
 * @signature: a signature read with retract_minisign_signature_new_from_bytes()
 * @public_key: the key it must be made with
 * @data: (array length=length): the signed bytes
 *
 * Checks, in this order, that @signature names @public_key's id, that it
 * signs the BLAKE2b-512 hash of @data, and that its comment signature signs
 * the signature followed by the trusted comment.
 *
 * Returns: %TRUE if all three hold
 */
gboolean
retract_minisign_verify (const RetractMinisignSignature *signature,
                         const RetractMinisignKey       *public_key,
                         const guint8                   *data,
                         gsize                           length,
                         GError                        **error)
{
  guint8 hash[crypto_generichash_BYTES_MAX];
  g_autofree guint8 *signed_comment = NULL;
  gsize comment_length;

  g_return_val_if_fail (signature != NULL, FALSE);
  g_return_val_if_fail (public_key != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ensure_sodium ();

  if (memcmp (signature->key_id, public_key->key_id, RETRACT_MINISIGN_KEY_ID_BYTES) != 0)
    {
      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_KEY_MISMATCH,
                   _("the signature names key %s, not key %s"),
                   signature->key_id_text, public_key->id);
      return FALSE;
    }

  crypto_generichash (hash, sizeof hash, data, length, NULL, 0);
  if (crypto_sign_verify_detached (signature->signature, hash, sizeof hash,
                                   public_key->public_key) != 0)
    {
      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_BAD_SIGNATURE,
                   _("the signature by key %s does not match the file: "
                     "the file was changed or the signature is forged"),
                   public_key->id);
      return FALSE;
    }

  comment_length = strlen (signature->trusted_comment);
  signed_comment = g_malloc (SIGNATURE_BYTES + comment_length);
  memcpy (signed_comment, signature->signature, SIGNATURE_BYTES);
  memcpy (signed_comment + SIGNATURE_BYTES, signature->trusted_comment, comment_length);
  if (crypto_sign_verify_detached (signature->comment_signature, signed_comment,
                                   SIGNATURE_BYTES + comment_length,
                                   public_key->public_key) != 0)
    {
      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_BAD_COMMENT,
                   _("the trusted comment’s signature by key %s does not verify: "
                     "the comment was changed"),
                   public_key->id);
      return FALSE;
    }

  return TRUE;
}
