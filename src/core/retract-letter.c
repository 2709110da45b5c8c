/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The appeal letter as a document model: titled blocks composed from the case
 * and its assessment, in Chinese (the one to send) or English (to read).
 * Text, PDF, print and preview all render the same blocks. The shorter texts
 * each channel needs (web ticket, phone script, appeal message) come from
 * the same answers. */

#define G_LOG_DOMAIN "retract-letter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-engine-ids.h"
#include "retract-error.h"
#include "retract-letter-private.h"
#include "retract-time.h"
#include "retract-validators.h"

struct _RetractLetter
{
  GObject            parent_instance;

  RetractAssessment *assessment;
  RetractLanguage    language;
  RetractLetterKind  kind;
  char              *title;
  char              *addressee;
  char              *applicant;
  char              *phone;
  char              *complaint_number;
  char              *narrative;
  char              *reason;
  char              *footer;
  GPtrArray         *blocks;
  GPtrArray         *attachments; /* char*: "身份验证材料（文件：id.jpg）" */
};

G_DEFINE_FINAL_TYPE (RetractLetter, retract_letter, G_TYPE_OBJECT)

/* The letter speaks the language asked for, whatever the interface's; the
 * Traditional reading copy takes each sentence's form from
 * retract-hant-phrases.h. */
#define PHRASE(self, zh, en) ((self)->language == RETRACT_LANGUAGE_EN ? (en) \
                              : retract_text_chinese_phrase ((self)->language, (zh)))

static void
block_free (gpointer data)
{
  RetractLetterBlock *block = data;

  g_free (block->label);
  g_free (block->text);
  g_free (block);
}

static void
add_block (RetractLetter    *self,
           RetractBlockKind  kind,
           const char       *label,
           const char       *text)
{
  RetractLetterBlock *block = g_new0 (RetractLetterBlock, 1);

  block->kind = kind;
  block->label = g_strdup (label);
  block->text = g_strdup (text);
  g_ptr_array_add (self->blocks, block);
}

void
retract_letter_add_block (RetractLetter    *self,
                          RetractBlockKind  kind,
                          const char       *label,
                          const char       *text)
{
  g_return_if_fail (RETRACT_IS_LETTER (self));
  add_block (self, kind, label, text);
}

static void
add_field (RetractLetter *self,
           const char    *label,
           const char    *value)
{
  if (value != NULL)
    add_block (self, RETRACT_BLOCK_FIELD, label, value);
}

static const char *
text_of (RetractLetter     *self,
         const RetractText *text)
{
  return retract_text_get (text, self->language);
}

char *
retract_letter_format_date (RetractLetter *self,
                            GDateTime     *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, retract_time_zone ());

  if (self->language != RETRACT_LANGUAGE_EN)
    return g_date_time_format (local, "%Y年%m月%d日");

  return g_date_time_format (local, "%Y-%m-%d");
}

char *
retract_letter_format_filed (RetractLetter *self)
{
  g_autofree char *when = retract_time_format_human (retract_assessment_get_filed_at (self->assessment));

  return g_strdup_printf (PHRASE (self, "%s（北京时间）", "%s (Beijing time, UTC+8)"), when);
}

static const RetractChannel *
letter_channel (RetractLetter *self)
{
  GPtrArray *channels = retract_assessment_get_channels (self->assessment);
  const RetractPlatform *platform = retract_assessment_get_platform (self->assessment);

  if (channels->len > 0)
    return g_ptr_array_index (channels, 0);

  /* No channel left (e.g. intellectual property): write to the platform itself. */
  return retract_ruleset_lookup_channel (retract_assessment_get_rules (self->assessment),
                                         platform->channels[RETRACT_STAGE_AUTO_REVIEW][0]);
}

static gboolean
check_complete (RetractCase *kase,
                GDateTime   *now,
                GError     **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  GDate today;

  /* What a letter cannot be written without: see retract_case_detail_is_required()
   * (the guardian's details only for a minor, the company's only for an enterprise). */
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    if (retract_case_detail_is_required (kase, i) && retract_case_get_detail (kase, i) == NULL)
      {
        if (missing->len > 0)
          g_string_append_c (missing, '\n');
        /* Translators: "applicant.phone: needed for the letter" */
        g_string_append_printf (missing, _("%s: needed for the letter"),
                                retract_detail_get_field_name (i));
      }

  if (missing->len > 0)
    {
      g_set_error_literal (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_MISSING, missing->str);
      return FALSE;
    }

  retract_time_get_date (now, &today);
  return retract_case_validate_details (kase, &today, error);
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
                                          text_of (self, &material->name), basename));
      else
        g_ptr_array_add (self->attachments, g_strdup (text_of (self, &material->name)));
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
  add_field (self, label, shown);
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

      add_field (self, PHRASE (self, "企业名称", "Company"),
                 retract_case_get_detail (kase, RETRACT_DETAIL_ENTERPRISE_NAME));
      /* Upper case without the spaces it was typed with. */
      if (code != NULL)
        retract_validate_credit_code (code, &normalized, NULL);
      add_field (self, PHRASE (self, "统一社会信用代码", "Unified social credit code"),
                 normalized != NULL ? normalized : code);
    }

  add_field (self, PHRASE (self, "申请人", "Name"), self->applicant);
  add_field (self, PHRASE (self, "微信号", "WeChat ID"),
             retract_case_get_detail (kase, RETRACT_DETAIL_APPLICANT_WECHAT_ID));
  add_field (self, PHRASE (self, "联系电话", "Phone"), self->phone);
  add_id_document (self, kase, RETRACT_ID_HOLDER_APPLICANT, "", show_full_id);

  if (retract_case_detail_applies (kase, RETRACT_DETAIL_GUARDIAN_NAME))
    {
      add_field (self, PHRASE (self, "监护人", "Guardian"),
                 retract_case_get_detail (kase, RETRACT_DETAIL_GUARDIAN_NAME));
      add_field (self, PHRASE (self, "监护人与申请人关系", "Guardian's relationship"),
                 retract_case_get_detail (kase, RETRACT_DETAIL_GUARDIAN_RELATIONSHIP));
      add_field (self, PHRASE (self, "监护人联系电话", "Guardian's phone"),
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

static void
compose (RetractLetter *self,
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

  self->addressee = g_strdup (text_of (self, &channel->addressee));

  add_block (self, RETRACT_BLOCK_TITLE, NULL, self->title);
  /* The company is on the mainland: the Traditional copy is for reading. */
  if (self->language == RETRACT_LANGUAGE_ZH_HK)
    add_block (self, RETRACT_BLOCK_PARAGRAPH, NULL,
               "（此為繁體中文閱讀本，方便您核對內容。收件的是內地公司，"
               "寄出的申請書請用簡體中文版本。）");
  salutation = g_strdup_printf (PHRASE (self, "尊敬的%s：", "Dear %s,"), self->addressee);
  add_block (self, RETRACT_BLOCK_SALUTATION, NULL, salutation);

  if (retract_case_detail_applies (kase, RETRACT_DETAIL_ENTERPRISE_NAME))
    add_block (self, RETRACT_BLOCK_HEADING, NULL,
               PHRASE (self, "一、申请企业及经办人信息", "1. The company and its applicant"));
  else if (retract_case_detail_applies (kase, RETRACT_DETAIL_GUARDIAN_NAME))
    add_block (self, RETRACT_BLOCK_HEADING, NULL,
               PHRASE (self, "一、申请人及监护人信息", "1. Applicant and guardian"));
  else
    add_block (self, RETRACT_BLOCK_HEADING, NULL, PHRASE (self, "一、申请人信息", "1. Applicant"));
  retract_letter_add_parties (self, kase, show_full_id);

  add_block (self, RETRACT_BLOCK_HEADING, NULL, PHRASE (self, "二、投诉信息", "2. The complaint"));
  add_field (self, PHRASE (self, "投诉编号", "Complaint number"), self->complaint_number);
  add_field (self, PHRASE (self, "投诉平台", "Platform"),
             text_of (self, &retract_assessment_get_platform (self->assessment)->name));
  add_field (self, PHRASE (self, "投诉类型", "Type"),
             text_of (self, &retract_assessment_get_complaint_type (self->assessment)->name));
  add_field (self, PHRASE (self, "投诉时间", "Filed"), filed);
  add_field (self, PHRASE (self, "被投诉方", "The other party"), respondent);

  add_block (self, RETRACT_BLOCK_HEADING, NULL, PHRASE (self, "三、事情经过", "3. What happened"));
  add_block (self, RETRACT_BLOCK_PARAGRAPH, NULL, self->narrative);

  add_block (self, RETRACT_BLOCK_HEADING, NULL,
             PHRASE (self, "四、误投诉原因", "4. Why it was a mistake"));
  reason = g_strdup_printf (PHRASE (self, "本次投诉属于“%s”。%s", "This was a case of “%s”. %s"),
                            text_of (self, &retract_assessment_get_mistake (self->assessment)->name),
                            self->reason);
  add_block (self, RETRACT_BLOCK_PARAGRAPH, NULL, reason);

  add_block (self, RETRACT_BLOCK_HEADING, NULL, PHRASE (self, "五、申请事项", "5. Request"));
  add_block (self, RETRACT_BLOCK_PARAGRAPH, NULL, request_text (self, kase));
  if (retract_case_get_other_party_loss (kase))
    add_block (self, RETRACT_BLOCK_PARAGRAPH, NULL,
               PHRASE (self, "如本次投诉给被投诉方造成了损失，本人愿意配合说明情况。",
                       "If the complaint caused the other party a loss, I will help to "
                       "explain what happened."));

  add_block (self, RETRACT_BLOCK_HEADING, NULL, PHRASE (self, "六、承诺", "6. Undertaking"));
  add_block (self, RETRACT_BLOCK_PARAGRAPH, NULL,
             PHRASE (self, "本人承诺以上所述内容真实、准确，如有不实，愿承担相应责任。",
                     "I confirm that the above is true and accurate, and I accept responsibility "
                     "for any statement that is not."));

  compose_attachments (self, kase);
  add_block (self, RETRACT_BLOCK_HEADING, NULL, PHRASE (self, "附件", "Attachments"));
  if (self->attachments->len == 0)
    add_block (self, RETRACT_BLOCK_LIST_ITEM, NULL, PHRASE (self, "（无）", "(none)"));
  for (guint i = 0; i < self->attachments->len; i++)
    {
      g_autofree char *item = g_strdup_printf ("%u. %s", i + 1,
                                               (char *) g_ptr_array_index (self->attachments, i));

      add_block (self, RETRACT_BLOCK_LIST_ITEM, NULL, item);
    }

  {
    g_autofree char *date_line = g_strdup_printf (PHRASE (self, "日期：%s", "Date: %s"), date);

    /* A minor's guardian acts for them, and signs (issue 15 §2). */
    add_block (self, RETRACT_BLOCK_SIGNATURE, date_line,
               retract_case_detail_applies (kase, RETRACT_DETAIL_GUARDIAN_NAME)
                 ? PHRASE (self, "监护人（签名）：", "Guardian's signature:")
                 : PHRASE (self, "申请人（签名）：", "Signature:"));
  }

  retract_letter_set_footer (self, NULL);
}

static void
retract_letter_finalize (GObject *object)
{
  RetractLetter *self = (RetractLetter *)object;

  g_clear_object (&self->assessment);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->addressee, g_free);
  g_clear_pointer (&self->applicant, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->complaint_number, g_free);
  g_clear_pointer (&self->narrative, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->footer, g_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);

  G_OBJECT_CLASS (retract_letter_parent_class)->finalize (object);
}

static void
retract_letter_class_init (RetractLetterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = retract_letter_finalize;
}

static void
retract_letter_init (RetractLetter *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->attachments = g_ptr_array_new_with_free_func (g_free);
}

/* A letter's paragraphs as the user wrote them, but never more than one
 * empty line in a row, and none at the start or the end: 100 000 line breaks
 * made 2 993 empty pages that took 48 s to print. */
static char *
without_blank_runs (const char *text)
{
  g_auto(GStrv) lines = NULL;
  GString *kept;
  gboolean blank_pending = FALSE;

  if (text == NULL)
    return NULL;

  lines = g_strsplit (text, "\n", -1);
  kept = g_string_sized_new (strlen (text));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gboolean blank = TRUE;

      for (const char *p = line; *p != '\0' && blank; p = g_utf8_next_char (p))
        blank = g_unichar_isspace (g_utf8_get_char (p));

      if (blank)
        {
          blank_pending = kept->len > 0;
          continue;
        }

      if (kept->len > 0)
        g_string_append (kept, blank_pending ? "\n\n" : "\n");
      g_string_append (kept, line);
      blank_pending = FALSE;
    }

  return g_string_free (kept, FALSE);
}

/* The footer's second line: the deadline and how it was counted (issue 15
 * §3), in the document's language, "期限 2026-10-10 23:59:59（北京时间）——
 * 提交后 3 个工作日：…". The window's deadline, or for a judicial case the
 * legal one. */
static void
append_deadline_line (RetractLetter *self)
{
  GDateTime *deadline = retract_assessment_get_window_closes_at (self->assessment);
  RetractDeadlineCount *count = retract_assessment_get_window_count (self->assessment);
  g_autofree char *when = NULL;
  g_autofree char *how = NULL;
  char *footer;

  if (deadline == NULL)
    {
      deadline = retract_assessment_get_legal_deadline (self->assessment);
      count = retract_assessment_get_legal_count (self->assessment);
    }
  if (deadline == NULL || count == NULL)
    return;

  when = retract_time_format_human (deadline);
  how = retract_deadline_count_describe_in (count, self->language);
  footer = g_strdup_printf (PHRASE (self, "%s\n期限 %s（北京时间）——%s",
                                    "%s\nDeadline %s (Beijing time) — %s"),
                            self->footer, when, how);
  g_free (self->footer);
  self->footer = footer;
}

/**
 * retract_letter_set_footer:
 * @note: (nullable): a sentence to end the footer with
 *
 * The footer every page carries: what made the document, from which rules,
 * and when.
 */
void
retract_letter_set_footer (RetractLetter *self,
                           const char    *note)
{
  RetractRuleset *rules;
  g_autofree char *date = NULL;

  g_return_if_fail (RETRACT_IS_LETTER (self));

  rules = retract_assessment_get_rules (self->assessment);
  date = retract_letter_format_date (self, retract_assessment_get_now (self->assessment));
  g_free (self->footer);
  self->footer = g_strdup_printf (PHRASE (self, "由 Retract 生成 · 规则数据集 %s（%s）· 生成于 %s",
                                          "Made with Retract · rules %s (%s) · generated %s"),
                                  retract_ruleset_get_version (rules),
                                  retract_ruleset_get_published (rules), date);
  if (note != NULL)
    {
      char *with_note = g_strconcat (self->footer, PHRASE (self, " · ", " · "), note, NULL);

      g_free (self->footer);
      self->footer = with_note;
    }
  append_deadline_line (self);
}

void
retract_letter_set_title (RetractLetter *self,
                          const char    *title)
{
  g_return_if_fail (RETRACT_IS_LETTER (self));

  g_free (self->title);
  self->title = g_strdup (title);
}

/**
 * retract_letter_new_empty:
 * @kind: what the document will be
 * @error: every missing or invalid field, one per line, "field: reason"
 *
 * A document with no blocks yet, from @kase's details once they are
 * complete and valid.
 *
 * Returns: (transfer full) (nullable): the document
 */
RetractLetter *
retract_letter_new_empty (RetractAssessment  *assessment,
                          RetractCase        *kase,
                          RetractLanguage     language,
                          RetractLetterKind   kind,
                          GError            **error)
{
  g_autoptr(RetractLetter) self = NULL;

  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (RETRACT_IS_CASE (kase), NULL);

  if (!check_complete (kase, retract_assessment_get_now (assessment), error))
    return NULL;

  self = g_object_new (RETRACT_TYPE_LETTER, NULL);
  self->assessment = g_object_ref (assessment);
  self->language = language;
  self->kind = kind;
  self->applicant = g_strdup (retract_case_get_detail (kase, RETRACT_DETAIL_APPLICANT_NAME));
  self->phone = g_strdup (retract_case_get_detail (kase, RETRACT_DETAIL_APPLICANT_PHONE));
  self->complaint_number = g_strdup (retract_case_get_detail (kase,
                                                              RETRACT_DETAIL_COMPLAINT_NUMBER));
  self->narrative = without_blank_runs (retract_case_get_detail (kase, RETRACT_DETAIL_NARRATIVE));
  self->reason = without_blank_runs (retract_case_get_detail (kase, RETRACT_DETAIL_REASON));

  return g_steal_pointer (&self);
}

/**
 * retract_letter_new:
 * @assessment: the answer the letter follows
 * @kase: the answers the assessment was made from
 * @language: the letter's language (Chinese is the one to send)
 * @error: every missing or invalid field, one per line, "field: reason"
 *
 * Returns: (transfer full) (nullable): the letter
 */
RetractLetter *
retract_letter_new (RetractAssessment  *assessment,
                    RetractCase        *kase,
                    RetractLanguage     language,
                    RetractLetterFlags  flags,
                    GError            **error)
{
  RetractLetter *self;

  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (RETRACT_IS_CASE (kase), NULL);

  self = retract_letter_new_empty (assessment, kase, language, RETRACT_LETTER_KIND_LETTER, error);
  if (self != NULL)
    compose (self, kase, (flags & RETRACT_LETTER_SHOW_FULL_ID) != 0);

  return self;
}

RetractLanguage
retract_letter_get_language (RetractLetter *self)
{
  g_return_val_if_fail (RETRACT_IS_LETTER (self), RETRACT_LANGUAGE_ZH_CN);
  return self->language;
}

RetractLetterKind
retract_letter_get_kind (RetractLetter *self)
{
  g_return_val_if_fail (RETRACT_IS_LETTER (self), RETRACT_LETTER_KIND_LETTER);
  return self->kind;
}

const char *
retract_letter_get_title (RetractLetter *self)
{
  g_return_val_if_fail (RETRACT_IS_LETTER (self), NULL);
  return self->title;
}

const char *
retract_letter_get_addressee (RetractLetter *self)
{
  g_return_val_if_fail (RETRACT_IS_LETTER (self), NULL);
  return self->addressee;
}

const char *
retract_letter_get_applicant (RetractLetter *self)
{
  g_return_val_if_fail (RETRACT_IS_LETTER (self), NULL);
  return self->applicant;
}

const char *
retract_letter_get_footer (RetractLetter *self)
{
  g_return_val_if_fail (RETRACT_IS_LETTER (self), NULL);
  return self->footer;
}

/**
 * retract_letter_get_blocks:
 *
 * Returns: (transfer none) (element-type RetractLetterBlock): the letter, in order
 */
GPtrArray *
retract_letter_get_blocks (RetractLetter *self)
{
  g_return_val_if_fail (RETRACT_IS_LETTER (self), NULL);
  return self->blocks;
}

/**
 * retract_letter_get_attachments:
 *
 * Returns: (transfer none) (element-type utf8): the attachments list
 */
GPtrArray *
retract_letter_get_attachments (RetractLetter *self)
{
  g_return_val_if_fail (RETRACT_IS_LETTER (self), NULL);
  return self->attachments;
}

/**
 * retract_letter_to_text:
 *
 * Returns: (transfer full): the letter as plain text, to print or paste
 */
char *
retract_letter_to_text (RetractLetter *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (RETRACT_IS_LETTER (self), NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const RetractLetterBlock *block = g_ptr_array_index (self->blocks, i);

      switch (block->kind)
        {
        case RETRACT_BLOCK_TITLE:
          g_string_append_printf (text, "%s\n\n", block->text);
          break;
        case RETRACT_BLOCK_SALUTATION:
          g_string_append_printf (text, "%s\n", block->text);
          break;
        case RETRACT_BLOCK_HEADING:
          g_string_append_printf (text, "\n%s\n", block->text);
          break;
        case RETRACT_BLOCK_FIELD:
          g_string_append_printf (text, PHRASE (self, "%s：%s\n", "%s: %s\n"), block->label,
                                  block->text);
          break;
        case RETRACT_BLOCK_PARAGRAPH:
        case RETRACT_BLOCK_LIST_ITEM:
          g_string_append_printf (text, "%s\n", block->text);
          break;
        case RETRACT_BLOCK_SIGNATURE:
          /* Translators' note: the first %s is who signs, the second the date line. */
          g_string_append_printf (text,
                                  PHRASE (self, "\n%s____________    手印：（请在此处按手印）\n%s\n",
                                          "\n%s ____________    Fingerprint: (press here)\n%s\n"),
                                  block->text, block->label);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_string_append_printf (text, "\n%s\n", self->footer);
  return g_string_free (text, FALSE);
}

/**
 * retract_letter_build_ticket:
 * @n_chars: (out) (optional): its length in characters, for forms with a limit
 *
 * Returns: (transfer full): the subject and text for the kf.qq.com ticket form
 */
char *
retract_letter_build_ticket (RetractLetter *self,
                             guint         *n_chars)
{
  RetractRuleset *rules;
  const RetractChannel *ticket;
  g_autofree char *filed = NULL;
  g_autoptr(GString) subject = NULL;
  GString *text;

  g_return_val_if_fail (RETRACT_IS_LETTER (self), NULL);

  rules = retract_assessment_get_rules (self->assessment);
  ticket = retract_ruleset_lookup_channel (rules, RETRACT_CHANNEL_WEB_TICKET);
  filed = retract_letter_format_filed (self);

  /* The subject the seed asks for: 误投诉撤销+投诉编号, with the number filled in. */
  subject = g_string_new (ticket != NULL && ticket->ticket_subject != NULL
                          ? ticket->ticket_subject : "误投诉撤销+投诉编号");
  g_string_replace (subject, "投诉编号", self->complaint_number, 0);

  text = g_string_new (NULL);
  g_string_append_printf (text, PHRASE (self, "主题：%s\n\n", "Subject: %s\n\n"), subject->str);
  g_string_append_printf (text,
                          PHRASE (self,
                                  "您好！我于%s在%s误提交了一条投诉（投诉类型：%s；投诉编号：%s），"
                                  "现申请撤销。\n",
                                  "Hello. On %s I filed a complaint on %s by mistake (type: %s; "
                                  "complaint number: %s) and ask for it to be withdrawn.\n"),
                          filed,
                          text_of (self, &retract_assessment_get_platform (self->assessment)->name),
                          text_of (self, &retract_assessment_get_complaint_type (self->assessment)->name),
                          self->complaint_number);
  g_string_append_printf (text, PHRASE (self, "误投诉原因：%s\n", "Why it was a mistake: %s\n"),
                          self->reason);
  g_string_append_printf (text, PHRASE (self, "事情经过：%s\n", "What happened: %s\n"),
                          self->narrative);
  g_string_append_printf (text, PHRASE (self, "申请人：%s；联系电话：%s\n",
                                        "Applicant: %s; phone: %s\n"),
                          self->applicant, self->phone);
  g_string_append (text, PHRASE (self, "感谢您的处理！\n", "Thank you.\n"));

  if (n_chars != NULL)
    *n_chars = (guint) g_utf8_strlen (text->str, -1);

  return g_string_free (text, FALSE);
}

/**
 * retract_letter_build_phone_script:
 *
 * Returns: (transfer full): what to have ready and what to say on the hotline
 */
char *
retract_letter_build_phone_script (RetractLetter *self)
{
  RetractRuleset *rules;
  const RetractChannel *phone = NULL;
  GPtrArray *channels;
  g_autofree char *filed = NULL;
  GString *text;

  g_return_val_if_fail (RETRACT_IS_LETTER (self), NULL);

  rules = retract_assessment_get_rules (self->assessment);
  channels = retract_assessment_get_channels (self->assessment);
  for (guint i = 0; i < channels->len && phone == NULL; i++)
    {
      const RetractChannel *channel = g_ptr_array_index (channels, i);

      if (channel->phone != NULL)
        phone = channel;
    }
  if (phone == NULL)
    phone = retract_ruleset_lookup_channel (rules, RETRACT_CHANNEL_PHONE_HOTLINE);

  filed = retract_letter_format_filed (self);
  text = g_string_new (NULL);
  g_string_append_printf (text, "%s\n\n", text_of (self, &phone->name));

  g_string_append (text, PHRASE (self, "打电话前请准备好：\n", "Before you call, have ready:\n"));
  g_string_append_printf (text, PHRASE (self, "1. 本人手机号：%s\n", "1. Your phone number: %s\n"),
                          self->phone);
  g_string_append (text, PHRASE (self, "2. 实名认证信息（姓名、身份证号）\n",
                                 "2. Your real-name details (name and ID number)\n"));
  g_string_append (text, PHRASE (self, "3. 可以进行人脸识别的手机\n",
                                 "3. A phone that can do face recognition\n"));
  g_string_append_printf (text, PHRASE (self, "4. 投诉编号：%s\n\n", "4. The complaint number: %s\n\n"),
                          self->complaint_number);

  g_string_append (text, PHRASE (self, "拨打步骤：\n", "Steps:\n"));
  for (guint i = 0; i < phone->steps->len; i++)
    g_string_append_printf (text, "%u. %s\n", i + 1, text_of (self, g_ptr_array_index (phone->steps, i)));

  g_string_append (text, PHRASE (self, "\n您可以这样说：\n", "\nWhat to say:\n"));
  g_string_append_printf (text,
                          PHRASE (self,
                                  "“您好，我叫%s。我在%s误提交了一条%s，投诉编号是%s。这是%s，"
                                  "我想申请撤销这条投诉。”\n",
                                  "“Hello, my name is %s. On %s I filed a %s by mistake; the "
                                  "complaint number is %s. It was a case of “%s”, and I would "
                                  "like to withdraw it.”\n"),
                          self->applicant, filed,
                          text_of (self, &retract_assessment_get_complaint_type (self->assessment)->name),
                          self->complaint_number,
                          text_of (self, &retract_assessment_get_mistake (self->assessment)->name));

  return g_string_free (text, FALSE);
}

/**
 * retract_letter_build_appeal_message:
 *
 * Returns: (transfer full): the message to send to "WeChat Team", such as
 *   `#误封申诉+WX20261124001`
 */
char *
retract_letter_build_appeal_message (RetractLetter *self)
{
  const RetractChannel *appeal;
  g_autoptr(GString) message = NULL;

  g_return_val_if_fail (RETRACT_IS_LETTER (self), NULL);

  appeal = retract_ruleset_lookup_channel (retract_assessment_get_rules (self->assessment),
                                           RETRACT_CHANNEL_APPEAL_MESSAGE);
  message = g_string_new (appeal != NULL && appeal->message_template != NULL
                          ? appeal->message_template : "#误封申诉+投诉编号");
  g_string_replace (message, "投诉编号", self->complaint_number, 0);

  return g_string_free (g_steal_pointer (&message), FALSE);
}
