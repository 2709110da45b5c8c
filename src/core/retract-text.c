/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "retract-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "retract-error.h"
#include "retract-hant-phrases.h"
#include "retract-json-document.h"
#include "retract-text.h"
#include "retract-validators.h"

/**
 * retract_text_get:
 *
 * Returns: (transfer none): the text in @language, falling back to the
 *   other language when a translation is missing, or "" when neither is set;
 *   %RETRACT_LANGUAGE_ZH_HK falls back to the Simplified text, then English
 */
const char *
retract_text_get (const RetractText *text,
                  RetractLanguage    language)
{
  const char *wanted;
  const char *other;

  g_return_val_if_fail (text != NULL, "");

  if (language == RETRACT_LANGUAGE_ZH_HK && text->zh_HK != NULL && *text->zh_HK != '\0')
    return text->zh_HK;

  wanted = language == RETRACT_LANGUAGE_EN ? text->en : text->zh_CN;
  other = language == RETRACT_LANGUAGE_EN ? text->zh_CN : text->en;

  if (wanted != NULL && *wanted != '\0')
    return wanted;
  if (other != NULL)
    return other;
  return "";
}

gboolean
retract_text_is_set (const RetractText *text)
{
  return text != NULL && text->zh_CN != NULL && text->en != NULL;
}

void
retract_text_clear (RetractText *text)
{
  g_clear_pointer (&text->zh_CN, g_free);
  g_clear_pointer (&text->en, g_free);
  g_clear_pointer (&text->zh_HK, g_free);
}

/* Where a walk is in the tree; the path is only spelled out for a message. */
typedef struct _PathSegment PathSegment;
struct _PathSegment
{
  const PathSegment *parent;
  const char        *key;   /* NULL for an array element */
  guint              index;
};

static char *
path_to_string (const PathSegment *segment)
{
  g_autofree char *parent = NULL;

  if (segment == NULL)
    return g_strdup ("$");

  parent = path_to_string (segment->parent);
  return segment->key != NULL ? retract_json_path_member (parent, segment->key)
                              : retract_json_path_element (parent, segment->index);
}

static gboolean
check_string (RetractJsonDocument *doc,
              const char          *text,
              const PathSegment   *segment,
              const char * const  *multiline_paths,
              gboolean             is_key,
              GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  gboolean multiline;

  if (retract_validate_characters (text, FALSE, NULL))
    return TRUE;

  /* Rare: only now is the path needed. */
  path = path_to_string (segment);
  multiline = !is_key && multiline_paths != NULL && g_strv_contains (multiline_paths, path);
  if (multiline && retract_validate_characters (text, TRUE, NULL))
    return TRUE;

  retract_validate_characters (text, multiline, &local_error);
  if (is_key)
    retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path,
                                     /* Translators: %s says what is wrong, such as "contains
                                      * a control character (U+001B)" */
                                     _("the member name %s"), local_error->message);
  else
    retract_json_document_set_error (doc, error, RETRACT_DATA_ERROR_BAD_VALUE, path, "%s",
                                     local_error->message);
  return FALSE;
}

static gboolean
check_node (RetractJsonDocument *doc,
            JsonNode            *node,
            const PathSegment   *segment,
            const char * const  *multiline_paths,
            GError             **error)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;

        json_object_iter_init (&iter, object);
        while (json_object_iter_next (&iter, &key, &member))
          {
            PathSegment child = { segment, key, 0 };

            if (!check_string (doc, key, &child, multiline_paths, TRUE, error) ||
                !check_node (doc, member, &child, multiline_paths, error))
              return FALSE;
          }
      }
      return TRUE;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint length = json_array_get_length (array);

        for (guint i = 0; i < length; i++)
          {
            PathSegment child = { segment, NULL, i };

            if (!check_node (doc, json_array_get_element (array, i), &child, multiline_paths,
                             error))
              return FALSE;
          }
      }
      return TRUE;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return check_string (doc, json_node_get_string (node), segment, multiline_paths, FALSE,
                             error);
      return TRUE;

    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

/**
 * retract_text_check_document:
 * @doc: a dataset or case document
 * @multiline_paths: (nullable) (array zero-terminated=1): the paths (such as
 *   "$.narrative") of strings that may hold several lines
 * @error: `file:line:col: $.path: reason`, naming the code point
 *
 * Checks every string and member name in @doc with
 * retract_validate_characters(): no control, separator or bidi character
 * reaches a page, a terminal or a letter. Run it before reading the records,
 * so no other message repeats such a character.
 *
 * Returns: %TRUE if every text in @doc is allowed
 */
gboolean
retract_text_check_document (RetractJsonDocument *doc,
                             const char * const  *multiline_paths,
                             GError             **error)
{
  g_return_val_if_fail (doc != NULL, FALSE);

  return check_node (doc, retract_json_document_get_root (doc), NULL, multiline_paths, error);
}

/**
 * retract_language_default:
 *
 * The language of dataset texts for this process: Chinese when the user's
 * preferred languages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) start with a
 * Chinese one, English otherwise. Hong Kong, Macau and Taiwan write
 * Traditional characters: zh_HK, zh_MO and zh_TW (and zh_Hant) read the
 * zh_HK texts, as gettext reads zh_HK.po for them (po/LINGUAS has zh_TW and
 * zh_MO as copies of it).
 */
RetractLanguage
retract_language_default (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "zh_HK") || g_str_has_prefix (names[i], "zh_TW") ||
          g_str_has_prefix (names[i], "zh_MO") || g_str_has_prefix (names[i], "zh_Hant"))
        return RETRACT_LANGUAGE_ZH_HK;
      if (g_str_has_prefix (names[i], "zh"))
        return RETRACT_LANGUAGE_ZH_CN;
      if (g_str_has_prefix (names[i], "en"))
        return RETRACT_LANGUAGE_EN;
    }

  return RETRACT_LANGUAGE_EN;
}

gboolean
retract_language_from_string (const char      *name,
                              RetractLanguage *language)
{
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_str_equal (name, "zh_CN") || g_str_equal (name, "zh"))
    *language = RETRACT_LANGUAGE_ZH_CN;
  else if (g_str_equal (name, "zh_HK") || g_str_equal (name, "zh_TW"))
    *language = RETRACT_LANGUAGE_ZH_HK;
  else if (g_str_equal (name, "en"))
    *language = RETRACT_LANGUAGE_EN;
  else
    return FALSE;

  return TRUE;
}

const char *
retract_language_to_string (RetractLanguage language)
{
  switch (language)
    {
    case RETRACT_LANGUAGE_ZH_CN:
      return "zh_CN";
    case RETRACT_LANGUAGE_ZH_HK:
      return "zh_HK";
    case RETRACT_LANGUAGE_EN:
    default:
      return "en";
    }
}

static gpointer
build_hant_table (gpointer data)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (gsize i = 0; i < G_N_ELEMENTS (retract_hant_phrases); i++)
    g_hash_table_insert (table, (gpointer) retract_hant_phrases[i].zh_CN,
                         (gpointer) retract_hant_phrases[i].zh_HK);
  return table;
}

/**
 * retract_text_chinese_phrase:
 * @zh_CN: one of the core's fixed Chinese sentences (a literal in
 *   retract-next-step-text.c or retract-letter.c), possibly a format
 *
 * The core writes its sentences in Simplified Chinese in the code, like the
 * letter that goes to a mainland company. For %RETRACT_LANGUAGE_ZH_HK this
 * gives the sentence's Traditional form from retract-hant-phrases.h (made
 * by build-aux/make-zh-hk.py, so the build needs no converter).
 *
 * Returns: (transfer none): the Traditional form for
 *   %RETRACT_LANGUAGE_ZH_HK when the table has one, else @zh_CN
 */
const char *
retract_text_chinese_phrase (RetractLanguage  language,
                             const char      *zh_CN)
{
  static GOnce once = G_ONCE_INIT;
  const char *zh_HK;

  if (language != RETRACT_LANGUAGE_ZH_HK)
    return zh_CN;

  g_once (&once, build_hant_table, NULL);
  zh_HK = g_hash_table_lookup (once.retval, zh_CN);
  return zh_HK != NULL ? zh_HK : zh_CN;
}

/* Whether a line may break next to @c without a dictionary: spaces, CJK
 * ideographs and kana, Hangul, hyphens (UAX #14 classes). */
static gboolean
breaks_near (gunichar c)
{
  GUnicodeBreakType type = g_unichar_break_type (c);

  return type == G_UNICODE_BREAK_SPACE || type == G_UNICODE_BREAK_ZERO_WIDTH_SPACE ||
         type == G_UNICODE_BREAK_MANDATORY || type == G_UNICODE_BREAK_LINE_FEED ||
         type == G_UNICODE_BREAK_CARRIAGE_RETURN || type == G_UNICODE_BREAK_NEXT_LINE ||
         type == G_UNICODE_BREAK_IDEOGRAPHIC ||
         type == G_UNICODE_BREAK_CONDITIONAL_JAPANESE_STARTER ||
         type == G_UNICODE_BREAK_HANGUL_L_JAMO || type == G_UNICODE_BREAK_HANGUL_V_JAMO ||
         type == G_UNICODE_BREAK_HANGUL_T_JAMO || type == G_UNICODE_BREAK_HANGUL_LV_SYLLABLE ||
         type == G_UNICODE_BREAK_HANGUL_LVT_SYLLABLE || type == G_UNICODE_BREAK_HYPHEN ||
         type == G_UNICODE_BREAK_AFTER || type == G_UNICODE_BREAK_BEFORE ||
         type == G_UNICODE_BREAK_BEFORE_AND_AFTER;
}

/**
 * retract_text_has_unbroken_run:
 * @text: UTF-8 text
 * @limit: the longest run that is still fine, in characters
 *
 * Whether @text has a run of more than @limit characters with no place to
 * break a line between them (a word of 100 000 letters, digits, or a script
 * that Pango breaks only with a dictionary). Pango lays such a run out in
 * time that grows with the square of its length when it wraps by words, so
 * an editor switches to wrapping by characters for it. Linear and cheap: a
 * character at a time, no Pango.
 *
 * Returns: %TRUE when such a run is there
 */
gboolean
retract_text_has_unbroken_run (const char *text,
                               guint       limit)
{
  guint run = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      /* Latin punctuation such as "." or "/" breaks only sometimes: count it
       * as part of the run, so a long URL wraps by character too. */
      if (c < 0x80 ? (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-')
                   : breaks_near (c))
        run = 0;
      else if (++run > limit)
        return TRUE;
    }

  return FALSE;
}
