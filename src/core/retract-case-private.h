/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of RetractCase share: retract-case.c (the object, its
 * properties and setters), retract-case-file.c (reading the JSON file;
 * -write.c writing it, -details.c the letter's details both ways),
 * retract-case-light.c (the light copy the case library's index keeps) and
 * retract-case-materials.c (ticks and attachments). */

#include <json-glib/json-glib.h>

#include "retract-case.h"
#include "retract-error.h"
#include "retract-json-document.h"

G_BEGIN_DECLS

struct _RetractCase
{
  GObject    parent_instance;

  char      *platform;
  char      *complaint_type;
  GDateTime *filed_at;
  char      *mistake;
  GPtrArray *scenarios;
  int        withdrawals_this_month;
  gboolean   other_party_loss;
  char      *details[RETRACT_N_DETAILS];
  /* Where a case file held each detail, "case.json:4:20: $.applicant.phone",
   * for messages; NULL for a detail typed or changed since (retract-case-fields.c). */
  char      *detail_origins[RETRACT_N_DETAILS];
  /* The type of each holder's identity document, or -1 while none was
   * chosen (retract_case_get_id_document_type() gives the default then). */
  int        id_types[RETRACT_N_ID_HOLDERS];
  GHashTable *materials; /* material id → RetractCaseMaterial */
  char      *step;

  /* The case file's own (retract-case-history.c) */
  char      *id;         /* 32 hex digits: the file name, never personal data */
  char      *account;    /* "" for the user's own account */
  GDateTime *created_at;
  GPtrArray *events;     /* RetractCaseEvent, in time order */

  /* Kept by the case library (retract-store.c) */
  GDateTime *updated_at;    /* when it was last saved; NULL before the first save */
  guint64    revision;      /* the file's revision this copy holds; 0 if never saved */
  guint      loaded_format; /* the format it was read from; 0 for a new case */
};

/* One material's entry; an entry with nothing in it is not kept. */
typedef struct
{
  gboolean  ready;
  char     *attachment;
} RetractCaseMaterial;

gboolean _retract_case_replace_string          (char        **field,
                                                const char   *value);
void     _retract_case_material_free           (gpointer      data);
void     _retract_case_emit_materials_changed  (RetractCase  *self);
void     _retract_case_emit_events_changed     (RetractCase  *self);
void     _retract_case_notify_account          (RetractCase  *self);
void     _retract_case_notify_id_type          (RetractCase  *self,
                                                RetractIdHolder holder);
void     _retract_case_set_id_type             (RetractCase  *self,
                                                RetractIdHolder holder,
                                                int           type);
void     _retract_case_set_identity            (RetractCase  *self,
                                                const char   *id,
                                                GDateTime    *created_at);
RetractCase *_retract_case_new_light           (RetractCase  *self);
JsonNode    *_retract_case_to_json_node        (RetractCase  *self);
RetractCase *_retract_case_new_light_from_json (JsonObject   *object);

/* retract-case-file*.c */
void         _retract_case_add_string_member   (JsonBuilder  *builder,
                                                const char   *key,
                                                const char   *value);
GStrv        _retract_case_detail_keys         (const char         *group,
                                                const char * const *before,
                                                const char * const *after);
gboolean     _retract_case_load_details        (RetractJsonDocument *doc,
                                                JsonObject   *root,
                                                RetractCase  *self,
                                                GError      **error);
void         _retract_case_add_details         (JsonBuilder  *builder,
                                                RetractCase  *self);

G_END_DECLS
