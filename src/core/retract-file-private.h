/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "retract-file.h"

G_BEGIN_DECLS

/* Shared by retract-file.c (reads and writes) and retract-data-folder.c (the
 * data folder, its lock, leftovers and files set aside). */

/* The random part of a temporary file's name: `.<name>.retract-tmp-XXXXXX`. */
#define RETRACT_FILE_TEMP_SUFFIX_LENGTH 6

/* Sets "<what happened to @file>: <the system's reason>", @format (a
 * translated literal) having one %s: the file's name, escaped (see
 * retract_file_display_name()). */
#define retract_file_set_errno_error(error, saved_errno, format, file) \
  G_STMT_START { \
    int errno_ = (saved_errno); \
    g_autofree char *shown_ = retract_file_display_name (file); \
    g_autofree char *what_ = g_strdup_printf ((format), shown_); \
    g_set_error ((error), G_FILE_ERROR, g_file_error_from_errno (errno_), "%s: %s", what_, \
                 g_strerror (errno_)); \
  } G_STMT_END

void retract_file_set_not_regular_error (GError     **error,
                                         const char  *path);

G_END_DECLS
