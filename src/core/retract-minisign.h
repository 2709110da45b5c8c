/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Why a signature, a public key or a key list is refused. Problems with the
 * JSON of a key list are RETRACT_DATA_ERROR, as for every other document. */
#define RETRACT_SIGNATURE_ERROR (retract_signature_error_quark ())

typedef enum
{
  RETRACT_SIGNATURE_ERROR_TOO_LARGE,         /* over RETRACT_MINISIGN_MAX_BYTES */
  RETRACT_SIGNATURE_ERROR_MALFORMED,         /* not the minisign format: lines, prefixes, base64 */
  RETRACT_SIGNATURE_ERROR_LEGACY,            /* the unhashed "Ed" algorithm */
  RETRACT_SIGNATURE_ERROR_KEY_MISMATCH,      /* signed by another key than the one given */
  RETRACT_SIGNATURE_ERROR_UNKNOWN_KEY,       /* no trusted key has the signature's id */
  RETRACT_SIGNATURE_ERROR_REVOKED,           /* the key list revokes the signing key */
  RETRACT_SIGNATURE_ERROR_BAD_SIGNATURE,     /* the signature over the data does not verify */
  RETRACT_SIGNATURE_ERROR_BAD_COMMENT,       /* the signature over the trusted comment does not */
  RETRACT_SIGNATURE_ERROR_EXPIRED,           /* a key list past its expiry */
  RETRACT_SIGNATURE_ERROR_NOT_YET_VALID,     /* a key list issued more than a day ahead */
  RETRACT_SIGNATURE_ERROR_ROLLED_BACK,       /* a key list older than the stored one */
} RetractSignatureError;

/* A `.minisig` is four short lines; anything larger is refused unread. */
#define RETRACT_MINISIGN_MAX_BYTES 4096

/* minisign's key ids: 8 bytes, shown as 16 upper-case hex digits. */
#define RETRACT_MINISIGN_KEY_ID_BYTES 8
#define RETRACT_MINISIGN_KEY_ID_LENGTH 16

typedef struct _RetractMinisignKey RetractMinisignKey;
typedef struct _RetractMinisignSignature RetractMinisignSignature;

GQuark                    retract_signature_error_quark             (void);

RetractMinisignKey       *retract_minisign_key_new_from_text        (const char                     *text,
                                                                     gsize                           length,
                                                                     GError                        **error);
RetractMinisignKey       *retract_minisign_key_copy                 (const RetractMinisignKey       *key);
void                      retract_minisign_key_free                 (RetractMinisignKey             *key);
const char               *retract_minisign_key_get_id               (const RetractMinisignKey       *key);

RetractMinisignSignature *retract_minisign_signature_new_from_bytes (GBytes                         *bytes,
                                                                     const char                     *display_name,
                                                                     GError                        **error);
void                      retract_minisign_signature_free           (RetractMinisignSignature       *signature);
const char               *retract_minisign_signature_get_key_id     (const RetractMinisignSignature *signature);
const char               *retract_minisign_signature_get_trusted_comment (const RetractMinisignSignature *signature);

gboolean                  retract_minisign_verify                   (const RetractMinisignSignature *signature,
                                                                     const RetractMinisignKey       *public_key,
                                                                     const guint8                   *data,
                                                                     gsize                           length,
                                                                     GError                        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetractMinisignKey, retract_minisign_key_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetractMinisignSignature, retract_minisign_signature_free)

G_END_DECLS
