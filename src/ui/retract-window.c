/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The main window: a welcome that offers to resume a saved case, then the
 * wizard. It owns the case being answered and saves it, debounced, on
 * every change: written in a worker thread, the window never waits for
 * the disk, except when it closes (nothing typed is lost). */

#define G_LOG_DOMAIN "retract-window"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-settings.h"
#include "retract-time.h"
#include "retract-validators.h"
#include "retract-window.h"

#define SAVE_DELAY_MS 400

struct _RetractWindow
{
  AdwApplicationWindow  parent_instance;

  GtkStack             *main_stack;
  GtkButton            *resume_button;
  GtkLabel             *rules_label;
  GtkButton            *start_button;
  AdwToastOverlay      *toast_overlay;
  AdwStatusPage        *welcome_page;
  RetractWizard        *wizard;  /* NULL until first needed; owned by main_stack */
  GtkWindow            *shortcuts_window;  /* NULL until first shown */

  RetractRuleset       *rules;
  RetractStore         *store;
  RetractClock         *clock;
  RetractCase          *kase;
  GSettings            *settings;
  GHashTable           *saved_files;  /* URIs of the files this window exported */
  guint                 save_id;
  gboolean              resumable; /* the case was saved before this window opened */
};

G_DEFINE_FINAL_TYPE (RetractWindow, retract_window, ADW_TYPE_APPLICATION_WINDOW)

static void
on_saved (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GWeakRef *window_ref = user_data;
  g_autoptr(RetractWindow) self = g_weak_ref_get (window_ref);
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (window_ref);
  g_free (window_ref);
  if (!retract_store_save_case_finish (RETRACT_STORE (source_object), result, &error) &&
      self != NULL)
    {
      /* Translators: %s says why, e.g. "No space left on device" or that
       * another window deleted the case */
      g_autofree char *message = g_strdup_printf (_("Could not save your answers: %s"),
                                                  error->message);

      retract_window_show_toast (self, message);
    }
}


static gboolean
save_now (gpointer data)
{
  RetractWindow *self = data;
  GWeakRef *window_ref;

  self->save_id = 0;
  if (self->kase == NULL)
    return G_SOURCE_REMOVE;

  /* The window may close before the disk is done. */
  window_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (window_ref, self);
  retract_store_save_case_async (self->store, self->kase, NULL, on_saved, window_ref);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (RetractWindow *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_now, self);
}

static void
on_case_notify (RetractWindow *self,
                GParamSpec    *pspec)
{
  if (self->settings != NULL && g_str_equal (g_param_spec_get_name (pspec), "platform") &&
      retract_case_get_platform (self->kase) != NULL)
    g_settings_set_string (self->settings, "last-platform", retract_case_get_platform (self->kase));

  schedule_save (self);
}

static void
set_case (RetractWindow *self,
          RetractCase   *kase)
{
  /* The case being left keeps what was typed last: it stays in the library. */
  if (self->save_id != 0)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      save_now (self);
    }
  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_set_object (&self->kase, kase);

  g_signal_connect_object (kase, "notify", G_CALLBACK (on_case_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kase, "materials-changed", G_CALLBACK (schedule_save), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (kase, "events-changed", G_CALLBACK (schedule_save), self,
                           G_CONNECT_SWAPPED);
}

static RetractCase *
new_case (RetractWindow *self)
{
  RetractCase *kase = retract_case_new ();

  if (self->settings != NULL)
    {
      g_autofree char *platform = g_settings_get_string (self->settings, "last-platform");

      if (retract_ruleset_lookup_platform (self->rules, platform) != NULL)
        retract_case_set_platform (kase, platform);
    }

  return kase;
}

static void
show_welcome (RetractWindow *self)
{
  gboolean saved = self->resumable;

  gtk_widget_set_visible (GTK_WIDGET (self->resume_button), saved);
  gtk_button_set_label (self->start_button, saved ? _("Start a New Case") : _("Start"));
  if (saved)
    gtk_widget_remove_css_class (GTK_WIDGET (self->start_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->start_button), "suggested-action");
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 GTK_WIDGET (saved ? self->resume_button : self->start_button));
}

static void
on_resume_clicked (RetractWindow *self)
{
  retract_window_start (self, TRUE);
}

static void
on_start_clicked (RetractWindow *self)
{
  retract_window_start (self, FALSE);
}

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

static void
on_new_case_response (AdwMessageDialog *dialog,
                      const char       *response,
                      RetractWindow    *self)
{
  if (g_str_equal (response, "new"))
    retract_window_start (self, FALSE);
}

static void
window_new_case (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);

  /* Nothing to lose: no need to ask. */
  if (self->kase == NULL || retract_case_get_complaint_type (self->kase) == NULL)
    {
      retract_window_start (self, FALSE);
      return;
    }

  /* The case so far stays saved (a case is never overwritten by another);
   * until the app lists cases, "Continue" opens the newest one. */
  confirm_destructive (self, _("Start a New Case?"),
                       _("The answers you have given so far stay saved on this computer, but "
                         "“Continue Where You Left Off” will open the new case. “Delete Saved "
                         "Data” removes them."),
                       "new", _("_Start New Case"), G_CALLBACK (on_new_case_response));
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
  if (!retract_store_delete_all (self->store, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not delete the saved data: %s"),
                                                  error->message);

      retract_window_show_toast (self, message);
      return;
    }

  if (self->settings != NULL)
    forget_history (self->settings);

  kase = retract_case_new ();
  set_case (self, kase);
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->resumable = FALSE;
  show_welcome (self);
  retract_window_show_toast (self, _("All saved data was deleted"));
}

static void
window_delete_data (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  confirm_destructive (RETRACT_WINDOW (widget), _("Delete All Saved Data?"),
                       _("Your answers, including your name, phone and ID number, will be "
                         "removed from this computer. This cannot be undone."),
                       "delete", _("_Delete"), G_CALLBACK (on_delete_data_response));
}

static void
window_show_toast (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  retract_window_show_toast (RETRACT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Web pages named by the dataset: only an https:// address that passes the
 * loader's rule is opened, never file://, other schemes or anything odd. */
static void
window_open_uri (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);

  if (!retract_validate_https_url (uri, NULL))
    {
      g_debug ("not opening an address that is not a valid https:// link");
      retract_window_show_toast (RETRACT_WINDOW (widget),
                                 _("This address was not opened: it is not a secure web "
                                   "address"));
      return;
    }

  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
}

/* A file this window has just exported, and nothing else. */
static void
window_open_file (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);

  if (!g_hash_table_contains (self->saved_files, uri))
    return;

  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
}

/* The technical detail behind a message, as plain text. */
static void
window_show_details (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *heading = NULL;
  const char *body = NULL;
  AdwMessageDialog *dialog;

  g_variant_get (parameter, "(&s&s)", &heading, &body);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (widget), heading, NULL));
  adw_message_dialog_set_body_use_markup (dialog, FALSE);
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Toast titles are Pango markup; messages carry file names, error messages
 * and dataset text, shown as written. */
static AdwToast *
plain_toast_new (const char *text,
                 guint       timeout)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, timeout);
  return toast;
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
  AdwToast *toast = plain_toast_new (title, 8);

  g_hash_table_add (self->saved_files, g_strdup (uri));
  adw_toast_set_button_label (toast, _("Open"));
  adw_toast_set_action_name (toast, "win.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Built when first asked for, not by GtkApplication for every new window:
 * the first frame does not wait for a window most people never open. */
static void
window_show_shortcuts (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RetractWindow *self = RETRACT_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/retract-shortcuts-window.ui");

      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder,
                                                                                 "help_overlay")));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
    }

  gtk_window_present (self->shortcuts_window);
}

static gboolean
retract_window_close_request (GtkWindow *window)
{
  retract_window_save_state (RETRACT_WINDOW (window));

  return GTK_WINDOW_CLASS (retract_window_parent_class)->close_request (window);
}

static void
retract_window_dispose (GObject *object)
{
  RetractWindow *self = (RetractWindow *)object;

  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RETRACT_TYPE_WINDOW);
  self->wizard = NULL;
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  g_clear_object (&self->kase);
  g_clear_object (&self->rules);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->saved_files, g_hash_table_unref);

  G_OBJECT_CLASS (retract_window_parent_class)->dispose (object);
}

static void
retract_window_class_init (RetractWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = retract_window_dispose;
  window_class->close_request = retract_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/retract-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, resume_button);
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, rules_label);
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RetractWindow, welcome_page);
  gtk_widget_class_bind_template_callback (widget_class, on_resume_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked);

  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, window_new_case);
  gtk_widget_class_install_action (widget_class, "win.delete-data", NULL, window_delete_data);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", window_show_toast);
  gtk_widget_class_install_action (widget_class, "win.file-saved", "s", window_file_saved);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", window_open_uri);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", window_open_file);
  gtk_widget_class_install_action (widget_class, "win.show-details", "(ss)",
                                   window_show_details);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   window_show_shortcuts);
}

static void
retract_window_init (RetractWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->saved_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Settings are a comfort: without the schema (an uninstalled test run) the
   * window works, it just does not remember its size. */
  self->settings = retract_settings_new ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

/**
 * retract_window_new:
 * @application: (nullable): the application
 *
 * Opens on the welcome page; a saved case that cannot be read is moved aside
 * and the user is told.
 *
 * Returns: (transfer full): a new window
 */
RetractWindow *
retract_window_new (GtkApplication *application,
                    RetractRuleset *rules,
                    RetractStore   *store,
                    RetractClock   *clock)
{
  RetractWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  RetractCase *latest;
  g_autofree char *rules_text = NULL;
  g_autoptr(RetractCase) kase = NULL;

  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);
  g_return_val_if_fail (RETRACT_IS_STORE (store), NULL);
  g_return_val_if_fail (RETRACT_IS_CLOCK (clock), NULL);

  self = g_object_new (RETRACT_TYPE_WINDOW, "application", application, NULL);
  self->rules = g_object_ref (rules);
  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);

  rules_text = g_strdup_printf (_("Rules %1$s of %2$s, from a public article; not an official "
                                  "source."),
                                retract_ruleset_get_version (rules),
                                retract_ruleset_get_published (rules));
  gtk_label_set_label (self->rules_label, rules_text);

  /* The case saved last is the one to continue (the list of cases is for a
   * later version); files that no longer load were set aside. */
  cases = retract_store_list_cases (store, &problems, &error);
  if (cases == NULL)
    g_debug ("The saved cases could not be listed: %s", error->message);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const RetractStoreProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *message = NULL;

      g_debug ("Saved case unreadable, moved aside: %s", problem->error->message);
      if (problem->moved_to != NULL)
        /* Translators: %s is a file name like case.json.unreadable-20261124T100000Z */
        message = g_strdup_printf (_("Your saved case could not be read. It was kept as “%s” "
                                     "and a new case was started."), problem->moved_to);
      else
        message = g_strdup (_("Your saved case could not be read."));
      retract_window_show_toast (self, message);
    }

  latest = cases != NULL ? retract_store_find_latest (cases) : NULL;
  if (latest != NULL)
    {
      g_clear_error (&error);
      kase = retract_store_load_case (store, retract_case_get_id (latest), &error);
      if (kase == NULL)
        {
          g_debug ("Saved case unreadable, moved aside: %s", error->message);
          retract_window_show_toast (self, _("Your saved case could not be read."));
        }
    }

  /* The welcome page offers to continue it. */
  self->resumable = kase != NULL;
  if (kase == NULL)
    kase = new_case (self);
  set_case (self, kase);
  show_welcome (self);

  return self;
}

/**
 * retract_window_start:
 * @resume: continue the saved case where it was left, or start a new one
 */
void
retract_window_start (RetractWindow *self,
                      gboolean       resume)
{
  g_return_if_fail (RETRACT_IS_WINDOW (self));

  /* The saved case was loaded when the window opened; a new one is added beside it. */
  if (!resume)
    {
      g_autoptr(RetractCase) kase = new_case (self);

      set_case (self, kase);
    }

  retract_wizard_set_context (retract_window_get_wizard (self), self->kase, self->rules,
                              self->clock);
  gtk_stack_set_visible_child_name (self->main_stack, "wizard");
  gtk_window_set_default_widget (GTK_WINDOW (self), retract_wizard_get_next_button (self->wizard));
  schedule_save (self);
}

/**
 * retract_window_get_case:
 *
 * Returns: (transfer none): the case being answered
 */
RetractCase *
retract_window_get_case (RetractWindow *self)
{
  g_return_val_if_fail (RETRACT_IS_WINDOW (self), NULL);
  return self->kase;
}

/**
 * retract_window_get_wizard:
 *
 * The six pages are built here, the first time they are needed, not when
 * the window opens: the welcome page alone paints the first frame sooner.
 *
 * Returns: (transfer none): the wizard
 */
RetractWizard *
retract_window_get_wizard (RetractWindow *self)
{
  g_return_val_if_fail (RETRACT_IS_WINDOW (self), NULL);

  if (self->wizard == NULL)
    {
      self->wizard = retract_wizard_new ();
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->wizard), "wizard");
    }

  return self->wizard;
}

/**
 * retract_window_get_view:
 *
 * Returns: "welcome" or "wizard"
 */
const char *
retract_window_get_view (RetractWindow *self)
{
  g_return_val_if_fail (RETRACT_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

/* Writes a pending save at once and waits until every save is on disk
 * (closing, quitting, tests). */
void
retract_window_flush_save (RetractWindow *self)
{
  g_return_if_fail (RETRACT_IS_WINDOW (self));

  if (self->save_id != 0)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      save_now (self);
    }
  retract_store_wait (self->store);
}

/**
 * retract_window_save_state:
 *
 * What closing the window and quitting both keep: the pending save of the
 * case, and the window's size for the next start.
 */
void
retract_window_save_state (RetractWindow *self)
{
  int width, height;

  g_return_if_fail (RETRACT_IS_WINDOW (self));

  retract_window_flush_save (self);

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

void
retract_window_show_toast (RetractWindow *self,
                           const char    *message)
{
  g_return_if_fail (RETRACT_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, plain_toast_new (message, 5));
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
  g_autofree char *rules_text = NULL;

  g_return_if_fail (RETRACT_IS_WINDOW (self));
  g_return_if_fail (RETRACT_IS_RULESET (rules));

  before = answer_signature (self->rules, self->kase, self->clock);
  g_set_object (&self->rules, rules);
  after = answer_signature (self->rules, self->kase, self->clock);

  rules_text = g_strdup_printf (_("Rules %1$s of %2$s, from a public article; not an official "
                                  "source."),
                                retract_ruleset_get_version (rules),
                                retract_ruleset_get_published (rules));
  gtk_label_set_label (self->rules_label, rules_text);

  if (g_str_equal (retract_window_get_view (self), "wizard"))
    retract_wizard_set_context (self->wizard, self->kase, self->rules, self->clock);

  if (before != NULL && g_strcmp0 (before, after) != 0)
    retract_window_show_toast (self, _("With the new rules the answer for your case has "
                                       "changed: please look at it again"));
}

/**
 * retract_window_show_problem:
 * @message: what happened, in words for the person using the app
 * @details: the technical message behind it
 *
 * A toast with @message and a Details button that shows @details in a
 * dialog; both as plain text.
 */
void
retract_window_show_problem (RetractWindow *self,
                             const char    *message,
                             const char    *details)
{
  AdwToast *toast;

  g_return_if_fail (RETRACT_IS_WINDOW (self));
  g_return_if_fail (message != NULL && details != NULL);

  toast = plain_toast_new (message, 10);
  adw_toast_set_button_label (toast, _("Details"));
  adw_toast_set_action_name (toast, "win.show-details");
  adw_toast_set_action_target (toast, "(ss)", message, details);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* @toast's title is Pango markup: escape anything that is not our own text. */
void
retract_window_add_toast (RetractWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (RETRACT_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
