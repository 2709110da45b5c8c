/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Whether the letter can draw a text: a character that no installed font
 * has (an emoji, with no emoji font) would print as a box. Asked of Pango
 * itself, with the letter's faces and the same fallback the renderer gets,
 * so the answer is the printed letter's, not a guess from a character
 * range. */

#define G_LOG_DOMAIN "retract-glyph-check"

#include "config.h"

#include <pango/pangocairo.h>

#include "retract-glyph-check.h"

/* Each character once, in the order they first appear: a 100 000-character
 * narrative uses a few hundred different ones, and laying those out costs a
 * millisecond where the whole text would cost most of a second. Spaces and
 * line breaks are never drawn, so never missing. Invalid UTF-8 (a cut
 * multi-byte sequence would make g_utf8_next_char() step over the end) is
 * made valid first: each bad byte becomes U+FFFD, which the fonts draw. */
static char *
distinct_characters (const char *text)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_hash_table_contains (seen, GUINT_TO_POINTER (c)))
        continue;
      g_hash_table_add (seen, GUINT_TO_POINTER (c));
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static guint n_layouts;

/**
 * retract_glyph_check_find_missing:
 * @text: text, as typed into a letter field; invalid UTF-8 is checked as
 *   g_utf8_make_valid() repairs it
 * @missing: (out) (optional): the first character with no glyph
 *
 * Finds a character of @text that the letter's fonts, and every font Pango
 * would fall back to, cannot draw. Works in the calling thread with its
 * default font map (the details page's).
 *
 * Returns: %TRUE if some character would print as a box
 */
gboolean
retract_glyph_check_find_missing (const char *text,
                                  gunichar   *missing)
{
  g_autofree char *chars = NULL;
  g_autoptr(GObject) context = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  PangoLayoutIter *iter;
  gboolean found = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  chars = distinct_characters (text);
  if (*chars == '\0')
    return FALSE;

  g_atomic_int_inc (&n_layouts);
  context = G_OBJECT (pango_font_map_create_context (pango_cairo_font_map_get_default ()));
  layout = pango_layout_new (PANGO_CONTEXT (context));
  font = pango_font_description_from_string (RETRACT_LETTER_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, 12 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, chars, -1);

  if (pango_layout_get_unknown_glyphs_count (layout) == 0)
    return FALSE;

  /* Which one: the first glyph Pango marks unknown, back to its character. */
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run == NULL)
        continue;
      for (int i = 0; i < run->glyphs->num_glyphs && !found; i++)
        {
          if ((run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0)
            continue;
          found = TRUE;
          if (missing != NULL)
            *missing = g_utf8_get_char (chars + run->item->offset + run->glyphs->log_clusters[i]);
        }
    }
  while (!found && pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  return found;
}

guint
retract_glyph_check_get_n_layouts (void)
{
  return g_atomic_int_get (&n_layouts);
}
