/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-types.h"

G_BEGIN_DECLS

/* A piece of dataset text in both of the languages Retract speaks, and
 * optionally its Traditional Chinese form. */
typedef struct
{
  char *zh_CN;
  char *en;
  char *zh_HK;  /* nullable */
} RetractText;

const char      *retract_text_get             (const RetractText *text,
                                               RetractLanguage    language);
gboolean         retract_text_is_set          (const RetractText *text);
void             retract_text_clear           (RetractText       *text);

gboolean         retract_text_has_unbroken_run (const char       *text,
                                                guint             limit);
gboolean         retract_text_check_document  (RetractJsonDocument *doc,
                                               const char * const  *multiline_paths,
                                               GError             **error);

RetractLanguage  retract_language_default     (void);
gboolean         retract_language_from_string (const char        *name,
                                               RetractLanguage   *language);
const char      *retract_language_to_string   (RetractLanguage    language);
const char      *retract_text_chinese_phrase  (RetractLanguage    language,
                                               const char        *zh_CN) G_GNUC_FORMAT (2);

G_END_DECLS
