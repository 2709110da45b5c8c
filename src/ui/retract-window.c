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

#include "retract-case-bundle.h"
#include "retract-case-list-pane.h"
#include "retract-circumstances-page.h"
#include "retract-due-notifier.h"
#include "retract-case-overview.h"
#include "retract-file.h"
#include "retract-reminders.h"
#include "retract-rules-banner.h"
#include "retract-settings.h"
#include "retract-time.h"
#include "retract-validators.h"
#include "retract-window.h"

#define SAVE_DELAY_MS 400

/* The wizard's steps, in its order: win.edit-answers takes an index. */
static const char * const wizard_steps[] = {
  "situation", "circumstances", "result", "materials", "details", "review"
};

struct _RetractWindow
{
  AdwApplicationWindow  parent_instance;

  GtkButton            *back_button;
  GtkButton            *home_button;
  AdwLeaflet           *leaflet;
  RetractCaseListPane  *list_pane;
  GtkStack             *main_stack;
  GtkButton            *new_button;
  AdwBin               *overview_bin;
  GtkLabel             *rules_label;
  GtkToggleButton      *search_button;
  GtkButton            *start_button;
  AdwToastOverlay      *toast_overlay;
  RetractRulesBanner   *rules_banner;
  AdwStatusPage        *welcome_page;
  RetractWizard        *wizard;  /* NULL until first needed; owned by main_stack */
  GtkWindow            *shortcuts_window;  /* NULL until first shown */
  GtkWidget            *overview;  /* owned by overview_bin */
  GtkFileChooserNative *chooser;

  RetractRuleset       *rules;
  RetractStore         *store;
  RetractClock         *clock;
  RetractCase          *kase;     /* the case open, or NULL */
  GSettings            *settings;
  GHashTable           *saved_files;  /* URIs of the files this window exported */
  guint                 save_id;
  guint                 header_id;

  RetractCaseList      *case_list;
  RetractDueNotifier   *notifier;   /* a notification when a step becomes due */
  GPtrArray            *cases;      /* light copies from the last listing */
  GCancellable         *listing;    /* non-NULL while a listing runs */
  gboolean              list_again; /* saved again while it ran */
  gboolean              listed;     /* the first listing is in */
  gboolean              painted;    /* the first frame is on screen */
  gboolean              open_first_pending;  /* the first case opens after that frame */
  guint                 open_first_id;
  GHashTable           *pending_deletes;  /* id → its AdwToast, held back until it goes */
};

G_DEFINE_FINAL_TYPE (RetractWindow, retract_window, ADW_TYPE_APPLICATION_WINDOW)

static AdwToast *plain_toast_new (const char *text,
                                  guint       timeout);
static void      start_listing   (RetractWindow *self);

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
    start_listing (self);
}


static gboolean
save_now (gpointer data)
{
  RetractWindow *self = data;
  GWeakRef *window_ref;

  self->save_id = 0;
  if (self->kase == NULL)
    return G_SOURCE_REMOVE;

  /* The window may close before the disk is done. */
  window_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (window_ref, self);
  retract_store_save_case_async (self->store, self->kase, NULL, on_saved, window_ref);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (RetractWindow *self)
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

  schedule_save (self);
}

/* The overview shows the case open; the others' light copies give the
 * counts (the wizard's circumstances page shows them too). */
static void
update_overview (RetractWindow *self)
{
  if (self->wizard != NULL)
    retract_circumstances_page_set_others (
      RETRACT_CIRCUMSTANCES_PAGE (retract_wizard_get_page (self->wizard, "circumstances")),
      self->cases);
  retract_case_overview_set_context (RETRACT_CASE_OVERVIEW (self->overview), self->rules,
                                     self->clock, self->kase, self->cases);
}

static void
set_case (RetractWindow *self,
          RetractCase   *kase)
{
  /* The case being left keeps what was typed last: it stays in the library. */
  if (self->save_id != 0)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      save_now (self);
    }
  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_set_object (&self->kase, kase);

  if (kase != NULL)
    {
      g_signal_connect_object (kase, "notify", G_CALLBACK (on_case_notify), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (kase, "materials-changed", G_CALLBACK (schedule_save), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (kase, "events-changed", G_CALLBACK (schedule_save), self,
                               G_CONNECT_SWAPPED);
    }
  update_overview (self);
}

static RetractCase *
new_case (RetractWindow *self)
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

/* The header's buttons follow the view: New Case and Search on the home,
 * Back to the list when folded on an overview, All Cases in the wizard. */
static void
update_header (RetractWindow *self)
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
  update_header (self);
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

static void
show_welcome (RetractWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->start_button));
}

static guint
n_cases_shown (RetractWindow *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->case_list));
}

/* The home, or the welcome page when there is no case to list. */
static void
show_home (RetractWindow *self)
{
  if (n_cases_shown (self) == 0)
    {
      show_welcome (self);
      return;
    }

  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "home");
  retract_case_list_pane_select (self->list_pane,
                                 self->kase != NULL ? retract_case_get_id (self->kase) : NULL);
  update_overview (self);
}

/* The cases listed, less those whose deletion is held back by a toast. */
static void
apply_cases (RetractWindow *self)
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

static gboolean
open_case (RetractWindow *self,
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
      start_listing (self);
      return FALSE;
    }

  set_case (self, kase);
  return TRUE;
}

static void
on_case_selected (RetractWindow *self,
                  const char    *id)
{
  if (!open_case (self, id))
    return;

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->overview_bin));
  update_header (self);
}

static void
on_case_activated (RetractWindow *self,
                   const char    *id)
{
  on_case_selected (self, id);
  gtk_widget_child_focus (GTK_WIDGET (self->overview_bin), GTK_DIR_TAB_FORWARD);
}

typedef struct
{
  GPtrArray *cases;
  GPtrArray *problems;
} Listing;

static void
listing_free (Listing *listing)
{
  g_clear_pointer (&listing->cases, g_ptr_array_unref);
  g_clear_pointer (&listing->problems, g_ptr_array_unref);
  g_free (listing);
}

/* In a worker thread: reading 1 000 cases does not hold up the first frame. */
static void
list_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Listing *listing = g_new0 (Listing, 1);
  GError *error = NULL;

  listing->cases = retract_store_list_cases (RETRACT_STORE (task_data), &listing->problems,
                                             &error);
  if (listing->cases == NULL)
    {
      listing_free (listing);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, listing, (GDestroyNotify) listing_free);
}

static void
report_problems (RetractWindow *self,
                 GPtrArray     *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const RetractStoreProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *message = NULL;

      g_debug ("Saved case unreadable, moved aside: %s", problem->error->message);
      if (problem->moved_to != NULL)
        /* Translators: %s is a file name like case.json.unreadable-20261124T100000Z */
        message = g_strdup_printf (_("Your saved case could not be read. It was kept as “%s” "
                                     "and a new case was started."), problem->moved_to);
      else
        message = g_strdup (_("Your saved case could not be read."));
      retract_window_show_toast (self, message);
    }
}

/* The most urgent case is open, beside the list or a click away. */
static void
open_first_case (RetractWindow *self)
{
  g_autoptr(RetractCaseItem) first = NULL;

  if (n_cases_shown (self) == 0)
    return;

  first = g_list_model_get_item (G_LIST_MODEL (self->case_list), 0);
  if (open_case (self, retract_case_item_get_id (first)))
    retract_case_list_pane_select (self->list_pane, retract_case_item_get_id (first));
}

static gboolean
open_first_idle (gpointer data)
{
  RetractWindow *self = data;

  self->open_first_id = 0;
  if (self->open_first_pending && g_strcmp0 (retract_window_get_view (self), "home") == 0)
    open_first_case (self);
  self->open_first_pending = FALSE;
  return G_SOURCE_REMOVE;
}

/* Once per window: an idle, so that the case opens after this frame is
 * reported and shown, not inside its paint. */
static void
on_first_paint (RetractWindow *self,
                GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  self->painted = TRUE;
  if (self->open_first_pending && self->open_first_id == 0)
    self->open_first_id = g_idle_add (open_first_idle, self);
}

static void
on_map (RetractWindow *self)
{
  if (!self->painted)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (on_first_paint), self, G_CONNECT_SWAPPED);
}

/* The first listing decides where the window opens: the welcome page when
 * nothing is saved, the overview of the only case (a case migrated from the
 * single-case version is there at once), else the list. */
static void
open_home_first (RetractWindow *self)
{
  guint n = n_cases_shown (self);

  if (n == 0)
    {
      show_welcome (self);
      return;
    }

  /* Building a case's overview costs about as much as the rest of the
   * start-up: when the listing lands before the first frame, that frame
   * shows the list and the case opens right after it (issue 13). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->painted)
    self->open_first_pending = TRUE;
  else
    open_first_case (self);
  show_home (self);
  adw_leaflet_set_visible_child (self->leaflet,
                                 n == 1 ? GTK_WIDGET (self->overview_bin)
                                        : GTK_WIDGET (self->list_pane));
  update_header (self);
}

static void
on_listed (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RetractWindow *self = NULL;
  Listing *listing;
  g_autoptr(GError) error = NULL;

  listing = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_pointer (&listing, listing_free);
      return;
    }

  self = RETRACT_WINDOW (source_object);
  g_clear_object (&self->listing);
  if (listing == NULL)
    g_debug ("The saved cases could not be listed: %s", error->message);
  else
    {
      report_problems (self, listing->problems);
      g_clear_pointer (&self->cases, g_ptr_array_unref);
      self->cases = g_steal_pointer (&listing->cases);
      listing_free (listing);
      apply_cases (self);
      update_overview (self);
    }

  if (!self->listed)
    {
      self->listed = TRUE;
      open_home_first (self);
    }
  else if (g_strcmp0 (retract_window_get_view (self), "home") == 0 && n_cases_shown (self) == 0)
    show_welcome (self);

  if (self->list_again)
    {
      self->list_again = FALSE;
      start_listing (self);
    }
}

static void
start_listing (RetractWindow *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->listing != NULL)
    {
      self->list_again = TRUE;
      return;
    }

  self->listing = g_cancellable_new ();
  task = g_task_new (self, self->listing, on_listed, NULL);
  g_task_set_source_tag (task, start_listing);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, list_in_thread);
}

/* Each minute: statuses and countdowns at the new time. */
static void
on_clock_tick (RetractWindow *self)
{
  retract_case_list_refresh (self->case_list, retract_clock_get_now (self->clock));
}

static void
on_start_clicked (RetractWindow *self)
{
  retract_window_start (self, FALSE);
}

/* Asks before something that cannot be undone: Cancel is the default and
 * what Escape answers; @callback hears the response. */
static void
confirm_destructive (RetractWindow *self,
                     const char    *heading,
                     const char    *body,
                     const char    *response,
                     const char    *label,
                     GCallback      callback)
{
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", callback, self);
  gtk_window_present (GTK_WINDOW (dialog));
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

static void
window_edit_answers (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);
  int step = g_variant_get_int32 (parameter);

  if (self->kase == NULL || step < 0 || step >= (int) G_N_ELEMENTS (wizard_steps))
    return;

  retract_window_start (self, TRUE);
  retract_wizard_go_to (self->wizard, wizard_steps[step]);
}

static void
window_documents (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);

  if (self->kase == NULL)
    return;

  retract_window_start (self, TRUE);
  retract_wizard_go_to (self->wizard, "review");
}

static void
window_show_home (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);

  retract_window_flush_save (self);
  show_home (self);
  if (g_strcmp0 (retract_window_get_view (self), "home") == 0)
    adw_leaflet_set_visible_child (self->leaflet,
                                   self->kase != NULL ? GTK_WIDGET (self->overview_bin)
                                                      : GTK_WIDGET (self->list_pane));
  update_header (self);
}

static void
window_back_to_list (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->list_pane));
  gtk_widget_grab_focus (retract_case_list_pane_get_list_view (self->list_pane));
  update_header (self);
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

  if (n_cases_shown (self) == 0)
    return;

  show_home (self);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->list_pane));
  update_header (self);
  retract_case_list_pane_start_search (self->list_pane);
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
    start_listing (self);
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
      set_case (self, NULL);
    }

  toast = adw_toast_new (_("Case deleted"));
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_string (id));
  adw_toast_set_timeout (toast, 8);
  g_object_set_data_full (G_OBJECT (toast), "retract-case-id", g_strdup (id), g_free);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed), self, 0);
  g_hash_table_insert (self->pending_deletes, g_strdup (id), toast);
  apply_cases (self);

  if (g_strcmp0 (retract_window_get_view (self), "wizard") != 0)
    {
      show_home (self);
      if (g_strcmp0 (retract_window_get_view (self), "home") == 0)
        adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->list_pane));
      update_header (self);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
  apply_cases (self);
  if (open_case (self, id))
    {
      show_home (self);
      adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->overview_bin));
      update_header (self);
    }
}

/* Settings that are the user's choices stay; every other key (such as the
 * last platform, which pre-fills the next case) records what was done, and
 * is reset with the saved cases. */
static void
forget_history (GSettings *settings)
{
  static const char * const choices[] = {
    "rules-url", "automatic-updates", "automatic-updates-offered", "window-width",
    "window-height", "window-maximized", NULL
  };
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    if (!g_strv_contains (choices, keys[i]))
      g_settings_reset (settings, keys[i]);
}

static void
on_delete_data_response (AdwMessageDialog *dialog,
                         const char       *response,
                         RetractWindow    *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractCase) kase = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  g_clear_handle_id (&self->save_id, g_source_remove);
  /* Held-back deletions are part of everything. */
  g_hash_table_remove_all (self->pending_deletes);
  retract_store_wait (self->store);
  if (!retract_store_delete_all (self->store, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not delete the saved data: %s"),
                                                  error->message);

      retract_window_show_toast (self, message);
      start_listing (self);
      return;
    }

  if (self->settings != NULL)
    forget_history (self->settings);

  kase = retract_case_new ();
  set_case (self, kase);
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  apply_cases (self);
  start_listing (self);
  show_welcome (self);
  retract_window_show_toast (self, _("All saved data was deleted"));
}

static void
window_delete_data (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  confirm_destructive (RETRACT_WINDOW (widget), _("Delete All Saved Data?"),
                       _("Every case, with your answers, including your name, phone and ID "
                         "number, will be removed from this computer. This cannot be undone."),
                       "delete", _("_Delete"), G_CALLBACK (on_delete_data_response));
}

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
static AdwToast *
plain_toast_new (const char *text,
                 guint       timeout)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, timeout);
  return toast;
}

/* After an export: a toast that names the file and offers to open it. */
static void
window_file_saved (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);
  AdwToast *toast = plain_toast_new (title, 8);

  g_hash_table_add (self->saved_files, g_strdup (uri));
  adw_toast_set_button_label (toast, _("Open"));
  adw_toast_set_action_name (toast, "win.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
    }

  gtk_window_present (self->shortcuts_window);
}

/* @user_data is the file written, which holds the window. */
static void
on_file_written (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  RetractWindow *self = g_object_get_data (G_OBJECT (file), "retract-window");
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!retract_file_replace_finish (result, &error))
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);

      retract_window_show_toast (self, message);
      return;
    }

  uri = g_file_get_uri (file);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.file-saved", "s", uri);
}

static void
on_reminders_response (GtkNativeDialog *dialog,
                       int              response,
                       RetractWindow   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) contents = NULL;
  gsize len;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  text = retract_window_build_reminders (self, &error);
  if (text == NULL)
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);

      retract_window_show_toast (self, message);
      return;
    }

  /* Written in a worker thread: the window never waits for the disk. */
  len = strlen (text);
  contents = g_bytes_new_take (g_steal_pointer (&text), len);
  g_object_set_data_full (G_OBJECT (file), "retract-window", g_object_ref (self), g_object_unref);
  retract_file_replace_async (path, contents, NULL, on_file_written, g_steal_pointer (&file));
}

/* One calendar for every open case: the default name says what it is,
 * never whose. */
static void
window_save_reminders (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);
  g_autofree char *date = g_date_time_format (retract_clock_get_now (self->clock), "%Y-%m-%d");
  g_autofree char *name = NULL;

  /* Translators: the default file name of the reminders of every case; keep the .ics */
  name = g_strdup_printf (_("case-deadlines-%s.ics"), date);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save Reminders"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_reminders_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Export Case File… / Import Case File…: every case in one file. */
static void
on_export_cases_response (GtkNativeDialog *dialog,
                          int              response,
                          RetractWindow   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    retract_window_export_cases (self, path);
}

static void
window_export_cases (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);
  g_autofree char *date = g_date_time_format (retract_clock_get_now (self->clock), "%Y-%m-%d");
  /* Translators: the default name of the exported case file; keep the .json */
  g_autofree char *name = g_strdup_printf (_("retract-cases-%s.json"), date);

  retract_window_flush_save (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export Case File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_cases_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
finish_import (RetractWindow         *self,
               RetractCaseBundlePlan *plan,
               gboolean               overwrite)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = plan->added->len + plan->merged->len + (overwrite ? plan->conflicts->len : 0);

  retract_window_flush_save (self);
  if (!retract_case_bundle_apply (self->store, plan, overwrite, &error))
    {
      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not import the case file: %s"), error->message);
      retract_window_show_toast (self, message);
      return;
    }

  /* The case open may have gained events: it is read again. */
  if (self->kase != NULL)
    {
      g_autofree char *id = g_strdup (retract_case_get_id (self->kase));
      g_autoptr(RetractCase) fresh = retract_store_load_case (self->store, id, NULL);

      if (fresh != NULL)
        set_case (self, fresh);
    }
  /* Translators: after Import Case File… */
  message = g_strdup_printf (ngettext ("%u case imported or brought up to date",
                                       "%u cases imported or brought up to date", n), n);
  retract_window_show_toast (self, message);
  start_listing (self);
}

static void
on_import_conflicts_response (AdwMessageDialog *dialog,
                              const char       *response,
                              RetractWindow    *self)
{
  RetractCaseBundlePlan *plan = g_object_get_data (G_OBJECT (dialog), "retract-plan");

  if (g_str_equal (response, "cancel"))
    return;
  finish_import (self, plan, g_str_equal (response, "replace"));
}

static void
on_import_cases_response (GtkNativeDialog *dialog,
                          int              response,
                          RetractWindow   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    retract_window_import_cases (self, path);
}

static void
window_import_cases (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Case File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_import_cases_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
retract_window_close_request (GtkWindow *window)
{
  retract_window_save_state (RETRACT_WINDOW (window));

  return GTK_WINDOW_CLASS (retract_window_parent_class)->close_request (window);
}

/* The toasts go with the window: what they held back is deleted now. */
static void
finish_pending_deletes (RetractWindow *self)
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

static void
retract_window_dispose (GObject *object)
{
  RetractWindow *self = (RetractWindow *)object;

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_handle_id (&self->header_id, g_source_remove);
  g_clear_handle_id (&self->open_first_id, g_source_remove);
  if (self->store != NULL)
    finish_pending_deletes (self);
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
  gtk_widget_class_bind_template_callback (widget_class, on_case_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_case_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked);
  gtk_widget_class_bind_template_callback (widget_class, queue_update_header);

  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, window_new_case);
  gtk_widget_class_install_action (widget_class, "win.edit-answers", "i", window_edit_answers);
  gtk_widget_class_install_action (widget_class, "win.documents", NULL, window_documents);
  gtk_widget_class_install_action (widget_class, "win.delete-case", "s", window_delete_case);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "s", window_undo_delete);
  gtk_widget_class_install_action (widget_class, "win.show-home", NULL, window_show_home);
  gtk_widget_class_install_action (widget_class, "win.back-to-list", NULL, window_back_to_list);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, window_search);
  gtk_widget_class_install_action (widget_class, "win.save-reminders", NULL,
                                   window_save_reminders);
  gtk_widget_class_install_action (widget_class, "win.export-cases", NULL, window_export_cases);
  gtk_widget_class_install_action (widget_class, "win.import-cases", NULL, window_import_cases);
  gtk_widget_class_install_action (widget_class, "win.delete-data", NULL, window_delete_data);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", window_show_toast);
  gtk_widget_class_install_action (widget_class, "win.file-saved", "s", window_file_saved);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", window_open_uri);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", window_open_file);
  gtk_widget_class_install_action (widget_class, "win.show-details", "(ss)",
                                   window_show_details);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   window_show_shortcuts);

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
  g_object_bind_property (retract_case_list_pane_get_search_bar (self->list_pane),
                          "search-mode-enabled", self->search_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->main_stack, "notify::visible-child",
                           G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);

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
  g_autofree char *rules_text = NULL;
  g_autoptr(RetractCase) kase = NULL;

  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);
  g_return_val_if_fail (RETRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (RETRACT_IS_CLOCK (clock), NULL);

  self = g_object_new (RETRACT_TYPE_WINDOW, "application", application, NULL);
  self->rules = g_object_ref (rules);
  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);

  rules_text = g_strdup_printf (_("Rules %1$s of %2$s, from a public article; not an official "
                                  "source."),
                                retract_ruleset_get_version (rules),
                                retract_ruleset_get_published (rules));
  gtk_label_set_label (self->rules_label, rules_text);
  /* Expired rules keep answering; the banner says how old they are. */
  retract_rules_banner_set_context (self->rules_banner, self->rules, self->clock);

  self->case_list = retract_case_list_new (rules, retract_language_default ());
  retract_case_list_pane_set_model (self->list_pane, self->case_list, clock);
  self->notifier = retract_due_notifier_new (self->case_list, clock);
  g_signal_connect_object (clock, "notify::now", G_CALLBACK (on_clock_tick), self,
                           G_CONNECT_SWAPPED);

  /* Until a saved case is opened, a new one (saved once it is answered). */
  kase = new_case (self);
  set_case (self, kase);
  gtk_stack_set_visible_child_name (self->main_stack, "home");
  update_header (self);
  start_listing (self);

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
      g_autoptr(RetractCase) kase = new_case (self);

      set_case (self, kase);
    }

  retract_wizard_set_context (retract_window_get_wizard (self), self->kase, self->rules,
                              self->clock);
  update_overview (self);
  gtk_stack_set_visible_child_name (self->main_stack, "wizard");
  gtk_window_set_default_widget (GTK_WINDOW (self), retract_wizard_get_next_button (self->wizard));
  schedule_save (self);
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

  if (!open_case (self, id))
    return;

  gtk_stack_set_visible_child_name (self->main_stack, "home");
  retract_case_list_pane_select (self->list_pane, id);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->overview_bin));
  update_header (self);
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
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->wizard), "wizard");
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

void
retract_window_show_toast (RetractWindow *self,
                           const char    *message)
{
  g_return_if_fail (RETRACT_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, plain_toast_new (message, 5));
}

static char *
answer_signature (RetractRuleset *rules,
                  RetractCase    *kase,
                  RetractClock   *clock)
{
  g_autoptr(RetractAssessment) assessment =
    retract_assessment_new (rules, kase, retract_clock_get_now (clock), NULL);
  g_autofree char *channels = NULL;
  g_autofree char *materials = NULL;
  g_autofree char *closes = NULL;

  if (assessment == NULL)
    return NULL;

  channels = retract_records_join_ids (RETRACT_RECORD_CHANNEL,
                                       retract_assessment_get_channels (assessment));
  materials = retract_records_join_ids (RETRACT_RECORD_MATERIAL,
                                        retract_assessment_get_materials (assessment));
  if (retract_assessment_get_window_closes_at (assessment) != NULL)
    closes = retract_time_format_iso (retract_assessment_get_window_closes_at (assessment));

  return g_strdup_printf ("%s|%s|%s|%s",
                          retract_stage_to_id (retract_assessment_get_stage (assessment)),
                          channels, materials, closes != NULL ? closes : "");
}

/**
 * retract_window_set_rules:
 *
 * Switches to other rules (after an update or a revert); the case in
 * progress is assessed again and the user is told when the answer changed.
 */
void
retract_window_set_rules (RetractWindow  *self,
                          RetractRuleset *rules)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *rules_text = NULL;

  g_return_if_fail (RETRACT_IS_WINDOW (self));
  g_return_if_fail (RETRACT_IS_RULESET (rules));

  before = answer_signature (self->rules, self->kase, self->clock);
  g_set_object (&self->rules, rules);
  after = answer_signature (self->rules, self->kase, self->clock);

  rules_text = g_strdup_printf (_("Rules %1$s of %2$s, from a public article; not an official "
                                  "source."),
                                retract_ruleset_get_version (rules),
                                retract_ruleset_get_published (rules));
  gtk_label_set_label (self->rules_label, rules_text);
  /* Expired rules keep answering; the banner says how old they are. */
  retract_rules_banner_set_context (self->rules_banner, self->rules, self->clock);

  if (g_str_equal (retract_window_get_view (self), "wizard"))
    retract_wizard_set_context (self->wizard, self->kase, self->rules, self->clock);

  /* The list's statuses and the overview follow the new rules too. */
  g_clear_object (&self->notifier);
  g_clear_object (&self->case_list);
  self->case_list = retract_case_list_new (rules, retract_language_default ());
  retract_case_list_pane_set_model (self->list_pane, self->case_list, self->clock);
  self->notifier = retract_due_notifier_new (self->case_list, self->clock);
  apply_cases (self);
  update_overview (self);

  if (before != NULL && g_strcmp0 (before, after) != 0)
    retract_window_show_toast (self, _("With the new rules the answer for your case has "
                                       "changed: please look at it again"));
}

/**
 * retract_window_show_problem:
 * @message: what happened, in words for the person using the app
 * @details: the technical message behind it
 *
 * A toast with @message and a Details button that shows @details in a
 * dialog; both as plain text.
 */
void
retract_window_show_problem (RetractWindow *self,
                             const char    *message,
                             const char    *details)
{
  AdwToast *toast;

  g_return_if_fail (RETRACT_IS_WINDOW (self));
  g_return_if_fail (message != NULL && details != NULL);

  toast = plain_toast_new (message, 10);
  adw_toast_set_button_label (toast, _("Details"));
  adw_toast_set_action_name (toast, "win.show-details");
  adw_toast_set_action_target (toast, "(ss)", message, details);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* @toast's title is Pango markup: escape anything that is not our own text. */
void
retract_window_add_toast (RetractWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (RETRACT_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * retract_window_build_reminders:
 *
 * The calendar Save Reminders… writes: an event for each open case's next
 * step (the cases as listed, less those being deleted).
 *
 * Returns: (transfer full): the .ics text, or %NULL with @error set
 */
char *
retract_window_build_reminders (RetractWindow  *self,
                                GError        **error)
{
  g_return_val_if_fail (RETRACT_IS_WINDOW (self), NULL);

  return retract_reminders_build_case_file_ics (self->rules,
                                                retract_case_list_get_rows (self->case_list),
                                                retract_clock_get_now (self->clock),
                                                retract_language_default (), error);
}

/**
 * retract_window_export_cases:
 * @path: the file chosen
 *
 * Writes every saved case to @path (what Export Case File… does once the
 * file is chosen) and says so.
 */
gboolean
retract_window_export_cases (RetractWindow *self,
                             const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (RETRACT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  retract_window_flush_save (self);
  if (!retract_case_bundle_export (self->store, path, NULL, &error))
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not export the case file: %s"),
                                                  error->message);

      retract_window_show_toast (self, message);
      return FALSE;
    }

  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.file-saved", "s", uri);
  return TRUE;
}

/**
 * retract_window_import_cases:
 * @path: the file chosen
 *
 * Merges the cases in @path into the library (what Import Case File… does
 * once the file is chosen). Saved cases changed since the export keep their
 * answers unless the user says to replace them (a dialog asks).
 */
void
retract_window_import_cases (RetractWindow *self,
                             const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractCaseBundlePlan) plan = NULL;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  g_return_if_fail (RETRACT_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  retract_window_flush_save (self);
  plan = retract_case_bundle_plan (self->store, path, &error);
  if (plan == NULL)
    {
      retract_window_show_problem (self, _("This case file could not be imported"),
                                   error->message);
      return;
    }

  if (plan->conflicts->len == 0)
    {
      finish_import (self, plan, FALSE);
      return;
    }

  /* Translators: %u cases in the file are older than what is saved */
  body = g_strdup_printf (ngettext ("%u case was changed on this computer after the file was "
                                    "exported. Keep the answers saved here, or replace them "
                                    "with the file's? Logged actions from both are kept.",
                                    "%u cases were changed on this computer after the file was "
                                    "exported. Keep the answers saved here, or replace them "
                                    "with the file's? Logged actions from both are kept.",
                                    plan->conflicts->len), plan->conflicts->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Replace Newer Answers?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "keep",
                                    _("_Keep Saved Answers"), "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "retract-plan", g_steal_pointer (&plan),
                          (GDestroyNotify) retract_case_bundle_plan_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_conflicts_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}
