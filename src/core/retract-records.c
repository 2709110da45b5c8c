/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "retract-records"

#include "config.h"

#include "retract-records.h"

void
retract_text_free (RetractText *text)
{
  if (text == NULL)
    return;
  retract_text_clear (text);
  g_free (text);
}

void
retract_section_free (RetractSection *section)
{
  if (section == NULL)
    return;
  retract_text_clear (&section->title);
  g_free (section);
}

void
retract_platform_free (RetractPlatform *platform)
{
  if (platform == NULL)
    return;
  g_free (platform->id);
  retract_text_clear (&platform->name);
  g_strfreev (platform->required_materials);
  for (guint i = 0; i < G_N_ELEMENTS (platform->channels); i++)
    g_strfreev (platform->channels[i]);
  g_free (platform);
}

void
retract_complaint_type_free (RetractComplaintType *type)
{
  if (type == NULL)
    return;
  g_free (type->id);
  g_free (type->platform);
  retract_text_clear (&type->name);
  retract_text_clear (&type->description);
  retract_text_clear (&type->path);
  retract_text_clear (&type->window_text);
  g_free (type->success_rating);
  g_strfreev (type->warnings);
  g_free (type);
}

void
retract_stage_info_free (RetractStageInfo *info)
{
  if (info == NULL)
    return;
  retract_text_clear (&info->name);
  retract_text_clear (&info->time_text);
  retract_text_clear (&info->state);
  retract_text_clear (&info->operability);
  retract_text_clear (&info->advice);
  g_free (info);
}

void
retract_channel_free (RetractChannel *channel)
{
  if (channel == NULL)
    return;
  g_free (channel->id);
  g_free (channel->platform);
  retract_text_clear (&channel->name);
  retract_text_clear (&channel->addressee);
  g_clear_pointer (&channel->steps, g_ptr_array_unref);
  retract_text_clear (&channel->condition);
  g_free (channel->phone);
  g_free (channel->url);
  g_free (channel->ticket_subject);
  g_free (channel->message_template);
  retract_text_clear (&channel->response_text);
  g_free (channel);
}

void
retract_material_free (RetractMaterial *material)
{
  if (material == NULL)
    return;
  g_free (material->id);
  retract_text_clear (&material->name);
  retract_text_clear (&material->applies);
  retract_text_clear (&material->format);
  g_clear_pointer (&material->requirements, g_ptr_array_unref);
  g_free (material);
}

void
retract_mistake_free (RetractMistake *mistake)
{
  if (mistake == NULL)
    return;
  g_free (mistake->id);
  retract_text_clear (&mistake->name);
  retract_text_clear (&mistake->description);
  g_free (mistake->evidence);
  g_free (mistake);
}

void
retract_channel_replacement_free (RetractChannelReplacement *replacement)
{
  if (replacement == NULL)
    return;
  g_free (replacement->from);
  g_free (replacement->to);
  g_free (replacement);
}

void
retract_scenario_free (RetractScenario *scenario)
{
  if (scenario == NULL)
    return;
  g_free (scenario->id);
  retract_text_clear (&scenario->name);
  retract_text_clear (&scenario->description);
  g_free (scenario->first_channel);
  g_clear_pointer (&scenario->replaces, g_ptr_array_unref);
  g_strfreev (scenario->materials);
  g_free (scenario);
}

void
retract_warning_free (RetractWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->id);
  retract_text_clear (&warning->text);
  g_free (warning);
}

void
retract_note_free (RetractNote *note)
{
  if (note == NULL)
    return;
  g_free (note->id);
  g_free (note->platform);
  retract_text_clear (&note->text);
  retract_text_clear (&note->path);
  g_free (note);
}

void
retract_comparison_free (RetractComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_free (comparison->platform);
  retract_text_clear (&comparison->window);
  retract_text_clear (&comparison->materials);
  retract_text_clear (&comparison->characteristics);
  g_free (comparison);
}

void
retract_link_free (RetractLink *link)
{
  if (link == NULL)
    return;
  g_free (link->platform);
  retract_text_clear (&link->name);
  g_free (link->url);
  g_free (link);
}

gboolean
retract_channel_serves_platform (const RetractChannel *channel,
                                 const char           *platform)
{
  g_return_val_if_fail (channel != NULL, FALSE);

  return channel->platform == NULL || g_strcmp0 (channel->platform, platform) == 0;
}

/**
 * retract_record_get_id:
 * @kind: what @record is
 * @record: a record of that kind
 *
 * Returns: (transfer none): the record's id
 */
const char *
retract_record_get_id (RetractRecordKind kind,
                       gconstpointer     record)
{
  g_return_val_if_fail (record != NULL, NULL);

  switch (kind)
    {
    case RETRACT_RECORD_PLATFORM:
      return ((const RetractPlatform *) record)->id;
    case RETRACT_RECORD_TYPE:
      return ((const RetractComplaintType *) record)->id;
    case RETRACT_RECORD_CHANNEL:
      return ((const RetractChannel *) record)->id;
    case RETRACT_RECORD_MATERIAL:
      return ((const RetractMaterial *) record)->id;
    case RETRACT_RECORD_MISTAKE:
      return ((const RetractMistake *) record)->id;
    case RETRACT_RECORD_SCENARIO:
      return ((const RetractScenario *) record)->id;
    case RETRACT_RECORD_WARNING:
      return ((const RetractWarning *) record)->id;
    case RETRACT_RECORD_NOTE:
      return ((const RetractNote *) record)->id;
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * retract_records_find:
 * @records: (element-type gpointer): records of @kind
 *
 * Returns: (transfer none) (nullable): the first record of @records with @id
 */
gconstpointer
retract_records_find (RetractRecordKind kind,
                      GPtrArray        *records,
                      const char       *id)
{
  g_return_val_if_fail (records != NULL, NULL);

  if (id == NULL)
    return NULL;

  for (guint i = 0; i < records->len; i++)
    {
      gconstpointer record = g_ptr_array_index (records, i);

      if (g_strcmp0 (retract_record_get_id (kind, record), id) == 0)
        return record;
    }

  return NULL;
}

/**
 * retract_records_join_ids:
 * @records: (element-type gpointer): records of @kind
 *
 * Returns: (transfer full): the ids joined by ", ", for messages
 */
char *
retract_records_join_ids (RetractRecordKind kind,
                          GPtrArray        *records)
{
  g_autoptr(GString) list = g_string_new (NULL);

  g_return_val_if_fail (records != NULL, NULL);

  for (guint i = 0; i < records->len; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, retract_record_get_id (kind, g_ptr_array_index (records, i)));
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}
