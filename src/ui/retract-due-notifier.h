/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "retract-case-list.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_DUE_NOTIFIER (retract_due_notifier_get_type ())

G_DECLARE_FINAL_TYPE (RetractDueNotifier, retract_due_notifier, RETRACT, DUE_NOTIFIER, GObject)

RetractDueNotifier *retract_due_notifier_new  (RetractCaseList    *list);
void                retract_due_notifier_scan (RetractDueNotifier *self);

G_END_DECLS
