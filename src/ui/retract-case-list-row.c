/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One case in the home's list: platform and type, the complaint number (or
 * that there is none yet), a status badge and the next deadline as a
 * countdown with its clock time. Everything it says comes from the case
 * item (the core); the countdown follows the clock, a minute at a time.
 * Rows are recycled by the list view: bind and unbind swap the item. */

#define G_LOG_DOMAIN "retract-case-list-row"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-case-list-row.h"
#include "retract-time.h"

struct _RetractCaseListRow
{
  AdwBin           parent_instance;

  GtkLabel        *deadline_label;
  GtkLabel        *number_label;
  GtkLabel        *status_label;
  GtkLabel        *title_label;

  RetractCaseItem *item;
  RetractClock    *clock;
  char            *status_class;
};

G_DEFINE_FINAL_TYPE (RetractCaseListRow, retract_case_list_row, ADW_TYPE_BIN)

/* Counted for the tests: how many times rows said everything again. */
static guint n_updates;

/* The deadline line at the clock's time, and the sentence a screen reader
 * hears for the row (the four labels in one, not four): both only when the
 * line changed, unless @always (the other labels changed). */
static void
show_deadline (RetractCaseListRow *self,
               gboolean            always)
{
  GDateTime *due_at = retract_case_item_get_due_at (self->item);
  g_autofree char *deadline = NULL;
  g_autofree char *accessible = NULL;

  if (due_at != NULL && self->clock != NULL)
    {
      g_autofree char *when = retract_time_format_human (due_at);
      GTimeSpan left = g_date_time_difference (due_at, retract_clock_get_now (self->clock));

      if (left > 0)
        {
          g_autofree char *span = retract_time_format_span (left);

          /* Translators: the next deadline of a case: "3 h 20 min left · by 2026-11-25 10:00" */
          deadline = g_strdup_printf (_("%1$s left · by %2$s"), span, when);
        }
      else
        /* Translators: the next deadline of a case, passed: "Due 2026-11-25 10:00" */
        deadline = g_strdup_printf (_("Due %s"), when);
    }
  if (!always &&
      gtk_widget_get_visible (GTK_WIDGET (self->deadline_label)) == (deadline != NULL) &&
      g_strcmp0 (gtk_label_get_label (self->deadline_label), deadline != NULL ? deadline : "") == 0)
    return;
  gtk_label_set_label (self->deadline_label, deadline != NULL ? deadline : "");
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_label), deadline != NULL);

  accessible = g_strjoin (", ", gtk_label_get_label (self->title_label),
                          gtk_label_get_label (self->number_label),
                          gtk_label_get_label (self->status_label), deadline, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  /* Focus lands on the list view's item around the row (GTK 4.8 has no
   * gtk_list_item_set_accessible_label): it carries the same sentence, or a
   * screen reader announces an unnamed list item. */
  if (gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/**
 * retract_case_list_row_tick:
 *
 * The clock moved on: only the countdown can say something new (the rest
 * changes with the item, which tells the row).
 */
void
retract_case_list_row_tick (RetractCaseListRow *self)
{
  g_return_if_fail (RETRACT_IS_CASE_LIST_ROW (self));

  if (self->item != NULL)
    show_deadline (self, FALSE);
}

/**
 * retract_case_list_row_update:
 *
 * Says again what the row says, at the clock's time.
 */
void
retract_case_list_row_update (RetractCaseListRow *self)
{
  RetractCaseItem *item = self->item;
  const char *number;
  g_autofree char *status_class = NULL;
  const char *status;

  g_return_if_fail (RETRACT_IS_CASE_LIST_ROW (self));

  if (item == NULL)
    return;
  n_updates++;

  gtk_label_set_label (self->title_label, retract_case_item_get_heading (item));

  number = retract_case_item_get_complaint_number (item);
  if (number != NULL && *number != '\0')
    {
      /* Translators: the complaint number of a case in the list */
      g_autofree char *text = g_strdup_printf (_("No. %s"), number);

      gtk_label_set_label (self->number_label, text);
    }
  else
    gtk_label_set_label (self->number_label, _("No number yet"));

  if (retract_case_item_has_status (item))
    {
      RetractCaseStatus value = retract_case_item_get_status (item);

      status = retract_case_status_get_label (value);
      status_class = g_strconcat ("status-", retract_case_status_to_id (value), NULL);
    }
  else
    /* Translators: the badge of a case the rules cannot assess (the overview says why) */
    status = C_("case status", "Not assessed");
  /* The same class again is no change: taking it off and on would style
   * the badge again on every minute. */
  if (g_strcmp0 (status_class, self->status_class) != 0)
    {
      if (self->status_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
      if (status_class != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_class);
      g_free (self->status_class);
      self->status_class = g_steal_pointer (&status_class);
    }
  gtk_label_set_label (self->status_label, status);

  show_deadline (self, TRUE);
}

static void
retract_case_list_row_dispose (GObject *object)
{
  RetractCaseListRow *self = RETRACT_CASE_LIST_ROW (object);

  retract_case_list_row_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RETRACT_TYPE_CASE_LIST_ROW);

  G_OBJECT_CLASS (retract_case_list_row_parent_class)->dispose (object);
}

static void
retract_case_list_row_finalize (GObject *object)
{
  RetractCaseListRow *self = RETRACT_CASE_LIST_ROW (object);

  g_free (self->status_class);

  G_OBJECT_CLASS (retract_case_list_row_parent_class)->finalize (object);
}

static void
retract_case_list_row_class_init (RetractCaseListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = retract_case_list_row_dispose;
  object_class->finalize = retract_case_list_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/retract-case-list-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RetractCaseListRow, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseListRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseListRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseListRow, title_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
retract_case_list_row_init (RetractCaseListRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
retract_case_list_row_new (void)
{
  return g_object_new (RETRACT_TYPE_CASE_LIST_ROW, NULL);
}

/**
 * retract_case_list_row_bind:
 * @item: the case to show
 * @clock: the clock the countdown is counted from
 */
void
retract_case_list_row_bind (RetractCaseListRow *self,
                            RetractCaseItem    *item,
                            RetractClock       *clock)
{
  g_return_if_fail (RETRACT_IS_CASE_LIST_ROW (self));
  g_return_if_fail (RETRACT_IS_CASE_ITEM (item));
  g_return_if_fail (RETRACT_IS_CLOCK (clock));

  retract_case_list_row_unbind (self);
  self->item = g_object_ref (item);
  self->clock = g_object_ref (clock);
  /* The item notifies what changed when the list is refreshed; the pane
   * updates its rows on the clock's minute, for the countdown (one
   * connection to the clock, however many rows). */
  g_signal_connect_object (item, "notify", G_CALLBACK (retract_case_list_row_update), self,
                           G_CONNECT_SWAPPED);
  retract_case_list_row_update (self);
}

void
retract_case_list_row_unbind (RetractCaseListRow *self)
{
  g_return_if_fail (RETRACT_IS_CASE_LIST_ROW (self));

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->item);
  g_clear_object (&self->clock);
}

/**
 * retract_case_list_row_get_item:
 *
 * Returns: (transfer none) (nullable): the case shown
 */
RetractCaseItem *
retract_case_list_row_get_item (RetractCaseListRow *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_LIST_ROW (self), NULL);
  return self->item;
}

/* For the tests: how many times rows said everything again. */
guint
retract_case_list_row_get_n_updates (void)
{
  return n_updates;
}

/* What the deadline line says (tests). */
const char *
retract_case_list_row_get_deadline_text (RetractCaseListRow *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_LIST_ROW (self), NULL);
  return gtk_label_get_label (self->deadline_label);
}
