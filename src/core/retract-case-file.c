/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The case's versioned JSON file, read as strictly as the rules dataset
 * (retract-case-file-write.c writes it; retract-case-file-details.c reads
 * and writes the letter's details). */

#define G_LOG_DOMAIN "retract-case"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "retract-case-private.h"
#include "retract-case-fields-private.h"
#include "retract-error.h"
#include "retract-file.h"
#include "retract-json-document.h"
#include "retract-text.h"
#include "retract-time.h"
#include "retract-validators.h"

#define MAX_DEPTH 8

static const RetractJsonLimits case_limits = { RETRACT_CASE_MAX_BYTES, MAX_DEPTH };

static gboolean
load_scenarios (RetractJsonDocument *doc,
                JsonObject          *root,
                RetractCase         *self,
                GError             **error)
{
  JsonArray *scenarios = NULL;

  if (!retract_json_document_read_array (doc, root, "$", "scenarios",
                                         RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE,
                                         &scenarios, error))
    return FALSE;

  for (guint i = 0; scenarios != NULL && i < json_array_get_length (scenarios); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.scenarios[%u]", i);
      JsonNode *node = json_array_get_element (scenarios, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          *json_node_get_string (node) == '\0')
        {
          retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_WRONG_TYPE, path,
                                           _("expected a scenario id"));
          return FALSE;
        }

      id = json_node_get_string (node);
      if (retract_case_has_scenario (self, id))
        {
          retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                           _("scenario “%s” is listed twice"), id);
          return FALSE;
        }
      g_ptr_array_add (self->scenarios, g_strdup (id));
    }

  return TRUE;
}

static gboolean
load_materials (RetractJsonDocument *doc,
                JsonObject          *root,
                RetractCase         *self,
                GError             **error)
{
  static const char * const keys[] = { "ready", "attachment", NULL };
  g_autoptr(GList) members = NULL;
  JsonObject *materials = NULL;

  if (!retract_json_document_read_object (doc, root, "$", "materials",
                                          RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE,
                                          &materials, error))
    return FALSE;
  if (materials == NULL)
    return TRUE;

  members = json_object_get_members (materials);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *path = retract_json_path_member ("$.materials", l->data);
      g_autoptr(GError) local_error = NULL;
      JsonObject *entry;
      const char *attachment = NULL;
      gboolean ready = FALSE;

      entry = retract_json_document_expect_object (doc, json_object_get_member (materials,
                                                                                l->data),
                                                    path, error);
      if (entry == NULL ||
          !retract_json_document_check_keys (doc, entry, path, keys, error) ||
          !retract_json_document_read_bool (doc, entry, path, "ready", RETRACT_JSON_OPTIONAL,
                                            &ready, error) ||
          !retract_json_document_read_string (doc, entry, path, "attachment",
                                              RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE |
                                              RETRACT_JSON_NONEMPTY, &attachment, error))
        return FALSE;

      retract_case_set_material_ready (self, l->data, ready);
      if (!retract_case_set_material_attachment (self, l->data, attachment, &local_error))
        {
          retract_json_document_set_member_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                                  "attachment", "%s", local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

/* The error of retract_case_event_check_shape() at the member it is about. */
static const char *
event_error_key (const GError *error)
{
  switch (error->code)
    {
    case RETRACT_EVENT_ERROR_KIND:
      return "kind";
    case RETRACT_EVENT_ERROR_CHANNEL:
      return "channel";
    case RETRACT_EVENT_ERROR_AT:
      return "at";
    case RETRACT_EVENT_ERROR_OUTCOME:
      return "outcome";
    case RETRACT_EVENT_ERROR_REFERENCE:
      return "reference";
    case RETRACT_EVENT_ERROR_NOTE:
    default:
      return "note";
    }
}

/* One event of the timeline, held to the rule for a logged event except
 * "not in the future": it may have been logged by a clock that was ahead. */
static RetractCaseEvent *
load_event (RetractJsonDocument *doc,
            JsonNode            *node,
            const char          *path,
            GDateTime           *filed_at,
            GError             **error)
{
  static const char * const keys[] = {
    "kind", "at", "channel", "reference", "outcome", "note", NULL
  };
  const RetractJsonFlags text_flags = RETRACT_JSON_OPTIONAL | RETRACT_JSON_NONEMPTY;
  g_autoptr(RetractCaseEvent) event = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GError) check_error = NULL;
  const char *kind_id = NULL, *channel = NULL, *reference = NULL, *outcome_id = NULL;
  const char *note = NULL;
  RetractEventKind kind;
  RetractEventOutcome outcome = RETRACT_OUTCOME_NONE;
  JsonObject *object;

  object = retract_json_document_expect_object (doc, node, path, error);
  if (object == NULL ||
      !retract_json_document_check_keys (doc, object, path, keys, error) ||
      !retract_json_document_read_string (doc, object, path, "kind", RETRACT_JSON_REQUIRED,
                                          &kind_id, error) ||
      !retract_json_document_read_time (doc, object, path, "at", RETRACT_JSON_REQUIRED, &at,
                                        error) ||
      !retract_json_document_read_string (doc, object, path, "channel", text_flags, &channel,
                                          error) ||
      !retract_json_document_read_string (doc, object, path, "reference", text_flags,
                                          &reference, error) ||
      !retract_json_document_read_string (doc, object, path, "outcome", text_flags,
                                          &outcome_id, error) ||
      !retract_json_document_read_string (doc, object, path, "note", text_flags, &note, error))
    return NULL;

  if (!retract_event_kind_from_id (kind_id, &kind))
    {
      retract_json_document_set_member_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                              "kind",
                                              /* Translators: %s is what the file says instead */
                                              _("unknown event kind “%s”; expected one of: "
                                                "submitted, reply, resolved, abandoned, "
                                                "reopened, note"), kind_id);
      return NULL;
    }

  if (outcome_id != NULL && !retract_event_outcome_from_id (outcome_id, &outcome))
    {
      retract_json_document_set_member_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                              "outcome",
                                              /* Translators: %s is what the file says instead */
                                              _("unknown outcome “%s”; expected one of: "
                                                "withdrawn, refused, more-materials, other"),
                                              outcome_id);
      return NULL;
    }

  event = retract_case_event_new (kind, at);
  event->channel = g_strdup (channel);
  event->reference = g_strdup (reference);
  event->outcome = outcome;
  event->note = g_strdup (note);

  /* No dataset here: a channel only has to look like an id. */
  if (!retract_case_event_check_shape (event, NULL, filed_at, &check_error))
    {
      retract_json_document_set_member_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                              event_error_key (check_error), "%s",
                                              check_error->message);
      return NULL;
    }

  return g_steal_pointer (&event);
}

/* Format 2: what makes the case one of several (retract-case-history.c). */
static gboolean
load_history (RetractJsonDocument *doc,
              JsonObject          *root,
              RetractCase         *self,
              GError             **error)
{
  g_autoptr(GDateTime) created_at = NULL;
  g_autoptr(GDateTime) updated_at = NULL;
  g_autoptr(GError) account_error = NULL;
  const char *id = NULL, *account = NULL;
  JsonArray *events = NULL;
  gint64 revision = 0;

  if (!retract_json_document_read_string (doc, root, "$", "id", RETRACT_JSON_REQUIRED, &id,
                                          error))
    return FALSE;

  if (!retract_case_id_is_valid (id))
    {
      retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE, "$.id",
                                       _("expected 32 lowercase hexadecimal digits"));
      return FALSE;
    }

  if (!retract_json_document_read_string (doc, root, "$", "account", RETRACT_JSON_REQUIRED,
                                          &account, error) ||
      !retract_json_document_read_time (doc, root, "$", "created_at", RETRACT_JSON_REQUIRED,
                                        &created_at, error) ||
      !retract_json_document_read_time (doc, root, "$", "updated_at", RETRACT_JSON_REQUIRED,
                                        &updated_at, error) ||
      !retract_json_document_read_int (doc, root, "$", "revision", RETRACT_JSON_REQUIRED,
                                       0, G_MAXINT64 - 1, &revision, error) ||
      !retract_json_document_read_array (doc, root, "$", "events", RETRACT_JSON_REQUIRED,
                                         &events, error))
    return FALSE;

  if (!retract_case_set_account (self, account, &account_error))
    {
      retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE, "$.account",
                                       "%s", account_error->message);
      return FALSE;
    }

  _retract_case_set_identity (self, id, created_at);
  self->updated_at = g_date_time_to_timezone (updated_at, retract_time_zone ());
  self->revision = (guint64) revision;

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      g_autofree char *path = retract_json_path_element ("$.events", i);
      RetractCaseEvent *event = load_event (doc, json_array_get_element (events, i), path,
                                            self->filed_at, error);

      if (event == NULL)
        return FALSE;
      retract_case_add_event (self, event);
    }

  return TRUE;
}

static gboolean
load_case (RetractJsonDocument *doc,
           RetractCase         *self,
           GError             **error)
{
  static const char * const keys_before_1[] = {
    "format", "platform", "type", "filed_at", "mistake", "scenarios", "withdrawals_this_month",
    "other_party_loss", "applicant", "guardian", "enterprise", NULL
  };
  static const char * const keys_before_2[] = {
    "format", "id", "account", "created_at", "updated_at", "revision", "platform", "type",
    "filed_at", "mistake", "scenarios", "withdrawals_this_month", "other_party_loss",
    "applicant", "guardian", "enterprise", NULL
  };
  static const char * const keys_after_1[] = { "materials", "step", NULL };
  static const char * const keys_after_2[] = { "materials", "step", "events", NULL };
  g_auto(GStrv) keys = NULL;
  g_autoptr(GPtrArray) multiline_paths = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  JsonObject *root;
  JsonNode *events;
  const char *platform = NULL, *type = NULL, *filed_at = NULL, *mistake = NULL, *step = NULL;
  gint64 format, withdrawals = 0;
  gboolean other_party_loss = FALSE;

  root = retract_json_document_expect_object (doc, retract_json_document_get_root (doc), "$",
                                              error);
  if (root == NULL ||
      !retract_json_document_read_int (doc, root, "$", "format", RETRACT_JSON_REQUIRED,
                                       1, G_MAXINT, &format, error))
    return FALSE;

  if (format > RETRACT_CASE_FORMAT)
    {
      retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_UNSUPPORTED, "$.format",
                                       _("this case was saved by a newer version of Retract "
                                         "(format %d; this version reads format %d)"),
                                       (int) format, RETRACT_CASE_FORMAT);
      return FALSE;
    }

  /* Format 1 is the single case.json of before: read for its migration and
   * for `assess --case` and `letter --case`, with the keys it had and the
   * guardian and enterprise, which a case written by hand may have. */
  keys = format == 1 ? _retract_case_detail_keys (NULL, keys_before_1, keys_after_1)
                     : _retract_case_detail_keys (NULL, keys_before_2, keys_after_2);
  self->loaded_format = (guint) format;

  /* Every text is checked before anything repeats it in a message; only the
   * multiline fields (the narrative, the reason, the events' notes) may hold
   * several lines. */
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    if (retract_case_field (i)->multiline)
      g_ptr_array_add (multiline_paths, g_strconcat ("$.", retract_case_field (i)->field, NULL));
  events = json_object_get_member (root, "events");
  if (events != NULL && JSON_NODE_HOLDS_ARRAY (events))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (events)); i++)
      g_ptr_array_add (multiline_paths, g_strdup_printf ("$.events[%u].note", i));

  if (!retract_text_check_document (doc, (const char * const *) multiline_paths->pdata, error) ||
      !retract_json_document_check_keys (doc, root, "$", (const char * const *) keys, error) ||
      !retract_json_document_read_string (doc, root, "$", "platform",
                                          RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE,
                                          &platform, error) ||
      !retract_json_document_read_string (doc, root, "$", "type",
                                          RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE, &type,
                                          error) ||
      !retract_json_document_read_string (doc, root, "$", "filed_at",
                                          RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE,
                                          &filed_at, error) ||
      !retract_json_document_read_string (doc, root, "$", "mistake",
                                          RETRACT_JSON_OPTIONAL | RETRACT_JSON_NONEMPTY,
                                          &mistake, error) ||
      !load_scenarios (doc, root, self, error) ||
      !retract_json_document_read_int (doc, root, "$", "withdrawals_this_month",
                                       RETRACT_JSON_OPTIONAL, 0, RETRACT_CASE_MAX_WITHDRAWALS,
                                       &withdrawals, error) ||
      !retract_json_document_read_bool (doc, root, "$", "other_party_loss",
                                        RETRACT_JSON_OPTIONAL, &other_party_loss, error) ||
      !_retract_case_load_details (doc, root, self, error) ||
      !load_materials (doc, root, self, error) ||
      !retract_json_document_read_string (doc, root, "$", "step",
                                          RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE, &step,
                                          error))
    return FALSE;

  _retract_case_replace_string (&self->step, step);

  if (filed_at != NULL)
    {
      g_autoptr(GError) time_error = NULL;

      self->filed_at = retract_time_parse (filed_at, &time_error);
      if (self->filed_at == NULL)
        {
          retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                           "$.filed_at", "%s", time_error->message);
          return FALSE;
        }
    }

  _retract_case_replace_string (&self->platform, platform);
  _retract_case_replace_string (&self->complaint_type, type);
  if (mistake != NULL)
    _retract_case_replace_string (&self->mistake, mistake);
  self->withdrawals_this_month = (int) withdrawals;
  self->other_party_loss = other_party_loss;

  if (format >= 2 && !load_history (doc, root, self, error))
    return FALSE;

  return TRUE;
}

/* The case in @doc, or %NULL if @doc could not be opened (@error is set then)
 * or the case in it is refused. */
static RetractCase *
case_from_document (RetractJsonDocument *doc,
                    GError             **error)
{
  g_autoptr(RetractCase) self = NULL;

  if (doc == NULL)
    return NULL;

  self = retract_case_new ();
  if (!load_case (doc, self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * retract_case_new_from_bytes:
 * @display_name: how to name the file in messages
 *
 * Reads a case file as strictly as the rules dataset: unknown keys, wrong
 * types and out-of-range numbers are refused with their place.
 *
 * Returns: (transfer full) (nullable): the case
 */
RetractCase *
retract_case_new_from_bytes (GBytes     *bytes,
                             const char *display_name,
                             GError    **error)
{
  g_autoptr(RetractJsonDocument) doc = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  doc = retract_json_document_new_from_bytes (bytes, display_name, &case_limits, error);
  return case_from_document (doc, error);
}

/**
 * retract_case_new_from_file:
 *
 * Returns: (transfer full) (nullable): the case saved at @path
 */
RetractCase *
retract_case_new_from_file (const char *path,
                            GError    **error)
{
  g_autoptr(RetractJsonDocument) doc = NULL;
  g_autoptr(RetractCase) self = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  doc = retract_json_document_new_from_file (path, &case_limits, error);
  self = case_from_document (doc, error);

  /* A case of format 1 was started, at the latest, when it was last written. */
  if (self != NULL && self->loaded_format == 1 && g_stat (path, &st) == 0)
    {
      g_autoptr(GDateTime) modified = g_date_time_new_from_unix_utc (st.st_mtime);

      if (modified != NULL)
        _retract_case_set_identity (self, self->id, modified);
    }

  return g_steal_pointer (&self);
}
