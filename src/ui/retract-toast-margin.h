/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void retract_toast_margin_attach (AdwToastOverlay *overlay);

G_END_DECLS
