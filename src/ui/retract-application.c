/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The application: loads the rules once, opens the window, and owns the
 * app-wide actions (About, Quit). RETRACT_NOW=<ISO time> fixes the clock,
 * for screenshots and demonstrations. */

#define G_LOG_DOMAIN "retract-application"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-application.h"
#include "retract-time.h"
#include "retract-window.h"

struct _RetractApplication
{
  AdwApplication  parent_instance;

  RetractRuleset *rules;
  RetractStore   *store;
  RetractClock   *clock;
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

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  RetractApplication *self = user_data;
  RetractLanguage language = retract_language_default ();
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAboutWindow *about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  GPtrArray *links = retract_ruleset_get_links (self->rules);
  g_autofree char *comments = NULL;

  /* Translators: %1$s version, %2$s date, %3$s the article's title, %4$s the disclaimer */
  comments = g_strdup_printf (_("Tells you whether a complaint filed by mistake can still be "
                                "withdrawn, how and by when, and prepares the paperwork.\n\n"
                                "Rules dataset %1$s, published %2$s (%5$s).\n"
                                "Source: %3$s\n\n%4$s"),
                              retract_ruleset_get_version (self->rules),
                              retract_ruleset_get_published (self->rules),
                              retract_text_get (retract_ruleset_get_title (self->rules), language),
                              retract_text_get (retract_ruleset_get_disclaimer (self->rules),
                                                language),
                              g_str_equal (retract_ruleset_get_origin (self->rules), "bundled")
                              ? _("bundled with the app") : retract_ruleset_get_location (self->rules));

  adw_about_window_set_application_name (about, _("Retract"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("Retract developers"));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (about, comments);
  adw_about_window_set_website (about, "https://github.com/retractapp/retract");
  adw_about_window_set_issue_url (about, "https://github.com/retractapp/retract/issues");
  for (guint i = 0; i < links->len; i++)
    {
      const RetractLink *link = g_ptr_array_index (links, i);

      adw_about_window_add_link (about, retract_text_get (&link->name, language), link->url);
    }

  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Nothing typed is lost on Ctrl+Q. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (RETRACT_IS_WINDOW (l->data))
      retract_window_flush_save (l->data);

  g_application_quit (app);
}

static void
retract_application_activate (GApplication *app)
{
  RetractApplication *self = RETRACT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (retract_window_new (GTK_APPLICATION (app), self->rules, self->store,
                                             self->clock));

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
  };
  static const char * const quit_accels[] = { "<Control>q", NULL };
  static const char * const new_case_accels[] = { "<Control>n", NULL };

  G_APPLICATION_CLASS (retract_application_parent_class)->startup (app);

  self->rules = retract_ruleset_new_bundled (&error);
  if (self->rules == NULL)
    g_error ("The bundled rules do not load: %s", error->message);
  self->store = retract_store_new_default ();
  self->clock = create_clock ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-case", new_case_accels);
}

static void
retract_application_dispose (GObject *object)
{
  RetractApplication *self = (RetractApplication *)object;

  g_clear_object (&self->rules);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);

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
