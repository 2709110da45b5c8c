/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the letter says (see retract-letter.c for the object): its title for
 * the stage, the parties, the complaint, the story and the reason, the
 * request, the undertaking, the attachments and the signature, as blocks. */

#define G_LOG_DOMAIN "retract-letter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-letter-private.h"
#include "retract-validators.h"

#define PHRASE RETRACT_LETTER_PHRASE

static const RetractChannel *
letter_channel (RetractLetter *self)
{
  const RetractChannel *recommended = retract_assessment_get_recommended_channel (self->assessment);
  const RetractPlatform *platform = retract_assessment_get_platform (self->assessment);

  if (recommended != NULL)
    return recommended;

  /* No channel left (e.g. intellectual property): write to the platform itself. */
  return retract_ruleset_lookup_channel (retract_assessment_get_rules (self->assessment),
                                         platform->channels[RETRACT_STAGE_AUTO_REVIEW][0]);
}

static void
compose_attachments (RetractLetter *self,
                     RetractCase   *kase)
{
  GPtrArray *materials = retract_assessment_get_materials (self->assessment);

  /* Only what this case needs now: materials of answers since changed never appear. */
  for (guint i = 0; i < materials->len; i++)
    {
      const RetractMaterial *material = g_ptr_array_index (materials, i);
      const char *attachment = retract_case_get_material_attachment (kase, material->id);
      g_autofree char *basename = attachment != NULL ? g_path_get_basename (attachment) : NULL;

      if (!retract_case_get_material_ready (kase, material->id) && attachment == NULL)
        continue;

      if (basename != NULL)
        g_ptr_array_add (self->attachments,
                         g_strdup_printf (PHRASE (self, "%s（文件：%s）", "%s (file: %s)"),
                                          retract_letter_text_of (self, &material->name), basename));
      else
        g_ptr_array_add (self->attachments, g_strdup (retract_letter_text_of (self, &material->name)));
    }
}

/* What the letter calls the number of each kind of document: the mainland
 * card keeps the words letters always had. */
static const char *
id_document_label (RetractLetter         *self,
                   RetractIdDocumentType  type)
{
  switch (type)
    {
    case RETRACT_ID_DOCUMENT_HK_ID:
      return PHRASE (self, "香港居民身份证号码", "Hong Kong identity card number");
    case RETRACT_ID_DOCUMENT_MACAU_ID:
      return PHRASE (self, "澳门居民身份证号码", "Macau identity card number");
    case RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT:
      return PHRASE (self, "港澳居民来往内地通行证号码",
                     "Mainland Travel Permit for Hong Kong and Macau Residents number");
    case RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT:
      return PHRASE (self, "港澳台居民居住证号码",
                     "Residence permit for Hong Kong, Macau and Taiwan residents number");
    case RETRACT_ID_DOCUMENT_PASSPORT:
      return PHRASE (self, "护照号码", "Passport number");
    case RETRACT_ID_DOCUMENT_MAINLAND_ID:
    default:
      return PHRASE (self, "身份证号", "ID number");
    }
}

/* @holder's document as the letter prints it: masked unless asked. */
static void
add_id_document (RetractLetter   *self,
                 RetractCase     *kase,
                 RetractIdHolder  holder,
                 const char      *label_prefix,
                 gboolean         show_full_id)
{
  const char *number = retract_case_get_detail (kase, retract_id_holder_get_number_detail (holder));
  RetractIdDocumentType type = retract_case_get_id_document_type (kase, holder);
  g_autofree char *shown = NULL;
  g_autofree char *label = NULL;

  if (number == NULL)
    return;

  /* In full, as the validator writes it: upper case, no spaces, a Hong Kong
   * check digit in brackets; as typed only if it fails its check. */
  if (!show_full_id)
    shown = retract_case_dup_masked_id_number (kase, holder);
  else if (!retract_validate_id_document (type, number, NULL, &shown, NULL))
    shown = g_strdup (number);
  label = g_strconcat (label_prefix, id_document_label (self, type), NULL);
  retract_letter_add_field (self, label, shown);
}

/**
 * retract_letter_add_parties:
 * @show_full_id: print identity document numbers in full
 *
 * The people the document is about, as fields: the company (an enterprise
 * account's name and unified social credit code), the applicant, and a
 * minor's guardian (name, relationship, phone, identity document). Only the
 * details that apply to @kase appear.
 */
void
retract_letter_add_parties (RetractLetter *self,
                            RetractCase   *kase,
                            gboolean       show_full_id)
{
  g_return_if_fail (RETRACT_IS_LETTER (self));

  if (retract_case_detail_applies (kase, RETRACT_DETAIL_ENTERPRISE_NAME))
    {
      const char *code = retract_case_get_detail (kase, RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE);
      g_autofree char *normalized = NULL;

      retract_letter_add_field (self, PHRASE (self, "企业名称", "Company"),
                 retract_case_get_detail (kase, RETRACT_DETAIL_ENTERPRISE_NAME));
      /* Upper case without the spaces it was typed with. */
      if (code != NULL)
        retract_validate_credit_code (code, &normalized, NULL);
      retract_letter_add_field (self, PHRASE (self, "统一社会信用代码", "Unified social credit code"),
                 normalized != NULL ? normalized : code);
    }

  retract_letter_add_field (self, PHRASE (self, "申请人", "Name"), self->applicant);
  if (retract_case_detail_applies (kase, RETRACT_DETAIL_APPLICANT_WECHAT_ID))
    retract_letter_add_field (self, PHRASE (self, "微信号", "WeChat ID"),
               retract_case_get_detail (kase, RETRACT_DETAIL_APPLICANT_WECHAT_ID));
  retract_letter_add_field (self, PHRASE (self, "联系电话", "Phone"), self->phone);
  add_id_document (self, kase, RETRACT_ID_HOLDER_APPLICANT, "", show_full_id);

  if (retract_case_detail_applies (kase, RETRACT_DETAIL_GUARDIAN_NAME))
    {
      retract_letter_add_field (self, PHRASE (self, "监护人", "Guardian"),
                 retract_case_get_detail (kase, RETRACT_DETAIL_GUARDIAN_NAME));
      retract_letter_add_field (self, PHRASE (self, "监护人与申请人关系", "Guardian's relationship"),
                 retract_case_get_detail (kase, RETRACT_DETAIL_GUARDIAN_RELATIONSHIP));
      retract_letter_add_field (self, PHRASE (self, "监护人联系电话", "Guardian's phone"),
                 retract_case_get_detail (kase, RETRACT_DETAIL_GUARDIAN_PHONE));
      add_id_document (self, kase, RETRACT_ID_HOLDER_GUARDIAN,
                       PHRASE (self, "监护人", "Guardian's "), show_full_id);
    }
}

static const char *
request_text (RetractLetter *self,
              RetractCase   *kase)
{
  switch (retract_assessment_get_stage (self->assessment))
    {
    case RETRACT_STAGE_AUTO_REVIEW:
    case RETRACT_STAGE_MANUAL_REVIEW:
      return PHRASE (self,
                     "恳请撤销上述投诉。如被投诉方的账号因本次投诉受到限制，恳请一并予以恢复。",
                     "I ask you to withdraw the complaint above and, if the other party's "
                     "account was restricted because of it, to restore it.");
    case RETRACT_STAGE_PROCESSED:
      return PHRASE (self,
                     "该投诉已处理完成。恳请对处理结果进行复查；如被投诉方的账号因本次投诉受到"
                     "限制，恳请予以恢复。",
                     "The complaint has been processed. I ask you to review the result and, if "
                     "the other party's account was restricted because of it, to restore it.");
    case RETRACT_STAGE_NOT_WITHDRAWABLE:
    default:
      return PHRASE (self,
                     "该投诉无法主动撤回。恳请对相关信息予以更正，并如实记录本次误投诉的情况。",
                     "The complaint cannot be withdrawn. I ask you to correct the information "
                     "concerned and to record that it was made by mistake.");
    }
}

/* The letter itself (see retract_letter_new()): title, salutation, the
 * parties, the complaint, what happened and why, the request, the
 * undertaking, the attachments and the signature. */
void
retract_letter_compose (RetractLetter *self,
                        RetractCase   *kase,
                        gboolean       show_full_id)
{
  const RetractChannel *channel = letter_channel (self);
  const char *respondent = retract_case_get_detail (kase, RETRACT_DETAIL_RESPONDENT);
  g_autofree char *salutation = NULL;
  g_autofree char *filed = retract_letter_format_filed (self);
  g_autofree char *date = retract_letter_format_date (self, retract_assessment_get_now (self->assessment));
  g_autofree char *reason = NULL;
  RetractStage stage = retract_assessment_get_stage (self->assessment);

  if (stage == RETRACT_STAGE_AUTO_REVIEW || stage == RETRACT_STAGE_MANUAL_REVIEW)
    self->title = g_strdup (PHRASE (self, "误投诉撤销申请书",
                                    "Application to Withdraw a Mistaken Complaint"));
  else if (stage == RETRACT_STAGE_PROCESSED)
    self->title = g_strdup (PHRASE (self, "误投诉情况说明及复查申请",
                                    "Statement on a Mistaken Complaint and Request for Review"));
  else
    self->title = g_strdup (PHRASE (self, "误投诉情况说明及信息更正申请",
                                    "Statement on a Mistaken Complaint and Request for "
                                    "Correction"));

  self->addressee = g_strdup (retract_letter_text_of (self, &channel->addressee));

  retract_letter_add_block (self, RETRACT_BLOCK_TITLE, NULL, self->title);
  /* The company is on the mainland: the Traditional copy is for reading. */
  if (self->language == RETRACT_LANGUAGE_ZH_HK)
    retract_letter_add_block (self, RETRACT_BLOCK_PARAGRAPH, NULL,
               "（此為繁體中文閱讀本，方便您核對內容。收件的是內地公司，"
               "寄出的申請書請用簡體中文版本。）");
  salutation = g_strdup_printf (PHRASE (self, "尊敬的%s：", "Dear %s,"), self->addressee);
  retract_letter_add_block (self, RETRACT_BLOCK_SALUTATION, NULL, salutation);

  if (retract_case_detail_applies (kase, RETRACT_DETAIL_ENTERPRISE_NAME))
    retract_letter_add_block (self, RETRACT_BLOCK_HEADING, NULL,
               PHRASE (self, "一、申请企业及经办人信息", "1. The company and its applicant"));
  else if (retract_case_detail_applies (kase, RETRACT_DETAIL_GUARDIAN_NAME))
    retract_letter_add_block (self, RETRACT_BLOCK_HEADING, NULL,
               PHRASE (self, "一、申请人及监护人信息", "1. Applicant and guardian"));
  else
    retract_letter_add_block (self, RETRACT_BLOCK_HEADING, NULL, PHRASE (self, "一、申请人信息", "1. Applicant"));
  retract_letter_add_parties (self, kase, show_full_id);

  retract_letter_add_block (self, RETRACT_BLOCK_HEADING, NULL, PHRASE (self, "二、投诉信息", "2. The complaint"));
  retract_letter_add_field (self, PHRASE (self, "投诉编号", "Complaint number"), self->complaint_number);
  retract_letter_add_field (self, PHRASE (self, "投诉平台", "Platform"),
             retract_letter_text_of (self, &retract_assessment_get_platform (self->assessment)->name));
  retract_letter_add_field (self, PHRASE (self, "投诉类型", "Type"),
             retract_letter_text_of (self, &retract_assessment_get_complaint_type (self->assessment)->name));
  retract_letter_add_field (self, PHRASE (self, "投诉时间", "Filed"), filed);
  retract_letter_add_field (self, PHRASE (self, "被投诉方", "The other party"), respondent);

  retract_letter_add_block (self, RETRACT_BLOCK_HEADING, NULL, PHRASE (self, "三、事情经过", "3. What happened"));
  retract_letter_add_block (self, RETRACT_BLOCK_PARAGRAPH, NULL, self->narrative);

  retract_letter_add_block (self, RETRACT_BLOCK_HEADING, NULL,
             PHRASE (self, "四、误投诉原因", "4. Why it was a mistake"));
  reason = g_strdup_printf (PHRASE (self, "本次投诉属于“%s”。%s", "This was a case of “%s”. %s"),
                            retract_letter_text_of (self, &retract_assessment_get_mistake (self->assessment)->name),
                            self->reason);
  retract_letter_add_block (self, RETRACT_BLOCK_PARAGRAPH, NULL, reason);

  retract_letter_add_block (self, RETRACT_BLOCK_HEADING, NULL, PHRASE (self, "五、申请事项", "5. Request"));
  retract_letter_add_block (self, RETRACT_BLOCK_PARAGRAPH, NULL, request_text (self, kase));
  if (retract_case_get_other_party_loss (kase))
    retract_letter_add_block (self, RETRACT_BLOCK_PARAGRAPH, NULL,
               PHRASE (self, "如本次投诉给被投诉方造成了损失，本人愿意配合说明情况。",
                       "If the complaint caused the other party a loss, I will help to "
                       "explain what happened."));

  retract_letter_add_block (self, RETRACT_BLOCK_HEADING, NULL, PHRASE (self, "六、承诺", "6. Undertaking"));
  retract_letter_add_block (self, RETRACT_BLOCK_PARAGRAPH, NULL,
             PHRASE (self, "本人承诺以上所述内容真实、准确，如有不实，愿承担相应责任。",
                     "I confirm that the above is true and accurate, and I accept responsibility "
                     "for any statement that is not."));

  compose_attachments (self, kase);
  retract_letter_add_block (self, RETRACT_BLOCK_HEADING, NULL, PHRASE (self, "附件", "Attachments"));
  if (self->attachments->len == 0)
    retract_letter_add_block (self, RETRACT_BLOCK_LIST_ITEM, NULL, PHRASE (self, "（无）", "(none)"));
  for (guint i = 0; i < self->attachments->len; i++)
    {
      g_autofree char *item = g_strdup_printf ("%u. %s", i + 1,
                                               (char *) g_ptr_array_index (self->attachments, i));

      retract_letter_add_block (self, RETRACT_BLOCK_LIST_ITEM, NULL, item);
    }

  {
    g_autofree char *date_line = g_strdup_printf (PHRASE (self, "日期：%s", "Date: %s"), date);

    /* A minor's guardian acts for them, and signs (issue 15 §2). */
    retract_letter_add_block (self, RETRACT_BLOCK_SIGNATURE, date_line,
               retract_case_detail_applies (kase, RETRACT_DETAIL_GUARDIAN_NAME)
                 ? PHRASE (self, "监护人（签名）：", "Guardian's signature:")
                 : PHRASE (self, "申请人（签名）：", "Signature:"));
  }

  retract_letter_set_footer (self, NULL);
}
