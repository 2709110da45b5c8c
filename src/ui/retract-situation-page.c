/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Step 1: where, what, when and what went wrong. */

#define G_LOG_DOMAIN "retract-situation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-deadline-count.h"
#include "retract-rows.h"
#include "retract-situation-page.h"
#include "retract-time.h"

struct _RetractSituationPage
{
  RetractPage           parent_instance;

  AdwActionRow         *filed_row;
  GtkSpinButton        *hour_spin;
  GtkSpinButton        *minute_spin;
  GtkCalendar          *calendar;
  AdwPreferencesGroup  *mistake_group;
  AdwPreferencesGroup  *platform_group;
  GtkFlowBox           *quick_picks;
  GtkLabel             *time_error;
  GtkMenuButton        *time_button;
  AdwPreferencesGroup  *type_group;

  /* The rows built from the dataset, per group, to rebuild them. */
  GPtrArray            *platform_rows;
  GPtrArray            *type_rows;
  GPtrArray            *mistake_rows;
  gboolean              syncing;
  double                page_scroll;
};

G_DEFINE_FINAL_TYPE (RetractSituationPage, retract_situation_page, RETRACT_TYPE_PAGE)

static const struct
{
  const char *label;
  int         minutes_ago;
} quick_picks[] = {
  { N_("Just now"), 0 },
  { N_("30 minutes ago"), 30 },
  { N_("1 hour ago"), 60 },
  { N_("3 hours ago"), 180 },
  { N_("Yesterday, same time"), 24 * 60 },
};

/* A row for one answer of a group, @id kept on it. */
static GtkWidget *
choice_row_new (const char *id,
                const char *title,
                const char *subtitle,
                const char *suffix)
{
  GtkWidget *row = retract_row_new (title, subtitle);

  g_object_set_data_full (G_OBJECT (row), "retract-id", g_strdup (id), g_free);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}

/* Gives @row a radio button of *@group (the first one starts the group). */
static void
choice_row_add_radio (GtkWidget       *row,
                      GtkCheckButton **group,
                      GCallback        on_toggled,
                      gpointer         user_data)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_check_button_set_group (GTK_CHECK_BUTTON (check), *group);
  if (*group == NULL)
    *group = GTK_CHECK_BUTTON (check);
  retract_row_set_control (row, check, GTK_PACK_START);
  g_signal_connect (check, "toggled", on_toggled, user_data);
}

/* The answer @control's row stands for. */
static const char *
choice_id (GtkWidget *control)
{
  return g_object_get_data (G_OBJECT (gtk_widget_get_ancestor (control, ADW_TYPE_ACTION_ROW)),
                            "retract-id");
}

/* Marks the row of @selected among @rows chosen and the others not. The
 * rows stay, so the focus stays where it is. */
static void
sync_choice_rows (GPtrArray  *rows,
                  const char *selected)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
      GtkWidget *mark = g_object_get_data (G_OBJECT (row), "retract-mark");
      gboolean chosen = g_strcmp0 (selected, g_object_get_data (G_OBJECT (row), "retract-id")) == 0;

      if (check != NULL)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
          continue;
        }

      /* A sole answer that is chosen only says so: Tab passes it by, as the
       * review's answers. Not chosen (a case saved without it), activating
       * the row chooses it. */
      gtk_widget_set_visible (mark, chosen);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !chosen);
      gtk_widget_set_focusable (row, !chosen);
    }
}

static void
update_complete (RetractSituationPage *self)
{
  RetractPage *page = RETRACT_PAGE (self);
  RetractCase *kase = retract_page_get_case (page);
  RetractRuleset *rules = retract_page_get_rules (page);
  RetractClock *clock = retract_page_get_clock (page);
  GDateTime *filed_at;
  gboolean future = FALSE;

  if (kase == NULL || rules == NULL || clock == NULL)
    return;

  filed_at = retract_case_get_filed_at (kase);
  if (filed_at != NULL)
    {
      g_autofree char *subtitle = retract_clock_text_dup (filed_at);

      adw_action_row_set_subtitle (self->filed_row, subtitle);
      future = g_date_time_difference (filed_at, retract_clock_get_now (clock))
               > RETRACT_FUTURE_TOLERANCE;
    }
  else
    {
      adw_action_row_set_subtitle (self->filed_row, _("Not set yet: pick a time below"));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->time_error), future);
  if (future)
    gtk_widget_add_css_class (GTK_WIDGET (self->filed_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filed_row), "error");

  retract_page_set_complete (page,
                             retract_ruleset_lookup_type (rules, retract_case_get_platform (kase),
                                                          retract_case_get_complaint_type (kase))
                             != NULL &&
                             filed_at != NULL && !future);
}

static void
on_type_toggled (GtkCheckButton       *check,
                 RetractSituationPage *self)
{
  if (self->syncing || !gtk_check_button_get_active (check))
    return;

  retract_case_set_complaint_type (retract_page_get_case (RETRACT_PAGE (self)),
                                   choice_id (GTK_WIDGET (check)));
}

static void
on_sole_type_activated (AdwActionRow         *row,
                        RetractSituationPage *self)
{
  if (!self->syncing)
    retract_case_set_complaint_type (retract_page_get_case (RETRACT_PAGE (self)),
                                     g_object_get_data (G_OBJECT (row), "retract-id"));
}

/* A platform's only complaint type is the answer, not a choice: shown
 * with a check mark and nothing to untick. A lone check box could be
 * unticked while the case kept the type and Next stayed on. */
static void
choice_row_add_mark (GtkWidget            *row,
                     RetractSituationPage *self)
{
  GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  /* Under the radio buttons of the platforms, and the title under theirs
   * (Adwaita's check button is wider than its indicator). */
  gtk_widget_set_margin_start (mark, 6);
  gtk_widget_set_margin_end (mark, 4);
  /* Translators: what a screen reader says for the check mark on a
   * platform's only complaint type, which is chosen for it */
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chosen"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), mark);
  g_object_set_data (G_OBJECT (row), "retract-mark", mark);
  g_signal_connect (row, "activated", G_CALLBACK (on_sole_type_activated), self);
}

static void
build_type_rows (RetractSituationPage *self)
{
  RetractPage *page = RETRACT_PAGE (self);
  RetractCase *kase = retract_page_get_case (page);
  GPtrArray *types = retract_ruleset_get_types (retract_page_get_rules (page));
  RetractLanguage language = retract_page_get_language (page);
  const char *platform = retract_case_get_platform (kase);
  GtkCheckButton *group = NULL;
  guint n_types = 0;

  retract_rows_clear (self->type_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->type_group), platform != NULL);
  if (platform == NULL)
    return;

  for (guint i = 0; i < types->len; i++)
    {
      const RetractComplaintType *type = g_ptr_array_index (types, i);

      if (g_str_equal (type->platform, platform))
        n_types++;
    }

  for (guint i = 0; i < types->len; i++)
    {
      const RetractComplaintType *type = g_ptr_array_index (types, i);
      g_autofree char *window = NULL;
      g_autofree char *suffix = NULL;
      GtkWidget *row;

      if (!g_str_equal (type->platform, platform))
        continue;

      /* Each type states its window from the dataset (issue 15 §3): "24 h",
       * "3 working days", "Cannot be withdrawn". */
      window = retract_deadline_describe_type_window (type);
      if (type->withdrawable && type->success_rating != NULL)
        {
          /* Translators: the seed's success rating, e.g. "Success ★★★☆" */
          g_autofree char *success = g_strdup_printf (_("Success %s"), type->success_rating);

          /* Translators: a complaint type's window and success rating,
           * "24 h · Success ★★★☆" */
          suffix = g_strdup_printf (_("%1$s · %2$s"), window, success);
        }
      else
        {
          suffix = g_steal_pointer (&window);
        }

      row = choice_row_new (type->id, retract_text_get (&type->name, language),
                            retract_text_get (&type->description, language), suffix);
      if (n_types == 1)
        choice_row_add_mark (row, self);
      else
        choice_row_add_radio (row, &group, G_CALLBACK (on_type_toggled), self);
      adw_preferences_group_add (self->type_group, row);
      g_ptr_array_add (self->type_rows, row);
    }
  sync_choice_rows (self->type_rows, retract_case_get_complaint_type (kase));
}

static void
on_platform_toggled (GtkCheckButton       *check,
                     RetractSituationPage *self)
{
  RetractCase *kase = retract_page_get_case (RETRACT_PAGE (self));
  RetractRuleset *rules = retract_page_get_rules (RETRACT_PAGE (self));
  const char *platform = choice_id (GTK_WIDGET (check));

  if (self->syncing || !gtk_check_button_get_active (check))
    return;

  retract_case_set_platform (kase, platform);
  /* A type of another platform no longer applies; the only one of a platform is chosen. */
  if (retract_ruleset_lookup_type (rules, platform, retract_case_get_complaint_type (kase)) == NULL)
    {
      g_autofree char *only = retract_ruleset_list_type_ids (rules, platform);

      retract_case_set_complaint_type (kase, strchr (only, ',') == NULL ? only : NULL);
    }
}

static void
on_mistake_toggled (GtkCheckButton       *check,
                    RetractSituationPage *self)
{
  if (self->syncing || !gtk_check_button_get_active (check))
    return;

  retract_case_set_mistake (retract_page_get_case (RETRACT_PAGE (self)),
                            choice_id (GTK_WIDGET (check)));
}

typedef struct
{
  const char        *id;
  const RetractText *name;
  const RetractText *description;
} Choice;

static void
build_choice_rows (RetractSituationPage *self,
                   AdwPreferencesGroup  *group_widget,
                   GPtrArray            *rows,
                   GArray               *choices,
                   const char           *selected,
                   GCallback             on_toggled)
{
  RetractLanguage language = retract_page_get_language (RETRACT_PAGE (self));
  GtkCheckButton *group = NULL;

  retract_rows_clear (rows);
  for (guint i = 0; i < choices->len; i++)
    {
      const Choice *choice = &g_array_index (choices, Choice, i);
      GtkWidget *row;

      row = choice_row_new (choice->id, retract_text_get (choice->name, language),
                            choice->description ? retract_text_get (choice->description, language)
                                                : NULL,
                            NULL);
      choice_row_add_radio (row, &group, on_toggled, self);
      adw_preferences_group_add (group_widget, row);
      g_ptr_array_add (rows, row);
    }
  sync_choice_rows (rows, selected);
}

static void
sync_from_case (RetractSituationPage *self)
{
  RetractPage *page = RETRACT_PAGE (self);
  RetractCase *kase = retract_page_get_case (page);
  RetractRuleset *rules = retract_page_get_rules (page);

  GPtrArray *platforms = retract_ruleset_get_platforms (rules);
  GPtrArray *mistakes = retract_ruleset_get_mistakes (rules);
  g_autoptr(GArray) platform_choices = g_array_new (FALSE, FALSE, sizeof (Choice));
  g_autoptr(GArray) mistake_choices = g_array_new (FALSE, FALSE, sizeof (Choice));

  for (guint i = 0; i < platforms->len; i++)
    {
      const RetractPlatform *platform = g_ptr_array_index (platforms, i);
      Choice choice = { platform->id, &platform->name, NULL };

      g_array_append_val (platform_choices, choice);
    }
  for (guint i = 0; i < mistakes->len; i++)
    {
      const RetractMistake *mistake = g_ptr_array_index (mistakes, i);
      Choice choice = { mistake->id, &mistake->name, &mistake->description };

      g_array_append_val (mistake_choices, choice);
    }

  self->syncing = TRUE;
  build_choice_rows (self, self->platform_group, self->platform_rows, platform_choices,
                     retract_case_get_platform (kase), G_CALLBACK (on_platform_toggled));
  build_type_rows (self);
  build_choice_rows (self, self->mistake_group, self->mistake_rows, mistake_choices,
                     retract_case_get_mistake (kase), G_CALLBACK (on_mistake_toggled));
  self->syncing = FALSE;

  update_complete (self);
}

/* A new answer moves the marks; only the complaint types, which depend on
 * the platform, are built again. Rebuilding every row took the focus off
 * the platform a person had just chosen by keyboard: GTK put it on the
 * first row, where the next Space chose that platform instead. */
static void
sync_answer (RetractSituationPage *self,
             const char           *name)
{
  RetractCase *kase = retract_page_get_case (RETRACT_PAGE (self));

  self->syncing = TRUE;
  if (g_str_equal (name, "platform"))
    {
      sync_choice_rows (self->platform_rows, retract_case_get_platform (kase));
      build_type_rows (self);
    }
  else if (g_str_equal (name, "complaint-type"))
    {
      sync_choice_rows (self->type_rows, retract_case_get_complaint_type (kase));
    }
  else
    {
      sync_choice_rows (self->mistake_rows, retract_case_get_mistake (kase));
    }
  self->syncing = FALSE;

  update_complete (self);
}

static void
on_case_notify (RetractSituationPage *self,
                GParamSpec           *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if (self->syncing)
    return;

  if (g_str_equal (name, "platform") || g_str_equal (name, "complaint-type") ||
      g_str_equal (name, "mistake"))
    {
      if (!retract_page_defer (RETRACT_PAGE (self)))
        sync_answer (self, name);
    }
  else if (g_str_equal (name, "filed-at") && !retract_page_defer (RETRACT_PAGE (self)))
    {
      update_complete (self);
    }
}

static void
on_clock_tick (RetractSituationPage *self)
{
  if (!retract_page_defer (RETRACT_PAGE (self)))
    update_complete (self);
}

static void
on_quick_pick (GtkButton            *button,
               RetractSituationPage *self)
{
  RetractPage *page = RETRACT_PAGE (self);
  int minutes_ago = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "minutes-ago"));
  g_autoptr(GDateTime) filed_at =
    g_date_time_add_minutes (retract_clock_get_now (retract_page_get_clock (page)), -minutes_ago);

  retract_case_set_filed_at (retract_page_get_case (page), filed_at);
}

static void
on_set_time (GtkButton            *button,
             RetractSituationPage *self)
{
  RetractPage *page = RETRACT_PAGE (self);
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) filed_at =
    g_date_time_new (retract_time_zone (), g_date_time_get_year (day),
                     g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                     gtk_spin_button_get_value_as_int (self->hour_spin),
                     gtk_spin_button_get_value_as_int (self->minute_spin), 0);

  retract_case_set_filed_at (retract_page_get_case (page), filed_at);
  gtk_menu_button_popdown (self->time_button);
}

/* The page scrolls to show the focused widget, but GTK 4.8 measures a
 * widget in the date popover against the page as if it were in the page:
 * opening the popover and each day picked scrolled the page, and the
 * popover moved with it (issue 15 §5.12). While the popover is open the
 * page stays where it was before it opened. */
static GtkAdjustment *
page_vadjustment (RetractSituationPage *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->time_button),
                                                 GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

/* Where the page was while the popover was closed: GTK has scrolled it
 * already when the popover's "show" handlers run. */
static void
on_page_scrolled (RetractSituationPage *self,
                  GtkAdjustment        *adjustment)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (self->time_button))))
    self->page_scroll = gtk_adjustment_get_value (adjustment);
}

static void
set_page_follows_focus (RetractSituationPage *self,
                        gboolean              follow)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self->time_button),
                                                 GTK_TYPE_VIEWPORT);

  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), follow);
  if (!follow)
    gtk_adjustment_set_value (page_vadjustment (self), self->page_scroll);
}

/* The picker opens at the chosen time, or at now. */
static void
on_time_popover_show (RetractSituationPage *self)
{
  RetractPage *page = RETRACT_PAGE (self);
  GDateTime *filed_at = retract_case_get_filed_at (retract_page_get_case (page));
  g_autoptr(GDateTime) shown = g_date_time_to_timezone (
    filed_at != NULL ? filed_at : retract_clock_get_now (retract_page_get_clock (page)),
    retract_time_zone ());

  gtk_calendar_select_day (self->calendar, shown);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (shown));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (shown));
  set_page_follows_focus (self, FALSE);
}

static void
on_time_popover_hide (RetractSituationPage *self)
{
  set_page_follows_focus (self, TRUE);
}

static void
retract_situation_page_context_changed (RetractPage *page)
{
  sync_from_case (RETRACT_SITUATION_PAGE (page));
}

static void
retract_situation_page_dispose (GObject *object)
{
  RetractSituationPage *self = (RetractSituationPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RETRACT_TYPE_SITUATION_PAGE);
  g_clear_pointer (&self->platform_rows, g_ptr_array_unref);
  g_clear_pointer (&self->type_rows, g_ptr_array_unref);
  g_clear_pointer (&self->mistake_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (retract_situation_page_parent_class)->dispose (object);
}

static void
retract_situation_page_class_init (RetractSituationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RetractPageClass *page_class = RETRACT_PAGE_CLASS (klass);

  object_class->dispose = retract_situation_page_dispose;
  page_class->context_changed = retract_situation_page_context_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/retract-situation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RetractSituationPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, RetractSituationPage, filed_row);
  gtk_widget_class_bind_template_child (widget_class, RetractSituationPage, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, RetractSituationPage, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, RetractSituationPage, mistake_group);
  gtk_widget_class_bind_template_child (widget_class, RetractSituationPage, platform_group);
  gtk_widget_class_bind_template_child (widget_class, RetractSituationPage, quick_picks);
  gtk_widget_class_bind_template_child (widget_class, RetractSituationPage, time_button);
  gtk_widget_class_bind_template_child (widget_class, RetractSituationPage, time_error);
  gtk_widget_class_bind_template_child (widget_class, RetractSituationPage, type_group);
  gtk_widget_class_bind_template_callback (widget_class, on_set_time);
  gtk_widget_class_bind_template_callback (widget_class, on_time_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_time_popover_hide);
}

static void
retract_situation_page_init (RetractSituationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->platform_rows = g_ptr_array_new ();
  self->type_rows = g_ptr_array_new ();
  self->mistake_rows = g_ptr_array_new ();
  g_signal_group_connect_swapped (retract_page_get_case_signals (RETRACT_PAGE (self)), "notify",
                                  G_CALLBACK (on_case_notify), self);
  g_signal_group_connect_swapped (retract_page_get_clock_signals (RETRACT_PAGE (self)),
                                  "notify::now", G_CALLBACK (on_clock_tick), self);
  g_signal_connect_object (page_vadjustment (self), "value-changed",
                           G_CALLBACK (on_page_scrolled), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (quick_picks); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (_(quick_picks[i].label));

      gtk_widget_add_css_class (button, "pill");
      g_object_set_data (G_OBJECT (button), "minutes-ago",
                         GINT_TO_POINTER (quick_picks[i].minutes_ago));
      g_signal_connect (button, "clicked", G_CALLBACK (on_quick_pick), self);
      gtk_flow_box_append (self->quick_picks, button);
      /* The button is the one Tab stop, and Enter or Space on it applies the
       * time: the flow box's own tile would be a second stop that does
       * nothing, its Enter going on to the next step (issue 15 §5.2). */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
}
