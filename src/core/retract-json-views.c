/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The JSON views of the core's answers, as `retract-cli … --json` prints
 * them: the assessment, the rules' information and the complaint types
 * (the update answer is in retract-json-update.c, the cases in
 * retract-json-case.c). */

#define G_LOG_DOMAIN "retract-json-views"

#include "config.h"

#include "retract-json-views.h"
#include "retract-json-views-private.h"
#include "retract-engine-ids.h"
#include "retract-time.h"

/* ---- the assessment ---- */

/* A member that is null when there is no value. */
void
_retract_json_add_string (JsonBuilder *builder,
                          const char  *key,
                          const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
_retract_json_add_time (JsonBuilder *builder,
                        const char  *key,
                        GDateTime   *time)
{
  g_autofree char *text = time != NULL ? retract_time_format_iso (time) : NULL;

  _retract_json_add_string (builder, key, text);
}

static void
add_text (JsonBuilder       *builder,
          const char        *key,
          const RetractText *text,
          RetractLanguage    language)
{
  _retract_json_add_string (builder, key,
                            retract_text_is_set (text) ? retract_text_get (text, language) : NULL);
}

/* Section numbers and limits: 0 means none, written as null. */
static void
add_count (JsonBuilder *builder,
           const char  *key,
           guint        value)
{
  json_builder_set_member_name (builder, key);
  if (value > 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *key,
             gboolean     value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, value);
}

static void
add_text_list (JsonBuilder     *builder,
               const char      *key,
               GPtrArray       *texts,
               RetractLanguage  language)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < texts->len; i++)
    json_builder_add_string_value (builder, retract_text_get (g_ptr_array_index (texts, i),
                                                              language));
  json_builder_end_array (builder);
}

/* What every item of the assessment's lists is written with. */
typedef struct
{
  RetractAssessment *assessment;
  RetractLanguage    language;
} ViewContext;

typedef void (*AddItemFunc) (JsonBuilder       *builder,
                             gconstpointer      item,
                             guint              index,
                             const ViewContext *context);

/* @key: an array with one value per item of @items, each written by @add_item. */
static void
add_list (JsonBuilder       *builder,
          const char        *key,
          GPtrArray         *items,
          AddItemFunc        add_item,
          const ViewContext *context)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    add_item (builder, g_ptr_array_index (items, i), i, context);
  json_builder_end_array (builder);
}

static void
add_scenario_id (JsonBuilder       *builder,
                 gconstpointer      item,
                 guint              index,
                 const ViewContext *context)
{
  const RetractScenario *scenario = item;

  json_builder_add_string_value (builder, scenario->id);
}

static char *
fill_template (const char *template,
               const char *complaint_number)
{
  g_autoptr(GString) text = NULL;

  if (template == NULL)
    return NULL;
  if (complaint_number == NULL)
    return g_strdup (template);

  text = g_string_new (template);
  g_string_replace (text, "投诉编号", complaint_number, 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The first channel is the recommended one. */
static void
add_channel (JsonBuilder       *builder,
             gconstpointer      item,
             guint              index,
             const ViewContext *context)
{
  const RetractChannel *channel = item;
  RetractLanguage language = context->language;
  const char *number = retract_assessment_get_complaint_number (context->assessment);
  g_autofree char *subject = fill_template (channel->ticket_subject, number);
  g_autofree char *message = fill_template (channel->message_template, number);

  json_builder_begin_object (builder);
  _retract_json_add_string (builder, "id", channel->id);
  add_text (builder, "name", &channel->name, language);
  add_boolean (builder, "recommended", index == 0);
  add_text_list (builder, "steps", channel->steps, language);
  add_text (builder, "condition", &channel->condition, language);
  _retract_json_add_string (builder, "phone", channel->phone);
  _retract_json_add_string (builder, "url", channel->url);
  _retract_json_add_string (builder, "ticket_subject", subject);
  _retract_json_add_string (builder, "message", message);
  add_count (builder, "daily_limit", channel->daily_limit);

  json_builder_set_member_name (builder, "response_time");
  if (retract_text_is_set (&channel->response_text))
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "min_hours");
      json_builder_add_int_value (builder, channel->response_min_hours);
      json_builder_set_member_name (builder, "max_hours");
      json_builder_add_int_value (builder, channel->response_max_hours);
      add_text (builder, "text", &channel->response_text, language);
      json_builder_end_object (builder);
    }
  else
    {
      json_builder_add_null_value (builder);
    }

  add_boolean (builder, "urgent", channel->urgent);
  add_boolean (builder, "self_service", channel->self_service);
  add_boolean (builder, "customer_service", channel->customer_service);
  add_count (builder, "section", channel->section);
  json_builder_end_object (builder);
}

static void
add_material (JsonBuilder       *builder,
              gconstpointer      item,
              guint              index,
              const ViewContext *context)
{
  const RetractMaterial *material = item;

  json_builder_begin_object (builder);
  _retract_json_add_string (builder, "id", material->id);
  add_text (builder, "name", &material->name, context->language);
  add_text (builder, "applies", &material->applies, context->language);
  add_text (builder, "format", &material->format, context->language);
  add_text_list (builder, "requirements", material->requirements, context->language);
  add_count (builder, "section", material->section);
  json_builder_end_object (builder);
}

/* Warnings and advice are written alike: {"id", "text", "section"}. */
static void
add_note_members (JsonBuilder       *builder,
                  const char        *id,
                  const RetractText *text,
                  guint              section,
                  RetractLanguage    language)
{
  _retract_json_add_string (builder, "id", id);
  add_text (builder, "text", text, language);
  add_count (builder, "section", section);
}

/* The repeated submission's warning also names the channel used again and
 * when it was used first (§3); no other warning has these keys. */
static void
add_warning (JsonBuilder       *builder,
             gconstpointer      item,
             guint              index,
             const ViewContext *context)
{
  const RetractWarning *warning = item;
  const RetractCaseEvent *earlier =
    retract_assessment_get_repeated_submission (context->assessment);

  json_builder_begin_object (builder);
  add_note_members (builder, warning->id, &warning->text, warning->section, context->language);
  if (earlier != NULL && g_str_equal (warning->id, RETRACT_WARNING_REPEAT_SUBMISSION))
    {
      _retract_json_add_string (builder, "channel", earlier->channel);
      _retract_json_add_time (builder, "earlier_at", earlier->at);
    }
  json_builder_end_object (builder);
}

static void
add_advice (JsonBuilder       *builder,
            gconstpointer      item,
            guint              index,
            const ViewContext *context)
{
  const RetractNote *note = item;

  json_builder_begin_object (builder);
  add_note_members (builder, note->id, &note->text, note->section, context->language);
  json_builder_end_object (builder);
}

static void
add_date (JsonBuilder *builder,
          const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  json_builder_add_string_value (builder, text);
}

static void
add_dates (JsonBuilder *builder,
           const char  *key,
           GArray      *dates)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < dates->len; i++)
    add_date (builder, &g_array_index (dates, GDate, i));
  json_builder_end_array (builder);
}

/* How a deadline was counted (issue 15 §3), null when there is no deadline:
 * {"kind", "length"} and, for working days only, the days counted, the days
 * skipped and why, and the make-up working days among the counted ones; then
 * "calendar_covered". */
static void
add_window (JsonBuilder          *builder,
            const char           *key,
            RetractDeadlineCount *count,
            RetractLanguage       language)
{
  GArray *skipped;

  json_builder_set_member_name (builder, key);
  if (count == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  _retract_json_add_string (builder, "kind",
                            retract_deadline_kind_to_id (retract_deadline_count_get_kind (count)));
  json_builder_set_member_name (builder, "length");
  json_builder_add_int_value (builder, retract_deadline_count_get_length (count));
  if (retract_deadline_count_get_kind (count) == RETRACT_DEADLINE_WORKING_DAYS)
    {
      add_dates (builder, "counted_days", retract_deadline_count_get_counted_days (count));

      skipped = retract_deadline_count_get_skipped_days (count);
      json_builder_set_member_name (builder, "skipped_days");
      json_builder_begin_array (builder);
      for (guint i = 0; i < skipped->len; i++)
        {
          const RetractSkippedDay *day = &g_array_index (skipped, RetractSkippedDay, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "date");
          add_date (builder, &day->date);
          _retract_json_add_string (builder, "reason", retract_skip_reason_to_id (day->reason));
          if (day->holiday != NULL)
            add_text (builder, "holiday", day->holiday, language);
          else
            _retract_json_add_string (builder, "holiday", NULL);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      add_dates (builder, "makeup_days", retract_deadline_count_get_makeup_days (count));
    }
  /* False when a day lies in a year the holiday calendar does not cover:
   * weekends alone were skipped there (always true for hours). */
  json_builder_set_member_name (builder, "calendar_covered");
  json_builder_add_boolean_value (builder, retract_deadline_count_get_covered (count));
  json_builder_end_object (builder);
}

/**
 * retract_assessment_to_json:
 * @language: the language of the human texts
 *
 * Returns: (transfer full): the answer as the CLI's `--json` prints it
 */
JsonNode *
retract_assessment_to_json (RetractAssessment *self,
                            RetractLanguage    language)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const ViewContext context = { self, language };
  RetractRuleset *rules;
  const RetractStageInfo *stage_info;
  const RetractPlatform *platform;
  const RetractComplaintType *type;

  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (self), NULL);

  rules = retract_assessment_get_rules (self);
  stage_info = retract_assessment_get_stage_info (self);
  platform = retract_assessment_get_platform (self);
  type = retract_assessment_get_complaint_type (self);

  json_builder_begin_object (builder);
  _retract_json_add_string (builder, "rules_version", retract_ruleset_get_version (rules));
  _retract_json_add_string (builder, "rules_published", retract_ruleset_get_published (rules));
  _retract_json_add_string (builder, "language", retract_language_to_string (language));
  _retract_json_add_string (builder, "timezone", "+08:00");
  _retract_json_add_string (builder, "platform", platform->id);
  add_text (builder, "platform_name", &platform->name, language);
  _retract_json_add_string (builder, "type", type->id);
  add_text (builder, "type_name", &type->name, language);
  _retract_json_add_string (builder, "success_rating", type->success_rating);
  _retract_json_add_string (builder, "mistake", retract_assessment_get_mistake (self)->id);
  add_list (builder, "scenarios", retract_assessment_get_scenarios (self), add_scenario_id,
            &context);

  _retract_json_add_string (builder, "stage",
                            retract_stage_to_id (retract_assessment_get_stage (self)));
  add_text (builder, "stage_name", &stage_info->name, language);
  add_text (builder, "stage_advice", &stage_info->advice, language);
  add_boolean (builder, "withdrawable", retract_assessment_get_withdrawable (self));

  _retract_json_add_time (builder, "filed_at", retract_assessment_get_filed_at (self));
  _retract_json_add_time (builder, "now", retract_assessment_get_now (self));
  _retract_json_add_time (builder, "self_service_until",
                          retract_assessment_get_self_service_until (self));
  add_window (builder, "self_service_window", retract_assessment_get_self_service_count (self),
              language);
  _retract_json_add_time (builder, "window_closes_at",
                          retract_assessment_get_window_closes_at (self));
  add_window (builder, "window", retract_assessment_get_window_count (self), language);
  _retract_json_add_time (builder, "legal_deadline", retract_assessment_get_legal_deadline (self));
  add_window (builder, "legal_deadline_window", retract_assessment_get_legal_count (self),
              language);

  add_list (builder, "channels", retract_assessment_get_channels (self), add_channel, &context);
  add_list (builder, "materials", retract_assessment_get_materials (self), add_material,
            &context);
  add_list (builder, "warnings", retract_assessment_get_warnings (self), add_warning, &context);
  add_list (builder, "advice", retract_assessment_get_advice (self), add_advice, &context);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* ---- the rules ---- */

/**
 * retract_rules_info_to_json:
 * @language: the language of the title and the disclaimer
 *
 * Returns: (transfer full): which dataset @rules is, as `rules-info --json` prints it
 */
JsonNode *
retract_rules_info_to_json (RetractRuleset  *rules,
                            RetractLanguage  language)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);

  json_builder_begin_object (builder);
  _retract_json_add_string (builder, "version", retract_ruleset_get_version (rules));
  _retract_json_add_string (builder, "published", retract_ruleset_get_published (rules));
  json_builder_set_member_name (builder, "schema");
  json_builder_add_int_value (builder, RETRACT_RULESET_SCHEMA);
  _retract_json_add_string (builder, "source",
                            retract_rules_origin_to_string (retract_ruleset_get_origin (rules)));
  _retract_json_add_string (builder, "path", retract_ruleset_get_location (rules));
  _retract_json_add_string (builder, "title",
                            retract_text_get (retract_ruleset_get_title (rules), language));
  _retract_json_add_string (builder, "disclaimer",
                            retract_text_get (retract_ruleset_get_disclaimer (rules), language));
  _retract_json_add_string (builder, "timezone", "+08:00");
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
add_complaint_type (JsonBuilder                *builder,
                    const RetractComplaintType *type,
                    RetractLanguage             language)
{
  json_builder_begin_object (builder);
  _retract_json_add_string (builder, "platform", type->platform);
  _retract_json_add_string (builder, "id", type->id);
  /* An unset name or description is "", not null. */
  _retract_json_add_string (builder, "name", retract_text_get (&type->name, language));
  _retract_json_add_string (builder, "description",
                            retract_text_get (&type->description, language));
  add_text (builder, "path", &type->path, language);
  add_boolean (builder, "withdrawable", type->withdrawable);
  json_builder_set_member_name (builder, "window");
  if (type->window_unit == RETRACT_WINDOW_NONE)
    {
      json_builder_add_null_value (builder);
    }
  else
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, type->window_unit == RETRACT_WINDOW_HOURS
                                             ? "hours" : "working_days");
      json_builder_add_int_value (builder, type->window_amount);
      _retract_json_add_string (builder, "text", retract_text_get (&type->window_text, language));
      json_builder_end_object (builder);
    }
  _retract_json_add_string (builder, "success_rating", type->success_rating);
  json_builder_set_member_name (builder, "success_stars");
  if (type->success_stars >= 0)
    json_builder_add_int_value (builder, type->success_stars);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "section");
  json_builder_add_int_value (builder, type->section);
  json_builder_end_object (builder);
}

/**
 * retract_complaint_types_to_json:
 * @platform: (nullable): only this platform's types; %NULL for all
 *
 * Returns: (transfer full): the array `types --json` prints, in dataset order
 */
JsonNode *
retract_complaint_types_to_json (RetractRuleset  *rules,
                                 const char      *platform,
                                 RetractLanguage  language)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *types;

  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);

  types = retract_ruleset_get_types (rules);
  json_builder_begin_array (builder);
  for (guint i = 0; i < types->len; i++)
    {
      const RetractComplaintType *type = g_ptr_array_index (types, i);

      if (platform == NULL || g_str_equal (type->platform, platform))
        add_complaint_type (builder, type, language);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}
