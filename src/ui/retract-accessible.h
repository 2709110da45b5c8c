/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What GTK 4.8 and libadwaita 1.2 read wrongly to a screen reader, put
 * right in one place for every window of the app. */

void retract_accessible_init         (void);
void retract_accessible_watch_button (GtkButton *button);

G_END_DECLS
