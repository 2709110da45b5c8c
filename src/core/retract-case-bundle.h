/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Export/Import Case File: every case of the library in one versioned JSON
 * file, {"format": 1, "kind": "retract-case-bundle", "cases": [case, …]},
 * each case exactly as its own case file (format 2). Import merges by case
 * id: a new case is added; a saved one keeps every event of both copies
 * (union); a saved copy newer (updated_at) than the imported one whose
 * answers differ is not overwritten unless the user said so. */

#include "retract-store.h"

G_BEGIN_DECLS

#define RETRACT_CASE_BUNDLE_FORMAT 1

typedef struct
{
  GPtrArray *cases;      /* RetractCase: what the file holds, checked */
  GPtrArray *added;      /* ids: not saved yet, will be added */
  GPtrArray *merged;     /* ids: saved, the events of both are kept */
  GPtrArray *unchanged;  /* ids: saved exactly so already */
  GPtrArray *conflicts;  /* ids: the saved copy is newer and its answers differ */
} RetractCaseBundlePlan;

gboolean               retract_case_bundle_export    (RetractStore           *store,
                                                      const char             *path,
                                                      guint                  *n_cases,
                                                      GError                **error);
RetractCaseBundlePlan *retract_case_bundle_plan      (RetractStore           *store,
                                                      const char             *path,
                                                      GError                **error);
gboolean               retract_case_bundle_apply     (RetractStore           *store,
                                                      RetractCaseBundlePlan  *plan,
                                                      gboolean                overwrite_newer,
                                                      GError                **error);
void                   retract_case_bundle_plan_free (RetractCaseBundlePlan  *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetractCaseBundlePlan, retract_case_bundle_plan_free)

G_END_DECLS
