/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Any bytes as a rules dataset: refused with an error or loaded, never a crash. */

#include "config.h"

#include "fuzz.h"
#include "retract-ruleset.h"

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = retract_ruleset_new_from_bytes (bytes, "fuzz.json", &error);

  /* Exactly one of the two. */
  g_assert ((rules == NULL) != (error == NULL));
  return 0;
}
