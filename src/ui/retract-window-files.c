/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window's files and data: Export/Import Case File, Save Reminders, a
 * saved file's toast, Delete All Saved Data, and new rules taking over. */

#define G_LOG_DOMAIN "retract-window"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "retract-choose-file.h"
#include "retract-window-private.h"

/* Asks before something that cannot be undone: Cancel is the default and
 * what Escape answers; @callback hears the response. */
static void
confirm_destructive (RetractWindow *self,
                     const char    *heading,
                     const char    *body,
                     const char    *response,
                     const char    *label,
                     GCallback      callback)
{
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", callback, self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Settings that are the user's choices stay; every other key (such as the
 * last platform, which pre-fills the next case) records what was done, and
 * is reset with the saved cases. */
static void
forget_history (GSettings *settings)
{
  static const char * const choices[] = {
    "rules-url", "automatic-updates", "automatic-updates-offered", "window-width",
    "window-height", "window-maximized", NULL
  };
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    if (!g_strv_contains (choices, keys[i]))
      g_settings_reset (settings, keys[i]);
}

static void
on_delete_data_response (AdwMessageDialog *dialog,
                         const char       *response,
                         RetractWindow    *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractCase) kase = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  g_clear_handle_id (&self->save_id, g_source_remove);
  /* Held-back deletions are part of everything. */
  g_hash_table_remove_all (self->pending_deletes);
  retract_store_wait (self->store);
  if (!retract_store_delete_all (self->store, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not delete the saved data: %s"),
                                                  error->message);

      retract_window_show_toast (self, message);
      _retract_window_start_listing (self);
      return;
    }

  if (self->settings != NULL)
    forget_history (self->settings);

  kase = retract_case_new ();
  _retract_window_set_case (self, kase, FALSE);
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  _retract_window_apply_cases (self);
  _retract_window_start_listing (self);
  _retract_window_show_welcome (self);
  retract_window_show_toast (self, _("All saved data was deleted"));
}

static void
window_delete_data (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  confirm_destructive (RETRACT_WINDOW (widget), _("Delete All Saved Data?"),
                       _("Every case, with your answers, including your name, phone and ID "
                         "number, will be removed from this computer. This cannot be undone."),
                       "delete", _("_Delete"), G_CALLBACK (on_delete_data_response));
}

/* After an export: a toast that names the file and offers to open it. */
static void
window_file_saved (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);
  AdwToast *toast = _retract_window_plain_toast_new (title, 8);

  g_hash_table_add (self->saved_files, g_strdup (uri));
  adw_toast_set_button_label (toast, _("Open"));
  adw_toast_set_action_name (toast, "win.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  retract_window_add_toast (self, toast);
}

static void
save_reminders (RetractWindow *self,
                const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) contents = NULL;
  gsize len;

  text = retract_window_build_reminders (self, &error);
  if (text == NULL)
    {
      retract_show_save_error (GTK_WIDGET (self), error);
      return;
    }

  len = strlen (text);
  contents = g_bytes_new_take (g_steal_pointer (&text), len);
  retract_write_chosen_file (GTK_WIDGET (self), path, contents);
}

static void
export_cases (RetractWindow *self,
              const char    *path)
{
  retract_window_export_cases (self, path);
}

/* Default names say what the file is, never whose. */
static char *
reminders_name (const char *date)
{
  /* Translators: the default file name of the reminders of every case; keep the .ics */
  return g_strdup_printf (_("case-deadlines-%s.ics"), date);
}

static char *
cases_name (const char *date)
{
  /* Translators: the default name of the exported case file; keep the .json */
  return g_strdup_printf (_("retract-cases-%s.json"), date);
}

/* A file chooser of the window's and the action that opens it: what it asks
 * (its strings marked with N_()), the name it suggests with today's date
 * (none for an open), and what is done with the file chosen. */
typedef struct
{
  const char           *action_name;
  const char           *title;
  GtkFileChooserAction  action;
  const char           *accept;
  char               *(*suggest) (const char *date);
  void                (*chosen) (RetractWindow *self,
                                 const char    *path);
} FileChoice;

/* Save Reminders… (one calendar for every open case), Export Case File… and
 * Import Case File… (every case in one file). */
static const FileChoice file_choices[] = {
  { "win.save-reminders", N_("Save Reminders"), GTK_FILE_CHOOSER_ACTION_SAVE, N_("_Save"),
    reminders_name, save_reminders },
  { "win.export-cases", N_("Export Case File"), GTK_FILE_CHOOSER_ACTION_SAVE, N_("_Export"),
    cases_name, export_cases },
  { "win.import-cases", N_("Import Case File"), GTK_FILE_CHOOSER_ACTION_OPEN, N_("_Import"),
    NULL, retract_window_import_cases },
};

static void
file_chosen (GtkWidget  *owner,
             const char *path,
             gpointer    data)
{
  const FileChoice *choice = data;

  choice->chosen (RETRACT_WINDOW (owner), path);
}

/* Opens @choice's chooser, suggesting its name for today. */
static void
choose_file (RetractWindow    *self,
             const FileChoice *choice)
{
  g_autofree char *date = g_date_time_format (retract_clock_get_now (self->clock), "%Y-%m-%d");
  g_autofree char *name = choice->suggest != NULL ? choice->suggest (date) : NULL;
  RetractFileQuestion question = {
    _(choice->title), choice->action, _(choice->accept), name, NULL
  };

  retract_choose_file (&self->chooser, GTK_WIDGET (self), &question, file_chosen,
                       (gpointer) choice);
}

static void
window_choose_file (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  for (guint i = 0; i < G_N_ELEMENTS (file_choices); i++)
    if (g_str_equal (file_choices[i].action_name, action_name))
      choose_file (RETRACT_WINDOW (widget), &file_choices[i]);
}

static void
finish_import (RetractWindow         *self,
               RetractCaseBundlePlan *plan,
               gboolean               overwrite)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = plan->added->len + plan->merged->len + (overwrite ? plan->conflicts->len : 0);

  retract_window_flush_save (self);
  if (!retract_case_bundle_apply (self->store, plan, overwrite, &error))
    {
      retract_window_show_problem (self, _("This case file could not be imported"),
                                   error->message);
      return;
    }

  /* The case open may have gained events: it is read again. */
  if (self->kase != NULL)
    {
      g_autofree char *id = g_strdup (retract_case_get_id (self->kase));
      g_autoptr(RetractCase) fresh = retract_store_load_case (self->store, id, NULL);

      if (fresh != NULL)
        _retract_window_set_case (self, fresh, TRUE);
    }
  /* Translators: after Import Case File… */
  message = g_strdup_printf (ngettext ("%u case imported or brought up to date",
                                       "%u cases imported or brought up to date", n), n);
  retract_window_show_toast (self, message);
  _retract_window_start_listing (self);
}

static void
on_import_conflicts_response (AdwMessageDialog *dialog,
                              const char       *response,
                              RetractWindow    *self)
{
  RetractCaseBundlePlan *plan = g_object_get_data (G_OBJECT (dialog), "retract-plan");

  if (g_str_equal (response, "cancel"))
    return;
  finish_import (self, plan, g_str_equal (response, "replace"));
}

static char *
answer_signature (RetractRuleset *rules,
                  RetractCase    *kase,
                  RetractClock   *clock)
{
  g_autoptr(RetractAssessment) assessment =
    retract_assessment_new (rules, kase, retract_clock_get_now (clock), NULL);
  g_autofree char *channels = NULL;
  g_autofree char *materials = NULL;
  g_autofree char *closes = NULL;

  if (assessment == NULL)
    return NULL;

  channels = retract_records_join_ids (RETRACT_RECORD_CHANNEL,
                                       retract_assessment_get_channels (assessment));
  materials = retract_records_join_ids (RETRACT_RECORD_MATERIAL,
                                        retract_assessment_get_materials (assessment));
  if (retract_assessment_get_window_closes_at (assessment) != NULL)
    closes = retract_time_format_iso (retract_assessment_get_window_closes_at (assessment));

  return g_strdup_printf ("%s|%s|%s|%s",
                          retract_stage_to_id (retract_assessment_get_stage (assessment)),
                          channels, materials, closes != NULL ? closes : "");
}

/**
 * retract_window_set_rules:
 *
 * Switches to other rules (after an update or a revert); the case in
 * progress is assessed again and the user is told when the answer changed.
 */
void
retract_window_set_rules (RetractWindow  *self,
                          RetractRuleset *rules)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_return_if_fail (RETRACT_IS_WINDOW (self));
  g_return_if_fail (RETRACT_IS_RULESET (rules));

  before = answer_signature (self->rules, self->kase, self->clock);
  g_set_object (&self->rules, rules);
  after = answer_signature (self->rules, self->kase, self->clock);

  /* The list's statuses and the overview follow the new rules too. */
  _retract_window_apply_rules (self);
  if (g_str_equal (retract_window_get_view (self), "wizard"))
    retract_wizard_set_context (self->wizard, self->kase, self->rules, self->clock);
  _retract_window_apply_cases (self);
  _retract_window_update_overview (self);

  if (before != NULL && g_strcmp0 (before, after) != 0)
    retract_window_show_toast (self, _("With the new rules the answer for your case has "
                                       "changed: please look at it again"));
}

/**
 * retract_window_build_reminders:
 *
 * The calendar Save Reminders… writes: an event for each open case's next
 * step (the cases as listed, less those being deleted).
 *
 * Returns: (transfer full): the .ics text, or %NULL with @error set
 */
char *
retract_window_build_reminders (RetractWindow  *self,
                                GError        **error)
{
  g_return_val_if_fail (RETRACT_IS_WINDOW (self), NULL);

  return retract_reminders_build_case_file_ics (self->rules,
                                                retract_case_list_get_rows (self->case_list),
                                                retract_clock_get_now (self->clock),
                                                retract_language_default (), error);
}

/**
 * retract_window_export_cases:
 * @path: the file chosen
 *
 * Writes every saved case to @path (what Export Case File… does once the
 * file is chosen) and says so.
 */
gboolean
retract_window_export_cases (RetractWindow *self,
                             const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (RETRACT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  retract_window_flush_save (self);
  if (!retract_case_bundle_export (self->store, path, NULL, &error))
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not export the case file: %s"),
                                                  error->message);

      retract_window_show_toast (self, message);
      return FALSE;
    }

  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.file-saved", "s", uri);
  return TRUE;
}

/**
 * retract_window_import_cases:
 * @path: the file chosen
 *
 * Merges the cases in @path into the library (what Import Case File… does
 * once the file is chosen). Saved cases changed since the export keep their
 * answers unless the user says to replace them (a dialog asks).
 */
void
retract_window_import_cases (RetractWindow *self,
                             const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractCaseBundlePlan) plan = NULL;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  g_return_if_fail (RETRACT_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  retract_window_flush_save (self);
  plan = retract_case_bundle_plan (self->store, path, &error);
  if (plan == NULL)
    {
      retract_window_show_problem (self, _("This case file could not be imported"),
                                   error->message);
      return;
    }

  if (plan->conflicts->len == 0)
    {
      finish_import (self, plan, FALSE);
      return;
    }

  /* Translators: %u cases in the file are older than what is saved */
  body = g_strdup_printf (ngettext ("%u case was changed on this computer after the file was "
                                    "exported. Keep the answers saved here, or replace them "
                                    "with the file's? Logged actions from both are kept.",
                                    "%u cases were changed on this computer after the file was "
                                    "exported. Keep the answers saved here, or replace them "
                                    "with the file's? Logged actions from both are kept.",
                                    plan->conflicts->len), plan->conflicts->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Replace Newer Answers?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "keep",
                                    _("_Keep Saved Answers"), "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "retract-plan", g_steal_pointer (&plan),
                          (GDestroyNotify) retract_case_bundle_plan_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_conflicts_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The actions that write or read files, or delete saved data. */
void
_retract_window_class_init_files (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (file_choices); i++)
    gtk_widget_class_install_action (widget_class, file_choices[i].action_name, NULL,
                                     window_choose_file);
  gtk_widget_class_install_action (widget_class, "win.delete-data", NULL, window_delete_data);
  gtk_widget_class_install_action (widget_class, "win.file-saved", "s", window_file_saved);
}
