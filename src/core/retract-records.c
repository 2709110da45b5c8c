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
