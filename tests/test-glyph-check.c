/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A character the letter cannot draw is found and named before export; the
 * Chinese, the punctuation and the Latin letters of a real letter are not.
 * The test machines have the Noto CJK faces, DejaVu and no emoji font: the
 * emoji below are in none of them (DejaVu Sans draws a few others, such as
 * U+1F600, which then print and are not reported). */

#include "config.h"

#include <string.h>

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

/* Invalid UTF-8 (a field's text from a damaged case file, say) is read
 * within its bytes: a multi-byte sequence cut at the end once made the scan
 * step over the terminating NUL (ASan: heap-buffer-overflow). Each string is
 * copied to the heap at its exact size so that AddressSanitizer sees a read
 * past it. The bad bytes count as U+FFFD, which the fonts draw; a real
 * missing glyph after them is still found. */
static void
test_invalid_utf8 (void)
{
  static const char * const texts[] = {
    "a\xf0",
    "\xe5",
    "张三\xe5\xbc",
    "\xf4\x90\x80",
    "ab\xc3",
    "\xff\xfe",
    "\xed\xa0\x80 surrogate",
    "\xc0\xaf overlong",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = g_memdup2 (texts[i], strlen (texts[i]) + 1);
      gunichar missing = 0;

      g_assert_false (retract_glyph_check_find_missing (text, &missing));
      g_assert_cmpuint (missing, ==, 0);
    }

  {
    g_autofree char *text = g_strdup ("\xe5\xbc 👍 \xf0");
    gunichar missing = 0;

    g_assert_true (retract_glyph_check_find_missing (text, &missing));
    g_assert_cmpuint (missing, ==, 0x1F44D);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/retract/glyph-check/plain-text", test_plain_text_has_glyphs);
  g_test_add_func ("/retract/glyph-check/emoji", test_emoji_is_missing);
  g_test_add_func ("/retract/glyph-check/invalid-utf8", test_invalid_utf8);

  return g_test_run ();
}
