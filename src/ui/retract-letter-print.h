/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "retract-letter-renderer.h"

G_BEGIN_DECLS

GtkPrintOperation *retract_letter_print_operation_new (RetractLetterRenderer *renderer,
                                                       const char            *job_name);

G_END_DECLS
