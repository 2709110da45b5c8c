/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void retract_stack_pages_show       (GtkStack   *stack,
                                     GtkWidget  *page);
void retract_stack_pages_show_named (GtkStack   *stack,
                                     const char *name);

G_END_DECLS
