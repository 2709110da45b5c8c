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

/* Where each kind of record keeps its id. */
static const gsize id_offsets[] = {
  [RETRACT_RECORD_PLATFORM] = G_STRUCT_OFFSET (RetractPlatform, id),
  [RETRACT_RECORD_TYPE] = G_STRUCT_OFFSET (RetractComplaintType, id),
  [RETRACT_RECORD_CHANNEL] = G_STRUCT_OFFSET (RetractChannel, id),
  [RETRACT_RECORD_MATERIAL] = G_STRUCT_OFFSET (RetractMaterial, id),
  [RETRACT_RECORD_MISTAKE] = G_STRUCT_OFFSET (RetractMistake, id),
  [RETRACT_RECORD_SCENARIO] = G_STRUCT_OFFSET (RetractScenario, id),
  [RETRACT_RECORD_WARNING] = G_STRUCT_OFFSET (RetractWarning, id),
  [RETRACT_RECORD_NOTE] = G_STRUCT_OFFSET (RetractNote, id),
};

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
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (id_offsets), NULL);

  return G_STRUCT_MEMBER (const char *, record, id_offsets[kind]);
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
