/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "retract-rules-store.h"
#include "retract-update-problem.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_UPDATER (retract_updater_get_type ())

G_DECLARE_FINAL_TYPE (RetractUpdater, retract_updater, RETRACT, UPDATER, GObject)

#define RETRACT_UPDATE_ERROR (retract_update_error_quark ())

typedef enum
{
  RETRACT_UPDATE_ERROR_NETWORK,  /* the server could not be reached, or answered an error */
  RETRACT_UPDATE_ERROR_REJECTED, /* an answer came, but it is not acceptable rules */
  RETRACT_UPDATE_ERROR_IO,       /* the rules could not be written here (disk, permissions) */
} RetractUpdateError;

typedef enum
{
  RETRACT_UPDATE_INSTALLED,
  RETRACT_UPDATE_UP_TO_DATE,
} RetractUpdateOutcome;

#define RETRACT_DEFAULT_RULES_URL "https://retractapp.github.io/rules/rules.json"
#define RETRACT_UPDATE_MAX_BYTES RETRACT_RULESET_MAX_BYTES

GQuark          retract_update_error_quark      (void);
RetractUpdateProblem retract_update_error_get_problem (const GError *error);
const char     *retract_update_error_get_version (const GError *error);
gboolean        retract_updater_check_url       (const char          *url,
                                                 GError             **error);

RetractUpdater *retract_updater_new             (RetractRulesStore   *store,
                                                 RetractRuleset      *active);
void            retract_updater_set_timeout     (RetractUpdater      *self,
                                                 guint                seconds);
void            retract_updater_set_max_bytes   (RetractUpdater      *self,
                                                 gsize                max_bytes);
void            retract_updater_check_async     (RetractUpdater      *self,
                                                 const char          *url,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
RetractRuleset *retract_updater_import_file     (RetractUpdater      *self,
                                                 const char          *path,
                                                 RetractUpdateOutcome *outcome,
                                                 GError             **error);
RetractRuleset *retract_updater_check_finish    (RetractUpdater      *self,
                                                 GAsyncResult        *result,
                                                 RetractUpdateOutcome *outcome,
                                                 GError             **error);

G_END_DECLS
