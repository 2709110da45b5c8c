/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The case library's JSON views: one case with its timeline and next step
 * (`case show --json`, the assessment's object with the case's own members
 * after it) and the list of cases (`cases --json`), in the order a user
 * works through them: what to do now first, soonest deadline first. */

#define G_LOG_DOMAIN "retract-json-case"

#include "config.h"

#include "retract-json-case.h"
#include "retract-json-views.h"
#include "retract-json-views-private.h"
#include "retract-time.h"

/* ---- the rows of the list ---- */

/* Keeps in *@soonest the earlier of itself and @time, unless @time is
 * before @now. A time equal to @now counts: some rules change just after
 * their instant (a window is open to its last second). */
static void
keep_soonest (GDateTime **soonest,
              GDateTime  *time,
              GDateTime  *now)
{
  if (time == NULL || g_date_time_compare (time, now) < 0)
    return;
  if (*soonest == NULL || g_date_time_compare (time, *soonest) < 0)
    {
      g_clear_pointer (soonest, g_date_time_unref);
      *soonest = g_date_time_ref (time);
    }
}

/* Every instant from @now on that the assessment and the next step compare
 * the time with (README, "The case file: next step"): the step's deadline,
 * the stages' ends, the legal deadline, the events logged ahead of @now
 * (they happen then), and each submission's wait for its channel's answer
 * (that is when "awaiting a reply" ends, whether or not it is the step). */
static GDateTime *
changes_at (RetractRuleset          *rules,
            RetractCase             *kase,
            RetractAssessment       *assessment,
            const RetractNextStep   *step,
            GDateTime               *now)
{
  GPtrArray *events = retract_case_get_events (kase);
  GDateTime *soonest = NULL;

  keep_soonest (&soonest, step->due_at, now);
  keep_soonest (&soonest, retract_assessment_get_self_service_until (assessment), now);
  keep_soonest (&soonest, retract_assessment_get_window_closes_at (assessment), now);
  keep_soonest (&soonest, retract_assessment_get_legal_deadline (assessment), now);
  for (guint i = 0; i < events->len; i++)
    {
      const RetractCaseEvent *event = g_ptr_array_index (events, i);
      const RetractChannel *channel;

      keep_soonest (&soonest, event->at, now);
      if (event->kind != RETRACT_EVENT_SUBMITTED || event->channel == NULL)
        continue;
      channel = retract_ruleset_lookup_channel (rules, event->channel);
      if (channel != NULL && channel->response_max_hours > 0)
        {
          g_autoptr(GDateTime) answer_by =
            g_date_time_add_hours (event->at, (gint) channel->response_max_hours);

          keep_soonest (&soonest, answer_by, now);
        }
    }

  return soonest;
}

/* A row from @kase's counts, already worked out. */
static RetractCaseRow *
row_new_with_counts (RetractRuleset          *rules,
                     RetractCase             *kase,
                     const RetractCaseCounts *counts,
                     GDateTime               *now)
{
  RetractCaseRow *row;
  g_autoptr(RetractAssessment) assessment = NULL;

  row = g_new0 (RetractCaseRow, 1);
  row->kase = g_object_ref (kase);

  assessment = retract_assessment_new_full (rules, kase, counts, now, &row->error);
  if (assessment != NULL)
    {
      retract_next_step_compute (&row->step, assessment, kase, counts, now);
      row->changes_at = changes_at (rules, kase, assessment, &row->step, now);
    }
  else
    {
      /* An ended case needs no rules to say so. */
      switch (retract_case_get_ending (kase, NULL))
        {
        case RETRACT_CASE_DONE:
          row->step.status = RETRACT_STATUS_DONE;
          break;
        case RETRACT_CASE_ABANDONED:
          row->step.status = RETRACT_STATUS_ABANDONED;
          break;
        case RETRACT_CASE_OPEN:
        default:
          break;
        }
      row->changes_at = g_date_time_ref (now);
    }

  return row;
}

/**
 * retract_case_row_new:
 * @kase: a case, a light copy is enough (retract_store_list_cases())
 * @others: (element-type RetractCase): the cases it shares limits with; may
 *   hold @kase itself
 *
 * Assesses @kase at @now with the counts of its account and works out its
 * status and next step. A case the rules cannot assess keeps the reason in
 * the row's error.
 *
 * Returns: (transfer full): the row
 */
RetractCaseRow *
retract_case_row_new (RetractRuleset *rules,
                      RetractCase    *kase,
                      GPtrArray      *others,
                      GDateTime      *now)
{
  RetractCaseCounts counts = { 0 };
  RetractCaseRow *row;

  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);
  g_return_val_if_fail (RETRACT_IS_CASE (kase), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  retract_case_counts_compute (&counts, rules, kase, others, now);
  row = row_new_with_counts (rules, kase, &counts, now);
  retract_case_counts_clear (&counts);
  return row;
}

void
retract_case_row_free (RetractCaseRow *row)
{
  if (row == NULL)
    return;

  g_clear_object (&row->kase);
  retract_next_step_clear (&row->step);
  g_clear_error (&row->error);
  g_clear_pointer (&row->changes_at, g_date_time_unref);
  g_free (row);
}

/* Returns: whether the row has a status; an open case that could not be
 * assessed has none */
gboolean
retract_case_row_has_status (const RetractCaseRow *row)
{
  g_return_val_if_fail (row != NULL, FALSE);

  return row->error == NULL ||
         row->step.status == RETRACT_STATUS_DONE ||
         row->step.status == RETRACT_STATUS_ABANDONED;
}

/* act-now, then waiting, then everything else. */
static int
group_of (const RetractCaseRow *row)
{
  if (!retract_case_row_has_status (row))
    return 2;

  switch (row->step.status)
    {
    case RETRACT_STATUS_ACT_NOW:
      return 0;
    case RETRACT_STATUS_WAITING:
      return 1;
    case RETRACT_STATUS_DONE:
    case RETRACT_STATUS_ABANDONED:
    case RETRACT_STATUS_CLOSED:
    default:
      return 2;
    }
}

/* Soonest first; a step without a deadline after every one with. */
static int
compare_due (GDateTime *a,
             GDateTime *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  return g_date_time_compare (a, b);
}

/**
 * retract_case_row_compare:
 * @a: (type RetractCaseRow**): a row's place in a #GPtrArray
 * @b: (type RetractCaseRow**): another's
 *
 * The order of `cases`, for g_ptr_array_sort(): act-now first, by due time,
 * then waiting by due time, then the rest; within each, the newest case
 * (created_at) first, and the id last so that the order is total.
 */
int
retract_case_row_compare (gconstpointer a,
                          gconstpointer b)
{
  const RetractCaseRow *x = *(RetractCaseRow * const *) a;
  const RetractCaseRow *y = *(RetractCaseRow * const *) b;
  int group_x = group_of (x);
  int group_y = group_of (y);
  int order;

  if (group_x != group_y)
    return group_x < group_y ? -1 : 1;

  if (group_x < 2)
    {
      order = compare_due (x->step.due_at, y->step.due_at);
      if (order != 0)
        return order;
    }

  order = g_date_time_compare (retract_case_get_created_at (y->kase),
                               retract_case_get_created_at (x->kase));
  if (order != 0)
    return order;

  return g_strcmp0 (retract_case_get_id (x->kase), retract_case_get_id (y->kase));
}

/* The key of the cases that share limits: one platform, one account. */
static char *
account_key (RetractCase *kase)
{
  return g_strdup_printf ("%s\n%s", retract_case_get_platform (kase),
                          retract_case_get_account (kase));
}

/* The rows of @members, the cases of one account, at @now: their counts in
 * one pass (retract_case_counts_compute_each()). */
static void
add_group_rows (GPtrArray      *rows,
                RetractRuleset *rules,
                GPtrArray      *members,
                GDateTime      *now)
{
  g_autofree RetractCaseCounts *counts = g_new0 (RetractCaseCounts, members->len);

  retract_case_counts_compute_each (rules, members, now, counts);
  for (guint i = 0; i < members->len; i++)
    {
      g_ptr_array_add (rows, row_new_with_counts (rules, g_ptr_array_index (members, i),
                                                  &counts[i], now));
      retract_case_counts_clear (&counts[i]);
    }
}

/* Moves the rows of @members from @old to @rows, when @old has one for each
 * of them (the same case objects), each still holding at @now, and none for
 * another case of their account (@old_sizes: account key → how many rows
 * @old has): their counts are the same. */
static gboolean
take_group_rows (GPtrArray  *rows,
                 GPtrArray  *members,
                 const char *key,
                 GPtrArray  *old,
                 GHashTable *old_places,
                 GHashTable *old_sizes,
                 GDateTime  *now)
{
  gpointer place;

  if (GPOINTER_TO_UINT (g_hash_table_lookup (old_sizes, key)) != members->len)
    return FALSE;
  for (guint i = 0; i < members->len; i++)
    {
      const RetractCaseRow *row;

      if (!g_hash_table_lookup_extended (old_places, g_ptr_array_index (members, i), NULL,
                                         &place))
        return FALSE;
      row = g_ptr_array_index (old, GPOINTER_TO_UINT (place) - 1);
      if (row->changes_at != NULL && g_date_time_compare (now, row->changes_at) >= 0)
        return FALSE;
    }

  for (guint i = 0; i < members->len; i++)
    {
      place = g_hash_table_lookup (old_places, g_ptr_array_index (members, i));
      g_ptr_array_add (rows, g_ptr_array_index (old, GPOINTER_TO_UINT (place) - 1));
      g_ptr_array_index (old, GPOINTER_TO_UINT (place) - 1) = NULL;
    }
  return TRUE;
}

/**
 * retract_case_rows_update:
 * @cases: (element-type RetractCase): every saved case (light copies are enough)
 * @old: (nullable) (element-type RetractCaseRow): rows worked out at an
 *   earlier time of @now's day (Beijing time: the counts' day and month)
 * @n_assessed: (out) (optional): how many rows were worked out anew
 *
 * retract_case_rows_new(), taking from @old the rows of every account whose
 * cases are all the same objects as @old's and no more (a new listing gives
 * the same object for a case that did not change), and whose rows all hold
 * at @now (before their changes_at): those rows are moved out of @old, which
 * keeps %NULL in their places. The other accounts' rows are worked out,
 * since they or their counts may have changed.
 *
 * Returns: (transfer container) (element-type RetractCaseRow): the rows
 */
GPtrArray *
retract_case_rows_update (RetractRuleset *rules,
                          GPtrArray      *cases,
                          GDateTime      *now,
                          GPtrArray      *old,
                          guint          *n_assessed)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) old_places = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) old_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  GHashTableIter iter;
  GPtrArray *members;
  GPtrArray *rows;
  const char *key;

  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);
  g_return_val_if_fail (cases != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  for (guint i = 0; i < cases->len; i++)
    {
      RetractCase *kase = g_ptr_array_index (cases, i);
      g_autofree char *group_key = account_key (kase);
      GPtrArray *group = g_hash_table_lookup (groups, group_key);

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, g_steal_pointer (&group_key), group);
        }
      g_ptr_array_add (group, kase);
    }
  for (guint i = 0; old != NULL && i < old->len; i++)
    {
      const RetractCaseRow *row = g_ptr_array_index (old, i);
      g_autofree char *old_key = NULL;

      if (row == NULL)
        continue;
      old_key = account_key (row->kase);
      g_hash_table_insert (old_places, row->kase, GUINT_TO_POINTER (i + 1));
      g_hash_table_insert (old_sizes, old_key,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (old_sizes,
                                                                                    old_key)) + 1));
      old_key = NULL;  /* the table's now */
    }

  rows = g_ptr_array_new_full (cases->len, (GDestroyNotify) retract_case_row_free);
  if (n_assessed != NULL)
    *n_assessed = 0;
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &members))
    {
      if (old != NULL && take_group_rows (rows, members, key, old, old_places, old_sizes, now))
        continue;
      add_group_rows (rows, rules, members, now);
      if (n_assessed != NULL)
        *n_assessed += members->len;
    }
  g_ptr_array_sort (rows, retract_case_row_compare);

  return rows;
}

/**
 * retract_case_rows_new:
 * @cases: (element-type RetractCase): every saved case (light copies are enough)
 *
 * The list of cases at @now: each case's row (retract_case_row_new()), in
 * the order of `cases` (retract_case_row_compare()). Each case is counted
 * against the cases of its own platform and account only, which are the
 * only ones that count, and each group's counts are worked out in one pass,
 * so that a long list is not compared case by case.
 *
 * Returns: (transfer container) (element-type RetractCaseRow): the rows
 */
GPtrArray *
retract_case_rows_new (RetractRuleset *rules,
                       GPtrArray      *cases,
                       GDateTime      *now)
{
  return retract_case_rows_update (rules, cases, now, NULL, NULL);
}

/**
 * retract_case_rows_valid_until:
 * @rows: (element-type RetractCaseRow): every case's row at @now
 *   (retract_case_rows_new())
 *
 * Until when @rows stay what retract_case_rows_new() would give: the
 * soonest of the rows' own changes (retract_case_row_new()'s changes_at,
 * which include every case's events ahead of @now, so the counts of the
 * cases sharing an account are covered too) and the next midnight, when the
 * counts' day, and maybe month, begin. Before then a later time changes
 * nothing in any row: a refresh of the list need not assess them again.
 *
 * Returns: (transfer full): that instant, not before @now; @now itself
 *   when a row may change at any later time
 */
GDateTime *
retract_case_rows_valid_until (GPtrArray *rows,
                               GDateTime *now)
{
  GDateTime *soonest;

  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  soonest = retract_time_next_midnight (now);
  for (guint i = 0; i < rows->len; i++)
    {
      const RetractCaseRow *row = g_ptr_array_index (rows, i);

      if (row->changes_at == NULL || g_date_time_compare (row->changes_at, soonest) >= 0)
        continue;
      g_date_time_unref (soonest);
      soonest = g_date_time_ref (row->changes_at);
    }

  return soonest;
}

/* ---- writing ---- */

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

/**
 * retract_case_rows_to_json:
 * @rows: (element-type RetractCaseRow): in the order to print them
 *
 * Returns: (transfer full): `{"cases": [{id, platform, type, account, status,
 *   next_due_at}, …]}`, as `cases --json` prints it
 */
JsonNode *
retract_case_rows_to_json (GPtrArray *rows)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (rows != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      const RetractCaseRow *row = g_ptr_array_index (rows, i);
      gboolean has_status = retract_case_row_has_status (row);

      json_builder_begin_object (builder);
      _retract_json_add_string (builder, "id", retract_case_get_id (row->kase));
      _retract_json_add_string (builder, "platform", retract_case_get_platform (row->kase));
      _retract_json_add_string (builder, "type", retract_case_get_complaint_type (row->kase));
      _retract_json_add_string (builder, "account", retract_case_get_account (row->kase));
      _retract_json_add_string (builder, "status",
                                has_status ? retract_case_status_to_id (row->step.status) : NULL);
      _retract_json_add_time (builder, "next_due_at", has_status ? row->step.due_at : NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
next_step_to_json (const RetractNextStep *step)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (step->action == RETRACT_ACTION_NONE)
    return json_node_new (JSON_NODE_NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  _retract_json_add_string (builder, "action", retract_next_action_to_id (step->action));
  _retract_json_add_string (builder, "channel", step->channel);
  _retract_json_add_time (builder, "due_at", step->due_at);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
counts_to_json (const RetractCaseCounts *counts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "withdrawal_requests_this_month", counts->withdrawal_requests_this_month);
  add_int (builder, "appeals_today", counts->appeals_today);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * retract_case_event_to_json:
 *
 * Returns: (transfer full): `{kind, at, channel, reference, outcome, note}`;
 *   every member is there, the ones @event does not use are null
 */
JsonNode *
retract_case_event_to_json (const RetractCaseEvent *event)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (event != NULL, NULL);

  json_builder_begin_object (builder);
  retract_case_event_add_members (event, builder, TRUE);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
events_to_json (GPtrArray *events)
{
  JsonArray *array = json_array_sized_new (events->len);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < events->len; i++)
    json_array_add_element (array, retract_case_event_to_json (g_ptr_array_index (events, i)));
  json_node_take_array (node, array);
  return node;
}

/**
 * retract_case_show_to_json:
 * @assessment: @kase assessed with @counts at the time @step is for
 * @counts: @kase's counts
 * @step: @kase's next step
 * @language: the language of the assessment's texts
 *
 * Returns: (transfer full): the object `assess --json` prints for the case
 *   (retract_assessment_to_json()), followed by `id`, `account`, `status`,
 *   `next_step` ({action, channel, due_at} or null), `counts` and `events`
 *   (oldest first), as `case show --json` prints it
 */
JsonNode *
retract_case_show_to_json (RetractAssessment       *assessment,
                           RetractCase             *kase,
                           const RetractCaseCounts *counts,
                           const RetractNextStep   *step,
                           RetractLanguage          language)
{
  JsonNode *root;
  JsonObject *object;

  g_return_val_if_fail (RETRACT_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (RETRACT_IS_CASE (kase), NULL);
  g_return_val_if_fail (counts != NULL && step != NULL, NULL);

  root = retract_assessment_to_json (assessment, language);
  object = json_node_get_object (root);
  json_object_set_string_member (object, "id", retract_case_get_id (kase));
  json_object_set_string_member (object, "account", retract_case_get_account (kase));
  json_object_set_string_member (object, "status", retract_case_status_to_id (step->status));
  json_object_set_member (object, "next_step", next_step_to_json (step));
  json_object_set_member (object, "counts", counts_to_json (counts));
  json_object_set_member (object, "events",
                          events_to_json (retract_case_get_events (kase)));

  return root;
}
