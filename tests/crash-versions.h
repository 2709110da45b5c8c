/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The two versions the crash writer alternates between, shared with the test
 * that checks what survives. */

#include "retract-case.h"

G_BEGIN_DECLS

/* The id both versions of the crash test's case have. */
#define CRASH_CASE_ID "c0ffee00c0ffee00c0ffee00c0ffee00"

RetractCase *crash_case_version  (guint which);
char        *crash_legacy_case_text (void);
char        *crash_case_text     (guint which);
GBytes      *crash_rules_version (guint which);

G_END_DECLS
