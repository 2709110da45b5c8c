/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window's actions that pages and dialogs call: a toast (its title
 * always plain text), a problem with its Details, an https:// address from
 * the dataset or a file this window exported opened, and the keyboard
 * shortcuts window built when first asked for. */

#define G_LOG_DOMAIN "retract-window"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-window-private.h"

static void
window_show_toast (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  retract_window_show_toast (RETRACT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Web pages named by the dataset: only an https:// address that passes the
 * loader's rule is opened, never file://, other schemes or anything odd. */
static void
window_open_uri (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);

  if (!retract_validate_https_url (uri, NULL))
    {
      g_debug ("not opening an address that is not a valid https:// link");
      retract_window_show_toast (RETRACT_WINDOW (widget),
                                 _("This address was not opened: it is not a secure web "
                                   "address"));
      return;
    }

  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
}

/* A file this window has just exported, and nothing else. */
static void
window_open_file (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);

  if (!g_hash_table_contains (self->saved_files, uri))
    return;

  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
}

/* The technical detail behind a message, as plain text. */
static void
window_show_details (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *heading = NULL;
  const char *body = NULL;
  AdwMessageDialog *dialog;

  g_variant_get (parameter, "(&s&s)", &heading, &body);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (widget), heading, NULL));
  adw_message_dialog_set_body_use_markup (dialog, FALSE);
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Toast titles are Pango markup; messages carry file names, error messages
 * and dataset text, shown as written. */
AdwToast *
_retract_window_plain_toast_new (const char *text,
                                 guint       timeout)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, timeout);
  return toast;
}

/* GTK 4.8 writes Page Up and Page Down as their key names ("Page_Down")
 * unless its own translation says otherwise: the window's key caps read as
 * words here. Its search and section buttons show only icons and have no
 * name for screen readers: they get one. */
static void
name_shortcuts_parts (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        {
          const char *text = gtk_label_get_label (GTK_LABEL (child));

          if (g_strcmp0 (text, "Page_Down") == 0)
            gtk_label_set_label (GTK_LABEL (child), C_("keyboard key", "Page Down"));
          else if (g_strcmp0 (text, "Page_Up") == 0)
            gtk_label_set_label (GTK_LABEL (child), C_("keyboard key", "Page Up"));
        }
      else if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Search Shortcuts"), -1);
      else if (GTK_IS_MENU_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Sections"), -1);
      name_shortcuts_parts (child);
    }
}

/* Built when first asked for, not by GtkApplication for every new window:
 * the first frame does not wait for a window most people never open. */
static void
window_show_shortcuts (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/retract-shortcuts-window.ui");

      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder,
                                                                                 "help_overlay")));
      name_shortcuts_parts (GTK_WIDGET (self->shortcuts_window));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
    }

  gtk_window_present (self->shortcuts_window);
}

void
_retract_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", window_show_toast);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", window_open_uri);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", window_open_file);
  gtk_widget_class_install_action (widget_class, "win.show-details", "(ss)",
                                   window_show_details);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   window_show_shortcuts);
}

void
retract_window_show_toast (RetractWindow *self,
                           const char    *message)
{
  g_return_if_fail (RETRACT_IS_WINDOW (self));

  retract_window_add_toast (self, _retract_window_plain_toast_new (message, 5));
}

static void
on_problem_dismissed (RetractWindow *self,
                      AdwToast      *toast)
{
  /* The overlay may say it again as the toast slides out. */
  g_signal_handlers_disconnect_by_func (toast, on_problem_dismissed, self);
  if (self->problems > 0)
    self->problems--;
}

/**
 * retract_window_show_problem:
 * @message: what happened, in words for the person using the app
 * @details: the technical message behind it
 *
 * A toast with @message and a Details button that shows @details in a
 * dialog; both as plain text. It stays until it is closed: the user walk
 * of session 22 saw a refused import's toast go, twice, before Shift+Tab
 * reached its Details.
 */
void
retract_window_show_problem (RetractWindow *self,
                             const char    *message,
                             const char    *details)
{
  AdwToast *toast;

  g_return_if_fail (RETRACT_IS_WINDOW (self));
  g_return_if_fail (message != NULL && details != NULL);

  toast = _retract_window_plain_toast_new (message, 0);
  adw_toast_set_button_label (toast, _("Details"));
  adw_toast_set_action_name (toast, "win.show-details");
  adw_toast_set_action_target (toast, "(ss)", message, details);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_problem_dismissed), self,
                           G_CONNECT_SWAPPED);
  retract_window_add_toast (self, toast);
  self->problems++;
}

/* @toast's title is Pango markup: escape anything that is not our own text.
 * Toasts queue behind the one shown; a problem stays until it is closed,
 * so what comes after it (Saved, Undo, another problem) is shown in front
 * of it at once, and the problem comes back when that goes. */
void
retract_window_add_toast (RetractWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (RETRACT_IS_WINDOW (self));

  if (self->problems > 0)
    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
