/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The bundled dataset: it validates, it carries every fact of the seed
 * article, and every way of breaking it is refused with its place. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "retract-core-resources.h"
#include "retract-engine-ids.h"
#include "retract-error.h"
#include "retract-ruleset.h"
#include "retract-time.h"
#include "retract-validators.h"
#include "test-datasets.h"

static GBytes *bundled_bytes;

/* A folder of this test's own (the isolated cache dir), so tests running
 * side by side never share a file. */
static char *
scratch_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}

static RetractRuleset *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  RetractRuleset *rules = retract_ruleset_new_bundled (&error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

/* A test that fails whenever the bundled dataset stops validating. */
static void
test_bundled_validates (void)
{
  g_autoptr(RetractRuleset) rules = load_bundled ();

  g_assert_true (g_regex_match_simple ("^[0-9]{4}\\.[0-9]{1,2}\\.[0-9]+$",
                                       retract_ruleset_get_version (rules), 0, 0));
  g_assert_cmpint (retract_ruleset_get_origin (rules), ==, RETRACT_RULES_ORIGIN_BUNDLED);
  g_assert_cmpstr (retract_ruleset_get_location (rules), ==,
                   "resource://" RETRACT_RULESET_BUNDLED_PATH);
  g_assert_cmpuint (retract_ruleset_get_sections (rules)->len, ==, 8);
  g_assert_cmpuint (retract_ruleset_get_platforms (rules)->len, ==, 3);
  g_assert_cmpuint (retract_ruleset_get_types (rules)->len, ==, 6);
  g_assert_cmpuint (retract_ruleset_get_auto_review_hours (rules), ==, 2);
  g_assert_true (strstr (retract_text_get (retract_ruleset_get_disclaimer (rules),
                                           RETRACT_LANGUAGE_ZH_CN), "官方") != NULL);
  g_assert_finalize_object (g_steal_pointer (&rules));
}

/* Every text of the bundled dataset has its Traditional form, read for
 * zh_HK; a text without one reads in Simplified there. */
static void
check_every_text_traditional (JsonNode   *node,
                              const char *path,
                              guint      *n_texts)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *child = g_strdup_printf ("%s[%u]", path, i);

          check_every_text_traditional (json_array_get_element (array, i), child, n_texts);
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      if (json_object_has_member (object, "zh_CN"))
        {
          const char *zh_HK = json_object_get_string_member_with_default (object, "zh_HK", "");

          if (*zh_HK == '\0')
            g_error ("%s has no zh_HK text", path);
          (*n_texts)++;
        }
      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *child = g_strdup_printf ("%s.%s", path, (const char *) l->data);

          check_every_text_traditional (json_object_get_member (object, l->data), child,
                                        n_texts);
        }
    }
}

static void
test_traditional_texts (void)
{
  g_autoptr(JsonNode) root = test_dataset_parse ();
  g_autoptr(RetractRuleset) rules = load_bundled ();
  g_autoptr(RetractRuleset) edited = NULL;
  const RetractComplaintType *type;
  JsonObject *name;
  guint n_texts = 0;

  check_every_text_traditional (root, "$", &n_texts);
  g_assert_cmpuint (n_texts, >=, 200);

  /* 并非 → 並非: the Traditional form, not the Simplified one. */
  g_assert_nonnull (strstr (retract_text_get (retract_ruleset_get_disclaimer (rules),
                                              RETRACT_LANGUAGE_ZH_HK), "並非"));
  g_assert_nonnull (strstr (retract_text_get (retract_ruleset_get_disclaimer (rules),
                                              RETRACT_LANGUAGE_ZH_CN), "并非"));
  type = g_ptr_array_index (retract_ruleset_get_types (rules), 0);
  g_assert_cmpstr (retract_text_get (&type->name, RETRACT_LANGUAGE_ZH_HK), ==,
                   "好友舉報(色情/詐騙)");
  g_assert_cmpstr (retract_text_get (&type->name, RETRACT_LANGUAGE_ZH_CN), ==,
                   "好友举报(色情/诈骗)");

  /* Without zh_HK the text falls back to zh_CN, not to English. */
  name = json_object_get_object_member (
    json_array_get_object_element (json_object_get_array_member (json_node_get_object (root),
                                                                 "types"), 0), "name");
  json_object_remove_member (name, "zh_HK");
  edited = test_dataset_load (root, "no-zh-hk");
  type = g_ptr_array_index (retract_ruleset_get_types (edited), 0);
  g_assert_cmpstr (retract_text_get (&type->name, RETRACT_LANGUAGE_ZH_HK), ==,
                   "好友举报(色情/诈骗)");
  type = g_ptr_array_index (retract_ruleset_get_types (edited), 1);
  g_assert_cmpstr (retract_text_get (&type->name, RETRACT_LANGUAGE_ZH_HK), ==,
                   "支付投訴(交易糾紛)");
}

/* The bundled dataset carries its issue and expiry like a published one. */
static void
test_bundled_times (void)
{
  g_autoptr(RetractRuleset) rules = load_bundled ();
  g_autofree char *issued = retract_time_format_iso (retract_ruleset_get_issued (rules));
  g_autofree char *expires = retract_time_format_iso (retract_ruleset_get_expires (rules));

  g_assert_cmpstr (issued, ==, "2026-11-24T00:00:00+08:00");
  g_assert_cmpstr (expires, ==, "2027-02-22T00:00:00+08:00");
}

/* Facts of the article, one per line of its tables and lists; each must be in
 * the dataset word for word (the Chinese text is the article's). */
static const char * const seed_facts[] = {
  /* §1 */
  "好友举报(色情/诈骗)", "微信团队→投诉查询→撤回", "24小时内", "★★★☆",
  "支付投诉(交易纠纷)", "微信支付→账单详情→投诉管理", "72小时内", "★★☆",
  "小程序侵权投诉", "微信公众平台→侵权投诉记录", "3个工作日内", "★☆",
  "涉及资金安全的支付类投诉审核最严格", "社交类举报相对灵活", "知识产权类", "一旦提交无法主动撤回",
  /* §2 */
  "投诉后2小时内", "待审核状态", "100%可撤销", "人工复核中", "需客服介入", "处理完成",
  "不可逆操作", "系统自动审核阶段(通常前2小时)是撤销黄金期", "需准备身份证明、投诉编号等材料",
  "需等待处罚周期结束后再申请复查",
  /* §3 */
  "进入「微信团队」公众号", "点击下方「服务通知」", "找到投诉记录", "点击「撤回投诉」",
  "此路径仅适用于尚未进入人工审核的记录", "登录kf.qq.com", "选择「微信业务」",
  "误投诉撤销+投诉编号", "平均响应时间为6-12小时", "拨打0755-83765566", "按3键转接投诉专线",
  "实名认证信息", "人脸识别", "该渠道成功率最高但排队严重",
  "先通过官网提交工单备案,再电话说明紧急情况,可提升处理优先级",
  "同一事件重复提交可能导致系统判定为恶意操作",
  /* §4 */
  "身份验证材料", "所有撤销申请", "身份证正反面拍照/手持身份证视频", "证据补充材料",
  "误操作证明", "手机录屏视频(需包含投诉全过程)", "情况说明文件", "文字误诉场景",
  "PDF格式手写申请书(需按下指纹)", "完整过程录制", "时间戳清晰可见", "操作设备与账号一致",
  "投诉时间", "具体操作步骤", "造成误会的原因",
  /* §5 */
  "企业号误投诉", "企业微信管理后台", "投诉撤销申请", "营业执照扫描件", "+86-755-83765566",
  "护照信息页", "未成年人误操作", "户口本", "腾讯少年灯塔办公室", "网警通报", "律师函",
  "广州互联网法院", "信息修正", "7个工作日内",
  /* §6 */
  "同一账号月度撤销申请超过3次会触发风控审查", "涉及金融安全的投诉撤销需配合反洗钱调查",
  "被投诉方已产生实际损失的撤销难度倍增", "「习惯性误操作」用户会建立行为档案",
  "我→设置→通用→投诉校验", "历史撤销记录可能影响信用评估,慎用非正规渠道的代撤销服务",
  /* §7 */
  "\"24小时\"", "身份证+视频", "分级审核机制", "\"12小时\"", "人脸核验", "智能客服优先",
  "\"72小时\"", "作品删除证明", "社区复审制度", "微信的审核流程更注重人工研判",
  "建议紧急情况优先选择电话渠道,常规问题使用在线客服",
  /* §8 */
  "长按投诉按钮会触发二次弹窗,此时应仔细阅读红色警示文字", "防误触模式", "设置→通用→操作安全",
  "#误封申诉+投诉编号", "每日最多可提交2次", "建议主动联系腾讯客服说明情况,并保留沟通记录",
  "微信→钱包→消费维权→法律咨询",
};

static void
test_seed_facts_present (void)
{
  gsize length;
  const char *data = g_bytes_get_data (bundled_bytes, &length);
  g_autofree char *text = g_strndup (data, length);

  for (guint i = 0; i < G_N_ELEMENTS (seed_facts); i++)
    if (strstr (text, seed_facts[i]) == NULL)
      g_error ("the seed's “%s” is missing from the dataset", seed_facts[i]);
}

/* Every record says which section of the article it comes from. */
static void
test_every_record_cites_a_section (void)
{
  g_autoptr(RetractRuleset) rules = load_bundled ();
  GPtrArray *lists[] = {
    retract_ruleset_get_platforms (rules), retract_ruleset_get_types (rules),
    retract_ruleset_get_channels (rules), retract_ruleset_get_materials (rules),
    retract_ruleset_get_mistakes (rules), retract_ruleset_get_scenarios (rules),
  };
  GPtrArray *warnings = retract_ruleset_get_warnings (rules);
  guint sections_cited[9] = { 0 };

  /* Each record type keeps its section as the last member; check through the
   * public structs rather than offsets. */
  for (guint i = 0; i < lists[0]->len; i++)
    sections_cited[((RetractPlatform *) g_ptr_array_index (lists[0], i))->section]++;
  for (guint i = 0; i < lists[1]->len; i++)
    sections_cited[((RetractComplaintType *) g_ptr_array_index (lists[1], i))->section]++;
  for (guint i = 0; i < lists[2]->len; i++)
    sections_cited[((RetractChannel *) g_ptr_array_index (lists[2], i))->section]++;
  for (guint i = 0; i < lists[3]->len; i++)
    sections_cited[((RetractMaterial *) g_ptr_array_index (lists[3], i))->section]++;
  for (guint i = 0; i < lists[4]->len; i++)
    sections_cited[((RetractMistake *) g_ptr_array_index (lists[4], i))->section]++;
  for (guint i = 0; i < lists[5]->len; i++)
    sections_cited[((RetractScenario *) g_ptr_array_index (lists[5], i))->section]++;
  for (guint kind = 0; kind < RETRACT_N_NOTES_KINDS; kind++)
    {
      GPtrArray *notes = retract_ruleset_get_notes (rules, kind);

      g_assert_cmpuint (notes->len, >, 0);
      for (guint i = 0; i < notes->len; i++)
        sections_cited[((RetractNote *) g_ptr_array_index (notes, i))->section]++;
    }

  for (guint i = 0; i < warnings->len; i++)
    {
      const RetractWarning *warning = g_ptr_array_index (warnings, i);

      /* Only the app's own calendar warning is not from the article. */
      if (g_str_equal (warning->id, "calendar-unknown"))
        g_assert_cmpuint (warning->section, ==, 0);
      else
        sections_cited[warning->section]++;
    }

  g_assert_cmpuint (sections_cited[0], ==, 0);
  for (guint section = 1; section <= 8; section++)
    if (sections_cited[section] == 0)
      g_error ("no record cites section %u", section);
}

static void
test_seed_tables (void)
{
  g_autoptr(RetractRuleset) rules = load_bundled ();
  const RetractComplaintType *friend = retract_ruleset_lookup_type (rules, "wechat", "friend-report");
  const RetractComplaintType *payment = retract_ruleset_lookup_type (rules, "wechat",
                                                                     "payment-dispute");
  const RetractComplaintType *mini = retract_ruleset_lookup_type (rules, "wechat",
                                                                  "miniprogram-infringement");
  const RetractComplaintType *ip = retract_ruleset_lookup_type (rules, "wechat",
                                                                "intellectual-property");
  const RetractComplaintType *alipay = retract_ruleset_lookup_type (rules, "alipay", "general");
  const RetractComplaintType *douyin = retract_ruleset_lookup_type (rules, "douyin", "general");
  const RetractChannel *phone = retract_ruleset_lookup_channel (rules, "phone-hotline");
  const RetractChannel *international = retract_ruleset_lookup_channel (rules,
                                                                        "international-hotline");
  const RetractChannel *ticket = retract_ruleset_lookup_channel (rules, "web-ticket");
  const RetractChannel *appeal = retract_ruleset_lookup_channel (rules, "appeal-message");
  const RetractScenario *cross_border = retract_ruleset_lookup_scenario (rules, "cross-border");
  const RetractScenario *judicial = retract_ruleset_lookup_scenario (rules, "judicial");
  const RetractChannelReplacement *replacement;

  /* §1 */
  g_assert_cmpint (friend->window_unit, ==, RETRACT_WINDOW_HOURS);
  g_assert_cmpuint (friend->window_amount, ==, 24);
  g_assert_cmpint (friend->success_stars, ==, 3);
  g_assert_cmpint (payment->window_unit, ==, RETRACT_WINDOW_HOURS);
  g_assert_cmpuint (payment->window_amount, ==, 72);
  g_assert_cmpint (payment->success_stars, ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) payment->warnings, "aml-review"));
  g_assert_cmpint (mini->window_unit, ==, RETRACT_WINDOW_WORKING_DAYS);
  g_assert_cmpuint (mini->window_amount, ==, 3);
  g_assert_cmpint (mini->success_stars, ==, 1);
  g_assert_false (ip->withdrawable);
  g_assert_cmpint (ip->window_unit, ==, RETRACT_WINDOW_NONE);

  /* §7 */
  g_assert_cmpuint (alipay->window_amount, ==, 12);
  g_assert_cmpuint (douyin->window_amount, ==, 72);
  g_assert_cmpuint (retract_ruleset_get_comparison (rules)->len, ==, 3);

  /* §3 */
  g_assert_cmpstr (phone->phone, ==, "0755-83765566");
  g_assert_true (phone->customer_service);
  g_assert_cmpstr (international->phone, ==, "+86-755-83765566");
  g_assert_cmpuint (ticket->response_min_hours, ==, 6);
  g_assert_cmpuint (ticket->response_max_hours, ==, 12);
  g_assert_cmpstr (ticket->ticket_subject, ==, "误投诉撤销+投诉编号");
  g_assert_cmpuint (retract_ruleset_lookup_channel (rules, "self-service")->steps->len, ==, 4);

  /* §5 */
  g_assert_cmpstr (retract_ruleset_lookup_scenario (rules, "enterprise")->first_channel, ==,
                   "enterprise-admin");
  g_assert_cmpstr (retract_ruleset_lookup_scenario (rules, "minor")->first_channel, ==,
                   "guardian-in-person");
  replacement = g_ptr_array_index (cross_border->replaces, 0);
  g_assert_cmpstr (replacement->from, ==, "phone-hotline");
  g_assert_cmpstr (replacement->to, ==, "international-hotline");
  g_assert_true (judicial->not_withdrawable);
  g_assert_cmpuint (judicial->legal_deadline_working_days, ==, 7);

  /* §6 and §8 */
  g_assert_cmpint (retract_ruleset_lookup_warning (rules, "monthly-limit")->threshold, ==, 3);
  g_assert_cmpuint (appeal->daily_limit, ==, 2);
}

/* ---- rejections ---- */

static JsonNode *
node_at (JsonNode   *root,
         const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i] != NULL && *parts[i] != '\0'; i++)
    {
      char *bracket = strchr (parts[i], '[');
      guint index = 0;

      if (bracket != NULL)
        {
          index = (guint) g_ascii_strtoull (bracket + 1, NULL, 10);
          *bracket = '\0';
        }
      node = json_object_get_member (json_node_get_object (node), parts[i]);
      g_assert_nonnull (node);
      if (bracket != NULL)
        node = json_array_get_element (json_node_get_array (node), index);
    }

  return node;
}

typedef struct
{
  const char *name;
  const char *object;   /* where, e.g. "types[0].window" */
  const char *key;
  const char *value;    /* JSON text; NULL removes the key */
  int         code;
  const char *message_parts; /* "|"-separated */
} Mutation;

static const Mutation mutations[] = {
  { "unknown-top-level-key", "", "extra", "1", RETRACT_DATA_ERROR_UNKNOWN_KEY,
    "$.extra: |unknown key “extra”" },
  { "unknown-nested-key", "types[0]", "colour", "\"red\"", RETRACT_DATA_ERROR_UNKNOWN_KEY,
    "$.types[0].colour: |colour" },
  { "wrong-type", "types[0].window", "hours", "\"24\"", RETRACT_DATA_ERROR_WRONG_TYPE,
    "$.types[0].window.hours: |expected an integer, found a string" },
  { "decimal-for-integer", "types[0].window", "hours", "24.5", RETRACT_DATA_ERROR_WRONG_TYPE,
    "$.types[0].window.hours: |decimal" },
  { "out-of-range", "types[0].window", "hours", "0", RETRACT_DATA_ERROR_OUT_OF_RANGE,
    "$.types[0].window.hours: |0 is out of range (1–8784)" },
  { "missing-required", "types[0]", "name", NULL, RETRACT_DATA_ERROR_MISSING,
    "$.types[0]: |“name”" },
  { "missing-translation", "types[0].name", "en", NULL, RETRACT_DATA_ERROR_MISSING,
    "$.types[0].name: |“en”" },
  { "empty-text", "types[0].name", "en", "\"\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.types[0].name.en: |empty" },
  { "null-for-string", "meta", "version", "null", RETRACT_DATA_ERROR_WRONG_TYPE,
    "$.meta.version: |found null" },
  { "unknown-platform-reference", "types[0]", "platform", "\"qq\"",
    RETRACT_DATA_ERROR_BAD_REFERENCE, "$.types[0].platform: |“qq”" },
  { "unknown-channel-reference", "platforms[0].channels", "auto-review", "[\"fax\"]",
    RETRACT_DATA_ERROR_BAD_REFERENCE, "$.platforms[0].channels[\"auto-review\"][0]: |“fax”" },
  { "channel-of-another-platform", "platforms[1].channels", "manual-review", "[\"web-ticket\"]",
    RETRACT_DATA_ERROR_BAD_REFERENCE, "$.platforms[1].channels[\"manual-review\"][0]: |alipay" },
  { "unknown-material-reference", "scenarios[0]", "materials", "[\"stamp\"]",
    RETRACT_DATA_ERROR_BAD_REFERENCE, "$.scenarios[0].materials[0]: |“stamp”" },
  { "unknown-warning-reference", "types[1]", "warnings", "[\"aml\"]",
    RETRACT_DATA_ERROR_BAD_REFERENCE, "$.types[1].warnings[0]: |“aml”" },
  { "unknown-evidence-reference", "mistakes[1]", "evidence", "\"letter\"",
    RETRACT_DATA_ERROR_BAD_REFERENCE, "$.mistakes[1].evidence: |“letter”" },
  { "duplicate-id", "channels[1]", "id", "\"self-service\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.channels[1].id: |used twice" },
  { "duplicate-type", "types[1]", "id", "\"friend-report\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.types[1].id: |twice" },
  { "duplicate-id-in-list", "platforms[1]", "required_materials",
    "[\"face-verification\", \"face-verification\"]", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.platforms[1].required_materials[1]: |twice" },
  { "bad-id", "channels[0]", "id", "\"Self Service\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.channels[0].id: |not a valid id" },
  { "engine-warning-missing", "warnings[0]", "id", "\"monthly-cap\"", RETRACT_DATA_ERROR_MISSING,
    "$.warnings: |“monthly-limit”" },
  { "threshold-missing", "warnings[0]", "threshold", NULL, RETRACT_DATA_ERROR_MISSING,
    "$.warnings: |threshold" },
  { "stage-twice", "stages[3]", "id", "\"processed\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.stages[3].id: |“processed”" },
  { "unknown-stage", "stages[3]", "id", "\"appealed\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.stages[3].id: |appealed" },
  { "newer-schema", "meta", "schema", "2", RETRACT_DATA_ERROR_UNSUPPORTED,
    "$.meta.schema: |schema 2" },
  { "other-app", "meta", "app", "\"org.example.Other\"", RETRACT_DATA_ERROR_UNSUPPORTED,
    "$.meta.app: |org.example.Other" },
  { "bad-version", "meta", "version", "\"latest\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.meta.version: |“latest”" },
  /* Each part of "yyyy.m.n" at one more or one fewer digit than allowed, and
   * anything around or between them. */
  { "version-short-year", "meta", "version", "\"226.11.1\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.meta.version: |“226.11.1”" },
  { "version-long-year", "meta", "version", "\"20261.1.1\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.meta.version: |“20261.1.1”" },
  { "version-long-month", "meta", "version", "\"2026.123.1\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.meta.version: |“2026.123.1”" },
  { "version-empty-month", "meta", "version", "\"2026..1\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.meta.version: |“2026..1”" },
  { "version-long-serial", "meta", "version", "\"2026.1.12345\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.meta.version: |“2026.1.12345”" },
  { "version-empty-serial", "meta", "version", "\"2026.1.\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.meta.version: |“2026.1.”" },
  { "version-trailing-newline", "meta", "version", "\"2026.1.1\\n\"",
    RETRACT_DATA_ERROR_BAD_VALUE, "$.meta.version: |contains a line break or control character (U+000A)" },
  { "version-four-parts", "meta", "version", "\"2026.1.1.1\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.meta.version: |“2026.1.1.1”" },
  { "version-signed", "meta", "version", "\"+2026.1.1\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.meta.version: |“+2026.1.1”" },
  /* The signed-rules meta: what the file is, when it was issued and until when
   * it may be installed, all required, times exactly as Retract writes them. */
  { "kind-missing", "meta", "kind", NULL, RETRACT_DATA_ERROR_MISSING, "$.meta: |“kind”" },
  { "kind-of-key-list", "meta", "kind", "\"io.github.retractapp.Retract/keys\"",
    RETRACT_DATA_ERROR_UNSUPPORTED, "$.meta.kind: |“io.github.retractapp.Retract/keys”" },
  { "issued-missing", "meta", "issued", NULL, RETRACT_DATA_ERROR_MISSING, "$.meta: |“issued”" },
  { "expires-missing", "meta", "expires", NULL, RETRACT_DATA_ERROR_MISSING,
    "$.meta: |“expires”" },
  { "issued-utc", "meta", "issued", "\"2026-11-24T00:00:00Z\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.meta.issued: |2026-12-01T00:00:00+08:00" },
  { "issued-no-seconds", "meta", "issued", "\"2026-11-24T00:00+08:00\"",
    RETRACT_DATA_ERROR_BAD_VALUE, "$.meta.issued: |written like" },
  { "issued-date-only", "meta", "issued", "\"2026-11-24\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.meta.issued: |written like" },
  { "expires-space", "meta", "expires", "\"2027-02-22 00:00:00+08:00\"",
    RETRACT_DATA_ERROR_BAD_VALUE, "$.meta.expires: |written like" },
  { "expires-number", "meta", "expires", "20270222", RETRACT_DATA_ERROR_WRONG_TYPE,
    "$.meta.expires: |expected a string" },
  { "expires-before-issued", "meta", "expires", "\"2026-11-23T23:59:59+08:00\"",
    RETRACT_DATA_ERROR_BAD_VALUE, "$.meta.expires: |expire before they are issued" },
  { "bad-published-date", "meta", "published", "\"2026-02-30\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.meta.published: |2026-02-30" },
  /* Digits only: no sign, space or short part, whatever sscanf() would take. */
  { "date-with-signs", "meta", "published", "\"2026-+1-+1\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.meta.published: |2026-+1-+1" },
  { "date-with-spaces", "meta", "published", "\"2026- 1- 1\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.meta.published: |2026- 1- 1" },
  { "date-short-parts", "calendar.years[1]", "notice", "\"2025-1-1\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.calendar.years[1].notice: |2025-1-1" },
  { "workday-with-sign", "calendar.years[1]", "workdays", "[\"2026-+2-14\"]",
    RETRACT_DATA_ERROR_BAD_VALUE, "$.calendar.years[1].workdays[0]: |2026-+2-14" },
  /* Each table gives its object's keys: an unknown one is refused at every level. */
  { "unknown-key-in-source", "meta.source", "colour", "1", RETRACT_DATA_ERROR_UNKNOWN_KEY,
    "$.meta.source.colour: |colour" },
  { "unknown-key-in-link", "meta.official_links[0]", "colour", "1",
    RETRACT_DATA_ERROR_UNKNOWN_KEY, "$.meta.official_links[0].colour: |colour" },
  { "unknown-key-in-review", "review", "colour", "1", RETRACT_DATA_ERROR_UNKNOWN_KEY,
    "$.review.colour: |colour" },
  { "unknown-key-in-stage-channels", "platforms[0].channels", "appealed", "[\"web-ticket\"]",
    RETRACT_DATA_ERROR_UNKNOWN_KEY, "$.platforms[0].channels.appealed: |appealed" },
  { "unknown-key-in-window", "types[0].window", "days", "1", RETRACT_DATA_ERROR_UNKNOWN_KEY,
    "$.types[0].window.days: |days" },
  { "unknown-key-in-response-time", "channels[1].response_time", "days", "1",
    RETRACT_DATA_ERROR_UNKNOWN_KEY, "$.channels[1].response_time.days: |days" },
  { "unknown-key-in-replacement", "scenarios[1].replaces[0]", "why", "1",
    RETRACT_DATA_ERROR_UNKNOWN_KEY, "$.scenarios[1].replaces[0].why: |why" },
  { "unknown-key-in-deadline", "scenarios[3].legal_deadline", "hours", "1",
    RETRACT_DATA_ERROR_UNKNOWN_KEY, "$.scenarios[3].legal_deadline.hours: |hours" },
  { "unknown-key-in-note", "risks[0]", "colour", "1", RETRACT_DATA_ERROR_UNKNOWN_KEY,
    "$.risks[0].colour: |colour" },
  { "unknown-key-in-holiday", "calendar.years[0].holidays[0]", "colour", "1",
    RETRACT_DATA_ERROR_UNKNOWN_KEY, "$.calendar.years[0].holidays[0].colour: |colour" },
  { "unknown-key-in-text", "channels[0].name", "fr", "\"x\"", RETRACT_DATA_ERROR_UNKNOWN_KEY,
    "$.channels[0].name.fr: |fr" },
  /* zh_HK is the one Traditional member; zh_TW texts are not a thing. */
  { "unknown-language-in-text", "channels[0].name", "zh_TW", "\"x\"",
    RETRACT_DATA_ERROR_UNKNOWN_KEY, "$.channels[0].name.zh_TW: |zh_TW" },
  { "empty-traditional-text", "types[0].name", "zh_HK", "\"\"", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.types[0].name.zh_HK: |empty" },
  { "traditional-text-not-a-string", "types[0].name", "zh_HK", "1",
    RETRACT_DATA_ERROR_WRONG_TYPE, "$.types[0].name.zh_HK: |" },
  /* Limits that depend on another field, and requirements that do. */
  { "response-max-below-min", "channels[1].response_time", "max_hours", "0",
    RETRACT_DATA_ERROR_OUT_OF_RANGE, "$.channels[1].response_time.max_hours: |out of range" },
  { "withdrawable-without-window-text", "types[0]", "window_text", NULL,
    RETRACT_DATA_ERROR_MISSING, "$.types[0]: |“window_text”" },
  { "rating-without-stars", "types[0]", "success_stars", NULL, RETRACT_DATA_ERROR_MISSING,
    "$.types[0]: |“success_stars”" },
  { "stars-without-rating", "types[0]", "success_rating", NULL, RETRACT_DATA_ERROR_MISSING,
    "$.types[0].success_stars: |success_rating" },
  { "unknown-note-platform", "risks[0]", "platform", "\"qq\"", RETRACT_DATA_ERROR_BAD_REFERENCE,
    "$.risks[0].platform: |“qq”" },
  /* Every field that names a record, wherever it is in the dataset. */
  { "unknown-channel-platform", "channels[6]", "platform", "\"qq\"",
    RETRACT_DATA_ERROR_BAD_REFERENCE, "$.channels[6].platform: |unknown platform “qq”" },
  { "unknown-comparison-platform", "comparison[1]", "platform", "\"qq\"",
    RETRACT_DATA_ERROR_BAD_REFERENCE, "$.comparison[1].platform: |unknown platform “qq”" },
  { "unknown-link-platform", "meta.official_links[2]", "platform", "\"qq\"",
    RETRACT_DATA_ERROR_BAD_REFERENCE,
    "$.meta.official_links[2].platform: |unknown platform “qq”" },
  { "unknown-first-channel", "scenarios[2]", "first_channel", "\"fax\"",
    RETRACT_DATA_ERROR_BAD_REFERENCE, "$.scenarios[2].first_channel: |unknown channel “fax”" },
  { "unknown-replaced-channel", "scenarios[1].replaces[0]", "from", "\"fax\"",
    RETRACT_DATA_ERROR_BAD_REFERENCE, "$.scenarios[1].replaces[0].from: |unknown channel “fax”" },
  { "unknown-replacing-channel", "scenarios[1].replaces[0]", "to", "\"fax\"",
    RETRACT_DATA_ERROR_BAD_REFERENCE, "$.scenarios[1].replaces[0].to: |unknown channel “fax”" },
  { "unknown-required-material", "platforms[2]", "required_materials", "[\"stamp\"]",
    RETRACT_DATA_ERROR_BAD_REFERENCE,
    "$.platforms[2].required_materials[0]: |unknown material “stamp”" },
  { "other-time-zone", "meta", "timezone", "\"+09:00\"", RETRACT_DATA_ERROR_UNSUPPORTED,
    "$.meta.timezone: |+08:00" },
  { "plain-http-link", "channels[1]", "url", "\"http://kf.qq.com/\"",
    RETRACT_DATA_ERROR_BAD_VALUE, "$.channels[1].url: |https://" },
  { "window-two-units", "types[0].window", "working_days", "3", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.types[0].window: |exactly one" },
  { "window-no-unit", "types[0]", "window", "{}", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.types[0].window: |exactly one" },
  { "withdrawable-without-window", "types[0]", "window", NULL, RETRACT_DATA_ERROR_MISSING,
    "$.types[0]: |window" },
  { "not-withdrawable-with-window", "types[3]", "window", "{\"hours\": 1}",
    RETRACT_DATA_ERROR_BAD_VALUE, "$.types[3].window: |no window" },
  { "rating-stars-mismatch", "types[0]", "success_stars", "2", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.types[0].success_stars: |3 filled stars" },
  { "rating-bad-characters", "types[0]", "success_rating", "\"***\"",
    RETRACT_DATA_ERROR_BAD_VALUE, "$.types[0].success_rating: |★" },
  { "section-out-of-range", "types[0]", "section", "100", RETRACT_DATA_ERROR_OUT_OF_RANGE,
    "$.types[0].section: |100" },
  { "section-not-listed", "sections[7]", "id", "9", RETRACT_DATA_ERROR_BAD_REFERENCE,
    "section 8" },
  { "makeup-day-on-weekday", "calendar.years[1]", "workdays", "[\"2026-01-05\"]",
    RETRACT_DATA_ERROR_BAD_VALUE, "$.calendar.years[1].workdays[0]: |Saturday or a Sunday" },
  { "makeup-day-is-holiday", "calendar.years[1]", "workdays", "[\"2026-02-15\"]",
    RETRACT_DATA_ERROR_BAD_VALUE, "$.calendar.years[1].workdays[0]: |holiday" },
  { "holiday-ends-before-start", "calendar.years[0].holidays[1]", "to", "\"2025-01-27\"",
    RETRACT_DATA_ERROR_OUT_OF_RANGE, "$.calendar.years[0].holidays[1].to: |" },
  { "year-twice", "calendar.years[1]", "year", "2025", RETRACT_DATA_ERROR_BAD_VALUE,
    "$.calendar.years[1].year: |2025" },
  { "judicial-without-deadline", "scenarios[3]", "legal_deadline", NULL,
    RETRACT_DATA_ERROR_BAD_VALUE, "$.scenarios[3]: |legal_deadline" },
  { "empty-type-list", "", "types", "[]", RETRACT_DATA_ERROR_BAD_VALUE, "$.types: |empty" },
  { "root-is-array", NULL, NULL, "[]", RETRACT_DATA_ERROR_WRONG_TYPE,
    "$: |expected an object, found an array" },
};

static GBytes *
mutate (const Mutation *m)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  char *text;

  if (m->object == NULL)
    return g_bytes_new (m->value, strlen (m->value));

  json_parser_load_from_data (parser, g_bytes_get_data (bundled_bytes, NULL),
                              (gssize) g_bytes_get_size (bundled_bytes), &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);

  if (m->value == NULL)
    {
      json_object_remove_member (json_node_get_object (node_at (root, m->object)), m->key);
    }
  else
    {
      g_autoptr(JsonParser) value = json_parser_new ();

      json_parser_load_from_data (value, m->value, -1, &error);
      g_assert_no_error (error);
      json_object_set_member (json_node_get_object (node_at (root, m->object)), m->key,
                              json_node_copy (json_parser_get_root (value)));
    }

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  return g_bytes_new_take (text, strlen (text));
}

static void
assert_message (const GError *error,
                const char   *parts_text)
{
  g_auto(GStrv) parts = g_strsplit (parts_text, "|", -1);

  /* Every schema error starts with the file and the line and column. */
  g_assert_true (g_regex_match_simple ("^rules\\.json:[0-9]+:[0-9]+: ", error->message, 0, 0));
  for (guint i = 0; parts[i] != NULL; i++)
    if (strstr (error->message, parts[i]) == NULL)
      g_error ("“%s” not in “%s”", parts[i], error->message);
}

static void
test_mutation (gconstpointer data)
{
  const Mutation *m = data;
  g_autoptr(GBytes) bytes = mutate (m);
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = retract_ruleset_new_from_bytes (bytes, "rules.json", &error);

  g_assert_null (rules);
  g_assert_error (error, RETRACT_DATA_ERROR, m->code);
  assert_message (error, m->message_parts);
}

/* The ids the engine relies on (retract-engine-ids.h): a dataset without any
 * one of them is refused as a whole, at the list that lacks it. */
typedef struct
{
  const char *list;
  const char *id;
} EngineId;

static const EngineId engine_ids[] = {
  { "platforms", RETRACT_PLATFORM_WECHAT },
  { "stages", "auto-review" },
  { "stages", "manual-review" },
  { "stages", "processed" },
  { "stages", "not-withdrawable" },
  { "scenarios", RETRACT_SCENARIO_CROSS_BORDER },
  { "scenarios", RETRACT_SCENARIO_MINOR },
  { "scenarios", RETRACT_SCENARIO_ENTERPRISE },
  { "mistakes", RETRACT_MISTAKE_MISOPERATION },
  { "channels", RETRACT_CHANNEL_WEB_TICKET },
  { "channels", RETRACT_CHANNEL_PHONE_HOTLINE },
  { "channels", RETRACT_CHANNEL_APPEAL_MESSAGE },
  { "materials", RETRACT_MATERIAL_IDENTITY },
  { "warnings", RETRACT_WARNING_MONTHLY_LIMIT },
  { "warnings", RETRACT_WARNING_DAILY_APPEAL_LIMIT },
  { "warnings", RETRACT_WARNING_OTHER_PARTY_LOSS },
  { "warnings", RETRACT_WARNING_DUPLICATE_SUBMISSION },
  { "warnings", RETRACT_WARNING_REPEAT_SUBMISSION },
  { "warnings", RETRACT_WARNING_IRREVERSIBLE },
  { "warnings", RETRACT_WARNING_CALENDAR_UNKNOWN },
};

/* The bundled dataset without the record @id of $.@list. */
static GBytes *
remove_record (const char *list,
               const char *id)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  gboolean removed = FALSE;
  char *text;

  json_parser_load_from_data (parser, g_bytes_get_data (bundled_bytes, NULL),
                              (gssize) g_bytes_get_size (bundled_bytes), &error);
  g_assert_no_error (error);
  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        list);
  for (guint i = 0; i < json_array_get_length (array) && !removed; i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (array, i),
                                                    "id"), id))
      {
        json_array_remove_element (array, i);
        removed = TRUE;
      }
  g_assert_true (removed);

  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  return g_bytes_new_take (text, strlen (text));
}

static void
test_engine_id_missing (gconstpointer data)
{
  const EngineId *engine_id = data;
  g_autoptr(GBytes) bytes = remove_record (engine_id->list, engine_id->id);
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = retract_ruleset_new_from_bytes (bytes, "rules.json", &error);
  g_autofree char *parts = g_strdup_printf ("$.%s: |“%s”", engine_id->list, engine_id->id);

  g_assert_null (rules);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_MISSING);
  assert_message (error, parts);
}

/* Records are found by their id whatever their layout, and listed by it. */
static void
test_typed_lookups (void)
{
  g_autoptr(RetractRuleset) rules = load_bundled ();
  g_autofree char *platforms = NULL;
  g_autofree char *mistakes = NULL;

  g_assert_cmpstr (retract_ruleset_lookup_platform (rules, "alipay")->id, ==, "alipay");
  g_assert_cmpstr (retract_ruleset_lookup_channel (rules, "web-ticket")->id, ==, "web-ticket");
  g_assert_cmpstr (retract_ruleset_lookup_material (rules, "passport")->id, ==, "passport");
  g_assert_cmpstr (retract_ruleset_lookup_mistake (rules, "misstatement")->id, ==,
                   "misstatement");
  g_assert_cmpstr (retract_ruleset_lookup_scenario (rules, "judicial")->id, ==, "judicial");
  g_assert_cmpstr (retract_ruleset_lookup_warning (rules, "aml-review")->id, ==, "aml-review");
  g_assert_null (retract_ruleset_lookup_channel (rules, "fax"));
  g_assert_null (retract_ruleset_lookup_warning (rules, NULL));
  g_assert_cmpuint (retract_ruleset_lookup_section (rules, 6)->id, ==, 6);
  g_assert_null (retract_ruleset_lookup_section (rules, 9));

  platforms = retract_records_join_ids (RETRACT_RECORD_PLATFORM,
                                        retract_ruleset_get_platforms (rules));
  mistakes = retract_records_join_ids (RETRACT_RECORD_MISTAKE,
                                       retract_ruleset_get_mistakes (rules));
  g_assert_cmpstr (platforms, ==, "wechat, alipay, douyin");
  g_assert_cmpstr (mistakes, ==, "misoperation, misstatement");
}

/* The origin is an enum; the CLI's JSON keeps its words. */
static void
test_origin_names (void)
{
  g_assert_cmpstr (retract_rules_origin_to_string (RETRACT_RULES_ORIGIN_BUNDLED), ==, "bundled");
  g_assert_cmpstr (retract_rules_origin_to_string (RETRACT_RULES_ORIGIN_DOWNLOADED), ==,
                   "downloaded");
  g_assert_cmpstr (retract_rules_origin_to_string (RETRACT_RULES_ORIGIN_FILE), ==, "file");
}

/* Edits to the file's text, where the line and column are known. */
typedef struct
{
  const char *name;
  const char *find;
  const char *replace;
  int         code;
  const char *message_prefix;
} TextEdit;

static const TextEdit text_edits[] = {
  { "duplicate-key", "\"version\": \"2026.11.1\",",
    "\"version\": \"2026.11.1\", \"version\": \"2099.1.1\",",
    RETRACT_DATA_ERROR_DUPLICATE_KEY, "rules.json:6:29: duplicate key “version” in $.meta" },
  { "trailing-comma", "\"timezone\": \"+08:00\",", "\"timezone\": \"+08:00\",,",
    RETRACT_DATA_ERROR_SYNTAX, "rules.json:10:26: expected a member name" },
  { "comment", "\"schema\": 1,", "\"schema\": 1, // the layout",
    RETRACT_DATA_ERROR_SYNTAX, "rules.json:3:18: expected a member name in double quotes, "
    "found a comment" },
  { "invalid-utf8", "\"微信\"", "\"\xe5\xbe\"", RETRACT_DATA_ERROR_INVALID_UTF8, "rules.json:" },
  { "overflowing-integer", "\"schema\": 1,", "\"schema\": 99999999999999999999,",
    RETRACT_DATA_ERROR_OUT_OF_RANGE, "rules.json:3:15: integer 99999999999999999999" },
};

/* Hostile text in the bundled dataset: every text, link and member name is
 * checked, the message gives the place and the code point, and no message
 * repeats the character. Edits are to the file's text, escapes as written. */
typedef struct
{
  const char *name;
  const char *find;
  const char *replace;
  const char *message; /* after "rules.json:LINE:COL: " */
} HostileEdit;

static const HostileEdit hostile_edits[] = {
  { "bidi-in-name", "\"腾讯客服官网申诉\"", "\"腾讯客服\\u202E申诉\"",
    "$.channels[1].name.zh_CN: contains a text-direction control character (U+202E)" },
  { "isolate-in-step", "\"Sign in at kf.qq.com\"", "\"Sign in at \\u2066kf.qq.com\\u2069\"",
    "$.channels[1].steps[0].en: contains a text-direction control character (U+2066)" },
  { "rlm-in-condition", "\"该渠道成功率最高但排队严重。", "\"该渠道\\u200F成功率最高但排队严重。",
    "$.channels[2].condition.zh_CN: contains a text-direction control character (U+200F)" },
  { "ansi-in-phone", "\"phone\": \"0755-83765566\"", "\"phone\": \"\\u001b[31m0755\\u001b[0m\"",
    "$.channels[2].phone: contains a line break or control character (U+001B)" },
  { "ansi-title", "\"Call 0755-83765566\"", "\"Call \\u001b]0;pwned\\u0007\"",
    "$.channels[2].steps[0].en: contains a line break or control character (U+001B)" },
  { "csi-c1", "\"Press 3 for the complaints line\"", "\"Press 3\\u009b2J\"",
    "$.channels[2].steps[1].en: contains a line break or control character (U+009B)" },
  { "delete", "\"Choose “WeChat services”\"", "\"Choose\\u007f\"",
    "$.channels[1].steps[1].en: contains a line break or control character (U+007F)" },
  { "newline-in-name", "\"腾讯客服官网申诉\"", "\"腾讯客服\\n\\n我自愿\"",
    "$.channels[1].name.zh_CN: contains a line break or control character (U+000A)" },
  { "line-separator", "\"腾讯客服官网申诉\"", "\"腾讯客服\\u2028申诉\"",
    "$.channels[1].name.zh_CN: contains a line break (U+2028)" },
  { "carriage-return", "\"ticket_subject\": \"误投诉撤销+投诉编号\"",
    "\"ticket_subject\": \"误投诉撤销\\r投诉编号\"",
    "$.channels[1].ticket_subject: contains a line break or control character (U+000D)" },
  { "bidi-member-name", "\"ticket_subject\": ", "\"ticket_\\u202Esubject\": ",
    "$.channels[1][\"ticket_\\u202Esubject\"]: the member name contains a text-direction control "
    "character (U+202E)" },
  { "ansi-member-name", "\"ticket_subject\": ", "\"\\u001b[2J\": ",
    "$.channels[1][\"\\u001B[2J\"]: the member name contains a line break or control character "
    "(U+001B)" },
  { "ansi-in-id", "\"id\": \"phone-hotline\"", "\"id\": \"x\\u001b[31m\"",
    "$.channels[2].id: contains a line break or control character (U+001B)" },
  { "userinfo-link", "\"url\": \"https://kf.qq.com/\",\n      \"ticket_subject\"",
    "\"url\": \"https://kf.qq.com@evil.example/\",\n      \"ticket_subject\"",
    "$.channels[1].url: a link must not have a user name or “@” before its host" },
  { "javascript-link", "\"url\": \"https://kf.qq.com/\",\n      \"ticket_subject\"",
    "\"url\": \"javascript:alert(1)\",\n      \"ticket_subject\"",
    "$.channels[1].url: a link must start with “https://”" },
  { "file-link", "\"url\": \"https://kf.qq.com/\"\n", "\"url\": \"file:///etc/passwd\"\n",
    "$.meta.official_links[0].url: a link must start with “https://”" },
  { "space-in-link", "\"url\": \"https://cshall.alipay.com/\"",
    "\"url\": \"https://cshall.alipay.com/ x\"",
    "$.meta.official_links[1].url: a link has no spaces, control characters or non-ASCII "
    "characters; percent-encode them" },
  { "backslash-link", "\"url\": \"https://www.douyin.com/\"",
    "\"url\": \"https://www.douyin.com\\\\@evil.example/\"",
    "$.meta.official_links[2].url: a link must not have a user name or “@” before its host" },
  { "empty-host-link", "\"url\": \"https://www.douyin.com/\"", "\"url\": \"https:///x\"",
    "$.meta.official_links[2].url: a link needs a host name after “https://”" },
  { "port-link", "\"url\": \"https://www.douyin.com/\"", "\"url\": \"https://www.douyin.com:99999/\"",
    "$.meta.official_links[2].url: the port of a link is a number from 1 to 65535" },
  { "idn-link", "\"url\": \"https://www.douyin.com/\"", "\"url\": \"https://抖音.com/\"",
    "$.meta.official_links[2].url: a link has no spaces, control characters or non-ASCII "
    "characters; percent-encode them" },
};

static void
test_hostile_edit (gconstpointer data)
{
  const HostileEdit *edit = data;
  g_autoptr(GBytes) bundled = test_dataset_bundled ();
  g_autoptr(GBytes) bytes = test_dataset_edit (bundled, edit->find, edit->replace);
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = retract_ruleset_new_from_bytes (bytes, "rules.json", &error);

  g_assert_null (rules);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_BAD_VALUE);
  g_assert_true (g_regex_match_simple ("^rules\\.json:[0-9]+:[0-9]+: ", error->message, 0, 0));
  if (!g_str_has_suffix (error->message, edit->message))
    g_error ("“%s” does not end “%s”", error->message, edit->message);
  /* Nothing invisible or able to drive a terminal in the message. */
  g_assert_true (retract_validate_characters (error->message, FALSE, NULL));
  g_assert_null (strstr (error->message, "evil"));
  g_assert_null (strstr (error->message, "pwned"));
}

static void
test_text_edit (gconstpointer data)
{
  const TextEdit *edit = data;
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bundled_bytes, NULL),
                                              (gssize) g_bytes_get_size (bundled_bytes));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = NULL;

  g_assert_cmpuint (g_string_replace (text, edit->find, edit->replace, 1), ==, 1);
  bytes = g_bytes_new (text->str, text->len);
  rules = retract_ruleset_new_from_bytes (bytes, "rules.json", &error);
  g_assert_null (rules);
  g_assert_error (error, RETRACT_DATA_ERROR, edit->code);
  if (!g_str_has_prefix (error->message, edit->message_prefix))
    g_error ("“%s” does not start with “%s”", error->message, edit->message_prefix);
}

static void
test_truncated (void)
{
  const guchar *data = g_bytes_get_data (bundled_bytes, NULL);
  gsize cut = g_bytes_get_size (bundled_bytes) / 2;
  g_autoptr(GBytes) half = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = NULL;

  /* Cut between characters: a cut inside one is invalid UTF-8, another test. */
  while (cut > 0 && (data[cut] & 0xc0) == 0x80)
    cut--;
  half = g_bytes_new_from_bytes (bundled_bytes, 0, cut);
  rules = retract_ruleset_new_from_bytes (half, "rules.json", &error);

  g_assert_null (rules);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_SYNTAX);
}

static void
test_trailing_data (void)
{
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bundled_bytes, NULL),
                                              (gssize) g_bytes_get_size (bundled_bytes));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = NULL;

  g_string_append (text, "{}");
  bytes = g_bytes_new (text->str, text->len);
  rules = retract_ruleset_new_from_bytes (bytes, "rules.json", &error);
  g_assert_null (rules);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TRAILING_DATA);
}

static void
test_deep_nesting (void)
{
  const gsize depth = 100000;
  g_autoptr(GString) text = g_string_new ("{\"meta\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = NULL;

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  bytes = g_bytes_new (text->str, text->len);
  rules = retract_ruleset_new_from_bytes (bytes, "rules.json", &error);
  g_assert_null (rules);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_DEEP);
}

static void
test_too_large (void)
{
  g_autofree char *path = scratch_path ("huge-rules.json");
  g_autofree char *filler = g_strnfill (RETRACT_RULESET_MAX_BYTES + 1, ' ');
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = NULL;

  g_assert_true (g_file_set_contents (path, filler, -1, NULL));
  rules = retract_ruleset_new_from_file (path, &error);
  g_assert_null (rules);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_unlink (path);
}

static void
test_empty (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = retract_ruleset_new_from_bytes (bytes, "rules.json", &error);

  g_assert_null (rules);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_EMPTY);
}

static void
test_from_file (void)
{
  g_autofree char *path = scratch_path ("rules.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = NULL;
  g_autoptr(RetractRuleset) missing = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bundled_bytes, NULL),
                                      (gssize) g_bytes_get_size (bundled_bytes), NULL));
  rules = retract_ruleset_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (retract_ruleset_get_origin (rules), ==, RETRACT_RULES_ORIGIN_FILE);
  g_assert_cmpstr (retract_ruleset_get_location (rules), ==, path);
  g_unlink (path);

  missing = retract_ruleset_new_from_file (path, &error);
  g_assert_null (missing);
  g_assert_error (error, RETRACT_DATA_ERROR, RETRACT_DATA_ERROR_IO);
}

/* The other side of the version-* rejections: every part at its widest and
 * its narrowest loads. */
static void
test_version_boundaries (void)
{
  static const char *accepted[] = { "\"2026.1.1\"", "\"2026.12.1234\"", "\"9999.99.9999\"",
                                    "\"0000.0.0\"" };

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      Mutation m = { "accepted-version", "meta", "version", accepted[i], 0, NULL };
      g_autoptr(GBytes) bytes = mutate (&m);
      g_autoptr(GError) error = NULL;
      g_autoptr(RetractRuleset) rules = retract_ruleset_new_from_bytes (bytes, "rules.json",
                                                                        &error);
      g_autofree char *expected = g_strndup (accepted[i] + 1, strlen (accepted[i]) - 2);

      g_assert_no_error (error);
      g_assert_cmpstr (retract_ruleset_get_version (rules), ==, expected);
    }
}

static void
test_compare_versions (void)
{
  g_assert_cmpint (retract_ruleset_compare_versions ("2026.11.1", "2026.11.1"), ==, 0);
  g_assert_cmpint (retract_ruleset_compare_versions ("2026.11.1", "2026.11.2"), <, 0);
  g_assert_cmpint (retract_ruleset_compare_versions ("2026.12.1", "2026.11.9"), >, 0);
  g_assert_cmpint (retract_ruleset_compare_versions ("2026.9.1", "2026.10.1"), <, 0);
  g_assert_cmpint (retract_ruleset_compare_versions ("2027.1.1", "2026.12.31"), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  bundled_bytes = g_resource_lookup_data (retract_core_get_resource (),
                                          RETRACT_RULESET_BUNDLED_PATH, 0, &error);
  g_assert_no_error (error);

  g_test_add_func ("/retract/ruleset/bundled-validates", test_bundled_validates);
  g_test_add_func ("/retract/ruleset/bundled-times", test_bundled_times);
  g_test_add_func ("/retract/ruleset/traditional-texts", test_traditional_texts);
  g_test_add_func ("/retract/ruleset/seed-facts-present", test_seed_facts_present);
  g_test_add_func ("/retract/ruleset/every-record-cites-a-section",
                   test_every_record_cites_a_section);
  g_test_add_func ("/retract/ruleset/seed-tables", test_seed_tables);
  g_test_add_func ("/retract/ruleset/rejects/truncated", test_truncated);
  g_test_add_func ("/retract/ruleset/rejects/trailing-data", test_trailing_data);
  g_test_add_func ("/retract/ruleset/rejects/deep-nesting", test_deep_nesting);
  g_test_add_func ("/retract/ruleset/rejects/too-large", test_too_large);
  g_test_add_func ("/retract/ruleset/rejects/empty", test_empty);
  g_test_add_func ("/retract/ruleset/from-file", test_from_file);
  g_test_add_func ("/retract/ruleset/compare-versions", test_compare_versions);
  g_test_add_func ("/retract/ruleset/version-boundaries", test_version_boundaries);
  g_test_add_func ("/retract/ruleset/typed-lookups", test_typed_lookups);
  g_test_add_func ("/retract/ruleset/origin-names", test_origin_names);

  for (guint i = 0; i < G_N_ELEMENTS (engine_ids); i++)
    {
      g_autofree char *path = g_strdup_printf ("/retract/ruleset/rejects/engine-id/%s/%s",
                                               engine_ids[i].list, engine_ids[i].id);

      g_test_add_data_func (path, &engine_ids[i], test_engine_id_missing);
    }

  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/retract/ruleset/rejects/%s", mutations[i].name);

      g_test_add_data_func (path, &mutations[i], test_mutation);
    }

  for (guint i = 0; i < G_N_ELEMENTS (hostile_edits); i++)
    {
      g_autofree char *path = g_strdup_printf ("/retract/ruleset/rejects/hostile/%s",
                                               hostile_edits[i].name);

      g_test_add_data_func (path, &hostile_edits[i], test_hostile_edit);
    }

  for (guint i = 0; i < G_N_ELEMENTS (text_edits); i++)
    {
      g_autofree char *path = g_strdup_printf ("/retract/ruleset/rejects/text/%s",
                                               text_edits[i].name);

      g_test_add_data_func (path, &text_edits[i], test_text_edit);
    }

  status = g_test_run ();
  g_bytes_unref (bundled_bytes);
  return status;
}
