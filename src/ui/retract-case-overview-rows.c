/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The overview's rows, kept from one evaluation to the next in one pool per
 * group: a row of the same kind is updated in place, so that a label whose
 * text is the same keeps its shaped text (issue 13). */

#define G_LOG_DOMAIN "retract-case-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-case-overview-private.h"
#include "retract-rows.h"

void
_retract_overview_pool_begin (Pool *pool)
{
  pool->used = 0;
}

/* Drops the rows from @from on. */
static void
pool_truncate (Pool  *pool,
               guint  from)
{
  for (guint i = from; i < pool->slots->len; i++)
    adw_preferences_group_remove (pool->group, g_array_index (pool->slots, Slot, i).row);
  g_array_set_size (pool->slots, MIN (from, pool->slots->len));
}

void
_retract_overview_pool_end (Pool *pool)
{
  pool_truncate (pool, pool->used);
}

/* The pool's next row, of @kind, showing @title and @subtitle as plain text:
 * the row that was there last time when it is of that kind, else a new one
 * (and the rows after it go, so that the order stays that of the calls). */
Slot *
_retract_overview_pool_take (Pool       *pool,
                             RowKind     kind,
                             const char *title,
                             const char *subtitle)
{
  Slot *slot = pool->used < pool->slots->len ? &g_array_index (pool->slots, Slot, pool->used)
                                             : NULL;

  if (slot != NULL && slot->kind == kind)
    {
      AdwPreferencesRow *row = ADW_PREFERENCES_ROW (slot->row);

      if (g_strcmp0 (adw_preferences_row_get_title (row), title) != 0)
        adw_preferences_row_set_title (row, title);
      if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                     subtitle != NULL ? subtitle : "") != 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
      pool->used++;
      return slot;
    }

  pool_truncate (pool, pool->used);
  g_array_set_size (pool->slots, pool->used + 1);
  slot = &g_array_index (pool->slots, Slot, pool->used);
  slot->kind = kind;
  slot->extra = NULL;
  slot->row = retract_row_new (title, subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (slot->row), 0);
  /* A row only says something: Tab passes it by, to the controls (its
   * Copy or Open among them). A screen reader still reads it. */
  gtk_widget_set_focusable (slot->row, FALSE);

  switch (kind)
    {
    case ROW_DIM:
      gtk_widget_add_css_class (slot->row, "dim-label");
      break;
    case ROW_NEXT_STEP:
      gtk_widget_add_css_class (slot->row, "next-step");
      break;
    case ROW_PHONE:
      slot->extra = retract_copy_button_new ();
      adw_action_row_add_suffix (ADW_ACTION_ROW (slot->row), slot->extra);
      break;
    case ROW_SITE:
      slot->extra = retract_open_button_new ();
      adw_action_row_add_suffix (ADW_ACTION_ROW (slot->row), slot->extra);
      break;
    case ROW_DEADLINE:
      slot->extra = retract_countdown_new ();
      adw_action_row_add_suffix (ADW_ACTION_ROW (slot->row), slot->extra);
      break;
    case ROW_WARNING:
      adw_action_row_add_prefix (ADW_ACTION_ROW (slot->row), retract_warning_icon_new ());
      break;
    case ROW_PLAIN:
    default:
      break;
    }

  adw_preferences_group_add (pool->group, slot->row);
  pool->used++;
  return slot;
}
