/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The next step card (what, through which channel, by when and why, with
 * the button that records it), the status badge, the compact answer (stage,
 * deadlines, channels, risks) and the limits on the user's own requests:
 * every sentence, status and count comes from the core. */

#define G_LOG_DOMAIN "retract-case-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-case-overview-private.h"
#include "retract-next-step-text.h"
#include "retract-rows.h"
#include "retract-validators.h"

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
      slot = _retract_overview_pool_take (pool, ROW_PHONE, title, channel->phone);
      retract_copy_button_set_text (slot->extra, channel->phone);
    }
  else if (channel->url != NULL && retract_validate_https_url (channel->url, NULL))
    {
      slot = _retract_overview_pool_take (pool, ROW_SITE, title, channel->url);
      retract_open_button_set_uri (slot->extra, channel->url);
    }
  else
    _retract_overview_pool_take (pool, ROW_PLAIN, title, channel->url);
}

static void
add_deadline (Pool       *pool,
              const char *title,
              GDateTime  *due,
              GDateTime  *now)
{
  g_autofree char *when = retract_clock_text_dup (due);
  Slot *slot = _retract_overview_pool_take (pool, ROW_DEADLINE, title, when);

  retract_countdown_set (slot->extra, due, now);
}

void
_retract_case_overview_show_next_step (RetractCaseOverview *self,
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

  _retract_overview_pool_take (pool, ROW_NEXT_STEP, self->step_title, why);

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

void
_retract_case_overview_show_answer (RetractCaseOverview *self,
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
  _retract_overview_pool_take (pool, ROW_PLAIN, stage_title, retract_text_get (&info->advice, language));

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

      _retract_overview_pool_take (&self->pools[POOL_WARNINGS], ROW_WARNING,
                 retract_text_get (&warning->text, language), NULL);
    }
}

/* The status badge: its words and its colour class. */
void
_retract_case_overview_show_status (RetractCaseOverview *self)
{
  for (guint i = 0; i < RETRACT_N_CASE_STATUSES; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), retract_case_status_to_id (i));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label),
                            retract_case_status_to_id (self->step.status));
  gtk_label_set_label (self->status_label, retract_case_status_get_label (self->step.status));
}

/* The limits on the user's own requests this month and today. */
void
_retract_case_overview_show_limits (RetractCaseOverview *self,
                                    GDateTime           *now)
{
  RetractLanguage language = retract_language_default ();
  g_autofree char *month = retract_case_counts_dup_month_text (&self->counts, self->rules, now,
                                                               language);
  g_autofree char *appeals = retract_case_counts_dup_appeals_text (&self->counts, self->rules,
                                                                   language);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->month_row), month != NULL ? month : "");
  gtk_widget_set_visible (GTK_WIDGET (self->month_row), month != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->appeals_row),
                                 appeals != NULL ? appeals : "");
  gtk_widget_set_visible (GTK_WIDGET (self->appeals_row), appeals != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->limits_group), month != NULL || appeals != NULL);
}
