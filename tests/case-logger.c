/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Logs events to one saved case through the store, as `retract-cli case log`
 * and the app do, for the concurrency test: the case is loaded once, then
 * each event is added and saved at once, so that several of these at the
 * same time save over each other's revisions.
 *   case-logger DIRECTORY ID TAG N
 * adds N notes "TAG-0" … "TAG-(N-1)", a minute apart after the filing.
 * Exit 0 when all were saved, 3 when the case was deleted meanwhile (and
 * nothing more was written), 1 on any other failure. */

#include "config.h"

#include "retract-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RetractStore) store = NULL;
  g_autoptr(RetractCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (argc != 5)
    return 2;

  store = retract_store_new (argv[1]);
  kase = retract_store_load_case (store, argv[2], &error);
  if (kase == NULL)
    {
      g_printerr ("case-logger: %s\n", error->message);
      return 1;
    }

  n = (guint) g_ascii_strtoull (argv[4], NULL, 10);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_minutes (retract_case_get_filed_at (kase),
                                                         (int) i);
      RetractCaseEvent *event = retract_case_event_new (RETRACT_EVENT_NOTE, at);
      g_autofree char *note = g_strdup_printf ("%s-%u", argv[3], i);

      retract_case_event_set_text (event, &event->note, note);
      retract_case_add_event (kase, event);
      if (!retract_store_save_case (store, kase, &error))
        {
          g_printerr ("case-logger: %s\n", error->message);
          return g_error_matches (error, RETRACT_STORE_ERROR, RETRACT_STORE_ERROR_DELETED) ? 3
                                                                                            : 1;
        }
    }

  return 0;
}
