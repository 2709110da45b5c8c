/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "retract-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-rows.h"
#include "retract-time.h"

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
 * title. libadwaita labels an activatable widget by the row's title; a
 * label of our own as well would make GTK 4.8 say it twice.
 */
void
retract_row_set_control (GtkWidget   *row,
                         GtkWidget   *control,
                         GtkPackType  pack)
{
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
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

/**
 * retract_clock_text_dup:
 *
 * Returns: (transfer full): @time as it is shown under a row's title,
 *   "2026-11-24 10:00 (Beijing time)"
 */
char *
retract_clock_text_dup (GDateTime *time)
{
  g_autofree char *when = retract_time_format_human (time);

  /* Translators: "2026-11-24 10:00 (Beijing time)" */
  return g_strdup_printf (_("%s (Beijing time)"), when);
}

/**
 * retract_countdown_new:
 *
 * Returns: (transfer floating): a label for a row's suffix that counts down
 *   to a deadline set by retract_countdown_set()
 */
GtkWidget *
retract_countdown_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "numeric");
  return label;
}

/**
 * retract_countdown_set:
 * @due: the deadline, which @label keeps for retract_countdown_tick()
 *
 * Shows how long is left until @due at @now, "3 h 20 min left", or that it
 * has passed. A label whose text stays the same is not touched, so it keeps
 * its shaped text.
 */
void
retract_countdown_set (GtkWidget *label,
                       GDateTime *due,
                       GDateTime *now)
{
  GDateTime *kept = g_object_get_data (G_OBJECT (label), "retract-due");

  if (kept == NULL || !g_date_time_equal (kept, due))
    g_object_set_data_full (G_OBJECT (label), "retract-due", g_date_time_ref (due),
                            (GDestroyNotify) g_date_time_unref);
  retract_countdown_tick (label, now);
}

/* Says again how long is left until the deadline @label keeps, at @now. */
void
retract_countdown_tick (GtkWidget *label,
                        GDateTime *now)
{
  GDateTime *due = g_object_get_data (G_OBJECT (label), "retract-due");
  GTimeSpan left;
  g_autofree char *span = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (due != NULL);

  left = g_date_time_difference (due, now);
  span = retract_time_format_span (ABS (left));
  if (left >= 0)
    /* Translators: a countdown, "1 h 20 min left" */
    text = g_strdup_printf (_("%s left"), span);
  else
    text = g_strdup (_("Passed"));

  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_remove_css_class (label, left >= 0 ? "dim-label" : "countdown");
  gtk_widget_add_css_class (label, left >= 0 ? "countdown" : "dim-label");
}

static void
on_copy_clicked (GtkButton *button)
{
  const char *text = g_object_get_data (G_OBJECT (button), "retract-copy");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
  gtk_widget_activate_action (GTK_WIDGET (button), "win.show-toast", "s", _("Copied"));
}

/**
 * retract_copy_button_new:
 *
 * Returns: (transfer floating): a row's suffix button that copies the
 *   phone number given by retract_copy_button_set_text() and says so in a
 *   toast
 */
GtkWidget *
retract_copy_button_new (void)
{
  GtkWidget *button = retract_icon_button_new ("edit-copy-symbolic", _("Copy the number"));

  g_signal_connect (button, "clicked", G_CALLBACK (on_copy_clicked), NULL);
  return button;
}

void
retract_copy_button_set_text (GtkWidget  *button,
                              const char *text)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "retract-copy"), text) != 0)
    g_object_set_data_full (G_OBJECT (button), "retract-copy", g_strdup (text), g_free);
}

/**
 * retract_open_button_new:
 *
 * A plain button, not a GtkLinkButton: it opens the address given by
 * retract_open_button_set_uri() through win.open-uri, which opens nothing
 * but https:// addresses that pass the loader's rule. The caller offers it
 * only for such an address; any other is shown, not offered.
 *
 * Returns: (transfer floating): a row's suffix button that opens a website
 */
GtkWidget *
retract_open_button_new (void)
{
  GtkWidget *button = gtk_button_new_with_label (_("Open"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Open the website"), -1);
  return button;
}

void
retract_open_button_set_uri (GtkWidget  *button,
                             const char *uri)
{
  /* The target first: an action name without its target is a type mismatch. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
  if (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)) == NULL)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-uri");
}

/**
 * retract_warning_icon_new:
 *
 * Returns: (transfer floating): the warning sign a warning's row starts with,
 *   named for screen readers
 */
GtkWidget *
retract_warning_icon_new (void)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Warning"), -1);
  return icon;
}
