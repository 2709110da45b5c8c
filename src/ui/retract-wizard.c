/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The steps, one page each on a GtkStack as GNOME Initial Setup does it:
 * Back only navigates, Next asks the page to apply its answers first and is
 * enabled only while the page is complete. */

#define G_LOG_DOMAIN "retract-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-circumstances-page.h"
#include "retract-details-page.h"
#include "retract-materials-page.h"
#include "retract-result-page.h"
#include "retract-review-page.h"
#include "retract-situation-page.h"
#include "retract-stack-pages.h"
#include "retract-wizard.h"

struct _RetractWizard
{
  AdwBin      parent_instance;

  GtkButton  *back_button;
  GtkButton  *next_button;
  GtkStack   *stack;
  GtkLabel   *step_label;
  GtkBox     *step_dots;

  GPtrArray  *pages;
  guint       current;
};

G_DEFINE_FINAL_TYPE (RetractWizard, retract_wizard, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The steps, in order. The names are stable: the case file remembers them. */
static const struct
{
  const char *name;
  GType     (*get_type) (void);
} page_table[] = {
  { "situation", retract_situation_page_get_type },
  { "circumstances", retract_circumstances_page_get_type },
  { "result", retract_result_page_get_type },
  { "materials", retract_materials_page_get_type },
  { "details", retract_details_page_get_type },
  { "review", retract_review_page_get_type },
};

static RetractPage *
current_page (RetractWizard *self)
{
  return g_ptr_array_index (self->pages, self->current);
}

static void
update_navigation (RetractWizard *self)
{
  RetractPage *page = current_page (self);
  gboolean last = self->current + 1 == self->pages->len;
  GtkWidget *dot;
  guint i = 0;
  g_autofree char *label = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 !last && retract_page_get_complete (page));
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), !last);

  /* Translators: "Step 2 of 6: Circumstances" */
  label = g_strdup_printf (_("Step %1$u of %2$u: %3$s"), self->current + 1, self->pages->len,
                           retract_page_get_title (page));
  gtk_label_set_label (self->step_label, label);

  for (dot = gtk_widget_get_first_child (GTK_WIDGET (self->step_dots));
       dot != NULL;
       dot = gtk_widget_get_next_sibling (dot), i++)
    {
      if (i < self->current)
        gtk_widget_add_css_class (dot, "done");
      else
        gtk_widget_remove_css_class (dot, "done");
      if (i == self->current)
        gtk_widget_add_css_class (dot, "current");
      else
        gtk_widget_remove_css_class (dot, "current");
    }
}

/* GtkStack takes the focus back to where it was left on a page, even when
 * the page hid it as it caught up (the guardian's fields once the minor
 * scenario is off): it goes to the page's first Tab stop instead. */
static void
keep_focus_shown (RetractPage *page)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (page)) ||
      gtk_widget_is_visible (focus))
    return;

  gtk_root_set_focus (root, NULL);
  gtk_widget_child_focus (GTK_WIDGET (page), GTK_DIR_TAB_FORWARD);
}

static void
show_page (RetractWizard *self,
           guint          index)
{
  RetractPage *page;
  RetractCase *kase;
  gboolean changed;

  g_assert (index < self->pages->len);

  changed = self->current != index;
  self->current = index;
  page = current_page (self);
  /* Caught up before it is on screen: GtkStack moves the focus from the
   * page going out into this one as it switches (to where it was left, or
   * its first Tab stop), and the rows a page builds as it catches up were
   * not there yet: the circumstances step opened on its fifth row, under
   * the special circumstances built after it, and the answer and the
   * materials on their scroll pane. */
  retract_page_update (page);
  retract_stack_pages_show (self->stack, GTK_WIDGET (page));
  retract_page_shown (page);
  keep_focus_shown (page);

  kase = retract_page_get_case (page);
  if (kase != NULL)
    retract_case_set_step (kase, page_table[index].name);

  update_navigation (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STEP]);
}

static void
on_page_complete_changed (RetractWizard *self)
{
  update_navigation (self);
}

static void
on_page_title_changed (RetractWizard *self)
{
  update_navigation (self);
}

/* The first scrolled window under @root: a page's own, which holds the rest. */
static GtkWidget *
find_scroller (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_SCROLLED_WINDOW (child))
        return child;
      if ((found = find_scroller (child)) != NULL)
        return found;
    }

  return NULL;
}

/* GTK makes a page's scroller a Tab stop when nothing inside it takes focus
 * (the answer, materials with nothing to prepare), and that is where the
 * keyboard lands on the step: a screen reader said "scroll pane" and no
 * more. It is named by the page's title, as a status page's is
 * (retract-accessible.c). */
static void
name_scroller (RetractPage *page)
{
  GtkWidget *scroller = find_scroller (GTK_WIDGET (page));

  if (scroller != NULL && retract_page_get_title (page) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    retract_page_get_title (page), -1);
}

static void
on_page_request_step (RetractWizard *self,
                      const char    *step,
                      RetractPage   *page)
{
  retract_wizard_go_to (self, step);
}

static void
wizard_back (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RetractWizard *self = RETRACT_WIZARD (widget);

  if (self->current > 0)
    show_page (self, self->current - 1);
}

static void
wizard_next (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RetractWizard *self = RETRACT_WIZARD (widget);
  RetractPage *page = current_page (self);

  if (self->current + 1 >= self->pages->len || !retract_page_get_complete (page))
    return;

  if (retract_page_apply (page))
    show_page (self, self->current + 1);
}

static void
wizard_go_to (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  retract_wizard_go_to (RETRACT_WIZARD (widget), g_variant_get_string (parameter, NULL));
}

static void
retract_wizard_dispose (GObject *object)
{
  RetractWizard *self = (RetractWizard *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RETRACT_TYPE_WIZARD);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (retract_wizard_parent_class)->dispose (object);
}

static void
retract_wizard_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RetractWizard *self = RETRACT_WIZARD (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_string (value, retract_wizard_get_step (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Back on screen after the case list was shown: the step left open catches
 * up with what changed meanwhile (retract_page_update()) before it is
 * mapped, so that its first frame is up to date. Moving between steps is
 * show_page()'s. */
static void
retract_wizard_map (GtkWidget *widget)
{
  RetractWizard *self = RETRACT_WIZARD (widget);

  if (self->pages->len > 0)
    retract_page_update (current_page (self));

  GTK_WIDGET_CLASS (retract_wizard_parent_class)->map (widget);
}

static void
retract_wizard_class_init (RetractWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = retract_wizard_dispose;
  object_class->get_property = retract_wizard_get_property;
  widget_class->map = retract_wizard_map;

  properties [PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/retract-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, RetractWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, RetractWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, RetractWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, RetractWizard, step_dots);
  gtk_widget_class_bind_template_child (widget_class, RetractWizard, step_label);

  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, wizard_back);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, wizard_next);
  gtk_widget_class_install_action (widget_class, "wizard.go-to", "s", wizard_go_to);

  /* Enter moves on when nothing focused wants it (text views and buttons do). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "wizard.next", NULL);
}

/* The step keys are caught on their way down, before the focused widget
 * sees them: a text field, a spin button or a list would otherwise keep
 * Alt+Left/Right and Ctrl+Page Up/Down (issue 15 §5.6). */
static void
add_step_keys (RetractWizard *self)
{
  static const struct
  {
    guint            keyval;
    GdkModifierType  modifiers;
    const char      *action;
  } keys[] = {
    { GDK_KEY_Left, GDK_ALT_MASK, "wizard.back" },
    { GDK_KEY_KP_Left, GDK_ALT_MASK, "wizard.back" },
    { GDK_KEY_Right, GDK_ALT_MASK, "wizard.next" },
    { GDK_KEY_KP_Right, GDK_ALT_MASK, "wizard.next" },
    { GDK_KEY_Page_Up, GDK_CONTROL_MASK, "wizard.back" },
    { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "wizard.next" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval,
                                                                                    keys[i].modifiers),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
retract_wizard_init (RetractWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (page_table); i++)
    {
      RetractPage *page = g_object_new (page_table[i].get_type (), NULL);
      GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_stack_add_named (self->stack, GTK_WIDGET (page), page_table[i].name);
      g_ptr_array_add (self->pages, page);
      g_signal_connect_object (page, "notify::complete", G_CALLBACK (on_page_complete_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (page, "notify::title", G_CALLBACK (on_page_title_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect (page, "notify::title", G_CALLBACK (name_scroller), NULL);
      name_scroller (page);
      g_signal_connect_object (page, "request-step", G_CALLBACK (on_page_request_step),
                               self, G_CONNECT_SWAPPED);

      gtk_widget_add_css_class (dot, "step-dot");
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      gtk_box_append (self->step_dots, dot);
    }

  /* The steps not on screen are hidden, out of GTK's style pass. */
  retract_stack_pages_show (self->stack, g_ptr_array_index (self->pages, 0));
  add_step_keys (self);
  update_navigation (self);
}

RetractWizard *
retract_wizard_new (void)
{
  return g_object_new (RETRACT_TYPE_WIZARD, NULL);
}

/**
 * retract_wizard_set_context:
 *
 * Gives every page the case to answer, the rules and the clock, and shows
 * the step the case was left at.
 */
void
retract_wizard_set_context (RetractWizard  *self,
                            RetractCase    *kase,
                            RetractRuleset *rules,
                            RetractClock   *clock)
{
  const char *step;

  g_return_if_fail (RETRACT_IS_WIZARD (self));
  g_return_if_fail (RETRACT_IS_CASE (kase));
  g_return_if_fail (RETRACT_IS_RULESET (rules));
  g_return_if_fail (RETRACT_IS_CLOCK (clock));

  /* Read before the pages are shown, which records the step again. */
  step = retract_case_get_step (kase);
  step = step != NULL ? g_intern_string (step) : NULL;

  for (guint i = 0; i < self->pages->len; i++)
    {
      RetractPage *page = g_ptr_array_index (self->pages, i);

      g_object_set (page, "rules", rules, "clock", clock, "case", kase, NULL);
    }

  show_page (self, 0);
  if (step != NULL)
    retract_wizard_go_to (self, step);
}

const char *
retract_wizard_get_step (RetractWizard *self)
{
  g_return_val_if_fail (RETRACT_IS_WIZARD (self), NULL);
  return page_table[self->current].name;
}

/**
 * retract_wizard_go_to:
 * @step: a step name; unknown names are ignored
 *
 * Jumps to a step without applying the current one: used by "Change" links
 * and by resuming. Steps after an incomplete one cannot be reached.
 */
void
retract_wizard_go_to (RetractWizard *self,
                      const char    *step)
{
  g_return_if_fail (RETRACT_IS_WIZARD (self));
  g_return_if_fail (step != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (page_table); i++)
    {
      if (!g_str_equal (page_table[i].name, step))
        continue;

      /* Never past a step that still needs an answer. */
      for (guint j = 0; j < i; j++)
        if (!retract_page_get_complete (g_ptr_array_index (self->pages, j)))
          {
            i = j;
            break;
          }

      show_page (self, i);
      return;
    }
}

/**
 * retract_wizard_get_page:
 *
 * Returns: (transfer none) (nullable): the page of @step
 */
RetractPage *
retract_wizard_get_page (RetractWizard *self,
                         const char    *step)
{
  g_return_val_if_fail (RETRACT_IS_WIZARD (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (page_table); i++)
    if (g_str_equal (page_table[i].name, step))
      return g_ptr_array_index (self->pages, i);

  return NULL;
}

/**
 * retract_wizard_get_next_button:
 *
 * Returns: (transfer none): the Next button, the window's default widget
 */
GtkWidget *
retract_wizard_get_next_button (RetractWizard *self)
{
  g_return_val_if_fail (RETRACT_IS_WIZARD (self), NULL);
  return GTK_WIDGET (self->next_button);
}

guint
retract_wizard_get_n_steps (RetractWizard *self)
{
  g_return_val_if_fail (RETRACT_IS_WIZARD (self), 0);
  return self->pages->len;
}
