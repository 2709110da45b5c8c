/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the commands of retract-cli share: option parsing, error reporting,
 * loading the rules, printing. Each command group has its own file
 * (retract-cli-assess.c, retract-cli-letter.c, …); retract-cli.c holds main()
 * and the table of commands. */

#include <json-glib/json-glib.h>

#include "retract-ruleset.h"

G_BEGIN_DECLS

/* Exit codes: 0 success, 2 bad input or invalid data, 1 internal error. */
enum {
  EXIT_OK = 0,
  EXIT_INTERNAL = 1,
  EXIT_BAD_INPUT = 2,
};

int             retract_cli_report_error     (const GError     *error);
int             retract_cli_report_usage     (GOptionContext   *context,
                                              const GError     *error);
gboolean        retract_cli_parse_options    (GOptionContext   *context,
                                              int              *argc,
                                              char           ***argv,
                                              int              *status);
RetractRuleset *retract_cli_load_rules       (const char       *path,
                                              GError          **error);
gboolean        retract_cli_choose_language  (const char       *name,
                                              RetractLanguage  *language,
                                              GError          **error);
void            retract_cli_print_json       (JsonNode         *root);
void            retract_cli_print_field      (const char       *indent,
                                              const char       *label,
                                              const char       *value);

/* The commands: each takes its own argv, argv[0] being the command's name. */
int             retract_cli_assess           (int               argc,
                                              char            **argv);
int             retract_cli_letter           (int               argc,
                                              char            **argv);
int             retract_cli_update_rules     (int               argc,
                                              char            **argv);
int             retract_cli_revert_rules     (int               argc,
                                              char            **argv);
int             retract_cli_types            (int               argc,
                                              char            **argv);
int             retract_cli_validate_rules   (int               argc,
                                              char            **argv);
int             retract_cli_rules_info       (int               argc,
                                              char            **argv);

G_END_DECLS
