/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "retract-calendar.h"
#include "retract-records.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_RULESET (retract_ruleset_get_type ())

G_DECLARE_FINAL_TYPE (RetractRuleset, retract_ruleset, RETRACT, RULESET, GObject)

/* The dataset layout this build understands (meta.schema). */
#define RETRACT_RULESET_SCHEMA 1
#define RETRACT_RULESET_KIND "io.github.retractapp.Retract/rules"
#define RETRACT_RULESET_MAX_BYTES (2 * 1024 * 1024)
#define RETRACT_RULESET_BUNDLED_PATH "/io/github/retractapp/Retract/rules/rules.json"

typedef enum
{
  RETRACT_NOTES_TYPES,
  RETRACT_NOTES_CHANNELS,
  RETRACT_NOTES_COMPARISON,
  RETRACT_NOTES_RISKS,
  RETRACT_NOTES_PREVENTION,
  RETRACT_NOTES_REMEDIATION,
} RetractNotesKind;

#define RETRACT_N_NOTES_KINDS (RETRACT_NOTES_REMEDIATION + 1)

/* Where a loaded dataset came from. */
typedef enum
{
  RETRACT_RULES_ORIGIN_BUNDLED,    /* compiled into the program */
  RETRACT_RULES_ORIGIN_DOWNLOADED, /* installed by an update */
  RETRACT_RULES_ORIGIN_FILE,       /* any other file or bytes */
} RetractRulesOrigin;

const char                 *retract_rules_origin_to_string      (RetractRulesOrigin origin);

RetractRuleset             *retract_ruleset_new_bundled         (GError         **error);
RetractRuleset             *retract_ruleset_new_from_file       (const char      *path,
                                                                 GError         **error);
RetractRuleset             *retract_ruleset_new_from_bytes      (GBytes          *bytes,
                                                                 const char      *display_name,
                                                                 GError         **error);
RetractRuleset             *retract_ruleset_new_downloaded      (const char      *path,
                                                                 GError         **error);
RetractRuleset             *retract_ruleset_new_downloaded_bytes (GBytes         *bytes,
                                                                  const char     *path,
                                                                  GError        **error);

const char                 *retract_ruleset_get_version         (RetractRuleset  *self);
const char                 *retract_ruleset_get_published       (RetractRuleset  *self);
GDateTime                  *retract_ruleset_get_issued          (RetractRuleset  *self);
GDateTime                  *retract_ruleset_get_expires         (RetractRuleset  *self);
char                       *retract_ruleset_describe_expiry     (RetractRuleset  *self,
                                                                 GDateTime       *now);
RetractRulesOrigin          retract_ruleset_get_origin          (RetractRuleset  *self);
const char                 *retract_ruleset_get_location        (RetractRuleset  *self);
const RetractText          *retract_ruleset_get_title           (RetractRuleset  *self);
const RetractText          *retract_ruleset_get_disclaimer      (RetractRuleset  *self);
const RetractText          *retract_ruleset_get_calendar_source (RetractRuleset  *self);
guint                       retract_ruleset_get_auto_review_hours (RetractRuleset *self);
RetractCalendar            *retract_ruleset_get_calendar        (RetractRuleset  *self);

GPtrArray                  *retract_ruleset_get_sections        (RetractRuleset  *self);
GPtrArray                  *retract_ruleset_get_platforms       (RetractRuleset  *self);
GPtrArray                  *retract_ruleset_get_types           (RetractRuleset  *self);
GPtrArray                  *retract_ruleset_get_channels        (RetractRuleset  *self);
GPtrArray                  *retract_ruleset_get_materials       (RetractRuleset  *self);
GPtrArray                  *retract_ruleset_get_mistakes        (RetractRuleset  *self);
GPtrArray                  *retract_ruleset_get_scenarios       (RetractRuleset  *self);
GPtrArray                  *retract_ruleset_get_warnings        (RetractRuleset  *self);
GPtrArray                  *retract_ruleset_get_comparison      (RetractRuleset  *self);
GPtrArray                  *retract_ruleset_get_links           (RetractRuleset  *self);
GPtrArray                  *retract_ruleset_get_notes           (RetractRuleset  *self,
                                                                 RetractNotesKind kind);

const RetractSection       *retract_ruleset_lookup_section      (RetractRuleset  *self,
                                                                 guint            id);
const RetractPlatform      *retract_ruleset_lookup_platform     (RetractRuleset  *self,
                                                                 const char      *id);
const RetractComplaintType *retract_ruleset_lookup_type         (RetractRuleset  *self,
                                                                 const char      *platform,
                                                                 const char      *id);
const RetractStageInfo     *retract_ruleset_get_stage_info      (RetractRuleset  *self,
                                                                 RetractStage     stage);
const RetractChannel       *retract_ruleset_lookup_channel      (RetractRuleset  *self,
                                                                 const char      *id);
const RetractMaterial      *retract_ruleset_lookup_material     (RetractRuleset  *self,
                                                                 const char      *id);
const RetractMistake       *retract_ruleset_lookup_mistake      (RetractRuleset  *self,
                                                                 const char      *id);
const RetractScenario      *retract_ruleset_lookup_scenario     (RetractRuleset  *self,
                                                                 const char      *id);
const RetractWarning       *retract_ruleset_lookup_warning      (RetractRuleset  *self,
                                                                 const char      *id);

char                       *retract_ruleset_list_type_ids       (RetractRuleset  *self,
                                                                 const char      *platform);

int                         retract_ruleset_compare_versions    (const char      *a,
                                                                 const char      *b);

G_END_DECLS
