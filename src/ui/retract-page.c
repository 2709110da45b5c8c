/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The base of every wizard step, in the manner of GNOME Initial Setup's
 * GisPage: a title, whether the step is complete (Next follows it), and the
 * shared context: the case being answered, the rules and the clock.
 *
 * The page owns its connections to the case and the clock, as GNOME Text
 * Editor's window does with its GSignalGroups: a subclass connects its
 * handlers once, to the groups, when it is built, and the groups move them
 * to the new case or clock whenever the context changes. A page that is not
 * on screen does no work: its handlers only note that it is behind, and it
 * catches up (context_changed) when it is shown or its state is asked for.
 * Catching up is the page's one refresh: being shown is no reason for
 * another, and a page that did not fall behind is shown as it was left. */

#define G_LOG_DOMAIN "retract-page"

#include "config.h"

#include "retract-page.h"

typedef struct
{
  char           *title;
  gboolean        complete;
  RetractCase    *kase;
  RetractRuleset *rules;
  RetractClock   *clock;
  GSignalGroup   *case_signals;
  GSignalGroup   *clock_signals;
  gboolean        behind;
} RetractPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RetractPage, retract_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_COMPLETE,
  PROP_CASE,
  PROP_RULES,
  PROP_CLOCK,
  N_PROPS
};

enum {
  REQUEST_STEP,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Counted for the tests: how many times the pages assessed a case. */
static guint n_assessments;

/* On screen: the visible child of the wizard's stack (a page outside a
 * stack, as in a test, counts as on screen), in a window that shows the
 * wizard: the step left open behind the case list is not on screen. A
 * window not yet shown counts as showing it, so that a page is ready when
 * it first appears. */
static gboolean
is_current (RetractPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GtkRoot *root;

  if (GTK_IS_STACK (parent) && gtk_stack_get_visible_child (GTK_STACK (parent)) != widget)
    return FALSE;

  root = gtk_widget_get_root (widget);
  return gtk_widget_get_mapped (widget) || root == NULL ||
         !gtk_widget_get_mapped (GTK_WIDGET (root));
}

static void
catch_up (RetractPage *self)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  priv->behind = FALSE;
  if (priv->kase != NULL && priv->rules != NULL && priv->clock != NULL &&
      RETRACT_PAGE_GET_CLASS (self)->context_changed != NULL)
    RETRACT_PAGE_GET_CLASS (self)->context_changed (self);
}

static void
context_changed (RetractPage *self)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  if (is_current (self))
    catch_up (self);
  else
    priv->behind = TRUE;
}

/* The step is where the wizard stands, not an answer: every move between
 * steps notifies it, and no page shows it. */
static gboolean
is_step (GParamSpec *pspec)
{
  return g_str_equal (g_param_spec_get_name (pspec), "step");
}

static void
note_if_hidden (RetractPage *self)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  if (!is_current (self))
    priv->behind = TRUE;
}

static void
on_answer_notify (RetractPage *self,
                  GParamSpec  *pspec)
{
  if (!is_step (pspec))
    note_if_hidden (self);
}

/* The case, the rules and the clock are replaced alike: @group, the page's
 * connections to that object if it has any, follows it. */
static void
set_context_object (RetractPage  *self,
                    GObject     **field,
                    gpointer      object,
                    GSignalGroup *group,
                    guint         prop_id)
{
  if (!g_set_object (field, object))
    return;

  if (group != NULL)
    g_signal_group_set_target (group, object);
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
  context_changed (self);
}

static void
retract_page_dispose (GObject *object)
{
  RetractPage *self = (RetractPage *)object;
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  /* Unbinds every handler from the case and the clock. */
  g_clear_object (&priv->case_signals);
  g_clear_object (&priv->clock_signals);
  g_clear_object (&priv->kase);
  g_clear_object (&priv->rules);
  g_clear_object (&priv->clock);

  G_OBJECT_CLASS (retract_page_parent_class)->dispose (object);
}

static void
retract_page_finalize (GObject *object)
{
  RetractPage *self = (RetractPage *)object;
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);

  G_OBJECT_CLASS (retract_page_parent_class)->finalize (object);
}

static void
retract_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RetractPage *self = RETRACT_PAGE (object);
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, priv->complete);
      break;
    case PROP_CASE:
      g_value_set_object (value, priv->kase);
      break;
    case PROP_RULES:
      g_value_set_object (value, priv->rules);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, priv->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
retract_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RetractPage *self = RETRACT_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      retract_page_set_title (self, g_value_get_string (value));
      break;
    case PROP_COMPLETE:
      retract_page_set_complete (self, g_value_get_boolean (value));
      break;
    case PROP_CASE:
      retract_page_set_case (self, g_value_get_object (value));
      break;
    case PROP_RULES:
      retract_page_set_rules (self, g_value_get_object (value));
      break;
    case PROP_CLOCK:
      retract_page_set_clock (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
retract_page_class_init (RetractPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = retract_page_dispose;
  object_class->finalize = retract_page_finalize;
  object_class->get_property = retract_page_get_property;
  object_class->set_property = retract_page_set_property;

  properties [PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties [PROP_COMPLETE] = g_param_spec_boolean ("complete", NULL, NULL, FALSE, flags);
  properties [PROP_CASE] = g_param_spec_object ("case", NULL, NULL, RETRACT_TYPE_CASE, flags);
  properties [PROP_RULES] =
    g_param_spec_object ("rules", NULL, NULL, RETRACT_TYPE_RULESET, flags);
  properties [PROP_CLOCK] = g_param_spec_object ("clock", NULL, NULL, RETRACT_TYPE_CLOCK, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RetractPage::request-step:
   * @step: the name of the step to go to
   *
   * The page asks the wizard to show another step ("Change" buttons).
   */
  signals [REQUEST_STEP] =
    g_signal_new ("request-step", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
retract_page_init (RetractPage *self)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  priv->case_signals = g_signal_group_new (RETRACT_TYPE_CASE);
  priv->clock_signals = g_signal_group_new (RETRACT_TYPE_CLOCK);
}

const char *
retract_page_get_title (RetractPage *self)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  g_return_val_if_fail (RETRACT_IS_PAGE (self), NULL);
  return priv->title;
}

void
retract_page_set_title (RetractPage *self,
                        const char  *title)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  g_return_if_fail (RETRACT_IS_PAGE (self));

  if (set_string (&priv->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

gboolean
retract_page_get_complete (RetractPage *self)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  g_return_val_if_fail (RETRACT_IS_PAGE (self), FALSE);

  /* A hidden page that missed changes answers for the case as it is now. */
  retract_page_update (self);
  return priv->complete;
}

void
retract_page_set_complete (RetractPage *self,
                           gboolean     complete)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  g_return_if_fail (RETRACT_IS_PAGE (self));

  complete = !!complete;
  if (priv->complete == complete)
    return;

  priv->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPLETE]);
}

/**
 * retract_page_get_case:
 *
 * Returns: (transfer none) (nullable): the case being answered
 */
RetractCase *
retract_page_get_case (RetractPage *self)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  g_return_val_if_fail (RETRACT_IS_PAGE (self), NULL);
  return priv->kase;
}

void
retract_page_set_case (RetractPage *self,
                       RetractCase *kase)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  g_return_if_fail (RETRACT_IS_PAGE (self));

  set_context_object (self, (GObject **) &priv->kase, kase, priv->case_signals, PROP_CASE);
}

/**
 * retract_page_get_rules:
 *
 * Returns: (transfer none) (nullable): the rules in use
 */
RetractRuleset *
retract_page_get_rules (RetractPage *self)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  g_return_val_if_fail (RETRACT_IS_PAGE (self), NULL);
  return priv->rules;
}

void
retract_page_set_rules (RetractPage    *self,
                        RetractRuleset *rules)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  g_return_if_fail (RETRACT_IS_PAGE (self));

  set_context_object (self, (GObject **) &priv->rules, rules, NULL, PROP_RULES);
}

/**
 * retract_page_get_clock:
 *
 * Returns: (transfer none) (nullable): the clock
 */
RetractClock *
retract_page_get_clock (RetractPage *self)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  g_return_val_if_fail (RETRACT_IS_PAGE (self), NULL);
  return priv->clock;
}

void
retract_page_set_clock (RetractPage  *self,
                        RetractClock *clock)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  g_return_if_fail (RETRACT_IS_PAGE (self));

  set_context_object (self, (GObject **) &priv->clock, clock, priv->clock_signals, PROP_CLOCK);
}

/* Dataset texts follow the interface language. */
RetractLanguage
retract_page_get_language (RetractPage *self)
{
  return retract_language_default ();
}

/**
 * retract_page_assess:
 *
 * Returns: (transfer full) (nullable): the answer for the case now, or %NULL
 *   while the case is not complete enough to assess
 */
RetractAssessment *
retract_page_assess (RetractPage *self)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  g_return_val_if_fail (RETRACT_IS_PAGE (self), NULL);

  if (priv->kase == NULL || priv->rules == NULL || priv->clock == NULL)
    return NULL;

  n_assessments++;
  return retract_assessment_new (priv->rules, priv->kase, retract_clock_get_now (priv->clock),
                                 NULL);
}

void
retract_page_shown (RetractPage *self)
{
  g_return_if_fail (RETRACT_IS_PAGE (self));

  retract_page_update (self);
  if (RETRACT_PAGE_GET_CLASS (self)->shown != NULL)
    RETRACT_PAGE_GET_CLASS (self)->shown (self);
}

gboolean
retract_page_apply (RetractPage *self)
{
  g_return_val_if_fail (RETRACT_IS_PAGE (self), FALSE);

  if (RETRACT_PAGE_GET_CLASS (self)->apply != NULL)
    return RETRACT_PAGE_GET_CLASS (self)->apply (self);

  return TRUE;
}

void
retract_page_request_step (RetractPage *self,
                           const char  *step)
{
  g_return_if_fail (RETRACT_IS_PAGE (self));

  g_signal_emit (self, signals [REQUEST_STEP], 0, step);
}

/**
 * retract_page_get_case_signals:
 *
 * The page's connections to its case: connect a handler here once, when
 * the page is built, and it follows the page from case to case.
 *
 * Returns: (transfer none): the signal group targeting the case
 */
GSignalGroup *
retract_page_get_case_signals (RetractPage *self)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  g_return_val_if_fail (RETRACT_IS_PAGE (self), NULL);
  return priv->case_signals;
}

/**
 * retract_page_get_clock_signals:
 *
 * Returns: (transfer none): the signal group targeting the clock
 */
GSignalGroup *
retract_page_get_clock_signals (RetractPage *self)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  g_return_val_if_fail (RETRACT_IS_PAGE (self), NULL);
  return priv->clock_signals;
}

/**
 * retract_page_defer:
 *
 * For the page's handlers of case and clock signals, first thing: a page
 * that is not on screen does no work, it notes that it is behind.
 *
 * Returns: %TRUE when the handler should return at once
 */
gboolean
retract_page_defer (RetractPage *self)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  g_return_val_if_fail (RETRACT_IS_PAGE (self), FALSE);

  if (is_current (self))
    return FALSE;

  priv->behind = TRUE;
  return TRUE;
}

/**
 * retract_page_defer_notify:
 * @pspec: the case property that changed
 *
 * retract_page_defer() for a handler of the case's #GObject::notify: the
 * step the wizard records is no answer, so a change of it needs no work.
 *
 * Returns: %TRUE when the handler should return at once
 */
gboolean
retract_page_defer_notify (RetractPage *self,
                           GParamSpec  *pspec)
{
  g_return_val_if_fail (RETRACT_IS_PAGE (self), FALSE);

  return is_step (pspec) || retract_page_defer (self);
}

/**
 * retract_page_follow_assessment:
 *
 * For a page that shows the assessment, called once when it is built: the
 * page falls behind whenever any answer, material or the time changes while
 * it is hidden, whether or not its own handlers listen to that change, so
 * that it is up to date once shown without assessing again for showing.
 */
void
retract_page_follow_assessment (RetractPage *self)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  g_return_if_fail (RETRACT_IS_PAGE (self));

  g_signal_group_connect_swapped (priv->case_signals, "notify",
                                  G_CALLBACK (on_answer_notify), self);
  g_signal_group_connect_swapped (priv->case_signals, "materials-changed",
                                  G_CALLBACK (note_if_hidden), self);
  g_signal_group_connect_swapped (priv->clock_signals, "notify::now",
                                  G_CALLBACK (note_if_hidden), self);
}

/**
 * retract_page_update:
 *
 * Brings a page that missed changes while hidden up to date with its
 * context; nothing happens for a page that is not behind.
 */
void
retract_page_update (RetractPage *self)
{
  RetractPagePrivate *priv = retract_page_get_instance_private (self);

  g_return_if_fail (RETRACT_IS_PAGE (self));

  if (priv->behind)
    catch_up (self);
}

/* For the tests: how many assessments all pages have made so far. */
guint
retract_page_get_n_assessments (void)
{
  return n_assessments;
}
