/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A case of the case list: its names in the language of the list, its
 * status and next deadline at the list's time. The item of a case stays the
 * same object while the list lives, so a selection and a row's bindings
 * follow it when it moves; what changed is told by property notifications. */

#define G_LOG_DOMAIN "retract-case-item"

#include "config.h"

#include <string.h>

#include "retract-case-heading.h"
#include "retract-case-item.h"

struct _RetractCaseItem
{
  GObject            parent_instance;

  RetractCase       *kase;
  char              *heading;
  char              *platform_name;
  char              *type_name;
  char              *short_type_name;
  gboolean           has_status;
  RetractCaseStatus  status;
  GDateTime         *due_at;
  GError            *error;
};

G_DEFINE_FINAL_TYPE (RetractCaseItem, retract_case_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_HEADING,
  PROP_PLATFORM_NAME,
  PROP_TYPE_NAME,
  PROP_COMPLAINT_NUMBER,
  PROP_ACCOUNT,
  PROP_HAS_STATUS,
  PROP_STATUS,
  PROP_DUE_AT,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
retract_case_item_finalize (GObject *object)
{
  RetractCaseItem *self = RETRACT_CASE_ITEM (object);

  g_clear_object (&self->kase);
  g_free (self->heading);
  g_free (self->platform_name);
  g_free (self->type_name);
  g_free (self->short_type_name);
  g_clear_pointer (&self->due_at, g_date_time_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (retract_case_item_parent_class)->finalize (object);
}

static void
retract_case_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RetractCaseItem *self = RETRACT_CASE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, retract_case_item_get_id (self));
      break;
    case PROP_HEADING:
      g_value_set_string (value, self->heading);
      break;
    case PROP_PLATFORM_NAME:
      g_value_set_string (value, self->platform_name);
      break;
    case PROP_TYPE_NAME:
      g_value_set_string (value, self->type_name);
      break;
    case PROP_COMPLAINT_NUMBER:
      g_value_set_string (value, retract_case_item_get_complaint_number (self));
      break;
    case PROP_ACCOUNT:
      g_value_set_string (value, retract_case_item_get_account (self));
      break;
    case PROP_HAS_STATUS:
      g_value_set_boolean (value, self->has_status);
      break;
    case PROP_STATUS:
      g_value_set_int (value, (int) self->status);
      break;
    case PROP_DUE_AT:
      g_value_set_boxed (value, self->due_at);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error != NULL ? self->error->message : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
retract_case_item_class_init (RetractCaseItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = retract_case_item_finalize;
  object_class->get_property = retract_case_item_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_HEADING] = g_param_spec_string ("heading", NULL, NULL, NULL, flags);
  properties[PROP_PLATFORM_NAME] = g_param_spec_string ("platform-name", NULL, NULL, NULL, flags);
  properties[PROP_TYPE_NAME] = g_param_spec_string ("type-name", NULL, NULL, NULL, flags);
  properties[PROP_COMPLAINT_NUMBER] = g_param_spec_string ("complaint-number", NULL, NULL, NULL,
                                                           flags);
  properties[PROP_ACCOUNT] = g_param_spec_string ("account", NULL, NULL, NULL, flags);
  properties[PROP_HAS_STATUS] = g_param_spec_boolean ("has-status", NULL, NULL, FALSE, flags);
  /* A RetractCaseStatus; meaningful when has-status is set. */
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0,
                                              RETRACT_N_CASE_STATUSES - 1, 0, flags);
  properties[PROP_DUE_AT] = g_param_spec_boxed ("due-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_ERROR_MESSAGE] = g_param_spec_string ("error-message", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
retract_case_item_init (RetractCaseItem *self)
{
}

/* Replaces *@field with @value; returns whether it changed. */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
same_time (GDateTime *a,
           GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

static gboolean
same_error (const GError *a,
            const GError *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->domain == b->domain && a->code == b->code && g_strcmp0 (a->message, b->message) == 0;
}

/* The type's name in a sentence, for the due notification ("your WeChat
 * friend report"); its full name when the dataset gives no short one. */
static const char *
short_type_name (RetractCase     *kase,
                 RetractRuleset  *rules,
                 RetractLanguage  language)
{
  const RetractComplaintType *type = retract_case_lookup_complaint_type (kase, rules);

  if (type == NULL)
    return retract_case_get_complaint_type (kase);
  if (retract_text_is_set (&type->short_name))
    return retract_text_get (&type->short_name, language);
  return retract_text_get (&type->name, language);
}

/* Notifies each property in @changed, a mask of 1 << PROP_*. */
static void
notify_changed (RetractCaseItem *self,
                guint            changed)
{
  if (changed == 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 1; i < N_PROPS; i++)
    {
      if (changed & (1u << i))
        g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
_retract_case_item_update (RetractCaseItem      *self,
                           const RetractCaseRow *row,
                           RetractRuleset       *rules,
                           RetractLanguage       language)
{
  guint changed = 0;
  g_autofree char *heading = NULL;
  gboolean has_status;
  RetractCaseStatus status;

  g_return_val_if_fail (RETRACT_IS_CASE_ITEM (self), FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  if (self->kase != row->kase)
    {
      /* A new copy of the case (an event was logged, an answer edited). */
      if (self->kase != NULL)
        {
          const char *number = retract_case_get_detail (row->kase,
                                                        RETRACT_DETAIL_COMPLAINT_NUMBER);

          if (g_strcmp0 (retract_case_item_get_complaint_number (self),
                         number != NULL ? number : "") != 0)
            changed |= 1u << PROP_COMPLAINT_NUMBER;
          if (g_strcmp0 (retract_case_item_get_account (self),
                         retract_case_get_account (row->kase)) != 0)
            changed |= 1u << PROP_ACCOUNT;
        }
      g_set_object (&self->kase, row->kase);
    }

  heading = retract_case_dup_heading (row->kase, rules, language);
  if (replace_string (&self->heading, heading))
    changed |= 1u << PROP_HEADING;
  if (replace_string (&self->platform_name,
                      retract_case_get_platform_name (row->kase, rules, language)))
    changed |= 1u << PROP_PLATFORM_NAME;
  if (replace_string (&self->type_name,
                      retract_case_get_complaint_type_name (row->kase, rules, language)))
    changed |= 1u << PROP_TYPE_NAME;
  replace_string (&self->short_type_name, short_type_name (row->kase, rules, language));

  has_status = retract_case_row_has_status (row);
  status = has_status ? row->step.status : RETRACT_STATUS_CLOSED;
  if (has_status != self->has_status)
    {
      self->has_status = has_status;
      changed |= 1u << PROP_HAS_STATUS;
    }
  if (status != self->status)
    {
      self->status = status;
      changed |= 1u << PROP_STATUS;
    }
  if (!same_time (self->due_at, row->step.due_at))
    {
      g_clear_pointer (&self->due_at, g_date_time_unref);
      self->due_at = row->step.due_at != NULL ? g_date_time_ref (row->step.due_at) : NULL;
      changed |= 1u << PROP_DUE_AT;
    }
  if (!same_error (self->error, row->error))
    {
      g_clear_error (&self->error);
      self->error = row->error != NULL ? g_error_copy (row->error) : NULL;
      changed |= 1u << PROP_ERROR_MESSAGE;
    }

  notify_changed (self, changed);
  return changed != 0;
}

RetractCaseItem *
_retract_case_item_new (const RetractCaseRow *row,
                        RetractRuleset       *rules,
                        RetractLanguage       language)
{
  RetractCaseItem *self = g_object_new (RETRACT_TYPE_CASE_ITEM, NULL);

  _retract_case_item_update (self, row, rules, language);
  return self;
}

const char *
retract_case_item_get_id (RetractCaseItem *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_ITEM (self), NULL);
  return retract_case_get_id (self->kase);
}

/* Returns: (transfer none): the case (a light copy when the list was made
 * from retract_store_list_cases()) */
RetractCase *
retract_case_item_get_case (RetractCaseItem *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_ITEM (self), NULL);
  return self->kase;
}

/**
 * retract_case_item_get_heading:
 *
 * Returns: what names the case: "WeChat · Friend report"
 *   (retract_case_dup_heading())
 */
const char *
retract_case_item_get_heading (RetractCaseItem *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_ITEM (self), NULL);
  return self->heading;
}

const char *
retract_case_item_get_platform_name (RetractCaseItem *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_ITEM (self), NULL);
  return self->platform_name;
}

const char *
retract_case_item_get_type_name (RetractCaseItem *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_ITEM (self), NULL);
  return self->type_name;
}

/**
 * retract_case_item_get_short_type_name:
 *
 * Returns: (nullable): the complaint type's name as a sentence uses it
 *   ("friend report"), else its full name
 */
const char *
retract_case_item_get_short_type_name (RetractCaseItem *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_ITEM (self), NULL);
  return self->short_type_name;
}

/* Returns: the complaint number, "" when the user has none yet */
const char *
retract_case_item_get_complaint_number (RetractCaseItem *self)
{
  const char *number;

  g_return_val_if_fail (RETRACT_IS_CASE_ITEM (self), NULL);

  number = retract_case_get_detail (self->kase, RETRACT_DETAIL_COMPLAINT_NUMBER);
  return number != NULL ? number : "";
}

/* Returns: the account label, "" for "my account" */
const char *
retract_case_item_get_account (RetractCaseItem *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_ITEM (self), NULL);
  return retract_case_get_account (self->kase);
}

/* Returns: whether the case has a status; an open case the rules in use
 * could not assess has none (see retract_case_item_get_error()) */
gboolean
retract_case_item_has_status (RetractCaseItem *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_ITEM (self), FALSE);
  return self->has_status;
}

RetractCaseStatus
retract_case_item_get_status (RetractCaseItem *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_ITEM (self), RETRACT_STATUS_CLOSED);
  return self->status;
}

/* Returns: (nullable) (transfer none): the next step's deadline */
GDateTime *
retract_case_item_get_due_at (RetractCaseItem *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_ITEM (self), NULL);
  return self->due_at;
}

/* Returns: (nullable): why the rules in use could not assess the case */
const GError *
retract_case_item_get_error (RetractCaseItem *self)
{
  g_return_val_if_fail (RETRACT_IS_CASE_ITEM (self), NULL);
  return self->error;
}

static gboolean
contains_folded (const char *text,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

/**
 * retract_case_item_matches:
 * @search: (nullable): what the user typed in the search bar
 *
 * The list's search (issue 13: by complaint number, type or account): whether
 * each word of @search is in one of them, ignoring case. The UI filters with
 * a GtkFilterListModel whose GtkCustomFilter calls this.
 *
 * Returns: whether the case matches; every case matches an empty search
 */
gboolean
retract_case_item_matches (RetractCaseItem *self,
                           const char      *search)
{
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (RETRACT_IS_CASE_ITEM (self), FALSE);

  if (search == NULL)
    return TRUE;

  words = g_strsplit_set (search, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = NULL;

      if (*words[i] == '\0' || !g_utf8_validate (words[i], -1, NULL))
        continue;
      word = g_utf8_casefold (words[i], -1);
      if (!contains_folded (retract_case_item_get_complaint_number (self), word) &&
          !contains_folded (self->type_name, word) &&
          !contains_folded (retract_case_item_get_account (self), word))
        return FALSE;
    }

  return TRUE;
}
