/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The letter's layout (see retract-letter-renderer.c for the object): each
 * block as a Pango layout, long unbroken runs given places to break, and
 * the lines placed on pages, a heading never left alone at a page's foot
 * and the signature kept with what precedes it. */

#define G_LOG_DOMAIN "retract-letter-renderer"

#include "config.h"

#include <string.h>

#include "retract-letter-renderer-private.h"

/* Pango 1.50 breaks a run that has no break opportunity (a word of 100 000
 * letters, digits, a pasted link) only after measuring each line against the
 * whole rest of the run: such a paragraph took a minute to lay out where prose
 * of the same length takes a fraction of a second. So a run longer than any
 * line gets a zero-width space at every third place where it may break by
 * character (where PANGO_WRAP_WORD_CHAR would break it anyway, at a grapheme
 * boundary): its lines cost what prose costs and still fill the line to within
 * two characters. Only the layout's copy of the text changes; the space draws
 * nothing and does not reach the PDF's text layer.
 *
 * Returns: (nullable): the text with break opportunities, %NULL when it needs none */
static char *
with_break_opportunities (const char    *text,
                          PangoLanguage *language)
{
  glong n_chars = g_utf8_strlen (text, -1);
  g_autofree PangoLogAttr *attrs = NULL;
  g_autofree gboolean *insert = NULL;
  gboolean any = FALSE;
  GString *breakable;
  const char *p = text;

  /* Only valid UTF-8 is walked character by character; Pango deals with the rest. */
  if (n_chars <= UNBROKEN_RUN_LIMIT || !g_utf8_validate (text, -1, NULL))
    return NULL;

  attrs = g_new (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (text, -1, -1, language, attrs, (int) n_chars + 1);

  /* The runs between break opportunities; inside the long ones, every third
   * character boundary where a line may break. */
  insert = g_new0 (gboolean, n_chars);
  for (glong start = 0, end; start < n_chars; start = end)
    {
      for (end = start + 1; end < n_chars && !attrs[end].is_line_break; end++)
        ;
      if (end - start <= UNBROKEN_RUN_LIMIT)
        continue;
      for (glong i = start + 1, k = 0; i < end; i++)
        if (attrs[i].is_char_break && ++k % UNBROKEN_BREAK_EVERY == 0)
          insert[i] = any = TRUE;
    }
  if (!any)
    return NULL;

  breakable = g_string_sized_new (strlen (text) + (gsize) n_chars);
  for (glong i = 0; i < n_chars; i++)
    {
      const char *next = g_utf8_next_char (p);

      if (insert[i])
        g_string_append (breakable, ZERO_WIDTH_SPACE);
      g_string_append_len (breakable, p, next - p);
      p = next;
    }
  return g_string_free (breakable, FALSE);
}

PangoLayout *
retract_letter_renderer_new_layout (RetractLetterRenderer *self,
                                    const char            *family,
                                    double                 size,
                                    PangoWeight            weight,
                                    const char            *text)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (family);
  g_autofree char *breakable = with_break_opportunities (
    text, pango_context_get_language (self->context));

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((self->page_width - 2 * MARGIN_SIDE) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, breakable != NULL ? breakable : text, -1);

  return layout;
}

static PangoLayout *
block_layout (RetractLetterRenderer    *self,
              const RetractLetterBlock *block)
{
  PangoLayout *layout;

  switch (block->kind)
    {
    case RETRACT_BLOCK_TITLE:
      layout = retract_letter_renderer_new_layout (self, FONT_FAMILY, 20, PANGO_WEIGHT_BOLD,
                                                   block->text);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      return layout;
    case RETRACT_BLOCK_HEADING:
      return retract_letter_renderer_new_layout (self, FONT_FAMILY, 13, PANGO_WEIGHT_BOLD,
                                                 block->text);
    case RETRACT_BLOCK_FIELD:
      {
        gboolean chinese = retract_letter_get_language (self->letter) != RETRACT_LANGUAGE_EN;
        /* The value's runs only: the bold label's length must stay its length. */
        g_autofree char *breakable = with_break_opportunities (
          block->text, pango_context_get_language (self->context));
        g_autofree char *text = g_strdup_printf (chinese ? "%s：%s" : "%s: %s", block->label,
                                                 breakable != NULL ? breakable : block->text);
        PangoAttrList *attributes = pango_attr_list_new ();
        PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

        layout = retract_letter_renderer_new_layout (self, FONT_FAMILY, 12, PANGO_WEIGHT_NORMAL,
                                                     text);
        bold->start_index = 0;
        bold->end_index = (guint) strlen (block->label);
        pango_attr_list_insert (attributes, bold);
        pango_layout_set_attributes (layout, attributes);
        pango_attr_list_unref (attributes);
        pango_layout_set_indent (layout, 0);
        return layout;
      }
    case RETRACT_BLOCK_PARAGRAPH:
      layout = retract_letter_renderer_new_layout (self, FONT_FAMILY, 12, PANGO_WEIGHT_NORMAL,
                                                   block->text);
      /* Chinese paragraphs start two characters in. */
      pango_layout_set_indent (layout, 24 * PANGO_SCALE);
      pango_layout_set_spacing (layout, 4 * PANGO_SCALE);
      return layout;
    case RETRACT_BLOCK_SALUTATION:
    case RETRACT_BLOCK_LIST_ITEM:
      return retract_letter_renderer_new_layout (self, FONT_FAMILY, 12, PANGO_WEIGHT_NORMAL,
                                                 block->text);
    case RETRACT_BLOCK_SIGNATURE:
      return retract_letter_renderer_new_layout (self, FONT_FAMILY, 12, PANGO_WEIGHT_NORMAL,
                                                 block->label);
    default:
      g_assert_not_reached ();
    }
}

static double
space_before (RetractBlockKind kind)
{
  switch (kind)
    {
    case RETRACT_BLOCK_TITLE:
      return 0;
    case RETRACT_BLOCK_SALUTATION:
      return 20;
    case RETRACT_BLOCK_HEADING:
      return 12;
    case RETRACT_BLOCK_SIGNATURE:
      return 18;
    case RETRACT_BLOCK_PARAGRAPH:
      return 4;
    case RETRACT_BLOCK_FIELD:
    case RETRACT_BLOCK_LIST_ITEM:
    default:
      return 2;
    }
}

static void
place (RetractLetterRenderer *self,
       PangoLayout           *layout,
       int                    line,
       guint                  page,
       double                 baseline)
{
  Placement placement = { layout, line, page, MARGIN_SIDE, baseline };

  g_array_append_val (self->placements, placement);
}

/* How far a block moves the pen down: the space before it and its lines. */
static double
block_height (const RetractLetterBlock *block,
              PangoLayout              *layout)
{
  PangoRectangle logical;

  if (block->kind == RETRACT_BLOCK_SIGNATURE)
    return space_before (block->kind) + SIGNATURE_HEIGHT;

  pango_layout_get_extents (layout, NULL, &logical);
  return space_before (block->kind) + pango_units_to_double (logical.y + logical.height);
}

/* The first block that goes with the signature onto its page: the last
 * paragraph before it (with its heading) and whatever follows. A signature,
 * date and fingerprint box alone on a page prove nothing about the page
 * before it (issue 15 §5.4). G_MAXUINT when there is no signature. */
static guint
signature_group_start (GPtrArray *blocks)
{
  guint signature = G_MAXUINT;
  guint start;

  for (guint i = 0; i < blocks->len; i++)
    if (((const RetractLetterBlock *) g_ptr_array_index (blocks, i))->kind == RETRACT_BLOCK_SIGNATURE)
      signature = i;
  if (signature == G_MAXUINT)
    return G_MAXUINT;

  start = signature;
  while (start > 0 &&
         ((const RetractLetterBlock *) g_ptr_array_index (blocks, start - 1))->kind !=
         RETRACT_BLOCK_PARAGRAPH)
    start--;
  if (start == 0)
    return signature;
  start--;
  if (start > 0 &&
      ((const RetractLetterBlock *) g_ptr_array_index (blocks, start - 1))->kind ==
      RETRACT_BLOCK_HEADING)
    start--;

  return start;
}

/* Lines flow onto as many pages as they need; a heading is never left alone
 * at the bottom of a page, the signature block is never split, and it keeps
 * the last paragraph with it. */
void
retract_letter_renderer_paginate (RetractLetterRenderer *self)
{
  GPtrArray *blocks = retract_letter_get_blocks (self->letter);
  double bottom = self->page_height - MARGIN_BOTTOM;
  double y = MARGIN_TOP;
  guint page = 0;
  guint group_start = signature_group_start (blocks);
  double group_height = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      const RetractLetterBlock *block = g_ptr_array_index (blocks, i);
      PangoLayout *layout = block_layout (self, block);

      g_ptr_array_add (self->layouts, layout);
      self->unknown_glyphs += (guint) pango_layout_get_unknown_glyphs_count (layout);
      if (i >= group_start)
        group_height += block_height (block, layout);
    }

  for (guint i = 0; i < blocks->len; i++)
    {
      const RetractLetterBlock *block = g_ptr_array_index (blocks, i);
      PangoLayout *layout = g_ptr_array_index (self->layouts, i);
      PangoLayoutIter *iter;
      PangoRectangle logical;
      int line = 0;

      pango_layout_get_extents (layout, NULL, &logical);

      /* The signature's group starts a page when it does not fit on this
       * one but fits on a page of its own (the space before it is dropped
       * at the top of a page). */
      if (i == group_start && y > MARGIN_TOP &&
          y + group_height > bottom &&
          MARGIN_TOP + group_height - space_before (block->kind) <= bottom)
        {
          page++;
          y = MARGIN_TOP - space_before (block->kind);
        }

      y += space_before (block->kind);

      if (block->kind == RETRACT_BLOCK_SIGNATURE)
        {
          if (y + SIGNATURE_HEIGHT > bottom)
            {
              page++;
              y = MARGIN_TOP;
            }
          place (self, layout, -1, page, y);
          y += SIGNATURE_HEIGHT;
          continue;
        }

      /* Keep a heading with at least two lines of what follows. */
      if (block->kind == RETRACT_BLOCK_HEADING &&
          y + pango_units_to_double (logical.height) + 2 * 20 > bottom)
        {
          page++;
          y = MARGIN_TOP;
        }

      iter = pango_layout_get_iter (layout);
      do
        {
          PangoRectangle line_rect;
          double baseline;

          pango_layout_iter_get_line_extents (iter, NULL, &line_rect);
          baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));

          /* A line that would cross the bottom margin starts the next page. */
          if (y + pango_units_to_double (line_rect.y + line_rect.height) > bottom)
            {
              page++;
              y = MARGIN_TOP - pango_units_to_double (line_rect.y);
            }

          place (self, layout, line, page, y + baseline);
          line++;
        }
      while (pango_layout_iter_next_line (iter));

      {
        PangoRectangle last;

        pango_layout_iter_get_line_extents (iter, NULL, &last);
        y += pango_units_to_double (last.y + last.height);
      }
      pango_layout_iter_free (iter);
    }

  self->n_pages = page + 1;
}
