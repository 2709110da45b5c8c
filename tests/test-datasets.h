/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "retract-ruleset.h"

G_BEGIN_DECLS

/* Variations on the bundled dataset, shared by the tests. */

GBytes         *test_dataset_bundled      (void);
GBytes         *test_dataset_edit         (GBytes      *source,
                                           const char  *find,
                                           const char  *replace);
GBytes         *test_dataset_with_version (const char  *version);
JsonNode       *test_dataset_parse        (void);
RetractRuleset *test_dataset_load         (JsonNode    *root,
                                           const char  *name);

G_END_DECLS
