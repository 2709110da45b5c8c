/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "retract-minisign.h"

G_BEGIN_DECLS

#define RETRACT_KEY_LIST_KIND "io.github.retractapp.Retract/keys"
#define RETRACT_KEY_LIST_MAX_BYTES (64 * 1024)
#define RETRACT_KEY_LIST_PURPOSE_RULES "rules"

#define RETRACT_TYPE_KEY_LIST (retract_key_list_get_type ())

G_DECLARE_FINAL_TYPE (RetractKeyList, retract_key_list, RETRACT, KEY_LIST, GObject)

RetractKeyList           *retract_key_list_new_verified (GBytes                         *bytes,
                                                         GBytes                         *signature_bytes,
                                                         GPtrArray                      *roots,
                                                         GDateTime                      *now,
                                                         gint64                          stored_version,
                                                         GError                        **error);
gint64                    retract_key_list_get_version  (RetractKeyList                 *self);
GDateTime                *retract_key_list_get_issued   (RetractKeyList                 *self);
GDateTime                *retract_key_list_get_expires  (RetractKeyList                 *self);
const RetractMinisignKey *retract_key_list_lookup       (RetractKeyList                 *self,
                                                         const char                     *key_id,
                                                         GError                        **error);
gboolean                  retract_key_list_verify       (RetractKeyList                 *self,
                                                         const RetractMinisignSignature *signature,
                                                         const guint8                   *data,
                                                         gsize                           length,
                                                         GError                        **error);

G_END_DECLS
