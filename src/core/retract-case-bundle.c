/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Export/Import Case File (retract-case-bundle.h). Each case in a bundle is
 * read by the case file's own strict loader, so a bundle can hold nothing a
 * case file could not; the file is written atomically, mode 0600, never
 * through a link (retract_file_replace_own). */

#define G_LOG_DOMAIN "retract-case-bundle"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "retract-case-bundle.h"
#include "retract-case-private.h"
#include "retract-error.h"
#include "retract-file.h"
#include "retract-json-document.h"

#define BUNDLE_KIND "retract-case-bundle"
/* 1 000 cases of a 20 000-character narrative are about 70 MB. */
#define BUNDLE_MAX_BYTES (256 * 1024 * 1024)

/**
 * retract_case_bundle_export:
 * @path: the file the user chose
 * @n_cases: (out) (optional): how many cases it holds
 *
 * Writes every saved case to @path.
 */
gboolean
retract_case_bundle_export (RetractStore *store,
                            const char   *path,
                            guint        *n_cases,
                            GError      **error)
{
  g_autoptr(GPtrArray) light = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (RETRACT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  light = retract_store_list_cases (store, NULL, error);
  if (light == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, RETRACT_CASE_BUNDLE_FORMAT);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, BUNDLE_KIND);
  json_builder_set_member_name (builder, "cases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < light->len; i++)
    {
      g_autoptr(RetractCase) kase =
        retract_store_load_case (store, retract_case_get_id (g_ptr_array_index (light, i)),
                                 error);

      if (kase == NULL)
        return FALSE;
      json_builder_add_value (builder, _retract_case_to_json_node (kase));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  if (!retract_file_replace_own (path, text, strlen (text), error))
    return FALSE;

  if (n_cases != NULL)
    *n_cases = light->len;
  return TRUE;
}

void
retract_case_bundle_plan_free (RetractCaseBundlePlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_pointer (&plan->cases, g_ptr_array_unref);
  g_clear_pointer (&plan->added, g_ptr_array_unref);
  g_clear_pointer (&plan->merged, g_ptr_array_unref);
  g_clear_pointer (&plan->unchanged, g_ptr_array_unref);
  g_clear_pointer (&plan->conflicts, g_ptr_array_unref);
  g_free (plan);
}

static gboolean
has_event (RetractCase            *kase,
           const RetractCaseEvent *event)
{
  GPtrArray *events = retract_case_get_events (kase);

  for (guint i = 0; i < events->len; i++)
    if (retract_case_event_equal (g_ptr_array_index (events, i), event))
      return TRUE;
  return FALSE;
}

/* Adds to @into the events of @from it does not have. Returns how many. */
static guint
add_missing_events (RetractCase *into,
                    RetractCase *from)
{
  GPtrArray *events = retract_case_get_events (from);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  for (guint i = 0; i < events->len; i++)
    if (!has_event (into, g_ptr_array_index (events, i)))
      g_ptr_array_add (missing, g_ptr_array_index (events, i));
  for (guint i = 0; i < missing->len; i++)
    retract_case_add_event (into, retract_case_event_copy (g_ptr_array_index (missing, i)));
  return missing->len;
}

/* The case's answers as its file says them, without what saving changes
 * (updated_at, revision) and without the events (merged separately). */
static char *
answers_text (RetractCase *kase)
{
  g_autoptr(RetractCase) copy = NULL;
  g_autofree char *text = retract_case_to_json (kase);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  copy = retract_case_new_from_bytes (bytes, "copy", NULL);
  g_assert (copy != NULL);
  while (retract_case_get_events (copy)->len > 0)
    retract_case_remove_event (copy, 0);
  g_clear_pointer (&copy->updated_at, g_date_time_unref);
  copy->revision = 0;
  return retract_case_to_json (copy);
}

static gboolean
same_case (RetractCase *a,
           RetractCase *b)
{
  g_autofree char *text_a = answers_text (a);
  g_autofree char *text_b = answers_text (b);
  GPtrArray *events_a = retract_case_get_events (a);
  GPtrArray *events_b = retract_case_get_events (b);

  if (g_strcmp0 (text_a, text_b) != 0 || events_a->len != events_b->len)
    return FALSE;
  for (guint i = 0; i < events_a->len; i++)
    if (!has_event (b, g_ptr_array_index (events_a, i)))
      return FALSE;
  return TRUE;
}

static gboolean
answers_differ (RetractCase *a,
                RetractCase *b)
{
  g_autofree char *text_a = answers_text (a);
  g_autofree char *text_b = answers_text (b);

  return g_strcmp0 (text_a, text_b) != 0;
}

static GDateTime *
updated_at (RetractCase *kase)
{
  return kase->updated_at != NULL ? kase->updated_at : retract_case_get_created_at (kase);
}

/**
 * retract_case_bundle_plan:
 * @path: a bundle the user chose
 *
 * Reads @path (every case checked like a case file; a problem names the case
 * by its place, `$.cases[3]`) and says what importing it does.
 *
 * Returns: (transfer full) (nullable): the plan
 */
RetractCaseBundlePlan *
retract_case_bundle_plan (RetractStore *store,
                          const char   *path,
                          GError      **error)
{
  static const RetractJsonLimits limits = { BUNDLE_MAX_BYTES, 64 };
  static const char * const keys[] = { "format", "kind", "cases", NULL };
  g_autoptr(RetractJsonDocument) doc = NULL;
  g_autoptr(RetractCaseBundlePlan) plan = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *kind = NULL;
  JsonObject *root;
  JsonArray *cases = NULL;
  gint64 format = 0;

  g_return_val_if_fail (RETRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  doc = retract_json_document_new_from_file (path, &limits, error);
  if (doc == NULL)
    return NULL;
  root = retract_json_document_expect_object (doc, retract_json_document_get_root (doc), "$",
                                              error);
  if (root == NULL ||
      !retract_json_document_check_keys (doc, root, "$", keys, error) ||
      !retract_json_document_read_int (doc, root, "$", "format", RETRACT_JSON_REQUIRED,
                                       RETRACT_CASE_BUNDLE_FORMAT, RETRACT_CASE_BUNDLE_FORMAT,
                                       &format, error) ||
      !retract_json_document_read_string (doc, root, "$", "kind", RETRACT_JSON_REQUIRED, &kind,
                                          error) ||
      !retract_json_document_read_array (doc, root, "$", "cases", RETRACT_JSON_REQUIRED, &cases,
                                         error))
    return NULL;
  if (!g_str_equal (kind, BUNDLE_KIND))
    {
      retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE, "$.kind", "%s",
                                       _("this is not a case file exported by Retract"));
      return NULL;
    }

  plan = g_new0 (RetractCaseBundlePlan, 1);
  plan->cases = g_ptr_array_new_with_free_func (g_object_unref);
  plan->added = g_ptr_array_new_with_free_func (g_free);
  plan->merged = g_ptr_array_new_with_free_func (g_free);
  plan->unchanged = g_ptr_array_new_with_free_func (g_free);
  plan->conflicts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      g_autofree char *place = g_strdup_printf ("%s: $.cases[%u]",
                                                retract_json_document_get_name (doc), i);
      g_autofree char *text = json_to_string (json_array_get_element (cases, i), FALSE);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), strlen (text));
      g_autoptr(RetractCase) kase = NULL;
      g_autoptr(RetractCase) saved = NULL;
      g_autoptr(GError) load_error = NULL;
      const char *id;

      /* A case of format 1 has no id of its own: a bundle never holds one. */
      kase = retract_case_new_from_bytes (bytes, place, error);
      if (kase == NULL)
        return NULL;
      if (kase->loaded_format != 2)
        {
          g_set_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_UNSUPPORTED,
                       /* Translators: %s is a place in the file, like "cases.json: $.cases[3]" */
                       _("%s: a case in an exported case file has an id (format 2)"), place);
          return NULL;
        }
      id = retract_case_get_id (kase);
      if (!g_hash_table_add (seen, (gpointer) id))
        {
          g_set_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_DUPLICATE_KEY,
                       /* Translators: %1$s is a place in the file, %2$s a case id */
                       _("%1$s: the case “%2$s” is in the file twice"), place, id);
          return NULL;
        }

      saved = retract_store_load_case (store, id, &load_error);
      if (saved == NULL && !g_error_matches (load_error, RETRACT_STORE_ERROR,
                                             RETRACT_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&load_error));
          return NULL;
        }

      if (saved == NULL)
        g_ptr_array_add (plan->added, g_strdup (id));
      else if (same_case (saved, kase))
        g_ptr_array_add (plan->unchanged, g_strdup (id));
      else if (g_date_time_compare (updated_at (saved), updated_at (kase)) > 0 &&
               answers_differ (saved, kase))
        g_ptr_array_add (plan->conflicts, g_strdup (id));
      else
        g_ptr_array_add (plan->merged, g_strdup (id));
      g_ptr_array_add (plan->cases, g_steal_pointer (&kase));
    }

  return g_steal_pointer (&plan);
}

static gboolean
contains (GPtrArray  *ids,
          const char *id)
{
  return g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL);
}

/**
 * retract_case_bundle_apply:
 * @plan: from retract_case_bundle_plan()
 * @overwrite_newer: whether the conflicts take the imported answers (the
 *   user said yes); otherwise they keep the saved answers, with the events
 *   of both
 *
 * Adds and merges the cases of @plan into the library.
 */
gboolean
retract_case_bundle_apply (RetractStore          *store,
                           RetractCaseBundlePlan *plan,
                           gboolean               overwrite_newer,
                           GError               **error)
{
  g_return_val_if_fail (RETRACT_IS_STORE (store), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  for (guint i = 0; i < plan->cases->len; i++)
    {
      RetractCase *kase = g_ptr_array_index (plan->cases, i);
      const char *id = retract_case_get_id (kase);
      g_autoptr(RetractCase) saved = NULL;
      RetractCase *base;

      if (contains (plan->unchanged, id))
        continue;

      if (contains (plan->added, id))
        {
          /* A new file: no revision of this library's yet. */
          kase->revision = 0;
          if (!retract_store_save_case (store, kase, error))
            return FALSE;
          continue;
        }

      saved = retract_store_load_case (store, id, error);
      if (saved == NULL)
        return FALSE;

      /* The newer answers (or the imported ones, when the user said so),
       * with the events of both, saved over the library's revision. */
      if (contains (plan->conflicts, id) && !overwrite_newer)
        base = saved;
      else if (contains (plan->conflicts, id) ||
               g_date_time_compare (updated_at (kase), updated_at (saved)) >= 0)
        base = kase;
      else
        base = saved;

      if (base == kase)
        {
          add_missing_events (kase, saved);
          kase->revision = saved->revision;
        }
      else
        add_missing_events (saved, kase);
      if (!retract_store_save_case (store, base, error))
        return FALSE;
    }

  return TRUE;
}
