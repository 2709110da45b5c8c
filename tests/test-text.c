/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Runs with nowhere to break a line: the editor wraps them by character,
 * because Pango's word wrapping is quadratic in their length. */

#include "config.h"

#include "retract-text.h"

static char *
repeat (const char *unit,
        guint       count)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < count; i++)
    g_string_append (text, unit);
  return g_string_free (text, FALSE);
}

static void
test_unbroken_run (void)
{
  static const struct
  {
    const char *unit;
    guint       count;
    gboolean    unbroken;   /* with a limit of 160 */
  } cases[] = {
    { "x", 160, FALSE },
    { "x", 161, TRUE },
    { "7", 161, TRUE },                                  /* digits */
    { "a/", 81, TRUE },                                  /* a long URL-like path */
    { "a.", 81, TRUE },
    { "\xe0\xb8\x81", 161, TRUE },                       /* Thai: a dictionary's breaks */
    { "caf\xc3\xa9", 41, TRUE },                         /* Latin with accents */
    { "word ", 10000, FALSE },                           /* prose */
    { "word-", 10000, FALSE },
    { "word\n", 10000, FALSE },
    { "误点了投诉", 10000, FALSE },                         /* CJK breaks anywhere */
    { "ひらがな", 10000, FALSE },
    { "한국어", 10000, FALSE },
    { "ab\xe2\x80\x8b", 10000, FALSE },                  /* zero-width space */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = repeat (cases[i].unit, cases[i].count);

      g_test_message ("case %u", i);
      g_assert_cmpint (retract_text_has_unbroken_run (text, 160), ==, cases[i].unbroken);
    }

  /* The run is counted from the last break, not from the start. */
  {
    g_autofree char *head = repeat ("x", 150);
    g_autofree char *tail = repeat ("y", 150);
    g_autofree char *text = g_strconcat (head, " ", tail, NULL);

    g_assert_false (retract_text_has_unbroken_run (text, 160));
    g_assert_true (retract_text_has_unbroken_run (text, 149));
  }
  g_assert_false (retract_text_has_unbroken_run ("", 0));
  g_assert_true (retract_text_has_unbroken_run ("x", 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/retract/text/unbroken-run", test_unbroken_run);

  return g_test_run ();
}
