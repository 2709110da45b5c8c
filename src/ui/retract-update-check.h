/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RETRACT_UPDATE_CHECK_ERROR (retract_update_check_error_quark ())

typedef enum
{
  RETRACT_UPDATE_CHECK_ERROR_NETWORK,  /* the server could not be reached, or answered an error */
  RETRACT_UPDATE_CHECK_ERROR_REJECTED, /* an answer came, but it is not acceptable rules */
  RETRACT_UPDATE_CHECK_ERROR_HELPER,   /* retract-cli could not run or gave no answer */
} RetractUpdateCheckError;

GQuark    retract_update_check_error_quark (void);
void      retract_update_check_async       (const char           *url,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
void      retract_update_check_import_async (const char          *path,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean  retract_update_check_finish      (GAsyncResult         *result,
                                            gboolean             *installed,
                                            char                **version,
                                            GError              **error);
const char *retract_update_check_describe  (GAsyncResult         *result,
                                            const GError         *error);

G_END_DECLS
