/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void retract_first_frame_report_if_asked (GtkWindow *window);

G_END_DECLS
