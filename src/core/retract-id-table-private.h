/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An enum that files and the CLI write by stable ids keeps them in a table
 * indexed by its values ("auto-review", "timed-out", …); this is the one
 * search from an id back to its value.
 *
 * Returns: %FALSE, @value untouched, when @id (may be %NULL) is not in @ids */
static inline gboolean
retract_id_table_find (const char * const *ids,
                       gsize               n_ids,
                       const char         *id,
                       guint              *value)
{
  for (guint i = 0; id != NULL && i < n_ids; i++)
    if (ids[i] != NULL && g_str_equal (id, ids[i]))
      {
        *value = i;
        return TRUE;
      }

  return FALSE;
}

/* Defines the two lookups of an enum written by ids, from @ids, its table
 * indexed by the values of @Type:
 *   const char *PREFIX_to_id (Type value): the id (%NULL where the table has
 *     none); @fallback, with a critical, for a value beyond the table;
 *   gboolean PREFIX_from_id (const char *id, Type *value): %FALSE, @value
 *     untouched, when @id (may be %NULL) is none of the ids; @value may be
 *     %NULL to only ask whether @id is one. */
#define RETRACT_DEFINE_ID_TABLE(prefix, Type, ids, fallback)               \
  const char *                                                             \
  prefix##_to_id (Type value)                                              \
  {                                                                        \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (ids), fallback);   \
    return ids[value];                                                     \
  }                                                                        \
                                                                           \
  gboolean                                                                 \
  prefix##_from_id (const char *id,                                        \
                    Type       *value)                                     \
  {                                                                        \
    guint found;                                                           \
                                                                           \
    if (!retract_id_table_find (ids, G_N_ELEMENTS (ids), id, &found))      \
      return FALSE;                                                        \
    if (value != NULL)                                                     \
      *value = (Type) found;                                               \
    return TRUE;                                                           \
  }

G_END_DECLS
