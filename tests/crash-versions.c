/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "crash-versions.h"
#include "retract-case-private.h"
#include "retract-core-resources.h"
#include "retract-ruleset.h"
#include "retract-time.h"

/* Large enough (~200 KB) that a write takes long enough to be interrupted. */
RetractCase *
crash_case_version (guint which)
{
  RetractCase *kase = retract_case_new ();
  g_autoptr(GString) narrative = g_string_new (NULL);
  g_autoptr(GDateTime) filed = retract_time_parse ("2026-11-24T10:00:00+08:00", NULL);

  while (narrative->len < 200 * 1024)
    g_string_append (narrative, which == 0 ? "版本甲：误点了投诉。" : "版本乙：写错了内容。");

  retract_case_set_platform (kase, "wechat");
  retract_case_set_complaint_type (kase, which == 0 ? "friend-report" : "payment-dispute");
  retract_case_set_filed_at (kase, filed);
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, narrative->str);

  /* Both versions are one case of the library: the same id. */
  _retract_case_set_identity (kase, CRASH_CASE_ID, NULL);
  return kase;
}

char *
crash_case_text (guint which)
{
  g_autoptr(RetractCase) kase = crash_case_version (which);

  return retract_case_to_json (kase);
}

/* The single case.json of version 1 that the migration crash test moves. */
char *
crash_legacy_case_text (void)
{
  return g_strdup ("{\"format\": 1, \"platform\": \"wechat\", \"type\": \"friend-report\", "
                   "\"filed_at\": \"2026-11-24T10:00:00+08:00\", "
                   "\"narrative\": \"迁移前的案件\"}");
}

GBytes *
crash_rules_version (guint which)
{
  g_autoptr(GBytes) bundled = g_resource_lookup_data (retract_core_get_resource (),
                                                      RETRACT_RULESET_BUNDLED_PATH, 0, NULL);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bundled, NULL),
                                              (gssize) g_bytes_get_size (bundled));

  g_string_replace (text, "\"version\": \"2026.11.1\"",
                    which == 0 ? "\"version\": \"2026.12.1\"" : "\"version\": \"2026.12.2\"", 1);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}
