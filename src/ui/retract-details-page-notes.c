/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The details page's notes: under each field, what is wrong with it (on
 * Next), which character the letter cannot draw (as typed) and which pasted
 * characters were left out; and the field marked invalid for the eye and
 * for screen readers. */

#define G_LOG_DOMAIN "retract-details-page"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-details-page-private.h"
#include "retract-glyph-check.h"
#include "retract-validators.h"

guint
_retract_details_page_field_index (RetractDetailsPage *self,
                                   GtkWidget          *field)
{
  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    if (self->fields[i] == field)
      return i;

  g_assert_not_reached ();
}

/* What a note calls its field: the title the user reads above it ("Document
 * number (optional)"), or the core's name for a text box. */
const char *
_retract_details_page_field_name (RetractDetailsPage *self,
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

void
_retract_details_page_set_note (RetractDetailsPage *self,
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
void
_retract_details_page_check_glyphs (RetractDetailsPage *self,
                                    RetractDetail       detail,
                                    const char         *text)
{
  RetractCase *kase = retract_page_get_case (RETRACT_PAGE (self));
  gboolean applies = kase != NULL && retract_case_detail_applies (kase, detail);
  g_autofree char *line = NULL;
  gunichar missing = 0;

  if (self->glyphs_checked[detail] != NULL && self->glyphs_applied[detail] == applies &&
      g_strcmp0 (self->glyphs_checked[detail], text != NULL ? text : "") == 0)
    return;
  g_free (self->glyphs_checked[detail]);
  self->glyphs_checked[detail] = g_strdup (text != NULL ? text : "");
  self->glyphs_applied[detail] = applies;

  if (applies && text != NULL && retract_glyph_check_find_missing (text, &missing))
    {
      char character[8] = { 0, };

      g_unichar_to_utf8 (missing, character);
      /* Translators: %1$s is a field such as "Your name", %2$s the character
       * (an emoji, for example) and %3$04X its code point */
      line = g_strdup_printf (_("%1$s: “%2$s” (U+%3$04X) has no glyph in the letter's fonts and "
                                "would print as an empty box; leave it out or write it in words"),
                              _retract_details_page_field_name (self, detail), character, missing);
    }

  _retract_details_page_set_note (self, detail, self->glyph_warnings[detail], line);
}

/* Says, next to the field, that pasted invisible characters were left out:
 * nothing is changed behind the user's back. */
static void
report_filtered (RetractDetailsPage *self,
                 GtkWidget          *field,
                 gunichar            removed)
{
  guint i = _retract_details_page_field_index (self, field);
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
                          _retract_details_page_field_name (self, i), removed);
  _retract_details_page_set_note (self, i, self->errors[i], line);
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

void
_retract_details_page_mark_field (GtkWidget  *field,
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
void
_retract_details_page_add_notes (RetractDetailsPage *self,
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

/* Filters what is typed or pasted into @target, a field's editable or a
 * text view's buffer, by the letter's character rule. */
void
_retract_details_page_filter_insertions (RetractDetailsPage *self,
                                         gpointer            target)
{
  if (GTK_IS_TEXT_BUFFER (target))
    g_signal_connect (target, "insert-text", G_CALLBACK (on_buffer_insert_text), self);
  else
    g_signal_connect (target, "insert-text", G_CALLBACK (on_editable_insert_text), self);
}

/* Next puts the focus in the first field that is wrong, and GtkViewport
 * scrolls that field into view; the note just shown under it has no size
 * until the next layout, so it could stay below the wizard's buttons, the
 * user in an empty box with no word of what is missing. Once the note is
 * laid out (two frames on: the tick of the next one runs before its
 * layout), the field and its note are brought into view, the field's top
 * first where both do not fit. */
static gboolean
reveal_note (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  RetractDetailsPage *self = RETRACT_DETAILS_PAGE (widget);
  GtkWidget *field = self->fields[self->reveal_detail];
  GtkWidget *note = self->notes[self->reveal_detail];
  GtkWidget *scroller;
  GtkAdjustment *adjustment;
  graphene_rect_t field_bounds, note_bounds;
  double top, bottom, page, value;

  if (gdk_frame_clock_get_frame_counter (clock) < self->reveal_after + 2)
    return G_SOURCE_CONTINUE;
  self->reveal_tick = 0;

  scroller = gtk_widget_get_ancestor (field, GTK_TYPE_SCROLLED_WINDOW);
  if (scroller == NULL || note == NULL ||
      !gtk_widget_compute_bounds (field, scroller, &field_bounds) ||
      !gtk_widget_compute_bounds (note, scroller, &note_bounds))
    return G_SOURCE_REMOVE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  page = gtk_adjustment_get_page_size (adjustment);
  value = gtk_adjustment_get_value (adjustment);
  top = field_bounds.origin.y;
  bottom = note_bounds.origin.y + note_bounds.size.height;
  if (bottom > page)
    value += MIN (bottom - page, MAX (top, 0));
  else if (top < 0)
    value += top;
  gtk_adjustment_set_value (adjustment, value);

  return G_SOURCE_REMOVE;
}

void
_retract_details_page_reveal_note (RetractDetailsPage *self,
                                   RetractDetail       detail)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    return;

  self->reveal_detail = detail;
  self->reveal_after = gdk_frame_clock_get_frame_counter (clock);
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_note, NULL, NULL);
}
