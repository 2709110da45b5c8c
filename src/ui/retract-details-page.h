/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-page.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_DETAILS_PAGE (retract_details_page_get_type ())

G_DECLARE_FINAL_TYPE (RetractDetailsPage, retract_details_page, RETRACT, DETAILS_PAGE, RetractPage)

GtkWidget  *retract_details_page_get_field         (RetractDetailsPage *self,
                                                    RetractDetail       detail);
GtkWidget  *retract_details_page_get_id_type_row   (RetractDetailsPage *self,
                                                    RetractIdHolder     holder);
const char *retract_details_page_get_error         (RetractDetailsPage *self,
                                                    RetractDetail       detail);
const char *retract_details_page_get_glyph_warning (RetractDetailsPage *self,
                                                    RetractDetail       detail);

G_END_DECLS
