/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Listing the case library (see retract-store.c): `cases/index.json` keeps,
 * for each case file, its size, modification time and inode, and the case's
 * light copy; a file whose three match is listed without being opened. */

#define G_LOG_DOMAIN "retract-store"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "retract-case-private.h"
#include "retract-error.h"
#include "retract-file.h"
#include "retract-file-private.h"
#include "retract-store-private.h"
#include "retract-time.h"

typedef struct
{
  guint64      size;
  gint64       mtime_us;
  guint64      inode;
  RetractCase *light;
} IndexEntry;

static void
index_entry_free (gpointer data)
{
  IndexEntry *entry = data;

  g_clear_object (&entry->light);
  g_free (entry);
}

static gint64
mtime_us (const struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
}

static gboolean
read_uint_member (JsonObject *object,
                  const char *key,
                  gint64     *value)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 0)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

/* The entries of index.json, file name → IndexEntry; empty when there is no
 * index or a damaged one (an entry that does not read is left out: its case
 * file is read instead). */
static GHashTable *
read_index (RetractStore *self)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         index_entry_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonObject *cases;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  gint64 format;

  bytes = retract_file_read (self->index_path, INDEX_MAX_BYTES, &error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), &error))
    {
      if (error != NULL && !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("The case index is ignored: %s", error->message);
      return g_steal_pointer (&entries);
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !read_uint_member (json_node_get_object (root), "format", &format) ||
      format != INDEX_FORMAT ||
      !json_object_has_member (json_node_get_object (root), "cases") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "cases")))
    {
      g_debug ("The case index is ignored: not an index of format %d", INDEX_FORMAT);
      return g_steal_pointer (&entries);
    }

  cases = json_object_get_object_member (json_node_get_object (root), "cases");
  json_object_iter_init (&iter, cases);
  while (json_object_iter_next (&iter, &name, &node))
    {
      char id[RETRACT_CASE_ID_LENGTH + 1];
      g_autoptr(RetractCase) light = NULL;
      JsonObject *object;
      gint64 size, mtime, inode;
      IndexEntry *entry;

      if (!_retract_store_is_case_file_name (name, id) || !JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      if (!read_uint_member (object, "size", &size) ||
          !read_uint_member (object, "mtime_us", &mtime) ||
          !read_uint_member (object, "inode", &inode) ||
          !json_object_has_member (object, "case") ||
          !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "case")))
        continue;

      light = _retract_case_new_light_from_json (json_object_get_object_member (object, "case"));
      if (light == NULL || g_strcmp0 (retract_case_get_id (light), id) != 0)
        continue;

      entry = g_new0 (IndexEntry, 1);
      entry->size = (guint64) size;
      entry->mtime_us = mtime;
      entry->inode = (guint64) inode;
      entry->light = g_steal_pointer (&light);
      g_hash_table_replace (entries, g_strdup (name), entry);
    }

  return g_steal_pointer (&entries);
}

static char *
index_to_json (GHashTable *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) names = g_list_sort (g_hash_table_get_keys (entries),
                                        (GCompareFunc) strcmp);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, INDEX_FORMAT);
  json_builder_set_member_name (builder, "cases");
  json_builder_begin_object (builder);
  /* In name order: the same cases give the same index. */
  for (const GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const IndexEntry *entry = g_hash_table_lookup (entries, name);

      json_builder_set_member_name (builder, name);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) entry->size);
      json_builder_set_member_name (builder, "mtime_us");
      json_builder_add_int_value (builder, entry->mtime_us);
      json_builder_set_member_name (builder, "inode");
      json_builder_add_int_value (builder, (gint64) entry->inode);
      json_builder_set_member_name (builder, "case");
      json_builder_add_value (builder, _retract_case_to_json_node (entry->light));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* A cache: when it cannot be written, the next listing reads the files. */
static void
write_index (RetractStore *self,
             GHashTable   *entries)
{
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = index_to_json (entries);

  lock = retract_folder_lock (self->directory, &error);
  if (lock == NULL || !retract_file_replace_own (self->index_path, text, strlen (text), &error))
    g_debug ("The case index was not written: %s", error->message);
}

/**
 * _retract_store_index_forget:
 * @name: the file name of a case just deleted
 *
 * Takes a deleted case out of the index at once, so that nothing of it
 * (its account, complaint number) stays behind until the next listing. The
 * caller holds the folder lock. An index that cannot be rewritten goes.
 */
void
_retract_store_index_forget (RetractStore *self,
                             const char   *name)
{
  g_autoptr(GHashTable) entries = read_index (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!g_hash_table_remove (entries, name))
    return;

  text = index_to_json (entries);
  if (!retract_file_replace_own (self->index_path, text, strlen (text), &error))
    {
      g_debug ("The case index was removed, not rewritten: %s", error->message);
      if (g_unlink (self->index_path) != 0 && errno != ENOENT)
        g_debug ("The case index could not be removed either");
    }
}

gboolean
_retract_store_same_file (const struct stat *a,
                          const struct stat *b)
{
  return a->st_size == b->st_size && a->st_ino == b->st_ino && mtime_us (a) == mtime_us (b);
}

/**
 * retract_store_list_cases:
 * @problems: (out) (optional) (element-type RetractStoreProblem): the case
 *   files that did not load, moved aside
 *
 * Every saved case, as light copies: no applicant details, narrative,
 * reason, materials nor step, but all retract_case_counts_compute(), the
 * assessment and the next step need. Unchanged cases come from the index
 * without opening their files.
 *
 * Returns: (transfer full) (element-type RetractCase): the cases, in no
 *   particular order; %NULL when the folder could not be read
 */
GPtrArray *
retract_store_list_cases (RetractStore *self,
                          GPtrArray   **problems,
                          GError      **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_store_problem_free);
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GHashTable) fresh = NULL;
  g_autoptr(GHashTable) listed = NULL;
  GHashTable *previous = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) dir_error = NULL;
  RetractStoreProblem *legacy_problem = NULL;
  gboolean changed = FALSE;
  const char *name;

  g_return_val_if_fail (RETRACT_IS_STORE (self), NULL);

  if (problems != NULL)
    *problems = NULL;

  if (!_retract_store_migrate (self, NULL, &legacy_problem, error))
    return NULL;
  if (legacy_problem != NULL)
    g_ptr_array_add (found, legacy_problem);

  dir = g_dir_open (self->cases_directory, 0, &dir_error);
  if (dir == NULL && !g_error_matches (dir_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_propagate_error (error, g_steal_pointer (&dir_error));
      return NULL;
    }

  _retract_store_remove_leftovers (self, FALSE);
  index = read_index (self);
  fresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, index_entry_free);
  g_mutex_lock (&self->mutex);
  if (self->listed != NULL)
    listed = g_hash_table_ref (self->listed);
  g_mutex_unlock (&self->mutex);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      char id[RETRACT_CASE_ID_LENGTH + 1];
      g_autofree char *path = NULL;
      g_autoptr(RetractCase) kase = NULL;
      g_autoptr(GError) read_error = NULL;
      RetractStoreProblem *problem = NULL;
      IndexEntry *entry;
      struct stat before, after;

      if (!_retract_store_is_case_file_name (name, id))
        continue;

      path = g_build_filename (self->cases_directory, name, NULL);
      if (lstat (path, &before) != 0)
        continue;
      if (!S_ISREG (before.st_mode))
        {
          /* Not a file Retract wrote (a link, a folder): not followed, not moved. */
          g_autoptr(GError) not_regular = NULL;
          g_autofree char *display = retract_file_display_name (path);

          g_set_error (&not_regular, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       /* Translators: %s is a file name */
                       _("%s is not a regular file"), display);
          g_ptr_array_add (found, _retract_store_problem_new (name, NULL, g_steal_pointer (&not_regular)));
          continue;
        }

      entry = g_hash_table_lookup (index, name);
      if (entry != NULL && entry->size == (guint64) before.st_size &&
          entry->mtime_us == mtime_us (&before) && entry->inode == (guint64) before.st_ino)
        {
          IndexEntry *known = listed != NULL ? g_hash_table_lookup (listed, name) : NULL;
          char *key = NULL;

          /* The file the last listing gave: its light copy again, the same
           * object, which tells a list that nothing in it changed. */
          if (known != NULL && known->size == entry->size &&
              known->mtime_us == entry->mtime_us && known->inode == entry->inode)
            g_set_object (&entry->light, known->light);
          g_ptr_array_add (cases, g_object_ref (entry->light));
          /* Moved from the old index to the new one, key and all. */
          g_hash_table_steal_extended (index, name, (gpointer *) &key, NULL);
          g_hash_table_replace (fresh, key, entry);
          continue;
        }

      g_atomic_int_inc (&self->n_case_reads);
      changed = TRUE;
      kase = _retract_store_read_case_file (self, name, id, &problem, &read_error);
      if (kase == NULL)
        {
          if (problem != NULL)
            g_ptr_array_add (found, problem);
          continue;
        }

      entry = g_new0 (IndexEntry, 1);
      entry->light = _retract_case_new_light (kase);
      g_ptr_array_add (cases, g_object_ref (entry->light));

      /* Indexed only if the file read is still the one stat() saw: a save
       * that replaced it meanwhile gave it a new inode. */
      if (lstat (path, &after) == 0 && _retract_store_same_file (&before, &after))
        {
          entry->size = (guint64) before.st_size;
          entry->mtime_us = mtime_us (&before);
          entry->inode = (guint64) before.st_ino;
          g_hash_table_replace (fresh, g_strdup (name), entry);
        }
      else
        index_entry_free (entry);
    }

  /* Entries of files that are gone. */
  if (g_hash_table_size (index) > 0)
    changed = TRUE;

  if (changed && dir != NULL)
    write_index (self, fresh);

  /* What this listing gave, for the next one: the table itself, which
   * nothing changes from here on. */
  g_mutex_lock (&self->mutex);
  previous = g_steal_pointer (&self->listed);
  self->listed = g_hash_table_ref (fresh);
  g_mutex_unlock (&self->mutex);
  g_clear_pointer (&previous, g_hash_table_unref);

  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return g_steal_pointer (&cases);
}
