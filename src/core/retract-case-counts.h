/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

/* The limits on the user's own requests (§6: withdrawals a month, §8: appeals
 * a day), counted from the timelines of every case of one platform and one
 * account, never asked of the user. */

#include "retract-case.h"
#include "retract-ruleset.h"

G_BEGIN_DECLS

typedef struct
{
  /* Other cases with a withdrawal request this Beijing month, plus the
   * requests the user made outside Retract (the case's baseline). */
  int        withdrawal_requests_this_month;
  /* Appeal messages sent this Beijing day, over every case of the account. */
  int        appeals_today;
  /* The appeal channel's daily limit; 0 when the platform has none. */
  int        appeal_limit;
  /* When the next appeal is allowed: the next 00:00 Beijing time once the
   * day's limit is reached, otherwise %NULL. */
  GDateTime *next_appeal_at;
} RetractCaseCounts;

gboolean   retract_case_counts_channel_is_request (RetractRuleset    *rules,
                                                   const char        *channel);
gboolean   retract_case_counts_has_request_in_month (RetractRuleset  *rules,
                                                     RetractCase     *kase,
                                                     GDateTime       *now);
gboolean   retract_case_counts_same_account (RetractCase             *a,
                                             RetractCase             *b);
void       retract_case_counts_compute      (RetractCaseCounts       *counts,
                                             RetractRuleset          *rules,
                                             RetractCase             *kase,
                                             GPtrArray               *others,
                                             GDateTime               *now);
void       retract_case_counts_compute_each (RetractRuleset          *rules,
                                             GPtrArray               *group,
                                             GDateTime               *now,
                                             RetractCaseCounts       *counts);
void       retract_case_counts_clear        (RetractCaseCounts       *counts);
GDateTime *retract_time_next_midnight       (GDateTime               *time);

G_END_DECLS
