/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What retract-validators.c and retract-id-document.c share. */

#include <glib.h>

G_BEGIN_DECLS

char *_retract_normalize_typed (const char *text);

G_END_DECLS
