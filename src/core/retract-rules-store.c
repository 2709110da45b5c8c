/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Where downloaded rules live: the active file, the one it replaced (for
 * rollback) and the ETag of the download. The app always uses the newest
 * valid of (bundled, downloaded); a downloaded file that no longer validates
 * is moved aside, never deleted, and the bundled rules take over. */

#define G_LOG_DOMAIN "retract-rules-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "retract-rules-store.h"
#include "retract-store.h"

#define RULES_FILE_NAME    "rules.json"
#define PREVIOUS_FILE_NAME "rules.json.previous"
#define ETAG_FILE_NAME     "rules.etag"
#define REJECTED_PREFIX    "rules.json.rejected-"

struct _RetractRulesStore
{
  GObject  parent_instance;

  char    *directory;
  char    *path;
  char    *previous_path;
  char    *etag_path;
};

G_DEFINE_FINAL_TYPE (RetractRulesStore, retract_rules_store, G_TYPE_OBJECT)

static void
retract_rules_store_finalize (GObject *object)
{
  RetractRulesStore *self = (RetractRulesStore *)object;

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->previous_path, g_free);
  g_clear_pointer (&self->etag_path, g_free);

  G_OBJECT_CLASS (retract_rules_store_parent_class)->finalize (object);
}

static void
retract_rules_store_class_init (RetractRulesStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = retract_rules_store_finalize;
}

static void
retract_rules_store_init (RetractRulesStore *self)
{
}

RetractRulesStore *
retract_rules_store_new (const char *directory)
{
  RetractRulesStore *self;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (RETRACT_TYPE_RULES_STORE, NULL);
  self->directory = g_strdup (directory);
  self->path = g_build_filename (directory, RULES_FILE_NAME, NULL);
  self->previous_path = g_build_filename (directory, PREVIOUS_FILE_NAME, NULL);
  self->etag_path = g_build_filename (directory, ETAG_FILE_NAME, NULL);
  return self;
}

/**
 * retract_rules_store_new_default:
 *
 * Returns: (transfer full): the store in `$XDG_DATA_HOME/io.github.retractapp.Retract`
 */
RetractRulesStore *
retract_rules_store_new_default (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);

  return retract_rules_store_new (directory);
}

const char *
retract_rules_store_get_path (RetractRulesStore *self)
{
  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), NULL);
  return self->path;
}

const char *
retract_rules_store_get_previous_path (RetractRulesStore *self)
{
  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), NULL);
  return self->previous_path;
}

static void
move_aside (RetractRulesStore *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *name = g_strconcat (REJECTED_PREFIX, stamp, NULL);
  g_autofree char *aside = g_build_filename (self->directory, name, NULL);

  if (g_rename (self->path, aside) != 0)
    g_unlink (self->path);
}

/**
 * retract_rules_store_load_active:
 * @notice: (out) (optional) (nullable): set when something the user should
 *   know happened, such as a downloaded dataset that no longer validates
 *
 * Returns: (transfer full): the newest valid rules: downloaded when it is
 *   newer than the bundled ones, the bundled ones otherwise
 */
RetractRuleset *
retract_rules_store_load_active (RetractRulesStore *self,
                                 char             **notice)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) bundled = NULL;
  g_autoptr(RetractRuleset) downloaded = NULL;

  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), NULL);

  if (notice != NULL)
    *notice = NULL;

  retract_remove_write_leftovers (self->directory, RULES_FILE_NAME);
  retract_remove_write_leftovers (self->directory, PREVIOUS_FILE_NAME);
  retract_remove_write_leftovers (self->directory, ETAG_FILE_NAME);

  bundled = retract_ruleset_new_bundled (&error);
  if (bundled == NULL)
    g_error ("The bundled rules do not load: %s", error->message);

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&bundled);

  downloaded = retract_ruleset_new_downloaded (self->path, &error);
  if (downloaded == NULL)
    {
      move_aside (self);
      if (notice != NULL)
        /* Translators: %s says what was wrong with the file */
        *notice = g_strdup_printf (_("The downloaded rules no longer load (%s). They were set "
                                     "aside and the rules that came with the app are used."),
                                   error->message);
      return g_steal_pointer (&bundled);
    }

  /* An app update may bring rules newer than an old download. */
  if (retract_ruleset_compare_versions (retract_ruleset_get_version (downloaded),
                                        retract_ruleset_get_version (bundled)) <= 0)
    return g_steal_pointer (&bundled);

  return g_steal_pointer (&downloaded);
}

/**
 * retract_rules_store_install:
 * @dataset: a dataset already validated by the caller
 * @etag: (nullable): the server's ETag for it
 *
 * Keeps the active file as the previous one, then replaces it atomically
 * (mode 0600, synced): a crash leaves the old rules or the new, never a mix.
 */
gboolean
retract_rules_store_install (RetractRulesStore *self,
                             GBytes            *dataset,
                             const char        *etag,
                             GError           **error)
{
  g_autofree char *current = NULL;
  gsize current_length = 0;
  gsize length;
  const char *data;

  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), FALSE);
  g_return_val_if_fail (dataset != NULL, FALSE);

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder for downloaded rules: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  if (g_file_get_contents (self->path, &current, &current_length, NULL) &&
      !g_file_set_contents_full (self->previous_path, current, (gssize) current_length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;

  data = g_bytes_get_data (dataset, &length);
  if (!g_file_set_contents_full (self->path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;

  if (etag != NULL)
    g_file_set_contents_full (self->etag_path, etag, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                              NULL);
  else
    g_unlink (self->etag_path);

  return TRUE;
}

/**
 * retract_rules_store_revert:
 *
 * Goes back to the rules that came with the app. The downloaded file is
 * kept as the previous one, so nothing is lost.
 */
gboolean
retract_rules_store_revert (RetractRulesStore *self,
                            GError           **error)
{
  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), FALSE);

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_rename (self->path, self->previous_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not go back to the bundled rules: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  g_unlink (self->etag_path);
  return TRUE;
}

/**
 * retract_rules_store_get_etag:
 *
 * Returns: (transfer full) (nullable): the ETag of the installed download
 */
char *
retract_rules_store_get_etag (RetractRulesStore *self)
{
  char *etag = NULL;

  g_return_val_if_fail (RETRACT_IS_RULES_STORE (self), NULL);

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS) ||
      !g_file_get_contents (self->etag_path, &etag, NULL, NULL))
    return NULL;

  return g_strstrip (etag);
}
