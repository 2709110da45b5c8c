/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "retract-stage"

#include "config.h"

#include "retract-id-table-private.h"
#include "retract-types.h"

/* The stable ids used by the dataset, the case file, the CLI and tests. */
static const char * const stage_ids[RETRACT_N_STAGES] = {
  [RETRACT_STAGE_AUTO_REVIEW] = "auto-review",
  [RETRACT_STAGE_MANUAL_REVIEW] = "manual-review",
  [RETRACT_STAGE_PROCESSED] = "processed",
  [RETRACT_STAGE_NOT_WITHDRAWABLE] = "not-withdrawable",
};

const char *
retract_stage_to_id (RetractStage stage)
{
  g_return_val_if_fail (stage < RETRACT_N_STAGES, NULL);

  return stage_ids[stage];
}

gboolean
retract_stage_from_id (const char   *id,
                       RetractStage *stage)
{
  guint value;

  g_return_val_if_fail (id != NULL, FALSE);

  if (!retract_id_table_find (stage_ids, RETRACT_N_STAGES, id, &value))
    return FALSE;

  if (stage != NULL)
    *stage = (RetractStage) value;
  return TRUE;
}
