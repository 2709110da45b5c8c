/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the details page's files share: its instance struct and the
 * functions one part calls in another (retract-details-page.c: the object,
 * the fields, the sync with the case and the checks on Next; -notes.c: the
 * notes under each field, what is wrong, a character the letter cannot draw,
 * characters left out of what was typed, and the field marked invalid). */

#pragma once

#include "retract-details-page.h"

G_BEGIN_DECLS

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
  /* Marked wrong by Next, until the field is right again. */
  gboolean             wrong[RETRACT_N_DETAILS];
  GtkLabel            *glyph_warnings[RETRACT_N_DETAILS];
  AdwComboRow         *id_type_rows[RETRACT_N_ID_HOLDERS];
  /* The text each glyph warning was worked out for, and whether the field
   * applied then: the page checks every field whenever the case changes,
   * each keystroke included, and the same answer needs no Pango layout. */
  char                *glyphs_checked[RETRACT_N_DETAILS];
  gboolean             glyphs_applied[RETRACT_N_DETAILS];
  gboolean             syncing;
  /* Next found a field wrong: its note is brought into view once laid out. */
  guint                reveal_tick;
  gint64               reveal_after;
  RetractDetail        reveal_detail;
};

guint       _retract_details_page_field_index       (RetractDetailsPage *self,
                                                     GtkWidget          *field);
const char *_retract_details_page_field_name        (RetractDetailsPage *self,
                                                     RetractDetail       detail);
void        _retract_details_page_set_note          (RetractDetailsPage *self,
                                                     RetractDetail       detail,
                                                     GtkLabel           *label,
                                                     const char         *text);
void        _retract_details_page_check_glyphs      (RetractDetailsPage *self,
                                                     RetractDetail       detail,
                                                     const char         *text);
void        _retract_details_page_mark_field        (GtkWidget          *field,
                                                     const char         *problem);
void        _retract_details_page_add_notes         (RetractDetailsPage *self,
                                                     RetractDetail       detail);
void        _retract_details_page_filter_insertions (RetractDetailsPage *self,
                                                     gpointer            target);
void        _retract_details_page_reveal_note       (RetractDetailsPage *self,
                                                     RetractDetail       detail);

G_END_DECLS
