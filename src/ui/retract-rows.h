/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Rows that pages build from the dataset and rebuild when the answer
 * changes, and the controls in them. */

GtkWidget *retract_row_new       (const char          *title,
                                  const char          *subtitle);
void       retract_row_set_control (GtkWidget         *row,
                                  GtkWidget           *control,
                                  GtkPackType          pack);
GtkWidget *retract_icon_button_new (const char        *icon_name,
                                  const char          *label);

GtkWidget *retract_rows_add      (GPtrArray           *rows,
                                  AdwPreferencesGroup *group,
                                  const char          *title,
                                  const char          *subtitle);
void       retract_rows_clear    (GPtrArray           *rows);
GtkWidget *retract_rows_add_step (GPtrArray           *rows,
                                  AdwPreferencesGroup *group,
                                  guint                number,
                                  const char          *text);

G_END_DECLS
