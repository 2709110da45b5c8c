/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* retract-cli as a child process of a test, in the test's own folders. */

typedef struct
{
  gboolean     done;
  int          status;
  char        *out;
  char        *err;
  char        *command; /* the arguments after retract-cli, for messages */
  /*< private >*/
  GSubprocess *process;
} TestChild;

GSubprocessLauncher *test_child_launcher_new (GSubprocessFlags     flags);
GPtrArray           *test_child_argv_new     (const char          *first,
                                              va_list              args);
GPtrArray           *test_child_argv         (const char          *first,
                                              ...) G_GNUC_NULL_TERMINATED;
void                 test_child_start        (TestChild           *child,
                                              GSubprocessLauncher *launcher,
                                              GPtrArray           *argv);
void                 test_child_wait         (TestChild           *child,
                                              guint                seconds);
void                 test_child_run          (TestChild           *child,
                                              GSubprocessLauncher *launcher,
                                              GPtrArray           *argv,
                                              guint                seconds);
void                 test_child_clear        (TestChild           *child);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TestChild, test_child_clear)

G_END_DECLS
