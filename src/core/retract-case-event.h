/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

/* One thing the user did or heard about a case: a request through a channel,
 * a reply, the end of the case. The case keeps them in time order; the next
 * step and the limits on the user's own requests are worked out from them. */

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "retract-ruleset.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_CASE_EVENT (retract_case_event_get_type ())

/* How far after "now" an event may be dated before it is refused: clocks drift. */
#define RETRACT_EVENT_FUTURE_TOLERANCE (5 * G_TIME_SPAN_MINUTE)
#define RETRACT_EVENT_MAX_REFERENCE_CHARS 200
#define RETRACT_EVENT_MAX_NOTE_CHARS 2000

typedef enum
{
  RETRACT_EVENT_SUBMITTED,
  RETRACT_EVENT_REPLY,
  RETRACT_EVENT_RESOLVED,
  RETRACT_EVENT_ABANDONED,
  RETRACT_EVENT_REOPENED,
  RETRACT_EVENT_NOTE,
} RetractEventKind;

#define RETRACT_N_EVENT_KINDS (RETRACT_EVENT_NOTE + 1)

typedef enum
{
  RETRACT_OUTCOME_NONE,
  RETRACT_OUTCOME_WITHDRAWN,
  RETRACT_OUTCOME_REFUSED,
  RETRACT_OUTCOME_MORE_MATERIALS,
  RETRACT_OUTCOME_OTHER,
} RetractEventOutcome;

#define RETRACT_N_EVENT_OUTCOMES (RETRACT_OUTCOME_OTHER + 1)

/* What is wrong with an event; each code is one option of `case log`. */
#define RETRACT_EVENT_ERROR (retract_event_error_quark ())

typedef enum
{
  RETRACT_EVENT_ERROR_KIND,      /* --event */
  RETRACT_EVENT_ERROR_CHANNEL,   /* --channel */
  RETRACT_EVENT_ERROR_AT,        /* --at */
  RETRACT_EVENT_ERROR_OUTCOME,   /* --outcome */
  RETRACT_EVENT_ERROR_REFERENCE, /* --reference */
  RETRACT_EVENT_ERROR_NOTE,      /* --note */
} RetractEventError;

typedef struct
{
  RetractEventKind     kind;
  GDateTime           *at;        /* Beijing time */
  char                *channel;   /* a dataset channel id; only on submitted */
  char                *reference; /* one line, e.g. the ticket number; or NULL */
  RetractEventOutcome  outcome;   /* only on reply */
  char                *note;      /* may hold several lines; or NULL */
} RetractCaseEvent;

GType              retract_case_event_get_type     (void) G_GNUC_CONST;
GQuark             retract_event_error_quark       (void);

RetractCaseEvent  *retract_case_event_new          (RetractEventKind        kind,
                                                    GDateTime              *at);
RetractCaseEvent  *retract_case_event_copy         (const RetractCaseEvent *event);
void               retract_case_event_free         (RetractCaseEvent       *event);
gboolean           retract_case_event_equal        (const RetractCaseEvent *a,
                                                    const RetractCaseEvent *b);
void               retract_case_event_set_text     (RetractCaseEvent       *event,
                                                    char                  **field,
                                                    const char             *value);
gboolean           retract_case_event_ends_case    (const RetractCaseEvent *event);

const char        *retract_event_kind_to_id        (RetractEventKind        kind);
gboolean           retract_event_kind_from_id      (const char             *id,
                                                    RetractEventKind       *kind);
const char        *retract_event_outcome_to_id     (RetractEventOutcome     outcome);
gboolean           retract_event_outcome_from_id   (const char             *id,
                                                    RetractEventOutcome    *outcome);

void               retract_case_event_add_members  (const RetractCaseEvent *event,
                                                    JsonBuilder            *builder,
                                                    gboolean                absent_as_null);
gboolean           retract_case_event_check_shape  (const RetractCaseEvent *event,
                                                    RetractRuleset         *rules,
                                                    GDateTime              *filed_at,
                                                    GError                **error);
gboolean           retract_case_event_check        (const RetractCaseEvent *event,
                                                    RetractRuleset         *rules,
                                                    GDateTime              *filed_at,
                                                    GDateTime              *now,
                                                    GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetractCaseEvent, retract_case_event_free)

G_END_DECLS
