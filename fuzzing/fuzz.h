/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* The libFuzzer entry point, also called by the replay driver. */
int LLVMFuzzerTestOneInput (const unsigned char *data,
                            size_t               size);
