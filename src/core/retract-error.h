/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Problems with a document: the rules dataset or a saved case. */
#define RETRACT_DATA_ERROR (retract_data_error_quark ())

typedef enum
{
  RETRACT_DATA_ERROR_TOO_LARGE,
  RETRACT_DATA_ERROR_EMPTY,
  RETRACT_DATA_ERROR_INVALID_UTF8,
  RETRACT_DATA_ERROR_SYNTAX,
  RETRACT_DATA_ERROR_TRAILING_DATA,
  RETRACT_DATA_ERROR_TOO_DEEP,
  RETRACT_DATA_ERROR_DUPLICATE_KEY,
  RETRACT_DATA_ERROR_UNKNOWN_KEY,
  RETRACT_DATA_ERROR_WRONG_TYPE,
  RETRACT_DATA_ERROR_OUT_OF_RANGE,
  RETRACT_DATA_ERROR_MISSING,
  RETRACT_DATA_ERROR_BAD_REFERENCE,
  RETRACT_DATA_ERROR_BAD_VALUE,
  RETRACT_DATA_ERROR_UNSUPPORTED,
  RETRACT_DATA_ERROR_IO,
} RetractDataError;

/* Problems with what the user answered; messages start with the field's name. */
#define RETRACT_INPUT_ERROR (retract_input_error_quark ())

typedef enum
{
  RETRACT_INPUT_ERROR_MISSING,
  RETRACT_INPUT_ERROR_UNKNOWN_ID,
  RETRACT_INPUT_ERROR_INVALID,
  RETRACT_INPUT_ERROR_FUTURE,
  RETRACT_INPUT_ERROR_OUT_OF_RANGE,
} RetractInputError;

GQuark retract_data_error_quark  (void);
GQuark retract_input_error_quark (void);

G_END_DECLS
