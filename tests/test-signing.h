/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Keys and signatures for the signed-rules tests: release keys made with
 * libsodium at test time, the test builds' root keys read from the files
 * tests/make-test-roots.py made at build time, and `.minisig` files and key
 * lists written as the publishing tools write them (or broken on purpose). */

typedef struct _TestKey TestKey;

TestKey    *test_key_new          (void);
TestKey    *test_key_load_root    (guint          number);
void        test_key_free         (TestKey       *key);
const char *test_key_get_id       (const TestKey *key);
char       *test_key_public_line  (const TestKey *key);
void        test_key_write        (const TestKey *key,
                                   const char    *secret_path,
                                   const char    *public_path);

GBytes     *test_sign_full        (const TestKey *key,
                                   GBytes        *data,
                                   const char    *algorithm,
                                   const char    *claimed_id,
                                   const char    *trusted_comment);
GBytes     *test_sign             (const TestKey *key,
                                   GBytes        *data);
GBytes     *test_key_list         (gint64         version,
                                   const char    *issued,
                                   const char    *expires,
                                   const TestKey *release,
                                   const char    *revoked);

GBytes     *test_dataset_signable (const char    *version,
                                   const char    *issued,
                                   const char    *expires);

/* The publication of a test process: test root 1 signs a key list (version
 * 1, issued yesterday, expiring in a year) naming one release key, which
 * signs the rules. */
typedef GBytes *(*TestBodyFunc) (const char *path);

void        test_signing_init        (void);
GBytes     *test_signing_keys        (void);
GBytes     *test_signing_keys_signature (void);
GBytes     *test_signing_sign_rules  (GBytes            *dataset);
gboolean    test_signing_serve       (SoupServerMessage *message,
                                      const char        *path,
                                      TestBodyFunc       body_for);
char       *test_signing_days_from_now (int              days);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestKey, test_key_free)

G_END_DECLS
