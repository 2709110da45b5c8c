/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the renderer's two files share: retract-letter-renderer.c (the
 * object, drawing a page, the PDF) and retract-letter-renderer-layout.c (the
 * blocks as Pango layouts, and their lines placed on pages). */

#include <pango/pangocairo.h>

#include "retract-glyph-check.h"
#include "retract-letter-renderer.h"

G_BEGIN_DECLS

#define MARGIN_SIDE   68.0
#define MARGIN_TOP    60.0
#define MARGIN_BOTTOM 76.0
/* The least paper left below the footer: printers cannot print to the edge. */
#define FOOTER_BOTTOM 18.0
/* The same faces the details page checks a field against. */
#define FONT_FAMILY   RETRACT_LETTER_FONT_FAMILY
/* The footer shares the body's face: one font subset fewer in every PDF. */
#define FOOTER_FAMILY FONT_FAMILY
#define SIGNATURE_HEIGHT 96.0
#define FINGERPRINT_SIZE 56.0
/* More characters than any line holds (459 points of 3-point glyphs at 12 points). */
#define UNBROKEN_RUN_LIMIT 160
/* A break opportunity every this many characters of such a run: a line of it
 * ends at most two characters short of the margin. Every character costs twice
 * what prose costs (Pango 1.50's price per opportunity); every third, about the same. */
#define UNBROKEN_BREAK_EVERY 3
#define ZERO_WIDTH_SPACE "\u200B"

/* The page's own Chinese words in the letter's script: Traditional for the
 * zh_HK reading copy (retract-hant-phrases.h). */
#define CHINESE(self, zh) \
  retract_text_chinese_phrase (retract_letter_get_language ((self)->letter), (zh))

typedef struct
{
  PangoLayout *layout;
  int          line;      /* -1: the whole block is special (signature) */
  guint        page;
  double       x;
  double       baseline;  /* for lines: where the baseline goes; for signatures: top */
} Placement;

struct _RetractLetterRenderer
{
  GObject        parent_instance;

  RetractLetter *letter;
  PangoContext  *context;
  double         page_width;
  double         page_height;
  GPtrArray     *layouts;    /* PangoLayout, one per block */
  GArray        *placements; /* Placement */
  guint          n_pages;
  guint          unknown_glyphs;
};

PangoLayout *retract_letter_renderer_new_layout (RetractLetterRenderer *self,
                                                 const char            *family,
                                                 double                 size,
                                                 PangoWeight            weight,
                                                 const char            *text);
void         retract_letter_renderer_paginate   (RetractLetterRenderer *self);

G_END_DECLS
