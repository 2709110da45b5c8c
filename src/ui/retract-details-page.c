/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Step 5: what the letter needs. Everything typed goes straight into the
 * case (and so into the autosave); checks run on Next, mark the field and
 * say why under it, and never throw away what was typed. Only the fields
 * that apply to the case are shown (the guardian's for a minor, the
 * company's for an enterprise account), and a character the letter's fonts
 * cannot draw is pointed out as soon as it is typed. */

#define G_LOG_DOMAIN "retract-details-page"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-details-page.h"
#include "retract-glyph-check.h"
#include "retract-text.h"
#include "retract-time.h"
#include "retract-validators.h"

struct _RetractDetailsPage
{
  RetractPage          parent_instance;

  AdwEntryRow         *complaint_number_row;
  AdwEntryRow         *enterprise_credit_code_row;
  AdwPreferencesGroup *enterprise_group;
  AdwEntryRow         *enterprise_name_row;
  AdwPreferencesGroup *guardian_group;
  AdwComboRow         *guardian_id_type_row;
  AdwEntryRow         *guardian_id_number_row;
  AdwEntryRow         *guardian_name_row;
  AdwEntryRow         *guardian_phone_row;
  AdwEntryRow         *guardian_relationship_row;
  AdwComboRow         *id_type_row;
  AdwEntryRow         *id_number_row;
  AdwEntryRow         *name_row;
  GtkTextView         *narrative_view;
  AdwEntryRow         *phone_row;
  GtkTextView         *reason_view;
  AdwEntryRow         *respondent_row;
  AdwEntryRow         *wechat_id_row;

  GtkWidget           *fields[RETRACT_N_DETAILS];
  /* Under each field: what is wrong with it (on Next) and which character
   * the letter cannot draw (as typed), in a row or box of their own. */
  GtkWidget           *notes[RETRACT_N_DETAILS];
  GtkLabel            *errors[RETRACT_N_DETAILS];
  GtkLabel            *glyph_warnings[RETRACT_N_DETAILS];
  AdwComboRow         *id_type_rows[RETRACT_N_ID_HOLDERS];
  gboolean             syncing;
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

/* What a note calls its field: the title the user reads above it ("Document
 * number (optional)"), or the core's name for a text box. */
static const char *
field_name (RetractDetailsPage *self,
            RetractDetail       detail)
{
  GtkWidget *field = self->fields[detail];

  if (ADW_IS_PREFERENCES_ROW (field))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field));
  return retract_detail_get_label (detail);
}

/* A note shows while it has something to say. */
static void
update_note (RetractDetailsPage *self,
             RetractDetail       detail)
{
  gtk_widget_set_visible (self->notes[detail],
                          gtk_widget_get_visible (GTK_WIDGET (self->errors[detail])) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->glyph_warnings[detail])));
}

static void
set_note (RetractDetailsPage *self,
          RetractDetail       detail,
          GtkLabel           *label,
          const char         *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
  update_note (self, detail);
}

/* The core's answer, named by field: "Your name: “👍” has no …". Checked
 * only where the letter prints the field (a detail that applies). */
static void
check_glyphs (RetractDetailsPage *self,
              RetractDetail       detail,
              const char         *text)
{
  RetractCase *kase = retract_page_get_case (RETRACT_PAGE (self));
  g_autofree char *line = NULL;
  gunichar missing = 0;

  if (kase != NULL && retract_case_detail_applies (kase, detail) &&
      text != NULL && retract_glyph_check_find_missing (text, &missing))
    {
      char character[8] = { 0, };

      g_unichar_to_utf8 (missing, character);
      /* Translators: %1$s is a field such as "Your name", %2$s the character
       * (an emoji, for example) and %3$04X its code point */
      line = g_strdup_printf (_("%1$s: “%2$s” (U+%3$04X) has no glyph in the letter's fonts and "
                                "would print as an empty box; leave it out or write it in words"),
                              field_name (self, detail), character, missing);
    }

  set_note (self, detail, self->glyph_warnings[detail], line);
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
  check_glyphs (self, field_index (self, field), text);
}

/* Says, next to the field, that pasted invisible characters were left out:
 * nothing is changed behind the user's back. */
static void
report_filtered (RetractDetailsPage *self,
                 GtkWidget          *field,
                 gunichar            removed)
{
  guint i = field_index (self, field);
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
                          field_name (self, i), removed);
  set_note (self, i, self->errors[i], line);
}

/* Typed or pasted text keeps only what the letter accepts (the same rule as
 * retract_validate_characters()), so the saved case always loads again:
 * when the rule removes something, the insertion into @target (an editable,
 * or a text view's buffer, which alone keeps line breaks) is stopped, what
 * is left inserted at @where with @handler blocked, and the field says what
 * was left out. */
static void
insert_filtered (RetractDetailsPage *self,
                 gpointer            target,
                 gpointer            handler,
                 gpointer            where,
                 const char         *text,
                 int                 length)
{
  gboolean buffer = GTK_IS_TEXT_BUFFER (target);
  gunichar removed = 0;
  g_autofree char *kept = retract_filter_characters (text, length, buffer, &removed);

  if (kept == NULL)
    return;

  g_signal_stop_emission_by_name (target, "insert-text");
  g_signal_handlers_block_by_func (target, handler, self);
  if (buffer)
    gtk_text_buffer_insert (target, where, kept, -1);
  else
    gtk_editable_insert_text (target, kept, -1, where);
  g_signal_handlers_unblock_by_func (target, handler, self);
  report_filtered (self, g_object_get_data (target, buffer ? "retract-view" : "retract-field"),
                   removed);
}

static void
on_editable_insert_text (GtkEditable        *editable,
                         const char         *text,
                         int                 length,
                         int                *position,
                         RetractDetailsPage *self)
{
  insert_filtered (self, editable, on_editable_insert_text, position, text, length);
}

static void
on_buffer_insert_text (GtkTextBuffer      *buffer,
                       GtkTextIter        *location,
                       const char         *text,
                       int                 length,
                       RetractDetailsPage *self)
{
  insert_filtered (self, buffer, on_buffer_insert_text, location, text, length);
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

      shown = field_text (self->fields[i]);

      /* A scenario turned on or off changes which fields the letter prints. */
      check_glyphs (self, i, value);

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
mark_field (GtkWidget  *field,
            const char *problem)
{
  /* Text views sit in a frame; the frame shows the red outline. */
  GtkWidget *target = ADW_IS_ENTRY_ROW (field) ? field : gtk_widget_get_parent (field);

  if (problem != NULL)
    gtk_widget_add_css_class (target, "error");
  else
    gtk_widget_remove_css_class (target, "error");

  /* Screen readers hear what is wrong with the field when they reach it. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                               problem != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                               : GTK_ACCESSIBLE_INVALID_FALSE, -1);
  if (problem != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    problem, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The page's order, top to bottom. */
static const RetractDetail display_order[RETRACT_N_DETAILS] = {
  RETRACT_DETAIL_APPLICANT_NAME,
  RETRACT_DETAIL_APPLICANT_WECHAT_ID,
  RETRACT_DETAIL_APPLICANT_PHONE,
  RETRACT_DETAIL_APPLICANT_ID_NUMBER,
  RETRACT_DETAIL_GUARDIAN_NAME,
  RETRACT_DETAIL_GUARDIAN_RELATIONSHIP,
  RETRACT_DETAIL_GUARDIAN_PHONE,
  RETRACT_DETAIL_GUARDIAN_ID_NUMBER,
  RETRACT_DETAIL_ENTERPRISE_NAME,
  RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE,
  RETRACT_DETAIL_COMPLAINT_NUMBER,
  RETRACT_DETAIL_RESPONDENT,
  RETRACT_DETAIL_NARRATIVE,
  RETRACT_DETAIL_REASON,
};

static gboolean
retract_details_page_apply (RetractPage *page)
{
  RetractDetailsPage *self = RETRACT_DETAILS_PAGE (page);
  GtkWidget *first_bad = NULL;

  /* In the order the page shows them, so that focus goes to the first. */
  for (guint k = 0; k < RETRACT_N_DETAILS; k++)
    {
      RetractDetail i = display_order[k];
      g_autoptr(GError) error = NULL;
      g_autofree char *line = NULL;

      /* A field that does not apply is hidden, and the core passes it. */
      if (!check_field (self, i, &error))
        /* Translators: "Phone number: enter a mainland mobile number…" */
        line = g_strdup_printf (_("%1$s: %2$s"), field_name (self, i), error->message);

      mark_field (self->fields[i], line);
      set_note (self, i, self->errors[i], line);
      if (line != NULL && first_bad == NULL)
        first_bad = self->fields[i];
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

static GtkLabel *
new_note_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

/* The notes go right under their field: a row of the field's own list, or
 * the box under a text view's frame. */
static void
add_notes (RetractDetailsPage *self,
           RetractDetail       detail)
{
  GtkWidget *field = self->fields[detail];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  self->errors[detail] = new_note_label ("error");
  self->glyph_warnings[detail] = new_note_label ("warning");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->errors[detail]));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->glyph_warnings[detail]));

  if (ADW_IS_ENTRY_ROW (field))
    {
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      /* Text to read, not a Tab stop. */
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_insert (GTK_LIST_BOX (gtk_widget_get_parent (field)), row,
                           gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field)) + 1);
      self->notes[detail] = row;
    }
  else
    {
      GtkWidget *frame = gtk_widget_get_parent (field);

      gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (frame)), box, frame);
      self->notes[detail] = box;
    }

  gtk_widget_set_visible (self->notes[detail], FALSE);
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
      add_notes (self, i);
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

/* A note's text while it is shown. */
static const char *
shown_text (GtkLabel *note)
{
  return gtk_widget_get_visible (GTK_WIDGET (note)) ? gtk_label_get_text (note) : NULL;
}

/**
 * retract_details_page_get_glyph_warning:
 *
 * Returns: (transfer none) (nullable): the warning shown under @detail's
 *   field about a character the letter cannot draw, or %NULL when there is none
 */
const char *
retract_details_page_get_glyph_warning (RetractDetailsPage *self,
                                        RetractDetail       detail)
{
  g_return_val_if_fail (RETRACT_IS_DETAILS_PAGE (self), NULL);
  g_return_val_if_fail (detail < RETRACT_N_DETAILS, NULL);

  return shown_text (self->glyph_warnings[detail]);
}

/**
 * retract_details_page_get_error:
 *
 * Returns: (transfer none) (nullable): what is shown as wrong under
 *   @detail's field, or %NULL
 */
const char *
retract_details_page_get_error (RetractDetailsPage *self,
                                RetractDetail       detail)
{
  g_return_val_if_fail (RETRACT_IS_DETAILS_PAGE (self), NULL);
  g_return_val_if_fail (detail < RETRACT_N_DETAILS, NULL);

  return shown_text (self->errors[detail]);
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
