/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A complete publication, downloaded or from files: the signed-rules checks
 * in their order (retract_rules_store_verify()), then the install, which
 * compares versions under the data folder's lock. Every refusal says which
 * check failed and, for a download or a file, in its own words. */

#define G_LOG_DOMAIN "retract-updater"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-updater-private.h"

/* The publication @parts (rules, their signature, maybe a key list with
 * its signature) is complete: the signed-rules checks, in their order, then
 * the install, which compares versions under the lock. @from_file says
 * whether the user gave a file (for the messages). */
RetractRuleset *
_retract_updater_install_publication (RetractUpdater  *self,
                                      GBytes         **parts,
                                      GDateTime       *now,
                                      const char      *etag,
                                      gboolean         from_file,
                                      gboolean        *installed_new,
                                      GError         **error)
{
  const RetractRulesPublication publication = {
    parts[PART_RULES], parts[PART_RULES_SIGNATURE], parts[PART_KEYS], parts[PART_KEYS_SIGNATURE],
  };
  g_autoptr(RetractRuleset) candidate = NULL;
  g_autoptr(RetractRuleset) installed = NULL;
  g_autoptr(GError) local_error = NULL;
  RetractUpdateProblem problem = RETRACT_UPDATE_PROBLEM_NONE;
  RetractRulesInstallResult result;

  *installed_new = FALSE;
  candidate = retract_rules_store_verify (self->store, &publication, now, NULL, &problem,
                                          &local_error);
  if (candidate == NULL)
    {
      if (problem == RETRACT_UPDATE_PROBLEM_INVALID_RULES)
        _retract_updater_set_problem (error, RETRACT_UPDATE_ERROR_REJECTED, problem,
                                      from_file ? _("The rules in the file are not valid: %s")
                                                : _("The downloaded rules are not valid: %s"),
                                      local_error->message);
      else
        _retract_updater_set_problem (error, RETRACT_UPDATE_ERROR_REJECTED, problem,
                                      /* Translators: %s says which check failed */
                                      from_file ? _("The rules in the file were refused: %s")
                                                : _("The downloaded rules were refused: %s"),
                                      local_error->message);
      return NULL;
    }

  /* The comparison is made under the data folder's lock, against what is
   * installed at that moment: other processes may have installed newer
   * rules since this one started. */
  installed = retract_rules_store_install_if_newer (self->store, &publication, candidate, etag,
                                                    &result, &local_error);
  if (installed == NULL)
    {
      /* The disk's fault (full, read-only, not ours), never the rules'. */
      _retract_updater_set_problem (error, RETRACT_UPDATE_ERROR_IO, RETRACT_UPDATE_PROBLEM_DISK,
                                    /* Translators: %s says why, from the system */
                                    _("The rules could not be saved on this computer: %s"),
                                    local_error->message);
      return NULL;
    }

  switch (result)
    {
    case RETRACT_RULES_INSTALL_DONE:
      *installed_new = TRUE;
      return g_steal_pointer (&installed);

    case RETRACT_RULES_INSTALL_SAME:
      /* Up to date: the caller's rules, when they are these. */
      if (retract_ruleset_compare_versions (retract_ruleset_get_version (installed),
                                            retract_ruleset_get_version (self->active)) == 0)
        g_set_object (&installed, self->active);
      return g_steal_pointer (&installed);

    case RETRACT_RULES_INSTALL_OLDER:
      /* Not older than what this process started with: another process
       * installed newer rules meanwhile. The newest won; nothing is wrong. */
      if (retract_ruleset_compare_versions (retract_ruleset_get_version (candidate),
                                            retract_ruleset_get_version (self->active)) >= 0)
        return g_steal_pointer (&installed);
      _retract_updater_set_refusal (error, RETRACT_UPDATE_PROBLEM_OLDER_RULES, installed,
                                    from_file
                                    ? _("The file holds rules %1$s, older than the %2$s in use")
                                    : _("The server offers rules %1$s, older than the %2$s in use"),
                                    retract_ruleset_get_version (candidate),
                                    retract_ruleset_get_version (installed));
      return NULL;

    case RETRACT_RULES_INSTALL_CONFLICT:
    default:
      _retract_updater_set_refusal (error, RETRACT_UPDATE_PROBLEM_INVALID_RULES, installed,
                                    from_file
                                    ? _("The file holds rules %s with other content than the "
                                        "rules of the same version in use")
                                    : _("The server offers rules %s with other content than the "
                                        "rules of the same version in use"),
                                    retract_ruleset_get_version (candidate));
      return NULL;
    }
}
