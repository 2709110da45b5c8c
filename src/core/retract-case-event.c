/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One entry of a case's timeline, the words it is saved and printed with,
 * and the one rule for what an event may say. */

#define G_LOG_DOMAIN "retract-case-event"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "retract-case-event.h"
#include "retract-case-private.h"
#include "retract-id-table-private.h"
#include "retract-json-views-private.h"
#include "retract-time.h"
#include "retract-validators.h"

G_DEFINE_BOXED_TYPE (RetractCaseEvent, retract_case_event,
                     retract_case_event_copy, retract_case_event_free)

G_DEFINE_QUARK (retract-event-error-quark, retract_event_error)

/* The words of the file format and the CLI, in enum order. */
static const char * const kind_ids[RETRACT_N_EVENT_KINDS] = {
  [RETRACT_EVENT_SUBMITTED] = "submitted",
  [RETRACT_EVENT_REPLY] = "reply",
  [RETRACT_EVENT_RESOLVED] = "resolved",
  [RETRACT_EVENT_ABANDONED] = "abandoned",
  [RETRACT_EVENT_REOPENED] = "reopened",
  [RETRACT_EVENT_NOTE] = "note",
};

static const char * const outcome_ids[RETRACT_N_EVENT_OUTCOMES] = {
  [RETRACT_OUTCOME_NONE] = NULL,
  [RETRACT_OUTCOME_WITHDRAWN] = "withdrawn",
  [RETRACT_OUTCOME_REFUSED] = "refused",
  [RETRACT_OUTCOME_MORE_MATERIALS] = "more-materials",
  [RETRACT_OUTCOME_OTHER] = "other",
};

RETRACT_DEFINE_ID_TABLE (retract_event_kind, RetractEventKind, kind_ids, NULL)
/* retract_event_outcome_to_id(): %NULL for %RETRACT_OUTCOME_NONE. */
RETRACT_DEFINE_ID_TABLE (retract_event_outcome, RetractEventOutcome, outcome_ids, NULL)

/* Null when absent in the CLI's views (retract-json-views.c), left out in
 * the case file (retract-case-file-write.c). */
static void
add_member (JsonBuilder *builder,
            const char  *key,
            const char  *value,
            gboolean     absent_as_null)
{
  if (absent_as_null)
    _retract_json_add_string (builder, key, value);
  else
    _retract_case_add_string_member (builder, key, value);
}

/**
 * retract_case_event_add_members:
 * @builder: a builder inside an object
 * @absent_as_null: whether the members @event does not use are written as
 *   null (the CLI's views) or left out (the case file)
 *
 * Adds @event's members `{kind, at, channel, reference, outcome, note}`, as the
 * case file saves them and the CLI prints them: the one writer of their keys.
 */
void
retract_case_event_add_members (const RetractCaseEvent *event,
                                JsonBuilder            *builder,
                                gboolean                absent_as_null)
{
  g_autofree char *at = NULL;

  g_return_if_fail (event != NULL);
  g_return_if_fail (JSON_IS_BUILDER (builder));

  at = event->at != NULL ? retract_time_format_iso (event->at) : NULL;
  add_member (builder, "kind", retract_event_kind_to_id (event->kind), absent_as_null);
  add_member (builder, "at", at, absent_as_null);
  add_member (builder, "channel", event->channel, absent_as_null);
  add_member (builder, "reference", event->reference, absent_as_null);
  add_member (builder, "outcome", retract_event_outcome_to_id (event->outcome), absent_as_null);
  add_member (builder, "note", event->note, absent_as_null);
}

/**
 * retract_case_event_new:
 * @at: when it happened; kept as Beijing time
 *
 * Returns: (transfer full): an event with no channel, reference, outcome or note
 */
RetractCaseEvent *
retract_case_event_new (RetractEventKind  kind,
                        GDateTime        *at)
{
  RetractCaseEvent *event;

  g_return_val_if_fail (kind < RETRACT_N_EVENT_KINDS, NULL);
  g_return_val_if_fail (at != NULL, NULL);

  event = g_new0 (RetractCaseEvent, 1);
  event->kind = kind;
  event->at = g_date_time_to_timezone (at, retract_time_zone ());
  return event;
}

RetractCaseEvent *
retract_case_event_copy (const RetractCaseEvent *event)
{
  RetractCaseEvent *copy;

  g_return_val_if_fail (event != NULL, NULL);

  copy = retract_case_event_new (event->kind, event->at);
  copy->channel = g_strdup (event->channel);
  copy->reference = g_strdup (event->reference);
  copy->outcome = event->outcome;
  copy->note = g_strdup (event->note);
  return copy;
}

void
retract_case_event_free (RetractCaseEvent *event)
{
  if (event == NULL)
    return;

  g_clear_pointer (&event->at, g_date_time_unref);
  g_free (event->channel);
  g_free (event->reference);
  g_free (event->note);
  g_free (event);
}

/* The same event: two processes that logged the same thing, or one event
 * read back from disk. */
gboolean
retract_case_event_equal (const RetractCaseEvent *a,
                          const RetractCaseEvent *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->kind == b->kind &&
         g_date_time_equal (a->at, b->at) &&
         g_strcmp0 (a->channel, b->channel) == 0 &&
         g_strcmp0 (a->reference, b->reference) == 0 &&
         a->outcome == b->outcome &&
         g_strcmp0 (a->note, b->note) == 0;
}

/**
 * retract_case_event_set_text:
 * @field: one of @event's text members
 *
 * Stores @value in @field; "" is kept as %NULL ("not given").
 */
void
retract_case_event_set_text (RetractCaseEvent  *event,
                             char             **field,
                             const char        *value)
{
  g_return_if_fail (event != NULL && field != NULL);

  g_free (*field);
  *field = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
}

/* Whether the event on its own ends the case (a reopened may undo it). */
gboolean
retract_case_event_ends_case (const RetractCaseEvent *event)
{
  g_return_val_if_fail (event != NULL, FALSE);

  return event->kind == RETRACT_EVENT_RESOLVED ||
         event->kind == RETRACT_EVENT_ABANDONED ||
         (event->kind == RETRACT_EVENT_REPLY && event->outcome == RETRACT_OUTCOME_WITHDRAWN);
}

/* The error's code names the field, so the message is only the problem:
 * the CLI puts the option before it, the app shows it under the field. */
static gboolean
check_text (const char        *text,
            guint              max_chars,
            gboolean           multiline,
            RetractEventError  code,
            GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  if (text == NULL || retract_validate_text (text, max_chars, multiline, &local_error))
    return TRUE;

  g_set_error_literal (error, RETRACT_EVENT_ERROR, code, local_error->message);
  return FALSE;
}

/**
 * retract_case_event_check_shape:
 * @rules: (nullable): the dataset the channel must be in; %NULL checks only
 *   that the channel looks like an id (a saved case is read without a dataset)
 * @filed_at: (nullable): when the complaint was filed; no event is earlier
 *
 * Everything retract_case_event_check() checks except that the event is not
 * in the future: a saved event may have been logged by a clock that was
 * ahead. The error's code names the part that is wrong.
 */
gboolean
retract_case_event_check_shape (const RetractCaseEvent *event,
                                RetractRuleset         *rules,
                                GDateTime              *filed_at,
                                GError                **error)
{
  g_return_val_if_fail (event != NULL, FALSE);
  g_return_val_if_fail (event->kind < RETRACT_N_EVENT_KINDS, FALSE);

  if (event->kind == RETRACT_EVENT_SUBMITTED && event->channel == NULL)
    {
      g_set_error (error, RETRACT_EVENT_ERROR, RETRACT_EVENT_ERROR_CHANNEL,
                   _("a submission needs the channel it went through"));
      return FALSE;
    }

  if (event->kind != RETRACT_EVENT_SUBMITTED && event->channel != NULL)
    {
      /* Translators: %s is an event kind such as “reply” */
      g_set_error (error, RETRACT_EVENT_ERROR, RETRACT_EVENT_ERROR_CHANNEL,
                   _("only a submission has a channel, not “%s”"),
                   retract_event_kind_to_id (event->kind));
      return FALSE;
    }

  if (event->channel != NULL &&
      (rules != NULL ? retract_ruleset_lookup_channel (rules, event->channel) == NULL
                     : !retract_validate_characters (event->channel, FALSE, NULL) ||
                       strlen (event->channel) > 64))
    {
      /* The id is shown only when it is known to be a plain id. */
      if (rules != NULL && retract_validate_characters (event->channel, FALSE, NULL) &&
          strlen (event->channel) <= 64)
        g_set_error (error, RETRACT_EVENT_ERROR, RETRACT_EVENT_ERROR_CHANNEL,
                     _("unknown channel “%s” (see “rules-info”)"), event->channel);
      else
        g_set_error (error, RETRACT_EVENT_ERROR, RETRACT_EVENT_ERROR_CHANNEL,
                     _("not a channel id"));
      return FALSE;
    }

  if (event->kind == RETRACT_EVENT_REPLY && event->outcome == RETRACT_OUTCOME_NONE)
    {
      g_set_error (error, RETRACT_EVENT_ERROR, RETRACT_EVENT_ERROR_OUTCOME,
                   _("a reply needs its outcome: withdrawn, refused, more-materials or other"));
      return FALSE;
    }

  if (event->kind != RETRACT_EVENT_REPLY && event->outcome != RETRACT_OUTCOME_NONE)
    {
      /* Translators: %s is an event kind such as “note” */
      g_set_error (error, RETRACT_EVENT_ERROR, RETRACT_EVENT_ERROR_OUTCOME,
                   _("only a reply has an outcome, not “%s”"),
                   retract_event_kind_to_id (event->kind));
      return FALSE;
    }

  if (filed_at != NULL && g_date_time_compare (event->at, filed_at) < 0)
    {
      g_autofree char *filed = retract_time_format_human (filed_at);

      /* Translators: %s is the time the complaint was filed */
      g_set_error (error, RETRACT_EVENT_ERROR, RETRACT_EVENT_ERROR_AT,
                   _("the event is dated before the complaint was filed (%s)"), filed);
      return FALSE;
    }

  return check_text (event->reference, RETRACT_EVENT_MAX_REFERENCE_CHARS, FALSE,
                     RETRACT_EVENT_ERROR_REFERENCE, error) &&
         check_text (event->note, RETRACT_EVENT_MAX_NOTE_CHARS, TRUE,
                     RETRACT_EVENT_ERROR_NOTE, error);
}

/**
 * retract_case_event_check:
 * @rules: the dataset the channel must be in
 * @filed_at: (nullable): when the complaint was filed
 * @now: the time now
 *
 * The one rule for an event the user logs: a submission names a channel of
 * the dataset, a reply its outcome, and nothing else has either; it is not
 * dated before the complaint was filed nor more than five minutes after @now;
 * its texts are plain one-line (reference) or multi-line (note) text.
 */
gboolean
retract_case_event_check (const RetractCaseEvent *event,
                          RetractRuleset         *rules,
                          GDateTime              *filed_at,
                          GDateTime              *now,
                          GError                **error)
{
  g_return_val_if_fail (event != NULL, FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!retract_case_event_check_shape (event, rules, filed_at, error))
    return FALSE;

  if (g_date_time_difference (event->at, now) > RETRACT_EVENT_FUTURE_TOLERANCE)
    {
      g_set_error (error, RETRACT_EVENT_ERROR, RETRACT_EVENT_ERROR_AT,
                   _("the event is dated in the future (more than 5 minutes after now)"));
      return FALSE;
    }

  return TRUE;
}
