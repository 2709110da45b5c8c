/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "retract-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-accessible.h"

/* What GTK 4.8 and libadwaita 1.2 tell a screen reader wrongly, and how each
 * is put right as the widget comes on screen (GtkWidget::map), whoever built
 * it: our templates, AdwMessageDialog or AdwToastOverlay.
 *
 * 1. A button with use-underline is named twice. gtk_button_set_label()
 *    sets the button's accessible label to the raw text, underscore and
 *    all, and the label inside, the button's mnemonic label, names it
 *    again: Orca reads "_Delete Delete", and "Undo Undo" on a toast. Without
 *    the raw label the name is the mnemonic label's text alone.
 * 2. A toast's close button (AdwToastWidget) is only an icon: it is read
 *    as "GtkImage". It gets a name.
 * 3. AdwComboRow's items (the chosen one on the row and every one in its
 *    list) are list items with no name. Each is named by its text as it is
 *    bound.
 * 4. AdwStatusPage keeps its content in a GtkScrolledWindow, which is a Tab
 *    stop whenever nothing inside can take focus ("No Matching Cases"): an
 *    unnamed scroll pane. It is named by the page's title, and stays a stop,
 *    so that the keyboard can scroll a page cut short. */

static GQuark watched_quark;

static void
drop_raw_label (GtkButton *button)
{
  /* Only GTK puts an accessible label on a button with a mnemonic label;
   * none of ours sets one there. */
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
on_button_label_changed (GtkButton  *button,
                         GParamSpec *pspec G_GNUC_UNUSED,
                         gpointer    user_data G_GNUC_UNUSED)
{
  drop_raw_label (button);
}

static const char *
first_label_text (GtkWidget *root)
{
  if (GTK_IS_LABEL (root))
    return gtk_label_get_text (GTK_LABEL (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = first_label_text (child);

      if (text != NULL)
        return text;
    }

  return NULL;
}

/* The list view's item around @child (GTK 4.8 has no
 * gtk_list_item_set_accessible_label) is named by the text @child shows. */
static void
name_item_widget (GtkWidget *child)
{
  GtkWidget *item = child != NULL ? gtk_widget_get_parent (child) : NULL;
  const char *text;

  if (item == NULL || !GTK_IS_LIST_VIEW (gtk_widget_get_parent (item)))
    return;
  text = first_label_text (child);
  if (text != NULL && *text != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                    -1);
}

static void
on_item_bound (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
               GtkListItem              *list_item,
               gpointer                  user_data G_GNUC_UNUSED)
{
  name_item_widget (gtk_list_item_get_child (list_item));
}

static void
name_bound_items (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (root))
        name_item_widget (gtk_widget_get_first_child (child));
      else
        name_bound_items (child);
    }
}

static void
watch_factory (GtkListItemFactory *factory)
{
  if (!GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory) ||
      g_object_get_qdata (G_OBJECT (factory), watched_quark) != NULL)
    return;

  g_object_set_qdata (G_OBJECT (factory), watched_quark, GINT_TO_POINTER (TRUE));
  /* After libadwaita's own bind, which sets the text. */
  g_signal_connect_after (factory, "bind", G_CALLBACK (on_item_bound), NULL);
}

/* The × of AdwToastWidget, a private type: an icon button inside it. */
static gboolean
is_toast_close_button (GtkWidget *button)
{
  GType toast_type = g_type_from_name ("AdwToastWidget");
  GtkWidget *parent = gtk_widget_get_parent (button);

  return toast_type != 0 && parent != NULL && G_TYPE_CHECK_INSTANCE_TYPE (parent, toast_type) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (button)), "window-close-symbolic") == 0;
}

static void
name_status_scroller (AdwStatusPage *page)
{
  GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (page));
  const char *title = adw_status_page_get_title (page);

  if (GTK_IS_SCROLLED_WINDOW (scroller) && title != NULL && *title != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    title, -1);
}

static void
on_status_title_changed (AdwStatusPage *page,
                         GParamSpec    *pspec G_GNUC_UNUSED,
                         gpointer       user_data G_GNUC_UNUSED)
{
  name_status_scroller (page);
}

static gboolean
on_widget_mapped (GSignalInvocationHint *hint G_GNUC_UNUSED,
                  guint                  n_params G_GNUC_UNUSED,
                  const GValue          *params,
                  gpointer               user_data G_GNUC_UNUSED)
{
  GtkWidget *widget = g_value_get_object (&params[0]);

  if (GTK_IS_BUTTON (widget))
    {
      if (is_toast_close_button (widget))
        /* Translators: read by screen readers on the × of a notification */
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Dismiss"), -1);

      retract_accessible_watch_button (GTK_BUTTON (widget));
    }
  else if (ADW_IS_STATUS_PAGE (widget))
    {
      name_status_scroller (ADW_STATUS_PAGE (widget));
      if (g_object_get_qdata (G_OBJECT (widget), watched_quark) == NULL)
        {
          g_object_set_qdata (G_OBJECT (widget), watched_quark, GINT_TO_POINTER (TRUE));
          g_signal_connect (widget, "notify::title", G_CALLBACK (on_status_title_changed), NULL);
        }
    }
  else if (ADW_IS_COMBO_ROW (widget))
    {
      AdwComboRow *row = ADW_COMBO_ROW (widget);

      if (adw_combo_row_get_factory (row) != NULL)
        watch_factory (adw_combo_row_get_factory (row));
      if (adw_combo_row_get_list_factory (row) != NULL)
        watch_factory (adw_combo_row_get_list_factory (row));
      name_bound_items (widget);
    }

  return TRUE;
}

/**
 * retract_accessible_watch_button:
 *
 * Keeps @button's mnemonic out of what a screen reader hears, now and
 * whenever its label changes. Every button gets this as it is mapped; a
 * button hidden from the start (the rules banner's) can get it at once.
 */
void
retract_accessible_watch_button (GtkButton *button)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  retract_accessible_init ();
  drop_raw_label (button);
  if (g_object_get_qdata (G_OBJECT (button), watched_quark) != NULL)
    return;
  g_object_set_qdata (G_OBJECT (button), watched_quark, GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "notify::label", G_CALLBACK (on_button_label_changed), NULL);
  g_signal_connect (button, "notify::use-underline", G_CALLBACK (on_button_label_changed), NULL);
}

/* Installs the watch once for the whole process (before the first window). */
void
retract_accessible_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      watched_quark = g_quark_from_static_string ("retract-accessible-watched");
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  on_widget_mapped, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}
