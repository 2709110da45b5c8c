/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The key list, keys.json: which release keys may sign the rules, and which
 * are revoked. Only a root key signs it; a root key never signs the rules
 * (it is not a release key), so the roots can stay offline.
 *
 *   {"kind": "io.github.retractapp.Retract/keys", "version": N,
 *    "issued": T, "expires": T,
 *    "keys": [{"id": "16 HEX", "public_key": "base64", "purpose": "rules"}],
 *    "revoked": ["16 HEX", …]}
 *
 * The checks run in the order the signed-rules design gives: the signature
 * by a root key first (nothing unsigned is even parsed), then the kind, the
 * expiry, the issue time and the version against the stored list.
 */

#define G_LOG_DOMAIN "retract-keys"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "retract-error.h"
#include "retract-json-document.h"
#include "retract-keys-private.h"
#include "retract-text.h"
#include "retract-time.h"

/* The root object, the key array and a key. */
#define MAX_DEPTH 4

/* How far ahead of this computer's clock a list may be issued. */
#define ISSUED_TOLERANCE G_TIME_SPAN_DAY

#define KEYS_NAME "keys.json"
#define SIGNATURE_NAME "keys.json.minisig"

struct _RetractKeyList
{
  GObject     parent_instance;

  gint64      version;
  GDateTime  *issued;
  GDateTime  *expires;
  GPtrArray  *keys;    /* RetractMinisignKey, the release keys */
  GHashTable *revoked; /* key id → itself */
};

G_DEFINE_FINAL_TYPE (RetractKeyList, retract_key_list, G_TYPE_OBJECT)

static const RetractJsonLimits key_list_limits = { RETRACT_KEY_LIST_MAX_BYTES, MAX_DEPTH };

static void
retract_key_list_finalize (GObject *object)
{
  RetractKeyList *self = (RetractKeyList *)object;

  g_clear_pointer (&self->issued, g_date_time_unref);
  g_clear_pointer (&self->expires, g_date_time_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->revoked, g_hash_table_unref);

  G_OBJECT_CLASS (retract_key_list_parent_class)->finalize (object);
}

static void
retract_key_list_class_init (RetractKeyListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = retract_key_list_finalize;
}

static void
retract_key_list_init (RetractKeyList *self)
{
  self->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_minisign_key_free);
  self->revoked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* minisign's form of a key id: 16 upper-case hex digits. */
static gboolean
is_key_id (const char *text)
{
  if (strlen (text) != RETRACT_MINISIGN_KEY_ID_LENGTH)
    return FALSE;

  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c) && !(*c >= 'A' && *c <= 'F'))
      return FALSE;

  return TRUE;
}

static const RetractMinisignKey *
find_key (GPtrArray  *keys,
          const char *key_id)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_str_equal (retract_minisign_key_get_id (keys->pdata[i]), key_id))
      return keys->pdata[i];

  return NULL;
}

static gboolean
read_key_id (RetractJsonDocument *doc,
             JsonNode            *node,
             const char          *path,
             const char         **value,
             GError             **error)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !is_key_id (json_node_get_string (node)))
    {
      retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                       _("must be a key id: 16 upper-case hex digits, "
                                         "as minisign shows it"));
      return FALSE;
    }

  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_key (RetractKeyList      *self,
          RetractJsonDocument *doc,
          JsonArray           *keys,
          guint                index,
          GError             **error)
{
  static const char * const allowed[] = { "id", "public_key", "purpose", NULL };
  g_autofree char *path = retract_json_path_element ("$.keys", index);
  g_autofree char *id_path = retract_json_path_member (path, "id");
  g_autoptr(RetractMinisignKey) key = NULL;
  g_autoptr(GError) key_error = NULL;
  const char *id = NULL, *public_key = NULL, *purpose = NULL;
  JsonObject *object;

  object = retract_json_document_expect_object (doc, json_array_get_element (keys, index), path,
                                                error);
  if (object == NULL ||
      !retract_json_document_check_keys (doc, object, path, allowed, error) ||
      !retract_json_document_read_string (doc, object, path, "id", RETRACT_JSON_REQUIRED, &id,
                                          error) ||
      !read_key_id (doc, json_object_get_member (object, "id"), id_path, &id, error) ||
      !retract_json_document_read_string (doc, object, path, "public_key",
                                          RETRACT_JSON_REQUIRED, &public_key, error) ||
      !retract_json_document_read_string (doc, object, path, "purpose", RETRACT_JSON_REQUIRED,
                                          &purpose, error))
    return FALSE;

  /* The only purpose so far; another would be a key this version cannot use. */
  if (!g_str_equal (purpose, RETRACT_KEY_LIST_PURPOSE_RULES))
    {
      retract_json_document_set_member_error (doc, error, RETRACT_DATA_ERROR_UNSUPPORTED, path,
                                              "purpose", _("must be “%s”"),
                                              RETRACT_KEY_LIST_PURPOSE_RULES);
      return FALSE;
    }

  key = retract_minisign_key_new_from_text (public_key, strlen (public_key), &key_error);
  if (key == NULL)
    {
      retract_json_document_set_member_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                              "public_key", "%s", key_error->message);
      return FALSE;
    }

  /* The id is what people compare; it must be the key's own. */
  if (!g_str_equal (id, retract_minisign_key_get_id (key)))
    {
      retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE, id_path,
                                       _("is %1$s, but the public key’s id is %2$s"),
                                       id, retract_minisign_key_get_id (key));
      return FALSE;
    }

  if (find_key (self->keys, id) != NULL)
    {
      retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_DUPLICATE_KEY, id_path,
                                       _("key %s is listed twice"), id);
      return FALSE;
    }

  g_ptr_array_add (self->keys, g_steal_pointer (&key));
  return TRUE;
}

static gboolean
read_revoked (RetractKeyList      *self,
              RetractJsonDocument *doc,
              JsonArray           *revoked,
              GError             **error)
{
  for (guint i = 0; i < json_array_get_length (revoked); i++)
    {
      g_autofree char *path = retract_json_path_element ("$.revoked", i);
      const char *id = NULL;

      if (!read_key_id (doc, json_array_get_element (revoked, i), path, &id, error))
        return FALSE;

      if (g_hash_table_contains (self->revoked, id))
        {
          retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_DUPLICATE_KEY, path,
                                           _("key %s is revoked twice"), id);
          return FALSE;
        }
      /* A list that both trusts and revokes a key is a publishing mistake. */
      if (find_key (self->keys, id) != NULL)
        {
          retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                           _("key %s is both listed and revoked"), id);
          return FALSE;
        }
      g_hash_table_add (self->revoked, g_strdup (id));
    }

  return TRUE;
}

static gboolean
load_key_list (RetractKeyList      *self,
               RetractJsonDocument *doc,
               GError             **error)
{
  static const char * const allowed[] = {
    "kind", "version", "issued", "expires", "keys", "revoked", NULL
  };
  JsonObject *root;
  JsonArray *keys = NULL, *revoked = NULL;
  const char *kind = NULL;

  root = retract_json_document_expect_object (doc, retract_json_document_get_root (doc), "$",
                                              error);
  if (root == NULL ||
      !retract_text_check_document (doc, NULL, error) ||
      !retract_json_document_read_string (doc, root, "$", "kind", RETRACT_JSON_REQUIRED, &kind,
                                          error))
    return FALSE;

  /* The kind first: a signed rules file offered as a key list is named as such. */
  if (!g_str_equal (kind, RETRACT_KEY_LIST_KIND))
    {
      retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_UNSUPPORTED, "$.kind",
                                       _("must be “%s”: this file is not Retract’s key list"),
                                       RETRACT_KEY_LIST_KIND);
      return FALSE;
    }

  if (!retract_json_document_check_keys (doc, root, "$", allowed, error) ||
      !retract_json_document_read_int (doc, root, "$", "version", RETRACT_JSON_REQUIRED,
                                       1, G_MAXINT32, &self->version, error) ||
      !retract_json_document_read_time (doc, root, "$", "issued", RETRACT_JSON_EXACT_TIME,
                                        &self->issued, error) ||
      !retract_json_document_read_time (doc, root, "$", "expires", RETRACT_JSON_EXACT_TIME,
                                        &self->expires, error) ||
      !retract_json_document_read_array (doc, root, "$", "keys", RETRACT_JSON_REQUIRED, &keys,
                                         error) ||
      !retract_json_document_read_array (doc, root, "$", "revoked", RETRACT_JSON_REQUIRED,
                                         &revoked, error))
    return FALSE;

  if (g_date_time_compare (self->expires, self->issued) <= 0)
    {
      retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE, "$.expires",
                                       _("must be later than “issued”"));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (keys); i++)
    if (!read_key (self, doc, keys, i, error))
      return FALSE;

  return read_revoked (self, doc, revoked, error);
}

RetractKeyList *
_retract_key_list_parse (GBytes     *bytes,
                         const char *display_name,
                         GError    **error)
{
  g_autoptr(RetractJsonDocument) doc = NULL;
  g_autoptr(RetractKeyList) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = retract_json_document_new_from_bytes (bytes, display_name, &key_list_limits, error);
  if (doc == NULL)
    return NULL;

  self = g_object_new (RETRACT_TYPE_KEY_LIST, NULL);
  if (!load_key_list (self, doc, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * retract_key_list_new_verified:
 * @bytes: keys.json
 * @signature_bytes: keys.json.minisig
 * @roots: (element-type RetractMinisignKey): the keys that may sign a key
 *   list: the compiled-in roots (retract_trust_get_roots()) everywhere but
 *   in the tests
 * @now: (nullable): the moment the whole check is made for, fixed once by the
 *   caller; %NULL for a list read back from the data folder or the app, which
 *   was checked against the clock when it was installed: an installed dataset
 *   keeps working offline, past the list's expiry
 * @stored_version: the version of the key list stored before, or 0
 * @error: the first check that fails
 *
 * Verifies a key list in this order: its signature by one of @roots, its
 * kind (and the rest of its format), that it expires after @now, that it
 * was issued no more than a day after @now, and that its version is not
 * lower than @stored_version. No key of @roots may be one of its release
 * keys.
 *
 * Returns: (transfer full) (nullable): the key list
 */
RetractKeyList *
retract_key_list_new_verified (GBytes     *bytes,
                               GBytes     *signature_bytes,
                               GPtrArray  *roots,
                               GDateTime  *now,
                               gint64      stored_version,
                               GError    **error)
{
  g_autoptr(RetractMinisignSignature) signature = NULL;
  g_autoptr(RetractKeyList) self = NULL;
  g_autoptr(GDateTime) latest_issue = NULL;
  const RetractMinisignKey *root;
  const guint8 *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (signature_bytes != NULL, NULL);
  g_return_val_if_fail (roots != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > RETRACT_KEY_LIST_MAX_BYTES)
    {
      g_set_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_LARGE,
                   _("%s: a key list is at most %d bytes; this one has %zu"),
                   KEYS_NAME, RETRACT_KEY_LIST_MAX_BYTES, size);
      return NULL;
    }

  signature = retract_minisign_signature_new_from_bytes (signature_bytes, SIGNATURE_NAME, error);
  if (signature == NULL)
    return NULL;

  root = find_key (roots, retract_minisign_signature_get_key_id (signature));
  if (root == NULL)
    {
      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_UNKNOWN_KEY,
                   _("%s: the key list is signed by key %s, which is not one of "
                     "Retract’s root keys"),
                   SIGNATURE_NAME, retract_minisign_signature_get_key_id (signature));
      return NULL;
    }
  if (!retract_minisign_verify (signature, root, data, size, error))
    {
      g_prefix_error (error, "%s: ", SIGNATURE_NAME);
      return NULL;
    }

  self = _retract_key_list_parse (bytes, KEYS_NAME, error);
  if (self == NULL)
    return NULL;

  if (now != NULL && g_date_time_compare (self->expires, now) <= 0)
    {
      g_autofree char *expires = retract_time_format_iso (self->expires);

      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_EXPIRED,
                   _("%s: the key list expired at %s"), KEYS_NAME, expires);
      return NULL;
    }

  latest_issue = now != NULL ? g_date_time_add (now, ISSUED_TOLERANCE) : NULL;
  if (latest_issue != NULL && g_date_time_compare (self->issued, latest_issue) > 0)
    {
      g_autofree char *issued = retract_time_format_iso (self->issued);
      g_autofree char *clock = retract_time_format_iso (now);

      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_NOT_YET_VALID,
                   _("%s: the key list is issued at %s, more than a day after this "
                     "computer’s clock (%s)"), KEYS_NAME, issued, clock);
      return NULL;
    }

  if (self->version < stored_version)
    {
      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_ROLLED_BACK,
                   _("%s: the key list has version %lld, older than the stored one "
                     "(version %lld)"),
                   KEYS_NAME, (long long) self->version, (long long) stored_version);
      return NULL;
    }

  /* Roots sign only key lists: one listed as a release key could sign rules. */
  for (guint i = 0; i < self->keys->len; i++)
    {
      const char *id = retract_minisign_key_get_id (self->keys->pdata[i]);

      if (find_key (roots, id) != NULL)
        {
          g_set_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE,
                       _("%s: key %s is a root key; root keys sign only the key list, "
                         "never the rules"), KEYS_NAME, id);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

gint64
retract_key_list_get_version (RetractKeyList *self)
{
  g_return_val_if_fail (RETRACT_IS_KEY_LIST (self), 0);

  return self->version;
}

/**
 * retract_key_list_get_issued:
 *
 * Returns: (transfer none): when the list was issued
 */
GDateTime *
retract_key_list_get_issued (RetractKeyList *self)
{
  g_return_val_if_fail (RETRACT_IS_KEY_LIST (self), NULL);

  return self->issued;
}

/**
 * retract_key_list_get_expires:
 *
 * Returns: (transfer none): when the list stops being accepted from a download
 */
GDateTime *
retract_key_list_get_expires (RetractKeyList *self)
{
  g_return_val_if_fail (RETRACT_IS_KEY_LIST (self), NULL);

  return self->expires;
}

/**
 * retract_key_list_lookup:
 * @key_id: a key id as retract_minisign_signature_get_key_id() gives it
 * @error: why the key may not sign rules: revoked, or not listed (a root
 *   key is never listed)
 *
 * Returns: (transfer none) (nullable): the listed, unrevoked release key
 */
const RetractMinisignKey *
retract_key_list_lookup (RetractKeyList *self,
                         const char     *key_id,
                         GError        **error)
{
  const RetractMinisignKey *key;

  g_return_val_if_fail (RETRACT_IS_KEY_LIST (self), NULL);
  g_return_val_if_fail (key_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Only hex ids are repeated in messages. */
  if (!is_key_id (key_id))
    {
      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_UNKNOWN_KEY,
                   _("a key id is 16 upper-case hex digits"));
      return NULL;
    }

  if (g_hash_table_contains (self->revoked, key_id))
    {
      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_REVOKED,
                   _("key %s is revoked by the key list (version %lld)"),
                   key_id, (long long) self->version);
      return NULL;
    }

  key = find_key (self->keys, key_id);
  if (key == NULL)
    {
      g_set_error (error, RETRACT_SIGNATURE_ERROR, RETRACT_SIGNATURE_ERROR_UNKNOWN_KEY,
                   _("key %s is not a release key of the key list (version %lld)"),
                   key_id, (long long) self->version);
      return NULL;
    }

  return key;
}

/**
 * retract_key_list_verify:
 * @signature: the signature of @data
 * @data: (array length=length): the signed file, such as rules.json
 *
 * Verifies @data with the release key @signature names, which must be
 * listed in @self and not revoked.
 *
 * Returns: %TRUE if @data is signed by a release key
 */
gboolean
retract_key_list_verify (RetractKeyList                 *self,
                         const RetractMinisignSignature *signature,
                         const guint8                   *data,
                         gsize                           length,
                         GError                        **error)
{
  const RetractMinisignKey *key;

  g_return_val_if_fail (RETRACT_IS_KEY_LIST (self), FALSE);
  g_return_val_if_fail (signature != NULL, FALSE);

  key = retract_key_list_lookup (self, retract_minisign_signature_get_key_id (signature), error);
  if (key == NULL)
    return FALSE;

  return retract_minisign_verify (signature, key, data, length, error);
}
