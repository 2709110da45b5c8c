/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The app's settings, looked up in one place. Settings are a comfort: an
 * uninstalled run (a build tree, a test) has no compiled schema, and
 * g_settings_new() would abort there, so the schema is looked up first. */

#define G_LOG_DOMAIN "retract-settings"

#include "config.h"

#include "retract-settings.h"

/**
 * retract_settings_new:
 *
 * Returns: (transfer full) (nullable): the settings of APP_ID, or %NULL when
 *   its schema is not installed; callers then use the defaults
 */
GSettings *
retract_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new (APP_ID);
}
