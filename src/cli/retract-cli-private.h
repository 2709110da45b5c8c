/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the commands of retract-cli share: option parsing, error reporting,
 * loading the rules, printing. Each command group has its own file
 * (retract-cli-assess.c, retract-cli-letter.c, …); retract-cli.c holds main()
 * and the table of commands. The case commands are two files:
 * retract-cli-case.c (the case library, case new, log, delete, export,
 * import) and retract-cli-case-show.c (case show, cases). */

#include <json-glib/json-glib.h>

#include "retract-assessment.h"
#include "retract-case.h"
#include "retract-next-step.h"
#include "retract-store.h"
#include "retract-rules-store.h"
#include "retract-ruleset.h"

G_BEGIN_DECLS

/* A command, or a subcommand of case: its name, what runs it (with its own
 * argv, argv[0] being the name) and its line in --help. */
typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} RetractCliCommand;

/* Exit codes: 0 success, 2 bad input or invalid data, 1 internal error. */
enum {
  EXIT_OK = 0,
  EXIT_INTERNAL = 1,
  EXIT_BAD_INPUT = 2,
};

/* --lang, --rules and --now, which most commands take, and what they give. */
typedef struct
{
  char            *lang;
  char            *rules_path;
  char            *now_text;
  RetractLanguage  language;
  RetractRuleset  *rules;
  GDateTime       *now;
} RetractCliRules;

#define RETRACT_CLI_JSON_OPTION(flag) \
  { "json", 0, 0, G_OPTION_ARG_NONE, &(flag), N_("Print one JSON object"), NULL }
#define RETRACT_CLI_LANG_OPTION(options) \
  { "lang", 0, 0, G_OPTION_ARG_STRING, &(options).lang, \
    N_("zh_CN, zh_HK or en (default: the locale's)"), N_("LANG") }
#define RETRACT_CLI_RULES_OPTION(options) \
  { "rules", 0, 0, G_OPTION_ARG_FILENAME, &(options).rules_path, \
    N_("Use this rules dataset instead of the bundled one"), N_("FILE") }
/* @description says what the time is for, marked with N_() */
#define RETRACT_CLI_NOW_OPTION(options, description) \
  { "now", 0, 0, G_OPTION_ARG_STRING, &(options).now_text, (description), N_("TIME") }

void            retract_cli_rules_clear      (RetractCliRules  *options);
gboolean        retract_cli_rules_load       (RetractCliRules  *options,
                                              int              *status);
gboolean        retract_cli_rules_load_now   (RetractCliRules  *options,
                                              int              *status);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RetractCliRules, retract_cli_rules_clear)

gboolean        retract_cli_parse            (const char          *parameter_string,
                                              const char          *description,
                                              const GOptionEntry  *entries,
                                              int                 *argc,
                                              char              ***argv,
                                              int                 *status);
gboolean        retract_cli_parse_with_argument (const char          *parameter_string,
                                                 const char          *description,
                                                 const GOptionEntry  *entries,
                                                 const char          *name,
                                                 int                 *argc,
                                                 char              ***argv,
                                                 const char         **argument,
                                                 int                 *status);
gboolean        retract_cli_run_command      (const RetractCliCommand *commands,
                                              gsize                    n_commands,
                                              const char              *prefix,
                                              int                      argc,
                                              char                   **argv,
                                              int                     *status);
int             retract_cli_report_error     (const GError     *error);
int             retract_cli_report_usage     (GOptionContext   *context,
                                              const GError     *error);
RetractRuleset *retract_cli_load_rules       (const char       *path,
                                              GError          **error);
RetractRuleset *retract_cli_load_active      (RetractRulesStore *store,
                                              char            **notice);
GDateTime      *retract_cli_parse_time       (const char       *option,
                                              const char       *text,
                                              GError          **error);
GDateTime      *retract_cli_parse_now        (const char       *text,
                                              GError          **error);
char           *retract_cli_format_due       (GDateTime        *due,
                                              GDateTime        *now);
RetractCase    *retract_cli_new_case         (const char       *platform,
                                              const char       *type,
                                              GDateTime        *filed_at,
                                              const char       *mistake,
                                              const char * const *scenarios,
                                              gboolean          other_party_loss,
                                              GDateTime        *now);
gboolean        retract_cli_set_withdrawals  (RetractCase      *kase,
                                              const char       *text);
void            retract_cli_print_json       (JsonNode         *root);
void            retract_cli_print_warnings   (RetractAssessment *assessment,
                                              RetractLanguage   language);
void            retract_cli_print_field      (const char       *indent,
                                              const char       *label,
                                              const char       *value);

/* A saved case, as case log and case show start from it: the case the ID
 * argument names and the library it was read from, to save it again or to
 * count the other cases. */
typedef struct
{
  RetractStore *store;
  RetractCase  *kase;
} RetractCliSavedCase;

void            retract_cli_saved_case_clear (RetractCliSavedCase *saved);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RetractCliSavedCase, retract_cli_saved_case_clear)

/* The case library, for the commands of retract-cli-case.c,
 * retract-cli-case-log.c and retract-cli-case-show.c: each reports its own
 * errors and sets @status. */
RetractStore   *retract_cli_open_store       (int              *status);
gboolean        retract_cli_open_saved_case  (RetractCliSavedCase *saved,
                                              const char       *id,
                                              int              *status);
GPtrArray      *retract_cli_list_cases       (RetractStore     *store,
                                              int              *status);
int             retract_cli_report_store_error (const GError   *error,
                                                const char     *id);

/* The commands: each takes its own argv, argv[0] being the command's name. */
int             retract_cli_assess           (int               argc,
                                              char            **argv);
int             retract_cli_letter           (int               argc,
                                              char            **argv);
int             retract_cli_case             (int               argc,
                                              char            **argv);
int             retract_cli_cases            (int               argc,
                                              char            **argv);
int             retract_cli_case_show        (int               argc,
                                              char            **argv);
int             retract_cli_case_log         (int               argc,
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
