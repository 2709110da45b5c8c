/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-case.h"

G_BEGIN_DECLS

/* One letter field, as the case file, the checks and the pages see it. */
typedef struct
{
  const char  *property;   /* the RetractCase property */
  const char  *field;      /* name in messages and the case file's path */
  const char  *json_key;
  const char  *label;      /* what the user sees, untranslated */
  gboolean     applicant;  /* lives under "applicant" in the file */
  gboolean     required;   /* the letter cannot be written without it */
  guint        max_chars;
  gboolean     multiline;
  /* after the text check; NULL if none */
  gboolean   (*check)      (RetractCase  *kase,
                            const char   *value,
                            const GDate  *today,
                            GError      **error);
} RetractCaseField;

const RetractCaseField *retract_case_field (RetractDetail detail);

G_END_DECLS
