/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The appeal documents: what each scenario's letter says and to whom, the
 * short texts, and the PDF as poppler reads it back. */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "retract-error.h"
#include "retract-fact-sheet.h"
#include "retract-letter-renderer.h"
#include "retract-time.h"

static RetractRuleset *rules;

/* A folder of this test's own (the isolated cache dir), so tests running
 * side by side never share a file. */
static char *
scratch_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}

static RetractCase *
full_case (const char *platform,
           const char *type,
           const char *scenario)
{
  RetractCase *kase = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse ("2026-11-24T10:00:00+08:00", NULL);

  retract_case_set_platform (kase, platform);
  retract_case_set_complaint_type (kase, type);
  retract_case_set_filed_at (kase, filed);
  if (scenario != NULL)
    retract_case_set_scenario_enabled (kase, scenario, TRUE);
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_NAME, "张三");
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_WECHAT_ID, "zhangsan_01");
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_PHONE, "13800138000");
  /* A mainland resident ID, even in a cross-border case (whose applicant has
   * a Hong Kong identity card unless another document is chosen). */
  retract_case_set_id_document_type (kase, RETRACT_ID_HOLDER_APPLICANT,
                                     RETRACT_ID_DOCUMENT_MAINLAND_ID);
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "11010519491231002X");
  retract_case_set_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, "WX20261124001");
  retract_case_set_detail (kase, RETRACT_DETAIL_RESPONDENT, "李四");
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "我想给李四发消息，却误点了投诉。");
  retract_case_set_detail (kase, RETRACT_DETAIL_REASON, "李四没有任何违规行为。");
  /* A minor's guardian and an enterprise's company, as their scenarios need. */
  retract_case_set_detail (kase, RETRACT_DETAIL_GUARDIAN_NAME, "王芳");
  retract_case_set_detail (kase, RETRACT_DETAIL_GUARDIAN_RELATIONSHIP, "母亲");
  retract_case_set_detail (kase, RETRACT_DETAIL_GUARDIAN_PHONE, "13900139000");
  retract_case_set_detail (kase, RETRACT_DETAIL_ENTERPRISE_NAME, "福州示例科技有限公司");
  retract_case_set_detail (kase, RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE, "91350100M000100Y43");
  return kase;
}

static RetractLetter *
make_letter (RetractCase        *kase,
             const char         *now_text,
             RetractLanguage     language,
             RetractLetterFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = retract_time_parse (now_text, NULL);
  g_autoptr(RetractAssessment) assessment = retract_assessment_new (rules, kase, now, &error);
  RetractLetter *letter;

  g_assert_no_error (error);
  letter = retract_letter_new (assessment, kase, language, flags, &error);
  g_assert_no_error (error);
  return letter;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("“%s” should not be in:\n%s", needle, haystack);
}

/* ---- content per scenario ---- */

typedef struct
{
  const char *name;
  const char *platform;
  const char *type;
  const char *scenario;
  const char *now;
  const char *addressee;
  const char *title;
} ScenarioCase;

static const ScenarioCase scenario_cases[] = {
  { "friend-report-auto", "wechat", "friend-report", NULL, "2026-11-24T10:30:00+08:00",
    "微信团队", "误投诉撤销申请书" },
  { "friend-report-manual", "wechat", "friend-report", NULL, "2026-11-24T13:00:00+08:00",
    "腾讯客服", "误投诉撤销申请书" },
  { "payment", "wechat", "payment-dispute", NULL, "2026-11-25T10:00:00+08:00",
    "腾讯客服", "误投诉撤销申请书" },
  { "miniprogram", "wechat", "miniprogram-infringement", NULL, "2026-11-26T10:00:00+08:00",
    "腾讯客服", "误投诉撤销申请书" },
  { "processed", "wechat", "friend-report", NULL, "2026-11-26T10:00:00+08:00",
    "微信团队", "误投诉情况说明及复查申请" },
  { "intellectual-property", "wechat", "intellectual-property", NULL,
    "2026-11-24T10:30:00+08:00", "微信团队", "误投诉情况说明及信息更正申请" },
  { "enterprise", "wechat", "friend-report", "enterprise", "2026-11-24T13:00:00+08:00",
    "企业微信团队", "误投诉撤销申请书" },
  { "cross-border", "wechat", "friend-report", "cross-border", "2026-11-24T13:00:00+08:00",
    "腾讯客服", "误投诉撤销申请书" },
  { "minor", "wechat", "friend-report", "minor", "2026-11-24T13:00:00+08:00",
    "腾讯少年灯塔办公室", "误投诉撤销申请书" },
  { "judicial", "wechat", "friend-report", "judicial", "2026-11-24T13:00:00+08:00",
    "广州互联网法院", "误投诉情况说明及信息更正申请" },
  { "alipay", "alipay", "general", NULL, "2026-11-24T13:00:00+08:00",
    "支付宝客服", "误投诉撤销申请书" },
  { "douyin", "douyin", "general", NULL, "2026-11-24T13:00:00+08:00",
    "抖音社区复审团队", "误投诉撤销申请书" },
};

static void
test_scenario (gconstpointer data)
{
  const ScenarioCase *c = data;
  g_autoptr(RetractCase) kase = full_case (c->platform, c->type, c->scenario);
  g_autoptr(RetractLetter) letter = make_letter (kase, c->now, RETRACT_LANGUAGE_ZH_CN,
                                                 RETRACT_LETTER_FLAGS_NONE);
  g_autofree char *text = retract_letter_to_text (letter);
  g_autofree char *salutation = g_strdup_printf ("尊敬的%s：", c->addressee);

  g_assert_cmpstr (retract_letter_get_addressee (letter), ==, c->addressee);
  g_assert_cmpstr (retract_letter_get_title (letter), ==, c->title);
  g_assert_true (g_str_has_prefix (text, c->title));
  assert_contains (text, salutation);
  assert_contains (text, "申请人：张三");
  assert_contains (text, "投诉编号：WX20261124001");
  assert_contains (text, "投诉时间：2026-11-24 10:00（北京时间）");
  assert_contains (text, "被投诉方：李四");
  assert_contains (text, "我想给李四发消息，却误点了投诉。");
  assert_contains (text, "李四没有任何违规行为。");
  assert_contains (text, "手印");
  assert_contains (text, "规则数据集 ");
  /* The ID number is masked unless asked for. */
  assert_contains (text, "身份证号：110105********002X");
  assert_lacks (text, "11010519491231002X");
  /* A WeChat ID only on a WeChat case (the case keeps one typed before its
   * platform changed, but an Alipay or Douyin letter has no use for it). */
  if (g_str_equal (c->platform, "wechat"))
    assert_contains (text, "微信号：zhangsan_01");
  else
    {
      assert_lacks (text, "微信号");
      assert_lacks (text, "zhangsan_01");
    }
}

static void
test_full_id_when_asked (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", NULL);
  g_autoptr(RetractLetter) letter = make_letter (kase, "2026-11-24T13:00:00+08:00",
                                                 RETRACT_LANGUAGE_ZH_CN,
                                                 RETRACT_LETTER_SHOW_FULL_ID);
  g_autofree char *text = retract_letter_to_text (letter);

  assert_contains (text, "身份证号：11010519491231002X");
}

static void
test_optional_fields_left_out (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", NULL);
  g_autoptr(RetractLetter) letter = NULL;
  g_autofree char *text = NULL;

  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_ID_NUMBER, NULL);
  retract_case_set_detail (kase, RETRACT_DETAIL_RESPONDENT, NULL);
  letter = make_letter (kase, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_ZH_CN,
                        RETRACT_LETTER_FLAGS_NONE);
  text = retract_letter_to_text (letter);
  assert_lacks (text, "身份证号：");
  assert_lacks (text, "被投诉方：");
}

/* Attachments follow the checklist, and only for what the case needs now. */
static void
test_attachments (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", "enterprise");
  g_autoptr(RetractLetter) letter = NULL;
  g_autoptr(RetractLetter) later = NULL;
  g_autofree char *text = NULL;
  g_autofree char *later_text = NULL;

  retract_case_set_material_ready (kase, "identity", TRUE);
  g_assert_true (retract_case_set_material_attachment (kase, "screen-recording", "/home/me/录屏.mp4", NULL));
  retract_case_set_material_ready (kase, "business-license", TRUE);
  /* Answers made irrelevant: the passport of a cross-border case that is not one. */
  g_assert_true (retract_case_set_material_attachment (kase, "passport", "/home/me/passport.jpg", NULL));

  letter = make_letter (kase, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_ZH_CN,
                        RETRACT_LETTER_FLAGS_NONE);
  text = retract_letter_to_text (letter);
  assert_contains (text, "1. 身份验证材料\n");
  assert_contains (text, "2. 证据补充材料(手机录屏)（文件：录屏.mp4）");
  assert_contains (text, "3. 营业执照扫描件");
  assert_lacks (text, "passport.jpg");
  assert_lacks (text, "/home/me");
  g_assert_cmpuint (retract_letter_get_attachments (letter)->len, ==, 3);

  /* No longer an enterprise account: its licence leaves the letter. */
  retract_case_set_scenario_enabled (kase, "enterprise", FALSE);
  later = make_letter (kase, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_ZH_CN,
                       RETRACT_LETTER_FLAGS_NONE);
  later_text = retract_letter_to_text (later);
  assert_lacks (later_text, "营业执照");
}

/* The letter names an attached file by its base name only; a name that could
 * add paragraphs, reorder text or drive a terminal never gets into the case. */
static void
test_attachment_names (void)
{
  static const char * const refused[] = {
    "/home/u/Documents/x.png\n\n本人自愿放弃全部权利。\n",
    "/home/u/张三\xe2\x80\xaegnp.exe",
    "/home/u/\x1b[31mred.png",
  };
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", NULL);
  g_autoptr(RetractLetter) letter = NULL;
  g_autofree char *text = NULL;

  g_assert_true (retract_case_set_material_attachment (kase, "screen-recording",
                                                       "/home/u/Documents/x.png", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (retract_case_set_material_attachment (kase, "screen-recording",
                                                            refused[i], &error));
      g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
      assert_contains (error->message, "screen-recording");
      assert_lacks (error->message, "/home/u");
    }

  letter = make_letter (kase, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_ZH_CN,
                        RETRACT_LETTER_FLAGS_NONE);
  text = retract_letter_to_text (letter);
  assert_contains (text, "（文件：x.png）");
  assert_lacks (text, "/home/u");
  assert_lacks (text, "Documents");
  assert_lacks (text, "自愿放弃");
  assert_lacks (text, "\xe2\x80\xae");
  assert_lacks (text, "\x1b");
}

/* A case field with a bidi or escape character stops the letter, naming the
 * field and the code point, never repeating the value. */
static void
test_hostile_details (void)
{
  static const struct
  {
    RetractDetail detail;
    const char   *value;
    const char   *message;
  } cases[] = {
    { RETRACT_DETAIL_APPLICANT_NAME, "张三\xe2\x80\xaegnp.exe",
      "applicant.name: contains a text-direction control character (U+202E)" },
    { RETRACT_DETAIL_APPLICANT_NAME, "张三\xe2\x81\xa7",
      "applicant.name: contains a text-direction control character (U+2067)" },
    { RETRACT_DETAIL_RESPONDENT, "李四\x1b[8m",
      "respondent: contains a line break or control character (U+001B)" },
    { RETRACT_DETAIL_NARRATIVE, "误点了\n\xc2\x9b" "2J",
      "narrative: contains a control character (U+009B)" },
    { RETRACT_DETAIL_REASON, "误触\xe2\x80\x8f",
      "reason: contains a text-direction control character (U+200F)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", NULL);
      g_autoptr(GDateTime) now = retract_time_parse ("2026-11-24T13:00:00+08:00", NULL);
      g_autoptr(RetractAssessment) assessment = NULL;
      g_autoptr(GError) error = NULL;
      RetractLetter *letter;

      g_test_message ("case %u", i);
      retract_case_set_detail (kase, cases[i].detail, cases[i].value);
      assessment = retract_assessment_new (rules, kase, now, NULL);
      letter = retract_letter_new (assessment, kase, RETRACT_LANGUAGE_ZH_CN, 0, &error);
      g_assert_null (letter);
      g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_incomplete_or_invalid (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", NULL);
  g_autoptr(GDateTime) now = retract_time_parse ("2026-11-24T13:00:00+08:00", NULL);
  g_autoptr(RetractAssessment) assessment = retract_assessment_new (rules, kase, now, NULL);
  g_autoptr(GError) error = NULL;
  RetractLetter *letter;

  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_NAME, NULL);
  retract_case_set_detail (kase, RETRACT_DETAIL_REASON, NULL);
  letter = retract_letter_new (assessment, kase, RETRACT_LANGUAGE_ZH_CN, 0, &error);
  g_assert_null (letter);
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_MISSING);
  assert_contains (error->message, "applicant.name: ");
  assert_contains (error->message, "reason: ");
  g_clear_error (&error);

  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_NAME, "张三");
  retract_case_set_detail (kase, RETRACT_DETAIL_REASON, "误触");
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "110105194912310021");
  letter = retract_letter_new (assessment, kase, RETRACT_LANGUAGE_ZH_CN, 0, &error);
  g_assert_null (letter);
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
  /* Named by its place in the case file (issue 15 review §5). */
  assert_contains (error->message, "applicant.id_document.number: ");
  assert_lacks (error->message, "110105194912310021");
}

static void
test_english_copy (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", NULL);
  g_autoptr(RetractLetter) letter = make_letter (kase, "2026-11-24T13:00:00+08:00",
                                                 RETRACT_LANGUAGE_EN, RETRACT_LETTER_FLAGS_NONE);
  g_autofree char *text = retract_letter_to_text (letter);

  g_assert_true (g_str_has_prefix (text, "Application to Withdraw a Mistaken Complaint"));
  assert_contains (text, "Dear Tencent Customer Service,");
  assert_contains (text, "Complaint number: WX20261124001");
  assert_contains (text, "ID number: 110105********002X");
}

static void
test_short_texts (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", NULL);
  g_autoptr(RetractCase) abroad = full_case ("wechat", "friend-report", "cross-border");
  g_autoptr(RetractLetter) letter = make_letter (kase, "2026-11-24T13:00:00+08:00",
                                                 RETRACT_LANGUAGE_ZH_CN, 0);
  g_autoptr(RetractLetter) abroad_letter = NULL;
  g_autofree char *ticket = NULL;
  g_autofree char *script = NULL;
  g_autofree char *abroad_script = NULL;
  g_autofree char *appeal = NULL;
  guint n_chars = 0;

  retract_case_set_detail (abroad, RETRACT_DETAIL_APPLICANT_PHONE, "+85291234567");
  abroad_letter = make_letter (abroad, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_ZH_CN, 0);

  ticket = retract_letter_build_ticket (letter, &n_chars);
  g_assert_true (g_str_has_prefix (ticket, "主题：误投诉撤销+WX20261124001\n"));
  assert_contains (ticket, "投诉编号：WX20261124001");
  assert_contains (ticket, "联系电话：13800138000");
  g_assert_cmpuint (n_chars, ==, g_utf8_strlen (ticket, -1));

  script = retract_letter_build_phone_script (letter);
  assert_contains (script, "拨打0755-83765566");
  assert_contains (script, "按3键转接投诉专线");
  assert_contains (script, "人脸识别");
  assert_contains (script, "本人手机号：13800138000");
  abroad_script = retract_letter_build_phone_script (abroad_letter);
  assert_contains (abroad_script, "+86-755-83765566");

  appeal = retract_letter_build_appeal_message (letter);
  g_assert_cmpstr (appeal, ==, "#误封申诉+WX20261124001");
}

/* ---- the PDF, read back with poppler-utils ---- */

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
write_pdf (RetractLetter *letter,
           const char    *name,
           gboolean       include_author,
           guint         *n_pages)
{
  g_autoptr(RetractLetterRenderer) renderer = retract_letter_renderer_new (letter, RETRACT_A4_WIDTH,
                                                                           RETRACT_A4_HEIGHT);
  g_autoptr(GDateTime) created = retract_time_parse ("2026-11-24T15:00:00+08:00", NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  char *path = scratch_path (name);

  pdf = retract_letter_renderer_render_pdf (renderer, created, include_author, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (retract_letter_renderer_get_unknown_glyphs (renderer), ==, 0);
  g_assert_true (retract_write_file_atomically (path, pdf, &error));
  g_assert_no_error (error);
  if (n_pages != NULL)
    *n_pages = retract_letter_renderer_get_n_pages (renderer);
  return path;
}

/* Paragraphs stay as written, but runs of empty lines shrink to one: 100 000
 * line breaks used to print 2 993 empty pages. */
static void
test_blank_line_runs (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", NULL);
  g_autoptr(RetractLetter) letter = NULL;
  g_autoptr(RetractLetterRenderer) renderer = NULL;
  g_autoptr(GString) many = g_string_new ("开头");
  g_autofree char *text = NULL;

  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE,
                           "\n\n第一段\n\n\n\n\n第二段\n   \n\t\n第三段\n第三段第二行\n\n");
  letter = make_letter (kase, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_ZH_CN,
                        RETRACT_LETTER_FLAGS_NONE);
  text = retract_letter_to_text (letter);
  assert_contains (text, "第一段\n\n第二段\n\n第三段\n第三段第二行\n");
  assert_lacks (text, "\n\n\n");
  g_clear_object (&letter);

  for (guint i = 0; i < 99990; i++)
    g_string_append_c (many, '\n');
  g_string_append (many, "结尾");
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, many->str);
  letter = make_letter (kase, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_ZH_CN,
                        RETRACT_LETTER_FLAGS_NONE);
  renderer = retract_letter_renderer_new (letter, RETRACT_A4_WIDTH, RETRACT_A4_HEIGHT);
  g_assert_cmpuint (retract_letter_renderer_get_n_pages (renderer), <=, 2);
  g_clear_pointer (&text, g_free);
  text = retract_letter_to_text (letter);
  assert_contains (text, "开头\n\n结尾");
}

static void
test_pdf_basics (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", NULL);
  g_autoptr(RetractLetter) letter = make_letter (kase, "2026-11-24T13:00:00+08:00",
                                                 RETRACT_LANGUAGE_ZH_CN, 0);
  g_autofree char *path = write_pdf (letter, "letter.pdf", FALSE, NULL);
  const char *info_argv[] = { "pdfinfo", path, NULL };
  const char *fonts_argv[] = { "pdffonts", path, NULL };
  const char *text_argv[] = { "pdftotext", "-raw", path, "-", NULL };
  g_autofree char *info = run_tool (info_argv);
  g_autofree char *fonts = run_tool (fonts_argv);
  g_autofree char *text = run_tool (text_argv);
  g_auto(GStrv) font_lines = g_strsplit (fonts, "\n", -1);
  guint n_fonts = 0;

  assert_contains (info, "Page size:       595.276 x 841.89 pts (A4)");
  assert_contains (info, "Pages:           1");
  assert_contains (info, "Title:           误投诉撤销申请书");
  assert_contains (info, "Creator:         Retract");
  /* The name is not in the metadata unless the user allows it. */
  assert_lacks (info, "Author:");

  /* Every font embedded, as a subset. */
  for (guint i = 2; font_lines[i] != NULL && *font_lines[i] != '\0'; i++)
    {
      assert_contains (font_lines[i], "yes yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);

  assert_contains (text, "误投诉撤销申请书");
  assert_contains (text, "尊敬的腾讯客服：");
  assert_contains (text, "申请人：张三");
  assert_contains (text, "110105********002X");
  assert_contains (text, "第 1 页 / 共 1 页");
  g_unlink (path);
}

static void
test_pdf_author_when_allowed (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", NULL);
  g_autoptr(RetractLetter) letter = make_letter (kase, "2026-11-24T13:00:00+08:00",
                                                 RETRACT_LANGUAGE_ZH_CN, 0);
  g_autofree char *path = write_pdf (letter, "letter-author.pdf", TRUE, NULL);
  const char *info_argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (info_argv);

  assert_contains (info, "Author:          张三");
  g_unlink (path);
}

static void
test_pdf_long_narrative_paginates (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", NULL);
  g_autoptr(GString) narrative = g_string_new (NULL);
  g_autoptr(RetractLetter) letter = NULL;
  g_autofree char *path = NULL;
  guint n_pages = 0;

  /* 20 000 characters of a narrative, with a marker at the very end. */
  while (g_utf8_strlen (narrative->str, -1) < 19990)
    g_string_append (narrative, "我当时想给朋友发消息，结果误点了投诉按钮。");
  g_string_append (narrative, "结尾标记");
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, narrative->str);
  letter = make_letter (kase, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_ZH_CN, 0);
  path = write_pdf (letter, "long.pdf", FALSE, &n_pages);
  g_assert_cmpuint (n_pages, >, 10);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *number = g_strdup_printf ("%u", page);
      g_autofree char *expected = g_strdup_printf ("第 %u 页 / 共 %u 页", page, n_pages);
      const char *argv[] = { "pdftotext", "-raw", "-f", number, "-l", number, path, "-", NULL };
      g_autofree char *text = run_tool (argv);

      assert_contains (text, expected);
    }

  {
    const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
    g_autofree char *text = run_tool (argv);
    g_autofree char *flat = NULL;
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    /* Lines break anywhere; joined again, the end of the narrative is there. */
    flat = g_strjoinv ("", lines);
    assert_contains (flat, "结尾标记");
    assert_contains (flat, "手印");
  }
  g_unlink (path);
}

/* ---- the parties (issue 15 §1, §2) ---- */

static char *repeated_to (const char *unit,
                          glong       n_chars);

/* The applicant's document by its name, masked by its own rule. */
static void
test_id_document_named (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", "cross-border");
  g_autoptr(RetractLetter) letter = NULL;
  g_autoptr(RetractLetter) english = NULL;
  g_autoptr(RetractLetter) full = NULL;
  g_autofree char *text = NULL;
  g_autofree char *english_text = NULL;
  g_autofree char *full_text = NULL;

  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_PHONE, "+852 9123 4567");
  retract_case_set_id_document_type (kase, RETRACT_ID_HOLDER_APPLICANT, RETRACT_ID_DOCUMENT_HK_ID);
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "A123456(3)");
  letter = make_letter (kase, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_ZH_CN, 0);
  text = retract_letter_to_text (letter);
  assert_contains (text, "香港居民身份证号码：A123***(3)");
  assert_lacks (text, "A123456");
  assert_lacks (text, "身份证号：");

  english = make_letter (kase, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_EN, 0);
  english_text = retract_letter_to_text (english);
  assert_contains (english_text, "Hong Kong identity card number: A123***(3)");

  full = make_letter (kase, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_ZH_CN,
                      RETRACT_LETTER_SHOW_FULL_ID);
  full_text = retract_letter_to_text (full);
  assert_contains (full_text, "香港居民身份证号码：A123456(3)");

  /* A passport by its own name. */
  g_clear_object (&letter);
  g_clear_pointer (&text, g_free);
  retract_case_set_id_document_type (kase, RETRACT_ID_HOLDER_APPLICANT,
                                     RETRACT_ID_DOCUMENT_PASSPORT);
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "E12345678");
  letter = make_letter (kase, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_ZH_CN, 0);
  text = retract_letter_to_text (letter);
  assert_contains (text, "护照号码：");
  assert_lacks (text, "E12345678");
}

static char *
pdf_text (RetractLetter *letter,
          const char    *name,
          guint         *n_pages)
{
  g_autofree char *path = write_pdf (letter, name, FALSE, n_pages);
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
  char *text = run_tool (argv);

  g_unlink (path);
  return text;
}

/* A minor's letter has the guardian's block; the PDF reads it back. */
static void
test_guardian_block (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", "minor");
  g_autoptr(RetractLetter) letter = NULL;
  g_autoptr(RetractCase) adult = full_case ("wechat", "friend-report", NULL);
  g_autoptr(RetractLetter) adult_letter = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *adult_text = NULL;

  retract_case_set_detail (kase, RETRACT_DETAIL_GUARDIAN_ID_NUMBER, "11010519491231002X");
  letter = make_letter (kase, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_ZH_CN, 0);
  text = retract_letter_to_text (letter);
  assert_contains (text, "一、申请人及监护人信息");
  assert_contains (text, "监护人：王芳\n");
  assert_contains (text, "监护人与申请人关系：母亲\n");
  assert_contains (text, "监护人联系电话：13900139000\n");
  assert_contains (text, "监护人身份证号：110105********002X\n");

  pdf = pdf_text (letter, "guardian.pdf", NULL);
  assert_contains (pdf, "监护人：王芳");
  assert_contains (pdf, "监护人与申请人关系：母亲");
  assert_contains (pdf, "监护人联系电话：13900139000");
  assert_contains (pdf, "监护人身份证号：110105********002X");

  /* The guardian signs a minor's letter (issue 15 §2), in the text and the PDF. */
  assert_contains (text, "\n监护人（签名）：____________");
  assert_lacks (text, "申请人（签名）");
  assert_contains (pdf, "监护人（签名）：");
  assert_lacks (pdf, "申请人（签名）");
  {
    g_autoptr(RetractLetter) english = make_letter (kase, "2026-11-24T13:00:00+08:00",
                                                    RETRACT_LANGUAGE_EN, 0);
    g_autofree char *english_text = retract_letter_to_text (english);
    g_autofree char *english_pdf = pdf_text (english, "guardian-en.pdf", NULL);

    assert_contains (english_text, "\nGuardian's signature: ____________    Fingerprint:");
    assert_contains (english_pdf, "Guardian's signature:");
  }

  /* The same details without the minor scenario stay out of the letter. */
  adult_letter = make_letter (adult, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_ZH_CN, 0);
  adult_text = retract_letter_to_text (adult_letter);
  assert_contains (adult_text, "\n申请人（签名）：____________    手印：（请在此处按手印）\n");
  {
    g_autofree char *adult_pdf = pdf_text (adult_letter, "adult.pdf", NULL);

    assert_contains (adult_pdf, "申请人（签名）：");
    assert_lacks (adult_pdf, "监护人");
  }
  assert_lacks (adult_text, "监护人");
  assert_lacks (adult_text, "王芳");
  assert_lacks (adult_text, "企业名称");
}

/* An enterprise's letter names the company and its credit code. */
static void
test_enterprise_block (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", "enterprise");
  g_autoptr(RetractLetter) letter = make_letter (kase, "2026-11-24T13:00:00+08:00",
                                                 RETRACT_LANGUAGE_ZH_CN, 0);
  g_autoptr(RetractLetter) english = make_letter (kase, "2026-11-24T13:00:00+08:00",
                                                  RETRACT_LANGUAGE_EN, 0);
  g_autofree char *text = retract_letter_to_text (letter);
  g_autofree char *english_text = retract_letter_to_text (english);
  g_autofree char *pdf = NULL;

  assert_contains (text, "一、申请企业及经办人信息");
  assert_contains (text, "企业名称：福州示例科技有限公司\n");
  assert_contains (text, "统一社会信用代码：91350100M000100Y43\n");
  assert_contains (english_text, "Unified social credit code: 91350100M000100Y43\n");
  assert_lacks (text, "监护人");

  pdf = pdf_text (letter, "enterprise.pdf", NULL);
  assert_contains (pdf, "企业名称：福州示例科技有限公司");
  assert_contains (pdf, "统一社会信用代码：91350100M000100Y43");
}

/* What the letter prints in full is the validator's form, not the typing:
 * the credit code in upper case without spaces, and with --show-full-id each
 * document number upper case, without spaces, a Hong Kong check digit in
 * brackets (issue 15 review §4). */
/* The Chinese letter's text for @kase at the fixtures' time. */
static char *
letter_text (RetractCase        *kase,
             RetractLetterFlags  flags)
{
  g_autoptr(RetractLetter) letter = make_letter (kase, "2026-11-24T13:00:00+08:00",
                                                 RETRACT_LANGUAGE_ZH_CN, flags);

  return retract_letter_to_text (letter);
}

static void
test_numbers_normalized (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", "enterprise");
  g_autoptr(RetractCase) minor = full_case ("wechat", "friend-report", "minor");
  g_autoptr(RetractLetter) letter = NULL;
  g_autofree char *pdf = NULL;
  char *text;

  retract_case_set_detail (kase, RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE, "91350100m0001\u00a000y43");
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "110105 19491231 002x");
  text = letter_text (kase, 0);
  assert_contains (text, "统一社会信用代码：91350100M000100Y43\n");
  assert_contains (text, "身份证号：110105********002X\n");
  g_free (text);
  letter = make_letter (kase, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_ZH_CN, 0);
  pdf = pdf_text (letter, "normalized.pdf", NULL);
  assert_contains (pdf, "统一社会信用代码：91350100M000100Y43");

  text = letter_text (kase, RETRACT_LETTER_SHOW_FULL_ID);
  assert_contains (text, "身份证号：11010519491231002X\n");
  assert_lacks (text, "002x");
  g_free (text);

  retract_case_set_id_document_type (minor, RETRACT_ID_HOLDER_APPLICANT,
                                     RETRACT_ID_DOCUMENT_HK_ID);
  retract_case_set_detail (minor, RETRACT_DETAIL_APPLICANT_ID_NUMBER, "a 123456 3");
  retract_case_set_id_document_type (minor, RETRACT_ID_HOLDER_GUARDIAN,
                                     RETRACT_ID_DOCUMENT_PASSPORT);
  retract_case_set_detail (minor, RETRACT_DETAIL_GUARDIAN_ID_NUMBER, "e1234\u30005678");
  text = letter_text (minor, RETRACT_LETTER_SHOW_FULL_ID);
  assert_contains (text, "香港居民身份证号码：A123456(3)\n");
  assert_contains (text, "监护人护照号码：E12345678\n");
  g_free (text);
}

/* ---- the lawyer's fact sheet (issue 15 §2) ---- */

static RetractLetter *
make_fact_sheet (RetractCase     *kase,
                 const char      *now_text,
                 RetractLanguage  language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = retract_time_parse (now_text, NULL);
  g_autoptr(RetractAssessment) assessment = retract_assessment_new (rules, kase, now, &error);
  RetractLetter *sheet;

  g_assert_no_error (error);
  g_assert_true (retract_fact_sheet_applies (assessment));
  sheet = retract_fact_sheet_new (assessment, kase, language, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (retract_letter_get_kind (sheet), ==, RETRACT_LETTER_KIND_FACT_SHEET);
  return sheet;
}

static void
test_fact_sheet (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", "judicial");
  g_autoptr(RetractLetter) sheet = make_fact_sheet (kase, "2026-11-24T13:00:00+08:00",
                                                    RETRACT_LANGUAGE_ZH_CN);
  g_autoptr(RetractLetter) english = make_fact_sheet (kase, "2026-11-24T13:00:00+08:00",
                                                      RETRACT_LANGUAGE_EN);
  g_autofree char *text = retract_letter_to_text (sheet);
  g_autofree char *english_text = retract_letter_to_text (english);
  g_autofree char *path = write_pdf (sheet, "fact-sheet.pdf", FALSE, NULL);
  const char *info_argv[] = { "pdfinfo", path, NULL };
  const char *text_argv[] = { "pdftotext", "-raw", path, "-", NULL };
  g_autofree char *info = run_tool (info_argv);
  g_autofree char *pdf = run_tool (text_argv);
  g_autofree char *flat = NULL;
  g_auto(GStrv) lines = g_strsplit (pdf, "\n", -1);

  g_assert_cmpstr (retract_letter_get_title (sheet), ==, "司法调查投诉事实摘要（供律师参考）");
  /* The route, plainly, and the deadline with its date. */
  assert_contains (text, "处理路径是：由律师出具律师函，向广州互联网法院申请信息修正，"
                         "须在投诉后7个工作日内启动法律程序。");
  assert_contains (text, "启动期限：2026-12-03 23:59:59（北京时间）");
  assert_contains (text, "投诉时间：2026-11-24 10:00（北京时间）");
  assert_contains (text, "投诉编号：WX20261124001");
  assert_contains (text, "申请人：张三");
  assert_contains (text, "身份证号：110105********002X");
  assert_contains (text, "计算方法：提交后 7 个工作日：11-25（周三）");
  assert_contains (text, "我想给李四发消息，却误点了投诉。");
  /* No letter: no salutation, no request, no signature. */
  assert_lacks (text, "尊敬的");
  assert_lacks (text, "申请人（签名）");
  assert_lacks (text, "恳请");

  assert_contains (english_text, "The route is a lawyer's letter to the Guangzhou Internet "
                                 "Court asking for the information to be corrected; the legal "
                                 "procedure must start within 7 working days of the complaint.");
  assert_contains (english_text, "Deadline: 2026-12-03 23:59:59 (Beijing time, UTC+8)");

  /* One page, as poppler reads it. */
  assert_contains (info, "Pages:           1");
  assert_contains (info, "Title:           司法调查投诉事实摘要（供律师参考）");
  flat = g_strjoinv ("", lines);
  assert_contains (flat, "广州互联网法院");
  assert_contains (flat, "启动期限：2026-12-03 23:59:59（北京时间）");
  assert_contains (flat, "第 1 页 / 共 1 页");
  g_unlink (path);
}

/* The longest answers the case file accepts still make one page: the free
 * text and then the fields are abridged, and say so. */
static void
test_fact_sheet_one_page (gconstpointer data)
{
  RetractLanguage language = GPOINTER_TO_INT (data);
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", "judicial");
  g_autofree char *long_text = repeated_to ("我当时想给朋友发消息，结果误点了投诉按钮。", 100000);
  g_autofree char *long_name = repeated_to ("张", 100);
  g_autofree char *long_party = repeated_to ("李", 200);
  g_autoptr(RetractLetter) sheet = NULL;
  g_autoptr(RetractLetter) short_sheet = NULL;
  g_autofree char *text = NULL;
  g_autofree char *short_text = NULL;
  g_autofree char *path = NULL;
  guint n_pages = 0;

  retract_case_set_scenario_enabled (kase, "minor", TRUE);
  retract_case_set_scenario_enabled (kase, "enterprise", TRUE);
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, long_text);
  retract_case_set_detail (kase, RETRACT_DETAIL_REASON, long_text);
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_NAME, long_name);
  retract_case_set_detail (kase, RETRACT_DETAIL_GUARDIAN_NAME, long_name);
  retract_case_set_detail (kase, RETRACT_DETAIL_RESPONDENT, long_party);
  retract_case_set_detail (kase, RETRACT_DETAIL_ENTERPRISE_NAME, long_party);
  retract_case_set_detail (kase, RETRACT_DETAIL_GUARDIAN_ID_NUMBER, "11010519491231002X");

  sheet = make_fact_sheet (kase, "2026-11-24T13:00:00+08:00", language);
  path = write_pdf (sheet, "fact-sheet-long.pdf", FALSE, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);
  {
    const char *argv[] = { "pdfinfo", path, NULL };
    g_autofree char *info = run_tool (argv);

    assert_contains (info, "Pages:           1");
  }
  g_unlink (path);

  /* Cut, and marked as cut; the deadline and the credit code whole. */
  text = retract_letter_to_text (sheet);
  assert_contains (text, language == RETRACT_LANGUAGE_ZH_CN ? "……（节选）" : "… (abridged)");
  assert_contains (text, "2026-12-03 23:59:59");
  assert_contains (text, "91350100M000100Y43");
  g_assert_cmpuint (g_utf8_strlen (text, -1), <, 5000);

  /* A short case is not cut. */
  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, "我想给李四发消息，却误点了投诉。");
  retract_case_set_detail (kase, RETRACT_DETAIL_REASON, "李四没有任何违规行为。");
  retract_case_set_detail (kase, RETRACT_DETAIL_APPLICANT_NAME, "张三");
  retract_case_set_detail (kase, RETRACT_DETAIL_GUARDIAN_NAME, "王芳");
  retract_case_set_detail (kase, RETRACT_DETAIL_RESPONDENT, "李四");
  retract_case_set_detail (kase, RETRACT_DETAIL_ENTERPRISE_NAME, "福州示例科技有限公司");
  short_sheet = make_fact_sheet (kase, "2026-11-24T13:00:00+08:00", language);
  short_text = retract_letter_to_text (short_sheet);
  assert_lacks (short_text, language == RETRACT_LANGUAGE_ZH_CN ? "节选" : "abridged");
  assert_contains (short_text, "福州示例科技有限公司");
  assert_contains (short_text, "王芳");
}

/* A case that can be withdrawn has a letter, not a fact sheet. */
static void
test_fact_sheet_only_judicial (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", NULL);
  g_autoptr(GDateTime) now = retract_time_parse ("2026-11-24T13:00:00+08:00", NULL);
  g_autoptr(RetractAssessment) assessment = retract_assessment_new (rules, kase, now, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (retract_fact_sheet_applies (assessment));
  g_assert_null (retract_fact_sheet_new (assessment, kase, RETRACT_LANGUAGE_ZH_CN, 0, &error));
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
}

/* The one choice of the case's document, for the CLI and the app: the
 * letter while it can be withdrawn, the fact sheet under judicial
 * investigation, none for a dead end with no route. */
static void
test_fact_sheet_or_letter (void)
{
  static const struct
  {
    const char        *type;
    const char        *scenario;
    gboolean           applies;
    RetractLetterKind  kind;
  } cases[] = {
    { "friend-report", NULL, TRUE, RETRACT_LETTER_KIND_LETTER },
    { "friend-report", "judicial", TRUE, RETRACT_LETTER_KIND_FACT_SHEET },
    { "intellectual-property", "judicial", TRUE, RETRACT_LETTER_KIND_FACT_SHEET },
    { "intellectual-property", NULL, FALSE, RETRACT_LETTER_KIND_LETTER },
  };
  g_autoptr(GDateTime) now = retract_time_parse ("2026-11-24T13:00:00+08:00", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RetractCase) kase = full_case ("wechat", cases[i].type, cases[i].scenario);
      g_autoptr(RetractAssessment) assessment = retract_assessment_new (rules, kase, now, NULL);
      g_autoptr(RetractLetter) document = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s %s", cases[i].type, cases[i].scenario ? cases[i].scenario : "");
      g_assert_cmpint (retract_fact_sheet_or_letter_applies (assessment), ==, cases[i].applies);
      if (!cases[i].applies)
        continue;
      document = retract_fact_sheet_or_letter_new (assessment, kase, RETRACT_LANGUAGE_ZH_CN, 0,
                                                   &error);
      g_assert_no_error (error);
      g_assert_cmpint (retract_letter_get_kind (document), ==, cases[i].kind);
    }
}

/* §5.4: however long the letter, the signature, date and fingerprint box
 * never start a page alone: the last paragraph (the undertaking) is on the
 * signature's page. A narrative one line longer each time walks the
 * signature across the page break. */
static void
test_pdf_signature_keeps_last_paragraph (gconstpointer data)
{
  RetractLanguage language = GPOINTER_TO_INT (data);
  gboolean chinese = language == RETRACT_LANGUAGE_ZH_CN;
  const char *last_paragraph = chinese ? "本人承诺以上所述" : "I confirm that the above";
  const char *signature = chinese ? "申请人（签名）" : "Signature:";
  guint two_pages = 0;

  /* Lines are added until the letter has run onto a second page for 8
   * lengths: the signature crosses the break within the first few. */
  for (guint n_lines = 1; n_lines <= 60 && two_pages < 8; n_lines++)
    {
      g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", NULL);
      g_autoptr(GString) narrative = g_string_new (NULL);
      g_autoptr(RetractLetter) letter = NULL;
      g_autoptr(RetractLetterRenderer) renderer = NULL;
      g_autofree char *path = NULL;
      g_autofree char *number = NULL;
      g_autofree char *text = NULL;
      g_autofree char *flat = NULL;
      g_auto(GStrv) lines = NULL;
      guint n_pages = 0;

      for (guint i = 0; i < n_lines; i++)
        g_string_append_printf (narrative, "第%u行。\n", i + 1);
      retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, narrative->str);
      letter = make_letter (kase, "2026-11-24T13:00:00+08:00", language, 0);

      /* One page holds everything together; only longer letters are read back. */
      renderer = retract_letter_renderer_new (letter, RETRACT_A4_WIDTH, RETRACT_A4_HEIGHT);
      if (retract_letter_renderer_get_n_pages (renderer) == 1)
        continue;
      two_pages++;

      path = write_pdf (letter, "signature.pdf", FALSE, &n_pages);
      number = g_strdup_printf ("%u", n_pages);
      {
        const char *argv[] = { "pdftotext", "-raw", "-f", number, "-l", number, path, "-", NULL };

        text = run_tool (argv);
      }
      lines = g_strsplit (text, "\n", -1);
      flat = g_strjoinv ("", lines);
      if (strstr (flat, signature) == NULL || strstr (flat, last_paragraph) == NULL)
        g_error ("%u lines, %u pages: the last page lacks the signature or the last "
                 "paragraph:\n%s", n_lines, n_pages, text);
      g_unlink (path);
    }

  /* The walk did cross the page break. */
  g_assert_cmpuint (two_pages, ==, 8);
}

/* 100 000 characters with no place to break a line (a word, digits, an
 * ideograph run) paginate like prose of the same length and print whole:
 * Pango used to try each line's break against the rest of the run, so such a
 * narrative took about a minute to lay out. */
typedef struct
{
  const char *name;
  const char *unit;  /* repeated to make the unbroken narrative */
  const char *prose; /* repeated to make the prose it is compared with */
} UnbrokenCase;

static const UnbrokenCase unbroken_cases[] = {
  { "latin", "abcdefghijklmnopqrstuvwxyz",
    "I meant to message a friend but pressed complain by mistake. " },
  { "cjk", "我当时想给朋友发消息结果误点了投诉按钮并没有任何投诉的意思",
    "我当时想给朋友发消息，结果误点了投诉按钮，并没有任何投诉的意思。" },
  { "digits", "0123456789", "I meant to message a friend but pressed complain by mistake. " },
};

#define UNBROKEN_CHARS 100000

static char *
repeated_to (const char *unit,
             glong       n_chars)
{
  GString *text = g_string_new (NULL);

  while (g_utf8_strlen (text->str, -1) < n_chars)
    g_string_append (text, unit);
  g_string_truncate (text, (gsize) (g_utf8_offset_to_pointer (text->str, n_chars) - text->str));
  return g_string_free (text, FALSE);
}

/* Lays the letter out, returning its renderer and how long that took. */
static RetractLetterRenderer *
timed_layout (RetractLetter *letter,
              double        *seconds)
{
  gint64 start = g_get_monotonic_time ();
  RetractLetterRenderer *renderer = retract_letter_renderer_new (letter, RETRACT_A4_WIDTH,
                                                                 RETRACT_A4_HEIGHT);

  *seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  return renderer;
}

/* The largest right edge of any word pdftotext finds on the pages. */
static double
rightmost_word_edge (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *boxes = run_tool (argv);
  double rightmost = 0;

  for (const char *word = strstr (boxes, "<word "); word != NULL;
       word = strstr (word + 1, "<word "))
    {
      const char *x_max = strstr (word, "xMax=\"");

      g_assert_nonnull (x_max);
      rightmost = MAX (rightmost, g_ascii_strtod (x_max + strlen ("xMax=\""), NULL));
    }
  return rightmost;
}

static void
test_pdf_unbroken_narrative (gconstpointer data)
{
  const UnbrokenCase *test = data;
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", NULL);
  g_autoptr(RetractCase) prose_case = full_case ("wechat", "friend-report", NULL);
  g_autofree char *narrative = repeated_to (test->unit, UNBROKEN_CHARS);
  g_autofree char *prose = repeated_to (test->prose, UNBROKEN_CHARS);
  g_autoptr(RetractLetter) letter = NULL;
  g_autoptr(RetractLetter) prose_letter = NULL;
  g_autoptr(RetractLetterRenderer) renderer = NULL;
  g_autoptr(RetractLetterRenderer) prose_renderer = NULL;
  g_autoptr(GDateTime) created = retract_time_parse ("2026-11-24T15:00:00+08:00", NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) flat = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("unbroken-%s.pdf", test->name);
  g_autofree char *path = scratch_path (name);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) footer = NULL;
  double unbroken_seconds, prose_seconds;
  guint n_pages, prose_pages;

  retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE, narrative);
  retract_case_set_detail (prose_case, RETRACT_DETAIL_NARRATIVE, prose);
  letter = make_letter (kase, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_ZH_CN, 0);
  prose_letter = make_letter (prose_case, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_ZH_CN, 0);

  /* About as many pages as the prose, and about as much work: one layout
   * each, one after the other, the bound generous (it was 50 to 200 times). */
  renderer = timed_layout (letter, &unbroken_seconds);
  prose_renderer = timed_layout (prose_letter, &prose_seconds);
  n_pages = retract_letter_renderer_get_n_pages (renderer);
  prose_pages = retract_letter_renderer_get_n_pages (prose_renderer);
  g_test_message ("%s: %u pages in %.3f s; prose %u pages in %.3f s", test->name, n_pages,
                  unbroken_seconds, prose_pages, prose_seconds);
  g_assert_cmpfloat ((double) n_pages / prose_pages, >, 0.8);
  g_assert_cmpfloat ((double) n_pages / prose_pages, <, 1.25);
  g_assert_cmpfloat (unbroken_seconds / prose_seconds, <, 5.0);

  /* Printed, every page is numbered and the narrative reads back character
   * for character: nothing inserted (not even a zero-width space), nothing
   * lost, its end intact. */
  pdf = retract_letter_renderer_render_pdf (renderer, created, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (retract_letter_renderer_get_unknown_glyphs (renderer), ==, 0);
  g_assert_true (retract_write_file_atomically (path, pdf, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };

    text = run_tool (argv);
  }
  assert_lacks (text, "\u200B");
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *expected = g_strdup_printf ("第 %u 页 / 共 %u 页", page, n_pages);

      assert_contains (text, expected);
    }
  lines = g_strsplit (text, "\n", -1);
  /* The footer is two lines: the maker's, then the deadline's. */
  footer = g_strsplit (retract_letter_get_footer (letter), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i][0] == '\f' ? lines[i] + 1 : lines[i];

      /* Each page's footer sits between its lines and the next page's. */
      if (g_str_has_prefix (line, "第 ") || g_strv_contains ((const char * const *) footer, line))
        continue;
      g_string_append (flat, line);
    }
  assert_contains (flat->str, narrative);

  /* Nothing runs past the right margin (68 points). */
  g_assert_cmpfloat (rightmost_word_edge (path), <=, RETRACT_A4_WIDTH - 68 + 0.5);
  g_unlink (path);
}

/* The lowest bottom edge of any word pdftotext finds on the pages. */
static double
lowest_word_edge (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *boxes = run_tool (argv);
  double lowest = 0;

  for (const char *word = strstr (boxes, "<word "); word != NULL;
       word = strstr (word + 1, "<word "))
    {
      const char *y_max = strstr (word, "yMax=\"");

      g_assert_nonnull (y_max);
      lowest = MAX (lowest, g_ascii_strtod (y_max + strlen ("yMax=\""), NULL));
    }
  return lowest;
}

/* Issue 15 §3: the footer says by when and how it was counted, in the
 * letter's language whatever the interface's, and stays on the paper. */
static void
test_footer_deadline (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "miniprogram-infringement", NULL);
  g_autoptr(GDateTime) filed = retract_time_parse ("2026-09-30T10:00:00+08:00", NULL);
  g_autoptr(RetractLetter) zh = NULL;
  g_autoptr(RetractLetter) en = NULL;
  g_autoptr(RetractLetter) hours = NULL;
  g_autoptr(RetractCase) friend = full_case ("wechat", "friend-report", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *zh_line = "期限 2026-10-10 23:59:59（北京时间）——提交后 3 个工作日：10-08（周四）、"
                        "10-09（周五）、10-10（周六，调休上班）；10-01 至 10-07 国庆节假期不计";

  retract_case_set_filed_at (kase, filed);
  zh = make_letter (kase, "2026-09-30T11:00:00+08:00", RETRACT_LANGUAGE_ZH_CN, 0);
  en = make_letter (kase, "2026-09-30T11:00:00+08:00", RETRACT_LANGUAGE_EN, 0);
  hours = make_letter (friend, "2026-11-24T13:00:00+08:00", RETRACT_LANGUAGE_ZH_CN, 0);

  assert_contains (retract_letter_get_footer (zh), "\n");
  g_assert_true (g_str_has_suffix (retract_letter_get_footer (zh), zh_line));
  g_assert_true (g_str_has_suffix (retract_letter_get_footer (en),
                                   "\nDeadline 2026-10-10 23:59:59 (Beijing time) — 3 working "
                                   "days after filing: Thu 10-08, Fri 10-09, Sat 10-10 (make-up "
                                   "working day); 10-01 to 10-07 National Day holiday not "
                                   "counted"));
  g_assert_true (g_str_has_suffix (retract_letter_get_footer (hours),
                                   "\n期限 2026-11-25 10:00（北京时间）——提交后 24 小时"));

  /* Printed: read back, and nothing below the last 18 points of the paper. */
  path = write_pdf (zh, "deadline.pdf", FALSE, NULL);
  {
    const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };

    text = run_tool (argv);
  }
  {
    g_autoptr(GString) joined = g_string_new (NULL);

    /* A wrapped line comes back in pieces: compare without the breaks. */
    for (const char *p = text; *p != '\0'; p++)
      if (*p != '\n' && *p != '\f')
        g_string_append_c (joined, *p);
    assert_contains (joined->str, "国庆节假期不计");
    assert_contains (joined->str, "10-10（周六，调休上班）");
  }
  g_assert_cmpfloat (lowest_word_edge (path), <=, RETRACT_A4_HEIGHT - 18 + 0.5);
  g_assert_cmpfloat (rightmost_word_edge (path), <=, RETRACT_A4_WIDTH - 68 + 0.5);
  g_unlink (path);
}

static void
test_pdf_reproducible (void)
{
  g_autoptr(RetractCase) kase = full_case ("wechat", "friend-report", NULL);
  g_autoptr(RetractLetter) letter = make_letter (kase, "2026-11-24T13:00:00+08:00",
                                                 RETRACT_LANGUAGE_ZH_CN, 0);
  g_autoptr(GDateTime) created = retract_time_parse ("2026-11-24T15:00:00+08:00", NULL);
  g_autoptr(RetractLetterRenderer) first = retract_letter_renderer_new (letter, RETRACT_A4_WIDTH,
                                                                        RETRACT_A4_HEIGHT);
  g_autoptr(RetractLetterRenderer) second = retract_letter_renderer_new (letter, RETRACT_A4_WIDTH,
                                                                         RETRACT_A4_HEIGHT);
  g_autoptr(GBytes) a = retract_letter_renderer_render_pdf (first, created, FALSE, NULL);
  g_autoptr(GBytes) b = retract_letter_renderer_render_pdf (second, created, FALSE, NULL);

  g_assert_true (g_bytes_equal (a, b));
}

/* A full disk (here: a file size limit) leaves the old file and no half-written one. */
static void
test_write_failure_keeps_old_file (void)
{
  g_autofree char *directory = g_build_filename (g_get_tmp_dir (), "retract-test-letter-export",
                                                NULL);
  g_autofree char *path = g_build_filename (directory, "letter.pdf", NULL);

  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) big = NULL;
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 4096, 4096 };
      char *filler = g_malloc (200 * 1024);

      memset (filler, 'x', 200 * 1024);
      big = g_bytes_new_take (filler, 200 * 1024);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (retract_write_file_atomically (path, big, &error));
      g_assert_nonnull (error);
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "the old letter", -1, NULL));

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  {
    g_autofree char *contents = NULL;
    g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
    guint files = 0;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "the old letter");
    while (g_dir_read_name (dir) != NULL)
      files++;
    g_assert_cmpuint (files, ==, 1);
  }

  /* A folder that does not exist: an error, and nothing created. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
    g_autoptr(GError) error = NULL;

    g_assert_false (retract_write_file_atomically ("/nonexistent/letter.pdf", bytes, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test ("/nonexistent/letter.pdf", G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  rules = retract_ruleset_new_bundled (&error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (scenario_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/retract/letter/scenario/%s",
                                               scenario_cases[i].name);

      g_test_add_data_func (path, &scenario_cases[i], test_scenario);
    }
  g_test_add_func ("/retract/letter/full-id-when-asked", test_full_id_when_asked);
  g_test_add_func ("/retract/letter/numbers-normalized", test_numbers_normalized);
  g_test_add_func ("/retract/letter/optional-fields-left-out", test_optional_fields_left_out);
  g_test_add_func ("/retract/letter/attachments", test_attachments);
  g_test_add_func ("/retract/letter/attachment-names", test_attachment_names);
  g_test_add_func ("/retract/letter/hostile-details", test_hostile_details);
  g_test_add_func ("/retract/letter/incomplete-or-invalid", test_incomplete_or_invalid);
  g_test_add_func ("/retract/letter/english-copy", test_english_copy);
  g_test_add_func ("/retract/letter/short-texts", test_short_texts);
  g_test_add_func ("/retract/letter/blank-line-runs", test_blank_line_runs);
  g_test_add_func ("/retract/letter/pdf/basics", test_pdf_basics);
  g_test_add_func ("/retract/letter/pdf/author-when-allowed", test_pdf_author_when_allowed);
  g_test_add_func ("/retract/letter/pdf/long-narrative-paginates",
                   test_pdf_long_narrative_paginates);
  g_test_add_func ("/retract/letter/pdf/reproducible", test_pdf_reproducible);
  g_test_add_func ("/retract/letter/pdf/footer-deadline", test_footer_deadline);
  g_test_add_func ("/retract/letter/id-document-named", test_id_document_named);
  g_test_add_func ("/retract/letter/pdf/guardian-block", test_guardian_block);
  g_test_add_func ("/retract/letter/pdf/enterprise-block", test_enterprise_block);
  g_test_add_func ("/retract/letter/fact-sheet/content", test_fact_sheet);
  g_test_add_data_func ("/retract/letter/fact-sheet/one-page/zh_CN",
                        GINT_TO_POINTER (RETRACT_LANGUAGE_ZH_CN), test_fact_sheet_one_page);
  g_test_add_data_func ("/retract/letter/fact-sheet/one-page/en",
                        GINT_TO_POINTER (RETRACT_LANGUAGE_EN), test_fact_sheet_one_page);
  g_test_add_func ("/retract/letter/fact-sheet/only-judicial", test_fact_sheet_only_judicial);
  g_test_add_func ("/retract/letter/fact-sheet/or-letter", test_fact_sheet_or_letter);
  g_test_add_data_func ("/retract/letter/pdf/signature-keeps-last-paragraph/zh_CN",
                        GINT_TO_POINTER (RETRACT_LANGUAGE_ZH_CN),
                        test_pdf_signature_keeps_last_paragraph);
  g_test_add_data_func ("/retract/letter/pdf/signature-keeps-last-paragraph/en",
                        GINT_TO_POINTER (RETRACT_LANGUAGE_EN),
                        test_pdf_signature_keeps_last_paragraph);
  for (guint i = 0; i < G_N_ELEMENTS (unbroken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/retract/letter/pdf/unbroken-narrative/%s",
                                               unbroken_cases[i].name);

      g_test_add_data_func (path, &unbroken_cases[i], test_pdf_unbroken_narrative);
    }
  g_test_add_func ("/retract/letter/write-failure-keeps-old-file",
                   test_write_failure_keeps_old_file);

  status = g_test_run ();
  g_assert_finalize_object (rules);
  return status;
}
