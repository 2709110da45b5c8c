/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window's cases: the case open and its debounced save in a worker
 * thread, opening a case from the list (read in -listing.c), new cases, and
 * deletion held back by an Undo toast. */

#define G_LOG_DOMAIN "retract-window"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "retract-window-private.h"

#define SAVE_DELAY_MS 400

static void
on_saved (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GWeakRef *window_ref = user_data;
  g_autoptr(RetractWindow) self = g_weak_ref_get (window_ref);
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (window_ref);
  g_free (window_ref);
  if (!retract_store_save_case_finish (RETRACT_STORE (source_object), result, &error))
    {
      if (self != NULL)
        {
          /* Translators: %s says why, e.g. "No space left on device" or that
           * another window deleted the case */
          g_autofree char *message = g_strdup_printf (_("Could not save your answers: %s"),
                                                      error->message);

          retract_window_show_toast (self, message);
        }
      return;
    }

  /* The list shows what was saved: its status, deadline and place. */
  if (self != NULL)
    _retract_window_start_listing (self);
}

/* A new case is kept once its complaint type is chosen: until then nothing
 * is answered, and a Ctrl+N left for the home listed a blank case ("WeChat ·
 * (null)"). A case in the store is saved whatever it lacks: what was typed
 * since stays. */
static gboolean
case_is_blank (RetractWindow *self)
{
  return self->kase != NULL && !self->kase_saved &&
         retract_case_get_complaint_type (self->kase) == NULL;
}

static gboolean
save_now (gpointer data)
{
  RetractWindow *self = data;
  GWeakRef *window_ref;

  self->save_id = 0;
  if (self->kase == NULL || case_is_blank (self))
    return G_SOURCE_REMOVE;
  self->kase_saved = TRUE;

  /* The window may close before the disk is done. */
  window_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (window_ref, self);
  retract_store_save_case_async (self->store, self->kase, NULL, on_saved, window_ref);

  return G_SOURCE_REMOVE;
}

void
_retract_window_schedule_save (RetractWindow *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_now, self);
}

static void
on_case_notify (RetractWindow *self,
                GParamSpec    *pspec)
{
  if (self->settings != NULL && g_str_equal (g_param_spec_get_name (pspec), "platform") &&
      retract_case_get_platform (self->kase) != NULL)
    g_settings_set_string (self->settings, "last-platform", retract_case_get_platform (self->kase));

  _retract_window_schedule_save (self);
}

/* The overview shows the case open; the others' light copies give the
 * counts (the wizard's circumstances page shows them too). */
void
_retract_window_update_overview (RetractWindow *self)
{
  if (self->wizard != NULL)
    retract_circumstances_page_set_others (
      RETRACT_CIRCUMSTANCES_PAGE (retract_wizard_get_page (self->wizard, "circumstances")),
      self->cases);
  retract_case_overview_set_context (RETRACT_CASE_OVERVIEW (self->overview), self->rules,
                                     self->clock, self->kase, self->cases);
}

/* @saved: whether @kase is in the store (else it is saved once it is not
 * blank, see case_is_blank()) */
void
_retract_window_set_case (RetractWindow *self,
                          RetractCase   *kase,
                          gboolean       saved)
{
  /* The case being left keeps what was typed last: it stays in the library
   * (a new one still blank is not kept, see case_is_blank()). */
  if (self->save_id != 0)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      save_now (self);
    }
  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_set_object (&self->kase, kase);
  self->kase_saved = kase != NULL && saved;

  if (kase != NULL)
    {
      g_signal_connect_object (kase, "notify", G_CALLBACK (on_case_notify), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (kase, "materials-changed", G_CALLBACK (_retract_window_schedule_save), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (kase, "events-changed", G_CALLBACK (_retract_window_schedule_save), self,
                               G_CONNECT_SWAPPED);
    }
  _retract_window_update_overview (self);
}

RetractCase *
_retract_window_new_case (RetractWindow *self)
{
  RetractCase *kase = retract_case_new ();

  if (self->settings != NULL)
    {
      g_autofree char *platform = g_settings_get_string (self->settings, "last-platform");

      if (retract_ruleset_lookup_platform (self->rules, platform) != NULL)
        retract_case_set_platform (kase, platform);
    }

  return kase;
}

guint
_retract_window_n_cases_shown (RetractWindow *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->case_list));
}

/* The home, or the welcome page when there is no case to list. */
void
_retract_window_show_home (RetractWindow *self)
{
  /* A new case left before it is answered is dropped, not shown: the home
   * has nothing of it to show. */
  if (case_is_blank (self))
    _retract_window_set_case (self, NULL, FALSE);

  if (_retract_window_n_cases_shown (self) == 0)
    {
      _retract_window_show_welcome (self);
      return;
    }

  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  retract_stack_pages_show_named (self->main_stack, "home");
  retract_case_list_pane_select (self->list_pane,
                                 self->kase != NULL ? retract_case_get_id (self->kase) : NULL);
  _retract_window_update_overview (self);
}

/* The cases listed, less those whose deletion is held back by a toast. */
void
_retract_window_apply_cases (RetractWindow *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();

  for (guint i = 0; self->cases != NULL && i < self->cases->len; i++)
    {
      RetractCase *kase = g_ptr_array_index (self->cases, i);

      if (!g_hash_table_contains (self->pending_deletes, retract_case_get_id (kase)))
        g_ptr_array_add (shown, kase);
    }

  retract_case_list_set_cases (self->case_list, shown, retract_clock_get_now (self->clock));
  if (self->kase != NULL)
    retract_case_list_pane_select (self->list_pane, retract_case_get_id (self->kase));
}

gboolean
_retract_window_open_case (RetractWindow *self,
                           const char    *id)
{
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  /* A case the user opens wins over the first one waiting for its turn. */
  self->open_first_pending = FALSE;
  if (self->kase != NULL && g_str_equal (retract_case_get_id (self->kase), id))
    return TRUE;

  /* What is typed in the case being left reaches the disk first. */
  if (self->save_id != 0)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      save_now (self);
    }

  kase = retract_store_load_case (self->store, id, &error);
  if (kase == NULL)
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not open the case: %s"),
                                                  error->message);

      g_debug ("A saved case could not be opened: %s", error->message);
      retract_window_show_toast (self, message);
      _retract_window_start_listing (self);
      return FALSE;
    }

  _retract_window_set_case (self, kase, TRUE);
  return TRUE;
}

static void
on_case_selected (RetractWindow *self,
                  const char    *id)
{
  if (!_retract_window_open_case (self, id))
    return;

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->overview_bin));
  _retract_window_update_header (self);
}

static void
on_case_activated (RetractWindow *self,
                   const char    *id)
{
  on_case_selected (self, id);
  /* From the top of the case, not from where the keyboard last was in the
   * overview (a button at its foot, in the case shown before). */
  for (GtkWidget *widget = GTK_WIDGET (self->overview_bin), *next; widget != NULL; widget = next)
    {
      next = gtk_widget_get_focus_child (widget);
      gtk_widget_set_focus_child (widget, NULL);
    }
  gtk_widget_child_focus (GTK_WIDGET (self->overview_bin), GTK_DIR_TAB_FORWARD);
}

/* Each minute: statuses and countdowns at the new time. */
void
_retract_window_on_clock_tick (RetractWindow *self)
{
  retract_case_list_refresh (self->case_list, retract_clock_get_now (self->clock));
}

/* A new case is added beside the others: nothing is overwritten, so
 * nothing needs asking. */
static void
window_new_case (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  retract_window_start (RETRACT_WINDOW (widget), FALSE);
}

/* The deletion held back by the toast happens when it goes (timeout,
 * dismissed, window closed), unless Undo took it back. */
static void
finish_delete (RetractWindow *self,
               const char    *id,
               gboolean       relist)
{
  g_autoptr(GError) error = NULL;

  /* (The toasts are dismissed again as the closed window's overlay goes.) */
  if (self->pending_deletes == NULL || !g_hash_table_remove (self->pending_deletes, id))
    return;

  /* A save of it still being written lands first, then goes with it. */
  retract_store_wait (self->store);
  if (!retract_store_delete_case (self->store, id, &error) &&
      !g_error_matches (error, RETRACT_STORE_ERROR, RETRACT_STORE_ERROR_NOT_FOUND))
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not delete the case: %s"),
                                                  error->message);

      retract_window_show_toast (self, message);
    }
  if (relist)
    _retract_window_start_listing (self);
}

static void
on_delete_toast_dismissed (AdwToast      *toast,
                           RetractWindow *self)
{
  finish_delete (self, g_object_get_data (G_OBJECT (toast), "retract-case-id"), TRUE);
}

static void
window_delete_case (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  AdwToast *toast;

  if (g_hash_table_contains (self->pending_deletes, id) || self->cases == NULL)
    return;

  if (self->kase != NULL && g_str_equal (retract_case_get_id (self->kase), id))
    {
      /* What was typed last is on disk, for Undo. */
      if (self->save_id != 0)
        {
          g_clear_handle_id (&self->save_id, g_source_remove);
          save_now (self);
        }
      _retract_window_set_case (self, NULL, FALSE);
    }

  toast = adw_toast_new (_("Case deleted"));
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_string (id));
  adw_toast_set_timeout (toast, 8);
  g_object_set_data_full (G_OBJECT (toast), "retract-case-id", g_strdup (id), g_free);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed), self, 0);
  g_hash_table_insert (self->pending_deletes, g_strdup (id), toast);
  _retract_window_apply_cases (self);

  if (g_strcmp0 (retract_window_get_view (self), "wizard") != 0)
    {
      _retract_window_show_home (self);
      if (g_strcmp0 (retract_window_get_view (self), "home") == 0)
        adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->list_pane));
      _retract_window_update_header (self);
    }
  retract_window_add_toast (self, toast);
}

static void
window_undo_delete (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  AdwToast *toast = g_hash_table_lookup (self->pending_deletes, id);

  if (toast == NULL)
    return;

  g_object_ref (toast);
  g_hash_table_remove (self->pending_deletes, id);
  adw_toast_dismiss (toast);
  g_object_unref (toast);
  _retract_window_apply_cases (self);
  if (_retract_window_open_case (self, id))
    {
      _retract_window_show_home (self);
      adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->overview_bin));
      _retract_window_update_header (self);
    }
}

/* The toasts go with the window: what they held back is deleted now. */
void
_retract_window_finish_pending_deletes (RetractWindow *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  if (self->pending_deletes == NULL)
    return;

  g_hash_table_iter_init (&iter, self->pending_deletes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, g_strdup (key));
  for (guint i = 0; i < ids->len; i++)
    finish_delete (self, g_ptr_array_index (ids, i), FALSE);
}

/**
 * retract_window_open_case:
 * @id: a saved case's id
 *
 * Opens that case's overview (a notification's click, tests).
 */
void
retract_window_open_case (RetractWindow *self,
                          const char    *id)
{
  g_return_if_fail (RETRACT_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  if (!_retract_window_open_case (self, id))
    return;

  retract_stack_pages_show_named (self->main_stack, "home");
  retract_case_list_pane_select (self->list_pane, id);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->overview_bin));
  _retract_window_update_header (self);
}

/**
 * retract_window_is_listed:
 *
 * Returns: whether a listing is in, none is running and the first case,
 * if any, is open (tests wait for it)
 */
gboolean
retract_window_is_listed (RetractWindow *self)
{
  g_return_val_if_fail (RETRACT_IS_WINDOW (self), FALSE);
  return self->listed && self->listing == NULL && !self->open_first_pending;
}

/**
 * retract_window_get_delete_toast:
 * @id: a case whose deletion is held back
 *
 * Returns: (transfer none) (nullable): the toast holding it back
 */
AdwToast *
retract_window_get_delete_toast (RetractWindow *self,
                                 const char    *id)
{
  g_return_val_if_fail (RETRACT_IS_WINDOW (self), NULL);
  return g_hash_table_lookup (self->pending_deletes, id);
}

/* Writes a pending save at once and waits until every save is on disk
 * (closing, quitting, tests). */
void
retract_window_flush_save (RetractWindow *self)
{
  g_return_if_fail (RETRACT_IS_WINDOW (self));

  if (self->save_id != 0)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      save_now (self);
    }
  retract_store_wait (self->store);
}

/* The home's callbacks and the case actions. */
void
_retract_window_class_init_cases (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_case_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_case_activated);
  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, window_new_case);
  gtk_widget_class_install_action (widget_class, "win.delete-case", "s", window_delete_case);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "s", window_undo_delete);
}
