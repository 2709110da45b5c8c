/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The root keys compiled into Retract: the data/keys/root-*.pub files at
 * build time (data/keys/meson.build writes their key lines into
 * retract-trust-roots.h). Only the app's entry points pass them to the
 * verifier; the tests pass keys of their own, so no test build can widen
 * what the shipped binaries trust.
 */

#define G_LOG_DOMAIN "retract-trust"

#include "config.h"

#include <string.h>

#include "retract-minisign.h"
#include "retract-trust.h"
/* The test-only binaries compile this file again with roots made at build
 * time (tests/make-test-roots.py); the shipped ones never do. */
#ifdef RETRACT_TRUST_TEST_ROOTS
#include "test-trust-roots.h"
#else
#include "retract-trust-roots.h"
#endif

static const char * const root_key_texts[] = { RETRACT_TRUST_ROOT_KEYS };

/**
 * retract_trust_get_roots:
 *
 * Returns: (transfer none) (element-type RetractMinisignKey): the root keys,
 *   which alone may sign the key list
 */
GPtrArray *
retract_trust_get_roots (void)
{
  static GPtrArray *roots;

  if (g_once_init_enter (&roots))
    {
      GPtrArray *keys = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_minisign_key_free);

      for (guint i = 0; i < G_N_ELEMENTS (root_key_texts); i++)
        {
          g_autoptr(GError) error = NULL;
          RetractMinisignKey *key = retract_minisign_key_new_from_text (root_key_texts[i],
                                                                        strlen (root_key_texts[i]),
                                                                        &error);

          /* Checked at configure time too; a build with a broken root must not run. */
          if (key == NULL)
            g_error ("compiled-in root key %u: %s", i + 1, error->message);
          g_ptr_array_add (keys, key);
        }

      g_once_init_leave (&roots, keys);
    }

  return roots;
}
