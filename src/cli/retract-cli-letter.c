/* SPDX-License-Identifier: GPL-3.0-or-later */

/* retract-cli letter: the appeal documents for a saved case. */

#define G_LOG_DOMAIN "retract-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "retract-assessment.h"
#include "retract-case.h"
#include "retract-cli-private.h"
#include "retract-fact-sheet.h"
#include "retract-file.h"
#include "retract-letter-renderer.h"
#include "retract-reminders.h"

static const char * const letter_formats[] = {
  "pdf", "txt", "ticket", "phone", "appeal", "ics", NULL
};

static GBytes *
build_document (RetractAssessment *assessment,
                RetractCase       *kase,
                const char        *format,
                gboolean           fact_sheet,
                RetractLanguage    language,
                RetractLetterFlags flags,
                GDateTime         *created,
                gboolean          *chose_fact_sheet,
                GError           **error)
{
  g_autoptr(RetractLetter) letter = NULL;
  char *text = NULL;

  /* Reminders carry deadlines only, so they need no letter details. */
  if (g_str_equal (format, "ics"))
    {
      text = retract_reminders_build_ics (assessment, created, language, error);
      return text != NULL ? g_bytes_new_take (text, strlen (text)) : NULL;
    }

  /* Asked for, the fact sheet is refused for a case that has a letter; a
   * document to print is the one the case has (the core chooses, as for the
   * app); the texts to paste are the letter's. */
  if (fact_sheet)
    letter = retract_fact_sheet_new (assessment, kase, language, flags, error);
  else if (g_str_equal (format, "pdf") || g_str_equal (format, "txt"))
    letter = retract_fact_sheet_or_letter_new (assessment, kase, language, flags, error);
  else
    letter = retract_letter_new (assessment, kase, language, flags, error);
  if (letter == NULL)
    return NULL;
  *chose_fact_sheet = !fact_sheet &&
                      retract_letter_get_kind (letter) == RETRACT_LETTER_KIND_FACT_SHEET;

  if (g_str_equal (format, "pdf"))
    {
      g_autoptr(RetractLetterRenderer) renderer =
        retract_letter_renderer_new (letter, RETRACT_A4_WIDTH, RETRACT_A4_HEIGHT);

      return retract_letter_renderer_render_pdf (renderer, created, FALSE, error);
    }

  if (g_str_equal (format, "txt"))
    text = retract_letter_to_text (letter);
  else if (g_str_equal (format, "ticket"))
    text = retract_letter_build_ticket (letter, NULL);
  else if (g_str_equal (format, "phone"))
    text = retract_letter_build_phone_script (letter);
  else
    {
      char *message = retract_letter_build_appeal_message (letter);

      text = g_strconcat (message, "\n", NULL);
      g_free (message);
    }

  return g_bytes_new_take (text, strlen (text));
}

int
retract_cli_letter (int    argc,
                    char **argv)
{
  g_auto(RetractCliRules) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = NULL;
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(RetractAssessment) assessment = NULL;
  g_autoptr(GBytes) document = NULL;
  g_autofree char *case_path = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  gboolean show_full_id = FALSE;
  gboolean fact_sheet = FALSE;
  gboolean chose_fact_sheet = FALSE;
  RetractLanguage language;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_FILENAME, &case_path, N_("The saved case file"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("pdf, txt, ticket, phone, appeal or ics"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write it; “-” for standard output"), N_("FILE") },
    RETRACT_CLI_NOW_OPTION (options, N_("Assess and date the document at this time")),
    { "show-full-id", 0, 0, G_OPTION_ARG_NONE, &show_full_id,
      N_("Print the ID number in full instead of masked"), NULL },
    { "fact-sheet", 0, 0, G_OPTION_ARG_NONE, &fact_sheet,
      N_("The one-page fact sheet for the lawyer (judicial cases; pdf or txt)"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &options.lang,
      N_("zh_CN (default, the one to send), or zh_HK or en (a copy to read)"), N_("LANG") },
    RETRACT_CLI_RULES_OPTION (options),
    { NULL }
  };

  if (!retract_cli_parse (_("— write the appeal documents for a case"), NULL, entries,
                          &argc, &argv, &status))
    return status;

  if (case_path == NULL || format == NULL || output == NULL)
    {
      g_printerr (_("letter needs --case FILE, --format FORMAT and --output FILE.\n"));
      return EXIT_BAD_INPUT;
    }
  if (!g_strv_contains (letter_formats, format))
    {
      g_printerr (_("--format: unknown format “%s”; valid values: pdf, txt, ticket, phone, "
                    "appeal, ics\n"), format);
      return EXIT_BAD_INPUT;
    }

  if (fact_sheet && !g_str_equal (format, "pdf") && !g_str_equal (format, "txt"))
    {
      g_printerr (_("--fact-sheet: only with --format pdf or txt\n"));
      return EXIT_BAD_INPUT;
    }

  /* The letter to send is Chinese whatever the locale; English is a copy to read. */
  language = RETRACT_LANGUAGE_ZH_CN;
  if (options.lang != NULL && !retract_language_from_string (options.lang, &language))
    {
      g_printerr (_("--lang: unknown language “%s”; valid values: zh_CN, zh_HK, en\n"), options.lang);
      return EXIT_BAD_INPUT;
    }

  rules = retract_cli_load_rules (options.rules_path, &error);
  if (rules == NULL)
    return retract_cli_report_error (error);

  options.now = retract_cli_parse_now (options.now_text, &error);
  if (options.now == NULL)
    return retract_cli_report_error (error);

  kase = retract_case_new_from_file (case_path, &error);
  if (kase == NULL)
    return retract_cli_report_error (error);

  assessment = retract_assessment_new (rules, kase, options.now, &error);
  if (assessment == NULL)
    return retract_cli_report_error (error);

  document = build_document (assessment, kase, format, fact_sheet, language,
                             show_full_id ? RETRACT_LETTER_SHOW_FULL_ID : 0, options.now,
                             &chose_fact_sheet, &error);
  if (document == NULL)
    return retract_cli_report_error (error);
  /* A complaint under judicial investigation has no letter to send: its
   * document is the lawyer's fact sheet (§5). */
  if (chose_fact_sheet)
    g_printerr (_("Under judicial investigation the route is a lawyer's letter to the court: "
                  "this is the fact sheet for the lawyer, not a withdrawal letter.\n"));

  /* Every write is checked: a full disk is a failure, not a short file. */
  if (g_str_equal (output, "-"))
    {
      gsize length;
      const char *data = g_bytes_get_data (document, &length);

      if (fflush (stdout) != 0 ||
          !retract_file_write_fd (STDOUT_FILENO, _("standard output"), data, length, &error))
        {
          if (error == NULL)
            g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno),
                         /* Translators: a system message follows */
                         _("Could not write standard output: %s"), g_strerror (errno));
          return retract_cli_report_error (error);
        }
      return EXIT_OK;
    }

  /* Only a regular file is replaced: a device, a FIFO or a folder is
   * refused (exit 2); a link to a regular file replaces that file. */
  if (!retract_write_file_atomically (output, document, &error))
    return retract_cli_report_error (error);

  if (g_str_equal (format, "appeal"))
    g_printerr (_("Send it to the “WeChat Team” account; at most 2 a day.\n"));

  return EXIT_OK;
}
