/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Where the case in progress is kept between launches: one file, written
 * atomically with mode 0600 in a 0700 directory. A file that no longer loads
 * is moved aside, never deleted, so nothing the user typed is lost. */

#define G_LOG_DOMAIN "retract-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "retract-error.h"
#include "retract-store.h"

#define CASE_FILE_NAME "case.json"
#define MOVED_ASIDE_PREFIX "case.json.unreadable-"

struct _RetractStore
{
  GObject  parent_instance;

  char    *directory;
  char    *case_path;
};

G_DEFINE_FINAL_TYPE (RetractStore, retract_store, G_TYPE_OBJECT)

static void
retract_store_finalize (GObject *object)
{
  RetractStore *self = (RetractStore *)object;

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->case_path, g_free);

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
}

/**
 * retract_store_new:
 * @directory: where to keep the saved case; created (0700) on first save
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
  self->case_path = g_build_filename (directory, CASE_FILE_NAME, NULL);

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

const char *
retract_store_get_case_path (RetractStore *self)
{
  g_return_val_if_fail (RETRACT_IS_STORE (self), NULL);
  return self->case_path;
}

gboolean
retract_store_has_saved_case (RetractStore *self)
{
  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);
  return g_file_test (self->case_path, G_FILE_TEST_IS_REGULAR);
}

/* The new name says when, not what: no personal data in file names. */
static char *
move_aside (RetractStore *self,
            GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = attempt == 0
        ? g_strconcat (MOVED_ASIDE_PREFIX, stamp, NULL)
        : g_strdup_printf ("%s%s-%u", MOVED_ASIDE_PREFIX, stamp, attempt);
      g_autofree char *path = g_build_filename (self->directory, name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;

      if (g_rename (self->case_path, path) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not move the unreadable saved case aside: %s"),
                       g_strerror (saved_errno));
          return NULL;
        }

      return g_steal_pointer (&path);
    }

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
               _("Could not move the unreadable saved case aside: too many copies"));
  return NULL;
}

/**
 * retract_remove_write_leftovers:
 * @directory: a folder we write atomically into
 * @base: a file name in it, such as "case.json"
 *
 * An atomic write goes through `<base>.XXXXXX`; a process killed in the
 * middle leaves that temporary file behind. It is never the real file, so
 * it can go.
 */
void
retract_remove_write_leftovers (const char *directory,
                                const char *base)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  gsize base_length = strlen (base);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (strlen (name) != base_length + 7 || strncmp (name, base, base_length) != 0 ||
          name[base_length] != '.')
        continue;

      path = g_build_filename (directory, name, NULL);
      g_unlink (path);
    }
}

/**
 * retract_store_load_case:
 * @moved_to: (out) (optional) (nullable): where an unreadable file was moved
 * @error: why the saved case could not be read
 *
 * Returns: (transfer full) (nullable): the saved case; %NULL when there is
 *   none (no error) or when it could not be read (with @error set, and the
 *   file moved aside to @moved_to so the next launch starts cleanly)
 */
RetractCase *
retract_store_load_case (RetractStore *self,
                         char        **moved_to,
                         GError      **error)
{
  g_autoptr(GError) load_error = NULL;
  RetractCase *kase;

  g_return_val_if_fail (RETRACT_IS_STORE (self), NULL);

  if (moved_to != NULL)
    *moved_to = NULL;

  retract_remove_write_leftovers (self->directory, CASE_FILE_NAME);
  if (!retract_store_has_saved_case (self))
    return NULL;

  kase = retract_case_new_from_file (self->case_path, &load_error);
  if (kase != NULL)
    return kase;

  {
    g_autoptr(GError) move_error = NULL;
    g_autofree char *aside = move_aside (self, &move_error);

    if (aside == NULL)
      {
        g_propagate_error (error, g_steal_pointer (&move_error));
        return NULL;
      }

    g_propagate_error (error, g_steal_pointer (&load_error));
    if (moved_to != NULL)
      *moved_to = g_steal_pointer (&aside);
  }

  return NULL;
}

gboolean
retract_store_save_case (RetractStore *self,
                         RetractCase  *kase,
                         GError      **error)
{
  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RETRACT_IS_CASE (kase), FALSE);

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder for saved cases: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  return retract_case_save_to_file (kase, self->case_path, error);
}

/**
 * retract_store_delete_all:
 *
 * Deletes the saved case and every copy moved aside. Missing files are fine.
 */
gboolean
retract_store_delete_all (RetractStore *self,
                          GError      **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) dir_error = NULL;
  const char *name;

  g_return_val_if_fail (RETRACT_IS_STORE (self), FALSE);

  dir = g_dir_open (self->directory, 0, &dir_error);
  if (dir == NULL)
    {
      if (g_error_matches (dir_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&dir_error));
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_equal (name, CASE_FILE_NAME) && !g_str_has_prefix (name, MOVED_ASIDE_PREFIX))
        continue;

      path = g_build_filename (self->directory, name, NULL);
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not delete a saved file: %s"), g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}
