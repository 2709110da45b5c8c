/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Lays the letter out on pages with Pango and draws it with cairo. The same
 * layout draws the PDF, the printed pages and the on-screen preview, so what
 * is previewed is what prints. Layouts are made at 72 dpi, so one Pango unit
 * of measure is one PostScript point whatever the target's resolution.
 * This file holds the object, draws a page and makes the PDF; the blocks'
 * layouts and their pagination are in retract-letter-renderer-layout.c. */

#define G_LOG_DOMAIN "retract-letter-renderer"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "retract-error.h"
#include "retract-file.h"
#include "retract-glyph-check.h"
#include "retract-letter-renderer-private.h"
#include "retract-time.h"

G_DEFINE_FINAL_TYPE (RetractLetterRenderer, retract_letter_renderer, G_TYPE_OBJECT)

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
  g_autoptr(PangoLayout) caption =
    retract_letter_renderer_new_layout (self, FOOTER_FAMILY, 8, PANGO_WEIGHT_NORMAL,
                                        chinese ? "手印" : "Fingerprint");

  /* Who signs, in the letter's language: the applicant, or a minor's guardian. */
  for (guint i = 0; i < blocks->len && signer == NULL; i++)
    if (((RetractLetterBlock *) g_ptr_array_index (blocks, i))->kind == RETRACT_BLOCK_SIGNATURE)
      signer = ((RetractLetterBlock *) g_ptr_array_index (blocks, i))->text;
  signature = retract_letter_renderer_new_layout (self, FONT_FAMILY, 12, PANGO_WEIGHT_NORMAL,
                                                  signer);

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
  g_autoptr(PangoLayout) number_layout =
    retract_letter_renderer_new_layout (self, FOOTER_FAMILY, 9, PANGO_WEIGHT_NORMAL, number);
  g_autoptr(PangoLayout) footer =
    retract_letter_renderer_new_layout (self, FOOTER_FAMILY, 7.5, PANGO_WEIGHT_NORMAL,
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

  retract_letter_renderer_paginate (self);
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