/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Any bytes as a saved case (format 1 or 2): refused or loaded; what loads
 * saves and loads again to the same text, and holds no control or bidi character in any
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

  /* Format 2: a well-formed id (it becomes a file name) and a timeline that
   * holds to the rule for events, in time order. */
  g_assert_true (retract_case_id_is_valid (retract_case_get_id (kase)));
  g_assert_true (retract_validate_characters (retract_case_get_account (kase), FALSE, NULL));
  for (guint i = 0; i < retract_case_get_events (kase)->len; i++)
    {
      const RetractCaseEvent *event = g_ptr_array_index (retract_case_get_events (kase), i);

      g_assert_true (retract_case_event_check_shape (event, NULL,
                                                     retract_case_get_filed_at (kase), NULL));
      if (i > 0)
        g_assert_cmpint (g_date_time_compare (((RetractCaseEvent *)
                                               g_ptr_array_index (retract_case_get_events (kase),
                                                                  i - 1))->at, event->at), <=, 0);
    }

  first = retract_case_to_json (kase);
  saved = g_bytes_new (first, strlen (first));
  again = retract_case_new_from_bytes (saved, "saved.json", &error);
  g_assert_no_error (error);
  second = retract_case_to_json (again);
  g_assert_cmpstr (first, ==, second);
  return 0;
}
