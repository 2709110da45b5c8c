/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Everything the user has answered about one mistaken complaint, and its
 * versioned JSON file. A case may be incomplete (it is saved as it is typed);
 * completeness is for the assessment and the letter to judge. */

#define G_LOG_DOMAIN "retract-case"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "retract-case.h"
#include "retract-case-fields-private.h"
#include "retract-error.h"
#include "retract-file.h"
#include "retract-json-document.h"
#include "retract-text.h"
#include "retract-time.h"
#include "retract-validators.h"

#define MAX_DEPTH 8

struct _RetractCase
{
  GObject    parent_instance;

  char      *platform;
  char      *complaint_type;
  GDateTime *filed_at;
  char      *mistake;
  GPtrArray *scenarios;
  int        withdrawals_this_month;
  gboolean   other_party_loss;
  char      *details[RETRACT_N_DETAILS];
  GHashTable *materials; /* material id → MaterialState */
  char      *step;
};

typedef struct
{
  gboolean  ready;
  char     *attachment;
} MaterialState;

enum {
  MATERIALS_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
material_state_free (gpointer data)
{
  MaterialState *state = data;

  g_free (state->attachment);
  g_free (state);
}

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
  PROP_APPLICANT_NAME,
  PROP_APPLICANT_WECHAT_ID,
  PROP_APPLICANT_PHONE,
  PROP_APPLICANT_ID_NUMBER,
  PROP_COMPLAINT_NUMBER,
  PROP_RESPONDENT,
  PROP_NARRATIVE,
  PROP_REASON,
  PROP_STEP,
  N_PROPS
};

#define PROP_FIRST_DETAIL PROP_APPLICANT_NAME

static GParamSpec *properties [N_PROPS];

/* Empty text means "not answered"; keeping it NULL keeps the file honest. */
static gboolean
replace_string (char      **field,
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
    g_clear_pointer (&self->details[i], g_free);
  g_clear_pointer (&self->materials, g_hash_table_unref);
  g_clear_pointer (&self->step, g_free);

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
    case PROP_APPLICANT_NAME:
    case PROP_APPLICANT_WECHAT_ID:
    case PROP_APPLICANT_PHONE:
    case PROP_APPLICANT_ID_NUMBER:
    case PROP_COMPLAINT_NUMBER:
    case PROP_RESPONDENT:
    case PROP_NARRATIVE:
    case PROP_REASON:
      g_value_set_string (value, self->details[prop_id - PROP_FIRST_DETAIL]);
      break;
    case PROP_STEP:
      g_value_set_string (value, self->step);
      break;
    default:
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
    case PROP_APPLICANT_NAME:
    case PROP_APPLICANT_WECHAT_ID:
    case PROP_APPLICANT_PHONE:
    case PROP_APPLICANT_ID_NUMBER:
    case PROP_COMPLAINT_NUMBER:
    case PROP_RESPONDENT:
    case PROP_NARRATIVE:
    case PROP_REASON:
      retract_case_set_detail (self, prop_id - PROP_FIRST_DETAIL, g_value_get_string (value));
      break;
    case PROP_STEP:
      retract_case_set_step (self, g_value_get_string (value));
      break;
    default:
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

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    properties [PROP_FIRST_DETAIL + i] =
      g_param_spec_string (retract_case_field (i)->property, NULL, NULL, NULL, flags);

  properties [PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RetractCase::materials-changed:
   *
   * A material was ticked, unticked, attached or detached.
   */
  signals [MATERIALS_CHANGED] =
    g_signal_new ("materials-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
retract_case_init (RetractCase *self)
{
  self->mistake = g_strdup (RETRACT_DEFAULT_MISTAKE);
  self->scenarios = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->materials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, material_state_free);
}

RetractCase *
retract_case_new (void)
{
  return g_object_new (RETRACT_TYPE_CASE, NULL);
}

static gboolean
read_text_detail (RetractJsonDocument *doc,
                  JsonObject          *object,
                  const char          *path,
                  RetractCase         *self,
                  RetractDetail        detail,
                  GError             **error)
{
  const char *value = NULL;

  if (!retract_json_document_read_string (doc, object, path, retract_case_field (detail)->json_key,
                                          RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE, &value,
                                          error))
    return FALSE;

  replace_string (&self->details[detail], value);
  return TRUE;
}

/* The keys the table puts in the top level (@applicant FALSE) or under
 * "applicant", in the table's order, between @before and @after. */
static GStrv
detail_keys (gboolean            applicant,
             const char * const *before,
             const char * const *after)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (before != NULL)
    g_strv_builder_addv (builder, (const char **) before);
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    if (retract_case_field (i)->applicant == applicant)
      g_strv_builder_add (builder, retract_case_field (i)->json_key);
  if (after != NULL)
    g_strv_builder_addv (builder, (const char **) after);

  return g_strv_builder_end (builder);
}

static gboolean
load_applicant (RetractJsonDocument *doc,
                JsonObject          *root,
                RetractCase         *self,
                GError             **error)
{
  g_auto(GStrv) keys = detail_keys (TRUE, NULL, NULL);
  JsonObject *applicant = NULL;

  if (!retract_json_document_read_object (doc, root, "$", "applicant",
                                          RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE,
                                          &applicant, error))
    return FALSE;
  if (applicant == NULL)
    return TRUE;

  if (!retract_json_document_check_keys (doc, applicant, "$.applicant",
                                         (const char * const *) keys, error))
    return FALSE;

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    if (retract_case_field (i)->applicant &&
        !read_text_detail (doc, applicant, "$.applicant", self, i, error))
      return FALSE;

  return TRUE;
}

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
          g_autofree char *attachment_path = retract_json_path_member (path, "attachment");

          retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE,
                                           attachment_path, "%s", local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
load_case (RetractJsonDocument *doc,
           RetractCase         *self,
           GError             **error)
{
  static const char * const keys_before[] = {
    "format", "platform", "type", "filed_at", "mistake", "scenarios", "withdrawals_this_month",
    "other_party_loss", "applicant", NULL
  };
  static const char * const keys_after[] = { "materials", "step", NULL };
  g_auto(GStrv) keys = detail_keys (FALSE, keys_before, keys_after);
  g_autoptr(GPtrArray) multiline_paths = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  JsonObject *root;
  const char *platform = NULL, *type = NULL, *filed_at = NULL, *mistake = NULL, *step = NULL;
  gint64 format, withdrawals = 0;
  gboolean other_party_loss = FALSE;

  root = retract_json_document_expect_object (doc, retract_json_document_get_root (doc), "$",
                                              error);
  if (root == NULL ||
      !retract_json_document_read_int (doc, root, "$", "format", RETRACT_JSON_REQUIRED,
                                       1, G_MAXINT, &format, error))
    return FALSE;

  if (format != RETRACT_CASE_FORMAT)
    {
      retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_UNSUPPORTED, "$.format",
                                       _("this case was saved by a newer version of Retract "
                                         "(format %d; this version reads format %d)"),
                                       (int) format, RETRACT_CASE_FORMAT);
      return FALSE;
    }

  /* Every text is checked before anything repeats it in a message; only the
   * multiline fields (the narrative and the reason) may hold several lines. */
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    if (retract_case_field (i)->multiline)
      g_ptr_array_add (multiline_paths, g_strconcat ("$.", retract_case_field (i)->field, NULL));

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
      !load_applicant (doc, root, self, error) ||
      !load_materials (doc, root, self, error) ||
      !retract_json_document_read_string (doc, root, "$", "step",
                                          RETRACT_JSON_OPTIONAL | RETRACT_JSON_NULLABLE, &step,
                                          error))
    return FALSE;

  replace_string (&self->step, step);

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    if (!retract_case_field (i)->applicant && !read_text_detail (doc, root, "$", self, i, error))
      return FALSE;

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

  replace_string (&self->platform, platform);
  replace_string (&self->complaint_type, type);
  if (mistake != NULL)
    replace_string (&self->mistake, mistake);
  self->withdrawals_this_month = (int) withdrawals;
  self->other_party_loss = other_party_loss;

  return TRUE;
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
  static const RetractJsonLimits limits = { RETRACT_CASE_MAX_BYTES, MAX_DEPTH };
  g_autoptr(RetractJsonDocument) doc = NULL;
  g_autoptr(RetractCase) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  doc = retract_json_document_new_from_bytes (bytes, display_name, &limits, error);
  if (doc == NULL)
    return NULL;

  self = retract_case_new ();
  if (!load_case (doc, self, error))
    return NULL;

  return g_steal_pointer (&self);
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
  static const RetractJsonLimits limits = { RETRACT_CASE_MAX_BYTES, MAX_DEPTH };
  g_autoptr(RetractJsonDocument) doc = NULL;
  g_autoptr(RetractCase) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  doc = retract_json_document_new_from_file (path, &limits, error);
  if (doc == NULL)
    return NULL;

  self = retract_case_new ();
  if (!load_case (doc, self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *key,
                   const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

/**
 * retract_case_to_json:
 *
 * Returns: (transfer full): the case file's text, with only what was answered
 */
char *
retract_case_to_json (RetractCase *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) escaped = NULL;
  g_autofree char *text = NULL;
  gboolean any_applicant = FALSE;

  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, RETRACT_CASE_FORMAT);
  add_string_member (builder, "platform", self->platform);
  add_string_member (builder, "type", self->complaint_type);
  if (self->filed_at != NULL)
    {
      g_autofree char *filed_at = retract_time_format_iso (self->filed_at);

      add_string_member (builder, "filed_at", filed_at);
    }
  add_string_member (builder, "mistake", self->mistake);

  json_builder_set_member_name (builder, "scenarios");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->scenarios->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->scenarios, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "withdrawals_this_month");
  json_builder_add_int_value (builder, self->withdrawals_this_month);
  json_builder_set_member_name (builder, "other_party_loss");
  json_builder_add_boolean_value (builder, self->other_party_loss);

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    any_applicant = any_applicant || (retract_case_field (i)->applicant && self->details[i] != NULL);

  if (any_applicant)
    {
      json_builder_set_member_name (builder, "applicant");
      json_builder_begin_object (builder);
      for (guint i = 0; i < RETRACT_N_DETAILS; i++)
        if (retract_case_field (i)->applicant)
          add_string_member (builder, retract_case_field (i)->json_key, self->details[i]);
      json_builder_end_object (builder);
    }

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    if (!retract_case_field (i)->applicant)
      add_string_member (builder, retract_case_field (i)->json_key, self->details[i]);

  if (g_hash_table_size (self->materials) > 0)
    {
      g_autoptr(GList) ids = g_list_sort (g_hash_table_get_keys (self->materials),
                                          (GCompareFunc) g_strcmp0);

      json_builder_set_member_name (builder, "materials");
      json_builder_begin_object (builder);
      for (const GList *l = ids; l != NULL; l = l->next)
        {
          const MaterialState *state = g_hash_table_lookup (self->materials, l->data);

          json_builder_set_member_name (builder, l->data);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "ready");
          json_builder_add_boolean_value (builder, state->ready);
          add_string_member (builder, "attachment", state->attachment);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }

  add_string_member (builder, "step", self->step);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  text = json_generator_to_data (generator, NULL);

  /* json-glib 1.6 writes U+001F unescaped, which strict JSON (and our own
   * loader) refuses. Raw control bytes can only be inside strings here. */
  escaped = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 && *p != '\n')
        g_string_append_printf (escaped, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (escaped, *p);
    }

  return g_string_free (g_steal_pointer (&escaped), FALSE);
}

/**
 * retract_case_save_to_file:
 *
 * Writes the case atomically (a rename over the old file, after fsync) with
 * mode 0600: a crash leaves the old file or the new one, never half of one,
 * and no other user can read it. Only a regular file is replaced (see
 * retract_file_replace()).
 */
gboolean
retract_case_save_to_file (RetractCase *self,
                           const char  *path,
                           GError     **error)
{
  g_autofree char *contents = NULL;

  g_return_val_if_fail (RETRACT_IS_CASE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  contents = retract_case_to_json (self);
  return retract_file_replace (path, contents, strlen (contents), error);
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

  if (replace_string (&self->platform, platform))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLATFORM]);
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

  if (replace_string (&self->complaint_type, complaint_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPLAINT_TYPE]);
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
  if (replace_string (&self->mistake, mistake))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MISTAKE]);
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

  if (replace_string (&self->details[detail], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FIRST_DETAIL + detail]);
}

static MaterialState *
ensure_material (RetractCase *self,
                 const char  *material)
{
  MaterialState *state = g_hash_table_lookup (self->materials, material);

  if (state == NULL)
    {
      state = g_new0 (MaterialState, 1);
      g_hash_table_insert (self->materials, g_strdup (material), state);
    }

  return state;
}

/* Entries with nothing in them are dropped, so the file stays small. */
static void
prune_material (RetractCase *self,
                const char  *material)
{
  const MaterialState *state = g_hash_table_lookup (self->materials, material);

  if (state != NULL && !state->ready && state->attachment == NULL)
    g_hash_table_remove (self->materials, material);
}

gboolean
retract_case_get_material_ready (RetractCase *self,
                                 const char  *material)
{
  const MaterialState *state;

  g_return_val_if_fail (RETRACT_IS_CASE (self), FALSE);
  g_return_val_if_fail (material != NULL, FALSE);

  state = g_hash_table_lookup (self->materials, material);
  return state != NULL && state->ready;
}

void
retract_case_set_material_ready (RetractCase *self,
                                 const char  *material,
                                 gboolean     ready)
{
  MaterialState *state;

  g_return_if_fail (RETRACT_IS_CASE (self));
  g_return_if_fail (material != NULL && *material != '\0');

  if (retract_case_get_material_ready (self, material) == !!ready)
    return;

  state = ensure_material (self, material);
  state->ready = !!ready;
  prune_material (self, material);
  g_signal_emit (self, signals [MATERIALS_CHANGED], 0);
}

/**
 * retract_case_get_material_attachment:
 *
 * Returns: (transfer none) (nullable): the file attached for @material
 */
const char *
retract_case_get_material_attachment (RetractCase *self,
                                      const char  *material)
{
  const MaterialState *state;

  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  g_return_val_if_fail (material != NULL, NULL);

  state = g_hash_table_lookup (self->materials, material);
  return state != NULL ? state->attachment : NULL;
}

/* The letter shows the file's base name, so the whole path must be text that
 * stays text, and end in a name. */
static gboolean
check_attachment (const char *material,
                  const char *path,
                  GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;

  if (strlen (path) > RETRACT_CASE_MAX_ATTACHMENT_BYTES)
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   /* Translators: %1$s is a material's id, such as "screen-recording" */
                   _("the path of the file attached for “%1$s” is too long"), material);
      return FALSE;
    }

  if (!retract_validate_characters (path, FALSE, &local_error))
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   /* Translators: %1$s is a material's id, such as "screen-recording";
                    * %2$s says what is wrong, such as "contains a line break or control
                    * character (U+000A)" */
                   _("the name of the file attached for “%1$s” %2$s"), material,
                   local_error->message);
      return FALSE;
    }

  /* A name of only spaces would print as an empty "（文件：   ）". */
  basename = g_strstrip (g_path_get_basename (path));
  if (*basename == '\0' || g_str_equal (basename, G_DIR_SEPARATOR_S) ||
      g_str_equal (basename, ".") || g_str_equal (basename, ".."))
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   /* Translators: %1$s is a material's id, such as "screen-recording" */
                   _("the file attached for “%1$s” has no file name"), material);
      return FALSE;
    }

  /* No file system has longer names (NAME_MAX): nothing real is refused. */
  if (strlen (basename) > 255)
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   /* Translators: %1$s is a material's id, such as "screen-recording" */
                   _("the name of the file attached for “%1$s” is longer than 255 bytes"),
                   material);
      return FALSE;
    }

  return TRUE;
}

/**
 * retract_case_set_material_attachment:
 * @path: (nullable): the attached file, or %NULL (or "") to detach
 * @error: names the material when the file's name is refused
 *
 * Attaches a file to @material. A path with a control, line-separator or
 * bidi character (see retract_validate_characters()), or without a file
 * name, is refused and the attachment is left as it was.
 *
 * Returns: %TRUE if @path was stored
 */
gboolean
retract_case_set_material_attachment (RetractCase *self,
                                      const char  *material,
                                      const char  *path,
                                      GError     **error)
{
  MaterialState *state;

  g_return_val_if_fail (RETRACT_IS_CASE (self), FALSE);
  g_return_val_if_fail (material != NULL && *material != '\0', FALSE);

  /* "" detaches, like %NULL: nothing changes if nothing was attached. */
  if (path != NULL && *path == '\0')
    path = NULL;

  if (path != NULL && !check_attachment (material, path, error))
    return FALSE;

  if (g_strcmp0 (retract_case_get_material_attachment (self, material), path) == 0)
    return TRUE;

  state = ensure_material (self, material);
  replace_string (&state->attachment, path);
  prune_material (self, material);
  g_signal_emit (self, signals [MATERIALS_CHANGED], 0);
  return TRUE;
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

  if (replace_string (&self->step, step))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STEP]);
}
