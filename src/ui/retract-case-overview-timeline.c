/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The timeline: the case's events, newest first, as plain text. */

#define G_LOG_DOMAIN "retract-case-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-case-overview-private.h"
#include "retract-rows.h"

static const char *
outcome_name (RetractEventOutcome outcome)
{
  switch (outcome)
    {
    case RETRACT_OUTCOME_WITHDRAWN:
      return _("the complaint was withdrawn");
    case RETRACT_OUTCOME_REFUSED:
      return _("refused");
    case RETRACT_OUTCOME_MORE_MATERIALS:
      return _("more materials are needed");
    case RETRACT_OUTCOME_OTHER:
    case RETRACT_OUTCOME_NONE:
    default:
      return _("something else");
    }
}

static const char *
channel_name (RetractCaseOverview *self,
              const char          *id)
{
  const RetractChannel *channel = id != NULL ? retract_ruleset_lookup_channel (self->rules, id)
                                             : NULL;

  return channel != NULL ? retract_text_get (&channel->name, retract_language_default ()) : id;
}

void
_retract_case_overview_show_timeline (RetractCaseOverview *self)
{
  GPtrArray *events = retract_case_get_events (self->kase);
  Pool *pool = &self->pools[POOL_TIMELINE];

  if (events->len == 0)
    {
      _retract_overview_pool_take (pool, ROW_DIM, _("Nothing logged yet"), NULL);
      return;
    }

  for (guint i = events->len; i > 0; i--)
    {
      const RetractCaseEvent *event = g_ptr_array_index (events, i - 1);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *title = NULL;
      g_autofree char *when = retract_clock_text_dup (event->at);

      switch (event->kind)
        {
        case RETRACT_EVENT_SUBMITTED:
          /* Translators: a timeline entry, %s is a channel's name */
          title = g_strdup_printf (_("Request through %s"), channel_name (self, event->channel));
          break;
        case RETRACT_EVENT_REPLY:
          /* Translators: a timeline entry, %s is what the reply said */
          title = g_strdup_printf (_("Reply: %s"), outcome_name (event->outcome));
          break;
        case RETRACT_EVENT_RESOLVED:
          title = g_strdup (_("Marked resolved"));
          break;
        case RETRACT_EVENT_ABANDONED:
          title = g_strdup (_("Abandoned"));
          break;
        case RETRACT_EVENT_REOPENED:
          title = g_strdup (_("Reopened"));
          break;
        case RETRACT_EVENT_NOTE:
        default:
          title = g_strdup (_("Note"));
          break;
        }

      g_string_append (subtitle, when);
      if (event->reference != NULL)
        {
          /* Translators: a timeline entry's ticket or reference number */
          g_autofree char *line = g_strdup_printf (_("Reference: %s"), event->reference);

          g_string_append_printf (subtitle, "\n%s", line);
        }
      if (event->note != NULL)
        g_string_append_printf (subtitle, "\n%s", event->note);

      _retract_overview_pool_take (pool, ROW_PLAIN, title, subtitle->str);
    }
}
