/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The letter's fields: for each, its name in the case file and in messages,
 * its label, whether the letter needs it, its length limit, whether it may
 * hold several lines, and its validator. The one place these rules are
 * written (see retract-case-fields-private.h). */

#define G_LOG_DOMAIN "retract-case"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "retract-case-fields-private.h"
#include "retract-engine-ids.h"
#include "retract-error.h"
#include "retract-validators.h"

/* The loader, the writer, the checks below, the letter and the pages all read
 * this table. */
static const RetractCaseField fields[RETRACT_N_DETAILS] = {
  /*                                       field, label,
   *                                       required, max_chars, multiline, check */
  [RETRACT_DETAIL_APPLICANT_NAME]      = { "applicant.name", N_("Your name"),
                                           TRUE, 100, FALSE, RETRACT_FIELD_CHECK_NONE },
  [RETRACT_DETAIL_APPLICANT_WECHAT_ID] = { "applicant.wechat_id", N_("WeChat ID"),
                                           FALSE, 64, FALSE, RETRACT_FIELD_CHECK_WECHAT_ID },
  [RETRACT_DETAIL_APPLICANT_PHONE]     = { "applicant.phone", N_("Phone number"),
                                           TRUE, 32, FALSE, RETRACT_FIELD_CHECK_PHONE },
  [RETRACT_DETAIL_APPLICANT_ID_NUMBER] = { "applicant.id_number", N_("ID card number"),
                                           FALSE, 32, FALSE, RETRACT_FIELD_CHECK_ID_NUMBER },
  [RETRACT_DETAIL_COMPLAINT_NUMBER]    = { "complaint_number", N_("Complaint number"),
                                           TRUE, 64, FALSE, RETRACT_FIELD_CHECK_COMPLAINT_NUMBER },
  [RETRACT_DETAIL_RESPONDENT]          = { "respondent", N_("The other party"),
                                           FALSE, 200, FALSE, RETRACT_FIELD_CHECK_NONE },
  [RETRACT_DETAIL_NARRATIVE]           = { "narrative", N_("What happened"),
                                           TRUE, 100000, TRUE, RETRACT_FIELD_CHECK_NONE },
  [RETRACT_DETAIL_REASON]              = { "reason", N_("Why it was a mistake"),
                                           TRUE, 100000, TRUE, RETRACT_FIELD_CHECK_NONE },
};

#define APPLICANT_PREFIX "applicant."

/**
 * retract_case_field: (skip)
 *
 * Returns: (transfer none): the rules of @detail
 */
const RetractCaseField *
retract_case_field (RetractDetail detail)
{
  g_return_val_if_fail (detail < RETRACT_N_DETAILS, NULL);

  return &fields[detail];
}

/* The key within its object: the field's path after "applicant.". */
const char *
retract_case_field_json_key (RetractDetail detail)
{
  const char *field = retract_case_field (detail)->field;

  return retract_case_field_is_applicant (detail) ? field + strlen (APPLICANT_PREFIX) : field;
}

/* Whether the field lives in the case file's "applicant" object. */
gboolean
retract_case_field_is_applicant (RetractDetail detail)
{
  return g_str_has_prefix (retract_case_field (detail)->field, APPLICANT_PREFIX);
}

/* The RetractCase property: the path with "-" for "." and "_". */
char *
retract_case_field_dup_property (RetractDetail detail)
{
  return g_strdelimit (g_strdup (retract_case_field (detail)->field), "._", '-');
}

/**
 * retract_detail_get_field_name:
 *
 * Returns: the field's name in the case file and in messages, such as
 *   "applicant.phone"
 */
const char *
retract_detail_get_field_name (RetractDetail detail)
{
  g_return_val_if_fail (detail < RETRACT_N_DETAILS, NULL);

  return fields[detail].field;
}

/**
 * retract_detail_get_label:
 *
 * Returns: the field's translated name for people, such as "Phone number"
 */
const char *
retract_detail_get_label (RetractDetail detail)
{
  g_return_val_if_fail (detail < RETRACT_N_DETAILS, NULL);

  return _(fields[detail].label);
}

/**
 * retract_detail_is_required:
 *
 * Returns: whether the letter cannot be written without @detail
 */
gboolean
retract_detail_is_required (RetractDetail detail)
{
  g_return_val_if_fail (detail < RETRACT_N_DETAILS, FALSE);

  return fields[detail].required;
}

static gboolean
check_detail (RetractCase   *self,
              RetractDetail  detail,
              const GDate   *today,
              GError       **error)
{
  const RetractCaseField *info = &fields[detail];
  const char *value = retract_case_get_detail (self, detail);

  g_assert (value != NULL);

  if (!retract_validate_text (value, info->max_chars, info->multiline, error))
    return FALSE;

  switch (info->check)
    {
    case RETRACT_FIELD_CHECK_NONE:
      return TRUE;
    case RETRACT_FIELD_CHECK_WECHAT_ID:
      return retract_validate_wechat_id (value, error);
    case RETRACT_FIELD_CHECK_PHONE:
      return retract_validate_phone (value,
                                     retract_case_has_scenario (self, RETRACT_SCENARIO_CROSS_BORDER),
                                     NULL, error);
    case RETRACT_FIELD_CHECK_ID_NUMBER:
      return retract_validate_id_number (value, today, NULL, error);
    case RETRACT_FIELD_CHECK_COMPLAINT_NUMBER:
      return retract_validate_complaint_number (value, error);
    default:
      g_assert_not_reached ();
    }
}

/**
 * retract_case_validate_detail:
 * @today: (nullable): for birth dates in ID numbers
 * @error: the reason alone, without the field's name
 *
 * Checks one letter detail as the details page does on Next: a required one
 * that is missing is an error (%RETRACT_INPUT_ERROR_MISSING), a given one must
 * pass its checks.
 *
 * Returns: %TRUE if @detail is fine for the letter
 */
gboolean
retract_case_validate_detail (RetractCase   *self,
                              RetractDetail  detail,
                              const GDate   *today,
                              GError       **error)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), FALSE);
  g_return_val_if_fail (detail < RETRACT_N_DETAILS, FALSE);

  if (retract_case_get_detail (self, detail) == NULL)
    {
      if (!fields[detail].required)
        return TRUE;

      g_set_error_literal (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_MISSING,
                           _("needed for the letter"));
      return FALSE;
    }

  return check_detail (self, detail, today, error);
}

/**
 * retract_case_validate_details:
 * @today: (nullable): for birth dates in ID numbers
 * @error: every bad field, one per line, each as "field: reason"
 *
 * Checks the letter details that were given; missing ones are not an error here.
 */
gboolean
retract_case_validate_details (RetractCase *self,
                               const GDate *today,
                               GError     **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  g_return_val_if_fail (RETRACT_IS_CASE (self), FALSE);

  for (guint i = 0; i < RETRACT_N_DETAILS; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (retract_case_get_detail (self, i) == NULL || check_detail (self, i, today, &local_error))
        continue;

      if (problems->len > 0)
        g_string_append_c (problems, '\n');
      g_string_append_printf (problems, "%s: %s", fields[i].field, local_error->message);
    }

  if (problems->len > 0)
    {
      g_set_error_literal (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                           problems->str);
      return FALSE;
    }

  return TRUE;
}
