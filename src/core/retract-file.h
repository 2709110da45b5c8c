/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Every file Retract reads or writes goes through here: reading refuses what
 * is not a regular file and caps the size before reading; writing goes
 * through a temporary file of ours, renamed over the old one; the data
 * folder is private and has one lock, held by whoever writes into it. */

#define RETRACT_FILE_LOCK_NAME  ".retract.lock"
#define RETRACT_FILE_TEMP_INFIX ".retract-tmp-"

typedef struct _RetractFolderLock RetractFolderLock;

GBytes            *retract_file_read                  (const char          *path,
                                                       gsize                max_bytes,
                                                       GError             **error);
gboolean           retract_file_replace               (const char          *path,
                                                       const void          *data,
                                                       gsize                length,
                                                       GError             **error);
gboolean           retract_file_replace_own           (const char          *path,
                                                       const void          *data,
                                                       gsize                length,
                                                       GError             **error);
void               retract_file_replace_async         (const char          *path,
                                                       GBytes              *data,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean           retract_file_replace_finish        (GAsyncResult        *result,
                                                       GError             **error);
gboolean           retract_file_write_fd              (int                  fd,
                                                       const char          *name,
                                                       const void          *data,
                                                       gsize                length,
                                                       GError             **error);

char              *retract_file_display_name          (const char          *path);

gboolean           retract_file_ensure_private_folder (const char          *directory,
                                                       GError             **error);
RetractFolderLock *retract_folder_lock                (const char          *directory,
                                                       GError             **error);
void               retract_folder_unlock              (RetractFolderLock   *lock);

gboolean           retract_file_is_temporary_name     (const char          *name,
                                                       const char          *base);
void               retract_file_remove_leftovers      (const char          *directory,
                                                       const char * const  *bases);
void               retract_file_tidy_folder           (const char          *directory,
                                                       const char * const  *bases);

char              *retract_file_move_aside            (const char          *path,
                                                       const char          *prefix,
                                                       GError             **error);
gboolean           retract_file_is_aside_name         (const char          *name,
                                                       const char          *prefix);
gboolean           retract_file_remove_ours           (const char          *directory,
                                                       const char          *name,
                                                       GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RetractFolderLock, retract_folder_unlock)

G_END_DECLS
