/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the files of the next step's words: retract-next-step-text.c
 * (the title, the record button, the limits, the questions before a
 * submission) and retract-next-step-why.c (the sentence that says why). */

#include "retract-next-step-text.h"

G_BEGIN_DECLS

char *_retract_next_step_expand        (const char         *format,
                                        const char * const *args,
                                        guint               n_args);
char *_retract_next_step_quote_channel (RetractRuleset     *rules,
                                        const char         *id,
                                        RetractLanguage     language);
char *_retract_next_step_format_time   (GDateTime          *time);

G_END_DECLS
