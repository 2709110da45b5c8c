/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "retract-toast-margin"

#include "config.h"

#include "retract-toast-margin.h"

/* AdwToastOverlay (libadwaita 1.2) lays its toast over the bottom of its
 * child, where the wizard keeps Back and Next: a "Check for Rules Updates"
 * toast hid them (issue 15). While a toast is shown, the child gets a
 * bottom margin as tall as the toast, so the toast sits in a strip of its
 * own and every control stays in sight; when the last toast goes, the
 * margin goes too. */

#define CHILDREN_KEY "retract-toast-margin-children"

static void
update_margin (AdwToastOverlay *overlay)
{
  GtkWidget *child = adw_toast_overlay_get_child (overlay);
  GType toast_type = g_type_from_name ("AdwToastWidget");
  int width = gtk_widget_get_width (GTK_WIDGET (overlay));
  int margin = 0;

  if (child == NULL)
    return;

  for (GtkWidget *widget = gtk_widget_get_first_child (GTK_WIDGET (overlay)); widget != NULL;
       widget = gtk_widget_get_next_sibling (widget))
    {
      int height;

      if (toast_type == 0 || !G_TYPE_CHECK_INSTANCE_TYPE (widget, toast_type))
        continue;
      /* Its height at the overlay's width, its CSS margins included. */
      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width > 0 ? width : -1, NULL,
                          &height, NULL, NULL);
      margin = MAX (margin, height);
    }

  if (gtk_widget_get_margin_bottom (child) != margin)
    gtk_widget_set_margin_bottom (child, margin);
}

static void
on_children_changed (GListModel      *children G_GNUC_UNUSED,
                     guint            position G_GNUC_UNUSED,
                     guint            removed G_GNUC_UNUSED,
                     guint            added G_GNUC_UNUSED,
                     AdwToastOverlay *overlay)
{
  update_margin (overlay);
}

/**
 * retract_toast_margin_attach:
 *
 * Keeps @overlay's toasts off its child's controls, for as long as
 * @overlay lives.
 */
void
retract_toast_margin_attach (AdwToastOverlay *overlay)
{
  GListModel *children;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (g_object_get_data (G_OBJECT (overlay), CHILDREN_KEY) == NULL);

  children = gtk_widget_observe_children (GTK_WIDGET (overlay));
  g_signal_connect_object (children, "items-changed", G_CALLBACK (on_children_changed), overlay,
                           0);
  g_object_set_data_full (G_OBJECT (overlay), CHILDREN_KEY, children, g_object_unref);
}
