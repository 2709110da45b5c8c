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
 * overview changes the case only by adding events.
 *
 * This file holds the object, the heading and the one evaluation; the parts
 * it feeds are in -card.c, -timeline.c and -actions.c, the rows they reuse
 * in -rows.c (see retract-case-overview-private.h). */

#define G_LOG_DOMAIN "retract-case-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-case-heading.h"
#include "retract-case-overview-private.h"

G_DEFINE_FINAL_TYPE (RetractCaseOverview, retract_case_overview, ADW_TYPE_BIN)

static guint n_assessments;

/* One assessment, with the counts of the case's account, feeds every part. */
static void
evaluate (RetractCaseOverview *self)
{
  RetractLanguage language = retract_language_default ();
  g_autoptr(RetractAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *rules_text = NULL;
  g_autofree char *title = NULL;
  const char *number;
  GDateTime *now;

  self->behind = FALSE;
  for (guint i = 0; i < N_POOLS; i++)
    _retract_overview_pool_begin (&self->pools[i]);
  retract_case_counts_clear (&self->counts);
  if (self->has_step)
    retract_next_step_clear (&self->step);
  self->has_step = FALSE;
  g_clear_pointer (&self->step_title, g_free);

  /* No case (the one shown was deleted): a page that says so. The stack is
   * the bin's child, not bound: AdwBin unparents its child itself. */
  gtk_stack_set_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (self))),
                                    self->kase != NULL ? "case" : "none");
  if (self->kase == NULL || self->rules == NULL || self->clock == NULL)
    {
      for (guint i = 0; i < N_POOLS; i++)
        _retract_overview_pool_end (&self->pools[i]);
      _retract_case_overview_update_actions (self);
      return;
    }

  now = retract_clock_get_now (self->clock);
  retract_case_counts_compute (&self->counts, self->rules, self->kase, self->others, now);
  n_assessments++;
  assessment = retract_assessment_new_full (self->rules, self->kase, &self->counts, now, &error);

  title = retract_case_dup_heading (self->kase, self->rules, language);
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
      /* Translators: on a saved case the rules cannot assess (one saved
       * before its complaint type was chosen, say); %s is the check's own
       * words, e.g. "type: not given; valid values for wechat: …" */
      g_autofree char *text = g_strdup_printf (_("This case cannot be assessed until its answers "
                                                 "are complete: choose Edit Answers to answer "
                                                 "what is missing (%s)."),
                                               error->message);

      gtk_label_set_label (self->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), FALSE);
    }
  else
    {
      retract_next_step_compute (&self->step, assessment, self->kase, &self->counts, now);
      self->has_step = TRUE;

      _retract_case_overview_show_status (self);
      _retract_case_overview_show_next_step (self, assessment, now);
      _retract_case_overview_show_answer (self, assessment, now);
    }

  _retract_case_overview_show_limits (self, now);
  _retract_case_overview_show_timeline (self);
  for (guint i = 0; i < N_POOLS; i++)
    _retract_overview_pool_end (&self->pools[i]);
  _retract_case_overview_update_actions (self);
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

/* Hidden (the wizard shown, or the list alone on a narrow home), the
 * minute does no work: the overview catches up when it is shown or its
 * state is asked for (issue 11 §4). */
static void
on_clock_tick (RetractCaseOverview *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    evaluate (self);
  else
    self->behind = TRUE;
}

static void
catch_up (RetractCaseOverview *self)
{
  if (self->behind)
    evaluate (self);
}

static void
on_events_changed (RetractCaseOverview *self)
{
  evaluate (self);
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


  _retract_case_overview_class_init_actions (widget_class);
}

static void
retract_case_overview_init (RetractCaseOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (catch_up), NULL);
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
  catch_up (self);
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
  catch_up (self);
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
  catch_up (self);
  return GTK_WIDGET (self->record_button);
}

/* For the tests: how many assessments overviews made. */
guint
retract_case_overview_get_n_assessments (void)
{
  return n_assessments;
}
