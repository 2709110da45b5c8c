/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The case list: the order of `cases`, the signals a refresh sends (only
 * what changed), and the search. Times are Beijing time. */

#include "config.h"

#include <string.h>

#include "retract-case-heading.h"
#include "retract-case-list.h"
#include "retract-time.h"

static RetractRuleset *rules;

static RetractCase *
make_case (const char *platform,
           const char *type,
           const char *filed_at,
           const char *account,
           const char *number,
           const char *submitted_channel,
           const char *submitted_at,
           gboolean    resolved)
{
  RetractCase *kase = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse (filed_at, NULL);

  g_assert_nonnull (filed);
  retract_case_set_platform (kase, platform);
  retract_case_set_complaint_type (kase, type);
  retract_case_set_filed_at (kase, filed);
  g_assert_true (retract_case_set_account (kase, account, NULL));
  if (number != NULL)
    retract_case_set_detail (kase, RETRACT_DETAIL_COMPLAINT_NUMBER, number);
  if (submitted_channel != NULL)
    {
      g_autoptr(GDateTime) at = retract_time_parse (submitted_at, NULL);
      RetractCaseEvent *event = retract_case_event_new (RETRACT_EVENT_SUBMITTED, at);

      event->channel = g_strdup (submitted_channel);
      retract_case_add_event (kase, event);
    }
  if (resolved)
    {
      g_autoptr(GDateTime) at = retract_time_parse ("2026-11-24 14:00", NULL);

      retract_case_add_event (kase, retract_case_event_new (RETRACT_EVENT_RESOLVED, at));
    }
  return kase;
}

typedef struct
{
  GPtrArray *cases;
  RetractCase *ticket;   /* waiting for its ticket's reply until 2026-11-25 01:00 */
  RetractCase *fresh;    /* filed 20:00: self-service until 22:00 */
  RetractCase *older;    /* filed 11:00, 72 h: the window closes 2026-11-27 11:00 */
  RetractCase *resolved;
  guint n_changes;
  guint position, removed, added;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->cases = g_ptr_array_new_with_free_func (g_object_unref);
  f->ticket = make_case ("wechat", "friend-report", "2026-11-24 10:00", "", "WX2026112400001",
                         "web-ticket", "2026-11-24 13:00", FALSE);
  f->fresh = make_case ("wechat", "friend-report", "2026-11-24 20:00", "shop-account", NULL,
                        NULL, NULL, FALSE);
  f->older = make_case ("wechat", "payment-dispute", "2026-11-24 11:00", "", "ZF99", NULL, NULL,
                        FALSE);
  f->resolved = make_case ("alipay", "general", "2026-11-24 10:00", "", NULL, NULL, NULL, TRUE);
  g_ptr_array_add (f->cases, f->resolved);
  g_ptr_array_add (f->cases, f->ticket);
  g_ptr_array_add (f->cases, f->older);
  g_ptr_array_add (f->cases, f->fresh);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_ptr_array_unref (f->cases);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->n_changes++;
  f->position = position;
  f->removed = removed;
  f->added = added;
}

static RetractCase *
case_at (RetractCaseList *list,
         guint            position)
{
  g_autoptr(RetractCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), position);

  g_assert_nonnull (item);
  return retract_case_item_get_case (item);
}

static RetractCaseList *
list_at (Fixture    *f,
         const char *time)
{
  RetractCaseList *list = retract_case_list_new (rules, RETRACT_LANGUAGE_EN);
  g_autoptr(GDateTime) now = retract_time_parse (time, NULL);

  retract_case_list_set_cases (list, f->cases, now);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), f);
  return list;
}

/* act-now by due time, then waiting, then the rest; the order of `cases`. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RetractCaseList) list = list_at (f, "2026-11-24 21:00");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GDateTime) now = retract_time_parse ("2026-11-24 21:00", NULL);
  g_autoptr(RetractCaseItem) first = NULL;
  g_autofree char *due = NULL;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == RETRACT_TYPE_CASE_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_true (case_at (list, 0) == f->fresh);    /* act-now, due 22:00 */
  g_assert_true (case_at (list, 1) == f->older);    /* act-now, due 2026-11-27 11:00 */
  g_assert_true (case_at (list, 2) == f->ticket);   /* waiting */
  g_assert_true (case_at (list, 3) == f->resolved); /* done */
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 4));

  /* The same order as the CLI's. */
  rows = retract_case_rows_new (rules, f->cases, now);
  for (guint i = 0; i < rows->len; i++)
    {
      const RetractCaseRow *row = g_ptr_array_index (rows, i);

      g_assert_true (case_at (list, i) == row->kase);
    }

  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (retract_case_item_get_platform_name (first), ==, "WeChat");
  g_assert_cmpstr (retract_case_item_get_type_name (first), ==,
                   "Report of a friend (pornography / fraud)");
  g_assert_cmpstr (retract_case_item_get_account (first), ==, "shop-account");
  g_assert_cmpstr (retract_case_item_get_complaint_number (first), ==, "");
  g_assert_true (retract_case_item_has_status (first));
  g_assert_cmpint (retract_case_item_get_status (first), ==, RETRACT_STATUS_ACT_NOW);
  due = retract_time_format_iso (retract_case_item_get_due_at (first));
  g_assert_cmpstr (due, ==, "2026-11-24T22:00:00+08:00");
  g_assert_null (retract_case_item_get_error (first));

  /* The timer's next wake-up: the soonest deadline ahead. */
  g_free (due);
  due = retract_time_format_iso (retract_case_list_get_next_due (list));
  g_assert_cmpstr (due, ==, "2026-11-24T22:00:00+08:00");
  g_assert_cmpuint (f->n_changes, ==, 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GString    *log)
{
  g_string_append_printf (log, "%s;", pspec->name);
}

/* A refresh that changes nothing says nothing. */
static void
test_refresh_unchanged (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RetractCaseList) list = list_at (f, "2026-11-24 21:00");
  g_autoptr(GDateTime) later = retract_time_parse ("2026-11-24 21:30", NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(RetractCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), 2);

  g_signal_connect (item, "notify", G_CALLBACK (count_notify), log);
  retract_case_list_refresh (list, later);

  g_assert_cmpuint (f->n_changes, ==, 0);
  g_assert_cmpstr (log->str, ==, "");
  g_assert_true (retract_case_list_get_now (list) != NULL &&
                 g_date_time_equal (retract_case_list_get_now (list), later));
}

/* The clock crosses the ticket's wait: it becomes act-now, notifies its
 * status and deadline, and moves to the top in one items-changed that
 * leaves the done case at the bottom alone; the items stay the same objects. */
static void
test_refresh_moves (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RetractCaseList) list = list_at (f, "2026-11-24 21:00");
  g_autoptr(GDateTime) later = retract_time_parse ("2026-11-24 21:50", NULL);
  g_autoptr(GDateTime) after_wait = retract_time_parse ("2026-11-25 01:00", NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(RetractCaseItem) ticket = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_autoptr(RetractCaseItem) resolved = g_list_model_get_item (G_LIST_MODEL (list), 3);
  g_autoptr(RetractCaseItem) moved = NULL;
  guint position = G_MAXUINT;

  g_assert_true (retract_case_item_get_case (ticket) == f->ticket);
  g_assert_cmpint (retract_case_item_get_status (ticket), ==, RETRACT_STATUS_WAITING);
  g_signal_connect (ticket, "notify", G_CALLBACK (count_notify), log);

  retract_case_list_refresh (list, later);
  g_assert_cmpuint (f->n_changes, ==, 0);

  retract_case_list_refresh (list, after_wait);
  /* Both, once each, in one notification batch (their order is GLib's). */
  g_assert_cmpuint (strlen (log->str), ==, strlen ("status;due-at;"));
  g_assert_nonnull (strstr (log->str, "status;"));
  g_assert_nonnull (strstr (log->str, "due-at;"));
  g_assert_cmpint (retract_case_item_get_status (ticket), ==, RETRACT_STATUS_ACT_NOW);
  /* ticket (due 10:00), fresh (now a ticket, due 20:00), older (2026-11-27
   * 11:00, a 72 h window), resolved. */
  g_assert_true (case_at (list, 0) == f->ticket);
  g_assert_true (case_at (list, 1) == f->fresh);
  g_assert_true (case_at (list, 2) == f->older);
  g_assert_cmpuint (f->n_changes, ==, 1);
  g_assert_cmpuint (f->position, ==, 0);
  g_assert_cmpuint (f->removed, ==, 3);
  g_assert_cmpuint (f->added, ==, 3);

  moved = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (moved == ticket);
  g_assert_true (retract_case_list_find (list, retract_case_get_id (f->resolved), &position) ==
                 resolved);
  g_assert_cmpuint (position, ==, 3);
}

/* A case saved again (an event logged) keeps its item; a deleted case and a
 * new one are one change each. */
static void
test_set_cases (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RetractCaseList) list = list_at (f, "2026-11-24 21:00");
  g_autoptr(GDateTime) now = retract_time_parse ("2026-11-24 21:00", NULL);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RetractCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), 3);
  g_autoptr(RetractCase) other = make_case ("douyin", "general", "2026-11-24 09:00", "", NULL,
                                            NULL, NULL, TRUE);

  /* The resolved case deleted: removed from the bottom. */
  g_ptr_array_add (cases, g_object_ref (f->fresh));
  g_ptr_array_add (cases, g_object_ref (f->ticket));
  g_ptr_array_add (cases, g_object_ref (f->older));
  retract_case_list_set_cases (list, cases, now);
  g_assert_cmpuint (f->n_changes, ==, 1);
  g_assert_cmpuint (f->position, ==, 3);
  g_assert_cmpuint (f->removed, ==, 1);
  g_assert_cmpuint (f->added, ==, 0);
  g_assert_null (retract_case_list_find (list, retract_case_item_get_id (item), NULL));

  /* A new done case: added at the bottom. */
  g_ptr_array_add (cases, g_object_ref (other));
  retract_case_list_set_cases (list, cases, now);
  g_assert_cmpuint (f->n_changes, ==, 2);
  g_assert_cmpuint (f->position, ==, 3);
  g_assert_cmpuint (f->removed, ==, 0);
  g_assert_cmpuint (f->added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_true (case_at (list, 3) == other);

  /* The fresh case saved again with its self-service withdrawal logged and
   * resolved: the same item, now done, moved down; the old copy is gone. */
  {
    g_autofree char *json = retract_case_to_json (f->fresh);
    g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
    g_autoptr(GError) error = NULL;
    RetractCase *copy = retract_case_new_from_bytes (bytes, "copy.json", &error);
    g_autoptr(GDateTime) at = retract_time_parse ("2026-11-24 20:30", NULL);
    g_autoptr(RetractCaseItem) fresh = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_no_error (error);
    g_assert_cmpstr (retract_case_get_id (copy), ==, retract_case_get_id (f->fresh));
    retract_case_add_event (copy, retract_case_event_new (RETRACT_EVENT_RESOLVED, at));
    g_ptr_array_remove_index (cases, 0);
    g_ptr_array_add (cases, copy);
    g_ptr_array_remove (f->cases, f->fresh); /* the fixture's copy goes: only the list's remains */
    retract_case_list_set_cases (list, cases, now);

    g_assert_true (retract_case_item_get_case (fresh) == copy);
    g_assert_cmpint (retract_case_item_get_status (fresh), ==, RETRACT_STATUS_DONE);
    g_assert_true (retract_case_list_find (list, retract_case_get_id (copy), NULL) == fresh);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  }
}

/* A case the rules in use cannot assess is listed with why, without status. */
static void
test_error (void)
{
  g_autoptr(RetractCaseList) list = retract_case_list_new (rules, RETRACT_LANGUAGE_ZH_CN);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = retract_time_parse ("2026-11-24 21:00", NULL);
  g_autoptr(RetractCaseItem) item = NULL;

  g_ptr_array_add (cases, make_case ("wechat", "no-such-type", "2026-11-24 10:00", "", NULL,
                                     NULL, NULL, FALSE));
  g_ptr_array_add (cases, make_case ("wechat", "friend-report", "2026-11-24 10:00", "", NULL,
                                     NULL, NULL, FALSE));
  retract_case_list_set_cases (list, cases, now);

  item = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_false (retract_case_item_has_status (item));
  g_assert_nonnull (retract_case_item_get_error (item));
  g_assert_cmpstr (retract_case_item_get_type_name (item), ==, "no-such-type");
  g_assert_cmpstr (retract_case_item_get_platform_name (item), ==, "微信");
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (retract_case_item_get_type_name (item), ==, "好友举报(色情/诈骗)");
}

/* A case's heading names its platform and type, an id the dataset does not
 * know as it is, and one not chosen in words: never "(null)" (the home
 * listed a new case left blank as "WeChat · (null)"). */
static void
test_heading (void)
{
  g_autoptr(RetractCaseList) list = retract_case_list_new (rules, RETRACT_LANGUAGE_ZH_CN);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = retract_time_parse ("2026-11-24 21:00", NULL);
  g_autoptr(RetractCase) blank = retract_case_new ();
  g_autofree char *heading = NULL;
  const char *const expected[][2] = {
    { "friend-report", "微信 · 好友举报(色情/诈骗)" },
    { "no-such-type", "微信 · no-such-type" },
    { NULL, "微信 · complaint type not chosen" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_ptr_array_add (cases, make_case ("wechat", expected[i][0], "2026-11-24 10:00", "", NULL,
                                       NULL, NULL, FALSE));
  retract_case_list_set_cases (list, cases, now);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      RetractCase *kase = g_ptr_array_index (cases, i);
      RetractCaseItem *item = retract_case_list_find (list, retract_case_get_id (kase), NULL);

      g_assert_cmpstr (retract_case_item_get_heading (item), ==, expected[i][1]);
      g_clear_pointer (&heading, g_free);
      heading = retract_case_dup_heading (kase, rules, RETRACT_LANGUAGE_EN);
      g_assert_null (strstr (heading, "(null)"));
    }

  /* Before anything is chosen (no platform remembered). */
  g_clear_pointer (&heading, g_free);
  heading = retract_case_dup_heading (blank, rules, RETRACT_LANGUAGE_EN);
  g_assert_cmpstr (heading, ==, "Platform not chosen · complaint type not chosen");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RetractCaseList) list = list_at (f, "2026-11-24 21:00");
  RetractCaseItem *ticket = retract_case_list_find (list, retract_case_get_id (f->ticket), NULL);
  RetractCaseItem *fresh = retract_case_list_find (list, retract_case_get_id (f->fresh), NULL);

  g_assert_true (retract_case_item_matches (ticket, NULL));
  g_assert_true (retract_case_item_matches (ticket, ""));
  g_assert_true (retract_case_item_matches (ticket, "  "));
  /* The complaint number, the type, the account; any case, every word. */
  g_assert_true (retract_case_item_matches (ticket, "wx20261124"));
  g_assert_false (retract_case_item_matches (fresh, "wx20261124"));
  g_assert_true (retract_case_item_matches (fresh, "FRAUD"));
  g_assert_true (retract_case_item_matches (fresh, "Shop"));
  g_assert_true (retract_case_item_matches (fresh, "shop fraud"));
  g_assert_false (retract_case_item_matches (fresh, "shop dispute"));
  g_assert_false (retract_case_item_matches (ticket, "shop"));
  /* Not the platform nor the status: what the issue names, no more. */
  g_assert_false (retract_case_item_matches (ticket, "wechat"));
}

/* What the list shows of its rows, in order, and what its rows say for the
 * reminders (the step's reason and channel), for comparing two lists. */
static char *
describe (RetractCaseList *list)
{
  GString *text = g_string_new (NULL);
  GPtrArray *rows = retract_case_list_get_rows (list);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(RetractCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *due = NULL;
      const GError *error = retract_case_item_get_error (item);
      const RetractCaseRow *row = g_ptr_array_index (rows, i);

      if (retract_case_item_get_due_at (item) != NULL)
        due = retract_time_format_iso (retract_case_item_get_due_at (item));
      g_string_append_printf (text, "%s %d %d %s %s %d %s\n", retract_case_item_get_id (item),
                              retract_case_item_has_status (item),
                              retract_case_item_get_status (item), due != NULL ? due : "-",
                              error != NULL ? error->message : "-", row->step.reason,
                              row->step.channel != NULL ? row->step.channel : "-");
    }
  return g_string_free (text, FALSE);
}

static void
add_event (RetractCase      *kase,
           RetractEventKind  kind,
           const char       *channel,
           GDateTime        *at,
           RetractEventOutcome outcome)
{
  RetractCaseEvent *event = retract_case_event_new (kind, at);

  event->channel = g_strdup (channel);
  event->outcome = outcome;
  retract_case_add_event (kase, event);
}

/* Issue 16, the minute within a frame: a refresh minute by minute says at
 * every minute what a list made at that minute says (statuses, deadlines,
 * order, errors), across stage ends, deadlines, answers awaited, events
 * logged ahead of time, another case of the same account, midnight and the
 * first of a month, while it assesses the cases again only when one of
 * those comes, not on every minute. */
static void
test_refresh_skips (void)
{
  static const char * const types[][2] = {
    { "wechat", "friend-report" }, { "wechat", "payment-dispute" }, { "alipay", "general" },
    { "douyin", "general" },
  };
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) start = retract_time_parse ("2026-11-30 21:00", NULL);
  g_autoptr(RetractCaseList) list = retract_case_list_new (rules, RETRACT_LANGUAGE_EN);
  guint minutes = 2 * 24 * 60, before, rows_before, changes = 0, rows;
  g_autofree char *last = NULL;

  for (guint i = 0; i < 16; i++)
    {
      RetractCase *kase = retract_case_new ();
      g_autoptr(GDateTime) filed = g_date_time_add_minutes (start, -(int) (i * 97 % 3000) - 30);
      g_autoptr(RetractAssessment) assessment = NULL;
      GPtrArray *channels;

      retract_case_set_platform (kase, types[i % 4][0]);
      retract_case_set_complaint_type (kase, types[i % 4][1]);
      retract_case_set_filed_at (kase, filed);
      g_assert_true (retract_case_set_account (kase, i % 3 == 0 ? "" : "shop", NULL));
      assessment = retract_assessment_new (rules, kase, filed, NULL);
      g_assert_nonnull (assessment);
      channels = retract_assessment_get_channels (assessment);
      if (channels->len > 0 && i % 4 != 0)
        {
          const RetractChannel *first = g_ptr_array_index (channels, 0);
          const RetractChannel *last_channel = g_ptr_array_index (channels, channels->len - 1);
          /* A request made, some logged ahead of the start. */
          g_autoptr(GDateTime) at = g_date_time_add_minutes (filed, 50 + (int) i * 131 % 900);
          g_autoptr(GDateTime) reply = g_date_time_add_minutes (at, 400);

          add_event (kase, RETRACT_EVENT_SUBMITTED, first->id, at, RETRACT_OUTCOME_NONE);
          if (i % 4 == 2)
            add_event (kase, RETRACT_EVENT_REPLY, NULL, reply, RETRACT_OUTCOME_REFUSED);
          if (i % 8 == 3)
            add_event (kase, RETRACT_EVENT_SUBMITTED, last_channel->id, reply,
                       RETRACT_OUTCOME_NONE);
        }
      if (i == 5)
        {
          g_autoptr(GDateTime) ended = g_date_time_add_minutes (start, 200);

          add_event (kase, RETRACT_EVENT_RESOLVED, NULL, ended, RETRACT_OUTCOME_NONE);
        }
      g_ptr_array_add (cases, kase);
    }

  retract_case_list_set_cases (list, cases, start);
  before = retract_case_list_get_n_evaluations ();
  rows_before = retract_case_list_get_n_rows_assessed ();
  for (guint m = 1; m <= minutes; m++)
    {
      g_autoptr(GDateTime) now = g_date_time_add_minutes (start, (int) m);
      g_autoptr(RetractCaseList) fresh = retract_case_list_new (rules, RETRACT_LANGUAGE_EN);
      g_autofree char *expected = NULL;
      g_autofree char *shown = NULL;

      retract_case_list_refresh (list, now);
      retract_case_list_set_cases (fresh, cases, now);
      expected = describe (fresh);
      shown = describe (list);
      if (g_strcmp0 (shown, expected) != 0)
        g_test_message ("at minute %u", m);
      g_assert_cmpstr (shown, ==, expected);
      g_assert_true (g_date_time_equal (retract_case_list_get_next_due (list) != NULL
                                          ? retract_case_list_get_next_due (list) : now,
                                        retract_case_list_get_next_due (fresh) != NULL
                                          ? retract_case_list_get_next_due (fresh) : now));
      if (last != NULL && g_strcmp0 (last, expected) != 0)
        changes++;
      g_free (last);
      last = g_steal_pointer (&expected);
    }

  /* The statuses did move, and a fresh list is assessed each minute (one
   * evaluation each), the refreshed one only a few times. */
  rows = retract_case_list_get_n_rows_assessed () - rows_before - minutes * cases->len;
  g_test_message ("%u changes, %u evaluations of %u rows in %u minutes", changes,
                  retract_case_list_get_n_evaluations () - before - minutes, rows, minutes);
  g_assert_cmpuint (changes, >=, 5);
  g_assert_cmpuint (retract_case_list_get_n_evaluations () - before - minutes, <, minutes / 10);
  /* And an evaluation assesses the accounts whose rows change, not all. */
  g_assert_cmpuint (rows, <,
                    (retract_case_list_get_n_evaluations () - before - minutes) * cases->len / 2);
}

/* Issue 16, the listing after a save: the cases that did not change come
 * again as the same objects (retract_store_list_cases()), and the list keeps
 * their rows; the account of the saved case is assessed again (its counts
 * may have changed), and the list says what a list made anew says. */
static void
test_set_cases_keeps_rows (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RetractCaseList) list = list_at (f, "2026-11-24 21:00");
  g_autoptr(RetractCaseList) fresh = retract_case_list_new (rules, RETRACT_LANGUAGE_EN);
  g_autoptr(GDateTime) later = retract_time_parse ("2026-11-24 21:10", NULL);
  g_autoptr(GDateTime) at = retract_time_parse ("2026-11-24 21:05", NULL);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RetractCase) saved = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  char *text;
  RetractCaseEvent *event;
  guint before;

  /* The older case saved again, a new object, with a request made. */
  text = retract_case_to_json (f->older);
  bytes = g_bytes_new_take (text, strlen (text));
  saved = retract_case_new_from_bytes (bytes, "older.json", &error);
  g_assert_no_error (error);
  event = retract_case_event_new (RETRACT_EVENT_SUBMITTED, at);
  event->channel = g_strdup ("web-ticket");
  retract_case_add_event (saved, event);
  g_ptr_array_add (cases, g_object_ref (f->resolved));
  g_ptr_array_add (cases, g_object_ref (f->ticket));
  g_ptr_array_add (cases, g_object_ref (saved));
  g_ptr_array_add (cases, g_object_ref (f->fresh));

  /* The ticket shares the older case's account: two rows assessed, the
   * shop account's and Alipay's kept. */
  before = retract_case_list_get_n_rows_assessed ();
  retract_case_list_set_cases (list, cases, later);
  g_assert_cmpuint (retract_case_list_get_n_rows_assessed () - before, ==, 2);
  retract_case_list_set_cases (fresh, cases, later);
  expected = describe (fresh);
  shown = describe (list);
  g_assert_cmpstr (shown, ==, expected);
  g_assert_true (retract_case_item_get_case (retract_case_list_find (
                   list, retract_case_get_id (f->older), NULL)) == saved);

  /* The same objects again: nothing assessed. */
  before = retract_case_list_get_n_rows_assessed ();
  retract_case_list_set_cases (list, cases, later);
  g_assert_cmpuint (retract_case_list_get_n_rows_assessed () - before, ==, 0);
}

/* A case that cannot be assessed is assessed again on every minute: its
 * error names the time ("it is now …"), and it is assessed once its filing
 * time has come. */
static void
test_refresh_error (void)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RetractCaseList) list = retract_case_list_new (rules, RETRACT_LANGUAGE_EN);
  g_autoptr(GDateTime) start = retract_time_parse ("2026-11-24 09:50", NULL);
  g_autoptr(RetractCaseItem) item = NULL;
  g_autofree char *first = NULL;

  g_ptr_array_add (cases, make_case ("wechat", "friend-report", "2026-11-24 10:00", "", NULL,
                                     NULL, NULL, FALSE));
  retract_case_list_set_cases (list, cases, start);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_false (retract_case_item_has_status (item));
  first = g_strdup (retract_case_item_get_error (item)->message);
  for (guint m = 1; m <= 20; m++)
    {
      g_autoptr(GDateTime) now = g_date_time_add_minutes (start, (int) m);

      retract_case_list_refresh (list, now);
      if (m == 1)
        g_assert_cmpstr (retract_case_item_get_error (item)->message, !=, first);
    }
  g_assert_true (retract_case_item_has_status (item));
  g_assert_null (retract_case_item_get_error (item));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  rules = retract_ruleset_new_bundled (&error);
  g_assert_no_error (error);

  g_test_add ("/retract/case-list/order", Fixture, NULL, fixture_set_up, test_order,
              fixture_tear_down);
  g_test_add ("/retract/case-list/refresh-unchanged", Fixture, NULL, fixture_set_up,
              test_refresh_unchanged, fixture_tear_down);
  g_test_add ("/retract/case-list/refresh-moves", Fixture, NULL, fixture_set_up,
              test_refresh_moves, fixture_tear_down);
  g_test_add ("/retract/case-list/set-cases", Fixture, NULL, fixture_set_up, test_set_cases,
              fixture_tear_down);
  g_test_add ("/retract/case-list/search", Fixture, NULL, fixture_set_up, test_search,
              fixture_tear_down);
  g_test_add_func ("/retract/case-list/error", test_error);
  g_test_add_func ("/retract/case-list/heading", test_heading);
  g_test_add ("/retract/case-list/set-cases-keeps-rows", Fixture, NULL, fixture_set_up,
              test_set_cases_keeps_rows, fixture_tear_down);
  g_test_add_func ("/retract/case-list/refresh-skips", test_refresh_skips);
  g_test_add_func ("/retract/case-list/refresh-error", test_refresh_error);

  status = g_test_run ();
  g_object_unref (rules);
  return status;
}
