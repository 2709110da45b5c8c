/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "retract-text"

#include "config.h"

#include "retract-text.h"

/**
 * retract_text_get:
 *
 * Returns: (transfer none): the text in @language, falling back to the
 *   other language when a translation is missing, or "" when neither is set
 */
const char *
retract_text_get (const RetractText *text,
                  RetractLanguage    language)
{
  const char *wanted;
  const char *other;

  g_return_val_if_fail (text != NULL, "");

  wanted = language == RETRACT_LANGUAGE_ZH_CN ? text->zh_CN : text->en;
  other = language == RETRACT_LANGUAGE_ZH_CN ? text->en : text->zh_CN;

  if (wanted != NULL && *wanted != '\0')
    return wanted;
  if (other != NULL)
    return other;
  return "";
}

gboolean
retract_text_is_set (const RetractText *text)
{
  return text != NULL && text->zh_CN != NULL && text->en != NULL;
}

void
retract_text_clear (RetractText *text)
{
  g_clear_pointer (&text->zh_CN, g_free);
  g_clear_pointer (&text->en, g_free);
}

/**
 * retract_language_default:
 *
 * The language of dataset texts for this process: Chinese when the user's
 * preferred languages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) start with a
 * Chinese one, English otherwise.
 */
RetractLanguage
retract_language_default (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "zh"))
        return RETRACT_LANGUAGE_ZH_CN;
      if (g_str_has_prefix (names[i], "en"))
        return RETRACT_LANGUAGE_EN;
    }

  return RETRACT_LANGUAGE_EN;
}

gboolean
retract_language_from_string (const char      *name,
                              RetractLanguage *language)
{
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_str_equal (name, "zh_CN") || g_str_equal (name, "zh"))
    *language = RETRACT_LANGUAGE_ZH_CN;
  else if (g_str_equal (name, "en"))
    *language = RETRACT_LANGUAGE_EN;
  else
    return FALSE;

  return TRUE;
}

const char *
retract_language_to_string (RetractLanguage language)
{
  return language == RETRACT_LANGUAGE_ZH_CN ? "zh_CN" : "en";
}
