/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The faces the letter is set in (retract-letter-renderer.c), first choice
 * first; Pango falls back to any installed font for a character they lack. */
#define RETRACT_LETTER_FONT_FAMILY "Noto Serif CJK SC, Noto Sans CJK SC, serif"

gboolean retract_glyph_check_find_missing (const char *text,
                                           gunichar   *missing);

G_END_DECLS
