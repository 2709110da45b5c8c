/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The rules dataset, loaded strictly: every key known, every type checked,
 * every id a record points to present, the engine's own ids present. A dataset
 * that fails any check is refused as a whole, with the place it failed. */

#define G_LOG_DOMAIN "retract-ruleset"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "retract-core-resources.h"
#include "retract-error.h"
#include "retract-json-document.h"
#include "retract-ruleset.h"
#include "retract-text.h"
#include "retract-validators.h"

#define MAX_DEPTH 16
#define MAX_SECTION 99

struct _RetractRuleset
{
  GObject          parent_instance;

  char            *version;
  char            *published;
  char            *origin;
  char            *location;
  RetractText      title;
  RetractText      disclaimer;
  RetractText      calendar_source;
  guint            auto_review_hours;
  RetractCalendar *calendar;

  GPtrArray       *sections;
  GPtrArray       *platforms;
  GPtrArray       *types;
  GPtrArray       *stages;
  GPtrArray       *channels;
  GPtrArray       *materials;
  GPtrArray       *mistakes;
  GPtrArray       *scenarios;
  GPtrArray       *warnings;
  GPtrArray       *comparison;
  GPtrArray       *links;
  GPtrArray       *notes[RETRACT_N_NOTES_KINDS];
};

G_DEFINE_FINAL_TYPE (RetractRuleset, retract_ruleset, G_TYPE_OBJECT)

/* The ids the engine itself relies on; a dataset without them is refused. */
static const char * const engine_warning_ids[] = {
  "monthly-limit", "other-party-loss", "duplicate-submission", "irreversible",
  "calendar-unknown", NULL
};
static const char * const engine_material_ids[] = { "identity", NULL };
static const char * const engine_mistake_ids[] = { "misoperation", NULL };
static const char * const note_keys[RETRACT_N_NOTES_KINDS] = {
  [RETRACT_NOTES_TYPES] = "type_notes",
  [RETRACT_NOTES_CHANNELS] = "channel_notes",
  [RETRACT_NOTES_COMPARISON] = "comparison_notes",
  [RETRACT_NOTES_RISKS] = "risks",
  [RETRACT_NOTES_PREVENTION] = "prevention",
  [RETRACT_NOTES_REMEDIATION] = "remediation",
};

typedef struct
{
  RetractJsonDocument *doc;
  RetractRuleset      *rules;
} Parser;

typedef gboolean (*ParseElementFunc) (Parser     *parser,
                                      JsonNode   *node,
                                      const char *path,
                                      GError    **error);

static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return *id != '-';
}

static gboolean
read_id (Parser     *parser,
         JsonObject *object,
         const char *path,
         const char *key,
         RetractJsonFlags flags,
         char      **id,
         GError    **error)
{
  const char *value = NULL;

  if (!retract_json_document_read_string (parser->doc, object, path, key, flags, &value, error))
    return FALSE;

  if (value != NULL && !is_valid_id (value))
    {
      g_autofree char *member_path = retract_json_path_member (path, key);

      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                       member_path,
                                       _("“%s” is not a valid id (lowercase letters, digits "
                                         "and hyphens)"), value);
      return FALSE;
    }

  *id = g_strdup (value);
  return TRUE;
}

static gboolean
read_text_node (Parser      *parser,
                JsonNode    *node,
                const char  *path,
                RetractText *text,
                GError     **error)
{
  static const char * const keys[] = { "zh_CN", "en", NULL };
  const char *zh_CN, *en;
  JsonObject *object;

  object = retract_json_document_expect_object (parser->doc, node, path, error);
  if (object == NULL ||
      !retract_json_document_check_keys (parser->doc, object, path, keys, error) ||
      !retract_json_document_read_string (parser->doc, object, path, "zh_CN",
                                          RETRACT_JSON_NONEMPTY, &zh_CN, error) ||
      !retract_json_document_read_string (parser->doc, object, path, "en",
                                          RETRACT_JSON_NONEMPTY, &en, error))
    return FALSE;

  text->zh_CN = g_strdup (zh_CN);
  text->en = g_strdup (en);
  return TRUE;
}

static gboolean
read_text (Parser          *parser,
           JsonObject      *object,
           const char      *path,
           const char      *key,
           RetractJsonFlags flags,
           RetractText     *text,
           GError         **error)
{
  g_autofree char *member_path = retract_json_path_member (path, key);
  JsonObject *member = NULL;

  if (!retract_json_document_read_object (parser->doc, object, path, key, flags, &member, error))
    return FALSE;
  if (member == NULL)
    return TRUE;

  return read_text_node (parser, json_object_get_member (object, key), member_path, text, error);
}

static gboolean
read_text_list (Parser      *parser,
                JsonObject  *object,
                const char  *path,
                const char  *key,
                RetractJsonFlags flags,
                GPtrArray  **list,
                GError     **error)
{
  g_autofree char *member_path = retract_json_path_member (path, key);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_text_free);
  JsonArray *array = NULL;

  if (!retract_json_document_read_array (parser->doc, object, path, key, flags, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *element_path = retract_json_path_element (member_path, i);
      RetractText *text = g_new0 (RetractText, 1);

      g_ptr_array_add (texts, text);
      if (!read_text_node (parser, json_array_get_element (array, i), element_path, text, error))
        return FALSE;
    }

  *list = g_steal_pointer (&texts);
  return TRUE;
}

static gboolean
read_id_list (Parser          *parser,
              JsonObject      *object,
              const char      *path,
              const char      *key,
              RetractJsonFlags flags,
              GStrv           *ids,
              GError         **error)
{
  g_autofree char *member_path = retract_json_path_member (path, key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array = NULL;

  if (!retract_json_document_read_array (parser->doc, object, path, key, flags, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *element_path = retract_json_path_element (member_path, i);
      JsonNode *element = json_array_get_element (array, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          !is_valid_id (json_node_get_string (element)))
        {
          retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_WRONG_TYPE,
                                           element_path, _("expected an id string"));
          return FALSE;
        }

      id = json_node_get_string (element);
      if (!g_hash_table_add (seen, (gpointer) id))
        {
          retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                           element_path, _("“%s” is listed twice"), id);
          return FALSE;
        }
      g_strv_builder_add (builder, id);
    }

  *ids = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_section (Parser     *parser,
              JsonObject *object,
              const char *path,
              RetractJsonFlags flags,
              guint      *section,
              GError    **error)
{
  gint64 value = 0;

  if (!retract_json_document_read_int (parser->doc, object, path, "section", flags,
                                       1, MAX_SECTION, &value, error))
    return FALSE;

  if (value != 0 && retract_ruleset_lookup_section (parser->rules, (guint) value) == NULL)
    {
      g_autofree char *member_path = retract_json_path_member (path, "section");

      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_REFERENCE,
                                       member_path, _("section %d is not in $.sections"),
                                       (int) value);
      return FALSE;
    }

  *section = (guint) value;
  return TRUE;
}

static gboolean
read_date (Parser     *parser,
           JsonNode   *node,
           const char *path,
           GDate      *date,
           GError    **error)
{
  static const char shape[] = "dddd-dd-dd";
  guint parts[3] = { 0, 0, 0 }; /* year, month, day */
  gboolean valid = TRUE;
  const char *text;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_WRONG_TYPE, path,
                                       _("expected a date string like 2026-01-31"));
      return FALSE;
    }

  /* Exactly YYYY-MM-DD in ASCII digits: no sign, space or other digits (a
   * NUL ends the walk, being neither), then a day that exists. */
  text = json_node_get_string (node);
  g_date_clear (date, 1);
  for (guint i = 0, part = 0; valid && i < sizeof shape; i++)
    {
      if (shape[i] == '\0')
        valid = text[i] == '\0';
      else if (shape[i] == '-')
        valid = text[i] == '-' && ++part < G_N_ELEMENTS (parts);
      else if ((valid = g_ascii_isdigit (text[i])))
        parts[part] = parts[part] * 10 + (guint) g_ascii_digit_value (text[i]);
    }
  if (!valid ||
      !g_date_valid_dmy ((GDateDay) parts[2], (GDateMonth) parts[1], (GDateYear) parts[0]))
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                       _("“%s” is not a valid date (YYYY-MM-DD)"), text);
      return FALSE;
    }

  g_date_set_dmy (date, (GDateDay) parts[2], (GDateMonth) parts[1], (GDateYear) parts[0]);
  return TRUE;
}

static gboolean
read_date_member (Parser     *parser,
                  JsonObject *object,
                  const char *path,
                  const char *key,
                  GDate      *date,
                  GError    **error)
{
  g_autofree char *member_path = retract_json_path_member (path, key);
  const char *ignored;

  if (!retract_json_document_read_string (parser->doc, object, path, key, RETRACT_JSON_REQUIRED,
                                          &ignored, error))
    return FALSE;

  return read_date (parser, json_object_get_member (object, key), member_path, date, error);
}

static gboolean
parse_array (Parser          *parser,
             JsonObject      *root,
             const char      *key,
             ParseElementFunc parse_element,
             GError         **error)
{
  g_autofree char *path = retract_json_path_member ("$", key);
  JsonArray *array;

  if (!retract_json_document_read_array (parser->doc, root, "$", key, RETRACT_JSON_NONEMPTY,
                                         &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element_path = retract_json_path_element (path, i);

      if (!parse_element (parser, json_array_get_element (array, i), element_path, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_unique_id (Parser     *parser,
                 GPtrArray  *records,
                 const char *path,
                 const char *id,
                 GError    **error)
{
  g_autofree char *id_path = retract_json_path_member (path, "id");

  for (guint i = 0; i < records->len; i++)
    {
      if (g_str_equal (*(char **) g_ptr_array_index (records, i), id))
        {
          retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                           id_path, _("id “%s” is used twice"), id);
          return FALSE;
        }
    }

  return TRUE;
}

/* A run of @min to @max ASCII digits at *@p, which is moved past them. */
static gboolean
skip_digits (const char **p,
             guint        min,
             guint        max)
{
  guint n = 0;

  while (g_ascii_isdigit (**p) && n <= max)
    {
      (*p)++;
      n++;
    }

  return n >= min && n <= max;
}

/* "2026.11.1": four digits, then one or two, then one to four. */
static gboolean
is_version (const char *text)
{
  const char *p = text;

  return skip_digits (&p, 4, 4) && *p++ == '.' &&
         skip_digits (&p, 1, 2) && *p++ == '.' &&
         skip_digits (&p, 1, 4) && *p == '\0';
}

/* Links are checked by the same rule the UI applies before opening one. */
static gboolean
check_url (Parser     *parser,
           const char *path,
           const char *url,
           GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *url_path = NULL;

  if (retract_validate_https_url (url, &local_error))
    return TRUE;

  url_path = retract_json_path_member (path, "url");
  retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, url_path,
                                   "%s", local_error->message);
  return FALSE;
}

static gboolean
parse_meta (Parser     *parser,
            JsonObject *root,
            GError    **error)
{
  static const char * const keys[] = {
    "schema", "app", "version", "published", "timezone", "source", "disclaimer",
    "official_links", NULL
  };
  static const char * const source_keys[] = { "title", "kind", "official", NULL };
  static const char * const link_keys[] = { "platform", "name", "url", NULL };
  RetractRuleset *rules = parser->rules;
  JsonObject *meta, *source;
  JsonArray *links;
  const char *app, *version, *timezone, *kind;
  gint64 schema;
  gboolean official;
  GDate published;

  if (!retract_json_document_read_object (parser->doc, root, "$", "meta", RETRACT_JSON_REQUIRED,
                                          &meta, error) ||
      !retract_json_document_check_keys (parser->doc, meta, "$.meta", keys, error) ||
      !retract_json_document_read_int (parser->doc, meta, "$.meta", "schema", RETRACT_JSON_REQUIRED,
                                       1, G_MAXINT, &schema, error))
    return FALSE;

  /* The schema first: a newer dataset is refused for what it is, not for
   * whichever of its new keys happens to come first. */
  if (schema != RETRACT_RULESET_SCHEMA)
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_UNSUPPORTED,
                                       "$.meta.schema",
                                       _("schema %d is not supported; this version of Retract "
                                         "reads schema %d"),
                                       (int) schema, RETRACT_RULESET_SCHEMA);
      return FALSE;
    }

  if (!retract_json_document_read_string (parser->doc, meta, "$.meta", "app",
                                          RETRACT_JSON_REQUIRED, &app, error))
    return FALSE;
  if (!g_str_equal (app, APP_ID))
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_UNSUPPORTED,
                                       "$.meta.app", _("the dataset is for “%1$s”, not %2$s"),
                                       app, APP_ID);
      return FALSE;
    }

  if (!retract_json_document_read_string (parser->doc, meta, "$.meta", "version",
                                          RETRACT_JSON_REQUIRED, &version, error))
    return FALSE;
  if (!is_version (version))
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                       "$.meta.version",
                                       _("“%s” is not a version like 2026.11.1"), version);
      return FALSE;
    }
  rules->version = g_strdup (version);

  if (!read_date_member (parser, meta, "$.meta", "published", &published, error))
    return FALSE;
  rules->published = g_strdup (json_object_get_string_member (meta, "published"));

  if (!retract_json_document_read_string (parser->doc, meta, "$.meta", "timezone",
                                          RETRACT_JSON_REQUIRED, &timezone, error))
    return FALSE;
  if (!g_str_equal (timezone, "+08:00"))
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_UNSUPPORTED,
                                       "$.meta.timezone",
                                       _("“%s” is not supported; the rules are in Beijing time, "
                                         "+08:00"), timezone);
      return FALSE;
    }

  if (!retract_json_document_read_object (parser->doc, meta, "$.meta", "source",
                                          RETRACT_JSON_REQUIRED, &source, error) ||
      !retract_json_document_check_keys (parser->doc, source, "$.meta.source", source_keys,
                                         error) ||
      !read_text (parser, source, "$.meta.source", "title", RETRACT_JSON_REQUIRED, &rules->title,
                  error) ||
      !retract_json_document_read_string (parser->doc, source, "$.meta.source", "kind",
                                          RETRACT_JSON_NONEMPTY, &kind, error) ||
      !retract_json_document_read_bool (parser->doc, source, "$.meta.source", "official",
                                        RETRACT_JSON_REQUIRED, &official, error) ||
      !read_text (parser, meta, "$.meta", "disclaimer", RETRACT_JSON_REQUIRED, &rules->disclaimer,
                  error) ||
      !retract_json_document_read_array (parser->doc, meta, "$.meta", "official_links",
                                         RETRACT_JSON_REQUIRED, &links, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.meta.official_links[%u]", i);
      g_autoptr(RetractLink) link = g_new0 (RetractLink, 1);
      JsonObject *object;
      const char *url;

      object = retract_json_document_expect_object (parser->doc, json_array_get_element (links, i),
                                                    path, error);
      if (object == NULL ||
          !retract_json_document_check_keys (parser->doc, object, path, link_keys, error) ||
          !read_id (parser, object, path, "platform", RETRACT_JSON_REQUIRED, &link->platform,
                    error) ||
          !read_text (parser, object, path, "name", RETRACT_JSON_REQUIRED, &link->name, error) ||
          !retract_json_document_read_string (parser->doc, object, path, "url",
                                              RETRACT_JSON_REQUIRED, &url, error))
        return FALSE;

      if (!check_url (parser, path, url, error))
        return FALSE;
      link->url = g_strdup (url);
      g_ptr_array_add (rules->links, g_steal_pointer (&link));
    }

  return TRUE;
}

static gboolean
parse_section (Parser     *parser,
               JsonNode   *node,
               const char *path,
               GError    **error)
{
  static const char * const keys[] = { "id", "title", NULL };
  g_autoptr(RetractSection) section = g_new0 (RetractSection, 1);
  JsonObject *object;
  gint64 id;

  object = retract_json_document_expect_object (parser->doc, node, path, error);
  if (object == NULL ||
      !retract_json_document_check_keys (parser->doc, object, path, keys, error) ||
      !retract_json_document_read_int (parser->doc, object, path, "id", RETRACT_JSON_REQUIRED,
                                       1, MAX_SECTION, &id, error) ||
      !read_text (parser, object, path, "title", RETRACT_JSON_REQUIRED, &section->title, error))
    return FALSE;

  if (retract_ruleset_lookup_section (parser->rules, (guint) id) != NULL)
    {
      g_autofree char *id_path = retract_json_path_member (path, "id");

      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, id_path,
                                       _("section %d is listed twice"), (int) id);
      return FALSE;
    }

  section->id = (guint) id;
  g_ptr_array_add (parser->rules->sections, g_steal_pointer (&section));
  return TRUE;
}

static gboolean
parse_review (Parser     *parser,
              JsonObject *root,
              GError    **error)
{
  static const char * const keys[] = { "auto_review_hours", "section", NULL };
  JsonObject *review;
  gint64 hours;
  guint section;

  if (!retract_json_document_read_object (parser->doc, root, "$", "review", RETRACT_JSON_REQUIRED,
                                          &review, error) ||
      !retract_json_document_check_keys (parser->doc, review, "$.review", keys, error) ||
      !retract_json_document_read_int (parser->doc, review, "$.review", "auto_review_hours",
                                       RETRACT_JSON_REQUIRED, 1, 72, &hours, error) ||
      !read_section (parser, review, "$.review", RETRACT_JSON_REQUIRED, &section, error))
    return FALSE;

  parser->rules->auto_review_hours = (guint) hours;
  return TRUE;
}

static gboolean
parse_platform (Parser     *parser,
                JsonNode   *node,
                const char *path,
                GError    **error)
{
  static const char * const keys[] = {
    "id", "name", "required_materials", "channels", "section", NULL
  };
  static const char * const stage_keys[] = {
    "auto-review", "manual-review", "processed", NULL
  };
  g_autoptr(RetractPlatform) platform = g_new0 (RetractPlatform, 1);
  g_autofree char *channels_path = retract_json_path_member (path, "channels");
  JsonObject *object, *channels;

  object = retract_json_document_expect_object (parser->doc, node, path, error);
  if (object == NULL ||
      !retract_json_document_check_keys (parser->doc, object, path, keys, error) ||
      !read_id (parser, object, path, "id", RETRACT_JSON_REQUIRED, &platform->id, error) ||
      !check_unique_id (parser, parser->rules->platforms, path, platform->id, error) ||
      !read_text (parser, object, path, "name", RETRACT_JSON_REQUIRED, &platform->name, error) ||
      !read_id_list (parser, object, path, "required_materials", RETRACT_JSON_REQUIRED,
                     &platform->required_materials, error) ||
      !retract_json_document_read_object (parser->doc, object, path, "channels",
                                          RETRACT_JSON_REQUIRED, &channels, error) ||
      !retract_json_document_check_keys (parser->doc, channels, channels_path, stage_keys, error) ||
      !read_section (parser, object, path, RETRACT_JSON_REQUIRED, &platform->section, error))
    return FALSE;

  for (guint i = 0; stage_keys[i] != NULL; i++)
    {
      RetractStage stage;

      retract_stage_from_id (stage_keys[i], &stage);
      if (!read_id_list (parser, channels, channels_path, stage_keys[i], RETRACT_JSON_NONEMPTY,
                         &platform->channels[stage], error))
        return FALSE;
    }

  g_ptr_array_add (parser->rules->platforms, g_steal_pointer (&platform));
  return TRUE;
}

static gboolean
parse_window (Parser               *parser,
              JsonObject           *object,
              const char           *path,
              RetractComplaintType *type,
              GError              **error)
{
  static const char * const keys[] = { "hours", "working_days", NULL };
  g_autofree char *window_path = retract_json_path_member (path, "window");
  JsonObject *window = NULL;
  gint64 hours = 0, working_days = 0;

  if (!retract_json_document_read_object (parser->doc, object, path, "window",
                                          RETRACT_JSON_OPTIONAL, &window, error))
    return FALSE;

  if (window == NULL)
    {
      if (type->withdrawable)
        {
          retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_MISSING, path,
                                           _("a withdrawable type needs a “window”"));
          return FALSE;
        }
      type->window_unit = RETRACT_WINDOW_NONE;
      return TRUE;
    }

  if (!type->withdrawable)
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                       window_path,
                                       _("a type that cannot be withdrawn has no window"));
      return FALSE;
    }

  if (!retract_json_document_check_keys (parser->doc, window, window_path, keys, error) ||
      !retract_json_document_read_int (parser->doc, window, window_path, "hours",
                                       RETRACT_JSON_OPTIONAL, 1, 24 * 366, &hours, error) ||
      !retract_json_document_read_int (parser->doc, window, window_path, "working_days",
                                       RETRACT_JSON_OPTIONAL, 1, 60, &working_days, error))
    return FALSE;

  if ((hours > 0) == (working_days > 0))
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                       window_path,
                                       _("give exactly one of “hours” and “working_days”"));
      return FALSE;
    }

  type->window_unit = hours > 0 ? RETRACT_WINDOW_HOURS : RETRACT_WINDOW_WORKING_DAYS;
  type->window_amount = (guint) (hours > 0 ? hours : working_days);
  return TRUE;
}

static gboolean
parse_type (Parser     *parser,
            JsonNode   *node,
            const char *path,
            GError    **error)
{
  static const char * const keys[] = {
    "id", "platform", "name", "description", "path", "window", "window_text",
    "success_rating", "success_stars", "withdrawable", "warnings", "section", NULL
  };
  g_autoptr(RetractComplaintType) type = g_new0 (RetractComplaintType, 1);
  JsonObject *object;
  const char *rating = NULL;
  gint64 stars = -1;

  object = retract_json_document_expect_object (parser->doc, node, path, error);
  if (object == NULL ||
      !retract_json_document_check_keys (parser->doc, object, path, keys, error) ||
      !read_id (parser, object, path, "id", RETRACT_JSON_REQUIRED, &type->id, error) ||
      !read_id (parser, object, path, "platform", RETRACT_JSON_REQUIRED, &type->platform, error) ||
      !read_text (parser, object, path, "name", RETRACT_JSON_REQUIRED, &type->name, error) ||
      !read_text (parser, object, path, "description", RETRACT_JSON_REQUIRED,
                  &type->description, error) ||
      !read_text (parser, object, path, "path", RETRACT_JSON_OPTIONAL, &type->path, error) ||
      !retract_json_document_read_bool (parser->doc, object, path, "withdrawable",
                                        RETRACT_JSON_REQUIRED, &type->withdrawable, error) ||
      !parse_window (parser, object, path, type, error) ||
      !read_text (parser, object, path, "window_text",
                  type->withdrawable ? RETRACT_JSON_REQUIRED : RETRACT_JSON_OPTIONAL,
                  &type->window_text, error) ||
      !retract_json_document_read_string (parser->doc, object, path, "success_rating",
                                          RETRACT_JSON_OPTIONAL | RETRACT_JSON_NONEMPTY, &rating,
                                          error) ||
      !retract_json_document_read_int (parser->doc, object, path, "success_stars",
                                       rating ? RETRACT_JSON_REQUIRED : RETRACT_JSON_OPTIONAL,
                                       0, 5, &stars, error) ||
      !read_id_list (parser, object, path, "warnings", RETRACT_JSON_REQUIRED, &type->warnings,
                     error) ||
      !read_section (parser, object, path, RETRACT_JSON_REQUIRED, &type->section, error))
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
              g_autofree char *rating_path = retract_json_path_member (path, "success_rating");

              retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                               rating_path,
                                               _("a rating is made of ★ and ☆ only"));
              return FALSE;
            }
        }

      if (filled != stars)
        {
          g_autofree char *stars_path = retract_json_path_member (path, "success_stars");

          retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                           stars_path,
                                           _("%1$d does not match the %2$d filled stars of the "
                                             "rating"), (int) stars, filled);
          return FALSE;
        }
    }
  else if (stars >= 0)
    {
      g_autofree char *stars_path = retract_json_path_member (path, "success_stars");

      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_MISSING, stars_path,
                                       _("stars are given without a “success_rating”"));
      return FALSE;
    }

  type->success_rating = g_strdup (rating);
  type->success_stars = (int) stars;

  if (retract_ruleset_lookup_type (parser->rules, type->platform, type->id) != NULL)
    {
      g_autofree char *id_path = retract_json_path_member (path, "id");

      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, id_path,
                                       _("type “%1$s” is listed twice for %2$s"),
                                       type->id, type->platform);
      return FALSE;
    }

  g_ptr_array_add (parser->rules->types, g_steal_pointer (&type));
  return TRUE;
}

static gboolean
parse_stage (Parser     *parser,
             JsonNode   *node,
             const char *path,
             GError    **error)
{
  static const char * const keys[] = {
    "id", "name", "time_text", "state", "operability", "advice", "withdrawable", "section", NULL
  };
  g_autoptr(RetractStageInfo) info = g_new0 (RetractStageInfo, 1);
  g_autofree char *id = NULL;
  JsonObject *object;

  object = retract_json_document_expect_object (parser->doc, node, path, error);
  if (object == NULL ||
      !retract_json_document_check_keys (parser->doc, object, path, keys, error) ||
      !read_id (parser, object, path, "id", RETRACT_JSON_REQUIRED, &id, error))
    return FALSE;

  if (!retract_stage_from_id (id, &info->stage))
    {
      g_autofree char *id_path = retract_json_path_member (path, "id");

      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, id_path,
                                       _("unknown stage “%s”; expected one of: auto-review, "
                                         "manual-review, processed, not-withdrawable"), id);
      return FALSE;
    }

  if (retract_ruleset_get_stage_info (parser->rules, info->stage) != NULL)
    {
      g_autofree char *id_path = retract_json_path_member (path, "id");

      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, id_path,
                                       _("stage “%s” is listed twice"), id);
      return FALSE;
    }

  if (!read_text (parser, object, path, "name", RETRACT_JSON_REQUIRED, &info->name, error) ||
      !read_text (parser, object, path, "time_text", RETRACT_JSON_REQUIRED, &info->time_text,
                  error) ||
      !read_text (parser, object, path, "state", RETRACT_JSON_REQUIRED, &info->state, error) ||
      !read_text (parser, object, path, "operability", RETRACT_JSON_REQUIRED, &info->operability,
                  error) ||
      !read_text (parser, object, path, "advice", RETRACT_JSON_REQUIRED, &info->advice, error) ||
      !retract_json_document_read_bool (parser->doc, object, path, "withdrawable",
                                        RETRACT_JSON_REQUIRED, &info->withdrawable, error) ||
      !read_section (parser, object, path, RETRACT_JSON_REQUIRED, &info->section, error))
    return FALSE;

  g_ptr_array_add (parser->rules->stages, g_steal_pointer (&info));
  return TRUE;
}

static gboolean
parse_response_time (Parser         *parser,
                     JsonObject     *object,
                     const char     *path,
                     RetractChannel *channel,
                     GError        **error)
{
  static const char * const keys[] = { "min_hours", "max_hours", "text", NULL };
  g_autofree char *response_path = retract_json_path_member (path, "response_time");
  JsonObject *response = NULL;
  gint64 min_hours, max_hours;

  if (!retract_json_document_read_object (parser->doc, object, path, "response_time",
                                          RETRACT_JSON_OPTIONAL, &response, error))
    return FALSE;
  if (response == NULL)
    return TRUE;

  if (!retract_json_document_check_keys (parser->doc, response, response_path, keys, error) ||
      !retract_json_document_read_int (parser->doc, response, response_path, "min_hours",
                                       RETRACT_JSON_REQUIRED, 0, 24 * 30, &min_hours, error) ||
      !retract_json_document_read_int (parser->doc, response, response_path, "max_hours",
                                       RETRACT_JSON_REQUIRED, min_hours, 24 * 30, &max_hours,
                                       error) ||
      !read_text (parser, response, response_path, "text", RETRACT_JSON_REQUIRED,
                  &channel->response_text, error))
    return FALSE;

  channel->response_min_hours = (guint) min_hours;
  channel->response_max_hours = (guint) max_hours;
  return TRUE;
}

static gboolean
read_optional_string (Parser     *parser,
                      JsonObject *object,
                      const char *path,
                      const char *key,
                      char      **value,
                      GError    **error)
{
  const char *text = NULL;

  if (!retract_json_document_read_string (parser->doc, object, path, key,
                                          RETRACT_JSON_OPTIONAL | RETRACT_JSON_NONEMPTY, &text,
                                          error))
    return FALSE;

  *value = g_strdup (text);
  return TRUE;
}

static gboolean
parse_channel (Parser     *parser,
               JsonNode   *node,
               const char *path,
               GError    **error)
{
  static const char * const keys[] = {
    "id", "platform", "name", "addressee", "steps", "condition", "phone", "url", "ticket_subject",
    "message_template", "daily_limit", "response_time", "urgent", "self_service",
    "customer_service", "section", NULL
  };
  g_autoptr(RetractChannel) channel = g_new0 (RetractChannel, 1);
  JsonObject *object;
  gint64 daily_limit = 0;

  object = retract_json_document_expect_object (parser->doc, node, path, error);
  if (object == NULL ||
      !retract_json_document_check_keys (parser->doc, object, path, keys, error) ||
      !read_id (parser, object, path, "id", RETRACT_JSON_REQUIRED, &channel->id, error) ||
      !check_unique_id (parser, parser->rules->channels, path, channel->id, error) ||
      !read_id (parser, object, path, "platform", RETRACT_JSON_OPTIONAL, &channel->platform,
                error) ||
      !read_text (parser, object, path, "name", RETRACT_JSON_REQUIRED, &channel->name, error) ||
      !read_text (parser, object, path, "addressee", RETRACT_JSON_REQUIRED, &channel->addressee,
                  error) ||
      !read_text_list (parser, object, path, "steps", RETRACT_JSON_NONEMPTY, &channel->steps,
                       error) ||
      !read_text (parser, object, path, "condition", RETRACT_JSON_OPTIONAL, &channel->condition,
                  error) ||
      !read_optional_string (parser, object, path, "phone", &channel->phone, error) ||
      !read_optional_string (parser, object, path, "url", &channel->url, error) ||
      !read_optional_string (parser, object, path, "ticket_subject", &channel->ticket_subject,
                             error) ||
      !read_optional_string (parser, object, path, "message_template",
                             &channel->message_template, error) ||
      !retract_json_document_read_int (parser->doc, object, path, "daily_limit",
                                       RETRACT_JSON_OPTIONAL, 1, 100, &daily_limit, error) ||
      !parse_response_time (parser, object, path, channel, error) ||
      !retract_json_document_read_bool (parser->doc, object, path, "urgent",
                                        RETRACT_JSON_OPTIONAL, &channel->urgent, error) ||
      !retract_json_document_read_bool (parser->doc, object, path, "self_service",
                                        RETRACT_JSON_REQUIRED, &channel->self_service, error) ||
      !retract_json_document_read_bool (parser->doc, object, path, "customer_service",
                                        RETRACT_JSON_REQUIRED, &channel->customer_service, error) ||
      !read_section (parser, object, path, RETRACT_JSON_REQUIRED, &channel->section, error))
    return FALSE;

  if (channel->url != NULL && !check_url (parser, path, channel->url, error))
    return FALSE;

  channel->daily_limit = (guint) daily_limit;
  g_ptr_array_add (parser->rules->channels, g_steal_pointer (&channel));
  return TRUE;
}

static gboolean
parse_material (Parser     *parser,
                JsonNode   *node,
                const char *path,
                GError    **error)
{
  static const char * const keys[] = {
    "id", "name", "applies", "format", "requirements", "section", NULL
  };
  g_autoptr(RetractMaterial) material = g_new0 (RetractMaterial, 1);
  JsonObject *object;

  object = retract_json_document_expect_object (parser->doc, node, path, error);
  if (object == NULL ||
      !retract_json_document_check_keys (parser->doc, object, path, keys, error) ||
      !read_id (parser, object, path, "id", RETRACT_JSON_REQUIRED, &material->id, error) ||
      !check_unique_id (parser, parser->rules->materials, path, material->id, error) ||
      !read_text (parser, object, path, "name", RETRACT_JSON_REQUIRED, &material->name, error) ||
      !read_text (parser, object, path, "applies", RETRACT_JSON_REQUIRED, &material->applies,
                  error) ||
      !read_text (parser, object, path, "format", RETRACT_JSON_REQUIRED, &material->format,
                  error) ||
      !read_text_list (parser, object, path, "requirements", RETRACT_JSON_REQUIRED,
                       &material->requirements, error) ||
      !read_section (parser, object, path, RETRACT_JSON_REQUIRED, &material->section, error))
    return FALSE;

  g_ptr_array_add (parser->rules->materials, g_steal_pointer (&material));
  return TRUE;
}

static gboolean
parse_mistake (Parser     *parser,
               JsonNode   *node,
               const char *path,
               GError    **error)
{
  static const char * const keys[] = { "id", "name", "description", "evidence", "section", NULL };
  g_autoptr(RetractMistake) mistake = g_new0 (RetractMistake, 1);
  JsonObject *object;

  object = retract_json_document_expect_object (parser->doc, node, path, error);
  if (object == NULL ||
      !retract_json_document_check_keys (parser->doc, object, path, keys, error) ||
      !read_id (parser, object, path, "id", RETRACT_JSON_REQUIRED, &mistake->id, error) ||
      !check_unique_id (parser, parser->rules->mistakes, path, mistake->id, error) ||
      !read_text (parser, object, path, "name", RETRACT_JSON_REQUIRED, &mistake->name, error) ||
      !read_text (parser, object, path, "description", RETRACT_JSON_REQUIRED,
                  &mistake->description, error) ||
      !read_id (parser, object, path, "evidence", RETRACT_JSON_REQUIRED, &mistake->evidence,
                error) ||
      !read_section (parser, object, path, RETRACT_JSON_REQUIRED, &mistake->section, error))
    return FALSE;

  g_ptr_array_add (parser->rules->mistakes, g_steal_pointer (&mistake));
  return TRUE;
}

static gboolean
parse_replacements (Parser          *parser,
                    JsonObject      *object,
                    const char      *path,
                    RetractScenario *scenario,
                    GError         **error)
{
  static const char * const keys[] = { "from", "to", NULL };
  g_autofree char *replaces_path = retract_json_path_member (path, "replaces");
  JsonArray *array = NULL;

  scenario->replaces = g_ptr_array_new_with_free_func (
    (GDestroyNotify) retract_channel_replacement_free);

  if (!retract_json_document_read_array (parser->doc, object, path, "replaces",
                                         RETRACT_JSON_OPTIONAL, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *element_path = retract_json_path_element (replaces_path, i);
      RetractChannelReplacement *replacement = g_new0 (RetractChannelReplacement, 1);
      JsonObject *element;

      g_ptr_array_add (scenario->replaces, replacement);
      element = retract_json_document_expect_object (parser->doc,
                                                     json_array_get_element (array, i),
                                                     element_path, error);
      if (element == NULL ||
          !retract_json_document_check_keys (parser->doc, element, element_path, keys, error) ||
          !read_id (parser, element, element_path, "from", RETRACT_JSON_REQUIRED,
                    &replacement->from, error) ||
          !read_id (parser, element, element_path, "to", RETRACT_JSON_REQUIRED,
                    &replacement->to, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_scenario (Parser     *parser,
                JsonNode   *node,
                const char *path,
                GError    **error)
{
  static const char * const keys[] = {
    "id", "name", "description", "first_channel", "replaces", "not_withdrawable",
    "legal_deadline", "materials", "section", NULL
  };
  static const char * const deadline_keys[] = { "working_days", NULL };
  g_autoptr(RetractScenario) scenario = g_new0 (RetractScenario, 1);
  g_autofree char *deadline_path = retract_json_path_member (path, "legal_deadline");
  JsonObject *object, *deadline = NULL;
  gint64 working_days = 0;

  object = retract_json_document_expect_object (parser->doc, node, path, error);
  if (object == NULL ||
      !retract_json_document_check_keys (parser->doc, object, path, keys, error) ||
      !read_id (parser, object, path, "id", RETRACT_JSON_REQUIRED, &scenario->id, error) ||
      !check_unique_id (parser, parser->rules->scenarios, path, scenario->id, error) ||
      !read_text (parser, object, path, "name", RETRACT_JSON_REQUIRED, &scenario->name, error) ||
      !read_text (parser, object, path, "description", RETRACT_JSON_REQUIRED,
                  &scenario->description, error) ||
      !read_id (parser, object, path, "first_channel", RETRACT_JSON_OPTIONAL,
                &scenario->first_channel, error) ||
      !parse_replacements (parser, object, path, scenario, error) ||
      !retract_json_document_read_bool (parser->doc, object, path, "not_withdrawable",
                                        RETRACT_JSON_OPTIONAL, &scenario->not_withdrawable,
                                        error) ||
      !retract_json_document_read_object (parser->doc, object, path, "legal_deadline",
                                          RETRACT_JSON_OPTIONAL, &deadline, error) ||
      !read_id_list (parser, object, path, "materials", RETRACT_JSON_REQUIRED,
                     &scenario->materials, error) ||
      !read_section (parser, object, path, RETRACT_JSON_REQUIRED, &scenario->section, error))
    return FALSE;

  if (deadline != NULL &&
      (!retract_json_document_check_keys (parser->doc, deadline, deadline_path, deadline_keys,
                                          error) ||
       !retract_json_document_read_int (parser->doc, deadline, deadline_path, "working_days",
                                        RETRACT_JSON_REQUIRED, 1, 60, &working_days, error)))
    return FALSE;

  scenario->legal_deadline_working_days = (guint) working_days;
  g_ptr_array_add (parser->rules->scenarios, g_steal_pointer (&scenario));
  return TRUE;
}

static gboolean
parse_warning (Parser     *parser,
               JsonNode   *node,
               const char *path,
               GError    **error)
{
  static const char * const keys[] = { "id", "text", "threshold", "section", NULL };
  g_autoptr(RetractWarning) warning = g_new0 (RetractWarning, 1);
  JsonObject *object;
  gint64 threshold = -1;

  object = retract_json_document_expect_object (parser->doc, node, path, error);
  if (object == NULL ||
      !retract_json_document_check_keys (parser->doc, object, path, keys, error) ||
      !read_id (parser, object, path, "id", RETRACT_JSON_REQUIRED, &warning->id, error) ||
      !check_unique_id (parser, parser->rules->warnings, path, warning->id, error) ||
      !read_text (parser, object, path, "text", RETRACT_JSON_REQUIRED, &warning->text, error) ||
      !retract_json_document_read_int (parser->doc, object, path, "threshold",
                                       RETRACT_JSON_OPTIONAL, 1, 1000, &threshold, error) ||
      !read_section (parser, object, path, RETRACT_JSON_OPTIONAL, &warning->section, error))
    return FALSE;

  warning->threshold = (int) threshold;
  g_ptr_array_add (parser->rules->warnings, g_steal_pointer (&warning));
  return TRUE;
}

static gboolean
parse_note (Parser     *parser,
            JsonNode   *node,
            const char *path,
            GPtrArray  *notes,
            GError    **error)
{
  static const char * const keys[] = { "id", "platform", "text", "path", "section", NULL };
  g_autoptr(RetractNote) note = g_new0 (RetractNote, 1);
  JsonObject *object;

  object = retract_json_document_expect_object (parser->doc, node, path, error);
  if (object == NULL ||
      !retract_json_document_check_keys (parser->doc, object, path, keys, error) ||
      !read_id (parser, object, path, "id", RETRACT_JSON_OPTIONAL, &note->id, error) ||
      !read_id (parser, object, path, "platform", RETRACT_JSON_OPTIONAL, &note->platform, error) ||
      !read_text (parser, object, path, "text", RETRACT_JSON_REQUIRED, &note->text, error) ||
      !read_text (parser, object, path, "path", RETRACT_JSON_OPTIONAL, &note->path, error) ||
      !read_section (parser, object, path, RETRACT_JSON_REQUIRED, &note->section, error))
    return FALSE;

  g_ptr_array_add (notes, g_steal_pointer (&note));
  return TRUE;
}

static gboolean
parse_notes (Parser     *parser,
             JsonObject *root,
             GError    **error)
{
  for (guint kind = 0; kind < RETRACT_N_NOTES_KINDS; kind++)
    {
      g_autofree char *path = retract_json_path_member ("$", note_keys[kind]);
      JsonArray *array;

      if (!retract_json_document_read_array (parser->doc, root, "$", note_keys[kind],
                                             RETRACT_JSON_NONEMPTY, &array, error))
        return FALSE;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *element_path = retract_json_path_element (path, i);

          if (!parse_note (parser, json_array_get_element (array, i), element_path,
                           parser->rules->notes[kind], error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
parse_comparison (Parser     *parser,
                  JsonNode   *node,
                  const char *path,
                  GError    **error)
{
  static const char * const keys[] = {
    "platform", "window", "materials", "characteristics", "section", NULL
  };
  g_autoptr(RetractComparison) row = g_new0 (RetractComparison, 1);
  JsonObject *object;

  object = retract_json_document_expect_object (parser->doc, node, path, error);
  if (object == NULL ||
      !retract_json_document_check_keys (parser->doc, object, path, keys, error) ||
      !read_id (parser, object, path, "platform", RETRACT_JSON_REQUIRED, &row->platform, error) ||
      !read_text (parser, object, path, "window", RETRACT_JSON_REQUIRED, &row->window, error) ||
      !read_text (parser, object, path, "materials", RETRACT_JSON_REQUIRED, &row->materials,
                  error) ||
      !read_text (parser, object, path, "characteristics", RETRACT_JSON_REQUIRED,
                  &row->characteristics, error) ||
      !read_section (parser, object, path, RETRACT_JSON_REQUIRED, &row->section, error))
    return FALSE;

  g_ptr_array_add (parser->rules->comparison, g_steal_pointer (&row));
  return TRUE;
}

static gboolean
parse_calendar_year (Parser     *parser,
                     JsonNode   *node,
                     const char *path,
                     GError    **error)
{
  static const char * const keys[] = { "year", "notice", "holidays", "workdays", NULL };
  static const char * const holiday_keys[] = { "name", "from", "to", NULL };
  RetractCalendar *calendar = parser->rules->calendar;
  g_autofree char *holidays_path = retract_json_path_member (path, "holidays");
  g_autofree char *workdays_path = retract_json_path_member (path, "workdays");
  JsonObject *object;
  JsonArray *holidays, *workdays;
  gint64 year;
  GDate notice;

  object = retract_json_document_expect_object (parser->doc, node, path, error);
  if (object == NULL ||
      !retract_json_document_check_keys (parser->doc, object, path, keys, error) ||
      !retract_json_document_read_int (parser->doc, object, path, "year", RETRACT_JSON_REQUIRED,
                                       2000, 2999, &year, error) ||
      !read_date_member (parser, object, path, "notice", &notice, error) ||
      !retract_json_document_read_array (parser->doc, object, path, "holidays",
                                         RETRACT_JSON_NONEMPTY, &holidays, error) ||
      !retract_json_document_read_array (parser->doc, object, path, "workdays",
                                         RETRACT_JSON_REQUIRED, &workdays, error))
    return FALSE;

  if (retract_calendar_covers_year (calendar, (guint) year))
    {
      g_autofree char *year_path = retract_json_path_member (path, "year");

      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                       year_path, _("year %d is listed twice"), (int) year);
      return FALSE;
    }
  retract_calendar_add_year (calendar, (guint) year);

  for (guint i = 0; i < json_array_get_length (holidays); i++)
    {
      g_autofree char *holiday_path = retract_json_path_element (holidays_path, i);
      g_autofree char *to_path = retract_json_path_member (holiday_path, "to");
      RetractText name = { 0 };
      JsonObject *holiday;
      GDate from, to;
      gboolean ok;

      holiday = retract_json_document_expect_object (parser->doc,
                                                     json_array_get_element (holidays, i),
                                                     holiday_path, error);
      ok = holiday != NULL &&
           retract_json_document_check_keys (parser->doc, holiday, holiday_path, holiday_keys,
                                             error) &&
           read_text (parser, holiday, holiday_path, "name", RETRACT_JSON_REQUIRED, &name, error) &&
           read_date_member (parser, holiday, holiday_path, "from", &from, error) &&
           read_date_member (parser, holiday, holiday_path, "to", &to, error);
      retract_text_clear (&name);
      if (!ok)
        return FALSE;

      if (g_date_compare (&from, &to) > 0 || g_date_days_between (&from, &to) > 31)
        {
          retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_OUT_OF_RANGE,
                                           to_path,
                                           _("a holiday ends on or after its first day and lasts "
                                             "at most a month"));
          return FALSE;
        }
      if (ABS ((int) g_date_get_year (&from) - (int) year) > 1)
        {
          retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_OUT_OF_RANGE,
                                           holiday_path, _("this holiday is not in or next to "
                                                           "year %d"), (int) year);
          return FALSE;
        }

      for (GDate day = from; g_date_compare (&day, &to) <= 0; g_date_add_days (&day, 1))
        retract_calendar_add_holiday (calendar, &day);
    }

  for (guint i = 0; i < json_array_get_length (workdays); i++)
    {
      g_autofree char *workday_path = retract_json_path_element (workdays_path, i);
      GDateWeekday weekday;
      GDate day;

      if (!read_date (parser, json_array_get_element (workdays, i), workday_path, &day, error))
        return FALSE;

      /* A make-up working day only means something on a weekend. */
      weekday = g_date_get_weekday (&day);
      if (weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY)
        {
          retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                           workday_path,
                                           _("a make-up working day must be a Saturday or a "
                                             "Sunday"));
          return FALSE;
        }
      if (retract_calendar_is_holiday (calendar, &day))
        {
          retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                           workday_path,
                                           _("this day is also listed as a holiday"));
          return FALSE;
        }
      retract_calendar_add_workday (calendar, &day);
    }

  return TRUE;
}

static gboolean
parse_calendar (Parser     *parser,
                JsonObject *root,
                GError    **error)
{
  static const char * const keys[] = { "source", "years", NULL };
  JsonObject *calendar;
  JsonArray *years;

  if (!retract_json_document_read_object (parser->doc, root, "$", "calendar",
                                          RETRACT_JSON_REQUIRED, &calendar, error) ||
      !retract_json_document_check_keys (parser->doc, calendar, "$.calendar", keys, error) ||
      !read_text (parser, calendar, "$.calendar", "source", RETRACT_JSON_REQUIRED,
                  &parser->rules->calendar_source, error) ||
      !retract_json_document_read_array (parser->doc, calendar, "$.calendar", "years",
                                         RETRACT_JSON_NONEMPTY, &years, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (years); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.calendar.years[%u]", i);

      if (!parse_calendar_year (parser, json_array_get_element (years, i), path, error))
        return FALSE;
    }

  return TRUE;
}

/* ---- references: every id a record names must exist ---- */

static gboolean
check_reference (Parser     *parser,
                 gboolean    found,
                 const char *path,
                 const char *kind,
                 const char *id,
                 GError    **error)
{
  if (found)
    return TRUE;

  /* Translators: "unknown channel “x”" — %1$s is the kind of record. */
  retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_REFERENCE, path,
                                   _("unknown %1$s “%2$s”"), kind, id);
  return FALSE;
}

static gboolean
check_material_list (Parser     *parser,
                     GStrv       ids,
                     const char *path,
                     GError    **error)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *element_path = retract_json_path_element (path, i);

      if (!check_reference (parser, retract_ruleset_lookup_material (parser->rules, ids[i]) != NULL,
                            element_path, _("material"), ids[i], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_channel_for_platform (Parser     *parser,
                            const char *channel_id,
                            const char *platform,
                            const char *path,
                            GError    **error)
{
  const RetractChannel *channel = retract_ruleset_lookup_channel (parser->rules, channel_id);

  if (!check_reference (parser, channel != NULL, path, _("channel"), channel_id, error))
    return FALSE;

  if (platform != NULL && !retract_channel_serves_platform (channel, platform))
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_REFERENCE, path,
                                       _("channel “%1$s” is not a %2$s channel"),
                                       channel_id, platform);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_references (Parser  *parser,
                  GError **error)
{
  RetractRuleset *rules = parser->rules;

  for (guint i = 0; i < rules->platforms->len; i++)
    {
      const RetractPlatform *platform = g_ptr_array_index (rules->platforms, i);
      g_autofree char *path = g_strdup_printf ("$.platforms[%u]", i);
      g_autofree char *materials_path = retract_json_path_member (path, "required_materials");

      if (!check_material_list (parser, platform->required_materials, materials_path, error))
        return FALSE;

      for (guint stage = 0; stage < G_N_ELEMENTS (platform->channels); stage++)
        for (guint j = 0; platform->channels[stage][j] != NULL; j++)
          {
            g_autofree char *channel_path =
              g_strdup_printf ("%s.channels[\"%s\"][%u]", path, retract_stage_to_id (stage), j);

            if (!check_channel_for_platform (parser, platform->channels[stage][j], platform->id,
                                             channel_path, error))
              return FALSE;
          }
    }

  for (guint i = 0; i < rules->types->len; i++)
    {
      const RetractComplaintType *type = g_ptr_array_index (rules->types, i);
      g_autofree char *path = g_strdup_printf ("$.types[%u]", i);
      g_autofree char *platform_path = retract_json_path_member (path, "platform");

      if (!check_reference (parser, retract_ruleset_lookup_platform (rules, type->platform) != NULL,
                            platform_path, _("platform"), type->platform, error))
        return FALSE;

      for (guint j = 0; type->warnings[j] != NULL; j++)
        {
          g_autofree char *warning_path = g_strdup_printf ("%s.warnings[%u]", path, j);

          if (!check_reference (parser,
                                retract_ruleset_lookup_warning (rules, type->warnings[j]) != NULL,
                                warning_path, _("warning"), type->warnings[j], error))
            return FALSE;
        }
    }

  for (guint i = 0; i < rules->channels->len; i++)
    {
      const RetractChannel *channel = g_ptr_array_index (rules->channels, i);
      g_autofree char *path = g_strdup_printf ("$.channels[%u].platform", i);

      if (channel->platform != NULL &&
          !check_reference (parser,
                            retract_ruleset_lookup_platform (rules, channel->platform) != NULL,
                            path, _("platform"), channel->platform, error))
        return FALSE;
    }

  for (guint i = 0; i < rules->mistakes->len; i++)
    {
      const RetractMistake *mistake = g_ptr_array_index (rules->mistakes, i);
      g_autofree char *path = g_strdup_printf ("$.mistakes[%u].evidence", i);

      if (!check_reference (parser,
                            retract_ruleset_lookup_material (rules, mistake->evidence) != NULL,
                            path, _("material"), mistake->evidence, error))
        return FALSE;
    }

  for (guint i = 0; i < rules->scenarios->len; i++)
    {
      const RetractScenario *scenario = g_ptr_array_index (rules->scenarios, i);
      g_autofree char *path = g_strdup_printf ("$.scenarios[%u]", i);
      g_autofree char *materials_path = retract_json_path_member (path, "materials");

      if (scenario->first_channel != NULL)
        {
          g_autofree char *channel_path = retract_json_path_member (path, "first_channel");

          if (!check_channel_for_platform (parser, scenario->first_channel, NULL, channel_path,
                                           error))
            return FALSE;
        }

      for (guint j = 0; j < scenario->replaces->len; j++)
        {
          const RetractChannelReplacement *replacement = g_ptr_array_index (scenario->replaces, j);
          g_autofree char *from_path = g_strdup_printf ("%s.replaces[%u].from", path, j);
          g_autofree char *to_path = g_strdup_printf ("%s.replaces[%u].to", path, j);

          if (!check_channel_for_platform (parser, replacement->from, NULL, from_path, error) ||
              !check_channel_for_platform (parser, replacement->to, NULL, to_path, error))
            return FALSE;
        }

      if (scenario->not_withdrawable != (scenario->legal_deadline_working_days > 0))
        {
          retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                           _("a scenario that makes a complaint not withdrawable "
                                             "gives a “legal_deadline”, and only such a one"));
          return FALSE;
        }

      if (!check_material_list (parser, scenario->materials, materials_path, error))
        return FALSE;
    }

  for (guint i = 0; i < rules->comparison->len; i++)
    {
      const RetractComparison *row = g_ptr_array_index (rules->comparison, i);
      g_autofree char *path = g_strdup_printf ("$.comparison[%u].platform", i);

      if (!check_reference (parser, retract_ruleset_lookup_platform (rules, row->platform) != NULL,
                            path, _("platform"), row->platform, error))
        return FALSE;
    }

  for (guint kind = 0; kind < RETRACT_N_NOTES_KINDS; kind++)
    for (guint i = 0; i < rules->notes[kind]->len; i++)
      {
        const RetractNote *note = g_ptr_array_index (rules->notes[kind], i);
        g_autofree char *path = g_strdup_printf ("$.%s[%u].platform", note_keys[kind], i);

        if (note->platform != NULL &&
            !check_reference (parser,
                              retract_ruleset_lookup_platform (rules, note->platform) != NULL,
                              path, _("platform"), note->platform, error))
          return FALSE;
      }

  for (guint i = 0; i < rules->links->len; i++)
    {
      const RetractLink *link = g_ptr_array_index (rules->links, i);
      g_autofree char *path = g_strdup_printf ("$.meta.official_links[%u].platform", i);

      if (!check_reference (parser, retract_ruleset_lookup_platform (rules, link->platform) != NULL,
                            path, _("platform"), link->platform, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_engine_ids (Parser  *parser,
                  GError **error)
{
  RetractRuleset *rules = parser->rules;
  const RetractWarning *monthly;

  for (guint stage = 0; stage < RETRACT_N_STAGES; stage++)
    if (retract_ruleset_get_stage_info (rules, stage) == NULL)
      {
        retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_MISSING,
                                         "$.stages", _("stage “%s” is missing"),
                                         retract_stage_to_id (stage));
        return FALSE;
      }

  for (guint i = 0; engine_warning_ids[i] != NULL; i++)
    if (retract_ruleset_lookup_warning (rules, engine_warning_ids[i]) == NULL)
      {
        retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_MISSING,
                                         "$.warnings", _("warning “%s” is missing"),
                                         engine_warning_ids[i]);
        return FALSE;
      }

  monthly = retract_ruleset_lookup_warning (rules, "monthly-limit");
  if (monthly->threshold < 0)
    {
      retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_MISSING,
                                       "$.warnings",
                                       _("warning “monthly-limit” needs a “threshold”"));
      return FALSE;
    }

  for (guint i = 0; engine_material_ids[i] != NULL; i++)
    if (retract_ruleset_lookup_material (rules, engine_material_ids[i]) == NULL)
      {
        retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_MISSING,
                                         "$.materials", _("material “%s” is missing"),
                                         engine_material_ids[i]);
        return FALSE;
      }

  for (guint i = 0; engine_mistake_ids[i] != NULL; i++)
    if (retract_ruleset_lookup_mistake (rules, engine_mistake_ids[i]) == NULL)
      {
        retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_MISSING,
                                         "$.mistakes", _("mistake “%s” is missing"),
                                         engine_mistake_ids[i]);
        return FALSE;
      }

  return TRUE;
}

static gboolean
parse_document (Parser  *parser,
                GError **error)
{
  static const char * const keys[] = {
    "meta", "sections", "review", "platforms", "types", "type_notes", "stages", "channels",
    "channel_notes", "materials", "mistakes", "scenarios", "warnings", "risks", "comparison",
    "comparison_notes", "prevention", "remediation", "calendar", NULL
  };
  JsonObject *root;

  root = retract_json_document_expect_object (parser->doc,
                                              retract_json_document_get_root (parser->doc),
                                              "$", error);

  /* Characters first, so that no later message repeats a control or bidi
   * character; then meta, so an unsupported schema is reported before
   * unknown keys. Every dataset text is a single line: paragraphs and steps
   * are lists. */
  return root != NULL &&
         retract_text_check_document (parser->doc, NULL, error) &&
         parse_meta (parser, root, error) &&
         retract_json_document_check_keys (parser->doc, root, "$", keys, error) &&
         parse_array (parser, root, "sections", parse_section, error) &&
         parse_review (parser, root, error) &&
         parse_array (parser, root, "platforms", parse_platform, error) &&
         parse_array (parser, root, "types", parse_type, error) &&
         parse_array (parser, root, "stages", parse_stage, error) &&
         parse_array (parser, root, "channels", parse_channel, error) &&
         parse_array (parser, root, "materials", parse_material, error) &&
         parse_array (parser, root, "mistakes", parse_mistake, error) &&
         parse_array (parser, root, "scenarios", parse_scenario, error) &&
         parse_array (parser, root, "warnings", parse_warning, error) &&
         parse_array (parser, root, "comparison", parse_comparison, error) &&
         parse_notes (parser, root, error) &&
         parse_calendar (parser, root, error) &&
         check_references (parser, error) &&
         check_engine_ids (parser, error);
}

static void
retract_ruleset_finalize (GObject *object)
{
  RetractRuleset *self = (RetractRuleset *)object;

  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->location, g_free);
  retract_text_clear (&self->title);
  retract_text_clear (&self->disclaimer);
  retract_text_clear (&self->calendar_source);
  g_clear_object (&self->calendar);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->platforms, g_ptr_array_unref);
  g_clear_pointer (&self->types, g_ptr_array_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_clear_pointer (&self->materials, g_ptr_array_unref);
  g_clear_pointer (&self->mistakes, g_ptr_array_unref);
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->comparison, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  for (guint i = 0; i < RETRACT_N_NOTES_KINDS; i++)
    g_clear_pointer (&self->notes[i], g_ptr_array_unref);

  G_OBJECT_CLASS (retract_ruleset_parent_class)->finalize (object);
}

static void
retract_ruleset_class_init (RetractRulesetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = retract_ruleset_finalize;
}

static void
retract_ruleset_init (RetractRuleset *self)
{
  self->calendar = retract_calendar_new ();
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_section_free);
  self->platforms = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_platform_free);
  self->types = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_complaint_type_free);
  self->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_stage_info_free);
  self->channels = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_channel_free);
  self->materials = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_material_free);
  self->mistakes = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_mistake_free);
  self->scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_scenario_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_warning_free);
  self->comparison = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_comparison_free);
  self->links = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_link_free);
  for (guint i = 0; i < RETRACT_N_NOTES_KINDS; i++)
    self->notes[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_note_free);
}

static RetractRuleset *
ruleset_new_from_document (RetractJsonDocument *doc,
                           const char          *origin,
                           const char          *location,
                           GError             **error)
{
  g_autoptr(RetractRuleset) self = g_object_new (RETRACT_TYPE_RULESET, NULL);
  Parser parser = { doc, self };

  if (!parse_document (&parser, error))
    return NULL;

  self->origin = g_strdup (origin);
  self->location = g_strdup (location);
  return g_steal_pointer (&self);
}

/**
 * retract_ruleset_new_from_bytes:
 * @display_name: the name used in messages and as the location
 *
 * Returns: (transfer full) (nullable): the validated rules
 */
RetractRuleset *
retract_ruleset_new_from_bytes (GBytes     *bytes,
                                const char *display_name,
                                GError    **error)
{
  static const RetractJsonLimits limits = { RETRACT_RULESET_MAX_BYTES, MAX_DEPTH };
  g_autoptr(RetractJsonDocument) doc = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  doc = retract_json_document_new_from_bytes (bytes, display_name, &limits, error);
  if (doc == NULL)
    return NULL;

  return ruleset_new_from_document (doc, "file", display_name, error);
}

/**
 * retract_ruleset_new_from_file:
 *
 * Returns: (transfer full) (nullable): the validated rules read from @path
 */
RetractRuleset *
retract_ruleset_new_from_file (const char *path,
                               GError    **error)
{
  static const RetractJsonLimits limits = { RETRACT_RULESET_MAX_BYTES, MAX_DEPTH };
  g_autoptr(RetractJsonDocument) doc = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  doc = retract_json_document_new_from_file (path, &limits, error);
  if (doc == NULL)
    return NULL;

  return ruleset_new_from_document (doc, "file", path, error);
}

/**
 * retract_ruleset_new_downloaded:
 *
 * Like retract_ruleset_new_from_file(), for the dataset an update installed:
 * its origin says "downloaded".
 *
 * Returns: (transfer full) (nullable): the validated rules read from @path
 */
RetractRuleset *
retract_ruleset_new_downloaded (const char *path,
                                GError    **error)
{
  static const RetractJsonLimits limits = { RETRACT_RULESET_MAX_BYTES, MAX_DEPTH };
  g_autoptr(RetractJsonDocument) doc = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  doc = retract_json_document_new_from_file (path, &limits, error);
  if (doc == NULL)
    return NULL;

  return ruleset_new_from_document (doc, "downloaded", path, error);
}

/**
 * retract_ruleset_new_bundled:
 *
 * The dataset compiled into the program. It is validated like any other, so
 * a broken build is caught by the test that loads it.
 *
 * Returns: (transfer full) (nullable): the bundled rules
 */
RetractRuleset *
retract_ruleset_new_bundled (GError **error)
{
  static const RetractJsonLimits limits = { RETRACT_RULESET_MAX_BYTES, MAX_DEPTH };
  g_autoptr(RetractJsonDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  /* Through our own GResource, so the static library's copy is always linked in. */
  bytes = g_resource_lookup_data (retract_core_get_resource (), RETRACT_RULESET_BUNDLED_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_IO,
                   _("The bundled rules are missing: %s"), local_error->message);
      return NULL;
    }

  doc = retract_json_document_new_from_bytes (bytes, "rules.json", &limits, error);
  if (doc == NULL)
    return NULL;

  return ruleset_new_from_document (doc, "bundled",
                                    "resource://" RETRACT_RULESET_BUNDLED_PATH, error);
}

const char *
retract_ruleset_get_version (RetractRuleset *self)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);
  return self->version;
}

const char *
retract_ruleset_get_published (RetractRuleset *self)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);
  return self->published;
}

/**
 * retract_ruleset_get_origin:
 *
 * Returns: "bundled" for the dataset compiled in, "downloaded" for one an
 *   update installed, "file" for any other read from disk
 */
const char *
retract_ruleset_get_origin (RetractRuleset *self)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);
  return self->origin;
}

const char *
retract_ruleset_get_location (RetractRuleset *self)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);
  return self->location;
}

const RetractText *
retract_ruleset_get_title (RetractRuleset *self)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);
  return &self->title;
}

const RetractText *
retract_ruleset_get_disclaimer (RetractRuleset *self)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);
  return &self->disclaimer;
}

const RetractText *
retract_ruleset_get_calendar_source (RetractRuleset *self)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);
  return &self->calendar_source;
}

guint
retract_ruleset_get_auto_review_hours (RetractRuleset *self)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), 0);
  return self->auto_review_hours;
}

/**
 * retract_ruleset_get_calendar:
 *
 * Returns: (transfer none): the working-day calendar
 */
RetractCalendar *
retract_ruleset_get_calendar (RetractRuleset *self)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);
  return self->calendar;
}

#define DEFINE_LIST_GETTER(name)                                  \
  GPtrArray *                                                     \
  retract_ruleset_get_##name (RetractRuleset *self)               \
  {                                                               \
    g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);       \
    return self->name;                                            \
  }

DEFINE_LIST_GETTER (sections)
DEFINE_LIST_GETTER (platforms)
DEFINE_LIST_GETTER (types)
DEFINE_LIST_GETTER (channels)
DEFINE_LIST_GETTER (materials)
DEFINE_LIST_GETTER (mistakes)
DEFINE_LIST_GETTER (scenarios)
DEFINE_LIST_GETTER (warnings)
DEFINE_LIST_GETTER (comparison)
DEFINE_LIST_GETTER (links)

#undef DEFINE_LIST_GETTER

/**
 * retract_ruleset_get_notes:
 *
 * Returns: (transfer none) (element-type RetractNote): the notes of @kind
 */
GPtrArray *
retract_ruleset_get_notes (RetractRuleset  *self,
                           RetractNotesKind kind)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);
  g_return_val_if_fail (kind < RETRACT_N_NOTES_KINDS, NULL);

  return self->notes[kind];
}

/* Every record with an id keeps it as its first member. */
static gconstpointer
lookup_by_id (GPtrArray  *records,
              const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < records->len; i++)
    {
      gconstpointer record = g_ptr_array_index (records, i);

      if (g_strcmp0 (*(char * const *) record, id) == 0)
        return record;
    }

  return NULL;
}

const RetractSection *
retract_ruleset_lookup_section (RetractRuleset *self,
                                guint           id)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      const RetractSection *section = g_ptr_array_index (self->sections, i);

      if (section->id == id)
        return section;
    }

  return NULL;
}

const RetractPlatform *
retract_ruleset_lookup_platform (RetractRuleset *self,
                                 const char     *id)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);
  return lookup_by_id (self->platforms, id);
}

const RetractComplaintType *
retract_ruleset_lookup_type (RetractRuleset *self,
                             const char     *platform,
                             const char     *id)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);

  if (platform == NULL || id == NULL)
    return NULL;

  for (guint i = 0; i < self->types->len; i++)
    {
      const RetractComplaintType *type = g_ptr_array_index (self->types, i);

      if (g_str_equal (type->platform, platform) && g_str_equal (type->id, id))
        return type;
    }

  return NULL;
}

const RetractStageInfo *
retract_ruleset_get_stage_info (RetractRuleset *self,
                                RetractStage    stage)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);

  for (guint i = 0; i < self->stages->len; i++)
    {
      const RetractStageInfo *info = g_ptr_array_index (self->stages, i);

      if (info->stage == stage)
        return info;
    }

  return NULL;
}

const RetractChannel *
retract_ruleset_lookup_channel (RetractRuleset *self,
                                const char     *id)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);
  return lookup_by_id (self->channels, id);
}

const RetractMaterial *
retract_ruleset_lookup_material (RetractRuleset *self,
                                 const char     *id)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);
  return lookup_by_id (self->materials, id);
}

const RetractMistake *
retract_ruleset_lookup_mistake (RetractRuleset *self,
                                const char     *id)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);
  return lookup_by_id (self->mistakes, id);
}

const RetractScenario *
retract_ruleset_lookup_scenario (RetractRuleset *self,
                                 const char     *id)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);
  return lookup_by_id (self->scenarios, id);
}

const RetractWarning *
retract_ruleset_lookup_warning (RetractRuleset *self,
                                const char     *id)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);
  return lookup_by_id (self->warnings, id);
}

/**
 * retract_ruleset_list_ids:
 * @records: records whose first member is their id
 *
 * Returns: (transfer full): the ids joined by ", ", for messages
 */
char *
retract_ruleset_list_ids (GPtrArray *records)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < records->len; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, *(char * const *) g_ptr_array_index (records, i));
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/**
 * retract_ruleset_list_type_ids:
 *
 * Returns: (transfer full): the complaint types of @platform joined by ", "
 */
char *
retract_ruleset_list_type_ids (RetractRuleset *self,
                               const char     *platform)
{
  g_autoptr(GString) list = g_string_new (NULL);

  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);

  for (guint i = 0; i < self->types->len; i++)
    {
      const RetractComplaintType *type = g_ptr_array_index (self->types, i);

      gboolean listed = FALSE;

      if (platform != NULL && !g_str_equal (type->platform, platform))
        continue;
      /* "general" belongs to two platforms; name it once. */
      for (guint j = 0; j < i && !listed; j++)
        {
          const RetractComplaintType *earlier = g_ptr_array_index (self->types, j);

          listed = (platform == NULL || g_str_equal (earlier->platform, platform)) &&
                   g_str_equal (earlier->id, type->id);
        }
      if (listed)
        continue;
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, type->id);
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/**
 * retract_ruleset_compare_versions:
 *
 * Compares two dataset versions ("2026.11.1") part by part as numbers.
 *
 * Returns: negative, zero or positive as @a is older, equal or newer than @b
 */
int
retract_ruleset_compare_versions (const char *a,
                                  const char *b)
{
  g_auto(GStrv) parts_a = g_strsplit (a, ".", -1);
  g_auto(GStrv) parts_b = g_strsplit (b, ".", -1);
  guint i;

  for (i = 0; parts_a[i] != NULL && parts_b[i] != NULL; i++)
    {
      guint64 number_a = g_ascii_strtoull (parts_a[i], NULL, 10);
      guint64 number_b = g_ascii_strtoull (parts_b[i], NULL, 10);

      if (number_a != number_b)
        return number_a < number_b ? -1 : 1;
    }

  if (parts_a[i] != NULL)
    return 1;
  if (parts_b[i] != NULL)
    return -1;
  return 0;
}
