/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The application: loads the rules once, opens the window, and owns the
 * app-wide actions (About, Quit). RETRACT_NOW=<ISO time> fixes the clock,
 * for screenshots and demonstrations. */

#define G_LOG_DOMAIN "retract-application"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-application.h"
#include "retract-choose-file.h"
#include "retract-first-frame.h"
#include "retract-rules-store.h"
#include "retract-settings.h"
#include "retract-time.h"
#include "retract-update-check.h"
#include "retract-validators.h"
#include "retract-window.h"

#define WEEK_SECONDS (7 * 24 * 3600)

struct _RetractApplication
{
  AdwApplication        parent_instance;

  RetractRuleset       *rules;
  RetractRulesStore    *rules_store;
  char                 *rules_notice;
  RetractStore         *store;
  RetractClock         *clock;
  GSettings            *settings;
  GCancellable         *update_check;  /* non-NULL while the helper runs */
  GtkFileChooserNative *chooser;       /* Import Rules…, while it is open */
  gboolean              quiet_check;
};

G_DEFINE_FINAL_TYPE (RetractApplication, retract_application, ADW_TYPE_APPLICATION)

static RetractClock *
create_clock (void)
{
  const char *fixed = g_getenv ("RETRACT_NOW");

  if (fixed != NULL && *fixed != '\0')
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) now = retract_time_parse (fixed, &error);

      if (now != NULL)
        return retract_clock_new_fixed (now);
      g_printerr ("RETRACT_NOW: %s\n", error->message);
    }

  return retract_clock_new ();
}

/* About's parts are Pango markup; its link rows take "_" as a mnemonic. */
static char *
escape_row_title (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autoptr(GString) doubled = g_string_new (escaped);

  g_string_replace (doubled, "_", "__", 0);
  return g_string_free (g_steal_pointer (&doubled), FALSE);
}

/* Every link About opens (its own and the dataset's) passes the https rule;
 * anything else is swallowed here instead of handed to the desktop. */
static gboolean
on_about_activate_link (AdwAboutWindow *about,
                        const char     *uri)
{
  if (retract_validate_https_url (uri, NULL))
    return FALSE;

  g_debug ("About: not opening an address that is not a valid https:// link");
  return TRUE;
}

/**
 * retract_application_new_about_window:
 * @rules: the rules in use, whose version, source and links About shows
 *
 * Returns: (transfer full): a new About window, not yet shown
 */
GtkWindow *
retract_application_new_about_window (RetractRuleset *rules)
{
  RetractLanguage language = retract_language_default ();
  AdwAboutWindow *about;
  GPtrArray *links;
  g_autofree char *comments = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (RETRACT_IS_RULESET (rules), NULL);

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  links = retract_ruleset_get_links (rules);

  /* Translators: %1$s version, %2$s date, %3$s the article's title, %4$s the disclaimer */
  comments = g_strdup_printf (_("Tells you whether a complaint filed by mistake can still be "
                                "withdrawn, how and by when, and prepares the paperwork.\n\n"
                                "Rules dataset %1$s, published %2$s (%5$s).\n"
                                "Source: %3$s\n\n%4$s"),
                              retract_ruleset_get_version (rules),
                              retract_ruleset_get_published (rules),
                              retract_text_get (retract_ruleset_get_title (rules), language),
                              retract_text_get (retract_ruleset_get_disclaimer (rules),
                                                language),
                              retract_ruleset_get_origin (rules) == RETRACT_RULES_ORIGIN_BUNDLED
                              ? _("bundled with the app") : _("downloaded"));

  adw_about_window_set_application_name (about, _("Retract"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("Retract developers"));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  /* The comments are Pango markup: the dataset's title and disclaimer stay text. */
  escaped = g_markup_escape_text (comments, -1);
  adw_about_window_set_comments (about, escaped);
  adw_about_window_set_website (about, "https://github.com/retractapp/retract");
  adw_about_window_set_issue_url (about, "https://github.com/retractapp/retract/issues");
  for (guint i = 0; i < links->len; i++)
    {
      const RetractLink *link = g_ptr_array_index (links, i);
      g_autofree char *title = NULL;

      if (!retract_validate_https_url (link->url, NULL))
        continue;
      title = escape_row_title (retract_text_get (&link->name, language));
      adw_about_window_add_link (about, title, link->url);
    }

  g_signal_connect (about, "activate-link", G_CALLBACK (on_about_activate_link), NULL);

  return GTK_WINDOW (about);
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  RetractApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *about = retract_application_new_about_window (self->rules);

  gtk_window_set_transient_for (about, parent);
  gtk_window_set_modal (about, TRUE);
  gtk_window_present (about);
}

/* The window in front, if it is one of ours (not About, nor a dialog). */
static RetractWindow *
active_window (RetractApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return RETRACT_IS_WINDOW (window) ? RETRACT_WINDOW (window) : NULL;
}

static void
toast (RetractApplication *self,
       const char         *message)
{
  RetractWindow *window = active_window (self);

  if (window != NULL)
    retract_window_show_toast (window, message);
}

static void
use_rules (RetractApplication *self,
           RetractRuleset     *rules)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  g_set_object (&self->rules, rules);
  for (GList *l = windows; l != NULL; l = l->next)
    if (RETRACT_IS_WINDOW (l->data))
      retract_window_set_rules (l->data, rules);
}

static void
on_update_checked (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(RetractApplication) self = data;
  g_autoptr(GError) error = NULL;
  gboolean installed = FALSE;

  g_clear_object (&self->update_check);
  if (!retract_update_check_finish (result, &installed, NULL, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (self->settings != NULL)
    g_settings_set_int64 (self->settings, "last-update-check", g_get_real_time () / G_USEC_PER_SEC);

  if (error != NULL)
    {
      RetractWindow *window = active_window (self);

      /* What happened in plain words; the helper's own message, which names
       * resolvers, status codes and parser positions, one click away. */
      if (!self->quiet_check && window != NULL)
        retract_window_show_problem (window, retract_update_check_describe (result, error),
                                     error->message);
      return;
    }

  if (installed)
    {
      /* The helper installed them in the store this app reads. */
      g_autofree char *notice = NULL;
      g_autoptr(RetractRuleset) rules = retract_rules_store_load_active (self->rules_store,
                                                                          &notice);
      /* Translators: "Rules updated to 2026.12.1" */
      g_autofree char *message = g_strdup_printf (_("Rules updated to %s"),
                                                  retract_ruleset_get_version (rules));

      use_rules (self, rules);
      toast (self, notice != NULL ? notice : message);
    }
  else if (!self->quiet_check)
    {
      toast (self, _("Rules are up to date"));
    }
}

/* A check or an import about to start: its cancellable, or %NULL while
 * another runs (one at a time; the first one's answer is shown). */
static GCancellable *
begin_check (RetractApplication *self,
             gboolean            quiet)
{
  if (self->update_check != NULL)
    return NULL;

  self->quiet_check = quiet;
  self->update_check = g_cancellable_new ();
  return self->update_check;
}

static void
check_for_updates (RetractApplication *self,
                   gboolean            quiet)
{
  g_autofree char *url = NULL;
  GCancellable *cancellable = begin_check (self, quiet);

  if (cancellable == NULL)
    return;

  /* Without the schema the helper falls back to the default address itself. */
  if (self->settings != NULL)
    url = g_settings_get_string (self->settings, "rules-url");
  retract_update_check_async (url, cancellable, on_update_checked, g_object_ref (self));
}

static void
check_updates_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  check_for_updates (user_data, FALSE);
}

static void
rules_chosen (GtkWidget  *owner,
              const char *path,
              gpointer    data)
{
  retract_application_import_rules_file (data, path);
}

/**
 * retract_application_import_rules_file:
 * @path: a rules.json, its .minisig (and keys.json) beside it
 *
 * What Import Rules… does with the file chosen: the helper imports it with
 * the same checks as a download, then the windows switch to the rules in
 * use, or show why the file was refused. Does nothing while a check runs.
 */
void
retract_application_import_rules_file (RetractApplication *self,
                                       const char         *path)
{
  GCancellable *cancellable;

  g_return_if_fail (RETRACT_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  cancellable = begin_check (self, FALSE);
  if (cancellable != NULL)
    retract_update_check_import_async (path, cancellable, on_update_checked,
                                       g_object_ref (self));
}

/* Import Rules…: a rules.json from a USB stick or a chat, its .minisig
 * beside it. */
static void
import_rules_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  RetractApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  RetractFileQuestion question = {
    _("Import Rules"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL, filter
  };

  if (self->update_check != NULL || window == NULL)
    return;

  gtk_file_filter_set_name (filter, _("Rules (rules.json)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  retract_choose_file (&self->chooser, GTK_WIDGET (window), &question, rules_chosen, self);
}

/* A due step's notification was clicked (RetractDueNotifier): the window,
 * started by the click if the app was not running, shows that case. */
static void
open_case_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  RetractApplication *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);
  RetractWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = active_window (self);
  if (window != NULL && retract_case_id_is_valid (id))
    retract_window_open_case (window, id);
}

static void
revert_rules_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  RetractApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RetractRuleset) rules = NULL;
  g_autofree char *message = NULL;

  if (!retract_rules_store_revert (self->rules_store, &error))
    {
      toast (self, error->message);
      return;
    }

  rules = retract_rules_store_load_active (self->rules_store, NULL);
  use_rules (self, rules);
  /* Translators: "Using the bundled rules 2026.11.1" */
  message = g_strdup_printf (_("Using the bundled rules %s"), retract_ruleset_get_version (rules));
  toast (self, message);
}

static void
enable_automatic_updates (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  RetractApplication *self = user_data;

  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "automatic-updates", TRUE);
  check_for_updates (self, TRUE);
}

/* Weekly, only if the user said yes; the question is asked once. */
static void
maybe_check_automatically (RetractApplication *self,
                           RetractWindow      *window)
{
  gint64 last, now = g_get_real_time () / G_USEC_PER_SEC;

  if (self->settings == NULL || retract_clock_is_fixed (self->clock))
    return;

  if (!g_settings_get_boolean (self->settings, "automatic-updates-offered"))
    {
      AdwToast *offer = adw_toast_new (_("Check for rules updates once a week?"));

      adw_toast_set_button_label (offer, _("Turn On"));
      adw_toast_set_action_name (offer, "app.enable-automatic-updates");
      adw_toast_set_timeout (offer, 15);
      retract_window_add_toast (window, offer);
      g_settings_set_boolean (self->settings, "automatic-updates-offered", TRUE);
      return;
    }

  last = g_settings_get_int64 (self->settings, "last-update-check");
  if (g_settings_get_boolean (self->settings, "automatic-updates") && now - last > WEEK_SECONDS)
    check_for_updates (self, TRUE);
}

static void
quit (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Nothing typed is lost on Ctrl+Q, and the window size is kept as on closing. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (RETRACT_IS_WINDOW (l->data))
      retract_window_save_state (l->data);

  g_application_quit (app);
}

static void
retract_application_activate (GApplication *app)
{
  RetractApplication *self = RETRACT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (retract_window_new (GTK_APPLICATION (app), self->rules, self->store,
                                               self->clock));
      if (self->rules_notice != NULL)
        retract_window_show_toast (RETRACT_WINDOW (window), self->rules_notice);
      /* Expired rules say how old they are in the window's banner, not a
       * toast: it stays while they are in use (retract-rules-banner.c). */
      maybe_check_automatically (self, RETRACT_WINDOW (window));
      retract_first_frame_report_if_asked (window);
    }

  gtk_window_present (window);
}

static void
retract_application_startup (GApplication *app)
{
  RetractApplication *self = RETRACT_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  static const GActionEntry entries[] = {
    { "about", show_about },
    { "quit", quit },
    { "check-updates", check_updates_action },
    { "revert-rules", revert_rules_action },
    { "import-rules", import_rules_action },
    { "enable-automatic-updates", enable_automatic_updates },
    { "open-case", open_case_action, "s" },
  };
  static const char * const quit_accels[] = { "<Control>q", NULL };
  static const char * const new_case_accels[] = { "<Control>n", NULL };
  static const char * const shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (retract_application_parent_class)->startup (app);

  /* The newest valid of the bundled and the downloaded rules. */
  self->rules_store = retract_rules_store_new_default ();
  self->rules = retract_rules_store_load_active (self->rules_store, &self->rules_notice);
  self->store = retract_store_new_default ();
  self->settings = retract_settings_new ();
  self->clock = create_clock ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-case", new_case_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         shortcuts_accels);
}

static void
retract_application_shutdown (GApplication *app)
{
  RetractApplication *self = RETRACT_APPLICATION (app);

  /* A check still running is stopped with its helper (an install it was in
   * the middle of is atomic), and its answer waited for here: the main loop
   * does not run again after shutdown. */
  if (self->update_check != NULL)
    {
      g_cancellable_cancel (self->update_check);
      while (self->update_check != NULL)
        g_main_context_iteration (NULL, TRUE);
    }

  /* Autosave writes in a worker thread: what it is writing reaches the disk
   * before the process ends. */
  if (self->store != NULL)
    retract_store_wait (self->store);

  G_APPLICATION_CLASS (retract_application_parent_class)->shutdown (app);
}

static void
retract_application_dispose (GObject *object)
{
  RetractApplication *self = (RetractApplication *)object;

  g_clear_object (&self->rules);
  g_clear_object (&self->rules_store);
  g_clear_pointer (&self->rules_notice, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_object (&self->update_check);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (retract_application_parent_class)->dispose (object);
}

static void
retract_application_class_init (RetractApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = retract_application_dispose;
  app_class->activate = retract_application_activate;
  app_class->startup = retract_application_startup;
  app_class->shutdown = retract_application_shutdown;
}

static void
retract_application_init (RetractApplication *self)
{
}

RetractApplication *
retract_application_new (void)
{
  return g_object_new (RETRACT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
