/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Takes a newer rules dataset from the network, safely: HTTPS only (plain
 * HTTP only to this computer), certificates verified, an ETag so an unchanged
 * dataset is not downloaded again, a size cap enforced before and while
 * reading, a time limit, redirects only within the same scheme. The rules
 * come with their signature and the key list (rules.json.minisig, keys.json,
 * keys.json.minisig beside them), and the signed-rules checks run in their
 * order (retract_rules_store_verify()) before anything is parsed or
 * installed. The request says nothing about the user: no cookies, no
 * language, no case.
 *
 * This file holds the object, its errors, the addresses allowed, the task's
 * start and result and a publication from files; the downloads are
 * retract-updater-fetch.c's, the checks and the install
 * retract-updater-verify.c's (retract-updater-private.h between them). */

#define G_LOG_DOMAIN "retract-updater"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-error.h"
#include "retract-file.h"
#include "retract-keys.h"
#include "retract-minisign.h"
#include "retract-time.h"
#include "retract-updater-private.h"

#define DEFAULT_TIMEOUT_SECONDS 30

G_DEFINE_FINAL_TYPE (RetractUpdater, retract_updater, G_TYPE_OBJECT)

/* Each error carries the kind of problem beside its code (which stays
 * "network" or "rejected" for the CLI's exit status). */
typedef struct
{
  RetractUpdateProblem problem;
  char                *version; /* the rules in use when the update was refused */
} RetractUpdateErrorPrivate;

static void
retract_update_error_private_init (RetractUpdateErrorPrivate *priv)
{
  if (priv != NULL)
    priv->problem = RETRACT_UPDATE_PROBLEM_OTHER;
}

static void
retract_update_error_private_copy (const RetractUpdateErrorPrivate *src,
                                   RetractUpdateErrorPrivate       *dest)
{
  if (src != NULL && dest != NULL)
    {
      dest->problem = src->problem;
      dest->version = g_strdup (src->version);
    }
}

static void
retract_update_error_private_clear (RetractUpdateErrorPrivate *priv)
{
  if (priv != NULL)
    g_clear_pointer (&priv->version, g_free);
}

G_DEFINE_EXTENDED_ERROR (RetractUpdateError, retract_update_error)

/* What the updater attached to @error; %NULL for %NULL or another domain. */
static RetractUpdateErrorPrivate *
error_private (const GError *error)
{
  return error != NULL ? retract_update_error_get_private (error) : NULL;
}

/**
 * retract_update_error_get_problem:
 * @error: (nullable): an error from the updater
 *
 * Returns: the kind of problem; %RETRACT_UPDATE_PROBLEM_NONE for %NULL,
 *   %RETRACT_UPDATE_PROBLEM_OTHER for an error of another domain
 */
RetractUpdateProblem
retract_update_error_get_problem (const GError *error)
{
  RetractUpdateErrorPrivate *priv = error_private (error);

  if (error == NULL)
    return RETRACT_UPDATE_PROBLEM_NONE;
  return priv != NULL ? priv->problem : RETRACT_UPDATE_PROBLEM_OTHER;
}

/**
 * retract_update_error_get_version:
 * @error: (nullable): an error from the updater
 *
 * Returns: (nullable): the version of the rules in use when the update was
 *   refused, the one its message names; %NULL when the error names none
 */
const char *
retract_update_error_get_version (const GError *error)
{
  RetractUpdateErrorPrivate *priv = error_private (error);

  return priv != NULL ? priv->version : NULL;
}

static GError *
problem_error_new_valist (int                   code,
                          RetractUpdateProblem  problem,
                          const char           *format,
                          va_list               args)
{
  GError *error = g_error_new_valist (RETRACT_UPDATE_ERROR, code, format, args);
  RetractUpdateErrorPrivate *priv = retract_update_error_get_private (error);

  if (priv != NULL)
    priv->problem = problem;
  return error;
}

void
_retract_updater_set_problem (GError               **error,
                              int                    code,
                              RetractUpdateProblem   problem,
                              const char            *format,
                              ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, problem_error_new_valist (code, problem, format, args));
  va_end (args);
}

void
_retract_updater_return_problem (GTask                *task,
                                 int                   code,
                                 RetractUpdateProblem  problem,
                                 const char           *format,
                                 ...)
{
  va_list args;
  GError *error;

  va_start (args, format);
  error = problem_error_new_valist (code, problem, format, args);
  va_end (args);
  g_task_return_error (task, error);
}

/* A refusal decided against @in_use, the rules installed at that moment:
 * the error carries their version, so whoever reports it names the same. */
void
_retract_updater_set_refusal (GError               **error,
                              RetractUpdateProblem   problem,
                              RetractRuleset        *in_use,
                              const char            *format,
                              ...)
{
  RetractUpdateErrorPrivate *priv;
  GError *refusal;
  va_list args;

  va_start (args, format);
  refusal = problem_error_new_valist (RETRACT_UPDATE_ERROR_REJECTED, problem, format, args);
  va_end (args);
  priv = retract_update_error_get_private (refusal);
  if (priv != NULL)
    priv->version = g_strdup (retract_ruleset_get_version (in_use));
  g_propagate_error (error, refusal);
}

static gboolean
is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

gboolean
_retract_updater_check_uri (GUri    *uri,
                            GError **error)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);

  if (g_strcmp0 (scheme, "https") == 0 && host != NULL && *host != '\0')
    return TRUE;
  if (g_strcmp0 (scheme, "http") == 0 && is_loopback (g_uri_get_host (uri)))
    return TRUE;

  _retract_updater_set_problem (error, RETRACT_UPDATE_ERROR_REJECTED,
                                RETRACT_UPDATE_PROBLEM_ADDRESS,
                                _("Only https:// addresses are allowed for rules updates "
                                  "(plain http:// only on this computer)"));
  return FALSE;
}

/**
 * retract_updater_check_url:
 *
 * Returns: whether rules may be downloaded from @url
 */
gboolean
retract_updater_check_url (const char *url,
                           GError    **error)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (url != NULL, FALSE);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    {
      _retract_updater_set_problem (error, RETRACT_UPDATE_ERROR_REJECTED,
                                    RETRACT_UPDATE_PROBLEM_ADDRESS,
                                    _("“%s” is not a web address"), url);
      return FALSE;
    }

  return _retract_updater_check_uri (uri, error);
}

/* The cap of @part: the rules' is the updater's (settable for tests). */
gsize
_retract_updater_part_max_bytes (RetractUpdater *self,
                                 Part            part)
{
  switch (part)
    {
    case PART_RULES:
      return self->max_bytes;
    case PART_KEYS:
      return RETRACT_KEY_LIST_MAX_BYTES;
    case PART_RULES_SIGNATURE:
    case PART_KEYS_SIGNATURE:
    case N_PARTS:
    default:
      return RETRACT_MINISIGN_MAX_BYTES;
    }
}

static void
retract_updater_dispose (GObject *object)
{
  RetractUpdater *self = (RetractUpdater *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->active);

  G_OBJECT_CLASS (retract_updater_parent_class)->dispose (object);
}

static void
retract_updater_class_init (RetractUpdaterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = retract_updater_dispose;
}

static void
retract_updater_init (RetractUpdater *self)
{
  self->timeout_seconds = DEFAULT_TIMEOUT_SECONDS;
  self->max_bytes = RETRACT_UPDATE_MAX_BYTES;
  /* Only a user agent identifies the app: no cookie jar, no Accept-Language. */
  self->session = soup_session_new_with_options ("user-agent", "Retract/" PACKAGE_VERSION,
                                                 "timeout", DEFAULT_TIMEOUT_SECONDS,
                                                 NULL);
}

/**
 * retract_updater_new:
 * @store: where downloaded rules are installed
 * @active: the rules in use now; only newer ones are taken
 *
 * Returns: (transfer full): an updater
 */
RetractUpdater *
retract_updater_new (RetractRulesStore *store,
                     RetractRuleset    *active)
{
  RetractUpdater *self;

  g_return_val_if_fail (RETRACT_IS_RULES_STORE (store), NULL);
  g_return_val_if_fail (RETRACT_IS_RULESET (active), NULL);

  self = g_object_new (RETRACT_TYPE_UPDATER, NULL);
  self->store = g_object_ref (store);
  self->active = g_object_ref (active);
  return self;
}

void
retract_updater_set_timeout (RetractUpdater *self,
                             guint           seconds)
{
  g_return_if_fail (RETRACT_IS_UPDATER (self));
  g_return_if_fail (seconds > 0);

  self->timeout_seconds = seconds;
  g_object_set (self->session, "timeout", seconds, NULL);
}

void
retract_updater_set_max_bytes (RetractUpdater *self,
                               gsize           max_bytes)
{
  g_return_if_fail (RETRACT_IS_UPDATER (self));
  g_return_if_fail (max_bytes > 0);

  self->max_bytes = max_bytes;
}

/**
 * retract_updater_check_async:
 * @url: where the dataset is published
 *
 * Asks @url for newer rules and installs them when they pass every check.
 */
void
retract_updater_check_async (RetractUpdater      *self,
                             const char          *url,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RETRACT_IS_UPDATER (self));
  g_return_if_fail (url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, retract_updater_check_async);

  if (!retract_updater_check_url (url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _retract_updater_fetch_start (g_steal_pointer (&task), url, cancellable);
}

/**
 * retract_updater_check_finish:
 * @outcome: (out) (optional): whether new rules were installed
 *
 * Returns: (transfer full) (nullable): the rules to use now: the new ones
 *   when installed, the active ones when already up to date
 */
RetractRuleset *
retract_updater_check_finish (RetractUpdater       *self,
                              GAsyncResult         *result,
                              RetractUpdateOutcome *outcome,
                              GError              **error)
{
  RetractRuleset *rules;

  g_return_val_if_fail (RETRACT_IS_UPDATER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  rules = g_task_propagate_pointer (G_TASK (result), error);
  if (rules != NULL && outcome != NULL)
    *outcome = g_object_get_data (G_OBJECT (result), "retract-installed") != NULL
               ? RETRACT_UPDATE_INSTALLED : RETRACT_UPDATE_UP_TO_DATE;

  return rules;
}

/* @path's bytes, or %NULL when there is no such file (a missing signature
 * or key list is refused by the checks, with the problem they name). */
static GBytes *
read_part (const char  *path,
           gsize        max_bytes,
           gboolean    *too_large,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes = retract_file_read (path, max_bytes, &local_error);

  *too_large = g_error_matches (local_error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_LARGE);
  if (bytes == NULL && !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return bytes;
}

/**
 * retract_updater_import_file:
 * @path: a rules.json (under any name), with PATH.minisig beside it, and
 *   keys.json with keys.json.minisig beside it unless the stored key list
 *   already names the signing key
 * @outcome: (out) (optional): whether new rules were installed
 *
 * The same checks and install as a download, for a file from a USB stick
 * or a chat.
 *
 * Returns: (transfer full) (nullable): the rules to use now
 */
RetractRuleset *
retract_updater_import_file (RetractUpdater       *self,
                             const char           *path,
                             RetractUpdateOutcome *outcome,
                             GError              **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *folder = NULL;
  char *paths[N_PARTS] = { NULL };
  GBytes *parts[N_PARTS] = { NULL };
  RetractRuleset *rules = NULL;
  gboolean installed_new = FALSE;

  g_return_val_if_fail (RETRACT_IS_UPDATER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  /* 1. "Now" is fixed once. */
  now = retract_time_now ();
  folder = g_path_get_dirname (path);
  paths[PART_RULES] = g_strdup (path);
  paths[PART_RULES_SIGNATURE] = g_strconcat (path, ".minisig", NULL);
  paths[PART_KEYS] = g_build_filename (folder, "keys.json", NULL);
  paths[PART_KEYS_SIGNATURE] = g_build_filename (folder, "keys.json.minisig", NULL);

  /* 2. Each file with its cap, as a download. */
  for (guint part = 0; part < N_PARTS; part++)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean too_large = FALSE;

      parts[part] = read_part (paths[part], _retract_updater_part_max_bytes (self, part),
                               &too_large, &local_error);
      if (too_large || local_error != NULL)
        {
          g_autofree char *shown = retract_file_display_name (paths[part]);
          g_autofree char *limit = g_format_size (_retract_updater_part_max_bytes (self, part));

          if (too_large)
            _retract_updater_set_problem (error, RETRACT_UPDATE_ERROR_REJECTED,
                                          part == PART_RULES ? RETRACT_UPDATE_PROBLEM_NOT_RULES
                                          : part == PART_KEYS ? RETRACT_UPDATE_PROBLEM_BAD_KEY_LIST
                                          : RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE,
                                          /* Translators: %1$s is a file, %2$s a size */
                                          _("%1$s is larger than %2$s"), shown, limit);
          else
            _retract_updater_set_problem (error, RETRACT_UPDATE_ERROR_IO,
                                          RETRACT_UPDATE_PROBLEM_DISK, "%s", local_error->message);
          goto out;
        }
      if (part == PART_RULES && parts[part] == NULL)
        {
          g_autofree char *shown = retract_file_display_name (path);

          _retract_updater_set_problem (error, RETRACT_UPDATE_ERROR_IO, RETRACT_UPDATE_PROBLEM_DISK,
                                        /* Translators: %s is a file */
                                        _("%s does not exist"), shown);
          goto out;
        }
    }

  rules = _retract_updater_install_publication (self, parts, now, NULL, TRUE, &installed_new,
                                                error);
  if (rules != NULL && outcome != NULL)
    *outcome = installed_new ? RETRACT_UPDATE_INSTALLED : RETRACT_UPDATE_UP_TO_DATE;

out:
  for (guint part = 0; part < N_PARTS; part++)
    {
      g_clear_pointer (&parts[part], g_bytes_unref);
      g_free (paths[part]);
    }
  return rules;
}
