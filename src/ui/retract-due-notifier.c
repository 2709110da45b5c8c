/* SPDX-License-Identifier: GPL-3.0-or-later */

/* While the app runs, a desktop notification when a case's next step
 * becomes due: a case the list showed as waiting is now to act on. It
 * names the platform and the complaint type only, never the complaint
 * number, the account or anything the user typed ("A step is due for your
 * WeChat friend report"); clicking it runs app.open-case with the case's id
 * (random hex, no personal data either).
 *
 * The list is the one the window shows and refreshes: the notifier reads the
 * statuses it already worked out (no assessment of its own) after each
 * change of the list (items added, moved or removed, an item's status); a
 * tick of the clock that changes no status is nothing to scan for. Cases
 * seen for the first time (start-up, a new or imported case) are not
 * announced: only a change the clock made while the app was running. */

#define G_LOG_DOMAIN "retract-due-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-due-notifier.h"

struct _RetractDueNotifier
{
  GObject          parent_instance;

  RetractCaseList *list;
  GHashTable      *statuses; /* id -> status + 1 (0: not assessed) */
  gulong           items_changed_id;
  guint            scan_id;
};

G_DEFINE_FINAL_TYPE (RetractDueNotifier, retract_due_notifier, G_TYPE_OBJECT)

enum
{
  STEP_DUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_notification_id (const char *case_id)
{
  return g_strconcat ("case-due-", case_id, NULL);
}

static void
send_due (RetractDueNotifier *self,
          RetractCaseItem    *item)
{
  const char *id = retract_case_item_get_id (item);
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *notification_id = dup_notification_id (id);
  GApplication *app = g_application_get_default ();

  /* Translators: a desktop notification; "A step is due for your WeChat
   * friend report": the platform's name and the complaint type's short name */
  title = g_strdup_printf (_("A step is due for your %1$s %2$s"),
                           retract_case_item_get_platform_name (item),
                           retract_case_item_get_short_type_name (item));
  notification = g_notification_new (title);
  g_notification_set_body (notification, _("Open Retract to see what to do and by when."));
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.open-case", "s", id);

  g_signal_emit (self, signals[STEP_DUE], 0, id, notification);
  if (app != NULL && g_application_get_is_registered (app))
    g_application_send_notification (app, notification_id, notification);
}

static void
withdraw_due (const char *id)
{
  g_autofree char *notification_id = dup_notification_id (id);
  GApplication *app = g_application_get_default ();

  if (app != NULL && g_application_get_is_registered (app))
    g_application_withdraw_notification (app, notification_id);
}

static gboolean
scan_idle (gpointer data)
{
  RetractDueNotifier *self = data;

  self->scan_id = 0;
  retract_due_notifier_scan (self);
  return G_SOURCE_REMOVE;
}

/* Once for all the changes of one refresh of the list. */
static void
schedule_scan (RetractDueNotifier *self)
{
  if (self->scan_id == 0)
    self->scan_id = g_idle_add_full (G_PRIORITY_LOW, scan_idle, self, NULL);
}

static void
on_items_changed (RetractDueNotifier *self)
{
  schedule_scan (self);
}

/* A refresh that changes a status without moving the case (one case, or
 * the first stays first) is told by the item alone. */
static void
watch_item (RetractDueNotifier *self,
            RetractCaseItem    *item)
{
  static GQuark watched;

  if (watched == 0)
    watched = g_quark_from_static_string ("retract-due-notifier-watched");
  if (g_object_get_qdata (G_OBJECT (item), watched) == self)
    return;

  g_object_set_qdata (G_OBJECT (item), watched, self);
  g_signal_connect_object (item, "notify::status", G_CALLBACK (schedule_scan), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::has-status", G_CALLBACK (schedule_scan), self,
                           G_CONNECT_SWAPPED);
}

static void
retract_due_notifier_dispose (GObject *object)
{
  RetractDueNotifier *self = (RetractDueNotifier *)object;

  g_clear_handle_id (&self->scan_id, g_source_remove);
  if (self->list != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->list);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (retract_due_notifier_parent_class)->dispose (object);
}

static void
retract_due_notifier_finalize (GObject *object)
{
  RetractDueNotifier *self = (RetractDueNotifier *)object;

  g_clear_pointer (&self->statuses, g_hash_table_unref);

  G_OBJECT_CLASS (retract_due_notifier_parent_class)->finalize (object);
}

static void
retract_due_notifier_class_init (RetractDueNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = retract_due_notifier_dispose;
  object_class->finalize = retract_due_notifier_finalize;

  /**
   * RetractDueNotifier::step-due:
   * @id: the case's id
   * @notification: the notification sent (when the application is registered)
   */
  signals[STEP_DUE] = g_signal_new ("step-due", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2,
                                    G_TYPE_STRING, G_TYPE_NOTIFICATION);
}

static void
retract_due_notifier_init (RetractDueNotifier *self)
{
  self->statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * retract_due_notifier_new:
 * @list: the window's case list, which the window keeps up to date
 *
 * Returns: (transfer full): a notifier that knows the statuses @list shows now
 */
RetractDueNotifier *
retract_due_notifier_new (RetractCaseList *list)
{
  RetractDueNotifier *self;

  g_return_val_if_fail (RETRACT_IS_CASE_LIST (list), NULL);

  self = g_object_new (RETRACT_TYPE_DUE_NOTIFIER, NULL);
  self->list = g_object_ref (list);
  self->items_changed_id = g_signal_connect_swapped (list, "items-changed",
                                                     G_CALLBACK (on_items_changed), self);

  /* What is shown at start is known, not news. */
  retract_due_notifier_scan (self);
  return self;
}

/**
 * retract_due_notifier_scan:
 *
 * Compares the list's statuses with the last ones seen and sends a
 * notification for each case that went from waiting to act now (the
 * notifier does this by itself after the list or a status in it changes).
 */
void
retract_due_notifier_scan (RetractDueNotifier *self)
{
  g_autoptr(GHashTable) seen = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n;

  g_return_if_fail (RETRACT_IS_DUE_NOTIFIER (self));

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RetractCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->list), i);
      const char *id = retract_case_item_get_id (item);
      int status = retract_case_item_has_status (item) ? (int) retract_case_item_get_status (item)
                                                       : -1;
      gpointer before;

      watch_item (self, item);
      if (g_hash_table_lookup_extended (self->statuses, id, NULL, &before))
        {
          int was = GPOINTER_TO_INT (before) - 1;

          if (was == RETRACT_STATUS_WAITING && status == RETRACT_STATUS_ACT_NOW)
            send_due (self, item);
          else if (was == RETRACT_STATUS_ACT_NOW && status != RETRACT_STATUS_ACT_NOW)
            withdraw_due (id);
        }
      g_hash_table_insert (seen, g_strdup (id), GINT_TO_POINTER (status + 1));
    }

  /* A case deleted while its notification was up: nothing to open any more. */
  g_hash_table_iter_init (&iter, self->statuses);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, key) && GPOINTER_TO_INT (value) - 1 == RETRACT_STATUS_ACT_NOW)
      withdraw_due (key);

  g_hash_table_unref (self->statuses);
  self->statuses = g_steal_pointer (&seen);
}
