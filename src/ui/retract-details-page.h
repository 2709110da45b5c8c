/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "retract-page.h"

G_BEGIN_DECLS

#define RETRACT_TYPE_DETAILS_PAGE (retract_details_page_get_type ())

G_DECLARE_FINAL_TYPE (RetractDetailsPage, retract_details_page, RETRACT, DETAILS_PAGE, RetractPage)

GtkWidget *retract_details_page_get_field (RetractDetailsPage *self,
                                           RetractDetail       detail);

G_END_DECLS
