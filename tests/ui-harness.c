/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "retract-details-page.h"
#include "retract-time.h"
#include "ui-harness.h"

static gboolean loaded_style;
static char *own_home;

/* Removes @path and everything below it; a link is removed, not followed. */
void
harness_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        harness_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
remove_own_folders (void)
{
  harness_remove_tree (own_home);
  g_clear_pointer (&own_home, g_free);
}

/* A data and config folder of this run's own, never the user's saved cases
 * (GTK 4's gtk_test_init() ignores G_TEST_OPTION_ISOLATE_DIRS, and that
 * option would also hide the system's icons and schemas). Call it before
 * gtk_test_init(); the folder is removed when the program exits. */
void
harness_use_own_folders (void)
{
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;

  g_assert_null (own_home);
  own_home = g_dir_make_tmp ("retract-test-ui-XXXXXX", NULL);
  g_assert_nonnull (own_home);
  data = g_build_filename (own_home, "data", NULL);
  config = g_build_filename (own_home, "config", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  atexit (remove_own_folders);
}

void
harness_init (Harness    *harness,
              const char *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = retract_time_parse (now, &error);

  g_assert_no_error (error);
  harness->rules = retract_ruleset_new_bundled (&error);
  g_assert_no_error (error);
  harness->store = retract_store_new_default ();
  harness->clock = retract_clock_new_fixed (time);
  harness->window = NULL;

  /* Instant transitions: what is asked for is on screen at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* What AdwApplication does for the real app: our style sheet and icons. */
  if (!loaded_style)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                        RESOURCE_PREFIX "/icons");
      loaded_style = TRUE;
    }
}

void
harness_settle (void)
{
  gint64 until = g_get_monotonic_time () + 150 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

void
harness_open_window (Harness *harness)
{
  harness->window = retract_window_new (NULL, harness->rules, harness->store, harness->clock);
  gtk_window_present (GTK_WINDOW (harness->window));
  harness_settle ();
}

void
harness_close_window (Harness *harness)
{
  if (harness->window == NULL)
    return;

  retract_window_flush_save (harness->window);
  gtk_window_destroy (GTK_WINDOW (harness->window));
  harness->window = NULL;
  harness_settle ();
}

void
harness_clear (Harness *harness)
{
  harness_close_window (harness);
  retract_store_delete_all (harness->store, NULL);
  g_clear_object (&harness->rules);
  g_clear_object (&harness->store);
  g_clear_object (&harness->clock);
}

RetractPage *
harness_page (Harness    *harness,
              const char *step)
{
  return retract_wizard_get_page (retract_window_get_wizard (harness->window), step);
}

gboolean
harness_next_enabled (Harness *harness)
{
  GtkWidget *next = retract_wizard_get_next_button (retract_window_get_wizard (harness->window));

  return gtk_widget_get_visible (next) && gtk_widget_is_sensitive (next);
}

void
harness_next (Harness *harness)
{
  gtk_widget_activate_action (GTK_WIDGET (retract_window_get_wizard (harness->window)),
                              "wizard.next", NULL);
  harness_settle ();
}

void
harness_fill_situation (Harness    *harness,
                        const char *platform,
                        const char *type,
                        const char *filed_at)
{
  RetractCase *kase = retract_window_get_case (harness->window);
  g_autoptr(GDateTime) time = retract_time_parse (filed_at, NULL);

  retract_case_set_platform (kase, platform);
  retract_case_set_complaint_type (kase, type);
  retract_case_set_filed_at (kase, time);
  harness_settle ();
}

/* The window on a new case at @now, its situation answered: where most
 * wizard tests start. */
void
harness_start_case (Harness    *harness,
                    const char *now,
                    const char *platform,
                    const char *type,
                    const char *filed_at)
{
  harness_init (harness, now);
  harness_open_window (harness);
  retract_window_start (harness->window, FALSE);
  harness_fill_situation (harness, platform, type, filed_at);
}

/* Types into the real fields, as a person would. */
void
harness_fill_details (Harness *harness)
{
  RetractDetailsPage *page = RETRACT_DETAILS_PAGE (harness_page (harness, "details"));
  static const struct
  {
    RetractDetail detail;
    const char   *text;
  } answers[] = {
    { RETRACT_DETAIL_APPLICANT_NAME, "张三" },
    { RETRACT_DETAIL_APPLICANT_WECHAT_ID, "zhangsan_01" },
    { RETRACT_DETAIL_APPLICANT_PHONE, "13800138000" },
    { RETRACT_DETAIL_APPLICANT_ID_NUMBER, "11010519491231002X" },
    { RETRACT_DETAIL_COMPLAINT_NUMBER, "WX20261124001" },
    { RETRACT_DETAIL_RESPONDENT, "李四" },
    { RETRACT_DETAIL_NARRATIVE, "2026年11月24日上午10点,我在微信里想给李四发消息,误点了“投诉”并提交。" },
    { RETRACT_DETAIL_REASON, "李四没有任何违规行为,投诉是误触造成的。" },
    /* Typed only where the case asks for them (a minor's, an enterprise's). */
    { RETRACT_DETAIL_GUARDIAN_NAME, "张父" },
    { RETRACT_DETAIL_GUARDIAN_RELATIONSHIP, "父亲" },
    { RETRACT_DETAIL_GUARDIAN_PHONE, "13900139000" },
    { RETRACT_DETAIL_ENTERPRISE_NAME, "福州某某科技有限公司" },
    { RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE, "91350100M000100Y43" },
  };
  RetractCase *kase = retract_window_get_case (harness->window);

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      GtkWidget *field = retract_details_page_get_field (page, answers[i].detail);
      const char *text = answers[i].text;
      RetractIdDocumentType type;

      if (!retract_case_detail_applies (kase, answers[i].detail))
        continue;
      /* A number of the document the case has chosen (a cross-border case
       * starts with the Hong Kong identity card). */
      type = retract_case_get_id_document_type (kase, RETRACT_ID_HOLDER_APPLICANT);
      if (answers[i].detail == RETRACT_DETAIL_APPLICANT_ID_NUMBER &&
          type != RETRACT_ID_DOCUMENT_MAINLAND_ID)
        text = retract_id_document_type_example (type);

      if (ADW_IS_ENTRY_ROW (field))
        gtk_editable_set_text (GTK_EDITABLE (field), text);
      else
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), text, -1);
    }
  harness_settle ();
}

/* The first descendant of @root (a shown one, when @shown_only) that
 * @matches: the one walk the finders below share. */
static GtkWidget *
find_first (GtkWidget  *root,
            gboolean    shown_only,
            gboolean  (*matches) (GtkWidget     *widget,
                                  gconstpointer  data),
            gconstpointer data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (shown_only && !gtk_widget_get_visible (child))
        continue;
      if (matches (child, data))
        return child;
      found = find_first (child, shown_only, matches, data);
      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GType       type;
  const char *css_class;
} TypeAndClass;

static gboolean
has_type_and_class (GtkWidget     *widget,
                    gconstpointer  data)
{
  const TypeAndClass *wanted = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type) &&
         (wanted->css_class == NULL || gtk_widget_has_css_class (widget, wanted->css_class));
}

/**
 * harness_find:
 * @css_class: (nullable): also require this style class
 *
 * Returns: (transfer none) (nullable): the first visible descendant of @type
 */
GtkWidget *
harness_find (GtkWidget  *root,
              GType       type,
              const char *css_class)
{
  TypeAndClass wanted = { type, css_class };

  return find_first (root, TRUE, has_type_and_class, &wanted);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

GtkWidget *
harness_find_button_by_tooltip (GtkWidget  *root,
                                const char *tooltip)
{
  return find_first (root, TRUE, has_tooltip, tooltip);
}

GtkWindow *
harness_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

GtkWidget *
harness_find_action (GtkWidget  *root,
                     const char *action)
{
  return find_first (root, FALSE, has_action, action);
}

gboolean
harness_save_png (GtkWidget  *widget,
                  const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL || renderer == NULL)
    return FALSE;

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png (texture, path);
}

/* The window lists the saved cases in a worker thread: waits until that is in. */
void
harness_wait_listed (Harness *harness)
{
  gint64 until = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  while (!retract_window_is_listed (harness->window) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (retract_window_is_listed (harness->window));
  harness_settle ();
}

/* After a restart with one saved case: the window is on its overview, and
 * its answers open where they were left. */
void
harness_continue (Harness *harness)
{
  harness_wait_listed (harness);
  g_assert_cmpstr (retract_window_get_view (harness->window), ==, "home");
  g_assert_nonnull (retract_window_get_case (harness->window));
  retract_window_start (harness->window, TRUE);
  harness_settle ();
}

/* ---- what a screen reader hears ---- */

/* @widget's own accessible label, or NULL. GTK 4.8 has no getter: checked
 * against a value it cannot hold, the check returns the real one. */
static char *
own_label (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01");
}

/* The widget that labels @widget among those GTK sets up (its mnemonic
 * labels, a button's child), or NULL; *other is TRUE when some other
 * widget does. */
static GtkWidget *
labelling_widget (GtkWidget *widget,
                  gboolean  *other)
{
  GList *labels = gtk_widget_list_mnemonic_labels (widget);
  GtkWidget *found = NULL;
  GtkWidget *row;

  *other = FALSE;
  if (!gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      g_list_free (labels);
      return NULL;
    }
  labels = g_list_append (labels, gtk_widget_get_first_child (widget));
  /* A row's activatable widget is labelled by the row's title. */
  row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);
  if (row != NULL && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == widget)
    labels = g_list_append (labels, harness_find (row, GTK_TYPE_LABEL, "title"));
  for (GList *l = labels; l != NULL && found == NULL; l = l->next)
    {
      g_autofree char *differs = NULL;

      if (l->data == NULL)
        continue;
      differs = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                    l->data, NULL);
      if (differs == NULL)
        found = l->data;
    }
  g_list_free (labels);
  *other = found == NULL;
  return found;
}

/* The name GTK 4.8 gives @widget over AT-SPI (gtkatcontext.c): its own
 * label, then the label of the widget labelling it; when both are empty
 * and something labels it, that widget's type name ("GtkImage"). NULL when
 * it is labelled by a widget this cannot see. */
static char *
spoken_name (GtkWidget *widget)
{
  g_autofree char *label = own_label (widget);
  g_autofree char *by_label = NULL;
  gboolean other;
  GtkWidget *by = labelling_widget (widget, &other);

  if (other)
    return NULL;
  if (by != NULL)
    by_label = own_label (by);
  if (label != NULL && by_label != NULL)
    return g_strconcat (label, " ", by_label, NULL);
  if (label != NULL || by_label != NULL)
    return g_strdup (label != NULL ? label : by_label);
  return g_strdup (by != NULL ? G_OBJECT_TYPE_NAME (by) : "");
}

static gboolean
is_doubled (const char *name)
{
  gsize length = strlen (name);

  return length % 2 == 1 && name[length / 2] == ' ' &&
         strncmp (name, name + length / 2 + 1, length / 2) == 0;
}

static gboolean
is_type_name (const char *name)
{
  return (g_str_has_prefix (name, "Gtk") || g_str_has_prefix (name, "Adw")) &&
         g_ascii_isupper (name[3]) && strchr (name, ' ') == NULL;
}

/* What is wrong with what a screen reader hears for @widget, or NULL. */
static char *
name_problem (GtkWidget *widget)
{
  gboolean list_item = gtk_widget_get_parent (widget) != NULL &&
                       GTK_IS_LIST_VIEW (gtk_widget_get_parent (widget));
  g_autofree char *name = NULL;

  /* GTK names what is on screen; a page not shown yet is named as it comes. */
  if (!gtk_widget_get_mapped (widget) ||
      !(GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) ||
        GTK_IS_SWITCH (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_TEXT_VIEW (widget) ||
        ADW_IS_PREFERENCES_ROW (widget) || list_item))
    return NULL;
  name = spoken_name (widget);
  if (name == NULL)
    return NULL;
  if (*name == '\0')
    return list_item ? g_strdup ("a list item without a name") : NULL;
  if (strchr (name, '_') != NULL && (GTK_IS_BUTTON (widget) || list_item))
    return g_strdup_printf ("\"%s\" keeps a mnemonic underscore", name);
  if (is_doubled (name))
    return g_strdup_printf ("\"%s\" is said twice", name);
  if (is_type_name (name))
    return g_strdup_printf ("read as its type, \"%s\"", name);
  return NULL;
}

void
harness_check_spoken_name (GtkWidget *widget,
                           GString   *problems)
{
  g_autofree char *problem = name_problem (widget);

  if (problem != NULL)
    g_string_append_printf (problems, "%s in %s: %s\n", G_OBJECT_TYPE_NAME (widget),
                            G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)), problem);
}

void
harness_check_spoken_names (GtkWidget *root,
                            GString   *problems)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      harness_check_spoken_name (child, problems);
      /* A spin button's + and − are named by it, as the UI tests say. */
      if (!GTK_IS_SPIN_BUTTON (child))
        harness_check_spoken_names (child, problems);
    }
}

/**
 * harness_find_file_chooser:
 *
 * Returns: (transfer none) (nullable): the file chooser the window shows
 *   (GtkFileChooserNative's own dialog, without a portal)
 */
GtkFileChooser *
harness_find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_FILE_CHOOSER (window);
    }

  return NULL;
}
