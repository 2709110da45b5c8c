/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The materials of a case: which are ticked ready, and which file is attached
 * to each. */

#define G_LOG_DOMAIN "retract-case"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "retract-case-private.h"
#include "retract-error.h"
#include "retract-validators.h"

void
_retract_case_material_free (gpointer data)
{
  RetractCaseMaterial *state = data;

  g_free (state->attachment);
  g_free (state);
}

static RetractCaseMaterial *
ensure_material (RetractCase *self,
                 const char  *material)
{
  RetractCaseMaterial *state = g_hash_table_lookup (self->materials, material);

  if (state == NULL)
    {
      state = g_new0 (RetractCaseMaterial, 1);
      g_hash_table_insert (self->materials, g_strdup (material), state);
    }

  return state;
}

/* Entries with nothing in them are dropped, so the file stays small. */
static void
prune_material (RetractCase *self,
                const char  *material)
{
  const RetractCaseMaterial *state = g_hash_table_lookup (self->materials, material);

  if (state != NULL && !state->ready && state->attachment == NULL)
    g_hash_table_remove (self->materials, material);
}

/**
 * retract_case_get_material_ready:
 *
 * Whether @material counts as ready: ticked, or a file attached for it
 * (attaching the photo is getting it ready, issue 15 §5.8). The materials
 * count, the review and the letter's list of attachments all ask this, so
 * the letter lists exactly what counts.
 *
 * Returns: %TRUE if @material is ready
 */
gboolean
retract_case_get_material_ready (RetractCase *self,
                                 const char  *material)
{
  const RetractCaseMaterial *state;

  g_return_val_if_fail (RETRACT_IS_CASE (self), FALSE);
  g_return_val_if_fail (material != NULL, FALSE);

  state = g_hash_table_lookup (self->materials, material);
  return state != NULL && (state->ready || state->attachment != NULL);
}

void
retract_case_set_material_ready (RetractCase *self,
                                 const char  *material,
                                 gboolean     ready)
{
  RetractCaseMaterial *state;

  g_return_if_fail (RETRACT_IS_CASE (self));
  g_return_if_fail (material != NULL && *material != '\0');

  if (retract_case_get_material_ready (self, material) == !!ready)
    return;

  state = ensure_material (self, material);
  state->ready = !!ready;
  prune_material (self, material);
  _retract_case_emit_materials_changed (self);
}

/**
 * retract_case_get_material_attachment:
 *
 * Returns: (transfer none) (nullable): the file attached for @material
 */
const char *
retract_case_get_material_attachment (RetractCase *self,
                                      const char  *material)
{
  const RetractCaseMaterial *state;

  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);
  g_return_val_if_fail (material != NULL, NULL);

  state = g_hash_table_lookup (self->materials, material);
  return state != NULL ? state->attachment : NULL;
}

/* The letter shows the file's base name, so the whole path must be text that
 * stays text, and end in a name. */
static gboolean
check_attachment (const char *material,
                  const char *path,
                  GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;

  if (strlen (path) > RETRACT_CASE_MAX_ATTACHMENT_BYTES)
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   /* Translators: %1$s is a material's id, such as "screen-recording" */
                   _("the path of the file attached for “%1$s” is too long"), material);
      return FALSE;
    }

  if (!retract_validate_characters (path, FALSE, &local_error))
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   /* Translators: %1$s is a material's id, such as "screen-recording";
                    * %2$s says what is wrong, such as "contains a line break or control
                    * character (U+000A)" */
                   _("the name of the file attached for “%1$s” %2$s"), material,
                   local_error->message);
      return FALSE;
    }

  /* A name of only spaces would print as an empty "（文件：   ）". */
  basename = g_strstrip (g_path_get_basename (path));
  if (*basename == '\0' || g_str_equal (basename, G_DIR_SEPARATOR_S) ||
      g_str_equal (basename, ".") || g_str_equal (basename, ".."))
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   /* Translators: %1$s is a material's id, such as "screen-recording" */
                   _("the file attached for “%1$s” has no file name"), material);
      return FALSE;
    }

  /* No file system has longer names (NAME_MAX): nothing real is refused. */
  if (strlen (basename) > 255)
    {
      g_set_error (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                   /* Translators: %1$s is a material's id, such as "screen-recording" */
                   _("the name of the file attached for “%1$s” is longer than 255 bytes"),
                   material);
      return FALSE;
    }

  return TRUE;
}

/**
 * retract_case_set_material_attachment:
 * @path: (nullable): the attached file, or %NULL (or "") to detach
 * @error: names the material when the file's name is refused
 *
 * Attaches a file to @material. A path with a control, line-separator or
 * bidi character (see retract_validate_characters()), or without a file
 * name, is refused and the attachment is left as it was.
 *
 * Returns: %TRUE if @path was stored
 */
gboolean
retract_case_set_material_attachment (RetractCase *self,
                                      const char  *material,
                                      const char  *path,
                                      GError     **error)
{
  RetractCaseMaterial *state;

  g_return_val_if_fail (RETRACT_IS_CASE (self), FALSE);
  g_return_val_if_fail (material != NULL && *material != '\0', FALSE);

  /* "" detaches, like %NULL: nothing changes if nothing was attached. */
  if (path != NULL && *path == '\0')
    path = NULL;

  if (path != NULL && !check_attachment (material, path, error))
    return FALSE;

  if (g_strcmp0 (retract_case_get_material_attachment (self, material), path) == 0)
    return TRUE;

  state = ensure_material (self, material);
  _retract_case_replace_string (&state->attachment, path);
  prune_material (self, material);
  _retract_case_emit_materials_changed (self);
  return TRUE;
}

/**
 * retract_case_dup_identity_photo_hint:
 *
 * What to photograph for the proof of identity (the material "identity",
 * §4: 身份证正反面拍照): the sides or pages of the applicant's own document
 * (retract_id_document_type_photo_hint()), and for a minor's case the
 * guardian's too, since the guardian applies (§5).
 *
 * Returns: (transfer full): the sentence, translated
 */
char *
retract_case_dup_identity_photo_hint (RetractCase *self)
{
  const char *applicant;

  g_return_val_if_fail (RETRACT_IS_CASE (self), NULL);

  applicant = retract_id_document_type_photo_hint (
    retract_case_get_id_document_type (self, RETRACT_ID_HOLDER_APPLICANT));

  if (retract_case_detail_applies (self, RETRACT_DETAIL_GUARDIAN_ID_NUMBER))
    {
      g_autofree char *guardian = g_strdup (retract_id_document_type_photo_hint (
        retract_case_get_id_document_type (self, RETRACT_ID_HOLDER_GUARDIAN)));

      /* Translators: both %s say which sides or pages of a document, such as
       * "both sides of the identity card" */
      return g_strdup_printf (_("Photograph %1$s; for the guardian, %2$s"), applicant, guardian);
    }

  /* Translators: %s says which sides or pages of a document, such as "the
   * front of the Hong Kong identity card" */
  return g_strdup_printf (_("Photograph %s"), applicant);
}
