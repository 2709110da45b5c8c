/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Step 5: what the letter needs. Everything typed goes straight into the
 * case (and so into the autosave); checks run on Next, mark the field and
 * say why, and never throw away what was typed. */

#define G_LOG_DOMAIN "retract-details-page"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-details-page.h"
#include "retract-text.h"
#include "retract-time.h"
#include "retract-validators.h"

struct _RetractDetailsPage
{
  RetractPage  parent_instance;

  GtkLabel    *about_error;
  GtkLabel    *complaint_error;
  AdwEntryRow *complaint_number_row;
  AdwEntryRow *id_number_row;
  AdwEntryRow *name_row;
  GtkTextView *narrative_view;
  AdwEntryRow *phone_row;
  GtkTextView *reason_view;
  AdwEntryRow *respondent_row;
  GtkLabel    *story_error;
  AdwEntryRow *wechat_id_row;

  GtkWidget   *fields[RETRACT_N_DETAILS];
  gboolean     syncing;
};

G_DEFINE_FINAL_TYPE (RetractDetailsPage, retract_details_page, RETRACT_TYPE_PAGE)

static char *
field_text (GtkWidget *field)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (ADW_IS_ENTRY_ROW (field))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
field_index (RetractDetailsPage *self,
             GtkWidget          *field)
{
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    if (self->fields[i] == field)
      return i;

  g_assert_not_reached ();
}

/* A run longer than a line with nowhere to break it (100 000 letters) takes
 * Pango time that grows with its square when wrapping by words: 20 s of a
 * frozen window. Such text wraps by character; prose keeps word wrapping. */
#define UNBROKEN_RUN_LIMIT 160

static void
on_field_changed (RetractDetailsPage *self,
                  GtkWidget          *field)
{
  g_autofree char *text = field_text (field);

  if (GTK_IS_TEXT_VIEW (field))
    gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (field),
                                 retract_text_has_unbroken_run (text, UNBROKEN_RUN_LIMIT)
                                 ? GTK_WRAP_CHAR : GTK_WRAP_WORD_CHAR);

  if (!self->syncing)
    retract_case_set_detail (retract_page_get_case (RETRACT_PAGE (self)),
                             field_index (self, field), g_strstrip (text));
}

static GtkLabel *error_label_for (RetractDetailsPage *self,
                                  RetractDetail       detail);

/* Says, next to the field, that pasted invisible characters were left out:
 * nothing is changed behind the user's back. */
static void
report_filtered (RetractDetailsPage *self,
                 GtkWidget          *field,
                 gunichar            removed)
{
  guint i = field_index (self, field);
  GtkLabel *label = error_label_for (self, i);
  g_autofree char *line = NULL;

  /* Only a one-line field turns line breaks and tabs into spaces. */
  line = g_strdup_printf (ADW_IS_ENTRY_ROW (field) &&
                          (removed == '\n' || removed == '\r' || removed == '\t' ||
                           removed == 0x2028 || removed == 0x2029)
                          /* Translators: %1$s is a field such as "Your name" */
                          ? _("%1$s: line breaks and tabs became spaces, and control "
                              "characters were left out (U+%2$04X)")
                          /* Translators: %1$s is a field such as "Your name" */
                          : _("%1$s: invisible control characters were left out "
                              "(U+%2$04X)"),
                          retract_detail_get_label (i), removed);
  gtk_label_set_label (label, line);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

/* Typed or pasted text keeps only what the letter accepts (the same rule as
 * retract_validate_characters()), so the saved case always loads again. */
static void
on_editable_insert_text (GtkEditable        *editable,
                         const char         *text,
                         int                 length,
                         int                *position,
                         RetractDetailsPage *self)
{
  g_autofree char *kept = NULL;
  gunichar removed = 0;

  kept = retract_filter_characters (text, length, FALSE, &removed);
  if (kept == NULL)
    return;

  g_signal_stop_emission_by_name (editable, "insert-text");
  g_signal_handlers_block_by_func (editable, on_editable_insert_text, self);
  gtk_editable_insert_text (editable, kept, -1, position);
  g_signal_handlers_unblock_by_func (editable, on_editable_insert_text, self);
  report_filtered (self, g_object_get_data (G_OBJECT (editable), "retract-field"), removed);
}

static void
on_buffer_insert_text (GtkTextBuffer      *buffer,
                       GtkTextIter        *location,
                       const char         *text,
                       int                 length,
                       RetractDetailsPage *self)
{
  g_autofree char *kept = NULL;
  gunichar removed = 0;

  kept = retract_filter_characters (text, length, TRUE, &removed);
  if (kept == NULL)
    return;

  g_signal_stop_emission_by_name (buffer, "insert-text");
  g_signal_handlers_block_by_func (buffer, on_buffer_insert_text, self);
  gtk_text_buffer_insert (buffer, location, kept, -1);
  g_signal_handlers_unblock_by_func (buffer, on_buffer_insert_text, self);
  report_filtered (self, g_object_get_data (G_OBJECT (buffer), "retract-view"), removed);
}

static void
on_buffer_changed (GtkTextBuffer      *buffer,
                   RetractDetailsPage *self)
{
  on_field_changed (self, g_object_get_data (G_OBJECT (buffer), "retract-view"));
}

static void
sync_from_case (RetractDetailsPage *self)
{
  RetractCase *kase = retract_page_get_case (RETRACT_PAGE (self));

  self->syncing = TRUE;
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    {
      const char *value = retract_case_get_detail (kase, i);
      g_autofree char *shown = NULL;

      /* The guardian's and enterprise's details have no field here yet. */
      if (self->fields[i] == NULL)
        continue;

      shown = field_text (self->fields[i]);

      /* Leave the widget alone when it already says this (keeps the cursor). */
      if (g_strcmp0 (g_strstrip (shown), value != NULL ? value : "") == 0)
        continue;

      if (ADW_IS_ENTRY_ROW (self->fields[i]))
        gtk_editable_set_text (GTK_EDITABLE (self->fields[i]), value != NULL ? value : "");
      else
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->fields[i])),
                                  value != NULL ? value : "", -1);
    }
  self->syncing = FALSE;
}

static GtkLabel *
error_label_for (RetractDetailsPage *self,
                 RetractDetail       detail)
{
  switch (detail)
    {
    case RETRACT_DETAIL_APPLICANT_NAME:
    case RETRACT_DETAIL_APPLICANT_WECHAT_ID:
    case RETRACT_DETAIL_APPLICANT_PHONE:
    case RETRACT_DETAIL_APPLICANT_ID_NUMBER:
    case RETRACT_DETAIL_GUARDIAN_NAME:
    case RETRACT_DETAIL_GUARDIAN_RELATIONSHIP:
    case RETRACT_DETAIL_GUARDIAN_PHONE:
    case RETRACT_DETAIL_GUARDIAN_ID_NUMBER:
    case RETRACT_DETAIL_ENTERPRISE_NAME:
    case RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE:
      return self->about_error;
    case RETRACT_DETAIL_COMPLAINT_NUMBER:
    case RETRACT_DETAIL_RESPONDENT:
      return self->complaint_error;
    case RETRACT_DETAIL_NARRATIVE:
    case RETRACT_DETAIL_REASON:
    default:
      return self->story_error;
    }
}

/* The rules are the case's (one table in retract-case-fields.c); the page only says
 * where a field is wrong. */
static gboolean
check_field (RetractDetailsPage *self,
             RetractDetail       detail,
             GError            **error)
{
  RetractPage *page = RETRACT_PAGE (self);
  GDate today;

  retract_time_get_date (retract_clock_get_now (retract_page_get_clock (page)), &today);
  return retract_case_validate_detail (retract_page_get_case (page), detail, &today, error);
}

static void
mark_field (GtkWidget *field,
            gboolean   bad)
{
  /* Text views sit in a frame; the frame shows the red outline. */
  GtkWidget *target = ADW_IS_ENTRY_ROW (field) ? field : gtk_widget_get_parent (field);

  if (bad)
    gtk_widget_add_css_class (target, "error");
  else
    gtk_widget_remove_css_class (target, "error");
}

static gboolean
retract_details_page_apply (RetractPage *page)
{
  RetractDetailsPage *self = RETRACT_DETAILS_PAGE (page);
  GtkLabel *labels[] = { self->about_error, self->complaint_error, self->story_error };
  GtkWidget *first_bad = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gtk_label_set_label (labels[i], "");
      gtk_widget_set_visible (GTK_WIDGET (labels[i]), FALSE);
    }

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (self->fields[i] == NULL)
        continue;

      ok = check_field (self, i, &error);
      mark_field (self->fields[i], !ok);
      if (!ok)
        {
          GtkLabel *label = error_label_for (self, i);
          g_autofree char *line = NULL;

          /* Translators: "Phone number: enter a mainland mobile number…" */
          line = g_strdup_printf (_("%1$s: %2$s"), retract_detail_get_label (i), error->message);
          if (*gtk_label_get_label (label) != '\0')
            {
              g_autofree char *both = g_strconcat (gtk_label_get_label (label), "\n", line, NULL);

              gtk_label_set_label (label, both);
            }
          else
            {
              gtk_label_set_label (label, line);
            }
          gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
          if (first_bad == NULL)
            first_bad = self->fields[i];
        }
    }

  if (first_bad != NULL)
    {
      gtk_widget_grab_focus (first_bad);
      return FALSE;
    }

  return TRUE;
}

static void
on_case_notify (RetractDetailsPage *self,
                GParamSpec         *pspec)
{
  if (!self->syncing && !retract_page_defer_notify (RETRACT_PAGE (self), pspec))
    sync_from_case (self);
}

static void
retract_details_page_context_changed (RetractPage *page)
{
  sync_from_case (RETRACT_DETAILS_PAGE (page));
}

static void
retract_details_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RETRACT_TYPE_DETAILS_PAGE);

  G_OBJECT_CLASS (retract_details_page_parent_class)->dispose (object);
}

static void
retract_details_page_class_init (RetractDetailsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RetractPageClass *page_class = RETRACT_PAGE_CLASS (klass);

  object_class->dispose = retract_details_page_dispose;
  page_class->apply = retract_details_page_apply;
  page_class->context_changed = retract_details_page_context_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/retract-details-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, about_error);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, complaint_error);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, complaint_number_row);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, narrative_view);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, reason_view);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, respondent_row);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, story_error);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, wechat_id_row);
}

static void
retract_details_page_init (RetractDetailsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_group_connect_swapped (retract_page_get_case_signals (RETRACT_PAGE (self)), "notify",
                                  G_CALLBACK (on_case_notify), self);

  self->fields[RETRACT_DETAIL_APPLICANT_NAME] = GTK_WIDGET (self->name_row);
  self->fields[RETRACT_DETAIL_APPLICANT_WECHAT_ID] = GTK_WIDGET (self->wechat_id_row);
  self->fields[RETRACT_DETAIL_APPLICANT_PHONE] = GTK_WIDGET (self->phone_row);
  self->fields[RETRACT_DETAIL_APPLICANT_ID_NUMBER] = GTK_WIDGET (self->id_number_row);
  self->fields[RETRACT_DETAIL_COMPLAINT_NUMBER] = GTK_WIDGET (self->complaint_number_row);
  self->fields[RETRACT_DETAIL_RESPONDENT] = GTK_WIDGET (self->respondent_row);
  self->fields[RETRACT_DETAIL_NARRATIVE] = GTK_WIDGET (self->narrative_view);
  self->fields[RETRACT_DETAIL_REASON] = GTK_WIDGET (self->reason_view);

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    {
      GtkWidget *field = self->fields[i];

      if (field == NULL)
        continue;
      if (ADW_IS_ENTRY_ROW (field))
        {
          GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (field));

          g_signal_connect_swapped (field, "changed", G_CALLBACK (on_field_changed), self);
          g_object_set_data (G_OBJECT (delegate), "retract-field", field);
          g_signal_connect (delegate, "insert-text", G_CALLBACK (on_editable_insert_text), self);
        }
      else
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));

          g_object_set_data (G_OBJECT (buffer), "retract-view", field);
          g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed), self);
          g_signal_connect (buffer, "insert-text", G_CALLBACK (on_buffer_insert_text), self);
          gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          retract_detail_get_label (i), -1);
        }
    }

  retract_page_set_complete (RETRACT_PAGE (self), TRUE);
}

/**
 * retract_details_page_get_field:
 *
 * Returns: (transfer none): the widget where @detail is typed
 */
GtkWidget *
retract_details_page_get_field (RetractDetailsPage *self,
                                RetractDetail       detail)
{
  g_return_val_if_fail (RETRACT_IS_DETAILS_PAGE (self), NULL);
  g_return_val_if_fail (detail < RETRACT_N_DETAILS, NULL);

  return self->fields[detail];
}
