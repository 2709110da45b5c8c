/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The one way a window or a page asks for a file and writes one: a modal
 * file chooser, one at a time, that hands on the local file chosen; the
 * export written in a worker thread, and the answer told through the
 * window's actions (win.file-saved, win.show-toast). */

/* What a chooser asks: its title and accept button (translated), for a
 * save the file name it suggests, and the files it offers (%NULL: any). */
typedef struct
{
  const char           *title;
  GtkFileChooserAction  action;
  const char           *accept;
  const char           *name;
  GtkFileFilter        *filter;
} RetractFileQuestion;

/* What is done with the file chosen: @owner is the widget that asked. */
typedef void (*RetractFileChosenFunc) (GtkWidget  *owner,
                                       const char *path,
                                       gpointer    data);

void retract_choose_file            (GtkFileChooserNative      **chooser,
                                     GtkWidget                  *owner,
                                     const RetractFileQuestion  *question,
                                     RetractFileChosenFunc       chosen,
                                     gpointer                    data);
void retract_write_chosen_file      (GtkWidget                  *owner,
                                     const char                 *path,
                                     GBytes                     *contents);
void retract_show_save_error        (GtkWidget                  *owner,
                                     const GError               *error);

G_END_DECLS
