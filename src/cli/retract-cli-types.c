/* SPDX-License-Identifier: GPL-3.0-or-later */

/* retract-cli types: the complaint types of the rules in use. */

#define G_LOG_DOMAIN "retract-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-cli-private.h"
#include "retract-json-views.h"

/* The text listing: one type in three lines, aligned in columns. */
static void
print_complaint_type (const RetractComplaintType *type,
                      RetractLanguage             language)
{
  g_print ("%-8s %-26s %s%s%s\n", type->platform, type->id,
           retract_text_get (&type->name, language),
           type->success_rating ? "  " : "",
           type->success_rating ? type->success_rating : "");
  g_print ("%-35s %s\n", "", retract_text_get (&type->description, language));
  if (type->withdrawable)
    retract_cli_print_field ("                                    ", _("Window:"),
                             retract_text_get (&type->window_text, language));
  else
    g_print ("%-35s %s\n", "", _("Cannot be withdrawn once filed."));
}

int
retract_cli_types (int    argc,
                   char **argv)
{
  g_auto(RetractCliRules) options = { 0 };
  g_autofree char *platform = NULL;
  gboolean json = FALSE;
  RetractRuleset *rules;
  GPtrArray *types;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "platform", 0, 0, G_OPTION_ARG_STRING, &platform, N_("Only this platform's types"),
      N_("PLATFORM") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    RETRACT_CLI_LANG_OPTION (options),
    RETRACT_CLI_RULES_OPTION (options),
    { NULL }
  };

  if (!retract_cli_parse (_("— list the complaint types"), NULL, entries, &argc, &argv, &status))
    return status;

  if (!retract_cli_rules_load (&options, &status))
    return status;
  rules = options.rules;

  if (platform != NULL && retract_ruleset_lookup_platform (rules, platform) == NULL)
    {
      g_autofree char *valid = retract_records_join_ids (RETRACT_RECORD_PLATFORM,
                                                           retract_ruleset_get_platforms (rules));

      g_printerr (_("platform: unknown platform “%1$s”; valid values: %2$s\n"), platform, valid);
      return EXIT_BAD_INPUT;
    }

  if (json)
    {
      g_autoptr(JsonNode) root =
        retract_complaint_types_to_json (rules, platform, options.language);

      retract_cli_print_json (root);
      return EXIT_OK;
    }

  types = retract_ruleset_get_types (rules);
  for (guint i = 0; i < types->len; i++)
    {
      const RetractComplaintType *type = g_ptr_array_index (types, i);

      if (platform == NULL || g_str_equal (type->platform, platform))
        print_complaint_type (type, options.language);
    }

  return EXIT_OK;
}
