/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "retract-error"

#include "config.h"

#include "retract-error.h"

G_DEFINE_QUARK (retract-data-error-quark, retract_data_error)
G_DEFINE_QUARK (retract-input-error-quark, retract_input_error)
