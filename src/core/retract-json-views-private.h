/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the two files of the JSON views share, so that a member is written
 * one way in all of them: retract-json-views.c (the assessment, the update
 * answer) and retract-json-case.c (case show, the list of cases). */

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void _retract_json_add_string (JsonBuilder *builder,
                               const char  *key,
                               const char  *value);
void _retract_json_add_time   (JsonBuilder *builder,
                               const char  *key,
                               GDateTime   *time);

G_END_DECLS
