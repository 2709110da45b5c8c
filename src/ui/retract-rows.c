/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "retract-rows"

#include "config.h"

#include "retract-rows.h"

/**
 * retract_rows_add:
 * @rows: the page's list of built rows, to clear them later
 *
 * Returns: (transfer none): a new AdwActionRow added to @group; long text wraps
 */
GtkWidget *
retract_rows_add (GPtrArray           *rows,
                  AdwPreferencesGroup *group,
                  const char          *title,
                  const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Dataset and user text is plain text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
  return row;
}

/* A numbered step: the number as a prefix, so it reads "1. Do this". */
GtkWidget *
retract_rows_add_step (GPtrArray           *rows,
                       AdwPreferencesGroup *group,
                       guint                number,
                       const char          *text)
{
  GtkWidget *row = retract_rows_add (rows, group, text, NULL);
  g_autofree char *label_text = g_strdup_printf ("%u", number);
  GtkWidget *label = gtk_label_new (label_text);

  gtk_widget_add_css_class (label, "step-number");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
  return row;
}

void
retract_rows_clear (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }

  g_ptr_array_set_size (rows, 0);
}
