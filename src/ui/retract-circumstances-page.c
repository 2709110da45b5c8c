/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Step 2: the special scenarios that change the channel and the materials,
 * and the user's recent history that raises risks: the withdrawal requests
 * made outside Retract this month, next to those Retract already knows of
 * from the other cases of the same account (the core's counts). */

#define G_LOG_DOMAIN "retract-circumstances-page"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-case-counts.h"
#include "retract-circumstances-page.h"
#include "retract-rows.h"

struct _RetractCircumstancesPage
{
  RetractPage          parent_instance;

  GtkLabel            *known_label;
  GtkSwitch           *loss_switch;
  AdwPreferencesGroup *scenario_group;
  GtkSpinButton       *withdrawals_spin;

  GPtrArray           *scenario_rows;
  GPtrArray           *others;  /* the other saved cases' light copies, or NULL */
  gboolean             syncing;
};

G_DEFINE_FINAL_TYPE (RetractCircumstancesPage, retract_circumstances_page, RETRACT_TYPE_PAGE)

static void
on_scenario_switched (GtkSwitch                *toggle,
                      GParamSpec               *pspec,
                      RetractCircumstancesPage *self)
{
  if (self->syncing)
    return;

  retract_case_set_scenario_enabled (retract_page_get_case (RETRACT_PAGE (self)),
                                     g_object_get_data (G_OBJECT (toggle), "retract-id"),
                                     gtk_switch_get_active (toggle));
}

/* The requests Retract counted from the other cases (the total less what
 * the user typed for outside Retract). */
static void
update_known (RetractCircumstancesPage *self)
{
  RetractPage *page = RETRACT_PAGE (self);
  RetractCase *kase = retract_page_get_case (page);
  RetractCaseCounts counts = { 0 };
  g_autofree char *text = NULL;
  int known;

  if (kase == NULL || self->others == NULL || retract_page_get_rules (page) == NULL ||
      retract_case_get_platform (kase) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->known_label), FALSE);
      return;
    }

  retract_case_counts_compute (&counts, retract_page_get_rules (page), kase, self->others,
                               retract_clock_get_now (retract_page_get_clock (page)));
  known = counts.withdrawal_requests_this_month - retract_case_get_withdrawals_this_month (kase);
  retract_case_counts_clear (&counts);

  /* Translators: next to "Withdrawal requests made outside Retract this
   * month": how many Retract already knows of from the user's other cases */
  text = g_strdup_printf (ngettext ("%d more logged in Retract", "%d more logged in Retract",
                                    MAX (known, 0)), MAX (known, 0));
  gtk_label_set_label (self->known_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->known_label), TRUE);
}

static void
sync_from_case (RetractCircumstancesPage *self)
{
  RetractCase *kase = retract_page_get_case (RETRACT_PAGE (self));

  self->syncing = TRUE;
  for (guint i = 0; i < self->scenario_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->scenario_rows, i);
      GtkSwitch *toggle = GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));

      gtk_switch_set_active (toggle, retract_case_has_scenario (
                                       kase, g_object_get_data (G_OBJECT (toggle), "retract-id")));
    }
  gtk_spin_button_set_value (self->withdrawals_spin,
                             retract_case_get_withdrawals_this_month (kase));
  gtk_switch_set_active (self->loss_switch, retract_case_get_other_party_loss (kase));
  self->syncing = FALSE;
  update_known (self);
}

static void
build_scenario_rows (RetractCircumstancesPage *self)
{
  RetractPage *page = RETRACT_PAGE (self);
  GPtrArray *scenarios = retract_ruleset_get_scenarios (retract_page_get_rules (page));
  RetractLanguage language = retract_page_get_language (page);

  retract_rows_clear (self->scenario_rows);
  for (guint i = 0; i < scenarios->len; i++)
    {
      const RetractScenario *scenario = g_ptr_array_index (scenarios, i);
      GtkWidget *row = retract_row_new (retract_text_get (&scenario->name, language),
                                        retract_text_get (&scenario->description, language));
      GtkWidget *toggle = gtk_switch_new ();

      g_object_set_data_full (G_OBJECT (toggle), "retract-id", g_strdup (scenario->id), g_free);
      g_signal_connect (toggle, "notify::active", G_CALLBACK (on_scenario_switched), self);
      retract_row_set_control (row, toggle, GTK_PACK_END);
      adw_preferences_group_add (self->scenario_group, row);
      g_ptr_array_add (self->scenario_rows, row);
    }
}

static void
on_withdrawals_changed (RetractCircumstancesPage *self)
{
  if (!self->syncing)
    retract_case_set_withdrawals_this_month (retract_page_get_case (RETRACT_PAGE (self)),
                                             gtk_spin_button_get_value_as_int (self->withdrawals_spin));
}

static void
on_loss_switched (RetractCircumstancesPage *self)
{
  if (!self->syncing)
    retract_case_set_other_party_loss (retract_page_get_case (RETRACT_PAGE (self)),
                                       gtk_switch_get_active (self->loss_switch));
}

static void
on_case_notify (RetractCircumstancesPage *self,
                GParamSpec               *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if ((g_str_equal (name, "scenarios") || g_str_equal (name, "withdrawals-this-month") ||
       g_str_equal (name, "other-party-loss") || g_str_equal (name, "platform") ||
       g_str_equal (name, "account")) &&
      !retract_page_defer (RETRACT_PAGE (self)))
    sync_from_case (self);
}

static void
retract_circumstances_page_context_changed (RetractPage *page)
{
  RetractCircumstancesPage *self = RETRACT_CIRCUMSTANCES_PAGE (page);

  build_scenario_rows (self);
  sync_from_case (self);
}

static void
retract_circumstances_page_dispose (GObject *object)
{
  RetractCircumstancesPage *self = (RetractCircumstancesPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RETRACT_TYPE_CIRCUMSTANCES_PAGE);
  g_clear_pointer (&self->scenario_rows, g_ptr_array_unref);
  g_clear_pointer (&self->others, g_ptr_array_unref);

  G_OBJECT_CLASS (retract_circumstances_page_parent_class)->dispose (object);
}

static void
retract_circumstances_page_class_init (RetractCircumstancesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RetractPageClass *page_class = RETRACT_PAGE_CLASS (klass);

  object_class->dispose = retract_circumstances_page_dispose;
  page_class->context_changed = retract_circumstances_page_context_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/retract-circumstances-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RetractCircumstancesPage, known_label);
  gtk_widget_class_bind_template_child (widget_class, RetractCircumstancesPage, loss_switch);
  gtk_widget_class_bind_template_child (widget_class, RetractCircumstancesPage, scenario_group);
  gtk_widget_class_bind_template_child (widget_class, RetractCircumstancesPage, withdrawals_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_loss_switched);
  gtk_widget_class_bind_template_callback (widget_class, on_withdrawals_changed);
}

static void
retract_circumstances_page_init (RetractCircumstancesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->scenario_rows = g_ptr_array_new ();
  g_signal_group_connect_swapped (retract_page_get_case_signals (RETRACT_PAGE (self)), "notify",
                                  G_CALLBACK (on_case_notify), self);
  /* Nothing here is required: the defaults describe the common case. */
  retract_page_set_complete (RETRACT_PAGE (self), TRUE);
}

/**
 * retract_circumstances_page_set_others:
 * @others: (nullable) (element-type RetractCase): the saved cases (light
 *   copies; the page's own case among them is skipped)
 *
 * What the count of requests Retract already knows of is taken from.
 */
void
retract_circumstances_page_set_others (RetractCircumstancesPage *self,
                                       GPtrArray                *others)
{
  g_return_if_fail (RETRACT_IS_CIRCUMSTANCES_PAGE (self));

  if (others != NULL)
    g_ptr_array_ref (others);
  g_clear_pointer (&self->others, g_ptr_array_unref);
  self->others = others;
  update_known (self);
}

/* What the known count says, or NULL when it is not shown (tests). */
const char *
retract_circumstances_page_get_known_text (RetractCircumstancesPage *self)
{
  g_return_val_if_fail (RETRACT_IS_CIRCUMSTANCES_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->known_label))
         ? gtk_label_get_label (self->known_label) : NULL;
}
