/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The download of a publication (see retract-updater.c): rules.json, then
 * rules.json.minisig, keys.json and keys.json.minisig beside it, one after
 * the other, each with its cap (announced and while reading), under one time
 * limit, redirects followed by hand and only within the same scheme. What
 * the network's errors mean is decided here; the checks are then
 * retract-updater-verify.c's. */

#define G_LOG_DOMAIN "retract-updater"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-time.h"
#include "retract-updater-private.h"

#define MAX_REDIRECTS 3
#define READ_CHUNK (64 * 1024)

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

/* One download of a publication, the task's data: its parts in order,
 * then its own cancellable, cancelled by the caller's or the time limit. */
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
      _retract_updater_return_problem (task, RETRACT_UPDATE_ERROR_NETWORK,
                                       RETRACT_UPDATE_PROBLEM_TIMED_OUT,
                                       _("Timed out: the server did not answer in time"));
    }
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_error_copy (cause));
    }
  else if (cause != NULL && cause->domain == G_TLS_ERROR)
    {
      _retract_updater_return_problem (task, RETRACT_UPDATE_ERROR_NETWORK,
                                       RETRACT_UPDATE_PROBLEM_CERTIFICATE,
                                       _("The server's certificate is not trusted: %s"),
                                       cause->message);
    }
  else
    {
      _retract_updater_return_problem (task, code, classify (cause, fallback), "%s",
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
      _retract_updater_return_problem (task, RETRACT_UPDATE_ERROR_REJECTED,
                                       RETRACT_UPDATE_PROBLEM_NOT_RULES,
                                       _("The downloaded rules are larger than %s"), limit);
      break;
    case PART_KEYS:
      _retract_updater_return_problem (task, RETRACT_UPDATE_ERROR_REJECTED,
                                       RETRACT_UPDATE_PROBLEM_BAD_KEY_LIST,
                                       _("The published key list is larger than %s"), limit);
      break;
    case PART_RULES_SIGNATURE:
    case PART_KEYS_SIGNATURE:
    case N_PARTS:
    default:
      _retract_updater_return_problem (task, RETRACT_UPDATE_ERROR_REJECTED,
                                       RETRACT_UPDATE_PROBLEM_BAD_SIGNATURE,
                                       _("The published signature is larger than %s"), limit);
      break;
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

  rules = _retract_updater_install_publication (self, download->parts, download->now,
                                                download->etag, FALSE, &installed_new, &error);
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

/* @task (transfer none) goes on with the part after @part, or after the
 * last one with the check and the install. */
static void
go_on_after (GTask *task,
             Part   part)
{
  if (part + 1 < N_PARTS)
    start_part (g_object_ref (task), part + 1);
  else
    verify_and_install (task);
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
          _retract_updater_return_problem (task, RETRACT_UPDATE_ERROR_REJECTED,
                                           RETRACT_UPDATE_PROBLEM_NOT_RULES,
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

  go_on_after (task, part);
}

/* Whether @size bytes are more than the part being fetched may have: then
 * nothing more is read and @task returns why. One cap, checked on the size
 * a response announces and again while streaming. */
static gboolean
refuse_if_too_large (GTask   *task,
                     guint64  size)
{
  RetractUpdater *self = g_task_get_source_object (task);
  Download *download = g_task_get_task_data (task);
  gsize max_bytes = _retract_updater_part_max_bytes (self, download->part);

  if (size <= max_bytes)
    return FALSE;

  g_cancellable_cancel (download->cancellable);
  return_too_large (task, download->part, max_bytes);
  return TRUE;
}

static void on_read (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data);

/* The next chunk of the body, for @task (transfer full). */
static void
read_next_chunk (GTask *task)
{
  Download *download = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (download->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   download->cancellable, on_read, task);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
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
  if (refuse_if_too_large (task, (guint64) download->body->len + g_bytes_get_size (chunk)))
    return;

  g_byte_array_append (download->body, g_bytes_get_data (chunk, NULL),
                       (guint) g_bytes_get_size (chunk));
  read_next_chunk (g_steal_pointer (&task));
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
      !_retract_updater_check_uri (target, &error))
    {
      /* Name the rule that was broken, not the address (it may be anything). */
      if (g_strcmp0 (download->scheme, "https") == 0)
        _retract_updater_return_problem (task, RETRACT_UPDATE_ERROR_REJECTED,
                                         RETRACT_UPDATE_PROBLEM_ADDRESS,
                                         _("The server redirected to an address that is not "
                                           "allowed: rules are only taken from https:// "
                                           "addresses"));
      else
        _retract_updater_return_problem (task, RETRACT_UPDATE_ERROR_REJECTED,
                                         RETRACT_UPDATE_PROBLEM_ADDRESS,
                                         _("The server redirected to an address that is not "
                                           "allowed: a download over plain http:// (for tests) "
                                           "may only go on to http:// addresses on this "
                                           "computer"));
      return TRUE;
    }

  if (++download->redirects > MAX_REDIRECTS)
    {
      /* A loop is the server's fault, like an error status: not the rules'. */
      _retract_updater_return_problem (task, RETRACT_UPDATE_ERROR_NETWORK,
                                       RETRACT_UPDATE_PROBLEM_SERVER_ERROR,
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
          _retract_updater_return_problem (task, RETRACT_UPDATE_ERROR_REJECTED,
                                           RETRACT_UPDATE_PROBLEM_UNSIGNED,
                                           _("The rules are not signed: the server has no "
                                             "rules.json.minisig"));
          return;
        }
      go_on_after (task, part);
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      _retract_updater_return_problem (task, RETRACT_UPDATE_ERROR_NETWORK,
                                       RETRACT_UPDATE_PROBLEM_SERVER_ERROR,
                                       /* Translators: "The server answered 404 Not Found" */
                                       _("The server answered %1$u %2$s"), status,
                                       soup_status_get_phrase (status));
      return;
    }

  /* Refuse an oversized body before reading it, when its size is announced. */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      refuse_if_too_large (task, (guint64) soup_message_headers_get_content_length (headers)))
    return;

  download->body = g_byte_array_new ();
  read_next_chunk (g_steal_pointer (&task));
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

/* Starts downloading the publication at @url (already checked) for @task
 * (transfer full), which returns the rules to use or why not. */
void
_retract_updater_fetch_start (GTask        *task,
                              const char   *url,
                              GCancellable *cancellable)
{
  RetractUpdater *self = g_task_get_source_object (task);
  Download *download;

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

  start_request (task);
}
