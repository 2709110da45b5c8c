/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The letter's fields: for each, its name in the case file and in messages,
 * its label, whether the letter needs it, its length limit, whether it may
 * hold several lines, and its validator. The one place these rules are
 * written (see retract-case-fields-private.h). */

#define G_LOG_DOMAIN "retract-case"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "retract-case-private.h"
#include "retract-case-fields-private.h"
#include "retract-engine-ids.h"
#include "retract-error.h"
#include "retract-validators.h"

/* The loader, the writer, the checks below, the letter and the pages all read
 * this table. */
#define APPLICANT RETRACT_ID_HOLDER_APPLICANT
#define GUARDIAN RETRACT_ID_HOLDER_GUARDIAN
#define MINOR RETRACT_SCENARIO_MINOR
#define ENTERPRISE RETRACT_SCENARIO_ENTERPRISE
static const RetractCaseField fields[RETRACT_N_DETAILS] = {
  /*   field, label,
   *   required, max_chars, multiline, check, scenario, holder, platform */
  [RETRACT_DETAIL_APPLICANT_NAME] = {
    "applicant.name", N_("Your name"),
    TRUE, 100, FALSE, RETRACT_FIELD_CHECK_NONE, NULL, APPLICANT, NULL },
  [RETRACT_DETAIL_APPLICANT_WECHAT_ID] = {
    "applicant.wechat_id", N_("WeChat ID"),
    FALSE, 64, FALSE, RETRACT_FIELD_CHECK_WECHAT_ID, NULL, APPLICANT,
    RETRACT_PLATFORM_WECHAT },
  [RETRACT_DETAIL_APPLICANT_PHONE] = {
    "applicant.phone", N_("Phone number"),
    TRUE, 32, FALSE, RETRACT_FIELD_CHECK_PHONE, NULL, APPLICANT, NULL },
  [RETRACT_DETAIL_APPLICANT_ID_NUMBER] = {
    "applicant.id_number", N_("ID card number"),
    FALSE, 32, FALSE, RETRACT_FIELD_CHECK_ID_NUMBER, NULL, APPLICANT, NULL },
  [RETRACT_DETAIL_COMPLAINT_NUMBER] = {
    "complaint_number", N_("Complaint number"),
    TRUE, 64, FALSE, RETRACT_FIELD_CHECK_COMPLAINT_NUMBER, NULL, APPLICANT, NULL },
  [RETRACT_DETAIL_RESPONDENT] = {
    "respondent", N_("The other party"),
    FALSE, 200, FALSE, RETRACT_FIELD_CHECK_NONE, NULL, APPLICANT, NULL },
  [RETRACT_DETAIL_NARRATIVE] = {
    "narrative", N_("What happened"),
    TRUE, 100000, TRUE, RETRACT_FIELD_CHECK_NONE, NULL, APPLICANT, NULL },
  [RETRACT_DETAIL_REASON] = {
    "reason", N_("Why it was a mistake"),
    TRUE, 100000, TRUE, RETRACT_FIELD_CHECK_NONE, NULL, APPLICANT, NULL },
  /* A minor's guardian acts for them (the article's §5): who, and how to reach them. */
  [RETRACT_DETAIL_GUARDIAN_NAME] = {
    "guardian.name", N_("Guardian's name"),
    TRUE, 100, FALSE, RETRACT_FIELD_CHECK_NONE, MINOR, GUARDIAN, NULL },
  [RETRACT_DETAIL_GUARDIAN_RELATIONSHIP] = {
    "guardian.relationship", N_("Guardian's relationship to the minor"),
    TRUE, 50, FALSE, RETRACT_FIELD_CHECK_NONE, MINOR, GUARDIAN, NULL },
  [RETRACT_DETAIL_GUARDIAN_PHONE] = {
    "guardian.phone", N_("Guardian's phone number"),
    TRUE, 32, FALSE, RETRACT_FIELD_CHECK_PHONE, MINOR, GUARDIAN, NULL },
  [RETRACT_DETAIL_GUARDIAN_ID_NUMBER] = {
    "guardian.id_number", N_("Guardian's ID number"),
    FALSE, 32, FALSE, RETRACT_FIELD_CHECK_ID_NUMBER, MINOR, GUARDIAN, NULL },
  /* A WeCom (enterprise) account is the company's: the letter names it. */
  [RETRACT_DETAIL_ENTERPRISE_NAME] = {
    "enterprise.name", N_("Company name"),
    TRUE, 200, FALSE, RETRACT_FIELD_CHECK_NONE, ENTERPRISE, APPLICANT, NULL },
  [RETRACT_DETAIL_ENTERPRISE_CREDIT_CODE] = {
    "enterprise.credit_code", N_("Unified social credit code"),
    TRUE, 32, FALSE, RETRACT_FIELD_CHECK_CREDIT_CODE, ENTERPRISE, APPLICANT, NULL },
};
#undef APPLICANT
#undef GUARDIAN
#undef MINOR
#undef ENTERPRISE

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

/* The key within its object: the field's path after "applicant." or
 * "guardian." or "enterprise.". */
const char *
retract_case_field_json_key (RetractDetail detail)
{
  const char *field = retract_case_field (detail)->field;
  const char *dot = strchr (field, '.');

  return dot != NULL ? dot + 1 : field;
}

/**
 * retract_case_field_dup_group:
 *
 * Returns: (transfer full) (nullable): the case file's object the field
 *   lives in, "applicant", "guardian" or "enterprise", or %NULL for the top
 *   level
 */
char *
retract_case_field_dup_group (RetractDetail detail)
{
  const char *field = retract_case_field (detail)->field;
  const char *dot = strchr (field, '.');

  return dot != NULL ? g_strndup (field, (gsize) (dot - field)) : NULL;
}

/* Where the case file holds the field's value, without the "$.":
 * "applicant.phone", and for an ID number "applicant.id_document.number". */
char *
retract_case_field_dup_path (RetractDetail detail)
{
  g_autofree char *group = NULL;

  if (retract_case_field (detail)->check != RETRACT_FIELD_CHECK_ID_NUMBER)
    return g_strdup (retract_case_field (detail)->field);

  group = retract_case_field_dup_group (detail);
  return g_strjoin (".", group, RETRACT_CASE_ID_DOCUMENT_KEY, RETRACT_CASE_ID_NUMBER_KEY, NULL);
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
 * Returns: whether no letter can be written without @detail, whatever the
 *   case: the table requires it and it applies to every case. A detail that
 *   applies only with a scenario, such as the guardian's name, is required
 *   only in those cases: see retract_case_detail_is_required().
 */
gboolean
retract_detail_is_required (RetractDetail detail)
{
  g_return_val_if_fail (detail < RETRACT_N_DETAILS, FALSE);

  return fields[detail].required && fields[detail].scenario == NULL &&
         fields[detail].platform == NULL;
}

/**
 * retract_case_detail_applies:
 *
 * Whether @detail is asked for in this case: the guardian's details only
 * with the "minor" scenario, the enterprise's only with "enterprise", the
 * WeChat ID not on another platform (an Alipay or Douyin user has none to
 * give), the others always. The details page shows, and the letter checks and prints,
 * only the details that apply; the case file keeps the others as they are.
 *
 * Returns: %TRUE if @detail applies to @self
 */
gboolean
retract_case_detail_applies (RetractCase   *self,
                             RetractDetail  detail)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), FALSE);
  g_return_val_if_fail (detail < RETRACT_N_DETAILS, FALSE);

  return (fields[detail].scenario == NULL ||
          retract_case_has_scenario (self, fields[detail].scenario)) &&
         (fields[detail].platform == NULL || retract_case_get_platform (self) == NULL ||
          g_str_equal (retract_case_get_platform (self), fields[detail].platform));
}

/**
 * retract_case_detail_is_required:
 *
 * Returns: whether the letter for @self cannot be written without @detail:
 *   it applies and the field table requires it
 */
gboolean
retract_case_detail_is_required (RetractCase   *self,
                                 RetractDetail  detail)
{
  g_return_val_if_fail (RETRACT_IS_CASE (self), FALSE);
  g_return_val_if_fail (detail < RETRACT_N_DETAILS, FALSE);

  return fields[detail].required && retract_case_detail_applies (self, detail);
}

/* A Hong Kong or Macau number is allowed for someone abroad (cross-border)
 * or whose identity document is not a mainland card: a Hong Kong resident
 * with a travel permit, a residence permit or a passport may well have one. */
static gboolean
allows_hong_kong_macau_phone (RetractCase     *self,
                              RetractIdHolder  holder)
{
  return retract_case_has_scenario (self, RETRACT_SCENARIO_CROSS_BORDER) ||
         retract_case_get_id_document_type (self, holder) != RETRACT_ID_DOCUMENT_MAINLAND_ID;
}

static gboolean
check_id_number (RetractCase     *self,
                 RetractIdHolder  holder,
                 const char      *value,
                 const GDate     *today,
                 GError         **error)
{
  RetractIdDocumentType type = retract_case_get_id_document_type (self, holder);
  g_autoptr(GDateTime) day = NULL;

  if (type == RETRACT_ID_DOCUMENT_MAINLAND_ID)
    return retract_validate_id_number (value, today, NULL, error);

  if (today != NULL && g_date_valid (today))
    day = g_date_time_new_utc (g_date_get_year (today), g_date_get_month (today),
                               g_date_get_day (today), 0, 0, 0);
  return retract_validate_id_document (type, value, day, NULL, error);
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
      return retract_validate_phone (value, allows_hong_kong_macau_phone (self, info->holder),
                                     NULL, error);
    case RETRACT_FIELD_CHECK_ID_NUMBER:
      return check_id_number (self, info->holder, value, today, error);
    case RETRACT_FIELD_CHECK_COMPLAINT_NUMBER:
      return retract_validate_complaint_number (value, error);
    case RETRACT_FIELD_CHECK_CREDIT_CODE:
      return retract_validate_credit_code (value, NULL, error);
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
 * pass its checks. A detail that does not apply to this case
 * (retract_case_detail_applies()) is fine whatever it holds: the letter
 * leaves it out.
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

  if (!retract_case_detail_applies (self, detail))
    return TRUE;

  if (retract_case_get_detail (self, detail) == NULL)
    {
      if (!retract_case_detail_is_required (self, detail))
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
 * @error: every bad field, one per line, each as "field: reason", the field
 *   named by its place in the case file ("applicant.id_document.number");
 *   for a value read from a file and unchanged since, as the strict loader
 *   says it, "case.json:4:20: $.applicant.id_document.number: reason"
 *
 * Checks the letter details that were given and apply to this case; missing
 * ones are not an error here.
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
      g_autofree char *place = NULL;

      if (retract_case_get_detail (self, i) == NULL || !retract_case_detail_applies (self, i) ||
          check_detail (self, i, today, &local_error))
        continue;

      place = self->detail_origins[i] != NULL ? g_strdup (self->detail_origins[i])
                                              : retract_case_field_dup_path (i);
      if (problems->len > 0)
        g_string_append_c (problems, '\n');
      g_string_append_printf (problems, "%s: %s", place, local_error->message);
    }

  if (problems->len > 0)
    {
      g_set_error_literal (error, RETRACT_INPUT_ERROR, RETRACT_INPUT_ERROR_INVALID,
                           problems->str);
      return FALSE;
    }

  return TRUE;
}
