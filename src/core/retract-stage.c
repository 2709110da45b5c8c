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

RETRACT_DEFINE_ID_TABLE (retract_stage, RetractStage, stage_ids, NULL)
