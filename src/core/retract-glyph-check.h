/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The faces the letter is set in (retract-letter-renderer.c), first choice
 * first; Pango falls back to any installed font for a character they lack. */
#define RETRACT_LETTER_FONT_FAMILY "Noto Serif CJK SC, Noto Sans CJK SC, serif"

gboolean retract_glyph_check_find_missing (const char *text,
                                           gunichar   *missing);
/* For the tests: how many texts were laid out to be checked so far. */
guint    retract_glyph_check_get_n_layouts (void);

G_END_DECLS
