/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The review page's documents taken away: exported as PDF or text (written
 * in a worker thread), printed, copied as a ticket or an appeal message, and
 * the calendar of reminders. */

#define G_LOG_DOMAIN "retract-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-choose-file.h"
#include "retract-letter-print.h"
#include "retract-letter-renderer.h"
#include "retract-reminders.h"
#include "retract-review-page-private.h"

typedef enum
{
  EXPORT_PDF,
  EXPORT_TEXT,
  EXPORT_REMINDERS,
} ExportKind;

static GBytes *
build_export (RetractReviewPage *self,
              ExportKind         kind,
              GError           **error)
{
  g_autoptr(GDateTime) now = g_date_time_ref (retract_assessment_get_now (self->assessment));
  char *text;

  switch (kind)
    {
    case EXPORT_PDF:
      /* The letter changed while the file was being chosen, and its layout is
       * not done yet: the user is waiting for the file anyway. */
      if (self->renderer == NULL && self->letter != NULL)
        {
          g_autoptr(RetractLetterRenderer) renderer =
            retract_letter_renderer_new (self->letter, RETRACT_A4_WIDTH, RETRACT_A4_HEIGHT);

          return retract_letter_renderer_render_pdf (renderer, NULL,
                                                     gtk_switch_get_active (self->author_switch),
                                                     error);
        }
      return retract_letter_renderer_render_pdf (self->renderer, NULL,
                                                 gtk_switch_get_active (self->author_switch),
                                                 error);
    case EXPORT_TEXT:
      text = retract_letter_to_text (self->letter);
      return g_bytes_new_take (text, strlen (text));
    case EXPORT_REMINDERS:
    default:
      /* In the interface's language: the reminders are for the user, not
       * the letter's reader (whichever copy of the letter is shown). */
      text = retract_reminders_build_ics (self->assessment, now,
                                          retract_page_get_language (RETRACT_PAGE (self)),
                                          error);
      return text != NULL ? g_bytes_new_take (text, strlen (text)) : NULL;
    }
}

/* The file is chosen: the document is built as it is now, and written. */
static void
export_chosen (GtkWidget  *owner,
               const char *path,
               gpointer    data)
{
  RetractReviewPage *self = RETRACT_REVIEW_PAGE (owner);
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;

  contents = build_export (self, GPOINTER_TO_INT (data), &error);
  if (contents == NULL)
    retract_show_save_error (owner, error);
  else
    retract_write_chosen_file (owner, path, contents);
}

/* Default names say what the file is, never whose it is, in the language of
 * what it holds: the document's (the letter to send in Simplified Chinese,
 * the copy to read in Traditional Chinese or English), the interface's for
 * the reminders. The Traditional names come from retract-hant-phrases.h. */
static char *
default_name (RetractReviewPage *self,
              ExportKind         kind)
{
  g_autofree char *date = g_date_time_format (retract_assessment_get_now (self->assessment),
                                              "%Y-%m-%d");
  RetractLanguage language = kind == EXPORT_REMINDERS || self->letter == NULL
                             ? retract_page_get_language (RETRACT_PAGE (self))
                             : retract_letter_get_language (self->letter);
  gboolean english = language == RETRACT_LANGUAGE_EN;
  const char *what;

  if (kind == EXPORT_REMINDERS)
    what = english ? "deadlines" : "误投诉撤销期限";
  else if (self->fact_sheet)
    what = english ? "fact-sheet-for-lawyer" : "律师用事实摘要";
  else
    what = english ? "appeal-letter" : "误投诉撤销申请书";

  return g_strdup_printf ("%s-%s.%s", retract_text_chinese_phrase (language, what), date,
                          kind == EXPORT_PDF ? "pdf" : kind == EXPORT_TEXT ? "txt" : "ics");
}

static void
review_export (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RetractReviewPage *self = RETRACT_REVIEW_PAGE (widget);
  ExportKind kind = g_str_equal (action_name, "review.export-pdf") ? EXPORT_PDF
                    : g_str_equal (action_name, "review.export-text") ? EXPORT_TEXT
                    : EXPORT_REMINDERS;
  g_autofree char *name = default_name (self, kind);
  RetractFileQuestion question = {
    kind == EXPORT_REMINDERS ? _("Save Reminders")
    : self->fact_sheet ? _("Export the Fact Sheet") : _("Export the Letter"),
    GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), name, NULL
  };

  /* GTK 4 file choosers always confirm before replacing a file. */
  retract_choose_file (&self->chooser, widget, &question, export_chosen, GINT_TO_POINTER (kind));
}

static void
review_copy (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RetractReviewPage *self = RETRACT_REVIEW_PAGE (widget);
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (g_str_equal (action_name, "review.copy-ticket"))
    {
      guint n_chars = 0;

      text = retract_letter_build_ticket (self->letter, &n_chars);
      /* Translators: %u is the number of characters copied */
      message = g_strdup_printf (ngettext ("Ticket text copied (%u character)",
                                           "Ticket text copied (%u characters)", n_chars),
                                 n_chars);
    }
  else
    {
      text = retract_letter_build_appeal_message (self->letter);
      message = g_strdup (_("Appeal message copied: send it to “WeChat Team”, at most twice a day"));
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  gtk_widget_activate_action (widget, "win.show-toast", "s", message);
}

static void
review_print (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RetractReviewPage *self = RETRACT_REVIEW_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->renderer == NULL)
    return;

  operation = retract_letter_print_operation_new (self->renderer,
                                                  retract_letter_get_title (self->letter));

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      gtk_widget_activate_action (widget, "win.show-toast", "s", message);
    }
}

void
_retract_review_page_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "review.export-pdf", NULL, review_export);
  gtk_widget_class_install_action (widget_class, "review.export-text", NULL, review_export);
  gtk_widget_class_install_action (widget_class, "review.save-reminders", NULL, review_export);
  gtk_widget_class_install_action (widget_class, "review.print", NULL, review_print);
  gtk_widget_class_install_action (widget_class, "review.copy-ticket", NULL, review_copy);
  gtk_widget_class_install_action (widget_class, "review.copy-appeal", NULL, review_copy);
}

char *
retract_review_page_build_reminders (RetractReviewPage  *self,
                                     GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RETRACT_IS_REVIEW_PAGE (self), NULL);
  g_return_val_if_fail (self->assessment != NULL, NULL);

  bytes = build_export (self, EXPORT_REMINDERS, error);
  return bytes != NULL ? g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes))
                       : NULL;
}
