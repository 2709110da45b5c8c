/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The appeal letter as a document model: titled blocks composed from the case
 * and its assessment, in Chinese (the one to send) or English (to read).
 * Text, PDF, print and preview all render the same blocks. This file holds
 * the object, its blocks, footer and plain text; what the letter says is
 * composed in retract-letter-compose.c, and the shorter texts each channel
 * needs (web ticket, phone script, appeal message) in retract-letter-texts.c. */

#define G_LOG_DOMAIN "retract-letter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "retract-error.h"
#include "retract-letter-private.h"
#include "retract-time.h"

G_DEFINE_FINAL_TYPE (RetractLetter, retract_letter, G_TYPE_OBJECT)

#define PHRASE RETRACT_LETTER_PHRASE

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

void
retract_letter_add_field (RetractLetter *self,
                          const char    *label,
                          const char    *value)
{
  if (value != NULL)
    add_block (self, RETRACT_BLOCK_FIELD, label, value);
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
    retract_letter_compose (self, kase, (flags & RETRACT_LETTER_SHOW_FULL_ID) != 0);

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
