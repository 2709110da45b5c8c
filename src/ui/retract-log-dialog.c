/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Log Action…: one event for a case's timeline. Only the fields the kind
 * of event uses are shown; the time is editable and starts at now. The event
 * is checked by the core's one rule for a new event
 * (retract_case_check_event()), and what it refuses is said under the field
 * it names, with everything typed still there. The dialog does not change
 * the case: it hands the checked event to whoever opened it ("logged"). */

#define G_LOG_DOMAIN "retract-log-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-log-dialog.h"
#include "retract-time.h"

struct _RetractLogDialog
{
  AdwWindow       parent_instance;

  GtkLabel       *channel_error;
  GtkListBox     *channel_list;
  AdwComboRow    *channel_row;
  GtkLabel       *intro_label;
  GtkLabel       *kind_error;
  GtkListBox     *kind_list;
  AdwComboRow    *kind_row;
  GtkButton      *log_button;
  GtkBox         *note_box;
  GtkLabel       *note_error;
  GtkTextView    *note_view;
  GtkLabel       *outcome_error;
  GtkListBox     *outcome_list;
  AdwComboRow    *outcome_row;
  GtkLabel       *reference_error;
  GtkListBox     *reference_list;
  AdwEntryRow    *reference_row;
  GtkLabel       *time_error;
  GtkListBox     *time_list;
  AdwEntryRow    *time_row;

  RetractRuleset *rules;
  RetractCase    *kase;
  RetractClock   *clock;
  GPtrArray      *channel_ids; /* parallel to channel_row's model */
  gboolean        fixed;
};

G_DEFINE_FINAL_TYPE (RetractLogDialog, retract_log_dialog, ADW_TYPE_WINDOW)

enum
{
  LOGGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static RetractEventKind
current_kind (RetractLogDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < RETRACT_N_EVENT_KINDS ? (RetractEventKind) selected : RETRACT_EVENT_NOTE;
}

static GtkLabel *
error_label (RetractLogDialog  *self,
             RetractEventError  field)
{
  switch (field)
    {
    case RETRACT_EVENT_ERROR_KIND:
      return self->kind_error;
    case RETRACT_EVENT_ERROR_CHANNEL:
      return self->channel_error;
    case RETRACT_EVENT_ERROR_AT:
      return self->time_error;
    case RETRACT_EVENT_ERROR_OUTCOME:
      return self->outcome_error;
    case RETRACT_EVENT_ERROR_REFERENCE:
      return self->reference_error;
    case RETRACT_EVENT_ERROR_NOTE:
    default:
      return self->note_error;
    }
}

static void
update_fields (RetractLogDialog *self)
{
  RetractEventKind kind = current_kind (self);

  gtk_widget_set_visible (GTK_WIDGET (self->kind_list), !self->fixed);
  gtk_widget_set_visible (GTK_WIDGET (self->channel_list),
                          !self->fixed && kind == RETRACT_EVENT_SUBMITTED);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_list), kind == RETRACT_EVENT_REPLY);
  gtk_widget_set_visible (GTK_WIDGET (self->note_box), !self->fixed);

  /* An error about a field that is not shown any more is not news. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self->channel_list)))
    gtk_widget_set_visible (GTK_WIDGET (self->channel_error), FALSE);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->outcome_list)))
    gtk_widget_set_visible (GTK_WIDGET (self->outcome_error), FALSE);
}

/* The popup of libadwaita 1.2's AdwComboRow gives each item one ellipsized
 * line, which at this dialog's width cut most channels' names ("Customer
 * service hotli…"): the user could not read what to choose. Here an item
 * wraps instead, and keeps the check mark on the row's chosen item, as the
 * popup's own items do (shown by opacity, so the labels stay lined up). */
static void
update_item_mark (AdwComboRow *row,
                  GParamSpec  *pspec G_GNUC_UNUSED,
                  GtkListItem *list_item)
{
  GtkWidget *mark = gtk_widget_get_last_child (gtk_list_item_get_child (list_item));
  gboolean chosen = gtk_list_item_get_item (list_item) != NULL &&
                    gtk_list_item_get_item (list_item) == adw_combo_row_get_selected_item (row);

  gtk_widget_set_opacity (mark, chosen ? 1.0 : 0.0);
}

static void
setup_item (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
            GtkListItem              *list_item,
            AdwComboRow              *row G_GNUC_UNUSED)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_item (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
           GtkListItem              *list_item,
           AdwComboRow              *row)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  gulong handler;

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (item));
  handler = g_signal_connect_object (row, "notify::selected-item",
                                     G_CALLBACK (update_item_mark), list_item, 0);
  g_object_set_data (G_OBJECT (list_item), "retract-mark-handler", GSIZE_TO_POINTER (handler));
  update_item_mark (row, NULL, list_item);
}

static void
unbind_item (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
             GtkListItem              *list_item,
             AdwComboRow              *row)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (list_item),
                                                          "retract-mark-handler"));

  if (handler != 0)
    g_signal_handler_disconnect (row, handler);
}

static void
wrap_list_items (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), row);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item), row);
  adw_combo_row_set_list_factory (row, factory);
}

static void
on_kind_changed (RetractLogDialog *self)
{
  update_fields (self);
}

static void
show_error (RetractLogDialog  *self,
            RetractEventError  field,
            const char        *message)
{
  GtkLabel *label = error_label (self, field);
  GtkWidget *focus = retract_log_dialog_get_field (self, field);

  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static char *
dup_entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
on_log_clicked (RetractLogDialog *self)
{
  retract_log_dialog_submit (self);
}

/* Opened on its first question, What happened, not on Cancel (GtkWindow's
 * first focus); a fixed kind opens on its time instead. */
static void
retract_log_dialog_map (GtkWidget *widget)
{
  RetractLogDialog *self = RETRACT_LOG_DIALOG (widget);

  GTK_WIDGET_CLASS (retract_log_dialog_parent_class)->map (widget);
  if (!self->fixed)
    gtk_widget_grab_focus (GTK_WIDGET (self->kind_row));
}

static void
retract_log_dialog_dispose (GObject *object)
{
  RetractLogDialog *self = (RetractLogDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RETRACT_TYPE_LOG_DIALOG);
  g_clear_object (&self->rules);
  g_clear_object (&self->kase);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->channel_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (retract_log_dialog_parent_class)->dispose (object);
}

static void
retract_log_dialog_class_init (RetractLogDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = retract_log_dialog_dispose;
  widget_class->map = retract_log_dialog_map;

  /**
   * RetractLogDialog::logged:
   * @event: (type RetractCaseEvent): the event, checked; the handler adds a copy
   */
  signals[LOGGED] = g_signal_new ("logged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1,
                                  RETRACT_TYPE_CASE_EVENT | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/retract-log-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, channel_error);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, channel_list);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, kind_error);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, kind_list);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, log_button);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, note_box);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, note_error);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, outcome_error);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, outcome_list);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, reference_error);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, reference_list);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, time_error);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, time_list);
  gtk_widget_class_bind_template_child (widget_class, RetractLogDialog, time_row);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_log_clicked);
}

static void
retract_log_dialog_init (RetractLogDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->channel_ids = g_ptr_array_new ();
  wrap_list_items (self->kind_row);
  wrap_list_items (self->channel_row);
  wrap_list_items (self->outcome_row);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->log_button));
}

/**
 * retract_log_dialog_new:
 * @parent: (nullable): the window it is modal for
 *
 * Returns: (transfer none): a new dialog for an event of @kase, not shown yet
 */
RetractLogDialog *
retract_log_dialog_new (GtkWindow      *parent,
                        RetractRuleset *rules,
                        RetractCase    *kase,
                        RetractClock   *clock)
{
  RetractLogDialog *self;
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  GPtrArray *all;

  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);
  g_return_val_if_fail (RETRACT_IS_CASE (kase), NULL);
  g_return_val_if_fail (RETRACT_IS_CLOCK (clock), NULL);

  self = g_object_new (RETRACT_TYPE_LOG_DIALOG, "transient-for", parent, NULL);
  self->rules = g_object_ref (rules);
  self->kase = g_object_ref (kase);
  self->clock = g_object_ref (clock);

  /* The channels of the case's platform, in the dataset's order. */
  all = retract_ruleset_get_channels (rules);
  for (guint i = 0; i < all->len; i++)
    {
      const RetractChannel *channel = g_ptr_array_index (all, i);

      if (!retract_channel_serves_platform (channel, retract_case_get_platform (kase)))
        continue;
      gtk_string_list_append (channels, retract_text_get (&channel->name,
                                                          retract_language_default ()));
      g_ptr_array_add (self->channel_ids, channel->id);
    }
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));

  /* Minutes are what people remember; the check allows the clock's drift. */
  now = g_date_time_to_timezone (retract_clock_get_now (clock), retract_time_zone ());
  now_text = g_date_time_format (now, "%Y-%m-%d %H:%M");
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), now_text);

  update_fields (self);
  return self;
}

/**
 * retract_log_dialog_set_channel:
 * @channel: (nullable): a channel id of the dataset
 *
 * Chooses @channel in the list of channels, when the case's platform has
 * it; the list stays as it was otherwise.
 */
void
retract_log_dialog_set_channel (RetractLogDialog *self,
                                const char       *channel)
{
  g_return_if_fail (RETRACT_IS_LOG_DIALOG (self));

  for (guint i = 0; channel != NULL && i < self->channel_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->channel_ids, i), channel))
      adw_combo_row_set_selected (self->channel_row, i);
}

/**
 * retract_log_dialog_set_fixed:
 * @channel: (nullable): the channel of a submission
 * @title: what is being recorded, e.g. "I submitted the ticket"
 *
 * Records one given kind of event (the next step's button): asks only what
 * it needs, the time, a reference and, for a reply, what it said.
 */
void
retract_log_dialog_set_fixed (RetractLogDialog *self,
                              RetractEventKind  kind,
                              const char       *channel,
                              const char       *title)
{
  g_return_if_fail (RETRACT_IS_LOG_DIALOG (self));
  g_return_if_fail (title != NULL);

  self->fixed = TRUE;
  adw_combo_row_set_selected (self->kind_row, kind);
  retract_log_dialog_set_channel (self, channel);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_label (self->intro_label,
                       _("When was it? Change the time if it was earlier than now."));
  gtk_widget_set_visible (GTK_WIDGET (self->intro_label), TRUE);
  gtk_button_set_label (self->log_button, _("_Record"));
  update_fields (self);
  /* The time is the one thing usually changed; Enter then records. */
  gtk_widget_grab_focus (GTK_WIDGET (self->time_row));
}

void
retract_log_dialog_set_kind (RetractLogDialog *self,
                             RetractEventKind  kind)
{
  g_return_if_fail (RETRACT_IS_LOG_DIALOG (self));
  g_return_if_fail (kind < RETRACT_N_EVENT_KINDS);

  adw_combo_row_set_selected (self->kind_row, kind);
}

/**
 * retract_log_dialog_get_field:
 *
 * Returns: (transfer none): the control that answers @field
 */
GtkWidget *
retract_log_dialog_get_field (RetractLogDialog  *self,
                              RetractEventError  field)
{
  g_return_val_if_fail (RETRACT_IS_LOG_DIALOG (self), NULL);

  switch (field)
    {
    case RETRACT_EVENT_ERROR_KIND:
      return GTK_WIDGET (self->kind_row);
    case RETRACT_EVENT_ERROR_CHANNEL:
      return GTK_WIDGET (self->channel_row);
    case RETRACT_EVENT_ERROR_AT:
      return GTK_WIDGET (self->time_row);
    case RETRACT_EVENT_ERROR_OUTCOME:
      return GTK_WIDGET (self->outcome_row);
    case RETRACT_EVENT_ERROR_REFERENCE:
      return GTK_WIDGET (self->reference_row);
    case RETRACT_EVENT_ERROR_NOTE:
      return GTK_WIDGET (self->note_view);
    default:
      return NULL;
    }
}

/**
 * retract_log_dialog_get_error:
 *
 * Returns: (nullable): what is shown under @field, or %NULL
 */
const char *
retract_log_dialog_get_error (RetractLogDialog  *self,
                              RetractEventError  field)
{
  GtkLabel *label;

  g_return_val_if_fail (RETRACT_IS_LOG_DIALOG (self), NULL);

  label = error_label (self, field);
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

/**
 * retract_log_dialog_submit:
 *
 * What Log does: checks the event; if it is refused, says why under the
 * field and keeps the dialog; otherwise emits ::logged and closes.
 *
 * Returns: whether the event was logged
 */
gboolean
retract_log_dialog_submit (RetractLogDialog *self)
{
  g_autoptr(RetractCaseEvent) event = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *note = NULL;
  RetractEventKind kind = current_kind (self);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (RETRACT_IS_LOG_DIALOG (self), FALSE);

  for (guint i = 0; i <= RETRACT_EVENT_ERROR_NOTE; i++)
    gtk_widget_set_visible (GTK_WIDGET (error_label (self, i)), FALSE);

  time_text = dup_entry_text (self->time_row);
  at = time_text != NULL ? retract_time_parse (time_text, NULL) : NULL;
  if (at == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_to_timezone (retract_clock_get_now (self->clock),
                                                          retract_time_zone ());
      g_autofree char *example = g_date_time_format (now, "%Y-%m-%d %H:%M");
      /* Translators: %s is an example, the time now as 2026-11-24 13:00 */
      g_autofree char *message = g_strdup_printf (_("Enter the time as %s (Beijing time)."),
                                                  example);

      show_error (self, RETRACT_EVENT_ERROR_AT, message);
      return FALSE;
    }

  event = retract_case_event_new (kind, at);
  if (kind == RETRACT_EVENT_SUBMITTED)
    {
      guint selected = adw_combo_row_get_selected (self->channel_row);

      if (selected < self->channel_ids->len)
        retract_case_event_set_text (event, &event->channel,
                                     g_ptr_array_index (self->channel_ids, selected));
    }
  if (kind == RETRACT_EVENT_REPLY)
    {
      guint selected = adw_combo_row_get_selected (self->outcome_row);

      event->outcome = selected < RETRACT_N_EVENT_OUTCOMES ? (RetractEventOutcome) selected
                                                           : RETRACT_OUTCOME_NONE;
    }

  reference = dup_entry_text (self->reference_row);
  retract_case_event_set_text (event, &event->reference, reference);

  if (!self->fixed)
    {
      buffer = gtk_text_view_get_buffer (self->note_view);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_strstrip (note);
      retract_case_event_set_text (event, &event->note, *note != '\0' ? note : NULL);
    }

  if (!retract_case_check_event (self->kase, event, self->rules,
                                 retract_clock_get_now (self->clock), &error))
    {
      RetractEventError field = RETRACT_EVENT_ERROR_AT;
      const char *message = error->message;

      if (g_error_matches (error, RETRACT_EVENT_ERROR, error->code))
        field = error->code;

      /* The core's words name the command line's values; here the choice
       * is a list. A channel refused while it is not asked (the step's
       * button) is said where the user can read it. */
      if (field == RETRACT_EVENT_ERROR_OUTCOME)
        message = _("Choose what the reply said.");
      else if (field == RETRACT_EVENT_ERROR_CHANNEL && !self->fixed)
        message = _("Choose the channel you used.");
      else if (field == RETRACT_EVENT_ERROR_CHANNEL)
        field = RETRACT_EVENT_ERROR_AT;
      show_error (self, field, message);
      return FALSE;
    }

  g_signal_emit (self, signals[LOGGED], 0, event);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
