/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The overview's actions: Record (asking first when a submission would go
 * over a limit or repeat one), Log Action…, Mark Resolved, Abandon, Reopen
 * and Delete. The overview changes the case only by adding events. */

#define G_LOG_DOMAIN "retract-case-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-case-overview-private.h"
#include "retract-log-dialog.h"
#include "retract-next-step-text.h"

static GtkWindow *
parent_window (RetractCaseOverview *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_retract_case_overview_update_actions (RetractCaseOverview *self)
{
  RetractCaseEnding ending = self->kase != NULL ? retract_case_get_ending (self->kase, NULL)
                                                : RETRACT_CASE_OPEN;
  RetractEventKind kind;
  const char *channel;
  gboolean recordable = self->has_step && retract_next_step_get_record (&self->step, &kind,
                                                                          &channel);
  /* The button pressed to end or reopen the case goes away (made
   * insensitive first): the keyboard lands on the one that undoes it, not
   * on nothing. */
  GtkWidget *focus = gtk_widget_get_root (GTK_WIDGET (self)) != NULL
                     ? gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.record", recordable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.log", self->kase != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.resolve",
                                 self->kase != NULL && ending == RETRACT_CASE_OPEN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.abandon",
                                 self->kase != NULL && ending == RETRACT_CASE_OPEN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.reopen",
                                 self->kase != NULL && ending != RETRACT_CASE_OPEN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.delete", self->kase != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->resolve_button), ending == RETRACT_CASE_OPEN);
  gtk_widget_set_visible (GTK_WIDGET (self->abandon_button), ending == RETRACT_CASE_OPEN);
  gtk_widget_set_visible (GTK_WIDGET (self->reopen_button), ending != RETRACT_CASE_OPEN);
  if (focus != NULL && !gtk_widget_get_visible (focus) &&
      (focus == GTK_WIDGET (self->resolve_button) || focus == GTK_WIDGET (self->abandon_button) ||
       focus == GTK_WIDGET (self->reopen_button)))
    gtk_widget_grab_focus (ending == RETRACT_CASE_OPEN ? GTK_WIDGET (self->resolve_button)
                                                       : GTK_WIDGET (self->reopen_button));
}

static gboolean
add_event (RetractCaseOverview *self,
           RetractCaseEvent    *event)
{
  g_autoptr(GError) error = NULL;

  if (!retract_case_check_event (self->kase, event, self->rules,
                                 retract_clock_get_now (self->clock), &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      return FALSE;
    }

  retract_case_add_event (self->kase, retract_case_event_copy (event));
  return TRUE;
}

static void
on_logged (RetractCaseOverview    *self,
           const RetractCaseEvent *event)
{
  if (self->kase != NULL)
    add_event (self, (RetractCaseEvent *) event);
}

/* Alt+L and the step's button click without taking the focus, which may
 * be nowhere: the keyboard would start over in the header. Logged or not,
 * it goes back to the button that opened the dialog, or to Log Action…
 * when that one went with the step. */
static void
on_log_dialog_destroy (RetractCaseOverview *self,
                       GtkWidget           *dialog)
{
  GtkWidget *opener = g_object_get_data (G_OBJECT (dialog), "retract-opener");

  if (opener == NULL || !gtk_widget_get_mapped (opener) || !gtk_widget_is_sensitive (opener))
    opener = GTK_WIDGET (self->log_button);
  if (gtk_widget_get_mapped (opener))
    gtk_widget_grab_focus (opener);
}

/* @opener: the button that stands for what opened it */
static RetractLogDialog *
open_log_dialog (RetractCaseOverview *self,
                 GtkButton           *opener)
{
  RetractLogDialog *dialog = retract_log_dialog_new (parent_window (self), self->rules,
                                                     self->kase, self->clock);

  g_object_set_data (G_OBJECT (dialog), "retract-opener", opener);
  g_signal_connect_object (dialog, "logged", G_CALLBACK (on_logged), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_log_dialog_destroy), self,
                           G_CONNECT_SWAPPED);
  return dialog;
}

static void
open_record_dialog (RetractCaseOverview *self)
{
  RetractLogDialog *dialog;
  RetractEventKind kind;
  const char *channel;
  const char *label;

  if (!self->has_step || !retract_next_step_get_record (&self->step, &kind, &channel))
    return;

  label = retract_next_step_get_record_label (&self->step, self->rules,
                                              retract_language_default ());
  dialog = open_log_dialog (self, self->record_button);
  retract_log_dialog_set_fixed (dialog, kind, channel, label);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_ask_first_response (AdwMessageDialog    *dialog,
                       const char          *response,
                       RetractCaseOverview *self)
{
  if (g_strcmp0 (response, "continue") == 0)
    open_record_dialog (self);
}

static void
overview_record (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RetractCaseOverview *self = RETRACT_CASE_OVERVIEW (widget);
  g_autofree char *message = NULL;
  RetractSubmissionConcern concern = RETRACT_SUBMISSION_OK;
  RetractEventKind kind;
  const char *channel;
  GtkWidget *dialog;

  if (!self->has_step || !retract_next_step_get_record (&self->step, &kind, &channel))
    return;

  /* A submission that would go over a limit or repeat one: asked first. */
  if (kind == RETRACT_EVENT_SUBMITTED)
    concern = retract_submission_check (self->rules, self->kase, &self->counts, channel,
                                        retract_clock_get_now (self->clock),
                                        retract_language_default (), &message);
  if (concern == RETRACT_SUBMISSION_OK)
    {
      open_record_dialog (self);
      return;
    }

  dialog = adw_message_dialog_new (parent_window (self),
                                   concern == RETRACT_SUBMISSION_REPEAT
                                   ? _("Already Submitted Through This Channel")
                                   : _("Limit Reached"),
                                   message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "continue", _("_Record Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_ask_first_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
overview_log (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RetractCaseOverview *self = RETRACT_CASE_OVERVIEW (widget);
  RetractLogDialog *dialog;

  if (self->kase == NULL)
    return;

  dialog = open_log_dialog (self, self->log_button);
  /* What is logged is most often the step just taken: its channel first. */
  if (self->has_step)
    retract_log_dialog_set_channel (dialog, self->step.channel);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Mark Resolved, Abandon and Reopen are events at now: each undoes the other. */
static void
overview_add_ending (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RetractCaseOverview *self = RETRACT_CASE_OVERVIEW (widget);
  g_autoptr(RetractCaseEvent) event = NULL;
  RetractEventKind kind = RETRACT_EVENT_REOPENED;

  if (self->kase == NULL)
    return;

  if (g_str_equal (action_name, "overview.resolve"))
    kind = RETRACT_EVENT_RESOLVED;
  else if (g_str_equal (action_name, "overview.abandon"))
    kind = RETRACT_EVENT_ABANDONED;

  event = retract_case_event_new (kind, retract_clock_get_now (self->clock));
  add_event (self, event);
}

static void
overview_delete (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RetractCaseOverview *self = RETRACT_CASE_OVERVIEW (widget);

  if (self->kase != NULL)
    gtk_widget_activate_action (widget, "win.delete-case", "s", retract_case_get_id (self->kase));
}

void
_retract_case_overview_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "overview.record", NULL, overview_record);
  gtk_widget_class_install_action (widget_class, "overview.log", NULL, overview_log);
  gtk_widget_class_install_action (widget_class, "overview.resolve", NULL, overview_add_ending);
  gtk_widget_class_install_action (widget_class, "overview.abandon", NULL, overview_add_ending);
  gtk_widget_class_install_action (widget_class, "overview.reopen", NULL, overview_add_ending);
  gtk_widget_class_install_action (widget_class, "overview.delete", NULL, overview_delete);
}
