/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Printing the letter: a GtkPrintOperation that draws each page with the
 * same code as the PDF and the preview, on A4, fitted to the printable area.
 * The review page runs it with the print dialog; the CUPS test runs the very
 * same operation without one, against a print server of its own. */

#define G_LOG_DOMAIN "retract-letter-print"

#include "config.h"

#include "retract-letter-print.h"

static void
draw_page (GtkPrintOperation     *operation,
           GtkPrintContext       *context,
           int                    page,
           RetractLetterRenderer *renderer)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = MIN (gtk_print_context_get_width (context) / RETRACT_A4_WIDTH,
                      gtk_print_context_get_height (context) / RETRACT_A4_HEIGHT);

  cairo_scale (cr, scale, scale);
  retract_letter_renderer_draw_page (renderer, cr, (guint) page);
}

/**
 * retract_letter_print_operation_new:
 * @renderer: the letter laid out on A4; the operation keeps a reference, so
 *   the pages stay the same while the job is sent even if the letter changes
 * @job_name: what the print queue shows; it goes to the print server, so it
 *   must carry no personal data (the letter's title does not)
 *
 * Returns: (transfer full): an operation printing every page of the letter
 */
GtkPrintOperation *
retract_letter_print_operation_new (RetractLetterRenderer *renderer,
                                    const char            *job_name)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_return_val_if_fail (RETRACT_IS_LETTER_RENDERER (renderer), NULL);
  g_return_val_if_fail (job_name != NULL, NULL);

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation,
                                   (int) retract_letter_renderer_get_n_pages (renderer));
  gtk_print_operation_set_job_name (operation, job_name);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page),
                         g_object_ref (renderer), (GClosureNotify) (void (*) (void)) g_object_unref,
                         G_CONNECT_DEFAULT);
  return operation;
}
