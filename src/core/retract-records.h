/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The records of the rules dataset: plain data owned by a RetractRuleset and
 * handed out as const pointers. Every record cites the seed article's section
 * it comes from (0 for the few that are the app's own).
 *
 * Names: a "record" is one entry of the dataset (this file), the "ruleset"
 * is the loaded dataset (retract-ruleset.h), the "rules store" keeps the
 * downloaded dataset on disk (retract-rules-store.h). */

#include "retract-text.h"
#include "retract-types.h"

G_BEGIN_DECLS

typedef enum
{
  RETRACT_WINDOW_NONE,
  RETRACT_WINDOW_HOURS,
  RETRACT_WINDOW_WORKING_DAYS,
} RetractWindowUnit;

typedef struct
{
  guint       id;
  RetractText title;
} RetractSection;

typedef struct
{
  char        *id;
  RetractText  name;
  GStrv        required_materials;
  /* Channels offered at the stages that have a clock, in order of preference. */
  GStrv        channels[RETRACT_STAGE_PROCESSED + 1];
  guint        section;
} RetractPlatform;

typedef struct
{
  char              *id;
  char              *platform;
  RetractText        name;
  /* The name in a sentence ("your WeChat friend report"); optional, the
   * name stands in for it. */
  RetractText        short_name;
  RetractText        description;
  RetractText        path;
  RetractText        window_text;
  RetractWindowUnit  window_unit;
  guint              window_amount;
  char              *success_rating;
  int                success_stars; /* -1 when the seed gives no rating */
  gboolean           withdrawable;
  GStrv              warnings;
  guint              section;
} RetractComplaintType;

typedef struct
{
  RetractStage stage;
  RetractText  name;
  RetractText  time_text;
  RetractText  state;
  RetractText  operability;
  RetractText  advice;
  gboolean     withdrawable;
  guint        section;
} RetractStageInfo;

typedef struct
{
  char        *id;
  char        *platform; /* NULL: any platform */
  RetractText  name;
  RetractText  addressee; /* whom a letter through this channel is written to */
  GPtrArray   *steps;    /* RetractText */
  RetractText  condition;
  char        *phone;
  char        *url;
  char        *ticket_subject;
  char        *message_template;
  guint        daily_limit;
  guint        response_min_hours;
  guint        response_max_hours;
  RetractText  response_text;
  gboolean     urgent;
  gboolean     self_service;
  gboolean     customer_service;
  guint        section;
} RetractChannel;

typedef struct
{
  char        *id;
  RetractText  name;
  RetractText  applies;
  RetractText  format;
  GPtrArray   *requirements; /* RetractText */
  guint        section;
} RetractMaterial;

typedef struct
{
  char        *id;
  RetractText  name;
  RetractText  description;
  char        *evidence; /* material id */
  guint        section;
} RetractMistake;

typedef struct
{
  char *from;
  char *to;
} RetractChannelReplacement;

typedef struct
{
  char        *id;
  RetractText  name;
  RetractText  description;
  char        *first_channel;
  GPtrArray   *replaces; /* RetractChannelReplacement */
  gboolean     not_withdrawable;
  guint        legal_deadline_working_days; /* 0: none */
  GStrv        materials;
  guint        section;
} RetractScenario;

typedef struct
{
  char        *id;
  RetractText  text;
  int          threshold; /* -1: none */
  guint        section;
} RetractWarning;

typedef struct
{
  char        *id;       /* NULL for unnamed notes */
  char        *platform; /* NULL: any platform */
  RetractText  text;
  RetractText  path;
  guint        section;
} RetractNote;

typedef struct
{
  char        *platform;
  RetractText  window;
  RetractText  materials;
  RetractText  characteristics;
  guint        section;
} RetractComparison;

typedef struct
{
  char        *platform;
  RetractText  name;
  char        *url;
} RetractLink;

/* A record is freed by the table the parser read it with
 * (retract-ruleset-private.h); lists of texts hold RetractText. */
void retract_text_free (RetractText *text);

/* The kinds of record that have a string id, for the functions below. */
typedef enum
{
  RETRACT_RECORD_PLATFORM,
  RETRACT_RECORD_TYPE,
  RETRACT_RECORD_CHANNEL,
  RETRACT_RECORD_MATERIAL,
  RETRACT_RECORD_MISTAKE,
  RETRACT_RECORD_SCENARIO,
  RETRACT_RECORD_WARNING,
  RETRACT_RECORD_NOTE, /* the id may be NULL */
} RetractRecordKind;

const char    *retract_record_get_id    (RetractRecordKind  kind,
                                         gconstpointer      record);
gconstpointer  retract_records_find     (RetractRecordKind  kind,
                                         GPtrArray         *records,
                                         const char        *id);
char          *retract_records_join_ids (RetractRecordKind  kind,
                                         GPtrArray         *records);

gboolean retract_channel_serves_platform (const RetractChannel *channel,
                                          const char           *platform);

G_END_DECLS
