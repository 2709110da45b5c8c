/* SPDX-License-Identifier: GPL-3.0-or-later */

/* $.meta of the rules dataset (the tables of the rest are in
 * retract-ruleset-parser.c): what the file is and for which app, its
 * schema, version and dates, the signed-rules times, the time zone, the
 * source and the official links. */

#define G_LOG_DOMAIN "retract-ruleset"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-error.h"
#include "retract-ruleset-private.h"

/* Sets what the meta names that this app does not read; is FALSE. */
#define UNSUPPORTED(parser, path, error, ...) \
  (retract_json_document_set_error ((parser)->doc, (error), RETRACT_DATA_ERROR_UNSUPPORTED, \
                                    (path), __VA_ARGS__), FALSE)

static gboolean
check_schema (Parser     *parser,
              const char *path,
              gpointer    member,
              GError    **error)
{
  guint schema = *(guint *) member;

  return schema == RETRACT_RULESET_SCHEMA ||
         UNSUPPORTED (parser, path, error,
                      _("schema %d is not supported; this version of Retract reads schema %d"),
                      (int) schema, RETRACT_RULESET_SCHEMA);
}

static gboolean
check_app (Parser     *parser,
           const char *path,
           gpointer    member,
           GError    **error)
{
  const char *app = *(char **) member;

  return g_str_equal (app, APP_ID) ||
         UNSUPPORTED (parser, path, error, _("the dataset is for “%1$s”, not %2$s"), app, APP_ID);
}

static gboolean
check_kind (Parser     *parser,
            const char *path,
            gpointer    member,
            GError    **error)
{
  const char *kind = *(char **) member;

  return g_str_equal (kind, RETRACT_RULESET_KIND) ||
         UNSUPPORTED (parser, path, error, _("“%1$s” is not a rules dataset (“%2$s”)"), kind,
                      RETRACT_RULESET_KIND);
}

static gboolean
check_issued (Parser     *parser,
              const char *path,
              gpointer    member,
              GError    **error)
{
  g_clear_pointer (&parser->rules->issued, g_date_time_unref);
  parser->rules->issued = retract_json_document_parse_instant (parser->doc, path,
                                                                *(char **) member, error);
  return parser->rules->issued != NULL;
}

/* Read after issued (the table's order), which it may not precede. */
static gboolean
check_expires (Parser     *parser,
               const char *path,
               gpointer    member,
               GError    **error)
{
  g_clear_pointer (&parser->rules->expires, g_date_time_unref);
  parser->rules->expires = retract_json_document_parse_instant (parser->doc, path,
                                                                *(char **) member, error);
  if (parser->rules->expires == NULL)
    return FALSE;

  if (g_date_time_compare (parser->rules->issued, parser->rules->expires) <= 0)
    return TRUE;

  retract_json_document_set_error (parser->doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                   _("the rules expire before they are issued (%s)"),
                                   parser->rules->issued_text);
  return FALSE;
}

static gboolean
check_timezone (Parser     *parser,
                const char *path,
                gpointer    member,
                GError    **error)
{
  const char *zone = *(char **) member;

  return g_str_equal (zone, "+08:00") ||
         UNSUPPORTED (parser, path, error,
                      _("“%s” is not supported; the rules are in Beijing time, +08:00"), zone);
}

static const Field link_fields[] = {
  { "platform", FIELD_ID, REQ, 0, 0, AT (RetractLink, platform), &retract_ruleset_platform_spec },
  { "name", FIELD_TEXT, REQ, 0, 0, AT (RetractLink, name) },
  { "url", FIELD_STRING, REQ, 0, 0, AT (RetractLink, url), NULL, retract_ruleset_check_url },
};
static const RecordSpec link_spec = SPEC (link_fields, RetractLink, NULL);

static const Field source_fields[] = {
  { "title", FIELD_TEXT, REQ, 0, 0, AT (RetractRuleset, title) },
  { "kind", FIELD_STRING, FULL, 0, 0, AT (RetractRuleset, source_kind) },
  { "official", FIELD_BOOL, REQ, 0, 0, AT (RetractRuleset, source_official) },
};
static const RecordSpec source_spec = SPEC (source_fields, RetractRuleset, NULL);

/* The schema first: a newer dataset is refused for what it is, not for
 * whichever of its new fields happens to come first. */
static const Field meta_fields[] = {
  { "schema", FIELD_UINT, REQ, 1, G_MAXINT, AT (RetractRuleset, schema), NULL, check_schema },
  { "kind", FIELD_STRING, REQ, 0, 0, AT (RetractRuleset, kind), NULL, check_kind },
  { "app", FIELD_STRING, REQ, 0, 0, AT (RetractRuleset, app), NULL, check_app },
  { "version", FIELD_STRING, REQ, 0, 0, AT (RetractRuleset, version), NULL,
    retract_ruleset_check_version },
  { "published", FIELD_STRING, REQ, 0, 0, AT (RetractRuleset, published), NULL,
    retract_ruleset_check_date },
  { "issued", FIELD_STRING, REQ, 0, 0, AT (RetractRuleset, issued_text), NULL, check_issued },
  { "expires", FIELD_STRING, REQ, 0, 0, AT (RetractRuleset, expires_text), NULL, check_expires },
  { "timezone", FIELD_STRING, REQ, 0, 0, AT (RetractRuleset, timezone), NULL, check_timezone },
  { "source", FIELD_OBJECT, REQ, 0, 0, 0, &source_spec },
  { "disclaimer", FIELD_TEXT, REQ, 0, 0, AT (RetractRuleset, disclaimer) },
  { "official_links", FIELD_RECORDS, REQ, 0, 0, AT (RetractRuleset, links), &link_spec },
};
const RecordSpec retract_ruleset_meta_spec = SPEC (meta_fields, RetractRuleset, NULL);
