/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The home's list pane: every saved case in urgency order (the core's
 * RetractCaseList), filtered by the search bar with the core's match rule.
 * A GtkListView, so that only the rows on screen exist: 1 000 cases scroll
 * and start as fast as ten. Selecting a row says which case to open;
 * Delete on a row asks the window to delete it (with Undo). */

#define G_LOG_DOMAIN "retract-case-list-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-case-list-pane.h"
#include "retract-case-list-row.h"

struct _RetractCaseListPane
{
  AdwBin              parent_instance;

  GtkListView        *list_view;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;

  RetractClock       *clock;
  GPtrArray          *rows;   /* the rows bound to a case (on screen) */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *search;
  char               *selected_id;  /* the last one announced */
  gboolean            behind;       /* the clock moved while hidden */
};

G_DEFINE_FINAL_TYPE (RetractCaseListPane, retract_case_list_pane, ADW_TYPE_BIN)

enum
{
  CASE_SELECTED,
  CASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_case (gpointer item,
             gpointer user_data)
{
  RetractCaseListPane *self = user_data;

  return retract_case_item_matches (RETRACT_CASE_ITEM (item), self->search);
}

static void
update_page (RetractCaseListPane *self)
{
  gboolean none = self->filtered != NULL &&
                  g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0 &&
                  self->search != NULL && *self->search != '\0';

  gtk_stack_set_visible_child_name (self->stack, none ? "no-results" : "list");
}

static void
on_search_changed (RetractCaseListPane *self)
{
  g_free (self->search);
  self->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);
}

static void
on_stop_search (RetractCaseListPane *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_selection_changed (RetractCaseListPane *self)
{
  RetractCaseItem *item = gtk_single_selection_get_selected_item (self->selection);
  const char *id;

  if (item == NULL)
    return;

  /* A refresh that moves the selected case is not a new selection. */
  id = retract_case_item_get_id (item);
  if (g_strcmp0 (id, self->selected_id) == 0)
    return;

  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  g_signal_emit (self, signals[CASE_SELECTED], 0, id);
}

static void
on_activate (RetractCaseListPane *self,
             guint                position)
{
  g_autoptr(RetractCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                           position);

  if (item == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[CASE_ACTIVATED], 0, retract_case_item_get_id (item));
}

static gboolean
on_delete_key (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  RetractCaseListPane *self = RETRACT_CASE_LIST_PANE (widget);
  RetractCaseItem *item = self->selection != NULL
                          ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  if (item == NULL)
    return FALSE;

  gtk_widget_activate_action (widget, "win.delete-case", "s", retract_case_item_get_id (item));
  return TRUE;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, retract_case_list_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  RetractCaseListPane *self = user_data;

  GtkWidget *row = gtk_list_item_get_child (list_item);

  retract_case_list_row_bind (RETRACT_CASE_LIST_ROW (row), gtk_list_item_get_item (list_item),
                              self->clock);
  g_ptr_array_add (self->rows, row);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  RetractCaseListPane *self = user_data;
  GtkWidget *row = gtk_list_item_get_child (list_item);

  retract_case_list_row_unbind (RETRACT_CASE_LIST_ROW (row));
  g_ptr_array_remove_fast (self->rows, row);
}

static void
update_rows (RetractCaseListPane *self)
{
  self->behind = FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    retract_case_list_row_tick (g_ptr_array_index (self->rows, i));
}

/* The countdowns follow the clock on screen; hidden (the wizard, or the
 * overview alone on a narrow home), the rows catch up when shown. */
static void
on_clock_tick (RetractCaseListPane *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_rows (self);
  else
    self->behind = TRUE;
}

static void
on_map (RetractCaseListPane *self)
{
  if (self->behind)
    update_rows (self);
}

static void
retract_case_list_pane_dispose (GObject *object)
{
  RetractCaseListPane *self = RETRACT_CASE_LIST_PANE (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RETRACT_TYPE_CASE_LIST_PANE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (retract_case_list_pane_parent_class)->dispose (object);
}

static void
retract_case_list_pane_finalize (GObject *object)
{
  RetractCaseListPane *self = RETRACT_CASE_LIST_PANE (object);

  g_free (self->search);
  g_free (self->selected_id);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (retract_case_list_pane_parent_class)->finalize (object);
}

static void
retract_case_list_pane_class_init (RetractCaseListPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = retract_case_list_pane_dispose;
  object_class->finalize = retract_case_list_pane_finalize;

  /**
   * RetractCaseListPane::case-selected:
   * @id: the case's id
   *
   * A case was selected (by click, arrow keys or retract_case_list_pane_select ()).
   */
  signals[CASE_SELECTED] = g_signal_new ("case-selected", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * RetractCaseListPane::case-activated:
   * @id: the case's id
   *
   * A row was activated (Enter, double click): show that case.
   */
  signals[CASE_ACTIVATED] = g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/retract-case-list-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, RetractCaseListPane, list_view);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseListPane, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseListPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseListPane, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, on_delete_key, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, on_delete_key, NULL);
}

static void
retract_case_list_pane_init (RetractCaseListPane *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

GtkWidget *
retract_case_list_pane_new (void)
{
  return g_object_new (RETRACT_TYPE_CASE_LIST_PANE, NULL);
}

/**
 * retract_case_list_pane_set_model:
 * @cases: the window's case list
 * @clock: the clock the rows' countdowns follow
 */
void
retract_case_list_pane_set_model (RetractCaseListPane *self,
                                  RetractCaseList     *cases,
                                  RetractClock        *clock)
{
  g_return_if_fail (RETRACT_IS_CASE_LIST_PANE (self));
  g_return_if_fail (RETRACT_IS_CASE_LIST (cases));
  g_return_if_fail (RETRACT_IS_CLOCK (clock));

  if (self->clock != clock)
    {
      if (self->clock != NULL)
        g_signal_handlers_disconnect_by_data (self->clock, self);
      g_set_object (&self->clock, clock);
      g_signal_connect_object (clock, "notify::now", G_CALLBACK (on_clock_tick), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  self->filter = gtk_custom_filter_new (filter_case, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (cases)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  /* The window decides which case is open; nothing is selected by itself. */
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_page), self,
                           G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_page (self);
}

/**
 * retract_case_list_pane_get_selected_id:
 *
 * Returns: (nullable): the selected case's id
 */
const char *
retract_case_list_pane_get_selected_id (RetractCaseListPane *self)
{
  RetractCaseItem *item;

  g_return_val_if_fail (RETRACT_IS_CASE_LIST_PANE (self), NULL);

  if (self->selection == NULL)
    return NULL;
  item = gtk_single_selection_get_selected_item (self->selection);
  return item != NULL ? retract_case_item_get_id (item) : NULL;
}

/**
 * retract_case_list_pane_select:
 * @id: (nullable): the case to select, or %NULL for none
 *
 * Selects the row of @id without announcing it (the caller opened it).
 */
void
retract_case_list_pane_select (RetractCaseListPane *self,
                               const char          *id)
{
  GListModel *model;
  guint n, position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (RETRACT_IS_CASE_LIST_PANE (self));

  if (self->selection == NULL)
    return;

  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(RetractCaseItem) item = g_list_model_get_item (model, i);

      if (g_str_equal (retract_case_item_get_id (item), id))
        {
          position = i;
          break;
        }
    }
  gtk_single_selection_set_selected (self->selection, position);
}

/* Ctrl+F: shows the search bar and puts the cursor in it. */
void
retract_case_list_pane_start_search (RetractCaseListPane *self)
{
  g_return_if_fail (RETRACT_IS_CASE_LIST_PANE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * retract_case_list_pane_get_search_bar:
 *
 * Returns: (transfer none): the search bar (the header's toggle binds to it)
 */
GtkSearchBar *
retract_case_list_pane_get_search_bar (RetractCaseListPane *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_LIST_PANE (self), NULL);
  return self->search_bar;
}

/**
 * retract_case_list_pane_get_shown:
 *
 * Returns: (transfer none) (nullable): the cases the search leaves, in order
 */
GListModel *
retract_case_list_pane_get_shown (RetractCaseListPane *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_LIST_PANE (self), NULL);
  return self->selection != NULL ? G_LIST_MODEL (self->selection) : NULL;
}

/**
 * retract_case_list_pane_get_list_view:
 *
 * Returns: (transfer none): the list view (focus, tests)
 */
GtkWidget *
retract_case_list_pane_get_list_view (RetractCaseListPane *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_LIST_PANE (self), NULL);
  return GTK_WIDGET (self->list_view);
}
