/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A case's light copy: what the case library's index keeps of it
 * (retract-store-index.c), made from a case and read back from the index.
 * The index is written by _retract_case_to_json_node() (retract-case-file.c),
 * the case file's own writer, so that there is one writer of a case. */

#define G_LOG_DOMAIN "retract-case"

#include "config.h"

#include "retract-case-private.h"
#include "retract-time.h"
#include "retract-validators.h"

/**
 * _retract_case_new_light:
 *
 * What the case library's index keeps of a case (retract-store-index.c):
 * all the next step, the counts and the assessment need, and the complaint
 * number that names the case in the list; nothing personal to the
 * applicant: no name, ID, phone, narrative, reason, materials nor step.
 *
 * Returns: (transfer full): a copy of @self without those
 */
RetractCase *
_retract_case_new_light (RetractCase *self)
{
  RetractCase *light;

  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);

  light = retract_case_new ();
  _retract_case_set_identity (light, self->id, self->created_at);
  g_free (light->account);
  light->account = g_strdup (self->account);
  _retract_case_replace_string (&light->platform, self->platform);
  _retract_case_replace_string (&light->complaint_type, self->complaint_type);
  if (self->filed_at != NULL)
    light->filed_at = g_date_time_ref (self->filed_at);
  _retract_case_replace_string (&light->mistake, self->mistake);
  for (guint i = 0; i < self->scenarios->len; i++)
    g_ptr_array_add (light->scenarios, g_strdup (g_ptr_array_index (self->scenarios, i)));
  light->withdrawals_this_month = self->withdrawals_this_month;
  light->other_party_loss = self->other_party_loss;
  _retract_case_replace_string (&light->details[RETRACT_DETAIL_COMPLAINT_NUMBER],
                                self->details[RETRACT_DETAIL_COMPLAINT_NUMBER]);
  for (guint i = 0; i < self->events->len; i++)
    {
      RetractCaseEvent *event = retract_case_event_copy (g_ptr_array_index (self->events, i));

      /* The user's own words stay in the case file: the counts and the next
       * step need only what happened, through which channel and when. */
      g_clear_pointer (&event->reference, g_free);
      g_clear_pointer (&event->note, g_free);
      g_ptr_array_add (light->events, event);
    }
  if (self->updated_at != NULL)
    light->updated_at = g_date_time_ref (self->updated_at);
  light->revision = self->revision;
  light->loaded_format = self->loaded_format;

  return light;
}

static gboolean
light_string (JsonObject  *object,
              const char  *key,
              gboolean     required,
              const char **value)
{
  JsonNode *node = json_object_get_member (object, key);

  *value = NULL;
  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  *value = json_node_get_string (node);
  return retract_validate_characters (*value, FALSE, NULL);
}

static gboolean
light_int (JsonObject *object,
           const char *key,
           gint64      maximum,
           gint64     *value)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_int (node);
  return *value >= 0 && *value <= maximum;
}

static GDateTime *
light_time (JsonObject *object,
            const char *key)
{
  const char *text;

  if (!light_string (object, key, TRUE, &text))
    return NULL;
  return retract_time_parse (text, NULL);
}

static RetractCaseEvent *
light_event (JsonNode  *node,
             GDateTime *filed_at)
{
  g_autoptr(RetractCaseEvent) event = NULL;
  g_autoptr(GDateTime) at = NULL;
  const char *kind_id, *outcome_id, *channel, *reference, *note = NULL;
  RetractEventKind kind;
  RetractEventOutcome outcome = RETRACT_OUTCOME_NONE;
  JsonObject *object;
  JsonNode *note_node;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  note_node = json_object_get_member (object, "note");

  if (!light_string (object, "kind", TRUE, &kind_id) ||
      !retract_event_kind_from_id (kind_id, &kind) ||
      (at = light_time (object, "at")) == NULL ||
      !light_string (object, "channel", FALSE, &channel) ||
      !light_string (object, "reference", FALSE, &reference) ||
      !light_string (object, "outcome", FALSE, &outcome_id) ||
      (outcome_id != NULL && !retract_event_outcome_from_id (outcome_id, &outcome)))
    return NULL;

  /* A note may hold several lines: check_shape() below says whether it may. */
  if (note_node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (note_node) ||
          json_node_get_value_type (note_node) != G_TYPE_STRING)
        return NULL;
      note = json_node_get_string (note_node);
    }

  event = retract_case_event_new (kind, at);
  event->channel = g_strdup (channel);
  event->reference = g_strdup (reference);
  event->outcome = outcome;
  event->note = g_strdup (note);
  if (!retract_case_event_check_shape (event, NULL, filed_at, NULL))
    return NULL;

  return g_steal_pointer (&event);
}

/**
 * _retract_case_new_light_from_json:
 * @object: a light copy as _retract_case_to_json_node() wrote it
 *
 * Reads a light copy back from the case library's index
 * (retract-store-index.c): a cache the app wrote, read without building a
 * document per case (that is most of a listing's time), yet every text is
 * checked as the case file's loader checks it, and anything unexpected
 * refuses the copy, so that the case file is read instead.
 *
 * Returns: (transfer full) (nullable): the light copy
 */
RetractCase *
_retract_case_new_light_from_json (JsonObject *object)
{
  g_autoptr(RetractCase) self = retract_case_new ();
  g_autoptr(GDateTime) created_at = NULL;
  const char *id, *account, *platform, *type, *filed_at, *mistake, *number;
  JsonNode *node;
  gint64 format, revision, withdrawals;

  if (!light_int (object, "format", G_MAXINT, &format) || format != RETRACT_CASE_FORMAT ||
      !light_string (object, "id", TRUE, &id) || !retract_case_id_is_valid (id) ||
      !light_string (object, "account", TRUE, &account) ||
      !retract_case_set_account (self, account, NULL) ||
      (created_at = light_time (object, "created_at")) == NULL ||
      (self->updated_at = light_time (object, "updated_at")) == NULL ||
      !light_int (object, "revision", G_MAXINT64 - 1, &revision) ||
      !light_string (object, "platform", FALSE, &platform) ||
      !light_string (object, "type", FALSE, &type) ||
      !light_string (object, "filed_at", FALSE, &filed_at) ||
      !light_string (object, "mistake", FALSE, &mistake) ||
      !light_string (object, "complaint_number", FALSE, &number) ||
      (number != NULL && !retract_validate_complaint_number (number, NULL)) ||
      !light_int (object, "withdrawals_this_month", RETRACT_CASE_MAX_WITHDRAWALS, &withdrawals))
    return NULL;

  _retract_case_set_identity (self, id, created_at);
  self->revision = (guint64) revision;
  self->loaded_format = RETRACT_CASE_FORMAT;
  _retract_case_replace_string (&self->platform, platform);
  _retract_case_replace_string (&self->complaint_type, type);
  if (mistake != NULL)
    _retract_case_replace_string (&self->mistake, mistake);
  self->withdrawals_this_month = (int) withdrawals;
  _retract_case_replace_string (&self->details[RETRACT_DETAIL_COMPLAINT_NUMBER], number);
  if (filed_at != NULL && (self->filed_at = retract_time_parse (filed_at, NULL)) == NULL)
    return NULL;

  node = json_object_get_member (object, "other_party_loss");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return NULL;
  self->other_party_loss = json_node_get_boolean (node);

  node = json_object_get_member (object, "scenarios");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);
      const char *scenario;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return NULL;
      scenario = json_node_get_string (element);
      if (*scenario == '\0' || !retract_validate_characters (scenario, FALSE, NULL) ||
          retract_case_has_scenario (self, scenario))
        return NULL;
      g_ptr_array_add (self->scenarios, g_strdup (scenario));
    }

  node = json_object_get_member (object, "events");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      RetractCaseEvent *event = light_event (json_array_get_element (json_node_get_array (node), i),
                                             self->filed_at);

      if (event == NULL)
        return NULL;
      retract_case_add_event (self, event);
    }

  return g_steal_pointer (&self);
}
