/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-page.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_CIRCUMSTANCES_PAGE (retract_circumstances_page_get_type ())

G_DECLARE_FINAL_TYPE (RetractCircumstancesPage, retract_circumstances_page, RETRACT,
                      CIRCUMSTANCES_PAGE, RetractPage)

void        retract_circumstances_page_set_others     (RetractCircumstancesPage *self,
                                                       GPtrArray                *others);
const char *retract_circumstances_page_get_known_text (RetractCircumstancesPage *self);

G_END_DECLS
