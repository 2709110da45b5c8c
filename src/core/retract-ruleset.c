/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The rules dataset, loaded strictly: every key known, every type checked,
 * every id a record points to present, the engine's own ids present. A dataset
 * that fails any check is refused as a whole, with the place it failed.
 *
 * This file holds the type, its constructors and its typed lookups; the loader
 * is retract-ruleset-parser.c and the checks across records are
 * retract-ruleset-check.c. */

#define G_LOG_DOMAIN "retract-ruleset"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-core-resources.h"
#include "retract-error.h"
#include "retract-ruleset-private.h"

#define MAX_DEPTH 16

G_DEFINE_FINAL_TYPE (RetractRuleset, retract_ruleset, G_TYPE_OBJECT)

static void
retract_ruleset_finalize (GObject *object)
{
  RetractRuleset *self = (RetractRuleset *)object;

  /* Every member the dataset fills is freed by the parser's tables, which
   * know what each holds; what the tables do not read is freed here. */
  retract_ruleset_clear_record (&retract_ruleset_spec, self);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->issued, g_date_time_unref);
  g_clear_pointer (&self->expires, g_date_time_unref);
  g_clear_object (&self->calendar);

  G_OBJECT_CLASS (retract_ruleset_parent_class)->finalize (object);
}

static void
retract_ruleset_class_init (RetractRulesetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = retract_ruleset_finalize;
}

/* The lists of records are made as the parser reads them. */
static void
retract_ruleset_init (RetractRuleset *self)
{
  self->calendar = retract_calendar_new ();
}

/* Every constructor ends here: @bytes if given, else the file at @location. */
static RetractRuleset *
ruleset_load (GBytes             *bytes,
              const char         *display_name,
              RetractRulesOrigin  origin,
              const char         *location,
              GError            **error)
{
  static const RetractJsonLimits limits = { RETRACT_RULESET_MAX_BYTES, MAX_DEPTH };
  g_autoptr(RetractJsonDocument) doc = NULL;
  g_autoptr(RetractRuleset) self = NULL;

  if (bytes != NULL)
    doc = retract_json_document_new_from_bytes (bytes, display_name, &limits, error);
  else
    doc = retract_json_document_new_from_file (location, &limits, error);
  if (doc == NULL)
    return NULL;

  self = g_object_new (RETRACT_TYPE_RULESET, NULL);
  if (!retract_ruleset_parse (self, doc, error))
    return NULL;

  self->origin = origin;
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
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  return ruleset_load (bytes, display_name, RETRACT_RULES_ORIGIN_FILE, display_name, error);
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
  g_return_val_if_fail (path != NULL, NULL);

  return ruleset_load (NULL, NULL, RETRACT_RULES_ORIGIN_FILE, path, error);
}

/**
 * retract_ruleset_new_downloaded:
 *
 * Like retract_ruleset_new_from_file(), for the dataset an update installed:
 * its origin is %RETRACT_RULES_ORIGIN_DOWNLOADED.
 *
 * Returns: (transfer full) (nullable): the validated rules read from @path
 */
RetractRuleset *
retract_ruleset_new_downloaded (const char *path,
                                GError    **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return ruleset_load (NULL, NULL, RETRACT_RULES_ORIGIN_DOWNLOADED, path, error);
}

/**
 * retract_ruleset_new_downloaded_bytes:
 * @bytes: the dataset as read from @path, once, for its signature and for
 *   this reader alike
 *
 * Returns: (transfer full) (nullable): the validated rules of @bytes, whose
 *   origin is %RETRACT_RULES_ORIGIN_DOWNLOADED and location @path
 */
RetractRuleset *
retract_ruleset_new_downloaded_bytes (GBytes     *bytes,
                                      const char *path,
                                      GError    **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  return ruleset_load (bytes, name, RETRACT_RULES_ORIGIN_DOWNLOADED, path, error);
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

  return ruleset_load (bytes, "rules.json", RETRACT_RULES_ORIGIN_BUNDLED,
                       "resource://" RETRACT_RULESET_BUNDLED_PATH, error);
}

/**
 * retract_rules_origin_to_string:
 *
 * Returns: "bundled", "downloaded" or "file", as the CLI's JSON says it
 */
const char *
retract_rules_origin_to_string (RetractRulesOrigin origin)
{
  switch (origin)
    {
    case RETRACT_RULES_ORIGIN_BUNDLED:
      return "bundled";
    case RETRACT_RULES_ORIGIN_DOWNLOADED:
      return "downloaded";
    case RETRACT_RULES_ORIGIN_FILE:
      return "file";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * retract_ruleset_get_origin:
 *
 * Returns: %RETRACT_RULES_ORIGIN_BUNDLED for the dataset compiled in,
 *   %RETRACT_RULES_ORIGIN_DOWNLOADED for one an update installed,
 *   %RETRACT_RULES_ORIGIN_FILE for any other
 */
RetractRulesOrigin
retract_ruleset_get_origin (RetractRuleset *self)
{
  g_return_val_if_fail (RETRACT_IS_RULESET (self), RETRACT_RULES_ORIGIN_FILE);
  return self->origin;
}

#define DEFINE_GETTER(type, name, value)                          \
  type                                                            \
  retract_ruleset_get_##name (RetractRuleset *self)               \
  {                                                               \
    g_return_val_if_fail (RETRACT_IS_RULESET (self), 0);          \
    return value;                                                 \
  }

DEFINE_GETTER (const char *, version, self->version)
DEFINE_GETTER (const char *, published, self->published)
/* (transfer none): when the dataset was signed for release, and when it stops
 * being installed (one in use keeps working; the app says how old it is) */
DEFINE_GETTER (GDateTime *, issued, self->issued)
DEFINE_GETTER (GDateTime *, expires, self->expires)
DEFINE_GETTER (const char *, location, self->location)
DEFINE_GETTER (const RetractText *, title, &self->title)
DEFINE_GETTER (const RetractText *, disclaimer, &self->disclaimer)
DEFINE_GETTER (const RetractText *, calendar_source, &self->calendar_source)
DEFINE_GETTER (guint, auto_review_hours, self->auto_review_hours)
/* (transfer none): the working-day calendar */
DEFINE_GETTER (RetractCalendar *, calendar, self->calendar)
/* (transfer none) (element-type …): the records in dataset order */
DEFINE_GETTER (GPtrArray *, sections, self->sections)
DEFINE_GETTER (GPtrArray *, platforms, self->platforms)
DEFINE_GETTER (GPtrArray *, types, self->types)
DEFINE_GETTER (GPtrArray *, channels, self->channels)
DEFINE_GETTER (GPtrArray *, materials, self->materials)
DEFINE_GETTER (GPtrArray *, mistakes, self->mistakes)
DEFINE_GETTER (GPtrArray *, scenarios, self->scenarios)
DEFINE_GETTER (GPtrArray *, warnings, self->warnings)
DEFINE_GETTER (GPtrArray *, comparison, self->comparison)
DEFINE_GETTER (GPtrArray *, links, self->links)

#undef DEFINE_GETTER

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

/* Typed lookups by id: each kind of record through retract_records_find(). */
#define DEFINE_LOOKUP(Type, name, kind, list)                                     \
  const Type *                                                                    \
  retract_ruleset_lookup_##name (RetractRuleset *self,                            \
                                 const char     *id)                              \
  {                                                                               \
    g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);                       \
    return retract_records_find (kind, self->list, id);                           \
  }

DEFINE_LOOKUP (RetractPlatform, platform, RETRACT_RECORD_PLATFORM, platforms)
DEFINE_LOOKUP (RetractChannel, channel, RETRACT_RECORD_CHANNEL, channels)
DEFINE_LOOKUP (RetractMaterial, material, RETRACT_RECORD_MATERIAL, materials)
DEFINE_LOOKUP (RetractMistake, mistake, RETRACT_RECORD_MISTAKE, mistakes)
DEFINE_LOOKUP (RetractScenario, scenario, RETRACT_RECORD_SCENARIO, scenarios)
DEFINE_LOOKUP (RetractWarning, warning, RETRACT_RECORD_WARNING, warnings)

#undef DEFINE_LOOKUP

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

/* How long after its expiry a dataset's notice speaks more firmly. */
#define FIRM_AFTER (90 * G_TIME_SPAN_DAY)

/**
 * retract_ruleset_describe_expiry:
 * @now: the time the answer is given for
 *
 * A dataset past its expiry keeps working (offline too); this is the calm
 * notice to show beside the answer, never instead of it. After 90 more
 * days it says more firmly that the rules may be out of date.
 *
 * Returns: (transfer full) (nullable): the notice, or %NULL while the rules
 *   have not expired
 */
char *
retract_ruleset_describe_expiry (RetractRuleset *self,
                                 GDateTime      *now)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (RETRACT_IS_RULESET (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (g_date_time_compare (self->expires, now) > 0)
    return NULL;

  date = g_date_time_format (self->issued, "%Y-%m-%d");
  if (g_date_time_difference (now, self->expires) < FIRM_AFTER)
    /* Translators: %s is a date such as 2026-11-24 */
    return g_strdup_printf (_("These rules were last confirmed on %s. Check the official "
                              "channels."), date);

  /* Translators: %s is a date such as 2026-11-24 */
  return g_strdup_printf (_("These rules were last confirmed on %s, long ago. They may be out "
                            "of date: check the official channels before you act on them."),
                          date);
}
