/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The case list. Built from the store's light copies (retract_store_list_cases()),
 * so listing never reads a narrative; each case gets its row
 * (retract_case_rows_new(): counted against its own account only) and keeps
 * one item object for as long as it is in the list.
 *
 * A refresh (the clock moved, a case was saved or deleted) works the rows
 * out again and tells the view as little as it can: the items whose status
 * or deadline changed notify those properties, and a change of order is one
 * items-changed over the span between the first and the last item that
 * moved (a case that moved to the top: the rows above its old place), not a
 * reset of the whole list, so that a GtkListView keeps its scroll position
 * and selection.
 *
 * A refresh before the rows' valid_until (retract_case_rows_valid_until():
 * the soonest deadline, end of a stage, event ahead, or midnight) assesses
 * nothing again: the rows would come out the same, so only the list's time
 * moves. Most minutes are such a refresh.
 *
 * Searching is the UI's: a GtkFilterListModel over this list whose
 * GtkCustomFilter calls retract_case_item_matches(), the core's rule of
 * what a search finds. */

#define G_LOG_DOMAIN "retract-case-list"

#include "config.h"

#include "retract-case-list.h"

struct _RetractCaseList
{
  GObject          parent_instance;

  RetractRuleset  *rules;
  RetractLanguage  language;
  GPtrArray       *cases; /* RetractCase */
  GPtrArray       *rows;  /* RetractCaseRow, in the list's order */
  GPtrArray       *items; /* RetractCaseItem, parallel to rows */
  GDateTime       *now;
  GDateTime       *next_due;
  GDateTime       *valid_until; /* the rows stay the same until then */
};

/* Counted for the tests: how many times lists worked their rows out, and
 * how many rows they assessed for it. */
static guint n_evaluations;
static guint n_rows_assessed;

static void retract_case_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RetractCaseList, retract_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      retract_case_list_model_init))

static GType
retract_case_list_get_item_type (GListModel *model)
{
  return RETRACT_TYPE_CASE_ITEM;
}

static guint
retract_case_list_get_n_items (GListModel *model)
{
  return RETRACT_CASE_LIST (model)->items->len;
}

static gpointer
retract_case_list_get_item (GListModel *model,
                            guint       position)
{
  RetractCaseList *self = RETRACT_CASE_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
retract_case_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = retract_case_list_get_item_type;
  iface->get_n_items = retract_case_list_get_n_items;
  iface->get_item = retract_case_list_get_item;
}

static void
retract_case_list_finalize (GObject *object)
{
  RetractCaseList *self = RETRACT_CASE_LIST (object);

  g_clear_object (&self->rules);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->next_due, g_date_time_unref);
  g_clear_pointer (&self->valid_until, g_date_time_unref);

  G_OBJECT_CLASS (retract_case_list_parent_class)->finalize (object);
}

static void
retract_case_list_class_init (RetractCaseListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = retract_case_list_finalize;
}

static void
retract_case_list_init (RetractCaseList *self)
{
  self->cases = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) retract_case_row_free);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * retract_case_list_new:
 * @rules: the rules the statuses are worked out with
 * @language: the language of the platform and type names
 *
 * Returns: (transfer full): an empty list; fill it with
 *   retract_case_list_set_cases()
 */
RetractCaseList *
retract_case_list_new (RetractRuleset  *rules,
                       RetractLanguage  language)
{
  RetractCaseList *self;

  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);

  self = g_object_new (RETRACT_TYPE_CASE_LIST, NULL);
  self->rules = g_object_ref (rules);
  self->language = language;
  return self;
}

/* The soonest deadline still ahead of @now, for the UI's timer: when it
 * comes, a waiting case becomes act-now or an act-now case closes. */
static GDateTime *
find_next_due (GPtrArray *rows,
               GDateTime *now)
{
  GDateTime *next = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      const RetractCaseRow *row = g_ptr_array_index (rows, i);
      GDateTime *due = row->step.due_at;

      if (due != NULL && g_date_time_compare (due, now) > 0 &&
          (next == NULL || g_date_time_compare (due, next) < 0))
        next = due;
    }

  return next != NULL ? g_date_time_ref (next) : NULL;
}

/**
 * retract_case_list_set_cases:
 * @cases: (element-type RetractCase): every saved case; light copies are
 *   enough (retract_store_list_cases())
 * @now: the time the statuses are for
 *
 * Makes the list show @cases at @now. A case already in the list (the same
 * id) keeps its item, which takes the new copy of the case; the others are
 * added or removed. Emits items-changed once, over the span that changed.
 */
void
retract_case_list_set_cases (RetractCaseList *self,
                             GPtrArray       *cases,
                             GDateTime       *now)
{
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) kept = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GPtrArray *rows;
  guint old_len, new_len, prefix = 0, suffix = 0, n_assessed = 0;

  g_return_if_fail (RETRACT_IS_CASE_LIST (self));
  g_return_if_fail (cases != NULL);
  g_return_if_fail (now != NULL);

  /* Later the same day: the rows of the accounts whose cases are the same
   * objects (a listing after a save gives the others again as they were, a
   * refresh the list's own) and whose rows still hold are kept, not worked
   * out again. */
  if (self->now != NULL && g_date_time_compare (now, self->now) >= 0)
    {
      g_autoptr(GDateTime) midnight = retract_time_next_midnight (self->now);

      if (g_date_time_compare (now, midnight) < 0)
        kept = g_hash_table_new (NULL, NULL);
    }
  if (kept != NULL)
    {
      for (guint i = 0; i < self->rows->len; i++)
        g_hash_table_add (kept, g_ptr_array_index (self->rows, i));
    }
  n_evaluations++;
  rows = retract_case_rows_update (self->rules, cases, now, kept != NULL ? self->rows : NULL,
                                   &n_assessed);
  n_rows_assessed += n_assessed;

  /* Keyed by the ids of the old copies, which the old cases and rows keep
   * alive until they are replaced below, even once an item takes a new copy. */
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->items->len; i++)
    {
      RetractCaseItem *item = g_ptr_array_index (self->items, i);

      g_hash_table_insert (by_id, (gpointer) retract_case_item_get_id (item), item);
    }

  items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      const RetractCaseRow *row = g_ptr_array_index (rows, i);
      RetractCaseItem *item = g_hash_table_lookup (by_id, retract_case_get_id (row->kase));

      if (item != NULL)
        {
          /* A row kept for the same case says what the item says. */
          if (kept == NULL || !g_hash_table_contains (kept, row) ||
              retract_case_item_get_case (item) != row->kase)
            _retract_case_item_update (item, row, self->rules, self->language);
          g_ptr_array_add (items, g_object_ref (item));
        }
      else
        g_ptr_array_add (items, _retract_case_item_new (row, self->rules, self->language));
    }

  /* The items that kept their place at either end are not part of the change. */
  old_len = self->items->len;
  new_len = items->len;
  while (prefix < old_len && prefix < new_len &&
         g_ptr_array_index (self->items, prefix) == g_ptr_array_index (items, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         g_ptr_array_index (self->items, old_len - 1 - suffix) ==
         g_ptr_array_index (items, new_len - 1 - suffix))
    suffix++;

  /* Keep @cases before the rows go: the rows hold references to them. */
  g_ptr_array_ref (cases);
  g_ptr_array_unref (self->cases);
  self->cases = cases;
  g_ptr_array_unref (self->rows);
  self->rows = rows;
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_ref (now);
  g_clear_pointer (&self->next_due, g_date_time_unref);
  self->next_due = find_next_due (self->rows, now);
  g_clear_pointer (&self->valid_until, g_date_time_unref);
  self->valid_until = retract_case_rows_valid_until (self->rows, now);

  if (prefix + suffix < old_len || prefix + suffix < new_len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_len - prefix - suffix,
                                new_len - prefix - suffix);
}

/**
 * retract_case_list_refresh:
 * @now: the time the statuses are for
 *
 * Works the statuses and the order out again at @now, for the same cases
 * (retract_case_list_set_cases() with the list's own cases). Between the
 * list's time and the rows' valid_until nothing they say changes: the list
 * takes the new time and assesses nothing (its next_due stays the same).
 */
void
retract_case_list_refresh (RetractCaseList *self,
                           GDateTime       *now)
{
  g_autoptr(GPtrArray) cases = NULL;

  g_return_if_fail (RETRACT_IS_CASE_LIST (self));
  g_return_if_fail (now != NULL);

  if (self->now != NULL && self->valid_until != NULL &&
      g_date_time_compare (now, self->now) >= 0 &&
      g_date_time_compare (now, self->valid_until) < 0)
    {
      g_date_time_unref (self->now);
      self->now = g_date_time_ref (now);
      return;
    }

  cases = g_ptr_array_ref (self->cases);
  retract_case_list_set_cases (self, cases, now);
}

/* Returns: (transfer none) (element-type RetractCase): the list's cases, in
 * the order they were given */
GPtrArray *
retract_case_list_get_cases (RetractCaseList *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_LIST (self), NULL);
  return self->cases;
}

/* Returns: (transfer none) (element-type RetractCaseRow): each case's row at
 * the list's time, in the list's order (for the reminders) */
GPtrArray *
retract_case_list_get_rows (RetractCaseList *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_LIST (self), NULL);
  return self->rows;
}

/* Returns: (transfer none) (nullable): the time of the statuses */
GDateTime *
retract_case_list_get_now (RetractCaseList *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_LIST (self), NULL);
  return self->now;
}

/* Returns: (transfer none) (nullable): the soonest next-step deadline after
 * the list's time, when a refresh will change a status; %NULL if none */
GDateTime *
retract_case_list_get_next_due (RetractCaseList *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_LIST (self), NULL);
  return self->next_due;
}

/* For the tests: how many times lists worked their rows out (a set of
 * cases, or a refresh that had to assess them again). */
guint
retract_case_list_get_n_evaluations (void)
{
  return n_evaluations;
}

/* For the tests: how many rows lists assessed, all told. */
guint
retract_case_list_get_n_rows_assessed (void)
{
  return n_rows_assessed;
}

/**
 * retract_case_list_find:
 * @position: (out) (optional): its position
 *
 * Returns: (transfer none) (nullable): the item of the case with @id
 */
RetractCaseItem *
retract_case_list_find (RetractCaseList *self,
                        const char      *id,
                        guint           *position)
{
  g_return_val_if_fail (RETRACT_IS_CASE_LIST (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      RetractCaseItem *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (retract_case_item_get_id (item), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return item;
        }
    }

  return NULL;
}
