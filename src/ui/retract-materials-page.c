/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Step 4: the checklist of what this case needs, with each item's format
 * requirements (and for the proof of identity, which document to
 * photograph); ticks and attached files are kept in the case. */

#define G_LOG_DOMAIN "retract-materials-page"

#include "config.h"

#include <glib/gi18n.h>

#include "retract-choose-file.h"
#include "retract-engine-ids.h"
#include "retract-materials-page.h"
#include "retract-rows.h"

struct _RetractMaterialsPage
{
  RetractPage          parent_instance;

  AdwPreferencesGroup *checklist_group;
  GtkLabel            *empty_label;
  GtkLabel            *progress_label;

  GPtrArray           *rows;
  GtkFileChooserNative *chooser;
  char                *choosing_for;
  gboolean             toggling;
};

G_DEFINE_FINAL_TYPE (RetractMaterialsPage, retract_materials_page, RETRACT_TYPE_PAGE)

static void rebuild (RetractMaterialsPage *self);

static void
on_ready_toggled (GtkCheckButton       *check,
                  RetractMaterialsPage *self)
{
  /* Keep the row (and the keyboard focus on it); only the count changes. */
  self->toggling = TRUE;
  retract_case_set_material_ready (retract_page_get_case (RETRACT_PAGE (self)),
                                   g_object_get_data (G_OBJECT (check), "retract-id"),
                                   gtk_check_button_get_active (check));
  rebuild (self);
  self->toggling = FALSE;
}

static void
attachment_chosen (GtkWidget  *owner,
                   const char *path,
                   gpointer    data)
{
  RetractMaterialsPage *self = RETRACT_MATERIALS_PAGE (owner);
  g_autoptr(GError) error = NULL;

  /* A name the letter could not show as plain text is refused, and said so
   * in plain text (the message names the material, not the file). */
  if (!retract_case_set_material_attachment (retract_page_get_case (RETRACT_PAGE (self)),
                                             self->choosing_for, path, &error))
    {
      /* Translators: %s says why, such as "the name of the file attached for
       * “passport” contains a line break or control character (U+000A)" */
      g_autofree char *message = g_strdup_printf (_("File not attached: %s"), error->message);

      gtk_widget_activate_action (owner, "win.show-toast", "s", message);
    }
}

static void
on_attach_clicked (GtkButton            *button,
                   RetractMaterialsPage *self)
{
  RetractFileQuestion question = {
    _("Attach a File"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), NULL, NULL
  };

  g_free (self->choosing_for);
  self->choosing_for = g_strdup (g_object_get_data (G_OBJECT (button), "retract-id"));
  retract_choose_file (&self->chooser, GTK_WIDGET (self), &question, attachment_chosen, NULL);
}

static void
on_detach_clicked (GtkButton            *button,
                   RetractMaterialsPage *self)
{
  retract_case_set_material_attachment (retract_page_get_case (RETRACT_PAGE (self)),
                                        g_object_get_data (G_OBJECT (button), "retract-id"),
                                        NULL, NULL);
}

static void
add_material_row (RetractMaterialsPage  *self,
                  const RetractMaterial *material,
                  RetractLanguage        language)
{
  RetractCase *kase = retract_page_get_case (RETRACT_PAGE (self));
  const char *attachment = retract_case_get_material_attachment (kase, material->id);
  const char *name = retract_text_get (&material->name, language);
  g_autoptr(GString) subtitle = g_string_new (retract_text_get (&material->format, language));
  GtkWidget *row, *check, *button;

  /* Which document to photograph, and which of its sides or pages: the
   * case's own, and a minor's guardian's (issue 15 §1). */
  if (g_str_equal (material->id, RETRACT_MATERIAL_IDENTITY))
    {
      g_autofree char *hint = retract_case_dup_identity_photo_hint (kase);

      g_string_append_printf (subtitle, "\n· %s", hint);
    }
  for (guint i = 0; i < material->requirements->len; i++)
    g_string_append_printf (subtitle, "\n· %s",
                            retract_text_get (g_ptr_array_index (material->requirements, i),
                                              language));
  if (attachment != NULL)
    {
      g_autofree char *basename = g_path_get_basename (attachment);

      /* Translators: the attached file's name */
      g_string_append_printf (subtitle, "\n%s", _("Attached:"));
      g_string_append_printf (subtitle, " %s", basename);
    }

  row = retract_rows_add (self->rows, self->checklist_group, name, subtitle->str);

  check = gtk_check_button_new ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               retract_case_get_material_ready (kase, material->id));
  g_object_set_data_full (G_OBJECT (check), "retract-id", g_strdup (material->id), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (on_ready_toggled), self);
  retract_row_set_control (row, check, GTK_PACK_START);
  /* An attached file counts as ready (the core's rule): the tick follows the
   * file, and goes with it. */
  if (attachment != NULL)
    {
      gtk_widget_set_sensitive (check, FALSE);
      gtk_widget_set_tooltip_text (check, _("Ready: a file is attached. Remove the file to untick."));
    }

  if (attachment != NULL)
    {
      button = retract_icon_button_new ("edit-delete-symbolic", _("Remove the attached file"));
      g_signal_connect (button, "clicked", G_CALLBACK (on_detach_clicked), self);
    }
  else
    {
      button = retract_icon_button_new ("mail-attachment-symbolic", _("Attach a file"));
      g_signal_connect (button, "clicked", G_CALLBACK (on_attach_clicked), self);
    }
  g_object_set_data_full (G_OBJECT (button), "retract-id", g_strdup (material->id), g_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
on_materials_changed (RetractMaterialsPage *self)
{
  if (!self->toggling && !retract_page_defer (RETRACT_PAGE (self)))
    rebuild (self);
}

static void
rebuild (RetractMaterialsPage *self)
{
  RetractPage *page = RETRACT_PAGE (self);
  g_autoptr(RetractAssessment) assessment = retract_page_assess (page);
  RetractCase *kase = retract_page_get_case (page);
  RetractLanguage language = retract_page_get_language (page);
  g_autofree char *progress = NULL;
  GPtrArray *materials;
  guint ready = 0;

  if (assessment == NULL)
    return;

  materials = retract_assessment_get_materials (assessment);
  if (!self->toggling)
    {
      retract_rows_clear (self->rows);
      for (guint i = 0; i < materials->len; i++)
        add_material_row (self, g_ptr_array_index (materials, i), language);
    }
  for (guint i = 0; i < materials->len; i++)
    {
      const RetractMaterial *material = g_ptr_array_index (materials, i);

      ready += retract_case_get_material_ready (kase, material->id);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->checklist_group), materials->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), materials->len == 0);

  /* Translators: "2 of 3 ready"; the plural form follows the first number */
  progress = g_strdup_printf (ngettext ("%1$u of %2$u ready", "%1$u of %2$u ready", ready),
                              ready, materials->len);
  gtk_label_set_label (self->progress_label, progress);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), materials->len > 0);
}

static void
retract_materials_page_context_changed (RetractPage *page)
{
  rebuild (RETRACT_MATERIALS_PAGE (page));
}

static void
retract_materials_page_dispose (GObject *object)
{
  RetractMaterialsPage *self = (RetractMaterialsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RETRACT_TYPE_MATERIALS_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->choosing_for, g_free);

  G_OBJECT_CLASS (retract_materials_page_parent_class)->dispose (object);
}

static void
retract_materials_page_class_init (RetractMaterialsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RetractPageClass *page_class = RETRACT_PAGE_CLASS (klass);

  object_class->dispose = retract_materials_page_dispose;
  page_class->context_changed = retract_materials_page_context_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/retract-materials-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RetractMaterialsPage, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, RetractMaterialsPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, RetractMaterialsPage, progress_label);
}

static void
retract_materials_page_init (RetractMaterialsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  /* The checklist follows the complaint type and the stage: whatever
   * changes while it is hidden brings it up to date when shown. */
  retract_page_follow_assessment (RETRACT_PAGE (self));
  g_signal_group_connect_swapped (retract_page_get_case_signals (RETRACT_PAGE (self)),
                                  "materials-changed", G_CALLBACK (on_materials_changed), self);
  /* The checklist helps; it never blocks. */
  retract_page_set_complete (RETRACT_PAGE (self), TRUE);
}
