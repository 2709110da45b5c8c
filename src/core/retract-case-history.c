/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What makes a case one of several over days: its id, the account that filed
 * it, when it was started, and its timeline of events. The counts and the
 * next step are worked out from these (retract-case-counts.c,
 * retract-next-step.c); nothing here decides a rule. */

#define G_LOG_DOMAIN "retract-case"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "retract-case-private.h"
#include "retract-time.h"
#include "retract-validators.h"

gboolean
retract_case_id_is_valid (const char *id)
{
  if (id == NULL || strlen (id) != RETRACT_CASE_ID_LENGTH)
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;

  return TRUE;
}

/* A new id: 128 random bits, so that two processes never pick the same. */
static char *
new_id (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  GString *id = g_string_sized_new (RETRACT_CASE_ID_LENGTH);

  for (const char *p = uuid; *p; p++)
    if (*p != '-')
      g_string_append_c (id, *p);

  return g_string_free (id, FALSE);
}

/* For the file and the constructor: %NULL @id or @created_at makes a new one. */
void
_retract_case_set_identity (RetractCase *self,
                            const char  *id,
                            GDateTime   *created_at)
{
  char *new = NULL;
  GDateTime *when;

  g_return_if_fail (id == NULL || retract_case_id_is_valid (id));

  /* Copied before the old values go: @id or @created_at may be this case's own. */
  new = id != NULL ? g_strdup (id) : new_id ();
  when = created_at != NULL ? g_date_time_to_timezone (created_at, retract_time_zone ())
                            : retract_time_now ();

  g_free (self->id);
  self->id = new;
  g_clear_pointer (&self->created_at, g_date_time_unref);
  self->created_at = when;
}

/**
 * retract_case_set_created_at:
 *
 * When the case was started: the month its "made outside Retract this month"
 * answer belongs to. A new case is started now; `case new --now` says when.
 */
void
retract_case_set_created_at (RetractCase *self,
                             GDateTime   *created_at)
{
  GDateTime *when;

  g_return_if_fail (RETRACT_IS_CASE (self));
  g_return_if_fail (created_at != NULL);

  when = g_date_time_to_timezone (created_at, retract_time_zone ());
  g_clear_pointer (&self->created_at, g_date_time_unref);
  self->created_at = when;
}

const char *
retract_case_get_id (RetractCase *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  return self->id;
}

GDateTime *
retract_case_get_created_at (RetractCase *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  return self->created_at;
}

/* Returns: the account's label; "" is the user's own account. */
const char *
retract_case_get_account (RetractCase *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  return self->account;
}

/**
 * retract_case_set_account:
 * @account: (nullable): a short label for the account that filed the
 *   complaint; %NULL or "" for the user's own. Spaces around it are dropped.
 *
 * Cases of one platform and one account share the limits on requests.
 *
 * Returns: %FALSE, with @error naming the problem, for text that is not one
 *   short line of plain text; the account is then unchanged
 */
gboolean
retract_case_set_account (RetractCase  *self,
                          const char   *account,
                          GError      **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (account != NULL ? account : ""));

  g_return_val_if_fail (RETRACT_IS_CASE (self), FALSE);

  if (!retract_validate_text (stripped, RETRACT_CASE_MAX_ACCOUNT_CHARS, FALSE, error))
    return FALSE;

  if (g_strcmp0 (self->account, stripped) != 0)
    {
      g_free (self->account);
      self->account = g_steal_pointer (&stripped);
      _retract_case_notify_account (self);
    }

  return TRUE;
}

/**
 * retract_case_get_events:
 *
 * Returns: (transfer none) (element-type RetractCaseEvent): the timeline,
 *   oldest first; events at the same time keep the order they were added in
 */
GPtrArray *
retract_case_get_events (RetractCase *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  return self->events;
}

/**
 * retract_case_add_event:
 * @event: (transfer full): an event the caller has checked with
 *   retract_case_event_check()
 *
 * Returns: where the event now stands in the timeline
 */
guint
retract_case_add_event (RetractCase      *self,
                        RetractCaseEvent *event)
{
  guint index;

  g_return_val_if_fail (RETRACT_IS_CASE (self), 0);
  g_return_val_if_fail (event != NULL, 0);

  /* After every event that is not later: a stable insertion. */
  index = self->events->len;
  while (index > 0)
    {
      const RetractCaseEvent *before = g_ptr_array_index (self->events, index - 1);

      if (g_date_time_compare (before->at, event->at) <= 0)
        break;
      index--;
    }

  g_ptr_array_insert (self->events, index, event);
  _retract_case_emit_events_changed (self);
  return index;
}

void
retract_case_remove_event (RetractCase *self,
                           guint        index)
{
  g_return_if_fail (RETRACT_IS_CASE (self));
  g_return_if_fail (index < self->events->len);

  g_ptr_array_remove_index (self->events, index);
  _retract_case_emit_events_changed (self);
}

/* Whether @event had happened by @until (%NULL: the whole timeline). */
static gboolean
happened_by (const RetractCaseEvent *event,
             GDateTime              *until)
{
  return until == NULL || g_date_time_compare (event->at, until) <= 0;
}

/**
 * retract_case_get_ending_at:
 * @until: (nullable): the time the case is looked at; later events have not
 *   happened yet. %NULL for the whole timeline.
 * @ending: (out) (optional) (transfer none): the event that ended the case
 *
 * Walks the timeline: `resolved` or a reply that the complaint was withdrawn
 * ends the case as done, `abandoned` as abandoned, and `reopened` undoes the
 * ending before it.
 */
RetractCaseEnding
retract_case_get_ending_at (RetractCase             *self,
                            GDateTime               *until,
                            const RetractCaseEvent **ending)
{
  RetractCaseEnding state = RETRACT_CASE_OPEN;
  const RetractCaseEvent *last = NULL;

  g_return_val_if_fail (RETRACT_IS_CASE (self), RETRACT_CASE_OPEN);

  for (guint i = 0; i < self->events->len; i++)
    {
      const RetractCaseEvent *event = g_ptr_array_index (self->events, i);

      if (!happened_by (event, until))
        break;

      if (event->kind == RETRACT_EVENT_REOPENED)
        {
          state = RETRACT_CASE_OPEN;
          last = NULL;
        }
      else if (retract_case_event_ends_case (event))
        {
          state = event->kind == RETRACT_EVENT_ABANDONED ? RETRACT_CASE_ABANDONED
                                                         : RETRACT_CASE_DONE;
          last = event;
        }
    }

  if (ending != NULL)
    *ending = last;
  return state;
}

/* The ending over the whole timeline: retract_case_get_ending_at(). */
RetractCaseEnding
retract_case_get_ending (RetractCase             *self,
                         const RetractCaseEvent **ending)
{
  return retract_case_get_ending_at (self, NULL, ending);
}

/**
 * retract_case_find_submission:
 * @until: (nullable): only submissions made by then; %NULL for all
 *
 * Returns: (nullable): the earliest submission through @channel
 */
const RetractCaseEvent *
retract_case_find_submission (RetractCase *self,
                              const char  *channel,
                              GDateTime   *until)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  g_return_val_if_fail (channel != NULL, NULL);

  for (guint i = 0; i < self->events->len; i++)
    {
      const RetractCaseEvent *event = g_ptr_array_index (self->events, i);

      if (!happened_by (event, until))
        break;
      if (event->kind == RETRACT_EVENT_SUBMITTED && g_strcmp0 (event->channel, channel) == 0)
        return event;
    }

  return NULL;
}

/**
 * retract_case_check_event:
 * @rules: the dataset the channel must be in
 * @now: the time now
 *
 * The one rule for an event logged on this case: retract_case_event_check()
 * against the case's filing time, a channel of the case's platform, and a
 * `reopened` only when the case has ended.
 */
gboolean
retract_case_check_event (RetractCase            *self,
                          const RetractCaseEvent *event,
                          RetractRuleset         *rules,
                          GDateTime              *now,
                          GError                **error)
{
  const RetractChannel *channel;

  g_return_val_if_fail (RETRACT_IS_CASE (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (!retract_case_event_check (event, rules, self->filed_at, now, error))
    return FALSE;

  channel = event->channel != NULL ? retract_ruleset_lookup_channel (rules, event->channel) : NULL;
  if (channel != NULL && channel->platform != NULL &&
      g_strcmp0 (channel->platform, self->platform) != 0)
    {
      /* Translators: %s is a channel id such as “web-ticket” */
      g_set_error (error, RETRACT_EVENT_ERROR, RETRACT_EVENT_ERROR_CHANNEL,
                   _("“%s” is not a channel of this case's platform"), event->channel);
      return FALSE;
    }

  if (event->kind == RETRACT_EVENT_REOPENED &&
      retract_case_get_ending_at (self, event->at, NULL) == RETRACT_CASE_OPEN)
    {
      g_set_error (error, RETRACT_EVENT_ERROR, RETRACT_EVENT_ERROR_KIND,
                   _("nothing to reopen: the case had not ended by then"));
      return FALSE;
    }

  return TRUE;
}
