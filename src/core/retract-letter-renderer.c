/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Lays the letter out on pages with Pango and draws it with cairo. The same
 * layout draws the PDF, the printed pages and the on-screen preview, so what
 * is previewed is what prints. Layouts are made at 72 dpi, so one Pango unit
 * of measure is one PostScript point whatever the target's resolution. */

#define G_LOG_DOMAIN "retract-letter-renderer"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "retract-error.h"
#include "retract-file.h"
#include "retract-glyph-check.h"
#include "retract-letter-renderer.h"
#include "retract-time.h"

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

G_DEFINE_FINAL_TYPE (RetractLetterRenderer, retract_letter_renderer, G_TYPE_OBJECT)

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

static PangoLayout *
new_layout (RetractLetterRenderer *self,
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
      layout = new_layout (self, FONT_FAMILY, 20, PANGO_WEIGHT_BOLD, block->text);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      return layout;
    case RETRACT_BLOCK_HEADING:
      return new_layout (self, FONT_FAMILY, 13, PANGO_WEIGHT_BOLD, block->text);
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

        layout = new_layout (self, FONT_FAMILY, 12, PANGO_WEIGHT_NORMAL, text);
        bold->start_index = 0;
        bold->end_index = (guint) strlen (block->label);
        pango_attr_list_insert (attributes, bold);
        pango_layout_set_attributes (layout, attributes);
        pango_attr_list_unref (attributes);
        pango_layout_set_indent (layout, 0);
        return layout;
      }
    case RETRACT_BLOCK_PARAGRAPH:
      layout = new_layout (self, FONT_FAMILY, 12, PANGO_WEIGHT_NORMAL, block->text);
      /* Chinese paragraphs start two characters in. */
      pango_layout_set_indent (layout, 24 * PANGO_SCALE);
      pango_layout_set_spacing (layout, 4 * PANGO_SCALE);
      return layout;
    case RETRACT_BLOCK_SALUTATION:
    case RETRACT_BLOCK_LIST_ITEM:
      return new_layout (self, FONT_FAMILY, 12, PANGO_WEIGHT_NORMAL, block->text);
    case RETRACT_BLOCK_SIGNATURE:
      return new_layout (self, FONT_FAMILY, 12, PANGO_WEIGHT_NORMAL, block->label);
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
static void
paginate (RetractLetterRenderer *self)
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

static void
draw_signature (RetractLetterRenderer *self,
                cairo_t               *cr,
                const Placement       *placement)
{
  gboolean chinese = retract_letter_get_language (self->letter) != RETRACT_LANGUAGE_EN;
  double right = self->page_width - MARGIN_SIDE;
  double top = placement->baseline;
  double box_x = right - FINGERPRINT_SIZE;
  GPtrArray *blocks = retract_letter_get_blocks (self->letter);
  const char *signer = NULL;
  g_autoptr(PangoLayout) signature = NULL;
  g_autoptr(PangoLayout) caption = new_layout (self, FOOTER_FAMILY, 8, PANGO_WEIGHT_NORMAL,
                                               chinese ? "手印" : "Fingerprint");

  /* Who signs, in the letter's language: the applicant, or a minor's guardian. */
  for (guint i = 0; i < blocks->len && signer == NULL; i++)
    if (((RetractLetterBlock *) g_ptr_array_index (blocks, i))->kind == RETRACT_BLOCK_SIGNATURE)
      signer = ((RetractLetterBlock *) g_ptr_array_index (blocks, i))->text;
  signature = new_layout (self, FONT_FAMILY, 12, PANGO_WEIGHT_NORMAL, signer);

  self->unknown_glyphs += (guint) pango_layout_get_unknown_glyphs_count (signature);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  /* Signature line. */
  cairo_move_to (cr, MARGIN_SIDE, top + 8);
  pango_cairo_show_layout (cr, signature);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, MARGIN_SIDE + 110, top + 24);
  cairo_line_to (cr, box_x - 24, top + 24);
  cairo_stroke (cr);

  /* Date line. */
  cairo_move_to (cr, MARGIN_SIDE, top + 44);
  pango_cairo_show_layout (cr, placement->layout);

  /* The fingerprint box (需按下指纹). */
  cairo_set_line_width (cr, 0.8);
  cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
  cairo_rectangle (cr, box_x, top + 4, FINGERPRINT_SIZE, FINGERPRINT_SIZE);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  pango_layout_set_width (caption, (int) (FINGERPRINT_SIZE * PANGO_SCALE));
  pango_layout_set_alignment (caption, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  cairo_move_to (cr, box_x, top + FINGERPRINT_SIZE + 8);
  pango_cairo_show_layout (cr, caption);

  cairo_restore (cr);
}

static void
draw_footer (RetractLetterRenderer *self,
             cairo_t               *cr,
             guint                  page)
{
  gboolean chinese = retract_letter_get_language (self->letter) != RETRACT_LANGUAGE_EN;
  g_autofree char *number = g_strdup_printf (chinese ? CHINESE (self, "第 %u 页 / 共 %u 页")
                                                     : "Page %u of %u",
                                             page + 1, self->n_pages);
  g_autoptr(PangoLayout) number_layout = new_layout (self, FOOTER_FAMILY, 9, PANGO_WEIGHT_NORMAL,
                                                     number);
  g_autoptr(PangoLayout) footer = new_layout (self, FOOTER_FAMILY, 7.5, PANGO_WEIGHT_NORMAL,
                                              retract_letter_get_footer (self->letter));
  double y = self->page_height - MARGIN_BOTTOM + 30;
  int footer_height;

  /* The footer grows upwards: its deadline line (and its wrapping) must not
   * run off the paper, and there is room above the page number. */
  pango_layout_get_pixel_size (footer, NULL, &footer_height);
  y = MIN (y, self->page_height - FOOTER_BOTTOM - footer_height - 16);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  pango_layout_set_alignment (number_layout, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, MARGIN_SIDE, y);
  pango_cairo_show_layout (cr, number_layout);
  pango_layout_set_alignment (footer, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, MARGIN_SIDE, y + 16);
  pango_cairo_show_layout (cr, footer);
  cairo_restore (cr);
}

static void
retract_letter_renderer_finalize (GObject *object)
{
  RetractLetterRenderer *self = (RetractLetterRenderer *)object;

  g_clear_object (&self->letter);
  g_clear_object (&self->context);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);

  G_OBJECT_CLASS (retract_letter_renderer_parent_class)->finalize (object);
}

static void
retract_letter_renderer_class_init (RetractLetterRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = retract_letter_renderer_finalize;
}

static void
retract_letter_renderer_init (RetractLetterRenderer *self)
{
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
}

static RetractLetterRenderer *
renderer_new_with_font_map (RetractLetter *letter,
                            double         page_width,
                            double         page_height,
                            PangoFontMap  *font_map)
{
  RetractLetterRenderer *self;
  cairo_font_options_t *options;

  self = g_object_new (RETRACT_TYPE_LETTER_RENDERER, NULL);
  self->letter = g_object_ref (letter);
  self->page_width = page_width;
  self->page_height = page_height;

  /* Unhinted metrics at 72 dpi: the same line breaks on paper, in the PDF
   * and on screen. */
  self->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (self->context,
                              pango_language_from_string (
                                retract_letter_get_language (letter) == RETRACT_LANGUAGE_EN
                                ? "en"
                                : retract_letter_get_language (letter) == RETRACT_LANGUAGE_ZH_HK
                                ? "zh-hk" : "zh-cn"));

  paginate (self);
  return self;
}

/**
 * retract_letter_renderer_new:
 * @page_width: in points (RETRACT_A4_WIDTH)
 * @page_height: in points
 *
 * Lays the letter out in the calling thread, with its default font map.
 *
 * Returns: (transfer full): the letter laid out on pages of that size
 */
RetractLetterRenderer *
retract_letter_renderer_new (RetractLetter *letter,
                             double         page_width,
                             double         page_height)
{
  g_return_val_if_fail (RETRACT_IS_LETTER (letter), NULL);
  g_return_val_if_fail (page_width > 2 * MARGIN_SIDE && page_height > MARGIN_TOP + MARGIN_BOTTOM,
                        NULL);

  return renderer_new_with_font_map (letter, page_width, page_height,
                                     pango_cairo_font_map_get_default ());
}

typedef struct
{
  RetractLetter *letter;
  double         page_width;
  double         page_height;
} LayoutJob;

static void
layout_job_free (LayoutJob *job)
{
  g_clear_object (&job->letter);
  g_free (job);
}

static void
layout_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LayoutJob *job = task_data;
  g_autoptr(PangoFontMap) font_map = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* A font map of the renderer's own: Pango's are not thread-safe, and this
   * one is used by this thread alone until the renderer is handed over, then
   * by the thread that receives it alone. */
  font_map = pango_cairo_font_map_new ();
  g_task_return_pointer (task,
                         renderer_new_with_font_map (job->letter, job->page_width,
                                                     job->page_height, font_map),
                         g_object_unref);
}

/**
 * retract_letter_renderer_new_async:
 * @cancellable: (nullable): to give up; the callback then gets %G_IO_ERROR_CANCELLED
 *
 * Lays the letter out in a worker thread, for a caller that must not wait:
 * a long letter takes a good part of a second. The letter is only read.
 */
void
retract_letter_renderer_new_async (RetractLetter       *letter,
                                   double               page_width,
                                   double               page_height,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LayoutJob *job;

  g_return_if_fail (RETRACT_IS_LETTER (letter));
  g_return_if_fail (page_width > 2 * MARGIN_SIDE && page_height > MARGIN_TOP + MARGIN_BOTTOM);

  job = g_new0 (LayoutJob, 1);
  job->letter = g_object_ref (letter);
  job->page_width = page_width;
  job->page_height = page_height;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, retract_letter_renderer_new_async);
  g_task_set_task_data (task, job, (GDestroyNotify) layout_job_free);
  g_task_run_in_thread (task, layout_in_thread);
}

/**
 * retract_letter_renderer_new_finish:
 *
 * Returns: (transfer full) (nullable): the laid-out letter, to be used by the
 *   calling thread alone; %NULL if the layout was cancelled
 */
RetractLetterRenderer *
retract_letter_renderer_new_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        retract_letter_renderer_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
retract_letter_renderer_get_n_pages (RetractLetterRenderer *self)
{
  g_return_val_if_fail (RETRACT_IS_LETTER_RENDERER (self), 0);
  return self->n_pages;
}

/**
 * retract_letter_renderer_get_unknown_glyphs:
 *
 * Returns: how many characters no installed font could draw (0 when the
 *   CJK fonts are installed)
 */
guint
retract_letter_renderer_get_unknown_glyphs (RetractLetterRenderer *self)
{
  g_return_val_if_fail (RETRACT_IS_LETTER_RENDERER (self), 0);
  return self->unknown_glyphs;
}

/**
 * retract_letter_renderer_draw_page:
 * @cr: a context whose user units are points, the page's top left at 0,0
 * @page: the page, from 0
 */
void
retract_letter_renderer_draw_page (RetractLetterRenderer *self,
                                   cairo_t               *cr,
                                   guint                  page)
{
  g_return_if_fail (RETRACT_IS_LETTER_RENDERER (self));
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *placement = &g_array_index (self->placements, Placement, i);

      if (placement->page != page)
        continue;

      if (placement->line < 0)
        {
          draw_signature (self, cr, placement);
          continue;
        }

      {
        PangoLayoutLine *line = pango_layout_get_line_readonly (placement->layout, placement->line);
        PangoAlignment alignment = pango_layout_get_alignment (placement->layout);
        double x = placement->x;

        /* Lines keep the layout's alignment and first-line indent. */
        if (alignment == PANGO_ALIGN_CENTER)
          {
            PangoRectangle logical;

            pango_layout_line_get_extents (line, NULL, &logical);
            x += ((self->page_width - 2 * MARGIN_SIDE) - pango_units_to_double (logical.width)) / 2;
          }
        else if (placement->line == 0)
          {
            x += pango_units_to_double (pango_layout_get_indent (placement->layout));
          }

        cairo_move_to (cr, x, placement->baseline);
        pango_cairo_show_layout_line (cr, line);
      }
    }

  draw_footer (self, cr, page);
  cairo_restore (cr);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * retract_letter_renderer_render_pdf:
 * @creation_date: (nullable): the date written into the PDF; fix it for
 *   byte-identical output, %NULL for now
 * @include_author: write the applicant's name as the PDF's author
 *
 * Returns: (transfer full) (nullable): the PDF
 */
GBytes *
retract_letter_renderer_render_pdf (RetractLetterRenderer *self,
                                    GDateTime             *creation_date,
                                    gboolean               include_author,
                                    GError               **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (RETRACT_IS_LETTER_RENDERER (self), NULL);

  if (creation_date == NULL)
    creation_date = now = retract_time_now ();
  date = retract_time_format_iso (creation_date);

  surface = cairo_pdf_surface_create_for_stream (append_to_array, pdf, self->page_width,
                                                 self->page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  retract_letter_get_title (self->letter));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Retract " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  if (include_author)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                    retract_letter_get_applicant (self->letter));

  cr = cairo_create (surface);
  for (guint page = 0; page < self->n_pages; page++)
    {
      retract_letter_renderer_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the PDF: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}

/**
 * retract_write_file_atomically:
 *
 * Writes @contents to @path through a temporary file renamed over it after
 * fsync, with mode 0600: a failure (a full disk, a read-only folder) leaves
 * whatever was there before and no half-written file. Only a regular file
 * is replaced: a device, a FIFO or a folder at @path is refused with
 * %G_IO_ERROR_NOT_REGULAR_FILE; a link to a regular file is followed.
 */
gboolean
retract_write_file_atomically (const char *path,
                               GBytes     *contents,
                               GError    **error)
{
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);

  g_return_val_if_fail (path != NULL, FALSE);

  return retract_file_replace (path, data, length, error);
}
