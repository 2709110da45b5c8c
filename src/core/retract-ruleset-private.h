/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the parts of RetractRuleset:
 *   retract-ruleset.c           the type, its constructors and typed lookups;
 *   retract-ruleset-parser.c    the tables of field descriptors of the dataset's objects;
 *   retract-ruleset-calendar.c  the same for $.calendar;
 *   retract-ruleset-fields.c    the reader those tables drive;
 *   retract-ruleset-check.c     the checks across records: references and engine ids. */

#include "retract-json-document.h"
#include "retract-ruleset.h"

G_BEGIN_DECLS

struct _RetractRuleset
{
  GObject             parent_instance;

  RetractRulesOrigin  origin;
  char               *location;

  /* $.meta */
  guint               schema;
  char               *kind;
  char               *app;
  char               *version;
  char               *published;
  char               *issued_text;
  char               *expires_text;
  GDateTime          *issued;  /* read from issued_text, freed with the ruleset */
  GDateTime          *expires; /* read from expires_text */
  char               *timezone;
  RetractText         title;
  char               *source_kind;
  gboolean            source_official;
  RetractText         disclaimer;

  /* $.review */
  guint               auto_review_hours;
  guint               review_section;

  /* $.calendar */
  RetractText         calendar_source;
  RetractCalendar    *calendar;

  GPtrArray          *sections;
  GPtrArray          *platforms;
  GPtrArray          *types;
  GPtrArray          *stages;
  GPtrArray          *channels;
  GPtrArray          *materials;
  GPtrArray          *mistakes;
  GPtrArray          *scenarios;
  GPtrArray          *warnings;
  GPtrArray          *comparison;
  GPtrArray          *links;
  GPtrArray          *notes[RETRACT_N_NOTES_KINDS];
};

/* ---- the descriptors of the dataset's fields ---- */

#define MAX_SECTION 99
/* An offset for records that are checked and used while reading, not kept. */
#define NOT_STORED  G_MAXSIZE

typedef struct
{
  RetractJsonDocument *doc;
  RetractRuleset      *rules;
  guint                year; /* the calendar year being read */
} Parser;

typedef enum
{
  FIELD_ID,      /* char *, a valid id */
  FIELD_STRING,  /* char * */
  FIELD_TEXT,    /* RetractText */
  FIELD_TEXTS,   /* GPtrArray * of RetractText */
  FIELD_IDS,     /* GStrv of distinct ids */
  FIELD_UINT,    /* guint in [min, max], 0 when absent */
  FIELD_INT,     /* int in [min, max], -1 when absent */
  FIELD_BOOL,    /* gboolean, FALSE when absent */
  FIELD_SECTION, /* guint, a section listed in $.sections */
  FIELD_OBJECT,  /* an object whose fields (spec) are stored in the same record */
  FIELD_RECORDS, /* GPtrArray * of records (spec), or NOT_STORED */
  FIELD_CUSTOM,  /* read by the field's read function; stores nothing to free */
} FieldKind;

typedef struct _Field      Field;
typedef struct _RecordSpec RecordSpec;

/* Called with the member's path and storage, once a present member was read. */
typedef gboolean (*FieldCheckFunc)  (Parser      *parser,
                                     const char  *path,
                                     gpointer     member,
                                     GError     **error);
typedef gboolean (*FieldReadFunc)   (Parser      *parser,
                                     JsonObject  *object,
                                     const char  *path,
                                     const Field *field,
                                     gpointer     record,
                                     GError     **error);
/* Called once all the fields of @record are read. */
typedef gboolean (*RecordCheckFunc) (Parser      *parser,
                                     JsonObject  *object,
                                     const char  *path,
                                     gpointer     record,
                                     GError     **error);

struct _Field
{
  const char       *key;
  FieldKind         kind;
  RetractJsonFlags  flags;
  gint64            min;
  gint64            max;
  gsize             offset;
  /* FIELD_OBJECT, FIELD_RECORDS: what the object or each record holds;
   * FIELD_ID, FIELD_IDS: the records the ids name, checked once all are read
   * (retract-ruleset-check.c), or NULL when the id names nothing. */
  const RecordSpec *spec;
  FieldCheckFunc    check;
  FieldReadFunc     read;
};

/* A record's table is also what frees it: retract_ruleset_clear_record(). */
struct _RecordSpec
{
  const Field       *fields;
  guint              n_fields;
  gsize              size;
  RecordCheckFunc    check;
  gboolean           unique;   /* no two records of the list share an id */
  RetractRecordKind  kind;
  const char        *name;     /* of a unique kind, for messages: NC_("record", …) */
};

#define SPEC(fields_, type_, ...) \
  { fields_, G_N_ELEMENTS (fields_), sizeof (type_), __VA_ARGS__ }
#define AT(type_, member_) ((gsize) G_STRUCT_OFFSET (type_, member_))
#define REQ  RETRACT_JSON_REQUIRED
#define OPT  RETRACT_JSON_OPTIONAL
#define FULL RETRACT_JSON_NONEMPTY

/* ---- the table-driven reader: retract-ruleset-fields.c ---- */

/* Checks the keys of @object against @spec, then reads its fields from @first on. */
gboolean retract_ruleset_read_fields    (Parser            *parser,
                                         const RecordSpec  *spec,
                                         JsonObject        *object,
                                         const char        *path,
                                         guint              first,
                                         gpointer           record,
                                         GError           **error);
gboolean retract_ruleset_read_field     (Parser            *parser,
                                         JsonObject        *object,
                                         const char        *path,
                                         const Field       *field,
                                         gpointer           record,
                                         GError           **error);
/* Frees what the fields of @spec stored in @record (not @record itself);
 * a record half read is cleared the same way. */
void     retract_ruleset_clear_record   (const RecordSpec  *spec,
                                         gpointer           record);

typedef gboolean (*ElementFunc) (Parser     *parser,
                                 JsonNode   *node,
                                 const char *path,
                                 gpointer    data,
                                 GError    **error);

/* Reads the array @field of @object and hands each element to @func. */
gboolean retract_ruleset_read_each      (Parser            *parser,
                                         JsonObject        *object,
                                         const char        *path,
                                         const Field       *field,
                                         ElementFunc        func,
                                         gpointer           data,
                                         GError           **error);
gboolean retract_ruleset_read_id        (Parser            *parser,
                                         JsonObject        *object,
                                         const char        *path,
                                         const Field       *field,
                                         char             **id,
                                         GError           **error);
/* Reads @key again as required, for the message a missing member gets. */
gboolean retract_ruleset_require_member (Parser            *parser,
                                         JsonObject        *object,
                                         const char        *path,
                                         const char        *key,
                                         GError           **error);
gboolean retract_ruleset_read_date      (Parser            *parser,
                                         JsonNode          *node,
                                         const char        *path,
                                         GDate             *date,
                                         GError           **error);
gboolean retract_ruleset_parse_date     (const char        *text,
                                         GDate             *date);
/* FieldCheckFuncs for strings. */
gboolean retract_ruleset_check_date     (Parser            *parser,
                                         const char        *path,
                                         gpointer           member,
                                         GError           **error);
gboolean retract_ruleset_check_url      (Parser            *parser,
                                         const char        *path,
                                         gpointer           member,
                                         GError           **error);
gboolean retract_ruleset_check_version  (Parser            *parser,
                                         const char        *path,
                                         gpointer           member,
                                         GError           **error);

/* $.platforms[*]: retract-ruleset-parser.c */
extern const RecordSpec retract_ruleset_platform_spec;
/* $.meta: retract-ruleset-meta.c */
extern const RecordSpec retract_ruleset_meta_spec;
/* $.calendar: retract-ruleset-calendar.c */
extern const RecordSpec retract_ruleset_calendar_spec;
/* The whole dataset: retract-ruleset-parser.c */
extern const RecordSpec retract_ruleset_spec;

/* ---- the loader and the checks ---- */

/* Fills @self from @doc; on failure @self is half-filled and must be dropped. */
gboolean retract_ruleset_parse             (RetractRuleset       *self,
                                            RetractJsonDocument  *doc,
                                            GError              **error);

/* The checks across records, once every record is read. */
gboolean retract_ruleset_check_engine_ids  (RetractRuleset       *self,
                                            RetractJsonDocument  *doc,
                                            GError              **error);
gboolean retract_ruleset_check_references  (RetractRuleset       *self,
                                            RetractJsonDocument  *doc,
                                            GError              **error);
/* The root's list of the records of @kind, a kind of record with an id. */
const Field *retract_ruleset_list_field    (RetractRecordKind     kind);

G_END_DECLS
