/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The main window. Its home is the case file: a list of every saved case
 * beside the selected case's overview (an AdwLeaflet, one pane at a time
 * when narrow); a welcome page when there is none; the wizard to start a
 * case or change its answers. It owns the case open (the current case)
 * and saves it, debounced, on every change: written in a worker thread,
 * the window never waits for the disk, except when it closes (nothing
 * typed is lost). The list is read in a worker thread too, at start and
 * after each save, and re-evaluated each minute. */

#define G_LOG_DOMAIN "retract-window"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "retract-accessible.h"
#include "retract-toast-margin.h"
#include "retract-window-private.h"

/* The wizard's steps, in its order: win.edit-answers takes an index. */
static const char * const wizard_steps[] = {
  "situation", "circumstances", "result", "materials", "details", "review"
};

G_DEFINE_FINAL_TYPE (RetractWindow, retract_window, ADW_TYPE_APPLICATION_WINDOW)

/* The header's buttons follow the view: New Case and Search on the home,
 * Back to the list when folded on an overview, All Cases in the wizard. */
void
_retract_window_update_header (RetractWindow *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->main_stack);
  gboolean home = g_strcmp0 (view, "home") == 0;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean on_overview = adw_leaflet_get_visible_child (self->leaflet) ==
                         GTK_WIDGET (self->overview_bin);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), home && folded && on_overview);
  gtk_widget_set_visible (GTK_WIDGET (self->home_button), g_strcmp0 (view, "wizard") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), home);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), home && !(folded && on_overview));
}

static gboolean
update_header_idle (gpointer data)
{
  RetractWindow *self = data;

  self->header_id = 0;
  _retract_window_update_header (self);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is being allocated: the header's buttons
 * change after that frame, not in the middle of its layout. */
static void
queue_update_header (RetractWindow *self)
{
  if (self->header_id == 0)
    self->header_id = g_idle_add (update_header_idle, self);
}

void
_retract_window_show_welcome (RetractWindow *self)
{
  retract_stack_pages_show_named (self->main_stack, "welcome");
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->start_button));
  /* Enter starts: without this the window's first focus is the header's
   * menu button, and Enter opens the menu (issue 15 §5.1). */
  gtk_widget_grab_focus (GTK_WIDGET (self->start_button));
}

static void
on_start_clicked (RetractWindow *self)
{
  retract_window_start (self, FALSE);
}

/* The open case's answers in the wizard, at @step; nothing without a case. */
static void
edit_case_at (RetractWindow *self,
              const char    *step)
{
  if (self->kase == NULL)
    return;

  retract_window_start (self, TRUE);
  retract_wizard_go_to (self->wizard, step);
}

static void
window_edit_answers (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  int step = g_variant_get_int32 (parameter);

  if (step >= 0 && step < (int) G_N_ELEMENTS (wizard_steps))
    edit_case_at (RETRACT_WINDOW (widget), wizard_steps[step]);
}

static void
window_documents (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  edit_case_at (RETRACT_WINDOW (widget), "review");
}

static void
window_show_home (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);

  retract_window_flush_save (self);
  _retract_window_show_home (self);
  if (g_strcmp0 (retract_window_get_view (self), "home") == 0)
    adw_leaflet_set_visible_child (self->leaflet,
                                   self->kase != NULL ? GTK_WIDGET (self->overview_bin)
                                                      : GTK_WIDGET (self->list_pane));
  _retract_window_update_header (self);
}

static void
window_back_to_list (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->list_pane));
  gtk_widget_grab_focus (retract_case_list_pane_get_list_view (self->list_pane));
  _retract_window_update_header (self);
}

/* Alt+Left: back to the list, on a folded home only (the wizard has its own). */
static gboolean
back_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  RetractWindow *self = RETRACT_WINDOW (widget);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->back_button)))
    return FALSE;

  window_back_to_list (widget, NULL, NULL);
  return TRUE;
}

static void
window_search (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);

  if (_retract_window_n_cases_shown (self) == 0)
    return;

  _retract_window_show_home (self);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->list_pane));
  _retract_window_update_header (self);
  retract_case_list_pane_start_search (self->list_pane);
}

/* libadwaita 1.2 ellipsizes a group's title: at 360 px "Recommended: …"
 * lost the channel's name (issue 15 §5.10). Every group title under @root
 * wraps instead, as its description does. The rows below keep their own. */
static void
wrap_group_titles (GtkWidget *root,
                   gboolean   in_group)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (in_group && (GTK_IS_LIST_BOX (child) || GTK_IS_BUTTON (child)))
        continue;
      if (in_group && GTK_IS_LABEL (child))
        {
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_NONE);
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
        }
      wrap_group_titles (child, in_group || ADW_IS_PREFERENCES_GROUP (child));
    }
}

/* The rules in use: their words under the list, the banner's age check,
 * and the list of cases with its reminders, which assess by them. */
void
_retract_window_apply_rules (RetractWindow *self)
{
  g_autofree char *rules_text = NULL;

  rules_text = g_strdup_printf (_("Rules %1$s of %2$s, from a public article; not an official "
                                  "source."),
                                retract_ruleset_get_version (self->rules),
                                retract_ruleset_get_published (self->rules));
  gtk_label_set_label (self->rules_label, rules_text);
  /* Expired rules keep answering; the banner says how old they are. */
  retract_rules_banner_set_context (self->rules_banner, self->rules, self->clock);

  g_clear_object (&self->notifier);
  g_clear_object (&self->case_list);
  self->case_list = retract_case_list_new (self->rules, retract_language_default ());
  retract_case_list_pane_set_model (self->list_pane, self->case_list, self->clock);
  self->notifier = retract_due_notifier_new (self->case_list);
}

static gboolean
retract_window_close_request (GtkWindow *window)
{
  retract_window_save_state (RETRACT_WINDOW (window));

  return GTK_WINDOW_CLASS (retract_window_parent_class)->close_request (window);
}

static void
retract_window_dispose (GObject *object)
{
  RetractWindow *self = (RetractWindow *)object;

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_handle_id (&self->header_id, g_source_remove);
  g_clear_handle_id (&self->open_first_id, g_source_remove);
  if (self->store != NULL)
    _retract_window_finish_pending_deletes (self);
  g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), RETRACT_TYPE_WINDOW);
  self->wizard = NULL;
  self->overview = NULL;
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_clear_object (&self->kase);
  g_clear_object (&self->notifier);
  g_clear_object (&self->case_list);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->pending_deletes, g_hash_table_unref);
  g_clear_object (&self->rules);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->saved_files, g_hash_table_unref);

  G_OBJECT_CLASS (retract_window_parent_class)->dispose (object);
}

static void
retract_window_class_init (RetractWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  retract_accessible_init ();

  object_class->dispose = retract_window_dispose;
  window_class->close_request = retract_window_close_request;

  g_type_ensure (RETRACT_TYPE_CASE_LIST_PANE);
  g_type_ensure (RETRACT_TYPE_RULES_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/retract-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, home_button);
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, overview_bin);
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, rules_label);
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, rules_banner);
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, welcome_page);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked);
  gtk_widget_class_bind_template_callback (widget_class, queue_update_header);
  _retract_window_class_init_cases (widget_class);
  _retract_window_class_init_files (widget_class);
  _retract_window_class_init_actions (widget_class);

  gtk_widget_class_install_action (widget_class, "win.edit-answers", "i", window_edit_answers);
  gtk_widget_class_install_action (widget_class, "win.documents", NULL, window_documents);
  gtk_widget_class_install_action (widget_class, "win.show-home", NULL, window_show_home);
  gtk_widget_class_install_action (widget_class, "win.back-to-list", NULL, window_back_to_list);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, window_search);

  /* The window's own keys, so that they work in any window (the app's
   * accelerators are the same and show in the menus). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, back_shortcut, NULL);
}

static void
retract_window_init (RetractWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->saved_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending_deletes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->overview = retract_case_overview_new ();
  adw_bin_set_child (self->overview_bin, self->overview);
  retract_toast_margin_attach (self->toast_overlay);
  wrap_group_titles (self->overview, FALSE);
  g_object_bind_property (retract_case_list_pane_get_search_bar (self->list_pane),
                          "search-mode-enabled", self->search_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->main_stack, "notify::visible-child",
                           G_CALLBACK (_retract_window_update_header), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (_retract_window_on_map), NULL);

  /* Settings are a comfort: without the schema (an uninstalled test run) the
   * window works, it just does not remember its size. */
  self->settings = retract_settings_new ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

/**
 * retract_window_new:
 * @application: (nullable): the application
 *
 * Opens at once; the saved cases are listed in a worker thread, then the
 * window shows the welcome page (none), the only case's overview, or the
 * list. A saved case that cannot be read is moved aside and the user is told.
 *
 * Returns: (transfer full): a new window
 */
RetractWindow *
retract_window_new (GtkApplication *application,
                    RetractRuleset *rules,
                    RetractStore   *store,
                    RetractClock   *clock)
{
  RetractWindow *self;
  g_autoptr(RetractCase) kase = NULL;

  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);
  g_return_val_if_fail (RETRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (RETRACT_IS_CLOCK (clock), NULL);

  self = g_object_new (RETRACT_TYPE_WINDOW, "application", application, NULL);
  self->rules = g_object_ref (rules);
  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);

  _retract_window_apply_rules (self);
  g_signal_connect_object (clock, "notify::now", G_CALLBACK (_retract_window_on_clock_tick), self,
                           G_CONNECT_SWAPPED);

  /* Until a saved case is opened, a new one (saved once it is answered). */
  kase = _retract_window_new_case (self);
  _retract_window_set_case (self, kase, FALSE);
  retract_stack_pages_show_named (self->main_stack, "home");
  _retract_window_update_header (self);
  _retract_window_start_listing (self);

  return self;
}

/**
 * retract_window_start:
 * @resume: continue the case open where it was left, or start a new one
 */
void
retract_window_start (RetractWindow *self,
                      gboolean       resume)
{
  g_return_if_fail (RETRACT_IS_WINDOW (self));

  /* A new case is added beside the saved ones. */
  if (!resume || self->kase == NULL)
    {
      g_autoptr(RetractCase) kase = _retract_window_new_case (self);

      _retract_window_set_case (self, kase, FALSE);
    }

  retract_wizard_set_context (retract_window_get_wizard (self), self->kase, self->rules,
                              self->clock);
  _retract_window_update_overview (self);
  retract_stack_pages_show_named (self->main_stack, "wizard");
  gtk_window_set_default_widget (GTK_WINDOW (self), retract_wizard_get_next_button (self->wizard));
  _retract_window_schedule_save (self);
}

/**
 * retract_window_get_case_list:
 *
 * Returns: (transfer none): the saved cases as the home lists them
 */
RetractCaseList *
retract_window_get_case_list (RetractWindow *self)
{
  g_return_val_if_fail (RETRACT_IS_WINDOW (self), NULL);
  return self->case_list;
}

/**
 * retract_window_get_list_pane:
 *
 * Returns: (transfer none): the home's list pane
 */
RetractCaseListPane *
retract_window_get_list_pane (RetractWindow *self)
{
  g_return_val_if_fail (RETRACT_IS_WINDOW (self), NULL);
  return self->list_pane;
}

/**
 * retract_window_get_leaflet:
 *
 * Returns: (transfer none): the home's two panes
 */
AdwLeaflet *
retract_window_get_leaflet (RetractWindow *self)
{
  g_return_val_if_fail (RETRACT_IS_WINDOW (self), NULL);
  return self->leaflet;
}

/**
 * retract_window_get_case:
 *
 * Returns: (transfer none): the case being answered
 */
RetractCase *
retract_window_get_case (RetractWindow *self)
{
  g_return_val_if_fail (RETRACT_IS_WINDOW (self), NULL);
  return self->kase;
}

/**
 * retract_window_get_wizard:
 *
 * The six pages are built here, the first time they are needed, not when
 * the window opens: the welcome page alone paints the first frame sooner.
 *
 * Returns: (transfer none): the wizard
 */
RetractWizard *
retract_window_get_wizard (RetractWindow *self)
{
  g_return_val_if_fail (RETRACT_IS_WINDOW (self), NULL);

  if (self->wizard == NULL)
    {
      self->wizard = retract_wizard_new ();
      wrap_group_titles (GTK_WIDGET (self->wizard), FALSE);
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->wizard), "wizard");
      /* Out of the style pass until it is shown (retract-stack-pages.c). */
      gtk_widget_set_visible (GTK_WIDGET (self->wizard), FALSE);
    }

  return self->wizard;
}

/**
 * retract_window_get_view:
 *
 * Returns: "welcome", "home" or "wizard"
 */
const char *
retract_window_get_view (RetractWindow *self)
{
  g_return_val_if_fail (RETRACT_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

/**
 * retract_window_save_state:
 *
 * What closing the window and quitting both keep: the pending save of the
 * case, and the window's size for the next start.
 */
void
retract_window_save_state (RetractWindow *self)
{
  int width, height;

  g_return_if_fail (RETRACT_IS_WINDOW (self));

  retract_window_flush_save (self);

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}
