/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Step 2: the special scenarios that change the channel and the materials,
 * and the user's recent history that raises risks. */

#define G_LOG_DOMAIN "retract-circumstances-page"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-circumstances-page.h"
#include "retract-rows.h"

struct _RetractCircumstancesPage
{
  RetractPage          parent_instance;

  GtkSwitch           *loss_switch;
  AdwPreferencesGroup *scenario_group;
  GtkSpinButton       *withdrawals_spin;

  GPtrArray           *scenario_rows;
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
       g_str_equal (name, "other-party-loss")) &&
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
