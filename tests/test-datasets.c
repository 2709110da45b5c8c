/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Variations on the bundled dataset: as text (a version or a value swapped,
 * the rest byte for byte as shipped) or as a JSON tree to edit and load. */

#include "config.h"

#include <string.h>

#include "retract-core-resources.h"
#include "test-datasets.h"

/* Returns: (transfer full): the bundled dataset's bytes */
GBytes *
test_dataset_bundled (void)
{
  GBytes *bytes = g_resource_lookup_data (retract_core_get_resource (),
                                          RETRACT_RULESET_BUNDLED_PATH, 0, NULL);

  g_assert_nonnull (bytes);
  return bytes;
}

/* @source with the one occurrence of @find replaced by @replace. */
GBytes *
test_dataset_edit (GBytes     *source,
                   const char *find,
                   const char *replace)
{
  gsize length;
  const char *data = g_bytes_get_data (source, &length);
  GString *text = g_string_new_len (data, (gssize) length);

  g_assert_cmpuint (g_string_replace (text, find, replace, 0), ==, 1);
  return g_string_free_to_bytes (text);
}

/* The bundled dataset with meta.version set to @version. */
GBytes *
test_dataset_with_version (const char *version)
{
  g_autoptr(GBytes) bundled = test_dataset_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = retract_ruleset_new_from_bytes (bundled, "bundled", &error);
  g_autofree char *find = NULL;
  g_autofree char *replace = NULL;

  g_assert_no_error (error);
  find = g_strdup_printf ("\"version\": \"%s\"", retract_ruleset_get_version (rules));
  replace = g_strdup_printf ("\"version\": \"%s\"", version);
  return test_dataset_edit (bundled, find, replace);
}

/* Returns: (transfer full): the bundled dataset as a JSON tree to edit */
JsonNode *
test_dataset_parse (void)
{
  g_autoptr(GBytes) bundled = test_dataset_bundled ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bundled, NULL),
                                             (gssize) g_bytes_get_size (bundled), &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Loads @root through the strict loader, which must accept it. */
RetractRuleset *
test_dataset_load (JsonNode   *root,
                   const char *name)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RetractRuleset *ruleset;
  char *text;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  bytes = g_bytes_new_take (text, strlen (text));
  ruleset = retract_ruleset_new_from_bytes (bytes, name, &error);
  g_assert_no_error (error);

  return ruleset;
}
