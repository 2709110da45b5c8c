/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One case of the case file: the next step as a card (what, through which
 * channel, by when and why, with one button that records it), the limits on
 * the user's own requests, the timeline with Log Action…, and a compact
 * answer (stage, deadlines, channels, risks) made from the same assessment.
 *
 * The result page is not embedded: it assesses the case alone (without the
 * other cases' counts) and its buttons drive the wizard. Here one assessment
 * with the counts feeds every part, on each tick of the clock and each new
 * event. Every sentence, status, count and check comes from the core; the
 * overview changes the case only by adding events. */

#define G_LOG_DOMAIN "retract-case-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-case-overview.h"
#include "retract-case-counts.h"
#include "retract-log-dialog.h"
#include "retract-next-step-text.h"
#include "retract-rows.h"
#include "retract-validators.h"

/* The rows of one group, kept from one evaluation to the next: a switch to
 * another case or the minute's re-evaluation updates the rows in place, and
 * a label whose text is the same keeps its shaped text. Building every row
 * anew made each switch measure and shape all of them (issue 13: switching
 * within a frame). */
typedef enum
{
  ROW_PLAIN,
  ROW_DIM,
  ROW_NEXT_STEP,
  ROW_PHONE,
  ROW_SITE,
  ROW_DEADLINE,
  ROW_WARNING,
} RowKind;

typedef struct
{
  GtkWidget *row;
  GtkWidget *extra;  /* the Copy or Open button, the countdown */
  RowKind    kind;
} Slot;

typedef struct
{
  AdwPreferencesGroup *group;
  GArray              *slots;
  guint                used;
} Pool;

enum
{
  POOL_NEXT,
  POOL_ANSWER,
  POOL_WARNINGS,
  POOL_TIMELINE,
  N_POOLS
};

struct _RetractCaseOverview
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *answer_group;
  AdwActionRow        *appeals_row;
  GtkButton           *abandon_button;
  GtkButton           *delete_button;
  GtkButton           *documents_button;
  GtkMenuButton       *edit_button;
  GtkLabel            *error_label;
  AdwPreferencesGroup *limits_group;
  GtkButton           *log_button;
  AdwActionRow        *month_row;
  GtkBox              *next_box;
  AdwPreferencesGroup *next_group;
  GtkButton           *record_button;
  GtkButton           *reopen_button;
  GtkButton           *resolve_button;
  GtkLabel            *rules_label;
  GtkLabel            *status_label;
  GtkLabel            *subtitle_label;
  AdwPreferencesGroup *timeline_group;
  GtkLabel            *title_label;
  AdwPreferencesGroup *warnings_group;

  RetractRuleset      *rules;
  RetractClock        *clock;
  RetractCase         *kase;
  GPtrArray           *others;
  gulong               tick_id;
  gulong               events_id;

  /* What is on screen, from the last evaluation. */
  RetractCaseCounts    counts;
  RetractNextStep      step;
  gboolean             has_step;
  char                *step_title;
  Pool                 pools[N_POOLS];
};

G_DEFINE_FINAL_TYPE (RetractCaseOverview, retract_case_overview, ADW_TYPE_BIN)

static guint n_assessments;

static const char * const status_classes[] = {
  [RETRACT_STATUS_ACT_NOW] = "act-now",
  [RETRACT_STATUS_WAITING] = "waiting",
  [RETRACT_STATUS_DONE] = "done",
  [RETRACT_STATUS_ABANDONED] = "abandoned",
  [RETRACT_STATUS_CLOSED] = "closed",
};

static const char *
status_name (RetractCaseStatus status)
{
  switch (status)
    {
    case RETRACT_STATUS_ACT_NOW:
      /* Translators: a case's status badge */
      return _("Act now");
    case RETRACT_STATUS_WAITING:
      /* Translators: a case's status badge */
      return _("Waiting");
    case RETRACT_STATUS_DONE:
      /* Translators: a case's status badge */
      return _("Done");
    case RETRACT_STATUS_ABANDONED:
      /* Translators: a case's status badge */
      return _("Abandoned");
    case RETRACT_STATUS_CLOSED:
    default:
      /* Translators: a case's status badge */
      return _("Closed");
    }
}

static const char *
outcome_name (RetractEventOutcome outcome)
{
  switch (outcome)
    {
    case RETRACT_OUTCOME_WITHDRAWN:
      return _("the complaint was withdrawn");
    case RETRACT_OUTCOME_REFUSED:
      return _("refused");
    case RETRACT_OUTCOME_MORE_MATERIALS:
      return _("more materials are needed");
    case RETRACT_OUTCOME_OTHER:
    case RETRACT_OUTCOME_NONE:
    default:
      return _("something else");
    }
}

static const char *
channel_name (RetractCaseOverview *self,
              const char          *id)
{
  const RetractChannel *channel = id != NULL ? retract_ruleset_lookup_channel (self->rules, id)
                                             : NULL;

  return channel != NULL ? retract_text_get (&channel->name, retract_language_default ()) : id;
}

static GtkWindow *
parent_window (RetractCaseOverview *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
pool_begin (Pool *pool)
{
  pool->used = 0;
}

/* Drops the rows from @from on. */
static void
pool_truncate (Pool  *pool,
               guint  from)
{
  for (guint i = from; i < pool->slots->len; i++)
    adw_preferences_group_remove (pool->group, g_array_index (pool->slots, Slot, i).row);
  g_array_set_size (pool->slots, MIN (from, pool->slots->len));
}

static void
pool_end (Pool *pool)
{
  pool_truncate (pool, pool->used);
}

/* The pool's next row, of @kind, showing @title and @subtitle as plain text:
 * the row that was there last time when it is of that kind, else a new one
 * (and the rows after it go, so that the order stays that of the calls). */
static Slot *
pool_take (Pool       *pool,
           RowKind     kind,
           const char *title,
           const char *subtitle)
{
  Slot *slot = pool->used < pool->slots->len ? &g_array_index (pool->slots, Slot, pool->used)
                                             : NULL;

  if (slot != NULL && slot->kind == kind)
    {
      AdwPreferencesRow *row = ADW_PREFERENCES_ROW (slot->row);

      if (g_strcmp0 (adw_preferences_row_get_title (row), title) != 0)
        adw_preferences_row_set_title (row, title);
      if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                     subtitle != NULL ? subtitle : "") != 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
      pool->used++;
      return slot;
    }

  pool_truncate (pool, pool->used);
  g_array_set_size (pool->slots, pool->used + 1);
  slot = &g_array_index (pool->slots, Slot, pool->used);
  slot->kind = kind;
  slot->extra = NULL;
  slot->row = retract_row_new (title, subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (slot->row), 0);

  switch (kind)
    {
    case ROW_DIM:
      gtk_widget_add_css_class (slot->row, "dim-label");
      break;
    case ROW_NEXT_STEP:
      gtk_widget_add_css_class (slot->row, "next-step");
      break;
    case ROW_PHONE:
      slot->extra = retract_copy_button_new ();
      adw_action_row_add_suffix (ADW_ACTION_ROW (slot->row), slot->extra);
      break;
    case ROW_SITE:
      slot->extra = retract_open_button_new ();
      adw_action_row_add_suffix (ADW_ACTION_ROW (slot->row), slot->extra);
      break;
    case ROW_DEADLINE:
      slot->extra = retract_countdown_new ();
      adw_action_row_add_suffix (ADW_ACTION_ROW (slot->row), slot->extra);
      break;
    case ROW_WARNING:
      adw_action_row_add_prefix (ADW_ACTION_ROW (slot->row), retract_warning_icon_new ());
      break;
    case ROW_PLAIN:
    default:
      break;
    }

  adw_preferences_group_add (pool->group, slot->row);
  pool->used++;
  return slot;
}

/* The channel's number with Copy, or its site with Open (through
 * win.open-uri, which opens nothing but addresses that pass the loader's
 * https rule; an address that does not is shown, not offered). */
static void
add_channel_row (Pool                 *pool,
                 const RetractChannel *channel,
                 const char           *title)
{
  Slot *slot;

  if (channel->phone != NULL)
    {
      slot = pool_take (pool, ROW_PHONE, title, channel->phone);
      retract_copy_button_set_text (slot->extra, channel->phone);
    }
  else if (channel->url != NULL && retract_validate_https_url (channel->url, NULL))
    {
      slot = pool_take (pool, ROW_SITE, title, channel->url);
      retract_open_button_set_uri (slot->extra, channel->url);
    }
  else
    pool_take (pool, ROW_PLAIN, title, channel->url);
}

static void
add_deadline (Pool       *pool,
              const char *title,
              GDateTime  *due,
              GDateTime  *now)
{
  g_autofree char *when = retract_clock_text_dup (due);
  Slot *slot = pool_take (pool, ROW_DEADLINE, title, when);

  retract_countdown_set (slot->extra, due, now);
}

static void
show_next_step (RetractCaseOverview *self,
                RetractAssessment   *assessment,
                GDateTime           *now)
{
  RetractLanguage language = retract_language_default ();
  g_autofree char *why = retract_next_step_dup_why (&self->step, assessment, &self->counts,
                                                    language);
  const char *record_label = retract_next_step_get_record_label (&self->step, self->rules,
                                                                 language);
  const RetractChannel *channel = NULL;
  Pool *pool = &self->pools[POOL_NEXT];

  g_clear_pointer (&self->step_title, g_free);
  self->step_title = retract_next_step_dup_title (&self->step, self->rules, language);

  pool_take (pool, ROW_NEXT_STEP, self->step_title, why);

  if (self->step.channel != NULL)
    channel = retract_ruleset_lookup_channel (self->rules, self->step.channel);
  if (channel != NULL)
    add_channel_row (pool, channel, retract_text_get (&channel->name, language));

  if (self->step.due_at != NULL)
    add_deadline (pool,
                  self->step.action == RETRACT_ACTION_WAIT ? _("Wait until") : _("Do it by"),
                  self->step.due_at, now);

  gtk_widget_set_visible (GTK_WIDGET (self->record_button), record_label != NULL);
  if (record_label != NULL)
    gtk_button_set_label (self->record_button, record_label);
}

static void
show_timeline (RetractCaseOverview *self)
{
  GPtrArray *events = retract_case_get_events (self->kase);
  Pool *pool = &self->pools[POOL_TIMELINE];

  if (events->len == 0)
    {
      pool_take (pool, ROW_DIM, _("Nothing logged yet"), NULL);
      return;
    }

  for (guint i = events->len; i > 0; i--)
    {
      const RetractCaseEvent *event = g_ptr_array_index (events, i - 1);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *title = NULL;
      g_autofree char *when = retract_clock_text_dup (event->at);

      switch (event->kind)
        {
        case RETRACT_EVENT_SUBMITTED:
          /* Translators: a timeline entry, %s is a channel's name */
          title = g_strdup_printf (_("Request through %s"), channel_name (self, event->channel));
          break;
        case RETRACT_EVENT_REPLY:
          /* Translators: a timeline entry, %s is what the reply said */
          title = g_strdup_printf (_("Reply: %s"), outcome_name (event->outcome));
          break;
        case RETRACT_EVENT_RESOLVED:
          title = g_strdup (_("Marked resolved"));
          break;
        case RETRACT_EVENT_ABANDONED:
          title = g_strdup (_("Abandoned"));
          break;
        case RETRACT_EVENT_REOPENED:
          title = g_strdup (_("Reopened"));
          break;
        case RETRACT_EVENT_NOTE:
        default:
          title = g_strdup (_("Note"));
          break;
        }

      g_string_append (subtitle, when);
      if (event->reference != NULL)
        {
          /* Translators: a timeline entry's ticket or reference number */
          g_autofree char *line = g_strdup_printf (_("Reference: %s"), event->reference);

          g_string_append_printf (subtitle, "\n%s", line);
        }
      if (event->note != NULL)
        g_string_append_printf (subtitle, "\n%s", event->note);

      pool_take (pool, ROW_PLAIN, title, subtitle->str);
    }
}

static void
show_answer (RetractCaseOverview *self,
             RetractAssessment   *assessment,
             GDateTime           *now)
{
  RetractLanguage language = retract_language_default ();
  const RetractStageInfo *info = retract_assessment_get_stage_info (assessment);
  GPtrArray *channels = retract_assessment_get_channels (assessment);
  GPtrArray *warnings = retract_assessment_get_warnings (assessment);
  g_autofree char *stage_title = NULL;
  Pool *pool = &self->pools[POOL_ANSWER];

  /* Translators: "Stage: Under automatic review" */
  stage_title = g_strdup_printf (_("Stage: %s"), retract_text_get (&info->name, language));
  pool_take (pool, ROW_PLAIN, stage_title, retract_text_get (&info->advice, language));

  if (retract_assessment_get_self_service_until (assessment) != NULL &&
      retract_assessment_get_stage (assessment) == RETRACT_STAGE_AUTO_REVIEW)
    add_deadline (pool, _("Self-service withdrawal ends"),
                  retract_assessment_get_self_service_until (assessment), now);
  if (retract_assessment_get_window_closes_at (assessment) != NULL)
    add_deadline (pool, _("The window to withdraw closes"),
                  retract_assessment_get_window_closes_at (assessment), now);
  if (retract_assessment_get_legal_deadline (assessment) != NULL)
    add_deadline (pool, _("Start the legal procedure by"),
                  retract_assessment_get_legal_deadline (assessment), now);

  for (guint i = 0; i < channels->len; i++)
    {
      const RetractChannel *channel = g_ptr_array_index (channels, i);
      const char *name = retract_text_get (&channel->name, language);
      g_autofree char *title = i == 0 ? g_strdup_printf (_("Recommended: %s"), name)
                                      : g_strdup (name);

      add_channel_row (pool, channel, title);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), warnings->len > 0);
  for (guint i = 0; i < warnings->len; i++)
    {
      const RetractWarning *warning = g_ptr_array_index (warnings, i);

      pool_take (&self->pools[POOL_WARNINGS], ROW_WARNING,
                 retract_text_get (&warning->text, language), NULL);
    }
}

static void
update_actions (RetractCaseOverview *self)
{
  RetractCaseEnding ending = self->kase != NULL ? retract_case_get_ending (self->kase, NULL)
                                                : RETRACT_CASE_OPEN;
  RetractEventKind kind;
  const char *channel;
  gboolean recordable = self->has_step && retract_next_step_get_record (&self->step, &kind,
                                                                          &channel);

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
}

/* One assessment, with the counts of the case's account, feeds every part. */
static void
evaluate (RetractCaseOverview *self)
{
  RetractLanguage language = retract_language_default ();
  g_autoptr(RetractAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *month = NULL;
  g_autofree char *appeals = NULL;
  g_autofree char *rules_text = NULL;
  g_autofree char *title = NULL;
  const RetractPlatform *platform;
  const RetractComplaintType *type;
  const char *number;
  GDateTime *now;

  for (guint i = 0; i < N_POOLS; i++)
    pool_begin (&self->pools[i]);
  retract_case_counts_clear (&self->counts);
  if (self->has_step)
    retract_next_step_clear (&self->step);
  self->has_step = FALSE;
  g_clear_pointer (&self->step_title, g_free);

  /* No case: nothing shown. */
  gtk_widget_set_visible (adw_bin_get_child (ADW_BIN (self)), self->kase != NULL);
  if (self->kase == NULL || self->rules == NULL || self->clock == NULL)
    {
      for (guint i = 0; i < N_POOLS; i++)
        pool_end (&self->pools[i]);
      update_actions (self);
      return;
    }

  now = retract_clock_get_now (self->clock);
  retract_case_counts_compute (&self->counts, self->rules, self->kase, self->others, now);
  n_assessments++;
  assessment = retract_assessment_new_full (self->rules, self->kase, &self->counts, now, &error);

  platform = retract_ruleset_lookup_platform (self->rules, retract_case_get_platform (self->kase));
  type = retract_ruleset_lookup_type (self->rules, retract_case_get_platform (self->kase),
                                      retract_case_get_complaint_type (self->kase));
  /* Translators: a case's heading, "WeChat · Friend report" */
  title = g_strdup_printf (_("%1$s · %2$s"),
                           platform != NULL ? retract_text_get (&platform->name, language)
                                            : retract_case_get_platform (self->kase),
                           type != NULL ? retract_text_get (&type->name, language)
                                        : retract_case_get_complaint_type (self->kase));
  gtk_label_set_label (self->title_label, title);

  number = retract_case_get_detail (self->kase, RETRACT_DETAIL_COMPLAINT_NUMBER);
  if (number != NULL && *number != '\0')
    /* Translators: %s is the complaint number */
    g_string_append_printf (subtitle, _("Complaint number %s"), number);
  else
    g_string_append (subtitle, _("No complaint number yet"));
  if (*retract_case_get_account (self->kase) != '\0')
    /* Translators: %s is the account the complaint was made from */
    g_string_append_printf (subtitle, " · %s", retract_case_get_account (self->kase));
  gtk_label_set_label (self->subtitle_label, subtitle->str);

  /* Translators: "Rules 2026.11.1 of 2026-11-24 · not an official source" */
  rules_text = g_strdup_printf (_("Rules %1$s of %2$s · not an official source"),
                                retract_ruleset_get_version (self->rules),
                                retract_ruleset_get_published (self->rules));
  gtk_label_set_label (self->rules_label, rules_text);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), assessment == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->next_box), assessment != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->answer_group), assessment != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), assessment != NULL);
  if (assessment == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), FALSE);
    }
  else
    {
      retract_next_step_compute (&self->step, assessment, self->kase, &self->counts, now);
      self->has_step = TRUE;

      for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
        gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label),
                                status_classes[self->step.status]);
      gtk_label_set_label (self->status_label, status_name (self->step.status));

      show_next_step (self, assessment, now);
      show_answer (self, assessment, now);
    }

  month = retract_case_counts_dup_month_text (&self->counts, self->rules, now, language);
  appeals = retract_case_counts_dup_appeals_text (&self->counts, self->rules, language);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->month_row), month != NULL ? month : "");
  gtk_widget_set_visible (GTK_WIDGET (self->month_row), month != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->appeals_row),
                                 appeals != NULL ? appeals : "");
  gtk_widget_set_visible (GTK_WIDGET (self->appeals_row), appeals != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->limits_group), month != NULL || appeals != NULL);

  show_timeline (self);
  for (guint i = 0; i < N_POOLS; i++)
    pool_end (&self->pools[i]);
  update_actions (self);
}

static gboolean
counts_equal (const RetractCaseCounts *a,
              const RetractCaseCounts *b)
{
  if (a->withdrawal_requests_this_month != b->withdrawal_requests_this_month ||
      a->appeals_today != b->appeals_today || a->appeal_limit != b->appeal_limit)
    return FALSE;
  if (a->next_appeal_at == NULL || b->next_appeal_at == NULL)
    return a->next_appeal_at == b->next_appeal_at;
  return g_date_time_equal (a->next_appeal_at, b->next_appeal_at);
}

static void
on_clock_tick (RetractCaseOverview *self)
{
  evaluate (self);
}

static void
on_events_changed (RetractCaseOverview *self)
{
  evaluate (self);
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

static RetractLogDialog *
open_log_dialog (RetractCaseOverview *self)
{
  RetractLogDialog *dialog = retract_log_dialog_new (parent_window (self), self->rules,
                                                     self->kase, self->clock);

  g_signal_connect_object (dialog, "logged", G_CALLBACK (on_logged), self, G_CONNECT_SWAPPED);
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
  dialog = open_log_dialog (self);
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

  if (self->kase != NULL)
    gtk_window_present (GTK_WINDOW (open_log_dialog (self)));
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

static void
disconnect_case (RetractCaseOverview *self)
{
  if (self->kase != NULL)
    g_clear_signal_handler (&self->events_id, self->kase);
  if (self->clock != NULL)
    g_clear_signal_handler (&self->tick_id, self->clock);
}

static void
retract_case_overview_dispose (GObject *object)
{
  RetractCaseOverview *self = (RetractCaseOverview *)object;

  disconnect_case (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RETRACT_TYPE_CASE_OVERVIEW);
  g_clear_object (&self->rules);
  g_clear_object (&self->clock);
  g_clear_object (&self->kase);
  g_clear_pointer (&self->others, g_ptr_array_unref);
  for (guint i = 0; i < N_POOLS; i++)
    g_clear_pointer (&self->pools[i].slots, g_array_unref);

  G_OBJECT_CLASS (retract_case_overview_parent_class)->dispose (object);
}

static void
retract_case_overview_finalize (GObject *object)
{
  RetractCaseOverview *self = (RetractCaseOverview *)object;

  retract_case_counts_clear (&self->counts);
  if (self->has_step)
    retract_next_step_clear (&self->step);
  g_free (self->step_title);

  G_OBJECT_CLASS (retract_case_overview_parent_class)->finalize (object);
}

static void
retract_case_overview_class_init (RetractCaseOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = retract_case_overview_dispose;
  object_class->finalize = retract_case_overview_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/retract-case-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, abandon_button);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, answer_group);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, appeals_row);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, delete_button);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, documents_button);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, edit_button);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, error_label);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, limits_group);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, log_button);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, month_row);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, next_box);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, next_group);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, record_button);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, resolve_button);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, rules_label);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, status_label);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, title_label);
  gtk_widget_class_bind_template_child (widget_class, RetractCaseOverview, warnings_group);

  gtk_widget_class_install_action (widget_class, "overview.record", NULL, overview_record);
  gtk_widget_class_install_action (widget_class, "overview.log", NULL, overview_log);
  gtk_widget_class_install_action (widget_class, "overview.resolve", NULL, overview_add_ending);
  gtk_widget_class_install_action (widget_class, "overview.abandon", NULL, overview_add_ending);
  gtk_widget_class_install_action (widget_class, "overview.reopen", NULL, overview_add_ending);
  gtk_widget_class_install_action (widget_class, "overview.delete", NULL, overview_delete);
}

static void
retract_case_overview_init (RetractCaseOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pools[POOL_NEXT].group = self->next_group;
  self->pools[POOL_ANSWER].group = self->answer_group;
  self->pools[POOL_WARNINGS].group = self->warnings_group;
  self->pools[POOL_TIMELINE].group = self->timeline_group;
  for (guint i = 0; i < N_POOLS; i++)
    self->pools[i].slots = g_array_new (FALSE, TRUE, sizeof (Slot));

  /* Buttons whose label is a verb phrase from the core or a menu: named for
   * screen readers by what they do. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Answers"), -1);
  evaluate (self);
}

GtkWidget *
retract_case_overview_new (void)
{
  return g_object_new (RETRACT_TYPE_CASE_OVERVIEW, NULL);
}

/**
 * retract_case_overview_set_context:
 * @rules: (nullable)
 * @clock: (nullable)
 * @kase: (nullable): the full case; %NULL shows nothing
 * @others: (nullable) (element-type RetractCase): the other saved cases
 *   (light copies, for the counts; may hold @kase itself)
 */
void
retract_case_overview_set_context (RetractCaseOverview *self,
                                   RetractRuleset      *rules,
                                   RetractClock        *clock,
                                   RetractCase         *kase,
                                   GPtrArray           *others)
{
  g_return_if_fail (RETRACT_IS_CASE_OVERVIEW (self));

  /* The same context again is not a change: no second assessment. Nor is
   * a new listing of the other cases (the window's, after each save) that
   * leaves this case's counts as they are. */
  if (rules == self->rules && clock == self->clock && kase == self->kase)
    {
      gboolean same = others == self->others;

      if (!same && kase != NULL && rules != NULL && clock != NULL)
        {
          RetractCaseCounts counts = { 0 };

          retract_case_counts_compute (&counts, rules, kase, others,
                                       retract_clock_get_now (clock));
          same = counts_equal (&counts, &self->counts);
          retract_case_counts_clear (&counts);
        }
      g_clear_pointer (&self->others, g_ptr_array_unref);
      if (others != NULL)
        self->others = g_ptr_array_ref (others);
      if (same)
        return;
      evaluate (self);
      return;
    }

  disconnect_case (self);
  g_set_object (&self->rules, rules);
  g_set_object (&self->clock, clock);
  g_set_object (&self->kase, kase);
  g_clear_pointer (&self->others, g_ptr_array_unref);
  if (others != NULL)
    self->others = g_ptr_array_ref (others);

  if (self->kase != NULL)
    self->events_id = g_signal_connect_swapped (self->kase, "events-changed",
                                                G_CALLBACK (on_events_changed), self);
  if (self->clock != NULL)
    self->tick_id = g_signal_connect_swapped (self->clock, "notify::now",
                                              G_CALLBACK (on_clock_tick), self);
  evaluate (self);
}

/**
 * retract_case_overview_get_case:
 *
 * Returns: (transfer none) (nullable): the case shown
 */
RetractCase *
retract_case_overview_get_case (RetractCaseOverview *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_OVERVIEW (self), NULL);
  return self->kase;
}

/**
 * retract_case_overview_get_step_title:
 *
 * Returns: (nullable): the next step card's title
 */
const char *
retract_case_overview_get_step_title (RetractCaseOverview *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_OVERVIEW (self), NULL);
  return self->step_title;
}

/**
 * retract_case_overview_get_status:
 *
 * Returns: the case's #RetractCaseStatus, or -1 when it is not assessed
 */
int
retract_case_overview_get_status (RetractCaseOverview *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_OVERVIEW (self), -1);
  return self->has_step ? (int) self->step.status : -1;
}

/**
 * retract_case_overview_get_record_button:
 *
 * Returns: (transfer none): the button that records the next step
 */
GtkWidget *
retract_case_overview_get_record_button (RetractCaseOverview *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_OVERVIEW (self), NULL);
  return GTK_WIDGET (self->record_button);
}

/* For the tests: how many assessments overviews made. */
guint
retract_case_overview_get_n_assessments (void)
{
  return n_assessments;
}
