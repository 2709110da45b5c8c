/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Checking a case's answers against the rules before assessing it: each
 * missing or unknown answer is refused as "field: reason" with the valid
 * values (the CLI and the wizard show these words). */

#define G_LOG_DOMAIN "retract-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-assessment-private.h"
#include "retract-error.h"
#include "retract-time.h"

static gboolean
resolve_answers (RetractAssessment *self,
                 RetractCase       *kase,
                 GError           **error)
{
  RetractRuleset *rules = self->rules;
  const char *platform = retract_case_get_platform (kase);
  const char *type = retract_case_get_complaint_type (kase);
  const char *mistake = retract_case_get_mistake (kase);
  const char * const *scenarios = retract_case_get_scenarios (kase);
  GPtrArray *all_scenarios = retract_ruleset_get_scenarios (rules);

  if (platform == NULL)
    {
      g_autofree char *valid = retract_records_join_ids (RETRACT_RECORD_PLATFORM,
                                                           retract_ruleset_get_platforms (rules));

      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_MISSING,
                   _("platform: not given; valid values: %s"), valid);
      return FALSE;
    }

  self->platform = retract_ruleset_lookup_platform (rules, platform);
  if (self->platform == NULL)
    {
      g_autofree char *valid = retract_records_join_ids (RETRACT_RECORD_PLATFORM,
                                                           retract_ruleset_get_platforms (rules));

      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_UNKNOWN_ID,
                   _("platform: unknown platform “%1$s”; valid values: %2$s"), platform, valid);
      return FALSE;
    }

  if (type == NULL)
    {
      g_autofree char *valid = retract_ruleset_list_type_ids (rules, platform);

      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_MISSING,
                   _("type: not given; valid values for %1$s: %2$s"), platform, valid);
      return FALSE;
    }

  self->type = retract_ruleset_lookup_type (rules, platform, type);
  if (self->type == NULL)
    {
      g_autofree char *valid = retract_ruleset_list_type_ids (rules, platform);

      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_UNKNOWN_ID,
                   _("type: “%1$s” is not a complaint type of %2$s; valid values: %3$s"),
                   type, platform, valid);
      return FALSE;
    }

  self->mistake = retract_ruleset_lookup_mistake (rules, mistake);
  if (self->mistake == NULL)
    {
      g_autofree char *valid = retract_records_join_ids (RETRACT_RECORD_MISTAKE,
                                                           retract_ruleset_get_mistakes (rules));

      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_UNKNOWN_ID,
                   _("mistake: unknown kind of mistake “%1$s”; valid values: %2$s"),
                   mistake, valid);
      return FALSE;
    }

  for (guint i = 0; scenarios[i] != NULL; i++)
    {
      if (retract_ruleset_lookup_scenario (rules, scenarios[i]) == NULL)
        {
          g_autofree char *valid = retract_records_join_ids (RETRACT_RECORD_SCENARIO, all_scenarios);

          g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_UNKNOWN_ID,
                       _("scenarios: unknown scenario “%1$s”; valid values: %2$s"),
                       scenarios[i], valid);
          return FALSE;
        }
    }

  /* Dataset order, so the answer does not depend on the order of the ticks. */
  for (guint i = 0; i < all_scenarios->len; i++)
    {
      const RetractScenario *scenario = g_ptr_array_index (all_scenarios, i);

      if (retract_case_has_scenario (kase, scenario->id))
        g_ptr_array_add (self->scenarios, (gpointer) scenario);
    }

  return TRUE;
}

static gboolean
resolve_times (RetractAssessment *self,
               RetractCase       *kase,
               GDateTime         *now,
               GError           **error)
{
  GDateTime *filed_at = retract_case_get_filed_at (kase);

  if (filed_at == NULL)
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_MISSING,
                   _("filed_at: not given; when was the complaint filed?"));
      return FALSE;
    }

  self->now = g_date_time_to_timezone (now, retract_time_zone ());
  self->filed_at = g_date_time_to_timezone (filed_at, retract_time_zone ());

  if (g_date_time_difference (self->filed_at, self->now) > RETRACT_FUTURE_TOLERANCE)
    {
      g_autofree char *filed = retract_time_format_human (self->filed_at);
      g_autofree char *current = retract_time_format_human (self->now);

      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_FUTURE,
                   /* Translators: both %s are times like 2026-11-24 10:00. */
                   _("filed_at: %1$s is in the future; it is now %2$s (Beijing time)"),
                   filed, current);
      return FALSE;
    }

  return TRUE;
}

gboolean
_retract_assessment_resolve (RetractAssessment *self,
                             RetractCase       *kase,
                             GDateTime         *now,
                             GError           **error)
{
  return resolve_answers (self, kase, error) && resolve_times (self, kase, now, error);
}
