/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "retract-letter.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_LETTER_RENDERER (retract_letter_renderer_get_type ())

G_DECLARE_FINAL_TYPE (RetractLetterRenderer, retract_letter_renderer, RETRACT, LETTER_RENDERER,
                      GObject)

/* A4 in PostScript points. */
#define RETRACT_A4_WIDTH  595.2756
#define RETRACT_A4_HEIGHT 841.8898

RetractLetterRenderer *retract_letter_renderer_new            (RetractLetter         *letter,
                                                               double                 page_width,
                                                               double                 page_height);
void                   retract_letter_renderer_new_async      (RetractLetter         *letter,
                                                               double                 page_width,
                                                               double                 page_height,
                                                               GCancellable          *cancellable,
                                                               GAsyncReadyCallback    callback,
                                                               gpointer               user_data);
RetractLetterRenderer *retract_letter_renderer_new_finish     (GAsyncResult          *result,
                                                               GError               **error);
guint                  retract_letter_renderer_get_n_pages    (RetractLetterRenderer *self);
guint                  retract_letter_renderer_get_unknown_glyphs (RetractLetterRenderer *self);
void                   retract_letter_renderer_draw_page      (RetractLetterRenderer *self,
                                                               cairo_t               *cr,
                                                               guint                  page);
GBytes                *retract_letter_renderer_render_pdf     (RetractLetterRenderer *self,
                                                               GDateTime             *creation_date,
                                                               gboolean               include_author,
                                                               GError               **error);

gboolean               retract_write_file_atomically          (const char            *path,
                                                               GBytes                *contents,
                                                               GError               **error);

G_END_DECLS
