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
  { RETRACT_RECORD_SCENARIO, RETRACT_SCENARIO_MINOR },
  { RETRACT_RECORD_SCENARIO, RETRACT_SCENARIO_ENTERPRISE },
  { RETRACT_RECORD_MISTAKE, RETRACT_MISTAKE_MISOPERATION },
  { RETRACT_RECORD_CHANNEL, RETRACT_CHANNEL_WEB_TICKET },
  { RETRACT_RECORD_CHANNEL, RETRACT_CHANNEL_PHONE_HOTLINE },
  { RETRACT_RECORD_CHANNEL, RETRACT_CHANNEL_APPEAL_MESSAGE },
  { RETRACT_RECORD_MATERIAL, RETRACT_MATERIAL_IDENTITY },
  { RETRACT_RECORD_WARNING, RETRACT_WARNING_MONTHLY_LIMIT },
  { RETRACT_RECORD_WARNING, RETRACT_WARNING_DAILY_APPEAL_LIMIT },
  { RETRACT_RECORD_WARNING, RETRACT_WARNING_OTHER_PARTY_LOSS },
  { RETRACT_RECORD_WARNING, RETRACT_WARNING_DUPLICATE_SUBMISSION },
  { RETRACT_RECORD_WARNING, RETRACT_WARNING_REPEAT_SUBMISSION },
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

/* Each id that a field of @spec names in @record, at @path, is a record of
 * the dataset. The tables say which fields name records: an id or a list of
 * ids whose descriptor gives the spec of the records it names. */
static gboolean
check_record (RetractRuleset       *self,
              RetractJsonDocument  *doc,
              const RecordSpec     *spec,
              gpointer              record,
              const char           *path,
              GError              **error)
{
  for (guint i = 0; i < spec->n_fields; i++)
    {
      const Field *field = &spec->fields[i];
      g_autofree char *member_path = NULL;
      gpointer member;
      gboolean ok = TRUE;

      if (field->spec == NULL || field->offset == NOT_STORED)
        continue;

      member = G_STRUCT_MEMBER_P (record, field->offset);
      member_path = retract_json_path_member (path, field->key);
      if (field->kind == FIELD_ID && *(char **) member != NULL)
        ok = check_reference (self, doc, field->spec->kind, *(char **) member, member_path, error);
      else if (field->kind == FIELD_IDS)
        ok = check_list (self, doc, field->spec->kind, *(GStrv *) member, member_path, error);
      else if (field->kind == FIELD_OBJECT)
        ok = check_record (self, doc, field->spec, record, member_path, error);
      else if (field->kind == FIELD_RECORDS)
        for (guint j = 0; ok && j < (*(GPtrArray **) member)->len; j++)
          {
            g_autofree char *element_path = retract_json_path_element (member_path, j);

            ok = check_record (self, doc, field->spec, (*(GPtrArray **) member)->pdata[j],
                               element_path, error);
          }

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* The channels a platform offers at each stage exist and serve it. */
static gboolean
check_platform_channels (RetractRuleset       *self,
                         RetractJsonDocument  *doc,
                         GError              **error)
{
  for (guint i = 0; i < self->platforms->len; i++)
    {
      const RetractPlatform *platform = g_ptr_array_index (self->platforms, i);

      for (guint stage = 0; stage < G_N_ELEMENTS (platform->channels); stage++)
        for (guint j = 0; platform->channels[stage][j] != NULL; j++)
          {
            const char *id = platform->channels[stage][j];
            g_autofree char *path = g_strdup_printf ("$.platforms[%u].channels[\"%s\"][%u]", i,
                                                     retract_stage_to_id (stage), j);

            if (!check_reference (self, doc, RETRACT_RECORD_CHANNEL, id, path, error))
              return FALSE;

            if (!retract_channel_serves_platform (retract_ruleset_lookup_channel (self, id),
                                                  platform->id))
              {
                retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_REFERENCE,
                                                 path, _("channel “%1$s” is not a %2$s channel"),
                                                 id, platform->id);
                return FALSE;
              }
          }
    }

  return TRUE;
}

/**
 * retract_ruleset_check_references:
 *
 * Every id a record names is a record of the dataset, walking the parser's
 * tables from the root; then each platform's channels serve it.
 */
gboolean
retract_ruleset_check_references (RetractRuleset       *self,
                                  RetractJsonDocument  *doc,
                                  GError              **error)
{
  return check_record (self, doc, &retract_ruleset_spec, self, "$", error) &&
         check_platform_channels (self, doc, error);
}
