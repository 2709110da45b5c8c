/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-case.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_STORE (retract_store_get_type ())

G_DECLARE_FINAL_TYPE (RetractStore, retract_store, RETRACT, STORE, GObject)

RetractStore *retract_store_new             (const char    *directory);
RetractStore *retract_store_new_default     (void);
const char   *retract_store_get_directory   (RetractStore  *self);
const char   *retract_store_get_case_path   (RetractStore  *self);
gboolean      retract_store_has_saved_case  (RetractStore  *self);
RetractCase  *retract_store_load_case       (RetractStore  *self,
                                             char         **moved_to,
                                             GError       **error);
gboolean      retract_store_save_case       (RetractStore  *self,
                                             RetractCase   *kase,
                                             GError       **error);
void          retract_store_save_case_async (RetractStore        *self,
                                             RetractCase         *kase,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean      retract_store_save_case_finish (RetractStore       *self,
                                             GAsyncResult        *result,
                                             GError             **error);
void          retract_store_wait            (RetractStore        *self);
gboolean      retract_store_delete_all      (RetractStore  *self,
                                             GError       **error);

G_END_DECLS
