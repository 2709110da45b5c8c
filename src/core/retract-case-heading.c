/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A case's names in a dataset, and its heading ("WeChat · Friend report").
 * The one place it is composed: the list, the overview and the CLI each
 * composed it and printed "(null)" for a case whose type was not chosen. */

#define G_LOG_DOMAIN "retract-case"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-case-heading.h"

/**
 * retract_case_lookup_complaint_type:
 *
 * Returns: (nullable): @self's complaint type in @rules, or %NULL when it
 *   has none or the dataset does not know it
 */
const RetractComplaintType *
retract_case_lookup_complaint_type (RetractCase    *self,
                                    RetractRuleset *rules)
{
  const char *platform;
  const char *id;

  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);

  platform = retract_case_get_platform (self);
  id = retract_case_get_complaint_type (self);
  if (platform == NULL || id == NULL)
    return NULL;
  return retract_ruleset_lookup_type (rules, platform, id);
}

/**
 * retract_case_get_platform_name:
 *
 * Returns: (nullable): the dataset's name of @self's platform; its id when
 *   the dataset does not know it (the case then says why it cannot be
 *   assessed); %NULL when none is chosen
 */
const char *
retract_case_get_platform_name (RetractCase     *self,
                                RetractRuleset  *rules,
                                RetractLanguage  language)
{
  const char *id;
  const RetractPlatform *platform;

  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);

  id = retract_case_get_platform (self);
  platform = id != NULL ? retract_ruleset_lookup_platform (rules, id) : NULL;
  return platform != NULL ? retract_text_get (&platform->name, language) : id;
}

/**
 * retract_case_get_complaint_type_name:
 *
 * Returns: (nullable): the dataset's name of @self's complaint type; its id
 *   when the dataset does not know it; %NULL when none is chosen
 */
const char *
retract_case_get_complaint_type_name (RetractCase     *self,
                                      RetractRuleset  *rules,
                                      RetractLanguage  language)
{
  const RetractComplaintType *type = retract_case_lookup_complaint_type (self, rules);

  return type != NULL ? retract_text_get (&type->name, language)
                      : retract_case_get_complaint_type (self);
}

/**
 * retract_case_dup_heading:
 * @rules: the dataset whose names are used
 * @language: the language of the dataset's names
 *
 * What names @self in the case list, its overview and `retract-cli cases`:
 * its platform and complaint type. An id the dataset does not know is shown
 * as it is; one not chosen yet is said in words, in the language of the
 * program's messages.
 *
 * Returns: (transfer full): "WeChat · Friend report", or "WeChat · complaint
 *   type not chosen"
 */
char *
retract_case_dup_heading (RetractCase     *self,
                          RetractRuleset  *rules,
                          RetractLanguage  language)
{
  const char *platform;
  const char *type;

  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);

  platform = retract_case_get_platform_name (self, rules, language);
  type = retract_case_get_complaint_type_name (self, rules, language);
  /* Translators: a case's heading, "WeChat · Friend report"; the parts may
   * be the two below */
  return g_strdup_printf (_("%1$s · %2$s"),
                          /* Translators: a case's heading before its
                           * platform is chosen, "Platform not chosen ·
                           * complaint type not chosen" */
                          platform != NULL ? platform : _("Platform not chosen"),
                          /* Translators: a case's heading before its
                           * complaint type is chosen, "WeChat · complaint
                           * type not chosen" */
                          type != NULL ? type : _("complaint type not chosen"));
}
