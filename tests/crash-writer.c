/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Saves, over and over, one of two versions of a file, until it is killed:
 * the victim of the crash-safety test.
 *   crash-writer case DIRECTORY    a saved case, through RetractStore
 *   crash-writer event DIRECTORY   events logged one by one to the saved case
 *                                  (notes "0", "1", …), each saved at once
 *   crash-writer migrate DIRECTORY the data folder's case.json into cases/, once
 *   crash-writer rules DIRECTORY   a downloaded dataset, through RetractRulesStore */

#include "config.h"

#include <unistd.h>

#include "retract-rules-store.h"
#include "retract-store.h"
#include "retract-time.h"
#include "crash-versions.h"

static GBytes *
read_signed (const char *directory,
             const char *name)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  return g_bytes_new_take (contents, length);
}

/* Tells the test that the writing starts now: its random kill time counts
 * from here, not from a start-up that a busy or sanitized machine slows. */
static void
ready (void)
{
  if (write (STDOUT_FILENO, "r", 1) != 1)
    g_error ("the test is not listening");
}

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

      g_autoptr(RetractCase) kase = crash_case_version (0);

      /* One case, its text switched between the versions: each save is the
       * next revision of it, as autosave writes. A writer killed early has
       * saved once: either version may be its first. */
      ready ();
      for (guint i = (guint) g_random_int_range (0, 2);; i++)
        {
          RetractCase *version = i % 2 == 0 ? a : b;

          retract_case_set_complaint_type (kase, retract_case_get_complaint_type (version));
          retract_case_set_detail (kase, RETRACT_DETAIL_NARRATIVE,
                                   retract_case_get_detail (version, RETRACT_DETAIL_NARRATIVE));
          if (!retract_store_save_case (store, kase, &error))
            g_error ("%s", error->message);
        }
    }
  else if (g_str_equal (argv[1], "event"))
    {
      g_autoptr(RetractStore) store = retract_store_new (argv[2]);
      g_autoptr(RetractCase) kase = retract_store_load_case (store, CRASH_CASE_ID, &error);

      if (kase == NULL)
        g_error ("%s", error->message);
      /* Carries on after the events the writers killed before it logged. */
      ready ();
      for (guint i = retract_case_get_events (kase)->len;; i++)
        {
          g_autoptr(GDateTime) at = g_date_time_add_minutes (retract_case_get_filed_at (kase),
                                                             (int) i);
          RetractCaseEvent *event = retract_case_event_new (RETRACT_EVENT_NOTE, at);
          g_autofree char *note = g_strdup_printf ("%u", i);

          retract_case_event_set_text (event, &event->note, note);
          retract_case_add_event (kase, event);
          if (!retract_store_save_case (store, kase, &error))
            g_error ("%s", error->message);
        }
    }
  else if (g_str_equal (argv[1], "migrate"))
    {
      g_autoptr(RetractStore) store = retract_store_new (argv[2]);

      ready ();
      if (!retract_store_migrate (store, NULL, NULL, &error))
        g_error ("%s", error->message);
      return 0;
    }
  else
    {
      g_autoptr(RetractRulesStore) store = retract_rules_store_new (argv[2]);
      g_autoptr(GBytes) a = crash_rules_version (0);
      g_autoptr(GBytes) b = crash_rules_version (1);
      /* Signed sets: the test signed both versions and the key list. */
      const char *signed_dir = g_getenv ("RETRACT_CRASH_SIGNATURES");
      g_autoptr(GBytes) signature_a = NULL;
      g_autoptr(GBytes) signature_b = NULL;
      g_autoptr(GBytes) keys = NULL;
      g_autoptr(GBytes) keys_signature = NULL;

      if (signed_dir == NULL)
        g_error ("RETRACT_CRASH_SIGNATURES is not set");
      signature_a = read_signed (signed_dir, "0.minisig");
      signature_b = read_signed (signed_dir, "1.minisig");
      keys = read_signed (signed_dir, "keys.json");
      keys_signature = read_signed (signed_dir, "keys.json.minisig");

      ready ();
      for (guint i = 0;; i++)
        if (!retract_rules_store_install_signed (store,
                                                 &(RetractRulesPublication) {
                                                   i % 2 == 0 ? a : b,
                                                   i % 2 == 0 ? signature_a : signature_b,
                                                   keys, keys_signature },
                                                 NULL, &error))
          g_error ("%s", error->message);
    }
}
