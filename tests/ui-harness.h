/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-window.h"

G_BEGIN_DECLS

/* Shared by the UI tests and the screenshot tour: a real window on a fixed
 * clock, with a store in the (isolated) user data directory. */

typedef struct
{
  RetractRuleset *rules;
  RetractStore   *store;
  RetractClock   *clock;
  RetractWindow  *window;
} Harness;

void          harness_use_own_folders (void);
void          harness_remove_tree   (const char  *path);
void          harness_init          (Harness     *harness,
                                     const char  *now);
void          harness_open_window   (Harness     *harness);
void          harness_close_window  (Harness     *harness);
void          harness_clear         (Harness     *harness);
void          harness_settle        (void);
RetractPage  *harness_page          (Harness     *harness,
                                     const char  *step);
gboolean      harness_next_enabled  (Harness     *harness);
void          harness_next          (Harness     *harness);
void          harness_fill_situation (Harness    *harness,
                                     const char  *platform,
                                     const char  *type,
                                     const char  *filed_at);
void          harness_start_case    (Harness     *harness,
                                     const char  *now,
                                     const char  *platform,
                                     const char  *type,
                                     const char  *filed_at);
void          harness_fill_details  (Harness     *harness);
GtkWidget    *harness_find          (GtkWidget   *root,
                                     GType        type,
                                     const char  *css_class);
/* A shown window of @type (a dialog), or NULL. */
GtkWindow    *harness_find_toplevel (GType        type);
/* The first control under @root, shown or not, whose action is @action. */
GtkWidget    *harness_find_action   (GtkWidget   *root,
                                     const char  *action);
/* The first shown button under @root whose tooltip is @tooltip (an icon
 * button of retract_icon_button_new(), which says what it does there). */
GtkWidget    *harness_find_button_by_tooltip (GtkWidget  *root,
                                              const char *tooltip);
gboolean      harness_save_png      (GtkWidget   *widget,
                                     const char  *path);
void          harness_wait_listed   (Harness     *harness);
void          harness_continue      (Harness     *harness);
GtkFileChooser *harness_find_file_chooser (void);

/* Appends to @problems what is wrong with what a screen reader hears for
 * @widget, a control on screen, as GTK 4.8 computes it: a mnemonic
 * underscore, the name said twice, a type name such as "GtkImage", a list
 * item with no name. */
void          harness_check_spoken_name (GtkWidget *widget,
                                     GString     *problems);
/* The same for every control shown under @root. */
void          harness_check_spoken_names (GtkWidget *root,
                                     GString     *problems);

G_END_DECLS
