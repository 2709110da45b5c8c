/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-page.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_RESULT_PAGE (retract_result_page_get_type ())

G_DECLARE_FINAL_TYPE (RetractResultPage, retract_result_page, RETRACT, RESULT_PAGE, RetractPage)

RetractStage retract_result_page_get_stage (RetractResultPage *self);

G_END_DECLS
