/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Any bytes as a saved case: refused or loaded; what loads saves and loads
 * again to the same text, and holds no control or bidi character in any
 * field that reaches the letter; no error carries one either. */

#include "config.h"

#include "fuzz.h"
#include "retract-case.h"
#include "retract-validators.h"

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractCase) kase = retract_case_new_from_bytes (bytes, "fuzz.json", &error);
  g_autoptr(RetractCase) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert ((kase == NULL) != (error == NULL));
  if (kase == NULL)
    {
      g_assert_true (retract_validate_characters (error->message, FALSE, NULL));
      return 0;
    }

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    {
      const char *value = retract_case_get_detail (kase, i);

      if (value != NULL)
        g_assert_true (retract_validate_characters (value, i == RETRACT_DETAIL_NARRATIVE ||
                                                           i == RETRACT_DETAIL_REASON, NULL));
    }

  retract_case_validate_details (kase, NULL, NULL);

  first = retract_case_to_json (kase);
  saved = g_bytes_new (first, strlen (first));
  again = retract_case_new_from_bytes (saved, "saved.json", &error);
  g_assert_no_error (error);
  second = retract_case_to_json (again);
  g_assert_cmpstr (first, ==, second);
  return 0;
}
