/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Without libFuzzer (gcc, CI): replays every file of the corpus folders given
 * on the command line through the target, as GLib's fuzzing/ does. */

#include "config.h"

#include <glib/gstdio.h>

#include "fuzz.h"

static guint
replay (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  GError *error = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      const char *name;
      guint count = 0;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          count += replay (child);
        }
      return count;
    }

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  LLVMFuzzerTestOneInput ((const unsigned char *) contents, length);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  guint count = 0;

  for (int i = 1; i < argc; i++)
    count += replay (argv[i]);

  g_assert_cmpuint (count, >, 0);
  g_print ("1..1\nok 1 - %u inputs replayed\n", count);
  return 0;
}
