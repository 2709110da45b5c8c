/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The case library: one file per case, `cases/<id>.json` in the data folder,
 * each written atomically with mode 0600, never through a link, under the
 * data folder's lock (see retract-file.c). The file name is the case's random
 * id, so no name carries personal data.
 *
 * Several processes (the app, retract-cli) may work on one case at once. A
 * file carries a revision, +1 on every save. A save reads the file again
 * under the lock first: if another process saved since this one loaded the
 * case, the two timelines are merged (an event is never lost); if another
 * process deleted it, it is not written back (RETRACT_STORE_ERROR_DELETED).
 *
 * Listing must not read every narrative: `cases/index.json` keeps, for each
 * case file, its size, modification time and inode, and the case's light
 * copy (retract-case-file.c, _retract_case_new_light()). A file whose three
 * match is listed from the index; any other is read, and the index rewritten.
 * The index is only a cache: a damaged one is ignored and rebuilt.
 *
 * A file that no longer loads is moved aside, never deleted, and reported;
 * the others still load. The single `case.json` of before is migrated on
 * every entry point (retract_store_migrate()).
 *
 * Autosave writes in a worker thread (retract_store_save_case_async()), as
 * GNOME Text Editor's session does: the case is turned into text on the
 * caller's thread, the durable write happens off it. One write runs at a
 * time; a save of a case asked for while an earlier one of the same case
 * waits replaces it, so the newest state is written last. */

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
#include "retract-store.h"
#include "retract-time.h"

#define CASES_FOLDER "cases"
#define INDEX_FILE_NAME "index.json"
#define INDEX_FORMAT 1
/* The index of 100 000 cases; beyond this it is rebuilt, not read. */
#define INDEX_MAX_BYTES (256 * 1024 * 1024)
#define LEGACY_FILE_NAME "case.json"
#define LEGACY_ASIDE_PREFIX "case.json.unreadable-"
#define DAMAGED_INFIX ".damaged-"
#define CASE_SUFFIX ".json"

G_DEFINE_QUARK (retract-store-error-quark, retract_store_error)

/* One save waiting for, or in, the writer thread. */
typedef struct
{
  char        *id;
  char        *text;          /* the case as it was when the save was asked for */
  guint64      base_revision; /* the revision that text was based on */
  RetractCase *kase;          /* touched on the caller's thread only */
  GPtrArray   *callers;       /* GTask, answered when this save is done */
  GTask       *task;          /* returned by the writer when it is done */
  gboolean     dropped;       /* a newer save or a deletion made it moot */
  GError      *invalid;       /* why the case would not load back, if it would not */

  /* What the write did, for the caller's copy of the case. */
  guint64      revision;
  GDateTime   *updated_at;
  GPtrArray   *merged;        /* RetractCaseEvent another process had saved */
} SaveJob;

struct _RetractStore
{
  GObject  parent_instance;

  char    *directory;
  char    *cases_directory;
  char    *legacy_path;
  char    *index_path;

  /* Shared with the writing thread. */
  GMutex   mutex;
  GCond    idle;
  GQueue   queue;     /* SaveJob not yet taken by the writer */
  SaveJob *current;   /* the one being written */
  gboolean writing;   /* a writer thread is running */

  GHashTable *written; /* id → Written, shared with the writing thread */

  guint    n_case_reads;
};

G_DEFINE_FINAL_TYPE (RetractStore, retract_store, G_TYPE_OBJECT)

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_free (job->id);
  g_free (job->text);
  g_clear_object (&job->kase);
  g_clear_pointer (&job->callers, g_ptr_array_unref);
  g_clear_object (&job->task);
  g_clear_pointer (&job->updated_at, g_date_time_unref);
  g_clear_pointer (&job->merged, g_ptr_array_unref);
  g_clear_error (&job->invalid);
  g_free (job);
}

void
retract_store_problem_free (RetractStoreProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->file_name);
  g_free (problem->moved_to);
  g_clear_error (&problem->error);
  g_free (problem);
}

static void
retract_store_finalize (GObject *object)
{
  RetractStore *self = (RetractStore *)object;

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->cases_directory, g_free);
  g_clear_pointer (&self->legacy_path, g_free);
  g_clear_pointer (&self->index_path, g_free);
  g_queue_clear_full (&self->queue, save_job_free);
  g_clear_pointer (&self->written, g_hash_table_unref);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->idle);

  G_OBJECT_CLASS (retract_store_parent_class)->finalize (object);
}

static void
retract_store_class_init (RetractStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = retract_store_finalize;
}

static void
retract_store_init (RetractStore *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->idle);
  g_queue_init (&self->queue);
  self->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * retract_store_new:
 * @directory: the data folder; `cases/` in it is created (0700) on first save
 *
 * Returns: (transfer full): a store
 */
RetractStore *
retract_store_new (const char *directory)
{
  RetractStore *self;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (RETRACT_TYPE_STORE, NULL);
  self->directory = g_strdup (directory);
  self->cases_directory = g_build_filename (directory, CASES_FOLDER, NULL);
  self->legacy_path = g_build_filename (directory, LEGACY_FILE_NAME, NULL);
  self->index_path = g_build_filename (self->cases_directory, INDEX_FILE_NAME, NULL);

  return self;
}

/**
 * retract_store_new_default:
 *
 * Returns: (transfer full): the store under `$XDG_DATA_HOME/io.github.retractapp.Retract`
 */
RetractStore *
retract_store_new_default (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);

  return retract_store_new (directory);
}

const char *
retract_store_get_directory (RetractStore *self)
{
  g_return_val_if_fail (RETRACT_IS_STORE (self), NULL);
  return self->directory;
}

/**
 * retract_store_dup_case_path:
 *
 * Returns: (transfer full): where the case @id is kept, whether it exists or not
 */
char *
retract_store_dup_case_path (RetractStore *self,
                             const char   *id)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (RETRACT_IS_STORE (self), NULL);
  g_return_val_if_fail (retract_case_id_is_valid (id), NULL);

  name = g_strconcat (id, CASE_SUFFIX, NULL);
  return g_build_filename (self->cases_directory, name, NULL);
}

/* Test hook: how many case files listings have read (not taken from the index). */
guint
retract_store_get_n_case_reads (RetractStore *self)
{
  g_return_val_if_fail (RETRACT_IS_STORE (self), 0);
  return g_atomic_int_get (&self->n_case_reads);
}

/* `<id>.json`; the id is returned in @id (33 bytes). */
static gboolean
is_case_file_name (const char *name,
                   char        id[RETRACT_CASE_ID_LENGTH + 1])
{
  if (strlen (name) != RETRACT_CASE_ID_LENGTH + strlen (CASE_SUFFIX) ||
      !g_str_has_suffix (name, CASE_SUFFIX))
    return FALSE;

  memcpy (id, name, RETRACT_CASE_ID_LENGTH);
  id[RETRACT_CASE_ID_LENGTH] = '\0';
  return retract_case_id_is_valid (id);
}

/* What retract_file_replace() names its temporary file for one of our files
 * in cases/: a case file or the index. */
static gboolean
is_our_temporary_name (const char *name)
{
  char id[RETRACT_CASE_ID_LENGTH + 1];
  const char *infix;
  g_autofree char *base = NULL;

  if (name[0] != '.' || (infix = strstr (name, RETRACT_FILE_TEMP_INFIX)) == NULL)
    return FALSE;

  base = g_strndup (name + 1, (gsize) (infix - name - 1));
  return (g_str_equal (base, INDEX_FILE_NAME) || is_case_file_name (base, id)) &&
         retract_file_is_temporary_name (name, base);
}

static gboolean
is_damaged_name (const char *name)
{
  char id[RETRACT_CASE_ID_LENGTH + 1];
  const char *infix = strstr (name, DAMAGED_INFIX);
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;

  if (infix == NULL)
    return FALSE;

  base = g_strndup (name, (gsize) (infix - name));
  prefix = g_strconcat (base, DAMAGED_INFIX, NULL);
  return is_case_file_name (base, id) && retract_file_is_aside_name (name, prefix);
}

/* The temporary files that killed writes left in cases/. The caller holds
 * the lock when @locked, so none belongs to a live writer; otherwise the
 * lock is taken only when there is something to remove. */
static void
remove_leftovers (RetractStore *self,
                  gboolean      locked)
{
  static const char * const legacy_bases[] = { LEGACY_FILE_NAME, NULL };
  g_autoptr(GDir) dir = g_dir_open (self->cases_directory, 0, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RetractFolderLock) lock = NULL;
  const char *name;

  /* Those of the single case.json of before, too. */
  if (locked)
    retract_file_remove_leftovers (self->directory, legacy_bases);
  else
    retract_file_tidy_folder (self->directory, legacy_bases);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_our_temporary_name (name))
      g_ptr_array_add (found, g_strdup (name));

  if (found->len == 0)
    return;
  if (!locked && (lock = retract_folder_lock (self->directory, NULL)) == NULL)
    return;

  for (guint i = 0; i < found->len; i++)
    retract_file_remove_ours (self->cases_directory, g_ptr_array_index (found, i), NULL);
}

static gboolean
ensure_folders (RetractStore *self,
                GError      **error)
{
  return retract_file_ensure_private_folder (self->directory, error) &&
         retract_file_ensure_private_folder (self->cases_directory, error);
}

/* The first 128 bits of the SHA-256 of @bytes, as an id: migrating the same
 * case.json twice (a crash before it was removed) writes the same file. */
static char *
id_from_bytes (GBytes *bytes)
{
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  return g_strndup (digest, RETRACT_CASE_ID_LENGTH);
}

static void
set_not_found_error (GError    **error,
                     const char *id)
{
  g_set_error (error, RETRACT_STORE_ERROR, RETRACT_STORE_ERROR_NOT_FOUND,
               /* Translators: %s is a case id (32 hexadecimal digits) */
               _("There is no saved case with the id “%s”"), id);
}

/* Moves an unreadable file aside in its folder. The caller holds the lock.
 * Returns: (transfer full) (nullable): the new name */
static char *
set_aside (const char *path,
           const char *prefix,
           GError    **error)
{
  g_autofree char *moved = retract_file_move_aside (path, prefix, error);

  return moved != NULL ? g_path_get_basename (moved) : NULL;
}

static RetractStoreProblem *
problem_new (const char *file_name,
             char       *moved_to,
             GError     *error)
{
  RetractStoreProblem *problem = g_new0 (RetractStoreProblem, 1);

  problem->file_name = g_strdup (file_name);
  problem->moved_to = moved_to;
  problem->error = error;
  return problem;
}

/* Reads the case file @name of cases/ (its id in @id); one that does not load
 * is moved aside under the lock, after a second look (another process may
 * have just replaced it), and described in @problem. */
static RetractCase *
read_case_file (RetractStore         *self,
                const char           *name,
                const char           *id,
                RetractStoreProblem **problem,
                GError              **error)
{
  g_autofree char *path = g_build_filename (self->cases_directory, name, NULL);
  g_autofree char *prefix = g_strconcat (name, DAMAGED_INFIX, NULL);
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autoptr(GError) move_error = NULL;
  RetractCase *kase;
  char *moved_to;

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_clear_error (&load_error);
      kase = retract_case_new_from_file (path, &load_error);
      if (kase != NULL && g_strcmp0 (retract_case_get_id (kase), id) != 0)
        {
          g_autofree char *display = retract_file_display_name (path);

          g_clear_object (&kase);
          g_set_error (&load_error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE,
                       /* Translators: %s is a file name */
                       _("%s: $.id: the id is not the file's name"), display);
        }
      if (kase != NULL)
        return kase;

      /* Gone meanwhile (deleted by another process): nothing to set aside. */
      if (g_error_matches (load_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_propagate_error (error, g_steal_pointer (&load_error));
          return NULL;
        }

      if (attempt == 0 && (lock = retract_folder_lock (self->directory, &move_error)) == NULL)
        break;
    }

  moved_to = lock != NULL ? set_aside (path, prefix, &move_error) : NULL;
  if (moved_to == NULL)
    g_debug ("Could not set %s aside: %s", name, move_error->message);
  if (problem != NULL)
    *problem = problem_new (name, moved_to, g_error_copy (load_error));
  else
    g_free (moved_to);
  g_propagate_error (error, g_steal_pointer (&load_error));
  return NULL;
}

/* The case in @path; one of format 1 (the single case.json of before) gets
 * its migrated identity: the id from the file's bytes, so that migrating or
 * importing it twice gives the same case, started (and last changed) when
 * the file was last written. */
static RetractCase *
read_case_migrating (const char *path,
                     GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autofree char *id = NULL;
  GStatBuf st;

  bytes = retract_file_read (path, RETRACT_CASE_MAX_BYTES, error);
  if (bytes == NULL)
    return NULL;

  kase = retract_case_new_from_bytes (bytes, path, error);
  if (kase == NULL)
    return NULL;

  if (kase->loaded_format == 1)
    {
      id = id_from_bytes (bytes);
      if (g_stat (path, &st) == 0)
        modified = g_date_time_new_from_unix_utc (st.st_mtime);
      _retract_case_set_identity (kase, id, modified);
      g_clear_pointer (&kase->updated_at, g_date_time_unref);
      kase->updated_at = g_date_time_ref (kase->created_at);
    }

  return g_steal_pointer (&kase);
}

/* retract_store_migrate(), with an unreadable case.json moved aside and
 * described in @problem rather than failing. */
static gboolean
migrate (RetractStore         *self,
         char                **migrated_id,
         RetractStoreProblem **problem,
         GError              **error)
{
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *text = NULL;
  struct stat st;

  if (migrated_id != NULL)
    *migrated_id = NULL;

  /* The common case costs one lstat(). A link is not ours: never followed. */
  if (lstat (self->legacy_path, &st) != 0 || !S_ISREG (st.st_mode))
    return TRUE;

  if (!ensure_folders (self, error) ||
      (lock = retract_folder_lock (self->directory, error)) == NULL)
    return FALSE;
  if (lstat (self->legacy_path, &st) != 0 || !S_ISREG (st.st_mode))
    return TRUE;

  kase = read_case_migrating (self->legacy_path, &load_error);
  if (kase == NULL)
    {
      g_autoptr(GError) move_error = NULL;
      char *moved_to = set_aside (self->legacy_path, LEGACY_ASIDE_PREFIX, &move_error);

      if (moved_to == NULL)
        g_debug ("Could not set case.json aside: %s", move_error->message);
      if (problem != NULL)
        *problem = problem_new (LEGACY_FILE_NAME, moved_to, g_steal_pointer (&load_error));
      else
        g_free (moved_to);
      return TRUE;
    }

  /* Already written by a run that died before removing case.json: the file
   * there may have been changed since, so it stays as it is. */
  target = retract_store_dup_case_path (self, retract_case_get_id (kase));
  if (!g_file_test (target, G_FILE_TEST_EXISTS))
    {
      text = retract_case_to_json (kase);
      /* Durable (fsync, then the folder) before the old file goes. */
      if (!retract_file_replace_own (target, text, strlen (text), error))
        return FALSE;
    }

  if (!retract_file_remove_ours (self->directory, LEGACY_FILE_NAME, error))
    return FALSE;

  if (migrated_id != NULL)
    *migrated_id = g_strdup (retract_case_get_id (kase));
  return TRUE;
}

/**
 * retract_store_migrate:
 * @migrated_id: (out) (optional) (nullable): the migrated case's id; %NULL
 *   when there was nothing to migrate
 *
 * Turns the single `case.json` of format 1 into `cases/<id>.json`, the id
 * derived from its bytes, and removes it once the new file is durable. A
 * crash in between leaves case.json, migrated again to the same file next
 * time. An unreadable case.json is moved aside, as it always was. Every
 * other entry point migrates first.
 */
gboolean
retract_store_migrate (RetractStore *self,
                       char        **migrated_id,
                       GError      **error)
{
  g_autoptr(RetractStoreProblem) problem = NULL;

  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);

  if (!migrate (self, migrated_id, &problem, error))
    return FALSE;
  if (problem != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&problem->error));
      return FALSE;
    }
  return TRUE;
}

/* The index */

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

      if (!is_case_file_name (name, id) || !JSON_NODE_HOLDS_OBJECT (node))
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

static gboolean
same_file (const struct stat *a,
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
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) dir_error = NULL;
  RetractStoreProblem *legacy_problem = NULL;
  gboolean changed = FALSE;
  const char *name;

  g_return_val_if_fail (RETRACT_IS_STORE (self), NULL);

  if (problems != NULL)
    *problems = NULL;

  if (!migrate (self, NULL, &legacy_problem, error))
    return NULL;
  if (legacy_problem != NULL)
    g_ptr_array_add (found, legacy_problem);

  dir = g_dir_open (self->cases_directory, 0, &dir_error);
  if (dir == NULL && !g_error_matches (dir_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_propagate_error (error, g_steal_pointer (&dir_error));
      return NULL;
    }

  remove_leftovers (self, FALSE);
  index = read_index (self);
  fresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, index_entry_free);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      char id[RETRACT_CASE_ID_LENGTH + 1];
      g_autofree char *path = NULL;
      g_autoptr(RetractCase) kase = NULL;
      g_autoptr(GError) read_error = NULL;
      RetractStoreProblem *problem = NULL;
      IndexEntry *entry;
      struct stat before, after;

      if (!is_case_file_name (name, id))
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
          g_ptr_array_add (found, problem_new (name, NULL, g_steal_pointer (&not_regular)));
          continue;
        }

      entry = g_hash_table_lookup (index, name);
      if (entry != NULL && entry->size == (guint64) before.st_size &&
          entry->mtime_us == mtime_us (&before) && entry->inode == (guint64) before.st_ino)
        {
          char *key = NULL;

          g_ptr_array_add (cases, g_object_ref (entry->light));
          /* Moved from the old index to the new one, key and all. */
          g_hash_table_steal_extended (index, name, (gpointer *) &key, NULL);
          g_hash_table_replace (fresh, key, entry);
          continue;
        }

      g_atomic_int_inc (&self->n_case_reads);
      changed = TRUE;
      kase = read_case_file (self, name, id, &problem, &read_error);
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
      if (lstat (path, &after) == 0 && same_file (&before, &after))
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

  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return g_steal_pointer (&cases);
}

/**
 * retract_store_load_case:
 *
 * Reads the whole case @id. A file that does not load is moved aside (the
 * error says why it was refused); the case is then not found any more.
 *
 * Returns: (transfer full) (nullable): the case
 */
RetractCase *
retract_store_load_case (RetractStore *self,
                         const char   *id,
                         GError      **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) read_error = NULL;
  RetractCase *kase;
  struct stat st;

  g_return_val_if_fail (RETRACT_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!migrate (self, NULL, NULL, error))
    return NULL;

  if (!retract_case_id_is_valid (id))
    {
      set_not_found_error (error, "");
      return NULL;
    }

  remove_leftovers (self, FALSE);
  name = g_strconcat (id, CASE_SUFFIX, NULL);
  path = g_build_filename (self->cases_directory, name, NULL);
  if (lstat (path, &st) != 0)
    {
      set_not_found_error (error, id);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      retract_file_set_not_regular_error (error, path);
      return NULL;
    }

  kase = read_case_file (self, name, id, NULL, &read_error);
  if (kase == NULL && g_error_matches (read_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    set_not_found_error (error, id);
  else if (kase == NULL)
    g_propagate_error (error, g_steal_pointer (&read_error));
  return kase;
}

/* Saving */

static gboolean
contains_event (GPtrArray              *events,
                const RetractCaseEvent *event)
{
  for (guint i = 0; i < events->len; i++)
    if (retract_case_event_equal (g_ptr_array_index (events, i), event))
      return TRUE;
  return FALSE;
}

/* What this process wrote last of a case: while the file is still that one
 * (the same size, time and inode), its revision is known without reading it. */
typedef struct
{
  struct stat st;
  guint64     revision;
} Written;

static gboolean
last_written_revision (RetractStore      *self,
                       const char        *id,
                       const struct stat *st,
                       guint64           *revision)
{
  gboolean known = FALSE;
  Written *written;

  g_mutex_lock (&self->mutex);
  written = g_hash_table_lookup (self->written, id);
  if (written != NULL && same_file (&written->st, st))
    {
      *revision = written->revision;
      known = TRUE;
    }
  g_mutex_unlock (&self->mutex);
  return known;
}

static void
remember_written (RetractStore *self,
                  const char   *id,
                  const char   *path,
                  guint64       revision)
{
  Written *written = g_new0 (Written, 1);

  written->revision = revision;
  if (lstat (path, &written->st) != 0)
    {
      g_free (written);
      return;
    }

  g_mutex_lock (&self->mutex);
  g_hash_table_replace (self->written, g_strdup (id), written);
  g_mutex_unlock (&self->mutex);
}

/* The time the text says it was saved. */
static GDateTime *
updated_at_of (const char *text)
{
  const char *start = strstr (text, "\"updated_at\" : \"");
  g_autofree char *value = NULL;
  const char *end;

  if (start == NULL)
    return retract_time_now ();
  start += strlen ("\"updated_at\" : \"");
  end = strchr (start, '"');
  value = g_strndup (start, (gsize) (end - start));
  return retract_time_parse (value, NULL);
}

/* Writes @job's case under the lock: merged with what another process saved
 * since @job's base revision, refused if another process deleted it. Runs
 * on any thread; fills in @job's results. */
static gboolean
write_job (RetractStore *self,
           SaveJob      *job,
           GError      **error)
{
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autoptr(RetractCase) ours = NULL;
  g_autoptr(RetractCase) disk = NULL;
  g_autofree char *path = retract_store_dup_case_path (self, job->id);
  g_autofree char *merged_text = NULL;
  const char *text = job->text;
  guint64 disk_revision = 0;
  struct stat st;

  if (job->invalid != NULL)
    {
      g_propagate_error (error, g_error_copy (job->invalid));
      return FALSE;
    }

  if (!migrate (self, NULL, NULL, error) || !ensure_folders (self, error) ||
      (lock = retract_folder_lock (self->directory, error)) == NULL)
    return FALSE;

  job->merged = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_case_event_free);

  if (lstat (path, &st) != 0)
    {
      if (job->base_revision > 0)
        {
          g_set_error (error, RETRACT_STORE_ERROR, RETRACT_STORE_ERROR_DELETED,
                       _("This case was deleted by another Retract window or command"));
          return FALSE;
        }
    }
  /* Read again unless it is still what this process wrote last, from the
   * revision this save is based on (the usual autosave). */
  else if (S_ISREG (st.st_mode) &&
           !(last_written_revision (self, job->id, &st, &disk_revision) &&
             disk_revision == job->base_revision))
    {
      g_autoptr(GError) disk_error = NULL;

      disk_revision = 0;

      disk = retract_case_new_from_file (path, &disk_error);
      if (disk != NULL)
        disk_revision = disk->revision;
      else
        {
          /* Kept, not overwritten: the bytes may still mean something to someone. */
          g_autofree char *prefix = g_strconcat (job->id, CASE_SUFFIX, DAMAGED_INFIX, NULL);
          g_autofree char *moved = set_aside (path, prefix, NULL);

          g_debug ("An unreadable case file was set aside before a save: %s",
                   disk_error->message);
        }
    }

  job->revision = job->base_revision + 1;
  if (disk != NULL && disk_revision > job->base_revision)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (job->text, strlen (job->text));
      GPtrArray *disk_events = retract_case_get_events (disk);

      ours = retract_case_new_from_bytes (bytes, path, error);
      if (ours == NULL)
        return FALSE;

      /* Another process saved since: its events are kept, the rest is ours. */
      for (guint i = 0; i < disk_events->len; i++)
        {
          const RetractCaseEvent *event = g_ptr_array_index (disk_events, i);

          if (!contains_event (retract_case_get_events (ours), event))
            {
              retract_case_add_event (ours, retract_case_event_copy (event));
              g_ptr_array_add (job->merged, retract_case_event_copy (event));
            }
        }
      ours->revision = disk_revision + 1;
      job->revision = ours->revision;
      text = merged_text = retract_case_to_json (ours);
    }
  if (!retract_file_replace_own (path, text, strlen (text), error))
    return FALSE;

  remember_written (self, job->id, path, job->revision);
  job->updated_at = updated_at_of (text);
  return TRUE;
}

/* What was written, in the caller's copy of the case: the revision it now
 * holds and the events other processes had logged. */
static void
apply_job (SaveJob *job)
{
  GPtrArray *events;

  if (job->kase == NULL || job->merged == NULL || job->updated_at == NULL)
    return;

  events = retract_case_get_events (job->kase);
  job->kase->revision = MAX (job->kase->revision, job->revision);
  g_clear_pointer (&job->kase->updated_at, g_date_time_unref);
  job->kase->updated_at = g_date_time_ref (job->updated_at);
  for (guint i = 0; i < job->merged->len; i++)
    {
      const RetractCaseEvent *event = g_ptr_array_index (job->merged, i);

      if (!contains_event (events, event))
        retract_case_add_event (job->kase, retract_case_event_copy (event));
    }
}

static SaveJob *
save_job_new (RetractCase *kase)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  g_autoptr(GDateTime) previous = kase->updated_at != NULL ? g_date_time_ref (kase->updated_at)
                                                           : NULL;

  /* The text as it is written when nobody else saved meanwhile (the usual
   * case): the next revision, saved now. */
  job->id = g_strdup (retract_case_get_id (kase));
  job->base_revision = kase->revision;
  kase->revision++;
  g_clear_pointer (&kase->updated_at, g_date_time_unref);
  kase->updated_at = retract_time_now ();
  job->text = retract_case_to_json (kase);
  kase->revision--;
  g_clear_pointer (&kase->updated_at, g_date_time_unref);
  kase->updated_at = g_steal_pointer (&previous);
  job->kase = g_object_ref (kase);

  /* The loader holds every event to the rule (a filing time changed after
   * events were logged); a file that would not load is not written. */
  for (guint i = 0; i < kase->events->len && job->invalid == NULL; i++)
    retract_case_event_check_shape (g_ptr_array_index (kase->events, i), NULL, kase->filed_at,
                                    &job->invalid);
  job->callers = g_ptr_array_new_with_free_func (g_object_unref);
  return job;
}

/* The saves of @id (all when %NULL) not yet taken by the writer are dropped:
 * a newer save or a deletion follows. Their callers hear that all is well
 * (nothing of theirs is left to write). Then the write under way is waited
 * for: nothing of ours writes after the caller. */
static void
drop_pending_and_wait (RetractStore *self,
                       const char   *id)
{
  g_autoptr(GPtrArray) dropped = g_ptr_array_new ();

  g_mutex_lock (&self->mutex);
  for (GList *l = self->queue.head; l != NULL;)
    {
      GList *next = l->next;
      SaveJob *job = l->data;

      if (id == NULL || g_str_equal (job->id, id))
        {
          g_queue_delete_link (&self->queue, l);
          g_ptr_array_add (dropped, job);
        }
      l = next;
    }
  while (self->current != NULL)
    g_cond_wait (&self->idle, &self->mutex);
  g_mutex_unlock (&self->mutex);

  for (guint i = 0; i < dropped->len; i++)
    {
      SaveJob *job = g_ptr_array_index (dropped, i);
      GTask *task = g_steal_pointer (&job->task);

      job->dropped = TRUE;
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
}

/**
 * retract_store_save_case:
 *
 * Writes @kase now, on this thread, merged with the events another process
 * saved since it was loaded (they are added to @kase too). A save of it
 * queued by retract_store_save_case_async() and not yet started is dropped
 * (this one is newer), one under way is waited for.
 *
 * Returns: %FALSE with RETRACT_STORE_ERROR_DELETED when another process
 *   deleted the case since it was loaded or saved here: it is not written back
 */
gboolean
retract_store_save_case (RetractStore *self,
                         RetractCase  *kase,
                         GError      **error)
{
  SaveJob *job;
  gboolean saved;

  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RETRACT_IS_CASE (kase), FALSE);

  job = save_job_new (kase);
  drop_pending_and_wait (self, job->id);
  saved = write_job (self, job, error);
  if (saved)
    apply_job (job);
  save_job_free (job);
  return saved;
}

static void
on_job_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean saved = g_task_propagate_boolean (G_TASK (result), &error);

  if (saved && !job->dropped)
    apply_job (job);

  for (guint i = 0; i < job->callers->len; i++)
    {
      GTask *task = g_ptr_array_index (job->callers, i);

      if (saved)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

/* The writer: takes the saves in turn until there is none left. */
static void
save_in_thread (GTask        *writer,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RetractStore *self = source_object;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      SaveJob *job;
      GTask *task;
      gboolean saved;

      g_mutex_lock (&self->mutex);
      job = g_queue_pop_head (&self->queue);
      if (job == NULL)
        {
          self->writing = FALSE;
          g_cond_broadcast (&self->idle);
          g_mutex_unlock (&self->mutex);
          break;
        }
      self->current = job;
      g_mutex_unlock (&self->mutex);

      saved = write_job (self, job, &error);

      g_mutex_lock (&self->mutex);
      self->current = NULL;
      g_cond_broadcast (&self->idle);
      g_mutex_unlock (&self->mutex);

      /* The job belongs to its task from here: answered on the caller's thread. */
      task = g_steal_pointer (&job->task);
      if (saved)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
    }

  g_task_return_boolean (writer, TRUE);
}

/**
 * retract_store_save_case_async:
 *
 * Saves @kase as it is now, written in a worker thread: the caller never
 * waits for the disk. A save of the same case asked for while this one waits
 * replaces it; @callback says whether the newest state asked for by then was
 * written. The events another process saved meanwhile are added to @kase
 * before @callback runs.
 */
void
retract_store_save_case_async (RetractStore        *self,
                               RetractCase         *kase,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  SaveJob *job;
  SaveJob *queued = NULL;
  gboolean start;

  g_return_if_fail (RETRACT_IS_STORE (self));
  g_return_if_fail (RETRACT_IS_CASE (kase));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, retract_store_save_case_async);
  job = save_job_new (kase);

  g_mutex_lock (&self->mutex);
  for (GList *l = self->queue.head; l != NULL && queued == NULL; l = l->next)
    if (g_str_equal (((SaveJob *) l->data)->id, job->id))
      queued = l->data;

  if (queued != NULL)
    {
      /* Newer text, same callers plus this one. */
      g_free (queued->text);
      queued->text = g_steal_pointer (&job->text);
      queued->base_revision = job->base_revision;
      g_ptr_array_add (queued->callers, task);
      save_job_free (job);
    }
  else
    {
      job->task = g_task_new (self, NULL, on_job_done, NULL);
      g_task_set_source_tag (job->task, save_job_new);
      g_task_set_task_data (job->task, job, save_job_free);
      g_ptr_array_add (job->callers, task);
      g_queue_push_tail (&self->queue, job);
    }
  start = !self->writing;
  self->writing = TRUE;
  g_mutex_unlock (&self->mutex);

  if (start)
    {
      g_autoptr(GTask) writer = g_task_new (self, NULL, NULL, NULL);

      g_task_set_source_tag (writer, save_in_thread);
      g_task_run_in_thread (writer, save_in_thread);
    }
}

gboolean
retract_store_save_case_finish (RetractStore  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * retract_store_wait:
 *
 * Blocks until every save asked for so far is on disk (quitting: nothing
 * typed is lost). The callbacks still come through the main loop.
 */
void
retract_store_wait (RetractStore *self)
{
  g_return_if_fail (RETRACT_IS_STORE (self));

  g_mutex_lock (&self->mutex);
  while (self->writing)
    g_cond_wait (&self->idle, &self->mutex);
  g_mutex_unlock (&self->mutex);
}

/**
 * retract_store_delete_case:
 *
 * Deletes the case @id: its saves still queued here are dropped, and a
 * process that had it open cannot write it back.
 */
gboolean
retract_store_delete_case (RetractStore *self,
                           const char   *id,
                           GError      **error)
{
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  struct stat st;

  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!retract_case_id_is_valid (id))
    {
      set_not_found_error (error, "");
      return FALSE;
    }

  drop_pending_and_wait (self, id);
  if (!migrate (self, NULL, NULL, error))
    return FALSE;

  name = g_strconcat (id, CASE_SUFFIX, NULL);
  path = g_build_filename (self->cases_directory, name, NULL);
  if (lstat (path, &st) != 0)
    {
      set_not_found_error (error, id);
      return FALSE;
    }

  lock = retract_folder_lock (self->directory, error);
  if (lock == NULL)
    return FALSE;

  /* A link is not ours: it goes, never the file it points to. */
  if (S_ISLNK (st.st_mode))
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          retract_file_remove_ours (self->cases_directory, name, error);
          return FALSE;
        }
      return TRUE;
    }

  if (!retract_file_remove_ours (self->cases_directory, name, error))
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = retract_file_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("Could not delete a saved file: %s is still there"), display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_case_name (const char *name)
{
  char id[RETRACT_CASE_ID_LENGTH + 1];

  return g_str_equal (name, LEGACY_FILE_NAME) || is_case_file_name (name, id);
}

/* Removes from @directory the files @is_ours names (links themselves, never
 * what they point to); FALSE with @error at the first that stays. */
static gboolean
remove_matching (const char  *directory,
                 gboolean   (*is_ours) (const char *name),
                 GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) remove_error = NULL;

      if (!is_ours (name))
        continue;

      path = g_build_filename (directory, name, NULL);
      /* A link named like a case would load the case it points to: the link
       * goes, its target stays. Other links are not ours and stay. */
      if (is_case_name (name) && g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          g_unlink (path);
          continue;
        }

      if (!retract_file_remove_ours (directory, name, &remove_error))
        {
          g_set_error (error, remove_error->domain, remove_error->code,
                       _("Could not delete a saved file: %s"), remove_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_legacy_name (const char *name)
{
  return g_str_equal (name, LEGACY_FILE_NAME) ||
         retract_file_is_aside_name (name, LEGACY_ASIDE_PREFIX) ||
         retract_file_is_temporary_name (name, LEGACY_FILE_NAME);
}

static gboolean
is_cases_name (const char *name)
{
  char id[RETRACT_CASE_ID_LENGTH + 1];

  return is_case_file_name (name, id) || g_str_equal (name, INDEX_FILE_NAME) ||
         is_damaged_name (name) || is_our_temporary_name (name);
}

/* Whether a case still loads from the folder: any file or link named like one. */
static char *
find_remaining_case (RetractStore *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->cases_directory, 0, NULL);
  const char *name;

  if (g_file_test (self->legacy_path, G_FILE_TEST_EXISTS) ||
      g_file_test (self->legacy_path, G_FILE_TEST_IS_SYMLINK))
    return g_strdup (self->legacy_path);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      char id[RETRACT_CASE_ID_LENGTH + 1];

      if (is_case_file_name (name, id))
        return g_build_filename (self->cases_directory, name, NULL);
    }

  return NULL;
}

/**
 * retract_store_delete_all:
 *
 * Deletes every saved case, every copy moved aside, the index and the
 * leftovers of killed saves: only files the app wrote, by their exact names.
 * Missing files are fine; a user's own files in the folder stay. A link
 * named like a case is removed itself, never the file it points to. Success
 * means no case loads from the folder any more; otherwise the error names
 * what is left.
 */
gboolean
retract_store_delete_all (RetractStore *self,
                          GError      **error)
{
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autofree char *remaining = NULL;

  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);

  /* A save still queued or under way would write a case back. */
  drop_pending_and_wait (self, NULL);

  if (!g_file_test (self->directory, G_FILE_TEST_IS_DIR))
    return TRUE;

  lock = retract_folder_lock (self->directory, error);
  if (lock == NULL)
    return FALSE;

  if (!remove_matching (self->directory, is_legacy_name, error) ||
      !remove_matching (self->cases_directory, is_cases_name, error))
    return FALSE;
  /* Empty now unless the user keeps something there. */
  g_rmdir (self->cases_directory);

  /* Never "deleted" while a case still loads (a file of another user, a
   * link that could not be removed). */
  remaining = find_remaining_case (self);
  if (remaining != NULL)
    {
      g_autofree char *display = retract_file_display_name (remaining);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("Could not delete a saved file: %s is still there"), display);
      return FALSE;
    }

  return TRUE;
}

/**
 * retract_store_import_case:
 * @path: a case file of format 1 or 2 the user chose
 * @id: (out) (optional): the imported case's id
 *
 * Adds the case in @path to the library. A file of format 1 gets the id
 * its migration would give it (from its bytes): imported twice, it is one
 * case. A case with the same id already saved is refused
 * (RETRACT_STORE_ERROR_EXISTS) unless it is the same case.
 */
gboolean
retract_store_import_case (RetractStore *self,
                           const char   *path,
                           char        **id,
                           GError      **error)
{
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(RetractCase) existing = NULL;
  g_autoptr(RetractFolderLock) lock = NULL;
  g_autofree char *target = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (id != NULL)
    *id = NULL;

  kase = read_case_migrating (path, error);
  if (kase == NULL || !migrate (self, NULL, NULL, error) || !ensure_folders (self, error))
    return FALSE;

  lock = retract_folder_lock (self->directory, error);
  if (lock == NULL)
    return FALSE;

  target = retract_store_dup_case_path (self, retract_case_get_id (kase));
  text = retract_case_to_json (kase);
  if (g_file_test (target, G_FILE_TEST_EXISTS) || g_file_test (target, G_FILE_TEST_IS_SYMLINK))
    {
      g_autofree char *existing_text = NULL;

      existing = retract_case_new_from_file (target, NULL);
      existing_text = existing != NULL ? retract_case_to_json (existing) : NULL;
      if (g_strcmp0 (existing_text, text) != 0)
        {
          g_set_error (error, RETRACT_STORE_ERROR, RETRACT_STORE_ERROR_EXISTS,
                       /* Translators: %s is a case id (32 hexadecimal digits) */
                       _("A different case with the id “%s” is already saved"),
                       retract_case_get_id (kase));
          return FALSE;
        }
    }
  else if (!retract_file_replace_own (target, text, strlen (text), error))
    return FALSE;

  if (id != NULL)
    *id = g_strdup (retract_case_get_id (kase));
  return TRUE;
}

/**
 * retract_store_export_case:
 * @path: where the user wants the case file
 *
 * Writes the case @id to @path as a case file of the current format:
 * atomically, mode 0600, and never through a link.
 */
gboolean
retract_store_export_case (RetractStore *self,
                           const char   *id,
                           const char   *path,
                           GError      **error)
{
  g_autoptr(RetractCase) kase = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && path != NULL, FALSE);

  kase = retract_store_load_case (self, id, error);
  if (kase == NULL)
    return FALSE;

  text = retract_case_to_json (kase);
  return retract_file_replace_own (path, text, strlen (text), error);
}

/**
 * retract_store_find_latest:
 * @cases: (element-type RetractCase): cases as retract_store_list_cases() gives them
 *
 * The app's "Continue": the open case (not done nor abandoned) saved last.
 *
 * Returns: (transfer none) (nullable): that case of @cases, or %NULL
 */
RetractCase *
retract_store_find_latest (GPtrArray *cases)
{
  RetractCase *latest = NULL;

  g_return_val_if_fail (cases != NULL, NULL);

  for (guint i = 0; i < cases->len; i++)
    {
      RetractCase *kase = g_ptr_array_index (cases, i);
      int order;

      if (retract_case_get_ending (kase, NULL) != RETRACT_CASE_OPEN)
        continue;
      if (latest == NULL)
        {
          latest = kase;
          continue;
        }

      /* Ties (the same second) go to the one started last, then by id. */
      order = g_date_time_compare (kase->updated_at, latest->updated_at);
      if (order == 0)
        order = g_date_time_compare (kase->created_at, latest->created_at);
      if (order == 0)
        order = strcmp (kase->id, latest->id);
      if (order > 0)
        latest = kase;
    }

  return latest;
}

/**
 * retract_store_dup_latest_id:
 *
 * The app's "Continue": the open case (not done nor abandoned) saved last.
 *
 * Returns: (transfer full) (nullable): its id; %NULL if there is none (or on
 *   error)
 */
char *
retract_store_dup_latest_id (RetractStore *self,
                             GError      **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  RetractCase *latest;

  g_return_val_if_fail (RETRACT_IS_STORE (self), NULL);

  cases = retract_store_list_cases (self, NULL, error);
  if (cases == NULL)
    return NULL;

  latest = retract_store_find_latest (cases);
  return latest != NULL ? g_strdup (latest->id) : NULL;
}
