/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Any text through every validator: a clear yes or no, and a yes means the
 * normalised form is what it should be. */

#include "config.h"

#include "fuzz.h"
#include "retract-validators.h"

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *id = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *masked = NULL;
  g_autoptr(GError) error = NULL;

  if (retract_validate_id_number (text, NULL, &id, &error))
    {
      g_assert_cmpuint (strlen (id), ==, 18);
      g_assert_true (g_str_is_ascii (id));
      g_assert_cmpint (retract_id_number_check_digit (id), ==, id[17]);
    }
  else
    {
      g_assert_nonnull (error);
    }
  g_clear_error (&error);

  if (retract_validate_phone (text, TRUE, &phone, &error))
    g_assert_true (strlen (phone) == 11 || g_str_has_prefix (phone, "+85"));
  g_clear_error (&error);

  retract_validate_phone (text, FALSE, NULL, NULL);
  retract_validate_wechat_id (text, NULL);
  retract_validate_complaint_number (text, NULL);
  retract_validate_text (text, 1000, TRUE, NULL);
  retract_validate_text (text, 1000, FALSE, NULL);
  /* Whatever passes the text check passes the character check. */
  if (retract_validate_text (text, G_MAXUINT, FALSE, NULL))
    g_assert_true (retract_validate_characters (text, FALSE, NULL));
  if (retract_validate_characters (text, FALSE, NULL))
    g_assert_true (retract_validate_characters (text, TRUE, NULL));
  retract_validate_https_url (text, NULL);

  masked = retract_mask_id_number (text);
  g_assert_true (g_utf8_validate (masked, -1, NULL));
  return 0;
}
