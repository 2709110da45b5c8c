/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The lawyer's fact sheet for a complaint under judicial investigation
 * (§5): the route, the deadline with its date, the parties, the complaint
 * and what happened, on one page. The user's free text is long at times, so
 * the sheet is laid out and, while it runs over a page, made again with the
 * free text and then the fields cut shorter; each cut says so. */

#define G_LOG_DOMAIN "retract-fact-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-deadline-count.h"
#include "retract-error.h"
#include "retract-fact-sheet.h"
#include "retract-letter-private.h"
#include "retract-letter-renderer.h"
#include "retract-next-step.h"
#include "retract-time.h"

/* As in the letter: Traditional Chinese takes each sentence's form from
 * retract-hant-phrases.h. */
#define PHRASE(language, zh, en) ((language) == RETRACT_LANGUAGE_EN ? (en) \
                                  : retract_text_chinese_phrase ((language), (zh)))

/* How much of the user's text each try keeps, in characters: the free text
 * (what happened, why it was a mistake) and each field's value. The last
 * try fits one page whatever was typed (test-letter.c checks the longest
 * values the case file accepts). */
static const struct
{
  glong free_text;
  glong field;
} tries[] = {
  { 800, G_MAXLONG },
  { 300, 60 },
  { 120, 30 },
  { 40, 20 },
  { 16, 20 },
};

/**
 * retract_fact_sheet_applies:
 *
 * Returns: whether the case's document is the lawyer's fact sheet rather than
 *   a letter: it cannot be withdrawn but has a legal route (judicial, §5)
 */
gboolean
retract_fact_sheet_applies (RetractAssessment *assessment)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (assessment), FALSE);

  return retract_next_step_get_legal_route (assessment) != NULL;
}

/* @text cut to @max characters, marked as cut. */
static char *
abridged (const char      *text,
          glong            max,
          RetractLanguage  language)
{
  const char *end;

  if (text == NULL)
    return NULL;
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);

  end = g_utf8_offset_to_pointer (text, max);
  return g_strdup_printf ("%.*s%s", (int) (end - text), text,
                          PHRASE (language, "……（节选）", "… (abridged)"));
}

static void
add_field (RetractLetter *sheet,
           const char    *label,
           const char    *value)
{
  if (value != NULL)
    retract_letter_add_block (sheet, RETRACT_BLOCK_FIELD, label, value);
}

/* Every field's value from block @from on cut to @max characters. */
static void
abridge_fields (RetractLetter *sheet,
                guint          from,
                glong          max)
{
  GPtrArray *blocks = retract_letter_get_blocks (sheet);

  for (guint i = from; i < blocks->len; i++)
    {
      RetractLetterBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == RETRACT_BLOCK_FIELD)
        {
          char *shorter = abridged (block->text, max, retract_letter_get_language (sheet));

          g_free (block->text);
          block->text = shorter;
        }
    }
}

/* What the user typed is cut to @free_text characters for the paragraphs
 * and @field for the fields; the route, the dates and the dataset's names
 * never are. */
static void
compose (RetractLetter     *sheet,
         RetractAssessment *assessment,
         RetractCase       *kase,
         gboolean           show_full_id,
         glong              free_text,
         glong              field)
{
  RetractLanguage language = retract_letter_get_language (sheet);
  RetractRuleset *rules = retract_assessment_get_rules (assessment);
  const RetractScenario *route = retract_next_step_get_legal_route (assessment);
  const RetractChannel *court = retract_ruleset_lookup_channel (rules, route->first_channel);
  GDateTime *deadline = retract_assessment_get_legal_deadline (assessment);
  GPtrArray *scenarios = retract_assessment_get_scenarios (assessment);
  const char *title = PHRASE (language, "司法调查投诉事实摘要（供律师参考）",
                              "Fact Sheet for the Lawyer");
  g_autofree char *route_text = NULL;
  g_autofree char *deadline_text = NULL;
  g_autofree char *filed = retract_letter_format_filed (sheet);
  g_autofree char *narrative = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GString) others = g_string_new (NULL);
  g_autofree char *number = NULL;
  g_autofree char *respondent = NULL;
  guint parties;

  retract_letter_set_title (sheet, title);
  retract_letter_add_block (sheet, RETRACT_BLOCK_TITLE, NULL, title);

  /* The route, plainly, with the date it must start by. */
  retract_letter_add_block (sheet, RETRACT_BLOCK_HEADING, NULL,
                            PHRASE (language, "一、处理路径与期限", "1. The route and the deadline"));
  if (deadline != NULL)
    {
      g_autofree char *when = retract_time_format_human (deadline);

      deadline_text = g_strdup_printf (PHRASE (language, "%s（北京时间）",
                                               "%s (Beijing time, UTC+8)"), when);
    }
  route_text = g_strdup_printf (PHRASE (language,
                                        "该投诉涉及司法调查，不可撤销。处理路径是：由律师出具律师函，"
                                        "向%s申请信息修正，须在投诉后%u个工作日内启动法律程序。",
                                        "The complaint is under judicial investigation and cannot "
                                        "be withdrawn. The route is a lawyer's letter to the %s "
                                        "asking for the information to be corrected; the legal "
                                        "procedure must start within %u working days of the "
                                        "complaint."),
                                retract_text_get (&court->addressee, language),
                                route->legal_deadline_working_days);
  retract_letter_add_block (sheet, RETRACT_BLOCK_PARAGRAPH, NULL, route_text);
  add_field (sheet, PHRASE (language, "启动期限", "Deadline"), deadline_text);
  if (retract_assessment_get_legal_count (assessment) != NULL)
    {
      g_autofree char *counted =
        retract_deadline_count_describe_in (retract_assessment_get_legal_count (assessment),
                                            language);

      add_field (sheet, PHRASE (language, "计算方法", "How it was counted"), counted);
    }
  add_field (sheet, PHRASE (language, "投诉时间", "Filed"), filed);

  retract_letter_add_block (sheet, RETRACT_BLOCK_HEADING, NULL,
                            PHRASE (language, "二、当事人", "2. The parties"));
  parties = retract_letter_get_blocks (sheet)->len;
  retract_letter_add_parties (sheet, kase, show_full_id);
  abridge_fields (sheet, parties, field);

  retract_letter_add_block (sheet, RETRACT_BLOCK_HEADING, NULL,
                            PHRASE (language, "三、投诉信息", "3. The complaint"));
  number = abridged (retract_case_get_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER), field,
                     language);
  add_field (sheet, PHRASE (language, "投诉编号", "Complaint number"), number);
  add_field (sheet, PHRASE (language, "投诉平台", "Platform"),
             retract_text_get (&retract_assessment_get_platform (assessment)->name, language));
  add_field (sheet, PHRASE (language, "投诉类型", "Type"),
             retract_text_get (&retract_assessment_get_complaint_type (assessment)->name,
                               language));
  respondent = abridged (retract_case_get_detail (kase, RETRACT_DETAIL_RESPONDENT), field,
                         language);
  add_field (sheet, PHRASE (language, "被投诉方", "The other party"), respondent);
  add_field (sheet, PHRASE (language, "误投诉类型", "Kind of mistake"),
             retract_text_get (&retract_assessment_get_mistake (assessment)->name, language));
  for (guint i = 0; i < scenarios->len; i++)
    {
      const RetractScenario *scenario = g_ptr_array_index (scenarios, i);

      if (others->len > 0)
        g_string_append (others, PHRASE (language, "；", "; "));
      g_string_append (others, retract_text_get (&scenario->name, language));
    }
  add_field (sheet, PHRASE (language, "特殊情形", "Circumstances"), others->str);

  /* One heading for both: the sheet's date is in its footer. */
  retract_letter_add_block (sheet, RETRACT_BLOCK_HEADING, NULL,
                            PHRASE (language, "四、事情经过及误投诉原因",
                                    "4. What happened, and why it was a mistake"));
  narrative = abridged (retract_case_get_detail (kase, RETRACT_DETAIL_NARRATIVE), free_text,
                        language);
  retract_letter_add_block (sheet, RETRACT_BLOCK_PARAGRAPH, NULL, narrative);
  reason = abridged (retract_case_get_detail (kase, RETRACT_DETAIL_REASON), free_text, language);
  retract_letter_add_block (sheet, RETRACT_BLOCK_PARAGRAPH, NULL, reason);

  retract_letter_set_footer (sheet, PHRASE (language, "申请人自述，非法律意见",
                                            "as told by the applicant; not legal advice"));
}

/**
 * retract_fact_sheet_new:
 * @assessment: the answer for a case under judicial investigation
 *   (retract_fact_sheet_applies())
 * @kase: the answers the assessment was made from
 * @language: the sheet's language
 * @flags: %RETRACT_LETTER_SHOW_FULL_ID prints identity numbers in full
 * @error: every missing or invalid field, one per line, "field: reason"; or
 *   that the case is not under judicial investigation
 *
 * Lays the sheet out (in the calling thread) to keep it to one A4 page.
 *
 * Returns: (transfer full) (nullable): the fact sheet
 */
RetractLetter *
retract_fact_sheet_new (RetractAssessment  *assessment,
                        RetractCase        *kase,
                        RetractLanguage     language,
                        RetractLetterFlags  flags,
                        GError            **error)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (RETRACT_IS_CASE (kase), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!retract_fact_sheet_applies (assessment))
    {
      g_set_error_literal (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                           _("scenarios: the fact sheet for the lawyer is for a complaint under "
                             "judicial investigation; this case has a letter instead"));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
    {
      g_autoptr(RetractLetter) sheet = NULL;
      g_autoptr(RetractLetterRenderer) renderer = NULL;

      sheet = retract_letter_new_empty (assessment, kase, language,
                                        RETRACT_LETTER_KIND_FACT_SHEET, error);
      if (sheet == NULL)
        return NULL;
      compose (sheet, assessment, kase, (flags & RETRACT_LETTER_SHOW_FULL_ID) != 0,
               tries[i].free_text, tries[i].field);

      renderer = retract_letter_renderer_new (sheet, RETRACT_A4_WIDTH, RETRACT_A4_HEIGHT);
      if (retract_letter_renderer_get_n_pages (renderer) == 1 || i + 1 == G_N_ELEMENTS (tries))
        return g_steal_pointer (&sheet);
    }

  g_assert_not_reached ();
}

/**
 * retract_fact_sheet_or_letter_applies:
 *
 * Returns: whether the case has a document to prepare: the withdrawal letter
 *   while the complaint can be withdrawn, the lawyer's fact sheet when it
 *   cannot but has a legal route (judicial, §5); a dead end has none
 */
gboolean
retract_fact_sheet_or_letter_applies (RetractAssessment *assessment)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (assessment), FALSE);

  return retract_assessment_get_stage (assessment) != RETRACT_STAGE_NOT_WITHDRAWABLE ||
         retract_fact_sheet_applies (assessment);
}

/**
 * retract_fact_sheet_or_letter_new:
 * @assessment: the answer for the case
 * @kase: the answers the assessment was made from
 * @language: the document's language
 * @flags: %RETRACT_LETTER_SHOW_FULL_ID prints identity numbers in full
 * @error: every missing or invalid field, one per line, "field: reason"
 *
 * The case's document: for a complaint under judicial investigation the
 * lawyer's fact sheet (retract_fact_sheet_applies()), which replaces the
 * letter; otherwise the withdrawal letter. retract_letter_get_kind() says
 * which it is.
 *
 * Returns: (transfer full) (nullable): the fact sheet or the letter
 */
RetractLetter *
retract_fact_sheet_or_letter_new (RetractAssessment  *assessment,
                                  RetractCase        *kase,
                                  RetractLanguage     language,
                                  RetractLetterFlags  flags,
                                  GError            **error)
{
  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (assessment), NULL);

  if (retract_fact_sheet_applies (assessment))
    return retract_fact_sheet_new (assessment, kase, language, flags, error);
  return retract_letter_new (assessment, kase, language, flags, error);
}
