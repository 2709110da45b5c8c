/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Any bytes as a rules dataset: refused with an error or loaded, never a
 * crash; the error never carries a control or bidi character (it names the
 * place and the code point instead), and what loads holds only safe links. */

#include "config.h"

#include "fuzz.h"
#include "retract-ruleset.h"
#include "retract-validators.h"

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = retract_ruleset_new_from_bytes (bytes, "fuzz.json", &error);

  /* Exactly one of the two. */
  g_assert ((rules == NULL) != (error == NULL));
  if (error != NULL)
    g_assert_true (retract_validate_characters (error->message, FALSE, NULL));
  else
    {
      GPtrArray *links = retract_ruleset_get_links (rules);
      GPtrArray *channels = retract_ruleset_get_channels (rules);

      for (guint i = 0; i < links->len; i++)
        g_assert_true (retract_validate_https_url (((RetractLink *) links->pdata[i])->url, NULL));
      for (guint i = 0; i < channels->len; i++)
        {
          const RetractChannel *channel = channels->pdata[i];

          g_assert_true (channel->url == NULL || retract_validate_https_url (channel->url, NULL));
          g_assert_true (retract_validate_characters (retract_text_get (&channel->name,
                                                                        RETRACT_LANGUAGE_EN),
                                                      FALSE, NULL));
        }
    }
  return 0;
}
