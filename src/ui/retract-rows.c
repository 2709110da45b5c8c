/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "retract-rows"

#include "config.h"

#include "retract-rows.h"

/**
 * retract_row_new:
 * @subtitle: (nullable): the subtitle, which wraps
 *
 * Returns: (transfer floating): a new AdwActionRow showing @title and
 *   @subtitle as plain text
 */
GtkWidget *
retract_row_new (const char *title,
                 const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Dataset and user text is plain text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/**
 * retract_row_set_control:
 * @pack: %GTK_PACK_START for a prefix, %GTK_PACK_END for a suffix
 *
 * Gives @row the check button or switch that answers it: activating the
 * row toggles @control, and a screen reader names @control by the row's
 * title.
 */
void
retract_row_set_control (GtkWidget   *row,
                         GtkWidget   *control,
                         GtkPackType  pack)
{
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
  if (pack == GTK_PACK_START)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), control);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), control);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), control);
}

/**
 * retract_icon_button_new:
 * @label: what the button does, for its tooltip and screen readers
 *
 * Returns: (transfer floating): a flat button showing @icon_name, for a
 *   row's suffix
 */
GtkWidget *
retract_icon_button_new (const char *icon_name,
                         const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  /* An icon alone would be announced by its icon's name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

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
  GtkWidget *row = retract_row_new (title, subtitle);

  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
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
