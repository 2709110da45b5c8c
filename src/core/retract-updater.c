/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Takes a newer rules dataset from the network, safely: HTTPS only (plain
 * HTTP only to this computer), certificates verified, an ETag so an unchanged
 * dataset is not downloaded again, a size cap enforced before and while
 * reading, a time limit, redirects only within the same scheme. The rules
 * come with their signature and the key list (rules.json.minisig, keys.json,
 * keys.json.minisig beside them), and the signed-rules checks run in their
 * order (retract_rules_store_verify()) before anything is parsed or
 * installed. The request says nothing about the user: no cookies, no
 * language, no case. */

#define G_LOG_DOMAIN "retract-updater"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "retract-core-resources.h"
#include "retract-error.h"
#include "retract-file.h"
#include "retract-keys.h"
#include "retract-minisign.h"
#include "retract-time.h"
#include "retract-updater.h"

#define DEFAULT_TIMEOUT_SECONDS 30
#define MAX_REDIRECTS 3
#define READ_CHUNK (64 * 1024)

struct _RetractUpdater
{
  GObject            parent_instance;

  RetractRulesStore *store;
  RetractRuleset    *active;
  SoupSession       *session;
  guint              timeout_seconds;
  gsize              max_bytes;
};

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

G_GNUC_PRINTF (4, 5) static void
set_problem (GError               **error,
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

G_GNUC_PRINTF (4, 5) static void
return_problem (GTask                *task,
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

/* What a GIO, resolver or TLS error from the download or the install means. */
static RetractUpdateProblem
classify (const GError         *cause,
          RetractUpdateProblem  fallback)
{
  if (cause == NULL)
    return fallback;
  if (cause->domain == G_RESOLVER_ERROR)
    return RETRACT_UPDATE_PROBLEM_OFFLINE;
  if (cause->domain == G_TLS_ERROR)
    return RETRACT_UPDATE_PROBLEM_CERTIFICATE;
  if (cause->domain == G_FILE_ERROR)
    return RETRACT_UPDATE_PROBLEM_DISK;
  if (cause->domain == RETRACT_UPDATE_ERROR)
    return retract_update_error_get_problem (cause);
  if (cause->domain == G_IO_ERROR)
    switch (cause->code)
      {
      case G_IO_ERROR_CONNECTION_REFUSED:
      case G_IO_ERROR_NETWORK_UNREACHABLE:
      case G_IO_ERROR_HOST_UNREACHABLE:
      case G_IO_ERROR_HOST_NOT_FOUND:
      case G_IO_ERROR_PROXY_FAILED:
      case G_IO_ERROR_PROXY_NOT_ALLOWED:
      case G_IO_ERROR_PROXY_NEED_AUTH:
      case G_IO_ERROR_PROXY_AUTH_FAILED:
        return RETRACT_UPDATE_PROBLEM_OFFLINE;
      case G_IO_ERROR_TIMED_OUT:
        return RETRACT_UPDATE_PROBLEM_TIMED_OUT;
      default:
        break;
      }

  return fallback;
}

/* The files of a publication, fetched in this order, each with its cap. */
typedef enum
{
  PART_RULES,
  PART_RULES_SIGNATURE,
  PART_KEYS,
  PART_KEYS_SIGNATURE,
  N_PARTS
} Part;

typedef struct
{
  GUri         *rules_uri;
  GDateTime    *now;          /* fixed once, for every check */
  Part          part;
  GBytes       *parts[N_PARTS];
  char         *etag;
  GUri         *uri;
  char         *scheme;
  SoupMessage  *message;
  GInputStream *stream;
  GByteArray   *body;
  GCancellable *cancellable;
  GCancellable *caller_cancellable;
  gulong        caller_cancelled_id;
  guint         timeout_id;
  gboolean      timed_out;
  guint         redirects;
} Download;

static void start_request (GTask *task);

static void
download_free (gpointer data)
{
  Download *download = data;

  g_clear_pointer (&download->rules_uri, g_uri_unref);
  g_clear_pointer (&download->now, g_date_time_unref);
  for (guint i = 0; i < N_PARTS; i++)
    g_clear_pointer (&download->parts[i], g_bytes_unref);
  g_clear_pointer (&download->etag, g_free);
  g_clear_pointer (&download->uri, g_uri_unref);
  g_clear_pointer (&download->scheme, g_free);
  g_clear_object (&download->message);
  g_clear_object (&download->stream);
  g_clear_pointer (&download->body, g_byte_array_unref);
  g_clear_handle_id (&download->timeout_id, g_source_remove);
  if (download->caller_cancellable != NULL)
    g_cancellable_disconnect (download->caller_cancellable, download->caller_cancelled_id);
  g_clear_object (&download->caller_cancellable);
  g_clear_object (&download->cancellable);
  g_free (download);
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

static gboolean
check_uri (GUri    *uri,
           GError **error)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);

  if (g_strcmp0 (scheme, "https") == 0 && host != NULL && *host != '\0')
    return TRUE;
  if (g_strcmp0 (scheme, "http") == 0 && is_loopback (g_uri_get_host (uri)))
    return TRUE;

  set_problem (error, RETRACT_UPDATE_ERROR_REJECTED, RETRACT_UPDATE_PROBLEM_ADDRESS,
               _("Only https:// addresses are allowed for rules updates (plain http:// only on "
                 "this computer)"));
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
      set_problem (error, RETRACT_UPDATE_ERROR_REJECTED, RETRACT_UPDATE_PROBLEM_ADDRESS,
                   _("“%s” is not a web address"), url);
      return FALSE;
    }

  return check_uri (uri, error);
}

static void
fail (GTask    *task,
      int       code,
      GError   *cause)
{
  Download *download = g_task_get_task_data (task);
  /* A failure while installing is the disk's; while downloading, the network's. */
  RetractUpdateProblem fallback = code == RETRACT_UPDATE_ERROR_NETWORK
                                  ? RETRACT_UPDATE_PROBLEM_NETWORK : RETRACT_UPDATE_PROBLEM_DISK;

  if (download->timed_out)
    {
      return_problem (task, RETRACT_UPDATE_ERROR_NETWORK, RETRACT_UPDATE_PROBLEM_TIMED_OUT,
                      _("Timed out: the server did not answer in time"));
    }
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_error_copy (cause));
    }
  else if (cause != NULL && cause->domain == G_TLS_ERROR)
    {
      return_problem (task, RETRACT_UPDATE_ERROR_NETWORK, RETRACT_UPDATE_PROBLEM_CERTIFICATE,
                      _("The server's certificate is not trusted: %s"), cause->message);
    }
  else
    {
      return_problem (task, code, classify (cause, fallback), "%s",
                      cause != NULL ? cause->message : _("Unknown error"));
    }
}

static gboolean
on_timeout (gpointer data)
{
  Download *download = data;

  download->timeout_id = 0;
  download->timed_out = TRUE;
  g_cancellable_cancel (download->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_caller_cancelled (GCancellable *caller,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

/* A body that the loader refused: was it meant as rules at all? A Wi-Fi
 * login page (HTML with status 200), an error page or garbage is "not a
 * rules file"; a JSON object the strict loader refused is "invalid rules". */
static gboolean
looks_like_json (Download *download,
                 GBytes   *body)
{
  const char *type = soup_message_headers_get_content_type (
    soup_message_get_response_headers (download->message), NULL);
  gsize length;
  const guchar *data = g_bytes_get_data (body, &length);
  gsize i = 0;

  if (type != NULL && (g_ascii_strcasecmp (type, "text/html") == 0 ||
                       g_ascii_strcasecmp (type, "application/xhtml+xml") == 0))
    return FALSE;

  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i < length && data[i] == '{';
}

/* The cap of @part: the rules' is the updater's (settable for tests). */
static gsize
part_max_bytes (RetractUpdater *self,
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

/* Where @part is published: beside the rules. */
static GUri *
part_uri (GUri *rules_uri,
          Part  part)
{
  g_autofree char *path = NULL;

  switch (part)
    {
    case PART_RULES_SIGNATURE:
      path = g_strconcat (g_uri_get_path (rules_uri), ".minisig", NULL);
      return g_uri_build (G_URI_FLAGS_NONE, g_uri_get_scheme (rules_uri), NULL,
                          g_uri_get_host (rules_uri), g_uri_get_port (rules_uri), path, NULL,
                          NULL);
    case PART_KEYS:
      return g_uri_parse_relative (rules_uri, "keys.json", G_URI_FLAGS_NONE, NULL);
    case PART_KEYS_SIGNATURE:
      return g_uri_parse_relative (rules_uri, "keys.json.minisig", G_URI_FLAGS_NONE, NULL);
    case PART_RULES:
    case N_PARTS:
    default:
      return g_uri_ref (rules_uri);
    }
}

/* A part over its cap: what that means for the publication. */
static void
return_too_large (GTask *task,
                  Part   part,
                  gsize  max_bytes)
{
  g_autofree char *limit = g_format_size (max_bytes);

  switch (part)
    {
    case PART_RULES:
      return_problem (task, RETRACT_UPDATE_ERROR_REJECTED, RETRACT_UPDATE_PROBLEM_NOT_RULES,
                      _("The downloaded rules are larger than %s"), limit);
      break;
    case PART_KEYS:
      return_problem (task, RETRACT_UPDATE_ERROR_REJECTED, RETRACT_UPDATE_PROBLEM_BAD_KEY_LIST,
                      _("The published key list is larger than %s"), limit);
      break;
    case PART_RULES_SIGNATURE:
    case PART_KEYS_SIGNATURE:
    case N_PARTS:
    default:
      return_problem (task, RETRACT_UPDATE_ERROR_REJECTED, RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE,
                      _("The published signature is larger than %s"), limit);
      break;
    }
}

/* A refusal decided against @in_use, the rules installed at that moment:
 * the error carries their version, so whoever reports it names the same. */
G_GNUC_PRINTF (4, 5) static void
set_refusal (GError               **error,
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

/* The publication @parts (rules, their signature, maybe a key list with
 * its signature) is complete: the signed-rules checks, in their order, then
 * the install, which compares versions under the lock. @from_file says
 * whether the user gave a file (for the messages). */
static RetractRuleset *
install_publication (RetractUpdater  *self,
                     GBytes         **parts,
                     GDateTime       *now,
                     const char      *etag,
                     gboolean         from_file,
                     gboolean        *installed_new,
                     GError         **error)
{
  g_autoptr(RetractRuleset) candidate = NULL;
  g_autoptr(RetractRuleset) installed = NULL;
  g_autoptr(GError) local_error = NULL;
  RetractUpdateProblem problem = RETRACT_UPDATE_PROBLEM_NONE;
  RetractRulesInstallResult result;

  *installed_new = FALSE;
  candidate = retract_rules_store_verify (self->store, parts[PART_RULES],
                                          parts[PART_RULES_SIGNATURE], parts[PART_KEYS],
                                          parts[PART_KEYS_SIGNATURE], now, NULL, &problem,
                                          &local_error);
  if (candidate == NULL)
    {
      if (problem == RETRACT_UPDATE_PROBLEM_INVALID_RULES)
        set_problem (error, RETRACT_UPDATE_ERROR_REJECTED, problem,
                     from_file ? _("The rules in the file are not valid: %s")
                               : _("The downloaded rules are not valid: %s"),
                     local_error->message);
      else
        set_problem (error, RETRACT_UPDATE_ERROR_REJECTED, problem,
                     /* Translators: %s says which check failed */
                     from_file ? _("The rules in the file were refused: %s")
                               : _("The downloaded rules were refused: %s"),
                     local_error->message);
      return NULL;
    }

  /* The comparison is made under the data folder's lock, against what is
   * installed at that moment: other processes may have installed newer
   * rules since this one started. */
  installed = retract_rules_store_install_if_newer (self->store, parts[PART_RULES],
                                                    parts[PART_RULES_SIGNATURE],
                                                    parts[PART_KEYS], parts[PART_KEYS_SIGNATURE],
                                                    candidate, etag, &result, &local_error);
  if (installed == NULL)
    {
      /* The disk's fault (full, read-only, not ours), never the rules'. */
      set_problem (error, RETRACT_UPDATE_ERROR_IO, RETRACT_UPDATE_PROBLEM_DISK,
                   /* Translators: %s says why, from the system */
                   _("The rules could not be saved on this computer: %s"),
                   local_error->message);
      return NULL;
    }

  switch (result)
    {
    case RETRACT_RULES_INSTALL_DONE:
      *installed_new = TRUE;
      return g_steal_pointer (&installed);

    case RETRACT_RULES_INSTALL_SAME:
      /* Up to date: the caller's rules, when they are these. */
      if (retract_ruleset_compare_versions (retract_ruleset_get_version (installed),
                                            retract_ruleset_get_version (self->active)) == 0)
        g_set_object (&installed, self->active);
      return g_steal_pointer (&installed);

    case RETRACT_RULES_INSTALL_OLDER:
      /* Not older than what this process started with: another process
       * installed newer rules meanwhile. The newest won; nothing is wrong. */
      if (retract_ruleset_compare_versions (retract_ruleset_get_version (candidate),
                                            retract_ruleset_get_version (self->active)) >= 0)
        return g_steal_pointer (&installed);
      set_refusal (error, RETRACT_UPDATE_PROBLEM_OLDER_RULES, installed,
                   from_file ? _("The file holds rules %1$s, older than the %2$s in use")
                             : _("The server offers rules %1$s, older than the %2$s in use"),
                   retract_ruleset_get_version (candidate),
                   retract_ruleset_get_version (installed));
      return NULL;

    case RETRACT_RULES_INSTALL_CONFLICT:
    default:
      set_refusal (error, RETRACT_UPDATE_PROBLEM_INVALID_RULES, installed,
                   from_file ? _("The file holds rules %s with other content than the rules "
                                 "of the same version in use")
                             : _("The server offers rules %s with other content than the "
                                 "rules of the same version in use"),
                   retract_ruleset_get_version (candidate));
      return NULL;
    }
}

static void
verify_and_install (GTask *task)
{
  RetractUpdater *self = g_task_get_source_object (task);
  Download *download = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  RetractRuleset *rules;
  gboolean installed_new;

  rules = install_publication (self, download->parts, download->now, download->etag, FALSE,
                               &installed_new, &error);
  if (rules == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (installed_new)
    g_object_set_data (G_OBJECT (task), "retract-installed", GINT_TO_POINTER (TRUE));
  g_task_return_pointer (task, rules, g_object_unref);
}

/* The next part, from its own address (redirects start over). */
static void
start_part (GTask *task,
            Part   part)
{
  Download *download = g_task_get_task_data (task);

  download->part = part;
  download->redirects = 0;
  g_clear_object (&download->stream);
  g_clear_object (&download->message);
  g_clear_pointer (&download->uri, g_uri_unref);
  download->uri = part_uri (download->rules_uri, part);
  start_request (task);
}

/* A part is complete. The rules first: what is not even meant as rules (a
 * Wi-Fi login page, an error page) is refused before anything else is
 * fetched; the rest waits for the signature checks. */
static void
finish_part (GTask *task)
{
  Download *download = g_task_get_task_data (task);
  Part part = download->part;

  download->parts[part] = g_byte_array_free_to_bytes (g_steal_pointer (&download->body));

  if (part == PART_RULES)
    {
      if (!looks_like_json (download, download->parts[PART_RULES]))
        {
          return_problem (task, RETRACT_UPDATE_ERROR_REJECTED, RETRACT_UPDATE_PROBLEM_NOT_RULES,
                          _("The downloaded rules are not valid: %s"),
                          _("the server did not send a JSON document"));
          return;
        }
      download->etag = g_strdup (soup_message_headers_get_one (
        soup_message_get_response_headers (download->message), "ETag"));
      /* The rest sits beside the rules where they were found, after any
       * redirect, as on a mirror that moves its files. */
      g_uri_unref (download->rules_uri);
      download->rules_uri = g_uri_ref (download->uri);
    }

  if (part + 1 < N_PARTS)
    start_part (g_object_ref (task), part + 1);
  else
    verify_and_install (task);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
  RetractUpdater *self = g_task_get_source_object (task);
  Download *download = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result,
                                                              &error);

  if (chunk == NULL)
    {
      fail (task, RETRACT_UPDATE_ERROR_NETWORK, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      finish_part (task);
      return;
    }

  /* The cap holds while streaming too, for bodies without Content-Length. */
  if (download->body->len + g_bytes_get_size (chunk) > part_max_bytes (self, download->part))
    {
      g_cancellable_cancel (download->cancellable);
      return_too_large (task, download->part, part_max_bytes (self, download->part));
      return;
    }

  g_byte_array_append (download->body, g_bytes_get_data (chunk, NULL),
                       (guint) g_bytes_get_size (chunk));
  g_input_stream_read_bytes_async (download->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   download->cancellable, on_read, g_steal_pointer (&task));
}

static gboolean
follow_redirect (GTask *task)
{
  Download *download = g_task_get_task_data (task);
  const char *location = soup_message_headers_get_one (
    soup_message_get_response_headers (download->message), "Location");
  g_autoptr(GUri) target = NULL;
  g_autoptr(GError) error = NULL;

  if (location == NULL)
    return FALSE;

  target = g_uri_parse_relative (download->uri, location, G_URI_FLAGS_NONE, NULL);
  g_clear_object (&download->stream);
  g_clear_object (&download->message);
  if (target == NULL || g_strcmp0 (g_uri_get_scheme (target), download->scheme) != 0 ||
      !check_uri (target, &error))
    {
      /* Name the rule that was broken, not the address (it may be anything). */
      if (g_strcmp0 (download->scheme, "https") == 0)
        return_problem (task, RETRACT_UPDATE_ERROR_REJECTED, RETRACT_UPDATE_PROBLEM_ADDRESS,
                        _("The server redirected to an address that is not allowed: rules are "
                          "only taken from https:// addresses"));
      else
        return_problem (task, RETRACT_UPDATE_ERROR_REJECTED, RETRACT_UPDATE_PROBLEM_ADDRESS,
                        _("The server redirected to an address that is not allowed: a "
                          "download over plain http:// (for tests) may only go on to "
                          "http:// addresses on this computer"));
      return TRUE;
    }

  if (++download->redirects > MAX_REDIRECTS)
    {
      /* A loop is the server's fault, like an error status: not the rules'. */
      return_problem (task, RETRACT_UPDATE_ERROR_NETWORK, RETRACT_UPDATE_PROBLEM_SERVER_ERROR,
                      _("The server redirected too many times"));
      return TRUE;
    }

  g_uri_unref (download->uri);
  download->uri = g_steal_pointer (&target);
  start_request (g_object_ref (task));
  return TRUE;
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
  RetractUpdater *self = g_task_get_source_object (task);
  Download *download = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  SoupStatus status;

  download->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (download->stream == NULL)
    {
      fail (task, RETRACT_UPDATE_ERROR_NETWORK, error);
      return;
    }

  status = soup_message_get_status (download->message);
  headers = soup_message_get_response_headers (download->message);

  if (status == SOUP_STATUS_NOT_MODIFIED && download->part == PART_RULES)
    {
      g_task_return_pointer (task, g_object_ref (self->active), g_object_unref);
      return;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status) && follow_redirect (task))
    return;

  /* A key list is not always published beside the rules: the stored one
   * is used then. Rules without a signature are refused. */
  if (status == SOUP_STATUS_NOT_FOUND && download->part != PART_RULES)
    {
      Part part = download->part;

      if (part == PART_RULES_SIGNATURE)
        {
          return_problem (task, RETRACT_UPDATE_ERROR_REJECTED, RETRACT_UPDATE_PROBLEM_UNSIGNED,
                          _("The rules are not signed: the server has no rules.json.minisig"));
          return;
        }
      if (part + 1 < N_PARTS)
        start_part (g_steal_pointer (&task), part + 1);
      else
        verify_and_install (task);
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      return_problem (task, RETRACT_UPDATE_ERROR_NETWORK, RETRACT_UPDATE_PROBLEM_SERVER_ERROR,
                      /* Translators: "The server answered 404 Not Found" */
                      _("The server answered %1$u %2$s"), status,
                      soup_status_get_phrase (status));
      return;
    }

  /* Refuse an oversized body before reading it, when its size is announced. */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      (guint64) soup_message_headers_get_content_length (headers) >
      part_max_bytes (self, download->part))
    {
      return_too_large (task, download->part, part_max_bytes (self, download->part));
      return;
    }

  download->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (download->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   download->cancellable, on_read, g_steal_pointer (&task));
}

static void
start_request (GTask *task)
{
  RetractUpdater *self = g_task_get_source_object (task);
  Download *download = g_task_get_task_data (task);
  g_autofree char *etag = download->part == PART_RULES
                          ? retract_rules_store_get_etag (self->store) : NULL;

  download->message = soup_message_new_from_uri (SOUP_METHOD_GET, download->uri);
  /* Redirects are checked by hand: never from https to anything else. */
  soup_message_add_flags (download->message, SOUP_MESSAGE_NO_REDIRECT);
  if (etag != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (download->message),
                                  "If-None-Match", etag);

  soup_session_send_async (self->session, download->message, G_PRIORITY_DEFAULT,
                           download->cancellable, on_sent, task);
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
  Download *download;

  g_return_if_fail (RETRACT_IS_UPDATER (self));
  g_return_if_fail (url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, retract_updater_check_async);

  if (!retract_updater_check_url (url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  download = g_new0 (Download, 1);
  /* 1. "Now" is fixed once, for every check of this publication. */
  download->now = retract_time_now ();
  download->rules_uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  download->part = PART_RULES;
  download->uri = g_uri_ref (download->rules_uri);
  download->scheme = g_strdup (g_uri_get_scheme (download->uri));
  download->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      download->caller_cancellable = g_object_ref (cancellable);
      download->caller_cancelled_id = g_cancellable_connect (cancellable,
                                                             G_CALLBACK (on_caller_cancelled),
                                                             download->cancellable, NULL);
    }
  download->timeout_id = g_timeout_add_seconds (self->timeout_seconds, on_timeout, download);
  g_task_set_task_data (task, download, download_free);

  start_request (g_steal_pointer (&task));
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

      parts[part] = read_part (paths[part], part_max_bytes (self, part), &too_large,
                               &local_error);
      if (too_large || local_error != NULL)
        {
          g_autofree char *shown = retract_file_display_name (paths[part]);
          g_autofree char *limit = g_format_size (part_max_bytes (self, part));

          if (too_large)
            set_problem (error, RETRACT_UPDATE_ERROR_REJECTED,
                         part == PART_RULES ? RETRACT_UPDATE_PROBLEM_NOT_RULES
                         : part == PART_KEYS ? RETRACT_UPDATE_PROBLEM_BAD_KEY_LIST
                         : RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE,
                         /* Translators: %1$s is a file, %2$s a size */
                         _("%1$s is larger than %2$s"), shown, limit);
          else
            set_problem (error, RETRACT_UPDATE_ERROR_IO, RETRACT_UPDATE_PROBLEM_DISK, "%s",
                         local_error->message);
          goto out;
        }
      if (part == PART_RULES && parts[part] == NULL)
        {
          g_autofree char *shown = retract_file_display_name (path);

          set_problem (error, RETRACT_UPDATE_ERROR_IO, RETRACT_UPDATE_PROBLEM_DISK,
                       /* Translators: %s is a file */
                       _("%s does not exist"), shown);
          goto out;
        }
    }

  rules = install_publication (self, parts, now, NULL, TRUE, &installed_new, error);
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
