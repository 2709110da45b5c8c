/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window's listing of the saved cases: read in a worker thread at start
 * and after each save (a case file that cannot be read is set aside and
 * said so), and the first listing deciding where the window opens: the
 * welcome page, the only case's overview, or the list, with the most urgent
 * case opened after the first frame. */

#define G_LOG_DOMAIN "retract-window"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-window-private.h"

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
        message = g_strdup_printf (_("A saved case could not be read. It was set aside as "
                                     "“%s”; your other cases are in the list."),
                                   problem->moved_to);
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

  if (_retract_window_n_cases_shown (self) == 0)
    return;

  first = g_list_model_get_item (G_LIST_MODEL (self->case_list), 0);
  if (_retract_window_open_case (self, retract_case_item_get_id (first)))
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

void
_retract_window_on_map (RetractWindow *self)
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
  guint n = _retract_window_n_cases_shown (self);

  if (n == 0)
    {
      _retract_window_show_welcome (self);
      return;
    }

  /* Building a case's overview costs about as much as the rest of the
   * start-up: when the listing lands before the first frame, that frame
   * shows the list and the case opens right after it (issue 13). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->painted)
    self->open_first_pending = TRUE;
  else
    open_first_case (self);
  _retract_window_show_home (self);
  adw_leaflet_set_visible_child (self->leaflet,
                                 n == 1 ? GTK_WIDGET (self->overview_bin)
                                        : GTK_WIDGET (self->list_pane));
  _retract_window_update_header (self);
  /* Focus starts on the cases, not on the header's menu button (issue 15
   * §5.1): the list when it shows, else the overview's first control. */
  if (!adw_leaflet_get_folded (self->leaflet) || n > 1)
    gtk_widget_grab_focus (retract_case_list_pane_get_list_view (self->list_pane));
  else
    gtk_widget_child_focus (GTK_WIDGET (self->overview_bin), GTK_DIR_TAB_FORWARD);
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
      _retract_window_apply_cases (self);
      _retract_window_update_overview (self);
    }

  if (!self->listed)
    {
      self->listed = TRUE;
      open_home_first (self);
    }
  else if (g_strcmp0 (retract_window_get_view (self), "home") == 0 && _retract_window_n_cases_shown (self) == 0)
    _retract_window_show_welcome (self);

  if (self->list_again)
    {
      self->list_again = FALSE;
      _retract_window_start_listing (self);
    }
}

void
_retract_window_start_listing (RetractWindow *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->listing != NULL)
    {
      self->list_again = TRUE;
      return;
    }

  self->listing = g_cancellable_new ();
  task = g_task_new (self, self->listing, on_listed, NULL);
  g_task_set_source_tag (task, _retract_window_start_listing);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, list_in_thread);
}
