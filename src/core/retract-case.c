/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Everything the user has answered about one mistaken complaint: the object,
 * its properties and setters. A case may be incomplete (it is saved as it is
 * typed); completeness is for the assessment and the letter to judge. The
 * file is in retract-case-file.c, the materials in retract-case-materials.c. */

#define G_LOG_DOMAIN "retract-case"

#include "config.h"

#include "retract-case-private.h"
#include "retract-case-fields-private.h"
#include "retract-engine-ids.h"

enum {
  MATERIALS_CHANGED,
  EVENTS_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (RetractCase, retract_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLATFORM,
  PROP_COMPLAINT_TYPE,
  PROP_FILED_AT,
  PROP_MISTAKE,
  PROP_SCENARIOS,
  PROP_WITHDRAWALS_THIS_MONTH,
  PROP_OTHER_PARTY_LOSS,
  PROP_FIRST_DETAIL, /* one property a RetractDetail, named in the field table */
  PROP_LAST_DETAIL = PROP_FIRST_DETAIL + RETRACT_N_DETAILS - 1,
  PROP_STEP,
  PROP_ACCOUNT,
  PROP_APPLICANT_ID_TYPE,
  PROP_GUARDIAN_ID_TYPE,
  N_PROPS
};

#define IS_DETAIL_PROP(prop_id) ((prop_id) >= PROP_FIRST_DETAIL && (prop_id) <= PROP_LAST_DETAIL)
#define ID_TYPE_PROP(holder) (PROP_APPLICANT_ID_TYPE + (holder))

static GParamSpec *properties [N_PROPS];

/* Empty text means "not answered"; keeping it NULL keeps the file honest. */
gboolean
_retract_case_replace_string (char      **field,
                              const char *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Stores a text property, notifying it only if it changed. */
static void
set_text (RetractCase *self,
          char       **field,
          const char  *value,
          guint        prop_id)
{
  if (_retract_case_replace_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

void
_retract_case_emit_materials_changed (RetractCase *self)
{
  g_signal_emit (self, signals [MATERIALS_CHANGED], 0);
}

void
_retract_case_emit_events_changed (RetractCase *self)
{
  g_signal_emit (self, signals [EVENTS_CHANGED], 0);
}

void
_retract_case_notify_account (RetractCase *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACCOUNT]);
}

static void
retract_case_finalize (GObject *object)
{
  RetractCase *self = (RetractCase *)object;

  g_clear_pointer (&self->platform, g_free);
  g_clear_pointer (&self->complaint_type, g_free);
  g_clear_pointer (&self->filed_at, g_date_time_unref);
  g_clear_pointer (&self->mistake, g_free);
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    {
      g_clear_pointer (&self->details[i], g_free);
      g_clear_pointer (&self->detail_origins[i], g_free);
    }
  g_clear_pointer (&self->materials, g_hash_table_unref);
  g_clear_pointer (&self->step, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->account, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (retract_case_parent_class)->finalize (object);
}

static void
retract_case_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RetractCase *self = RETRACT_CASE (object);

  switch (prop_id)
    {
    case PROP_PLATFORM:
      g_value_set_string (value, self->platform);
      break;
    case PROP_COMPLAINT_TYPE:
      g_value_set_string (value, self->complaint_type);
      break;
    case PROP_FILED_AT:
      g_value_set_boxed (value, self->filed_at);
      break;
    case PROP_MISTAKE:
      g_value_set_string (value, self->mistake);
      break;
    case PROP_SCENARIOS:
      g_value_set_boxed (value, self->scenarios->pdata);
      break;
    case PROP_WITHDRAWALS_THIS_MONTH:
      g_value_set_int (value, self->withdrawals_this_month);
      break;
    case PROP_OTHER_PARTY_LOSS:
      g_value_set_boolean (value, self->other_party_loss);
      break;
    case PROP_STEP:
      g_value_set_string (value, self->step);
      break;
    case PROP_ACCOUNT:
      g_value_set_string (value, self->account);
      break;
    case PROP_APPLICANT_ID_TYPE:
    case PROP_GUARDIAN_ID_TYPE:
      g_value_set_enum (value, retract_case_get_id_document_type (self, prop_id -
                                                                  PROP_APPLICANT_ID_TYPE));
      break;
    default:
      if (IS_DETAIL_PROP (prop_id))
        g_value_set_string (value, self->details[prop_id - PROP_FIRST_DETAIL]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
retract_case_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RetractCase *self = RETRACT_CASE (object);

  switch (prop_id)
    {
    case PROP_PLATFORM:
      retract_case_set_platform (self, g_value_get_string (value));
      break;
    case PROP_COMPLAINT_TYPE:
      retract_case_set_complaint_type (self, g_value_get_string (value));
      break;
    case PROP_FILED_AT:
      retract_case_set_filed_at (self, g_value_get_boxed (value));
      break;
    case PROP_MISTAKE:
      retract_case_set_mistake (self, g_value_get_string (value));
      break;
    case PROP_SCENARIOS:
      retract_case_set_scenarios (self, g_value_get_boxed (value));
      break;
    case PROP_WITHDRAWALS_THIS_MONTH:
      retract_case_set_withdrawals_this_month (self, g_value_get_int (value));
      break;
    case PROP_OTHER_PARTY_LOSS:
      retract_case_set_other_party_loss (self, g_value_get_boolean (value));
      break;
    case PROP_STEP:
      retract_case_set_step (self, g_value_get_string (value));
      break;
    case PROP_APPLICANT_ID_TYPE:
    case PROP_GUARDIAN_ID_TYPE:
      retract_case_set_id_document_type (self, prop_id - PROP_APPLICANT_ID_TYPE,
                                         g_value_get_enum (value));
      break;
    default:
      if (IS_DETAIL_PROP (prop_id))
        retract_case_set_detail (self, prop_id - PROP_FIRST_DETAIL, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
retract_case_class_init (RetractCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = retract_case_finalize;
  object_class->get_property = retract_case_get_property;
  object_class->set_property = retract_case_set_property;

  properties [PROP_PLATFORM] =
    g_param_spec_string ("platform", NULL, NULL, NULL, flags);
  properties [PROP_COMPLAINT_TYPE] =
    g_param_spec_string ("complaint-type", NULL, NULL, NULL, flags);
  properties [PROP_FILED_AT] =
    g_param_spec_boxed ("filed-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties [PROP_MISTAKE] =
    g_param_spec_string ("mistake", NULL, NULL, RETRACT_DEFAULT_MISTAKE, flags);
  properties [PROP_SCENARIOS] =
    g_param_spec_boxed ("scenarios", NULL, NULL, G_TYPE_STRV, flags);
  properties [PROP_WITHDRAWALS_THIS_MONTH] =
    g_param_spec_int ("withdrawals-this-month", NULL, NULL,
                      0, RETRACT_CASE_MAX_WITHDRAWALS, 0, flags);
  properties [PROP_OTHER_PARTY_LOSS] =
    g_param_spec_boolean ("other-party-loss", NULL, NULL, FALSE, flags);

  /* The names are built from the field table, so GLib keeps its own copy
   * (no G_PARAM_STATIC_NAME). */
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    {
      g_autofree char *name = retract_case_field_dup_property (i);

      properties [PROP_FIRST_DETAIL + i] =
        g_param_spec_string (name, NULL, NULL, NULL, flags & ~G_PARAM_STATIC_NAME);
    }

  properties [PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL, NULL, flags);
  properties [PROP_ACCOUNT] =
    g_param_spec_string ("account", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);

  /**
   * RetractCase:applicant-id-type:
   *
   * The type of the applicant's identity document; see
   * retract_case_get_id_document_type() for its default.
   */
  properties [PROP_APPLICANT_ID_TYPE] =
    g_param_spec_enum ("applicant-id-type", NULL, NULL, RETRACT_TYPE_ID_DOCUMENT_TYPE,
                       RETRACT_ID_DOCUMENT_MAINLAND_ID, flags);
  properties [PROP_GUARDIAN_ID_TYPE] =
    g_param_spec_enum ("guardian-id-type", NULL, NULL, RETRACT_TYPE_ID_DOCUMENT_TYPE,
                       RETRACT_ID_DOCUMENT_MAINLAND_ID, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RetractCase::materials-changed:
   *
   * A material was ticked, unticked, attached or detached.
   */
  signals [MATERIALS_CHANGED] =
    g_signal_new ("materials-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RetractCase::events-changed:
   *
   * An event was added to the timeline or taken out of it.
   */
  signals [EVENTS_CHANGED] =
    g_signal_new ("events-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
retract_case_init (RetractCase *self)
{
  self->mistake = g_strdup (RETRACT_DEFAULT_MISTAKE);
  self->scenarios = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->materials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           _retract_case_material_free);
  self->account = g_strdup ("");
  for (guint i = 0; i < RETRACT_N_ID_HOLDERS; i++)
    self->id_types[i] = -1;
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_case_event_free);
  _retract_case_set_identity (self, NULL, NULL);
}

RetractCase *
retract_case_new (void)
{
  return g_object_new (RETRACT_TYPE_CASE, NULL);
}

const char *
retract_case_get_platform (RetractCase *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  return self->platform;
}

void
retract_case_set_platform (RetractCase *self,
                           const char  *platform)
{
  g_return_if_fail (RETRACT_IS_CASE (self));

  set_text (self, &self->platform, platform, PROP_PLATFORM);
}

const char *
retract_case_get_complaint_type (RetractCase *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  return self->complaint_type;
}

void
retract_case_set_complaint_type (RetractCase *self,
                                 const char  *complaint_type)
{
  g_return_if_fail (RETRACT_IS_CASE (self));

  set_text (self, &self->complaint_type, complaint_type, PROP_COMPLAINT_TYPE);
}

/**
 * retract_case_get_filed_at:
 *
 * Returns: (transfer none) (nullable): when the complaint was filed
 */
GDateTime *
retract_case_get_filed_at (RetractCase *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  return self->filed_at;
}

void
retract_case_set_filed_at (RetractCase *self,
                           GDateTime   *filed_at)
{
  g_return_if_fail (RETRACT_IS_CASE (self));

  if (self->filed_at == filed_at ||
      (self->filed_at != NULL && filed_at != NULL && g_date_time_equal (self->filed_at, filed_at)))
    return;

  g_clear_pointer (&self->filed_at, g_date_time_unref);
  if (filed_at != NULL)
    self->filed_at = g_date_time_ref (filed_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILED_AT]);
}

const char *
retract_case_get_mistake (RetractCase *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  return self->mistake;
}

void
retract_case_set_mistake (RetractCase *self,
                          const char  *mistake)
{
  g_return_if_fail (RETRACT_IS_CASE (self));

  if (mistake == NULL || *mistake == '\0')
    mistake = RETRACT_DEFAULT_MISTAKE;
  set_text (self, &self->mistake, mistake, PROP_MISTAKE);
}

/**
 * retract_case_get_scenarios:
 *
 * Returns: (transfer none): the special circumstances, in the order chosen
 */
const char * const *
retract_case_get_scenarios (RetractCase *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  return (const char * const *) self->scenarios->pdata;
}

void
retract_case_set_scenarios (RetractCase        *self,
                            const char * const *scenarios)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  gboolean changed;

  g_return_if_fail (RETRACT_IS_CASE (self));

  for (guint i = 0; scenarios != NULL && scenarios[i] != NULL; i++)
    if (*scenarios[i] != '\0' &&
        !g_strv_contains ((const char * const *) chosen->pdata, scenarios[i]))
      g_ptr_array_add (chosen, g_strdup (scenarios[i]));

  changed = !g_strv_equal ((const char * const *) chosen->pdata,
                           (const char * const *) self->scenarios->pdata);
  if (!changed)
    return;

  g_ptr_array_unref (self->scenarios);
  self->scenarios = g_steal_pointer (&chosen);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCENARIOS]);
}

gboolean
retract_case_has_scenario (RetractCase *self,
                           const char  *scenario)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), FALSE);
  g_return_val_if_fail (scenario != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->scenarios->pdata, scenario);
}

void
retract_case_set_scenario_enabled (RetractCase *self,
                                   const char  *scenario,
                                   gboolean     enabled)
{
  g_return_if_fail (RETRACT_IS_CASE (self));
  g_return_if_fail (scenario != NULL && *scenario != '\0');

  if (retract_case_has_scenario (self, scenario) == !!enabled)
    return;

  if (enabled)
    {
      g_ptr_array_add (self->scenarios, g_strdup (scenario));
    }
  else
    {
      for (guint i = 0; i < self->scenarios->len; i++)
        if (g_str_equal (g_ptr_array_index (self->scenarios, i), scenario))
          {
            g_ptr_array_remove_index (self->scenarios, i);
            break;
          }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCENARIOS]);
}

int
retract_case_get_withdrawals_this_month (RetractCase *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), 0);
  return self->withdrawals_this_month;
}

void
retract_case_set_withdrawals_this_month (RetractCase *self,
                                         int          withdrawals)
{
  g_return_if_fail (RETRACT_IS_CASE (self));
  g_return_if_fail (withdrawals >= 0);

  if (self->withdrawals_this_month == withdrawals)
    return;

  self->withdrawals_this_month = withdrawals;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WITHDRAWALS_THIS_MONTH]);
}

gboolean
retract_case_get_other_party_loss (RetractCase *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), FALSE);
  return self->other_party_loss;
}

void
retract_case_set_other_party_loss (RetractCase *self,
                                   gboolean     other_party_loss)
{
  g_return_if_fail (RETRACT_IS_CASE (self));

  other_party_loss = !!other_party_loss;
  if (self->other_party_loss == other_party_loss)
    return;

  self->other_party_loss = other_party_loss;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OTHER_PARTY_LOSS]);
}

/**
 * retract_case_get_detail:
 *
 * Returns: (transfer none) (nullable): the answer, or %NULL if not given
 */
const char *
retract_case_get_detail (RetractCase   *self,
                         RetractDetail  detail)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  g_return_val_if_fail (detail < RETRACT_N_DETAILS, NULL);

  return self->details[detail];
}

void
retract_case_set_detail (RetractCase   *self,
                         RetractDetail  detail,
                         const char    *value)
{
  g_return_if_fail (RETRACT_IS_CASE (self));
  g_return_if_fail (detail < RETRACT_N_DETAILS);

  /* A value typed now no longer comes from a place in a file. */
  if (g_strcmp0 (self->details[detail], value) != 0)
    g_clear_pointer (&self->detail_origins[detail], g_free);
  set_text (self, &self->details[detail], value, PROP_FIRST_DETAIL + detail);

  /* A number is typed as a document of some type: the default of the
   * moment becomes the choice, so that turning the cross-border scenario on
   * or off later does not change how a number already given is read (and
   * the file, which names the type, says the same). */
  for (guint holder = 0; holder < RETRACT_N_ID_HOLDERS; holder++)
    if (detail == retract_id_holder_get_number_detail (holder) && self->details[detail] != NULL &&
        self->id_types[holder] < 0)
      self->id_types[holder] = (int) retract_case_get_id_document_type (self, holder);
}

/**
 * retract_case_get_step:
 *
 * Returns: (transfer none) (nullable): the wizard step to resume at
 */
const char *
retract_case_get_step (RetractCase *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  return self->step;
}

void
retract_case_set_step (RetractCase *self,
                       const char  *step)
{
  g_return_if_fail (RETRACT_IS_CASE (self));

  set_text (self, &self->step, step, PROP_STEP);
}

/* The type of @holder's document moved: its property, and the number's,
 * which is now read by the new type's rule (retract-case-id.c). */
void
_retract_case_notify_id_type (RetractCase     *self,
                              RetractIdHolder  holder)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [ID_TYPE_PROP (holder)]);
  g_object_notify_by_pspec (G_OBJECT (self),
                            properties [PROP_FIRST_DETAIL +
                                        retract_id_holder_get_number_detail (holder)]);
}
