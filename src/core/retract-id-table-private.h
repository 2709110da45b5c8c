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

G_END_DECLS
