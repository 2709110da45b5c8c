/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The checks across the records of a dataset, once all are read: the ids the
 * engine relies on are present (retract-engine-ids.h), and every id a record
 * names exists. */

#define G_LOG_DOMAIN "retract-ruleset"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-engine-ids.h"
#include "retract-error.h"
#include "retract-ruleset-private.h"

static const struct
{
  RetractRecordKind  kind;
  const char        *id;
} engine_ids[] = {
  { RETRACT_RECORD_PLATFORM, RETRACT_PLATFORM_WECHAT },
  { RETRACT_RECORD_SCENARIO, RETRACT_SCENARIO_CROSS_BORDER },
  { RETRACT_RECORD_MISTAKE, RETRACT_MISTAKE_MISOPERATION },
  { RETRACT_RECORD_CHANNEL, RETRACT_CHANNEL_WEB_TICKET },
  { RETRACT_RECORD_CHANNEL, RETRACT_CHANNEL_PHONE_HOTLINE },
  { RETRACT_RECORD_CHANNEL, RETRACT_CHANNEL_APPEAL_MESSAGE },
  { RETRACT_RECORD_MATERIAL, RETRACT_MATERIAL_IDENTITY },
  { RETRACT_RECORD_WARNING, RETRACT_WARNING_MONTHLY_LIMIT },
  { RETRACT_RECORD_WARNING, RETRACT_WARNING_OTHER_PARTY_LOSS },
  { RETRACT_RECORD_WARNING, RETRACT_WARNING_DUPLICATE_SUBMISSION },
  { RETRACT_RECORD_WARNING, RETRACT_WARNING_IRREVERSIBLE },
  { RETRACT_RECORD_WARNING, RETRACT_WARNING_CALENDAR_UNKNOWN },
};

/* The root's list of @kind, its key and the name of its records, all from
 * the parser's table; the name is translated. */
static GPtrArray *
lookup_list (RetractRuleset    *self,
             RetractRecordKind  kind,
             const char       **key,
             const char       **name)
{
  const Field *field = retract_ruleset_list_field (kind);

  *key = field->key;
  *name = g_dpgettext2 (GETTEXT_PACKAGE, "record", field->spec->name);
  return G_STRUCT_MEMBER (GPtrArray *, self, field->offset);
}

/* That the engine's @id of @kind is in the dataset; the error names its list. */
static gboolean
check_engine_id (RetractRuleset       *self,
                 RetractJsonDocument  *doc,
                 RetractRecordKind     kind,
                 const char           *id,
                 GError              **error)
{
  const char *key, *name;
  GPtrArray *records = lookup_list (self, kind, &key, &name);
  g_autofree char *path = NULL;

  if (retract_records_find (kind, records, id) != NULL)
    return TRUE;

  path = retract_json_path_member ("$", key);
  /* Translators: "channel “web-ticket” is missing" — %1$s is the kind of record. */
  retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_MISSING, path,
                                   _("%1$s “%2$s” is missing"), name, id);
  return FALSE;
}

/**
 * retract_ruleset_check_engine_ids:
 *
 * Every stage, and every id of retract-engine-ids.h, is in the dataset; the
 * monthly limit has its threshold.
 */
gboolean
retract_ruleset_check_engine_ids (RetractRuleset       *self,
                                  RetractJsonDocument  *doc,
                                  GError              **error)
{
  const RetractWarning *monthly;

  for (guint stage = 0; stage < RETRACT_N_STAGES; stage++)
    if (retract_ruleset_get_stage_info (self, stage) == NULL)
      {
        retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_MISSING, "$.stages",
                                         _("stage “%s” is missing"),
                                         retract_stage_to_id (stage));
        return FALSE;
      }

  for (guint i = 0; i < G_N_ELEMENTS (engine_ids); i++)
    if (!check_engine_id (self, doc, engine_ids[i].kind, engine_ids[i].id, error))
      return FALSE;

  monthly = retract_ruleset_lookup_warning (self, RETRACT_WARNING_MONTHLY_LIMIT);
  if (monthly->threshold < 0)
    {
      retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_MISSING, "$.warnings",
                                       _("warning “monthly-limit” needs a “threshold”"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_reference (RetractRuleset       *self,
                 RetractJsonDocument  *doc,
                 RetractRecordKind     kind,
                 const char           *id,
                 const char           *path,
                 GError              **error)
{
  const char *key, *name;

  if (retract_records_find (kind, lookup_list (self, kind, &key, &name), id) != NULL)
    return TRUE;

  /* Translators: "unknown channel “x”" — %1$s is the kind of record. */
  retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_REFERENCE, path,
                                   _("unknown %1$s “%2$s”"), name, id);
  return FALSE;
}

/* Each id of @ids is a record of @kind; @path is the list's. */
static gboolean
check_list (RetractRuleset       *self,
            RetractJsonDocument  *doc,
            RetractRecordKind     kind,
            GStrv                 ids,
            const char           *path,
            GError              **error)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *element_path = retract_json_path_element (path, i);

      if (!check_reference (self, doc, kind, ids[i], element_path, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_channel_for_platform (RetractRuleset       *self,
                            RetractJsonDocument  *doc,
                            const char           *channel_id,
                            const char           *platform,
                            const char           *path,
                            GError              **error)
{
  const RetractChannel *channel = retract_ruleset_lookup_channel (self, channel_id);

  if (!check_reference (self, doc, RETRACT_RECORD_CHANNEL, channel_id, path, error))
    return FALSE;

  if (platform != NULL && !retract_channel_serves_platform (channel, platform))
    {
      retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_REFERENCE, path,
                                       _("channel “%1$s” is not a %2$s channel"),
                                       channel_id, platform);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_platforms (RetractRuleset       *self,
                 RetractJsonDocument  *doc,
                 GError              **error)
{
  for (guint i = 0; i < self->platforms->len; i++)
    {
      const RetractPlatform *platform = g_ptr_array_index (self->platforms, i);
      g_autofree char *path = g_strdup_printf ("$.platforms[%u]", i);
      g_autofree char *materials_path = retract_json_path_member (path, "required_materials");

      if (!check_list (self, doc, RETRACT_RECORD_MATERIAL, platform->required_materials,
                       materials_path, error))
        return FALSE;

      for (guint stage = 0; stage < G_N_ELEMENTS (platform->channels); stage++)
        for (guint j = 0; platform->channels[stage][j] != NULL; j++)
          {
            g_autofree char *channel_path =
              g_strdup_printf ("%s.channels[\"%s\"][%u]", path, retract_stage_to_id (stage), j);

            if (!check_channel_for_platform (self, doc, platform->channels[stage][j],
                                             platform->id, channel_path, error))
              return FALSE;
          }
    }

  return TRUE;
}

static gboolean
check_scenarios (RetractRuleset       *self,
                 RetractJsonDocument  *doc,
                 GError              **error)
{
  for (guint i = 0; i < self->scenarios->len; i++)
    {
      const RetractScenario *scenario = g_ptr_array_index (self->scenarios, i);
      g_autofree char *path = g_strdup_printf ("$.scenarios[%u]", i);
      g_autofree char *materials_path = retract_json_path_member (path, "materials");

      if (scenario->first_channel != NULL)
        {
          g_autofree char *channel_path = retract_json_path_member (path, "first_channel");

          if (!check_channel_for_platform (self, doc, scenario->first_channel, NULL,
                                           channel_path, error))
            return FALSE;
        }

      for (guint j = 0; j < scenario->replaces->len; j++)
        {
          const RetractChannelReplacement *replacement = g_ptr_array_index (scenario->replaces, j);
          g_autofree char *from_path = g_strdup_printf ("%s.replaces[%u].from", path, j);
          g_autofree char *to_path = g_strdup_printf ("%s.replaces[%u].to", path, j);

          if (!check_channel_for_platform (self, doc, replacement->from, NULL, from_path,
                                           error) ||
              !check_channel_for_platform (self, doc, replacement->to, NULL, to_path, error))
            return FALSE;
        }

      if (scenario->not_withdrawable != (scenario->legal_deadline_working_days > 0))
        {
          retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                           _("a scenario that makes a complaint not withdrawable "
                                             "gives a “legal_deadline”, and only such a one"));
          return FALSE;
        }

      if (!check_list (self, doc, RETRACT_RECORD_MATERIAL, scenario->materials, materials_path,
                       error))
        return FALSE;
    }

  return TRUE;
}

/**
 * retract_ruleset_check_references:
 *
 * Every id a record names is a record of the dataset.
 */
gboolean
retract_ruleset_check_references (RetractRuleset       *self,
                                  RetractJsonDocument  *doc,
                                  GError              **error)
{
  if (!check_platforms (self, doc, error))
    return FALSE;

  for (guint i = 0; i < self->types->len; i++)
    {
      const RetractComplaintType *type = g_ptr_array_index (self->types, i);
      g_autofree char *platform_path = g_strdup_printf ("$.types[%u].platform", i);
      g_autofree char *warnings_path = g_strdup_printf ("$.types[%u].warnings", i);

      if (!check_reference (self, doc, RETRACT_RECORD_PLATFORM, type->platform, platform_path,
                            error) ||
          !check_list (self, doc, RETRACT_RECORD_WARNING, type->warnings, warnings_path, error))
        return FALSE;
    }

  for (guint i = 0; i < self->channels->len; i++)
    {
      const RetractChannel *channel = g_ptr_array_index (self->channels, i);
      g_autofree char *path = g_strdup_printf ("$.channels[%u].platform", i);

      if (channel->platform != NULL &&
          !check_reference (self, doc, RETRACT_RECORD_PLATFORM, channel->platform, path, error))
        return FALSE;
    }

  for (guint i = 0; i < self->mistakes->len; i++)
    {
      const RetractMistake *mistake = g_ptr_array_index (self->mistakes, i);
      g_autofree char *path = g_strdup_printf ("$.mistakes[%u].evidence", i);

      if (!check_reference (self, doc, RETRACT_RECORD_MATERIAL, mistake->evidence, path, error))
        return FALSE;
    }

  if (!check_scenarios (self, doc, error))
    return FALSE;

  for (guint i = 0; i < self->comparison->len; i++)
    {
      const RetractComparison *row = g_ptr_array_index (self->comparison, i);
      g_autofree char *path = g_strdup_printf ("$.comparison[%u].platform", i);

      if (!check_reference (self, doc, RETRACT_RECORD_PLATFORM, row->platform, path, error))
        return FALSE;
    }

  for (guint kind = 0; kind < RETRACT_N_NOTES_KINDS; kind++)
    for (guint i = 0; i < self->notes[kind]->len; i++)
      {
        const RetractNote *note = g_ptr_array_index (self->notes[kind], i);
        g_autofree char *path = g_strdup_printf ("$.%s[%u].platform",
                                                 retract_ruleset_note_key (kind), i);

        if (note->platform != NULL &&
            !check_reference (self, doc, RETRACT_RECORD_PLATFORM, note->platform, path, error))
          return FALSE;
      }

  for (guint i = 0; i < self->links->len; i++)
    {
      const RetractLink *link = g_ptr_array_index (self->links, i);
      g_autofree char *path = g_strdup_printf ("$.meta.official_links[%u].platform", i);

      if (!check_reference (self, doc, RETRACT_RECORD_PLATFORM, link->platform, path, error))
        return FALSE;
    }

  return TRUE;
}
