/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Issue 13: what a screen reader hears, as GTK 4.8 computes it, on the
 * controls GTK and libadwaita build for us: buttons with a mnemonic (the
 * overview's, a dialog's, a toast's Undo), a toast's close button, and the
 * items of a drop-down row. None keeps its underscore, none is said twice,
 * none is read as its type, every item has a name. What the eye reads of
 * a drop-down's items is checked here too: each is shown whole. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "retract-case-overview.h"
#include "retract-log-dialog.h"
#include "retract-time.h"
#include "ui-harness.h"

static char *
save_case (RetractStore *store)
{
  g_autoptr(RetractCase) kase = retract_case_new ();
  g_autoptr(GDateTime) filed = retract_time_parse ("2026-11-24T11:30:00+08:00", NULL);
  g_autoptr(GError) error = NULL;

  retract_case_set_platform (kase, "wechat");
  retract_case_set_complaint_type (kase, "friend-report");
  retract_case_set_filed_at (kase, filed);
  g_assert_true (retract_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  return g_strdup (retract_case_get_id (kase));
}

/* The window on one saved case, its overview shown; returns the overview. */
static GtkWidget *
open_case (Harness *harness)
{
  g_autofree char *id = NULL;
  GtkWidget *overview;

  harness_init (harness, "2026-11-24T13:00:00+08:00");
  id = save_case (harness->store);
  harness_open_window (harness);
  gtk_window_set_default_size (GTK_WINDOW (harness->window), 1000, 760);
  harness_wait_listed (harness);
  retract_window_open_case (harness->window, id);
  harness_settle ();
  overview = harness_find (GTK_WIDGET (harness->window), RETRACT_TYPE_CASE_OVERVIEW, NULL);
  g_assert_nonnull (overview);
  g_assert_true (gtk_widget_get_mapped (overview));
  return overview;
}

static void
assert_read_right (GString *problems)
{
  if (problems->len > 0)
    g_error ("controls read wrongly:\n%s", problems->str);
}

/* Opens the popup of @row, a drop-down row, and returns it, shown. Under
 * load the dialog's window can take the focus after the popover opened,
 * which closes it (seen once in a fresh-clone run): it is opened again
 * until it stays. */
static GtkWidget *
open_popup (GtkWidget *row)
{
  GtkWidget *popover = NULL;

  for (guint i = 0; i < 20 && (popover == NULL || !gtk_widget_get_mapped (popover)); i++)
    {
      if (harness_find (row, GTK_TYPE_POPOVER, NULL) == NULL)
        adw_action_row_activate (ADW_ACTION_ROW (row));
      harness_settle ();
      popover = harness_find (row, GTK_TYPE_POPOVER, NULL);
    }
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  return popover;
}

static void
test_spoken_names (void)
{
  Harness harness;
  g_autoptr(GString) problems = g_string_new (NULL);
  GtkWidget *overview = open_case (&harness);
  g_autofree char *id = g_strdup (retract_case_get_id (retract_window_get_case (harness.window)));
  GtkWindow *dialog;
  GtkWidget *kind_row;
  GtkWidget *popover;

  /* The overview's buttons: "_Log Action…", "Mark _Resolved", "_Delete". */
  harness_check_spoken_names (GTK_WIDGET (harness.window), problems);

  /* Log Action…: "_Cancel", "_Log", the note, and What happened, shut and
   * open. */
  gtk_widget_activate_action (overview, "overview.log", NULL);
  harness_settle ();
  dialog = harness_find_toplevel (RETRACT_TYPE_LOG_DIALOG);
  g_assert_nonnull (dialog);
  harness_check_spoken_names (GTK_WIDGET (dialog), problems);
  kind_row = retract_log_dialog_get_field (RETRACT_LOG_DIALOG (dialog), RETRACT_EVENT_ERROR_KIND);
  g_assert_true (ADW_IS_COMBO_ROW (kind_row) && gtk_widget_get_mapped (kind_row));
  popover = open_popup (kind_row);
  /* Every kind of event is an item there. */
  g_assert_nonnull (harness_find (popover, GTK_TYPE_LIST_VIEW, NULL));
  harness_check_spoken_names (GTK_WIDGET (dialog), problems);
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_window_destroy (dialog);
  harness_settle ();

  /* Delete: the toast's "Undo" and its close button. */
  gtk_widget_activate_action (overview, "overview.delete", NULL);
  harness_settle ();
  g_assert_nonnull (retract_window_get_delete_toast (harness.window, id));
  g_assert_nonnull (harness_find (GTK_WIDGET (harness.window),
                                  g_type_from_name ("AdwToastWidget"), NULL));
  harness_check_spoken_names (GTK_WIDGET (harness.window), problems);

  assert_read_right (problems);
  harness_clear (&harness);
}

/* A label given to a mnemonic button later is read right too. */
static void
test_relabelled_button (void)
{
  Harness harness;
  g_autoptr(GString) problems = g_string_new (NULL);
  GtkWidget *overview = open_case (&harness);
  GtkWindow *dialog;
  GtkWidget *log_button;

  /* The next step's button opens the dialog as "_Record". */
  gtk_widget_activate_action (overview, "overview.record", NULL);
  harness_settle ();
  dialog = harness_find_toplevel (RETRACT_TYPE_LOG_DIALOG);
  g_assert_nonnull (dialog);
  log_button = harness_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "suggested-action");
  g_assert_nonnull (log_button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (log_button)), ==, "_Record");
  harness_check_spoken_names (GTK_WIDGET (dialog), problems);
  gtk_window_destroy (dialog);

  assert_read_right (problems);
  harness_clear (&harness);
}

/* The wizard's rows with a check, a switch or a spin button: the control
 * is named by its row's title once (libadwaita's activatable widget already
 * points at the title; a label of our own on top made it "WeChat WeChat",
 * found on session 22's AT-SPI walk, and the circumstances' count and the
 * review's switches were said twice the same way). */
static void
test_row_controls (void)
{
  Harness harness;
  g_autoptr(GString) problems = g_string_new (NULL);

  harness_init (&harness, "2026-11-24T13:00:00+08:00");
  harness_open_window (&harness);
  retract_window_start (harness.window, FALSE);
  harness_settle ();
  /* The platforms and the complaint types. */
  harness_check_spoken_names (GTK_WIDGET (harness.window), problems);
  harness_fill_situation (&harness, "wechat", "friend-report", "2026-11-24T10:00:00+08:00");
  harness_check_spoken_names (GTK_WIDGET (harness.window), problems);
  /* The circumstances' switches and count, the materials' checks, then
   * the review's switches. */
  harness_next (&harness);
  harness_check_spoken_names (GTK_WIDGET (harness.window), problems);
  harness_next (&harness);
  harness_next (&harness);
  harness_check_spoken_names (GTK_WIDGET (harness.window), problems);
  harness_next (&harness);
  harness_fill_details (&harness);
  harness_next (&harness);
  g_assert_cmpstr (retract_wizard_get_step (retract_window_get_wizard (harness.window)), ==,
                   "review");
  harness_check_spoken_names (GTK_WIDGET (harness.window), problems);

  assert_read_right (problems);
  harness_clear (&harness);
}

/* The app's translations, bound as its main() binds them. */
static void
use_translations (void)
{
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RETRACT_LOCALEDIR") != NULL
                                   ? g_getenv ("RETRACT_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  setlocale (LC_ALL, "");
}

/* Strings are looked up in @language from now on (NULL: LANGUAGE unset). */
static void
set_language (const char *language)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  /* glibc keeps the translations it found; naming the domain again makes
   * it look them up in the new language. */
  textdomain (GETTEXT_PACKAGE);
}

/* Each item of a menu answers its own Alt key: two items of one popover
 * with the same mnemonic (the primary menu's "_Import Case File…" and
 * "_Import Rules…", as they were) make the key stop at the first, and the user must press
 * it again to reach the second. Checked in every language shipped. */
static void
check_menu_mnemonics (GMenuModel *model,
                      GHashTable *keys,
                      const char *language,
                      GString    *problems)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = NULL;
      g_autoptr(GMenuModel) submenu = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        {
          const char *mark = strchr (label, '_');

          if (mark == NULL || mark[1] == '\0')
            g_string_append_printf (problems, "%s: “%s” has no mnemonic\n", language, label);
          else
            {
              gunichar key = g_unichar_tolower (g_utf8_get_char (mark + 1));
              const char *other = g_hash_table_lookup (keys, GUINT_TO_POINTER (key));

              if (other != NULL)
                g_string_append_printf (problems, "%s: “%s” and “%s” share a mnemonic\n",
                                        language, other, label);
              else
                g_hash_table_insert (keys, GUINT_TO_POINTER (key), g_strdup (label));
            }
        }

      /* A section shares its popover's keys; a submenu has its own. */
      section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      if (section != NULL)
        check_menu_mnemonics (section, keys, language, problems);
      submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
      if (submenu != NULL)
        {
          g_autoptr(GHashTable) own = g_hash_table_new_full (NULL, NULL, NULL, g_free);

          check_menu_mnemonics (submenu, own, language, problems);
        }
    }
}

static void
collect_menu_buttons (GtkWidget *widget,
                      GPtrArray *buttons)
{
  if (GTK_IS_MENU_BUTTON (widget))
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_menu_buttons (child, buttons);
}

static void
test_menu_mnemonics (void)
{
  static const char * const languages[] = { "en", "zh_CN", "zh_HK" };
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autoptr(GString) problems = g_string_new (NULL);

  /* The menus are translated as the app's main() has them translated. */
  use_translations ();

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
      guint menus = 0;
      Harness harness;

      set_language (languages[l]);
      open_case (&harness);
      collect_menu_buttons (GTK_WIDGET (harness.window), buttons);
      for (guint i = 0; i < buttons->len; i++)
        {
          GMenuModel *model = gtk_menu_button_get_menu_model (g_ptr_array_index (buttons, i));
          g_autoptr(GHashTable) keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);

          if (model == NULL)
            continue;
          check_menu_mnemonics (model, keys, languages[l], problems);
          menus++;
        }
      /* The primary menu and the overview's Edit menu at least. */
      g_assert_cmpuint (menus, >=, 2);
      harness_clear (&harness);
    }

  set_language (old_language);
  assert_read_right (problems);
}

/* Checks that every item of @row's open popup, @list, shows its whole text
 * and that only the row's chosen item has the check mark. */
static void
assert_items_whole (GtkWidget *row,
                    GtkWidget *list)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  guint chosen = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
  guint seen = 0;

  for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *label = harness_find (item, GTK_TYPE_LABEL, NULL);
      GtkWidget *mark = harness_find (item, GTK_TYPE_IMAGE, NULL);
      const char *text;
      guint position = G_MAXUINT;

      if (label == NULL || !gtk_widget_get_mapped (item))
        continue;
      text = gtk_label_get_text (GTK_LABEL (label));
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GtkStringObject) string = g_list_model_get_item (model, i);

          if (g_str_equal (gtk_string_object_get_string (string), text))
            position = i;
        }
      g_assert_cmpuint (position, !=, G_MAXUINT);
      g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);
      g_assert_nonnull (mark);
      g_assert_true (gtk_widget_get_visible (mark));
      g_assert_cmpfloat (gtk_widget_get_opacity (mark), ==, position == chosen ? 1.0 : 0.0);
      seen++;
    }
  g_assert_cmpuint (seen, ==, g_list_model_get_n_items (model));
}

/* The channels' names are long ("Customer service hotline (urgent)"):
 * libadwaita's popup cut them with an ellipsis at the dialog's width. In
 * each language every item reads in full, and the chosen one is marked,
 * also after another is chosen with the popup open. */
static void
test_dropdown_items_whole (void)
{
  static const char * const languages[] = { "en", "zh_CN", "zh_HK" };
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));

  use_translations ();

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      Harness harness;
      GtkWidget *overview;
      GtkWindow *dialog;
      GtkWidget *row;
      GtkWidget *popover;
      GtkWidget *list;

      set_language (languages[l]);
      overview = open_case (&harness);
      gtk_widget_activate_action (overview, "overview.log", NULL);
      harness_settle ();
      dialog = harness_find_toplevel (RETRACT_TYPE_LOG_DIALOG);
      g_assert_nonnull (dialog);
      row = retract_log_dialog_get_field (RETRACT_LOG_DIALOG (dialog),
                                          RETRACT_EVENT_ERROR_CHANNEL);
      g_assert_true (ADW_IS_COMBO_ROW (row) && gtk_widget_get_mapped (row));
      g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))),
                        >, 3);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);

      popover = open_popup (row);
      list = harness_find (popover, GTK_TYPE_LIST_VIEW, NULL);
      g_assert_nonnull (list);
      assert_items_whole (row, list);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), 3);
      harness_settle ();
      assert_items_whole (row, list);

      gtk_popover_popdown (GTK_POPOVER (popover));
      gtk_window_destroy (dialog);
      harness_clear (&harness);
    }

  set_language (old_language);
}

int
main (int   argc,
      char *argv[])
{
  harness_use_own_folders ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/retract/ui-names/spoken-names", test_spoken_names);
  g_test_add_func ("/retract/ui-names/relabelled-button", test_relabelled_button);
  g_test_add_func ("/retract/ui-names/row-controls", test_row_controls);
  g_test_add_func ("/retract/ui-names/menu-mnemonics", test_menu_mnemonics);
  g_test_add_func ("/retract/ui-names/dropdown-items-whole", test_dropdown_items_whole);

  return g_test_run ();
}
