/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The review page's summary: every answer as a row, in groups (situation,
 * circumstances, the answer, materials, the letter's details). */

#define G_LOG_DOMAIN "retract-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-review-page-private.h"
#include "retract-rows.h"
#include "retract-time.h"
#include "retract-validators.h"

static void
add_value (RetractReviewPage   *self,
           AdwPreferencesGroup *group,
           const char          *label,
           const char          *value)
{
  GtkWidget *row = retract_rows_add (self->rows, group, label,
                                     value != NULL ? value : _("Not provided"));

  gtk_widget_add_css_class (row, "property");
  /* A row that only shows an answer does nothing: Tab passes it by, to the
   * controls. A screen reader still reads it, by its title and value. */
  gtk_widget_set_focusable (row, FALSE);
  if (value == NULL)
    gtk_widget_add_css_class (row, "not-provided");
}

static void
build_situation (RetractReviewPage *self,
                 RetractAssessment *assessment,
                 RetractLanguage    language)
{
  g_autofree char *filed_text = retract_clock_text_dup (retract_assessment_get_filed_at (assessment));

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
  const RetractChannel *recommended = retract_assessment_get_recommended_channel (assessment);
  GDateTime *closes = retract_assessment_get_window_closes_at (assessment);

  add_value (self, self->answer_group, _("Stage"),
             retract_text_get (&retract_assessment_get_stage_info (assessment)->name, language));
  if (closes != NULL)
    {
      g_autofree char *text = retract_clock_text_dup (closes);

      add_value (self, self->answer_group, _("The window to withdraw closes"), text);
    }
  if (recommended != NULL)
    add_value (self, self->answer_group, _("Recommended channel"),
               retract_text_get (&recommended->name, language));
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

/* A review row shows the start of a long answer, not all of it: a label
 * wrapping 100 000 characters is laid out again on every resize, which
 * freezes the window. The whole text is in the letter preview below. */
#define REVIEW_EXCERPT_CHARS 280

static char *
excerpt (const char *text)
{
  glong n_chars = g_utf8_strlen (text, -1);
  g_autofree char *start = NULL;

  if (n_chars <= REVIEW_EXCERPT_CHARS)
    return g_strdup (text);

  start = g_utf8_substring (text, 0, REVIEW_EXCERPT_CHARS);
  /* Translators: the start of a long answer, then its length, "… (100000 characters in all)" */
  return g_strdup_printf (ngettext ("%s… (%ld character in all)",
                                    "%s… (%ld characters in all)", (gulong) n_chars),
                          start, n_chars);
}

static void
build_details (RetractReviewPage *self,
               RetractCase       *kase)
{
  /* Every letter field this case asks for (the core says which: the
   * guardian's for a minor, the company's for an enterprise), in the case's
   * order, named as on the details page. */
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    {
      const char *value = retract_case_get_detail (kase, i);
      g_autofree char *shown = NULL;

      if (!retract_case_detail_applies (kase, i))
        continue;

      /* A document number is shown masked by its type's rule, as the letter
       * will print it, after the document's name. */
      for (guint holder = 0; holder < RETRACT_N_ID_HOLDERS; holder++)
        if (value != NULL && i == retract_id_holder_get_number_detail (holder))
          {
            g_autofree char *masked = retract_case_dup_masked_id_number (kase, holder);

            /* Translators: a document and its masked number, "Hong Kong identity card · A123***(3)" */
            value = shown = g_strdup_printf (_("%1$s · %2$s"),
                                             retract_id_document_type_label (
                                               retract_case_get_id_document_type (kase, holder)),
                                             masked);
          }
      if (value != NULL && shown == NULL)
        value = shown = excerpt (value);

      add_value (self, self->details_group, retract_detail_get_label (i), value);
    }
}

void
_retract_review_page_build_summary (RetractReviewPage *self,
                                    RetractAssessment *assessment,
                                    RetractCase       *kase,
                                    RetractLanguage    language)
{
  build_situation (self, assessment, language);
  build_circumstances (self, kase, language);
  build_answer (self, assessment, language);
  build_materials (self, assessment, kase, language);
  build_details (self, kase);
}
