/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "retract-case-event.h"
#include "retract-engine-ids.h"
#include "retract-id-document.h"
#include "retract-types.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_CASE (retract_case_get_type ())

G_DECLARE_FINAL_TYPE (RetractCase, retract_case, RETRACT, CASE, GObject)

#define RETRACT_CASE_FORMAT 2
#define RETRACT_CASE_MAX_BYTES (2 * 1024 * 1024)
#define RETRACT_CASE_MAX_WITHDRAWALS G_MAXINT32
#define RETRACT_CASE_MAX_ATTACHMENT_BYTES 4096
#define RETRACT_DEFAULT_MISTAKE RETRACT_MISTAKE_MISOPERATION

/* The letter's free-text answers. The guardian's apply only to a case with
 * the "minor" scenario, the enterprise's only with "enterprise"
 * (retract_case_detail_applies()). */
typedef enum
{
  RETRACT_DETAIL_APPLICANT_NAME,
  RETRACT_DETAIL_APPLICANT_WECHAT_ID,
  RETRACT_DETAIL_APPLICANT_PHONE,
  RETRACT_DETAIL_APPLICANT_ID_NUMBER,
  RETRACT_DETAIL_COMPLAINT_NUMBER,
  RETRACT_DETAIL_RESPONDENT,
  RETRACT_DETAIL_NARRATIVE,
  RETRACT_DETAIL_REASON,
  RETRACT_DETAIL_GUARDIAN_NAME,
  RETRACT_DETAIL_GUARDIAN_RELATIONSHIP,
  RETRACT_DETAIL_GUARDIAN_PHONE,
  RETRACT_DETAIL_GUARDIAN_ID_NUMBER,
  RETRACT_DETAIL_ENTERPRISE_NAME,
  RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE,
} RetractDetail;

#define RETRACT_N_DETAILS (RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE + 1)

/* Whose identity document a number is. */
typedef enum
{
  RETRACT_ID_HOLDER_APPLICANT,
  RETRACT_ID_HOLDER_GUARDIAN,
} RetractIdHolder;

#define RETRACT_N_ID_HOLDERS (RETRACT_ID_HOLDER_GUARDIAN + 1)

RetractCase        *retract_case_new                   (void);
RetractCase        *retract_case_new_from_bytes        (GBytes        *bytes,
                                                        const char    *display_name,
                                                        GError       **error);
RetractCase        *retract_case_new_from_file         (const char    *path,
                                                        GError       **error);
char               *retract_case_to_json               (RetractCase   *self);
gboolean            retract_case_save_to_file          (RetractCase   *self,
                                                        const char    *path,
                                                        GError       **error);

const char         *retract_case_get_platform          (RetractCase   *self);
void                retract_case_set_platform          (RetractCase   *self,
                                                        const char    *platform);
const char         *retract_case_get_complaint_type    (RetractCase   *self);
void                retract_case_set_complaint_type    (RetractCase   *self,
                                                        const char    *complaint_type);
GDateTime          *retract_case_get_filed_at          (RetractCase   *self);
void                retract_case_set_filed_at          (RetractCase   *self,
                                                        GDateTime     *filed_at);
const char         *retract_case_get_mistake           (RetractCase   *self);
void                retract_case_set_mistake           (RetractCase   *self,
                                                        const char    *mistake);
const char * const *retract_case_get_scenarios         (RetractCase   *self);
void                retract_case_set_scenarios         (RetractCase   *self,
                                                        const char * const *scenarios);
gboolean            retract_case_has_scenario          (RetractCase   *self,
                                                        const char    *scenario);
void                retract_case_set_scenario_enabled  (RetractCase   *self,
                                                        const char    *scenario,
                                                        gboolean       enabled);
int                 retract_case_get_withdrawals_this_month (RetractCase *self);
void                retract_case_set_withdrawals_this_month (RetractCase *self,
                                                             int          withdrawals);
gboolean            retract_case_get_other_party_loss  (RetractCase   *self);
void                retract_case_set_other_party_loss  (RetractCase   *self,
                                                        gboolean       other_party_loss);

const char         *retract_case_get_detail            (RetractCase   *self,
                                                        RetractDetail  detail);
void                retract_case_set_detail            (RetractCase   *self,
                                                        RetractDetail  detail,
                                                        const char    *value);
const char         *retract_detail_get_field_name      (RetractDetail  detail);
const char         *retract_detail_get_label           (RetractDetail  detail);
gboolean            retract_detail_is_required         (RetractDetail  detail);
gboolean            retract_case_detail_applies        (RetractCase   *self,
                                                        RetractDetail  detail);
gboolean            retract_case_detail_is_required    (RetractCase   *self,
                                                        RetractDetail  detail);

RetractIdDocumentType retract_case_get_id_document_type (RetractCase  *self,
                                                         RetractIdHolder holder);
void                retract_case_set_id_document_type  (RetractCase   *self,
                                                        RetractIdHolder holder,
                                                        RetractIdDocumentType type);
gboolean            retract_case_get_id_document_type_chosen (RetractCase *self,
                                                              RetractIdHolder holder);
RetractDetail       retract_id_holder_get_number_detail (RetractIdHolder holder);
char               *retract_case_dup_masked_id_number  (RetractCase   *self,
                                                        RetractIdHolder holder);
char               *retract_case_dup_identity_photo_hint (RetractCase *self);

gboolean            retract_case_get_material_ready    (RetractCase   *self,
                                                        const char    *material);
void                retract_case_set_material_ready    (RetractCase   *self,
                                                        const char    *material,
                                                        gboolean       ready);
const char         *retract_case_get_material_attachment (RetractCase *self,
                                                          const char  *material);
gboolean            retract_case_set_material_attachment (RetractCase *self,
                                                          const char  *material,
                                                          const char  *path,
                                                          GError     **error);
const char         *retract_case_get_step              (RetractCase   *self);
void                retract_case_set_step              (RetractCase   *self,
                                                        const char    *step);

gboolean            retract_case_validate_detail       (RetractCase   *self,
                                                        RetractDetail  detail,
                                                        const GDate   *today,
                                                        GError       **error);
gboolean            retract_case_validate_details      (RetractCase   *self,
                                                        const GDate   *today,
                                                        GError       **error);

/* The case file's own: retract-case-history.c */
#define RETRACT_CASE_ID_LENGTH 32
#define RETRACT_CASE_MAX_ACCOUNT_CHARS 64

typedef enum
{
  RETRACT_CASE_OPEN,
  RETRACT_CASE_DONE,
  RETRACT_CASE_ABANDONED,
} RetractCaseEnding;

const char         *retract_case_get_id                (RetractCase   *self);
gboolean            retract_case_id_is_valid           (const char    *id);
GDateTime          *retract_case_get_created_at        (RetractCase   *self);
void                retract_case_set_created_at        (RetractCase   *self,
                                                        GDateTime     *created_at);
const char         *retract_case_get_account           (RetractCase   *self);
gboolean            retract_case_set_account           (RetractCase   *self,
                                                        const char    *account,
                                                        GError       **error);
GPtrArray          *retract_case_get_events            (RetractCase   *self);
guint               retract_case_add_event             (RetractCase   *self,
                                                        RetractCaseEvent *event);
void                retract_case_remove_event          (RetractCase   *self,
                                                        guint          index);
RetractCaseEnding   retract_case_get_ending            (RetractCase   *self,
                                                        const RetractCaseEvent **ending);
RetractCaseEnding   retract_case_get_ending_at         (RetractCase   *self,
                                                        GDateTime     *until,
                                                        const RetractCaseEvent **ending);
gboolean            retract_case_check_event           (RetractCase   *self,
                                                        const RetractCaseEvent *event,
                                                        RetractRuleset *rules,
                                                        GDateTime     *now,
                                                        GError       **error);
const RetractCaseEvent *retract_case_find_submission   (RetractCase   *self,
                                                        const char    *channel,
                                                        GDateTime     *until);

G_END_DECLS
