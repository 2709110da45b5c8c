/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Step 6: every answer, grouped, each group with a Change button that goes
 * back to where it was given. */

#define G_LOG_DOMAIN "retract-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-review-page.h"
#include "retract-rows.h"
#include "retract-time.h"
#include "retract-validators.h"

struct _RetractReviewPage
{
  RetractPage          parent_instance;

  AdwPreferencesGroup *answer_group;
  AdwPreferencesGroup *circumstances_group;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *materials_group;
  AdwPreferencesGroup *situation_group;

  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (RetractReviewPage, retract_review_page, RETRACT_TYPE_PAGE)

static void
add_value (RetractReviewPage   *self,
           AdwPreferencesGroup *group,
           const char          *label,
           const char          *value)
{
  GtkWidget *row = retract_rows_add (self->rows, group, label,
                                     value != NULL ? value : _("Not provided"));

  gtk_widget_add_css_class (row, "property");
  if (value == NULL)
    gtk_widget_add_css_class (row, "not-provided");
}

static void
build_situation (RetractReviewPage *self,
                 RetractAssessment *assessment,
                 RetractLanguage    language)
{
  g_autofree char *filed = retract_time_format_human (retract_assessment_get_filed_at (assessment));
  g_autofree char *filed_text = g_strdup_printf (_("%s (Beijing time)"), filed);

  add_value (self, self->situation_group, _("Platform"),
             retract_text_get (&retract_assessment_get_platform (assessment)->name, language));
  add_value (self, self->situation_group, _("Complaint type"),
             retract_text_get (&retract_assessment_get_complaint_type (assessment)->name,
                               language));
  add_value (self, self->situation_group, _("Filed at"), filed_text);
  add_value (self, self->situation_group, _("What went wrong"),
             retract_text_get (&retract_assessment_get_mistake (assessment)->name, language));
}

static void
build_circumstances (RetractReviewPage *self,
                     RetractCase       *kase,
                     RetractLanguage    language)
{
  RetractRuleset *rules = retract_page_get_rules (RETRACT_PAGE (self));
  const char * const *scenarios = retract_case_get_scenarios (kase);
  g_autoptr(GString) chosen = g_string_new (NULL);
  g_autofree char *withdrawals = g_strdup_printf ("%d",
                                                  retract_case_get_withdrawals_this_month (kase));

  for (guint i = 0; scenarios[i] != NULL; i++)
    {
      const RetractScenario *scenario = retract_ruleset_lookup_scenario (rules, scenarios[i]);

      if (scenario == NULL)
        continue;
      if (chosen->len > 0)
        g_string_append (chosen, _(", "));
      g_string_append (chosen, retract_text_get (&scenario->name, language));
    }

  add_value (self, self->circumstances_group, _("Special circumstances"),
             chosen->len > 0 ? chosen->str : _("None"));
  add_value (self, self->circumstances_group, _("Withdrawals already made this month"),
             withdrawals);
  add_value (self, self->circumstances_group, _("The other party has lost money"),
             retract_case_get_other_party_loss (kase) ? _("Yes") : _("No"));
}

static void
build_answer (RetractReviewPage *self,
              RetractAssessment *assessment,
              RetractLanguage    language)
{
  GPtrArray *channels = retract_assessment_get_channels (assessment);
  GDateTime *closes = retract_assessment_get_window_closes_at (assessment);

  add_value (self, self->answer_group, _("Stage"),
             retract_text_get (&retract_assessment_get_stage_info (assessment)->name, language));
  if (closes != NULL)
    {
      g_autofree char *when = retract_time_format_human (closes);
      g_autofree char *text = g_strdup_printf (_("%s (Beijing time)"), when);

      add_value (self, self->answer_group, _("The window to withdraw closes"), text);
    }
  if (channels->len > 0)
    add_value (self, self->answer_group, _("Recommended channel"),
               retract_text_get (&((const RetractChannel *) g_ptr_array_index (channels, 0))->name,
                                 language));
}

static void
build_materials (RetractReviewPage *self,
                 RetractAssessment *assessment,
                 RetractCase       *kase,
                 RetractLanguage    language)
{
  GPtrArray *materials = retract_assessment_get_materials (assessment);

  if (materials->len == 0)
    add_value (self, self->materials_group, _("Nothing to prepare at this stage"), "—");

  for (guint i = 0; i < materials->len; i++)
    {
      const RetractMaterial *material = g_ptr_array_index (materials, i);
      const char *attachment = retract_case_get_material_attachment (kase, material->id);
      g_autofree char *basename = attachment != NULL ? g_path_get_basename (attachment) : NULL;
      g_autofree char *status = NULL;

      if (basename != NULL)
        /* Translators: "Ready · passport.jpg" */
        status = g_strdup_printf (_("%1$s · %2$s"),
                                  retract_case_get_material_ready (kase, material->id)
                                  ? _("Ready") : _("Not ready yet"), basename);
      else
        status = g_strdup (retract_case_get_material_ready (kase, material->id)
                           ? _("Ready") : _("Not ready yet"));

      add_value (self, self->materials_group, retract_text_get (&material->name, language),
                 status);
    }
}

static void
build_details (RetractReviewPage *self,
               RetractCase       *kase)
{
  static const struct
  {
    RetractDetail detail;
    const char   *label;
  } fields[] = {
    { RETRACT_DETAIL_APPLICANT_NAME, N_("Your name") },
    { RETRACT_DETAIL_APPLICANT_WECHAT_ID, N_("WeChat ID") },
    { RETRACT_DETAIL_APPLICANT_PHONE, N_("Phone number") },
    { RETRACT_DETAIL_APPLICANT_ID_NUMBER, N_("ID card number") },
    { RETRACT_DETAIL_COMPLAINT_NUMBER, N_("Complaint number") },
    { RETRACT_DETAIL_RESPONDENT, N_("The other party") },
    { RETRACT_DETAIL_NARRATIVE, N_("What happened") },
    { RETRACT_DETAIL_REASON, N_("Why it was a mistake") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = retract_case_get_detail (kase, fields[i].detail);
      g_autofree char *masked = NULL;

      /* The ID number is shown masked, as the letter will print it. */
      if (value != NULL && fields[i].detail == RETRACT_DETAIL_APPLICANT_ID_NUMBER)
        value = masked = retract_mask_id_number (value);

      add_value (self, self->details_group, _(fields[i].label), value);
    }
}

static void
rebuild (RetractReviewPage *self)
{
  RetractPage *page = RETRACT_PAGE (self);
  g_autoptr(RetractAssessment) assessment = retract_page_assess (page);
  RetractCase *kase = retract_page_get_case (page);
  RetractLanguage language = retract_page_get_language (page);

  retract_rows_clear (self->rows);
  if (assessment == NULL)
    return;

  build_situation (self, assessment, language);
  build_circumstances (self, kase, language);
  build_answer (self, assessment, language);
  build_materials (self, assessment, kase, language);
  build_details (self, kase);
}

static void
retract_review_page_shown (RetractPage *page)
{
  rebuild (RETRACT_REVIEW_PAGE (page));
}

static void
retract_review_page_context_changed (RetractPage *page)
{
  rebuild (RETRACT_REVIEW_PAGE (page));
}

static void
retract_review_page_dispose (GObject *object)
{
  RetractReviewPage *self = (RetractReviewPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RETRACT_TYPE_REVIEW_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (retract_review_page_parent_class)->dispose (object);
}

static void
retract_review_page_class_init (RetractReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RetractPageClass *page_class = RETRACT_PAGE_CLASS (klass);

  object_class->dispose = retract_review_page_dispose;
  page_class->shown = retract_review_page_shown;
  page_class->context_changed = retract_review_page_context_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/retract-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, answer_group);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, circumstances_group);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, materials_group);
  gtk_widget_class_bind_template_child (widget_class, RetractReviewPage, situation_group);
}

static void
retract_review_page_init (RetractReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  retract_page_set_complete (RETRACT_PAGE (self), TRUE);
}
