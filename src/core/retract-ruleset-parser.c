/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The loader of the rules dataset. Every object of the dataset is described
 * once, by a table of fields (key, kind, flags, limits, where it is stored);
 * the same table gives the object's allowed keys, so an unknown key is refused
 * and no key is named twice. What a table cannot say (a window that depends on
 * another field, a date, a link) is a check function next to the table.
 * $.meta is read by retract-ruleset-meta.c, $.calendar by
 * retract-ruleset-calendar.c, the fields themselves by retract-ruleset-fields.c. */

#define G_LOG_DOMAIN "retract-ruleset"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-error.h"
#include "retract-ruleset-private.h"
#include "retract-text.h"

/* ---- the dataset's objects, from the innermost out ---- */

static gboolean
check_section (Parser     *parser,
               JsonObject *object,
               const char *path,
               gpointer    record,
               GError    **error)
{
  RetractSection *section = record;

  if (retract_ruleset_lookup_section (parser->rules, section->id) == NULL)
    return TRUE;

  retract_json_document_set_member_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                          "id", _("section %d is listed twice"),
                                          (int) section->id);
  return FALSE;
}

static const Field section_fields[] = {
  { "id", FIELD_UINT, REQ, 1, MAX_SECTION, AT (RetractSection, id) },
  { "title", FIELD_TEXT, REQ, 0, 0, AT (RetractSection, title) },
};
static const RecordSpec section_spec = SPEC (section_fields, RetractSection, check_section);

static const Field material_fields[] = {
  { "id", FIELD_ID, REQ, 0, 0, AT (RetractMaterial, id) },
  { "name", FIELD_TEXT, REQ, 0, 0, AT (RetractMaterial, name) },
  { "applies", FIELD_TEXT, REQ, 0, 0, AT (RetractMaterial, applies) },
  { "format", FIELD_TEXT, REQ, 0, 0, AT (RetractMaterial, format) },
  { "requirements", FIELD_TEXTS, REQ, 0, 0, AT (RetractMaterial, requirements) },
  { "section", FIELD_SECTION, REQ, 0, 0, AT (RetractMaterial, section) },
};
static const RecordSpec material_spec =
  SPEC (material_fields, RetractMaterial, NULL, TRUE, RETRACT_RECORD_MATERIAL,
        NC_("record", "material"));

static const Field warning_fields[] = {
  { "id", FIELD_ID, REQ, 0, 0, AT (RetractWarning, id) },
  { "text", FIELD_TEXT, REQ, 0, 0, AT (RetractWarning, text) },
  { "threshold", FIELD_INT, OPT, 1, 1000, AT (RetractWarning, threshold) },
  { "section", FIELD_SECTION, OPT, 0, 0, AT (RetractWarning, section) },
};
static const RecordSpec warning_spec =
  SPEC (warning_fields, RetractWarning, NULL, TRUE, RETRACT_RECORD_WARNING,
        NC_("record", "warning"));

/* Channels name no spec: they are checked with the platform they serve,
 * retract-ruleset-check.c. */
static const Field platform_channel_fields[] = {
  { "auto-review", FIELD_IDS, FULL, 0, 0,
    AT (RetractPlatform, channels[RETRACT_STAGE_AUTO_REVIEW]) },
  { "manual-review", FIELD_IDS, FULL, 0, 0,
    AT (RetractPlatform, channels[RETRACT_STAGE_MANUAL_REVIEW]) },
  { "processed", FIELD_IDS, FULL, 0, 0, AT (RetractPlatform, channels[RETRACT_STAGE_PROCESSED]) },
};
static const RecordSpec platform_channel_spec =
  SPEC (platform_channel_fields, RetractPlatform, NULL);

static const Field platform_fields[] = {
  { "id", FIELD_ID, REQ, 0, 0, AT (RetractPlatform, id) },
  { "name", FIELD_TEXT, REQ, 0, 0, AT (RetractPlatform, name) },
  { "required_materials", FIELD_IDS, REQ, 0, 0, AT (RetractPlatform, required_materials),
    &material_spec },
  { "channels", FIELD_OBJECT, REQ, 0, 0, 0, &platform_channel_spec },
  { "section", FIELD_SECTION, REQ, 0, 0, AT (RetractPlatform, section) },
};
const RecordSpec retract_ruleset_platform_spec =
  SPEC (platform_fields, RetractPlatform, NULL, TRUE, RETRACT_RECORD_PLATFORM,
        NC_("record", "platform"));

typedef struct
{
  guint hours;
  guint working_days;
} Window;

static const Field window_fields[] = {
  { "hours", FIELD_UINT, OPT, 1, 24 * 366, AT (Window, hours) },
  { "working_days", FIELD_UINT, OPT, 1, 60, AT (Window, working_days) },
};
static const RecordSpec window_spec = SPEC (window_fields, Window, NULL);

static gboolean
read_window (Parser      *parser,
             JsonObject  *object,
             const char  *path,
             const Field *field,
             gpointer     record,
             GError     **error)
{
  RetractComplaintType *type = record;
  g_autofree char *window_path = retract_json_path_member (path, field->key);
  JsonObject *nested = NULL;
  Window window = { 0, 0 };

  type->window_unit = RETRACT_WINDOW_NONE;
  if (!retract_json_document_read_object (parser->doc, object, path, field->key, field->flags,
                                          &nested, error))
    return FALSE;

  if (nested == NULL)
    {
      if (!type->withdrawable)
        return TRUE;
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_MISSING, path,
                                       _("a withdrawable type needs a “window”"));
      return FALSE;
    }

  if (!type->withdrawable)
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                       window_path,
                                       _("a type that cannot be withdrawn has no window"));
      return FALSE;
    }

  if (!retract_ruleset_read_fields (parser, &window_spec, nested, window_path, 0, &window,
                                    error))
    return FALSE;

  if ((window.hours > 0) == (window.working_days > 0))
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                       window_path,
                                       _("give exactly one of “hours” and “working_days”"));
      return FALSE;
    }

  type->window_unit = window.hours > 0 ? RETRACT_WINDOW_HOURS : RETRACT_WINDOW_WORKING_DAYS;
  type->window_amount = window.hours > 0 ? window.hours : window.working_days;
  return TRUE;
}

static gboolean
check_type (Parser     *parser,
            JsonObject *object,
            const char *path,
            gpointer    record,
            GError    **error)
{
  RetractComplaintType *type = record;
  const char *rating = type->success_rating;

  if ((type->withdrawable &&
       !retract_ruleset_require_member (parser, object, path, "window_text", error)) ||
      (rating != NULL &&
       !retract_ruleset_require_member (parser, object, path, "success_stars", error)))
    return FALSE;

  if (rating != NULL)
    {
      int filled = 0;

      for (const char *p = rating; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == 0x2605) /* ★ */
            filled++;
          else if (c != 0x2606) /* ☆ */
            {
              retract_json_document_set_member_error (parser->doc, error,
                                                      RETRACT_DATA_ERROR_BAD_VALUE, path,
                                                      "success_rating",
                                                      _("a rating is made of ★ and ☆ only"));
              return FALSE;
            }
        }

      if (filled != type->success_stars)
        {
          retract_json_document_set_member_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                                  path, "success_stars",
                                                  _("%1$d does not match the %2$d filled stars "
                                                    "of the rating"),
                                                  type->success_stars, filled);
          return FALSE;
        }
    }
  else if (type->success_stars >= 0)
    {
      retract_json_document_set_member_error (parser->doc, error, RETRACT_DATA_ERROR_MISSING, path,
                                              "success_stars",
                                              _("stars are given without a “success_rating”"));
      return FALSE;
    }

  if (retract_ruleset_lookup_type (parser->rules, type->platform, type->id) != NULL)
    {
      retract_json_document_set_member_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                              path, "id", _("type “%1$s” is listed twice for %2$s"),
                                              type->id, type->platform);
      return FALSE;
    }

  return TRUE;
}

static const Field type_fields[] = {
  { "id", FIELD_ID, REQ, 0, 0, AT (RetractComplaintType, id) },
  { "platform", FIELD_ID, REQ, 0, 0, AT (RetractComplaintType, platform),
    &retract_ruleset_platform_spec },
  { "name", FIELD_TEXT, REQ, 0, 0, AT (RetractComplaintType, name) },
  { "description", FIELD_TEXT, REQ, 0, 0, AT (RetractComplaintType, description) },
  { "path", FIELD_TEXT, OPT, 0, 0, AT (RetractComplaintType, path) },
  { "withdrawable", FIELD_BOOL, REQ, 0, 0, AT (RetractComplaintType, withdrawable) },
  { "window", FIELD_CUSTOM, OPT, 0, 0, NOT_STORED, NULL, NULL, read_window },
  /* Required of a withdrawable type: check_type() */
  { "window_text", FIELD_TEXT, OPT, 0, 0, AT (RetractComplaintType, window_text) },
  { "short_name", FIELD_TEXT, OPT, 0, 0, AT (RetractComplaintType, short_name) },
  { "success_rating", FIELD_STRING, OPT | FULL, 0, 0, AT (RetractComplaintType, success_rating) },
  { "success_stars", FIELD_INT, OPT, 0, 5, AT (RetractComplaintType, success_stars) },
  { "warnings", FIELD_IDS, REQ, 0, 0, AT (RetractComplaintType, warnings), &warning_spec },
  { "section", FIELD_SECTION, REQ, 0, 0, AT (RetractComplaintType, section) },
};
static const RecordSpec type_spec = SPEC (type_fields, RetractComplaintType, check_type);

static gboolean
read_stage_id (Parser      *parser,
               JsonObject  *object,
               const char  *path,
               const Field *field,
               gpointer     record,
               GError     **error)
{
  RetractStageInfo *info = record;
  g_autofree char *id = NULL;

  if (!retract_ruleset_read_id (parser, object, path, field, &id, error))
    return FALSE;

  if (!retract_stage_from_id (id, &info->stage))
    {
      retract_json_document_set_member_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                              path, field->key,
                                              _("unknown stage “%s”; expected one of: "
                                                "auto-review, manual-review, processed, "
                                                "not-withdrawable"), id);
      return FALSE;
    }

  if (retract_ruleset_get_stage_info (parser->rules, info->stage) != NULL)
    {
      retract_json_document_set_member_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                              path, field->key, _("stage “%s” is listed twice"),
                                              id);
      return FALSE;
    }

  return TRUE;
}

static const Field stage_fields[] = {
  { "id", FIELD_CUSTOM, REQ, 0, 0, NOT_STORED, NULL, NULL, read_stage_id },
  { "name", FIELD_TEXT, REQ, 0, 0, AT (RetractStageInfo, name) },
  { "time_text", FIELD_TEXT, REQ, 0, 0, AT (RetractStageInfo, time_text) },
  { "state", FIELD_TEXT, REQ, 0, 0, AT (RetractStageInfo, state) },
  { "operability", FIELD_TEXT, REQ, 0, 0, AT (RetractStageInfo, operability) },
  { "advice", FIELD_TEXT, REQ, 0, 0, AT (RetractStageInfo, advice) },
  { "withdrawable", FIELD_BOOL, REQ, 0, 0, AT (RetractStageInfo, withdrawable) },
  { "section", FIELD_SECTION, REQ, 0, 0, AT (RetractStageInfo, section) },
};
static const RecordSpec stage_spec = SPEC (stage_fields, RetractStageInfo, NULL);

static gboolean
check_response_time (Parser     *parser,
                     JsonObject *object,
                     const char *path,
                     gpointer    record,
                     GError    **error)
{
  RetractChannel *channel = record;
  gint64 ignored = 0;

  /* The table gives the fixed limits; the lower one of max_hours is min_hours. */
  return channel->response_max_hours >= channel->response_min_hours ||
         retract_json_document_read_int (parser->doc, object, path, "max_hours",
                                         RETRACT_JSON_REQUIRED, channel->response_min_hours,
                                         24 * 30, &ignored, error);
}

static const Field response_time_fields[] = {
  { "min_hours", FIELD_UINT, REQ, 0, 24 * 30, AT (RetractChannel, response_min_hours) },
  { "max_hours", FIELD_UINT, REQ, 0, 24 * 30, AT (RetractChannel, response_max_hours) },
  { "text", FIELD_TEXT, REQ, 0, 0, AT (RetractChannel, response_text) },
};
static const RecordSpec response_time_spec =
  SPEC (response_time_fields, RetractChannel, check_response_time);

static const Field channel_fields[] = {
  { "id", FIELD_ID, REQ, 0, 0, AT (RetractChannel, id) },
  { "platform", FIELD_ID, OPT, 0, 0, AT (RetractChannel, platform),
    &retract_ruleset_platform_spec },
  { "name", FIELD_TEXT, REQ, 0, 0, AT (RetractChannel, name) },
  { "addressee", FIELD_TEXT, REQ, 0, 0, AT (RetractChannel, addressee) },
  { "steps", FIELD_TEXTS, FULL, 0, 0, AT (RetractChannel, steps) },
  { "condition", FIELD_TEXT, OPT, 0, 0, AT (RetractChannel, condition) },
  { "phone", FIELD_STRING, OPT | FULL, 0, 0, AT (RetractChannel, phone) },
  { "url", FIELD_STRING, OPT | FULL, 0, 0, AT (RetractChannel, url), NULL,
    retract_ruleset_check_url },
  { "ticket_subject", FIELD_STRING, OPT | FULL, 0, 0, AT (RetractChannel, ticket_subject) },
  { "message_template", FIELD_STRING, OPT | FULL, 0, 0, AT (RetractChannel, message_template) },
  { "daily_limit", FIELD_UINT, OPT, 1, 100, AT (RetractChannel, daily_limit) },
  { "response_time", FIELD_OBJECT, OPT, 0, 0, 0, &response_time_spec },
  { "urgent", FIELD_BOOL, OPT, 0, 0, AT (RetractChannel, urgent) },
  { "self_service", FIELD_BOOL, REQ, 0, 0, AT (RetractChannel, self_service) },
  { "customer_service", FIELD_BOOL, REQ, 0, 0, AT (RetractChannel, customer_service) },
  { "section", FIELD_SECTION, REQ, 0, 0, AT (RetractChannel, section) },
};
static const RecordSpec channel_spec =
  SPEC (channel_fields, RetractChannel, NULL, TRUE, RETRACT_RECORD_CHANNEL,
        NC_("record", "channel"));

static const Field mistake_fields[] = {
  { "id", FIELD_ID, REQ, 0, 0, AT (RetractMistake, id) },
  { "name", FIELD_TEXT, REQ, 0, 0, AT (RetractMistake, name) },
  { "description", FIELD_TEXT, REQ, 0, 0, AT (RetractMistake, description) },
  { "evidence", FIELD_ID, REQ, 0, 0, AT (RetractMistake, evidence), &material_spec },
  { "section", FIELD_SECTION, REQ, 0, 0, AT (RetractMistake, section) },
};
static const RecordSpec mistake_spec =
  SPEC (mistake_fields, RetractMistake, NULL, TRUE, RETRACT_RECORD_MISTAKE,
        NC_("record", "mistake"));

static const Field replacement_fields[] = {
  { "from", FIELD_ID, REQ, 0, 0, AT (RetractChannelReplacement, from), &channel_spec },
  { "to", FIELD_ID, REQ, 0, 0, AT (RetractChannelReplacement, to), &channel_spec },
};
static const RecordSpec replacement_spec =
  SPEC (replacement_fields, RetractChannelReplacement, NULL);

static const Field deadline_fields[] = {
  { "working_days", FIELD_UINT, REQ, 1, 60, AT (RetractScenario, legal_deadline_working_days) },
};
static const RecordSpec deadline_spec = SPEC (deadline_fields, RetractScenario, NULL);

static gboolean
check_scenario (Parser     *parser,
                JsonObject *object,
                const char *path,
                gpointer    record,
                GError    **error)
{
  RetractScenario *scenario = record;

  if (scenario->not_withdrawable == (scenario->legal_deadline_working_days > 0))
    return TRUE;

  retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                   _("a scenario that makes a complaint not withdrawable "
                                     "gives a “legal_deadline”, and only such a one"));
  return FALSE;
}

static const Field scenario_fields[] = {
  { "id", FIELD_ID, REQ, 0, 0, AT (RetractScenario, id) },
  { "name", FIELD_TEXT, REQ, 0, 0, AT (RetractScenario, name) },
  { "description", FIELD_TEXT, REQ, 0, 0, AT (RetractScenario, description) },
  { "first_channel", FIELD_ID, OPT, 0, 0, AT (RetractScenario, first_channel), &channel_spec },
  { "replaces", FIELD_RECORDS, OPT, 0, 0, AT (RetractScenario, replaces), &replacement_spec },
  { "not_withdrawable", FIELD_BOOL, OPT, 0, 0, AT (RetractScenario, not_withdrawable) },
  { "legal_deadline", FIELD_OBJECT, OPT, 0, 0, 0, &deadline_spec },
  { "materials", FIELD_IDS, REQ, 0, 0, AT (RetractScenario, materials), &material_spec },
  { "section", FIELD_SECTION, REQ, 0, 0, AT (RetractScenario, section) },
};
static const RecordSpec scenario_spec =
  SPEC (scenario_fields, RetractScenario, check_scenario, TRUE, RETRACT_RECORD_SCENARIO,
        NC_("record", "scenario"));

static const Field note_fields[] = {
  { "id", FIELD_ID, OPT, 0, 0, AT (RetractNote, id) },
  { "platform", FIELD_ID, OPT, 0, 0, AT (RetractNote, platform), &retract_ruleset_platform_spec },
  { "text", FIELD_TEXT, REQ, 0, 0, AT (RetractNote, text) },
  { "path", FIELD_TEXT, OPT, 0, 0, AT (RetractNote, path) },
  { "section", FIELD_SECTION, REQ, 0, 0, AT (RetractNote, section) },
};
static const RecordSpec note_spec = SPEC (note_fields, RetractNote, NULL);

static const Field comparison_fields[] = {
  { "platform", FIELD_ID, REQ, 0, 0, AT (RetractComparison, platform),
    &retract_ruleset_platform_spec },
  { "window", FIELD_TEXT, REQ, 0, 0, AT (RetractComparison, window) },
  { "materials", FIELD_TEXT, REQ, 0, 0, AT (RetractComparison, materials) },
  { "characteristics", FIELD_TEXT, REQ, 0, 0, AT (RetractComparison, characteristics) },
  { "section", FIELD_SECTION, REQ, 0, 0, AT (RetractComparison, section) },
};
static const RecordSpec comparison_spec = SPEC (comparison_fields, RetractComparison, NULL);


static const Field review_fields[] = {
  { "auto_review_hours", FIELD_UINT, REQ, 1, 72, AT (RetractRuleset, auto_review_hours) },
  { "section", FIELD_SECTION, REQ, 0, 0, AT (RetractRuleset, review_section) },
};
static const RecordSpec review_spec = SPEC (review_fields, RetractRuleset, NULL);

#define NOTES(key_, kind_) \
  { key_, FIELD_RECORDS, FULL, 0, 0, AT (RetractRuleset, notes[kind_]), &note_spec }

/* In reading order: sections before anything that cites one. */
static const Field root_fields[] = {
  { "meta", FIELD_OBJECT, REQ, 0, 0, 0, &retract_ruleset_meta_spec },
  { "sections", FIELD_RECORDS, FULL, 0, 0, AT (RetractRuleset, sections), &section_spec },
  { "review", FIELD_OBJECT, REQ, 0, 0, 0, &review_spec },
  { "platforms", FIELD_RECORDS, FULL, 0, 0, AT (RetractRuleset, platforms),
    &retract_ruleset_platform_spec },
  { "types", FIELD_RECORDS, FULL, 0, 0, AT (RetractRuleset, types), &type_spec },
  { "stages", FIELD_RECORDS, FULL, 0, 0, AT (RetractRuleset, stages), &stage_spec },
  { "channels", FIELD_RECORDS, FULL, 0, 0, AT (RetractRuleset, channels), &channel_spec },
  { "materials", FIELD_RECORDS, FULL, 0, 0, AT (RetractRuleset, materials), &material_spec },
  { "mistakes", FIELD_RECORDS, FULL, 0, 0, AT (RetractRuleset, mistakes), &mistake_spec },
  { "scenarios", FIELD_RECORDS, FULL, 0, 0, AT (RetractRuleset, scenarios), &scenario_spec },
  { "warnings", FIELD_RECORDS, FULL, 0, 0, AT (RetractRuleset, warnings), &warning_spec },
  { "comparison", FIELD_RECORDS, FULL, 0, 0, AT (RetractRuleset, comparison), &comparison_spec },
  NOTES ("type_notes", RETRACT_NOTES_TYPES),
  NOTES ("channel_notes", RETRACT_NOTES_CHANNELS),
  NOTES ("comparison_notes", RETRACT_NOTES_COMPARISON),
  NOTES ("risks", RETRACT_NOTES_RISKS),
  NOTES ("prevention", RETRACT_NOTES_PREVENTION),
  NOTES ("remediation", RETRACT_NOTES_REMEDIATION),
  { "calendar", FIELD_OBJECT, REQ, 0, 0, 0, &retract_ruleset_calendar_spec },
};
const RecordSpec retract_ruleset_spec = SPEC (root_fields, RetractRuleset, NULL);

/**
 * retract_ruleset_list_field:
 *
 * Returns: the field of the table above that lists the records of @kind
 */
const Field *
retract_ruleset_list_field (RetractRecordKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (root_fields); i++)
    if (root_fields[i].kind == FIELD_RECORDS && root_fields[i].spec->unique &&
        root_fields[i].spec->kind == kind)
      return &root_fields[i];

  g_return_val_if_reached (NULL);
}

/**
 * retract_ruleset_parse:
 *
 * Reads every record of @doc into @self, then checks the engine's own ids and
 * every reference between records.
 */
gboolean
retract_ruleset_parse (RetractRuleset       *self,
                       RetractJsonDocument  *doc,
                       GError              **error)
{
  Parser parser = { doc, self, 0 };
  JsonObject *root;

  root = retract_json_document_expect_object (doc, retract_json_document_get_root (doc), "$",
                                              error);

  /* Characters first, so that no later message repeats a control or bidi
   * character; then meta, so an unsupported schema is reported before
   * unknown keys. Every dataset text is a single line: paragraphs and steps
   * are lists. */
  return root != NULL &&
         retract_text_check_document (doc, NULL, error) &&
         retract_ruleset_read_field (&parser, root, "$", &root_fields[0], self, error) &&
         retract_ruleset_read_fields (&parser, &retract_ruleset_spec, root, "$", 1, self, error) &&
         retract_ruleset_check_engine_ids (self, doc, error) &&
         retract_ruleset_check_references (self, doc, error);
}
