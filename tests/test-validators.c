/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "retract-error.h"
#include "retract-validators.h"

/* An independent GB 11643 check character, to build test numbers with. */
static char
reference_check_digit (const char *first17)
{
  static const guint weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char map[] = "10X98765432";
  guint sum = 0;

  g_assert_cmpuint (strlen (first17), >=, 17);
  for (guint i = 0; i < 17; i++)
    {
      g_assert_true (g_ascii_isdigit (first17[i]));
      sum += (guint) (first17[i] - '0') * weights[i];
    }

  return map[sum % 11];
}

/* "110105" + birth date + "123" + the right check character. */
static char *
make_id_number (const char *region,
                const char *birth_date,
                const char *sequence)
{
  char *number = g_strdup_printf ("%s%s%s?", region, birth_date, sequence);

  g_assert_cmpuint (strlen (number), ==, 18);
  number[17] = reference_check_digit (number);
  return number;
}

static char *
strip_separators (const char *text)
{
  GString *result = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != ' ' && *p != '-')
      g_string_append_c (result, *p);

  return g_string_free (result, FALSE);
}

/* Personal data must never be echoed: no run of 6 characters of the value
 * (or all of it, when shorter) appears in the message. */
static void
assert_not_echoed (const char *message,
                   const char *value)
{
  g_autofree char *stripped = strip_separators (value);
  gsize length = strlen (stripped);
  gsize window = MIN (length, 6);

  if (length < 4)
    return;

  for (gsize i = 0; i + window <= length; i++)
    {
      g_autofree char *piece = g_strndup (stripped + i, window);

      if (strstr (message, piece) != NULL)
        g_error ("message “%s” repeats “%s” of the validated value", message, piece);
    }
}

/* ID numbers */

static const struct
{
  const char *first17;
  char        check;
} known_ids[] = {
  { "11010519491231002", 'X' },
  { "44030519900101100", '2' },
  { "31010120000229000", '7' },
  { "51010419850715300", '4' },
  { "65010219701231400", '9' },
  { "81000019881111002", '5' },
  { "82000019991231000", '6' },
  { "71010120010101202", '3' },
  { "91010119500505003", '1' },
  { "12010119600606802", 'X' },
  { "33010620151231105", '8' },
  { "37020219770707706", '0' },
};

static void
test_id_check_digit_known (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_ids); i++)
    {
      g_assert_cmpint (reference_check_digit (known_ids[i].first17), ==, known_ids[i].check);
      g_assert_cmpint (retract_id_number_check_digit (known_ids[i].first17), ==,
                       known_ids[i].check);
    }
}

static void
test_id_check_digit_random (void)
{
  for (guint n = 0; n < 2000; n++)
    {
      char first17[18];

      for (guint i = 0; i < 17; i++)
        first17[i] = (char) ('0' + g_test_rand_int_range (0, 10));
      first17[17] = '\0';

      g_assert_cmpint (retract_id_number_check_digit (first17), ==,
                       reference_check_digit (first17));
    }
}

static void
test_id_check_digit_not_digits (void)
{
  g_test_expect_message ("retract-validators", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_cmpint (retract_id_number_check_digit ("1101051949123100A"), ==, '\0');
  g_test_assert_expected_messages ();
}

static void
test_id_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_ids); i++)
    {
      g_autofree char *number = g_strdup_printf ("%s%c", known_ids[i].first17,
                                                 known_ids[i].check);
      g_autofree char *normalized = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (retract_validate_id_number (number, NULL, &normalized, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, number);
    }

  /* normalized is optional. */
  g_assert_true (retract_validate_id_number ("11010519491231002X", NULL, NULL, NULL));
}

static void
test_id_normalized (void)
{
  static const struct
  {
    const char *text;
    const char *normalized;
  } cases[] = {
    { "11010519491231002X", "11010519491231002X" },
    { "11010519491231002x", "11010519491231002X" },
    { "110105 19491231 002X", "11010519491231002X" },
    { "110105-19491231-002x", "11010519491231002X" },
    { " 1101 0519 4912 3100 2X ", "11010519491231002X" },
    { "120101196006068-02-x", "12010119600606802X" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (retract_validate_id_number (cases[i].text, NULL, &normalized, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, cases[i].normalized);
    }
}

static void
assert_id_invalid (const char *text,
                   const GDate *today,
                   const char *message)
{
  g_autofree char *normalized = NULL;
  g_autoptr(GError) error = NULL;

  g_test_message ("ID number “%s”", text);
  g_assert_false (retract_validate_id_number (text, today, &normalized, &error));
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  g_assert_null (normalized);
  assert_not_echoed (error->message, text);
}

static void
test_id_single_digit_changes (void)
{
  static const char check_message[] =
    "the check character does not match the other digits; one of them is probably mistyped";

  for (guint n = 0; n < G_N_ELEMENTS (known_ids); n++)
    {
      g_autofree char *valid = g_strdup_printf ("%s%c", known_ids[n].first17,
                                                known_ids[n].check);

      for (guint pos = 0; pos < 18; pos++)
        {
          const char *replacements = pos == 17 ? "0123456789X" : "0123456789";

          for (const char *r = replacements; *r; r++)
            {
              g_autofree char *changed = g_strdup (valid);

              if (*r == valid[pos])
                continue;
              changed[pos] = *r;
              /* A change may break the province or the date first; any
               * message will do, as long as the number is refused. Changes to
               * the check character itself must be reported as such. */
              assert_id_invalid (changed, NULL, pos == 17 ? check_message : NULL);
            }
        }
    }
}

static void
test_id_invalid (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "", "a resident ID number has 18 characters, this one has 0" },
    { "11010519491231002", "a resident ID number has 18 characters, this one has 17" },
    { "11010519491231002X1", "a resident ID number has 18 characters, this one has 19" },
    { "110105 19491231 002", "a resident ID number has 18 characters, this one has 17" },
    { "110105194912310020X", "a resident ID number has 18 characters, this one has 19" },
    { "110105491231002", "a resident ID number has 18 characters, this one has 15" },
    { "A1010519491231002X",
      "the first 17 characters of an ID number are digits; character 1 is not" },
    { "1101051949123100XX",
      "the first 17 characters of an ID number are digits; character 17 is not" },
    { "110105194912310.2X",
      "the first 17 characters of an ID number are digits; character 16 is not" },
    { "11010519491231002Y", "the last character of an ID number is a digit or X" },
    { "11010519491231002?", "the last character of an ID number is a digit or X" },
    /* A tab separates groups like a space (issue 15 review): it goes. */
    { "11010519491231002\t", "a resident ID number has 18 characters, this one has 17" },
    { "11010519491231002x\n", "a resident ID number has 18 characters, this one has 19" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_id_invalid (cases[i].text, NULL, cases[i].message);
}

static void
test_id_province (void)
{
  static const char * const invalid[] = { "00", "99", "10", "16", "20", "72", "80", "83", "90" };
  static const char * const valid[] = { "11", "46", "50", "65", "71", "81", "82", "91" };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *region = g_strconcat (invalid[i], "0105", NULL);
      g_autofree char *number = make_id_number (region, "19491231", "002");

      assert_id_invalid (number, NULL, "the first two digits are not a province code");
    }

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autofree char *region = g_strconcat (valid[i], "0105", NULL);
      g_autofree char *number = make_id_number (region, "19491231", "002");
      g_autoptr(GError) error = NULL;

      g_assert_true (retract_validate_id_number (number, NULL, NULL, &error));
      g_assert_no_error (error);
    }
}

static void
test_id_birth_date (void)
{
  static const char * const invalid[] = {
    "19490231", "19491301", "19490001", "19490100", "19490431", "18991231", "19000229",
    "20010229", "00000101",
  };
  static const char * const valid[] = { "19000101", "20000229", "20240229", "19491231" };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *number = make_id_number ("110105", invalid[i], "002");

      assert_id_invalid (number, NULL, "digits 7–14 are not a valid date of birth");
    }

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autofree char *number = make_id_number ("110105", valid[i], "002");
      g_autoptr(GError) error = NULL;

      g_test_message ("ID number %s", number);
      g_assert_true (retract_validate_id_number (number, NULL, NULL, &error));
      g_assert_no_error (error);
    }
}

static void
test_id_future_birth (void)
{
  g_autofree char *number = make_id_number ("110105", "20261124", "002");
  g_autoptr(GDate) day_before = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) same_day = g_date_new_dmy (24, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) year_before = g_date_new_dmy (31, G_DATE_DECEMBER, 2025);
  g_autoptr(GDate) unset = g_date_new ();
  g_autoptr(GError) error = NULL;

  assert_id_invalid (number, day_before, "the date of birth in digits 7–14 is in the future");
  assert_id_invalid (number, year_before, "the date of birth in digits 7–14 is in the future");

  g_assert_true (retract_validate_id_number (number, same_day, NULL, &error));
  g_assert_no_error (error);
  /* Without a valid today, the birth date is only checked to be a date. */
  g_assert_true (retract_validate_id_number (number, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (retract_validate_id_number (number, unset, NULL, &error));
  g_assert_no_error (error);
}

static void
test_id_full_width (void)
{
  /* What a Chinese input method in full-width mode types: the same number. */
  static const char text[] = "１１０１０５１９４９１２３１００２Ｘ";
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  g_assert_true (retract_validate_id_number (text, NULL, &normalized, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, "11010519491231002X");

  /* Full-width text that is not a number is refused without contradiction. */
  g_assert_false (retract_validate_id_number ("一二三四五六七八九十一二三四五六七八", NULL, NULL,
                                              &error));
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "an ID number has only digits and the letter X");
}

/* Phone numbers */

static void
test_phone_full_width (void)
{
  static const char text[] = "１３８　００１３　８０００";
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  g_assert_true (retract_validate_phone (text, FALSE, &normalized, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, "13800138000");

  g_assert_true (retract_validate_phone ("＋８６－１３８００１３８０００", FALSE, NULL, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char *text;
  gboolean    allow_hong_kong_macau;
  const char *normalized; /* NULL: invalid */
} PhoneCase;

static const PhoneCase phone_cases[] = {
  { "13800138000", FALSE, "13800138000" },
  { "13800138000", TRUE, "13800138000" },
  { "+8613800138000", FALSE, "13800138000" },
  { "008613800138000", FALSE, "13800138000" },
  { "138 0013 8000", FALSE, "13800138000" },
  { "138-0013-8000", FALSE, "13800138000" },
  { "+86 138 0013 8000", FALSE, "13800138000" },
  { "+86-138-0013-8000", TRUE, "13800138000" },
  { "0086 138 0013 8000", FALSE, "13800138000" },
  { " 13800138000 ", FALSE, "13800138000" },
  { "19912345678", FALSE, "19912345678" },
  { "14712345678", FALSE, "14712345678" },
  { "12800138000", FALSE, NULL },
  { "11800138000", TRUE, NULL },
  { "10800138000", FALSE, NULL },
  { "23800138000", FALSE, NULL },
  { "1380013800", FALSE, NULL },
  { "138001380000", FALSE, NULL },
  { "+861380013800", FALSE, NULL },
  { "+8612800138000", FALSE, NULL },
  { "8613800138000", FALSE, NULL },
  { "+8613800138000x", FALSE, NULL },
  { "1380013800a", FALSE, NULL },
  { "138.0013.8000", FALSE, NULL },
  { "(138) 0013 8000", FALSE, NULL },
  { "", FALSE, NULL },
  { "", TRUE, NULL },
  { "+85291234567", FALSE, NULL },
  { "+85291234567", TRUE, "+85291234567" },
  { "+852 9123 4567", TRUE, "+85291234567" },
  { "+852-5123-4567", TRUE, "+85251234567" },
  { "+85241234567", TRUE, "+85241234567" },
  { "+85231234567", TRUE, NULL },
  { "+8529123456", TRUE, NULL },
  { "+852912345678", TRUE, NULL },
  { "85291234567", TRUE, NULL },
  { "+85361234567", FALSE, NULL },
  { "+85361234567", TRUE, "+85361234567" },
  { "+853 6123 4567", TRUE, "+85361234567" },
  { "+85311234567", TRUE, NULL },
  { "+85311234567", FALSE, NULL },
  { "+85391234567", TRUE, NULL },
  { "+8536123456", TRUE, NULL },
  /* Spaces of every kind between the groups: a no-break space, the
   * ideographic space, tabs, a zero-width space. */
  { "138\u00a00013\u00a08000", FALSE, "13800138000" },
  { "138\u30000013\u30008000", FALSE, "13800138000" },
  { "138\t0013\t8000", FALSE, "13800138000" },
  { "+86\u00a0138\u200b0013 8000", FALSE, "13800138000" },
  { "+852\u00a09123\u00a04567", TRUE, "+85291234567" },
  /* 00 for +, and the country code in brackets. */
  { "00852 9123 4567", TRUE, "+85291234567" },
  { "00853 6612 3456", TRUE, "+85366123456" },
  { "(+852) 9123 4567", TRUE, "+85291234567" },
  { "(+852)9123-4567", TRUE, "+85291234567" },
  { "(00852) 9123 4567", TRUE, "+85291234567" },
  { "（＋８５２）９１２３ ４５６７", TRUE, "+85291234567" },
  { "(+853) 6612 3456", TRUE, "+85366123456" },
  { "(+86) 138 0013 8000", FALSE, "13800138000" },
  { "00852 9123 4567", FALSE, NULL },
  /* Still garbage. */
  { "(852) 9123 4567", TRUE, NULL },
  { "(+852 9123 4567", TRUE, NULL },
  { "+852) 9123 4567", TRUE, NULL },
  { "000852 9123 4567", TRUE, NULL },
  { "0852 9123 4567", TRUE, NULL },
  { "00 00852 9123 4567", TRUE, NULL },
  { "138\u00a00013\u00a0800", FALSE, NULL },
  { "138\u00a00013\u00a08000\u00a0x", FALSE, NULL },
};

static void
test_phone (void)
{
  static const char mainland_message[] =
    "enter a mainland mobile number: 11 digits starting with 1, optionally with +86";
  static const char any_message[] =
    "enter a mainland mobile number (11 digits starting with 1, optionally +86) or a Hong "
    "Kong (+852) or Macau (+853) mobile number";

  for (guint i = 0; i < G_N_ELEMENTS (phone_cases); i++)
    {
      const PhoneCase *c = &phone_cases[i];
      g_autofree char *normalized = NULL;
      g_autoptr(GError) error = NULL;
      gboolean valid;

      g_test_message ("phone “%s”, Hong Kong/Macau %s", c->text,
                      c->allow_hong_kong_macau ? "allowed" : "not allowed");
      valid = retract_validate_phone (c->text, c->allow_hong_kong_macau, &normalized, &error);

      if (c->normalized != NULL)
        {
          g_assert_no_error (error);
          g_assert_true (valid);
          g_assert_cmpstr (normalized, ==, c->normalized);
          /* Without somewhere to put it. */
          g_assert_true (retract_validate_phone (c->text, c->allow_hong_kong_macau, NULL, NULL));
        }
      else
        {
          g_assert_false (valid);
          g_assert_null (normalized);
          g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==,
                           c->allow_hong_kong_macau ? any_message : mainland_message);
          assert_not_echoed (error->message, c->text);
        }
    }
}

/* WeChat IDs and complaint numbers */

typedef struct
{
  const char *text;
  const char *message;
} Refusal;

/* Each of @valid passes @check; each refused text fails with its message,
 * which does not repeat the text. */
static void
assert_identifier_check (gboolean           (*check) (const char *text, GError **error),
                         const char          *what,
                         const char * const  *valid,
                         gsize                n_valid,
                         const Refusal       *refused,
                         gsize                n_refused)
{
  for (gsize i = 0; i < n_valid; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (check (valid[i], &error));
      g_assert_no_error (error);
    }

  for (gsize i = 0; i < n_refused; i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s “%s”", what, refused[i].text);
      g_assert_false (check (refused[i].text, &error));
      g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, refused[i].message);
      assert_not_echoed (error->message, refused[i].text);
    }
}

static void
test_wechat_id (void)
{
  static const char * const valid[] = {
    "zhangsan_01", "abcdef", "a1234567890123456789", "wxid-abc", "Z_-_-_", "ABCDEFG",
  };
  static const Refusal invalid[] = {
    { "", "a WeChat ID has 6–20 characters and starts with a letter" },
    { "abcde", "a WeChat ID has 6–20 characters and starts with a letter" },
    { "a12345678901234567890", "a WeChat ID has 6–20 characters and starts with a letter" },
    { "1abcdef", "a WeChat ID has 6–20 characters and starts with a letter" },
    { "_abcdef", "a WeChat ID has 6–20 characters and starts with a letter" },
    { "张三abcdef", "a WeChat ID has 6–20 characters and starts with a letter" },
    { "zhang san", "a WeChat ID has only letters, digits, “_” and “-”" },
    { "zhang.san", "a WeChat ID has only letters, digits, “_” and “-”" },
    { "zhang@san", "a WeChat ID has only letters, digits, “_” and “-”" },
    { "zhangsan张三", "a WeChat ID has only letters, digits, “_” and “-”" },
    { "zhangsan\n", "a WeChat ID has only letters, digits, “_” and “-”" },
  };

  assert_identifier_check (retract_validate_wechat_id, "WeChat ID", valid, G_N_ELEMENTS (valid),
                           invalid, G_N_ELEMENTS (invalid));
}

static void
test_complaint_number (void)
{
  g_autofree char *longest = g_strnfill (64, '7');
  g_autofree char *too_long = g_strnfill (65, '7');
  const char *valid[] = { "WX20261124001", "a", "A-b_1", longest };
  const Refusal invalid[] = {
    { "", "a complaint number has 1–64 characters" },
    { too_long, "a complaint number has 1–64 characters" },
    { "WX 20261124001", "a complaint number has only letters, digits, “-” and “_”; copy it "
                        "exactly as the platform shows it" },
    { "WX/2026/1124", "a complaint number has only letters, digits, “-” and “_”; copy it "
                      "exactly as the platform shows it" },
    { "投诉20261124", "a complaint number has only letters, digits, “-” and “_”; copy it "
                      "exactly as the platform shows it" },
    { "WX20261124001\n", "a complaint number has only letters, digits, “-” and “_”; copy it "
                         "exactly as the platform shows it" },
  };

  assert_identifier_check (retract_validate_complaint_number, "complaint number",
                           valid, G_N_ELEMENTS (valid), invalid, G_N_ELEMENTS (invalid));
}

/* Free text */

static char *
repeat (const char *piece,
        guint       times)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (text, piece);

  return g_string_free (text, FALSE);
}

static void
test_text_length (void)
{
  g_autofree char *chinese_max = repeat ("中", 100000);
  g_autofree char *chinese_over = repeat ("中", 100001);
  g_autofree char *emoji = repeat ("\xF0\x9F\x98\x80", 5);
  g_autoptr(GError) error = NULL;

  g_assert_true (retract_validate_text ("abcde", 5, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (retract_validate_text ("abcdef", 5, FALSE, &error));
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "at most 5 characters, this has 6");
  g_clear_error (&error);

  /* Characters, not bytes. */
  g_assert_true (retract_validate_text ("一二三四五", 5, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (retract_validate_text (emoji, 5, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (retract_validate_text ("一二三四五六", 5, FALSE, &error));
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "at most 5 characters, this has 6");
  g_clear_error (&error);

  g_assert_true (retract_validate_text (chinese_max, 100000, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (retract_validate_text (chinese_over, 100000, TRUE, &error));
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "at most 100000 characters, this has 100001");
  g_clear_error (&error);

  g_assert_true (retract_validate_text ("", 0, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (retract_validate_text ("a", 0, FALSE, &error));
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "at most 0 characters, this has 1");
}

static void
test_text_control (void)
{
  static const struct
  {
    const char *text;
    gboolean    multiline;
    const char *message; /* NULL: valid */
  } cases[] = {
    { "张三 Zhang San", FALSE, NULL },
    { "line one\nline two", TRUE, NULL },
    { "column\tcolumn", TRUE, NULL },
    { "\n\n\n", TRUE, NULL },
    { "line one\nline two", FALSE, "contains a line break or control character (U+000A)" },
    { "column\tcolumn", FALSE, "contains a line break or control character (U+0009)" },
    { "bell\x07", FALSE, "contains a line break or control character (U+0007)" },
    { "bell\x07", TRUE, "contains a control character (U+0007)" },
    { "escape\x1b[31m", TRUE, "contains a control character (U+001B)" },
    { "delete\x7f", TRUE, "contains a control character (U+007F)" },
    { "next line\xc2\x85", TRUE, "contains a control character (U+0085)" },
    { "vertical\vtab", TRUE, "contains a control character (U+000B)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean valid;

      g_test_message ("text %u", i);
      valid = retract_validate_text (cases[i].text, 100, cases[i].multiline, &error);
      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (valid);
        }
      else
        {
          g_assert_false (valid);
          g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==, cases[i].message);
        }
    }
}

/* The one character check: controls, separators in single-line fields and
 * the bidi controls are refused by code point, in every kind of field. */
static void
test_characters (void)
{
  static const struct
  {
    const char *text;
    gboolean    multiline;
    const char *message; /* NULL: valid */
  } cases[] = {
    { "张三 Zhang San 🙂 ＡＢＣ", FALSE, NULL },
    { "👨\xe2\x80\x8d👩", FALSE, NULL },                      /* ZWJ in an emoji */
    { "a\r\nb\tc\nd", TRUE, NULL },
    { "a\xe2\x80\xa8" "b\xe2\x80\xa9", TRUE, NULL },
    { "a\rb", TRUE, "contains a control character (U+000D)" },
    { "a\r", TRUE, "contains a control character (U+000D)" },
    { "a\r\nb", FALSE, "contains a line break or control character (U+000D)" },
    { "a\xe2\x80\xa8" "b", FALSE, "contains a line break (U+2028)" },
    { "a\xe2\x80\xa9" "b", FALSE, "contains a line break (U+2029)" },
    { "\x1b[31mred", FALSE, "contains a line break or control character (U+001B)" },
    { "\x1b]0;title\x07", TRUE, "contains a control character (U+001B)" },
    { "\xc2\x9b" "2J", TRUE, "contains a control character (U+009B)" },
    { "\xc2\x80", TRUE, "contains a control character (U+0080)" },
    { "\xc2\x9f", TRUE, "contains a control character (U+009F)" },
    { "\x7f", TRUE, "contains a control character (U+007F)" },
    { "\x1f", TRUE, "contains a control character (U+001F)" },
    { "张三\xe2\x80\xaegnp.exe", FALSE, "contains a text-direction control character (U+202E)" },
    { "\xe2\x80\xaa", TRUE, "contains a text-direction control character (U+202A)" },
    { "\xe2\x80\xab", TRUE, "contains a text-direction control character (U+202B)" },
    { "\xe2\x80\xac", TRUE, "contains a text-direction control character (U+202C)" },
    { "\xe2\x80\xad", TRUE, "contains a text-direction control character (U+202D)" },
    { "\xe2\x81\xa6", TRUE, "contains a text-direction control character (U+2066)" },
    { "\xe2\x81\xa7", TRUE, "contains a text-direction control character (U+2067)" },
    { "\xe2\x81\xa8", TRUE, "contains a text-direction control character (U+2068)" },
    { "\xe2\x81\xa9", TRUE, "contains a text-direction control character (U+2069)" },
    { "\xe2\x80\x8e", TRUE, "contains a text-direction control character (U+200E)" },
    { "\xe2\x80\x8f", TRUE, "contains a text-direction control character (U+200F)" },
    { "\xd8\x9c", TRUE, "contains a text-direction control character (U+061C)" },
    { "ok\xff", TRUE, "the text is not valid UTF-8" },
    { "/h/\xe2\x80\x8b\xe2\x80\x8b", FALSE, "contains an invisible character (U+200B)" },
    { "a\xe2\x81\xa0" "b", TRUE, "contains an invisible character (U+2060)" },
    { "\xef\xbb\xbf" "a", TRUE, "contains an invisible character (U+FEFF)" },
    { "soft\xc2\xadhyphen", FALSE, "contains an invisible character (U+00AD)" },
    { "caf\xc3\xa9 cafe\xcc\x81 \xe0\xa4\xb9\xe0\xa4\xbf\xe0\xa4\x82", FALSE, NULL },
    { "\xe0\xb8\x81\xe0\xb9\x87", FALSE, NULL },                  /* Thai with a mark */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) text_error = NULL;
      gboolean valid;

      g_test_message ("text %u", i);
      valid = retract_validate_characters (cases[i].text, cases[i].multiline, &error);
      /* retract_validate_text() gives the same answer when the length is fine. */
      g_assert_cmpint (valid, ==, retract_validate_text (cases[i].text, 1000, cases[i].multiline,
                                                        &text_error));
      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (valid);
        }
      else
        {
          g_assert_false (valid);
          g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==, cases[i].message);
          g_assert_cmpstr (text_error->message, ==, cases[i].message);
        }
    }
}

static void
test_text_invalid_utf8 (void)
{
  static const char * const texts[] = { "abc\xff", "\xe4\xb8", "\xed\xa0\x80", "\xc0\xaf" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (retract_validate_text (texts[i], 100, TRUE, &error));
      g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, "the text is not valid UTF-8");
    }
}

/* Links */

/* What a field keeps of pasted text: refused characters out, line breaks
 * and tabs as spaces in a one-line field, nothing changed in valid text. */
static void
test_filter_characters (void)
{
  static const struct
  {
    const char *text;
    gboolean    multiline;
    const char *kept;       /* NULL: kept as it is */
    gunichar    removed;
  } cases[] = {
    { "张三", FALSE, NULL, 0 },
    { "", FALSE, NULL, 0 },
    { "张三\u202Egnp.exe", FALSE, "张三gnp.exe", 0x202E },
    { "\u2066a\u2069b\u200E\u200F\u061C", FALSE, "ab", 0x2066 },
    { "李四\r\n王五", FALSE, "李四 王五", '\r' },
    { "李四\n王五\t赵六", FALSE, "李四 王五 赵六", '\n' },
    { "a\rb", FALSE, "a b", '\r' },
    { "a\u2028b\u2029c", FALSE, "a b c", 0x2028 },
    { "a\u2028b\u2029c", TRUE, NULL, 0 },
    { "第一行\n第二行\t", TRUE, NULL, 0 },
    { "a\r\nb", TRUE, NULL, 0 },
    { "a\rb", TRUE, "ab", '\r' },
    { "\x1b[31mred\x1b[0m", TRUE, "[31mred[0m", 0x1B },
    { "\x1b[31mred", FALSE, "[31mred", 0x1B },
    { "del\x7f c1\xc2\x9b", TRUE, "del c1", 0x7F },
    { "\x01\x02", FALSE, "", 0x01 },
    { "x.png\xe2\x80\x8b\xc2\xad", FALSE, "x.png", 0x200B },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *kept = NULL;
      gunichar removed = 0xFFFF;

      kept = retract_filter_characters (cases[i].text, -1, cases[i].multiline, &removed);
      g_assert_cmpstr (kept, ==, cases[i].kept);
      g_assert_cmphex (removed, ==, cases[i].removed);
      if (kept != NULL)
        g_assert_true (retract_validate_characters (kept, cases[i].multiline, NULL));
    }

  /* 30 combining marks on one letter are writing; the 31st is refused, and
   * a field keeps the first 30. The count starts again at each letter. */
  {
    g_autoptr(GString) thirty = g_string_new ("a");
    g_autoptr(GString) expected = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *kept = NULL;
    gunichar removed = 0;

    for (guint i = 0; i < 30; i++)
      g_string_append (thirty, "\xcc\x81");
    g_assert_true (retract_validate_characters (thirty->str, FALSE, NULL));
    expected = g_string_new (thirty->str);
    g_string_append (thirty, "b");
    g_string_append (thirty, thirty->str);
    g_assert_true (retract_validate_characters (thirty->str, FALSE, NULL));

    for (guint i = 0; i < 31; i++)
      g_string_append (thirty, "\xcc\x81");
    g_assert_false (retract_validate_characters (thirty->str, TRUE, &error));
    g_assert_cmpstr (error->message, ==,
                     "has more than 30 accents or marks on one character (U+0301)");

    g_string_truncate (expected, 0);
    for (guint i = 0; i < 99999; i++)
      g_string_append (expected, "\xcc\x81");
    g_string_prepend (expected, "a");
    kept = retract_filter_characters (expected->str, -1, TRUE, &removed);
    g_assert_cmphex (removed, ==, 0x0301);
    g_assert_cmpint (g_utf8_strlen (kept, -1), ==, 31);
  }

  /* A length stops early; "\r" at the cut is not taken as part of "\r\n". */
  {
    g_autofree char *kept = retract_filter_characters ("ab\r\ncd", 3, TRUE, NULL);

    g_assert_cmpstr (kept, ==, "ab");
  }
}

static void
test_https_url (void)
{
  static const char * const valid[] = {
    "https://kf.qq.com/",
    "https://kf.qq.com",
    "https://www.12315.cn/cuser/portal/index?x=1&y=%E4%B8%AD#top",
    "https://help.example.com:8443/a/b",
    "https://help.example.com:1/",
    "https://help.example.com:65535",
    "https://xn--fiqs8s.xn--fiqz9s/",
    "https://a-b.example/",
    "https://example.com/path;p=1/@user/~x",
    "https://example.com/a?b=c/d?e#f?g/h",
  };
  static const char * const invalid[] = {
    "",
    "http://kf.qq.com/",
    "HTTPS://kf.qq.com/",
    "javascript:alert(1)",
    "file:///etc/passwd",
    "data:text/html,hi",
    "weixin://dl/chat",
    "https://",
    "https:///path",
    "https://kf.qq.com@evil.example/",
    "https://a@b/",
    "https://user:pass@kf.qq.com/",
    "https://@kf.qq.com/",
    "https://kf.qq.com /",
    "https://kf.qq.com/a b",
    " https://kf.qq.com/",
    "https://kf.qq.com/\n",
    "https://kf.qq.com/\t",
    "https://kf.qq.com/\x1b[31m",
    "https://kf.qq.com/\x7f",
    "https://kf.qq.com/\xc2\x85",
    "https://kf.qq.com/\xe2\x80\xae",
    "https://中国.cn/",
    "https://kf.qq.com\\@evil.example/",
    "https://kf.qq.com/a\\b",
    "https://kf.qq.com/\"",
    "https://kf.qq.com/<script>",
    "https://kf.qq.com:/",
    "https://kf.qq.com:0/",
    "https://kf.qq.com:65536/",
    "https://kf.qq.com:123456/",
    "https://kf.qq.com:80a/",
    "https://kf.qq.com:-1/",
    "https://kf..qq.com/",
    "https://.kf.qq.com/",
    "https://kf.qq.com./",
    "https://-kf.qq.com/",
    "https://kf-.qq.com/",
    "https://localhost/",
    "https://127.0.0.1/",
    "https://2130706433/",
    "https://[::1]/",
    "https://kf_qq.com/",
    "https://kf.qq.com/%",
    "https://kf.qq.com/%4",
    "https://kf.qq.com/%zz",
    "https://kf.qq.com/a[0]",
    "https://kf.qq.com/#a#b",
    "https://kf.qq.com/{x}",
    "https://kf.qq.com/a|b",
  };
  g_autofree char *long_label = NULL;
  g_autofree char *long_url = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("valid %u", i);
      g_assert_true (retract_validate_https_url (valid[i], &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("invalid %u", i);
      g_assert_false (retract_validate_https_url (invalid[i], &error));
      g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
      /* The message explains the rule without repeating the link. */
      g_assert_null (strstr (error->message, "qq.com"));
      g_assert_null (strstr (error->message, "evil"));
    }

  /* Label and total-length limits. */
  long_label = g_strnfill (64, 'a');
  long_url = g_strconcat ("https://", long_label, ".com/", NULL);
  g_assert_false (retract_validate_https_url (long_url, NULL));
  long_label[63] = '\0';
  g_clear_pointer (&long_url, g_free);
  long_url = g_strconcat ("https://", long_label, ".com/", NULL);
  g_assert_true (retract_validate_https_url (long_url, NULL));
  g_clear_pointer (&long_url, g_free);
  g_clear_pointer (&long_label, g_free);
  long_label = g_strnfill (2048 - strlen ("https://a.com/") + 1, 'x');
  long_url = g_strconcat ("https://a.com/", long_label, NULL);
  g_assert_false (retract_validate_https_url (long_url, NULL));
  long_url[2048] = '\0';
  g_assert_true (retract_validate_https_url (long_url, NULL));
}

/* Masking */

static void
test_mask_id_number (void)
{
  static const struct
  {
    const char *text;
    const char *masked;
  } cases[] = {
    { "11010519491231002X", "110105********002X" },
    { "440305199001011002", "440305********1002" },
    { "", "" },
    { "1234", "****" },
    { "1234567890", "**********" },
    { "12345678901", "123456*8901" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = retract_mask_id_number (cases[i].text);

      g_assert_cmpstr (masked, ==, cases[i].masked);
    }
}

static void
test_mask_full_width (void)
{
  /* A mistyped number may be shown masked; the result must still be text. */
  g_autofree char *masked = retract_mask_id_number ("１１０１０５１９４９１２３１００２Ｘ");
  g_autofree char *chinese = retract_mask_id_number ("张三李四王五赵六");

  /* Reported without aborting, so that the other tests still run with -k. */
  if (!g_utf8_validate (masked, -1, NULL) || !g_utf8_validate (chinese, -1, NULL))
    g_test_fail_printf ("masking non-ASCII text gives invalid UTF-8");
}

/* The length limit is said with the right plural form. */
static void
test_text_plural (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (retract_validate_text ("ab", 1, FALSE, &error));
  g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "at most 1 character, this has 2");
  g_clear_error (&error);

  g_assert_false (retract_validate_text ("abc", 2, FALSE, &error));
  g_assert_cmpstr (error->message, ==, "at most 2 characters, this has 3");
}

/* Identity documents (issue 15 §1) */

/* An independent Hong Kong check digit: a missing first letter counts 36,
 * letters A=10…Z=35, weights 9 to 2, the check makes the sum 0 mod 11. */
static char
reference_hk_check (const char *body)
{
  g_autofree char *padded = strlen (body) == 7 ? g_strconcat (" ", body, NULL)
                                               : g_strdup (body);
  guint sum = 0;

  g_assert_cmpuint (strlen (padded), ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      char c = padded[i];
      guint value = c == ' ' ? 36 : g_ascii_isdigit (c) ? (guint) (c - '0')
                                                        : (guint) (c - 'A') + 10;

      sum += value * (9 - i);
    }

  sum = (11 - sum % 11) % 11;
  return sum == 10 ? 'A' : (char) ('0' + sum);
}

typedef struct
{
  RetractIdDocumentType  type;
  const char            *text;
  const char            *normalized; /* NULL: refused */
  const char            *message;    /* when refused, NULL: not checked */
} DocumentCase;

#define HK_FORM "a Hong Kong identity card number looks like A123456(3): one or two letters, " \
                "six digits and a check digit (0–9 or A), the brackets optional"
#define HK_CHECK "the check digit in brackets does not match the letters and digits before " \
                 "it; one of them is probably mistyped"
#define MACAU_FORM "a Macao identity card number looks like 1234567(8): seven digits starting " \
                   "with 1, 5 or 7 and one more digit, the brackets optional"
#define PERMIT_FORM "a Mainland Travel Permit number looks like H12345678: H (Hong Kong) or M " \
                    "(Macao) and 8 digits, sometimes 2 more"
#define RESIDENCE_FORM "a residence permit number has 18 characters and starts with 810000 " \
                       "(Hong Kong), 820000 (Macao) or 830000 (Taiwan)"
#define PASSPORT_FORM "a passport number has 5 to 20 letters and digits"

static const DocumentCase document_cases[] = {
  /* Hong Kong: one or two letters, brackets optional, any case, A for 10. */
  { RETRACT_ID_DOCUMENT_HK_ID, "A123456(3)", "A123456(3)", NULL },
  { RETRACT_ID_DOCUMENT_HK_ID, "A1234563", "A123456(3)", NULL },
  { RETRACT_ID_DOCUMENT_HK_ID, "a123456(3)", "A123456(3)", NULL },
  { RETRACT_ID_DOCUMENT_HK_ID, " A 123 456 ( 3 ) ", "A123456(3)", NULL },
  { RETRACT_ID_DOCUMENT_HK_ID, "Ａ１２３４５６（３）", "A123456(3)", NULL },
  { RETRACT_ID_DOCUMENT_HK_ID, "AB987654(3)", "AB987654(3)", NULL },
  { RETRACT_ID_DOCUMENT_HK_ID, "wx1234569", "WX123456(9)", NULL },
  { RETRACT_ID_DOCUMENT_HK_ID, "Z683365(A)", "Z683365(A)", NULL },
  { RETRACT_ID_DOCUMENT_HK_ID, "z683365a", "Z683365(A)", NULL },
  { RETRACT_ID_DOCUMENT_HK_ID, "K000000(0)", "K000000(0)", NULL },
  { RETRACT_ID_DOCUMENT_HK_ID, "A123456(4)", NULL, HK_CHECK },
  { RETRACT_ID_DOCUMENT_HK_ID, "Z683365(0)", NULL, HK_CHECK },
  { RETRACT_ID_DOCUMENT_HK_ID, "A123456(3", NULL, HK_FORM },
  { RETRACT_ID_DOCUMENT_HK_ID, "A123456)3(", NULL, HK_FORM },
  { RETRACT_ID_DOCUMENT_HK_ID, "A12345(3)", NULL, HK_FORM },
  { RETRACT_ID_DOCUMENT_HK_ID, "A1234567(3)", NULL, HK_FORM },
  { RETRACT_ID_DOCUMENT_HK_ID, "ABC123456(3)", NULL, HK_FORM },
  { RETRACT_ID_DOCUMENT_HK_ID, "1123456(3)", NULL, HK_FORM },
  { RETRACT_ID_DOCUMENT_HK_ID, "A123456(B)", NULL, HK_FORM },
  { RETRACT_ID_DOCUMENT_HK_ID, "A12345B(3)", NULL, HK_FORM },
  { RETRACT_ID_DOCUMENT_HK_ID, "11010519491231002X", NULL, HK_FORM },
  { RETRACT_ID_DOCUMENT_HK_ID, "", NULL, HK_FORM },
  { RETRACT_ID_DOCUMENT_HK_ID, "甲123456(3)", NULL, NULL },
  /* Macau: 7 digits starting 1, 5 or 7 and one more; format only. */
  { RETRACT_ID_DOCUMENT_MACAU_ID, "1234567(8)", "1234567(8)", NULL },
  { RETRACT_ID_DOCUMENT_MACAU_ID, "12345678", "1234567(8)", NULL },
  { RETRACT_ID_DOCUMENT_MACAU_ID, "5123456(0)", "5123456(0)", NULL },
  { RETRACT_ID_DOCUMENT_MACAU_ID, "7-123456-1", "7123456(1)", NULL },
  { RETRACT_ID_DOCUMENT_MACAU_ID, "2123456(0)", NULL, MACAU_FORM },
  { RETRACT_ID_DOCUMENT_MACAU_ID, "0123456(0)", NULL, MACAU_FORM },
  { RETRACT_ID_DOCUMENT_MACAU_ID, "123456(7)", NULL, MACAU_FORM },
  { RETRACT_ID_DOCUMENT_MACAU_ID, "12345678(9)", NULL, MACAU_FORM },
  { RETRACT_ID_DOCUMENT_MACAU_ID, "1234567(A)", NULL, MACAU_FORM },
  { RETRACT_ID_DOCUMENT_MACAU_ID, "A123456(3)", NULL, MACAU_FORM },
  /* The permit: H or M, 8 digits, optionally 2 more. */
  { RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT, "H12345678", "H12345678", NULL },
  { RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT, "m12345678", "M12345678", NULL },
  { RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT, "H1234567801", "H1234567801", NULL },
  { RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT, "H 1234 5678 01", "H1234567801", NULL },
  { RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT, "H123456789", NULL, PERMIT_FORM },
  { RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT, "H1234567", NULL, PERMIT_FORM },
  { RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT, "H123456780123", NULL, PERMIT_FORM },
  { RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT, "T12345678", NULL, PERMIT_FORM },
  { RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT, "12345678", NULL, PERMIT_FORM },
  { RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT, "H1234567A", NULL, PERMIT_FORM },
  /* The residence permit: 810000/820000/830000 and GB 11643. */
  { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "810000198811110025", "810000198811110025", NULL },
  { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "820000199912310006", "820000199912310006", NULL },
  /* Taiwan residents' permits (830000) with the GB 11643 check, though 83 is
   * no mainland province; and each prefix with a lower-case x. */
  { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "830000199001010012", "830000199001010012", NULL },
  { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "830000200002291237", "830000200002291237", NULL },
  { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "820000198808084569", "820000198808084569", NULL },
  { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "810000197503157898", "810000197503157898", NULL },
  { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "830000199001010013", NULL,
    "the check character does not match the other digits; one of them is probably mistyped" },
  { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "830000199002300012", NULL,
    "digits 7–14 are not a valid date of birth" },
  /* 83 is a permit's prefix, not a mainland card's. */
  { RETRACT_ID_DOCUMENT_MAINLAND_ID, "830000199001010012", NULL,
    "the first two digits are not a province code" },
  { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "810000198811110026", NULL,
    "the check character does not match the other digits; one of them is probably mistyped" },
  { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "11010519491231002X", NULL, RESIDENCE_FORM },
  { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "81000019881111002", NULL, RESIDENCE_FORM },
  { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "840000198811110025", NULL, RESIDENCE_FORM },
  { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "810000198813110025", NULL,
    "digits 7–14 are not a valid date of birth" },
  /* Passports: 5–20 letters and digits. */
  { RETRACT_ID_DOCUMENT_PASSPORT, "E12345678", "E12345678", NULL },
  { RETRACT_ID_DOCUMENT_PASSPORT, "k1234567", "K1234567", NULL },
  { RETRACT_ID_DOCUMENT_PASSPORT, "12345", "12345", NULL },
  { RETRACT_ID_DOCUMENT_PASSPORT, "ABCDEFGHIJ0123456789", "ABCDEFGHIJ0123456789", NULL },
  { RETRACT_ID_DOCUMENT_PASSPORT, "1234", NULL, PASSPORT_FORM },
  { RETRACT_ID_DOCUMENT_PASSPORT, "ABCDEFGHIJ01234567890", NULL, PASSPORT_FORM },
  { RETRACT_ID_DOCUMENT_PASSPORT, "E1234567(8)", NULL, PASSPORT_FORM },
  { RETRACT_ID_DOCUMENT_PASSPORT, "E12345678.", NULL, PASSPORT_FORM },
  { RETRACT_ID_DOCUMENT_PASSPORT, "护照12345", NULL,
    "a number of this document (Passport) has only letters, digits and brackets" },
  /* The mainland card, as retract_validate_id_number(). */
  { RETRACT_ID_DOCUMENT_MAINLAND_ID, "11010519491231002x", "11010519491231002X", NULL },
  /* Spaces of every kind between the groups. */
  { RETRACT_ID_DOCUMENT_MAINLAND_ID, "110105\u00a019491231\u00a0002X", "11010519491231002X",
    NULL },
  { RETRACT_ID_DOCUMENT_MAINLAND_ID, "110105\u300019491231\u3000002X", "11010519491231002X",
    NULL },
  { RETRACT_ID_DOCUMENT_MAINLAND_ID, "110105\t19491231\t002X", "11010519491231002X", NULL },
  { RETRACT_ID_DOCUMENT_HK_ID, "A\u00a0123456\u00a0(3)", "A123456(3)", NULL },
  { RETRACT_ID_DOCUMENT_HK_ID, "A123456\t(3)", "A123456(3)", NULL },
  { RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT, "H\u30001234\u30005678", "H12345678", NULL },
  { RETRACT_ID_DOCUMENT_PASSPORT, "E1234\u200b5678", "E12345678", NULL },
  { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "830000\u00a019900101\u00a00012",
    "830000199001010012", NULL },
  /* Still refused: other characters between the groups. */
  { RETRACT_ID_DOCUMENT_HK_ID, "A123456\u00a0(3)x", NULL, HK_FORM },
  { RETRACT_ID_DOCUMENT_MAINLAND_ID, "110105·19491231·002X", NULL, NULL },
  { RETRACT_ID_DOCUMENT_MAINLAND_ID, "A123456(3)", NULL,
    "a resident ID number has 18 characters, this one has 10" },
};

static void
test_document_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (document_cases); i++)
    {
      const DocumentCase *c = &document_cases[i];
      g_autofree char *normalized = NULL;
      g_autoptr(GError) error = NULL;
      gboolean valid;

      valid = retract_validate_id_document (c->type, c->text, NULL, &normalized, &error);
      if (c->normalized != NULL)
        {
          if (!valid)
            g_error ("%s “%s”: %s", retract_id_document_type_to_string (c->type), c->text,
                     error->message);
          g_assert_no_error (error);
          g_assert_cmpstr (normalized, ==, c->normalized);
          /* The normalized form is itself valid and unchanged. */
          g_clear_pointer (&normalized, g_free);
          g_assert_true (retract_validate_id_document (c->type, c->normalized, NULL,
                                                       &normalized, NULL));
          g_assert_cmpstr (normalized, ==, c->normalized);
        }
      else
        {
          if (valid)
            g_error ("%s “%s” was accepted", retract_id_document_type_to_string (c->type),
                     c->text);
          g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
          g_assert_null (normalized);
          if (c->message != NULL)
            g_assert_cmpstr (error->message, ==, c->message);
          /* The message shows a made-up example, never the number. */
          {
            g_autoptr(GString) message = g_string_new (error->message);

            g_string_replace (message, retract_id_document_type_example (c->type), "", 0);
            g_string_replace (message, "A123456(3)", "", 0);
            g_string_replace (message, "1234567(8)", "", 0);
            g_string_replace (message, "H12345678", "", 0);
            g_string_replace (message, "810000", "", 0);
            assert_not_echoed (message->str, c->text);
          }
        }
    }
}

/* The next character of the same kind: a digit for a digit, a letter for a
 * letter, so that only the check can tell. */
static char
next_of_kind (char c)
{
  if (g_ascii_isdigit (c))
    return c == '9' ? '0' : (char) (c + 1);
  return c == 'Z' ? 'A' : (char) (c + 1);
}

/* For a valid number, a change of any one letter or digit fails where the
 * rule says it must: everywhere for the Hong Kong card (check digit), the
 * residence permit and the mainland card; the Macau card and the permit have
 * no public check, so a digit changed elsewhere than in the prefix passes. */
static void
test_document_single_changes (void)
{
  static const struct
  {
    RetractIdDocumentType type;
    const char *number;
    gboolean    every_position_fails;
  } numbers[] = {
    { RETRACT_ID_DOCUMENT_HK_ID, "A123456(3)", TRUE },
    { RETRACT_ID_DOCUMENT_HK_ID, "AB987654(3)", TRUE },
    { RETRACT_ID_DOCUMENT_HK_ID, "Z683365(A)", TRUE },
    { RETRACT_ID_DOCUMENT_HK_ID, "K000000(0)", TRUE },
    { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "810000198811110025", TRUE },
    { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "820000199912310006", TRUE },
    { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "830000199001010012", TRUE },
    { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "830000200002291237", TRUE },
    { RETRACT_ID_DOCUMENT_MAINLAND_ID, "11010519491231002X", TRUE },
    { RETRACT_ID_DOCUMENT_MACAU_ID, "1234567(8)", FALSE },
    { RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT, "H1234567801", FALSE },
  };

  for (guint n = 0; n < G_N_ELEMENTS (numbers); n++)
    {
      const char *number = numbers[n].number;

      g_assert_true (retract_validate_id_document (numbers[n].type, number, NULL, NULL, NULL));

      for (gsize i = 0; number[i] != '\0'; i++)
        {
          g_autofree char *changed = g_strdup (number);
          gboolean valid;

          if (!g_ascii_isalnum (number[i]))
            continue;
          /* Every other check digit, including A (10) for Hong Kong. */
          if (numbers[n].type == RETRACT_ID_DOCUMENT_HK_ID && number[i + 1] == ')')
            {
              for (const char *other = "0123456789A"; *other != '\0'; other++)
                {
                  changed[i] = *other;
                  g_assert_cmpint (retract_validate_id_document (numbers[n].type, changed, NULL,
                                                                 NULL, NULL), ==,
                                   *other == number[i]);
                }
              continue;
            }

          changed[i] = number[i] == 'X' ? '0' : next_of_kind (number[i]);
          valid = retract_validate_id_document (numbers[n].type, changed, NULL, NULL, NULL);
          if (numbers[n].every_position_fails || i == 0)
            {
              if (valid)
                g_error ("%s: changing character %zu still passes",
                         retract_id_document_type_to_string (numbers[n].type), i + 1);
            }
          else if (!valid)
            {
              g_error ("%s: changing character %zu fails a rule that is format only",
                       retract_id_document_type_to_string (numbers[n].type), i + 1);
            }
        }
    }
}

/* The Hong Kong check digit against the reference, for random bodies of one
 * and two letters, and the one blind spot of mod 11 on a letter (a letter 11
 * places on, A and L, weighs the same). */
static void
test_hk_check_digit (void)
{
  for (guint n = 0; n < 2000; n++)
    {
      char body[9];
      guint letters = (guint) g_test_rand_int_range (1, 3);
      guint i = 0;
      g_autofree char *number = NULL;

      for (; i < letters; i++)
        body[i] = (char) ('A' + g_test_rand_int_range (0, 26));
      for (; i < letters + 6; i++)
        body[i] = (char) ('0' + g_test_rand_int_range (0, 10));
      body[i] = '\0';

      g_assert_cmpint (retract_hk_id_check_digit (body), ==, reference_hk_check (body));
      number = g_strdup_printf ("%s(%c)", body, reference_hk_check (body));
      g_assert_true (retract_validate_id_document (RETRACT_ID_DOCUMENT_HK_ID, number, NULL,
                                                   NULL, NULL));
    }

  g_assert_cmpint (retract_hk_id_check_digit ("A123456"), ==, '3');
  g_assert_cmpint (retract_hk_id_check_digit ("L123456"), ==, '3');
}

static void
test_document_future_birth (void)
{
  g_autoptr(GDateTime) today = g_date_time_new_utc (2026, 11, 24, 12, 0, 0);
  g_autofree char *future = make_id_number ("810000", "20301231", "002");
  g_autoptr(GError) error = NULL;

  g_assert_true (retract_validate_id_document (RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, future,
                                               NULL, NULL, NULL));
  g_assert_false (retract_validate_id_document (RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, future,
                                                today, NULL, &error));
  g_assert_cmpstr (error->message, ==, "the date of birth in digits 7–14 is in the future");
  g_clear_error (&error);
  g_assert_false (retract_validate_id_document (RETRACT_ID_DOCUMENT_MAINLAND_ID, "11010520300101001X",
                                                today, NULL, &error));
  g_assert_cmpstr (error->message, ==, "the date of birth in digits 7–14 is in the future");
}

static void
test_document_types (void)
{
  static const char * const ids[RETRACT_N_ID_DOCUMENT_TYPES] = {
    "mainland-id", "hk-id", "macau-id", "hk-macau-permit", "hkmt-residence-permit", "passport",
  };

  for (guint i = 0; i < RETRACT_N_ID_DOCUMENT_TYPES; i++)
    {
      RetractIdDocumentType type = RETRACT_N_ID_DOCUMENT_TYPES;
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (RETRACT_TYPE_ID_DOCUMENT_TYPE);

      g_assert_cmpstr (retract_id_document_type_to_string (i), ==, ids[i]);
      g_assert_true (retract_id_document_type_from_string (ids[i], &type));
      g_assert_cmpint (type, ==, i);
      g_assert_cmpstr (g_enum_get_value (enum_class, (int) i)->value_nick, ==, ids[i]);
      g_assert_nonnull (retract_id_document_type_label (i));
      g_assert_nonnull (retract_id_document_type_photo_hint (i));
      /* The example a placeholder shows passes its own rule. */
      g_assert_true (retract_validate_id_document (i, retract_id_document_type_example (i), NULL,
                                                   NULL, NULL));
    }

  g_assert_false (retract_id_document_type_from_string ("HK-ID", NULL));
  g_assert_false (retract_id_document_type_from_string ("", NULL));
  g_assert_false (retract_id_document_type_from_string ("id_number", NULL));
  g_assert_cmpstr (retract_id_document_type_label (RETRACT_ID_DOCUMENT_HK_ID), ==,
                   "Hong Kong identity card");
  g_assert_cmpstr (retract_id_document_type_photo_hint (RETRACT_ID_DOCUMENT_PASSPORT), ==,
                   "the passport's information page, the one with the photo");
}

static void
test_document_masks (void)
{
  static const struct
  {
    RetractIdDocumentType type;
    const char *number;
    const char *masked;
  } cases[] = {
    { RETRACT_ID_DOCUMENT_HK_ID, "A123456(3)", "A123***(3)" },
    { RETRACT_ID_DOCUMENT_HK_ID, "a1234563", "A123***(3)" },
    { RETRACT_ID_DOCUMENT_HK_ID, "AB987654(3)", "AB987***(3)" },
    { RETRACT_ID_DOCUMENT_MACAU_ID, "12345678", "12*****(8)" },
    { RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT, "H12345678", "H12****78" },
    { RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT, "H1234567801", "H12******01" },
    { RETRACT_ID_DOCUMENT_HKMT_RESIDENCE_PERMIT, "810000198811110025", "810000********0025" },
    { RETRACT_ID_DOCUMENT_PASSPORT, "E12345678", "E12****78" },
    { RETRACT_ID_DOCUMENT_PASSPORT, "12345", "1***5" },
    { RETRACT_ID_DOCUMENT_PASSPORT, "123456", "1****6" },
    /* A passport of 8 characters or fewer: its first 2 and last 1 at most. */
    { RETRACT_ID_DOCUMENT_PASSPORT, "k1234567", "K1*****7" },
    { RETRACT_ID_DOCUMENT_PASSPORT, "1234567", "12****7" },
    { RETRACT_ID_DOCUMENT_MAINLAND_ID, "11010519491231002x", "110105********002X" },
    /* Not valid for the type: its first 2 and last 1 at most, or nothing
     * when short, never more than a valid number shows. */
    { RETRACT_ID_DOCUMENT_HK_ID, "A123456(4)", "A1*******)" },
    { RETRACT_ID_DOCUMENT_HK_ID, "11010519491231002X", "11***************X" },
    { RETRACT_ID_DOCUMENT_MAINLAND_ID, "11010519491231002Y", "11***************Y" },
    { RETRACT_ID_DOCUMENT_MAINLAND_ID, "110105 1949 1231 0021", "11***************1" },
    { RETRACT_ID_DOCUMENT_PASSPORT, "E123456-78.", "E1*******." },
    { RETRACT_ID_DOCUMENT_PASSPORT, "1234", "****" },
    { RETRACT_ID_DOCUMENT_MACAU_ID, "2123456(0)", "21*******)" },
    { RETRACT_ID_DOCUMENT_HK_MACAU_PERMIT, "T1234567", "********" },
    { RETRACT_ID_DOCUMENT_PASSPORT, "护照一二三四五六七八", "护照*******八" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = retract_mask_id_document (cases[i].type, cases[i].number);

      g_assert_cmpstr (masked, ==, cases[i].masked);
    }
}

/* Unified social credit codes (GB 32100-2015) */

static const char credit_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* An independent check character: weights 3^i mod 31. */
static char
reference_credit_check (const char *first17)
{
  guint sum = 0;
  guint weights[17];

  weights[0] = 1;
  for (guint i = 1; i < 17; i++)
    weights[i] = weights[i - 1] * 3 % 31;
  g_assert_cmpuint (weights[16], ==, 28);

  for (guint i = 0; i < 17; i++)
    sum += (guint) (strchr (credit_alphabet, first17[i]) - credit_alphabet) * weights[i];

  return credit_alphabet[(31 - sum % 31) % 31];
}

/* Codes as companies publish them (Tencent's Shenzhen company and Huawei
 * Technologies among them), each checked against the algorithm above. */
static const char * const public_credit_codes[] = {
  "91440300708461136T", "914403001922038216", "91330100799655058B",
  "91110000802100433B", "91110108551385082Q", "9144030071526726XG",
};

static void
test_credit_code_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (public_credit_codes); i++)
    {
      const char *code = public_credit_codes[i];
      g_autofree char *lower = g_ascii_strdown (code, -1);
      g_autofree char *spaced = g_strdup_printf ("%.6s %.6s %s", code, code + 6, code + 12);
      g_autofree char *wide_spaced = g_strdup_printf ("%.6s\u00a0%.6s\u3000%.3s\t%s", code,
                                                      code + 6, code + 12, code + 15);
      g_autofree char *normalized = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (reference_credit_check (code), ==, code[17]);
      g_assert_cmpint (retract_credit_code_check_character (code), ==, code[17]);
      g_assert_true (retract_validate_credit_code (code, &normalized, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, code);
      g_clear_pointer (&normalized, g_free);
      g_assert_true (retract_validate_credit_code (lower, &normalized, NULL));
      g_assert_cmpstr (normalized, ==, code);
      g_assert_true (retract_validate_credit_code (spaced, NULL, NULL));
      g_clear_pointer (&normalized, g_free);
      g_assert_true (retract_validate_credit_code (wide_spaced, &normalized, NULL));
      g_assert_cmpstr (normalized, ==, code);
    }
}

/* Any one character changed, to any other of the 31, fails: 31 is prime and
 * no weight is 0 mod 31. */
static void
test_credit_code_single_changes (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (public_credit_codes); n++)
    for (guint i = 0; i < 18; i++)
      for (const char *other = credit_alphabet; *other != '\0'; other++)
        {
          g_autofree char *changed = g_strdup (public_credit_codes[n]);
          g_autoptr(GError) error = NULL;

          if (*other == changed[i])
            continue;
          changed[i] = *other;
          if (retract_validate_credit_code (changed, NULL, &error))
            g_error ("%s: character %u changed to %c still passes", public_credit_codes[n],
                     i + 1, *other);
          assert_not_echoed (error->message, changed);
        }
}

static void
test_credit_code_invalid (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "", "a unified social credit code has 18 letters and digits, such as 91440300708461136T" },
    { "91440300708461136", "a unified social credit code has 18 letters and digits, such as "
                           "91440300708461136T" },
    { "91440300708461136TT", "a unified social credit code has 18 letters and digits, such "
                             "as 91440300708461136T" },
    { "9144030070846113６T", NULL },
    { "91440300708461136I", "character 18 is not used in a unified social credit code (it "
                            "has no I, O, Z, S or V)" },
    { "9O440300708461136T", "character 2 is not used in a unified social credit code (it has "
                            "no I, O, Z, S or V)" },
    { "914A0300708461136T", "characters 3–8 of a unified social credit code are digits (the "
                            "region code); character 4 is not" },
    { "91440300708461136U", "the last character of the credit code does not match the others; "
                            "one of them is probably mistyped" },
    { "统一社会信用代码统一社会信用代码统一", "a unified social credit code has 18 letters and "
                                            "digits, such as 91440300708461136T" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      gboolean valid = retract_validate_credit_code (cases[i].text, &normalized, &error);

      if (cases[i].message == NULL)
        {
          /* A full-width digit is a digit. */
          g_assert_true (valid);
          continue;
        }
      g_assert_false (valid);
      g_assert_null (normalized);
      g_assert_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_phone_hong_kong_macau (void)
{
  static const struct
  {
    const char *text;
    gboolean    mainland_only_ok;
    gboolean    wide_ok;
    const char *normalized;
  } cases[] = {
    { "+86 138 0013 8000", TRUE, TRUE, "13800138000" },
    { "13800138000", TRUE, TRUE, "13800138000" },
    { "+852 9123 4567", FALSE, TRUE, "+85291234567" },
    { "+852 5123 4567", FALSE, TRUE, "+85251234567" },
    { "+853 6612 3456", FALSE, TRUE, "+85366123456" },
    { "+852 912 3456", FALSE, FALSE, NULL },
    { "+853 6612 34567", FALSE, FALSE, NULL },
    { "+85212345678", FALSE, FALSE, NULL },
    { "91234567", FALSE, FALSE, NULL },
    /* The spellings of issue 15 review: 00 for +, the code in brackets, a
     * no-break space; brackets anywhere else are still refused (here, as
     * the message itself names "(+852)"). */
    { "00852 9123 4567", FALSE, TRUE, "+85291234567" },
    { "(+852) 9123 4567", FALSE, TRUE, "+85291234567" },
    { "(+853)\u00a06612\u00a03456", FALSE, TRUE, "+85366123456" },
    { "9123 (+852) 4567", FALSE, FALSE, NULL },
    { "((+852)) 9123 4567", FALSE, FALSE, NULL },
    { "(+852) (9123) 4567", FALSE, FALSE, NULL },
    { "(+852) 9123 4567 (+852)", FALSE, FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = NULL;

      g_assert_cmpint (retract_validate_phone (cases[i].text, FALSE, NULL, NULL), ==,
                       cases[i].mainland_only_ok);
      g_assert_cmpint (retract_validate_phone (cases[i].text, TRUE, &normalized, NULL), ==,
                       cases[i].wide_ok);
      g_assert_cmpstr (normalized, ==, cases[i].normalized);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/retract/validators/id-number/check-digit/known", test_id_check_digit_known);
  g_test_add_func ("/retract/validators/id-number/check-digit/random",
                   test_id_check_digit_random);
  g_test_add_func ("/retract/validators/id-number/check-digit/not-digits",
                   test_id_check_digit_not_digits);
  g_test_add_func ("/retract/validators/id-number/valid", test_id_valid);
  g_test_add_func ("/retract/validators/id-number/normalized", test_id_normalized);
  g_test_add_func ("/retract/validators/id-number/single-digit-changes",
                   test_id_single_digit_changes);
  g_test_add_func ("/retract/validators/id-number/invalid", test_id_invalid);
  g_test_add_func ("/retract/validators/id-number/province", test_id_province);
  g_test_add_func ("/retract/validators/id-number/birth-date", test_id_birth_date);
  g_test_add_func ("/retract/validators/id-number/future-birth", test_id_future_birth);
  g_test_add_func ("/retract/validators/phone", test_phone);
  g_test_add_func ("/retract/validators/phone/hong-kong-macau", test_phone_hong_kong_macau);
  g_test_add_func ("/retract/validators/id-document/cases", test_document_cases);
  g_test_add_func ("/retract/validators/id-document/single-changes",
                   test_document_single_changes);
  g_test_add_func ("/retract/validators/id-document/hk-check-digit", test_hk_check_digit);
  g_test_add_func ("/retract/validators/id-document/future-birth", test_document_future_birth);
  g_test_add_func ("/retract/validators/id-document/types", test_document_types);
  g_test_add_func ("/retract/validators/id-document/masks", test_document_masks);
  g_test_add_func ("/retract/validators/credit-code/valid", test_credit_code_valid);
  g_test_add_func ("/retract/validators/credit-code/single-changes",
                   test_credit_code_single_changes);
  g_test_add_func ("/retract/validators/credit-code/invalid", test_credit_code_invalid);
  g_test_add_func ("/retract/validators/wechat-id", test_wechat_id);
  g_test_add_func ("/retract/validators/complaint-number", test_complaint_number);
  g_test_add_func ("/retract/validators/text/length", test_text_length);
  g_test_add_func ("/retract/validators/text/control", test_text_control);
  g_test_add_func ("/retract/validators/text/invalid-utf8", test_text_invalid_utf8);
  g_test_add_func ("/retract/validators/text/characters", test_characters);
  g_test_add_func ("/retract/validators/text/filter", test_filter_characters);
  g_test_add_func ("/retract/validators/https-url", test_https_url);
  g_test_add_func ("/retract/validators/mask-id-number", test_mask_id_number);
  /* Last, as a failure here stops the run. */
  g_test_add_func ("/retract/validators/full-width/phone", test_phone_full_width);
  g_test_add_func ("/retract/validators/full-width/id-number", test_id_full_width);
  g_test_add_func ("/retract/validators/full-width/mask", test_mask_full_width);
  g_test_add_func ("/retract/validators/text/plural", test_text_plural);

  return g_test_run ();
}
