/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Saves, over and over, one of two versions of a file, until it is killed:
 * the victim of the crash-safety test.
 *   crash-writer case DIRECTORY    the saved case, through RetractStore
 *   crash-writer rules DIRECTORY   a downloaded dataset, through RetractRulesStore */

#include "config.h"

#include "retract-rules-store.h"
#include "retract-store.h"
#include "retract-time.h"
#include "crash-versions.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    return 2;

  if (g_str_equal (argv[1], "case"))
    {
      g_autoptr(RetractStore) store = retract_store_new (argv[2]);
      g_autoptr(RetractCase) a = crash_case_version (0);
      g_autoptr(RetractCase) b = crash_case_version (1);

      for (guint i = 0;; i++)
        if (!retract_store_save_case (store, i % 2 == 0 ? a : b, &error))
          g_error ("%s", error->message);
    }
  else
    {
      g_autoptr(RetractRulesStore) store = retract_rules_store_new (argv[2]);
      g_autoptr(GBytes) a = crash_rules_version (0);
      g_autoptr(GBytes) b = crash_rules_version (1);

      for (guint i = 0;; i++)
        if (!retract_rules_store_install (store, i % 2 == 0 ? a : b, NULL, &error))
          g_error ("%s", error->message);
    }
}
