/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Step 3: the answer first. Stage, live deadlines with their clock times,
 * each with how it was counted (the core's sentence), the channel to use
 * with numbered steps, the alternatives and the risks.
 * Re-evaluated on every tick of the clock while on screen (hidden, behind
 * another step or the case list, it catches up once shown); a stage that
 * changes while the page is open is announced in a banner. A complaint that cannot be
 * withdrawn ends here, on a status page that says why. */

#define G_LOG_DOMAIN "retract-result-page"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-fact-sheet.h"
#include "retract-result-page.h"
#include "retract-rows.h"
#include "retract-validators.h"

struct _RetractResultPage
{
  RetractPage          parent_instance;

  AdwPreferencesGroup *advice_group;
  AdwPreferencesGroup *alternatives_group;
  GtkInfoBar          *changed_bar;
  GtkLabel            *changed_label;
  AdwPreferencesGroup *channel_group;
  AdwPreferencesGroup *dead_end_advice_group;
  AdwPreferencesGroup *dead_end_group;
  AdwPreferencesGroup *dead_end_warnings_group;
  AdwPreferencesGroup *deadlines_group;
  GtkLabel            *rules_label;
  GtkLabel            *stage_advice;
  GtkLabel            *stage_label;
  GtkLabel            *stage_status;
  AdwStatusPage       *status_page;
  GtkStack            *view_stack;
  AdwPreferencesGroup *warnings_group;

  GPtrArray           *rows;
  /* The countdown labels and what the rows said, apart from them, when they
   * were built: a minute that changes nothing else updates the countdowns
   * alone, rather than building and shaping every row anew. */
  GPtrArray           *countdowns;
  char                *signature;
  RetractStage         stage;
  gboolean             assessed;
};

G_DEFINE_FINAL_TYPE (RetractResultPage, retract_result_page, RETRACT_TYPE_PAGE)

static const char * const stage_classes[] = {
  [RETRACT_STAGE_AUTO_REVIEW] = "stage-auto-review",
  [RETRACT_STAGE_MANUAL_REVIEW] = "stage-manual-review",
  [RETRACT_STAGE_PROCESSED] = "stage-processed",
  [RETRACT_STAGE_NOT_WITHDRAWABLE] = "stage-not-withdrawable",
};

/* Everything the rows show but the countdowns: the stage, the deadlines and
 * how they were counted, the channels (records of the page's rules), the
 * warnings and the advice. */
static char *
dup_signature (RetractAssessment *assessment,
               RetractLanguage    language)
{
  GString *signature = g_string_new (NULL);
  GPtrArray *channels = retract_assessment_get_channels (assessment);
  GPtrArray *warnings = retract_assessment_get_warnings (assessment);
  GPtrArray *advice = retract_assessment_get_advice (assessment);
  GDateTime *times[] = {
    retract_assessment_get_self_service_until (assessment),
    retract_assessment_get_window_closes_at (assessment),
    retract_assessment_get_legal_deadline (assessment),
  };
  RetractDeadlineCount *counts[] = {
    retract_assessment_get_self_service_count (assessment),
    retract_assessment_get_window_count (assessment),
    retract_assessment_get_legal_count (assessment),
  };

  g_string_append_printf (signature, "%d %d %d\n", retract_assessment_get_stage (assessment),
                          retract_assessment_get_withdrawable (assessment), language);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *how = counts[i] != NULL
                             ? retract_deadline_count_describe (counts[i], language) : NULL;

      g_string_append_printf (signature, "%" G_GINT64_FORMAT " %s\n",
                              times[i] != NULL ? g_date_time_to_unix (times[i]) : -1,
                              how != NULL ? how : "");
    }
  for (guint i = 0; i < channels->len; i++)
    g_string_append_printf (signature, "%p\n", g_ptr_array_index (channels, i));
  for (guint i = 0; i < warnings->len; i++)
    g_string_append_printf (signature, "%s\n",
                            retract_text_get (&((const RetractWarning *) g_ptr_array_index (warnings, i))->text,
                                              language));
  for (guint i = 0; i < advice->len; i++)
    g_string_append_printf (signature, "%s\n",
                            retract_text_get (&((const RetractNote *) g_ptr_array_index (advice, i))->text,
                                              language));
  return g_string_free (signature, FALSE);
}

/* @count: (nullable): how @deadline was counted, said under its time */
static void
add_deadline (RetractResultPage    *self,
              const char           *title,
              GDateTime            *deadline,
              RetractDeadlineCount *count,
              GDateTime            *now)
{
  RetractLanguage language = retract_page_get_language (RETRACT_PAGE (self));
  g_autofree char *time = retract_clock_text_dup (deadline);
  g_autofree char *how = count != NULL ? retract_deadline_count_describe (count, language) : NULL;
  g_autofree char *subtitle = how != NULL ? g_strconcat (time, "\n", how, NULL)
                                          : g_strdup (time);
  GtkWidget *row = retract_rows_add (self->rows, self->deadlines_group, title, subtitle);
  GtkWidget *label = retract_countdown_new ();

  retract_countdown_set (label, deadline, now);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  g_ptr_array_add (self->countdowns, label);
}

static void
add_channel_details (RetractResultPage    *self,
                     AdwPreferencesGroup  *group,
                     const RetractChannel *channel,
                     RetractLanguage       language)
{
  for (guint i = 0; i < channel->steps->len; i++)
    retract_rows_add_step (self->rows, group, i + 1,
                           retract_text_get (g_ptr_array_index (channel->steps, i), language));

  if (channel->phone != NULL)
    {
      GtkWidget *row = retract_rows_add (self->rows, group, _("Phone"), channel->phone);
      GtkWidget *copy = retract_copy_button_new ();

      retract_copy_button_set_text (copy, channel->phone);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
    }

  if (channel->url != NULL)
    {
      GtkWidget *row = retract_rows_add (self->rows, group, _("Website"), channel->url);

      /* An address that does not pass the loader's https rule is shown,
       * not offered. */
      if (retract_validate_https_url (channel->url, NULL))
        {
          GtkWidget *open = retract_open_button_new ();

          retract_open_button_set_uri (open, channel->url);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
        }
    }

  if (retract_text_is_set (&channel->response_text))
    retract_rows_add (self->rows, group, retract_text_get (&channel->response_text, language),
                      NULL);
  if (retract_text_is_set (&channel->condition))
    {
      GtkWidget *row = retract_rows_add (self->rows, group,
                                         retract_text_get (&channel->condition, language), NULL);

      gtk_widget_add_css_class (row, "dim-label");
    }
}

static void
add_alternative (RetractResultPage    *self,
                 const RetractChannel *channel,
                 RetractLanguage       language)
{
  GtkWidget *expander = adw_expander_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 retract_text_get (&channel->name, language));
  if (channel->phone != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), channel->phone);
  else if (channel->url != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), channel->url);

  for (guint i = 0; i < channel->steps->len; i++)
    {
      g_autofree char *text =
        g_strdup_printf ("%u. %s", i + 1,
                         retract_text_get (g_ptr_array_index (channel->steps, i), language));
      GtkWidget *row = retract_row_new (text, NULL);

      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }

  adw_preferences_group_add (self->alternatives_group, expander);
  g_ptr_array_add (self->rows, expander);
}

/* Both views list the risks and what else can be done, each in its own groups. */
static void
add_warnings_and_advice (RetractResultPage   *self,
                         RetractAssessment   *assessment,
                         AdwPreferencesGroup *warnings_group,
                         AdwPreferencesGroup *advice_group,
                         RetractLanguage      language)
{
  GPtrArray *warnings = retract_assessment_get_warnings (assessment);
  GPtrArray *advice = retract_assessment_get_advice (assessment);

  gtk_widget_set_visible (GTK_WIDGET (warnings_group), warnings->len > 0);
  for (guint i = 0; i < warnings->len; i++)
    {
      const RetractWarning *warning = g_ptr_array_index (warnings, i);
      GtkWidget *row = retract_rows_add (self->rows, warnings_group,
                                         retract_text_get (&warning->text, language), NULL);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), retract_warning_icon_new ());
    }

  gtk_widget_set_visible (GTK_WIDGET (advice_group), advice->len > 0);
  for (guint i = 0; i < advice->len; i++)
    {
      const RetractNote *note = g_ptr_array_index (advice, i);

      retract_rows_add (self->rows, advice_group,
                        retract_text_get (&note->text, language), NULL);
    }
}

static void
show_dead_end (RetractResultPage *self,
               RetractAssessment *assessment,
               RetractLanguage    language)
{
  const RetractComplaintType *type = retract_assessment_get_complaint_type (assessment);
  const RetractStageInfo *info = retract_assessment_get_stage_info (assessment);
  GPtrArray *channels = retract_assessment_get_channels (assessment);
  GtkWidget *change_button;
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  if (!type->withdrawable)
    g_string_append (description, retract_text_get (&type->description, language));
  else
    g_string_append (description, retract_text_get (&info->advice, language));

  /* Set here rather than in the template: the theme has this icon only as
   * SVG, and looking it up for the hidden page at start-up loads librsvg,
   * libxml2 and ICU before the first frame. */
  adw_status_page_set_icon_name (self->status_page, "action-unavailable-symbolic");
  /* Both read Pango markup: dataset text is escaped to stay text. */
  escaped = g_markup_escape_text (description->str, -1);
  adw_status_page_set_description (self->status_page, escaped);
  adw_preferences_group_set_title (self->dead_end_group, _("What you can still do"));

  gtk_widget_set_visible (GTK_WIDGET (self->dead_end_group), channels->len > 0 ||
                          retract_assessment_get_legal_deadline (assessment) != NULL);
  if (retract_assessment_get_legal_deadline (assessment) != NULL)
    add_deadline (self, _("Start the legal procedure by"),
                  retract_assessment_get_legal_deadline (assessment),
                  retract_assessment_get_legal_count (assessment),
                  retract_assessment_get_now (assessment));
  for (guint i = 0; i < channels->len; i++)
    {
      const RetractChannel *channel = g_ptr_array_index (channels, i);

      g_autofree char *title = g_markup_escape_text (retract_text_get (&channel->name, language),
                                                     -1);

      adw_preferences_group_set_title (self->dead_end_group, title);
      add_channel_details (self, self->dead_end_group, channel, language);
    }

  /* The answer that caused the stop stays one click away. */
  change_button = gtk_button_new_with_label (!type->withdrawable
                                             ? _("Change the Complaint Type")
                                             : _("Change the Circumstances"));
  gtk_widget_add_css_class (change_button, "pill");
  gtk_widget_set_halign (change_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (change_button), "wizard.go-to");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (change_button), "s",
                                    !type->withdrawable ? "situation" : "circumstances");
  adw_preferences_group_add (self->dead_end_group, change_button);
  g_ptr_array_add (self->rows, change_button);
  gtk_widget_set_visible (GTK_WIDGET (self->dead_end_group), TRUE);

  gtk_stack_set_visible_child_name (self->view_stack, "dead-end");
}

static void
show_answer (RetractResultPage *self,
             RetractAssessment *assessment,
             RetractLanguage    language)
{
  GPtrArray *channels = retract_assessment_get_channels (assessment);
  GDateTime *now = retract_assessment_get_now (assessment);
  const RetractChannel *recommended = retract_assessment_get_recommended_channel (assessment);

  if (retract_assessment_get_withdrawable (assessment))
    gtk_label_set_label (self->stage_status, _("You can still withdraw this complaint."));
  else
    gtk_label_set_label (self->stage_status,
                         _("The time to withdraw has passed. You can still ask for a review."));

  if (retract_assessment_get_self_service_until (assessment) != NULL &&
      retract_assessment_get_stage (assessment) == RETRACT_STAGE_AUTO_REVIEW)
    add_deadline (self, _("Self-service withdrawal ends"),
                  retract_assessment_get_self_service_until (assessment),
                  retract_assessment_get_self_service_count (assessment), now);
  if (retract_assessment_get_window_closes_at (assessment) != NULL)
    add_deadline (self, _("The window to withdraw closes"),
                  retract_assessment_get_window_closes_at (assessment),
                  retract_assessment_get_window_count (assessment), now);

  gtk_widget_set_visible (GTK_WIDGET (self->channel_group), recommended != NULL);
  if (recommended != NULL)
    {
      /* Translators: "Recommended: Withdraw it yourself in the WeChat Team account" */
      g_autofree char *name = g_markup_escape_text (retract_text_get (&recommended->name,
                                                                      language), -1);
      g_autofree char *title = g_strdup_printf (_("Recommended: %s"), name);

      adw_preferences_group_set_title (self->channel_group, title);
      add_channel_details (self, self->channel_group, recommended, language);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->alternatives_group), channels->len > 1);
  for (guint i = 1; i < channels->len; i++)
    add_alternative (self, g_ptr_array_index (channels, i), language);

  gtk_stack_set_visible_child_name (self->view_stack, "answer");
}

static void
refresh (RetractResultPage *self,
         gboolean           announce,
         gboolean           minute)
{
  RetractPage *page = RETRACT_PAGE (self);
  g_autoptr(RetractAssessment) assessment = retract_page_assess (page);
  RetractLanguage language = retract_page_get_language (page);
  RetractRuleset *rules = retract_page_get_rules (page);
  const RetractStageInfo *info;
  RetractStage stage;
  g_autofree char *rules_text = NULL;
  g_autofree char *signature = NULL;

  if (assessment == NULL)
    return;

  /* The minute moved the countdowns on and nothing else. */
  signature = dup_signature (assessment, language);
  if (minute && self->assessed && g_strcmp0 (signature, self->signature) == 0)
    {
      for (guint i = 0; i < self->countdowns->len; i++)
        retract_countdown_tick (g_ptr_array_index (self->countdowns, i),
                                retract_assessment_get_now (assessment));
      return;
    }
  g_free (self->signature);
  self->signature = g_steal_pointer (&signature);

  stage = retract_assessment_get_stage (assessment);
  info = retract_assessment_get_stage_info (assessment);

  if (announce && self->assessed && stage != self->stage)
    {
      /* Translators: %s is the new stage, e.g. "Under manual review" */
      g_autofree char *text = g_strdup_printf (_("Time has moved on: this complaint is now at "
                                                 "the stage “%s”. The answer below is updated."),
                                               retract_text_get (&info->name, language));

      gtk_label_set_label (self->changed_label, text);
      gtk_info_bar_set_revealed (self->changed_bar, TRUE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (stage_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->stage_label), stage_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->stage_label), stage_classes[stage]);
  gtk_label_set_label (self->stage_label, retract_text_get (&info->name, language));
  gtk_label_set_label (self->stage_advice, retract_text_get (&info->advice, language));

  /* Translators: "Rules 2026.11.1 of 2026-11-24 (bundled) · not an official source" */
  rules_text = g_strdup_printf (_("Rules %1$s of %2$s (%3$s) · not an official source"),
                                retract_ruleset_get_version (rules),
                                retract_ruleset_get_published (rules),
                                retract_ruleset_get_origin (rules) == RETRACT_RULES_ORIGIN_DOWNLOADED
                                ? _("downloaded") : _("bundled"));
  gtk_label_set_label (self->rules_label, rules_text);

  retract_rows_clear (self->rows);
  g_ptr_array_set_size (self->countdowns, 0);
  if (stage == RETRACT_STAGE_NOT_WITHDRAWABLE)
    {
      show_dead_end (self, assessment, language);
      add_warnings_and_advice (self, assessment, self->dead_end_warnings_group,
                               self->dead_end_advice_group, language);
    }
  else
    {
      show_answer (self, assessment, language);
      add_warnings_and_advice (self, assessment, self->warnings_group, self->advice_group,
                               language);
    }

  self->stage = stage;
  self->assessed = TRUE;
  /* On to the documents while there is one: the letter, or for a case that
   * cannot be withdrawn but goes to court the lawyer's fact sheet. */
  retract_page_set_complete (page, retract_fact_sheet_or_letter_applies (assessment));
}

/* Only the page on screen follows the case and the clock: a hidden one
 * rebuilds its rows once, when it is shown again (context_changed). */
static void
on_clock_tick (RetractResultPage *self)
{
  if (!retract_page_defer (RETRACT_PAGE (self)))
    refresh (self, gtk_widget_get_mapped (GTK_WIDGET (self)), TRUE);
}

static void
on_case_notify (RetractResultPage *self,
                GParamSpec        *pspec)
{
  if (!retract_page_defer_notify (RETRACT_PAGE (self), pspec))
    refresh (self, FALSE, FALSE);
}

/* GTK 4.8's info bar makes its close button from an icon alone, labelled by
 * that icon: screen readers announce it as "GtkImage". It is the only
 * button in the bar (it has no action widgets): give it a name. */
static gboolean
name_close_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        {
          /* Translators: the close button of the "time has moved on" notice */
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Dismiss the notice"), -1);
          gtk_widget_set_tooltip_text (child, _("Dismiss the notice"));
          return TRUE;
        }
      if (name_close_button (child))
        return TRUE;
    }

  return FALSE;
}

static void
on_changed_bar_response (GtkInfoBar *bar)
{
  gtk_info_bar_set_revealed (bar, FALSE);
}

/* A notice of a change seen on an earlier visit is not news any more. */
static void
retract_result_page_shown (RetractPage *page)
{
  RetractResultPage *self = RETRACT_RESULT_PAGE (page);

  gtk_info_bar_set_revealed (self->changed_bar, FALSE);
}

static void
retract_result_page_context_changed (RetractPage *page)
{
  RetractResultPage *self = RETRACT_RESULT_PAGE (page);

  self->assessed = FALSE;
  refresh (self, FALSE, FALSE);
}

static void
retract_result_page_dispose (GObject *object)
{
  RetractResultPage *self = (RetractResultPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RETRACT_TYPE_RESULT_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->countdowns, g_ptr_array_unref);
  g_clear_pointer (&self->signature, g_free);

  G_OBJECT_CLASS (retract_result_page_parent_class)->dispose (object);
}

static void
retract_result_page_class_init (RetractResultPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RetractPageClass *page_class = RETRACT_PAGE_CLASS (klass);

  object_class->dispose = retract_result_page_dispose;
  page_class->shown = retract_result_page_shown;
  page_class->context_changed = retract_result_page_context_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/retract-result-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RetractResultPage, advice_group);
  gtk_widget_class_bind_template_child (widget_class, RetractResultPage, alternatives_group);
  gtk_widget_class_bind_template_child (widget_class, RetractResultPage, changed_bar);
  gtk_widget_class_bind_template_child (widget_class, RetractResultPage, changed_label);
  gtk_widget_class_bind_template_child (widget_class, RetractResultPage, channel_group);
  gtk_widget_class_bind_template_child (widget_class, RetractResultPage, dead_end_advice_group);
  gtk_widget_class_bind_template_child (widget_class, RetractResultPage, dead_end_group);
  gtk_widget_class_bind_template_child (widget_class, RetractResultPage, dead_end_warnings_group);
  gtk_widget_class_bind_template_child (widget_class, RetractResultPage, deadlines_group);
  gtk_widget_class_bind_template_child (widget_class, RetractResultPage, rules_label);
  gtk_widget_class_bind_template_child (widget_class, RetractResultPage, stage_advice);
  gtk_widget_class_bind_template_child (widget_class, RetractResultPage, stage_label);
  gtk_widget_class_bind_template_child (widget_class, RetractResultPage, stage_status);
  gtk_widget_class_bind_template_child (widget_class, RetractResultPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, RetractResultPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RetractResultPage, warnings_group);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_bar_response);
}

static void
retract_result_page_init (RetractResultPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_close_button (GTK_WIDGET (self->changed_bar));

  self->rows = g_ptr_array_new ();
  self->countdowns = g_ptr_array_new ();
  retract_page_follow_assessment (RETRACT_PAGE (self));
  g_signal_group_connect_swapped (retract_page_get_case_signals (RETRACT_PAGE (self)), "notify",
                                  G_CALLBACK (on_case_notify), self);
  g_signal_group_connect_swapped (retract_page_get_clock_signals (RETRACT_PAGE (self)),
                                  "notify::now", G_CALLBACK (on_clock_tick), self);
}

/**
 * retract_result_page_get_stage:
 *
 * Returns: the stage the page shows
 */
RetractStage
retract_result_page_get_stage (RetractResultPage *self)
{
  g_return_val_if_fail (RETRACT_IS_RESULT_PAGE (self), RETRACT_STAGE_NOT_WITHDRAWABLE);
  return self->stage;
}
