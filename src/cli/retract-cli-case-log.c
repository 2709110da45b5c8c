/* SPDX-License-Identifier: GPL-3.0-or-later */

/* retract-cli case log: adds one event to a saved case's timeline (a
 * submission, a reply, a resolution, …), checked as the app checks it, and
 * prints the event (see retract-cli-case.c for the other case commands). */

#define G_LOG_DOMAIN "retract-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-cli-private.h"
#include "retract-error.h"
#include "retract-file.h"
#include "retract-json-case.h"
#include "retract-store.h"

/* The option each part of an event comes from, by RetractEventError code. */
static const char * const event_options[] = {
  [RETRACT_EVENT_ERROR_KIND] = "--event",
  [RETRACT_EVENT_ERROR_CHANNEL] = "--channel",
  [RETRACT_EVENT_ERROR_AT] = "--at",
  [RETRACT_EVENT_ERROR_OUTCOME] = "--outcome",
  [RETRACT_EVENT_ERROR_REFERENCE] = "--reference",
  [RETRACT_EVENT_ERROR_NOTE] = "--note",
};

static char *
list_words (const char *(*to_id) (guint),
            guint        first,
            guint        n)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = first; i < n; i++)
    {
      if (words->len > 0)
        g_string_append (words, ", ");
      g_string_append (words, to_id (i));
    }

  return g_string_free (g_steal_pointer (&words), FALSE);
}

static const char *
kind_word (guint kind)
{
  return retract_event_kind_to_id (kind);
}

static const char *
outcome_word (guint outcome)
{
  return retract_event_outcome_to_id (outcome);
}

int
retract_cli_case_log (int    argc,
                      char **argv)
{
  g_auto(RetractCliRules) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_auto(RetractCliSavedCase) saved = { 0 };
  g_autoptr(RetractCaseEvent) event = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *at_text = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *outcome_text = NULL;
  g_autofree char *note = NULL;
  RetractEventKind kind;
  RetractEventOutcome outcome = RETRACT_OUTCOME_NONE;
  const char *id = NULL;
  gboolean json = FALSE;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("submitted, reply, resolved, abandoned, reopened or note"), N_("EVENT") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text,
      N_("When it happened; without an offset, Beijing time"), N_("TIME") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel,
      N_("The channel of a submission, e.g. web-ticket"), N_("CHANNEL") },
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome_text,
      N_("The outcome of a reply: withdrawn, refused, more-materials or other"),
      N_("OUTCOME") },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("A reference such as the ticket number"), N_("TEXT") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note,
      N_("A note of your own"), N_("TEXT") },
    RETRACT_CLI_NOW_OPTION (options, N_("Check the event's time against this time instead of "
                                        "the current time")),
    RETRACT_CLI_JSON_OPTION (json),
    RETRACT_CLI_LANG_OPTION (options),
    RETRACT_CLI_RULES_OPTION (options),
    { NULL }
  };

  if (!retract_cli_parse_with_argument (_("ID — add an event to a case's timeline"),
                                        _("A submission needs --channel, a reply --outcome; "
                                          "every event needs --at.\nAn event may not be dated "
                                          "before the complaint was filed, nor more than 5 "
                                          "minutes after now."),
                                        entries, "ID", &argc, &argv, &id, &status))
    return status;

  if (!retract_cli_rules_load_now (&options, &status))
    return status;

  if (kind_text == NULL || !retract_event_kind_from_id (kind_text, &kind))
    {
      g_autofree char *valid = list_words (kind_word, 0, RETRACT_N_EVENT_KINDS);
      g_autofree char *shown = kind_text != NULL ? retract_file_display_name (kind_text) : NULL;

      if (shown == NULL)
        g_printerr (_("--event: not given; one of: %s\n"), valid);
      else
        g_printerr (_("--event: unknown event “%1$s”; valid values: %2$s\n"), shown, valid);
      return EXIT_BAD_INPUT;
    }

  if (outcome_text != NULL && !retract_event_outcome_from_id (outcome_text, &outcome))
    {
      g_autofree char *valid = list_words (outcome_word, RETRACT_OUTCOME_NONE + 1,
                                           RETRACT_N_EVENT_OUTCOMES);
      g_autofree char *shown = retract_file_display_name (outcome_text);

      g_printerr (_("--outcome: unknown outcome “%1$s”; valid values: %2$s\n"), shown, valid);
      return EXIT_BAD_INPUT;
    }

  if (at_text == NULL)
    {
      g_printerr (_("--at: not given; use --at TIME\n"));
      return EXIT_BAD_INPUT;
    }
  at = retract_cli_parse_time ("--at", at_text, &error);
  if (at == NULL)
    return retract_cli_report_error (error);

  if (!retract_cli_open_saved_case (&saved, id, &status))
    return status;

  event = retract_case_event_new (kind, at);
  event->outcome = outcome;
  retract_case_event_set_text (event, &event->channel, channel);
  retract_case_event_set_text (event, &event->reference, reference);
  retract_case_event_set_text (event, &event->note, note);

  if (!retract_case_check_event (saved.kase, event, options.rules, options.now, &error))
    {
      if (error->domain == RETRACT_EVENT_ERROR && error->code >= 0 &&
          (guint) error->code < G_N_ELEMENTS (event_options))
        g_printerr ("%s: %s\n", event_options[error->code], error->message);
      else
        g_printerr ("%s\n", error->message);
      return EXIT_BAD_INPUT;
    }

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", retract_case_get_id (saved.kase));
      json_object_set_member (object, "event", retract_case_event_to_json (event));
      json_node_take_object (root, object);

      retract_case_add_event (saved.kase, g_steal_pointer (&event));
      if (!retract_store_save_case (saved.store, saved.kase, &error))
        return retract_cli_report_store_error (error, id);
      retract_cli_print_json (root);
    }
  else
    {
      retract_case_add_event (saved.kase, g_steal_pointer (&event));
      if (!retract_store_save_case (saved.store, saved.kase, &error))
        return retract_cli_report_store_error (error, id);
    }

  return EXIT_OK;
}
