/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The calm banner at the top of the window while the rules in use have
 * expired: "These rules were last confirmed on DATE. Check the official
 * channels.", more firmly after 90 days. Expired rules keep answering, so
 * the banner sits above the content and never covers or blocks it.
 *
 * libadwaita 1.2 has no AdwBanner (1.3 does): this is a GtkRevealer with a
 * box styled as a banner (.rules-banner in style.css), a plain-text label
 * and a "Check for Updates" button. The wording and the 90-day rule are the
 * core's (retract_ruleset_describe_expiry, which the CLI's expiry_notice
 * prints too); the banner only asks it again when the rules change or the
 * clock ticks, so it goes as soon as newer rules are in use. */

#define G_LOG_DOMAIN "retract-rules-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-accessible.h"
#include "retract-rules-banner.h"

struct _RetractRulesBanner
{
  GtkWidget       parent_instance;

  GtkRevealer    *revealer;
  GtkWidget      *box;
  GtkLabel       *label;

  RetractRuleset *rules;
  RetractClock   *clock;
  char           *notice;
};

G_DEFINE_FINAL_TYPE (RetractRulesBanner, retract_rules_banner, GTK_TYPE_WIDGET)

static void
update (RetractRulesBanner *self)
{
  g_autofree char *notice = NULL;

  if (self->rules != NULL && self->clock != NULL)
    notice = retract_ruleset_describe_expiry (self->rules, retract_clock_get_now (self->clock));

  if (g_strcmp0 (notice, self->notice) == 0)
    return;

  g_free (self->notice);
  self->notice = g_steal_pointer (&notice);

  /* Kept while hiding, so the text does not vanish during the slide. */
  if (self->notice != NULL)
    {
      gtk_label_set_text (self->label, self->notice);
      /* A status: screen readers read it as the banner's own name too. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->notice,
                                      -1);
    }
  gtk_revealer_set_reveal_child (self->revealer, self->notice != NULL);
}

static void
retract_rules_banner_dispose (GObject *object)
{
  RetractRulesBanner *self = RETRACT_RULES_BANNER (object);

  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  g_clear_object (&self->rules);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->notice, g_free);
  if (self->revealer != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->revealer));
      self->revealer = NULL;
    }

  G_OBJECT_CLASS (retract_rules_banner_parent_class)->dispose (object);
}

static void
retract_rules_banner_class_init (RetractRulesBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = retract_rules_banner_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rulesbanner");
}

static void
retract_rules_banner_init (RetractRulesBanner *self)
{
  GtkWidget *button;

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));

  self->box = g_object_new (GTK_TYPE_BOX,
                            "orientation", GTK_ORIENTATION_HORIZONTAL,
                            "spacing", 12,
                            "accessible-role", GTK_ACCESSIBLE_ROLE_STATUS,
                            NULL);
  gtk_widget_add_css_class (self->box, "rules-banner");
  gtk_revealer_set_child (self->revealer, self->box);

  /* Plain text: the date and wording come from the rules, not markup. */
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_use_markup (self->label, FALSE);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->label, 0.0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->label), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->label));

  button = gtk_button_new_with_mnemonic (_("_Check for Updates"));
  retract_accessible_watch_button (GTK_BUTTON (button));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.check-updates");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->box), button);
}

GtkWidget *
retract_rules_banner_new (void)
{
  return g_object_new (RETRACT_TYPE_RULES_BANNER, NULL);
}

/**
 * retract_rules_banner_set_context:
 * @rules: the rules in use
 * @clock: the app's clock, whose ticks may cross the expiry or the 90 days
 *
 * Shows the banner while @rules have expired, hides it otherwise; called
 * again with newer rules after an update, an import or a revert.
 */
void
retract_rules_banner_set_context (RetractRulesBanner *self,
                                  RetractRuleset     *rules,
                                  RetractClock       *clock)
{
  g_return_if_fail (RETRACT_IS_RULES_BANNER (self));
  g_return_if_fail (RETRACT_IS_RULESET (rules));
  g_return_if_fail (RETRACT_IS_CLOCK (clock));

  g_set_object (&self->rules, rules);
  if (self->clock != clock)
    {
      if (self->clock != NULL)
        g_signal_handlers_disconnect_by_data (self->clock, self);
      g_set_object (&self->clock, clock);
      g_signal_connect_swapped (clock, "notify::now", G_CALLBACK (update), self);
    }
  update (self);
}

/**
 * retract_rules_banner_get_notice:
 *
 * Returns: (nullable): the notice the banner shows, or %NULL while it is
 *   hidden (the rules in use have not expired)
 */
const char *
retract_rules_banner_get_notice (RetractRulesBanner *self)
{
  g_return_val_if_fail (RETRACT_IS_RULES_BANNER (self), NULL);

  return self->notice;
}
