/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The two versions the crash writer alternates between, shared with the test
 * that checks what survives. */

#include "retract-case.h"

G_BEGIN_DECLS

RetractCase *crash_case_version  (guint which);
char        *crash_case_text     (guint which);
GBytes      *crash_rules_version (guint which);

G_END_DECLS
