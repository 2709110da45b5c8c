/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-page.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_SITUATION_PAGE (retract_situation_page_get_type ())

G_DECLARE_FINAL_TYPE (RetractSituationPage, retract_situation_page, RETRACT, SITUATION_PAGE,
                      RetractPage)

G_END_DECLS
