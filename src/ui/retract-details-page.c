/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Step 5: what the letter needs. Everything typed goes straight into the
 * case (and so into the autosave); checks run on Next, mark the field and
 * say why under it, and never throw away what was typed. Only the fields
 * that apply to the case are shown (the guardian's for a minor, the
 * company's for an enterprise account), and a character the letter's fonts
 * cannot draw is pointed out as soon as it is typed.
 *
 * This file holds the object, the fields and the checks on Next; the notes
 * under the fields are in -notes.c (see retract-details-page-private.h). */

#define G_LOG_DOMAIN "retract-details-page"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-details-page-private.h"
#include "retract-text.h"
#include "retract-time.h"

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

/* A run longer than a line with nowhere to break it (100 000 letters) takes
 * Pango time that grows with its square when wrapping by words: 20 s of a
 * frozen window. Such text wraps by character; prose keeps word wrapping. */
#define UNBROKEN_RUN_LIMIT 160

static void
on_field_changed (RetractDetailsPage *self,
                  GtkWidget          *field)
{
  g_autofree char *text = field_text (field);
  guint detail = _retract_details_page_field_index (self, field);

  if (GTK_IS_TEXT_VIEW (field))
    gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (field),
                                 retract_text_has_unbroken_run (text, UNBROKEN_RUN_LIMIT)
                                 ? GTK_WRAP_CHAR : GTK_WRAP_WORD_CHAR);

  if (!self->syncing)
    retract_case_set_detail (retract_page_get_case (RETRACT_PAGE (self)), detail,
                             g_strstrip (text));
  _retract_details_page_check_glyphs (self, detail, text);
}

static void
on_buffer_changed (GtkTextBuffer      *buffer,
                   RetractDetailsPage *self)
{
  on_field_changed (self, g_object_get_data (G_OBJECT (buffer), "retract-view"));
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

/* A field Next marked wrong loses its mark and its message as soon as it is
 * right: a value typed in, or another answer that makes it right. A field
 * is never marked wrong while it is being typed in, only by Next. */
static void
clear_righted (RetractDetailsPage *self)
{
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    if (self->wrong[i] && check_field (self, i, NULL))
      {
        self->wrong[i] = FALSE;
        _retract_details_page_mark_field (self->fields[i], NULL);
        _retract_details_page_set_note (self, i, self->errors[i], NULL);
      }
}

static void
sync_from_case (RetractDetailsPage *self)
{
  RetractCase *kase = retract_page_get_case (RETRACT_PAGE (self));

  self->syncing = TRUE;
  for (guint holder = 0; holder < RETRACT_N_ID_HOLDERS; holder++)
    {
      guint type = retract_case_get_id_document_type (kase, holder);

      if (adw_combo_row_get_selected (self->id_type_rows[holder]) != type)
        adw_combo_row_set_selected (self->id_type_rows[holder], type);
    }
  /* The core says which details this case asks for. */
  gtk_widget_set_visible (GTK_WIDGET (self->guardian_group),
                          retract_case_detail_applies (kase, RETRACT_DETAIL_GUARDIAN_NAME));
  gtk_widget_set_visible (GTK_WIDGET (self->enterprise_group),
                          retract_case_detail_applies (kase, RETRACT_DETAIL_ENTERPRISE_NAME));

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    {
      const char *value = retract_case_get_detail (kase, i);
      g_autofree char *shown = NULL;

      /* The guardian's and enterprise's details have no field here yet. */
      if (self->fields[i] == NULL)
        continue;
      /* A detail asked only on one platform (the WeChat ID). */
      gtk_widget_set_visible (self->fields[i], retract_case_detail_applies (kase, i));

      shown = field_text (self->fields[i]);

      /* A scenario turned on or off changes which fields the letter prints. */
      _retract_details_page_check_glyphs (self, i, value);

      /* Leave the widget alone when it already says this (keeps the cursor). */
      if (g_strcmp0 (g_strstrip (shown), value != NULL ? value : "") == 0)
        continue;

      if (ADW_IS_ENTRY_ROW (self->fields[i]))
        gtk_editable_set_text (GTK_EDITABLE (self->fields[i]), value != NULL ? value : "");
      else
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->fields[i])),
                                  value != NULL ? value : "", -1);
    }
  clear_righted (self);
  self->syncing = FALSE;
}

/* The first of @wrong under @widget in the page's order, top to bottom,
 * which is its template's: focus goes there. */
static GtkWidget *
first_in_page (GtkWidget *widget,
               GPtrArray *wrong)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_ptr_array_find (wrong, child, NULL))
        return child;
      found = first_in_page (child, wrong);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
retract_details_page_apply (RetractPage *page)
{
  RetractDetailsPage *self = RETRACT_DETAILS_PAGE (page);
  g_autoptr(GPtrArray) wrong = g_ptr_array_new ();
  GtkWidget *first;

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = NULL;

      /* A field that does not apply is hidden, and the core passes it. */
      if (!check_field (self, i, &error))
        /* Translators: "Phone number: enter a mainland mobile number…" */
        line = g_strdup_printf (_("%1$s: %2$s"), _retract_details_page_field_name (self, i), error->message);

      self->wrong[i] = line != NULL;
      _retract_details_page_mark_field (self->fields[i], line);
      _retract_details_page_set_note (self, i, self->errors[i], line);
      if (line != NULL)
        g_ptr_array_add (wrong, self->fields[i]);
    }

  if (wrong->len == 0)
    return TRUE;

  first = first_in_page (GTK_WIDGET (self), wrong);
  if (first == NULL)
    first = g_ptr_array_index (wrong, 0);
  gtk_widget_grab_focus (first);
  _retract_details_page_reveal_note (self, _retract_details_page_field_index (self, first));
  return FALSE;
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
on_id_type_selected (AdwComboRow        *row,
                     GParamSpec         *pspec,
                     RetractDetailsPage *self)
{
  RetractIdHolder holder = row == self->id_type_rows[RETRACT_ID_HOLDER_GUARDIAN]
                           ? RETRACT_ID_HOLDER_GUARDIAN : RETRACT_ID_HOLDER_APPLICANT;
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing || selected >= RETRACT_N_ID_DOCUMENT_TYPES)
    return;
  retract_case_set_id_document_type (retract_page_get_case (RETRACT_PAGE (self)), holder,
                                     (RetractIdDocumentType) selected);
}

/* The document types, in the core's order and words: the row's index is the type. */
static void
add_id_types (RetractDetailsPage *self,
              RetractIdHolder     holder)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint type = 0; type < RETRACT_N_ID_DOCUMENT_TYPES; type++)
    gtk_string_list_append (labels, retract_id_document_type_label (type));
  adw_combo_row_set_model (self->id_type_rows[holder], G_LIST_MODEL (labels));
  g_signal_connect (self->id_type_rows[holder], "notify::selected",
                    G_CALLBACK (on_id_type_selected), self);
}

static void
retract_details_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RETRACT_TYPE_DETAILS_PAGE);

  G_OBJECT_CLASS (retract_details_page_parent_class)->dispose (object);
}

static void
retract_details_page_finalize (GObject *object)
{
  RetractDetailsPage *self = RETRACT_DETAILS_PAGE (object);

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    g_free (self->glyphs_checked[i]);

  G_OBJECT_CLASS (retract_details_page_parent_class)->finalize (object);
}

static void
retract_details_page_class_init (RetractDetailsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RetractPageClass *page_class = RETRACT_PAGE_CLASS (klass);

  object_class->dispose = retract_details_page_dispose;
  object_class->finalize = retract_details_page_finalize;
  page_class->apply = retract_details_page_apply;
  page_class->context_changed = retract_details_page_context_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/retract-details-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, complaint_number_row);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage,
                                        enterprise_credit_code_row);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, enterprise_group);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, enterprise_name_row);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, guardian_group);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, guardian_id_type_row);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, guardian_id_number_row);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, guardian_name_row);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, guardian_phone_row);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage,
                                        guardian_relationship_row);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, id_type_row);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, narrative_view);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, reason_view);
  gtk_widget_class_bind_template_child (widget_class, RetractDetailsPage, respondent_row);
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
  self->fields[RETRACT_DETAIL_GUARDIAN_NAME] = GTK_WIDGET (self->guardian_name_row);
  self->fields[RETRACT_DETAIL_GUARDIAN_RELATIONSHIP] = GTK_WIDGET (self->guardian_relationship_row);
  self->fields[RETRACT_DETAIL_GUARDIAN_PHONE] = GTK_WIDGET (self->guardian_phone_row);
  self->fields[RETRACT_DETAIL_GUARDIAN_ID_NUMBER] = GTK_WIDGET (self->guardian_id_number_row);
  self->fields[RETRACT_DETAIL_ENTERPRISE_NAME] = GTK_WIDGET (self->enterprise_name_row);
  self->fields[RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE] = GTK_WIDGET (self->enterprise_credit_code_row);
  self->id_type_rows[RETRACT_ID_HOLDER_APPLICANT] = self->id_type_row;
  self->id_type_rows[RETRACT_ID_HOLDER_GUARDIAN] = self->guardian_id_type_row;

  for (guint holder = 0; holder < RETRACT_N_ID_HOLDERS; holder++)
    add_id_types (self, holder);

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
          _retract_details_page_filter_insertions (self, delegate);
        }
      else
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));

          g_object_set_data (G_OBJECT (buffer), "retract-view", field);
          g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed), self);
          _retract_details_page_filter_insertions (self, buffer);
        }
      _retract_details_page_add_notes (self, i);
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

/**
 * retract_details_page_get_id_type_row:
 *
 * Returns: (transfer none): where @holder's identity document type is chosen
 */
GtkWidget *
retract_details_page_get_id_type_row (RetractDetailsPage *self,
                                      RetractIdHolder     holder)
{
  g_return_val_if_fail (RETRACT_IS_DETAILS_PAGE (self), NULL);
  g_return_val_if_fail (holder < RETRACT_N_ID_HOLDERS, NULL);

  return GTK_WIDGET (self->id_type_rows[holder]);
}
