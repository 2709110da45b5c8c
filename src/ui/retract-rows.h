/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Rows that pages build from the dataset and rebuild when the answer
 * changes, and the controls in them: the countdown to a deadline, Copy for
 * a phone number, Open for a website, the warning sign. */

GtkWidget *retract_row_new              (const char          *title,
                                         const char          *subtitle);
void       retract_row_set_control      (GtkWidget           *row,
                                         GtkWidget           *control,
                                         GtkPackType          pack);
GtkWidget *retract_icon_button_new      (const char          *icon_name,
                                         const char          *label);

GtkWidget *retract_rows_add             (GPtrArray           *rows,
                                         AdwPreferencesGroup *group,
                                         const char          *title,
                                         const char          *subtitle);
void       retract_rows_clear           (GPtrArray           *rows);
GtkWidget *retract_rows_add_step        (GPtrArray           *rows,
                                         AdwPreferencesGroup *group,
                                         guint                number,
                                         const char          *text);

char      *retract_clock_text_dup       (GDateTime           *time);

GtkWidget *retract_countdown_new        (void);
void       retract_countdown_set        (GtkWidget           *label,
                                         GDateTime           *due,
                                         GDateTime           *now);
void       retract_countdown_tick       (GtkWidget           *label,
                                         GDateTime           *now);

GtkWidget *retract_copy_button_new      (void);
void       retract_copy_button_set_text (GtkWidget           *button,
                                         const char          *text);
GtkWidget *retract_open_button_new      (void);
void       retract_open_button_set_uri  (GtkWidget           *button,
                                         const char          *uri);
GtkWidget *retract_warning_icon_new     (void);

G_END_DECLS
