/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Choosing a file and writing an export to it, for the window (Save
 * Reminders…, Export and Import Case File…), the pages (Export PDF…,
 * Attach a File…) and the application (Import Rules…). */

#define G_LOG_DOMAIN "retract-choose-file"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-choose-file.h"
#include "retract-file.h"

typedef struct
{
  GtkFileChooserNative  **chooser;
  GtkWidget              *owner;
  RetractFileChosenFunc   chosen;
  gpointer                data;
} Choice;

/* The folder of the last file chosen, for this run only: the next chooser
 * opens there (the PDF, then its text copy, go side by side), not in the
 * folder the app happened to start in. Kept in memory, not in settings: a
 * folder's name can say whose it is. */
static GFile *last_folder;

static GFile *
dup_start_folder (void)
{
  const char *documents;

  /* Unless it has gone since (a folder removed, a drive taken out): the
   * chooser would open on an error. */
  if (last_folder != NULL &&
      g_file_query_file_type (last_folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    return g_object_ref (last_folder);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     Choice          *choice)
{
  Choice copy = *choice;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL && g_file_is_native (file))
    {
      g_clear_object (&last_folder);
      last_folder = g_file_get_parent (file);
    }
  /* Drops the dialog, and @choice with it. */
  g_clear_object (copy.chooser);
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    copy.chosen (copy.owner, path, copy.data);
}

/**
 * retract_choose_file:
 * @chooser: where @owner keeps its chooser, one at a time (a chooser still
 *   open there is closed); @owner's dispose destroys it
 * @owner: the widget that asks: the dialog is modal on its window
 * @chosen: called with the local file chosen; nothing else is offered, and
 *   a cancelled chooser calls nothing
 *
 * Shows a file chooser for @owner that asks @question, in the folder of
 * the last file chosen, else the Documents folder, else the home.
 */
void
retract_choose_file (GtkFileChooserNative      **chooser,
                     GtkWidget                  *owner,
                     const RetractFileQuestion  *question,
                     RetractFileChosenFunc       chosen,
                     gpointer                    data)
{
  g_autoptr(GFile) folder = NULL;
  GtkRoot *root;
  Choice *choice;

  g_return_if_fail (chooser != NULL);
  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (question != NULL);
  g_return_if_fail (chosen != NULL);

  if (*chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*chooser));
  g_clear_object (chooser);
  root = gtk_widget_get_root (owner);
  *chooser = gtk_file_chooser_native_new (question->title,
                                          GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          question->action, question->accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (*chooser), TRUE);
  folder = dup_start_folder ();
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (*chooser), folder, NULL);
  if (question->name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (*chooser), question->name);
  if (question->filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (*chooser), question->filter);

  choice = g_new (Choice, 1);
  *choice = (Choice) { chooser, owner, chosen, data };
  g_object_set_data_full (G_OBJECT (*chooser), "retract-choice", choice, g_free);
  g_signal_connect (*chooser, "response", G_CALLBACK (on_chooser_response), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (*chooser));
}

/**
 * retract_show_save_error:
 *
 * Says in a toast of @owner's window why an export was not saved.
 */
void
retract_show_save_error (GtkWidget    *owner,
                         const GError *error)
{
  /* Translators: %s says why */
  g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);

  g_return_if_fail (GTK_IS_WIDGET (owner));

  gtk_widget_activate_action (owner, "win.show-toast", "s", message);
}

/* @user_data is the file written, which holds its owner. */
static void
on_file_written (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  GtkWidget *owner = g_object_get_data (G_OBJECT (file), "retract-owner");
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!retract_file_replace_finish (result, &error))
    {
      retract_show_save_error (owner, error);
      return;
    }

  uri = g_file_get_uri (file);
  gtk_widget_activate_action (owner, "win.file-saved", "s", uri);
}

/**
 * retract_write_chosen_file:
 * @owner: the widget that asked for the file; kept until it is written
 * @path: the file chosen
 *
 * Writes @contents to @path in a worker thread (the window never waits for
 * the disk), then tells @owner's window: win.file-saved with the file, which
 * offers to open it, or why it could not be saved.
 */
void
retract_write_chosen_file (GtkWidget  *owner,
                           const char *path,
                           GBytes     *contents)
{
  GFile *file;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (path != NULL);
  g_return_if_fail (contents != NULL);

  file = g_file_new_for_path (path);
  g_object_set_data_full (G_OBJECT (file), "retract-owner", g_object_ref (owner), g_object_unref);
  retract_file_replace_async (path, contents, NULL, on_file_written, file);
}
