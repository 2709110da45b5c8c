/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-page.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_MATERIALS_PAGE (retract_materials_page_get_type ())

G_DECLARE_FINAL_TYPE (RetractMaterialsPage, retract_materials_page, RETRACT, MATERIALS_PAGE,
                      RetractPage)

G_END_DECLS
