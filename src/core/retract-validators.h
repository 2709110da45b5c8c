/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Checks for what people type. Messages never repeat the value itself, so
 * they are safe to show, log or put in a bug report. */

gboolean retract_validate_id_number        (const char  *text,
                                            const GDate *today,
                                            char       **normalized,
                                            GError     **error);
gboolean retract_validate_phone            (const char  *text,
                                            gboolean     allow_hong_kong_macau,
                                            char       **normalized,
                                            GError     **error);
gboolean retract_validate_wechat_id        (const char  *text,
                                            GError     **error);
gboolean retract_validate_complaint_number (const char  *text,
                                            GError     **error);
gboolean retract_validate_text             (const char  *text,
                                            guint        max_chars,
                                            gboolean     multiline,
                                            GError     **error);
char     retract_id_number_check_digit     (const char  *first17);
char    *retract_mask_id_number            (const char  *id_number);

G_END_DECLS
