/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A character the letter cannot draw is found and named before export; the
 * Chinese, the punctuation and the Latin letters of a real letter are not.
 * The test machines have the Noto CJK faces, DejaVu and no emoji font: the
 * emoji below are in none of them (DejaVu Sans draws a few others, such as
 * U+1F600, which then print and are not reported). */

#include "config.h"

#include "retract-glyph-check.h"

static void
test_plain_text_has_glyphs (void)
{
  static const char * const texts[] = {
    "",
    "张三",
    "2026年11月24日上午10点，我在微信里想给李四发消息，误点了“投诉”并提交。",
    "香港居民身份证 A123456(3)",
    "zhangsan_01 · 13800138000 · 91350100M000100Y43",
    "繁體字：誤投訴撤銷申請書",
    "  \n\t ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      gunichar missing = 0;

      g_assert_false (retract_glyph_check_find_missing (texts[i], &missing));
      g_assert_cmpuint (missing, ==, 0);
    }
}

static void
test_emoji_is_missing (void)
{
  static const struct
  {
    const char *text;
    gunichar    missing;
  } cases[] = {
    { "👍", 0x1F44D },
    { "张三🎉", 0x1F389 },
    { "误点了投诉 🙏 谢谢", 0x1F64F },
    /* The first that cannot be drawn, in the text's order. */
    { "abc 🤣 def 👍", 0x1F923 },
    /* Repeated: found once, still named. */
    { "张三张三张三🙂🙂", 0x1F642 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gunichar missing = 0;

      g_assert_true (retract_glyph_check_find_missing (cases[i].text, &missing));
      g_assert_cmpuint (missing, ==, cases[i].missing);
      /* The character is optional. */
      g_assert_true (retract_glyph_check_find_missing (cases[i].text, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/retract/glyph-check/plain-text", test_plain_text_has_glyphs);
  g_test_add_func ("/retract/glyph-check/emoji", test_emoji_is_missing);

  return g_test_run ();
}
