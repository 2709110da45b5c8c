/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-keys.h"

G_BEGIN_DECLS

/* The key list read without its signature or any check against a clock or a
 * stored list: for the fuzz target and the tests of the format only. Every
 * other caller uses retract_key_list_new_verified(). */
RetractKeyList *_retract_key_list_parse (GBytes     *bytes,
                                         const char *display_name,
                                         GError    **error);

G_END_DECLS
